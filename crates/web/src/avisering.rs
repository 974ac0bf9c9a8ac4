//! Sending aviseringar (issue 19 item 3, docs/avisering.md): e-mail over SMTP
//! (`lettre`), SMS through a provider behind `Smsleverantor`, and the worker that
//! empties the outbox the steps fill. A notification says only that something is new
//! on Mina sidor (`lots_domain::avisering`, OSL 26 kap. 1 §): its words come from
//! Mina sidor's texts (`avisering-*`), the same for everyone, never a fact of a case.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex};

use lots_domain::avisering::{Kanal, MAX_FORSOK, nasta_forsok};
use lots_store::{StoreError, Utkorgspost};

use crate::AppState;
use crate::mina_sidor::aviseringar::aviseringstext;

pub type Framtid<'a> = Pin<Box<dyn Future<Output = Result<(), Sandfel>> + Send + 'a>>;

/// Why a send failed: whether trying again later may help, and what to record. The
/// description names no person and no address (a mail server's answer may repeat the
/// address, so only its code is kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sandfel {
    pub tillfalligt: bool,
    pub beskrivning: String,
}

impl Sandfel {
    pub fn tillfalligt(beskrivning: impl Into<String>) -> Self {
        Self {
            tillfalligt: true,
            beskrivning: beskrivning.into(),
        }
    }
    pub fn permanent(beskrivning: impl Into<String>) -> Self {
        Self {
            tillfalligt: false,
            beskrivning: beskrivning.into(),
        }
    }
}

/// Sends an e-mail: the SMTP server, or a test's own.
pub trait Epostsandare: Send + Sync {
    fn skicka<'a>(&'a self, till: &'a str, amne: &'a str, text: &'a str) -> Framtid<'a>;
}

/// An SMS gateway. Lots ships the HTTP gateway (`HttpSms`, its API in
/// docs/avisering.md) and a test double (`InspeladeSms`); another provider is one
/// more implementation.
pub trait Smsleverantor: Send + Sync {
    fn skicka<'a>(&'a self, till: &'a str, text: &'a str) -> Framtid<'a>;
}

/// How the connection to the SMTP server is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SmtpTls {
    /// STARTTLS on the submission port (587), required: never falls back to plain text.
    Starttls,
    /// TLS from the first byte (SMTPS, port 465).
    Tls,
    /// No encryption: only for a relay on the same host or network (and the tests).
    Ingen,
}

impl SmtpTls {
    pub fn tolka(t: &str) -> Option<Self> {
        match t.trim() {
            "starttls" => Some(Self::Starttls),
            "tls" => Some(Self::Tls),
            "ingen" | "none" => Some(Self::Ingen),
            _ => None,
        }
    }
}

/// The SMTP server notifications are sent through.
#[derive(Clone)]
pub struct SmtpInstallning {
    pub vard: String,
    pub port: u16,
    pub tls: SmtpTls,
    pub anvandare: Option<String>,
    pub losenord: Option<String>,
    /// The From address: the kommun's general one, not the social services' (OSL 26
    /// kap. 1 §: the sender must not reveal a contact with socialtjänsten).
    pub fran: String,
}

impl std::fmt::Debug for SmtpInstallning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SmtpInstallning")
            .field("vard", &self.vard)
            .field("port", &self.port)
            .field("tls", &self.tls)
            .field("anvandare", &self.anvandare)
            .field("losenord", &self.losenord.as_ref().map(|_| "…"))
            .field("fran", &self.fran)
            .finish()
    }
}

/// E-mail through an SMTP server, one connection per message (notifications are few), on
/// a blocking thread so that a slow server holds no async worker.
pub struct Smtp {
    transport: lettre::SmtpTransport,
    fran: lettre::message::Mailbox,
}

impl Smtp {
    pub fn ny(inst: &SmtpInstallning) -> Result<Self, String> {
        use lettre::SmtpTransport as T;
        let fran = inst
            .fran
            .parse()
            .map_err(|_| format!("smtp.from är inte en e-postadress: {}", inst.fran))?;
        let bygg = match inst.tls {
            SmtpTls::Ingen => T::builder_dangerous(&inst.vard),
            SmtpTls::Starttls => T::starttls_relay(&inst.vard)
                .map_err(|e| format!("smtp.host {}: {e}", inst.vard))?,
            SmtpTls::Tls => {
                T::relay(&inst.vard).map_err(|e| format!("smtp.host {}: {e}", inst.vard))?
            }
        }
        .port(inst.port)
        .timeout(Some(std::time::Duration::from_secs(30)));
        let bygg = match (&inst.anvandare, &inst.losenord) {
            (Some(u), Some(p)) => bygg.credentials(
                lettre::transport::smtp::authentication::Credentials::new(u.clone(), p.clone()),
            ),
            _ => bygg,
        };
        Ok(Self {
            transport: bygg.build(),
            fran,
        })
    }
}

impl Epostsandare for Smtp {
    fn skicka<'a>(&'a self, till: &'a str, amne: &'a str, text: &'a str) -> Framtid<'a> {
        Box::pin(async move {
            use lettre::Transport;
            let till: lettre::message::Mailbox = till
                .parse()
                .map_err(|_| Sandfel::permanent("adressen kan inte läsas"))?;
            let brev = lettre::Message::builder()
                .from(self.fran.clone())
                .to(till)
                .subject(amne)
                .header(lettre::message::header::ContentType::TEXT_PLAIN)
                .body(text.to_owned())
                .map_err(|_| Sandfel::permanent("brevet kunde inte byggas"))?;
            let transport = self.transport.clone();
            let svar = tokio::task::spawn_blocking(move || transport.send(&brev))
                .await
                .map_err(|_| Sandfel::tillfalligt("SMTP: sändningen avbröts"))?;
            svar.map(|_| ()).map_err(|e| {
                // Only the reply code: the server's words may repeat the address.
                let kod = e.status().map(|k| format!("SMTP {k}"));
                let beskrivning = kod.unwrap_or_else(|| {
                    if e.is_timeout() {
                        "SMTP: tiden gick ut".into()
                    } else if e.is_tls() {
                        "SMTP: TLS misslyckades".into()
                    } else {
                        "SMTP: ingen förbindelse".into()
                    }
                });
                if e.is_permanent() {
                    Sandfel::permanent(beskrivning)
                } else {
                    Sandfel::tillfalligt(beskrivning)
                }
            })
        })
    }
}

/// An SMS gateway over HTTP (docs/avisering.md): `POST {url}` with a bearer token and
/// `{"to": "+4670…", "from": "…", "message": "…"}`; 2xx is sent, 429 and 5xx are tried
/// again, any other answer is given up.
pub struct HttpSms {
    pub url: String,
    pub token: String,
    pub fran: String,
    klient: reqwest::Client,
}

impl HttpSms {
    pub fn ny(url: String, token: String, fran: String) -> Self {
        Self {
            url,
            token,
            fran,
            klient: reqwest::Client::builder()
                .timeout(std::time::Duration::from_secs(30))
                .build()
                .unwrap_or_default(),
        }
    }
}

impl Smsleverantor for HttpSms {
    fn skicka<'a>(&'a self, till: &'a str, text: &'a str) -> Framtid<'a> {
        Box::pin(async move {
            let svar = self
                .klient
                .post(&self.url)
                .bearer_auth(&self.token)
                .json(&serde_json::json!({"to": till, "from": self.fran, "message": text}))
                .send()
                .await
                .map_err(|_| Sandfel::tillfalligt("SMS: ingen förbindelse"))?;
            let s = svar.status();
            if s.is_success() {
                Ok(())
            } else if s.as_u16() == 429 || s.is_server_error() {
                Err(Sandfel::tillfalligt(format!("SMS: HTTP {}", s.as_u16())))
            } else {
                Err(Sandfel::permanent(format!("SMS: HTTP {}", s.as_u16())))
            }
        })
    }
}

/// The test double of an SMS gateway: records what would be sent, and fails the next
/// `misslyckas` sends.
#[derive(Clone, Default)]
pub struct InspeladeSms {
    pub skickade: Arc<Mutex<Vec<(String, String)>>>,
    pub misslyckas: Arc<std::sync::atomic::AtomicUsize>,
}

impl InspeladeSms {
    /// What was sent: (number, text).
    pub fn skickade(&self) -> Vec<(String, String)> {
        self.skickade.lock().map(|v| v.clone()).unwrap_or_default()
    }
}

impl Smsleverantor for InspeladeSms {
    fn skicka<'a>(&'a self, till: &'a str, text: &'a str) -> Framtid<'a> {
        Box::pin(async move {
            use std::sync::atomic::Ordering;
            if self
                .misslyckas
                .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                .is_ok()
            {
                return Err(Sandfel::tillfalligt("SMS: HTTP 503"));
            }
            if let Ok(mut v) = self.skickade.lock() {
                v.push((till.to_owned(), text.to_owned()));
            }
            Ok(())
        })
    }
}

/// The channels this server can send by; none configured means Mina sidor offers none.
#[derive(Clone, Default)]
pub struct Avisering {
    pub epost: Option<Arc<dyn Epostsandare>>,
    pub sms: Option<Arc<dyn Smsleverantor>>,
}

impl Avisering {
    /// The channels the person may choose among.
    pub fn kanaler(&self) -> Vec<Kanal> {
        let mut ut = vec![];
        if self.epost.is_some() {
            ut.push(Kanal::Epost);
        }
        if self.sms.is_some() {
            ut.push(Kanal::Sms);
        }
        ut
    }

    /// Sends one message by `kanal` (an SMS has no subject).
    pub async fn skicka(
        &self,
        kanal: Kanal,
        till: &str,
        amne: &str,
        text: &str,
    ) -> Result<(), Sandfel> {
        match kanal {
            Kanal::Epost => match &self.epost {
                Some(e) => e.skicka(till, amne, text).await,
                None => Err(Sandfel::tillfalligt("ingen SMTP-server är inställd")),
            },
            Kanal::Sms => match &self.sms {
                Some(s) => s.skicka(till, text).await,
                None => Err(Sandfel::tillfalligt("ingen SMS-tjänst är inställd")),
            },
        }
    }
}

/// How long a notification taken for sending is left to this attempt before another
/// server may try it (a crash between sending and recording).
const UPPTAGEN: time::Duration = time::Duration::minutes(10);

/// Notifications handled per kommun and round.
const PER_VARV: i64 = 100;

/// One round of the worker: every due notification of the kommuner this server
/// serves is sent, and its outcome recorded; a failure waits `nasta_forsok` and is
/// given up after `MAX_FORSOK` attempts or at once when the server says it never
/// will succeed. Returns how many were handled.
pub async fn skicka_forfallna(s: &AppState) -> Result<usize, StoreError> {
    let mut antal = 0;
    for kommun in s.betjanade().await? {
        let nu = s.nu();
        for post in s
            .store
            .avisering()
            .forfallna(kommun.id, nu, PER_VARV)
            .await?
        {
            if !s.store.avisering().ta(&post, nu + UPPTAGEN).await? {
                continue;
            }
            antal += 1;
            skicka_en(s, &post).await?;
        }
    }
    Ok(antal)
}

async fn skicka_en(s: &AppState, post: &Utkorgspost) -> Result<(), StoreError> {
    let forsok = post.forsok + 1;
    let Some((kanal, adress, sprak)) = &post.mottagare else {
        // Turned off since the step: nothing to send.
        return s
            .store
            .avisering()
            .registrera(post, "avbruten", None, "ingen kanal vald", s.nu())
            .await;
    };
    let (amne, text) = aviseringstext(sprak);
    let resultat = s.avisering.skicka(*kanal, adress, &amne, &text).await;
    let nu = s.nu();
    let a = s.store.avisering();
    match resultat {
        Ok(()) => {
            tracing::info!(kommun = %post.kommun, id = %post.id, forsok, kanal = kanal.kod(), "notification sent");
            a.registrera(post, "skickad", None, "skickad", nu).await
        }
        Err(f) if !f.tillfalligt || forsok >= i64::from(MAX_FORSOK) => {
            tracing::warn!(kommun = %post.kommun, id = %post.id, forsok, utfall = %f.beskrivning, "notification given up");
            a.registrera(post, "misslyckad", None, &f.beskrivning, nu)
                .await
        }
        Err(f) => {
            let nasta = nu + nasta_forsok(forsok as u32);
            tracing::warn!(kommun = %post.kommun, id = %post.id, forsok, utfall = %f.beskrivning, "notification failed, to be tried again");
            a.registrera(post, "vantar", Some(nasta), &f.beskrivning, nu)
                .await
        }
    }
}

/// The worker `lots serve` (and a test) runs: a round every `intervall`. A round that
/// fails (the database away) is logged and the next one tries again; nothing is lost,
/// since the outbox is in the database.
pub fn starta(s: AppState, intervall: std::time::Duration) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(intervall);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            if let Err(e) = skicka_forfallna(&s).await {
                tracing::error!(error = %e, "the notification outbox could not be read");
            }
        }
    })
}
