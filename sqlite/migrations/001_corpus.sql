-- The corpus: articles with their records, the actors they mention and
-- the events merged across the articles that report them. Dates are ISO
-- text ('' when unknown) so that they sort and compare as strings.
CREATE TABLE articles (
	seq         INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	hash        TEXT NOT NULL UNIQUE,
	source      TEXT NOT NULL DEFAULT '',
	via         TEXT NOT NULL DEFAULT '[]',
	url         TEXT NOT NULL DEFAULT '',
	published   TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	raw         TEXT NOT NULL DEFAULT '',
	outlet      TEXT NOT NULL DEFAULT '',
	coder       TEXT NOT NULL DEFAULT '',
	story_id    TEXT NOT NULL,
	sketch      BLOB,
	record      TEXT NOT NULL,
	num_events  INTEGER NOT NULL DEFAULT 0,
	ingested_at TEXT NOT NULL,
	search      TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published, seq);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_outlet ON articles (outlet);

-- Full-text index, contentless: it holds the search terms of each
-- article (see package sqlite), not a copy of the text. articles.search
-- stays empty on SQLite.
CREATE VIRTUAL TABLE articles_fts USING fts5 (terms, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0');

CREATE TABLE article_bands (
	key     INTEGER NOT NULL,
	article INTEGER NOT NULL REFERENCES articles (seq)
);
CREATE INDEX article_bands_key ON article_bands (key);

CREATE TABLE actors (
	id            TEXT PRIMARY KEY,
	kind          TEXT NOT NULL,
	name_fa       TEXT NOT NULL DEFAULT '',
	name_en       TEXT NOT NULL DEFAULT '',
	country       TEXT NOT NULL DEFAULT '',
	sector        TEXT NOT NULL DEFAULT '',
	in_dictionary INTEGER NOT NULL DEFAULT 0,
	mentions      INTEGER NOT NULL DEFAULT 0,
	entry         TEXT NOT NULL DEFAULT '',
	names         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX actors_mentions ON actors (mentions);

CREATE TABLE mentions (
	article  INTEGER NOT NULL REFERENCES articles (seq),
	actor    TEXT NOT NULL,
	start    INTEGER NOT NULL,
	stop     INTEGER NOT NULL,
	text     TEXT NOT NULL,
	via      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX mentions_article ON mentions (article);
CREATE INDEX mentions_actor ON mentions (actor);

CREATE TABLE quotes (
	article  INTEGER NOT NULL REFERENCES articles (seq),
	speaker  TEXT NOT NULL,
	kind     TEXT NOT NULL,
	cue      TEXT NOT NULL,
	start    INTEGER NOT NULL,
	stop     INTEGER NOT NULL,
	text     TEXT NOT NULL
);
CREATE INDEX quotes_article ON quotes (article);
CREATE INDEX quotes_speaker ON quotes (speaker);

CREATE TABLE article_topics (
	article INTEGER NOT NULL REFERENCES articles (seq),
	topic   TEXT NOT NULL
);
CREATE INDEX article_topics_article ON article_topics (article);
CREATE INDEX article_topics_topic ON article_topics (topic);

-- events are merged: one row per interaction, whatever the number of
-- articles reporting it; event holds the merged didar.Event as JSON.
CREATE TABLE events (
	id           TEXT PRIMARY KEY,
	merge_key    TEXT NOT NULL,
	type         TEXT NOT NULL,
	quad_class   INTEGER NOT NULL,
	goldstein    REAL NOT NULL,
	status       TEXT NOT NULL,
	date         TEXT NOT NULL,
	num_articles INTEGER NOT NULL,
	num_sources  INTEGER NOT NULL,
	article      TEXT NOT NULL,
	url          TEXT NOT NULL DEFAULT '',
	event        TEXT NOT NULL
);
CREATE INDEX events_merge ON events (merge_key, date);
CREATE INDEX events_date ON events (date);
CREATE INDEX events_type ON events (type, date);

-- one row per participant, with the event's date and type copied so that
-- actor, country and dyad queries over a period use one index.
CREATE TABLE event_actors (
	event   TEXT NOT NULL REFERENCES events (id),
	actor   TEXT NOT NULL,
	country TEXT NOT NULL,
	date    TEXT NOT NULL,
	type    TEXT NOT NULL
);
CREATE INDEX event_actors_event ON event_actors (event);
CREATE INDEX event_actors_actor ON event_actors (actor, date);
CREATE INDEX event_actors_country ON event_actors (country, date);

CREATE TABLE event_topics (
	event TEXT NOT NULL REFERENCES events (id),
	topic TEXT NOT NULL
);
CREATE INDEX event_topics_event ON event_topics (event);
CREATE INDEX event_topics_topic ON event_topics (topic);

-- reports link events to the articles that report them; event holds the
-- article's own didar.Event as JSON.
CREATE TABLE reports (
	event     TEXT NOT NULL REFERENCES events (id),
	article   INTEGER NOT NULL REFERENCES articles (seq),
	local_id  TEXT NOT NULL,
	outlet    TEXT NOT NULL,
	date      TEXT NOT NULL,
	published TEXT NOT NULL,
	body      TEXT NOT NULL,
	PRIMARY KEY (article, local_id)
);
CREATE INDEX reports_event ON reports (event);
CREATE INDEX reports_outlet ON reports (outlet);

