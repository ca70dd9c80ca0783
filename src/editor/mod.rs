//! The editor's state and its pure reducer: every change the user makes to a scenario goes
//! through [`Editor::apply`].
//!
//! This module is part of the pure core: it imports no yew, web-sys or gloo, so the same
//! reducer backs the web app (wrapped in a yew `Reducible` in `ui::state`) and native tests.
//! A no-op action returns `None`, which lets the view keep the same state and skip a render.

use crate::model::Scenario;
use std::rc::Rc;

/// The longest scenario name the editor accepts, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// Everything the editor holds. Cheap to clone: the scenario is shared behind an `Rc` and only
/// copied when an action changes it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Editor {
    /// The scenario being edited.
    pub scenario: Rc<Scenario>,
}

/// A change the user asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Rename the scenario. Surrounding whitespace is dropped; an empty name or one longer than
    /// [`MAX_NAME_CHARS`] is refused and leaves the scenario unchanged.
    RenameScenario(String),
}

impl Editor {
    /// An editor on `scenario`.
    pub fn new(scenario: Scenario) -> Editor {
        Editor { scenario: Rc::new(scenario) }
    }

    /// The state after `action`, or `None` when the action changes nothing (so callers can keep
    /// the current state as is).
    pub fn apply(&self, action: Action) -> Option<Editor> {
        match action {
            Action::RenameScenario(name) => {
                let name = name.trim();
                if name.is_empty() || name.chars().count() > MAX_NAME_CHARS || name == self.scenario.name {
                    return None;
                }
                let mut scenario = (*self.scenario).clone();
                scenario.name = name.to_string();
                Some(Editor { scenario: Rc::new(scenario) })
            }
        }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rename_trims_and_changes_only_the_name() {
        let editor = Editor::default();
        let renamed = editor.apply(Action::RenameScenario("  Contoso lake  ".into()));
        let Some(renamed) = renamed else { panic!("a new name must change the state") };
        assert_eq!(renamed.scenario.name, "Contoso lake");
        let mut expected = (*editor.scenario).clone();
        expected.name = "Contoso lake".into();
        assert_eq!(*renamed.scenario, expected);
    }

    #[test]
    fn rename_refuses_blank_too_long_and_unchanged_names() {
        let editor = Editor::new(Scenario { name: "Lake".into(), ..Scenario::default() });
        assert_eq!(editor.apply(Action::RenameScenario("   ".into())), None);
        assert_eq!(editor.apply(Action::RenameScenario("x".repeat(MAX_NAME_CHARS + 1))), None);
        assert_eq!(editor.apply(Action::RenameScenario(" Lake ".into())), None);
        assert!(editor.apply(Action::RenameScenario("x".repeat(MAX_NAME_CHARS))).is_some());
    }

    #[test]
    fn title_falls_back_when_the_name_is_blank() {
        let editor = Editor::new(Scenario { name: " ".into(), ..Scenario::default() });
        assert_eq!(editor.title(), "Untitled platform");
        assert_eq!(Editor::default().title(), Scenario::default().name);
    }
}
