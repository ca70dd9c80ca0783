//! The scenario's properties, shown when nothing is selected: name, region pair, time span,
//! currency, expected incidents (one rate, or one per disruption type), whether preview features
//! may be chosen, default targets, the default recent-data target and price-book overrides.

use super::check_field::CheckField;
use super::field::{OnEdit, TextField};
use super::overrides::Overrides;
use crate::editor::fields::{field_text, Draft, Field, FieldKey};
use crate::model::{Disruption, Scenario};
use crate::ui::state::Shared;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Properties of [`ScenarioProperties`].
#[derive(Properties, PartialEq)]
pub struct ScenarioPropertiesProps {
    /// The scenario.
    pub scenario: Shared<Scenario>,
    /// Unusable text typed into fields.
    pub drafts: Shared<BTreeMap<FieldKey, Draft>>,
    /// Sends an edit.
    pub on_edit: OnEdit,
}

/// The panel for the whole scenario.
#[component]
pub fn ScenarioProperties(props: &ScenarioPropertiesProps) -> Html {
    let scenario = &props.scenario;
    let input = |field: Field, label: &str, hint: &str| {
        let key = FieldKey { stage: None, field };
        html! {
            <TextField field={key.clone()} label={label.to_string()} value={field_text(scenario, None, &key.field)}
                draft={props.drafts.get(&key).cloned()} hint={hint.to_string()} on_edit={props.on_edit.clone()} />
        }
    };
    html! {
        <div class="props-scenario">
            { input(Field::Name, "Name", "") }
            <div class="field-row">
                { input(Field::Primary, "Primary region", "") }
                { input(Field::Secondary, "Secondary region", "") }
            </div>
            <div class="field-row">
                { input(Field::Span, "Time span", "costs compared over") }
                { input(Field::Currency, "Currency", "e.g. USD, EUR") }
            </div>
            { input(Field::DisastersPerYear, "Disasters per year", "0.2 = one every 5 years; every type unless set below") }
            <div class="field-row">
                { for Disruption::ALL.into_iter().map(|d| {
                    let key = FieldKey { stage: None, field: Field::Incidents(d) };
                    html! {
                        <TextField key={d.key()} field={key.clone()} label={incidents_label(d)}
                            value={field_text(scenario, None, &key.field)} draft={props.drafts.get(&key).cloned()}
                            placeholder={field_text(scenario, None, &Field::DisastersPerYear)}
                            hint="empty = disasters per year" on_edit={props.on_edit.clone()} />
                    }
                }) }
            </div>
            { input(Field::DetectionDelay, "Corruption found after",
                "days a corruption goes unnoticed: clean copies must be older; empty = found at once") }
            <CheckField field={FieldKey { stage: None, field: Field::AllowPreview }} label="Allow preview features"
                checked={scenario.allow_preview} on_edit={props.on_edit.clone()}
                hint="features in public preview (e.g. ADLS Gen2 vaulted backup) may be chosen; off by default" />
            <fieldset class="targets-fields">
                <legend>{"Default recovery targets"}</legend>
                { for Disruption::ALL.into_iter().map(|d| html! {
                    <div class="field-row" key={d.key()}>
                        { input(Field::Rpo(d), &format!("{} RPO", d.label()), "15m, 4h, 2d") }
                        { input(Field::Rto(d), &format!("{} RTO", d.label()), "15m, 4h, 2d") }
                    </div>
                }) }
            </fieldset>
            <fieldset class="targets-fields recent-fields">
                <legend>{"Default recent-data target"}</legend>
                { input(Field::RecentDays, "Newest days",
                    "restored first and judged on their own; empty = no recent-data target") }
                if scenario.recent.is_some() {
                    { for Disruption::ALL.into_iter().map(|d| html! {
                        <div class="field-row" key={d.key()}>
                            { input(Field::RecentRpo(d), &format!("{} recent RPO", d.label()), "15m, 4h, 2d") }
                            { input(Field::RecentRto(d), &format!("{} recent RTO", d.label()), "15m, 4h, 2d") }
                        </div>
                    }) }
                }
            </fieldset>
            <Overrides scenario={scenario.clone()} drafts={props.drafts.clone()} on_edit={props.on_edit.clone()} />
        </div>
    }
}

/// The label of a disruption type's incident rate: "Corruptions per year".
fn incidents_label(d: Disruption) -> &'static str {
    d.pick("Corruptions per year", "Region outages per year", "Ransomware attacks per year")
}
