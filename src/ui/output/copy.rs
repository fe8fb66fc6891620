//! Copy and download of what the YAML view shows, and the annotated switch. While the form has
//! errors (or a field holds text that cannot be used) every copy and download says so first, and
//! acts on "anyway": the YAML's buttons and the commands' behave alike.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::files::Shown;
use crate::ui::teach::learn::use_learn;
use crate::ui::{browser, use_ui};

/// What the user asked for while the form has errors: held until they confirm.
#[derive(Clone, Copy, PartialEq)]
pub enum Pending {
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

/// Runs `run` at once while the form is valid; otherwise holds it in `pending` for the confirm box.
pub fn ask(pending: RwSignal<Option<Pending>>, what: Pending, run: impl Fn(Pending)) {
    let ui = use_ui();
    // The verdict of the spec as it is now, even if its checks were due a frame later.
    ui.checks.check_now();
    if ui.verdict.get_untracked().errors > 0 {
        pending.set(Some(what));
    } else {
        run(what);
    }
}

/// The confirm box a held copy or download shows: what is wrong, "anyway" and "Cancel".
#[component]
pub fn ConfirmInvalid(
    pending: RwSignal<Option<Pending>>,
    /// Does what was held.
    run: Callback<Pending>,
    /// What is being copied, for the box's label ("YAML", "commands").
    what: &'static str,
) -> impl IntoView {
    let verdict = use_ui().verdict;
    move || {
        pending.get().map(|held| {
            view! {
                <div class="confirm" role="alertdialog" aria-label=format!("The {what} belong to a form that is not valid") data-testid="confirm">
                    {move || {
                        let errors = verdict.get().errors;
                        format!(
                            "The form has {errors} error{} (listed above): kubectl apply would be refused or the app would start with a value nobody chose. ",
                            if errors == 1 { "" } else { "s" },
                        )
                    }}
                    <button type="button" data-testid="confirm-anyway" on:click=move |_| { pending.set(None); run.run(held); }>
                        {if held == Pending::Copy { "Copy anyway" } else { "Download anyway" }}
                    </button>
                    " "
                    <button type="button" data-testid="confirm-cancel" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            }
        })
    }
}

#[component]
pub fn CopyDownload(shown: Shown, status: RwSignal<String>) -> impl IntoView {
    let learn = use_learn();
    let pending = RwSignal::new(None::<Pending>);
    let run = Callback::new(move |what: Pending| {
        let (name, text) = shown.text();
        match what {
            Pending::Copy => copy(status, name, text),
            Pending::Download => status.set(match browser::download(&name, &text) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download {name}: {e}"),
            }),
        }
    });
    view! {
        <div class="actions">
            <button type="button" data-testid="copy-yaml" on:click=move |_| ask(pending, Pending::Copy, |w| run.run(w))>
                {move || format!("Copy {}", shown.name())}
            </button>
            <button type="button" data-testid="download-yaml" on:click=move |_| ask(pending, Pending::Download, |w| run.run(w))>
                {move || format!("Download {}", shown.name())}
            </button>
            <label class="toggle">
                <input type="checkbox" data-testid="annotated" prop:checked=learn.annotated
                    on:change=move |ev| learn.annotated.set(event_target_checked(&ev)) />
                " annotated (comments say why; copy and download include them)"
            </label>
            <span class="status" role="status" aria-live="polite" data-testid="status">{status}</span>
        </div>
        <ConfirmInvalid pending=pending run=run what="YAML" />
    }
}
