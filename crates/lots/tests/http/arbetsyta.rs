//! Issue 20 item 3, "the next step is obvious": the case page puts what the case waits
//! for first, each bevakning with the step that clears it, and groups the other open
//! steps by phase; the start page's bevakningar lead to the same step.

use lots_domain::arende::{BevakningsTyp, bevakningar};

use crate::hjalp::*;
use crate::pa_bada;

async fn bevakade(app: &TestApp, a: &str, typ: BevakningsTyp) -> Vec<String> {
    bevakningar(&app.arende(a).await)
        .into_iter()
        .filter(|b| b.typ == typ)
        .map(|b| b.datum.to_string())
        .collect()
}

/// The part of the case page under "Vad du kan göra nu".
fn vad_nu(sida: &str) -> &str {
    let fran = sida
        .find("id=\"rubrik-steg\"")
        .expect("the case page has its steps");
    let till = sida[fran..]
        .find("</section>")
        .map_or(sida.len(), |i| fran + i);
    &sida[fran..till]
}

async fn vantar_pa_det_forsenade_steget_forst(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Nora", "Lind").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    k.steg(
        &a,
        "beslut",
        &[
            ("insats", "kontaktperson"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Stöd i vardagen"),
            ("omfattning", "Två samtal i veckan"),
            ("period_fran", "2026-04-20"),
            ("motivering", "Behovet är utrett."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let b = app.arende(&a).await.beslut[0].id().to_string();

    let (s, sida) = k.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200);
    let nu = vad_nu(&sida);
    // What the case waits for comes first, under its own heading, before the phases.
    let vantar = nu
        .find("Det ärendet väntar på")
        .expect("the case waits for something");
    let forsta_fas = nu.find("<h3 id=\"steg-").expect("other steps by phase");
    assert!(vantar < forsta_fas, "{nu}");
    // The unsent decision (FL 33 §), dated the decision day and late in words, links
    // to sending it with the decision chosen.
    let skicka = format!("/arenden/{a}/steg/skicka-beslut?beslut={b}");
    let rad = nu
        .lines()
        .find(|l| l.contains("Beslutet är inte skickat till den enskilde"))
        .expect("the unsent decision is waited for");
    assert!(rad.contains("2026-04-20"), "{rad}");
    assert!(rad.contains("(försenad)"), "{rad}");
    assert!(
        rad.contains(&format!(
            "<a href=\"{skicka}\">Registrera att beslutet skickats</a>"
        )),
        "{rad}"
    );
    // Most urgent first: the unsent decision before the three months to enforcement.
    let verkstallighet = nu
        .find("Tre månader till verkställighet")
        .expect("enforcement is waited for");
    assert!(nu.find("Beslutet är inte skickat").unwrap() < verkstallighet);
    // The step is offered once, not again among the phases.
    assert_eq!(nu.matches("/steg/skicka-beslut").count(), 1, "{nu}");
    // A refused step is not offered: the only application is decided.
    assert!(!sida.contains("/steg/beslut\""));
    let (s, _) = k.get(&format!("/arenden/{a}/steg/beslut")).await;
    assert_eq!(s, 409, "deciding again is refused");

    // The link opens a form that is not refused, with the decision chosen.
    let (s, form) = k.get(&skicka).await;
    assert_eq!(s, 200);
    assert!(!form.contains("felruta"), "{}", utdrag(&form));
    assert!(
        form.contains(&format!("<option value=\"{b}\" selected")),
        "the decision is chosen"
    );
    // The start page leads to the same step.
    let (_, start) = k.get("/").await;
    let fran_start = format!("/arenden/{a}/bevakning?typ=beslut_oskickat");
    assert!(start.contains(&fran_start), "the start page links the step");
    let (s, plats) = k.get_med_plats(&fran_start).await;
    assert_eq!(s, 303);
    assert_eq!(plats.as_deref(), Some(skicka.as_str()));

    // Posting the form clears the bevakning, and the page no longer waits for it.
    k.steg(
        &a,
        "skicka-beslut",
        &[("beslut", &b), ("datum", "2026-04-21"), ("satt", "brev")],
    )
    .await;
    assert!(
        bevakade(&app, &a, BevakningsTyp::BeslutOskickat)
            .await
            .is_empty()
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(!vad_nu(&sida).contains("Beslutet är inte skickat"));
    // Ordering is what enforcement waits for now (SoL 34 kap. 1 §).
    assert!(vad_nu(&sida).contains(&format!(
        "<a href=\"/arenden/{a}/steg/bestall?beslut={b}\">Beställ insats från utförare</a>"
    )));
    // A bevakning gone since the start page was drawn leads to the case's steps.
    let (s, plats) = k.get_med_plats(&fran_start).await;
    assert_eq!(s, 303);
    assert_eq!(plats, Some(format!("/arenden/{a}#rubrik-steg")));
    app.kontrollera_invarianter().await;
}
pa_bada!(vantar_pa_det_forsenade_steget_forst);

fn bifall<'a>(insats: &'a str, datum: &'a str) -> [(&'a str, &'a str); 8] {
    [
        ("insats", insats),
        ("utfall", "bifall"),
        ("lagrum", "sol_11_1"),
        ("mal", "Stöd i vardagen"),
        ("omfattning", "Två samtal i veckan"),
        ("period_fran", datum),
        ("motivering", "Behovet är utrett."),
        ("datum", datum),
    ]
}

/// Two decisions wait to be sent: each links to sending its own, and the second link
/// says which, so no two links read the same.
async fn samma_steg_for_tva_beslut(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Nora", "Lind").await;
    let a = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    k.steg(
        &a,
        "ansok-insats",
        &[
            ("insats", "oppenvardsbehandling"),
            ("datum", "2026-03-05"),
            ("kanal", "telefon"),
        ],
    )
    .await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-06")])
        .await;
    k.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    k.steg(&a, "beslut", &bifall("kontaktperson", "2026-04-20"))
        .await;
    k.steg(&a, "beslut", &bifall("oppenvardsbehandling", "2026-04-22"))
        .await;
    let beslut: Vec<String> = app
        .arende(&a)
        .await
        .beslut
        .iter()
        .map(|b| b.id().to_string())
        .collect();
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    let nu = vad_nu(&sida);
    let forsta = format!(
        "<a href=\"/arenden/{a}/steg/skicka-beslut?beslut={}\">Registrera att beslutet skickats</a>",
        beslut[0]
    );
    let andra = format!(
        "<a href=\"/arenden/{a}/steg/skicka-beslut?beslut={}\">Registrera att beslutet skickats<span class=\"dold\">: Beslutet är inte skickat till den enskilde, 2026-04-22</span></a>",
        beslut[1]
    );
    assert!(nu.contains(&forsta), "{nu}");
    assert!(nu.contains(&andra), "{nu}");
    // The second decision's form opens with it chosen, not the first.
    let (s, form) = k
        .get(&format!(
            "/arenden/{a}/steg/skicka-beslut?beslut={}",
            beslut[1]
        ))
        .await;
    assert_eq!(s, 200);
    assert!(form.contains(&format!("<option value=\"{}\" selected", beslut[1])));
    assert!(!form.contains(&format!("<option value=\"{}\" selected", beslut[0])));
}
pa_bada!(samma_steg_for_tva_beslut);
