-- Indexes for a large kommun (issue 6). The reports look up a few kinds of event
-- among millions: partial indexes hold only those rows, so they stay small and cost
-- the ordinary event append nothing.
CREATE INDEX handelse_beslut ON handelse (kommun, arende) WHERE kind = 'beslut_fattat';
CREATE INDEX handelse_avbrott ON handelse (kommun, arende, seq) WHERE kind = 'verkstallighet_avbruten';
