//! The output panel: the YAML (all documents, or one file), copy and download, and the commands.

use leptos::prelude::*;
use leptos::task::spawn_local;

use kubewright::render::annotate;

use super::graph::ObjectDiagram;
use super::learn::use_learn;
use super::yaml_view::YamlView;
use super::{browser, lint, use_ui};

/// What the user asked for while the YAML has errors: held until they confirm.
#[derive(Clone, Copy, PartialEq)]
enum Pending {
    Copy,
    Download,
}

/// The name of the "all documents" view and its download.
const ALL: &str = "all";
const ALL_FILE: &str = "manifests.yaml";

#[component]
pub fn Output() -> impl IntoView {
    let ui = use_ui();
    let rendered = ui.rendered;
    let selected = RwSignal::new(ALL.to_string());
    let status = RwSignal::new(String::new());
    let names = Memo::new(move |_| {
        rendered.with(|r| r.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
    });
    // The chosen file may disappear (e.g. the last env entry removed): show all documents then.
    let shown = Memo::new(move |_| {
        let name = selected.get();
        rendered.with(|r| {
            r.files
                .iter()
                .find(|f| f.name == name)
                .map(|f| (f.name.clone(), f.yaml.clone()))
        })
    });
    let learn = use_learn();
    // What copy and download take: what is shown, with the comments when annotated is on.
    let current = move || {
        let (name, yaml) = shown
            .get()
            .unwrap_or_else(|| (ALL_FILE.to_string(), rendered.with(|r| r.all.clone())));
        if !learn.annotated.get_untracked() {
            return (name, yaml);
        }
        let text = ui.spec.with_untracked(|s| {
            if name == ALL_FILE {
                annotate::annotate(s, &yaml)
            } else {
                annotate::annotate_file(s, &name, &yaml)
            }
        });
        (name, text)
    };
    // The lines of the shown file within the whole stream (documents are in file order).
    let file_range = Memo::new(move |_| {
        let name = shown.with(|s| s.as_ref().map(|(n, _)| n.clone()))?;
        let doc = rendered.with(|r| r.files.iter().position(|f| f.name == name))?;
        learn.lines.with(|lines| {
            let mut starts = vec![0];
            starts.extend(
                lines
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| *l == "---")
                    .map(|(i, _)| i + 1),
            );
            let start = *starts.get(doc)?;
            let end = starts
                .get(doc + 1)
                .map(|next| next - 1)
                .unwrap_or(lines.len());
            Some((start, end))
        })
    });
    // The buttons only need the file name: reading it must not clone the YAML on every keystroke.
    let current_name = move || {
        shown
            .with(|s| s.as_ref().map(|(name, _)| name.clone()))
            .unwrap_or_else(|| ALL_FILE.to_string())
    };

    // Copy / download while errors stand: say so first, act on "anyway".
    let pending = RwSignal::new(None::<Pending>);
    let copy = move |what: String, text: String| {
        spawn_local(async move {
            status.set(match browser::copy(text).await {
                Ok(()) => format!("Copied {what} to the clipboard."),
                Err(e) => format!("Could not copy ({e}): select the text and press Ctrl+C."),
            });
        });
    };

    let run = move |what: Pending| {
        let (name, text) = current();
        match what {
            Pending::Copy => copy(name, text),
            Pending::Download => status.set(match browser::download(&name, &text) {
                Ok(()) => format!("Downloaded {name}."),
                Err(e) => format!("Could not download {name}: {e}"),
            }),
        }
    };

    view! {
        <section class="output" aria-label="Generated manifests and commands">
            <lint::LintPanel />
            {move || {
                let errors = ui.input_errors.get();
                (!errors.is_empty()).then(|| view! {
                    <div class="input-errors" role="alert" data-testid="input-errors">
                        <strong>"Not applied yet: "</strong>
                        "the YAML below keeps the last valid value of "
                        {errors.iter().map(|e| format!("{} ({})", e.path, e.message)).collect::<Vec<_>>().join("; ")}
                        "."
                    </div>
                })
            }}
            <super::seal::SealBanner />
            <div class="files" role="tablist" aria-label="Files">
                <button type="button" role="tab" data-testid="file-all"
                    class:active=move || shown.with(Option::is_none)
                    on:click=move |_| selected.set(ALL.into())>"all"</button>
                {move || names.get().into_iter().map(|name| {
                    let is = name.clone();
                    let set = name.clone();
                    let testid = format!("file-{name}");
                    view! {
                        <button type="button" role="tab" data-testid=testid
                            class:active=move || shown.with(|s| s.as_ref().is_some_and(|(n, _)| *n == is))
                            on:click=move |_| selected.set(set.clone())>{name}</button>
                    }
                }).collect_view()}
            </div>
            <div class="actions">
                <button type="button" data-testid="copy-yaml" on:click=move |_| {
                    if lint::error_count() > 0 { pending.set(Some(Pending::Copy)); } else { run(Pending::Copy); }
                }>{move || format!("Copy {}", current_name())}</button>
                <button type="button" data-testid="download-yaml" on:click=move |_| {
                    if lint::error_count() > 0 { pending.set(Some(Pending::Download)); } else { run(Pending::Download); }
                }>{move || format!("Download {}", current_name())}</button>
                <label class="toggle">
                    <input type="checkbox" data-testid="annotated" prop:checked=learn.annotated
                        on:change=move |ev| learn.annotated.set(event_target_checked(&ev)) />
                    " annotated (comments say why; copy and download include them)"
                </label>
                <span class="status" role="status" aria-live="polite" data-testid="status">{status}</span>
            </div>
            {move || pending.get().map(|what| view! {
                <div class="confirm" role="alertdialog" aria-label="The YAML is not valid" data-testid="confirm">
                    {format!(
                        "This YAML has {} error{} (listed above): kubectl apply would be refused. ",
                        lint::error_count(),
                        if lint::error_count() == 1 { "" } else { "s" },
                    )}
                    <button type="button" data-testid="confirm-anyway" on:click=move |_| { pending.set(None); run(what); }>
                        {if what == Pending::Copy { "Copy anyway" } else { "Download anyway" }}
                    </button>
                    " "
                    <button type="button" data-testid="confirm-cancel" on:click=move |_| pending.set(None)>"Cancel"</button>
                </div>
            })}
            // Always in the page (hidden while one file is shown), so its text is the whole stream.
            <YamlView testid="yaml-all" range=Signal::derive(|| None)
                hidden=Signal::derive(move || shown.with(Option::is_some)) />
            {move || file_range.get().map(|range| view! {
                <YamlView testid="yaml-file" range=Signal::derive(move || Some(range)) hidden=Signal::derive(|| false) />
            })}
            <p class="intro">"Focus or point at a field to light up its lines; click a line to edit its field. Lines the last edit changed are marked for a moment."</p>
            <details class="diagram-box" open>
                <summary>"Diagram"</summary>
                <ObjectDiagram />
            </details>
            <div class="commands-head">
                <h2>"Commands"</h2>
                <button type="button" data-testid="copy-commands"
                    on:click=move |_| copy("the commands".into(), rendered.with(|r| r.commands_text()))>"Copy commands"</button>
            </div>
            <p class="intro">"Run them in order from the folder with the downloaded files. None contains a secret value."</p>
            <pre class="commands" data-testid="commands" tabindex="0" aria-label="Commands">
                {move || rendered.with(|r| r.commands.iter().enumerate().map(|(i, c)| view! {
                    {(i > 0).then_some("\n")}
                    <span class="comment">{format!("# {}\n", c.comment)}</span>
                    <span class="command">{format!("{}\n", c.line)}</span>
                }).collect_view())}
            </pre>
        </section>
    }
}
