//! The workspace's home (`/w/{ws}`): who is tracking now and on what, hours today and this
//! week against last week, what waits for approval (timesheets, time requests, leaves), and who
//! is on leave today. Every tile links to the view it sums up.
//!
//! A round costs at most [`ROUND_COST`] requests, cold: the signed-in user's own tracker (which
//! also gives the API's today), one tracked-hours report from last Monday to today (this week,
//! last week and everyone's closed time today), three counts read as `per_page=1` totals (the
//! timesheets one is the navigation badge's request), the approved leaves of today and the
//! member directory (names). The API has no list of running trackers, only one request per
//! member, so "Tracking now" shows the trackers the [`Board`](super::tracking::Board) knows
//! (yours, and the rows read on Live tracking in the last minutes) and says how many that is.

use std::rc::Rc;

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Leave, LeavePeriod, LeaveStatus, Member, TimeRequestStatus, TimesheetStatus};
use webwork_core::ops::{GetTrackedHoursReport, GetTrackerState, ListLeaves, ListTimeRequests, ListTimesheets, Operation, Paginated};
use webwork_core::ApiError;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{ErrorBanner, Skeleton};

use super::time_common::{
    can_track, duration_text, hours_text, member_directory, minutes_within, name_in, note_today, poll_within_budget, server_today, Days,
    Updated,
};
use super::tracking::{is_running, use_board, work_text, Board, Known};
use super::PageHeader;
use crate::api::{load, use_api, Api, Resource};
use crate::routes::Route;

/// The most requests one round of the dashboard makes with nothing cached (a directory of more
/// than 100 members takes a page more).
pub const ROUND_COST: u32 = 7;
/// The dashboard's data changes slowly (counts, reports): a round a minute at most.
const POLL_FLOOR_MS: f64 = 60_000.0;
/// A tracker read longer ago than this is not shown as "tracking now".
pub const KNOWN_FOR_MS: f64 = 5.0 * 60_000.0;

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
            t_args("dashboard-change", &[("sign", sign.into()), ("percent", pct.into())])
        })
    }

    /// "Last week: 30.0 h on the same days, 38.5 h in all."
    pub fn last_week_text(&self) -> String {
        match self.last_week_same_days {
            Some(m) => t_args("dashboard-last-week-same", &[("same", hours_text(m).into()), ("all", hours_text(self.last_week).into())]),
            None => t_args("dashboard-last-week", &[("all", hours_text(self.last_week).into())]),
        }
    }
}

/// The week figures and everyone's closed minutes today, by member.
#[derive(Debug, Clone, PartialEq)]
pub struct Hours {
    pub week: WeekHours,
    pub closed_today: Vec<(u64, i64)>,
}

/// Your own tracker (onto the board; it also tells the API's today), then one tracked-hours
/// report from last Monday to today, which answers both weeks and today.
async fn week_hours(api: Api, ws: u64, board: Board) -> Result<Hours, ApiError> {
    own_tracker(api, ws, board).await?;
    let today = server_today(api, ws).await?;
    let this = Days::week_so_far(today);
    let done = (today > this.from).then(|| Days { from: this.from, to: today.add_days(-1) });
    let last = Days::week_of(today).week_before();
    let report = api.send(GetTrackedHoursReport::new(ws).start_date(last.from).end_date(today)).await?;
    let day_minutes = |d: &webwork_core::models::TrackedDay| d.users.iter().map(|u| u.total_minutes).sum::<i64>();
    let mut closed_today: Vec<(u64, i64)> = Vec::new();
    for row in report.dates.get(&today.to_string()).map(|d| d.users.as_slice()).unwrap_or_default() {
        match closed_today.iter_mut().find(|(u, _)| *u == row.user_id) {
            Some((_, m)) => *m += row.total_minutes,
            None => closed_today.push((row.user_id, row.total_minutes)),
        }
    }
    let week = WeekHours {
        today,
        this_week: minutes_within(&report.dates, this, day_minutes),
        this_week_done: done.map(|d| minutes_within(&report.dates, d, day_minutes)).unwrap_or(0),
        last_week_same_days: done.map(|d| minutes_within(&report.dates, d.week_before(), day_minutes)),
        last_week: minutes_within(&report.dates, last, day_minutes),
    };
    Ok(Hours { week, closed_today })
}

/// Everyone's time today: the closed time of the report, plus what the running trackers known
/// on the board add to it (a tracker's `total_minutes` is today's time with the running part).
pub fn minutes_today(closed: &[(u64, i64)], known: &[Known], today: &str) -> i64 {
    let closed_of = |user: u64| closed.iter().find(|(u, _)| *u == user).map(|(_, m)| *m).unwrap_or(0);
    let running =
        known.iter().filter_map(|k| k.state.as_ref().ok().filter(|s| is_running(s) && s.date == today).map(|s| (k.user, s.total_minutes)));
    closed.iter().map(|(_, m)| m).sum::<i64>() + running.map(|(u, total)| (total - closed_of(u)).max(0)).sum::<i64>()
}

/// The signed-in user's own tracker, onto the board: the request that also tells the API's
/// today (the same GET as [`server_today`]'s, so the two are one request). Nothing when the user
/// is not in the workspace or their role may not read trackers.
async fn own_tracker(api: Api, ws: u64, board: Board) -> Result<(), ApiError> {
    let Some(me) = api.ensure_workspaces().await?.into_iter().find(|w| w.id == ws).map(|w| w.user_id) else { return Ok(()) };
    match api.send(GetTrackerState::new(ws, me)).await {
        Ok(state) => {
            note_today(ws, &state.date);
            board.set_state(me, state);
            Ok(())
        }
        Err(ApiError::Forbidden { .. }) => Ok(()),
        Err(e) => Err(e),
    }
}

/// What waits for approval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pending {
    pub timesheets: u64,
    pub time_requests: u64,
    pub leaves: u64,
    /// The days the time requests were counted over (a year up to the API's today), which their
    /// link opens, so the list shows the requests the figure counts.
    pub requests_window: (CivilDate, CivilDate),
}

/// A filtered list asked as a page of one, whose total is the count.
fn count_op<O: Paginated>(mut op: O) -> O {
    op.set_per_page(1);
    op
}

/// The total of a list asked through [`count_op`].
async fn count<O: Paginated>(api: Api, op: O) -> Result<u64, ApiError> {
    let page = api.page(op).await?;
    Ok(page.pagination.map(|p| p.total).unwrap_or(page.items.len() as u64))
}

fn submitted_timesheets(ws: u64) -> ListTimesheets {
    count_op(ListTimesheets::new(ws).status(TimesheetStatus::Submitted))
}

fn pending_leaves(ws: u64) -> ListLeaves {
    count_op(ListLeaves::new(ws).status(LeaveStatus::Pending))
}

/// What the dashboard asks first ([`super::FirstRequests`]): the two counts that need no date
/// and the member directory. The rest waits for an answer: the own tracker for the user id
/// (workspaces), the report, the time requests' count and today's leaves for the API's today.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, _: crate::nav::UrlQuery) -> super::FirstRequests {
    let Route::Dashboard { ws } = *route else { return Vec::new() };
    vec![submitted_timesheets(ws).to_request(), pending_leaves(ws).to_request(), super::members_first(ws)]
}

/// The pending time requests over `window` (the list's default is the last 30 days).
fn requests_href(ws: u64, (from, to): (CivilDate, CivilDate)) -> String {
    Route::TimeRequests { ws }.href_with(&[("from", &from.to_string()), ("to", &to.to_string())])
}

async fn pending(api: Api, ws: u64) -> Result<Pending, ApiError> {
    let today = server_today(api, ws).await?;
    // Requests are for past time; a year back covers any still waiting.
    let window = (today.add_days(-365), today);
    let requests = ListTimeRequests::new(ws, window.0, window.1).status(TimeRequestStatus::Pending);
    let (t, r, l) =
        futures_util::join!(count(api, submitted_timesheets(ws)), count(api, count_op(requests)), count(api, pending_leaves(ws)));
    Ok(Pending { timesheets: t?, time_requests: r?, leaves: l?, requests_window: window })
}

/// Today's approved leaves, and the member directory for the names on the dashboard.
async fn on_leave_today(api: Api, ws: u64) -> Result<(CivilDate, Vec<Leave>, Vec<Member>), ApiError> {
    let today = server_today(api, ws).await?;
    let (leaves, members) = futures_util::join!(
        api.all(ListLeaves::new(ws).status(LeaveStatus::Approved).date_from(today).date_to(today)),
        member_directory(api, ws)
    );
    Ok((today, leaves?, members?))
}

/// "Vacation, first half" / "Doctor appointment, 09:00–11:00".
pub fn leave_text(l: &Leave) -> String {
    let policy = l.policy_name.clone().unwrap_or_else(|| t("dashboard-leave"));
    let part = match (l.start_time.as_deref(), l.end_time.as_deref(), l.leave_period) {
        (Some(s), Some(e), _) => format!(", {s}–{e}"),
        (_, _, Some(p)) if p != LeavePeriod::FullDay => format!(", {}", super::leaves::period_inline(p)),
        _ => String::new(),
    };
    format!("{policy}{part}")
}

/// A tile: a heading (a message id) that links to its view, and its body.
#[component]
fn Tile(title: &'static str, href: Signal<String>, children: Children) -> impl IntoView {
    view! {
        <section class="card tile" aria-label=t(title)>
            <h2><a href=move || href.get()>{t(title)}</a></h2>
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
    let hours = load(move || week_hours(api, ws, board));
    let waiting = load(move || pending(api, ws));
    let leaves = load(move || on_leave_today(api, ws));
    let refetch = move || {
        hours.refetch();
        waiting.refetch();
        leaves.refetch();
    };
    // The oldest data on screen decides "Updated … ago" and the next round.
    let as_of = move || {
        let times = [hours.as_of(), waiting.as_of(), leaves.as_of()];
        times.iter().all(Option::is_some).then(|| times.iter().flatten().fold(f64::MAX, |a, b| a.min(*b)))
    };
    poll_within_budget(api, POLL_FLOOR_MS, Rc::new(|| ROUND_COST), Rc::new(as_of), Rc::new(refetch));
    // Trackers read in the last minutes, running ones by name.
    let fresh = move || {
        let since = js_sys::Date::now() - KNOWN_FOR_MS;
        board.known.with(|k| k.iter().filter(|k| k.at >= since).cloned().collect::<Vec<_>>())
    };
    let names = move || leaves.with_ready(|(_, _, m)| m.clone()).unwrap_or_default();
    // Only people who may track now: a member archived since their tracker was read is gone at
    // once (the archive drops the cached directory, so the page reads it again).
    let running = move || {
        let members = names();
        fresh()
            .into_iter()
            .filter(|k| members.iter().any(|m| m.id == k.user && can_track(m)))
            .filter_map(|k| k.state.ok().filter(is_running).map(|s| (k.user, s)))
            .collect::<Vec<_>>()
    };
    let read = move || hours.as_of().is_some() && leaves.is_ready();
    let trackable = move || leaves.with_ready(|(_, _, m)| m.iter().filter(|m| can_track(m)).count()).unwrap_or(0);
    let week = Signal::derive(move || hours.with_ready(|h| h.week));
    view! {
        <PageHeader title=t("nav-dashboard")/>
        <Updated as_of=Signal::derive(as_of) on_refresh=Callback::new(move |_| refetch())/>
        <div class="tiles">
            <Tile title=msg_id("dashboard-tracking-now") href=Signal::derive(move || Route::Tracking { ws }.href_with(&[("running", "1")]))>
                <p class="figure" data-figure="tracking-now">{move || if read() { crate::format::number(running().len() as f64) } else { "…".to_owned() }}</p>
                <ul class="plain">
                    {move || {
                        let members = names();
                        running().into_iter().map(|(user, s)| {
                            let on = Some(work_text(&s)).filter(|t| !t.is_empty());
                            view! { <li><strong>{name_in(&members, user)}</strong>{on.map(|w| format!(" — {w}"))}</li> }
                        }).collect_view()
                    }}
                </ul>
                <p class="muted">{move || t_args(
                    "dashboard-trackers-read",
                    &[("read", fresh().len().into()), ("members", trackable().max(fresh().len()).into())],
                )}</p>
            </Tile>
            <Tile title=msg_id("dashboard-hours-today") href=Signal::derive(move || Route::Tracking { ws }.href())>
                {tile_state(hours)}
                {move || hours.with_ready(|h| {
                    let today = h.week.today.to_string();
                    minutes_today(&h.closed_today, &fresh(), &today)
                }).map(|m| view! {
                    <p class="figure" data-figure="hours-today">{duration_text(m)}</p>
                    <p class="muted">{t("dashboard-hours-today-hint")}</p>
                })}
            </Tile>
            <Tile title=msg_id("dashboard-this-week") href=Signal::derive(move || {
                let (from, to) = week.get().map(|h| Days::week_of(h.today)).map(|d| (d.from.to_string(), d.to.to_string())).unwrap_or_default();
                Route::Timesheets { ws }.href_with(&[("status", "any"), ("from", &from), ("to", &to)])
            })>
                {tile_state(hours)}
                {move || week.get().map(|h| view! {
                    <p class="figure" data-figure="hours-week">{hours_text(h.this_week)}</p>
                    <p>{t_args("dashboard-monday-to-today", &[("today", crate::format::date(h.today).into())])}</p>
                    <p data-figure="hours-last-week">{h.last_week_text()}</p>
                    {h.change_text().map(|c| view! { <p class="muted">{c}</p> })}
                })}
            </Tile>
            <Tile title=msg_id("dashboard-waiting") href=Signal::derive(move || Route::Timesheets { ws }.href())>
                {tile_state(waiting)}
                {move || waiting.ready().map(|p| view! {
                    <ul class="plain counts">
                        <li><a href=Route::Timesheets { ws }.href()><span class="figure small" data-figure="pending-timesheets">{crate::format::number(p.timesheets as f64)}</span>{t_args("dashboard-pending-timesheets", &[("count", p.timesheets.into())])}</a></li>
                        <li><a href=requests_href(ws, p.requests_window)><span class="figure small" data-figure="pending-time-requests">{crate::format::number(p.time_requests as f64)}</span>{t_args("dashboard-pending-time-requests", &[("count", p.time_requests.into())])}</a></li>
                        <li><a href=Route::Leaves { ws }.href_with(&[("status", "pending")])><span class="figure small" data-figure="pending-leaves">{crate::format::number(p.leaves as f64)}</span>{t_args("dashboard-pending-leaves", &[("count", p.leaves.into())])}</a></li>
                    </ul>
                })}
            </Tile>
            <Tile title=msg_id("dashboard-on-leave") href=Signal::derive(move || {
                let day = leaves.with_ready(|(d, _, _)| d.to_string()).unwrap_or_default();
                Route::Leaves { ws }.href_with(&[("status", "approved"), ("from", &day), ("to", &day)])
            })>
                {tile_state(leaves)}
                {move || leaves.ready().map(|(_, list, members)| {
                    let empty = list.is_empty();
                    view! {
                        <p class="figure" data-figure="on-leave">{crate::format::number(list.len() as f64)}</p>
                        <ul class="plain">
                            {list.into_iter().map(|l| {
                                let name = l.user_id.map(|u| name_in(&members, u)).unwrap_or_default();
                                view! { <li><strong>{name}</strong>" — "{leave_text(&l)}</li> }
                            }).collect_view()}
                        </ul>
                        {empty.then(|| view! { <p class="muted">{t("dashboard-nobody-on-leave")}</p> })}
                    }
                })}
            </Tile>
        </div>
    }
}
