//! The rate limit: a sliding 60-second window per key (the API's budget is 60 a minute per
//! authenticated user; the pipeline picks the key, see `api::rate_key`).

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Instant;

const WINDOW_MS: u128 = 60_000;

pub struct RateLimiter {
    limit: Option<u32>,
    start: Instant,
    hits: Mutex<HashMap<String, VecDeque<u128>>>,
}

/// The outcome of one request against the budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Budget {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until a slot frees, when refused.
    pub retry_after: Option<u64>,
}

impl RateLimiter {
    /// `None` turns limiting off.
    pub fn new(limit: Option<u32>) -> Self {
        RateLimiter { limit, start: Instant::now(), hits: Mutex::new(HashMap::new()) }
    }

    /// Whether requests are counted at all (`--rate-limit off` turns it off).
    pub fn enabled(&self) -> bool {
        self.limit.is_some()
    }

    /// Counts a request for `key` (a user or a token); `None` when limiting is off.
    pub fn hit(&self, key: &str) -> Option<Budget> {
        let limit = self.limit?;
        let now = self.start.elapsed().as_millis();
        let mut hits = self.hits.lock().unwrap_or_else(|e| e.into_inner());
        if hits.len() > 10_000 {
            // Forget idle keys so random tokens cannot grow the map without bound.
            hits.retain(|_, q| q.back().is_some_and(|t| now - t < WINDOW_MS));
        }
        let q = hits.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| now - t >= WINDOW_MS) {
            q.pop_front();
        }
        if q.len() as u32 >= limit {
            let oldest = q.front().copied().unwrap_or(now);
            let wait_ms = (oldest + WINDOW_MS).saturating_sub(now);
            let secs = (wait_ms as u64).div_ceil(1000).max(1);
            return Some(Budget { limit, remaining: 0, retry_after: Some(secs) });
        }
        q.push_back(now);
        Some(Budget { limit, remaining: limit - q.len() as u32, retry_after: None })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sixty_then_refused() {
        let rl = RateLimiter::new(Some(60));
        for i in 0..60 {
            assert_eq!(rl.hit("t").unwrap().remaining, 59 - i);
        }
        let b = rl.hit("t").unwrap();
        assert!(b.retry_after.is_some_and(|s| (1..=60).contains(&s)));
        assert_eq!(rl.hit("other").unwrap().remaining, 59);
        assert!(RateLimiter::new(None).hit("t").is_none());
    }
}
