// Beheer › Organisaties en wijken (issue 11): an ended organisation has `until`, a merged duplicate
// `mergedInto` (the id of the record it became). Lists for the administration and the records that
// were merged into one organisation are found through these.
CREATE INDEX organisation_until IF NOT EXISTS FOR (n:Organisation) ON (n.until);
CREATE INDEX organisation_merged_into IF NOT EXISTS FOR (n:Organisation) ON (n.mergedInto);
