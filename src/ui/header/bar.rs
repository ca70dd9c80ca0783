//! The header: the product name, the templates to start from, the scenario name, which can be
//! edited in place, the presentation mode button and the sharing controls (copy link, File menu).

use super::templates::Templates;
use super::variants::Variants;
use crate::editor::{Action, MAX_NAME_CHARS};
use crate::ui::share::ShareMenu;
use crate::ui::state::use_editor;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The top bar of the app.
#[component]
pub fn Header() -> Html {
    let editor = use_editor();
    let title = editor.as_ref().map(|h| h.editor.title().to_string()).unwrap_or_default();
    let onchange = {
        let editor = editor.clone();
        Callback::from(move |e: Event| {
            let Some(handle) = editor.as_ref() else { return };
            let input: HtmlInputElement = e.target_unchecked_into();
            let action = Action::RenameScenario(input.value());
            if handle.editor.apply(action.clone()).is_none() {
                // Refused (blank or too long) or unchanged: show the current name again.
                input.set_value(handle.editor.title());
            }
            handle.dispatch(action);
        })
    };
    let presenting = editor.as_ref().is_some_and(|h| h.editor.presenting);
    let present = {
        let editor = editor.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(h) = editor.as_ref() {
                h.dispatch(Action::Present(!h.editor.presenting));
            }
        })
    };
    html! {
        <header class="keel-header">
            <span class="keel-brand">
                <span class="keel-mark" aria-hidden="true">{"⚓"}</span>
                {"Keel"}
            </span>
            <span class="keel-tagline">{"Backup & disaster-recovery planner"}</span>
            <Templates />
            <label class="scenario-name">
                <span class="scenario-caption">{"Scenario"}</span>
                <input
                    type="text"
                    value={title}
                    maxlength={MAX_NAME_CHARS.to_string()}
                    aria-label="Scenario name"
                    spellcheck="false"
                    {onchange}
                />
            </label>
            <Variants />
            <button type="button" class="present-button" aria-pressed={if presenting { "true" } else { "false" }}
                title={if presenting { "Leave presentation mode (P or Esc)" } else { "Give the canvas and results the whole screen, readable in a room (P)" }}
                onclick={present}>
                { if presenting { "Leave presentation" } else { "Present" } }
            </button>
            <ShareMenu />
        </header>
    }
}
