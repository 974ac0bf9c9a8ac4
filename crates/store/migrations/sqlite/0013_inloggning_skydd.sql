-- Issue 12, item 7: rate limits shared by every server on the database. One row
-- per limited key (a hash of the client address or user, never the address
-- itself) holding its current window: when it ends (unix seconds) and how many
-- requests it has counted. Each request is one upsert on the primary key;
-- ended windows are purged through the index on `slut`.
CREATE TABLE hastighetsgrans (
    nyckel TEXT PRIMARY KEY,
    slut BIGINT NOT NULL,
    antal BIGINT NOT NULL
);
CREATE INDEX hastighetsgrans_slut ON hastighetsgrans (slut);

-- Issue 12, item 7: TOTP secrets are encrypted (ChaCha20-Poly1305) with a key
-- outside the database (LOTS_TOTP_NYCKEL). The id of the key that encrypted a
-- secret is kept beside it, so that keys can rotate; NULL means a secret still in
-- plain text, which `lots migrate` encrypts once a key is configured.
ALTER TABLE anvandare ADD COLUMN totp_nyckel TEXT;
