//! The results plots as SVG, drawn with plotters from a computed plan: pure Rust, no page.
//!
//! - [`cost_against_rto`]: the platform's monthly cost against the time until its reports serve
//!   again — the Pareto step curve of the engine's platform RTO curve — with the current plan
//!   marked;
//! - [`cost_against_rpo`]: the same against the oldest recovery point the platform restores to;
//! - [`break_even`]: for one stage, cumulative cost of keeping copies against reprocessing over
//!   the scenario's span, the break-even month marked;
//! - [`timeline`]: the recovery timeline, a Gantt chart of every stage's hot and full phases with
//!   time to first service and to full restore marked;
//! - [`compare_fronts`]: two variants of a scenario on one cost plot, each front and current plan
//!   in its own colour, line and marker shape.
//!
//! Each returns a [`Figure`]: the SVG (a whole document: the web app shows it as an image and
//! offers it as a download), a title, a text alternative, and a file name. `None` when the plan has
//! nothing to show. User text (stage names) reaches the SVG only through plotters' text
//! elements, which escape it.
//!
//! Invariants: no function here panics on any plan (a drawing error becomes a figure that says
//! so); nothing measures text (see [`frame`]); a figure depends only on its inputs; no text
//! covers another text, a marker or a target line, and everything lies inside the picture
//! ([`layout`]: each figure keeps its boxes, and the tests check them on both reference
//! platforms); every text is [`frame::TEXT`] pixels, readable on a projector.

pub mod breakeven;
pub mod compare;
pub mod curves;
pub mod frame;
pub mod gantt;
pub mod layout;
#[cfg(test)]
mod tests;

pub use breakeven::break_even;
pub use compare::compare_fronts;
pub use curves::{cost_against_rpo, cost_against_rto, Against};
pub use gantt::timeline;

use crate::engine::{Cost, Plan};
use crate::model::{Disruption, Scenario};
use frame::Drawn;
use layout::{Anchor, Canvas, Layout};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Width of every plot, in CSS pixels at 100 % (the page scales it to its column).
pub const WIDTH: u32 = 640;
/// Height of the cost and break-even plots.
pub const HEIGHT: u32 = 400;

/// One plot, ready to show or save.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What it shows, as a heading.
    pub title: String,
    /// What it says, in words: the text alternative for screen readers and print.
    pub summary: String,
    /// A whole SVG document.
    pub svg: String,
    /// A file name for the download: `keel-<what>-<disruption>.svg`.
    pub file_name: String,
    /// Its size in CSS pixels at 100 %.
    pub size: (u32, u32),
    /// Where each text, marker and target line went, and the labels left out for want of room.
    pub layout: Layout,
}

impl Figure {
    /// The SVG as a `data:` URL, for an `<img>`: the page shows the plot as an image, which
    /// runs nothing and needs no HTML injection (the page's Content-Security-Policy forbids
    /// assigning markup).
    pub fn data_url(&self) -> String {
        use base64::Engine;
        let mut url = String::from("data:image/svg+xml;base64,");
        base64::engine::general_purpose::STANDARD.encode_string(self.svg.as_bytes(), &mut url);
        url
    }
}

/// Draws a picture of `size` with `draw` and wraps it as a figure; a drawing error (which
/// writing to a string cannot really raise) becomes a picture saying so.
fn figure(
    title: String,
    summary: String,
    file_name: String,
    size: (u32, u32),
    draw: impl Fn(&mut Canvas<'_, '_>) -> Drawn,
) -> Figure {
    let mut svg = String::new();
    let (result, mut layout) = {
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let mut canvas = Canvas::new(&area, size);
        let drawn = area.fill(&WHITE).map_err(Into::into).and_then(|()| draw(&mut canvas));
        let layout = canvas.into_layout();
        (drawn.and_then(|()| area.present().map_err(Into::into)), layout)
    };
    if let Err(e) = result {
        svg.clear();
        let area = SVGBackend::with_string(&mut svg, size).into_drawing_area();
        let mut canvas = Canvas::new(&area, size);
        let message = format!("This plot could not be drawn: {e}");
        // Nothing more can be done if even this fails: the text alternative still says it.
        let _ = area.fill(&WHITE);
        let _ = canvas.text(&message, frame::PLAIN, Anchor::new(16, 16, HPos::Left, VPos::Top));
        let _ = area.present();
        layout = canvas.into_layout();
    }
    Figure { title: title.clone(), summary, svg: with_title(&tidy_font_sizes(&svg), &title), file_name, size, layout }
}

/// `svg` with each `font-size` written to at most two decimals: plotters writes the size it was
/// given ÷ 1.24 (`15.000000000000002` for 15), sixteen characters too many on every text.
fn tidy_font_sizes(svg: &str) -> String {
    const ATTR: &str = "font-size=\"";
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find(ATTR) {
        let (head, tail) = rest.split_at(i + ATTR.len());
        out.push_str(head);
        let end = tail.find('"').unwrap_or(tail.len());
        match tail[..end].parse::<f64>() {
            Ok(px) => crate::text::Trimmed::<2>(px).push_to(&mut out),
            Err(_) => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

/// `svg` with a `<title>` (escaped) as its first child, so a saved file says what it is.
fn with_title(svg: &str, title: &str) -> String {
    let Some(end) = svg.find('>') else { return svg.to_string() };
    let mut out = String::with_capacity(svg.len() + title.len() + 20);
    out.push_str(&svg[..=end]);
    out.push_str("\n<title>");
    for c in title.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out.push_str("</title>");
    out.push_str(&svg[end + 1..]);
    out
}

/// The current plan's monthly cost of the protection against `disruption`: each stage's
/// recommendation for it, summed by category.
pub fn cost_for(plan: &Plan, disruption: Disruption) -> Cost {
    let mut cost = Cost::default();
    for stage in &plan.stages {
        if let Some(r) = stage.recommendation(disruption) {
            cost.add(&r.cost);
        }
    }
    cost
}

/// The oldest point the platform's stages are restored to after `disruption` (the latest
/// effective recovery point along the flows): where the cost-against-data-loss plot marks the
/// current plan. `None` when no stage can be restored.
pub fn oldest_recovery_point(plan: &Plan, disruption: Disruption) -> Option<f64> {
    plan.pipeline.timeline(disruption)?.stages.iter().filter_map(|s| s.effective_rpo_minutes).reduce(f64::max)
}

/// The name a stage is shown by: its label, or its id; the id itself when the scenario has no
/// such stage.
fn stage_name<'s>(scenario: &'s Scenario, id: &'s str) -> &'s str {
    scenario.stage(id).map_or(id, |s| s.display_name())
}

/// `keel-<what>-<disruption>.svg`.
fn file_name(what: &str, disruption: Disruption) -> String {
    format!("keel-{what}-{}.svg", disruption.key().replace('_', "-"))
}

/// The disruption type in lower case, for sentences: "corruption", "region outage".
fn lower(disruption: Disruption) -> String {
    disruption.label().to_lowercase()
}
