// Issue 9: the wijkkaart. Actions are looked up by id; links recorded for a wijk with an
// organisation elsewhere are found by the wijk they were recorded for.
CREATE CONSTRAINT wijk_action_id IF NOT EXISTS FOR (n:WijkAction) REQUIRE n.id IS UNIQUE;
CREATE INDEX collaborates_with_recorded_for IF NOT EXISTS FOR ()-[r:COLLABORATES_WITH]-() ON (r.recordedFor);
