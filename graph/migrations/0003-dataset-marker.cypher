// A loaded dataset (the demo data) is recorded once with a checksum of what was loaded.
CREATE CONSTRAINT dataset_name IF NOT EXISTS FOR (n:Dataset) REQUIRE n.name IS UNIQUE;
