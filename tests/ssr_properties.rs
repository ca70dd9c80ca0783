//! Snapshots of the properties panel rendered natively with `yew::LocalServerRenderer`: for a
//! selected stage (with an invalid duration typed into one field), for the scenario, and for a
//! selection of several stages; a stage's list of vaults for its ransomware copies. Each snapshot is an outline of the panel — every field's label,
//! value, and the hint or validation message beside it — so it reads like the panel and does
//! not break on attribute order.

// Native only: server-side rendering runs on tokio; tests/web.rs covers the browser.
#![cfg(not(target_arch = "wasm32"))]

use keel::editor::fields::{Field, FieldKey};
use keel::editor::{Action, Editor};
use keel::model::{Disruption, Pos, Scenario, Stage, StageKind, Target, Targets};
use keel::ui::properties::Properties;
use keel::ui::state::{AppState, EditorHandle};
use yew::prelude::*;
use yew::LocalServerRenderer;

#[derive(Properties, PartialEq)]
struct HarnessProps {
    editor: Editor,
}

/// The panel under a reducer seeded with `editor`, as the app provides it.
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let editor = props.editor.clone();
    let state = use_reducer(move || AppState { editor });
    html! {
        <ContextProvider<EditorHandle> context={state}>
            <Properties />
        </ContextProvider<EditorHandle>>
    }
}

async fn render(editor: Editor) -> String {
    LocalServerRenderer::<Harness>::with_props(HarnessProps { editor }).hydratable(false).render().await
}

/// The text between `>` at `from` and the next `<`, unescaped.
fn text_at(html: &str, from: usize) -> String {
    let rest = &html[from..];
    let start = rest.find('>').map_or(0, |i| i + 1);
    let end = rest[start..].find('<').map_or(rest.len(), |i| start + i);
    rest[start..end].replace("&amp;", "&").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
}

/// The value of attribute `name` in the tag starting at `tag_start`.
fn attr(html: &str, tag_start: usize, name: &str) -> Option<String> {
    let tag = &html[tag_start..tag_start + html[tag_start..].find('>').unwrap_or(0)];
    let needle = format!(" {name}=\"");
    let at = tag.find(&needle)? + needle.len();
    Some(tag[at..at + tag[at..].find('"').unwrap_or(0)].replace("&amp;", "&").replace("&quot;", "\""))
}

/// One line per field: `label: value` (text, chosen option, or [x]/[ ]), then `  ! message`
/// or `  ~ hint` when there is one. Headings and legends appear as `# text`.
fn outline(html: &str) -> String {
    let mut lines = Vec::new();
    let mut at = 0;
    while let Some(next) = ["<label for=\"", "<h2", "<legend", "<p class=\"props-many\""]
        .iter()
        .filter_map(|needle| html[at..].find(needle).map(|i| (at + i, *needle)))
        .min()
    {
        let (pos, needle) = next;
        at = pos + needle.len();
        if needle != "<label for=\"" {
            lines.push(format!("# {}", text_at(html, pos)));
            continue;
        }
        let id = &html[at..at + html[at..].find('"').unwrap_or(0)];
        let label = text_at(html, pos);
        let control = html.find(&format!(" id=\"{id}\"")).and_then(|i| html[..i].rfind('<'));
        let value = match control {
            Some(c) if html[c..].starts_with("<select") => {
                let body = &html[c..c + html[c..].find("</select>").unwrap_or(0)];
                match body.find(" selected") {
                    Some(s) => text_at(body, s),
                    None => "?".into(),
                }
            }
            Some(c) if attr(html, c, "type").as_deref() == Some("checkbox") => {
                let tag = &html[c..c + html[c..].find('>').unwrap_or(0)];
                if tag.split_whitespace().any(|w| w == "checked" || w.starts_with("checked=")) {
                    "[x]".into()
                } else {
                    "[ ]".into()
                }
            }
            Some(c) => attr(html, c, "value").unwrap_or_default(),
            None => "(no control)".into(),
        };
        lines.push(format!("{label}: {value}"));
        if let Some(n) = html.find(&format!("id=\"{id}-note\"")).and_then(|i| html[..i].rfind('<')) {
            let tag = &html[n..n + html[n..].find('>').unwrap_or(0)];
            let mark = if tag.contains("class=\"field-error\"") { "!" } else { "~" };
            lines.push(format!("  {mark} {}", text_at(html, n)));
        }
    }
    lines.join("\n")
}

#[track_caller]
fn assert_outline(html: &str, expected: &str) {
    let got = outline(html);
    assert_eq!(got.trim(), expected.trim(), "\n--- outline ---\n{got}\n--- html ---\n{html}");
}

fn lake() -> Scenario {
    let mut scenario = Scenario { name: "Contoso lake".into(), ..Scenario::default() };
    let mut raw = Stage::new("raw", StageKind::Raw);
    raw.label = "Landing zone".into();
    raw.service = Some("adls_gen2".into());
    raw.volume_gb = 1500.0;
    raw.daily_change_gb = 25.0;
    raw.source_retention_days = Some(90);
    raw.refresh_minutes = Some(1440);
    raw.targets = Some(Targets {
        data_corruption: Target { rpo_minutes: 15, rto_minutes: 240 },
        region_outage: Target { rpo_minutes: 1440, rto_minutes: 2880 },
        ransomware: None,
    });
    scenario.stages.push(raw);
    let mut report = Stage::new("bi", StageKind::Report);
    report.label = "BI".into();
    report.pos = Pos { x: 300.0, y: 0.0 };
    scenario.stages.push(report);
    scenario.flows.push(keel::model::Flow { from: "raw".into(), to: "bi".into() });
    scenario
}

#[track_caller]
fn act(editor: &Editor, action: Action) -> Editor {
    editor.apply(action).unwrap_or_else(|| panic!("the action changed nothing"))
}

#[tokio::test]
async fn a_selected_stage_shows_every_property_with_humane_values_and_the_message_beside_a_bad_one() {
    let editor = act(&Editor::new(lake()), Action::Select { id: "raw".into(), additive: false });
    let rto = FieldKey { stage: Some("raw".into()), field: Field::Rto(Disruption::RegionOutage) };
    let editor = act(&editor, Action::Edit { key: rto, text: "soon".into() });
    let html = render(editor).await;
    assert_outline(
        &html,
        r#"
# Stage: Landing zone
Kind: Raw zone
Label: Landing zone
Service: Azure Data Lake Storage Gen2
Volume: 1.5 TB
  ~ e.g. 500 GB, 2 TB
Daily change: 25 GB
  ~ added or changed per day
Automated processing: [x]
Modified in place: [ ]
Recreatable from source: [ ]
Source keeps the data for: 90 days
  ~ e.g. 90 days, 1y; empty = forever
Load pattern: Partitioned, incremental
Hot window: 
  ~ recent days restored first
New data arrives every: 1d
  ~ e.g. 15m, 1h, 1d, 7d; its RPO can be no tighter
Corruption found after: 
  ~ days a corruption goes unnoticed; 0 = at once
# Recovery targets
Corruption RPO: 15m
  ~ 15m, 4h, 2d
Corruption RTO: 4h
  ~ 15m, 4h, 2d
Region outage RPO: 1d
  ~ 15m, 4h, 2d
Region outage RTO: soon
  ! "soon" is not a duration: expected a number at "soon"
Ransomware RPO: 15m
  ~ 15m, 4h, 2d
Ransomware RTO: 4h
  ~ 15m, 4h, 2d
Ransomware copies in: Cheapest
  ~ kept where the platform's credentials cannot destroy them; Cheapest = the cheapest vault that meets the targets
Backups use customer-managed keys: [ ]
Backups administered separately: [ ]
# Recent-data target
Newest days: 
  ~ e.g. 7 or 1m: back first within their own RPO and RTO; empty = the scenario's
"#,
    );
    assert!(html.contains(r#"aria-invalid="true""#), "the bad field is marked invalid");
    assert!(
        html.contains(r#"list="f-raw-refresh-presets""#) && html.contains(r#"<option label="hourly" value="1h">"#),
        "the refresh interval offers named presets: {html}"
    );
    assert!(html.contains(r#"placeholder="at once (the scenario"#), "an unset delay shows the scenario's: {html}");
    assert!(html.contains("Feeds BI"), "the stage's flows are listed: {html}");
    assert!(html.contains(r#"aria-label="Remove the flow Landing zone → BI""#), "each with a button to remove it");
    assert!(
        html.contains("Use the scenario&#x27;s") || html.contains("Use the scenario's"),
        "own targets can be reset"
    );
}

/// A system of record shows its read limit (what catch-ups and re-ingests may read per hour);
/// a lake zone does not.
#[tokio::test]
async fn a_system_of_record_shows_its_read_limit() {
    let mut scenario = lake();
    let mut erp = Stage::new("erp", StageKind::SystemOfRecord);
    erp.read_limit_tb_per_hour = Some(0.2);
    scenario.stages.push(erp);
    let html = render(act(&Editor::new(scenario.clone()), Action::Select { id: "erp".into(), additive: false })).await;
    let at = html.find(r#"id="f-erp-read-limit""#).expect("the read limit field");
    assert_eq!(attr(&html, html[..at].rfind('<').unwrap_or(0), "value").as_deref(), Some("200 GB/h"), "{html}");
    assert!(html.contains("Read at most"), "{html}");
    assert!(html.contains("when the platform re-ingests or catches up from it"), "{html}");
    let raw = render(act(&Editor::new(scenario), Action::Select { id: "raw".into(), additive: false })).await;
    assert!(!raw.contains("read-limit"), "only on a system of record");
}

#[tokio::test]
async fn the_service_list_offers_only_services_that_fit_the_kind() {
    let editor = act(&Editor::new(lake()), Action::Select { id: "bi".into(), additive: false });
    let html = render(editor).await;
    let at = html.find("<select id=\"f-bi-service\"").expect("service list");
    let list = &html[at..at + html[at..].find("</select>").unwrap_or(0)];
    let offered: Vec<String> = list.match_indices("<option").map(|(i, _)| text_at(list, i)).collect();
    let mut expected = vec![format!("Default: {}", keel::catalogue::Service::default_for(StageKind::Report).name)];
    expected.extend(keel::catalogue::Service::fitting(StageKind::Report).map(|s| s.name.to_string()));
    assert_eq!(offered, expected);
    assert!(!offered.iter().any(|s| s.contains("Data Lake")), "a report does not run on a lake");
    assert!(outline(&html).contains("# Recovery targets\nCorruption RPO: 1d"), "inherited targets are shown");
    assert!(html.contains("From the scenario; change one"), "and said to be inherited");
}

#[tokio::test]
async fn with_nothing_selected_the_panel_edits_the_scenario() {
    let mut scenario = lake();
    scenario.overrides.insert(keel::catalogue::PRICE_BOOK[0].key.to_string(), 0.05);
    scenario.detection_delay_days = Some(14);
    let editor = Editor::new(scenario);
    let editor =
        act(&editor, Action::Edit { key: FieldKey { stage: None, field: Field::Currency }, text: "euros".into() });
    let html = render(editor).await;
    let entry = &keel::catalogue::PRICE_BOOK[0];
    let expected = format!(
        r#"
# Scenario
Name: Contoso lake
Primary region: westeurope
Secondary region: northeurope
Time span: 36 months
  ~ costs compared over
Currency: euros
  ! enter a three-letter currency code such as USD or EUR
Disasters per year: 0.2
  ~ 0.2 = one every 5 years; every type unless set below
Corruptions per year: 
  ~ empty = disasters per year
Region outages per year: 
  ~ empty = disasters per year
Ransomware attacks per year: 
  ~ empty = disasters per year
Corruption found after: 14 days
  ~ days a corruption goes unnoticed: clean copies must be older; empty = found at once
Allow preview features: [ ]
# Default recovery targets
Corruption RPO: 1d
  ~ 15m, 4h, 2d
Corruption RTO: 1d
  ~ 15m, 4h, 2d
Region outage RPO: 1d
  ~ 15m, 4h, 2d
Region outage RTO: 2d
  ~ 15m, 4h, 2d
Ransomware RPO: 1d
  ~ 15m, 4h, 2d
Ransomware RTO: 1d
  ~ 15m, 4h, 2d
# Default recent-data target
Newest days: 
  ~ restored first and judged on their own; empty = no recent-data target
{} ({}): 0.05
  ~ default {} · {} ({})
Override a figure: Choose a price-book figure…
"#,
        entry.label, entry.unit, entry.value, entry.source.title, entry.source.as_of
    );
    assert_outline(&html, &expected);
    assert!(html.contains("Price-book overrides (1)"));
}

/// Without overrides the section starts closed, and its list of figures is not drawn until it
/// is opened (the end-to-end tests open it and choose one).
#[tokio::test]
async fn a_closed_overrides_section_draws_only_its_heading() {
    let html = render(Editor::new(lake())).await;
    assert!(html.contains("Price-book overrides (0)"), "the heading is there");
    assert!(!html.contains("override-add"), "the list of figures is not drawn while closed");
    assert!(!html.contains("<details class=\"overrides\" open"), "and the section is closed");
}

#[tokio::test]
async fn a_recent_data_target_shows_its_days_then_its_targets_on_the_scenario_and_the_stage() {
    let edit = |editor: &Editor, stage: Option<&str>, field: Field, text: &str| {
        act(editor, Action::Edit { key: FieldKey { stage: stage.map(String::from), field }, text: text.into() })
    };
    let editor = edit(&Editor::new(lake()), None, Field::RecentDays, "7");
    let editor = edit(&editor, None, Field::RecentRto(Disruption::DataCorruption), "2h");
    let scenario_panel = outline(&render(editor.clone()).await);
    assert!(
        scenario_panel.contains("# Default recent-data target\nNewest days: 7 days\n  ~ restored first and judged on their own; empty = no recent-data target\nCorruption recent RPO: 1d\n  ~ 15m, 4h, 2d\nCorruption recent RTO: 2h"),
        "{scenario_panel}"
    );
    // The stage inherits it: its own days are empty, with the scenario's as the placeholder, and
    // the targets that apply are shown.
    let editor = act(&editor, Action::Select { id: "raw".into(), additive: false });
    let html = render(editor.clone()).await;
    assert!(outline(&html).contains("# Recent-data target\nNewest days: \n"), "{}", outline(&html));
    assert!(outline(&html).contains("Corruption recent RTO: 2h"), "{}", outline(&html));
    assert!(html.contains(r#"placeholder="7 days (the scenario"#), "{html}");
    let editor = edit(&editor, Some("raw"), Field::RecentRto(Disruption::RegionOutage), "4h");
    assert_eq!(editor.scenario.stages[0].recent.map(|r| (r.days, r.region_outage.rto_minutes)), Some((7, 240)));
    // A report serves recent data too; a system of record has no such field.
    let editor = act(&editor, Action::Select { id: "bi".into(), additive: false });
    assert!(outline(&render(editor).await).contains("# Recent-data target"));
}

/// The options of the list box with id `id`, in order.
fn options(html: &str, id: &str) -> Vec<String> {
    let at = html.find(&format!("<select id=\"{id}\"")).unwrap_or_else(|| panic!("no list {id}: {html}"));
    let list = &html[at..at + html[at..].find("</select>").unwrap_or(0)];
    list.match_indices("<option").map(|(i, _)| text_at(list, i)).collect()
}

/// A stage's ransomware copies: "Cheapest" or a vault that takes them, chosen through the
/// reducer; a vault from a file that does not take them is listed as such; a system of record
/// (its owner's copies) has no such list. The ransomware targets and rate sit beside the others.
#[tokio::test]
async fn a_stage_chooses_where_its_ransomware_copies_are_kept() {
    let editor = act(&Editor::new(lake()), Action::Select { id: "raw".into(), additive: false });
    let html = render(editor.clone()).await;
    assert_eq!(
        options(&html, "f-raw-vault"),
        ["Cheapest", "Immutable blob container", "Azure Backup vault, immutability locked", "Off-cloud copy"]
    );
    let vault = FieldKey { stage: Some("raw".into()), field: Field::Vault };
    let editor = act(&editor, Action::Edit { key: vault.clone(), text: "off_cloud".into() });
    assert_eq!(editor.scenario.stages[0].vault.as_deref(), Some("off_cloud"));
    assert!(outline(&render(editor.clone()).await).contains("Ransomware copies in: Off-cloud copy\n"));
    let editor = act(&editor, Action::Undo);
    assert_eq!(editor.scenario.stages[0].vault, None, "one undo step");

    let mut scenario = lake();
    scenario.stages[0].vault = Some("aws_s3_object_lock".into());
    let mut erp = Stage::new("erp", StageKind::SystemOfRecord);
    erp.service = Some("sql_server_iaas".into());
    scenario.stages.push(erp);
    let editor = act(&Editor::new(scenario), Action::Select { id: "raw".into(), additive: false });
    let html = render(editor.clone()).await;
    assert!(
        outline(&html)
            .contains("Ransomware copies in: S3 bucket with Object Lock (compliance mode) (does not take its copies)"),
        "{}",
        outline(&html)
    );
    let editor = act(&editor, Action::Select { id: "erp".into(), additive: false });
    assert!(!render(editor).await.contains("f-erp-vault"), "a system of record's copies are its owner's");
}

#[tokio::test]
async fn several_selected_stages_are_not_edited_together() {
    let editor = act(&Editor::new(lake()), Action::SelectAll);
    let html = render(editor).await;
    assert_outline(&html, "# 2 stages selected\n# Drag them together, nudge them with the arrow keys, or press Delete to remove them and their flows. Select one stage to edit it.");
}
