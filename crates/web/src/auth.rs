//! Staff login: a local account (argon2id password, then a TOTP code) or the
//! municipality's OpenID Connect provider; server-side sessions; CSRF tokens;
//! lockout and rate limits.
//!
//! A session is created at the password step but is only "half logged in"
//! (`steg` 'kod' or 'registrering') until the second factor is given: such a
//! session opens the code or setup page and nothing else. Completing the login
//! replaces it with a new session id (no session fixation).

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::OnceLock;

use argon2::Argon2;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Query, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use hmac::{Hmac, Mac};
use lots_domain::ids::{AnvandarId, KommunId};
use lots_store::{Aktor, Anvandare, OidcForfragan, Session};
use rand::RngCore;
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::AppState;
use crate::begransning::{Begransare, KlientIp, Sparrregler, minuter};
use crate::fel::WebFel;
use crate::formular::Formular;
use crate::oidc::{Leverantorer, OidcKlient, SvarFel};
use crate::tvafaktor;

const COOKIE: &str = "lots_session";
const OIDC_COOKIE: &str = "lots_oidc";
/// The pre-session cookie the login forms' CSRF token is derived from: a login
/// form must come from our own page, or a site could log a victim in to an
/// attacker's account (login CSRF, OWASP CSRF Prevention Cheat Sheet).
const FORE_COOKIE: &str = "lots_fore";
/// A device's proof that a user has logged in on it before (OWASP, "Slow Down
/// Online Guessing Attacks with Device Cookies").
const ENHET_COOKIE: &str = "lots_enhet";
/// How long a device stays known after a completed login.
const ENHET_LIVSLANGD: Duration = Duration::days(90);
/// Idle and absolute session limits. The idle limit is the default of
/// `Inloggningsregler::tomgang` (configurable: `inloggning.tomgang_sekunder`).
pub const TOMGANG: Duration = Duration::minutes(30);
const LIVSLANGD: Duration = Duration::hours(10);
/// How long before the idle limit the page's script warns (`static/session.js`): long
/// enough to notice and answer (WCAG 2.2.1 asks for at least 20 seconds), and a third of a
/// short limit, so a test server's half-minute sessions still have a warning before they end.
const VARNING_FORE: Duration = Duration::minutes(5);
/// A half-logged-in session, and a pending OpenID Connect login, must finish within this.
const HALV_LIVSLANGD: Duration = Duration::minutes(10);

/// The login steps a session can be at.
pub mod steg {
    pub const KLAR: &str = "klar";
    pub const KOD: &str = "kod";
    pub const REGISTRERING: &str = "registrering";
}

/// Whether local accounts must use TOTP.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotpKrav {
    /// Every local account: set up at the first login, then asked for at every login.
    Kravs,
    /// Only accounts that have set it up (tests, demo).
    Frivillig,
}

/// Login through the municipality's identity provider.
#[derive(Debug)]
pub struct OidcInloggning {
    pub klient: OidcKlient,
    /// The claim that holds what `anvandare.oidc_subjekt` is matched with: `sub` (default), `email` or `preferred_username`.
    pub claim: String,
}

/// Login policy and its state, shared by the handlers.
#[derive(Debug)]
pub struct Inloggningsregler {
    pub totp: TotpKrav,
    pub sparr: Sparrregler,
    /// Login attempts (password and code) per client address.
    pub per_ip: Begransare<IpAddr>,
    /// Person searches per user.
    pub sok: Begransare<AnvandarId>,
    /// Synpunkter och klagomål sent per client address, logged in or not (issue 19 item 4).
    pub synpunkter: Begransare<String>,
    /// Trust the last X-Forwarded-For address (only behind our own reverse proxy).
    pub ip_fran_proxy: bool,
    /// The identity provider of each kommun served, or one for all (issue 18 item 8).
    pub oidc: Leverantorer<OidcInloggning>,
    /// Mina sidor's own login: eID, or the demo's test login.
    pub medborgare: crate::mina_sidor::MedborgarInloggning,
    /// A staff session ends after this long without a request (`TOMGANG` unless configured).
    pub tomgang: Duration,
    /// The key device cookies are signed with (LOTS_INLOGGNING_NYCKEL; random
    /// per process when not configured, so devices are then known until a restart).
    pub enhetsnyckel: Vec<u8>,
}

impl Inloggningsregler {
    /// Production defaults: TOTP required, lock after 5 failures, 60 login attempts
    /// a minute per address (a whole office may share one), 30 searches a minute per user.
    pub fn standard() -> Self {
        Self {
            totp: TotpKrav::Kravs,
            sparr: Sparrregler::default(),
            per_ip: Begransare::ny(60, Duration::minutes(1)),
            sok: Begransare::ny(30, Duration::minutes(1)),
            // Ten an hour per address: more than a person writes, few enough that a
            // flood of text cannot bury the complaints that matter.
            synpunkter: Begransare::ny(10, Duration::hours(1)),
            ip_fran_proxy: false,
            oidc: Leverantorer::default(),
            medborgare: Default::default(),
            tomgang: TOMGANG,
            enhetsnyckel: slumptext().into_bytes(),
        }
    }

    /// How long before the session ends without a request the page warns.
    pub fn varning_fore(&self) -> Duration {
        VARNING_FORE.min(self.tomgang / 3)
    }

    /// NIST SP 800-63B-4 3.1.1.2: 8 characters when the password is one of two factors, else 15.
    pub fn min_losenordslangd(&self) -> usize {
        match self.totp {
            TotpKrav::Kravs => 8,
            TotpKrav::Frivillig => 15,
        }
    }
}

pub fn hasha_losenord(losenord: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(losenord.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| e.to_string())
}

/// Verifies off the async workers: argon2id is deliberately slow.
pub async fn verifiera_losenord(losenord: &str, hash: &str) -> bool {
    let (losenord, hash) = (losenord.to_owned(), hash.to_owned());
    tokio::task::spawn_blocking(move || {
        Argon2::default()
            .verify_password(losenord.as_bytes(), hash.as_str())
            .is_ok()
    })
    .await
    .unwrap_or(false)
}

/// A hash no password matches, verified for unknown or inactive users so that
/// the answer takes as long as for a real one (no user enumeration by timing).
async fn attrapphash() -> &'static str {
    static H: OnceLock<String> = OnceLock::new();
    if let Some(h) = H.get() {
        return h;
    }
    let h = tokio::task::spawn_blocking(|| hasha_losenord(&slumptext()).unwrap_or_default())
        .await
        .unwrap_or_default();
    H.get_or_init(|| h)
}

pub(crate) fn slumptext() -> String {
    let mut b = [0u8; 32];
    rand::rng().fill_bytes(&mut b);
    hex::encode(b)
}

pub(crate) fn session_id(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

pub(crate) fn kaka(headers: &HeaderMap, namn: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|del| del.trim().split_once('='))
        .find(|(n, _)| *n == namn)
        .map(|(_, varde)| varde.to_owned())
}

fn cookie_token(headers: &HeaderMap) -> Option<String> {
    kaka(headers, COOKIE)
}

/// Failed attempts are counted per user name, existing or not, case-folded.
/// Only a hash of the name is stored (issue 12, item 6): a failed login by
/// anyone on the internet leaves no text of theirs in the database, and the key
/// is 64 characters whatever was typed. The kommun is part of the key: a user name
/// is unique within its kommun only (issue 18 item 8), and one kommun's "anna.s"
/// must not lock out another's.
pub(crate) fn forsoksnyckel(kommun: KommunId, anvandarnamn: &str) -> String {
    let mut h = Sha256::new();
    h.update(b"lots-inloggningsforsok\0");
    h.update(kommun.to_string().as_bytes());
    h.update(b"\0");
    h.update(anvandarnamn.trim().to_lowercase().as_bytes());
    hex::encode(h.finalize())
}

fn enhetsstampel(nyckel: &[u8], anvandare: AnvandarId, utgang: i64) -> String {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(nyckel).expect("HMAC takes any key length");
    m.update(b"lots-enhet\0");
    m.update(anvandare.to_string().as_bytes());
    m.update(b"\0");
    m.update(utgang.to_string().as_bytes());
    hex::encode(m.finalize().into_bytes())
}

/// The token a login form carries: an HMAC of the pre-session cookie with a key
/// outside the browser (signed double-submit), so a cookie planted from a
/// sibling domain does not give a matching field.
fn inloggningstoken(nyckel: &[u8], kaka: &str) -> String {
    let mut m = <Hmac<Sha256> as Mac>::new_from_slice(nyckel).expect("HMAC takes any key length");
    m.update(b"lots-inloggning-csrf\0");
    m.update(kaka.as_bytes());
    hex::encode(m.finalize().into_bytes())
}

fn giltig_forekaka(headers: &HeaderMap) -> Option<String> {
    kaka(headers, FORE_COOKIE).filter(|k| k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The token for a login form on this page, and the pre-session cookie to set
/// when the browser has none yet (HttpOnly, SameSite=Lax, the whole site: the
/// staff and Mina sidor login forms share it).
pub(crate) fn forinloggning(s: &AppState, headers: &HeaderMap) -> (String, Option<String>) {
    match giltig_forekaka(headers) {
        Some(k) => (inloggningstoken(&s.inloggning.enhetsnyckel, &k), None),
        None => {
            let k = slumptext();
            let secure = if s.saker_cookie { "; Secure" } else { "" };
            (
                inloggningstoken(&s.inloggning.enhetsnyckel, &k),
                Some(format!(
                    "{FORE_COOKIE}={k}; Path=/; HttpOnly; SameSite=Lax{secure}"
                )),
            )
        }
    }
}

/// Whether a login form came with the token of this browser's pre-session cookie.
pub(crate) fn forinloggning_giltig(s: &AppState, f: &Formular) -> bool {
    match (giltig_forekaka(f.headers()), f.get("_csrf")) {
        (Some(k), Some(t)) => lika(
            inloggningstoken(&s.inloggning.enhetsnyckel, &k).as_bytes(),
            t.as_bytes(),
        ),
        _ => false,
    }
}

/// The refusal of a login form without a valid token, in Swedish.
pub(crate) const FORE_FEL: &str = "Inloggningsformuläret har gått ut eller skickades inte från Lots egen sida. Ladda om sidan och logga in igen.";

/// Equal, in time that does not depend on where they differ.
fn lika(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |x, (p, q)| x | (p ^ q)) == 0
}

/// The cookie that marks this browser as one `anvandare` has completed a login on.
fn enhetskaka(s: &AppState, anvandare: AnvandarId) -> String {
    let utgang = (s.nu() + ENHET_LIVSLANGD).unix_timestamp();
    let stampel = enhetsstampel(&s.inloggning.enhetsnyckel, anvandare, utgang);
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    format!(
        "{ENHET_COOKIE}={anvandare}.{utgang}.{stampel}; Path=/logga-in; HttpOnly; SameSite=Strict; Max-Age={}{secure}",
        ENHET_LIVSLANGD.whole_seconds()
    )
}

/// The key failed logins are counted under. Lockout by user name alone would let
/// anyone who knows a name keep its owner out; so a device the user has logged
/// in on before, proven by a signed, unexpired device cookie, counts its failures
/// apart and is not held by the name's lock, while every other device keeps the
/// per-name lock and slowdown (OWASP Authentication Cheat Sheet, device cookies).
pub(crate) fn forsoksnyckel_for(
    s: &AppState,
    headers: &HeaderMap,
    kommun: KommunId,
    anvandare: Option<&Anvandare>,
    anvandarnamn: &str,
) -> String {
    let kand = anvandare.and_then(|a| {
        let kaka = kaka(headers, ENHET_COOKIE)?;
        let mut delar = kaka.splitn(3, '.');
        let (id, utgang, stampel) = (delar.next()?, delar.next()?, delar.next()?);
        let utgang: i64 = utgang.parse().ok()?;
        let ratt = id == a.id.to_string()
            && utgang > s.nu().unix_timestamp()
            && lika(
                enhetsstampel(&s.inloggning.enhetsnyckel, a.id, utgang).as_bytes(),
                stampel.as_bytes(),
            );
        ratt.then_some(kaka)
    });
    match kand {
        Some(kaka) => forsoksnyckel(kommun, &format!("{anvandarnamn}\0enhet\0{kaka}")),
        None => forsoksnyckel(kommun, anvandarnamn),
    }
}

/// How long the name is still locked, if it is.
pub(crate) async fn sparrad(
    s: &AppState,
    nyckel: &str,
    nu: OffsetDateTime,
) -> Result<Option<Duration>, WebFel> {
    let f = s.store.inloggning().inloggningsforsok(nyckel).await?;
    Ok(f.sparrad_till.filter(|t| *t > nu).map(|t| t - nu))
}

/// Counts a failure; returns the lock it caused, if any.
pub(crate) async fn misslyckat(
    s: &AppState,
    nyckel: &str,
    nu: OffsetDateTime,
) -> Result<Option<Duration>, WebFel> {
    let n = s
        .store
        .inloggning()
        .registrera_misslyckat_forsok(nyckel, nu)
        .await?;
    match s.inloggning.sparr.sparrtid(n) {
        Some(tid) => {
            s.store
                .inloggning()
                .sparra_inloggning(nyckel, nu + tid)
                .await?;
            tracing::warn!(misslyckade = n, "login locked after repeated failures");
            Ok(Some(tid))
        }
        None => Ok(None),
    }
}

/// The same text whether or not the account exists.
pub(crate) fn sparrtext(tid: Duration) -> String {
    format!(
        "För många misslyckade inloggningsförsök. Inloggningen är spärrad i {}. Försök igen efter det, eller kontakta systemförvaltaren.",
        minuter(tid)
    )
}

fn for_manga_fran_ip(tid: Duration) -> String {
    format!(
        "För många inloggningsförsök från din dator på kort tid. Vänta {} och försök igen.",
        minuter(tid)
    )
}

/// Reads the session behind the request and enforces its time limits.
async fn las_session(headers: &HeaderMap, s: &AppState) -> Result<(String, Session), WebFel> {
    let token = cookie_token(headers).ok_or(WebFel::EjInloggad)?;
    let id = session_id(&token);
    let session = s
        .store
        .inloggning()
        .session(&id)
        .await?
        // A session of a kommun this server does not serve is none here (issue 18 item 8).
        .filter(|sess| s.betjanar(sess.anvandare.kommun))
        .ok_or(WebFel::EjInloggad)?;
    let nu = s.nu();
    let halv = session.steg != steg::KLAR;
    if !session.anvandare.aktiv
        || nu - session.senast > s.inloggning.tomgang
        || nu - session.skapad > LIVSLANGD
        || (halv && nu - session.skapad > HALV_LIVSLANGD)
    {
        s.store.inloggning().ta_bort_session(&id).await?;
        // A completed login that ended: the form being posted can wait for the next login.
        if !halv && session.anvandare.aktiv {
            return Err(WebFel::SessionUtgangen(crate::sparat::Utgangen {
                kommun: session.anvandare.kommun,
                anvandare: session.anvandare.id,
                csrf: session.csrf,
            }));
        }
        return Err(WebFel::EjInloggad);
    }
    // The last request is written at most once a minute (a tenth of a short idle limit).
    if nu - session.senast > Duration::minutes(1).min(s.inloggning.tomgang / 10) {
        s.store.inloggning().rora_session(&id, nu).await?;
        return Ok((
            id,
            Session {
                senast: nu,
                ..session
            },
        ));
    }
    Ok((id, session))
}

/// How long `session` lives from `nu` without another request: until the idle limit, or
/// the absolute one if that comes first.
fn kvar(s: &AppState, session: &Session, nu: OffsetDateTime) -> Duration {
    (s.inloggning.tomgang - (nu - session.senast))
        .min(LIVSLANGD - (nu - session.skapad))
        .max(Duration::ZERO)
}

/// The logged-in staff member behind a request. Only a completed login counts.
#[derive(Debug, Clone)]
pub struct Inloggad {
    pub anvandare: Anvandare,
    pub csrf: String,
    /// The session's id (the hash of its token): reasons stated for inre sekretess hold for it.
    pub(crate) session_id: String,
    id_token: Option<String>,
    /// The compact density chosen on this device (issue 20 item 6: wide screens).
    pub kompakt: bool,
    /// How long the session lives after this request without another, and how long before
    /// that the page warns (`static/session.js`).
    pub(crate) kvar: Duration,
    pub(crate) varning_fore: Duration,
    /// The absolute end of the session: no request keeps it alive past this.
    absolut_slut: OffsetDateTime,
}

/// The cookie that keeps the density chosen on a device: a display setting, not personal
/// data, and per device because it is the screen that is wide.
pub const TATHET: &str = "lots_tathet";

impl Inloggad {
    pub fn aktor(&self) -> Aktor {
        Aktor::from(&self.anvandare)
    }

    /// Every state-changing form carries the session's token.
    pub fn kontrollera_csrf(&self, f: &Formular) -> Result<(), WebFel> {
        kontrollera_csrf(&self.csrf, f)
    }
}

fn kontrollera_csrf(csrf: &str, f: &Formular) -> Result<(), WebFel> {
    match f.get("_csrf") {
        Some(t) if t == csrf => Ok(()),
        _ => Err(WebFel::Ogiltig(
            "Formuläret har gått ut. Gå tillbaka, ladda om sidan och försök igen.".into(),
        )),
    }
}

impl FromRequestParts<AppState> for Inloggad {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let (id, session) = las_session(&parts.headers, s).await?;
        if session.steg != steg::KLAR {
            return Err(WebFel::EjInloggad);
        }
        Ok(Inloggad {
            kvar: kvar(s, &session, s.nu()),
            varning_fore: s.inloggning.varning_fore(),
            absolut_slut: session.skapad + LIVSLANGD,
            anvandare: session.anvandare,
            csrf: session.csrf,
            session_id: id,
            id_token: session.id_token,
            kompakt: kaka(&parts.headers, TATHET).as_deref() == Some("kompakt"),
        })
    }
}

/// How long the session lives without another request, for `static/session.js` before it
/// warns: `{"kvar": seconds}`, 0 when there is no live session. Asking is not a request that
/// keeps the session alive (nothing is written), so a page left open does not keep itself
/// logged in, while work in another tab does, and the warning then waits.
pub async fn sessionens_tid(State(s): State<AppState>, headers: HeaderMap) -> Response {
    let kvar = match kvar_utan_att_rora(&s, &headers).await {
        Ok(k) => k,
        Err(e) => return e.into_response(),
    };
    axum::Json(serde_json::json!({ "kvar": kvar.whole_seconds() })).into_response()
}

async fn kvar_utan_att_rora(s: &AppState, headers: &HeaderMap) -> Result<Duration, WebFel> {
    let Some(token) = cookie_token(headers) else {
        return Ok(Duration::ZERO);
    };
    let session = s.store.inloggning().session(&session_id(&token)).await?;
    Ok(match session {
        Some(x) if x.anvandare.aktiv && x.steg == steg::KLAR => kvar(s, &x, s.nu()),
        _ => Duration::ZERO,
    })
}

/// "Fortsätt vara inloggad" in the warning (`static/session.js`): the session counts as
/// used now, up to its absolute end. Answers how long it lives now, as `sessionens_tid`.
pub async fn forlang_session(
    State(s): State<AppState>,
    i: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    i.kontrollera_csrf(&f)?;
    let nu = s.nu();
    s.store.inloggning().rora_session(&i.session_id, nu).await?;
    let kvar = s
        .inloggning
        .tomgang
        .min(i.absolut_slut - nu)
        .max(Duration::ZERO);
    Ok(axum::Json(serde_json::json!({ "kvar": kvar.whole_seconds() })).into_response())
}

/// Any live session, whatever its login step: for the code and setup pages.
pub(crate) struct SessionISteg {
    pub id: String,
    pub session: Session,
}

impl FromRequestParts<AppState> for SessionISteg {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        let (id, session) = las_session(&parts.headers, s).await?;
        Ok(SessionISteg { id, session })
    }
}

pub(crate) fn satt_kaka(res: &mut Response, varde: &str) {
    if let Ok(v) = HeaderValue::from_str(varde) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
}

/// A new session (new id) at `steg`, replacing the browser's old one, and the redirect to the next step.
pub(crate) async fn ny_session(
    s: &AppState,
    headers: &HeaderMap,
    anvandare: &Anvandare,
    steg_: &str,
    id_token: Option<&str>,
) -> Result<Response, WebFel> {
    if let Some(gammal) = cookie_token(headers) {
        s.store
            .inloggning()
            .ta_bort_session(&session_id(&gammal))
            .await?;
    }
    let token = slumptext();
    s.store
        .inloggning()
        .skapa_session_i_steg(
            &session_id(&token),
            anvandare.id,
            &slumptext(),
            s.nu(),
            steg_,
            id_token,
        )
        .await?;
    let mal = match steg_ {
        steg::KOD => "/logga-in/kod",
        steg::REGISTRERING => "/tvastegsverifiering",
        _ => {
            tracing::info!(anvandare = %anvandare.id, "login");
            // A completed login is in the audit log too: who was in, and when.
            s.store
                .granskning()
                .logga_lasning(
                    &Aktor::from(anvandare),
                    &[lots_store::Granskningspost::ny("inloggning")],
                    s.nu(),
                )
                .await?;
            // A form kept across the ended session waits: show it first (a draft waits
            // on its own form, and is listed under the user's drafts).
            if s.store
                .inloggning()
                .har_utgangna_formular(anvandare.kommun, anvandare.id, s.nu())
                .await?
            {
                "/sparade-formular"
            } else {
                "/"
            }
        }
    };
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let mut res = Redirect::to(mal).into_response();
    satt_kaka(
        &mut res,
        &format!("{COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}"),
    );
    if steg_ == steg::KLAR {
        satt_kaka(&mut res, &enhetskaka(s, anvandare.id));
    }
    Ok(res)
}

#[derive(Template, WebTemplate)]
#[template(path = "logga_in.html")]
pub struct InloggningSida {
    pub csrf: String,
    pub anvandarnamn: String,
    pub fel: Option<String>,
    /// Whether any kommun served logs in through an identity provider.
    pub oidc: bool,
    /// The kommuner served that have an identity provider, to choose between when the
    /// server serves more than one (issue 18 item 8).
    pub oidc_kommuner: Vec<lots_store::Kommun>,
    /// The session ended while a form was posted, and the form is kept.
    pub sparat: Option<String>,
    /// The kommuner to choose between, when the server serves more than one (issue 18
    /// item 8: a user name is unique within its kommun only); empty otherwise.
    pub kommuner: Vec<lots_store::Kommun>,
    /// The code of the kommun chosen.
    pub kommun: String,
}

/// Said when the server serves several kommuner and none (or one it does not serve) was chosen.
const VALJ_KOMMUN: &str = "Välj din kommun och försök igen.";
/// Said when the kommun chosen has no identity provider (neither its own nor one for all).
const INGEN_LEVERANTOR: &str = "Kommunen du valde har ingen inloggning via kommunens inloggningstjänst. Logga in med användarnamn och lösenord.";

async fn inloggningssida(
    s: &AppState,
    headers: &HeaderMap,
    status: StatusCode,
    (anvandarnamn, kommun): (&str, &str),
    fel: Option<&str>,
    sparat: Option<String>,
) -> Result<Response, WebFel> {
    let (csrf, ny_kaka) = forinloggning(s, headers);
    let mut kommuner = s.betjanade().await?;
    // Only the kommuner with a provider are offered one (issue 18 item 8).
    let oidc_kommuner: Vec<_> = kommuner
        .iter()
        .filter(|k| s.inloggning.oidc.for_kommun(&k.id).is_some())
        .cloned()
        .collect();
    if kommuner.len() < 2 {
        kommuner.clear();
    }
    let sida = InloggningSida {
        csrf,
        anvandarnamn: anvandarnamn.to_owned(),
        fel: fel.map(str::to_owned),
        oidc: !oidc_kommuner.is_empty(),
        oidc_kommuner,
        sparat,
        kommuner,
        kommun: kommun.to_owned(),
    };
    let mut res = (status, sida).into_response();
    if let Some(k) = ny_kaka {
        satt_kaka(&mut res, &k);
    }
    Ok(res)
}

pub async fn inloggning(
    State(s): State<AppState>,
    headers: HeaderMap,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> Result<Response, WebFel> {
    // Said after a form was kept across the ended session (`crate::sparat`).
    let sparat = q
        .contains_key("sparat")
        .then(|| crate::texter::t("sparat-logga_in"));
    let kommun = q.get("kommun").map(String::as_str).unwrap_or_default();
    inloggningssida(&s, &headers, StatusCode::OK, ("", kommun), None, sparat).await
}

/// The password step.
pub async fn logga_in(
    State(s): State<AppState>,
    KlientIp(ip): KlientIp,
    f: Formular,
) -> Result<Response, WebFel> {
    let anvandarnamn = f.text("anvandarnamn");
    let vald = f.text("kommun");
    let sida = |status: StatusCode, fel: String| {
        let (anvandarnamn, vald) = (anvandarnamn.clone(), vald.clone());
        let s = &s;
        let headers = f.headers();
        async move {
            inloggningssida(s, headers, status, (&anvandarnamn, &vald), Some(&fel), None).await
        }
    };
    // Before anything is counted or stored: a cross-site form is not a login attempt.
    if !forinloggning_giltig(&s, &f) {
        tracing::warn!("login form without a valid pre-session token refused");
        return sida(StatusCode::FORBIDDEN, FORE_FEL.into()).await;
    }
    let losenord = f.get("losenord").unwrap_or_default();
    let nu = s.nu();
    if let Err(tid) = s.inloggning.per_ip.forsok(&s.store, ip, nu).await? {
        tracing::warn!("login rate limit per address reached");
        return sida(StatusCode::TOO_MANY_REQUESTS, for_manga_fran_ip(tid)).await;
    }
    // A user name is unique within its kommun only (issue 18 item 8): the kommun
    // chosen, or the only one this server serves.
    let Some(kommun) = s.inloggningens_kommun(Some(&vald)).await? else {
        return sida(StatusCode::UNPROCESSABLE_ENTITY, VALJ_KOMMUN.into()).await;
    };
    let anvandare = s
        .store
        .organisation()
        .anvandare_med_namn(kommun.id, &anvandarnamn)
        .await?
        // An account not yet activated has no password: answered like an unknown
        // one, after the same slow check (no enumeration by timing).
        .filter(|a| a.aktiv && !a.losenord.is_empty());
    let nyckel = forsoksnyckel_for(
        &s,
        f.headers(),
        kommun.id,
        anvandare.as_ref(),
        &anvandarnamn,
    );
    if let Some(tid) = sparrad(&s, &nyckel, nu).await? {
        return sida(StatusCode::TOO_MANY_REQUESTS, sparrtext(tid)).await;
    }
    let ok = match &anvandare {
        Some(a) => verifiera_losenord(losenord, &a.losenord).await,
        None => {
            verifiera_losenord(losenord, attrapphash().await).await;
            false
        }
    };
    let Some(anvandare) = anvandare.filter(|_| ok) else {
        return match misslyckat(&s, &nyckel, nu).await? {
            Some(tid) => sida(StatusCode::TOO_MANY_REQUESTS, sparrtext(tid)).await,
            None => {
                sida(
                    StatusCode::UNAUTHORIZED,
                    "Fel användarnamn eller lösenord.".into(),
                )
                .await
            }
        };
    };
    let har_totp = s
        .store
        .inloggning()
        .totp(anvandare.kommun, anvandare.id)
        .await?
        .is_some();
    let nasta = match (har_totp, s.inloggning.totp) {
        (true, _) => steg::KOD,
        (false, TotpKrav::Kravs) => steg::REGISTRERING,
        (false, TotpKrav::Frivillig) => steg::KLAR,
    };
    // The failures are forgotten only when the whole login succeeds: a correct
    // password must not reset the count of wrong codes.
    if nasta == steg::KLAR {
        s.store
            .inloggning()
            .nollstall_inloggningsforsok(&nyckel)
            .await?;
    }
    ny_session(&s, f.headers(), &anvandare, nasta, None).await
}

#[derive(Template, WebTemplate)]
#[template(path = "logga_in_kod.html")]
pub struct KodSida {
    pub csrf: String,
    pub fel: Option<String>,
}

pub async fn kod_sida(sess: Result<SessionISteg, WebFel>) -> Response {
    match sess {
        Ok(SessionISteg { session, .. }) if session.steg == steg::KOD => KodSida {
            csrf: session.csrf,
            fel: None,
        }
        .into_response(),
        _ => Redirect::to("/logga-in").into_response(),
    }
}

/// The second step: a TOTP code, once per time step.
pub async fn kod(
    State(s): State<AppState>,
    KlientIp(ip): KlientIp,
    sess: SessionISteg,
    f: Formular,
) -> Result<Response, WebFel> {
    let SessionISteg { session, .. } = sess;
    if session.steg != steg::KOD {
        return Ok(Redirect::to("/logga-in").into_response());
    }
    kontrollera_csrf(&session.csrf, &f)?;
    let nu = s.nu();
    let svara = |status: StatusCode, fel: String| {
        (
            status,
            KodSida {
                csrf: session.csrf.clone(),
                fel: Some(fel),
            },
        )
            .into_response()
    };
    if let Err(tid) = s.inloggning.per_ip.forsok(&s.store, ip, nu).await? {
        return Ok(svara(StatusCode::TOO_MANY_REQUESTS, for_manga_fran_ip(tid)));
    }
    let a = &session.anvandare;
    let nyckel = forsoksnyckel_for(&s, f.headers(), a.kommun, Some(a), &a.anvandarnamn);
    if let Some(tid) = sparrad(&s, &nyckel, nu).await? {
        return Ok(svara(StatusCode::TOO_MANY_REQUESTS, sparrtext(tid)));
    }
    let Some(lagrad) = s.store.inloggning().totp(a.kommun, a.id).await? else {
        return Ok(Redirect::to("/logga-in").into_response());
    };
    let kod = f.text("kod");
    let fel = match tvafaktor::matchande_steg(&lagrad.hemlighet, &kod, nu) {
        Some(st) if s.store.inloggning().anvand_totp_steg(a.id, st).await? => None,
        Some(_) => {
            Some("Koden har redan använts. Vänta tills appen visar en ny kod och skriv den.")
        }
        None if kod.is_empty() => Some("Skriv koden som appen visar."),
        None => Some("Koden stämmer inte. Skriv den kod som appen visar nu, sex siffror."),
    };
    if let Some(fel) = fel {
        let text = match misslyckat(&s, &nyckel, nu).await? {
            Some(tid) => sparrtext(tid),
            None => fel.to_owned(),
        };
        return Ok(svara(StatusCode::UNAUTHORIZED, text));
    }
    s.store
        .inloggning()
        .nollstall_inloggningsforsok(&nyckel)
        .await?;
    ny_session(&s, f.headers(), a, steg::KLAR, None).await
}

#[derive(Template, WebTemplate)]
#[template(path = "tvastegsverifiering.html")]
pub struct RegistreringSida {
    pub csrf: String,
    /// Reached from the menu by a logged-in user (not in the middle of a login).
    pub inloggad: bool,
    pub redan: bool,
    pub hemlighet: String,
    pub uri: String,
    pub qr_svg: String,
    pub fel: Option<String>,
}

fn registreringssida(
    sess: &Session,
    redan: bool,
    hemlighet: Option<&str>,
    fel: Option<String>,
) -> RegistreringSida {
    let r = hemlighet.map(|h| tvafaktor::registrering(h, &sess.anvandare.anvandarnamn));
    RegistreringSida {
        csrf: sess.csrf.clone(),
        inloggad: sess.steg == steg::KLAR,
        redan,
        hemlighet: r
            .as_ref()
            .map(|r| r.hemlighet_grupperad.clone())
            .unwrap_or_default(),
        uri: r.as_ref().map(|r| r.uri.clone()).unwrap_or_default(),
        qr_svg: r.map(|r| r.qr_svg).unwrap_or_default(),
        fel,
    }
}

/// Setting up TOTP: at the first login when it is required, or later from the menu.
pub async fn registrering_sida(
    State(s): State<AppState>,
    sess: SessionISteg,
) -> Result<Response, WebFel> {
    let SessionISteg { id, session } = sess;
    if session.steg == steg::KOD {
        return Ok(Redirect::to("/logga-in/kod").into_response());
    }
    if s.store
        .inloggning()
        .totp(session.anvandare.kommun, session.anvandare.id)
        .await?
        .is_some()
    {
        return Ok(registreringssida(&session, true, None, None).into_response());
    }
    let hemlighet = match &session.totp_ny {
        Some(h) => h.clone(),
        None => {
            let h = tvafaktor::ny_hemlighet();
            s.store
                .inloggning()
                .satt_session_totp_ny(&id, Some(&h))
                .await?;
            h
        }
    };
    Ok(registreringssida(&session, false, Some(&hemlighet), None).into_response())
}

pub async fn registrera(
    State(s): State<AppState>,
    sess: SessionISteg,
    f: Formular,
) -> Result<Response, WebFel> {
    let SessionISteg { id, session } = sess;
    if session.steg == steg::KOD {
        return Ok(Redirect::to("/logga-in/kod").into_response());
    }
    kontrollera_csrf(&session.csrf, &f)?;
    let a = &session.anvandare;
    if s.store.inloggning().totp(a.kommun, a.id).await?.is_some() {
        return Ok(Redirect::to("/tvastegsverifiering").into_response());
    }
    let Some(hemlighet) = session.totp_ny.clone() else {
        return Ok(Redirect::to("/tvastegsverifiering").into_response());
    };
    let kod = f.text("kod");
    let Some(st) = tvafaktor::matchande_steg(&hemlighet, &kod, s.nu()) else {
        let fel = if kod.is_empty() {
            "Skriv koden som appen visar."
        } else {
            "Koden stämmer inte. Kontrollera att nyckeln är rätt inskriven och att telefonens klocka går rätt, och skriv den kod som visas nu."
        };
        let sida = registreringssida(&session, false, Some(&hemlighet), Some(fel.into()));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, sida).into_response());
    };
    s.store
        .inloggning()
        .spara_totp(a.id, &hemlighet, st)
        .await?;
    s.store.inloggning().satt_session_totp_ny(&id, None).await?;
    tracing::info!(anvandare = %a.id, "TOTP set up");
    if session.steg == steg::REGISTRERING {
        s.store
            .inloggning()
            .nollstall_inloggningsforsok(&forsoksnyckel(a.kommun, &a.anvandarnamn))
            .await?;
        return ny_session(&s, f.headers(), a, steg::KLAR, None).await;
    }
    Ok(Redirect::to("/tvastegsverifiering").into_response())
}

/// Starts a login at the identity provider of the kommun chosen (`?kommun=`, or the
/// only one served): the kommun's own, or the one for every kommun without one.
pub async fn oidc_borja(
    State(s): State<AppState>,
    headers: HeaderMap,
    Query(q): Query<HashMap<String, String>>,
) -> Result<Response, WebFel> {
    if s.inloggning.oidc.ingen() {
        return Err(WebFel::Saknas);
    }
    let vald = q.get("kommun").map(String::as_str).unwrap_or_default();
    let avvisa = |text: &'static str| {
        let (s, headers) = (&s, &headers);
        async move {
            inloggningssida(
                s,
                headers,
                StatusCode::UNPROCESSABLE_ENTITY,
                ("", vald),
                Some(text),
                None,
            )
            .await
        }
    };
    let Some(kommun) = s.inloggningens_kommun(Some(vald)).await? else {
        return avvisa(VALJ_KOMMUN).await;
    };
    let Some(oidc) = s.inloggning.oidc.for_kommun(&kommun.id) else {
        return avvisa(INGEN_LEVERANTOR).await;
    };
    let nu = s.nu();
    s.store
        .inloggning()
        .rensa_oidc_forfragningar(nu - HALV_LIVSLANGD)
        .await?;
    let p = oidc.klient.borja();
    s.store
        .inloggning()
        .spara_oidc_forfragan(
            &session_id(&p.state),
            &OidcForfragan {
                nonce: p.nonce,
                pkce_verifierare: p.pkce_verifierare,
                skapad: nu,
                kommun: Some(kommun.id),
            },
        )
        .await?;
    let secure = if s.saker_cookie { "; Secure" } else { "" };
    let mut res = Redirect::to(&p.url).into_response();
    // The state in a cookie as well as in the URL: the callback must come back to
    // the browser that started the login (RFC 9700 4.7.1, login CSRF).
    satt_kaka(
        &mut res,
        &format!(
            "{OIDC_COOKIE}={}; Path=/logga-in/oidc; HttpOnly; SameSite=Lax; Max-Age=600{secure}",
            p.state
        ),
    );
    Ok(res)
}

/// The provider sends the browser back here with a code (or an error).
pub async fn oidc_svar(
    State(s): State<AppState>,
    Query(q): Query<HashMap<String, String>>,
    headers: HeaderMap,
) -> Result<Response, WebFel> {
    if s.inloggning.oidc.ingen() {
        return Err(WebFel::Saknas);
    }
    let misslyckades = |status: StatusCode, text: &'static str| {
        let (s, headers) = (&s, &headers);
        async move {
            let mut res = inloggningssida(s, headers, status, ("", ""), Some(text), None).await?;
            satt_kaka(
                &mut res,
                &format!("{OIDC_COOKIE}=; Path=/logga-in/oidc; HttpOnly; SameSite=Lax; Max-Age=0"),
            );
            Ok::<_, WebFel>(res)
        }
    };
    const BORJA_OM: &str = "Inloggningen med kommunens inloggning kunde inte slutföras. Börja om från inloggningssidan.";
    // The provider is the one of the kommun the login was started for, as stored with
    // the pending request: nothing the browser sends chooses it (issue 18 item 8).
    let svar = crate::oidc::ta_emot_svar(
        &s.inloggning.oidc,
        |o| &o.klient,
        &s.store,
        &q,
        kaka(&headers, OIDC_COOKIE).as_deref(),
        session_id,
        s.nu(),
        HALV_LIVSLANGD,
    )
    .await?;
    let (identitet, kommun, oidc) = match svar {
        Ok(i) => i,
        Err(SvarFel::Avbrutet) => {
            return misslyckades(
                StatusCode::UNAUTHORIZED,
                "Inloggningen avbröts hos kommunens inloggningstjänst. Försök igen.",
            )
            .await;
        }
        Err(SvarFel::Ogiltigt) => return misslyckades(StatusCode::BAD_REQUEST, BORJA_OM).await,
        Err(SvarFel::Misslyckat) => {
            return misslyckades(StatusCode::UNAUTHORIZED, BORJA_OM).await;
        }
    };
    // The subject is looked up in the kommun the login was started for, whose provider
    // vouched for it, and only if this server (still) serves it (issue 18 item 8).
    let anvandare = match identitet.claim(&oidc.claim) {
        Some(v) if s.betjanar(kommun) => {
            s.store
                .inloggning()
                .anvandare_med_oidc_subjekt(kommun, v)
                .await?
        }
        _ => None,
    };
    // Never created from the provider's word alone: only a mapped, active user logs in.
    let Some(anvandare) = anvandare.filter(|a| a.aktiv) else {
        tracing::warn!("OIDC login for a subject without an active Lots user");
        return misslyckades(
            StatusCode::FORBIDDEN,
            "Du är inloggad hos kommunens inloggningstjänst, men har inget aktivt konto i Lots. Kontakta systemförvaltaren.",
        )
        .await;
    };
    let mut res = ny_session(
        &s,
        &headers,
        &anvandare,
        steg::KLAR,
        Some(&identitet.id_token),
    )
    .await?;
    satt_kaka(
        &mut res,
        &format!("{OIDC_COOKIE}=; Path=/logga-in/oidc; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(res)
}

pub async fn logga_ut(
    State(s): State<AppState>,
    inloggad: Inloggad,
    f: Formular,
) -> Result<Response, WebFel> {
    inloggad.kontrollera_csrf(&f)?;
    s.store
        .inloggning()
        .ta_bort_session(&inloggad.session_id)
        .await?;
    // Also end the session at the provider when it came from there (RP-Initiated
    // Logout 1.0). Through a page, not a redirect: a form's redirect to another
    // origin would break CSP form-action 'self'.
    // The provider of the user's kommun: the one the session began at.
    let vidare = match (
        s.inloggning.oidc.for_kommun(&inloggad.anvandare.kommun),
        &inloggad.id_token,
    ) {
        (Some(o), Some(t)) => o.klient.utloggning(t),
        _ => None,
    };
    let mut res = match vidare {
        Some(vidare) => UtloggadSida { vidare }.into_response(),
        None => Redirect::to("/logga-in").into_response(),
    };
    res.headers_mut().insert(
        header::SET_COOKIE,
        HeaderValue::from_static("lots_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
    );
    Ok(res)
}

#[derive(Template, WebTemplate)]
#[template(path = "utloggad.html")]
pub struct UtloggadSida {
    pub vidare: String,
}
