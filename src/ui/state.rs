//! The root state: the pure [`Editor`] wrapped in a yew `Reducible`, shared through context,
//! and the plan derived from it.

use crate::editor::{Action, Editor};
use crate::engine::Plan;
use crate::model::Scenario;
use std::ops::Deref;
use std::rc::Rc;
use yew::prelude::*;

/// The state held by the one `use_reducer` at the root of the app.
#[derive(Debug, Clone, Default)]
pub struct AppState {
    /// The editor, whose reducer decides every change.
    pub editor: Editor,
}

/// Compared the cheap way ([`Editor::is_same`]): yew compares the state on every context
/// check, and a deep comparison would walk the scenario and a hundred undo snapshots.
impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.editor.is_same(&other.editor)
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Delegates to [`Editor::apply`]; a no-op returns the same `Rc` so yew skips the render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.editor.apply(action) {
            Some(editor) => Rc::new(AppState { editor }),
            None => self,
        }
    }
}

/// The handle components read the state from and dispatch actions to.
pub type EditorHandle = UseReducerHandle<AppState>;

/// The editor handle from context. Components below [`crate::ui::App`] always find it; outside
/// the app (a component rendered alone) they get a handle-less default view instead of a panic.
#[hook]
pub fn use_editor() -> Option<EditorHandle> {
    use_context::<EditorHandle>()
}

/// A shared value compared by identity: props and context holding one re-render only when it
/// was replaced, without comparing large values (a plan, a scenario) field by field.
#[derive(Debug, Default)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The plan of the current scenario, from context (an empty plan outside the app).
#[hook]
pub fn use_plan() -> Shared<Plan> {
    use_context::<Shared<Plan>>().unwrap_or_default()
}

/// The scenario the current plan was computed from: it changes only when the plan does, not
/// while cards are dragged, so views of the plan that name stages need not redraw on every frame.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Planned(pub Shared<Scenario>);

/// The scenario as last planned, from context (an empty scenario outside the app).
#[hook]
pub fn use_planned() -> Shared<Scenario> {
    use_context::<Planned>().map(|p| p.0).unwrap_or_default()
}
