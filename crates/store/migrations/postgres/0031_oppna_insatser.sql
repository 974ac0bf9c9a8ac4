-- Issue 17 item 1: the catalogue of öppna insatser, the nämnd's decision on each insats
-- offered without an individual needs assessment. Each save is a new version of the
-- entry (old ones are kept), audited in the same transaction, like the text blocks and
-- the delegationsordning. `innehall` is the entry as JSON (lots_domain::oppen_insats);
-- the columns beside it are what lists and the desk select on.
CREATE TABLE oppen_insats (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    version BIGINT NOT NULL,
    namn TEXT NOT NULL,
    integritet TEXT NOT NULL,
    giltig_fran TEXT NOT NULL,
    giltig_till TEXT,
    innehall TEXT NOT NULL,
    sparad TEXT NOT NULL,
    sparad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, id, version)
);
