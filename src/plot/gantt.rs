//! The recovery timeline as a Gantt chart: one row per stage in the order recovery reaches
//! them, the hot phase (newest data first) and the full phase as bars, stages that finish after
//! their RTO outlined in red, the critical path in bold, and time to first service, full
//! restore and the scenario's RTO target marked (`plan.pipeline`). A stage with a recent-data
//! target has its deadline drawn on its row, a dashed tick at the recent RTO, and its first
//! phase outlined in red when its newest days are back too late.

use super::frame::{self, draw_axes, draw_legend, draw_vertical_marker, shorten, Area, AxisText, Drawn, Frame, Key};
use super::{figure, file_name, lower, stage_name, Figure, WIDTH};
use crate::engine::{Plan, RecentResult, StageTimeline, Timeline};
use crate::model::{Disruption, Scenario};
use crate::text::{Mins, Whole};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Room for stage names on the left.
const LEFT: i32 = 190;
const TOP: i32 = 44;
const RIGHT: i32 = WIDTH as i32 - 24;
/// Room under the rows for the time axis.
const UNDER: i32 = 62;
/// Height of one stage's row.
const ROW: i32 = 22;
/// At most this many rows are drawn; the summary counts the rest.
pub const MAX_ROWS: usize = 150;

/// The recovery timeline for `disruption`. `None` when the plan has no timeline for it (no
/// valid stage).
pub fn timeline(plan: &Plan, scenario: &Scenario, disruption: Disruption) -> Option<Figure> {
    let t = plan.pipeline.timeline(disruption)?;
    if t.stages.is_empty() {
        return None;
    }
    let rows = ordered(t);
    let shown = &rows[..rows.len().min(MAX_ROWS)];
    let target = scenario.targets.get(disruption).rto_minutes;
    let ends = t
        .stages
        .iter()
        .flat_map(|s| [s.full.end_minutes, s.hot.and_then(|h| h.end_minutes), s.catch_up.and_then(|c| c.end_minutes)])
        .flatten();
    let deadlines = t
        .stages
        .iter()
        .filter_map(|s| plan.stage(&s.id)?.recommendation(disruption)?.recent)
        .map(|r| f64::from(r.target.rto_minutes));
    let max = ends
        .chain(t.first_service_minutes)
        .chain([f64::from(target)])
        .chain(deadlines)
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let (x_ticks, x_end) = frame::linear_duration_ticks(max * 1.02);
    let height = TOP + ROW * shown.len() as i32 + UNDER;
    let frame = Frame {
        left: LEFT,
        top: TOP,
        right: RIGHT,
        bottom: height - UNDER,
        x: frame::Axis { lo: 0.0, hi: x_end, scale: frame::Scale::Linear },
        y: frame::Axis { lo: 0.0, hi: 1.0, scale: frame::Scale::Linear },
    };
    let axes = AxisText { x_ticks: &x_ticks, y_ticks: &[], x_title: "Time since the disruption", y_title: "" };
    let late = |id: &str| {
        plan.stage(id).and_then(|s| s.recommendation(disruption)).is_some_and(|r| !r.meets_rto && !r.assumed)
    };
    let recent = |id: &str| plan.stage(id).and_then(|s| s.recommendation(disruption)).and_then(|r| r.recent);
    let title = format!("Recovery timeline — {}", lower(disruption));
    let mut summary = summary(t, scenario, disruption, rows.len() - shown.len());
    recent_summary(plan, scenario, disruption, &mut summary);
    let any_recent = t.stages.iter().any(|s| recent(&s.id).is_some());
    Some(figure(title, summary, file_name("timeline", disruption), (WIDTH, height as u32), |area| {
        draw_axes(area, &frame, &axes)?;
        for (i, s) in shown.iter().enumerate() {
            let on_path = t.critical_path.iter().any(|c| c == &s.id);
            draw_row(area, &frame, i as i32, s, stage_name(scenario, &s.id), late(&s.id), on_path)?;
            if let Some(r) = recent(&s.id) {
                draw_recent(area, &frame, i as i32, s, r)?;
            }
        }
        if let Some(m) = t.first_service_minutes {
            let label = format!("first service {}", Mins(m));
            draw_vertical_marker(area, &frame, frame.x_px_from_value(m), frame::GREEN, &label)?;
        }
        if let Some(m) = t.full_restore_minutes {
            let label = format!("full restore {}", Mins(m));
            let x = frame.x_px_from_value(m);
            draw_vertical_marker(area, &frame, x, frame::BRAND, &label)?;
        }
        let x = frame.x_px_from_value(f64::from(target));
        let points = vec![(x, frame.top), (x, frame.bottom)];
        area.draw(&plotters::element::DashedPathElement::new(points, 2, 4, frame::DANGER.stroke_width(2)))?;
        let style = frame::anchored(12.0, HPos::Center, VPos::Top).color(&frame::DANGER);
        area.draw(&Text::new(format!("target {}", Whole(target)), (x, frame.bottom + 44), style))?;
        let mut keys = vec![
            Key { color: frame::BRAND, dot: false, label: "hot data first" },
            Key { color: frame::ACCENT, dot: false, label: "full restore" },
        ];
        // Only where a stage catches up, or has a recent-data target, so other timelines look
        // as before.
        if t.stages.iter().any(|s| s.catch_up.is_some()) {
            keys.push(Key { color: frame::ORANGE, dot: false, label: "catch-up from upstream" });
        }
        keys.push(Key { color: frame::DANGER, dot: false, label: "after its RTO" });
        if any_recent {
            keys.push(Key { color: frame::GREEN, dot: false, label: "recent-data deadline" });
        }
        draw_legend(area, &frame, &keys)
    }))
}

/// Stages in the order recovery reaches them: by start, then end, then plan order; those never
/// recovered last.
fn ordered(t: &Timeline) -> Vec<&StageTimeline> {
    let start =
        |s: &StageTimeline| s.hot.and_then(|h| h.start_minutes).or(s.full.start_minutes).unwrap_or(f64::INFINITY);
    let end = |s: &StageTimeline| s.completion_minutes.unwrap_or(f64::INFINITY);
    let mut rows: Vec<(usize, &StageTimeline)> = t.stages.iter().enumerate().collect();
    crate::order::sort_by(&mut rows, |(i, a), (j, b)| {
        start(a).total_cmp(&start(b)).then(end(a).total_cmp(&end(b))).then(i.cmp(j))
    });
    rows.into_iter().map(|(_, s)| s).collect()
}

fn draw_row(area: &Area<'_>, frame: &Frame, i: i32, s: &StageTimeline, name: &str, late: bool, on_path: bool) -> Drawn {
    let y0 = frame.top + i * ROW;
    let (top, bottom) = (y0 + 4, y0 + ROW - 4);
    let label = if on_path {
        frame::bold(13.0, HPos::Right, VPos::Center)
    } else {
        frame::anchored(13.0, HPos::Right, VPos::Center)
    };
    area.draw(&Text::new(shorten(name, 24), (frame.left - 8, y0 + ROW / 2), label))?;
    let span = |from: Option<f64>, to: Option<f64>| Some((frame.x_px_from_value(from?), frame.x_px_from_value(to?)));
    let Some((x0, x1)) = span(s.full.start_minutes, s.full.end_minutes) else {
        let style = frame::anchored(12.0, HPos::Left, VPos::Center).color(&frame::DANGER);
        area.draw(&Text::new("never recovered".to_string(), (frame.left + 6, y0 + ROW / 2), style))?;
        return Ok(());
    };
    // At least 2 px, so a stage back at once still shows.
    let x1 = x1.max(x0 + 2);
    area.draw(&Rectangle::new([(x0, top), (x1, bottom)], frame::ACCENT.mix(0.45).filled()))?;
    if let Some((h0, h1)) = s.hot.and_then(|h| span(h.start_minutes, h.end_minutes)) {
        area.draw(&Rectangle::new([(h0, top), (h1.max(h0 + 2), bottom)], frame::BRAND.filled()))?;
    }
    // The catch-up after the restore: from when it starts to when the stage is complete.
    let x1 = match s.catch_up.and_then(|c| span(c.start_minutes, c.end_minutes)) {
        Some((c0, c1)) => {
            let c1 = c1.max(c0 + 2);
            area.draw(&Rectangle::new([(c0, top), (c1, bottom)], frame::ORANGE.filled()))?;
            c1
        }
        None => x1,
    };
    if late {
        area.draw(&Rectangle::new([(x0, top), (x1, bottom)], frame::DANGER.stroke_width(2)))?;
    }
    Ok(())
}

/// A stage's recent-data deadline on its row: a dashed tick at the recent RTO, and its first
/// phase (up to when its newest days are back) outlined in red when that is later.
fn draw_recent(area: &Area<'_>, frame: &Frame, i: i32, s: &StageTimeline, r: RecentResult) -> Drawn {
    let y0 = frame.top + i * ROW;
    let x = frame.x_px_from_value(f64::from(r.target.rto_minutes));
    let tick = vec![(x, y0 + 1), (x, y0 + ROW - 1)];
    area.draw(&plotters::element::DashedPathElement::new(tick, 3, 2, frame::GREEN.stroke_width(2)))?;
    if !r.meets_rto {
        let start = s.hot.and_then(|h| h.start_minutes).or(s.full.start_minutes).unwrap_or(0.0);
        let end = r.back_minutes.map_or(frame.right, |m| frame.x_px_from_value(m));
        let x0 = frame.x_px_from_value(start);
        area.draw(&Rectangle::new([(x0, y0 + 4), (end.max(x0 + 2), y0 + ROW - 4)], frame::DANGER.stroke_width(2)))?;
    }
    Ok(())
}

/// The recent-data targets in words, for the figure's summary: which stages' newest days are
/// back by when, against which target.
fn recent_summary(plan: &Plan, scenario: &Scenario, disruption: Disruption, out: &mut String) {
    for s in &plan.stages {
        let Some(r) = s.recommendation(disruption).and_then(|rec| rec.recent) else { continue };
        let back = r.back_minutes.map_or_else(|| "never".to_string(), |m| Mins(m).to_string());
        out.push_str(&format!(
            " {}'s newest {} are back after {back}, against a recent-data target of {} ({}).",
            stage_name(scenario, &s.id),
            crate::text::plural(u64::from(r.days), "day", "days"),
            Whole(r.target.rto_minutes),
            if r.meets_rto { "met" } else { "missed" }
        ));
    }
}

fn summary(t: &Timeline, scenario: &Scenario, disruption: Disruption, hidden: usize) -> String {
    let mut out = format!(
        "After {}: code and configuration are redeployed at once, in parallel with the data.",
        article(disruption)
    );
    match t.first_service_minutes {
        Some(m) => out.push_str(&format!(" The reports serve again after {}", Mins(m))),
        None => out.push_str(" The reports never serve again"),
    }
    match t.full_restore_minutes {
        Some(m) => out.push_str(&format!(" and everything is restored after {}.", Mins(m))),
        None => out.push_str(" and some stages are never restored."),
    }
    if !t.critical_path.is_empty() {
        let path: Vec<&str> = t.critical_path.iter().map(|id| stage_name(scenario, id)).collect();
        out.push_str(&format!(" Critical path: {}.", path.join(" ← ")));
    }
    if !t.unrecoverable.is_empty() {
        let never: Vec<&str> = t.unrecoverable.iter().map(|id| stage_name(scenario, id)).collect();
        out.push_str(&format!(" Never recovered: {}.", never.join(", ")));
    }
    if hidden > 0 {
        out.push_str(&format!(" The chart shows the first {MAX_ROWS} stages; {hidden} more are not drawn."));
    }
    out
}

/// "corruption" → "a corruption", "region outage" → "a region outage".
fn article(disruption: Disruption) -> String {
    format!("a {}", lower(disruption))
}
