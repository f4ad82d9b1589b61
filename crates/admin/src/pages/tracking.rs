//! Live tracking: everyone's current tracker, refreshed within the rate budget, and starting or
//! stopping a member's tracker. URL state: `q` (name contains), `running` (`1`: only members
//! tracking now).
//!
//! The API reads one member's tracker per request (`GET /time-tracking/current-data`), so one
//! round over a workspace costs a request per trackable member. The [`Board`] (one per shell,
//! shared with the dashboard) runs those rounds while a page watches it, as often as
//! [`refresh_plan`] allows: at most half the budget goes on refreshing, no round starts while
//! too little is free for it and the person's own clicks, and none while the tab is hidden.

use std::time::Duration;

use futures_util::future::join_all;
use leptos::prelude::*;
use webwork_core::models::{Member, TrackerStarted, TrackerState, TrackerStopped};
use webwork_core::ops::{GetTrackerState, Operation, StartTracking, StopTracking};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::{Column, DataTable, EmptyState, ErrorBanner, FieldState, Form, SkeletonRows, SubmitButton, TextField, Toaster};

use super::time_common::{can_track, clock_of, duration_text, member_directory, note_today, refresh_plan, Refresh, WorkPicker, RESERVE};
use super::PageHeader;
use crate::api::{use_api, Api};
use crate::nav::use_url_query;
use crate::routes::Route;

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

/// The live board of a workspace's trackers, shared by the pages that show it.
#[derive(Clone, Copy)]
pub struct Board {
    pub ws: RwSignal<u64>,
    /// Trackable members with their tracker, by name.
    pub rows: RwSignal<Vec<BoardRow>>,
    /// Every member (for names), from the last round.
    pub members: RwSignal<Vec<Member>>,
    /// When the last round ended (ms since the epoch).
    pub loaded_at: RwSignal<Option<f64>>,
    pub sweeping: RwSignal<bool>,
    /// When the next round is due (ms since the epoch), and whether it waits for budget.
    pub next: RwSignal<Option<(f64, bool)>>,
    pub error: RwSignal<Option<ApiError>>,
    watchers: RwSignal<u32>,
    /// Bumped to ask for a round now.
    kick: RwSignal<u32>,
}

/// Puts a board in context (the shell does, once) and starts its clock.
pub fn provide_board() -> Board {
    let board = Board {
        ws: RwSignal::new(0),
        rows: RwSignal::new(Vec::new()),
        members: RwSignal::new(Vec::new()),
        loaded_at: RwSignal::new(None),
        sweeping: RwSignal::new(false),
        next: RwSignal::new(None),
        error: RwSignal::new(None),
        watchers: RwSignal::new(0),
        kick: RwSignal::new(0),
    };
    provide_context(board);
    let api = use_api();
    if let Ok(handle) = set_interval_with_handle(move || board.tick(api), Duration::from_secs(1)) {
        on_cleanup(move || handle.clear());
    }
    Effect::new(move |_| {
        if board.kick.get() > 0 {
            board.tick(api);
        }
    });
    board
}

pub fn use_board() -> Board {
    expect_context::<Board>()
}

impl Board {
    /// Shows the board of the workspace `ws` while the calling component lives: rounds run
    /// only then. Another workspace starts the board afresh.
    pub fn watch(&self, ws: u64) {
        let board = *self;
        Effect::new(move |_| {
            if board.ws.get_untracked() != ws {
                board.ws.set(ws);
                board.rows.set(Vec::new());
                board.members.set(Vec::new());
                board.loaded_at.set(None);
                board.error.set(None);
            }
            board.kick.update(|k| *k += 1);
        });
        board.watchers.update(|n| *n += 1);
        on_cleanup(move || board.watchers.update(|n| *n = n.saturating_sub(1)));
    }

    /// Asks for a round now (Refresh), budget permitting.
    pub fn refresh(&self) {
        self.loaded_at.set(None);
        self.kick.update(|k| *k += 1);
    }

    /// Every second: start a round when one is due and the budget allows it.
    fn tick(self, api: Api) {
        if self.watchers.get_untracked() == 0 || self.sweeping.get_untracked() || self.ws.get_untracked() == 0 || !api.signed_in() {
            return;
        }
        // Nobody looks at a hidden tab: its budget is better kept for the visible ones.
        if web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden()) {
            return;
        }
        // A refusal for this role does not change by asking again; Refresh (or Retry) asks.
        let refused = self.error.with_untracked(|e| matches!(e, Some(ApiError::Forbidden { .. })));
        if refused && self.loaded_at.get_untracked().is_some() {
            self.next.set(None);
            return;
        }
        let now = js_sys::Date::now();
        let cost = self.rows.with_untracked(|r| r.len() as u32).max(1) + 1;
        let due = match (self.loaded_at.get_untracked(), refresh_plan(cost, api.budget.get_untracked())) {
            // The first round (or one asked for) goes whatever the budget: the pacer queues it.
            (None, _) => true,
            (Some(_), Refresh::Paused(wait)) => {
                self.next.set(Some((now + wait, true)));
                false
            }
            (Some(at), Refresh::Every(every)) => {
                self.next.set(Some((at + every, false)));
                now >= at + every
            }
        };
        if due {
            self.sweep(api);
        }
    }

    fn sweep(self, api: Api) {
        let ws = self.ws.get_untracked();
        self.sweeping.set(true);
        leptos::task::spawn_local(async move {
            let result = read_board(api, ws, self).await;
            if self.ws.get_untracked() == ws {
                match result {
                    Ok(()) => self.error.set(None),
                    Err(e) => self.error.set(Some(e)),
                }
                self.loaded_at.set(Some(js_sys::Date::now()));
            }
            self.sweeping.set(false);
        });
    }

    /// Puts a reply's state on a member's row at once (start, stop, a fresh read).
    pub fn set_state(&self, user: u64, state: TrackerState) {
        self.rows.update(|rows| {
            if let Some(r) = rows.iter_mut().find(|r| r.member.id == user) {
                r.state = Some(state);
                r.problem = None;
            }
        });
    }

    /// The row of a member (reactive).
    pub fn row(&self, user: u64) -> Option<BoardRow> {
        self.rows.with(|r| r.iter().find(|r| r.member.id == user).cloned())
    }
}

/// One round: the members, then each trackable member's tracker (a few at a time, each
/// through the pacer). Rows fill in as answers come.
async fn read_board(api: Api, ws: u64, board: Board) -> Result<(), ApiError> {
    let members = member_directory(api, ws).await?;
    if board.ws.get_untracked() != ws {
        return Ok(());
    }
    let mut trackable: Vec<Member> = members.iter().filter(|m| can_track(m)).cloned().collect();
    super::sort_by_name(&mut trackable, Member::full_name);
    board.members.set(members);
    // Keep what is known for members still here, so the table does not flash empty.
    let old = board.rows.get_untracked();
    let rows: Vec<BoardRow> = trackable
        .into_iter()
        .map(|m| {
            let prev = old.iter().find(|r| r.member.id == m.id);
            BoardRow { state: prev.and_then(|r| r.state.clone()), problem: None, member: m }
        })
        .collect();
    let ids: Vec<u64> = rows.iter().map(|r| r.member.id).collect();
    board.rows.set(rows);
    for chunk in ids.chunks(6) {
        let answers = join_all(chunk.iter().map(|&id| async move { (id, api.send(GetTrackerState::new(ws, id)).await) })).await;
        if board.ws.get_untracked() != ws {
            return Ok(());
        }
        for (id, answer) in answers {
            match answer {
                Ok(state) => {
                    note_today(ws, &state.date);
                    board.set_state(id, state);
                }
                Err(e) => {
                    // A refusal for everyone (role, session) is the board's error; one member's
                    // problem stays on their row.
                    if matches!(e, ApiError::Forbidden { .. } | ApiError::Unauthorized { .. }) {
                        return Err(e);
                    }
                    board.rows.update(|rows| {
                        if let Some(r) = rows.iter_mut().find(|r| r.member.id == id) {
                            r.problem = Some(e.to_string());
                        }
                    });
                }
            }
        }
    }
    Ok(())
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
    let Some(start) = s.start_time.as_deref() else { return "tracking".to_owned() };
    let since = clock_of(start);
    let started = js_sys::Date::parse(start);
    if started.is_nan() {
        return format!("since {since}");
    }
    let minutes = ((now_ms - started) / 60_000.0).floor().max(0.0) as i64;
    format!("since {since} ({})", duration_text(minutes))
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

/// The board's refresh line: last read, next read or why it waits.
#[component]
pub fn BoardStatus() -> impl IntoView {
    let board = use_board();
    let api = use_api();
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(1)) {
        on_cleanup(move || h.clear());
    }
    let text = move || {
        let now = now.get();
        if board.sweeping.get() {
            return "Reading trackers…".to_owned();
        }
        let last = board.loaded_at.get().map(|at| format!("Updated {} s ago.", ((now - at) / 1000.0).max(0.0) as u64)).unwrap_or_default();
        match board.next.get() {
            Some((_, true)) => {
                let b = api.budget.get();
                let cost = board.rows.with(Vec::len) + 1;
                format!("{last} The next refresh waits for the rate budget: {} of {} requests are free, a round takes {cost} and {RESERVE} stay free for you.", b.remaining, b.limit)
            }
            Some((at, false)) => format!("{last} Next refresh in {} s.", ((at - now) / 1000.0).ceil().max(0.0) as u64),
            None => last,
        }
    };
    view! {
        <p class="muted board-status" aria-live="off">
            {text} " "
            <button type="button" class="btn small ghost" disabled=move || board.sweeping.get() on:click=move |_| board.refresh()>"Refresh now"</button>
        </p>
    }
}

#[component]
pub fn TrackingPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let toaster = expect_context::<Toaster>();
    let board = use_board();
    board.watch(ws);
    let q = RwSignal::new(query.initial("q"));
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(15)) {
        on_cleanup(move || h.clear());
    }
    // The member whose start form is open.
    let starting = RwSignal::new(None::<Member>);
    let busy = RwSignal::new(None::<u64>);

    let rows = Signal::derive(move || {
        let needle = webwork_ui::lowercase(&query.text("q"));
        let only_running = query.get("running").as_deref() == Some("1");
        board
            .rows
            .get()
            .into_iter()
            .filter(|r| {
                (needle.is_empty()
                    || webwork_ui::lowercase(&r.member.full_name()).contains(&needle)
                    || webwork_ui::lowercase(&r.member.email).contains(&needle))
                    && (!only_running || r.running())
            })
            .collect::<Vec<_>>()
    });
    let stop = move |user: u64, name: String| {
        busy.set(Some(user));
        leptos::task::spawn_local(async move {
            match api.send(StopTracking::new(ws, user)).await {
                Ok(stopped) => {
                    let prev = board.row(user).and_then(|r| r.state);
                    board.set_state(user, stopped_state(&stopped, prev.as_ref()));
                    match &stopped.time_entry {
                        Some(e) => toaster.show(format!(
                            "Stopped {name}'s tracker: {} written ({}–{}).",
                            duration_text(e.duration_minutes),
                            clock_of(&e.start_time),
                            e.end_time.as_deref().map(clock_of).unwrap_or_default()
                        )),
                        None => toaster.show(format!("Stopped {name}'s tracker. It ran under a minute, so no time entry was written.")),
                    };
                }
                Err(e) => {
                    toaster.error(format!("Could not stop {name}'s tracker: {e}"));
                }
            }
            busy.set(None);
        });
    };
    let columns = vec![
        Column::new("Member", move |r: &BoardRow| {
            view! { <a href=Route::Member { ws, id: r.member.id }.href()>{r.member.full_name()}</a> }.into_any()
        }),
        Column::new("Tracker", move |r: &BoardRow| {
            let text = match (&r.state, &r.problem) {
                (_, Some(p)) => format!("unknown: {p}"),
                (Some(s), None) if is_running(s) => running_text(s, now.get_untracked()),
                (Some(_), None) => "not tracking".to_owned(),
                (None, None) => "…".to_owned(),
            };
            let status = if r.running() { "running" } else { "idle" };
            view! { <span class="tracker" data-status=status>{text}</span> }.into_any()
        }),
        Column::text("On", |r: &BoardRow| r.state.as_ref().filter(|s| is_running(s)).map(work_text).unwrap_or_default()),
        Column::text("Today", |r: &BoardRow| r.state.as_ref().map(|s| duration_text(s.total_minutes)).unwrap_or_default()).class("num dur"),
        Column::new("", move |r: &BoardRow| {
            let (id, name, running) = (r.member.id, r.member.full_name(), r.running());
            let member = r.member.clone();
            let disabled = move || busy.get() == Some(id);
            if running {
                view! {
                    <button type="button" class="btn small" aria-label=format!("Stop {name}'s tracker") disabled=disabled
                        on:click=move |_| stop(id, name.clone())>"Stop"</button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="btn small ghost" aria-label=format!("Start a tracker for {name}") disabled=disabled
                        on:click=move |_| starting.set(Some(member.clone()))>"Start"</button>
                }
                .into_any()
            }
        })
        .class("actions"),
    ];
    let tracking_count = move || board.rows.with(|r| r.iter().filter(|r| r.running()).count());
    view! {
        <PageHeader title="Live tracking"/>
        <p class="muted">{move || format!("{} of {} members tracking now.", tracking_count(), board.rows.with(Vec::len))}</p>
        <BoardStatus/>
        <form class="filters" role="search" on:submit=move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            query.set_one("q", Some(q.get_untracked().trim().to_owned()));
        }>
            <label>"Name contains" <input type="search" bind:value=q placeholder="Name or e-mail"/></label>
            <button type="submit" class="btn">"Apply"</button>
            <label class="check-inline">
                <input type="checkbox" prop:checked=move || query.get("running").as_deref() == Some("1")
                    on:change=move |ev| query.set_one("running", event_target_checked(&ev).then(|| "1".to_owned()))/>
                " Only members tracking now"
            </label>
        </form>
        {move || starting.get().map(|m| view! {
            <StartForm ws=ws member=m on_done=Callback::new(move |_| starting.set(None))/>
        })}
        <ErrorBanner error=Signal::derive(move || board.error.get()) on_retry=Callback::new(move |_| board.refresh())/>
        <Show when=move || board.rows.with(Vec::is_empty) && board.error.with(Option::is_none)>
            {move || if board.loaded_at.get().is_some() {
                view! { <EmptyState title="No member can track time" hint="Active members who are not project viewers appear here."/> }.into_any()
            } else {
                view! { <SkeletonRows cols=5/> }.into_any()
            }}
        </Show>
        <div class="list-body" class:hidden=move || board.rows.with(Vec::is_empty)>
            <DataTable caption="Trackers" columns rows key=|r: &BoardRow| r.member.id.to_string() label=|r: &BoardRow| r.member.full_name()/>
        </div>
        {move || (!board.rows.with(Vec::is_empty) && rows.with(Vec::is_empty)).then(|| view! {
            <EmptyState title="No member matches" hint="Change the name filter or show members who are not tracking."/>
        })}
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
            let prev = board.row(user).and_then(|r| r.state);
            board.set_state(user, started_state(&started, prev.as_ref()));
            let on = started.project_name.clone().map(|p| format!(" on {p}")).unwrap_or_default();
            toaster.show(format!("Started {who}'s tracker{on} at {}.", clock_of(&started.start_time)));
            on_done.run(());
        });
    };
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate aria-label=format!("Start a tracker for {name}")>
            <h2>{format!("Start a tracker for {name}")}</h2>
            <WorkPicker ws member=Signal::derive(move || user) contract task form/>
            <TextField field=description label="Activity description" form=form placeholder="What they are working on"/>
            <div class="form-actions">
                <button type="button" class="btn ghost" on:click=move |_| on_done.run(())>"Cancel"</button>
                <SubmitButton form=form label="Start tracker" busy="Starting…"/>
            </div>
        </form>
    }
}
