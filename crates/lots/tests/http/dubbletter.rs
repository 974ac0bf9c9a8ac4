//! Issue 20, item 2: registering without duplicates. A new ansökan for a person
//! with an open case the user may see warns and offers to add the insats to that
//! case; a number searched and not found carries into "Registrera person"; a name
//! is found folded and by sound, exact hits first; and none of it tells a user
//! about a case or a person hidden from them.

use lots_domain::identitet::Identitet;
use lots_domain::ids::PersonId;
use lots_domain::insats::InsatsTyp;
use lots_store::Person;

use crate::hjalp::*;
use crate::pa_bada;

/// A valid personnummer born `fodd` (YYYYMMDD) with serial `nnn`, by its check digit (Luhn).
fn nummer(fodd: &str, nnn: u32) -> String {
    let bas = format!("{}{nnn:03}", &fodd[2..]);
    let summa: u32 = bas
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap() * if i % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    format!("{fodd}-{nnn:03}{}", (10 - summa % 10) % 10)
}

async fn ansok(
    k: &Klient,
    person: &str,
    insats: &str,
    enhet: &str,
    handlaggare: &str,
    anda: bool,
) -> (u16, Option<String>, String) {
    let mut falt = vec![
        ("inkom", "2026-03-05"),
        ("kanal", "telefon"),
        ("insatser", insats),
        ("beskrivning", "Vill ha en kontaktperson att prata med."),
        ("enhet", enhet),
        ("handlaggare", handlaggare),
    ];
    if anda {
        falt.push(("registrera_anda", "ja"));
    }
    k.post(
        &format!("/personer/{person}/arenden/nytt?typ=ansokan"),
        &falt,
    )
    .await
}

async fn antal_arenden(app: &TestApp, person: &str) -> usize {
    app.store
        .arenden()
        .personens_arenden(app.org.kommun, person.parse().unwrap())
        .await
        .unwrap()
        .len()
}

async fn dubblettvarning(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let missbruk = app.org.missbruk.to_string();
    let ekonomi = app.org.ekonomi.to_string();
    let hl_id = app.org.anv("handlaggare").id.to_string();
    let p = registrera_person(&hl, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "handlaggare",
    )
    .await;

    // Arriving at the form: the open case in the user's own enhet is named.
    let (s, html) = hl
        .get(&format!("/personer/{p}/arenden/nytt?typ=ansokan"))
        .await;
    assert_eq!(s, 200);
    assert!(
        html.contains("Personen har redan ett öppet ärende"),
        "{html}"
    );
    assert!(html.contains(&format!("href=\"/arenden/{a}\"")));
    assert!(html.contains(&format!("/arenden/{a}/steg/ansok-insats")));
    assert!(html.contains("Öppenvårdsbehandling vid missbruk"));
    assert!(html.contains("name=\"registrera_anda\""));
    // An anmälan is not an ansökan for an insats: no warning.
    let (_, html) = hl
        .get(&format!("/personer/{p}/arenden/nytt?typ=anmalan"))
        .await;
    assert!(!html.contains("Personen har redan"));

    // Saving a new ansökan at the same enhet: not stored, the warning with what was typed.
    let (s, _, html) = ansok(&hl, &p, "kontaktperson", &missbruk, &hl_id, false).await;
    assert_eq!(s, 409, "{}", utdrag(&html));
    assert!(html.contains(&format!("href=\"/arenden/{a}\"")));
    assert!(html.contains("Vill ha en kontaktperson att prata med."));
    assert!(html.contains("value=\"telefon\" checked"));
    assert_eq!(antal_arenden(&app, &p).await, 1, "nothing stored");
    // The offer to add the insats to the open case, with the day and channel typed.
    let lagg_till = format!("action=\"/arenden/{a}/steg/ansok-insats\"");
    assert!(html.contains(&lagg_till), "{html}");
    assert!(html.contains("name=\"insats\" value=\"kontaktperson\""));
    assert!(html.contains("name=\"datum\" value=\"2026-03-05\""));
    assert!(html.contains("name=\"kanal\" value=\"telefon\""));
    assert!(html.contains("Lägg till ansökan om Kontaktperson i ärende"));
    // A mistake in the form keeps the warning and the tick.
    let (s, _, html) = hl
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", ""),
                ("kanal", "telefon"),
                ("insatser", "kontaktperson"),
                ("enhet", &missbruk),
                ("registrera_anda", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(html.contains(&format!("href=\"/arenden/{a}\"")));
    assert!(html.contains("name=\"registrera_anda\" value=\"ja\" checked"));
    assert_eq!(antal_arenden(&app, &p).await, 1);

    // Adding the insats to the open case instead, as the button posts it.
    hl.steg(
        &a,
        "ansok-insats",
        &[
            ("insats", "kontaktperson"),
            ("datum", "2026-03-05"),
            ("kanal", "telefon"),
        ],
    )
    .await;
    let arende = app.arende(&a).await;
    assert!(
        arende
            .ansokta
            .iter()
            .any(|(i, _)| *i == InsatsTyp::Kontaktperson)
    );
    assert_eq!(antal_arenden(&app, &p).await, 1);

    // "Registrera ändå som nytt ärende": the new case is stored.
    let (s, plats, html) = ansok(&hl, &p, "stod_i_boendet", &missbruk, &hl_id, true).await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    assert!(plats.unwrap().starts_with("/arenden/"));
    assert_eq!(antal_arenden(&app, &p).await, 2);

    // The same insats in a case at another enhet: named to a user who may see
    // it (here after stating a reason), never to one who may not.
    let q = registrera_person(&hl, "19720101-1231", "Bo", "Berg").await;
    let ekonom = app.klient("ekonom").await;
    let ekonom_id = app.org.anv("ekonom").id.to_string();
    let (s, plats, html) =
        ansok(&ekonom, &q, "forsorjningsstod", &ekonomi, &ekonom_id, false).await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    let b = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    // Not seen by the handläggare at missbruk: a new ansökan for the same insats is
    // stored as if there were no other case, and nothing names it.
    let hl2 = app.klient("handlaggare2").await;
    let hl2_id = app.org.anv("handlaggare2").id.to_string();
    let (s, html) = hl2
        .get(&format!("/personer/{q}/arenden/nytt?typ=ansokan"))
        .await;
    assert_eq!(s, 200);
    assert!(!html.contains(&b) && !html.contains("Personen har redan"));
    let (s, _, html) = ansok(&hl2, &q, "forsorjningsstod", &missbruk, &hl2_id, false).await;
    assert_eq!(s, 303, "{}", utdrag(&html));
    assert!(!html.contains(&b));
    // After a stated reason for that case, the handläggare sees it and is warned
    // about the same insats, without an offer to act in another enhet's case.
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{b}/atkomst"),
            &[
                ("grund", "nodvandigt"),
                ("beskrivning", "Behöver veta vad personen redan sökt."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (s, _, html) = ansok(&hl, &q, "forsorjningsstod", &missbruk, &hl_id, false).await;
    assert_eq!(s, 409, "{}", utdrag(&html));
    assert!(html.contains(&format!("href=\"/arenden/{b}\"")));
    assert!(html.contains("redan ansökt om Ekonomiskt bistånd – försörjningsstöd"));
    assert!(!html.contains(&format!("/arenden/{b}/steg/ansok-insats")));
    // The warning was a read of the case, logged with the reason.
    let loggat: Vec<_> = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT skal FROM granskning WHERE handling = 'arende.dubblett' AND arende = $1",
            &[b.as_str().into()],
        )
        .await
        .unwrap();
    assert!(!loggat.is_empty());
    assert!(loggat.iter().all(|r| r.opt_text("skal").unwrap().is_some()));
}
pa_bada!(dubblettvarning);

/// A protected person's open case is not named to a user without the right,
/// whoever else they may see (they cannot open the person at all).
async fn skyddad_persons_arende_namns_inte(db: Db) {
    let app = TestApp::ny(db).await;
    let hls = app.klient("skyddshandlaggare").await;
    let missbruk = app.org.missbruk.to_string();
    let (s, plats, _) = hls
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", "19720101-1231"),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
                ("skyddad", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let p = plats.unwrap().rsplit('/').next().unwrap().to_owned();
    let a = registrera_ansokan(
        &app,
        &hls,
        &p,
        "kontaktperson",
        "2026-03-02",
        "skyddshandlaggare",
    )
    .await;
    // With the right, in the same enhet: warned.
    let hls_id = app.org.anv("skyddshandlaggare").id.to_string();
    let (s, _, html) = ansok(&hls, &p, "kontaktperson", &missbruk, &hls_id, false).await;
    assert_eq!(s, 409);
    assert!(html.contains(&a));
    // Without it: the person is not there, so neither is the form nor the case.
    for namn in ["handlaggare", "arbetsledare", "registrator"] {
        let k = app.klient(namn).await;
        let (s, html) = k
            .get(&format!("/personer/{p}/arenden/nytt?typ=ansokan"))
            .await;
        assert_eq!(s, 404, "{namn}");
        assert!(!html.contains(&a), "{namn}");
    }
}
pa_bada!(skyddad_persons_arende_namns_inte);

async fn skapa(app: &TestApp, nr: &str, fornamn: &str, efternamn: &str, skyddad: bool) -> PersonId {
    let p = Person {
        id: PersonId::ny(),
        kommun: app.org.kommun,
        identitet: Identitet::tolka(nr, time::macros::date!(2026 - 03 - 01)).unwrap(),
        fornamn: fornamn.into(),
        efternamn: efternamn.into(),
        adress: String::new(),
        skyddad,
    };
    app.store.personer().skapa_person(&p, false).await.unwrap();
    p.id
}

async fn sok(k: &Klient, fraga: &str) -> (u16, String) {
    let (s, _, body) = k.post("/personer/sok", &[("fraga", fraga)]).await;
    (s, body)
}

/// Where in the page the person's link is, if it is there.
fn plats(html: &str, p: PersonId) -> Option<usize> {
    html.find(&format!("href=\"/personer/{p}\""))
}

async fn namnsokning_viker_och_rankar(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let oberg_med_prickar = skapa(&app, &nummer("19500101", 11), "Karin", "Öberg", false).await;
    let oberg = skapa(&app, &nummer("19500101", 22), "Karl", "Oberg", false).await;
    let olsson = skapa(&app, &nummer("19500101", 33), "Lars", "Olsson", false).await;
    let renee = skapa(&app, &nummer("19500101", 44), "Renée", "Åström", false).await;

    // Oberg finds Öberg, after the exact Oberg.
    let (s, html) = sok(&hl, "Oberg").await;
    assert_eq!(s, 200);
    let (exakt, vikt) = (plats(&html, oberg), plats(&html, oberg_med_prickar));
    assert!(exakt.is_some() && vikt.is_some(), "{html}");
    assert!(exakt < vikt, "the exact match first");
    // And the other way: Öberg first, Oberg after.
    let (_, html) = sok(&hl, "öberg").await;
    assert!(plats(&html, oberg_med_prickar) < plats(&html, oberg));
    assert!(plats(&html, oberg).is_some());
    // Both names, folded, and a prefix.
    let (_, html) = sok(&hl, "karin ober").await;
    assert!(plats(&html, oberg_med_prickar).is_some());
    assert!(plats(&html, oberg).is_none(), "Karl is not Karin");
    let (_, html) = sok(&hl, "Renee Astrom").await;
    assert!(plats(&html, renee).is_some(), "{html}");
    // A near miss: Ohlsson finds Olsson, and so does Olson.
    for fraga in ["Ohlsson", "Olson", "lars ohlson"] {
        let (_, html) = sok(&hl, fraga).await;
        assert!(plats(&html, olsson).is_some(), "{fraga}");
    }
    // Three words: every one must be a part of the name, in any order.
    let eva = skapa(&app, &nummer("19500101", 55), "Eva Lisa", "Berg", false).await;
    let (_, html) = sok(&hl, "berg lisa eva").await;
    assert!(plats(&html, eva).is_some(), "{html}");
    let (_, html) = sok(&hl, "eva lisa holm").await;
    assert!(plats(&html, eva).is_none(), "{html}");
    // A different name is not a near miss.
    let (_, html) = sok(&hl, "Ekberg").await;
    assert!(plats(&html, oberg).is_none() && plats(&html, oberg_med_prickar).is_none());
}
pa_bada!(namnsokning_viker_och_rankar);

/// A protected person is never a hit, by name folded or by sound, and does not
/// count toward "refine the search" for a user without the right.
async fn namnsokning_visar_inte_skyddade(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let hls = app.klient("skyddshandlaggare").await;
    for n in 0..20 {
        skapa(&app, &nummer("19600101", 100 + n), "Prov", "Östlund", false).await;
    }
    let skyddad = skapa(&app, &nummer("19600101", 200), "Sam", "Östlund", true).await;
    let ensam = skapa(&app, &nummer("19600101", 201), "Sam", "Ahlgren", true).await;
    for fraga in ["Östlund", "Ostlund", "Östlunnd", "Sam Ostlund"] {
        let (_, html) = sok(&hl, fraga).await;
        assert!(plats(&html, skyddad).is_none(), "{fraga}");
        assert!(!html.contains("Sam Östlund"), "{fraga}");
        assert!(
            !html.contains("Fler än"),
            "{fraga}: the protected person was counted"
        );
    }
    // Twenty visible and one hidden: with the right, all 21 match.
    let (_, html) = sok(&hls, "Ostlund").await;
    assert!(html.contains("Fler än"), "{html}");
    // A name only a protected person has looks like a name nobody has.
    let (_, html) = sok(&hl, "Algren").await;
    let (_, ingen) = sok(&hl, "Alkren").await;
    assert!(plats(&html, ensam).is_none());
    assert_eq!(
        html.replace("Algren", "X"),
        ingen.replace("Alkren", "X"),
        "the same page"
    );
    let (_, html) = sok(&hls, "Algren").await;
    assert!(plats(&html, ensam).is_some(), "{html}");
}
pa_bada!(namnsokning_visar_inte_skyddade);

async fn sokt_nummer_foljer_med(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let hls = app.klient("skyddshandlaggare").await;
    // The search field has focus on arrival, the only field that does.
    let (_, html) = hl.get("/personer/sok").await;
    assert_eq!(html.matches("autofocus").count(), 1);
    assert!(html.contains("id=\"fraga\"") && html.contains("autofocus required"));

    // Nobody has the number: "Registrera person" with it, by a POST (no number in a URL).
    let ledigt = nummer("19800202", 123);
    let (s, html) = sok(&hl, &ledigt).await;
    assert_eq!(s, 200);
    assert!(html.contains("Ingen person hittades"));
    assert!(html.contains("name=\"forifyll\""));
    assert!(html.contains(&format!("name=\"identitet\" value=\"{ledigt}\"")));
    assert!(!html.contains(&format!("?identitet={ledigt}")));
    let (s, _, form) = hl
        .post(
            "/personer/ny",
            &[
                ("forifyll", "ja"),
                ("identitet_typ", "personnummer"),
                ("identitet", &ledigt),
            ],
        )
        .await;
    assert_eq!(s, 200, "{}", utdrag(&form));
    assert!(form.contains(&format!("name=\"identitet\" value=\"{ledigt}\"")));
    assert!(!form.contains("felruta"), "nothing is wrong yet");
    let id = Identitet::tolka(&ledigt, time::macros::date!(2026 - 03 - 01)).unwrap();
    assert!(
        app.store
            .personer()
            .person_med_identitet(app.org.kommun, &id)
            .await
            .unwrap()
            .is_none(),
        "nothing registered"
    );
    // A number that is not one is not carried.
    let (s, _, form) = hl
        .post(
            "/personer/ny",
            &[("forifyll", "ja"), ("identitet", "19800202-0000")],
        )
        .await;
    assert_eq!(s, 200);
    assert!(!form.contains("19800202-0000"));
    // Registered from the carried number.
    let p = registrera_person(&hl, &ledigt, "Nora", "Ny").await;
    let (_, html) = sok(&hl, &ledigt).await;
    assert!(html.contains(&format!("/personer/{p}")));
    assert!(
        !html.contains("name=\"forifyll\""),
        "found: nothing to register"
    );

    // A protected person's number, to a user without the right: the same page as
    // for a number nobody has, and registering it does not say "already exists".
    let skyddat = nummer("19800202", 456);
    skapa(&app, &skyddat, "Sam", "Skyddad", true).await;
    let annat = nummer("19800202", 789);
    let (s1, html) = sok(&hl, &skyddat).await;
    let (s2, ingen) = sok(&hl, &annat).await;
    assert_eq!((s1, s2), (200, 200));
    assert_eq!(html.replace(&skyddat, "X"), ingen.replace(&annat, "X"));
    let (s, _, html) = hl
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", &skyddat),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(!html.contains("finns redan") && !html.contains("Skyddad</"));
    // With the right, the person is found and nothing is offered to register.
    let (_, html) = sok(&hls, &skyddat).await;
    assert!(html.contains("Sam Skyddad") && !html.contains("name=\"forifyll\""));
}
pa_bada!(sokt_nummer_foljer_med);

/// The words stored before migration 0023 get their folded and phonetic keys at
/// `lots migrate`, in batches, and are found by them afterwards.
async fn vikta_nycklar_fylls_vid_migrering(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let oberg = skapa(&app, &nummer("19500101", 11), "Karin", "Öberg", false).await;
    let olsson = skapa(&app, &nummer("19500101", 22), "Lars", "Olsson", false).await;
    // As a database from before 0023 holds them.
    app.store
        .bakdorr()
        .execute("UPDATE personnamn SET bas = '', ljud = ''", &[])
        .await
        .unwrap();
    let (_, html) = sok(&hl, "Oberg").await;
    assert!(plats(&html, oberg).is_none());
    app.store
        .bakdorr()
        .execute(
            "INSERT INTO uppgradering (namn) VALUES ('personnamn_vikning')",
            &[],
        )
        .await
        .unwrap();
    app.store.migrera().await.unwrap();
    let (_, html) = sok(&hl, "Oberg").await;
    assert!(plats(&html, oberg).is_some());
    let (_, html) = sok(&hl, "Ohlsson").await;
    assert!(plats(&html, olsson).is_some());
    let kvar = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT namn FROM uppgradering WHERE namn = 'personnamn_vikning'",
            &[],
        )
        .await
        .unwrap();
    assert!(kvar.is_empty(), "done once");
}
pa_bada!(vikta_nycklar_fylls_vid_migrering);
