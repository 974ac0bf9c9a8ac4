//! Property: no list, search, count or report shows a user a case or a person the
//! policy refuses them, whatever the cases' enheter, handläggare and protection.

use lots_web::policy::{self, ArendeResurs, Atgard};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::hjalp::*;

/// One generated case: at missbruk (false) or ekonomi (true), its handläggare by
/// index among that enhet's staff (or none), and whether the person is protected.
#[derive(Debug, Clone)]
struct Genererat {
    ekonomi: bool,
    handlaggare: Option<usize>,
    skyddad: bool,
}

fn fall() -> impl Strategy<Value = Vec<Genererat>> {
    prop::collection::vec(
        (any::<bool>(), prop::option::of(0usize..3), any::<bool>()).prop_map(
            |(ekonomi, handlaggare, skyddad)| Genererat {
                ekonomi,
                handlaggare,
                skyddad,
            },
        ),
        1..7,
    )
}

const TITTARE: [&str; 7] = [
    "handlaggare",
    "handlaggare2",
    "arbetsledare",
    "ekonom",
    "skyddshandlaggare",
    "registrator",
    "utforare",
];

async fn kontrollera(db: Db, genererat: Vec<Genererat>) {
    let app = TestApp::ny(db).await;
    // The one user who may see everyone registers the cases.
    let hls = app.klient("skyddshandlaggare").await;
    for (n, g) in genererat.iter().enumerate() {
        let nummer = format!("1990010{}-1230", n + 1);
        let nummer = giltigt(&nummer);
        let mut falt = vec![
            ("identitet_typ", "personnummer".to_string()),
            ("identitet", nummer),
            ("fornamn", "Prop".to_string()),
            ("efternamn", format!("Person{n}")),
        ];
        if g.skyddad {
            falt.push(("skyddad", "ja".into()));
        }
        let falt: Vec<(&str, &str)> = falt.iter().map(|(a, b)| (*a, b.as_str())).collect();
        let (s, plats, body) = hls.post("/personer/ny", &falt).await;
        assert_eq!(s, 303, "person: {}", utdrag(&body));
        let person = plats.unwrap().trim_start_matches("/personer/").to_owned();
        let (enhet, personal): (_, &[&str]) = if g.ekonomi {
            (app.org.ekonomi, &["ekonom"])
        } else {
            (
                app.org.missbruk,
                &["handlaggare", "handlaggare2", "skyddshandlaggare"],
            )
        };
        let handlaggare = g
            .handlaggare
            .map(|i| app.org.anv(personal[i % personal.len()]).id.to_string())
            .unwrap_or_default();
        let enhet = enhet.to_string();
        let (s, _, body) = hls
            .post(
                &format!("/personer/{person}/arenden/nytt?typ=ansokan"),
                &[
                    ("inkom", "2026-03-01"),
                    ("kanal", "besok"),
                    ("insatser", "oppenvardsbehandling"),
                    ("beskrivning", "Vill ha stöd."),
                    ("enhet", &enhet),
                    ("handlaggare", &handlaggare),
                ],
            )
            .await;
        assert_eq!(s, 303, "ansökan: {}", utdrag(&body));
    }
    let personer: Vec<String> = {
        let (_, _, body) = hls.post("/personer/sok", &[("fraga", "Prop")]).await;
        lankar_till(&body, "personer")
    };
    assert_eq!(personer.len(), genererat.len(), "the registrar sees all");

    for namn in TITTARE {
        let anvandare = app.org.anv(namn).clone();
        let k = app.klient(namn).await;
        let mut sidor = vec!["/".to_string()];
        for p in &personer {
            sidor.push(format!("/personer/{p}"));
        }
        sidor.push("/uppdrag".into());
        sidor.push("/rapporter/delegationsbeslut.csv?fran=2026-01-01&till=2026-12-31".into());
        let mut visat = vec![];
        for sida in &sidor {
            let (status, body) = k.get(sida).await;
            if status == 200 {
                visat.push(body);
            }
        }
        let (_, _, sok) = k.post("/personer/sok", &[("fraga", "Prop")]).await;
        visat.push(sok);
        for body in &visat {
            for a in lankar_till(body, "arenden") {
                let (rad, _) = app
                    .store
                    .arenden()
                    .arende(app.org.kommun, a.parse().unwrap())
                    .await
                    .unwrap()
                    .unwrap();
                assert!(
                    policy::far(&anvandare, Atgard::LasaArende(ArendeResurs::av(&rad))),
                    "{namn} was shown case {a}, which the policy refuses"
                );
            }
            for p in lankar_till(body, "personer") {
                let person = app
                    .store
                    .personer()
                    .person(app.org.kommun, p.parse().unwrap())
                    .await
                    .unwrap()
                    .unwrap();
                assert!(
                    policy::far(
                        &anvandare,
                        Atgard::SePerson {
                            skyddad: person.skyddad
                        }
                    ),
                    "{namn} was shown person {p}, whom the policy hides"
                );
                if person.skyddad {
                    assert!(
                        !body.contains(&person.identitet.visning()) || anvandare.skyddad_behorighet,
                        "{namn} saw a protected person's number"
                    );
                }
            }
        }
    }
}

/// A valid personnummer from a pattern, by fixing its check digit (Luhn).
fn giltigt(nummer: &str) -> String {
    let siffror: String = nummer.chars().filter(|c| c.is_ascii_digit()).collect();
    let bas = &siffror[2..11];
    let summa: u32 = bas
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let d = c.to_digit(10).unwrap() * if i % 2 == 0 { 2 } else { 1 };
            d / 10 + d % 10
        })
        .sum();
    let kontroll = (10 - summa % 10) % 10;
    format!("{}-{}{kontroll}", &siffror[..8], &siffror[8..11])
}

fn lankar_till(html: &str, typ: &str) -> Vec<String> {
    let monster = format!("/{typ}/");
    let mut ut = vec![];
    let mut rest = html;
    while let Some(i) = rest.find(&monster) {
        rest = &rest[i + monster.len()..];
        let id: String = rest
            .chars()
            .take_while(|c| c.is_ascii_hexdigit() || *c == '-')
            .collect();
        if id.len() == 36 && !ut.contains(&id) {
            ut.push(id);
        }
    }
    // CSV exports name the case by its id alone.
    if typ == "arenden" && !html.contains("<html") {
        for cell in html.split([';', '\n', '\r']) {
            let cell = cell.trim();
            if cell.len() == 36
                && cell.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
                && !ut.contains(&cell.to_string())
            {
                ut.push(cell.to_string());
            }
        }
    }
    ut
}

fn kor(db: Db) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let mut runner = TestRunner::new(Config {
        cases: 6,
        max_shrink_iters: 16,
        ..Config::default()
    });
    runner
        .run(&fall(), |g| {
            rt.block_on(kontrollera(db, g));
            Ok(())
        })
        .unwrap();
}

#[test]
fn listor_foljer_policyn_sqlite() {
    kor(Db::Sqlite);
}

#[test]
fn listor_foljer_policyn_postgres() {
    kor(Db::Postgres);
}
