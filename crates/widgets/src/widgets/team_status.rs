//! `<webwork-team-status>`: who is working now, on what. The API has no "everyone's tracker"
//! call, so this reads each shown member's tracker (`GET /time-tracking/current-data`), one
//! request per member through the shared pacer: `member-ids` names them, else the first
//! `limit` (default 8) active members who track. Refreshed every `refresh` seconds (default 60).

use std::time::Duration;

use leptos::prelude::*;
use webwork_core::ops::{GetTrackerState, Operation};

use crate::format;
use crate::frame::{bad_value, heading, loader, Attrs, Common, Fetch, Frame};
use crate::lang::{t, t_args};
use crate::read;
use crate::shared;
use crate::widgets::timer::running;

#[derive(Clone)]
struct Row {
    name: String,
    running: bool,
    /// "Project · Task" when running.
    on: String,
    since: Option<String>,
    today_minutes: i64,
}

fn ids(value: Option<String>) -> Result<Option<Vec<u64>>, String> {
    let Some(v) = value else { return Ok(None) };
    let ids: Option<Vec<u64>> = v.split(',').filter(|s| !s.trim().is_empty()).map(|s| s.trim().parse().ok()).collect();
    ids.filter(|l| !l.is_empty()).map(Some).ok_or_else(|| bad_value("member-ids", &t("widget-what-member-ids"), &v))
}

pub fn view(attrs: Attrs) -> AnyView {
    let common = Common::new(attrs);
    let (member_ids, limit, refresh) = (attrs.memo("member-ids"), attrs.memo("limit"), attrs.memo("refresh"));
    let data = loader(move || {
        let at = common.target()?;
        let chosen = ids(member_ids.get())?;
        let limit = limit.get().and_then(|l| l.parse::<usize>().ok()).unwrap_or(8).clamp(1, 50);
        Ok(Box::pin(async move {
            let members = shared::members(at.base.clone(), at.workspace).await?;
            let shown: Vec<(u64, String)> = match &chosen {
                Some(ids) => ids.iter().map(|id| (*id, shared::name_of(&members, Some(*id)))).collect(),
                None => members.iter().filter(|m| m.active && !m.viewer).take(limit).map(|m| (m.id, m.name.clone())).collect(),
            };
            let mut rows = Vec::new();
            for (id, name) in shown {
                let s = shared::data(at.base.clone(), GetTrackerState::new(at.workspace, id).to_request()).await?;
                let on = ["project_name", "task_title"].into_iter().filter_map(|k| read::text(&s, k)).collect::<Vec<_>>().join(" \u{b7} ");
                rows.push(Row {
                    name,
                    running: running(&s),
                    on,
                    since: read::text(&s, "start_time"),
                    today_minutes: read::int(&s, "total_minutes").unwrap_or(0),
                });
            }
            // Working people first, in list order otherwise.
            format::order_by(&mut rows, |r| !r.running);
            Ok(rows)
        }) as Fetch<Vec<Row>>)
    });
    let every = Memo::new(move |_| refresh.get().and_then(|r| r.parse::<u64>().ok()).unwrap_or(60).max(15));
    Effect::new(move |_| {
        let secs = every.get();
        if let Ok(h) = set_interval_with_handle(move || data.refetch(), Duration::from_secs(secs)) {
            on_cleanup(move || h.clear());
        }
    });

    let list = move || {
        let rows = data.get().unwrap_or_default();
        let working = rows.iter().filter(|r| r.running).count();
        view! {
            <p class="summary">{t_args("team-summary", &[("working", working.into()), ("total", rows.len().into())])}</p>
            <ul class="people">
                {rows.into_iter().map(|r| {
                    let state = if r.running { t("team-working") } else { t("team-not-tracking") };
                    let detail = if r.running {
                        let on = if r.on.is_empty() { t("name-no-project") } else { r.on.clone() };
                        match &r.since {
                            Some(s) => t_args("team-since", &[("on", on.into()), ("time", format::time_of_day(s).into())]),
                            None => on,
                        }
                    } else {
                        t_args("team-today", &[("duration", format::minutes(r.today_minutes).into())])
                    };
                    view! {
                        <li class="person" data-working=r.running.to_string()>
                            <span class="dot" class:on=r.running aria-hidden="true"></span>
                            <span class="person-name">{r.name}</span>
                            <span class="person-state">{state}</span>
                            <span class="person-detail">{detail}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {(working > 0).then(|| view! { <p class="hint zone-note">{format::zone_note()}</p> })}
        }
    };
    let empty = Signal::derive(move || data.with(|d| d.is_some_and(Vec::is_empty)));
    view! {
        <Frame heading=heading(attrs, t("team-heading")) status=data.status empty=empty empty_title=t("team-empty") on_retry=Callback::new(move |_| data.refetch())>
            {list}
        </Frame>
    }
    .into_any()
}
