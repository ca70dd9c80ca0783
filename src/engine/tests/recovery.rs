//! Recovery along the flows, computed by hand from the price book's defaults: when each stage
//! is back and with how old data, the critical path, divided restores, the faster upstream a
//! rebuild needs, and break-even of keeping a copy against rebuilding.

use super::*;

/// erp → raw → enriched → model → report, where enriched and the model can only be rebuilt
/// (their RPO target of 0 leaves only reprocessing), after a corruption that spread down it.
pub(super) fn rebuilt_chain(report_rto: u32, hot_windows: bool) -> Scenario {
    let day = 1440;
    let erp = named("erp", K::SystemOfRecord, |_| {});
    let raw = named("raw", K::Raw, |s| {
        s.service = Some("generic_object_store".into());
        s.volume_gb = 8800.0;
        s.daily_change_gb = 88.0;
        s.hot_window_days = hot_windows.then_some(7);
        s.targets = targets((day, day), (day, 2 * day));
    });
    let enriched = named("enriched", K::Enriched, |s| {
        s.service = Some("generic_object_store".into());
        s.recreatable = true;
        s.modified_in_place = true;
        s.volume_gb = 3000.0;
        s.daily_change_gb = 30.0;
        s.hot_window_days = hot_windows.then_some(7);
        s.targets = targets((0, day), (0, 2 * day));
    });
    let model = named("model", K::Model, |s| {
        s.service = Some("generic_database".into());
        s.load = LoadPattern::DailyFull;
        s.volume_gb = 600.0;
        s.daily_change_gb = 20.0;
        s.hot_window_days = hot_windows.then_some(7);
        s.targets = targets((0, day), (0, 2 * day));
    });
    let report = named("report", K::Report, |s| {
        s.service = Some("git_repository".into());
        s.targets = targets((day, report_rto), (day, 2 * day));
    });
    ransomware_aside(Scenario {
        stages: vec![erp, raw, enriched, model, report],
        flows: vec![flow("erp", "raw"), flow("raw", "enriched"), flow("enriched", "model"), flow("model", "report")],
        overrides: round_figures(),
        ..Scenario::default()
    })
}

#[test]
fn a_report_waits_for_its_whole_pipeline_and_the_violation_names_the_critical_path() {
    // raw: snapshots, 15 + 8.8 TB ÷ 7 TB/h (75.43) = 90.43 min, its own copy, no waiting.
    // enriched: reprocess all 3 TB (changed in place) at 1 TB/h = 180 min after raw: 270.43.
    // model: reload 0.6 TB at 1 TB/h = 36 min after enriched: 306.43 (5h 6m).
    // report: redeployed from git in 30 min alongside, serves when the model is back: 306.43.
    let p = plan(&rebuilt_chain(240, false));
    let done = |id: &str| timeline(&p, CORRUPTION, id).completion_minutes;
    // The system of record is back when its owner says (the scenario's 1-day RTO); raw does not
    // wait for it: it restores its own copies.
    assert_eq!(done("erp"), Some(1440.0));
    assert_eq!(done("raw"), Some(90.4));
    assert_eq!(done("enriched"), Some(270.4));
    assert_eq!(done("model"), Some(306.4));
    assert_eq!(done("report"), Some(306.4));
    assert_eq!(timeline(&p, CORRUPTION, "report").critical_upstream.as_deref(), Some("model"));
    assert_eq!(timeline(&p, CORRUPTION, "model").waits_for, vec!["enriched".to_string()]);
    assert!(timeline(&p, CORRUPTION, "raw").waits_for.is_empty(), "raw restores its own copy");

    let report = p.stages[4].recommendation(CORRUPTION).expect("rec");
    assert_eq!((report.rto_minutes, report.completion_minutes), (Some(30.0), Some(306.4)));
    assert!(report.meets_rpo && !report.meets_rto);
    assert!(report.reason.contains("at its fastest it is complete at 5h 6m"), "{}", report.reason);
    let w = p
        .warnings
        .iter()
        .find(|w| w.code == WarningCode::RtoLimitedByUpstream && w.disruption == Some(CORRUPTION))
        .expect("rto_limited_by_upstream");
    assert!(
        w.message.contains("report ← model (reload 36m) ← enriched (reprocess 3h) ← raw (restore 1h 30m): 5h 6m > 4h"),
        "{}",
        w.message
    );
    assert_eq!(w.stages, ["report", "model", "enriched", "raw"]);
    assert!(w.message.contains("The longest step is enriched (reprocess 3h)"), "{}", w.message);
    assert!(w.message.contains("gaining the 1h 6m"), "{}", w.message);
    assert_eq!(w.level, Level::Critical);
    // Not reported twice: the report's own recovery meets its RTO.
    assert!(!p.warnings.iter().any(|w| w.code == WarningCode::TargetNotMet && w.stages == ["report"]));
    assert_eq!(
        p.pipeline.timeline(CORRUPTION).map(|t| t.critical_path.clone()),
        Some(vec!["report".into(), "model".into(), "enriched".into(), "raw".into()])
    );
    // With a 6 h RTO the same pipeline is fine.
    let p = plan(&rebuilt_chain(360, false));
    assert!(p.stages[4].recommendation(CORRUPTION).is_some_and(Recommendation::meets));
    assert!(!p.warnings.iter().any(|w| w.code == WarningCode::RtoLimitedByUpstream));
}

/// erp (its owner: RPO 15m, back in 2h) → raw (7 TB, 70 GB a day, snapshots once a day) with
/// a 1 h RPO after a corruption: its own copy is a day old, so it is restored and caught up
/// from the source.
fn caught_up_raw(read_limit: Option<f64>) -> Scenario {
    let erp = named("erp", K::SystemOfRecord, |s| {
        s.targets = targets((15, 120), (60, 240));
        s.read_limit_tb_per_hour = read_limit;
    });
    let raw = named("raw", K::Raw, |s| {
        s.service = Some("generic_object_store".into());
        s.volume_gb = 7000.0;
        s.daily_change_gb = 70.0;
        s.targets = targets((60, 1440), (1440, 2880));
    });
    Scenario {
        stages: vec![erp, raw],
        flows: vec![flow("erp", "raw")],
        overrides: round_figures(),
        ..Scenario::default()
    }
}

#[test]
fn a_stage_restored_to_an_old_point_catches_up_from_its_source() {
    // raw's snapshots: 15 + 7 TB ÷ 7 TB/h (60) = 75 min, a day old: the 1 h RPO is missed.
    // Then catch up the day written since (70 GB) from erp, once the restore is done (75) and
    // erp is back (120): 15 + 0.07 TB at 1 TB/h (4.2) = 19.2 → complete at 139.2 (2h 19m),
    // with erp's data: 15 min old.
    let p = plan(&caught_up_raw(None));
    let raw = p.stages[1].recommendation(CORRUPTION).expect("rec");
    assert_eq!((raw.strategy, raw.backup), (D::BackupRestore, B::Snapshots), "{}", raw.reason);
    assert_eq!(
        raw.catch_up,
        Some(CatchUpPlan { from_rpo_minutes: 1440.0, restore_minutes: 75.0, gb: 70.0, minutes: 19.2 })
    );
    assert_eq!((raw.rpo_minutes, raw.rto_minutes), (Some(0.0), Some(94.2)), "its own: restore and catch-up");
    assert_eq!((raw.effective_rpo_minutes, raw.completion_minutes), (Some(15.0), Some(139.2)));
    assert!(raw.meets(), "{}", raw.reason);
    let t = timeline(&p, CORRUPTION, "raw");
    assert_eq!(t.full, Phase { start_minutes: Some(0.0), end_minutes: Some(75.0) }, "the restore");
    assert_eq!(t.catch_up, Some(Phase { start_minutes: Some(120.0), end_minutes: Some(139.2) }));
    assert_eq!((t.waits_for.clone(), t.rpo_limited_by.as_deref()), (vec!["erp".into()], Some("erp")));
    assert!(
        raw.reason.contains("then catch up: reprocess the 70 GB written since that point (1d) from upstream in 19m"),
        "{}",
        raw.reason
    );
    assert!(raw.reason.contains("it catches up once erp is back (2h), so it is complete at 2h 19m"), "{}", raw.reason);
    // After a regional outage its 1 d RPO needs no catch-up.
    assert_eq!(p.stages[1].recommendation(OUTAGE).and_then(|r| r.catch_up), None);

    // erp may be read at 50 GB/h: the catch-up takes 15 + 70 GB ÷ 50 GB/h (84) = 99 min →
    // complete at 120 + 99 = 219 (3h 39m), and the reason names the limit.
    let p = plan(&caught_up_raw(Some(0.05)));
    let raw = p.stages[1].recommendation(CORRUPTION).expect("rec");
    assert_eq!(raw.catch_up.map(|c| c.minutes), Some(99.0));
    assert_eq!(raw.completion_minutes, Some(219.0));
    assert!(raw.reason.contains("(reading erp at no more than its limit of 0.05 TB/h)"), "{}", raw.reason);
    let t = timeline(&p, CORRUPTION, "raw");
    assert_eq!(t.catch_up, Some(Phase { start_minutes: Some(120.0), end_minutes: Some(219.0) }));

    // The corruption found 2 days late: the clean copy is 3 days old (1440 + 2 × 1440), so the
    // catch-up reprocesses 3 days (210 GB): 15 + 0.21 TB at 1 TB/h (12.6) = 27.6 min from 120
    // → complete at 147.6 (2h 28m), with erp's data, 15 min old.
    let mut late = caught_up_raw(None);
    late.detection_delay_days = Some(2);
    let p = plan(&late);
    let raw = p.stages[1].recommendation(CORRUPTION).expect("rec");
    assert_eq!(
        raw.catch_up,
        Some(CatchUpPlan { from_rpo_minutes: 4320.0, restore_minutes: 75.0, gb: 210.0, minutes: 27.6 })
    );
    assert_eq!((raw.effective_rpo_minutes, raw.completion_minutes), (Some(15.0), Some(147.6)));
    assert!(raw.meets(), "{}", raw.reason);
    let t = timeline(&p, CORRUPTION, "raw");
    assert_eq!(t.full, Phase { start_minutes: Some(0.0), end_minutes: Some(75.0) }, "the restore");
    assert_eq!(t.catch_up, Some(Phase { start_minutes: Some(120.0), end_minutes: Some(147.6) }));
    assert!(raw.reason.contains("found 2 days late"), "{}", raw.reason);
}

#[test]
fn data_rebuilt_from_a_restored_stage_is_no_fresher_than_its_recovery_point() {
    // raw restores to a point a day old (snapshots every 1440 min); enriched and the model are
    // rebuilt from it, so their RPO target of 0 cannot hold, though their own option (reprocess,
    // RPO 0) meets it. The report serves the model's data: RPO 1d, target 1d: fine.
    let p = plan(&rebuilt_chain(480, false));
    for id in ["enriched", "model", "report"] {
        let t = timeline(&p, CORRUPTION, id);
        assert_eq!((t.effective_rpo_minutes, t.rpo_limited_by.as_deref()), (Some(1440.0), Some("raw")), "{id}");
    }
    assert_eq!(timeline(&p, CORRUPTION, "raw").rpo_limited_by, None);
    let limited: Vec<&Warning> = p
        .warnings
        .iter()
        .filter(|w| w.code == WarningCode::RpoLimitedByUpstream && w.disruption == Some(CORRUPTION))
        .collect();
    assert_eq!(limited.len(), 2, "{limited:?}");
    assert_eq!(limited[1].stages, ["model", "enriched", "raw"]);
    assert!(limited[1].message.contains("comes from raw (model ← enriched ← raw)"), "{}", limited[1].message);
    assert!(limited[1].message.contains("a point 1d old") && limited[1].message.contains("target is 0m"));
}

/// What a stage rebuilt from one upstream stage achieves for its RPO along the flows.
struct RpoAlongFlows {
    /// `effective_rpo_minutes` of the downstream stage's recommendation.
    effective: Option<f64>,
    /// `rpo_limited_by` of its timeline.
    limited_by: Option<&'static str>,
    meets_rpo: bool,
    stages_violating: usize,
    /// `rpo_limited_by_upstream` warnings about it.
    limited_warnings: usize,
}

/// raw (snapshots every `interval` minutes, its own RPO target 1d) → enriched (automated, so
/// reprocessed from raw: its own recovery point is 0) with a corruption RPO target of
/// `enriched_rpo`: what enriched achieves after a corruption.
fn check_rpo_along_flows(interval: Option<f64>, enriched_rpo: u32, expect: RpoAlongFlows) {
    let day = 1440;
    let raw = named("raw", K::Raw, |s| {
        s.service = Some("generic_object_store".into());
        s.targets = targets((day, day), (day, 2 * day));
    });
    let enriched = named("enriched", K::Enriched, |s| {
        s.service = Some("generic_object_store".into());
        s.recreatable = true;
        s.targets = targets((enriched_rpo, day), (day, 2 * day));
    });
    let mut scenario = ransomware_aside(Scenario {
        stages: vec![raw, enriched],
        flows: vec![flow("raw", "enriched")],
        ..Scenario::default()
    });
    if let Some(minutes) = interval {
        scenario.overrides.insert("backup.interval_minutes".into(), minutes);
    }
    let p = plan(&scenario);
    let case = format!("interval {interval:?}, enriched RPO {enriched_rpo}");
    let rec = p.stages[1].recommendation(CORRUPTION).expect("rec");
    assert_eq!((rec.strategy, rec.rpo_minutes), (D::Reprocess, Some(0.0)), "{case}: rebuilt, own point 0");
    assert_eq!(rec.effective_rpo_minutes, expect.effective, "{case}");
    assert_eq!(timeline(&p, CORRUPTION, "enriched").effective_rpo_minutes, expect.effective, "{case}");
    assert_eq!(timeline(&p, CORRUPTION, "enriched").rpo_limited_by.as_deref(), expect.limited_by, "{case}");
    assert_eq!(rec.meets_rpo, expect.meets_rpo, "{case}: {}", rec.reason);
    assert_eq!(rec.meets(), expect.meets_rpo, "{case}: the RTO is met, so meets() is the RPO");
    assert_eq!(p.totals.stages_violating, expect.stages_violating, "{case}");
    assert_eq!(p.totals.stages_meeting, 2 - expect.stages_violating, "{case}");
    let about = |code: WarningCode| {
        p.warnings
            .iter()
            .filter(|w| w.code == code && w.stages.first().map(StageId::as_str) == Some("enriched"))
            .count()
    };
    assert_eq!(about(WarningCode::RpoLimitedByUpstream), expect.limited_warnings, "{case}: {:?}", p.warnings);
    // Its own option meets the RPO: an upstream miss is never also a `target_not_met`.
    assert_eq!(about(WarningCode::TargetNotMet), 0, "{case}: {:?}", p.warnings);
    // The reason does not leave "meets RPO" standing when the data misses it.
    let explained = rec.reason.contains("But its data comes from raw");
    assert_eq!(explained, !expect.meets_rpo, "{case}: {}", rec.reason);
}

#[test]
fn a_stage_rebuilt_from_an_older_upstream_point_misses_its_rpo() {
    // raw restores to a point a day old; enriched's own reprocessing loses nothing, but what it
    // reprocesses is raw's restored data: a day old, against a 1 h target.
    check_rpo_along_flows(
        None,
        60,
        RpoAlongFlows {
            effective: Some(1440.0),
            limited_by: Some("raw"),
            meets_rpo: false,
            stages_violating: 1,
            limited_warnings: 1,
        },
    );
    let p = plan(&{
        let mut s = rebuilt_chain(480, false);
        s.stages[2].targets = targets((60, 1440), (0, 2880));
        s
    });
    let enriched = p.stages[2].recommendation(CORRUPTION).expect("rec");
    assert!(
        enriched.reason.text().ends_with("But its data comes from raw, which recovers to a point 1d old: along the flows it misses its RPO of 1h (see the warnings)."),
        "{}",
        enriched.reason
    );
}

#[test]
fn a_stage_rebuilt_from_a_recent_enough_upstream_point_meets_its_rpo() {
    // The same day-old point against a 1 d target: limited by raw, and within it.
    check_rpo_along_flows(
        None,
        1440,
        RpoAlongFlows {
            effective: Some(1440.0),
            limited_by: Some("raw"),
            meets_rpo: true,
            stages_violating: 0,
            limited_warnings: 0,
        },
    );
    // Snapshots every 30 minutes: enriched is no fresher than 30 minutes, within its 1 h.
    check_rpo_along_flows(
        Some(30.0),
        60,
        RpoAlongFlows {
            effective: Some(30.0),
            limited_by: Some("raw"),
            meets_rpo: true,
            stages_violating: 0,
            limited_warnings: 0,
        },
    );
}

#[test]
fn divided_restore_serves_the_newest_days_first() {
    // Hot windows of 7 days: raw 7 × 88 = 616 GB of 8800 (7 %), enriched 210 of 3000 (7 %),
    // model 140 of 600 (23.3 %).
    // raw: hot 15 + 7 % of 75.43 = 20.28; then the rest, complete at 90.43.
    // enriched: hot pass once raw's hot data is back, 20.28 + 7 % of 180 = 32.88; full pass
    //   after raw is complete, 90.43 + 180 = 270.43.
    // model: hot pass 32.88 + 23.3 % of 36 = 41.28; full 270.43 + 36 = 306.43.
    // report: serves hot data at 41.28 (first service), everything at 306.43 (full restore).
    let p = plan(&rebuilt_chain(480, true));
    let phase = |ph: Option<Phase>| ph.map(|p| (p.start_minutes, p.end_minutes));
    let t = |id| timeline(&p, CORRUPTION, id);
    assert_eq!(phase(t("raw").hot), Some((Some(0.0), Some(20.3))));
    assert_eq!(phase(Some(t("raw").full)), Some((Some(20.3), Some(90.4))));
    assert_eq!(phase(t("enriched").hot), Some((Some(20.3), Some(32.9))));
    assert_eq!(phase(Some(t("enriched").full)), Some((Some(90.4), Some(270.4))));
    assert_eq!(phase(t("model").hot), Some((Some(32.9), Some(41.3))));
    assert_eq!(phase(Some(t("model").full)), Some((Some(270.4), Some(306.4))));
    assert_eq!(phase(t("report").hot), Some((Some(0.0), Some(41.3))));
    assert_eq!(phase(Some(t("report").full)), Some((Some(0.0), Some(306.4))));
    let whole = p.pipeline.timeline(CORRUPTION).expect("timeline");
    assert_eq!(whole.serving, ["report"]);
    assert_eq!(whole.first_service_minutes, Some(41.3));
    assert_eq!(whole.full_restore_minutes, Some(306.4));
    // Without hot windows the report serves only when everything is back.
    let p = plan(&rebuilt_chain(480, false));
    let whole = p.pipeline.timeline(CORRUPTION).expect("timeline");
    assert_eq!(whole.first_service_minutes, Some(306.4));
    assert!(timeline(&p, CORRUPTION, "raw").hot.is_none());
}

#[test]
fn a_stage_that_must_rebuild_in_time_gets_a_faster_upstream() {
    // raw fails over its geo-replica in 60 min (cheapest and fastest: 8800 × 0.0184 + 52.80).
    // Model RTO 4 h: its reload takes 30 + 36 min after enriched, so enriched must be back by
    // 240 − 36 = 204 min; rebuilding it would finish at 60 + 180 = 240, so it fails over its
    // replica instead (60), and the model is back at 96, the report with it.
    let p = plan(&outage_chain(240));
    let enriched = p.stages[1].recommendation(OUTAGE).expect("rec");
    assert_eq!(enriched.strategy, D::GeoReplicatedStorage, "{}", enriched.reason);
    assert_eq!(enriched.cost.total(), 73.2);
    assert!(
        enriched
            .reason
            .contains("Chosen faster than its own RTO needs: model rebuilds from it and needs it back by 3h 24m"),
        "{}",
        enriched.reason
    );
    // For its own two-day RTO alone it could wait for the provider (14 h 30 min, nothing a month).
    assert!(enriched.reason.contains("wait for the provider at USD 0.00/month would do"), "{}", enriched.reason);
    assert_eq!(timeline(&p, OUTAGE, "enriched").deadline_minutes, Some(204.0));
    assert_eq!(timeline(&p, OUTAGE, "model").completion_minutes, Some(96.0));
    assert_eq!(timeline(&p, OUTAGE, "report").completion_minutes, Some(96.0));
    assert!(p.stages.iter().all(|s| s.recommendations.iter().all(|r| r.meets_rto)));
    // The model's RPO of 0 after an outage holds for its own reload, not along the flows: the
    // replica it reloads from is 15 minutes behind.
    let model = p.stages[2].recommendation(OUTAGE).expect("rec");
    assert_eq!((model.rpo_minutes, model.effective_rpo_minutes, model.meets_rpo), (Some(0.0), Some(15.0), false));
    // With two days for the model, enriched waits for the provider (870 min, nothing a month; a
    // rebuild would be back at 240 for 1.25), and so does the model: back with the region.
    let p = plan(&outage_chain(2880));
    let enriched = p.stages[1].recommendation(OUTAGE).expect("rec");
    assert_eq!(enriched.strategy, D::WaitForProvider, "{}", enriched.reason);
    assert_eq!(timeline(&p, OUTAGE, "model").completion_minutes, Some(870.0));
}

#[test]
fn break_even_of_keeping_a_replica_against_rebuilding_after_each_disaster() {
    // enriched after an outage: its cheapest copy meeting RPO 1d is the geo-replica, 73.20/month;
    // a rebuild of all 3 TB costs 3 × 25 = 75.00 in the month of a disaster. At 0.2 disasters a
    // year the first is in month 1 and the next in month 61, after the 36-month span.
    // Copies: 73.20 by month 1 (< 75), 146.40 by month 2 (≥ 75): break-even in month 2.
    let p = plan(&outage_chain(2880));
    let b = p.break_even.iter().find(|b| b.id == "enriched" && b.disruption == OUTAGE).expect("break-even");
    assert_eq!((b.copies.strategy, b.copies.monthly), (D::GeoReplicatedStorage, 73.2));
    assert_eq!(b.rebuild_cost, 75.0);
    assert_eq!(b.copies_cumulative.len(), 36);
    assert_eq!((b.copies_cumulative[0], b.copies_cumulative[1], b.copies_cumulative[35]), (73.2, 146.4, 2635.2));
    assert!(b.reprocess_cumulative.iter().all(|&c| c == 75.0), "{:?}", b.reprocess_cumulative);
    assert_eq!((b.break_even_month, b.cheaper_over_span, b.disasters_over_span), (Some(2), Cheaper::Reprocess, 1));
    // Rebuilding starts when raw has failed over (60) and takes 30 + 180: back at 240, within 2 days;
    // at best raw is dual-ingested and read after 15 min, so the rebuild is back at 30 + 180.
    assert!(b.reprocess_possible);
    assert_eq!((b.reprocess_minutes, b.reprocess_best_minutes, b.reprocess_fits_rto), (Some(240.0), Some(210.0), true));
    // After a corruption only the damaged partition (a day, 30 GB) is rebuilt: 0.75, against
    // snapshots (30 GB × 30 days × 0.01 = 9.00/month): copies cost more from the first month.
    let c = p.break_even.iter().find(|b| b.id == "enriched" && b.disruption == CORRUPTION).expect("break-even");
    assert_eq!((c.copies.backup, c.copies.monthly, c.rebuild_cost), (B::Snapshots, 9.0, 0.75));
    assert_eq!(c.break_even_month, Some(1));
    // Raw cannot be rebuilt, and the report keeps no copies: neither is compared.
    assert!(!p.break_even.iter().any(|b| b.id == "raw" || b.id == "report"));

    // A disaster every month: 75 a month against 73.20, so copies never cost as much; and with a
    // 3 h RTO rebuilding (240 min at best) does not fit at all.
    let mut monthly = outage_chain(2880);
    monthly.disasters_per_year = 12.0;
    monthly.stages[1].targets = targets((1440, 1440), (1440, 180));
    let p = plan(&monthly);
    let b = p.break_even.iter().find(|b| b.id == "enriched" && b.disruption == OUTAGE).expect("break-even");
    assert_eq!((b.break_even_month, b.cheaper_over_span, b.disasters_over_span), (None, Cheaper::Copies, 36));
    assert_eq!((b.reprocess_cumulative[0], b.reprocess_cumulative[35]), (75.0, 2700.0));
    assert!(!b.reprocess_fits_rto);
}

/// A rebuild that cannot recover the stage (its upstream or source no longer holds the data) is
/// no alternative: no break-even month, and copies — the only way back — are "cheaper", on both
/// reference platforms and a synthetic one, whatever the rebuild would cost.
#[test]
fn no_break_even_with_a_rebuild_that_cannot_recover_the_stage() {
    let mut scenarios: Vec<Scenario> = reference_platforms().into();
    scenarios.push(crate::model::synthetic(60));
    let mut impossible = 0;
    for scenario in &scenarios {
        let p = plan(scenario);
        for b in p.break_even.iter().filter(|b| !b.reprocess_possible) {
            impossible += 1;
            assert_eq!(
                (b.break_even_month, b.cheaper_over_span),
                (None, Cheaper::Copies),
                "{} {:?}",
                b.id,
                b.disruption
            );
            assert!(!b.reprocess_fits_rto, "{} {:?}", b.id, b.disruption);
        }
    }
    // The first guide's enriched zone after an outage and after ransomware, at least.
    assert!(impossible >= 2, "the case is exercised: {impossible}");
}

/// When no option meets the RTO, rule 3 takes the fastest; the reason then says what the
/// cheapest option meeting the RPO would save and how much later it would be back, so the room
/// can weigh the time gained against its price. Checked on the first guide's platform with the
/// lake asked back within 4 h after ransomware (the triage alone takes 8 h; docs/cli.md's `keel
/// diff` example), and with its own targets, where the chosen options meet them and say nothing.
#[test]
fn the_best_achievable_says_what_its_time_costs() {
    let [lusty, _] = reference_platforms();
    let mut four_hours = lusty.clone();
    for s in four_hours.stages.iter_mut().filter(|s| ["raw", "enriched", "curated"].contains(&s.id.as_str())) {
        s.targets.get_or_insert_with(Default::default).ransomware =
            Some(Target { rpo_minutes: 1440, rto_minutes: 240 });
    }
    let said = |scenario: &Scenario, id: &str| {
        let p = plan(scenario);
        let rec = p.stage(id).and_then(|s| s.recommendation(RANSOMWARE)).expect("a ransomware recommendation");
        // The sentence, from after its opening words to the end of what the time costs.
        let reason = rec.reason.text();
        let said = reason.split(" The cheapest option that meets the RPO").nth(1)?;
        let end = said.find("costs ").and_then(|at| said[at..].find("/month.").map(|e| at + e))?;
        Some(said[..end].to_string())
    };
    let cases: [(&Scenario, &str, Option<&str>); 4] = [
        (&four_hours, "raw", Some(", restore from incremental at USD 327.24/month, would be complete 1h 1m later (11h 21m): the time gained costs USD 1940.76")),
        (&four_hours, "curated", Some(", reprocess at USD 1.79/month, would be complete 4h 38m later (14h 22m): the time gained costs USD 1288.21")),
        // Met with the platform's own targets: nothing to weigh.
        (&lusty, "raw", None),
        (&lusty, "curated", None),
    ];
    for (scenario, id, expect) in cases {
        assert_eq!(said(scenario, id).as_deref(), expect, "{id} in {}", scenario.name);
    }
}

/// After ransomware the triage comes before any recovery: where it alone is no shorter than the
/// RTO, the reason says so instead of asking for a faster strategy; where the RTO leaves room
/// after it, the usual "what it would take" stays.
#[test]
fn a_triage_longer_than_the_rto_is_named_as_the_miss() {
    let [lusty, _] = reference_platforms();
    let p = plan(&lusty);
    let reason = |id: &str| {
        let rec = p.stage(id).and_then(|s| s.recommendation(RANSOMWARE)).expect("a ransomware recommendation");
        rec.reason.clone()
    };
    let triage = "The triage alone — isolating the platform, finding the last clean recovery point, preparing a clean environment — takes 8h, no less than the RTO of";
    let cases = [
        // Code redeployed from its mirror, RTO 1 h: the 8 h triage alone misses it.
        ("infra", Some("1h"), false),
        // The warehouse after ransomware, RTO 8 h: no restore can follow an 8 h triage in time.
        ("warehouse", Some("8h"), false),
        // The archive's RTO of 1 day leaves room after the triage: the usual advice.
        ("archive", None, true),
    ];
    for (id, rto, generic) in cases {
        let r = reason(id);
        match rto {
            Some(rto) => {
                assert!(r.contains(&format!("{triage} {rto}: no way of recovering can meet it.")), "{id}: {r}")
            }
            None => assert!(!r.contains(triage), "{id}: {r}"),
        }
        assert_eq!(r.contains("Meeting the RTO means gaining"), generic, "{id}: {r}");
    }
}
