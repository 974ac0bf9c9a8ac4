//! Limits on guessing: lockout with backoff per user name, and rate limits per
//! client address (login) and per user (person search). NIST SP 800-63B 3.2.2
//! ("Rate Limiting (Throttling)"); OWASP ASVS 4.0 V2.2.1.

use std::fmt::Display;
use std::marker::PhantomData;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use lots_store::{Store, StoreError};
use sha2::{Digest, Sha256};
use time::{Duration, OffsetDateTime};

use crate::AppState;
use crate::fel::WebFel;

/// The application's clock: the real time, moved forward by tests that need
/// time to pass (session timeouts, lockouts) without sleeping.
#[derive(Debug, Clone, Default)]
pub struct Klocka(Arc<AtomicI64>);

impl Klocka {
    pub fn nu(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc() + Duration::seconds(self.0.load(Ordering::Relaxed))
    }

    /// Moves this clock forward (tests only use this).
    pub fn spola_fram(&self, d: Duration) {
        self.0.fetch_add(d.whole_seconds(), Ordering::Relaxed);
    }
}

/// Lockout after repeated failures: from the `troskel`-th consecutive failure the
/// name is locked for `bas`, doubling with every further failure up to `tak`.
/// NIST SP 800-63B 3.2.2 allows at most 100 consecutive failures; with 5, 1 min
/// and 1 h an online guesser gets about 30 guesses a day.
#[derive(Debug, Clone, Copy)]
pub struct Sparrregler {
    pub troskel: i64,
    pub bas: Duration,
    pub tak: Duration,
}

impl Default for Sparrregler {
    fn default() -> Self {
        Self {
            troskel: 5,
            bas: Duration::minutes(1),
            tak: Duration::hours(1),
        }
    }
}

impl Sparrregler {
    /// How long to lock after `misslyckade` consecutive failures, if at all.
    pub fn sparrtid(&self, misslyckade: i64) -> Option<Duration> {
        if misslyckade < self.troskel {
            return None;
        }
        let dubbleringar = u32::try_from(misslyckade - self.troskel)
            .unwrap_or(u32::MAX)
            .min(30);
        let tid = self
            .bas
            .checked_mul(1i32 << dubbleringar.min(30))
            .unwrap_or(self.tak);
        Some(tid.min(self.tak))
    }
}

/// At most `max` events per key in a window of `fonster` that starts at the
/// key's first event. Counted in the database (table `hastighetsgrans`), so
/// every server on one database shares the count: a guesser spread over the
/// servers behind a load balancer gets no more tries (issue 12, item 7).
#[derive(Debug)]
pub struct Begransare<K> {
    max: u32,
    fonster: Duration,
    /// When this process last purged ended windows (unix seconds).
    rensat: AtomicI64,
    _nyckel: PhantomData<fn(K)>,
}

impl<K: Display> Begransare<K> {
    pub fn ny(max: u32, fonster: Duration) -> Self {
        Self {
            max,
            fonster,
            rensat: AtomicI64::new(0),
            _nyckel: PhantomData,
        }
    }

    /// The stored key: a hash of what is limited and its kind, so that no
    /// client address is kept in the database and keys are of bounded length.
    fn lagrad_nyckel(nyckel: &K) -> String {
        let mut h = Sha256::new();
        h.update(b"lots-hastighetsgrans\0");
        h.update(std::any::type_name::<K>().as_bytes());
        h.update(b"\0");
        h.update(nyckel.to_string().as_bytes());
        hex::encode(h.finalize())
    }

    /// Counts an event; `Ok(Err(..))` holds how long until the key may try again.
    pub async fn forsok(
        &self,
        store: &Store,
        nyckel: K,
        nu: OffsetDateTime,
    ) -> Result<Result<(), Duration>, StoreError> {
        let sekund = nu.unix_timestamp();
        // Ended windows are purged at most once a minute per process.
        let forra = self.rensat.load(Ordering::Relaxed);
        if sekund - forra >= 60
            && self
                .rensat
                .compare_exchange(forra, sekund, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
        {
            store.inloggning().rensa_begaranden(nu).await?;
        }
        let (slut, antal) = store
            .inloggning()
            .rakna_begaran(&Self::lagrad_nyckel(&nyckel), nu, self.fonster)
            .await?;
        if antal > i64::from(self.max) {
            return Ok(Err(Duration::seconds((slut - sekund).max(1))));
        }
        Ok(Ok(()))
    }
}

/// "N minuter" in plain Swedish, rounded up.
pub fn minuter(d: Duration) -> String {
    let m = (d.whole_seconds().max(1) + 59) / 60;
    if m == 1 {
        "1 minut".into()
    } else {
        format!("{m} minuter")
    }
}

/// The client's address: the socket peer, or behind a trusted reverse proxy the
/// address it appended last to X-Forwarded-For.
#[derive(Debug, Clone, Copy)]
pub struct KlientIp(pub IpAddr);

impl FromRequestParts<AppState> for KlientIp {
    type Rejection = WebFel;

    async fn from_request_parts(parts: &mut Parts, s: &AppState) -> Result<Self, WebFel> {
        if s.inloggning.ip_fran_proxy {
            let sista = parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .filter_map(|a| a.trim().parse::<IpAddr>().ok())
                .next_back();
            if let Some(ip) = sista {
                return Ok(KlientIp(ip));
            }
        }
        let ip = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
        Ok(KlientIp(ip))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparrtiden_fordubblas_upp_till_taket() {
        let r = Sparrregler::default();
        assert_eq!(r.sparrtid(4), None);
        assert_eq!(r.sparrtid(5), Some(Duration::minutes(1)));
        assert_eq!(r.sparrtid(6), Some(Duration::minutes(2)));
        assert_eq!(r.sparrtid(8), Some(Duration::minutes(8)));
        assert_eq!(r.sparrtid(11), Some(Duration::hours(1)));
        assert_eq!(r.sparrtid(1000), Some(Duration::hours(1)));
    }
}
