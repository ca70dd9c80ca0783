//! The frame every plot shares: where the plotting area sits in the picture, how values map to
//! pixels on each axis (`px_from_value`), nice ticks, the colours and the one text size, and
//! drawing of grid, axes, titles, legend and vertical markers through a [`Canvas`], which notes
//! every box it draws (see [`super::layout`]).
//!
//! Text is drawn with an anchor and laid out by whatever shows the SVG: nothing here asks for
//! the size of a piece of text, so plotters never measures fonts (in the browser that would
//! mean a page layout per label); boxes come from [`Font::width`]'s estimate.

use super::layout::{Anchor, Canvas, Font, Kind, Rect, Spot};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

/// The size of every text of a plot, in pixels of the figure's own width ([`super::WIDTH`]).
/// The results pane shows a plot at least 538 px wide (its columns are at least 560 px,
/// style/results.css), so this is at least 12.6 px on screen; at 1280 × 720 and 1920 × 1080 a
/// plot is about 590 px wide, and its text about 13.8 px.
pub const TEXT: f64 = 15.0;

/// Plain text.
pub const PLAIN: Font = Font::new(TEXT, INK);

/// The text colour.
pub const INK: RGBColor = RGBColor(0x1b, 0x27, 0x33);
/// Secondary text and axes.
pub const SOFT: RGBColor = RGBColor(0x4a, 0x5b, 0x6b);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xe1, 0xe7, 0xed);
/// The main series.
pub const BRAND: RGBColor = RGBColor(0x0f, 0x3d, 0x5e);
/// A second series, and the hot phase's lighter partner.
pub const ACCENT: RGBColor = RGBColor(0x17, 0x69, 0x7a);
/// Reprocessing; the current plan's marker; the second front of a comparison.
pub const ORANGE: RGBColor = RGBColor(0xa1, 0x4e, 0x00);
/// Targets missed.
pub const DANGER: RGBColor = RGBColor(0xa4, 0x26, 0x2c);
/// Met; first service.
pub const GREEN: RGBColor = RGBColor(0x24, 0x6b, 0x28);

/// Every colour text is drawn in, for the test of its contrast with the white background.
pub const TEXT_COLOURS: [RGBColor; 7] = [INK, SOFT, BRAND, ACCENT, ORANGE, DANGER, GREEN];

/// Where the error type of drawing on a string lands: it cannot really fail.
pub type Drawn = Result<(), Box<dyn std::error::Error>>;

/// The drawing surface of one plot.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// How an axis spreads its values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scale {
    /// Evenly.
    Linear,
    /// By `ln(1 + v)`: minutes from 0 to a week, where the first hour matters as much as the
    /// last days.
    Log1p,
}

/// One axis: its range and scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Axis {
    /// The value at the start (left or bottom).
    pub lo: f64,
    /// The value at the end.
    pub hi: f64,
    /// How values in between are spread.
    pub scale: Scale,
}

impl Axis {
    fn warp(&self, v: f64) -> f64 {
        match self.scale {
            Scale::Linear => v,
            Scale::Log1p => (v.max(0.0) + 1.0).ln(),
        }
    }

    /// Where `v` lies along the axis: 0 at `lo`, 1 at `hi` (a little beyond either end at most,
    /// so a stray value cannot draw outside the picture).
    pub fn unit_from_value(&self, v: f64) -> f64 {
        let (a, b) = (self.warp(self.lo), self.warp(self.hi));
        if !v.is_finite() || !(b - a).is_finite() || (b - a).abs() < 1e-12 {
            return if v.is_finite() { 0.5 } else { 1.0 };
        }
        ((self.warp(v) - a) / (b - a)).clamp(-0.02, 1.02)
    }
}

/// The plotting area inside the picture and the two axes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// Left edge of the plotting area, in pixels from the picture's left.
    pub left: i32,
    /// Top edge.
    pub top: i32,
    /// Right edge.
    pub right: i32,
    /// Bottom edge.
    pub bottom: i32,
    /// The horizontal axis.
    pub x: Axis,
    /// The vertical axis.
    pub y: Axis,
}

impl Frame {
    /// The horizontal pixel of value `v`.
    pub fn x_px_from_value(&self, v: f64) -> i32 {
        self.left + (self.x.unit_from_value(v) * f64::from(self.right - self.left)).round() as i32
    }

    /// The vertical pixel of value `v` (up is more).
    pub fn y_px_from_value(&self, v: f64) -> i32 {
        self.bottom - (self.y.unit_from_value(v) * f64::from(self.bottom - self.top)).round() as i32
    }

    /// The pixel of the point (`x`, `y`).
    pub fn px_from_point(&self, x: f64, y: f64) -> (i32, i32) {
        (self.x_px_from_value(x), self.y_px_from_value(y))
    }
}

/// A tick: its value and label.
pub type Tick = (f64, String);

/// Round steps for a linear axis from 0 to at least `max`, about `count` of them: returns the
/// step and the axis end (a whole number of steps).
pub fn nice_step(max: f64, count: f64) -> (f64, f64) {
    if !max.is_finite() || max <= 0.0 {
        return (1.0, 1.0);
    }
    let raw = max / count.max(1.0);
    let mag = 10f64.powi(raw.log10().floor() as i32);
    let step =
        [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw * (1.0 - 1e-9)).unwrap_or(10.0 * mag);
    let end = (max / step - 1e-9).ceil().max(1.0) * step;
    (step, end)
}

/// Ticks at `0, step, 2 step, … ≤ end`, labelled by `label`.
pub fn linear_ticks(step: f64, end: f64, label: impl Fn(f64) -> String) -> Vec<Tick> {
    let n = (end / step + 1e-9).floor().clamp(0.0, 50.0) as u32;
    (0..=n).map(|i| f64::from(i) * step).map(|v| (v, label(v))).collect()
}

/// Durations people think in, in minutes: the ticks of a `Log1p` duration axis.
const DURATION_TICKS: [u32; 12] = [0, 1, 5, 15, 60, 240, 720, 1440, 2880, 10080, 20160, 43200];

/// Ticks of a `Log1p` duration axis from `lo` to `hi` minutes.
pub fn duration_ticks(lo: f64, hi: f64) -> Vec<Tick> {
    DURATION_TICKS
        .iter()
        .map(|&m| f64::from(m))
        .filter(|&m| m >= lo - 1e-9 && m <= hi + 1e-9)
        .map(|m| (m, crate::text::format_minutes(m as u32)))
        .collect()
}

/// Steps for a linear duration axis: a step of whole minutes, hours or days.
const DURATION_STEPS: [u32; 16] = [1, 5, 10, 15, 30, 60, 120, 180, 240, 360, 720, 1440, 2880, 4320, 10080, 43200];

/// Ticks of a linear duration axis from 0 to at least `max` minutes, at most about 7 of them;
/// returns the ticks and the axis end.
pub fn linear_duration_ticks(max: f64) -> (Vec<Tick>, f64) {
    let max = if max.is_finite() && max > 0.0 { max } else { 60.0 };
    let step = DURATION_STEPS.iter().map(|&s| f64::from(s)).find(|s| max / s <= 7.0).unwrap_or(43200.0);
    let end = (max / step - 1e-9).ceil().max(1.0) * step;
    let ticks = linear_ticks(step, end, |m| crate::text::format_minutes(m as u32));
    (ticks, end)
}

/// The labels of a frame's axes.
pub struct AxisText<'t> {
    /// The horizontal axis's ticks.
    pub x_ticks: &'t [Tick],
    /// The vertical axis's ticks (a horizontal grid line each).
    pub y_ticks: &'t [Tick],
    /// What the horizontal axis shows, with its unit.
    pub x_title: &'t str,
    /// What the vertical axis shows, with its unit.
    pub y_title: &'t str,
}

/// Draws the grid, the axes with their ticks and labels, and the axis titles. A tick label that
/// would cover another is left out (its tick stays).
pub fn draw_axes(canvas: &mut Canvas<'_, '_>, frame: &Frame, text: &AxisText<'_>) -> Drawn {
    let (l, t, r, b) = (frame.left, frame.top, frame.right, frame.bottom);
    for (v, label) in text.y_ticks {
        let y = frame.y_px_from_value(*v);
        canvas.area().draw(&PathElement::new(vec![(l, y), (r, y)], GRID.stroke_width(1)))?;
        canvas.text_if_free(label, PLAIN, Anchor::new(l - 8, y, HPos::Right, VPos::Center))?;
    }
    for (v, label) in text.x_ticks {
        let x = frame.x_px_from_value(*v);
        canvas.area().draw(&PathElement::new(vec![(x, b), (x, b + 7)], SOFT.stroke_width(2)))?;
        // Low enough to clear the lowest cost's label at the corner; at the right edge, ending
        // at its tick rather than past the picture.
        if !canvas.text_if_free(label, PLAIN, Anchor::new(x, b + 11, HPos::Center, VPos::Top))? {
            canvas.text_if_free(label, PLAIN, Anchor::new(x + 4, b + 11, HPos::Right, VPos::Top))?;
        }
    }
    canvas.area().draw(&PathElement::new(vec![(l, t), (l, b), (r, b)], SOFT.stroke_width(2)))?;
    canvas.avoid((l, t), (l, b), 2.0);
    canvas.avoid((l, b), (r, b), 2.0);
    canvas.text(text.x_title, PLAIN, Anchor::new((l + r) / 2, b + 36, HPos::Center, VPos::Top))?;
    if !text.y_title.is_empty() {
        canvas.upward_text(text.y_title, PLAIN, 6, (t + b) / 2)?;
    }
    Ok(())
}

/// How a legend entry shows its series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    /// A solid line.
    Line,
    /// A dashed line.
    Dashed,
    /// A solid line with a dot: a front.
    LineDot,
    /// A dashed line with a square: a comparison's second front.
    DashedSquare,
    /// A ring (the current plan).
    Ring,
}

/// One entry of a legend: a swatch in a colour and what it stands for.
pub struct Key<'k> {
    /// The series' colour.
    pub color: RGBColor,
    /// How it is drawn.
    pub swatch: Swatch,
    /// What it is.
    pub label: &'k str,
}

/// Width of a legend entry's swatch, the gap after it and the gap after the entry's words.
const SWATCH: i32 = 22;
const SWATCH_GAP: i32 = 6;
const KEY_GAP: i32 = 20;
/// Height of a legend row.
pub const LEGEND_ROW: i32 = 22;

/// Where each entry of a legend goes from (`left`, `top`), wrapping before `right`: one
/// (x, y of the row's middle) per key.
fn legend_spots(keys: &[Key<'_>], left: i32, top: i32, right: i32) -> Vec<(i32, i32)> {
    let (mut x, mut y) = (left, top + LEGEND_ROW / 2);
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let w = SWATCH + SWATCH_GAP + PLAIN.width(key.label).ceil() as i32;
        if x > left && x + w > right {
            x = left;
            y += LEGEND_ROW;
        }
        out.push((x, y));
        x += w + KEY_GAP;
    }
    out
}

/// How tall the legend of `keys` is between `left` and `right`.
pub fn legend_height(keys: &[Key<'_>], left: i32, right: i32) -> i32 {
    legend_spots(keys, left, 0, right).last().map_or(0, |&(_, y)| y + LEGEND_ROW / 2)
}

/// Draws a legend in rows from (`left`, `top`), wrapping before `right`.
pub fn draw_legend(canvas: &mut Canvas<'_, '_>, keys: &[Key<'_>], left: i32, top: i32, right: i32) -> Drawn {
    for (key, (x, y)) in keys.iter().zip(legend_spots(keys, left, top, right)) {
        let mid = x + SWATCH / 2;
        let line = vec![(x, y), (x + SWATCH, y)];
        let dashed = plotters::element::DashedPathElement::new(line.clone(), 8, 4, key.color.stroke_width(4));
        match key.swatch {
            Swatch::Line => canvas.area().draw(&PathElement::new(line, key.color.stroke_width(4)))?,
            Swatch::Dashed => canvas.area().draw(&dashed)?,
            Swatch::LineDot => {
                canvas.area().draw(&PathElement::new(line, key.color.stroke_width(4)))?;
                canvas.area().draw(&Circle::new((mid, y), MARK, key.color.filled()))?;
            }
            Swatch::DashedSquare => {
                canvas.area().draw(&dashed)?;
                canvas.area().draw(&square((mid, y), MARK - 2, key.color))?;
            }
            Swatch::Ring => draw_ring(canvas, (mid, y), 7, key.color)?,
        }
        canvas.note(
            Kind::Marker,
            Rect::new(f64::from(x), f64::from(y - 8), f64::from(x + SWATCH), f64::from(y + 8)),
            key.label,
        );
        canvas.text(key.label, PLAIN, Anchor::new(x + SWATCH + SWATCH_GAP, y, HPos::Left, VPos::Center))?;
    }
    Ok(())
}

/// Half the size of a front's markers.
pub const MARK: i32 = 6;
/// Radius of the current plan's ring.
pub const RING: i32 = 10;

/// A filled square of half-side `r` at `at`.
pub fn square(at: (i32, i32), r: i32, color: RGBColor) -> Rectangle<(i32, i32)> {
    Rectangle::new([(at.0 - r, at.1 - r), (at.0 + r, at.1 + r)], color.filled())
}

/// A ring of radius `r` at `at` (open: a point under it shows through).
pub fn draw_ring(canvas: &Canvas<'_, '_>, at: (i32, i32), r: i32, color: RGBColor) -> Drawn {
    canvas.area().draw(&Circle::new(at, r.max(0) as u32, color.stroke_width(3)))?;
    Ok(())
}

/// A dashed vertical line at `x` across the plotting area, noted as a line no text may cross,
/// with `label` at its top — beside it, on whichever side has room, lower down if both are
/// taken, or left out.
pub fn draw_vertical_marker(canvas: &mut Canvas<'_, '_>, frame: &Frame, x: i32, color: RGBColor, label: &str) -> Drawn {
    canvas.dashed_line((x, frame.top), (x, frame.bottom), (6, 4), color.stroke_width(2), label)?;
    canvas.label(label, PLAIN.color(color), &beside_line(frame, x))?;
    Ok(())
}

/// The places for the label of a vertical line at `x`: at the top of the plotting area on the
/// side with more room first, then on the other, then a row lower each, and so on.
pub fn beside_line(frame: &Frame, x: i32) -> Vec<Spot> {
    let right_first = x < (frame.left + frame.right) / 2;
    let sides = if right_first { [(HPos::Left, 6), (HPos::Right, -6)] } else { [(HPos::Right, -6), (HPos::Left, 6)] };
    let mut out = Vec::new();
    let mut y = frame.top + 3;
    while y + 20 < frame.bottom {
        for (h, dx) in sides {
            out.push(Spot { anchor: Anchor::new(x + dx, y, h, VPos::Top), leader: None });
        }
        y += 20;
    }
    out
}

/// The points of a Pareto step curve through `points` (sorted by `x`, cost falling): flat to
/// the next point's `x`, then down, and flat to `x_end` after the last.
pub fn step_path(frame: &Frame, points: &[(f64, f64)], x_end: f64) -> Vec<(i32, i32)> {
    let mut out = Vec::with_capacity(points.len() * 2 + 1);
    for (i, &(x, y)) in points.iter().enumerate() {
        if i > 0 {
            let prev_y = points[i - 1].1;
            out.push(frame.px_from_point(x, prev_y));
        }
        out.push(frame.px_from_point(x, y));
    }
    if let Some(&(_, y)) = points.last() {
        out.push(frame.px_from_point(x_end, y));
    }
    out
}
