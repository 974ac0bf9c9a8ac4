-- Issue 15, item 2: riksnorm as year-keyed data. Lots ships the years it knows
-- (lots_domain::forsorjningsstod::riksnorm::Riksnorm::inbyggda); a kommun's
-- systemförvaltare adds a later year here without a new release. Each save is a
-- new version, old ones are kept, and the change is audited in the same
-- transaction. The table is the domain type as JSON, checked before it is saved.
CREATE TABLE riksnorm (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    ar BIGINT NOT NULL,
    version BIGINT NOT NULL,
    tabell TEXT NOT NULL,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, ar, version)
);
