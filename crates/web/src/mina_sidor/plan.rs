//! The plan toward self-sufficiency on Mina sidor (issue 16, item 5): the person reads the
//! plan in plain words, with their part and the socialtjänst's part side by side, says
//! whether they agree or what they think, and may ask for a meeting about it (SoL 3 kap.
//! 5 §: insatser are planned together with the person).

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::Arende;
use lots_domain::arende::Kommando;
use lots_domain::ids::ArendeId;

use super::arenden::{id, utfor};
use super::{Medborgare, Ram, Texter, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

/// The current plan, in the person's words: (label, text) rows, the answer given, and
/// the latest follow-up with the person's own account.
pub struct EgenPlan {
    pub version: u32,
    pub ingress: String,
    pub rader: Vec<(String, String)>,
    pub svar: Option<String>,
    pub uppfoljning: Vec<String>,
}

pub fn egen_plan(a: &Arende, t: &Texter) -> Option<EgenPlan> {
    let p = a.planering.aktuell()?;
    let datum = p.datum.to_string();
    let mut rader = vec![(t.t("plan-mal").to_owned(), p.mal.clone())];
    for (i, d) in p.delmal.iter().enumerate() {
        rader.push((
            t.f("plan-delmal", &[("nr", &(i + 1).to_string())]),
            d.clone(),
        ));
    }
    for x in &p.aktiviteter {
        rader.push((
            t.t("plan-aktivitet").to_owned(),
            t.f(
                "plan-aktivitet_text",
                &[
                    ("vad", &x.beskrivning),
                    ("vem", &t.t(&format!("plan-ansvarig-{}", x.ansvarig.kod()))),
                ],
            ),
        ));
    }
    rader.push((t.t("plan-din_del").to_owned(), p.personens_del.clone()));
    rader.push((
        t.t("plan-socialtjanstens_del").to_owned(),
        p.socialtjanstens_del.clone(),
    ));
    if !p.samverkan.is_empty() {
        rader.push((t.t("plan-samverkan").to_owned(), p.samverkan.clone()));
    }
    let nasta = a
        .planering
        .nasta_uppfoljning()
        .map(|d| d.to_string())
        .unwrap_or_else(|| t.t("arende-plan_ingen_uppfoljning").to_owned());
    rader.push((
        t.t("plan-uppfoljning").to_owned(),
        t.f(
            "plan-uppfoljning_text",
            &[("datum", &nasta), ("hur", &p.uppfoljningssatt)],
        ),
    ));
    let svar = a.planering.svar_pa_aktuell().map(|s| {
        let mut text = t
            .f(
                if s.instammer {
                    "plan-du_instammer"
                } else {
                    "plan-du_instammer_inte"
                },
                &[("datum", &s.datum.to_string())],
            )
            .to_string();
        if !s.synpunkt.is_empty() {
            text.push(' ');
            text.push_str(&t.f("plan-din_synpunkt", &[("text", &s.synpunkt)]));
        }
        text
    });
    let uppfoljning = a
        .planering
        .uppfoljningar
        .iter()
        .rev()
        .find(|u| u.version == p.version)
        .map(|u| {
            let (deltog, planerat) = u.narvaro();
            let mut r = vec![t.f("plan-uppfoljd", &[("datum", &u.datum.to_string())])];
            if planerat > 0 {
                r.push(t.f(
                    "plan-narvaro",
                    &[
                        ("deltog", &deltog.to_string()),
                        ("planerat", &planerat.to_string()),
                    ],
                ));
            }
            r.push(t.f("plan-din_berattelse", &[("text", &u.enskildes_berattelse)]));
            r
        })
        .unwrap_or_default();
    Some(EgenPlan {
        version: p.version,
        ingress: t.f(
            if p.version == 1 {
                "plan-gjord"
            } else {
                "plan-andrad"
            },
            &[("datum", &datum)],
        ),
        rader,
        svar,
        uppfoljning,
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/plan.html")]
pub struct PlanSida {
    pub ram: Ram,
    pub arende: ArendeId,
    pub plan: EgenPlan,
    pub far_svara: bool,
    pub instammer: String,
    pub synpunkt: String,
    pub fel: Vec<(String, String)>,
}

fn sida(
    m: &Medborgare,
    arende: ArendeId,
    a: &Arende,
    instammer: String,
    synpunkt: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let plan = egen_plan(a, m.t).ok_or(WebFel::Saknas)?;
    Ok((
        super::status_for(&fel),
        PlanSida {
            ram: m.sida(),
            arende,
            plan,
            far_svara: m.far_agera() && a.avslut.is_none(),
            instammer,
            synpunkt,
            fel,
        },
    )
        .into_response())
}

pub async fn visa(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
) -> Result<Response, WebFel> {
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.plan").await?;
    sida(&m, rad.id, &a, String::new(), String::new(), vec![])
}

/// The person's answer to the version they read (the form carries it, so an answer to
/// an older version is refused rather than counted for a newer one).
pub async fn svara(
    State(s): State<AppState>,
    m: Medborgare,
    Path(aid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    m.krav_agera()?;
    let t = m.t;
    let (rad, a) = m.arende(&s, id(&aid)?, "mina_sidor.plan").await?;
    let instammer_kod = f.text("instammer");
    let synpunkt = f.text("synpunkt");
    let mut fel = vec![];
    let instammer = match instammer_kod.as_str() {
        "ja" => Some(true),
        "nej" => Some(false),
        _ => {
            fel.push(("instammer".to_owned(), t.t("plan-fel_val").to_owned()));
            None
        }
    };
    let version = f.text("version").parse::<u32>().ok();
    let (Some(instammer), Some(version)) = (instammer, version) else {
        if version.is_none() {
            fel.push(("instammer".to_owned(), t.t("plan-fel_version").to_owned()));
        }
        return sida(&m, rad.id, &a, instammer_kod, synpunkt, fel);
    };
    let k = Kommando::SvaraPaPlan {
        datum: super::idag(&s),
        version,
        instammer,
        synpunkt: synpunkt.clone(),
        fran: super::dialog::avsandare(&m),
    };
    match utfor(&s, &m, &rad, vec![k], vec![]).await? {
        Ok(_) => Ok(till(&format!("/mina-sidor/kvitto/{}", rad.id))),
        Err(mut fel) => {
            // A newer version came while the person read: show it, with the reason (no
            // field to point at: the version is the page itself).
            for (falt, _) in &mut fel {
                if falt == "version" {
                    falt.clear();
                }
            }
            let (_, a) = m.arende(&s, rad.id, "mina_sidor.plan").await?;
            sida(&m, rad.id, &a, instammer_kod, synpunkt, fel)
        }
    }
}
