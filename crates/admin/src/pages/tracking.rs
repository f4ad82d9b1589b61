//! Live tracking: the trackers of the members on screen, refreshed within the rate budget, and
//! starting or stopping a member's tracker. URL state: `q` (name or e-mail contains), `running`
//! (`1`: only members tracking now, among those checked).
//!
//! The API reads one member's tracker per request (`GET /time-tracking/current-data`) and has no
//! list of running trackers, so the page reads what is on screen: the member directory (one list
//! request), then the trackers of the first [`PAGE`] matching members; "Show more" adds the next
//! [`PAGE`] and reads only theirs. A poll re-reads the rows on screen as often as [`refresh_plan`] allows (at most
//! half the budget), never while the tab is hidden. Every tracker read, start and stop goes on
//! the shared [`Board`], which the dashboard shows.

use std::rc::Rc;

use futures_util::future::join_all;
use leptos::prelude::*;
use webwork_core::models::{Member, TrackerStarted, TrackerState, TrackerStopped};
use webwork_core::ops::{GetTrackerState, Operation, StartTracking, StopTracking};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{Column, DataTable, EmptyState, ErrorBanner, FieldState, Form, SkeletonRows, SubmitButton, TextField, Toaster};

use super::time_common::{
    can_track, clock_of, duration_text, member_directory, note_today, poll_within_budget, Updated, WorkPicker, MIN_INTERVAL_MS,
};
use super::PageHeader;
use crate::api::{load, use_api, Api};
use crate::nav::use_url_query;
use crate::routes::Route;

/// Rows on screen at first, and how many "Show more" adds: each costs a request per round.
pub const PAGE: usize = 10;

/// One member's line on the board.
#[derive(Debug, Clone, PartialEq)]
pub struct BoardRow {
    pub member: Member,
    pub state: Option<TrackerState>,
    /// Why this member's tracker could not be read.
    pub problem: Option<String>,
}

impl BoardRow {
    pub fn running(&self) -> bool {
        self.state.as_ref().is_some_and(is_running)
    }
}

/// Whether a tracker reply says it runs: the `is_running` flag, else a start time or a contract
/// (the documented reply has no flag).
pub fn is_running(s: &TrackerState) -> bool {
    s.is_running.unwrap_or(s.start_time.is_some() || s.contract_id.is_some())
}

/// A member's tracker as last read (or as a start or stop reply left it), and when (ms since
/// the epoch).
#[derive(Debug, Clone, PartialEq)]
pub struct Known {
    pub user: u64,
    pub state: Result<TrackerState, String>,
    pub at: f64,
}

/// What the panel knows of a workspace's trackers, shared by the pages that show them (one per
/// shell). Not a cache of answers (the data layer keeps those): the dashboard cannot ask for
/// every tracker, so it shows the ones read here, with their age.
#[derive(Clone, Copy)]
pub struct Board {
    ws: RwSignal<u64>,
    pub known: RwSignal<Vec<Known>>,
}

/// Puts a board in context (the shell does, once).
pub fn provide_board() -> Board {
    let board = Board { ws: RwSignal::new(0), known: RwSignal::new(Vec::new()) };
    provide_context(board);
    board
}

pub fn use_board() -> Board {
    expect_context::<Board>()
}

impl Board {
    /// Shows the board of workspace `ws`: another workspace starts it afresh.
    pub fn watch(&self, ws: u64) {
        if self.ws.get_untracked() != ws {
            self.ws.set(ws);
            self.known.set(Vec::new());
        }
    }

    /// Notes a member's tracker (or why it could not be read), now.
    pub fn note(&self, user: u64, state: Result<TrackerState, String>) {
        let entry = Known { user, state, at: js_sys::Date::now() };
        self.known.update(|k| match k.iter_mut().find(|k| k.user == user) {
            Some(old) => *old = entry,
            None => k.push(entry),
        });
    }

    /// Puts a reply's state on a member's row at once (start, stop, a fresh read).
    pub fn set_state(&self, user: u64, state: TrackerState) {
        self.note(user, Ok(state));
    }

    /// What is known of a member's tracker (reactive).
    pub fn known_of(&self, user: u64) -> Option<Known> {
        self.known.with(|k| k.iter().find(|k| k.user == user).cloned())
    }

    /// A member's line: their tracker as known.
    pub fn row(&self, member: Member) -> BoardRow {
        let (state, problem) = match self.known_of(member.id).map(|k| k.state) {
            Some(Ok(s)) => (Some(s), None),
            Some(Err(p)) => (None, Some(p)),
            None => (None, None),
        };
        BoardRow { member, state, problem }
    }
}

/// Reads the trackers of `ids` (each through the pacer) onto the board. A refusal for everyone
/// (role, session) is the page's error; one member's problem stays on their row.
pub async fn read_trackers(api: Api, ws: u64, ids: Vec<u64>, board: Board) -> Result<usize, ApiError> {
    let answers = join_all(ids.iter().map(|&id| async move { (id, api.send(GetTrackerState::new(ws, id)).await) })).await;
    for (id, answer) in answers {
        match answer {
            Ok(state) => {
                note_today(ws, &state.date);
                board.note(id, Ok(state));
            }
            Err(e @ (ApiError::Forbidden { .. } | ApiError::Unauthorized { .. })) => return Err(e),
            Err(e) => board.note(id, Err(webwork_ui::error_sentence(&e))),
        }
    }
    Ok(ids.len())
}

/// The state a start reply describes.
pub fn started_state(s: &TrackerStarted, previous: Option<&TrackerState>) -> TrackerState {
    let mut state = previous.cloned().unwrap_or_default();
    state.user_id = s.user_id.unwrap_or(state.user_id);
    state.is_running = Some(true);
    state.start_time = Some(s.start_time.clone());
    state.contract_id = s.contract_id;
    state.project_id = s.project_id;
    state.project_name = s.project_name.clone();
    state.task_id = s.task_id;
    state.task_title = None;
    state.activity_description = s.activity_description.clone();
    state.total_seconds = 0;
    state
}

/// The state after a stop: idle, with the written minutes added to today's total.
pub fn stopped_state(s: &TrackerStopped, previous: Option<&TrackerState>) -> TrackerState {
    let mut state = previous.cloned().unwrap_or_default();
    let written = s.time_entry.as_ref().map(|e| e.duration_minutes).unwrap_or(0);
    let before = state.total_minutes;
    state.is_running = Some(false);
    state.start_time = None;
    state.contract_id = None;
    state.project_id = None;
    state.project_name = None;
    state.task_id = None;
    state.task_title = None;
    state.activity_description = None;
    state.total_seconds = 0;
    // The running part was already counted in today's total; keep the larger of the two.
    state.total_minutes = before.max(written);
    state
}

/// "since 09:05 (1 h 10 min)" for a running tracker.
fn running_text(s: &TrackerState, now_ms: f64) -> String {
    let Some(start) = s.start_time.as_deref() else { return t("tracking-tracking") };
    let since = crate::zone::member_clock(start, s.user_id);
    let started = js_sys::Date::parse(start);
    if started.is_nan() {
        return t_args("tracking-since", &[("since", since.into())]);
    }
    let minutes = ((now_ms - started) / 60_000.0).floor().max(0.0) as i64;
    t_args("tracking-since-for", &[("since", since.into()), ("duration", duration_text(minutes).into())])
}

/// What a member is on: project · task · description.
pub fn work_text(s: &TrackerState) -> String {
    [s.project_name.clone(), s.task_title.clone(), s.activity_description.clone()]
        .into_iter()
        .flatten()
        .filter(|t| !t.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What Live tracking asks first ([`super::FirstRequests`]): the member directory. The trackers
/// are not: which ones to read depends on the directory's answer.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, _: crate::nav::UrlQuery) -> super::FirstRequests {
    let Route::Tracking { ws } = *route else { return Vec::new() };
    vec![super::members_first(ws)]
}

#[component]
pub fn TrackingPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let board = use_board();
    board.watch(ws);
    let q = RwSignal::new(query.initial("q"));
    let shown = RwSignal::new(PAGE);
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), std::time::Duration::from_secs(15)) {
        on_cleanup(move || h.clear());
    }
    // The member whose start form is open.
    let starting = RwSignal::new(None::<Member>);
    let busy = RwSignal::new(None::<u64>);

    // Who can track, by name: one list request; the filter needs no tracker.
    let members = load(move || async move {
        let mut list: Vec<Member> = member_directory(api, ws).await?.into_iter().filter(can_track).collect();
        super::sort_by_name(&mut list, Member::full_name);
        Ok(list)
    });
    // Plain closures, not memos: a memo per data type costs the bundle more than filtering a
    // directory of at most a few hundred members again.
    let matching = move || {
        let needle = webwork_ui::lowercase(&query.text("q"));
        let members = members.ready().unwrap_or_default();
        members
            .into_iter()
            .filter(|m| {
                needle.is_empty()
                    || webwork_ui::lowercase(&m.full_name()).contains(&needle)
                    || webwork_ui::lowercase(&m.email).contains(&needle)
            })
            .collect::<Vec<_>>()
    };
    // The members on screen: the only trackers read.
    let on_screen = move || matching().into_iter().take(shown.get()).collect::<Vec<_>>();
    // A poll or Refresh now reads every row on screen; new rows on screen (Show more, a filter)
    // read only the trackers not yet known, so Show more asks for the next rows alone.
    let every_row = StoredValue::new(true);
    let trackers = load(move || {
        let all = every_row.get_value();
        every_row.set_value(false);
        let ids: Vec<u64> =
            on_screen().iter().map(|m| m.id).filter(|id| all || board.known.with_untracked(|k| !k.iter().any(|k| k.user == *id))).collect();
        read_trackers(api, ws, ids, board)
    });
    let refetch = move || {
        every_row.set_value(true);
        trackers.refetch();
    };
    poll_within_budget(
        api,
        MIN_INTERVAL_MS,
        Rc::new(move || untrack(on_screen).len() as u32),
        Rc::new(move || trackers.as_of()),
        Rc::new(refetch),
    );
    let only_running = move || query.get("running").as_deref() == Some("1");
    let rows = Signal::derive(move || {
        let running = only_running();
        on_screen().into_iter().map(|m| board.row(m)).filter(|r| !running || r.running()).collect::<Vec<_>>()
    });
    let stop = move |user: u64, name: String| {
        busy.set(Some(user));
        leptos::task::spawn_local(async move {
            match api.send(StopTracking::new(ws, user)).await {
                Ok(stopped) => {
                    let prev = board.known_of(user).and_then(|k| k.state.ok());
                    board.set_state(user, stopped_state(&stopped, prev.as_ref()));
                    match &stopped.time_entry {
                        Some(e) => toaster.show(t_args(
                            "tracking-stopped",
                            &[
                                ("name", name.as_str().into()),
                                ("duration", duration_text(e.duration_minutes).into()),
                                (
                                    "span",
                                    format!("{}–{}", clock_of(&e.start_time), e.end_time.as_deref().map(clock_of).unwrap_or_default())
                                        .into(),
                                ),
                            ],
                        )),
                        None => toaster.show(t_args("tracking-stopped-short", &[("name", name.as_str().into())])),
                    };
                }
                Err(e) => {
                    toaster.error(t_args(
                        "tracking-stop-failed",
                        &[("name", name.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                    ));
                }
            }
            busy.set(None);
        });
    };
    let columns = vec![
        Column::new("timesheets-member", move |r: &BoardRow| {
            view! { <a href=Route::Member { ws, id: r.member.id }.href()>{r.member.full_name()}</a> }.into_any()
        }),
        Column::new("tracking-tracker", move |r: &BoardRow| {
            let text = match (&r.state, &r.problem) {
                (_, Some(p)) => t_args("tracking-unknown", &[("problem", p.as_str().into())]),
                (Some(s), None) if is_running(s) => running_text(s, now.get_untracked()),
                (Some(_), None) => t("tracking-not-tracking"),
                (None, None) => "…".to_owned(),
            };
            let status = if r.running() { "running" } else { "idle" };
            view! { <span class="tracker" data-status=status>{text}</span> }.into_any()
        }),
        Column::text("tracking-on", |r: &BoardRow| r.state.as_ref().filter(|s| is_running(s)).map(work_text).unwrap_or_default()),
        Column::text("tracking-today", |r: &BoardRow| r.state.as_ref().map(|s| duration_text(s.total_minutes)).unwrap_or_default()).class("num dur"),
        Column::new("", move |r: &BoardRow| {
            let (id, name, running) = (r.member.id, r.member.full_name(), r.running());
            let member = r.member.clone();
            let disabled = move || busy.get() == Some(id);
            if running {
                view! {
                    <button type="button" class="btn small" aria-label=t_args("tracking-stop-who", &[("name", name.as_str().into())]) disabled=disabled
                        on:click=move |_| stop(id, name.clone())>{t("tracking-stop")}</button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="btn small ghost" aria-label=t_args("tracking-start-for", &[("name", name.as_str().into())]) disabled=disabled
                        on:click=move |_| starting.set(Some(member.clone()))>{t("time-start")}</button>
                }
                .into_any()
            }
        })
        .class("actions"),
    ];
    let summary = move || {
        let (checked, all) = (on_screen(), matching().len());
        let running = checked.iter().filter(|m| board.known_of(m.id).is_some_and(|k| k.state.as_ref().is_ok_and(is_running))).count();
        let checked = checked.len();
        t_args("tracking-summary", &[("running", running.into()), ("checked", checked.into()), ("all", all.into())])
    };
    let apply = move || {
        shown.set(PAGE);
    };
    view! {
        <PageHeader title=t("nav-tracking")/>
        <p class="muted" data-figure="tracking-summary">{summary}</p>
        <Updated as_of=Signal::derive(move || trackers.as_of()) on_refresh=Callback::new(move |_| refetch())/>
        <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            apply();
            query.set_one("q", Some(q.get_untracked().trim().to_owned()));
        }>
            <label>{t("projects-name-contains")} <input type="search" bind:value=q placeholder=t("tracking-name-placeholder")/></label>
            <button type="submit" class="btn">{t("common-apply")}</button>
            <label class="check-inline">
                <input type="checkbox" prop:checked=only_running
                    on:change=move |ev| { apply(); query.set_one("running", event_target_checked(&ev).then(|| "1".to_owned())) }/>
                " " {t("tracking-only-running")}
            </label>
        </form>
        {move || starting.get().map(|m| view! {
            <StartForm ws=ws member=m on_done=Callback::new(move |_| starting.set(None))/>
        })}
        <ErrorBanner error=Signal::derive(move || members.error().or_else(|| trackers.error())) on_retry=Callback::new(move |_| { members.refetch(); refetch() })/>
        {move || match members.with_ready(Vec::is_empty) {
            None if members.error().is_none() => Some(view! { <SkeletonRows cols=5/> }.into_any()),
            Some(true) => Some(view! { <EmptyState title=t("tracking-none-can-track") hint=t("tracking-none-can-track-hint")/> }.into_any()),
            _ => None,
        }}
        <div class="list-body" class:hidden=move || rows.with(Vec::is_empty)>
            <DataTable caption=t("tracking-trackers") columns rows key=|r: &BoardRow| r.member.id.to_string() label=|r: &BoardRow| r.member.full_name()/>
        </div>
        {move || (members.with_ready(|m| !m.is_empty()) == Some(true) && rows.with(Vec::is_empty)).then(|| view! {
            <EmptyState title=t("tracking-no-match") hint=t("tracking-no-match-hint")/>
        })}
        {move || {
            let left = matching().len().saturating_sub(shown.get());
            (left > 0).then(|| view! {
                <button type="button" class="btn show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t_args("tracking-show-more", &[("count", left.min(PAGE).into()), ("left", left.into())])}
                </button>
            })
        }}
    }
}

/// Starts `member`'s tracker: a contract of theirs (or none), an optional task and what they
/// are doing. The reply's state goes on the board at once.
#[component]
fn StartForm(ws: u64, member: Member, on_done: Callback<()>) -> impl IntoView {
    let api = use_api();
    let board = use_board();
    let toaster = expect_context::<Toaster>();
    let contract = FieldState::new("contract_id", "");
    let task = FieldState::new("task_id", "");
    let description = FieldState::new("activity_description", "").check(checks::max_len(10_000));
    let form = Form::new(vec![contract, task, description]);
    let (user, name) = (member.id, member.full_name());
    let build = move || {
        let mut op = StartTracking::new(ws, user);
        if let Some(c) = contract.num::<u64>() {
            op = op.contract_id(c);
        }
        if let Some(t) = task.num::<u64>() {
            op = op.task_id(t);
        }
        if let Some(d) = description.opt() {
            op = op.activity_description(d);
        }
        op
    };
    Effect::new(move |_| form.show_rule(&build().to_request().map(|_| ())));
    let who = name.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let who = who.clone();
        crate::api::save(api, form, untrack(build), move |started: TrackerStarted| {
            let prev = board.known_of(user).and_then(|k| k.state.ok());
            board.set_state(user, started_state(&started, prev.as_ref()));
            let at = clock_of(&started.start_time);
            toaster.show(match started.project_name.clone() {
                Some(p) => t_args("tracking-started-on", &[("name", who.as_str().into()), ("project", p.into()), ("at", at.into())]),
                None => t_args("tracking-started", &[("name", who.as_str().into()), ("at", at.into())]),
            });
            on_done.run(());
        });
    };
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate aria-label=t_args("tracking-start-for", &[("name", name.as_str().into())])>
            <h2>{t_args("tracking-start-for", &[("name", name.as_str().into())])}</h2>
            <WorkPicker ws member=Signal::derive(move || user) contract task form/>
            <TextField field=description label=msg_id("time-requests-activity") form=form placeholder=msg_id("tracking-activity-placeholder")/>
            <div class="form-actions">
                <button type="button" class="btn ghost" on:click=move |_| on_done.run(())>{t("common-cancel")}</button>
                <SubmitButton form=form label=msg_id("tracking-start-tracker") busy=msg_id("tracking-starting")/>
            </div>
        </form>
    }
}
