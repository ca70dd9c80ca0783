//! Engine tests: one data-driven case per guide rule, then warnings and properties.

use super::*;
use crate::model::{BackupMethod as B, DrStrategy as D, StageKind as K};
use crate::model::{LoadPattern, Stage, Target, Targets};

const CORRUPTION: Disruption = Disruption::DataCorruption;
const OUTAGE: Disruption = Disruption::RegionOutage;

fn stage(kind: K, f: impl FnOnce(&mut Stage)) -> Stage {
    let mut s = Stage::new("s", kind);
    s.volume_gb = if kind.holds_data() { 2000.0 } else { 0.0 };
    s.daily_change_gb = if kind.holds_data() { 20.0 } else { 0.0 };
    s.recreatable = false;
    f(&mut s);
    s
}

fn plan_one(s: Stage) -> Plan {
    let scenario = Scenario { stages: vec![s], ..Scenario::default() };
    plan(&scenario)
}

/// What a rule case expects: the method (or any method that keeps a copy), the strategy (or
/// one of several), and words the reason must contain.
enum Backup {
    Is(B),
    KeepsCopy,
}

fn check(s: Stage, disruption: Disruption, backup: Backup, strategies: &[D], reason_words: &[&str]) {
    let p = plan_one(s);
    let rec = p.stages[0].recommendation(disruption).expect("recommendation");
    match backup {
        Backup::Is(b) => assert_eq!(rec.backup, b, "backup; reason: {}", rec.reason),
        Backup::KeepsCopy => assert!(
            !matches!(rec.backup, B::None | B::Git | B::ConfigExport),
            "expected a backup that keeps a copy, got {:?}; reason: {}",
            rec.backup,
            rec.reason
        ),
    }
    assert!(
        strategies.contains(&rec.strategy),
        "strategy {:?} not in {strategies:?}; reason: {}",
        rec.strategy,
        rec.reason
    );
    for w in reason_words {
        assert!(rec.reason.contains(w), "reason should name \"{w}\": {}", rec.reason);
    }
}

#[test]
fn automated_enrichment_is_fixed_and_rerun_not_backed_up() {
    let s = stage(K::Enriched, |s| s.recreatable = true);
    check(
        s,
        CORRUPTION,
        Backup::Is(B::None),
        &[D::Reprocess],
        &["fully automated", "re-run", "achieves very little", "Next:"],
    );
}

#[test]
fn hand_edited_enrichment_needs_backups() {
    let s = stage(K::Enriched, |s| {
        s.recreatable = false;
        s.automated = false;
    });
    check(s, CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["not fully automated"]);
}

#[test]
fn enrichment_too_slow_to_reprocess_gets_a_cheap_replica_for_dr() {
    let s = stage(K::Enriched, |s| {
        s.recreatable = true;
        s.volume_gb = 20_000.0;
        s.targets =
            Some(Targets { region_outage: Target { rpo_minutes: 1440, rto_minutes: 240 }, ..Targets::default() });
    });
    check(s, OUTAGE, Backup::Is(B::None), &[D::GeoReplicatedStorage], &["replicated copy", "RTO 4h"]);
}

#[test]
fn curated_files_modified_in_place_need_backups_for_rollback() {
    let s = stage(K::Curated, |s| {
        s.modified_in_place = true;
        s.recreatable = true;
    });
    check(s, CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["in place", "roll"]);
}

#[test]
fn curated_new_files_reprocess_only_the_damaged_partition() {
    let s = stage(K::Curated, |s| s.recreatable = true);
    check(s, CORRUPTION, Backup::Is(B::None), &[D::Reprocess], &["new files", "damaged partition"]);
}

#[test]
fn model_loaded_daily_full_needs_no_backup_of_its_own() {
    let s = stage(K::Model, |s| {
        s.load = LoadPattern::DailyFull;
        s.service = Some("azure_analysis_services".into());
    });
    check(
        s.clone(),
        CORRUPTION,
        Backup::Is(B::None),
        &[D::Reprocess],
        &["daily full", "dated full copies", "needs no backup"],
    );
    check(s, OUTAGE, Backup::Is(B::None), &[D::Reprocess], &["load time against the RTO"]);
}

#[test]
fn model_loaded_incrementally_keeps_backups() {
    let s = stage(K::Model, |s| s.service = Some("azure_analysis_services".into()));
    check(s, CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["partitioned incremental"]);
}

#[test]
fn ingest_versions_its_scripts_and_redeploys() {
    let s = stage(K::Ingest, |s| s.service = Some("azure_data_factory".into()));
    check(s.clone(), CORRUPTION, Backup::Is(B::Git), &[D::Redeploy], &["holds no data", "git"]);
    check(s, OUTAGE, Backup::Is(B::Git), &[D::Redeploy], &["redeploy", "integration runtime"]);
}

#[test]
fn cache_holds_no_data_so_redeploy_and_reload() {
    let s = stage(K::Cache, |s| s.volume_gb = 500.0);
    check(s.clone(), CORRUPTION, Backup::Is(B::Git), &[D::Redeploy], &["reloaded from the model", "reload 500 GB"]);
    check(s, OUTAGE, Backup::Is(B::Git), &[D::Redeploy], &["no backup of its own"]);
}

#[test]
fn system_of_record_is_an_external_dependency() {
    let s = stage(K::SystemOfRecord, |_| {});
    let p = plan_one(s.clone());
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert!(rec.assumed && rec.cost.total() == 0.0);
    assert!(p.warnings.iter().any(|w| w.code == WarningCode::ExternalDependency));
    check(s, OUTAGE, Backup::Is(B::ServiceNative), &[D::None], &["owner", "external dependency"]);
}

#[test]
fn archive_is_a_system_in_its_own_right() {
    let s = stage(K::Archive, |s| s.recreatable = true);
    check(s.clone(), CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["system in its own right"]);
    check(s, OUTAGE, Backup::Is(B::None), &[D::GeoReplicatedStorage, D::BackupRestore], &["replica"]);
}

#[test]
fn raw_data_is_backed_up_and_has_dr() {
    let s = stage(K::Raw, |_| {});
    check(s.clone(), CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["verbatim"]);
    let p = plan_one(s);
    let outage = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert!(matches!(outage.strategy, D::GeoReplicatedStorage | D::BackupRestore), "{:?}", outage.strategy);
}

#[test]
fn scripts_and_configuration_live_in_git() {
    check(stage(K::Scripts, |_| {}), CORRUPTION, Backup::Is(B::Git), &[D::Redeploy], &["every commit is a snapshot"]);
    check(stage(K::Scripts, |_| {}), OUTAGE, Backup::Is(B::Git), &[D::Redeploy], &["clone the repository"]);
    check(
        stage(K::InfraConfig, |_| {}),
        CORRUPTION,
        Backup::Is(B::Git),
        &[D::Redeploy],
        &["deployment scripts", "recreated"],
    );
}

#[test]
fn reports_are_redeployed_and_repointed() {
    let s = stage(K::Report, |s| s.service = Some("power_bi".into()));
    check(s, OUTAGE, Backup::Is(B::Git), &[D::Redeploy], &["re-point"]);
}

#[test]
fn presentation_reloaded_daily_keeps_a_full_set_per_day() {
    let s = stage(K::Presentation, |s| {
        s.load = LoadPattern::DailyFull;
        s.recreatable = true;
    });
    check(s.clone(), CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["full data set per day"]);
    // "Backups and a replicated copy for DR": never just reprocessing, even when it is cheaper.
    let p = plan_one(s);
    let outage = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_ne!(outage.strategy, D::Reprocess, "{}", outage.reason);
}

#[test]
fn modeled_data_is_backed_up() {
    let s = stage(K::ModeledData, |s| s.recreatable = true);
    check(s, CORRUPTION, Backup::KeepsCopy, &[D::BackupRestore], &["gained value"]);
}

#[test]
fn sql_database_uses_its_native_point_in_time_and_failover_figures() {
    let s = stage(K::Presentation, |s| {
        s.service = Some("azure_sql_database".into());
        s.targets = Some(Targets {
            data_corruption: Target { rpo_minutes: 15, rto_minutes: 240 },
            region_outage: Target { rpo_minutes: 1, rto_minutes: 5 },
        });
    });
    check(s.clone(), CORRUPTION, Backup::Is(B::PointInTime), &[D::BackupRestore], &["5–10 min"]);
    let p = plan_one(s);
    let outage = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_eq!(outage.strategy, D::HotStandby, "{}", outage.reason);
    assert_eq!(outage.rto_minutes, Some(0.5));
    assert!(outage.reason.contains("Active geo-replication"), "{}", outage.reason);
}

#[test]
fn an_impossible_target_gets_the_best_achievable_and_what_it_would_take() {
    let s = stage(K::Raw, |s| {
        s.volume_gb = 50_000.0;
        s.targets =
            Some(Targets { data_corruption: Target { rpo_minutes: 1440, rto_minutes: 1 }, ..Targets::default() });
    });
    let p = plan_one(s);
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert!(rec.meets_rpo && !rec.meets_rto);
    let fastest = rec.alternatives.iter().filter_map(|a| a.rto_minutes).fold(f64::INFINITY, f64::min);
    assert_eq!(rec.rto_minutes, Some(fastest), "best achievable is the fastest");
    assert!(rec.reason.contains("No option meets the RTO") && rec.reason.contains("best achievable"), "{}", rec.reason);
    assert!(p.warnings.iter().any(|w| w.code == WarningCode::TargetNotMet && w.disruption == Some(CORRUPTION)));
    assert_eq!(p.totals.stages_violating, 1);
}

fn codes(p: &Plan) -> Vec<WarningCode> {
    p.warnings.iter().map(|w| w.code).collect()
}

#[test]
fn warning_source_retention_too_short() {
    let s = stage(K::Enriched, |s| {
        s.recreatable = true;
        s.source_retention_days = Some(7);
    });
    let p = plan_one(s);
    assert!(codes(&p).contains(&WarningCode::SourceRetentionTooShort), "{:?}", codes(&p));
    // Reprocessing the whole stage is impossible: DR must use a copy.
    let outage = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_ne!(outage.strategy, D::Reprocess, "{}", outage.reason);
}

#[test]
fn warning_service_not_in_secondary() {
    let s = stage(K::Presentation, |s| s.available_in_secondary = false);
    let p = plan_one(s);
    assert!(codes(&p).contains(&WarningCode::ServiceNotInSecondary));
    let outage = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert!(outage.rto_minutes.is_none() && !outage.meets_rto);
    assert!(outage.reason.contains("not offered in the paired region"), "{}", outage.reason);
}

#[test]
fn warning_archive_rehydration_exceeds_rto() {
    let s = stage(K::Archive, |s| {
        s.service = Some("azure_blob_archive".into());
        s.targets =
            Some(Targets { data_corruption: Target { rpo_minutes: 1440, rto_minutes: 240 }, ..Targets::default() });
    });
    let p = plan_one(s);
    let w = p.warnings.iter().find(|w| w.code == WarningCode::ArchiveRehydrationExceedsRto).expect("warning");
    assert!(w.message.contains("15h") && w.message.contains("4h"), "{}", w.message);
}

#[test]
fn warning_no_geo_redundancy_and_retired_service() {
    let s = stage(K::Raw, |s| s.service = Some("adls_gen1".into()));
    let c = codes(&plan_one(s));
    assert!(c.contains(&WarningCode::NoGeoRedundancy) && c.contains(&WarningCode::ServiceRetired), "{c:?}");
}

#[test]
fn warning_retention_beyond_purpose() {
    let s = stage(K::Raw, |s| {
        s.max_retention_days = Some(14);
        s.backup_retention_days = 90;
    });
    let p = plan_one(s);
    let w = p.warnings.iter().find(|w| w.code == WarningCode::RetentionBeyondPurpose).expect("warning");
    assert!(w.message.contains("90 days") && w.message.contains("GDPR"), "{}", w.message);
}

#[test]
fn warning_three_two_one_and_untested_restores() {
    // Curated data changed in place: snapshots (same medium) plus a geo replica.
    let s = stage(K::Curated, |s| s.modified_in_place = true);
    let p = plan_one(s);
    assert!(codes(&p).contains(&WarningCode::ThreeTwoOneNotMet), "{:?}", codes(&p));
    assert!(codes(&p).contains(&WarningCode::RestoreNeverTested));
    let tested = stage(K::Curated, |s| {
        s.modified_in_place = true;
        s.restore_tested = true;
    });
    assert!(!codes(&plan_one(tested)).contains(&WarningCode::RestoreNeverTested));
}

#[test]
fn warning_replica_without_backup() {
    let scenario = Scenario { stages: vec![stage(K::Presentation, |_| {})], ..Scenario::default() };
    let mut plans = plan(&scenario).stages;
    // Make the plan what a careless design would be: a replica and nothing else.
    for r in &mut plans[0].recommendations {
        r.backup = B::None;
        r.strategy = if r.disruption == OUTAGE { D::HotStandby } else { D::None };
    }
    let w = warnings::collect(&scenario, &plans, &Prices::defaults());
    let found = w.iter().find(|w| w.code == WarningCode::ReplicaWithoutBackup).expect("warning");
    assert!(found.message.contains("copies a corruption"), "{}", found.message);
}

#[test]
fn unknown_and_misfit_services_are_diagnosed_not_fatal() {
    let mut a = stage(K::Raw, |s| s.service = Some("azure_cosmic_lake".into()));
    a.id = "a".into();
    let mut b = stage(K::Raw, |s| s.service = Some("power_bi".into()));
    b.id = "b".into();
    let p = plan(&Scenario { stages: vec![a, b], ..Scenario::default() });
    assert_eq!(p.stages.len(), 2);
    assert!(p.diagnostics.iter().any(|d| d.path == "stages[0].service" && d.message.contains("not in the catalogue")));
    assert!(p.diagnostics.iter().any(|d| d.path == "stages[1].service" && d.message.contains("does not run")));
    assert_eq!(p.stages[0].service, "generic_object_store");
}

#[test]
fn overrides_change_the_figures() {
    let base = stage(K::Raw, |s| s.service = Some("azure_sql_database".into()));
    let mut scenario =
        Scenario { stages: vec![stage(K::Presentation, |s| s.service = base.service.clone())], ..Scenario::default() };
    let before = plan(&scenario).stages[0].recommendation(OUTAGE).expect("rec").clone();
    scenario.overrides.insert("service.azure_sql_database.backup_restore.rto_minutes".into(), 30.0);
    scenario.overrides.insert("storage.cool_gb_month".into(), 1.0);
    let after = plan(&scenario);
    let rec = after.stages[0].recommendation(OUTAGE).expect("rec");
    assert_eq!(before.rto_minutes, Some(720.0));
    assert_eq!(rec.rto_minutes, Some(30.0));
    assert!(after.diagnostics.is_empty(), "{:?}", after.diagnostics);
}

#[test]
fn invalid_stages_are_diagnosed_and_skipped() {
    let mut bad = stage(K::Raw, |s| s.volume_gb = -5.0);
    bad.id = "bad".into();
    let good = stage(K::Raw, |_| {});
    let p = plan(&Scenario { stages: vec![bad, good], ..Scenario::default() });
    assert!(p.has_errors());
    assert_eq!(p.stages.len(), 1);
    assert!(p.diagnostics.iter().any(|d| d.stage.as_deref() == Some("bad") && d.path == "stages[0].volume_gb"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn arb_kind() -> impl Strategy<Value = K> {
        (0..K::ALL.len()).prop_map(|i| K::ALL[i])
    }

    fn arb_service() -> impl Strategy<Value = Option<String>> {
        prop_oneof![
            Just(None),
            (0..crate::catalogue::SERVICES.len()).prop_map(|i| Some(crate::catalogue::SERVICES[i].id.to_string())),
            Just(Some("nonsense".to_string())),
        ]
    }

    fn arb_number() -> impl Strategy<Value = f64> {
        prop_oneof![
            4 => 0.0..100_000.0f64,
            1 => Just(0.0),
            1 => Just(-1.0),
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
            1 => Just(1e300),
        ]
    }

    fn arb_target() -> impl Strategy<Value = Target> {
        (0u32..20_000, 0u32..20_000).prop_map(|(rpo_minutes, rto_minutes)| Target { rpo_minutes, rto_minutes })
    }

    prop_compose! {
        fn arb_stage(i: usize)(kind in arb_kind(), service in arb_service(), volume in arb_number(), change in arb_number(),
            flags in any::<[bool; 5]>(), retention in proptest::option::of(0u32..1000), full in any::<bool>(),
            partition in proptest::option::of(arb_number()), corruption in arb_target(), outage in arb_target(),
            tput in proptest::option::of(arb_number()), compute in proptest::option::of(arb_number())) -> Stage {
            let mut s = Stage::new(format!("s{i}"), kind);
            s.service = service;
            s.volume_gb = volume;
            s.daily_change_gb = change;
            s.automated = flags[0];
            s.modified_in_place = flags[1];
            s.recreatable = flags[2];
            s.available_in_secondary = flags[3];
            s.restore_tested = flags[4];
            s.source_retention_days = retention;
            s.load = if full { LoadPattern::DailyFull } else { LoadPattern::PartitionedIncremental { partition_gb: partition } };
            s.targets = Some(Targets { data_corruption: corruption, region_outage: outage });
            s.reprocess_tb_per_hour = tput;
            s.compute_monthly = compute;
            s
        }
    }

    fn arb_scenario() -> impl Strategy<Value = Scenario> {
        (1usize..8)
            .prop_flat_map(|n| {
                let stages: Vec<_> = (0..n).map(arb_stage).collect();
                (stages, proptest::collection::vec((0..n + 1, 0..n + 1), 0..10), arb_number())
            })
            .prop_map(|(stages, edges, disasters)| {
                let n = stages.len();
                let flows = edges
                    .into_iter()
                    .map(|(a, b)| Flow { from: format!("s{a}"), to: format!("s{}", b.min(n)) })
                    .collect();
                Scenario { stages, flows, disasters_per_year: disasters, ..Scenario::default() }
            })
    }

    use crate::model::Flow;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

        /// The engine never panics, and every figure it reports is a real number.
        #[test]
        fn never_panics_and_reports_finite_money(scenario in arb_scenario()) {
            let p = plan(&scenario);
            prop_assert!(p.totals.monthly_total.is_finite() || p.has_errors());
            for s in &p.stages {
                for r in &s.recommendations {
                    prop_assert!(r.cost.total().is_finite() && r.cost.total() >= 0.0, "{:?}", r.cost);
                    prop_assert!(!r.reason.is_empty());
                }
            }
        }

        /// Whenever an option meets both targets, the recommendation does too.
        #[test]
        fn meets_targets_whenever_an_option_does(scenario in arb_scenario()) {
            let p = plan(&scenario);
            for s in &p.stages {
                for r in &s.recommendations {
                    let feasible = r.alternatives.iter().any(|a| {
                        a.rpo_minutes.is_some_and(|v| v + 0.1 <= f64::from(r.target.rpo_minutes))
                            && a.rto_minutes.is_some_and(|v| v + 0.1 <= f64::from(r.target.rto_minutes))
                    });
                    if feasible {
                        prop_assert!(r.meets(), "{} {:?} misses although an option meets: {}", s.id, r.disruption, r.reason);
                    }
                }
            }
        }

        /// A tighter RTO never lowers the cost.
        #[test]
        fn tighter_rto_never_lowers_cost(scenario in arb_scenario(), which in 0usize..8, outage in any::<bool>(), factor in 0.0f64..1.0) {
            let which = which % scenario.stages.len();
            let base = plan(&scenario);
            let mut tighter = scenario.clone();
            let stage = &mut tighter.stages[which];
            let d = if outage { OUTAGE } else { CORRUPTION };
            let mut targets = stage.targets.unwrap_or_default();
            let t = targets.get_mut(d);
            t.rto_minutes = (f64::from(t.rto_minutes) * factor) as u32;
            stage.targets = Some(targets);
            let id = stage.id.clone();
            let after = plan(&tighter);
            if let (Some(a), Some(b)) = (base.stage(&id), after.stage(&id)) {
                prop_assert!(b.monthly.total() + 1e-9 >= a.monthly.total(), "{id}: {} → {}", a.monthly.total(), b.monthly.total());
            }
        }
    }
}
