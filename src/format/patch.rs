//! What a variant changes, as a patch on the scenario it is kept beside: how a share link
//! carries variants without repeating the whole platform (docs/link-format.md, "Variants").
//!
//! Works on the link's compact JSON (short keys, defaults left out), where `null` never occurs,
//! so it can mean "removed". Objects are patched member by member; the stage list (`st`) stage
//! by stage, matched by id: an unchanged stage is its id alone, a changed one its id and the
//! members that differ, a new one whole. Any other array is replaced whole when it differs.

use serde_json::{Map, Value};

/// The link key of the stage list, whose entries are matched by id (`i`).
const STAGES: &str = "st";
const ID: &str = "i";

/// The patch that turns `base` into `target` (both objects).
pub fn diff(base: &Value, target: &Value) -> Value {
    match (base, target) {
        (Value::Object(a), Value::Object(b)) => Value::Object(diff_objects(a, b)),
        _ => target.clone(),
    }
}

fn diff_objects(a: &Map<String, Value>, b: &Map<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    for (key, new) in b {
        match (a.get(key), new) {
            (Some(old), _) if old == new => {}
            (Some(Value::Array(old)), Value::Array(new)) if key == STAGES => {
                out.insert(key.clone(), Value::Array(diff_stages(old, new)));
            }
            (Some(old @ Value::Object(_)), Value::Object(_)) => {
                out.insert(key.clone(), diff(old, new));
            }
            _ => {
                out.insert(key.clone(), new.clone());
            }
        }
    }
    for key in a.keys().filter(|k| !b.contains_key(*k)) {
        out.insert(key.clone(), Value::Null);
    }
    out
}

fn id_of(stage: &Value) -> Option<&Value> {
    stage.get(ID)
}

fn diff_stages(old: &[Value], new: &[Value]) -> Vec<Value> {
    new.iter()
        .map(|stage| match id_of(stage).and_then(|id| old.iter().find(|s| id_of(s) == Some(id))) {
            Some(same) if same == stage => id_of(stage).cloned().unwrap_or(Value::Null),
            Some(before) => {
                let mut changed = diff(before, stage);
                if let (Value::Object(changed), Some(id)) = (&mut changed, id_of(stage)) {
                    changed.insert(ID.to_string(), id.clone());
                }
                changed
            }
            None => stage.clone(),
        })
        .collect()
}

/// `base` with `patch` applied, or why the patch does not fit it (a link changed by hand).
pub fn apply(base: &Value, patch: &Value) -> Result<Value, &'static str> {
    match (base, patch) {
        (Value::Object(a), Value::Object(p)) => {
            let mut out = a.clone();
            for (key, change) in p {
                match (a.get(key), change) {
                    (_, Value::Null) => {
                        out.remove(key);
                    }
                    (Some(Value::Array(old)), Value::Array(entries)) if key == STAGES => {
                        out.insert(key.clone(), Value::Array(apply_stages(old, entries)?));
                    }
                    (Some(old @ Value::Object(_)), Value::Object(_)) => {
                        out.insert(key.clone(), apply(old, change)?);
                    }
                    _ => {
                        out.insert(key.clone(), change.clone());
                    }
                }
            }
            Ok(Value::Object(out))
        }
        (_, Value::Object(_)) => Err("a variant patches what is not an object"),
        _ => Ok(patch.clone()),
    }
}

fn apply_stages(old: &[Value], entries: &[Value]) -> Result<Vec<Value>, &'static str> {
    let find = |id: &Value| old.iter().find(|s| id_of(s) == Some(id));
    entries
        .iter()
        .map(|entry| match entry {
            Value::Object(_) => match id_of(entry).and_then(find) {
                Some(before) => {
                    let mut stage = apply(before, entry)?;
                    if let (Value::Object(stage), Some(id)) = (&mut stage, id_of(entry)) {
                        stage.insert(ID.to_string(), id.clone());
                    }
                    Ok(stage)
                }
                None => Ok(entry.clone()),
            },
            id => find(id).cloned().ok_or("a variant names a stage the scenario does not have"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    /// (base, target) → the patch; every case also round-trips.
    #[test]
    fn patches_hold_only_what_differs() {
        let base = json!({"n": "Lake", "t": {"c": {"p": 60, "t": 240}}, "st": [
            {"i": "raw", "k": "raw", "v": 100}, {"i": "cur", "k": "curated"}], "f": [{"f": "raw", "t": "cur"}]});
        let check = |target: Value, expect: Value| {
            let patch = diff(&base, &target);
            assert_eq!(patch, expect, "patch of {target}");
            assert_eq!(apply(&base, &patch), Ok(target));
        };
        check(base.clone(), json!({}));
        check(
            json!({"n": "Lake", "t": {"c": {"p": 60, "t": 60}}, "st": [
                {"i": "raw", "k": "raw", "v": 100}, {"i": "cur", "k": "curated"}], "f": [{"f": "raw", "t": "cur"}]}),
            json!({"t": {"c": {"t": 60}}}),
        );
        check(
            json!({"n": "Lake", "t": {"c": {"p": 60, "t": 240}}, "st": [
                {"i": "cur", "k": "curated", "s": "adls"}, {"i": "raw", "k": "raw", "v": 100}, {"i": "new", "k": "cache"}],
                "f": [{"f": "raw", "t": "cur"}]}),
            json!({"st": [{"i": "cur", "s": "adls"}, "raw", {"i": "new", "k": "cache"}]}),
        );
        check(
            json!({"n": "Lake", "st": [{"i": "raw", "k": "raw"}], "f": []}),
            json!({"t": null, "st": [{"i": "raw", "v": null}], "f": []}),
        );
    }

    #[test]
    fn a_patch_that_does_not_fit_is_an_error() {
        let base = json!({"st": [{"i": "raw", "k": "raw"}]});
        assert_eq!(apply(&base, &json!({"st": ["gone"]})), Err("a variant names a stage the scenario does not have"));
        assert_eq!(apply(&json!(1), &json!({"a": 1})), Err("a variant patches what is not an object"));
    }

    fn arb_stage() -> impl Strategy<Value = Value> {
        (0..6u8, prop::option::of(0..3u8), prop::option::of(1..500u32)).prop_map(|(id, svc, v)| {
            let mut s = json!({"i": format!("s{id}"), "k": "raw"});
            if let Some(svc) = svc {
                s["s"] = json!(format!("svc{svc}"));
            }
            if let Some(v) = v {
                s["v"] = json!(v);
            }
            s
        })
    }

    fn arb_scenario() -> impl Strategy<Value = Value> {
        (prop::collection::vec(arb_stage(), 0..6), prop::option::of(1..5u32), any::<bool>()).prop_map(
            |(stages, span, preview)| {
                // Ids are unique in a scenario.
                let mut seen = std::collections::BTreeSet::new();
                let stages: Vec<Value> = stages.into_iter().filter(|s| seen.insert(s["i"].to_string())).collect();
                let mut s = json!({"st": stages});
                if let Some(span) = span {
                    s["t"] = json!({"c": {"p": span}});
                }
                if preview {
                    s["ap"] = json!(true);
                }
                s
            },
        )
    }

    proptest! {
        #[test]
        fn every_variant_comes_back_from_its_patch(base in arb_scenario(), target in arb_scenario()) {
            prop_assert_eq!(apply(&base, &diff(&base, &target)), Ok(target));
        }
    }
}
