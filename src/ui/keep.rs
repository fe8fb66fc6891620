//! Keeping the form: share links (the spec in the URL fragment) and the autosaved copy in
//! localStorage. Both hold the spec *without secret values*; on restore the page lists the secrets
//! whose values must be typed again.

use kubewright::import::ReportItem;
use kubewright::kept::{self, Origin};
use kubewright::share;
use kubewright::AppSpec;
use leptos::prelude::*;

use super::later::Quiet;
use super::{browser, use_ui};

use kubewright::start::{start, Start};
pub use kubewright::start::{AUTOSAVE_OFF, SAVED};

/// Where the form on load came from, and which secret values it lacks.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    pub from: &'static str,
    pub missing: Vec<String>,
}

/// The spec the page starts with: a share link in the fragment, else the autosaved copy, else the
/// first preset; both through the gate, whose notes come last.
pub fn initial_spec(
    preset: AppSpec,
) -> (AppSpec, Option<Restored>, Option<String>, Vec<ReportItem>) {
    let fragment = browser::fragment();
    let saved = browser::load(SAVED);
    match start(
        &fragment,
        saved.as_deref(),
        browser::load(AUTOSAVE_OFF).as_deref(),
    ) {
        Start::Link => match share::open(&fragment) {
            Ok((spec, notes)) => {
                let missing = share::missing_secret_values(&spec);
                let from = Origin::Link.as_str();
                (spec, Some(Restored { from, missing }), None, notes)
            }
            Err(e) => (
                preset,
                None,
                Some(format!("Could not open the link: {e}")),
                Vec::new(),
            ),
        },
        Start::Saved => match kubewright::spec_from_json(saved.as_deref().unwrap_or_default()) {
            Ok(spec) => {
                // The user's own review choices stand; nothing secret or refused gets in.
                let (spec, notes) = kept::admit(spec, Origin::Saved);
                let missing = share::missing_secret_values(&spec);
                let from = Origin::Saved.as_str();
                (spec, Some(Restored { from, missing }), None, notes)
            }
            Err(e) => (
                preset,
                None,
                Some(format!(
                    "The saved copy could not be read ({e}); starting from the preset."
                )),
                Vec::new(),
            ),
        },
        Start::Preset => (preset, None, None, Vec::new()),
    }
}

/// The banner saying where the form came from and which secret values to re-enter (always in
/// view; the switch below may sit in a folded menu).
#[component]
pub fn KeepNotices(restored: Option<Restored>, problem: Option<String>) -> impl IntoView {
    let start = use_ui().generation.get_untracked();
    view! {
        {problem.map(|p| view! { <div class="notice warn" role="alert" data-testid="restore-problem">{p}</div> })}
        {restore_notice(restored, start)}
    }
}

/// The autosave switch and the "forget" button.
#[component]
pub fn Keep() -> impl IntoView {
    let autosave = RwSignal::new(browser::load(AUTOSAVE_OFF).is_none());
    let status = RwSignal::new(String::new());
    keep_saving(autosave, status);
    let forget = move |_| {
        switch_off();
        autosave.set(false);
        status.set("Forgotten: nothing of this form is stored in this browser now.".into());
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        if on {
            browser::remove(AUTOSAVE_OFF);
            status.set(String::new());
        } else {
            switch_off();
        }
        autosave.set(on);
    };
    view! {
        <div class="keep">
            <label class="check">
                <input type="checkbox" data-testid="autosave-toggle" prop:checked=autosave on:change=toggle />
                " Keep a copy of this form in this browser (never the secret values)"
            </label>
            <button type="button" data-testid="forget" on:click=forget>"Forget the saved copy"</button>
            <span class="status" role="status" data-testid="keep-status">{status}</span>
        </div>
    }
}

/// Saves the spec (secret values never: they are emptied first) while `autosave` is on: 400 ms
/// after the last change, so a keystroke costs no JSON of the whole spec, and when the page is left
/// or hidden.
fn keep_saving(autosave: RwSignal<bool>, status: RwSignal<String>) {
    let ui = use_ui();
    let save = move || {
        if autosave.get_untracked() {
            let json = ui
                .spec
                .with_untracked(|s| kubewright::spec_to_json(&share::without_secret_values(s)));
            if let Err(e) = browser::save(SAVED, &json) {
                status.set(format!("Not saved: {e}"));
            }
        }
    };
    let quiet = Quiet::new(std::time::Duration::from_millis(400), save);
    Effect::new(move |_| {
        ui.spec.track();
        autosave.track();
        quiet.poke();
    });
    let leaving = window_event_listener(leptos::ev::pagehide, move |_| save());
    // A phone may close a page in the background without a pagehide: save when it is hidden too.
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().hidden() {
            save();
        }
    });
    on_cleanup(move || {
        leaving.remove();
        hidden.remove();
    });
}

/// Forgets the saved copy and keeps autosave off until it is switched on again.
fn switch_off() {
    browser::remove(SAVED);
    let _ = browser::save(AUTOSAVE_OFF, "off");
}

/// Where the form came from and which secret values to type again, until another spec is loaded
/// (`start` is the generation it was loaded in); the list shrinks as the values are typed in again.
fn restore_notice(restored: Option<Restored>, start: u32) -> impl IntoView {
    let ui = use_ui();
    move || {
        let r = restored.clone().filter(|_| ui.generation.get() == start)?;
        let missing: Vec<String> = ui
            .spec
            .with(share::missing_secret_values)
            .into_iter()
            .filter(|name| r.missing.contains(name))
            .collect();
        Some(view! {
            <div class="notice" role="status" data-testid="restore-notice">
                {format!("Restored from {}. ", r.from)}
                {if r.missing.is_empty() {
                    "It holds no secrets.".to_string()
                } else if missing.is_empty() {
                    "Every secret value has been entered again.".to_string()
                } else {
                    share::reenter_sentence(&missing)
                }}
            </div>
        })
    }
}
