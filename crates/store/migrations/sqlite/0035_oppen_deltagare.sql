-- Issue 17 items 2-4 and 7: the desk's full mode, the step into the formal route, and
-- the orosanmälan from the desk.
--
-- `oppen_deltagare`: a person in a full-mode öppen insats (a person record and a journal,
-- as for a decided insats). One row per person and service: when they first came, when
-- the provider told them they may apply for bistånd (recorded once, SoL 11 kap. 5 §;
-- seed 002), and the choice made when the scope was reached (end, or apply).
CREATE TABLE oppen_deltagare (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    insats TEXT NOT NULL,
    person TEXT NOT NULL REFERENCES person(id),
    forsta_besok TEXT NOT NULL,
    informerad TEXT,
    informerad_av TEXT,
    val TEXT CHECK (val IN ('avsluta', 'ansoka')),
    val_dag TEXT,
    PRIMARY KEY (kommun, insats, person)
);

-- A full-mode visit: the journal entry of the person in the service (SoL 14 kap. 3 §).
-- Only the full mode has a person; minimal, anonymous and rådgivning visits stay in
-- `oppet_besok`, which has no person column.
CREATE TABLE oppen_journal (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    insats TEXT NOT NULL,
    insats_version BIGINT NOT NULL,
    person TEXT NOT NULL REFERENCES person(id),
    utforare TEXT NOT NULL REFERENCES enhet(id),
    dag TEXT NOT NULL,
    text TEXT NOT NULL,
    registrerad TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, id)
);
CREATE INDEX oppen_journal_person ON oppen_journal (kommun, person, insats, dag);
CREATE INDEX oppen_journal_insats ON oppen_journal (kommun, insats, dag);

-- A step from the desk into the formal route (an ansökan) or an orosanmälan, counted for
-- the group follow-up. Deliberately without a person, a case or a time of day: the row
-- says that one such step was taken from the service on that day, and nothing joins it
-- to the case it started or to the visits before it (issue 17 item 2).
CREATE TABLE oppen_overgang (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    insats TEXT NOT NULL,
    utforare TEXT NOT NULL REFERENCES enhet(id),
    dag TEXT NOT NULL,
    slag TEXT NOT NULL CHECK (slag IN ('ansokan', 'orosanmalan')),
    PRIMARY KEY (kommun, id)
);
CREATE INDEX oppen_overgang_insats ON oppen_overgang (kommun, insats, dag);
