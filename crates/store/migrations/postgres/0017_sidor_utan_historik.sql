-- Issue 14, item 1: opening a case, the start page and a step cost a handful of
-- index lookups whatever the age of the case or the number of the person's cases.

-- The case page shows the newest entries of the case's own journal and pages
-- backwards by the entry's key (datum, skriven, id); the person page does the same
-- over the person's journal. The person index replaces journal_person, its prefix.
CREATE INDEX journal_arende ON journal (arende, datum, skriven, id);
CREATE INDEX journal_person_tid ON journal (person, datum, skriven, id);
DROP INDEX journal_person;
-- A page's corrections are found from the entries they correct. Most entries
-- correct nothing: the index holds only those that do.
CREATE INDEX journal_rattar ON journal (rattar) WHERE rattar IS NOT NULL;

-- The case's documents (attached and letters), read from their events without
-- reading the rest of the history. Partial, like handelse_beslut (0005): it holds
-- only those rows and costs the ordinary event append nothing.
CREATE INDEX handelse_dokument ON handelse (arende, seq) WHERE kind IN ('dokument_bifogat', 'brev_skapat');

-- The start page: a handläggare's open cases and an enhet's unassigned open cases,
-- oldest first, as index ranges over open cases only (86 % of cases are closed).
-- The conditions are those of Arenden::mina_arenden and otilldelade_arenden.
CREATE INDEX arende_oppna_handlaggare ON arende (kommun, handlaggare, inkom, id) WHERE status <> 'avslutat';
CREATE INDEX arende_oppna_otilldelade ON arende (kommun, enhet, inkom, id) WHERE handlaggare IS NULL AND status <> 'avslutat';
