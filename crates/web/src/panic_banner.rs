//! A panic in wasm stops the app for good; without this the page would just freeze. The hook logs the
//! panic and puts a plain DOM banner on the page (no Leptos: the reactive system may be mid-update).

use wasm_bindgen::JsCast;

/// Installs the hook once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&message.clone().into());
        show(&message);
    }));
}

/// Puts the error banner at the top of the page (public so the browser tests can check it).
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("panic-banner");
    banner.set_attribute("role", "alert").ok();
    banner.set_attribute("data-testid", "panic-banner").ok();
    banner.set_text_content(Some(&format!(
        "Kubewright hit an internal error and stopped responding. Reload the page to start again \
         (your typed values are not kept anywhere). Details: {message}"
    )));
    if let Some(body) = document.body() {
        let first = body.first_child();
        body.insert_before(banner.unchecked_ref(), first.as_ref())
            .ok();
    }
}
