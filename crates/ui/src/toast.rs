//! Short notices in a polite live region, with an optional Undo; each goes away by itself.

use std::time::Duration;

use leptos::prelude::*;

use crate::i18n::t;

/// One notice.
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub text: String,
    pub error: bool,
    pub undo: Option<Callback<()>>,
}

/// The notices of a page; [`provide_toaster`] puts one in context, `expect_context` finds it.
#[derive(Clone, Copy)]
pub struct Toaster {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
    /// How long a notice stays (an Undo needs time to be reached by keyboard).
    pub ttl: Duration,
}

impl Toaster {
    pub fn new() -> Self {
        Toaster { items: RwSignal::new(Vec::new()), next: StoredValue::new(1), ttl: Duration::from_secs(8) }
    }

    pub fn show(&self, text: impl Into<String>) -> u64 {
        self.push(text.into(), false, None)
    }

    pub fn error(&self, text: impl Into<String>) -> u64 {
        self.push(text.into(), true, None)
    }

    /// A notice with an Undo button that runs `undo` (once) and closes the notice.
    pub fn with_undo(&self, text: impl Into<String>, undo: Callback<()>) -> u64 {
        self.push(text.into(), false, Some(undo))
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|v| v.retain(|t| t.id != id));
    }

    pub fn items(&self) -> Vec<Toast> {
        self.items.get()
    }

    fn push(&self, text: String, error: bool, undo: Option<Callback<()>>) -> u64 {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|v| v.push(Toast { id, text, error, undo }));
        let this = *self;
        set_timeout(move || this.dismiss(id), self.ttl);
        id
    }
}

impl Default for Toaster {
    fn default() -> Self {
        Self::new()
    }
}

/// Creates the page's toaster and provides it as context.
pub fn provide_toaster() -> Toaster {
    let t = Toaster::new();
    provide_context(t);
    t
}

/// Where the notices show; put it once near the root.
#[component]
pub fn Toasts() -> impl IntoView {
    let toaster = expect_context::<Toaster>();
    view! {
        <div class="toasts" role="status" aria-live="polite">
            <For each=move || toaster.items() key=|item| item.id let:item>
                <div class="toast" class:error=item.error>
                    <span>{item.text.clone()}</span>
                    {item.undo.map(|undo| {
                        let id = item.id;
                        view! {
                            <button type="button" class="btn ghost" on:click=move |_| {
                                toaster.dismiss(id);
                                undo.run(());
                            }>{t("common-undo")}</button>
                        }
                    })}
                    <button type="button" class="btn ghost close" aria-label=t("common-dismiss")
                        on:click={let id = item.id; move |_| toaster.dismiss(id)}>"×"</button>
                </div>
            </For>
        </div>
    }
}
