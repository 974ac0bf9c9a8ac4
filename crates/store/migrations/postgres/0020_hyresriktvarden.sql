-- Issue 15, item 3: the kommun's guideline amounts for a reasonable rent, per
-- household size 1 to 7 (the last for seven or more), as data the systemförvaltare
-- keeps. A rent above its amount is approved only with the handläggare's written
-- judgement. Each save is a new version, audited in the same transaction.
CREATE TABLE hyresriktvarden (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    version BIGINT NOT NULL,
    belopp TEXT NOT NULL,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, version)
);

-- Issue 15, item 8: the amount above which a payment of försörjningsstöd needs a
-- second person's attest, as the kommun decides it (versioned, audited). Without
-- a row Lots uses 15 000 kr.
CREATE TABLE attestgrans (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    version BIGINT NOT NULL,
    belopp BIGINT NOT NULL,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, version)
);
