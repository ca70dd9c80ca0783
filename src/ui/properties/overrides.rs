//! The scenario's price-book overrides: each overridden figure with its unit, default and
//! source, and a list to override another. A scenario without overrides starts with the
//! section closed, and its list of some 60 figures is drawn only once the section is opened:
//! closed, it was a twelfth of the page's elements at every start.

use super::field::{OnEdit, TextField};
use crate::catalogue::PRICE_BOOK;
use crate::editor::fields::{field_text, Draft, Field, FieldKey};
use crate::model::Scenario;
use crate::ui::state::Shared;
use std::collections::BTreeMap;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`Overrides`].
#[derive(Properties, PartialEq)]
pub struct OverridesProps {
    /// The scenario.
    pub scenario: Shared<Scenario>,
    /// Unusable text typed into fields.
    pub drafts: Shared<BTreeMap<FieldKey, Draft>>,
    /// Sends an edit (an empty value removes the override).
    pub on_edit: OnEdit,
}

/// The overrides section of the scenario panel.
#[component]
pub fn Overrides(props: &OverridesProps) -> Html {
    let scenario = &props.scenario;
    // Opened by the user (the section opens by itself when there are overrides).
    let opened = use_state_eq(|| false);
    let ontoggle = {
        let opened = opened.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            opened.set(details.has_attribute("open"));
        })
    };
    let open = !scenario.overrides.is_empty();
    let key = |k: &str| FieldKey { stage: None, field: Field::Override(k.to_string()) };
    let add = {
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let chosen = select.value();
            if let Some(entry) = PRICE_BOOK.iter().find(|p| p.key == chosen) {
                on_edit.emit((FieldKey { stage: None, field: Field::Override(chosen) }, entry.value.to_string()));
            }
            select.set_value("");
        })
    };
    let rows = PRICE_BOOK.iter().filter(|e| scenario.overrides.contains_key(e.key)).map(|e| {
        let k = key(e.key);
        let remove = {
            let on_edit = props.on_edit.clone();
            let k = k.clone();
            Callback::from(move |_: MouseEvent| {
                on_edit.emit((k.clone(), String::new()));
            })
        };
        let hint = format!("default {} · {} ({})", e.value, e.source.title, e.source.as_of);
        html! {
            <div class="override" key={e.key}>
                <TextField field={k.clone()} label={format!("{} ({})", e.label, e.unit)}
                    value={field_text(scenario, None, &k.field)} draft={props.drafts.get(&k).cloned()}
                    {hint} on_edit={props.on_edit.clone()} />
                <button type="button" class="link-button" onclick={remove} aria-label={format!("Remove the override of {}", e.label)}>
                    {"Remove"}
                </button>
            </div>
        }
    });
    html! {
        <details class="overrides" {open} {ontoggle}>
            <summary>{ format!("Price-book overrides ({})", scenario.overrides.len()) }</summary>
            if open || *opened {
                <div class="override-list">{ for rows }</div>
                <div class="field">
                    <label for="override-add">{"Override a figure"}</label>
                    <select id="override-add" onchange={add}>
                        <option value="" selected=true>{"Choose a price-book figure…"}</option>
                        { for PRICE_BOOK.iter().filter(|e| !scenario.overrides.contains_key(e.key)).map(|e| html! {
                            <option value={e.key}>{ format!("{} ({})", e.label, e.unit) }</option>
                        }) }
                    </select>
                </div>
            }
        </details>
    }
}
