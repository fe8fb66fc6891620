//! Helpers shared by the browser test files (`web.rs`, `learn.rs`): mount a fresh app, find its
//! parts by `data-testid`, and act on them the way a browser does. Leptos updates the DOM after a
//! scheduler tick, and an edit's checks, commands and pictures follow at the start of the next
//! frame, so every action awaits both.

// Each test file uses its own subset of these.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement};

/// Mounts a fresh app in its own container and returns the container.
pub fn mount() -> Element {
    // Each test starts from the first preset: no autosaved copy from an earlier test.
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.clear().unwrap();
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    leptos::mount::mount_to(root.clone().unchecked_into(), kubewright_web::ui::App).forget();
    root
}

/// Every element under `root` matching a CSS selector.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

pub fn find(root: &Element, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .unwrap_or_else(|| panic!("no {testid}"))
}

pub fn find_all(root: &Element, testid: &str) -> Vec<Element> {
    all(root, &format!("[data-testid='{testid}']"))
}

pub fn text(root: &Element, testid: &str) -> String {
    find(root, testid).text_content().unwrap_or_default()
}

/// An event that bubbles, as the browser's own `input` does (Leptos delegates it to the document).
pub fn bubbling(kind: &str) -> web_sys::Event {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    web_sys::Event::new_with_event_init_dict(kind, &init).unwrap()
}

/// Sets an <input>'s value and sends `input`, as typing does.
pub async fn type_into(input: &Element, value: &str) {
    input.unchecked_ref::<HtmlInputElement>().set_value(value);
    input.dispatch_event(&bubbling("input")).unwrap();
    settled().await;
}

/// Sets a <textarea>'s value (as a paste would) and sends `input`.
pub async fn paste_into(area: &Element, value: &str) {
    js_sys::Reflect::set(area, &"value".into(), &value.into()).unwrap();
    area.dispatch_event(&bubbling("input")).unwrap();
    settled().await;
}

pub async fn click_el(element: &Element) {
    element.unchecked_ref::<HtmlElement>().click();
    settled().await;
}

pub async fn click(root: &Element, testid: &str) {
    click_el(&find(root, testid)).await;
}

/// Picks an option of a <select> and sends `change`.
pub async fn choose(root: &Element, testid: &str, value: &str) {
    let select: HtmlSelectElement = find(root, testid).unchecked_into();
    select.set_value(value);
    select.dispatch_event(&bubbling("change")).unwrap();
    settled().await;
}

/// Waits for the DOM update, then for what the app leaves to the next frame (src/ui/later.rs: two
/// animation frames, or its 100 ms fallback when the page draws none), then for that update.
pub async fn settled() {
    leptos::task::tick().await;
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let window = web_sys::window().unwrap();
        let again = resolve.clone();
        let second = wasm_bindgen::closure::Closure::once_into_js(move || {
            web_sys::window()
                .unwrap()
                .request_animation_frame(again.unchecked_ref())
                .unwrap();
        });
        window
            .request_animation_frame(second.unchecked_ref())
            .unwrap();
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 150)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    leptos::task::tick().await;
}

/// Waits `ms` milliseconds (for work the app schedules with a timeout, such as moving the focus).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// The `data-path` of the focused element (the field the cursor is in).
pub fn focused_path() -> Option<String> {
    web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .and_then(|e| e.get_attribute("data-path"))
}
