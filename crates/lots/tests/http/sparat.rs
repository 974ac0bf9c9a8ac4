//! Issue 20, item 1: nothing typed is lost. A journal entry posted after the session ended
//! is kept for its writer, the login page says so, and after the next login the form comes
//! back filled; nobody else can take it, it is taken once, and a post that does not carry
//! the ended session's own token is not kept.

use crate::hjalp::*;
use crate::pa_bada;

const TEXT: &str = "Långt samtal med Anna om boendet. Hon vill flytta närmare sin syster.";

async fn inget_skrivet_forsvinner(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = registrera_person(&hl, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let steg = format!("/arenden/{a}/steg/journal");

    // The session ends while the entry is written (idle for longer than the session lives).
    app.klocka.spola_fram(time::Duration::minutes(45));
    let (s, plats, _) = hl
        .post(&steg, &[("datum", "2026-03-03"), ("text", TEXT)])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in?sparat=1")));
    assert!(!handelsetyper(&app, &a).await.contains(&"journal_antecknad"));
    let (_, inloggning) = Klient::ny(&app.url).get("/logga-in?sparat=1").await;
    assert!(
        inloggning.contains("det du skrev är sparat"),
        "{}",
        utdrag(&inloggning)
    );

    // Someone else logging in finds nothing of it, not even by its link.
    let al = Klient::ny(&app.url);
    let (s, plats, _) = al.logga_in("arbetsledare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/")));

    // The writer logs in again and is taken to it.
    let ny = Klient::ny(&app.url);
    let (s, plats, _) = ny.logga_in("handlaggare", LOSENORD).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/sparade-formular")));
    let (s, lista) = ny.get("/sparade-formular").await;
    assert_eq!(s, 200);
    assert!(lista.contains(TEXT), "{}", utdrag(&lista));
    let lank = lista
        .split("href=\"")
        .filter_map(|d| d.split('"').next())
        .find(|h| h.contains("?aterstall="))
        .expect("a link back to the form")
        .to_owned();
    assert!(lank.starts_with(&steg), "{lank}");
    let al = app.klient("arbetsledare").await;
    let (_, sida) = al.get(&lank).await;
    assert!(
        !sida.contains(TEXT),
        "another user's kept form: {}",
        utdrag(&sida)
    );

    let (s, form) = ny.get(&lank).await;
    assert_eq!(s, 200);
    assert!(form.contains(TEXT), "{}", utdrag(&form));
    assert!(form.contains("Det du skrev innan du blev utloggad är tillbaka"));
    // Taken once: the link gives an empty form the second time, and the list is empty.
    let (_, igen) = ny.get(&lank).await;
    assert!(!igen.contains(TEXT));
    let (_, lista) = ny.get("/sparade-formular").await;
    assert!(!lista.contains(TEXT));
    // Saved from the form as it came back.
    let csrf = csrf_i(&form).expect("the form's token");
    let (s, _, _) = ny
        .post_utan_csrf(
            &steg,
            &[("datum", "2026-03-03"), ("text", TEXT), ("_csrf", &csrf)],
        )
        .await;
    assert_eq!(s, 303);
    assert!(handelsetyper(&app, &a).await.contains(&"journal_antecknad"));

    // A post after the session ended without the session's own token (a page from elsewhere)
    // is not kept for the user.
    app.klocka.spola_fram(time::Duration::minutes(45));
    let (s, plats, _) = ny
        .post_utan_csrf(
            &steg,
            &[
                ("datum", "2026-03-03"),
                ("text", "Planterad text"),
                ("_csrf", "fel"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));
    let igen = Klient::ny(&app.url);
    let (_, _, _) = igen.logga_in("handlaggare", LOSENORD).await;
    let (_, lista) = igen.get("/sparade-formular").await;
    assert!(!lista.contains("Planterad text"), "{}", utdrag(&lista));
}
pa_bada!(inget_skrivet_forsvinner);

const UTKAST: &str = "Första delen av en lång anteckning om Annas boende och hennes egna mål.";

/// The draft's id in a redirect or link (`?utkast=`).
fn utkast_id(plats: &str) -> String {
    plats
        .split("utkast=")
        .nth(1)
        .and_then(|x| x.split('&').next())
        .expect("a draft's id")
        .to_owned()
}

/// Issue 20, item 1: a long text can be saved as a draft. Saving validates nothing and
/// records nothing in the case; the form says there is a draft and restores or deletes it;
/// the user's list has it; saving again from the restored draft updates it; the step taken
/// from it deletes it. Another handläggare of the same enhet sees, takes, overwrites and
/// deletes none of it.
async fn utkast_sparas_aterstalls_och_tas_bort(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = registrera_person(&hl, "19640823-3234", "Anna", "Ek").await;
    // A case of the enhet that another handläggare has: both may take its steps.
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare2").await;
    let steg = format!("/arenden/{a}/steg/journal");
    let fore = handelsetyper(&app, &a).await;

    // The forms with a long text have the second button; others do not.
    let (s, form) = hl.get(&steg).await;
    assert_eq!(s, 200);
    assert!(form.contains(&format!("formaction=\"{steg}/utkast\"")));
    assert!(form.contains("Spara utkast"));
    assert!(!form.contains("Du har ett utkast sparat"));
    for kod in ["livsomrade", "bedom-utredning", "beslut"] {
        let (_, f) = hl.get(&format!("/arenden/{a}/steg/{kod}")).await;
        assert!(
            f.contains(&format!("formaction=\"/arenden/{a}/steg/{kod}/utkast\"")),
            "{kod}"
        );
    }
    let (_, f) = hl.get(&format!("/arenden/{a}/steg/forhandsbedom")).await;
    assert!(!f.contains("Spara utkast"));
    let (s, _, _) = hl
        .post(
            &format!("/arenden/{a}/steg/forhandsbedom/utkast"),
            &[("skal", "x")],
        )
        .await;
    assert_eq!(s, 404, "no drafts of a step without a long text");

    // Saved without a date: nothing is validated, nothing happens in the case.
    let (s, plats, _) = hl
        .post(
            &format!("{steg}/utkast"),
            &[("datum", ""), ("text", UTKAST)],
        )
        .await;
    assert_eq!(s, 303);
    let plats = plats.expect("back to the form");
    assert!(
        plats.starts_with(&format!("{steg}?utkast=")) && plats.ends_with("&sparat=1"),
        "{plats}"
    );
    assert_eq!(handelsetyper(&app, &a).await, fore);
    let id = utkast_id(&plats);
    let (s, sparad) = hl.get(&plats).await;
    assert_eq!(s, 200);
    assert!(sparad.contains(UTKAST), "{}", utdrag(&sparad));
    assert!(sparad.contains("Utkastet är sparat"));
    assert!(sparad.contains(&format!("name=\"_utkast\" value=\"{id}\"")));

    // Opened again days later (a new login): it says so, with restore and delete.
    app.klocka.spola_fram(time::Duration::days(2));
    let hl = app.klient("handlaggare").await;
    let (_, tom) = hl.get(&steg).await;
    assert!(tom.contains("Du har ett utkast sparat"), "{}", utdrag(&tom));
    assert!(!tom.contains(UTKAST));
    assert!(tom.contains(&format!("name=\"utkast\" value=\"{id}\"")));
    assert!(tom.contains(&format!("/sparade-formular/{id}/ta-bort")));
    let (_, aterstalld) = hl.get(&format!("{steg}?utkast={id}")).await;
    assert!(aterstalld.contains(UTKAST));
    assert!(aterstalld.contains("är återställt"));
    // The user's list has it, with the case's person (a read, logged).
    let (_, lista) = hl.get("/sparade-formular").await;
    assert!(
        lista.contains("Skriv journalanteckning: Anna Ek"),
        "{}",
        utdrag(&lista)
    );
    assert!(lista.contains(&format!("{steg}?utkast={id}")));
    assert!(
        !lista.contains(UTKAST),
        "the text is shown only on its form"
    );
    // A draft does not send the login to the list: that is for forms kept across a logout.
    let ny = Klient::ny(&app.url);
    let (_, plats, _) = ny.logga_in("handlaggare", LOSENORD).await;
    assert_eq!(plats.as_deref(), Some("/"));

    // Another handläggare of the enhet sees none of it, by any way in.
    let hl2 = app.klient("handlaggare2").await;
    let (_, f2) = hl2.get(&steg).await;
    assert!(!f2.contains("Du har ett utkast sparat"));
    let (_, f2) = hl2.get(&format!("{steg}?utkast={id}")).await;
    assert!(
        !f2.contains(UTKAST),
        "another user's draft: {}",
        utdrag(&f2)
    );
    assert!(f2.contains("Utkastet finns inte längre"));
    let (_, l2) = hl2.get("/sparade-formular").await;
    assert!(!l2.contains(&id));
    assert!(l2.contains("Du har inga sparade utkast"));
    let (s, plats, _) = hl2
        .post(
            &format!("/sparade-formular/{id}/ta-bort"),
            &[("till", "formular")],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/sparade-formular")));
    // Saving with its id keeps a draft of their own, and the step taken with it leaves it be.
    let (_, plats, _) = hl2
        .post(
            &format!("{steg}/utkast"),
            &[("text", "Min egen text."), ("_utkast", &id)],
        )
        .await;
    let id_hl2 = utkast_id(&plats.expect("their own draft"));
    assert_ne!(id_hl2, id);
    hl2.steg(
        &a,
        "journal",
        &[
            ("datum", "2026-03-03"),
            ("text", "Min egen text."),
            ("_utkast", &id),
        ],
    )
    .await;
    let (_, igen) = hl.get(&format!("{steg}?utkast={id}")).await;
    assert!(igen.contains(UTKAST), "{}", utdrag(&igen));
    assert!(!igen.contains("Min egen text."));

    // Saved again from the restored form: the same draft, updated.
    let langre = format!("{UTKAST} Andra delen: hon har fått en lägenhet.");
    let (_, plats, _) = hl
        .post(
            &format!("{steg}/utkast"),
            &[("datum", "2026-03-03"), ("text", &langre), ("_utkast", &id)],
        )
        .await;
    assert_eq!(utkast_id(&plats.unwrap()), id);
    // One from a fresh form is kept beside it, never over it.
    let (_, plats, _) = hl
        .post(
            &format!("{steg}/utkast"),
            &[("datum", "2026-03-03"), ("text", "Ett annat utkast.")],
        )
        .await;
    let id2 = utkast_id(&plats.unwrap());
    assert_ne!(id2, id);
    let (_, tva) = hl.get(&steg).await;
    assert_eq!(tva.matches("Du har ett utkast sparat").count(), 2);
    // Deleted from the form: back to it, one left.
    let (s, plats, _) = hl
        .post(
            &format!("/sparade-formular/{id2}/ta-bort"),
            &[("till", "formular")],
        )
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some(&*format!("{steg}?borttaget=1")))
    );
    let (_, en) = hl.get(&format!("{steg}?borttaget=1")).await;
    assert!(en.contains("Utkastet är borttaget"));
    assert_eq!(en.matches("Du har ett utkast sparat").count(), 1);

    // The step taken from the draft: stored, and the draft is gone.
    let antal = |h: &[&str]| h.iter().filter(|x| **x == "journal_antecknad").count();
    let innan = antal(&handelsetyper(&app, &a).await);
    hl.steg(
        &a,
        "journal",
        &[("datum", "2026-03-03"), ("text", &langre), ("_utkast", &id)],
    )
    .await;
    assert_eq!(antal(&handelsetyper(&app, &a).await), innan + 1);
    let (_, efter) = hl.get(&steg).await;
    assert!(
        !efter.contains("Du har ett utkast sparat"),
        "{}",
        utdrag(&efter)
    );
    let (_, lista) = hl.get("/sparade-formular").await;
    assert!(
        lista.contains("Du har inga sparade utkast"),
        "{}",
        utdrag(&lista)
    );
    // HL2's own draft is still theirs.
    let (_, l2) = hl2.get("/sparade-formular").await;
    assert!(l2.contains(&id_hl2));

    // A draft larger than any form is refused, and nothing is kept.
    let stor = "å".repeat(20_000);
    let mut falt: Vec<(&str, &str)> = (0..14).map(|_| ("text", stor.as_str())).collect();
    falt.push(("datum", "2026-03-03"));
    let (s, _, sida) = hl.post(&format!("{steg}/utkast"), &falt).await;
    assert_eq!(s, 413);
    assert!(sida.contains("Utkastet är för stort"), "{}", utdrag(&sida));
    let (_, lista) = hl.get("/sparade-formular").await;
    assert!(lista.contains("Du har inga sparade utkast"));

    // "Spara utkast" after the session ended: kept like any form, and back on the step's form.
    app.klocka.spola_fram(time::Duration::minutes(45));
    let (s, plats, _) = hl
        .post(&format!("{steg}/utkast"), &[("text", "Skrivet för länge.")])
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in?sparat=1")));
    let igen = Klient::ny(&app.url);
    let (_, plats, _) = igen.logga_in("handlaggare", LOSENORD).await;
    assert_eq!(plats.as_deref(), Some("/sparade-formular"));
    let (_, lista) = igen.get("/sparade-formular").await;
    assert!(
        lista.contains(&format!("{steg}?aterstall=")),
        "{}",
        utdrag(&lista)
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(utkast_sparas_aterstalls_och_tas_bort);

/// A user who has lost access to the case gets the normal refusal when restoring their
/// draft, and their list no longer names the case's person; they can still delete it. A
/// draft expires after 30 days.
async fn utkast_utan_atkomst_och_nar_det_gatt_ut(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let p = registrera_person(&hl, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare2").await;
    let steg = format!("/arenden/{a}/steg/journal");
    let (_, plats, _) = hl
        .post(&format!("{steg}/utkast"), &[("text", UTKAST)])
        .await;
    let id = utkast_id(&plats.expect("saved"));
    let (_, plats, _) = hl
        .post(&format!("{steg}/utkast"), &[("text", "Ett andra utkast.")])
        .await;
    let id2 = utkast_id(&plats.expect("saved"));

    // The handläggare moves to another enhet: the case is no longer theirs to open freely.
    let mut flyttad = app.org.anv("handlaggare").clone();
    flyttad.enhet = app.org.ekonomi;
    app.store
        .organisation()
        .andra_anvandare(&flyttad)
        .await
        .unwrap();
    let (s, plats) = hl.get_med_plats(&format!("{steg}?utkast={id}")).await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some(&*format!("/arenden/{a}/atkomst"))),
        "the step form's own refusal (inre sekretess)"
    );
    let (s, plats, _) = hl
        .post(
            &format!("{steg}/utkast"),
            &[("text", "x"), ("_utkast", &id)],
        )
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some(&*format!("/arenden/{a}/atkomst")))
    );
    let (_, lista) = hl.get("/sparade-formular").await;
    assert!(!lista.contains("Anna"), "{}", utdrag(&lista));
    assert!(lista.contains("ett ärende du inte kan öppna nu"));
    assert!(!lista.contains(UTKAST));
    // Deleting what one wrote needs no access to the case.
    let (s, plats, _) = hl
        .post(&format!("/sparade-formular/{id}/ta-bort"), &[])
        .await;
    assert_eq!(
        (s, plats.as_deref()),
        (303, Some("/sparade-formular?borttaget=utkast"))
    );
    let (_, lista) = hl.get("/sparade-formular?borttaget=utkast").await;
    assert!(lista.contains("Utkastet är borttaget"));
    assert!(!lista.contains(&format!("{id}/ta-bort")));
    assert!(lista.contains(&format!("{id2}/ta-bort")));

    // Back at the enhet: after 30 days without a save the draft is gone.
    app.store
        .organisation()
        .andra_anvandare(app.org.anv("handlaggare"))
        .await
        .unwrap();
    app.klocka.spola_fram(time::Duration::days(31));
    let hl = app.klient("handlaggare").await;
    let (_, f) = hl.get(&format!("{steg}?utkast={id2}")).await;
    assert!(f.contains("Utkastet finns inte längre"), "{}", utdrag(&f));
    assert!(!f.contains("Ett andra utkast."));
    let (_, lista) = hl.get("/sparade-formular").await;
    assert!(lista.contains("Du har inga sparade utkast"));
    assert_eq!(
        app.store
            .inloggning()
            .rensa_sparade_formular(app.klocka.nu())
            .await
            .unwrap(),
        0,
        "the list's read removed what had expired"
    );
}
pa_bada!(utkast_utan_atkomst_och_nar_det_gatt_ut);

/// The warning before the session ends (static/session.js) is progressive enhancement: the
/// page says how long the session lives and when to warn; asking how long is left does not
/// keep the session alive; "stay logged in" does, with the session's token. The script is a
/// file of Lots's own, which the CSP allows; no inline script.
async fn sessionen_varnar_innan_den_gar_ut(db: Db) {
    let lyssnare = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let regler = lots_web::Inloggningsregler {
        tomgang: time::Duration::seconds(120),
        ..testregler()
    };
    let app = TestApp::med(db, lyssnare, regler, |_| async {}).await;
    let hl = app.klient("handlaggare").await;
    let (_, start) = hl.get("/").await;
    assert!(start.contains("src=\"/static/session.js\""));
    // The test's clock runs on from the login (a second may pass): within a few seconds.
    let sida_kvar: i64 = start
        .split("data-kvar=\"")
        .nth(1)
        .and_then(|x| x.split('"').next())
        .and_then(|x| x.parse().ok())
        .expect("data-kvar");
    assert!((115..=120).contains(&sida_kvar), "{sida_kvar}");
    assert!(start.contains("data-varna=\"40\""));
    assert!(!start.contains("<script>"), "no inline script");
    let r = hl
        .http
        .get(format!("{}/static/session.js", app.url))
        .send()
        .await
        .unwrap();
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/javascript")
    );
    let csp = r.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        csp.contains("default-src 'self'") && !csp.contains("script-src"),
        "{csp}"
    );
    assert!(r.text().await.unwrap().contains("/session/forlang"));

    let kvar = |json: &str| -> i64 {
        serde_json::from_str::<serde_json::Value>(json).unwrap()["kvar"]
            .as_i64()
            .unwrap()
    };
    app.klocka.spola_fram(time::Duration::seconds(90));
    let (s, svar) = hl.get("/session/kvar").await;
    assert_eq!(s, 200);
    assert!((25..=30).contains(&kvar(&svar)), "{svar}");
    // Asking again later: still counting down, it kept nothing alive.
    app.klocka.spola_fram(time::Duration::seconds(20));
    let (_, svar) = hl.get("/session/kvar").await;
    assert!((5..=10).contains(&kvar(&svar)), "{svar}");
    // Staying logged in needs the session's token.
    let (s, _, _) = hl
        .post_utan_csrf("/session/forlang", &[("_csrf", "fel")])
        .await;
    assert_ne!(s, 200);
    let (s, _, svar) = hl.post("/session/forlang", &[]).await;
    assert_eq!((s, kvar(&svar)), (200, 120));
    app.klocka.spola_fram(time::Duration::seconds(100));
    let (s, _) = hl.get("/").await;
    assert_eq!(s, 200, "still logged in after the extension");
    // Left alone past the limit: ended, and the answer says so.
    app.klocka.spola_fram(time::Duration::seconds(121));
    let (_, svar) = hl.get("/session/kvar").await;
    assert_eq!(kvar(&svar), 0);
    let (s, plats) = hl.get_med_plats("/").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));
    // Logged out, "stay logged in" keeps no form and opens nothing.
    let (s, plats, _) = hl.post("/session/forlang", &[]).await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));
    let (_, kvar_ute) = Klient::ny(&app.url).get("/session/kvar").await;
    assert_eq!(kvar(&kvar_ute), 0);
}
pa_bada!(sessionen_varnar_innan_den_gar_ut);
