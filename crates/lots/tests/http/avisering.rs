//! Aviseringar (issue 19 item 3): the person turns on notifications by e-mail or SMS on
//! Mina sidor with an address confirmed by a code; a step that tells the person leaves
//! a notification in the outbox in its own transaction, which the worker sends after
//! commit to a real SMTP server (the tests' own, `smtp.rs`) or the SMS double; a
//! refused send is tried again and never costs the step; turning off deletes the
//! address and stops what waits. What arrives names nothing of the person or the case.

use std::sync::Arc;

use lots_domain::ids::PersonId;
use lots_domain::insats::InsatsTyp;
use lots_store::Utkorgsrad;

use crate::hjalp::*;
use crate::mina_sidor::{medborgare, syntetisk};
use crate::pa_bada;
use crate::smtp::SmtpMottagare;

const NUMMER: &str = "19850505-1238";
const FRAN: &str = "kommunen@testkommun.example";

/// An app whose e-mail goes to `smtp` and SMS to `sms`, with a person (Dana Ek, synthetic)
/// who has an ansökan of öppenvårdsbehandling: (app, handläggare, person, case).
async fn med_avisering(
    db: Db,
    smtp: &SmtpMottagare,
    sms: &lots_web::avisering::InspeladeSms,
) -> (TestApp, Klient, String, String) {
    let epost = lots_web::avisering::Smtp::ny(&lots_web::avisering::SmtpInstallning {
        vard: "127.0.0.1".into(),
        port: smtp.port,
        tls: lots_web::avisering::SmtpTls::Ingen,
        anvandare: None,
        losenord: None,
        fran: FRAN.into(),
    })
    .unwrap();
    let app = TestApp::med_aviseringar(
        db,
        lots_web::avisering::Avisering {
            epost: Some(Arc::new(epost)),
            sms: Some(Arc::new(sms.clone())),
        },
    )
    .await;
    let hl = app.klient("handlaggare").await;
    let p = syntetisk(&app, NUMMER, "Dana", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    (app, hl, p, a)
}

/// The six digits of a code in a message.
fn kod_i(text: &str) -> String {
    let siffror: Vec<char> = text.chars().collect();
    siffror
        .windows(6)
        .find(|w| w.iter().all(char::is_ascii_digit))
        .map(|w| w.iter().collect())
        .unwrap_or_else(|| panic!("no code in {text}"))
}

async fn utkorg(app: &TestApp, p: &str) -> Vec<Utkorgsrad> {
    let person: PersonId = p.parse().unwrap();
    app.store
        .avisering()
        .utkorg_for_person(app.org.kommun, person)
        .await
        .unwrap()
}

/// Waits (polling, up to a minute) until the person's newest notification satisfies `villkor`.
async fn vanta_pa_utkorg(app: &TestApp, p: &str, villkor: impl Fn(&Utkorgsrad) -> bool) {
    for _ in 0..600 {
        if utkorg(app, p).await.first().is_some_and(&villkor) {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the outbox never got there: {:?}", utkorg(app, p).await);
}

/// Turns on notifications to `adress` by `kanal`, reading the code from `kod` (what the
/// code message said): the client after confirming.
async fn sla_pa(k: &Klient, kanal: &str, adress: &str, kod: impl AsyncFnOnce() -> String) {
    let (s, plats, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", kanal), ("adress", adress)],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    assert_eq!(plats.as_deref(), Some("/mina-sidor/aviseringar?klart=kod"));
    let (_, html) = k.get("/mina-sidor/aviseringar?klart=kod").await;
    assert!(html.contains("Vi har skickat en kod"), "{html}");
    let kod = kod().await;
    let (s, plats, body) = k
        .post("/mina-sidor/aviseringar/kod", &[("kod", &kod)])
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    assert_eq!(plats.as_deref(), Some("/mina-sidor/aviseringar?klart=pa"));
}

/// What no notification may hold: the person's name and number, the case's id and
/// diarienummer, any insats, the social services' units, the handläggare.
async fn personuppgifter(app: &TestApp, a: &str) -> Vec<String> {
    let (rad, _) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let mut ord: Vec<String> = [
        "Dana",
        "Ek ",
        "19850505",
        "850505",
        "1238",
        a,
        &rad.beteckning(),
        "Socialnämnden",
        "socialtjänst",
        "Socialtjänst",
        "Vuxenenheten",
        "missbruk",
        "Öppenvården",
        "handlaggare",
        "Test ",
        "beslut",
        "komplettering",
        "öppenvård",
        "Öppenvård",
        "bistånd",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    for i in InsatsTyp::ALLA {
        ord.push(i.namn().to_owned());
        ord.push(i.namn().to_lowercase());
    }
    ord
}

fn utan_personuppgifter(vad: &str, text: &str, forbjudna: &[String]) {
    for o in forbjudna {
        assert!(!text.contains(o.as_str()), "{vad} contains {o:?}:\n{text}");
    }
}

/// Opt-in by e-mail with verification, a bad address refused, a wrong code refused;
/// two steps that tell the person give one notification, sent after the gathering
/// time to the SMTP server, that says only that something is new.
async fn epost_med_kod_och_en_samlad_avisering(db: Db) {
    let smtp = SmtpMottagare::starta().await;
    let sms = lots_web::avisering::InspeladeSms::default();
    let (app, hl, p, a) = med_avisering(db, &smtp, &sms).await;
    let k = medborgare(&app, NUMMER).await;

    let (s, html) = k.get("/mina-sidor/aviseringar").await;
    assert_eq!(s, 200);
    assert!(html.contains("Få besked när något är nytt"));
    assert!(html.contains("Du får inga mejl eller sms från oss."));
    // The page is in the menu of every Mina sidor page.
    let (_, start) = k.get("/mina-sidor").await;
    assert!(start.contains("href=\"/mina-sidor/aviseringar\""));

    // Bad input: a clear error beside the field, nothing stored, nothing sent.
    let (s, _, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "epost"), ("adress", "dana.exempel.se")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Det ser inte ut som en mejladress"),
        "{}",
        utdrag(&body)
    );
    let (s, _, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "brevduva"), ("adress", "dana@exempel.se")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Välj mejl eller sms."));
    let person: PersonId = p.parse().unwrap();
    assert_eq!(
        app.store
            .avisering()
            .val(app.org.kommun, person)
            .await
            .unwrap(),
        None
    );

    // A good address: the code arrives by e-mail; a wrong code is refused, the right one
    // turns notifications on.
    let smtp2 = smtp.clone();
    let kk = &k;
    sla_pa(&k, "epost", "Dana.Ek@Exempel.se", async move || {
        let brev = smtp2.vanta_pa(1).await;
        assert_eq!(brev[0].till, vec!["Dana.Ek@exempel.se".to_owned()]);
        assert_eq!(brev[0].fran, FRAN);
        assert_eq!(brev[0].amne, "Din kod till Mina sidor");
        let kod = kod_i(&brev[0].text);
        // A wrong code first: refused, with the tries left.
        let fel = if kod == "123456" { "654321" } else { "123456" };
        let (s, _, body) = kk
            .post("/mina-sidor/aviseringar/kod", &[("kod", fel)])
            .await;
        assert_eq!(s, 422);
        assert!(
            body.contains("Koden stämmer inte. Du kan försöka 4 gånger till."),
            "{}",
            utdrag(&body)
        );
        kod
    })
    .await;
    assert!(sms.skickade().is_empty(), "e-mail only");
    let (_, html) = k.get("/mina-sidor/aviseringar?klart=pa").await;
    assert!(html.contains("Nu får du besked när något är nytt."));
    assert!(html.contains("Vi skickar mejl till Dana.Ek@exempel.se."));
    assert!(utkorg(&app, &p).await.is_empty(), "nothing to tell yet");

    // The handläggare writes a message and asks for documents: one notification waits.
    hl.steg(
        &a,
        "meddelande",
        &[(
            "text",
            "Hej Dana! Vi behöver ditt kontoutdrag för öppenvårdsbehandlingen.",
        )],
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
    let rader = utkorg(&app, &p).await;
    assert_eq!(rader.len(), 1, "two steps, one notification: {rader:?}");
    assert_eq!(rader[0].status, "vantar");
    assert_eq!(rader[0].forsok, 0, "not sent within the gathering time");
    // A step that is not news for the person tells nothing more.
    hl.steg(
        &a,
        "journal",
        &[("datum", "2026-03-03"), ("text", "Ringde Dana.")],
    )
    .await;
    assert_eq!(utkorg(&app, &p).await.len(), 1);

    // After the gathering time the worker sends it.
    app.klocka.spola_fram(time::Duration::minutes(6));
    let brev = smtp.vanta_pa(2).await;
    vanta_pa_utkorg(&app, &p, |r| r.status == "skickad").await;
    let n = &brev[1];
    assert_eq!(n.fran, FRAN);
    assert_eq!(n.till, vec!["Dana.Ek@exempel.se".to_owned()]);
    assert_eq!(n.amne, "Nytt på Mina sidor");
    assert!(
        n.text
            .contains("Det finns något nytt för dig på Mina sidor."),
        "{}",
        n.text
    );
    let forbjudna = personuppgifter(&app, &a).await;
    utan_personuppgifter("the notification", &n.text, &forbjudna);
    utan_personuppgifter("the notification's subject", &n.amne, &forbjudna);
    // Nor anywhere in the message as sent (headers, encoded body) but the address itself.
    // (Message-ID and Date are random and the clock's: left out, not to match by chance.)
    let som_skickat: String = n
        .data
        .lines()
        .filter(|l| !l.starts_with("Message-ID:") && !l.starts_with("Date:"))
        .collect::<Vec<_>>()
        .join("\n")
        .replace("Dana.Ek@exempel.se", "");
    utan_personuppgifter("the message as sent", &som_skickat, &forbjudna);
    let rad = &utkorg(&app, &p).await[0];
    assert_eq!(
        (rad.forsok, rad.kanal.as_deref(), rad.utfall.as_deref()),
        (1, Some("epost"), Some("skickad"))
    );
    assert_eq!(smtp.brev().len(), 2, "the code and one notification");
    app.kontrollera_invarianter().await;
}
pa_bada!(epost_med_kod_och_en_samlad_avisering);

/// A mail server that refuses: the step is stored all the same, the failure recorded,
/// and the notification tried again after the wait and delivered.
async fn misslyckad_sandning_provas_igen(db: Db) {
    let smtp = SmtpMottagare::starta().await;
    let sms = lots_web::avisering::InspeladeSms::default();
    let (app, hl, p, a) = med_avisering(db, &smtp, &sms).await;
    let k = medborgare(&app, NUMMER).await;
    let smtp2 = smtp.clone();
    sla_pa(&k, "epost", "dana@exempel.se", async move || {
        kod_i(&smtp2.vanta_pa(1).await[0].text)
    })
    .await;

    // The server is away (451 to everything until told otherwise).
    smtp.avvisa_nasta(usize::MAX);
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{a}/steg/meddelande"),
            &[("text", "Du har fått en tid.")],
        )
        .await;
    assert_eq!(s, 303, "the step is taken whatever the mail server does");
    assert!(
        handelsetyper(&app, &a)
            .await
            .contains(&"meddelande_skickat")
    );
    app.klocka.spola_fram(time::Duration::minutes(6));
    vanta_pa_utkorg(&app, &p, |r| r.utfall.is_some() && r.status == "vantar").await;
    let rad = &utkorg(&app, &p).await[0];
    assert_eq!(rad.utfall.as_deref(), Some("SMTP 451"), "{rad:?}");
    // Not tried again before its time: the attempts stop at one however long the worker runs.
    assert_eq!(smtp.brev().len(), 1, "only the code arrived");

    // The server is back; after the wait (one minute after the first failure) it arrives.
    smtp.avvisa_nasta(0);
    app.klocka.spola_fram(time::Duration::minutes(2));
    let brev = smtp.vanta_pa(2).await;
    assert_eq!(brev[1].amne, "Nytt på Mina sidor");
    vanta_pa_utkorg(&app, &p, |r| r.status == "skickad").await;
    let rad = &utkorg(&app, &p).await[0];
    assert_eq!(rad.forsok, 2, "{rad:?}");
    // The step is there, once.
    assert_eq!(
        handelsetyper(&app, &a)
            .await
            .iter()
            .filter(|t| **t == "meddelande_skickat")
            .count(),
        1
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(misslyckad_sandning_provas_igen);

/// SMS through the provider interface (the test double records what would be sent);
/// turning off deletes the number, stops what waits and writes nothing more.
async fn sms_och_avstangning(db: Db) {
    let smtp = SmtpMottagare::starta().await;
    let sms = lots_web::avisering::InspeladeSms::default();
    let (app, hl, p, a) = med_avisering(db, &smtp, &sms).await;
    let k = medborgare(&app, NUMMER).await;

    let (s, _, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "sms"), ("adress", "08-123 456 78")],
        )
        .await;
    assert_eq!(s, 422, "a landline is no mobile number");
    assert!(body.contains("svenskt mobilnummer"));
    let sms2 = sms.clone();
    sla_pa(&k, "sms", "070-123 45 67", async move || {
        let s = sms2.skickade();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "+46701234567");
        kod_i(&s[0].1)
    })
    .await;
    // A new code to the same person is not sent again at once (nobody floods a phone).
    let (s, _, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "sms"), ("adress", "070-765 43 21")],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (s, _, body) = k
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "sms"), ("adress", "070-765 43 21")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Vänta en minut"));
    assert_eq!(sms.skickade().len(), 2);
    // Wrong codes: refused, with the tries left; the confirmed number stays in use.
    let ny_kod = kod_i(&sms.skickade()[1].1);
    let fel = if ny_kod == "111111" {
        "222222"
    } else {
        "111111"
    };
    let (s, _, body) = k.post("/mina-sidor/aviseringar/kod", &[("kod", fel)]).await;
    assert_eq!(s, 422);
    assert!(body.contains("Koden stämmer inte. Du kan försöka 4 gånger till."));
    let (s, _, body) = k
        .post("/mina-sidor/aviseringar/kod", &[("kod", "12")])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Koden har sex siffror."));
    let (_, html) = k.get("/mina-sidor/aviseringar").await;
    assert!(html.contains("Vi skickar sms till +46701234567."), "{html}");

    // A decision-related step: the SMS goes to the confirmed number, without personal data.
    hl.steg(
        &a,
        "meddelande",
        &[(
            "text",
            "Beslutet om öppenvårdsbehandling kommer i nästa vecka.",
        )],
    )
    .await;
    app.klocka.spola_fram(time::Duration::minutes(6));
    vanta_pa_utkorg(&app, &p, |r| r.status == "skickad").await;
    let skickade = sms.skickade();
    assert_eq!(skickade.len(), 3);
    assert_eq!(skickade[2].0, "+46701234567");
    utan_personuppgifter("the SMS", &skickade[2].1, &personuppgifter(&app, &a).await);

    // One waits when the person turns notifications off: it is not sent.
    hl.steg(&a, "meddelande", &[("text", "En fråga till.")])
        .await;
    assert_eq!(utkorg(&app, &p).await[0].status, "vantar");
    let (s, plats, _) = k.post("/mina-sidor/aviseringar/stang-av", &[]).await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/mina-sidor/aviseringar?klart=av"))
    );
    let rad = &utkorg(&app, &p).await[0];
    assert_eq!(rad.status, "avbruten", "{rad:?}");
    let person: PersonId = p.parse().unwrap();
    assert_eq!(
        app.store
            .avisering()
            .val(app.org.kommun, person)
            .await
            .unwrap(),
        None,
        "the number is deleted"
    );
    let (_, html) = k.get("/mina-sidor/aviseringar?klart=av").await;
    assert!(html.contains("Du får inga mejl eller sms från oss."));
    assert!(!html.contains("+46701234567"));
    // Later steps write nothing for the person.
    hl.steg(&a, "meddelande", &[("text", "Och en till.")]).await;
    assert_eq!(utkorg(&app, &p).await.len(), 2);
    app.klocka.spola_fram(time::Duration::minutes(6));
    assert_eq!(sms.skickade().len(), 3);
    assert_eq!(utkorg(&app, &p).await[0].status, "avbruten");
}
pa_bada!(sms_och_avstangning);

/// An ombud acting for the person may not choose where the person's notifications go.
async fn ombud_valjer_inte(db: Db) {
    let smtp = SmtpMottagare::starta().await;
    let sms = lots_web::avisering::InspeladeSms::default();
    let (app, _hl, _p, _a) = med_avisering(db, &smtp, &sms).await;
    let k = medborgare(&app, NUMMER).await;
    // Dana gives a fullmakt to Olle (synthetic, so the test login opens him).
    syntetisk(&app, "19600606-1235", "Olle", "Ombud").await;
    let (s, _, body) = k
        .post(
            "/mina-sidor/fullmakter",
            &[
                ("nummer", "19600606-1235"),
                ("namn", "Olle Ombud"),
                ("omfattning", "fora_talan"),
                ("giltig_till", ""),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (ombud, _) = crate::mina_sidor::som_ombud(&app, "196006061235", "Dana Ek").await;
    let (s, _) = ombud.get("/mina-sidor/aviseringar").await;
    assert_eq!(s, 403);
    let (s, _, _) = ombud
        .post(
            "/mina-sidor/aviseringar",
            &[("kanal", "epost"), ("adress", "olle@exempel.se")],
        )
        .await;
    assert_eq!(s, 403);
    assert!(smtp.brev().is_empty() && sms.skickade().is_empty());
}
pa_bada!(ombud_valjer_inte);
