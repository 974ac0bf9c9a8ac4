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

/// Issue 18, item 7: the registerutdrag (GDPR art. 15). Everything the kommun holds about the
/// person, for the handläggare to review: the cases they may read in full, what may be withheld
/// marked with its provision, another enhet's case listed but not opened, and the read logged.
async fn registerutdrag_for_granskning(db: Db) {
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
    // A report about her: who made it and what it says may be secret from her.
    let missbruk = app.org.missbruk.to_string();
    let (s, _, body) = hl
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=anmalan"),
            &[
                ("inkom", "2026-03-05"),
                ("kanal", "telefon"),
                ("anonym", "ja"),
                ("beskrivning", "Grannen hör bråk på nätterna."),
                ("enhet", &missbruk),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    // A case at another enhet, which the handläggare may not open.
    let ekonom = app.klient("ekonom").await;
    let ekonomi = app.org.ekonomi.to_string();
    let ekonom_id = app.org.anv("ekonom").id.to_string();
    let (s, plats, body) = ekonom
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", "2026-03-04"),
                ("kanal", "besok"),
                ("insatser", "forsorjningsstod"),
                ("beskrivning", "Hyran för april."),
                ("enhet", &ekonomi),
                ("handlaggare", &ekonom_id),
                ("registrera_anda", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let eb = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    ekonom
        .steg(
            &eb,
            "journal",
            &[
                ("datum", "2026-03-06"),
                ("text", "Hyresskuld hos Stena, två månader."),
            ],
        )
        .await;

    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(sida.contains(&format!("/personer/{p}/registerutdrag.pdf")));
    let (s, pdf) = hl
        .get_bytes(&format!("/personer/{p}/registerutdrag.pdf"))
        .await;
    assert_eq!(s, 200);
    let text = pdf_text(&pdf);
    let platt = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for del in [
        "Registerutdrag: Anna Ek",
        "Uppgifter i personregistret",
        "Hembesök. Anna vill ha en kontaktperson.",
        "Grannen hör bråk på nätterna.",
        "OSL 26 kap. 5 §",
        "Ekonomiskt bistånd",
        "Innehållet granskas av Ekonomiskt bistånd",
        "dataskyddsförordningen art. 12.3",
        "Integritetsskyddsmyndigheten",
    ] {
        assert!(platt.contains(del), "{del}: {platt}");
    }
    // Nothing of the other enhet's case is in it but that it exists.
    assert!(!platt.contains("Hyresskuld"), "{platt}");
    assert!(!platt.contains("Hyran för april"), "{platt}");

    // Logged as read, the other enhet's case as listed only and outside the user's enhet.
    let person: lots_domain::ids::PersonId = p.parse().unwrap();
    let rader = app
        .store
        .granskning()
        .granskningar_for_person(person)
        .await
        .unwrap();
    let hl_id = app.org.anv("handlaggare").id;
    assert!(
        rader.contains(&("registerutdrag".to_string(), hl_id)),
        "{rader:?}"
    );
    assert!(
        rader.contains(&("registerutdrag.forteckning".to_string(), hl_id)),
        "{rader:?}"
    );

    // Only someone who handles one of her cases makes it: not an utförare, and not the
    // ekonom's colleague at an enhet with no case of hers (another kommun: not there at all).
    let ut = app.klient("utforare").await;
    let (s, _) = ut
        .get_bytes(&format!("/personer/{p}/registerutdrag.pdf"))
        .await;
    assert_ne!(s, 200);
    let gr = app.klient("granskare").await;
    let (s, _) = gr
        .get_bytes(&format!("/personer/{p}/registerutdrag.pdf"))
        .await;
    assert_ne!(s, 200);
}
pa_bada!(registerutdrag_for_granskning);
