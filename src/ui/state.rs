//! The root state: the pure [`Editor`] wrapped in a yew `Reducible`, shared through context.

use crate::editor::{Action, Editor};
use std::rc::Rc;
use yew::prelude::*;

/// The state held by the one `use_reducer` at the root of the app.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AppState {
    /// The editor, whose reducer decides every change.
    pub editor: Editor,
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
