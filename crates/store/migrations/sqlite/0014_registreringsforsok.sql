-- Attempts to register a person with skyddade personuppgifter by staff without the
-- right are shown to those with it (issue 12): looked up by kind of audit row.
CREATE INDEX granskning_handling ON granskning (kommun, handling, tidpunkt);
