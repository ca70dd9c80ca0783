//! The canvas: the platform's stages as cards and its flows as arrows, on a dotted grid that
//! pans and zooms. Pointer events are reported to the editor with their position on the canvas
//! (`pos_in_screen`); the editor decides what they mean, so this view only draws its state.

use super::flows::{Flows, Preview};
use super::minimap::Minimap;
use super::stage_card::{DropHint, StageCard};
use super::toolbar::Toolbar;
use crate::editor::geometry::{detail_zoom_min, input_handle, output_handle, Rect, Size, GRID};
use crate::editor::status::{card_facts, CardFacts, Tooltips};
use crate::editor::{Action, Gesture};
use crate::engine::StageId;
use crate::model::Scenario;
use crate::text::Count;
use crate::ui::dom;
use crate::ui::num::{num, scale};
use crate::ui::state::{use_editor, use_plan, Shared};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{Element, PointerEvent, WheelEvent};
use yew::prelude::*;

/// The `id` of the surface that receives pointer events (the palette drops onto it).
pub const SURFACE_ID: &str = "keel-canvas-surface";

/// The `performance.mark` set when the canvas first has a size (estimated on start, or
/// measured) and has rendered its fitted cards with their handlers.
pub const INTERACTIVE_MARK: &str = "keel-interactive";

/// The page's fixed layout on start, as style/main.css and style/results.css set it (a test
/// keeps them in step): the header's height, the palette's and the side column's widths (and
/// the narrower ones below [`NARROW_MAX_W`]), and the open results drawer's share of the height
/// with its minimum.
const HEADER_H: f64 = 56.0;
const PALETTE_W: f64 = 250.0;
const SIDE_W: f64 = 320.0;
const NARROW_MAX_W: f64 = 960.0;
const NARROW_PALETTE_W: f64 = 200.0;
const NARROW_SIDE_W: f64 = 260.0;
const DRAWER_VH: f64 = 42.0;
const DRAWER_MIN_H: f64 = 220.0;

/// The canvas's size in a page whose viewport is `viewport`, worked out from the page's fixed
/// layout before it is laid out ([`Action::EstimateSize`]): the platform is then fitted and its
/// cards drawn with the very first render. The canvas measures itself right after, and a wrong
/// estimate only costs a second fit. `None` when no canvas would show.
pub fn estimated_canvas_size(viewport: Size) -> Option<Size> {
    let (palette, side) =
        if viewport.w <= NARROW_MAX_W { (NARROW_PALETTE_W, NARROW_SIDE_W) } else { (PALETTE_W, SIDE_W) };
    // Chromium and Safari lay out in 1/64 px: a drawer of 42vh in 720 px is 302.390625 px, not
    // 302.4 (an estimate a fraction off is still corrected, one render later).
    let drawer = ((viewport.h * DRAWER_VH / 100.0 * 64.0).floor() / 64.0).max(DRAWER_MIN_H);
    let size = Size { w: viewport.w - palette - side, h: viewport.h - HEADER_H - drawer };
    (size.w > 0.0 && size.h > 0.0).then_some(size)
}

/// "Reads from A, B. Feeds C." for each stage that has flows.
fn lineage(scenario: &Scenario) -> HashMap<&str, String> {
    // Names looked up in a map, not by `stage_name`'s scan of the stages per flow end (quadratic,
    // on every render of a platform of hundreds of stages); an unknown id stands for itself.
    let names: HashMap<&str, &str> = scenario.stages.iter().map(|s| (s.id.as_str(), s.display_name())).collect();
    let name = |id: &str| names.get(id).copied().unwrap_or(id).to_string();
    let mut reads: HashMap<&str, Vec<String>> = HashMap::new();
    let mut feeds: HashMap<&str, Vec<String>> = HashMap::new();
    for f in &scenario.flows {
        reads.entry(f.to.as_str()).or_default().push(name(&f.from));
        feeds.entry(f.from.as_str()).or_default().push(name(&f.to));
    }
    scenario
        .stages
        .iter()
        .map(|s| {
            let mut text = String::new();
            if let Some(r) = reads.get(s.id.as_str()) {
                text.push_str(&format!("Reads from {}.", r.join(", ")));
            }
            if let Some(f) = feeds.get(s.id.as_str()) {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(&format!("Feeds {}.", f.join(", ")));
            }
            (s.id.as_str(), text)
        })
        .collect()
}

/// The centre pane.
#[component]
pub fn Canvas() -> Html {
    let editor = use_editor();
    let plan = use_plan();
    let surface = use_node_ref();
    // Compact cards (zoomed out) show no tooltips: their texts are written only for detailed ones,
    // and again when the zoom crosses over.
    let compact = editor.as_ref().is_some_and(|h| h.editor.view.zoom < detail_zoom_min(h.editor.presenting));
    let tooltips = if compact { Tooltips::Skipped } else { Tooltips::Written };
    let facts = use_memo((plan, tooltips), |(plan, tooltips)| {
        card_facts(plan, *tooltips)
            .into_iter()
            .map(|(id, f)| (id, Rc::new(f)))
            .collect::<HashMap<StageId, Rc<CardFacts>>>()
    });

    // Measure the canvas now and whenever its box changes (the window is resized, the results
    // fold up or down): the editor needs its size to centre, fit and add stages in the middle
    // of the view.
    {
        let surface = surface.clone();
        let dispatcher = editor.as_ref().map(|h| h.dispatcher());
        use_effect_with((), move |_| {
            let measure = {
                let surface = surface.clone();
                move || {
                    if let (Some(el), Some(d)) = (surface.cast::<Element>(), dispatcher.as_ref()) {
                        let r = el.get_bounding_client_rect();
                        d.dispatch(Action::Resize(Size { w: r.width(), h: r.height() }));
                    }
                }
            };
            measure();
            let callback = Closure::<dyn FnMut()>::new(measure);
            let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(el)) = (observer.as_ref(), surface.cast::<Element>()) {
                observer.observe(&el);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(callback);
            }
        });
    }

    // Once the canvas has a size and has rendered its fitted cards, it is interactive: say so to
    // the browser's performance timeline (scripts/bench reads the mark).
    let sized = editor.as_ref().is_some_and(|h| h.editor.view.size.w > 0.0);
    use_effect_with(sized, |sized| {
        if *sized {
            if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
                let _ = performance.mark(INTERACTIVE_MARK);
            }
        }
    });

    let pointer = |make: fn(crate::editor::PointerInput) -> Action, capture: bool| {
        let editor = editor.clone();
        let surface = surface.clone();
        Callback::from(move |e: PointerEvent| {
            let (Some(h), Some(el)) = (editor.as_ref(), surface.cast::<Element>()) else { return };
            if capture {
                // Keep receiving the pointer's moves when it leaves the canvas.
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            h.dispatch(make(dom::pointer_input(&e, &el)));
        })
    };
    let onpointerdown = pointer(Action::PointerDown, true);
    let onpointermove = pointer(Action::PointerMove, false);
    let onpointerup = pointer(Action::PointerUp, false);
    let cancel = {
        let editor = editor.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(h) = editor.as_ref() {
                h.dispatch(Action::PointerCancel { pointer_id: e.pointer_id() });
            }
        })
    };
    let onwheel = {
        let editor = editor.clone();
        let surface = surface.clone();
        Callback::from(move |e: WheelEvent| {
            let (Some(h), Some(el)) = (editor.as_ref(), surface.cast::<Element>()) else { return };
            // The page must neither scroll nor zoom: the canvas does.
            e.prevent_default();
            let scale = match e.delta_mode() {
                1 => 16.0,                                   // lines
                2 => el.get_bounding_client_rect().height(), // pages
                _ => 1.0,
            };
            let (mut dx, mut dy) = (e.delta_x() * scale, e.delta_y() * scale);
            if e.shift_key() && dx == 0.0 {
                (dx, dy) = (dy, 0.0);
            }
            let pos_in_screen = dom::pos_in_element(f64::from(e.client_x()), f64::from(e.client_y()), &el);
            h.dispatch(Action::Wheel { pos_in_screen, dx, dy, zoom: e.ctrl_key() || e.meta_key() });
        })
    };

    let Some(handle) = editor.as_ref() else {
        return html! { <main class="pane canvas" aria-label="Canvas"></main> };
    };
    let ed = &handle.editor;
    let scenario = &ed.scenario;
    let view = ed.view;
    let lineage = lineage(scenario);

    let (drop_target, preview, hint) = match &ed.gesture {
        Some(Gesture::Connecting { from, pointer_in_world, target, refusal, .. }) => {
            let from_in_world = scenario.stage(from).map(|s| output_handle(s.pos)).unwrap_or(*pointer_in_world);
            let snapped = target.as_ref().filter(|_| refusal.is_none()).and_then(|t| scenario.stage(t));
            let to_in_world = snapped.map_or(*pointer_in_world, |s| input_handle(s.pos));
            let preview = Preview { from_in_world, to_in_world, refused: refusal.is_some() };
            let hint = refusal.as_ref().map(|r| (view.screen_from_world(*pointer_in_world), r.clone()));
            (target.clone().map(|t| (t, refusal.is_none())), Some(preview), hint)
        }
        _ => (None, None, None),
    };
    let selection_box = match &ed.gesture {
        Some(Gesture::BoxSelecting { start_in_world, current_in_world, .. }) => {
            Some(Rect::from_corners(view.screen_from_world(*start_in_world), view.screen_from_world(*current_in_world)))
        }
        _ => None,
    };

    let invalid = Rc::new(CardFacts::default());
    // In the scenario's order, never reordered: selected cards are raised with `z-index`
    // (style/main.css), which paints them in `Editor::paint_order` as the hit test expects. A card
    // moved in the document to come out on top would lose the keyboard focus, and the Tab order
    // would change with the selection.
    let cards = scenario.stages.iter().map(|s| {
        let drop = match &drop_target {
            Some((t, ok)) if *t == s.id => {
                if *ok {
                    DropHint::Accepts
                } else {
                    DropHint::Refuses
                }
            }
            _ => DropHint::None,
        };
        html! {
            <StageCard
                key={s.id.clone()}
                id={s.id.clone()}
                label={s.display_name().to_string()}
                kind={s.kind}
                pos_in_world={s.pos}
                facts={facts.get(s.id.as_str()).cloned().unwrap_or_else(|| invalid.clone())}
                selected={ed.is_selected(&s.id)}
                {compact}
                lineage={lineage.get(s.id.as_str()).cloned().unwrap_or_default()}
                {drop}
            />
        }
    });

    // Dots closer than 12 px make a grey haze when zoomed out: show every fifth then.
    let grid = if GRID * view.zoom < 12.0 { 5.0 * GRID * view.zoom } else { GRID * view.zoom };
    let (grid, pan_x, pan_y) = (num(grid), num(view.pan.x), num(view.pan.y));
    let surface_style = format!("background-size:{grid}px {grid}px;background-position:{pan_x}px {pan_y}px");
    let world_style = format!("transform:translate({pan_x}px,{pan_y}px) scale({})", scale(view.zoom));
    let surface_class = classes!(
        "canvas-surface",
        ed.space_held.then_some("space"),
        matches!(ed.gesture, Some(Gesture::Panning { .. } | Gesture::Pinching { .. })).then_some("panning"),
        matches!(ed.gesture, Some(Gesture::Moving { moved: true, .. })).then_some("moving"),
    );
    let (stages, flows) = (scenario.stages.len(), scenario.flows.len());
    let notice = ed.notice.clone().unwrap_or_default();

    html! {
        <main class="pane canvas" aria-label="Canvas">
            <div id={SURFACE_ID} class={surface_class} style={surface_style} ref={surface}
                {onpointerdown} {onpointermove} {onpointerup} onpointercancel={cancel.clone()}
                onlostpointercapture={cancel} {onwheel}>
                <div class="canvas-world" style={world_style}>
                    // Nothing is drawn before the canvas has a size (estimated on start, then
                    // measured): the view is fitted to it, and cards drawn before would be
                    // drawn twice.
                    if sized {
                        <Flows scenario={Shared(scenario.clone())} selection={Shared(ed.selection.clone())} {preview}
                            selected={ed.selected_flow.clone()} />
                        // The cards alone in their element: a fully keyed list, so cards added or
                        // removed leave the others (and the keyboard focus) alone.
                        <div class="cards">{ for cards }</div>
                    }
                </div>
                if let Some(r) = selection_box {
                    <div class="select-box" style={format!("left:{}px;top:{}px;width:{}px;height:{}px", num(r.x), num(r.y), num(r.w), num(r.h))}></div>
                }
                if let Some((at, why)) = hint {
                    <div class="connect-hint" style={format!("left:{}px;top:{}px", num(at.x + 14.0), num(at.y + 14.0))}>{ why }</div>
                }
            </div>
            <Toolbar />
            <Minimap />
            if stages == 0 {
                <div class="canvas-hint">
                    <p class="canvas-hint-title">{"Your data platform goes here"}</p>
                    <p>{"Drag stages from the palette (or focus one and press Enter) and connect them with flows, from the systems of record to the reports."}</p>
                </div>
            }
            <p class="canvas-status">{ format!("{} · {}", Count(stages as u64, "stage", "stages"), Count(flows as u64, "flow", "flows")) }</p>
            <p class={classes!("canvas-notice", notice.refusal.then_some("refusal"))} role="status">
                if !notice.text.is_empty() {
                    <span key={notice.seq}>{ notice.text }</span>
                }
            </p>
        </main>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_follows_the_style_sheets() {
        let main = include_str!("../../../style/main.css");
        let results = include_str!("../../../style/results.css");
        for rule in [
            format!("--header-h: {HEADER_H}px;"),
            format!("--palette-w: {PALETTE_W}px;"),
            format!("--results-w: {SIDE_W}px;"),
            format!("@media (max-width: {NARROW_MAX_W}px) {{\n  :root {{ --palette-w: {NARROW_PALETTE_W}px; --results-w: {NARROW_SIDE_W}px; }}"),
            "grid-template-columns: var(--palette-w) minmax(0, 1fr) var(--results-w);".to_string(),
            "flex: 0 0 var(--header-h);".to_string(),
        ] {
            assert!(main.contains(&rule), "style/main.css no longer has `{rule}`: update estimated_canvas_size");
        }
        let drawer = format!(".results-drawer.open {{ height: {DRAWER_VH}vh; min-height: {DRAWER_MIN_H}px; }}");
        assert!(results.contains(&drawer), "style/results.css no longer has `{drawer}`: update estimated_canvas_size");
    }

    #[test]
    fn estimates() {
        // The bench's and the projector's 1280 × 720, as measured in chromium.
        assert_eq!(estimated_canvas_size(Size { w: 1280.0, h: 720.0 }), Some(Size { w: 710.0, h: 361.609375 }));
        // Narrow: the narrow columns; short: the drawer keeps its minimum.
        assert_eq!(estimated_canvas_size(Size { w: 900.0, h: 480.0 }), Some(Size { w: 440.0, h: 204.0 }));
        assert_eq!(estimated_canvas_size(Size { w: 500.0, h: 720.0 }), Some(Size { w: 40.0, h: 361.609375 }));
        assert_eq!(estimated_canvas_size(Size { w: 400.0, h: 720.0 }), None);
        assert_eq!(estimated_canvas_size(Size { w: 1280.0, h: 250.0 }), None);
    }
}
