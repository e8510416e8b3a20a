-- A dyad's monthly series and an actor's page read rows kept up to date
-- by triggers, instead of joining every event of the pair or every
-- participant row of the actor (tens of milliseconds for a big pair at
-- 100,000 articles).
--
-- event_dyads carries its event's quad class and Goldstein score, so the
-- months at a period's edges are read from it alone. Its rows are never
-- changed: when an event changes they are deleted and written anew.
ALTER TABLE event_dyads ADD COLUMN quad_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_dyads ADD COLUMN goldstein REAL NOT NULL DEFAULT 0;
UPDATE event_dyads SET quad_class = e.quad_class, goldstein = e.goldstein FROM events e WHERE e.id = event_dyads.event;

-- dyad_months: a pair's dated events per month (the date's first seven
-- characters) and quad class, with the sum of their Goldstein scores in
-- tenths: scores have one decimal, and integer sums do not drift as rows
-- come and go.
CREATE TABLE dyad_months (
	a           TEXT NOT NULL,
	b           TEXT NOT NULL,
	month       TEXT NOT NULL,
	quad_class  INTEGER NOT NULL,
	n           INTEGER NOT NULL,
	goldstein10 INTEGER NOT NULL,
	PRIMARY KEY (a, b, month, quad_class)
) WITHOUT ROWID;
INSERT INTO dyad_months (a, b, month, quad_class, n, goldstein10)
	SELECT a, b, substr(date, 1, 7), quad_class, count(*), sum(CAST(round(goldstein * 10) AS INTEGER))
	FROM event_dyads WHERE date <> '' GROUP BY a, b, substr(date, 1, 7), quad_class;

CREATE TRIGGER event_dyads_month_counted AFTER INSERT ON event_dyads WHEN NEW.date <> '' BEGIN
	INSERT INTO dyad_months (a, b, month, quad_class, n, goldstein10)
		VALUES (NEW.a, NEW.b, substr(NEW.date, 1, 7), NEW.quad_class, 1, CAST(round(NEW.goldstein * 10) AS INTEGER))
		ON CONFLICT (a, b, month, quad_class) DO UPDATE SET n = n + 1, goldstein10 = goldstein10 + excluded.goldstein10;
END;
CREATE TRIGGER event_dyads_month_uncounted AFTER DELETE ON event_dyads WHEN OLD.date <> '' BEGIN
	UPDATE dyad_months SET n = n - 1, goldstein10 = goldstein10 - CAST(round(OLD.goldstein * 10) AS INTEGER)
		WHERE a = OLD.a AND b = OLD.b AND month = substr(OLD.date, 1, 7) AND quad_class = OLD.quad_class;
END;

-- An actor's partners are read from dyad_counts from either side.
CREATE INDEX dyad_counts_b ON dyad_counts (b, a, n);

-- actor_types: an actor's participant rows per event type, which are
-- added and removed, never changed.
CREATE TABLE actor_types (
	actor TEXT NOT NULL,
	type  TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (actor, type)
) WITHOUT ROWID;
INSERT INTO actor_types (actor, type, n) SELECT actor, type, count(*) FROM event_actors GROUP BY actor, type;

CREATE TRIGGER event_actors_type_counted AFTER INSERT ON event_actors BEGIN
	INSERT INTO actor_types (actor, type, n) VALUES (NEW.actor, NEW.type, 1)
		ON CONFLICT (actor, type) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER event_actors_type_uncounted AFTER DELETE ON event_actors BEGIN
	UPDATE actor_types SET n = n - 1 WHERE actor = OLD.actor AND type = OLD.type;
END;

-- An actor's page of events, newest first, is read in order from its
-- index rows.
DROP INDEX event_actors_actor;
CREATE INDEX event_actors_actor ON event_actors (actor, date DESC, event);

-- event_pairs: one row per dated event and pair of its participants,
-- the smaller id first (the pairs dyad_counts counts), newest first in
-- its key, so that the top pairs of a period are counted from its
-- latest rows without joining events to their participants twice.
CREATE TABLE event_pairs (
	date  TEXT NOT NULL,
	event TEXT NOT NULL REFERENCES events (id),
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	PRIMARY KEY (date, event, a, b)
) WITHOUT ROWID;
CREATE INDEX event_pairs_event ON event_pairs (event);
INSERT INTO event_pairs (date, event, a, b)
	SELECT x.date, x.event, x.actor, y.actor FROM event_actors x JOIN event_actors y ON y.event = x.event AND x.actor < y.actor
	WHERE x.date <> '';

-- An event's source and target, as columns too, so that a network reads
-- its ties without decoding each event ('' when open or symmetric), the
-- newest first from an index that holds all it reads.
ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN target TEXT NOT NULL DEFAULT '';
UPDATE events SET source = coalesce(json_extract(event, '$.source'), ''), target = coalesce(json_extract(event, '$.target'), '');
CREATE INDEX events_ties ON events (date DESC, id, type, goldstein, source, target);

-- corpus_version counts the transactions that changed the corpus (the
-- store adds one in each), so that a network or a period's counts
-- computed once can be served until the count moves (sqlstore's memo).
CREATE TABLE corpus_version (n INTEGER NOT NULL);
INSERT INTO corpus_version (n) VALUES (0);
