-- Issue 19 item 3: notifications by e-mail or SMS that something is new on Mina sidor.
--
-- avisering_val: the person's choice, one row per person. The address in use (kanal,
-- adress, verifierad) is only ever one the person confirmed with a code sent to it; a
-- new address waits in ny_kanal/ny_adress with the code's hash until confirmed, and the
-- old one goes on working meanwhile. The address is contact data like person.adress:
-- shown to the person only, never to staff, gallras with the person.
CREATE TABLE avisering_val (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    person TEXT NOT NULL,
    kanal TEXT CHECK (kanal IN ('epost', 'sms')),
    adress TEXT,
    -- The language of Mina sidor when the person chose: the notification's language.
    sprak TEXT NOT NULL,
    verifierad TEXT,
    ny_kanal TEXT CHECK (ny_kanal IN ('epost', 'sms')),
    ny_adress TEXT,
    kod_hash TEXT,
    kod_giltig_till TEXT,
    kod_forsok BIGINT NOT NULL DEFAULT 0,
    andrad TEXT NOT NULL,
    PRIMARY KEY (kommun, person)
);

-- The outbox: a row is written in the transaction of a step that should tell the person,
-- so it is there exactly when the step is; `lots serve`'s worker sends it after commit,
-- tries again with a growing wait, and records how it went. At most one row per person
-- waits at a time: events while it waits are told by the same notification.
CREATE TABLE avisering_utkorg (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    person TEXT NOT NULL,
    skapad TEXT NOT NULL,
    skicka_efter TEXT NOT NULL,
    forsok BIGINT NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('vantar', 'skickad', 'avbruten', 'misslyckad')),
    -- The channel it went by, and when; what the last attempt gave (no address in it).
    kanal TEXT,
    klar TEXT,
    utfall TEXT,
    PRIMARY KEY (kommun, id)
);
CREATE UNIQUE INDEX avisering_utkorg_en_vantar ON avisering_utkorg (kommun, person) WHERE status = 'vantar';
CREATE INDEX avisering_utkorg_forfallna ON avisering_utkorg (kommun, status, skicka_efter);
