//! Browser tests (wasm-bindgen-test in headless chromium): the app mounts into a real DOM and
//! shows its shell, the header edits the scenario name through the reducer, and the panic
//! banner becomes visible.

#![cfg(target_arch = "wasm32")]

use keel::model::{PaletteGroup, Scenario, StageKind};
use keel::ui::panic::{show_banner, BANNER_ID, LOADING_ID};
use keel::ui::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Document, Element, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> Document {
    web_sys::window().and_then(|w| w.document()).expect("a browser document")
}

/// A fresh, attached `<div>` to mount into.
fn fresh_root() -> Element {
    let doc = document();
    let root = doc.create_element("div").expect("create div");
    doc.body().expect("body").append_child(&root).expect("attach root");
    root
}

async fn mount(scenario: Scenario) -> (Element, yew::AppHandle<App>) {
    let root = fresh_root();
    let handle = yew::Renderer::<App>::with_root_and_props(
        root.clone(),
        AppProps { scenario: scenario.into(), notice: None, canvas_size: None, view: Default::default() },
    )
    .render();
    yew::scheduler::flush().await;
    (root, handle)
}

#[wasm_bindgen_test]
async fn app_mounts_with_header_and_three_panes() {
    let (root, handle) = mount(Scenario { name: "Fabrikam lake".into(), ..Scenario::default() }).await;
    let q = |sel: &str| root.query_selector(sel).expect("valid selector");
    assert!(q("header.keel-header").is_some(), "header");
    let brand = q(".keel-brand").expect("brand").text_content().unwrap_or_default();
    assert_eq!(brand.trim_start_matches('⚓').trim(), "Keel");
    let name: HtmlInputElement = q(".scenario-name input").expect("name input").dyn_into().expect("an input");
    assert_eq!(name.value(), "Fabrikam lake");
    for pane in ["nav.pane.palette", "main.pane.canvas", "aside.results-drawer"] {
        assert!(q(pane).is_some(), "{pane} is mounted");
    }
    let groups = root.query_selector_all(".palette-group h3").expect("selector");
    assert_eq!(groups.length() as usize, PaletteGroup::ALL.len());
    let kinds = root.query_selector_all(".palette-kind").expect("selector");
    assert_eq!(kinds.length() as usize, StageKind::ALL.len());
    assert!(q(".canvas-hint").is_some(), "empty canvas shows its hint");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn renaming_in_the_header_goes_through_the_reducer() {
    let (root, handle) = mount(Scenario::default()).await;
    let input: HtmlInputElement =
        root.query_selector(".scenario-name input").ok().flatten().expect("name input").dyn_into().expect("an input");

    input.set_value("  Northwind platform ");
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(input.value(), "Northwind platform", "the trimmed name is rendered back");

    // A blank name is refused: the field shows the current name again.
    input.set_value("   ");
    input.dispatch_event(&web_sys::Event::new("change").expect("event")).expect("dispatch");
    yew::scheduler::flush().await;
    assert_eq!(input.value(), "Northwind platform");
    handle.destroy();
    root.remove();
}

#[wasm_bindgen_test]
fn panic_banner_is_visible_replaces_loading_and_is_not_html() {
    let doc = document();
    let loading = doc.create_element("div").expect("div");
    loading.set_id(LOADING_ID);
    doc.body().expect("body").append_child(&loading).expect("attach");

    assert!(show_banner("first"));
    assert!(show_banner("index out of range <b>3</b>"));
    assert!(doc.get_element_by_id(LOADING_ID).is_none(), "the loading indicator is gone");
    let banners = doc.query_selector_all(&format!("#{BANNER_ID}")).expect("selector");
    assert_eq!(banners.length(), 1, "a second panic replaces the banner");
    let banner = doc.get_element_by_id(BANNER_ID).expect("banner");
    assert_eq!(banner.get_attribute("role").as_deref(), Some("alert"));
    let pre = banner.query_selector("pre").ok().flatten().expect("message");
    assert_eq!(pre.text_content().as_deref(), Some("index out of range <b>3</b>"), "shown as text, not HTML");
    assert!(banner.query_selector("b").ok().flatten().is_none());
    let html: web_sys::HtmlElement = banner.dyn_into().expect("html element");
    assert!(html.offset_height() > 0, "the banner takes up space on the page");
    html.remove();
}
