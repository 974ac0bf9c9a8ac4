//! Lots persistence: one interface over SQLite and PostgreSQL.
//!
//! A command is one transaction in a fixed order (STYLE.md 6): load the case's
//! history, let the domain decide, append the events hash-chained, update the
//! projections, write the audit row, commit.
//!
//! The SQL is private to this crate (`db`). Callers reach it through the areas
//! of `Store`, each a borrowed view with the methods of one part of the work:
//! `store.arenden()`, `store.personer()`, `store.organisation()`,
//! `store.inloggning()`, `store.granskning()`, `store.mina_sidor()` and
//! `store.rapporter()`. `Store` itself keeps what concerns the whole database:
//! connecting, migrating, health and backup.

mod arbetslista;
mod avisering;
mod db;
mod dialog;
mod enhetsoversikt;
mod fordjupad;
mod gallring;
mod granskning;
mod handelser;
mod import;
mod inloggning;
mod kedja;
mod klagomal;
mod kontakt;
mod konto;
mod las;
mod loggsakring;
mod mina_sidor;
mod namnd;
mod oppen_mottagning;
mod oppna_insatser;
mod org;
#[cfg(feature = "provning")]
pub mod provning;
mod rapporter;
mod registerutdrag;
mod riksnorm;
pub mod sok;
mod sparat;
mod statistik;
mod textblock;
mod totpnyckel;
mod utbetalningar;
mod utforare;

use std::collections::HashMap;
use std::sync::Arc;

use time::format_description::well_known::Rfc3339;
use time::{Date, OffsetDateTime};

pub use arbetslista::{ArbetslistaRad, Paminnelse};
pub use avisering::{Aviseringar, Aviseringsval, Kodsvar, Utkorgspost, Utkorgsrad};
use db::Db;
pub use db::satslogg;
pub use enhetsoversikt::{EnhetensArende, HandlaggarSiffror, Urval, Vems};
pub use gallring::{BEHALLNA_TABELLER, Gallring, Gallringsfall, Radantal, persontabeller};
pub use granskning::{
    GRUPPSTATISTIK, Gruppstatistik, Loggfilter, Loggkontroll, Loggrad, Loggverifiering,
    REGISTRERING_NEKAD,
};
pub use handelser::{Bilaga, LagradHandelse, Utfort, bestam};
pub use import::{ImportArende, ImportSteg, Importerat};
pub use inloggning::{Forsok, OidcForfragan, TotpLagrad};
pub use kedja::{Aktor, Granskningspost};
pub use klagomal::{Klagomal, KlagomalHandelse, KlagomalRad, LexSarahRad};
pub use kontakt::{Enhetskontakt, Ersattare};
pub use konto::Behorighetsbegaran;
pub use las::*;
pub use loggsakring::{Ankare, Loggnyckel, Loggsakring};
pub use mina_sidor::{Fullmakt, Fullmaktsdokument, MINA_SIDOR_KONTO, Medborgarsession};
pub use namnd::{DIARIEPREFIX, Namnduppgifter, NamnduppgifterVersion, diarienummer};
pub use oppen_mottagning::{
    BesoksGrupp, FulltBesok, OppenDeltagare, OppetJournalbesok, Overgang, OvergangsGrupp,
};
pub use oppna_insatser::{Importbesok, OppenInsatsRad};
pub use org::*;
pub use rapporter::*;
pub use registerutdrag::{Registerutdrag, Registerutdragsbegaran};
pub use riksnorm::{Hyresriktvarden, PublikRiksnorm, TillagdRiksnorm};
pub use sparat::{SPARAS, Slag, SparatFormular, UTKAST_PER_ANVANDARE, UTKAST_SPARAS, Utkastsvar};
pub use textblock::TextblockRad;
pub use totpnyckel::{Totpnyckel, Totpnycklar};
pub use utbetalningar::UtbetalningRad;
pub use utforare::{Bestallningsvillkor, Fakturaavvikelse, NyFakturaavvikelse};

use lots_domain::Avvisning;

/// The version of what `Arende` derives from a case's events. Raise it when the
/// domain comes to derive more; `migrera` then stores every case's state anew.
/// 2: the dialogue with the person and the case's documents (issue 5).
/// 3: the utförare's genomförandeplan per ordered insats (seed 004 §2.8.1).
/// 4: service only once the kontrollmeddelande is recorded (DelgL 22–24 §§),
///    withdrawn applications, delay notices, and the end of the duty to enforce.
/// 5: each calculated month's household, read from the calculations already stored, so
///    that a change of household shows (issue 15, item 1).
/// 6: the medsökandes' confirmations of joint monthly applications (issue 15, item 7).
pub const TILLSTANDSVERSION: i64 = 6;

/// See `Store::uppgraderingsbit`. Only a test changes it (`provning`), to see an upgrade
/// run over several batches without thousands of cases.
pub(crate) static UPPGRADERINGSBIT: std::sync::atomic::AtomicI64 =
    std::sync::atomic::AtomicI64::new(1_000);

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
/// Its methods are grouped in areas (`Store::arenden` and the others below);
/// `Store` itself keeps what concerns the whole database.
#[derive(Debug, Clone)]
pub struct Store {
    db: Db,
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

// The areas of the store. Each is a borrowed view of it that carries one part of the
// work's methods (`store.personer().person(id)`), got with the accessor of the same
// name. The methods live beside their SQL in the topic modules (`las.rs` for page
// queries, `org.rs`, `mina_sidor.rs`, …): grep `impl Personer` to find them all.

/// Cases: running a step (`utfor`), the case lists and pages, events,
/// documents, orders to utförare, and the whole-database check `verifiera`.
#[derive(Debug, Clone, Copy)]
pub struct Arenden<'a>(&'a Store);

/// Persons: registering, reading and searching them, and their journal.
#[derive(Debug, Clone, Copy)]
pub struct Personer<'a>(&'a Store);

/// The organisation: kommun, nämnder, enheter, staff accounts and their
/// activation and permission requests, the delegationsordning and the
/// nämnd's details for letters.
#[derive(Debug, Clone, Copy)]
pub struct Organisation<'a>(&'a Store);

/// Staff login: sessions, TOTP, failed attempts, rate limits, OIDC, and the
/// reasons stated in a session for opening a case (inre sekretess).
#[derive(Debug, Clone, Copy)]
pub struct Inloggning<'a>(&'a Store);

/// The audit log: logging reads, searching it (loggkontroll), verifying and
/// anchoring its chain.
#[derive(Debug, Clone, Copy)]
pub struct Granskning<'a>(&'a Store);

/// Mina sidor: the person's sessions, fullmakter, drafts, the reviewed
/// journal entries (partsinsyn) and where digital applications go.
#[derive(Debug, Clone, Copy)]
pub struct MinaSidor<'a>(&'a Store);

/// Reports: counts for the nämnd's reports and for `/metrics`.
#[derive(Debug, Clone, Copy)]
pub struct Rapporter<'a>(&'a Store);

impl Store {
    /// Cases: running a step (`utfor`), the case lists and pages, events,
    /// documents, orders to utförare, and the whole-database check `verifiera`.
    pub fn arenden(&self) -> Arenden<'_> {
        Arenden(self)
    }

    /// Persons: registering, reading and searching them, and their journal.
    pub fn personer(&self) -> Personer<'_> {
        Personer(self)
    }

    /// The organisation: kommun, nämnder, enheter, staff accounts and their
    /// activation and permission requests, the delegationsordning and the
    /// nämnd's details for letters.
    pub fn organisation(&self) -> Organisation<'_> {
        Organisation(self)
    }

    /// Staff login: sessions, TOTP, failed attempts, rate limits, OIDC, and the
    /// reasons stated in a session for opening a case (inre sekretess).
    pub fn inloggning(&self) -> Inloggning<'_> {
        Inloggning(self)
    }

    /// The audit log: logging reads, searching it (loggkontroll), verifying and
    /// anchoring its chain.
    pub fn granskning(&self) -> Granskning<'_> {
        Granskning(self)
    }

    /// Mina sidor: the person's sessions, fullmakter, drafts, the reviewed
    /// journal entries (partsinsyn) and where digital applications go.
    pub fn mina_sidor(&self) -> MinaSidor<'_> {
        MinaSidor(self)
    }

    /// Reports: counts for the nämnd's reports and for `/metrics`.
    pub fn rapporter(&self) -> Rapporter<'_> {
        Rapporter(self)
    }
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
            logg: granskning::Gruppskrivare::starta(db.egen_anslutning(), sakring.clone()),
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
    /// (`TILLSTANDSVERSION`), every case is folded again from its events. Then the
    /// one-off upgrades of `uppgradering`, each in batches that a stopped migrate
    /// resumes: the name search keys, the report tables.
    pub async fn migrera(&self) -> Result<(), StoreError> {
        self.db.migrera().await?;
        self.fyll_personnamn().await?;
        self.fyll_personnamn_vikning().await?;
        if self.lagrad_tillstandsversion().await? < TILLSTANDSVERSION {
            // Raises the stored version itself once every case is done.
            let n = self.projicera_om().await?;
            if n > 0 {
                tracing::info!(arenden = n, "case state derived anew from the events");
            }
        }
        self.fyll_rapporttabeller().await?;
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

    /// Cases per transaction in a one-off upgrade at `lots migrate` (`projicera_om`,
    /// `fyll_rapporttabeller`): what memory holds at once.
    pub(crate) fn uppgraderingsbit() -> i64 {
        UPPGRADERINGSBIT.load(std::sync::atomic::Ordering::Relaxed)
    }

    /// The version of the case state the stored `arende.tillstand` was derived by.
    async fn lagrad_tillstandsversion(&self) -> Result<i64, StoreError> {
        Ok(self
            .db
            .fetch_optional("SELECT MAX(version) AS v FROM tillstandsversion", &[])
            .await?
            .and_then(|r| r.opt_int("v").ok().flatten())
            .unwrap_or(0))
    }

    /// Where the one-off upgrade `namn` has come to: `None` when there is nothing to do
    /// (no row in `uppgradering`), else the last case done in id order ("" before
    /// the first).
    pub(crate) async fn uppgradering_kvar(&self, namn: &str) -> Result<Option<String>, StoreError> {
        self.db
            .fetch_optional(
                "SELECT senast FROM uppgradering WHERE namn = $1",
                &[namn.into()],
            )
            .await?
            .map(|r| r.opt_text("senast").map(Option::unwrap_or_default))
            .transpose()
    }

    /// For `/metrics`: the connection pool's size and idle connections.
    pub fn pool(&self) -> (u32, u32) {
        match &self.db {
            Db::Sqlite(p) => (p.size(), p.num_idle() as u32),
            Db::Postgres(p) => (p.size(), p.num_idle() as u32),
        }
    }

    /// Whether the database is PostgreSQL (else SQLite).
    pub fn ar_postgres(&self) -> bool {
        self.db.ar_postgres()
    }

    /// The database's name as `satslogg` records it.
    pub fn databasnamn(&self) -> String {
        self.db.databasnamn()
    }

    /// Closes the pool: for a caller that hands the database to another process.
    pub async fn stang(&self) {
        self.db.close().await
    }

    /// Refreshes the planner's statistics, after a bulk import (`lots demo --scale`). On
    /// PostgreSQL also VACUUM, which marks the freshly written pages all-visible: until
    /// then an index-only scan (the name search's ranges, the chain heads) visits the
    /// table for every row, several times slower, which a running database's autovacuum
    /// would long since have done (BENCHMARKS.md, 5 December). SQLite has no such map.
    pub async fn analysera(&self) -> Result<(), StoreError> {
        let sql = if self.ar_postgres() {
            "VACUUM ANALYZE"
        } else {
            "ANALYZE"
        };
        self.db.execute(sql, &[]).await.map(|_| ())
    }

    /// For `lots bench`: how many raw one-row INSERTs a second `samtidiga` writers
    /// reach in `tid`, each in its own transaction with Lots's durability (same pool:
    /// WAL and synchronous=FULL on SQLite, PostgreSQL's default synchronous_commit),
    /// into a scratch table shaped like `journal` that is dropped afterwards, with
    /// `text` as each row's text. The floor Lots's own writes are compared against.
    pub async fn radinsert_per_sekund(
        &self,
        samtidiga: usize,
        tid: std::time::Duration,
        text: &str,
    ) -> Result<f64, StoreError> {
        self.db
            .execute(
                "CREATE TABLE IF NOT EXISTS bench_radinsert (id TEXT PRIMARY KEY, kommun TEXT NOT NULL, arende TEXT NOT NULL, \
                 person TEXT NOT NULL, datum TEXT NOT NULL, text TEXT NOT NULL, forfattare TEXT NOT NULL, skriven TEXT NOT NULL)",
                &[],
            )
            .await?;
        let text = text.to_owned();
        let borjan = std::time::Instant::now();
        let mut uppgifter = vec![];
        for _ in 0..samtidiga {
            let db = self.db.clone();
            let text = text.clone();
            uppgifter.push(tokio::spawn(async move {
                let mut antal = 0u64;
                while borjan.elapsed() < tid {
                    let mut tx = db.begin().await?;
                    let u = || uuid::Uuid::now_v7().to_string();
                    tx.execute(
                        "INSERT INTO bench_radinsert (id, kommun, arende, person, datum, text, forfattare, skriven) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                        &[
                            u().into(),
                            u().into(),
                            u().into(),
                            u().into(),
                            "2026-11-30".into(),
                            text.as_str().into(),
                            u().into(),
                            "2026-11-30T10:00:00Z".into(),
                        ],
                    )
                    .await?;
                    tx.commit().await?;
                    antal += 1;
                }
                Ok::<u64, StoreError>(antal)
            }));
        }
        let mut antal = 0;
        for u in uppgifter {
            antal += u
                .await
                .map_err(|e| StoreError::Korrupt(format!("mätningen avbröts: {e}")))??;
        }
        let per_s = antal as f64 / borjan.elapsed().as_secs_f64();
        self.db.execute("DROP TABLE bench_radinsert", &[]).await?;
        Ok(per_s)
    }

    /// For `lots bench`: the database settings in force that decide how fast and how
    /// durable Lots is, as (name, value). PostgreSQL: what README's "PostgreSQL" section
    /// asks operators to set; SQLite: the pragmas every connection of the pool sets.
    pub async fn databasinstallningar(&self) -> Result<Vec<(String, String)>, StoreError> {
        let mut ut = vec![];
        if self.db.ar_postgres() {
            for r in self
                .db
                .fetch_all(
                    "SELECT name, setting, COALESCE(unit, '') AS unit FROM pg_settings \
                     WHERE name IN ('server_version', 'shared_buffers', 'effective_cache_size', 'work_mem', \
                     'synchronous_commit', 'fsync', 'wal_level', 'max_connections', 'random_page_cost') \
                     ORDER BY name",
                    &[],
                )
                .await?
            {
                let (namn, varde, enhet) = (r.text("name")?, r.text("setting")?, r.text("unit")?);
                // pg_settings gives sizes in units of 8 kB pages and the like.
                let varde = match (enhet.as_str(), varde.parse::<i64>()) {
                    ("8kB", Ok(n)) => format!("{} MB", n * 8 / 1024),
                    ("kB", Ok(n)) => format!("{} MB", n / 1024),
                    _ => format!("{varde}{enhet}"),
                };
                ut.push((namn, varde));
            }
        } else {
            for (pragma, sql) in [
                ("journal_mode", "PRAGMA journal_mode"),
                ("synchronous", "PRAGMA synchronous"),
                ("cache_size", "PRAGMA cache_size"),
                ("mmap_size", "PRAGMA mmap_size"),
            ] {
                let varde = self
                    .db
                    .fetch_optional(sql, &[])
                    .await?
                    .map(|r| r.text(pragma))
                    .transpose()?
                    .unwrap_or_default();
                ut.push((pragma.to_string(), varde));
            }
        }
        Ok(ut)
    }

    /// For `/healthz`: the database answers a query.
    pub async fn ping(&self) -> Result<(), StoreError> {
        self.db.fetch_all("SELECT 1 AS ett", &[]).await.map(|_| ())
    }

    /// For readiness: the schema has every migration this build knows, and the stored
    /// case state is of this build's version (`lots migrate` has run).
    pub async fn ar_aktuell(&self) -> Result<bool, StoreError> {
        if self.lagrad_tillstandsversion().await? < TILLSTANDSVERSION
            || !self.db.migrationer_aktuella().await?
        {
            return Ok(false);
        }
        // A one-off upgrade not yet done (the report tables half filled) is not ready either.
        let kvar = self
            .db
            .fetch_optional("SELECT COUNT(*) AS n FROM uppgradering", &[])
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        Ok(kvar == 0)
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

/// How far a one-off upgrade at `lots migrate` has come (`projicera_om`,
/// `fyll_rapporttabeller`): a line when it starts and one every few seconds, so an
/// operator watching a large kommun's migrate sees it move.
pub(crate) struct Framsteg {
    vad: &'static str,
    totalt: i64,
    gjorda: i64,
    loggat: std::time::Instant,
}

impl Framsteg {
    pub(crate) fn borja(vad: &'static str, totalt: i64, fran: &str) -> Self {
        tracing::info!(arenden = totalt, fran, "{vad}");
        Self {
            vad,
            totalt,
            gjorda: 0,
            loggat: std::time::Instant::now(),
        }
    }

    /// A batch of `n` cases is committed, the last of them `senast`.
    pub(crate) fn klar(&mut self, n: usize, senast: &str) {
        self.gjorda += n as i64;
        if self.loggat.elapsed() >= std::time::Duration::from_secs(5) {
            tracing::info!(
                gjorda = self.gjorda,
                arenden = self.totalt,
                senast,
                "{}",
                self.vad
            );
            self.loggat = std::time::Instant::now();
        }
    }

    pub(crate) fn gjorda(&self) -> i64 {
        self.gjorda
    }
}
