//! The nämnd's reports, as pages and as CSV for Swedish Excel (semicolons, UTF-8 with BOM):
//!
//! * ej verkställda beslut to IVO and the revisorer, per quarter (SoL 34 kap. 1–2 §§);
//! * the quarterly statistics to kommunfullmäktige (SoL 34 kap. 3 §);
//! * the decisions taken under delegation in a period, for the nämnd (KL 7 kap. 8 §);
//! * the monthly statistics of ekonomiskt bistånd to Socialstyrelsen (HSLF-FS 2015:30 3–4 §§),
//!   with the check of what is missing before the file may be sent.
//!
//! The store reads the waits and decisions of the period from the tables the projection keeps
//! for the reports, the domain selects (`lots_domain::rapport`), and every read is logged before
//! the response leaves (DESIGN.md principle 4). The reports to IVO and to
//! kommunfullmäktige are de-identified: sex and birth date, never a name or a personnummer.
//!
//! PDF: another engineer adds PDF rendering (the documents crate) later. Each report's data is
//! built once here (`ivo`, `kf`, `delegation`), so a PDF handler reuses those functions and gets
//! a link beside "Ladda ner som CSV" in the templates.

use std::collections::{HashMap, HashSet};

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use lots_domain::forsorjningsstod::Manad;
use lots_domain::forsorjningsstod::statistik::{self, Leverans, Totaler};
use lots_domain::identitet::Kon;
use lots_domain::ids::{ArendeId, BeslutId, PersonId};
use lots_domain::rapport::{
    Avidentifierad, Avsnitt, IvoPost, KfStatistik, Kvartal, Slut, Tidsklass, ivo_id, ivo_post,
};
use lots_domain::tid::svensk_dag;
use time::{Date, Duration};

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, ArendeResurs, Atgard};
use lots_store::{Beslutsnyckel, Granskningspost, RapportArende};

type Fraga = Query<HashMap<String, String>>;

// ---------------------------------------------------------------------------
// Parameters
// ---------------------------------------------------------------------------

fn parameter<'a>(q: &'a HashMap<String, String>, namn: &str) -> Option<&'a str> {
    q.get(namn).map(|v| v.trim()).filter(|v| !v.is_empty())
}

/// `?ar=2026&kvartal=3`; by default the last quarter that has ended. Only an ended quarter
/// can be reported: until its last day is over, what it holds is not known.
fn valt_kvartal(q: &HashMap<String, String>, idag: Date) -> Result<Kvartal, WebFel> {
    let standard = Kvartal::senast_avslutade(idag);
    let fel =
        || WebFel::Ogiltig("Ange året med fyra siffror och kvartalet som 1, 2, 3 eller 4.".into());
    let ar = match parameter(q, "ar") {
        None => standard.ar(),
        Some(t) => t.parse::<i32>().map_err(|_| fel())?,
    };
    let nummer = match parameter(q, "kvartal") {
        None => standard.nummer(),
        Some(t) => t.parse::<u8>().map_err(|_| fel())?,
    };
    if !(2000..=idag.year()).contains(&ar) {
        return Err(fel());
    }
    let kvartal = Kvartal::ny(ar, nummer).ok_or_else(fel)?;
    if !kvartal.passerat(idag) {
        return Err(WebFel::Ogiltig(format!(
            "{} har inte tagit slut än. Välj ett kvartal som har tagit slut.",
            forsta_stor(&kvartal.to_string())
        )));
    }
    Ok(kvartal)
}

fn forsta_stor(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

pub(crate) fn las_datum(t: &str) -> Option<Date> {
    Date::parse(t, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// `?fran=YYYY-MM-DD&till=YYYY-MM-DD`; by default the last whole calendar month.
fn vald_period(q: &HashMap<String, String>, idag: Date) -> Result<(Date, Date), WebFel> {
    let forra_manaden_slut = idag.replace_day(1).unwrap_or(idag) - Duration::days(1);
    let forra_manaden_start = forra_manaden_slut
        .replace_day(1)
        .unwrap_or(forra_manaden_slut);
    let fel = |namn: &str| WebFel::Ogiltig(format!("Skriv {namn} som ÅÅÅÅ-MM-DD."));
    let fran = match parameter(q, "fran") {
        None => forra_manaden_start,
        Some(t) => las_datum(t).ok_or_else(|| fel("från-datumet"))?,
    };
    let till = match parameter(q, "till") {
        None => forra_manaden_slut,
        Some(t) => las_datum(t).ok_or_else(|| fel("till-datumet"))?,
    };
    if till < fran {
        return Err(WebFel::Ogiltig(
            "Till-datumet kan inte ligga före från-datumet.".into(),
        ));
    }
    Ok((fran, till))
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// One cell: quoted when it holds a separator, a quote or a line break; a cell that Excel would
/// read as a formula gets a leading apostrophe (CSV injection).
fn csv_cell(varde: &str) -> String {
    let varde = if varde.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{varde}")
    } else {
        varde.to_owned()
    };
    if varde.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", varde.replace('"', "\"\""))
    } else {
        varde
    }
}

/// A CSV file as Swedish Excel opens it: UTF-8 with BOM, semicolons, CRLF, a header row first.
pub(crate) fn csv_svar(filnamn: &str, rader: &[Vec<String>]) -> Response {
    let mut ut = String::from("\u{FEFF}");
    for rad in rader {
        let celler: Vec<String> = rad.iter().map(|c| csv_cell(c)).collect();
        ut.push_str(&celler.join(";"));
        ut.push_str("\r\n");
    }
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filnamn}\""),
            ),
        ],
        ut,
    )
        .into_response()
}

/// A report as a PDF/A document: the same table as the CSV, header first.
fn pdf_svar(
    s: &AppState,
    kommun: &str,
    titel: String,
    undertitel: &str,
    filnamn: &str,
    tabell: Vec<Vec<String>>,
) -> Result<Response, WebFel> {
    let mut rader = tabell.into_iter();
    let kolumner = rader.next().unwrap_or_default();
    let rapport = lots_documents::Rapport {
        kommun: kommun.to_string(),
        titel,
        undertitel: undertitel.to_string(),
        datum: lots_domain::tid::svensk_dag(s.nu()),
        sektioner: vec![lots_documents::Rapportsektion {
            rubrik: "Uppgifter".into(),
            kolumner,
            rader: rader.collect(),
            tom: "Inga poster under perioden.".into(),
        }],
        noter: vec!["Framtagen ur Lots från ärendenas händelser.".into()],
    };
    let pdf = lots_documents::rapport(&rapport).map_err(|e| {
        tracing::error!(error = %e, "report pdf");
        WebFel::Ogiltig(
            "Rapporten kunde inte göras om till PDF. Hämta den som CSV i stället.".into(),
        )
    })?;
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filnamn}\""),
            ),
        ],
        pdf,
    )
        .into_response())
}

fn kon_namn(kon: Option<Kon>) -> &'static str {
    match kon {
        Some(Kon::Kvinna) => "Kvinna",
        Some(Kon::Man) => "Man",
        None => "Okänt",
    }
}

fn resurs(r: &RapportArende) -> ArendeResurs {
    ArendeResurs {
        enhet: r.enhet,
        handlaggare: r.handlaggare,
        skyddad: r.skyddad,
        skal: false,
    }
}

/// A report's cases by id, looked up once per listed row.
type Register = HashMap<ArendeId, RapportArende>;

/// The nämnd's reports cover the whole nämnd without names; a case is linked
/// only where the policy lets the user open it.
fn lank(i: &Inloggad, register: &Register, id: ArendeId) -> Option<ArendeId> {
    register
        .get(&id)
        .filter(|r| policy::far(&i.anvandare, Atgard::LasaArende(resurs(r))))
        .map(|_| id)
}

/// The audit rows of a report: one per case listed (flagged when outside the
/// user's enhet), or one without a case when none was.
fn loggposter(
    i: &Inloggad,
    handling: &str,
    register: &Register,
    listade: impl IntoIterator<Item = ArendeId>,
) -> Vec<Granskningspost> {
    let mut sedda = HashSet::new();
    let mut ut: Vec<Granskningspost> = vec![];
    for id in listade {
        if !sedda.insert(id) {
            continue;
        }
        if let Some(r) = register.get(&id) {
            ut.push(
                Granskningspost::ny(handling)
                    .person(r.person, r.skyddad)
                    .arende(id)
                    .utanfor(policy::utanfor(&i.anvandare, &resurs(r))),
            );
        }
    }
    if ut.is_empty() {
        ut.push(Granskningspost::ny(handling));
    }
    ut
}

// ---------------------------------------------------------------------------
// The list of reports
// ---------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "rapporter.html")]
struct Rapporter {
    sida: Sida,
    kvartal: Kvartal,
}

pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    Ok(Rapporter {
        sida: Sida::av(&i),
        kvartal: Kvartal::senast_avslutade(svensk_dag(s.nu())),
    }
    .into_response())
}

// ---------------------------------------------------------------------------
// (a) Ej verkställda beslut to IVO and the revisorer (SoL 34 kap. 1–2 §§)
// ---------------------------------------------------------------------------

pub struct IvoRad {
    pub id: String,
    pub kon: &'static str,
    pub fodelsear: String,
    pub beslutsdatum: Date,
    pub insats: &'static str,
    pub lagrum: &'static str,
    pub avbrott: String,
    pub tre_manader: Date,
    pub vantat_dagar: i64,
    pub skal: String,
    pub verkstallt: String,
    pub upphort: String,
    pub forst_rapporterat: String,
    /// Only where the user may open the case.
    pub arende: Option<ArendeId>,
}

pub struct IvoAvsnitt {
    pub kod: &'static str,
    pub rubrik: &'static str,
    pub forklaring: &'static str,
    pub rader: Vec<IvoRad>,
}

struct IvoRapport {
    kvartal: Kvartal,
    avsnitt: Vec<IvoAvsnitt>,
}

fn avsnitt_kod(a: Avsnitt) -> &'static str {
    match a {
        Avsnitt::EjVerkstallt => "ej-verkstallda",
        Avsnitt::VerkstalltEfterRapportering => "verkstallda-efter-rapportering",
        Avsnitt::UpphortEfterRapportering => "upphorda-efter-rapportering",
    }
}

fn avsnitt_forklaring(a: Avsnitt) -> &'static str {
    match a {
        Avsnitt::EjVerkstallt => {
            "Gynnande beslut som inte verkställts inom tre månader från beslutsdagen, eller avbrott som inte upphört inom tre månader, och som någon gång under kvartalet därefter fortfarande inte var verkställda (SoL 34 kap. 1 §). Ett beslut som verkställts under kvartalet har datumet ifyllt."
        }
        Avsnitt::VerkstalltEfterRapportering => {
            "Beslut som rapporterats ett tidigare kvartal och verkställts under det här kvartalet, med dagen för verkställigheten (SoL 34 kap. 2 §)."
        }
        Avsnitt::UpphortEfterRapportering => {
            "Beslut som rapporterats ett tidigare kvartal och som under det här kvartalet upphört utan att verkställas, till exempel för att ärendet avslutades."
        }
    }
}

/// Loads, selects, numbers and logs the report to IVO for the chosen quarter.
async fn ivo(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    handling: &str,
) -> Result<IvoRapport, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let nu = s.nu();
    let kvartal = valt_kvartal(q, svensk_dag(nu))?;
    let kommun = i.anvandare.kommun;
    // The waits the index narrows to; the domain decides which have a line (`ivo_post`).
    let mut register = Register::new();
    let mut poster: Vec<(IvoPost, i64, Avidentifierad)> = vec![];
    s.store
        .rapporter()
        .ivo_vantetider(kommun, kvartal, |r| {
            if let Some(p) = ivo_post(r.vantan, kvartal) {
                register.entry(r.arende.id).or_insert(r.arende);
                poster.push((p, r.nr, r.person));
            }
        })
        .await?;
    // The order of the case's waits (nr) last: the order the report has always had.
    poster.sort_by_key(|(p, nr, _)| {
        let v = &p.vantan;
        (p.avsnitt, v.fran(), v.beslutsdatum, v.arende, *nr)
    });
    // The reasons for the interruptions, from the listed cases' own events; the last one
    // given for an interruption's day counts.
    let avbrutna: HashSet<ArendeId> = poster
        .iter()
        .filter(|(p, _, _)| p.vantan.avbrott.is_some())
        .map(|(p, _, _)| p.vantan.arende)
        .collect();
    let orsaker: HashMap<(BeslutId, Date), String> = s
        .store
        .rapporter()
        .avbrottsorsaker(kommun, avbrutna)
        .await?
        .into_iter()
        .map(|o| ((o.beslut, o.datum), o.orsak))
        .collect();
    // IVO's id for a person: the birth date and a running number, one per person in the report.
    let mut personer: HashMap<PersonId, usize> = HashMap::new();
    let mut avsnitt: Vec<IvoAvsnitt> = Avsnitt::ALLA
        .into_iter()
        .map(|a| IvoAvsnitt {
            kod: avsnitt_kod(a),
            rubrik: a.namn(),
            forklaring: avsnitt_forklaring(a),
            rader: vec![],
        })
        .collect();
    for (p, _, person) in &poster {
        let v = &p.vantan;
        let antal = personer.len();
        let lopnummer = *personer.entry(v.person).or_insert(antal);
        let skal = match v.avbrott {
            // The reason given when the insats was interrupted.
            Some(avbrott) => orsaker.get(&(v.beslut, avbrott)).cloned(),
            None => v.skal.clone(),
        };
        let rad = IvoRad {
            id: ivo_id(
                person.fodd,
                u32::try_from(lopnummer + 1).unwrap_or(u32::MAX),
            ),
            kon: kon_namn(person.kon),
            fodelsear: person
                .fodelsear()
                .map(|a| a.to_string())
                .unwrap_or_default(),
            beslutsdatum: v.beslutsdatum,
            insats: v.insats.namn(),
            lagrum: v.lagrum.text(),
            avbrott: v.avbrott.map(|d| d.to_string()).unwrap_or_default(),
            tre_manader: v.tre_manader,
            vantat_dagar: p.vantat_dagar,
            skal: skal.unwrap_or_default(),
            verkstallt: match p.slut {
                Some(Slut::Verkstallt(d) | Slut::Aterupptaget(d)) => d.to_string(),
                _ => String::new(),
            },
            upphort: match p.slut {
                Some(sl @ Slut::Upphort(..)) => sl.text(),
                _ => String::new(),
            },
            forst_rapporterat: v.forsta_kvartal().to_string(),
            arende: lank(i, &register, v.arende),
        };
        if let Some(a) = avsnitt.iter_mut().find(|a| a.kod == avsnitt_kod(p.avsnitt)) {
            a.rader.push(rad);
        }
    }
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &loggposter(
                i,
                handling,
                &register,
                poster.iter().map(|(p, _, _)| p.vantan.arende),
            ),
            nu,
        )
        .await?;
    Ok(IvoRapport { kvartal, avsnitt })
}

#[derive(Template, WebTemplate)]
#[template(path = "rapport_ivo.html")]
struct IvoSida {
    sida: Sida,
    kvartal: Kvartal,
    ar_val: Vec<(i32, bool)>,
    kvartal_val: Vec<(u8, bool)>,
    avsnitt: Vec<IvoAvsnitt>,
}

/// The years of the quarter form: from SoL (2025:400) coming into force to this year.
fn ar_val(kvartal: Kvartal, idag: Date) -> Vec<(i32, bool)> {
    (2025.min(kvartal.ar())..=idag.year())
        .rev()
        .map(|a| (a, a == kvartal.ar()))
        .collect()
}

fn kvartal_val(kvartal: Kvartal) -> Vec<(u8, bool)> {
    (1..=4).map(|n| (n, n == kvartal.nummer())).collect()
}

pub async fn ivo_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = ivo(&s, &i, &q, "rapport.ivo").await?;
    Ok(IvoSida {
        sida: Sida::av(&i),
        kvartal: r.kvartal,
        ar_val: ar_val(r.kvartal, svensk_dag(s.nu())),
        kvartal_val: kvartal_val(r.kvartal),
        avsnitt: r.avsnitt,
    }
    .into_response())
}

pub async fn ivo_csv(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = ivo(&s, &i, &q, "rapport.ivo.csv").await?;
    let rader = ivo_tabell(&r);
    Ok(csv_svar(
        &format!(
            "ej-verkstallda-beslut-{}-K{}.csv",
            r.kvartal.ar(),
            r.kvartal.nummer()
        ),
        &rader,
    ))
}

pub async fn ivo_pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = ivo(&s, &i, &q, "rapport.ivo.pdf").await?;
    pdf_svar(
        &s,
        &s.kommunnamn(i.anvandare.kommun).await?,
        format!("Ej verkställda beslut {}", r.kvartal),
        "Rapport till IVO och revisorerna enligt 34 kap. 1–2 §§ socialtjänstlagen (2025:400). Personerna anges med födelsedatum och löpnummer.",
        &format!(
            "ej-verkstallda-beslut-{}-K{}.pdf",
            r.kvartal.ar(),
            r.kvartal.nummer()
        ),
        ivo_tabell(&r),
    )
}

/// The IVO report as a table, header first: the same rows for CSV and PDF.
fn ivo_tabell(r: &IvoRapport) -> Vec<Vec<String>> {
    // What is sent to IVO: no case reference, nothing that names the person.
    let mut rader = vec![
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
        .map(String::from)
        .to_vec(),
    ];
    for a in &r.avsnitt {
        for x in &a.rader {
            rader.push(vec![
                a.rubrik.to_string(),
                x.id.clone(),
                x.kon.to_string(),
                x.fodelsear.clone(),
                x.beslutsdatum.to_string(),
                x.insats.to_string(),
                x.lagrum.to_string(),
                x.avbrott.clone(),
                x.tre_manader.to_string(),
                x.vantat_dagar.to_string(),
                x.skal.clone(),
                x.verkstallt.clone(),
                x.upphort.clone(),
            ]);
        }
    }
    rader
}

// ---------------------------------------------------------------------------
// (b) Statistics to kommunfullmäktige (SoL 34 kap. 3 §)
// ---------------------------------------------------------------------------

pub struct KfRad {
    pub namn: &'static str,
    pub kvinnor: u32,
    pub man: u32,
    pub okant: u32,
    pub totalt: u32,
}

fn kf_rad(namn: &'static str, n: &lots_domain::rapport::Antal) -> KfRad {
    KfRad {
        namn,
        kvinnor: n.kvinnor,
        man: n.man,
        okant: n.okant,
        totalt: n.totalt(),
    }
}

struct KfRapport {
    kvartal: Kvartal,
    totalt: KfRad,
    per_insats: Vec<KfRad>,
    per_tid: Vec<KfRad>,
    varav_avbrott: u32,
}

async fn kf(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    handling: &str,
) -> Result<KfRapport, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let nu = s.nu();
    let kvartal = valt_kvartal(q, svensk_dag(nu))?;
    // The waits that went on beyond their three months at the quarter's end; the domain counts.
    let mut st = KfStatistik::ny(kvartal);
    s.store
        .rapporter()
        .kf_vantetider(i.anvandare.kommun, kvartal.sista_dag(), |r| {
            st.rakna(&r.vantan, r.person)
        })
        .await?;
    // Counts only: no case or person is shown.
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &[Granskningspost::ny(handling)], nu)
        .await?;
    Ok(KfRapport {
        kvartal,
        totalt: kf_rad("Totalt", &st.totalt),
        per_insats: st
            .per_insats
            .iter()
            .map(|(insats, n)| kf_rad(insats.namn(), n))
            .collect(),
        per_tid: st
            .per_tid
            .iter()
            .map(|(t, n)| kf_rad(Tidsklass::namn(*t), n))
            .collect(),
        varav_avbrott: st.varav_avbrott,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "rapport_kf.html")]
struct KfSida {
    sida: Sida,
    kvartal: Kvartal,
    ar_val: Vec<(i32, bool)>,
    kvartal_val: Vec<(u8, bool)>,
    r: KfRapport,
}

pub async fn kf_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = kf(&s, &i, &q, "rapport.kf").await?;
    Ok(KfSida {
        sida: Sida::av(&i),
        kvartal: r.kvartal,
        ar_val: ar_val(r.kvartal, svensk_dag(s.nu())),
        kvartal_val: kvartal_val(r.kvartal),
        r,
    }
    .into_response())
}

pub async fn kf_csv(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = kf(&s, &i, &q, "rapport.kf.csv").await?;
    let rader = kf_tabell(&r);
    Ok(csv_svar(
        &format!(
            "statistik-ej-verkstallda-{}-K{}.csv",
            r.kvartal.ar(),
            r.kvartal.nummer()
        ),
        &rader,
    ))
}

pub async fn kf_pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = kf(&s, &i, &q, "rapport.kf.pdf").await?;
    pdf_svar(
        &s,
        &s.kommunnamn(i.anvandare.kommun).await?,
        format!("Ej verkställda beslut: statistik {}", r.kvartal),
        "Statistik till kommunfullmäktige enligt 34 kap. 3 § socialtjänstlagen (2025:400).",
        &format!(
            "statistik-ej-verkstallda-{}-K{}.pdf",
            r.kvartal.ar(),
            r.kvartal.nummer()
        ),
        kf_tabell(&r),
    )
}

/// The statistics as a table, header first.
fn kf_tabell(r: &KfRapport) -> Vec<Vec<String>> {
    let mut rader = vec![
        [
            "Indelning",
            "Kategori",
            "Kvinnor",
            "Män",
            "Okänt kön",
            "Totalt",
        ]
        .map(String::from)
        .to_vec(),
    ];
    let mut rad = |indelning: &str, x: &KfRad| {
        rader.push(vec![
            indelning.to_string(),
            x.namn.to_string(),
            x.kvinnor.to_string(),
            x.man.to_string(),
            x.okant.to_string(),
            x.totalt.to_string(),
        ]);
    };
    rad("Totalt", &r.totalt);
    for x in &r.per_insats {
        rad("Insats", x);
    }
    for x in &r.per_tid {
        rad("Tid sedan beslut eller avbrott", x);
    }
    rader
}

// ---------------------------------------------------------------------------
// (c) Decisions under delegation, for the nämnd
// ---------------------------------------------------------------------------

pub struct DelegationRad {
    pub datum: Date,
    pub insats: &'static str,
    pub utfall: String,
    pub lagrum: &'static str,
    pub beslutsfattare: String,
    pub version: i64,
    pub punkt: String,
    /// Only where the user may open the case.
    pub arende: Option<ArendeId>,
}

/// The users' names, to name the decision-makers.
async fn anvandarnamn(
    s: &AppState,
    kommun: lots_domain::ids::KommunId,
) -> Result<HashMap<lots_domain::ids::AnvandarId, String>, WebFel> {
    Ok(s.store
        .organisation()
        .alla_anvandare(kommun)
        .await?
        .into_iter()
        .map(|a| (a.id, a.namn))
        .collect())
}

/// The rows shown of the decisions listed, after their reads are logged.
async fn delegationsrader(
    s: &AppState,
    i: &Inloggad,
    handling: &str,
    beslut: Vec<lots_store::RapportBeslut>,
) -> Result<Vec<DelegationRad>, WebFel> {
    let mut register = Register::new();
    let mut listade = Vec::with_capacity(beslut.len());
    for r in beslut {
        register.entry(r.arende.id).or_insert(r.arende);
        listade.push(r.beslut);
    }
    let anvandare = anvandarnamn(s, i.anvandare.kommun).await?;
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &loggposter(i, handling, &register, listade.iter().map(|b| b.arende)),
            s.nu(),
        )
        .await?;
    Ok(listade
        .into_iter()
        .map(|b| DelegationRad {
            datum: b.datum,
            insats: b.insats.namn(),
            utfall: if b.efter_omprovning {
                format!("{} (efter omprövning)", b.utfall.namn())
            } else {
                b.utfall.namn().to_string()
            },
            lagrum: b.lagrum.text(),
            beslutsfattare: anvandare
                .get(&b.beslutsfattare)
                .cloned()
                .unwrap_or_else(|| "okänd".into()),
            version: b.delegation.version,
            punkt: b.delegation.punkt,
            arende: lank(i, &register, b.arende),
        })
        .collect())
}

/// The whole period's decisions, for the files the nämnd is sent.
async fn delegation(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    handling: &str,
) -> Result<(Date, Date, Vec<DelegationRad>), WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let (fran, till) = vald_period(q, svensk_dag(s.nu()))?;
    let mut beslut = vec![];
    s.store
        .rapporter()
        .delegationsbeslut(i.anvandare.kommun, fran, till, |r| {
            if r.beslut.i_perioden(fran, till) {
                beslut.push(r);
            }
        })
        .await?;
    let rader = delegationsrader(s, i, handling, beslut).await?;
    Ok((fran, till, rader))
}

/// Decisions per page of the list: a year of a large city's monthly försörjningsstöd is tens
/// of thousands of decisions, more than a page can show or a reader take in. The files hold
/// the whole period.
const DELEGATION_PER_SIDA: i64 = 100;

/// `?efter=DATUM.ÄRENDE.BESLUT`: the page starts after that decision.
fn las_beslutsnyckel(t: &str) -> Option<Beslutsnyckel> {
    let mut delar = t.splitn(3, '.');
    let datum = las_datum(delar.next()?)?;
    let arende = delar.next()?.parse().ok()?;
    let beslut = delar.next()?.parse().ok()?;
    Some(Beslutsnyckel {
        datum,
        arende,
        beslut,
    })
}

fn beslutsnyckeltext(k: &Beslutsnyckel) -> String {
    format!("{}.{}.{}", k.datum, k.arende, k.beslut)
}

#[derive(Template, WebTemplate)]
#[template(path = "rapport_delegation.html")]
struct DelegationSida {
    sida: Sida,
    fran: Date,
    till: Date,
    rader: Vec<DelegationRad>,
    /// All the period's decisions, and the place in that list of the first one shown.
    antal: i64,
    forsta: i64,
    /// `efter` of the next page, if there is one.
    nasta: Option<String>,
}

pub async fn delegation_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let (fran, till) = vald_period(&q, svensk_dag(s.nu()))?;
    let efter = match parameter(&q, "efter") {
        None => None,
        Some(t) => Some(las_beslutsnyckel(t).ok_or_else(|| {
            WebFel::Ogiltig("Sidan i listan finns inte. Börja om från första sidan.".into())
        })?),
    };
    let kommun = i.anvandare.kommun;
    let rapporter = s.store.rapporter();
    // One more than is shown, to know whether there is a next page.
    let mut beslut = rapporter
        .delegationsbeslut_sida(kommun, fran, till, efter, DELEGATION_PER_SIDA + 1)
        .await?;
    let nasta = if beslut.len() as i64 > DELEGATION_PER_SIDA {
        beslut.truncate(DELEGATION_PER_SIDA as usize);
        beslut
            .last()
            .map(|r| beslutsnyckeltext(&Beslutsnyckel::av(&r.beslut)))
    } else {
        None
    };
    let antal = rapporter
        .antal_delegationsbeslut(kommun, fran, till, None)
        .await?;
    let fore = match efter {
        None => 0,
        Some(k) => {
            rapporter
                .antal_delegationsbeslut(kommun, fran, till, Some(k))
                .await?
        }
    };
    let rader = delegationsrader(&s, &i, "rapport.delegation", beslut).await?;
    Ok(DelegationSida {
        sida: Sida::av(&i),
        fran,
        till,
        antal,
        forsta: fore + 1,
        nasta,
        rader,
    }
    .into_response())
}

pub async fn delegation_csv(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let (fran, till, rader) = delegation(&s, &i, &q, "rapport.delegation.csv").await?;
    Ok(csv_svar(
        &format!("delegationsbeslut-{fran}-{till}.csv"),
        &delegation_tabell(&rader),
    ))
}

pub async fn delegation_pdf(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let (fran, till, rader) = delegation(&s, &i, &q, "rapport.delegation.pdf").await?;
    pdf_svar(
        &s,
        &s.kommunnamn(i.anvandare.kommun).await?,
        format!("Beslut fattade på delegation {fran} – {till}"),
        "Anmälan till nämnden av beslut fattade med stöd av delegationsordningen.",
        &format!("delegationsbeslut-{fran}-{till}.pdf"),
        delegation_tabell(&rader),
    )
}

/// The delegated decisions as a table, header first.
fn delegation_tabell(rader: &[DelegationRad]) -> Vec<Vec<String>> {
    let mut ut = vec![
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
        .map(String::from)
        .to_vec(),
    ];
    for r in rader {
        ut.push(vec![
            r.datum.to_string(),
            r.insats.to_string(),
            r.utfall.clone(),
            r.lagrum.to_string(),
            r.beslutsfattare.clone(),
            r.version.to_string(),
            r.punkt.clone(),
            r.arende.map(|a| a.to_string()).unwrap_or_default(),
        ]);
    }
    ut
}

// ---------------------------------------------------------------------------
// (d) Ekonomiskt bistånd to Socialstyrelsen, per month (HSLF-FS 2015:30 3–4 §§)
// ---------------------------------------------------------------------------

/// `?manad=2026-03`; by default the month before this one, the one due by the 15th of this
/// month. A month after this one has nothing paid for it yet.
fn vald_manad(q: &HashMap<String, String>, idag: Date) -> Result<Manad, WebFel> {
    let denna = Manad::for_dag(idag);
    let manad = match parameter(q, "manad") {
        None => return Ok(denna.foregaende()),
        Some(t) => t.parse::<Manad>().map_err(|e| WebFel::Ogiltig(e.into()))?,
    };
    if manad > denna || manad.ar() < 2000 {
        return Err(WebFel::Ogiltig(
            "Välj en månad från år 2000 till och med den här månaden.".into(),
        ));
    }
    Ok(manad)
}

/// A line of the check, linked to its case where the user may open it.
pub struct EbBrist {
    pub text: String,
    pub arende: Option<ArendeId>,
}

/// One month's totals as the page shows them, with the bars of its charts.
pub struct EbManad {
    pub kod: String,
    pub namn: String,
    pub hushall: u32,
    pub vuxna: u32,
    pub barn: u32,
    pub personer: u32,
    pub utbetalt: String,
    pub per_grupp: Vec<u32>,
    pub utan_hinder: u32,
    pub avslutade: u32,
    /// The bars' lengths in the chart's units (0–250) and where their labels go.
    pub stapel_hushall: u32,
    pub stapel_belopp: u32,
    pub y: u32,
}

/// The longest bar of a chart, in the SVG's units.
const STAPEL: u32 = 250;

fn stapel(varde: i64, storst: i64) -> u32 {
    if storst <= 0 {
        return 0;
    }
    u32::try_from(varde.max(0) * i64::from(STAPEL) / storst).unwrap_or(0)
}

fn eb_manad(m: Manad, t: &Totaler) -> EbManad {
    EbManad {
        kod: m.to_string(),
        namn: m.namn(),
        hushall: t.hushall,
        vuxna: t.vuxna,
        barn: t.barn,
        personer: t.personer(),
        utbetalt: crate::visning::kr(t.utbetalt),
        per_grupp: statistik::GRUPPER.iter().map(|g| t.i_grupp(*g)).collect(),
        utan_hinder: t.utan_hinder,
        avslutade: t.avslutade,
        stapel_hushall: 0,
        stapel_belopp: 0,
        y: 0,
    }
}

struct EbRapport {
    manad: Manad,
    leverans: Leverans,
    brister: Vec<EbBrist>,
    /// The twelve months up to the chosen one, oldest first.
    manader: Vec<EbManad>,
    /// The chosen month's adults per hinder group: (group, count, bar).
    grupper: Vec<(&'static str, u32, u32, u32)>,
}

/// Loads the kommun's months, builds the chosen month's delivery and the twelve months' totals,
/// and logs the read: every case the check names (the totals name none).
async fn eb(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    handling: &str,
) -> Result<EbRapport, WebFel> {
    policy::krav(&i.anvandare, Atgard::Rapporter)?;
    let nu = s.nu();
    let manad = vald_manad(q, svensk_dag(nu))?;
    let kommun = i.anvandare.kommun;
    let fran = (0..11).fold(manad, |m, _| m.foregaende());
    let lasta = s
        .store
        .rapporter()
        .forsorjningsstod_manader(kommun, fran, manad)
        .await?;
    let mut register = Register::new();
    let mut rader = Vec::with_capacity(lasta.len());
    for (r, a) in lasta {
        register.entry(a.id).or_insert(a);
        rader.push(r);
    }
    let kod = s.store.organisation().kommunkod(kommun).await?;
    let leverans = statistik::leverans(&kod, manad, &rader);
    let brister = leverans
        .brister
        .iter()
        .map(|b| EbBrist {
            text: b.text.clone(),
            arende: lank(i, &register, b.arende),
        })
        .collect();
    let per = statistik::per_manad(fran, manad, &rader);
    let storst_hushall = per
        .iter()
        .map(|(_, t)| i64::from(t.hushall))
        .max()
        .unwrap_or(0);
    let storst_belopp = per.iter().map(|(_, t)| t.utbetalt).max().unwrap_or(0);
    let manader = per
        .iter()
        .enumerate()
        .map(|(n, (m, t))| EbManad {
            stapel_hushall: stapel(i64::from(t.hushall), storst_hushall),
            stapel_belopp: stapel(t.utbetalt, storst_belopp),
            y: u32::try_from(n).unwrap_or(0) * 24,
            ..eb_manad(*m, t)
        })
        .collect();
    let t = &leverans.totaler;
    let storst_grupp = statistik::GRUPPER
        .iter()
        .map(|g| i64::from(t.i_grupp(*g)))
        .max()
        .unwrap_or(0);
    let grupper = statistik::GRUPPER
        .iter()
        .enumerate()
        .map(|(n, g)| {
            let antal = t.i_grupp(*g);
            (
                g.text(),
                antal,
                stapel(i64::from(antal), storst_grupp),
                u32::try_from(n).unwrap_or(0) * 24,
            )
        })
        .collect();
    // The page names the cases of the check; the file names every household's case.
    let listade: Vec<ArendeId> = if handling.ends_with(".fil") && leverans.kan_skickas() {
        rader
            .iter()
            .filter(|r| r.manad == manad)
            .map(|r| r.arende)
            .collect()
    } else {
        leverans.brister.iter().map(|b| b.arende).collect()
    };
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggposter(i, handling, &register, listade), nu)
        .await?;
    Ok(EbRapport {
        manad,
        leverans,
        brister,
        manader,
        grupper,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "rapport_eb.html")]
struct EbSida {
    sida: Sida,
    manad_kod: String,
    manad_namn: String,
    sista_dag: Date,
    forsenad: bool,
    brister: Vec<EbBrist>,
    totalt: EbManad,
    manader: Vec<EbManad>,
    grupper: Vec<(&'static str, u32, u32, u32)>,
    grupprubriker: Vec<&'static str>,
    /// The charts' heights in the SVG's units.
    hojd_manader: u32,
    hojd_grupper: u32,
}

pub async fn eb_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = eb(&s, &i, &q, "rapport.ekonomiskt_bistand").await?;
    let idag = svensk_dag(s.nu());
    Ok(EbSida {
        sida: Sida::av(&i),
        manad_kod: r.manad.to_string(),
        manad_namn: r.manad.namn(),
        sista_dag: r.leverans.sista_dag(),
        forsenad: statistik::forsenad(r.manad, idag),
        brister: r.brister,
        totalt: eb_manad(r.manad, &r.leverans.totaler),
        hojd_manader: u32::try_from(r.manader.len()).unwrap_or(0) * 24,
        hojd_grupper: u32::try_from(r.grupper.len()).unwrap_or(0) * 24,
        manader: r.manader,
        grupper: r.grupper,
        grupprubriker: statistik::GRUPPER.iter().map(|g| g.text()).collect(),
    }
    .into_response())
}

/// The month's file to Socialstyrelsen (`docs/statistik.md`), or 409 with what is missing.
pub async fn eb_fil(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Fraga,
) -> Result<Response, WebFel> {
    let r = eb(&s, &i, &q, "rapport.ekonomiskt_bistand.fil").await?;
    let l = &r.leverans;
    if !l.kan_skickas() {
        let mut text = format!(
            "Filen för {} kan inte tas fram förrän det här är åtgärdat:\n",
            r.manad.namn()
        );
        for b in &l.brister {
            text.push_str(&format!("- {}\n", b.text));
        }
        return Ok((
            StatusCode::CONFLICT,
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            text,
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}\"", l.filnamn()),
            ),
        ],
        l.fil(),
    )
        .into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_formulas_neutralised() {
        assert_eq!(csv_cell("enkel"), "enkel");
        assert_eq!(csv_cell("a;b"), "\"a;b\"");
        assert_eq!(csv_cell("säger \"nej\""), "\"säger \"\"nej\"\"\"");
        assert_eq!(csv_cell("=SUMMA(A1)"), "'=SUMMA(A1)");
        assert_eq!(csv_cell("rad\nrad"), "\"rad\nrad\"");
    }
}
