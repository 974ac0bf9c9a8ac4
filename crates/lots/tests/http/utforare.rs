//! Issue 17 items 5–6: provider organisations, contracts, order terms, delivery and
//! invoice lines kept per kommun and per provider, audited, and reconciled; first in the
//! store, then through the pages: the arbetsledare's providers and contracts, the order
//! with the person's choice under LOV, the provider's delivery and invoice, and the
//! reconciliation for the arbetsledare and the beställare. A provider sees only what was
//! ordered from it.

use lots_domain::forsorjningsstod::Manad;
use lots_domain::ids::{AvtalId, BeslutId, UtforarId};
use lots_domain::insats::InsatsTyp;
use lots_domain::utforare::{
    Avtal, Avvikelse, Leverans, Prisenhet, Regiform, Utforarorganisation, Val, las_faktura_csv,
    stam_av,
};
use lots_store::{Aktor, Bestallningsvillkor};
use time::macros::{date, datetime};

use crate::hjalp::*;
use crate::pa_bada;

fn org(namn: &str, regiform: Regiform, ickeval: bool) -> Utforarorganisation {
    Utforarorganisation {
        id: UtforarId::ny(),
        namn: namn.into(),
        organisationsnummer: "556000-0000".into(),
        regiform,
        ickevalsalternativ: ickeval,
    }
}

fn avtal(utforare: UtforarId, pris: i64) -> Avtal {
    Avtal {
        id: AvtalId::ny(),
        utforare,
        fran: date!(2026 - 01 - 01),
        till: date!(2026 - 12 - 31),
        insatser: vec![InsatsTyp::StodIBoendet],
        prisenhet: Prisenhet::Timme,
        pris,
        tak_per_manad: Some(1_000_000),
    }
}

async fn granskade(app: &TestApp) -> Vec<String> {
    app.store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'utforare.%' OR handling LIKE 'avtal.%' OR handling LIKE 'bestallning.%' OR handling LIKE 'leverans.%' OR handling LIKE 'faktura.%' ORDER BY handling",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap().split(':').next().unwrap().to_owned())
        .collect()
}

/// Two providers of one kommun and one of a neighbour: each read names its kommun and
/// its provider, every write is audited, and an invoice where two lines do not match
/// is flagged on exactly those lines.
async fn leverantorer_avtal_leverans_och_faktura(db: Db) {
    let app = TestApp::ny(db).await;
    let o = app.store.organisation();
    let kommun = app.org.kommun;
    let al = Aktor::from(app.org.anv("arbetsledare"));
    let nu = datetime!(2026-05-04 10:00 UTC);

    let lov = org("Alfa Omsorg AB", Regiform::Lov, true);
    let lou = org("Upphandlad Stöd AB", Regiform::Lou, false);
    for u in [&lov, &lou] {
        o.skapa_utforarorganisation(kommun, u, &al, nu)
            .await
            .unwrap();
    }
    let (granne_enhet, granne) = grannkommun(&app, "Grannens enhet", false).await;
    let granne_kommun = app
        .store
        .organisation()
        .anvandare(grannens_kommun(&app).await, granne)
        .await
        .unwrap()
        .expect("neighbour")
        .kommun;
    let grannens = org("Grannens Omsorg AB", Regiform::Lov, false);
    let granne_aktor = Aktor {
        id: granne,
        kommun: granne_kommun,
        enhet: granne_enhet,
        roll: lots_domain::organisation::Roll::Arbetsledare,
    };
    o.skapa_utforarorganisation(granne_kommun, &grannens, &granne_aktor, nu)
        .await
        .unwrap();

    let namn: Vec<String> = o
        .utforarorganisationer(kommun)
        .await
        .unwrap()
        .into_iter()
        .map(|u| u.namn)
        .collect();
    // The test kommun's own LOV provider (hjalp.rs) is there beside the two.
    assert_eq!(
        namn,
        [
            "Alfa Omsorg AB",
            "Omsorg Valfrihet AB",
            "Upphandlad Stöd AB"
        ]
    );
    assert_eq!(
        o.utforarorganisationer(kommun).await.unwrap()[0],
        lov,
        "read back as saved"
    );

    // The provider's staff sit on an enhet of the provider; another kommun's provider
    // cannot be named.
    let enhet = app.org.utforare_enhet;
    o.koppla_enhet_till_utforare(kommun, enhet, Some(lov.id), &al, nu)
        .await
        .unwrap();
    assert_eq!(
        o.enhetens_utforare(kommun, enhet).await.unwrap(),
        Some(lov.id)
    );
    assert!(
        o.koppla_enhet_till_utforare(kommun, enhet, Some(grannens.id), &al, nu)
            .await
            .is_err()
    );
    assert_eq!(
        o.enhetens_utforare(kommun, enhet).await.unwrap(),
        Some(lov.id)
    );

    let lov_avtal = avtal(lov.id, 45_000);
    o.spara_avtal(kommun, &lov_avtal, &al, nu).await.unwrap();
    o.spara_avtal(kommun, &avtal(lou.id, 50_000), &al, nu)
        .await
        .unwrap();
    assert_eq!(
        o.avtal(kommun, lov.id).await.unwrap(),
        vec![lov_avtal.clone()]
    );
    assert!(o.avtal(granne_kommun, lov.id).await.unwrap().is_empty());

    let beslut = BeslutId::ny();
    let lou_beslut = BeslutId::ny();
    for (b, u, val) in [
        (beslut, lov.id, Val::Ickeval),
        (lou_beslut, lou.id, Val::EjValfrihet),
    ] {
        o.spara_bestallningsvillkor(
            kommun,
            &Bestallningsvillkor {
                beslut: b,
                utforare: u,
                val,
                prisenhet: Prisenhet::Timme,
                beviljat_per_manad: Some(2000),
            },
            &al,
            nu,
        )
        .await
        .unwrap();
    }
    let villkor = o.bestallningsvillkor(kommun, lov.id).await.unwrap();
    assert_eq!(villkor.len(), 1);
    assert_eq!(villkor[0].val, Val::Ickeval);

    let april = Manad::ny(2026, 4).unwrap();
    for (b, u) in [(beslut, lov.id), (lou_beslut, lou.id)] {
        o.rapportera_leverans(
            kommun,
            u,
            &Leverans {
                beslut: b,
                manad: april,
                antal: 1500,
            },
            &al,
            nu,
        )
        .await
        .unwrap();
    }

    // The LOV provider's invoice: one line as ordered, one above the contract's price,
    // one naming the other provider's order (to this provider, no order at all).
    let csv = format!(
        "bestallning;period;enhet;antal;a_pris\n{beslut};2026-04;timme;10;450,00\n{beslut};2026-04;timme;5;495,00\n{lou_beslut};2026-04;timme;3;450\n"
    );
    let rader = las_faktura_csv(&csv).expect("valid file");
    o.las_in_faktura(kommun, lov.id, &rader, &al, nu)
        .await
        .unwrap();

    let (bestallningar, avtal, leveranser, faktura) = o
        .avstamningsunderlag(kommun, lov.id, april, |b| {
            [beslut, lou_beslut].contains(&b).then_some((
                InsatsTyp::StodIBoendet,
                Some(date!(2026 - 03 - 01)),
                None,
            ))
        })
        .await
        .unwrap();
    assert_eq!(bestallningar.len(), 1, "only the provider's own orders");
    assert_eq!(leveranser.len(), 1, "only the provider's own delivery");
    assert_eq!(faktura, rader);
    let avvikelser = stam_av(lov.id, &bestallningar, &avtal, &leveranser, &faktura);
    assert_eq!(
        avvikelser,
        vec![
            Avvikelse::PrisOverAvtal {
                rad: 3,
                beslut,
                avtalspris: 45_000,
                a_pris: 49_500
            },
            Avvikelse::IngenBestallning {
                rad: 4,
                referens: lou_beslut.to_string()
            },
        ]
    );
    // The other provider has no invoice lines; a neighbour kommun reads nothing.
    assert!(
        o.fakturarader(kommun, lou.id, april)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        o.fakturarader(granne_kommun, lov.id, april)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        o.leveranser(granne_kommun, lov.id, april)
            .await
            .unwrap()
            .is_empty()
    );

    assert_eq!(
        granskade(&app).await,
        [
            "avtal.spara",
            "avtal.spara",
            "bestallning.villkor",
            "bestallning.villkor",
            "faktura.las_in",
            "leverans.rapportera",
            "leverans.rapportera",
            "utforare.enhet",
            "utforare.skapa",
            "utforare.skapa",
            "utforare.skapa",
        ]
    );
}
pa_bada!(leverantorer_avtal_leverans_och_faktura);

/// Orders a granted case of HL's from `enhet` with the order's terms; returns the decision.
async fn bestall_fran(
    app: &TestApp,
    hl: &Klient,
    fnr: &str,
    enhet: lots_domain::ids::EnhetId,
    villkor: &[(&str, &str)],
) -> (String, String) {
    let p = registrera_person(hl, fnr, "Ulla", "Uppdrag").await;
    let a = registrera_ansokan(
        app,
        hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare",
    )
    .await;
    let b = crate::behorighet::bestall_till(app, hl, &a, &enhet.to_string(), villkor).await;
    (a, b)
}

async fn antal(app: &TestApp, sql: &'static str) -> i64 {
    app.store.bakdorr().fetch_all(sql, &[]).await.unwrap()[0]
        .int("n")
        .unwrap()
}

/// Item 5 and the order: the arbetsledare registers a provider and its contract (bad
/// input changes nothing), LOV's rules hold on the order, and the terms are recorded on
/// the case with the order.
async fn utforare_och_avtal_genom_sidorna(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;

    // A wrong organisationsnummer and an ickevalsalternativ outside LOV: nothing stored.
    let fore = antal(&app, "SELECT COUNT(*) AS n FROM utforarorganisation").await;
    let (s, _, body) = al
        .post(
            "/utforare",
            &[
                ("namn", "Upphandlad Stöd AB"),
                ("organisationsnummer", "556677-8890"),
                ("regiform", "lou"),
                ("ickevalsalternativ", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Kontrollsiffran ska stämma"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("Bara en utförare i valfrihetssystemet"));
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM utforarorganisation").await,
        fore
    );
    let (s, plats, _) = al
        .post(
            "/utforare",
            &[
                ("namn", "Upphandlad Stöd AB"),
                ("organisationsnummer", "5566778899"),
                ("regiform", "lou"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let sida = plats.unwrap();
    let (_, body) = al.get(&sida).await;
    assert!(body.contains("556677-8899") && body.contains("Upphandlad (LOU)"));

    // A contract that ends before it starts is refused; a good one is listed.
    let (s, _, body) = al
        .post(
            &format!("{sida}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2025-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "timme"),
                ("pris", "abc"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Skriv priset i kronor"), "{}", utdrag(&body));
    let (s, _, body) = al
        .post(
            &format!("{sida}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2025-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "timme"),
                ("pris", "450"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Avtalet kan inte sluta innan det börjar"));
    assert_eq!(antal(&app, "SELECT COUNT(*) AS n FROM avtal").await, 0);
    let (s, _, _) = al
        .post(
            &format!("{sida}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2026-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "timme"),
                ("pris", "450,50"),
                ("tak", "100 000"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (_, body) = hl.get(&sida).await;
    assert!(body.contains("450,50"), "{}", utdrag(&body));
    assert!(body.contains("100\u{a0}000,00"));
    // The handläggare reads, but does not keep, providers.
    let (s, _, _) = hl
        .post(
            "/utforare",
            &[
                ("namn", "X AB"),
                ("organisationsnummer", "5566778899"),
                ("regiform", "lou"),
            ],
        )
        .await;
    assert_eq!(s, 403);

    // LOV 9 kap. 2 §: an order to a LOV provider records the person's choice; the test
    // kommun's LOV provider is the ickevalsalternativ.
    let p = registrera_person(&hl, "19850606-0006", "Lova", "Val").await;
    let a = registrera_ansokan(
        &app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare",
    )
    .await;
    let leverantor = app.org.leverantor_enhet.to_string();
    let beslut = crate::behorighet::bestall_till(
        &app,
        &hl,
        &a,
        &leverantor,
        &[("val", "valt"), ("prisenhet", "timme"), ("beviljat", "20")],
    )
    .await;
    let villkor = app
        .store
        .organisation()
        .villkor_for_bestallning(app.org.kommun, beslut.parse().unwrap())
        .await
        .unwrap()
        .expect("the order's terms");
    assert_eq!(villkor.val, Val::Valt);
    assert_eq!(villkor.beviljat_per_manad, Some(2000));
    assert_eq!(villkor.utforare, app.org.leverantor_org);
    // Ordered again without a choice: the form says what LOV asks, nothing changes.
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/bestall"),
            &[
                ("beslut", beslut.as_str()),
                ("utforare", leverantor.as_str()),
                ("datum", "2026-04-23"),
                ("uppdrag", "Igen."),
                ("prisenhet", "timme"),
                ("beviljat", "-3"),
            ],
        )
        .await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    assert!(
        body.contains("ange om den enskilde valde utföraren"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("större än noll"));
    assert_eq!(
        app.store
            .organisation()
            .villkor_for_bestallning(app.org.kommun, beslut.parse().unwrap())
            .await
            .unwrap()
            .unwrap()
            .val,
        Val::Valt
    );
    // The choice is on the case, for the handläggare to read.
    let (_, body) = hl.get(&format!("/arenden/{a}")).await;
    assert!(
        body.contains("Den enskilde valde utföraren (LOV)"),
        "{}",
        utdrag(&body)
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(utforare_och_avtal_genom_sidorna);

/// Item 2: through the same `/uppdrag`, a provider's user sees only the orders sent to
/// its own unit: not another provider's, not the case behind its own, not another kommun's.
async fn en_utforare_ser_aldrig_en_annans_uppdrag(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let al = app.klient("arbetsledare").await;
    // Öppenvården is registered as the kommun's egen regi, a provider of its own.
    let (_, plats, _) = al
        .post(
            "/utforare",
            &[
                ("namn", "Öppenvården, egen regi"),
                ("organisationsnummer", "2120000142"),
                ("regiform", "egen_regi"),
            ],
        )
        .await;
    let egen = plats.unwrap();
    let oppen = app.org.utforare_enhet.to_string();
    let (s, _, _) = al
        .post(&format!("{egen}/enheter"), &[("enhet", oppen.as_str())])
        .await;
    assert_eq!(s, 303);
    let (a_lov, b_lov) = bestall_fran(
        &app,
        &hl,
        "19850707-0004",
        app.org.leverantor_enhet,
        &[
            ("val", "ickeval"),
            ("prisenhet", "tillfalle"),
            ("beviljat", "8"),
        ],
    )
    .await;
    let (_, b_egen) = bestall_fran(
        &app,
        &hl,
        "19850808-0002",
        app.org.utforare_enhet,
        &[("prisenhet", "timme")],
    )
    .await;

    let lev = app.klient("leverantor").await;
    let ut = app.klient("utforare").await;
    let (_, lista) = lev.get("/uppdrag").await;
    assert!(
        lista.contains(&b_lov) && !lista.contains(&b_egen),
        "{}",
        utdrag(&lista)
    );
    let (_, lista) = ut.get("/uppdrag").await;
    assert!(lista.contains(&b_egen) && !lista.contains(&b_lov));
    for (k, egen, annans) in [(&lev, &b_lov, &b_egen), (&ut, &b_egen, &b_lov)] {
        assert_eq!(k.get(&format!("/uppdrag/{egen}")).await.0, 200);
        assert_eq!(k.get(&format!("/uppdrag/{annans}")).await.0, 403);
        assert_eq!(k.get(&format!("/uppdrag/{annans}/plan")).await.0, 403);
        let (s, _, _) = k
            .post(
                &format!("/uppdrag/{annans}/leverans"),
                &[("manad", "2026-05"), ("antal", "3")],
            )
            .await;
        assert_eq!(s, 403);
    }
    // The order is not the case: the provider reaches neither it nor the person.
    assert_eq!(lev.get(&format!("/arenden/{a_lov}")).await.0, 403);
    assert_eq!(lev.get("/utforare").await.0, 403);
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM leverans").await,
        0,
        "no delivery was reported through a side door"
    );

    // Another kommun's utförare, on a unit of a provider of its own, sees nothing here.
    let (granne_enhet, granne) = grannkommun(&app, "Grannens utförare", false).await;
    let o = app.store.organisation();
    let gk = grannens_kommun(&app).await;
    let grannens = org("Grannens Omsorg AB", Regiform::Lov, false);
    let aktor = Aktor::from(&o.anvandare(gk, granne).await.unwrap().unwrap());
    o.skapa_utforarorganisation(gk, &grannens, &aktor, time::OffsetDateTime::now_utc())
        .await
        .unwrap();
    o.koppla_enhet_till_utforare(
        gk,
        granne_enhet,
        Some(grannens.id),
        &aktor,
        time::OffsetDateTime::now_utc(),
    )
    .await
    .unwrap();
    let mut u = o.anvandare(gk, granne).await.unwrap().unwrap();
    u.id = lots_domain::ids::AnvandarId::ny();
    u.anvandarnamn = "grannutforare".into();
    u.roll = lots_domain::organisation::Roll::Utforare;
    o.skapa_anvandare(&u).await.unwrap();
    let gu = app.klient("grannutforare").await;
    // Another kommun's order is not there at all (404), not merely forbidden.
    assert_eq!(gu.get(&format!("/uppdrag/{b_lov}")).await.0, 404);
    let (s, _, _) = gu
        .post(
            &format!("/uppdrag/{b_lov}/leverans"),
            &[("manad", "2026-05"), ("antal", "3")],
        )
        .await;
    assert_eq!(s, 404);
    let (_, lista) = gu.get("/uppdrag").await;
    assert!(!lista.contains(&b_lov) && !lista.contains(&b_egen));
    // Its invoice page is its own provider's: our orders are not offered.
    let (s, body) = gu.get("/fakturor").await;
    assert_eq!(s, 200);
    assert!(!body.contains(&b_lov) && body.contains("Grannens Omsorg AB"));
    // And the neighbour's arbetsledare finds no provider of ours.
    let gl = app.klient("granneledare").await;
    let id = app.org.leverantor_org;
    assert_eq!(gl.get(&format!("/utforare/{id}")).await.0, 404);
    assert_eq!(
        gl.get(&format!("/utforare/{id}/avstamning?manad=2026-05"))
            .await
            .0,
        404
    );
    let (_, body) = gl.get("/utforare").await;
    assert!(!body.contains("Omsorg Valfrihet AB"));
}
pa_bada!(en_utforare_ser_aldrig_en_annans_uppdrag);

/// Items 3–5: the provider reports delivery and sends its invoice; a bad file is refused
/// whole with its errors by line and column; the reconciliation flags exactly the lines
/// that do not match, for the arbetsledare (page and CSV) and the beställare.
async fn leverans_faktura_och_avstamning(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let al = app.klient("arbetsledare").await;
    let lev = app.klient("leverantor").await;
    let id = app.org.leverantor_org;
    let (s, _, _) = al
        .post(
            &format!("/utforare/{id}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2026-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    // Granted from 2026-04-20 to 2026-12-31, 8 sessions a month.
    let (a, b) = bestall_fran(
        &app,
        &hl,
        "19850707-0004",
        app.org.leverantor_enhet,
        &[
            ("val", "ickeval"),
            ("prisenhet", "tillfalle"),
            ("beviljat", "8"),
        ],
    )
    .await;
    // Another provider's order (Öppenvården, no provider organisation): not this provider's.
    let (_, annan) = bestall_fran(&app, &hl, "19850808-0002", app.org.utforare_enhet, &[]).await;

    // Delivery: a bad month and a zero are refused, nothing stored.
    let (s, _, body) = lev
        .post(
            &format!("/uppdrag/{b}/leverans"),
            &[("manad", "2026-13"), ("antal", "0")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Skriv månaden som ÅÅÅÅ-MM"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("större än noll"));
    assert_eq!(antal(&app, "SELECT COUNT(*) AS n FROM leverans").await, 0);
    for antal_ in ["6", "4"] {
        let (s, plats, _) = lev
            .post(
                &format!("/uppdrag/{b}/leverans"),
                &[("manad", "2026-05"), ("antal", antal_)],
            )
            .await;
        assert_eq!((s, plats), (303, Some(format!("/uppdrag/{b}#leverans"))));
    }
    let (_, body) = lev.get(&format!("/uppdrag/{b}")).await;
    assert!(
        body.contains("maj 2026") || body.contains("Maj 2026"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains("10 tillfällen"));

    // A file with errors: every error named, nothing stored.
    let fil = |text: String| {
        reqwest::multipart::Form::new()
            .text("_csrf", lev.csrf.clone())
            .part(
                "fil",
                reqwest::multipart::Part::bytes(text.into_bytes()).file_name("faktura.csv"),
            )
    };
    let (s, body) = lev
        .multipart(
            "/fakturor",
            fil(format!(
                "bestallning;period;enhet;antal;a_pris\n{b};2026-05;tillfalle;8;600\n{b};2026-5;tillfalle;x;600\n"
            )),
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Rad 3, kolumn period"), "{}", utdrag(&body));
    assert!(body.contains("Rad 3, kolumn antal"));
    assert_eq!(antal(&app, "SELECT COUNT(*) AS n FROM fakturarad").await, 0);

    // The invoice: two lines match (the months' delivery, within the period), and two
    // do not: March is before the decision's period, and one names another's order.
    // The month's delivery (10) is also more than the 8 granted.
    let (s, body) = lev
        .multipart(
            "/fakturor",
            fil(format!(
                "bestallning;period;enhet;antal;a_pris\n{b};2026-05;tillfalle;8;600\n{b};2026-05;tillfalle;2;600,00\n{b};2026-03;tillfalle;1;600\n{annan};2026-05;tillfalle;3;600\n"
            )),
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let (_, body) = lev.get("/fakturor?manad=2026-05&inlasta=4").await;
    assert!(
        body.contains("4 fakturarader togs emot"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains(&annan), "the provider sees the lines it sent");
    // Entered by hand: a bad quantity is shown beside its field; a good line is stored.
    let (s, _, body) = lev
        .post(
            "/fakturor/rad",
            &[
                ("bestallning", b.as_str()),
                ("period", "2026-05"),
                ("enhet", "tillfalle"),
                ("antal", "-1"),
                ("a_pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Antalet ska vara ett positivt tal"));
    assert_eq!(antal(&app, "SELECT COUNT(*) AS n FROM fakturarad").await, 4);

    // The arbetsledare's reconciliation for May (March's line is in March's).
    let (s, body) = al
        .get(&format!("/utforare/{id}/avstamning?manad=2026-05"))
        .await;
    assert_eq!(s, 200);
    assert!(
        body.contains("Levererat 10 men beviljat 8"),
        "{}",
        utdrag(&body)
    );
    assert!(
        body.contains(&format!(
            "Rad 3: det finns ingen beställning till utföraren med referensen &quot;{annan}&quot;"
        )) || body.contains(&format!(
            "Rad 3: det finns ingen beställning till utföraren med referensen &#34;{annan}&#34;"
        )),
        "{}",
        utdrag(&body)
    );
    assert!(
        !body.contains("Rad 1:") && !body.contains("Rad 2:"),
        "lines that match carry no flag"
    );
    let (s, csv) = al
        .get(&format!("/utforare/{id}/avstamning.csv?manad=2026-05"))
        .await;
    assert_eq!(s, 200);
    assert_eq!(csv.lines().count(), 1 + 3 + 1, "{csv}");
    assert!(csv.contains("Levererat 10 men beviljat 8"));
    let (_, body) = al
        .get(&format!("/utforare/{id}/avstamning?manad=2026-03"))
        .await;
    assert!(
        body.contains("Rad 1: mars 2026 ligger utanför beslutets period")
            || body.contains("ligger utanför beslutets period"),
        "{}",
        utdrag(&body)
    );
    // Billed more than delivered: one more line for May takes the total above the delivery.
    let (s, _, _) = lev
        .post(
            "/fakturor/rad",
            &[
                ("bestallning", b.as_str()),
                ("period", "2026-05"),
                ("enhet", "tillfalle"),
                ("antal", "1"),
                ("a_pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (_, body) = al
        .get(&format!("/utforare/{id}/avstamning?manad=2026-05"))
        .await;
    assert!(
        body.contains("fakturerat 11 men levererat 10"),
        "{}",
        utdrag(&body)
    );

    // The beställare sees the differences on the orders from their cases; another
    // enhet's handläggare does not; the provider never reaches the reconciliation.
    let (_, body) = hl.get("/avvikelser?manad=2026-05").await;
    assert!(body.contains(&format!("/arenden/{a}")), "{}", utdrag(&body));
    assert!(body.contains("Levererat 10 men beviljat 8"));
    assert!(body.contains("fakturerat 11 men levererat 10"));
    let ekonom = app.klient("ekonom").await;
    let (_, body) = ekonom.get("/avvikelser?manad=2026-05").await;
    assert!(!body.contains(&a));
    assert_eq!(
        lev.get(&format!("/utforare/{id}/avstamning?manad=2026-05"))
            .await
            .0,
        403
    );
    assert_eq!(
        hl.get(&format!("/utforare/{id}/avstamning?manad=2026-05"))
            .await
            .0,
        403
    );
    assert_eq!(
        al.get(&format!("/utforare/{id}/avstamning?manad=maj"))
            .await
            .0,
        400
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(leverans_faktura_och_avstamning);

/// Today in Sweden, as the server reckons it.
fn idag() -> time::Date {
    lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc())
}

/// A granted, open-ended decision on a new application of HL's, not yet ordered: the
/// case and the decision.
async fn beviljat(app: &TestApp, hl: &Klient, fnr: &str) -> (String, String) {
    let p = registrera_person(hl, fnr, "Olle", "Order").await;
    let a = registrera_ansokan(
        app,
        hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare",
    )
    .await;
    hl.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    hl.steg(&a, "avsluta-utredning", &[("datum", "2026-04-01")])
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
            ("period_till", ""),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let b = app.arende(&a).await.beslut[0].id().to_string();
    (a, b)
}

/// Item 6 of the task: the order form does not pick a provider for the beställare. The
/// Utförare select starts on an empty choice (none of the units selected), and an order
/// sent without one is refused and changes nothing.
async fn bestallningen_valjer_ingen_utforare_at_den_enskilde(db: Db) {
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let (a, b) = beviljat(&app, &hl, "19850909-0000").await;
    let (s, sida) = hl.get(&format!("/arenden/{a}/steg/bestall")).await;
    assert_eq!(s, 200);
    let i = sida.find("<select id=\"utforare\"").expect("the select");
    let slut = i + sida[i..].find("</select>").unwrap();
    let select = &sida[i..slut];
    assert!(
        select.contains("<option value=\"\">Välj utförare</option>"),
        "{select}"
    );
    assert!(
        !select.contains("selected"),
        "nothing preselected: {select}"
    );
    assert!(select.contains(&app.org.leverantor_enhet.to_string()));
    let handelser = handelsetyper(&app, &a).await.len();
    let (s, _, body) = hl
        .post(
            &format!("/arenden/{a}/steg/bestall"),
            &[
                ("beslut", b.as_str()),
                ("utforare", ""),
                ("datum", "2026-04-22"),
                ("uppdrag", "Samtal."),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Välj utförare."), "{}", utdrag(&body));
    assert_eq!(handelsetyper(&app, &a).await.len(), handelser);
}
pa_bada!(bestallningen_valjer_ingen_utforare_at_den_enskilde);

/// Item 5 of the task: the arbetsledare changes a contract's terms and ends it, and ends
/// a provider, from a day; old versions stay and every change is audited; bad input is
/// refused with a Swedish error and changes nothing; an ended contract takes no new order,
/// and the running order is listed for the beställare to move.
async fn avtal_andras_och_avslutas(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;
    let id = app.org.leverantor_org;
    let (s, _, _) = al
        .post(
            &format!("/utforare/{id}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2027-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let avtal = app
        .store
        .bakdorr()
        .fetch_all("SELECT id FROM avtal", &[])
        .await
        .unwrap()[0]
        .text("id")
        .unwrap();
    let sida = format!("/utforare/{id}/avtal/{avtal}");
    let (s, body) = hl.get(&sida).await;
    assert_eq!(s, 200, "the handläggare reads the contract");
    assert!(
        !body.contains("Ändra avtalets villkor"),
        "but may not change it"
    );

    // A running order under the contract, made before it ends.
    let (a, b) = beviljat(&app, &hl, "19850707-0004").await;
    let leverantor = app.org.leverantor_enhet.to_string();
    let villkor = [
        ("val", "valt"),
        ("prisenhet", "tillfalle"),
        ("beviljat", "8"),
    ];
    let mut falt = vec![
        ("beslut", b.as_str()),
        ("utforare", leverantor.as_str()),
        ("datum", "2026-04-22"),
        ("uppdrag", "Samtal enligt beslut."),
    ];
    falt.extend_from_slice(&villkor);
    hl.steg(&a, "bestall", &falt).await;

    // Bad input: the terms as they were, no version written.
    let (s, _, body) = al
        .post(
            &sida,
            &[
                ("fran", "2026-01-01"),
                ("till", "2025-06-30"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "700"),
            ],
        )
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Avtalet kan inte sluta innan det börjar"));
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM avtalsversion").await,
        0
    );
    assert_eq!(antal(&app, "SELECT pris_ore AS n FROM avtal").await, 60_000);
    // The handläggare may not change it.
    let (s, _, _) = hl
        .post(
            &sida,
            &[
                ("fran", "2026-01-01"),
                ("till", "2027-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "1"),
            ],
        )
        .await;
    assert_eq!(s, 403);
    // A new price: the old terms stay as version 1, the change is audited.
    let (s, plats, _) = al
        .post(
            &sida,
            &[
                ("fran", "2026-01-01"),
                ("till", "2027-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "650"),
            ],
        )
        .await;
    assert_eq!((s, plats.as_deref()), (303, Some(sida.as_str())));
    assert_eq!(antal(&app, "SELECT pris_ore AS n FROM avtal").await, 65_000);
    assert_eq!(
        antal(
            &app,
            "SELECT pris_ore AS n FROM avtalsversion WHERE version = 1"
        )
        .await,
        60_000
    );
    let (_, body) = al.get(&sida).await;
    assert!(body.contains("Tidigare versioner"), "{}", utdrag(&body));
    assert!(body.contains("600,00") && body.contains("650,00"));
    assert!(granskade(&app).await.contains(&"avtal.andra".to_string()));

    // Ending: not after the contract's last day (that would lengthen it), not empty.
    let avsluta = format!("{sida}/avsluta");
    for (till, fel) in [
        ("2028-06-30", "Avtalet slutar redan tidigare"),
        ("", "datum"),
    ] {
        let (s, _, body) = al.post(&avsluta, &[("till", till)]).await;
        assert_eq!(s, 422, "{till}");
        assert!(
            body.to_lowercase().contains(&fel.to_lowercase()),
            "{fel}: {}",
            utdrag(&body)
        );
    }
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM avtalsversion").await,
        1
    );
    // Ended yesterday.
    let igar = (idag() - time::Duration::days(1)).to_string();
    let (s, _, _) = al.post(&avsluta, &[("till", igar.as_str())]).await;
    assert_eq!(s, 303);
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM avtalsversion").await,
        2
    );
    let (_, body) = al.get(&sida).await;
    assert!(body.contains("upphört"), "{}", utdrag(&body));

    // The ended contract takes no new order today; nothing is recorded.
    let (a2, b2) = beviljat(&app, &hl, "19850808-0002").await;
    let idag_text = idag().to_string();
    let mut falt = vec![
        ("beslut", b2.as_str()),
        ("utforare", leverantor.as_str()),
        ("datum", idag_text.as_str()),
        ("uppdrag", "Samtal enligt beslut."),
    ];
    falt.extend_from_slice(&villkor);
    let fore = handelsetyper(&app, &a2).await.len();
    let (s, _, body) = hl.post(&format!("/arenden/{a2}/steg/bestall"), &falt).await;
    assert_eq!(s, 422);
    assert!(body.contains("har upphört"), "{}", utdrag(&body));
    assert_eq!(handelsetyper(&app, &a2).await.len(), fore);

    // The running order is listed on the provider's page for the beställare to move;
    // not to another enhet's handläggare, who may not read the case.
    let (_, body) = hl.get(&format!("/utforare/{id}")).await;
    assert!(
        body.contains("Pågående beställningar att flytta"),
        "{}",
        utdrag(&body)
    );
    assert!(body.contains(&format!("/arenden/{a}")));
    let ekonom = app.klient("ekonom").await;
    let (_, body) = ekonom.get(&format!("/utforare/{id}")).await;
    assert!(!body.contains(&format!("/arenden/{a}")));

    // Ending the provider: an empty day is refused; a day ends it and its contracts.
    let (s, _, _) = al
        .post(&format!("/utforare/{id}/avsluta"), &[("till", "")])
        .await;
    assert_eq!(s, 422);
    assert_eq!(
        antal(
            &app,
            "SELECT COUNT(*) AS n FROM utforarorganisation WHERE till IS NOT NULL"
        )
        .await,
        0
    );
    let (s, _, _) = al
        .post(
            &format!("/utforare/{id}/avsluta"),
            &[("till", "2026-12-31")],
        )
        .await;
    assert_eq!(s, 303);
    let (_, body) = al.get(&format!("/utforare/{id}")).await;
    assert!(body.contains("Sista dag för beställningar"));
    assert!(body.contains("2026-12-31"));
    assert!(
        granskade(&app)
            .await
            .contains(&"utforare.avsluta".to_string())
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(avtal_andras_och_avslutas);

/// Item 4 of the task: a flagged invoice difference becomes a bevakning for the
/// beställande enhet, due before the payment day, on the work list; it closes when the
/// beställare disputes the line or approves it with a reason (not without one), or when
/// the delivery reported since removes it. Another enhet neither sees nor resolves it.
async fn fakturaavvikelse_blir_bevakning(db: Db) {
    let app = TestApp::ny(db).await;
    let al = app.klient("arbetsledare").await;
    let hl = app.klient("handlaggare").await;
    let lev = app.klient("leverantor").await;
    let id = app.org.leverantor_org;
    let (s, _, _) = al
        .post(
            &format!("/utforare/{id}/avtal"),
            &[
                ("fran", "2026-01-01"),
                ("till", "2027-12-31"),
                ("insatser", "oppenvardsbehandling"),
                ("prisenhet", "tillfalle"),
                ("pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let (a, b) = bestall_fran(
        &app,
        &hl,
        "19850707-0004",
        app.org.leverantor_enhet,
        &[
            ("val", "ickeval"),
            ("prisenhet", "tillfalle"),
            ("beviljat", "8"),
        ],
    )
    .await;
    let (s, _, _) = lev
        .post(
            &format!("/uppdrag/{b}/leverans"),
            &[("manad", "2026-05"), ("antal", "8")],
        )
        .await;
    assert_eq!(s, 303);
    assert_eq!(
        antal(&app, "SELECT COUNT(*) AS n FROM fakturaavvikelse").await,
        0,
        "delivery as granted: nothing to flag"
    );
    // Billed 10 sessions, delivered 8: flagged when the invoice comes in.
    let (s, _, _) = lev
        .post(
            "/fakturor/rad",
            &[
                ("bestallning", b.as_str()),
                ("period", "2026-05"),
                ("enhet", "tillfalle"),
                ("antal", "10"),
                ("a_pris", "600"),
            ],
        )
        .await;
    assert_eq!(s, 303);
    let rad = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT id, nyckel, frist, betalningsdag, hantering FROM fakturaavvikelse",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(rad.len(), 1);
    let forsta = rad[0].text("id").unwrap();
    assert!(
        rad[0]
            .text("nyckel")
            .unwrap()
            .starts_with("fakturerat_mer_an_levererat")
    );
    assert!(rad[0].opt_text("hantering").unwrap().is_none());
    // Due ten days before the invoice is paid, 30 days after it came in.
    let frist = rad[0].datum("frist").unwrap();
    let betalning = rad[0].datum("betalningsdag").unwrap();
    assert_eq!(betalning, idag() + time::Duration::days(30));
    assert_eq!(frist, betalning - time::Duration::days(10));

    // On the beställare's work list with the other bevakningar (behind "all", as it is
    // due later), leading to the difference; not on another enhet's.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    // ("Fakturaavvikelser" alone is the menu's link to the list.)
    assert!(start.contains("Fakturaavvikelse: "), "{}", utdrag(&start));
    assert!(start.contains(&format!("#avvikelse-{forsta}")));
    let ekonom = app.klient("ekonom").await;
    let (_, start) = ekonom.get("/?bevakningar=alla").await;
    assert!(!start.contains("Fakturaavvikelse: "));
    assert!(!start.contains(&format!("#avvikelse-{forsta}")));
    let (s, _, _) = ekonom
        .post(
            &format!("/avvikelser/{forsta}"),
            &[("hantering", "bestriden")],
        )
        .await;
    assert_eq!(s, 404, "another enhet's difference is not there");

    // More delivery reported since: billed no longer exceeds delivered, so that one
    // closes by itself; delivered 10 of 8 granted is a new difference.
    let (s, _, _) = lev
        .post(
            &format!("/uppdrag/{b}/leverans"),
            &[("manad", "2026-05"), ("antal", "2")],
        )
        .await;
    assert_eq!(s, 303);
    let lagen = allt(&app).await;
    assert_eq!(lagen.len(), 2, "{lagen:?}");
    assert!(lagen.contains(&(forsta.clone(), "stammer".into())));
    let andra = lagen
        .iter()
        .find(|(i, _)| *i != forsta)
        .map(|(i, _)| i.clone())
        .unwrap();
    assert!(lagen.contains(&(andra.clone(), String::new())));

    // Approving needs a reason: refused, still open; with one, closed and audited.
    let (s, _, body) = hl
        .post(&format!("/avvikelser/{andra}"), &[("hantering", "godkand")])
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains("Skriv varför avvikelsen kan godkännas."),
        "{}",
        utdrag(&body)
    );
    let (s, _, body) = hl
        .post(&format!("/avvikelser/{andra}"), &[("hantering", "betala")])
        .await;
    assert_eq!(s, 422, "{}", utdrag(&body));
    assert!(allt(&app).await.contains(&(andra.clone(), String::new())));
    let (s, _, _) = hl
        .post(
            &format!("/avvikelser/{andra}"),
            &[
                ("hantering", "godkand"),
                (
                    "motivering",
                    "Två extra samtal efter ett återfall, överenskommet per telefon.",
                ),
            ],
        )
        .await;
    assert_eq!(s, 303);
    assert!(
        allt(&app)
            .await
            .contains(&(andra.clone(), "godkand".into()))
    );
    // Resolved twice: the second is refused, nothing changes.
    let (s, _, _) = hl
        .post(
            &format!("/avvikelser/{andra}"),
            &[("hantering", "bestriden")],
        )
        .await;
    assert_eq!(s, 422);
    assert!(
        allt(&app)
            .await
            .contains(&(andra.clone(), "godkand".into()))
    );
    let handlingar: Vec<String> = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT handling FROM granskning WHERE handling LIKE 'fakturaavvikelse.%' AND arende IS NOT NULL",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("handling").unwrap())
        .collect();
    assert_eq!(handlingar, [format!("fakturaavvikelse.godkand:{andra}")]);
    // Gone from the work list; shown as resolved with its reason.
    let (_, start) = hl.get("/?bevakningar=alla").await;
    assert!(!start.contains("Fakturaavvikelse: "), "{}", utdrag(&start));
    let (_, sida) = hl.get("/avvikelser?manad=2026-05").await;
    assert!(sida.contains("Godkänd med motivering"), "{}", utdrag(&sida));
    assert!(sida.contains("efter ett återfall"));
    assert!(sida.contains(&format!("/arenden/{a}")));
    app.kontrollera_invarianter().await;
}
pa_bada!(fakturaavvikelse_blir_bevakning);

/// (id, hantering or "") of every flagged difference.
async fn allt(app: &TestApp) -> Vec<(String, String)> {
    app.store
        .bakdorr()
        .fetch_all("SELECT id, hantering FROM fakturaavvikelse", &[])
        .await
        .unwrap()
        .iter()
        .map(|r| {
            (
                r.text("id").unwrap(),
                r.opt_text("hantering").unwrap().unwrap_or_default(),
            )
        })
        .collect()
}

/// The kommun `grannkommun` made: the one that is not the test's own.
async fn grannens_kommun(app: &TestApp) -> lots_domain::ids::KommunId {
    app.store
        .organisation()
        .kommuner()
        .await
        .unwrap()
        .into_iter()
        .find(|k| k.id != app.org.kommun)
        .expect("a neighbouring kommun")
        .id
}
