//! The results pane: what the plan will show, and the targets it will be checked against.

use super::state::use_editor;
use crate::duration::format_minutes;
use crate::model::{Disruption, Scenario};
use yew::prelude::*;

/// The right pane. Until stages exist it says what will appear and shows the default targets.
#[component]
pub fn Results() -> Html {
    let editor = use_editor();
    let default = Scenario::default();
    let scenario: &Scenario = editor.as_ref().map(|h| h.editor.scenario.as_ref()).unwrap_or(&default);
    html! {
        <aside class="pane results" aria-label="Results">
            <h2 class="pane-title">{"Results"}</h2>
            <p class="results-intro">{"Once the platform has stages, this pane shows for each stage:"}</p>
            <ul class="results-list">
                <li>{"the backup and disaster-recovery strategy the guides recommend;"}</li>
                <li>{"the recovery point and time it achieves against your targets;"}</li>
                <li>{ format!("its cost over {} months, in {}.", scenario.span_months, scenario.currency) }</li>
            </ul>
            <h3>{"Default targets"}</h3>
            <table class="targets">
                <thead>
                    <tr><th scope="col">{"Disruption"}</th><th scope="col">{"RPO"}</th><th scope="col">{"RTO"}</th></tr>
                </thead>
                <tbody>
                    { for Disruption::ALL.into_iter().map(|d| {
                        let t = scenario.targets.get(d);
                        html! {
                            <tr key={d.key()}>
                                <th scope="row">{ d.label() }</th>
                                <td>{ format_minutes(t.rpo_minutes) }</td>
                                <td>{ format_minutes(t.rto_minutes) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </aside>
    }
}
