//! The arbetsledare's overview of the enhet (issue 20 item 7): the numbers per handläggare
//! against cases made through the forms, the quarter's ej verkställda so far by the report
//! to IVO's rule, moving cases in bulk (each its own step, a case of another enhet refused
//! and named), who may see it, and the arbetsledare reading the delegationsordning.

use crate::hjalp::*;
use crate::pa_bada;
use lots_domain::tid::svensk_dag;
use time::{Duration, OffsetDateTime};

async fn oversikt_och_flytt(db: Db) {
    let app = TestApp::ny(db).await;
    let idag = svensk_dag(OffsetDateTime::now_utc());
    let dag = |n: i64| (idag - Duration::days(n)).to_string();
    let hl = app.klient("handlaggare").await;
    // A: granted 100 days ago and never started: unenforced, late since its three months
    // ended (the verkställighet's bevakning has passed), and in this quarter's report.
    let p = registrera_person(&hl, "19640823-3234", "Översikt", "Ett").await;
    let a = registrera_ansokan(&app, &hl, &p, "kontaktperson", &dag(120), "handlaggare").await;
    hl.steg(&a, "inled-utredning", &[("datum", &dag(120))])
        .await;
    hl.steg(&a, "avsluta-utredning", &[("datum", &dag(101))])
        .await;
    hl.steg(
        &a,
        "beslut",
        &[
            ("insats", "kontaktperson"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Ett stabilt liv"),
            ("omfattning", "Enligt plan"),
            ("period_fran", &dag(100)),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", &dag(100)),
        ],
    )
    .await;
    // B: a fresh ansökan of the same handläggare.
    let p2 = registrera_person(&hl, "19700101-1118", "Översikt", "Två").await;
    let b = registrera_ansokan(&app, &hl, &p2, "kontaktperson", &dag(5), "handlaggare").await;
    // C: nobody assigned.
    let p3 = registrera_person(&hl, "19720101-1231", "Översikt", "Tre").await;
    let enhet = app.org.missbruk.to_string();
    let (status, plats, body) = hl
        .post(
            &format!("/personer/{p3}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", &dag(3)),
                ("kanal", "besok"),
                ("insatser", "kontaktperson"),
                ("beskrivning", "Vill ha stöd."),
                ("enhet", &enhet),
                ("handlaggare", ""),
                ("registrera_anda", "ja"),
            ],
        )
        .await;
    assert_eq!(status, 303, "unassigned: {}", utdrag(&body));
    let c = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    // E: a case at Ekonomiskt bistånd.
    let ek = app.klient("ekonom").await;
    let p4 = registrera_person(&ek, "19850303-0002", "Översikt", "Fyra").await;
    let ekonomi = app.org.ekonomi.to_string();
    let ekonom = app.org.anv("ekonom").id.to_string();
    let (status, plats, body) = ek
        .post(
            &format!("/personer/{p4}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", &dag(3)),
                ("kanal", "besok"),
                ("insatser", "forsorjningsstod"),
                ("beskrivning", "Vill ha stöd."),
                ("enhet", &ekonomi),
                ("handlaggare", &ekonom),
                ("registrera_anda", "ja"),
            ],
        )
        .await;
    assert_eq!(status, 303, "other enhet: {}", utdrag(&body));
    let e = plats.unwrap().trim_start_matches("/arenden/").to_owned();

    // S: a person with skyddade personuppgifter, with the skyddshandläggare: the arbetsledare
    // has no right to them, so not even a count says the case exists.
    let hls = app.klient("skyddshandlaggare").await;
    let (s, plats, body) = hls
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", "19790611-3555"),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
                ("adress", "Hemlig väg 1"),
                ("skyddad", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let ps = plats.unwrap().rsplit('/').next().unwrap().to_owned();
    registrera_ansokan(
        &app,
        &hls,
        &ps,
        "kontaktperson",
        &dag(2),
        "skyddshandlaggare",
    )
    .await;

    let al = app.klient("arbetsledare").await;
    let (status, html) = al.get("/enhet").await;
    assert!(
        !html.contains("1 öppna ärenden, Test skyddshandlaggare"),
        "a protected person's case counted for a user without the right: {}",
        utdrag(&html)
    );
    assert_eq!(status, 200, "{}", utdrag(&html));
    assert!(html.contains("href=\"/enhet\""), "in the menu");
    for text in [
        "2 öppna ärenden, Test handlaggare",
        "1 ärenden med passerad bevakning, Test handlaggare",
        "1 ej verkställda beslut, Test handlaggare",
        "1 öppna ärenden, Utan handläggare",
        "0 öppna ärenden, Test handlaggare2",
    ] {
        assert!(html.contains(text), "{text}: {}", utdrag(&html));
    }
    // The quarter so far: A, by the report's rule, and nothing of another enhet.
    assert!(html.contains("hittills (1)"), "{}", utdrag(&html));
    assert!(html.contains(&format!("/arenden/{a}")));
    // A's decision, 100 days ago, is outside the 90 days of the handläggningstider; B and
    // C are open ansökningar without a decision, 5 and 3 days old.
    assert!(html.contains("Inga beslut under perioden."));
    assert!(
        html.contains("2 ansökningar. Median 4 dagar, längst 5 dagar."),
        "{}",
        utdrag(&html)
    );

    // The late cases of the handläggare: A only.
    let h = app.org.anv("handlaggare").id.to_string();
    let (status, html) = al.get(&format!("/enhet?visa=sena&vem={h}")).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("value=\"{a}\"")));
    assert!(!html.contains(&format!("value=\"{b}\"")));
    assert!(
        html.contains("Översikt Ett"),
        "the name, which the policy allows"
    );
    let (_, html) = al.get("/enhet?visa=oppna&vem=ingen").await;
    assert!(html.contains(&format!("value=\"{c}\"")));
    assert!(!html.contains(&format!("value=\"{a}\"")));
    // Every list of the page, for everyone, nobody and one handläggare: each query binds
    // exactly the placeholders it names (a mismatch is an error on PostgreSQL).
    for visa in ["oppna", "sena", "ej-verkstallda"] {
        for vem in ["", "ingen", h.as_str()] {
            let (status, html) = al.get(&format!("/enhet?visa={visa}&vem={vem}")).await;
            assert_eq!(status, 200, "{visa} {vem}: {}", utdrag(&html));
            // A is the handläggare's and late: never among the cases without one.
            if vem == "ingen" {
                assert!(!html.contains(&format!("value=\"{a}\"")), "{visa}");
            } else if visa != "ej-verkstallda" {
                assert!(html.contains(&format!("value=\"{a}\"")), "{visa} {vem}");
            }
        }
    }

    // Bulk: A and C move to handläggare2, E of another enhet is refused and named.
    let h2 = app.org.anv("handlaggare2").id.to_string();
    let (status, _, html) = al
        .post(
            "/enhet/fordela",
            &[
                ("arende", a.as_str()),
                ("arende", c.as_str()),
                ("arende", e.as_str()),
                ("handlaggare", h2.as_str()),
            ],
        )
        .await;
    assert_eq!(status, 200, "{}", utdrag(&html));
    assert!(
        html.contains(&format!("Inte flyttat:</strong> {e}")),
        "{}",
        utdrag(&html)
    );
    assert_eq!(html.matches("Flyttat:").count(), 2, "{}", utdrag(&html));
    for x in [&a, &c] {
        assert_eq!(
            app.arende(x).await.handlaggare.map(|h| h.to_string()),
            Some(h2.clone())
        );
        let tilldelad = handelsetyper(&app, x)
            .await
            .into_iter()
            .filter(|k| *k == "handlaggare_tilldelad")
            .count();
        assert_eq!(tilldelad, 1, "one event per case moved");
    }
    assert_eq!(
        app.arende(&e).await.handlaggare.map(|h| h.to_string()),
        Some(ekonom.clone()),
        "never assigned"
    );

    // The summer's hand-over: all of handläggare's open cases (B) to handläggare2.
    let (status, _, html) = al
        .post(
            "/enhet/fordela",
            &[
                ("fran_handlaggare", h.as_str()),
                ("handlaggare", h2.as_str()),
            ],
        )
        .await;
    assert_eq!(status, 200, "{}", utdrag(&html));
    assert_eq!(
        app.arende(&b).await.handlaggare.map(|h| h.to_string()),
        Some(h2.clone())
    );
    assert!(
        html.contains("0 öppna ärenden, Test handlaggare\""),
        "{}",
        utdrag(&html)
    );

    // A receiver outside the enhet is refused whole.
    let (status, _, _) = al
        .post(
            "/enhet/fordela",
            &[("arende", b.as_str()), ("handlaggare", ekonom.as_str())],
        )
        .await;
    assert_eq!(status, 400);
    assert_eq!(
        app.arende(&b).await.handlaggare.map(|h| h.to_string()),
        Some(h2.clone())
    );

    // Nobody else sees the page or moves cases.
    for namn in ["handlaggare", "systemforvaltare"] {
        let k = app.klient(namn).await;
        assert_eq!(k.get("/enhet").await.0, 403, "{namn}");
        let (status, _, _) = k
            .post(
                "/enhet/fordela",
                &[("arende", a.as_str()), ("handlaggare", h.as_str())],
            )
            .await;
        assert_eq!(status, 403, "{namn}");
        assert!(!k.get("/").await.1.contains("href=\"/enhet\""), "{namn}");
    }
    assert_eq!(
        app.arende(&a).await.handlaggare.map(|h| h.to_string()),
        Some(h2)
    );
}
pa_bada!(oversikt_och_flytt);

async fn arbetsledaren_laser_delegationsordningen(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let (status, html) = al.get("/delegationsordning").await;
    assert_eq!(status, 200, "{}", utdrag(&html));
    assert!(html.contains("Heldygnsvård"));
    assert!(
        !html.contains("action=\"/delegationsordning\""),
        "read only: no form for a new version"
    );
    let (status, _, _) = al
        .post("/delegationsordning", &[("giltig_fran", "2030-01-01")])
        .await;
    assert_eq!(status, 403);
    let sf = app.klient("systemforvaltare").await;
    let (_, html) = sf.get("/delegationsordning").await;
    assert!(html.contains("action=\"/delegationsordning\""));
    assert_eq!(
        app.klient("handlaggare")
            .await
            .get("/delegationsordning")
            .await
            .0,
        403
    );
}
pa_bada!(arbetsledaren_laser_delegationsordningen);
