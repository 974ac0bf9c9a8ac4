//! Lots on the web: the staff workspace, server-rendered, accessible, in Swedish.

mod api;
mod atkomst;
mod auth;
pub mod avisering;
pub mod begaran;
mod begransning;
mod fel;
mod formular;
pub mod lix;
mod losenord;
pub mod matning;
pub mod mina_sidor;
pub mod oidc;
pub mod policy;
mod sidor;
mod sparat;
pub use sidor::konto::ny_aktiveringslank;
pub use sidor::utforare::flagga_avvikelser;
pub mod texter;
mod tvafaktor;
mod uppladdning;
mod visning;

use std::sync::Arc;

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware;
use axum::response::IntoResponse;
use axum::routing::{MethodRouter, get, post};
use lots_store::Store;
use time::OffsetDateTime;

pub use auth::{Inloggningsregler, OidcInloggning, TOMGANG, TotpKrav, hasha_losenord};
pub use begransning::{Begransare, Klocka, Sparrregler};

/// The kommuner a server serves (issue 18 item 8: a regional IT cooperation runs
/// several kommuner on one database). A user, a Mina sidor session or a login of a
/// kommun the server does not serve is refused as if it did not exist.
#[derive(Clone, Debug, Default)]
pub enum Kommuner {
    /// Every kommun in the database (the tests, and a database of one kommun).
    #[default]
    Alla,
    /// Only these (`kommuner` in lots.toml, LOTS_KOMMUNER, by code), as looked up
    /// when the server started.
    Endast(Arc<[lots_store::Kommun]>),
}

/// A setting with one value for every kommun served and each kommun's own (issue 18
/// item 8): the bankgiro payments are drawn on, the identity providers. `K` names a
/// kommun: its code in the configuration, its id once the server has the database.
#[derive(Debug, Clone)]
pub struct PerKommun<K, T> {
    /// For every kommun that has none of its own.
    pub gemensam: Option<T>,
    /// Each kommun's own.
    pub egna: Vec<(K, T)>,
}

impl<K, T> Default for PerKommun<K, T> {
    fn default() -> Self {
        Self {
            gemensam: None,
            egna: vec![],
        }
    }
}

impl<K, T> PerKommun<K, T> {
    /// One value, or none, for every kommun.
    pub fn for_alla(varde: Option<T>) -> Self {
        Self {
            gemensam: varde,
            egna: vec![],
        }
    }

    /// The value of `kommun`: its own, else the one for every kommun.
    pub fn for_kommun<Q>(&self, kommun: &Q) -> Option<&T>
    where
        K: std::borrow::Borrow<Q>,
        Q: PartialEq + ?Sized,
    {
        self.egna
            .iter()
            .find(|(k, _)| k.borrow() == kommun)
            .map(|(_, v)| v)
            .or(self.gemensam.as_ref())
    }

    /// Whether no kommun has a value.
    pub fn ingen(&self) -> bool {
        self.gemensam.is_none() && self.egna.is_empty()
    }
}

/// The bankgiro the payment file (pain.001) is paid from, by kommun code. A regional
/// cooperation serving several kommuner from one server gives each its own account; one
/// account without a code serves every kommun that has none of its own.
pub type Betalkonton = PerKommun<String, lots_domain::forsorjningsstod::utbetalning::Konto>;

impl Betalkonton {
    /// Reads the setting: a bankgiro number, or `kod=bankgiro` pairs separated by commas
    /// (`2480=5050-1055, 0180=5555-1234`), optionally with one plain number among them
    /// for the kommuner not named.
    pub fn tolka(text: &str) -> Result<Self, String> {
        use lots_domain::forsorjningsstod::utbetalning::Konto;
        let mut ut = Self::default();
        for del in text.split(',').map(str::trim).filter(|d| !d.is_empty()) {
            let (kod, nummer) = match del.split_once('=') {
                Some((k, n)) => (Some(k.trim()), n.trim()),
                None => (None, del),
            };
            let konto = Konto::tolka(nummer, true).ok_or_else(|| {
                format!("{nummer} är inte ett bankgironummer med sju eller åtta siffror")
            })?;
            match kod {
                Some(k) if lots_domain::organisation::ar_kommunkod(k) => {
                    if ut.egna.iter().any(|(x, _)| x == k) {
                        return Err(format!("kommun {k} har två bankgiron"));
                    }
                    ut.egna.push((k.to_owned(), konto));
                }
                Some(k) => return Err(format!("{k} är ingen kommunkod med fyra siffror")),
                None if ut.gemensam.is_some() => {
                    return Err("mer än ett bankgiro utan kommunkod".into());
                }
                None => ut.gemensam = Some(konto),
            }
        }
        Ok(ut)
    }
}

/// What the handlers share.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    /// The kommuner this server serves.
    pub kommuner: Kommuner,
    /// Cookies only over HTTPS. Off for local demo on plain HTTP.
    pub saker_cookie: bool,
    /// Login policy: TOTP, lockout, rate limits, OpenID Connect.
    pub inloggning: Arc<Inloggningsregler>,
    pub klocka: Klocka,
    /// The bankgiro each kommun pays försörjningsstöd from; without one, no payment file.
    pub betalkonton: Betalkonton,
    /// The channels notifications go by (issue 19 item 3); none: Mina sidor offers none.
    pub avisering: avisering::Avisering,
}

impl AppState {
    pub fn nu(&self) -> OffsetDateTime {
        self.klocka.nu()
    }

    /// The kommuner this server serves, by code.
    pub async fn betjanade(&self) -> Result<Vec<lots_store::Kommun>, lots_store::StoreError> {
        match &self.kommuner {
            Kommuner::Alla => self.store.organisation().kommuner().await,
            Kommuner::Endast(k) => Ok(k.to_vec()),
        }
    }

    /// Whether this server serves `kommun`.
    pub fn betjanar(&self, kommun: lots_domain::ids::KommunId) -> bool {
        match &self.kommuner {
            Kommuner::Alla => true,
            Kommuner::Endast(k) => k.iter().any(|k| k.id == kommun),
        }
    }

    /// The kommun a login is for: the one chosen (by code) if this server serves it,
    /// else the only one it serves; None when a choice is needed and was not made.
    pub async fn inloggningens_kommun(
        &self,
        vald: Option<&str>,
    ) -> Result<Option<lots_store::Kommun>, lots_store::StoreError> {
        let mut betjanade = self.betjanade().await?;
        Ok(match vald.map(str::trim).filter(|v| !v.is_empty()) {
            Some(kod) => betjanade.into_iter().find(|k| k.kod == kod),
            None if betjanade.len() == 1 => betjanade.pop(),
            None => None,
        })
    }

    /// The kommun's name, as letters and reports print it.
    pub async fn kommunnamn(
        &self,
        kommun: lots_domain::ids::KommunId,
    ) -> Result<String, lots_store::StoreError> {
        // A served kommun's name was read when the server started: no query per step.
        if let Kommuner::Endast(k) = &self.kommuner
            && let Some(k) = k.iter().find(|k| k.id == kommun)
        {
            return Ok(k.namn.clone());
        }
        self.store
            .organisation()
            .kommunnamn(kommun)
            .await?
            .ok_or(lots_store::StoreError::Saknas)
    }
}

/// Largest upload accepted: a scanned document of a few pages.
pub const MAX_UPPLADDNING: usize = 10 * 1024 * 1024;

/// Every route, in one table: the router is built from it, and the authorization
/// matrix test checks that each path has its row (`sokvagar`).
fn rutter() -> Vec<(&'static str, MethodRouter<AppState>)> {
    vec![
        ("/", get(sidor::start::start)),
        ("/paminnelser", post(sidor::start::ny_paminnelse)),
        (
            "/paminnelser/{id}/klar",
            post(sidor::start::paminnelse_klar),
        ),
        ("/installningar/tathet", post(sidor::start::tathet)),
        ("/logga-in", get(auth::inloggning).post(auth::logga_in)),
        ("/logga-ut", post(auth::logga_ut)),
        ("/logga-in/kod", get(auth::kod_sida).post(auth::kod)),
        ("/logga-in/oidc", get(auth::oidc_borja)),
        ("/logga-in/oidc/svar", get(auth::oidc_svar)),
        (
            "/tvastegsverifiering",
            get(auth::registrering_sida).post(auth::registrera),
        ),
        ("/losenord", get(losenord::sida).post(losenord::byt)),
        (
            "/personer/sok",
            get(sidor::person::sok_sida).post(sidor::person::sok),
        ),
        (
            "/personer/ny",
            get(sidor::person::ny_sida).post(sidor::person::skapa),
        ),
        ("/personer/{id}", get(sidor::person::visa)),
        ("/personer/{id}/akt.pdf", get(sidor::akt::pdf)),
        (
            "/personer/{id}/registerutdrag.pdf",
            get(sidor::registerutdrag::pdf),
        ),
        (
            "/personer/{id}/registerutdrag/ny",
            get(sidor::registerutdrag::ny_sida).post(sidor::registerutdrag::registrera),
        ),
        (
            "/personer/{id}/registerutdrag/{utdrag}/forlang",
            get(sidor::registerutdrag::forlang_sida).post(sidor::registerutdrag::forlang),
        ),
        (
            "/personer/{id}/registerutdrag/{utdrag}/besvara",
            get(sidor::registerutdrag::besvara_sida).post(sidor::registerutdrag::besvara),
        ),
        (
            "/personer/{id}/registerutdrag/{utdrag}/ta-over",
            post(sidor::registerutdrag::ta_over),
        ),
        (
            "/personer/{id}/fullmakter/ny",
            get(sidor::fullmakt::ny_sida).post(sidor::fullmakt::registrera),
        ),
        (
            "/personer/{id}/fullmakter/{fullmakt}/aterkalla",
            post(sidor::fullmakt::aterkalla),
        ),
        (
            "/personer/{id}/fullmakter/{fullmakt}/godkann",
            post(sidor::fullmakt::godkann),
        ),
        (
            "/personer/{id}/fullmakter/{fullmakt}/dokument",
            get(sidor::fullmakt::dokument),
        ),
        (
            "/personer/{id}/arenden/nytt",
            get(sidor::arende::nytt_sida).post(sidor::arende::skapa),
        ),
        ("/arenden/{id}", get(sidor::arende::visa)),
        (
            "/arenden/{id}/sammanfattning",
            get(sidor::sammanfattning::visa),
        ),
        (
            "/arenden/{id}/bevakning",
            get(sidor::arende::bevakningens_steg),
        ),
        (
            "/arenden/{id}/steg/dokument",
            get(sidor::steg::dokument_sida).post(sidor::steg::ladda_upp),
        ),
        (
            "/arenden/{id}/steg/{steg}",
            get(sidor::steg::sida).post(sidor::steg::utfor),
        ),
        (
            "/arenden/{id}/steg/{steg}/utkast",
            post(sparat::spara_utkast),
        ),
        (
            "/arenden/{id}/journal/{anteckning}/partsinsyn",
            post(sidor::partsinsyn::prova),
        ),
        ("/dokument/{id}", get(sidor::steg::hamta_dokument)),
        ("/enhet", get(sidor::enhet::visa)),
        ("/enhet/fordela", post(sidor::enhet::fordela)),
        ("/enhet/ersattare", post(sidor::enhet::satt_ersattare)),
        (
            "/enhet/ersattare/{id}/avsluta",
            post(sidor::enhet::avsluta_ersattare),
        ),
        ("/rapporter", get(sidor::rapporter::lista)),
        ("/rapporter/ej-verkstallda", get(sidor::rapporter::ivo_sida)),
        (
            "/rapporter/ej-verkstallda.pdf",
            get(sidor::rapporter::ivo_pdf),
        ),
        (
            "/rapporter/ej-verkstallda.csv",
            get(sidor::rapporter::ivo_csv),
        ),
        (
            "/rapporter/kvartalsstatistik",
            get(sidor::rapporter::kf_sida),
        ),
        (
            "/rapporter/kvartalsstatistik.pdf",
            get(sidor::rapporter::kf_pdf),
        ),
        (
            "/rapporter/kvartalsstatistik.csv",
            get(sidor::rapporter::kf_csv),
        ),
        (
            "/rapporter/delegationsbeslut",
            get(sidor::rapporter::delegation_sida),
        ),
        (
            "/rapporter/delegationsbeslut.pdf",
            get(sidor::rapporter::delegation_pdf),
        ),
        (
            "/rapporter/delegationsbeslut.csv",
            get(sidor::rapporter::delegation_csv),
        ),
        (
            "/rapporter/ekonomiskt-bistand",
            get(sidor::rapporter::eb_sida),
        ),
        (
            "/rapporter/ekonomiskt-bistand.csv",
            get(sidor::rapporter::eb_fil),
        ),
        ("/rapporter/klagomal", get(sidor::klagomal::rapport_sida)),
        ("/rapporter/klagomal.csv", get(sidor::klagomal::rapport_csv)),
        ("/klagomal", get(sidor::klagomal::lista)),
        ("/klagomal/{id}", get(sidor::klagomal::visa)),
        ("/klagomal/{id}/tilldela", post(sidor::klagomal::tilldela)),
        ("/klagomal/{id}/svar", post(sidor::klagomal::besvara)),
        ("/klagomal/{id}/lex-sarah", post(sidor::klagomal::lex_sarah)),
        (
            "/klagomal/{id}/lex-sarah/mottagen",
            post(sidor::klagomal::lex_sarah_mottagen),
        ),
        ("/static/lots.css", get(css)),
        ("/static/session.js", get(sessionsskript)),
        ("/session/kvar", get(auth::sessionens_tid)),
        ("/session/forlang", post(auth::forlang_session)),
        (
            "/delegationsordning",
            get(sidor::delegation::visa).post(sidor::delegation::spara),
        ),
        ("/sparade-formular", get(sparat::lista)),
        ("/sparade-formular/{id}/ta-bort", post(sparat::ta_bort)),
        ("/healthz", get(healthz)),
        ("/healthz/live", get(levande)),
        ("/healthz/ready", get(healthz)),
        ("/api/v1/openapi.json", get(api::openapi)),
        ("/api/v1/kalender/{ar}", get(api::kalender_ar)),
        ("/api/v1/frister/delgivning", get(api::delgivning)),
        ("/api/v1/frister/overklagande", get(api::overklagande)),
        ("/api/v1/frister/rattidsprovning", get(api::rattidsprovning)),
        ("/api/v1/frister/verkstallighet", get(api::verkstallighet)),
        ("/api/v1/riksnorm/{ar}", get(api::riksnorm)),
        (
            "/arenden/{id}/atkomst",
            get(sidor::arende::skal_sida).post(sidor::arende::ange_skal),
        ),
        ("/uppdrag", get(sidor::uppdrag::lista)),
        ("/utbetalningar", get(sidor::utbetalningar::lista)),
        (
            "/utbetalningar/betalfil.xml",
            get(sidor::utbetalningar::betalfil),
        ),
        (
            "/utbetalningar/skickade",
            post(sidor::utbetalningar::skickade),
        ),
        ("/uppdrag/{id}", get(sidor::uppdrag::visa)),
        (
            "/uppdrag/{id}/leverans",
            post(sidor::uppdrag::rapportera_leverans),
        ),
        (
            "/utforare",
            get(sidor::utforare::lista).post(sidor::utforare::skapa),
        ),
        ("/utforare/{id}", get(sidor::utforare::visa)),
        ("/utforare/{id}/avtal", post(sidor::utforare::spara_avtal)),
        (
            "/utforare/{id}/enheter",
            post(sidor::utforare::koppla_enhet),
        ),
        (
            "/utforare/{id}/avstamning",
            get(sidor::utforare::avstamning),
        ),
        (
            "/utforare/{id}/avstamning.csv",
            get(sidor::utforare::avstamning_csv),
        ),
        ("/avvikelser", get(sidor::utforare::avvikelser)),
        ("/avvikelser/{id}", post(sidor::utforare::hantera_avvikelse)),
        (
            "/utforare/{id}/avsluta",
            post(sidor::utforare::avsluta_organisation),
        ),
        (
            "/utforare/{id}/avtal/{avtal}",
            get(sidor::utforare::visa_avtal).post(sidor::utforare::andra_avtal),
        ),
        (
            "/utforare/{id}/avtal/{avtal}/avsluta",
            post(sidor::utforare::avsluta_avtal),
        ),
        (
            "/fakturor",
            get(sidor::fakturor::visa).post(sidor::fakturor::skicka_fil),
        ),
        ("/fakturor/rad", post(sidor::fakturor::skicka_rad)),
        (
            "/uppdrag/{id}/plan",
            get(sidor::uppdrag::plan_sida).post(sidor::uppdrag::spara_plan),
        ),
        (
            "/loggkontroll",
            get(sidor::loggkontroll::visa).post(sidor::loggkontroll::sok),
        ),
        ("/admin/anvandare", get(sidor::admin::oversikt)),
        (
            "/admin/anvandare/ny",
            get(sidor::admin::ny_sida).post(sidor::admin::skapa),
        ),
        (
            "/admin/anvandare/{id}",
            get(sidor::admin::andra_sida).post(sidor::admin::andra),
        ),
        (
            "/admin/anvandare/{id}/aktiveringslank",
            post(sidor::konto::ny_lank),
        ),
        (
            "/aktivera/{token}",
            get(sidor::konto::aktivera_sida).post(sidor::konto::aktivera),
        ),
        ("/behorigheter", get(sidor::konto::lista)),
        ("/behorigheter/{id}/godkann", post(sidor::konto::godkann)),
        (
            "/admin/enheter/ny",
            get(sidor::admin::ny_enhet_sida).post(sidor::admin::skapa_enhet),
        ),
        (
            "/admin/enheter/{id}",
            get(sidor::admin::andra_enhet_sida).post(sidor::admin::andra_enhet),
        ),
        (
            "/admin/namnd",
            get(sidor::namnd::visa).post(sidor::namnd::spara),
        ),
        (
            "/admin/riksnorm",
            get(sidor::riksnorm::visa).post(sidor::riksnorm::spara),
        ),
        (
            "/textblock",
            get(sidor::textblock::visa_lista).post(sidor::textblock::skapa),
        ),
        (
            "/textblock/{id}",
            get(sidor::textblock::visa).post(sidor::textblock::andra),
        ),
        (
            "/oppna-insatser",
            get(sidor::oppna_insatser::visa_lista).post(sidor::oppna_insatser::skapa),
        ),
        ("/mottagning", get(sidor::mottagning::visa)),
        ("/mottagning/{id}", post(sidor::mottagning::registrera)),
        (
            "/mottagning/{id}/deltagare/{person}",
            get(sidor::mottagning::visa_deltagare),
        ),
        (
            "/mottagning/{id}/deltagare/{person}/val",
            post(sidor::mottagning::valj),
        ),
        (
            "/mottagning/{id}/ansokan",
            get(sidor::mottagning_steg::ansokan_sida).post(sidor::mottagning_steg::ansok),
        ),
        (
            "/mottagning/{id}/orosanmalan",
            get(sidor::mottagning_steg::oro_sida_visa).post(sidor::mottagning_steg::oro_skicka),
        ),
        (
            "/mottagning/uppfoljning",
            get(sidor::oppen_uppfoljning::sida),
        ),
        (
            "/mottagning/uppfoljning.csv",
            get(sidor::oppen_uppfoljning::csv),
        ),
        (
            "/mottagning/uppfoljning.pdf",
            get(sidor::oppen_uppfoljning::pdf),
        ),
        (
            "/oppna-insatser/{id}",
            get(sidor::oppna_insatser::visa).post(sidor::oppna_insatser::andra),
        ),
    ]
    .into_iter()
    .chain(mina_sidor::rutter())
    .collect()
}

/// The paths the server answers, for the authorization matrix test.
pub fn sokvagar() -> Vec<&'static str> {
    rutter().into_iter().map(|(p, _)| p).collect()
}

/// The one application builder: `lots serve` and the test suite both build Lots
/// here, so the tests exercise the routes, middleware, request spans and limits
/// production runs. `tidsgrans` is the longest a request may take
/// (`begaran::STANDARD_TIDSGRANS` unless configured).
pub fn app(state: AppState, tidsgrans: std::time::Duration) -> Router {
    rutter()
        .into_iter()
        .fold(Router::new(), |r, (sokvag, m)| r.route(sokvag, m))
        .route_layer(middleware::from_fn(matning::mat))
        .route_layer(middleware::from_fn(move |req, next| {
            begaran::begaran(tidsgrans, req, next)
        }))
        .fallback(fel::saknas)
        // Outside the routes' own layers, so it sees the response that ends in the login page.
        .layer(middleware::from_fn_with_state(
            state.clone(),
            sparat::behall,
        ))
        .layer(DefaultBodyLimit::max(MAX_UPPLADDNING + 64 * 1024))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            mina_sidor::felsida,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), fel::med_meny))
        .layer(middleware::from_fn(sakerhetshuvuden))
        .with_state(state)
}

/// Readiness: the database answers and its schema and stored state are this build's
/// (a load balancer sends requests only then). `/healthz` is the same check.
async fn healthz(State(s): State<AppState>) -> impl IntoResponse {
    match s.store.ar_aktuell().await {
        Ok(true) => (StatusCode::OK, "ok"),
        Ok(false) => (
            StatusCode::SERVICE_UNAVAILABLE,
            "databasen är inte migrerad: kör lots migrate",
        ),
        Err(e) => {
            tracing::error!(error = %e, "database unreachable");
            (StatusCode::SERVICE_UNAVAILABLE, "databasen svarar inte")
        }
    }
}

/// Liveness: the process answers; nothing outside it is asked, so a database outage
/// does not get the process restarted.
async fn levande() -> impl IntoResponse {
    (StatusCode::OK, "ok")
}

async fn css() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/lots.css"),
    )
}

/// The warning before an idle session ends: a file of Lots's own, so the CSP's
/// `default-src 'self'` lets it run and no inline script is needed.
async fn sessionsskript() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/session.js"),
    )
}

/// Standard security headers on every response; no inline script or style is allowed.
async fn sakerhetshuvuden(
    req: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let satt = |h: &mut axum::http::HeaderMap, namn: &'static str, varde: &'static str| {
        h.insert(namn, HeaderValue::from_static(varde));
    };
    satt(
        h,
        "content-security-policy",
        "default-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    satt(h, "x-content-type-options", "nosniff");
    satt(h, "referrer-policy", "no-referrer");
    satt(h, "x-frame-options", "DENY");
    if !h.contains_key(header::CACHE_CONTROL) {
        // Pages hold personal data: never keep them in a shared cache.
        satt(h, "cache-control", "no-store");
    }
    res
}

#[cfg(test)]
mod betalkonton_tests {
    use super::Betalkonton;

    #[test]
    fn ett_gemensamt_eller_ett_per_kommun() {
        let ett = Betalkonton::tolka("5050-1055").unwrap();
        assert_eq!(
            ett.for_kommun("2480").map(|k| k.text()),
            Some("bankgiro 5050-1055".into())
        );
        let flera = Betalkonton::tolka("2480=5050-1055, 0180 = 5555-1234").unwrap();
        assert_eq!(
            flera.for_kommun("0180").map(|k| k.text()),
            Some("bankgiro 5555-1234".into())
        );
        assert_eq!(
            flera.for_kommun("2480").map(|k| k.text()),
            Some("bankgiro 5050-1055".into())
        );
        // A kommun with no account of its own and no common one: no payment file.
        assert!(flera.for_kommun("1280").is_none());
        let med_gemensamt = Betalkonton::tolka("2480=5050-1055, 5555-1234").unwrap();
        assert_eq!(
            med_gemensamt.for_kommun("1280").map(|k| k.text()),
            Some("bankgiro 5555-1234".into())
        );
    }

    #[test]
    fn fel_sags_tydligt() {
        for fel in [
            "12",
            "2480=12",
            "248=5050-1055",
            "2480=5050-1055, 2480=5555-1234",
            "5050-1055, 5555-1234",
        ] {
            assert!(Betalkonton::tolka(fel).is_err(), "{fel}");
        }
    }
}
