//! A confirm dialog on the native `<dialog>` element: modal (the page behind is inert), focus
//! moves into it and back, Escape cancels.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{msg_id, t};

/// Shows the native `<dialog>` as a modal while `open` is true and closes it when `open` turns
/// false; `focus` runs each time it opens (where the focus should land inside it). Every dialog
/// of the panel and the widgets opens and closes through this.
pub fn follow_open(open: RwSignal<bool>, dialog: NodeRef<html::Dialog>, focus: impl Fn() + 'static) {
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
                focus();
            } else if !want && d.open() {
                d.close();
            }
        }
    });
}

#[component]
pub fn ConfirmDialog(
    /// Open while true; the dialog sets it false when closed.
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    /// A message id.
    #[prop(default = msg_id("common-confirm"))]
    confirm_label: &'static str,
    /// Styles the confirm button as destructive.
    #[prop(optional)]
    danger: bool,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let cancel: NodeRef<html::Button> = NodeRef::new();
    follow_open(open, dialog, move || {
        if let Some(c) = cancel.get_untracked() {
            let _ = c.focus();
        }
    });
    let id = format!("dlg-{}", (js_sys::Math::random() * 1e9) as u64);
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby=format!("{id}-t") aria-describedby=format!("{id}-m")
            on:close=move |_| open.set(false)>
            <h2 id=format!("{id}-t")>{move || title.get()}</h2>
            <p id=format!("{id}-m")>{move || message.get()}</p>
            <div class="actions">
                <button type="button" class="btn ghost" node_ref=cancel on:click=move |_| open.set(false)>{t("common-cancel")}</button>
                <button type="button" class="btn" class:danger=danger on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }>{t(confirm_label)}</button>
            </div>
        </dialog>
    }
}
