//! Issue 16, item 7: the monthly statistics of ekonomiskt bistånd to Socialstyrelsen
//! (HSLF-FS 2015:30 3–4 §§), from försörjningsstöd cases walked through the real step forms:
//! the file compared with a hand-computed fixture, the check that blocks it, one kommun's
//! households only, and the report right.

use crate::hjalp::*;
use crate::pa_bada;

/// A single adult's month in March 2026: rent 6 480 and a salary of 3 000, so
/// 5 220 + 6 480 − 3 000 = 8 700 kr (the fields of `forsorjningsstod::ensam`).
fn mars() -> Vec<(&'static str, &'static str)> {
    vec![
        ("datum", "2026-03-05"),
        ("manad", "2026-03"),
        ("vuxna", "ensam"),
        ("hinder_sokande", "arbetar_otillracklig_inkomst"),
        ("boende_sokt", "6480"),
        ("boende_godkant", "6480"),
        ("ink1_medlem", "Sökande"),
        ("ink1_slag", "lon"),
        ("ink1_belopp", "3000"),
    ]
}

/// A försörjningsstöd case with March calculated; `betald`: decided, paid and sent.
async fn manad(app: &TestApp, k: &Klient, person: &str, betald: bool) -> String {
    let a = registrera_ansokan(
        app,
        k,
        person,
        "forsorjningsstod",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a, "forsorjningsstod", &mars()).await;
    if betald {
        betala(app, k, &a).await;
    }
    a
}

async fn betala(app: &TestApp, k: &Klient, a: &str) {
    k.steg(a, "avsluta-utredning", &[("datum", "2026-03-05")])
        .await;
    k.steg(
        a,
        "beslut",
        &[
            ("insats", "forsorjningsstod"),
            ("utfall", "bifall"),
            ("lagrum", "sol_12_1"),
            ("mal", "Skälig levnadsnivå"),
            ("omfattning", "Försörjningsstöd för mars 2026 med 8 700 kr."),
            ("period_fran", "2026-03-01"),
            ("motivering", "Beräknat enligt riksnormen."),
            ("datum", "2026-03-05"),
        ],
    )
    .await;
    let beslut = app.arende(a).await.beslut[0].id().to_string();
    k.steg(
        a,
        "utbetalning",
        &[
            ("beslut", &beslut),
            ("mottagare", "enskild"),
            ("konto", "6000 123456789"),
            ("belopp", "8700"),
            ("dag", "2026-03-05"),
        ],
    )
    .await;
    let u = app.arende(a).await.utbetalningar[0].id.to_string();
    k.steg(
        a,
        "utbetald",
        &[("utbetalning", &u), ("datum", "2026-03-05")],
    )
    .await;
}

/// A second kommun on the same database with its own handläggare and arbetsledare; a
/// household there with March calculated and not paid. Returns its arbetsledare's client.
async fn annan_kommun(app: &TestApp) -> Klient {
    let (enhet, handlaggare) = grannkommun(app, "Ekonomiskt bistånd", false).await;
    let k = inloggad(app, "granne").await;
    let p = registrera_person(&k, "19770707-7777", "Grannes", "Hushåll").await;
    let (s, plats, body) = k
        .post(
            &format!("/personer/{p}/arenden/nytt?typ=ansokan"),
            &[
                ("inkom", "2026-03-02"),
                ("kanal", "besok"),
                ("insatser", "forsorjningsstod"),
                ("beskrivning", "Vill ha stöd."),
                ("enhet", &enhet.to_string()),
                ("handlaggare", &handlaggare.to_string()),
            ],
        )
        .await;
    assert_eq!(s, 303, "{}", utdrag(&body));
    let a = plats.unwrap().trim_start_matches("/arenden/").to_owned();
    k.steg(&a, "inled-utredning", &[("datum", "2026-03-03")])
        .await;
    k.steg(&a, "forsorjningsstod", &mars()).await;
    inloggad(app, "granneledare").await
}

const HUVUD: &str = "kommunkod;redovisningsmanad;hushall;personnummer;roll;hushallstyp;antal_barn;utbetalt_kr;forsorjningshinder;avslutsorsak\n";

async fn statistik_till_socialstyrelsen(db: Db) {
    let postgres = matches!(db, Db::Postgres);
    let app = TestApp::ny(db).await;
    let hl = app.klient("handlaggare").await;
    let al = app.klient("arbetsledare").await;
    // Registered in the other order than the file numbers them: by personnummer.
    let dana = registrera_person(&hl, "19850505-1238", "Dana", "Ek").await;
    let bo = registrera_person(&hl, "19700101-1118", "Bo", "Al").await;
    let forsta = manad(&app, &hl, &dana, true).await;
    let obetald = manad(&app, &hl, &bo, false).await;
    let granne = annan_kommun(&app).await;

    // The check names Bo's case: calculated, nothing paid. The file is refused with it.
    let (s, sida) = al.get("/rapporter/ekonomiskt-bistand?manad=2026-03").await;
    assert_eq!(s, 200);
    assert!(sida.contains("Ekonomiskt bistånd till Socialstyrelsen, mars 2026"));
    assert!(sida.contains("Ska lämnas till Socialstyrelsen senast 2026-04-15."));
    assert!(
        sida.contains("Sista dagen har passerat."),
        "the test runs after April 2026"
    );
    assert!(
        sida.contains(
            "försörjningsstöd på 8700 kr är beräknat för mars 2026 men inget är utbetalt"
        ),
        "{}",
        utdrag(&sida)
    );
    assert!(sida.contains(&format!("href=\"/arenden/{obetald}\"")));
    assert!(
        !sida.contains("/rapporter/ekonomiskt-bistand.csv"),
        "no file link while something is missing"
    );
    let (s, text) = al
        .get("/rapporter/ekonomiskt-bistand.csv?manad=2026-03")
        .await;
    assert_eq!(s, 409);
    assert!(
        text.starts_with("Filen för mars 2026 kan inte tas fram förrän det här är åtgärdat:"),
        "{text}"
    );
    assert!(text.contains("men inget är utbetalt"), "{text}");
    assert!(!text.contains("19850505") && !text.contains("198505051238"));

    // Paid: nothing is missing and the file is as computed by hand. Bo (1970) is household 1.
    betala(&app, &hl, &obetald).await;
    let (s, sida) = al.get("/rapporter/ekonomiskt-bistand?manad=2026-03").await;
    assert_eq!(s, 200);
    assert!(
        sida.contains("Inget saknas. Filen kan hämtas och skickas."),
        "{}",
        utdrag(&sida)
    );
    assert!(sida.contains("/rapporter/ekonomiskt-bistand.csv?manad=2026-03"));
    // 2 households, 17 400 kr, both adults working with too little income.
    assert!(sida.contains("<dt>Hushåll</dt><dd>2</dd>"), "{sida}");
    assert!(sida.contains("<dd>17\u{a0}400\u{a0}kr</dd>"));
    assert!(sida.contains("<th scope=\"row\">Annat</th><td>2</td>"));
    let (s, fil) = al
        .get("/rapporter/ekonomiskt-bistand.csv?manad=2026-03")
        .await;
    assert_eq!(s, 200);
    assert_eq!(
        fil,
        format!(
            "{HUVUD}\
             0001;202603;1;197001011118;sokande;ensamstaende_utan_barn;0;8700;arbetar_otillracklig_inkomst;\n\
             0001;202603;2;198505051238;sokande;ensamstaende_utan_barn;0;8700;arbetar_otillracklig_inkomst;\n"
        )
    );
    // The other kommun's household is in its own statistics, never in this kommun's.
    assert!(!fil.contains("19770707"));
    let (_, sida) = al.get("/rapporter/ekonomiskt-bistand?manad=2026-03").await;
    assert!(!sida.contains("Grannes") && !sida.contains("19770707"));
    let (s, egen) = granne
        .get("/rapporter/ekonomiskt-bistand?manad=2026-03")
        .await;
    assert_eq!(s, 200);
    assert!(egen.contains("men inget är utbetalt"), "{}", utdrag(&egen));
    assert!(egen.contains("<dt>Hushåll</dt><dd>1</dd>"));
    // The migration fills the months from the stored events: the same file from its rows.
    let migrering = if postgres {
        include_str!("../../../store/migrations/postgres/0022_forsorjningsstod_manad.sql")
    } else {
        include_str!("../../../store/migrations/sqlite/0022_forsorjningsstod_manad.sql")
    };
    let fyll = migrering
        .split("-- The months already calculated")
        .nth(1)
        .and_then(|x| x.split_once('\n'))
        .and_then(|(_, x)| x.split(';').next())
        .unwrap();
    let bakdorr = app.store.bakdorr();
    bakdorr
        .execute("DELETE FROM forsorjningsstod_manad", &[])
        .await
        .unwrap();
    bakdorr.execute(fyll, &[]).await.unwrap();
    let (_, igen) = al
        .get("/rapporter/ekonomiskt-bistand.csv?manad=2026-03")
        .await;
    assert_eq!(igen, fil);
    // A month without aid: an empty file, only the header line.
    let (s, tom) = al
        .get("/rapporter/ekonomiskt-bistand.csv?manad=2026-01")
        .await;
    assert_eq!((s, tom.as_str()), (200, HUVUD));

    // The file was logged with both households' cases, before it was sent.
    let loggade = app
        .store
        .granskning()
        .granskningar_for_anvandare(app.org.anv("arbetsledare").id)
        .await
        .unwrap();
    for a in [&forsta, &obetald] {
        assert!(
            loggade
                .iter()
                .any(|(_, arende)| arende.as_deref() == Some(a.as_str())),
            "{a} has no audit row"
        );
    }
}
pa_bada!(statistik_till_socialstyrelsen);

/// Only the arbetsledare sees the statistics; a month ahead or in the wrong form is refused.
async fn bara_arbetsledaren_ser_statistiken(db: Db) {
    let app = TestApp::ny(db).await;
    for (anvandare, status) in [
        ("handlaggare", 403),
        ("registrator", 403),
        ("utforare", 403),
        ("systemforvaltare", 403),
        ("arbetsledare", 200),
    ] {
        let k = app.klient(anvandare).await;
        for sokvag in [
            "/rapporter/ekonomiskt-bistand",
            "/rapporter/ekonomiskt-bistand.csv",
        ] {
            let (s, _) = k.get(sokvag).await;
            assert_eq!(s, status, "{anvandare} {sokvag}");
        }
    }
    let al = app.klient("arbetsledare").await;
    let (_, lista) = al.get("/rapporter").await;
    assert!(lista.contains("href=\"/rapporter/ekonomiskt-bistand\""));
    for fel in ["2026-13", "mars", "2999-01"] {
        let (s, _) = al
            .get(&format!("/rapporter/ekonomiskt-bistand?manad={fel}"))
            .await;
        assert_eq!(s, 400, "{fel}");
    }
}
pa_bada!(bara_arbetsledaren_ser_statistiken);
