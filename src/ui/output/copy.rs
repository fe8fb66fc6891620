//! Copy and download of what the YAML view shows, and the annotated switch. While the spec has
//! errors they say so first, and act on "anyway".

use kubewright::validate;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::files::Shown;
use crate::ui::teach::learn::use_learn;
use crate::ui::{browser, use_ui};

/// What the user asked for while the YAML has errors: held until they confirm.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    Copy,
    Download,
}

/// Puts `text` on the clipboard and says in `status` how that went.
pub fn copy(status: RwSignal<String>, what: String, text: String) {
    spawn_local(async move {
        status.set(match browser::copy(text).await {
            Ok(()) => format!("Copied {what} to the clipboard."),
            Err(e) => format!("Could not copy ({e}): select the text and press Ctrl+C."),
        });
    });
}

#[component]
pub fn CopyDownload(shown: Shown, status: RwSignal<String>) -> impl IntoView {
    let ui = use_ui();
    let learn = use_learn();
    let errors = Memo::new(move |_| ui.issues.with(|i| validate::error_count(i)));
    let pending = RwSignal::new(None::<Pending>);
    let run = move |what: Pending| {
        let (name, text) = shown.text();
        match what {
            Pending::Copy => copy(status, name, text),
            Pending::Download => status.set(match browser::download(&name, &text) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download {name}: {e}"),
            }),
        }
    };
    let ask = move |what: Pending| {
        if errors.get_untracked() > 0 {
            pending.set(Some(what));
        } else {
            run(what);
        }
    };
    view! {
        <div class="actions">
            <button type="button" data-testid="copy-yaml" on:click=move |_| ask(Pending::Copy)>
                {move || format!("Copy {}", shown.name())}
            </button>
            <button type="button" data-testid="download-yaml" on:click=move |_| ask(Pending::Download)>
                {move || format!("Download {}", shown.name())}
            </button>
            <label class="toggle">
                <input type="checkbox" data-testid="annotated" prop:checked=learn.annotated
                    on:change=move |ev| learn.annotated.set(event_target_checked(&ev)) />
                " annotated (comments say why; copy and download include them)"
            </label>
            <span class="status" role="status" aria-live="polite" data-testid="status">{status}</span>
        </div>
        {move || pending.get().map(|what| view! {
            <div class="confirm" role="alertdialog" aria-label="The YAML is not valid" data-testid="confirm">
                {move || format!(
                    "This YAML has {} error{} (listed above): kubectl apply would be refused. ",
                    errors.get(),
                    if errors.get() == 1 { "" } else { "s" },
                )}
                <button type="button" data-testid="confirm-anyway" on:click=move |_| { pending.set(None); run(what); }>
                    {if what == Pending::Copy { "Copy anyway" } else { "Download anyway" }}
                </button>
                " "
                <button type="button" data-testid="confirm-cancel" on:click=move |_| pending.set(None)>"Cancel"</button>
            </div>
        })}
    }
}
