//! `<webwork-approvals>`: timesheets waiting for approval (status `submitted`) and pending time
//! requests (started within `range`, default the last 30 days), each with Approve and Reject
//! (a rejection asks for the reason the member will read). A decided row leaves the list.

use leptos::prelude::*;
use leptos::task::spawn_local;
use webwork_core::models::{TimeRequestStatus, TimesheetStatus};
use webwork_core::ops::{
    ApproveTimeRequest, ApproveTimesheet, ListTimeRequests, ListTimesheets, Operation, RejectTimeRequest, RejectTimesheet,
};
use webwork_core::{ApiError, ApiRequest};
use webwork_ui::ErrorBanner;

use crate::format;
use crate::frame::{heading, loader, Attrs, Common, Fetch, Frame, Target};
use crate::lang::{self, t, t_args};
use crate::read;
use crate::shared;

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Timesheet,
    TimeRequest,
}

#[derive(Clone)]
struct Item {
    kind: Kind,
    id: String,
    who: String,
    what: String,
    detail: String,
}

impl Item {
    /// The request deciding this item (`reason` = reject).
    fn decision(&self, ws: u64, reason: Option<String>) -> Result<ApiRequest, ApiError> {
        let id = self.id.clone();
        match (self.kind, reason) {
            (Kind::Timesheet, None) => ApproveTimesheet::new(id, ws).to_request(),
            (Kind::Timesheet, Some(r)) => RejectTimesheet::new(id, ws, r).to_request(),
            (Kind::TimeRequest, None) => ApproveTimeRequest::new(id, ws).to_request(),
            (Kind::TimeRequest, Some(r)) => RejectTimeRequest::new(id, ws, r).to_request(),
        }
    }

    fn key(&self) -> String {
        format!("{}:{}", self.kind as u8, self.id)
    }
}

fn span(start: Option<&str>, end: Option<&str>) -> (String, i64) {
    let (Some(s), Some(e)) = (start, end) else { return (String::new(), 0) };
    let minutes = match (format::parse_ms(s), format::parse_ms(e)) {
        (Some(a), Some(b)) => ((b - a) / 60_000.0).round() as i64,
        _ => 0,
    };
    let args = [("date", format::short_date_str(s).into()), ("from", format::time_of_day(s).into()), ("to", format::time_of_day(e).into())];
    (t_args("approvals-span", &args), minutes)
}

pub fn view(attrs: Attrs) -> AnyView {
    let common = Common::new(attrs);
    let range = attrs.memo("range");
    let target = Memo::new(move |_| common.target());
    let data = loader(move || {
        let at = target.get()?;
        let (from, to) = format::parse_range(Some(range.get().as_deref().unwrap_or("last-30-days")), format::today())?;
        Ok(Box::pin(async move {
            let sheets = shared::list(at.base.clone(), ListTimesheets::new(at.workspace).status(TimesheetStatus::Submitted)).await?;
            let requests =
                shared::list(at.base.clone(), ListTimeRequests::new(at.workspace, from, to).status(TimeRequestStatus::Pending)).await?;
            let members = shared::members(at.base, at.workspace).await?;
            let date = |v: &serde_json::Value, key: &str| format::short_date_str(&read::text(v, key).unwrap_or_default());
            let mut items: Vec<Item> = sheets
                .iter()
                .filter_map(|s| {
                    // Either edition's total: minutes, or hours.
                    let minutes = read::int(s, "total_minutes").or_else(|| read::num(s, "total_hours").map(|h| (h * 60.0).round() as i64));
                    Some(Item {
                        kind: Kind::Timesheet,
                        who: s.get("member").and_then(read::person).unwrap_or_else(|| shared::name_of(&members, read::id(s, "user_id"))),
                        what: t_args("approvals-timesheet", &[("from", date(s, "date_from").into()), ("to", date(s, "date_to").into())]),
                        detail: format::minutes(minutes.unwrap_or(0)),
                        id: read::text(s, "id")?,
                    })
                })
                .collect();
            items.extend(requests.iter().filter_map(|r| {
                let (start, end) = (read::text(r, "start"), read::text(r, "end"));
                let (when, minutes) = span(start.as_deref(), end.as_deref());
                let note = read::text(r, "activity_description").or_else(|| read::text(r, "notes")).unwrap_or_default();
                Some(Item {
                    kind: Kind::TimeRequest,
                    who: shared::name_of(&members, read::id(r, "user_id")),
                    what: t_args("approvals-time-request", &[("when", when.into())]),
                    detail: if note.is_empty() {
                        format::minutes(minutes)
                    } else {
                        t_args("approvals-detail-note", &[("duration", format::minutes(minutes).into()), ("note", note.into())])
                    },
                    id: read::text(r, "id")?,
                })
            }));
            Ok(items)
        }) as Fetch<Vec<Item>>)
    });

    // The row being rejected (its key) and the reason typed; the row being decided; the last
    // refusal per row; what was decided (for the live region).
    let rejecting = RwSignal::new(None::<String>);
    let reason = RwSignal::new(String::new());
    let busy = RwSignal::new(None::<String>);
    let row_error = RwSignal::new(None::<(String, ApiError)>);
    let announced = RwSignal::new(String::new());
    // A decision's answer arrives outside the widget's owner: its announcement names the language.
    let language = lang::current();

    let decide = move |item: Item, reject: bool| {
        let Ok(Target { base, workspace, .. }) = target.get_untracked() else { return };
        let reason_text = reject.then(|| reason.get_untracked().trim().to_owned());
        if busy.get_untracked().is_some() {
            return;
        }
        let key = item.key();
        busy.set(Some(key.clone()));
        let request = item.decision(workspace, reason_text);
        spawn_local(lang::in_language(language, async move {
            let result = shared::call(base, request).await;
            busy.set(None);
            match result {
                Ok(_) => {
                    row_error.set(None);
                    rejecting.set(None);
                    reason.set(String::new());
                    let args = [("what", item.what.as_str().into()), ("who", item.who.as_str().into())];
                    announced.set(if reject { t_args("approvals-rejected", &args) } else { t_args("approvals-approved", &args) });
                    if let Some(mut list) = data.get_untracked() {
                        list.retain(|i| i.key() != key);
                        data.set(list);
                    }
                }
                Err(e) => row_error.set(Some((key, e))),
            }
        }));
    };

    let list = move || {
        let items = data.get().unwrap_or_default();
        // Time requests show clock times: which zone they are in is said once, under the list.
        let times_shown = items.iter().any(|i| i.kind == Kind::TimeRequest);
        view! {
            <p class="summary">{t_args("approvals-summary", &[("count", items.len().into())])}</p>
            <ul class="approvals">
                {items.into_iter().map(|item| {
                    let key = item.key();
                    let (k1, k2, k3, k4) = (key.clone(), key.clone(), key.clone(), key.clone());
                    let (approve_item, reject_item) = (item.clone(), item.clone());
                    let label = t_args("approvals-item", &[("what", item.what.as_str().into()), ("who", item.who.as_str().into())]);
                    let (approve_label, reject_label) =
                        (t_args("approvals-approve-item", &[("item", label.as_str().into())]), t_args("approvals-reject-item", &[("item", label.as_str().into())]));
                    let error = Signal::derive(move || row_error.get().filter(|(k, _)| *k == k1).map(|(_, e)| e));
                    view! {
                        <li class="approval" data-kind=if item.kind == Kind::Timesheet { "timesheet" } else { "time-request" }>
                            <div class="approval-text">
                                <span class="person-name">{item.who.clone()}</span>
                                <span>{item.what.clone()}</span>
                                <span class="hint">{item.detail.clone()}</span>
                            </div>
                            <div class="actions">
                                <button type="button" class="btn small primary" aria-label=approve_label
                                    disabled=move || busy.get().is_some() on:click=move |_| decide(approve_item.clone(), false)>{t("approvals-approve")}</button>
                                <button type="button" class="btn small danger" aria-label=reject_label aria-expanded=move || (rejecting.get().as_ref() == Some(&k2)).to_string()
                                    disabled=move || busy.get().is_some() on:click=move |_| {
                                        reason.set(String::new());
                                        rejecting.set(Some(k3.clone()));
                                    }>{t("approvals-reject")}</button>
                            </div>
                            <Show when=move || rejecting.get().as_ref() == Some(&k4)>
                                {
                                    let item = reject_item.clone();
                                    view! {
                                        <form class="reject" on:submit=move |ev| {
                                            ev.prevent_default();
                                            if !reason.get_untracked().trim().is_empty() {
                                                decide(item.clone(), true);
                                            }
                                        }>
                                            <label class="field">
                                                <span>{t("approvals-reason")}</span>
                                                <input type="text" required=true prop:value=move || reason.get() on:input=move |ev| reason.set(event_target_value(&ev))/>
                                            </label>
                                            <button type="submit" class="btn small danger" disabled=move || reason.get().trim().is_empty() || busy.get().is_some()>{t("approvals-confirm-rejection")}</button>
                                            <button type="button" class="btn small ghost" on:click=move |_| rejecting.set(None)>{t("approvals-cancel")}</button>
                                        </form>
                                    }
                                }
                            </Show>
                            <ErrorBanner error=error/>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {times_shown.then(|| view! { <p class="hint zone-note">{format::zone_note()}</p> })}
        }
    };
    let empty = Signal::derive(move || data.with(|d| d.is_some_and(Vec::is_empty)));
    view! {
        <Frame heading=heading(attrs, t("approvals-heading")) status=data.status empty=empty empty_title=t("approvals-empty") on_retry=Callback::new(move |_| data.refetch())>
            {list}
        </Frame>
        <p class="visually-hidden" role="status" aria-live="polite">{move || announced.get()}</p>
    }
    .into_any()
}
