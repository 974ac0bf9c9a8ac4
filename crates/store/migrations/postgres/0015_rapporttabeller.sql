-- What the nämnd's reports read (issue 14): rows the projection keeps with every step,
-- so a report reads the few rows its period needs through an index instead of
-- parsing every case's stored state. The rules stay in the domain: a row is what
-- `lots_domain::rapport::vantetider` or `arendets_beslut` gives for the case's state,
-- rewritten whenever the case's decisions change (`handelser::skriv_rapportrader`).
-- Filled for existing cases by `lots migrate` (`Store::fyll_rapporttabeller`).

-- One row per wait of a granted decision (`Vantan`), in the order `vantetider` gives (nr).
CREATE TABLE vantan (
    arende TEXT NOT NULL REFERENCES arende(id),
    nr BIGINT NOT NULL,
    kommun TEXT NOT NULL,
    person TEXT NOT NULL,
    beslut TEXT NOT NULL,
    insats TEXT NOT NULL,
    lagrum TEXT NOT NULL,
    beslutsdatum TEXT NOT NULL,
    avbrott TEXT,
    tre_manader TEXT NOT NULL,
    -- How the wait ended (verkstallt, aterupptaget, upphort), NULL while it goes on.
    slut TEXT,
    -- The day it ended; '9999-12-31' while it goes on, so that one range on the index
    -- finds every wait still going on a given day.
    slut_datum TEXT NOT NULL,
    -- Why, when slut is upphort (`Upphorande::kod`).
    upphorande TEXT,
    skal TEXT,
    PRIMARY KEY (arende, nr)
);
-- The quarterly reports: waits that went on at or after a day, in keyset order.
CREATE INDEX vantan_slut ON vantan (kommun, slut_datum, tre_manader, arende, nr);

-- One row per decision (`Delegationsbeslut`): the list of delegated decisions.
CREATE TABLE delegationsbeslut (
    arende TEXT NOT NULL REFERENCES arende(id),
    beslut TEXT NOT NULL,
    kommun TEXT NOT NULL,
    person TEXT NOT NULL,
    datum TEXT NOT NULL,
    insats TEXT NOT NULL,
    utfall TEXT NOT NULL,
    lagrum TEXT NOT NULL,
    beslutsfattare TEXT NOT NULL,
    delegation_version BIGINT NOT NULL,
    delegation_punkt TEXT NOT NULL,
    efter_omprovning BIGINT NOT NULL,
    PRIMARY KEY (arende, beslut)
);
CREATE INDEX delegationsbeslut_datum ON delegationsbeslut (kommun, datum, arende, beslut);

-- Where a one-off upgrade in `uppgradering` has come to (the last case done, in id
-- order), so a `lots migrate` that was stopped goes on from there.
ALTER TABLE uppgradering ADD COLUMN senast TEXT;
INSERT INTO uppgradering (namn) VALUES ('rapporttabeller');
