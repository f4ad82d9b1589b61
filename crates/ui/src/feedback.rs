//! Loading, empty and failed states.

use std::time::Duration;

use leptos::prelude::*;
use webwork_core::ApiError;

use crate::i18n::{msg_id, t_or};

/// A short heading for each kind of error; the sentence under it is [`error_sentence`].
pub fn error_title(e: &ApiError) -> String {
    let (id, english) = match e {
        ApiError::InvalidRequest { .. } | ApiError::Validation { .. } => (msg_id("error-title-check-form"), "Please check the form"),
        ApiError::Unauthorized { .. } => (msg_id("error-title-signed-out"), "Signed out"),
        ApiError::Forbidden { .. } => (msg_id("error-title-not-allowed"), "Not allowed"),
        ApiError::NotFound { .. } => (msg_id("error-title-not-found"), "Not found"),
        ApiError::Conflict { .. } => (msg_id("error-title-conflict"), "Conflict"),
        ApiError::RateLimited { .. } => (msg_id("error-title-rate-limited"), "Rate limit reached"),
        ApiError::Server { .. } => (msg_id("error-title-server"), "Server error"),
        ApiError::Http { .. } => (msg_id("error-title-http"), "Unexpected answer"),
        ApiError::Network { .. } => (msg_id("error-title-network"), "Server unreachable"),
        ApiError::Timeout { .. } => (msg_id("error-title-timeout"), "Timed out"),
        ApiError::Aborted => (msg_id("error-title-aborted"), "Cancelled"),
        ApiError::Decode { .. } => (msg_id("error-title-decode"), "Unreadable answer"),
    };
    t_or(id, &[], || english.to_owned())
}

/// An error as a sentence in the reader's language, chosen by its kind; what the server said is
/// kept as data inside it (`{ $message }`). Without a catalog: the core's English `Display`.
pub fn error_sentence(e: &ApiError) -> String {
    let english = || e.to_string();
    match e {
        ApiError::InvalidRequest { field, reason } => {
            t_or("error-invalid-request", &[("field", (*field).into()), ("reason", reason.into())], english)
        }
        ApiError::Validation { message, detail, .. } => match detail {
            Some(d) if !d.is_empty() && d != message => {
                t_or("error-validation-detail", &[("message", message.into()), ("detail", d.into())], english)
            }
            _ => t_or("error-validation", &[("message", message.into())], english),
        },
        ApiError::Unauthorized { message } => t_or("error-unauthorized", &[("message", message.into())], english),
        ApiError::Forbidden { message } => t_or("error-forbidden", &[("message", message.into())], english),
        ApiError::NotFound { message } => t_or("error-not-found", &[("message", message.into())], english),
        ApiError::Conflict { message } => t_or("error-conflict", &[("message", message.into())], english),
        ApiError::RateLimited { retry_after_ms: Some(ms), .. } => {
            t_or("error-rate-limited-wait", &[("seconds", ms.div_ceil(1000).into())], english)
        }
        ApiError::RateLimited { retry_after_ms: None, .. } => t_or("error-rate-limited", &[], english),
        ApiError::Server { status, message } => t_or("error-server", &[("status", (*status).into()), ("message", message.into())], english),
        ApiError::Http { status, message } => t_or("error-http", &[("status", (*status).into()), ("message", message.into())], english),
        ApiError::Network { message } => t_or("error-network", &[("message", message.into())], english),
        ApiError::Timeout { after_ms } => t_or("error-timeout", &[("seconds", (*after_ms as f64 / 1000.0).into())], english),
        ApiError::Aborted => t_or("error-aborted", &[], english),
        ApiError::Decode { path, message } => t_or("error-decode", &[("path", path.into()), ("message", message.into())], english),
    }
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// An error as a banner (`role="alert"`): a heading, the error's sentence, and Retry.
///
/// For "too many requests" with a known wait, it counts down to when the budget frees up and,
/// with `auto_retry` and `on_retry`, retries by itself at zero. Lists (reads) ask for that;
/// forms do not: they show the countdown and leave the next click to the person.
#[component]
pub fn ErrorBanner(
    #[prop(into)] error: Signal<Option<ApiError>>,
    #[prop(optional)] on_retry: Option<Callback<()>>,
    /// Retry by itself when a rate limit frees up (lists and other reads).
    #[prop(optional)]
    auto_retry: bool,
) -> impl IntoView {
    // When the current rate limit frees up (ms since the epoch), and the clock that counts to it.
    let free_at = RwSignal::new(None::<f64>);
    // The countdown of this error has run out: its "frees up in N s" is no longer true.
    let freed = RwSignal::new(false);
    let now = RwSignal::new(now_ms());
    Effect::new(move |_| {
        let at = error.with(|e| match e {
            Some(ApiError::RateLimited { retry_after_ms: Some(ms), .. }) => Some(now_ms() + *ms as f64),
            _ => None,
        });
        now.set(now_ms());
        free_at.set(at);
        freed.set(false);
    });
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if free_at.get_untracked().is_some() {
                let t = now_ms();
                now.set(t);
                if let Some(at) = free_at.get_untracked() {
                    if t >= at {
                        free_at.set(None);
                        freed.set(true);
                        if auto_retry {
                            if let Some(retry) = on_retry {
                                retry.run(());
                            }
                        }
                    }
                }
            }
        },
        Duration::from_millis(500),
    ) {
        on_cleanup(move || handle.clear());
    }
    let seconds_left = move || free_at.get().map(|at| ((at - now.get()) / 1000.0).ceil().max(0.0) as u64);

    move || {
        error.get().map(|e| {
            let title = error_title(&e);
            let sentence = match (&e, seconds_left()) {
                (ApiError::RateLimited { .. }, Some(s)) => {
                    let english = || {
                        let then = if auto_retry && on_retry.is_some() { " This retries by itself then." } else { "" };
                        format!("Too many requests: the budget of 60 a minute is spent. It frees up in {s} s.{then}")
                    };
                    let id = if auto_retry && on_retry.is_some() { msg_id("error-rate-limited-countdown-retry") } else { msg_id("error-rate-limited-countdown") };
                    t_or(id, &[("seconds", s.into())], english)
                }
                (ApiError::RateLimited { .. }, None) if freed.get() => t_or("error-rate-limited-freed", &[], || {
                    "Too many requests: the budget of 60 a minute was spent. It has freed up: send again.".to_owned()
                }),
                _ => error_sentence(&e),
            };
            view! {
                <div class="banner error" role="alert" data-kind=e.kind()>
                    <div class="banner-text">
                        <strong>{title}</strong>
                        <p>{sentence}</p>
                    </div>
                    {on_retry.map(|retry| view! {
                        <button type="button" class="btn" on:click=move |_| retry.run(())>{t_or("common-retry", &[], || "Retry".to_owned())}</button>
                    })}
                </div>
            }
        })
    }
}

/// A grey bar standing in for text while it loads.
#[component]
pub fn Skeleton(#[prop(default = "100%")] width: &'static str) -> impl IntoView {
    view! { <span class="skeleton" style:width=width aria-hidden="true"></span> }
}

/// Why loading data is slow, when the app knows (e.g. "Waiting for the API's rate limit: next
/// data in 12 s"); provided once by the app, read by every loading view ([`SkeletonRows`]), so
/// no page has to say it itself.
#[derive(Clone, Copy)]
pub struct LoadingNote(pub Signal<Option<String>>);

/// Makes `note` what the loading views below say while it is `Some`.
pub fn provide_loading_note(note: Signal<Option<String>>) {
    provide_context(LoadingNote(note));
}

/// The app's [`LoadingNote`] as a line, in a polite live region that is there before the
/// note is, so a screen reader hears it when it appears. Empty without one.
#[component]
pub fn LoadingNoteLine() -> impl IntoView {
    let note = use_context::<LoadingNote>().map(|n| n.0);
    let text = move || note.and_then(|n| n.get());
    view! {
        <div role="status" aria-live="polite">{move || text().map(|t| view! { <p class="loading-note">{t}</p> })}</div>
    }
}

/// Placeholder rows for a table that is loading, under the app's [`LoadingNote`] when it has one.
#[component]
pub fn SkeletonRows(#[prop(default = 5)] rows: usize, #[prop(default = 4)] cols: usize) -> impl IntoView {
    const WIDTHS: [&str; 4] = ["70%", "90%", "55%", "80%"];
    view! {
        <LoadingNoteLine/>
        <div class="table-wrap" aria-busy="true">
            <span class="visually-hidden" role="status">{t_or("common-loading", &[], || "Loading…".to_owned())}</span>
            <table class="data-table skeleton-table" aria-hidden="true">
                <tbody>
                    {(0..rows).map(|r| view! {
                        <tr>{(0..cols).map(|c| view! { <td><Skeleton width=WIDTHS[(r + c) % 4]/></td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// What a list shows when it has nothing: a title, a hint, and an action (children).
#[component]
pub fn EmptyState(
    #[prop(into)] title: String,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    view! {
        <div class="empty-state" role="status">
            <p class="empty-title">{title}</p>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            {children.map(|c| c())}
        </div>
    }
}
