//! Recent-data targets (`recent`), judged on the divided restore's first phase, computed by
//! hand on `recovery`'s chain erp → raw → enriched → model → report after a corruption.
//!
//! With 7 days first (raw 616 of 8800 GB, enriched 210 of 3000, model 140 of 600), from
//! `recovery::divided_restore_serves_the_newest_days_first`: raw's newest days are back at
//! 15 + 7 % of 75.43 = 20.28 min (complete at 90.43), enriched's at 20.28 + 7 % of 180 = 32.88
//! (270.43), the model's at 32.88 + 23.3 % of 36 = 41.28 (306.43), and the report serves them
//! when the model does, at 41.28 (306.43). Raw restores to a point a day old, and everything
//! after it is rebuilt from it.

use super::recovery::rebuilt_chain;
use super::*;
use crate::model::RecentTargets;

/// A recent-data target for the newest `days`: `corruption` = (RPO, RTO) after a corruption,
/// two days for both after an outage.
fn recent(days: u32, corruption: (u32, u32)) -> Option<RecentTargets> {
    let outage = Target { rpo_minutes: 2880, rto_minutes: 2880 };
    let data_corruption = Target { rpo_minutes: corruption.0, rto_minutes: corruption.1 };
    Some(RecentTargets { days, data_corruption, region_outage: outage, ransomware: Some(super::ASIDE) })
}

/// Stage `id`'s recent-data result after a corruption.
fn result(p: &Plan, id: &str) -> Option<RecentResult> {
    p.stage(id).and_then(|s| s.recommendation(CORRUPTION)).and_then(|r| r.recent)
}

fn recent_warnings<'a>(p: &'a Plan, id: &str) -> Vec<&'a Warning> {
    p.warnings.iter().filter(|w| w.code == WarningCode::RecentTargetNotMet && w.stages == [id]).collect()
}

#[test]
fn a_scenario_wide_recent_target_is_met_by_the_divided_restore_while_the_full_restore_takes_longer() {
    // No hot windows: the recent target's 7 days are restored first, so the phases are those of
    // 7-day hot windows, and every stage serves its newest week within the hour.
    let mut scenario = rebuilt_chain(480, false);
    scenario.recent = recent(7, (1440, 60));
    let p = plan(&scenario);
    let hot_end = |id| timeline(&p, CORRUPTION, id).hot.and_then(|h| h.end_minutes);
    assert_eq!(hot_end("raw"), Some(20.3));
    assert_eq!(hot_end("enriched"), Some(32.9));
    assert_eq!(hot_end("model"), Some(41.3));
    assert_eq!(hot_end("report"), Some(41.3));
    for (id, back, complete) in [("raw", 20.3, 90.4), ("enriched", 32.9, 270.4), ("model", 41.3, 306.4)] {
        let r = result(&p, id).unwrap_or_else(|| panic!("{id} has a recent result"));
        assert_eq!((r.days, r.back_minutes, r.target.rto_minutes), (7, Some(back), 60), "{id}");
        assert!(r.meets_rto && r.meets_rpo, "{id}: {r:?}");
        // The full restore takes longer than the recent RTO: only the divided restore meets it.
        assert_eq!(timeline(&p, CORRUPTION, id).completion_minutes, Some(complete), "{id}");
    }
    let report = p.stage("report").and_then(|s| s.recommendation(CORRUPTION)).expect("report");
    assert_eq!(report.recent.map(|r| (r.back_minutes, r.meets())), Some((Some(41.3), true)));
    assert!(report.meets(), "{}", report.reason);
    assert!(
        report
            .reason
            .contains("Recent data: the newest 7 days are back after 41m, against a recent-data RTO of 1h (met)"),
        "{}",
        report.reason
    );
    assert!(result(&p, "erp").is_none(), "a system of record's figures are its owner's");
    let whole = p.pipeline.timeline(CORRUPTION).expect("timeline");
    assert_eq!(
        (whole.first_service_minutes, whole.first_service_target_minutes, whole.first_service_met),
        (Some(41.3), Some(60), Some(true))
    );
    assert!(p.warnings.iter().all(|w| w.code != WarningCode::RecentTargetNotMet), "{:?}", p.warnings);
}

#[test]
fn a_recent_rto_the_divided_restore_misses_is_warned_about_and_counted() {
    // The report's own target: its newest week by 40 min, but it serves it at 41.28.
    let mut scenario = rebuilt_chain(480, true);
    let before = plan(&scenario).totals.stages_violating;
    scenario.stages[4].recent = recent(7, (1440, 40));
    let p = plan(&scenario);
    let r = result(&p, "report").expect("the report's result");
    assert_eq!((r.back_minutes, r.meets_rto, r.meets_rpo), (Some(41.3), false, true));
    assert!(result(&p, "model").is_none(), "only the report has a target");
    assert_eq!(p.totals.stages_violating, before + 1, "a missed recent target is a missed target");
    let found = recent_warnings(&p, "report");
    assert_eq!(found.len(), 1, "{:?}", p.warnings);
    assert_eq!((found[0].level, found[0].disruption), (Level::Critical, Some(CORRUPTION)));
    assert!(
        found[0].message.contains(
            "report misses its recent-data target after corruption: its newest 7 days are back after 41m > 40m (RTO)"
        ),
        "{}",
        found[0].message
    );
    let whole = p.pipeline.timeline(CORRUPTION).expect("timeline");
    assert_eq!((whole.first_service_target_minutes, whole.first_service_met), (Some(40), Some(false)));
    // The full-history figures are judged as before.
    let report = p.stage("report").and_then(|s| s.recommendation(CORRUPTION)).expect("report");
    assert!(report.meets_rpo && report.meets_rto && !report.meets() && report.misses_recent());
}

#[test]
fn a_hot_window_shorter_than_the_recent_days_is_judged_when_the_stage_is_complete() {
    // raw restores 3 days first (15 + 3 % of 75.43 = 17.26), fewer than the 7 of its target:
    // its newest week is back only when it is complete, at 90.43 > 60.
    let mut scenario = rebuilt_chain(480, false);
    scenario.stages[1].hot_window_days = Some(3);
    scenario.stages[1].recent = recent(7, (1440, 60));
    let p = plan(&scenario);
    assert_eq!(timeline(&p, CORRUPTION, "raw").hot.and_then(|h| h.end_minutes), Some(17.3));
    let r = result(&p, "raw").expect("raw's result");
    assert_eq!((r.back_minutes, r.meets_rto), (Some(90.4), false));
    assert!(p.diagnostics.iter().any(|d| d.path == "stages[1].hot_window_days"), "{:?}", p.diagnostics);
    // A hot window of the target's days or more meets it.
    scenario.stages[1].hot_window_days = Some(7);
    let r = result(&plan(&scenario), "raw").expect("raw's result");
    assert_eq!((r.back_minutes, r.meets_rto), (Some(20.3), true));
}

#[test]
fn a_divided_restore_does_not_make_the_newest_days_fresher() {
    // raw's snapshots are a day old; a recent RPO of 1 h misses however fast they are back.
    let mut scenario = rebuilt_chain(480, true);
    scenario.stages[1].recent = recent(7, (60, 60));
    let p = plan(&scenario);
    let r = result(&p, "raw").expect("raw's result");
    assert_eq!((r.meets_rto, r.meets_rpo), (true, false));
    let found = recent_warnings(&p, "raw");
    assert_eq!(found.len(), 1, "{:?}", p.warnings);
    assert!(found[0].message.contains("its data once back is 1d old > 1h (RPO)"), "{}", found[0].message);
    assert!(found[0].message.contains("a closer recovery point for raw"), "{}", found[0].message);
}

#[test]
fn without_recent_targets_nothing_is_added_to_the_plan() {
    let p = plan(&rebuilt_chain(480, true));
    assert!(p.stages.iter().flat_map(|s| &s.recommendations).all(|r| r.recent.is_none()));
    let json = serde_json::to_string(&p).expect("serialises");
    assert!(!json.contains("recent") && !json.contains("first_service_target") && !json.contains("first_service_met"));
}
