//! A panic in wasm stops the app for good; without this the page would just freeze. The hook logs the
//! panic and puts a plain DOM banner on the page (no Leptos: the reactive system may be mid-update).

use wasm_bindgen::JsCast;

/// Installs the hook once at start-up.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        // The console gets only where it happened: a panic message can quote the text it was
        // working on, which may be a secret value. The banner (on screen only) shows it all.
        let place = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        web_sys::console::error_1(&format!("Kubewright panicked at {place}").into());
        show(&info.to_string());
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
         (the form comes back from this browser's saved copy if autosave is on; secret values are \
         never saved, so type them again). Details: {message}"
    )));
    if let Some(body) = document.body() {
        let first = body.first_child();
        body.insert_before(banner.unchecked_ref(), first.as_ref())
            .ok();
    }
}
