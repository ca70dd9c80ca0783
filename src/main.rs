//! The web app's entry point, built for wasm32 by Trunk: installs the panic hook, mounts
//! [`keel::ui::App`] (inside `ui::root::ShareRoot`, which adds sharing and saving) into
//! `#keel-root` — with the scenario a share link, `#bench=N` (for `scripts/bench`) or the
//! autosave gives — and removes the loading indicator.

#[cfg(target_arch = "wasm32")]
fn main() {
    use keel::ui::panic;

    panic::install();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        panic::show_banner("no document: Keel must run in a web page");
        return;
    };
    let Some(root) = document.get_element_by_id("keel-root") else {
        panic::show_banner("index.html has no element with id \"keel-root\" to mount Keel into");
        return;
    };
    // What to open — a share link, `#bench=N`, the autosave — is decided in editor::persist.
    let props = keel::ui::root::boot();
    yew::Renderer::<keel::ui::root::ShareRoot>::with_root_and_props(root, props).render();
    panic::hide_loading(&document);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "keel-web is the web app and runs only in a browser: start it with scripts/serve (the command line is `keel`)."
    );
    std::process::ExitCode::FAILURE
}
