-- Issue 16, item 7: each calculated month of försörjningsstöd as a row, for the monthly
-- statistics to Socialstyrelsen (HSLF-FS 2015:30 3 §) and the arbetsledare's page. The
-- household of a month is only in that month's ForsorjningsstodBeraknat event (the case's
-- state keeps the newest month's alone), so a row is written from the event itself, in the
-- step's transaction; a new calculation of the same month replaces the row. What was paid
-- for the month is read from `utbetalning`.
CREATE TABLE forsorjningsstod_manad (
    arende TEXT NOT NULL,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    person TEXT NOT NULL,
    -- The month the aid is for, 'YYYY-MM'.
    manad TEXT NOT NULL,
    -- The adults of the application: 'ensam' or 'sambo' (Vuxna).
    vuxna TEXT NOT NULL,
    barn BIGINT NOT NULL,
    -- The calculated aid in whole kronor (the result when positive, else 0).
    belopp BIGINT NOT NULL,
    -- Each adult's försörjningshinder, the applicant first, as a JSON array of codes.
    hinder TEXT NOT NULL,
    -- The co-applicant's personnummer or samordningsnummer (twelve digits) in a joint
    -- application; NULL for one adult, or a number the register cannot take.
    medsokande TEXT,
    PRIMARY KEY (arende, manad)
);
CREATE INDEX forsorjningsstod_manad_kommun ON forsorjningsstod_manad (kommun, manad);

-- The months already calculated: the newest calculation of each month of each case.
INSERT INTO forsorjningsstod_manad (arende, kommun, person, manad, vuxna, barn, belopp, hinder, medsokande)
SELECT h.arende, h.kommun, a.person,
       json_extract(h.payload, '$.berakning.manad'),
       COALESCE(json_extract(h.payload, '$.underlag.hushall.vuxna'), 'ensam'),
       COALESCE(json_array_length(h.payload, '$.underlag.hushall.barn'), 0),
       MAX(COALESCE(json_extract(h.payload, '$.berakning.resultat'), 0), 0),
       COALESCE(json_extract(h.payload, '$.underlag.forsorjningshinder'), '[]'),
       CASE WHEN json_extract(h.payload, '$.underlag.medsokande.typ') IN ('personnummer', 'samordningsnummer')
            THEN json_extract(h.payload, '$.underlag.medsokande.varde') END
FROM handelse h JOIN arende a ON a.id = h.arende
WHERE h.kind = 'forsorjningsstod_beraknat'
  AND h.seq = (SELECT MAX(x.seq) FROM handelse x
               WHERE x.arende = h.arende AND x.kind = 'forsorjningsstod_beraknat'
                 AND json_extract(x.payload, '$.berakning.manad') = json_extract(h.payload, '$.berakning.manad'));

-- Why a case's aid ended (HSLF-FS 2015:30 4 § and bilaga 2), with the month it is reported
-- in: the case's last month with aid at or before the day it ended. Rewritten from the case's
-- state when the end or the calculated months change, in the step's transaction.
CREATE TABLE forsorjningsstod_avslut (
    arende TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    manad TEXT NOT NULL,
    datum TEXT NOT NULL,
    -- Slutorsak::kod.
    orsak TEXT NOT NULL
);
