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
    // Issue 17: a LOV and a procured provider whose invoices for last month have, all
    // together, exactly two lines that do not match.
    let o = store.organisation();
    let manad = lots_domain::forsorjningsstod::Manad::for_dag(lots_domain::tid::svensk_dag(
        time::OffsetDateTime::now_utc(),
    ))
    .foregaende();
    let mut felrader = vec![];
    let mut regiformer = vec![];
    for org in o.utforarorganisationer(kommun).await.unwrap() {
        regiformer.push(org.regiform);
        let mut beslut = std::collections::HashMap::new();
        for v in o.bestallningsvillkor(kommun, org.id).await.unwrap() {
            let r = store
                .arenden()
                .uppdrag(kommun, v.beslut)
                .await
                .unwrap()
                .unwrap();
            let b = r.tillstand.beslut_lage(v.beslut).unwrap().beslut.clone();
            beslut.insert(v.beslut, (b.insats, b.period_fran, b.period_till));
        }
        let (best, avtal, lev, faktura) = o
            .avstamningsunderlag(kommun, org.id, manad, |b| beslut.get(&b).copied())
            .await
            .unwrap();
        assert!(!faktura.is_empty(), "{} has an invoice", org.namn);
        for a in lots_domain::utforare::stam_av(org.id, &best, &avtal, &lev, &faktura) {
            felrader.push(a.kod());
        }
    }
    regiformer.sort_by_key(|r| r.kod());
    assert_eq!(
        regiformer,
        [
            lots_domain::utforare::Regiform::Lou,
            lots_domain::utforare::Regiform::Lov
        ]
    );
    felrader.sort();
    assert_eq!(
        felrader,
        ["fakturerat_mer_an_levererat", "ingen_bestallning"]
    );
    let igen = Command::new(lots)
        .args(["--database", &dburl, "demo"])
        .output()
        .unwrap();
    assert!(!igen.status.success(), "a second demo fill is refused");
    assert_eq!(store.personer().antal_personer(kommun).await.unwrap(), 200);
}
pa_bada!(demo_fyller_databasen);
