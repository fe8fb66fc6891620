//! The preset selector: replaces the whole form with a ready-made spec. After edits it asks first;
//! a target the user chose is kept, and undo brings the old form back.

use kubewright::presets::{Preset, PRESETS};
use kubewright::AppSpec;
use leptos::prelude::*;

use super::use_ui;

#[component]
pub fn PresetSelect(initial: &'static str) -> impl IntoView {
    let ui = use_ui();
    let error = RwSignal::new(None::<String>);
    // The select shows this; a cancelled switch puts back the preset last applied.
    let selected = RwSignal::new(initial.to_string());
    let current = StoredValue::new(initial.to_string());
    // The preset asked for while the form has edits, until the user says yes or no.
    let asking = RwSignal::new(None::<(String, AppSpec)>);
    let switch = move |id: String, mut spec: AppSpec| {
        // Where the user chose to run the app is theirs, not part of the example.
        if ui.target_chosen.get_value() {
            spec.set_runs(ui.spec.with_untracked(|s| s.runs()));
        }
        current.set_value(id.clone());
        selected.set(id);
        ui.load(spec);
    };
    let on_change = move |ev| {
        let id = event_target_value(&ev);
        match Preset::find(&id).map(|p| p.spec()) {
            Some(Ok(spec)) => {
                error.set(None);
                if ui.edited() {
                    asking.set(Some((id, spec)));
                } else {
                    switch(id, spec);
                }
            }
            Some(Err(e)) => error.set(Some(e)),
            None => error.set(Some(format!("no preset {id}"))),
        }
    };
    view! {
        <label class="preset">
            <span class="label">"Start from"</span>
            <select data-testid="preset-select" prop:value=selected on:change=on_change>
                {PRESETS
                    .iter()
                    .map(|p| view! { <option value=p.id selected=p.id == initial>{p.title}</option> })
                    .collect_view()}
            </select>
            {move || error.get().map(|e| view! { <span class="message" role="alert">{e}</span> })}
        </label>
        {move || asking.get().map(|(id, spec)| {
            let title = Preset::find(&id).map(|p| p.title).unwrap_or_default();
            view! {
                <div class="confirm" role="alertdialog" aria-label="Replace your edits?" data-testid="preset-confirm">
                    {format!("Replace your edits with \u{201c}{title}\u{201d}? A target you chose stays; Undo brings the old form back. ")}
                    <button type="button" data-testid="preset-replace"
                        on:click=move |_| { asking.set(None); switch(id.clone(), spec.clone()); }>"Replace the form"</button>
                    " "
                    <button type="button" data-testid="preset-keep"
                        on:click=move |_| { asking.set(None); selected.set(current.get_value()); }>"Keep my form"</button>
                </div>
            }
        })}
    }
}
