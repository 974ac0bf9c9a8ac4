//! Nothing typed is lost (issue 20, item 1). A handläggare writes a journal entry or a
//! motivering for longer than the session lives; the POST arrives after it ended. Instead of
//! the login page and a lost text, the form is kept in the database for that user (checked
//! by the ended session's own CSRF token, so no one else can plant a form for them), the
//! login page says so, and after the next login the user is taken to it: a step's form comes
//! back filled, anything else is shown so it can be copied. It is kept a few hours at most
//! (`lots_store::SPARAS`) and deleted when taken up.
//!
//! A long text can also be saved on purpose, as a draft (utkast): the step forms of the
//! journal, the utredning's life areas and bedömning and the decision have a second button,
//! "Spara utkast", that keeps the form for its writer and that page without validating it or
//! recording anything in the case. The form shows its writer's drafts to restore or delete;
//! taking the step from a restored draft deletes it. Drafts are kept
//! `lots_store::UTKAST_SPARAS` and only ever read for their writer, and restoring one is
//! opening the step's form: the case's access check comes first.

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use std::collections::HashMap;

use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::arende::KommandoTyp;
use lots_domain::ids::{AnvandarId, ArendeId};
use lots_store::{Slag, Utkastsvar};

use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::policy::{self, ArendeResurs, Atgard};
use crate::sidor::{Sida, arendepost};
use crate::visning::lokal_tid;

/// Who the ended session belonged to, and its CSRF token: set on the response that sends the
/// browser to the login page.
#[derive(Debug, Clone)]
pub struct Utgangen {
    pub kommun: lots_domain::ids::KommunId,
    pub anvandare: AnvandarId,
    pub csrf: String,
}

/// The largest form kept: far above any form of Lots (uploads are multipart and not kept).
const STORSTA: usize = 1024 * 1024;

/// Keeps a form posted after its session ended. Only a url-encoded staff form with a known
/// length is buffered; anything else passes untouched.
pub async fn behall(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let url_kodad = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/x-www-form-urlencoded"));
    let langd = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    let sokvag = req.uri().path().to_owned();
    if req.method() != Method::POST
        || !url_kodad
        || langd.is_none_or(|l| l > STORSTA)
        || sokvag.starts_with("/mina-sidor")
        || sokvag.starts_with("/logga-in")
        // The warning's "stay logged in" is no form anyone typed.
        || sokvag.starts_with("/session/")
    {
        return next.run(req).await;
    }
    let (delar, kropp) = req.into_parts();
    let Ok(byte) = axum::body::to_bytes(kropp, STORSTA).await else {
        return WebFel::Ogiltig("Formuläret kunde inte läsas.".into()).into_response();
    };
    let res = next
        .run(Request::from_parts(delar, Body::from(byte.clone())))
        .await;
    let Some(u) = res.extensions().get::<Utgangen>().cloned() else {
        return res;
    };
    let par: Vec<(String, String)> = match serde_urlencoded::from_bytes(&byte) {
        Ok(p) => p,
        Err(_) => return res,
    };
    // Only the session's own form: a page from before it ended carries its token.
    if !par.iter().any(|(n, v)| n == "_csrf" && *v == u.csrf) {
        return res;
    }
    let falt: Vec<(String, String)> = par.into_iter().filter(|(n, _)| n != "_csrf").collect();
    // "Spara utkast" after the session ended: kept for the step's own form, which comes back
    // filled, to save as a draft again or take the step.
    let sokvag = sokvag
        .strip_suffix("/utkast")
        .filter(|p| kan_aterstallas(p))
        .map_or(sokvag.clone(), str::to_owned);
    match s
        .store
        .inloggning()
        .spara_formular(u.kommun, u.anvandare, &sokvag, &falt, s.nu())
        .await
    {
        Ok(_) => {
            tracing::info!(anvandare = %u.anvandare, "form kept across an ended session");
            let mut res = Redirect::to("/logga-in?sparat=1").into_response();
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            res
        }
        Err(e) => {
            tracing::error!(error = %e, "a form could not be kept");
            res
        }
    }
}

/// Whether a kept form can come back filled in: a step's own form does.
pub fn kan_aterstallas(sokvag: &str) -> bool {
    let delar: Vec<&str> = sokvag.split('/').collect();
    matches!(delar.as_slice(), ["", "arenden", _, "steg", steg] if *steg != "dokument")
}

/// The steps whose form has a long text worth a draft (issue 20, item 1): the journal
/// entry, a life area of the utredning and its bedömning, and the decision with its
/// motivering.
pub fn har_utkast(typ: KommandoTyp) -> bool {
    matches!(
        typ,
        KommandoTyp::SkrivJournal
            | KommandoTyp::SkrivUtredningsavsnitt
            | KommandoTyp::BedomGrundutredning
            | KommandoTyp::FattaBeslut
    )
}

/// The hidden field of a form restored from a draft: that draft's id. Saved again as a draft,
/// it is that draft updated; taken as the step, that draft is deleted.
pub const UTKAST_FALT: &str = "_utkast";

/// The most a draft holds, names and values together: every long text of the largest form
/// (the decision) at its limit (`formular::TEXT`), with room to spare. Only a crafted
/// request meets it.
const UTKAST_STORSTA: usize = 256 * 1024;
/// The most fields a draft holds: more than any step's form has.
const UTKAST_FLEST: usize = 200;

/// The page a step's form is at, and so where its drafts belong.
pub fn stegsokvag(arende: ArendeId, typ: KommandoTyp) -> String {
    format!("/arenden/{arende}/steg/{}", typ.kod())
}

/// The case and step of a draft's page.
fn las_stegsokvag(sokvag: &str) -> Option<(ArendeId, KommandoTyp)> {
    match sokvag.split('/').collect::<Vec<_>>().as_slice() {
        ["", "arenden", id, "steg", kod] => Some((id.parse().ok()?, KommandoTyp::fran_kod(kod)?)),
        _ => None,
    }
}

/// The drafts part of a step's form (`steg.html`).
pub struct Utkastdel {
    /// The draft the form was restored from, carried in `UTKAST_FALT`.
    pub fran: Option<String>,
    /// The user's other drafts of this form: (id, when saved).
    pub andra: Vec<(String, String)>,
    /// Where "Spara utkast" posts the form.
    pub action: String,
}

/// "Spara utkast": keeps the step's form as it is for its writer. Nothing is validated but
/// its size, and nothing happens in the case (no event, no step); the form comes back with
/// the draft restored and a word that it is kept.
pub async fn spara_utkast(
    State(s): State<AppState>,
    i: Inloggad,
    Path((id, steg)): Path<(String, String)>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let typ = KommandoTyp::fran_kod(&steg)
        .filter(|t| har_utkast(*t))
        .ok_or(WebFel::Saknas)?;
    // The step's own access check: a draft is kept only where the user may take the step.
    let (typ, k) = crate::sidor::steg::steg_kontext(&s, &i, &id, typ.kod()).await?;
    let arende = k.rad.as_ref().map(|r| r.id).ok_or(WebFel::Saknas)?;
    let sokvag = stegsokvag(arende, typ);
    let falt: Vec<(String, String)> = f
        .par()
        .iter()
        .filter(|(n, _)| n != "_csrf" && n != UTKAST_FALT)
        .cloned()
        .collect();
    let storlek: usize = falt.iter().map(|(n, v)| n.len() + v.len()).sum();
    let visa = |text: String, status: StatusCode| {
        crate::sidor::steg::visa_formular(
            &i,
            &k,
            typ,
            None,
            &f,
            &[],
            Some(text),
            None,
            Some(status),
        )
    };
    if falt.len() > UTKAST_FLEST || storlek > UTKAST_STORSTA {
        return Ok(visa(
            crate::texter::t("utkast-for_stort"),
            StatusCode::PAYLOAD_TOO_LARGE,
        ));
    }
    match s
        .store
        .inloggning()
        .spara_utkast(
            i.anvandare.kommun,
            i.anvandare.id,
            &sokvag,
            &falt,
            f.get(UTKAST_FALT),
            s.nu(),
        )
        .await?
    {
        Utkastsvar::Sparat(utkast) => {
            tracing::info!(anvandare = %i.anvandare.id, arende = %arende, "draft saved");
            Ok(Redirect::to(&format!("{sokvag}?utkast={utkast}&sparat=1")).into_response())
        }
        Utkastsvar::ForManga => Ok(visa(
            crate::texter::f(
                "utkast-for_manga",
                &[("antal", &lots_store::UTKAST_PER_ANVANDARE.to_string())],
            ),
            StatusCode::CONFLICT,
        )),
    }
}

/// Deletes one of the user's kept forms or drafts. Another user's, or one already gone, is
/// not there: nothing happens, and nothing says whether it existed. No access to the case
/// is needed to delete what one wrote oneself.
pub async fn ta_bort(
    State(s): State<AppState>,
    i: Inloggad,
    Path(id): Path<String>,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let borta = s
        .store
        .inloggning()
        .ta_bort_sparat(i.anvandare.kommun, &id, i.anvandare.id)
        .await?;
    let till = match borta {
        // Back to the step's form it was deleted from.
        Some(x) if f.get("till") == Some("formular") && las_stegsokvag(&x.sokvag).is_some() => {
            format!("{}?borttaget=1", x.sokvag)
        }
        Some(x) if x.slag == Slag::Utkast => "/sparade-formular?borttaget=utkast".into(),
        Some(_) => "/sparade-formular?borttaget=formular".into(),
        None => "/sparade-formular".into(),
    };
    Ok(Redirect::to(&till).into_response())
}

pub struct Kort {
    pub id: String,
    pub nar: String,
    pub lank: Option<String>,
    pub falt: Vec<(String, String)>,
}

/// A draft in the user's list.
pub struct Utkastkort {
    pub id: String,
    /// The step, and whose case when the user may open it now.
    pub rubrik: String,
    pub nar: String,
    pub lank: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "sparade_formular.html")]
pub struct SparadeSida {
    pub sida: Sida,
    pub notis: Option<String>,
    pub formular: Vec<Kort>,
    pub utkast: Vec<Utkastkort>,
}

/// The user's kept forms, after the login that follows an ended session, and their drafts.
pub async fn lista(
    State(s): State<AppState>,
    i: Inloggad,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    let nu = s.nu();
    let alla = s
        .store
        .inloggning()
        .sparade_formular(i.anvandare.kommun, i.anvandare.id, nu)
        .await?;
    let mut formular = vec![];
    let mut utkast = vec![];
    let mut loggade = vec![];
    for f in alla.into_iter().rev() {
        match f.slag {
            Slag::Utgangen => formular.push(Kort {
                nar: lokal_tid(f.skapad),
                lank: kan_aterstallas(&f.sokvag)
                    .then(|| format!("{}?aterstall={}", f.sokvag, f.id)),
                id: f.id,
                // The typed text, to copy where the form cannot come back by itself (not the
                // form's own hidden fields, such as the draft it came from).
                falt: f
                    .falt
                    .into_iter()
                    .filter(|(n, v)| !v.trim().is_empty() && !n.starts_with('_'))
                    .collect(),
            }),
            Slag::Utkast => {
                let Some((arende, typ)) = las_stegsokvag(&f.sokvag) else {
                    continue;
                };
                // Whose case it is, only where the user may read that case now; that is
                // logged as a read. The draft's text is shown only on its form, behind the
                // case's own check.
                let vem = match s.store.arenden().arende(i.anvandare.kommun, arende).await? {
                    Some((rad, _))
                        if policy::far(
                            &i.anvandare,
                            Atgard::LasaArende(ArendeResurs::av(&rad)),
                        ) =>
                    {
                        loggade.push(arendepost(&i, "sparade_formular.lista", &rad));
                        rad.person_namn
                    }
                    _ => crate::texter::t("utkast-okant_arende"),
                };
                utkast.push(Utkastkort {
                    rubrik: crate::texter::f("utkast-kort", &[("steg", typ.namn()), ("vem", &vem)]),
                    nar: crate::texter::f(
                        "utkast-sparat_nar",
                        &[
                            ("tid", &lokal_tid(f.skapad)),
                            ("datum", &datum(f.slag.upphor(f.skapad))),
                        ],
                    ),
                    lank: format!("{}?utkast={}", f.sokvag, f.id),
                    id: f.id,
                });
            }
        }
    }
    if !loggade.is_empty() {
        s.store
            .granskning()
            .logga_lasning(&i.aktor(), &loggade, nu)
            .await?;
    }
    let notis = match q.get("borttaget").map(String::as_str) {
        Some("utkast") => Some(crate::texter::t("utkast-borttaget")),
        Some("formular") => Some(crate::texter::t("sparat-borttaget")),
        _ => None,
    };
    Ok(SparadeSida {
        sida: Sida::av(&i),
        notis,
        formular,
        utkast,
    }
    .into_response())
}

/// A day as Swedish local date.
pub fn datum(t: time::OffsetDateTime) -> String {
    lots_domain::tid::svensk_dag(t).to_string()
}
