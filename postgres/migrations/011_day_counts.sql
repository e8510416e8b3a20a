-- Counts per day, kept up to date by triggers as rows are saved,
-- recoded and corrected, so that the overview of a period sums its days
-- instead of counting its articles and events (about 1 s at 100,000
-- articles). Undated rows are left out: no period takes them in.
-- kind 'articles' (key ''): articles published that day;
-- kind 'outlet': articles of that outlet published that day;
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
	UNION ALL SELECT 'type', date, type, count(*) FROM events WHERE date <> '' GROUP BY date, type;

-- The days a story has articles on, each with the story's day before
-- ('' for its first). The stories of a period are then counted without
-- telling them apart: a story is in it once, on its first day there,
-- the one whose day before is earlier than the period.
CREATE TABLE story_days (
	story TEXT NOT NULL,
	day   TEXT NOT NULL,
	prev  TEXT NOT NULL,
	PRIMARY KEY (story, day)
);
CREATE INDEX story_days_day ON story_days (day, prev);
INSERT INTO story_days (story, day, prev)
	SELECT story_id, published, coalesce(lag(published) OVER (PARTITION BY story_id ORDER BY published), '')
	FROM (SELECT DISTINCT story_id, published FROM articles WHERE published <> '') d;

-- Articles are only added, and their date, outlet and story never change.
CREATE FUNCTION articles_day_counted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO day_counts (kind, day, key, n) VALUES
		('articles', NEW.published, '', 1), ('outlet', NEW.published, NEW.outlet, 1)
		ON CONFLICT (kind, day, key) DO UPDATE SET n = day_counts.n + 1;
	INSERT INTO story_days (story, day, prev)
		SELECT NEW.story_id, NEW.published, coalesce(max(day), '') FROM story_days WHERE story = NEW.story_id AND day < NEW.published
		ON CONFLICT (story, day) DO NOTHING;
	UPDATE story_days SET prev = NEW.published
		WHERE story = NEW.story_id AND prev < NEW.published
		AND day = (SELECT min(day) FROM story_days WHERE story = NEW.story_id AND day > NEW.published);
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
