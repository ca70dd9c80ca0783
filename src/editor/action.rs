//! [`Action`]: every change the user can ask of the editor, as [`Editor::apply`] takes it. The
//! view sends them — clicks, keys, pointer events on the canvas, text typed into the properties
//! panel — and the reducer decides what each one means.
//!
//! [`Editor::apply`]: super::Editor::apply

use super::fields::FieldKey;
use super::geometry::Size;
use super::PointerInput;
use crate::engine::Fix;
use crate::model::{Pos, Scenario, StageKind};
use crate::results::ResultsView;

/// A change the user asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Rename the scenario. Surrounding whitespace is dropped; an empty name or one longer than
    /// [`MAX_NAME_CHARS`](super::MAX_NAME_CHARS) is refused and leaves the scenario unchanged.
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
    /// Cancel the drag in progress, else close the help, else close the comparison, else clear
    /// the selection, else leave
    /// presentation mode.
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
    /// used is kept as a draft with the reason ([`Editor::draft`](super::Editor::draft)); the
    /// scenario is unchanged.
    Edit {
        /// Which field.
        key: FieldKey,
        /// What was typed.
        text: String,
    },
    /// Apply a one-step fix the plan offers beside a warning (`Plan::fixes`): keep the stage's
    /// ransomware copies in the fix's vault (its `vault` field), one undo step. Refused with the
    /// reason when the vault does not take the stage's copies (a plan of another scenario).
    ApplyFix(Fix),
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
    /// Save the scenario as the variant called this (a new one, or over the one of that name).
    /// A blank, too long or (when new) thirteenth name is refused with a notice.
    SaveVariant(String),
    /// Make variant `index` the working copy, keeping every variant (undoable).
    SwitchVariant(usize),
    /// Rename variant `index`; a blank, too long or taken name is refused with a notice.
    RenameVariant {
        /// Which variant.
        index: usize,
        /// Its new name.
        name: String,
    },
    /// Delete variant `index` (undoable); the working copy stays as it is.
    DeleteVariant(usize),
    /// Open (`true`) or close the comparison of two variants.
    SetCompare(bool),
    /// Show the results this way (the disruption type, tab, sort, folded): view state, not an
    /// undo step.
    ShowResults(ResultsView),
    /// Enter (`true`) or leave presentation mode; entering fits the platform at a readable zoom.
    Present(bool),
}
