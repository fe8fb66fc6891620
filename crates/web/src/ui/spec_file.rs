//! "Open spec file": loads a spec JSON file (the format `kubewright spec` prints and `--spec` reads)
//! into the form. The file is read in the browser; nothing is uploaded.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::use_ui;

#[component]
pub fn SpecFileOpen() -> impl IntoView {
    let ui = use_ui();
    let message = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file chosen again must load again (e.g. after edits): forget the choice.
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            match text.map(|t| kubewright::spec_from_json(&t)) {
                Some(Ok(spec)) => {
                    message.set(None);
                    ui.load_from(spec, kubewright::kept::Origin::SpecFile);
                }
                Some(Err(e)) => message.set(Some(format!("{name} is not a spec file: {e}"))),
                None => message.set(Some(format!("{name} could not be read as text"))),
            }
        });
    };
    view! {
        <label class="spec-file">
            <span class="label">"or open a spec file"</span>
            <input type="file" accept=".json,application/json" data-testid="spec-file" on:change=on_change />
            {move || message.get().map(|m| view! { <span class="message error" role="alert" data-testid="spec-file-error">{m}</span> })}
        </label>
    }
}
