-- Issue 18 item 8: the kommun leads every primary and unique key of a table that holds a
-- kommun's data, and every foreign key between two such tables names it, as Citus
-- requires of tables distributed by kommun (docs/citus.md). Done by reading the catalogue
-- rather than table by table, so that no key is forgotten:
--   1. every foreign key between tables other than `kommun` is noted and dropped;
--   2. every primary key and unique constraint of a table with a kommun column that does
--      not name kommun is made anew with kommun first;
--   3. each noted foreign key is made anew as (kommun, …) REFERENCES t (kommun, …) when
--      both tables have a kommun column. A key from a table without one (the session-like
--      tables that stay on the Citus coordinator, docs/citus.md, "Not distributed") is
--      not made anew: Citus has no foreign key from such a table to a distributed one,
--      and Lots writes those rows only for an owner it has just read.
CREATE TEMP TABLE fk_spar ON COMMIT DROP AS
SELECT c.conname,
       c.conrelid::regclass::text AS barn,
       c.confrelid::regclass::text AS foralder,
       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
          FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
          JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS kol,
       (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
          FROM unnest(c.confkey) WITH ORDINALITY k(att, n)
          JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.att) AS fkol,
       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                  AND a.attname = 'kommun' AND a.attnotnull AND NOT a.attisdropped) AS barn_kommun,
       EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.confrelid
                  AND a.attname = 'kommun' AND a.attnotnull AND NOT a.attisdropped) AS foralder_kommun,
       'kommun' = ANY (SELECT a.attname FROM unnest(c.conkey) k(att)
                         JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS har_kommun
  FROM pg_constraint c
 WHERE c.contype = 'f'
   AND c.connamespace = 'public'::regnamespace
   AND c.confrelid <> 'kommun'::regclass;

DO $$
DECLARE
    r record;
BEGIN
    FOR r IN SELECT * FROM fk_spar LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.barn, r.conname);
    END LOOP;
    FOR r IN
        SELECT c.conname, c.conrelid::regclass::text AS t, c.contype,
               (SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY k.n)
                  FROM unnest(c.conkey) WITH ORDINALITY k(att, n)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att) AS kol
          FROM pg_constraint c
         WHERE c.contype IN ('p', 'u')
           AND c.connamespace = 'public'::regnamespace
           AND c.conrelid <> 'kommun'::regclass
           AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.conrelid
                          AND a.attname = 'kommun' AND a.attnotnull AND NOT a.attisdropped)
           AND NOT 'kommun' = ANY (SELECT a.attname FROM unnest(c.conkey) k(att)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.att)
    LOOP
        EXECUTE format('ALTER TABLE %I DROP CONSTRAINT %I', r.t, r.conname);
        EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I %s (kommun, %s)', r.t, r.conname,
            CASE r.contype WHEN 'p' THEN 'PRIMARY KEY' ELSE 'UNIQUE' END, r.kol);
    END LOOP;
    FOR r IN SELECT * FROM fk_spar WHERE barn_kommun AND foralder_kommun LOOP
        IF r.har_kommun THEN
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (%s) REFERENCES %I (%s)',
                r.barn, r.conname, r.kol, r.foralder, r.fkol);
        ELSE
            EXECUTE format('ALTER TABLE %I ADD CONSTRAINT %I FOREIGN KEY (kommun, %s) REFERENCES %I (kommun, %s)',
                r.barn, r.conname, r.kol, r.foralder, r.fkol);
        END IF;
    END LOOP;
END $$;
