//! Engine tests, by topic, and the builders they share (the guides' rules, one case per row,
//! are in engine/rules/tests.rs, which builds its stages with these too):
//!
//! - `figures`: catalogue figures, the price book and the fixes that set them;
//! - `warnings`: each warning code, and what invalid input becomes;
//! - `recovery`: pipelines along the flows computed by hand, and break-even;
//! - `recent`: recent-data targets judged on the divided restore, by hand;
//! - `curves`: the cost curves, worked by hand and against planning at each target;
//! - `outage`: the ways through a region outage added on 2026-12-03, worked by hand;
//! - `properties`: what holds on any scenario.

mod curves;
mod figures;
mod outage;
mod properties;
mod recent;
mod recovery;
mod warnings;

use super::*;
use crate::model::{BackupMethod as B, DrStrategy as D, StageKind as K};
use crate::model::{LoadPattern, Stage, Target, Targets};
use breakeven::Cheaper;
use pipeline::{Phase, StageTimeline};

const CORRUPTION: Disruption = Disruption::DataCorruption;
const OUTAGE: Disruption = Disruption::RegionOutage;
const RANSOMWARE: Disruption = Disruption::Ransomware;

/// A stage `s` of `kind` with round figures (2000 GB, 20 GB a day when it holds data), not
/// recreatable, changed by `f`.
pub(super) fn stage(kind: K, f: impl FnOnce(&mut Stage)) -> Stage {
    let mut s = Stage::new("s", kind);
    s.volume_gb = if kind.holds_data() { 2000.0 } else { 0.0 };
    s.daily_change_gb = if kind.holds_data() { 20.0 } else { 0.0 };
    s.recreatable = false;
    f(&mut s);
    s
}

/// The plan of a platform of stage `s` alone.
fn plan_one(s: Stage) -> Plan {
    let scenario = Scenario { stages: vec![s], ..Scenario::default() };
    plan(&scenario)
}

/// The backup a case expects: this method, or any method that keeps a copy of the data.
pub(super) enum Backup {
    Is(B),
    KeepsCopy,
}

/// Asserts that `rec` plans `backup` with one of `strategies`, and that its reason says every
/// one of `words`; `case` names the case in the messages.
pub(super) fn assert_rec(case: &str, rec: &Recommendation, backup: &Backup, strategies: &[D], words: &[&str]) {
    let why = &rec.reason;
    match *backup {
        Backup::Is(b) => assert_eq!(rec.backup, b, "{case}: backup; reason: {why}"),
        Backup::KeepsCopy => assert!(
            !matches!(rec.backup, B::None | B::Git | B::ConfigExport),
            "{case}: expected a backup that keeps a copy, got {:?}; reason: {why}",
            rec.backup
        ),
    }
    assert!(
        strategies.contains(&rec.strategy),
        "{case}: strategy {:?} not in {strategies:?}; reason: {why}",
        rec.strategy
    );
    for w in words {
        assert!(why.contains(w), "{case}: reason should say \"{w}\": {why}");
    }
}

/// Plans stage `s` alone and checks its recommendation after `disruption` (see [`assert_rec`]).
fn check(s: Stage, disruption: Disruption, backup: Backup, strategies: &[D], reason_words: &[&str]) {
    let p = plan_one(s);
    let rec = p.stages[0].recommendation(disruption).expect("recommendation");
    assert_rec(&p.stages[0].id, rec, &backup, strategies, reason_words);
}

// ---------------------------------------------------------------------------------------------
// Pipelines computed by hand from the price book's defaults (src/catalogue/prices.rs):
// restore 0.44 TB/h per Gbps × 10 Gbps = 4.4 TB/h; server-side copy 7 TB/h; reprocessing 1 TB/h;
// job start 15 min; provisioning 30 min; storage failover 60 min; cool storage 0.01/GB-month.

/// A flow from stage `from` to stage `to`.
fn flow(from: &str, to: &str) -> crate::model::Flow {
    crate::model::Flow { from: from.into(), to: to.into() }
}

/// A [`stage`] with id and label `id`.
fn named(id: &str, kind: K, f: impl FnOnce(&mut Stage)) -> Stage {
    let mut s = stage(kind, f);
    s.id = id.into();
    s.label = id.into();
    s
}

/// A ransomware target loose enough (30 days each) that tests about the other disruption types
/// see no finding of it.
pub(super) const ASIDE: crate::model::Target = crate::model::Target { rpo_minutes: 30 * 1440, rto_minutes: 30 * 1440 };

/// `scenario` with ransomware set aside: every ransomware target [`ASIDE`], for tests about
/// corruption and region outages.
pub(super) fn ransomware_aside(mut scenario: Scenario) -> Scenario {
    scenario.targets.ransomware = Some(ASIDE);
    for t in scenario.stages.iter_mut().filter_map(|s| s.targets.as_mut()) {
        t.ransomware = Some(ASIDE);
    }
    scenario
}

/// The two reference platforms of `examples/`: the first guide's (Lusty) and the operations
/// guide's, in that order.
pub(super) fn reference_platforms() -> [Scenario; 2] {
    let decode = |text: &str| crate::format::decode(text).expect("the example decodes").0;
    [
        decode(include_str!("../../../examples/lusty-reference-platform.json")),
        decode(include_str!("../../../examples/operations-reference-platform.json")),
    ]
}

/// Stage targets: (RPO, RTO) after a corruption and after an outage, in minutes.
pub(super) fn targets(corruption: (u32, u32), outage: (u32, u32)) -> Option<Targets> {
    Some(Targets {
        data_corruption: Target { rpo_minutes: corruption.0, rto_minutes: corruption.1 },
        region_outage: Target { rpo_minutes: outage.0, rto_minutes: outage.1 },
        ransomware: None,
    })
}

/// Round throughputs for hand-computed timelines: server-side copies at 7 TB/h and a model
/// that loads at 1 TB/h (the price book's defaults are 3.6 TB/h and 50 GB/h).
fn round_figures() -> std::collections::BTreeMap<String, f64> {
    [("throughput.server_copy_tb_per_hour".to_string(), 7.0), ("reload.model_gb_per_hour".to_string(), 1000.0)]
        .into_iter()
        .collect()
}

/// Stage `id`'s timeline in `p` after `d`.
fn timeline<'a>(p: &'a Plan, d: Disruption, id: &str) -> &'a StageTimeline {
    p.pipeline.timeline(d).and_then(|t| t.stage(id)).unwrap_or_else(|| panic!("no timeline for {id}"))
}

/// raw → enriched → model → report after a regional outage: enriched may be rebuilt cheaply
/// (insurance 0.2 × 3 TB × 25 ÷ 12 = 1.25/month, 30 + 180 min after raw) or geo-replicated
/// (3000 GB × 0.0184 + 30 GB × 30 × 0.02 = 73.20/month, 60 min); the model can only reload.
fn outage_chain(model_rto: u32) -> Scenario {
    let day = 1440;
    let raw = named("raw", K::Raw, |s| {
        s.service = Some("generic_object_store".into());
        s.volume_gb = 8800.0;
        s.daily_change_gb = 88.0;
        s.targets = targets((day, day), (day, 2 * day));
    });
    let enriched = named("enriched", K::Enriched, |s| {
        s.service = Some("generic_object_store".into());
        s.recreatable = true;
        s.volume_gb = 3000.0;
        s.daily_change_gb = 30.0;
        s.targets = targets((day, day), (day, 2 * day));
    });
    let model = named("model", K::Model, |s| {
        s.service = Some("generic_database".into());
        s.load = LoadPattern::DailyFull;
        s.volume_gb = 600.0;
        s.daily_change_gb = 20.0;
        s.targets = targets((day, day), (0, model_rto));
    });
    let report = named("report", K::Report, |s| {
        s.service = Some("git_repository".into());
        s.targets = targets((day, day), (day, model_rto));
    });
    ransomware_aside(Scenario {
        stages: vec![raw, enriched, model, report],
        flows: vec![flow("raw", "enriched"), flow("enriched", "model"), flow("model", "report")],
        overrides: round_figures(),
        ..Scenario::default()
    })
}

/// The codes of `p`'s warnings, in order.
fn codes(p: &Plan) -> Vec<WarningCode> {
    p.warnings.iter().map(|w| w.code).collect()
}

/// A plan's alternatives have nothing to free: dropping a plan then returns their memory without
/// reading it back (at 1,000 stages that read was a fifth of a plan's cache misses).
#[test]
fn alternatives_are_dropped_unread() {
    assert!(!std::mem::needs_drop::<Alternative>());
}

/// A vault id reads back only when the catalogue has the vault.
#[test]
fn vault_ids_read_back_only_for_vaults_the_catalogue_has() {
    let id = crate::catalogue::VaultId::of(&crate::catalogue::VAULTS[0]);
    let json = serde_json::to_string(&id).expect("written");
    assert_eq!(json, format!("\"{}\"", crate::catalogue::VAULTS[0].id));
    assert_eq!(serde_json::from_str::<crate::catalogue::VaultId>(&json).expect("read back"), id);
    let unknown = serde_json::from_str::<crate::catalogue::VaultId>("\"no-such-vault\"").expect_err("refused");
    assert!(unknown.to_string().contains("unknown vault `no-such-vault`"), "{unknown}");
}

/// A reason reads, compares and is written as one text, however it is split between the rule's
/// sentence and what the plan found; read back, it is all `found`.
#[test]
fn a_reason_is_one_text() {
    let split = Reason::new("Raw data is copied verbatim.", " Plan: incremental.".to_string());
    assert_eq!(split.to_string(), "Raw data is copied verbatim. Plan: incremental.");
    assert_eq!(split.len(), split.to_string().len());
    assert!(split.contains("verbatim. Plan"), "across the two parts");
    assert!(!split.contains("replica"));
    let json = serde_json::to_string(&split).expect("written");
    assert_eq!(json, r#""Raw data is copied verbatim. Plan: incremental.""#);
    let back: Reason = serde_json::from_str(&json).expect("read back");
    assert_eq!(back, split);
    assert_ne!(back, Reason::new("Raw data is copied verbatim.", " Plan: full copies.".to_string()));
    assert_eq!(format!("{split:?}"), format!("{:?}", split.to_string()));
}
