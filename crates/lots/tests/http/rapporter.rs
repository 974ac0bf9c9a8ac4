//! The nämnd's reports: ej verkställda beslut to IVO (SoL 34 kap. 1–2 §§), the statistics to
//! kommunfullmäktige (SoL 34 kap. 3 §) and the list of delegated decisions, from cases walked
//! through the real step forms across quarter boundaries.

use crate::hjalp::*;
use crate::pa_bada;
use lots_domain::rapport::Kvartal;
use lots_domain::tid::svensk_dag;

const FORNAMN: &str = "Rapportperson";

struct Beslutat {
    arende: String,
    beslut: String,
    person: String,
}

async fn forsta_beslut(app: &TestApp, arende: &str) -> String {
    app.store
        .arenden()
        .arende(app.org.kommun, arende.parse().unwrap())
        .await
        .unwrap()
        .unwrap()
        .1
        .beslut[0]
        .id()
        .to_string()
}

/// Ansökan → utredning → a decision on `datum`; an adverse one is communicated first (FL 25 §).
#[allow(clippy::too_many_arguments)]
async fn beslutat(
    app: &TestApp,
    k: &Klient,
    nummer: &str,
    efternamn: &str,
    insats: &str,
    lagrum: &str,
    utfall: &str,
    inkom: &str,
    datum: &str,
) -> Beslutat {
    let person = registrera_person(k, nummer, FORNAMN, efternamn).await;
    let a = registrera_ansokan(app, k, &person, insats, inkom, "handlaggare").await;
    k.steg(&a, "inled-utredning", &[("datum", inkom)]).await;
    k.steg(&a, "avsluta-utredning", &[("datum", inkom)]).await;
    if insats == "forsorjningsstod" {
        // Försörjningsstöd is decided from the month's calculation (issue 16).
        k.steg(
            &a,
            "forsorjningsstod",
            &[
                ("datum", inkom),
                ("manad", &inkom[..7]),
                ("vuxna", "ensam"),
                ("hinder_sokande", "arbetslos_utan_ersattning"),
            ],
        )
        .await;
    }
    if utfall == "avslag" {
        k.steg(
            &a,
            "kommunicera",
            &[
                ("datum", inkom),
                ("material", "Utredningen"),
                ("satt", "brev"),
                ("svar_senast", "2026-04-16"),
            ],
        )
        .await;
    }
    k.steg(
        &a,
        "beslut",
        &[
            ("insats", insats),
            ("utfall", utfall),
            ("lagrum", lagrum),
            ("mal", "Ett stabilt liv"),
            ("omfattning", "Enligt plan"),
            ("period_fran", datum),
            ("motivering", "Behovet kan inte tillgodoses på annat sätt."),
            ("datum", datum),
        ],
    )
    .await;
    let beslut = forsta_beslut(app, &a).await;
    Beslutat {
        arende: a,
        beslut,
        person,
    }
}

async fn bestall_och_starta(app: &TestApp, k: &Klient, b: &Beslutat, bestalld: &str, start: &str) {
    let utforare = app.org.utforare_enhet.to_string();
    k.steg(
        &b.arende,
        "bestall",
        &[
            ("beslut", &b.beslut),
            ("utforare", &utforare),
            ("datum", bestalld),
            ("uppdrag", "Enligt beslutet."),
        ],
    )
    .await;
    k.steg(
        &b.arende,
        "verkstallighet-start",
        &[("beslut", &b.beslut), ("datum", start)],
    )
    .await;
}

/// The seven cases of the reports (2026; Q2 = April–June, Q3 = July–September):
///
/// | who | decision | then | Q2 | Q3 |
/// |---|---|---|---|---|
/// | G man | försörjningsstöd 15 Jan (12 kap. 1 §) | nothing | late from 16 Apr | still waiting |
/// | B woman | öppenvård 10 Feb | started 15 Jul | late from 11 May | enforced after reporting |
/// | D woman | stöd i boendet 2 Mar | started 20 Mar, interrupted 15 May | – | late from 16 Aug |
/// | A man | kontaktperson 31 Mar | reason registered | three months end 30 Jun | late from 1 Jul |
/// | E man | kontaktperson, avslag 30 Apr | – | – | – |
/// | C woman | sysselsättning 4 May | started 5 Aug, a day late | – | late, enforced |
/// | F woman | case manager 1 Jun | started 20 Jun | – | – |
struct Fall {
    a: Beslutat,
    b: Beslutat,
    d: Beslutat,
    e: Beslutat,
}

async fn seeda(app: &TestApp) -> Fall {
    let k = app.klient("handlaggare").await;
    beslutat(
        app,
        &k,
        "19830517-1350",
        "Gustafsson",
        "forsorjningsstod",
        "sol_12_1",
        "bifall",
        "2026-01-05",
        "2026-01-15",
    )
    .await;
    let b = beslutat(
        app,
        &k,
        "19750312-2249",
        "Berglund",
        "oppenvardsbehandling",
        "sol_11_1",
        "bifall",
        "2026-02-02",
        "2026-02-10",
    )
    .await;
    bestall_och_starta(app, &k, &b, "2026-07-01", "2026-07-15").await;
    let d = beslutat(
        app,
        &k,
        "19920214-3823",
        "Dahlström",
        "stod_i_boendet",
        "sol_11_1",
        "bifall",
        "2026-02-20",
        "2026-03-02",
    )
    .await;
    bestall_och_starta(app, &k, &d, "2026-03-10", "2026-03-20").await;
    k.steg(
        &d.arende,
        "verkstallighet-avbrott",
        &[
            ("beslut", &d.beslut),
            ("datum", "2026-05-15"),
            ("orsak", "Boendet sades upp"),
        ],
    )
    .await;
    let a = beslutat(
        app,
        &k,
        "19640823-3234",
        "Andersson",
        "kontaktperson",
        "sol_11_1",
        "bifall",
        "2026-03-16",
        "2026-03-31",
    )
    .await;
    k.steg(
        &a.arende,
        "ej-verkstallt",
        &[
            ("beslut", &a.beslut),
            ("datum", "2026-06-01"),
            ("skal", "Ingen kontaktperson ledig; \"väntelista\""),
        ],
    )
    .await;
    let e = beslutat(
        app,
        &k,
        "19590101-1113",
        "Eriksson",
        "kontaktperson",
        "sol_11_1",
        "avslag",
        "2026-04-01",
        "2026-04-30",
    )
    .await;
    let c = beslutat(
        app,
        &k,
        "19880705-0466",
        "Carlsson",
        "sysselsattning",
        "sol_11_1",
        "bifall",
        "2026-04-20",
        "2026-05-04",
    )
    .await;
    // Three months end 4 August: started the day after, so not "inom tre månader".
    bestall_och_starta(app, &k, &c, "2026-05-10", "2026-08-05").await;
    let f = beslutat(
        app,
        &k,
        "20010930-2422",
        "Fredriksson",
        "case_manager",
        "sol_11_1",
        "bifall",
        "2026-05-20",
        "2026-06-01",
    )
    .await;
    bestall_och_starta(app, &k, &f, "2026-06-05", "2026-06-20").await;
    Fall { a, b, d, e }
}

/// The HTML of the table with the given id, or "" when the page has none.
fn tabell<'a>(sida: &'a str, id: &str) -> &'a str {
    let start = format!("<table id=\"tabell-{id}\">");
    let Some(i) = sida.find(&start) else {
        return "";
    };
    let rest = &sida[i..];
    &rest[..rest.find("</table>").unwrap_or(rest.len())]
}

/// The table's body rows, each as its cells' text.
fn rader(tabell: &str) -> Vec<Vec<String>> {
    let Some(i) = tabell.find("<tbody>") else {
        return vec![];
    };
    let tbody = &tabell[i..];
    tbody[..tbody.find("</tbody>").unwrap_or(tbody.len())]
        .split("<tr>")
        .skip(1)
        .map(|rad| {
            rad.split(['<', '>'])
                .enumerate()
                .filter(|(n, _)| n % 2 == 0)
                .map(|(_, t)| {
                    t.trim()
                        .replace("&#34;", "\"")
                        .replace("&#39;", "'")
                        .replace("&lt;", "<")
                        .replace("&gt;", ">")
                        .replace("&amp;", "&")
                })
                .filter(|t| !t.is_empty())
                .collect()
        })
        .collect()
}

/// A GET with the response headers, logged in as `anvandarnamn`.
async fn hamta_med_huvuden(
    app: &TestApp,
    anvandarnamn: &str,
    sokvag: &str,
) -> (u16, String, String, Vec<u8>) {
    let k = Klient::ny(&app.url);
    let (s, _, _) = k.logga_in(anvandarnamn, LOSENORD).await;
    assert_eq!(s, 303);
    let r = k
        .http
        .get(format!("{}{sokvag}", app.url))
        .send()
        .await
        .unwrap();
    let huvud = |namn: &str| {
        r.headers()
            .get(namn)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    let (typ, fil) = (huvud("content-type"), huvud("content-disposition"));
    (
        r.status().as_u16(),
        typ,
        fil,
        r.bytes().await.unwrap().to_vec(),
    )
}

/// CSV as Swedish Excel expects it: UTF-8 with BOM, CRLF, semicolons; returns the rows.
async fn csv(app: &TestApp, sokvag: &str, filnamn: &str) -> Vec<Vec<String>> {
    let (s, typ, fil, kropp) = hamta_med_huvuden(app, "arbetsledare", sokvag).await;
    assert_eq!(s, 200, "{sokvag}");
    assert_eq!(typ, "text/csv; charset=utf-8");
    assert_eq!(fil, format!("attachment; filename=\"{filnamn}\""));
    assert_eq!(&kropp[..3], b"\xEF\xBB\xBF", "UTF-8 BOM");
    let text = String::from_utf8(kropp[3..].to_vec()).unwrap();
    assert!(text.ends_with("\r\n"));
    // Cells here hold no line breaks, so a line is a row; a quoted cell keeps its semicolons.
    text.split("\r\n")
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut celler = vec![];
            let mut cell = String::new();
            let mut citerad = false;
            let mut tecken = l.chars().peekable();
            while let Some(c) = tecken.next() {
                match c {
                    '"' if citerad && tecken.peek() == Some(&'"') => {
                        cell.push('"');
                        tecken.next();
                    }
                    '"' => citerad = !citerad,
                    ';' if !citerad => celler.push(std::mem::take(&mut cell)),
                    c => cell.push(c),
                }
            }
            celler.push(cell);
            celler
        })
        .collect()
}

fn utan_personuppgifter(sida: &str) {
    assert!(!sida.contains(FORNAMN), "no names in a report");
    for nummer in [
        "640823-3234",
        "750312-2249",
        "920214-3823",
        "880705-0466",
        "590101-1113",
        "830517-1350",
        "010930-2422",
    ] {
        assert!(!sida.contains(nummer), "no personnummer");
    }
}

async fn ej_verkstallda_beslut_till_ivo(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = seeda(&app).await;
    let k = app.klient("arbetsledare").await;

    // Q3: three months ending 30 June are late from 1 July (SoL 34 kap. 1 §).
    let (s, sida) = k.get("/rapporter/ej-verkstallda?ar=2026&kvartal=3").await;
    assert_eq!(s, 200);
    assert!(sida.contains("<h1>Ej verkställda beslut, kvartal 3 2026</h1>"));
    utan_personuppgifter(&sida);
    let ej = rader(tabell(&sida, "ej-verkstallda"));
    let ej: Vec<Vec<&str>> = ej
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    // Id, kön, födelseår, beslutsdatum, insats, lagrum, [avbrott], tre månader, dagar, skäl,
    // [verkställt], först rapporterat, ärende.
    assert_eq!(ej.len(), 4, "{ej:?}");
    assert_eq!(
        ej[0][..9],
        [
            "19830517-T001",
            "Man",
            "1983",
            "2026-01-15",
            "Ekonomiskt bistånd – försörjningsstöd",
            "12 kap. 1 § socialtjänstlagen (2025:400)",
            "2026-04-15",
            "258",
            "Skäl saknas",
        ]
    );
    assert_eq!(ej[0][9], "kvartal 2 2026", "reported again: still waiting");
    assert_eq!(
        ej[1][..9],
        [
            "19640823-T002",
            "Man",
            "1964",
            "2026-03-31",
            "Kontaktperson",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "2026-06-30",
            "183",
            "Ingen kontaktperson ledig; \"väntelista\"",
        ]
    );
    assert_eq!(ej[1][9], "kvartal 3 2026");
    // Enforced the day after its three months: reported, with the date (SoL 34 kap. 2 §).
    assert_eq!(
        ej[2][..10],
        [
            "19880705-T003",
            "Kvinna",
            "1988",
            "2026-05-04",
            "Sysselsättning",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "2026-08-04",
            "93",
            "Skäl saknas",
            "2026-08-05",
        ]
    );
    // Interrupted and not resumed within three months; the reason is the interruption's.
    assert_eq!(
        ej[3][..10],
        [
            "19920214-T004",
            "Kvinna",
            "1992",
            "2026-03-02",
            "Stöd i boendet",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "2026-05-15",
            "2026-08-15",
            "138",
            "Boendet sades upp",
        ]
    );
    let efter = rader(tabell(&sida, "verkstallda-efter-rapportering"));
    assert_eq!(efter.len(), 1, "{efter:?}");
    assert_eq!(
        efter[0][..10],
        [
            "19750312-T005",
            "Kvinna",
            "1975",
            "2026-02-10",
            "Öppenvårdsbehandling vid missbruk",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "2026-05-10",
            "155",
            "Skäl saknas",
            "2026-07-15",
        ]
    );
    assert!(sida.contains(
        "<h2 id=\"rubrik-verkstallda-efter-rapportering\">Verkställda efter rapportering (1)</h2>"
    ));
    assert!(!sida.contains("Case manager"), "enforced in time");
    assert!(
        !sida.contains(&format!("/arenden/{}\"", fall.e.arende)),
        "an avslag is not enforced"
    );
    assert!(sida.contains("href=\"/rapporter/ej-verkstallda.csv?ar=2026&amp;kvartal=3\""));
    assert!(sida.contains("<caption>Ej verkställda beslut, kvartal 3 2026</caption>"));
    assert!(sida.contains("<th scope=\"col\">Skäl till dröjsmålet</th>"));

    // Q2: the three months ending on its last day are not late in it; B was, and was not yet
    // enforced then.
    let (s, q2) = k.get("/rapporter/ej-verkstallda?ar=2026&kvartal=2").await;
    assert_eq!(s, 200);
    let ej2 = rader(tabell(&q2, "ej-verkstallda"));
    assert_eq!(ej2.len(), 2, "{ej2:?}");
    assert_eq!(ej2[0][..4], ["19830517-T001", "Man", "1983", "2026-01-15"]);
    assert_eq!(
        ej2[1][..4],
        ["19750312-T002", "Kvinna", "1975", "2026-02-10"]
    );
    assert!(!q2.contains("2026-07-15"), "the enforcement came after Q2");
    assert!(!q2.contains(&format!("/arenden/{}\"", fall.a.arende)));
    assert!(!q2.contains(&format!("/arenden/{}\"", fall.d.arende)));
    assert!(tabell(&q2, "verkstallda-efter-rapportering").is_empty());

    // The file sent to IVO: the same lines, no case reference.
    let filen = csv(
        &app,
        "/rapporter/ej-verkstallda.csv?ar=2026&kvartal=3",
        "ej-verkstallda-beslut-2026-K3.csv",
    )
    .await;
    assert_eq!(
        filen[0],
        [
            "Avsnitt",
            "Id",
            "Kön",
            "Födelseår",
            "Beslutsdatum",
            "Insats",
            "Lagrum",
            "Avbrott från",
            "Tre månader gick ut",
            "Väntetid (dagar)",
            "Skäl till dröjsmålet",
            "Verkställt",
            "Upphört",
        ]
    );
    assert_eq!(filen.len(), 6);
    assert_eq!(
        filen[2],
        [
            "Ej verkställda beslut",
            "19640823-T002",
            "Man",
            "1964",
            "2026-03-31",
            "Kontaktperson",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "",
            "2026-06-30",
            "183",
            "Ingen kontaktperson ledig; \"väntelista\"",
            "",
            "",
        ]
    );
    assert_eq!(filen[3][11], "2026-08-05");
    assert_eq!(filen[4][7], "2026-05-15");
    assert_eq!(
        filen[5][..2],
        ["Verkställda efter rapportering", "19750312-T005"]
    );
    assert_eq!(filen[5][11], "2026-07-15");
    let allt = filen.concat().join(" ");
    utan_personuppgifter(&allt);
    assert!(!allt.contains(&fall.a.arende), "no case id in the file");

    // Every report read is logged, per case listed.
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(fall.a.person.parse().unwrap())
        .await
        .unwrap();
    let arbetsledare = app.org.anv("arbetsledare").id;
    assert!(logg.contains(&("rapport.ivo".to_string(), arbetsledare)));
    assert!(logg.contains(&("rapport.ivo.csv".to_string(), arbetsledare)));
    let logg_b = app
        .store
        .granskning()
        .granskningar_for_person(fall.b.person.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(
        logg_b.iter().filter(|(h, _)| h == "rapport.ivo").count(),
        2,
        "B was listed in Q3 and in Q2"
    );
    app.kontrollera_invarianter().await;
}
pa_bada!(ej_verkstallda_beslut_till_ivo);

async fn statistik_till_kommunfullmaktige(db: Db) {
    let app = TestApp::ny(db).await;
    seeda(&app).await;
    let k = app.klient("arbetsledare").await;
    let (s, sida) = k
        .get("/rapporter/kvartalsstatistik?ar=2026&kvartal=3")
        .await;
    assert_eq!(s, 200);
    utan_personuppgifter(&sida);
    // At 30 September: G (8½ months), A (exactly 6 months) and D (interrupted 4½ months).
    assert!(sida.contains(
        "<strong>3</strong> ej verkställda beslut den 2026-09-30: 1 kvinna, 2 män. Av dem gäller 1 insats som avbrutits"
    ));
    assert_eq!(
        rader(tabell(&sida, "insats")),
        [
            ["Ekonomiskt bistånd – försörjningsstöd", "0", "1", "0", "1"],
            ["Stöd i boendet", "1", "0", "0", "1"],
            ["Kontaktperson", "0", "1", "0", "1"],
        ]
    );
    assert_eq!(
        rader(tabell(&sida, "tid")),
        [
            ["3–6 månader", "1", "1", "0", "2"],
            ["6–12 månader", "0", "1", "0", "1"],
            ["Mer än 12 månader", "0", "0", "0", "0"],
        ]
    );
    assert!(sida.contains("<th scope=\"row\">Totalt</th><td>1</td><td>2</td><td>0</td><td>3</td>"));
    // At 30 June: G and B.
    let (_, q2) = k
        .get("/rapporter/kvartalsstatistik?ar=2026&kvartal=2")
        .await;
    assert!(
        q2.contains("<strong>2</strong> ej verkställda beslut den 2026-06-30: 1 kvinna, 1 man.")
    );
    let filen = csv(
        &app,
        "/rapporter/kvartalsstatistik.csv?ar=2026&kvartal=3",
        "statistik-ej-verkstallda-2026-K3.csv",
    )
    .await;
    assert_eq!(
        filen,
        [
            vec![
                "Indelning",
                "Kategori",
                "Kvinnor",
                "Män",
                "Okänt kön",
                "Totalt"
            ],
            vec!["Totalt", "Totalt", "1", "2", "0", "3"],
            vec![
                "Insats",
                "Ekonomiskt bistånd – försörjningsstöd",
                "0",
                "1",
                "0",
                "1"
            ],
            vec!["Insats", "Stöd i boendet", "1", "0", "0", "1"],
            vec!["Insats", "Kontaktperson", "0", "1", "0", "1"],
            vec![
                "Tid sedan beslut eller avbrott",
                "3–6 månader",
                "1",
                "1",
                "0",
                "2"
            ],
            vec![
                "Tid sedan beslut eller avbrott",
                "6–12 månader",
                "0",
                "1",
                "0",
                "1"
            ],
            vec![
                "Tid sedan beslut eller avbrott",
                "Mer än 12 månader",
                "0",
                "0",
                "0",
                "0"
            ],
        ]
    );
    // Counts only: the read is logged without a person or case.
    let loggat = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT person, arende FROM granskning WHERE handling = 'rapport.kf'",
            &[],
        )
        .await
        .unwrap();
    assert_eq!(loggat.len(), 2);
    assert!(loggat.iter().all(
        |r| r.opt_text("person").unwrap().is_none() && r.opt_text("arende").unwrap().is_none()
    ));
}
pa_bada!(statistik_till_kommunfullmaktige);

async fn delegationsbeslut_till_namnden(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = seeda(&app).await;
    let k = app.klient("arbetsledare").await;
    let (s, sida) = k
        .get("/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-04-30")
        .await;
    assert_eq!(s, 200);
    utan_personuppgifter(&sida);
    let r = rader(tabell(&sida, "delegation"));
    let datum: Vec<&str> = r.iter().map(|x| x[0].as_str()).collect();
    assert_eq!(
        datum,
        [
            "2026-01-15",
            "2026-02-10",
            "2026-03-02",
            "2026-03-31",
            "2026-04-30"
        ],
        "decisions of 4 May and 1 June are outside the period"
    );
    assert_eq!(
        r[4],
        [
            "2026-04-30",
            "Kontaktperson",
            "Avslag",
            "11 kap. 1 § socialtjänstlagen (2025:400)",
            "Test handlaggare",
            "version 1",
            "3.1",
            fall.e.arende.as_str(),
        ]
    );
    let filen = csv(
        &app,
        "/rapporter/delegationsbeslut.csv?fran=2026-01-01&till=2026-04-30",
        "delegationsbeslut-2026-01-01-2026-04-30.csv",
    )
    .await;
    assert_eq!(
        filen[0],
        [
            "Beslutsdatum",
            "Insats",
            "Utfall",
            "Lagrum",
            "Beslutsfattare",
            "Delegationsordning (version)",
            "Delegationspunkt",
            "Ärende",
        ]
    );
    assert_eq!(filen.len(), 6);
    assert_eq!(
        filen[1][..7],
        [
            "2026-01-15",
            "Ekonomiskt bistånd – försörjningsstöd",
            "Bifall",
            "12 kap. 1 § socialtjänstlagen (2025:400)",
            "Test handlaggare",
            "1",
            "3.1",
        ]
    );
    assert_eq!(filen[5][7], fall.e.arende);
    let logg = app
        .store
        .granskning()
        .granskningar_for_person(fall.e.person.parse().unwrap())
        .await
        .unwrap();
    assert!(logg.contains(&(
        "rapport.delegation".to_string(),
        app.org.anv("arbetsledare").id
    )));
    // A period with nothing in it, and a reversed one.
    let (s, tom) = k
        .get("/rapporter/delegationsbeslut?fran=2025-01-01&till=2025-01-31")
        .await;
    assert_eq!(s, 200);
    assert!(tom.contains("Inga beslut fattades under perioden."));
    let (s, _) = k
        .get("/rapporter/delegationsbeslut?fran=2026-02-01&till=2026-01-01")
        .await;
    assert_eq!(s, 400);
}
pa_bada!(delegationsbeslut_till_namnden);

/// A large city's period holds tens of thousands of decisions: the page shows a hundred at a
/// time, says where in the list it is, and goes on from the last one shown; the file holds all.
async fn delegationsbeslut_i_sidor(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = seeda(&app).await;
    // 120 more decisions in the period, as the projection would hold them after a busy spring.
    for n in 0..120 {
        let beslut = format!("00000000-0000-4000-8000-{n:012}");
        let datum = format!("2026-03-{:02}", 10 + n % 15);
        app.store
            .bakdorr()
            .execute(
                "INSERT INTO delegationsbeslut (arende, beslut, kommun, person, datum, insats, utfall, \
                 lagrum, beslutsfattare, delegation_version, delegation_punkt, efter_omprovning) \
                 SELECT arende, $1, kommun, person, $2, insats, utfall, lagrum, beslutsfattare, \
                 delegation_version, delegation_punkt, efter_omprovning FROM delegationsbeslut \
                 WHERE arende = $3 LIMIT 1",
                &[beslut.into(), datum.into(), fall.e.arende.clone().into()],
            )
            .await
            .unwrap();
    }
    let k = app.klient("arbetsledare").await;
    let (s, forsta) = k
        .get("/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-04-30")
        .await;
    assert_eq!(s, 200);
    let r1 = rader(tabell(&forsta, "delegation"));
    assert_eq!(r1.len(), 100);
    assert!(
        forsta.contains("(125 beslut)"),
        "the caption counts the period"
    );
    assert!(forsta.contains("Här visas beslut 1–100 av 125."));
    assert!(!forsta.contains("Första sidan"));
    let efter = forsta
        .split("efter=")
        .nth(1)
        .and_then(|t| t.split('"').next())
        .expect("a link to the next page");
    let (s, andra) = k
        .get(&format!(
            "/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-04-30&efter={efter}"
        ))
        .await;
    assert_eq!(s, 200);
    let r2 = rader(tabell(&andra, "delegation"));
    assert_eq!(r2.len(), 25);
    assert!(andra.contains("Här visas beslut 101–125 av 125."));
    assert!(andra.contains("Första sidan"));
    assert!(!andra.contains("Nästa sida"));
    // The two pages follow each other in date order and overlap nowhere.
    let datum: Vec<String> = r1.iter().chain(&r2).map(|x| x[0].clone()).collect();
    let mut sorterat = datum.clone();
    sorterat.sort();
    assert_eq!(datum, sorterat);
    assert_eq!(r2.last().unwrap()[0], "2026-04-30");
    // The file is the whole period.
    let filen = csv(
        &app,
        "/rapporter/delegationsbeslut.csv?fran=2026-01-01&till=2026-04-30",
        "delegationsbeslut-2026-01-01-2026-04-30.csv",
    )
    .await;
    assert_eq!(filen.len(), 126);
    // A page position that is not one is said in Swedish, and nothing is read.
    for fel in ["x", "2026-03-10.inte-ett-id.0", "2026-13-01.a.b"] {
        let (s, sida) = k
            .get(&format!(
                "/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-04-30&efter={fel}"
            ))
            .await;
        assert_eq!(s, 400, "{fel}");
        assert!(sida.contains("Sidan i listan finns inte."));
    }
}
pa_bada!(delegationsbeslut_i_sidor);

async fn bara_arbetsledaren_ser_rapporterna(db: Db) {
    let app = TestApp::ny(db).await;
    let idag = svensk_dag(time::OffsetDateTime::now_utc());
    for (anvandare, status) in [
        ("handlaggare", 403),
        ("registrator", 403),
        ("utforare", 403),
        ("systemforvaltare", 403),
        ("arbetsledare", 200),
    ] {
        let k = app.klient(anvandare).await;
        for sokvag in [
            "/rapporter",
            "/rapporter/ej-verkstallda",
            "/rapporter/ej-verkstallda.csv",
            "/rapporter/kvartalsstatistik",
            "/rapporter/kvartalsstatistik.csv",
            "/rapporter/delegationsbeslut",
            "/rapporter/delegationsbeslut.csv",
        ] {
            let (s, _) = k.get(sokvag).await;
            assert_eq!(s, status, "{anvandare} {sokvag}");
        }
    }
    let (_, start) = app.klient("handlaggare").await.get("/").await;
    assert!(
        !start.contains("href=\"/rapporter\""),
        "no link without the right"
    );
    let k = app.klient("arbetsledare").await;
    let (_, start) = k.get("/").await;
    assert!(start.contains("<a href=\"/rapporter\">Rapporter</a>"));
    // By default the last quarter that has ended; a quarter not yet over cannot be reported.
    let (_, sida) = k.get("/rapporter/ej-verkstallda").await;
    let standard = Kvartal::senast_avslutade(idag);
    assert!(sida.contains(&format!("<h1>Ej verkställda beslut, {standard}</h1>")));
    assert!(sida.contains("Inga beslut."));
    let pagaende = Kvartal::for_dag(idag);
    let (s, _) = k
        .get(&format!(
            "/rapporter/ej-verkstallda?ar={}&kvartal={}",
            pagaende.ar(),
            pagaende.nummer()
        ))
        .await;
    assert_eq!(s, 400);
    for fel in [
        "?ar=2026&kvartal=5",
        "?ar=tjugo&kvartal=1",
        "?ar=1999&kvartal=1",
    ] {
        let (s, _) = k.get(&format!("/rapporter/kvartalsstatistik{fel}")).await;
        assert_eq!(s, 400, "{fel}");
    }
    // The refused reads left no audit row of a report.
    let rapportrader = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT anvandare FROM granskning WHERE handling LIKE 'rapport.%'",
            &[],
        )
        .await
        .unwrap();
    let arbetsledare = app.org.anv("arbetsledare").id.to_string();
    assert!(
        rapportrader
            .iter()
            .all(|r| r.text("anvandare").unwrap() == arbetsledare)
    );
}
pa_bada!(bara_arbetsledaren_ser_rapporterna);

/// Each report is also a PDF with the same table; refused to those who may not see it.
async fn rapporter_som_pdf(db: Db) {
    let app = TestApp::ny(db).await;
    let chef = app.klient("arbetsledare").await;
    let h = app.klient("handlaggare").await;
    for sokvag in [
        "/rapporter/ej-verkstallda.pdf?ar=2026&kvartal=2",
        "/rapporter/kvartalsstatistik.pdf?ar=2026&kvartal=2",
        "/rapporter/delegationsbeslut.pdf?fran=2026-01-01&till=2026-06-30",
    ] {
        let (s, pdf) = chef.get_bytes(sokvag).await;
        assert_eq!(s, 200, "{sokvag}");
        assert!(pdf.starts_with(b"%PDF"), "{sokvag}");
        let (s, _) = h.get_bytes(sokvag).await;
        assert_eq!(s, 403, "{sokvag}");
    }
    let (s, _) = chef
        .get_bytes("/rapporter/ej-verkstallda.pdf?ar=2026&kvartal=9")
        .await;
    assert_eq!(s, 400);
}
pa_bada!(rapporter_som_pdf);

/// Every case linked from a page: `/arenden/<id>`.
fn lankar(sida: &str) -> Vec<String> {
    sida.split("href=\"/arenden/")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

/// What the three reports show of the seeded cases, as pages (tables and case links) and as
/// the CSV files.
async fn rapporterna(app: &TestApp, k: &Klient) -> Vec<String> {
    let ivo = [
        "ej-verkstallda",
        "verkstallda-efter-rapportering",
        "upphorda-efter-rapportering",
    ];
    let mut ut = vec![];
    for (sokvag, tabeller) in [
        ("/rapporter/ej-verkstallda?ar=2026&kvartal=2", &ivo[..]),
        ("/rapporter/ej-verkstallda?ar=2026&kvartal=3", &ivo[..]),
        (
            "/rapporter/kvartalsstatistik?ar=2026&kvartal=3",
            &["insats", "tid"][..],
        ),
        (
            "/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-12-31",
            &["delegation"][..],
        ),
    ] {
        let (s, sida) = k.get(sokvag).await;
        assert_eq!(s, 200, "{sokvag}");
        for t in tabeller {
            ut.push(format!("{sokvag} {t}: {:?}", rader(tabell(&sida, t))));
        }
        ut.push(format!("{sokvag} länkar: {:?}", lankar(&sida)));
    }
    for (sokvag, fil) in [
        (
            "/rapporter/ej-verkstallda.csv?ar=2026&kvartal=3",
            "ej-verkstallda-beslut-2026-K3.csv",
        ),
        (
            "/rapporter/kvartalsstatistik.csv?ar=2026&kvartal=3",
            "statistik-ej-verkstallda-2026-K3.csv",
        ),
        (
            "/rapporter/delegationsbeslut.csv?fran=2026-01-01&till=2026-12-31",
            "delegationsbeslut-2026-01-01-2026-12-31.csv",
        ),
    ] {
        ut.push(format!("{sokvag}: {:?}", csv(app, sokvag, fil).await));
    }
    ut
}

/// The cases that `verifiera` finds a problem with.
async fn felaktiga(app: &TestApp) -> Vec<String> {
    let mut ut: Vec<String> = app
        .store
        .arenden()
        .verifiera()
        .await
        .unwrap()
        .iter()
        .map(|p| p.split(':').next().unwrap().to_owned())
        .collect();
    ut.sort();
    ut.dedup();
    ut
}

/// A database from before the report tables (issue 14): `lots migrate` fills them from the
/// stored state of the cases, resuming where a stopped run left off, and the reports read
/// from them are the same as before.
async fn rapporttabellerna_fylls_vid_migrering(db: Db) {
    let app = TestApp::ny(db).await;
    seeda(&app).await;
    let k = app.klient("arbetsledare").await;
    // Pages and batches of two: the seeded cases span several. Only the division changes.
    lots_store::provning::satt_rapportsida(2);
    lots_store::provning::satt_uppgraderingsbit(2);
    let fore = rapporterna(&app, &k).await;
    assert!(fore.iter().any(|r| r.contains("19640823-T002")), "{fore:?}");
    let (s, _) = k.get("/healthz").await;
    assert_eq!(s, 200);

    // As the migration that made the tables leaves an older database.
    let tom = async || {
        let bakdorr = app.store.bakdorr();
        bakdorr.execute("DELETE FROM vantan", &[]).await.unwrap();
        bakdorr
            .execute("DELETE FROM delegationsbeslut", &[])
            .await
            .unwrap();
        bakdorr
            .execute(
                "INSERT INTO uppgradering (namn) VALUES ('rapporttabeller')",
                &[],
            )
            .await
            .unwrap();
    };
    tom().await;
    let med_beslut: Vec<String> = app
        .store
        .bakdorr()
        .fetch_all(
            "SELECT DISTINCT arende FROM handelse WHERE kind = 'beslut_fattat' ORDER BY arende",
            &[],
        )
        .await
        .unwrap()
        .iter()
        .map(|r| r.text("arende").unwrap())
        .collect();
    assert_eq!(med_beslut.len(), 7);
    assert_eq!(
        felaktiga(&app).await,
        med_beslut,
        "verifiera sees the empty tables"
    );
    assert_ne!(rapporterna(&app, &k).await, fore);
    let (s, _) = k.get("/healthz").await;
    assert_eq!(s, 503, "not ready while the upgrade is pending");

    // A run stopped after the third case: the next one goes on from the fourth.
    app.store
        .bakdorr()
        .execute(
            "UPDATE uppgradering SET senast = $1 WHERE namn = 'rapporttabeller'",
            &[med_beslut[2].as_str().into()],
        )
        .await
        .unwrap();
    app.store.migrera().await.unwrap();
    assert_eq!(felaktiga(&app).await, med_beslut[..3]);

    // The whole run.
    tom().await;
    app.store.migrera().await.unwrap();
    app.kontrollera_invarianter().await;
    assert_eq!(rapporterna(&app, &k).await, fore);
    let (s, _) = k.get("/healthz").await;
    assert_eq!(s, 200);
    lots_store::provning::satt_rapportsida(2_000);
    lots_store::provning::satt_uppgraderingsbit(1_000);
}
pa_bada!(rapporttabellerna_fylls_vid_migrering);

/// A step that changes a decision changes what the reports read: the insats started, a new
/// decision taken.
async fn ett_steg_andrar_rapporterna(db: Db) {
    let app = TestApp::ny(db).await;
    let fall = seeda(&app).await;
    let k = app.klient("handlaggare").await;
    let chef = app.klient("arbetsledare").await;
    let ivo_q3 = "/rapporter/ej-verkstallda?ar=2026&kvartal=3";
    let kf_q3 = "/rapporter/kvartalsstatistik?ar=2026&kvartal=3";
    let rad_a = async || {
        let (_, sida) = chef.get(ivo_q3).await;
        rader(tabell(&sida, "ej-verkstallda"))
            .into_iter()
            .find(|r| r[0] == "19640823-T002")
            .expect("A is reported")
    };
    assert!(!rad_a().await.contains(&"2026-09-10".to_string()));
    let (_, kf) = chef.get(kf_q3).await;
    assert!(kf.contains("<strong>3</strong> ej verkställda beslut den 2026-09-30"));

    // A's kontaktperson starts on 10 September: still late in Q3, now with the date.
    bestall_och_starta(&app, &k, &fall.a, "2026-08-01", "2026-09-10").await;
    let a = rad_a().await;
    assert!(a.contains(&"2026-09-10".to_string()), "{a:?}");
    assert!(
        a.contains(&"163".to_string()),
        "31 March to 10 September: {a:?}"
    );
    let (_, kf) = chef.get(kf_q3).await;
    assert!(
        kf.contains("<strong>2</strong> ej verkställda beslut den 2026-09-30: 1 kvinna, 1 man."),
        "A no longer waits at the end of Q3"
    );

    // A new decision on 15 April is in the list to the nämnd.
    let ny = beslutat(
        &app,
        &k,
        "19850505-1238",
        "Nilsson",
        "kontaktperson",
        "sol_11_1",
        "bifall",
        "2026-04-01",
        "2026-04-15",
    )
    .await;
    let (_, sida) = chef
        .get("/rapporter/delegationsbeslut?fran=2026-01-01&till=2026-04-30")
        .await;
    let datum: Vec<String> = rader(tabell(&sida, "delegation"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    assert_eq!(
        datum,
        [
            "2026-01-15",
            "2026-02-10",
            "2026-03-02",
            "2026-03-31",
            "2026-04-15",
            "2026-04-30"
        ]
    );
    assert!(sida.contains(&format!("/arenden/{}\"", ny.arende)));
    app.kontrollera_invarianter().await;
}
pa_bada!(ett_steg_andrar_rapporterna);
