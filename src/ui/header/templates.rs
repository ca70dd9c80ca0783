//! The header's "Start from" list: an empty platform or one of the guides' reference
//! platforms. Opening one replaces the scenario in one undoable step.

use crate::editor::templates::{Template, TEMPLATES};
use crate::editor::Action;
use crate::ui::state::use_editor;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// The list box.
#[component]
pub fn Templates() -> Html {
    let editor = use_editor();
    let onchange = Callback::from(move |e: Event| {
        let select: HtmlSelectElement = e.target_unchecked_into();
        let chosen = Template::find(&select.value());
        select.set_value("");
        let (Some(handle), Some(template)) = (editor.as_ref(), chosen) else { return };
        match template.scenario() {
            Ok(scenario) => {
                handle.dispatch(Action::Load { scenario: Box::new(scenario), what: template.label.to_string() })
            }
            Err(e) => web_sys::console::error_1(&format!("template {}: {e}", template.key).into()),
        }
    });
    html! {
        <label class="templates">
            <span class="scenario-caption">{"Start from"}</span>
            <select {onchange} aria-label="Start from a template">
                <option value="" selected=true>{"Choose…"}</option>
                { for TEMPLATES.iter().map(|t| html! { <option value={t.key}>{ t.label }</option> }) }
            </select>
        </label>
    }
}
