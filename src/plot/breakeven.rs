//! Keep copies or reprocess, for one stage: the cumulative cost of each month by month over the
//! scenario's span (`plan.break_even`), the break-even month marked, and whether reprocessing
//! could bring the stage back within its RTO at all.

use super::frame::{self, draw_axes, draw_legend, draw_vertical_marker, AxisText, Drawn, Frame, Key, Swatch, PLAIN};
use super::layout::{wrap, Anchor, Canvas};
use super::{figure, file_name, lower, stage_name, Figure, HEIGHT, WIDTH};
use crate::engine::{BreakEven, Cheaper, Plan};
use crate::model::{Disruption, Scenario};
use crate::text::{compact_money, whole_money, Mins, Whole};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

const RIGHT: i32 = WIDTH as i32 - 24;
const BOTTOM: i32 = HEIGHT as i32 - 64;
/// Where the legend starts.
const LEGEND_TOP: i32 = 6;
/// Height of a line of the note under the legend.
const NOTE_LINE: i32 = 20;

const KEYS: [Key<'static>; 2] = [
    Key { color: frame::BRAND, swatch: Swatch::Line, label: "keep copies" },
    Key { color: frame::ORANGE, swatch: Swatch::Line, label: "reprocess after each disaster" },
];

/// The stage whose break-even is worth showing first for `disruption`: the one whose copies
/// cost the most each month, where the choice matters most. `None` when no stage may do both.
pub fn default_stage(plan: &Plan, disruption: Disruption) -> Option<&str> {
    plan.break_even
        .iter()
        .filter(|b| b.disruption == disruption)
        .max_by(|a, b| a.copies.monthly.total_cmp(&b.copies.monthly).then(b.id.cmp(&a.id)))
        .map(|b| b.id.as_str())
}

/// Keeping copies against reprocessing for stage `id` and `disruption`. `None` when the
/// stage cannot do both (a system of record, code, a stage nothing feeds).
pub fn break_even(plan: &Plan, scenario: &Scenario, id: &str, disruption: Disruption) -> Option<Figure> {
    let b = plan.break_even.iter().find(|b| b.id == id && b.disruption == disruption)?;
    let rto = plan.stage(id).and_then(|s| s.recommendation(disruption)).map(|r| r.target.rto_minutes);
    let name = stage_name(scenario, id);
    let months = b.copies_cumulative.len().max(b.reprocess_cumulative.len()).max(1);
    // A rebuild that cannot recover the stage is neither drawn, nor in the legend or the scale.
    let (keys, reprocess): (&[Key<'_>], &[f64]) =
        if b.reprocess_possible { (&KEYS, &b.reprocess_cumulative) } else { (&KEYS[..1], &[]) };
    let y_max = b.copies_cumulative.iter().chain(reprocess).copied().filter(|v| v.is_finite()).fold(0.0, f64::max);
    let (step, y_end) = frame::nice_step(y_max * 1.08, 4.0);
    let (m_step, m_end) = month_step(months as f64);
    let y_ticks = frame::linear_ticks(step, y_end, compact_money);
    let widest = y_ticks.iter().map(|t| PLAIN.width(&t.1)).fold(0.0, f64::max);
    let left = (36.0 + widest).ceil() as i32;
    let note = note(b, rto).map(|n| wrap(&n, PLAIN, f64::from(RIGHT - left))).unwrap_or_default();
    let note_top = LEGEND_TOP + frame::legend_height(keys, left, RIGHT) + 4;
    let frame = Frame {
        left,
        top: note_top + NOTE_LINE * note.len() as i32 + 14,
        right: RIGHT,
        bottom: BOTTOM,
        x: frame::Axis { lo: 0.0, hi: m_end, scale: frame::Scale::Linear },
        y: frame::Axis { lo: 0.0, hi: y_end, scale: frame::Scale::Linear },
    };
    let x_ticks = frame::linear_ticks(m_step, m_end, |m| (m as u32).to_string());
    let y_title = format!("Cumulative cost ({})", plan.currency);
    let axes = AxisText { x_ticks: &x_ticks, y_ticks: &y_ticks, x_title: "Months from now", y_title: &y_title };
    let title = format!("Keep copies or reprocess — {name}, {}", lower(disruption));
    let summary = summary(b, rto, &plan.currency, months);
    let what = format!("break-even-{}", slug(id));
    Some(figure(title, summary, file_name(&what, disruption), (WIDTH, HEIGHT), |canvas| {
        draw_axes(canvas, &frame, &axes)?;
        draw_legend(canvas, keys, left, LEGEND_TOP, RIGHT)?;
        for (i, line) in note.iter().enumerate() {
            let at = Anchor::new(left, note_top + NOTE_LINE * i as i32, HPos::Left, VPos::Top);
            canvas.text(line, PLAIN.color(frame::DANGER), at)?;
        }
        draw_series(canvas, &frame, b)
    }))
}

/// A month step giving at most 8 ticks, and the axis end.
fn month_step(months: f64) -> (f64, f64) {
    let step = [1.0, 2.0, 3.0, 6.0, 12.0, 24.0, 60.0, 120.0].into_iter().find(|s| months / s <= 8.0).unwrap_or(120.0);
    (step, (months / step).ceil().max(1.0) * step)
}

/// Letters, digits and dashes only: a stage id made safe for a file name.
fn slug(id: &str) -> String {
    let s: String = id.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "stage".into()
    } else {
        s.chars().take(40).collect()
    }
}

/// A cumulative series as points from month 0 (nothing spent yet).
fn series(frame: &Frame, values: &[f64]) -> Vec<(i32, i32)> {
    std::iter::once(frame.px_from_point(0.0, 0.0))
        .chain(
            values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(i, &v)| frame.px_from_point((i + 1) as f64, v)),
        )
        .collect()
}

fn draw_series(canvas: &mut Canvas<'_, '_>, frame: &Frame, b: &BreakEven) -> Drawn {
    let mut lines = vec![(series(frame, &b.copies_cumulative), frame::BRAND)];
    if b.reprocess_possible {
        lines.push((series(frame, &b.reprocess_cumulative), frame::ORANGE));
    }
    for (points, color) in &lines {
        canvas.area().draw(&PathElement::new(points.clone(), color.stroke_width(4)))?;
        for w in points.windows(2) {
            // A sloping line: its labels had better keep clear of the box around each step.
            canvas.avoid((w[0].0, w[0].1.min(w[1].1)), (w[1].0, w[0].1.max(w[1].1)), 4.0);
        }
    }
    if let Some(m) = b.break_even_month {
        let label = format!("break-even: month {m}");
        draw_vertical_marker(canvas, frame, frame.x_px_from_value(f64::from(m)), frame::GREEN, &label)?;
    }
    Ok(())
}

/// Why reprocessing is no way out, when it is not: shown in red above the plot.
fn note(b: &BreakEven, rto: Option<u32>) -> Option<String> {
    if !b.reprocess_possible {
        Some("Reprocessing is not possible: the source no longer holds the data.".to_string())
    } else if !b.reprocess_fits_rto {
        let best = b.reprocess_best_minutes.or(b.reprocess_minutes);
        Some(match (best, rto) {
            (Some(m), Some(t)) => {
                format!("Reprocessing takes {} at best: longer than the RTO of {}.", Mins(m), Whole(t))
            }
            _ => "Reprocessing cannot bring the stage back within its RTO.".to_string(),
        })
    } else {
        None
    }
}

fn summary(b: &BreakEven, rto: Option<u32>, currency: &str, months: usize) -> String {
    let total = |v: &[f64]| v.last().copied().unwrap_or(0.0);
    let mut out = format!(
        "Keeping copies ({}, {}) costs {currency} {} a month: {currency} {} over {months} months.",
        b.copies.backup.label(),
        b.copies.strategy.label(),
        whole_money(b.copies.monthly),
        whole_money(total(&b.copies_cumulative)),
    );
    if !b.reprocess_possible {
        out.push_str(" Reprocessing is not possible: the source no longer holds the data.");
        return out;
    }
    out.push_str(&format!(
        " Reprocessing costs {currency} {} a rebuild; with {} over the span, {currency} {}.",
        whole_money(b.rebuild_cost),
        match b.disasters_over_span {
            1 => "1 disaster".to_string(),
            n => format!("{n} disasters"),
        },
        whole_money(total(&b.reprocess_cumulative)),
    ));
    match (b.break_even_month, b.cheaper_over_span) {
        (Some(m), _) => out.push_str(&format!(" Copies cost as much as reprocessing by month {m}.")),
        (None, Cheaper::Copies) => out.push_str(" Copies stay cheaper over the whole span."),
        (None, Cheaper::Reprocess) => out.push_str(" Reprocessing stays cheaper over the whole span."),
    }
    let best = b.reprocess_best_minutes.or(b.reprocess_minutes);
    match (best, rto, b.reprocess_fits_rto) {
        (Some(m), Some(t), true) => {
            out.push_str(&format!(" Reprocessing takes {} at best, within the RTO of {}.", Mins(m), Whole(t)))
        }
        (Some(m), Some(t), false) => {
            out.push_str(&format!(" Reprocessing takes {} at best: longer than the RTO of {}.", Mins(m), Whole(t)))
        }
        _ => {}
    }
    out
}
