//! What every widget is made of: its attributes as signals, a loader that maps every outcome to
//! one of the documented states, and the frame that shows those states the same way everywhere:
//! not configured, loading, empty, error (with Retry), refused by the API (403), ready.

use std::any::Any;
use std::future::Future;
use std::marker::PhantomData;
use std::pin::Pin;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use webwork_core::ApiError;
use webwork_ui::{EmptyState, ErrorBanner, SkeletonRows};

use crate::lang::{self, t, t_args};
use crate::shared;

/// The element's attributes, as the JS half reports them (name, value).
#[derive(Clone, Copy)]
pub struct Attrs(pub RwSignal<Vec<(String, String)>, LocalStorage>);

impl Attrs {
    /// One attribute (reactive, and only for changes of that attribute).
    pub fn memo(&self, name: &'static str) -> Memo<Option<String>> {
        let all = self.0;
        Memo::new(move |_| all.with(|v| v.iter().find(|(n, _)| n == name).map(|(_, v)| v.trim().to_owned())).filter(|v| !v.is_empty()))
    }
}

/// Where a widget's requests go: the base URL and the workspace, once both are known.
#[derive(Clone, PartialEq, Debug)]
pub struct Target {
    pub base: String,
    pub workspace: u64,
    /// The `configure` call in force: a new token makes a new target, so widgets load again.
    pub configuration: u32,
}

/// The attributes every widget reads: `base-url` and `workspace-id`.
#[derive(Clone, Copy)]
pub struct Common {
    pub base_url: Memo<Option<String>>,
    pub workspace_id: Memo<Option<String>>,
}

impl Common {
    pub fn new(attrs: Attrs) -> Self {
        Common { base_url: attrs.memo("base-url"), workspace_id: attrs.memo("workspace-id") }
    }

    /// The target (reactive), or the sentence saying what is missing.
    pub fn target(&self) -> Result<Target, String> {
        let Some(configuration) = shared::configured() else {
            return Err(t_args("widget-needs-configure", &[("call", "WebWorkWidgets.configure({ token })".into())]));
        };
        let base = shared::base_url(self.base_url.get()).ok_or_else(|| {
            t_args(
                "widget-needs-base-url",
                &[("example", "https://api.webwork-tracker.com/api/v2".into()), ("call", "configure({ baseUrl })".into())],
            )
        })?;
        let workspace = required_id(self.workspace_id.get(), "workspace-id", &t("widget-what-workspace"))?;
        Ok(Target { base, workspace, configuration })
    }
}

/// A positive integer attribute, or the sentence saying what it needs.
pub fn required_id(value: Option<String>, name: &str, what: &str) -> Result<u64, String> {
    match value {
        None => Err(t_args("widget-needs-attribute", &[("attribute", name.into()), ("what", what.into())])),
        Some(v) => v.parse::<u64>().ok().filter(|n| *n > 0).ok_or_else(|| bad_value(name, what, &v)),
    }
}

/// "Not configured: `name` must be `what`, not “`value`”."
pub fn bad_value(name: &str, what: &str, value: &str) -> String {
    t_args("widget-bad-value", &[("attribute", name.into()), ("what", what.into()), ("value", value.into())])
}

/// A widget's state.
#[derive(Clone, Debug)]
pub enum Status {
    /// What the widget still needs (an attribute, the token).
    Missing(String),
    Loading,
    Ready,
    Failed(ApiError),
}

pub type Fetch<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

/// Data a widget shows, loaded again when the signals its fetcher reads change or on
/// [`Loader::refetch`]; only the newest answer counts. The data is kept type-erased
/// (`Rc<dyn Any>`), so the reactive machinery exists once in the wasm, not once per widget.
pub struct Loader<T: 'static> {
    data: ErasedData,
    pub status: RwSignal<Status>,
    tick: RwSignal<u32>,
    _type: PhantomData<fn() -> T>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + 'static> Loader<T> {
    pub fn refetch(&self) {
        self.tick.update(|t| *t = t.wrapping_add(1));
    }

    /// The data, untracked.
    pub fn get_untracked(&self) -> Option<T> {
        untrack(|| self.get())
    }

    /// The data (reactive).
    pub fn get(&self) -> Option<T> {
        self.with(|d| d.cloned())
    }

    /// Reads the data (reactive).
    pub fn with<R>(&self, f: impl FnOnce(Option<&T>) -> R) -> R {
        self.data.with(|d| f(d.as_ref().and_then(|d| d.downcast_ref::<T>())))
    }

    /// Replaces the data shown (after a change made here, without a reload).
    pub fn set(&self, value: T) {
        self.data.set(Some(Rc::new(value)));
    }
}

type ErasedFetch = Box<dyn Fn() -> Result<Fetch<Rc<dyn Any>>, String>>;
type ErasedData = RwSignal<Option<Rc<dyn Any>>, LocalStorage>;

/// Loads with `fetch`: it reads the attributes it needs (tracked) and returns the future, or
/// what is missing. The data on screen stays while a reload runs (no flash of skeletons).
pub fn loader<T: 'static>(fetch: impl Fn() -> Result<Fetch<T>, String> + 'static) -> Loader<T> {
    let erased: ErasedFetch = Box::new(move || {
        let fut = fetch()?;
        Ok(Box::pin(async move { fut.await.map(|v| Rc::new(v) as Rc<dyn Any>) }) as Fetch<Rc<dyn Any>>)
    });
    let (data, status, tick) = erased_loader(erased);
    Loader { data, status, tick, _type: PhantomData }
}

/// The body of [`loader`], not generic.
fn erased_loader(fetch: ErasedFetch) -> (ErasedData, RwSignal<Status>, RwSignal<u32>) {
    let data = RwSignal::new_local(None::<Rc<dyn Any>>);
    let status = RwSignal::new(Status::Loading);
    let tick = RwSignal::new(0u32);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        tick.track();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        let fut = match fetch() {
            Ok(fut) => fut,
            Err(missing) => {
                data.set(None);
                status.set(Status::Missing(missing));
                return;
            }
        };
        if !matches!(status.get_untracked(), Status::Ready) {
            status.set(Status::Loading);
        }
        spawn_local(lang::in_language(lang::current(), async move {
            let result = fut.await;
            if generation.try_get_value() != Some(mine) {
                return;
            }
            match result {
                Ok(v) => {
                    data.set(Some(v));
                    status.set(Status::Ready);
                }
                Err(e) => {
                    data.set(None);
                    status.set(Status::Failed(e));
                }
            }
        }));
    });
    (data, status, tick)
}

/// The state's name, as `data-state` carries it (styles and tests read it).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Missing,
    Loading,
    Empty,
    Ready,
    Refused,
    Error,
}

impl Shown {
    fn name(self) -> &'static str {
        match self {
            Shown::Missing => "not-configured",
            Shown::Loading => "loading",
            Shown::Empty => "empty",
            Shown::Ready => "ready",
            Shown::Refused => "refused",
            Shown::Error => "error",
        }
    }
}

/// A widget's frame: the heading, then the state or the content (`children`, shown when the
/// data is ready and not `empty`).
#[component]
pub fn Frame(
    /// The widget's heading (the `heading` attribute overrides it).
    heading: Signal<String>,
    status: RwSignal<Status>,
    #[prop(into)] empty: Signal<bool>,
    /// What the empty state says.
    #[prop(into)]
    empty_title: Signal<String>,
    on_retry: Callback<()>,
    children: ChildrenFn,
) -> impl IntoView {
    let shown = Memo::new(move |_| match status.get() {
        Status::Missing(_) => Shown::Missing,
        Status::Loading => Shown::Loading,
        Status::Failed(ApiError::Forbidden { .. }) => Shown::Refused,
        Status::Failed(_) => Shown::Error,
        Status::Ready if empty.get() => Shown::Empty,
        Status::Ready => Shown::Ready,
    });
    let error = Signal::derive(move || match status.get() {
        Status::Failed(e) => Some(e),
        _ => None,
    });
    let body = move || match shown.get() {
        Shown::Missing => {
            let text = move || match status.get() {
                Status::Missing(t) => t,
                _ => String::new(),
            };
            view! { <p class="state-note" role="status">{text}</p> }.into_any()
        }
        Shown::Loading => view! { <SkeletonRows rows=3 cols=2/> }.into_any(),
        Shown::Refused => {
            let said = move || error.get().map(|e| webwork_ui::error_sentence(&e)).unwrap_or_default();
            view! {
                <div class="banner warn" role="alert">
                    <div class="banner-text">
                        <strong>{t("widget-refused-title")}</strong>
                        <p>{t("widget-refused")}</p>
                        <p class="hint">{said}</p>
                    </div>
                </div>
            }
            .into_any()
        }
        Shown::Error => view! { <ErrorBanner error=error on_retry=on_retry auto_retry=true/> }.into_any(),
        Shown::Empty => (move || view! { <EmptyState title=empty_title.get()/> }).into_any(),
        Shown::Ready => children().into_any(),
    };
    view! {
        <section class="widget" lang=lang::current() data-state=move || shown.get().name() aria-busy=move || (shown.get() == Shown::Loading).to_string()>
            <h2 class="widget-heading">{heading}</h2>
            {body}
        </section>
    }
}

/// The heading: the `heading` attribute, else `default` (in the widget's language).
pub fn heading(attrs: Attrs, default: String) -> Signal<String> {
    let custom = attrs.memo("heading");
    Signal::derive(move || custom.get().unwrap_or_else(|| default.clone()))
}
