//! Forms: field state with validation as you type, the field components, and how a refusal
//! from the server lands on the field it names (or on the form).
//!
//! Values live in signals owned by the page, so nothing a person typed is lost when a save
//! fails, whatever the failure. Checks are plain functions (`fn(&str) -> Option<String>`); the
//! [`checks`] module builds them from webwork-core's parameter rules, so the panel refuses
//! exactly what the client would refuse before sending.

use std::sync::Arc;

use leptos::prelude::*;

use crate::i18n::{msg_id, t, t_or};
use webwork_core::ApiError;

type Check = Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// One field's state. Cheap to copy (signal handles).
#[derive(Clone, Copy)]
pub struct FieldState {
    /// The wire name (`email`, `weekly_hours_limit`): server errors naming it land here.
    pub name: &'static str,
    pub value: RwSignal<String>,
    /// Set once the person typed here or left the field.
    pub touched: RwSignal<bool>,
    /// The server's or a cross-field rule's message; cleared when the value changes.
    pub server_error: RwSignal<Option<String>>,
    /// A rule across fields (deadline after start), recomputed as values change.
    pub rule_error: RwSignal<Option<String>>,
    check: StoredValue<Option<Check>>,
}

impl FieldState {
    pub fn new(name: &'static str, initial: impl Into<String>) -> Self {
        FieldState {
            name,
            value: RwSignal::new(initial.into()),
            touched: RwSignal::new(false),
            server_error: RwSignal::new(None),
            rule_error: RwSignal::new(None),
            check: StoredValue::new(None),
        }
    }

    /// Adds the check run as the person types.
    pub fn check(self, f: impl Fn(&str) -> Option<String> + Send + Sync + 'static) -> Self {
        self.check.set_value(Some(Arc::new(f)));
        self
    }

    /// The value's own problem, whether or not it is shown yet (reactive).
    pub fn client_error(&self) -> Option<String> {
        let value = self.value.get();
        self.check.with_value(|c| c.as_ref().and_then(|c| c(&value)))
    }

    /// What to show under the field now (reactive): the server's word first, then the check
    /// once the person has touched the field or tried to save.
    pub fn shown_error(&self, submitted: bool) -> Option<String> {
        self.server_error.get().or_else(|| self.rule_error.get()).or_else(|| {
            if self.touched.get() || submitted {
                self.client_error()
            } else {
                None
            }
        })
    }

    /// The trimmed value, `None` when empty.
    pub fn opt(&self) -> Option<String> {
        let v = self.value.get();
        let v = v.trim();
        (!v.is_empty()).then(|| v.to_owned())
    }

    /// The value as a number, `None` when empty or not a number.
    pub fn num<N: FieldNumber>(&self) -> Option<N> {
        self.opt().and_then(|v| N::read(&v))
    }

    /// Sets the value as if typed (clears a stale server message).
    pub fn set(&self, value: impl Into<String>) {
        self.value.set(value.into());
        self.server_error.set(None);
    }

    fn dom_id(&self) -> String {
        format!("f-{}", self.name)
    }
}

/// A number a field can hold. Decimals are read by `webwork_core::number::parse_number`, as
/// the field's check reads them (no `inf` or `NaN`), and not by `str::parse::<f64>`, which
/// links a bignum parser.
pub trait FieldNumber: Sized {
    fn read(text: &str) -> Option<Self>;
}

impl FieldNumber for f64 {
    fn read(text: &str) -> Option<Self> {
        webwork_core::number::parse_number(text)
    }
}

macro_rules! whole_field_numbers {
    ($($t:ty),*) => {$(
        impl FieldNumber for $t {
            fn read(text: &str) -> Option<Self> {
                text.parse().ok()
            }
        }
    )*};
}
whole_field_numbers!(u32, u64, i64);

/// A form's shared state: its fields, whether a save is running, the form-level error.
#[derive(Clone, Copy)]
pub struct Form {
    fields: StoredValue<Vec<FieldState>>,
    /// A save is in flight: Save is disabled and a second submit is ignored.
    pub saving: RwSignal<bool>,
    /// The person tried to save at least once: every field shows its problem.
    pub submitted: RwSignal<bool>,
    /// An error that names no field of this form.
    pub error: RwSignal<Option<ApiError>>,
}

impl Form {
    pub fn new(fields: Vec<FieldState>) -> Self {
        Form { fields: StoredValue::new(fields), saving: RwSignal::new(false), submitted: RwSignal::new(false), error: RwSignal::new(None) }
    }

    /// No field has a problem (reactive).
    pub fn is_valid(&self) -> bool {
        self.fields
            .with_value(|f| f.iter().all(|f| f.client_error().is_none() && f.server_error.get().is_none() && f.rule_error.get().is_none()))
    }

    /// Starts a save: `false` (and nothing changes but "show every problem") when one is
    /// already running or a field has a problem.
    pub fn begin(&self) -> bool {
        self.submitted.set(true);
        if self.saving.get_untracked() || !self.is_valid_untracked() {
            return false;
        }
        self.saving.set(true);
        self.error.set(None);
        true
    }

    fn is_valid_untracked(&self) -> bool {
        untrack(|| self.is_valid())
    }

    /// Ends a save. On an error, the message goes to the field it names, or to the form.
    /// Values are left exactly as they were.
    pub fn finish(&self, result: Result<(), ApiError>) {
        self.saving.set(false);
        if let Err(e) = result {
            self.show_error(e);
        }
    }

    /// Puts an error where it belongs: at its field when the form has one by that name.
    pub fn show_error(&self, e: ApiError) {
        let field = e.field().map(str::to_owned);
        let target = field.and_then(|name| self.fields.with_value(|f| f.iter().find(|f| f.name == name).copied()));
        match target {
            Some(f) => {
                let message = match &e {
                    ApiError::InvalidRequest { reason, .. } => sentence(reason),
                    other => other.to_string(),
                };
                f.server_error.set(Some(message));
                self.error.set(None);
            }
            None => self.error.set(Some(e)),
        }
    }

    /// Shows a cross-field rule (from building the operation) at its field; clears earlier
    /// rule messages of fields the rule no longer names.
    pub fn show_rule(&self, result: &Result<(), ApiError>) {
        let named = match result {
            Err(ApiError::InvalidRequest { field, reason }) => Some((*field, sentence(reason))),
            _ => None,
        };
        self.fields.with_value(|fields| {
            for f in fields {
                let want = match &named {
                    Some((name, msg)) if *name == f.name => Some(msg.clone()),
                    _ => None,
                };
                if f.rule_error.get_untracked() != want {
                    f.rule_error.set(want);
                }
            }
        });
    }
}

/// The rule reasons webwork-core writes (English data, shared with the npm package) and the
/// message each is shown as. The core's wording is the key: the panel's tests (tests/panel.rs)
/// check that the reasons the core gives are found here.
const REASONS: &[(&str, &str)] = &[
    ("is required", msg_id("form-required")),
    ("is too large", msg_id("reason-too-large")),
    ("must be 1 or more", msg_id("reason-one-or-more")),
    ("must be 0 or 1", msg_id("reason-zero-or-one")),
    ("must not be negative", msg_id("form-not-negative")),
    ("is required (or give contract_id instead)", msg_id("reason-project-or-contract")),
    ("must be 0, 10, 20 or 30 when creating a task", msg_id("reason-task-status")),
    ("must be 10, 20, 30 or 40", msg_id("reason-task-priority")),
    ("needs contract_id as well", msg_id("reason-needs-contract")),
    ("must be after start_time", msg_id("reason-after-start")),
    ("must be after start", msg_id("reason-after-start")),
    ("goes together with start_time (hour-based leave)", msg_id("reason-with-start-time")),
    ("must be more than 0 and at most 24", msg_id("reason-hours-per-day")),
    ("must name at least one event", msg_id("reason-one-event")),
    ("is longer than 255 characters (it travels in the URL)", msg_id("reason-url-text-long")),
    ("has more than 10 items (it travels in the URL)", msg_id("reason-url-list-long")),
    ("has an item longer than 255 characters (it travels in the URL)", msg_id("reason-url-item-long")),
    ("must be a finite number", msg_id("form-number")),
    ("must be a number", msg_id("form-number")),
    ("must be a whole number", msg_id("form-whole-number")),
    ("must be a string", msg_id("reason-text")),
    ("must be true or false", msg_id("reason-true-or-false")),
    ("is longer than 10000 characters", msg_id("reason-text-long")),
    ("must be a date as YYYY-MM-DD", msg_id("reason-date")),
    ("must be a time as HH:mm (00:00 to 23:59)", msg_id("reason-clock")),
    ("must be an ISO 8601 date and time such as 2024-01-15T09:00:00Z", msg_id("reason-date-time")),
    ("must be an e-mail address such as name@example.com", msg_id("reason-email")),
    ("must be an http:// or https:// URL", msg_id("reason-url")),
    ("must not be before the start date", msg_id("reason-not-before-start")),
];

/// Reasons that end in a value: the text after the prefix is the message's `{ $value }`.
const REASONS_WITH_VALUE: &[(&str, &str)] =
    &[("must be between 1 and ", msg_id("reason-between-one-and")), ("must be one of: ", msg_id("reason-one-of"))];

/// A reason of the core as a sentence in the reader's language: "must be 1 or more" -> "Must be
/// 1 or more." A reason the table does not know (a server's, a page's own) is shown as it is,
/// made a sentence.
pub fn sentence(reason: &str) -> String {
    let english = || english_sentence(reason);
    if let Some((_, id)) = REASONS.iter().find(|(text, _)| *text == reason) {
        return t_or(id, &[], english);
    }
    if let Some((prefix, id)) = REASONS_WITH_VALUE.iter().find(|(prefix, _)| reason.starts_with(prefix)) {
        return t_or(id, &[("value", reason[prefix.len()..].into())], english);
    }
    // "makes a range of 40 days; the API allows at most 31"
    if let Some((days, max)) = reason
        .strip_prefix("makes a range of ")
        .and_then(|rest| rest.split_once(" days; the API allows at most "))
        .and_then(|(days, max)| Some((days.parse::<u32>().ok()?, max.parse::<u32>().ok()?)))
    {
        return t_or("reason-range-too-long", &[("days", days.into()), ("max", max.into())], english);
    }
    // "The end date 2026-03-01 is before the start date 2026-03-09." (webwork_core::export::split_range)
    if let Some((end, start)) =
        reason.strip_prefix("The end date ").and_then(|r| r.strip_suffix('.')).and_then(|r| r.split_once(" is before the start date "))
    {
        return t_or("reason-end-before-start", &[("end", end.into()), ("start", start.into())], english);
    }
    english()
}

fn english_sentence(reason: &str) -> String {
    let mut chars = reason.chars();
    let mut out: String = match chars.next() {
        // The API's and the checks' messages are English: ASCII case is enough, and spares the
        // bundle the Unicode case tables.
        Some(c) => std::iter::once(c.to_ascii_uppercase()).chain(chars).collect(),
        None => String::new(),
    };
    if !out.ends_with('.') {
        out.push('.');
    }
    out
}

/// Checks built from webwork-core's parameter rules.
pub mod checks {
    use super::sentence;
    use crate::i18n::{t, t_args};
    use webwork_core::params::{Date, Email, Url};

    fn reason(problem: Option<&str>) -> Option<String> {
        problem.map(sentence)
    }

    pub fn required(v: &str) -> Option<String> {
        v.trim().is_empty().then(|| t("form-required"))
    }

    /// Required text of at most `max` characters (the API's names and titles: 255).
    pub fn text(max: usize) -> impl Fn(&str) -> Option<String> + Send + Sync + Copy {
        move |v: &str| required(v).or_else(|| max_len(max)(v))
    }

    pub fn max_len(max: usize) -> impl Fn(&str) -> Option<String> + Send + Sync + Copy {
        move |v: &str| (v.chars().count() > max).then(|| t_args("form-max-chars", &[("max", max.into())]))
    }

    pub fn email(v: &str) -> Option<String> {
        required(v).or_else(|| reason(Email::from(v.trim()).problem()))
    }

    pub fn optional_email(v: &str) -> Option<String> {
        if v.trim().is_empty() {
            None
        } else {
            email(v)
        }
    }

    pub fn url(v: &str) -> Option<String> {
        required(v).or_else(|| reason(Url::from(v.trim()).problem()))
    }

    pub fn optional_date(v: &str) -> Option<String> {
        if v.trim().is_empty() {
            None
        } else {
            reason(Date::from(v.trim()).problem())
        }
    }

    /// Empty, or a whole number in `min..=max`.
    pub fn optional_int(min: i64, max: i64) -> impl Fn(&str) -> Option<String> + Send + Sync + Copy {
        move |v: &str| {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            match v.parse::<i64>() {
                Ok(n) if (min..=max).contains(&n) => None,
                Ok(_) => Some(t_args("form-between", &[("min", min.into()), ("max", max.into())])),
                Err(_) => Some(t("form-whole-number")),
            }
        }
    }

    /// Empty, or a number that is not negative.
    pub fn optional_amount(v: &str) -> Option<String> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match webwork_core::number::parse_number(v) {
            Some(n) if n >= 0.0 => None,
            Some(_) => Some(t("form-not-negative")),
            None => Some(t("form-number")),
        }
    }
}

fn describe(id: &str, has_hint: bool) -> String {
    if has_hint {
        format!("{id}-error {id}-hint")
    } else {
        format!("{id}-error")
    }
}

/// The label row shared by the fields. Labels, hints and placeholders of the fields are message
/// ids (`label=msg_id("signin-token")`), looked up here.
fn label_view(id: String, label: &'static str, required: bool) -> impl IntoView {
    view! {
        <label for=id>
            {t(label)}
            {required.then(|| view! { <span class="req" aria-hidden="true">" *"</span> })}
        </label>
    }
}

/// A single-line input. `kind` is the input type (`text`, `email`, `url`, `number`, `date`,
/// `password`).
#[component]
pub fn TextField(
    field: FieldState,
    label: &'static str,
    #[prop(optional)] form: Option<Form>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// The id of a `<datalist>` with suggestions.
    #[prop(optional)]
    list: Option<&'static str>,
    #[prop(optional)] step: Option<&'static str>,
) -> impl IntoView {
    let id = field.dom_id();
    let submitted = move || form.is_some_and(|f| f.submitted.get());
    let error = move || field.shown_error(submitted());
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            {label_view(id.clone(), label, required)}
            <input
                id=id.clone()
                name=field.name
                type=kind
                placeholder=placeholder.map(t)
                autocomplete=autocomplete
                list=list
                step=step
                aria-required=required.then_some("true")
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=describe(&id, hint.is_some())
                prop:value=move || field.value.get()
                on:input=move |ev| {
                    field.value.set(event_target_value(&ev));
                    field.server_error.set(None);
                    field.touched.set(true);
                }
                on:blur=move |_| field.touched.set(true)
            />
            {hint.map(|h| view! { <p class="hint" id=format!("{}-hint", field.dom_id())>{t(h)}</p> })}
            <p class="field-error" id=format!("{id}-error") aria-live="polite">{error}</p>
        </div>
    }
}

/// A form's submit button: disabled while the form saves or has a problem (and while `blocked`
/// says so), reading `busy` while the save is in flight.
#[component]
pub fn SubmitButton(
    form: Form,
    label: &'static str,
    #[prop(default = msg_id("common-saving"))] busy: &'static str,
    #[prop(optional, into)] blocked: Option<Signal<bool>>,
) -> impl IntoView {
    let disabled = move || form.saving.get() || !form.is_valid() || blocked.is_some_and(|b| b.get());
    view! {
        <button type="submit" class="btn primary" disabled=disabled>
            {move || t(if form.saving.get() { busy } else { label })}
        </button>
    }
}

/// A multi-line input.
#[component]
pub fn TextArea(
    field: FieldState,
    label: &'static str,
    #[prop(optional)] form: Option<Form>,
    #[prop(default = 4)] rows: u32,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = field.dom_id();
    let submitted = move || form.is_some_and(|f| f.submitted.get());
    let error = move || field.shown_error(submitted());
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            {label_view(id.clone(), label, false)}
            <textarea
                id=id.clone()
                name=field.name
                rows=rows
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=describe(&id, hint.is_some())
                prop:value=move || field.value.get()
                on:input=move |ev| {
                    field.value.set(event_target_value(&ev));
                    field.server_error.set(None);
                    field.touched.set(true);
                }
            ></textarea>
            {hint.map(|h| view! { <p class="hint" id=format!("{}-hint", field.dom_id())>{t(h)}</p> })}
            <p class="field-error" id=format!("{id}-error") aria-live="polite">{error}</p>
        </div>
    }
}

/// A select. `options` are `(value, label)`; an empty value is "none".
#[component]
pub fn SelectField(
    field: FieldState,
    label: &'static str,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    #[prop(optional)] form: Option<Form>,
    #[prop(optional)] required: bool,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let id = field.dom_id();
    let submitted = move || form.is_some_and(|f| f.submitted.get());
    let error = move || field.shown_error(submitted());
    view! {
        <div class="field" class:invalid=move || error().is_some()>
            {label_view(id.clone(), label, required)}
            <select
                id=id.clone()
                name=field.name
                aria-required=required.then_some("true")
                aria-invalid=move || if error().is_some() { "true" } else { "false" }
                aria-describedby=describe(&id, hint.is_some())
                on:change=move |ev| {
                    field.value.set(event_target_value(&ev));
                    field.server_error.set(None);
                    field.touched.set(true);
                }
            >
                {move || options.get().into_iter().map(|(value, text)| {
                    let v = value.clone();
                    view! { <option value=value selected=move || field.value.get() == v>{text}</option> }
                }).collect_view()}
            </select>
            {hint.map(|h| view! { <p class="hint" id=format!("{}-hint", field.dom_id())>{t(h)}</p> })}
            <p class="field-error" id=format!("{id}-error") aria-live="polite">{error}</p>
        </div>
    }
}

/// A checkbox with its label beside it.
#[component]
pub fn CheckboxField(checked: RwSignal<bool>, label: &'static str, #[prop(optional)] hint: Option<&'static str>) -> impl IntoView {
    view! {
        <div class="field check">
            <label>
                <input type="checkbox" prop:checked=move || checked.get()
                    on:change=move |ev| checked.set(event_target_checked(&ev))/>
                " " {t(label)}
            </label>
            {hint.map(|h| view! { <p class="hint">{t(h)}</p> })}
        </div>
    }
}
