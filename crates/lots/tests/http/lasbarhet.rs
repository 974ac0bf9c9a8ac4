//! Issue 19 item 6: every Mina sidor page reads at LIX 35 or less, measured on the text it
//! shows (`lots_web::lix`), and no page shows a case's or anything's id (a UUID) where the
//! person needs the diarienummer.
//!
//! The pages are found as the person would: from the overview, following every link to
//! another Mina sidor page, for a person whose cases hold what the pages show (a decision
//! against them with its appeal, a kommunicering, a request for documents, a message, a
//! running insats with its plan, an expected decision day), plus the login page as the demo
//! shows it and an error page.

use std::collections::{BTreeSet, VecDeque};

use lots_web::lix::{sidans_lix, synlig_text};

use crate::hjalp::*;
use crate::mina_sidor::{medborgare, syntetisk};
use crate::pa_bada;

/// The goal for Mina sidor (docs/design.md): plain Swedish.
const LIX_HOGST: f64 = 35.0;

/// The Mina sidor links of a page, without their fragment: pages, not files, and not the
/// ones that leave (logging out, the eID login, choosing a language).
fn lankar(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|r| r.split('"').next())
        .map(|h| {
            h.split('#')
                .next()
                .unwrap_or_default()
                .replace("&amp;", "&")
        })
        .filter(|h| {
            h.starts_with("/mina-sidor")
                && !h.starts_with("/mina-sidor/dokument/")
                && !h.starts_with("/mina-sidor/sprak/")
                && !h.starts_with("/mina-sidor/logga-in/eid")
                && !h.starts_with("/mina-sidor/logga-ut")
        })
        .collect()
}

/// A UUID in the text the page shows: 8-4-4-4-12 hex digits.
fn uuid_i(text: &str) -> Option<String> {
    text.split(|c: char| !(c.is_ascii_hexdigit() || c == '-'))
        .find(|t| {
            let delar: Vec<usize> = t.split('-').map(str::len).collect();
            delar == [8, 4, 4, 4, 12]
        })
        .map(str::to_owned)
}

async fn las_sidor(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let sf = app.klient("systemforvaltare").await;
    let (s, _, _) = sf
        .post(
            &format!("/admin/enheter/{}", app.org.missbruk),
            &[
                ("telefon", "0480-45 00 00"),
                ("telefontider", "Måndag–fredag 9–12"),
                ("besoksadress", "Storgatan 1, Kalmar"),
                ("epost", "vuxen@kalmar.se"),
                ("boka_mote", "Ring oss, eller be om ett möte här."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;

    // A decision against the person, after a kommunicering: the decision and appeal pages.
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    hl.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    hl.steg(
        &a,
        "synpunkter",
        &[
            ("datum", "2026-03-10"),
            ("synpunkter", "Vill ha stöd."),
            ("mal", "Ha en vän att prata med."),
        ],
    )
    .await;
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    hl.steg(
        &a,
        "kommunicera",
        &[
            ("datum", "2026-04-02"),
            ("material", "Utredningen om kontaktperson"),
            ("satt", "digitalt"),
            ("svar_senast", "2026-04-16"),
        ],
    )
    .await;
    hl.steg(
        &a,
        "beslut",
        &[
            ("insats", "kontaktperson"),
            ("utfall", "avslag"),
            ("lagrum", "sol_11_1"),
            ("motivering", "Behovet tillgodoses genom öppenvården."),
            ("datum", "2026-04-30"),
        ],
    )
    .await;

    // A running insats with its plan, a request for documents, a message and a meeting asked.
    let b = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let beslut =
        crate::behorighet::bestall_till(&app, &hl, &b, &app.org.utforare_enhet.to_string(), &[])
            .await;
    hl.steg(
        &b,
        "verkstallighet-start",
        &[("beslut", &beslut), ("datum", "2026-04-27")],
    )
    .await;
    hl.steg(
        &b,
        "begar-komplettering",
        &[
            ("handlingar", "kontoutdrag"),
            ("beskrivning", ""),
            ("godtas", "PDF eller foto"),
            ("senast", "2030-01-31"),
            ("skal", ""),
        ],
    )
    .await;

    // An application still being looked into, with its expected day.
    let c = registrera_ansokan(&app, &hl, &p, "stod_i_boendet", "2026-11-30", "handlaggare").await;
    hl.steg(&c, "inled-utredning", &[("datum", "2026-12-01")])
        .await;

    // Försörjningsstöd: the month's application.
    registrera_ansokan(
        &app,
        &hl,
        &p,
        "forsorjningsstod",
        "2026-11-30",
        "handlaggare",
    )
    .await;

    let k = medborgare(&app, "19850505-1238").await;
    let mut fel = vec![];
    let mut sedda = BTreeSet::new();
    let mut ko: VecDeque<String> = VecDeque::from(["/mina-sidor".to_string()]);
    let mut matta = vec![];
    while let Some(sida) = ko.pop_front() {
        if !sedda.insert(sida.clone()) {
            continue;
        }
        let (s, html) = k.get(&sida).await;
        assert_eq!(s, 200, "{sida}: {}", utdrag(&html));
        matta.push((sida.clone(), html.clone()));
        ko.extend(lankar(&html));
    }
    // The receipt, after the person answered the kommunicering.
    let svar = matta
        .iter()
        .map(|(s, _)| s.clone())
        .find(|s| s.contains("/kommunicering/"))
        .expect("the kommunicering's page");
    let (s, plats, _) = k
        .post(&svar, &[("svar", "Jag behöver en kontaktperson.")])
        .await;
    assert_eq!(s, 303);
    let kvitto = plats.unwrap_or_default();
    let (_, html) = k.get(&kvitto).await;
    matta.push((kvitto, html));
    // Logged out: the login page as the demo shows it, and an error page.
    let ute = Klient::ny(&app.url);
    let (_, html) = ute.get("/mina-sidor/logga-in").await;
    matta.push(("/mina-sidor/logga-in".into(), html));
    let (_, html) = k
        .get(&format!("/mina-sidor/arenden/{}", uuid::Uuid::now_v7()))
        .await;
    matta.push(("(felsida)".into(), html));

    for (sida, html) in &matta {
        let text = synlig_text(html);
        let varde = sidans_lix(html).unwrap_or_default();
        if varde > LIX_HOGST {
            fel.push(format!("{sida}: LIX {varde:.1}\n{text}\n"));
        }
        if let Some(u) = uuid_i(&text) {
            fel.push(format!("{sida}: shows the id {u}"));
        }
    }
    for del in [
        "/kommunicering/",
        "/beslut/",
        "/overklaga",
        "/komplettering/",
        "/meddelanden",
        "/mote",
        "/journal",
        "/fullmakter",
        "/ansok/",
        "/manadsansokan",
        "/kvitto/",
    ] {
        assert!(
            matta.iter().any(|(s, _)| s.contains(del)),
            "the crawl reached no {del} page: {:?}",
            matta.iter().map(|(s, _)| s).collect::<Vec<_>>()
        );
    }
    assert!(fel.is_empty(), "{}", fel.join("\n"));
}
pa_bada!(las_sidor);
