-- Issue 19 item 1: who the person can reach, and how. Each enhet's contact settings,
-- set by the systemförvaltare and shown on Mina sidor (the case, the decision, a late
-- notice, the error pages). Not personal data about a client: the enhet's phone, hours,
-- visiting address, an e-mail for questions that are not sensitive, how to book a meeting,
-- and for a provider's enhet the contact person the person meets.
CREATE TABLE enhetskontakt (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    enhet TEXT NOT NULL,
    telefon TEXT NOT NULL DEFAULT '',
    telefontider TEXT NOT NULL DEFAULT '',
    besoksadress TEXT NOT NULL DEFAULT '',
    besokstider TEXT NOT NULL DEFAULT '',
    epost TEXT NOT NULL DEFAULT '',
    boka_mote TEXT NOT NULL DEFAULT '',
    kontaktperson TEXT NOT NULL DEFAULT '',
    andrad TEXT NOT NULL,
    andrad_av TEXT NOT NULL,
    PRIMARY KEY (kommun, enhet)
);

-- Who covers for a handläggare while they are away, and until which day (inclusive): set
-- by the arbetsledare, shown to the person on Mina sidor beside their handläggare's name.
-- One cover per handläggare at a time; a new one replaces the old.
CREATE TABLE ersattare (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    handlaggare TEXT NOT NULL,
    ersattare TEXT NOT NULL,
    till TEXT NOT NULL,
    satt TEXT NOT NULL,
    satt_av TEXT NOT NULL,
    PRIMARY KEY (kommun, handlaggare)
);
