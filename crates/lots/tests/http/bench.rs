//! `lots demo --scale` and `lots bench` run end to end at a tiny scale on both
//! backends. Only that the figures are printed is checked, never their values:
//! timings are not assertions (issue 6).

use std::process::Command;

use crate::hjalp::*;
use crate::pa_bada;
use lots_store::Store;

async fn bench_kor_hela_vagen(db: Db) {
    let (dburl, _dir) = ny_databas(db).await;
    let lots = env!("CARGO_BIN_EXE_lots");
    let ut = Command::new(lots)
        .args(["--database", &dburl, "demo", "--scale", "60"])
        .output()
        .unwrap();
    assert!(
        ut.status.success(),
        "{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    let store = Store::anslut(&dburl).await.unwrap();
    let (kommun, _) = store
        .organisation()
        .kommun()
        .await
        .unwrap()
        .expect("a kommun");
    assert_eq!(store.personer().antal_personer(kommun).await.unwrap(), 60);
    // The generator checks this itself at small scale; the test says it too.
    assert!(store.arenden().verifiera().await.unwrap().is_empty());
    assert!(
        store.alla_personer_syntetiska().await.unwrap(),
        "every generated person is marked synthetic"
    );
    // Försörjningsstöd month by month as in real use (issue 15): the household's application,
    // the calculation with a result per line, the decision, the payments, and the projections
    // they fill (the monthly statistics' months, the payments).
    let antal = |sql: &'static str| {
        let store = &store;
        async move {
            store.bakdorr().fetch_all(sql, &[]).await.unwrap()[0]
                .int("n")
                .unwrap()
        }
    };
    let ansokningar =
        antal("SELECT COUNT(*) AS n FROM handelse WHERE kind = 'manadsansokan_inlamnad'").await;
    let berakningar =
        antal("SELECT COUNT(*) AS n FROM handelse WHERE kind = 'forsorjningsstod_beraknat'").await;
    let manader = antal("SELECT COUNT(*) AS n FROM forsorjningsstod_manad").await;
    let utbetalda = antal("SELECT COUNT(*) AS n FROM utbetalning WHERE lage = 'skickad'").await;
    assert!(ansokningar > 0, "no monthly applications");
    assert!(berakningar > 0 && berakningar <= ansokningar);
    assert_eq!(manader, berakningar, "one month's row per calculation");
    assert!(utbetalda > 0, "no payments");
    // Öppna insatser and the providers (issue 17): visits in every mode, the steps into the
    // formal route, orders to providers with their terms, delivery, invoices and the
    // differences flagged to the beställare.
    for (sql, vad) in [
        (
            "SELECT COUNT(*) AS n FROM oppet_besok WHERE integritet = 'minimal'",
            "minimal visits",
        ),
        (
            "SELECT COUNT(*) AS n FROM oppet_besok WHERE integritet = 'anonym'",
            "anonymous counts",
        ),
        (
            "SELECT COUNT(*) AS n FROM oppen_journal",
            "full-mode visits",
        ),
        ("SELECT COUNT(*) AS n FROM oppen_deltagare", "participants"),
        (
            "SELECT COUNT(*) AS n FROM oppen_overgang WHERE slag = 'ansokan'",
            "steps into the formal route",
        ),
        (
            "SELECT COUNT(*) AS n FROM oppen_overgang WHERE slag = 'orosanmalan'",
            "orosanmälningar",
        ),
        (
            "SELECT COUNT(*) AS n FROM utforarorganisation WHERE regiform = 'lov'",
            "LOV providers",
        ),
        (
            "SELECT COUNT(*) AS n FROM utforarorganisation WHERE regiform = 'lou'",
            "LOU providers",
        ),
        ("SELECT COUNT(*) AS n FROM avtal", "contracts"),
        (
            "SELECT COUNT(*) AS n FROM bestallningsvillkor",
            "orders' terms",
        ),
        ("SELECT COUNT(*) AS n FROM leverans", "delivery"),
        ("SELECT COUNT(*) AS n FROM fakturarad", "invoice lines"),
        (
            "SELECT COUNT(*) AS n FROM fakturaavvikelse WHERE hantering IS NULL",
            "flagged differences",
        ),
        (
            "SELECT COUNT(*) AS n FROM anvandare a JOIN enhet e ON e.id = a.enhet AND e.kommun = a.kommun \
             WHERE a.roll = 'utforare' AND e.utforare <> 0 AND a.anvandarnamn LIKE 'utm%'",
            "reception accounts",
        ),
    ] {
        assert!(antal(sql).await > 0, "no {vad}");
    }
    // Every order's terms belong to an order of the imported cases.
    assert_eq!(
        antal("SELECT COUNT(*) AS n FROM bestallningsvillkor b WHERE NOT EXISTS (SELECT 1 FROM uppdrag u WHERE u.kommun = b.kommun AND u.beslut = b.beslut)").await,
        0
    );
    let besok_fore = antal("SELECT COUNT(*) AS n FROM oppet_besok").await;

    let ut = Command::new(lots)
        .args([
            "--database",
            &dburl,
            "bench",
            "--users",
            "3",
            "--seconds",
            "2",
        ])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&ut.stdout);
    assert!(
        ut.status.success(),
        "{text}\n{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    for ska in [
        "startsida",
        "ärendesida",
        "personsök",
        "journalanteckning",
        "beslut",
        "försörjningsstöd",
        "i arbetstakt",
        "mättnad",
        "mottagningsbesök",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "kvot (a)",
        "kvot (b)",
        "kvot (c)",
        "IVO-rapporten",
        "kvartalsstatistiken",
        "delegationsbesluten",
        "toppminne",
        "gruppcommit",
        "CPU",
    ] {
        assert!(text.contains(ska), "{ska} saknas i utskriften:\n{text}");
    }
    // The receptionists registered visits through the desk's form, and the server took
    // every one: the phase's row counts some and no errors, and they are in the database.
    let rad = text
        .lines()
        .skip_while(|l| !l.starts_with("var för sig"))
        .find(|l| l.starts_with("mottagningsbesök"))
        .unwrap_or_else(|| panic!("mottagningsbesök var för sig saknas:\n{text}"));
    let tal: Vec<&str> = rad
        .trim_start_matches("mottagningsbesök")
        .split_whitespace()
        .collect();
    let gjorda: usize = tal[0].parse().unwrap();
    assert!(gjorda > 0, "inga besök registrerades:\n{text}");
    assert_eq!(tal.last(), Some(&"0"), "besök avvisades:\n{text}");
    assert!(antal("SELECT COUNT(*) AS n FROM oppet_besok").await >= besok_fore + gjorda as i64);
    // Which database settings were in force is part of every figure.
    let installningar = match db {
        Db::Postgres => [
            "shared_buffers=",
            "synchronous_commit=on",
            "max_connections=",
        ],
        Db::Sqlite => ["journal_mode=wal", "synchronous=2", "cache_size="],
    };
    for ska in installningar {
        assert!(text.contains(ska), "{ska} saknas i utskriften:\n{text}");
    }
    // The audit log is still whole after the bench wrote to it.
    assert!(matches!(
        store.granskning().verifiera_logg(kommun).await.unwrap(),
        lots_store::Loggkontroll::Hel { .. }
    ));
}
pa_bada!(bench_kor_hela_vagen);
