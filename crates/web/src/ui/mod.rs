//! Components, one file per spec module they edit (the tab, the module and the tests use the same
//! word). State: one `RwSignal<AppSpec>`; `rendered` is a memo over it, so each keystroke renders once
//! and every panel reads the same result.

mod app;
mod browser;
mod database;
mod env;
mod explain;
mod export;
mod fields;
mod graph;
mod history;
mod image;
mod import;
mod jobs;
mod keep;
mod kept;
mod labels;
mod learn;
mod lint;
mod output;
mod port;
mod presets;
mod probes;
mod qos;
mod resources;
mod rollout;
mod seal;
mod secrets;
mod security;
mod service;
mod spec_file;
mod target;
mod yaml_view;

use std::time::Duration;

use kubewright::import::ReportItem;
use kubewright::kept::Origin;
use kubewright::validate::{self, Issue};
use kubewright::{AppSpec, Rendered};
use leptos::prelude::*;

/// A field whose text could not be used (e.g. "abc" for replicas): the spec keeps the last valid
/// value, and the output panel says so, so nothing silently differs from what the form shows.
#[derive(Clone, Debug, PartialEq)]
pub struct InputError {
    /// Field path, e.g. `app.replicas` (the same paths validation uses).
    pub path: String,
    pub message: String,
}

/// The app's shared state, provided as context.
#[derive(Clone, Copy)]
pub struct Ui {
    pub spec: RwSignal<AppSpec>,
    pub rendered: Memo<Rendered>,
    /// Every validation issue, errors first.
    pub issues: Memo<Vec<Issue>>,
    /// The same issues sorted by field path, so each field finds its own by binary search instead
    /// of scanning them all (10,000 env rows can have as many issues).
    pub issues_by_path: Memo<Vec<Issue>>,
    /// The open form tab.
    pub tab: RwSignal<Tab>,
    /// The field the lint panel last asked to show, so a paged list can bring its row up.
    pub focus_path: RwSignal<Option<String>>,
    pub input_errors: RwSignal<Vec<InputError>>,
    /// Bumped when a preset replaces the whole spec: the form is rebuilt, dropping half-typed text.
    pub generation: RwSignal<u32>,
    /// What the gate said of the last spec from outside the page (a link, a spec file, an import):
    /// objects dropped or held, secret values to check.
    pub gate_notes: RwSignal<Vec<ReportItem>>,
}

impl Ui {
    pub fn new(spec: AppSpec) -> Self {
        let spec = RwSignal::new(spec);
        let issues = Memo::new(move |_| spec.with(validate::validate));
        // Kept across renders so an unchanged secret keeps its sealed text (see seal.rs).
        let sealer = seal::shared_sealer();
        Ui {
            spec,
            rendered: Memo::new(move |_| spec.with(|s| seal::render(s, &sealer))),
            issues,
            issues_by_path: Memo::new(move |_| {
                let mut sorted = issues.get();
                sorted.sort_by(|a, b| a.path.cmp(&b.path));
                sorted
            }),
            tab: RwSignal::new(Tab::App),
            focus_path: RwSignal::new(None),
            input_errors: RwSignal::new(Vec::new()),
            generation: RwSignal::new(0),
            gate_notes: RwSignal::new(Vec::new()),
        }
    }

    /// Replaces the whole spec with one from outside the page, through the gate: nothing it
    /// brings is included in the output until the user says so (see [`kubewright::kept`]).
    pub fn load_from(&self, spec: AppSpec, origin: Origin) {
        let (spec, notes) = kubewright::kept::admit(spec, origin);
        self.load(spec);
        self.gate_notes.set(notes);
    }

    /// Replaces the whole spec (a preset was chosen, or undo).
    pub fn load(&self, spec: AppSpec) {
        self.input_errors.set(Vec::new());
        self.gate_notes.set(Vec::new());
        self.spec.set(spec);
        self.generation.update(|g| *g += 1);
    }

    /// Opens the tab that holds the field at `path` and puts the cursor in it.
    pub fn focus(&self, path: &str) {
        // Kept objects are reviewed above the form, whatever tab is open.
        if !path.starts_with("extra[") {
            self.tab.set(Tab::of_path(path));
        }
        self.focus_path.set(Some(path.to_string()));
        let selector = format!("[data-path=\"{path}\"]");
        // After the tab's fields are in the DOM (Leptos updates it in a microtask).
        set_timeout(
            move || {
                let element = document()
                    .query_selector(&selector)
                    .ok()
                    .flatten()
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
                if let Some(element) = element {
                    let _ = element.focus();
                }
            },
            Duration::ZERO,
        );
    }

    /// Records (`Some`) or clears (`None`) the problem with one field's text.
    pub fn set_input_error(&self, path: &str, message: Option<String>) {
        self.input_errors.update(|errors| {
            errors.retain(|e| e.path != path);
            if let Some(message) = message {
                errors.push(InputError {
                    path: path.to_string(),
                    message,
                });
            }
        });
    }
}

pub fn use_ui() -> Ui {
    expect_context::<Ui>()
}

/// The form tabs, in the order a newcomer fills them in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    App,
    Image,
    Env,
    Secrets,
    Port,
    Probes,
    Resources,
    Service,
    Jobs,
    Security,
    Database,
}

impl Tab {
    pub const ALL: [Tab; 11] = [
        Tab::App,
        Tab::Image,
        Tab::Env,
        Tab::Secrets,
        Tab::Port,
        Tab::Probes,
        Tab::Resources,
        Tab::Service,
        Tab::Jobs,
        Tab::Security,
        Tab::Database,
    ];

    /// The tab holding the field at a path: the path's first word, the spec module's name.
    pub fn of_path(path: &str) -> Tab {
        let head = path.split(['.', '[']).next().unwrap_or_default();
        let head = match head {
            "downward" | "pod_env" => "env",
            "clustering" => "service",
            other => other,
        };
        Tab::ALL
            .into_iter()
            .find(|t| t.name() == head)
            .unwrap_or(Tab::App)
    }

    /// The tab's label, also its spec module's name and its `data-testid` suffix.
    pub fn name(self) -> &'static str {
        match self {
            Tab::App => "app",
            Tab::Image => "image",
            Tab::Env => "env",
            Tab::Secrets => "secrets",
            Tab::Port => "port",
            Tab::Probes => "probes",
            Tab::Resources => "resources",
            Tab::Service => "service",
            Tab::Jobs => "jobs",
            Tab::Security => "security",
            Tab::Database => "database",
        }
    }
}

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
    let learn = learn::provide();
    let history = history::History::new(ui);
    let tab = ui.tab;

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
                <export::ExportButtons />
            </div>
            <keep::Keep restored=restored problem=problem />
            <kept::KeptReview />
        </header>
        <main class="layout">
            // The field in focus or under the pointer lights up its YAML lines.
            <section class="form" aria-label="Your app"
                on:focusin=move |ev| learn.focused.set(learn::path_of(&ev))
                on:mouseover=move |ev| learn.hovered.set(learn::path_of(&ev))
                on:mouseleave=move |_| learn.hovered.set(None)>
                <nav class="tabs" role="tablist">
                    {Tab::ALL
                        .into_iter()
                        .map(|t| {
                            view! {
                                <button
                                    type="button"
                                    role="tab"
                                    data-testid=format!("tab-{}", t.name())
                                    aria-selected=move || (tab.get() == t).to_string()
                                    class:active=move || tab.get() == t
                                    on:click=move |_| tab.set(t)
                                >
                                    {t.name()}
                                </button>
                            }
                        })
                        .collect_view()}
                </nav>
                // Rebuilt when a preset is loaded, so no field keeps text typed for the old spec.
                {move || {
                    ui.generation.track();
                    view! { <div class="tab-panel" role="tabpanel">{move || panel(tab.get())}</div> }
                }}
            </section>
            <output::Output />
        </main>
    }
}

fn panel(tab: Tab) -> AnyView {
    match tab {
        Tab::App => view! { <app::AppTab /> }.into_any(),
        Tab::Image => view! { <image::ImageTab /> }.into_any(),
        Tab::Env => view! { <env::EnvTab /> }.into_any(),
        Tab::Secrets => view! { <secrets::SecretsTab /> }.into_any(),
        Tab::Port => view! { <port::PortTab /> }.into_any(),
        Tab::Probes => view! { <probes::ProbesTab /> }.into_any(),
        Tab::Resources => view! { <resources::ResourcesTab /> }.into_any(),
        Tab::Service => view! { <service::ServiceTab /> }.into_any(),
        Tab::Jobs => view! { <jobs::JobsTab /> }.into_any(),
        Tab::Security => view! { <security::SecurityTab /> }.into_any(),
        Tab::Database => view! { <database::DatabaseTab /> }.into_any(),
    }
}
