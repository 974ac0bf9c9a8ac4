//! Gallring (issue 18, item 6): `lots gallra`'s dry run changes nothing, the run deletes the
//! due person's rows from every table that holds them and touches nothing else, and the
//! audit log and every case's history still verify.

use std::collections::BTreeMap;
use std::process::Command;

use lots_domain::Kommando;
use lots_domain::gallring::Behalls;
use lots_domain::ids::{JournalId, PersonId};
use lots_store::{Aktor, Loggkontroll, Store};
use time::{Duration, OffsetDateTime};

use crate::hjalp::*;
use crate::pa_bada;

/// Every row of every table, as text (the row's columns and values), sorted: two snapshots
/// are equal only if no row was added, removed or changed.
async fn alla_rader(store: &Store) -> BTreeMap<String, Vec<String>> {
    let tabeller = store
        .bakdorr()
        .fetch_all(
            if store.ar_postgres() {
                "SELECT table_name AS namn FROM information_schema.tables \
                 WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            } else {
                "SELECT name AS namn FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            },
            &[],
        )
        .await
        .unwrap();
    let mut ut = BTreeMap::new();
    for t in tabeller {
        let namn = t.text("namn").unwrap();
        let sql: &'static str = Box::leak(format!("SELECT * FROM {namn}").into_boxed_str());
        let mut rader: Vec<String> = store
            .bakdorr()
            .fetch_all(sql, &[])
            .await
            .unwrap()
            .iter()
            .map(|r| format!("{r:?}"))
            .collect();
        rader.sort();
        ut.insert(namn, rader);
    }
    ut
}

async fn avslutat_arende(app: &TestApp, k: &Klient, person: &str, idag: &str) -> String {
    let a = registrera_ansokan(app, k, person, "kontaktperson", idag, "handlaggare").await;
    k.steg(
        &a,
        "journal",
        &[("datum", idag), ("text", "Samtal om stödet.")],
    )
    .await;
    bifoga_pdf(k, &a, "Intyg").await;
    k.steg(
        &a,
        "aterkallelse",
        &[
            ("insats", "kontaktperson"),
            ("datum", idag),
            ("kanal", "besok"),
            ("kommentar", "Vill inte längre ha stöd."),
        ],
    )
    .await;
    k.steg(
        &a,
        "avsluta",
        &[("datum", idag), ("orsak", "ansokan_atertagen")],
    )
    .await;
    a
}

/// Two persons, one due and one not, one born on the 15th and one with an open case:
/// the dry run changes no row; the run removes the due person's rows from every table
/// that holds personal data and leaves every other row as it was; `verify-log` and the
/// state check pass.
async fn gallring_tar_bara_den_forfallna(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let nu = OffsetDateTime::now_utc();
    let idag = lots_domain::tid::svensk_dag(nu);
    let dag = idag.to_string();
    let forfallen = registrera_person(&k, "198001012387", "Anna", "Gallras").await;
    let sen = registrera_person(&k, "197901012398", "Bertil", "Senare").await;
    let femtonde = registrera_person(&k, "198001152381", "Cecilia", "Femtonde").await;
    let oppen = registrera_person(&k, "199003032381", "David", "Oppen").await;
    let a = avslutat_arende(&app, &k, &forfallen, &dag).await;
    let b = avslutat_arende(&app, &k, &sen, &dag).await;
    avslutat_arende(&app, &k, &femtonde, &dag).await;
    registrera_ansokan(&app, &k, &oppen, "kontaktperson", &dag, "handlaggare").await;
    // Bertil's personakt gets an entry three years on: his five years count from it.
    let hl = Aktor::from(app.org.anv("handlaggare"));
    let senare = nu + Duration::days(3 * 365);
    let senare_dag = lots_domain::tid::svensk_dag(senare);
    app.store
        .arenden()
        .utfor(
            &hl,
            b.parse().unwrap(),
            Kommando::SkrivJournal {
                id: JournalId::ny(),
                datum: senare_dag,
                text: "Samtal efter avslut.".into(),
            },
            senare,
            senare_dag,
            None,
        )
        .await
        .unwrap();
    // Seven years on, Anna's five years have passed; Bertil's have not.
    let gallringsdag = lots_domain::frister::plus_ar(idag, 7);
    let kommun = app.org.kommun;
    // Let the read-audit group writer flush the pages read above.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;

    assert_eq!(
        app.store.gallring().oklassade_tabeller().await.unwrap(),
        Vec::<String>::new(),
        "every table is classified for gallring"
    );
    let fore = alla_rader(&app.store).await;
    let fall = app
        .store
        .gallring()
        .provning(kommun, gallringsdag)
        .await
        .unwrap();
    let efter_torr = alla_rader(&app.store).await;
    assert_eq!(fore, efter_torr, "the dry run changes nothing");
    let fall_for = |p: &str| {
        let id: PersonId = p.parse().unwrap();
        fall.iter()
            .find(|f| f.person == id)
            .expect("every person is tried")
    };
    assert!(fall_for(&forfallen).provning.forfallen());
    assert_eq!(
        fall_for(&sen).provning.behalls,
        Some(Behalls::InteForfallen)
    );
    assert_eq!(
        fall_for(&femtonde).provning.behalls,
        Some(Behalls::Fodelsedag)
    );
    assert_eq!(
        fall_for(&oppen).provning.behalls,
        Some(Behalls::OppetArende)
    );
    let antal = |tabell: &str| {
        fall_for(&forfallen)
            .rader
            .iter()
            .find(|r| r.tabell == tabell)
            .map(|r| r.antal)
            .unwrap()
    };
    for tabell in [
        "person",
        "arende",
        "journal",
        "dokument",
        "handelse",
        "personnamn",
    ] {
        assert!(antal(tabell) > 0, "the dry run counts {tabell}");
    }

    // A person not due is refused, and nothing changes.
    assert!(
        app.store
            .gallring()
            .gallra_person(kommun, femtonde.parse().unwrap(), gallringsdag, nu)
            .await
            .unwrap()
            .is_none()
    );
    // The run.
    let mut borttaget = 0;
    for f in fall.iter().filter(|f| f.provning.forfallen()) {
        let rader = app
            .store
            .gallring()
            .gallra_person(kommun, f.person, gallringsdag, nu)
            .await
            .unwrap()
            .expect("a due person is gallrad");
        assert_eq!(rader, f.rader, "the run deletes what the dry run listed");
        borttaget += 1;
    }
    assert_eq!(borttaget, 1, "only Anna is due");
    let efter = alla_rader(&app.store).await;

    // Anna's rows are gone from every table but the audit log's (which names her by her
    // surrogate id only) and the tombstone; her personnummer is nowhere.
    let hennes = |rad: &str| rad.contains(&forfallen) || rad.contains(&a);
    for (tabell, rader) in &efter {
        assert!(
            !rader.iter().any(|r| r.contains("198001012387")),
            "{tabell} still holds the personnummer"
        );
        if !["granskning", "granskning_post", "gallrad_person"].contains(&tabell.as_str()) {
            assert!(
                !rader.iter().any(|r| hennes(r)),
                "{tabell} still holds a row of the gallrad person"
            );
        }
    }
    // Every other row is as it was: each table is what it held less Anna's rows; the
    // audit log is unchanged; the tombstone is the one new row.
    for (tabell, rader) in &fore {
        let vantat: Vec<String> = match tabell.as_str() {
            "granskning" | "granskning_post" | "granskning_kedja" => rader.clone(),
            _ => rader.iter().filter(|r| !hennes(r)).cloned().collect(),
        };
        if tabell == "gallrad_person" {
            assert!(rader.is_empty());
            assert_eq!(efter[tabell].len(), 1);
            assert!(efter[tabell][0].contains(&forfallen));
        } else {
            assert_eq!(&efter[tabell], &vantat, "{tabell} is touched");
        }
    }
    for tabell in lots_store::persontabeller() {
        let hade = fore[tabell].iter().filter(|r| hennes(r)).count();
        if ["person", "arende", "journal", "dokument", "handelse"].contains(&tabell) {
            assert!(hade > 0, "the test gave Anna rows in {tabell}");
        }
    }
    let gallrade = app.store.gallring().gallrade(kommun).await.unwrap();
    assert_eq!(gallrade.len(), 1);
    assert_eq!(gallrade[0].0.to_string(), forfallen);

    // The audit log and every remaining case still verify, in the store and by the binary.
    assert!(matches!(
        app.store.granskning().verifiera_logg(kommun).await.unwrap(),
        Loggkontroll::Hel { .. }
    ));
    app.kontrollera_invarianter().await;
    let lots = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_lots"))
            .args(["--database", app.dburl()])
            .args(args)
            .output()
            .unwrap()
    };
    let ut = lots(&["verify-log"]);
    let text = String::from_utf8_lossy(&ut.stdout).into_owned();
    assert!(ut.status.success(), "{text}");
    assert!(text.contains("är hel"), "{text}");
    // Today nobody is due: the binary's dry run says so and changes nothing.
    let ut = lots(&["gallra"]);
    let text = String::from_utf8_lossy(&ut.stdout).into_owned();
    assert!(
        ut.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&ut.stderr)
    );
    assert!(text.contains("0 att gallra"), "{text}");
    assert!(text.contains("Torrkörning"), "{text}");
    assert!(text.contains("behålls: 1 – ett ärende är öppet"), "{text}");
    assert_eq!(
        alla_rader(&app.store).await,
        efter,
        "the binary's dry run changes nothing"
    );
}
pa_bada!(gallring_tar_bara_den_forfallna);
