-- Mina sidor (issue 5): the person's own login, the fullmakter they gave, and
-- application drafts. What happens in a case stays in its events; these tables
-- hold only what is not a case event.

-- A session on Mina sidor, apart from the staff sessions: another cookie, another
-- table, so one can never be taken for the other. `identitet` is who logged in
-- (the person, or an ombud); `person` is whose matters are shown, chosen after
-- login; `fullmakt` is set when an ombud acts for someone else.
CREATE TABLE medborgarsession (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    identitet TEXT NOT NULL,
    namn TEXT NOT NULL,
    metod TEXT NOT NULL,
    person TEXT REFERENCES person(id),
    fullmakt TEXT,
    csrf TEXT NOT NULL,
    id_token TEXT,
    skapad TEXT NOT NULL,
    senast TEXT NOT NULL
);

-- A fullmakt (FL 14 §): the person lets an ombud act for them on Mina sidor.
-- Scope 'lasa' lets the ombud read; 'fora_talan' also apply, answer, appeal and
-- write. Revoking sets `aterkallad`; the row stays, for the record.
CREATE TABLE fullmakt (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    person TEXT NOT NULL REFERENCES person(id),
    ombud_identitet TEXT NOT NULL,
    ombud_namn TEXT NOT NULL,
    omfattning TEXT NOT NULL,
    giltig_till TEXT,
    registrerad TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    aterkallad TEXT
);
CREATE INDEX fullmakt_person ON fullmakt (person);
CREATE INDEX fullmakt_ombud ON fullmakt (kommun, ombud_identitet);

-- An application the person has started but not sent, kept between visits.
CREATE TABLE ansokningsutkast (
    person TEXT NOT NULL REFERENCES person(id),
    insats TEXT NOT NULL,
    innehall TEXT NOT NULL,
    andrad TEXT NOT NULL,
    PRIMARY KEY (person, insats)
);

-- Which enhet receives the digital applications for each published offer on Mina
-- sidor (space-separated offer codes, e.g. 'missbruk ekonomiskt-bistand').
ALTER TABLE enhet ADD COLUMN tar_emot TEXT NOT NULL DEFAULT '';
