-- Issue 17 items 5–6: utförare as organisations (egen regi, LOV, LOU) with their
-- contracts, the order's terms, the provider's reported delivery and its invoice lines.
-- Reconciliation (lots_domain::utforare::stam_av) reads these; nothing here is derived.
-- Every row is kommun data: every query names the kommun, so another kommun's provider
-- is, to this one, not there.
CREATE TABLE utforarorganisation (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    namn TEXT NOT NULL,
    organisationsnummer TEXT NOT NULL,
    regiform TEXT NOT NULL CHECK (regiform IN ('egen_regi', 'lov', 'lou')),
    -- LOV 9 kap. 2 §: the provider the nämnd assigns when the person does not choose.
    ickevalsalternativ BIGINT NOT NULL DEFAULT 0,
    skapad TEXT NOT NULL,
    PRIMARY KEY (kommun, id)
);

-- The provider's staff are users with the utförare role on an enhet of the provider.
ALTER TABLE enhet ADD COLUMN utforarorganisation TEXT;

CREATE TABLE avtal (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    utforare TEXT NOT NULL,
    fran TEXT NOT NULL,
    till TEXT NOT NULL,
    -- InsatsTyp codes, space-separated.
    insatser TEXT NOT NULL,
    prisenhet TEXT NOT NULL CHECK (prisenhet IN ('timme', 'dygn', 'tillfalle')),
    pris_ore BIGINT NOT NULL,
    tak_per_manad_ore BIGINT,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, id)
);
CREATE INDEX avtal_utforare ON avtal (kommun, utforare);

-- The order's terms beside the Bestalld event: which provider organisation, whether the
-- person chose it under LOV or it is the ickevalsalternativ, and what was granted per month.
CREATE TABLE bestallningsvillkor (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    beslut TEXT NOT NULL,
    utforare TEXT NOT NULL,
    val TEXT NOT NULL CHECK (val IN ('ej_valfrihet', 'valt', 'ickeval')),
    prisenhet TEXT NOT NULL CHECK (prisenhet IN ('timme', 'dygn', 'tillfalle')),
    beviljat_per_manad BIGINT,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, beslut)
);
CREATE INDEX bestallningsvillkor_utforare ON bestallningsvillkor (kommun, utforare);

-- Delivery reported by the provider, in hundredths of the contract's unit.
CREATE TABLE leverans (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    utforare TEXT NOT NULL,
    beslut TEXT NOT NULL,
    manad TEXT NOT NULL,
    antal BIGINT NOT NULL,
    rapporterad TEXT NOT NULL,
    rapporterad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, id)
);
CREATE INDEX leverans_utforare ON leverans (kommun, utforare, manad);

-- An invoice's lines as the provider sent them. `bestallning` is the provider's text:
-- a line naming no order keeps only that, and is never joined to a person.
CREATE TABLE fakturarad (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    faktura TEXT NOT NULL,
    rad BIGINT NOT NULL,
    utforare TEXT NOT NULL,
    bestallning TEXT NOT NULL,
    manad TEXT NOT NULL,
    prisenhet TEXT NOT NULL,
    antal BIGINT NOT NULL,
    a_pris_ore BIGINT NOT NULL,
    inlast TEXT NOT NULL,
    inlast_av TEXT NOT NULL,
    PRIMARY KEY (kommun, faktura, rad)
);
CREATE INDEX fakturarad_utforare ON fakturarad (kommun, utforare, manad);
