//! Taking over a first screen that came prerendered in the HTML (`<body data-prerendered>`, written
//! at build time by `scripts/prerender.mjs` from this very app).
//!
//! Swap, not hydrate: the app is mounted into a detached element, then replaces the prerendered
//! nodes in one synchronous step (no frame is painted in between, so nothing jumps). What the
//! visitor typed into the prerendered controls before the wasm arrived is then put into the live
//! controls through their own event handlers, a toggle pressed there (the phone's view switch) is
//! pressed in the live app, boxes scrolled there (the YAML's) keep their scroll, and the focus and
//! caret go back where they were.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement};
use web_sys::{HtmlTextAreaElement, Node};

/// The `<body>` attribute the build's snapshot sets on a prerendered page.
const MARK: &str = "data-prerendered";

/// The attributes that name a control the same way in the snapshot and in the live app.
const KEYS: [&str; 3] = ["data-path", "data-testid", "id"];

/// Mounts `app` on `<body>`, taking over the prerendered first screen when there is one.
pub fn mount<F, N>(app: F)
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
{
    let Some(body) = document().body().filter(|b| b.has_attribute(MARK)) else {
        leptos::mount::mount_to_body(app);
        return;
    };
    let Ok(holder) = document().create_element("div") else {
        leptos::mount::mount_to_body(app);
        return;
    };
    let holder: HtmlElement = holder.unchecked_into();
    // The app lives as long as the page, as with `mount_to_body`.
    leptos::mount::mount_to(holder.clone(), app).forget();
    // The live controls get their values in effects that run after this task: swap just before the
    // next frame is painted, when they have them (and with whatever was typed until then).
    request_animation_frame(move || take_over(&body, &holder));
}

fn take_over(body: &HtmlElement, holder: &HtmlElement) {
    let typed = typed_values(body);
    let pressed = pressed_toggles(body);
    let scrolled = scrolled_boxes(body);
    let focus = focused_key(body);
    swap(body, holder);
    for value in &typed {
        value.replay(body);
    }
    for name in &pressed {
        press(body, name);
    }
    // Once the view is the snapshot's (a hidden box cannot scroll).
    for (name, top, left) in &scrolled {
        if let Some(live) = first_with(body, "[data-testid]", "data-testid", name) {
            live.set_scroll_top(*top);
            live.set_scroll_left(*left);
        }
    }
    if let Some((key, selection)) = focus {
        restore_focus(body, &key, selection);
    }
}

/// Replaces `<body>`'s prerendered nodes with the live app's.
fn swap(body: &HtmlElement, holder: &HtmlElement) {
    while let Some(old) = body.first_child() {
        body.remove_child(&old).ok();
    }
    while let Some(live) = holder.first_child() {
        body.append_child(&live).ok();
    }
    body.remove_attribute(MARK).ok();
}

/// Names a control by one of [`KEYS`] and its value.
type Key = (&'static str, String);

/// A value typed into a prerendered control, with the control's key and the value it started from.
struct Typed {
    key: Key,
    initial: Value,
    now: Value,
}

#[derive(PartialEq)]
enum Value {
    Text(String),
    Checked(bool),
    Chosen(String),
}

impl Typed {
    /// Puts the value into the live control with the same key, if that control starts from the
    /// same value the prerendered one did (else the app shows another spec, e.g. a share link's,
    /// and the keystroke belongs to none of its fields).
    fn replay(&self, body: &HtmlElement) {
        let (attr, name) = &self.key;
        let Some(live) = find(body, attr, name) else {
            return;
        };
        if read(&live).as_ref() != Some(&self.initial) {
            return;
        }
        let event = match &self.now {
            Value::Text(text) => {
                set_text(&live, text);
                "input"
            }
            Value::Checked(on) => match live.dyn_ref::<HtmlInputElement>() {
                Some(input) => {
                    input.set_checked(*on);
                    "change"
                }
                None => return,
            },
            Value::Chosen(choice) => match live.dyn_ref::<HtmlSelectElement>() {
                Some(select) => {
                    select.set_value(choice);
                    "change"
                }
                None => return,
            },
        };
        dispatch(&live, event);
    }
}

/// The controls whose value differs from the one the snapshot wrote into the HTML.
fn typed_values(body: &HtmlElement) -> Vec<Typed> {
    let Ok(list) = body.query_selector_all("input, textarea, select") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|control| {
            let key = key_of(&control)?;
            let initial = initial(&control)?;
            let now = read(&control)?;
            (initial != now).then_some(Typed { key, initial, now })
        })
        .collect()
}

/// The control's value as the HTML wrote it (its default).
fn initial(control: &Element) -> Option<Value> {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" | "radio" => Some(Value::Checked(input.default_checked())),
            "file" => None,
            _ => Some(Value::Text(input.default_value())),
        };
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        return area.default_value().ok().map(Value::Text);
    }
    let select = control.dyn_ref::<HtmlSelectElement>()?;
    let options = select.options();
    (0..options.length())
        .filter_map(|i| {
            options
                .item(i)?
                .dyn_into::<web_sys::HtmlOptionElement>()
                .ok()
        })
        .find(|o| o.default_selected())
        .or_else(|| options.item(0)?.dyn_into().ok())
        .map(|o| Value::Chosen(o.value()))
}

/// The control's current value.
fn read(control: &Element) -> Option<Value> {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        return match input.type_().as_str() {
            "checkbox" | "radio" => Some(Value::Checked(input.checked())),
            "file" => None,
            _ => Some(Value::Text(input.value())),
        };
    }
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        return Some(Value::Text(area.value()));
    }
    let select = control.dyn_ref::<HtmlSelectElement>()?;
    Some(Value::Chosen(select.value()))
}

fn set_text(control: &Element, text: &str) {
    if let Some(input) = control.dyn_ref::<HtmlInputElement>() {
        input.set_value(text);
    } else if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(text);
    }
}

/// A bubbling event, as the browser sends for typing, so the app's delegated handlers see it.
fn dispatch(control: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        control.dispatch_event(&event).ok();
    }
}

fn key_of(control: &Element) -> Option<Key> {
    KEYS.into_iter()
        .find_map(|attr| control.get_attribute(attr).map(|name| (attr, name)))
}

/// The control whose `attr` is `name`.
fn find(body: &HtmlElement, attr: &str, name: &str) -> Option<Element> {
    let controls = format!("input[{attr}], textarea[{attr}], select[{attr}]");
    first_with(body, &controls, attr, name)
}

/// The first element matching `selector` whose `attr` is `name` (compared as text, so a name needs
/// no escaping in a selector).
fn first_with(body: &HtmlElement, selector: &str, attr: &str, name: &str) -> Option<Element> {
    let list = body.query_selector_all(selector).ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .find(|e| e.get_attribute(attr).as_deref() == Some(name))
}

/// The test ids of the prerendered toggle buttons that are pressed (`aria-pressed="true"`): the
/// start-up stage switches the phone's view with them (boot.js).
fn pressed_toggles(body: &HtmlElement) -> Vec<String> {
    let Ok(list) = body.query_selector_all("button[aria-pressed=\"true\"][data-testid]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter_map(|button| button.get_attribute("data-testid"))
        .collect()
}

/// The prerendered boxes with a test id that were scrolled: (test id, top, left).
fn scrolled_boxes(body: &HtmlElement) -> Vec<(String, i32, i32)> {
    let Ok(list) = body.query_selector_all("[data-testid]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .filter(|e| e.scroll_top() != 0 || e.scroll_left() != 0)
        .filter_map(|e| {
            Some((
                e.get_attribute("data-testid")?,
                e.scroll_top(),
                e.scroll_left(),
            ))
        })
        .collect()
}

/// Presses the live button with this test id through its own handler, unless it is pressed already.
fn press(body: &HtmlElement, name: &str) {
    let Some(live) = first_with(body, "button[data-testid]", "data-testid", name) else {
        return;
    };
    if live.get_attribute("aria-pressed").as_deref() == Some("false") {
        if let Some(button) = live.dyn_ref::<HtmlElement>() {
            button.click();
        }
    }
}

/// The focused prerendered control's key and, for a text box, its selection.
fn focused_key(body: &HtmlElement) -> Option<(Key, Option<(u32, u32)>)> {
    let active = document().active_element()?;
    let inside: &Node = body.as_ref();
    if !inside.contains(Some(active.as_ref())) {
        return None;
    }
    let key = key_of(&active)?;
    let selection = active
        .dyn_ref::<HtmlInputElement>()
        .and_then(|input| Some((input.selection_start().ok()??, input.selection_end().ok()??)));
    Some((key, selection))
}

fn restore_focus(body: &HtmlElement, key: &Key, selection: Option<(u32, u32)>) {
    let Some(live) = find(body, key.0, &key.1) else {
        return;
    };
    if let Some(element) = live.dyn_ref::<HtmlElement>() {
        element.focus().ok();
    }
    if let (Some(input), Some((start, end))) = (live.dyn_ref::<HtmlInputElement>(), selection) {
        input.set_selection_range(start, end).ok();
    }
}
