-- Running counts of each merged event's reports: a refresh reads a row
-- per distinct date, place, topic set and outlet, not every report, so
-- that an event reported ten thousand times costs no more to refresh
-- than one reported twice. Kinds: d date, l location, t topics, a
-- articles, o articles of an outlet, u articles of no known outlet.
CREATE TABLE event_tallies (
	event TEXT NOT NULL,
	kind  TEXT NOT NULL,
	value TEXT NOT NULL,
	n     INTEGER NOT NULL,
	PRIMARY KEY (event, kind, value)
) WITHOUT ROWID;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 'd', date, count(*) FROM reports GROUP BY event, date;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 'l', location, count(*) FROM reports WHERE location <> '' GROUP BY event, location;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 't', topics, count(*) FROM reports WHERE topics <> '' GROUP BY event, topics;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 'a', '', count(DISTINCT article) FROM reports GROUP BY event;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 'o', outlet, count(DISTINCT article) FROM reports WHERE outlet <> '' GROUP BY event, outlet;
INSERT INTO event_tallies (event, kind, value, n)
	SELECT event, 'u', '', count(DISTINCT article) FROM reports WHERE outlet = '' GROUP BY event;

-- The first report of an event, in the order a refresh reads them, from
-- the index: dated ones by date, then the undated.
CREATE INDEX reports_first ON reports (event, published, article, local_id);
