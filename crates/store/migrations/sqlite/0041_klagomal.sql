-- Issue 19 item 4: synpunkter och klagomål. The nämnd receives, investigates and answers
-- complaints and suggestions and uses them in its quality work (SOSFS 2011:9 5 kap. 3 §,
-- 6 §). A row is one complaint or suggestion with its diarienummer (`nummer`, what the
-- sender quotes), the day it is to be answered by, whom it is assigned to and the answer.
-- `person` is set only when it was sent from Mina sidor (then the answer is shown there);
-- a complaint sent without logging in names nobody unless the sender chose to.
CREATE TABLE klagomal (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    nummer TEXT NOT NULL,
    inkom TEXT NOT NULL,
    inkom_dag TEXT NOT NULL,
    svar_senast TEXT NOT NULL,
    slag TEXT NOT NULL,
    kategori TEXT NOT NULL,
    text TEXT NOT NULL,
    namn TEXT NOT NULL,
    kontakt TEXT NOT NULL,
    kanal TEXT NOT NULL,
    person TEXT,
    avsandare TEXT NOT NULL,
    ansvarig TEXT,
    besvarad_dag TEXT,
    besvarad_av TEXT,
    utfall TEXT,
    svar TEXT,
    lex_sarah TEXT,
    PRIMARY KEY (kommun, id),
    UNIQUE (kommun, nummer)
);
CREATE INDEX klagomal_inkom ON klagomal (kommun, inkom_dag);
CREATE INDEX klagomal_ansvarig ON klagomal (kommun, ansvarig);
CREATE INDEX klagomal_person ON klagomal (kommun, person);

-- What happened to a complaint, in order: registered, assigned (again), answered, handed
-- to a Lex Sarah investigation. Nothing on the row above is changed without a row here,
-- so an assignment changed later is still seen (docs/design.md, principle 2).
CREATE TABLE klagomal_historik (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    klagomal TEXT NOT NULL,
    nr BIGINT NOT NULL,
    tid TEXT NOT NULL,
    av TEXT,
    vad TEXT NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (kommun, klagomal, nr)
);

-- Lots has no Lex Sarah flow yet: a complaint that may reveal a missförhållande is handed
-- over by a person as a registered rapport to the one who receives Lex Sarah reports
-- (SoL 27 kap.; formerly SoL 2001:453 14 kap. 3 §, 6 §), who sees it with the day it is
-- to be taken up by (`bevakas`) until they mark it received.
CREATE TABLE lex_sarah_rapport (
    kommun TEXT NOT NULL REFERENCES kommun(id),
    id TEXT NOT NULL,
    klagomal TEXT NOT NULL,
    registrerad TEXT NOT NULL,
    registrerad_av TEXT NOT NULL,
    mottagare TEXT NOT NULL,
    skal TEXT NOT NULL,
    bevakas TEXT NOT NULL,
    mottagen TEXT,
    PRIMARY KEY (kommun, id)
);
CREATE INDEX lex_sarah_mottagare ON lex_sarah_rapport (kommun, mottagare, mottagen);
