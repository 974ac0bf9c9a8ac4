-- Issue 20 item 6: the start page is a work list. The list shows and filters each case by
-- the insatser applied for; they live in the case's state, and decoding every state of a
-- handläggare's 40–80 cases per page view would cost what the speed issue removed, so the
-- projection keeps them beside the status (written in the step's transaction).
ALTER TABLE arende ADD COLUMN insatser TEXT NOT NULL DEFAULT '';
UPDATE arende SET insatser = COALESCE(
    (SELECT string_agg(e.v->>0, ',' ORDER BY e.n)
       FROM jsonb_array_elements(arende.tillstand::jsonb->'ansokta') WITH ORDINALITY AS e(v, n)),
    '');

-- A handläggare's own reminders and notes ("ring Åsa fredag"): personal bevakningar. They
-- belong to their author alone; one that names a case is shown only while it is still the
-- author's. A reminder marked done is deleted: a note to oneself is not part of the record
-- (that is the journal), and its text may name a person.
CREATE TABLE paminnelse (
    id TEXT PRIMARY KEY,
    anvandare TEXT NOT NULL REFERENCES anvandare(id),
    datum TEXT NOT NULL,
    text TEXT NOT NULL,
    arende TEXT REFERENCES arende(id),
    skapad TEXT NOT NULL
);
CREATE INDEX paminnelse_anvandare ON paminnelse (anvandare, datum);
