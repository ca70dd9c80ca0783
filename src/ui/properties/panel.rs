//! The properties panel: the selected stage's properties, or the scenario's when nothing is
//! selected. Every edit goes through the editor and the plan follows at once.

use super::field::OnEdit;
use super::scenario::ScenarioProperties;
use super::stage::StageProperties;
use crate::editor::Action;
use crate::ui::state::{use_editor, Shared};
use yew::prelude::*;

/// The top of the right-hand pane.
#[component]
pub fn Properties() -> Html {
    let editor = use_editor();
    let Some(handle) = editor else { return html! {} };
    let ed = &handle.editor;
    let on_edit: OnEdit = {
        let handle = handle.clone();
        Callback::from(move |(key, text)| {
            let action = Action::Edit { key, text };
            let changed = handle.editor.apply(action.clone()).is_some();
            handle.dispatch(action);
            changed
        })
    };
    let on_reset_targets = {
        let handle = handle.clone();
        Callback::from(move |stage: String| handle.dispatch(Action::ResetTargets { stage }))
    };
    let on_disconnect = {
        let handle = handle.clone();
        Callback::from(move |(from, to): (String, String)| handle.dispatch(Action::Disconnect { from, to }))
    };
    let on_connect = {
        let handle = handle.clone();
        Callback::from(move |(from, to): (String, String)| handle.dispatch(Action::Connect { from, to }))
    };
    let scenario = Shared(ed.scenario.clone());
    let drafts = Shared(ed.drafts.clone());
    let (title, body) = match (ed.selection.len(), ed.selected_stage()) {
        (_, Some(stage)) => (
            format!("Stage: {}", stage.display_name()),
            html! { <StageProperties {scenario} stage={stage.id.clone()} {drafts} {on_edit} {on_reset_targets} {on_disconnect} {on_connect} /> },
        ),
        (0, None) => ("Scenario".to_string(), html! { <ScenarioProperties {scenario} {drafts} {on_edit} /> }),
        (n, None) => (
            format!("{n} stages selected"),
            html! {
                <p class="props-many">{"Drag them together, nudge them with the arrow keys, or press Delete to remove them and their flows. Select one stage to edit it."}</p>
            },
        ),
    };
    html! {
        <section class="properties" aria-labelledby="properties-title">
            <h2 class="pane-title" id="properties-title">{ title }</h2>
            { body }
        </section>
    }
}
