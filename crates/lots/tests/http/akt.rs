//! Issue 20, item 9: the akt on paper. The person's record, or a part of it, as a PDF with
//! what the viewer may read and nothing else; the printout is in the audit log.

use crate::brev::pdf_text;
use crate::hjalp::*;
use crate::pa_bada;

async fn akten_som_pdf(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = registrera_person(&hl, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    hl.steg(
        &a,
        "journal",
        &[
            ("datum", "2026-03-03"),
            ("text", "Hembesök. Anna vill ha en kontaktperson."),
        ],
    )
    .await;
    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(
        sida.contains(&format!("/personer/{p}/akt.pdf?del=journal")),
        "{}",
        utdrag(&sida)
    );

    let (s, pdf) = hl.get_bytes(&format!("/personer/{p}/akt.pdf")).await;
    assert_eq!(s, 200);
    assert!(pdf.starts_with(b"%PDF-"));
    let text = pdf_text(&pdf);
    for del in [
        "Personakt: Anna Ek",
        "Ärenden",
        "Beslut",
        "Journal",
        "Hembesök. Anna vill ha en kontaktperson.",
    ] {
        assert!(text.contains(del), "{del}: {text}");
    }
    // A part on its own: the journal without the decisions.
    let (_, pdf) = hl
        .get_bytes(&format!("/personer/{p}/akt.pdf?del=journal"))
        .await;
    let text = pdf_text(&pdf);
    assert!(text.contains("Hembesök"), "{text}");
    assert!(!text.contains("Motivering"), "{text}");
    let (s, _) = hl
        .get_bytes(&format!("/personer/{p}/akt.pdf?del=allt"))
        .await;
    assert_eq!(s, 400);

    // Printed is read: loggkontroll finds it.
    let person: lots_domain::ids::PersonId = p.parse().unwrap();
    let rader = app
        .store
        .granskning()
        .granskningar_for_person(person)
        .await
        .unwrap();
    assert!(
        rader.iter().any(|(handling, _)| handling == "akt.utskrift"),
        "the printout is audited: {rader:?}"
    );

    // An utförare may not print the akt at all.
    let ut = app.klient("utforare").await;
    let (s, _) = ut.get_bytes(&format!("/personer/{p}/akt.pdf")).await;
    assert_ne!(s, 200);
}
pa_bada!(akten_som_pdf);
