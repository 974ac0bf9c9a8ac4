-- Issue 18 item 8: the last four tables that hold a kommun's data without naming it get a
-- kommun column, taken from the row's owner (the user for sparat_formular and paminnelse,
-- the person for ansokningsutkast, the fullmakt for fullmaktsdokument), so that every
-- statement on them names the kommun as on PostgreSQL. SQLite keeps its keys, as 0038
-- explains (docs/citus.md, "Keys"): it holds one kommun per file and is never distributed.
-- A row whose owner is gone belongs to nobody Lots can show it to, and is dropped.
ALTER TABLE sparat_formular ADD COLUMN kommun TEXT NOT NULL DEFAULT '';
UPDATE sparat_formular SET kommun = COALESCE((SELECT a.kommun FROM anvandare a WHERE a.id = sparat_formular.anvandare), '');
DELETE FROM sparat_formular WHERE kommun = '';
DROP INDEX sparat_formular_anvandare_sokvag;
CREATE INDEX sparat_formular_anvandare_sokvag ON sparat_formular (kommun, anvandare, sokvag);

ALTER TABLE paminnelse ADD COLUMN kommun TEXT NOT NULL DEFAULT '';
UPDATE paminnelse SET kommun = COALESCE((SELECT a.kommun FROM anvandare a WHERE a.id = paminnelse.anvandare), '');
DELETE FROM paminnelse WHERE kommun = '';
DROP INDEX paminnelse_anvandare;
CREATE INDEX paminnelse_anvandare ON paminnelse (kommun, anvandare, datum);

ALTER TABLE ansokningsutkast ADD COLUMN kommun TEXT NOT NULL DEFAULT '';
UPDATE ansokningsutkast SET kommun = COALESCE((SELECT p.kommun FROM person p WHERE p.id = ansokningsutkast.person), '');
DELETE FROM ansokningsutkast WHERE kommun = '';

ALTER TABLE fullmaktsdokument ADD COLUMN kommun TEXT NOT NULL DEFAULT '';
UPDATE fullmaktsdokument SET kommun = COALESCE((SELECT f.kommun FROM fullmakt f WHERE f.id = fullmaktsdokument.fullmakt), '');
DELETE FROM fullmaktsdokument WHERE kommun = '';
CREATE UNIQUE INDEX ansokningsutkast_kommun ON ansokningsutkast (kommun, person, insats);
