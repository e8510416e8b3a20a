-- Counts the overview shows, kept up to date by triggers as rows are
-- saved, recoded and corrected, so that the overview reads a few rows
-- instead of counting the corpus (about 1 s at 100,000 articles).
-- overview_counts: kind 'total' with key articles, outlets, stories or
-- actors (mentioned at least once); kind 'type' with an event type.
-- dyad_counts: events per pair of participants, the smaller id first.
CREATE TABLE overview_counts (
	kind TEXT NOT NULL,
	key  TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;
CREATE TABLE dyad_counts (
	a TEXT NOT NULL,
	b TEXT NOT NULL,
	n INTEGER NOT NULL,
	PRIMARY KEY (a, b)
) WITHOUT ROWID;
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
-- article comes.
CREATE TRIGGER articles_counted AFTER INSERT ON articles BEGIN
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'articles';
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'stories'
		AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = NEW.story_id AND seq <> NEW.seq);
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'outlets'
		AND NOT EXISTS (SELECT 1 FROM articles WHERE outlet = NEW.outlet AND seq <> NEW.seq);
END;

CREATE TRIGGER actors_counted AFTER INSERT ON actors WHEN NEW.mentions > 0 BEGIN
	UPDATE overview_counts SET n = n + 1 WHERE kind = 'total' AND key = 'actors';
END;
CREATE TRIGGER actors_recounted AFTER UPDATE OF mentions ON actors WHEN (OLD.mentions > 0) <> (NEW.mentions > 0) BEGIN
	UPDATE overview_counts SET n = n + CASE WHEN NEW.mentions > 0 THEN 1 ELSE -1 END WHERE kind = 'total' AND key = 'actors';
END;
CREATE TRIGGER actors_uncounted AFTER DELETE ON actors WHEN OLD.mentions > 0 BEGIN
	UPDATE overview_counts SET n = n - 1 WHERE kind = 'total' AND key = 'actors';
END;

CREATE TRIGGER events_counted AFTER INSERT ON events BEGIN
	INSERT INTO overview_counts (kind, key, n) VALUES ('type', NEW.type, 1)
		ON CONFLICT (kind, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_uncounted AFTER DELETE ON events BEGIN
	UPDATE overview_counts SET n = n - 1 WHERE kind = 'type' AND key = OLD.type;
END;
CREATE TRIGGER events_recounted AFTER UPDATE OF type ON events WHEN OLD.type <> NEW.type BEGIN
	UPDATE overview_counts SET n = n - 1 WHERE kind = 'type' AND key = OLD.type;
	INSERT INTO overview_counts (kind, key, n) VALUES ('type', NEW.type, 1)
		ON CONFLICT (kind, key) DO UPDATE SET n = n + 1;
END;

-- A row trigger sees the rows of the statement processed before it, so
-- each pair of an event's participants is counted once: by the second
-- of the two to come, or the first of the two to go.
CREATE TRIGGER event_actors_counted AFTER INSERT ON event_actors BEGIN
	INSERT INTO dyad_counts (a, b, n)
		SELECT min(x.actor, NEW.actor), max(x.actor, NEW.actor), 1 FROM event_actors x
		WHERE x.event = NEW.event AND x.actor <> NEW.actor AND true
		ON CONFLICT (a, b) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_actors_uncounted AFTER DELETE ON event_actors BEGIN
	UPDATE dyad_counts SET n = n - 1
		WHERE (a, b) IN (SELECT min(x.actor, OLD.actor), max(x.actor, OLD.actor) FROM event_actors x
			WHERE x.event = OLD.event AND x.actor <> OLD.actor);
END;
