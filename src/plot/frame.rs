//! The frame every plot shares: where the plotting area sits in the picture, how values map to
//! pixels on each axis (`px_from_value`), nice ticks, and drawing of grid, axes, titles and
//! legend with plotters on the SVG backend.
//!
//! Text is drawn with an anchor and laid out by whatever shows the SVG: nothing here asks for
//! the size of a piece of text, so plotters never measures fonts (in the browser that would
//! mean a page layout per label).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// The text colour.
pub const INK: RGBColor = RGBColor(0x1b, 0x27, 0x33);
/// Secondary text and axes.
pub const SOFT: RGBColor = RGBColor(0x4a, 0x5b, 0x6b);
/// Grid lines.
pub const GRID: RGBColor = RGBColor(0xe1, 0xe7, 0xed);
/// The main series.
pub const BRAND: RGBColor = RGBColor(0x0f, 0x3d, 0x5e);
/// A second series, and the hot phase's lighter partner.
pub const ACCENT: RGBColor = RGBColor(0x1f, 0x7a, 0x8c);
/// Reprocessing; the current plan's marker.
pub const ORANGE: RGBColor = RGBColor(0xb3, 0x58, 0x00);
/// Targets missed.
pub const DANGER: RGBColor = RGBColor(0xa4, 0x26, 0x2c);
/// Met; first service.
pub const GREEN: RGBColor = RGBColor(0x2e, 0x7d, 0x32);

/// Where the error type of drawing on a string lands: it cannot really fail.
pub type Drawn = Result<(), Box<dyn std::error::Error>>;

/// The drawing surface of one plot.
pub type Area<'a> = DrawingArea<SVGBackend<'a>, plotters::coord::Shift>;

/// Text of `px` CSS pixels (plotters' SVG backend writes a size ÷ 1.24).
pub fn font(px: f64) -> TextStyle<'static> {
    ("sans-serif", px * 1.24).into_font().color(&INK)
}

/// The same, anchored.
pub fn anchored(px: f64, h: HPos, v: VPos) -> TextStyle<'static> {
    font(px).pos(Pos::new(h, v))
}

/// Bold text, anchored.
pub fn bold(px: f64, h: HPos, v: VPos) -> TextStyle<'static> {
    ("sans-serif", px * 1.24).into_font().style(plotters::style::FontStyle::Bold).color(&INK).pos(Pos::new(h, v))
}

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

/// Draws the grid, the axes with their ticks and labels, and the axis titles.
pub fn draw_axes(area: &Area<'_>, frame: &Frame, text: &AxisText<'_>) -> Drawn {
    let (l, t, r, b) = (frame.left, frame.top, frame.right, frame.bottom);
    for (v, label) in text.y_ticks {
        let y = frame.y_px_from_value(*v);
        area.draw(&PathElement::new(vec![(l, y), (r, y)], GRID.stroke_width(1)))?;
        area.draw(&Text::new(label.clone(), (l - 8, y), anchored(13.0, HPos::Right, VPos::Center)))?;
    }
    for (v, label) in text.x_ticks {
        let x = frame.x_px_from_value(*v);
        area.draw(&PathElement::new(vec![(x, b), (x, b + 5)], SOFT.stroke_width(1)))?;
        area.draw(&Text::new(label.clone(), (x, b + 8), anchored(13.0, HPos::Center, VPos::Top)))?;
    }
    area.draw(&PathElement::new(vec![(l, t), (l, b), (r, b)], SOFT.stroke_width(1)))?;
    area.draw(&Text::new(text.x_title.to_string(), ((l + r) / 2, b + 30), anchored(13.0, HPos::Center, VPos::Top)))?;
    let y_title = anchored(13.0, HPos::Center, VPos::Top).transform(FontTransform::Rotate270);
    area.draw(&Text::new(text.y_title.to_string(), (8, (t + b) / 2), y_title))?;
    Ok(())
}

/// One entry of a legend: a colour swatch and what it stands for.
pub struct Key<'k> {
    /// The series' colour.
    pub color: RGBColor,
    /// Whether the swatch is a dot (a marker) rather than a line.
    pub dot: bool,
    /// What it is.
    pub label: &'k str,
}

/// Draws a legend in one row above the plotting area, from its left edge.
pub fn draw_legend(area: &Area<'_>, frame: &Frame, keys: &[Key<'_>]) -> Drawn {
    let y = frame.top - 12;
    let mut x = frame.left;
    for key in keys {
        if key.dot {
            area.draw(&Circle::new((x + 7, y), 5, key.color.filled()))?;
        } else {
            area.draw(&PathElement::new(vec![(x, y), (x + 16, y)], key.color.stroke_width(3)))?;
        }
        area.draw(&Text::new(key.label.to_string(), (x + 22, y), anchored(13.0, HPos::Left, VPos::Center)))?;
        // The SVG viewer lays the text out; leave room for about 7 px a character.
        x += 40 + 7 * key.label.chars().count() as i32;
    }
    Ok(())
}

/// A dashed vertical line at `x` across the plotting area, with a label at its top.
pub fn draw_vertical_marker(area: &Area<'_>, frame: &Frame, x: i32, color: RGBColor, label: &str) -> Drawn {
    let points = vec![(x, frame.top), (x, frame.bottom)];
    area.draw(&plotters::element::DashedPathElement::new(points, 5, 4, color.stroke_width(2)))?;
    let right_half = x > (frame.left + frame.right) / 2;
    let (h, dx) = if right_half { (HPos::Right, -4) } else { (HPos::Left, 4) };
    area.draw(&Text::new(label.to_string(), (x + dx, frame.top + 2), anchored(12.0, h, VPos::Top).color(&color)))?;
    Ok(())
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

/// `text` cut to `max` characters, with an ellipsis when cut.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}
