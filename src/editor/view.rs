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

    /// Enters or leaves presentation mode, fitting the platform to the canvas at a readable zoom;
    /// the canvas changes size as the panes hide or show, and the measure that follows fits again.
    pub(super) fn present(&mut self, on: bool) -> bool {
        if self.presenting == on {
            return false;
        }
        self.presenting = on;
        self.fit(false);
        self.fitted_to_estimate = Some(self.view);
        self.announce(
            if on {
                "Presentation mode: the canvas and results have the screen; P or Esc leaves it"
            } else {
                "Presentation mode off"
            }
            .to_string(),
        );
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
            Some(world) => self.set_view(self.view.fitting_at_least(world, geometry::fit_zoom_min(self.presenting))),
            None if selection_only => false,
            None => self.set_view(self.view.centred_on(Pos::default(), 1.0)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Action;
    use super::*;
    use crate::editor::geometry::{
        bounds, card_rect, detail_zoom_min, fit_zoom_min, CARD_LABEL_IN_WORLD, PRESENTING_COMPACT_LABEL_IN_WORLD,
        READABLE_LABEL_IN_SCREEN,
    };
    use crate::editor::templates::Template;
    use crate::model::Disruption;
    use crate::results::{ResultsTab, ResultsView};

    /// The first guide's platform on a canvas of `w` × `h`, fitted.
    fn lusty_on(w: f64, h: f64) -> Editor {
        let scenario = Template::find("lusty").and_then(|t| t.scenario().ok()).expect("the template");
        let e = Editor::new(scenario);
        e.apply(Action::Resize(Size { w, h })).expect("fits")
    }

    /// The smallest label on screen: compact cards show only theirs, detailed cards theirs.
    fn label_in_screen(e: &Editor) -> f64 {
        let world = if e.view.zoom < detail_zoom_min(e.presenting) {
            if e.presenting {
                PRESENTING_COMPACT_LABEL_IN_WORLD
            } else {
                21.6 // style/main.css: 1.35rem
            }
        } else {
            CARD_LABEL_IN_WORLD
        };
        world * e.view.zoom
    }

    #[test]
    fn presenting_fits_no_smaller_than_a_readable_label_and_shows_the_start() {
        // At 1280×800 with the palette and the properties beside it, the canvas is about 710 px
        // wide: the platform fits at about a third, labels under 7 px.
        let e = lusty_on(710.0, 460.0);
        assert!(label_in_screen(&e) < 8.0, "unreadable today: {} px at {}", label_in_screen(&e), e.view.zoom);
        let shown = e.apply(Action::Present(true)).expect("presents");
        assert!(shown.presenting);
        assert!((shown.view.zoom - fit_zoom_min(true)).abs() < 1e-9, "stops at the floor: {}", shown.view.zoom);
        assert!(label_in_screen(&shown) >= READABLE_LABEL_IN_SCREEN - 1e-9, "{}", label_in_screen(&shown));
        // Wider than the canvas at that zoom: shown from its left edge, a margin in; centred
        // up and down, where it fits.
        let world = bounds(shown.scenario.stages.iter().map(|s| s.pos)).expect("stages");
        let corner = shown.view.screen_from_world(Pos { x: world.x, y: world.y });
        assert!((corner.x - geometry::FIT_MARGIN_IN_SCREEN).abs() < 1e-6, "{corner:?}");
        let middle = shown.view.screen_from_world(world.centre());
        assert!((middle.y - 230.0).abs() < 1e-6, "{middle:?}");
        // The measure that follows the panes hiding (1280×720: a slim header and the results
        // under the canvas) fits again: the whole platform, readable.
        let measured = shown.apply(Action::Resize(Size { w: 1280.0, h: 374.0 })).expect("resizes");
        assert!(label_in_screen(&measured) >= READABLE_LABEL_IN_SCREEN, "{}", label_in_screen(&measured));
        let visible = measured.view.visible_in_world();
        for s in &measured.scenario.stages {
            let card = card_rect(s.pos);
            assert!(
                visible.contains(Pos { x: card.x, y: card.y })
                    && visible.contains(Pos { x: card.x + card.w, y: card.y + card.h }),
                "{} is off screen",
                s.id
            );
        }
        // Leaving fits the whole platform again, as small as it takes.
        let back = measured.apply(Action::Present(false)).expect("leaves");
        let back = back.apply(Action::Resize(Size { w: 710.0, h: 460.0 })).expect("resizes");
        assert!(!back.presenting && (back.view.zoom - e.view.zoom).abs() < 1e-9);
        assert_eq!(back.apply(Action::Present(false)), None, "already off");
    }

    #[test]
    fn escape_leaves_presentation_mode_once_nothing_else_is_to_escape() {
        let e = lusty_on(1280.0, 600.0).apply(Action::Present(true)).expect("presents");
        let id = e.scenario.stages[0].id.clone();
        let selected = e.apply(Action::Select { id, additive: false }).expect("selects");
        let cleared = selected.apply(Action::Escape).expect("clears");
        assert!(cleared.presenting && cleared.selection.is_empty());
        let left = cleared.apply(Action::Escape).expect("leaves");
        assert!(!left.presenting);
        assert_eq!(left.apply(Action::Escape), None);
    }

    #[test]
    fn a_small_platform_is_fitted_as_before_when_presenting() {
        let mut scenario = crate::model::Scenario::default();
        scenario.stages.push(crate::model::Stage::new("raw", crate::model::StageKind::Raw));
        let e = Editor::new(scenario).apply(Action::Resize(Size { w: 1280.0, h: 600.0 })).expect("fits");
        let shown = e.apply(Action::Present(true)).expect("presents");
        assert_eq!(shown.view.zoom, 1.0, "one card stays at its natural size");
        assert!(label_in_screen(&shown) >= READABLE_LABEL_IN_SCREEN);
    }

    #[test]
    fn the_results_view_is_view_state_not_an_undo_step() {
        let e = lusty_on(1280.0, 600.0);
        let view = ResultsView { disruption: Disruption::Ransomware, tab: ResultsTab::Plots, ..ResultsView::default() };
        let shown = e.apply(Action::ShowResults(view)).expect("shows");
        assert_eq!(shown.results, view);
        assert_eq!(shown.history().undo_len(), 0);
        assert_eq!(shown.apply(Action::ShowResults(view)), None);
        // Loading another scenario keeps how the results are shown.
        let loaded = shown
            .apply(Action::Load { scenario: Box::new(crate::model::Scenario::default()), what: "x".into() })
            .expect("loads");
        assert_eq!(loaded.results, view);
    }
}
