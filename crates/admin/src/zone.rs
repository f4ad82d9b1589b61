//! Which zone every time on screen is in (the time-zone decision, inferred; ARCHITECTURE.md
//! "Time zones"). A time entry's answer carries the member's offset, so its text is the member's
//! wall clock; the switch shows entries on the viewer's own clock instead, converted through the
//! browser's `Intl.DateTimeFormat` with `timeZone` (no zone tables in the wasm). Day totals
//! (timesheets, today's tracked minutes) stay in the member's days and say so.
//!
//! Pages call one function or component from here where a time is shown. Members' zones are
//! learnt from the member directory the time pages load ([`remember`]). The visible strings are
//! messages of the catalog (`zone-*`); zones, offsets and clocks stay data inside them.

use std::collections::HashMap;

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::models::{Member, TimeEntry, TimelineRow};
use webwork_core::params::parse_clock;
use webwork_core::zone::{member_zone, offset_label, ZonedStamp};
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::Column;

/// Whose clock the entries show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The member's own zone (the default: their days, as their timesheets count them).
    Member,
    /// The viewer's zone (the browser's), for entries only: they are instants.
    Viewer,
}

const TEXT_DATE: &str = msg_id("time-date");
const TEXT_TIME: &str = msg_id("zone-time");
/// The hint of `HH:mm` fields whose times are a member's wall clock (a message id).
pub const TEXT_CLOCK_HINT: &str = msg_id("zone-clock-hint");

thread_local! {
    // Panel-wide and for the page's life: the viewer's choice and the zones learnt so far.
    // Reference-counted signals, not arena ones: the first use happens inside some page, whose
    // owner would dispose an arena signal when the page goes.
    static MODE: ArcRwSignal<Mode> = ArcRwSignal::new(remembered_mode());
    static ZONES: ArcRwSignal<HashMap<u64, String>> = ArcRwSignal::new(HashMap::new());
}

/// Where the viewer's choice of clock is remembered (a preference: it stays after sign-out).
pub const MODE_KEY: &str = "webwork-zone-mode";

fn remembered_mode() -> Mode {
    match webwork_ui::storage::get(webwork_ui::storage::local(), MODE_KEY).as_deref() {
        Some("viewer") => Mode::Viewer,
        _ => Mode::Member,
    }
}

/// The current mode (reactive).
pub fn mode() -> ArcRwSignal<Mode> {
    MODE.with(ArcRwSignal::clone)
}

/// Switches between the member's clock and the viewer's, and remembers the choice.
pub fn toggle_mode() {
    let next = if mode().get_untracked() == Mode::Member { Mode::Viewer } else { Mode::Member };
    webwork_ui::storage::set(webwork_ui::storage::local(), MODE_KEY, if next == Mode::Viewer { "viewer" } else { "member" });
    mode().set(next);
}

fn zones() -> ArcRwSignal<HashMap<u64, String>> {
    ZONES.with(ArcRwSignal::clone)
}

/// Learns the members' zones (`timezone`, else `preferred_timezone`, else UTC) from a directory.
pub fn remember(members: &[Member]) {
    let known: Vec<(u64, String)> =
        members.iter().map(|m| (m.id, member_zone(m.timezone.as_deref(), m.preferred_timezone.as_deref()).to_owned())).collect();
    zones().update(|z| z.extend(known));
}

/// A member's zone, if the directory told (reactive).
pub fn of_member(id: u64) -> Option<String> {
    zones().with(|z| z.get(&id).cloned())
}

pub use webwork_ui::zone::{viewer_zone, wall_clock, zone_label, zone_time, Wall};

/// How an entry shows: its day, its span, and the offset it is read in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryShown {
    pub date: String,
    pub span: String,
    pub offset: String,
}

/// An entry on the member's clock (the answer's own wall clock and offset) or on the viewer's
/// (converted through Intl). A stamp that does not read shows as the answer wrote it.
pub fn entry_shown(e: &TimeEntry, mode: Mode) -> EntryShown {
    let start = ZonedStamp::parse(&e.start_time);
    let end = e.end_time.as_deref().and_then(ZonedStamp::parse);
    let (Some(start), Mode::Viewer) = (start, mode) else {
        let clock = |s: &ZonedStamp| s.clock();
        let end_text = end.as_ref().map(clock).unwrap_or_else(|| t("zone-running"));
        return EntryShown {
            date: e.date.clone(),
            span: start.as_ref().map(|s| format!("{}–{end_text}", s.clock())).unwrap_or_else(|| e.start_time.clone()),
            offset: start.map(|s| s.offset_label()).unwrap_or_default(),
        };
    };
    let here = viewer_zone();
    let (Some(a), b) = (wall_clock(start.unix_ms() as f64, &here), end.and_then(|e| wall_clock(e.unix_ms() as f64, &here))) else {
        return entry_shown(e, Mode::Member);
    };
    let end_text = b.map(|b| if b.date == a.date { b.clock } else { format!("{} {}", b.date, b.clock) });
    EntryShown { span: format!("{}–{}", a.clock, end_text.unwrap_or_else(|| t("zone-running"))), date: a.date, offset: a.offset }
}

/// The "Date" column of a list of entries: the member's day, or the viewer's in viewer mode.
pub fn date_column<T: 'static>(entry: impl Fn(&T) -> &TimeEntry + Send + Sync + 'static) -> Column<T> {
    Column::new(TEXT_DATE, move |r: &T| {
        let e = entry(r).clone();
        view! { <span class="zoned-date">{move || entry_shown(&e, mode().get()).date}</span> }.into_any()
    })
    .class("dates")
}

/// The "Time" column: `09:00–17:00` and the offset it is read in (`UTC+8`).
pub fn time_column<T: 'static>(entry: impl Fn(&T) -> &TimeEntry + Send + Sync + 'static) -> Column<T> {
    Column::new(TEXT_TIME, move |r: &T| {
        let e = entry(r).clone();
        let shown = Memo::new(move |_| entry_shown(&e, mode().get()));
        view! {
            <span class="zoned-time">{move || shown.get().span}</span>
            " "
            <span class="zone-offset muted">{move || shown.get().offset}</span>
        }
        .into_any()
    })
}

/// The bar above a member's entries: which zone they are in and the switch to the viewer's.
#[component]
pub fn ZoneSwitch(
    /// The member whose entries show (0: none chosen).
    #[prop(into)]
    member: Signal<u64>,
) -> impl IntoView {
    let here = viewer_zone();
    let here_label = here.clone();
    let member_zone_now = move || {
        let id = member.get();
        (id != 0).then(|| of_member(id).unwrap_or_else(|| "UTC".to_owned()))
    };
    let now = js_sys::Date::now();
    let text = move || match (mode().get(), member_zone_now()) {
        (Mode::Member, Some(z)) => t_args("zone-member-mode", &[("zone", zone_label(&z, now).into())]),
        (Mode::Viewer, _) => t_args("zone-viewer-mode", &[("zone", zone_label(&here_label, now).into())]),
        (Mode::Member, None) => String::new(),
    };
    let button = move || match mode().get() {
        Mode::Member => t_args("zone-show-viewer", &[("zone", zone_time(&here).into())]),
        Mode::Viewer => t("zone-show-member"),
    };
    view! {
        <p class="zone-bar" data-zone-mode=move || if mode().get() == Mode::Viewer { "viewer" } else { "member" }
            hidden=move || member.get() == 0>
            <span class="zone-now">{text}</span>
            " "
            <button type="button" class="btn small ghost zone-switch" aria-pressed=move || (mode().get() == Mode::Viewer).to_string()
                on:click=move |_| toggle_mode()>
                {button}
            </button>
        </p>
    }
}

/// The note on day totals (timesheets, today's minutes): they are the member's days, in a zone
/// named with its offset now. Nothing when the member is unknown.
#[component]
pub fn MemberDays(
    /// The member whose days the totals count.
    #[prop(into)]
    member: Signal<Option<u64>>,
) -> impl IntoView {
    let now = js_sys::Date::now();
    move || {
        member.get().map(|id| {
            let z = of_member(id).unwrap_or_else(|| "UTC".to_owned());
            view! { <p class="zone-days muted">{t_args("zone-days-note", &[("zone", zone_label(&z, now).into())])}</p> }
        })
    }
}

/// An instant the API answered (a tracker's start, a submission time) on `user`'s clock with its
/// zone: `09:05 Manila time, UTC+8`; the answer's own clock and offset while the zone is unknown.
pub fn member_clock(iso: &str, user: u64) -> String {
    let Some(stamp) = ZonedStamp::parse(iso) else { return iso.to_owned() };
    let ms = stamp.unix_ms() as f64;
    match of_member(user).and_then(|z| wall_clock(ms, &z).map(|w| (w, z))) {
        Some((w, z)) => format!("{} {}, {}", w.clock, zone_time(&z), w.offset),
        None => format!("{} {}", stamp.clock(), offset_label(stamp.offset_minutes)),
    }
}

/// A stamp as `2026-03-02 09:00 UTC` (the answer's own clock, its offset named).
pub fn stamp_with_offset(iso: &str) -> String {
    match ZonedStamp::parse(iso) {
        Some(s) => format!("{} {} {}", s.date, s.clock(), s.offset_label()),
        None => iso.to_owned(),
    }
}

/// The note under the daily timeline: its times carry the workspace owner's offset (the
/// reference), named from the answer itself.
pub fn timeline_note(rows: &[TimelineRow]) -> impl IntoView {
    let offset = rows.iter().flat_map(|r| &r.entries).find_map(|e| ZonedStamp::parse(&e.start_time)).map(|s| s.offset_label());
    offset.map(|o| view! { <p class="zone-days muted">{t_args("zone-timeline", &[("offset", o.into())])}</p> })
}

const DAY_MS: f64 = 86_400_000.0;

/// Minutes east of UTC of `zone` at instant `ms` (None when the browser does not know the zone).
pub fn offset_minutes_at(ms: f64, zone: &str) -> Option<i32> {
    let minute = (ms / 60_000.0).floor() * 60_000.0;
    let wall = wall_clock(minute, zone)?;
    let date = CivilDate::parse(&wall.date).ok()?;
    // Intl writes midnight as 24:00 in some engines; parse_clock refuses it, so read it as 00:00.
    let clock = if wall.clock.starts_with("24:") { parse_clock(&wall.clock.replacen("24", "00", 1))? } else { parse_clock(&wall.clock)? };
    let local = date.to_days() as f64 * DAY_MS + f64::from(clock) * 60_000.0;
    Some(((local - minute) / 60_000.0).round() as i32)
}

/// The ISO stamp of `date` at `clock` on `user`'s wall clock, with the zone's offset then
/// (`2026-03-02T04:30:00-05:00` for New York): what the time-request form sends, so the member's
/// clock means the same in a request as in a time entry. UTC (`Z`) while the zone is unknown.
pub fn member_stamp(date: &str, clock: &str, user: u64) -> String {
    let (date, clock) = (date.trim(), clock.trim());
    let zone = of_member(user).unwrap_or_else(|| "UTC".to_owned());
    let (Ok(d), Some(c)) = (CivilDate::parse(date), parse_clock(clock)) else { return format!("{date}T{clock}:00Z") };
    // The wall clock read as UTC, moved by the offset there, then by the offset at the result
    // (they differ only next to a daylight-saving change).
    let guess = d.to_days() as f64 * DAY_MS + f64::from(c) * 60_000.0;
    let first = offset_minutes_at(guess, &zone).unwrap_or(0);
    let offset = offset_minutes_at(guess - f64::from(first) * 60_000.0, &zone).unwrap_or(first);
    if offset == 0 {
        return format!("{date}T{clock}:00Z");
    }
    let sign = if offset < 0 { '-' } else { '+' };
    format!("{date}T{clock}:00{sign}{:02}:{:02}", offset.abs() / 60, offset.abs() % 60)
}

/// A span of two stamps as the answer wrote them, its zone named: `2026-03-02 04:30–05:45 UTC-5`
/// (time requests answer on the member's clock); as sent when a stamp does not read.
pub fn span_with_offset(start: &str, end: &str) -> String {
    match (ZonedStamp::parse(start), ZonedStamp::parse(end)) {
        (Some(s), Some(e)) if s.date == e.date => format!("{} {}–{} {}", s.date, s.clock(), e.clock(), s.offset_label()),
        (Some(s), Some(e)) => format!("{} {}–{} {} {}", s.date, s.clock(), e.date, e.clock(), s.offset_label()),
        _ => format!("{start}–{end}"),
    }
}
