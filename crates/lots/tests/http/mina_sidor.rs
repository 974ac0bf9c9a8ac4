//! Mina sidor (issue 5): the person's own login and pages, acting as an ombud,
//! and that nobody reaches another person's case.

use lots_domain::Identitet;
use lots_domain::ids::PersonId;
use lots_store::Person;

use crate::hjalp::*;
use crate::pa_bada;

fn idag() -> String {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()).to_string()
}

/// A synthetic person (the demo's test login opens no one else).
pub(crate) async fn syntetisk(
    app: &TestApp,
    nummer: &str,
    fornamn: &str,
    efternamn: &str,
) -> String {
    let p = Person {
        id: PersonId::ny(),
        kommun: app.org.kommun,
        identitet: Identitet::tolka(nummer, time::macros::date!(2026 - 01 - 01)).unwrap(),
        fornamn: fornamn.into(),
        efternamn: efternamn.into(),
        adress: String::new(),
        skyddad: false,
    };
    app.store.personer().skapa_person(&p, true).await.unwrap();
    p.id.to_string()
}

/// Logs in on Mina sidor with the test login, as the person with this number.
pub(crate) async fn medborgare(app: &TestApp, nummer: &str) -> Klient {
    let mut k = Klient::ny(&app.url);
    let id = Identitet::tolka(nummer, time::macros::date!(2026 - 01 - 01)).unwrap();
    let (s, plats, body) = k
        .logga_in_via(
            "/mina-sidor/logga-in",
            "/mina-sidor/logga-in",
            &[("identitet", id.varde())],
        )
        .await;
    assert_eq!(s, 303, "test login: {}", utdrag(&body));
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    k.csrf = csrf_i(&html).expect("a form with the token");
    k
}

/// Logs in on Mina sidor as an ombud and chooses the person of their (one)
/// fullmakt; returns the client and the fullmakt's id.
pub(crate) async fn som_ombud(app: &TestApp, nummer: &str, for_namn: &str) -> (Klient, String) {
    let mut ombud = Klient::ny(&app.url);
    let (s, plats, _) = ombud
        .logga_in_via(
            "/mina-sidor/logga-in",
            "/mina-sidor/logga-in",
            &[("identitet", nummer)],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/valj")));
    let (_, html) = ombud.get("/mina-sidor/valj").await;
    ombud.csrf = csrf_i(&html).unwrap();
    assert!(html.contains(&format!("{for_namn} (du har fullmakt)")));
    let fullmakt = html
        .split("value=\"")
        .filter_map(|v| v.split('"').next())
        .find(|v| v.len() == 36)
        .unwrap()
        .to_owned();
    let (s, plats, _) = ombud.post("/mina-sidor/valj", &[("val", &fullmakt)]).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor")));
    (ombud, fullmakt)
}

fn lank_till(html: &str, prefix: &str) -> String {
    let i = html.find(&format!("href=\"{prefix}")).expect(prefix) + 6;
    html[i..].split('"').next().unwrap().to_owned()
}

async fn inloggning_och_samma_arende(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    // Started at a visit: the same case appears on Mina sidor.
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
    let (s, html) = k.get("/mina-sidor").await;
    assert_eq!(s, 200);
    assert!(html.contains(&format!("/mina-sidor/arenden/{a}")));
    assert!(html.contains("Test handlaggare"), "who the handläggare is");
    let (s, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Vi tog emot din ansökan"));
    assert!(html.contains("via besök"), "the channel it came by");
    assert!(html.contains("När utredningen är klar"), "the next step");

    // The staff's logins are in the audit log.
    let id = app.org.anv("handlaggare").id.to_string();
    let inloggningar = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE anvandare = $1 AND handling = 'inloggning'",
            &[id.as_str().into()],
        )
        .await
        .unwrap();
    assert!(!inloggningar.is_empty());
    // The staff session opens nothing on Mina sidor, and the reverse.
    let (s, plats) = hl.get_med_plats(&format!("/mina-sidor/arenden/{a}")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/logga-in")));
    let (s, plats) = k.get_med_plats(&format!("/arenden/{a}")).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));

    // A real (not synthetic) person cannot be picked by the test login.
    let verklig = registrera_person(&hl, "19900101-0017", "Riktig", "Person").await;
    let _ = verklig;
    let (s, _, body) = Klient::ny(&app.url)
        .logga_in_via(
            "/mina-sidor/logga-in",
            "/mina-sidor/logga-in",
            &[("identitet", "199001010017")],
        )
        .await;
    assert_eq!(s, 400);
    assert!(body.contains("påhittade"));

    // Logging out ends the session.
    let (s, plats, _) = k.post("/mina-sidor/logga-ut", &[]).await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/mina-sidor/logga-in?utloggad"))
    );
    let (s, _) = k.get_med_plats("/mina-sidor").await;
    assert_eq!(s, 303);
}
pa_bada!(inloggning_och_samma_arende);

async fn testinloggningen_finns_inte_utan_demo(db: Db) {
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let mut regler = testregler();
    regler.medborgare.testinloggning = false;
    let app = TestApp::med(db, lyssnare, regler, |_| async {}).await;
    syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = Klient::ny(&app.url);
    let (s, _, _) = k
        .post_utan_csrf("/mina-sidor/logga-in", &[("identitet", "198505051238")])
        .await;
    assert_eq!(s, 404);
    let (s, html) = k.get("/mina-sidor/logga-in").await;
    assert_eq!(s, 200);
    assert!(!html.contains("Testinloggning"));
}
pa_bada!(testinloggningen_finns_inte_utan_demo);

async fn ansokan_med_utkast_och_kvitto(db: Db) {
    let app = TestApp::ny(db).await;
    app.store
        .organisation()
        .satt_tar_emot(app.org.ekonomi, "ekonomiskt-bistand")
        .await
        .unwrap();
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, html) = k.get("/mina-sidor/ansok/ekonomiskt-bistand").await;
    assert_eq!(s, 200);
    assert!(
        html.contains("Kontoutdrag"),
        "the documents listed up front"
    );
    // A draft, kept between visits.
    let sokvag = "/mina-sidor/ansok/ekonomiskt-bistand";
    let (s, _, html) = k
        .post(sokvag, &[("manad", "december 2026"), ("spara", "1")])
        .await;
    assert_eq!(s, 200);
    assert!(html.contains("utkast är sparat"));
    let (_, html) = k.get(sokvag).await;
    assert!(html.contains("december 2026"));
    let (_, html) = k.get("/mina-sidor").await;
    assert!(html.contains("Ansökningar du har påbörjat"));
    // Sending with what is required missing: told what, nothing created.
    let (s, _, html) = k
        .post(sokvag, &[("manad", "december 2026"), ("skicka", "1")])
        .await;
    assert_eq!(s, 422);
    assert!(html.contains("Skriv vilka som bor i hushållet"));
    assert!(
        app.store
            .arenden()
            .personens_arenden(app.org.kommun, p.parse().unwrap())
            .await
            .unwrap()
            .is_empty()
    );
    let (s, plats, body) = k
        .post(
            sokvag,
            &[
                ("manad", "december 2026"),
                ("hushall", "Jag bor ensam."),
                ("inkomster", "0"),
                ("utgifter", "Hyra 6 500 kr"),
                ("skicka", "1"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let kvitto = plats.unwrap();
    let (s, html) = k.get(&kvitto).await;
    assert_eq!(s, 200);
    assert!(html.contains("Ansökan") && html.contains("kl."));
    let arenden = app
        .store
        .arenden()
        .personens_arenden(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(arenden.len(), 1);
    // The receipt gives the diarienummer to quote, not the case's id (issue 11, item 7).
    let dnr = arenden[0].diarienummer.clone().expect("a diarienummer");
    assert!(html.contains(&dnr), "{}", utdrag(&html));
    assert!(!html.contains(&format!("<dd>{}</dd>", arenden[0].id)));
    assert!(
        html.contains(&arenden[0].id.to_string()),
        "the case reference"
    );
    assert_eq!(
        arenden[0].enhet, app.org.ekonomi,
        "the enhet set to receive it"
    );
    let h = app
        .store
        .arenden()
        .handelser(app.org.kommun, arenden[0].id)
        .await
        .unwrap();
    match &h[0].handelse {
        lots_domain::Handelse::AnsokanRegistrerad {
            kanal,
            inkom,
            beskrivning,
            ..
        } => {
            assert_eq!(*kanal, lots_domain::arende::Kanal::Digital);
            assert_eq!(inkom.to_string(), idag());
            assert!(beskrivning.contains("Hyra 6 500 kr"));
        }
        annat => panic!("{annat:?}"),
    }
    // The draft is gone; the staff see the case like any other.
    let (_, html) = k.get("/mina-sidor").await;
    assert!(!html.contains("Ansökningar du har påbörjat"));
    let ekonom = app.klient("ekonom").await;
    let (_, html) = ekonom.get(&format!("/personer/{p}")).await;
    assert!(html.contains(&format!("/arenden/{}", arenden[0].id)));
    app.kontrollera_invarianter().await;
}
pa_bada!(ansokan_med_utkast_och_kvitto);

/// A case with an avslag served with förenklad delgivning (as in resor.rs).
async fn avslag_for(app: &TestApp, hl: &Klient, p: &str) -> String {
    let a = registrera_ansokan(app, hl, p, "kontaktperson", "2026-03-02", "handlaggare").await;
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
    a
}

async fn foljer_svarar_och_overklagar(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let a = avslag_for(&app, &hl, &p).await;
    let k = medborgare(&app, "19850505-1238").await;
    // Asked to comment: on the overview and the case, with the deadline.
    let (_, html) = k.get("/mina-sidor").await;
    assert!(html.contains("Svara senast 2026-04-16"));
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(
        html.contains("Ditt mål: Ha en vän att prata med."),
        "the person's own goals"
    );
    let svar = lank_till(&html, &format!("/mina-sidor/arenden/{a}/kommunicering/"));
    let (s, html) = k.get(&svar).await;
    assert_eq!(s, 200);
    assert!(html.contains("Utredningen om kontaktperson"));
    let (s, _, html) = k.post(&svar, &[("svar", "")]).await;
    assert_eq!(s, 422);
    assert!(html.contains("Skriv ditt svar"));
    let (s, plats, _) = k
        .post(&svar, &[("svar", "Jag behöver en kontaktperson.")])
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    assert!(html.contains("Svar på utredningen"));
    let typer = handelsetyper(&app, &a).await;
    assert!(typer.contains(&"kommunicering_besvarad"), "{typer:?}");

    // The decision: an avslag, served; then read with its reasons and appealed.
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
    let (_, arende) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let beslut = arende.beslut[0].id().to_string();
    hl.steg(
        &a,
        "skicka-beslut",
        &[
            ("beslut", &beslut),
            ("datum", "2026-05-04"),
            ("satt", "digitalt"),
            ("forenklad_delgivning", "ja"),
            ("forhandsinformation_datum", "2026-04-01"),
            ("forhandsinformation_kanal", "besok"),
        ],
    )
    .await;
    // DelgL 22 §: served only once the kontrollmeddelande is recorded.
    hl.steg(
        &a,
        "kontrollmeddelande",
        &[("beslut", &beslut), ("datum", "2026-05-05")],
    )
    .await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(html.contains("Nämnden fattade beslut"));
    // One decision, one post: the letter says it was sent and how; the sending step adds no
    // second post ("Beslutet skickades till dig"). Likewise the kontrollmeddelande, whose
    // letter is not called a "meddelande" beside the person's Meddelanden.
    assert_eq!(
        html.matches("Ett beslut skickades till dig").count(),
        1,
        "{html}"
    );
    assert!(!html.contains("Beslutet skickades till dig"), "{html}");
    assert_eq!(
        html.matches("Ett kontrollbrev om beslutet skickades till dig")
            .count(),
        1,
        "{html}"
    );
    assert!(
        !html.contains("Ett meddelande skickades till dig"),
        "{html}"
    );
    let (s, html) = k
        .get(&format!("/mina-sidor/arenden/{a}/beslut/{beslut}"))
        .await;
    assert_eq!(s, 200);
    assert!(html.contains("Behovet tillgodoses genom öppenvården."));
    assert!(
        html.contains("2026-06-08"),
        "the last day to appeal (FL 44 §)"
    );
    let overklaga = format!("/mina-sidor/arenden/{a}/beslut/{beslut}/overklaga");
    assert!(html.contains(&overklaga));
    let (s, _, html) = k.post(&overklaga, &[("andring", ""), ("skal", "")]).await;
    assert_eq!(s, 422);
    assert!(html.contains("Skriv hur du vill att beslutet ska ändras"));
    assert!(
        html.contains(r#"id="andring_fel""#) && html.contains(r#"aria-invalid="true""#),
        "beside the field too"
    );
    assert!(
        !handelsetyper(&app, &a)
            .await
            .contains(&"overklagande_inkommit")
    );
    let (s, plats, _) = k
        .post(
            &overklaga,
            &[
                ("andring", "Jag vill få en kontaktperson."),
                ("skal", "Jag är ensam."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    assert!(html.contains("Överklagande"));
    let h = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap();
    let inkom = h.iter().find_map(|h| match &h.handelse {
        lots_domain::Handelse::OverklagandeInkommit { inkom, text, .. } => {
            Some((inkom.to_string(), text.clone()))
        }
        _ => None,
    });
    let (inkom, text) = inkom.expect("the appeal is in the case");
    assert_eq!(inkom, idag(), "arrived today, for the rättidsprövning");
    assert!(text.contains("Jag är ensam."));
    // Once is enough: a second appeal of the same decision is refused, nothing stored.
    let (s, _, _) = k
        .post(&overklaga, &[("andring", "Igen"), ("skal", "Igen")])
        .await;
    assert!(s == 403 || s == 422 || s == 409, "{s}");
    let antal = handelsetyper(&app, &a)
        .await
        .iter()
        .filter(|t| **t == "overklagande_inkommit")
        .count();
    assert_eq!(antal, 1);
    // The staff see it on the case, as from Mina sidor.
    let (_, html) = hl.get(&format!("/arenden/{a}")).await;
    assert!(html.contains("Den enskilde (Mina sidor)"));
    app.kontrollera_invarianter().await;
}
pa_bada!(foljer_svarar_och_overklagar);

async fn invandning_mot_journalen(db: Db) {
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
    hl.steg(
        &a,
        "journal",
        &[
            ("datum", "2026-03-10"),
            ("text", "Dana kom berusad till mötet."),
        ],
    )
    .await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, html) = k.get("/mina-sidor/journal").await;
    assert_eq!(s, 200);
    assert!(html.contains("Dana kom berusad till mötet."));
    let sida = lank_till(&html, "/mina-sidor/journal/");
    let (s, _, _) = k.post(&sida, &[("text", "")]).await;
    assert_eq!(s, 422);
    let (s, _, _) = k
        .post(&sida, &[("text", "Jag var inte berusad. Jag hade feber.")])
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get("/mina-sidor/journal").await;
    assert!(html.contains("Jag hade feber."));
    // Shown to the staff beside the entry.
    let (_, html) = hl.get(&format!("/arenden/{a}")).await;
    assert!(html.contains("Jag hade feber."));
    // A document the staff added is named, said to be withheld, and not handed out here.
    bifoga_pdf(&hl, &a, "Intyg från vården").await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(html.contains("Intyg från vården") && html.contains("Du har rätt att be om en kopia."));
    assert!(!html.contains("/mina-sidor/dokument/"));
    let (_, arende) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let (s, _) = k
        .get(&format!("/mina-sidor/dokument/{}", arende.dokument[0]))
        .await;
    assert_eq!(s, 404);
}
pa_bada!(invandning_mot_journalen);

async fn annans_arende_nekas_och_loggas(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p1 = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let p2 = syntetisk(&app, "19700707-1231", "Erik", "Al").await;
    let _ = registrera_ansokan(
        &app,
        &hl,
        &p1,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let b = registrera_ansokan(
        &app,
        &hl,
        &p2,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    hl.steg(
        &b,
        "journal",
        &[("datum", "2026-03-10"), ("text", "Eriks anteckning.")],
    )
    .await;
    let k = medborgare(&app, "19850505-1238").await;
    for sida in [
        format!("/mina-sidor/arenden/{b}"),
        format!("/mina-sidor/kvitto/{b}"),
    ] {
        let (s, html) = k.get(&sida).await;
        assert_eq!(s, 404, "{sida}");
        assert!(!html.contains("Erik"));
        // Said in Mina sidor's own frame, with the way back there.
        assert!(html.contains("Sidan finns inte") && html.contains(r#"href="/mina-sidor""#));
        assert!(!html.contains("Till startsidan"));
    }
    let (_, html) = k.get("/mina-sidor/journal").await;
    assert!(!html.contains("Eriks anteckning."));
    let (s, _, _) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 404);
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(p2.parse().unwrap())
        .await
        .unwrap();
    assert!(
        logg.iter().any(|(h, _)| h == "mina_sidor.nekad"),
        "the refused attempt is logged: {logg:?}"
    );
    // The logggranskare finds it, with who tried.
    let gr = app.klient("granskare").await;
    let (_, _, html) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "person"),
                ("personnummer", "19700707-1231"),
                ("fran", &idag()),
                ("till", &idag()),
                ("format", "sida"),
            ],
        )
        .await;
    assert!(
        html.contains("198505051238"),
        "who tried: {}",
        utdrag(&html)
    );
}
pa_bada!(annans_arende_nekas_och_loggas);

async fn ombud_med_fullmakt(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    syntetisk(&app, "19600606-1235", "Olle", "Ombud").await;
    let a = avslag_for(&app, &hl, &p).await;
    let person = medborgare(&app, "19850505-1238").await;
    // The person gives a fullmakt to read only; bad input changes nothing.
    let (s, _, html) = person
        .post(
            "/mina-sidor/fullmakter",
            &[
                ("namn", "Olle Ombud"),
                ("nummer", "19600606-1232"),
                ("omfattning", "lasa"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(html.contains("Kontrollsiffran"));
    let (s, plats, _) = person
        .post(
            "/mina-sidor/fullmakter",
            &[
                ("namn", "Olle Ombud"),
                ("nummer", "19600606-1235"),
                ("omfattning", "lasa"),
            ],
        )
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/mina-sidor/fullmakter?klart=ny"))
    );
    let (_, html) = hl.get(&format!("/personer/{p}")).await;
    assert!(
        html.contains("Olle Ombud (får läsa, tills vidare)"),
        "the staff see the fullmakt"
    );
    // The ombud logs in as themselves and chooses the person.
    let (ombud, _) = som_ombud(&app, "196006061235", "Dana Ek").await;
    let (s, html) = ombud.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert_eq!(s, 200);
    assert!(html.contains("Du är ombud för") && html.contains("Dana Ek"));
    // Reading only: no reply, no application, no fullmakter of the person's.
    let svar = lank_till(&html, &format!("/mina-sidor/arenden/{a}/kommunicering/"));
    let (s, _, _) = ombud.post(&svar, &[("svar", "Ombudet svarar.")]).await;
    assert_eq!(s, 403);
    let (s, _) = ombud.get("/mina-sidor/ansok").await;
    assert_eq!(s, 403);
    let (s, _) = ombud.get("/mina-sidor/fullmakter").await;
    assert_eq!(s, 403);
    assert!(
        !handelsetyper(&app, &a)
            .await
            .contains(&"kommunicering_besvarad")
    );

    // With a fullmakt to act, the reply lands in the case, naming the ombud.
    let (_, html) = person.get("/mina-sidor/fullmakter").await;
    let aterkalla = lank_form(&html, "/mina-sidor/fullmakter/");
    let (s, _, _) = person.post(&aterkalla, &[]).await;
    assert_eq!(s, 303);
    // Revoked: the ombud is refused at once.
    let (s, plats) = ombud
        .get_med_plats(&format!("/mina-sidor/arenden/{a}"))
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/logga-in")));
    let (_, html) = person.get("/mina-sidor/fullmakter").await;
    assert!(html.contains("Tagen tillbaka"));
    let (s, _, _) = person
        .post(
            "/mina-sidor/fullmakter",
            &[
                ("namn", "Olle Ombud"),
                ("nummer", "19600606-1235"),
                ("omfattning", "fora_talan"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (ombud, _) = som_ombud(&app, "196006061235", "Dana Ek").await;
    let (s, _, _) = ombud.post(&svar, &[("svar", "Ombudet svarar.")]).await;
    assert_eq!(s, 303);
    let h = app
        .store
        .arenden()
        .handelser(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap();
    assert!(h.iter().any(|h| matches!(&h.handelse, lots_domain::Handelse::KommuniceringBesvarad { svar, .. } if svar.contains("ombud Olle Ombud"))));
    // The audit log says which ombud acted.
    let gr = app.klient("granskare").await;
    let (_, _, html) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "person"),
                ("personnummer", "19850505-1238"),
                ("fran", &idag()),
                ("till", &idag()),
                ("format", "sida"),
            ],
        )
        .await;
    assert!(
        html.contains("Mina sidor: lämnade in något i ärendet"),
        "{}",
        utdrag(&html)
    );
    assert!(html.contains("ombud Olle Ombud"), "{}", utdrag(&html));
    // Logins to the person's matters are there too, the ombud's with their fullmakt.
    assert!(html.contains("Mina sidor: loggade in"), "{}", utdrag(&html));
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(p.parse().unwrap())
        .await
        .unwrap();
    assert!(
        logg.iter()
            .filter(|(h, _)| h == "mina_sidor.inloggning")
            .count()
            >= 3
    );
}
pa_bada!(ombud_med_fullmakt);

/// The action of the first form whose action starts with `prefix`.
fn lank_form(html: &str, prefix: &str) -> String {
    let i = html.find(&format!("action=\"{prefix}")).expect(prefix) + 8;
    html[i..].split('"').next().unwrap().to_owned()
}

/// Uploads on Mina sidor: multipart with the session's token.
async fn ladda_upp(
    k: &Klient,
    sokvag: &str,
    fil: Option<(&str, Vec<u8>)>,
    text: &str,
) -> (u16, Option<String>) {
    let mut form = reqwest::multipart::Form::new()
        .text("_csrf", k.csrf.clone())
        .text("text", text.to_owned());
    if let Some((namn, b)) = fil {
        form = form.part(
            "fil",
            reqwest::multipart::Part::bytes(b).file_name(namn.to_owned()),
        );
    }
    k.multipart_med_plats(sokvag, form).await
}

async fn komplettering_meddelanden_och_mote(db: Db) {
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
    hl.steg(
        &a,
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
    let k = medborgare(&app, "19850505-1238").await;
    // Asked for: on the overview, with the deadline and what is accepted.
    let (_, html) = k.get("/mina-sidor").await;
    assert!(
        html.contains("Skicka in: Kontoutdrag för de senaste tre månaderna. Senast 2030-01-31.")
    );
    let sida = lank_till(&html, &format!("/mina-sidor/arenden/{a}/komplettering/"));
    let (s, html) = k.get(&sida).await;
    assert_eq!(s, 200);
    assert!(html.contains("PDF eller foto"));
    // Nothing, or a file that is not a PDF, JPEG or PNG: refused, nothing stored.
    let (s, _) = ladda_upp(&k, &sida, None, "").await;
    assert_eq!(s, 422);
    let (s, _) = ladda_upp(&k, &sida, Some(("virus.exe", b"MZ\x90\x00".to_vec())), "").await;
    assert_eq!(s, 422);
    assert!(
        !handelsetyper(&app, &a)
            .await
            .contains(&"komplettering_lamnad")
    );
    let (s, plats) = ladda_upp(
        &k,
        &sida,
        Some(("kontoutdrag.pdf", PDF.to_vec())),
        "Mars till maj.",
    )
    .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    assert!(html.contains("Det du skickade in"));
    // The file is in the case, readable by the person and the handläggare.
    let (_, html) = k.get(&sida).await;
    let dok = lank_till(&html, "/mina-sidor/dokument/");
    let (s, b) = k.get_bytes(&dok).await;
    assert_eq!((s, b.as_slice()), (200, PDF));
    let (s, b) = hl.get_bytes(&dok.replace("/mina-sidor", "")).await;
    assert_eq!((s, b.as_slice()), (200, PDF));
    // Accepted by the handläggare; asking for it again now needs a reason.
    let (_, arende) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let begaran = arende.kompletteringar[0].id.to_string();
    hl.steg(
        &a,
        "godta-komplettering",
        &[("begaran", &begaran), ("datum", &idag())],
    )
    .await;
    let (_, html) = k.get(&sida).await;
    assert!(html.contains("godkändes"));
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{a}/steg/begar-komplettering"),
            &[
                ("handlingar", "kontoutdrag"),
                ("beskrivning", ""),
                ("godtas", "PDF"),
                ("senast", "2030-02-28"),
                ("skal", ""),
            ],
        )
        .await;
    assert_eq!(s, 422, "already handed in: a reason is needed");

    // A message, with the promised answer time; a bevakning for the handläggare.
    let meddelanden = format!("/mina-sidor/arenden/{a}/meddelanden");
    let (s, html) = k.get(&meddelanden).await;
    assert_eq!(s, 200);
    assert!(html.contains("Vi svarar inom 2 arbetsdagar."));
    let (s, _, _) = k.post(&meddelanden, &[("text", "  ")]).await;
    assert_eq!(s, 422);
    let (s, plats, _) = k
        .post(&meddelanden, &[("text", "När får jag besked?")])
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    assert!(html.contains("När får jag besked?") && html.contains("Du får svar senast"));
    // Due in two working days: among the later bevakningar, behind the start page's link.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    assert!(
        start.contains("Meddelande från den enskilde att besvara"),
        "a bevakning"
    );
    hl.steg(&a, "meddelande", &[("text", "Inom två veckor.")])
        .await;
    let (_, html) = k.get(&meddelanden).await;
    assert!(html.contains("Inom två veckor.") && !html.contains("Du får svar senast"));
    let (_, html) = k.get("/mina-sidor").await;
    assert!(
        html.contains("Läs meddelandet från din handläggare"),
        "the answer is pointed out"
    );

    // Asking for a meeting becomes a bevakning too.
    let mote = format!("/mina-sidor/arenden/{a}/mote");
    let (s, _, _) = k.post(&mote, &[("typ", "fest"), ("text", "")]).await;
    assert_eq!(s, 422);
    let (s, _, _) = k
        .post(
            &mote,
            &[("typ", "uppfoljning"), ("text", "Jag vill prata om målen.")],
        )
        .await;
    assert_eq!(s, 303);
    let typer = handelsetyper(&app, &a).await;
    assert!(typer.contains(&"mote_begart"), "{typer:?}");
    let (_, start) = hl.get("/?bevakningar=alla").await;
    assert!(
        start.to_lowercase().contains("möte"),
        "the meeting is a bevakning"
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(komplettering_meddelanden_och_mote);

async fn enhet_som_tar_emot_ansokningar(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let (s, plats, body) = sf
        .post(
            "/admin/enheter/ny",
            &[
                ("namn", "Mottagningen"),
                ("tar_emot", "missbruk"),
                ("tar_emot", "okänt"),
            ],
        )
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/admin/anvandare")),
        "{}",
        utdrag(&body)
    );
    let mottagning = app
        .store
        .organisation()
        .enheter(app.org.kommun)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.namn == "Mottagningen")
        .unwrap()
        .id;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, _, _) = k
        .post(
            "/mina-sidor/ansok/missbruk",
            &[("beskrivning", "Jag dricker för mycket."), ("skicka", "1")],
        )
        .await;
    assert_eq!(s, 303);
    let arenden = app
        .store
        .arenden()
        .personens_arenden(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(arenden[0].enhet, mottagning);
    // The account the person's acts are recorded under now exists, but is nobody's to administer.
    let (_, html) = sf.get("/admin/anvandare").await;
    assert!(html.contains("Test handlaggare"));
    assert!(!html.contains("Den enskilde (Mina sidor)"));
    // Changed later: now the ekonomi enhet receives the applications for missbruk.
    let (s, _, _) = sf
        .post(
            &format!("/admin/enheter/{}", app.org.ekonomi),
            &[("tar_emot", "missbruk")],
        )
        .await;
    assert_eq!(s, 303);
    sf.post(&format!("/admin/enheter/{mottagning}"), &[]).await;
    let (s, html) = sf.get(&format!("/admin/enheter/{}", app.org.ekonomi)).await;
    assert_eq!(s, 200);
    assert!(
        html.contains(r#"value="missbruk" checked"#),
        "{}",
        utdrag(&html)
    );
    let (s, _, _) = k
        .post(
            "/mina-sidor/ansok/missbruk",
            &[("beskrivning", "Igen."), ("skicka", "1")],
        )
        .await;
    assert_eq!(s, 303);
    let arenden = app
        .store
        .arenden()
        .personens_arenden(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    assert!(arenden.iter().any(|a| a.enhet == app.org.ekonomi));
}
pa_bada!(enhet_som_tar_emot_ansokningar);

/// A database from before the dialogue: the stored case state lacks what the
/// domain now derives (the case's documents). `migrate` derives it anew from the
/// events, and the check of the projections holds again.
async fn gammalt_tillstand_harleds_om(db: Db) {
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
    bifoga_pdf(&hl, &a, "Intyg").await;
    // As an older Lots stored it: without the derived list of documents.
    let rad = app
        .store
        .bakdorr()
        .fetch_optional(
            "SELECT tillstand FROM arende WHERE id = $1",
            &[a.as_str().into()],
        )
        .await
        .unwrap()
        .unwrap();
    let mut json: serde_json::Value =
        serde_json::from_str(&rad.text("tillstand").unwrap()).unwrap();
    assert!(json["dokument"].as_array().is_some_and(|d| d.len() == 1));
    json.as_object_mut().unwrap().remove("dokument");
    app.store
        .bakdorr()
        .execute(
            "UPDATE arende SET tillstand = $2 WHERE id = $1",
            &[a.as_str().into(), json.to_string().into()],
        )
        .await
        .unwrap();
    app.store
        .bakdorr()
        .execute("UPDATE tillstandsversion SET version = 1", &[])
        .await
        .unwrap();
    assert!(
        !app.store.arenden().verifiera().await.unwrap().is_empty(),
        "the old state differs"
    );
    app.store.migrera().await.unwrap();
    app.kontrollera_invarianter().await;
    // Once done, it is not done again.
    app.store
        .bakdorr()
        .execute(
            "UPDATE arende SET tillstand = $2 WHERE id = $1",
            &[a.as_str().into(), json.to_string().into()],
        )
        .await
        .unwrap();
    app.store.migrera().await.unwrap();
    assert!(!app.store.arenden().verifiera().await.unwrap().is_empty());
}
pa_bada!(gammalt_tillstand_harleds_om);

/// A fullmakt that came in on paper: the handläggare registers it with the
/// signed document, a colleague approves it, the ombud then acts on Mina sidor,
/// the person sees it there; revoked by the staff, it ends at once.
async fn fullmakt_pa_papper(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    syntetisk(&app, "19600606-1235", "Olle", "Ombud").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let ny = format!("/personer/{p}/fullmakter/ny");
    let form = |nummer: &str, till: &str| {
        reqwest::multipart::Form::new()
            .text("_csrf", hl.csrf.clone())
            .text("namn", "Olle Ombud")
            .text("nummer", nummer.to_owned())
            .text("omfattning", "fora_talan")
            .text("giltig_till", till.to_owned())
            .part(
                "fil",
                reqwest::multipart::Part::bytes(PDF.to_vec())
                    .file_name("fullmakt.pdf")
                    .mime_str("application/pdf")
                    .unwrap(),
            )
    };
    let (s, html) = hl.multipart(&ny, form("19850505-1238", "")).await;
    assert_eq!(s, 422);
    assert!(html.contains("Ombudet kan inte vara personen själv."));
    let (s, html) = hl.multipart(&ny, form("19600606-1235", "2030-12-31")).await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    let id = app
        .store
        .mina_sidor()
        .fullmakter_for_person(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap()[0]
        .id;
    let hl2 = app.klient("handlaggare2").await;
    let (s, _, _) = hl2
        .post(&format!("/personer/{p}/fullmakter/{id}/godkann"), &[])
        .await;
    assert_eq!(s, 303);
    // The ombud acts for the person.
    let (ombud, fullmakt) = som_ombud(&app, "196006061235", "Dana Ek").await;
    let (s, _) = ombud.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert_eq!(s, 200);
    // The person sees who registered it, and until when.
    let person = medborgare(&app, "19850505-1238").await;
    let (_, html) = person.get("/mina-sidor/fullmakter").await;
    assert!(html.contains("Olle Ombud") && html.contains("2030-12-31"));
    assert!(html.contains("På papper, registrerad av Test handlaggare"));
    // The handläggare revokes it, as the person asked by letter: the ombud is out at once.
    let (_, html) = hl.get(&format!("/personer/{p}")).await;
    assert!(html.contains("Olle Ombud (får läsa och föra talan, till och med 2030-12-31)"));
    assert!(html.contains("godkänd av Test handlaggare2"));
    let (s, _, _) = hl
        .post(
            &format!("/personer/{p}/fullmakter/{fullmakt}/aterkalla"),
            &[],
        )
        .await;
    assert_eq!(s, 303);
    let (s, plats) = ombud
        .get_med_plats(&format!("/mina-sidor/arenden/{a}"))
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor/logga-in")));
    let (_, html) = person.get("/mina-sidor/fullmakter").await;
    assert!(html.contains("Tagen tillbaka"));
}
pa_bada!(fullmakt_pa_papper);

/// Mina sidor in English, chosen by the person; what they write is stored with
/// its Swedish labels, since the case record is in Swedish.
async fn pa_engelska(db: Db) {
    let app = TestApp::ny(db).await;
    app.store
        .organisation()
        .satt_tar_emot(app.org.missbruk, "missbruk")
        .await
        .unwrap();
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let mut k = Klient::ny(&app.url);
    let (s, plats) = k.get_med_plats("/mina-sidor/sprak/en").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/mina-sidor")));
    let (_, html) = k.get("/mina-sidor/logga-in").await;
    assert!(html.contains(r#"<html lang="en">"#) && html.contains("Log in to My pages"));
    assert!(
        html.contains(r#"href="/mina-sidor/sprak/sv""#),
        "the way back to Swedish"
    );
    let (s, plats, _) = k
        .logga_in_via(
            "/mina-sidor/logga-in",
            "/mina-sidor/logga-in",
            &[("identitet", "198505051238")],
        )
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    k.csrf = csrf_i(&html).unwrap();
    assert!(html.contains("My matters"));
    let (s, _, html) = k
        .post("/mina-sidor/ansok/missbruk", &[("skicka", "1")])
        .await;
    assert_eq!(s, 422);
    assert!(html.contains("Write what you want help with."));
    let (s, _, _) = k
        .post(
            "/mina-sidor/ansok/missbruk",
            &[("beskrivning", "I drink too much."), ("skicka", "1")],
        )
        .await;
    assert_eq!(s, 303);
    let arenden = app
        .store
        .arenden()
        .personens_arenden(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    let h = app
        .store
        .arenden()
        .handelser(app.org.kommun, arenden[0].id)
        .await
        .unwrap();
    match &h[0].handelse {
        lots_domain::Handelse::AnsokanRegistrerad { beskrivning, .. } => {
            assert!(
                beskrivning.starts_with("Vad vill du ha hjälp med?\nI drink too much."),
                "{beskrivning}"
            );
        }
        annat => panic!("{annat:?}"),
    }
    let (_, html) = k
        .get(&format!("/mina-sidor/arenden/{}", arenden[0].id))
        .await;
    assert!(html.contains("We received your application"));
}
pa_bada!(pa_engelska);

/// Waiting too long is said plainly: a granted insats not started within three
/// months (SoL 34 kap. 1 §), and an application undecided for six months, which
/// the person may then ask the nämnd to decide (FL 12 §).
async fn nar_det_drojer(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = medborgare(&app, "19850505-1238").await;
    // Granted in April, never started.
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    hl.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-15")])
        .await;
    hl.steg(
        &a,
        "beslut",
        &[
            ("insats", "oppenvardsbehandling"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Minskat drickande"),
            ("omfattning", "Två samtal i veckan"),
            ("period_fran", "2026-04-20"),
            ("period_till", "2027-04-19"),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(
        html.contains("Insatsen skulle ha börjat senast 2026-07-20, men har inte börjat."),
        "{}",
        utdrag(&html)
    );
    assert!(html.contains("Mål för Behandling i öppenvård vid missbruk: Minskat drickande"));
    // Applied in March, still undecided: the person may ask for a decision, once.
    let b = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{b}")).await;
    assert!(html.contains("Det har gått mer än sex månader utan beslut."));
    let (s, plats, _) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 303);
    let (_, html) = k.get(plats.as_deref().unwrap()).await;
    assert!(html.contains("Begäran om avgörande"));
    assert!(
        handelsetyper(&app, &b)
            .await
            .contains(&"begaran_om_avgorande")
    );
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{b}")).await;
    assert!(!html.contains("/begar-avgorande"), "once only");
    assert!(html.contains("Nämnden ska avgöra ärendet, eller svara dig, senast"));
    let (s, _, _) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 400);
    let antal = handelsetyper(&app, &b)
        .await
        .iter()
        .filter(|t| **t == "begaran_om_avgorande")
        .count();
    assert_eq!(antal, 1);
}
pa_bada!(nar_det_drojer);
