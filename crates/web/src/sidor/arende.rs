use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::{
    AktualiseringsTyp, Arende, Bevakning, Fas, KommandoTyp, Status, bevakningar, kan,
    mojlig_dubblett, svar_senast,
};
use lots_domain::ids::{AnvandarId, ArendeId, JournalId, KommunId, PersonId};
use lots_domain::insats::InsatsTyp;
use lots_domain::tid::svensk_dag;
use lots_store::{ArendeRad, Handelsestart, JournalRad, Journalstart, LagradHandelse};
use serde::Deserialize;

use super::steg::{Stegkontext, formularsvar, visa_formular};
use super::{Falt, Sida, arendepost, fyll};
use crate::AppState;
use crate::atkomst::{self, ArendeSyfte, Oppnat, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, ArendeResurs, Atgard};
use crate::visning::{Namn, avsandare, beskriv, handlingsnamn, planrader};

pub struct HandelseVy {
    pub nar: String,
    pub vem: String,
    pub rubrik: String,
    pub detaljer: Vec<String>,
    /// A journal entry's event, or an objection to one: the link to the entry in the
    /// journal, which alone shows its text (issue 20, item 4: the journal is not
    /// repeated in the history).
    pub journal: Option<String>,
}

pub struct BeslutVy {
    pub rubrik: String,
    pub rader: Vec<(&'static str, String)>,
    /// The utförare's current genomförandeplan for the insats, if written.
    pub plan: Vec<(&'static str, String)>,
}

pub struct MeddelandeVy {
    pub rubrik: String,
    pub text: String,
    /// The promised answer day, while the message waits for an answer.
    pub obesvarat: Option<time::Date>,
}

pub struct KompletteringVy {
    pub rubrik: String,
    pub status: String,
    pub oppen: bool,
    pub rader: Vec<String>,
    /// (document id, name) handed in with the answers.
    pub dokument: Vec<(String, String)>,
}

/// One thing the case waits for: a bevakning, and the step that clears it.
pub struct VantarVy {
    pub vad: &'static str,
    pub datum: time::Date,
    pub forsenad: bool,
    /// (href, the step's name, what tells it apart) when this user may take the step
    /// now. The same step for a second bevakning (two decisions, say) names its
    /// bevakning too, so no two links read the same to a screen reader.
    pub steg: Option<(String, &'static str, Option<String>)>,
    /// The case waits for the person (a requested komplettering).
    pub enskilde: bool,
}

/// The open steps of one phase, under its heading.
pub struct Stegrupp {
    pub id: &'static str,
    pub rubrik: &'static str,
    /// (code, name)
    pub steg: Vec<(&'static str, &'static str)>,
}

/// Where a bevakning's step opens: its form, with the decision or the bevakning it
/// concerns chosen (`steg::sida` reads them).
pub fn steglank(arende: ArendeId, b: &Bevakning, a: &Arende) -> Option<(String, KommandoTyp)> {
    let x = b.atgard(a)?;
    let mut href = format!("/arenden/{arende}/steg/{}", x.steg.kod());
    let beslut = x.beslut.map(|id| id.to_string());
    let val: Vec<(&str, &str)> = [
        ("beslut", beslut.as_deref()),
        ("nyckel", x.nyckel.as_deref()),
    ]
    .into_iter()
    .filter_map(|(n, v)| Some((n, v?)))
    .collect();
    if let Some(q) = serde_urlencoded::to_string(&val)
        .ok()
        .filter(|q| !q.is_empty())
    {
        href.push('?');
        href.push_str(&q);
    }
    Some((href, x.steg))
}

/// "Vad du kan göra nu": first what the case waits for, most urgent first, each with
/// the step that clears it; then the other open steps by phase (issue 20). Only steps
/// in `oppna` (open in the case's state and granted this user) are linked.
fn vad_nu(
    arende: ArendeId,
    a: &Arende,
    oppna: &[KommandoTyp],
    idag: time::Date,
) -> (Vec<VantarVy>, Vec<Stegrupp>) {
    let mut lankade: Vec<KommandoTyp> = vec![];
    // `bevakningar` are in date order, so the late ones come first.
    let vantar = bevakningar(a)
        .into_iter()
        .map(|b| {
            let steg = steglank(arende, &b, a)
                .filter(|(_, t)| oppna.contains(t))
                .map(|(href, t)| {
                    let skiljer = lankade
                        .contains(&t)
                        .then(|| format!("{}, {}", b.typ.namn(), b.datum));
                    lankade.push(t);
                    (href, t.namn(), skiljer)
                });
            VantarVy {
                vad: b.typ.namn(),
                datum: b.datum,
                forsenad: b.datum < idag,
                enskilde: b.typ.steg().is_none(),
                steg,
            }
        })
        .collect();
    let grupper = Fas::ORDNING
        .iter()
        .map(|fas| Stegrupp {
            id: fas_id(*fas),
            rubrik: fas.namn(),
            steg: oppna
                .iter()
                .filter(|t| t.fas() == *fas && !lankade.contains(t))
                .map(|t| (t.kod(), t.namn()))
                .collect(),
        })
        .filter(|g| !g.steg.is_empty())
        .collect();
    (vantar, grupper)
}

/// The anchor of a phase's group of steps.
fn fas_id(fas: Fas) -> &'static str {
    match fas {
        Fas::Aktualisering => "steg-aktualisering",
        Fas::Utredning => "steg-utredning",
        Fas::Beslut => "steg-beslut",
        Fas::Overklagande => "steg-overklagande",
        Fas::Verkstallighet => "steg-verkstallighet",
        Fas::Uppfoljning => "steg-uppfoljning",
        Fas::Dialog => "steg-dialog",
        Fas::Journal => "steg-journal",
        Fas::Avslut => "steg-arendet",
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "arende.html")]
struct ArendeSida {
    sida: Sida,
    rad: ArendeRad,
    typ: &'static str,
    ansokta: String,
    /// What the case waits for, most urgent first.
    vantar: Vec<VantarVy>,
    /// The other open steps, by phase.
    grupper: Vec<Stegrupp>,
    /// No step at all is open to this user.
    inga_steg: bool,
    avslut_hinder: Option<String>,
    beslut: Vec<BeslutVy>,
    dokument: Vec<(String, String)>,
    meddelanden: Vec<MeddelandeVy>,
    kompletteringar: Vec<KompletteringVy>,
    /// Meetings the person asked for: (text, booked).
    moten: Vec<(String, bool)>,
    journal: Vec<JournalRad>,
    /// Older entries than those shown: the link to them.
    journal_aldre: Option<String>,
    /// Older entries are shown: the link back to the newest.
    journal_senaste: Option<String>,
    /// Per journal entry: shown to the person on Mina sidor or withheld.
    partsinsyn: Vec<PartsinsynVy>,
    far_prova_partsinsyn: bool,
    tidslinje: Vec<HandelseVy>,
    /// The history reads oldest first (`?ordning=aldst`), else newest first.
    aldst_forst: bool,
    /// The next page in the order read: older events, or later ones oldest first.
    handelser_fler: Option<String>,
    /// A later page is shown: the link back to the order's first page.
    handelser_borjan: Option<String>,
    /// The history in the other order, from its first page.
    handelser_byt: String,
    /// The history is shown unfolded: the link the user followed names a place or an
    /// order in it. Else it stays folded under the summary, a click (or Enter) away.
    historik_oppen: bool,
    /// The reason the user stated to open a case outside their enhet.
    skal: Option<String>,
    /// Safety first: protected identity, an anmälan not yet assessed, a positive
    /// screening for violence in a close relationship.
    sakerhet: Vec<String>,
    /// The case at a glance, derived from its state (issue 20, item 4): who the person is,
    /// how the case began, what happened last, what comes next, what waits for the
    /// person, the decisions in force.
    kort: Vec<(String, String)>,
}

impl ArendeSida {
    /// Where "Rättar en tidigare anteckning" leads: to the entry on this page,
    /// or to the page that begins with it.
    fn rattar_href(&self, original: &JournalId) -> String {
        journal_href(
            &self.journal,
            &format!("/arenden/{}", self.rad.id),
            original,
        )
    }
}

/// A link to a journal entry: its anchor on this page, or the page of the
/// journal that begins with it (`bas` is the page's path).
pub fn journal_href(visade: &[JournalRad], bas: &str, id: &JournalId) -> String {
    if visade.iter().any(|j| j.id == *id) {
        format!("#journal-{id}")
    } else {
        format!("{bas}?journal_fran={id}#journal-{id}")
    }
}

/// How many events and journal entries a page shows at a time; older ones are
/// a link away ("Visa äldre"), so a page costs the same in a case's tenth year.
pub const PER_SIDA: usize = 25;

/// The page of the journal a link asks for (`journal_fore`: older than an
/// entry; `journal_fran`: from an entry on), or the newest.
pub fn journalstart(q: &HashMap<String, String>) -> Result<Journalstart, WebFel> {
    const FEL: &str = "Länken till äldre journalanteckningar är felaktig. Öppna sidan på nytt och följ länken Visa äldre.";
    let las = |nyckel: &str| sidplats::<JournalId>(q, nyckel, FEL);
    Ok(match (las("journal_fore")?, las("journal_fran")?) {
        (Some(id), _) => Journalstart::Fore(id),
        (None, Some(id)) => Journalstart::Fran(id),
        (None, None) => Journalstart::Senaste,
    })
}

/// The answer when the entry a journal link starts from is not in the journal shown.
pub fn okand_journalstart() -> WebFel {
    WebFel::Ogiltig(
        "Anteckningen som länken utgår från finns inte här. Öppna sidan på nytt och följ länken Visa äldre."
            .into(),
    )
}

/// Which way the history reads and where its page starts (issue 20, item 4): newest
/// first (`ordning` absent, empty or `nyast`), paged by `handelser_fore`, or oldest
/// first (`ordning=aldst`), paged by `handelser_efter`.
///
/// Any other `ordning`, or a place that belongs to the other order, is a link Lots did
/// not make: answered with a clear error before anything is read, as the page's other
/// links are, rather than shown in an order the reader did not ask for without saying
/// so (which way a record reads decides what one takes as "the latest").
fn handelsestart(q: &HashMap<String, String>) -> Result<Handelsestart, WebFel> {
    const FEL_ORDNING: &str = "Länken till händelserna är felaktig: de kan bara visas med den senaste eller den äldsta först. Öppna ärendet på nytt och välj ordning under Händelser.";
    const FEL_ALDRE: &str = "Länken till äldre händelser är felaktig. Öppna ärendet på nytt och följ länken Visa äldre.";
    const FEL_SENARE: &str = "Länken till senare händelser är felaktig. Öppna ärendet på nytt och följ länken Visa senare.";
    let fore = sidplats::<i64>(q, "handelser_fore", FEL_ALDRE)?;
    let efter = sidplats::<i64>(q, "handelser_efter", FEL_SENARE)?;
    match q.get("ordning").map(|t| t.trim()) {
        None | Some("" | "nyast") if efter.is_none() => Ok(Handelsestart::Nyast(fore)),
        None | Some("" | "nyast") => Err(WebFel::Ogiltig(FEL_SENARE.into())),
        Some("aldst") if fore.is_none() => Ok(Handelsestart::Aldst(efter)),
        Some("aldst") => Err(WebFel::Ogiltig(FEL_ALDRE.into())),
        Some(_) => Err(WebFel::Ogiltig(FEL_ORDNING.into())),
    }
}

/// A list's place named in a "Visa äldre" link: absent or empty is the newest page,
/// anything that does not parse gets `fel` before anything is read.
fn sidplats<T: std::str::FromStr>(
    q: &HashMap<String, String>,
    nyckel: &str,
    fel: &str,
) -> Result<Option<T>, WebFel> {
    match q.get(nyckel).map(|t| t.trim()) {
        None | Some("") => Ok(None),
        Some(t) => t.parse().map(Some).map_err(|_| WebFel::Ogiltig(fel.into())),
    }
}

/// The case page's address with each list's place: the journal's and the
/// timeline's paging are independent, a link to one keeps the other (and the
/// timeline's order).
fn arendelank(
    id: ArendeId,
    journal: Journalstart,
    handelser: Handelsestart,
    ankare: &str,
) -> String {
    let mut delar = vec![];
    match journal {
        Journalstart::Senaste => {}
        Journalstart::Fore(j) => delar.push(format!("journal_fore={j}")),
        Journalstart::Fran(j) => delar.push(format!("journal_fran={j}")),
    }
    match handelser {
        Handelsestart::Nyast(None) => {}
        Handelsestart::Nyast(Some(seq)) => delar.push(format!("handelser_fore={seq}")),
        Handelsestart::Aldst(efter) => {
            delar.push("ordning=aldst".into());
            if let Some(seq) = efter {
                delar.push(format!("handelser_efter={seq}"));
            }
        }
    }
    let fraga = if delar.is_empty() {
        String::new()
    } else {
        format!("?{}", delar.join("&"))
    };
    format!("/arenden/{id}{fraga}#{ankare}")
}

/// The staff names a page of events and the case's decisions show: who decided
/// (`BeslutFattat`, the decisions' facts) and who was assigned
/// (`HandlaggareTilldelad`), as `visning::beskriv` and `beslut_vy` name them.
/// Looked up one by one: a handful of ids, not the kommun's staff.
async fn namngivna(
    s: &AppState,
    kommun: KommunId,
    a: &Arende,
    handelser: impl IntoIterator<Item = &LagradHandelse>,
) -> Result<Vec<lots_store::Anvandare>, WebFel> {
    let mut ids: Vec<AnvandarId> = a.beslut.iter().map(|b| b.beslut.beslutsfattare).collect();
    for h in handelser {
        match &h.handelse {
            lots_domain::Handelse::BeslutFattat(b) => ids.push(b.beslutsfattare),
            lots_domain::Handelse::HandlaggareTilldelad { handlaggare } => ids.push(*handlaggare),
            _ => {}
        }
    }
    ids.sort();
    ids.dedup();
    Ok(s.store.organisation().anvandare_av(kommun, &ids).await?)
}

pub struct PartsinsynVy {
    id: String,
    rubrik: String,
    visas: bool,
    /// A handläggare has decided it; else the case type's default holds.
    provad: bool,
}

/// The most a reason's description may hold: a few sentences for the auditor.
const SKAL_MAX_TECKEN: usize = 300;

/// The grounds on which a user outside the enhet may open a case.
const GRUNDER: [(&str, &str); 3] = [
    (
        "samtycke",
        "Personen har samtyckt till att jag tar del av ärendet (OSL 12 kap. 2 §)",
    ),
    (
        "nodvandigt",
        "Uppgifterna behövs för att jag ska kunna göra mitt arbete i ett ärende om personen (OSL 10 kap. 1 §)",
    ),
    ("annan", "Annan grund i lag (ange vilken)"),
];

fn skalfalt() -> Vec<Falt> {
    vec![
        Falt::val(
            "grund",
            "Grund",
            "radio",
            GRUNDER.map(|(k, t)| (k.to_string(), t.to_string())),
        )
        .kravs(),
        Falt::textarea("beskrivning", "Varför behöver du ärendet?")
            .kravs()
            .hjalp("Högst 300 tecken. Skriv så att en granskare förstår det i efterhand. Vid annan grund: ange lagrummet. Skälet gäller det här ärendet i en timme."),
    ]
}

fn skalsida(
    i: &Inloggad,
    id: ArendeId,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
) -> super::person::Formularsida {
    super::person::Formularsida {
        sida: Sida::av(i),
        rubrik: "Ärendet tillhör en annan enhet".into(),
        ingress: "Uppgifter i socialtjänsten skyddas av sekretess även inom förvaltningen (inre sekretess). Du får öppna ärendet om du har ett skäl. Skälet och din åtkomst sparas i loggen och granskas.".into(),
        tillbaka: "/".into(),
        tillbaka_text: "startsidan".into(),
        action: format!("/arenden/{id}/atkomst"),
        knapp: "Öppna ärendet",
        multipart: false,
        forhandsgranska: false,
        meddelande: None,
        falt,
        fel,
        lankar: vec![],
        notis: None,
        utkast: None,
    }
}

/// Only a user who could open the case with a reason gets the reason form.
async fn skalbart(s: &AppState, i: &Inloggad, id: &str) -> Result<ArendeRad, WebFel> {
    Ok(atkomst::oppna_arende(s, i, id, ArendeSyfte::AngeSkal)
        .await?
        .rad)
}

pub async fn skal_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let rad = skalbart(&s, &i, &id).await?;
    Ok(skalsida(&i, rad.id, skalfalt(), vec![]).into_response())
}

pub async fn ange_skal(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let rad = skalbart(&s, &i, &id).await?;
    let grund = GRUNDER.iter().find(|(k, _)| Some(*k) == f.get("grund"));
    let beskrivning = f.text("beskrivning");
    let mut fel = vec![];
    if grund.is_none() {
        fel.push(crate::formular::FaltFel {
            falt: "grund",
            text: "Välj på vilken grund du öppnar ärendet.".into(),
        });
    }
    if beskrivning.chars().filter(|c| c.is_alphanumeric()).count() < 10 {
        fel.push(crate::formular::FaltFel {
            falt: "beskrivning",
            text: "Beskriv med några ord varför du behöver ärendet.".into(),
        });
    } else if beskrivning.chars().count() > SKAL_MAX_TECKEN {
        fel.push(crate::formular::FaltFel {
            falt: "beskrivning",
            text: format!(
                "Skriv skälet kortare, högst {SKAL_MAX_TECKEN} tecken. Du har skrivit {}.",
                beskrivning.chars().count()
            ),
        });
    }
    let Some((_, grundtext)) = grund.filter(|_| fel.is_empty()) else {
        let mut falt = skalfalt();
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            axum::http::StatusCode::UNPROCESSABLE_ENTITY,
            skalsida(&i, rad.id, falt, sammanfattning),
        )
            .into_response());
    };
    let skal = format!("{grundtext}: {beskrivning}");
    let nu = s.nu();
    s.store
        .inloggning()
        .spara_atkomstskal(&i.session_id, rad.id, &skal, nu)
        .await?;
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[arendepost(&i, "arende.skal", &rad).skal(Some(skal))],
            nu,
        )
        .await?;
    Ok(axum::response::Redirect::to(&format!("/arenden/{}", rad.id)).into_response())
}

fn beslut_vy(a: &Arende, n: &Namn) -> Vec<BeslutVy> {
    a.beslut
        .iter()
        .map(|b| {
            let x = &b.beslut;
            let mut rader: Vec<(&'static str, String)> = vec![
                ("Beslutsdatum", x.datum.to_string()),
                ("Lagrum", x.lagrum.text().into()),
                (
                    "Beslutsfattare",
                    format!(
                        "{} (delegationsordning v{}, punkt {})",
                        n.person(x.beslutsfattare),
                        x.delegation.version,
                        x.delegation.punkt
                    ),
                ),
            ];
            if !x.mal.is_empty() {
                rader.push(("Mål", x.mal.clone()));
            }
            if !x.omfattning.is_empty() {
                rader.push(("Omfattning", x.omfattning.clone()));
            }
            if let Some(f) = x.period_fran {
                rader.push((
                    "Period",
                    format!(
                        "{f} – {}",
                        x.period_till
                            .map(|t| t.to_string())
                            .unwrap_or_else(|| "tills vidare".into())
                    ),
                ));
            }
            rader.push(("Motivering", x.motivering.clone()));
            if let Some((d, satt, forenklad)) = b.skickat {
                rader.push((
                    "Skickat",
                    format!(
                        "{d}, {}{}",
                        satt.namn().to_lowercase(),
                        if forenklad {
                            ", förenklad delgivning"
                        } else {
                            ""
                        }
                    ),
                ));
            }
            if let Some(d) = b.delgiven {
                rader.push(("Delgiven", d.to_string()));
            }
            if let Some(s) = b.sista_dag_overklagande() {
                rader.push(("Sista dag att överklaga", s.to_string()));
            }
            if let Some(o) = &b.overklagande {
                let lage = if o.avvisat {
                    "avvisat som för sent"
                } else if o.forfallit {
                    "förföll när beslutet ändrades"
                } else if let Some((_, dom)) = o.dom {
                    dom.namn()
                } else if o.overlamnat.is_some() {
                    "hos förvaltningsrätten"
                } else {
                    "hos nämnden"
                };
                rader.push((
                    "Överklagande",
                    format!(
                        "inkom {}, {lage}",
                        o.inkom.map(|d| d.to_string()).unwrap_or_default()
                    ),
                ));
            }
            let v = &b.verkstallighet;
            if let Some((d, u)) = v.bestalld {
                rader.push(("Beställd", format!("{d} från {}", n.enhet(u))));
            }
            if let Some(d) = v.paborjad {
                rader.push((
                    "Verkställighet",
                    format!(
                        "började {d}{}",
                        v.avslutad
                            .map(|s| format!(", avslutad {s}"))
                            .unwrap_or_default()
                    ),
                ));
            }
            if let Some(d) = v.avbruten() {
                rader.push(("Avbrott", format!("sedan {d}")));
            }
            if let Some((d, skal)) = &v.verkstalls_ej {
                rader.push(("Verkställs inte", format!("{d}: {skal}")));
            }
            let status = if b.ersatt_av.is_some() {
                " (ersatt)"
            } else if !b.galler() {
                " (gäller inte)"
            } else {
                ""
            };
            BeslutVy {
                rubrik: format!("{}: {}{status}", x.insats.namn(), x.utfall.namn()),
                rader,
                plan: a
                    .genomforandeplan(b.id())
                    .map(planrader)
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// The messages, newest first; those waiting for an answer carry the promised day.
fn meddelande_vy(a: &Arende) -> Vec<MeddelandeVy> {
    let obesvarade = a.obesvarade_meddelanden().len();
    let forsta_obesvarade = a.meddelanden.len() - obesvarade;
    a.meddelanden
        .iter()
        .enumerate()
        .rev()
        .map(|(i, m)| MeddelandeVy {
            rubrik: format!("{}, från {}", m.datum, avsandare(&m.fran)),
            text: m.text.clone(),
            obesvarat: (i >= forsta_obesvarade).then(|| svar_senast(m.datum)),
        })
        .collect()
}

/// The requests for komplettering, open ones first, each with what came in.
fn komplettering_vy(a: &Arende, dokument: &[(String, String)]) -> Vec<KompletteringVy> {
    let mut ut: Vec<KompletteringVy> = a
        .kompletteringar
        .iter()
        .rev()
        .map(|k| {
            let status = match (k.godtagen, k.svar.first()) {
                (Some(d), _) => format!("Godtagen {d}"),
                (None, Some(s)) => format!("Lämnad {}, att granska", s.datum),
                (None, None) => format!("Väntar på den enskilde, senast {}", k.senast),
            };
            let mut rader = vec![];
            if !k.handlingar.is_empty() {
                rader.push(format!("Begärt: {}.", handlingsnamn(&k.handlingar)));
            }
            if !k.beskrivning.is_empty() {
                rader.push(k.beskrivning.clone());
            }
            rader.push(format!("Godtas: {}. Senast {}.", k.godtas, k.senast));
            if let Some(skal) = &k.skal_trots_inlamnad {
                rader.push(format!("Begärt trots tidigare inlämnad: {skal}"));
            }
            let mut bifogat = vec![];
            for svar in &k.svar {
                let text = if svar.text.is_empty() {
                    "(bara dokument)".to_string()
                } else {
                    svar.text.clone()
                };
                rader.push(format!(
                    "Svar {} från {}: {text}",
                    svar.datum,
                    avsandare(&svar.fran)
                ));
                for id in &svar.dokument {
                    let id = id.to_string();
                    let namn = dokument
                        .iter()
                        .find(|(d, _)| *d == id)
                        .map(|(_, n)| n.clone())
                        .unwrap_or_else(|| "Dokument".into());
                    bifogat.push((id, namn));
                }
            }
            KompletteringVy {
                rubrik: format!("Begärd {}", k.begard),
                status,
                oppen: k.oppen(),
                rader,
                dokument: bifogat,
            }
        })
        .collect();
    ut.sort_by_key(|k| !k.oppen);
    ut
}

/// Safety first (issue 20, item 4): what anyone who opens the case must know before
/// they write, call or meet, however the case stands otherwise. The case page and the
/// summary for whoever takes over show them above everything else.
pub fn sakerhet(rad: &ArendeRad, a: &Arende) -> Vec<String> {
    let mut flaggor = vec![];
    // Skyddade personuppgifter: nothing may reveal where the person lives (DOMAIN.md,
    // Identities).
    if rad.person_skyddad {
        flaggor.push(crate::texter::t("arende-sakerhet_skyddad"));
    }
    // A report about the person that nobody has assessed yet.
    if a.typ == AktualiseringsTyp::Anmalan && a.status() == Status::Forhandsbedomning {
        flaggor.push(crate::texter::f(
            "arende-sakerhet_anmalan",
            &[("datum", a.inkom.to_string().as_str())],
        ));
    }
    // A positive screening for violence in a close relationship (SoL 5 kap. 11 §;
    // SOSFS 2014:4 5 kap. 1 §).
    if !a.skyddsrutiner.is_empty() {
        let dagar = a
            .skyddsrutiner
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        flaggor.push(crate::texter::f(
            "arende-sakerhet_text",
            &[("datum", dagar.as_str())],
        ));
    }
    flaggor
}

/// Skyddade personuppgifter between the adults of a joint application (issue 15, item 4):
/// each adult sees the joint months on Mina sidor, so nothing written there may tell one
/// where the other lives (OSL 21 kap. 3 §; DOMAIN.md, Identities). The warnings for whoever
/// writes in the case: on the case page, the summary and the forms of the month's steps.
/// Only the medsökande's protection flag is read, and only for a case with a joint month.
pub async fn skydd_mellan_vuxna(
    s: &AppState,
    rad: &ArendeRad,
    a: &Arende,
) -> Result<Vec<String>, lots_store::StoreError> {
    let mut medsokande: Vec<&lots_domain::identitet::Identitet> = a
        .manadsansokningar
        .iter()
        .filter_map(|m| m.medsokande.as_ref())
        .chain(
            a.senaste_forsorjningsstod
                .as_ref()
                .and_then(|b| b.underlag.medsokande.as_ref()),
        )
        .collect();
    medsokande.sort_by(|x, y| x.varde().cmp(y.varde()));
    medsokande.dedup();
    let mut ut = vec![];
    if medsokande.is_empty() {
        return Ok(ut);
    }
    if rad.person_skyddad {
        ut.push(crate::texter::t("arende-sakerhet_skyddad_gemensam"));
    }
    for m in medsokande {
        if let Some(p) = s
            .store
            .personer()
            .person_med_identitet(rad.kommun, m)
            .await?
            && p.skyddad
        {
            ut.push(crate::texter::t("arende-sakerhet_medsokande_skyddad"));
            break;
        }
    }
    Ok(ut)
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    // A bad link is answered before anything is read.
    let journal_fran = journalstart(&q)?;
    let handelser_fran = handelsestart(&q)?;
    let id: ArendeId = id.parse().map_err(|_| WebFel::Saknas)?;
    // The page's reads run while the read of the case is being logged; the page
    // leaves once both are done.
    atkomst::oppna_arende_och(&s, &i, id, ArendeSyfte::Lasa("arende.visa"), |oppnat| {
        visa_oppnat(&s, &i, &q, journal_fran, handelser_fran, oppnat)
    })
    .await
}

/// The case page of a case the user may read, `oppnat`.
async fn visa_oppnat(
    s: &AppState,
    i: &Inloggad,
    q: &HashMap<String, String>,
    journal_fran: Journalstart,
    handelser_fran: Handelsestart,
    oppnat: Oppnat,
) -> Result<Response, WebFel> {
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let Oppnat {
        rad,
        arende: a,
        skal,
    } = oppnat;
    let resurs = ArendeResurs::av(&rad).med_skal(skal.is_some());
    // Each list is an index range of this case: the page of events asked for and
    // of the journal, the documents' own events, and the names those show. The reads
    // do not depend on each other, so they are asked at once, each on a connection
    // of its own: the page waits for the slowest, not for their sum.
    let (arenden, organisation, personer) = (
        s.store.arenden(),
        s.store.organisation(),
        s.store.personer(),
    );
    // The summary's first and latest event whatever page of the history is shown:
    // taken from that page when it holds them, else one key lookup each.
    let ytter = |start: Handelsestart| async move {
        Ok(if handelser_fran == start {
            None
        } else {
            arenden
                .handelser_sida(rad.kommun, rad.id, start, 1)
                .await?
                .rader
                .into_iter()
                .next()
        })
    };
    let (handelser, forsta, senaste, dokumenthandelser, journalsida, enheter, person, skydd) = tokio::try_join!(
        arenden.handelser_sida(rad.kommun, rad.id, handelser_fran, PER_SIDA),
        ytter(Handelsestart::Aldst(None)),
        ytter(Handelsestart::Nyast(None)),
        arenden.dokumenthandelser(rad.kommun, rad.id),
        arenden.journal_sida(rad.kommun, rad.id, journal_fran, PER_SIDA),
        organisation.enheter(i.anvandare.kommun),
        personer.person(rad.kommun, rad.person),
        skydd_mellan_vuxna(s, &rad, &a),
    )?;
    let journalsida = journalsida.ok_or_else(okand_journalstart)?;
    let ur_sidan = |start: Handelsestart, uppslagen: Option<LagradHandelse>| {
        if handelser_fran == start {
            handelser.rader.first().cloned()
        } else {
            uppslagen
        }
    };
    let forsta = ur_sidan(Handelsestart::Aldst(None), forsta);
    let senaste = ur_sidan(Handelsestart::Nyast(None), senaste);
    let anvandare = namngivna(
        s,
        rad.kommun,
        &a,
        handelser.rader.iter().chain(&forsta).chain(&senaste),
    )
    .await?;
    let n = Namn {
        anvandare: &anvandare,
        enheter: &enheter,
    };
    let journal = journalsida.rader;
    // Which entries the person sees on Mina sidor (issue 12, OSL 26 kap. 1 §):
    // the review read with each entry shown.
    let partsinsyn: Vec<PartsinsynVy> = journal
        .iter()
        .map(|j| PartsinsynVy {
            id: j.id.to_string(),
            rubrik: format!("{} – {}", j.datum, j.forfattare),
            visas: lots_domain::arende::partsinsyn::anteckning_visas(&a, j.provning),
            provad: j.provning.is_some(),
        })
        .collect();
    let far_prova_partsinsyn = policy::far(&i.anvandare, Atgard::ProvaPartsinsyn(resurs));

    // Only the steps the case's state allows and the policy grants this user.
    let oppna: Vec<KommandoTyp> = KommandoTyp::ALLA
        .iter()
        .copied()
        .filter(|t| super::steg::for_personal(*t))
        .filter(|t| {
            kan(Some(&a), *t).is_ok() && policy::far(&i.anvandare, Atgard::Steg(resurs, *t))
        })
        .collect();
    let (vantar, grupper) = vad_nu(rad.id, &a, &oppna, idag);
    let avslut_hinder = if a.avslutat() {
        None
    } else {
        kan(Some(&a), KommandoTyp::AvslutaArende).err()
    };
    let dokument: Vec<(String, String)> = dokumenthandelser
        .iter()
        .filter_map(|h| match &h.handelse {
            lots_domain::Handelse::DokumentBifogat { dokument, namn, .. } => {
                Some((dokument.to_string(), namn.clone()))
            }
            lots_domain::Handelse::BrevSkapat {
                dokument,
                typ,
                datum,
                ..
            } => Some((
                dokument.to_string(),
                format!("{} {datum} (PDF)", typ.namn()),
            )),
            _ => None,
        })
        .collect();
    let meddelanden = meddelande_vy(&a);
    let kompletteringar = komplettering_vy(&a, &dokument);
    let moten = a
        .motesforfragningar
        .iter()
        .enumerate()
        .map(|(n, m)| {
            let mut text = format!("{}: {} ({})", m.datum, m.typ.namn(), avsandare(&m.fran));
            if !m.text.is_empty() {
                text.push_str(&format!(" – {}", m.text));
            }
            if let Some(b) = &m.bokat {
                text.push_str(&format!(
                    ". Bokat {} kl. {}, {}",
                    b.datum,
                    crate::visning::klockslag(b.klockslag),
                    b.plats
                ));
            }
            (text, a.mote_bokat(n))
        })
        .collect();
    let vy = |h: &LagradHandelse| {
        let (rubrik, detaljer) = beskriv(&h.handelse, &a, &n);
        let lokal = h
            .tidpunkt
            .to_offset(lots_domain::tid::svensk_offset(h.tidpunkt));
        let journal = match &h.handelse {
            lots_domain::Handelse::JournalAntecknad { id, .. }
            | lots_domain::Handelse::JournalInvandning { anteckning: id, .. } => {
                Some(if journal.iter().any(|j| j.id == *id) {
                    format!("#journal-{id}")
                } else {
                    arendelank(
                        rad.id,
                        Journalstart::Fran(*id),
                        handelser_fran,
                        &format!("journal-{id}"),
                    )
                })
            }
            _ => None,
        };
        HandelseVy {
            nar: format!("{} {:02}:{:02}", lokal.date(), lokal.hour(), lokal.minute()),
            vem: h.aktor_namn.clone(),
            rubrik,
            // The journal's text and objections stand in the journal alone.
            detaljer: if journal.is_some() { vec![] } else { detaljer },
            journal,
        }
    };
    let tidslinje: Vec<HandelseVy> = handelser.rader.iter().map(&vy).collect();
    let journal_aldre = journal.last().filter(|_| journalsida.fler).map(|j| {
        arendelank(
            rad.id,
            Journalstart::Fore(j.id),
            handelser_fran,
            "rubrik-journal",
        )
    });
    let journal_senaste = (journal_fran != Journalstart::Senaste).then(|| {
        arendelank(
            rad.id,
            Journalstart::Senaste,
            handelser_fran,
            "rubrik-journal",
        )
    });
    let aldst_forst = matches!(handelser_fran, Handelsestart::Aldst(_));
    let handelser_fler = handelser.rader.last().filter(|_| handelser.fler).map(|h| {
        let fran = if aldst_forst {
            Handelsestart::Aldst(Some(h.seq))
        } else {
            Handelsestart::Nyast(Some(h.seq))
        };
        arendelank(rad.id, journal_fran, fran, "rubrik-handelser")
    });
    let (borjan, annan) = if aldst_forst {
        (Handelsestart::Aldst(None), Handelsestart::Nyast(None))
    } else {
        (Handelsestart::Nyast(None), Handelsestart::Aldst(None))
    };
    let handelser_borjan = (handelser_fran != borjan)
        .then(|| arendelank(rad.id, journal_fran, borjan, "rubrik-handelser"));
    let handelser_byt = arendelank(rad.id, journal_fran, annan, "rubrik-handelser");
    let historik_oppen = ["ordning", "handelser_fore", "handelser_efter"]
        .iter()
        .any(|k| q.contains_key(*k));

    let mut sakerhet = sakerhet(&rad, &a);
    sakerhet.extend(skydd);

    // The case at a glance: read from the state and the history's ends, nothing
    // written by hand, the same on every page of the history and in either order.
    let mut kort: Vec<(String, String)> = vec![];
    let mut rad_i = |nyckel: &str, text: String| kort.push((crate::texter::t(nyckel), text));
    if let Some(p) = person {
        let mut vem = format!("{} {}, {}", p.fornamn, p.efternamn, p.identitet.visning());
        if p.skyddad {
            vem.push_str(&format!(" ({})", crate::texter::t("arende-kort_skyddad")));
        }
        rad_i("arende-kort_personen", vem);
    }
    if let Some(h) = forsta.as_ref().map(&vy) {
        let mut text = format!("{} ({})", h.rubrik, h.nar);
        for d in &h.detaljer {
            text.push(' ');
            text.push_str(d);
        }
        rad_i("arende-kort_borjan", text);
    }
    if let Some(h) = senaste.as_ref().map(&vy) {
        rad_i("arende-kort_senast", format!("{} ({})", h.rubrik, h.nar));
    }
    if let Some(v) = vantar.iter().find(|v| !v.enskilde) {
        let mut text = crate::texter::f(
            "arende-kort_nasta",
            &[("vad", v.vad), ("datum", v.datum.to_string().as_str())],
        );
        if v.forsenad {
            text.push_str(&format!(" ({})", crate::texter::t("arende-forsenad")));
        }
        rad_i("arende-kort_nasta_rubrik", text);
    }
    // What is asked of the person and not yet come in: requested kompletteringar
    // (nothing handed in yet) and kommuniceringar awaiting a reply (FL 25 §).
    let hos_enskilde: Vec<String> = a
        .kompletteringar
        .iter()
        .filter(|k| k.vantar_pa_enskild())
        .map(|k| {
            crate::texter::f(
                "arende-kort_komplettering",
                &[("datum", k.senast.to_string().as_str())],
            )
        })
        .chain(a.vantande_kommuniceringar().map(|k| {
            crate::texter::f(
                "arende-kort_kommunicering",
                &[("datum", k.svar_senast.to_string().as_str())],
            )
        }))
        .collect();
    if !hos_enskilde.is_empty() {
        rad_i("arende-kort_enskilde", hos_enskilde.join("; "));
    }
    let galler: Vec<String> = a
        .gallande_beslut()
        .map(|b| {
            format!(
                "{}, {} ({})",
                b.beslut.insats.namn(),
                b.beslut.utfall.namn().to_lowercase(),
                b.beslut.datum
            )
        })
        .collect();
    if !galler.is_empty() {
        rad_i("arende-kort_beslut", galler.join("; "));
    }
    let sida = ArendeSida {
        kort,
        sida: Sida::av(i),
        typ: a.typ.namn(),
        ansokta: a
            .ansokta
            .iter()
            .map(|(i, _)| i.namn())
            .collect::<Vec<_>>()
            .join(", "),
        inga_steg: oppna.is_empty(),
        vantar,
        grupper,
        avslut_hinder,
        beslut: beslut_vy(&a, &n),
        dokument,
        meddelanden,
        kompletteringar,
        moten,
        journal,
        journal_aldre,
        journal_senaste,
        partsinsyn,
        far_prova_partsinsyn,
        tidslinje,
        aldst_forst,
        handelser_fler,
        handelser_borjan,
        handelser_byt,
        historik_oppen,
        sakerhet,
        rad,
        skal,
    };
    Ok(sida.into_response())
}

/// Where a list row of bevakningar leads (the start page): the step that clears the
/// case's bevakning of that kind now, worked out from the case's state when the link is
/// followed, so the list needs no case read per row. The case page's steps when no step
/// of this user's clears it, or the bevakning is gone since the list was drawn.
pub async fn bevakningens_steg(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let typ = q
        .get("typ")
        .and_then(|t| lots_domain::arende::BevakningsTyp::fran_kod(t));
    let Oppnat {
        rad,
        arende: a,
        skal,
    } = atkomst::oppna_arende(&s, &i, &id, ArendeSyfte::Lasa("arende.bevakning")).await?;
    let resurs = ArendeResurs::av(&rad).med_skal(skal.is_some());
    let href = bevakningar(&a)
        .iter()
        .filter(|b| Some(b.typ) == typ)
        .find_map(|b| steglank(rad.id, b, &a))
        .filter(|(_, t)| {
            super::steg::for_personal(*t) && policy::far(&i.anvandare, Atgard::Steg(resurs, *t))
        })
        .map_or_else(|| format!("/arenden/{}#rubrik-steg", rad.id), |(h, _)| h);
    Ok(Redirect::to(&href).into_response())
}

#[derive(Deserialize)]
pub struct TypFraga {
    typ: Option<String>,
}

fn aktualiseringstyp(q: &TypFraga) -> AktualiseringsTyp {
    match q.typ.as_deref() {
        Some("anmalan") => AktualiseringsTyp::Anmalan,
        Some("information") => AktualiseringsTyp::Information,
        _ => AktualiseringsTyp::Ansokan,
    }
}

async fn person_for_ny(s: &AppState, i: &Inloggad, id: &str) -> Result<PersonId, WebFel> {
    let p = atkomst::oppna_person(s, i, id, PersonSyfte::Aktualisera).await?;
    Ok(p.person.id)
}

/// The checkbox that registers a new ansökan although an open case may be where
/// it belongs (issue 20, item 2).
const REGISTRERA_ANDA: &str = "registrera_anda";

/// An open case shown above the new-case form as a possible duplicate.
struct DubblettVy {
    id: ArendeId,
    beteckning: String,
    enhet: String,
    status: &'static str,
    /// The insatser applied for in the case, by name.
    insatser: String,
    /// Why it is shown: the same enhet, the same insatser.
    grund: String,
    /// Each insats of the new ansökan that can be added to this case in one step:
    /// (code, name). Empty when the user may not act in the case, the case takes
    /// no further ansökan now, or no insats is chosen yet.
    lagg_till: Vec<(&'static str, &'static str)>,
    /// The step "Registrera ansökan om ytterligare insats" on this case, when the
    /// user may take it.
    steg: Option<String>,
    /// The audit row for showing the case, written when the warning is shown.
    post: lots_store::Granskningspost,
}

/// The new-case form with the open cases it may duplicate above it, and the
/// checkbox that registers a new case anyway before the button
/// (templates/arende_nytt.html extends the step form's template).
#[derive(Template, WebTemplate)]
#[template(path = "arende_nytt.html")]
struct NyttArendeSida {
    sida: Sida,
    rubrik: String,
    ingress: String,
    tillbaka: String,
    tillbaka_text: String,
    action: String,
    knapp: &'static str,
    multipart: bool,
    forhandsgranska: bool,
    meddelande: Option<String>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    lankar: Vec<(String, String, bool)>,
    notis: Option<String>,
    utkast: Option<crate::sparat::Utkastdel>,
    dubbletter: Vec<DubblettVy>,
    bekraftat: bool,
    /// The day and channel typed for the new ansökan, carried to "add to the open case".
    datum: String,
    kanal: String,
}

/// The person's open cases a new ansökan to `enhet` for `insatser` may
/// duplicate (`lots_domain::arende::mojlig_dubblett`), among those the user may
/// read now, a case outside their enhet only while a reason they stated for it
/// holds: a case the user may not see is not named, nor hinted at (inre
/// sekretess, OSL 26 kap. 1 §; skyddade personuppgifter, 21 kap. 3 §). Each case
/// carries its audit row, with the stated reason: `visa_med_dubbletter` writes
/// them when it shows the cases, as every list does.
async fn mojliga_dubbletter(
    s: &AppState,
    i: &Inloggad,
    person: PersonId,
    enhet: Option<lots_domain::ids::EnhetId>,
    insatser: &[InsatsTyp],
) -> Result<Vec<DubblettVy>, WebFel> {
    let a = &i.anvandare;
    let mut vy = vec![];
    for (rad, arende) in s
        .store
        .arenden()
        .personens_arenden_med_tillstand(a.kommun, person)
        .await?
    {
        let mut resurs = ArendeResurs::av(&rad);
        if rad.kommun != a.kommun {
            continue;
        }
        // A reason stated for this case in this session, within the hour (as `atkomst`).
        let skal = if policy::kan_ange_skal(a, &resurs) {
            s.store
                .inloggning()
                .atkomstskal(&i.session_id, rad.id)
                .await?
                .filter(|(_, given)| s.nu() - *given < atkomst::SKAL_GILTIGT)
                .map(|(skal, _)| skal)
        } else {
            None
        };
        resurs = resurs.med_skal(skal.is_some());
        if !policy::far(a, Atgard::LasaArende(resurs)) {
            continue;
        }
        let Some(d) = mojlig_dubblett(&arende, enhet, insatser) else {
            continue;
        };
        let mut grund = vec![];
        if d.samma_enhet {
            grund.push("handläggs av samma enhet".to_string());
        }
        if !d.samma_insatser.is_empty() {
            let namn: Vec<&str> = d.samma_insatser.iter().map(|i| i.namn()).collect();
            grund.push(format!("redan ansökt om {}", namn.join(", ")));
        }
        let far_ansoka = policy::far(a, Atgard::Steg(resurs, KommandoTyp::AnsokInsats))
            && kan(Some(&arende), KommandoTyp::AnsokInsats).is_ok();
        // An insats still waiting for its decision in the case needs no new ansökan there.
        let vantar = arende.obeslutade_insatser();
        let lagg_till = if far_ansoka {
            insatser
                .iter()
                .filter(|x| !vantar.contains(x))
                .map(|x| (x.kod(), x.namn()))
                .collect()
        } else {
            vec![]
        };
        let mut ansokta: Vec<&str> = vec![];
        for (x, _) in &arende.ansokta {
            if !ansokta.contains(&x.namn()) {
                ansokta.push(x.namn());
            }
        }
        vy.push(DubblettVy {
            id: rad.id,
            beteckning: rad.beteckning(),
            enhet: rad.enhet_namn.clone(),
            status: arende.status().namn(),
            insatser: ansokta.join(", "),
            grund: grund.join(" och "),
            lagg_till,
            steg: far_ansoka.then(|| {
                format!(
                    "/arenden/{}/steg/{}",
                    rad.id,
                    KommandoTyp::AnsokInsats.kod()
                )
            }),
            post: arendepost(i, "arende.dubblett", &rad).skal(skal),
        });
    }
    Ok(vy)
}

/// The insatser typed in the form, as far as they are insatser at all: the
/// form's own reading (`formular::tolka`) says what is wrong with the rest.
fn valda_insatser(f: &Formular) -> Vec<InsatsTyp> {
    f.alla("insatser")
        .into_iter()
        .filter_map(InsatsTyp::fran_kod)
        .collect()
}

/// The new-case form with the possible duplicates above it (the step form's
/// page, as `steg::visa_formular` draws it for a new case, plus the warning).
async fn visa_med_dubbletter(
    s: &AppState,
    i: &Inloggad,
    k: &Stegkontext,
    f: Option<&Formular>,
    fel: &[crate::formular::FaltFel],
    dubbletter: Vec<DubblettVy>,
    status: StatusCode,
) -> Result<Response, WebFel> {
    let typ = KommandoTyp::Aktualisera;
    let akt = Some(AktualiseringsTyp::Ansokan);
    let ctx = k.falt_kontext(i);
    let loggade: Vec<_> = dubbletter.iter().map(|d| d.post.clone()).collect();
    s.store
        .granskning()
        .logga_lasning(&i.aktor(), &loggade, s.nu())
        .await?;
    let mut falt = super::formular::falt(typ, akt, &ctx);
    // Before anything is submitted the fields keep their defaults.
    let sammanfattning = match f {
        Some(f) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let tom = Formular::default();
    let f = f.unwrap_or(&tom);
    let bas = format!("/personer/{}/arenden/nytt", k.person);
    let lankar = [
        (AktualiseringsTyp::Ansokan, "ansokan"),
        (AktualiseringsTyp::Anmalan, "anmalan"),
        (AktualiseringsTyp::Information, "information"),
    ]
    .into_iter()
    .map(|(a, kod)| {
        (
            format!("{bas}?typ={kod}"),
            a.namn().to_string(),
            a == AktualiseringsTyp::Ansokan,
        )
    })
    .collect();
    // What was typed for the new ansökan carries over to the open case; a day
    // not typed yet is today, as the step's own form starts.
    let datum = match f.text("inkom") {
        t if t.is_empty() => k.idag.to_string(),
        t => t,
    };
    let kanal = match f.text("kanal") {
        t if t.is_empty() => "besok".to_string(),
        t => t,
    };
    let sida = NyttArendeSida {
        sida: Sida::av(i),
        rubrik: format!(
            "Registrera {}",
            AktualiseringsTyp::Ansokan.namn().to_lowercase()
        ),
        ingress: super::formular::ingress(typ, akt).into(),
        tillbaka: format!("/personer/{}", k.person),
        tillbaka_text: "personen".into(),
        action: format!("{bas}?typ=ansokan"),
        knapp: "Spara",
        multipart: false,
        forhandsgranska: false,
        meddelande: None,
        falt,
        fel: sammanfattning,
        lankar,
        notis: None,
        utkast: None,
        dubbletter,
        bekraftat: f.kryss(REGISTRERA_ANDA),
        datum,
        kanal,
    };
    Ok((status, sida).into_response())
}

pub async fn nytt_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<TypFraga>,
) -> Result<Response, WebFel> {
    let person = person_for_ny(&s, &i, &id).await?;
    let typ = aktualiseringstyp(&q);
    let k = Stegkontext::ladda(&s, &i, KommandoTyp::Aktualisera, person, None).await?;
    // Before anything is typed the form proposes the user's own enhet: an open
    // case there is shown at once (issue 20, item 2).
    if typ == AktualiseringsTyp::Ansokan {
        let dubbletter = mojliga_dubbletter(&s, &i, person, Some(i.anvandare.enhet), &[]).await?;
        if !dubbletter.is_empty() {
            return visa_med_dubbletter(&s, &i, &k, None, &[], dubbletter, StatusCode::OK).await;
        }
    }
    Ok(visa_formular(
        &i,
        &k,
        KommandoTyp::Aktualisera,
        Some(typ),
        &Formular::default(),
        &[],
        None,
        None,
        None,
    ))
}

pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<TypFraga>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let person = person_for_ny(&s, &i, &id).await?;
    let typ = aktualiseringstyp(&q);
    let k = Stegkontext::ladda(&s, &i, KommandoTyp::Aktualisera, person, None).await?;
    // A new ansökan while an open case may be where it belongs is not stored
    // silently: the form comes back with the cases named and what was typed
    // kept, and a new case is registered only when the user ticks "Registrera
    // ändå som nytt ärende" (issue 20, item 2). The form's errors are shown with
    // the warning, so the tick and the warning survive a correction.
    if typ == AktualiseringsTyp::Ansokan {
        let enhet = f.text("enhet").parse().ok();
        let dubbletter = mojliga_dubbletter(&s, &i, person, enhet, &valda_insatser(&f)).await?;
        if !dubbletter.is_empty() {
            let fel = match super::formular::tolka(
                KommandoTyp::Aktualisera,
                Some(typ),
                &f,
                &k.falt_kontext(&i),
            ) {
                Ok(_) => vec![],
                Err(fel) => fel,
            };
            if !fel.is_empty() {
                return visa_med_dubbletter(
                    &s,
                    &i,
                    &k,
                    Some(&f),
                    &fel,
                    dubbletter,
                    StatusCode::UNPROCESSABLE_ENTITY,
                )
                .await;
            }
            if !f.kryss(REGISTRERA_ANDA) {
                return visa_med_dubbletter(
                    &s,
                    &i,
                    &k,
                    Some(&f),
                    &[],
                    dubbletter,
                    StatusCode::CONFLICT,
                )
                .await;
            }
        }
    }
    formularsvar(
        &s,
        &i,
        &k,
        ArendeId::ny(),
        KommandoTyp::Aktualisera,
        Some(typ),
        &f,
        None,
    )
    .await
}
