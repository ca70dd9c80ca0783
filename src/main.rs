//! The web app's entry point, built for wasm32 by Trunk: installs the panic hook, mounts
//! [`keel::ui::App`] into `#keel-root` — with the synthetic platform `#bench=N` names, for
//! `scripts/bench` — and removes the loading indicator.

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
    let fragment = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let props = match keel::editor::templates::from_fragment(&fragment) {
        Some(Ok(scenario)) => keel::ui::AppProps { scenario, notice: None },
        Some(Err(message)) => keel::ui::AppProps { notice: Some(message), ..Default::default() },
        None => keel::ui::AppProps::default(),
    };
    yew::Renderer::<keel::ui::App>::with_root_and_props(root, props).render();
    panic::hide_loading(&document);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!(
        "keel-web is the web app and runs only in a browser: start it with scripts/serve (the command line is `keel`)."
    );
    std::process::ExitCode::FAILURE
}
