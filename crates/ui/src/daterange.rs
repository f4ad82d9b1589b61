//! A date-range picker: presets (this week, last week, this month, last month, custom) and two
//! date inputs, with the range's length and a refusal when it cannot be asked for.
//!
//! Keyboard: the presets are one radio group with one tab stop; Left/Right (and Up/Down) move
//! to the previous/next preset and choose it, Home/End the first/last. In the group and in the
//! date inputs, `[` and `]` step the range back and forward by its own length (a week, a month).
//! The date inputs are native `type="date"` inputs (their own keyboard), labelled Start and End.
//!
//! The picker holds no state of its own: the range comes in as `range` and goes out through
//! `on_change` (pages keep it in the URL).

use leptos::prelude::*;

use crate::i18n::{msg_id, t, t_args, t_or};
use wasm_bindgen::JsCast;
use webwork_core::date::CivilDate;

/// The presets, in the order they are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    ThisWeek,
    LastWeek,
    ThisMonth,
    LastMonth,
    Custom,
}

impl Preset {
    pub const ALL: [Preset; 5] = [Preset::ThisWeek, Preset::LastWeek, Preset::ThisMonth, Preset::LastMonth, Preset::Custom];

    pub fn label(self) -> String {
        t(match self {
            Preset::ThisWeek => msg_id("range-this-week"),
            Preset::LastWeek => msg_id("range-last-week"),
            Preset::ThisMonth => msg_id("range-this-month"),
            Preset::LastMonth => msg_id("range-last-month"),
            Preset::Custom => msg_id("range-custom"),
        })
    }

    /// The preset's range on `today` (weeks run Monday to Sunday); `None` for Custom.
    pub fn range(self, today: CivilDate) -> Option<(CivilDate, CivilDate)> {
        let week = today.week_start();
        match self {
            Preset::ThisWeek => Some((week, week.add_days(6))),
            Preset::LastWeek => Some((week.add_days(-7), week.add_days(-1))),
            Preset::ThisMonth => Some((today.month_start(), today.month_end())),
            Preset::LastMonth => {
                let last = today.month_start().add_days(-1);
                Some((last.month_start(), last))
            }
            Preset::Custom => None,
        }
    }

    /// Which preset a range is (Custom when none matches).
    pub fn of(range: (CivilDate, CivilDate), today: CivilDate) -> Preset {
        Preset::ALL.into_iter().find(|p| p.range(today) == Some(range)).unwrap_or(Preset::Custom)
    }
}

/// Today in the browser's time zone.
pub fn today() -> CivilDate {
    let d = js_sys::Date::new_0();
    CivilDate::new(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
        .unwrap_or_else(|| CivilDate::from_unix_ms(js_sys::Date::now()))
}

/// The range moved by `steps` of its own length: whole months stay whole months, anything
/// else moves by its number of days.
pub fn shift(range: (CivilDate, CivilDate), steps: i64) -> (CivilDate, CivilDate) {
    let (start, end) = range;
    if start.day == 1 && end == start.month_end() {
        let mut m = start;
        for _ in 0..steps.unsigned_abs() {
            m = if steps > 0 { m.month_end().add_days(1) } else { m.add_days(-1).month_start() };
        }
        return (m, m.month_end());
    }
    let len = start.days_until(end) + 1;
    (start.add_days(len * steps), end.add_days(len * steps))
}

/// What is wrong with a range, for a message under the picker: the end before the start, or
/// more than `max_days` days.
pub fn range_problem(range: (CivilDate, CivilDate), max_days: Option<i64>) -> Option<String> {
    let (start, end) = range;
    if end < start {
        return Some(t_or("range-end-before-start", &[("start", start.to_string().into()), ("end", end.to_string().into())], || {
            format!("The end date ({end}) is before the start date ({start}).")
        }));
    }
    let days = start.days_until(end) + 1;
    match max_days {
        Some(max) if days > max => Some(t_or("range-too-long", &[("max", max.into()), ("days", days.into())], || {
            format!("This report covers at most {max} days; the range has {days}. Choose a shorter range.")
        })),
        _ => None,
    }
}

/// The picker. `max_days`: longer ranges are refused here with a message (and not passed on);
/// `note` is shown under it (e.g. how a long range is split).
#[component]
pub fn DateRangePicker(
    #[prop(into)] range: Signal<(CivilDate, CivilDate)>,
    on_change: Callback<(CivilDate, CivilDate)>,
    #[prop(optional)] max_days: Option<i64>,
    #[prop(optional, into)] note: Option<Signal<String>>,
    /// What "today" is (tests and the demo pass a fixed date); the browser's date by default.
    #[prop(optional)]
    today_is: Option<CivilDate>,
) -> impl IntoView {
    let today = today_is.unwrap_or_else(today);
    // A custom range being typed may be refused; keep it here so the inputs show it.
    let draft = RwSignal::new(None::<(CivilDate, CivilDate)>);
    let shown = move || draft.get().unwrap_or_else(|| range.get());
    let problem = move || draft.get().and_then(|r| range_problem(r, max_days));
    let choose = move |r: (CivilDate, CivilDate)| {
        if range_problem(r, max_days).is_some() {
            draft.set(Some(r));
        } else {
            draft.set(None);
            on_change.run(r);
        }
    };
    let current = move || Preset::of(shown(), today);
    let group: NodeRef<leptos::html::Div> = NodeRef::new();
    let focus_preset = move |i: usize| {
        if let Some(el) = group.get_untracked().and_then(|g| g.children().item(i as u32)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    };
    let pick = move |p: Preset| match p.range(today) {
        Some(r) => choose(r),
        // Custom keeps the range and moves the focus to the Start input.
        None => draft.set(Some(shown())),
    };
    let step_keys = move |ev: &leptos::ev::KeyboardEvent| -> bool {
        let steps = match ev.key().as_str() {
            "[" => -1,
            "]" => 1,
            _ => return false,
        };
        ev.prevent_default();
        choose(shift(shown(), steps));
        true
    };
    let on_group_key = move |ev: leptos::ev::KeyboardEvent| {
        if step_keys(&ev) {
            return;
        }
        let n = Preset::ALL.len();
        let at = Preset::ALL.iter().position(|p| *p == current()).unwrap_or(0);
        let next = match ev.key().as_str() {
            "ArrowRight" | "ArrowDown" => (at + 1) % n,
            "ArrowLeft" | "ArrowUp" => (at + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        pick(Preset::ALL[next]);
        focus_preset(next);
    };
    let set_side = move |start_side: bool, value: String| {
        let Ok(d) = CivilDate::parse(&value) else { return };
        let (s, e) = shown();
        choose(if start_side { (d, e) } else { (s, d) });
    };
    let days = move || {
        let (s, e) = shown();
        t_args("range-days", &[("days", (s.days_until(e) + 1).into())])
    };
    view! {
        <div class="date-range">
            <div class="presets" role="radiogroup" aria-label=t("range-label") node_ref=group on:keydown=on_group_key>
                {Preset::ALL.into_iter().map(|p| {
                    let checked = move || current() == p;
                    view! {
                        <button type="button" role="radio" class="btn small preset"
                            aria-checked=move || checked().to_string()
                            tabindex=move || if checked() { "0" } else { "-1" }
                            on:click=move |_| pick(p)>{p.label()}</button>
                    }
                }).collect_view()}
            </div>
            <button type="button" class="btn small ghost" aria-label=t("range-previous") title=t("range-previous-key")
                on:click=move |_| choose(shift(shown(), -1))>"‹"</button>
            <label class="date-side">{t("range-start")} " "
                <input type="date" prop:value=move || shown().0.to_string() aria-invalid=move || problem().is_some().to_string()
                    on:keydown=move |ev| { step_keys(&ev); }
                    on:change=move |ev| set_side(true, event_target_value(&ev))/>
            </label>
            <label class="date-side">{t("range-end")} " "
                <input type="date" prop:value=move || shown().1.to_string() aria-invalid=move || problem().is_some().to_string()
                    on:keydown=move |ev| { step_keys(&ev); }
                    on:change=move |ev| set_side(false, event_target_value(&ev))/>
            </label>
            <button type="button" class="btn small ghost" aria-label=t("range-next") title=t("range-next-key")
                on:click=move |_| choose(shift(shown(), 1))>"›"</button>
            <span class="muted range-days">{days}</span>
            <p class="field-error" role="status" aria-live="polite">{problem}</p>
            {note.map(|n| view! { <p class="hint">{move || n.get()}</p> })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> CivilDate {
        CivilDate::parse(s).unwrap()
    }

    #[test]
    fn presets_on_the_demo_day() {
        let today = d("2026-03-04"); // a Wednesday
        assert_eq!(Preset::ThisWeek.range(today), Some((d("2026-03-02"), d("2026-03-08"))));
        assert_eq!(Preset::LastWeek.range(today), Some((d("2026-02-23"), d("2026-03-01"))));
        assert_eq!(Preset::ThisMonth.range(today), Some((d("2026-03-01"), d("2026-03-31"))));
        assert_eq!(Preset::LastMonth.range(today), Some((d("2026-02-01"), d("2026-02-28"))));
        assert_eq!(Preset::of((d("2026-02-23"), d("2026-03-01")), today), Preset::LastWeek);
        assert_eq!(Preset::of((d("2026-02-23"), d("2026-03-02")), today), Preset::Custom);
    }

    #[test]
    fn shifting_and_problems() {
        assert_eq!(shift((d("2026-03-02"), d("2026-03-08")), -1), (d("2026-02-23"), d("2026-03-01")));
        assert_eq!(shift((d("2026-01-01"), d("2026-01-31")), 1), (d("2026-02-01"), d("2026-02-28")));
        assert_eq!(shift((d("2026-03-01"), d("2026-03-31")), -2), (d("2026-01-01"), d("2026-01-31")));
        assert!(range_problem((d("2026-03-04"), d("2026-03-03")), None).unwrap().contains("before"));
        assert!(range_problem((d("2026-01-01"), d("2026-02-01")), Some(31)).unwrap().contains("at most 31 days; the range has 32"));
        assert_eq!(range_problem((d("2026-01-01"), d("2026-01-31")), Some(31)), None);
    }
}
