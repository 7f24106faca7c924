// Every node is found by an opaque UUID; names used in URLs (slugs) are unique as well.
CREATE CONSTRAINT migration_name IF NOT EXISTS FOR (n:Migration) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT district_id IF NOT EXISTS FOR (n:District) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT district_slug IF NOT EXISTS FOR (n:District) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (n:Organisation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organisation_slug IF NOT EXISTS FOR (n:Organisation) REQUIRE n.slug IS UNIQUE;
CREATE CONSTRAINT partnership_id IF NOT EXISTS FOR (n:Partnership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT offering_id IF NOT EXISTS FOR (n:Offering) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT network_circle_id IF NOT EXISTS FOR (n:NetworkCircle) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT places_id IF NOT EXISTS FOR ()-[r:PLACES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT collaborates_with_id IF NOT EXISTS FOR ()-[r:COLLABORATES_WITH]-() REQUIRE r.id IS UNIQUE;
