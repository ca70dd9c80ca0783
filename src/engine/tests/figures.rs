//! Catalogue figures and the price book: native service figures, best achievable targets,
//! systems of record, upstream history, preview features, and the fixes that set the figures
//! (every price-book key read, honest grades, secondaries, throughput, incident rates, tiers,
//! a model's inputs).

use super::*;

#[test]
fn sql_database_uses_its_native_point_in_time_and_failover_figures() {
    let s = stage(K::Presentation, |s| {
        s.service = Some("azure_sql_database".into());
        s.targets = Some(Targets {
            data_corruption: Target { rpo_minutes: 15, rto_minutes: 240 },
            region_outage: Target { rpo_minutes: 1, rto_minutes: 5 },
            ransomware: None,
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

/// Fix h: a system of record is back when its owner says, and what is rebuilt from it waits for
/// it and loses what it loses.
#[test]
fn a_system_of_record_feeds_its_owner_s_figures_into_the_pipeline() {
    let day = 1440;
    let erp = named("erp", K::SystemOfRecord, |s| s.targets = targets((15, 240), (60, 480)));
    let ingest = named("ingest", K::Ingest, |s| {
        s.service = Some("azure_data_factory".into());
        s.targets = targets((0, 60), (0, 120));
    });
    let raw = named("raw", K::Raw, |s| {
        s.recreatable = true;
        s.volume_gb = 100.0;
        s.daily_change_gb = 1.0;
        s.targets = targets((day, day), (day, 2 * day));
    });
    let scenario = Scenario {
        stages: vec![erp, ingest, raw],
        flows: vec![flow("erp", "ingest"), flow("ingest", "raw")],
        ..Scenario::default()
    };
    let p = plan(&scenario);
    // The owner's 4 h: ingest redeploys in 30 min but serves only once the ERP is back.
    assert_eq!(timeline(&p, CORRUPTION, "erp").completion_minutes, Some(240.0));
    assert_eq!(timeline(&p, CORRUPTION, "ingest").completion_minutes, Some(240.0));
    assert_eq!(timeline(&p, OUTAGE, "ingest").completion_minutes, Some(480.0));
    let ingest = p.stage("ingest").and_then(|s| s.recommendation(CORRUPTION)).expect("rec");
    assert_eq!(ingest.effective_rpo_minutes, Some(15.0), "loses what the ERP loses");
    assert!(!ingest.meets_rto && !ingest.meets_rpo);
    let w = p.warnings.iter().find(|w| w.code == WarningCode::RtoLimitedByUpstream).expect("rto warning");
    assert!(w.message.contains("agree a faster one with its owner"), "{}", w.message);
    // Raw re-ingested from the ERP (the cheapest) is no fresher than the ERP's 15 minutes.
    let raw = p.stage("raw").and_then(|s| s.recommendation(CORRUPTION)).expect("rec");
    assert_eq!(raw.strategy, D::Reprocess, "{}", raw.reason);
    assert_eq!(raw.effective_rpo_minutes, Some(15.0));
    assert!(timeline(&p, CORRUPTION, "raw").completion_minutes.is_some_and(|m| m > 240.0));
}

/// Fix i: a stage can be rebuilt only from the history its upstream still holds.
#[test]
fn a_rebuild_reaches_back_only_as_far_as_its_upstream_holds() {
    // Raw holds 7000 ÷ 10 = 700 days; enriched 5800 ÷ 8 = 725: a whole rebuild is impossible,
    // while a damaged partition (8 GB, one day) is not.
    let raw = named("raw", K::Raw, |s| {
        s.volume_gb = 7000.0;
        s.daily_change_gb = 10.0;
    });
    let enriched = named("enriched", K::Enriched, |s| {
        s.recreatable = true;
        // Changed in place: a corruption rebuilds the whole zone too.
        s.modified_in_place = true;
        s.volume_gb = 5800.0;
        s.daily_change_gb = 8.0;
        s.source_retention_days = Some(730);
        s.targets = targets((1440, 1440), (1440, 14 * 1440));
    });
    let scenario =
        Scenario { stages: vec![raw, enriched], flows: vec![flow("raw", "enriched")], ..Scenario::default() };
    let p = plan(&scenario);
    for d in Disruption::ALL {
        let rec = p.stage("enriched").and_then(|s| s.recommendation(d)).expect("rec");
        let rebuild = rec.alternatives.iter().find(|a| a.strategy == D::Reprocess).expect("reprocess weighed");
        assert_eq!(rebuild.rpo_minutes, None, "{d:?}: cannot rebuild 725 days from 700");
        assert_ne!(rec.strategy, D::Reprocess, "{}", rec.reason);
    }
    // Reprocessing is the guide's first choice after a corruption: the reason says why not.
    let rec = p.stage("enriched").and_then(|s| s.recommendation(CORRUPTION)).expect("rec");
    assert!(rec.reason.contains("raw holds only 700 days of history but a rebuild needs 725"), "{}", rec.reason);
    // With the source's own retention shorter still, the source is named instead.
    let mut shorter = scenario.clone();
    shorter.stages[1].source_retention_days = Some(365);
    let p = plan(&shorter);
    let rec = p.stage("enriched").and_then(|s| s.recommendation(CORRUPTION)).expect("rec");
    assert!(rec.reason.contains("The source keeps only 365 days"), "{}", rec.reason);
}

/// Fix j: preview features are chosen only when the scenario allows them, and then said so.
#[test]
fn preview_features_need_the_scenario_s_consent() {
    let raw = stage(K::Raw, |s| s.service = Some("adls_gen2".into()));
    let p = plan_one(raw.clone());
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert_ne!(rec.backup, B::ServiceNative, "vaulted backup is in preview: {}", rec.reason);
    assert!(!rec.alternatives.iter().any(|a| a.backup == B::ServiceNative));
    let mut scenario = Scenario { stages: vec![raw], allow_preview: true, ..Scenario::default() };
    let p = plan(&scenario);
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert_eq!(rec.backup, B::ServiceNative, "the cheapest once allowed: {}", rec.reason);
    assert!(rec.reason.contains("public preview, which this scenario allows"), "{}", rec.reason);
    scenario.allow_preview = false;
    assert!(
        matches!(plan(&scenario).stages[0].recommendation(CORRUPTION).map(|r| r.backup), Some(b) if b != B::ServiceNative)
    );
    check(
        stage(K::Raw, |s| s.service = Some("adls_gen2".into())),
        CORRUPTION,
        Backup::KeepsCopy,
        &[D::BackupRestore],
        &["verbatim"],
    );
}

/// Fix 3a: every price-book key changes some plan, so no override is silently ignored.
#[test]
fn every_price_book_key_is_read() {
    let mut scenarios: Vec<Scenario> = reference_platforms().into();
    scenarios.push(crate::model::synthetic(60));
    // Stages that reach the rarer figures: a generic database (standby tiers, active-active),
    // a generic compute stage (its standbys), an archive on the archive tier, a database geo-restore.
    let mut extra = Scenario::default();
    let mut add = |id: &str, kind: K, service: &str, rto: u32, f: &dyn Fn(&mut Stage)| {
        let mut s = named(id, kind, |s| s.service = Some(service.into()));
        s.targets = targets((1440, 1440), (0, rto));
        f(&mut s);
        extra.stages.push(s);
    };
    for (i, rto) in [0u32, 2, 10, 30, 60, 600].into_iter().enumerate() {
        add(&format!("db{i}"), K::Presentation, "generic_database", rto, &|s| s.compute_monthly = None);
        add(&format!("code{i}"), K::Cache, "generic_compute", rto, &|s| s.volume_gb = 10.0);
        add(&format!("ing{i}"), K::Ingest, "generic_compute", rto, &|_| {});
    }
    add("arch", K::Archive, "azure_blob_archive", 9000, &|s| s.backup_retention_days = 400);
    add("rep", K::Report, "generic_compute", 2, &|_| {});
    add("curdb", K::Curated, "generic_database", 2, &|s| s.compute_monthly = None);
    add("sqldb", K::Presentation, "azure_sql_database", 1000, &|s| {
        s.targets = targets((1440, 1440), (1440, 1000));
    });
    add("model", K::Model, "azure_analysis_services", 9000, &|s| s.load = LoadPattern::DailyFull);
    add("lake", K::Raw, "adls_gen2", 9000, &|s| s.backup_retention_days = 7);
    add("rds", K::Presentation, "aws_rds", 1000, &|_| {});
    add("cold", K::Raw, "adls_gen2", 9000, &|s| s.backup_retention_days = 120);
    add("inc", K::Curated, "generic_object_store", 9000, &|s| {
        s.modified_in_place = true;
        s.targets = targets((1440, 1), (1440, 9000));
    });
    extra.flows.push(flow("model", "code0"));
    scenarios.push(extra);
    let base: Vec<String> =
        scenarios.iter().map(|s| serde_json::to_string(&plan(s)).expect("a plan serialises")).collect();
    let mut unread = Vec::new();
    for e in crate::catalogue::PRICE_BOOK {
        let changed = scenarios.iter().zip(&base).any(|(s, before)| {
            let mut s = s.clone();
            s.overrides.insert(e.key.to_string(), e.value * 3.0 + 7.0);
            serde_json::to_string(&plan(&s)).expect("a plan serialises") != *before
        });
        if !changed {
            unread.push(e.key);
        }
    }
    assert!(unread.is_empty(), "price-book keys that change no plan: {unread:?}");
}

/// Fix 3b: figures no source gives are graded as Keel's assumptions.
#[test]
fn grades_are_honest() {
    use crate::catalogue::{Grade, PRICE_BOOK};
    let grade = |key: &str| PRICE_BOOK.iter().find(|e| e.key == key).map(|e| e.source.grade);
    assert_eq!(grade("reprocess.cost_per_tb"), Some(Grade::KeelAssumption));
    for tier in ["pilot_light", "warm_standby", "hot_standby", "active_active"] {
        for field in ["compute_share", "rpo_minutes", "rto_minutes"] {
            assert_eq!(grade(&format!("dr.{tier}.{field}")), Some(Grade::KeelAssumption), "dr.{tier}.{field}");
        }
    }
    assert_eq!(grade("delay.provision_minutes"), Some(Grade::KeelAssumption));
    assert!(PRICE_BOOK.iter().all(|e| e.source.grade != Grade::Guide), "the guides give no figures");
}

/// Fix 3c: failover-group secondaries are full-size databases; an Analysis Services standby
/// kept current by restoring backups has the backup interval as its recovery point.
#[test]
fn secondaries_cost_and_lag_what_they_are() {
    let sql = stage(K::Presentation, |s| {
        s.service = Some("azure_sql_database".into());
        s.compute_monthly = Some(1000.0);
        s.targets = targets((1440, 1440), (1, 60));
    });
    let p = plan_one(sql);
    let rec = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_eq!(rec.cost.standby, 1000.0, "a full-size secondary: {}", rec.reason);
    let monthly = |strategy| rec.alternatives.iter().find(|a| a.strategy == strategy).map(|a| a.monthly);
    // The failover group (warm standby) and the geo-replica (hot) cost the same: both full size.
    assert_eq!(monthly(D::WarmStandby), monthly(D::HotStandby));
    assert!(monthly(D::WarmStandby).is_some_and(|m| m >= 1000.0));
    let aas = stage(K::Model, |s| {
        s.service = Some("azure_analysis_services".into());
        s.targets = targets((1440, 1440), (2880, 20));
    });
    let p = plan_one(aas);
    let rec = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_eq!(rec.strategy, D::WarmStandby, "{}", rec.reason);
    assert_eq!(rec.rpo_minutes, Some(1440.0), "the backup interval, not a minute");
}

/// Fix 3d: restores from one account share its egress; loading a 1 TB model takes hours.
#[test]
fn throughput_is_shared_and_models_load_slowly() {
    let lake = |n: usize| Scenario {
        stages: (0..n)
            .map(|i| {
                named(&format!("z{i}"), K::Raw, |s| {
                    s.service = Some("adls_gen2".into());
                    s.volume_gb = 10_000.0;
                })
            })
            .collect(),
        ..Scenario::default()
    };
    let restore =
        |p: &Plan| p.stages[0].recommendation(CORRUPTION).and_then(|r| r.rto_minutes).expect("a restore time");
    // 50 Gbps of egress: up to five restores at 10 Gbps each, ten at 5 Gbps.
    let (five, ten) = (restore(&plan(&lake(5))), restore(&plan(&lake(10))));
    assert!(ten > five * 1.5, "ten restores share the egress: {five} vs {ten}");
    let model = stage(K::Model, |s| {
        s.load = LoadPattern::DailyFull;
        s.service = Some("azure_analysis_services".into());
        s.volume_gb = 1000.0;
    });
    let p = plan_one(model);
    let rto = p.stages[0].recommendation(CORRUPTION).and_then(|r| r.rto_minutes).expect("a load time");
    assert!(rto >= 20.0 * 60.0, "1 TB at 50 GB/h is 20 h, not minutes: {rto}");
}

/// Fix 3e: incidents per disruption type; a file with the single rate of today means the same.
#[test]
fn incident_rates_per_disruption_type() {
    let s = stage(K::Enriched, |s| s.recreatable = true);
    let one = Scenario { stages: vec![s.clone()], disasters_per_year: 0.5, ..Scenario::default() };
    let same = Scenario {
        incidents_per_year: Some(crate::model::IncidentRates {
            data_corruption: 0.5,
            region_outage: 0.5,
            ransomware: None,
        }),
        ..one.clone()
    };
    assert_eq!(plan(&one), plan(&same), "no rates = the single rate for both");
    let split = Scenario {
        incidents_per_year: Some(crate::model::IncidentRates {
            data_corruption: 4.0,
            region_outage: 0.05,
            ransomware: None,
        }),
        ..one.clone()
    };
    let p = plan(&split);
    let insurance = |d| {
        p.stages[0]
            .recommendation(d)
            .map(|r| r.alternatives.iter().filter(|a| a.strategy == D::Reprocess).map(|a| a.monthly).sum::<f64>())
    };
    let (c, o) = (insurance(CORRUPTION).expect("after a corruption"), insurance(OUTAGE).expect("after an outage"));
    assert!(c > 0.0 && o > 0.0, "{c} {o}");
    let bad = Scenario {
        incidents_per_year: Some(crate::model::IncidentRates {
            data_corruption: -1.0,
            region_outage: 0.1,
            ransomware: None,
        }),
        ..one
    };
    assert!(bad.validate().iter().any(|d| d.path == "incidents_per_year.data_corruption"));
}

/// Fix 3f: copies on a tier with a minimum retention are billed for that minimum; long-kept
/// copies go to the cold tier.
#[test]
fn copies_pay_the_tier_s_minimum_retention() {
    let raw = |days: u32| {
        stage(K::Raw, |s| {
            s.service = Some("generic_object_store".into());
            s.backup_retention_days = days;
        })
    };
    let full_copies = |p: &Plan| {
        p.stages[0]
            .recommendation(CORRUPTION)
            .and_then(|r| r.alternatives.iter().find(|a| a.backup == B::FullCopies).map(|a| a.monthly))
            .expect("full copies are weighed")
    };
    // One dated copy a day for 7 days = 7 copies of 2000 GB, each billed 30 days on cool:
    // 7 × 2000 × 0.01 × 30 ÷ 7 = 600, not 140.
    assert_eq!(full_copies(&plan_one(raw(7))), 600.0);
    // Kept 120 days: cold at 0.0036 × 120 copies × 2000 GB = 864 (cool would be 2400).
    assert_eq!(full_copies(&plan_one(raw(120))), 864.0);
    let p = plan_one(raw(120));
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert!(rec.reason.contains("copies on the cold tier"), "{}", rec.reason);
}

/// Fixes b and c: a model's inputs are checked against the guide's Model rule.
#[test]
fn a_model_s_inputs_keep_what_its_load_needs() {
    let modeled = |backup_days: u32| {
        named("modeled", K::ModeledData, |s| {
            s.service = Some("adls_gen2".into());
            s.backup_retention_days = backup_days;
        })
    };
    let model = |load: LoadPattern| {
        named("model", K::Model, |s| {
            s.service = Some("azure_analysis_services".into());
            s.load = load;
            s.backup_retention_days = 30;
        })
    };
    let scenario = |up: Stage, m: Stage| Scenario {
        stages: vec![up, m],
        flows: vec![flow("modeled", "model")],
        ..Scenario::default()
    };
    let codes_of = |s: &Scenario| codes(&plan(s));
    assert!(!codes_of(&scenario(modeled(30), model(LoadPattern::DailyFull))).contains(&WarningCode::DatedSetsTooShort));
    let short = plan(&scenario(modeled(7), model(LoadPattern::DailyFull)));
    let w = short.warnings.iter().find(|w| w.code == WarningCode::DatedSetsTooShort).expect("dated sets too short");
    assert!(w.message.contains("for 7 days only") && w.message.contains("30 days"), "{}", w.message);
    // An enriched zone rebuilt by reprocessing keeps no backups of the increments a model loads.
    let enriched = named("modeled", K::Enriched, |s| s.recreatable = true);
    let p = plan(&scenario(enriched, model(LoadPattern::default())));
    assert!(codes(&p).contains(&WarningCode::IncrementalDataNotBackedUp), "{:?}", codes(&p));
}
