//! Plan file tests: every way a file can be wrong gets a readable error naming its place.

use super::*;
use crate::model::{LoadPattern, Stage, StageKind, Target, Targets};

fn check_err(input: &str, expect: &[&str]) {
    let err = decode(input).expect_err(input).to_string();
    for part in expect {
        assert!(err.contains(part), "error for {input:?} should mention {part:?}: {err}");
    }
}

#[test]
fn bad_files_get_errors_that_name_the_place() {
    check_err("{", &["not valid JSON", "line 1"]);
    check_err("[1,2]", &["not a Keel plan"]);
    check_err(r#"{"type":"excalidraw","version":2}"#, &["\"excalidraw\" file", "not a Keel plan"]);
    check_err(r#"{"type":"keel-plan","version":9,"scenario":{}}"#, &["version 9", "newer Keel"]);
    check_err(r#"{"type":"keel-plan","scenario":{}}"#, &["version: is missing"]);
    check_err(r#"{"type":"keel-plan","version":1}"#, &["scenario: is missing"]);
    check_err(
        r#"{"type":"keel-plan","version":1,"scenario":{"stages":[{"id":"a","kind":"raw"},{"id":"lake","kind":"lakehouse"}]}}"#,
        &["stages[1].kind", "stage \"lake\"", "unknown value `lakehouse`", "curated"],
    );
    check_err(
        r#"{"stages":[{"id":"a","kind":"raw","volume_gb":"lots"}]}"#,
        &["stages[0].volume_gb", "stage \"a\"", "wrong type"],
    );
    check_err(r#"{"stages":[{"id":"a","kind":"raw","volume_gb":-3}]}"#, &["stages[0].volume_gb", "negative"]);
    check_err(
        r#"{"stages":[{"id":"a","kind":"raw"}],"flows":[{"from":"a","to":"ghost"}]}"#,
        &["flows[0].to", "\"ghost\"", "does not exist"],
    );
    check_err(
        r#"{"stages":[{"id":"a","kind":"raw"},{"id":"b","kind":"curated"}],"flows":[{"from":"a","to":"b"},{"from":"b","to":"a"}]}"#,
        &["cycle", "a → b → a"],
    );
    check_err(r#"{"stages":[{"kind":"raw"}]}"#, &["stages[0]", "missing required field `id`"]);
}

#[test]
fn size_and_count_limits() {
    let big = " ".repeat(MAX_FILE_BYTES + 1);
    assert!(matches!(decode(&big), Err(DecodeError::TooLarge { .. })));
    let stages: Vec<String> = (0..=MAX_STAGES).map(|i| format!(r#"{{"id":"s{i}","kind":"raw"}}"#)).collect();
    check_err(&format!(r#"{{"stages":[{}]}}"#, stages.join(",")), &["stages: has 5001 entries", "at most 5000"]);
}

#[test]
fn defaults_fill_what_a_hand_written_file_leaves_out() {
    let (s, warnings) = decode(r#"{"stages":[{"id":"r","kind":"raw"}]}"#).expect("minimal file");
    assert!(warnings.is_empty());
    assert_eq!(s.span_months, 36);
    assert_eq!(s.currency, "USD");
    let r = &s.stages[0];
    assert!(r.automated && r.available_in_secondary && !r.restore_tested);
    assert_eq!(r.backup_retention_days, 30);
    assert_eq!(r.load, LoadPattern::PartitionedIncremental { partition_gb: None });
}

#[test]
fn the_plan_member_is_ignored_on_input_and_written_on_output() {
    let scenario = Scenario { stages: vec![Stage::new("raw", StageKind::Raw)], ..Scenario::default() };
    let plan = crate::engine::plan(&scenario);
    let text = encode(&scenario, Some(&plan));
    let v: Value = serde_json::from_str(&text).expect("json");
    assert_eq!(v["type"], FILE_TYPE);
    assert_eq!(v["version"], FILE_VERSION);
    assert!(v["plan"]["stages"][0]["recommendations"].is_array());
    let (back, _) = decode(&text).expect("reads its own output");
    assert_eq!(back, scenario);
}

/// Golden fixture: a version-1 file written by hand must keep loading, to the same scenario.
#[test]
fn golden_v1_fixture_loads() {
    let text = include_str!("../../tests/fixtures/plan-v1.json");
    let (s, _) = decode(text).expect("v1 fixture");
    assert_eq!(s.name, "Golden v1");
    assert_eq!(s.stages.len(), 3);
    let model = s.stage("model").expect("model stage");
    assert_eq!(model.load, LoadPattern::DailyFull);
    assert_eq!(
        model.targets,
        Some(Targets {
            data_corruption: Target { rpo_minutes: 1440, rto_minutes: 240 },
            region_outage: Target { rpo_minutes: 1440, rto_minutes: 480 },
            ransomware: None,
        })
    );
    assert_eq!(s.overrides.get("storage.hot_gb_month"), Some(&0.02));
    assert_eq!(s.flows.len(), 2);
}

/// The golden fixture survives every way the app passes a scenario on: file (export, import,
/// autosave) and share link.
#[test]
fn golden_v1_fixture_round_trips_through_file_and_link() {
    let (s, _) = decode(include_str!("../../tests/fixtures/plan-v1.json")).expect("v1 fixture");
    let plan = crate::engine::plan(&s);
    assert_eq!(decode(&encode(&s, Some(&plan))).map(|(back, _)| back), Ok(s.clone()));
    assert_eq!(decode(&encode(&s, None)).map(|(back, _)| back), Ok(s.clone()));
    assert_eq!(decode_link(&encode_link(&s)).map(|(back, _)| back), Ok(s));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    prop_compose! {
        fn arb_stage(i: usize)(kind in 0..StageKind::ALL.len(), label in ".{0,12}", volume in 0.0..1e6f64,
            change in 0.0..1e4f64, x in -5000.0..5000.0f64, y in -5000.0..5000.0f64, flags in any::<[bool; 4]>(),
            retention in proptest::option::of(0u32..5000), rpo in 0u32..100_000, rto in 0u32..100_000,
            partition in proptest::option::of(0.0..1e5f64), full in any::<bool>()) -> Stage {
            let mut s = Stage::new(format!("s{i}"), StageKind::ALL[kind]);
            s.label = label;
            s.volume_gb = volume;
            s.daily_change_gb = change;
            s.pos.x = x;
            s.pos.y = y;
            s.automated = flags[0];
            s.modified_in_place = flags[1];
            s.recreatable = flags[2];
            s.hot_window_days = flags[3].then_some(7);
            s.source_retention_days = retention;
            s.load = if full { LoadPattern::DailyFull } else { LoadPattern::PartitionedIncremental { partition_gb: partition } };
            s.targets = Some(Targets { data_corruption: Target { rpo_minutes: rpo, rto_minutes: rto }, ..Targets::default() });
            s
        }
    }

    proptest! {
        /// scenario → file → scenario gives back the same scenario.
        #[test]
        fn file_round_trip(
            stages in (0usize..6).prop_flat_map(|n| (0..n).map(arb_stage).collect::<Vec<_>>()),
            name in ".{0,20}",
        ) {
            let n = stages.len();
            let flows = (1..n).map(|i| crate::model::Flow { from: format!("s{}", i - 1), to: format!("s{i}") }).collect();
            let scenario = Scenario { name, stages, flows, ..Scenario::default() };
            let text = encode(&scenario, None);
            let (back, _) = decode(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, scenario);
        }

        /// Mangled files never panic the decoder: each gives a scenario or a typed error.
        #[test]
        fn mutated_files_never_panic(cut in 0usize..2000, byte in any::<u8>(), at in 0usize..2000) {
            let text = include_str!("../../tests/fixtures/plan-v1.json");
            let mut bytes = text.as_bytes().to_vec();
            let at = at % bytes.len();
            bytes[at] = byte;
            bytes.truncate(bytes.len() - cut % bytes.len());
            let mutated = String::from_utf8_lossy(&bytes);
            let _ = decode(&mutated);
        }
    }
}
