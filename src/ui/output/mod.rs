//! The output panel: the verdict and its issues, the YAML (all documents, or one file) with copy and
//! download, the object diagram and the commands.

mod blocks;
mod commands;
mod copy;
pub mod export;
mod files;
mod lint;
mod onscreen;
mod yaml_view;

use leptos::prelude::*;

use crate::ui::tabs::seal::SealBanner;
use crate::ui::teach::graph::ObjectDiagram;
use crate::ui::use_ui;

#[component]
pub fn Output() -> impl IntoView {
    let shown = files::Shown::new();
    // What the last copy or download did (the YAML's and the commands' buttons share it).
    let status = RwSignal::new(String::new());
    view! {
        <section class="output" aria-label="Generated manifests and commands">
            <lint::LintPanel />
            <InputErrors />
            <SealBanner />
            <files::FileTabs shown=shown />
            <copy::CopyDownload shown=shown status=status />
            <files::YamlViews shown=shown />
            <p class="intro">"Focus or point at a field to light up its lines; click a line to edit its field. Lines the last edit changed are marked for a moment."</p>
            <details class="diagram-box" open>
                <summary>"Diagram"</summary>
                <ObjectDiagram />
            </details>
            <div class="commands-box" id="pane-commands">
                <commands::Commands shown=shown status=status />
            </div>
        </section>
    }
}

/// The fields whose text could not be used: the YAML keeps their last valid value.
#[component]
fn InputErrors() -> impl IntoView {
    let ui = use_ui();
    move || {
        let errors = ui.input_errors.get();
        (!errors.is_empty()).then(|| view! {
            <div class="input-errors" role="alert" data-testid="input-errors">
                <strong>"Not applied yet: "</strong>
                "the YAML below keeps the last valid value of "
                {errors.iter().map(|e| format!("{} ({})", e.path, e.message)).collect::<Vec<_>>().join("; ")}
                "."
            </div>
        })
    }
}
