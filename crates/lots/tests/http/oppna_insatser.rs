//! Issue 17 item 1: the catalogue of öppna insatser, the nämnd's decision on each insats
//! offered without a needs assessment. The systemförvaltare records it, versioned and
//! audited; the law's limits are refused with the reason; handläggare, arbetsledare and
//! utförare read it; another kommun never sees it.

use lots_domain::ids::EnhetId;
use lots_domain::oppen_insats::{Art, Integritet, Omfattning, OppenInsats};
use time::macros::date;

use crate::hjalp::*;
use crate::pa_bada;

const NAMN: &str = "Alkoholrådgivning, tio samtal";

/// A MIKA-like entry provided by `utforare`, for fixtures.
pub fn exempel(utforare: EnhetId) -> OppenInsats {
    OppenInsats {
        namn: NAMN.into(),
        art: Art::Samtalsstod,
        malgrupp: "Vuxna som vill ändra sitt drickande".into(),
        alder_fran: Some(18),
        alder_till: None,
        innehall: "Motiverande samtal, enskilt.".into(),
        omfattning: Omfattning::Tillfallen(10),
        villkor: String::new(),
        bosatt_i_kommunen: true,
        avgift_kr: 0,
        integritet: Integritet::Minimal,
        utforare: vec![utforare],
        giltig_fran: date!(2026 - 01 - 01),
        giltig_till: None,
        stadsdelar: vec!["Centrum".into(), "Norr".into()],
    }
}

fn formular<'a>(utforare: &'a str, art: &'a str, antal: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("namn", NAMN),
        ("art", art),
        ("malgrupp", "Vuxna som vill ändra sitt drickande"),
        ("alder_fran", "18"),
        ("alder_till", ""),
        ("insatsens_innehall", "Motiverande samtal, enskilt."),
        ("omfattning", "tillfallen"),
        ("omfattning_antal", antal),
        ("villkor", "Ring eller kom till mottagningen."),
        ("bosatt_i_kommunen", "ja"),
        ("avgift_kr", "0"),
        ("integritet", "minimal"),
        ("stadsdelar", "Centrum\nNorr"),
        ("utforare", utforare),
        ("giltig_fran", "2026-01-01"),
        ("giltig_till", ""),
    ]
}

async fn rader(app: &TestApp) -> i64 {
    app.store
        .bakdorr()
        .fetch_optional("SELECT COUNT(*) AS n FROM oppen_insats", &[])
        .await
        .unwrap()
        .unwrap()
        .int("n")
        .unwrap()
}

async fn granskade(app: &TestApp) -> Vec<String> {
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'oppen_insats.%' ORDER BY handling",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap())
        .collect()
}

/// The systemförvaltare records a decision and a changed one; the law's limits and an
/// enhet that is no utförare are refused with nothing stored; each version stays, audited.
async fn systemforvaltaren_for_in_namndens_beslut(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let utforare = app.org.utforare_enhet.to_string();

    let (s, sida) = sf.get("/oppna-insatser").await;
    assert_eq!(s, 200);
    assert!(
        sida.contains("Nämnden har inga öppna insatser ännu."),
        "{}",
        utdrag(&sida)
    );
    assert!(sida.contains("href=\"/oppna-insatser\""), "in the menu");

    // HVB is a placement: refused, with the reason beside the field.
    let (s, _, body) = sf
        .post("/oppna-insatser", &formular(&utforare, "hvb", "10"))
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("är en placering"), "{}", utdrag(&body));
    assert!(body.contains("SoL 11 kap. 6 §"), "the provision is named");
    // Compulsory care too.
    let (s, _, body) = sf
        .post("/oppna-insatser", &formular(&utforare, "tvang", "10"))
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("LVM 11 §"), "{}", utdrag(&body));
    // An enhet that is not an utförare cannot provide it.
    let missbruk = app.org.missbruk.to_string();
    let (s, _, body) = sf
        .post("/oppna-insatser", &formular(&missbruk, "samtalsstod", "10"))
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Bara kommunens enheter som är utförare"));
    // A scope that is not a number.
    let (s, _, body) = sf
        .post(
            "/oppna-insatser",
            &formular(&utforare, "samtalsstod", "tio"),
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Skriv ett heltal"));
    assert!(
        body.contains("Motiverande samtal, enskilt."),
        "what was typed stays"
    );
    assert_eq!(rader(&app).await, 0);
    assert!(granskade(&app).await.is_empty());

    let (s, plats, body) = sf
        .post("/oppna-insatser", &formular(&utforare, "samtalsstod", "10"))
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let plats = plats.expect("to the entry");
    let id = plats.trim_start_matches("/oppna-insatser/").to_owned();
    let (s, sida) = sf.get(&plats).await;
    assert_eq!(s, 200);
    assert!(
        sida.contains(NAMN) && sida.contains("Version 1"),
        "{}",
        utdrag(&sida)
    );
    assert!(sida.contains("högst 10 tillfällen"));
    assert!(sida.contains("Öppenvården"), "the utförare by name");

    // The nämnd changes the scope: a new version, the old one kept.
    let (s, _, body) = sf
        .post(&plats, &formular(&utforare, "samtalsstod", "12"))
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (_, sida) = sf.get(&plats).await;
    assert!(sida.contains("Version 2") && sida.contains("högst 12 tillfällen"));
    assert!(sida.contains("Version 1") && sida.contains("högst 10 tillfällen"));
    assert_eq!(rader(&app).await, 2);
    assert_eq!(
        granskade(&app).await,
        [
            format!("oppen_insats.spara:{id}:1"),
            format!("oppen_insats.spara:{id}:2")
        ]
    );

    // A refused change stores nothing.
    let (s, _, _) = sf
        .post(&plats, &formular(&utforare, "familjehem", "12"))
        .await;
    assert_eq!(s, 422);
    assert_eq!(rader(&app).await, 2);

    // Those who tell people about it or provide it read it; none of them change it.
    for namn in ["handlaggare", "arbetsledare", "utforare"] {
        let k = app.klient(namn).await;
        let (s, sida) = k.get("/oppna-insatser").await;
        assert_eq!(s, 200, "{namn}");
        assert!(sida.contains(NAMN), "{namn}");
        assert!(
            !sida.contains("action=\"/oppna-insatser\""),
            "{namn}: no form"
        );
        let (s, sida) = k.get(&plats).await;
        assert_eq!(s, 200, "{namn}");
        assert!(
            !sida.contains(&format!("action=\"{plats}\"")),
            "{namn}: no form"
        );
        let (s, _, _) = k
            .post(&plats, &formular(&utforare, "samtalsstod", "1"))
            .await;
        assert_eq!(s, 403, "{namn}");
    }
    assert_eq!(
        app.klient("registrator")
            .await
            .get("/oppna-insatser")
            .await
            .0,
        403
    );
    assert_eq!(rader(&app).await, 2);
}
pa_bada!(systemforvaltaren_for_in_namndens_beslut);

/// Another kommun's staff never see the entries, by list or by id.
async fn annan_kommun_ser_inte_katalogen(db: Db) {
    let app = TestApp::ny(db).await;
    let (id, _) = app
        .store
        .organisation()
        .spara_oppen_insats(
            app.org.kommun,
            None,
            &exempel(app.org.utforare_enhet),
            &lots_store::Aktor::from(app.org.anv("systemforvaltare")),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    grannkommun(&app, "Socialtjänsten", false).await;
    for namn in ["granneledare", "granne"] {
        let k = inloggad(&app, namn).await;
        let (s, sida) = k.get("/oppna-insatser").await;
        assert_eq!(s, 200, "{namn}");
        assert!(!sida.contains(NAMN), "{namn} sees another kommun's entry");
        let (s, _) = k.get(&format!("/oppna-insatser/{id}")).await;
        assert_eq!(s, 404, "{namn}");
    }
}
pa_bada!(annan_kommun_ser_inte_katalogen);

/// Saves `insats` as the systemförvaltare; returns its id.
async fn spara(app: &TestApp, insats: &OppenInsats) -> String {
    app.store
        .organisation()
        .spara_oppen_insats(
            app.org.kommun,
            None,
            insats,
            &lots_store::Aktor::from(app.org.anv("systemforvaltare")),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .0
        .to_string()
}

/// Every stored visit, every column, as text ("" for NULL): what the database holds.
async fn besok(app: &TestApp) -> Vec<Vec<(String, String)>> {
    let kolumner = [
        "insats",
        "integritet",
        "antal",
        "kon",
        "aldersgrupp",
        "stadsdel",
        "amne",
    ];
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT insats, integritet, CAST(antal AS TEXT) AS antal, kon, aldersgrupp, stadsdel, amne FROM oppet_besok ORDER BY registrerad, id",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| {
            kolumner
                .iter()
                .map(|k| (k.to_string(), r.opt_text(k).unwrap().unwrap_or_default()))
                .collect()
        })
        .collect()
}

/// The columns the visit table has: a new one must be looked at here, since the minimal
/// mode's promise is that nothing more than sex, age band and district can be stored.
async fn besokskolumner(app: &TestApp, db: Db) -> Vec<String> {
    let sql: &'static str = match db {
        Db::Sqlite => "SELECT name AS k FROM pragma_table_info('oppet_besok') ORDER BY name",
        Db::Postgres => {
            "SELECT column_name AS k FROM information_schema.columns WHERE table_name = 'oppet_besok' ORDER BY column_name"
        }
    };
    app.store
        .bakdorr()
        .fetch_all(sql, &[])
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("k").unwrap())
        .collect()
}

/// Minimal mode at the desk: the form offers sex, age band and district only; what else
/// is sent is not stored (read from the table); outside the conditions nothing is stored
/// and the answer points to the formal route.
async fn minimal_lagrar_bara_tre_uppgifter(db: Db) {
    let app = TestApp::ny(db).await;
    let id = spara(&app, &exempel(app.org.utforare_enhet)).await;
    let ut = app.klient("utforare").await;
    let (s, sida) = ut.get("/mottagning").await;
    assert_eq!(s, 200);
    assert!(sida.contains(NAMN), "{}", utdrag(&sida));
    for falt in ["name=\"kon\"", "name=\"aldersgrupp\"", "name=\"stadsdel\""] {
        assert!(sida.contains(falt), "{falt}");
    }
    for falt in [
        "personnummer",
        "fornamn",
        "efternamn",
        "name=\"namn\"",
        "textarea",
    ] {
        assert!(!sida.contains(falt), "the form offers {falt}");
    }
    let sokvag = format!("/mottagning/{id}");
    let (s, plats, body) = ut
        .post(
            &sokvag,
            &[
                ("kon", "kvinna"),
                ("aldersgrupp", "25-34"),
                ("stadsdel", "Norr"),
                // A form built by hand: none of this is read, let alone stored.
                ("personnummer", "19850101-0000"),
                ("namn", "Anna Andersson"),
                ("amne", "alkohol"),
                ("antal", "5"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (_, sida) = ut.get(&plats.unwrap()).await;
    assert!(sida.contains("Besöket är registrerat.") && sida.contains("Registrerade i dag: 1"));

    // Outside the conditions: under 18, or from another kommun.
    for (ag, sd, skal) in [
        ("13-17", "Norr", "fyllt 18 år"),
        ("25-34", "Annan kommun", "bor i kommunen"),
    ] {
        let (s, _, body) = ut
            .post(
                &sokvag,
                &[("kon", "man"), ("aldersgrupp", ag), ("stadsdel", sd)],
            )
            .await;
        assert_eq!(s, 422);
        assert!(body.contains(skal), "{}", utdrag(&body));
        assert!(body.contains("kan ansöka om bistånd"), "the formal route");
    }
    // A district that is not the entry's: free text cannot slip in.
    let (s, _, _) = ut
        .post(
            &sokvag,
            &[
                ("kon", "man"),
                ("aldersgrupp", "25-34"),
                ("stadsdel", "Anna A, Storgatan 1"),
            ],
        )
        .await;
    assert_eq!(s, 422);

    let rader = besok(&app).await;
    assert_eq!(rader.len(), 1);
    let rad: std::collections::HashMap<_, _> = rader[0].iter().cloned().collect();
    assert_eq!(rad["integritet"], "minimal");
    assert_eq!(rad["kon"], "kvinna");
    assert_eq!(rad["aldersgrupp"], "25-34");
    assert_eq!(rad["stadsdel"], "Norr");
    assert_eq!(rad["antal"], "1");
    assert_eq!(rad["amne"], "", "no topic in minimal mode");
    assert_eq!(
        besokskolumner(&app, db).await,
        [
            "aldersgrupp",
            "amne",
            "antal",
            "dag",
            "id",
            "insats",
            "insats_version",
            "integritet",
            "kommun",
            "kon",
            "registrerad",
            "registrerad_av",
            "stadsdel",
            "utforare",
        ],
        "no column for a person"
    );
    // The visit is audited, naming the entry and no person.
    let loggat = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT handling, person FROM granskning WHERE handling LIKE 'oppet_besok.%'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(loggat.len(), 1);
    assert!(loggat[0].opt_text("person").unwrap().is_none());
}
pa_bada!(minimal_lagrar_bara_tre_uppgifter);

/// Anonymous mode counts a group session; rådgivning keeps a topic; neither keeps more.
/// An utförare of another enhet, and the desk of an entry in another mode, are refused.
async fn anonym_och_radgivning(db: Db) {
    let app = TestApp::ny(db).await;
    let mut linje = exempel(app.org.utforare_enhet);
    linje.namn = "Anonym stödlinje".into();
    linje.integritet = Integritet::Anonym;
    linje.bosatt_i_kommunen = false;
    let linje = spara(&app, &linje).await;
    let mut rad = exempel(app.org.utforare_enhet);
    rad.namn = "Rådgivning om spel".into();
    rad.art = Art::Radgivning;
    rad.integritet = Integritet::Radgivning;
    let rad = spara(&app, &rad).await;

    let ut = app.klient("utforare").await;
    let (_, sida) = ut.get("/mottagning").await;
    assert!(sida.contains("Anonym stödlinje") && sida.contains("Rådgivning om spel"));
    let (s, _, body) = ut
        .post(
            &format!("/mottagning/{linje}"),
            &[
                ("antal", "7"),
                ("kon", "man"),
                ("aldersgrupp", "25-34"),
                ("stadsdel", "Norr"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (s, _, _) = ut
        .post(&format!("/mottagning/{linje}"), &[("antal", "0")])
        .await;
    assert_eq!(s, 422);
    let (s, _, body) = ut
        .post(
            &format!("/mottagning/{rad}"),
            &[("amne", "spel"), ("kon", "man"), ("antal", "3")],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));

    let rader = besok(&app).await;
    assert_eq!(rader.len(), 2);
    let anonym: std::collections::HashMap<_, _> = rader[0].iter().cloned().collect();
    assert_eq!(
        (anonym["integritet"].as_str(), anonym["antal"].as_str()),
        ("anonym", "7")
    );
    for k in ["kon", "aldersgrupp", "stadsdel", "amne"] {
        assert_eq!(anonym[k], "", "anonym keeps no {k}");
    }
    let radgivning: std::collections::HashMap<_, _> = rader[1].iter().cloned().collect();
    assert_eq!(radgivning["amne"], "spel");
    for k in ["kon", "aldersgrupp", "stadsdel"] {
        assert_eq!(radgivning[k], "", "rådgivning keeps no {k}");
    }

    // The database itself refuses a minimal row without its fields or an anonymous row
    // with one: the CHECK, not only the code, holds the modes.
    let fel = app
        .store
        .bakdorr()
        .execute(
            "INSERT INTO oppet_besok (id, kommun, insats, insats_version, utforare, dag, integritet, antal, kon, aldersgrupp, stadsdel, amne, registrerad, registrerad_av) \
             VALUES ('x', (SELECT id FROM kommun LIMIT 1), 'i', 1, (SELECT id FROM enhet LIMIT 1), '2026-03-02', 'anonym', 1, 'kvinna', NULL, NULL, NULL, 't', 'a')",
            &[],
        )
        .await;
    assert!(fel.is_err(), "an anonymous row with a sex is refused");

    // Another utförare enhet does not provide these: refused, nothing stored.
    let annan = annan_utforare(&app).await;
    let (s, _, _) = annan
        .post(&format!("/mottagning/{linje}"), &[("antal", "1")])
        .await;
    assert_eq!(s, 403);
    let (_, sida) = annan.get("/mottagning").await;
    assert!(!sida.contains("Anonym stödlinje"));
    assert_eq!(besok(&app).await.len(), 2);
}
pa_bada!(anonym_och_radgivning);

/// Mina sidor: the person sees the open services in force, with their conditions, in
/// Swedish or English labels; an ended one is not offered.
async fn mina_sidor_visar_oppna_insatser(db: Db) {
    let app = TestApp::ny(db).await;
    spara(&app, &exempel(app.org.utforare_enhet)).await;
    let mut slut = exempel(app.org.utforare_enhet);
    slut.namn = "Avslutad samtalsgrupp".into();
    slut.giltig_till = Some(date!(2026 - 01 - 31));
    spara(&app, &slut).await;
    crate::mina_sidor::syntetisk(&app, "19900101-0017", "Mia", "Mottagare").await;
    let k = crate::mina_sidor::medborgare(&app, "19900101-0017").await;
    let (s, sida) = k.get("/mina-sidor/ansok").await;
    assert_eq!(s, 200);
    assert!(sida.contains("href=\"/mina-sidor/oppna-insatser\""));
    let (s, sida) = k.get("/mina-sidor/oppna-insatser").await;
    assert_eq!(s, 200, "{}", utdrag(&sida));
    assert!(sida.contains(NAMN), "{}", utdrag(&sida));
    assert!(sida.contains("Högst 10 tillfällen") && sida.contains("Du ska bo i kommunen."));
    assert!(sida.contains("Bara kön, åldersgrupp och stadsdel"));
    assert!(sida.contains("Öppenvården"), "where to go");
    assert!(
        !sida.contains("Avslutad samtalsgrupp"),
        "an ended entry is not offered"
    );
    k.get("/mina-sidor/sprak/en").await;
    let (_, sida) = k.get("/mina-sidor/oppna-insatser").await;
    assert!(
        sida.contains("Help you can get without applying") && sida.contains("At most 10 sessions")
    );
}
pa_bada!(mina_sidor_visar_oppna_insatser);
