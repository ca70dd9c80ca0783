//! The properties of one stage: what it is, what runs it, its data, how it is loaded and how
//! often new data arrives, how late a corruption is found, its recovery targets for each
//! disruption type, the vault its ransomware copies are kept in, and its recent-data target (the
//! newest days, with their own RPO and RTO).

use super::check_field::CheckField;
use super::choice_field::ChoiceField;
use super::field::{OnEdit, TextField};
use crate::catalogue::Service;
use crate::editor::fields::{field_text, Draft, Field, FieldKey, REFRESH_PRESETS};
use crate::editor::{stage_name, vault};
use crate::model::{Disruption, Scenario, Stage, StageKind};
use crate::ui::icons::kind_icon;
use crate::ui::state::Shared;
use std::collections::BTreeMap;
use yew::prelude::*;

/// Properties of [`StageProperties`].
#[derive(Properties, PartialEq)]
pub struct StagePropertiesProps {
    /// The scenario.
    pub scenario: Shared<Scenario>,
    /// The stage shown.
    pub stage: AttrValue,
    /// Unusable text typed into fields.
    pub drafts: Shared<BTreeMap<FieldKey, Draft>>,
    /// Sends an edit.
    pub on_edit: OnEdit,
    /// Lets the stage inherit the scenario's targets again.
    pub on_reset_targets: Callback<String>,
    /// Removes a flow (from, to).
    pub on_disconnect: Callback<(String, String)>,
    /// Adds a flow (from, to); the editor refuses self-loops, duplicates and cycles with a reason.
    pub on_connect: Callback<(String, String)>,
}

/// The panel for the selected stage.
#[component]
pub fn StageProperties(props: &StagePropertiesProps) -> Html {
    let scenario = &props.scenario;
    let Some(stage) = scenario.stage(&props.stage) else { return html! {} };
    let key = |field: Field| FieldKey { stage: Some(stage.id.clone()), field };
    let text = |field: &Field| AttrValue::from(field_text(scenario, Some(stage), field));
    let on_edit = props.on_edit.clone();
    let input = |field: Field, label: &str, placeholder: &str, hint: &str| {
        html! {
            <TextField field={key(field.clone())} label={label.to_string()} value={text(&field)}
                draft={props.drafts.get(&key(field.clone())).cloned()} placeholder={placeholder.to_string()}
                hint={hint.to_string()} on_edit={on_edit.clone()} />
        }
    };
    let check = |field: Field, label: &str, checked: bool, hint: &str| {
        html! {
            <CheckField field={key(field)} label={label.to_string()} {checked} hint={hint.to_string()}
                on_edit={on_edit.clone()} />
        }
    };
    let delay_default = match scenario.detection_delay_days {
        None | Some(0) => "at once (the scenario's)".to_string(),
        Some(_) => format!("{} (the scenario's)", field_text(scenario, None, &Field::DetectionDelay)),
    };
    let kinds: Vec<(AttrValue, AttrValue)> =
        StageKind::ALL.iter().map(|k| (AttrValue::from(k.key()), AttrValue::from(k.label()))).collect();
    let mut services: Vec<(AttrValue, AttrValue)> =
        vec![("".into(), format!("Default: {}", Service::default_for(stage.kind).name).into())];
    services.extend(Service::fitting(stage.kind).map(|s| {
        let name = match s.retired {
            Some(_) if !s.name.contains("retired") => format!("{} (retired)", s.name),
            _ => s.name.to_string(),
        };
        (AttrValue::from(s.id), AttrValue::from(name))
    }));
    let loads: Vec<(AttrValue, AttrValue)> = vec![
        ("partitioned_incremental".into(), "Partitioned, incremental".into()),
        ("daily_full".into(), "Full reload every day".into()),
    ];
    let own = stage.targets.is_some();
    let reset = {
        let id = stage.id.clone();
        props.on_reset_targets.reform(move |_: MouseEvent| id.clone())
    };
    html! {
        <div class="props-stage">
            <p class="props-kind">{ kind_icon(stage.kind) }<span>{ format!("{} · id {}", stage.kind.label(), stage.id) }</span></p>
            <ChoiceField field={key(Field::Kind)} label="Kind" value={text(&Field::Kind)} options={kinds}
                on_edit={on_edit.clone()} />
            { input(Field::Label, "Label", "", "") }
            <ChoiceField field={key(Field::Service)} label="Service" value={text(&Field::Service)} options={services}
                on_edit={on_edit.clone()} />
            <div class="field-row">
                { input(Field::Volume, "Volume", "0 GB", "e.g. 500 GB, 2 TB") }
                { input(Field::DailyChange, "Daily change", "0 GB", "added or changed per day") }
            </div>
            { check(Field::Automated, "Automated processing", stage.automated, "No person edits the data on its way in") }
            { check(Field::ModifiedInPlace, "Modified in place", stage.modified_in_place, "Processing overwrites files instead of writing new ones") }
            { check(Field::Recreatable, "Recreatable from source", stage.recreatable, "The data can be rebuilt by reprocessing what feeds it") }
            { input(Field::SourceRetention, "Source keeps the data for", "forever", "e.g. 90 days, 1y; empty = forever") }
            <ChoiceField field={key(Field::Load)} label="Load pattern" value={text(&Field::Load)} options={loads}
                on_edit={on_edit.clone()} />
            { input(Field::HotWindow, "Hot window", "restore all at once", "recent days restored first") }
            if !stage.kind.is_code() {
                <TextField field={key(Field::Refresh)} label="New data arrives every" value={text(&Field::Refresh)}
                    draft={props.drafts.get(&key(Field::Refresh)).cloned()} placeholder="streaming or not known"
                    hint="e.g. 15m, 1h, 1d, 7d; its RPO can be no tighter" presets={&REFRESH_PRESETS[..]}
                    on_edit={on_edit.clone()} />
            }
            if stage.kind == StageKind::SystemOfRecord {
                { input(Field::ReadLimit, "Read at most", "no limit",
                    "per hour, when the platform re-ingests or catches up from it; e.g. 200 GB/h") }
            }
            if stage.kind.holds_data() && stage.kind != StageKind::SystemOfRecord {
                { input(Field::DetectionDelay, "Corruption found after", &delay_default,
                    "days a corruption goes unnoticed; 0 = at once") }
            }
            <fieldset class="targets-fields">
                <legend>{"Recovery targets"}</legend>
                <p class="targets-source">
                    if own {
                        {"This stage's own targets. "}
                        <button type="button" class="link-button" onclick={reset}>{"Use the scenario's"}</button>
                    } else {
                        {"From the scenario; change one to give this stage its own."}
                    }
                </p>
                { for Disruption::ALL.into_iter().map(|d| html! {
                    <div class="field-row" key={d.key()}>
                        { input(Field::Rpo(d), &format!("{} RPO", d.label()), "", "15m, 4h, 2d") }
                        { input(Field::Rto(d), &format!("{} RTO", d.label()), "", "15m, 4h, 2d") }
                    </div>
                }) }
            </fieldset>
            { vault_field(stage, key(Field::Vault), text(&Field::Vault), on_edit.clone()) }
            if stage.kind != StageKind::SystemOfRecord {
                { check(Field::CustomerManagedKeys, "Backups use customer-managed keys", stage.customer_managed_keys, "Encrypted with your keys, in a key vault with purge protection") }
                { check(Field::SeparateBackupAdmins, "Backups administered separately", stage.separate_backup_admins, "Identities apart from the platform's: another tenant, or multi-user authorisation") }
            }
            if stage.kind.serves_recent_data() {
                { recent_fields(scenario, stage, &input) }
            }
            { flows(scenario, &stage.id, &props.on_disconnect, &props.on_connect) }
        </div>
    }
}

/// Where the stage's ransomware copies are kept: the cheapest vault (none chosen) or one of the
/// vaults that take its copies; a vault chosen that does not take them (from a file) is listed
/// as such. Nothing for a stage no vault takes copies of.
fn vault_field(stage: &Stage, key: FieldKey, value: AttrValue, on_edit: OnEdit) -> Html {
    let mut options: Vec<(AttrValue, AttrValue)> =
        vault::choices(stage).map(|v| (AttrValue::from(v.id), AttrValue::from(v.name))).collect();
    if options.is_empty() && stage.vault.is_none() {
        return Html::default();
    }
    if let Some(id) = stage.vault.as_deref().filter(|id| !options.iter().any(|(v, _)| v == id)) {
        let name = crate::catalogue::Vault::find(id).map_or(id, |v| v.name);
        options.push((AttrValue::from(id.to_string()), AttrValue::from(format!("{name} (does not take its copies)"))));
    }
    options.insert(0, ("".into(), "Cheapest".into()));
    html! {
        <ChoiceField field={key} label="Ransomware copies in" {value} {options} {on_edit}
            hint="kept where the platform's credentials cannot destroy them; Cheapest = the cheapest vault that meets the targets" />
    }
}

/// The stage's recent-data target: the newest days (the scenario's as the placeholder) and,
/// once a target applies, its RPO and RTO per disruption type.
fn recent_fields(scenario: &Scenario, stage: &Stage, input: &dyn Fn(Field, &str, &str, &str) -> Html) -> Html {
    let inherited = match scenario.recent {
        Some(r) => format!("{} (the scenario's)", crate::text::plural(u64::from(r.days), "day", "days")),
        None => "none".to_string(),
    };
    html! {
        <fieldset class="targets-fields recent-fields">
            <legend>{"Recent-data target"}</legend>
            { input(Field::RecentDays, "Newest days", &inherited,
                "e.g. 7 or 1m: back first within their own RPO and RTO; empty = the scenario's") }
            if stage.recent.or(scenario.recent).is_some() {
                { for Disruption::ALL.into_iter().map(|d| html! {
                    <div class="field-row" key={d.key()}>
                        { input(Field::RecentRpo(d), &format!("{} recent RPO", d.label()), "", "15m, 4h, 2d") }
                        { input(Field::RecentRto(d), &format!("{} recent RTO", d.label()), "", "15m, 4h, 2d") }
                    </div>
                }) }
            }
        </fieldset>
    }
}

/// The stage's flows, each with a button to remove it, and a list to add one: the keyboard's
/// way to connect stages (the mouse drags between handles).
fn flows(
    scenario: &Scenario,
    id: &str,
    on_disconnect: &Callback<(String, String)>,
    on_connect: &Callback<(String, String)>,
) -> Html {
    let name = |id: &str| stage_name(scenario, id);
    let items = scenario.flows.iter().filter(|f| f.from == id || f.to == id).map(|f| {
        let words = if f.to == id { format!("Reads from {}", name(&f.from)) } else { format!("Feeds {}", name(&f.to)) };
        let remove = {
            let pair = (f.from.clone(), f.to.clone());
            on_disconnect.reform(move |_: MouseEvent| pair.clone())
        };
        html! {
            <li key={format!("{}>{}", f.from, f.to)}>
                <span>{ words }</span>
                <button type="button" class="link-button" onclick={remove}
                    aria-label={format!("Remove the flow {} → {}", name(&f.from), name(&f.to))}>{"Remove"}</button>
            </li>
        }
    });
    let feeds: Vec<&str> = scenario.flows.iter().filter(|f| f.from == id).map(|f| f.to.as_str()).collect();
    let targets = scenario.stages.iter().filter(|s| s.id != id && !feeds.contains(&s.id.as_str()));
    let add = {
        let (from, on_connect) = (id.to_string(), on_connect.clone());
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let to = select.value();
            select.set_value("");
            if !to.is_empty() {
                on_connect.emit((from.clone(), to));
            }
        })
    };
    html! {
        <section class="props-flows" aria-label="Flows">
            <h3>{"Flows"}</h3>
            <ul>{ for items }</ul>
            <label class="field">
                <span class="field-label">{"Add a flow: feeds…"}</span>
                <select onchange={add} aria-label={format!("Add a flow from {} to", name(id))}>
                    <option value="" selected=true>{"Choose a stage"}</option>
                    { for targets.map(|s| html! {
                        <option key={s.id.clone()} value={s.id.clone()}>{ s.display_name().to_string() }</option>
                    }) }
                </select>
            </label>
            <p class="field-hint">{"Or drag from a card's right handle to another card."}</p>
        </section>
    }
}
