//! The one place that knows there are two SQL dialects (STYLE.md 8).
//!
//! Queries are written once in the common dialect with `$n` placeholders and
//! run on either backend. Values cross the seam as `V`; rows come back as `Rad`.
//! Schema types are TEXT and BIGINT only, so both backends store the same thing.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::PgConnectOptions;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqliteSynchronous};
use sqlx::{Column, PgPool, Postgres, Row, Sqlite, SqlitePool, Transaction, TypeInfo, ValueRef};

use crate::StoreError;

/// The migrations of both dialects, embedded by `build.rs`: (version, description, SQL).
mod migrationer {
    include!(concat!(env!("OUT_DIR"), "/migrationer.rs"));
}

/// The migrator `sqlx::migrate!` would give for one dialect's folder: sqlx's own
/// `Migration::new` computes each checksum, so a database migrated by an earlier build
/// verifies unchanged.
fn migrator(lista: &'static [(i64, &'static str, &'static str)]) -> sqlx::migrate::Migrator {
    use sqlx::migrate::{Migration, MigrationType, Migrator};
    let migrations = lista
        .iter()
        .map(|&(version, beskrivning, sql)| {
            Migration::new(
                version,
                std::borrow::Cow::Borrowed(beskrivning),
                MigrationType::Simple,
                sqlx::SqlSafeStr::into_sql_str(sql),
                sql.starts_with("-- no-transaction"),
            )
        })
        .collect::<Vec<_>>();
    Migrator {
        migrations: std::borrow::Cow::Owned(migrations),
        ..Migrator::DEFAULT
    }
}

/// A bound value.
#[derive(Debug, Clone)]
pub enum V {
    T(Option<String>),
    I(Option<i64>),
    B(Vec<u8>),
}

impl From<String> for V {
    fn from(s: String) -> Self {
        V::T(Some(s))
    }
}
impl From<&str> for V {
    fn from(s: &str) -> Self {
        V::T(Some(s.to_owned()))
    }
}
impl From<Option<String>> for V {
    fn from(s: Option<String>) -> Self {
        V::T(s)
    }
}
impl From<i64> for V {
    fn from(i: i64) -> Self {
        V::I(Some(i))
    }
}
impl From<bool> for V {
    fn from(b: bool) -> Self {
        V::I(Some(i64::from(b)))
    }
}

/// One result row, read by column name.
#[derive(Debug, Clone, Default)]
pub struct Rad(Vec<(String, V)>);

impl Rad {
    fn hamta(&self, namn: &str) -> Result<&V, StoreError> {
        self.0
            .iter()
            .find(|(n, _)| n == namn)
            .map(|(_, v)| v)
            .ok_or_else(|| StoreError::Korrupt(format!("kolumn {namn} saknas")))
    }

    pub fn opt_text(&self, namn: &str) -> Result<Option<String>, StoreError> {
        match self.hamta(namn)? {
            V::T(s) => Ok(s.clone()),
            V::I(None) => Ok(None),
            V::I(Some(i)) => Ok(Some(i.to_string())),
            V::B(_) => Err(StoreError::Korrupt(format!("{namn} är binär"))),
        }
    }

    pub fn text(&self, namn: &str) -> Result<String, StoreError> {
        self.opt_text(namn)?
            .ok_or_else(|| StoreError::Korrupt(format!("{namn} är tom")))
    }

    pub fn opt_int(&self, namn: &str) -> Result<Option<i64>, StoreError> {
        match self.hamta(namn)? {
            V::I(i) => Ok(*i),
            V::T(None) => Ok(None),
            V::T(Some(s)) => s
                .parse()
                .map(Some)
                .map_err(|_| StoreError::Korrupt(format!("{namn} är inget tal"))),
            V::B(_) => Err(StoreError::Korrupt(format!("{namn} är binär"))),
        }
    }

    pub fn int(&self, namn: &str) -> Result<i64, StoreError> {
        self.opt_int(namn)?
            .ok_or_else(|| StoreError::Korrupt(format!("{namn} är tom")))
    }

    pub fn bytes(&self, namn: &str) -> Result<Vec<u8>, StoreError> {
        match self.hamta(namn)? {
            V::B(b) => Ok(b.clone()),
            V::T(Some(s)) => Ok(s.clone().into_bytes()),
            _ => Err(StoreError::Korrupt(format!("{namn} är inte binär"))),
        }
    }

    /// Parses a column with `FromStr`: ids, dates.
    pub fn parse<T: FromStr>(&self, namn: &str) -> Result<T, StoreError> {
        let s = self.text(namn)?;
        s.parse()
            .map_err(|_| StoreError::Korrupt(format!("{namn} kan inte tolkas: {s}")))
    }

    pub fn opt_parse<T: FromStr>(&self, namn: &str) -> Result<Option<T>, StoreError> {
        self.opt_text(namn)?
            .map(|s| {
                s.parse()
                    .map_err(|_| StoreError::Korrupt(format!("{namn} kan inte tolkas: {s}")))
            })
            .transpose()
    }

    pub fn datum(&self, namn: &str) -> Result<time::Date, StoreError> {
        crate::las_datum(&self.text(namn)?)
    }
}

macro_rules! bind_all {
    ($q:expr, $params:expr) => {{
        let mut q = $q;
        for p in $params {
            q = match p {
                V::T(s) => q.bind(s.clone()),
                V::I(i) => q.bind(*i),
                V::B(b) => q.bind(b.clone()),
            };
        }
        q
    }};
}

/// How a column is read, from the name of its type as the backend gives it
/// (sqlx `TypeInfo::name`): SQLite's declared affinity or, for an expression,
/// the value's storage class; PostgreSQL's type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slag {
    Heltal,
    Heltal4,
    Heltal2,
    Sanning,
    Text,
    Binar,
}

fn slag(typ: &str) -> Option<Slag> {
    Some(match typ {
        "INTEGER" | "INT8" => Slag::Heltal,
        "INT4" => Slag::Heltal4,
        "INT2" => Slag::Heltal2,
        "BOOL" | "BOOLEAN" => Slag::Sanning,
        "TEXT" | "VARCHAR" | "BPCHAR" | "NAME" => Slag::Text,
        "BLOB" | "BYTEA" => Slag::Binar,
        _ => return None,
    })
}

/// Reads a row of either backend into a `Rad`, each column as its type says.
/// Trying integer, then text, then bytes cost a decode error (with its message)
/// for every text column of every row; that order is left only for a type
/// neither backend names here, or a value stored against its column's affinity
/// (SQLite keeps text that is not a number in a BIGINT column as text).
macro_rules! rad_fran {
    ($namn:ident, $rad:ty) => {
        fn $namn(row: &$rad) -> Rad {
            let mut ut = Vec::with_capacity(row.columns().len());
            for (i, c) in row.columns().iter().enumerate() {
                // SQLite declares no type for an expression (COUNT(*), COALESCE):
                // there the value's own storage class says what it is.
                let s = slag(c.type_info().name()).or_else(|| {
                    row.try_get_raw(i)
                        .ok()
                        .and_then(|v| slag(v.type_info().name()))
                });
                let v = match s {
                    Some(Slag::Heltal) => row.try_get::<Option<i64>, _>(i).ok().map(V::I),
                    Some(Slag::Heltal4) => row
                        .try_get::<Option<i32>, _>(i)
                        .ok()
                        .map(|x| V::I(x.map(i64::from))),
                    Some(Slag::Heltal2) => row
                        .try_get::<Option<i16>, _>(i)
                        .ok()
                        .map(|x| V::I(x.map(i64::from))),
                    Some(Slag::Sanning) => row
                        .try_get::<Option<bool>, _>(i)
                        .ok()
                        .map(|x| V::I(x.map(i64::from))),
                    Some(Slag::Text) => row.try_get::<Option<String>, _>(i).ok().map(V::T),
                    Some(Slag::Binar) => row
                        .try_get::<Option<Vec<u8>>, _>(i)
                        .ok()
                        .map(|x| x.map(V::B).unwrap_or(V::T(None))),
                    None => None,
                };
                let v = v.unwrap_or_else(|| {
                    if let Ok(x) = row.try_get::<Option<i64>, _>(i) {
                        V::I(x)
                    } else if let Ok(x) = row.try_get::<Option<String>, _>(i) {
                        V::T(x)
                    } else if let Ok(x) = row.try_get::<Vec<u8>, _>(i) {
                        V::B(x)
                    } else {
                        V::T(None)
                    }
                });
                ut.push((c.name().to_owned(), v));
            }
            Rad(ut)
        }
    };
}

rad_fran!(rad_sqlite, sqlx::sqlite::SqliteRow);
rad_fran!(rad_pg, sqlx::postgres::PgRow);

#[derive(Debug, Clone)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// An open transaction on either backend, with the name of its database when the
/// statements sent on that database are being recorded (`satslogg`).
pub struct Tx {
    inner: TxInner,
    inspelad: Option<String>,
    /// The audit chain this transaction appends its rows to, fixed by its first
    /// row (`kedja::skriv_granskning`): a transaction that locks one chain head
    /// only can never wait for a chain in a cycle with another.
    pub(crate) granskningskedja: Option<i64>,
}

enum TxInner {
    Sqlite(Transaction<'static, Sqlite>),
    Postgres(Transaction<'static, Postgres>),
}

/// A record of the statements sent on chosen databases, for the test that every
/// statement on a table distributed by kommun filters on kommun (issue 18 item 8,
/// docs/citus.md). Statements are recorded by database, so a test records only its
/// own database's while other tests run beside it in the same process. Off unless a
/// test turns it on: then one atomic load per statement.
pub mod satslogg {
    use std::collections::{BTreeSet, HashMap};
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};

    static PA: AtomicBool = AtomicBool::new(false);
    static LOGG: Mutex<Option<HashMap<String, BTreeSet<String>>>> = Mutex::new(None);

    pub(crate) fn pa() -> bool {
        PA.load(Ordering::Relaxed)
    }

    /// Records from now on every statement sent on the database named `databas`
    /// (PostgreSQL: the database's name; SQLite: the file's path).
    pub fn spela_in(databas: &str) {
        if let Ok(mut l) = LOGG.lock() {
            l.get_or_insert_with(HashMap::new)
                .entry(databas.to_owned())
                .or_default();
            PA.store(true, Ordering::Relaxed);
        }
    }

    /// The distinct statements recorded on `databas`, whitespace collapsed; recording
    /// on it stops.
    pub fn ta(databas: &str) -> Vec<String> {
        LOGG.lock()
            .ok()
            .and_then(|mut l| l.as_mut()?.remove(databas))
            .map(|s| s.into_iter().collect())
            .unwrap_or_default()
    }

    pub(crate) fn notera(databas: &str, sql: &str) {
        if let Ok(mut l) = LOGG.lock()
            && let Some(satser) = l.as_mut().and_then(|l| l.get_mut(databas))
        {
            let ren = sql.split_whitespace().collect::<Vec<_>>().join(" ");
            satser.insert(ren);
        }
    }
}

/// How long a pooled connection may rest before it is checked with a round trip
/// when handed out. By default sqlx checks every connection it hands out and every one
/// it gets back; on PostgreSQL each check is a round trip to the server, so a page of a
/// dozen reads paid a dozen more that waited and woke a backend for nothing
/// (BENCHMARKS.md, "Round trips, not statements"). A connection handed back a moment ago
/// was checked then; one that rested longer, across a database restart or a firewall's
/// idle cut, is checked before use, and a dead one is replaced without the request
/// noticing.
const VILA_FORE_PROV: Duration = Duration::from_secs(1);

/// Connections of a Lots process's pool; the read audit's group writer has one more
/// of its own (`Db::egen_anslutning`).
const PG_ANSLUTNINGAR: u32 = 16;
const SQLITE_ANSLUTNINGAR: u32 = 8;

fn poolinstallning<DB: sqlx::Database>(anslutningar: u32) -> sqlx::pool::PoolOptions<DB> {
    sqlx::pool::PoolOptions::new()
        .max_connections(anslutningar)
        .acquire_timeout(Duration::from_secs(10))
        .test_before_acquire(false)
        .before_acquire(|conn: &mut DB::Connection, meta| {
            Box::pin(async move {
                if meta.idle_for >= VILA_FORE_PROV {
                    sqlx::Connection::ping(conn).await?;
                }
                Ok(true)
            })
        })
}

impl Db {
    /// `sqlite:PATH` (created if missing) or `postgres://…`.
    pub async fn anslut(url: &str) -> Result<Self, StoreError> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts = PgConnectOptions::from_str(url)?;
            let pool = poolinstallning(PG_ANSLUTNINGAR).connect_with(opts).await?;
            Ok(Db::Postgres(pool))
        } else {
            let sokvag = url
                .strip_prefix("sqlite://")
                .or_else(|| url.strip_prefix("sqlite:"))
                .unwrap_or(url);
            // synchronous=FULL: an acknowledged write survives a crash or power loss.
            let opts = SqliteConnectOptions::new()
                .filename(sokvag)
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10));
            let pool = poolinstallning(SQLITE_ANSLUTNINGAR)
                .connect_with(opts)
                .await?;
            Ok(Db::Sqlite(pool))
        }
    }

    /// The same database through a pool of one connection of its own: for the read
    /// audit's group writer (`granskning::Gruppskrivare`), which every page waits for.
    /// In the shared pool it queued for a connection behind the pages' own reads before
    /// each group, and its multi-row INSERTs, whose text changes with the group's size,
    /// were prepared on every pooled connection in turn, crowding the pages' statements
    /// out of their caches. Opened on first use.
    pub fn egen_anslutning(&self) -> Db {
        match self {
            Db::Sqlite(p) => {
                Db::Sqlite(poolinstallning(1).connect_lazy_with((*p.connect_options()).clone()))
            }
            Db::Postgres(p) => {
                Db::Postgres(poolinstallning(1).connect_lazy_with((*p.connect_options()).clone()))
            }
        }
    }

    pub fn ar_postgres(&self) -> bool {
        matches!(self, Db::Postgres(_))
    }

    /// The database's name as `satslogg` knows it.
    pub fn databasnamn(&self) -> String {
        match self {
            Db::Sqlite(p) => p.connect_options().get_filename().display().to_string(),
            Db::Postgres(p) => p
                .connect_options()
                .get_database()
                .unwrap_or_default()
                .to_owned(),
        }
    }

    /// The database's name when its statements are being recorded.
    fn inspelad(&self) -> Option<String> {
        satslogg::pa().then(|| self.databasnamn())
    }

    fn notera(&self, sql: &str) {
        if let Some(namn) = self.inspelad() {
            satslogg::notera(&namn, sql);
        }
    }

    pub async fn migrera(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(p) => migrator(migrationer::SQLITE).run(p).await?,
            Db::Postgres(p) => migrator(migrationer::POSTGRES).run(p).await?,
        }
        Ok(())
    }

    /// Every migration this build carries has been applied, successfully.
    pub async fn migrationer_aktuella(&self) -> Result<bool, StoreError> {
        let (kanda, sql): (i64, &'static str) = match self {
            Db::Sqlite(_) => (
                migrationer::SQLITE.len() as i64,
                "SELECT COUNT(*) AS n FROM _sqlx_migrations WHERE success",
            ),
            Db::Postgres(_) => (
                migrationer::POSTGRES.len() as i64,
                "SELECT COUNT(*) AS n FROM _sqlx_migrations WHERE success",
            ),
        };
        let gjorda = self
            .fetch_optional(sql, &[])
            .await?
            .map(|r| r.int("n"))
            .transpose()?
            .unwrap_or(0);
        Ok(gjorda >= kanda)
    }

    /// A write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`), so two writers never deadlock on upgrade.
    pub async fn begin(&self) -> Result<Tx, StoreError> {
        let inner = match self {
            Db::Sqlite(p) => TxInner::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(p) => TxInner::Postgres(p.begin().await?),
        };
        Ok(Tx {
            inner,
            inspelad: self.inspelad(),
            granskningskedja: None,
        })
    }

    pub async fn execute(&self, sql: &'static str, params: &[V]) -> Result<u64, StoreError> {
        self.notera(sql);
        Ok(match self {
            Db::Sqlite(p) => bind_all!(sqlx::query(sql), params)
                .execute(p)
                .await?
                .rows_affected(),
            Db::Postgres(p) => bind_all!(sqlx::query(sql), params)
                .execute(p)
                .await?
                .rows_affected(),
        })
    }

    pub async fn fetch_all(&self, sql: &'static str, params: &[V]) -> Result<Vec<Rad>, StoreError> {
        self.notera(sql);
        Ok(match self {
            Db::Sqlite(p) => bind_all!(sqlx::query(sql), params)
                .fetch_all(p)
                .await?
                .iter()
                .map(rad_sqlite)
                .collect(),
            Db::Postgres(p) => bind_all!(sqlx::query(sql), params)
                .fetch_all(p)
                .await?
                .iter()
                .map(rad_pg)
                .collect(),
        })
    }

    pub async fn fetch_optional(
        &self,
        sql: &'static str,
        params: &[V],
    ) -> Result<Option<Rad>, StoreError> {
        Ok(self.fetch_all(sql, params).await?.into_iter().next())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite(p) => p.close().await,
            Db::Postgres(p) => p.close().await,
        }
    }
}

/// Rows for `tabell` ("name (c1, c2, …)", as `Tx::infoga` takes) as one JSON array
/// of objects keyed by column, for PostgreSQL's `json_to_recordset`: many rows as
/// one parameter of a statement whose text does not change with their number, so
/// that it is prepared once per connection and costs one round trip.
pub(crate) fn som_json(tabell: &str, rader: &[Vec<V>]) -> Result<String, StoreError> {
    let kolumner: Vec<&str> = tabell
        .split_once('(')
        .and_then(|(_, k)| k.strip_suffix(')'))
        .map(|k| k.split(',').map(str::trim).collect())
        .unwrap_or_default();
    let mut ut = Vec::with_capacity(rader.len());
    for rad in rader {
        if rad.len() != kolumner.len() {
            return Err(StoreError::Korrupt(format!(
                "{tabell}: raden har {} värden, väntade {}",
                rad.len(),
                kolumner.len()
            )));
        }
        let objekt: serde_json::Map<String, serde_json::Value> = kolumner
            .iter()
            .zip(rad)
            .map(|(k, v)| {
                let varde = match v {
                    V::T(t) => t.clone().map_or(serde_json::Value::Null, Into::into),
                    V::I(i) => i.map_or(serde_json::Value::Null, Into::into),
                    V::B(_) => {
                        return Err(StoreError::Korrupt(format!(
                            "{tabell}: binärt värde i JSON"
                        )));
                    }
                };
                Ok(((*k).to_owned(), varde))
            })
            .collect::<Result<_, StoreError>>()?;
        ut.push(serde_json::Value::Object(objekt));
    }
    Ok(serde_json::Value::Array(ut).to_string())
}

impl Tx {
    pub fn ar_postgres(&self) -> bool {
        matches!(self.inner, TxInner::Postgres(..))
    }

    fn notera(&self, sql: &str) {
        if let Some(namn) = &self.inspelad {
            satslogg::notera(namn, sql);
        }
    }

    pub async fn execute(&mut self, sql: &'static str, params: &[V]) -> Result<u64, StoreError> {
        self.notera(sql);
        Ok(match &mut self.inner {
            TxInner::Sqlite(t) => bind_all!(sqlx::query(sql), params)
                .execute(&mut **t)
                .await?
                .rows_affected(),
            TxInner::Postgres(t) => bind_all!(sqlx::query(sql), params)
                .execute(&mut **t)
                .await?
                .rows_affected(),
        })
    }

    pub async fn fetch_all(
        &mut self,
        sql: &'static str,
        params: &[V],
    ) -> Result<Vec<Rad>, StoreError> {
        self.notera(sql);
        Ok(match &mut self.inner {
            TxInner::Sqlite(t) => bind_all!(sqlx::query(sql), params)
                .fetch_all(&mut **t)
                .await?
                .iter()
                .map(rad_sqlite)
                .collect(),
            TxInner::Postgres(t) => bind_all!(sqlx::query(sql), params)
                .fetch_all(&mut **t)
                .await?
                .iter()
                .map(rad_pg)
                .collect(),
        })
    }

    pub async fn fetch_optional(
        &mut self,
        sql: &'static str,
        params: &[V],
    ) -> Result<Option<Rad>, StoreError> {
        Ok(self.fetch_all(sql, params).await?.into_iter().next())
    }

    /// Inserts rows with multi-row `INSERT`s: the bulk path of `Arenden::importera`,
    /// and the plain insert of rows whose table's column list is written once.
    /// `tabell` is the table and its column list, e.g. `journal (id, text)`; every row
    /// has one value per column. Statements stay under both backends' limit on bound
    /// values (SQLite 32 766, PostgreSQL 65 535).
    pub async fn infoga(
        &mut self,
        tabell: &'static str,
        rader: &[Vec<V>],
    ) -> Result<(), StoreError> {
        let kolumner = tabell.matches(',').count() + 1;
        // SQLite: plain `?` placeholders. sqlx binds `$n` on SQLite by looking each
        // name up among all the statement's names, which is quadratic in their number
        // and made a 30 000-value INSERT spend most of its time in strncmp.
        let sqlite = matches!(self.inner, TxInner::Sqlite(..));
        let max_varden: usize = if sqlite { 10_000 } else { 30_000 };
        let per_sats = (max_varden / kolumner.max(1)).max(1);
        for bit in rader.chunks(per_sats) {
            let mut sql = String::with_capacity(32 + bit.len() * kolumner * 6);
            sql.push_str("INSERT INTO ");
            sql.push_str(tabell);
            sql.push_str(" VALUES ");
            let mut n = 0;
            for (i, rad) in bit.iter().enumerate() {
                if rad.len() != kolumner {
                    return Err(StoreError::Korrupt(format!(
                        "{tabell}: raden har {} värden, väntade {kolumner}",
                        rad.len()
                    )));
                }
                sql.push_str(if i == 0 { "(" } else { ", (" });
                for k in 0..kolumner {
                    n += 1;
                    if k > 0 {
                        sql.push_str(", ");
                    }
                    if sqlite {
                        sql.push('?');
                    } else {
                        sql.push('$');
                        sql.push_str(&n.to_string());
                    }
                }
                sql.push(')');
            }
            // Recorded as one row's statement: the rows' number is no part of the rule.
            if let Some(slut) = sql.find("), (") {
                self.notera(&format!("{})", &sql[..slut]));
            } else {
                self.notera(&sql);
            }
            // Only placeholders and our own table name: no value is spliced into the SQL.
            let sql = sqlx::AssertSqlSafe(sql);
            let varden = bit.iter().flatten();
            match &mut self.inner {
                TxInner::Sqlite(t) => {
                    bind_all!(sqlx::query(sql), varden)
                        .execute(&mut **t)
                        .await?;
                }
                TxInner::Postgres(t) => {
                    bind_all!(sqlx::query(sql), varden)
                        .execute(&mut **t)
                        .await?;
                }
            }
        }
        Ok(())
    }

    pub async fn commit(self) -> Result<(), StoreError> {
        match self.inner {
            TxInner::Sqlite(t) => t.commit().await?,
            TxInner::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded migrations are exactly what sqlx reads from the folders (what
    /// `sqlx::migrate!` embedded before): same versions, descriptions, SQL, checksums and
    /// transaction mode, so no database migrated by an earlier build is refused.
    #[test]
    fn inbaddade_migrationer_som_sqlx_laser_dem() {
        for (lista, mapp) in [
            (migrationer::SQLITE, "migrations/sqlite"),
            (migrationer::POSTGRES, "migrations/postgres"),
        ] {
            let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(mapp);
            let mut lasta: Vec<_> = sqlx::migrate::resolve_blocking(&dir)
                .expect("sqlx reads the folder")
                .into_iter()
                .map(|(m, _)| m)
                .collect();
            lasta.sort_by_key(|m| m.version);
            let inbaddade = migrator(lista);
            assert_eq!(inbaddade.migrations.len(), lasta.len(), "{mapp}");
            assert!(lasta.len() > 30, "{mapp}: every migration is there");
            for (a, b) in inbaddade.migrations.iter().zip(&lasta) {
                assert_eq!(a.version, b.version, "{mapp}");
                assert_eq!(a.description, b.description, "{mapp} {}", b.version);
                assert_eq!(a.migration_type, b.migration_type, "{mapp} {}", b.version);
                assert_eq!(a.sql.as_str(), b.sql.as_str(), "{mapp} {}", b.version);
                assert_eq!(a.checksum, b.checksum, "{mapp} {}", b.version);
                assert_eq!(a.no_tx, b.no_tx, "{mapp} {}", b.version);
            }
        }
    }

    const SQLITE_TABELL: &str =
        "CREATE TEMP TABLE prov (heltal BIGINT, text TEXT, tom TEXT, binar BLOB)";
    const PG_TABELL: &str =
        "CREATE TEMP TABLE prov (heltal BIGINT, text TEXT, tom TEXT, binar BYTEA)";
    const INFOGA: &str = "INSERT INTO prov (heltal, text, tom, binar) VALUES ($1, $2, $3, $4)";
    const LAS: &str = "SELECT heltal, text, tom, binar, (SELECT COUNT(*) FROM prov) AS antal, \
         COALESCE(tom, 'ingen') AS uttryck, NULL AS inget, '12' AS siffertext, \
         LENGTH(text) AS langd, heltal < 0 AS negativ FROM prov";

    /// A row of every kind of column, read back through `Rad` on one backend,
    /// inside a transaction that is rolled back: nothing is left behind.
    async fn las_kolumner(db: &Db, tabell: &'static str) {
        let mut tx = db.begin().await.expect("begin");
        tx.execute(tabell, &[]).await.expect("create");
        tx.execute(
            INFOGA,
            &[
                V::I(Some(-42)),
                "hej".into(),
                V::T(None),
                V::B(vec![0, 1, 2, 255]),
            ],
        )
        .await
        .expect("insert");
        let rader = tx.fetch_all(LAS, &[]).await.expect("select");
        assert_eq!(rader.len(), 1);
        let r = &rader[0];
        assert!(matches!(r.hamta("heltal"), Ok(V::I(Some(-42)))));
        assert_eq!(r.int("heltal").unwrap(), -42);
        assert!(matches!(r.hamta("text"), Ok(V::T(Some(t))) if t == "hej"));
        assert_eq!(r.text("text").unwrap(), "hej");
        assert_eq!(r.opt_text("tom").unwrap(), None);
        assert_eq!(r.opt_int("tom").unwrap(), None);
        assert!(r.text("tom").is_err(), "NULL is no text");
        assert_eq!(r.bytes("binar").unwrap(), vec![0, 1, 2, 255]);
        assert!(r.text("binar").is_err(), "bytes are not text");
        // Expressions: SQLite declares no type for them, PostgreSQL does (INT8,
        // TEXT, INT4, BOOL); both read as the value they are.
        assert!(matches!(r.hamta("antal"), Ok(V::I(Some(1)))));
        assert_eq!(r.text("uttryck").unwrap(), "ingen");
        assert_eq!(r.opt_text("inget").unwrap(), None);
        assert_eq!(r.opt_int("inget").unwrap(), None);
        assert_eq!(r.int("siffertext").unwrap(), 12);
        assert_eq!(r.int("langd").unwrap(), 3);
        assert_eq!(r.int("negativ").unwrap(), 1);
        assert!(r.int("saknas").is_err());
    }

    #[tokio::test]
    async fn kolumner_sqlite() {
        let sti = std::env::temp_dir().join(format!("lots-rad-{}.db", uuid::Uuid::now_v7()));
        let db = Db::anslut(&format!("sqlite:{}", sti.display()))
            .await
            .expect("sqlite");
        las_kolumner(&db, SQLITE_TABELL).await;

        // SQLite keeps text that is no number as text in a BIGINT column: the
        // declared type does not hold, and the value is still read.
        let mut tx = db.begin().await.expect("begin");
        tx.execute(SQLITE_TABELL, &[]).await.expect("create");
        tx.execute(
            INFOGA,
            &["inget tal".into(), "x".into(), V::T(None), V::B(vec![])],
        )
        .await
        .expect("insert");
        let r = tx
            .fetch_optional("SELECT heltal FROM prov", &[])
            .await
            .expect("select")
            .expect("a row");
        assert_eq!(r.text("heltal").unwrap(), "inget tal");
        assert!(r.int("heltal").is_err());
        drop(tx);
        db.close().await;
        for fil in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{fil}", sti.display()));
        }
    }

    #[tokio::test]
    async fn kolumner_postgres() {
        let bas = std::env::var("LOTS_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let db = Db::anslut(&format!("{bas}/postgres"))
            .await
            .expect("PostgreSQL at LOTS_TEST_POSTGRES must be reachable");
        las_kolumner(&db, PG_TABELL).await;
        db.close().await;
    }

    /// A pooled connection whose server end died while it rested (a database restart,
    /// a firewall's idle cut) is replaced when next taken, and the request that takes it
    /// is answered: sqlx's check on every take is off (`poolinstallning`), so this is
    /// what the check after a rest must still do.
    #[tokio::test]
    async fn dod_anslutning_byts_efter_vila_postgres() {
        let bas = std::env::var("LOTS_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432".into());
        let url = format!("{bas}/postgres");
        let db = Db::anslut(&url)
            .await
            .expect("PostgreSQL must be reachable");
        let annan = Db::anslut(&url).await.expect("a second pool");
        // The server process behind the pool's one connection, read through the pool.
        let bakom = |db: &Db| {
            let db = db.clone();
            async move {
                db.fetch_optional("SELECT CAST(pg_backend_pid() AS BIGINT) AS pid", &[])
                    .await
                    .expect("the read is answered")
                    .expect("a row")
                    .int("pid")
                    .expect("the backend")
            }
        };
        let fore = bakom(&db).await;
        annan
            .fetch_optional(
                "SELECT pg_terminate_backend(CAST($1 AS INTEGER)) AS avslutad",
                &[fore.into()],
            )
            .await
            .expect("the backend is ended");
        tokio::time::sleep(VILA_FORE_PROV + Duration::from_millis(200)).await;
        // Answered, on a new connection.
        let efter = bakom(&db).await;
        assert_ne!(fore, efter, "the dead connection was not used again");
        db.close().await;
        annan.close().await;
    }
}
