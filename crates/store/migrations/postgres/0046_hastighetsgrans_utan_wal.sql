-- The rate limits' counts (`hastighetsgrans`) are written on every person search and
-- every login attempt, and each such write waited for its own WAL fsync before the search
-- could go on: at stockholm scale that was one durable commit per search in front of the
-- search's own audit commit (BENCHMARKS.md, "PostgreSQL profiled"). The counts need no
-- durability: after a crash of PostgreSQL an unlogged table is emptied, which gives every
-- key a fresh window, the same as the window ending. Nothing else is lost, since the table
-- holds nothing but hashed keys and counts. A commit that writes only unlogged rows does
-- not wait for the WAL.
ALTER TABLE hastighetsgrans SET UNLOGGED;
