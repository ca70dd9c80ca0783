//! The ways through a region outage added on 2026-12-03 (docs/engine.md, "Ways through a region
//! outage"): read-access geo-redundant storage, dual ingest and waiting for the provider, with
//! figures worked by hand from the price book's defaults — hot storage 0.0184/GB-month, GRS 2×
//! LRS, RA-GRS 1.25× GRS, transfer 0.02/GB, re-pointing readers 15 min, an expected outage of
//! 14 h 30 min (870 min), the longest 2 d 6 h; a stage of 2000 GB changing 20 GB a day.

use super::*;
use crate::engine::outage::WITHOUT;
use proptest::prelude::*;

/// The stage's recommendation after a region outage, in a plan of it alone.
fn outage_rec(s: Stage) -> Recommendation {
    let p = plan_one(s);
    p.stages[0].recommendation(OUTAGE).expect("a recommendation").clone()
}

fn alternative(rec: &Recommendation, strategy: D) -> &Alternative {
    rec.alternatives.iter().find(|a| a.strategy == strategy).unwrap_or_else(|| panic!("no {strategy:?}: {rec:?}"))
}

/// Read access: GRS fails over in 1 h, too slow for a 30-minute RTO; the RA-GRS secondary is
/// read after 15 min. Storage 2000 × 0.0184 × (2 × 1.25 − 1) = 55.20, replication
/// 20 × 30 × 0.02 = 12.00: 67.20 a month.
#[test]
fn read_access_geo_serves_reads_after_re_pointing() {
    let rec = outage_rec(stage(K::Raw, |s| {
        s.service = Some("adls_gen2".into());
        s.targets = targets((1440, 1440), (1440, 30));
    }));
    assert_eq!((rec.backup, rec.strategy), (B::None, D::ReadAccessGeo), "{}", rec.reason);
    assert_eq!((rec.rpo_minutes, rec.rto_minutes), (Some(15.0), Some(15.0)));
    assert_eq!((rec.cost.storage, rec.cost.replication, rec.cost.total()), (55.2, 12.0, 67.2));
    assert_eq!(alternative(&rec, D::GeoReplicatedStorage).rto_minutes, Some(60.0));
    for words in [
        "readers switch to the secondary in northeurope after 15m",
        "writes resume once the account fails over (about 1h)",
        "re-point any data sources",
    ] {
        assert!(rec.reason.contains(words), "{words}: {}", rec.reason);
    }
    // Not on the archive tier, whose blobs must be rehydrated before any read.
    let archive = outage_rec(stage(K::Archive, |s| s.service = Some("azure_blob_archive".into())));
    assert!(archive.alternatives.iter().all(|a| a.strategy != D::ReadAccessGeo), "{:?}", archive.alternatives);
}

/// Dual ingest: the only option that loses (next to) nothing. Raw: a second copy 2000 × 0.0184 =
/// 36.80, the arriving data carried across 12.00, a second ingest runtime (`compute.ingest`)
/// 300: 348.80. An enriched zone without compute of its own processes its 600 GB a month again:
/// 0.6 TB × 25 = 15, so 63.80.
#[test]
fn dual_ingest_loses_nothing_for_a_second_copy_and_a_second_ingest() {
    let rec = outage_rec(stage(K::Raw, |s| {
        s.service = Some("adls_gen2".into());
        s.targets = targets((1440, 1440), (0, 60));
    }));
    assert_eq!((rec.backup, rec.strategy), (B::None, D::DualIngest), "{}", rec.reason);
    assert_eq!((rec.rpo_minutes, rec.rto_minutes), (Some(0.0), Some(15.0)));
    assert_eq!((rec.cost.storage, rec.cost.replication, rec.cost.standby), (36.8, 12.0, 300.0));
    assert!(rec.reason.contains("syncronous replication is necessary"), "{}", rec.reason);
    assert!(rec.reason.contains("written into northeurope too as it arrives"), "{}", rec.reason);
    assert!(rec.meets());
    let own = outage_rec(stage(K::Raw, |s| {
        s.service = Some("adls_gen2".into());
        s.compute_monthly = Some(100.0);
        s.targets = targets((1440, 1440), (0, 60));
    }));
    assert_eq!(own.cost.total(), 148.8, "the stage's own compute: {}", own.reason);
    let enriched = outage_rec(stage(K::Enriched, |s| {
        s.service = Some("adls_gen2".into());
        s.recreatable = true;
        s.targets = targets((1440, 1440), (0, 60));
    }));
    assert_eq!((enriched.strategy, enriched.cost.total()), (D::DualIngest, 63.8), "{}", enriched.reason);
    // A warehouse is not a lake zone: no dual ingest.
    let dw = outage_rec(stage(K::Presentation, |s| s.targets = targets((1440, 1440), (0, 60))));
    assert!(dw.alternatives.iter().all(|a| a.strategy != D::DualIngest));
}

/// A recreatable curated zone with a 2-day RTO waits for the provider: nothing a month, back in
/// 14 h 30 min with its data. The cheapest option back sooner is reprocessing (2 TB at 1 TB/h
/// after 30 min of provisioning: 2 h 30 min; 0.2 × 2 TB × 25 ÷ 12 = 0.83 a month): 12 h sooner.
#[test]
fn waiting_for_the_provider_when_the_rto_allows_it() {
    let rec = outage_rec(stage(K::Curated, |s| s.recreatable = true));
    assert_eq!((rec.backup, rec.strategy), (B::None, D::WaitForProvider), "{}", rec.reason);
    assert_eq!((rec.rpo_minutes, rec.rto_minutes, rec.cost.total()), (Some(0.0), Some(870.0), 0.0));
    let wait = rec.wait_for_provider.clone().expect("the comparison");
    assert_eq!(
        wait,
        WaitForProvider {
            rto_minutes: 870.0,
            chosen: true,
            allowed: true,
            saves_monthly: Some(0.83),
            gains_minutes: Some(720.0)
        }
    );
    for words in [
        "wait for the provider to bring the region back, about 14h 30m",
        "the speed and efficiency of the cloud provider recovering",
        "Failing over instead (reprocess, back at 2h 30m) would cost USD 0.83/month more and gain 12h.",
        "the longest on record (2d 6h)",
        "a DR architect should sign this choice",
    ] {
        assert!(rec.reason.contains(words), "{words}: {}", rec.reason);
    }
    // The expected outage is a price-book key: longer than the RTO, waiting is not offered.
    let mut s = stage(K::Curated, |s| s.recreatable = true);
    s.id = "s".into();
    let scenario = Scenario {
        stages: vec![s],
        overrides: [("outage.expected_minutes".to_string(), 3000.0)].into_iter().collect(),
        ..Scenario::default()
    };
    let p = plan(&scenario);
    let longer = p.stages[0].recommendation(OUTAGE).expect("rec");
    assert_eq!(longer.strategy, D::Reprocess, "{}", longer.reason);
    assert!(
        longer.reason.contains("Keel does not wait here: its RTO (2d) is shorter than the expected outage"),
        "{}",
        longer.reason
    );
}

/// Where waiting is not offered, the reason still says what it would save and cost in time.
#[test]
fn every_outage_recommendation_says_what_waiting_would_mean() {
    // An RTO shorter than the expected outage: reprocessing, 0.83 a month, back at 2 h 30 min.
    let rec = outage_rec(stage(K::Curated, |s| {
        s.recreatable = true;
        s.targets = targets((1440, 1440), (1440, 480));
    }));
    assert_eq!(rec.strategy, D::Reprocess);
    assert_eq!(
        rec.wait_for_provider,
        Some(WaitForProvider {
            rto_minutes: 870.0,
            chosen: false,
            allowed: true,
            saves_monthly: Some(0.83),
            gains_minutes: Some(720.0)
        })
    );
    for words in [
        "Waiting for the provider instead (no failover; about 14h 30m, the expected outage) would save USD 0.83/month; failing over gains 12h.",
        "Keel does not wait here: its RTO (8h) is shorter than the expected outage",
    ] {
        assert!(rec.reason.contains(words), "{words}: {}", rec.reason);
    }
    // Data that cannot be rebuilt is never left to the provider, whatever the RTO.
    let kept = outage_rec(stage(K::Curated, |_| {}));
    assert_eq!(kept.strategy, D::GeoReplicatedStorage, "{}", kept.reason);
    assert!(!kept.wait_for_provider.as_ref().is_some_and(|w| w.allowed));
    assert!(kept.reason.contains("it would exist nowhere else"), "{}", kept.reason);
    // Nor a raw zone, which the guide backs up and replicates, even when it could be re-ingested.
    let raw = outage_rec(stage(K::Raw, |s| s.recreatable = true));
    assert_ne!(raw.strategy, D::WaitForProvider, "{}", raw.reason);
    // Code redeploys for nothing: waiting would save nothing.
    let code = outage_rec(stage(K::Report, |s| s.service = Some("power_bi".into())));
    assert!(code.reason.contains("would save nothing"), "{}", code.reason);
    // Not after a corruption, nor for a system of record (its owner decides).
    let p = plan_one(stage(K::SystemOfRecord, |_| {}));
    assert!(p.stages[0].recommendations.iter().all(|r| r.wait_for_provider.is_none()));
    let p = plan_one(stage(K::Curated, |s| s.recreatable = true));
    assert!(p.stages[0].recommendation(CORRUPTION).is_some_and(|r| r.wait_for_provider.is_none()));
}

/// A service missing from the paired region cannot fail over there, but waiting needs nothing
/// there: it is the way back.
#[test]
fn waiting_needs_nothing_in_the_paired_region() {
    let rec = outage_rec(stage(K::Curated, |s| {
        s.recreatable = true;
        s.available_in_secondary = false;
    }));
    assert_eq!(rec.strategy, D::WaitForProvider, "{}", rec.reason);
    assert!(rec.meets());
    assert!(rec.reason.contains("No option in the paired region would bring it back sooner."), "{}", rec.reason);
}

/// The plan of `scenario` without the ways added on 2026-12-03, as before them.
fn plan_without(scenario: &Scenario) -> Plan {
    WITHOUT.with(|w| w.set(true));
    let p = plan(scenario);
    WITHOUT.with(|w| w.set(false));
    p
}

fn outage_cost(p: &Plan) -> f64 {
    p.stages.iter().filter_map(|s| s.recommendation(OUTAGE)).map(|r| r.cost.total()).sum()
}

fn all_meet(p: &Plan) -> bool {
    p.stages.iter().filter_map(|s| s.recommendation(OUTAGE)).all(Recommendation::meets)
}

/// The ways only add options: a plan that met every region-outage target without them meets
/// them with them, for no more.
#[test]
fn the_new_ways_never_make_the_operations_platform_dearer() {
    let [_, scenario] = reference_platforms();
    let (before, after) = (plan_without(&scenario), plan(&scenario));
    assert!(outage_cost(&after) <= outage_cost(&before) + 1e-6);
    assert!(after.totals.stages_meeting >= before.totals.stages_meeting);
    // The transform area waits rather than being rebuilt (USD 6.25 and 4.17 before).
    assert_eq!(round2(outage_cost(&before) - outage_cost(&after)), 10.42);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, ..ProptestConfig::default() })]

    /// Adding the ways never makes a plan dearer: where every region-outage target was met
    /// without them, it is met with them, and the outage costs no more.
    #[test]
    fn the_new_ways_never_make_a_plan_dearer(scenario in super::properties::arb_scenario()) {
        let before = plan_without(&scenario);
        let after = plan(&scenario);
        if all_meet(&before) {
            prop_assert!(all_meet(&after), "targets met before are met after");
            prop_assert!(outage_cost(&after) <= outage_cost(&before) + 0.02 * after.stages.len() as f64 + 1e-9,
                "{} > {}", outage_cost(&after), outage_cost(&before));
        }
    }
}
