//! The delegationsordning as versioned data a systemförvaltare edits (issue 3, item 6) and
//! an arbetsledare reads (issue 20 item 7).
//! A new version never changes an old one: each decision keeps the version and point
//! that authorised it.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::delegation::{Delegationspunkt, granska};
use lots_domain::insats::{InsatsTyp, Utfall};
use lots_domain::organisation::Roll;
use lots_domain::tid::svensk_dag;
use time::Date;

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

pub struct Val {
    pub kod: &'static str,
    pub namn: &'static str,
    pub vald: bool,
}

pub struct Rad {
    pub nr: usize,
    pub punkt: String,
    pub beskrivning: String,
    pub insatser: Vec<Val>,
    pub utfall: Vec<Val>,
    pub roller: Vec<Val>,
}

pub struct Version {
    pub version: i64,
    pub giltig_fran: Date,
    pub galler: bool,
    /// (point, description, insatser, outcomes, roles) as text.
    pub punkter: Vec<(String, String, String, String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "delegation.html")]
struct DelegationSida {
    sida: Sida,
    versioner: Vec<Version>,
    rader: Vec<Rad>,
    giltig_fran: String,
    fel: Vec<String>,
    /// The form for a new version, only for those who may edit: an arbetsledare reads.
    far_andra: bool,
}

/// Empty rows offered for new points.
const NYA_RADER: usize = 2;

fn rad(nr: usize, p: Option<&Delegationspunkt>) -> Rad {
    Rad {
        nr,
        punkt: p.map(|p| p.punkt.clone()).unwrap_or_default(),
        beskrivning: p.map(|p| p.beskrivning.clone()).unwrap_or_default(),
        insatser: InsatsTyp::ALLA
            .iter()
            .map(|i| Val {
                kod: i.kod(),
                namn: i.namn(),
                vald: p.is_some_and(|p| p.insatser.contains(i)),
            })
            .collect(),
        utfall: Utfall::ALLA
            .iter()
            .map(|u| Val {
                kod: u.kod(),
                namn: u.namn(),
                vald: p.is_some_and(|p| p.utfall.contains(u)),
            })
            .collect(),
        roller: [Roll::Handlaggare, Roll::Arbetsledare]
            .iter()
            .map(|r| Val {
                kod: r.kod(),
                namn: r.namn(),
                vald: p.is_some_and(|p| p.roller.contains(r)),
            })
            .collect(),
    }
}

fn lista<T: Copy>(v: &[T], namn: fn(T) -> &'static str, tom: &str) -> String {
    if v.is_empty() {
        tom.to_string()
    } else {
        v.iter().map(|x| namn(*x)).collect::<Vec<_>>().join(", ")
    }
}

async fn sida(
    s: &AppState,
    i: &Inloggad,
    rader: Option<Vec<Rad>>,
    giltig_fran: String,
    fel: Vec<String>,
) -> Result<DelegationSida, WebFel> {
    let idag = svensk_dag(s.nu());
    let alla = s
        .store
        .organisation()
        .delegationsordningar(i.anvandare.kommun)
        .await?;
    let gallande = alla
        .iter()
        .find(|(_, fran, _)| *fran <= idag)
        .map(|(v, _, _)| *v);
    let rader = rader.unwrap_or_else(|| {
        let senaste = alla.first().map(|(_, _, p)| p.clone()).unwrap_or_default();
        let mut r: Vec<Rad> = senaste
            .iter()
            .enumerate()
            .map(|(n, p)| rad(n, Some(p)))
            .collect();
        r.extend((0..NYA_RADER).map(|n| rad(senaste.len() + n, None)));
        r
    });
    let versioner = alla
        .into_iter()
        .map(|(version, giltig_fran, punkter)| Version {
            version,
            giltig_fran,
            galler: Some(version) == gallande,
            punkter: punkter
                .into_iter()
                .map(|p| {
                    (
                        p.punkt,
                        p.beskrivning,
                        lista(&p.insatser, InsatsTyp::namn, "Alla insatser"),
                        lista(&p.utfall, Utfall::namn, "Alla utfall"),
                        lista(&p.roller, Roll::namn, "Ingen"),
                    )
                })
                .collect(),
        })
        .collect();
    Ok(DelegationSida {
        sida: Sida::av(i),
        versioner,
        rader,
        giltig_fran,
        fel,
        far_andra: policy::far(&i.anvandare, Atgard::AdministreraDelegation),
    })
}

pub async fn visa(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaDelegation)?;
    let idag = svensk_dag(s.nu()).to_string();
    Ok(sida(&s, &i, None, idag, vec![]).await?.into_response())
}

pub async fn spara(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraDelegation)?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let giltig_text = f.text("giltig_fran");
    let giltig_fran = Date::parse(
        &giltig_text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok();
    match giltig_fran {
        None => {
            fel.push("Ange från vilket datum den nya versionen gäller (ÅÅÅÅ-MM-DD).".to_string())
        }
        // A delegation applies from the nämnd's decision on; it cannot be given backwards in time.
        Some(d) if d < idag => {
            fel.push("En ny version kan inte gälla från ett datum som redan passerat.".to_string())
        }
        _ => {}
    }
    let mut rader = vec![];
    let mut punkter = vec![];
    for nr in 0..200 {
        let nyckel = |n: &str| format!("{n}_{nr}");
        if f.get(&nyckel("punkt")).is_none() {
            break;
        }
        let val = |n: &str| {
            f.alla(&nyckel(n))
                .into_iter()
                .map(str::to_owned)
                .collect::<Vec<_>>()
        };
        let p = Delegationspunkt {
            punkt: f.text(&nyckel("punkt")),
            beskrivning: f.text(&nyckel("beskrivning")),
            insatser: val("insatser")
                .iter()
                .filter_map(|k| InsatsTyp::fran_kod(k))
                .collect(),
            utfall: val("utfall")
                .iter()
                .filter_map(|k| Utfall::fran_kod(k))
                .collect(),
            roller: val("roller")
                .iter()
                .filter_map(|k| Roll::fran_kod(k))
                .filter(|r| matches!(r, Roll::Handlaggare | Roll::Arbetsledare))
                .collect(),
        };
        rader.push(rad(nr, Some(&p)));
        // A row left without a number is not part of the new version (that is how a point is removed).
        if !p.punkt.is_empty() {
            punkter.push(p);
        }
    }
    fel.extend(granska(&punkter));
    match (giltig_fran, fel.is_empty()) {
        (Some(d), true) => {
            let version = s
                .store
                .organisation()
                .spara_delegationsordning(i.anvandare.kommun, d, &punkter)
                .await?;
            s.store
                .granskning()
                .logga_lasning(
                    &i.aktor(),
                    &[lots_store::Granskningspost::ny(format!(
                        "delegationsordning.version.{version}"
                    ))],
                    s.nu(),
                )
                .await?;
            Ok(Redirect::to("/delegationsordning").into_response())
        }
        _ => {
            rader.push(rad(rader.len(), None));
            let sida = sida(&s, &i, Some(rader), giltig_text, fel).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response())
        }
    }
}
