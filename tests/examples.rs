//! The example plan files in `examples/` and the JSON Schema in `docs/plan-format.schema.json`.
//!
//! Every example must load as a Keel plan file, validate without errors, use catalogue services
//! that fit each stage's kind, draw a connected, readable diagram, and satisfy the schema. The schema itself is
//! checked against the model (property names, required members, defaults, enums), so neither can
//! drift from `src/model` without a failing test.

use keel::model::{
    Flow, LoadPattern, Pos, RecentTargets, RegionPair, Scenario, Severity, Stage, StageKind, Target, Targets,
};
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, VecDeque};
use std::path::{Path, PathBuf};

/// Size of a stage card on the canvas, in world pixels.
const CARD_W: f64 = 180.0;
const CARD_H: f64 = 90.0;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read_json(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: not JSON: {e}", path.display()))
}

/// Every `*.json` file in `examples/`, sorted by name.
fn example_files() -> Vec<PathBuf> {
    let dir = root().join("examples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// The examples, each as (file name, whole envelope, scenario).
fn examples() -> Vec<(String, Value, Scenario)> {
    let files = example_files();
    assert!(files.len() >= 2, "expected at least the two reference platforms in examples/, found {files:?}");
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let doc = read_json(&path);
            let scenario = doc.get("scenario").cloned().unwrap_or_else(|| panic!("{name}: no \"scenario\" member"));
            let scenario: Scenario = serde_path_to_error::deserialize(scenario)
                .unwrap_or_else(|e| panic!("{name}: scenario does not deserialize at {}: {}", e.path(), e.inner()));
            (name, doc, scenario)
        })
        .collect()
}

fn schema() -> Value {
    read_json(&root().join("docs/plan-format.schema.json"))
}

#[test]
fn examples_are_keel_plan_envelopes() {
    for (name, doc, _) in examples() {
        assert_eq!(doc["type"], json!("keel-plan"), "{name}: type");
        assert_eq!(doc["version"], json!(1), "{name}: version");
        assert!(
            doc["source"].as_str().is_some_and(|s| !s.trim().is_empty()),
            "{name}: source must be a non-empty string"
        );
        assert!(doc.get("plan").is_none(), "{name}: examples carry no computed plan; the CLI computes it");
    }
}

#[test]
fn examples_validate_without_errors_or_warnings() {
    for (name, _, scenario) in examples() {
        let diagnostics = scenario.validate();
        let errors: Vec<String> =
            diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| d.to_string()).collect();
        assert!(errors.is_empty(), "{name}: validation errors:\n{}", errors.join("\n"));
        let warnings: Vec<String> = diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(warnings.is_empty(), "{name}: an example should be clean, but got:\n{}", warnings.join("\n"));
        assert!(!scenario.name.trim().is_empty(), "{name}: scenario needs a name");
    }
}

#[test]
fn examples_are_exactly_what_serde_writes() {
    // Serde ignores unknown members, so a misspelt key would silently fall back to its default;
    // re-serializing and comparing catches that, and keeps the files in the app's own form.
    for (name, doc, scenario) in examples() {
        let written = serde_json::to_value(&scenario).expect("serializes");
        assert_eq!(
            written, doc["scenario"],
            "{name}: scenario differs from its serde form (unknown key, wrong type or elided default?)"
        );
    }
}

#[test]
fn examples_restore_code_independently_of_data() {
    // The Operations guide: code "must be able to restore independently of the data part and in
    // parallel". Scripts and infrastructure configuration therefore read from no data stage.
    for (name, _, scenario) in examples() {
        for stage in scenario.stages.iter().filter(|s| matches!(s.kind, StageKind::Scripts | StageKind::InfraConfig)) {
            for up in scenario.upstream_of(&stage.id) {
                let up_kind = scenario.stage(up).map(|s| s.kind);
                assert!(
                    up_kind.is_some_and(|k| !k.holds_data()),
                    "{name}: code stage {} waits for data stage {up}",
                    stage.id
                );
            }
        }
    }
}

#[test]
fn examples_use_catalogue_services_and_human_labels() {
    for (name, _, scenario) in examples() {
        for stage in &scenario.stages {
            let service =
                stage.service.as_deref().unwrap_or_else(|| panic!("{name}: stage {} has no service", stage.id));
            let entry = keel::catalogue::Service::find(service);
            assert!(entry.is_some(), "{name}: stage {} uses unknown service {service:?}", stage.id);
            assert!(
                entry.is_some_and(|s| s.fits.contains(&stage.kind)),
                "{name}: stage {} runs on {service:?}, which does not fit a {:?} stage",
                stage.id,
                stage.kind
            );
            assert!(!stage.label.trim().is_empty(), "{name}: stage {} has no label", stage.id);
            assert_ne!(stage.label, stage.id, "{name}: stage {} label should be human, not the id", stage.id);
            assert!(
                stage.id.len() <= 16
                    && stage.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name}: stage id {:?} should be short snake_case",
                stage.id
            );
        }
    }
}

/// Ids reachable downstream from `start`, including `start`.
fn reachable<'a>(scenario: &'a Scenario, start: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut queue = VecDeque::from([start]);
    while let Some(at) = queue.pop_front() {
        if seen.insert(at) {
            queue.extend(scenario.downstream_of(at));
        }
    }
    seen
}

#[test]
fn examples_flows_connect_sources_to_reports() {
    for (name, _, scenario) in examples() {
        let ids: BTreeSet<&str> = scenario.stages.iter().map(|s| s.id.as_str()).collect();
        for flow in &scenario.flows {
            assert!(ids.contains(flow.from.as_str()), "{name}: flow from unknown stage {:?}", flow.from);
            assert!(ids.contains(flow.to.as_str()), "{name}: flow to unknown stage {:?}", flow.to);
        }
        let sources: Vec<&str> =
            scenario.stages.iter().filter(|s| s.kind == StageKind::SystemOfRecord).map(|s| s.id.as_str()).collect();
        let reports: Vec<&str> =
            scenario.stages.iter().filter(|s| s.kind == StageKind::Report).map(|s| s.id.as_str()).collect();
        assert!(!sources.is_empty(), "{name}: no system_of_record stage");
        assert!(!reports.is_empty(), "{name}: no report stage");
        let from_sources: BTreeSet<&str> = sources.iter().flat_map(|s| reachable(&scenario, s)).collect();
        for report in &reports {
            assert!(
                from_sources.contains(report),
                "{name}: report {report} is not reachable from any system of record"
            );
        }
        // No stray cards: every stage takes part in at least one flow.
        for id in &ids {
            assert!(
                scenario.flows.iter().any(|f| f.from == *id || f.to == *id),
                "{name}: stage {id} is not connected to anything"
            );
        }
    }
}

#[test]
fn examples_lay_out_cleanly_left_to_right() {
    for (name, _, scenario) in examples() {
        for stage in &scenario.stages {
            assert!(stage.pos.x >= 0.0 && stage.pos.y >= 0.0, "{name}: stage {} is off the canvas", stage.id);
        }
        for (i, a) in scenario.stages.iter().enumerate() {
            for b in &scenario.stages[i + 1..] {
                let apart = (a.pos.x - b.pos.x).abs() >= CARD_W + 20.0 || (a.pos.y - b.pos.y).abs() >= CARD_H + 20.0;
                assert!(apart, "{name}: cards {} and {} overlap or touch", a.id, b.id);
            }
        }
        for flow in &scenario.flows {
            let (Some(from), Some(to)) = (scenario.stage(&flow.from), scenario.stage(&flow.to)) else { continue };
            assert!(
                to.pos.x > from.pos.x,
                "{name}: flow {} → {} should run left to right ({} ≥ {})",
                flow.from,
                flow.to,
                from.pos.x,
                to.pos.x
            );
        }
    }
}

#[test]
fn example_ids_and_file_names_are_unique() {
    let names: Vec<String> = examples().into_iter().map(|(_, _, s)| s.name).collect();
    let unique: BTreeSet<&String> = names.iter().collect();
    assert_eq!(unique.len(), names.len(), "two examples share a scenario name: {names:?}");
}

// ---------------------------------------------------------------------------------------------
// The schema against the examples (native only: the validator crate is a native dev-dependency).

#[cfg(not(target_arch = "wasm32"))]
mod schema_validation {
    use super::*;

    fn validator() -> jsonschema::Validator {
        let schema = schema();
        if let Err(e) = jsonschema::meta::validate(&schema) {
            panic!("docs/plan-format.schema.json is not a valid JSON Schema: {e} at {}", e.instance_path());
        }
        jsonschema::options()
            .with_draft(jsonschema::Draft::Draft202012)
            .build(&schema)
            .unwrap_or_else(|e| panic!("schema does not compile: {e}"))
    }

    /// A way to break a valid file.
    type Breaker = Box<dyn Fn(&mut Value)>;

    fn errors(validator: &jsonschema::Validator, doc: &Value) -> Vec<String> {
        validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
    }

    #[test]
    fn examples_satisfy_the_schema() {
        let validator = validator();
        for (name, doc, _) in examples() {
            let errors = errors(&validator, &doc);
            assert!(errors.is_empty(), "{name} violates the schema:\n{}", errors.join("\n"));
        }
    }

    /// What `keel plan` writes — scenario and computed plan — satisfies the schema too.
    #[test]
    fn computed_plans_satisfy_the_schema() {
        let validator = validator();
        let mut scenarios: Vec<(String, Scenario)> = examples().into_iter().map(|(n, _, s)| (n, s)).collect();
        scenarios.push(("synthetic 60".into(), keel::model::synthetic(60)));
        for (name, scenario) in scenarios {
            let plan = keel::engine::plan(&scenario);
            let doc: Value = serde_json::from_str(&keel::format::encode(&scenario, Some(&plan))).expect("json");
            let errors = errors(&validator, &doc);
            assert!(errors.is_empty(), "{name}: the computed plan violates the schema:\n{}", errors.join("\n"));
        }
        // The plan part is really checked: a plan with a made-up strategy is refused.
        let scenario = example("lusty-reference-platform.json");
        let plan = keel::engine::plan(&scenario);
        let mut doc: Value = serde_json::from_str(&keel::format::encode(&scenario, Some(&plan))).expect("json");
        doc["plan"]["stages"][0]["recommendations"][0]["strategy"] = json!("prayer");
        assert!(!validator.is_valid(&doc));
    }

    #[test]
    fn schema_rejects_what_keel_rejects() {
        let validator = validator();
        let (_, doc, _) = examples().into_iter().next().expect("an example");
        let broken: Vec<(&str, Breaker)> = vec![
            ("wrong type", Box::new(|d| d["type"] = json!("excalidraw"))),
            ("version 0", Box::new(|d| d["version"] = json!(0))),
            ("no scenario", Box::new(|d| drop(d.as_object_mut().map(|o| o.remove("scenario"))))),
            ("unknown kind", Box::new(|d| d["scenario"]["stages"][0]["kind"] = json!("lake"))),
            (
                "stage without id",
                Box::new(|d| drop(d["scenario"]["stages"][0].as_object_mut().map(|o| o.remove("id")))),
            ),
            ("negative volume", Box::new(|d| d["scenario"]["stages"][0]["volume_gb"] = json!(-1.0))),
            ("fractional minutes", Box::new(|d| d["scenario"]["targets"]["region_outage"]["rto_minutes"] = json!(1.5))),
            (
                "target without rpo",
                Box::new(|d| d["scenario"]["targets"]["data_corruption"] = json!({"rto_minutes": 60})),
            ),
            ("unknown load pattern", Box::new(|d| d["scenario"]["stages"][0]["load"] = json!({"pattern": "hourly"}))),
            ("span of 0 months", Box::new(|d| d["scenario"]["span_months"] = json!(0))),
            ("flow without to", Box::new(|d| d["scenario"]["flows"][0] = json!({"from": "x"}))),
            ("misspelt stage field", Box::new(|d| d["scenario"]["stages"][0]["volume_GB"] = json!(5))),
        ];
        for (what, breaks) in broken {
            let mut bad = doc.clone();
            breaks(&mut bad);
            assert!(!validator.is_valid(&bad), "the schema accepts a file with {what}");
        }
        // And the minimal file Keel accepts, the schema accepts too.
        let minimal = json!({"type": "keel-plan", "version": 1, "scenario": {}});
        assert!(serde_json::from_value::<Scenario>(minimal["scenario"].clone()).is_ok());
        assert_eq!(errors(&validator, &minimal), Vec::<String>::new(), "minimal file");
    }
}

// ---------------------------------------------------------------------------------------------
// The schema against the model: names, required members, defaults and enums must match serde.

/// Follows a local `$ref` (`#/$defs/name`), once or repeatedly.
fn resolve<'a>(schema: &'a Value, mut node: &'a Value) -> &'a Value {
    while let Some(r) = node.get("$ref").and_then(Value::as_str) {
        let pointer = r.strip_prefix('#').unwrap_or_else(|| panic!("non-local $ref {r}"));
        node = schema.pointer(pointer).unwrap_or_else(|| panic!("dangling $ref {r}"));
    }
    node
}

/// The object schema inside `node`: itself, or the one non-null branch of an `anyOf`/`oneOf`.
fn object_schema<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    let node = resolve(schema, node);
    if node.get("properties").is_some() {
        return node;
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = node.get(key).and_then(Value::as_array) {
            let objects: Vec<&Value> =
                branches.iter().map(|b| resolve(schema, b)).filter(|b| b.get("properties").is_some()).collect();
            if objects.len() == 1 {
                return objects[0];
            }
        }
    }
    panic!("not an object schema: {node}")
}

fn properties(node: &Value) -> &Map<String, Value> {
    node["properties"].as_object().unwrap_or_else(|| panic!("no properties in {node}"))
}

fn keys(value: &Value) -> BTreeSet<String> {
    value.as_object().unwrap_or_else(|| panic!("not an object: {value}")).keys().cloned().collect()
}

fn required(node: &Value) -> BTreeSet<String> {
    node.get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().map(|v| v.as_str().expect("required names are strings").to_string()).collect())
        .unwrap_or_default()
}

/// Which members of a fully populated serialized `T` serde requires: those whose removal makes
/// deserialization fail.
fn serde_required<T: serde::de::DeserializeOwned>(full: &Value) -> BTreeSet<String> {
    let object = full.as_object().expect("object");
    assert!(serde_json::from_value::<T>(full.clone()).is_ok(), "the full value must deserialize: {full}");
    object
        .keys()
        .filter(|key| {
            let mut without = object.clone();
            without.remove(*key);
            serde_json::from_value::<T>(Value::Object(without)).is_err()
        })
        .cloned()
        .collect()
}

/// The required members of `full` alone, and how serde writes what it loads from them: every
/// member serde may leave out appears with its default, unless serde skips that default on output
/// (`None`, an empty map).
fn serde_minimal<T: serde::de::DeserializeOwned + serde::Serialize>(full: &Value) -> (Map<String, Value>, Value) {
    let required = serde_required::<T>(full);
    let object = full.as_object().expect("object");
    let minimal: Map<String, Value> =
        object.iter().filter(|(k, _)| required.contains(*k)).map(|(k, v)| (k.clone(), v.clone())).collect();
    let loaded: T =
        serde_json::from_value(Value::Object(minimal.clone())).expect("the required members alone deserialize");
    (minimal, serde_json::to_value(&loaded).expect("serializes"))
}

/// A stage with every optional member set, so that every member is serialized.
fn full_stage() -> Stage {
    let mut stage = Stage::new("s", StageKind::Curated);
    stage.service = Some("adls_gen2".into());
    stage.source_retention_days = Some(90);
    stage.load = LoadPattern::PartitionedIncremental { partition_gb: Some(7.0) };
    stage.hot_window_days = Some(7);
    stage.refresh_minutes = Some(60);
    stage.detection_delay_days = Some(3);
    let every = Targets { ransomware: Some(Target { rpo_minutes: 1440, rto_minutes: 2880 }), ..Targets::default() };
    stage.targets = Some(every);
    stage.recent = Some(RecentTargets::from_targets(7, every));
    stage.max_retention_days = Some(365);
    stage.reprocess_tb_per_hour = Some(1.0);
    stage.compute_monthly = Some(100.0);
    stage.read_limit_tb_per_hour = Some(0.5);
    stage.vault = Some("off_cloud".into());
    stage.customer_managed_keys = true;
    stage.separate_backup_admins = true;
    stage.pos = Pos { x: 1.0, y: 2.0 };
    stage
}

/// A scenario with every optional member set.
fn full_scenario() -> Scenario {
    let mut scenario = Scenario {
        stages: vec![full_stage(), Stage::new("t", StageKind::Report)],
        flows: vec![Flow { from: "s".into(), to: "t".into() }],
        ..Scenario::default()
    };
    scenario.overrides.insert("storage.hot_gb_month".into(), 0.02);
    scenario.allow_preview = true;
    scenario.detection_delay_days = Some(14);
    let every = Targets { ransomware: Some(Target { rpo_minutes: 1440, rto_minutes: 2880 }), ..Targets::default() };
    scenario.targets = every;
    scenario.recent = Some(RecentTargets::from_targets(3, every));
    scenario.incidents_per_year =
        Some(keel::model::IncidentRates { data_corruption: 2.0, region_outage: 0.1, ransomware: Some(0.5) });
    scenario.variants = vec![keel::model::Variant::of("today", &scenario)];
    scenario.variant = Some("today".into());
    scenario
}

/// Checks one object schema against one model type: the same member names, the same required
/// members, the schema's `default`s equal to serde's, and a description on every member.
fn check_object<T: serde::de::DeserializeOwned + serde::Serialize>(
    schema: &Value,
    node: &Value,
    full: &Value,
    what: &str,
) {
    let props = properties(node);
    let schema_keys: BTreeSet<String> = props.keys().cloned().collect();
    assert_eq!(schema_keys, keys(full), "{what}: schema properties differ from the model's serialized members");
    assert_eq!(required(node), serde_required::<T>(full), "{what}: schema `required` differs from what serde requires");
    let (minimal, written) = serde_minimal::<T>(full);
    for key in keys(full).into_iter().filter(|k| !minimal.contains_key(k)) {
        let prop = resolve(schema, &props[&key]);
        let declared = props[&key].get("default").or_else(|| prop.get("default"));
        let declared =
            declared.unwrap_or_else(|| panic!("{what}.{key}: optional in serde but the schema gives no default"));
        match written.get(&key) {
            Some(default) => assert_eq!(declared, default, "{what}.{key}: schema default differs from serde's default"),
            None => {
                // Serde skips this default on output: giving the schema's default explicitly
                // must load the same as leaving the member out.
                let mut explicit = minimal.clone();
                explicit.insert(key.clone(), declared.clone());
                let loaded: Result<T, _> = serde_json::from_value(Value::Object(explicit));
                let same = loaded.ok().and_then(|t| serde_json::to_value(t).ok()).is_some_and(|v| v == written);
                assert!(same, "{what}.{key}: schema default {declared} does not load as serde's default");
            }
        }
    }
    for (key, prop) in props {
        let described = prop.get("description").or_else(|| resolve(schema, prop).get("description"));
        assert!(
            described.and_then(Value::as_str).is_some_and(|d| !d.trim().is_empty()),
            "{what}.{key}: no description"
        );
    }
}

#[test]
fn schema_envelope_matches_the_file_format() {
    let schema = schema();
    assert_eq!(schema["$schema"], json!("https://json-schema.org/draft/2020-12/schema"));
    let props = properties(&schema);
    assert_eq!(
        props.keys().cloned().collect::<BTreeSet<_>>(),
        ["type", "version", "source", "scenario", "plan", "view"].map(String::from).into(),
    );
    // The view's members and values are the ones `results::ResultsView` reads.
    let view = &props["view"]["properties"];
    let values = |member: &str| -> Vec<String> {
        view[member]["enum"]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
            .unwrap_or_default()
    };
    assert_eq!(values("tab"), keel::results::ResultsTab::ALL.map(|t| t.key().to_string()).to_vec());
    assert_eq!(values("disruption"), keel::model::Disruption::ALL.map(|d| d.key().to_string()).to_vec());
    let mut columns: Vec<String> = keel::results::Column::ALL.map(|c| c.key().to_string()).to_vec();
    let mut listed = values("sort");
    columns.sort();
    listed.sort();
    assert_eq!(listed, columns);
    assert_eq!(props["type"]["const"], json!("keel-plan"));
    assert_eq!(props["version"]["type"], json!("integer"));
    assert_eq!(
        required(&schema),
        ["type", "version", "scenario"].map(String::from).into(),
        "type, version and scenario are required; source and plan are not"
    );
}

#[test]
fn schema_scenario_matches_the_model() {
    let schema = schema();
    let scenario_node = object_schema(&schema, &properties(&schema)["scenario"]);
    let full = serde_json::to_value(full_scenario()).expect("serializes");
    check_object::<Scenario>(&schema, scenario_node, &full, "scenario");

    // A default scenario and a new stage serialize only members the schema knows.
    let default_keys = keys(&serde_json::to_value(Scenario::default()).expect("serializes"));
    assert!(default_keys.is_subset(&keys(&full)), "Scenario::default() has members the full scenario lacks");

    let sp = properties(scenario_node);
    let variant_node = object_schema(&schema, &sp["variants"]["items"]);
    check_object::<keel::model::Variant>(&schema, variant_node, &full["variants"][0], "variant");
    let stage_node = object_schema(&schema, &sp["stages"]["items"]);
    check_object::<Stage>(&schema, stage_node, &full["stages"][0], "stage");
    for kind in StageKind::ALL {
        let new_keys = keys(&serde_json::to_value(Stage::new("x", kind)).expect("serializes"));
        let stage_keys: BTreeSet<String> = properties(stage_node).keys().cloned().collect();
        assert!(
            new_keys.is_subset(&stage_keys),
            "Stage::new({kind:?}) serializes members the schema lacks: {new_keys:?}"
        );
    }

    check_object::<Flow>(&schema, object_schema(&schema, &sp["flows"]["items"]), &full["flows"][0], "flow");
    check_object::<RegionPair>(&schema, object_schema(&schema, &sp["regions"]), &full["regions"], "regions");
    check_object::<Targets>(&schema, object_schema(&schema, &sp["targets"]), &full["targets"], "targets");
    let targets_node = object_schema(&schema, &sp["targets"]);
    check_object::<Target>(
        &schema,
        object_schema(&schema, &properties(targets_node)["data_corruption"]),
        &full["targets"]["data_corruption"],
        "target",
    );
    let stp = properties(stage_node);
    check_object::<Pos>(&schema, object_schema(&schema, &stp["pos"]), &full["stages"][0]["pos"], "pos");
    // The stage's own targets are the same Targets object (or null).
    assert_eq!(object_schema(&schema, &stp["targets"]), targets_node, "stage.targets must use the Targets schema");
    let recent_node = object_schema(&schema, &sp["recent"]);
    check_object::<RecentTargets>(&schema, recent_node, &full["recent"], "recent");
    assert_eq!(object_schema(&schema, &stp["recent"]), recent_node, "stage.recent must use the scenario's schema");
}

#[test]
fn schema_enums_match_the_model() {
    let schema = schema();
    let scenario_node = object_schema(&schema, &properties(&schema)["scenario"]);
    let stage_node = object_schema(&schema, &properties(scenario_node)["stages"]["items"]);
    let stp = properties(stage_node);

    let kind = resolve(&schema, &stp["kind"]);
    let listed: Vec<String> =
        kind["enum"].as_array().expect("kind enum").iter().map(|v| v.as_str().expect("string").to_string()).collect();
    let model: Vec<String> = StageKind::ALL
        .iter()
        .map(|k| serde_json::to_value(k).expect("serializes"))
        .map(|v| v.as_str().expect("string").to_string())
        .collect();
    assert_eq!(listed, model, "stage kinds (in palette order)");
    for k in &listed {
        assert_eq!(StageKind::from_key(k).map(|k| k.key().to_string()), Some(k.clone()));
    }

    // Load patterns: each branch's `pattern` const must deserialize, and every model variant must
    // be a branch.
    let load = resolve(&schema, &stp["load"]);
    let branches = load["oneOf"].as_array().expect("load is a oneOf of patterns");
    let mut patterns = BTreeSet::new();
    for branch in branches {
        let branch = resolve(&schema, branch);
        let name = branch["properties"]["pattern"]["const"].as_str().expect("pattern const").to_string();
        assert_eq!(
            required(branch).into_iter().collect::<Vec<_>>(),
            vec!["pattern".to_string()],
            "{name}: only pattern is required"
        );
        let mut example = Map::new();
        for (key, prop) in properties(branch) {
            let value = if key == "pattern" {
                json!(name)
            } else {
                prop.get("examples").and_then(|e| e.get(0)).cloned().unwrap_or(json!(1.0))
            };
            example.insert(key.clone(), value);
        }
        let loaded: LoadPattern = serde_json::from_value(Value::Object(example.clone()))
            .unwrap_or_else(|e| panic!("load pattern {name} from the schema does not deserialize: {e}"));
        assert_eq!(
            serde_json::to_value(loaded).expect("serializes"),
            Value::Object(example),
            "{name}: members round-trip"
        );
        patterns.insert(name);
    }
    // A new variant must be added to the list below (and to the schema): this match stops compiling.
    let _exhaustive = |p: LoadPattern| match p {
        LoadPattern::DailyFull | LoadPattern::PartitionedIncremental { .. } => (),
    };
    let model: BTreeSet<String> =
        [LoadPattern::DailyFull, LoadPattern::PartitionedIncremental { partition_gb: Some(1.0) }]
            .iter()
            .map(|p| serde_json::to_value(p).expect("serializes")["pattern"].as_str().expect("tag").to_string())
            .collect();
    assert_eq!(patterns, model, "load patterns");
}

// ---------------------------------------------------------------------------------------------
// What each reference platform encodes from its guide.

fn example(file: &str) -> Scenario {
    examples()
        .into_iter()
        .find(|(name, _, _)| name == file)
        .map(|(_, _, s)| s)
        .unwrap_or_else(|| panic!("examples/{file} is missing"))
}

/// Every stage the report reads from, directly or not.
fn upstream_closure<'a>(scenario: &'a Scenario, id: &'a str) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    let mut queue: VecDeque<&str> = scenario.upstream_of(id).collect();
    while let Some(at) = queue.pop_front() {
        if seen.insert(at) {
            queue.extend(scenario.upstream_of(at));
        }
    }
    seen
}

#[test]
fn lusty_report_needs_its_whole_pipeline_within_four_hours() {
    // "If a Power BI report must have up to date data within 4 hours, then all systems bringing
    // that data into the report must also be recoverable within that time."
    let scenario = example("lusty-reference-platform.json");
    let report = scenario.stage("report").expect("a stage with id report");
    assert_eq!(report.kind, StageKind::Report);
    assert_eq!(report.service.as_deref(), Some("power_bi"));
    assert_eq!(scenario.targets_of(report).region_outage.rto_minutes, 240);
    let upstream = upstream_closure(&scenario, "report");
    for kind in [StageKind::SystemOfRecord, StageKind::Ingest, StageKind::Raw, StageKind::Curated, StageKind::Model] {
        assert!(
            upstream.iter().any(|id| scenario.stage(id).is_some_and(|s| s.kind == kind)),
            "report does not read from any {kind:?}"
        );
    }
    for id in upstream {
        let stage = scenario.stage(id).expect("exists");
        let rto = scenario.targets_of(stage).region_outage.rto_minutes;
        assert!(rto <= 240, "{id} feeds the report but may take {rto} minutes to recover after a region outage");
    }
    // The guide's stores: raw is not recreatable (the source stops holding it), enriched is.
    assert!(!scenario.stage("raw").expect("raw").recreatable);
    assert!(scenario.stage("enriched").expect("enriched").recreatable);
    assert!(scenario.stage("curated").expect("curated").modified_in_place);
}

#[test]
fn operations_strategy_backs_up_the_ingest_lake_and_restores_code_in_parallel() {
    let scenario = example("operations-reference-platform.json");
    // "The data part of the backup must take a backup of the ingest lake": the raw zone cannot be
    // recreated from sources that keep the data only for a while.
    let lakes: Vec<&Stage> = scenario.stages.iter().filter(|s| s.kind == StageKind::Raw).collect();
    assert_eq!(lakes.len(), 1, "one ingest lake");
    assert!(!lakes[0].recreatable && lakes[0].source_retention_days.is_some());
    // Divided restore: the lake, transform and publish areas restore their most recent days first.
    for kind in [StageKind::Raw, StageKind::Enriched, StageKind::Curated, StageKind::Presentation] {
        assert!(
            scenario.stages.iter().any(|s| s.kind == kind && s.hot_window_days.is_some_and(|d| d > 0)),
            "no {kind:?} stage with a hot window"
        );
    }
    // Code restores independently and in parallel: every code stage is a root of the graph.
    let code: Vec<&Stage> =
        scenario.stages.iter().filter(|s| matches!(s.kind, StageKind::Scripts | StageKind::InfraConfig)).collect();
    assert!(code.len() >= 2, "infrastructure as code and scripts");
    for stage in code {
        assert_eq!(scenario.upstream_of(&stage.id).count(), 0, "code stage {} waits for something", stage.id);
    }
    assert_ne!(scenario.regions.primary, scenario.regions.secondary);
}

/// Minutes as the review writes them (`4h`, `1d 2h`, `never`).
fn review_minutes(m: Option<f64>) -> String {
    m.map_or_else(|| "never".to_string(), |m| keel::text::Mins(m).to_string())
}

/// The worked review of one example's plan, stage by stage and disruption by disruption, as
/// docs/engine.md shows it (§9).
fn review_table(scenario: &Scenario) -> String {
    let plan = keel::engine::plan(scenario);
    let mut out = String::from(
        "| stage | disruption | backup + strategy | rule | recovery point (effective) / RPO | back at / RTO | monthly | |\n|---|---|---|---|---|---|---|---|\n",
    );
    for (s, p) in scenario.stages.iter().zip(&plan.stages) {
        for r in &p.recommendations {
            let ok = if r.meets() { "meets" } else { "**misses**" };
            out.push_str(&format!(
                "| {} | {} | {} + {} | `{}` | {} / {} | {} / {} | {:.2} | {} |\n",
                s.display_name(),
                r.disruption.label().to_lowercase(),
                r.backup.label().to_lowercase(),
                r.strategy.label().to_lowercase(),
                r.rule,
                review_minutes(r.effective_rpo_minutes),
                keel::text::Whole(r.target.rpo_minutes),
                review_minutes(r.completion_minutes),
                keel::text::Whole(r.target.rto_minutes),
                r.cost.total(),
                ok
            ));
        }
    }
    out
}

/// docs/engine.md's worked review is the plan the engine makes today for both examples.
#[test]
fn the_worked_review_in_the_engine_doc_is_today_s_plan() {
    let doc = std::fs::read_to_string(root().join("docs/engine.md")).unwrap_or_default();
    for (name, _, scenario) in examples() {
        let table = review_table(&scenario);
        assert!(doc.contains(&table), "docs/engine.md §9 is out of step for {name}; paste this in:\n{table}");
    }
}
