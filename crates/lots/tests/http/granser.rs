//! Every text field has an upper length, checked before any database work
//! (issue 12, item 6): over it, a form is refused with a Swedish message and
//! nothing is stored or searched; a failed login stores only a bounded hash of
//! the name typed, and old failures are purged.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::hjalp::*;
use crate::pa_bada;

async fn antal(app: &TestApp, sql: &'static str) -> i64 {
    app.store
        .bakdorr()
        .fetch_optional(sql, &[])
        .await
        .unwrap()
        .unwrap()
        .int("n")
        .unwrap()
}

/// A 60 000-character search was a server error (SQLite refuses such a LIKE
/// pattern); it is refused as too long before it reaches the database.
async fn lang_sokning_nekas_utan_serverfel(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let fore = antal(&app, "SELECT COUNT(*) AS n FROM granskning").await;
    let lang = "a".repeat(60_000);
    let (s, _, body) = hl.post("/personer/sok", &[("fraga", &lang)]).await;
    assert_eq!(s, 400, "{}", utdrag(&body));
    assert!(body.contains("högst 100 tecken"), "{}", utdrag(&body));
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM granskning").await,
        fore
    );
    // At the limit the search runs as before.
    let (s, _, _) = hl
        .post("/personer/sok", &[("fraga", &"a".repeat(100))])
        .await;
    assert_eq!(s, 200);
    // The search box says the limit to the browser.
    let (_, html) = hl.get("/personer/sok").await;
    assert!(html.contains("maxlength=\"100\""));
}
pa_bada!(lang_sokning_nekas_utan_serverfel);

/// A failed login stores a 64-character hash of the name, never the name; a
/// day-old failure that locks nobody is purged by the next failure.
async fn misslyckad_inloggning_sparar_bara_en_hash(db: Db) {
    let app = TestApp::ny(db).await;
    let k = Klient::ny(&app.url);
    let namn = format!("angripare-{}", "x".repeat(150));
    let (s, _, _) = k.logga_in(&namn, "fel").await;
    assert_eq!(s, 401);
    let rader = app
        .store
        .bakdorr()
        .fetch_all("SELECT anvandarnamn FROM inloggningsforsok", &[])
        .await
        .unwrap();
    assert_eq!(rader.len(), 1);
    let lagrat = rader[0].text("anvandarnamn").unwrap();
    assert_eq!(lagrat.len(), 64);
    assert!(!lagrat.contains("angripare"));
    // A name over its limit is refused before it is counted at all.
    let (s, _, _) = k
        .post_utan_csrf(
            "/logga-in",
            &[("anvandarnamn", &"y".repeat(60_000)), ("losenord", "fel")],
        )
        .await;
    assert_eq!(s, 400);
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM inloggningsforsok").await,
        1
    );
    // Age the failure by two days: the next failure purges it.
    app.store
        .bakdorr()
        .execute(
            "UPDATE inloggningsforsok SET senast = '2000-01-01T00:00:00Z'",
            &[],
        )
        .await
        .unwrap();
    let (s, _, _) = k.logga_in("någon-annan", "fel").await;
    assert_eq!(s, 401);
    let kvar = app
        .store
        .bakdorr()
        .fetch_all("SELECT anvandarnamn FROM inloggningsforsok", &[])
        .await
        .unwrap();
    assert_eq!(kvar.len(), 1);
    assert_ne!(kvar[0].text("anvandarnamn").unwrap(), lagrat);
}
pa_bada!(misslyckad_inloggning_sparar_bara_en_hash);

const PERSONFALT: [(&str, usize); 4] = [
    ("identitet", 40),
    ("fornamn", 200),
    ("efternamn", 200),
    ("adress", 400),
];

/// One generated registration: which field is too long and by how much, in
/// characters that may be multi-byte.
fn fall() -> impl Strategy<Value = (usize, usize, bool)> {
    (0..PERSONFALT.len(), 1usize..5_000, any::<bool>())
}

async fn kontrollera(app: &TestApp, hl: &Klient, (falt, over, svenska): (usize, usize, bool)) {
    let (namn, max) = PERSONFALT[falt];
    let tecken = if svenska { "ö" } else { "a" };
    let lang = tecken.repeat(max + over);
    let mut varden = [
        ("identitet_typ", "personnummer".to_string()),
        ("identitet", "19121212-1212".to_string()),
        ("fornamn", "Tolvan".to_string()),
        ("efternamn", "Tolvansson".to_string()),
        ("adress", "Storgatan 1".to_string()),
    ];
    for v in varden.iter_mut() {
        if v.0 == namn {
            v.1 = lang.clone();
        }
    }
    let falt: Vec<(&str, &str)> = varden.iter().map(|(a, b)| (*a, b.as_str())).collect();
    let personer = antal(app, "SELECT COUNT(*) AS n FROM person").await;
    let granskning = antal(app, "SELECT COUNT(*) AS n FROM granskning").await;
    let (s, _, body) = hl.post("/personer/ny", &falt).await;
    assert_eq!(s, 400, "{namn}: {}", utdrag(&body));
    assert!(
        body.contains(&format!("högst {max} tecken")),
        "{}",
        utdrag(&body)
    );
    assert_eq!(
        antal(app, "SELECT COUNT(*) AS n FROM person").await,
        personer
    );
    assert_eq!(
        antal(app, "SELECT COUNT(*) AS n FROM granskning").await,
        granskning
    );
}

/// Property: no value over its field's limit on the person form reaches the
/// database, through the real form and server.
fn kor(db: Db) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let (app, hl) = rt.block_on(async {
        let app = TestApp::ny(db).await;
        let hl = app.klient("handlaggare").await;
        (app, hl)
    });
    let mut runner = TestRunner::new(Config {
        cases: 12,
        max_shrink_iters: 16,
        ..Config::default()
    });
    runner
        .run(&fall(), |f| {
            rt.block_on(kontrollera(&app, &hl, f));
            Ok(())
        })
        .unwrap();
    // And at the limits, the same form registers the person.
    rt.block_on(async {
        let (s, _, body) = hl
            .post(
                "/personer/ny",
                &[
                    ("identitet_typ", "personnummer"),
                    ("identitet", "19121212-1212"),
                    ("fornamn", &"Å".repeat(200)),
                    ("efternamn", "Tolvansson"),
                    ("adress", &"ö".repeat(400)),
                ],
            )
            .await;
        assert_eq!(s, 303, "{}", utdrag(&body));
    });
}

#[test]
fn for_langa_falt_nar_inte_databasen_sqlite() {
    kor(Db::Sqlite);
}

#[test]
fn for_langa_falt_nar_inte_databasen_postgres() {
    kor(Db::Postgres);
}
