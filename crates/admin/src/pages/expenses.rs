//! Expenses: the list by date range, member, project, category and type with totals (count and
//! sum of every matching expense, by category), create, edit, delete, and the categories.
//! URL state of the list: `from`, `to`, `member`, `project`, `category`, `type`, `page`,
//! `per_page`; `tab=categories` shows the categories.

use std::collections::BTreeMap;

use leptos::prelude::*;
use webwork_core::models::{Expense, ExpenseType};
use webwork_core::ops::{CreateExpense, DeleteExpense, ListExpenseCategories, ListExpenses, Operation, UpdateExpense};
use webwork_core::ApiError;
use webwork_ui::form::checks;
use webwork_ui::i18n::{msg_id, t, t_args};
use webwork_ui::{
    CheckboxField, Column, ConfirmDialog, ErrorBanner, FieldState, Form, SelectField, SubmitButton, TagChip, TextArea, TextField, Toaster,
};

use super::{member_options, num, opt, options, project_options, BackLink, ConfirmAction, ItemFrame, ListFrame, PageHeader};
use crate::api::{load, save, use_api};
use crate::export::ExportButton;
use crate::nav::{use_nav, use_url_query, UrlQuery};
use crate::routes::Route;

/// Totals are summed from every matching expense when there are at most this many (five
/// requests at 100 a page); past that the page's own sum is shown and said to be partial.
const TOTALS_UP_TO: u64 = 500;

/// The list's operation from the URL, without paging (the list and the export add theirs).
fn expenses_op(query: UrlQuery, ws: u64) -> ListExpenses {
    let mut op = ListExpenses::new(ws);
    if let Some(v) = query.get("from") {
        op = op.date_from(v);
    }
    if let Some(v) = query.get("to") {
        op = op.date_to(v);
    }
    if let Some(v) = query.get("member").and_then(|v| v.parse::<u64>().ok()) {
        op = op.user_id(v);
    }
    if let Some(v) = query.get("project").and_then(|v| v.parse::<u64>().ok()) {
        op = op.project_id(v);
    }
    if let Some(v) = query.get("category") {
        op = op.category_id(v);
    }
    if let Some(v) = query.get("type") {
        op = op.r#type(ExpenseType::parse(&v));
    }
    op
}

/// One expense: the API has no single-expense read, so the list filtered by id.
fn expense_op(ws: u64, id: &str) -> ListExpenses {
    ListExpenses::new(ws).id(id)
}

/// The categories tab (`tab=categories`), else the list.
fn categories_tab(query: UrlQuery) -> bool {
    query.get("tab").as_deref() == Some("categories")
}

/// What the expense pages ask first ([`super::FirstRequests`]): the list's page and its
/// selects (its totals wait for the page's count), the categories tab, an expense's read and
/// its form's selects, the new expense's selects.
#[cfg_attr(not(feature = "split"), allow(dead_code))]
pub(crate) fn first_requests(route: &Route, query: UrlQuery) -> super::FirstRequests {
    let selects = |ws| vec![super::members_first(ws), super::projects_first(ws), ListExpenseCategories::new(ws).to_request()];
    match route {
        Route::Expenses { ws } if categories_tab(query) => vec![ListExpenseCategories::new(*ws).to_request()],
        Route::Expenses { ws } => [vec![super::url_page(expenses_op(query, *ws), query).to_request()], selects(*ws)].concat(),
        Route::ExpenseNew { ws } => selects(*ws),
        Route::Expense { ws, id } => [vec![expense_op(*ws, id).to_request()], selects(*ws)].concat(),
        _ => Vec::new(),
    }
}

/// Money with two decimals.
pub fn money(v: f64) -> String {
    // Expenses carry no currency in the API: an amount with two decimals, in the reader's format.
    crate::format::fixed(v, 2)
}

/// An expense type's name in the reader's language.
fn type_label(kind: &ExpenseType) -> String {
    match kind {
        ExpenseType::Billable => t("expenses-type-billable"),
        ExpenseType::NonBillable => t("expenses-type-non-billable"),
        other => other.as_str().to_owned(),
    }
}

/// Count, sum and sum per category of `items`.
pub fn totals(items: &[Expense]) -> (usize, f64, BTreeMap<String, f64>) {
    let mut by = BTreeMap::new();
    for e in items {
        *by.entry(e.category.clone().unwrap_or_else(|| t("expenses-no-category"))).or_insert(0.0) += e.amount;
    }
    (items.len(), items.iter().map(|e| e.amount).sum(), by)
}

fn select_view(label: &'static str, value: RwSignal<String>, opts: Signal<Vec<(String, String)>>) -> AnyView {
    view! {
        <label>{t(label)} " " <select on:change=move |ev| value.set(event_target_value(&ev))>
            {move || opts.get().into_iter().map(|(v, t)| { let s = v.clone(); view! { <option value=v selected=move || value.get() == s>{t}</option> } }).collect_view()}
        </select></label>
    }
    .into_any()
}

#[component]
pub fn ExpensesPage(ws: u64) -> impl IntoView {
    let query = use_url_query();
    let categories_tab = move || categories_tab(query);
    view! {
        <PageHeader title=t("nav-expenses")>
            <a class="btn primary" href=move || Route::ExpenseNew { ws }.href()>{t("expenses-new")}</a>
        </PageHeader>
        <nav class="tabs" aria-label=t("expenses-views")>
            <a href=move || Route::Expenses { ws }.href() aria-current=move || (!categories_tab()).then_some("page")>{t("nav-expenses")}</a>
            <a href=move || format!("{}?tab=categories", Route::Expenses { ws }.href()) aria-current=move || categories_tab().then_some("page")>{t("expenses-categories")}</a>
        </nav>
        {move || if categories_tab() { view! { <CategoryList ws/> }.into_any() } else { view! { <ExpenseList ws/> }.into_any() }}
    }
}

#[component]
fn ExpenseList(ws: u64) -> impl IntoView {
    let api = use_api();
    let query = use_url_query();
    let nav = use_nav();
    let toaster = expect_context::<Toaster>();
    let res = load(move || api.page(super::url_page(expenses_op(query, ws), query)));
    // Totals of every matching expense (not only this page), while that takes a few requests.
    let all = load(move || {
        let op = expenses_op(query, ws);
        let total = res.ready().and_then(|p| p.pagination.map(|i| i.total));
        async move {
            match total {
                Some(t) if t <= TOTALS_UP_TO => api.all(op).await.map(Some),
                _ => Ok(None),
            }
        }
    });
    let members = load(move || member_options(api, ws));
    let projects = load(move || project_options(api, ws));
    let categories = load(move || api.send(ListExpenseCategories::new(ws)));
    let [from, to, member, project, category, kind] =
        ["from", "to", "member", "project", "category", "type"].map(|k| RwSignal::new(query.initial(k)));
    let confirm = RwSignal::new(false);
    let pending = RwSignal::new((String::new(), String::new()));

    let columns = vec![
        Column::new("expenses-expense", move |e: &Expense| {
            view! { <a href=Route::Expense { ws, id: e.id.clone() }.href()>{e.expense_name.clone()}</a> }.into_any()
        }),
        Column::text("chart-date", |e: &Expense| e.date.clone().or_else(|| e.expense_date.clone()).as_deref().map(crate::format::date_text).unwrap_or_default()).class("dates"),
        Column::text("contracts-member", |e: &Expense| opt(&e.member)),
        Column::text("contracts-project", |e: &Expense| opt(&e.project)).class("hide-sm"),
        Column::text("expenses-category", |e: &Expense| opt(&e.category)).class("hide-sm"),
        Column::text("expenses-type", |e: &Expense| type_label(&e.expense_type)).class("hide-md"),
        Column::text("expenses-amount", |e: &Expense| money(e.amount)).class("num"),
        Column::new("", move |e: &Expense| {
            let (id, name) = (e.id.clone(), e.expense_name.clone());
            view! {
                <ConfirmAction label=msg_id("common-delete") aria=t_args("tasks-delete-name", &[("title", name.as_str().into())]) target=(id.clone(), name.clone()) pending=pending confirm=confirm/>
            }
            .into_any()
        })
        .class("actions"),
    ];
    let delete = Callback::new(move |_| {
        let (id, name) = pending.get_untracked();
        leptos::task::spawn_local(async move {
            match api.send(DeleteExpense::new(id, ws)).await {
                Ok(_) => {
                    toaster.show(t_args("tasks-deleted", &[("title", name.as_str().into())]));
                    res.refetch();
                }
                Err(e) => {
                    toaster.error(t_args(
                        "tasks-delete-failed",
                        &[("title", name.as_str().into()), ("error", webwork_ui::error_sentence(&e).into())],
                    ));
                }
            }
        });
    });
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        query.set(&[
            ("from", Some(from.get_untracked())),
            ("to", Some(to.get_untracked())),
            ("member", Some(member.get_untracked())),
            ("project", Some(project.get_untracked())),
            ("category", Some(category.get_untracked())),
            ("type", Some(kind.get_untracked())),
        ]);
    };
    let totals_view = move || {
        let page = res.ready()?;
        let info = page.pagination;
        let (count, sum, by, partial) = match all.ready().flatten() {
            Some(items) => {
                let (c, s, b) = totals(&items);
                (c, s, b, false)
            }
            None => {
                let (c, s, b) = totals(&page.items);
                (c, s, b, info.is_some_and(|i| i.total > page.items.len() as u64))
            }
        };
        let args = [("count", count.into()), ("total", money(sum).into())];
        let label = if partial { t_args("expenses-totals-page", &args) } else { t_args("expenses-totals", &args) };
        Some(view! {
            <section class="totals card" aria-label=t("expenses-totals-label")>
                <p><strong>{label}</strong>{partial.then(|| format!(" {}", t("expenses-totals-partial")))}</p>
                <ul class="by-category">{by.into_iter().map(|(c, v)| view! { <li>{c}": "{money(v)}</li> }).collect_view()}</ul>
            </section>
        })
    };
    let opts_of = move |none: &'static str, r: crate::api::Resource<Vec<(u64, String)>>| {
        Signal::derive(move || options(Some(&t(none)), r.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n))))
    };
    view! {
        <form class="filters" role="search" aria-label=t("expenses-filter") on:submit=apply>
            <label>{t("expenses-from")} " " <input type="date" bind:value=from/></label>
            <label>{t("expenses-to")} " " <input type="date" bind:value=to/></label>
            {select_view(msg_id("contracts-member"), member, opts_of(msg_id("expenses-anyone"), members))}
            {select_view(msg_id("contracts-project"), project, opts_of(msg_id("expenses-any-project"), projects))}
            {select_view(msg_id("expenses-category"), category, Signal::derive(move || options(Some(&t("expenses-any-category")), categories.ready().unwrap_or_default().into_iter().map(|c| (c.id, c.name)))))}
            {select_view(msg_id("expenses-type"), kind, Signal::derive(|| options(Some(&t("expenses-any-type")), ExpenseType::ALL.iter().map(|k| (k.as_str().to_owned(), type_label(k))))))}
            <button type="submit" class="btn">{t("common-apply")}</button>
        </form>
        <div class="list-tools">
            <ExportButton file="expenses" request=Callback::new(move |_| expenses_op(query, ws).to_request())/>
        </div>
        {totals_view}
        <ListFrame res query caption=t("nav-expenses") columns key=|e: &Expense| e.id.clone() label=|e: &Expense| e.expense_name.clone()
            on_open=Callback::new(move |e: Expense| nav.go(&Route::Expense { ws, id: e.id.clone() }.href()))
            empty_title=t("expenses-empty") empty_hint=t("expenses-empty-hint") cols=7/>
        <ConfirmDialog open=confirm title=t("expenses-delete-title")
            message=Signal::derive(move || t_args("expenses-delete-confirm", &[("name", pending.get().1.into())]))
            confirm_label=msg_id("common-delete") danger=true on_confirm=delete/>
    }
}

#[component]
fn CategoryList(ws: u64) -> impl IntoView {
    let api = use_api();
    let categories = load(move || api.send(ListExpenseCategories::new(ws)));
    view! {
        <ErrorBanner error=Signal::derive(move || categories.error()) on_retry=Callback::new(move |_| categories.refetch()) auto_retry=true/>
        {move || categories.ready().map(|list| view! {
            <ul class="categories card" aria-label=t("expenses-categories")>
                {list.into_iter().map(|c| view! { <li><TagChip name=c.name.clone() color=c.color.clone().unwrap_or_default()/></li> }).collect_view()}
            </ul>
        })}
    }
}

/// The expense form: creates when `expense` is `None`, edits otherwise.
#[component]
fn ExpenseForm(ws: u64, #[prop(optional)] expense: Option<Expense>, on_saved: Callback<()>) -> impl IntoView {
    let api = use_api();
    let toaster = expect_context::<Toaster>();
    let members = load(move || member_options(api, ws));
    let projects = load(move || project_options(api, ws));
    let categories = load(move || api.send(ListExpenseCategories::new(ws)));
    let e = expense.clone().unwrap_or_default();
    let editing = expense.as_ref().map(|e| e.id.clone());
    let name = FieldState::new("expense_name", e.expense_name.clone()).check(checks::text(255));
    let date = FieldState::new("date", opt(&e.date)).check(|v| checks::required(v).or_else(|| checks::optional_date(v)));
    let amount = FieldState::new("amount", if expense.is_some() { num(e.amount) } else { String::new() })
        .check(|v| checks::required(v).or_else(|| checks::optional_amount(v)));
    let category = FieldState::new("category_id", opt(&e.category_id)).check(checks::required);
    let project = FieldState::new("project_id", opt(&e.project_id));
    let member = FieldState::new("user_id", opt(&e.user_id));
    let note = FieldState::new("note", opt(&e.note)).check(checks::max_len(10_000));
    let billable = RwSignal::new(expense.as_ref().map(|e| e.expense_type == ExpenseType::Billable).unwrap_or(true));
    let form = Form::new(vec![name, date, amount, category, project, member, note]);

    macro_rules! fill {
        ($op:expr) => {{
            let mut op = $op;
            if let Some(v) = project.num::<u64>() {
                op = op.project_id(v);
            }
            if let Some(v) = member.num::<u64>() {
                op = op.user_id(v);
            }
            if let Some(v) = note.opt() {
                op = op.note(v);
            }
            op.is_billable(billable.get())
        }};
    }
    let amount_value = move || amount.num::<f64>().unwrap_or(0.0);
    let build_create = move || {
        fill!(CreateExpense::new(
            ws,
            name.value.get().trim().to_owned(),
            date.value.get().trim().to_owned(),
            amount_value(),
            category.value.get()
        ))
    };
    let build_update = move |id: String| {
        fill!(UpdateExpense::new(id, ws)
            .expense_name(name.value.get().trim().to_owned())
            .date(date.value.get().trim().to_owned())
            .amount(amount_value())
            .category_id(category.value.get()))
    };
    let editing_rule = editing.clone();
    Effect::new(move |_| {
        let rule: Result<(), ApiError> = match &editing_rule {
            Some(id) => build_update(id.clone()).to_request().map(|_| ()),
            None => build_create().to_request().map(|_| ()),
        };
        form.show_rule(&rule);
    });
    let editing_submit = editing.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match editing_submit.clone() {
            Some(id) => save(api, form, untrack(|| build_update(id)), move |_| {
                toaster.show(t("expenses-saved"));
                on_saved.run(());
            }),
            None => save(api, form, untrack(build_create), move |e: Expense| {
                toaster.show(t_args("expenses-recorded", &[("name", e.expense_name.as_str().into())]));
                on_saved.run(());
            }),
        }
    };
    let is_edit = editing.is_some();
    let id_opts = move |none: &'static str, r: crate::api::Resource<Vec<(u64, String)>>| {
        Signal::derive(move || options(Some(&t(none)), r.ready().unwrap_or_default().into_iter().map(|(id, n)| (id.to_string(), n))))
    };
    view! {
        <ErrorBanner error=form.error/>
        <form class="card form" on:submit=submit novalidate>
            <TextField field=name label=msg_id("members-col-name") form=form required=true/>
            <div class="row">
                <TextField field=date label=msg_id("chart-date") kind="date" form=form required=true/>
                <TextField field=amount label=msg_id("expenses-amount") kind="number" step="0.01" form=form required=true/>
            </div>
            <div class="row">
                <SelectField field=category label=msg_id("expenses-category") form=form required=true
                    options=Signal::derive(move || options(Some(&t("expenses-choose-category")), categories.ready().unwrap_or_default().into_iter().map(|c| (c.id, c.name))))/>
                <SelectField field=project label=msg_id("contracts-project") form=form options=id_opts(msg_id("tasks-no-priority"), projects)/>
            </div>
            <SelectField field=member label=msg_id("contracts-member") form=form options=id_opts(msg_id("expenses-me"), members) hint=msg_id("expenses-member-hint")/>
            <CheckboxField checked=billable label=msg_id("projects-billable")/>
            <TextArea field=note label=msg_id("expenses-note") form=form rows=2/>
            <div class="form-actions">
                <SubmitButton form=form label={if is_edit { msg_id("common-save") } else { msg_id("expenses-record") }}/>
            </div>
        </form>
    }
}

#[component]
pub fn ExpenseNewPage(ws: u64) -> impl IntoView {
    let nav = use_nav();
    view! {
        <BackLink href=Route::Expenses { ws }.href() text=t("nav-expenses")/>
        <PageHeader title=t("expenses-new")/>
        <ExpenseForm ws=ws on_saved=Callback::new(move |_| nav.go(&Route::Expenses { ws }.href()))/>
    }
}

#[component]
pub fn ExpensePage(ws: u64, id: String) -> impl IntoView {
    let api = use_api();
    let nav = use_nav();
    // The API has no single-expense read: the list filtered by id.
    let res = load(move || {
        let id = id.clone();
        async move {
            let page = api.page(expense_op(ws, &id)).await?;
            page.items
                .into_iter()
                .find(|e| e.id == id)
                .ok_or(ApiError::NotFound { message: t_args("expenses-not-found", &[("id", id.as_str().into())]) })
        }
    });
    view! {
        <BackLink href=Route::Expenses { ws }.href() text=t("nav-expenses")/>
        <ItemFrame res>
            {move || res.ready().map(|e| view! {
                <PageHeader title=e.expense_name.clone()/>
                <p class="muted">{t_args("expenses-summary", &[("member", opt(&e.member).into()), ("amount", money(e.amount).into()), ("added", opt(&e.added_dte).into())])}</p>
                <ExpenseForm ws=ws expense=e on_saved=Callback::new(move |_| nav.go(&Route::Expenses { ws }.href()))/>
            })}
        </ItemFrame>
    }
}
