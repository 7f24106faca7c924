// Onderzoek (issue 10): named studies whose export salt is kept, so a longitudinal study gets the
// same pseudonyms in every export.
CREATE CONSTRAINT research_study_id IF NOT EXISTS FOR (s:ResearchStudy) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT research_study_name IF NOT EXISTS FOR (s:ResearchStudy) REQUIRE s.name IS UNIQUE;
