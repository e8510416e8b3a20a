-- One row per event and unordered pair of sides it joins, each side
-- named as a dyad filter names it: an actor id, or a country code (an
-- actor counts under both). The smaller side comes first, since a dyad
-- query is symmetric. The index orders one pair's events newest first,
-- so that a page of a dyad is read from it in order: no scan of one
-- side's events, no sort.
CREATE TABLE event_dyads (
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	date  TEXT NOT NULL,
	event TEXT NOT NULL REFERENCES events (id)
);

-- Fill it from the participant rows. A value of three capital letters is
-- a country code when it names a side, so such an actor id counts only
-- through its country. Sides are compared byte by byte, as the store
-- orders them.
WITH sides AS (
	SELECT event, actor, date, actor AS side FROM event_actors WHERE actor !~ '^[A-Z]{3}$'
	UNION
	SELECT event, actor, date, country FROM event_actors WHERE country ~ '^[A-Z]{3}$'
)
INSERT INTO event_dyads (a, b, date, event)
SELECT DISTINCT LEAST(x.side COLLATE "C", y.side COLLATE "C"), GREATEST(x.side COLLATE "C", y.side COLLATE "C"), x.date, x.event
FROM sides x JOIN sides y ON y.event = x.event AND y.actor <> x.actor;

CREATE INDEX event_dyads_pair ON event_dyads (a, b, date DESC, event);
CREATE INDEX event_dyads_event ON event_dyads (event);
ANALYZE event_dyads;
