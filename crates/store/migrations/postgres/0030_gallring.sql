-- Issue 18, item 6: gallring (SoL 16 kap.). `lots gallra` deletes a due person's
-- records from every table that holds them; the audit log is not part of the
-- personakt and keeps its rows (crates/store/src/gallring.rs, docs/gallring.md).
-- What remains of the person is this tombstone: the surrogate id the audit log's
-- rows name, when the records were deleted and the last entry they had, and a
-- keyed MAC of the identity number (with the audit log's key, outside the
-- database), so that a loggkontroll asked by the person within the log's own
-- retention can still find which rows were about them, while the table names
-- nobody to anyone without the key. NULL when no key was configured.
CREATE TABLE gallrad_person (
    person TEXT PRIMARY KEY,
    kommun TEXT NOT NULL REFERENCES kommun(id),
    gallrad TEXT NOT NULL,
    sista_anteckning TEXT NOT NULL,
    identitet_mac TEXT
);
CREATE INDEX gallrad_person_mac ON gallrad_person (kommun, identitet_mac);
