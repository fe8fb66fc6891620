//! Undo / redo of form edits (buttons, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y).
//!
//! Every spec change is watched; changes less than [`BURST_MS`] apart (the keystrokes of one word)
//! make one undo step. Loading a preset or an import right after typing joins the typing's step.

use kubewright::AppSpec;
use leptos::prelude::*;

use super::later::Quiet;
use super::{use_ui, Ui};

/// Changes closer together than this are one step.
pub const BURST_MS: f64 = 1000.0;
/// Steps kept.
const LIMIT: usize = 100;

#[derive(Clone, Copy)]
pub struct History {
    past: StoredValue<Vec<AppSpec>>,
    future: StoredValue<Vec<AppSpec>>,
    /// The spec at the last quiet moment: what the next burst of edits is undone to. Copied once per
    /// burst, by a timer, so a keystroke costs no copy of the spec (10,000 env rows stay fast).
    settled: StoredValue<AppSpec>,
    /// Whether the spec changed since `settled` was taken.
    dirty: StoredValue<bool>,
    /// Settles once the edits have stopped for [`BURST_MS`].
    quiet: Quiet,
    /// Set while undo/redo itself changes the spec.
    applying: StoredValue<bool>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
}

impl History {
    pub fn new(ui: Ui) -> Self {
        let settled = StoredValue::new(ui.spec.get_untracked());
        let dirty = StoredValue::new(false);
        let burst = std::time::Duration::from_millis(BURST_MS as u64);
        let history = History {
            past: StoredValue::new(Vec::new()),
            future: StoredValue::new(Vec::new()),
            settled,
            dirty,
            quiet: Quiet::new(burst, move || settle(ui, settled, dirty)),
            applying: StoredValue::new(false),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
        };
        Effect::new(move |previous: Option<()>| {
            ui.spec.track();
            ui.generation.track();
            // The effect's first run is the initial spec, not an edit.
            if previous.is_some() {
                history.record(ui);
            }
        });
        history
    }

    fn record(&self, ui: Ui) {
        if self.applying.get_value() {
            self.applying.set_value(false);
            self.settle(ui);
            return;
        }
        if !self.dirty.get_value() {
            // The first change of a burst: the settled spec becomes one undo step.
            let before = self.settled.get_value();
            self.past.update_value(|p| {
                p.push(before);
                if p.len() > LIMIT {
                    p.remove(0);
                }
            });
            self.dirty.set_value(true);
        }
        self.future.update_value(Vec::clear);
        self.refresh();
        self.quiet.poke();
    }

    fn settle(&self, ui: Ui) {
        settle(ui, self.settled, self.dirty);
    }

    // Only on a change: a set signal notifies even when the value is the same, and this runs on
    // every keystroke.
    fn refresh(&self) {
        let undo = self.past.with_value(|p| !p.is_empty());
        let redo = self.future.with_value(|f| !f.is_empty());
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    pub fn undo(&self, ui: Ui) {
        self.step(ui, self.past, self.future);
    }

    pub fn redo(&self, ui: Ui) {
        self.step(ui, self.future, self.past);
    }

    fn step(&self, ui: Ui, from: StoredValue<Vec<AppSpec>>, to: StoredValue<Vec<AppSpec>>) {
        let Some(target) = from.try_update_value(|v| v.pop()).flatten() else {
            return;
        };
        let current = ui.spec.get_untracked();
        to.update_value(|v| v.push(current));
        self.applying.set_value(true);
        // Rebuilds the form, so no field keeps text typed for the other state.
        ui.load(target);
        self.refresh();
    }
}

/// The spec now is what the next burst of edits is undone to.
fn settle(ui: Ui, settled: StoredValue<AppSpec>, dirty: StoredValue<bool>) {
    settled.set_value(ui.spec.get_untracked());
    dirty.set_value(false);
}

/// The undo and redo buttons, and the keyboard shortcuts (not inside the import text box, which has
/// its own text undo).
#[component]
pub fn UndoRedo(history: History) -> impl IntoView {
    let ui = use_ui();
    let handle = window_event_listener(leptos::ev::keydown, move |ev: web_sys::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) {
            return;
        }
        let in_import = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| {
                e.closest("[data-testid='import-panel']")
                    .ok()
                    .flatten()
                    .is_some()
            });
        if in_import {
            return;
        }
        match (ev.key().to_ascii_lowercase().as_str(), ev.shift_key()) {
            ("z", false) => {
                ev.prevent_default();
                history.undo(ui);
            }
            ("z", true) | ("y", false) => {
                ev.prevent_default();
                history.redo(ui);
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
    view! {
        <button type="button" data-testid="undo" title="Undo (Ctrl+Z)"
            disabled=move || !history.can_undo.get() on:click=move |_| history.undo(ui)>"Undo"</button>
        <button type="button" data-testid="redo" title="Redo (Ctrl+Shift+Z)"
            disabled=move || !history.can_redo.get() on:click=move |_| history.redo(ui)>"Redo"</button>
    }
}
