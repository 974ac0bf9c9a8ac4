-- Issue 20, item 2: a name search that finds "Öberg" by "Oberg" and "Olsson" by
-- "Ohlsson". Each word of `personnamn` is kept twice more, folded in Rust
-- (`lots_store::sok`): `bas` with the Swedish letters folded too (å, ä → a;
-- ö → o), and `ljud`, a phonetic key for the usual spellings of one Swedish name.
-- Each is searched by prefix as a range on its own index, like `ord`: a lookup,
-- never a scan of the register. The words already stored get theirs at
-- `lots migrate` (the row in `uppgradering`); until then '' matches no search.
ALTER TABLE personnamn ADD COLUMN bas TEXT NOT NULL DEFAULT '';
ALTER TABLE personnamn ADD COLUMN ljud TEXT NOT NULL DEFAULT '';
CREATE INDEX personnamn_bas ON personnamn (kommun, bas);
CREATE INDEX personnamn_ljud ON personnamn (kommun, ljud);
INSERT INTO uppgradering (namn) VALUES ('personnamn_vikning');
