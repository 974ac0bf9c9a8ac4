//! Issue 18 item 7: a request for a registerutdrag is tracked to its answer. It is due a
//! month after it came in (GDPR art. 12.3), shows on the start page of whoever answers for
//! it, may be extended once with a reason, and is answered with the reasons the person is
//! owed when anything is kept from them (art. 12.4). Every act is audited with the person.

use lots_domain::registerutdrag::{langst_forlangd, svar_senast};
use lots_domain::tid::svensk_dag;
use time::{Duration, OffsetDateTime};

use crate::hjalp::*;
use crate::pa_bada;

async fn begaran_om_registerutdrag_fran_brev_till_svar(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let al = app.klient("arbetsledare").await;
    // A synthetic person, so that she can log in to Mina sidor with the test login.
    let p = crate::mina_sidor::syntetisk(&app, "19850505-1238", "Anna", "Ek").await;
    registrera_ansokan(&app, &hl, &p, "kontaktperson", "2026-03-02", "handlaggare").await;
    let idag = svensk_dag(OffsetDateTime::now_utc());
    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(sida.contains("Personen har inte begärt något registerutdrag."));

    // A day in the future or no channel: refused beside the fields, nothing stored.
    let imorgon = (idag + Duration::days(1)).to_string();
    let (s, _, body) = hl
        .post(
            &format!("/personer/{p}/registerutdrag/ny"),
            &[("mottagen", &imorgon), ("kanal", "")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("kan inte ligga i framtiden"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("Välj hur begäran kom in."));
    let person: lots_domain::ids::PersonId = p.parse().unwrap();
    let alla = || async {
        app.store
            .registerutdrag()
            .for_person(app.org.kommun, person)
            .await
            .unwrap()
    };
    assert!(alla().await.is_empty());

    // A letter that lay unopened for forty days: already late, at the top of the start page.
    let sen = idag - Duration::days(40);
    let (s, plats, body) = hl
        .post(
            &format!("/personer/{p}/registerutdrag/ny"),
            &[("mottagen", &sen.to_string()), ("kanal", "brev")],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    assert_eq!(
        plats.unwrap(),
        format!("/personer/{p}#rubrik-registerutdrag")
    );
    let forsenad = alla().await.remove(0);
    assert_eq!(forsenad.svar_senast, svar_senast(sen));
    assert!(forsenad.svar_senast < idag);
    let (_, start) = hl.get("/").await;
    assert!(
        start.contains(&format!("Registerutdrag att lämna (begäran kom in {sen})")),
        "{}",
        utdrag(&start)
    );
    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(sida.contains("Försenad:"), "{}", utdrag(&sida));

    // Too late to extend it: that is decided within the first month.
    let (s, _, body) = hl
        .post(
            &format!("/personer/{p}/registerutdrag/{}/forlang", forsenad.id),
            &[
                ("till", &langst_forlangd(sen).to_string()),
                ("skal", "Många begäranden"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("har passerat"), "{}", utdrag(&body));

    // The handläggare is away: the arbetsledare takes it over, and it leaves HL's start page.
    let (s, _, _) = al
        .post(
            &format!("/personer/{p}/registerutdrag/{}/ta-over", forsenad.id),
            &[],
        )
        .await;
    assert_eq!(s, 303);
    let (_, start) = hl.get("/").await;
    assert!(!start.contains("Registerutdrag att lämna"));
    let (_, start) = al.get("/").await;
    assert!(
        start.contains("Registerutdrag att lämna"),
        "{}",
        utdrag(&start)
    );

    // Refused as excessive: not without the reasons the person is owed.
    let svara = format!("/personer/{p}/registerutdrag/{}/besvara", forsenad.id);
    let (s, _, body) = al
        .post(
            &svara,
            &[
                ("besvarad", &idag.to_string()),
                ("utfall", "avslag"),
                ("skal", " "),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Integritetsskyddsmyndigheten"),
        "{}",
        utdrag(&body)
    );
    let (s, _, body) = al
        .post(
            &svara,
            &[
                ("besvarad", &idag.to_string()),
                ("utfall", "lamnat_med_undantag"),
                ("skal", "Anmälarens namn undantaget, OSL 26 kap. 5 §."),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    // Answered once: a second answer changes nothing.
    let (s, _, _) = al
        .post(
            &svara,
            &[("besvarad", &idag.to_string()), ("utfall", "lamnat")],
        )
        .await;
    assert_eq!(s, 400);
    let besvarad = alla().await.remove(0);
    assert_eq!(besvarad.besvarad, Some(idag));
    assert_eq!(
        besvarad.utfall,
        Some(lots_domain::registerutdrag::Utfall::LamnatMedUndantag)
    );
    let (_, start) = al.get("/").await;
    assert!(!start.contains("Registerutdrag att lämna"));
    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(
        sida.contains("Lämnat med uppgifter undantagna"),
        "{}",
        utdrag(&sida)
    );

    // A request that came in today may be extended, once, by at most two months more.
    let (s, _, _) = hl
        .post(
            &format!("/personer/{p}/registerutdrag/ny"),
            &[("mottagen", &idag.to_string()), ("kanal", "besok")],
        )
        .await;
    assert_eq!(s, 303);
    let ny = alla()
        .await
        .into_iter()
        .find(|b| b.mottagen == idag)
        .unwrap();
    let forlang = format!("/personer/{p}/registerutdrag/{}/forlang", ny.id);
    let for_langt = (langst_forlangd(idag) + Duration::days(1)).to_string();
    let (s, _, body) = hl
        .post(
            &forlang,
            &[("till", &for_langt), ("skal", "Omfattande akt")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("högst två månader till"), "{}", utdrag(&body));
    let till = langst_forlangd(idag).to_string();
    let (s, _, body) = hl
        .post(&forlang, &[("till", &till), ("skal", "Omfattande akt")])
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (s, _, _) = hl
        .post(&forlang, &[("till", &till), ("skal", "Igen")])
        .await;
    assert_eq!(s, 422);
    let (_, sida) = hl.get(&format!("/personer/{p}")).await;
    assert!(
        sida.contains(&format!("till {till}: Omfattande akt")),
        "{}",
        utdrag(&sida)
    );

    // On Mina sidor she sees that it came in, and when she is answered by; and the answer.
    let anna = crate::mina_sidor::medborgare(&app, "19850505-1238").await;
    let (_, oversikt) = anna.get("/mina-sidor").await;
    assert!(
        oversikt.contains(&format!(
            "Din begäran kom in {idag}. Du ska få svar senast {till}."
        )),
        "{}",
        utdrag(&oversikt)
    );
    assert!(
        oversikt.contains(&format!("Din begäran från {sen} besvarades {idag}.")),
        "{}",
        utdrag(&oversikt)
    );

    // Every act is in the audit log with the person.
    let rader = app
        .store
        .granskning()
        .granskningar_for_person(person)
        .await
        .unwrap();
    let hl_id = app.org.anv("handlaggare").id;
    let al_id = app.org.anv("arbetsledare").id;
    for (handling, vem) in [
        (format!("registerutdrag.registrerad:{}", forsenad.id), hl_id),
        (format!("registerutdrag.ansvarig:{}", forsenad.id), al_id),
        (
            format!("registerutdrag.lamnat_med_undantag:{}", forsenad.id),
            al_id,
        ),
        (format!("registerutdrag.forlangd:{}", ny.id), hl_id),
    ] {
        assert!(
            rader.contains(&(handling.clone(), vem)),
            "{handling}: {rader:?}"
        );
    }

    // Someone who handles none of her cases cannot reach the request: not another enhet's
    // handläggare, not an utförare, not the log reviewer.
    for namn in ["ekonom", "utforare", "granskare"] {
        let k = app.klient(namn).await;
        let (s, _, _) = k
            .post(
                &format!("/personer/{p}/registerutdrag/ny"),
                &[("mottagen", &idag.to_string()), ("kanal", "brev")],
            )
            .await;
        assert!(s == 403 || s == 404, "{namn}: {s}");
        let (s, _, _) = k
            .post(
                &format!("/personer/{p}/registerutdrag/{}/ta-over", ny.id),
                &[],
            )
            .await;
        assert!(s == 403 || s == 404, "{namn}: {s}");
    }
    assert_eq!(alla().await.len(), 2);
}
pa_bada!(begaran_om_registerutdrag_fran_brev_till_svar);
