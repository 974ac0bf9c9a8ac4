-- PostgreSQL's 0046 makes the rate limits' counts an unlogged table, so that counting a
-- search does not wait for a WAL fsync. SQLite has no unlogged tables; nothing to do here
-- but keep the numbering the same on both databases.
SELECT 1;
