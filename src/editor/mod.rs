//! The editor's state and its pure reducer: every change the user makes goes through
//! [`Editor::apply`].
//!
//! This module is part of the pure core: it imports no yew, web-sys or gloo, so the same
//! reducer backs the web app (wrapped in a yew `Reducible` in `ui::state`) and native tests.
//! A no-op action returns `None`, which lets the view keep the same state and skip a render.
//!
//! The canvas is a state machine here too: the view reports pointer presses, moves and releases
//! with their position on the screen ([`PointerInput`]) and the reducer decides what they mean
//! (select, move, connect, box-select, pan, pinch) from what is under the pointer. A whole drag
//! is one undo step: the press begins it, the release commits it.

pub mod fields;
pub mod geometry;
pub mod history;
pub mod keys;
pub mod persist;
pub mod status;
pub mod templates;

use crate::model::{Flow, Pos, Scenario, Stage, StageKind};
use fields::{Draft, FieldKey};
use geometry::{Rect, Size, View};
use history::{History, Snapshot};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The longest scenario name the editor accepts, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Zoom step of the zoom buttons and keys.
pub const ZOOM_STEP: f64 = 1.25;

/// A message for the user: announced by the `aria-live` region, and shown on the canvas when it
/// explains a refusal.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notice {
    /// Grows with every notice, so the view can tell two equal texts apart.
    pub seq: u32,
    /// The message.
    pub text: String,
    /// Whether it explains why something was refused.
    pub refusal: bool,
}

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

/// Everything the editor holds. Cheap to clone: the scenario, selection and history are shared
/// behind `Rc`s and copied only when an action changes them.
#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
    /// Ids of the selected stages.
    pub selection: Rc<BTreeSet<String>>,
    /// The selected flow (from, to), when a flow rather than stages is selected.
    pub selected_flow: Option<(String, String)>,
    /// How the world is shown on the canvas.
    pub view: View,
    /// Whether moved and added stages snap to the grid.
    pub snap: bool,
    /// The drag in progress, if any.
    pub gesture: Option<Gesture>,
    /// The last message for the user.
    pub notice: Option<Notice>,
    /// Whether the keyboard shortcuts dialog is open.
    pub help_open: bool,
    /// Whether the space bar is held (a drag on the canvas then pans).
    pub space_held: bool,
    /// Text typed into the properties panel that could not be used, with the reason.
    pub drafts: Rc<BTreeMap<FieldKey, Draft>>,
    /// The view should be fitted to the platform once the canvas has a size.
    fit_pending: bool,
    /// The view as fitted to an estimated canvas size, until the canvas is measured: a measure
    /// that finds the view unchanged fits it again.
    fitted_to_estimate: Option<View>,
    history: Rc<History>,
}

impl Default for Editor {
    fn default() -> Self {
        Editor::new(Scenario::default())
    }
}

/// A change the user asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Rename the scenario. Surrounding whitespace is dropped; an empty name or one longer than
    /// [`MAX_NAME_CHARS`] is refused and leaves the scenario unchanged.
    RenameScenario(String),
    /// Add a stage of `kind` and select it.
    AddStage {
        /// What to add.
        kind: StageKind,
        /// Where the card's centre goes, on the screen; `None` = the middle of the view.
        at_in_screen: Option<Pos>,
    },
    /// Delete the selected stages and every flow to or from them, or the selected flow.
    DeleteSelection,
    /// Remove the flow `from → to`.
    Disconnect {
        /// Upstream stage id.
        from: String,
        /// Downstream stage id.
        to: String,
    },
    /// Add the flow `from → to`, unless it is a self-loop, a duplicate or closes a cycle (then
    /// the notice says why).
    Connect {
        /// Upstream stage id.
        from: String,
        /// Downstream stage id.
        to: String,
    },
    /// Move the selected stages by whole grid steps (arrow keys).
    Nudge {
        /// Steps to the right (negative: left).
        dx: i32,
        /// Steps down (negative: up).
        dy: i32,
    },
    /// Select a stage (click, Enter, Space); `additive` toggles it in the selection instead.
    Select {
        /// The stage.
        id: String,
        /// Shift or Ctrl/⌘ was held.
        additive: bool,
    },
    /// Select every stage.
    SelectAll,
    /// Cancel the drag in progress, else close the help, else clear the selection.
    Escape,
    /// A pointer was pressed on the canvas.
    PointerDown(PointerInput),
    /// A pointer moved on the canvas.
    PointerMove(PointerInput),
    /// A pointer was released.
    PointerUp(PointerInput),
    /// The browser took the pointer away (the drag is cancelled).
    PointerCancel {
        /// The pointer.
        pointer_id: i32,
    },
    /// The wheel turned (or a trackpad pinched, which arrives as a wheel with Ctrl).
    Wheel {
        /// Where the pointer is, on the screen.
        pos_in_screen: Pos,
        /// Horizontal delta in screen pixels.
        dx: f64,
        /// Vertical delta in screen pixels.
        dy: f64,
        /// Ctrl or ⌘ was held (or it is a pinch): zoom instead of pan.
        zoom: bool,
    },
    /// Zoom in one step around the middle of the view.
    ZoomIn,
    /// Zoom out one step around the middle of the view.
    ZoomOut,
    /// Back to 100 %, around the middle of the view.
    ZoomReset,
    /// Show the whole platform.
    FitView,
    /// Show the selected stages.
    FitSelection,
    /// Put a world point in the middle of the view (the minimap).
    CentreOn(Pos),
    /// Select stage `id` alone and, when its card is not wholly in view, centre the view on it
    /// (a row of the results or a warning was clicked).
    Reveal {
        /// The stage.
        id: String,
    },
    /// The canvas was measured (on start and on resize). The first measure fits the view to the
    /// platform, or fits it again when it was fitted to an estimate ([`Action::EstimateSize`])
    /// and the user has not moved it since.
    Resize(Size),
    /// The canvas's size as worked out before the page was laid out (from the window and the
    /// page's fixed layout): the view is fitted to it at once, so the very first render draws
    /// the cards where they belong, instead of a frame without cards and another with them. The
    /// first [`Action::Resize`] corrects it. Ignored once the canvas has a size.
    EstimateSize(Size),
    /// Turn snapping to the grid on or off.
    ToggleSnap,
    /// The space bar went down or up.
    SetSpaceHeld(bool),
    /// Open or close the keyboard shortcuts dialog.
    SetHelp(bool),
    /// Take back the last change.
    Undo,
    /// Do again the last change taken back.
    Redo,
    /// Set a field of the scenario or of a stage from what the user typed. Text that cannot be
    /// used is kept as a draft with the reason ([`Editor::draft`]); the scenario is unchanged.
    Edit {
        /// Which field.
        key: FieldKey,
        /// What was typed.
        text: String,
    },
    /// Let a stage inherit the scenario's targets again.
    ResetTargets {
        /// The stage.
        stage: String,
    },
    /// Replace the whole scenario (a template, a file, a link); undoable.
    Load {
        /// The new scenario.
        scenario: Box<Scenario>,
        /// What it is, for the undo step and the announcement ("open the Lusty reference").
        what: String,
    },
}

impl Editor {
    /// An editor on `scenario` (a scenario or a shared one); the view is fitted to it once the
    /// canvas has a size.
    pub fn new(scenario: impl Into<Rc<Scenario>>) -> Editor {
        Editor {
            scenario: scenario.into(),
            selection: Rc::default(),
            selected_flow: None,
            view: View::default(),
            snap: true,
            gesture: None,
            notice: None,
            help_open: false,
            space_held: false,
            drafts: Rc::default(),
            fit_pending: true,
            fitted_to_estimate: None,
            history: Rc::default(),
        }
    }

    /// The state after `action`, or `None` when the action changes nothing (so callers can keep
    /// the current state as is).
    pub fn apply(&self, action: Action) -> Option<Editor> {
        let mut next = self.clone();
        next.step(action).then_some(next)
    }

    /// The scenario name to show: the name, or "Untitled platform" when it is blank.
    pub fn title(&self) -> &str {
        let name = self.scenario.name.trim();
        if name.is_empty() {
            "Untitled platform"
        } else {
            name
        }
    }

    /// Whether `other` is this very state: the shared parts are the same allocations and the
    /// rest is equal. Cheap (no deep comparison of scenarios or history), and exact for states
    /// that come from one another through [`Editor::apply`], which never rebuilds a part it does
    /// not change.
    pub fn is_same(&self, other: &Editor) -> bool {
        Rc::ptr_eq(&self.scenario, &other.scenario)
            && Rc::ptr_eq(&self.selection, &other.selection)
            && self.selected_flow == other.selected_flow
            && Rc::ptr_eq(&self.history, &other.history)
            && self.view == other.view
            && self.snap == other.snap
            && self.gesture == other.gesture
            && self.notice == other.notice
            && self.help_open == other.help_open
            && self.space_held == other.space_held
            && Rc::ptr_eq(&self.drafts, &other.drafts)
            && self.fit_pending == other.fit_pending
            && self.fitted_to_estimate == other.fitted_to_estimate
    }

    /// The unusable text typed into a field, with the reason, if any.
    pub fn draft(&self, key: &FieldKey) -> Option<&Draft> {
        self.drafts.get(key)
    }

    /// The one selected stage, if exactly one is selected.
    pub fn selected_stage(&self) -> Option<&Stage> {
        match self.selection.len() {
            1 => self.selection.iter().next().and_then(|id| self.scenario.stage(id)),
            _ => None,
        }
    }

    /// Whether stage `id` is selected.
    pub fn is_selected(&self, id: &str) -> bool {
        self.selection.contains(id)
    }

    /// The undo and redo stacks.
    pub fn history(&self) -> &History {
        &self.history
    }

    /// Indices of the stages in the order they are painted: selected stages last, on top (the
    /// canvas keeps its cards in the scenario's order and raises the selected ones with CSS).
    pub fn paint_order(&self) -> Vec<usize> {
        let stages = &self.scenario.stages;
        let (mut below, above): (Vec<usize>, Vec<usize>) =
            (0..stages.len()).partition(|&i| !self.selection.contains(&stages[i].id));
        below.extend(above);
        below
    }

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

    /// Why the flow `from → to` cannot be added, or `None` if it can.
    pub fn connection_refusal(&self, from: &str, to: &str) -> Option<String> {
        let scenario = &self.scenario;
        let (Some(a), Some(b)) = (scenario.stage(from), scenario.stage(to)) else {
            return Some("That stage no longer exists.".into());
        };
        let (a, b) = (a.display_name(), b.display_name());
        if from == to {
            Some(format!("{a} cannot feed itself: a flow goes from one stage to another."))
        } else if scenario.flows.iter().any(|f| f.from == from && f.to == to) {
            Some(format!("{a} already flows to {b}."))
        } else if scenario.flow_would_cycle(from, to) {
            Some(format!("{a} → {b} would close a loop: {b} already feeds {a}. Data must flow one way."))
        } else {
            None
        }
    }

    /// Applies `action` in place; returns whether anything changed.
    fn step(&mut self, action: Action) -> bool {
        match action {
            Action::RenameScenario(name) => {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || name == self.scenario.name {
                    return false;
                }
                let mut scenario = (*self.scenario).clone();
                scenario.name = name.to_string();
                self.commit(scenario, format!("rename the scenario to {name}"));
                true
            }
            Action::AddStage { kind, at_in_screen } => {
                self.add_stage(kind, at_in_screen);
                true
            }
            Action::DeleteSelection => match self.selected_flow.clone() {
                Some((from, to)) if self.selection.is_empty() => self.disconnect(&from, &to),
                _ => self.delete_selection(),
            },
            Action::Disconnect { from, to } => self.disconnect(&from, &to),
            Action::Connect { from, to } => {
                self.connect(&from, &to);
                true
            }
            Action::Nudge { dx, dy } => self.nudge(dx, dy),
            Action::Select { id, additive } => self.select(&id, additive),
            Action::SelectAll => {
                let all: BTreeSet<String> = self.scenario.stages.iter().map(|s| s.id.clone()).collect();
                if all == *self.selection {
                    return false;
                }
                self.announce(format!("Selected all {} stages", all.len()));
                self.selection = Rc::new(all);
                self.selected_flow = None;
                true
            }
            Action::Escape => self.escape(),
            Action::PointerDown(input) => self.pointer_down(input),
            Action::PointerMove(input) => self.pointer_move(input),
            Action::PointerUp(input) => self.pointer_up(input),
            Action::PointerCancel { pointer_id } => {
                if self.gesture.as_ref().is_some_and(|g| g.has_pointer(pointer_id)) {
                    self.cancel_gesture();
                    true
                } else {
                    false
                }
            }
            Action::Wheel { pos_in_screen, dx, dy, zoom } => {
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
            Action::ZoomIn => self.set_view(self.view.zoomed_at(ZOOM_STEP, self.view.centre_in_screen())),
            Action::ZoomOut => self.set_view(self.view.zoomed_at(1.0 / ZOOM_STEP, self.view.centre_in_screen())),
            Action::ZoomReset => self.set_view(self.view.zoomed_at(1.0 / self.view.zoom, self.view.centre_in_screen())),
            Action::FitView => self.fit(false),
            Action::FitSelection => self.fit(true),
            Action::CentreOn(pos_in_world) => self.set_view(self.view.centred_on(pos_in_world, self.view.zoom)),
            Action::Reveal { id } => {
                let Some(card) = self.scenario.stage(&id).map(|s| geometry::card_rect(s.pos)) else { return false };
                let selected = self.select(&id, false);
                let visible = self.view.visible_in_world();
                let in_view = visible.contains(Pos { x: card.x, y: card.y })
                    && visible.contains(Pos { x: card.x + card.w, y: card.y + card.h });
                let moved = !in_view && self.set_view(self.view.centred_on(card.centre(), self.view.zoom));
                selected || moved
            }
            Action::Resize(size) => {
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
            Action::EstimateSize(size) => {
                let usable = size.w.is_finite() && size.h.is_finite() && size.w > 0.0 && size.h > 0.0;
                if !usable || self.view.size.w > 0.0 {
                    return false;
                }
                self.view.size = size;
                self.fit_if_pending(false);
                self.fitted_to_estimate = Some(self.view);
                true
            }
            Action::ToggleSnap => {
                self.snap = !self.snap;
                self.announce(if self.snap { "Snap to grid on" } else { "Snap to grid off" }.to_string());
                true
            }
            Action::SetSpaceHeld(held) => {
                let changed = self.space_held != held;
                self.space_held = held;
                changed
            }
            Action::SetHelp(open) => {
                let changed = self.help_open != open;
                self.help_open = open;
                changed
            }
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::Edit { key, text } => self.edit(key, text),
            Action::ResetTargets { stage } => {
                let Some(i) = self.scenario.stages.iter().position(|s| s.id == stage) else { return false };
                if self.scenario.stages[i].targets.is_none() {
                    return false;
                }
                let name = self.name_of(&stage);
                let mut scenario = (*self.scenario).clone();
                scenario.stages[i].targets = None;
                self.commit(scenario, format!("use the scenario's targets for {name}"));
                self.drop_drafts(|k| k.stage.as_deref() == Some(stage.as_str()));
                self.announce(format!("{name} uses the scenario's targets"));
                true
            }
            Action::Load { scenario, what } => {
                self.gesture = None;
                self.drafts = Rc::default();
                self.commit(*scenario, what.clone());
                self.selection = Rc::default();
                self.selected_flow = None;
                // Fitted now, or as soon as the canvas has a size.
                if self.view.size.w > 0.0 {
                    self.fit(false);
                } else {
                    self.fit_pending = true;
                }
                self.announce(format!("Opened {what}"));
                true
            }
        }
    }

    /// Replaces the scenario with `scenario`, recording the current state as one undo step.
    fn commit(&mut self, scenario: Scenario, what: String) {
        self.commit_from(self.scenario.clone(), scenario, what);
    }

    /// Like [`Editor::commit`], with the undo step restoring `before` (the state before a drag).
    fn commit_from(&mut self, before: Rc<Scenario>, scenario: Scenario, what: String) {
        Rc::make_mut(&mut self.history).record(Snapshot { scenario: before, selection: self.selection.clone(), what });
        self.scenario = Rc::new(scenario);
    }

    fn announce(&mut self, text: String) {
        self.notice = Some(Notice { seq: self.notice_seq() + 1, text, refusal: false });
    }

    fn refuse(&mut self, text: String) {
        self.notice = Some(Notice { seq: self.notice_seq() + 1, text, refusal: true });
    }

    fn notice_seq(&self) -> u32 {
        self.notice.as_ref().map_or(0, |n| n.seq)
    }

    fn set_view(&mut self, view: View) -> bool {
        if view == self.view {
            return false;
        }
        self.view = view;
        true
    }

    fn name_of(&self, id: &str) -> String {
        stage_name(&self.scenario, id)
    }

    /// "Raw zone" for one stage, "3 stages" for more.
    fn names_of<'a>(&self, ids: impl IntoIterator<Item = &'a String>) -> String {
        let ids: Vec<&String> = ids.into_iter().collect();
        match ids.as_slice() {
            [one] => self.name_of(one),
            many => format!("{} stages", many.len()),
        }
    }

    fn add_stage(&mut self, kind: StageKind, at_in_screen: Option<Pos>) {
        let centre_in_screen = at_in_screen.unwrap_or_else(|| self.view.centre_in_screen());
        let centre_in_world = self.view.world_from_screen(centre_in_screen);
        let mut pos =
            Pos { x: centre_in_world.x - geometry::CARD_W / 2.0, y: centre_in_world.y - geometry::CARD_H / 2.0 };
        if self.snap {
            pos = geometry::snap_to_grid(pos);
        }
        // Enter pressed twice must not hide one card exactly under the other.
        while self.scenario.stages.iter().any(|s| s.pos == pos) {
            pos = Pos { x: pos.x + geometry::GRID, y: pos.y + geometry::GRID };
        }
        let id = fresh_id(&self.scenario, kind);
        let mut stage = Stage::new(id.clone(), kind);
        stage.label = fresh_label(&self.scenario, kind);
        stage.pos = pos;
        let label = stage.label.clone();
        let mut scenario = (*self.scenario).clone();
        scenario.stages.push(stage);
        self.commit(scenario, format!("add {label}"));
        self.selection = Rc::new(BTreeSet::from([id]));
        self.selected_flow = None;
        self.announce(format!("Added {label}"));
    }

    fn edit(&mut self, key: FieldKey, text: String) -> bool {
        let index = match &key.stage {
            Some(id) => match self.scenario.stages.iter().position(|s| s.id == *id) {
                Some(i) => Some(i),
                None => return false,
            },
            None => None,
        };
        let mut scenario = (*self.scenario).clone();
        match fields::set_field(&mut scenario, index, &key.field, &text) {
            Ok(changed) => {
                let had_draft = self.drafts.contains_key(&key);
                if had_draft {
                    Rc::make_mut(&mut self.drafts).remove(&key);
                }
                if changed {
                    let shown = fields::field_text(&scenario, index.and_then(|i| scenario.stages.get(i)), &key.field);
                    let whose = match &key.stage {
                        Some(id) => format!("of {}", self.name_of(id)),
                        None => "of the scenario".to_string(),
                    };
                    let shown = if shown.is_empty() { "nothing".to_string() } else { shown };
                    self.commit(scenario, format!("set {} {whose} to {shown}", key.field.label()));
                }
                changed || had_draft
            }
            Err(message) => {
                let draft = Draft { text, message };
                if self.drafts.get(&key) == Some(&draft) {
                    return false;
                }
                Rc::make_mut(&mut self.drafts).insert(key, draft);
                true
            }
        }
    }

    /// Forgets the drafts whose key matches.
    fn drop_drafts(&mut self, matches: impl Fn(&FieldKey) -> bool) {
        if self.drafts.keys().any(&matches) {
            Rc::make_mut(&mut self.drafts).retain(|k, _| !matches(k));
        }
    }

    fn delete_selection(&mut self) -> bool {
        let doomed: BTreeSet<String> =
            self.scenario.stages.iter().filter(|s| self.selection.contains(&s.id)).map(|s| s.id.clone()).collect();
        if doomed.is_empty() {
            return false;
        }
        let what = self.names_of(&doomed);
        let mut scenario = (*self.scenario).clone();
        scenario.stages.retain(|s| !doomed.contains(&s.id));
        let flows_before = scenario.flows.len();
        scenario.flows.retain(|f| !doomed.contains(&f.from) && !doomed.contains(&f.to));
        let flows = flows_before - scenario.flows.len();
        self.commit(scenario, format!("delete {what}"));
        self.selection = Rc::default();
        self.drop_drafts(|k| k.stage.as_ref().is_some_and(|id| doomed.contains(id)));
        let flows = match flows {
            0 => String::new(),
            1 => " and 1 flow".to_string(),
            n => format!(" and {n} flows"),
        };
        self.announce(format!("Deleted {what}{flows}"));
        true
    }

    fn disconnect(&mut self, from: &str, to: &str) -> bool {
        let Some(i) = self.scenario.flows.iter().position(|f| f.from == from && f.to == to) else { return false };
        let (a, b) = (self.name_of(from), self.name_of(to));
        let mut scenario = (*self.scenario).clone();
        scenario.flows.remove(i);
        self.commit(scenario, format!("remove the flow {a} → {b}"));
        self.selected_flow = None;
        self.announce(format!("Removed the flow {a} → {b}"));
        true
    }

    fn connect(&mut self, from: &str, to: &str) {
        if let Some(reason) = self.connection_refusal(from, to) {
            self.refuse(format!("Not connected: {reason}"));
            return;
        }
        let (a, b) = (self.name_of(from), self.name_of(to));
        let mut scenario = (*self.scenario).clone();
        scenario.flows.push(Flow { from: from.to_string(), to: to.to_string() });
        self.commit(scenario, format!("connect {a} to {b}"));
        self.announce(format!("Connected {a} → {b}"));
    }

    fn nudge(&mut self, dx: i32, dy: i32) -> bool {
        if self.selection.is_empty() || (dx == 0 && dy == 0) {
            return false;
        }
        let (dx, dy) = (f64::from(dx) * geometry::GRID, f64::from(dy) * geometry::GRID);
        let mut scenario = (*self.scenario).clone();
        let mut moved = Vec::new();
        for stage in scenario.stages.iter_mut().filter(|s| self.selection.contains(&s.id)) {
            let mut pos = Pos { x: stage.pos.x + dx, y: stage.pos.y + dy };
            if self.snap {
                pos = geometry::snap_to_grid(pos);
            }
            stage.pos = pos;
            moved.push(stage.id.clone());
        }
        let what = self.names_of(&moved);
        let place = match moved.as_slice() {
            [one] => scenario.stage(one).map(|s| format!(" to {}, {}", s.pos.x, s.pos.y)).unwrap_or_default(),
            _ => String::new(),
        };
        self.commit(scenario, format!("move {what}"));
        self.announce(format!("Moved {what}{place}"));
        true
    }

    fn select(&mut self, id: &str, additive: bool) -> bool {
        if self.scenario.stage(id).is_none() {
            return false;
        }
        let mut selection = (*self.selection).clone();
        let name = self.name_of(id);
        if additive {
            if !selection.remove(id) {
                selection.insert(id.to_string());
                self.announce(format!("Added {name} to the selection"));
            } else {
                self.announce(format!("Removed {name} from the selection"));
            }
        } else {
            if selection.len() == 1 && selection.contains(id) {
                return false;
            }
            selection = BTreeSet::from([id.to_string()]);
            self.announce(format!("Selected {name}"));
        }
        self.selection = Rc::new(selection);
        self.selected_flow = None;
        true
    }

    fn escape(&mut self) -> bool {
        if self.gesture.is_some() {
            self.cancel_gesture();
        } else if self.help_open {
            self.help_open = false;
        } else if self.selected_flow.is_some() {
            self.selected_flow = None;
        } else if !self.selection.is_empty() {
            self.selection = Rc::default();
            self.announce("Selection cleared".into());
        } else {
            return false;
        }
        true
    }

    /// Ends the gesture, putting moved stages back where they were.
    fn cancel_gesture(&mut self) {
        if let Some(Gesture::Moving { before, moved: true, .. }) = self.gesture.take() {
            self.scenario = before;
        }
    }

    fn pointer_down(&mut self, input: PointerInput) -> bool {
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

    fn pointer_move(&mut self, input: PointerInput) -> bool {
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

    fn pointer_up(&mut self, input: PointerInput) -> bool {
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

    /// Fits the platform into the view if a fit was waiting for the canvas to have a size, or
    /// if `refit`; either way no fit waits any more.
    fn fit_if_pending(&mut self, refit: bool) {
        if std::mem::take(&mut self.fit_pending) || refit {
            self.fit(false);
        }
    }

    fn fit(&mut self, selection_only: bool) -> bool {
        let positions =
            self.scenario.stages.iter().filter(|s| !selection_only || self.selection.contains(&s.id)).map(|s| s.pos);
        match geometry::bounds(positions) {
            Some(world) => self.set_view(self.view.fitting(world)),
            None if selection_only => false,
            None => self.set_view(self.view.centred_on(Pos::default(), 1.0)),
        }
    }

    fn travel(&mut self, back: bool) -> bool {
        let current =
            Snapshot { scenario: self.scenario.clone(), selection: self.selection.clone(), what: String::new() };
        let history = Rc::make_mut(&mut self.history);
        let restored = if back { history.undo(current) } else { history.redo(current) };
        let Some(snapshot) = restored else { return false };
        self.gesture = None;
        self.selected_flow = None;
        // Drafts were typed against the state being left.
        self.drafts = Rc::default();
        self.scenario = snapshot.scenario;
        // Only stages that exist can stay selected.
        let selection: BTreeSet<String> =
            snapshot.selection.iter().filter(|id| self.scenario.stage(id).is_some()).cloned().collect();
        self.selection = Rc::new(selection);
        let verb = if back { "Undid" } else { "Redid" };
        self.announce(format!("{verb}: {}", snapshot.what));
        true
    }
}

/// The name of stage `id` as the user knows it (its label, else its id), or the id itself if
/// there is no such stage.
pub fn stage_name(scenario: &Scenario, id: &str) -> String {
    scenario.stage(id).map_or_else(|| id.to_string(), |s| s.display_name().to_string())
}

/// A stage id not yet used in `scenario`: the kind's key, then `key_2`, `key_3`, …
fn fresh_id(scenario: &Scenario, kind: StageKind) -> String {
    let base = kind.key();
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base}_{n}") })
        .find(|id| scenario.stage(id).is_none())
        .unwrap_or_else(|| base.to_string())
}

/// A label not yet used in `scenario`: the kind's name, then "Raw zone 2", "Raw zone 3", …
fn fresh_label(scenario: &Scenario, kind: StageKind) -> String {
    let base = kind.label();
    (1..)
        .map(|n| if n == 1 { base.to_string() } else { format!("{base} {n}") })
        .find(|label| !scenario.stages.iter().any(|s| s.label == *label))
        .unwrap_or_else(|| base.to_string())
}

#[cfg(test)]
mod tests;
