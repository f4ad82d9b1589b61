//! One rate budget for every tab and widget page of an origin (the API counts per user, not per
//! tab): the pacer's log lives in the origin's IndexedDB and every slot is taken inside one
//! readwrite transaction, which the browser runs one at a time across tabs. Only times are
//! stored, never data. Without IndexedDB (Node, some private modes) the pacer keeps its own log.

use std::rc::Rc;

use js_sys::Promise;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

use super::shared::{LogEdit, LogFuture, SharedLog};

// The transaction must not wait on anything but IndexedDB between reading and writing the log,
// or it commits early; so the decision (Rust) runs inside the `get`'s success handler.
#[wasm_bindgen(inline_js = r#"
let opening = null;
function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const idb = globalThis.indexedDB;
      if (!idb) { reject(new Error('no IndexedDB')); return; }
      const req = idb.open('webwork-budget', 1);
      req.onupgradeneeded = () => req.result.createObjectStore('log');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
      req.onblocked = () => reject(new Error('blocked'));
    });
    opening.catch(() => { opening = null; });
  }
  return opening;
}
export function edit_budget_log(key, edit) {
  return open().then((db) => new Promise((resolve, reject) => {
    const tx = db.transaction('log', 'readwrite');
    const store = tx.objectStore('log');
    const get = store.get(key);
    get.onsuccess = () => {
      const stored = get.result instanceof Float64Array ? get.result : new Float64Array(0);
      store.put(edit(stored), key);
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  }));
}
export function page_hidden() {
  return typeof document !== 'undefined' && document.visibilityState === 'hidden';
}
"#)]
extern "C" {
    #[wasm_bindgen(catch)]
    fn edit_budget_log(key: &str, edit: &Closure<dyn FnMut(Vec<f64>) -> Vec<f64>>) -> Result<Promise, JsValue>;
    fn page_hidden() -> bool;
}

/// The origin's shared log for one user of one API (see [`super::origin_key`]).
#[derive(Clone)]
pub struct OriginLog {
    key: Rc<dyn Fn() -> Option<String>>,
}

impl OriginLog {
    pub fn new(key: String) -> Self {
        OriginLog { key: Rc::new(move || Some(key.clone())) }
    }

    /// A log whose key is known only once a request has its token (a token provider's): until
    /// then, and whenever `key` gives none, the pacer keeps its own log.
    pub fn keyed_by(key: impl Fn() -> Option<String> + 'static) -> Self {
        OriginLog { key: Rc::new(key) }
    }

    /// This log as the pacer takes one ([`super::Pacer::shared_with`]).
    // The pacer takes an `Arc` so that a native client's log may cross threads; a browser has one.
    #[allow(clippy::arc_with_non_send_sync)]
    pub fn into_shared(self) -> std::sync::Arc<dyn SharedLog> {
        std::sync::Arc::new(self)
    }
}

impl std::fmt::Debug for OriginLog {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OriginLog")
    }
}

impl SharedLog for OriginLog {
    fn edit(&self, edit: LogEdit) -> LogFuture {
        let key = (self.key)();
        Box::pin(async move {
            let key = key.ok_or(())?;
            let closure = Closure::once(edit);
            let promise = edit_budget_log(&key, &closure).map_err(|_| ())?;
            JsFuture::from(promise).await.map(|_| ()).map_err(|_| ())
        })
    }

    fn background_paused(&self) -> bool {
        page_hidden()
    }
}
