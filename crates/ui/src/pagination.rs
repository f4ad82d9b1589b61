//! The pagination control under a list: where we are ("21–40 of 46"), previous/next and a few
//! page numbers, and the page size. It only reports choices; the page keeps them in its URL.

use leptos::prelude::*;

use crate::i18n::{t, t_args};

/// Page sizes offered; the API allows 1 to 100.
pub const PAGE_SIZES: &[u32] = &[10, 20, 50, 100];

#[component]
pub fn Pagination(
    #[prop(into)] page: Signal<u32>,
    #[prop(into)] per_page: Signal<u32>,
    /// The last page, when the server says it.
    #[prop(into)]
    last_page: Signal<Option<u32>>,
    /// The number of items in all pages, when the server says it.
    #[prop(into)]
    total: Signal<Option<u64>>,
    /// Items on this page (for "21–40" when there is no total, and for "has next").
    #[prop(into)]
    shown: Signal<usize>,
    on_page: Callback<u32>,
    on_per_page: Callback<u32>,
) -> impl IntoView {
    let has_next = move || match last_page.get() {
        Some(last) => page.get() < last,
        None => shown.get() as u32 >= per_page.get() && shown.get() > 0,
    };
    let summary = move || {
        let (p, per, n) = (page.get().max(1), per_page.get().max(1), shown.get() as u64);
        let from = u64::from(p - 1) * u64::from(per) + 1;
        match (n, total.get()) {
            (0, Some(t)) => t_args("pagination-none-of", &[("total", t.into())]),
            (0, None) => t("pagination-empty-page"),
            (n, Some(t)) => t_args("pagination-range-of", &[("from", from.into()), ("to", (from + n - 1).into()), ("total", t.into())]),
            (n, None) => t_args("pagination-range", &[("from", from.into()), ("to", (from + n - 1).into())]),
        }
    };
    // Up to five numbered pages around the current one.
    let numbers = move || {
        let p = page.get().max(1);
        let last = last_page.get().unwrap_or(p + u32::from(has_next()));
        let start = p.saturating_sub(2).max(1);
        let end = (start + 4).min(last.max(1));
        let start = end.saturating_sub(4).max(1);
        (start..=end).collect::<Vec<u32>>()
    };
    view! {
        <nav class="pagination" aria-label=t("pagination-label")>
            <span class="summary" aria-live="polite">{summary}</span>
            <div class="pages">
                <button type="button" class="btn ghost" aria-label=t("pagination-previous-label")
                    disabled=move || page.get() <= 1
                    on:click=move |_| on_page.run(page.get_untracked().saturating_sub(1).max(1))>{t("pagination-previous")}</button>
                {move || numbers().into_iter().map(|n| {
                    let current = n == page.get();
                    view! {
                        <button type="button" class="btn ghost page-number"
                            class:current=current
                            aria-current=current.then_some("page")
                            aria-label=t_args("pagination-page", &[("page", n.into())])
                            on:click=move |_| on_page.run(n)>{n}</button>
                    }
                }).collect_view()}
                <button type="button" class="btn ghost" aria-label=t("pagination-next-label")
                    disabled=move || !has_next()
                    on:click=move |_| on_page.run(page.get_untracked() + 1)>{t("pagination-next")}</button>
            </div>
            <label class="page-size">
                {t("pagination-per-page")} " "
                <select on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() {
                        on_per_page.run(n);
                    }
                }>
                    {PAGE_SIZES.iter().map(|&n| view! {
                        <option value=n.to_string() selected=move || per_page.get() == n>{n}</option>
                    }).collect_view()}
                </select>
            </label>
        </nav>
    }
}
