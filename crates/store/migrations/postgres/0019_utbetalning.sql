-- Issue 15, item 8: the payments of försörjningsstöd, as a projection of the
-- cases' events (UtbetalningPlanerad, …Attesterad, …Skickad, …Makulerad), so the
-- unit's list of payments to attest and to send, and the payment file, are an
-- index range and not a read of every case. Rewritten for a case when its
-- payments change, in the step's transaction.
CREATE TABLE utbetalning (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    enhet TEXT NOT NULL,
    arende TEXT NOT NULL,
    person TEXT NOT NULL,
    beslut TEXT NOT NULL,
    manad TEXT NOT NULL,
    -- NULL: to the person's own account; else the landlord's name.
    hyresvard TEXT,
    -- lots_domain::forsorjningsstod::utbetalning::Konto as JSON.
    konto TEXT NOT NULL,
    belopp BIGINT NOT NULL,
    dag TEXT NOT NULL,
    -- 'attest' (waits for a second person), 'klar', 'skickad', 'makulerad'.
    lage TEXT NOT NULL,
    registrerad_av TEXT NOT NULL
);
CREATE INDEX utbetalning_enhet ON utbetalning (kommun, enhet, lage, dag);
CREATE INDEX utbetalning_arende ON utbetalning (arende);
-- The person's months with aid paid, for jobbstimulans across the person's cases.
CREATE INDEX utbetalning_person ON utbetalning (person, lage);
