CREATE CONSTRAINT suggestion_id IF NOT EXISTS FOR (s:Suggestion) REQUIRE s.id IS UNIQUE;
CREATE INDEX suggestion_submitted IF NOT EXISTS FOR (s:Suggestion) ON (s.submittedAt);
