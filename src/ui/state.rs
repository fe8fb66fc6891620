//! The page's state: one `RwSignal<AppSpec>`; `rendered` and `issues` are memos over it, so each
//! keystroke renders and validates once and every panel reads the same result (an edit's
//! validation follows a frame after its YAML: checks.rs).

use std::sync::Arc;
use std::time::Duration;

use kubewright::import::ReportItem;
use kubewright::kept::Origin;
use kubewright::validate::{Issue, Verdict};
use kubewright::{AppSpec, Rendered};
use leptos::prelude::*;

use super::checks::Checks;
use super::later::a_frame_later;
use super::tabs::{seal, Tab};

/// What a phone shows of the page (one at a time below the switch; a wide screen shows all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Form,
    Yaml,
    Commands,
}

impl Pane {
    pub const ALL: [Pane; 3] = [Pane::Form, Pane::Yaml, Pane::Commands];

    pub fn name(self) -> &'static str {
        match self {
            Pane::Form => "form",
            Pane::Yaml => "yaml",
            Pane::Commands => "commands",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Pane::Form => "Form",
            Pane::Yaml => "YAML",
            Pane::Commands => "Commands",
        }
    }
}

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
    /// When the checks run (at once for a load, a frame later for an edit) and whether the YAML is big.
    pub checks: Checks,
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
    /// The verdict over the issues and the fields whose text could not be used: never "valid"
    /// while one holds text the YAML cannot take.
    pub verdict: Memo<Verdict>,
    /// Bumped when a preset replaces the whole spec: the form is rebuilt, dropping half-typed text.
    pub generation: RwSignal<u32>,
    /// Goes up a frame after `rendered` changes (at once for a load): what tracks it instead of
    /// `rendered` is left out of a keystroke's frame (the commands, the line marks: later.rs).
    pub settled: ReadSignal<u64>,
    /// What the gate said of the last spec from outside the page (a link, a spec file, an import):
    /// objects dropped or held, secret values to check.
    pub gate_notes: RwSignal<Vec<ReportItem>>,
    /// The spec as last loaded (preset, link, file, import): the form is "edited" when it differs,
    /// and replacing it then asks first.
    pub baseline: StoredValue<AppSpec>,
    /// The part of the page a phone shows.
    pub pane: RwSignal<Pane>,
    /// Whether the user chose where the app runs: a preset switch keeps that choice (otherwise the
    /// preset's own target applies).
    pub target_chosen: StoredValue<bool>,
    /// Where the sealing part is (see seal.rs).
    pub sealing: RwSignal<seal::SealPart>,
    sealer: StoredValue<Arc<seal::SharedSealer>>,
}

impl Ui {
    pub fn new(spec: AppSpec) -> Self {
        let baseline = StoredValue::new(spec.clone());
        let spec = RwSignal::new(spec);
        // Kept across renders so an unchanged secret keeps its sealed text (see seal.rs).
        let (sealer, part) = seal::SharedSealer::new();
        let sealing = RwSignal::new(part);
        let shared = Arc::clone(&sealer);
        let rendered = Memo::new(move |_| {
            sealing.track();
            let (rendered, missing) = spec.with(|s| shared.render(s));
            if missing {
                shared.load(sealing);
            }
            rendered
        });
        let checks = Checks::new(spec, rendered);
        let issues = checks.issues;
        let generation = RwSignal::new(0);
        checks.follow(spec, generation);
        let settled = a_frame_later(move || rendered.track(), generation);
        let input_errors = RwSignal::new(Vec::<InputError>::new());
        let verdict = Memo::new(move |_| {
            issues
                .with(|i| Verdict::of(i))
                .with_unusable_text(input_errors.with(Vec::len))
        });
        Ui {
            spec,
            rendered,
            checks,
            issues,
            issues_by_path: Memo::new(move |_| {
                let mut sorted = issues.get();
                sorted.sort_by(|a, b| a.path.cmp(&b.path));
                sorted
            }),
            tab: RwSignal::new(Tab::App),
            focus_path: RwSignal::new(None),
            input_errors,
            verdict,
            generation,
            settled,
            gate_notes: RwSignal::new(Vec::new()),
            baseline,
            pane: RwSignal::new(Pane::Form),
            target_chosen: StoredValue::new(false),
            sealing,
            sealer: StoredValue::new(sealer),
        }
    }

    /// Fetches the sealing part unless it was asked for already (in idle time).
    pub fn load_sealer(&self) {
        self.sealer.with_value(|s| s.load(self.sealing));
    }

    /// Fetches the sealing part again after a failure (the banner's "Try again").
    pub fn retry_sealer(&self) {
        self.sealer.with_value(|s| s.retry(self.sealing));
    }

    /// Whether the form holds edits since it was last loaded.
    pub fn edited(&self) -> bool {
        self.spec
            .with_untracked(|s| self.baseline.with_value(|b| s != b))
    }

    /// Adds a spec from outside the page to the form (see [`kubewright::import::merge`]), through the
    /// gate first; returns what was added.
    pub fn add_from(&self, spec: AppSpec, origin: Origin) -> Vec<String> {
        let (spec, notes) = kubewright::kept::admit(spec, origin);
        let (merged, added) = self
            .spec
            .with_untracked(|s| kubewright::import::merge(s, spec));
        self.load(merged);
        self.gate_notes.set(notes);
        added
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
        self.baseline.set_value(spec.clone());
        self.input_errors.set(Vec::new());
        self.gate_notes.set(Vec::new());
        self.spec.set(spec);
        self.generation.update(|g| *g += 1);
    }

    /// Opens the tab that holds the field at `path` and puts the cursor in it.
    pub fn focus(&self, path: &str) {
        self.pane.set(Pane::Form);
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
