// Lookups the API makes that are not by id.
CREATE INDEX organisation_name IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX offering_category IF NOT EXISTS FOR (n:Offering) ON (n.category);
CREATE INDEX network_circle_created_at IF NOT EXISTS FOR (n:NetworkCircle) ON (n.createdAt);
CREATE INDEX client_name IF NOT EXISTS FOR (n:Client) ON (n.name);
