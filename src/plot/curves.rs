//! Cost against recovery time and against data loss, for the whole platform: the engine's
//! platform curves (`plan.curves.platform`) drawn as Pareto step curves in what the architect
//! gets — when the reports serve again, how old the data restored is — with the current plan
//! and the scenario's target marked. Each point is labelled with what it achieves and costs
//! ("1d 15m · 1.4k", every unit written: [`Exact`]), placed where it covers nothing
//! ([`super::layout`]). [`Chart`] draws one front or several (see [`super::compare`]).

use super::frame::{self, draw_axes, draw_legend, draw_ring, step_path, AxisText, Drawn, Frame, Key, Swatch, PLAIN};
use super::layout::{around, Canvas, Kind, Pending, Rect};
use super::{cost_for, figure, lower, oldest_recovery_point, Figure, HEIGHT, WIDTH};
use crate::engine::{Plan, PlatformPoint};
use crate::model::{Disruption, Scenario};
use crate::text::{compact_money, whole_money, Exact, Whole};
use plotters::element::DashedPathElement;
use plotters::prelude::*;

/// Which cost plot: cost against the time until the reports serve again, or against the oldest
/// recovery point the platform restores to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// The time until the reports serve again (the platform RTO curve's `serving_minutes`).
    RecoveryTime,
    /// The oldest recovery point along the flows (the platform RPO curve's
    /// `achieved_minutes`).
    DataLoss,
}

impl Against {
    /// `cost-vs-rto` or `cost-vs-rpo`, for file names.
    pub fn key(self) -> &'static str {
        match self {
            Against::RecoveryTime => "cost-vs-rto",
            Against::DataLoss => "cost-vs-rpo",
        }
    }

    /// "recovery time" or "data loss", for titles.
    pub fn words(self) -> &'static str {
        match self {
            Against::RecoveryTime => "recovery time",
            Against::DataLoss => "data loss",
        }
    }

    fn x_title(self) -> &'static str {
        match self {
            Against::RecoveryTime => "Time until the reports serve again (log scale)",
            Against::DataLoss => "Oldest recovery point the platform restores to (log scale)",
        }
    }

    /// How a point is described in the summary.
    fn verb(self) -> &'static str {
        match self {
            Against::RecoveryTime => "serves again in",
            Against::DataLoss => "restores data from",
        }
    }

    /// The scenario's default target on this axis, in minutes.
    pub(super) fn target(self, scenario: &Scenario, disruption: Disruption) -> u32 {
        let t = scenario.targets.get(disruption);
        match self {
            Against::RecoveryTime => t.rto_minutes,
            Against::DataLoss => t.rpo_minutes,
        }
    }
}

/// One front on a cost plot, with its plan.
pub(super) struct Series {
    /// Its name in the legend and the summary.
    pub name: String,
    /// The front: (achieved minutes, monthly cost), fastest first.
    pub points: Vec<(f64, f64)>,
    /// The current plan: (achieved minutes, monthly cost); minutes `None` = never.
    pub current: (Option<f64>, f64),
    /// What the current plan's label says ("your plan", "your plan (today)").
    pub current_label: String,
    pub color: RGBColor,
    /// Dashed line and square markers, for the second front of a comparison.
    pub dashed: bool,
}

/// A cost plot: its fronts, targets and words.
pub(super) struct Chart<'a> {
    pub against: Against,
    pub title: String,
    pub file_name: String,
    pub series: Vec<Series>,
    /// Target lines: minutes and label.
    pub targets: Vec<(u32, String)>,
    pub currency: &'a str,
    /// What the summary says first; the fronts and plans follow.
    pub lead: String,
}

/// Platform monthly cost against the time until the reports serve again, for `disruption`.
/// `None` when the plan has no platform curve (no valid stage).
pub fn cost_against_rto(plan: &Plan, scenario: &Scenario, disruption: Disruption) -> Option<Figure> {
    single(plan, scenario, disruption, Against::RecoveryTime)
}

/// Platform monthly cost against the oldest point its stages can be restored to (the effective
/// recovery point along the flows), for `disruption`. `None` when the plan has no platform curve.
pub fn cost_against_rpo(plan: &Plan, scenario: &Scenario, disruption: Disruption) -> Option<Figure> {
    single(plan, scenario, disruption, Against::DataLoss)
}

fn single(plan: &Plan, scenario: &Scenario, disruption: Disruption, against: Against) -> Option<Figure> {
    let front_label = match against {
        Against::RecoveryTime => "cheapest protection for each recovery time",
        Against::DataLoss => "cheapest protection for each recovery point",
    };
    let series = series(plan, disruption, against, front_label.to_string(), "your plan".to_string())?;
    let target = against.target(scenario, disruption);
    let chart = Chart {
        against,
        title: format!("Monthly cost against {} — {}", against.words(), lower(disruption)),
        file_name: super::file_name(against.key(), disruption),
        series: vec![series],
        targets: vec![(target, format!("target {}", Whole(target)))],
        currency: &plan.currency,
        lead: format!("Against {}: ", lower(disruption)),
    };
    Some(chart.draw())
}

/// A plan's front and current plan on `against` for `disruption`, named `name`; `None` when the
/// plan has no platform curve for it.
pub(super) fn series(
    plan: &Plan,
    disruption: Disruption,
    against: Against,
    name: String,
    current_label: String,
) -> Option<Series> {
    let curve = plan.curves.platform.iter().find(|c| c.disruption == disruption)?;
    let timeline = plan.pipeline.timeline(disruption);
    let (points, achieved) = match against {
        Against::RecoveryTime => {
            (front(&curve.rto, |p| p.serving_minutes), timeline.and_then(|t| t.first_service_minutes))
        }
        Against::DataLoss => (front(&curve.rpo, |p| p.achieved_minutes), oldest_recovery_point(plan, disruption)),
    };
    let current = (achieved, cost_for(plan, disruption).total());
    Some(Series { name, points, current, current_label, color: frame::BRAND, dashed: false })
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

/// A point's label: what it achieves, to the minute, and what it costs a month.
fn point_label(minutes: f64, cost: f64) -> String {
    format!("{} · {}", Exact(minutes), compact_money(cost))
}

impl Chart<'_> {
    pub(super) fn draw(&self) -> Figure {
        let xs = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.0).chain(s.current.0));
        let xs = xs.chain(self.targets.iter().map(|t| f64::from(t.0)));
        let (lo, hi) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
        let (x_lo, x_hi) = if lo.is_finite() { bracket(lo, hi) } else { (0.0, 1440.0) };
        let costs = self.series.iter().flat_map(|s| s.points.iter().map(|p| p.1).chain([s.current.1]));
        let y_max = costs.filter(|c| c.is_finite()).fold(0.0, f64::max);
        let (step, y_end) = frame::nice_step(y_max * 1.08, 4.0);
        let y_ticks = frame::linear_ticks(step, y_end, compact_money);
        let x_ticks = frame::duration_ticks(x_lo, x_hi);
        let keys = self.keys();
        // Room on the left for the upward axis title and the widest cost.
        let widest = y_ticks.iter().map(|t| PLAIN.width(&t.1)).fold(0.0, f64::max);
        let left = (36.0 + widest).ceil() as i32;
        let right = WIDTH as i32 - 24;
        let legend_top = 6;
        let frame = Frame {
            left,
            top: legend_top + frame::legend_height(&keys, left, right) + 14,
            right,
            bottom: HEIGHT as i32 - 64,
            x: frame::Axis { lo: x_lo, hi: x_hi, scale: frame::Scale::Log1p },
            y: frame::Axis { lo: 0.0, hi: y_end, scale: frame::Scale::Linear },
        };
        let y_title = format!("Monthly cost ({})", self.currency);
        let axes =
            AxisText { x_ticks: &x_ticks, y_ticks: &y_ticks, x_title: self.against.x_title(), y_title: &y_title };
        figure(self.title.clone(), self.summary(), self.file_name.clone(), (WIDTH, HEIGHT), |canvas| {
            draw_axes(canvas, &frame, &axes)?;
            draw_legend(canvas, &keys, left, legend_top, right)?;
            self.draw_series(canvas, &frame, x_hi)
        })
    }

    fn keys(&self) -> Vec<Key<'_>> {
        let mut keys: Vec<Key<'_>> = self
            .series
            .iter()
            .map(|s| Key {
                color: s.color,
                swatch: if s.dashed { Swatch::DashedSquare } else { Swatch::LineDot },
                label: &s.name,
            })
            .collect();
        let ring = if self.series.len() == 1 { frame::ORANGE } else { frame::SOFT };
        keys.push(Key { color: ring, swatch: Swatch::Ring, label: "your plan" });
        keys
    }

    /// The colour of a series' current-plan ring: orange beside a single front, the front's own
    /// colour in a comparison.
    fn ring_color(&self, s: &Series) -> RGBColor {
        if self.series.len() == 1 {
            frame::ORANGE
        } else {
            s.color
        }
    }

    /// The radius of a series' current-plan ring: a comparison's second is wider, so that where
    /// both plans are the same both rings show.
    fn ring(&self, s: &Series) -> i32 {
        if s.dashed {
            frame::RING + 4
        } else {
            frame::RING
        }
    }

    fn draw_series(&self, canvas: &mut Canvas<'_, '_>, frame: &Frame, x_hi: f64) -> Drawn {
        // Lines and markers first, then the labels, which must avoid them all.
        let mut target_x = Vec::with_capacity(self.targets.len());
        for (minutes, label) in &self.targets {
            let x = frame.x_px_from_value(f64::from(*minutes));
            canvas.dashed_line((x, frame.top), (x, frame.bottom), (6, 4), frame::DANGER.stroke_width(2), label)?;
            target_x.push(x);
        }
        for s in &self.series {
            let path = step_path(frame, &s.points, x_hi);
            if s.dashed {
                canvas.area().draw(&DashedPathElement::new(path.clone(), 10, 6, s.color.stroke_width(4)))?;
            } else {
                canvas.area().draw(&PathElement::new(path.clone(), s.color.stroke_width(4)))?;
            }
            for w in path.windows(2) {
                canvas.avoid(w[0], w[1], 4.0);
            }
        }
        // Rings before the points, so that a point under a ring shows inside it.
        for s in &self.series {
            if let (Some(x), y) = s.current {
                let at = frame.px_from_point(x, y);
                let r = self.ring(s);
                draw_ring(canvas, at, r, self.ring_color(s))?;
                canvas.note(Kind::Marker, Rect::around(at.0, at.1, f64::from(r) + 2.0), &s.current_label);
            }
        }
        for s in &self.series {
            for &(x, y) in &s.points {
                let at = frame.px_from_point(x, y);
                if s.dashed {
                    // Inside the other front's dot, where the two share a point.
                    canvas.area().draw(&frame::square(at, frame::MARK - 2, s.color))?;
                } else {
                    canvas.area().draw(&Circle::new(at, frame::MARK as u32, s.color.filled()))?;
                }
                canvas.note(Kind::Marker, Rect::around(at.0, at.1, f64::from(frame::MARK) + 1.0), &point_label(x, y));
            }
        }
        for ((_, label), &x) in self.targets.iter().zip(&target_x) {
            canvas.label(label, PLAIN.color(frame::DANGER), &frame::beside_line(frame, x))?;
        }
        // The current plans' labels, then the points'. A plan on a point of its front (the same
        // pixel) gives its figures in its own label, and the point needs none.
        let mut ringed = Vec::new();
        // What is said where: a point is labelled once where two fronts share it, and not at
        // all where a plan's label gives the same figures.
        let mut labelled: Vec<((i32, i32), String)> = Vec::new();
        let mut pending = Vec::new();
        for s in &self.series {
            if let (Some(x), y) = s.current {
                let at = frame.px_from_point(x, y);
                let figures = point_label(x, y);
                let text = format!("{} · {figures}", s.current_label);
                let font = PLAIN.bold().color(self.ring_color(s));
                pending.push(Pending { text, font, spots: around(at.0, at.1, self.ring(s) + 1) });
                ringed.push((at, self.ring(s)));
                labelled.push((at, figures));
            }
        }
        for s in &self.series {
            for &(x, y) in &s.points {
                let at = frame.px_from_point(x, y);
                let text = point_label(x, y);
                let own_plan = s.current.0.is_some_and(|cx| frame.px_from_point(cx, s.current.1) == at);
                if own_plan || labelled.iter().any(|(p, l)| *p == at && *l == text) {
                    continue;
                }
                labelled.push((at, text.clone()));
                // Around a ring too, where another front's plan sits on this point.
                let r = ringed.iter().filter(|(p, _)| *p == at).map(|(_, r)| r + 1).fold(frame::MARK, i32::max);
                pending.push(Pending { text, font: PLAIN.color(s.color), spots: around(at.0, at.1, r) });
            }
        }
        canvas.labels(&pending)
    }

    fn summary(&self) -> String {
        let c = self.currency;
        let verb = self.against.verb();
        let mut out = self.lead.clone();
        let many = self.series.len() > 1;
        for (i, s) in self.series.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            if many {
                out.push_str(&format!("{}: ", s.name));
            }
            if s.points.is_empty() {
                out.push_str("no protection brings the platform back.");
            } else {
                out.push_str("the platform ");
                out.push_str(verb);
                let parts: Vec<String> = s
                    .points
                    .iter()
                    .map(|&(m, cost)| format!(" {} for {c} {} a month", Exact(m), whole_money(cost)))
                    .collect();
                out.push_str(&parts.join(", or"));
                out.push('.');
            }
            let whose = if many { format!("The plan of {}", s.name) } else { "Your plan".to_string() };
            match s.current {
                (Some(m), cost) => {
                    out.push_str(&format!(" {whose} {verb} {} for {c} {} a month", Exact(m), whole_money(cost)))
                }
                (None, cost) => {
                    out.push_str(&format!(" {whose}, at {c} {} a month, never recovers every stage", whole_money(cost)))
                }
            }
            out.push(if many { '.' } else { ';' });
        }
        let targets: Vec<&str> = self.targets.iter().map(|t| t.1.as_str()).collect();
        if many {
            out.push_str(&format!(" Targets: {}.", targets.join(", ")));
        } else if let Some((minutes, _)) = self.targets.first() {
            out.push_str(&format!(" the target is {}.", Whole(*minutes)));
        }
        out
    }
}
