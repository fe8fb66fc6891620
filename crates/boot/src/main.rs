//! The start-up page. A release build's `index.html` holds the first preset's first screen, written
//! by the built app itself (`scripts/prerender.mjs`). This small module, with no Leptos in it, is what
//! a visitor downloads first: it makes that screen's controls edit the spec, and writes the YAML and
//! the commands on every keystroke, through the same core as the full page. `boot.js` then loads the
//! full page in idle time; it takes the screen over (src/takeover.rs) and carries what was typed
//! into its own controls, from which point this module does nothing.
//!
//! Only when the visitor starts from the first preset (no share link, no saved copy): otherwise the
//! prerendered screen is not theirs, and the full page is loaded at once.

mod screen;

use std::cell::RefCell;

use kubewright::presets::first_spec;
use kubewright::seal::NotLoaded;
use kubewright::spec::edit::{set, Input};
use kubewright::spec::AppSpec;
use kubewright::start::{start, Start, AUTOSAVE_OFF, SAVED};
use wasm_bindgen::prelude::*;
use web_sys::{Event, HtmlElement};

/// Set on `<body>` by the build's snapshot; the full page removes it when it takes over.
const PRERENDERED: &str = "data-prerendered";
/// Set on `<body>` while this module edits the screen (`boot.js` then waits for idle time).
const BOUND: &str = "data-boot";
/// Set on `<body>` once an edit has changed the YAML: the checks beside the fields and the pictures
/// are the preset's until the full page takes over; the stylesheet shows it, and they are marked
/// `aria-busy` for screen readers.
const STALE: &str = "data-stale";

fn main() {
    let Some(body) = screen::body().filter(|b| b.has_attribute(PRERENDERED)) else {
        return;
    };
    if starts_from() != Start::Preset {
        return;
    }
    let draft = RefCell::new(first_spec());
    // What was typed before this module arrived counts too.
    let typed = screen::edited_controls(&body)
        .iter()
        .filter(|control| apply(&draft, control).is_some())
        .count();
    if typed > 0 {
        show(&draft);
    }
    let on_edit = Closure::<dyn Fn(Event)>::new(move |ev: Event| {
        // After the take-over the full page owns the screen.
        if screen::body().is_some_and(|b| b.has_attribute(PRERENDERED)) {
            edited(&draft, &ev);
        }
    });
    for kind in ["input", "change"] {
        body.add_event_listener_with_callback(kind, on_edit.as_ref().unchecked_ref())
            .ok();
    }
    // Listens as long as the page lives.
    on_edit.forget();
    body.set_attribute(BOUND, "").ok();
}

fn starts_from() -> Start {
    let window = web_sys::window();
    let fragment = window
        .as_ref()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    let storage = window.and_then(|w| w.local_storage().ok().flatten());
    let load = |key| {
        storage
            .as_ref()
            .and_then(|s| s.get_item(key).ok().flatten())
    };
    start(
        fragment.trim_start_matches('#'),
        load(SAVED).as_deref(),
        load(AUTOSAVE_OFF).as_deref(),
    )
}

/// Applies the control an event came from to the spec and shows the result. Text the field cannot
/// take leaves the spec as it was: the full page says why beside the field once it has taken over.
fn edited(draft: &RefCell<AppSpec>, ev: &Event) {
    let Some(control) = ev.target().and_then(|t| t.dyn_into::<HtmlElement>().ok()) else {
        return;
    };
    if apply(draft, &control).is_some() {
        show(draft);
    }
}

/// Sets the field of `control` (by its `data-path`) to its value; `None` when it has no path or
/// the field cannot take the value.
fn apply(draft: &RefCell<AppSpec>, control: &HtmlElement) -> Option<()> {
    let path = control.get_attribute("data-path")?;
    let value = screen::value_of(control)?;
    let input = match &value {
        screen::Value::Text(text) => Input::Text(text),
        screen::Value::Checked(on) => Input::Checked(*on),
    };
    set(&mut draft.borrow_mut(), &path, input).ok()
}

/// Renders the draft into the screen's YAML and commands.
fn show(draft: &RefCell<AppSpec>) {
    // The first screen seals nothing (sealing is on its own tab): none of its code is in here.
    screen::show(&kubewright::render::render_with(
        &draft.borrow(),
        &mut NotLoaded,
    ));
    screen::mark_stale(STALE);
}
