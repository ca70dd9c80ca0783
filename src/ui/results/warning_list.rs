//! The warnings of the plan: level, stable code, what is wrong and what to do in plain words,
//! and the stages concerned — each a button that selects the stage, brings it into view and
//! moves the focus to its card. Critical first, then warnings, then notes.

use super::reveal::{show_stage, Dispatcher};
use crate::editor::stage_name;
use crate::engine::Level;
use crate::model::Scenario;
use crate::ui::state::{use_plan, use_planned};
use yew::prelude::*;

fn level_name(level: Level) -> &'static str {
    match level {
        Level::Critical => "critical",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// Properties of [`WarningList`].
#[derive(Properties, PartialEq)]
pub struct WarningListProps {
    /// Selects stages.
    pub dispatcher: Option<Dispatcher>,
}

/// The list.
#[component]
pub fn WarningList(props: &WarningListProps) -> Html {
    let plan = use_plan();
    let planned = use_planned();
    let scenario: &Scenario = &planned;
    if plan.warnings.is_empty() {
        return html! { <p class="results-empty">{"No warnings: nothing the guides warn about in this plan."}</p> };
    }
    let mut warnings: Vec<_> = plan.warnings.iter().collect();
    let rank = |level: Level| match level {
        Level::Critical => 0,
        Level::Warning => 1,
        Level::Info => 2,
    };
    crate::order::sort_by(&mut warnings, |a, b| rank(a.level).cmp(&rank(b.level)));
    html! {
        <ul class="warning-list">
            { for warnings.into_iter().enumerate().map(|(i, w)| {
                let stages = w.stages.iter().map(|id| {
                    let (dispatcher, id) = (props.dispatcher.clone(), id.clone());
                    let label = stage_name(scenario, &id);
                    let onclick = Callback::from(move |_: MouseEvent| show_stage(dispatcher.as_ref(), &id, true));
                    html! {
                        <button type="button" class="stage-chip" {onclick} aria-label={format!("Show {label} on the canvas")}>
                            { label.clone() }
                        </button>
                    }
                });
                let level = level_name(w.level);
                html! {
                    <li key={i} class={classes!("warning", level)} data-code={w.code.key()}>
                        <span class="level">{ level }</span>
                        <code class="code">{ w.code.key() }</code>
                        if let Some(d) = w.disruption {
                            <span class="disruption">{ d.label() }</span>
                        }
                        <p class="message">{ w.message.clone() }</p>
                        <span class="stages">{ for stages }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
