//! `lots demo` fills a database on both backends through the real rules, and
//! refuses to fill one twice.

use std::process::Command;

use crate::hjalp::*;
use crate::pa_bada;
use lots_store::Store;

async fn demo_fyller_databasen(db: Db) {
    let (dburl, _dir) = ny_databas(db).await;
    let lots = env!("CARGO_BIN_EXE_lots");
    let ut = Command::new(lots)
        .args(["--database", &dburl, "demo"])
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
    assert_eq!(store.personer().antal_personer(kommun).await.unwrap(), 200);
    let handlaggare = store
        .organisation()
        .anvandare_med_namn(kommun, "handlaggare")
        .await
        .unwrap()
        .expect("demo login");
    assert!(
        !store
            .arenden()
            .mina_arenden(kommun, handlaggare.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        !store
            .arenden()
            .mina_bevakningar(kommun, handlaggare.id)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(store.arenden().verifiera().await.unwrap().is_empty());
    let igen = Command::new(lots)
        .args(["--database", &dburl, "demo"])
        .output()
        .unwrap();
    assert!(!igen.status.success(), "a second demo fill is refused");
    assert_eq!(store.personer().antal_personer(kommun).await.unwrap(), 200);
}
pa_bada!(demo_fyller_databasen);
