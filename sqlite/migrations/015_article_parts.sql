-- A long article's record (and its raw input, when that differs from its
-- text) is kept here in parts of a few hundred kilobytes, each compressed
-- with DEFLATE, instead of in one value of the articles row: articles.record
-- (or raw) is then '' and the parts, read in order of n and decompressed,
-- are the value. The engine holds a value whole, more than once, while it
-- binds and stores it; a part is small whatever the article's length.
CREATE TABLE article_parts (
	article INTEGER NOT NULL REFERENCES articles (seq),
	field   TEXT NOT NULL,
	n       INTEGER NOT NULL,
	data    BLOB NOT NULL,
	PRIMARY KEY (article, field, n)
);
