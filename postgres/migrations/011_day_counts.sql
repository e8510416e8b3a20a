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
	n    BIGINT NOT NULL,
	PRIMARY KEY (kind, day, key)
);

INSERT INTO day_counts (kind, day, key, n)
	SELECT 'articles', published, '', count(*) FROM articles WHERE published <> '' GROUP BY published
	UNION ALL SELECT 'outlet', published, outlet, count(*) FROM articles WHERE published <> '' GROUP BY published, outlet
	UNION ALL SELECT 'story', published, story_id, count(*) FROM articles WHERE published <> '' GROUP BY published, story_id
	UNION ALL SELECT 'type', date, type, count(*) FROM events WHERE date <> '' GROUP BY date, type;

-- Articles are only added, and their date, outlet and story never change.
CREATE FUNCTION articles_day_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO day_counts (kind, day, key, n) VALUES
		('articles', NEW.published, '', 1), ('outlet', NEW.published, NEW.outlet, 1), ('story', NEW.published, NEW.story_id, 1)
		ON CONFLICT (kind, day, key) DO UPDATE SET n = day_counts.n + 1;
	RETURN NULL;
END $$;
CREATE TRIGGER articles_day_counted AFTER INSERT ON articles FOR EACH ROW WHEN (NEW.published <> '') EXECUTE FUNCTION articles_day_counted();

CREATE FUNCTION events_day_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.type = NEW.type AND OLD.date = NEW.date THEN
		RETURN NULL;
	END IF;
	IF TG_OP <> 'INSERT' AND OLD.date <> '' THEN
		UPDATE day_counts SET n = n - 1 WHERE kind = 'type' AND day = OLD.date AND key = OLD.type;
	END IF;
	IF TG_OP <> 'DELETE' AND NEW.date <> '' THEN
		INSERT INTO day_counts (kind, day, key, n) VALUES ('type', NEW.date, NEW.type, 1)
			ON CONFLICT (kind, day, key) DO UPDATE SET n = day_counts.n + 1;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER events_day_counted AFTER INSERT OR UPDATE OF type, date OR DELETE ON events FOR EACH ROW EXECUTE FUNCTION events_day_counted();
