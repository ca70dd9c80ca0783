//! Where the text of a plot goes, decided without measuring fonts: every text gets a box from
//! its size and its characters ([`Font::width`], a conservative estimate), every marker and
//! target line a box, and a label goes to the first of its candidate places whose box is inside
//! the picture and meets no other — or, when none is free, is left out and said so
//! ([`Layout::dropped`]; the figure's text alternative still gives every value). The boxes stay
//! in the figure ([`Layout`]) so a test can check that no text covers another, a marker or a
//! target line ([`Layout::problems`]).
//!
//! Drawing goes through a [`Canvas`], which draws with plotters and notes each box as it goes:
//! markers and lines first, then the texts that must avoid them.

use super::frame::{Area, Drawn};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

/// A box in the picture, in pixels from its top left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    /// Left edge.
    pub left: f64,
    /// Top edge.
    pub top: f64,
    /// Right edge.
    pub right: f64,
    /// Bottom edge.
    pub bottom: f64,
}

impl Rect {
    /// The box between two corners, in any order.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Rect {
        Rect { left: x0.min(x1), top: y0.min(y1), right: x0.max(x1), bottom: y0.max(y1) }
    }

    /// The square of half-side `r` around (`x`, `y`).
    pub fn around(x: i32, y: i32, r: f64) -> Rect {
        let (x, y) = (f64::from(x), f64::from(y));
        Rect::new(x - r, y - r, x + r, y + r)
    }

    /// Whether the two boxes share any area (touching edges do not).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right && other.left < self.right && self.top < other.bottom && other.top < self.bottom
    }

    /// Whether the box lies within a picture of `size`.
    pub fn inside(&self, size: (u32, u32)) -> bool {
        self.left >= 0.0 && self.top >= 0.0 && self.right <= f64::from(size.0) && self.bottom <= f64::from(size.1)
    }

    /// The box grown by `by` on every side.
    pub fn grow(&self, by: f64) -> Rect {
        Rect::new(self.left - by, self.top - by, self.right + by, self.bottom + by)
    }
}

/// What a box of the layout holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A text: a label, a tick, a title, the legend's words.
    Text,
    /// A marker: a point of a front, the current plan, a bar of the timeline, a legend swatch.
    Marker,
    /// A line no text may cross: a target, a break-even month, a first-service time.
    Line,
}

/// One box of the layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    /// What it holds.
    pub kind: Kind,
    /// Where.
    pub rect: Rect,
    /// Its text, or what the marker or line is.
    pub what: String,
}

/// Every box a figure drew, and the labels it found no room for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layout {
    /// The picture's size.
    pub size: (u32, u32),
    /// Texts, markers and lines, in the order drawn.
    pub boxes: Vec<Placed>,
    /// Labels left out because every place for them was taken.
    pub dropped: Vec<String>,
}

impl Layout {
    /// The boxes of one kind.
    pub fn of(&self, kind: Kind) -> impl Iterator<Item = &Placed> {
        self.boxes.iter().filter(move |b| b.kind == kind)
    }

    /// What is wrong with the layout, in words: a box outside the picture, a text over another
    /// text, a marker or a line. Empty when nothing is.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for b in &self.boxes {
            if !b.rect.inside(self.size) {
                out.push(format!("{:?} \"{}\" {:?} is outside the picture {:?}", b.kind, b.what, b.rect, self.size));
            }
        }
        for (i, a) in self.boxes.iter().enumerate() {
            if a.kind != Kind::Text {
                continue;
            }
            for (j, b) in self.boxes.iter().enumerate() {
                let pair = b.kind != Kind::Text || j > i;
                if i != j && pair && a.rect.overlaps(&b.rect) {
                    out.push(format!(
                        "text \"{}\" {:?} overlaps {:?} \"{}\" {:?}",
                        a.what, a.rect, b.kind, b.what, b.rect
                    ));
                }
            }
        }
        out
    }
}

/// Widths of characters in em, as wide as DejaVu Sans draws them or wider. DejaVu Sans is what
/// "sans-serif" means on most Linux machines and the widest of the usual sans-serif fonts:
/// Arial, Helvetica, Liberation Sans, Roboto and Segoe UI are narrower, so a box from these
/// widths holds the text in any of them. (Digits are 0.64 em in DejaVu Sans, 0.56 in Arial.)
fn em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | 'I' | 'J' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | '·' => 0.33,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' | '–' => 0.5,
        'm' | 'w' | 'M' | 'W' | '%' | '@' | '&' | '#' | '+' | '=' | '<' | '>' | '~' | '—' | '…' => 1.0,
        'A'..='Z' => 0.8,
        c if c.is_ascii() => 0.65,
        // Anything else — accents, other scripts — as wide as a square.
        _ => 1.0,
    }
}

/// How much wider bold text is, at most (DejaVu Sans Bold against DejaVu Sans).
const BOLD: f64 = 1.1;

/// How far a text's glyphs reach above and below its anchor, in em, for each vertical anchor:
/// plotters' SVG shifts the baseline by 0.76 em (top), 0.5 ex (centre) or −0.5 ex (bottom);
/// glyphs reach 0.76 em above the baseline and 0.24 em below, and an ex is 0.55 em at most.
/// Each side has 0.1 em more, for fonts with taller ascenders.
fn reach(v: VPos) -> (f64, f64) {
    match v {
        VPos::Top => (0.1, 1.1),
        VPos::Center => (0.63, 0.63),
        VPos::Bottom => (1.13, 0.1),
    }
}

/// A font: its size in CSS pixels at the figure's own size, its weight and colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    /// Size in pixels.
    pub px: f64,
    /// Bold.
    pub bold: bool,
    /// Colour.
    pub color: RGBColor,
}

impl Font {
    /// A regular font of `px` pixels in `color`.
    pub const fn new(px: f64, color: RGBColor) -> Font {
        Font { px, bold: false, color }
    }

    /// The same, bold.
    pub const fn bold(self) -> Font {
        Font { bold: true, ..self }
    }

    /// The same, in `color`.
    pub const fn color(self, color: RGBColor) -> Font {
        Font { color, ..self }
    }

    /// How wide `text` is at most, in pixels (see [`em`]).
    pub fn width(&self, text: &str) -> f64 {
        let ems: f64 = text.chars().map(em).sum();
        ems * self.px * if self.bold { BOLD } else { 1.0 }
    }

    /// The plotters style (its SVG backend writes a size ÷ 1.24, so it is given × 1.24).
    fn style(&self, anchor: Anchor) -> TextStyle<'static> {
        let font = ("sans-serif", self.px * 1.24).into_font();
        let font = if self.bold { font.style(FontStyle::Bold) } else { font };
        font.color(&self.color).pos(Pos::new(anchor.h, anchor.v))
    }
}

/// Where a text is pinned: the point, and which of its sides (or middle) is there.
#[derive(Clone, Copy)]
pub struct Anchor {
    /// Horizontal pixel.
    pub x: i32,
    /// Vertical pixel.
    pub y: i32,
    /// Which side of the text is at `x`.
    pub h: HPos,
    /// Which side is at `y`.
    pub v: VPos,
}

impl Anchor {
    /// The text's left, right or middle at `x`, its top, bottom or middle at `y`.
    pub const fn new(x: i32, y: i32, h: HPos, v: VPos) -> Anchor {
        Anchor { x, y, h, v }
    }
}

/// The box of `text` in `font` pinned at `anchor`.
pub fn text_box(text: &str, font: Font, anchor: Anchor) -> Rect {
    let w = font.width(text);
    let (x, y) = (f64::from(anchor.x), f64::from(anchor.y));
    let left = match anchor.h {
        HPos::Left => x,
        HPos::Center => x - w / 2.0,
        HPos::Right => x - w,
    };
    let (up, down) = reach(anchor.v);
    Rect::new(left, y - up * font.px, left + w, y + down * font.px)
}

/// One place a label may go: where its text is pinned, and whether a leader line runs from it
/// to what it labels (when it stands away from it).
#[derive(Clone, Copy)]
pub struct Spot {
    /// Where the text is pinned.
    pub anchor: Anchor,
    /// What the label labels, when a leader runs to it: its centre and half-size.
    pub leader: Option<Target>,
}

/// The marker a leader line runs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Target {
    /// Its centre.
    pub x: i32,
    /// Its centre.
    pub y: i32,
    /// Its half-size: the leader stops short of it.
    pub r: i32,
}

/// The places around a marker of half-size `r` at (`x`, `y`) where its label may go, nearest
/// first: beside it to the right and left, at its corners, above and below; then a row (20 px)
/// farther up and down at a time — above or below it, or off to either side — and farther out
/// to the right and left, each with a leader line back to it.
pub fn around(x: i32, y: i32, r: i32) -> Vec<Spot> {
    let g = r + 4;
    let near = [
        Anchor::new(x + g, y, HPos::Left, VPos::Center),
        Anchor::new(x + g - 2, y - g + 2, HPos::Left, VPos::Bottom),
        Anchor::new(x - g, y, HPos::Right, VPos::Center),
        Anchor::new(x - g + 2, y - g + 2, HPos::Right, VPos::Bottom),
        Anchor::new(x + g - 2, y + g - 2, HPos::Left, VPos::Top),
        Anchor::new(x - g + 2, y + g - 2, HPos::Right, VPos::Top),
        Anchor::new(x, y - g, HPos::Center, VPos::Bottom),
        Anchor::new(x, y + g, HPos::Center, VPos::Top),
    ];
    let mut spots: Vec<Spot> = near.into_iter().map(|anchor| Spot { anchor, leader: None }).collect();
    let target = Some(Target { x, y, r });
    for row in 1..=5 {
        let d = 20 * row;
        for (v, dy) in [(VPos::Bottom, -(g + d)), (VPos::Top, g + d)] {
            let y = y + dy;
            let row = [
                Anchor::new(x, y, HPos::Center, v),
                Anchor::new(x - 8, y, HPos::Left, v),
                Anchor::new(x + 8, y, HPos::Right, v),
                Anchor::new(x + g + d / 2, y, HPos::Left, v),
                Anchor::new(x - g - d / 2, y, HPos::Right, v),
            ];
            spots.extend(row.into_iter().map(|anchor| Spot { anchor, leader: target }));
        }
        let sides =
            [Anchor::new(x + g + d, y, HPos::Left, VPos::Center), Anchor::new(x - g - d, y, HPos::Right, VPos::Center)];
        spots.extend(sides.into_iter().map(|anchor| Spot { anchor, leader: target }));
    }
    spots
}

/// A leader from a label's box to the marker `to`: from the point of the box nearest the
/// marker's centre to a point just short of the marker.
fn leader(rect: &Rect, to: Target) -> ((f64, f64), (f64, f64)) {
    let (cx, cy) = (f64::from(to.x), f64::from(to.y));
    let from = (cx.clamp(rect.left, rect.right), cy.clamp(rect.top, rect.bottom));
    let (dx, dy) = (from.0 - cx, from.1 - cy);
    let len = dx.hypot(dy).max(1e-9);
    // Past the corners of a square marker too: √2 × its half-size, and a pixel.
    let stop = f64::from(to.r) * 1.42 + 1.0;
    ((from.0, from.1), (cx + dx / len * stop, cy + dy / len * stop))
}

/// Whether the segment from `a` to `b` passes through `rect` (Liang–Barsky clipping).
fn crosses(a: (f64, f64), b: (f64, f64), rect: &Rect) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0f64, 1.0f64);
    for (p, q) in [(-dx, a.0 - rect.left), (dx, rect.right - a.0), (-dy, a.1 - rect.top), (dy, rect.bottom - a.1)] {
        if p == 0.0 {
            if q <= 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
        }
    }
    t0 < t1
}

/// `text` in lines no wider than `width` pixels in `font`, broken between words (a word wider
/// than that stands alone on its line).
pub fn wrap(text: &str, font: Font, width: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let longer = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
        if !line.is_empty() && font.width(&longer) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = longer;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// `text` cut, with an ellipsis, to fit `width` pixels in `font`.
pub fn fit(text: &str, font: Font, width: f64) -> String {
    if font.width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if font.width(&out) + font.width("…") > width {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// What crossing a line to avoid (a front's step, an axis) costs a label, in places farther
/// from its point: about three rows of [`around`]'s places, so a label hangs off a short leader
/// rather than lie across the front. A label that does cross one has a white ground, so the
/// line does not run through its words.
pub const CROSSING: usize = 36;

/// A label waiting for its place: its text, font and the places it may go, nearest first.
pub struct Pending {
    /// What it says.
    pub text: String,
    /// In what.
    pub font: Font,
    /// Where it may go.
    pub spots: Vec<Spot>,
}

/// A leader line: from its label to its marker.
type Segment = ((f64, f64), (f64, f64));

/// Where a label goes: its spot, box and leader, and whether it lies across a line to avoid.
#[derive(Clone, Copy)]
struct Choice {
    spot: Spot,
    rect: Rect,
    leader: Option<Segment>,
    crossing: bool,
}

/// What is taken so far: every box, the lines to avoid, the leaders.
#[derive(Clone)]
struct Room {
    layout: Layout,
    /// Lines a label had better not cross (a front's steps, the axes), though it may when
    /// nothing else is free.
    soft: Vec<Rect>,
    /// The leader lines drawn: no later label or leader may cross them.
    leaders: Vec<Segment>,
}

impl Room {
    /// Whether `rect` is inside the picture and meets no box nor leader yet.
    fn free(&self, rect: &Rect) -> bool {
        rect.inside(self.layout.size)
            && !self.layout.boxes.iter().any(|b| b.rect.overlaps(rect))
            && !self.leaders.iter().any(|&(a, b)| crosses(a, b, rect))
    }

    /// Whether a leader from `a` to `b` to the marker centred at `to` meets no text and no marker
    /// but the one it runs to (and any other on the same spot).
    fn leader_free(&self, (a, b): Segment, to: Target) -> bool {
        let (cx, cy) = (f64::from(to.x), f64::from(to.y));
        let own = |r: &Rect| r.left <= cx && cx <= r.right && r.top <= cy && cy <= r.bottom;
        let hit = |p: &Placed| p.kind != Kind::Line && !own(&p.rect) && crosses(a, b, &p.rect);
        !self.layout.boxes.iter().any(hit)
    }

    /// The best of `spots` for `text`: the nearest where it and its leader meet nothing, but a
    /// line to avoid crossed counts as [`CROSSING`] spots farther away.
    fn choose(&self, text: &str, font: Font, spots: &[Spot]) -> Option<Choice> {
        let mut best: Option<(usize, Choice)> = None;
        for (i, &spot) in spots.iter().enumerate() {
            if best.as_ref().is_some_and(|b| b.0 <= i) {
                break;
            }
            let rect = text_box(text, font, spot.anchor);
            if !self.free(&rect) {
                continue;
            }
            let leader = spot.leader.map(|to| (leader(&rect, to), to));
            if leader.is_some_and(|(segment, to)| !self.leader_free(segment, to)) {
                continue;
            }
            let crossed = self.soft.iter().filter(|s| s.overlaps(&rect)).count();
            let score = i + CROSSING * crossed;
            if best.as_ref().is_none_or(|b| score < b.0) {
                let choice = Choice { spot, rect, leader: leader.map(|l| l.0), crossing: crossed > 0 };
                best = Some((score, choice));
            }
        }
        best.map(|b| b.1)
    }

    /// Takes the room a label's choice needs.
    fn take(&mut self, text: &str, choice: &Choice) {
        if let Some(segment) = choice.leader {
            self.leaders.push(segment);
        }
        self.layout.boxes.push(Placed { kind: Kind::Text, rect: choice.rect, what: text.to_string() });
    }
}

/// A plot's drawing area, noting the box of everything it draws (see [`Layout`]).
pub struct Canvas<'a, 'b> {
    area: &'a Area<'b>,
    room: Room,
}

impl<'a, 'b> Canvas<'a, 'b> {
    /// A canvas on `area` of `size`.
    pub fn new(area: &'a Area<'b>, size: (u32, u32)) -> Canvas<'a, 'b> {
        let layout = Layout { size, ..Layout::default() };
        Canvas { area, room: Room { layout, soft: Vec::new(), leaders: Vec::new() } }
    }

    /// What it drew.
    pub fn into_layout(self) -> Layout {
        self.room.layout
    }

    /// The plotters area, for what needs no box (grid lines, a front's line, bars' fill).
    pub fn area(&self) -> &Area<'b> {
        self.area
    }

    /// Notes a box of `kind` without drawing anything.
    pub fn note(&mut self, kind: Kind, rect: Rect, what: &str) {
        self.room.layout.boxes.push(Placed { kind, rect, what: what.to_string() });
    }

    /// Notes that `label` was left out for want of room.
    pub fn drop_label(&mut self, label: &str) {
        self.room.layout.dropped.push(label.to_string());
    }

    /// Notes a line labels had better not cross, from `a` to `b` (across or up and down), `w`
    /// pixels wide.
    pub fn avoid(&mut self, a: (i32, i32), b: (i32, i32), w: f64) {
        let h = w / 2.0;
        self.room.soft.push(Rect::new(f64::from(a.0) - h, f64::from(a.1) - h, f64::from(b.0) + h, f64::from(b.1) + h));
    }

    /// Whether `rect` is inside the picture and meets no box nor leader yet.
    pub fn free(&self, rect: &Rect) -> bool {
        self.room.free(rect)
    }

    /// Draws `text` pinned at `anchor`, wherever that is, and notes its box.
    pub fn text(&mut self, text: &str, font: Font, anchor: Anchor) -> Drawn {
        self.area.draw(&Text::new(text.to_string(), (anchor.x, anchor.y), font.style(anchor)))?;
        self.note(Kind::Text, text_box(text, font, anchor), text);
        Ok(())
    }

    /// Draws `text` at `anchor` if its box is free, and says whether it did.
    pub fn text_if_free(&mut self, text: &str, font: Font, anchor: Anchor) -> Result<bool, Box<dyn std::error::Error>> {
        if !self.free(&text_box(text, font, anchor)) {
            return Ok(false);
        }
        self.text(text, font, anchor)?;
        Ok(true)
    }

    /// Draws `text` turned a quarter left (reading upwards), centred on (`x`, `y`) along its
    /// length, its top at `x`; notes its box.
    pub fn upward_text(&mut self, text: &str, font: Font, x: i32, y: i32) -> Drawn {
        let anchor = Anchor::new(x, y, HPos::Center, VPos::Top);
        let style = font.style(anchor).transform(FontTransform::Rotate270);
        self.area.draw(&Text::new(text.to_string(), (x, y), style))?;
        // Turned by 270°, the text's across becomes up and down and its height goes right.
        let (up, down) = reach(VPos::Top);
        let (w, x, y) = (font.width(text), f64::from(x), f64::from(y));
        self.note(Kind::Text, Rect::new(x - up * font.px, y - w / 2.0, x + down * font.px, y + w / 2.0), text);
        Ok(())
    }

    /// Draws `label` at the best of `spots` (see [`Canvas::labels`]); leaves it out when no spot
    /// is free. Returns its box.
    pub fn label(
        &mut self,
        label: &str,
        font: Font,
        spots: &[Spot],
    ) -> Result<Option<Rect>, Box<dyn std::error::Error>> {
        let Some(choice) = self.room.choose(label, font, spots) else {
            self.drop_label(label);
            return Ok(None);
        };
        self.draw_label(label, font, &choice)?;
        Ok(Some(choice.rect))
    }

    /// Draws each label at the nearest of its spots where it and its leader meet nothing (a
    /// line to avoid crossed counts as [`CROSSING`] spots farther away), leaving out those with
    /// no free spot. One label's place can take the only one another had, so the labels are
    /// tried in their order, then backwards, then with those left out first, and the order
    /// that leaves out the fewest (then the first such order) is drawn.
    pub fn labels(&mut self, labels: &[Pending]) -> Drawn {
        let run = |order: &[usize]| {
            let mut room = self.room.clone();
            let mut placed = vec![None; labels.len()];
            for &i in order {
                let l = &labels[i];
                if let Some(choice) = room.choose(&l.text, l.font, &l.spots) {
                    room.take(&l.text, &choice);
                    placed[i] = Some(choice);
                }
            }
            placed
        };
        let dropped = |placed: &[Option<Choice>]| placed.iter().filter(|p| p.is_none()).count();
        let forward: Vec<usize> = (0..labels.len()).collect();
        let mut order = forward.clone();
        let mut best = (run(&order), order.clone());
        let backward: Vec<usize> = forward.iter().rev().copied().collect();
        let mut tries = vec![backward];
        for _ in 0..labels.len().min(4) {
            if dropped(&best.0) == 0 {
                break;
            }
            if let Some(next) = tries.pop() {
                order = next;
            } else {
                // Those left out first, the rest as they were.
                let (out, kept): (Vec<usize>, Vec<usize>) = best.1.iter().partition(|&&i| best.0[i].is_none());
                order = out.into_iter().chain(kept).collect();
            }
            let placed = run(&order);
            if dropped(&placed) < dropped(&best.0) {
                best = (placed, order.clone());
            }
        }
        let (placed, order) = best;
        for i in order {
            match &placed[i] {
                Some(choice) => self.draw_label(&labels[i].text, labels[i].font, choice)?,
                None => self.drop_label(&labels[i].text),
            }
        }
        Ok(())
    }

    /// Draws a label where `choice` says, with its leader, on a white ground if it lies across
    /// a line to avoid (so the line does not run through its words), and takes its room.
    fn draw_label(&mut self, label: &str, font: Font, choice: &Choice) -> Drawn {
        let px = |p: (f64, f64)| (p.0.round() as i32, p.1.round() as i32);
        if choice.crossing {
            let r = &choice.rect;
            let ground = Rectangle::new([px((r.left, r.top)), px((r.right, r.bottom))], WHITE.mix(0.85).filled());
            self.area.draw(&ground)?;
        }
        if let Some((a, b)) = choice.leader {
            self.area.draw(&PathElement::new(vec![px(a), px(b)], font.color.stroke_width(1)))?;
        }
        self.area.draw(&Text::new(
            label.to_string(),
            (choice.spot.anchor.x, choice.spot.anchor.y),
            font.style(choice.spot.anchor),
        ))?;
        self.room.take(label, choice);
        Ok(())
    }

    /// Draws a dashed line from `a` to `b` (across or up and down) in `style` and notes it as a
    /// line no text may cross.
    pub fn dashed_line(
        &mut self,
        a: (i32, i32),
        b: (i32, i32),
        dash: (i32, i32),
        style: ShapeStyle,
        what: &str,
    ) -> Drawn {
        self.area.draw(&DashedPathElement::new(vec![a, b], dash.0, dash.1, style))?;
        let h = f64::from(style.stroke_width) / 2.0 + 1.0;
        let (a, b) = ((f64::from(a.0), f64::from(a.1)), (f64::from(b.0), f64::from(b.1)));
        let rect =
            if a.0 == b.0 { Rect::new(a.0 - h, a.1, b.0 + h, b.1) } else { Rect::new(a.0, a.1 - h, b.0, b.1 + h) };
        self.note(Kind::Line, rect, what);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boxes_follow_the_anchor() {
        let font = Font::new(10.0, BLACK);
        // "1d 15m": 1 (0.65) d (0.65) space (0.33) 1 5 (1.3) m (1.0) = 3.93 em.
        assert!((font.width("1d 15m") - 39.3).abs() < 1e-9);
        assert!((font.bold().width("1d 15m") - 43.23).abs() < 1e-9);
        let b = text_box("1d 15m", font, Anchor::new(100, 50, HPos::Right, VPos::Top));
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(close(b.left, 60.7) && close(b.top, 49.0) && close(b.right, 100.0) && close(b.bottom, 61.0), "{b:?}");
        let b = text_box("1d 15m", font, Anchor::new(100, 50, HPos::Center, VPos::Bottom));
        assert!((b.left - (100.0 - 19.65)).abs() < 1e-9 && (b.bottom - 51.0).abs() < 1e-9);
        assert!(Rect::new(0.0, 0.0, 10.0, 10.0).overlaps(&Rect::new(9.0, 9.0, 20.0, 20.0)));
        assert!(
            !Rect::new(0.0, 0.0, 10.0, 10.0).overlaps(&Rect::new(10.0, 0.0, 20.0, 10.0)),
            "touching is not overlapping"
        );
    }

    #[test]
    fn a_leader_crosses_what_lies_on_its_way_only() {
        let r = Rect::new(10.0, 10.0, 20.0, 20.0);
        assert!(crosses((0.0, 0.0), (30.0, 30.0), &r));
        assert!(crosses((15.0, 0.0), (15.0, 12.0), &r), "ends inside");
        assert!(!crosses((0.0, 0.0), (9.0, 30.0), &r));
        assert!(!crosses((0.0, 21.0), (30.0, 21.0), &r));
        assert!(!crosses((0.0, 0.0), (10.0, 5.0), &r));
        // From the nearest point of the label to just short of the marker's corners.
        let (a, b) = leader(&Rect::new(50.0, 0.0, 90.0, 12.0), Target { x: 40, y: 40, r: 6 });
        assert_eq!(a, (50.0, 12.0));
        assert!(((b.0 - 40.0).hypot(b.1 - 40.0) - 9.52).abs() < 1e-9, "{b:?}");
    }

    #[test]
    fn long_text_wraps_and_names_are_cut_to_fit() {
        let font = Font::new(10.0, BLACK);
        let lines = wrap("Reprocessing takes 3h at best: longer than the RTO of 1d.", font, 150.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| font.width(l) <= 150.0), "{lines:?}");
        assert_eq!(lines.join(" "), "Reprocessing takes 3h at best: longer than the RTO of 1d.");
        assert_eq!(fit("Warehouse", font, 200.0), "Warehouse");
        let cut = fit("Warehouse (Synapse dedicated SQL pool)", font, 100.0);
        assert!(cut.ends_with('…') && font.width(&cut) <= 100.0, "{cut}");
    }

    #[test]
    fn a_label_takes_the_first_free_spot_and_is_dropped_when_none_is() {
        let mut svg = String::new();
        let area = SVGBackend::with_string(&mut svg, (200, 100)).into_drawing_area();
        let mut canvas = Canvas::new(&area, (200, 100));
        let font = Font::new(10.0, BLACK);
        // Something right of the point: the label goes to the next spot, up and to the right.
        canvas.note(Kind::Marker, Rect::new(104.0, 47.0, 150.0, 55.0), "in the way");
        let placed = canvas.label("label", font, &around(100, 50, 3)).expect("drawn").expect("placed");
        assert!(placed.bottom <= 50.0 && placed.left >= 100.0, "{placed:?}");
        // A label wider than the picture fits nowhere.
        let wide = "x".repeat(40);
        assert_eq!(canvas.label(&wide, font, &around(100, 50, 3)).expect("drawn"), None);
        let layout = canvas.into_layout();
        assert_eq!(layout.dropped, [wide]);
        assert!(layout.problems().is_empty(), "{:?}", layout.problems());
    }
}
