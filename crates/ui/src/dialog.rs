//! A confirm dialog on the native `<dialog>` element: modal (the page behind is inert), focus
//! moves into it and back, Escape cancels.

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn ConfirmDialog(
    /// Open while true; the dialog sets it false when closed.
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(default = "Confirm")] confirm_label: &'static str,
    /// Styles the confirm button as destructive.
    #[prop(optional)]
    danger: bool,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let dialog: NodeRef<html::Dialog> = NodeRef::new();
    let cancel: NodeRef<html::Button> = NodeRef::new();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(d) = dialog.get() {
            if want && !d.open() {
                let _ = d.show_modal();
                if let Some(c) = cancel.get_untracked() {
                    let _ = c.focus();
                }
            } else if !want && d.open() {
                d.close();
            }
        }
    });
    let id = format!("dlg-{}", (js_sys::Math::random() * 1e9) as u64);
    view! {
        <dialog node_ref=dialog class="dialog" aria-labelledby=format!("{id}-t") aria-describedby=format!("{id}-m")
            on:close=move |_| open.set(false)>
            <h2 id=format!("{id}-t")>{move || title.get()}</h2>
            <p id=format!("{id}-m")>{move || message.get()}</p>
            <div class="actions">
                <button type="button" class="btn ghost" node_ref=cancel on:click=move |_| open.set(false)>"Cancel"</button>
                <button type="button" class="btn" class:danger=danger on:click=move |_| {
                    open.set(false);
                    on_confirm.run(());
                }>{confirm_label}</button>
            </div>
        </dialog>
    }
}
