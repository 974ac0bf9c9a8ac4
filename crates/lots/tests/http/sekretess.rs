//! Skyddade personuppgifter, loggkontroll, the utförare's orders and account
//! administration.

use crate::hjalp::*;
use crate::pa_bada;

fn idag() -> String {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()).to_string()
}

async fn skyddad_person(app: &TestApp, k: &Klient, nummer: &str) -> String {
    let (s, plats, body) = k
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", nummer),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
                ("adress", "Hemlig väg 1"),
                ("skyddad", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let _ = app;
    plats.unwrap().rsplit('/').next().unwrap().to_owned()
}

async fn skyddade_personer_syns_bara_med_ratt(db: Db) {
    let app = TestApp::ny(db).await;
    let hls = app.klient("skyddshandlaggare").await;
    let p = skyddad_person(&app, &hls, "19720101-1231").await;
    let a = registrera_ansokan(
        &app,
        &hls,
        &p,
        "oppenvardsbehandling",
        "2026-03-02",
        "skyddshandlaggare",
    )
    .await;
    // With the right: found, opened, the address never stored or shown.
    let (_, _, body) = hls.post("/personer/sok", &[("fraga", "Sam Skyddad")]).await;
    assert!(body.contains(&format!("/personer/{p}")));
    let (s, body) = hls.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 200);
    assert!(!body.contains("Hemlig väg"), "the address is never kept");
    // Without it, in the same enhet: not a search hit, not a page, not on a list.
    let hl = app.klient("handlaggare").await;
    for fraga in ["Sam Skyddad", "19720101-1231"] {
        let (s, _, body) = hl.post("/personer/sok", &[("fraga", fraga)]).await;
        assert!(s == 200 || s == 422);
        assert!(!body.contains(&p), "hit for {fraga}");
    }
    let (s, _) = hl.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 404, "not even its existence");
    let (s, _) = hl.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 403);
    let al = app.klient("arbetsledare").await;
    let (_, start) = al.get("/").await;
    assert!(!start.contains("Skyddad"), "not on the enhet's list");
    let (s, _) = al.get(&format!("/personer/{p}/arenden/nytt")).await;
    assert_eq!(s, 404);
    // The refused attempt is logged, flagged as a protected person.
    let gr = app.klient("granskare").await;
    let (s, _, body) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "skyddade"),
                ("fran", &idag()),
                ("till", &idag()),
                ("format", "sida"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    assert!(
        body.contains("Nekades att se personen"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("Test handlaggare"));
    // The granskare here has no right to protected persons: the name is withheld.
    assert!(!body.contains("Sam Skyddad"));
    assert!(body.contains("Person med skyddade personuppgifter"));
}
pa_bada!(skyddade_personer_syns_bara_med_ratt);

async fn loggkontroll(db: Db) {
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
    let (s, _) = hl.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 200);
    let gr = app.klient("granskare").await;
    let (s, body) = gr.get("/loggkontroll").await;
    assert_eq!(s, 200);
    assert!(body.contains("Vem har tagit del av uppgifter om en person"));
    // Who accessed Anna: by personnummer, in a POST (never in a URL).
    let fraga = [
        ("fraga", "person"),
        ("personnummer", "19640823-3234"),
        ("fran", "2026-01-01"),
        ("till", &idag()),
        ("format", "sida"),
    ];
    let (s, _, body) = gr.post("/loggkontroll", &fraga).await;
    assert_eq!(s, 200, "{}", utdrag(&body));
    assert!(body.contains("Öppnade ärendet"));
    assert!(body.contains("Registrerade personen"));
    assert!(body.contains(&a));
    // The same as CSV.
    let mut csv = fraga.to_vec();
    csv[4] = ("format", "csv");
    let (s, _, body) = gr.post("/loggkontroll", &csv).await;
    assert_eq!(s, 200);
    assert!(body.starts_with('\u{feff}'));
    assert!(body.contains("Tid;Användare;Roll;Enhet;Åtgärd;Person;Ärende;Skäl;Flaggor"));
    assert!(body.contains("Öppnade ärendet"));
    // What a user accessed in a period.
    let id = app.org.anv("handlaggare").id.to_string();
    let (s, _, body) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "anvandare"),
                ("anvandare", &id),
                ("fran", &idag()),
                ("till", &idag()),
                ("format", "sida"),
            ],
        )
        .await;
    assert_eq!(s, 200);
    assert!(body.contains("Anna Ek"));
    // Bad input: a clear error beside the field, nothing shown.
    let (s, _, body) = gr
        .post(
            "/loggkontroll",
            &[
                ("fraga", "person"),
                ("personnummer", "19640823-3235"),
                ("fran", "igår"),
                ("till", &idag()),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("ÅÅÅÅ-MM-DD"));
    assert!(body.contains("felruta"));
    // Reading the log is logged, with the person asked about.
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(p.parse().unwrap())
        .await
        .unwrap();
    let gr_id = app.org.anv("granskare").id;
    assert_eq!(
        logg.iter()
            .filter(|(h, u)| h == "loggkontroll.person" && *u == gr_id)
            .count(),
        2,
        "page and CSV"
    );
    // Others may not read the log.
    for roll in ["handlaggare", "arbetsledare", "systemforvaltare"] {
        let k = app.klient(roll).await;
        let (s, _) = k.get("/loggkontroll").await;
        assert_eq!(s, 403, "{roll}");
    }
    // The chain still holds after all of it.
    assert_eq!(
        app.store
            .granskning()
            .verifiera_logg(app.org.kommun)
            .await
            .unwrap(),
        lots_store::Loggkontroll::Hel {
            poster: app
                .store
                .bakdorr()
                .fetch_all("SELECT id FROM granskning", &[])
                .await
                .unwrap()
                .len() as i64
        }
    );
}
pa_bada!(loggkontroll);

async fn systemforvaltaren_ger_ratten(db: Db) {
    let app = TestApp::ny(db).await;
    let hls = app.klient("skyddshandlaggare").await;
    let p = skyddad_person(&app, &hls, "19720101-1231").await;
    let hl = app.klient("handlaggare").await;
    let (s, _) = hl.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 404);
    let sf = app.klient("systemforvaltare").await;
    let (s, body) = sf.get("/admin/anvandare").await;
    assert_eq!(s, 200);
    assert!(body.contains("Test handlaggare"));
    let id = app.org.anv("handlaggare").id.to_string();
    let missbruk = app.org.missbruk.to_string();
    // The edit form starts from the account as it is.
    let (s, body) = sf.get(&format!("/admin/anvandare/{id}")).await;
    assert_eq!(s, 200);
    assert!(body.contains("value=\"Test handlaggare\""));
    assert!(body.contains("id=\"aktiv\" name=\"aktiv\" value=\"ja\" checked"));
    let (s, plats, body) = sf
        .post(
            &format!("/admin/anvandare/{id}"),
            &[
                ("namn", "Test handlaggare"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
                ("skyddad_behorighet", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    // The right waits for a second person (issue 12, konto.rs)...
    assert_eq!(plats.as_deref(), Some("/behorigheter"));
    let (s, _) = hl.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 404);
    let al = app.klient("arbetsledare").await;
    let (_, html) = al.get("/behorigheter").await;
    let i = html.find("/behorigheter/").expect("a request to approve");
    let godkann = html[i..].split('"').next().unwrap().to_owned();
    let (s, _, _) = al.post(&godkann, &[]).await;
    assert_eq!(s, 303);
    // ...and once approved takes effect at once, in the running session.
    let (s, _) = hl.get(&format!("/personer/{p}")).await;
    assert_eq!(s, 200);
    // A closed account's sessions end.
    let (s, _, _) = sf
        .post(
            &format!("/admin/anvandare/{id}"),
            &[
                ("namn", "Test handlaggare"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (s, plats) = hl.get_med_plats("/").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/logga-in")));
    // A new account: bad input is refused with reasons, nothing stored.
    let (s, _, body) = sf
        .post(
            "/admin/anvandare/ny",
            &[
                ("namn", ""),
                ("anvandarnamn", "Ny Person"),
                ("roll", "kung"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    for text in [
        "Skriv namnet",
        "Välj en roll",
        "Välj en enhet",
        "små bokstäver",
    ] {
        assert!(body.contains(text), "{text}");
    }
    let (s, _, body) = sf
        .post(
            "/admin/anvandare/ny",
            &[
                ("namn", "Nina Ny"),
                ("anvandarnamn", "nina.ny"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
            ],
        )
        .await;
    // The account is made closed, with an activation link (konto.rs tests the rest).
    assert_eq!(s, 200, "{}", utdrag(&body));
    assert!(body.contains("/aktivera/"));
    let nina = app
        .store
        .organisation()
        .anvandare_med_namn(app.org.kommun, "nina.ny")
        .await
        .unwrap()
        .unwrap();
    assert!(!nina.skyddad_behorighet && !nina.aktiv);
    // A systemförvaltare cannot lock themselves out.
    let sf_id = app.org.anv("systemforvaltare").id.to_string();
    let (s, _, _) = sf
        .post(
            &format!("/admin/anvandare/{sf_id}"),
            &[
                ("namn", "x"),
                ("roll", "handlaggare"),
                ("enhet", &missbruk),
                ("aktiv", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    // A new unit.
    let (s, _, _) = sf
        .post(
            "/admin/enheter/ny",
            &[("namn", "Boendestöd"), ("utforare", "ja")],
        )
        .await;
    assert_eq!(s, 303);
    assert!(
        app.store
            .organisation()
            .enheter(app.org.kommun)
            .await
            .unwrap()
            .iter()
            .any(|e| e.namn == "Boendestöd" && e.utforare)
    );
    let (s, _, body) = sf
        .post("/admin/enheter/ny", &[("namn", "boendestöd")])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("finns redan"));
    // The changes are in the audit log, and no case content was reachable.
    let rader = app
        .store
        .granskning()
        .granskningar_for_anvandare(app.org.anv("systemforvaltare").id)
        .await
        .unwrap();
    assert!(rader.len() >= 4);
    assert!(rader.iter().all(|(p, a)| p.is_none() && a.is_none()));
}
pa_bada!(systemforvaltaren_ger_ratten);

async fn utforaren_ser_sina_uppdrag(db: Db) {
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
    let beslut = crate::behorighet::bestall(&app, &hl, &a).await;
    hl.steg(
        &a,
        "journal",
        &[
            ("datum", "2026-04-23"),
            ("text", "Anna berättade om sin barndom."),
        ],
    )
    .await;
    let ut = app.klient("utforare").await;
    let (s, plats) = ut.get_med_plats("/").await;
    assert_eq!((s, plats.as_deref()), (303, Some("/uppdrag")));
    let (s, body) = ut.get("/uppdrag").await;
    assert_eq!(s, 200);
    assert!(body.contains("Anna Ek"));
    assert!(body.contains(&format!("/uppdrag/{beslut}")));
    assert!(body.contains("Väntar på start"));
    let (s, body) = ut.get(&format!("/uppdrag/{beslut}")).await;
    assert_eq!(s, 200);
    // What the order holds, and nothing else of the case.
    for text in [
        "Samtalsbehandling enligt beslut.",
        "Två samtal i veckan",
        "Minskat drickande",
        "19640823-3234",
    ] {
        assert!(body.contains(text), "{text}");
    }
    for text in ["Behovet kan inte tillgodoses", "barndom"] {
        assert!(!body.contains(text), "leaks {text}");
    }
    let (s, _) = ut.get(&format!("/arenden/{a}")).await;
    assert_eq!(s, 403);
    // Reading orders is logged per order.
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(p.parse().unwrap())
        .await
        .unwrap();
    let ut_id = app.org.anv("utforare").id;
    assert!(
        logg.iter()
            .any(|(h, u)| h == "uppdrag.lista" && *u == ut_id)
    );
    assert!(logg.iter().any(|(h, u)| h == "uppdrag.visa" && *u == ut_id));
    // Another unit's utförare sees nothing of it.
    let bo = annan_utforare(&app).await;
    let (_, body) = bo.get("/uppdrag").await;
    assert!(body.contains("Inga uppdrag"));
    let (s, _) = bo.get(&format!("/uppdrag/{beslut}")).await;
    assert_eq!(s, 403);
}
pa_bada!(utforaren_ser_sina_uppdrag);

/// The reason and the flags are part of each row's hash: changing them is found.
async fn skal_och_flaggor_ar_i_kedjan(db: Db) {
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
    let ekonom = app.klient("ekonom").await;
    let (s, _, _) = ekonom
        .post(
            &format!("/arenden/{a}/atkomst"),
            &[
                ("grund", "samtycke"),
                ("beskrivning", "Samordning med ekonomiskt bistånd."),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let hel = |r: &lots_store::Loggkontroll| matches!(r, lots_store::Loggkontroll::Hel { .. });
    assert!(hel(&app
        .store
        .granskning()
        .verifiera_logg(app.org.kommun)
        .await
        .unwrap()));
    let skal: String = app
        .store
        .bakdorr()
        .fetch_all("SELECT skal FROM granskning WHERE skal IS NOT NULL", &[])
        .await
        .unwrap()[0]
        .text("skal")
        .unwrap();
    app.store
        .bakdorr()
        .execute(
            "UPDATE granskning SET skal = 'Ett annat skäl' WHERE skal IS NOT NULL",
            &[],
        )
        .await
        .unwrap();
    assert!(
        matches!(
            app.store
                .granskning()
                .verifiera_logg(app.org.kommun)
                .await
                .unwrap(),
            lots_store::Loggkontroll::Bruten {
                orsak: "posten har ändrats",
                ..
            }
        ),
        "a changed reason is found"
    );
    app.store
        .bakdorr()
        .execute(
            "UPDATE granskning SET skal = $1 WHERE skal IS NOT NULL",
            &[skal.as_str().into()],
        )
        .await
        .unwrap();
    assert!(hel(&app
        .store
        .granskning()
        .verifiera_logg(app.org.kommun)
        .await
        .unwrap()));
    app.store
        .bakdorr()
        .execute("UPDATE granskning SET utanfor = 0 WHERE utanfor = 1", &[])
        .await
        .unwrap();
    assert!(
        matches!(
            app.store
                .granskning()
                .verifiera_logg(app.org.kommun)
                .await
                .unwrap(),
            lots_store::Loggkontroll::Bruten { .. }
        ),
        "a removed flag is found"
    );
}
pa_bada!(skal_och_flaggor_ar_i_kedjan);
