//! `<webwork-timer>`: one member's tracker. Running: what it runs on and a live clock, with Stop.
//! Stopped: today's total, a contract picker (the member's active contracts) and a task picker
//! (the contract's tasks), with Start.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use webwork_core::models::ContractStatus;
use webwork_core::ops::{GetTrackerState, ListContracts, ListTasks, Operation, StartTracking, StopTracking};
use webwork_core::ApiError;
use webwork_ui::ErrorBanner;

use crate::format;
use crate::frame::{heading, loader, required_id, Attrs, Common, Fetch, Frame};
use crate::lang::{t, t_args};
use crate::read;
use crate::shared;

#[derive(Clone)]
struct TimerData {
    /// `GET /time-tracking/current-data`.
    state: Value,
    /// The member's active contracts: (id, project name).
    contracts: Vec<(u64, String)>,
}

pub use crate::answers::{choices, running};

pub fn view(attrs: Attrs) -> AnyView {
    let common = Common::new(attrs);
    let member_id = attrs.memo("member-id");
    let target = Memo::new(move |_| {
        let at = common.target()?;
        let member = required_id(member_id.get(), "member-id", &t("widget-what-member"))?;
        Ok::<_, String>((at, member))
    });
    let data = loader(move || {
        let (at, member) = target.get()?;
        Ok(Box::pin(async move {
            let state = shared::data(at.base.clone(), GetTrackerState::new(at.workspace, member).to_request()).await?;
            let contracts = shared::list(at.base, ListContracts::new(at.workspace).user_id(member).status(ContractStatus::Active)).await?;
            Ok(TimerData { state, contracts: choices(&contracts, "project_name", &t("name-project")) })
        }) as Fetch<TimerData>)
    });

    // The pickers and the action in flight.
    let contract = RwSignal::new(String::new());
    let task = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let action_error = RwSignal::new(None::<ApiError>);
    let tasks = loader(move || {
        let (at, _) = target.get()?;
        let id = contract.get().parse::<u64>().ok();
        Ok(Box::pin(async move {
            match id {
                Some(id) => {
                    Ok(choices(&shared::list(at.base, ListTasks::new(at.workspace).contract_id(id)).await?, "title", &t("name-task")))
                }
                None => Ok(Vec::new()),
            }
        }) as Fetch<Vec<(u64, String)>>)
    });

    // A one-second clock for the running time (no requests).
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(h) = set_interval_with_handle(move || now.set(js_sys::Date::now()), Duration::from_secs(1)) {
        on_cleanup(move || h.clear());
    }

    let act = move |start: bool| {
        let Ok((at, member)) = target.get_untracked() else { return };
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        action_error.set(None);
        let (c, k) = (contract.get_untracked().parse::<u64>().ok(), task.get_untracked().parse::<u64>().ok());
        spawn_local(async move {
            let result = if start {
                let mut op = StartTracking::new(at.workspace, member);
                if let Some(c) = c {
                    op = op.contract_id(c);
                }
                if let Some(k) = k {
                    op = op.task_id(k);
                }
                shared::call(at.base, op.to_request()).await.map(|_| ())
            } else {
                shared::call(at.base, StopTracking::new(at.workspace, member).to_request()).await.map(|_| ())
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    contract.set(String::new());
                    task.set(String::new());
                    data.refetch();
                }
                Err(e) => action_error.set(Some(e)),
            }
        });
    };

    let body = move || {
        let Some(d) = data.get() else { return ().into_any() };
        if running(&d.state) {
            let started = read::text(&d.state, "start_time").unwrap_or_default();
            let since = format::parse_ms(&started);
            let what = ["project_name", "task_title", "activity_description"]
                .into_iter()
                .filter_map(|k| read::text(&d.state, k))
                .collect::<Vec<_>>()
                .join(" \u{b7} ");
            let what = if what.is_empty() { t("name-no-project") } else { what };
            let status = t_args("timer-since", &[("time", format::time_of_day(&started).into()), ("zone", format::zone_label().into())]);
            view! {
                <div class="timer running">
                    <p class="timer-status"><span class="dot on" aria-hidden="true"></span>{status}</p>
                    <p class="timer-clock" role="timer" aria-label=t("timer-running-time")>
                        {move || since.map(|s| format::clock(((now.get() - s) / 1000.0) as i64)).unwrap_or_default()}
                    </p>
                    <p class="timer-what">{what}</p>
                    <button type="button" class="btn danger" disabled=move || busy.get() on:click=move |_| act(false)>{t("timer-stop")}</button>
                </div>
            }
            .into_any()
        } else {
            let contracts = d.contracts.clone();
            view! {
                <div class="timer stopped">
                    <p class="timer-status"><span class="dot" aria-hidden="true"></span>
                        {t_args("timer-stopped", &[("today", format::minutes(read::int(&d.state, "total_minutes").unwrap_or(0)).into())])}</p>
                    <label class="field">
                        <span>{t("timer-contract")}</span>
                        <select prop:value=move || contract.get() on:change=move |ev| {
                            contract.set(event_target_value(&ev));
                            task.set(String::new());
                        }>
                            <option value="">{t("timer-no-contract")}</option>
                            {contracts.into_iter().map(|(id, label)| view! { <option value=id.to_string()>{label}</option> }).collect_view()}
                        </select>
                    </label>
                    <label class="field">
                        <span>{t("timer-task")}</span>
                        <select prop:value=move || task.get() disabled=move || contract.get().is_empty()
                            on:change=move |ev| task.set(event_target_value(&ev))>
                            <option value="">{t("timer-no-task")}</option>
                            {move || tasks.get().unwrap_or_default().into_iter().map(|(id, title)| {
                                view! { <option value=id.to_string()>{title}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="btn primary" disabled=move || busy.get() on:click=move |_| act(true)>{t("timer-start")}</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <Frame heading=heading(attrs, t("timer-heading")) status=data.status empty=false empty_title="" on_retry=Callback::new(move |_| data.refetch())>
            {body}
            <ErrorBanner error=action_error/>
        </Frame>
    }
    .into_any()
}
