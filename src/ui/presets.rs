//! The preset selector: replaces the whole form with a ready-made spec.

use kubewright::presets::{Preset, PRESETS};
use leptos::prelude::*;

use super::use_ui;

#[component]
pub fn PresetSelect(initial: &'static str) -> impl IntoView {
    let ui = use_ui();
    let error = RwSignal::new(None::<String>);
    view! {
        <label class="preset">
            <span class="label">"Start from"</span>
            <select
                data-testid="preset-select"
                on:change=move |ev| {
                    let id = event_target_value(&ev);
                    match Preset::find(&id).map(|p| p.spec()) {
                        Some(Ok(spec)) => {
                            error.set(None);
                            ui.load(spec);
                        }
                        Some(Err(e)) => error.set(Some(e)),
                        None => error.set(Some(format!("no preset {id}"))),
                    }
                }
            >
                {PRESETS
                    .iter()
                    .map(|p| view! { <option value=p.id selected=p.id == initial>{p.title}</option> })
                    .collect_view()}
            </select>
            {move || error.get().map(|e| view! { <span class="message" role="alert">{e}</span> })}
        </label>
    }
}
