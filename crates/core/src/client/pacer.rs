//! Keeps a client within the API's budget of N requests a minute.
//!
//! A sliding-window log rather than a refilling bucket: a bucket of N that refills at N/60 per
//! second lets up to 2N requests through in the first minute, which a server counting per
//! fixed minute answers with 429s. Here every request's slot comes back exactly one window
//! after it was taken, so no 60-second window ever holds more than N requests, whatever the
//! server's own algorithm; the steady rate is still N a minute. It is a token bucket whose
//! tokens each return one window after use.
//!
//! One pacer can be shared (it is a cheap handle) by every client and widget on a page, since
//! the budget is per token, not per client. Beyond a page, a shared log (`client::shared`,
//! feature `origin-budget`; in a browser the origin's IndexedDB) holds one log for every tab of
//! the same user; the pacer then decides on that log and keeps a copy of it for display.
//!
//! Requests have a [`Priority`]: background work (refreshes, polls, prefetches) never takes the
//! last [`reserve`] slots of a window, which stay for what the person is looking at.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// How much later than the server's minute a slot is given back (see [`Pacer::new`]).
pub const GUARD_MS: f64 = 500.0;

/// Who is waiting for a request: the page in front of the person, or work they did not ask for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Priority {
    #[default]
    Visible,
    /// Refreshes, polls, prefetches: only what the visible page leaves, and nothing in a hidden tab.
    Background,
}

/// The slots of a window that background requests leave to visible ones: a quarter.
pub fn reserve(limit: u32) -> u32 {
    limit / 4
}

/// A shared handle to one request budget.
#[derive(Clone)]
pub struct Pacer {
    state: Arc<Mutex<State>>,
    /// The log of every tab of the origin, when shared (`client::shared`).
    #[cfg(feature = "origin-budget")]
    pub(super) shared: Option<Arc<dyn super::shared::SharedLog>>,
}

impl std::fmt::Debug for Pacer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pacer").field("state", &self.state).finish_non_exhaustive()
    }
}

#[derive(Debug)]
struct State {
    /// 0 turns pacing off.
    limit: u32,
    window_ms: f64,
    /// When each request in the current window was let through, oldest first.
    sent: VecDeque<f64>,
    /// Set by a 429's `Retry-After`: nothing goes before this instant.
    paused_until: f64,
    /// The last budget the server reported, and when.
    server: Option<ServerBudget>,
}

/// What the server last said about the budget (`X-RateLimit-*`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ServerBudget {
    pub limit: u32,
    pub remaining: u32,
    pub seen_at_ms: f64,
}

/// The budget as a user interface shows it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Budget {
    pub limit: u32,
    /// Requests that may go now without waiting.
    pub remaining: u32,
    /// When the next slot frees up, if none is free now.
    pub next_free_in_ms: Option<f64>,
}

impl Pacer {
    /// A budget of `per_minute` requests a minute; 0 means unlimited.
    ///
    /// A slot comes back [`GUARD_MS`] after the minute: the server counts a request when it
    /// arrives, we when it leaves, and the first request of a window often arrives later than
    /// the one a minute on (a new connection, a slow first answer). Without the guard, that
    /// difference of a few milliseconds is a 429; with it the steady rate is still 99% of N.
    pub fn new(per_minute: u32) -> Self {
        Self::with_window(per_minute, 60_000.0 + GUARD_MS)
    }

    /// A budget of `limit` requests per `window_ms` (tests use short windows).
    pub fn with_window(limit: u32, window_ms: f64) -> Self {
        Pacer {
            state: Arc::new(Mutex::new(State { limit, window_ms, sent: VecDeque::new(), paused_until: 0.0, server: None })),
            #[cfg(feature = "origin-budget")]
            shared: None,
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        // A poisoned lock only means another thread panicked mid-update; the log stays usable.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn limit(&self) -> u32 {
        self.state().limit
    }

    /// Takes a slot at `now_ms` if one is free (`None`), or says how long to wait first.
    pub fn try_acquire(&self, now_ms: f64) -> Option<f64> {
        self.try_acquire_as(now_ms, Priority::Visible)
    }

    /// [`Pacer::try_acquire`] for `priority`: background requests find the window full once
    /// only the [`reserve`] is left.
    pub fn try_acquire_as(&self, now_ms: f64, priority: Priority) -> Option<f64> {
        let mut s = self.state();
        if s.paused_until > now_ms {
            return Some(s.paused_until - now_ms);
        }
        if s.limit == 0 {
            return None;
        }
        s.prune(now_ms);
        let room = match priority {
            Priority::Visible => s.limit,
            Priority::Background => s.limit - reserve(s.limit),
        } as usize;
        if s.sent.len() < room {
            s.sent.push_back(now_ms);
            None
        } else {
            // The slot that brings the log under `room` when it returns.
            let freeing = s.sent.get(s.sent.len() - room).copied().unwrap_or(now_ms);
            Some((freeing + s.window_ms - now_ms).max(1.0))
        }
    }

    /// Aligns with the server's view: if it says fewer requests remain than we think, the
    /// difference counts as spent now (another tab or app may share the token).
    pub fn observe(&self, limit: Option<u32>, remaining: Option<u32>, now_ms: f64) {
        let mut s = self.state();
        if let (Some(limit), Some(remaining)) = (limit, remaining) {
            s.server = Some(ServerBudget { limit, remaining, seen_at_ms: now_ms });
        }
        let Some(remaining) = remaining else { return };
        if s.limit == 0 {
            return;
        }
        s.prune(now_ms);
        let ours = s.limit.saturating_sub(s.sent.len() as u32);
        for _ in remaining..ours {
            s.sent.push_back(now_ms);
        }
    }

    /// Holds every request until `now_ms + wait_ms` (after a 429).
    pub fn pause(&self, now_ms: f64, wait_ms: f64) {
        let mut s = self.state();
        s.paused_until = s.paused_until.max(now_ms + wait_ms);
    }

    /// The budget at `now_ms`.
    pub fn budget(&self, now_ms: f64) -> Budget {
        let mut s = self.state();
        s.prune(now_ms);
        let paused = (s.paused_until > now_ms).then(|| s.paused_until - now_ms);
        if s.limit == 0 {
            return Budget { limit: 0, remaining: u32::MAX, next_free_in_ms: paused };
        }
        let remaining = if paused.is_some() { 0 } else { s.limit.saturating_sub(s.sent.len() as u32) };
        let next = if remaining > 0 {
            None
        } else {
            let oldest = s.sent.front().map(|t| t + s.window_ms - now_ms).unwrap_or(0.0);
            Some(oldest.max(paused.unwrap_or(0.0)))
        };
        Budget { limit: s.limit, remaining, next_free_in_ms: next }
    }

    /// How long from `now_ms` until `n` more requests can all have been let through, at the
    /// earliest: the sliding window played forward (a slot taken returns one window later).
    /// For estimates such as an export's time left.
    pub fn time_for(&self, n: u32, now_ms: f64) -> f64 {
        let mut s = self.state();
        s.prune(now_ms);
        let start = now_ms.max(s.paused_until);
        if s.limit == 0 {
            return start - now_ms;
        }
        let mut taken: VecDeque<f64> = s.sent.clone();
        let mut at = start;
        for _ in 0..n {
            while taken.front().is_some_and(|&t| t + s.window_ms <= at) {
                taken.pop_front();
            }
            if taken.len() as u32 >= s.limit {
                at = at.max(taken.front().copied().unwrap_or(at) + s.window_ms);
                taken.pop_front();
            }
            taken.push_back(at);
        }
        at - now_ms
    }

    /// What the server last reported.
    pub fn server_budget(&self) -> Option<ServerBudget> {
        self.state().server
    }
}

impl Pacer {
    /// Replaces the log with `stored` (a shared log's), keeping the slots this pacer counted that
    /// it lacks (the server's figures via `observe`); the window's entries only.
    #[cfg(feature = "origin-budget")]
    pub(super) fn adopt(&self, stored: Vec<f64>, now_ms: f64) {
        let mut s = self.state();
        s.prune(now_ms);
        let window = s.window_ms;
        let merged: Vec<f64> = stored.into_iter().filter(|t| t.is_finite() && t + window > now_ms && *t <= now_ms + window).collect();
        let extra = s.sent.len().saturating_sub(merged.len());
        let own: Vec<f64> = s.sent.iter().rev().take(extra).copied().collect();
        // Oldest first. By insertion: a log holds at most a window's requests, and a sort would
        // link a sorting routine of its own into every browser bundle.
        let mut log = VecDeque::with_capacity(merged.len() + own.len());
        for t in merged.into_iter().chain(own) {
            let at = log.len() - log.iter().rev().take_while(|u| **u > t).count();
            log.insert(at, t);
        }
        s.sent = log;
    }

    /// The log, oldest first.
    #[cfg(feature = "origin-budget")]
    pub(super) fn log(&self) -> Vec<f64> {
        self.state().sent.iter().copied().collect()
    }
}

impl State {
    fn prune(&mut self, now_ms: f64) {
        while self.sent.front().is_some_and(|&t| t + self.window_ms <= now_ms) {
            self.sent.pop_front();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_more_than_the_limit_in_any_window() {
        let pacer = Pacer::new(60);
        let mut now = 0.0;
        let mut let_through = Vec::new();
        // Ask as fast as allowed for 3 simulated minutes.
        while now < 180_000.0 {
            match pacer.try_acquire(now) {
                None => let_through.push(now),
                Some(wait) => now += wait,
            }
        }
        for (i, &t) in let_through.iter().enumerate() {
            let in_window = let_through[i..].iter().take_while(|&&u| u < t + 60_000.0).count();
            assert!(in_window <= 60, "{in_window} requests in the minute after {t}");
        }
        // ...and the budget is used fully: 60 a minute.
        assert_eq!(let_through.len(), 180);
    }

    #[test]
    fn waits_until_the_oldest_slot_returns() {
        let pacer = Pacer::with_window(2, 1000.0);
        assert_eq!(pacer.try_acquire(0.0), None);
        assert_eq!(pacer.try_acquire(100.0), None);
        assert_eq!(pacer.try_acquire(200.0), Some(800.0));
        assert_eq!(pacer.try_acquire(1000.0), None);
        assert_eq!(pacer.budget(1000.0).remaining, 0);
        assert_eq!(pacer.budget(1100.0).remaining, 1);
    }

    #[test]
    fn server_view_and_pause_are_honoured() {
        let pacer = Pacer::new(60);
        pacer.observe(Some(60), Some(10), 0.0);
        assert_eq!(pacer.budget(0.0).remaining, 10);
        assert_eq!(pacer.server_budget().unwrap().remaining, 10);
        pacer.pause(0.0, 5000.0);
        assert_eq!(pacer.try_acquire(1000.0), Some(4000.0));
        assert_eq!(pacer.budget(1000.0).remaining, 0);
        assert_eq!(pacer.try_acquire(5000.0), None);
    }

    #[test]
    fn time_for_plays_the_window_forward() {
        let pacer = Pacer::with_window(3, 1000.0);
        assert_eq!(pacer.time_for(3, 0.0), 0.0);
        assert_eq!(pacer.try_acquire(0.0), None);
        assert_eq!(pacer.try_acquire(100.0), None);
        // One slot free now; the next two return 1000 ms after the first two were taken.
        assert_eq!(pacer.time_for(1, 200.0), 0.0);
        assert_eq!(pacer.time_for(2, 200.0), 800.0);
        assert_eq!(pacer.time_for(3, 200.0), 900.0);
        // The fourth waits for the slot the first of these takes (at 200): 1200.
        assert_eq!(pacer.time_for(4, 200.0), 1000.0);
        assert_eq!(Pacer::new(0).time_for(1000, 5.0), 0.0);
    }

    #[test]
    fn background_leaves_the_reserve_to_visible_requests() {
        let pacer = Pacer::with_window(8, 1000.0);
        assert_eq!(reserve(8), 2);
        for i in 0..6 {
            assert_eq!(pacer.try_acquire_as(i as f64, Priority::Background), None, "background slot {i}");
        }
        // Six of eight taken: background waits until the first slot returns, visible goes now.
        assert_eq!(pacer.try_acquire_as(10.0, Priority::Background), Some(990.0));
        assert_eq!(pacer.try_acquire_as(10.0, Priority::Visible), None);
        assert_eq!(pacer.try_acquire_as(11.0, Priority::Visible), None);
        assert_eq!(pacer.try_acquire_as(12.0, Priority::Visible), Some(988.0));
        // With eight in the window, background waits for three slots to return (at 1000, 1001, 1002).
        assert_eq!(pacer.try_acquire_as(12.0, Priority::Background), Some(990.0));
        assert_eq!(pacer.try_acquire_as(1000.0, Priority::Background), Some(2.0));
        assert_eq!(pacer.try_acquire_as(1002.0, Priority::Background), None);
    }

    #[test]
    fn zero_means_unlimited() {
        let pacer = Pacer::new(0);
        for i in 0..1000 {
            assert_eq!(pacer.try_acquire(i as f64), None);
        }
    }
}
