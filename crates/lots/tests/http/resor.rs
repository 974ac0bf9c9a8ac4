//! The journeys of issue 2, walked through the real pages on both databases.

use crate::hjalp::*;
use crate::pa_bada;
use lots_domain::arende::Status;

async fn status(app: &TestApp, arende: &str) -> Status {
    app.store
        .arenden()
        .arende(app.org.kommun, arende.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1
        .status()
}

async fn forsta_beslut(app: &TestApp, arende: &str) -> String {
    app.store
        .arenden()
        .arende(app.org.kommun, arende.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1
        .beslut[0]
        .id()
        .to_string()
}

async fn bevakningstyper(app: &TestApp, arende: &str) -> Vec<(String, String)> {
    let a = app
        .store
        .arenden()
        .arende(app.org.kommun, arende.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1;
    lots_domain::arende::bevakningar(&a)
        .into_iter()
        .map(|b| (b.typ.kod().to_string(), b.datum.to_string()))
        .collect()
}

/// (a) ansökan → utredning → kommunicering → bifall → beställning → verkställighet
/// → two follow-ups → avslut.
async fn ansokan_till_avslut(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &k,
        &person,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    assert_eq!(status(&app, &a).await, Status::Aktualiserad);

    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(
        &a,
        "synpunkter",
        &[
            ("datum", "2026-03-10"),
            ("synpunkter", "Jag vill sluta dricka."),
            ("mal", "Nykter om ett år."),
        ],
    )
    .await;
    k.steg(
        &a,
        "journal",
        &[
            ("datum", "2026-03-10"),
            ("text", "Hembesök. Anna berättade om sin situation."),
        ],
    )
    .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    // Sunday 2026-04-19 → moved to Monday 20 April (lag 1930:173 2 §).
    k.steg(
        &a,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen"),
            ("satt", "brev"),
            ("svar_senast", "2026-04-19"),
        ],
    )
    .await;
    assert_eq!(
        bevakningstyper(&app, &a).await,
        vec![
            // FL 11 §: a week before the day the person was told to expect a decision (six
            // weeks for öppenvård from 3 March: 14 April), the handläggare is reminded.
            ("drojsmal".into(), "2026-04-07".into()),
            ("svar_kommunicering".into(), "2026-04-20".into()),
        ]
    );
    let (_, start) = k.get("/").await;
    assert!(
        start.contains("Svar på kommunicering"),
        "start page shows the bevakning"
    );
    assert!(start.contains("2026-04-20"));

    let kommunicering = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1
        .kommuniceringar[0]
        .id
        .to_string();
    k.steg(
        &a,
        "svar",
        &[
            ("kommunicering", &kommunicering),
            ("datum", "2026-04-10"),
            ("svar", "Jag håller med."),
        ],
    )
    .await;
    assert_eq!(
        bevakningstyper(&app, &a).await,
        vec![("drojsmal".into(), "2026-04-07".into())]
    );

    k.steg(
        &a,
        "beslut",
        &[
            ("insats", "oppenvardsbehandling"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Minskat drickande"),
            ("omfattning", "Två samtal i veckan"),
            ("period_fran", "2026-04-20"),
            ("period_till", "2026-12-31"),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let beslut = forsta_beslut(&app, &a).await;
    // SoL 34 kap. 1 §: three months from the decision.
    assert!(
        bevakningstyper(&app, &a)
            .await
            .contains(&("verkstallighet".into(), "2026-07-20".into()))
    );
    k.steg(
        &a,
        "skicka-beslut",
        &[
            ("beslut", &beslut),
            ("datum", "2026-04-21"),
            ("satt", "brev"),
            ("forenklad_delgivning", "ja"),
            ("forhandsinformation_datum", "2026-04-01"),
            ("forhandsinformation_kanal", "besok"),
        ],
    )
    .await;
    // DelgL 22 §: served only once the kontrollmeddelande is recorded.
    k.steg(
        &a,
        "kontrollmeddelande",
        &[("beslut", &beslut), ("datum", "2026-04-22")],
    )
    .await;
    // DelgL: served 2026-05-05; FL 44 §: three weeks → 2026-05-26.
    assert!(
        bevakningstyper(&app, &a)
            .await
            .contains(&("overklagandetid".into(), "2026-05-26".into()))
    );
    let utforare = app.org.utforare_enhet.to_string();
    k.steg(
        &a,
        "bestall",
        &[
            ("beslut", &beslut),
            ("utforare", &utforare),
            ("datum", "2026-04-22"),
            ("uppdrag", "Samtalsbehandling enligt beslut."),
        ],
    )
    .await;
    k.steg(
        &a,
        "verkstallighet-start",
        &[("beslut", &beslut), ("datum", "2026-05-04")],
    )
    .await;
    assert_eq!(status(&app, &a).await, Status::Verkstalls);
    let bev = bevakningstyper(&app, &a).await;
    assert!(
        !bev.iter().any(|(t, _)| t == "verkstallighet"),
        "enforced: no three-month bevakning"
    );
    assert!(
        bev.contains(&("uppfoljning".into(), "2026-08-04".into())),
        "follow-up three months after start: {bev:?}"
    );

    k.steg(
        &a,
        "uppfoljning",
        &[
            ("beslut", &beslut),
            ("datum", "2026-08-04"),
            ("maluppfyllelse", "delvis_uppnatt"),
            ("enskildes_synpunkt", "Det går bättre."),
            ("nasta", "2026-11-02"),
        ],
    )
    .await;
    assert!(
        bevakningstyper(&app, &a)
            .await
            .contains(&("uppfoljning".into(), "2026-11-02".into()))
    );
    // Not closable: the insats is ongoing and a follow-up is owed.
    let (s, _, body) = k
        .post(
            &format!("/arenden/{a}/steg/avsluta"),
            &[("datum", "2026-11-03"), ("orsak", "mal_uppnatt")],
        )
        .await;
    assert_eq!(s, 409);
    assert!(body.contains("pågår"), "{}", utdrag(&body));
    let antal = handelsetyper(&app, &a).await.len();

    k.steg(
        &a,
        "verkstallighet-slut",
        &[
            ("beslut", &beslut),
            ("datum", "2026-11-01"),
            ("orsak", "Behandlingen är klar."),
        ],
    )
    .await;
    k.steg(
        &a,
        "uppfoljning",
        &[
            ("beslut", &beslut),
            ("datum", "2026-11-02"),
            ("maluppfyllelse", "uppnatt"),
            ("enskildes_synpunkt", "Jag mår bra nu."),
        ],
    )
    .await;
    assert_eq!(
        handelsetyper(&app, &a).await.len(),
        antal + 2,
        "the refused avslut stored nothing"
    );
    k.steg(
        &a,
        "avsluta",
        &[("datum", "2026-11-03"), ("orsak", "mal_uppnatt")],
    )
    .await;
    assert_eq!(status(&app, &a).await, Status::Avslutat);
    assert!(bevakningstyper(&app, &a).await.is_empty());

    assert_eq!(
        handelsetyper(&app, &a).await,
        vec![
            "ansokan_registrerad",
            "utredning_inledd",
            "synpunkter_registrerade",
            "journal_antecknad",
            "utredning_avslutad",
            "kommunicerad",
            "brev_skapat",
            "kommunicering_besvarad",
            "beslut_fattat",
            "informerad_om_forenklad_delgivning",
            "beslut_skickat",
            "brev_skapat",
            "brev_skapat",
            "kontrollmeddelande_skickat",
            "bestalld",
            "verkstallighet_paborjad",
            "uppfoljd",
            "verkstallighet_avslutad",
            "uppfoljd",
            "arende_avslutat",
        ]
    );
    let (s, sida) = k.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200);
    assert!(sida.contains("Avslutat"));
    assert!(sida.contains("Beslut: Bifall"));
    assert!(sida.contains("Hembesök. Anna berättade"));
    assert!(
        !sida.contains("/steg/beslut\""),
        "a closed case offers no decision step"
    );
    let (_, start) = k.get("/").await;
    assert!(
        !start.contains(&format!("/arenden/{a}")),
        "closed case leaves the start page"
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(ansokan_till_avslut);

/// (b) anmälan → förhandsbedömning → inled ej.
async fn anmalan_inleds_ej(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19701003-2394", "Bo", "Al").await;
    let enhet = app.org.missbruk.to_string();
    let (s, plats, body) = k
        .post(
            &format!("/personer/{person}/arenden/nytt?typ=anmalan"),
            &[
                ("inkom", "2026-06-01"),
                ("kanal", "telefon"),
                ("anonym", "ja"),
                ("beskrivning", "Granne oroar sig."),
                ("enhet", &enhet),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let a = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    assert_eq!(status(&app, &a).await, Status::Forhandsbedomning);
    // Nothing but the förhandsbedömning (and documentation) is open.
    let (s, _, _) = k
        .post(
            &format!("/arenden/{a}/steg/inled-utredning"),
            &[("datum", "2026-06-02")],
        )
        .await;
    assert_eq!(s, 409);
    k.steg(
        &a,
        "forhandsbedom",
        &[
            ("datum", "2026-06-03"),
            ("utfall", "inled_ej"),
            ("skal", "Inget tyder på behov av stöd."),
        ],
    )
    .await;
    assert_eq!(status(&app, &a).await, Status::Avslutat);
    assert_eq!(
        handelsetyper(&app, &a).await,
        vec!["anmalan_registrerad", "forhandsbedomd", "arende_avslutat"]
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("utredning inleds inte"));
    app.kontrollera_invarianter().await;
}
pa_bada!(anmalan_inleds_ej);

/// Up to an avslag sent with förenklad delgivning on 2026-05-04:
/// served 2026-05-18, last day to appeal 2026-06-08 (FL 44 §).
async fn till_avslag(app: &TestApp, k: &Klient, nummer: &str) -> (String, String) {
    let person = registrera_person(k, nummer, "Cia", "Berg").await;
    let a = registrera_ansokan(
        app,
        k,
        &person,
        "kontaktperson",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    // FL 25 §: an adverse decision before kommunicering is refused.
    let avslag = [
        ("insats", "kontaktperson"),
        ("utfall", "avslag"),
        ("lagrum", "sol_11_1"),
        ("motivering", "Behovet tillgodoses genom öppenvården."),
        ("datum", "2026-04-30"),
    ];
    let (s, _, body) = k.post(&format!("/arenden/{a}/steg/beslut"), &avslag).await;
    assert_eq!(s, 422);
    assert!(body.contains("FL 25 §"), "{}", utdrag(&body));
    k.steg(
        &a,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen"),
            ("satt", "brev"),
            ("svar_senast", "2026-04-16"),
        ],
    )
    .await;
    k.steg(&a, "beslut", &avslag).await;
    let beslut = forsta_beslut(app, &a).await;
    k.steg(
        &a,
        "skicka-beslut",
        &[
            ("beslut", &beslut),
            ("datum", "2026-05-04"),
            ("satt", "brev"),
            ("forenklad_delgivning", "ja"),
            ("forhandsinformation_datum", "2026-04-01"),
            ("forhandsinformation_kanal", "besok"),
        ],
    )
    .await;
    // DelgL 22 §: served only once the kontrollmeddelande is recorded.
    k.steg(
        &a,
        "kontrollmeddelande",
        &[("beslut", &beslut), ("datum", "2026-05-05")],
    )
    .await;
    assert!(
        bevakningstyper(app, &a)
            .await
            .contains(&("overklagandetid".into(), "2026-06-08".into()))
    );
    (a, beslut)
}

/// (c) ansökan → avslag → appeal in time → omprövning without change → förvaltningsrätten → outcome.
async fn overklagande_i_tid(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (a, beslut) = till_avslag(&app, &k, "19811218-9876").await;
    k.steg(
        &a,
        "overklagande",
        &[
            ("beslut", &beslut),
            ("inkom", "2026-06-08"),
            ("text", "Jag behöver en kontaktperson."),
        ],
    )
    .await;
    assert!(
        !bevakningstyper(&app, &a)
            .await
            .iter()
            .any(|(t, _)| t == "overklagandetid")
    );
    k.steg(
        &a,
        "rattidsprovning",
        &[("beslut", &beslut), ("datum", "2026-06-09")],
    )
    .await;
    // FL 39 §: omprövning is open before the papers go to the court.
    k.steg(
        &a,
        "omprovning",
        &[
            ("beslut", &beslut),
            ("datum", "2026-06-10"),
            ("motivering", "Inga nya omständigheter."),
            ("andra", "nej"),
        ],
    )
    .await;
    k.steg(
        &a,
        "overlamna",
        &[("beslut", &beslut), ("datum", "2026-06-11")],
    )
    .await;
    let (s, _, _) = k
        .post(
            &format!("/arenden/{a}/steg/omprovning"),
            &[
                ("beslut", &beslut),
                ("datum", "2026-06-12"),
                ("motivering", "x"),
                ("andra", "nej"),
            ],
        )
        .await;
    assert_eq!(s, 409, "no omprövning after the papers went to the court");
    k.steg(
        &a,
        "dom",
        &[
            ("beslut", &beslut),
            ("datum", "2026-09-01"),
            ("utfall", "bifall"),
            ("malnummer", "1234-26"),
        ],
    )
    .await;
    // The court granted the insats: three months to enforcement from the judgment.
    assert!(
        bevakningstyper(&app, &a)
            .await
            .contains(&("verkstallighet".into(), "2026-12-01".into()))
    );
    assert_eq!(
        {
            let t = handelsetyper(&app, &a).await;
            let i = t
                .iter()
                .position(|k| *k == "overklagande_inkommit")
                .unwrap();
            t[i..].to_vec()
        }[..],
        [
            "overklagande_inkommit",
            "rattidsprovning_gjord",
            "omprovat",
            "overlamnat_till_forvaltningsratten",
            "dom_meddelad"
        ]
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Rättidsprövning: i tid"));
    assert!(sida.contains("Förvaltningsrätten: överklagandet bifölls"));
    app.kontrollera_invarianter().await;
}
pa_bada!(overklagande_i_tid);

/// (d) a late appeal is dismissed (FL 45 §).
async fn sent_overklagande_avvisas(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (a, beslut) = till_avslag(&app, &k, "19900101-0017").await;
    k.steg(
        &a,
        "overklagande",
        &[
            ("beslut", &beslut),
            ("inkom", "2026-06-09"),
            ("text", "Jag överklagar."),
        ],
    )
    .await;
    k.steg(
        &a,
        "rattidsprovning",
        &[("beslut", &beslut), ("datum", "2026-06-10")],
    )
    .await;
    let typer = handelsetyper(&app, &a).await;
    // The dismissal is a decision with its own letter (issue 11, item 8).
    assert_eq!(
        typer[typer.len() - 3..],
        [
            "rattidsprovning_gjord",
            "overklagande_avvisat",
            "brev_skapat"
        ]
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Rättidsprövning: för sent"));
    assert!(sida.contains("Sista dag var 2026-06-08"));
    // Nothing more to send to the court.
    assert!(!sida.contains("/steg/overlamna\""));
    app.kontrollera_invarianter().await;
}
pa_bada!(sent_overklagande_avvisas);

/// Correcting a served date entered wrongly recomputes the appeal bevakning;
/// the wrong date stays in the history.
async fn rattat_datum_raknar_om_bevakningar(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (a, beslut) = till_avslag(&app, &k, "19550505-1234").await;
    k.steg(
        &a,
        "ratta-datum",
        &[
            ("beslut", &beslut),
            ("vad", "delgiven"),
            ("datum", "2026-05-20"),
            ("skal", "Delgivningskvittot visar den 20 maj."),
        ],
    )
    .await;
    // FL 44 §: three weeks from 2026-05-20.
    let bev = bevakningstyper(&app, &a).await;
    assert!(
        bev.contains(&("overklagandetid".into(), "2026-06-10".into())),
        "{bev:?}"
    );
    assert!(!bev.contains(&("overklagandetid".into(), "2026-06-08".into())));
    let typer = handelsetyper(&app, &a).await;
    assert!(typer.contains(&"beslut_skickat") && typer.ends_with(&["datum_rattat"]));
    let (s, _, body) = k
        .post(
            &format!("/arenden/{a}/steg/ratta-datum"),
            &[
                ("beslut", &beslut),
                ("vad", "delgiven"),
                ("datum", "2026-05-21"),
            ],
        )
        .await;
    assert_eq!(s, 422, "a correction needs a reason");
    assert!(body.contains("Skriv varför datumet rättas."));
    app.kontrollera_invarianter().await;
}
pa_bada!(rattat_datum_raknar_om_bevakningar);

/// Letters are written from the case's facts when a step needs them and kept in the
/// personakt with their hash, so what was sent can be shown again byte for byte.
async fn brev_sparas_med_hash(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let (a, _) = till_avslag(&app, &k, "19880808-8887").await;
    let typer = handelsetyper(&app, &a).await;
    // kommunicerad + kommuniceringsbrev; beslut_skickat + beslutsbrev + kontrollmeddelande.
    assert_eq!(
        typer.iter().filter(|t| **t == "brev_skapat").count(),
        3,
        "{typer:?}"
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Beslutsbrev 2026-05-04 (PDF)"));
    assert!(sida.contains("Kontrollmeddelande 2026-05-05 (PDF)"));
    assert!(sida.contains("Kommuniceringsbrev 2026-04-02 (PDF)"));
    let i = sida.find("Beslutsbrev 2026-05-04").unwrap();
    let start = sida[..i].rfind("/dokument/").unwrap();
    let lank: String = sida[start..].chars().take_while(|c| *c != '"').collect();
    let (s, pdf) = k.get_bytes(&lank).await;
    assert_eq!(s, 200);
    assert!(pdf.starts_with(b"%PDF"));
    let sha = {
        use std::fmt::Write;
        let h = <sha2::Sha256 as sha2::Digest>::digest(&pdf);
        h.iter().fold(String::new(), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
    };
    let lagrad = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .find_map(|h| match h.handelse {
            lots_domain::Handelse::BrevSkapat {
                typ: lots_domain::arende::BrevTyp::Beslutsbrev,
                sha256,
                ..
            } => Some(sha256),
            _ => None,
        });
    assert_eq!(lagrad, Some(sha), "the bytes shown are the bytes stored");
    // What the letter says (pdftotext from poppler-utils).
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("brev.pdf");
    std::fs::write(&fil, &pdf).unwrap();
    let ut = std::process::Command::new("pdftotext")
        .args([fil.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    let text = String::from_utf8_lossy(&ut.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text.contains("Kontaktperson"), "{text}");
    assert!(text.contains("Avslag") || text.contains("avslag"));
    assert!(text.contains("förvaltningsrätten") || text.contains("Förvaltningsrätten"));
    assert!(
        text.contains("8 juni 2026"),
        "the last day to appeal: {text}"
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(brev_sparas_med_hash);
