//! `<webwork-hours-chart>`: tracked hours per day over `range`, stacked by member or by project
//! (`group-by`), from `GET /reports/tracked-hours`; a legend with each one's total.

use leptos::prelude::*;
use webwork_core::models::json::FromJson;
use webwork_core::models::TrackedHoursReport;
use webwork_core::ops::{GetTrackedHoursReport, ListProjects, Operation};
use webwork_ui::{StackedBarChart, StackedBars};

use crate::answers;
use crate::format;
use crate::frame::{bad_value, heading, loader, Attrs, Common, Fetch, Frame};
use crate::lang::{self, t, t_args};
use crate::read;
use crate::shared::{self, Named};

#[derive(Clone, Copy, PartialEq)]
enum GroupBy {
    Member,
    Project,
}

#[derive(Clone)]
struct Chart {
    bars: StackedBars,
    /// (name, minutes) per series, largest first, as the legend shows them.
    totals: Vec<(String, i64)>,
    total_minutes: i64,
    caption: String,
}

fn group_by(v: Option<String>) -> Result<GroupBy, String> {
    match v.as_deref() {
        None | Some("member") => Ok(GroupBy::Member),
        Some("project") => Ok(GroupBy::Project),
        Some(other) => Err(bad_value("group-by", &t("widget-what-group-by"), other)),
    }
}

pub fn view(attrs: Attrs) -> AnyView {
    let common = Common::new(attrs);
    let (range, group) = (attrs.memo("range"), attrs.memo("group-by"));
    let data = loader(move || {
        let at = common.target()?;
        let (from, to) = format::parse_range(range.get().as_deref(), format::today())?;
        let by = group_by(group.get())?;
        Ok(Box::pin(async move {
            let report =
                shared::data(at.base.clone(), GetTrackedHoursReport::new(at.workspace).start_date(from).end_date(to).to_request()).await?;
            // The core's reader decides whether this is a report: the per-date breakdown under
            // `data.dates` or directly in `data`, and an answer with neither is a decode error,
            // never an empty chart. The sums are the widgets' own (saturating, O(1) per row).
            TrackedHoursReport::from_json(report.clone()).map_err(|e| e.into_decode("data"))?;
            let days = (from.days_until(to) + 1) as usize;
            // (group id, minutes per day), in order of first appearance.
            let per = answers::minutes_per_group_and_day(&report, from, days, by == GroupBy::Project);
            let names: Vec<(u64, String)> = match by {
                GroupBy::Member => shared::members(at.base, at.workspace).await?.iter().map(|m| (m.id, m.name.clone())).collect(),
                GroupBy::Project => shared::list(at.base, ListProjects::new(at.workspace))
                    .await?
                    .iter()
                    .filter_map(|p| Some((read::id(p, "id")?, read::text(p, "name").unwrap_or_default())))
                    .collect(),
            };
            let name = |id: Option<u64>| match (by, id) {
                (GroupBy::Project, None) => t("name-no-project"),
                (GroupBy::Member, id) => shared::name_of_pairs(&names, id, Named::Member),
                (GroupBy::Project, id) => shared::name_of_pairs(&names, id, Named::Project),
            };
            let mut groups: Vec<(String, Vec<i64>)> = per.into_iter().map(|(id, v)| (name(id), v)).collect();
            format::order_by(&mut groups, |(_, v)| std::cmp::Reverse(answers::sum(v)));
            let totals = groups.iter().map(|(n, v)| (n.clone(), answers::sum(v))).collect();
            let series = groups.into_iter().map(|(name, v)| (name, v.into_iter().map(|m| m as f64 / 60.0).collect())).collect();
            let categories = (0..days).map(|i| format::short_date(from.add_days(i as i64))).collect();
            let caption = t_args("hours-caption", &[("from", format::day_label(from).into()), ("to", format::day_label(to).into())]);
            let total_minutes = answers::report_total_minutes(&report);
            Ok(Chart { bars: StackedBars { categories, series }, totals, total_minutes, caption })
        }) as Fetch<Chart>)
    });
    let body = move || {
        let Some(c) = data.get() else { return ().into_any() };
        // The chart (webwork-ui) formats its numbers in `locale()`: this widget's language now.
        webwork_ui::i18n::set_locale(lang::current());
        let in_hours = |minutes: i64| t_args("hours-value", &[("hours", format::hours(minutes).into())]);
        view! {
            <p class="summary">{t_args("hours-summary", &[("hours", format::hours(c.total_minutes).into())])}</p>
            <StackedBarChart title=c.caption data=c.bars unit=t("hours-unit") category_header=t("hours-day") others_label=t("hours-others")/>
            <ul class="totals" aria-label=t("hours-totals")>
                {c.totals.into_iter().map(|(name, minutes)| view! {
                    <li><span class="total-name">{name}</span>
                        <span class="total-value" data-minutes=minutes>{in_hours(minutes)}</span></li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    let empty = Signal::derive(move || data.with(|d| d.is_some_and(|c| c.total_minutes == 0 && c.totals.is_empty())));
    view! {
        <Frame heading=heading(attrs, t("hours-heading")) status=data.status empty=empty empty_title=t("hours-empty") on_retry=Callback::new(move |_| data.refetch())>
            {body}
        </Frame>
    }
    .into_any()
}
