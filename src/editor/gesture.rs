//! The canvas's pointer state machine. The view reports presses, moves and releases with their
//! position on the screen ([`PointerInput`]); the editor decides from what is under the pointer
//! ([`Hit`]) which drag they begin ([`Gesture`]) — move the selected stages, draw a flow from an
//! output handle, draw a selection box, pan, or pinch with two fingers — and what the release
//! does. A whole drag is one undo step: the press begins it, the release commits it.

use super::geometry::{self, Rect};
use super::Editor;
use crate::model::{Pos, Scenario};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// A pointer press, move or release on the canvas.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct PointerInput {
    /// The pointer's id (mouse, pen or one finger).
    pub pointer_id: i32,
    /// Where, in screen coordinates (CSS pixels from the canvas's top-left corner).
    pub pos_in_screen: Pos,
    /// Which button: 0 main, 1 middle (pans), 2 secondary.
    pub button: i16,
    /// Shift is held: adds to the selection, or draws a selection box on the background.
    pub shift: bool,
    /// Ctrl or ⌘ is held: adds to the selection.
    pub ctrl: bool,
}

/// What is under a point of the canvas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hit {
    /// The empty background.
    Background,
    /// A stage's card.
    Stage(String),
    /// A stage's output handle, where connections start.
    Output(String),
    /// A flow's curve.
    Flow {
        /// Upstream stage id.
        from: String,
        /// Downstream stage id.
        to: String,
    },
}

/// A drag in progress on the canvas.
#[derive(Debug, Clone, PartialEq)]
pub enum Gesture {
    /// Stages follow the pointer.
    Moving {
        /// The pointer dragging.
        pointer_id: i32,
        /// Where the press was, on the screen.
        start_in_screen: Pos,
        /// Where the press was, in the world.
        start_in_world: Pos,
        /// Position of the card that was grabbed, before the drag: snapping aligns this one.
        grab_origin: Pos,
        /// Every moving stage's position before the drag.
        origins: Rc<BTreeMap<String, Pos>>,
        /// The scenario before the drag, for the single undo step.
        before: Rc<Scenario>,
        /// Whether the pointer has gone past the drag threshold.
        moved: bool,
    },
    /// A flow is being drawn from an output handle.
    Connecting {
        /// The pointer drawing.
        pointer_id: i32,
        /// The upstream stage.
        from: String,
        /// The pointer, in the world.
        pointer_in_world: Pos,
        /// The stage whose input the flow would end at, if the pointer is near one.
        target: Option<String>,
        /// Why a flow to `target` would be refused, if it would.
        refusal: Option<String>,
    },
    /// A selection box is being drawn.
    BoxSelecting {
        /// The pointer drawing.
        pointer_id: i32,
        /// The corner where the drag started.
        start_in_world: Pos,
        /// The opposite corner.
        current_in_world: Pos,
        /// The selection before the box (the box adds to it).
        base: Rc<BTreeSet<String>>,
    },
    /// The view follows the pointer.
    Panning {
        /// The pointer dragging.
        pointer_id: i32,
        /// Where it was at the last move.
        last_in_screen: Pos,
        /// Whether it has gone past the drag threshold (a click on the background clears the
        /// selection; a drag does not).
        moved: bool,
        /// Where the press was.
        start_in_screen: Pos,
    },
    /// Two fingers zoom and pan.
    Pinching {
        /// One pointer and where it is.
        a: (i32, Pos),
        /// The other pointer and where it is.
        b: (i32, Pos),
    },
}

impl Gesture {
    /// Whether `pointer_id` takes part in this gesture.
    pub fn has_pointer(&self, id: i32) -> bool {
        match self {
            Gesture::Moving { pointer_id, .. }
            | Gesture::Connecting { pointer_id, .. }
            | Gesture::BoxSelecting { pointer_id, .. }
            | Gesture::Panning { pointer_id, .. } => *pointer_id == id,
            Gesture::Pinching { a, b } => a.0 == id || b.0 == id,
        }
    }
}

impl Editor {
    /// What is under `pos_in_screen`: handles first, then cards from the top down, then flows.
    pub fn hit(&self, pos_in_screen: Pos) -> Hit {
        let pos_in_world = self.view.world_from_screen(pos_in_screen);
        let handle_radius = geometry::HANDLE_RADIUS_IN_SCREEN / self.view.zoom;
        let order = self.paint_order();
        for &i in order.iter().rev() {
            let stage = &self.scenario.stages[i];
            if geometry::distance(geometry::output_handle(stage.pos), pos_in_world) <= handle_radius {
                return Hit::Output(stage.id.clone());
            }
            if geometry::card_rect(stage.pos).contains(pos_in_world) {
                return Hit::Stage(stage.id.clone());
            }
        }
        let scenario = &self.scenario;
        let near = geometry::FLOW_HIT_IN_SCREEN / self.view.zoom;
        scenario
            .flows
            .iter()
            .filter_map(|f| {
                let (a, b) = (scenario.stage(&f.from)?, scenario.stage(&f.to)?);
                let curve = geometry::flow_curve(geometry::output_handle(a.pos), geometry::input_handle(b.pos));
                Some((geometry::distance_to_curve(pos_in_world, curve), f))
            })
            .filter(|(d, _)| *d <= near)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(Hit::Background, |(_, f)| Hit::Flow { from: f.from.clone(), to: f.to.clone() })
    }

    pub(super) fn pointer_down(&mut self, input: PointerInput) -> bool {
        let pos_in_world = self.view.world_from_screen(input.pos_in_screen);
        // A second finger on the background turns a pan into a pinch.
        if let Some(Gesture::Panning { pointer_id, last_in_screen, .. }) = &self.gesture {
            if *pointer_id != input.pointer_id {
                self.gesture = Some(Gesture::Pinching {
                    a: (*pointer_id, *last_in_screen),
                    b: (input.pointer_id, input.pos_in_screen),
                });
                return true;
            }
        }
        if self.gesture.is_some() {
            return false;
        }
        let pan = |input: PointerInput| Gesture::Panning {
            pointer_id: input.pointer_id,
            last_in_screen: input.pos_in_screen,
            moved: false,
            start_in_screen: input.pos_in_screen,
        };
        if self.space_held || input.button == 1 {
            self.gesture = Some(pan(input));
            return true;
        }
        if input.button != 0 {
            return false;
        }
        match self.hit(input.pos_in_screen) {
            Hit::Output(from) => {
                self.gesture = Some(Gesture::Connecting {
                    pointer_id: input.pointer_id,
                    from,
                    pointer_in_world: pos_in_world,
                    target: None,
                    refusal: None,
                });
            }
            Hit::Stage(id) => {
                if input.shift || input.ctrl {
                    self.select(&id, true);
                    if !self.selection.contains(&id) {
                        return true; // toggled off: nothing to drag
                    }
                } else if !self.selection.contains(&id) {
                    self.select(&id, false);
                }
                let origins: BTreeMap<String, Pos> = self
                    .scenario
                    .stages
                    .iter()
                    .filter(|s| self.selection.contains(&s.id))
                    .map(|s| (s.id.clone(), s.pos))
                    .collect();
                let grab_origin = origins.get(&id).copied().unwrap_or_default();
                self.gesture = Some(Gesture::Moving {
                    pointer_id: input.pointer_id,
                    start_in_screen: input.pos_in_screen,
                    start_in_world: pos_in_world,
                    grab_origin,
                    origins: Rc::new(origins),
                    before: self.scenario.clone(),
                    moved: false,
                });
            }
            Hit::Flow { from, to } => {
                self.selection = Rc::default();
                let (a, b) = (self.name_of(&from), self.name_of(&to));
                self.announce(format!("Selected the flow {a} → {b}; Delete removes it"));
                self.selected_flow = Some((from, to));
                return true;
            }
            Hit::Background if input.shift => {
                self.gesture = Some(Gesture::BoxSelecting {
                    pointer_id: input.pointer_id,
                    start_in_world: pos_in_world,
                    current_in_world: pos_in_world,
                    base: self.selection.clone(),
                });
            }
            Hit::Background => self.gesture = Some(pan(input)),
        }
        true
    }

    pub(super) fn pointer_move(&mut self, input: PointerInput) -> bool {
        let Some(gesture) = self.gesture.as_mut() else { return false };
        if !gesture.has_pointer(input.pointer_id) {
            return false;
        }
        let pos_in_world = self.view.world_from_screen(input.pos_in_screen);
        match gesture {
            Gesture::Moving { start_in_screen, start_in_world, grab_origin, origins, moved, .. } => {
                if !*moved
                    && geometry::distance(*start_in_screen, input.pos_in_screen) < geometry::DRAG_THRESHOLD_IN_SCREEN
                {
                    return false;
                }
                *moved = true;
                let mut grab = Pos {
                    x: grab_origin.x + pos_in_world.x - start_in_world.x,
                    y: grab_origin.y + pos_in_world.y - start_in_world.y,
                };
                if self.snap {
                    grab = geometry::snap_to_grid(grab);
                }
                let (dx, dy) = (grab.x - grab_origin.x, grab.y - grab_origin.y);
                let origins = origins.clone();
                let mut scenario = (*self.scenario).clone();
                let mut changed = false;
                for stage in scenario.stages.iter_mut() {
                    if let Some(origin) = origins.get(&stage.id) {
                        let pos = Pos { x: origin.x + dx, y: origin.y + dy };
                        changed |= pos != stage.pos;
                        stage.pos = pos;
                    }
                }
                if changed {
                    self.scenario = Rc::new(scenario);
                }
                // Crossing the threshold changes the state even if snapping keeps the cards put.
                true
            }
            Gesture::Connecting { from, .. } => {
                let from = from.clone();
                let new_target = self.connection_target(pos_in_world);
                let new_refusal = new_target.as_ref().and_then(|to| self.connection_refusal(&from, to));
                if let Some(Gesture::Connecting { pointer_in_world, target, refusal, .. }) = self.gesture.as_mut() {
                    *pointer_in_world = pos_in_world;
                    *target = new_target;
                    *refusal = new_refusal;
                }
                true
            }
            Gesture::BoxSelecting { start_in_world, current_in_world, base, .. } => {
                *current_in_world = pos_in_world;
                let rect = Rect::from_corners(*start_in_world, pos_in_world);
                let mut selection = (**base).clone();
                selection.extend(
                    self.scenario
                        .stages
                        .iter()
                        .filter(|s| {
                            let card = geometry::card_rect(s.pos);
                            rect.contains(Pos { x: card.x, y: card.y })
                                && rect.contains(Pos { x: card.x + card.w, y: card.y + card.h })
                        })
                        .map(|s| s.id.clone()),
                );
                if selection != *self.selection {
                    self.selection = Rc::new(selection);
                    self.selected_flow = None;
                }
                true
            }
            Gesture::Panning { last_in_screen, moved, start_in_screen, .. } => {
                let (dx, dy) = (input.pos_in_screen.x - last_in_screen.x, input.pos_in_screen.y - last_in_screen.y);
                *last_in_screen = input.pos_in_screen;
                if geometry::distance(*start_in_screen, input.pos_in_screen) >= geometry::DRAG_THRESHOLD_IN_SCREEN {
                    *moved = true;
                }
                self.view = self.view.panned(dx, dy);
                true
            }
            Gesture::Pinching { a, b } => {
                let (old_a, old_b) = (a.1, b.1);
                if a.0 == input.pointer_id {
                    a.1 = input.pos_in_screen;
                } else {
                    b.1 = input.pos_in_screen;
                }
                let (new_a, new_b) = (a.1, b.1);
                let old_mid = Pos { x: (old_a.x + old_b.x) / 2.0, y: (old_a.y + old_b.y) / 2.0 };
                let new_mid = Pos { x: (new_a.x + new_b.x) / 2.0, y: (new_a.y + new_b.y) / 2.0 };
                let old_d = geometry::distance(old_a, old_b);
                let factor = if old_d > 1.0 { geometry::distance(new_a, new_b) / old_d } else { 1.0 };
                self.view = self.view.zoomed_at(factor, old_mid).panned(new_mid.x - old_mid.x, new_mid.y - old_mid.y);
                true
            }
        }
    }

    /// The stage a flow dragged to `pos_in_world` would end at: the nearest input handle within
    /// snapping distance, else the card under the pointer.
    fn connection_target(&self, pos_in_world: Pos) -> Option<String> {
        let radius = geometry::CONNECT_SNAP_IN_SCREEN / self.view.zoom;
        let nearest = self
            .scenario
            .stages
            .iter()
            .map(|s| (geometry::distance(geometry::input_handle(s.pos), pos_in_world), s))
            .filter(|(d, _)| *d <= radius)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, s)| s.id.clone());
        nearest.or_else(|| match self.hit(self.view.screen_from_world(pos_in_world)) {
            Hit::Stage(id) | Hit::Output(id) => Some(id),
            Hit::Flow { .. } | Hit::Background => None,
        })
    }

    pub(super) fn pointer_up(&mut self, input: PointerInput) -> bool {
        if !self.gesture.as_ref().is_some_and(|g| g.has_pointer(input.pointer_id)) {
            return false;
        }
        match self.gesture.take() {
            Some(Gesture::Moving { before, moved: true, origins, .. }) if *before != *self.scenario => {
                let what = self.names_of(origins.keys());
                let after = (*self.scenario).clone();
                self.commit_from(before, after, format!("move {what}"));
                self.announce(format!("Moved {what}"));
            }
            Some(Gesture::Connecting { from, target: Some(to), .. }) => self.connect(&from, &to),
            Some(Gesture::Panning { moved: false, .. }) => {
                self.selection = Rc::default();
                self.selected_flow = None;
            }
            Some(Gesture::BoxSelecting { .. }) => {
                let n = self.selection.len();
                self.announce(format!("{n} {} selected", if n == 1 { "stage" } else { "stages" }));
            }
            _ => {}
        }
        true
    }

    /// The browser took pointer `pointer_id` away: the drag it was making is cancelled.
    pub(super) fn pointer_cancel(&mut self, pointer_id: i32) -> bool {
        if self.gesture.as_ref().is_some_and(|g| g.has_pointer(pointer_id)) {
            self.cancel_gesture();
            true
        } else {
            false
        }
    }

    /// Ends the gesture, putting moved stages back where they were.
    pub(super) fn cancel_gesture(&mut self) {
        if let Some(Gesture::Moving { before, moved: true, .. }) = self.gesture.take() {
            self.scenario = before;
        }
    }
}
