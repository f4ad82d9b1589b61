//! When to send a request again, and after how long.

/// Retries with capped, jittered exponential backoff. Only idempotent methods (GET, PUT,
/// DELETE) are retried, and only after 429, 502, 503, 504 or a network failure: a POST that
/// may have reached the server is never sent twice.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt; 0 turns retrying off.
    pub max_retries: u32,
    /// The first backoff step.
    pub base_delay_ms: u64,
    /// No backoff step is longer than this.
    pub max_delay_ms: u64,
    /// A `Retry-After` longer than this is not waited for: the error goes to the caller.
    pub max_retry_after_ms: u64,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy { max_retries: 3, base_delay_ms: 500, max_delay_ms: 8_000, max_retry_after_ms: 65_000 }
    }
}

impl RetryPolicy {
    pub const NONE: RetryPolicy = RetryPolicy { max_retries: 0, base_delay_ms: 0, max_delay_ms: 0, max_retry_after_ms: 0 };

    /// Whether an answer with `status` may be retried.
    pub fn retries_status(status: u16) -> bool {
        matches!(status, 429 | 502 | 503 | 504)
    }

    /// The wait before retry number `attempt` (0-based). `jitter` in `[0, 1)` spreads clients
    /// over the upper half of the step; a server's `Retry-After` wins when it is longer.
    /// `None`: do not retry.
    pub fn delay_ms(&self, attempt: u32, retry_after_ms: Option<u64>, jitter: f64) -> Option<u64> {
        if attempt >= self.max_retries {
            return None;
        }
        let step = self.base_delay_ms.saturating_mul(1u64 << attempt.min(20)).min(self.max_delay_ms);
        let jittered = (step as f64 * (0.5 + 0.5 * jitter.clamp(0.0, 1.0))) as u64;
        match retry_after_ms {
            Some(ra) if ra > self.max_retry_after_ms => None,
            Some(ra) => Some(ra.max(jittered)),
            None => Some(jittered.max(1)),
        }
    }
}

/// Reads `Retry-After` as seconds (the API's form), whole or decimal (`1.5`); HTTP dates are
/// not used by it. Read by hand: a float parser would cost the wasm bundles ~8 KB.
pub fn parse_retry_after(value: &str) -> Option<u64> {
    let (whole, fraction) = value.trim().split_once('.').unwrap_or((value.trim(), ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    // Only digits by now, so a failed parse is an overflow: wait as long as can be said.
    let seconds: u64 = if whole.is_empty() { 0 } else { whole.parse().unwrap_or(u64::MAX) };
    // Milliseconds from the first three decimals; finer parts do not matter to a wait.
    let millis = fraction.bytes().chain(*b"000").take(3).fold(0, |ms, b| ms * 10 + u64::from(b - b'0'));
    Some(seconds.saturating_mul(1000).saturating_add(millis))
}

/// A small deterministic generator for jitter; no `rand` dependency in the wasm bundle.
#[derive(Debug, Clone)]
pub(crate) struct Jitter(u64);

impl Jitter {
    pub(crate) fn new(seed: u64) -> Self {
        Jitter(seed | 1)
    }

    /// The next value in `[0, 1)`.
    pub(crate) fn next(&mut self) -> f64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_caps_and_jitters_within_the_upper_half() {
        let p = RetryPolicy { max_retries: 6, base_delay_ms: 500, max_delay_ms: 4_000, max_retry_after_ms: 60_000 };
        assert_eq!(p.delay_ms(0, None, 0.999_999), Some(499));
        assert_eq!(p.delay_ms(0, None, 0.0), Some(250));
        assert_eq!(p.delay_ms(1, None, 0.0), Some(500));
        assert_eq!(p.delay_ms(2, None, 0.0), Some(1_000));
        assert_eq!(p.delay_ms(3, None, 0.0), Some(2_000));
        assert_eq!(p.delay_ms(4, None, 0.0), Some(2_000), "capped at max_delay_ms before jitter");
        assert_eq!(p.delay_ms(5, None, 1.0), Some(4_000));
        assert_eq!(p.delay_ms(6, None, 0.0), None, "no more than max_retries");
    }

    #[test]
    fn retry_after_wins_when_longer_and_too_long_is_not_waited_for() {
        let p = RetryPolicy::default();
        assert_eq!(p.delay_ms(0, Some(3_000), 0.0), Some(3_000));
        assert_eq!(p.delay_ms(0, Some(10), 0.0), Some(250));
        assert_eq!(p.delay_ms(0, Some(120_000), 0.0), None);
        assert_eq!(RetryPolicy::NONE.delay_ms(0, None, 0.0), None);
    }

    #[test]
    fn which_statuses_retry() {
        for s in [429, 502, 503, 504] {
            assert!(RetryPolicy::retries_status(s));
        }
        for s in [200, 400, 401, 403, 404, 409, 422, 500, 501] {
            assert!(!RetryPolicy::retries_status(s));
        }
    }

    #[test]
    fn retry_after_header_forms() {
        assert_eq!(parse_retry_after("2"), Some(2_000));
        assert_eq!(parse_retry_after(" 0.5 "), Some(500));
        assert_eq!(parse_retry_after("1.25"), Some(1_250));
        assert_eq!(parse_retry_after("3.14159"), Some(3_141));
        assert_eq!(parse_retry_after(".5"), Some(500));
        assert_eq!(parse_retry_after("99999999999999999999"), Some(u64::MAX), "too long to count is not no wait");
        for bad in ["", ".", "-1", "1e3", "1.5s", "abc"] {
            assert_eq!(parse_retry_after(bad), None, "{bad}");
        }
        assert_eq!(parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT"), None);
    }

    #[test]
    fn jitter_stays_in_range() {
        let mut j = Jitter::new(42);
        for _ in 0..10_000 {
            let v = j.next();
            assert!((0.0..1.0).contains(&v));
        }
    }
}
