//! Issue 20 item 5, the rest: the kommun's text blocks for motiveringar (kept by the
//! arbetsledare, versioned and audited, never seen by another kommun), inserted in the
//! decision form and the utredning's bedömning without JavaScript; the förslag till
//! beslut flowing from the bedömning into the decision form; and the decision letter
//! previewed from the form, marked as such, with nothing recorded.

use crate::brev::pdf_text;
use crate::hjalp::*;
use crate::pa_bada;

const TITEL: &str = "Avslag – behovet tillgodoses på annat sätt";
const TEXT: &str = "Nämnden bedömer att ditt behov kan tillgodoses på annat sätt.";

/// The arbetsledare saves a new block; returns its id.
async fn nytt_block(al: &Klient, titel: &str, text: &str) -> String {
    let (s, plats, body) = al
        .post("/textblock", &[("titel", titel), ("text", text)])
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    plats
        .expect("to the block")
        .trim_start_matches("/textblock/")
        .to_owned()
}

async fn versioner(app: &TestApp, kommun: lots_domain::ids::KommunId, id: &str) -> usize {
    app.store
        .organisation()
        .textblock_versioner(kommun, id.parse().unwrap())
        .await
        .unwrap()
        .len()
}

async fn granskade(app: &TestApp) -> Vec<String> {
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'textblock.%' ORDER BY handling",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap())
        .collect()
}

/// The arbetsledare adds, changes and retires a block, each a version with its audit row;
/// the handläggare reads the blocks but cannot change them; other roles do not see them.
async fn arbetsledaren_skoter_textblocken(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;
    let kommun = app.org.kommun;

    let (s, sida) = al.get("/textblock").await;
    assert_eq!(s, 200);
    assert!(sida.contains("Kommunen har inga textblock ännu."), "{sida}");
    assert!(sida.contains("href=\"/textblock\""), "in the menu");

    // Bad input: said beside the fields, nothing stored.
    let (s, _, body) = al
        .post("/textblock", &[("titel", " "), ("text", TEXT)])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Skriv en rubrik"), "{}", utdrag(&body));
    assert!(body.contains(TEXT), "what was typed stays");
    assert!(granskade(&app).await.is_empty());

    let id = nytt_block(&al, TITEL, TEXT).await;
    let (s, sida) = al.get(&format!("/textblock/{id}")).await;
    assert_eq!(s, 200);
    assert!(sida.contains(TEXT) && sida.contains("Version 1"), "{sida}");

    let ny_text = "Nämnden bedömer att ditt behov tillgodoses genom öppenvården.";
    let (s, plats, body) = al
        .post(
            &format!("/textblock/{id}"),
            &[("atgard", "spara"), ("titel", TITEL), ("text", ny_text)],
        )
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some(format!("/textblock/{id}").as_str())),
        "{}",
        utdrag(&body)
    );
    let (_, sida) = al.get(&format!("/textblock/{id}")).await;
    assert!(
        sida.contains("Version 2") && sida.contains(ny_text),
        "{sida}"
    );
    assert!(sida.contains(TEXT), "the old version is kept and shown");

    // The handläggare reads, and is refused every change.
    let (s, sida) = hl.get("/textblock").await;
    assert_eq!(s, 200);
    assert!(sida.contains(TITEL) && sida.contains("href=\"/textblock\""));
    assert!(!sida.contains("Nytt textblock"), "no form to add one");
    let (s, sida) = hl.get(&format!("/textblock/{id}")).await;
    assert_eq!(s, 200);
    assert!(sida.contains(ny_text) && !sida.contains("Spara ändringen"));
    let (s, _, _) = hl
        .post("/textblock", &[("titel", "Mitt"), ("text", "Eget.")])
        .await;
    assert_eq!(s, 403);
    for falt in [
        [("atgard", "spara"), ("titel", TITEL), ("text", "Ändrat.")],
        [("atgard", "avveckla"), ("titel", ""), ("text", "")],
    ] {
        let (s, _, _) = hl.post(&format!("/textblock/{id}"), &falt).await;
        assert_eq!(s, 403);
    }
    assert_eq!(versioner(&app, kommun, &id).await, 2);

    // Retired: a version too, listed apart, and not retired twice.
    let (s, _, _) = al
        .post(&format!("/textblock/{id}"), &[("atgard", "avveckla")])
        .await;
    assert_eq!(s, 303);
    let (_, sida) = al.get(&format!("/textblock/{id}")).await;
    assert!(sida.contains("Blocket är avvecklat"), "{sida}");
    assert!(sida.contains("Ta blocket i bruk igen"));
    let (_, lista) = al.get("/textblock").await;
    assert!(lista.contains("Avvecklade block") && lista.contains(TITEL));
    let (s, _, body) = al
        .post(&format!("/textblock/{id}"), &[("atgard", "avveckla")])
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Blocket är redan avvecklat."),
        "{}",
        utdrag(&body)
    );
    assert_eq!(versioner(&app, kommun, &id).await, 3);
    assert_eq!(
        granskade(&app).await.len(),
        3,
        "each save is audited: {:?}",
        granskade(&app).await
    );
    assert_eq!(
        granskade(&app)
            .await
            .iter()
            .filter(|h| h.starts_with("textblock.avveckla:"))
            .count(),
        1
    );

    // Roles that write no decisions neither see nor reach the blocks.
    for namn in ["registrator", "utforare", "systemforvaltare", "granskare"] {
        let k = app.klient(namn).await;
        let (s, _) = k.get("/textblock").await;
        assert_eq!(s, 403, "{namn}");
    }
}
pa_bada!(arbetsledaren_skoter_textblocken);

/// Another kommun's staff never see the blocks, by list or by id, nor change them.
async fn annan_kommun_ser_inte_textblocken(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let id = nytt_block(&al, TITEL, TEXT).await;
    grannkommun(&app, "Socialtjänsten", false).await;
    for namn in ["granneledare", "granne"] {
        let k = inloggad(&app, namn).await;
        let (s, sida) = k.get("/textblock").await;
        assert_eq!(s, 200, "{namn}");
        assert!(!sida.contains(TITEL), "{namn} sees another kommun's block");
        let (s, _) = k.get(&format!("/textblock/{id}")).await;
        assert_eq!(s, 404, "{namn}");
    }
    let gl = inloggad(&app, "granneledare").await;
    for falt in [
        [
            ("atgard", "spara"),
            ("titel", "Övertaget"),
            ("text", "Ny text."),
        ],
        [("atgard", "avveckla"), ("titel", ""), ("text", "")],
    ] {
        let (s, _, _) = gl.post(&format!("/textblock/{id}"), &falt).await;
        assert_eq!(s, 404);
    }
    assert_eq!(versioner(&app, app.org.kommun, &id).await, 1);
}
pa_bada!(annan_kommun_ser_inte_textblocken);

/// A case of the missbruk unit with its utredning begun and one life area written.
async fn utredning(app: &TestApp, hl: &Klient, nummer: &str) -> (String, String) {
    let p = registrera_person(hl, nummer, "Siv", "Lind").await;
    let a = registrera_ansokan(
        app,
        hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    hl.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    hl.steg(
        &a,
        "livsomrade",
        &[
            ("datum", "2026-03-04"),
            ("omrade", "asi_alkohol"),
            ("handlaggarens", "Dricker dagligen sedan ett år."),
        ],
    )
    .await;
    (p, a)
}

/// A granted decision as the decision form posts it.
const BIFALL: [(&str, &str); 9] = [
    ("insats", "oppenvardsbehandling"),
    ("utfall", "bifall"),
    ("lagrum", "sol_11_1"),
    ("mal", "Minskat drickande"),
    ("omfattning", "Två samtal i veckan"),
    ("period_fran", "2026-04-20"),
    ("period_till", "2026-12-31"),
    ("motivering", "Det jag skrev själv om Siv."),
    ("datum", "2026-04-20"),
];

/// "Infoga textblocket" posts the form and shows it again with everything typed kept and
/// the block added at the end of the motivering (or the bedömning); no step is taken. A
/// retired block, or an id that is no block of the kommun, is refused beside the choice.
async fn textblock_infogas_och_det_skrivna_finns_kvar(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;
    let id = nytt_block(&al, TITEL, TEXT).await;
    let gammalt = nytt_block(&al, "Gammal formulering", "Ska inte användas.").await;
    al.post(&format!("/textblock/{gammalt}"), &[("atgard", "avveckla")])
        .await;
    let (_, a) = utredning(&app, &hl, "19880808-8887").await;

    // The bedömning: the block goes into its text.
    let (_, form) = hl.get(&format!("/arenden/{a}/steg/bedom-utredning")).await;
    assert!(
        form.contains("Infoga textblocket") && form.contains(TITEL),
        "{form}"
    );
    assert!(
        !form.contains("Gammal formulering"),
        "a retired block is not offered"
    );
    let fore = handelsetyper(&app, &a).await;
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/bedom-utredning"),
            &[
                ("datum", "2026-03-05"),
                ("bedomning", "Siv vill sluta dricka."),
                ("forslag", "Öppenvård beviljas."),
                ("atgard", "infoga_textblock"),
                ("textblock", &id),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    assert!(
        body.contains(&format!("Siv vill sluta dricka.\n\n{TEXT}</textarea>")),
        "{body}"
    );
    assert!(
        body.contains("Öppenvård beviljas.</textarea>"),
        "other fields kept"
    );
    assert!(
        body.contains("är infogat sist i texten"),
        "{}",
        utdrag(&body)
    );
    assert_eq!(handelsetyper(&app, &a).await, fore, "no step taken");

    // The decision: the block goes into the motivering; every choice stays.
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    let fore = handelsetyper(&app, &a).await;
    let mut falt: Vec<(&str, &str)> = BIFALL.to_vec();
    falt.extend([("atgard", "infoga_textblock"), ("textblock", id.as_str())]);
    let (s, _, body) = hl.post(&format!("/arenden/{a}/steg/beslut"), &falt).await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    assert!(
        body.contains(&format!("Det jag skrev själv om Siv.\n\n{TEXT}</textarea>")),
        "{body}"
    );
    assert!(
        body.contains("value=\"bifall\" checked"),
        "the outcome stays chosen"
    );
    assert!(body.contains("Två samtal i veckan</textarea>"));
    assert!(body.contains("value=\"2026-12-31\""));
    assert_eq!(handelsetyper(&app, &a).await, fore, "no decision taken");

    // A retired block, or no block at all, is refused; what was typed stays.
    for annat in [gammalt.as_str(), "inget-block"] {
        let mut falt: Vec<(&str, &str)> = BIFALL.to_vec();
        falt.extend([("atgard", "infoga_textblock"), ("textblock", annat)]);
        let (s, _, body) = hl.post(&format!("/arenden/{a}/steg/beslut"), &falt).await;
        assert_eq!(s, 422);
        assert!(
            body.contains("Välj ett textblock i listan."),
            "{}",
            utdrag(&body)
        );
        assert!(body.contains("Det jag skrev själv om Siv.</textarea>"));
        assert!(!body.contains("Ska inte användas."));
    }
    assert_eq!(handelsetyper(&app, &a).await, fore);

    // The form's own button still takes the step.
    hl.steg(&a, "beslut", &BIFALL).await;
}
pa_bada!(textblock_infogas_och_det_skrivna_finns_kvar);

/// The förslag till beslut written with the bedömning flows into the decision form: its
/// outcome is chosen and its words stand beside the choice; the bedömning starts the
/// motivering. The case page and the summary show it too.
async fn forslag_till_beslut_fyller_i_beslutet(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let (_, a) = utredning(&app, &hl, "19880808-8887").await;
    hl.steg(
        &a,
        "bedom-utredning",
        &[
            ("datum", "2026-03-05"),
            ("bedomning", "Behovet kan tillgodoses genom AA-grupp."),
            ("forslag_utfall", "avslag"),
            ("forslag", "Ansökan om öppenvård avslås."),
        ],
    )
    .await;
    let (_, form) = hl.get(&format!("/arenden/{a}/steg/bedom-utredning")).await;
    assert!(
        form.contains("value=\"avslag\" selected"),
        "the proposal is kept in its form"
    );
    // An outcome the utredning cannot propose is refused beside its field.
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/bedom-utredning"),
            &[
                ("datum", "2026-03-05"),
                ("bedomning", "Text."),
                ("forslag_utfall", "avvisning"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Välj ett utfall i listan"),
        "{}",
        utdrag(&body)
    );
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    let (_, beslut) = hl.get(&format!("/arenden/{a}/steg/beslut")).await;
    assert!(beslut.contains("value=\"avslag\" checked"), "{beslut}");
    assert!(
        beslut.contains("Utredningens förslag till beslut (avslag): Ansökan om öppenvård avslås."),
        "{beslut}"
    );
    assert!(beslut.contains("Behovet kan tillgodoses genom AA-grupp.</textarea>"));
    let (_, sida) = hl.get(&format!("/arenden/{a}")).await;
    assert!(
        sida.contains("Förslag till beslut (avslag): Ansökan om öppenvård avslås."),
        "{}",
        utdrag(&sida)
    );
    let (_, sammanfattning) = hl.get(&format!("/arenden/{a}/sammanfattning")).await;
    assert!(sammanfattning.contains("Ansökan om öppenvård avslås."));
}
pa_bada!(forslag_till_beslut_fyller_i_beslutet);

/// Posts the decision form as a browser does, for the raw answer (a PDF is no text).
async fn posta(
    app: &TestApp,
    k: &Klient,
    sokvag: &str,
    falt: &[(&str, &str)],
) -> (u16, Option<String>, Vec<u8>) {
    let mut alla: Vec<(&str, &str)> = falt.to_vec();
    alla.push(("_csrf", &k.csrf));
    let r = k
        .http
        .post(format!("{}{sokvag}", app.url))
        .form(&alla)
        .send()
        .await
        .unwrap();
    let typ = r
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let s = r.status().as_u16();
    (s, typ, r.bytes().await.unwrap().to_vec())
}

/// "Förhandsgranska brevet" renders the decision letter from the form as a PDF marked as a
/// preview, records no event, is logged as a read, answers bad input with the step's own
/// errors, and is refused to whoever may not take the step.
async fn forhandsgranskning_av_beslutsbrevet(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let (p, a) = utredning(&app, &hl, "19880808-8887").await;
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    let sokvag = format!("/arenden/{a}/steg/beslut");
    let (_, form) = hl.get(&sokvag).await;
    assert!(form.contains("Förhandsgranska brevet"), "{form}");
    let fore = handelsetyper(&app, &a).await;

    let mut falt: Vec<(&str, &str)> = BIFALL.to_vec();
    falt.push(("atgard", "forhandsgranska"));
    let (s, typ, pdf) = posta(&app, &hl, &sokvag, &falt).await;
    assert_eq!(s, 200, "{}", String::from_utf8_lossy(&pdf));
    assert_eq!(typ.as_deref(), Some("application/pdf"));
    let text = pdf_text(&pdf);
    for del in [
        "Förhandsgranskning – inte skickat",
        "Beslutet är inte fattat och brevet har inte skickats.",
        "Siv Lind",
        "Socialnämnden beviljar din ansökan.",
        "Det jag skrev själv om Siv.",
        "Två samtal i veckan",
        "SN 2026/00001",
    ] {
        assert!(text.contains(del), "{del}: {text}");
    }
    assert_eq!(handelsetyper(&app, &a).await, fore, "no event recorded");
    let lasningar = app
        .store
        .granskning()
        .granskningar_for_person(p.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        lasningar
            .iter()
            .filter(|(h, _)| h == "arende.forhandsgranskning")
            .count(),
        1,
        "{lasningar:?}"
    );

    // Bad input: the step's own errors beside the fields, no PDF, nothing stored.
    let (s, _, body) = hl
        .post(
            &sokvag,
            &[
                ("insats", "oppenvardsbehandling"),
                ("lagrum", "sol_11_1"),
                ("motivering", "Kvar."),
                ("atgard", "forhandsgranska"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Välj beslut.") && body.contains("Ange ett datum."),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("Kvar.</textarea>"));
    // The rules' refusal too (a granted insats without its goal): the step's very answer.
    let utan_mal: Vec<(&str, &str)> = BIFALL
        .iter()
        .filter(|(n, _)| *n != "mal")
        .copied()
        .collect();
    let (s, _, steget) = hl.post(&sokvag, &utan_mal).await;
    assert_eq!(s, 422, "{}", utdrag(&steget));
    let mut forhand = utan_mal.clone();
    forhand.push(("atgard", "forhandsgranska"));
    let (s, _, body) = hl.post(&sokvag, &forhand).await;
    assert_eq!((s, utdrag(&body)), (422, utdrag(&steget)));
    assert_eq!(handelsetyper(&app, &a).await, fore);

    // Refused exactly as the step is: the utförare and the registrator get no letter.
    for namn in ["utforare", "registrator"] {
        let k = app.klient(namn).await;
        let (s, typ, _) = posta(&app, &k, &sokvag, &falt).await;
        let (steg, _, _) = k.post(&sokvag, &BIFALL).await;
        assert_eq!(s, steg, "{namn}");
        assert!(s == 403 || s == 404, "{namn}: {s}");
        assert_ne!(typ.as_deref(), Some("application/pdf"));
    }

    // The preview changed nothing: the decision is taken from the same form.
    hl.steg(&a, "beslut", &BIFALL).await;
    app.kontrollera_invarianter().await;
}
pa_bada!(forhandsgranskning_av_beslutsbrevet);
