//! The person's fullmakter (FL 14 §): every one they gave, to whom and for what;
//! a new one; and revoking one, which ends the ombud's access at once.

use std::collections::HashMap;

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use lots_domain::Identitet;
use lots_domain::fullmakt::Omfattning;
use lots_store::Fullmakt;

use super::{Medborgare, Ram, till};
use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

pub struct Rad {
    pub id: String,
    pub ombud: String,
    pub omfattning: String,
    pub giltig: String,
    /// Not revoked and not expired: the person may take it back (also while it
    /// waits for the staff's approval).
    pub galler: bool,
    pub status: String,
    /// Given here by the person, or registered by the staff from paper.
    pub registrerad: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "mina_sidor/fullmakter.html")]
pub struct FullmaktSida {
    pub ram: Ram,
    pub rader: Vec<Rad>,
    pub notis: Option<String>,
    /// Fullmakter the staff registered from paper (`fran_personalen`).
    pub fran_personalen: Vec<String>,
    pub nummer: String,
    pub namn: String,
    pub omfattning: String,
    pub giltig_till: String,
    pub fel: Vec<(String, String)>,
}

/// Only the person decides who may act for them (`policy::medborgare_far`).
fn bara_personen(m: &Medborgare) -> Result<(), WebFel> {
    if m.far(crate::policy::MedborgarHandling::HanteraFullmakter) {
        Ok(())
    } else {
        Err(WebFel::Nekad(m.t.t("fullmakt-bara_personen").to_owned()))
    }
}

#[allow(clippy::too_many_arguments)]
async fn sida(
    s: &AppState,
    m: &Medborgare,
    notis: Option<String>,
    nummer: String,
    namn: String,
    omfattning: String,
    giltig_till: String,
    fel: Vec<(String, String)>,
) -> Result<Response, WebFel> {
    let t = m.t;
    let idag = super::idag(s);
    let rader = s
        .store
        .mina_sidor()
        .fullmakter_for_person(m.person.kommun, m.person.id)
        .await?
        .into_iter()
        .map(|f: Fullmakt| Rad {
            id: f.id.to_string(),
            ombud: f.ombud_namn.clone(),
            omfattning: t
                .t(&format!("fullmakt-omfattning_{}", f.omfattning.kod()))
                .to_owned(),
            giltig: match f.giltig_till {
                Some(d) => t.f("fullmakt-till", &[("datum", &d.to_string())]),
                None => t.t("fullmakt-tills_vidare").to_owned(),
            },
            galler: f.aterkallad.is_none() && f.giltig_till.is_none_or(|d| idag <= d),
            registrerad: if f.av_personen() {
                t.f(
                    "fullmakt-av_dig",
                    &[(
                        "datum",
                        &lots_domain::tid::svensk_dag(f.registrerad).to_string(),
                    )],
                )
            } else {
                t.f(
                    "fullmakt-av_personal",
                    &[
                        ("namn", &f.registrerad_av),
                        (
                            "datum",
                            &lots_domain::tid::svensk_dag(f.registrerad).to_string(),
                        ),
                    ],
                )
            },
            status: match f.aterkallad {
                Some(a) => t.f("fullmakt-aterkallad", &[("datum", &super::lokal_tid(a))]),
                None if f.vantar() => t.t("fullmakt-vantar").to_owned(),
                None if !f.galler(idag) => t.t("fullmakt-utgangen").to_owned(),
                None => t.t("fullmakt-galler").to_owned(),
            },
        })
        .collect();
    let status = super::status_for(&fel);
    Ok((
        status,
        FullmaktSida {
            ram: m.sida(),
            rader,
            notis,
            fran_personalen: fran_personalen(s, m).await?,
            nummer,
            namn,
            omfattning,
            giltig_till,
            fel,
        },
    )
        .into_response())
}

/// What the person is told of fullmakter the staff registered for them from
/// paper and that are not taken back: who registered it, when, for whom. A
/// fullmakt the person did not give is then seen and taken back at once. Only
/// the person is told, not an ombud looking at their matters.
pub async fn fran_personalen(s: &AppState, m: &Medborgare) -> Result<Vec<String>, WebFel> {
    if !m.far(crate::policy::MedborgarHandling::HanteraFullmakter) {
        return Ok(vec![]);
    }
    let idag = super::idag(s);
    Ok(s.store
        .mina_sidor()
        .fullmakter_for_person(m.person.kommun, m.person.id)
        .await?
        .into_iter()
        .filter(|f| {
            !f.av_personen() && f.aterkallad.is_none() && f.giltig_till.is_none_or(|d| idag <= d)
        })
        .map(|f| {
            m.t.f(
                "fullmakt-personal_notis",
                &[
                    ("namn", &f.registrerad_av),
                    ("ombud", &f.ombud_namn),
                    (
                        "datum",
                        &lots_domain::tid::svensk_dag(f.registrerad).to_string(),
                    ),
                ],
            )
        })
        .collect())
}

pub async fn lista(
    State(s): State<AppState>,
    m: Medborgare,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    bara_personen(&m)?;
    let notis = match q.get("klart").map(String::as_str) {
        Some("ny") => Some(m.t.t("fullmakt-sparad").to_owned()),
        Some("aterkallad") => Some(m.t.t("fullmakt-aterkallad_notis").to_owned()),
        _ => None,
    };
    sida(
        &s,
        &m,
        notis,
        String::new(),
        String::new(),
        "lasa".into(),
        String::new(),
        vec![],
    )
    .await
}

pub async fn ge(State(s): State<AppState>, m: Medborgare, f: Formular) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    bara_personen(&m)?;
    let t = m.t;
    let idag = super::idag(&s);
    let (nummer, namn, omf, till_) = (
        f.text("nummer"),
        f.text("namn"),
        f.text("omfattning"),
        f.text("giltig_till"),
    );
    let mut fel = vec![];
    let identitet = match Identitet::tolka(&nummer, idag) {
        Ok(i) => Some(i),
        Err(e) => {
            fel.push((
                "nummer".to_owned(),
                t.f("fullmakt-fel_nummer", &[("fel", &e.to_string())]),
            ));
            None
        }
    };
    if identitet
        .as_ref()
        .is_some_and(|i| i.varde() == m.person.identitet.varde())
    {
        fel.push((
            "nummer".to_owned(),
            t.t("fullmakt-fel_sig_sjalv").to_owned(),
        ));
    }
    if namn.is_empty() || namn.chars().count() > 200 {
        fel.push(("namn".to_owned(), t.t("fullmakt-fel_namn").to_owned()));
    }
    let omfattning = Omfattning::fran_kod(&omf);
    if omfattning.is_none() {
        fel.push((
            "omfattning".to_owned(),
            t.t("fullmakt-fel_omfattning").to_owned(),
        ));
    }
    let giltig_till = if till_.is_empty() {
        None
    } else {
        match time::Date::parse(&till_, &time::format_description::well_known::Iso8601::DATE) {
            Ok(d) if d >= idag => Some(d),
            _ => {
                fel.push((
                    "giltig_till".to_owned(),
                    t.t("fullmakt-fel_datum").to_owned(),
                ));
                None
            }
        }
    };
    let (Some(identitet), Some(omfattning), true) = (identitet, omfattning, fel.is_empty()) else {
        return sida(&s, &m, None, nummer, namn, omf, till_, fel).await;
    };
    s.store
        .mina_sidor()
        .registrera_fullmakt(
            &Fullmakt {
                id: uuid::Uuid::now_v7(),
                kommun: m.person.kommun,
                person: m.person.id,
                ombud_identitet: identitet.varde().to_owned(),
                ombud_namn: namn,
                omfattning,
                giltig_till,
                registrerad: s.nu(),
                registrerad_av: "personen".into(),
                registrerad_av_anvandare: None,
                // The person decides who acts for them: theirs holds at once.
                godkand: Some((s.nu(), "personen".into())),
                aterkallad: None,
            },
            None,
        )
        .await?;
    Ok(till("/mina-sidor/fullmakter?klart=ny"))
}

pub async fn aterkalla(
    State(s): State<AppState>,
    m: Medborgare,
    Path(fid): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    m.kontrollera_csrf(&f)?;
    bara_personen(&m)?;
    let fid: uuid::Uuid = fid.parse().map_err(|_| WebFel::Saknas)?;
    if !s
        .store
        .mina_sidor()
        .aterkalla_fullmakt(fid, m.person.id, s.nu())
        .await?
    {
        return Err(WebFel::Saknas);
    }
    Ok(till("/mina-sidor/fullmakter?klart=aterkallad"))
}
