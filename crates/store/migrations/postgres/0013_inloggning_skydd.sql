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
