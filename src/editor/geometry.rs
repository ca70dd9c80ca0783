//! Canvas geometry: the card and handle shapes, the grid, and the view that maps world
//! coordinates (where stages live, pixels at zoom 1) to screen coordinates (CSS pixels from the
//! canvas element's top-left corner).
//!
//! Names say which space a point is in: `pos_in_world`, `pos_in_screen`, and
//! [`View::screen_from_world`] / [`View::world_from_screen`] convert between them.

use crate::model::Pos;

/// Grid step in world pixels: snapping, nudging and the dotted background use it.
pub const GRID: f64 = 20.0;
/// Width of a stage card in world pixels.
pub const CARD_W: f64 = 180.0;
/// Height of a stage card in world pixels.
pub const CARD_H: f64 = 100.0;
/// Smallest zoom: a 200-stage platform still fits a laptop screen.
pub const ZOOM_MIN: f64 = 0.2;
/// Largest zoom: a card fills a good part of a projector.
pub const ZOOM_MAX: f64 = 2.0;
/// Below this zoom the canvas draws cards compact — label and status colour only: their kind,
/// service and RPO/RTO badges would be under 6 px on screen, unreadable, and a zoomed-out view
/// of hundreds of stages then costs a third of the page elements.
pub const DETAIL_ZOOM_MIN: f64 = 0.5;
/// The smallest card label a room can read from a chair, in screen pixels (issue 18: 12 px at
/// 1280×720 on a projector).
pub const READABLE_LABEL_IN_SCREEN: f64 = 12.0;
/// A detailed card's label, in world pixels (style/main.css `.card-label`: 0.9rem).
pub const CARD_LABEL_IN_WORLD: f64 = 14.4;
/// A compact card's label in presentation mode, in world pixels (style/main.css
/// `.presenting .stage-card.compact`: 1.75rem, the card's own text; a test keeps the two in step).
pub const PRESENTING_COMPACT_LABEL_IN_WORLD: f64 = 28.0;

/// Below this zoom cards are drawn compact: [`DETAIL_ZOOM_MIN`], or in presentation mode the
/// zoom under which a detailed card's label would be smaller than [`READABLE_LABEL_IN_SCREEN`]
/// (the compact label is twice as large).
pub fn detail_zoom_min(presenting: bool) -> f64 {
    if presenting {
        READABLE_LABEL_IN_SCREEN / CARD_LABEL_IN_WORLD
    } else {
        DETAIL_ZOOM_MIN
    }
}

/// The smallest zoom fitting goes to: [`ZOOM_MIN`], or in presentation mode the zoom at which a
/// compact card's label is [`READABLE_LABEL_IN_SCREEN`] high — a platform larger than the
/// screen at that zoom is shown from its start (its left and top) and the canvas pans.
pub fn fit_zoom_min(presenting: bool) -> f64 {
    if presenting {
        READABLE_LABEL_IN_SCREEN / PRESENTING_COMPACT_LABEL_IN_WORLD
    } else {
        ZOOM_MIN
    }
}

/// Radius around a handle's centre, in screen pixels, that grabs it (a 28 px target: WCAG 2.5.8).
pub const HANDLE_RADIUS_IN_SCREEN: f64 = 14.0;
/// Distance in screen pixels within which a dragged connection snaps to an input handle.
pub const CONNECT_SNAP_IN_SCREEN: f64 = 24.0;
/// Distance in screen pixels a pointer must travel before a press becomes a drag.
pub const DRAG_THRESHOLD_IN_SCREEN: f64 = 3.0;
/// Distance in screen pixels within which a press picks a flow's curve.
pub const FLOW_HIT_IN_SCREEN: f64 = 8.0;
/// Empty margin around the platform when the view is fitted, in screen pixels.
pub const FIT_MARGIN_IN_SCREEN: f64 = 40.0;

/// A width and height.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Size {
    /// Width.
    pub w: f64,
    /// Height.
    pub h: f64,
}

/// An axis-aligned rectangle.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rect {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width (never negative).
    pub w: f64,
    /// Height (never negative).
    pub h: f64,
}

impl Rect {
    /// The rectangle with corners `a` and `b`, in any order.
    pub fn from_corners(a: Pos, b: Pos) -> Rect {
        Rect { x: a.x.min(b.x), y: a.y.min(b.y), w: (a.x - b.x).abs(), h: (a.y - b.y).abs() }
    }

    /// Whether `p` is inside (edges included).
    pub fn contains(&self, p: Pos) -> bool {
        p.x >= self.x && p.x <= self.x + self.w && p.y >= self.y && p.y <= self.y + self.h
    }

    /// Whether the two rectangles overlap (touching counts).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x <= other.x + other.w
            && other.x <= self.x + self.w
            && self.y <= other.y + other.h
            && other.y <= self.y + self.h
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect { x, y, w: (self.x + self.w).max(other.x + other.w) - x, h: (self.y + self.h).max(other.y + other.h) - y }
    }

    /// The centre point.
    pub fn centre(&self) -> Pos {
        Pos { x: self.x + self.w / 2.0, y: self.y + self.h / 2.0 }
    }
}

/// The card of a stage whose top-left corner is at `pos_in_world`.
pub fn card_rect(pos_in_world: Pos) -> Rect {
    Rect { x: pos_in_world.x, y: pos_in_world.y, w: CARD_W, h: CARD_H }
}

/// Centre of a card's output handle (right edge, middle), in world coordinates.
pub fn output_handle(pos_in_world: Pos) -> Pos {
    Pos { x: pos_in_world.x + CARD_W, y: pos_in_world.y + CARD_H / 2.0 }
}

/// Centre of a card's input handle (left edge, middle), in world coordinates.
pub fn input_handle(pos_in_world: Pos) -> Pos {
    Pos { x: pos_in_world.x, y: pos_in_world.y + CARD_H / 2.0 }
}

/// The cubic Bézier of a flow from output handle `a` to input handle `b`: leaves to the right,
/// enters from the left. The view draws it and the editor hit-tests it from this one definition.
pub fn flow_curve(a: Pos, b: Pos) -> [Pos; 4] {
    let c = ((b.x - a.x).abs() / 2.0).max(40.0);
    [a, Pos { x: a.x + c, y: a.y }, Pos { x: b.x - c, y: b.y }, b]
}

/// The distance from `p` to a cubic Bézier, measured on 24 straight pieces of it.
pub fn distance_to_curve(p: Pos, [p0, p1, p2, p3]: [Pos; 4]) -> f64 {
    let at = |t: f64| {
        let u = 1.0 - t;
        let (a, b, c, d) = (u * u * u, 3.0 * u * u * t, 3.0 * u * t * t, t * t * t);
        Pos { x: a * p0.x + b * p1.x + c * p2.x + d * p3.x, y: a * p0.y + b * p1.y + c * p2.y + d * p3.y }
    };
    let mut best = f64::INFINITY;
    let mut prev = p0;
    for i in 1..=24 {
        let next = at(f64::from(i) / 24.0);
        best = best.min(distance_to_segment(p, prev, next));
        prev = next;
    }
    best
}

fn distance_to_segment(p: Pos, a: Pos, b: Pos) -> f64 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 { (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0) } else { 0.0 };
    distance(p, Pos { x: a.x + t * dx, y: a.y + t * dy })
}

/// `p` moved to the nearest grid point.
pub fn snap_to_grid(p: Pos) -> Pos {
    Pos { x: (p.x / GRID).round() * GRID, y: (p.y / GRID).round() * GRID }
}

/// The distance between two points.
pub fn distance(a: Pos, b: Pos) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

/// The rectangle around every card placed at `positions`, or `None` when there are none.
pub fn bounds(positions: impl IntoIterator<Item = Pos>) -> Option<Rect> {
    positions.into_iter().map(card_rect).reduce(|a, b| a.union(&b))
}

/// How the world is shown on the canvas: `pos_in_screen = pos_in_world × zoom + pan`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct View {
    /// Where the world's origin is on the screen.
    pub pan: Pos,
    /// Screen pixels per world pixel, within [`ZOOM_MIN`]..=[`ZOOM_MAX`].
    pub zoom: f64,
    /// Size of the canvas element on the screen; zero until the canvas has been measured.
    pub size: Size,
}

impl Default for View {
    fn default() -> Self {
        View { pan: Pos::default(), zoom: 1.0, size: Size::default() }
    }
}

impl View {
    /// Where a world point appears on the screen.
    pub fn screen_from_world(&self, pos_in_world: Pos) -> Pos {
        Pos { x: pos_in_world.x * self.zoom + self.pan.x, y: pos_in_world.y * self.zoom + self.pan.y }
    }

    /// The world point under a screen point.
    pub fn world_from_screen(&self, pos_in_screen: Pos) -> Pos {
        Pos { x: (pos_in_screen.x - self.pan.x) / self.zoom, y: (pos_in_screen.y - self.pan.y) / self.zoom }
    }

    /// The view moved by `dx`, `dy` screen pixels (the world follows the pointer).
    pub fn panned(&self, dx: f64, dy: f64) -> View {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        View { pan: Pos { x: self.pan.x + dx, y: self.pan.y + dy }, ..*self }
    }

    /// The view zoomed by `factor`, clamped, keeping the world point under `anchor_in_screen`
    /// where it is.
    pub fn zoomed_at(&self, factor: f64, anchor_in_screen: Pos) -> View {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let zoom = (self.zoom * factor).clamp(ZOOM_MIN, ZOOM_MAX);
        let anchor_in_world = self.world_from_screen(anchor_in_screen);
        View {
            pan: Pos {
                x: anchor_in_screen.x - anchor_in_world.x * zoom,
                y: anchor_in_screen.y - anchor_in_world.y * zoom,
            },
            zoom,
            size: self.size,
        }
    }

    /// The centre of the canvas, in screen coordinates.
    pub fn centre_in_screen(&self) -> Pos {
        Pos { x: self.size.w / 2.0, y: self.size.h / 2.0 }
    }

    /// The part of the world the canvas shows.
    pub fn visible_in_world(&self) -> Rect {
        Rect::from_corners(
            self.world_from_screen(Pos::default()),
            self.world_from_screen(Pos { x: self.size.w, y: self.size.h }),
        )
    }

    /// The view that shows all of `world` (zoom clamped, never above 1 so cards stay their
    /// natural size), centred. Unchanged while the canvas has no size yet.
    pub fn fitting(&self, world: Rect) -> View {
        self.fitting_at_least(world, ZOOM_MIN)
    }

    /// The view that shows all of `world` at a zoom of at least `zoom_min` (and never above 1).
    /// When `world` does not fit at `zoom_min`, the view shows its start: the left edge, and the
    /// top edge if it is too tall too, a margin in; the rest is a pan away.
    pub fn fitting_at_least(&self, world: Rect, zoom_min: f64) -> View {
        if self.size.w <= 0.0 || self.size.h <= 0.0 {
            return *self;
        }
        let room_w = (self.size.w - 2.0 * FIT_MARGIN_IN_SCREEN).max(1.0);
        let room_h = (self.size.h - 2.0 * FIT_MARGIN_IN_SCREEN).max(1.0);
        let zoom_min = zoom_min.clamp(ZOOM_MIN, 1.0);
        let zoom = (room_w / world.w.max(1.0)).min(room_h / world.h.max(1.0)).clamp(zoom_min, 1.0);
        let centred = self.centred_on(world.centre(), zoom);
        let mut pan = centred.pan;
        if world.w * zoom > room_w {
            pan.x = FIT_MARGIN_IN_SCREEN - world.x * zoom;
        }
        if world.h * zoom > room_h {
            pan.y = FIT_MARGIN_IN_SCREEN - world.y * zoom;
        }
        View { pan, ..centred }
    }

    /// The view at `zoom` with `pos_in_world` in the middle of the canvas.
    pub fn centred_on(&self, pos_in_world: Pos, zoom: f64) -> View {
        let zoom = if zoom.is_finite() { zoom.clamp(ZOOM_MIN, ZOOM_MAX) } else { self.zoom };
        let centre = self.centre_in_screen();
        View {
            pan: Pos { x: centre.x - pos_in_world.x * zoom, y: centre.y - pos_in_world.y * zoom },
            zoom,
            size: self.size,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The number before `unit` in the first `property` of the first rule of style/main.css
    /// whose selector is `selector`.
    fn declared(selector: &str, property: &str, unit: &str) -> f64 {
        let css = include_str!("../../style/main.css");
        let at = css.find(&format!("\n{selector} {{")).unwrap_or_else(|| panic!("style/main.css has no `{selector}`"));
        let rule = &css[at..at + css[at..].find('}').expect("a closed rule")];
        let value = rule.split(&format!(" {property}:")).nth(1).and_then(|v| v.split(unit).next());
        value.unwrap_or_else(|| panic!("no {property} in {unit}")).trim().parse::<f64>().expect("a number")
    }

    /// The `font-size` (in rem, 16 px each) of the rule for `selector`.
    fn font_size_in_world(selector: &str) -> f64 {
        declared(selector, "font-size", "rem") * 16.0
    }

    /// The cards are drawn at the size hit tests, handles, fitting and the minimap use.
    #[test]
    fn the_card_size_is_the_style_sheet_s() {
        assert_eq!(declared(".stage-card", "width", "px"), CARD_W);
        assert_eq!(declared(".stage-card", "height", "px"), CARD_H);
    }

    #[test]
    fn the_label_sizes_are_the_style_sheet_s() {
        assert_eq!(font_size_in_world(".card-label"), CARD_LABEL_IN_WORLD);
        assert_eq!(font_size_in_world(".presenting .stage-card.compact"), PRESENTING_COMPACT_LABEL_IN_WORLD);
        // Readable where it counts: a detailed card at the zoom it starts at, a compact one at
        // the smallest zoom fitting goes to, when presenting.
        assert!(CARD_LABEL_IN_WORLD * detail_zoom_min(true) >= READABLE_LABEL_IN_SCREEN - 1e-9);
        assert!(PRESENTING_COMPACT_LABEL_IN_WORLD * fit_zoom_min(true) >= READABLE_LABEL_IN_SCREEN - 1e-9);
        assert!(fit_zoom_min(true) < detail_zoom_min(true), "compact cards come first as the view zooms out");
    }

    fn p(x: f64, y: f64) -> Pos {
        Pos { x, y }
    }

    #[test]
    fn screen_and_world_are_inverse() {
        let view = View { pan: p(30.0, -12.0), zoom: 1.5, size: Size { w: 800.0, h: 600.0 } };
        let pos_in_world = p(100.0, 40.0);
        let pos_in_screen = view.screen_from_world(pos_in_world);
        assert_eq!(pos_in_screen, p(180.0, 48.0));
        assert_eq!(view.world_from_screen(pos_in_screen), pos_in_world);
    }

    #[test]
    fn zoom_keeps_the_anchor_still_and_is_clamped() {
        let view = View { pan: p(10.0, 20.0), zoom: 1.0, size: Size { w: 800.0, h: 600.0 } };
        let anchor = p(300.0, 200.0);
        let under = view.world_from_screen(anchor);
        let zoomed = view.zoomed_at(1.25, anchor);
        assert!((zoomed.zoom - 1.25).abs() < 1e-12);
        let after = zoomed.world_from_screen(anchor);
        assert!(distance(under, after) < 1e-9, "{under:?} moved to {after:?}");
        assert_eq!(view.zoomed_at(100.0, anchor).zoom, ZOOM_MAX);
        assert_eq!(view.zoomed_at(0.0001, anchor).zoom, ZOOM_MIN);
        assert_eq!(view.zoomed_at(f64::NAN, anchor), view);
        assert_eq!(view.zoomed_at(-2.0, anchor), view);
    }

    #[test]
    fn fitting_shows_everything_centred() {
        let view = View { size: Size { w: 700.0, h: 500.0 }, ..View::default() };
        let world = Rect { x: 40.0, y: 40.0, w: 2000.0, h: 400.0 };
        let fitted = view.fitting(world);
        let visible = fitted.visible_in_world();
        assert!(visible.x <= world.x && visible.x + visible.w >= world.x + world.w, "{visible:?}");
        assert!(visible.y <= world.y && visible.y + visible.h >= world.y + world.h, "{visible:?}");
        let centre = fitted.screen_from_world(world.centre());
        assert!(distance(centre, p(350.0, 250.0)) < 1e-9);
        // A small platform is not blown up beyond its natural size.
        assert_eq!(view.fitting(Rect { x: 0.0, y: 0.0, w: 100.0, h: 50.0 }).zoom, 1.0);
        // Not measured yet: nothing to fit to.
        assert_eq!(View::default().fitting(world), View::default());
    }

    #[test]
    fn rectangles_snap_and_handles() {
        let r = Rect::from_corners(p(10.0, 50.0), p(-10.0, 20.0));
        assert_eq!(r, Rect { x: -10.0, y: 20.0, w: 20.0, h: 30.0 });
        assert!(r.contains(p(0.0, 30.0)) && !r.contains(p(11.0, 30.0)));
        assert!(r.intersects(&Rect { x: 10.0, y: 50.0, w: 5.0, h: 5.0 }));
        assert!(!r.intersects(&Rect { x: 10.5, y: 0.0, w: 5.0, h: 5.0 }));
        assert_eq!(snap_to_grid(p(29.0, 31.0)), p(20.0, 40.0));
        assert_eq!(output_handle(p(0.0, 0.0)), p(CARD_W, CARD_H / 2.0));
        assert_eq!(input_handle(p(0.0, 0.0)), p(0.0, CARD_H / 2.0));
        assert_eq!(
            bounds([p(0.0, 0.0), p(200.0, 100.0)]),
            Some(Rect { x: 0.0, y: 0.0, w: 200.0 + CARD_W, h: 100.0 + CARD_H })
        );
        assert_eq!(bounds([]), None);
    }

    #[test]
    fn flows_are_curves_that_can_be_hit() {
        let curve = flow_curve(p(0.0, 0.0), p(200.0, 100.0));
        assert_eq!(curve[1], p(100.0, 0.0));
        assert_eq!(curve[2], p(100.0, 100.0));
        assert!(distance_to_curve(p(0.0, 0.0), curve) < 1e-9);
        assert!(distance_to_curve(p(100.0, 50.0), curve) < 1.0, "the middle of an S-curve");
        assert!(distance_to_curve(p(100.0, 80.0), curve) > 20.0);
        // Short or backwards flows still bulge out by at least 40 px.
        assert_eq!(flow_curve(p(0.0, 0.0), p(-10.0, 0.0))[1], p(40.0, 0.0));
    }
}
