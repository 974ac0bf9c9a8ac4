//! Issue 19 items 4 and 5: synpunkter och klagomål (sent without logging in or from Mina
//! sidor, registered, assigned, answered, handed to Lex Sarah by a person, reported per
//! quarter), and asking for another handläggare (answered by the arbetsledare, never by
//! the handläggare it is about).

use crate::hjalp::*;
use crate::mina_sidor::{medborgare, syntetisk};
use crate::pa_bada;

fn idag() -> String {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()).to_string()
}

/// The diarienummer on a receipt page.
fn nummer_i(html: &str) -> String {
    let i = html.find("SN ").expect("a diarienummer on the receipt");
    html[i..i + 13].to_owned()
}

/// The link to the complaint with `nummer` in the staff list.
fn lank_for(html: &str, nummer: &str) -> String {
    let i = html.find(nummer).expect(nummer);
    let fore = &html[..i];
    let j = fore.rfind("href=\"/klagomal/").expect("a link") + 6;
    html[j..].split('"').next().unwrap().to_owned()
}

async fn skicka_anonymt(k: &Klient, falt: &[(&str, &str)]) -> (u16, String) {
    let (s, _, html) = k.post_utan_csrf("/mina-sidor/synpunkter", falt).await;
    (s, html)
}

/// Anyone, without logging in: the page says what happens, asks for nothing that
/// identifies the sender, registers with a diarienummer and the day of the answer; bad
/// input is refused beside its field and stores nothing. Only those who receive
/// complaints read it, not the handläggare; every read is in the audit log.
async fn klagomal_utan_inloggning(db: Db) {
    let app = TestApp::ny(db).await;
    let anonym = Klient::ny(&app.url);
    let (s, html) = anonym.get("/mina-sidor/synpunkter").await;
    assert_eq!(s, 200);
    assert!(html.contains("Du behöver inte logga in och inte säga vem du är"));
    assert!(html.contains("Klagar du på din handläggare är det inte hen som läser"));
    assert!(html.contains("Vi svarar inom 3 veckor"));

    let (s, html) = skicka_anonymt(&anonym, &[("slag", "klagomal"), ("text", " ")]).await;
    assert_eq!(s, 422);
    assert!(html.contains("Välj vad det gäller.") && html.contains("Skriv vad du vill säga."));
    // What was chosen stays chosen.
    assert!(html.contains(r#"id="slag_klagomal" name="slag" value="klagomal" checked"#));
    assert!(
        app.store
            .klagomal()
            .lista(app.org.kommun, 10)
            .await
            .unwrap()
            .is_empty()
    );

    let (s, html) = skicka_anonymt(
        &anonym,
        &[
            ("slag", "klagomal"),
            ("kategori", "bemotande"),
            ("text", "Min handläggare skrek åt mig i telefon."),
        ],
    )
    .await;
    assert_eq!(s, 200, "{}", utdrag(&html));
    let nummer = nummer_i(&html);
    let svar_senast = lots_domain::klagomal::svar_senast(lots_domain::tid::svensk_dag(
        time::OffsetDateTime::now_utc(),
    ));
    assert!(html.contains(&svar_senast.to_string()), "the promised day");
    assert!(
        html.contains("kan vi inte svara dig"),
        "no contact: no answer"
    );
    let rader = app
        .store
        .klagomal()
        .lista(app.org.kommun, 10)
        .await
        .unwrap();
    assert_eq!(rader.len(), 1);
    assert_eq!(rader[0].nummer, nummer);
    assert!(rader[0].person.is_none() && rader[0].namn.is_empty());

    // The handläggare neither sees it listed nor opens it.
    let hl = app.klient("handlaggare").await;
    let (s, html) = hl.get("/klagomal").await;
    assert_eq!(s, 200);
    assert!(!html.contains(&nummer));
    let id = rader[0].id.to_string();
    let (s, _) = hl.get(&format!("/klagomal/{id}")).await;
    assert_eq!(s, 404);
    // The registrator receives it, reads it (audited), assigns it to the arbetsledare.
    let re = app.klient("registrator").await;
    let (s, html) = re.get("/klagomal").await;
    assert_eq!(s, 200);
    let lank = lank_for(&html, &nummer);
    let (s, html) = re.get(&lank).await;
    assert_eq!(s, 200);
    assert!(html.contains("Min handläggare skrek åt mig i telefon."));
    assert!(html.contains("Kan vara ett missförhållande – lämna till Lex Sarah-utredning"));
    let nu = time::OffsetDateTime::now_utc();
    let lasningar = app
        .store
        .granskning()
        .sok_logg(
            app.org.kommun,
            &lots_store::Loggfilter {
                fran: nu - time::Duration::hours(1),
                till: nu + time::Duration::hours(1),
                person: None,
                anvandare: None,
                bara_utanfor: false,
                bara_skyddade: false,
            },
            1000,
        )
        .await
        .unwrap();
    assert!(
        lasningar
            .iter()
            .any(|r| r.handling == format!("klagomal.visa:{nummer}")),
        "the read is in the audit log"
    );
    // The registrator does not answer: that is the investigation's.
    let (s, _, _) = re
        .post(
            &format!("{lank}/svar"),
            &[("utfall", "forklarat"), ("svar", "Svar.")],
        )
        .await;
    assert_eq!(s, 403);
    let al = app.org.anv("arbetsledare").id.to_string();
    let (s, plats, _) = re
        .post(&format!("{lank}/tilldela"), &[("ansvarig", &al)])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some(lank.as_str())));
    // The arbetsledare sees it as a bevakning, answers it; answered once.
    let alk = app.klient("arbetsledare").await;
    let (_, start) = alk.get("/?bevakningar=alla").await;
    assert!(start.contains(&format!("Synpunkt att besvara: {nummer}")));
    let (s, _, html) = alk
        .post(
            &format!("{lank}/svar"),
            &[("utfall", "forklarat"), ("svar", " ")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(html.contains("Skriv svaret"));
    let (s, _, _) = alk
        .post(
            &format!("{lank}/svar"),
            &[
                ("utfall", "atgardat"),
                ("svar", "Vi har pratat med handläggaren."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (s, _, html) = alk
        .post(
            &format!("{lank}/svar"),
            &[("utfall", "forklarat"), ("svar", "Igen")],
        )
        .await;
    assert_eq!(s, 422, "answered once");
    assert!(html.contains("redan besvarad"));
    let k = app
        .store
        .klagomal()
        .lista(app.org.kommun, 10)
        .await
        .unwrap();
    assert_eq!(
        k[0].svar.as_deref(),
        Some("Vi har pratat med handläggaren.")
    );
    let historik = app
        .store
        .klagomal()
        .historik(app.org.kommun, k[0].id)
        .await
        .unwrap();
    let vad: Vec<&str> = historik.iter().map(|h| h.vad.as_str()).collect();
    assert_eq!(vad, vec!["registrerad", "tilldelad", "besvarad"]);
    // The outcome is kept by its code and shown by its name.
    assert_eq!(historik[2].text, "atgardat");
    let (s, html) = alk.get(&lank).await;
    assert_eq!(s, 200);
    assert!(html.contains("Besvarad: Åtgärdat"), "{}", utdrag(&html));
}
pa_bada!(klagomal_utan_inloggning);

/// From Mina sidor the person reads the answer there; sending without one's name links
/// nothing to the person. The public form is limited per address.
async fn synpunkt_fran_mina_sidor_och_begransning(db: Db) {
    let app = TestApp::ny(db).await;
    syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, html) = k.get("/mina-sidor/synpunkter").await;
    assert_eq!(s, 200);
    assert!(html.contains("Skicka utan mitt namn"));
    // Without the session's token: refused, nothing stored.
    let (s, _, _) = k
        .post_utan_csrf(
            "/mina-sidor/synpunkter",
            &[
                ("slag", "forslag"),
                ("kategori", "tillganglighet"),
                ("text", "Längre telefontider."),
            ],
        )
        .await;
    assert_ne!(s, 200);
    assert!(
        app.store
            .klagomal()
            .lista(app.org.kommun, 10)
            .await
            .unwrap()
            .is_empty()
    );
    let (s, _, html) = k
        .post(
            "/mina-sidor/synpunkter",
            &[
                ("slag", "forslag"),
                ("kategori", "tillganglighet"),
                ("text", "Längre telefontider."),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&html));
    assert!(html.contains("Du ser svaret här på Mina sidor."));
    let nummer = nummer_i(&html);
    let (s, _, html) = k
        .post(
            "/mina-sidor/synpunkter",
            &[
                ("slag", "klagomal"),
                ("kategori", "annat"),
                ("text", "Utan namn."),
                ("utan_namn", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    assert!(html.contains("kan vi inte svara dig"));
    let rader = app
        .store
        .klagomal()
        .lista(app.org.kommun, 10)
        .await
        .unwrap();
    assert_eq!(rader.len(), 2);
    let (utan, med): (Vec<_>, Vec<_>) = rader.iter().partition(|r| r.person.is_none());
    assert_eq!((utan.len(), med.len()), (1, 1));
    // Answered by the arbetsledare: the person reads it on Mina sidor.
    let al = app.klient("arbetsledare").await;
    let (s, _, _) = al
        .post(
            &format!("/klagomal/{}/svar", med[0].id),
            &[
                ("utfall", "forklarat"),
                ("svar", "Telefontiden blir längre från januari."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get("/mina-sidor/synpunkter").await;
    assert!(html.contains(&nummer));
    assert!(html.contains("Telefontiden blir längre från januari."));
    // The limit: ten an hour per address, logged in or not (this client sent two).
    let anonym = Klient::ny(&app.url);
    let falt = [
        ("slag", "berom"),
        ("kategori", "bemotande"),
        ("text", "Tack!"),
    ];
    for _ in 0..8 {
        let (s, _) = skicka_anonymt(&anonym, &falt).await;
        assert_eq!(s, 200);
    }
    let (s, html) = skicka_anonymt(&anonym, &falt).await;
    assert_eq!(s, 429);
    assert!(html.contains("Vänta en stund"));
    assert_eq!(
        app.store
            .klagomal()
            .lista(app.org.kommun, 50)
            .await
            .unwrap()
            .len(),
        10
    );
    // The limit passes with the hour.
    app.klocka.spola_fram(time::Duration::minutes(61));
    let (s, _) = skicka_anonymt(&anonym, &falt).await;
    assert_eq!(s, 200);
}
pa_bada!(synpunkt_fran_mina_sidor_och_begransning);

/// A person decides that a complaint may reveal a missförhållande: with a reason it becomes
/// a registered report for the one who receives Lex Sarah reports, a bevakning on their
/// start page until they mark it received. The quarterly report counts it, with small
/// cells suppressed, as a page and as CSV.
async fn lex_sarah_och_kvartalsrapport(db: Db) {
    let app = TestApp::ny(db).await;
    let anonym = Klient::ny(&app.url);
    for (kategori, text) in [
        ("insats", "Personalen på boendet låste in min bror."),
        ("bemotande", "Otrevlig i telefon."),
        ("bemotande", "Otrevlig i receptionen."),
        ("bemotande", "Otrevligt brev."),
        ("bemotande", "Otrevligt möte."),
        ("bemotande", "Otrevligt igen."),
        ("bemotande", "Och igen."),
    ] {
        let (s, html) = skicka_anonymt(
            &anonym,
            &[
                ("slag", "klagomal"),
                ("kategori", kategori),
                ("text", text),
                ("kontakt", "070-123 45 67"),
            ],
        )
        .await;
        assert_eq!(s, 200, "{}", utdrag(&html));
    }
    let rader = app
        .store
        .klagomal()
        .lista(app.org.kommun, 10)
        .await
        .unwrap();
    let inlast = rader
        .iter()
        .find(|r| r.text.contains("låste in"))
        .unwrap()
        .clone();
    let lank = format!("/klagomal/{}", inlast.id);
    let re = app.klient("registrator").await;
    // Nothing is handed over by itself, words or not.
    assert!(
        app.store
            .klagomal()
            .lex_sarah(app.org.kommun, inlast.id)
            .await
            .unwrap()
            .is_none()
    );
    // A reason and a receiver are required.
    let al = app.org.anv("arbetsledare").id.to_string();
    let (s, _, html) = re
        .post(
            &format!("{lank}/lex-sarah"),
            &[("skal", ""), ("mottagare", &al)],
        )
        .await;
    assert_eq!(s, 422);
    assert!(html.contains("Skriv varför det kan vara ett missförhållande."));
    let (s, _, _) = re
        .post(
            &format!("{lank}/lex-sarah"),
            &[
                ("skal", "Inlåsning kan vara ett övergrepp."),
                ("mottagare", &al),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let l = app
        .store
        .klagomal()
        .lex_sarah(app.org.kommun, inlast.id)
        .await
        .unwrap()
        .expect("a registered report");
    assert_eq!(l.bevakas.to_string(), idag());
    // The receiver's bevakning, until marked received; only the receiver marks it.
    let alk = app.klient("arbetsledare").await;
    let (_, start) = alk.get("/?bevakningar=alla").await;
    assert!(start.contains(&format!("Lex Sarah-rapport att ta emot: {}", inlast.nummer)));
    let (s, _, _) = re.post(&format!("{lank}/lex-sarah/mottagen"), &[]).await;
    assert_eq!(s, 403);
    let (s, _, _) = alk.post(&format!("{lank}/lex-sarah/mottagen"), &[]).await;
    assert_eq!(s, 303);
    let (_, start) = alk.get("/?bevakningar=alla").await;
    assert!(!start.contains("Lex Sarah-rapport att ta emot"));
    // Handed over once.
    let (s, _, _) = re
        .post(
            &format!("{lank}/lex-sarah"),
            &[("skal", "Igen."), ("mottagare", &al)],
        )
        .await;
    assert_eq!(s, 422);

    // The quarter so far: 7 complaints, 6 about bemötande and 1 about insatser (hidden,
    // and the 6 with it), none answered, one handed to Lex Sarah (hidden: fewer than 5).
    let (s, html) = alk.get("/rapporter/klagomal").await;
    assert_eq!(s, 200);
    assert!(html.contains("Kvartalet pågår"));
    let (s, csv) = alk.get("/rapporter/klagomal.csv").await;
    assert_eq!(s, 200);
    assert!(csv.contains("Totalt;Inkomna;7"), "{csv}");
    // 6 and 1: the 1 is hidden, and the 6 with it, so neither can be recomputed.
    assert!(csv.contains("Kategori;Bemötande;färre än 5"), "{csv}");
    assert!(
        csv.contains("Kategori;Stöd och insatser;färre än 5"),
        "{csv}"
    );
    assert!(csv.contains("Kategori;Information;0"), "{csv}");
    assert!(csv.contains("Utfall;Inte besvarade ännu;7"), "{csv}");
    assert!(
        csv.contains("Lex Sarah;Lämnade till Lex Sarah-utredning;färre än 5"),
        "{csv}"
    );
    assert!(
        !csv.contains("låste in") && !csv.contains("070"),
        "no text, no sender"
    );
    // Only the arbetsledare has the nämnd's reports.
    let (s, _) = re.get("/rapporter/klagomal").await;
    assert_eq!(s, 403);
}
pa_bada!(lex_sarah_och_kvartalsrapport);

/// Issue 19 item 5: the person asks for another handläggare on Mina sidor; the enhet's
/// arbetsledare gets the bevakning (the handläggare does not), answers in writing; granted,
/// the case is reassigned; the answer is on Mina sidor and in the case's history.
async fn annan_handlaggare(db: Db) {
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
    let k = medborgare(&app, "19850505-1238").await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(html.contains(&format!("/mina-sidor/arenden/{a}/handlaggare")));
    let (s, html) = k.get(&format!("/mina-sidor/arenden/{a}/handlaggare")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Du behöver inte säga varför"));
    let (s, plats, html) = k
        .post(
            &format!("/mina-sidor/arenden/{a}/handlaggare"),
            &[("skal", "")],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    let (_, kvitto) = k.get(plats.as_deref().unwrap()).await;
    assert!(kvitto.contains("Fråga om en annan handläggare"));
    assert!(
        handelsetyper(&app, &a)
            .await
            .contains(&"handlaggarbyte_begart")
    );
    // One at a time: the page says it waits, a second is refused.
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}/handlaggare")).await;
    assert!(html.contains("Du har frågat om en annan handläggare"));
    let (s, _, _) = k
        .post(
            &format!("/mina-sidor/arenden/{a}/handlaggare"),
            &[("skal", "Igen")],
        )
        .await;
    assert_eq!(s, 422);

    // The bevakning is the arbetsledare's, not the handläggare's.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    assert!(!start.contains("Den enskilde vill ha en annan handläggare"));
    let al = app.klient("arbetsledare").await;
    let (_, start) = al.get("/?bevakningar=alla").await;
    assert!(start.contains("Den enskilde vill ha en annan handläggare: besvara begäran"));
    // The handläggare can neither answer it nor confirm it away.
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{a}/steg/besvara-handlaggarbyte"),
            &[
                ("begaran", "0"),
                ("beviljad", "nej"),
                ("motivering", "Nej."),
                ("datum", &idag()),
            ],
        )
        .await;
    assert_eq!(s, 403);
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{a}/steg/kvittera"),
            &[("nyckel", "handlaggarbyte:0"), ("datum", &idag())],
        )
        .await;
    assert_ne!(s, 303);
    assert!(
        app.arende(&a).await.vantande_handlaggarbyte().is_some(),
        "still waiting"
    );
    // A refusal without reasons is refused; granted to handläggare2, the case moves.
    let hl2 = app.org.anv("handlaggare2").id.to_string();
    let (s, _, html) = al
        .post(
            &format!("/arenden/{a}/steg/besvara-handlaggarbyte"),
            &[
                ("begaran", "0"),
                ("beviljad", "nej"),
                ("motivering", ""),
                ("datum", &idag()),
            ],
        )
        .await;
    assert_eq!(s, 422, "{}", utdrag(&html));
    al.steg(
        &a,
        "besvara-handlaggarbyte",
        &[
            ("begaran", "0"),
            ("beviljad", "ja"),
            ("ny_handlaggare", &hl2),
            ("motivering", "Från i morgon har du en ny handläggare."),
            ("datum", &idag()),
        ],
    )
    .await;
    let arende = app.arende(&a).await;
    assert_eq!(arende.handlaggare, Some(app.org.anv("handlaggare2").id));
    assert!(arende.vantande_handlaggarbyte().is_none());
    // On Mina sidor and on the case.
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(html.contains("Du får en annan handläggare"));
    assert!(html.contains("Från i morgon har du en ny handläggare."));
    let (_, html) = al.get(&format!("/arenden/{a}")).await;
    assert!(html.contains("Begäran om annan handläggare beviljad"));
    assert!(html.contains("Begäran om annan handläggare från"));
}
pa_bada!(annan_handlaggare);

/// The side door: an arbetsledare who is the case's own handläggare may not answer the
/// request about themselves; refused answers stay on Mina sidor with their reasons.
async fn arbetsledaren_besvarar_inte_sin_egen(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "arbetsledare",
    )
    .await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, _, _) = k
        .post(
            &format!("/mina-sidor/arenden/{a}/handlaggare"),
            &[("skal", "Vi förstår inte varandra.")],
        )
        .await;
    assert_eq!(s, 303);
    let al = app.klient("arbetsledare").await;
    let (_, start) = al.get("/?bevakningar=alla").await;
    assert!(!start.contains("Den enskilde vill ha en annan handläggare"));
    let (s, _, _) = al
        .post(
            &format!("/arenden/{a}/steg/besvara-handlaggarbyte"),
            &[
                ("begaran", "0"),
                ("beviljad", "nej"),
                ("motivering", "Nej."),
                ("datum", &idag()),
            ],
        )
        .await;
    assert_eq!(s, 403);
    assert!(app.arende(&a).await.vantande_handlaggarbyte().is_some());
}
pa_bada!(arbetsledaren_besvarar_inte_sin_egen);

/// A complaint from a person with skyddade personuppgifter: what staff do with it is
/// audited as concerning a protected person, as reading it is, so that loggkontroll's
/// "only protected persons" finds every act on it.
async fn skyddad_avsandare_granskas_som_skyddad(db: Db) {
    let app = TestApp::ny(db).await;
    let person = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    app.store
        .bakdorr()
        .execute(
            "UPDATE person SET skyddad = 1 WHERE id = $1",
            &[person.as_str().into()],
        )
        .await
        .unwrap();
    let k = medborgare(&app, "19850505-1238").await;
    let (s, _, html) = k
        .post(
            "/mina-sidor/synpunkter",
            &[
                ("slag", "klagomal"),
                ("kategori", "bemotande"),
                ("text", "Jag blev inte lyssnad på."),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&html));
    let nummer = nummer_i(&html);
    let id = app
        .store
        .klagomal()
        .lista(app.org.kommun, 10)
        .await
        .unwrap()[0]
        .id
        .to_string();
    let re = app.klient("registrator").await;
    let al = app.org.anv("arbetsledare").id.to_string();
    let (s, _, _) = re
        .post(&format!("/klagomal/{id}/tilldela"), &[("ansvarig", &al)])
        .await;
    assert_eq!(s, 303);
    let nu = time::OffsetDateTime::now_utc();
    let skyddade = app
        .store
        .granskning()
        .sok_logg(
            app.org.kommun,
            &lots_store::Loggfilter {
                fran: nu - time::Duration::hours(1),
                till: nu + time::Duration::hours(1),
                person: None,
                anvandare: None,
                bara_utanfor: false,
                bara_skyddade: true,
            },
            1000,
        )
        .await
        .unwrap();
    assert!(
        skyddade
            .iter()
            .any(|r| r.handling == format!("klagomal.tilldelad:{nummer}")),
        "the assignment is audited as concerning a protected person: {:?}",
        skyddade.iter().map(|r| &r.handling).collect::<Vec<_>>()
    );
}
pa_bada!(skyddad_avsandare_granskas_som_skyddad);
