-- no-transaction
-- Issue 18, item 8: several kommuner on one database. A user name, and the subject an
-- identity provider gives a user, are unique within their kommun, not across the
-- database. SQLite cannot drop the UNIQUE written in the table's definition, so the
-- table is rebuilt (SQLite's "other kinds of table schema changes", with foreign key
-- enforcement off while the table is swapped, since dropping it would otherwise
-- cascade into every table that names a user). Run outside sqlx's transaction,
-- because `PRAGMA foreign_keys` is a no-op inside one; the swap is its own transaction.
PRAGMA foreign_keys = OFF;
BEGIN;
CREATE TABLE anvandare_ny (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    enhet TEXT NOT NULL REFERENCES enhet(id),
    anvandarnamn TEXT NOT NULL,
    namn TEXT NOT NULL,
    roll TEXT NOT NULL,
    losenord TEXT NOT NULL,
    aktiv BIGINT NOT NULL DEFAULT 1,
    totp_hemlighet TEXT,
    totp_senaste_steg BIGINT,
    oidc_subjekt TEXT,
    skyddad_behorighet BIGINT NOT NULL DEFAULT 0,
    totp_nyckel TEXT
);
INSERT INTO anvandare_ny (id, kommun, enhet, anvandarnamn, namn, roll, losenord, aktiv,
        totp_hemlighet, totp_senaste_steg, oidc_subjekt, skyddad_behorighet, totp_nyckel)
    SELECT id, kommun, enhet, anvandarnamn, namn, roll, losenord, aktiv,
        totp_hemlighet, totp_senaste_steg, oidc_subjekt, skyddad_behorighet, totp_nyckel
    FROM anvandare;
DROP TABLE anvandare;
ALTER TABLE anvandare_ny RENAME TO anvandare;
CREATE UNIQUE INDEX anvandare_kommun_anvandarnamn ON anvandare (kommun, anvandarnamn);
CREATE UNIQUE INDEX anvandare_oidc_subjekt ON anvandare (kommun, oidc_subjekt);
-- The kommun a login through an identity provider or eID was started for.
ALTER TABLE oidc_forfragan ADD COLUMN kommun TEXT;
COMMIT;
PRAGMA foreign_keys = ON;
