-- Issue 12, item 9: the audit log survives someone who can write to the database.
-- Each row carries "<key id>:<HMAC-SHA-256>" over its chain, place and hash, with
-- the key outside the database (LOTS_GRANSKNING_NYCKEL). Rows written before the
-- key have none and stay "unkeyed legacy": each chain records, stamped with the
-- key, the first place that must carry a MAC (set when the first keyed row is
-- written), so the boundary cannot be moved on. See README, "The audit log's key and anchors".
ALTER TABLE granskning ADD COLUMN mac TEXT;
ALTER TABLE granskning_kedja ADD COLUMN nycklad_fran BIGINT;
ALTER TABLE granskning_kedja ADD COLUMN nycklad_stampel TEXT;

-- Issue 12, item 6: a failed login keeps only a hash of the user name typed
-- (64 characters whatever was typed), and when it was last counted, so that old
-- failures are purged. Counters kept under plain names are dropped: forgetting
-- a count of failures locks nobody out and lets nobody in.
DELETE FROM inloggningsforsok;
ALTER TABLE inloggningsforsok ADD COLUMN senast TEXT;
CREATE INDEX inloggningsforsok_senast ON inloggningsforsok (senast);
