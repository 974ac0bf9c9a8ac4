//! An OpenID Connect relying party: authorization code flow with PKCE, state and
//! nonce, and a verified ID token (OpenID Connect Core 1.0, 3.1; RFC 7636; RFC 9700).
//!
//! Nothing here knows about staff, sessions or axum, so that Mina sidor can use
//! the same flow for citizens through an eID broker. The caller keeps the
//! [`Paborjan`] between [`OidcKlient::borja`] and [`OidcKlient::avsluta`] (Lots
//! keeps it server-side, found by the hash of the state, with the state in a
//! cookie bound to the browser) and decides what the verified identity maps to.

use std::fmt;
use std::str::FromStr;
use std::time::Duration;

use openidconnect::core::{
    CoreAuthenticationFlow, CoreClient, CoreGenderClaim, CoreIdToken, CoreJsonWebKey,
};
use openidconnect::{
    AccessTokenHash, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndSessionUrl,
    EndpointMaybeSet, EndpointNotSet, EndpointSet, IdTokenClaims, IssuerUrl, LogoutRequest, Nonce,
    OAuth2TokenResponse, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, TokenResponse,
};

/// A secret that never prints.
#[derive(Clone)]
pub struct Hemlighet(pub String);

impl fmt::Debug for Hemlighet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Hemlighet(…)")
    }
}

/// How to reach the provider and who we are there.
#[derive(Debug, Clone)]
pub struct OidcInstallning {
    /// The issuer; its discovery document is at `/.well-known/openid-configuration`.
    pub issuer: String,
    pub klient_id: String,
    pub klient_hemlighet: Hemlighet,
    /// Our callback, exactly as registered at the provider.
    pub omdirigering: String,
    /// Scopes besides `openid`, e.g. `email`.
    pub scopes: Vec<String>,
    /// Where the provider sends the browser after its logout (RP-Initiated Logout 1.0, 3).
    pub efter_utloggning: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum OidcFel {
    #[error("configuration: {0}")]
    Installning(String),
    #[error("discovery failed: {0}")]
    Upptackt(String),
    #[error("token request failed: {0}")]
    Token(String),
    #[error("ID token rejected: {0}")]
    IdToken(String),
}

type Klient = CoreClient<
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// A discovered provider, ready for logins. Cheap to share behind an `Arc`.
pub struct OidcKlient {
    issuer: String,
    klient: Klient,
    http: reqwest::Client,
    scopes: Vec<String>,
    avslut: Option<EndSessionUrl>,
    efter_utloggning: Option<PostLogoutRedirectUrl>,
}

impl fmt::Debug for OidcKlient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OidcKlient")
            .field("issuer", &self.issuer)
            .finish_non_exhaustive()
    }
}

/// A login under way: what must come back with the browser.
#[derive(Debug, Clone)]
pub struct Paborjan {
    /// Send the browser here.
    pub url: String,
    /// Returned by the provider unchanged; ties the callback to this browser.
    pub state: String,
    /// Must be in the ID token (replay protection, OIDC Core 3.1.2.1).
    pub nonce: String,
    /// The PKCE code verifier (RFC 7636 4.1), sent with the code.
    pub pkce_verifierare: String,
}

/// A verified identity from the provider's ID token.
#[derive(Debug, Clone)]
pub struct OidcIdentitet {
    /// `sub`: stable and unique at this issuer.
    pub subjekt: String,
    pub epost: Option<String>,
    pub anvandarnamn: Option<String>,
    /// The raw ID token, for `id_token_hint` at logout.
    pub id_token: String,
    /// Every claim of the verified ID token, for the claims the standard set
    /// lacks (an eID broker's personnummer claim).
    pub ovriga: serde_json::Map<String, serde_json::Value>,
}

impl OidcIdentitet {
    /// The claim an installation maps users by: `sub`, `email` or `preferred_username`.
    pub fn claim(&self, namn: &str) -> Option<&str> {
        match namn {
            "sub" => Some(&self.subjekt),
            "email" => self.epost.as_deref(),
            "preferred_username" => self.anvandarnamn.as_deref(),
            _ => None,
        }
    }

    /// Any claim of the ID token, as text.
    pub fn extra(&self, namn: &str) -> Option<String> {
        match self.ovriga.get(namn)? {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// The person's name: `name`, or `given_name` and `family_name`.
    pub fn namn(&self) -> Option<String> {
        if let Some(n) = self.extra("name") {
            return Some(n);
        }
        match (self.extra("given_name"), self.extra("family_name")) {
            (Some(f), Some(e)) => Some(format!("{f} {e}")),
            (Some(f), None) => Some(f),
            (None, Some(e)) => Some(e),
            (None, None) => None,
        }
    }
}

/// The claims of an ID token whose signature has already been verified.
fn claims_i(id_token: &str) -> serde_json::Map<String, serde_json::Value> {
    use base64::Engine;
    id_token
        .split('.')
        .nth(1)
        .and_then(|del| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD
                .decode(del)
                .ok()
        })
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default()
}

impl OidcKlient {
    /// Reads the provider's discovery document and keys.
    pub async fn upptack(inst: &OidcInstallning) -> Result<Self, OidcFel> {
        // No redirects: the token endpoint must answer itself (SSRF, oauth2 crate docs).
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| OidcFel::Installning(e.to_string()))?;
        let issuer = IssuerUrl::new(inst.issuer.clone())
            .map_err(|e| OidcFel::Installning(format!("issuer: {e}")))?;
        let metadata = ProviderMetadataWithLogout::discover_async(issuer, &http)
            .await
            .map_err(|e| OidcFel::Upptackt(fel_kedja(&e)))?;
        let avslut = metadata.additional_metadata().end_session_endpoint.clone();
        let omdirigering = RedirectUrl::new(inst.omdirigering.clone())
            .map_err(|e| OidcFel::Installning(format!("redirect URI: {e}")))?;
        let efter_utloggning = inst
            .efter_utloggning
            .clone()
            .map(PostLogoutRedirectUrl::new)
            .transpose()
            .map_err(|e| OidcFel::Installning(format!("post-logout URI: {e}")))?;
        let klient = CoreClient::from_provider_metadata(
            metadata,
            ClientId::new(inst.klient_id.clone()),
            Some(ClientSecret::new(inst.klient_hemlighet.0.clone())),
        )
        .set_redirect_uri(omdirigering);
        Ok(Self {
            issuer: inst.issuer.clone(),
            klient,
            http,
            scopes: inst.scopes.clone(),
            avslut,
            efter_utloggning,
        })
    }

    /// Starts a login: a fresh state, nonce and PKCE verifier (S256), and the URL to send the browser to.
    pub fn borja(&self) -> Paborjan {
        let (utmaning, verifierare) = PkceCodeChallenge::new_random_sha256();
        let mut fraga = self.klient.authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        );
        for s in &self.scopes {
            fraga = fraga.add_scope(Scope::new(s.clone()));
        }
        let (url, state, nonce) = fraga.set_pkce_challenge(utmaning).url();
        Paborjan {
            url: url.to_string(),
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifierare: verifierare.secret().clone(),
        }
    }

    /// Exchanges the code (with the PKCE verifier) and verifies the ID token:
    /// signature, issuer, audience, expiry, nonce and, when present, `at_hash`.
    pub async fn avsluta(
        &self,
        kod: &str,
        nonce: &str,
        pkce_verifierare: &str,
    ) -> Result<OidcIdentitet, OidcFel> {
        let svar = self
            .klient
            .exchange_code(AuthorizationCode::new(kod.to_owned()))
            .map_err(|e| OidcFel::Installning(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pkce_verifierare.to_owned()))
            .request_async(&self.http)
            .await
            .map_err(|e| OidcFel::Token(fel_kedja(&e)))?;
        let id_token = svar
            .id_token()
            .ok_or_else(|| OidcFel::IdToken("the token response has no ID token".into()))?;
        let verifierare = self.klient.id_token_verifier();
        let claims: &IdTokenClaims<_, CoreGenderClaim> = id_token
            .claims(&verifierare, &Nonce::new(nonce.to_owned()))
            .map_err(|e| OidcFel::IdToken(fel_kedja(&e)))?;
        // OIDC Core 3.1.3.8: the access token belongs with this ID token.
        if let Some(vantad) = claims.access_token_hash() {
            let alg = id_token
                .signing_alg()
                .map_err(|e| OidcFel::IdToken(e.to_string()))?;
            let nyckel: &CoreJsonWebKey = id_token
                .signing_key(&verifierare)
                .map_err(|e| OidcFel::IdToken(e.to_string()))?;
            let faktisk = AccessTokenHash::from_token(svar.access_token(), alg, nyckel)
                .map_err(|e| OidcFel::IdToken(e.to_string()))?;
            if faktisk != *vantad {
                return Err(OidcFel::IdToken("at_hash does not match".into()));
            }
        }
        Ok(OidcIdentitet {
            subjekt: claims.subject().as_str().to_owned(),
            epost: claims.email().map(|e| e.as_str().to_owned()),
            anvandarnamn: claims.preferred_username().map(|u| u.as_str().to_owned()),
            id_token: id_token.to_string(),
            ovriga: claims_i(&id_token.to_string()),
        })
    }

    /// The provider's logout URL for a session that began with this ID token,
    /// if the provider supports RP-Initiated Logout.
    pub fn utloggning(&self, id_token: &str) -> Option<String> {
        let avslut = self.avslut.clone()?;
        let mut fraga = LogoutRequest::from(avslut).set_client_id(self.klient.client_id().clone());
        if let Ok(token) = CoreIdToken::from_str(id_token) {
            fraga = fraga.set_id_token_hint(&token);
        }
        if let Some(efter) = &self.efter_utloggning {
            fraga = fraga.set_post_logout_redirect_uri(efter.clone());
        }
        Some(fraga.http_get_url().to_string())
    }
}

/// The identity providers of the kommuner a server serves (issue 18 item 8): a
/// kommun's own, else the one for every kommun without one of its own, else none.
/// Staff login and Mina sidor's eID broker each have one.
pub type Leverantorer<T> = crate::PerKommun<lots_domain::ids::KommunId, T>;

/// Why a provider's answer did not log anyone in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SvarFel {
    /// The provider said the login was cancelled or failed (`error`).
    Avbrutet,
    /// Not an answer to a login this browser started: no code or state, a state
    /// that is not the browser's, or none pending (used, or too old).
    Ogiltigt,
    /// The code exchange or the ID token failed.
    Misslyckat,
}

/// The checks every login through a provider makes on its answer, the same for
/// staff and Mina sidor: the state must be the one in this browser's cookie and
/// name a pending request (taken, so it is used once; RFC 9700 4.7.1), not older
/// than `tid`; then the code is exchanged with its PKCE verifier and the ID token
/// verified (`OidcKlient::avsluta`). `nyckel` maps the state to the stored key.
///
/// The provider is the one of the kommun the pending request was started for
/// (issue 18 item 8), never one the answer names: a code from another kommun's
/// provider is then exchanged at this kommun's, which does not know it, and an ID
/// token from another issuer fails verification. Answers the verified identity, the
/// kommun and its provider.
#[allow(clippy::too_many_arguments)]
pub async fn ta_emot_svar<'a, T>(
    leverantorer: &'a Leverantorer<T>,
    klient: impl Fn(&T) -> &OidcKlient,
    store: &lots_store::Store,
    q: &std::collections::HashMap<String, String>,
    kakans_state: Option<&str>,
    nyckel: impl Fn(&str) -> String,
    nu: time::OffsetDateTime,
    tid: time::Duration,
) -> Result<
    Result<(OidcIdentitet, lots_domain::ids::KommunId, &'a T), SvarFel>,
    lots_store::StoreError,
> {
    if let Some(e) = q.get("error") {
        tracing::info!(error = %e, "identity provider returned an error");
        return Ok(Err(SvarFel::Avbrutet));
    }
    let (Some(state), Some(kod)) = (q.get("state"), q.get("code")) else {
        return Ok(Err(SvarFel::Ogiltigt));
    };
    if kakans_state != Some(state.as_str()) {
        tracing::warn!("OIDC answer without the browser's state cookie");
        return Ok(Err(SvarFel::Ogiltigt));
    }
    let Some(forfragan) = store
        .inloggning()
        .ta_oidc_forfragan(&nyckel(state))
        .await?
        .filter(|f| nu - f.skapad <= tid)
    else {
        return Ok(Err(SvarFel::Ogiltigt));
    };
    // Every login records its kommun; without one there is no provider to ask.
    let Some((kommun, leverantor)) = forfragan
        .kommun
        .and_then(|k| Some((k, leverantorer.for_kommun(&k)?)))
    else {
        tracing::warn!("OIDC answer to a login whose kommun has no provider");
        return Ok(Err(SvarFel::Ogiltigt));
    };
    match klient(leverantor)
        .avsluta(kod, &forfragan.nonce, &forfragan.pkce_verifierare)
        .await
    {
        Ok(i) => Ok(Ok((i, kommun, leverantor))),
        Err(e) => {
            tracing::error!(error = %e, "OIDC login failed");
            Ok(Err(SvarFel::Misslyckat))
        }
    }
}

/// The whole cause chain, for the log (never shown to a user).
fn fel_kedja(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut orsak = e.source();
    while let Some(o) = orsak {
        s.push_str(": ");
        s.push_str(&o.to_string());
        orsak = o.source();
    }
    s
}
