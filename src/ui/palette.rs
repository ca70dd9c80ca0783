//! The palette: every stage kind, grouped the way the guides describe a data platform, each
//! with its icon and colour. Drag one onto the canvas (mouse, pen or touch) to add a stage
//! there; a click, Enter or Space adds it in the middle of the view.

use super::canvas::SURFACE_ID;
use super::dom;
use super::icons::{group_colour, kind_icon};
use super::num::num;
use super::state::use_editor;
use crate::editor::geometry::{Rect, CARD_H, CARD_W, DRAG_THRESHOLD_IN_SCREEN};
use crate::editor::Action;
use crate::model::{PaletteGroup, Pos, StageKind};
use web_sys::{Element, KeyboardEvent, PointerEvent};
use yew::prelude::*;

/// A kind being dragged out of the palette, in client coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Drag {
    kind: StageKind,
    pointer_id: i32,
    start: Pos,
    now: Pos,
    moved: bool,
}

fn client_pos(e: &PointerEvent) -> Pos {
    Pos { x: f64::from(e.client_x()), y: f64::from(e.client_y()) }
}

/// The left pane listing stage kinds by [`PaletteGroup`].
#[component]
pub fn Palette() -> Html {
    let editor = use_editor();
    // The ghost that follows the pointer is this pane's own business until the drop.
    let drag = use_state(|| None::<Drag>);
    let zoom = editor.as_ref().map_or(1.0, |h| h.editor.view.zoom);

    let add = {
        let editor = editor.clone();
        move |kind: StageKind, at_in_screen: Option<Pos>| {
            if let Some(h) = editor.as_ref() {
                h.dispatch(Action::AddStage { kind, at_in_screen });
            }
        }
    };
    let onpointerdown = {
        let drag = drag.clone();
        move |kind: StageKind| {
            let drag = drag.clone();
            Callback::from(move |e: PointerEvent| {
                if e.button() != 0 {
                    return;
                }
                // Capture, so that moves and the release come here even over the canvas; this
                // also stops touch from scrolling the palette (with `touch-action: none`).
                if let Some(button) = e.target_dyn_into::<Element>().and_then(|t| t.closest("button").ok().flatten()) {
                    let _ = button.set_pointer_capture(e.pointer_id());
                }
                let at = client_pos(&e);
                drag.set(Some(Drag { kind, pointer_id: e.pointer_id(), start: at, now: at, moved: false }));
            })
        }
    };
    let onpointermove = {
        let drag = drag.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *drag else { return };
            if d.pointer_id != e.pointer_id() {
                return;
            }
            let now = client_pos(&e);
            let moved = d.moved || (now.x - d.start.x).hypot(now.y - d.start.y) >= DRAG_THRESHOLD_IN_SCREEN;
            drag.set(Some(Drag { now, moved, ..d }));
        })
    };
    let onpointerup = {
        let drag = drag.clone();
        let add = add.clone();
        Callback::from(move |e: PointerEvent| {
            let Some(d) = *drag else { return };
            if d.pointer_id != e.pointer_id() {
                return;
            }
            drag.set(None);
            if !d.moved {
                add(d.kind, None); // a click or tap
                return;
            }
            let Some(surface) = dom::element_by_id(SURFACE_ID) else { return };
            let at = client_pos(&e);
            let pos_in_screen = dom::pos_in_element(at.x, at.y, &surface);
            let rect = surface.get_bounding_client_rect();
            if (Rect { x: 0.0, y: 0.0, w: rect.width(), h: rect.height() }).contains(pos_in_screen) {
                add(d.kind, Some(pos_in_screen));
            }
        })
    };
    let onpointercancel = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    let onkeydown = move |kind: StageKind| {
        let add = add.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" || e.key() == " " {
                e.prevent_default();
                add(kind, None);
            }
        })
    };

    let ghost = drag.as_ref().filter(|d| d.moved).map(|d| {
        let (w, h) = (CARD_W * zoom, CARD_H * zoom);
        let style = format!(
            "left:{}px;top:{}px;width:{}px;height:{}px;--kind:{}",
            num(d.now.x - w / 2.0),
            num(d.now.y - h / 2.0),
            num(w),
            num(h),
            group_colour(d.kind.group())
        );
        html! {
            <div class="palette-ghost" {style} aria-hidden="true">
                { kind_icon(d.kind) }<span>{ d.kind.label() }</span>
            </div>
        }
    });

    html! {
        <nav class="pane palette" aria-label="Stage palette">
            <h2 class="pane-title">{"Stages"}</h2>
            <p class="palette-help" id="palette-help">{"Drag onto the canvas, or press Enter to add in the middle."}</p>
            { for PaletteGroup::ALL.into_iter().map(|group| html! {
                <section class="palette-group" key={group.label()} style={format!("--kind:{}", group_colour(group))}>
                    <h3>{ group.label() }</h3>
                    <ul>
                        { for group.kinds().map(|kind| html! {
                            <li key={kind.key()}>
                                <button type="button" class="palette-kind" data-kind={kind.key()}
                                    aria-describedby="palette-help"
                                    onpointerdown={onpointerdown(kind)}
                                    onpointermove={onpointermove.clone()}
                                    onpointerup={onpointerup.clone()}
                                    onpointercancel={onpointercancel.clone()}
                                    onkeydown={onkeydown(kind)}>
                                    { kind_icon(kind) }
                                    <span class="palette-label">{ kind.label() }</span>
                                </button>
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
            // A stable slot: the ghost appearing must not disturb the list, whose button holds
            // the pointer capture.
            <div class="palette-ghost-slot">{ for ghost }</div>
        </nav>
    }
}
