-- One row per event and unordered pair of sides it joins, each side
-- named as a dyad filter names it: an actor id, or a country code (an
-- actor counts under both). The smaller side comes first, since a dyad
-- query is symmetric. The key orders one pair's events newest first, so
-- that a page of a dyad is read from the index in order: no scan of one
-- side's events, no sort.
CREATE TABLE event_dyads (
	a     TEXT NOT NULL,
	b     TEXT NOT NULL,
	date  TEXT NOT NULL,
	event TEXT NOT NULL REFERENCES events (id),
	PRIMARY KEY (a, b, date DESC, event)
) WITHOUT ROWID;
CREATE INDEX event_dyads_event ON event_dyads (event);

-- Fill it from the participant rows. A value of three capital letters is
-- a country code when it names a side, so such an actor id counts only
-- through its country.
WITH sides AS (
	SELECT event, actor, date, actor AS side FROM event_actors WHERE actor NOT GLOB '[A-Z][A-Z][A-Z]'
	UNION
	SELECT event, actor, date, country FROM event_actors WHERE country GLOB '[A-Z][A-Z][A-Z]'
)
INSERT INTO event_dyads (a, b, date, event)
SELECT DISTINCT min(x.side, y.side), max(x.side, y.side), x.date, x.event
FROM sides x JOIN sides y ON y.event = x.event AND y.actor <> x.actor;
