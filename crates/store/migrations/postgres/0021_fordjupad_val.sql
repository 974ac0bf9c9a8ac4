-- Issue 16, item 4: the choices about a deepened investigation after six months in a row
-- with försörjningsstöd, as a projection of the cases' FordjupadUtredningVald events, so a
-- month calculated in the person's next case knows the choice for the run was already made.
-- Rewritten for a case when its choices change, in the step's transaction.
CREATE TABLE fordjupad_val (
    arende TEXT NOT NULL,
    person TEXT NOT NULL,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    -- The first month of the run of aid the choice answers, 'YYYY-MM'.
    fran TEXT NOT NULL,
    datum TEXT NOT NULL,
    inleds INTEGER NOT NULL,
    skal TEXT NOT NULL,
    PRIMARY KEY (arende, fran)
);
CREATE INDEX fordjupad_val_person ON fordjupad_val (person, fran);
