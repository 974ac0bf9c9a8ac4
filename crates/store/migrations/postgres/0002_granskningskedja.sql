-- The audit log becomes append-only and hash-chained per kommun (issue 4): each row
-- carries its place in the chain and the hash of the row before it, so a changed or
-- removed row is found by `lots verify-log`. Rows written before this migration have
-- no place in the chain and are reported as such.
ALTER TABLE granskning ADD COLUMN seq BIGINT;
ALTER TABLE granskning ADD COLUMN prev_hash TEXT;
ALTER TABLE granskning ADD COLUMN hash TEXT;
CREATE UNIQUE INDEX granskning_kedja_seq ON granskning (kommun, seq);
CREATE TABLE granskning_kedja (
    kommun TEXT PRIMARY KEY REFERENCES kommun(id),
    seq BIGINT NOT NULL,
    hash TEXT NOT NULL
);
