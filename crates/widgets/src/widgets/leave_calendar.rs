//! `<webwork-leave-calendar>`: who is away in `month` (`YYYY-MM`, default this month): one row
//! per leave that touches the month (approved and pending; rejected ones are left out), with the
//! days it covers marked on a strip of the month's days.

use leptos::prelude::*;
use webwork_core::date::CivilDate;
use webwork_core::ops::ListLeaves;

use crate::format;
use crate::frame::{heading, loader, Attrs, Common, Fetch, Frame};
use crate::lang::{t, t_args};
use crate::read;
use crate::shared;

#[derive(Clone)]
struct Away {
    name: String,
    policy: String,
    pending: bool,
    start: CivilDate,
    end: CivilDate,
}

#[derive(Clone)]
struct Month {
    first: CivilDate,
    last: CivilDate,
    rows: Vec<Away>,
}

pub fn view(attrs: Attrs) -> AnyView {
    let common = Common::new(attrs);
    let month = attrs.memo("month");
    let data = loader(move || {
        let at = common.target()?;
        let (first, last) = format::parse_month(month.get().as_deref(), format::today())?;
        Ok(Box::pin(async move {
            let leaves = shared::list(at.base.clone(), ListLeaves::new(at.workspace).date_from(first).date_to(last)).await?;
            let members = shared::members(at.base, at.workspace).await?;
            let day = |l: &serde_json::Value, key: &str| read::text(l, key).and_then(|d| CivilDate::parse(d.get(..10)?).ok());
            let mut rows: Vec<Away> = leaves
                .iter()
                .filter(|l| !read::is(l, "status", "rejected"))
                .filter_map(|l| {
                    let start = day(l, "start_date")?;
                    let end = day(l, "end_date").unwrap_or(start);
                    Some(Away {
                        name: shared::name_of(&members, read::id(l, "user_id")),
                        policy: read::text(l, "policy_name").unwrap_or_else(|| t("leave-default-policy")),
                        pending: read::is(l, "status", "pending"),
                        start,
                        end: end.max(start),
                    })
                })
                .collect();
            format::order_by(&mut rows, |a| (a.start, a.name.clone()));
            Ok(Month { first, last, rows })
        }) as Fetch<Month>)
    });
    let body = move || {
        let Some(m) = data.get() else { return ().into_any() };
        let days: Vec<CivilDate> = (0..=m.first.days_until(m.last)).map(|i| m.first.add_days(i)).collect();
        let today = format::today();
        let head = days
            .iter()
            .map(|d| view! { <th scope="col" class="day" class:weekend={d.weekday() >= 5} class:today={*d == today}>{d.day}</th> })
            .collect_view();
        let rows = m
            .rows
            .into_iter()
            .map(|a| {
                let span = if a.start == a.end {
                    format::short_date(a.start)
                } else {
                    t_args("leave-span", &[("from", format::short_date(a.start).into()), ("to", format::short_date(a.end).into())])
                };
                let args = [("policy", a.policy.as_str().into()), ("span", span.into())];
                let detail = if a.pending { t_args("leave-detail-pending", &args) } else { t_args("leave-detail", &args) };
                let cells = days
                    .iter()
                    .map(|d| {
                        let away = *d >= a.start && *d <= a.end;
                        view! { <td class="day" class:weekend={d.weekday() >= 5} class:away={away && !a.pending} class:pending={away && a.pending}></td> }
                    })
                    .collect_view();
                view! {
                    <tr class="leave" data-pending=a.pending.to_string()>
                        <th scope="row" class="who">
                            <span class="person-name">{a.name}</span>
                            <span class="hint">{detail}</span>
                        </th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <div class="calendar-wrap">
                <table class="calendar">
                    <caption>{t_args("leave-caption", &[("month", format::month_label(m.first).into())])}</caption>
                    <thead><tr><th scope="col" class="who">{t("leave-who")}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="hint legend-line"><span class="swatch away" aria-hidden="true"></span>" "{t("leave-legend-away")}" "
                <span class="swatch pending" aria-hidden="true"></span>" "{t("leave-legend-pending")}</p>
        }
        .into_any()
    };
    let empty = Signal::derive(move || data.with(|d| d.is_some_and(|m| m.rows.is_empty())));
    let empty_title = Signal::derive(move || {
        let label = data.with(|d| d.map(|m| format::month_label(m.first))).unwrap_or_default();
        t_args("leave-empty", &[("month", label.into())])
    });
    view! {
        <Frame heading=heading(attrs, t("leave-heading")) status=data.status empty=empty empty_title=empty_title on_retry=Callback::new(move |_| data.refetch())>
            {body}
        </Frame>
    }
    .into_any()
}
