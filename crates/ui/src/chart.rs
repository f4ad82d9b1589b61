//! Small SVG charts, data-driven and accessible, with a table view of the same numbers.
//!
//! * [`StackedBarChart`] over [`StackedBars`]: one bar per category (a day), its value stacked
//!   by series (a project, a member).
//! * [`TimelineChart`] over [`Timeline`]: one lane per row (a member), spans across the day.
//! * [`CalendarHeatMap`] over [`CalendarHeat`]: a calendar of days (weeks across, Monday to
//!   Sunday down), each day coloured by its level (an attendance status, an activity band).
//!
//! Every chart sits in a [`ChartFrame`]: a heading, a legend, and a "Table view" toggle
//! (`aria-pressed`) that swaps the picture for a `<table>` of the same data. The `<svg>` has
//! `role="img"`, a `<title>` and an `aria-label` that sums it up (its accessible name: the
//! title and the numbers); each bar, span and day has its own `<title>` (a tooltip, and what a
//! screen reader finds when exploring).
//!
//! Colours are CSS custom properties with fallbacks, so a chart works without any stylesheet:
//! series `i` uses `--chart-{i % 8}`, heat level `i` uses `--heat-{i % 8}`, axes and labels
//! `--chart-axis` and `--chart-text`. `crates/ui/assets/chart.css` defines them for light and
//! dark themes and styles the classes used here (`chart`, `chart-head`, `chart-legend`,
//! `chart-swatch`, `chart-svg`, `chart-table`).

use leptos::prelude::*;

use crate::i18n::t_or;
use webwork_core::date::CivilDate;

/// Fallback colours of the eight series (the stylesheet's light palette).
const SERIES_FALLBACK: [&str; 8] = ["#2557d6", "#e07b00", "#2f9e66", "#c0392b", "#8e44ad", "#0e8fa3", "#b7950b", "#6d7a8a"];
/// Fallback colours of the eight heat levels.
const HEAT_FALLBACK: [&str; 8] = ["#3f9f6b", "#e5b84b", "#e07b00", "#9aa5b3", "#c0392b", "#2557d6", "#8e44ad", "#d9dee5"];

/// `fill` for series `i`, via its custom property.
pub fn series_fill(i: usize) -> String {
    format!("fill:var(--chart-{},{})", i % 8, SERIES_FALLBACK[i % 8])
}

/// `fill` for heat level `i`, via its custom property.
pub fn heat_fill(i: usize) -> String {
    format!("fill:var(--heat-{},{})", i % 8, HEAT_FALLBACK[i % 8])
}

/// A number for people, and an SVG coordinate: at most one decimal, none when whole (`3`, `2.5`).
pub use webwork_core::number::one_decimal as format_number;
use webwork_core::number::one_decimal as px;

/// A number a person reads in the chart (axis, tooltips, table, summary): in the host's language
/// when it has a catalog (the panel: `1.129,1` in German), else as [`format_number`] writes it
/// (the widgets, which install none, keep their output).
pub fn shown_number(n: f64) -> String {
    if crate::i18n::has_translator() {
        crate::i18n::decimal(n, 1)
    } else {
        format_number(n)
    }
}

/// A chart's numbers as a table: the same data the picture shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// The most series a stacked picture draws (the palette has eight colours).
pub const MAX_SERIES: usize = 8;

/// The default name of the series that sums the smaller ones past [`MAX_SERIES`].
pub const OTHERS: &str = "Others";

/// Values per category, stacked by series: `series[s].1[c]` is series `s` in category `c`
/// (missing values count as 0).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StackedBars {
    pub categories: Vec<String>,
    pub series: Vec<(String, Vec<f64>)>,
}

impl StackedBars {
    pub fn value(&self, series: usize, category: usize) -> f64 {
        self.series.get(series).and_then(|(_, v)| v.get(category)).copied().unwrap_or(0.0)
    }

    /// The height of each bar.
    pub fn totals(&self) -> Vec<f64> {
        (0..self.categories.len()).map(|c| (0..self.series.len()).map(|s| self.value(s, c)).sum()).collect()
    }

    /// At most [`MAX_SERIES`] series for the picture: past that the largest `MAX_SERIES - 1` (by
    /// their sum over every category, ties in their given order) and one `others` series summing
    /// the rest, so eight colours stay eight distinct colours. The data is returned as it is when
    /// it already fits; the table view keeps every series either way.
    pub fn top_with_others(&self, others: &str) -> StackedBars {
        if self.series.len() <= MAX_SERIES {
            return self.clone();
        }
        let sum = |v: &[f64]| v.iter().filter(|x| x.is_finite()).sum::<f64>();
        let mut order: Vec<usize> = (0..self.series.len()).collect();
        // Stable: equal sums keep their order; NaN-free sums compare totally.
        order.sort_by(|&a, &b| sum(&self.series[b].1).total_cmp(&sum(&self.series[a].1)));
        let keep = MAX_SERIES - 1;
        let mut series: Vec<(String, Vec<f64>)> = order[..keep].iter().map(|&i| self.series[i].clone()).collect();
        let rest: Vec<f64> =
            (0..self.categories.len()).map(|c| order[keep..].iter().map(|&s| self.value(s, c)).filter(|x| x.is_finite()).sum()).collect();
        series.push((others.to_owned(), rest));
        StackedBars { categories: self.categories.clone(), series }
    }

    /// One row per category, one column per series and a total.
    pub fn table(&self, category_header: &str, unit: &str) -> ChartTable {
        let mut headers = vec![label_text(category_header)];
        headers.extend(self.series.iter().map(|(name, _)| format!("{name} ({unit})")));
        headers.push(t_or("chart-total", &[("unit", unit.into())], || format!("Total ({unit})")));
        let totals = self.totals();
        let rows = self
            .categories
            .iter()
            .enumerate()
            .map(|(c, cat)| {
                let mut row = vec![cat.clone()];
                row.extend((0..self.series.len()).map(|s| shown_number(self.value(s, c))));
                row.push(shown_number(totals[c]));
                row
            })
            .collect();
        ChartTable { headers, rows }
    }
}

/// A step for about five ticks up to `max`: 1, 2 or 5 times a power of ten.
pub fn nice_step(max: f64) -> f64 {
    if !max.is_finite() || max <= 0.0 {
        return 1.0;
    }
    let raw = max / 5.0;
    // A power of ten by steps, not `powf`/`log10`, which would link libm into the bundles.
    let mut pow = 1.0;
    while pow * 10.0 <= raw {
        pow *= 10.0;
    }
    while pow > raw {
        pow /= 10.0;
    }
    let m = raw / pow;
    let nice = if m <= 1.0 {
        1.0
    } else if m <= 2.0 {
        2.0
    } else if m <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * pow
}

/// The frame every chart shares: heading, legend, the table toggle, and either the picture or
/// the table. `legend` is a list of (name, fill style).
#[component]
pub fn ChartFrame(
    #[prop(into)] title: String,
    legend: Vec<(String, String)>,
    table: ChartTable,
    /// The picture (an `<svg>`), shown while the table view is off.
    picture: AnyView,
) -> impl IntoView {
    let show_table = RwSignal::new(false);
    let table_caption = title.clone();
    let table = StoredValue::new(table);
    view! {
        <section class="chart">
            <div class="chart-head">
                <h3>{title}</h3>
                <button type="button" class="btn ghost chart-toggle"
                    aria-pressed=move || show_table.get().to_string()
                    on:click=move |_| show_table.update(|t| *t = !*t)>{t_or("chart-table-view", &[], || "Table view".to_owned())}</button>
            </div>
            {(!legend.is_empty()).then(|| view! {
                <ul class="chart-legend" aria-label=t_or("chart-legend", &[], || "Legend".to_owned())>
                    {legend.into_iter().map(|(name, fill)| view! {
                        <li><svg class="chart-swatch" width="12" height="12" aria-hidden="true">
                            <rect width="12" height="12" rx="2" style=fill/></svg>{name}</li>
                    }).collect_view()}
                </ul>
            })}
            <div class="chart-body" hidden=move || show_table.get()>
                {picture}
            </div>
            {move || show_table.get().then(|| table.with_value(|t| chart_table(&table_caption, t)))}
        </section>
    }
}

fn chart_table(caption: &str, t: &ChartTable) -> AnyView {
    view! {
        <div class="table-wrap">
            <table class="data-table chart-table">
                <caption>{caption.to_owned()}</caption>
                <thead><tr>{t.headers.iter().enumerate().map(|(i, h)| view! {
                    <th scope="col" class=if i == 0 { "" } else { "num" }>{h.clone()}</th>
                }).collect_view()}</tr></thead>
                <tbody>{t.rows.iter().map(|row| view! {
                    <tr>{row.iter().enumerate().map(|(i, cell)| if i == 0 {
                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                    } else {
                        view! { <td class="num">{cell.clone()}</td> }.into_any()
                    }).collect_view()}</tr>
                }).collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// The `<svg role="img">` with its `<title>`: `label` (starting with the title) is the summary
/// a screen reader hears. It fills the width it is given, but grows to at most one and a half
/// times its drawn size: a week's calendar (a few cells wide) would otherwise fill the screen
/// with cells and labels a hand high.
fn svg_img(width: f64, height: f64, title: &str, label: String, body: AnyView) -> AnyView {
    view! {
        <svg class="chart-svg" role="img" viewBox=format!("0 0 {} {}", px(width), px(height)) width="100%"
            style=format!("max-width:{}px", px(width * 1.5))
            aria-label=label preserveAspectRatio="xMinYMin meet">
            <title>{title.to_owned()}</title>
            {body}
        </svg>
    }
    .into_any()
}

const AXIS: &str = "stroke:var(--chart-axis,#9aa5b3)";
const LABEL: &str = "fill:var(--chart-text,#5b6572);font-size:11px";

/// Hours (or any unit) per category stacked by series, with a y axis and a table view.
#[component]
pub fn StackedBarChart(
    #[prop(into)] title: String,
    data: StackedBars,
    /// The unit of the values, shown on the axis and in labels (`h`).
    #[prop(into, default = "h".to_owned())]
    unit: String,
    /// The table's first header (`Day`): text in the reader's language (the panel passes its
    /// catalog's), or a message id.
    #[prop(into, default = "Day".to_owned())]
    category_header: String,
    /// The name of the series that sums the smaller ones when there are more than eight.
    #[prop(into, default = OTHERS.to_owned())]
    others_label: String,
) -> impl IntoView {
    // The picture and its legend: the top seven and "Others"; the table: every series.
    let table = data.table(&category_header, &unit);
    let drawn = data.top_with_others(&others_label);
    let legend = drawn.series.iter().enumerate().map(|(i, (name, _))| (name.clone(), series_fill(i))).collect();
    let picture = stacked_svg(&title, &drawn, &unit);
    view! { <ChartFrame title legend table picture/> }
}

fn stacked_svg(title: &str, data: &StackedBars, unit: &str) -> AnyView {
    let (width, height, left, bottom, top) = (640.0, 240.0, 44.0, 36.0, 10.0);
    let n = data.categories.len().max(1);
    let totals = data.totals();
    let max = totals.iter().copied().fold(0.0, f64::max);
    let step = nice_step(max);
    let top_value = (max / step).ceil().max(1.0) * step;
    let plot_h = height - bottom - top;
    let slot = (width - left - 8.0) / n as f64;
    let bar_w = (slot * 0.7).max(1.0);
    let y = move |v: f64| top + plot_h - v / top_value * plot_h;
    // Label every k-th category so the labels never overlap (about 50 px each).
    let every = ((50.0 / slot).ceil() as usize).max(1);

    let mut ticks = Vec::new();
    let mut t = 0.0;
    while t <= top_value + step / 2.0 {
        ticks.push(t);
        t += step;
    }
    let grid = ticks
        .into_iter()
        .map(|t| {
            view! {
                <line x1=px(left) x2=px(width - 4.0) y1=px(y(t)) y2=px(y(t)) style=AXIS stroke-opacity="0.35"/>
                <text x=px(left - 6.0) y=px(y(t) + 4.0) text-anchor="end" style=LABEL>{format!("{} {unit}", shown_number(t))}</text>
            }
        })
        .collect_view();
    let bars = data
        .categories
        .iter()
        .enumerate()
        .map(|(c, cat)| {
            let x = left + slot * c as f64 + (slot - bar_w) / 2.0;
            let mut base = 0.0;
            let rects = (0..data.series.len())
                .filter_map(|s| {
                    let v = data.value(s, c);
                    if v <= 0.0 {
                        return None;
                    }
                    let (y0, y1) = (y(base), y(base + v));
                    base += v;
                    let tip = format!("{cat} · {}: {} {unit}", data.series[s].0, shown_number(v));
                    Some(view! {
                        <rect x=px(x) y=px(y1) width=px(bar_w) height=px((y0 - y1).max(0.5)) style=series_fill(s)>
                            <title>{tip}</title>
                        </rect>
                    })
                })
                .collect_view();
            let label = (c % every == 0).then(|| {
                view! { <text x=px(x + bar_w / 2.0) y=px(height - bottom + 16.0) text-anchor="middle" style=LABEL>{cat.clone()}</text> }
            });
            view! { <g class="chart-bar">{rects}{label}</g> }
        })
        .collect_view();
    let total: f64 = totals.iter().sum();
    let english = || {
        format!(
            "{title}: {} categories, {} series, {} {unit} in total, at most {} {unit} in one",
            data.categories.len(),
            data.series.len(),
            format_number(total),
            format_number(max)
        )
    };
    let args = [
        ("title", title.into()),
        ("categories", data.categories.len().into()),
        ("series", data.series.len().into()),
        ("total", shown_number(total).into()),
        ("max", shown_number(max).into()),
        ("unit", unit.into()),
    ];
    let label = t_or("chart-bars-summary", &args, english);
    let body = view! {
        {grid}
        <line x1=px(left) x2=px(left) y1=px(top) y2=px(top + plot_h) style=AXIS/>
        {bars}
    }
    .into_any();
    svg_img(width, height, title, label, body)
}

/// One span of a lane, in hours since midnight (`9.5` = 09:30); `series` picks its colour and
/// legend entry, `label` is its tooltip.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineSpan {
    pub start: f64,
    pub end: f64,
    pub series: usize,
    pub label: String,
}

/// One lane (a member's day).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineLane {
    pub label: String,
    pub spans: Vec<TimelineSpan>,
}

/// Lanes of spans across a day; `series` names the colours the spans use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Timeline {
    pub lanes: Vec<TimelineLane>,
    pub series: Vec<String>,
}

/// `9.5` as `09:30`.
pub fn format_hour(h: f64) -> String {
    let minutes = (h * 60.0).round().clamp(0.0, 24.0 * 60.0) as u32;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

impl Timeline {
    /// The whole hours the axis spans: from the earliest start to the latest end (at least
    /// 8:00–18:00 wide, within 0–24).
    pub fn hour_range(&self) -> (f64, f64) {
        let spans = self.lanes.iter().flat_map(|l| &l.spans);
        let lo = spans.clone().map(|s| s.start).fold(f64::INFINITY, f64::min);
        let hi = spans.map(|s| s.end).fold(f64::NEG_INFINITY, f64::max);
        let lo = if lo.is_finite() { lo.floor().clamp(0.0, 8.0) } else { 8.0 };
        let hi = if hi.is_finite() { hi.ceil().clamp(18.0, 24.0) } else { 18.0 };
        (lo, hi)
    }

    /// One row per span: lane, start, end, hours and what it was.
    pub fn table(&self, lane_header: &str) -> ChartTable {
        let headers = vec![
            label_text(lane_header),
            t_or("chart-start", &[], || "Start".to_owned()),
            t_or("chart-end", &[], || "End".to_owned()),
            t_or("chart-hours", &[], || "Hours".to_owned()),
            t_or("chart-what", &[], || "What".to_owned()),
        ];
        let rows = self
            .lanes
            .iter()
            .flat_map(|lane| {
                lane.spans.iter().map(move |s| {
                    vec![lane.label.clone(), format_hour(s.start), format_hour(s.end), shown_number(s.end - s.start), s.label.clone()]
                })
            })
            .collect();
        ChartTable { headers, rows }
    }
}

/// A horizontal bar per lane across the day, with an hour axis.
#[component]
pub fn TimelineChart(
    #[prop(into)] title: String,
    data: Timeline,
    /// The table's first header: text in the reader's language, or a message id.
    #[prop(into, default = "Member".to_owned())]
    lane_header: String,
) -> impl IntoView {
    let legend = data.series.iter().enumerate().map(|(i, name)| (name.clone(), series_fill(i))).collect();
    let table = data.table(&lane_header);
    let picture = timeline_svg(&title, &data);
    view! { <ChartFrame title legend table picture/> }
}

fn timeline_svg(title: &str, data: &Timeline) -> AnyView {
    let (width, left, lane_h, top) = (640.0, 130.0, 26.0, 20.0);
    let height = top + lane_h * data.lanes.len().max(1) as f64 + 8.0;
    let (lo, hi) = data.hour_range();
    let scale = (width - left - 10.0) / (hi - lo);
    // max/min, not clamp: clamp's check of its bounds formats them, linking the float printer.
    let x = move |h: f64| left + (h.max(lo).min(hi) - lo) * scale;
    let every = if hi - lo > 12.0 { 2 } else { 1 };
    let hours = (lo as u32..=hi as u32)
        .step_by(every)
        .map(|h| {
            let hx = x(f64::from(h));
            view! {
                <line x1=px(hx) x2=px(hx) y1=px(top - 4.0) y2=px(height - 8.0) style=AXIS stroke-opacity="0.3"/>
                <text x=px(hx) y=px(top - 8.0) text-anchor="middle" style=LABEL>{format!("{h:02}")}</text>
            }
        })
        .collect_view();
    let lanes = data
        .lanes
        .iter()
        .enumerate()
        .map(|(i, lane)| {
            let ly = top + lane_h * i as f64;
            let spans = lane
                .spans
                .iter()
                .map(|s| {
                    let tip = format!("{}: {}–{} {}", lane.label, format_hour(s.start), format_hour(s.end), s.label);
                    view! {
                        <rect x=px(x(s.start)) y=px(ly + 4.0) width=px((x(s.end) - x(s.start)).max(1.0)) height=px(lane_h - 8.0)
                            rx="2" style=series_fill(s.series)><title>{tip}</title></rect>
                    }
                })
                .collect_view();
            view! {
                <g class="chart-lane">
                    <text x=px(left - 8.0) y=px(ly + lane_h / 2.0 + 4.0) text-anchor="end" style=LABEL>{truncate(&lane.label, 18)}</text>
                    {spans}
                </g>
            }
        })
        .collect_view();
    let tracked: f64 = data.lanes.iter().flat_map(|l| &l.spans).map(|s| s.end - s.start).sum();
    let args = [
        ("title", title.into()),
        ("lanes", data.lanes.len().into()),
        ("from", format_hour(lo).into()),
        ("to", format_hour(hi).into()),
        ("hours", shown_number(tracked).into()),
    ];
    let label = t_or("chart-timeline-summary", &args, || {
        format!("{title}: {} lanes from {} to {}, {} h tracked", data.lanes.len(), format_hour(lo), format_hour(hi), format_number(tracked))
    });
    svg_img(width, height, title, label, view! { {hours}{lanes} }.into_any())
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}

/// A table header or lane title given by the caller: a message id (the panel), or text as is
/// when no catalog has it (the widgets).
fn label_text(label: &str) -> String {
    t_or(label, &[], || label.to_owned())
}

/// A day a person reads in the heat map: in the host's language when it has a catalog, else ISO
/// (`2026-03-04`, the widgets).
pub fn shown_date(d: CivilDate) -> String {
    if crate::i18n::has_translator() {
        crate::i18n::medium_date(d.year, d.month, d.day)
    } else {
        d.to_string()
    }
}

/// One day of a heat map: its level (an index into [`CalendarHeat::levels`], `None` = no
/// data) and a detail for its tooltip and the table.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatDay {
    pub date: CivilDate,
    pub level: Option<usize>,
    pub detail: String,
}

/// Days coloured by level; `levels` names them (the legend).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CalendarHeat {
    pub levels: Vec<String>,
    pub days: Vec<HeatDay>,
}

impl CalendarHeat {
    pub fn level_name(&self, level: Option<usize>) -> String {
        level.and_then(|l| self.levels.get(l)).cloned().unwrap_or_else(|| t_or("chart-no-data", &[], || "No data".to_owned()))
    }

    /// One row per day: date, level and detail.
    pub fn table(&self) -> ChartTable {
        let headers = vec![
            t_or("chart-date", &[], || "Date".to_owned()),
            t_or("chart-status", &[], || "Status".to_owned()),
            t_or("chart-detail", &[], || "Detail".to_owned()),
        ];
        let rows = self.days.iter().map(|d| vec![shown_date(d.date), self.level_name(d.level), d.detail.clone()]).collect();
        ChartTable { headers, rows }
    }
}

/// A calendar of days: one column per week (Monday first), a square per day in its colour.
#[component]
pub fn CalendarHeatMap(#[prop(into)] title: String, data: CalendarHeat) -> impl IntoView {
    let legend = data.levels.iter().enumerate().map(|(i, name)| (name.clone(), heat_fill(i))).collect();
    let table = data.table();
    let picture = heat_svg(&title, &data);
    view! { <ChartFrame title legend table picture/> }
}

fn heat_svg(title: &str, data: &CalendarHeat) -> AnyView {
    let (cell, gap, left, top) = (16.0, 3.0, 34.0, 18.0);
    let first = data.days.iter().map(|d| d.date).min();
    let week_of = |d: CivilDate| first.map_or(0, |f| f.week_start().days_until(d.week_start()) / 7) as f64;
    let weeks = data.days.iter().map(|d| week_of(d.date) as usize + 1).max().unwrap_or(1);
    let width = left + weeks as f64 * (cell + gap) + 4.0;
    let height = top + 7.0 * (cell + gap) + 4.0;
    // 2024-01-01 was a Monday: its week names the rows in the reader's language.
    let rows = (0..7)
        .map(|i| {
            let w = crate::i18n::short_date_part(2024, 1, 1 + i, "weekday");
            view! { <text x=px(left - 6.0) y=px(top + f64::from(i) * (cell + gap) + cell - 4.0) text-anchor="end" style=LABEL>{w}</text> }
        })
        .collect_view();
    // A month label above the first week that starts in it.
    let mut last_month = 0;
    let months = data
        .days
        .iter()
        .filter(|d| d.date.day <= 7 && d.date.weekday() == 0 || Some(d.date) == first)
        .filter(|d| std::mem::replace(&mut last_month, d.date.month) != d.date.month)
        .map(|d| {
            let name = crate::i18n::short_date_part(2024, d.date.month, 1, "month");
            view! { <text x=px(left + week_of(d.date) * (cell + gap)) y="11" style=LABEL>{name}</text> }
        })
        .collect_view();
    let cells = data
        .days
        .iter()
        .map(|d| {
            let style = d.level.map_or_else(|| "fill:var(--heat-empty,#eef1f5)".to_owned(), heat_fill);
            let tip = if d.detail.is_empty() {
                format!("{}: {}", shown_date(d.date), data.level_name(d.level))
            } else {
                format!("{}: {} ({})", shown_date(d.date), data.level_name(d.level), d.detail)
            };
            view! {
                <rect x=px(left + week_of(d.date) * (cell + gap)) y=px(top + f64::from(d.date.weekday()) * (cell + gap))
                    width=px(cell) height=px(cell) rx="3" style=style><title>{tip}</title></rect>
            }
        })
        .collect_view();
    let mut counts = vec![0usize; data.levels.len()];
    for d in &data.days {
        if let Some(c) = d.level.and_then(|l| counts.get_mut(l)) {
            *c += 1;
        }
    }
    let summary =
        data.levels.iter().zip(&counts).filter(|(_, &c)| c > 0).map(|(name, c)| format!("{name} {c}")).collect::<Vec<_>>().join(", ");
    let label = t_or(
        "chart-heat-summary",
        &[("title", title.into()), ("days", data.days.len().into()), ("summary", summary.clone().into())],
        || format!("{title}: {} days. {summary}", data.days.len()),
    );
    svg_img(width, height, title, label, view! { {months}{rows}{cells} }.into_any())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stacked_totals_and_table() {
        let data = StackedBars {
            categories: vec!["Mon".into(), "Tue".into()],
            series: vec![("A".into(), vec![1.5, 2.0]), ("B".into(), vec![0.25])],
        };
        assert_eq!(data.totals(), vec![1.75, 2.0]);
        let t = data.table("Day", "h");
        assert_eq!(t.headers, vec!["Day", "A (h)", "B (h)", "Total (h)"]);
        assert_eq!(t.rows[0], vec!["Mon", "1.5", "0.3", "1.8"]);
        assert_eq!(t.rows[1], vec!["Tue", "2", "0", "2"]);
    }

    fn bars(n: usize) -> StackedBars {
        // Series i has i + 1 hours on Monday and 1 on Tuesday: the last ones are the largest.
        StackedBars {
            categories: vec!["Mon".into(), "Tue".into()],
            series: (0..n).map(|i| (format!("M{i}"), vec![(i + 1) as f64, 1.0])).collect(),
        }
    }

    #[test]
    fn eight_series_or_fewer_stay_as_they_are() {
        for n in [0, 1, 8] {
            assert_eq!(bars(n).top_with_others(OTHERS), bars(n));
        }
    }

    #[test]
    fn past_eight_the_top_seven_and_others_keep_every_total() {
        let data = bars(40);
        let top = data.top_with_others("Others");
        assert_eq!(top.series.len(), 8);
        let names: Vec<&str> = top.series.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["M39", "M38", "M37", "M36", "M35", "M34", "M33", "Others"]);
        // Others: members 0..=32 -> Monday 1 + .. + 33, Tuesday 33 x 1.
        assert_eq!(top.series[7].1, vec![(1..=33).sum::<usize>() as f64, 33.0]);
        // Every bar is as tall as before; the table still has every member.
        assert_eq!(top.totals(), data.totals());
        assert_eq!(data.table("Day", "h").headers.len(), 40 + 2);
        // Nine series: the smallest two become Others; a NaN counts as nothing.
        let mut nine = bars(9);
        nine.series[8].1[0] = f64::NAN;
        let top = nine.top_with_others("Rest");
        assert_eq!(top.series.len(), 8);
        assert_eq!(top.series[7].0, "Rest");
        // M0 (2 h) and M8 (1 h once its NaN is left out) are the smallest two.
        assert_eq!(top.series[7].1, vec![1.0, 2.0]);
    }

    #[test]
    fn steps_and_hours() {
        assert_eq!(nice_step(0.0), 1.0);
        assert_eq!(nice_step(9.0), 2.0);
        assert_eq!(nice_step(23.0), 5.0);
        assert_eq!(nice_step(4.0), 1.0);
        assert_eq!(format_hour(9.5), "09:30");
        assert_eq!(format_hour(23.999), "24:00");
        let t = Timeline {
            lanes: vec![TimelineLane {
                label: "Ada".into(),
                spans: vec![TimelineSpan { start: 6.25, end: 19.5, series: 0, label: "X".into() }],
            }],
            series: vec!["X".into()],
        };
        assert_eq!(t.hour_range(), (6.0, 20.0));
        assert_eq!(Timeline::default().hour_range(), (8.0, 18.0));
        assert_eq!(t.table("Member").rows[0], vec!["Ada", "06:15", "19:30", "13.3", "X"]);
    }

    #[test]
    fn heat_levels() {
        let d = CivilDate::parse("2026-03-04").unwrap();
        let heat = CalendarHeat {
            levels: vec!["Present".into()],
            days: vec![
                HeatDay { date: d, level: Some(0), detail: "8 h".into() },
                HeatDay { date: d.add_days(1), level: None, detail: String::new() },
            ],
        };
        assert_eq!(heat.table().rows, vec![vec!["2026-03-04", "Present", "8 h"], vec!["2026-03-05", "No data", ""]]);
    }
}
