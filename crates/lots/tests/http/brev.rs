//! Issue 11, the letters: the nämnd's particulars and the diarienummer on every
//! letter (item 7), read back from the PDF the server stored.

use crate::hjalp::*;
use crate::pa_bada;

/// The text of a PDF, whitespace collapsed (pdftotext from poppler-utils).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let fil = dir.path().join("brev.pdf");
    std::fs::write(&fil, pdf).unwrap();
    let ut = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8", fil.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (apt-get install poppler-utils)");
    String::from_utf8_lossy(&ut.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of the letter the case page lists under `rubrik` (e.g. "Beslutsbrev").
pub(crate) async fn brevtext(k: &Klient, arende: &str, rubrik: &str) -> String {
    let (_, sida) = k.get(&format!("/arenden/{arende}")).await;
    // The first link to a document whose text begins with the heading (the same words
    // may stand elsewhere on the page, e.g. in a bevakning).
    let lank: String = sida
        .match_indices("/dokument/")
        .find_map(|(i, _)| {
            let lank: String = sida[i..].chars().take_while(|c| *c != '"').collect();
            let text = &sida[i + sida[i..].find('>')? + 1..];
            text.starts_with(rubrik).then_some(lank)
        })
        .unwrap_or_else(|| panic!("no {rubrik} on the case page: {}", utdrag(&sida)));
    let (s, pdf) = k.get_bytes(&lank).await;
    assert_eq!(s, 200);
    pdf_text(&pdf)
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

/// Up to an avslag decided on 2026-04-30, kommunicerad by letter, not yet sent.
pub(crate) async fn till_beslut(
    app: &TestApp,
    k: &Klient,
    person: &str,
    beslut: &[(&str, &str)],
) -> (String, String) {
    let a = till_kommunicerat(app, k, person).await;
    k.steg(&a, "beslut", beslut).await;
    let b = forsta_beslut(app, &a).await;
    (a, b)
}

/// An application for kontaktperson, investigated and kommunicerad by letter.
async fn till_kommunicerat(app: &TestApp, k: &Klient, person: &str) -> String {
    let a = registrera_ansokan(app, k, person, "kontaktperson", "2026-03-02", "handlaggare").await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
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
    a
}

const AVSLAG: [(&str, &str); 5] = [
    ("insats", "kontaktperson"),
    ("utfall", "avslag"),
    ("lagrum", "sol_11_1"),
    ("motivering", "Behovet tillgodoses genom öppenvården."),
    ("datum", "2026-04-30"),
];

fn skicka(beslut: &str) -> [(&str, &str); 6] {
    [
        ("beslut", beslut),
        ("datum", "2026-05-04"),
        ("satt", "brev"),
        ("forenklad_delgivning", "ja"),
        // DelgL 23 §: told at a meeting before the decision.
        ("forhandsinformation_datum", "2026-04-01"),
        ("forhandsinformation_kanal", "besok"),
    ]
}

/// Item 7: the appeal instructions name the nämnd's postal address, phone and the
/// competent förvaltningsrätt, and every letter carries the case's diarienummer;
/// the event records which version of the particulars the letter used.
async fn brev_har_namndens_uppgifter_och_diarienummer(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19880808-8887", "Cia", "Berg").await;
    let (a, b) = till_beslut(&app, &k, &person, &AVSLAG).await;
    k.steg(&a, "skicka-beslut", &skicka(&b)).await;
    let diarienummer = "SN 2026/00001";
    for rubrik in ["Beslutsbrev", "Kontrollmeddelande", "Kommuniceringsbrev"] {
        let text = brevtext(&k, &a, rubrik).await;
        assert!(text.contains(diarienummer), "{rubrik}: {text}");
        assert!(!text.contains(&a), "{rubrik} shows no UUID: {text}");
        assert!(text.contains("Box 4711"), "{rubrik}: {text}");
        assert!(text.contains("111 22 Testkommun"), "{rubrik}: {text}");
        assert!(text.contains("0123-45 67 89"), "{rubrik}: {text}");
    }
    let text = brevtext(&k, &a, "Beslutsbrev").await;
    assert!(
        text.contains("Förvaltningsrätten i Testköping"),
        "the court: {text}"
    );
    let text = brevtext(&k, &a, "Kommuniceringsbrev").await;
    assert!(text.contains("socialnamnden@testkommun.example"), "{text}");
    let versioner: Vec<Option<i64>> = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .filter_map(|h| match h.handelse {
            lots_domain::Handelse::BrevSkapat { namnduppgifter, .. } => Some(namnduppgifter),
            _ => None,
        })
        .collect();
    assert_eq!(versioner, vec![Some(1); 3]);
    // The staff's case page and list show the diarienummer.
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains(diarienummer), "{}", utdrag(&sida));
    let (_, sida) = k.get(&format!("/personer/{person}")).await;
    assert!(sida.contains(diarienummer), "{}", utdrag(&sida));
    // The next case gets the next number.
    let a2 = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2026-06-01",
        "handlaggare",
    )
    .await;
    let (_, sida) = k.get(&format!("/arenden/{a2}")).await;
    assert!(sida.contains("SN 2026/00002"), "{}", utdrag(&sida));
    app.kontrollera_invarianter().await;
}
pa_bada!(brev_har_namndens_uppgifter_och_diarienummer);

/// Item 7: without the particulars no letter is produced: the step is refused with
/// a message saying what the systemförvaltare must fill in, the handläggare's
/// input stays in the form, and nothing is stored. Once the systemförvaltare has
/// saved them (audited, versioned) the same step goes through.
async fn brev_nekas_utan_namndens_uppgifter(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19880808-8887", "Cia", "Berg").await;
    let (a, b) = till_beslut(&app, &k, &person, &AVSLAG).await;
    app.store
        .bakdorr()
        .execute("DELETE FROM namnduppgifter", &[])
        .await
        .unwrap();
    let fore = handelsetyper(&app, &a).await.len();
    let (s, _, body) = k
        .post(&format!("/arenden/{a}/steg/skicka-beslut"), &skicka(&b))
        .await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    assert!(body.contains("Systemförvaltaren"), "{}", utdrag(&body));
    assert!(body.contains("postadress"), "{}", utdrag(&body));
    assert!(body.contains("förvaltningsrätt"), "{}", utdrag(&body));
    assert!(
        body.contains("value=\"2026-05-04\""),
        "the input is kept: {}",
        utdrag(&body)
    );
    assert_eq!(handelsetyper(&app, &a).await.len(), fore, "nothing stored");

    // The systemförvaltare fills them in; a missing field is shown beside it.
    let sf = app.klient("systemforvaltare").await;
    let (s, _, body) = sf
        .post(
            "/admin/namnd",
            &[
                ("namnd", "Socialnämnden"),
                ("postadress", "Box 99\n999 88 Nyby"),
                ("telefon", ""),
                ("forvaltningsratt", "Förvaltningsrätten i Umeå"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Skriv ett telefonnummer."),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("Box 99"), "the input is kept");
    for telefon in ["090-10 00 00", "090-20 00 00"] {
        let (s, plats, body) = sf
            .post(
                "/admin/namnd",
                &[
                    ("namnd", "Socialnämnden"),
                    ("postadress", "Box 99\n999 88 Nyby"),
                    ("telefon", telefon),
                    ("epost", ""),
                    ("forvaltningsratt", "Förvaltningsrätten i Umeå"),
                    ("diarieprefix", "SN"),
                ],
            )
            .await;
        assert_eq!(
            (s, plats.as_deref()),
            (303, Some("/admin/namnd")),
            "{}",
            utdrag(&body)
        );
    }
    let (_, sida) = sf.get("/admin/namnd").await;
    assert!(sida.contains("version 2"), "{}", utdrag(&sida));
    assert!(sida.contains("090-10 00 00"), "old versions are kept");
    let granskat = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'admin.namnd%' ORDER BY handling",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(granskat.len(), 2, "each change is audited");

    k.steg(&a, "skicka-beslut", &skicka(&b)).await;
    let text = brevtext(&k, &a, "Beslutsbrev").await;
    assert!(
        text.contains("090-20 00 00") && text.contains("Box 99"),
        "{text}"
    );
    assert!(text.contains("Förvaltningsrätten i Umeå"), "{text}");
    let versioner: Vec<Option<i64>> = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .filter_map(|h| match h.handelse {
            lots_domain::Handelse::BrevSkapat {
                namnduppgifter,
                typ: lots_domain::arende::BrevTyp::Beslutsbrev,
                ..
            } => Some(namnduppgifter),
            _ => None,
        })
        .collect();
    assert_eq!(versioner, vec![Some(2)], "the version used is recorded");
    app.kontrollera_invarianter().await;
}
pa_bada!(brev_nekas_utan_namndens_uppgifter);

/// Item 7: cases stored before diarienummer existed get theirs in `lots migrate`,
/// in the order they came in; Mina sidor shows the diarienummer.
async fn diarienummer_i_efterhand_och_pa_mina_sidor(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = crate::mina_sidor::syntetisk(&app, "19850505-1238", "Mira", "Lind").await;
    let forsta = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2025-11-03",
        "handlaggare",
    )
    .await;
    let andra = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2025-10-01",
        "handlaggare",
    )
    .await;
    app.store
        .bakdorr()
        .execute("UPDATE arende SET diarienummer = NULL", &[])
        .await
        .unwrap();
    app.store
        .bakdorr()
        .execute("DELETE FROM diarieserie", &[])
        .await
        .unwrap();
    app.store.migrera().await.unwrap();
    let nummer = |id: &str| {
        let store = app.store.clone();
        let id = id.to_string();
        async move {
            store
                .arenden()
                .arende(app.org.kommun, id.parse().unwrap())
                .await
                .unwrap()
                .unwrap()
                .0
                .diarienummer
        }
    };
    assert_eq!(nummer(&andra).await.as_deref(), Some("SN 2025/00001"));
    assert_eq!(nummer(&forsta).await.as_deref(), Some("SN 2025/00002"));
    let m = crate::mina_sidor::medborgare(&app, "19850505-1238").await;
    let (_, sida) = m.get("/mina-sidor").await;
    assert!(sida.contains("SN 2025/00001"), "{}", utdrag(&sida));
    let (_, sida) = m.get(&format!("/mina-sidor/arenden/{forsta}")).await;
    assert!(sida.contains("SN 2025/00002"), "{}", utdrag(&sida));
    // A new case continues the series.
    let tredje = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2025-12-01",
        "handlaggare",
    )
    .await;
    assert_eq!(nummer(&tredje).await.as_deref(), Some("SN 2025/00003"));
    app.kontrollera_invarianter().await;
}
pa_bada!(diarienummer_i_efterhand_och_pa_mina_sidor);

/// Item 8: dismissing a late appeal (FL 45 §) is a decision: it gets a letter with
/// appeal instructions, stored in the personakt with the decision it concerns.
async fn avvisat_overklagande_far_beslutsbrev(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19900101-0017", "Dag", "Ås").await;
    let (a, b) = till_beslut(&app, &k, &person, &AVSLAG).await;
    k.steg(&a, "skicka-beslut", &skicka(&b)).await;
    // DelgL 22–24 §§: served 18 May once the kontrollmeddelande is recorded.
    k.steg(
        &a,
        "kontrollmeddelande",
        &[("beslut", &b), ("datum", "2026-05-05")],
    )
    .await;
    k.steg(
        &a,
        "overklagande",
        &[
            ("beslut", &b),
            ("inkom", "2026-06-09"),
            ("text", "Jag överklagar."),
        ],
    )
    .await;
    k.steg(
        &a,
        "rattidsprovning",
        &[("beslut", &b), ("datum", "2026-06-10")],
    )
    .await;
    let typer = handelsetyper(&app, &a).await;
    assert_eq!(
        typer[typer.len() - 3..],
        [
            "rattidsprovning_gjord",
            "overklagande_avvisat",
            "brev_skapat"
        ],
        "{typer:?}"
    );
    let text = brevtext(&k, &a, "Beslut om avvisning av överklagande").await;
    assert!(text.contains("avvisar ditt överklagande"), "{text}");
    assert!(text.contains("9 juni 2026"), "when it came in: {text}");
    assert!(text.contains("måndag 8 juni 2026"), "the last day: {text}");
    assert!(text.contains("45 §"), "{text}");
    assert!(text.contains("Så överklagar du"), "{text}");
    assert!(text.contains("Förvaltningsrätten i Testköping"), "{text}");
    assert!(
        text.contains("Box 4711") && text.contains("0123-45 67 89"),
        "{text}"
    );
    assert!(text.contains("SN 2026/00001"), "{text}");
    assert!(text.contains("Test handlaggare"), "who decided: {text}");
    app.kontrollera_invarianter().await;
}
pa_bada!(avvisat_overklagande_far_beslutsbrev);

/// Item 8: rejecting a request for a decision (FL 12 §) goes through the
/// delegationsordning like any decision (the point is recorded and printed), and
/// gets a letter with appeal instructions in the personakt.
async fn avslag_pa_begaran_om_avgorande_far_beslutsbrev(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19900101-0017", "Dag", "Ås").await;
    // Heldygnsvård: only the arbetsledare has delegation (point 3.4).
    let a = registrera_ansokan(&app, &k, &person, "hvb", "2025-11-03", "handlaggare").await;
    k.steg(&a, "begaran-om-avgorande", &[("datum", "2026-05-11")])
        .await;
    let avsla = [
        ("datum", "2026-05-18"),
        (
            "motivering",
            "Vi väntar på läkarintyget som behövs för att pröva ansökan.",
        ),
    ];
    let fore = handelsetyper(&app, &a).await.len();
    let (s, _, body) = k
        .post(&format!("/arenden/{a}/steg/avsla-begaran"), &avsla)
        .await;
    assert_eq!(s, 403, "{}", utdrag(&body));
    assert!(body.contains("delegation"), "{}", utdrag(&body));
    assert_eq!(handelsetyper(&app, &a).await.len(), fore, "nothing stored");
    let al = app.klient("arbetsledare").await;
    al.steg(&a, "avsla-begaran", &avsla).await;
    let h = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap();
    let punkt = h.iter().find_map(|h| match &h.handelse {
        lots_domain::Handelse::BegaranOmAvgorandeAvslagen { delegation, .. } => {
            delegation.as_ref().map(|d| d.punkt.clone())
        }
        _ => None,
    });
    assert_eq!(punkt.as_deref(), Some("3.4"));
    let text = brevtext(&al, &a, "Beslut om begäran om avgörande").await;
    assert!(text.contains("avslår din begäran"), "{text}");
    assert!(text.contains("11 maj 2026"), "{text}");
    assert!(text.contains("läkarintyget"), "the reasons: {text}");
    assert!(text.contains("12 §"), "{text}");
    assert!(text.contains("punkt 3.4"), "the delegation point: {text}");
    assert!(text.contains("Test arbetsledare"), "who decided: {text}");
    assert!(text.contains("Så överklagar du"), "{text}");
    assert!(text.contains("Förvaltningsrätten i Testköping"), "{text}");
    assert!(
        text.contains("Box 4711") && text.contains("0123-45 67 89"),
        "{text}"
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(avslag_pa_begaran_om_avgorande_far_beslutsbrev);

/// Item 6: the kommuniceringsbrev says exactly what was enclosed (a choice among
/// the case's documents) and how the rest was made available (FL 25 §), and never
/// claims an enclosure that was not recorded.
async fn kommuniceringsbrev_sager_vad_som_bifogades(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19880808-8887", "Cia", "Berg").await;
    let a = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    let intyg = bifoga_pdf(&k, &a, "Läkarintyg 2026-03-10").await;
    bifoga_pdf(&k, &a, "Anteckningar från hembesök").await;
    // The form offers the case's documents to enclose.
    let (_, form) = k.get(&format!("/arenden/{a}/steg/kommunicera")).await;
    assert!(
        form.contains(&format!("value=\"{intyg}\"")),
        "{}",
        utdrag(&form)
    );
    assert!(form.contains("Anteckningar från hembesök"));
    k.steg(
        &a,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen\nLäkarintyget"),
            ("satt", "brev"),
            ("svar_senast", "2026-04-16"),
            ("bifogat", &intyg),
            ("tillgangligt", "Utredningen kan läsas på Mina sidor."),
        ],
    )
    .await;
    let text = brevtext(&k, &a, "Kommuniceringsbrev").await;
    assert!(
        text.contains("Med det här brevet skickar vi: • Läkarintyg 2026-03-10"),
        "{text}"
    );
    assert!(!text.contains("hembesök"), "only what was enclosed: {text}");
    assert!(
        text.contains("Så kan du ta del av materialet: Utredningen kan läsas på Mina sidor."),
        "{text}"
    );
    let bifogat = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .into_iter()
        .find_map(|h| match h.handelse {
            lots_domain::Handelse::Kommunicerad { bifogat, .. } => Some(bifogat),
            _ => None,
        })
        .unwrap();
    assert_eq!(bifogat.len(), 1, "what was enclosed is recorded");
    assert_eq!(bifogat[0].to_string(), intyg);

    // Nothing recorded as enclosed: the letter says so instead of claiming it.
    let b = registrera_ansokan(
        &app,
        &k,
        &person,
        "kontaktperson",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    k.steg(&b, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(
        &b,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen"),
            ("satt", "brev"),
            ("svar_senast", "2026-04-16"),
        ],
    )
    .await;
    let text = brevtext(&k, &b, "Kommuniceringsbrev").await;
    assert!(
        text.contains("Inget av materialet skickas med det här brevet."),
        "{text}"
    );
    assert!(!text.contains("finns med i det här brevet"), "{text}");
    // A document of another case cannot be named as enclosed.
    let (s, _, body) = k
        .post(
            &format!("/arenden/{b}/steg/kommunicera"),
            &[
                ("datum", "2026-04-03"),
                ("material", "Utredningen"),
                ("satt", "brev"),
                ("svar_senast", "2026-04-17"),
                ("bifogat", &intyg),
            ],
        )
        .await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    assert!(body.contains("Välj bland ärendets dokument."));
    app.kontrollera_invarianter().await;
}
pa_bada!(kommuniceringsbrev_sager_vad_som_bifogades);

/// Item 11: in a delvis bifall the letter names what was applied for and what is
/// refused (a required field); a föredragande is recorded and printed (FL 31 §);
/// the kontrollmeddelande tells the person to contact the nämnd at once, with its
/// phone and address, if the decision did not arrive.
async fn delvis_bifall_foredragande_och_kontrollmeddelande(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let person = registrera_person(&k, "19880808-8887", "Cia", "Berg").await;
    let al = app.org.anv("arbetsledare").id.to_string();
    let a = till_kommunicerat(&app, &k, &person).await;
    let mut delvis = vec![
        ("insats", "kontaktperson"),
        ("utfall", "delvis_bifall"),
        ("lagrum", "sol_11_1"),
        ("mal", "Ett större socialt nätverk"),
        ("omfattning", "En träff i veckan"),
        ("period_fran", "2026-05-01"),
        ("motivering", "Behovet är styrkt för en träff i veckan."),
        ("datum", "2026-04-30"),
        ("foredragande", al.as_str()),
    ];
    // Without the refused part the decision is refused, the error beside the field.
    let (s, _, body) = k.post(&format!("/arenden/{a}/steg/beslut"), &delvis).await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    assert!(body.contains("Skriv vad som avslås"), "{}", utdrag(&body));
    // A föredragande must be one of the kommun's accounts.
    let mut fel = delvis.clone();
    fel.retain(|(n, _)| *n != "foredragande");
    fel.push(("foredragande", "0190a0a0-0000-7000-8000-000000000000"));
    fel.push(("avslagen_del", "Något"));
    let (s, _, body) = k.post(&format!("/arenden/{a}/steg/beslut"), &fel).await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Välj föredragande i listan."),
        "{}",
        utdrag(&body)
    );
    delvis.push((
        "avslagen_del",
        "Du ansökte om två träffar i veckan. Den andra träffen i veckan avslås.",
    ));
    k.steg(&a, "beslut", &delvis).await;
    let b = forsta_beslut(&app, &a).await;
    k.steg(&a, "skicka-beslut", &skicka(&b)).await;
    let text = brevtext(&k, &a, "Beslutsbrev").await;
    assert!(
        text.contains("Du ansökte om två träffar i veckan. Den andra träffen i veckan avslås."),
        "the refused part: {text}"
    );
    assert!(text.contains("Föredragande: Test arbetsledare"), "{text}");
    assert!(text.contains("Förvaltningsrätten i Testköping"), "{text}");
    assert!(
        text.contains("Box 4711") && text.contains("0123-45 67 89"),
        "{text}"
    );
    assert!(text.contains("SN 2026/00001"), "{text}");
    let text = brevtext(&k, &a, "Kontrollmeddelande").await;
    assert!(
        text.contains("Kontakta nämnden genast: ring 0123-45 67 89"),
        "{text}"
    );
    assert!(text.contains("Box 4711 111 22 Testkommun"), "{text}");
    assert!(!text.contains("Då räknas du inte som delgiven"), "{text}");
    app.kontrollera_invarianter().await;
}
pa_bada!(delvis_bifall_foredragande_och_kontrollmeddelande);
