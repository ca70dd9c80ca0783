//! How the canvas shows the world, as the editor changes it: the wheel (pan, or zoom at the
//! pointer), fitting the platform or the selection into view, revealing a stage, and the
//! canvas's size — estimated on start, then measured — to which the view is first fitted.

use super::geometry::{self, Size, View};
use super::{Editor, ZOOM_STEP};
use crate::model::Pos;

impl Editor {
    /// The wheel turned at `pos_in_screen`: zoom around it, or pan.
    pub(super) fn wheel(&mut self, pos_in_screen: Pos, dx: f64, dy: f64, zoom: bool) -> bool {
        let view = if zoom {
            // Chrome reports a pinch as deltaY = -100 × ln(scale); a mouse notch is ±100,
            // kept to one 25 % step.
            let factor = (-dy / 100.0).exp().clamp(1.0 / ZOOM_STEP, ZOOM_STEP);
            self.view.zoomed_at(factor, pos_in_screen)
        } else {
            self.view.panned(-dx, -dy)
        };
        self.set_view(view)
    }

    /// Selects stage `id` alone and, when its card is not wholly in view, centres the view on it.
    pub(super) fn reveal(&mut self, id: &str) -> bool {
        let Some(card) = self.scenario.stage(id).map(|s| geometry::card_rect(s.pos)) else { return false };
        let selected = self.select(id, false);
        let visible = self.view.visible_in_world();
        let in_view = visible.contains(Pos { x: card.x, y: card.y })
            && visible.contains(Pos { x: card.x + card.w, y: card.y + card.h });
        let moved = !in_view && self.set_view(self.view.centred_on(card.centre(), self.view.zoom));
        selected || moved
    }

    /// The canvas was measured: keep the middle of the view, and fit if a fit is waiting.
    pub(super) fn resize(&mut self, size: Size) -> bool {
        if !(size.w.is_finite() && size.h.is_finite()) || size == self.view.size {
            // A measure that confirms an estimate changes nothing (`fitted_to_estimate`
            // stays, and only counts while the view is still the fitted one).
            return false;
        }
        let refit = self.fitted_to_estimate.take().is_some_and(|fitted| fitted == self.view);
        // Keep the middle of the view where it was.
        let centre = self.view.world_from_screen(self.view.centre_in_screen());
        let had_size = self.view.size.w > 0.0;
        self.view.size = size;
        if had_size {
            self.view = self.view.centred_on(centre, self.view.zoom);
        }
        self.fit_if_pending(refit);
        true
    }

    /// The canvas's size worked out before the page was laid out: fit the view to it, unless
    /// the canvas already has a size.
    pub(super) fn estimate_size(&mut self, size: Size) -> bool {
        let usable = size.w.is_finite() && size.h.is_finite() && size.w > 0.0 && size.h > 0.0;
        if !usable || self.view.size.w > 0.0 {
            return false;
        }
        self.view.size = size;
        self.fit_if_pending(false);
        self.fitted_to_estimate = Some(self.view);
        true
    }

    pub(super) fn set_view(&mut self, view: View) -> bool {
        if view == self.view {
            return false;
        }
        self.view = view;
        true
    }

    /// Fits the platform into the view if a fit was waiting for the canvas to have a size, or
    /// if `refit`; either way no fit waits any more.
    fn fit_if_pending(&mut self, refit: bool) {
        if std::mem::take(&mut self.fit_pending) || refit {
            self.fit(false);
        }
    }

    pub(super) fn fit(&mut self, selection_only: bool) -> bool {
        let positions =
            self.scenario.stages.iter().filter(|s| !selection_only || self.selection.contains(&s.id)).map(|s| s.pos);
        match geometry::bounds(positions) {
            Some(world) => self.set_view(self.view.fitting(world)),
            None if selection_only => false,
            None => self.set_view(self.view.centred_on(Pos::default(), 1.0)),
        }
    }
}
