//! The utförare's view: the orders sent to their unit, and what each contains.
//! Nothing else of the case: not the utredning, the journal or the motivering.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use lots_domain::Handelse;
use lots_domain::ids::BeslutId;
use lots_store::{Granskningspost, UppdragRad};

use super::Sida;
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::policy::{self, Handling};

pub struct UppdragVy {
    pub beslut: BeslutId,
    pub person: String,
    pub insats: &'static str,
    pub bestalld: String,
    pub lage: &'static str,
}

fn lage(r: &UppdragRad) -> (&'static str, Option<&lots_domain::arende::BeslutLage>) {
    let b = r.tillstand.beslut.iter().find(|b| b.id() == r.beslut);
    let text = match b.map(|b| &b.verkstallighet) {
        Some(v) if v.avslutad.is_some() => "Avslutat",
        Some(v) if v.avbruten().is_some() => "Avbrutet",
        Some(v) if v.paborjad.is_some() => "Pågår",
        Some(v) if v.verkstalls_ej.is_some() => "Verkställs inte",
        Some(_) if b.is_some_and(|b| !b.galler()) => "Beslutet gäller inte längre",
        _ => "Väntar på start",
    };
    (text, b)
}

fn post(handling: &str, r: &UppdragRad) -> Granskningspost {
    Granskningspost::ny(handling)
        .person(r.person, r.person_skyddad)
        .arende(r.arende)
}

fn far(i: &Inloggad, r: &UppdragRad) -> bool {
    policy::far(
        &i.anvandare,
        Handling::LasaUppdrag {
            utforare: r.utforare,
            skyddad: r.person_skyddad,
        },
    )
}

#[derive(Template, WebTemplate)]
#[template(path = "uppdrag.html")]
struct Lista {
    sida: Sida,
    uppdrag: Vec<UppdragVy>,
}

pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    let a = &i.anvandare;
    policy::krav(
        a,
        Handling::LasaUppdrag {
            utforare: a.enhet,
            skyddad: false,
        },
    )?;
    let rader: Vec<UppdragRad> = s
        .store
        .uppdrag_for_enhet(a.kommun, a.enhet)
        .await?
        .into_iter()
        .filter(|r| far(&i, r))
        .collect();
    let loggade: Vec<_> = rader.iter().map(|r| post("uppdrag.lista", r)).collect();
    s.store.logga_lasning(&i.aktor(), &loggade, s.nu()).await?;
    let uppdrag = rader
        .iter()
        .map(|r| {
            let (text, b) = lage(r);
            UppdragVy {
                beslut: r.beslut,
                person: r.person_namn.clone(),
                insats: b.map(|b| b.beslut.insats.namn()).unwrap_or(""),
                bestalld: b
                    .and_then(|b| b.verkstallighet.bestalld)
                    .map(|(d, _)| d.to_string())
                    .unwrap_or_default(),
                lage: text,
            }
        })
        .collect();
    Ok(Lista {
        sida: Sida::av(&i),
        uppdrag,
    }
    .into_response())
}

#[derive(Template, WebTemplate)]
#[template(path = "uppdrag_visa.html")]
struct Visa {
    sida: Sida,
    rubrik: String,
    rader: Vec<(&'static str, String)>,
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let id: BeslutId = id.parse().map_err(|_| WebFel::Saknas)?;
    let r = s.store.uppdrag(id).await?.ok_or(WebFel::Saknas)?;
    if r.tillstand.beslut.is_empty() || !far(&i, &r) {
        s.store
            .logga_lasning(&i.aktor(), &[post("uppdrag.nekad", &r)], s.nu())
            .await?;
        return Err(WebFel::Nekad(
            "Uppdraget är inte skickat till din enhet.".into(),
        ));
    }
    let person = s.store.person(r.person).await?.ok_or(WebFel::Saknas)?;
    let handelser = s.store.handelser(r.arende).await?;
    let text = handelser
        .iter()
        .rev()
        .find_map(|h| match &h.handelse {
            Handelse::Bestalld {
                beslut, uppdrag, ..
            } if *beslut == r.beslut => Some(uppdrag.clone()),
            _ => None,
        })
        .unwrap_or_default();
    s.store
        .logga_lasning(&i.aktor(), &[post("uppdrag.visa", &r)], s.nu())
        .await?;
    let (lagetext, b) = lage(&r);
    let mut rader: Vec<(&'static str, String)> = vec![
        ("Person", person.namn()),
        (person.identitet.typ().namn(), person.identitet.visning()),
    ];
    if person.skyddad {
        rader.push((
            "Adress",
            "Skyddade personuppgifter: kontakt sker via handläggaren.".into(),
        ));
    } else if !person.adress.is_empty() {
        rader.push(("Adress", person.adress.clone()));
    }
    if let Some(b) = b {
        let x = &b.beslut;
        rader.push(("Insats", x.insats.namn().into()));
        rader.push(("Lagrum", x.lagrum.text().into()));
        rader.push(("Beslutsdatum", x.datum.to_string()));
        if let Some(f) = x.period_fran {
            let till = x
                .period_till
                .map(|t| t.to_string())
                .unwrap_or_else(|| "tills vidare".into());
            rader.push(("Period", format!("{f} – {till}")));
        }
        if !x.mal.is_empty() {
            rader.push(("Mål", x.mal.clone()));
        }
        if !x.omfattning.is_empty() {
            rader.push(("Omfattning", x.omfattning.clone()));
        }
        if let Some((d, _)) = b.verkstallighet.bestalld {
            rader.push(("Beställt", d.to_string()));
        }
    }
    rader.push(("Uppdraget", text));
    rader.push(("Läge", lagetext.into()));
    let handlaggare = match r.tillstand.handlaggare {
        Some(h) => s.store.anvandare(h).await?.map(|a| a.namn),
        None => None,
    };
    rader.push((
        "Handläggare",
        handlaggare.unwrap_or_else(|| "Ingen tilldelad".into()),
    ));
    Ok(Visa {
        sida: Sida::av(&i),
        rubrik: format!(
            "Uppdrag: {}",
            b.map(|b| b.beslut.insats.namn()).unwrap_or("insats")
        ),
        rader,
    }
    .into_response())
}
