-- The charset an article's raw input came in (utf-8, windows-1256, ...),
-- kept because the raw input is stored decoded to UTF-8. Empty: not
-- recorded (articles stored before, and JSON, which is UTF-8 by rule).
ALTER TABLE articles ADD COLUMN charset TEXT NOT NULL DEFAULT '';
