-- The arbetsledare's overview of an enhet (issue 20 item 7): per handläggare the open
-- cases, the cases with a bevakning past its day, as index ranges over the enhet's rows
-- rather than the kommun's. The conditions are those of Rapporter::enhetens_siffror and
-- enhetens_arenden.
CREATE INDEX arende_oppna_enhet ON arende (kommun, enhet, handlaggare, inkom, id) WHERE status <> 'avslutat';
CREATE INDEX bevakning_enhet ON bevakning (kommun, enhet, datum);
