-- Events per actor, kept up to date by triggers as participant rows are
-- added and removed (they are never changed), so that a list of actors
-- reads one row for each instead of counting its participant rows.
CREATE TABLE actor_events (
	actor TEXT PRIMARY KEY,
	n     INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO actor_events (actor, n) SELECT actor, count(*) FROM event_actors GROUP BY actor;

CREATE TRIGGER event_actors_actor_counted AFTER INSERT ON event_actors BEGIN
	INSERT INTO actor_events (actor, n) VALUES (NEW.actor, 1)
		ON CONFLICT (actor) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_actors_actor_uncounted AFTER DELETE ON event_actors BEGIN
	UPDATE actor_events SET n = n - 1 WHERE actor = OLD.actor;
END;
