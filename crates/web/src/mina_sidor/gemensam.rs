//! The joint application for försörjningsstöd as the medsökande sees it on Mina sidor
//! (issue 15, items 1 and 7). Makar and sambor are both parties to a joint application
//! and both are told the decision (`Bekraftelse` gives the law), so the medsökande logs in
//! with their own identity, confirms the application or says what is wrong, and reads
//! the calculation and the decision with how to appeal.
//!
//! The case is the applicant's, so this page shows only the months the medsökande is
//! named in: the application, the calculation and the decisions of those months. Never
//! the case's timeline, journal, documents, letters (a letter carries the applicant's
//! address), the applicant's other cases or anything about where the applicant lives or
//! how to reach them; that matters most when there is violence in the relationship or
//! the applicant has skyddad identitet.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::Arende;
use lots_domain::arende::{Handelse, Kommando};
use lots_domain::forsorjningsstod::Manad;
use lots_domain::forsorjningsstod::berakning::{Bekraftelse, GemensamStatus};
use lots_domain::ids::ArendeId;
use lots_domain::insats::InsatsTyp;
use lots_store::{ArendeRad, Granskningspost};

use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::MedborgarHandling;

/// A joint case as listed on the medsökande's overview.
pub struct GemensamtKort {
    pub href: String,
    pub diarienummer: String,
    pub manader: String,
}

/// One decision on a joint month, in the medsökande's language.
pub struct GemensamtBeslut {
    pub datum: String,
    pub utfall: String,
    pub omfattning: String,
    pub motivering: String,
    pub negativt: bool,
    pub tid: String,
}

/// One month of the joint application.
pub struct GemensamManad {
    pub manad: String,
    pub kod: String,
    pub ansokan: Vec<String>,
    pub status: String,
    /// The medsökande may still give their word (not when both signed on paper).
    pub kan_svara: bool,
    pub berakning: Vec<String>,
    pub beslut: Vec<GemensamtBeslut>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/gemensam.html")]
pub struct GemensamSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub diarienummer: String,
    pub manader: Vec<GemensamManad>,
    /// The applicant has skyddade personuppgifter: what they wrote or sent is withheld.
    pub skyddad: bool,
    pub fel: Vec<(String, String)>,
    pub text: String,
}

/// The joint cases the visitor's huvudman is named medsökande in, for the overview.
pub async fn kort(s: &AppState, m: &Medborgare) -> Result<Vec<GemensamtKort>, WebFel> {
    let rader = s
        .store
        .mina_sidor()
        .gemensamma_manader(m.person.kommun, m.person.identitet.varde())
        .await?;
    let mut ut: Vec<(ArendeId, Vec<Manad>)> = vec![];
    for (a, manad) in rader {
        match ut.last_mut() {
            Some((x, v)) if *x == a => v.push(manad),
            _ => ut.push((a, vec![manad])),
        }
    }
    let mut kort = vec![];
    for (a, manader) in ut {
        // The number only: the overview shows nothing else of the case.
        let Some((rad, _)) = s.store.arenden().arende(m.person.kommun, a).await? else {
            continue;
        };
        let post = Granskningspost::ny("mina_sidor.oversikt")
            .person(rad.person, rad.person_skyddad)
            .arende(rad.id)
            .skal(Some(format!("{} som medsökande", m.vem())));
        s.store
            .granskning()
            .logga_lasning(&m.aktor(rad.enhet), &[post], s.nu())
            .await?;
        kort.push(GemensamtKort {
            href: format!("/mina-sidor/gemensam/{a}"),
            diarienummer: rad.beteckning(),
            manader: manader
                .iter()
                .map(|x| super::berakning::manad(*x, m.t))
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    Ok(kort)
}

/// The case, if the visitor's huvudman is named medsökande in it, with the months they are
/// named in. Anything else is refused as if it did not exist, and the attempt is logged.
async fn oppna(
    s: &AppState,
    m: &Medborgare,
    aid: &str,
    handling: &str,
) -> Result<(ArendeRad, Arende, Vec<Manad>), WebFel> {
    let id: ArendeId = aid.parse().map_err(|_| WebFel::Saknas)?;
    let manader: Vec<Manad> = s
        .store
        .mina_sidor()
        .gemensamma_manader(m.person.kommun, m.person.identitet.varde())
        .await?
        .into_iter()
        .filter(|(a, _)| *a == id)
        .map(|(_, manad)| manad)
        .collect();
    let Some((rad, a)) = s.store.arenden().arende(m.person.kommun, id).await? else {
        return Err(WebFel::Saknas);
    };
    let aktor = m.aktor(rad.enhet);
    if !m.far(MedborgarHandling::GemensamAnsokan {
        namnd: !manader.is_empty(),
    }) {
        let post = Granskningspost::ny("mina_sidor.nekad")
            .person(rad.person, rad.person_skyddad)
            .arende(rad.id)
            .utanfor(true)
            .skal(Some(format!(
                "{} (som medsökande); inloggad {}",
                m.vem(),
                m.session.identitet
            )));
        s.store
            .granskning()
            .logga_lasning(&aktor, &[post], s.nu())
            .await?;
        tracing::warn!(arende = %id, "Mina sidor: refused a joint application not naming the visitor");
        return Err(WebFel::Saknas);
    }
    // The applicant's personal data is read by the medsökande: audited under the applicant.
    let post = Granskningspost::ny(handling)
        .person(rad.person, rad.person_skyddad)
        .arende(rad.id)
        .skal(Some(format!(
            "{} som medsökande ({})",
            m.vem(),
            m.person.identitet.visning()
        )));
    s.store
        .granskning()
        .logga_lasning(&aktor, &[post], s.nu())
        .await?;
    Ok((rad, a, manader))
}

fn status(a: &Arende, manad: Manad, t: &super::Texter) -> (String, bool) {
    match a.gemensam_status(manad) {
        Some(GemensamStatus::Undertecknad) => (t.t("gemensam-undertecknad"), false),
        Some(GemensamStatus::Bekraftad(b)) => (
            t.f("gemensam-bekraftad", &[("datum", &b.datum.to_string())]),
            true,
        ),
        Some(GemensamStatus::Invand(b)) => (
            t.f(
                "gemensam-invand",
                &[("datum", &b.datum.to_string()), ("text", b.text.trim())],
            ),
            true,
        ),
        Some(GemensamStatus::Vantar) => (t.t("gemensam-vantar"), true),
        // Named by the calculation only: nothing to confirm.
        None => (String::new(), false),
    }
}

async fn sida(
    s: &AppState,
    m: &Medborgare,
    rad: &ArendeRad,
    a: &Arende,
    manader: &[Manad],
    fel: Vec<(String, String)>,
    text: String,
) -> Result<Response, WebFel> {
    let t = m.t;
    let idag = super::idag(s);
    let handelser = s.store.arenden().handelser(rad.kommun, rad.id).await?;
    let mut ut = vec![];
    for manad in manader.iter().rev() {
        // An applicant with skyddade personuppgifter: their own words and the names of what they
        // sent may tell where they live (a rent notice, "we have moved to …"), so the medsökande
        // sees the amounts without them (OSL 21 kap. 3 §), and is told so.
        let ansokan = a
            .manadsansokningar
            .iter()
            .find(|x| x.manad == *manad)
            .map(|x| {
                if rad.person_skyddad {
                    super::berakning::ansokningsrader(&utan_egna_texter(x), t)
                } else {
                    super::berakning::ansokningsrader(x, t)
                }
            })
            .unwrap_or_default();
        // The month's newest calculation, line by line.
        let berakning = handelser
            .iter()
            .rev()
            .find_map(|h| match &h.handelse {
                Handelse::ForsorjningsstodBeraknat { berakning, .. }
                    if berakning.manad == *manad =>
                {
                    Some(super::berakning::berakningsrader(berakning, t))
                }
                _ => None,
            })
            .unwrap_or_default();
        // The month's decisions: those whose period begins in it (a monthly decision is
        // written for the month), or without a period, decided in it.
        let beslut = a
            .beslut
            .iter()
            .filter(|b| {
                b.beslut.insats == InsatsTyp::Forsorjningsstod
                    && b.ersatt_av.is_none()
                    && Manad::for_dag(b.beslut.period_fran.unwrap_or(b.beslut.datum)) == *manad
            })
            .map(|b| GemensamtBeslut {
                datum: b.beslut.datum.to_string(),
                utfall: t.utfall(b.beslut.utfall),
                omfattning: b.beslut.omfattning.clone(),
                motivering: b.beslut.motivering.clone(),
                negativt: b.beslut.utfall.negativt(),
                tid: match b.sista_dag_overklagande() {
                    Some(sista) if sista >= idag => {
                        t.f("beslut-sista_dag", &[("datum", &sista.to_string())])
                    }
                    Some(sista) => t.f("beslut-tiden_gatt_ut", &[("datum", &sista.to_string())]),
                    None => t.t("beslut-tre_veckor").to_owned(),
                },
            })
            .collect();
        let (status, kan) = status(a, *manad, t);
        ut.push(GemensamManad {
            manad: super::berakning::manad(*manad, t),
            kod: manad.to_string(),
            ansokan,
            status,
            kan_svara: kan && m.far_agera(),
            berakning,
            beslut,
        });
    }
    Ok((
        super::status_for(&fel),
        GemensamSida {
            ram: m.sida(),
            arende: rad.id,
            diarienummer: rad.beteckning(),
            manader: ut,
            skyddad: rad.person_skyddad,
            fel,
            text,
        },
    )
        .into_response())
}

/// The application without what the applicant wrote in their own words or sent as files.
fn utan_egna_texter(
    a: &lots_domain::forsorjningsstod::berakning::Manadsansokan,
) -> lots_domain::forsorjningsstod::berakning::Manadsansokan {
    let mut x = a.clone();
    x.ovrigt.clear();
    x.bilagor.clear();
    for i in &mut x.insattningar {
        i.personens_text.clear();
    }
    x
}

pub async fn visa(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
) -> Result<Response, WebFel> {
    let (rad, a, manader) = oppna(&s, &m, &aid, "mina_sidor.gemensam").await?;
    sida(&s, &m, &rad, &a, &manader, vec![], String::new()).await
}

/// The medsökande's word on one month's joint application.
pub async fn svara(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let (rad, a, manader) = oppna(&s, &m, &aid, "mina_sidor.gemensam").await?;
    let text = f.text("text");
    let mut fel = vec![];
    let manad = f
        .text("manad")
        .parse::<Manad>()
        .ok()
        .filter(|x| manader.contains(x));
    if manad.is_none() {
        fel.push(("".to_owned(), t.t("gemensam-fel_manad").to_owned()));
    }
    let stammer = match f.text("stammer").as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            fel.push(("stammer".to_owned(), t.t("gemensam-fel_val").to_owned()));
            None
        }
    };
    if stammer == Some(false) && text.trim().is_empty() {
        fel.push(("text".to_owned(), t.t("gemensam-fel_text").to_owned()));
    }
    let (Some(manad), Some(stammer), true) = (manad, stammer, fel.is_empty()) else {
        return sida(&s, &m, &rad, &a, &manader, fel, text).await;
    };
    let k = Kommando::BekraftaGemensamAnsokan(Bekraftelse {
        manad,
        datum: super::idag(&s),
        medsokande: m.person.identitet.clone(),
        stammer,
        text: text.clone(),
    });
    let vem = format!(
        "Mina sidor: medsökande {} ({})",
        m.person.identitet.visning(),
        m.vem()
    );
    match super::arenden::utfor_som(&s, &m, &rad, vec![k], vec![], vem).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/gemensam/{}", rad.id))),
        Err(fel) => sida(&s, &m, &rad, &a, &manader, fel, text).await,
    }
}
