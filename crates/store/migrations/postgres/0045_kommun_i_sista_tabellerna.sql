-- Issue 18 item 8: the last four tables that hold a kommun's data without naming it get a
-- kommun column, taken from the row's owner, so that they distribute by kommun on Citus
-- with the rest (docs/citus.md) and every statement on them can name the kommun:
--   sparat_formular, paminnelse  the user's (anvandare);
--   ansokningsutkast             the person's (person);
--   fullmaktsdokument            the fullmakt's (fullmakt).
-- A row whose owner is gone belongs to nobody Lots can show it to, and is dropped. The key
-- leads with the kommun and names the owner's key with it, as 0038 made the rest.
ALTER TABLE sparat_formular ADD COLUMN kommun TEXT;
UPDATE sparat_formular s SET kommun = a.kommun FROM anvandare a WHERE a.id = s.anvandare;
DELETE FROM sparat_formular WHERE kommun IS NULL;
ALTER TABLE sparat_formular ALTER COLUMN kommun SET NOT NULL;
ALTER TABLE sparat_formular DROP CONSTRAINT sparat_formular_pkey;
ALTER TABLE sparat_formular ADD PRIMARY KEY (kommun, id);
ALTER TABLE sparat_formular ADD FOREIGN KEY (kommun) REFERENCES kommun (id);
ALTER TABLE sparat_formular ADD FOREIGN KEY (kommun, anvandare) REFERENCES anvandare (kommun, id);
DROP INDEX sparat_formular_anvandare_sokvag;
CREATE INDEX sparat_formular_anvandare_sokvag ON sparat_formular (kommun, anvandare, sokvag);

ALTER TABLE paminnelse ADD COLUMN kommun TEXT;
UPDATE paminnelse p SET kommun = a.kommun FROM anvandare a WHERE a.id = p.anvandare;
DELETE FROM paminnelse WHERE kommun IS NULL;
ALTER TABLE paminnelse ALTER COLUMN kommun SET NOT NULL;
ALTER TABLE paminnelse DROP CONSTRAINT paminnelse_pkey;
ALTER TABLE paminnelse ADD PRIMARY KEY (kommun, id);
ALTER TABLE paminnelse ADD FOREIGN KEY (kommun) REFERENCES kommun (id);
ALTER TABLE paminnelse ADD FOREIGN KEY (kommun, anvandare) REFERENCES anvandare (kommun, id);
ALTER TABLE paminnelse ADD FOREIGN KEY (kommun, arende) REFERENCES arende (kommun, id);
DROP INDEX paminnelse_anvandare;
CREATE INDEX paminnelse_anvandare ON paminnelse (kommun, anvandare, datum);

ALTER TABLE ansokningsutkast ADD COLUMN kommun TEXT;
UPDATE ansokningsutkast u SET kommun = p.kommun FROM person p WHERE p.id = u.person;
DELETE FROM ansokningsutkast WHERE kommun IS NULL;
ALTER TABLE ansokningsutkast ALTER COLUMN kommun SET NOT NULL;
ALTER TABLE ansokningsutkast DROP CONSTRAINT ansokningsutkast_pkey;
ALTER TABLE ansokningsutkast ADD PRIMARY KEY (kommun, person, insats);
ALTER TABLE ansokningsutkast ADD FOREIGN KEY (kommun) REFERENCES kommun (id);
ALTER TABLE ansokningsutkast ADD FOREIGN KEY (kommun, person) REFERENCES person (kommun, id);

ALTER TABLE fullmaktsdokument ADD COLUMN kommun TEXT;
UPDATE fullmaktsdokument d SET kommun = f.kommun FROM fullmakt f WHERE f.id = d.fullmakt;
DELETE FROM fullmaktsdokument WHERE kommun IS NULL;
ALTER TABLE fullmaktsdokument ALTER COLUMN kommun SET NOT NULL;
ALTER TABLE fullmaktsdokument DROP CONSTRAINT fullmaktsdokument_pkey;
ALTER TABLE fullmaktsdokument ADD PRIMARY KEY (kommun, fullmakt);
ALTER TABLE fullmaktsdokument ADD FOREIGN KEY (kommun) REFERENCES kommun (id);
ALTER TABLE fullmaktsdokument ADD FOREIGN KEY (kommun, fullmakt) REFERENCES fullmakt (kommun, id);
