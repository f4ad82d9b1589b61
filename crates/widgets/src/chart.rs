//! A small stacked bar chart in SVG (our own; no plotting crate): one bar per label, one
//! coloured segment per series. Colours come from the CSS classes `s1`..`s8`
//! (`--ww-series-1`..`--ww-series-8`). Screen readers get a summary and the numbers as a table.

use leptos::prelude::*;

/// One stacked series: a name and one value per label.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

const W: f64 = 640.0;
const H: f64 = 240.0;
const LEFT: f64 = 36.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 8.0;

/// A "nice" axis top at or above `max`: 1, 2 or 5 times a power of ten.
fn nice_top(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let pow = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0].iter().map(|m| m * pow).find(|t| *t >= max).unwrap_or(10.0 * pow)
}

/// An SVG coordinate.
fn coord(v: f64) -> String {
    format!("{v:.1}")
}

fn fmt1(v: f64) -> String {
    let s = format!("{v:.1}");
    s.strip_suffix(".0").map(str::to_owned).unwrap_or(s)
}

/// The chart. `unit` follows values in tooltips and the table ("h").
#[component]
pub fn StackedBars(labels: Vec<String>, series: Vec<Series>, #[prop(into)] caption: String, unit: &'static str) -> impl IntoView {
    let n = labels.len().max(1);
    let totals: Vec<f64> = (0..labels.len()).map(|i| series.iter().map(|s| s.values.get(i).copied().unwrap_or(0.0)).sum()).collect();
    let top = nice_top(totals.iter().copied().fold(0.0, f64::max));
    let plot_h = H - BOTTOM - TOP;
    let slot = (W - LEFT) / n as f64;
    let bar = (slot * 0.7).min(48.0);
    let y = move |v: f64| TOP + plot_h - v / top * plot_h;
    // Label every bar when they fit, else every k-th.
    let every = (n as f64 / 14.0).ceil().max(1.0) as usize;

    let grid = (0..=4)
        .map(|k| {
            let v = top * k as f64 / 4.0;
            view! {
                <line class="grid" x1=coord(LEFT) x2=coord(W) y1=coord(y(v)) y2=coord(y(v))></line>
                <text class="axis" x=coord(LEFT - 4.0) y=coord(y(v) + 4.0) text-anchor="end">{fmt1(v)}</text>
            }
        })
        .collect_view();
    let bars = labels
        .iter()
        .enumerate()
        .map(|(i, label)| {
            let x = LEFT + slot * i as f64 + (slot - bar) / 2.0;
            let mut acc = 0.0;
            let segments = series
                .iter()
                .enumerate()
                .filter_map(|(k, s)| {
                    let v = s.values.get(i).copied().unwrap_or(0.0);
                    if v <= 0.0 {
                        return None;
                    }
                    let (y0, y1) = (y(acc), y(acc + v));
                    acc += v;
                    let tip = format!("{label}: {}, {} {unit}", s.name, fmt1(v));
                    Some(view! { <rect class=format!("seg s{}", k % 8 + 1) x=coord(x) y=coord(y1) width=coord(bar) height=coord((y0 - y1).max(0.5))><title>{tip}</title></rect> })
                })
                .collect_view();
            let tick = (i % every == 0).then(|| view! { <text class="axis" x=coord(x + bar / 2.0) y=coord(H - 10.0) text-anchor="middle">{label.clone()}</text> });
            view! { <g>{segments}{tick}</g> }
        })
        .collect_view();
    let summary = format!("{caption}: {} {unit} in all.", fmt1(totals.iter().sum()));
    let table_rows = series
        .iter()
        .map(|s| {
            view! {
                <tr><th scope="row">{s.name.clone()}</th>
                {s.values.iter().map(|v| view! { <td>{fmt1(*v)}</td> }).collect_view()}</tr>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary.clone() preserveAspectRatio="xMidYMid meet">
                {grid}
                {bars}
            </svg>
            <table class="visually-hidden">
                <caption>{format!("{caption} ({unit})")}</caption>
                <thead><tr><th scope="col">""</th>{labels.iter().map(|l| view! { <th scope="col">{l.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}
