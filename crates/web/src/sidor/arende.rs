use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Response};
use lots_domain::arende::{AktualiseringsTyp, Arende, KommandoTyp, bevakningar, kan};
use lots_domain::ids::{ArendeId, PersonId};
use lots_domain::tid::svensk_dag;
use lots_store::{ArendeRad, JournalRad};
use serde::Deserialize;

use super::Sida;
use super::person::resurs;
use super::steg::{Stegkontext, formularsvar, visa_formular};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Handling};
use crate::visning::{Namn, beskriv};

pub struct HandelseVy {
    pub nar: String,
    pub vem: String,
    pub rubrik: String,
    pub detaljer: Vec<String>,
}

pub struct BeslutVy {
    pub rubrik: String,
    pub rader: Vec<(&'static str, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "arende.html")]
struct ArendeSida {
    sida: Sida,
    rad: ArendeRad,
    typ: &'static str,
    ansokta: String,
    steg: Vec<(&'static str, &'static str)>,
    avslut_hinder: Option<String>,
    /// (what, date, overdue)
    bevakningar: Vec<(&'static str, time::Date, bool)>,
    beslut: Vec<BeslutVy>,
    dokument: Vec<(String, String)>,
    journal: Vec<JournalRad>,
    tidslinje: Vec<HandelseVy>,
}

/// Loads a case the user may read; logs the read before anything is shown.
pub async fn las_arende(
    s: &AppState,
    i: &Inloggad,
    id: &str,
) -> Result<(ArendeRad, Arende), WebFel> {
    let id: ArendeId = id.parse().map_err(|_| WebFel::Saknas)?;
    let (rad, a) = s.store.arende(id).await?.ok_or(WebFel::Saknas)?;
    if !policy::far(&i.anvandare, Handling::LasaArende(resurs(&rad))) {
        s.store
            .logga_lasning(
                &i.aktor(),
                "arende.nekad",
                &[(Some(rad.person), Some(rad.id))],
                s.nu(),
            )
            .await?;
        return Err(WebFel::Nekad(
            "Ärendet tillhör en annan enhet. Du har inte tillgång till det.".into(),
        ));
    }
    Ok((rad, a))
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
            }
        })
        .collect()
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let (rad, a) = las_arende(&s, &i, &id).await?;
    let nu = s.nu();
    let idag = svensk_dag(nu);
    let handelser = s.store.handelser(rad.id).await?;
    let anvandare = s.store.alla_anvandare(i.anvandare.kommun).await?;
    let enheter = s.store.enheter(i.anvandare.kommun).await?;
    let n = Namn {
        anvandare: &anvandare,
        enheter: &enheter,
    };
    let journal: Vec<JournalRad> = s
        .store
        .journal_for_person(rad.person)
        .await?
        .into_iter()
        .filter(|j| j.arende == rad.id)
        .collect();
    s.store
        .logga_lasning(
            &i.aktor(),
            "arende.visa",
            &[(Some(rad.person), Some(rad.id))],
            nu,
        )
        .await?;

    // Only the steps the case's state allows and the policy grants this user.
    let steg: Vec<(&'static str, &'static str)> = KommandoTyp::ALLA
        .iter()
        .copied()
        .filter(|t| !matches!(t, KommandoTyp::Aktualisera | KommandoTyp::RegistreraBrev))
        .filter(|t| {
            kan(Some(&a), *t).is_ok() && policy::far(&i.anvandare, Handling::Steg(resurs(&rad), *t))
        })
        .map(|t| (t.kod(), t.namn()))
        .collect();
    let avslut_hinder = if a.ar_avslutat() {
        None
    } else {
        kan(Some(&a), KommandoTyp::AvslutaArende).err()
    };
    let dokument = handelser
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
    let tidslinje = handelser
        .iter()
        .rev()
        .map(|h| {
            let (rubrik, detaljer) = beskriv(&h.handelse, &a, &n);
            let lokal = h
                .tidpunkt
                .to_offset(lots_domain::tid::svensk_offset(h.tidpunkt));
            HandelseVy {
                nar: format!("{} {:02}:{:02}", lokal.date(), lokal.hour(), lokal.minute()),
                vem: h.aktor_namn.clone(),
                rubrik,
                detaljer,
            }
        })
        .collect();
    let sida = ArendeSida {
        sida: Sida::av(&i),
        typ: a.typ.namn(),
        ansokta: a
            .ansokta
            .iter()
            .map(|(i, _)| i.namn())
            .collect::<Vec<_>>()
            .join(", "),
        steg,
        avslut_hinder,
        bevakningar: bevakningar(&a)
            .into_iter()
            .map(|b| (b.typ.namn(), b.datum, b.datum < idag))
            .collect(),
        beslut: beslut_vy(&a, &n),
        dokument,
        journal,
        tidslinje,
        rad,
    };
    Ok(sida.into_response())
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
    policy::krav(&i.anvandare, Handling::Aktualisera)?;
    let id: PersonId = id.parse().map_err(|_| WebFel::Saknas)?;
    s.store
        .person(id)
        .await?
        .filter(|p| p.kommun == i.anvandare.kommun)
        .map(|p| p.id)
        .ok_or(WebFel::Saknas)
}

pub async fn nytt_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    Query(q): Query<TypFraga>,
) -> Result<Response, WebFel> {
    let person = person_for_ny(&s, &i, &id).await?;
    let typ = aktualiseringstyp(&q);
    let k = Stegkontext::ladda(&s, &i, person, None, vec![]).await?;
    Ok(visa_formular(
        &i,
        &k,
        KommandoTyp::Aktualisera,
        Some(typ),
        &Formular::default(),
        &[],
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
    let k = Stegkontext::ladda(&s, &i, person, None, vec![]).await?;
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
