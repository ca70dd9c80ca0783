//! How the results point at a stage: the table's rows and the warnings' stage buttons select it
//! on the canvas and bring it into view, through the stable [`Dispatcher`] the drawer hands them.

use crate::editor::Action;
use crate::ui::dom;
use crate::ui::state::AppState;
use yew::prelude::*;

/// What the results dispatch actions with: stable, so passing it down redraws nothing.
pub type Dispatcher = UseReducerDispatcher<AppState>;

/// Selects stage `id` on the canvas and brings it into view; `focus` also moves the keyboard
/// focus to its card (from the warnings, so the user can go on with the keyboard).
pub fn show_stage(dispatcher: Option<&Dispatcher>, id: &str, focus: bool) {
    let Some(dispatcher) = dispatcher else { return };
    dispatcher.dispatch(Action::Reveal { id: id.to_string() });
    if focus {
        dom::focus_stage_card(id);
    }
}
