//! The utförare's desk for öppna insatser (issue 17 items 2–3): the entries in force that
//! the user's enhet provides, each with a form of a few fields in the entry's privacy mode.
//! The form offers only what the mode may keep (minimal: legal sex, age band, district;
//! anonym: a count; rådgivning: a topic), the store writes only those, and the table's
//! CHECK refuses anything more. The conditions are checked from the catalogue
//! (`OppenInsats::ta_emot`): the provider does not judge, and outside them the answer says
//! so and points to the formal route.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::OppenInsatsId;
use lots_domain::oppen_insats::{ANNAN_KOMMUN, Aldersgrupp, Amne, Besok, Integritet, Kon};
use lots_domain::tid::svensk_dag;
use lots_store::OppenInsatsRad;
use serde::Deserialize;

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

/// One entry at the desk, with its form's choices.
pub struct Disk {
    pub id: String,
    pub namn: String,
    /// "minimal", "anonym", "radgivning", or "full" (not registered here yet).
    pub lage: &'static str,
    pub villkor: String,
    pub idag: i64,
    pub stadsdelar: Vec<String>,
    /// The answer to the last submit of this entry's form: registered, or refused with reasons.
    pub registrerad: bool,
    pub utanfor: Vec<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "mottagning.html")]
struct Mottagning {
    sida: Sida,
    poster: Vec<Disk>,
    kon: Vec<(&'static str, &'static str)>,
    aldersgrupper: Vec<(&'static str, String)>,
    amnen: Vec<(&'static str, &'static str)>,
    annan_kommun: &'static str,
}

#[derive(Deserialize)]
pub struct Svar {
    registrerad: Option<String>,
}

/// The entries in force today that the user's enhet provides.
async fn egna(s: &AppState, i: &Inloggad) -> Result<Vec<OppenInsatsRad>, WebFel> {
    let idag = svensk_dag(s.nu());
    Ok(s.store
        .organisation()
        .oppna_insatser(i.anvandare.kommun)
        .await?
        .into_iter()
        .filter(|r| r.insats.galler(idag) && r.insats.utforare.contains(&i.anvandare.enhet))
        .collect())
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    registrerad: Option<&str>,
    utanfor: Option<(&str, Vec<String>)>,
) -> Result<Mottagning, WebFel> {
    let idag = svensk_dag(s.nu());
    let org = s.store.organisation();
    let mut poster = vec![];
    for r in egna(s, i).await? {
        let id = r.id.to_string();
        let mut villkor = r.insats.villkor.clone();
        if r.insats.bosatt_i_kommunen {
            villkor = format!("{villkor} {}", crate::texter::t("oppna-villkor_bosatt"));
        }
        poster.push(Disk {
            lage: r.insats.integritet.kod(),
            namn: r.insats.namn.clone(),
            villkor: villkor.trim().to_string(),
            idag: org
                .oppna_besok_antal(i.anvandare.kommun, r.id, i.anvandare.enhet, idag)
                .await?,
            stadsdelar: r.insats.stadsdelar.clone(),
            registrerad: registrerad == Some(id.as_str()),
            utanfor: match &utanfor {
                Some((u, skal)) if *u == id => skal.clone(),
                _ => vec![],
            },
            id,
        });
    }
    Ok(Mottagning {
        sida: Sida::av(i),
        poster,
        kon: Kon::ALLA.iter().map(|k| (k.kod(), k.namn())).collect(),
        aldersgrupper: Aldersgrupp::ALLA
            .iter()
            .map(|a| (a.kod(), a.namn()))
            .collect(),
        amnen: Amne::ALLA.iter().map(|a| (a.kod(), a.namn())).collect(),
        annan_kommun: ANNAN_KOMMUN,
    })
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<Svar>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::Mottagning)?;
    Ok(sida(&s, &i, q.registrerad.as_deref(), None)
        .await?
        .into_response())
}

/// Reads the visit in the entry's mode: only that mode's fields are read at all.
fn las(integritet: Integritet, f: &Formular) -> Result<Besok, String> {
    let saknas = || crate::texter::t("mottagning-fel_falt");
    match integritet {
        Integritet::Minimal => Ok(Besok::Minimal {
            kon: Kon::fran_kod(&f.text("kon")).ok_or_else(saknas)?,
            aldersgrupp: Aldersgrupp::fran_kod(&f.text("aldersgrupp")).ok_or_else(saknas)?,
            stadsdel: f.text("stadsdel"),
        }),
        Integritet::Anonym => Ok(Besok::Anonym {
            antal: f.text("antal").parse().map_err(|_| saknas())?,
        }),
        Integritet::Radgivning => Ok(Besok::Radgivning {
            amne: Amne::fran_kod(&f.text("amne")).ok_or_else(saknas)?,
        }),
        Integritet::Full => Err(crate::texter::t("mottagning-full_ej_byggd")),
    }
}

pub async fn registrera(
    State(s): State<AppState>,
    i: Inloggad,
    Path(insats): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::Mottagning)?;
    let id: OppenInsatsId = insats.parse().map_err(|_| WebFel::Saknas)?;
    let org = s.store.organisation();
    let kommun = i.anvandare.kommun;
    let versioner = org.oppen_insats_versioner(kommun, id).await?;
    // Another kommun's entry is, to the user, not there.
    let r = versioner.first().ok_or(WebFel::Saknas)?;
    policy::krav(
        &i.anvandare,
        Atgard::RegistreraOppetBesok {
            levererar: r.insats.utforare.contains(&i.anvandare.enhet),
        },
    )?;
    let idag = svensk_dag(s.nu());
    let besok = las(r.insats.integritet, &f).and_then(|b| {
        r.insats
            .ta_emot(idag, &b)
            .map(|_| b)
            .map_err(|skal| skal.join(" "))
    });
    match besok {
        Ok(b) => {
            org.registrera_oppet_besok(
                kommun,
                id,
                r.version,
                i.anvandare.enhet,
                idag,
                &b,
                &i.aktor(),
                s.nu(),
            )
            .await?;
            Ok(Redirect::to(&format!("/mottagning?registrerad={id}#insats-{id}")).into_response())
        }
        Err(skal) => {
            let sida = sida(&s, &i, None, Some((&id.to_string(), vec![skal]))).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
        }
    }
}
