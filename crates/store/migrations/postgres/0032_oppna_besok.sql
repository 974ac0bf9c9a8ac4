-- Issue 17 items 2-3: visits to öppna insatser registered at the utförare's desk. A row
-- holds exactly what the entry's privacy mode may keep, and the CHECK makes the database
-- refuse anything more: minimal keeps legal sex, age band and district; anonym a count;
-- rådgivning a topic from a fixed list. There is no column for a name, a personnummer or
-- free text. `insats_version` is the catalogue version the visit was checked against.
CREATE TABLE oppet_besok (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    insats TEXT NOT NULL,
    insats_version BIGINT NOT NULL,
    utforare TEXT NOT NULL REFERENCES enhet(id),
    dag TEXT NOT NULL,
    integritet TEXT NOT NULL,
    antal BIGINT NOT NULL,
    kon TEXT,
    aldersgrupp TEXT,
    stadsdel TEXT,
    amne TEXT,
    registrerad TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    CHECK (
        (integritet = 'minimal' AND antal = 1 AND kon IS NOT NULL AND aldersgrupp IS NOT NULL
            AND stadsdel IS NOT NULL AND amne IS NULL)
        OR (integritet = 'anonym' AND antal >= 1 AND kon IS NULL AND aldersgrupp IS NULL
            AND stadsdel IS NULL AND amne IS NULL)
        OR (integritet = 'radgivning' AND antal = 1 AND kon IS NULL AND aldersgrupp IS NULL
            AND stadsdel IS NULL AND amne IS NOT NULL)
    )
);
CREATE INDEX oppet_besok_insats ON oppet_besok (kommun, insats, dag);
