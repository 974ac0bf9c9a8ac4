//! The kommun's text blocks for common motiveringar (issue 20 item 5): the arbetsledare
//! adds, changes and retires them here; the kommun's handläggare read them here and insert
//! them in the decision form and the utredning's bedömning (`steg::infoga_textblock`).
//! Each save is a new version, written to the audit log in the same transaction
//! (`Organisation::spara_textblock`). Another kommun's block is, to the user, not there.

use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::TextblockId;
use lots_domain::textblock::Textblock;
use lots_domain::tid::svensk_dag;
use lots_store::{StoreError, TextblockRad};

use super::{Falt, Sida, fyll};
use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::{FaltFel, Formular};
use crate::policy::{self, Atgard};

/// A block as listed: its newest version.
pub struct Blockrad {
    pub id: String,
    pub titel: String,
    pub text: String,
    /// "Version 3, sparad 4 december 2026 av Anna Arbetsledare".
    pub kalla: String,
}

fn kalla(r: &TextblockRad) -> String {
    crate::texter::f(
        "textblock-kalla",
        &[
            ("version", r.version.to_string().as_str()),
            ("datum", svensk_dag(r.sparad).to_string().as_str()),
            (
                "namn",
                r.sparad_av
                    .clone()
                    .unwrap_or_else(|| crate::texter::t("textblock-okand"))
                    .as_str(),
            ),
        ],
    )
}

fn blockrad(r: &TextblockRad) -> Blockrad {
    Blockrad {
        id: r.id.to_string(),
        titel: r.titel.clone(),
        text: r.text.clone(),
        kalla: kalla(r),
    }
}

/// The block's fields, filled with `block` when one is changed.
fn falt(block: Option<&TextblockRad>) -> Vec<Falt> {
    vec![
        Falt::text("titel", &crate::texter::t("textblock-falt_titel"))
            .kravs()
            .hjalp(&crate::texter::t("textblock-falt_titel_hjalp"))
            .varde(block.map(|b| b.titel.as_str()).unwrap_or_default()),
        Falt::textarea("text", &crate::texter::t("textblock-falt_text"))
            .kravs()
            .hjalp(&crate::texter::t("textblock-falt_text_hjalp"))
            .varde(block.map(|b| b.text.as_str()).unwrap_or_default()),
    ]
}

fn las(f: &Formular) -> Result<Textblock, Vec<FaltFel>> {
    Textblock::ny(&f.text("titel"), &f.text("text")).map_err(|fel| {
        fel.into_iter()
            .map(|e| FaltFel {
                falt: e.falt,
                text: e.text,
            })
            .collect()
    })
}

#[derive(Template, WebTemplate)]
#[template(path = "textblock.html")]
struct Lista {
    sida: Sida,
    far_andra: bool,
    i_bruk: Vec<Blockrad>,
    avvecklade: Vec<Blockrad>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
}

async fn lista(
    s: &AppState,
    i: &Inloggad,
    form: Option<(&Formular, &[FaltFel])>,
) -> Result<Response, WebFel> {
    let alla = s.store.organisation().textblock(i.anvandare.kommun).await?;
    let (avvecklade, i_bruk): (Vec<_>, Vec<_>) = alla.iter().partition(|b| b.avvecklad);
    let mut falt = falt(None);
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let status = if fel.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Lista {
            sida: Sida::av(i),
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraTextblock),
            i_bruk: i_bruk.into_iter().map(blockrad).collect(),
            avvecklade: avvecklade.into_iter().map(blockrad).collect(),
            falt,
            fel,
        },
    )
        .into_response())
}

pub async fn visa_lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaTextblock)?;
    lista(&s, &i, None).await
}

/// A new block.
pub async fn skapa(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraTextblock)?;
    let block = match las(&f) {
        Ok(b) => b,
        Err(fel) => return lista(&s, &i, Some((&f, &fel))).await,
    };
    match s
        .store
        .organisation()
        .spara_textblock(i.anvandare.kommun, None, &block, &i.aktor(), s.nu())
        .await
    {
        Ok((id, _)) => Ok(Redirect::to(&format!("/textblock/{id}")).into_response()),
        Err(StoreError::Konflikt(text)) => {
            lista(
                &s,
                &i,
                Some((
                    &f,
                    &[FaltFel {
                        falt: "titel",
                        text,
                    }],
                )),
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "textblock_visa.html")]
struct Visa {
    sida: Sida,
    far_andra: bool,
    block: Blockrad,
    avvecklad: bool,
    versioner: Vec<(Blockrad, bool)>,
    falt: Vec<Falt>,
    fel: Vec<(String, String)>,
    /// A refusal of retiring or taking back, shown above that form.
    meddelande: Option<String>,
}

/// One of the kommun's blocks with its versions; not found when the kommun has none such.
async fn ett(
    s: &AppState,
    i: &Inloggad,
    id: TextblockId,
    form: Option<(&Formular, &[FaltFel])>,
    meddelande: Option<String>,
) -> Result<Response, WebFel> {
    let versioner = s
        .store
        .organisation()
        .textblock_versioner(i.anvandare.kommun, id)
        .await?;
    let senaste = versioner.first().ok_or(WebFel::Saknas)?;
    let mut falt = falt(Some(senaste));
    let fel = match form {
        Some((f, fel)) => fyll(&mut falt, f, fel),
        None => vec![],
    };
    let status = if fel.is_empty() && meddelande.is_none() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    Ok((
        status,
        Visa {
            sida: Sida::av(i),
            far_andra: policy::far(&i.anvandare, Atgard::AdministreraTextblock),
            block: blockrad(senaste),
            avvecklad: senaste.avvecklad,
            versioner: versioner
                .iter()
                .map(|v| (blockrad(v), v.avvecklad))
                .collect(),
            falt,
            fel,
            meddelande,
        },
    )
        .into_response())
}

fn id(text: &str) -> Result<TextblockId, WebFel> {
    text.parse().map_err(|_| WebFel::Saknas)
}

pub async fn visa(
    State(s): State<AppState>,
    i: Inloggad,
    Path(block): Path<String>,
) -> Result<Response, WebFel> {
    policy::krav(&i.anvandare, Atgard::LasaTextblock)?;
    ett(&s, &i, id(&block)?, None, None).await
}

/// Saves a change (`atgard=spara`), retires the block (`avveckla`) or takes it back
/// into use (`ta_i_bruk`): each a new version.
pub async fn andra(
    State(s): State<AppState>,
    i: Inloggad,
    Path(block): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    policy::krav(&i.anvandare, Atgard::AdministreraTextblock)?;
    let id = id(&block)?;
    let org = s.store.organisation();
    let kommun = i.anvandare.kommun;
    let tillbaka = Redirect::to(&format!("/textblock/{id}")).into_response();
    let avvecklad = match f.text("atgard").as_str() {
        "avveckla" => Some(true),
        "ta_i_bruk" => Some(false),
        _ => None,
    };
    if let Some(avvecklad) = avvecklad {
        return match org
            .avveckla_textblock(kommun, id, avvecklad, &i.aktor(), s.nu())
            .await
        {
            Ok(_) => Ok(tillbaka),
            Err(StoreError::Saknas) => Err(WebFel::Saknas),
            Err(StoreError::Konflikt(text)) => ett(&s, &i, id, None, Some(text)).await,
            Err(e) => Err(e.into()),
        };
    }
    let textblock = match las(&f) {
        Ok(b) => b,
        Err(fel) => {
            // Not the kommun's block: not there, whatever the form says.
            if org.textblock_versioner(kommun, id).await?.is_empty() {
                return Err(WebFel::Saknas);
            }
            return ett(&s, &i, id, Some((&f, &fel)), None).await;
        }
    };
    match org
        .spara_textblock(kommun, Some(id), &textblock, &i.aktor(), s.nu())
        .await
    {
        Ok(_) => Ok(tillbaka),
        Err(StoreError::Saknas) => Err(WebFel::Saknas),
        Err(StoreError::Konflikt(text)) => {
            ett(
                &s,
                &i,
                id,
                Some((
                    &f,
                    &[FaltFel {
                        falt: "titel",
                        text,
                    }],
                )),
                None,
            )
            .await
        }
        Err(e) => Err(e.into()),
    }
}
