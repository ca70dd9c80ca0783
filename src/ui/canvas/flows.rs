//! The flows between stages, drawn as arrows in world coordinates under the cards, and the
//! live preview of a flow being drawn.

use crate::editor::geometry::{flow_curve, input_handle, output_handle};
use crate::model::{Pos, Scenario};
use crate::ui::num::push_point;
use crate::ui::state::Shared;
use std::collections::{BTreeSet, HashMap};
use yew::prelude::*;

/// A flow being drawn: from an output handle to the pointer (or the input it snaps to).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Preview {
    /// Start, in world coordinates.
    pub from_in_world: Pos,
    /// End, in world coordinates.
    pub to_in_world: Pos,
    /// Whether the flow would be refused where it ends now.
    pub refused: bool,
}

/// Properties of [`Flows`].
#[derive(Properties, PartialEq)]
pub struct FlowsProps {
    /// The scenario whose flows to draw.
    pub scenario: Shared<Scenario>,
    /// Selected stages: their flows are highlighted.
    pub selection: Shared<BTreeSet<String>>,
    /// The flow being drawn, if any.
    #[prop_or_default]
    pub preview: Option<Preview>,
    /// The selected flow (from, to), if any.
    #[prop_or_default]
    pub selected: Option<(String, String)>,
}

/// How a flow is drawn: plain, lit (it touches a selected stage) or selected. Drawn in that
/// order, so highlighted flows come out on top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Lit,
    Selected,
}

impl Look {
    const ALL: [Look; 3] = [Look::Plain, Look::Lit, Look::Selected];

    /// The class beside `flow` / `flow-head` (style/main.css), if any.
    fn class(self) -> Option<&'static str> {
        match self {
            Look::Plain => None,
            Look::Lit => Some("lit"),
            Look::Selected => Some("selected"),
        }
    }

    /// The stroke width style/main.css gives the flow (a test keeps them in step): its arrow
    /// head is drawn to scale with it.
    fn stroke_width(self) -> f64 {
        match self {
            Look::Plain => 2.0,
            Look::Lit => 3.0,
            Look::Selected => 5.0,
        }
    }
}

/// Appends the flow curve from `a` to `b` ([`flow_curve`], which the editor hit-tests) to the
/// path data `d`.
fn push_curve(d: &mut String, a: Pos, b: Pos) {
    let [p0, p1, p2, p3] = flow_curve(a, b);
    push_point(d, "M", p0);
    push_point(d, "C", p1);
    push_point(d, " ", p2);
    push_point(d, " ", p3);
}

/// Appends to `d` the arrow head of a flow that ends at `end`, drawn `stroke_width` wide. A flow
/// curve always arrives going right ([`flow_curve`]), so the head is a triangle pointing right,
/// 7 stroke widths long and high, its tip 0.7 of a stroke width past the end (the SVG marker
/// the flows had before).
fn push_head(d: &mut String, end: Pos, stroke_width: f64) {
    let k = 0.7 * stroke_width;
    let base = end.x - 9.0 * k;
    push_point(d, "M", Pos { x: end.x + k, y: end.y });
    push_point(d, "L", Pos { x: base, y: end.y - 5.0 * k });
    push_point(d, "L", Pos { x: base, y: end.y + 5.0 * k });
    d.push('z');
}

/// The path data of one flow from `a` to `b`, for the preview.
fn curve(a: Pos, b: Pos) -> String {
    let mut d = String::new();
    push_curve(&mut d, a, b);
    d
}

/// The SVG layer of flows. Decorative for assistive technology: each card's label says what it
/// reads from and feeds. A platform has hundreds of flows, and each element is calls out of wasm
/// when it is drawn: the flows of one look are one path, their arrow heads another (at most six
/// paths, whatever the platform's size).
#[component]
pub fn Flows(props: &FlowsProps) -> Html {
    let scenario = &props.scenario;
    let pos: HashMap<&str, Pos> = scenario.stages.iter().map(|s| (s.id.as_str(), s.pos)).collect();
    // Per look: the curves' path data and the heads'.
    let mut paths: [(String, String); 3] = Default::default();
    for f in &scenario.flows {
        let (Some(a), Some(b)) = (pos.get(f.from.as_str()), pos.get(f.to.as_str())) else { continue };
        let look = if props.selected.as_ref().is_some_and(|(a, b)| *a == f.from && *b == f.to) {
            Look::Selected
        } else if props.selection.contains(&f.from) || props.selection.contains(&f.to) {
            Look::Lit
        } else {
            Look::Plain
        };
        let (curves, heads) = &mut paths[look as usize];
        let end = input_handle(*b);
        push_curve(curves, output_handle(*a), end);
        push_head(heads, end, look.stroke_width());
    }
    let groups = Look::ALL.into_iter().zip(paths).filter(|(_, (curves, _))| !curves.is_empty()).map(
        |(look, (curves, heads))| {
            html! {
                <g key={look as usize}>
                    <path class={classes!("flow", look.class())} d={curves} />
                    <path class={classes!("flow-head", look.class())} d={heads} />
                </g>
            }
        },
    );
    html! {
        <svg class="flows" aria-hidden="true" focusable="false" width="1" height="1">
            { for groups }
            if let Some(p) = props.preview {
                <path class={classes!("flow", "preview", p.refused.then_some("refused"))}
                    d={curve(p.from_in_world, p.to_in_world)} />
            }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_scale_with_the_stroke_widths_of_the_style_sheet() {
        let css = include_str!("../../../style/main.css");
        for (rule, look) in [
            (".flow { fill: none; stroke: #7d8fa1; stroke-width: ", Look::Plain),
            (".flow.lit { stroke: var(--accent); stroke-width: ", Look::Lit),
            (".flow.selected { stroke: var(--brand); stroke-width: ", Look::Selected),
        ] {
            let rule = format!("{rule}{};", look.stroke_width());
            assert!(css.contains(&rule), "style/main.css no longer has `{rule}`: update Look::stroke_width");
        }
    }

    #[test]
    fn a_curve_and_its_head() {
        let (a, b) = (Pos { x: 0.0, y: 0.0 }, Pos { x: 200.0, y: 50.0 });
        assert_eq!(curve(a, b), "M0 0C100 0 100 50 200 50");
        let mut d = String::new();
        push_head(&mut d, b, 2.0);
        assert_eq!(d, "M201.4 50L187.4 43L187.4 57z");
        // Close stages: the curve still leaves and arrives horizontally.
        assert_eq!(curve(a, Pos { x: 10.0, y: 30.0 }), "M0 0C40 0 -30 30 10 30");
    }
}
