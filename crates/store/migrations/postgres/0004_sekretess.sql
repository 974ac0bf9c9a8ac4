-- Sekretess och behörighet (issue 4).

-- Persons with skyddade personuppgifter are visible only to staff given that right
-- explicitly (OSL 21 kap. 3 §; Skatteverkets skyddade personuppgifter).
ALTER TABLE anvandare ADD COLUMN skyddad_behorighet BIGINT NOT NULL DEFAULT 0;

-- The audit row says whether the access reached outside the user's own cases and
-- enhet (inre sekretess, OSL 26 kap. 1 §) and whether the person is protected, so
-- that loggkontroll can find those accesses without re-deriving them.
ALTER TABLE granskning ADD COLUMN utanfor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE granskning ADD COLUMN skyddad BIGINT NOT NULL DEFAULT 0;
CREATE INDEX granskning_anvandare ON granskning (kommun, anvandare, tidpunkt);
CREATE INDEX granskning_tid ON granskning (kommun, tidpunkt);

-- A reason stated to open a case outside one's enhet. It holds for the session it
-- was given in; the audit log keeps it for good.
CREATE TABLE atkomstskal (
    session TEXT NOT NULL,
    arende TEXT NOT NULL,
    skal TEXT NOT NULL,
    given TEXT NOT NULL,
    PRIMARY KEY (session, arende)
);

-- Orders sent to an utförare: what the utförare's unit may see.
CREATE TABLE uppdrag (
    beslut TEXT PRIMARY KEY,
    kommun TEXT NOT NULL,
    arende TEXT NOT NULL REFERENCES arende(id),
    utforare TEXT NOT NULL
);
CREATE INDEX uppdrag_utforare ON uppdrag (kommun, utforare);
INSERT INTO uppdrag (beslut, kommun, arende, utforare)
    SELECT (payload::jsonb)->>'beslut', kommun, arende, (payload::jsonb)->>'utforare' FROM handelse WHERE kind = 'bestalld'
    ON CONFLICT (beslut) DO UPDATE SET utforare = excluded.utforare;
