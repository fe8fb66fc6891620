//! The page: the header (presets, target, spec file, undo, import, export, the kept copy and the
//! review of kept objects), the form's tabs, the output panel, and the teaching aids both use.
//! Everything shown is derived from one spec signal by the core's functions; components only bind
//! fields and show results.

mod browser;
mod checks;
mod history;
mod import;
mod keep;
mod kept;
mod later;
mod lazy;
mod output;
mod presets;
mod spec_file;
mod state;
mod tabs;
mod target;
mod teach;

pub use state::{use_ui, InputError, Pane, Ui};
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
    lazy::prefetch(ui);

    let pane = ui.pane;
    // Long lines wrap on request (phones); off, they scroll sideways inside their box.
    let wrap = RwSignal::new(false);
    view! {
        <header class="top">
            <div class="brand">
                <h1>"Kubewright"</h1>
                <p class="tagline">
                    "Fill in the form; the Kubernetes manifests and the commands that apply them update as you type. "
                    "Nothing leaves this page."
                </p>
            </div>
            <div class="header-groups">
                <div class="group start" role="group" aria-label="Start from">
                    <presets::PresetSelect initial=first.id />
                    <spec_file::SpecFileOpen />
                    <import::ImportPanel />
                </div>
                <target::TargetSwitch />
                <div class="group history" role="group" aria-label="Undo and redo">
                    <history::UndoRedo history=history />
                </div>
                // Open on a wide screen; folded on a phone, so the form comes first.
                <details class="group out" open=wide_screen()>
                    <summary data-testid="export-menu">"Export, share and the saved copy"</summary>
                    <output::export::ExportButtons />
                    <keep::Keep />
                </details>
            </div>
            <keep::KeepNotices restored=restored problem=problem />
            <kept::KeptReview />
        </header>
        <nav class="pane-switch" aria-label="Show">
            {Pane::ALL.into_iter().map(|p| view! {
                <button type="button" data-testid=format!("pane-{}", p.name())
                    aria-pressed=move || (pane.get() == p).to_string()
                    on:click=move |_| pane.set(p)>{p.label()}</button>
            }).collect_view()}
            <label class="check wrap-toggle">
                <input type="checkbox" data-testid="wrap-lines" prop:checked=wrap
                    on:change=move |ev| wrap.set(event_target_checked(&ev)) />
                <span>"wrap lines"</span>
            </label>
        </nav>
        <main class="layout" data-pane=move || pane.get().name() class:wrap=wrap>
            <tabs::Form />
            <output::Output />
        </main>
    }
}

// Wider than the phone layout's breakpoint (700 px in style.css).
fn wide_screen() -> bool {
    window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_none_or(|w| w > 700.0)
}
