-- Issue 15, items 1 and 7: the medsökande of a joint application for försörjningsstöd logs in
-- to Mina sidor with their own identity and sees that application and its decision, nothing
-- else of the case. The months in which a person is named medsökande, by identity, written
-- from the application and the calculation events in the step's transaction; a new
-- application or calculation of the same month replaces the row.
CREATE TABLE forsorjningsstod_medsokande (
    arende TEXT NOT NULL,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    -- The month, 'YYYY-MM'.
    manad TEXT NOT NULL,
    -- Identitet::varde of the medsökande: twelve digits, or a reservnummer as written.
    identitet TEXT NOT NULL,
    PRIMARY KEY (arende, manad)
);
CREATE INDEX forsorjningsstod_medsokande_identitet ON forsorjningsstod_medsokande (kommun, identitet);

-- The joint months already calculated (applications named no medsökande before this).
INSERT INTO forsorjningsstod_medsokande (arende, kommun, manad, identitet)
SELECT arende, kommun, manad, medsokande FROM forsorjningsstod_manad WHERE medsokande IS NOT NULL;
