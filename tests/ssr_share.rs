//! The sharing views rendered natively with `yew::LocalServerRenderer`: the header's controls,
//! the offer to restore an autosave, and a refused import whose problems are listed as text.

// Native only: server-side rendering runs on tokio; tests/e2e/share.test.mjs covers the browser.
#![cfg(not(target_arch = "wasm32"))]

use keel::editor::persist::{read_import, Offer};
use keel::model::synthetic;
use keel::ui::share::{ShareMenu, ShareNotices, ShareNoticesProps};
use std::rc::Rc;
use yew::{Callback, LocalServerRenderer};

#[tokio::test]
async fn the_header_controls_render_closed() {
    let html = LocalServerRenderer::<ShareMenu>::new().hydratable(false).render().await;
    assert!(html.contains(">Copy link</button>"), "{html}");
    assert!(html.contains(r#"aria-expanded="false""#), "{html}");
    assert!(html.contains(r#"id="keel-file-menu" hidden="hidden""#), "the menu starts closed: {html}");
    for item in ["Export plan file", "Import plan file…", "Download runbook"] {
        assert!(html.contains(item), "{item}: {html}");
    }
}

#[tokio::test]
async fn the_offer_and_a_refused_import_render_as_text() {
    let mut kept = synthetic(3);
    kept.name = "<img src=x onerror=alert(1)>".to_string();
    let refused = read_import("<b>bad</b>.json", r#"{"stages":[{"id":"<i>x</i>","kind":"raw","volume_gb":-1}]}"#)
        .expect_err("refused");
    let props = ShareNoticesProps {
        offer: Some(Offer { scenario: Rc::new(kept) }),
        message: Some((1, refused)),
        dragging: true,
        on_restore: Callback::noop(),
        on_keep: Callback::noop(),
        on_dismiss: Callback::noop(),
        on_download: Callback::noop(),
    };
    let html = LocalServerRenderer::<ShareNotices>::with_props(props).hydratable(false).render().await;
    assert!(
        !html.contains("<img") && !html.contains("<b>") && !html.contains("<i>"),
        "user text is never HTML: {html}"
    );
    assert!(html.contains("Restore my autosaved scenario “&lt;img src=x onerror=alert(1)&gt;” (3 stages)"), "{html}");
    assert!(html.contains(r#"role="alert""#), "{html}");
    assert!(html.contains("Could not open “&lt;b&gt;bad&lt;/b&gt;.json”"), "{html}");
    assert!(html.contains("<li>stages[0].volume_gb (stage “&lt;i&gt;x&lt;/i&gt;”)"), "every problem is listed: {html}");
    assert!(html.contains("Drop a Keel plan file"), "{html}");
}
