-- Provisional actors: people and offices the coder found in text but not
-- in the dictionary (actors.in_dictionary = 0). actor_roles keeps the
-- role phrases each record saw with them, so that a curator can tell who
-- they are; a recode replaces an article's rows, as it does its mentions.
CREATE TABLE actor_roles (
	article INTEGER NOT NULL REFERENCES articles (seq),
	actor   TEXT NOT NULL,
	role    TEXT NOT NULL
);
CREATE INDEX actor_roles_article ON actor_roles (article);
CREATE INDEX actor_roles_actor ON actor_roles (actor);

-- The unknown list reads the most mentioned first.
CREATE INDEX actors_unknown ON actors (in_dictionary, mentions);
