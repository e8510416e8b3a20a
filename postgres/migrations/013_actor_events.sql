-- Events per actor, kept up to date by triggers as participant rows are
-- added and removed (they are never changed), so that a list of actors
-- reads one row for each instead of counting its participant rows.
CREATE TABLE actor_events (
	actor TEXT PRIMARY KEY,
	n     BIGINT NOT NULL
);
INSERT INTO actor_events (actor, n) SELECT actor, count(*) FROM event_actors GROUP BY actor;

CREATE FUNCTION event_actors_actor_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO actor_events (actor, n) VALUES (NEW.actor, 1)
			ON CONFLICT (actor) DO UPDATE SET n = actor_events.n + 1;
	ELSE
		UPDATE actor_events SET n = n - 1 WHERE actor = OLD.actor;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER event_actors_actor_counted AFTER INSERT OR DELETE ON event_actors FOR EACH ROW EXECUTE FUNCTION event_actors_actor_counted();
