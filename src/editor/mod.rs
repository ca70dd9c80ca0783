//! The editor's state and its pure reducer: every change the user makes goes through
//! [`Editor::apply`].
//!
//! This module is part of the pure core: it imports no yew, web-sys or gloo, so the same
//! reducer backs the web app (wrapped in a yew `Reducible` in `ui::state`) and native tests.
//! A no-op action returns `None`, which lets the view keep the same state and skip a render.
//!
//! Here: the state ([`Editor`]), the dispatch of each [`Action`], the selection, undo and redo.
//! Beside it: `action` (the [`Action`]s), `edits` (changes to the scenario), `gesture` (the
//! canvas's pointer state machine: press, move and release decide select, move, connect,
//! box-select, pan and pinch) and `view` (pan, zoom, fit and the canvas's size).

mod action;
mod edits;
pub mod fields;
pub mod geometry;
mod gesture;
pub mod history;
pub mod keys;
pub mod persist;
mod recent;
pub mod status;
pub mod templates;
mod variants;
pub mod vault;
mod view;

pub use action::Action;
pub use gesture::{Gesture, Hit, PointerInput};

use crate::model::{Scenario, Stage};
use crate::results::ResultsView;
use fields::{Draft, FieldKey};
use geometry::View;
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
    /// Whether the comparison of two variants is open.
    pub comparing: bool,
    /// Whether the space bar is held (a drag on the canvas then pans).
    pub space_held: bool,
    /// Text typed into the properties panel that could not be used, with the reason.
    pub drafts: Rc<BTreeMap<FieldKey, Draft>>,
    /// How the results are shown: view state, kept in the autosave and links, never undone.
    pub results: ResultsView,
    /// Presentation mode: the canvas and the results have the whole screen, and fitting stops
    /// at a zoom where card labels stay readable from a chair (`geometry::readable_zoom`).
    pub presenting: bool,
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
            comparing: false,
            space_held: false,
            drafts: Rc::default(),
            results: ResultsView::default(),
            presenting: false,
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
        // Destructured, so that a new member of the editor cannot be left out of the comparison.
        let Editor {
            scenario,
            selection,
            selected_flow,
            view,
            snap,
            gesture,
            notice,
            help_open,
            comparing,
            space_held,
            drafts,
            results,
            presenting,
            fit_pending,
            fitted_to_estimate,
            history,
        } = self;
        Rc::ptr_eq(scenario, &other.scenario)
            && Rc::ptr_eq(selection, &other.selection)
            && *selected_flow == other.selected_flow
            && Rc::ptr_eq(history, &other.history)
            && *view == other.view
            && *snap == other.snap
            && *gesture == other.gesture
            && *notice == other.notice
            && *help_open == other.help_open
            && *comparing == other.comparing
            && *space_held == other.space_held
            && Rc::ptr_eq(drafts, &other.drafts)
            && *results == other.results
            && *presenting == other.presenting
            && *fit_pending == other.fit_pending
            && *fitted_to_estimate == other.fitted_to_estimate
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

    /// Applies `action` in place; returns whether anything changed.
    fn step(&mut self, action: Action) -> bool {
        match action {
            Action::RenameScenario(name) => self.rename_scenario(&name),
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
            Action::SelectAll => self.select_all(),
            Action::Escape => self.escape(),
            Action::PointerDown(input) => self.pointer_down(input),
            Action::PointerMove(input) => self.pointer_move(input),
            Action::PointerUp(input) => self.pointer_up(input),
            Action::PointerCancel { pointer_id } => self.pointer_cancel(pointer_id),
            Action::Wheel { pos_in_screen, dx, dy, zoom } => self.wheel(pos_in_screen, dx, dy, zoom),
            Action::ZoomIn => self.set_view(self.view.zoomed_at(ZOOM_STEP, self.view.centre_in_screen())),
            Action::ZoomOut => self.set_view(self.view.zoomed_at(1.0 / ZOOM_STEP, self.view.centre_in_screen())),
            Action::ZoomReset => self.set_view(self.view.zoomed_at(1.0 / self.view.zoom, self.view.centre_in_screen())),
            Action::FitView => self.fit(false),
            Action::FitSelection => self.fit(true),
            Action::CentreOn(pos_in_world) => self.set_view(self.view.centred_on(pos_in_world, self.view.zoom)),
            Action::Reveal { id } => self.reveal(&id),
            Action::Resize(size) => self.resize(size),
            Action::EstimateSize(size) => self.estimate_size(size),
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
            Action::SetCompare(open) => {
                let changed = self.comparing != open;
                self.comparing = open;
                changed
            }
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::Edit { key, text } => self.edit(key, text),
            Action::ApplyFix(fix) => self.apply_fix(&fix),
            Action::ResetTargets { stage } => self.reset_targets(&stage),
            Action::Load { scenario, what } => self.load(*scenario, what),
            Action::SaveVariant(name) => self.save_variant(&name),
            Action::SwitchVariant(index) => self.switch_variant(index),
            Action::RenameVariant { index, name } => self.rename_variant(index, &name),
            Action::DeleteVariant(index) => self.delete_variant(index),
            Action::ShowResults(view) => {
                let changed = self.results != view;
                self.results = view;
                changed
            }
            Action::Present(on) => self.present(on),
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

    fn select_all(&mut self) -> bool {
        let all: BTreeSet<String> = self.scenario.stages.iter().map(|s| s.id.clone()).collect();
        if all == *self.selection {
            return false;
        }
        self.announce(format!("Selected all {} stages", all.len()));
        self.selection = Rc::new(all);
        self.selected_flow = None;
        true
    }

    fn escape(&mut self) -> bool {
        if self.gesture.is_some() {
            self.cancel_gesture();
        } else if self.help_open {
            self.help_open = false;
        } else if self.comparing {
            self.comparing = false;
        } else if self.selected_flow.is_some() {
            self.selected_flow = None;
        } else if !self.selection.is_empty() {
            self.selection = Rc::default();
            self.announce("Selection cleared".into());
        } else if self.presenting {
            return self.present(false);
        } else {
            return false;
        }
        true
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

#[cfg(test)]
mod tests;
