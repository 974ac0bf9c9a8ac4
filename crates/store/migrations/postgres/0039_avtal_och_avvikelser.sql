-- Issue 17: providers and contracts that change and end, and the invoice differences the
-- beställare must resolve before payment.
--
-- A contract keeps its id; each change writes the terms it replaces to `avtalsversion`
-- first, so every earlier version stays (version 1 is the first terms). A provider or a
-- contract ends by a last day, never by deletion.
ALTER TABLE utforarorganisation ADD COLUMN till TEXT;
ALTER TABLE avtal ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

CREATE TABLE avtalsversion (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    avtal TEXT NOT NULL,
    version BIGINT NOT NULL,
    utforare TEXT NOT NULL,
    fran TEXT NOT NULL,
    till TEXT NOT NULL,
    insatser TEXT NOT NULL,
    prisenhet TEXT NOT NULL,
    pris_ore BIGINT NOT NULL,
    tak_per_manad_ore BIGINT,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, avtal, version)
);

-- A difference the reconciliation flagged on an order (lots_domain::utforare::stam_av),
-- as a bevakning for the beställande enhet: `frist` is before `betalningsdag`. `nyckel`
-- names the difference within the provider's month, so a difference is flagged once.
-- Open while `hantering` is NULL; closed when approved with a reason (`godkand`), the
-- line disputed (`bestriden`), or the difference gone once delivery was reported
-- (`stammer`).
CREATE TABLE fakturaavvikelse (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    utforare TEXT NOT NULL,
    manad TEXT NOT NULL,
    nyckel TEXT NOT NULL,
    beslut TEXT NOT NULL,
    arende TEXT NOT NULL,
    enhet TEXT NOT NULL,
    text TEXT NOT NULL,
    flaggad TEXT NOT NULL,
    frist TEXT NOT NULL,
    betalningsdag TEXT NOT NULL,
    hantering TEXT CHECK (hantering IN ('godkand', 'bestriden', 'stammer')),
    motivering TEXT,
    hanterad TEXT,
    hanterad_av TEXT,
    PRIMARY KEY (kommun, id),
    UNIQUE (kommun, utforare, manad, nyckel)
);
CREATE INDEX fakturaavvikelse_enhet ON fakturaavvikelse (kommun, enhet, hantering, frist);
