-- Every start page of the workspace asks for the bevakningar of the user's enhet that are
-- the arbetsledare's to clear (Arenden::arbetsledarens_bevakningar: a request for another
-- handläggare). With only (kommun, enhet, datum) to go by, that read walked all of the
-- enhet's bevakningar to find the few of that kind: 3 136 rows for none at medel scale,
-- ten times as many at stockholm scale, so the start page grew with the size of the
-- enhet's history (BENCHMARKS.md, "The start page"). With the kind in the key it is one
-- index range of exactly the rows shown, in the order shown.
CREATE INDEX bevakning_enhet_typ ON bevakning (kommun, enhet, typ, datum, arende);
