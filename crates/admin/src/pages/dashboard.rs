//! The workspace's home (`/w/{ws}`): who is tracking now and on what, hours today and this
//! week against last week, what waits for approval (timesheets, time requests, leaves), and who
//! is on leave today. Every tile links to the view it sums up.
//!
//! Days are the API's (see `time_common::server_today`). Trackers come from the shared
//! [`Board`](super::tracking::Board); the hours from the tracked-hours report (closed time) plus
//! the running trackers for today.

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Leave, LeavePeriod, LeaveStatus, TimeRequestStatus, TimesheetStatus};
use webwork_core::ops::{GetTrackedHoursReport, ListLeaves, ListTimeRequests, ListTimesheets, Paginated};
use webwork_core::ApiError;
use webwork_ui::{ErrorBanner, Skeleton};

use super::time_common::{duration_text, hours_text, minutes_within, name_in, server_today, Days};
use super::tracking::{is_running, use_board, work_text, BoardStatus};
use super::PageHeader;
use crate::api::{load, use_api, Api, Resource};
use crate::routes::Route;

/// Hours of this week so far against last week. The comparison is on whole days, Monday to
/// yesterday, since today is still under way (last Wednesday was a full day; this one is not).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WeekHours {
    pub today: CivilDate,
    /// Monday to today, closed time.
    pub this_week: i64,
    /// Monday to yesterday.
    pub this_week_done: i64,
    /// The same days last week; `None` on a Monday (no whole day yet).
    pub last_week_same_days: Option<i64>,
    pub last_week: i64,
}

impl WeekHours {
    /// "+12 % on the same days last week", or `None` without a day to compare.
    pub fn change_text(&self) -> Option<String> {
        self.last_week_same_days.filter(|m| *m > 0).map(|before| {
            let pct = ((self.this_week_done - before) as f64 / before as f64 * 100.0).round() as i64;
            let sign = if pct > 0 { "+" } else { "" };
            format!("{sign}{pct} % from Monday to yesterday, against the same days last week")
        })
    }

    /// "Last week: 30.0 h on the same days, 38.5 h in all."
    pub fn last_week_text(&self) -> String {
        match self.last_week_same_days {
            Some(m) => format!("Last week: {} on the same days, {} in all.", hours_text(m), hours_text(self.last_week)),
            None => format!("Last week: {} in all.", hours_text(self.last_week)),
        }
    }
}

async fn week_hours(api: Api, ws: u64) -> Result<WeekHours, ApiError> {
    let today = server_today(api, ws).await?;
    let this = Days::week_so_far(today);
    let done = (today > this.from).then(|| Days { from: this.from, to: today.add_days(-1) });
    let last = Days::week_of(today).week_before();
    let report = |d: Days| api.send(GetTrackedHoursReport::new(ws).start_date(d.from).end_date(d.to));
    let (now, before) = futures_util::join!(report(this), report(last));
    let (now, before) = (now?, before?);
    let day_minutes = |d: &webwork_core::models::TrackedDay| d.users.iter().map(|u| u.total_minutes).sum::<i64>();
    Ok(WeekHours {
        today,
        this_week: minutes_within(&now.dates, this, day_minutes),
        this_week_done: done.map(|d| minutes_within(&now.dates, d, day_minutes)).unwrap_or(0),
        last_week_same_days: done.map(|d| minutes_within(&before.dates, d.week_before(), day_minutes)),
        last_week: minutes_within(&before.dates, last, day_minutes),
    })
}

/// What waits for approval.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Pending {
    pub timesheets: u64,
    pub time_requests: u64,
    pub leaves: u64,
}

/// The total of a filtered list, read from a page of one.
async fn count<O: Paginated>(api: Api, mut op: O) -> Result<u64, ApiError> {
    op.set_per_page(1);
    let page = api.page(op).await?;
    Ok(page.pagination.map(|p| p.total).unwrap_or(page.items.len() as u64))
}

async fn pending(api: Api, ws: u64) -> Result<Pending, ApiError> {
    let today = server_today(api, ws).await?;
    // Requests are for past time; a year back covers any still waiting.
    let requests = ListTimeRequests::new(ws, today.add_days(-365), today).status(TimeRequestStatus::Pending);
    let (t, r, l) = futures_util::join!(
        count(api, ListTimesheets::new(ws).status(TimesheetStatus::Submitted)),
        count(api, requests),
        count(api, ListLeaves::new(ws).status(LeaveStatus::Pending)),
    );
    Ok(Pending { timesheets: t?, time_requests: r?, leaves: l? })
}

async fn on_leave_today(api: Api, ws: u64) -> Result<(CivilDate, Vec<Leave>), ApiError> {
    let today = server_today(api, ws).await?;
    let leaves = api.all(ListLeaves::new(ws).status(LeaveStatus::Approved).date_from(today).date_to(today)).await?;
    Ok((today, leaves))
}

/// "Vacation, first half" / "Doctor appointment, 09:00–11:00".
pub fn leave_text(l: &Leave) -> String {
    let policy = l.policy_name.clone().unwrap_or_else(|| "Leave".to_owned());
    let part = match (l.start_time.as_deref(), l.end_time.as_deref(), l.leave_period) {
        (Some(s), Some(e), _) => format!(", {s}–{e}"),
        (_, _, Some(p)) if p != LeavePeriod::FullDay => format!(", {}", webwork_ui::lowercase(&p.label())),
        _ => String::new(),
    };
    format!("{policy}{part}")
}

/// A tile: a heading that links to its view, and its body.
#[component]
fn Tile(title: &'static str, href: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <section class="card tile" aria-label=title>
            <h2><a href=move || href.get()>{title}</a></h2>
            {children()}
        </section>
    }
}

/// Skeleton or error while a tile's data loads.
fn tile_state<T: Clone + Send + Sync + 'static>(res: Resource<T>) -> impl IntoView {
    view! {
        <ErrorBanner error=Signal::derive(move || res.error()) on_retry=Callback::new(move |_| res.refetch()) auto_retry=true/>
        <Show when=move || res.loading()><p aria-busy="true"><Skeleton width="60%"/></p></Show>
    }
}

#[component]
pub fn DashboardPage(ws: u64) -> impl IntoView {
    let api = use_api();
    let board = use_board();
    board.watch(ws);
    let hours = load(move || week_hours(api, ws));
    let waiting = load(move || pending(api, ws));
    let leaves = load(move || on_leave_today(api, ws));

    let running = move || board.rows.get().into_iter().filter(|r| r.running()).collect::<Vec<_>>();
    let read = move || board.loaded_at.get().is_some();
    let live_today = move || board.rows.with(|r| r.iter().filter_map(|r| r.state.as_ref()).map(|s| s.total_minutes).sum::<i64>());
    let week = Signal::derive(move || hours.ready());
    view! {
        <PageHeader title="Dashboard"/>
        <BoardStatus/>
        <ErrorBanner error=Signal::derive(move || board.error.get()) on_retry=Callback::new(move |_| board.refresh())/>
        <div class="tiles">
            <Tile title="Tracking now" href=Signal::derive(move || Route::Tracking { ws }.href_with(&[("running", "1")]))>
                <p class="figure" data-figure="tracking-now">{move || if read() { running().len().to_string() } else { "…".to_owned() }}</p>
                <ul class="plain">
                    {move || running().into_iter().map(|r| {
                        let on = r.state.as_ref().filter(|s| is_running(s)).map(work_text).filter(|t| !t.is_empty());
                        view! { <li><strong>{r.member.full_name()}</strong>{on.map(|t| format!(" — {t}"))}</li> }
                    }).collect_view()}
                </ul>
                {move || (read() && running().is_empty()).then(|| view! { <p class="muted">"Nobody is tracking right now."</p> })}
            </Tile>
            <Tile title="Hours today" href=Signal::derive(move || Route::Tracking { ws }.href())>
                <p class="figure" data-figure="hours-today">{move || if read() { duration_text(live_today()) } else { "…".to_owned() }}</p>
                <p class="muted">"Everyone's time today, running trackers included."</p>
            </Tile>
            <Tile title="This week" href=Signal::derive(move || {
                let (from, to) = week.get().map(|h| Days::week_of(h.today)).map(|d| (d.from.to_string(), d.to.to_string())).unwrap_or_default();
                Route::Timesheets { ws }.href_with(&[("status", "any"), ("from", &from), ("to", &to)])
            })>
                {tile_state(hours)}
                {move || week.get().map(|h| view! {
                    <p class="figure" data-figure="hours-week">{hours_text(h.this_week)}</p>
                    <p>{format!("Monday to today ({}), closed time.", h.today)}</p>
                    <p data-figure="hours-last-week">{h.last_week_text()}</p>
                    {h.change_text().map(|t| view! { <p class="muted">{t}</p> })}
                })}
            </Tile>
            <Tile title="Waiting for approval" href=Signal::derive(move || Route::Timesheets { ws }.href())>
                {tile_state(waiting)}
                {move || waiting.ready().map(|p| view! {
                    <ul class="plain counts">
                        <li><a href=Route::Timesheets { ws }.href()><span class="figure small" data-figure="pending-timesheets">{p.timesheets.to_string()}</span>" timesheets"</a></li>
                        <li><a href=Route::TimeRequests { ws }.href()><span class="figure small" data-figure="pending-time-requests">{p.time_requests.to_string()}</span>" time requests"</a></li>
                        <li><a href=Route::Leaves { ws }.href_with(&[("status", "pending")])><span class="figure small" data-figure="pending-leaves">{p.leaves.to_string()}</span>" leave requests"</a></li>
                    </ul>
                })}
            </Tile>
            <Tile title="On leave today" href=Signal::derive(move || {
                let day = leaves.ready().map(|(d, _)| d.to_string()).unwrap_or_default();
                Route::Leaves { ws }.href_with(&[("status", "approved"), ("from", &day), ("to", &day)])
            })>
                {tile_state(leaves)}
                {move || leaves.ready().map(|(_, list)| {
                    let members = board.members.get();
                    let empty = list.is_empty();
                    view! {
                        <p class="figure" data-figure="on-leave">{list.len().to_string()}</p>
                        <ul class="plain">
                            {list.into_iter().map(|l| {
                                let name = l.user_id.map(|u| name_in(&members, u)).unwrap_or_default();
                                view! { <li><strong>{name}</strong>" — "{leave_text(&l)}</li> }
                            }).collect_view()}
                        </ul>
                        {empty.then(|| view! { <p class="muted">"Nobody is on leave today."</p> })}
                    }
                })}
            </Tile>
        </div>
    }
}
