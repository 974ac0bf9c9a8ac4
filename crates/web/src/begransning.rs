//! Limits on guessing: lockout with backoff per user name, and rate limits per
//! client address (login) and per user (person search). NIST SP 800-63B 3.2.2
//! ("Rate Limiting (Throttling)"); OWASP ASVS 4.0 V2.2.1.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
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

/// At most `max` events per key in a fixed window. In memory: a restart forgets,
/// which is acceptable for throttling; the lockout per user name is in the database.
#[derive(Debug)]
pub struct Begransare<K> {
    max: u32,
    fonster: Duration,
    tabell: Mutex<HashMap<K, (OffsetDateTime, u32)>>,
}

impl<K: Hash + Eq> Begransare<K> {
    pub fn ny(max: u32, fonster: Duration) -> Self {
        Self {
            max,
            fonster,
            tabell: Mutex::new(HashMap::new()),
        }
    }

    /// Counts an event; `Err` holds how long until the key may try again.
    pub fn forsok(&self, nyckel: K, nu: OffsetDateTime) -> Result<(), Duration> {
        let mut t = self.tabell.lock().unwrap_or_else(PoisonError::into_inner);
        if t.len() > 10_000 {
            // Bounded memory: forget windows that have ended.
            t.retain(|_, (borjan, _)| nu - *borjan < self.fonster);
        }
        let post = t.entry(nyckel).or_insert((nu, 0));
        if nu - post.0 >= self.fonster {
            *post = (nu, 0);
        }
        if post.1 >= self.max {
            return Err(self.fonster - (nu - post.0));
        }
        post.1 += 1;
        Ok(())
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

    #[test]
    fn begransaren_slapper_efter_fonstret() {
        let b = Begransare::ny(2, Duration::minutes(1));
        let t = OffsetDateTime::UNIX_EPOCH;
        assert!(b.forsok("a", t).is_ok());
        assert!(b.forsok("a", t).is_ok());
        assert_eq!(
            b.forsok("a", t + Duration::seconds(20)),
            Err(Duration::seconds(40))
        );
        assert!(b.forsok("b", t).is_ok());
        assert!(b.forsok("a", t + Duration::minutes(1)).is_ok());
    }
}
