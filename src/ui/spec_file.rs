//! "Open spec file": loads a spec JSON file (the format `kubewright spec` prints and `--spec` reads)
//! into the form. The file is read in the browser; nothing is uploaded.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, use_ui};

#[component]
pub fn SpecFileOpen() -> impl IntoView {
    let ui = use_ui();
    let message = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // The same file chosen again must load again (e.g. after edits): forget the choice.
        input.set_value("");
        let name = file.name();
        spawn_local(async move {
            let text = browser::read_file(file).await.ok();
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
            <span class="label" title="A spec file is this form saved as JSON: what kubewright spec prints and --spec reads. It is read here in the page, nothing is uploaded.">
                "or open a spec file (the form as JSON, from "<code>"kubewright spec"</code>")"
            </span>
            <input type="file" accept=".json,application/json" data-testid="spec-file" on:change=on_change />
            {move || message.get().map(|m| view! { <span class="message error" role="alert" data-testid="spec-file-error">{m}</span> })}
        </label>
    }
}
