-- Counts the overview shows, kept up to date by triggers as rows are
-- saved, recoded and corrected, so that the overview reads a few rows
-- instead of counting the corpus (about 1 s at 100,000 articles).
-- overview_counts: kind 'total' with key articles, outlets, stories or
-- actors (mentioned at least once); kind 'type' with an event type.
-- dyad_counts: events per pair of participants, the smaller id first.
CREATE TABLE overview_counts (
	kind TEXT NOT NULL,
	key  TEXT NOT NULL,
	n    BIGINT NOT NULL,
	PRIMARY KEY (kind, key)
);
CREATE TABLE dyad_counts (
	a TEXT NOT NULL,
	b TEXT NOT NULL,
	n BIGINT NOT NULL,
	PRIMARY KEY (a, b)
);
CREATE INDEX dyad_counts_top ON dyad_counts (n DESC, a, b);

INSERT INTO overview_counts (kind, key, n)
	SELECT 'total', 'articles', count(*) FROM articles
	UNION ALL SELECT 'total', 'outlets', count(DISTINCT outlet) FROM articles
	UNION ALL SELECT 'total', 'stories', count(DISTINCT story_id) FROM articles
	UNION ALL SELECT 'total', 'actors', count(*) FROM actors WHERE mentions > 0;
INSERT INTO overview_counts (kind, key, n) SELECT 'type', type, count(*) FROM events GROUP BY type;
INSERT INTO dyad_counts (a, b, n)
	SELECT x.actor, y.actor, count(*) FROM event_actors x JOIN event_actors y ON y.event = x.event AND x.actor < y.actor
	GROUP BY x.actor, y.actor;

-- Articles are only added. A story or an outlet counts when its first
-- article comes: BEFORE, so that the new row is not yet there.
CREATE FUNCTION articles_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'articles';
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'stories'
		AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = NEW.story_id);
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'outlets'
		AND NOT EXISTS (SELECT 1 FROM articles WHERE outlet = NEW.outlet);
	RETURN NEW;
END $$;
CREATE TRIGGER articles_counted BEFORE INSERT ON articles FOR EACH ROW EXECUTE FUNCTION articles_counted();

CREATE FUNCTION actors_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	was_counted boolean := false;
	is_counted  boolean := false;
BEGIN
	IF TG_OP <> 'INSERT' THEN
		was_counted := OLD.mentions > 0;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		is_counted := NEW.mentions > 0;
	END IF;
	IF was_counted <> is_counted THEN
		UPDATE overview_counts SET n = n + CASE WHEN is_counted THEN 1 ELSE -1 END WHERE kind = 'total' AND key = 'actors';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER actors_counted AFTER INSERT OR UPDATE OF mentions OR DELETE ON actors FOR EACH ROW EXECUTE FUNCTION actors_counted();

CREATE FUNCTION events_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.type = NEW.type THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' THEN
		UPDATE overview_counts SET n = n - 1 WHERE kind = 'type' AND key = OLD.type;
	END IF;
	IF TG_OP <> 'DELETE' THEN
		INSERT INTO overview_counts (kind, key, n) VALUES ('type', NEW.type, 1)
			ON CONFLICT (kind, key) DO UPDATE SET n = overview_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER events_counted AFTER INSERT OR UPDATE OF type OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_counted();

-- A BEFORE row trigger sees the rows of the statement processed before
-- it and not its own, so each pair of an event's participants is
-- counted once: by the second of the two to come, or the first of the
-- two to go.
CREATE FUNCTION event_actors_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO dyad_counts (a, b, n)
			SELECT least(x.actor, NEW.actor), greatest(x.actor, NEW.actor), count(*) FROM event_actors x
			WHERE x.event = NEW.event AND x.actor <> NEW.actor GROUP BY 1, 2
			ON CONFLICT (a, b) DO UPDATE SET n = dyad_counts.n + excluded.n;
		RETURN NEW;
	END IF;
	UPDATE dyad_counts SET n = n - 1
		WHERE (a, b) IN (SELECT least(x.actor, OLD.actor), greatest(x.actor, OLD.actor) FROM event_actors x
			WHERE x.event = OLD.event AND x.actor <> OLD.actor);
	RETURN OLD;
END $$;
CREATE TRIGGER event_actors_counted BEFORE INSERT OR DELETE ON event_actors FOR EACH ROW EXECUTE FUNCTION event_actors_counted();
