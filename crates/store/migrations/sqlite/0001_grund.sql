-- Lots schema. Every row carries its kommun (DESIGN.md, Data). Ids are UUIDv7 as text.
-- Dates are ISO text (YYYY-MM-DD); instants are RFC 3339 UTC text.
CREATE TABLE kommun (
    id TEXT PRIMARY KEY,
    kod TEXT NOT NULL UNIQUE,
    namn TEXT NOT NULL
);
CREATE TABLE namnd (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    namn TEXT NOT NULL
);
CREATE TABLE enhet (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    namnd TEXT NOT NULL REFERENCES namnd(id),
    namn TEXT NOT NULL,
    utforare BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE anvandare (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    enhet TEXT NOT NULL REFERENCES enhet(id),
    anvandarnamn TEXT NOT NULL UNIQUE,
    namn TEXT NOT NULL,
    roll TEXT NOT NULL,
    losenord TEXT NOT NULL,
    aktiv BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE session (
    id TEXT PRIMARY KEY,
    anvandare TEXT NOT NULL REFERENCES anvandare(id),
    csrf TEXT NOT NULL,
    skapad TEXT NOT NULL,
    senast TEXT NOT NULL
);
CREATE TABLE person (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    identitet_typ TEXT NOT NULL,
    identitet TEXT NOT NULL,
    fornamn TEXT NOT NULL,
    efternamn TEXT NOT NULL,
    adress TEXT NOT NULL DEFAULT '',
    skyddad BIGINT NOT NULL DEFAULT 0,
    syntetisk BIGINT NOT NULL DEFAULT 0,
    UNIQUE (kommun, identitet)
);
CREATE INDEX person_namn ON person (kommun, efternamn, fornamn);
CREATE TABLE delegationsordning (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    version BIGINT NOT NULL,
    giltig_fran TEXT NOT NULL,
    punkter TEXT NOT NULL,
    PRIMARY KEY (kommun, version)
);
-- The event history: append-only, hash-chained per case.
CREATE TABLE handelse (
    arende TEXT NOT NULL,
    seq BIGINT NOT NULL,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    schema_version BIGINT NOT NULL,
    payload TEXT NOT NULL,
    aktor TEXT NOT NULL,
    tidpunkt TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL,
    PRIMARY KEY (arende, seq)
);
-- Projections, rebuilt from handelse in the same transaction as each append.
CREATE TABLE arende (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    person TEXT NOT NULL REFERENCES person(id),
    enhet TEXT NOT NULL REFERENCES enhet(id),
    handlaggare TEXT,
    typ TEXT NOT NULL,
    status TEXT NOT NULL,
    inkom TEXT NOT NULL,
    senast_seq BIGINT NOT NULL,
    uppdaterad TEXT NOT NULL,
    tillstand TEXT NOT NULL
);
CREATE INDEX arende_handlaggare ON arende (kommun, handlaggare, status);
CREATE INDEX arende_person ON arende (person);
CREATE INDEX arende_enhet ON arende (kommun, enhet, status);
CREATE TABLE bevakning (
    arende TEXT NOT NULL REFERENCES arende(id),
    nyckel TEXT NOT NULL,
    kommun TEXT NOT NULL,
    typ TEXT NOT NULL,
    datum TEXT NOT NULL,
    beslut TEXT,
    ansvarig TEXT,
    enhet TEXT NOT NULL,
    PRIMARY KEY (arende, nyckel)
);
CREATE INDEX bevakning_ansvarig ON bevakning (kommun, ansvarig, datum);
CREATE TABLE journal (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL,
    arende TEXT NOT NULL REFERENCES arende(id),
    person TEXT NOT NULL REFERENCES person(id),
    datum TEXT NOT NULL,
    text TEXT NOT NULL,
    forfattare TEXT NOT NULL,
    skriven TEXT NOT NULL,
    rattar TEXT
);
CREATE INDEX journal_person ON journal (person, datum);
CREATE TABLE journal_invandning (
    anteckning TEXT NOT NULL REFERENCES journal(id),
    seq BIGINT NOT NULL,
    kommun TEXT NOT NULL,
    datum TEXT NOT NULL,
    text TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    registrerad TEXT NOT NULL,
    PRIMARY KEY (anteckning, seq)
);
CREATE TABLE dokument (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL,
    arende TEXT NOT NULL,
    namn TEXT NOT NULL,
    innehallstyp TEXT NOT NULL,
    storlek BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    innehall BLOB NOT NULL
);
-- Who read or changed what. Written in the same transaction as a write.
CREATE TABLE granskning (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL,
    tidpunkt TEXT NOT NULL,
    anvandare TEXT NOT NULL,
    roll TEXT NOT NULL,
    enhet TEXT NOT NULL,
    handling TEXT NOT NULL,
    person TEXT,
    arende TEXT,
    skal TEXT
);
CREATE INDEX granskning_person ON granskning (kommun, person, tidpunkt);
