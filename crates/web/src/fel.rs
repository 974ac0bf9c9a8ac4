//! One mapping from error to HTTP response (DESIGN.md, Web; STYLE.md 3).

use askama::Template;
use askama_web::WebTemplate;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use lots_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum WebFel {
    #[error("not logged in")]
    EjInloggad,
    /// The staff member's session ended (idle too long, or too old): like `EjInloggad`, but
    /// the form they were posting can be kept for them (`crate::sparat`).
    #[error("session ended")]
    SessionUtgangen(crate::sparat::Utgangen),
    /// Not logged in to Mina sidor (another login than the staff one).
    #[error("not logged in to Mina sidor")]
    MinaSidorEjInloggad,
    /// Logged in to Mina sidor, but whose matters to show is not chosen yet.
    #[error("Mina sidor: choose whose matters")]
    MinaSidorValj,
    #[error("forbidden: {0}")]
    Nekad(String),
    /// The case is outside the user's enhet: they may open it by stating a reason.
    #[error("a reason is required")]
    KraverSkal(lots_domain::ids::ArendeId),
    #[error("not found")]
    Saknas,
    #[error("bad request: {0}")]
    Ogiltig(String),
    #[error("too many requests: {0}")]
    ForMangaForsok(String),
    #[error("internal error")]
    Intern(#[from] StoreError),
}

#[derive(Template, WebTemplate)]
#[template(path = "fel.html")]
struct FelSida {
    rubrik: String,
    text: String,
}

/// What went wrong, kept on the error response so that Mina sidor can show it
/// in its own words and frame (`mina_sidor::felsida`).
#[derive(Debug, Clone, Copy)]
pub enum Felslag {
    Nekad,
    Saknas,
    Ogiltig,
    ForMangaForsok,
    Intern,
}

impl IntoResponse for WebFel {
    fn into_response(self) -> Response {
        let slag = match &self {
            WebFel::Nekad(_) => Felslag::Nekad,
            WebFel::Saknas => Felslag::Saknas,
            WebFel::Ogiltig(_) => Felslag::Ogiltig,
            WebFel::ForMangaForsok(_) => Felslag::ForMangaForsok,
            _ => Felslag::Intern,
        };
        use crate::texter::t;
        let (status, rubrik, text) = match self {
            WebFel::EjInloggad => return Redirect::to("/logga-in").into_response(),
            WebFel::SessionUtgangen(u) => {
                let mut res = Redirect::to("/logga-in").into_response();
                res.extensions_mut().insert(u);
                return res;
            }
            WebFel::MinaSidorEjInloggad => {
                return Redirect::to("/mina-sidor/logga-in").into_response();
            }
            WebFel::MinaSidorValj => return Redirect::to("/mina-sidor/valj").into_response(),
            WebFel::KraverSkal(id) => {
                return Redirect::to(&format!("/arenden/{id}/atkomst")).into_response();
            }
            WebFel::Nekad(text) => (StatusCode::FORBIDDEN, t("fel-nekad"), text),
            WebFel::Saknas => (StatusCode::NOT_FOUND, t("fel-saknas"), t("fel-saknas_text")),
            WebFel::Ogiltig(text) => (StatusCode::BAD_REQUEST, t("fel-ogiltig"), text),
            WebFel::ForMangaForsok(text) => {
                (StatusCode::TOO_MANY_REQUESTS, t("fel-for_manga"), text)
            }
            WebFel::Intern(e) => {
                // The cause is logged, never shown: no SQL or stack trace reaches a user.
                tracing::error!(error = ?e, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    t("fel-intern"),
                    t("fel-intern_text"),
                )
            }
        };
        let mut res = (
            status,
            FelSida {
                rubrik,
                text: text.clone(),
            },
        )
            .into_response();
        res.extensions_mut().insert((slag, text));
        res
    }
}

pub async fn saknas() -> WebFel {
    WebFel::Saknas
}

#[derive(Template, WebTemplate)]
#[template(path = "fel_meny.html")]
struct FelSidaMedMeny {
    sida: crate::sidor::Sida,
    rubrik: String,
    text: String,
}

/// A staff member who meets an error page keeps the menu (issue 20, item 7): the way on is
/// one click, not the browser's back button. The session is read again only when an error
/// came back; without a session the plain page stands.
pub async fn med_meny(
    axum::extract::State(s): axum::extract::State<crate::AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    use axum::extract::FromRequestParts;
    if req.uri().path().starts_with("/mina-sidor") {
        return next.run(req).await;
    }
    let huvuden = req.headers().clone();
    let res = next.run(req).await;
    let Some((slag, text)) = res.extensions().get::<(Felslag, String)>().cloned() else {
        return res;
    };
    let (mut delar, ()) = axum::http::Request::new(()).into_parts();
    delar.headers = huvuden;
    let Ok(i) = crate::auth::Inloggad::from_request_parts(&mut delar, &s).await else {
        return res;
    };
    let rubrik = crate::texter::t(match slag {
        Felslag::Nekad => "fel-nekad",
        Felslag::Saknas => "fel-saknas",
        Felslag::Ogiltig => "fel-ogiltig",
        Felslag::ForMangaForsok => "fel-for_manga",
        Felslag::Intern => "fel-intern",
    });
    let mut ny = (
        res.status(),
        FelSidaMedMeny {
            sida: crate::sidor::Sida::av(&i),
            rubrik,
            text,
        },
    )
        .into_response();
    for (namn, varde) in res.headers() {
        if namn != axum::http::header::CONTENT_TYPE && namn != axum::http::header::CONTENT_LENGTH {
            ny.headers_mut().insert(namn.clone(), varde.clone());
        }
    }
    ny.extensions_mut().insert((slag, String::new()));
    ny
}
