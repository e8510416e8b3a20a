-- Users' corrections of articles' records, kept beside the coder's
-- output (articles.record), never written over it; the derived rows
-- (mentions, reports, events) show the record with them applied.
-- before_json and after_json hold didar.Change as JSON ('' for none).
CREATE TABLE corrections (
	id          INTEGER PRIMARY KEY,
	article     TEXT NOT NULL,
	op          TEXT NOT NULL,
	before_json TEXT NOT NULL DEFAULT '',
	after_json  TEXT NOT NULL DEFAULT '',
	reason      TEXT NOT NULL DEFAULT '',
	username    TEXT NOT NULL,
	made_at     TEXT NOT NULL,
	undoes      INTEGER NOT NULL DEFAULT 0,
	undone_by   INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX corrections_article ON corrections (article, id);
CREATE INDEX corrections_user ON corrections (username, id);
CREATE INDEX corrections_made ON corrections (made_at, id);

-- Users keep only the SHA-256 of their token; sessions only that of
-- their cookie.
CREATE TABLE users (
	name       TEXT PRIMARY KEY,
	role       TEXT NOT NULL,
	token_hash TEXT NOT NULL UNIQUE,
	created_at TEXT NOT NULL
);
CREATE TABLE sessions (
	id_hash  TEXT PRIMARY KEY,
	username TEXT NOT NULL REFERENCES users (name),
	csrf     TEXT NOT NULL,
	expires  TEXT NOT NULL
);

-- marks: 1 a user corrected the report's event, 2 one checked it. Event
-- tables read the marks of a page's events from the few marked rows.
ALTER TABLE reports ADD COLUMN marks INTEGER NOT NULL DEFAULT 0;
CREATE INDEX reports_marked ON reports (event) WHERE marks > 0;
