//! The minimap: the whole platform in miniature with the part in view outlined; press or drag
//! on it to look elsewhere. A pointer convenience (fit view and the keyboard do the same), so it
//! is hidden from assistive technology.

use super::dom;
use super::icons::group_colour;
use super::num::num;
use super::state::use_editor;
use crate::editor::geometry::{bounds, Rect, CARD_H, CARD_W};
use crate::editor::Action;
use crate::model::Pos;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// Width of the minimap in screen pixels.
pub const MINI_W: f64 = 180.0;
/// Height of the minimap in screen pixels.
pub const MINI_H: f64 = 120.0;

/// The world rectangle the minimap shows: the platform and the view, with a margin, widened to
/// the minimap's proportions so that it maps linearly.
pub fn minimap_world(stages: Option<Rect>, visible: Rect) -> Rect {
    let r = stages.map_or(visible, |s| s.union(&visible));
    let margin = 40.0;
    let (mut w, mut h) = (r.w + 2.0 * margin, r.h + 2.0 * margin);
    if w / h > MINI_W / MINI_H {
        h = w * MINI_H / MINI_W;
    } else {
        w = h * MINI_W / MINI_H;
    }
    let c = r.centre();
    Rect { x: c.x - w / 2.0, y: c.y - h / 2.0, w, h }
}

/// The minimap in the canvas's bottom-right corner.
#[component]
pub fn Minimap() -> Html {
    let editor = use_editor();
    let node = use_node_ref();
    let Some(handle) = editor else { return html! {} };
    let ed = &handle.editor;
    if ed.scenario.stages.is_empty() || ed.view.size.w <= 0.0 {
        return html! {};
    }
    let visible = ed.view.visible_in_world();
    let world = minimap_world(bounds(ed.scenario.stages.iter().map(|s| s.pos)), visible);
    let centre_on = {
        let handle = handle.clone();
        let node = node.clone();
        move |e: &PointerEvent| {
            let Some(el) = node.cast::<Element>() else { return };
            let at = dom::pos_in_element(f64::from(e.client_x()), f64::from(e.client_y()), &el);
            let pos_in_world = Pos { x: world.x + at.x / MINI_W * world.w, y: world.y + at.y / MINI_H * world.h };
            handle.dispatch(Action::CentreOn(pos_in_world));
        }
    };
    let onpointerdown = {
        let centre_on = centre_on.clone();
        let node = node.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some(el) = node.cast::<Element>() {
                let _ = el.set_pointer_capture(e.pointer_id());
            }
            centre_on(&e);
        })
    };
    let onpointermove = Callback::from(move |e: PointerEvent| {
        if e.buttons() & 1 == 1 {
            centre_on(&e);
        }
    });
    html! {
        <svg class="minimap" ref={node} aria-hidden="true" focusable="false" width={num(MINI_W)}
            height={num(MINI_H)} viewBox={format!("{} {} {} {}", num(world.x), num(world.y), num(world.w), num(world.h))}
            {onpointerdown} {onpointermove}>
            <g>
                { for ed.scenario.stages.iter().map(|s| html! {
                    <rect key={s.id.clone()} x={num(s.pos.x)} y={num(s.pos.y)} width={num(CARD_W)}
                        height={num(CARD_H)} rx="12" fill={group_colour(s.kind.group())}
                        fill-opacity={if ed.is_selected(&s.id) { "1" } else { "0.55" }} />
                }) }
            </g>
            <rect class="minimap-view" x={num(visible.x)} y={num(visible.y)}
                width={num(visible.w)} height={num(visible.h)} vector-effect="non-scaling-stroke" />
        </svg>
    }
}
