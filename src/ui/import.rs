//! The import panel: paste (or drop a file of) manifests or a docker-compose file; the form fills in
//! and a report lists what was held for review, dropped or adjusted, with paths. Everything happens in the
//! page; a dropped file is read locally.

use kubewright::import::{self, ImportError, ReportItem, SplitRule};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{browser, lazy, use_ui, Ui};

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Imported {
        format: &'static str,
        report: Vec<ReportItem>,
        /// What was added to the form, when the import was added rather than replacing it.
        added: Option<Vec<String>>,
    },
    /// Read, and the form has edits: add to it or replace it? Held until the user says.
    Asking(Box<import::Imported>),
    Failed(ImportError),
    /// Reading the text (the first time, the importer is fetched first).
    Reading,
}

#[component]
pub fn ImportPanel() -> impl IntoView {
    let ui = use_ui();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let rule = RwSignal::new(SplitRule::default().patterns.join("\n"));
    let outcome = RwSignal::new(None::<Outcome>);

    // The importer (YAML and compose reading) is a part of its own, fetched on the first import:
    // until it has come, the panel says it is reading.
    let run = move || {
        let pasted = text.get_untracked();
        let split = SplitRule::from_lines(&rule.get_untracked());
        outcome.set(Some(Outcome::Reading));
        spawn_local(async move {
            let result = match lazy::read_import(pasted, split).await {
                Ok(result) => result,
                Err(e) => Err(ImportError::new(e.to_string())),
            };
            // The pasted text may hold Secret data: once read, the box lets go of it (a browser
            // restoring form contents would otherwise keep it).
            if result.is_ok() {
                text.set(String::new());
            }
            outcome.set(Some(match result {
                Ok(imported) if ui.edited() => Outcome::Asking(Box::new(imported)),
                Ok(imported) => apply(ui, imported, false),
                Err(e) => Outcome::Failed(e),
            }));
        });
    };
    let take_file = move |file: Option<web_sys::File>| {
        let Some(file) = file else { return };
        spawn_local(async move {
            match browser::read_file(file).await {
                Ok(contents) => {
                    text.set(contents);
                    run();
                }
                Err(e) => outcome.set(Some(Outcome::Failed(ImportError::new(format!(
                    "cannot read the file: {e}"
                ))))),
            }
        });
    };

    view! {
        <button type="button" class="toggle" data-testid="import-open" aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)>"Import YAML or compose…"</button>
        <section class="import" data-testid="import-panel" hidden=move || !open.get() aria-label="Import">
            <p class="intro">
                "Paste Kubernetes manifests (several documents, as in a repo or from kubectl get -o yaml) "
                "or a docker-compose.yml, or drop a file on the box. If you have edited the form you choose to add "
                "the import to it or replace it. Secret data is decoded here in the page. Anything the form cannot hold is listed below."
            </p>
            <textarea data-testid="import-text" rows="10" spellcheck="false" autocomplete="off"
                placeholder="apiVersion: apps/v1\nkind: Deployment\n…"
                prop:value=text
                on:input=move |ev| text.set(event_target_value(&ev))
                on:dragover=move |ev: web_sys::DragEvent| ev.prevent_default()
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    take_file(ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
                }
            ></textarea>
            <div class="import-actions">
                <button type="button" data-testid="import-run" on:click=move |_| run()>"Import"</button>
                <label class="file">
                    "or choose a file: "
                    <input type="file" data-testid="import-file" accept=".yaml,.yml,.json,text/yaml"
                        on:change=move |ev| {
                            let input = event_target::<web_sys::HtmlInputElement>(&ev);
                            take_file(input.files().and_then(|f| f.get(0)));
                        } />
                </label>
            </div>
            {split_rule_box(rule)}
            {move || outcome.get().map(|o| outcome_view(ui, o, outcome))}
        </section>
    }
}

/// The compose import's rule for which environment entries are secret, one pattern a line.
fn split_rule_box(rule: RwSignal<String>) -> impl IntoView {
    view! {
        <details class="rule">
            <summary>"docker-compose: which environment entries are secret"</summary>
            <p class="hint">
                "One name pattern a line, not case-sensitive: * for any text (*PASSWORD* matches DBPASSWORD); "
                "a word without * must be a whole part of the name between _ (KEY matches API_KEY, not "
                "KEYCLOAK_URL). Matching entries, and any URL with a password in it, go to the Secret, the "
                "others to the ConfigMap. Manifests say themselves which is which."
            </p>
            <textarea data-testid="import-rule" rows="8" spellcheck="false"
                prop:value=rule on:input=move |ev| rule.set(event_target_value(&ev))></textarea>
        </details>
    }
}

/// Puts an import into the form: added to it, or replacing it.
/// (`ui` is passed in: this runs after the importer has come, where no component's context is.)
fn apply(ui: Ui, imported: import::Imported, add: bool) -> Outcome {
    let origin = kubewright::kept::Origin::Import;
    let added = if add {
        Some(ui.add_from(imported.spec, origin))
    } else {
        ui.load_from(imported.spec, origin);
        None
    };
    Outcome::Imported {
        format: imported.format.as_str(),
        report: imported.report,
        added,
    }
}

/// What the last import did: the error, the question, or the format and the report.
fn outcome_view(ui: Ui, outcome: Outcome, slot: RwSignal<Option<Outcome>>) -> AnyView {
    match outcome {
        Outcome::Asking(imported) => {
            let for_add = imported.clone();
            view! {
                <div class="confirm" role="alertdialog" aria-label="Add the import or replace the form?" data-testid="import-confirm">
                    {format!("Read a {}. Your form has edits: ", imported.format.as_str())}
                    <button type="button" data-testid="import-add"
                        on:click=move |_| slot.set(Some(apply(ui, (*for_add).clone(), true)))>"Add to my form"</button>
                    " "
                    <button type="button" data-testid="import-replace"
                        on:click=move |_| slot.set(Some(apply(ui, (*imported).clone(), false)))>"Replace my form"</button>
                    <p class="hint">"Add keeps every field you set and adds the env and secret rows, Jobs, database and objects your form lacks. Undo brings back the form either way."</p>
                </div>
            }.into_any()
        }
        Outcome::Reading => view! {
            <div role="status" aria-busy="true" data-testid="import-reading">"Reading…"</div>
        }.into_any(),
        Outcome::Failed(e) => view! {
            <div class="message" role="alert" data-testid="import-error">{e.to_string()}</div>
        }.into_any(),
        Outcome::Imported { format, report, added } => view! {
            <div role="status" data-testid="import-done">
                {format!("Imported a {format}. ")}
                {added.map(|a| if a.is_empty() {
                    "Your form had all of it already; nothing was added. ".to_string()
                } else {
                    format!("Added to your form: {}. ", a.join(", "))
                })}
                {if report.is_empty() { "Everything fit into the form.".to_string() } else { format!("{} notes:", report.len()) }}
            </div>
            <ul class="report" data-testid="import-report">
                {report.into_iter().map(|r| view! {
                    <li class=format!("report-{}", r.status.as_str().split(' ').next().unwrap_or_default())>
                        <strong>{r.status.as_str()}</strong>" "<code>{r.path}</code>" — "{r.note}
                    </li>
                }).collect_view()}
            </ul>
        }.into_any(),
    }
}
