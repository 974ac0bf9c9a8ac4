//! Staff login with a local account (argon2id), server-side sessions and CSRF tokens.

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lots_store::{Aktor, Anvandare};
use rand::RngCore;
use sha2::{Digest, Sha256};
use time::Duration;

use crate::AppState;
use crate::fel::WebFel;
use crate::formular::Formular;

const COOKIE: &str = "lots_session";
/// Idle and absolute session limits.
const TOMGANG: Duration = Duration::minutes(30);
const LIVSLANGD: Duration = Duration::hours(10);

pub fn hasha_losenord(losenord: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(losenord.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

fn slumptext() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

fn session_id(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|del| del.trim().split_once('='))
        .find(|(namn, _)| *namn == COOKIE)
        .map(|(_, varde)| varde.to_owned())
}

/// The logged-in staff member behind a request.
#[derive(Debug, Clone)]
pub struct Inloggad {
    pub anvandare: Anvandare,
    pub csrf: String,
    /// The session's id (the hash of its token): reasons stated for inre sekretess hold for it.
    pub session: String,
}

impl Inloggad {
    pub fn aktor(&self) -> Aktor {
        Aktor {
            id: self.anvandare.id,
            kommun: self.anvandare.kommun,
            enhet: self.anvandare.enhet,
            roll: self.anvandare.roll,
        }
    }

    /// Every state-changing form carries the session's token.
    pub fn kontrollera_csrf(&self, f: &Formular) -> Result<(), WebFel> {
        match f.get("_csrf") {
            Some(t) if t == self.csrf => Ok(()),
            _ => Err(WebFel::Ogiltig(
                "Formuläret har gått ut. Gå tillbaka, ladda om sidan och försök igen.".into(),
            )),
        }
    }
}

impl FromRequestParts<AppState> for Inloggad {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let token = cookie_token(&parts.headers).ok_or(WebFel::EjInloggad)?;
        let id = session_id(&token);
        let session = s.store.session(&id).await?.ok_or(WebFel::EjInloggad)?;
        let nu = s.nu();
        if !session.anvandare.aktiv
            || nu - session.senast > TOMGANG
            || nu - session.skapad > LIVSLANGD
        {
            s.store.ta_bort_session(&id).await?;
            return Err(WebFel::EjInloggad);
        }
        if nu - session.senast > Duration::minutes(1) {
            s.store.rora_session(&id, nu).await?;
        }
        Ok(Inloggad {
            anvandare: session.anvandare,
            csrf: session.csrf,
            session: id,
        })
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "logga_in.html")]
pub struct InloggningSida {
    pub anvandarnamn: String,
    pub fel: Option<&'static str>,
}

pub async fn inloggning() -> InloggningSida {
    InloggningSida {
        anvandarnamn: String::new(),
        fel: None,
    }
}

pub async fn logga_in(State(s): State<AppState>, f: Formular) -> Result<Response, WebFel> {
    let anvandarnamn = f.get("anvandarnamn").unwrap_or_default().trim().to_owned();
    let losenord = f.get("losenord").unwrap_or_default();
    let anvandare = s.store.anvandare_med_namn(&anvandarnamn).await?;
    let ok = match &anvandare {
        Some(a) if a.aktiv => {
            let hash = a.losenord.clone();
            let losenord = losenord.to_owned();
            // Verification is deliberately slow: keep it off the async workers.
            tokio::task::spawn_blocking(move || {
                Argon2::default()
                    .verify_password(losenord.as_bytes(), hash.as_str())
                    .is_ok()
            })
            .await
            .unwrap_or(false)
        }
        _ => false,
    };
    let Some(anvandare) = anvandare.filter(|_| ok) else {
        let sida = InloggningSida {
            anvandarnamn,
            fel: Some("Fel användarnamn eller lösenord."),
        };
        return Ok((StatusCode::UNAUTHORIZED, sida).into_response());
    };
    // A new session id at every login (no session fixation).
    if let Some(gammal) = cookie_token(f.headers()) {
        s.store.ta_bort_session(&session_id(&gammal)).await?;
    }
    let token = slumptext();
    s.store
        .skapa_session(&session_id(&token), anvandare.id, &slumptext(), s.nu())
        .await?;
    tracing::info!(anvandare = %anvandare.id, "login");
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let cookie = format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}");
    let mut res = Redirect::to("/").into_response();
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        res.headers_mut().insert(header::SET_COOKIE, v);
    }
    Ok(res)
}

pub async fn logga_ut(
    State(s): State<AppState>,
    inloggad: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    inloggad.kontrollera_csrf(&f)?;
    if let Some(token) = cookie_token(f.headers()) {
        s.store.ta_bort_session(&session_id(&token)).await?;
    }
    let mut res = Redirect::to("/logga-in").into_response();
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("lots_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(res)
}
