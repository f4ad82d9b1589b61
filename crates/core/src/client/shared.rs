//! One rate budget beyond one page (feature `origin-budget`): a [`SharedLog`] holds the request
//! log of every tab of the same user (in a browser, the origin's IndexedDB, `client::origin`),
//! and a pacer [`Pacer::shared_with`] one decides each slot on that log, atomically, and keeps a
//! copy of it for display. A store that fails leaves the pacer to its own log.

use std::sync::{Arc, Mutex};

use super::pacer::{Pacer, Priority};

/// A request log kept beyond this pacer (every tab of an origin), edited atomically: `edit`
/// gets the stored log (times in ms since the epoch, oldest first) and returns the log to store.
pub trait SharedLog: super::MaybeSendSync {
    /// Resolves `Err` when the store is unavailable (the pacer then keeps its own log).
    fn edit(&self, edit: LogEdit) -> LogFuture;
    /// Background requests wait while this is true (a hidden tab).
    fn background_paused(&self) -> bool {
        false
    }
}

/// An edit of a [`SharedLog`]'s log.
#[cfg(not(target_arch = "wasm32"))]
pub type LogEdit = Box<dyn FnOnce(Vec<f64>) -> Vec<f64> + Send>;
/// An edit of a [`SharedLog`]'s log.
#[cfg(target_arch = "wasm32")]
pub type LogEdit = Box<dyn FnOnce(Vec<f64>) -> Vec<f64>>;
/// A [`SharedLog`]'s answer: the edit was stored, or the store is unavailable.
#[cfg(not(target_arch = "wasm32"))]
pub type LogFuture = futures_util::future::BoxFuture<'static, Result<(), ()>>;
/// A [`SharedLog`]'s answer: the edit was stored, or the store is unavailable.
#[cfg(target_arch = "wasm32")]
pub type LogFuture = futures_util::future::LocalBoxFuture<'static, Result<(), ()>>;

impl Pacer {
    /// This budget, decided on `log` (shared by every tab of the origin) instead of this
    /// pacer's own log. Clocks must agree: `now_ms` passed to the pacer is then epoch time.
    pub fn shared_with(mut self, log: Arc<dyn SharedLog>) -> Self {
        self.shared = Some(log);
        self
    }

    /// Takes a slot for `priority` at `now_ms`, through the shared log when there is one;
    /// `None` when taken, else how long to wait before asking again.
    pub async fn acquire(&self, now_ms: f64, priority: Priority) -> Option<f64> {
        match self.shared.clone() {
            Some(log) => self.acquire_shared(log, now_ms, priority).await,
            None => self.try_acquire_as(now_ms, priority),
        }
    }

    async fn acquire_shared(&self, log: Arc<dyn SharedLog>, now_ms: f64, priority: Priority) -> Option<f64> {
        if priority == Priority::Background && log.background_paused() {
            return Some(1_000.0);
        }
        let answer = Arc::new(Mutex::new(None));
        let (pacer, out) = (self.clone(), answer.clone());
        let stored = log
            .edit(Box::new(move |stored| {
                let (next, wait) = pacer.decide_on(stored, now_ms, priority);
                *out.lock().unwrap_or_else(|e| e.into_inner()) = Some(wait);
                next
            }))
            .await;
        let decided = answer.lock().unwrap_or_else(|e| e.into_inner()).take();
        match (stored, decided) {
            (Ok(()), Some(wait)) => wait,
            // The store failed (private mode, quota, no IndexedDB): this tab's own log decides.
            _ => self.try_acquire_as(now_ms, priority),
        }
    }

    /// One decision on a shared log: this pacer adopts it, takes a slot if `priority` may, and
    /// returns the log to store.
    pub fn decide_on(&self, stored: Vec<f64>, now_ms: f64, priority: Priority) -> (Vec<f64>, Option<f64>) {
        self.adopt(stored, now_ms);
        let wait = self.try_acquire_as(now_ms, priority);
        (self.log(), wait)
    }
}

// Native only: the executor is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// A shared log in memory, as two tabs see the origin's IndexedDB.
    struct MemoryLog(Mutex<Vec<f64>>, bool);

    impl SharedLog for MemoryLog {
        fn edit(&self, edit: LogEdit) -> LogFuture {
            let mut stored = self.0.lock().unwrap();
            let next = edit(std::mem::take(&mut *stored));
            *stored = next;
            Box::pin(async { Ok(()) })
        }
        fn background_paused(&self) -> bool {
            self.1
        }
    }

    fn run<F: std::future::Future>(f: F) -> F::Output {
        futures_executor::block_on(f)
    }

    #[test]
    fn a_budget_key_names_the_api_and_a_fingerprint_never_the_token() {
        let key = super::super::origin_key("https://api.example.test/api/v2/", "secret-token");
        let (api, print) = key.split_once(' ').unwrap();
        assert_eq!(api, "https://api.example.test/api/v2");
        assert_eq!(print.len(), 16);
        assert!(print.bytes().all(|b| b.is_ascii_hexdigit()) && !key.contains("secret"));
        assert_eq!(key, super::super::origin_key("https://api.example.test/api/v2", "secret-token"), "stable");
        assert_ne!(key, super::super::origin_key("https://api.example.test/api/v2", "secret-tokem"));
    }

    #[test]
    fn tabs_sharing_a_log_never_exceed_the_limit_together() {
        let log: Arc<dyn SharedLog> = Arc::new(MemoryLog(Mutex::new(Vec::new()), false));
        let tabs: Vec<Pacer> = (0..3).map(|_| Pacer::with_window(10, 1000.0).shared_with(log.clone())).collect();
        let mut let_through = Vec::new();
        let mut now = 0.0;
        // Three tabs asking in turn, as fast as they are allowed, for 3 windows.
        while now < 3000.0 {
            let mut waits = Vec::new();
            for tab in &tabs {
                match run(tab.acquire(now, Priority::Visible)) {
                    None => let_through.push(now),
                    Some(w) => waits.push(w),
                }
            }
            if waits.len() == tabs.len() {
                now += waits.iter().copied().fold(f64::MAX, f64::min);
            }
        }
        for (i, &t) in let_through.iter().enumerate() {
            let in_window = let_through[i..].iter().take_while(|&&u| u < t + 1000.0).count();
            assert!(in_window <= 10, "{in_window} requests in the window after {t}");
        }
        assert_eq!(let_through.len(), 30);
        // Each tab's meter shows the whole origin's count.
        assert_eq!(tabs[0].budget(now).remaining, tabs[2].budget(now).remaining);
    }

    #[test]
    fn a_new_tab_resumes_the_window_from_the_shared_log() {
        let log: Arc<dyn SharedLog> = Arc::new(MemoryLog(Mutex::new(Vec::new()), false));
        let first = Pacer::with_window(3, 1000.0).shared_with(log.clone());
        for t in [0.0, 10.0, 20.0] {
            assert_eq!(run(first.acquire(t, Priority::Visible)), None);
        }
        let reloaded = Pacer::with_window(3, 1000.0).shared_with(log.clone());
        assert_eq!(run(reloaded.acquire(30.0, Priority::Visible)), Some(970.0));
        assert_eq!(reloaded.budget(30.0).remaining, 0);
    }

    #[test]
    fn background_waits_in_a_hidden_tab_and_a_failed_store_falls_back() {
        let hidden: Arc<dyn SharedLog> = Arc::new(MemoryLog(Mutex::new(Vec::new()), true));
        let pacer = Pacer::with_window(10, 1000.0).shared_with(hidden);
        assert_eq!(run(pacer.acquire(0.0, Priority::Background)), Some(1000.0));
        assert_eq!(run(pacer.acquire(0.0, Priority::Visible)), None);

        struct Broken;
        impl SharedLog for Broken {
            fn edit(&self, _: LogEdit) -> LogFuture {
                Box::pin(async { Err(()) })
            }
        }
        let pacer = Pacer::with_window(1, 1000.0).shared_with(Arc::new(Broken));
        assert_eq!(run(pacer.acquire(0.0, Priority::Visible)), None);
        assert_eq!(run(pacer.acquire(1.0, Priority::Visible)), Some(999.0));
    }
}
