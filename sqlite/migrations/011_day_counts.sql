-- Counts per day, kept up to date by triggers as rows are saved,
-- recoded and corrected, so that the overview of a period sums its days
-- instead of counting its articles and events (about 1 s at 100,000
-- articles). Undated rows are left out: no period takes them in.
-- kind 'articles' (key ''): articles published that day;
-- kind 'outlet': articles of that outlet published that day;
-- kind 'story': articles of that story published that day;
-- kind 'type': events of that type dated that day.
CREATE TABLE day_counts (
	kind TEXT NOT NULL,
	day  TEXT NOT NULL,
	key  TEXT NOT NULL,
	n    INTEGER NOT NULL,
	PRIMARY KEY (kind, day, key)
) WITHOUT ROWID;

INSERT INTO day_counts (kind, day, key, n)
	SELECT 'articles', published, '', count(*) FROM articles WHERE published <> '' GROUP BY published
	UNION ALL SELECT 'outlet', published, outlet, count(*) FROM articles WHERE published <> '' GROUP BY published, outlet
	UNION ALL SELECT 'story', published, story_id, count(*) FROM articles WHERE published <> '' GROUP BY published, story_id
	UNION ALL SELECT 'type', date, type, count(*) FROM events WHERE date <> '' GROUP BY date, type;

-- Articles are only added, and their date, outlet and story never change.
CREATE TRIGGER articles_day_counted AFTER INSERT ON articles WHEN NEW.published <> '' BEGIN
	INSERT INTO day_counts (kind, day, key, n) VALUES
		('articles', NEW.published, '', 1), ('outlet', NEW.published, NEW.outlet, 1), ('story', NEW.published, NEW.story_id, 1)
		ON CONFLICT (kind, day, key) DO UPDATE SET n = n + 1;
END;

CREATE TRIGGER events_day_counted AFTER INSERT ON events WHEN NEW.date <> '' BEGIN
	INSERT INTO day_counts (kind, day, key, n) VALUES ('type', NEW.date, NEW.type, 1)
		ON CONFLICT (kind, day, key) DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER events_day_uncounted AFTER DELETE ON events WHEN OLD.date <> '' BEGIN
	UPDATE day_counts SET n = n - 1 WHERE kind = 'type' AND day = OLD.date AND key = OLD.type;
END;
CREATE TRIGGER events_day_recounted AFTER UPDATE OF type, date ON events WHEN OLD.type <> NEW.type OR OLD.date <> NEW.date BEGIN
	UPDATE day_counts SET n = n - 1 WHERE OLD.date <> '' AND kind = 'type' AND day = OLD.date AND key = OLD.type;
	INSERT INTO day_counts (kind, day, key, n) SELECT 'type', NEW.date, NEW.type, 1 WHERE NEW.date <> ''
		ON CONFLICT (kind, day, key) DO UPDATE SET n = n + 1;
END;
