-- A dyad's monthly series and an actor's page read rows kept up to date
-- by triggers, instead of joining every event of the pair or every
-- participant row of the actor (tens of milliseconds for a big pair at
-- 100,000 articles).
--
-- event_dyads carries its event's quad class and Goldstein score, so the
-- months at a period's edges are read from it alone. Its rows are never
-- changed: when an event changes they are deleted and written anew.
ALTER TABLE event_dyads ADD COLUMN quad_class INTEGER NOT NULL DEFAULT 0;
ALTER TABLE event_dyads ADD COLUMN goldstein DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE event_dyads d SET quad_class = e.quad_class, goldstein = e.goldstein FROM events e WHERE e.id = d.event;

-- dyad_months: a pair's dated events per month (the date's first seven
-- characters) and quad class, with the sum of their Goldstein scores in
-- tenths: scores have one decimal, and integer sums do not drift as rows
-- come and go.
CREATE TABLE dyad_months (
	a           TEXT NOT NULL,
	b           TEXT NOT NULL,
	month       TEXT NOT NULL,
	quad_class  INTEGER NOT NULL,
	n           BIGINT NOT NULL,
	goldstein10 BIGINT NOT NULL,
	PRIMARY KEY (a, b, month, quad_class)
);
INSERT INTO dyad_months (a, b, month, quad_class, n, goldstein10)
	SELECT a, b, substr(date, 1, 7), quad_class, count(*), sum(round(goldstein * 10)::bigint)
	FROM event_dyads WHERE date <> '' GROUP BY a, b, substr(date, 1, 7), quad_class;

CREATE FUNCTION event_dyads_month_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		IF NEW.date <> '' THEN
			INSERT INTO dyad_months (a, b, month, quad_class, n, goldstein10)
				VALUES (NEW.a, NEW.b, substr(NEW.date, 1, 7), NEW.quad_class, 1, round(NEW.goldstein * 10)::bigint)
				ON CONFLICT (a, b, month, quad_class) DO UPDATE
				SET n = dyad_months.n + 1, goldstein10 = dyad_months.goldstein10 + excluded.goldstein10;
		END IF;
	ELSIF OLD.date <> '' THEN
		UPDATE dyad_months SET n = n - 1, goldstein10 = goldstein10 - round(OLD.goldstein * 10)::bigint
			WHERE a = OLD.a AND b = OLD.b AND month = substr(OLD.date, 1, 7) AND quad_class = OLD.quad_class;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER event_dyads_month_counted AFTER INSERT OR DELETE ON event_dyads FOR EACH ROW EXECUTE FUNCTION event_dyads_month_counted();

-- An actor's partners are read from dyad_counts from either side.
CREATE INDEX dyad_counts_b ON dyad_counts (b, a, n);

-- actor_types: an actor's participant rows per event type, which are
-- added and removed, never changed.
CREATE TABLE actor_types (
	actor TEXT NOT NULL,
	type  TEXT NOT NULL,
	n     BIGINT NOT NULL,
	PRIMARY KEY (actor, type)
);
INSERT INTO actor_types (actor, type, n) SELECT actor, type, count(*) FROM event_actors GROUP BY actor, type;

CREATE FUNCTION event_actors_type_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO actor_types (actor, type, n) VALUES (NEW.actor, NEW.type, 1)
			ON CONFLICT (actor, type) DO UPDATE SET n = actor_types.n + 1;
	ELSE
		UPDATE actor_types SET n = n - 1 WHERE actor = OLD.actor AND type = OLD.type;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER event_actors_type_counted AFTER INSERT OR DELETE ON event_actors FOR EACH ROW EXECUTE FUNCTION event_actors_type_counted();

-- An actor's page of events, newest first, is read in order from its
-- index rows.
DROP INDEX event_actors_actor;
CREATE INDEX event_actors_actor ON event_actors (actor, date DESC, event, country);

-- event_pairs: one row per dated event and pair of its participants,
-- the smaller id first (the pairs dyad_counts counts), newest first in
-- its index, so that the top pairs of a period are counted from its
-- latest rows without joining events to their participants twice.
CREATE TABLE event_pairs (
	date  TEXT NOT NULL,
	event TEXT NOT NULL REFERENCES events (id),
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	PRIMARY KEY (date, event, a, b)
);
CREATE INDEX event_pairs_event ON event_pairs (event);
INSERT INTO event_pairs (date, event, a, b)
	SELECT x.date, x.event, x.actor, y.actor FROM event_actors x JOIN event_actors y ON y.event = x.event AND x.actor < y.actor
	WHERE x.date <> '';

-- An event's source and target, as columns too, so that a network reads
-- its ties without decoding each event ('' when open or symmetric), the
-- newest first from an index that holds all it reads.
ALTER TABLE events ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE events ADD COLUMN target TEXT NOT NULL DEFAULT '';
UPDATE events SET source = coalesce(event::jsonb ->> 'source', ''), target = coalesce(event::jsonb ->> 'target', '');
CREATE INDEX events_ties ON events (date DESC, id, type, goldstein, source, target);

-- corpus_version counts the transactions that changed the corpus (the
-- store adds one in each), so that a network or a period's counts
-- computed once can be served until the count moves (sqlstore's memo).
CREATE TABLE corpus_version (n BIGINT NOT NULL);
INSERT INTO corpus_version (n) VALUES (0);
