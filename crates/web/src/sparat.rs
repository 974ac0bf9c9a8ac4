//! Nothing typed is lost (issue 20, item 1). A handläggare writes a journal entry or a
//! motivering for longer than the session lives; the POST arrives after it ended. Instead of
//! the login page and a lost text, the form is kept in the database for that user (checked
//! by the ended session's own CSRF token, so no one else can plant a form for them), the
//! login page says so, and after the next login the user is taken to it: a step's form comes
//! back filled, anything else is shown so it can be copied. It is kept a few hours at most
//! (`lots_store::SPARAS`) and deleted when taken up.

use askama::Template;
use askama_web::WebTemplate;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use lots_domain::ids::AnvandarId;

use crate::AppState;
use crate::auth::Inloggad;
use crate::fel::WebFel;
use crate::sidor::Sida;

/// Who the ended session belonged to, and its CSRF token: set on the response that sends the
/// browser to the login page.
#[derive(Debug, Clone)]
pub struct Utgangen {
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
    match s
        .store
        .inloggning()
        .spara_formular(u.anvandare, &sokvag, &falt, s.nu())
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

pub struct Kort {
    pub nar: String,
    pub lank: Option<String>,
    pub falt: Vec<(String, String)>,
}

#[derive(Template, WebTemplate)]
#[template(path = "sparade_formular.html")]
pub struct SparadeSida {
    pub sida: Sida,
    pub formular: Vec<Kort>,
}

/// The user's kept forms, after the login that follows an ended session.
pub async fn lista(State(s): State<AppState>, i: Inloggad) -> Result<Response, WebFel> {
    let formular = s
        .store
        .inloggning()
        .sparade_formular(i.anvandare.id, s.nu())
        .await?
        .into_iter()
        .map(|f| Kort {
            nar: crate::visning::lokal_tid(f.skapad),
            lank: kan_aterstallas(&f.sokvag).then(|| format!("{}?aterstall={}", f.sokvag, f.id)),
            // The typed text, to copy where the form cannot come back by itself.
            falt: f
                .falt
                .into_iter()
                .filter(|(_, v)| !v.trim().is_empty())
                .collect(),
        })
        .collect();
    Ok(SparadeSida {
        sida: Sida::av(&i),
        formular,
    }
    .into_response())
}
