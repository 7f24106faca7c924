// Import of a sociale kaart (issue 11): a staged upload is found by its id.
CREATE CONSTRAINT import_upload_id IF NOT EXISTS FOR (n:ImportUpload) REQUIRE n.id IS UNIQUE;
