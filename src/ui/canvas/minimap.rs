//! The minimap: the whole platform in miniature with the part in view outlined; press or drag
//! on it to look elsewhere. A pointer convenience (fit view and the keyboard do the same), so it
//! is hidden from assistive technology.

use crate::editor::geometry::{bounds, Rect, CARD_H, CARD_W};
use crate::editor::Action;
use crate::model::{PaletteGroup, Pos, Stage};
use crate::ui::dom;
use crate::ui::icons::group_colour;
use crate::ui::num::{num, push_point};
use crate::ui::state::use_editor;
use std::collections::BTreeSet;
use web_sys::{Element, PointerEvent};
use yew::prelude::*;

/// Width of the minimap in screen pixels.
pub const MINI_W: f64 = 180.0;
/// Height of the minimap in screen pixels.
pub const MINI_H: f64 = 120.0;
/// Height of the canvas toolbar above it in screen pixels (style/main.css: 32-pixel tools,
/// 3 pixels of padding and a 1-pixel border, top and bottom), and the margin both keep from
/// the canvas's edges and from each other. A test keeps them in step with the style sheet.
const TOOLBAR_H: f64 = 40.0;
const EDGE: f64 = 10.0;

/// Whether the minimap fits under the toolbar in a canvas `canvas_h` screen pixels high: both
/// sit at the right edge, so in a short canvas (a tall results drawer, a small window) the
/// minimap would cover the toolbar's buttons. It is left out then; the fit button and the
/// arrow keys still find every card.
pub fn minimap_fits(canvas_h: f64) -> bool {
    canvas_h >= EDGE + TOOLBAR_H + EDGE + MINI_H + EDGE
}

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

/// One shape of the minimap: every stage of a palette group, selected or not, as the subpaths
/// of one SVG path (a rectangle each).
#[derive(Debug, Clone, PartialEq)]
pub struct MiniShape {
    /// The stages' palette group (their colour).
    pub group: PaletteGroup,
    /// Whether these are the selected stages (drawn opaque, over the others).
    pub selected: bool,
    /// The path, in world coordinates.
    pub d_in_world: String,
}

/// The minimap's shapes: at most two a palette group (unselected first, so that selected
/// stages are drawn on top), in palette order. A few paths instead of one element a stage: a
/// 200-stage platform drew 200 rectangles of seven attributes each on start (≈ 40 ms, measured),
/// and a card is a dot of a few pixels here, so rounded corners are not missed.
pub fn mini_shapes(stages: &[Stage], selection: &BTreeSet<String>) -> Vec<MiniShape> {
    // One pass over the stages (the minimap redraws on every frame of a drag): each rectangle
    // goes to its slot, unselected groups first, then selected ones, in palette order.
    let groups = PaletteGroup::ALL.len();
    let mut paths = vec![String::new(); 2 * groups];
    let rect = format!("h{}v{}h{}z", num(CARD_W), num(CARD_H), num(-CARD_W));
    for s in stages {
        let slot = usize::from(selection.contains(&s.id)) * groups + s.kind.group() as usize;
        let d = &mut paths[slot];
        push_point(d, "M", s.pos);
        d.push_str(&rect);
    }
    paths
        .into_iter()
        .enumerate()
        .filter(|(_, d)| !d.is_empty())
        .map(|(slot, d_in_world)| MiniShape {
            group: PaletteGroup::ALL[slot % groups],
            selected: slot >= groups,
            d_in_world,
        })
        .collect()
}

/// The minimap in the canvas's bottom-right corner.
#[component]
pub fn Minimap() -> Html {
    let editor = use_editor();
    let node = use_node_ref();
    let Some(handle) = editor else { return html! {} };
    let ed = &handle.editor;
    if ed.scenario.stages.is_empty() || ed.view.size.w <= 0.0 || !minimap_fits(ed.view.size.h) {
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
                { for mini_shapes(&ed.scenario.stages, &ed.selection).into_iter().map(|shape| html! {
                    <path key={shape.group as usize * 2 + usize::from(shape.selected)}
                        d={shape.d_in_world} fill={group_colour(shape.group)}
                        fill-opacity={if shape.selected { "1" } else { "0.55" }} />
                }) }
            </g>
            <rect class="minimap-view" x={num(visible.x)} y={num(visible.y)}
                width={num(visible.w)} height={num(visible.h)} vector-effect="non-scaling-stroke" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::StageKind;

    fn stage(id: &str, kind: StageKind, x: f64, y: f64) -> Stage {
        Stage { pos: Pos { x, y }, ..Stage::new(id, kind) }
    }

    #[test]
    fn the_minimap_is_left_out_where_it_would_cover_the_toolbar() {
        // 10 + 40 + 10 + 120 + 10: the toolbar, a gap, the minimap, each edge's margin.
        assert!(!minimap_fits(0.0));
        assert!(!minimap_fits(189.0));
        assert!(minimap_fits(190.0));
        assert!(minimap_fits(720.0));
        // The figures are the style sheet's.
        let css = include_str!("../../../style/main.css");
        for rule in [
            format!("position: absolute; top: {EDGE}px; right: {EDGE}px;"),
            "padding: 3px;\n  background: var(--paper); border: 1px solid var(--line)".to_string(),
            "min-width: 32px; height: 32px;".to_string(),
            format!("position: absolute; right: {EDGE}px; bottom: {EDGE}px;"),
        ] {
            assert!(css.contains(&rule), "style/main.css no longer has `{rule}`: update minimap_fits");
        }
        assert_eq!(TOOLBAR_H, 32.0 + 2.0 * 3.0 + 2.0 * 1.0);
    }

    #[test]
    fn one_path_a_group_with_the_selected_stages_on_top() {
        let stages = [
            stage("a", StageKind::Raw, 0.0, 0.0),
            stage("b", StageKind::Curated, 200.0, 0.0),
            stage("c", StageKind::Report, 400.0, 40.5),
            stage("d", StageKind::Raw, 0.0, 120.0),
        ];
        let selection: BTreeSet<String> = ["d".to_string()].into();
        let shapes = mini_shapes(&stages, &selection);
        let summary: Vec<(PaletteGroup, bool, &str)> =
            shapes.iter().map(|s| (s.group, s.selected, s.d_in_world.as_str())).collect();
        assert_eq!(
            summary,
            [
                (PaletteGroup::Store, false, "M0 0h180v100h-180zM200 0h180v100h-180z"),
                (PaletteGroup::Serve, false, "M400 40.5h180v100h-180z"),
                (PaletteGroup::Store, true, "M0 120h180v100h-180z"),
            ]
        );
        assert!(mini_shapes(&[], &selection).is_empty());
        // Slots are numbered by the groups' declaration order, which must be palette order.
        for (i, group) in PaletteGroup::ALL.into_iter().enumerate() {
            assert_eq!(group as usize, i);
        }
    }
}
