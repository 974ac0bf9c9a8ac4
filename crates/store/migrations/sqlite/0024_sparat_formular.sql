-- Issue 20, item 1: nothing typed is lost. A form posted after the staff member's session
-- ended is kept here, bound to that user, until they log in again and take it up (or it
-- expires after a few hours). It holds what was typed, which may be personal data, so it is
-- deleted when taken up and never read by anyone else.
CREATE TABLE sparat_formular (
    id TEXT PRIMARY KEY,
    anvandare TEXT NOT NULL REFERENCES anvandare(id),
    -- The path the form was posted to: where it comes back.
    sokvag TEXT NOT NULL,
    -- The fields as a JSON array of [name, value] pairs, the CSRF token left out.
    falt TEXT NOT NULL,
    skapad TEXT NOT NULL
);
CREATE INDEX sparat_formular_anvandare ON sparat_formular (anvandare);
