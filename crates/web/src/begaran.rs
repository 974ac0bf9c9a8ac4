//! Every request gets an id and a time limit. The id is in each log line's span and in
//! the `x-request-id` response header, so an operator can follow one request through
//! the logs; the span names the route's template, never an id or a person.

use std::time::Duration;

use axum::extract::{MatchedPath, Request};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tracing::Instrument;

/// How long a request may take unless the binary says otherwise. Generous: the IVO
/// report of a large city is the slowest page.
pub const STANDARD_TIDSGRANS: Duration = Duration::from_secs(120);

/// An id from the proxy in front, if it is a plain token, else a new one.
fn id_for(req: &Request) -> String {
    req.headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty()
                && v.len() <= 64
                && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .map_or_else(|| uuid::Uuid::now_v7().simple().to_string(), str::to_owned)
}

/// The request's span, id and time limit. A request that runs past the limit is
/// answered 503; its transaction, never committed, is rolled back.
pub async fn begaran(tidsgrans: Duration, req: Request, next: Next) -> Response {
    let id = id_for(&req);
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(String::new, |p| p.as_str().to_owned());
    let span = tracing::info_span!(
        "request",
        id = %id,
        method = %req.method(),
        route = %route,
        status = tracing::field::Empty,
        latency_ms = tracing::field::Empty,
    );
    let start = std::time::Instant::now();
    let mut svar = match tokio::time::timeout(tidsgrans, next.run(req).instrument(span.clone()))
        .await
    {
        Ok(svar) => svar,
        Err(_) => {
            span.in_scope(|| tracing::warn!(seconds = tidsgrans.as_secs(), "request timed out"));
            (
                StatusCode::SERVICE_UNAVAILABLE,
                "Det tog för lång tid att svara. Ingenting sparades. Försök igen om en stund.",
            )
                .into_response()
        }
    };
    // Status and latency on the span, and one line per request at its end: what an
    // operator reads to see a slow or failing route, with no id or person in it.
    span.record("status", svar.status().as_u16());
    span.record("latency_ms", start.elapsed().as_millis() as u64);
    span.in_scope(|| tracing::info!("request finished"));
    if let Ok(v) = HeaderValue::from_str(&id) {
        svar.headers_mut().insert("x-request-id", v);
    }
    svar
}
