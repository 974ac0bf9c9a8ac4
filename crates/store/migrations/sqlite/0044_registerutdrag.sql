-- Issue 18 item 7: a request for a registerutdrag (GDPR art. 15) is a thing with a last
-- day, not only a PDF. A row is one request: when it came in and how, who answers for it
-- (`ansvarig`, shown it on their start page until it is answered), the last day (one
-- month, art. 12.3), an extension with its reason (at most two months more, decided
-- within the first), and the answer: sent, sent with parts withheld, or refused, with the
-- reasons the person is owed (art. 12.4). The person's, so it goes with their records at
-- gallring. Every change is also in the audit log.
CREATE TABLE registerutdragsbegaran (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    person TEXT NOT NULL,
    enhet TEXT NOT NULL,
    mottagen TEXT NOT NULL,
    kanal TEXT NOT NULL,
    registrerad TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    ansvarig TEXT NOT NULL,
    svar_senast TEXT NOT NULL,
    forlangd_till TEXT,
    forlangning_skal TEXT,
    forlangd_av TEXT,
    besvarad TEXT,
    besvarad_av TEXT,
    utfall TEXT,
    skal TEXT,
    PRIMARY KEY (kommun, id)
);
CREATE INDEX registerutdragsbegaran_person ON registerutdragsbegaran (kommun, person);
CREATE INDEX registerutdragsbegaran_ansvarig ON registerutdragsbegaran (kommun, ansvarig, besvarad);
