//! Metrics for the operator, in Prometheus's text format, on a listener of their own
//! (`metrics_listen`), never on the public one. Labels name routes as templates
//! (`/arenden/{id}`) and enheter by name: no id, no personal data.

use std::sync::OnceLock;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use lots_domain::ids::KommunId;
use lots_store::Store;
use prometheus_client::collector::Collector;
use prometheus_client::encoding::text::encode;
use prometheus_client::encoding::{DescriptorEncoder, EncodeLabelSet, EncodeMetric};
use prometheus_client::metrics::counter::ConstCounter;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::metrics::info::Info;
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Svar {
    method: String,
    route: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Rutt {
    method: String,
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct Enhet {
    enhet: String,
}

type Latens = Family<Rutt, Histogram, fn() -> Histogram>;

struct Matvarden {
    register: Registry,
    forfragningar: Family<Svar, Counter>,
    latens: Latens,
    pool_storlek: Gauge,
    pool_ledig: Gauge,
    forsenade: Family<Enhet, Gauge>,
}

fn latenshistogram() -> Histogram {
    // 1 ms to about 33 s, doubling.
    Histogram::new(exponential_buckets(0.001, 2.0, 16))
}

fn matvarden() -> &'static Matvarden {
    static M: OnceLock<Matvarden> = OnceLock::new();
    M.get_or_init(|| {
        let mut register = Registry::with_prefix("lots");
        let forfragningar = Family::<Svar, Counter>::default();
        register.register(
            "http_requests",
            "HTTP requests by method, route template and status",
            forfragningar.clone(),
        );
        let latens: Latens = Family::new_with_constructor(latenshistogram);
        register.register(
            "http_request_duration_seconds",
            "Time to answer an HTTP request, by method and route template",
            latens.clone(),
        );
        let pool_storlek = Gauge::default();
        register.register(
            "db_pool_connections",
            "Open database connections",
            pool_storlek.clone(),
        );
        let pool_ledig = Gauge::default();
        register.register(
            "db_pool_idle_connections",
            "Idle database connections",
            pool_ledig.clone(),
        );
        let forsenade = Family::<Enhet, Gauge>::default();
        register.register(
            "bevakningar_overdue",
            "Open bevakningar whose day has passed, per enhet",
            forsenade.clone(),
        );
        register.register_collector(Box::new(Granskningsgrupper));
        register.register(
            "build",
            "The running build",
            Info::new(vec![("version", env!("CARGO_PKG_VERSION"))]),
        );
        Matvarden {
            register,
            forfragningar,
            latens,
            pool_storlek,
            pool_ledig,
            forsenade,
        }
    })
}

/// The read audit's group commit (`lots_store::GRUPPSTATISTIK`), read at each scrape: its
/// batches (requests and records per commit follow from the counts) and the time requests
/// waited for their audit rows to be durable, which every read of personal data pays.
#[derive(Debug)]
struct Granskningsgrupper;

impl Collector for Granskningsgrupper {
    fn encode(&self, mut encoder: DescriptorEncoder) -> Result<(), std::fmt::Error> {
        use std::sync::atomic::Ordering::Relaxed;
        let s = &lots_store::GRUPPSTATISTIK;
        let sekunder = |m: &std::sync::atomic::AtomicU64| m.load(Relaxed) as f64 / 1e6;
        for (namn, hjalp, varde) in [
            (
                "audit_group_commits",
                "Group commits of the read audit",
                s.grupper.load(Relaxed),
            ),
            (
                "audit_group_requests",
                "Requests whose read-audit rows a group commit wrote",
                s.begaran.load(Relaxed),
            ),
            (
                "audit_group_records",
                "Read-audit records written by group commits",
                s.poster.load(Relaxed),
            ),
        ] {
            let c = ConstCounter::new(varde);
            c.encode(encoder.encode_descriptor(namn, hjalp, None, c.metric_type())?)?;
        }
        for (namn, hjalp, varde) in [
            (
                "audit_group_wait_seconds",
                "Time requests waited for their read-audit rows to be committed, summed",
                sekunder(&s.vantan_mikrosekunder),
            ),
            (
                "audit_group_write_seconds",
                "Time the group commits took, summed",
                sekunder(&s.skrivning_mikrosekunder),
            ),
        ] {
            let c = ConstCounter::new(varde);
            c.encode(encoder.encode_descriptor(namn, hjalp, None, c.metric_type())?)?;
        }
        Ok(())
    }
}

/// Counts and times every request to a known route (a route layer, so the route's
/// template is known).
pub async fn mat(req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(String::new, |p| p.as_str().to_owned());
    let method = req.method().to_string();
    let start = Instant::now();
    let svar = next.run(req).await;
    let m = matvarden();
    m.latens
        .get_or_create(&Rutt {
            method: method.clone(),
            route: route.clone(),
        })
        .observe(start.elapsed().as_secs_f64());
    m.forfragningar
        .get_or_create(&Svar {
            method,
            route,
            status: svar.status().as_u16(),
        })
        .inc();
    svar
}

#[derive(Clone)]
struct Skrapning {
    store: Store,
    /// The kommuner served (issue 18 item 8); enheter are labelled by their id, unique
    /// across kommuner.
    kommuner: std::sync::Arc<[KommunId]>,
}

/// The metrics listener's app: `GET /metrics`.
pub fn app(store: Store, kommuner: Vec<KommunId>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(Skrapning {
            store,
            kommuner: kommuner.into(),
        })
}

async fn metrics(State(s): State<Skrapning>) -> Response {
    let m = matvarden();
    let (storlek, ledig) = s.store.pool();
    m.pool_storlek.set(i64::from(storlek));
    m.pool_ledig.set(i64::from(ledig));
    let idag = lots_domain::tid::svensk_dag(time::OffsetDateTime::now_utc());
    m.forsenade.clear();
    for kommun in s.kommuner.iter() {
        match s
            .store
            .rapporter()
            .forsenade_bevakningar_per_enhet(*kommun, idag)
            .await
        {
            Ok(rader) => {
                for (enhet, n) in rader {
                    m.forsenade.get_or_create(&Enhet { enhet }).set(n);
                }
            }
            Err(e) => tracing::error!(error = %e, "metrics: bevakningar could not be counted"),
        }
    }
    let mut text = String::new();
    if encode(&mut text, &m.register).is_err() {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        text,
    )
        .into_response()
}
