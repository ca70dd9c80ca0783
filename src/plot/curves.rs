//! Cost against recovery time and against data loss, for the whole platform: the engine's
//! platform curves (`plan.curves.platform`) drawn as Pareto step curves in what the architect
//! gets — when the reports serve again, how old the data restored is — with the current plan
//! and the scenario's target marked.

use super::frame::{self, draw_axes, draw_legend, draw_vertical_marker, step_path, Area, AxisText, Drawn, Frame, Key};
use super::{cost_for, figure, lower, oldest_recovery_point, Figure, HEIGHT, WIDTH};
use crate::engine::{Plan, PlatformPoint};
use crate::model::{Disruption, Scenario};
use crate::text::{compact_money, whole_money, Mins};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The plotting area of both cost plots.
const LEFT: i32 = 78;
const TOP: i32 = 40;
const RIGHT: i32 = WIDTH as i32 - 24;
const BOTTOM: i32 = HEIGHT as i32 - 62;

/// What one cost plot shows.
struct Spec<'a> {
    what: &'static str,
    title: String,
    x_title: &'static str,
    /// The front: (achieved minutes, monthly cost), as the engine gives it.
    points: Vec<(f64, f64)>,
    /// The current plan: (achieved minutes, monthly cost); minutes `None` = never.
    current: (Option<f64>, f64),
    /// The scenario's default target for this axis, in minutes.
    target: u32,
    currency: &'a str,
    disruption: Disruption,
    /// How a point is described in the summary: "serves again in" / "restores data from".
    verb: &'static str,
    /// The front's name in the legend.
    front_label: &'static str,
}

/// Platform monthly cost against the time until the reports serve again, for `disruption`.
/// `None` when the plan has no platform curve (no valid stage).
pub fn cost_against_rto(plan: &Plan, scenario: &Scenario, disruption: Disruption) -> Option<Figure> {
    let curve = plan.curves.platform.iter().find(|c| c.disruption == disruption)?;
    let timeline = plan.pipeline.timeline(disruption);
    let spec = Spec {
        what: "cost-vs-rto",
        title: format!("Monthly cost against recovery time — {}", lower(disruption)),
        x_title: "Time until the reports serve again (log scale)",
        points: front(&curve.rto, |p| p.serving_minutes),
        current: (timeline.and_then(|t| t.first_service_minutes), cost_for(plan, disruption).total()),
        target: scenario.targets.get(disruption).rto_minutes,
        currency: &plan.currency,
        disruption,
        verb: "serves again in",
        front_label: "cheapest protection for each recovery time",
    };
    Some(draw(&spec))
}

/// Platform monthly cost against the oldest point its stages can be restored to (the effective
/// recovery point along the flows), for `disruption`. `None` when the plan has no platform curve.
pub fn cost_against_rpo(plan: &Plan, scenario: &Scenario, disruption: Disruption) -> Option<Figure> {
    let curve = plan.curves.platform.iter().find(|c| c.disruption == disruption)?;
    let spec = Spec {
        what: "cost-vs-rpo",
        title: format!("Monthly cost against data loss — {}", lower(disruption)),
        x_title: "Oldest recovery point the platform restores to (log scale)",
        points: front(&curve.rpo, |p| p.achieved_minutes),
        current: (oldest_recovery_point(plan, disruption), cost_for(plan, disruption).total()),
        target: scenario.targets.get(disruption).rpo_minutes,
        currency: &plan.currency,
        disruption,
        verb: "restores data from",
        front_label: "cheapest protection for each recovery point",
    };
    Some(draw(&spec))
}

/// The points of a platform curve as (achieved minutes, cost), fastest first, keeping only
/// those no faster point is as cheap as (the engine's curve is non-dominated in more than this
/// one measure).
fn front(points: &[PlatformPoint], achieved: impl Fn(&PlatformPoint) -> Option<f64>) -> Vec<(f64, f64)> {
    let mut all: Vec<(f64, f64)> = points
        .iter()
        .filter_map(|p| Some((achieved(p)?, p.monthly)))
        .filter(|(m, c)| m.is_finite() && c.is_finite())
        .collect();
    crate::order::sort_by(&mut all, |a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(all.len());
    for p in all {
        if out.last().is_none_or(|last| p.1 < last.1 - 1e-6) {
            out.push(p);
        }
    }
    out
}

/// Round durations around `lo ..= hi` minutes, one tick beyond each where there is one, so a
/// lone point still has a scale around it.
fn bracket(lo: f64, hi: f64) -> (f64, f64) {
    let ticks: Vec<f64> = frame::duration_ticks(0.0, f64::MAX).into_iter().map(|(m, _)| m).collect();
    let start = ticks.iter().copied().filter(|&t| t < lo).fold(0.0, f64::max);
    let end = ticks.iter().copied().find(|&t| t > hi).unwrap_or(hi.max(start + 1.0));
    (start, end)
}

fn draw(spec: &Spec<'_>) -> Figure {
    let xs = spec.points.iter().map(|p| p.0).chain(spec.current.0).chain([f64::from(spec.target)]);
    let (lo, hi) = xs.clone().fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
    let (x_lo, x_hi) = if lo.is_finite() { bracket(lo, hi) } else { (0.0, 1440.0) };
    let y_max = spec.points.iter().map(|p| p.1).chain([spec.current.1]).fold(0.0, f64::max);
    let (step, y_end) = frame::nice_step(y_max * 1.08, 4.0);
    let frame = Frame {
        left: LEFT,
        top: TOP,
        right: RIGHT,
        bottom: BOTTOM,
        x: frame::Axis { lo: x_lo, hi: x_hi, scale: frame::Scale::Log1p },
        y: frame::Axis { lo: 0.0, hi: y_end, scale: frame::Scale::Linear },
    };
    let x_ticks = frame::duration_ticks(x_lo, x_hi);
    let y_ticks = frame::linear_ticks(step, y_end, compact_money);
    let y_title = format!("Monthly cost ({})", spec.currency);
    let axes = AxisText { x_ticks: &x_ticks, y_ticks: &y_ticks, x_title: spec.x_title, y_title: &y_title };
    let summary = summary(spec);
    figure(spec.title.clone(), summary, super::file_name(spec.what, spec.disruption), (WIDTH, HEIGHT), |area| {
        draw_axes(area, &frame, &axes)?;
        draw_series(area, &frame, spec, x_hi)
    })
}

fn draw_series(area: &Area<'_>, frame: &Frame, spec: &Spec<'_>, x_hi: f64) -> Drawn {
    let target = format!("target {}", crate::text::Whole(spec.target));
    draw_vertical_marker(area, frame, frame.x_px_from_value(f64::from(spec.target)), frame::DANGER, &target)?;
    area.draw(&PathElement::new(step_path(frame, &spec.points, x_hi), frame::BRAND.stroke_width(3)))?;
    for &(x, y) in &spec.points {
        let (px, py) = frame.px_from_point(x, y);
        area.draw(&Circle::new((px, py), 4, frame::BRAND.filled()))?;
        let label = frame::anchored(12.0, HPos::Left, VPos::Bottom).color(&frame::SOFT);
        area.draw(&Text::new(compact_money(y), (px + 5, py - 4), label))?;
    }
    if let (Some(x), y) = spec.current {
        let (px, py) = frame.px_from_point(x, y);
        area.draw(&Circle::new((px, py), 7, frame::ORANGE.stroke_width(3)))?;
        let right_half = px > (frame.left + frame.right) / 2;
        let (h, dx) = if right_half { (HPos::Right, -8) } else { (HPos::Left, 8) };
        let label = frame::bold(13.0, h, VPos::Bottom).color(&frame::ORANGE);
        area.draw(&Text::new("your plan".to_string(), (px + dx, py - 10), label))?;
    }
    let keys = [
        Key { color: frame::BRAND, dot: false, label: spec.front_label },
        Key { color: frame::ORANGE, dot: true, label: "your plan" },
    ];
    draw_legend(area, frame, &keys)
}

fn summary(spec: &Spec<'_>) -> String {
    let c = spec.currency;
    let mut out = format!("Against {}: ", lower(spec.disruption));
    if spec.points.is_empty() {
        out.push_str("no protection brings the platform back.");
    } else {
        out.push_str("the platform ");
        out.push_str(spec.verb);
        let parts: Vec<String> = spec
            .points
            .iter()
            .map(|&(m, cost)| format!(" {} for {c} {} a month", Mins(m), whole_money(cost)))
            .collect();
        out.push_str(&parts.join(", or"));
        out.push('.');
    }
    match spec.current {
        (Some(m), cost) => {
            out.push_str(&format!(" Your plan {} {} for {c} {} a month", spec.verb, Mins(m), whole_money(cost)))
        }
        (None, cost) => {
            out.push_str(&format!(" Your plan, at {c} {} a month, never recovers every stage", whole_money(cost)))
        }
    }
    out.push_str(&format!("; the target is {}.", crate::text::Whole(spec.target)));
    out
}
