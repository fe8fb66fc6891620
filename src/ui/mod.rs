//! The page: the header (presets, target, spec file, undo, import, export, the kept copy and the
//! review of kept objects), the form's tabs, the output panel, and the teaching aids both use.
//! Everything shown is derived from one spec signal by the core's functions; components only bind
//! fields and show results.

mod browser;
mod history;
mod import;
mod keep;
mod kept;
mod output;
mod presets;
mod spec_file;
mod state;
mod tabs;
mod target;
mod teach;

pub use state::{use_ui, InputError, Ui};
pub use tabs::Tab;

use leptos::prelude::*;

use teach::learn;

/// The whole page: header with presets, the form (tabs) and the output.
#[component]
pub fn App() -> impl IntoView {
    let first = kubewright::presets::PRESETS[0];
    // A share link, else the autosaved copy, else the first preset (tested to parse; an empty
    // default spec is the never-seen fallback).
    let (spec, restored, problem, notes) = keep::initial_spec(first.spec().unwrap_or_default());
    let ui = Ui::new(spec);
    ui.gate_notes.set(notes);
    provide_context(ui);
    learn::provide();
    let history = history::History::new(ui);

    view! {
        <header class="top">
            <h1>"Kubewright"</h1>
            <p class="tagline">
                "Fill in the form; the Kubernetes manifests and the commands that apply them update as you type. "
                "Nothing leaves this page."
            </p>
            <presets::PresetSelect initial=first.id />
            <target::TargetSwitch />
            <spec_file::SpecFileOpen />
            <div class="toolbar">
                <history::UndoRedo history=history />
                <import::ImportPanel />
                <output::export::ExportButtons />
            </div>
            <keep::Keep restored=restored problem=problem />
            <kept::KeptReview />
        </header>
        <main class="layout">
            <tabs::Form />
            <output::Output />
        </main>
    }
}
