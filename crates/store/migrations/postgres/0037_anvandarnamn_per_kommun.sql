-- Issue 18, item 8: several kommuner on one database. A user name, and the subject an
-- identity provider gives a user, are unique within their kommun, not across the
-- database: two kommuner may each have their "anna.s". Login therefore names the
-- kommun (the login page asks when the server serves more than one).
ALTER TABLE anvandare DROP CONSTRAINT anvandare_anvandarnamn_key;
CREATE UNIQUE INDEX anvandare_kommun_anvandarnamn ON anvandare (kommun, anvandarnamn);
DROP INDEX anvandare_oidc_subjekt;
CREATE UNIQUE INDEX anvandare_oidc_subjekt ON anvandare (kommun, oidc_subjekt);
-- The kommun a login through an identity provider or eID was started for, so that
-- the answer coming back logs in to that kommun. NULL: the server serves one kommun.
ALTER TABLE oidc_forfragan ADD COLUMN kommun TEXT;
