//! The genomförandeplan (seed 004 §2.8.1): the utförare of the ordered unit
//! writes it with the person on the order; the handläggare reads it on the case
//! page and the person on Mina sidor.

use crate::hjalp::*;
use crate::mina_sidor::{medborgare, syntetisk};
use crate::pa_bada;

fn idag() -> String {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()).to_string()
}

/// The plans stored for the case: (version, goals), and how many plan events.
async fn lagrat(app: &TestApp, a: &str) -> (Vec<(u32, String)>, usize) {
    let (_, arende) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let planer = arende
        .genomforandeplaner
        .iter()
        .map(|p| (p.version, p.mal.clone()))
        .collect();
    let handelser = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .iter()
        .filter(|h| h.handelse.kind() == "genomforandeplan_upprattad")
        .count();
    (planer, handelser)
}

async fn utforaren_skriver_planen_med_den_enskilde(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let beslut = crate::behorighet::bestall(&app, &hl, &a).await;
    let plan = format!("/uppdrag/{beslut}/plan");
    let ut = app.klient("utforare").await;
    let (_, html) = ut.get("/uppdrag").await;
    assert!(
        html.contains(&format!("href=\"{plan}\">Saknas")),
        "the list says which orders lack a plan"
    );

    // The order says there is no plan yet and leads to the form.
    let (s, html) = ut.get(&format!("/uppdrag/{beslut}")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Ingen genomförandeplan är skriven än"));
    assert!(html.contains(&format!("href=\"{plan}\"")));
    let (s, html) = ut.get(&plan).await;
    assert_eq!(s, 200);
    assert!(html.contains("Den enskildes mål"));
    assert!(
        html.contains(&format!("value=\"{}\"", idag())),
        "today by default"
    );

    // Empty: every error beside its field and in the summary; nothing stored.
    let (s, _, html) = ut.post(&plan, &[("datum", "")]).await;
    assert_eq!(s, 422);
    assert!(html.contains("Ange ett datum."));
    let (s, _, html) = ut
        .post(
            &plan,
            &[
                ("datum", "2026-04-23"),
                ("mal", " "),
                ("genomforande", ""),
                ("uppfoljning", "2026-04-01"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    for text in [
        "Uppgifterna behöver rättas",
        "Skriv den enskildes mål",
        "Skriv hur insatsen genomförs",
        "Uppföljningen kan inte ligga före planens datum.",
        "id=\"mal-fel\"",
        "id=\"genomforande-fel\"",
        "id=\"uppfoljning-fel\"",
        "aria-invalid=\"true\"",
    ] {
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
    }
    assert_eq!(lagrat(&app, &a).await, (vec![], 0));

    // Written with the person.
    let (s, plats, html) = ut
        .post(
            &plan,
            &[
                ("datum", "2026-04-23"),
                ("mal", "Jag vill dricka mindre och orka jobba."),
                ("genomforande", "Samtal med Kim varje tisdag klockan 10."),
                ("delaktighet", "Dana var med och skrev målen själv."),
                ("uppfoljning", "2027-01-15"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    assert_eq!(
        plats.as_deref(),
        Some(format!("/uppdrag/{beslut}").as_str())
    );
    assert_eq!(
        lagrat(&app, &a).await,
        (
            vec![(1, "Jag vill dricka mindre och orka jobba.".into())],
            1
        )
    );
    let (_, html) = ut.get(&format!("/uppdrag/{beslut}")).await;
    assert!(html.contains("Samtal med Kim varje tisdag klockan 10."));
    assert!(html.contains("Ändra genomförandeplanen"));
    let (_, html) = ut.get("/uppdrag").await;
    assert!(html.contains("Upprättad 2026-04-23"));

    // Revised: the new version is the plan; the old one stays in the history.
    let (s, _, html) = ut
        .post(
            &plan,
            &[
                ("datum", &idag()),
                ("mal", "Jag vill ha ett jobb till sommaren."),
                ("genomforande", "Samtal med Kim varje tisdag klockan 10."),
                ("delaktighet", "Dana ville byta mål."),
                ("uppfoljning", "2027-02-15"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    assert_eq!(
        lagrat(&app, &a).await,
        (vec![(2, "Jag vill ha ett jobb till sommaren.".into())], 2)
    );
    let (s, html) = ut.get(&plan).await;
    assert_eq!(s, 200);
    assert!(html.contains("Jag vill ha ett jobb till sommaren."));
    assert!(html.contains("version 2"));
    assert!(
        !html.contains("orka jobba"),
        "the old version is not the plan"
    );
    // The write is audited as a step in the case, by the utförare.
    let ut_id = app.org.anv("utforare").id;
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(p.parse().unwrap())
        .await
        .unwrap();
    assert!(
        logg.iter()
            .any(|(h, u)| h == "arende.genomforandeplan" && *u == ut_id)
    );
    assert!(logg.iter().any(|(h, u)| h == "uppdrag.plan" && *u == ut_id));

    // Another unit's utförare cannot read or write it.
    let bo = annan_utforare(&app).await;
    let (s, _) = bo.get(&plan).await;
    assert_eq!(s, 403);
    let falt = [
        ("datum", "2026-04-24"),
        ("mal", "Något annat"),
        ("genomforande", "Något annat"),
    ];
    let (s, _, _) = bo.post(&plan, &falt).await;
    assert_eq!(s, 403);
    // Nor can the handläggare: the plan is the utförare's, made with the person.
    let (s, _, _) = hl.post(&plan, &falt).await;
    assert_eq!(s, 403);
    let (s, _) = hl.get(&format!("/arenden/{a}/steg/genomforandeplan")).await;
    assert_eq!(s, 404);
    let (s, _, _) = hl
        .post(&format!("/arenden/{a}/steg/genomforandeplan"), &falt)
        .await;
    assert_eq!(s, 404);
    assert_eq!(lagrat(&app, &a).await.1, 2, "nothing more stored");

    // The handläggare reads it on the case page, with the follow-up watched.
    let (s, html) = hl.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200);
    for text in [
        "Genomförandeplan",
        "Jag vill ha ett jobb till sommaren.",
        "Dana ville byta mål.",
        "Uppföljning: 2027-02-15",
        "Genomförandeplan: Öppenvårdsbehandling vid missbruk (2026-04-23)",
        "Den enskildes mål: Jag vill dricka mindre och orka jobba.",
    ] {
        assert!(html.contains(text), "{text}");
    }
    assert!(!html.contains("Skriv genomförandeplan"), "not a staff step");

    // The person sees the plan in plain words, and when it was written and changed.
    let k = medborgare(&app, "19850505-1238").await;
    let (s, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert_eq!(s, 200);
    for text in [
        "Din plan för Öppenvårdsbehandling vid missbruk",
        "Du och Öppenvården ändrade planen senast",
        "Jag vill ha ett jobb till sommaren.",
        "Samtal med Kim varje tisdag klockan 10.",
        "Dana ville byta mål.",
        "Nästa uppföljning",
        "2027-02-15",
        "Genomförandeplanen skrevs",
        "Genomförandeplanen ändrades",
        "href=\"#plan\"",
    ] {
        assert!(html.contains(text), "{text}");
    }
    assert!(!html.contains("Inga mål är skrivna ännu"));

    // Once the insats has ended the plan is kept but not changed.
    hl.steg(
        &a,
        "verkstallighet-start",
        &[("beslut", &beslut), ("datum", "2026-04-27")],
    )
    .await;
    hl.steg(
        &a,
        "verkstallighet-slut",
        &[
            ("beslut", &beslut),
            ("datum", &idag()),
            ("orsak", "Behandlingen är klar"),
        ],
    )
    .await;
    let (s, html) = ut.get(&plan).await;
    assert_eq!(s, 409);
    assert!(html.contains("Insatsen är avslutad"));
    assert!(!html.contains("Spara planen"));
    let (s, _, _) = ut
        .post(
            &plan,
            &[
                ("datum", &idag()),
                ("mal", "Ett mål"),
                ("genomforande", "Något"),
            ],
        )
        .await;
    assert_eq!(s, 409);
    assert_eq!(lagrat(&app, &a).await.1, 2);
    app.kontrollera_invarianter().await;
}
pa_bada!(utforaren_skriver_planen_med_den_enskilde);
