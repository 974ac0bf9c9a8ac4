-- Issue 12 item 2: a systemförvaltare cannot give itself case content.

-- A one-time link by which the user sets their own password: the systemförvaltare
-- never chooses or sees one. Only the SHA-256 of the link's token is kept; a link
-- works once (`anvand`) and until `giltig_till`.
CREATE TABLE kontoaktivering (
    token_hash TEXT PRIMARY KEY,
    anvandare TEXT NOT NULL REFERENCES anvandare(id),
    skapad TEXT NOT NULL,
    giltig_till TEXT NOT NULL,
    skapad_av TEXT NOT NULL,
    anvand TEXT
);

-- A grant of a role that reads case content (or the log, or administers accounts)
-- or of the protected-person right, waiting for a second person (four eyes,
-- OSL 26 kap. 1 §; SoL 12 kap.). The account gets it only when `godkand` is set,
-- by someone other than `begard_av` and other than the account itself.
CREATE TABLE behorighetsbegaran (
    id TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    anvandare TEXT NOT NULL REFERENCES anvandare(id),
    roll TEXT NOT NULL,
    enhet TEXT NOT NULL REFERENCES enhet(id),
    skyddad_behorighet BIGINT NOT NULL,
    aktiv BIGINT NOT NULL,
    begard_av TEXT NOT NULL REFERENCES anvandare(id),
    begard TEXT NOT NULL,
    godkand_av TEXT REFERENCES anvandare(id),
    godkand TEXT,
    CHECK (godkand_av IS NULL OR (godkand_av <> begard_av AND godkand_av <> anvandare))
);
CREATE INDEX behorighetsbegaran_vantande ON behorighetsbegaran (kommun, godkand);
