-- Issue 20, item 1: a long text (journal entry, a life area of the utredning, its
-- bedömning, a decision's motivering) can be saved as a draft (utkast) and taken up later.
-- A draft is a kept form like those of 0024, of another kind: saved on purpose by its
-- author, kept longer (30 days, `lots_store::UTKAST_SPARAS`), and, like them, only ever
-- read by that author. A page may have several of one user's drafts.
ALTER TABLE sparat_formular ADD COLUMN slag TEXT NOT NULL DEFAULT 'utgangen'
    CHECK (slag IN ('utgangen', 'utkast'));
-- A step's form looks up its user's drafts for that page.
DROP INDEX sparat_formular_anvandare;
CREATE INDEX sparat_formular_anvandare_sokvag ON sparat_formular (anvandare, sokvag);
-- The periodic clean-up removes what has expired.
CREATE INDEX sparat_formular_skapad ON sparat_formular (skapad);
