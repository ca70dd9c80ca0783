//! Each warning code on a stage that raises it, and what invalid input becomes: diagnostics,
//! not failures.

use super::*;

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
fn warning_three_two_one_names_the_cheapest_fix_and_the_fix_clears_it() {
    // Not offered in the paired region: no copy there. Corruption backups and the ransomware
    // copy (immutable, same region) make 3 copies on 2 media, none off-site.
    let mut s = stage(K::Curated, |s| {
        s.modified_in_place = true;
        s.recreatable = false;
        s.service = Some("adls_gen2".into());
        s.available_in_secondary = false;
        s.vault = Some("azure_immutable_blob".into());
    });
    let p = plan_one(s.clone());
    let w = p.warnings.iter().find(|w| w.code == WarningCode::ThreeTwoOneNotMet).expect("3-2-1 warning");
    assert!(w.message.contains("has 3 copies on 2 media with none off-site"), "{}", w.message);
    assert!(
        w.message.contains("Cheapest fix: keep its ransomware copies in Off-cloud copy (off-cloud)"),
        "{}",
        w.message
    );
    let fix = p.fixes.first().expect("a fix");
    assert_eq!((fix.code, fix.stage.as_str(), &*fix.vault), (WarningCode::ThreeTwoOneNotMet, "s", "off_cloud"));
    assert!(fix.monthly > 0.0, "{fix:?}");
    s.vault = Some(fix.vault.to_string());
    let fixed = plan_one(s);
    assert!(!codes(&fixed).contains(&WarningCode::ThreeTwoOneNotMet), "{:?}", fixed.warnings);
    assert!(fixed.fixes.is_empty());
    let rec = fixed.stages[0].recommendation(RANSOMWARE).expect("rec");
    assert_eq!(rec.copies_in.as_ref().map(|c| &*c.vault), Some("off_cloud"));
}

#[test]
fn untested_restores_are_warned_about() {
    let s = stage(K::Curated, |s| s.modified_in_place = true);
    assert!(codes(&plan_one(s)).contains(&WarningCode::RestoreNeverTested));
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
    let own_rpo: Vec<[bool; crate::model::Disruption::COUNT]> =
        plans.iter().map(|p| std::array::from_fn(|k| p.recommendations[k].meets_rpo)).collect();
    let graph = super::graph::Graph::build(&["s"], &[]);
    let planned = crate::engine::warnings::Planned { graph: &graph, index: &[0] };
    let w = crate::engine::warnings::collect(
        &scenario,
        &planned,
        &plans,
        &own_rpo,
        &[[false; crate::model::Disruption::COUNT]],
        &Prices::defaults(),
        Vec::new(),
        &mut Vec::new(),
    );
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

/// A stage whose id a later stage repeats (an invalid scenario): the repeat is diagnosed and left
/// out, and the first stage is planned and warned about exactly as if it were alone — its own
/// facts and name, never the repeat's.
fn check_repeated_id(first: Stage, repeat: Stage) {
    let case = format!("{} repeated by {}", first.display_name(), repeat.display_name());
    let alone = plan(&Scenario { stages: vec![first.clone()], ..Scenario::default() });
    let mut both = plan(&Scenario { stages: vec![first, repeat], ..Scenario::default() });
    assert!(
        both.diagnostics.iter().any(|d| d.path == "stages[1].id" && d.severity == Severity::Error),
        "{case}: {:?}",
        both.diagnostics
    );
    both.diagnostics.retain(|d| !d.path.starts_with("stages[1]"));
    assert_eq!(both.warnings, alone.warnings, "{case}");
    assert_eq!(both, alone, "{case}");
}

#[test]
fn a_repeated_id_is_planned_and_warned_about_as_its_first_stage() {
    // Both with id "s", told apart by their names.
    let labelled = |label: &str, kind: K, f: fn(&mut Stage)| {
        let mut s = stage(kind, f);
        s.label = label.into();
        s
    };
    let first = |kind: K, f: fn(&mut Stage)| labelled("First", kind, f);
    let repeat = |kind: K, f: fn(&mut Stage)| labelled("Repeat", kind, f);
    // A system of record repeating a raw stage: the raw stage keeps its 3-2-1 and other warnings.
    check_repeated_id(first(K::Raw, |_| {}), repeat(K::SystemOfRecord, |_| {}));
    // And the other way round: the first stage's owner protects it.
    check_repeated_id(first(K::SystemOfRecord, |_| {}), repeat(K::Raw, |_| {}));
    // Facts only the repeat has raise no warning about the first stage.
    check_repeated_id(first(K::Presentation, |_| {}), repeat(K::Presentation, |s| s.available_in_secondary = false));
    check_repeated_id(first(K::Raw, |_| {}), repeat(K::Raw, |s| s.service = Some("adls_gen1".into())));
    // Facts only the first has are not lost.
    check_repeated_id(
        first(K::Raw, |s| {
            s.max_retention_days = Some(14);
            s.backup_retention_days = 90;
        }),
        repeat(K::Raw, |_| {}),
    );
    check_repeated_id(first(K::Archive, |_| {}), repeat(K::Archive, |s| s.max_retention_days = Some(365)));
    // A repeat with errors of its own besides.
    check_repeated_id(first(K::Curated, |s| s.modified_in_place = true), repeat(K::Raw, |s| s.volume_gb = -1.0));
}

/// erp (system of record) → raw → warehouse → semantic → report, with the refresh intervals
/// `refresh` (in that order) and the report's RPOs (after corruption, after an outage); every
/// other target is the scenario's (1 d).
fn refreshed_chain(refresh: [Option<u32>; 5], report_rpo: (u32, u32)) -> Scenario {
    let kinds = [
        ("erp", K::SystemOfRecord),
        ("raw", K::Raw),
        ("warehouse", K::Presentation),
        ("semantic", K::Model),
        ("report", K::Report),
    ];
    let stages = kinds
        .iter()
        .zip(refresh)
        .map(|(&(id, kind), refresh)| {
            named(id, kind, |s| {
                s.refresh_minutes = refresh;
                s.recreatable = kind != K::Raw && kind != K::SystemOfRecord;
                if kind == K::Report {
                    s.targets = targets((report_rpo.0, 240), (report_rpo.1, 480));
                }
            })
        })
        .collect();
    ransomware_aside(Scenario {
        stages,
        flows: vec![
            flow("erp", "raw"),
            flow("raw", "warehouse"),
            flow("warehouse", "semantic"),
            flow("semantic", "report"),
        ],
        ..Scenario::default()
    })
}

/// An expected `rpo_below_refresh`: the stage, the disruption type, the stage whose refresh
/// limits it and the interval as the message writes it.
type Expected = (&'static str, Disruption, &'static str, &'static str);

/// Plans `scenario` and checks its `rpo_below_refresh` warnings, in order: (stage, disruption,
/// the stage whose refresh limits it); each names both and the interval, and the stage's reason
/// for that disruption says so too (and only then).
#[track_caller]
fn check_refresh(case: &str, scenario: Scenario, expect: &[Expected]) {
    let p = plan(&scenario);
    let found: Vec<&Warning> = p.warnings.iter().filter(|w| w.code == WarningCode::RpoBelowRefresh).collect();
    let got: Vec<(&str, Disruption)> =
        found.iter().map(|w| (w.stages[0].as_str(), w.disruption.expect("a disruption type"))).collect();
    let want: Vec<(&str, Disruption)> = expect.iter().map(|&(s, d, ..)| (s, d)).collect();
    assert_eq!(got, want, "{case}: {found:#?}");
    for (w, &(id, _, origin, every)) in found.iter().zip(expect) {
        assert_eq!(w.level, Level::Warning, "{case}");
        let named_stages: Vec<&str> = w.stages.iter().map(StageId::as_str).collect();
        let both: Vec<&str> = if id == origin { vec![id] } else { vec![id, origin] };
        assert_eq!(named_stages, both, "{case}: the stage and the one whose refresh limits it");
        assert!(w.message.contains(&format!("only every {every}")), "{case}: {}", w.message);
        assert!(w.message.contains(&format!("or refresh {origin} more often")), "{case}: {}", w.message);
    }
    for sp in &p.stages {
        for rec in &sp.recommendations {
            let warned = expect.iter().any(|&(id, d, ..)| id == sp.id && d == rec.disruption);
            assert_eq!(
                rec.reason.contains("cannot hold whatever the plan"),
                warned,
                "{case}: {} {:?}: {}",
                sp.id,
                rec.disruption,
                rec.reason
            );
        }
    }
}

#[test]
fn warning_rpo_below_refresh() {
    let (h, d) = (60, 1440);
    let cases: Vec<(&str, Scenario, Vec<Expected>)> = vec![
        ("no refresh set: streaming or not known", refreshed_chain([None; 5], (15, 60)), vec![]),
        (
            "the report's own 4 h refresh, its 1 h RPO after corruption",
            refreshed_chain([None, None, None, None, Some(240)], (h, d)),
            vec![("report", CORRUPTION, "report", "4h")],
        ),
        (
            "the lake loaded once a day limits the report downstream, after both disruptions",
            refreshed_chain([None, Some(d), None, None, None], (h, 240)),
            vec![("report", CORRUPTION, "raw", "1d"), ("report", OUTAGE, "raw", "1d")],
        ),
        (
            "a daily load from an hourly lake: bounded by its own daily load",
            refreshed_chain([None, Some(h), Some(d), None, Some(15)], (h, 240)),
            vec![("report", CORRUPTION, "warehouse", "1d"), ("report", OUTAGE, "warehouse", "1d")],
        ),
        (
            "per disruption type: only the target tighter than 4 h",
            refreshed_chain([None, Some(240), None, None, None], (h, d)),
            vec![("report", CORRUPTION, "raw", "4h")],
        ),
        (
            "an RPO as loose as the refresh, or looser, holds",
            refreshed_chain([None, Some(d), None, Some(d), Some(h)], (d, 2 * d)),
            vec![],
        ),
        (
            "a tie names the stage upstream, where the data first arrives that slowly",
            refreshed_chain([None, Some(d), None, Some(d), None], (h, d)),
            vec![("report", CORRUPTION, "raw", "1d")],
        ),
        (
            "a system of record keeps its owner's figures, but its refresh bounds what is built from it",
            refreshed_chain([Some(2 * d), None, None, None, None], (h, d)),
            vec![
                ("raw", CORRUPTION, "erp", "2d"),
                ("raw", OUTAGE, "erp", "2d"),
                ("warehouse", CORRUPTION, "erp", "2d"),
                ("warehouse", OUTAGE, "erp", "2d"),
                ("semantic", CORRUPTION, "erp", "2d"),
                ("semantic", OUTAGE, "erp", "2d"),
                ("report", CORRUPTION, "erp", "2d"),
                ("report", OUTAGE, "erp", "2d"),
            ],
        ),
    ];
    for (case, scenario, expect) in cases {
        check_refresh(case, scenario, &expect);
    }
}

#[test]
fn refresh_of_code_does_not_bound_data_and_code_is_not_warned() {
    // Scripts changed weekly do not make the data they run on a week old; an ingest pipeline's
    // own RPO is about its code.
    let mut scenario = refreshed_chain([None; 5], (15, 15));
    scenario.stages.push(named("notebooks", K::Scripts, |s| s.refresh_minutes = Some(7 * 1440)));
    scenario.flows.push(flow("notebooks", "warehouse"));
    scenario.stages.push(named("ingest", K::Ingest, |s| s.targets = targets((0, 60), (0, 60))));
    scenario.flows.push(flow("erp", "ingest"));
    scenario.stages[0].refresh_minutes = Some(60);
    check_refresh("code", scenario, &[("report", CORRUPTION, "erp", "1h"), ("report", OUTAGE, "erp", "1h")]);
}

/// What a corruption found late should give a stage: the chosen option's recovery point (in
/// minutes, `None` = cannot recover), whether `no_clean_recovery_point` is raised, words of the
/// reason after corruption, and whether it is rebuilt by reprocessing.
struct Late {
    rpo: Option<f64>,
    no_clean: bool,
    reason: &'static [&'static str],
    reprocess: bool,
}

/// Plans stage `s` alone with the scenario's detection delay `delay`, checks its corruption
/// recommendation and warnings against `expect`, and that its outage recommendation is the same
/// as with no delay at all (an outage is noticed at once).
#[track_caller]
fn check_late(case: &str, delay: Option<u32>, s: Stage, expect: Late) {
    let on_time = plan(&Scenario { stages: vec![s.clone()], ..Scenario::default() });
    let p = plan(&Scenario { stages: vec![s], detection_delay_days: delay, ..Scenario::default() });
    let rec = p.stages[0].recommendation(CORRUPTION).expect("rec");
    assert_eq!(rec.rpo_minutes, expect.rpo, "{case}: {}", rec.reason);
    assert_eq!(rec.strategy == D::Reprocess, expect.reprocess, "{case}: {}", rec.reason);
    for w in expect.reason {
        assert!(rec.reason.contains(w), "{case}: the reason should say {w:?}: {}", rec.reason);
    }
    let found: Vec<&Warning> = p.warnings.iter().filter(|w| w.code == WarningCode::NoCleanRecoveryPoint).collect();
    assert_eq!(found.len(), usize::from(expect.no_clean), "{case}: {found:#?}");
    for w in found {
        assert_eq!(
            (w.level, w.disruption, w.stages.as_slice()),
            (Level::Critical, Some(CORRUPTION), &[StageId::from("s")][..])
        );
        assert!(w.message.contains("no clean recovery point is left"), "{case}: {}", w.message);
        assert!(w.message.contains("Keep copies longer than the detection delay"), "{case}: {}", w.message);
    }
    assert_eq!(
        format!("{:?}", p.stages[0].recommendation(OUTAGE)),
        format!("{:?}", on_time.stages[0].recommendation(OUTAGE)),
        "{case}: an outage is unchanged"
    );
}

#[test]
fn corruption_found_late() {
    let day = 1440.0;
    // The raw zone's incremental backups every day, kept 30 days unless said otherwise.
    let raw = |retention: u32, own: Option<u32>| {
        stage(K::Raw, |s| {
            s.backup_retention_days = retention;
            s.detection_delay_days = own;
        })
    };
    // Enrichment reprocessed from a source keeping `keeps` days; one day's partition is damaged.
    let enriched = |keeps: u32| {
        stage(K::Enriched, |s| {
            s.recreatable = true;
            s.source_retention_days = Some(keeps);
        })
    };
    let cases: Vec<(&str, Option<u32>, Stage, Late)> = vec![
        (
            "no delay: found at once",
            None,
            raw(30, None),
            Late { rpo: Some(day), no_clean: false, reason: &["recovery point 1d"], reprocess: false },
        ),
        (
            "a delay of 0 days is found at once",
            Some(0),
            raw(30, None),
            Late { rpo: Some(day), no_clean: false, reason: &["recovery point 1d"], reprocess: false },
        ),
        (
            "kept 30 days, found 14 days late: the copy from before, 14 days older",
            Some(14),
            raw(30, None),
            Late {
                rpo: Some(15.0 * day),
                no_clean: false,
                reason: &[
                    "recovery point 15d",
                    "from before the corruption, found 14 days late",
                    "copies are kept 30 days",
                ],
                reprocess: false,
            },
        ),
        (
            "kept exactly as long as the delay: the oldest copy is still clean",
            Some(14),
            raw(14, None),
            Late { rpo: Some(15.0 * day), no_clean: false, reason: &["found 14 days late"], reprocess: false },
        ),
        (
            "kept 7 days, found 14 days late: no clean copy",
            Some(14),
            raw(7, None),
            Late {
                rpo: None,
                no_clean: true,
                reason: &[
                    "Backups are kept 7 days but a corruption is found 14 days late: no clean recovery point is left",
                ],
                reprocess: false,
            },
        ),
        (
            "the stage's own delay overrides the scenario's",
            Some(14),
            raw(7, Some(3)),
            Late { rpo: Some(4.0 * day), no_clean: false, reason: &["found 3 days late"], reprocess: false },
        ),
        (
            "a stage found at once in a late scenario",
            Some(14),
            raw(7, Some(0)),
            Late { rpo: Some(day), no_clean: false, reason: &["recovery point 1d"], reprocess: false },
        ),
        (
            "a stage's own delay with none on the scenario",
            None,
            raw(7, Some(14)),
            Late { rpo: None, no_clean: true, reason: &["no clean recovery point is left"], reprocess: false },
        ),
        (
            "reprocessing, found at once: one day of history",
            None,
            enriched(10),
            Late { rpo: Some(0.0), no_clean: false, reason: &["damaged partition"], reprocess: true },
        ),
        (
            "reprocessing reaches 14 days further back: a source keeping 30 days holds it",
            Some(14),
            enriched(30),
            Late { rpo: Some(0.0), no_clean: false, reason: &["reaching 14 days further back"], reprocess: true },
        ),
        (
            "a source keeping 10 days cannot: restored from the stage's own copies, from before it",
            Some(14),
            enriched(10),
            Late {
                rpo: Some(15.0 * day),
                no_clean: false,
                reason: &["keeps only 10 days of data but a rebuild needs 15 days"],
                reprocess: false,
            },
        ),
    ];
    for (case, delay, s, expect) in cases {
        check_late(case, delay, s, expect);
    }
}

/// A stage with no recovery point left says "RPO none", not "RPO never" (a time that never comes).
#[test]
fn a_missed_target_with_no_recovery_point_says_none() {
    let s = stage(K::Raw, |s| s.backup_retention_days = 7);
    let p = plan(&Scenario { stages: vec![s], detection_delay_days: Some(14), ..Scenario::default() });
    let missed = p
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::TargetNotMet && w.disruption == Some(CORRUPTION))
        .expect("target_not_met");
    assert!(missed.message.contains("best achievable RPO none and RTO "), "{}", missed.message);
    assert!(!missed.message.contains("never"), "{}", missed.message);
}

#[test]
fn no_delay_plans_as_before() {
    let mut scenario = outage_chain(480);
    let before = format!("{:?}", plan(&scenario));
    scenario.detection_delay_days = Some(0);
    for s in &mut scenario.stages {
        s.detection_delay_days = Some(0);
    }
    assert_eq!(format!("{:?}", plan(&scenario)), before, "a delay of 0 is no delay");
}

#[test]
fn a_rebuild_after_a_late_corruption_reaches_further_back_upstream() {
    // The raw zone holds 10 days (200 GB at 20 GB a day); enrichment reprocesses one day's partition.
    let scenario = |delay: Option<u32>| Scenario {
        stages: vec![
            named("raw", K::Raw, |s| s.volume_gb = 200.0),
            named("enriched", K::Enriched, |s| s.recreatable = true),
        ],
        flows: vec![flow("raw", "enriched")],
        detection_delay_days: delay,
        ..Scenario::default()
    };
    let reprocess = |p: &Plan| {
        let rec = p.stages[1].recommendation(CORRUPTION).expect("rec");
        let alt = rec.alternatives.iter().find(|a| a.strategy == D::Reprocess).expect("a reprocess option");
        (rec.strategy, alt.rpo_minutes, rec.reason.clone())
    };
    for (delay, usable) in [(None, true), (Some(9), true), (Some(10), false), (Some(14), false)] {
        let (strategy, rpo, reason) = reprocess(&plan(&scenario(delay)));
        assert_eq!(rpo.is_some(), usable, "{delay:?}: {reason}");
        assert_eq!(strategy == D::Reprocess, usable, "{delay:?}: {reason}");
        if !usable {
            assert!(reason.contains("raw holds only 10 days of history"), "{delay:?}: {reason}");
        }
    }
}

/// The security of the copies, one case per way: (vault, administered apart, customer keys) →
/// whether `backup_admins_shared` and `backup_keys_provider_managed` name the stage.
#[test]
fn warnings_on_who_administers_the_copies_and_whose_keys_encrypt_them() {
    type Case = (&'static str, Option<&'static str>, bool, bool, (bool, bool));
    let cases: &[Case] = &[
        ("a locked vault the platform's admins run", Some("azure_immutable_blob"), false, false, (true, true)),
        ("administered apart", Some("azure_immutable_blob"), true, false, (false, true)),
        ("customer-managed keys", Some("azure_immutable_blob"), true, true, (false, false)),
        ("off-cloud is beyond the platform's credentials", Some("off_cloud"), false, true, (false, false)),
    ];
    for &(case, vault, separate, cmk, (shared, provider_keys)) in cases {
        let s = stage(K::Raw, |s| {
            s.service = Some("adls_gen2".into());
            s.vault = vault.map(String::from);
            s.separate_backup_admins = separate;
            s.customer_managed_keys = cmk;
        });
        let p = plan_one(s);
        let names =
            |code: WarningCode| p.warnings.iter().any(|w| w.code == code && w.stages.iter().any(|id| id == "s"));
        assert_eq!(
            (names(WarningCode::BackupAdminsShared), names(WarningCode::BackupKeysProviderManaged)),
            (shared, provider_keys),
            "{case}: {:?}",
            p.warnings
        );
    }
}
