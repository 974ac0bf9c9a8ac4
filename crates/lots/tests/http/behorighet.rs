//! The authorization matrix (`behorighetsmatris.md`), every route × every role ×
//! the case it concerns; and that every case and person a user is shown has its
//! audit row.

use std::collections::{BTreeSet, HashMap};

use crate::hjalp::*;
use crate::pa_bada;

const MATRIS: &str = include_str!("behorighetsmatris.md");
pub(crate) const ANVANDARE: [&str; 8] = [
    "handlaggare",
    "arbetsledare",
    "utforare",
    "registrator",
    "systemforvaltare",
    "granskare",
    "skyddshandlaggare",
    "leverantor",
];

pub(crate) struct Rad {
    pub(crate) metod: String,
    pub(crate) sokvag: String,
    pub(crate) fall: String,
    pub(crate) celler: Vec<String>,
}

pub(crate) fn matris() -> Vec<Rad> {
    MATRIS
        .lines()
        .filter(|l| l.starts_with("| GET") || l.starts_with("| POST"))
        .map(|l| {
            let delar: Vec<String> = l
                .trim_matches('|')
                .split('|')
                .map(|d| d.trim().to_owned())
                .collect();
            assert_eq!(delar.len(), 3 + ANVANDARE.len(), "row: {l}");
            Rad {
                metod: delar[0].clone(),
                sokvag: delar[1].clone(),
                fall: delar[2].clone(),
                celler: delar[3..].to_vec(),
            }
        })
        .collect()
}

/// One case of the matrix: the case, its person, a document in it, and its order if any.
#[derive(Default, Clone)]
pub(crate) struct Fall {
    arende: String,
    person: String,
    dokument: String,
    uppdrag: String,
    /// A fullmakt the person gave (only the own case's person has one).
    fullmakt: String,
    /// A journal entry in the case.
    anteckning: String,
    /// A grant waiting for approval (issue 12 item 2).
    begaran: String,
    /// One of the kommun's text blocks (issue 20 item 5).
    textblock: String,
    /// One of the kommun's öppna insatser (issue 17 item 1).
    oppen_insats: String,
    /// One of the kommun's provider organisations (issue 17 item 5).
    utforare: String,
    /// A complaint sent without logging in, not yet assigned (issue 19 item 4).
    klagomal: String,
    /// One of that provider's contracts (issue 17).
    avtal: String,
    /// A flagged invoice difference on the case's order (issue 17).
    avvikelse: String,
    /// The person's request for a registerutdrag, unanswered (issue 18 item 7).
    utdrag: String,
}

impl Fall {
    /// Every id the case names (its case, person, document, order, …).
    pub(crate) fn idn(&self) -> Vec<String> {
        [
            &self.arende,
            &self.person,
            &self.dokument,
            &self.uppdrag,
            &self.fullmakt,
            &self.anteckning,
            &self.begaran,
            &self.textblock,
            &self.oppen_insats,
            &self.utforare,
            &self.klagomal,
            &self.avtal,
            &self.avvikelse,
            &self.utdrag,
        ]
        .into_iter()
        .filter(|i| !i.is_empty())
        .cloned()
        .collect()
    }
}

/// Writes a journal entry in the case through its step; returns the entry's id.
pub(crate) async fn anteckna(app: &TestApp, k: &Klient, a: &str) -> String {
    k.steg(
        a,
        "journal",
        &[("datum", "2026-03-02"), ("text", "Samtal.")],
    )
    .await;
    let (rad, _) = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    app.store
        .personer()
        .journal_for_person(app.org.kommun, rad.person)
        .await
        .unwrap()
        .into_iter()
        .find(|j| j.arende.to_string() == a)
        .expect("the entry")
        .id
        .to_string()
}

/// Takes a granted case to an order sent to the utförare; returns the decision's id.
pub(crate) async fn bestall(app: &TestApp, k: &Klient, a: &str) -> String {
    let utforare = app.org.utforare_enhet.to_string();
    bestall_till(app, k, a, &utforare, &[]).await
}

/// Takes a granted case to an order sent to the unit `utforare`, with the order's
/// terms in `villkor` (fields of the order form); returns the decision's id.
pub(crate) async fn bestall_till(
    app: &TestApp,
    k: &Klient,
    a: &str,
    utforare: &str,
    villkor: &[(&str, &str)],
) -> String {
    k.steg(a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(a, "avsluta-utredning", &[("datum", "2026-04-01")])
        .await;
    k.steg(
        a,
        "beslut",
        &[
            ("insats", "oppenvardsbehandling"),
            ("utfall", "bifall"),
            ("lagrum", "sol_11_1"),
            ("mal", "Minskat drickande"),
            ("omfattning", "Två samtal i veckan"),
            ("period_fran", "2026-04-20"),
            ("period_till", "2026-12-31"),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", "2026-04-20"),
        ],
    )
    .await;
    let beslut = app
        .store
        .arenden()
        .arende(app.org.kommun, a.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1
        .beslut[0]
        .id()
        .to_string();
    let mut falt = vec![
        ("beslut", beslut.as_str()),
        ("utforare", utforare),
        ("datum", "2026-04-22"),
        ("uppdrag", "Samtalsbehandling enligt beslut."),
    ];
    falt.extend_from_slice(villkor);
    k.steg(a, "bestall", &falt).await;
    beslut
}

/// A fullmakt for `person` registered from paper by `av`, with its signed
/// document, not yet approved.
async fn fran_papper(app: &TestApp, person: &str, av: &str) -> uuid::Uuid {
    let id = uuid::Uuid::now_v7();
    let a = app.org.anv(av);
    app.store
        .mina_sidor()
        .registrera_fullmakt(
            &lots_store::Fullmakt {
                id,
                kommun: app.org.kommun,
                person: person.parse().unwrap(),
                ombud_identitet: "196006061235".into(),
                ombud_namn: "Olle Ombud".into(),
                omfattning: lots_domain::fullmakt::Omfattning::Lasa,
                giltig_till: None,
                registrerad: time::OffsetDateTime::now_utc(),
                registrerad_av: a.namn.clone(),
                registrerad_av_anvandare: Some(a.id),
                godkand: None,
                aterkallad: None,
            },
            Some(&lots_store::Fullmaktsdokument {
                namn: "fullmakt.pdf".into(),
                innehallstyp: "application/pdf".into(),
                sha256: String::new(),
                innehall: PDF.to_vec(),
            }),
        )
        .await
        .unwrap();
    id
}

/// The cases of the matrix, built through the forms.
pub(crate) async fn bygg_fall(app: &TestApp) -> HashMap<&'static str, Fall> {
    let hl = app.klient("handlaggare").await;
    let hls = app.klient("skyddshandlaggare").await;
    let ekonom = app.klient("ekonom").await;
    let mut fall = HashMap::new();

    let p = registrera_person(&hl, "19850101-0006", "Eva", "Egen").await;
    let a = registrera_ansokan(
        app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare",
    )
    .await;
    let dokument = bifoga_pdf(&hl, &a, "Intyg").await;
    let anteckning = anteckna(app, &hl, &a).await;
    let uppdrag = bestall(app, &hl, &a).await;
    // A fullmakt registered from paper by another handläggare of the unit, waiting
    // for a second person's approval; and one registered by HL themselves.
    let fullmakt = fran_papper(app, &p, "handlaggare2").await;
    let egen = fran_papper(app, &p, "handlaggare").await;
    // A request for a registerutdrag that came in by letter, HL's to answer.
    let hl_anv = app.org.anv("handlaggare");
    let person = app
        .store
        .personer()
        .person(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    let registerutdrag = app
        .store
        .registerutdrag()
        .registrera(
            &person,
            lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc()),
            lots_domain::registerutdrag::Kanal::Brev,
            &lots_store::Aktor::from(hl_anv),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .to_string();
    fall.insert(
        "egenregistrerad",
        Fall {
            arende: a.clone(),
            person: p.clone(),
            fullmakt: egen.to_string(),
            ..Fall::default()
        },
    );
    fall.insert(
        "eget",
        Fall {
            arende: a,
            person: p,
            dokument,
            uppdrag,
            fullmakt: fullmakt.to_string(),
            anteckning,
            begaran: String::new(),
            textblock: String::new(),
            oppen_insats: String::new(),
            utforare: String::new(),
            klagomal: String::new(),
            avtal: String::new(),
            avvikelse: String::new(),
            utdrag: registerutdrag,
        },
    );

    // A case of HL's ordered from the external provider's unit, with the order's terms.
    let p = registrera_person(&hl, "19850505-0008", "Xerxes", "Extern").await;
    let a = registrera_ansokan(
        app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare",
    )
    .await;
    let leverantor = app.org.leverantor_enhet.to_string();
    let uppdrag = bestall_till(
        app,
        &hl,
        &a,
        &leverantor,
        &[
            ("val", "ickeval"),
            ("prisenhet", "tillfalle"),
            ("beviljat", "8"),
        ],
    )
    .await;
    // A difference on its order flagged to the beställare, as an invoice flags one.
    let nu = time::OffsetDateTime::now_utc();
    app.store
        .organisation()
        .flagga_fakturaavvikelser(
            app.org.kommun,
            app.org.leverantor_org,
            lots_domain::forsorjningsstod::Manad::ny(2026, 5).unwrap(),
            &[lots_store::NyFakturaavvikelse {
                nyckel: "levererat_mer_an_beviljat:matris".into(),
                beslut: uppdrag.parse().unwrap(),
                arende: a.parse().unwrap(),
                enhet: app.org.missbruk,
                text: "Levererat 10 men beviljat 8.".into(),
            }],
            &lots_store::Aktor::from(app.org.anv("leverantor")),
            nu,
        )
        .await
        .unwrap();
    let avvikelse = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT id FROM fakturaavvikelse WHERE kommun = $1",
            &[app.org.kommun.to_string().into()],
        )
        .await
        .unwrap()[0]
        .text("id")
        .unwrap();
    fall.insert(
        "extern",
        Fall {
            arende: a,
            person: p,
            uppdrag,
            avvikelse,
            ..Fall::default()
        },
    );

    let p = registrera_person(&hl, "19850202-0004", "Ella", "Enhet").await;
    let a = registrera_ansokan(
        app,
        &hl,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "handlaggare2",
    )
    .await;
    let dokument = bifoga_pdf(&hl, &a, "Intyg").await;
    let anteckning = anteckna(app, &hl, &a).await;
    fall.insert(
        "enhet",
        Fall {
            arende: a,
            person: p,
            dokument,
            anteckning,
            ..Fall::default()
        },
    );

    let p = registrera_person(&ekonom, "19850303-0002", "Anna", "Annan").await;
    let enhet = app.org.ekonomi.to_string();
    let h = app.org.anv("ekonom").id.to_string();
    let (s, plats, body) = ekonom
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", "2026-03-01"),
                ("kanal", "besok"),
                ("insatser", "forsorjningsstod"),
                ("beskrivning", "Behöver hjälp med hyran."),
                ("enhet", &enhet),
                ("handlaggare", &h),
            ],
        )
        .await;
    assert_eq!(s, 303, "ansökan: {}", utdrag(&body));
    let a = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    let dokument = bifoga_pdf(&ekonom, &a, "Intyg").await;
    let anteckning = anteckna(app, &ekonom, &a).await;
    fall.insert(
        "annan",
        Fall {
            arende: a,
            person: p,
            dokument,
            anteckning,
            ..Fall::default()
        },
    );

    let (s, plats, body) = hls
        .post(
            "/personer/ny",
            &[
                ("identitet_typ", "personnummer"),
                ("identitet", "19850404-0000"),
                ("fornamn", "Sam"),
                ("efternamn", "Skyddad"),
                ("skyddad", "ja"),
            ],
        )
        .await;
    assert_eq!(s, 303, "protected person: {}", utdrag(&body));
    let p = plats.unwrap().trim_start_matches("/personer/").to_owned();
    let a = registrera_ansokan(
        app,
        &hls,
        &p,
        "oppenvardsbehandling",
        "2026-03-01",
        "skyddshandlaggare",
    )
    .await;
    let dokument = bifoga_pdf(&hls, &a, "Intyg").await;
    let anteckning = anteckna(app, &hls, &a).await;
    let uppdrag = bestall(app, &hls, &a).await;
    fall.insert(
        "skyddad",
        Fall {
            arende: a,
            person: p,
            dokument,
            uppdrag,
            fullmakt: String::new(),
            anteckning,
            begaran: String::new(),
            textblock: String::new(),
            oppen_insats: String::new(),
            utforare: String::new(),
            klagomal: String::new(),
            avtal: String::new(),
            avvikelse: String::new(),
            utdrag: String::new(),
        },
    );
    // One of the kommun's text blocks, saved by the arbetsledare.
    let (textblock, _) = app
        .store
        .organisation()
        .spara_textblock(
            app.org.kommun,
            None,
            &lots_domain::textblock::Textblock::ny("Avslag", "Behovet tillgodoses på annat sätt.")
                .unwrap(),
            &lots_store::Aktor::from(app.org.anv("arbetsledare")),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    // One of the kommun's öppna insatser, recorded by the systemförvaltare.
    let (oppen_insats, _) = app
        .store
        .organisation()
        .spara_oppen_insats(
            app.org.kommun,
            None,
            &crate::oppna_insatser::exempel(app.org.utforare_enhet),
            &lots_store::Aktor::from(app.org.anv("systemforvaltare")),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    // A complaint sent without logging in (issue 19 item 4).
    let konto = app
        .store
        .mina_sidor()
        .mina_sidor_konto(app.org.kommun)
        .await
        .unwrap();
    let klagomal = app
        .store
        .klagomal()
        .registrera(
            app.org.kommun,
            &lots_domain::klagomal::Inskick::tolka("klagomal", "bemotande", "Otrevlig.", "", "")
                .unwrap(),
            lots_domain::klagomal::Kanal::Webb,
            None,
            "Synpunkt utan inloggning",
            &konto,
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap()
        .id;
    // One of the provider's contracts, kept by the arbetsledare.
    let avtal = lots_domain::ids::AvtalId::ny();
    app.store
        .organisation()
        .spara_avtal(
            app.org.kommun,
            &lots_domain::utforare::Avtal {
                id: avtal,
                utforare: app.org.leverantor_org,
                fran: time::macros::date!(2026 - 01 - 01),
                till: time::macros::date!(2027 - 12 - 31),
                insatser: vec![lots_domain::insats::InsatsTyp::Oppenvardsbehandling],
                prisenhet: lots_domain::utforare::Prisenhet::Tillfalle,
                pris: 60_000,
                tak_per_manad: None,
            },
            &lots_store::Aktor::from(app.org.anv("arbetsledare")),
            time::OffsetDateTime::now_utc(),
        )
        .await
        .unwrap();
    fall.insert(
        "kommunens",
        Fall {
            avtal: avtal.to_string(),
            klagomal: klagomal.to_string(),
            textblock: textblock.to_string(),
            oppen_insats: oppen_insats.to_string(),
            utforare: app.org.leverantor_org.to_string(),
            ..Fall::default()
        },
    );
    // Grants themselves a role: the systemförvaltare asks for the protected-person
    // right on its own account (*egen*), and for the arbetsledare's own account
    // (*till_sig*: the arbetsledare may not approve a grant to themselves).
    let sf = app.klient("systemforvaltare").await;
    let missbruk = app.org.missbruk.to_string();
    for (fallnamn, konto, roll) in [
        ("egen", "systemforvaltare", "systemforvaltare"),
        ("till_sig", "arbetsledare", "arbetsledare"),
    ] {
        let id = app.org.anv(konto).id.to_string();
        let (s, plats, _) = sf
            .post(
                &format!("/admin/anvandare/{id}"),
                &[
                    ("namn", app.org.anv(konto).namn.as_str()),
                    ("roll", roll),
                    ("enhet", &missbruk),
                    ("aktiv", "ja"),
                    ("skyddad_behorighet", "ja"),
                ],
            )
            .await;
        assert_eq!((s, plats.as_deref()), (303, Some("/behorigheter")));
        // The request just made, still waiting for an arbetsledare.
        let begaran = app
            .store
            .organisation()
            .vantande_behorigheter(app.org.kommun)
            .await
            .unwrap()
            .into_iter()
            .find(|b| b.anvandare.to_string() == id)
            .unwrap()
            .id
            .to_string();
        fall.insert(
            fallnamn,
            Fall {
                begaran,
                ..Fall::default()
            },
        );
    }
    fall
}

pub(crate) fn fyll_i(app: &TestApp, sokvag: &str, f: Option<&Fall>) -> String {
    let f = f.cloned().unwrap_or_default();
    let registrator = app.org.anv("registrator").id.to_string();
    let s = sokvag
        .replace("{ar}", "2026")
        .replace("{steg}", "journal")
        .replace("{fullmakt}", &f.fullmakt)
        .replace("{anteckning}", &f.anteckning)
        .replace("{avtal}", &f.avtal)
        .replace("{utdrag}", &f.utdrag)
        // A new link closes the account: not one of the users the matrix logs in as.
        .replace(
            "/admin/anvandare/{id}/aktiveringslank",
            &format!(
                "/admin/anvandare/{}/aktiveringslank",
                app.org.anv("handlaggare2").id
            ),
        )
        .replace("{token}", "okand")
        .replace(
            "/admin/anvandare/{id}",
            &format!("/admin/anvandare/{registrator}"),
        )
        .replace(
            "/admin/enheter/{id}",
            &format!("/admin/enheter/{}", app.org.missbruk),
        )
        // Ending a cover names a handläggare of the arbetsledare's enhet.
        .replace(
            "/enhet/ersattare/{id}/avsluta",
            &format!(
                "/enhet/ersattare/{}/avsluta",
                app.org.anv("handlaggare2").id
            ),
        );
    if s.starts_with("/personer/{id}") {
        s.replace("{id}", &f.person)
    } else if s.starts_with("/dokument/") {
        s.replace("{id}", &f.dokument)
    } else if s.starts_with("/uppdrag/") {
        s.replace("{id}", &f.uppdrag)
    } else if s.starts_with("/behorigheter/") {
        s.replace("{id}", &f.begaran)
    } else if s.starts_with("/avvikelser/") {
        s.replace("{id}", &f.avvikelse)
    } else if s.starts_with("/utforare/") {
        s.replace("{id}", &f.utforare)
    } else if s.starts_with("/klagomal/") {
        s.replace("{id}", &f.klagomal)
    } else if s.starts_with("/textblock/") {
        s.replace("{id}", &f.textblock)
    } else if s.starts_with("/oppna-insatser/") || s.starts_with("/mottagning/") {
        s.replace("{id}", &f.oppen_insats)
    } else {
        s.replace("{id}", &f.arende)
    }
}

/// What a response means for the matrix.
pub(crate) fn utfall(sokvag: &str, status: u16, plats: Option<&str>) -> &'static str {
    match (status, plats) {
        (403 | 404, _) => "nej",
        (303, Some(p)) if p.ends_with("/atkomst") => "skäl",
        // Sent to log in: refused, except when logging out is what was asked.
        (303, Some("/logga-in")) if sokvag != "/logga-ut" => "nej",
        (303, Some("/mina-sidor/logga-in")) => "nej",
        _ => "ja",
    }
}

async fn matrisen(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = bygg_fall(&app).await;
    let rader = matris();

    // Every route the server answers has its row.
    let kanda: BTreeSet<&str> = rader.iter().map(|r| r.sokvag.as_str()).collect();
    for sokvag in lots_web::sokvagar() {
        assert!(
            kanda.contains(sokvag),
            "{sokvag} has no row in behorighetsmatris.md"
        );
    }

    let mut klienter = vec![];
    for namn in ANVANDARE {
        klienter.push(app.klient(namn).await);
    }
    let mut fel = vec![];
    for rad in &rader {
        let f = if rad.fall == "–" {
            None
        } else {
            Some(fall.get(rad.fall.as_str()).expect("known case"))
        };
        let url = fyll_i(&app, &rad.sokvag, f);
        for (k, (namn, vantat)) in klienter.iter().zip(ANVANDARE.iter().zip(&rad.celler)) {
            let (status, plats) = match rad.metod.as_str() {
                "GET" => {
                    let (s, plats) = k.get_med_plats(&url).await;
                    (s, plats)
                }
                _ if url.ends_with("/steg/dokument") || url.ends_with("/fullmakter/ny") => {
                    let form = reqwest::multipart::Form::new().text("_csrf", k.csrf.clone());
                    k.multipart_med_plats(&url, form).await
                }
                // The login forms carry the login page's pre-session token, not a session's.
                _ if url == "/logga-in" || url == "/mina-sidor/logga-in" => {
                    let (s, plats, _) = k.logga_in_via(&url, &url, &[]).await;
                    (s, plats)
                }
                _ => {
                    let (s, plats, _) = k.post(&url, &[]).await;
                    (s, plats)
                }
            };
            let fick = utfall(&rad.sokvag, status, plats.as_deref());
            if fick != vantat {
                fel.push(format!(
                    "{} {} ({}) as {namn}: expected {vantat}, got {fick} ({status} {plats:?})",
                    rad.metod, rad.sokvag, rad.fall
                ));
            }
        }
    }
    assert!(
        fel.is_empty(),
        "authorization matrix broken:\n{}",
        fel.join("\n")
    );
}
pa_bada!(matrisen);

/// Every case and person a page or export links to has an audit row for that user,
/// written before the response was sent (DESIGN.md principle 4).
async fn allt_som_visas_ar_loggat(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = bygg_fall(&app).await;
    let sidor_for = |namn: &str| -> Vec<String> {
        let mut sidor: Vec<String> = vec!["/".into(), "/uppdrag".into()];
        for f in fall.values() {
            sidor.push(format!("/personer/{}", f.person));
            sidor.push(format!("/arenden/{}", f.arende));
            if !f.uppdrag.is_empty() {
                sidor.push(format!("/uppdrag/{}", f.uppdrag));
            }
        }
        if namn == "arbetsledare" {
            for r in [
                "/rapporter/ej-verkstallda?ar=2026&kvartal=2",
                "/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-12-31",
                "/rapporter/delegationsbeslut.csv?fran=2026-01-01&till=2026-12-31",
            ] {
                sidor.push(r.into());
            }
        }
        sidor
    };
    let mut kontrollerade = 0;
    for namn in [
        "handlaggare",
        "arbetsledare",
        "utforare",
        "skyddshandlaggare",
        "ekonom",
        "leverantor",
    ] {
        let k = app.klient(namn).await;
        let id = app.org.anv(namn).id;
        let mut visade: Vec<(String, String)> = vec![];
        for sida in sidor_for(namn) {
            let (status, body) = k.get(&sida).await;
            if status != 200 {
                continue;
            }
            for (typ, uuid) in lankar(&body) {
                visade.push((typ, uuid));
            }
        }
        // A search hit shows a person.
        let (_, _, body) = k.post("/personer/sok", &[("fraga", "Eva")]).await;
        visade.extend(lankar(&body));
        let rader = app
            .store
            .granskning()
            .granskningar_for_anvandare(id)
            .await
            .unwrap();
        for (typ, uuid) in visade {
            let finns = rader.iter().any(|(person, arende)| match typ.as_str() {
                "personer" => person.as_deref() == Some(uuid.as_str()),
                "uppdrag" => true,
                _ => arende.as_deref() == Some(uuid.as_str()),
            });
            assert!(finns, "{namn} was shown {typ}/{uuid} with no audit row");
            kontrollerade += 1;
        }
    }
    assert!(
        kontrollerade > 20,
        "the test saw too little: {kontrollerade}"
    );
}
pa_bada!(allt_som_visas_ar_loggat);

/// The case and person links of a page: (kind, uuid).
fn lankar(html: &str) -> Vec<(String, String)> {
    let mut ut = vec![];
    for typ in ["arenden", "personer"] {
        let monster = format!("/{typ}/");
        let mut rest = html;
        while let Some(i) = rest.find(&monster) {
            rest = &rest[i + monster.len()..];
            let uuid: String = rest
                .chars()
                .take_while(|c| c.is_ascii_hexdigit() || *c == '-')
                .collect();
            if uuid.len() == 36 {
                ut.push((typ.to_string(), uuid));
            }
        }
    }
    // CSV exports name the case by its id alone.
    for rad in html.lines() {
        for cell in rad.split(';') {
            let cell = cell.trim();
            if cell.len() == 36
                && cell.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
                && !html.contains("<html")
            {
                ut.push(("arenden".into(), cell.to_string()));
            }
        }
    }
    ut
}
