//! Renders the app shell natively with `yew::LocalServerRenderer` and checks its structure:
//! header with product and scenario name, the three panes, every palette group and kind.

// Native only: server-side rendering runs on tokio; tests/web.rs covers the browser.
#![cfg(not(target_arch = "wasm32"))]

use keel::editor::geometry::Size;
use keel::model::{PaletteGroup, Scenario, StageKind};
use keel::ui::{App, AppProps};
use yew::LocalServerRenderer;

async fn render(scenario: Scenario) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        scenario: scenario.into(),
        notice: None,
        canvas_size: Some(Size { w: 900.0, h: 500.0 }),
        view: Default::default(),
    })
    .hydratable(false)
    .render()
    .await
}

/// `text` as yew writes it in HTML text and attribute values.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The part of `html` from the element with `class` to the next `</tag>` that closes a pane.
fn section<'a>(html: &'a str, class: &str, close: &str) -> &'a str {
    let start = html.find(&format!("class=\"{class}\"")).unwrap_or_else(|| panic!("no element with class {class}"));
    let rest = &html[start..];
    let end = rest.find(close).unwrap_or_else(|| panic!("element with class {class} is not closed by {close}"));
    &rest[..end]
}

#[tokio::test]
async fn shell_has_header_and_three_panes_in_order() {
    let html = render(Scenario { name: "Contoso lake".into(), ..Scenario::default() }).await;
    let header = section(&html, "keel-header", "</header>");
    assert!(header.contains("Keel"), "header names the product: {header}");
    assert!(header.contains(r#"value="Contoso lake""#), "header shows the scenario name: {header}");

    let palette = html.find(r#"class="pane palette""#).expect("palette pane");
    let canvas = html.find(r#"class="pane canvas""#).expect("canvas pane");
    let properties = html.find(r#"class="side""#).expect("properties pane");
    let results = html.find(r#"class="results-drawer"#).expect("results drawer");
    assert!(palette < canvas && canvas < properties, "panes are palette, canvas, properties from left to right");
    assert!(properties < results, "the results come after the panes (under them)");
}

#[tokio::test]
async fn palette_lists_every_kind_under_its_group_in_order() {
    let html = render(Scenario::default()).await;
    let palette = section(&html, "pane palette", "</nav>");
    let mut at = 0;
    for group in PaletteGroup::ALL {
        let heading = format!("<h3>{}</h3>", escaped(group.label()));
        let found = palette[at..].find(&heading).unwrap_or_else(|| panic!("group {heading} missing or out of order"));
        at += found + heading.len();
        for kind in group.kinds() {
            let attr = format!(r#"data-kind="{}""#, kind.key());
            let found = palette[at..].find(&attr).unwrap_or_else(|| panic!("{attr} missing or out of order"));
            at += found + attr.len();
            let item_end =
                at + palette[at..].find("</button>").unwrap_or_else(|| panic!("{attr} button is not closed"));
            let item = &palette[at..item_end];
            let label = format!(">{}</span>", escaped(kind.label()));
            assert!(item.ends_with(&label), "item {attr} is not labelled {label}: {item}");
            assert!(
                item.contains(r#"class="kind-icon""#) && item.contains("<path d="),
                "item {attr} has no icon: {item}"
            );
            at = item_end;
        }
    }
    assert_eq!(palette.matches("<li").count(), StageKind::ALL.len(), "one item per stage kind, no more");
    assert_eq!(palette.matches("<button type=\"button\"").count(), StageKind::ALL.len(), "each kind is a button");
}

#[tokio::test]
async fn empty_canvas_shows_hint_and_results_say_what_will_appear() {
    let html = render(Scenario { span_months: 24, currency: "EUR".into(), ..Scenario::default() }).await;
    let canvas = section(&html, "pane canvas", "</main>");
    assert!(canvas.contains("canvas-hint"), "an empty canvas shows a hint: {canvas}");
    assert!(canvas.contains("0 stages · 0 flows"), "{canvas}");

    let results = &html[html.find(r#"class="results-drawer"#).expect("results drawer")..];
    assert!(results.contains("over 24 months, in EUR"), "results follow the scenario: {results}");
    assert!(results.contains("Region outage"), "a switch per disruption type: {results}");
    assert!(results.contains("Add stages to the canvas"), "the totals say what will appear: {results}");
}

#[tokio::test]
async fn canvas_hint_goes_once_there_are_stages() {
    let mut scenario = Scenario::default();
    scenario.stages.push(keel::model::Stage::new("raw", StageKind::Raw));
    let html = render(scenario).await;
    let canvas = section(&html, "pane canvas", "</main>");
    assert!(!canvas.contains("canvas-hint"), "{canvas}");
    assert!(canvas.contains("1 stage · 0 flows"), "{canvas}");
}

#[tokio::test]
async fn canvas_draws_a_card_per_stage_with_plan_status_and_a_flow_per_flow() {
    let mut scenario = Scenario::default();
    for (id, kind, x) in [("src", StageKind::SystemOfRecord, 40.0), ("raw", StageKind::Raw, 300.0)] {
        let mut s = keel::model::Stage::new(id, kind);
        s.label = id.to_uppercase();
        s.pos = keel::model::Pos { x, y: 60.0 };
        scenario.stages.push(s);
    }
    scenario.flows.push(keel::model::Flow { from: "src".into(), to: "raw".into() });
    let plan = keel::engine::plan(&scenario);
    let html = render(scenario).await;
    let canvas = section(&html, "pane canvas", "</main>");
    for id in ["src", "raw"] {
        let at = canvas.find(&format!(r#"data-stage="{id}""#)).unwrap_or_else(|| panic!("no card for {id}"));
        let card_start = canvas[..at].rfind("<div").unwrap_or(0);
        let card = &canvas[card_start..];
        let card = &card[..card.find("</div></div>").unwrap_or(card.len())];
        assert!(card.contains(r#"role="group""#) && card.contains(r#"tabindex="0""#), "{card}");
        // The status comes from the plan.
        let stage_plan = plan.stage(id).unwrap_or_else(|| panic!("{id} is planned"));
        let status = if stage_plan.recommendations.iter().all(|r| r.meets()) {
            ["meets", "warning"]
        } else {
            ["violates", "violates"]
        };
        assert!(status.iter().any(|s| card.contains(&format!("status-{s}"))), "{id}: {card}");
        assert!(card.contains("RPO 1d") && card.contains("RTO 1d"), "badges show the tightest targets: {card}");
    }
    assert!(canvas.contains("SRC: System of record on"), "cards are labelled for screen readers: {canvas}");
    assert!(canvas.contains("Feeds RAW.") && canvas.contains("Reads from SRC."), "lineage is spoken: {canvas}");
    // One flow: its curve in the plain flows' path, its head in their heads' path.
    assert_eq!(canvas.matches(r#"class="flow""#).count(), 1, "{canvas}");
    assert_eq!(canvas.matches(r#"class="flow-head""#).count(), 1, "{canvas}");
    // The path data of the <path> of `class` (attributes in any order).
    let d = |class: &str| {
        let class = format!(r#"class="{class}""#);
        let path = canvas.split("<path ").map(|p| &p[..p.find('>').unwrap_or(p.len())]).find(|p| p.contains(&class));
        let d = path.and_then(|p| p.split(r#"d=""#).nth(1)).unwrap_or_default();
        &d[..d.find('"').unwrap_or(d.len())]
    };
    assert_eq!(d("flow").matches('M').count(), 1, "one curve: {canvas}");
    assert_eq!(d("flow-head").matches('z').count(), 1, "one arrow head: {canvas}");
    assert!(canvas.contains("translate(300px,60px)"), "cards sit at their world position: {canvas}");
}

#[tokio::test]
async fn cards_are_compact_when_zoomed_out_below_readable_and_still_say_everything() {
    // 200 stages fitted into 900 × 500 px: far below the zoom at which badges can be read.
    let html = render(keel::model::synthetic(200)).await;
    let canvas = section(&html, "pane canvas", "</main>");
    assert_eq!(canvas.matches(r#"aria-roledescription="stage""#).count(), 200, "a card per stage");
    assert_eq!(canvas.matches(r#" compact""#).count(), 200, "every card compact");
    assert!(!canvas.contains("card-badges") && !canvas.contains("card-kind"), "no badges or kind line");
    assert!(canvas.contains("RPO ") && canvas.contains("RTO "), "the aria-labels keep the targets");
}

#[tokio::test]
async fn cards_wait_for_the_canvas_to_have_a_size() {
    // Without a size (neither estimated from the window nor measured yet) nothing is drawn: the
    // first size fits the view, and cards drawn before it would be laid out twice.
    let html = LocalServerRenderer::<App>::with_props(AppProps {
        scenario: keel::model::synthetic(3).into(),
        notice: None,
        canvas_size: None,
        view: Default::default(),
    })
    .hydratable(false)
    .render()
    .await;
    let canvas = section(&html, "pane canvas", "</main>");
    assert!(!canvas.contains("stage-card"), "{canvas}");
    assert!(canvas.contains("3 stages"), "the status line counts them: {canvas}");
}
