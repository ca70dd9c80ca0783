//! The warnings of the plan: level, stable code, what is wrong and what to do in plain words,
//! and the stages concerned — each a button that selects the stage, brings it into view and
//! moves the focus to its card. Critical first, then warnings, then notes. A warning the plan
//! knows a one-step fix for (`Plan::fixes`: the same code and stage) has a button that applies
//! it through the editor, one undo step, saying what it does and what it adds a month.

use super::reveal::{show_stage, Dispatcher};
use crate::editor::{stage_name, Action};
use crate::engine::{Fix, Level, Warning};
use crate::model::Scenario;
use crate::text::Cents;
use crate::ui::state::{use_plan, use_planned};
use yew::prelude::*;

/// A warning level's name, for classes and words: critical, warning, note.
pub fn level_name(level: Level) -> &'static str {
    match level {
        Level::Critical => "critical",
        Level::Warning => "warning",
        Level::Info => "note",
    }
}

/// Properties of [`WarningList`].
#[derive(Properties, PartialEq)]
pub struct WarningListProps {
    /// Selects stages, and applies fixes.
    pub dispatcher: Option<Dispatcher>,
}

/// The button that applies `fix`: "Apply: Keep its ransomware copies in … (+USD 48.80/month)".
fn fix_button(fix: &Fix, currency: &str, dispatcher: Option<&Dispatcher>) -> Html {
    let onclick = {
        let (dispatcher, fix) = (dispatcher.cloned(), fix.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(d) = &dispatcher {
                d.dispatch(Action::ApplyFix(fix.clone()));
            }
        })
    };
    html! {
        <button type="button" class="apply-fix" data-vault={fix.vault.to_string()} {onclick}>
            { format!("Apply: {} (+{currency} {}/month)", fix.label, Cents(fix.monthly)) }
        </button>
    }
}

/// The fixes the plan offers for `warning`: the same code, for one of its stages.
fn fixes_for<'a>(fixes: &'a [Fix], warning: &'a Warning) -> impl Iterator<Item = &'a Fix> + 'a {
    fixes.iter().filter(move |f| f.code == warning.code && warning.stages.contains(&f.stage))
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
                let fixes = fixes_for(&plan.fixes, w).map(|f| fix_button(f, &plan.currency, props.dispatcher.as_ref()));
                let level = level_name(w.level);
                html! {
                    <li key={i} class={classes!("warning", level)} data-code={w.code.key()}>
                        <span class="level">{ level }</span>
                        <code class="code">{ w.code.key() }</code>
                        if let Some(d) = w.disruption {
                            <span class="disruption">{ d.label() }</span>
                        }
                        <p class="message">{ w.message.clone() }</p>
                        <span class="stages">{ for stages }{ for fixes }</span>
                    </li>
                }
            }) }
        </ul>
    }
}
