//! Guarded loaders (issue 13, item 3): every case, person, document and account
//! a handler opens goes through one access module that checks the kommun, asks
//! the policy and audits the refusal. Each refused access below must leave a
//! refusal row in the audit log naming who tried and what, with the reason.

use lots_domain::ids::*;

use crate::hjalp::*;
use crate::pa_bada;

/// A second kommun on the same database, with a handläggare and an
/// arbetsledare of its own: logged in as its handläggare.
async fn annan_kommun(app: &TestApp) -> (Klient, AnvandarId) {
    let (_, id) = grannkommun(app, "Vuxenenheten", true).await;
    (inloggad(app, "granne").await, id)
}

/// The refusals the audit log holds for a user: (handling, person, case, reason).
async fn nekanden(
    app: &TestApp,
    anvandare: AnvandarId,
) -> Vec<(String, Option<String>, Option<String>, Option<String>)> {
    app.store
        .granskning()
        .nekanden_for_anvandare(anvandare)
        .await
        .unwrap()
}

async fn annan_kommun_ser_inget_och_forsoket_loggas(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
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
    let d = bifoga_pdf(&hl, &a, "Läkarintyg").await;
    let (granne, granne_id) = annan_kommun(&app).await;

    // Another kommun's case, person and document are, to its staff, not there:
    // not a page, not a reason form, not a step, not a download.
    for sokvag in [
        format!("/arenden/{a}"),
        format!("/arenden/{a}/atkomst"),
        format!("/arenden/{a}/steg/journal"),
        format!("/dokument/{d}"),
        format!("/personer/{p}"),
        format!("/personer/{p}/arenden/nytt"),
        format!("/personer/{p}/fullmakter/ny"),
    ] {
        let (s, body) = granne.get(&sokvag).await;
        assert_eq!(s, 404, "{sokvag}");
        assert!(!body.contains("Anna"), "{sokvag} shows the person");
    }
    // A stated reason does not open another kommun's case either.
    let (s, _, _) = granne
        .post(
            &format!("/arenden/{a}/atkomst"),
            &[
                ("grund", "nodvandigt"),
                ("beskrivning", "Jag behöver läsa ärendet för min utredning."),
            ],
        )
        .await;
    assert_eq!(s, 404);
    let (s, _) = granne.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 404, "no reason was stored");

    // Every attempt is in the log, with the reason, and without naming the
    // person: the neighbour's loggkontroll must not learn who they are.
    let rader = nekanden(&app, granne_id).await;
    let om_arendet = rader
        .iter()
        .filter(|(h, _, arende, _)| h == "arende.nekad" && arende.as_deref() == Some(&a))
        .count();
    assert!(om_arendet >= 5, "case refusals logged: {rader:?}");
    let om_personen = rader.iter().filter(|(h, ..)| h == "person.nekad").count();
    assert!(om_personen >= 3, "person refusals logged: {rader:?}");
    for (_, person, _, skal) in &rader {
        assert_eq!(person, &None, "a refusal across kommuner names no person");
        assert!(skal.as_deref().is_some_and(|s| s.contains("annan kommun")));
    }
    app.kontrollera_invarianter().await;
}
pa_bada!(annan_kommun_ser_inget_och_forsoket_loggas);

async fn varje_nekad_atkomst_loggas_med_skal(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
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
    let hls = app.klient("skyddshandlaggare").await;
    let (s, plats, body) = hls
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
    assert_eq!(s, 303, "{}", utdrag(&body));
    let q = plats.unwrap().rsplit('/').next().unwrap().to_owned();

    // The registrator registers persons but does not read the person page.
    let reg = app.klient("registrator").await;
    let (s, _) = reg.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 403);
    let rader = nekanden(&app, app.org.anv("registrator").id).await;
    assert!(
        rader.iter().any(|(h, person, _, skal)| h == "person.nekad"
            && person.as_deref() == Some(&p)
            && skal.as_deref().is_some_and(|s| s.contains("rollen"))),
        "{rader:?}"
    );

    // A protected person, to a handläggare without the right: not there, on
    // every loader, and each attempt logged with the reason.
    for sokvag in [
        format!("/personer/{q}"),
        format!("/personer/{q}/arenden/nytt"),
        format!("/personer/{q}/fullmakter/ny"),
    ] {
        let (s, _) = hl.get(&sokvag).await;
        assert_eq!(s, 404, "{sokvag}");
    }
    let rader = nekanden(&app, app.org.anv("handlaggare").id).await;
    let skyddade = rader
        .iter()
        .filter(|(h, person, _, skal)| {
            h == "person.nekad"
                && person.as_deref() == Some(&q)
                && skal.as_deref().is_some_and(|s| s.contains("skyddade"))
        })
        .count();
    assert_eq!(skyddade, 3, "{rader:?}");

    // A handläggare of another enhet who stated a reason may read the case but
    // not act in it: the refused step is logged like any refusal.
    let ekonom = app.klient("ekonom").await;
    let (s, _, _) = ekonom
        .post(
            &format!("/arenden/{a}/atkomst"),
            &[
                ("grund", "nodvandigt"),
                ("beskrivning", "Personen söker ekonomiskt bistånd hos oss."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (s, _) = ekonom.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200);
    let (s, _) = ekonom.get(&format!("/arenden/{a}/steg/journal")).await;
    assert_eq!(s, 403);
    let rader = nekanden(&app, app.org.anv("ekonom").id).await;
    assert!(
        rader
            .iter()
            .any(|(h, _, arende, skal)| h == "arende.steg.nekad"
                && arende.as_deref() == Some(&a)
                && skal.as_deref().is_some_and(|s| s.contains("annan enhet"))),
        "{rader:?}"
    );

    // An order to an utförare unit, to an utförare of another unit: refused and logged.
    let beslut = crate::behorighet::bestall(&app, &hl, &a).await;
    let bo = annan_utforare(&app).await;
    for sokvag in [
        format!("/uppdrag/{beslut}"),
        format!("/uppdrag/{beslut}/plan"),
    ] {
        let (s, _) = bo.get(&sokvag).await;
        assert_eq!(s, 403, "{sokvag}");
    }
    let bo_id = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "bo")
        .await
        .unwrap()
        .unwrap()
        .id;
    let rader = nekanden(&app, bo_id).await;
    let om_uppdraget = rader
        .iter()
        .filter(|(h, person, arende, skal)| {
            h == "uppdrag.nekad"
                && person.as_deref() == Some(&p)
                && arende.as_deref() == Some(&a)
                && skal.as_deref().is_some_and(|s| s.starts_with("nekad"))
        })
        .count();
    assert_eq!(om_uppdraget, 2, "{rader:?}");

    // An account page, to someone who does not administer accounts.
    let id = app.org.anv("handlaggare2").id;
    let (s, _) = hl.get(&format!("/admin/anvandare/{id}")).await;
    assert_eq!(s, 403);
    let rader = nekanden(&app, app.org.anv("handlaggare").id).await;
    assert!(rader.iter().any(|(h, ..)| h == "konto.nekad"), "{rader:?}");
    app.kontrollera_invarianter().await;
}
pa_bada!(varje_nekad_atkomst_loggas_med_skal);
