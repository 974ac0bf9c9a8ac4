//! For tests only: raw SQL behind the store's back, to play somebody who
//! changes the database without Lots (an attacker rewriting the audit log) or
//! an older version of Lots (a case state stored before the domain derived
//! more). Compiled only with the feature `provning`, which only `lots`'s
//! dev-dependencies turn on; nothing in Lots itself goes this way.

use crate::db::Db;
pub use crate::db::{Rad, V};
pub use crate::kedja::granskning_radhash;
use crate::{Store, StoreError};

/// The database under a store, with nothing in between.
#[derive(Debug, Clone, Copy)]
pub struct Bakdorr<'a>(&'a Db);

impl Store {
    /// Raw access for a test (see the module).
    pub fn bakdorr(&self) -> Bakdorr<'_> {
        Bakdorr(&self.db)
    }
}

impl Bakdorr<'_> {
    pub async fn execute(&self, sql: &'static str, params: &[V]) -> Result<u64, StoreError> {
        self.0.execute(sql, params).await
    }

    pub async fn fetch_all(&self, sql: &'static str, params: &[V]) -> Result<Vec<Rad>, StoreError> {
        self.0.fetch_all(sql, params).await
    }

    pub async fn fetch_optional(
        &self,
        sql: &'static str,
        params: &[V],
    ) -> Result<Option<Rad>, StoreError> {
        self.0.fetch_optional(sql, params).await
    }
}

/// Cases per transaction in `lots migrate`'s one-off upgrades, for a test that wants
/// several batches of a few cases. It only changes how the work is divided.
pub fn satt_uppgraderingsbit(n: i64) {
    crate::UPPGRADERINGSBIT.store(n.max(1), std::sync::atomic::Ordering::Relaxed);
}

/// Rows per page when a report reads its waits and decisions, for a test that wants
/// several pages of a few rows. It only changes how the reading is divided.
pub fn satt_rapportsida(n: i64) {
    crate::rapporter::SIDA.store(n.max(1), std::sync::atomic::Ordering::Relaxed);
}
