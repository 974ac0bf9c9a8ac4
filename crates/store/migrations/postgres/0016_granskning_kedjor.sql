-- The audit log without a global lock (issue 14): each kommun's log is kept in a
-- few hash chains (kedja 0 the reads and every row written before this migration,
-- 1-8 the steps by their case, 9 other writes), each with its own head and its own
-- seq from 1, so writers of different chains do not wait for each other. A row may
-- name other chains' heads (hanvisningar, "<kedja>:<seq>:<hash> ..."), which
-- `lots verify-log` checks. A list view writes one row naming every record it
-- showed: `poster` is how many, and the records are in granskning_post, in order.
-- Rows written before keep their hashes: the new fields enter a row's hash only
-- when set (crates/store/src/kedja.rs, "The chains").
-- ADD COLUMN with a constant default does not rewrite the table.
ALTER TABLE granskning ADD COLUMN kedja BIGINT NOT NULL DEFAULT 0;
ALTER TABLE granskning ADD COLUMN poster BIGINT;
ALTER TABLE granskning ADD COLUMN hanvisningar TEXT;
DROP INDEX granskning_kedja_seq;
CREATE UNIQUE INDEX granskning_kedja_seq ON granskning (kommun, kedja, seq);

CREATE TABLE granskning_post (
    kommun TEXT NOT NULL,
    granskning TEXT NOT NULL,
    nr BIGINT NOT NULL,
    person TEXT,
    arende TEXT,
    utanfor BIGINT NOT NULL DEFAULT 0,
    skyddad BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (kommun, granskning, nr)
);
CREATE INDEX granskning_post_person ON granskning_post (kommun, person);
CREATE INDEX granskning_post_arende ON granskning_post (kommun, arende);

-- One head per kommun and chain; the kommun's head so far is chain 0's.
ALTER TABLE granskning_kedja ADD COLUMN kedja BIGINT NOT NULL DEFAULT 0;
ALTER TABLE granskning_kedja DROP CONSTRAINT granskning_kedja_pkey;
ALTER TABLE granskning_kedja ADD PRIMARY KEY (kommun, kedja);
