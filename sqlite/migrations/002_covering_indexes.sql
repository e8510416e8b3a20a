-- Dyad, actor and country queries read event_actors only: these indexes
-- cover them, so no table row is fetched.
DROP INDEX event_actors_event;
DROP INDEX event_actors_actor;
DROP INDEX event_actors_country;
CREATE INDEX event_actors_event ON event_actors (event, actor, country);
CREATE INDEX event_actors_actor ON event_actors (actor, date, event);
CREATE INDEX event_actors_country ON event_actors (country, date, event);
