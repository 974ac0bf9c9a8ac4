//! Lots persistence: one interface over SQLite and PostgreSQL.
//!
//! A command is one transaction in a fixed order (STYLE.md 6): load the case's
//! history, let the domain decide, append the events hash-chained, update the
//! projections, write the audit row, commit.

pub mod db;
mod dialog;
mod granskning;
mod handelser;
mod import;
mod inloggning;
mod konto;
mod las;
mod loggsakring;
mod mina_sidor;
mod namnd;
mod org;
mod rapporter;
pub mod sok;
mod totpnyckel;

use std::collections::HashMap;
use std::sync::Arc;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

pub use db::{Db, Rad, Tx, V};
pub use granskning::{
    Granskningspost, Loggfilter, Loggkontroll, Loggrad, Loggverifiering, granskning_radhash,
};
pub use handelser::{Aktor, Bilaga, LagradHandelse, Utfort, bestam};
pub use import::{ImportArende, ImportSteg, Importerat};
pub use inloggning::{Forsok, OidcForfragan, TotpLagrad};
pub use konto::Behorighetsbegaran;
pub use las::*;
pub use loggsakring::{Ankare, Loggnyckel, Loggsakring};
pub use mina_sidor::{Fullmakt, Fullmaktsdokument, MINA_SIDOR_KONTO, Medborgarsession};
pub use namnd::{DIARIEPREFIX, Namnduppgifter, NamnduppgifterVersion, diarienummer};
pub use org::*;
pub use rapporter::*;
pub use totpnyckel::{Totpnyckel, Totpnycklar};

use lots_domain::Avvisning;
use lots_domain::ids::KommunId;

/// The version of what `Arende` derives from a case's events. Raise it when the
/// domain comes to derive more; `migrera` then stores every case's state anew.
/// 2: the dialogue with the person and the case's documents (issue 5).
/// 3: the utförare's genomförandeplan per ordered insats (seed 004 §2.8.1).
/// 4: service only once the kontrollmeddelande is recorded (DelgL 22–24 §§),
///    withdrawn applications, delay notices, and the end of the duty to enforce.
pub const TILLSTANDSVERSION: i64 = 4;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("refused by the rules: {0}")]
    Avvisad(Avvisning),
    #[error("not found")]
    Saknas,
    #[error("conflict: {0}")]
    Konflikt(String),
    #[error("stored data is inconsistent: {0}")]
    Korrupt(String),
    #[error("database error")]
    Db(#[from] sqlx::Error),
    #[error("migration error")]
    Migrering(#[from] sqlx::migrate::MigrateError),
    #[error("serialisation error")]
    Json(#[from] serde_json::Error),
    #[error("the audit log could not be written: {0}")]
    Loggning(String),
    #[error("the audit log's anchor file: {0}")]
    Ankare(String),
}

impl StoreError {
    /// A unique-constraint violation: the caller turns it into a field error.
    pub fn ar_unik_krock(&self) -> bool {
        match self {
            StoreError::Db(sqlx::Error::Database(e)) => e.is_unique_violation(),
            _ => false,
        }
    }
}

/// The store. Cheap to clone: it holds the pool and the audit log's writer.
#[derive(Debug, Clone)]
pub struct Store {
    pub db: Db,
    logg: granskning::Gruppskrivare,
    /// Reads are audited (DESIGN.md principle 4). Off only in `lots bench`'s own
    /// server, to measure what the audit costs; see `utan_lasgranskning_for_matning`.
    lasgranskning: bool,
    /// The audit log's key and anchor file (issue 12, item 9).
    sakring: Arc<Loggsakring>,
    /// Each chain's seq at the last anchor this process wrote.
    senaste_ankare: Arc<tokio::sync::Mutex<HashMap<String, i64>>>,
    /// The keys TOTP secrets are encrypted with (issue 12, item 7).
    pub(crate) totpnycklar: Arc<Totpnycklar>,
}

impl Store {
    /// Connects, and starts the task that writes read-audit rows in groups.
    /// Must be called inside a tokio runtime.
    pub async fn anslut(url: &str) -> Result<Self, StoreError> {
        Self::anslut_med(url, Loggsakring::default()).await
    }

    /// `anslut`, with the audit log's key and anchor file.
    pub async fn anslut_med(url: &str, sakring: Loggsakring) -> Result<Self, StoreError> {
        let db = Db::anslut(url).await?;
        let sakring = Arc::new(sakring);
        Ok(Self {
            logg: granskning::Gruppskrivare::starta(db.clone(), sakring.clone()),
            db,
            lasgranskning: true,
            sakring,
            senaste_ankare: Default::default(),
            totpnycklar: Default::default(),
        })
    }

    /// This store with the keys TOTP secrets are encrypted with.
    pub fn med_totpnycklar(mut self, nycklar: Totpnycklar) -> Self {
        self.totpnycklar = Arc::new(nycklar);
        self
    }

    /// A store that does not audit reads, for `lots bench`'s measurement of what the
    /// read audit costs (ratio c) and nothing else. It refuses unless every person in
    /// the database is synthetic, so it can never run against real personal data.
    pub async fn utan_lasgranskning_for_matning(mut self) -> Result<Self, StoreError> {
        if !self.alla_personer_syntetiska().await? {
            return Err(StoreError::Konflikt(
                "läsgranskningen kan bara stängas av i en databas med enbart syntetiska personer"
                    .into(),
            ));
        }
        self.lasgranskning = false;
        Ok(self)
    }

    /// Whether the database holds synthetic persons only (demo and bench data):
    /// what guards the demo-only switches against real personal data.
    pub async fn alla_personer_syntetiska(&self) -> Result<bool, StoreError> {
        let verkliga = self
            .db
            .fetch_optional("SELECT COUNT(*) AS n FROM person WHERE syntetisk = 0", &[])
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        Ok(verkliga == 0)
    }

    /// Brings the schema up to date, then the stored case state: when the domain
    /// derives more from the events than the stored state holds
    /// (`TILLSTANDSVERSION`), every case is folded again from its events.
    pub async fn migrera(&self) -> Result<(), StoreError> {
        self.db.migrera().await?;
        self.fyll_personnamn().await?;
        let lagrad = self
            .db
            .fetch_optional("SELECT MAX(version) AS v FROM tillstandsversion", &[])
            .await?
            .and_then(|r| r.opt_int("v").ok().flatten())
            .unwrap_or(0);
        if lagrad < TILLSTANDSVERSION {
            let n = self.projicera_om().await?;
            if n > 0 {
                tracing::info!(arenden = n, "case state derived anew from the events");
            }
            self.db
                .execute(
                    "UPDATE tillstandsversion SET version = $1",
                    &[TILLSTANDSVERSION.into()],
                )
                .await?;
        }
        // Cases stored before diarienummer existed get theirs (issue 11, item 7).
        let n = self.tilldela_diarienummer().await?;
        if n > 0 {
            tracing::info!(arenden = n, "diarienummer given to earlier cases");
        }
        let n = self.kryptera_totp_om().await?;
        if n > 0 {
            tracing::info!(anvandare = n, "TOTP secrets encrypted with the current key");
        }
        Ok(())
    }

    /// For `/metrics`: open bevakningar whose day has passed, per enhet of the kommun.
    pub async fn forsenade_bevakningar_per_enhet(
        &self,
        kommun: KommunId,
        idag: Date,
    ) -> Result<Vec<(String, i64)>, StoreError> {
        self.db
            .fetch_all(
                "SELECT e.namn, COUNT(*) AS n FROM bevakning b JOIN enhet e ON e.id = b.enhet \
                 WHERE b.kommun = $1 AND b.datum < $2 GROUP BY e.namn ORDER BY e.namn",
                &[org::v(kommun), datumtext(idag).into()],
            )
            .await?
            .iter()
            .map(|r| Ok((r.text("namn")?, r.int("n")?)))
            .collect()
    }

    /// For `/metrics`: the connection pool's size and idle connections.
    pub fn pool(&self) -> (u32, u32) {
        match &self.db {
            Db::Sqlite(p) => (p.size(), p.num_idle() as u32),
            Db::Postgres(p) => (p.size(), p.num_idle() as u32),
        }
    }

    /// For `/healthz`: the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.fetch_all("SELECT 1 AS ett", &[]).await.map(|_| ())
    }

    /// For readiness: the schema has every migration this build knows, and the stored
    /// case state is of this build's version (`lots migrate` has run).
    pub async fn ar_aktuell(&self) -> Result<bool, StoreError> {
        let version = self
            .db
            .fetch_optional("SELECT MAX(version) AS v FROM tillstandsversion", &[])
            .await?
            .and_then(|r| r.opt_int("v").ok().flatten())
            .unwrap_or(0);
        Ok(version >= TILLSTANDSVERSION && self.db.migrationer_aktuella().await?)
    }

    /// `lots backup`: a consistent copy of a SQLite database while it is in use.
    /// `VACUUM INTO` reads one snapshot (writers go on beside it under WAL) and writes
    /// a complete, compact database file, documents and audit log included.
    pub async fn sakerhetskopiera(&self, till: &str) -> Result<(), StoreError> {
        self.db.execute("VACUUM INTO $1", &[till.into()]).await?;
        Ok(())
    }
}

pub fn tidstext(t: OffsetDateTime) -> String {
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_default()
}

pub fn las_tid(s: &str) -> Result<OffsetDateTime, StoreError> {
    OffsetDateTime::parse(s, &Rfc3339)
        .map_err(|_| StoreError::Korrupt(format!("ogiltig tidpunkt {s}")))
}

pub fn las_datum(s: &str) -> Result<Date, StoreError> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]"))
        .map_err(|_| StoreError::Korrupt(format!("ogiltigt datum {s}")))
}

pub fn datumtext(d: Date) -> String {
    d.to_string()
}
