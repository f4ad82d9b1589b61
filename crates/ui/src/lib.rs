//! Leptos components shared by the admin panel and the widgets.
//!
//! Every component renders server text as text nodes (never `inner_html`), labels its controls
//! and uses the ARIA role its behaviour calls for. Styling is plain CSS with custom properties
//! (see `crates/admin/assets/admin.css`); the class names used here are documented there.
//!
//! * [`table`]: a data table with keyboard navigation (arrow keys, Home/End, Enter opens, Space
//!   selects) and row selection.
//! * [`pagination`]: page links, "1–20 of 46", page size.
//! * [`form`]: field state with validation as you type, fields, and how a server refusal lands
//!   on a field.
//! * [`feedback`]: the error banner with Retry (every [`webwork_core::ApiError`] as a sentence),
//!   skeletons, empty states.
//! * [`dialog`]: a confirm dialog. [`toast`]: notices with Undo. [`chip`]: tag chips.
//!   [`theme`]: light/dark with the system default, remembered.
//! * [`chart`]: SVG charts (stacked bars, a day timeline, a calendar heat map), each with a
//!   table view and accessible labels; styles and colours in `crates/ui/assets/chart.css`.
//! * [`i18n`]: messages by id from the host's catalog (`t`, `t_args`; `t_or` here, with English for
//!   hosts without a catalog).
//! * [`daterange`]: a date-range picker with presets and keyboard stepping.
//! * [`languages`]: the languages with catalogs and the reader's best match (panel and widgets).
//! * [`zone`]: a time's zone named (`Manila time, UTC+8`) through the browser's Intl.

pub mod chart;
pub mod chip;
pub mod daterange;
pub mod dialog;
pub mod feedback;
pub mod form;
pub mod i18n;
pub mod intl;
pub mod languages;
pub mod pagination;
pub mod table;
pub mod theme;
pub mod toast;
pub mod zone;

pub use chart::{
    CalendarHeat, CalendarHeatMap, ChartTable, HeatDay, StackedBarChart, StackedBars, Timeline, TimelineChart, TimelineLane, TimelineSpan,
};
pub use chip::TagChip;
pub use daterange::{DateRangePicker, Preset};
pub use dialog::ConfirmDialog;
pub use feedback::{
    error_sentence, error_title, provide_loading_note, EmptyState, ErrorBanner, LoadingNote, LoadingNoteLine, Skeleton, SkeletonRows,
};
pub use form::{CheckboxField, FieldState, Form, SelectField, SubmitButton, TextArea, TextField};
pub use pagination::Pagination;
pub use table::{Column, DataTable};
pub use theme::ThemeToggle;
pub use toast::{provide_toaster, Toaster, Toasts};

/// Browser storage, quietly absent where the browser refuses it (private modes, sandboxed
/// frames): callers treat a missing store like an empty one.
pub mod storage {
    pub fn local() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    pub fn session() -> Option<web_sys::Storage> {
        web_sys::window()?.session_storage().ok()?
    }

    pub fn get(store: Option<web_sys::Storage>, key: &str) -> Option<String> {
        store?.get_item(key).ok()?
    }

    pub fn set(store: Option<web_sys::Storage>, key: &str, value: &str) {
        if let Some(s) = store {
            let _ = s.set_item(key, value);
        }
    }

    pub fn remove(store: Option<web_sys::Storage>, key: &str) {
        if let Some(s) = store {
            let _ = s.remove_item(key);
        }
    }
}

/// Copies text to the clipboard; `false` when the browser refuses (no secure context).
pub fn copy_to_clipboard(text: &str) -> bool {
    match web_sys::window() {
        Some(w) => {
            let _ = w.navigator().clipboard().write_text(text);
            true
        }
        None => false,
    }
}

/// `text` in lower case, by the browser's `String.prototype.toLowerCase` (full Unicode, as
/// `str::to_lowercase`), which spares the bundle Rust's copy of the Unicode case tables.
pub fn lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}
