//! Fullmakter received on paper or at a visit (FL 14 §): the staff register them
//! so the ombud can act on Mina sidor, and revoke them when the person says so.
//! The person sees and revokes the same fullmakter on Mina sidor.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::Identitet;
use lots_domain::arende::FaltFel;
use lots_domain::fullmakt::Omfattning;
use lots_domain::ids::PersonId;
use lots_domain::tid::svensk_dag;
use lots_store::{Fullmakt, Person};

use super::person::Formularsida;
use super::{Falt, Sida, fyll, personpost};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Handling};

/// The person, if the user may register a fullmakt for them; otherwise, to
/// them, the person is not there.
async fn person(s: &AppState, i: &Inloggad, id: &str) -> Result<Person, WebFel> {
    let id: PersonId = id.parse().map_err(|_| WebFel::Saknas)?;
    let p = s
        .store
        .person(id)
        .await?
        .filter(|p| p.kommun == i.anvandare.kommun)
        .ok_or(WebFel::Saknas)?;
    if !policy::far(&i.anvandare, Handling::SePerson { skyddad: p.skyddad }) {
        return Err(WebFel::Saknas);
    }
    policy::krav(
        &i.anvandare,
        Handling::RegistreraFullmakt { skyddad: p.skyddad },
    )?;
    Ok(p)
}

fn falt() -> Vec<Falt> {
    vec![
        Falt::text("namn", "Ombudets namn").kravs(),
        Falt::text("nummer", "Ombudets personnummer")
            .kravs()
            .hjalp("Ombudet loggar in på Mina sidor med sitt eget BankID eller Freja eID."),
        Falt::val(
            "omfattning",
            "Vad fullmakten omfattar",
            "radio",
            [
                (
                    "lasa".to_string(),
                    "Läsa: följa ärenden, beslut och brev".to_string(),
                ),
                (
                    "fora_talan".to_string(),
                    "Föra talan: även ansöka, svara, skriva och överklaga".to_string(),
                ),
            ],
        )
        .varde("lasa")
        .kravs(),
        Falt::datum("giltig_till", "Gäller till och med")
            .hjalp("Lämna tomt om fullmakten gäller tills vidare."),
    ]
}

fn sida(i: &Inloggad, p: &Person, falt: Vec<Falt>, fel: Vec<(String, String)>) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik: format!("Registrera fullmakt för {}", p.namn()),
        ingress: "En fullmakt som har kommit in på papper eller lämnats vid ett besök (FL 14 §). \
                  Ombudet kan sedan följa och, om fullmakten säger det, föra personens talan på Mina sidor. \
                  Personen ser fullmakten där och kan ta tillbaka den."
            .into(),
        tillbaka: format!("/personer/{}", p.id),
        tillbaka_text: "personen".into(),
        action: format!("/personer/{}/fullmakter/ny", p.id),
        knapp: "Registrera fullmakten",
        multipart: false,
        meddelande: None,
        falt,
        fel,
        lankar: vec![],
    }
}

pub async fn ny_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let p = person(&s, &i, &id).await?;
    Ok(sida(&i, &p, falt(), vec![]).into_response())
}

pub async fn registrera(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let p = person(&s, &i, &id).await?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let namn = f.text("namn");
    if namn.is_empty() || namn.chars().count() > 200 {
        fel.push(FaltFel {
            falt: "namn",
            text: "Skriv ombudets namn.".into(),
        });
    }
    let identitet = match Identitet::tolka(&f.text("nummer"), idag) {
        Ok(n) if n.varde() == p.identitet.varde() => {
            fel.push(FaltFel {
                falt: "nummer",
                text: "Ombudet kan inte vara personen själv.".into(),
            });
            None
        }
        Ok(n) => Some(n),
        Err(e) => {
            fel.push(FaltFel {
                falt: "nummer",
                text: e.to_string(),
            });
            None
        }
    };
    let omfattning = Omfattning::fran_kod(&f.text("omfattning"));
    if omfattning.is_none() {
        fel.push(FaltFel {
            falt: "omfattning",
            text: "Välj vad fullmakten omfattar.".into(),
        });
    }
    let till = f.text("giltig_till");
    let giltig_till = if till.is_empty() {
        None
    } else {
        match lots_store::las_datum(&till) {
            Ok(d) if d >= idag => Some(d),
            _ => {
                fel.push(FaltFel {
                    falt: "giltig_till",
                    text: "Skriv ett datum som inte har passerat, eller lämna tomt.".into(),
                });
                None
            }
        }
    };
    let (Some(identitet), Some(omfattning), true) = (identitet, omfattning, fel.is_empty()) else {
        let mut falt = falt();
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            sida(&i, &p, falt, sammanfattning),
        )
            .into_response());
    };
    s.store
        .registrera_fullmakt(&Fullmakt {
            id: uuid::Uuid::now_v7(),
            kommun: p.kommun,
            person: p.id,
            ombud_identitet: identitet.varde().to_owned(),
            ombud_namn: namn,
            omfattning,
            giltig_till,
            registrerad: s.nu(),
            registrerad_av: i.anvandare.namn.clone(),
            aterkallad: None,
        })
        .await?;
    s.store
        .logga_lasning(
            &i.aktor(),
            &[personpost("person.fullmakt.registrera", &p)],
            s.nu(),
        )
        .await?;
    Ok(Redirect::to(&tillbaka(&i, &p)).into_response())
}

/// Back to the person page, or to the search for those who do not read persons.
fn tillbaka(i: &Inloggad, p: &Person) -> String {
    if policy::far(&i.anvandare, Handling::LasaPerson { skyddad: p.skyddad }) {
        format!("/personer/{}", p.id)
    } else {
        "/personer/sok".into()
    }
}

/// The person has taken the fullmakt back by letter or at a visit: it ends at once.
pub async fn aterkalla(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, fid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let p = person(&s, &i, &id).await?;
    let fid: uuid::Uuid = fid.parse().map_err(|_| WebFel::Saknas)?;
    if s.store
        .fullmakt(fid)
        .await?
        .is_none_or(|f| f.person != p.id)
    {
        return Err(WebFel::Saknas);
    }
    // Already revoked is as asked: nothing more to do.
    s.store.aterkalla_fullmakt(fid, p.id, s.nu()).await?;
    s.store
        .logga_lasning(
            &i.aktor(),
            &[personpost("person.fullmakt.aterkalla", &p)],
            s.nu(),
        )
        .await?;
    Ok(Redirect::to(&tillbaka(&i, &p)).into_response())
}
