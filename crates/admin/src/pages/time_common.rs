//! What the time pages share: clock and duration text, week and day ranges, the API's
//! "today", the member directory, the poller that keeps refreshing within the rate budget (and
//! its "Updated … ago" line), and a dialog that asks for a reason.
//!
//! "Today" is the server's, not the browser's: the API's days are its own (UTC in the
//! sandbox, which may also run on a fixed demo date), and a dashboard that counted the
//! browser's day would ask for the wrong week.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use leptos::html;
use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Member, MemberStatus, Role};
use webwork_core::ops::{GetTrackerState, ListMembers};
use webwork_core::params::parse_clock;
use webwork_core::ApiError;

use webwork_ui::i18n::{msg_id, t, t_args};

use crate::api::{Api, BudgetView};

/// `HH:mm` of an ISO 8601 stamp (`2026-03-03T09:05:00Z` -> `09:05`), as the API's clock shows it.
pub fn clock_of(iso: &str) -> String {
    iso.split_once(['T', ' ']).and_then(|(_, t)| t.get(..5)).filter(|t| parse_clock(t).is_some()).unwrap_or("").to_owned()
}

/// The date part of an ISO 8601 stamp.
pub fn date_of(iso: &str) -> String {
    iso.get(..10).filter(|d| CivilDate::parse(d).is_ok()).unwrap_or("").to_owned()
}

/// An ISO 8601 stamp as `2026-03-02 09:00` (the API's clock); as sent when it does not read.
pub fn stamp_text(iso: &str) -> String {
    crate::zone::stamp_with_offset(iso)
}

/// Minutes as `7 h 05 min` (`45 min` under an hour, `-` signs kept).
pub fn duration_text(minutes: i64) -> String {
    let sign = if minutes < 0 { "-" } else { "" };
    let m = minutes.unsigned_abs();
    if m < 60 {
        t_args("time-duration-minutes", &[("sign", sign.into()), ("minutes", m.into())])
    } else {
        t_args("time-duration-hours", &[("sign", sign.into()), ("hours", (m / 60).into()), ("minutes", format!("{:02}", m % 60).into())])
    }
}

/// Minutes as decimal hours with one digit (`450` -> `7.5 h`).
pub fn hours_text(minutes: i64) -> String {
    t_args("time-hours", &[("hours", crate::format::fixed(minutes as f64 / 60.0, 1).into())])
}

/// The check for an `HH:mm` field.
pub fn clock_check(v: &str) -> Option<String> {
    let v = v.trim();
    if v.is_empty() {
        Some(t("form-required"))
    } else if parse_clock(v).is_none() {
        Some(t("time-clock-invalid"))
    } else {
        None
    }
}

/// A time as typed (`9:05`, `0905`, `09.05`) in the API's `HH:mm`; unchanged when unreadable,
/// so the field's check says what is wrong.
pub fn normalize_clock(v: &str) -> String {
    let t = v.trim();
    let digits: String = t.chars().filter(char::is_ascii_digit).collect();
    let (h, m) = match (t.split_once([':', '.', 'h']), digits.len()) {
        (Some((h, m)), _) => (h.trim().to_owned(), m.trim().to_owned()),
        (None, 3 | 4) => (digits[..digits.len() - 2].to_owned(), digits[digits.len() - 2..].to_owned()),
        (None, 1 | 2) => (digits.clone(), "00".to_owned()),
        _ => return t.to_owned(),
    };
    match (h.parse::<u32>(), m.len()) {
        (Ok(h), 2) if h < 24 => format!("{h:02}:{m}"),
        _ => t.to_owned(),
    }
}

/// Minutes from `start` to `end` (both `HH:mm`), `None` unless both read and end is later.
pub fn span_minutes(start: &str, end: &str) -> Option<u32> {
    let (s, e) = (parse_clock(start.trim())?, parse_clock(end.trim())?);
    (e > s).then(|| e - s)
}

/// An inclusive range of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days {
    pub from: CivilDate,
    pub to: CivilDate,
}

impl Days {
    /// Monday to Sunday of the week of `day`.
    pub fn week_of(day: CivilDate) -> Days {
        let from = day.week_start();
        Days { from, to: from.add_days(6) }
    }

    /// Monday of `day`'s week up to `day` itself (the week so far).
    pub fn week_so_far(day: CivilDate) -> Days {
        Days { from: day.week_start(), to: day }
    }

    /// The same days one week earlier.
    pub fn week_before(self) -> Days {
        Days { from: self.from.add_days(-7), to: self.to.add_days(-7) }
    }

    pub fn day_count(self) -> i64 {
        self.from.days_until(self.to) + 1
    }

    /// Every day, oldest first.
    pub fn each(self) -> Vec<CivilDate> {
        (0..self.day_count().max(0)).map(|i| self.from.add_days(i)).collect()
    }

    pub fn contains(self, day: CivilDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// A range from the URL's `from`/`to`: both must read, `to` not before `from`, at most
    /// `max_days` long. The message says what to change.
    pub fn parse(from: &str, to: &str, max_days: i64) -> Result<Days, String> {
        let from = CivilDate::parse(from.trim()).map_err(|_| t("time-start-not-date"))?;
        let to = CivilDate::parse(to.trim()).map_err(|_| t("time-end-not-date"))?;
        let days = Days { from, to };
        if to < from {
            Err(t("time-end-before-start"))
        } else if days.day_count() > max_days {
            Err(t_args("time-range-too-long", &[("max", max_days.into()), ("days", days.day_count().into())]))
        } else {
            Ok(days)
        }
    }
}

/// The sum of minutes of the days of `days` in a date-keyed map.
pub fn minutes_within<V>(by_day: &BTreeMap<String, V>, days: Days, minutes: impl Fn(&V) -> i64) -> i64 {
    by_day.iter().filter(|(d, _)| CivilDate::parse(d).is_ok_and(|d| days.contains(d))).map(|(_, v)| minutes(v)).sum()
}

/// What a poller does next, given what one round costs and the budget now.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Refresh {
    /// Wait this long (ms) after the last round, then go.
    Every(f64),
    /// Too little budget left for a round plus a reserve for what the person does: wait at
    /// least this long (ms) and ask again.
    Paused(f64),
}

/// Requests kept free for clicks (start, stop, approve) while a poller runs.
pub const RESERVE: u32 = 10;
/// Never refresh more often than this (ms), even with an unlimited budget.
pub const MIN_INTERVAL_MS: f64 = 15_000.0;

/// The refresh plan for rounds of `cost` requests: a round may take at most half the API's
/// budget per interval (so 30 members on 60 a minute refresh every minute), and none starts
/// while fewer than `cost + RESERVE` requests are free.
pub fn refresh_plan(cost: u32, budget: BudgetView) -> Refresh {
    if budget.limit == 0 {
        return Refresh::Every(MIN_INTERVAL_MS);
    }
    if budget.remaining < cost.saturating_add(RESERVE) {
        let wait = budget.next_free_in_ms.unwrap_or(0.0).max(5_000.0);
        return Refresh::Paused(wait);
    }
    let share = f64::from(cost.max(1)) / (f64::from(budget.limit) / 2.0);
    Refresh::Every((60_000.0 * share).max(MIN_INTERVAL_MS))
}

/// Refetches a page's data while the calling component lives, as often as [`refresh_plan`]
/// allows for a round of `cost()` requests and never more often than `floor_ms`; nothing while
/// the tab is hidden (nobody looks at it), while too little budget is free, or before the first
/// answer. `as_of` is when the data on screen was produced (`Resource::as_of`).
pub fn poll_within_budget(api: Api, floor_ms: f64, cost: Rc<dyn Fn() -> u32>, as_of: Rc<dyn Fn() -> Option<f64>>, refetch: Rc<dyn Fn()>) {
    // When we last asked: a cached answer keeps its old `as_of`, so without this a poll inside
    // the cache's freshness would ask again every second.
    let asked = StoredValue::new(0.0f64);
    let tick = move || {
        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
        let Some(at) = as_of().filter(|_| !hidden && api.signed_in()) else { return };
        let now = js_sys::Date::now();
        if let Refresh::Every(every) = refresh_plan(cost(), api.budget.get_untracked()) {
            if now >= at.max(asked.get_value()) + every.max(floor_ms) {
                asked.set_value(now);
                refetch();
            }
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, std::time::Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
}

/// A polled page's line: "Updated 12 s ago." from when its data was produced, and Refresh now.
/// (A wait for the budget is said by the loading views' note.)
#[component]
pub fn Updated(#[prop(into)] as_of: Signal<Option<f64>>, on_refresh: Callback<()>) -> impl IntoView {
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(1)) {
        on_cleanup(move || h.clear());
    }
    let text = move || match as_of.get() {
        Some(at) => t_args("time-updated", &[("seconds", (((now.get() - at) / 1000.0).max(0.0) as u64).into())]),
        None => t("time-reading"),
    };
    view! {
        <p class="muted board-status" aria-live="off">
            {text} " "
            <button type="button" class="btn small ghost" on:click=move |_| on_refresh.run(())>{t("time-refresh-now")}</button>
        </p>
    }
}

/// A member who can have a tracker: active, not archived or blocked, not a project viewer.
pub fn can_track(m: &Member) -> bool {
    m.status == MemberStatus::Active && !m.is_archived() && !m.is_blocked && m.current_role != Role::ProjectViewer
}

/// Every member of the workspace (archived ones left out by the API), by id.
pub async fn member_directory(api: Api, ws: u64) -> Result<Vec<Member>, ApiError> {
    api.all(ListMembers::new(ws)).await.inspect(|m| crate::zone::remember(m))
}

/// A member's display name from a directory, or `member {id}`.
pub fn name_in(members: &[Member], id: u64) -> String {
    members
        .iter()
        .find(|m| m.id == id)
        .map(Member::full_name)
        .unwrap_or_else(|| t_args("time-member-fallback", &[("id", id.to_string().into())]))
}

/// Trackable members as select options, by name.
pub fn tracker_options(members: &[Member]) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = members.iter().filter(|m| can_track(m)).map(|m| (m.id.to_string(), m.full_name())).collect();
    super::sort_by_name(&mut list, |(_, name)| name.clone());
    list
}

thread_local! {
    /// The server's date per workspace, and when it was read (ms since the epoch).
    static TODAY: RefCell<BTreeMap<u64, (CivilDate, f64)>> = const { RefCell::new(BTreeMap::new()) };
}

/// Remembers the server's date for `ws` (every tracker reply carries it).
pub fn note_today(ws: u64, date: &str) {
    if let Ok(d) = CivilDate::parse(date) {
        TODAY.with(|t| t.borrow_mut().insert(ws, (d, js_sys::Date::now())));
    }
}

/// The API's today for `ws`: from a recent tracker reply, else from the signed-in user's own
/// current data (one request), else (no date, or a role that may not read trackers) the
/// browser's UTC date.
pub async fn server_today(api: Api, ws: u64) -> Result<CivilDate, ApiError> {
    const FRESH_MS: f64 = 10.0 * 60_000.0;
    let now = js_sys::Date::now();
    if let Some((d, at)) = TODAY.with(|t| t.borrow().get(&ws).copied()) {
        if now - at < FRESH_MS {
            return Ok(d);
        }
    }
    let me = api.ensure_workspaces().await?.into_iter().find(|w| w.id == ws).map(|w| w.user_id);
    if let Some(me) = me {
        match api.send(GetTrackerState::new(ws, me)).await {
            Ok(state) => {
                note_today(ws, &state.date);
                if let Ok(d) = CivilDate::parse(&state.date) {
                    return Ok(d);
                }
            }
            // Roles that may not read trackers still list timesheets and requests: the
            // browser's UTC day is the next best guess there.
            Err(ApiError::Forbidden { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(CivilDate::from_unix_ms(now))
}

/// A modal dialog that asks for a reason (or comment) before a refusal; Confirm stays disabled
/// while the text is empty. The text is kept if the dialog is closed and opened again.
#[component]
pub fn ReasonDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    /// Message ids of the field's label and of the confirm button.
    label: &'static str,
    confirm_label: &'static str,
    on_confirm: Callback<String>,
) -> impl IntoView {
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let area: NodeRef<html::Textarea> = NodeRef::new();
    let text = RwSignal::new(String::new());
    webwork_ui::dialog::follow_open(open, dialog, move || {
        if let Some(a) = area.get_untracked() {
            let _ = a.focus();
        }
    });
    let empty = move || text.with(|t| t.trim().is_empty());
    let id = format!("rsn-{}", (js_sys::Math::random() * 1e9) as u64);
    let field_id = format!("{id}-f");
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby=format!("{id}-t") aria-describedby=format!("{id}-m")
            on:close=move |_| open.set(false)>
            <h2 id=format!("{id}-t")>{move || title.get()}</h2>
            <p id=format!("{id}-m")>{move || message.get()}</p>
            <div class="field">
                <label for=field_id.clone()>{t(label)}<span class="req" aria-hidden="true">" *"</span></label>
                <textarea id=field_id node_ref=area rows=3 aria-required="true"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="actions">
                <button type="button" class="btn ghost" on:click=move |_| open.set(false)>{t("common-cancel")}</button>
                <button type="button" class="btn danger" disabled=empty on:click=move |_| {
                    let reason = text.get_untracked().trim().to_owned();
                    if reason.is_empty() {
                        return;
                    }
                    open.set(false);
                    text.set(String::new());
                    on_confirm.run(reason);
                }>{t(confirm_label)}</button>
            </div>
        </dialog>
    }
}

/// A status in the reader's language (the API's word when the catalog has none for it).
pub fn status_text(status: &str) -> String {
    t_args("time-status", &[("status", status.into())])
}

/// A status as a badge (`data-status` styles it).
pub fn status_badge(status: &str) -> AnyView {
    view! { <span class="badge" data-status=status.to_owned()>{status_text(status)}</span> }.into_any()
}

/// A `<select>` of the filter row whose value lives in the URL under `key`; the first option
/// is "any". `label` and `any` are message ids.
pub fn url_select(
    query: crate::nav::UrlQuery,
    key: &'static str,
    label: &'static str,
    any: &'static str,
    options: Signal<Vec<(String, String)>>,
) -> AnyView {
    view! {
        <label>{t(label)}
            <select on:change=move |ev| query.set_one(key, Some(event_target_value(&ev)))>
                <option value="">{t(any)}</option>
                {move || options.get().into_iter().map(|(value, text)| {
                    let selected = query.get(key).as_deref() == Some(value.as_str());
                    view! { <option value=value selected=selected>{text}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// The filter row's date range (`from`, `to` in the URL), applied together.
pub fn url_dates(query: crate::nav::UrlQuery, from: Signal<String>, to: Signal<String>) -> AnyView {
    let from_v = RwSignal::new(String::new());
    let to_v = RwSignal::new(String::new());
    Effect::new(move |_| from_v.set(from.get()));
    Effect::new(move |_| to_v.set(to.get()));
    view! {
        <form class="filters inline" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set(&[("from", Some(from_v.get_untracked())), ("to", Some(to_v.get_untracked()))]);
        }>
            <label>{t("time-from")} <input type="date" bind:value=from_v/></label>
            <label>{t("time-to")} <input type="date" bind:value=to_v/></label>
            <button type="submit" class="btn">{t("time-apply-dates")}</button>
        </form>
    }
    .into_any()
}

/// The member's live contracts and the tasks of the chosen one's project, as two selects: a
/// contract picker filtered to `member` and an optional task. `contracts` receives what was
/// loaded (a caller maps a contract to its project with it).
#[component]
pub fn WorkPicker(
    ws: u64,
    #[prop(into)] member: Signal<u64>,
    contract: webwork_ui::FieldState,
    task: webwork_ui::FieldState,
    form: webwork_ui::Form,
    #[prop(optional)] contracts: Option<RwSignal<Vec<webwork_core::models::Contract>>>,
    /// A message id.
    #[prop(default = msg_id("time-contract"))]
    label: &'static str,
) -> impl IntoView {
    use webwork_core::models::ContractStatus;
    use webwork_core::ops::{ListContracts, ListTasks};
    use webwork_ui::{ErrorBanner, SelectField};
    let api = crate::api::use_api();
    let known = contracts.unwrap_or_else(|| RwSignal::new(Vec::new()));
    let list = crate::api::load(move || {
        let m = member.get();
        async move {
            if m == 0 {
                return Ok(Vec::new());
            }
            let all = api.all(ListContracts::new(ws).user_id(m)).await?;
            Ok(all.into_iter().filter(|c| c.status == ContractStatus::Active).collect::<Vec<_>>())
        }
    });
    Effect::new(move |_| {
        if let Some(l) = list.ready() {
            known.set(l);
        }
    });
    let project = Memo::new(move |_| {
        let id = contract.num::<u64>();
        known.with(|k| id.and_then(|id| k.iter().find(|c| c.id == id).map(|c| c.project_id)))
    });
    let tasks = crate::api::load(move || {
        let p = project.get();
        async move {
            match p {
                Some(p) => api.all(ListTasks::new(ws).project_id(p)).await,
                None => Ok(Vec::new()),
            }
        }
    });
    // A task of another project means nothing once the contract changes.
    Effect::new(move |prev: Option<Option<u64>>| {
        let p = project.get();
        if let Some(Some(old)) = prev {
            if Some(old) != p {
                task.set("");
            }
        }
        p
    });
    let contract_options = Signal::derive(move || {
        let none = if member.get() == 0 { t("time-choose-member-first") } else { t("time-no-contract") };
        super::options(
            Some(&none),
            list.ready()
                .unwrap_or_default()
                .into_iter()
                .map(|c| (c.id.to_string(), c.project_name.clone().unwrap_or_else(|| project_fallback(c.project_id)))),
        )
    });
    let task_options = Signal::derive(move || {
        super::options(Some(&t("time-no-task")), tasks.ready().unwrap_or_default().into_iter().map(|t| (t.id.to_string(), t.title)))
    });
    view! {
        <ErrorBanner error=Signal::derive(move || list.error().or_else(|| tasks.error()))/>
        <div class="row">
            <SelectField field=contract label=label form=form options=contract_options hint=msg_id("time-contract-hint")/>
            <SelectField field=task label=msg_id("time-task") form=form options=task_options/>
        </div>
    }
}

/// A project's name while only its id is known: `project 12`.
pub fn project_fallback(id: u64) -> String {
    t_args("time-project-fallback", &[("id", id.to_string().into())])
}

/// The filter row's dates for a page whose range is `range` (the URL's, or the page's default
/// once it is known).
pub fn range_dates(query: crate::nav::UrlQuery, range: RwSignal<Option<Days>>) -> AnyView {
    url_dates(
        query,
        Signal::derive(move || range.get().map(|d| d.from.to_string()).unwrap_or_default()),
        Signal::derive(move || range.get().map(|d| d.to.to_string()).unwrap_or_default()),
    )
}

/// A queue's status in the URL: absent means `default` (what waits), `any` means no filter.
pub fn queue_status(query: &crate::nav::UrlQuery, default: &'static str) -> Option<String> {
    match query.get("status") {
        None => Some(default.to_owned()),
        Some(s) if s == "any" => None,
        Some(s) => Some(s),
    }
}

/// The status select of a queue: `default` first (kept out of the URL), then "any", then
/// `others`. `default_label` is a message id.
pub fn queue_status_select(
    query: crate::nav::UrlQuery,
    default: &'static str,
    default_label: &'static str,
    others: &'static [&'static str],
) -> AnyView {
    view! {
        <label>{t("time-status-label")}
            <select on:change=move |ev| {
                let v = event_target_value(&ev);
                query.set_one("status", (v != default).then_some(v));
            }>
                <option value=default selected=move || query.get("status").is_none()>{t(default_label)}</option>
                {std::iter::once("any").chain(others.iter().copied()).map(|v| view! {
                    <option value=v selected=move || query.get("status").as_deref() == Some(v)>{status_text(v)}</option>
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// A day and an `HH:mm` span, the fields of manual time (entries and requests alike).
#[derive(Clone, Copy)]
pub struct SpanFields {
    pub date: webwork_ui::FieldState,
    pub start: webwork_ui::FieldState,
    pub end: webwork_ui::FieldState,
}

impl SpanFields {
    /// The fields with their checks; `start_name`/`end_name` are the wire names, so a refusal
    /// naming either lands under it.
    pub fn new(date: String, start: String, end: String, start_name: &'static str, end_name: &'static str) -> Self {
        use webwork_ui::form::checks;
        use webwork_ui::FieldState;
        SpanFields {
            date: FieldState::new("date", date).check(|v| checks::required(v).or_else(|| checks::optional_date(v))),
            start: FieldState::new(start_name, start).check(|v| clock_check(&normalize_clock(v))),
            end: FieldState::new(end_name, end).check(|v| clock_check(&normalize_clock(v))),
        }
    }

    /// The start and end as the API takes them (`9:05` -> `09:05`).
    pub fn clocks(&self) -> (String, String) {
        (normalize_clock(&self.start.value.get()), normalize_clock(&self.end.value.get()))
    }

    /// Minutes of the span, when it reads and ends after it starts.
    pub fn minutes(&self) -> Option<u32> {
        let (s, e) = self.clocks();
        span_minutes(&s, &e)
    }
}

/// The row of a span's fields, and its length once it reads. `zone_hint` is a message id.
#[component]
pub fn SpanRow(span: SpanFields, form: webwork_ui::Form, zone_hint: &'static str) -> impl IntoView {
    use webwork_ui::TextField;
    view! {
        <div class="row">
            <TextField field=span.date label=msg_id("time-date") kind="date" form=form required=true/>
            <TextField field=span.start label=msg_id("time-start") form=form required=true placeholder="09:00" hint=zone_hint/>
            <TextField field=span.end label=msg_id("time-end") form=form required=true placeholder="17:30" hint=msg_id("time-end-hint")/>
        </div>
        <p class="muted" aria-live="polite">{move || span.minutes().map(|m| t_args("time-in-all", &[("duration", duration_text(m as i64).into())]))}</p>
    }
}
