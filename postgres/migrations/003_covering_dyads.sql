-- A dyad query reads both sides' actor from the index too (y.actor <>
-- x.actor), so the country index carries the actor and the actor index
-- the country: no table row is fetched.
DROP INDEX event_actors_actor;
DROP INDEX event_actors_country;
CREATE INDEX event_actors_actor ON event_actors (actor, date, event, country);
CREATE INDEX event_actors_country ON event_actors (country, date, event, actor);
