//! Issue 19 items 1, 2 and 6: whom the person reaches and how (the enhet's contact settings,
//! the handläggare and who covers, the provider's contact person), when a decision comes
//! (the expected day, the FL 11 § notice, the bevakning before it), a running insats read
//! as what it is, and the domain's refusals said in the person's words.

use lots_domain::arende::{BevakningsTyp, bevakningar};
use time::Duration;

use crate::hjalp::*;
use crate::mina_sidor::{medborgare, syntetisk};
use crate::pa_bada;

fn idag() -> time::Date {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc())
}

/// A day as Mina sidor says it in Swedish: "3 mars 2026".
fn dag(d: time::Date) -> String {
    lots_web::mina_sidor::texter::svenska().dag(d)
}

async fn granskade(app: &TestApp, prefix: &str) -> Vec<String> {
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE $1 ORDER BY handling",
            &[format!("{prefix}%").into()],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap())
        .collect()
}

async fn satt_kontakt(sf: &Klient, enhet: &str, falt: &[(&str, &str)]) -> (u16, String) {
    let (s, _, body) = sf.post(&format!("/admin/enheter/{enhet}"), falt).await;
    (s, body)
}

/// The systemförvaltare sets how an enhet is reached: bad input gives a clear Swedish error
/// and changes nothing; the change is audited; the person sees it with the case, the
/// decision and on an error page.
async fn enhetens_kontaktuppgifter(db: Db) {
    let app = TestApp::ny(db).await;
    let sf = app.klient("systemforvaltare").await;
    let missbruk = app.org.missbruk.to_string();
    let (s, body) = satt_kontakt(
        &sf,
        &missbruk,
        &[
            ("telefon", "ring oss"),
            ("epost", "socialtjansten"),
            ("besoksadress", "Storgatan 1"),
        ],
    )
    .await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    for fel in [
        "Skriv telefonnumret med siffror",
        "Skriv en hel e-postadress",
        "Skriv när man kan ringa",
    ] {
        assert!(body.contains(fel), "{fel}: {}", utdrag(&body));
    }
    let sparat = app
        .store
        .organisation()
        .enhetskontakt(app.org.kommun, app.org.missbruk)
        .await
        .unwrap();
    assert!(sparat.ar_tom(), "nothing saved: {sparat:?}");
    assert!(granskade(&app, "admin.enhet.kontakt").await.is_empty());

    let (s, body) = satt_kontakt(
        &sf,
        &missbruk,
        &[
            ("telefon", "0480-45 00 00"),
            ("telefontider", "Måndag–fredag 9–12"),
            ("besoksadress", "Storgatan 1, Kalmar"),
            ("besokstider", "Tisdag 13–15"),
            ("epost", "vuxen@kalmar.se"),
            ("boka_mote", "Ring oss, eller be om ett möte här."),
        ],
    )
    .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    assert_eq!(
        granskade(&app, "admin.enhet.kontakt").await,
        vec![format!("admin.enhet.kontakt:{missbruk}")]
    );
    // The form shows what is saved.
    let (_, sida) = sf.get(&format!("/admin/enheter/{missbruk}")).await;
    assert!(sida.contains("value=\"0480-45 00 00\""));
    // Only the systemförvaltare sets it.
    let hl = app.klient("handlaggare").await;
    let (s, _, _) = hl
        .post(
            &format!("/admin/enheter/{missbruk}"),
            &[("telefon", "0480-99 99 99")],
        )
        .await;
    assert_eq!(s, 403);

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
    for text in [
        "Så når du oss",
        "0480-45 00 00",
        "Måndag–fredag 9–12",
        "Storgatan 1, Kalmar",
        "Tisdag 13–15",
        "href=\"mailto:vuxen@kalmar.se\"",
        "Skriv inget känsligt i e-post.",
        "Ring oss, eller be om ett möte här.",
        "Test handlaggare",
    ] {
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
    }
    // An error page says how to reach the enhet of the person's open case.
    let (s, html) = k
        .get(&format!("/mina-sidor/arenden/{}", uuid::Uuid::now_v7()))
        .await;
    assert_eq!(s, 404);
    assert!(html.contains("Sidan finns inte"));
    assert!(html.contains("0480-45 00 00"), "{}", utdrag(&html));
    // Logged out, the error page names no enhet: it knows no person.
    let (s, html) = Klient::ny(&app.url).get("/mina-sidor/dokument/okand").await;
    assert!(s == 303 || s == 404, "{s}");
    assert!(!html.contains("0480-45 00 00"));
}
pa_bada!(enhetens_kontaktuppgifter);

/// The arbetsledare sets who covers for a handläggare until a day; the person sees who and
/// until when, and nothing after it ends. Bad input changes nothing; another enhet's
/// handläggare is not the arbetsledare's to name.
async fn ersattare_for_handlaggaren(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;
    let hl_id = app.org.anv("handlaggare").id.to_string();
    let hl2_id = app.org.anv("handlaggare2").id.to_string();
    let ekonom = app.org.anv("ekonom").id.to_string();
    let till = idag() + Duration::days(14);
    let till_text = till.to_string();
    let igar = (idag() - Duration::days(1)).to_string();
    let langt = (idag() + Duration::days(400)).to_string();

    for (falt, fel) in [
        (
            vec![
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl_id.as_str()),
                ("till", till_text.as_str()),
            ],
            "Välj en annan person som ersättare",
        ),
        (
            vec![
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", igar.as_str()),
            ],
            "Sista dagen har redan passerat.",
        ),
        (
            vec![
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", langt.as_str()),
            ],
            "Välj en sista dag inom ett år.",
        ),
        (
            vec![
                ("handlaggare", hl_id.as_str()),
                ("ersattare", ekonom.as_str()),
                ("till", till_text.as_str()),
            ],
            "Välj den som ersätter bland enhetens",
        ),
        (
            vec![
                ("handlaggare", ekonom.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", till_text.as_str()),
            ],
            "Välj handläggaren som är borta bland enhetens",
        ),
        (
            vec![
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", "snart"),
            ],
            "Skriv sista dagen som ÅÅÅÅ-MM-DD.",
        ),
    ] {
        let (s, _, body) = al.post("/enhet/ersattare", &falt).await;
        assert_eq!(s, 422, "{fel}");
        assert!(body.contains(fel), "{fel}: {}", utdrag(&body));
    }
    let o = app.store.organisation();
    assert!(
        o.ersattare(app.org.kommun, idag())
            .await
            .unwrap()
            .is_empty()
    );
    // A handläggare may not set it.
    let (s, _, _) = hl
        .post(
            "/enhet/ersattare",
            &[
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", till_text.as_str()),
            ],
        )
        .await;
    assert_eq!(s, 403);

    let (s, plats, _) = al
        .post(
            "/enhet/ersattare",
            &[
                ("handlaggare", hl_id.as_str()),
                ("ersattare", hl2_id.as_str()),
                ("till", till_text.as_str()),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/enhet#ersattare")));
    assert_eq!(
        granskade(&app, "enhet.ersattare:").await,
        vec![format!("enhet.ersattare:{hl_id}:{hl2_id}:{till_text}")]
    );
    let (_, sida) = al.get("/enhet").await;
    assert!(
        sida.contains(&format!(
            "Test handlaggare2 ersätter Test handlaggare till och med {till_text}."
        )),
        "{}",
        utdrag(&sida)
    );

    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let k = medborgare(&app, "19850505-1238").await;
    let ersatt = format!(
        "Test handlaggare är borta just nu. Till och med {} har Test handlaggare2 hand om ditt ärende.",
        dag(till)
    );
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(html.contains(&ersatt), "{}", utdrag(&html));

    // Ending another enhet's cover: not there. Ending the own one: gone from Mina sidor.
    let (s, _, _) = al
        .post(&format!("/enhet/ersattare/{ekonom}/avsluta"), &[])
        .await;
    assert_eq!(s, 404);
    let (s, plats, _) = al
        .post(&format!("/enhet/ersattare/{hl_id}/avsluta"), &[])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/enhet#ersattare")));
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(!html.contains("är borta just nu"));
    assert_eq!(
        granskade(&app, "enhet.ersattare_avslutad").await,
        vec![format!("enhet.ersattare_avslutad:{hl_id}")]
    );
}
pa_bada!(ersattare_for_handlaggaren);

fn drojsmal(a: &lots_domain::Arende) -> Vec<time::Date> {
    bevakningar(a)
        .into_iter()
        .filter(|b| b.typ == BevakningsTyp::Drojsmal)
        .map(|b| b.datum)
        .collect()
}

/// The day the person can expect a decision is recorded when the utredning starts (the
/// handläggare's, or the default for what was applied for), shown on Mina sidor, watched a
/// week before by a bevakning, and moved by an FL 11 § notice that gives the reason; a day
/// passed without a word is said to the person as late.
async fn nar_beslutet_vantas(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let k = medborgare(&app, "19850505-1238").await;
    let idag = idag();
    let inkom = (idag - Duration::days(20)).to_string();
    let a = registrera_ansokan(&app, &hl, &p, "stod_i_boendet", &inkom, "handlaggare").await;

    // The form says the default: six weeks for support at home, from the start.
    let (_, form) = hl.get(&format!("/arenden/{a}/steg/inled-utredning")).await;
    let forval =
        lots_domain::frister::beslut_vantas(idag, &[lots_domain::insats::InsatsTyp::StodIBoendet])
            .unwrap();
    assert!(
        form.contains(&format!("Inleds utredningen i dag blir det {forval}.")),
        "{}",
        utdrag(&form)
    );
    // A day not after the start, or past the six months of FL 12 §, is refused.
    for (dagen, fel) in [
        (idag.to_string(), "måste vara efter att utredningen inleds"),
        (
            (idag + Duration::days(200)).to_string(),
            "mer än sex månader efter att ärendet kom in",
        ),
    ] {
        let (s, _, body) = hl
            .post(
                &format!("/arenden/{a}/steg/inled-utredning"),
                &[("datum", &idag.to_string()), ("beslut_vantas", &dagen)],
            )
            .await;
        assert_eq!(s, 422, "{dagen}");
        assert!(body.contains(fel), "{fel}: {}", utdrag(&body));
    }
    assert!(
        app.arende(&a).await.utredning_inledd.is_none(),
        "nothing stored"
    );

    let vantas = idag + Duration::days(30);
    hl.steg(
        &a,
        "inled-utredning",
        &[
            ("datum", &idag.to_string()),
            ("beslut_vantas", &vantas.to_string()),
        ],
    )
    .await;
    let arende = app.arende(&a).await;
    assert_eq!(arende.beslut_vantas, Some(vantas));
    assert_eq!(
        drojsmal(&arende),
        vec![vantas - Duration::days(7)],
        "the handläggare is warned a week before"
    );
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    let text = format!("Vi räknar med att du får beslut senast {}.", dag(vantas));
    assert!(html.contains(&text), "{}", utdrag(&html));
    let (_, html) = k.get("/mina-sidor").await;
    assert!(html.contains(&text), "on the overview too");
    // The staff's timeline says what the person was told.
    let (_, sida) = hl.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains(&format!(
        "Den enskilde kan vänta sig beslut senast {vantas}."
    )));

    // FL 11 §: the notice, why and the new day, is a step in the case's history.
    let nytt = idag + Duration::days(60);
    hl.steg(
        &a,
        "drojsmal",
        &[
            ("datum", &idag.to_string()),
            ("skal", "Vi väntar på ett läkarintyg."),
            ("nytt_datum", &nytt.to_string()),
            ("satt", "brev"),
        ],
    )
    .await;
    assert!(handelsetyper(&app, &a).await.contains(&"drojsmal_meddelat"));
    assert_eq!(
        drojsmal(&app.arende(&a).await),
        vec![nytt - Duration::days(7)]
    );
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    for text in [
        format!(
            "Beslutet dröjer. Nämnden räknar med att besluta senast {}.",
            dag(nytt)
        ),
        "Skälet: Vi väntar på ett läkarintyg.".to_string(),
    ] {
        assert!(html.contains(&text), "{text}: {}", utdrag(&html));
    }
    assert_eq!(
        html.matches("Vi räknar med att du får beslut senast")
            .count(),
        1,
        "the first day stays on the timeline only"
    );

    // Without a day of the handläggare's: the default, and once it has passed the person
    // reads that the decision is late, with how to reach the enhet.
    let b = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    hl.steg(&b, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    assert_eq!(
        app.arende(&b).await.beslut_vantas,
        Some(time::macros::date!(2026 - 04 - 14)),
        "six weeks"
    );
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{b}")).await;
    assert!(
        html.contains("Du skulle ha fått beslut senast 14 april 2026. Det har inte kommit."),
        "{}",
        utdrag(&html)
    );
    assert!(html.contains("href=\"#kontakt\""));
}
pa_bada!(nar_beslutet_vantas);

/// A running insats reads as what it is, with the provider and its contact person; the
/// decision page says whom to ask about the decision.
async fn pagaende_insats(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let sf = app.klient("systemforvaltare").await;
    let (s, body) = satt_kontakt(
        &sf,
        &app.org.utforare_enhet.to_string(),
        &[
            ("kontaktperson", "Kim Lund"),
            ("telefon", "0480-11 22 33"),
            ("telefontider", "Vardagar 8–16"),
        ],
    )
    .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
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
    let beslut =
        crate::behorighet::bestall_till(&app, &hl, &a, &app.org.utforare_enhet.to_string(), &[])
            .await;
    let k = medborgare(&app, "19850505-1238").await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    assert!(
        html.contains("Nämnden har fattat beslut."),
        "ordered, not begun"
    );
    hl.steg(
        &a,
        "verkstallighet-start",
        &[("beslut", &beslut), ("datum", "2026-04-27")],
    )
    .await;
    let (_, html) = k.get(&format!("/mina-sidor/arenden/{a}")).await;
    for text in [
        "Du går i behandling sedan 27 april 2026.",
        "Öppenvården ger stödet",
        "Kim Lund",
        "0480-11 22 33",
        "Vardagar 8–16",
    ] {
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
    }
    assert!(!html.contains("Nämnden har fattat beslut."));
    let (_, html) = k.get("/mina-sidor").await;
    assert!(html.contains("Du går i behandling sedan 27 april 2026."));
    // The decision page: whom to ask. Vuxenenheten has set nothing, and says so.
    let (_, html) = k
        .get(&format!("/mina-sidor/arenden/{a}/beslut/{beslut}"))
        .await;
    for text in [
        "Har du frågor om beslutet?",
        "Vuxenenheten missbruk",
        "Här finns inget nummer ännu.",
    ] {
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
    }
    assert!(html.contains("SN 2026/"), "the diarienummer to quote");
}
pa_bada!(pagaende_insats);

/// A refusal from the domain reaches the person in their own words and language, never the
/// staff's wording with its sections of law.
async fn avvisning_med_personens_ord(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, "19850505-1238", "Dana", "Ek").await;
    let b = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let k = medborgare(&app, "19850505-1238").await;
    let (s, _, _) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 303);
    let (s, _, body) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 400);
    assert!(
        body.contains("Det går bara en gång i varje ärende"),
        "{}",
        utdrag(&body)
    );
    assert!(!body.contains("FL 12 §"), "{}", utdrag(&body));
    k.get("/mina-sidor/sprak/en").await;
    let (s, _, body) = k
        .post(&format!("/mina-sidor/arenden/{b}/begar-avgorande"), &[])
        .await;
    assert_eq!(s, 400);
    assert!(
        body.contains("You can do it only once in each case"),
        "{}",
        utdrag(&body)
    );
    assert!(!body.contains("begäran"), "{}", utdrag(&body));
}
pa_bada!(avvisning_med_personens_ord);
