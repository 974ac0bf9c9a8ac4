-- The version of the derived case state stored in `arende.tillstand`. When the
-- domain derives more from the events (issue 5 added the dialogue and the case's
-- documents), `Store::migrera` folds every case again from its events and stores
-- the state anew; the events themselves never change.
CREATE TABLE tillstandsversion (
    version BIGINT NOT NULL
);
INSERT INTO tillstandsversion (version) VALUES (1);
