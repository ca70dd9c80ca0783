//! The SLA tab of the results: the statement to give the platform's users — for the disruption
//! type shown, or every one — built by [`crate::format::sla_statement`] from the plan, with a
//! **Copy** button (the Markdown to the clipboard; where the browser refuses, the Markdown in a
//! field, selected, for Ctrl+C, as a refused link is) and a **Download .md** button. Messages
//! about both go on the sharing shelf.

use crate::editor::persist::{file_name, statement_copied_message};
use crate::format::{miss_runs, sla_basis, sla_markdown, sla_statement, SlaStatement, SLA_INTRO};
use crate::model::Disruption;
use crate::ui::share::{copy, save, tell, use_shelf};
use crate::ui::state::{use_plan, use_planned};
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// `text` with each missed target it says marked.
fn marked(text: &str) -> Html {
    miss_runs(text)
        .into_iter()
        .map(|(run, missed)| {
            if missed {
                html! { <span class="sla-miss">{ run }</span> }
            } else {
                html! { { run } }
            }
        })
        .collect()
}

/// Properties of [`SlaPanel`].
#[derive(Properties, PartialEq)]
pub struct SlaPanelProps {
    /// The disruption type shown.
    pub disruption: Disruption,
}

/// The statement, what it rests on, and its buttons.
#[component]
pub fn SlaPanel(props: &SlaPanelProps) -> Html {
    let plan = use_plan();
    let scenario = use_planned();
    let shelf = use_shelf();
    let all = use_state_eq(|| false);
    // The Markdown the browser would not copy, shown selected for the user to copy.
    let by_hand = use_state_eq(|| None::<Rc<str>>);
    let field = use_node_ref();
    let statement = use_memo((plan.clone(), scenario.clone()), |(plan, scenario)| sla_statement(scenario, plan));
    let shown: Rc<SlaStatement> = if *all { statement.clone() } else { Rc::new(statement.only(props.disruption)) };

    // What was put in the field is about what was shown then: a change of view or plan clears it.
    {
        let by_hand = by_hand.clone();
        use_effect_with((statement.clone(), props.disruption, *all), move |_| by_hand.set(None));
    }
    {
        let field = field.clone();
        use_effect_with((*by_hand).clone(), move |text| {
            if let (Some(_), Some(area)) = (text, field.cast::<HtmlTextAreaElement>()) {
                let _ = area.focus();
                area.select();
                // Selecting scrolls to the end: show the statement from its title.
                area.set_scroll_top(0);
            }
        });
    }

    let toggle_all = {
        let all = all.clone();
        Callback::from(move |_: Event| all.set(!*all))
    };
    let on_copy = {
        let (shown, shelf, by_hand) = (shown.clone(), shelf.clone(), by_hand.clone());
        Callback::from(move |_: MouseEvent| {
            let text: Rc<str> = sla_markdown(&shown).into();
            let (shelf, by_hand) = (shelf.clone(), by_hand.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let copied = copy(&text).await;
                by_hand.set((!copied).then_some(text));
                tell(shelf.as_ref(), statement_copied_message(!copied));
            });
        })
    };
    let on_download = {
        let (shown, shelf, scenario) = (shown.clone(), shelf.clone(), scenario.clone());
        Callback::from(move |_: MouseEvent| {
            let name = file_name(&scenario, "-sla.md");
            save(shelf.as_ref(), &name, "text/markdown", &sla_markdown(&shown), "the SLA statement");
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        let area: HtmlTextAreaElement = e.target_unchecked_into();
        area.select();
    });

    if plan.stages.is_empty() {
        return html! { <p class="results-empty">{"The SLA statement appears once the platform has stages."}</p> };
    }
    let sections = shown.sections.iter().map(|section| {
        let key = section.disruption.key();
        let levels = section.levels.iter().map(|level| {
            let met = level.met();
            html! {
                <li key={level.stage.clone()} class={classes!("sla-level", if met { "met" } else { "missed" })}
                    data-stage={level.stage.clone()}>
                    <strong class="sla-stage">{ level.name.clone() }</strong>{ ": " }{ marked(&level.body()) }
                </li>
            }
        });
        html! {
            <section key={key} class="sla-section" data-disruption={key}>
                <h4 class="sla-heading">{ section.heading() }</h4>
                if let Some(note) = section.triage_note() {
                    <p class="sla-triage">{ note }</p>
                }
                <p class="sla-overall">{ marked(&section.overall()) }</p>
                <ul class="sla-levels">{ for levels }</ul>
            </section>
        }
    });
    html! {
        <div class="sla">
            <div class="sla-actions">
                <label class="sla-all">
                    <input type="checkbox" checked={*all} onchange={toggle_all} />
                    { "Every disruption type" }
                </label>
                <button type="button" class="sla-copy" onclick={on_copy}
                    title="Copy the statement as Markdown, to paste into an e-mail, a wiki or a status page">
                    { "Copy" }
                </button>
                <button type="button" class="sla-download" onclick={on_download}
                    title={file_name(&scenario, "-sla.md")}>
                    { "Download .md" }
                </button>
            </div>
            if let Some(text) = (*by_hand).clone() {
                <textarea class="sla-copy-field" readonly=true rows="6" value={text.to_string()} ref={field}
                    aria-label="SLA statement to copy" spellcheck="false" onfocus={select_all} />
            }
            <article class="sla-statement" aria-label="SLA statement">
                <h3 class="sla-title">{ format!("Service levels: {}", shown.platform) }</h3>
                <p class="sla-intro">{ SLA_INTRO }</p>
                // The sections change in number (one or every disruption type): keyed, in their own element.
                <div class="sla-sections">{ for sections }</div>
                <p class="sla-basis">{ sla_basis() }</p>
            </article>
        </div>
    }
}
