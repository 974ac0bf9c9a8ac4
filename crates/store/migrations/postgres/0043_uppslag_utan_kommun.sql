-- 0038 put the kommun first in every primary and unique key (docs/citus.md, "Keys"). That
-- left the lookups that do not name the kommun without an index they can use: PostgreSQL
-- 15 cannot skip the leading column, so `WHERE arende = $1` on handelse's key
-- (kommun, arende, seq) read the whole index, about a second per call at stockholm scale
-- (BENCHMARKS.md, "Issue 14 on a quiet machine"). The statements on the kommunfilter
-- exception list and those that filter on kommun only through a join are such lookups.
--
-- For every primary or unique key that leads with kommun, this makes a plain index on the
-- key's other columns, unless an index (not a partial one) already leads with them. Read
-- from the catalogue, as 0038 does, so that no key is forgotten. On Citus such an index is
-- local to each shard, which is allowed; a lookup without the kommun still asks every
-- shard, which is why the statements should name the kommun in the end (docs/citus.md,
-- "What would have to change").
--
-- Two keys are left out, because nothing looks their rows up without the kommun and each
-- index costs every write: personnamn's (its search filters on kommun and name key, and
-- its rows by person have personnamn_person), and handelse's unique id (no statement reads
-- an event by its id; its reads go by case and seq).
DO $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT c.conrelid::regclass::text AS t,
               c.conrelid AS rel,
               c.conkey[2:] AS rest,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
                  FROM unnest(c.conkey[2:]) WITH ORDINALITY k(att, n)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS kol,
               (SELECT string_agg(a.attname, '_' ORDER BY k.n)
                  FROM unnest(c.conkey[2:]) WITH ORDINALITY k(att, n)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS namn
          FROM pg_constraint c
         WHERE c.contype IN ('p', 'u')
           AND c.connamespace = 'public'::regnamespace
           AND array_length(c.conkey, 1) > 1
           AND (SELECT a.attname FROM pg_attribute a
                 WHERE a.attrelid = c.conrelid AND a.attnum = c.conkey[1]) = 'kommun'
           AND c.conrelid <> 'personnamn'::regclass
           AND NOT (c.conrelid = 'handelse'::regclass AND c.contype = 'u')
    LOOP
        IF NOT EXISTS (
            SELECT 1 FROM pg_index i
             WHERE i.indrelid = r.rel
               AND i.indpred IS NULL
               AND (i.indkey::int2[])[0:array_length(r.rest, 1) - 1] = r.rest
        ) THEN
            EXECUTE format('CREATE INDEX %I ON %I (%s)',
                left(r.t || '_' || r.namn || '_utan_kommun', 63), r.t, r.kol);
        END IF;
    END LOOP;
END $$;
