-- Issue 18 item 8: on PostgreSQL this migration puts the kommun first in every primary
-- and unique key and in every foreign key between tables of a kommun's data, as Citus
-- needs (docs/citus.md). SQLite keeps its keys: it holds one kommun per file in practice,
-- is never distributed, and could change a primary key only by rebuilding the table and
-- every table that references it (docs/citus.md, "Keys"). What SQLite does need is a
-- unique index on the columns the store's upserts now name (ON CONFLICT (kommun, …)),
-- which the same statements use on both databases.
CREATE UNIQUE INDEX arende_kommun_id ON arende (kommun, id);
CREATE UNIQUE INDEX uppdrag_kommun_beslut ON uppdrag (kommun, beslut);
CREATE UNIQUE INDEX journal_partsinsyn_kommun_anteckning ON journal_partsinsyn (kommun, anteckning);
