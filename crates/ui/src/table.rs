//! A data table with keyboard navigation and row selection.
//!
//! Keyboard: the table body holds one tab stop (the active row, roving `tabindex`). Arrow
//! Up/Down move the active row and focus it, Home/End jump to the first/last row, Enter opens
//! the active row, Space toggles its selection. Clicking a row makes it active. Rows carry
//! `aria-selected` when the table is selectable (`role="grid"` with `aria-multiselectable`).
//!
//! The generic [`DataTable`] is a thin shell over a non-generic core, so each row type adds
//! little code to the wasm bundle.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{t, t_or};
use wasm_bindgen::JsCast;

/// One column: a header (a message id, looked up when the table renders) and how a row's cell looks. Cells render server text as text nodes.
pub struct Column<T> {
    pub header: &'static str,
    /// Extra class on the header and the cells (`num`, `hide-sm`, `nowrap` ...).
    pub class: &'static str,
    pub cell: Arc<dyn Fn(&T) -> AnyView + Send + Sync>,
}

impl<T> Clone for Column<T> {
    fn clone(&self) -> Self {
        Column { header: self.header, class: self.class, cell: self.cell.clone() }
    }
}

impl<T> Column<T> {
    pub fn new(header: &'static str, cell: impl Fn(&T) -> AnyView + Send + Sync + 'static) -> Self {
        Column { header, class: "", cell: Arc::new(cell) }
    }

    /// A column whose cell is plain text.
    pub fn text(header: &'static str, text: impl Fn(&T) -> String + Send + Sync + 'static) -> Self {
        Column::new(header, move |row| text(row).into_any())
    }

    pub fn class(mut self, class: &'static str) -> Self {
        self.class = class;
        self
    }
}

/// A table of `rows`. `key` names a row for selection; `label` is what a screen reader hears
/// for the row's checkbox ("Select Ada Lovelace"). `on_open` runs on Enter (and is what a
/// row's main link should do too). With `selection`, a checkbox column and Space select rows.
#[component]
pub fn DataTable<T>(
    /// Accessible name of the table.
    #[prop(into)]
    caption: String,
    columns: Vec<Column<T>>,
    #[prop(into)] rows: Signal<Vec<T>>,
    key: fn(&T) -> String,
    label: fn(&T) -> String,
    #[prop(optional)] selection: Option<RwSignal<BTreeSet<String>>>,
    #[prop(optional, into)] on_open: Option<Callback<T>>,
) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
{
    let heads: Vec<(&'static str, &'static str)> = columns.iter().map(|c| (c.header, c.class)).collect();
    let classes: Vec<&'static str> = columns.iter().map(|c| c.class).collect();
    let keys = Signal::derive(move || rows.with(|r| r.iter().map(|row| (key(row), label(row))).collect::<Vec<_>>()));
    let cell = Arc::new(move |index: usize, col: usize| -> AnyView {
        rows.with_untracked(|r| match (r.get(index), columns.get(col)) {
            (Some(row), Some(c)) => (c.cell)(row),
            _ => ().into_any(),
        })
    });
    let open = Callback::new(move |index: usize| {
        if let (Some(cb), Some(row)) = (on_open, rows.with_untracked(|r| r.get(index).cloned())) {
            cb.run(row);
        }
    });
    view! { <TableCore caption heads classes keys cell selection open/> }
}

/// The hidden title of a column whose header is blank (its cells hold the row's actions).
pub const ACTIONS_HEADER: &str = "Actions";

type CellFn = Arc<dyn Fn(usize, usize) -> AnyView + Send + Sync>;

#[component]
fn TableCore(
    caption: String,
    heads: Vec<(&'static str, &'static str)>,
    classes: Vec<&'static str>,
    keys: Signal<Vec<(String, String)>>,
    cell: CellFn,
    selection: Option<RwSignal<BTreeSet<String>>>,
    open: Callback<usize>,
) -> impl IntoView {
    let active = RwSignal::new(0usize);
    let body: NodeRef<html::Tbody> = NodeRef::new();
    let count = move || keys.with(Vec::len);
    // Keep the active row inside the list when the rows change (new page, filter).
    Effect::new(move |_| {
        let n = count();
        if active.get_untracked() >= n {
            active.set(n.saturating_sub(1));
        }
    });

    let focus_row = move |index: usize| {
        if let Some(tbody) = body.get_untracked() {
            if let Some(row) = tbody.rows().item(index as u32) {
                if let Ok(row) = row.dyn_into::<web_sys::HtmlElement>() {
                    let _ = row.focus();
                }
            }
        }
    };
    let toggle = move |index: usize| {
        if let Some(sel) = selection {
            if let Some(k) = keys.with_untracked(|k| k.get(index).map(|(k, _)| k.clone())) {
                sel.update(|s| {
                    if !s.remove(&k) {
                        s.insert(k);
                    }
                });
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let n = count();
        if n == 0 {
            return;
        }
        // Keys typed into a control inside a cell (a checkbox, a link) keep their own meaning,
        // except the arrows, which always move between rows.
        let in_control = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e.tag_name() != "TR");
        let current = active.get_untracked().min(n - 1);
        let next = match ev.key().as_str() {
            "ArrowDown" => Some((current + 1).min(n - 1)),
            "ArrowUp" => Some(current.saturating_sub(1)),
            "Home" if !in_control => Some(0),
            "End" if !in_control => Some(n - 1),
            "Enter" if !in_control => {
                ev.prevent_default();
                open.run(current);
                None
            }
            " " if !in_control => {
                ev.prevent_default();
                toggle(current);
                None
            }
            _ => None,
        };
        if let Some(next) = next {
            ev.prevent_default();
            active.set(next);
            focus_row(next);
        }
    };

    let all_selected = move || {
        selection.is_some_and(|sel| {
            let n = count();
            n > 0 && sel.with(|s| keys.with(|k| k.iter().all(|(key, _)| s.contains(key))))
        })
    };
    let toggle_all = move |_| {
        if let Some(sel) = selection {
            let select = !all_selected();
            keys.with_untracked(|k| {
                sel.update(|s| {
                    for (key, _) in k {
                        if select {
                            s.insert(key.clone());
                        } else {
                            s.remove(key);
                        }
                    }
                })
            });
        }
    };
    let selectable = selection.is_some();
    let ncols = heads.len();
    let classes = Arc::new(classes);

    view! {
        <div class="table-wrap">
            <table
                class="data-table"
                role="grid"
                aria-label=caption
                aria-multiselectable=selectable.then_some("true")
                aria-rowcount=move || (count() + 1).to_string()
            >
                <thead>
                    <tr>
                        {selectable.then(|| view! {
                            <th class="select" scope="col">
                                <input type="checkbox" aria-label=t_or("table-select-all", &[], || "Select all rows on this page".to_owned())
                                    prop:checked=all_selected on:change=toggle_all/>
                            </th>
                        })}
                        // A column without a title (row actions) still names itself to screen readers:
                        // an empty header cell leaves its cells unlabelled.
                        {heads.into_iter().map(|(h, c)| {
                            let title = if h.is_empty() {
                                view! { <span class="visually-hidden">{t_or("table-actions", &[], || ACTIONS_HEADER.to_owned())}</span> }.into_any()
                            } else {
                                t(h).into_any()
                            };
                            view! { <th scope="col" class=c>{title}</th> }
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody node_ref=body on:keydown=on_key>
                    {move || {
                        let cell = cell.clone();
                        let classes = classes.clone();
                        keys.get().into_iter().enumerate().map(move |(i, (key, label))| {
                            let selected = move || selection.is_some_and(|s| s.with(|s| s.contains(&key)));
                            let is_selected = selected.clone();
                            let cells = (0..ncols).map(|c| {
                                let view = cell(i, c);
                                view! { <td class=classes[c]>{view}</td> }
                            }).collect_view();
                            view! {
                                <tr
                                    tabindex=move || if active.get() == i { "0" } else { "-1" }
                                    class:active=move || active.get() == i
                                    aria-selected=move || selectable.then(|| is_selected().to_string())
                                    on:click=move |_| active.set(i)
                                    on:focusin=move |_| active.set(i)
                                >
                                    {selectable.then(|| view! {
                                        <td class="select">
                                            <input type="checkbox" tabindex="-1"
                                                aria-label=t_or("table-select-row", &[("label", label.as_str().into())], || format!("Select {label}"))
                                                prop:checked=selected
                                                on:change=move |_| toggle(i)/>
                                        </td>
                                    })}
                                    {cells}
                                </tr>
                            }
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
