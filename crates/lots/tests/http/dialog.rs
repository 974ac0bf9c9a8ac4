//! The dialogue with the person: messages, requests for komplettering, meetings.
//! Staff act through the step pages; the person's own acts come from Mina sidor,
//! which calls the store with a system account (a registrator), as here.

use lots_domain::arende::{Avsandare, Kommando, Motestyp};
use lots_domain::ids::{ArendeId, DokumentId, MeddelandeId};
use lots_domain::tid::svensk_dag;
use lots_store::{Aktor, Bilaga};
use sha2::{Digest, Sha256};
use time::Date;

use crate::hjalp::*;
use crate::pa_bada;

/// What Mina sidor does for the person: runs commands as its system account.
async fn som_mina_sidor(
    app: &TestApp,
    arende: &str,
    kommandon: Vec<Kommando>,
    bilagor: Vec<Bilaga>,
) {
    let r = app.org.anv("registrator");
    let aktor = Aktor {
        id: r.id,
        kommun: r.kommun,
        enhet: r.enhet,
        roll: r.roll,
    };
    let nu = app.klocka.nu();
    app.store
        .arenden()
        .utfor_flera(
            &aktor,
            arende.parse().unwrap(),
            kommandon,
            nu,
            svensk_dag(nu),
            bilagor,
        )
        .await
        .expect("Mina sidor's command is accepted");
}

fn idag(app: &TestApp) -> Date {
    svensk_dag(app.klocka.nu())
}

/// The start page with all the user's bevakningar, not only today's and the overdue.
async fn startsida(k: &Klient) -> String {
    let (s, body) = k.get("/?bevakningar=alla").await;
    assert_eq!(s, 200);
    body
}

pub(crate) async fn komplettering_id(app: &TestApp, arende: &str, n: usize) -> String {
    let id: ArendeId = arende.parse().unwrap();
    let (_, a) = app
        .store
        .arenden()
        .arende(app.org.kommun, id)
        .await
        .unwrap()
        .unwrap();
    a.kompletteringar[n].id.to_string()
}

async fn meddelanden_och_komplettering(db: Db) {
    let app = TestApp::ny(db).await;
    let k = app.klient("handlaggare").await;
    let p = registrera_person(&k, "19640823-3234", "Anna", "Ek").await;
    let a = registrera_ansokan(
        &app,
        &k,
        &p,
        "forsorjningsstod",
        "2026-03-02",
        "handlaggare",
    )
    .await;
    let idag = idag(&app);
    let senast = (idag + time::Duration::days(14)).to_string();

    // The case page offers the staff's steps of the dialogue, not the person's own.
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("/steg/meddelande\""), "message step offered");
    assert!(sida.contains("/steg/begar-komplettering\""));
    assert!(!sida.contains("/steg/begar-mote\""));
    assert!(
        !sida.contains("/steg/godta-komplettering\""),
        "nothing to accept yet"
    );
    let (s, _) = k.get(&format!("/arenden/{a}/steg/begar-mote")).await;
    assert_eq!(s, 404);

    // The handläggare writes; the message is stored and shown.
    k.steg(
        &a,
        "meddelande",
        &[("text", "Hej! Vi har tagit emot din ansökan.")],
    )
    .await;
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Meddelande till den enskilde"));
    assert!(sida.contains("Vi har tagit emot din ansökan."));
    // An empty message is refused beside its field.
    let (s, _, body) = k
        .post(&format!("/arenden/{a}/steg/meddelande"), &[("text", " ")])
        .await;
    assert_eq!(s, 422);
    assert!(body.contains("Skriv ett meddelande."), "{}", utdrag(&body));

    // The person writes through Mina sidor: a bevakning for the handläggare until answered.
    som_mina_sidor(
        &app,
        &a,
        vec![Kommando::SkickaMeddelande {
            id: MeddelandeId::ny(),
            datum: idag,
            fran: Avsandare::Enskild { ombud: None },
            text: "När får jag besked?".into(),
        }],
        vec![],
    )
    .await;
    assert!(
        startsida(&k)
            .await
            .contains("Meddelande från den enskilde att besvara")
    );
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("obesvarat, svar utlovat senast"));
    k.steg(
        &a,
        "meddelande",
        &[("text", "Du får besked inom två veckor.")],
    )
    .await;
    assert!(
        !startsida(&k)
            .await
            .contains("Meddelande från den enskilde att besvara")
    );

    // The handläggare asks for documents: a bevakning at the last day.
    k.steg(
        &a,
        "begar-komplettering",
        &[
            ("handlingar", "kontoutdrag"),
            ("handlingar", "hyresavi"),
            ("beskrivning", ""),
            ("godtas", "PDF, foto eller kopia"),
            ("senast", &senast),
            ("skal", ""),
        ],
    )
    .await;
    assert!(
        startsida(&k)
            .await
            .contains("Sista dag för begärd komplettering")
    );
    let begaran = komplettering_id(&app, &a, 0).await;

    // The person uploads a document and answers through Mina sidor.
    let pdf = b"%PDF-1.4 kontoutdrag".to_vec();
    let dokument = DokumentId::ny();
    som_mina_sidor(
        &app,
        &a,
        vec![
            Kommando::BifogaDokument {
                dokument,
                namn: "kontoutdrag.pdf".into(),
                sha256: hex(&pdf),
                storlek: pdf.len() as u64,
                innehallstyp: "application/pdf".into(),
            },
            Kommando::LamnaKomplettering {
                begaran: begaran.parse().unwrap(),
                datum: idag,
                fran: Avsandare::Enskild { ombud: None },
                text: "Hyresavin kommer på papper.".into(),
                dokument: vec![dokument],
            },
        ],
        vec![Bilaga {
            dokument,
            innehall: pdf,
        }],
    )
    .await;
    let start = startsida(&k).await;
    assert!(!start.contains("Sista dag för begärd komplettering"));
    assert!(start.contains("Inlämnad komplettering att granska"));
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Komplettering lämnad av den enskilde"));
    assert!(sida.contains(&format!("/dokument/{dokument}")));
    assert!(sida.contains("/steg/godta-komplettering\""));

    // The paper comes to reception: staff register it for the person.
    k.steg(
        &a,
        "lamna-komplettering",
        &[
            ("begaran", &begaran),
            ("datum", &idag.to_string()),
            ("text", "Hyresavi för december lämnad i receptionen."),
        ],
    )
    .await;

    // Accepted: the bevakning goes away.
    k.steg(
        &a,
        "godta-komplettering",
        &[("begaran", &begaran), ("datum", &idag.to_string())],
    )
    .await;
    let start = startsida(&k).await;
    assert!(!start.contains("Inlämnad komplettering att granska"));
    assert!(!start.contains("Sista dag för begärd komplettering"));
    let (_, sida) = k.get(&format!("/arenden/{a}")).await;
    assert!(sida.contains("Komplettering godtagen"));

    // The store knows what the person has handed in, across cases.
    let godtagna = app
        .store
        .arenden()
        .godtagna_handlingar(app.org.kommun, p.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(godtagna.len(), 2);

    // In the person's next case, the same document is marked and needs a reason.
    let b = registrera_ansokan(&app, &k, &p, "kontaktperson", "2026-04-01", "handlaggare").await;
    let (s, form) = k
        .get(&format!("/arenden/{b}/steg/begar-komplettering"))
        .await;
    assert_eq!(s, 200);
    assert!(
        form.contains(&format!(
            "Kontoutdrag för de senaste tre månaderna – redan inlämnad {idag}"
        )),
        "already accepted documents are marked"
    );
    let igen = |skal: &'static str| {
        vec![
            ("handlingar", "kontoutdrag"),
            ("handlingar", "lakarintyg"),
            ("beskrivning", ""),
            ("godtas", "PDF"),
            ("senast", senast.as_str()),
            ("skal", skal),
        ]
    };
    let (s, _, body) = k
        .post(&format!("/arenden/{b}/steg/begar-komplettering"), &igen(""))
        .await;
    assert_eq!(s, 422);
    assert!(
        body.contains(
            "Kontoutdrag för de senaste tre månaderna är redan inlämnad och godtagen. Skriv varför den behövs igen."
        ),
        "{}",
        utdrag(&body)
    );
    assert!(
        !handelsetyper(&app, &b)
            .await
            .contains(&"komplettering_begard")
    );
    k.steg(
        &b,
        "begar-komplettering",
        &igen("Behöver kontoutdrag för de senaste månaderna."),
    )
    .await;
    let (_, sida) = k.get(&format!("/arenden/{b}")).await;
    assert!(sida.contains("Skäl att begära igen: Behöver kontoutdrag för de senaste månaderna."));

    // The person asks for a meeting: a bevakning the handläggare kvitterar once booked.
    som_mina_sidor(
        &app,
        &b,
        vec![Kommando::BegarMote {
            datum: idag,
            typ: Motestyp::Personligt,
            fran: Avsandare::Enskild {
                ombud: Some("Bo Ombud".into()),
            },
            text: "Jag vill träffas.".into(),
        }],
        vec![],
    )
    .await;
    assert!(
        startsida(&k)
            .await
            .contains("Den enskilde vill boka ett möte")
    );
    let (_, form) = k.get(&format!("/arenden/{b}/steg/kvittera")).await;
    let nyckel = form
        .split("value=\"")
        .map(|s| s.split('"').next().unwrap_or_default())
        .find(|v| v.starts_with("mote:"))
        .expect("the meeting's bevakning can be kvitterad")
        .to_owned();
    k.steg(
        &b,
        "kvittera",
        &[("nyckel", &nyckel), ("datum", &idag.to_string())],
    )
    .await;
    assert!(
        !startsida(&k)
            .await
            .contains("Den enskilde vill boka ett möte")
    );
    let (_, sida) = k.get(&format!("/arenden/{b}")).await;
    assert!(sida.contains("Personligt möte begärt av ombudet Bo Ombud"));
    assert!(sida.contains("(bokat)"));

    app.kontrollera_invarianter().await;
}
pa_bada!(meddelanden_och_komplettering);

fn hex(b: &[u8]) -> String {
    Sha256::digest(b)
        .iter()
        .map(|x| format!("{x:02x}"))
        .collect()
}
