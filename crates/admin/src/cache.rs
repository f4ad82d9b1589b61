//! The panel's cache of API answers: the core's [`ReplyCache`] (what is kept, how long it is
//! fresh, what a write drops) kept in this tab's sessionStorage, so a reload shows the page at
//! once, and told by the other tabs of the origin when one of them wrote or signed out.
//!
//! sessionStorage, never localStorage: the answers leave with the tab, and signing out (here or
//! in another tab) removes them. The key is the user's fingerprint, never a token.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use webwork_core::cache::{dropped_by, fresh_for_ms, Cached, ReplyCache};
use webwork_core::date::CivilDate;
use webwork_core::Method;
use webwork_ui::storage;

/// The sessionStorage key of the cache, and the name of the channel the tabs share.
pub const STORAGE_KEY: &str = "webwork-cache";

/// A kept answer and whether it may be shown without asking again.
pub struct Hit {
    pub cached: Cached,
    pub fresh: bool,
}

/// The cache handle the API handle owns. Copy: every field is an arena handle.
#[derive(Clone, Copy)]
pub struct PanelCache {
    answers: StoredValue<Option<ReplyCache>, LocalStorage>,
    /// Counts writes: an answer to a read that started before a write is not kept.
    writes: StoredValue<u64, LocalStorage>,
    save_due: StoredValue<bool, LocalStorage>,
    /// Kept in sessionStorage (off for tests, whose answers would meet in one page's storage).
    persist: StoredValue<bool, LocalStorage>,
    channel: StoredValue<Option<web_sys::BroadcastChannel>, LocalStorage>,
}

/// Now, in ms since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The viewer's day: a report of days that are over in their calendar stays fresh longer.
fn today() -> CivilDate {
    let d = js_sys::Date::new_0();
    CivilDate::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date()).unwrap_or_else(|| CivilDate::from_unix_ms(now_ms()))
}

impl PanelCache {
    pub fn new() -> Self {
        let cache = PanelCache {
            answers: StoredValue::new_local(None),
            writes: StoredValue::new_local(0),
            save_due: StoredValue::new_local(false),
            persist: StoredValue::new_local(false),
            channel: StoredValue::new_local(None),
        };
        cache.listen();
        cache
    }

    /// Starts keeping answers for `user` (a fingerprint), in sessionStorage when `persist`:
    /// what this tab kept for the same user comes back; anything kept for someone else goes.
    pub fn open(&self, user: &str, persist: bool) {
        self.persist.set_value(persist);
        if self.answers.with_value(|a| a.as_ref().is_some_and(|c| c.user() == user)) {
            return;
        }
        let kept = if persist {
            storage::get(storage::session(), STORAGE_KEY).and_then(|text| ReplyCache::from_text(&text, user, now_ms()))
        } else {
            None
        };
        if persist && kept.is_none() {
            storage::remove(storage::session(), STORAGE_KEY);
        }
        self.answers.set_value(Some(kept.unwrap_or_else(|| ReplyCache::new(user))));
    }

    /// Forgets every answer, in memory and in storage; `tell_tabs` also empties the other tabs'.
    pub fn close(&self, tell_tabs: bool) {
        self.answers.set_value(None);
        self.writes.update_value(|w| *w += 1);
        if self.persist.get_value() {
            storage::remove(storage::session(), STORAGE_KEY);
        }
        if tell_tabs {
            self.post("signed-out");
        }
    }

    /// The answer kept for `key`, if young enough to show.
    pub fn get(&self, key: &str) -> Option<Hit> {
        let now = now_ms();
        let cached = self.answers.try_update_value(|a| a.as_mut().and_then(|c| c.get(key, now).cloned())).flatten()?;
        let fresh = cached.age_ms(now) < fresh_for_ms(key, today());
        Some(Hit { cached, fresh })
    }

    /// The write counter now, to hand to [`PanelCache::put`] when the read's answer comes.
    pub fn writes(&self) -> u64 {
        self.writes.get_value()
    }

    /// Keeps an answer, unless a write happened since its read started (it may predate it).
    pub fn put(&self, key: String, cached: Cached, writes_at_start: u64) {
        if self.writes.get_value() != writes_at_start {
            return;
        }
        self.answers.update_value(|a| {
            if let Some(c) = a.as_mut() {
                c.put(key, cached);
            }
        });
        self.save_soon();
    }

    /// After a write to `path`: its answers and those it changes go, here and in the other tabs.
    pub fn wrote(&self, method: Method, path: &str) {
        let families = dropped_by(method, path);
        self.drop_families(families);
        self.post(&families.join(","));
    }

    fn drop_families(&self, families: &[&str]) {
        self.writes.update_value(|w| *w += 1);
        self.answers.update_value(|a| {
            if let Some(c) = a.as_mut() {
                c.drop_families(families);
            }
        });
        // At once: a reload right after a write must not bring the dropped answers back.
        self.save_now();
    }

    /// Writes the cache to sessionStorage once the current burst of answers is in (a reload within
    /// that moment costs those answers a request again; a write's drop is stored at once).
    fn save_soon(&self) {
        if !self.persist.get_value() || self.save_due.get_value() {
            return;
        }
        self.save_due.set_value(true);
        let this = *self;
        set_timeout(
            move || {
                if this.save_due.try_get_value() == Some(true) {
                    this.save_now();
                }
            },
            Duration::from_millis(250),
        );
    }

    fn save_now(&self) {
        self.save_due.try_set_value(false);
        if self.persist.try_get_value() != Some(true) {
            return;
        }
        let text = self.answers.try_with_value(|a| a.as_ref().map(ReplyCache::to_text)).flatten();
        if let Some(text) = text {
            storage::set(storage::session(), STORAGE_KEY, &text);
        }
    }

    /// Another tab's message: `signed-out`, or the families a write there made stale.
    fn heard(&self, message: &str) {
        if message == "signed-out" {
            self.close(false);
        } else {
            let families: Vec<&str> = message.split(',').collect();
            self.drop_families(&families);
        }
    }

    fn post(&self, message: &str) {
        self.channel.with_value(|c| {
            if let Some(c) = c {
                let _ = c.post_message(&message.into());
            }
        });
    }

    fn listen(&self) {
        let Ok(channel) = web_sys::BroadcastChannel::new(STORAGE_KEY) else { return };
        let this = *self;
        let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if let Some(text) = e.data().as_string() {
                this.heard(&text);
            }
        });
        channel.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The listener lives as long as the page: one per tab.
        on_message.forget();
        self.channel.set_value(Some(channel));
        // Answers that came in the last moments before a reload are kept too.
        let on_hide = Closure::<dyn Fn()>::new(move || {
            if this.save_due.try_get_value() == Some(true) {
                this.save_now();
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        }
        on_hide.forget();
    }
}

impl Default for PanelCache {
    fn default() -> Self {
        PanelCache::new()
    }
}
