-- Issue 20 item 5: the kommun's text blocks for common motiveringar, edited by the
-- arbetsledare and inserted by the handläggare into a decision's motivering or the
-- utredning's bedömning. Each save is a new version of the block (old ones are kept),
-- audited in the same transaction; a block is retired by a version that says so, and
-- taken back into use the same way. The newest version of each block is what it says now.
CREATE TABLE textblock (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    version BIGINT NOT NULL,
    titel TEXT NOT NULL,
    text TEXT NOT NULL,
    avvecklad BIGINT NOT NULL DEFAULT 0,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, id, version)
);
