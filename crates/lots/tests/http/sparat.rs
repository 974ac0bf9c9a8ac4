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
