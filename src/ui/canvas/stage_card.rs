//! One stage on the canvas: a card with its label, kind, service, RPO/RTO badges and the
//! status colour the plan gives it. Pure view: the canvas handles every pointer event by
//! position, and the document-level key handler reads `data-stage` to know which card has focus.

use crate::editor::status::CardFacts;
use crate::model::{Pos, StageKind};
use crate::ui::icons::group_colour;
use crate::ui::num::num;
use std::rc::Rc;
use yew::prelude::*;

/// How the card reacts to a flow being drawn over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DropHint {
    /// No flow is being drawn to this card.
    #[default]
    None,
    /// The flow would be accepted.
    Accepts,
    /// The flow would be refused.
    Refuses,
}

/// Properties of [`StageCard`].
#[derive(Properties, PartialEq)]
pub struct StageCardProps {
    /// The stage id.
    pub id: AttrValue,
    /// The name shown.
    pub label: AttrValue,
    /// The kind.
    pub kind: StageKind,
    /// Top-left corner, in world coordinates.
    pub pos_in_world: Pos,
    /// What the plan says about the stage.
    pub facts: Rc<CardFacts>,
    /// Whether it is selected.
    pub selected: bool,
    /// Drawn compact: the label and the status colour, without kind, service and badges (the
    /// canvas is zoomed out below [`crate::editor::geometry::DETAIL_ZOOM_MIN`]). The aria-label
    /// still says everything.
    #[prop_or_default]
    pub compact: bool,
    /// Flows it reads from and feeds, in words, for screen readers.
    #[prop_or_default]
    pub lineage: AttrValue,
    /// Feedback while a flow is drawn over it.
    #[prop_or_default]
    pub drop: DropHint,
}

/// A stage's card.
#[component]
pub fn StageCard(props: &StageCardProps) -> Html {
    let facts = &props.facts;
    let status = facts.status;
    let mut class = classes!("stage-card", format!("status-{}", status.key()));
    if props.selected {
        class.push("selected");
    }
    if props.compact {
        class.push("compact");
    }
    match props.drop {
        DropHint::None => {}
        DropHint::Accepts => class.push("drop-ok"),
        DropHint::Refuses => class.push("drop-refused"),
    }
    // The size is style/main.css's (`CARD_W` × `CARD_H`, a test keeps them in step).
    let style = format!(
        "transform:translate({}px,{}px);--kind:{}",
        num(props.pos_in_world.x),
        num(props.pos_in_world.y),
        group_colour(props.kind.group())
    );
    // Which target is missed, full history or recent data, for screen readers as for the eye.
    let recent = facts
        .recent
        .as_ref()
        .map_or_else(String::new, |b| format!(" Recent data {}: {}.", b.target, if b.met { "met" } else { "missed" }));
    let aria = format!(
        "{}: {} on {}, {}. RPO {}, RTO {}.{recent}{}{}",
        props.label,
        props.kind.label(),
        facts.service,
        status.label(),
        facts.rpo.target,
        facts.rto.target,
        if props.lineage.is_empty() { "" } else { " " },
        props.lineage
    );
    let badge = |name: &str, b: &crate::editor::status::Badge| {
        let mark = if b.met { "✓" } else { "✕" };
        html! {
            <span class={classes!("badge", if b.met { "met" } else { "missed" })} title={b.detail.clone()}>
                { format!("{name} {} {mark}", b.target) }
            </span>
        }
    };
    html! {
        // Seven elements a card (eight with a recent-data target), one when compact — the label
        // is the card's own text: a platform has hundreds, and every element and attribute is a
        // call out of wasm on start (the status is the `status-*` class alone; a label element
        // per compact card was 7 % of the start of 200 stages). The icon (an image chosen by
        // `data-kind`, which only a detailed card draws and has) and the two handles (::before
        // and ::after) are drawn by style/main.css.
        <div {class} {style} role="group" tabindex="0" aria-label={aria} aria-roledescription="stage"
            data-stage={props.id.clone()} data-kind={(!props.compact).then(|| props.kind.key())}>
            if props.compact {
                { props.label.clone() }
            } else {
                <div class="card-label">{ props.label.clone() }</div>
                <div class="card-kind" title={facts.service.clone()}>{ format!("{} · {}", props.kind.label(), facts.service) }</div>
                <div class="card-badges">
                    { badge("RPO", &facts.rpo) }
                    { badge("RTO", &facts.rto) }
                    if let Some(recent) = &facts.recent {
                        // The newest days' target beside the full history's: `30d 45m ✓`.
                        <span class={classes!("badge", "recent", if recent.met { "met" } else { "missed" })}
                            title={recent.detail.clone()}>
                            { format!("{} {}", recent.target, if recent.met { "✓" } else { "✕" }) }
                        </span>
                    }
                    <span class="card-status" title={if facts.warnings.is_empty() { status.label().to_string() } else { facts.warnings.clone() }}>
                        { match status {
                            crate::editor::status::Status::Meets => "●",
                            crate::editor::status::Status::Warning => "▲",
                            crate::editor::status::Status::Violates => "■",
                            crate::editor::status::Status::Invalid => "?",
                        } }
                    </span>
                </div>
            }
        </div>
    }
}
