//! Makes a crash visible: a panic hook that keeps the console message and writes a banner into
//! the page, instead of leaving a frozen screen.
//!
//! Browser only: these functions call web-sys, which works only in wasm32 in a browser.

use web_sys::{console, Document};

/// The `id` of the banner element.
pub const BANNER_ID: &str = "keel-panic";

/// The `id` of the loading indicator in index.html, removed once the app is up or has failed.
pub const LOADING_ID: &str = "keel-loading";

/// Installs the panic hook: every panic is logged with `console.error` and shown in a banner.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        console::error_1(&message.as_str().into());
        show_banner(&message);
    }));
}

/// Writes (or rewrites) the error banner at the top of the page with `message`, and removes the
/// loading indicator. Returns whether the banner could be written (there is a document body).
pub fn show_banner(message: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let Some(body) = document.body() else { return false };
    hide_loading(&document);
    if let Some(old) = document.get_element_by_id(BANNER_ID) {
        old.remove();
    }
    let Ok(banner) = document.create_element("div") else { return false };
    banner.set_id(BANNER_ID);
    banner.set_class_name("keel-panic");
    if banner.set_attribute("role", "alert").is_err() {
        return false;
    }
    let parts = [
        ("strong", "Keel stopped because of an internal error."),
        ("pre", message),
        ("p", "Reload the page to start again. The details above are also in the browser console."),
    ];
    for (tag, text) in parts {
        let Ok(el) = document.create_element(tag) else { return false };
        el.set_text_content(Some(text));
        if banner.append_child(&el).is_err() {
            return false;
        }
    }
    body.prepend_with_node_1(&banner).is_ok()
}

/// Removes the loading indicator, if it is still there.
pub fn hide_loading(document: &Document) {
    if let Some(loading) = document.get_element_by_id(LOADING_ID) {
        loading.remove();
    }
}
