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
