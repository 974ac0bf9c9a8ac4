//! Fullmakter received on paper or at a visit (FL 14 §): the staff register them
//! so the ombud can act on Mina sidor, and revoke them when the person says so.
//! The person sees and revokes the same fullmakter on Mina sidor.
//!
//! A fullmakt opens the person's cases to the ombud, so it is no unguarded grant
//! (issue 12): only staff who act on one of the person's cases register it, with
//! the signed document, and it holds once a second of them has approved it.

use crate::formular::FaltFel;
use axum::extract::{Multipart, Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::Identitet;
use lots_domain::fullmakt::Omfattning;
use lots_domain::tid::svensk_dag;
use lots_store::{Fullmakt, Fullmaktsdokument, Person};
use sha2::{Digest, Sha256};

use super::person::Formularsida;
use super::{Falt, Sida, fyll, personpost};
use crate::AppState;
use crate::atkomst::{self, PersonSyfte};
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, Atgard};

/// The person, if the user may see them; otherwise, to them, the person is not
/// there. With it, whether the user acts on one of the person's cases (the
/// ground for registering and approving a fullmakt, `policy::agerar_for`).
async fn person(s: &AppState, i: &Inloggad, id: &str) -> Result<(Person, bool), WebFel> {
    let p = atkomst::oppna_person(s, i, id, PersonSyfte::Fullmakt).await?;
    Ok((p.person, p.agerar))
}

/// The person, if the user may register a fullmakt for them.
async fn person_att_registrera(s: &AppState, i: &Inloggad, id: &str) -> Result<Person, WebFel> {
    let (p, agerar) = person(s, i, id).await?;
    policy::krav(
        &i.anvandare,
        Atgard::RegistreraFullmakt {
            skyddad: p.skyddad,
            agerar,
        },
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
        Falt::fil("fil", "Den undertecknade fullmakten")
            .kravs()
            .hjalp("Skanna eller fotografera fullmakten: PDF, JPEG eller PNG, högst 10 MB."),
    ]
}

fn sida(i: &Inloggad, p: &Person, falt: Vec<Falt>, fel: Vec<(String, String)>) -> Formularsida {
    Formularsida {
        sida: Sida::av(i),
        rubrik: format!("Registrera fullmakt för {}", p.namn()),
        ingress: "En fullmakt som har kommit in på papper eller lämnats vid ett besök (FL 14 §). \
                  Bifoga den undertecknade fullmakten. Den börjar gälla först när en kollega som också \
                  arbetar med personens ärenden har kontrollerat och godkänt den. Ombudet kan sedan \
                  följa och, om fullmakten säger det, föra personens talan på Mina sidor. Personen får \
                  veta på Mina sidor att fullmakten har registrerats och kan ta tillbaka den."
            .into(),
        tillbaka: format!("/personer/{}", p.id),
        tillbaka_text: "personen".into(),
        action: format!("/personer/{}/fullmakter/ny", p.id),
        knapp: "Registrera fullmakten",
        multipart: true,
        forhandsgranska: false,
        meddelande: None,
        falt,
        fel,
        lankar: vec![],
        notis: None,
        utkast: None,
    }
}

pub async fn ny_sida(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
) -> Result<Response, WebFel> {
    let p = person_att_registrera(&s, &i, &id).await?;
    Ok(sida(&i, &p, falt(), vec![]).into_response())
}

/// Registers a fullmakt from paper with its signed document. It waits for a
/// second staff member's approval before the ombud can use it (issue 12).
pub async fn registrera(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    m: Multipart,
) -> Result<Response, WebFel> {
    let (f, fil) = crate::uppladdning::las(m).await?;
    i.kontrollera_csrf(&f)?;
    let p = person_att_registrera(&s, &i, &id).await?;
    let idag = svensk_dag(s.nu());
    let mut fel = vec![];
    let dokument = match &fil {
        None => {
            fel.push(FaltFel {
                falt: "fil",
                text: "Bifoga den undertecknade fullmakten.".into(),
            });
            None
        }
        Some(x) => match crate::uppladdning::fel_i(x) {
            Some(text) => {
                fel.push(FaltFel {
                    falt: "fil",
                    text: text.into(),
                });
                None
            }
            None => crate::uppladdning::innehallstyp(&x.innehall).map(|typ| Fullmaktsdokument {
                namn: if x.namn.is_empty() {
                    "fullmakt".into()
                } else {
                    x.namn.chars().take(200).collect()
                },
                innehallstyp: typ.into(),
                sha256: hex::encode(Sha256::digest(&x.innehall)),
                innehall: x.innehall.clone(),
            }),
        },
    };
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
    let (Some(identitet), Some(omfattning), Some(dokument), true) =
        (identitet, omfattning, dokument, fel.is_empty())
    else {
        let mut falt = falt();
        let sammanfattning = fyll(&mut falt, &f, &fel);
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            sida(&i, &p, falt, sammanfattning),
        )
            .into_response());
    };
    s.store
        .mina_sidor()
        .registrera_fullmakt(
            &Fullmakt {
                id: uuid::Uuid::now_v7(),
                kommun: p.kommun,
                person: p.id,
                ombud_identitet: identitet.varde().to_owned(),
                ombud_namn: namn,
                omfattning,
                giltig_till,
                registrerad: s.nu(),
                registrerad_av: i.anvandare.namn.clone(),
                registrerad_av_anvandare: Some(i.anvandare.id),
                // Four eyes: it holds once a second staff member has approved it.
                godkand: None,
                aterkallad: None,
            },
            Some(&dokument),
        )
        .await?;
    s.store
        .granskning()
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
    if policy::far(&i.anvandare, Atgard::LasaPerson { skyddad: p.skyddad }) {
        format!("/personer/{}", p.id)
    } else {
        "/personer/sok".into()
    }
}

/// The fullmakt of this person, if the id is one.
async fn fullmakt_for(s: &AppState, p: &Person, fid: &str) -> Result<Fullmakt, WebFel> {
    let fid: uuid::Uuid = fid.parse().map_err(|_| WebFel::Saknas)?;
    s.store
        .mina_sidor()
        .fullmakt(fid)
        .await?
        .filter(|f| f.person == p.id)
        .ok_or(WebFel::Saknas)
}

/// The person has taken the fullmakt back by letter or at a visit: it ends at once.
pub async fn aterkalla(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, fid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (p, _) = person(&s, &i, &id).await?;
    policy::krav(
        &i.anvandare,
        Atgard::AterkallaFullmakt { skyddad: p.skyddad },
    )?;
    let fullmakt = fullmakt_for(&s, &p, &fid).await?;
    // Already revoked is as asked: nothing more to do.
    s.store
        .mina_sidor()
        .aterkalla_fullmakt(fullmakt.id, p.id, s.nu())
        .await?;
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[personpost("person.fullmakt.aterkalla", &p)],
            s.nu(),
        )
        .await?;
    Ok(Redirect::to(&tillbaka(&i, &p)).into_response())
}

/// A second staff member, who also acts on the person's cases, has checked the
/// signed document against what was registered and approves it: from now on
/// the ombud reaches the person's matters on Mina sidor. The one who registered
/// it cannot (four eyes, issue 12).
pub async fn godkann(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, fid)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let (p, agerar) = person(&s, &i, &id).await?;
    let fullmakt = fullmakt_for(&s, &p, &fid).await?;
    policy::krav(
        &i.anvandare,
        Atgard::GodkannaFullmakt {
            skyddad: p.skyddad,
            agerar,
            egen: fullmakt.registrerad_av_anvandare == Some(i.anvandare.id),
        },
    )?;
    // Already approved or revoked: nothing to do; back to the person.
    if s.store
        .mina_sidor()
        .godkann_fullmakt(fullmakt.id, p.id, i.anvandare.id, &i.anvandare.namn, s.nu())
        .await?
    {
        s.store
            .granskning()
            .logga_lasning(
                &i.aktor(),
                &[personpost("person.fullmakt.godkann", &p).skal(Some(format!(
                    "Fullmakt {} för ombud {}, registrerad av {}, godkänd av {}",
                    fullmakt.id, fullmakt.ombud_namn, fullmakt.registrerad_av, i.anvandare.namn
                )))],
                s.nu(),
            )
            .await?;
    }
    Ok(Redirect::to(&tillbaka(&i, &p)).into_response())
}

/// The signed fullmakt, for the colleague who approves it and for those who
/// may register one for the person.
pub async fn dokument(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, fid)): Path<(String, String)>,
) -> Result<Response, WebFel> {
    let (p, agerar) = person(&s, &i, &id).await?;
    policy::krav(
        &i.anvandare,
        Atgard::LasaFullmaktsdokument {
            skyddad: p.skyddad,
            agerar,
        },
    )?;
    let fullmakt = fullmakt_for(&s, &p, &fid).await?;
    let d = s
        .store
        .mina_sidor()
        .fullmaktsdokument(p.kommun, fullmakt.id)
        .await?
        .ok_or(WebFel::Saknas)?;
    s.store
        .granskning()
        .logga_lasning(
            &i.aktor(),
            &[personpost("person.fullmakt.dokument", &p)],
            s.nu(),
        )
        .await?;
    // Only the three kinds checked at upload are ever stored; shown as a download.
    let filnamn: String = d
        .namn
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Ok((
        [
            (header::CONTENT_TYPE, d.innehallstyp),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filnamn}\""),
            ),
        ],
        d.innehall,
    )
        .into_response())
}
