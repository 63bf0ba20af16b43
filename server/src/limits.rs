//! What one client (or all of them together) may take from the server: the
//! timeouts and counts of [`Limits`], the request timeout and in-flight
//! limit middleware, the per-address sign-in rate limit ([`SignInLimiter`])
//! and the [`ClientAddr`] extractor it keys on.

use crate::error::AppError;
use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::Semaphore;

/// The server's limits. [`Limits::default`] is what `stempact serve` uses.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// A connection must send a request's whole header within this time
    /// (also the longest a kept-alive connection waits idle for the next).
    pub header_read: Duration,
    /// A request (body upload included) must be answered within this time.
    pub request: Duration,
    /// Requests handled at once; more wait for a free slot.
    pub in_flight: usize,
    /// How long a request waits for a free slot before a 503.
    pub in_flight_wait: Duration,
    /// Open connections; more wait in the kernel's accept queue.
    pub connections: usize,
    /// Failed sign-ins one address may make in a burst ...
    pub sign_in_burst: u32,
    /// ... after which it gets one more per this interval.
    pub sign_in_refill: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            header_read: Duration::from_secs(10),
            request: Duration::from_secs(60),
            in_flight: 256,
            in_flight_wait: Duration::from_secs(10),
            connections: 1024,
            sign_in_burst: 10,
            sign_in_refill: Duration::from_secs(6),
        }
    }
}

/// The in-flight gate shared by every request of one server.
#[derive(Debug, Clone)]
pub struct Gate {
    permits: Arc<Semaphore>,
    limits: Limits,
}

impl Gate {
    pub fn new(limits: Limits) -> Gate {
        Gate { permits: Arc::new(Semaphore::new(limits.in_flight)), limits }
    }
}

/// Middleware: at most [`Limits::in_flight`] requests at once (others wait
/// up to [`Limits::in_flight_wait`], then 503), each answered within
/// [`Limits::request`] (else 408, and the work is dropped: a write in
/// progress rolls back). Every answer says how long the server took
/// (`Server-Timing: app;dur=` milliseconds, waiting included), so the bench
/// and a browser's network panel can tell server time from the network.
pub async fn gate(State(gate): State<Gate>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let mut response = limited(&gate, request, next).await;
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    if let Ok(v) = HeaderValue::from_str(&format!("app;dur={ms:.2}")) {
        response.headers_mut().insert("server-timing", v);
    }
    response
}

async fn limited(gate: &Gate, request: Request, next: Next) -> Response {
    let permit = match tokio::time::timeout(gate.limits.in_flight_wait, gate.permits.clone().acquire_owned()).await {
        Ok(Ok(permit)) => permit,
        _ => return AppError::Busy.into_response(),
    };
    let response = match tokio::time::timeout(gate.limits.request, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!("a request took longer than {:?} and was dropped", gate.limits.request);
            AppError::TimedOut.into_response()
        }
    };
    drop(permit);
    response
}

/// The address a request comes from: the connection's peer, or, when the
/// peer is this machine (a reverse proxy terminating HTTPS), the last
/// address of `X-Forwarded-For` that proxy added. `None` when the request
/// did not come through a socket (handler tests).
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts.extensions.get::<ConnectInfo<SocketAddr>>().map(|c| c.0.ip());
        let forwarded = || {
            let header = parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).next_back()?;
            header.rsplit(',').next()?.trim().parse::<IpAddr>().ok()
        };
        Ok(ClientAddr(match peer {
            Some(ip) if ip.is_loopback() => forwarded().or(Some(ip)),
            other => other,
        }))
    }
}

/// Per-address budget of failed sign-ins: a token bucket of
/// [`Limits::sign_in_burst`] failures refilled one per
/// [`Limits::sign_in_refill`]. Only failures cost (a link works once, so
/// successes cannot be repeated); an address with an empty bucket gets 429
/// before its token is even looked at. In memory: a restart forgets.
#[derive(Debug)]
pub struct SignInLimiter {
    burst: f64,
    refill: Duration,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

/// Addresses remembered before the full (idle) buckets are forgotten.
const MAX_TRACKED: usize = 10_000;

impl SignInLimiter {
    pub fn new(limits: &Limits) -> SignInLimiter {
        SignInLimiter { burst: f64::from(limits.sign_in_burst.max(1)), refill: limits.sign_in_refill, buckets: Mutex::default() }
    }

    /// The bucket of `addr` brought up to `now`.
    fn level(&self, (tokens, at): (f64, Instant), now: Instant) -> f64 {
        let refilled = now.saturating_duration_since(at).as_secs_f64() / self.refill.as_secs_f64().max(f64::EPSILON);
        (tokens + refilled).min(self.burst)
    }

    /// `Err(wait)` when `addr` has no failed attempt left.
    pub fn check(&self, addr: Option<IpAddr>) -> Result<(), Duration> {
        let Some(addr) = addr else { return Ok(()) };
        let now = Instant::now();
        let buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        match buckets.get(&addr) {
            Some(&bucket) if self.level(bucket, now) < 1.0 => {
                let missing = 1.0 - self.level(bucket, now);
                Err(self.refill.mul_f64(missing).max(Duration::from_secs(1)))
            }
            _ => Ok(()),
        }
    }

    /// Spend one failed attempt of `addr`.
    pub fn failed(&self, addr: Option<IpAddr>) {
        let Some(addr) = addr else { return };
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if buckets.len() >= MAX_TRACKED {
            buckets.retain(|_, b| self.level(*b, now) < self.burst);
        }
        let level = buckets.get(&addr).map_or(self.burst, |b| self.level(*b, now));
        buckets.insert(addr, ((level - 1.0).max(0.0), now));
    }
}

/// 429 with `Retry-After` in whole seconds.
pub fn too_many(wait: Duration) -> Response {
    let mut response = AppError::TooManyAttempts.into_response();
    let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    if let Ok(v) = HeaderValue::from_str(&secs.to_string()) {
        response.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
    debug_assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limiter(burst: u32, refill_ms: u64) -> SignInLimiter {
        SignInLimiter::new(&Limits { sign_in_burst: burst, sign_in_refill: Duration::from_millis(refill_ms), ..Limits::default() })
    }

    #[test]
    fn an_address_gets_its_burst_of_failures_then_waits_while_others_do_not() {
        let l = limiter(3, 60_000);
        let (a, b) = (Some("10.0.0.1".parse().unwrap()), Some("10.0.0.2".parse().unwrap()));
        for _ in 0..3 {
            assert!(l.check(a).is_ok());
            l.failed(a);
        }
        let wait = l.check(a).expect_err("the fourth failure waits");
        assert!(wait > Duration::from_secs(50) && wait <= Duration::from_secs(60), "{wait:?}");
        assert!(l.check(b).is_ok());
        // Requests without an address (handler tests) are never limited.
        for _ in 0..10 {
            l.failed(None);
        }
        assert!(l.check(None).is_ok());
    }

    #[test]
    fn the_bucket_refills() {
        let l = limiter(1, 20);
        let a = Some("10.0.0.1".parse().unwrap());
        l.failed(a);
        assert!(l.check(a).is_err());
        std::thread::sleep(Duration::from_millis(30));
        assert!(l.check(a).is_ok());
    }
}
