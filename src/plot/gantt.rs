//! The recovery timeline as a Gantt chart: one row per stage in the order recovery reaches
//! them, the hot phase (newest data first) and the full phase as bars, stages that finish after
//! their RTO outlined in red, the critical path in bold, and time to first service, full
//! restore and the scenario's RTO target marked (`plan.pipeline`). A stage with a recent-data
//! target has its deadline drawn on its row, a dashed tick at the recent RTO, and its first
//! phase outlined in red when its newest days are back too late.

use super::frame::{self, draw_axes, draw_legend, AxisText, Drawn, Frame, Key, Swatch, PLAIN};
use super::layout::{fit, text_box, Anchor, Canvas, Kind, Rect};
use super::{figure, file_name, lower, stage_name, Figure, WIDTH};
use crate::engine::{Plan, RecentResult, StageTimeline, Timeline};
use crate::model::{Disruption, Scenario};
use crate::text::{Mins, Whole};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// Room for stage names on the left.
const LEFT: i32 = 240;
const RIGHT: i32 = WIDTH as i32 - 24;
/// Where the legend starts.
const LEGEND_TOP: i32 = 6;
/// Height of a row of the band above the chart where the vertical lines (first service, full
/// restore, target) have their labels: as many rows as the labels need, at most three.
const BAND_ROW: i32 = 20;
const BAND_ROWS: i32 = 3;
/// Room under the rows for the time axis.
const UNDER: i32 = 64;
/// Height of one stage's row.
const ROW: i32 = 26;
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
    let recent = |id: &str| plan.stage(id).and_then(|s| s.recommendation(disruption)).and_then(|r| r.recent);
    let any_recent = t.stages.iter().any(|s| recent(&s.id).is_some());
    let mut keys = vec![
        Key { color: frame::BRAND, swatch: Swatch::Line, label: "hot data first" },
        Key { color: frame::ACCENT, swatch: Swatch::Line, label: "full restore" },
    ];
    // Only where a stage catches up, or has a recent-data target, so other timelines look
    // as before.
    if t.stages.iter().any(|s| s.catch_up.is_some()) {
        keys.push(Key { color: frame::ORANGE, swatch: Swatch::Line, label: "catch-up from upstream" });
    }
    keys.push(Key { color: frame::DANGER, swatch: Swatch::Line, label: "after its RTO" });
    if any_recent {
        keys.push(Key { color: frame::GREEN, swatch: Swatch::Dashed, label: "recent-data deadline" });
    }
    let x_axis = frame::Axis { lo: 0.0, hi: x_end, scale: frame::Scale::Linear };
    let x_px = |m: f64| Frame { left: LEFT, top: 0, right: RIGHT, bottom: 1, x: x_axis, y: x_axis }.x_px_from_value(m);
    let mut marks = Vec::with_capacity(3);
    if let Some(m) = t.first_service_minutes {
        marks.push(Mark { x: x_px(m), color: frame::GREEN, label: format!("first service {}", Mins(m)), dash: (6, 4) });
    }
    if let Some(m) = t.full_restore_minutes {
        marks.push(Mark { x: x_px(m), color: frame::BRAND, label: format!("full restore {}", Mins(m)), dash: (6, 4) });
    }
    let target_x = x_px(f64::from(target));
    marks.push(Mark { x: target_x, color: frame::DANGER, label: format!("target {}", Whole(target)), dash: (2, 4) });
    let spots = band(&marks);
    let rows_used = spots.iter().flatten().map(|s| s.0 + 1).max().unwrap_or(1);
    let top = LEGEND_TOP + frame::legend_height(&keys, 8, RIGHT) + rows_used * BAND_ROW + 8;
    let height = top + ROW * shown.len() as i32 + UNDER;
    let frame = Frame {
        left: LEFT,
        top,
        right: RIGHT,
        bottom: height - UNDER,
        x: x_axis,
        y: frame::Axis { lo: 0.0, hi: 1.0, scale: frame::Scale::Linear },
    };
    let axes = AxisText { x_ticks: &x_ticks, y_ticks: &[], x_title: "Time since the disruption", y_title: "" };
    let late = |id: &str| {
        plan.stage(id).and_then(|s| s.recommendation(disruption)).is_some_and(|r| !r.meets_rto && !r.assumed)
    };
    let title = format!("Recovery timeline — {}", lower(disruption));
    let mut summary = summary(t, scenario, disruption, rows.len() - shown.len());
    recent_summary(plan, scenario, disruption, &mut summary);
    Some(figure(title, summary, file_name("timeline", disruption), (WIDTH, height as u32), |canvas| {
        draw_axes(canvas, &frame, &axes)?;
        draw_legend(canvas, &keys, 8, LEGEND_TOP, RIGHT)?;
        for (i, s) in shown.iter().enumerate() {
            let on_path = t.critical_path.iter().any(|c| c == &s.id);
            draw_row(canvas, &frame, i as i32, s, stage_name(scenario, &s.id), late(&s.id), on_path)?;
            if let Some(r) = recent(&s.id) {
                draw_recent(canvas, &frame, i as i32, s, r)?;
            }
        }
        // The lines first, each from its label's row down, then the labels.
        for (mark, spot) in marks.iter().zip(&spots) {
            let line_top = match spot {
                Some((row, _, _)) => band_y(&frame, *row) - BAND_ROW + 4,
                None => frame.top,
            };
            canvas.dashed_line(
                (mark.x, line_top),
                (mark.x, frame.bottom),
                mark.dash,
                mark.color.stroke_width(2),
                &mark.label,
            )?;
        }
        for (mark, spot) in marks.iter().zip(&spots) {
            match spot {
                Some((row, h, dx)) => {
                    let anchor = Anchor::new(mark.x + dx, band_y(&frame, *row), *h, VPos::Bottom);
                    canvas.text(&mark.label, PLAIN.color(mark.color), anchor)?;
                }
                None => canvas.drop_label(&mark.label),
            }
        }
        Ok(())
    }))
}

/// A vertical line across the chart, with its label in the band above.
struct Mark {
    x: i32,
    color: RGBColor,
    label: String,
    /// Dash and gap.
    dash: (i32, i32),
}

/// A place for a mark's label in the band: its row, side and offset from the line, its box, and
/// where its line then starts.
struct Place {
    row: i32,
    h: HPos,
    dx: i32,
    rect: Rect,
    line_top: f64,
}

/// The bottom of the band's row `row` (0 is the one just above the chart).
fn band_y(frame: &Frame, row: i32) -> i32 {
    frame.top - 4 - row * BAND_ROW
}

/// Where each mark's label goes in the band: its row (0 just above the chart, upwards from
/// there), side and offset from its line; `None` when no place is free. A mark's line runs from
/// its label's row down, so a label must not lie across the line of a mark whose label is in
/// its row or higher, nor its own line across a label below it; labels beside their lines
/// stay within the picture and clear of each other. Every combination of places is tried (at
/// most three marks, six places each): the one leaving out the fewest labels, then using the
/// fewest rows, then the nearer places. Worked out before the chart, so that the band has only
/// the rows it needs.
fn band(marks: &[Mark]) -> Vec<Option<(i32, HPos, i32)>> {
    let axis = frame::Axis { lo: 0.0, hi: 1.0, scale: frame::Scale::Linear };
    let frame = Frame { left: LEFT, top: BAND_ROWS * BAND_ROW + 8, right: RIGHT, bottom: 1000, x: axis, y: axis };
    // Each mark's places, preferred first.
    let places: Vec<Vec<Place>> = marks
        .iter()
        .map(|mark| {
            let right_first = mark.x < (LEFT + RIGHT) / 2;
            let sides =
                if right_first { [(HPos::Left, 6), (HPos::Right, -6)] } else { [(HPos::Right, -6), (HPos::Left, 6)] };
            let mut out = Vec::new();
            for row in 0..BAND_ROWS {
                for (h, dx) in sides {
                    let rect =
                        text_box(&mark.label, PLAIN, Anchor::new(mark.x + dx, band_y(&frame, row), h, VPos::Bottom));
                    if rect.left >= 0.0 && rect.right <= f64::from(WIDTH) {
                        out.push(Place { row, h, dx, rect, line_top: f64::from(band_y(&frame, row) - BAND_ROW + 4) });
                    }
                }
            }
            out
        })
        .collect();
    let across = |r: &Rect, x: i32| r.left - 2.0 < f64::from(x) && f64::from(x) < r.right + 2.0;
    // Whether mark i at place p and mark j at place q keep clear of each other: neither label
    // over the other, nor across the other's line.
    let clear = |i: usize, p: usize, j: usize, q: usize| {
        let (a, b) = (&places[i][p], &places[j][q]);
        let a_on_b = b.line_top < a.rect.bottom && across(&a.rect, marks[j].x);
        let b_on_a = a.line_top < b.rect.bottom && across(&b.rect, marks[i].x);
        !(a.rect.overlaps(&b.rect) || a_on_b || b_on_a)
    };
    // Every combination: a place per mark, or none (the last "place").
    let counts: Vec<usize> = places.iter().map(|p| p.len() + 1).collect();
    let total: usize = counts.iter().product();
    let mut best: Option<((usize, i32, usize), Vec<usize>)> = None;
    for n in 0..total {
        let mut pick = Vec::with_capacity(marks.len());
        let mut rest = n;
        for &c in &counts {
            pick.push(rest % c);
            rest /= c;
        }
        let placed = |i: usize| pick[i] < places[i].len();
        let valid = (0..marks.len())
            .all(|i| (i + 1..marks.len()).all(|j| !placed(i) || !placed(j) || clear(i, pick[i], j, pick[j])));
        if !valid {
            continue;
        }
        let dropped = (0..marks.len()).filter(|&i| !placed(i)).count();
        let rows = (0..marks.len()).filter(|&i| placed(i)).map(|i| places[i][pick[i]].row + 1).max().unwrap_or(0);
        let score = (dropped, rows, pick.iter().sum::<usize>());
        if best.as_ref().is_none_or(|(b, _)| score < *b) {
            best = Some((score, pick));
        }
    }
    let pick = best.map(|(_, p)| p).unwrap_or_default();
    (0..marks.len()).map(|i| pick.get(i).and_then(|&p| places[i].get(p)).map(|p| (p.row, p.h, p.dx))).collect()
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

fn draw_row(
    canvas: &mut Canvas<'_, '_>,
    frame: &Frame,
    i: i32,
    s: &StageTimeline,
    name: &str,
    late: bool,
    on_path: bool,
) -> Drawn {
    let y0 = frame.top + i * ROW;
    let (top, bottom) = (y0 + 4, y0 + ROW - 4);
    let font = if on_path { PLAIN.bold() } else { PLAIN };
    let name = fit(name, font, f64::from(frame.left - 16));
    canvas.text(&name, font, Anchor::new(frame.left - 8, y0 + ROW / 2, HPos::Right, VPos::Center))?;
    let span = |from: Option<f64>, to: Option<f64>| Some((frame.x_px_from_value(from?), frame.x_px_from_value(to?)));
    let Some((x0, x1)) = span(s.full.start_minutes, s.full.end_minutes) else {
        let at = Anchor::new(frame.left + 6, y0 + ROW / 2, HPos::Left, VPos::Center);
        canvas.text_if_free("never recovered", PLAIN.color(frame::DANGER), at)?;
        return Ok(());
    };
    let bar = |canvas: &mut Canvas<'_, '_>, x0: i32, x1: i32, what: &str| {
        canvas.note(Kind::Marker, Rect::new(f64::from(x0), f64::from(top), f64::from(x1), f64::from(bottom)), what);
    };
    // At least 2 px, so a stage back at once still shows.
    let x1 = x1.max(x0 + 2);
    canvas.area().draw(&Rectangle::new([(x0, top), (x1, bottom)], frame::ACCENT.mix(0.45).filled()))?;
    bar(canvas, x0, x1, name.as_str());
    if let Some((h0, h1)) = s.hot.and_then(|h| span(h.start_minutes, h.end_minutes)) {
        canvas.area().draw(&Rectangle::new([(h0, top), (h1.max(h0 + 2), bottom)], frame::BRAND.filled()))?;
    }
    // The catch-up after the restore: from when it starts to when the stage is complete.
    let x1 = match s.catch_up.and_then(|c| span(c.start_minutes, c.end_minutes)) {
        Some((c0, c1)) => {
            let c1 = c1.max(c0 + 2);
            canvas.area().draw(&Rectangle::new([(c0, top), (c1, bottom)], frame::ORANGE.filled()))?;
            bar(canvas, c0, c1, name.as_str());
            c1
        }
        None => x1,
    };
    if late {
        canvas.area().draw(&Rectangle::new([(x0, top), (x1, bottom)], frame::DANGER.stroke_width(2)))?;
    }
    Ok(())
}

/// A stage's recent-data deadline on its row: a dashed tick at the recent RTO, and its first
/// phase (up to when its newest days are back) outlined in red when that is later.
fn draw_recent(canvas: &mut Canvas<'_, '_>, frame: &Frame, i: i32, s: &StageTimeline, r: RecentResult) -> Drawn {
    let y0 = frame.top + i * ROW;
    let x = frame.x_px_from_value(f64::from(r.target.rto_minutes));
    canvas.dashed_line((x, y0 + 1), (x, y0 + ROW - 1), (3, 2), frame::GREEN.stroke_width(2), "recent-data deadline")?;
    if !r.meets_rto {
        let start = s.hot.and_then(|h| h.start_minutes).or(s.full.start_minutes).unwrap_or(0.0);
        let end = r.back_minutes.map_or(frame.right, |m| frame.x_px_from_value(m));
        let x0 = frame.x_px_from_value(start);
        let outline = Rectangle::new([(x0, y0 + 4), (end.max(x0 + 2), y0 + ROW - 4)], frame::DANGER.stroke_width(2));
        canvas.area().draw(&outline)?;
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
