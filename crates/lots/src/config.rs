//! Layered configuration: defaults, then the config file, then environment and flags.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::path::Path;

use anyhow::Context;
use serde::Deserialize;

/// One setting as an operator meets it: its key in lots.toml (empty: not in the
/// file), its environment variable, its flag (empty: none), what it does and its
/// default. The README's table is this list (`installningstabell`), and tests
/// check that every environment variable the code reads and every key the file
/// accepts is in it, so the documentation cannot drift from the code.
pub struct Installning {
    pub fil: &'static str,
    pub miljo: &'static str,
    pub flagga: &'static str,
    pub vad: &'static str,
    pub standard: &'static str,
}

const fn rad(
    fil: &'static str,
    miljo: &'static str,
    flagga: &'static str,
    vad: &'static str,
    standard: &'static str,
) -> Installning {
    Installning {
        fil,
        miljo,
        flagga,
        vad,
        standard,
    }
}

/// Every setting of `lots serve` (and of the commands that open the database).
pub const INSTALLNINGAR: &[Installning] = &[
    rad(
        "database",
        "LOTS_DATABASE_URL",
        "--database",
        "database: a SQLite path or `sqlite:` URL, or a `postgres://` URL",
        "`sqlite:lots.db`",
    ),
    rad(
        "listen",
        "LOTS_LISTEN",
        "--listen",
        "listen address",
        "`127.0.0.1:8080`",
    ),
    rad(
        "",
        "LOTS_CONFIG",
        "--config",
        "config file",
        "`./lots.toml` if present",
    ),
    rad(
        "kommuner",
        "LOTS_KOMMUNER",
        "",
        "the kommuner `serve` serves, by kommun code (file: a list; environment: comma-separated); their users, Mina sidor and logins only. Required when the database holds more than one kommun",
        "the database's only kommun",
    ),
    rad(
        "secure_cookies",
        "LOTS_SECURE_COOKIES",
        "",
        "secure cookies (HTTPS only)",
        "`false`",
    ),
    rad(
        "metrics_listen",
        "LOTS_METRICS_LISTEN",
        "",
        "Prometheus metrics address (its own listener)",
        "none: not served",
    ),
    rad(
        "payment_bankgiro",
        "LOTS_PAYMENT_BANKGIRO",
        "",
        "the bankgiro försörjningsstöd is paid from, the debtor account of the payment file (pain.001): one number, or `kod=bankgiro` per kommun separated by commas",
        "none: no payment file",
    ),
    rad(
        "request_timeout_seconds",
        "LOTS_REQUEST_TIMEOUT_SECONDS",
        "",
        "longest a request may take (seconds, 1–3600; then 503, nothing committed)",
        "`120`",
    ),
    rad(
        "",
        "LOTS_LOG_FORMAT",
        "",
        "log format: `json` for one JSON object a line",
        "plain text",
    ),
    rad(
        "inloggning.totp",
        "LOTS_TOTP",
        "",
        "staff TOTP: `kravs` (every local account) or `frivillig`",
        "`kravs` (`serve --demo`: `frivillig`)",
    ),
    rad(
        "inloggning.tomgang_sekunder",
        "LOTS_TOMGANG_SEKUNDER",
        "",
        "a staff session ends after this many seconds without a request (20–36000); the page warns a few minutes before",
        "`1800`",
    ),
    rad(
        "inloggning.sparr_efter",
        "LOTS_SPARR_EFTER",
        "",
        "consecutive failed logins before a lock",
        "`5`",
    ),
    rad(
        "inloggning.sparr_minuter",
        "LOTS_SPARR_MINUTER",
        "",
        "first lock in minutes; doubles with each further failure",
        "`1`",
    ),
    rad(
        "inloggning.sparr_max_minuter",
        "LOTS_SPARR_MAX_MINUTER",
        "",
        "longest lock in minutes",
        "`60`",
    ),
    rad(
        "inloggning.forsok_per_minut_ip",
        "LOTS_FORSOK_PER_MINUT_IP",
        "",
        "login attempts per client address and minute",
        "`60`",
    ),
    rad(
        "inloggning.sokningar_per_minut",
        "LOTS_SOKNINGAR_PER_MINUT",
        "",
        "person searches per user and minute",
        "`30`",
    ),
    rad(
        "inloggning.ip_fran_proxy",
        "LOTS_IP_FRAN_PROXY",
        "",
        "take the client address from X-Forwarded-For (only behind your proxy)",
        "`false`",
    ),
    rad(
        "",
        "LOTS_INLOGGNING_NYCKEL",
        "",
        "key for device cookies and the login form's token (hex, ≥ 32 bytes; environment only)",
        "a new key per start",
    ),
    rad(
        "oidc.issuer",
        "LOTS_OIDC_ISSUER",
        "",
        "staff login through the municipality's OpenID Connect provider",
        "off",
    ),
    rad(
        "oidc.client_id",
        "LOTS_OIDC_CLIENT_ID",
        "",
        "OIDC client id",
        "",
    ),
    rad(
        "oidc.client_secret",
        "LOTS_OIDC_CLIENT_SECRET",
        "",
        "OIDC client secret (keep it in the environment)",
        "",
    ),
    rad(
        "oidc.redirect_uri",
        "LOTS_OIDC_REDIRECT_URI",
        "",
        "OIDC redirect URI (`…/logga-in/oidc/svar`)",
        "",
    ),
    rad(
        "oidc.post_logout_redirect_uri",
        "LOTS_OIDC_POST_LOGOUT_REDIRECT_URI",
        "",
        "where the provider sends the user after logout",
        "none",
    ),
    rad(
        "oidc.scopes",
        "LOTS_OIDC_SCOPES",
        "",
        "scopes besides `openid` (environment: separated by spaces or commas)",
        "none",
    ),
    rad(
        "oidc.claim",
        "LOTS_OIDC_CLAIM",
        "",
        "the claim matched with a user's mapping: `sub`, `email` or `preferred_username`",
        "`sub`",
    ),
    rad(
        "oidc.kommun.<kod>.issuer",
        "LOTS_OIDC_<KOD>_ISSUER",
        "",
        "a served kommun's own OpenID Connect provider for staff (`<kod>`: its kommun code), instead of `oidc` for that kommun; its section is complete in itself, nothing is taken from `oidc`",
        "`oidc`",
    ),
    rad(
        "oidc.kommun.<kod>.client_id",
        "LOTS_OIDC_<KOD>_CLIENT_ID",
        "",
        "the kommun's OIDC client id",
        "",
    ),
    rad(
        "oidc.kommun.<kod>.client_secret",
        "LOTS_OIDC_<KOD>_CLIENT_SECRET",
        "",
        "the kommun's OIDC client secret (keep it in the environment)",
        "",
    ),
    rad(
        "oidc.kommun.<kod>.redirect_uri",
        "LOTS_OIDC_<KOD>_REDIRECT_URI",
        "",
        "the kommun's OIDC redirect URI (`…/logga-in/oidc/svar`)",
        "",
    ),
    rad(
        "oidc.kommun.<kod>.post_logout_redirect_uri",
        "LOTS_OIDC_<KOD>_POST_LOGOUT_REDIRECT_URI",
        "",
        "where the kommun's provider sends the user after logout",
        "none",
    ),
    rad(
        "oidc.kommun.<kod>.scopes",
        "LOTS_OIDC_<KOD>_SCOPES",
        "",
        "the kommun's scopes besides `openid`",
        "none",
    ),
    rad(
        "oidc.kommun.<kod>.claim",
        "LOTS_OIDC_<KOD>_CLAIM",
        "",
        "the claim of the kommun's provider matched with a user's mapping",
        "`sub`",
    ),
    rad(
        "eid.issuer",
        "LOTS_EID_ISSUER",
        "",
        "Mina sidor's eID broker (BankID, Freja eID) over OpenID Connect",
        "off",
    ),
    rad(
        "eid.client_id",
        "LOTS_EID_CLIENT_ID",
        "",
        "eID client id",
        "",
    ),
    rad(
        "eid.client_secret",
        "LOTS_EID_CLIENT_SECRET",
        "",
        "eID client secret (keep it in the environment)",
        "",
    ),
    rad(
        "eid.redirect_uri",
        "LOTS_EID_REDIRECT_URI",
        "",
        "eID redirect URI (`…/mina-sidor/logga-in/eid/svar`)",
        "",
    ),
    rad(
        "eid.scopes",
        "LOTS_EID_SCOPES",
        "",
        "eID scopes besides `openid` (environment: separated by spaces or commas)",
        "none",
    ),
    rad(
        "eid.personnummer_claim",
        "LOTS_EID_PERSONNUMMER_CLAIM",
        "",
        "the claim holding the personnummer",
        "OIDC Sweden's `personalIdentityNumber`",
    ),
    rad(
        "eid.kommun.<kod>.issuer",
        "LOTS_EID_<KOD>_ISSUER",
        "",
        "a served kommun's own eID broker for Mina sidor (`<kod>`: its kommun code), instead of `eid` for that kommun; its section is complete in itself",
        "`eid`",
    ),
    rad(
        "eid.kommun.<kod>.client_id",
        "LOTS_EID_<KOD>_CLIENT_ID",
        "",
        "the kommun's eID client id",
        "",
    ),
    rad(
        "eid.kommun.<kod>.client_secret",
        "LOTS_EID_<KOD>_CLIENT_SECRET",
        "",
        "the kommun's eID client secret (keep it in the environment)",
        "",
    ),
    rad(
        "eid.kommun.<kod>.redirect_uri",
        "LOTS_EID_<KOD>_REDIRECT_URI",
        "",
        "the kommun's eID redirect URI (`…/mina-sidor/logga-in/eid/svar`)",
        "",
    ),
    rad(
        "eid.kommun.<kod>.scopes",
        "LOTS_EID_<KOD>_SCOPES",
        "",
        "the kommun's eID scopes besides `openid`",
        "none",
    ),
    rad(
        "eid.kommun.<kod>.personnummer_claim",
        "LOTS_EID_<KOD>_PERSONNUMMER_CLAIM",
        "",
        "the claim of the kommun's broker holding the personnummer",
        "OIDC Sweden's `personalIdentityNumber`",
    ),
    rad(
        "",
        "LOTS_GRANSKNING_NYCKEL",
        "",
        "the audit log's MAC key (hex, ≥ 32 bytes; environment only)",
        "none: a warning at start; `serve` refuses to start without it on a log already keyed",
    ),
    rad(
        "",
        "LOTS_GRANSKNING_GAMLA_NYCKLAR",
        "",
        "earlier audit keys, comma-separated, after a rotation",
        "none",
    ),
    rad(
        "granskning.ankarfil",
        "LOTS_GRANSKNING_ANKARFIL",
        "",
        "append-only file the audit chain heads are anchored in",
        "none",
    ),
    rad(
        "granskning.ankare_sekunder",
        "LOTS_GRANSKNING_ANKARE_SEKUNDER",
        "",
        "how often the chain heads are anchored, in seconds",
        "`60`",
    ),
    rad(
        "smtp.host",
        "LOTS_SMTP_HOST",
        "",
        "SMTP server for notifications by e-mail on Mina sidor (docs/avisering.md)",
        "off: no e-mail notifications",
    ),
    rad(
        "smtp.port",
        "LOTS_SMTP_PORT",
        "",
        "SMTP port",
        "`587` (`tls`: `465`, `ingen`: `25`)",
    ),
    rad(
        "smtp.tls",
        "LOTS_SMTP_TLS",
        "",
        "SMTP encryption: `starttls` (required, never plain), `tls` (SMTPS) or `ingen` (a relay on the same host only)",
        "`starttls`",
    ),
    rad(
        "smtp.user",
        "LOTS_SMTP_USER",
        "",
        "SMTP user name",
        "none: no login",
    ),
    rad(
        "smtp.password",
        "LOTS_SMTP_PASSWORD",
        "",
        "SMTP password (keep it in the environment)",
        "none",
    ),
    rad(
        "smtp.from",
        "LOTS_SMTP_FROM",
        "",
        "the From address of notifications: the kommun's general address, never the social services' own (OSL 26 kap. 1 §)",
        "required with `smtp.host`",
    ),
    rad(
        "sms.url",
        "LOTS_SMS_URL",
        "",
        "SMS gateway for notifications: the URL Lots posts each message to (docs/avisering.md)",
        "off: no SMS notifications",
    ),
    rad(
        "sms.token",
        "LOTS_SMS_TOKEN",
        "",
        "the SMS gateway's bearer token (keep it in the environment)",
        "required with `sms.url`",
    ),
    rad(
        "sms.from",
        "LOTS_SMS_FROM",
        "",
        "the sender name of an SMS: the kommun's, never the social services' (at most 11 letters or digits)",
        "required with `sms.url`",
    ),
    rad(
        "",
        "LOTS_TOTP_NYCKEL",
        "",
        "key TOTP secrets are encrypted with (hex, ≥ 32 bytes; environment only)",
        "none",
    ),
    rad(
        "",
        "LOTS_TOTP_GAMLA_NYCKLAR",
        "",
        "earlier TOTP keys, comma-separated, until `lots migrate` re-encrypts",
        "none",
    ),
];

/// The README's settings table, from `INSTALLNINGAR`.
pub fn installningstabell() -> String {
    let kod = |t: &str| {
        if t.is_empty() {
            String::new()
        } else {
            format!("`{t}`")
        }
    };
    let mut ut = String::from(
        "| setting | flag | environment | file key | default |\n|---|---|---|---|---|\n",
    );
    for i in INSTALLNINGAR {
        ut.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            i.vad,
            kod(i.flagga),
            kod(i.miljo),
            kod(i.fil),
            i.standard
        ));
    }
    ut
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Fil {
    database: Option<String>,
    listen: Option<SocketAddr>,
    /// The kommuner served, by code.
    kommuner: Option<Vec<String>>,
    secure_cookies: Option<bool>,
    /// Where `/metrics` is served; not served at all when unset.
    metrics_listen: Option<SocketAddr>,
    /// The longest a request may take, in seconds.
    request_timeout_seconds: Option<u64>,
    /// The bankgiro försörjningsstöd is paid from.
    payment_bankgiro: Option<String>,
    #[serde(default)]
    inloggning: InloggningFil,
    oidc: Option<OidcFil>,
    /// `[eid]`: the eID broker Mina sidor logs people in through.
    eid: Option<EidFil>,
    #[serde(default)]
    granskning: GranskningFil,
    /// `[smtp]`: the mail server notifications go through.
    smtp: Option<SmtpFil>,
    /// `[sms]`: the SMS gateway notifications go through.
    sms: Option<SmsFil>,
}

/// `[smtp]` in lots.toml (issue 19 item 3). The password is best kept in the
/// environment (LOTS_SMTP_PASSWORD).
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SmtpFil {
    host: Option<String>,
    port: Option<u16>,
    tls: Option<String>,
    user: Option<String>,
    password: Option<String>,
    from: Option<String>,
}

/// `[sms]` in lots.toml: the HTTP SMS gateway (docs/avisering.md).
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct SmsFil {
    url: Option<String>,
    token: Option<String>,
    from: Option<String>,
}

/// `[granskning]` in lots.toml: where the audit log's anchors go. The key is
/// read from the environment only (LOTS_GRANSKNING_NYCKEL), never from the file.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct GranskningFil {
    ankarfil: Option<std::path::PathBuf>,
    ankare_sekunder: Option<u64>,
}

/// `[eid]` in lots.toml: the municipality's eID broker (BankID, Freja eID) over
/// OpenID Connect, for Mina sidor.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct EidFil {
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    redirect_uri: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    /// The claim holding the personnummer.
    personnummer_claim: Option<String>,
    /// `[eid.kommun.<kod>]`: a kommun's own broker, with the same keys (issue 18 item 8).
    #[serde(default)]
    kommun: BTreeMap<String, EidFil>,
}

/// `[inloggning]` in lots.toml.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct InloggningFil {
    /// "kravs" (default) or "frivillig".
    totp: Option<String>,
    tomgang_sekunder: Option<i64>,
    sparr_efter: Option<i64>,
    sparr_minuter: Option<i64>,
    sparr_max_minuter: Option<i64>,
    forsok_per_minut_ip: Option<u32>,
    sokningar_per_minut: Option<u32>,
    ip_fran_proxy: Option<bool>,
}

/// `[oidc]` in lots.toml: the provider of every kommun served that has none of its own.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct OidcFil {
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    redirect_uri: Option<String>,
    post_logout_redirect_uri: Option<String>,
    #[serde(default)]
    scopes: Vec<String>,
    claim: Option<String>,
    /// `[oidc.kommun.<kod>]`: a kommun's own provider, with the same keys (issue 18 item 8).
    #[serde(default)]
    kommun: BTreeMap<String, OidcFil>,
}

/// A setting with one value for every kommun served and each kommun's own, by kommun
/// code: `serve` checks the codes against the kommuner it serves.
pub type PerKommun<T> = lots_web::PerKommun<String, T>;

/// Login policy as configured.
#[derive(Debug)]
pub struct Inloggning {
    /// None: not set, so `serve --demo` may choose.
    pub totp: Option<lots_web::TotpKrav>,
    /// How long a staff session lives without a request.
    pub tomgang: time::Duration,
    pub sparr: lots_web::Sparrregler,
    pub forsok_per_minut_ip: u32,
    pub sokningar_per_minut: u32,
    pub ip_fran_proxy: bool,
    /// The staff's identity providers and the claim each maps users by.
    pub oidc: PerKommun<(lots_web::oidc::OidcInstallning, String)>,
    /// Signs device cookies (LOTS_INLOGGNING_NYCKEL, hex, at least 32 bytes); the
    /// same on every server behind one address.
    pub enhetsnyckel: Option<Vec<u8>>,
}

#[derive(Debug)]
pub struct Config {
    pub database: String,
    pub listen: SocketAddr,
    /// The kommuner `serve` serves, by code; empty: the database's only kommun.
    pub kommuner: Vec<String>,
    pub secure_cookies: bool,
    /// The operator's own listener for Prometheus metrics.
    pub metrics_listen: Option<SocketAddr>,
    /// The longest a request may take before it is answered 503 and rolled back.
    pub request_timeout: std::time::Duration,
    pub inloggning: Inloggning,
    /// Mina sidor's eID brokers and the claim each gives the personnummer in.
    pub eid: PerKommun<(lots_web::oidc::OidcInstallning, String)>,
    /// The audit log's MAC key(s) and anchor file.
    pub granskning: lots_store::Loggsakring,
    /// How often `serve` anchors the chain heads.
    pub ankare_intervall: std::time::Duration,
    /// The keys TOTP secrets are encrypted with.
    pub totpnycklar: lots_store::Totpnycklar,
    /// The debtor account of the payment file.
    pub betalkonton: lots_web::Betalkonton,
    /// The mail server notifications go through.
    pub smtp: Option<lots_web::avisering::SmtpInstallning>,
    /// The SMS gateway: (url, token, sender).
    pub sms: Option<(String, String, String)>,
}

impl Config {
    /// `database` is the flag or LOTS_DATABASE_URL, which win over the file.
    pub fn las(fil: Option<&Path>, database: Option<String>) -> anyhow::Result<Self> {
        let standard = Path::new("lots.toml");
        let fil: Fil = match fil {
            Some(p) => toml::from_str(
                &std::fs::read_to_string(p)
                    .with_context(|| format!("kan inte läsa {}", p.display()))?,
            )
            .with_context(|| format!("fel i {}", p.display()))?,
            None if standard.exists() => {
                toml::from_str(&std::fs::read_to_string(standard)?).context("fel i lots.toml")?
            }
            None => Fil::default(),
        };
        Ok(Self {
            database: database
                .or(fil.database)
                .unwrap_or_else(|| "sqlite:lots.db".into()),
            listen: fil
                .listen
                .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 8080))),
            kommuner: match env("LOTS_KOMMUNER") {
                Some(v) => v.split(',').map(|k| k.trim().to_owned()).collect(),
                None => fil.kommuner.unwrap_or_default(),
            }
            .into_iter()
            .filter(|k| !k.is_empty())
            .collect(),
            secure_cookies: sant_eller("LOTS_SECURE_COOKIES", fil.secure_cookies)?
                .unwrap_or(false),
            request_timeout: std::time::Duration::from_secs(
                match env("LOTS_REQUEST_TIMEOUT_SECONDS") {
                    Some(v) => v.trim().parse::<u64>().ok(),
                    None => Some(
                        fil.request_timeout_seconds
                            .unwrap_or(lots_web::begaran::STANDARD_TIDSGRANS.as_secs()),
                    ),
                }
                .filter(|n| (1..=3600).contains(n))
                .context("request_timeout_seconds (LOTS_REQUEST_TIMEOUT_SECONDS) ska vara ett antal sekunder, 1–3600")?,
            ),
            metrics_listen: match env("LOTS_METRICS_LISTEN") {
                Some(v) => Some(v.parse().with_context(|| {
                    format!("LOTS_METRICS_LISTEN ska vara en adress med port, inte {v}")
                })?),
                None => fil.metrics_listen,
            },
            inloggning: inloggning(fil.inloggning, fil.oidc)?,
            eid: eid(fil.eid.unwrap_or_default())?,
            granskning: granskning(&fil.granskning)?,
            ankare_intervall: std::time::Duration::from_secs(
                tal("LOTS_GRANSKNING_ANKARE_SEKUNDER", fil.granskning.ankare_sekunder)?
                    .unwrap_or(60)
                    .max(1),
            ),
            totpnycklar: totpnycklar()?,
            smtp: smtp(fil.smtp.unwrap_or_default())?,
            sms: sms(fil.sms.unwrap_or_default())?,
            betalkonton: match env("LOTS_PAYMENT_BANKGIRO").or(fil.payment_bankgiro) {
                None => lots_web::Betalkonton::default(),
                Some(t) => lots_web::Betalkonton::tolka(&t).map_err(|e| {
                    anyhow::anyhow!("payment_bankgiro (LOTS_PAYMENT_BANKGIRO): {e}. Skriv ett bankgironummer, eller kommunkod=bankgiro per kommun åtskilda med komma.")
                })?,
            },
        })
    }

    /// The URL without a password, for messages.
    pub fn database_redacted(&self) -> String {
        match self.database.split_once('@') {
            Some((fore, efter)) if fore.contains("://") => {
                let schema = fore.split("://").next().unwrap_or("");
                format!("{schema}://…@{efter}")
            }
            _ => self.database.clone(),
        }
    }
}

/// A boolean setting from the environment.
fn sant(v: &str) -> Option<bool> {
    match v.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "ja" | "yes" => Some(true),
        "false" | "0" | "nej" | "no" => Some(false),
        _ => None,
    }
}

fn env(namn: &str) -> Option<String> {
    std::env::var(namn).ok().filter(|v| !v.trim().is_empty())
}

/// A number or boolean setting: the environment variable `namn` wins over the file.
fn tal<T: std::str::FromStr>(namn: &str, fil: Option<T>) -> anyhow::Result<Option<T>> {
    match env(namn) {
        Some(v) => v
            .trim()
            .parse()
            .map(Some)
            .map_err(|_| anyhow::anyhow!("{namn} har ett ogiltigt värde: {v}")),
        None => Ok(fil),
    }
}

/// A yes/no setting: the environment variable `namn` wins over the file.
fn sant_eller(namn: &str, fil: Option<bool>) -> anyhow::Result<Option<bool>> {
    match env(namn) {
        Some(v) => sant(&v)
            .map(Some)
            .with_context(|| format!("{namn} ska vara true eller false")),
        None => Ok(fil),
    }
}

/// Scopes: the environment variable `namn` (separated by spaces or commas) wins over the file.
fn scopes(namn: &str, fil: Vec<String>) -> Vec<String> {
    match env(namn) {
        Some(v) => v
            .split([' ', ','])
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
            .collect(),
        None => fil,
    }
}

/// The Swedish OIDC profile's personnummer claim (OIDC Sweden, "Attribute
/// Specification for the Swedish OpenID Connect Profile").
const PERSONNUMMER_CLAIM: &str = "https://id.oidc.se/claim/personalIdentityNumber";

/// A provider's settings: the environment (`{prefix}_ISSUER`, `_CLIENT_ID`,
/// `_CLIENT_SECRET`, `_REDIRECT_URI`) wins over the file (the section `del`), as for
/// the database; the secret is best kept in the environment only. None when no
/// issuer is set. `vad` names the provider in messages.
#[allow(clippy::too_many_arguments)]
fn leverantor(
    (prefix, del, vad): (&str, &str, &str),
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    redirect_uri: Option<String>,
    scopes: Vec<String>,
    efter_utloggning: Option<String>,
) -> anyhow::Result<Option<lots_web::oidc::OidcInstallning>> {
    let Some(issuer) = env(&format!("{prefix}_ISSUER")).or(issuer) else {
        return Ok(None);
    };
    let krav = |v: Option<String>, namn: &str| {
        v.with_context(|| {
            format!(
                "{vad} är påslaget (issuer) men {namn} saknas ({del}.{namn} eller {prefix}_{})",
                namn.to_ascii_uppercase()
            )
        })
    };
    Ok(Some(lots_web::oidc::OidcInstallning {
        issuer,
        klient_id: krav(
            env(&format!("{prefix}_CLIENT_ID")).or(client_id),
            "client_id",
        )?,
        klient_hemlighet: lots_web::oidc::Hemlighet(krav(
            env(&format!("{prefix}_CLIENT_SECRET")).or(client_secret),
            "client_secret",
        )?),
        omdirigering: krav(
            env(&format!("{prefix}_REDIRECT_URI")).or(redirect_uri),
            "redirect_uri",
        )?,
        scopes,
        efter_utloggning,
    }))
}

/// The keys of a staff provider, as they end its environment variables.
const OIDC_NYCKLAR: &[&str] = &[
    "ISSUER",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "REDIRECT_URI",
    "POST_LOGOUT_REDIRECT_URI",
    "SCOPES",
    "CLAIM",
];
/// The keys of an eID broker, as they end its environment variables.
const EID_NYCKLAR: &[&str] = &[
    "ISSUER",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "REDIRECT_URI",
    "SCOPES",
    "PERSONNUMMER_CLAIM",
];

/// The kommun codes the environment gives a provider of their own: the variables
/// `{prefix}_<KOD>_<KEY>` (LOTS_OIDC_2480_ISSUER). The shared provider's variables
/// (`{prefix}_ISSUER`) begin with a letter, a kommun's with a digit; a code that is
/// not four digits, or a key the provider does not have, is a typing error that would
/// otherwise leave a kommun on the shared provider unnoticed.
fn koder_i_miljon(prefix: &str, nycklar: &[&str]) -> anyhow::Result<BTreeSet<String>> {
    let mut koder = BTreeSet::new();
    for (namn, _) in std::env::vars_os() {
        let Some(namn) = namn.to_str() else { continue };
        let Some(rest) = namn.strip_prefix(prefix).and_then(|r| r.strip_prefix('_')) else {
            continue;
        };
        if !rest.starts_with(|c: char| c.is_ascii_digit()) || env(namn).is_none() {
            continue;
        }
        let (kod, nyckel) = rest.split_once('_').unwrap_or((rest, ""));
        if !lots_domain::organisation::ar_kommunkod(kod) {
            anyhow::bail!("{namn}: {kod} är ingen kommunkod med fyra siffror");
        }
        if !nycklar.contains(&nyckel) {
            anyhow::bail!(
                "{namn}: okänd inställning; en kommuns egna heter {prefix}_{kod}_ och sedan {}",
                nycklar.join(", ")
            );
        }
        koder.insert(kod.to_owned());
    }
    Ok(koder)
}

/// A provider's section in the file, which may hold each kommun's own under
/// `kommun.<kod>` (only the shared one: a kommun's section holds none).
trait Leverantorsfil: Default {
    fn ta_kommuner(&mut self) -> BTreeMap<String, Self>;
}

impl Leverantorsfil for OidcFil {
    fn ta_kommuner(&mut self) -> BTreeMap<String, Self> {
        std::mem::take(&mut self.kommun)
    }
}

impl Leverantorsfil for EidFil {
    fn ta_kommuner(&mut self) -> BTreeMap<String, Self> {
        std::mem::take(&mut self.kommun)
    }
}

/// The shared provider and each kommun's own (issue 18 item 8): the file's
/// `[{del}]` and `[{del}.kommun.<kod>]`, and the environment's `{prefix}_…` and
/// `{prefix}_<KOD>_…`, the environment winning key by key (`las` reads one provider
/// from its prefix, section and file part). A kommun named without an issuer is a
/// mistake, not "off": it stops the start.
fn per_kommun<F: Leverantorsfil, T>(
    (prefix, del, vad): (&str, &str, &str),
    nycklar: &[&str],
    mut fil: F,
    las: impl Fn((&str, &str, &str), F) -> anyhow::Result<Option<T>>,
) -> anyhow::Result<PerKommun<T>> {
    let mut egna_i_fil = fil.ta_kommuner();
    let gemensam = las((prefix, del, vad), fil)?;
    let mut koder = koder_i_miljon(prefix, nycklar)?;
    for kod in egna_i_fil.keys() {
        if !lots_domain::organisation::ar_kommunkod(kod) {
            anyhow::bail!("[{del}.kommun.{kod}]: {kod} är ingen kommunkod med fyra siffror");
        }
        koder.insert(kod.clone());
    }
    let mut egna = vec![];
    for kod in koder {
        let mut f = egna_i_fil.remove(&kod).unwrap_or_default();
        let (prefix, del, vad) = (
            format!("{prefix}_{kod}"),
            format!("{del}.kommun.{kod}"),
            format!("{vad} för kommun {kod}"),
        );
        if !f.ta_kommuner().is_empty() {
            anyhow::bail!("[{del}] kan inte ha kommuner under sig");
        }
        let Some(t) = las((&prefix, &del, &vad), f)? else {
            anyhow::bail!("{vad} saknar issuer ({del}.issuer eller {prefix}_ISSUER)");
        };
        egna.push((kod, t));
    }
    Ok(PerKommun { gemensam, egna })
}

/// The audit log's protection (issue 12, item 9): the key that stamps new rows
/// (LOTS_GRANSKNING_NYCKEL), earlier keys kept for verifying the rows they
/// stamped (LOTS_GRANSKNING_GAMLA_NYCKLAR, comma-separated), and the anchor file
/// (LOTS_GRANSKNING_ANKARFIL over `[granskning] ankarfil`). Keys are hex, at
/// least 32 bytes; no message repeats them.
fn granskning(f: &GranskningFil) -> anyhow::Result<lots_store::Loggsakring> {
    let nyckel = env("LOTS_GRANSKNING_NYCKEL")
        .map(|t| lots_store::Loggnyckel::fran_hex(&t))
        .transpose()
        .map_err(|e| anyhow::anyhow!("LOTS_GRANSKNING_NYCKEL: {e}"))?;
    let gamla_nycklar = env("LOTS_GRANSKNING_GAMLA_NYCKLAR")
        .unwrap_or_default()
        .split(',')
        .filter(|t| !t.trim().is_empty())
        .map(lots_store::Loggnyckel::fran_hex)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("LOTS_GRANSKNING_GAMLA_NYCKLAR: {e}"))?;
    let ankarfil = env("LOTS_GRANSKNING_ANKARFIL")
        .map(std::path::PathBuf::from)
        .or(f.ankarfil.clone());
    Ok(lots_store::Loggsakring {
        nyckel,
        gamla_nycklar,
        ankarfil,
    })
}

/// The key TOTP secrets are encrypted with (LOTS_TOTP_NYCKEL) and earlier keys
/// still read until `lots migrate` has re-encrypted with the current one
/// (LOTS_TOTP_GAMLA_NYCKLAR, comma-separated). From the environment only, never
/// the file; hex, at least 32 bytes; no message repeats them.
fn totpnycklar() -> anyhow::Result<lots_store::Totpnycklar> {
    let nyckel = env("LOTS_TOTP_NYCKEL")
        .map(|t| lots_store::Totpnyckel::fran_hex(&t))
        .transpose()
        .map_err(|e| anyhow::anyhow!("LOTS_TOTP_NYCKEL: {e}"))?;
    let gamla = env("LOTS_TOTP_GAMLA_NYCKLAR")
        .unwrap_or_default()
        .split(',')
        .filter(|t| !t.trim().is_empty())
        .map(lots_store::Totpnyckel::fran_hex)
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| anyhow::anyhow!("LOTS_TOTP_GAMLA_NYCKLAR: {e}"))?;
    Ok(lots_store::Totpnycklar { nyckel, gamla })
}

/// The SMTP server (issue 19 item 3): the environment wins over the file, as for
/// the other settings; None when no host is set.
fn smtp(f: SmtpFil) -> anyhow::Result<Option<lots_web::avisering::SmtpInstallning>> {
    use lots_web::avisering::SmtpTls;
    let Some(vard) = env("LOTS_SMTP_HOST").or(f.host) else {
        return Ok(None);
    };
    let tls = match env("LOTS_SMTP_TLS").or(f.tls) {
        None => SmtpTls::Starttls,
        Some(t) => SmtpTls::tolka(&t).with_context(|| {
            format!("smtp.tls (LOTS_SMTP_TLS) ska vara starttls, tls eller ingen, inte {t}")
        })?,
    };
    let port = tal("LOTS_SMTP_PORT", f.port)?.unwrap_or(match tls {
        SmtpTls::Starttls => 587,
        SmtpTls::Tls => 465,
        SmtpTls::Ingen => 25,
    });
    let fran = env("LOTS_SMTP_FROM")
        .or(f.from)
        .context("smtp.host är angiven men smtp.from (LOTS_SMTP_FROM) saknas")?;
    let anvandare = env("LOTS_SMTP_USER").or(f.user);
    let losenord = env("LOTS_SMTP_PASSWORD").or(f.password);
    if anvandare.is_some() != losenord.is_some() {
        anyhow::bail!(
            "smtp.user och smtp.password (LOTS_SMTP_USER, LOTS_SMTP_PASSWORD) anges båda eller ingen"
        );
    }
    let inst = lots_web::avisering::SmtpInstallning {
        vard,
        port,
        tls,
        anvandare,
        losenord,
        fran,
    };
    // Checked now, so a wrong address stops the start rather than every notification.
    lots_web::avisering::Smtp::ny(&inst).map_err(|e| anyhow::anyhow!(e))?;
    Ok(Some(inst))
}

/// The SMS gateway: (url, token, sender); None when no URL is set.
fn sms(f: SmsFil) -> anyhow::Result<Option<(String, String, String)>> {
    let Some(url) = env("LOTS_SMS_URL").or(f.url) else {
        return Ok(None);
    };
    let token = env("LOTS_SMS_TOKEN")
        .or(f.token)
        .context("sms.url är angiven men sms.token (LOTS_SMS_TOKEN) saknas")?;
    let fran = env("LOTS_SMS_FROM")
        .or(f.from)
        .context("sms.url är angiven men sms.from (LOTS_SMS_FROM) saknas")?;
    Ok(Some((url, token, fran)))
}

/// Mina sidor's eID brokers: `[eid]` for every kommun served without one of its own,
/// `[eid.kommun.<kod>]` each kommun's own.
fn eid(f: EidFil) -> anyhow::Result<PerKommun<(lots_web::oidc::OidcInstallning, String)>> {
    per_kommun(("LOTS_EID", "eid", "eID"), EID_NYCKLAR, f, en_eid)
}

/// One eID broker and its personnummer claim, from `prefix`'s variables and the file.
fn en_eid(
    (prefix, del, vad): (&str, &str, &str),
    f: EidFil,
) -> anyhow::Result<Option<(lots_web::oidc::OidcInstallning, String)>> {
    let inst = leverantor(
        (prefix, del, vad),
        f.issuer,
        f.client_id,
        f.client_secret,
        f.redirect_uri,
        scopes(&format!("{prefix}_SCOPES"), f.scopes),
        None,
    )?;
    let claim = env(&format!("{prefix}_PERSONNUMMER_CLAIM"))
        .or(f.personnummer_claim)
        .unwrap_or_else(|| PERSONNUMMER_CLAIM.into());
    Ok(inst.map(|i| (i, claim)))
}

/// The staff's identity providers: `[oidc]` for every kommun served without one of its
/// own, `[oidc.kommun.<kod>]` each kommun's own.
fn oidc_leverantorer(
    f: Option<OidcFil>,
) -> anyhow::Result<PerKommun<(lots_web::oidc::OidcInstallning, String)>> {
    per_kommun(
        ("LOTS_OIDC", "oidc", "OIDC"),
        OIDC_NYCKLAR,
        f.unwrap_or_default(),
        en_oidc,
    )
}

/// One staff provider and the claim users are mapped by, from `prefix`'s variables
/// and the file.
fn en_oidc(
    (prefix, del, vad): (&str, &str, &str),
    f: OidcFil,
) -> anyhow::Result<Option<(lots_web::oidc::OidcInstallning, String)>> {
    let inst = leverantor(
        (prefix, del, vad),
        f.issuer,
        f.client_id,
        f.client_secret,
        f.redirect_uri,
        scopes(&format!("{prefix}_SCOPES"), f.scopes),
        env(&format!("{prefix}_POST_LOGOUT_REDIRECT_URI")).or(f.post_logout_redirect_uri),
    )?;
    let Some(inst) = inst else {
        return Ok(None);
    };
    let claim = env(&format!("{prefix}_CLAIM"))
        .or(f.claim)
        .unwrap_or_else(|| "sub".into());
    if !["sub", "email", "preferred_username"].contains(&claim.as_str()) {
        anyhow::bail!("{del}.claim ({prefix}_CLAIM) ska vara sub, email eller preferred_username");
    }
    Ok(Some((inst, claim)))
}

fn inloggning(f: InloggningFil, oidc: Option<OidcFil>) -> anyhow::Result<Inloggning> {
    let totp = match env("LOTS_TOTP").or(f.totp).as_deref() {
        None => None,
        Some("kravs") => Some(lots_web::TotpKrav::Kravs),
        Some("frivillig") => Some(lots_web::TotpKrav::Frivillig),
        Some(annat) => anyhow::bail!(
            "inloggning.totp ska vara \"kravs\" eller \"frivillig\", inte \"{annat}\""
        ),
    };
    let standard = lots_web::Sparrregler::default();
    let sparr = lots_web::Sparrregler {
        troskel: tal("LOTS_SPARR_EFTER", f.sparr_efter)?
            .unwrap_or(standard.troskel)
            .max(1),
        bas: tal("LOTS_SPARR_MINUTER", f.sparr_minuter)?
            .map(time::Duration::minutes)
            .unwrap_or(standard.bas),
        tak: tal("LOTS_SPARR_MAX_MINUTER", f.sparr_max_minuter)?
            .map(time::Duration::minutes)
            .unwrap_or(standard.tak),
    };
    let oidc = oidc_leverantorer(oidc)?;
    // At least 20 seconds (a browser test's short sessions), at most the session's absolute
    // limit of ten hours.
    let tomgang = match tal("LOTS_TOMGANG_SEKUNDER", f.tomgang_sekunder)? {
        None => lots_web::TOMGANG,
        Some(n) if (20..=36_000).contains(&n) => time::Duration::seconds(n),
        Some(n) => anyhow::bail!(
            "inloggning.tomgang_sekunder (LOTS_TOMGANG_SEKUNDER) ska vara 20–36000 sekunder, inte {n}"
        ),
    };
    Ok(Inloggning {
        totp,
        tomgang,
        sparr,
        forsok_per_minut_ip: tal("LOTS_FORSOK_PER_MINUT_IP", f.forsok_per_minut_ip)?
            .unwrap_or(60)
            .max(1),
        sokningar_per_minut: tal("LOTS_SOKNINGAR_PER_MINUT", f.sokningar_per_minut)?
            .unwrap_or(30)
            .max(1),
        ip_fran_proxy: sant_eller("LOTS_IP_FRAN_PROXY", f.ip_fran_proxy)?.unwrap_or(false),
        oidc,
        enhetsnyckel: env("LOTS_INLOGGNING_NYCKEL")
            .map(|t| match hex::decode(t.trim()) {
                Ok(b) if b.len() >= 32 => Ok(b),
                _ => Err(anyhow::anyhow!(
                    "LOTS_INLOGGNING_NYCKEL ska vara minst 32 byte hexadecimalt (openssl rand -hex 32)"
                )),
            })
            .transpose()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const KOD: [&str; 2] = [include_str!("config.rs"), include_str!("main.rs")];

    #[test]
    fn readme_har_tabellen_ur_koden() {
        let readme = include_str!("../../../README.md");
        assert!(
            readme.contains(&installningstabell()),
            "README.md's settings table differs from config::INSTALLNINGAR; put this table in README.md:\n\n{}",
            installningstabell()
        );
    }

    #[test]
    fn varje_miljovariabel_i_tabellen_lases_av_koden() {
        let kod = KOD.join("\n");
        for i in INSTALLNINGAR {
            // A kommun's own provider (`LOTS_OIDC_<KOD>_ISSUER`) is read as the shared
            // one's key under the kommun's prefix (`per_kommun`), and only the
            // keys `koder_i_miljon` accepts are read at all.
            let miljo = i.miljo.replace("<KOD>_", "");
            if miljo != i.miljo {
                let nycklar = if miljo.starts_with("LOTS_OIDC_") {
                    OIDC_NYCKLAR
                } else {
                    EID_NYCKLAR
                };
                assert!(
                    nycklar.iter().any(|n| miljo.ends_with(&format!("_{n}"))),
                    "{} is in the table but not a key a kommun's own provider is read with",
                    i.miljo
                );
                assert!(kod.contains("format!(\"{prefix}_{kod}\")"));
            }
            let citerad = format!("\"{miljo}\"");
            // The identity providers' variables are built from a prefix.
            let med_prefix = ["LOTS_OIDC_", "LOTS_EID_"]
                .iter()
                .find_map(|p| miljo.strip_prefix(p))
                .map(|rest| format!("\"{{prefix}}_{rest}\""));
            let lases =
                kod.matches(&citerad).count() >= 2 || med_prefix.is_some_and(|m| kod.contains(&m));
            assert!(lases, "{} is in the table but never read", i.miljo);
        }
    }

    #[test]
    fn varje_miljovariabel_koden_laser_finns_i_tabellen() {
        let kod = KOD.join("\n");
        let mut rest = kod.as_str();
        while let Some(i) = rest.find("\"LOTS_") {
            rest = &rest[i + 1..];
            let namn: String = rest
                .chars()
                .take_while(|c| c.is_ascii_uppercase() || *c == '_')
                .collect();
            // `lots init`'s own variables, and the identity providers' prefixes.
            let prefix = INSTALLNINGAR
                .iter()
                .any(|i| i.miljo.starts_with(&format!("{namn}_")));
            if namn.starts_with("LOTS_INIT_") || namn.ends_with('_') || prefix {
                continue;
            }
            assert!(
                INSTALLNINGAR.iter().any(|i| i.miljo == namn),
                "{namn} is read by the code but missing from config::INSTALLNINGAR and the README"
            );
        }
    }

    #[test]
    fn varje_nyckel_i_tabellen_tas_emot_av_filen() {
        for i in INSTALLNINGAR.iter().filter(|i| !i.fil.is_empty()) {
            let fil = i.fil.replace("<kod>", "2480");
            let godtagen = ["\"x\"", "1", "true", "[]", "\"127.0.0.1:1\""]
                .iter()
                .any(|varde| {
                    let toml = match fil.split_once('.') {
                        Some((del, nyckel)) => format!("[{del}]\n{nyckel} = {varde}\n"),
                        None => format!("{fil} = {varde}\n"),
                    };
                    toml::from_str::<Fil>(&toml).is_ok()
                });
            assert!(godtagen, "lots.toml does not accept {}", i.fil);
        }
    }

    fn fil(toml: &str) -> Fil {
        toml::from_str(toml).expect("a valid lots.toml")
    }

    /// The error a configuration stops the start with, as `lots serve` prints it.
    fn fel<T: std::fmt::Debug>(r: anyhow::Result<T>) -> String {
        format!("{:#}", r.expect_err("a configuration error"))
    }

    const REGION: &str = r#"
[oidc]
issuer = "https://login.region.example"
client_id = "lots"
client_secret = "region-hemlighet"
redirect_uri = "https://lots.region.example/logga-in/oidc/svar"
scopes = ["email", "profile"]
claim = "email"

[oidc.kommun.2480]
issuer = "https://login.umea.example"
client_id = "lots-umea"
client_secret = "umea-hemlighet"
redirect_uri = "https://umea.lots.example/logga-in/oidc/svar"
post_logout_redirect_uri = "https://umea.lots.example/logga-in"

[oidc.kommun.2482]
issuer = "https://login.skelleftea.example"
client_id = "lots-skelleftea"
client_secret = "skelleftea-hemlighet"
redirect_uri = "https://lots.region.example/logga-in/oidc/svar"
claim = "preferred_username"

[eid.kommun.2482]
issuer = "https://eid.skelleftea.example"
client_id = "mina-sidor"
client_secret = "eid-hemlighet"
redirect_uri = "https://lots.region.example/mina-sidor/logga-in/eid/svar"
personnummer_claim = "pnr"
"#;

    /// Issue 18 item 8: `[oidc]` is the provider of every kommun without one of its own,
    /// `[oidc.kommun.<kod>]` a kommun's own, complete in itself: nothing of the shared
    /// section leaks into it (a kommun's provider has its own scopes and claim).
    #[test]
    fn leverantorer_per_kommun() {
        let f = fil(REGION);
        let oidc = oidc_leverantorer(f.oidc).unwrap();
        let (gemensam, claim) = oidc.gemensam.expect("the shared provider");
        assert_eq!(gemensam.issuer, "https://login.region.example");
        assert_eq!(gemensam.scopes, ["email", "profile"]);
        assert_eq!(claim, "email");
        let egna: Vec<_> = oidc
            .egna
            .iter()
            .map(|(kod, (i, claim))| {
                (
                    kod.as_str(),
                    i.issuer.as_str(),
                    i.klient_id.as_str(),
                    i.klient_hemlighet.0.as_str(),
                    i.omdirigering.as_str(),
                    i.scopes.clone(),
                    i.efter_utloggning.as_deref(),
                    claim.as_str(),
                )
            })
            .collect();
        assert_eq!(
            egna,
            [
                (
                    "2480",
                    "https://login.umea.example",
                    "lots-umea",
                    "umea-hemlighet",
                    "https://umea.lots.example/logga-in/oidc/svar",
                    vec![],
                    Some("https://umea.lots.example/logga-in"),
                    "sub",
                ),
                (
                    "2482",
                    "https://login.skelleftea.example",
                    "lots-skelleftea",
                    "skelleftea-hemlighet",
                    "https://lots.region.example/logga-in/oidc/svar",
                    vec![],
                    None,
                    "preferred_username",
                ),
            ]
        );
        // The eID broker likewise: no shared one here, one kommun's own.
        let eid = eid(f.eid.unwrap_or_default()).unwrap();
        assert!(eid.gemensam.is_none());
        assert_eq!(eid.egna.len(), 1);
        let (kod, (inst, claim)) = &eid.egna[0];
        assert_eq!(
            (kod.as_str(), inst.issuer.as_str(), claim.as_str()),
            ("2482", "https://eid.skelleftea.example", "pnr")
        );
        // Without any section: no provider at all, so no kommun has an OIDC button.
        let tom = oidc_leverantorer(None).unwrap();
        assert!(tom.gemensam.is_none() && tom.egna.is_empty());
    }

    /// A kommun's provider that cannot be right stops the start with a Swedish message
    /// naming the kommun, the key and its environment variable.
    #[test]
    fn fel_i_en_kommuns_leverantor() {
        let bas = "issuer = \"https://login.example\"\nclient_id = \"lots\"\nclient_secret = \"h\"\nredirect_uri = \"https://lots.example/logga-in/oidc/svar\"\n";
        for (toml, vantat) in [
            (
                format!("[oidc.kommun.248]\n{bas}"),
                "[oidc.kommun.248]: 248 är ingen kommunkod med fyra siffror".to_owned(),
            ),
            (
                format!("[oidc.kommun.umea]\n{bas}"),
                "[oidc.kommun.umea]: umea är ingen kommunkod med fyra siffror".to_owned(),
            ),
            (
                format!("[oidc.kommun.2480]\n{}", bas.replace("client_id = \"lots\"\n", "")),
                "OIDC för kommun 2480 är påslaget (issuer) men client_id saknas (oidc.kommun.2480.client_id eller LOTS_OIDC_2480_CLIENT_ID)".to_owned(),
            ),
            (
                "[oidc.kommun.2480]\nclient_id = \"lots\"\n".to_owned(),
                "OIDC för kommun 2480 saknar issuer (oidc.kommun.2480.issuer eller LOTS_OIDC_2480_ISSUER)".to_owned(),
            ),
            (
                format!("[oidc.kommun.2480]\n{bas}claim = \"namn\"\n"),
                "oidc.kommun.2480.claim (LOTS_OIDC_2480_CLAIM) ska vara sub, email eller preferred_username".to_owned(),
            ),
            (
                format!("[oidc.kommun.2480]\n{bas}[oidc.kommun.2480.kommun.2482]\n{bas}"),
                "[oidc.kommun.2480] kan inte ha kommuner under sig".to_owned(),
            ),
        ] {
            assert_eq!(fel(oidc_leverantorer(fil(&toml).oidc)), vantat, "{toml}");
        }
        let eid_utan_adress = format!(
            "[eid.kommun.2482]\n{}",
            bas.replace(
                "redirect_uri = \"https://lots.example/logga-in/oidc/svar\"\n",
                ""
            )
        );
        assert_eq!(
            fel(eid(fil(&eid_utan_adress).eid.unwrap_or_default())),
            "eID för kommun 2482 är påslaget (issuer) men redirect_uri saknas (eid.kommun.2482.redirect_uri eller LOTS_EID_2482_REDIRECT_URI)"
        );
        // A key the provider does not have is refused by the file's parser, as everywhere.
        let okand = toml::from_str::<Fil>(&format!("[oidc.kommun.2480]\n{bas}isuer = \"x\"\n"));
        assert!(okand.is_err());
    }

    #[test]
    fn varje_nyckel_filen_tar_emot_finns_i_tabellen() {
        let kod = KOD[0];
        for (struktur, del) in [
            ("struct Fil {", ""),
            ("struct InloggningFil {", "inloggning."),
            ("struct OidcFil {", "oidc."),
            ("struct EidFil {", "eid."),
            ("struct GranskningFil {", "granskning."),
            ("struct SmtpFil {", "smtp."),
            ("struct SmsFil {", "sms."),
        ] {
            let start = kod.find(struktur).expect(struktur) + struktur.len();
            let kropp = &kod[start..start + kod[start..].find("\n}").expect("end")];
            for rad in kropp.lines() {
                let Some((falt, typ)) = rad.trim().split_once(": ") else {
                    continue;
                };
                if rad.trim_start().starts_with("//")
                    || typ.ends_with("Fil,")
                    || typ.contains("Fil>")
                {
                    continue;
                }
                let mut nycklar = vec![format!("{del}{falt}")];
                // A kommun's own provider has every key of the shared one.
                if ["oidc.", "eid."].contains(&del) {
                    nycklar.push(format!("{del}kommun.<kod>.{falt}"));
                }
                for nyckel in nycklar {
                    assert!(
                        INSTALLNINGAR.iter().any(|i| i.fil == nyckel),
                        "lots.toml accepts {nyckel}, but config::INSTALLNINGAR and the README do not list it"
                    );
                }
            }
        }
    }
}
