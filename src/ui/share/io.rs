//! The browser calls sharing and saving need: `localStorage`, the address's fragment, the
//! clipboard, downloads and reading files. Called from effects and event handlers only, never
//! while rendering; what to do with the results is decided in `editor::persist`.

use crate::editor::persist::{storage_problem, StorageProblem};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, Clipboard, DomException, File, HtmlAnchorElement, Storage, Url};

fn storage() -> Result<Storage, StorageProblem> {
    // Throws (SecurityError) where storage is disabled; `None` where there is none.
    let window = web_sys::window().ok_or(StorageProblem::Unavailable)?;
    window.local_storage().ok().flatten().ok_or(StorageProblem::Unavailable)
}

fn problem_of(error: &JsValue) -> StorageProblem {
    storage_problem(&error.dyn_ref::<DomException>().map(DomException::name).unwrap_or_default())
}

/// The text stored under `key` (`None` when there is none).
pub fn read(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?.get_item(key).map_err(|e| problem_of(&e))
}

/// Stores `text` under `key`.
pub fn write(key: &str, text: &str) -> Result<(), StorageProblem> {
    storage()?.set_item(key, text).map_err(|e| problem_of(&e))
}

/// The page's fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The page's address, fragment included.
pub fn page_url() -> String {
    web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default()
}

/// Puts `fragment` (without `#`) in the address, replacing the current history entry: the
/// back button never walks through every edit.
pub fn replace_fragment(fragment: &str) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let url = format!("#{fragment}");
    if history.replace_state_with_url(&JsValue::NULL, "", Some(&url)).is_err() {
        web_sys::console::warn_1(&"Keel could not update the address".into());
    }
}

/// Saves `text` as a file named `file_name`: a Blob, an object URL, a click on a temporary
/// `<a download>`, and the URL revoked once the browser has taken the file.
pub fn download(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("the browser refused to save the file ({what})");
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| fail("Blob"))?;
    let url = Url::create_object_url_with_blob(&blob).map_err(|_| fail("object URL"))?;
    let anchor: HtmlAnchorElement =
        document.create_element("a").map_err(|_| fail("link"))?.dyn_into().map_err(|_| fail("link"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&anchor);
    }
    anchor.click();
    anchor.remove();
    // Revoking at once can cancel the download in some browsers: give it a moment.
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// The clipboard, where the browser offers one (only on secure pages: https or localhost).
fn clipboard() -> Option<Clipboard> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).ok()?;
    value.dyn_into::<Clipboard>().ok()
}

/// Copies `text` to the clipboard; `false` when there is no clipboard or the browser refused.
pub async fn copy(text: &str) -> bool {
    let Some(clipboard) = clipboard() else { return false };
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Reads a file chosen or dropped by the user as text.
pub async fn read_file(file: &File) -> Result<String, String> {
    let text = JsFuture::from(file.text()).await.map_err(|_| "the browser could not read the file".to_string())?;
    text.as_string().ok_or_else(|| "the file is not text".to_string())
}
