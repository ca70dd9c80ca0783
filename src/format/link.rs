//! Share links: a whole scenario in a URL fragment, `v1.` + base64url(zlib(compact JSON)).
//!
//! The JSON is the plan file's `scenario` with every member that equals its default left out
//! (decoding fills the same defaults back in, so nothing is lost) and canvas coordinates
//! rounded to whole pixels. Decoding is capped — the fragment's length, the inflated size and
//! the stage and flow counts — so a hostile link cannot freeze the page, and goes through the
//! same checks as a plan file, with the same messages. See docs/link-format.md.

use super::{decode_scenario_value, DecodeError};
use crate::model::{Diagnostic, Disruption, Scenario};
use crate::results::ResultsView;
use base64::Engine;
use serde_json::{Map, Value};

/// The version tag of links this Keel writes.
pub const LINK_PREFIX_V1: &str = "v1.";
/// The most bytes a link may inflate to.
pub const MAX_INFLATED_BYTES: usize = 1024 * 1024;
/// The longest fragment Keel reads (far above any real scenario's link).
pub const MAX_LINK_CHARS: usize = 2 * 1024 * 1024;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Short keys of link version 1: (file key, link key). Part of the link format: never change a
/// pair; a new field gets a new, unused short key.
const SCENARIO_KEYS: &[(&str, &str)] = &[
    ("name", "n"),
    ("span_months", "sm"),
    ("currency", "cu"),
    ("regions", "rg"),
    ("disasters_per_year", "dy"),
    ("targets", "t"),
    ("stages", "st"),
    ("flows", "f"),
    ("overrides", "o"),
    ("allow_preview", "ap"),
    ("incidents_per_year", "ir"),
    ("detection_delay_days", "dd"),
    ("recent", "rc"),
    ("variant", "vn"),
];
/// The link key of the kept variants, each `{"n": name, "d": patch}` (see `format::patch`).
const VARIANTS_KEY: &str = "va";
/// How the results are shown (`results::ResultsView`), beside the scenario's members.
const VIEW_KEY: &str = "rv";
const VIEW_KEYS: &[(&str, &str)] =
    &[("disruption", "d"), ("tab", "t"), ("sort", "s"), ("descending", "sd"), ("folded", "f")];
const STAGE_KEYS: &[(&str, &str)] = &[
    ("id", "i"),
    ("kind", "k"),
    ("label", "l"),
    ("pos", "p"),
    ("service", "s"),
    ("volume_gb", "v"),
    ("daily_change_gb", "d"),
    ("automated", "a"),
    ("modified_in_place", "m"),
    ("recreatable", "r"),
    ("source_retention_days", "sr"),
    ("load", "ld"),
    ("hot_window_days", "h"),
    ("refresh_minutes", "rf"),
    ("detection_delay_days", "dd"),
    ("targets", "t"),
    ("recent", "rc"),
    ("backup_retention_days", "br"),
    ("max_retention_days", "mr"),
    ("available_in_secondary", "as"),
    ("restore_tested", "rt"),
    ("reprocess_tb_per_hour", "rp"),
    ("compute_monthly", "c"),
    ("read_limit_tb_per_hour", "rl"),
    ("vault", "vt"),
    ("customer_managed_keys", "ck"),
    ("separate_backup_admins", "sa"),
];
const REGION_KEYS: &[(&str, &str)] = &[("primary", "p"), ("secondary", "s")];
/// Also the keys of `incidents_per_year`, a rate per disruption type.
const TARGETS_KEYS: &[(&str, &str)] = &[("data_corruption", "c"), ("region_outage", "o"), ("ransomware", "r")];
const TARGET_KEYS: &[(&str, &str)] = &[("rpo_minutes", "p"), ("rto_minutes", "t")];
const RECENT_KEYS: &[(&str, &str)] =
    &[("days", "d"), ("data_corruption", "c"), ("region_outage", "o"), ("ransomware", "r")];
const LOAD_KEYS: &[(&str, &str)] = &[("pattern", "p"), ("partition_gb", "g")];
const FLOW_KEYS: &[(&str, &str)] = &[("from", "f"), ("to", "t")];

/// Which way keys are renamed.
#[derive(Clone, Copy)]
enum Direction {
    Shorten,
    Lengthen,
}

/// Renames the keys of `obj` found in `table`; any other key is kept as it is, which is how links
/// written before a member had its short key (`ransomware` and `vault` did until 2026-12-03) open
/// the same.
fn rename(obj: &mut Map<String, Value>, table: &[(&str, &str)], direction: Direction) {
    let old = std::mem::take(obj);
    for (key, value) in old {
        let renamed = table.iter().find_map(|&(long, short)| match direction {
            Direction::Shorten if key == long => Some(short),
            Direction::Lengthen if key == short => Some(long),
            _ => None,
        });
        obj.insert(renamed.map_or(key, str::to_string), value);
    }
}

fn rename_targets(value: Option<&mut Value>, direction: Direction) {
    if let Some(Value::Object(targets)) = value {
        for t in targets.values_mut() {
            if let Value::Object(t) = t {
                rename(t, TARGET_KEYS, direction);
            }
        }
        rename(targets, TARGETS_KEYS, direction);
    }
}

/// A recent-data target: its days and a target per disruption type.
fn rename_recent(value: Option<&mut Value>, direction: Direction) {
    if let Some(Value::Object(recent)) = value {
        if let Direction::Lengthen = direction {
            rename(recent, RECENT_KEYS, direction);
        }
        for d in Disruption::ALL {
            if let Some(Value::Object(t)) = recent.get_mut(d.key()) {
                rename(t, TARGET_KEYS, direction);
            }
        }
        if let Direction::Shorten = direction {
            rename(recent, RECENT_KEYS, direction);
        }
    }
}

/// Renames every key of a scenario value between file keys and link keys.
fn rename_scenario(scenario: &mut Value, direction: Direction) {
    let Some(top) = scenario.as_object_mut() else { return };
    // Rename the top level first when lengthening, last when shortening, so that nested
    // members are always looked up by their long name.
    if let Direction::Lengthen = direction {
        rename(top, SCENARIO_KEYS, direction);
    }
    rename_targets(top.get_mut("targets"), direction);
    rename_recent(top.get_mut("recent"), direction);
    if let Some(Value::Object(rates)) = top.get_mut("incidents_per_year") {
        rename(rates, TARGETS_KEYS, direction);
    }
    if let Some(Value::Object(regions)) = top.get_mut("regions") {
        rename(regions, REGION_KEYS, direction);
    }
    if let Some(Value::Array(flows)) = top.get_mut("flows") {
        for flow in flows.iter_mut().filter_map(Value::as_object_mut) {
            rename(flow, FLOW_KEYS, direction);
        }
    }
    if let Some(Value::Array(stages)) = top.get_mut("stages") {
        for stage in stages.iter_mut().filter_map(Value::as_object_mut) {
            if let Direction::Lengthen = direction {
                rename(stage, STAGE_KEYS, direction);
            }
            rename_targets(stage.get_mut("targets"), direction);
            rename_recent(stage.get_mut("recent"), direction);
            if let Some(Value::Object(load)) = stage.get_mut("load") {
                rename(load, LOAD_KEYS, direction);
            }
            if let Direction::Shorten = direction {
                rename(stage, STAGE_KEYS, direction);
            }
        }
    }
    if let Direction::Shorten = direction {
        rename(top, SCENARIO_KEYS, direction);
    }
}

/// Why a link could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum LinkError {
    /// Not a Keel link, or a version this Keel does not know.
    UnknownVersion,
    /// The link is cut short or was changed: it does not decode.
    Corrupt(&'static str),
    /// The link decodes to more than [`MAX_INFLATED_BYTES`] or is longer than [`MAX_LINK_CHARS`].
    TooLarge,
    /// It decodes, but the scenario inside is wrong.
    Invalid(DecodeError),
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::UnknownVersion => {
                write!(f, "this is not a Keel link this version can open (links start with \"{LINK_PREFIX_V1}\")")
            }
            LinkError::Corrupt(what) => write!(f, "the link is damaged or cut short ({what}); ask for it again"),
            LinkError::TooLarge => write!(f, "the link holds more than Keel opens (1 MB of scenario)"),
            LinkError::Invalid(e) => write!(f, "the link's scenario cannot be used: {e}"),
        }
    }
}

impl std::error::Error for LinkError {}

/// The link fragment for a scenario (without the leading `#`).
pub fn encode_link(scenario: &Scenario) -> String {
    encode_link_with_view(scenario, &ResultsView::default())
}

/// The link fragment for a scenario and how its results are shown (`rv`, left out when it is
/// the default view, so such links are the links of before).
pub fn encode_link_with_view(scenario: &Scenario, view: &ResultsView) -> String {
    let mut value = serde_json::to_value(scenario).unwrap_or(Value::Null);
    let variants = value.as_object_mut().and_then(|top| top.remove("variants"));
    compact(&mut value);
    rename_scenario(&mut value, Direction::Shorten);
    // Each variant as what it changes of the scenario (a workshop's variants differ in a few
    // targets or stages).
    if let Some(Value::Array(variants)) = variants.filter(|v| v.as_array().is_some_and(|v| !v.is_empty())) {
        let base = value.clone();
        let patches: Vec<Value> = variants
            .into_iter()
            .map(|mut v| {
                let name = v.get_mut("name").map(Value::take).unwrap_or_default();
                let mut scenario = v.get_mut("scenario").map(Value::take).unwrap_or_default();
                compact(&mut scenario);
                rename_scenario(&mut scenario, Direction::Shorten);
                serde_json::json!({ "n": name, "d": super::patch::diff(&base, &scenario) })
            })
            .collect();
        if let Some(top) = value.as_object_mut() {
            top.insert(VARIANTS_KEY.to_string(), Value::Array(patches));
        }
    }
    if let (Some(Value::Object(mut shown)), Some(top)) = (view.to_value(), value.as_object_mut()) {
        rename(&mut shown, VIEW_KEYS, Direction::Shorten);
        top.insert(VIEW_KEY.to_string(), Value::Object(shown));
    }
    let json = serde_json::to_string(&value).unwrap_or_default();
    let deflated = miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9);
    format!("{LINK_PREFIX_V1}{}", B64.encode(deflated))
}

/// Opens a link fragment (with or without a leading `#`): the scenario, and warnings found
/// while reading it.
pub fn decode_link(fragment: &str) -> Result<(Scenario, Vec<Diagnostic>), LinkError> {
    decode_link_with_view(fragment).map(|(scenario, diagnostics, _)| (scenario, diagnostics))
}

/// Opens a link fragment as [`decode_link`] does, and also how its results were shown (the
/// default when the link does not say, or says something this Keel cannot read).
pub fn decode_link_with_view(fragment: &str) -> Result<(Scenario, Vec<Diagnostic>, ResultsView), LinkError> {
    let fragment = fragment.trim().trim_start_matches('#');
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge);
    }
    let Some(body) = fragment.strip_prefix(LINK_PREFIX_V1) else {
        return Err(LinkError::UnknownVersion);
    };
    let deflated = B64.decode(body.as_bytes()).map_err(|_| LinkError::Corrupt("not base64url"))?;
    let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&deflated, MAX_INFLATED_BYTES).map_err(|e| {
        if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput {
            LinkError::TooLarge
        } else {
            LinkError::Corrupt("does not inflate")
        }
    })?;
    let mut value: Value = serde_json::from_slice(&json).map_err(|_| LinkError::Corrupt("not JSON inside"))?;
    if !value.is_object() {
        return Err(LinkError::Corrupt("not a scenario inside"));
    }
    let view = match value.as_object_mut().and_then(|top| top.remove(VIEW_KEY)) {
        Some(Value::Object(mut shown)) => {
            rename(&mut shown, VIEW_KEYS, Direction::Lengthen);
            ResultsView::read(Some(&Value::Object(shown)))
        }
        _ => ResultsView::default(),
    };
    let variants = value.as_object_mut().and_then(|top| top.remove(VARIANTS_KEY));
    let variants = match variants {
        Some(Value::Array(patches)) => Some(variants_from(&value, patches)?),
        Some(_) => return Err(LinkError::Corrupt("the variants are not a list")),
        None => None,
    };
    rename_scenario(&mut value, Direction::Lengthen);
    if let (Some(variants), Some(top)) = (variants, value.as_object_mut()) {
        top.insert("variants".to_string(), Value::Array(variants));
    }
    decode_scenario_value(value)
        .map(|(scenario, diagnostics)| (scenario, diagnostics, view))
        .map_err(LinkError::Invalid)
}

/// The variants a link carries, each `{"name", "scenario"}` in file keys, from their patches on
/// the link's own (short-keyed) scenario.
fn variants_from(base: &Value, patches: Vec<Value>) -> Result<Vec<Value>, LinkError> {
    if patches.len() > crate::model::MAX_VARIANTS {
        return Err(LinkError::TooLarge);
    }
    patches
        .into_iter()
        .map(|p| {
            let patch = p.get("d").ok_or(LinkError::Corrupt("a variant has no changes"))?;
            let mut scenario = super::patch::apply(base, patch).map_err(LinkError::Corrupt)?;
            rename_scenario(&mut scenario, Direction::Lengthen);
            Ok(serde_json::json!({ "name": p.get("n").cloned().unwrap_or_default(), "scenario": scenario }))
        })
        .collect()
}

/// Leaves out what decoding restores: members equal to their serde default, and fractions of
/// canvas pixels.
fn compact(scenario: &mut Value) {
    let Some(top) = scenario.as_object_mut() else { return };
    if let Some(Value::Array(stages)) = top.get_mut("stages") {
        for stage in stages.iter_mut() {
            let Some(obj) = stage.as_object_mut() else { continue };
            if let Some(Value::Object(pos)) = obj.get_mut("pos") {
                for v in pos.values_mut() {
                    if let Some(f) = v.as_f64() {
                        *v = Value::from(f.round() as i64);
                    }
                }
            }
            let defaults = stage_defaults(obj);
            elide(obj, &defaults);
        }
    }
    let defaults = serde_json::from_str::<Scenario>("{}").ok().and_then(|s| serde_json::to_value(s).ok());
    if let Some(Value::Object(defaults)) = defaults {
        elide(top, &defaults);
    }
}

/// What a stage with only its id and kind decodes to.
fn stage_defaults(stage: &Map<String, Value>) -> Map<String, Value> {
    let minimal = serde_json::json!({ "id": stage.get("id"), "kind": stage.get("kind") });
    serde_json::from_value::<crate::model::Stage>(minimal)
        .ok()
        .and_then(|s| serde_json::to_value(s).ok())
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default()
}

fn elide(obj: &mut Map<String, Value>, defaults: &Map<String, Value>) {
    obj.retain(|key, value| key == "id" || key == "kind" || defaults.get(key) != Some(value));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{synthetic, Stage, StageKind};
    use proptest::prelude::*;

    #[test]
    fn round_trips_a_platform_with_whole_pixel_positions() {
        let scenario = synthetic(27);
        let link = encode_link(&scenario);
        assert!(link.starts_with("v1."));
        assert!(link.chars().all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c)), "URL-safe: {link}");
        let (back, _) = decode_link(&format!("#{link}")).expect("decodes");
        assert_eq!(back, scenario);
    }

    #[test]
    fn positions_are_rounded_and_nothing_else_changes() {
        let mut s = Scenario { stages: vec![Stage::new("a", StageKind::Raw)], ..Scenario::default() };
        s.stages[0].pos.x = 10.4;
        s.stages[0].pos.y = -3.6;
        let (back, _) = decode_link(&encode_link(&s)).expect("decodes");
        assert_eq!((back.stages[0].pos.x, back.stages[0].pos.y), (10.0, -4.0));
        s.stages[0].pos = back.stages[0].pos;
        assert_eq!(back, s);
    }

    /// The issue's budget: a 40-stage scenario's link at most 2,000 characters.
    #[test]
    fn forty_stages_fit_in_two_thousand_characters() {
        let link = encode_link(&synthetic(40));
        assert!(link.len() <= 2000, "{} characters", link.len());
    }

    /// The JSON inside a link, to see which short keys it carries.
    fn inflated(fragment: &str) -> String {
        let bytes = B64.decode(fragment.trim_start_matches("v1.")).expect("base64url");
        String::from_utf8(miniz_oxide::inflate::decompress_to_vec_zlib(&bytes).expect("inflates")).expect("UTF-8")
    }

    /// A refresh interval travels in the link as `rf`; a stage without one adds nothing, so a
    /// 40-stage link without refresh intervals is as long as before the field existed.
    #[test]
    fn refresh_intervals_round_trip_and_cost_nothing_when_absent() {
        let plain = synthetic(40);
        let link = encode_link(&plain);
        let mut set = plain.clone();
        for (i, stage) in set.stages.iter_mut().enumerate() {
            stage.refresh_minutes = (i % 2 == 0).then_some(1440);
        }
        let with = encode_link(&set);
        let (back, diagnostics) = decode_link(&with).expect("decodes");
        assert_eq!(back, set);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(with.len() > link.len(), "the intervals are carried");
        for stage in &mut set.stages {
            stage.refresh_minutes = None;
        }
        assert_eq!(encode_link(&set), link, "a stage without a refresh interval adds nothing");
        assert!(!inflated(&link).contains("\"rf\""), "no key without a refresh interval");
        assert!(inflated(&with).contains("\"rf\":1440"), "the short key");
        assert!(link.len() <= 2000, "{} characters", link.len());
    }

    /// A detection delay travels as `dd`, on the scenario and on a stage; unset, it adds nothing,
    /// so a 40-stage link without one is as long as before the field existed.
    #[test]
    fn detection_delays_round_trip_and_cost_nothing_when_absent() {
        let plain = synthetic(40);
        let link = encode_link(&plain);
        let mut set = plain.clone();
        set.detection_delay_days = Some(14);
        set.stages[3].detection_delay_days = Some(0);
        set.stages[5].detection_delay_days = Some(45);
        let with = encode_link(&set);
        let (back, diagnostics) = decode_link(&with).expect("decodes");
        assert_eq!(back, set);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert!(inflated(&with).contains("\"dd\":14") && inflated(&with).contains("\"dd\":45"), "the short key");
        assert!(!inflated(&link).contains("\"dd\""), "no key without a detection delay");
        set.detection_delay_days = None;
        for stage in &mut set.stages {
            stage.detection_delay_days = None;
        }
        assert_eq!(encode_link(&set), link, "no delay adds nothing");
        assert!(link.len() <= 2000, "{} characters", link.len());
    }

    /// A recent-data target travels as `rc` (days `d`, targets `c` and `o`), on the scenario and
    /// on a stage; unset, it adds nothing, so a 40-stage link without one stays as it was.
    #[test]
    fn recent_targets_round_trip_and_cost_nothing_when_absent() {
        let plain = synthetic(40);
        let link = encode_link(&plain);
        let mut set = plain.clone();
        let targets = crate::model::Targets::default();
        set.recent = Some(crate::model::RecentTargets::from_targets(7, targets));
        let mut own = crate::model::RecentTargets::from_targets(3, targets);
        own.region_outage.rto_minutes = 240;
        set.stages[5].recent = Some(own);
        let with = encode_link(&set);
        let (back, diagnostics) = decode_link(&with).expect("decodes");
        assert_eq!(back, set);
        assert!(diagnostics.iter().all(|d| d.path.ends_with("hot_window_days")), "{diagnostics:?}");
        let bytes = B64.decode(with.trim_start_matches("v1.")).expect("base64url");
        let inflated =
            String::from_utf8(miniz_oxide::inflate::decompress_to_vec_zlib(&bytes).expect("inflates")).expect("UTF-8");
        assert!(inflated.contains(r#""rc":{"c":{"p":1440,"t":1440},"d":7,"o":{"p":1440,"t":2880}}"#), "{inflated}");
        assert!(inflated.contains(r#""rc":{"c":{"p":1440,"t":1440},"d":3,"o":{"p":1440,"t":240}}"#), "{inflated}");
        set.recent = None;
        set.stages[5].recent = None;
        assert_eq!(encode_link(&set), link, "no recent target adds nothing");
        assert!(link.len() <= 2000, "{} characters", link.len());
    }

    /// Ransomware travels as `r` beside `c` and `o` — in targets, recent-data targets and
    /// incident rates — and a stage's vault as `vt`; unset, they add nothing.
    #[test]
    fn ransomware_members_round_trip_with_short_keys_and_cost_nothing_when_absent() {
        use crate::model::{IncidentRates, RecentTargets, Target, Targets};
        let plain = synthetic(40);
        let link = encode_link(&plain);
        let mut set = plain.clone();
        let week = Target { rpo_minutes: 1440, rto_minutes: 7 * 1440 };
        set.targets.ransomware = Some(week);
        set.incidents_per_year =
            Some(IncidentRates { data_corruption: 2.0, region_outage: 0.1, ransomware: Some(0.5) });
        let mut recent = RecentTargets::from_targets(7, Targets::default());
        recent.ransomware = Some(Target { rpo_minutes: 1440, rto_minutes: 480 });
        set.stages[5].recent = Some(recent);
        set.stages[5].vault = Some("off_cloud".into());
        let with = encode_link(&set);
        let (back, _) = decode_link(&with).expect("decodes");
        assert_eq!(back, set);
        let json = inflated(&with);
        for short in [r#""r":{"p":1440,"t":10080}"#, r#""r":0.5"#, r#""r":{"p":1440,"t":480}"#, r#""vt":"off_cloud""#] {
            assert!(json.contains(short), "{short} in {json}");
        }
        assert!(!json.contains("ransomware") && !json.contains("vault"), "no long key left: {json}");
        set.targets.ransomware = None;
        set.incidents_per_year = None;
        set.stages[5].recent = None;
        set.stages[5].vault = None;
        assert_eq!(encode_link(&set), link, "no ransomware member adds nothing");
    }

    /// Links made before these short keys open to the same scenario: the Lusty platform's link
    /// from before ransomware existed, and one that carries the ransomware members under their
    /// file names (as links were written until 2026-12-03). Both made with `keel link` then.
    #[test]
    fn links_made_before_the_ransomware_keys_open_the_same() {
        use crate::model::{IncidentRates, Target};
        let (lusty, _) =
            crate::format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("the example");
        let before = include_str!("../../tests/fixtures/link-v1-lusty.txt").trim();
        let (opened, _) = decode_link(before).expect("the old link opens");
        assert_eq!(opened, lusty);
        assert_eq!(encode_link(&opened), before, "a scenario without ransomware members: the same link as before");

        let long = include_str!("../../tests/fixtures/link-v1-lusty-ransomware-long-keys.txt").trim();
        assert!(inflated(long).contains(r#""ransomware":"#) && inflated(long).contains(r#""vault":"#));
        let (opened, _) = decode_link(long).expect("the old link opens");
        let mut expected = lusty;
        let target = |rpo_minutes, rto_minutes| Target { rpo_minutes, rto_minutes };
        expected.targets.ransomware = Some(target(1440, 4320));
        expected.incidents_per_year =
            Some(IncidentRates { data_corruption: 2.0, region_outage: 0.1, ransomware: Some(0.5) });
        let raw = expected.stages.iter_mut().find(|s| s.id == "raw").expect("raw");
        raw.vault = Some("off_cloud".into());
        let own = raw.targets.get_or_insert(expected.targets);
        (own.data_corruption, own.region_outage, own.ransomware) =
            (target(60, 240), target(1440, 2880), Some(target(1440, 2880)));
        let warehouse = expected.stages.iter_mut().find(|s| s.id == "warehouse").expect("warehouse");
        warehouse.recent.as_mut().expect("the example's recent target").ransomware = Some(target(1440, 480));
        assert_eq!(opened, expected);
        let again = encode_link(&opened);
        assert!(again.len() < long.len(), "short keys now: {} < {}", again.len(), long.len());
        assert_eq!(decode_link(&again).expect("decodes").0, expected);
    }

    /// A workshop's three variants of the Lusty platform ride in one link, each as what it
    /// changes: the link grows by a few dozen characters per variant, where whole copies would
    /// (nearly) double it (figures in docs/link-format.md, "Variants").
    #[test]
    fn variants_ride_in_the_link_as_what_they_change() {
        use crate::model::{Target, Variant};
        let (lusty, _) =
            crate::format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("the example");
        let alone = encode_link(&lusty).len();
        let mut loose = lusty.clone();
        loose.targets.data_corruption = Target { rpo_minutes: 1440, rto_minutes: 240 };
        let mut no_standby = lusty.clone();
        no_standby.stages[3].label = "Raw zone (no standby)".into();
        no_standby.stages[3].available_in_secondary = !no_standby.stages[3].available_in_secondary;
        no_standby.stages.remove(1);
        no_standby.flows.retain(|f| no_standby.stages.iter().any(|s| s.id == f.from));
        let mut with = lusty.clone();
        with.variants =
            vec![Variant::of("today", &lusty), Variant::of("RTO 4 h", &loose), Variant::of("no standby", &no_standby)];
        with.variant = Some("today".into());
        let link = encode_link(&with);
        let (back, warnings) = decode_link(&link).expect("decodes");
        assert_eq!(back, with);
        assert!(warnings.iter().all(|w| !w.path.starts_with("variant")), "{warnings:?}");

        // Whole copies, for the record: the same variants, each as its full compact scenario.
        let mut whole = serde_json::to_value(&lusty).unwrap_or_default();
        compact(&mut whole);
        rename_scenario(&mut whole, Direction::Shorten);
        let copies: Vec<Value> = with
            .variants
            .iter()
            .map(|v| {
                let mut c = serde_json::to_value(&v.scenario).unwrap_or_default();
                compact(&mut c);
                rename_scenario(&mut c, Direction::Shorten);
                serde_json::json!({ "n": v.name, "d": c })
            })
            .collect();
        whole[VARIANTS_KEY] = Value::Array(copies);
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(whole.to_string().as_bytes(), 9);
        let copies_len = LINK_PREFIX_V1.len() + B64.encode(deflated).len();
        println!("link: alone {alone}, three variants as changes {}, as whole copies {copies_len}", link.len());
        assert!(link.len() < alone + 3 * 120, "{} characters for three small variants", link.len());
        assert!(link.len() < copies_len, "changes are shorter than copies");
    }

    #[test]
    fn a_link_whose_variant_does_not_fit_is_refused_by_name() {
        let (lusty, _) =
            crate::format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("the example");
        let mut value = serde_json::to_value(&lusty).unwrap_or_default();
        compact(&mut value);
        rename_scenario(&mut value, Direction::Shorten);
        value[VARIANTS_KEY] = serde_json::json!([{ "n": "x", "d": { "st": ["no-such-stage"] } }]);
        let deflated = miniz_oxide::deflate::compress_to_vec_zlib(value.to_string().as_bytes(), 9);
        let link = format!("{LINK_PREFIX_V1}{}", B64.encode(deflated));
        assert_eq!(
            decode_link(&link).expect_err("refused").to_string(),
            "the link is damaged or cut short (a variant names a stage the scenario does not have); ask for it again"
        );
    }

    #[test]
    fn the_results_view_rides_in_the_link_and_the_default_costs_nothing() {
        use crate::results::{Column, ResultsTab, Sort};
        let (scenario, _) =
            crate::format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("the example");
        let plain = encode_link(&scenario);
        assert_eq!(encode_link_with_view(&scenario, &ResultsView::default()), plain);
        let view = ResultsView {
            disruption: Disruption::Ransomware,
            tab: ResultsTab::Plots,
            sort: Sort { column: Column::Cost, descending: false },
            folded: true,
        };
        let shown = encode_link_with_view(&scenario, &view);
        let (opened, _, seen) = decode_link_with_view(&shown).expect("opens");
        assert_eq!((opened, seen), (scenario.clone(), view));
        let inside = inflated(&shown);
        let rv = &inside[inside.find(r#""rv":{"#).expect("rv")..];
        let rv = &rv[..rv.find('}').expect("closed")];
        for part in [r#""d":"ransomware""#, r#""t":"plots""#, r#""s":"cost""#, r#""f":true"#] {
            assert!(rv.contains(part), "{rv} lacks {part}");
        }
        assert!(!rv.contains("sd"), "ascending is the default: {rv}");
        // A link of before has the default view; one whose view this Keel cannot read opens too.
        assert_eq!(decode_link_with_view(&plain).expect("opens").2, ResultsView::default());
        let odd = shown_with(&scenario, serde_json::json!({ "t": "charts", "d": 7, "f": true }));
        let (opened, _, seen) = decode_link_with_view(&odd).expect("opens");
        assert_eq!((opened, seen), (scenario, ResultsView { folded: true, ..ResultsView::default() }));
    }

    /// The scenario's link with `rv` set to `view` as written (for views no Keel writes).
    fn shown_with(scenario: &Scenario, view: Value) -> String {
        let mut value: Value = serde_json::from_str(&inflated(&encode_link(scenario))).expect("JSON");
        value.as_object_mut().expect("object").insert(VIEW_KEY.into(), view);
        let json = serde_json::to_string(&value).expect("JSON");
        format!("{LINK_PREFIX_V1}{}", B64.encode(miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), 9)))
    }

    fn check(fragment: &str, expect: &str) {
        let err = decode_link(fragment).expect_err(fragment).to_string();
        assert!(err.contains(expect), "{fragment:?}: {err} should say {expect:?}");
    }

    #[test]
    fn bad_links_get_typed_errors() {
        check("", "not a Keel link");
        check("v9.abc", "not a Keel link");
        check("v1.###", "not base64url");
        check("v1.AAAA", "does not inflate");
        let not_json = B64.encode(miniz_oxide::deflate::compress_to_vec_zlib(b"hello", 9));
        check(&format!("v1.{not_json}"), "not JSON inside");
        let array = B64.encode(miniz_oxide::deflate::compress_to_vec_zlib(b"[1]", 9));
        check(&format!("v1.{array}"), "not a scenario inside");
        let bad_kind = B64.encode(miniz_oxide::deflate::compress_to_vec_zlib(br#"{"st":[{"i":"x","k":"lake"}]}"#, 9));
        check(&format!("v1.{bad_kind}"), "stages[0].kind");
        // A zip bomb: 2 MB of spaces deflates to a few KB but must not be inflated past the cap.
        let bomb = B64.encode(miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; 2 * 1024 * 1024], 9));
        assert!(bomb.len() < 20_000);
        check(&format!("v1.{bomb}"), "more than Keel opens");
        check(&"v1.".repeat(MAX_LINK_CHARS), "more than Keel opens");
    }

    proptest! {
        /// Mutated links never panic: each gives a scenario or a typed error.
        #[test]
        fn mutated_links_never_panic(at in 0usize..10_000, c in proptest::char::range('+', 'z'), cut in 0usize..10_000) {
            let link = encode_link(&synthetic(14));
            let mut chars: Vec<char> = link.chars().collect();
            let at = at % chars.len();
            chars[at] = c;
            chars.truncate(chars.len() - cut % chars.len());
            let mutated: String = chars.into_iter().collect();
            let _ = decode_link(&mutated);
        }

        /// scenario → link → scenario, for synthetic platforms of any size.
        #[test]
        fn link_round_trip(n in 0usize..60) {
            let scenario = synthetic(n);
            let (back, _) = decode_link(&encode_link(&scenario)).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(back, scenario);
        }
    }
}
