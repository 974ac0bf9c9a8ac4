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
