-- Issue 12, "Sekretess, round two": the side doors around the access rules.

-- A fullmakt registered by staff from paper (FL 14 §) takes effect only once a
-- second staff member has approved it (four eyes), never the one who registered
-- it; the signed document is kept with it. A fullmakt the person gives on Mina
-- sidor holds at once: the person is the one deciding. Who registered and who
-- approved are kept as account ids (for the self-approval rule) and as names
-- (for the person and for loggkontroll).
ALTER TABLE fullmakt ADD COLUMN registrerad_av_anvandare TEXT;
ALTER TABLE fullmakt ADD COLUMN godkand TEXT;
ALTER TABLE fullmakt ADD COLUMN godkand_av TEXT;
ALTER TABLE fullmakt ADD COLUMN godkand_av_anvandare TEXT;
-- Fullmakter registered before this change held already and keep holding; they
-- are marked so that they can be found and reviewed (README, "Fullmakter").
UPDATE fullmakt SET godkand = registrerad,
    godkand_av = CASE WHEN registrerad_av = 'personen' THEN 'personen' ELSE 'före fyraögonsprincipen' END
    WHERE godkand IS NULL;

-- The signed fullmakt, scanned: PDF, JPEG or PNG, checked by its first bytes.
CREATE TABLE fullmaktsdokument (
    fullmakt TEXT PRIMARY KEY REFERENCES fullmakt(id),
    namn TEXT NOT NULL,
    innehallstyp TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    innehall BYTEA NOT NULL
);

-- Name search: every part of a first or last name, folded in Rust (lower case,
-- Swedish letters kept, other accents dropped), so that "Öberg" is found on
-- SQLite too, whose LOWER() folds ASCII only. Searched by prefix as a range
-- (ord >= 'öb' AND ord < 'öc'), which a plain b-tree index answers on both
-- databases; the byte order ("C" collation) makes the range exact on PostgreSQL.
CREATE TABLE personnamn (
    kommun TEXT NOT NULL,
    ord TEXT COLLATE "C" NOT NULL,
    person TEXT NOT NULL REFERENCES person(id),
    PRIMARY KEY (kommun, ord, person)
);
CREATE INDEX personnamn_person ON personnamn (person);

-- One-off upgrades done in Rust at `lots migrate` (Store::migrera), each row
-- removed once done: here, filling personnamn for the persons already stored.
CREATE TABLE uppgradering (namn TEXT PRIMARY KEY);
INSERT INTO uppgradering (namn) VALUES ('personnamn');

-- Partsinsyn per journal entry on Mina sidor (OSL 26 kap. 1 och 5 §§): the
-- handläggare's review of one entry, shown to the person or withheld because it
-- names a third party. Without a row the case type decides: entries of cases
-- that began with an anmälan or with information from someone else are
-- withheld, those of an ansökan shown.
CREATE TABLE journal_partsinsyn (
    anteckning TEXT PRIMARY KEY,
    kommun TEXT NOT NULL,
    visas BIGINT NOT NULL,
    provad_av TEXT NOT NULL,
    provad TEXT NOT NULL
);
