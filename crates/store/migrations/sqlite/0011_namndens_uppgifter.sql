-- What the letters say about the sending nämnd (issue 11, item 7): postal address,
-- phone, e-mail and the förvaltningsrätt that hears appeals (FL 33 §: the person
-- must be told how to appeal, and where to send it). Per kommun and versioned:
-- each change is a new row and old rows are kept, so a letter's `BrevSkapat`
-- event can name the version it was written with. The systemförvaltare edits
-- them under /admin/namnd; `lots init` and the demo set the first version.
-- `postadress` holds one address line per text line.
CREATE TABLE namnduppgifter (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    version BIGINT NOT NULL,
    namnd TEXT NOT NULL,
    postadress TEXT NOT NULL,
    telefon TEXT NOT NULL,
    epost TEXT NOT NULL DEFAULT '',
    forvaltningsratt TEXT NOT NULL,
    diarieprefix TEXT NOT NULL,
    andrad TEXT NOT NULL,
    andrad_av TEXT,
    PRIMARY KEY (kommun, version)
);

-- The case's diarienummer, e.g. 'SN 2026/00042': a running number per kommun and
-- year, taken from `diarieserie` in the transaction that creates the case.
-- Cases from before this migration get theirs in `lots migrate`.
CREATE TABLE diarieserie (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    ar BIGINT NOT NULL,
    senaste BIGINT NOT NULL,
    PRIMARY KEY (kommun, ar)
);
ALTER TABLE arende ADD COLUMN diarienummer TEXT;
CREATE UNIQUE INDEX arende_diarienummer ON arende (kommun, diarienummer);
