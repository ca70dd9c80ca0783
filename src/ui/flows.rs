//! The flows between stages, drawn as arrows in world coordinates under the cards, and the
//! live preview of a flow being drawn.

use super::num::num;
use super::state::Shared;
use crate::editor::geometry::{flow_curve, input_handle, output_handle};
use crate::model::{Pos, Scenario};
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

/// The SVG path of the flow curve from `a` to `b` ([`flow_curve`], which the editor hit-tests).
fn curve(a: Pos, b: Pos) -> String {
    let [p0, p1, p2, p3] = flow_curve(a, b);
    format!(
        "M{} {}C{} {} {} {} {} {}",
        num(p0.x),
        num(p0.y),
        num(p1.x),
        num(p1.y),
        num(p2.x),
        num(p2.y),
        num(p3.x),
        num(p3.y)
    )
}

/// The SVG layer of flows. Decorative for assistive technology: each card's label says what it
/// reads from and feeds. The arrow heads come from style/main.css (`marker-end` on `.flow`), not
/// an attribute on each of a platform's hundreds of paths.
#[component]
pub fn Flows(props: &FlowsProps) -> Html {
    let scenario = &props.scenario;
    let pos: HashMap<&str, Pos> = scenario.stages.iter().map(|s| (s.id.as_str(), s.pos)).collect();
    let paths = scenario.flows.iter().filter_map(|f| {
        let (a, b) = (pos.get(f.from.as_str())?, pos.get(f.to.as_str())?);
        let lit = props.selection.contains(&f.from) || props.selection.contains(&f.to);
        let selected = props.selected.as_ref().is_some_and(|(a, b)| *a == f.from && *b == f.to);
        Some(html! {
            <path key={format!("{}>{}", f.from, f.to)} class={classes!("flow", lit.then_some("lit"), selected.then_some("selected"))}
                d={curve(output_handle(*a), input_handle(*b))} />
        })
    });
    html! {
        <svg class="flows" aria-hidden="true" focusable="false" width="1" height="1">
            <defs>
                <marker id="keel-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7"
                    orient="auto-start-reverse" markerUnits="strokeWidth">
                    <path d="M0 0L10 5L0 10z" class="arrow-head" />
                </marker>
            </defs>
            <g>{ for paths }</g>
            if let Some(p) = props.preview {
                <path class={classes!("flow", "preview", p.refused.then_some("refused"))}
                    d={curve(p.from_in_world, p.to_in_world)} />
            }
        </svg>
    }
}
