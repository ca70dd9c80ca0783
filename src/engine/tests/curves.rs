//! The cost curves: a small platform worked by hand, and the platform RTO curve against
//! planning the scenario again at each of its targets.

use super::*;

#[test]
fn cost_curves_of_a_three_stage_platform() {
    // raw → enriched → report after an outage. raw: the geo-replica (8800 × 0.0184 + 88 × 30 × 0.02
    // = 214.72, 60 min) is cheaper and faster than any backup. enriched: rebuild (1.25, 30 + 180
    // min after raw: 240) or geo-replica (73.20, 60). report: redeployed in 30 min, serves with
    // enriched.
    let mut scenario = outage_chain(2880);
    scenario.stages.remove(2);
    scenario.flows = vec![flow("raw", "enriched"), flow("enriched", "report")];
    let p = plan(&scenario);
    let curve = p.curves.platform.iter().find(|c| c.disruption == OUTAGE).expect("outage curve");
    type Point = (u32, f64, Option<f64>, Option<f64>, u32);
    let points: Vec<Point> = curve
        .rto
        .iter()
        .map(|p| (p.target_minutes, p.monthly, p.achieved_minutes, p.serving_minutes, p.stages_missing))
        .collect();
    // At 15 min both data stages are dual-ingested and read after 15 min (raw 8800 × 0.0184 + 52.80
    // + the ingest runtime 300 = 514.72; enriched 3000 × 0.0184 + 18 + its 0.9 TB a month
    // processed again at 25 = 95.70: 610.42); the report redeploys in 30 and misses. From 30 min
    // to 2 h everything is back as fast as the geo-replicas allow (60 min: 214.72 + 73.20): the
    // 1 h point stays. From 4 h enriched is rebuilt (214.72 + 1.25), back at 240 with the report;
    // from 1 day it waits for the provider (870 min, nothing a month).
    assert_eq!(
        points,
        vec![
            (15, 610.42, Some(30.0), Some(30.0), 1),
            (60, 287.92, Some(60.0), Some(60.0), 0),
            (240, 215.97, Some(240.0), Some(240.0), 0),
            (1440, 214.72, Some(870.0), Some(870.0), 0)
        ]
    );
    // Data loss alone: nothing lost when raw is dual-ingested (514.72) and enriched waits for the
    // provider with its data; from 15 min raw's geo-replica does (214.72), enriched still waits.
    let rpo: Vec<(u32, f64, Option<f64>, u32)> =
        curve.rpo.iter().map(|p| (p.target_minutes, p.monthly, p.achieved_minutes, p.stages_missing)).collect();
    assert_eq!(rpo, vec![(0, 514.72, Some(0.0), 0), (15, 214.72, Some(15.0), 0)]);
    // enriched's own options: the replica (60 min, 73.20) and the rebuild (210 min, 1.25); the
    // backups (70.9 min, 177 and dearer) are beaten by the replica (a generic store offers no
    // read access to its secondary).
    let stages = p.stage_curves();
    let stage = stages.iter().find(|c| c.id == "enriched" && c.disruption == OUTAGE).expect("stage curve");
    let front: Vec<(f64, f64, D)> = stage.rto.iter().map(|p| (p.minutes, p.monthly, p.strategy)).collect();
    // Dual ingest (15 min, 95.70) and waiting for the provider (870 min, nothing) join them.
    assert_eq!(
        front,
        vec![
            (15.0, 95.7, D::DualIngest),
            (60.0, 73.2, D::GeoReplicatedStorage),
            (210.0, 1.25, D::Reprocess),
            (870.0, 0.0, D::WaitForProvider)
        ]
    );
    let front: Vec<(f64, f64, D)> = stage.rpo.iter().map(|p| (p.minutes, p.monthly, p.strategy)).collect();
    assert_eq!(front, vec![(0.0, 0.0, D::WaitForProvider)]);
}

/// The platform RTO curve of `scenario`, checked against planning it again with every stage's
/// RTO set to each target of the curve (systems of record keep their owner's figures): the
/// same search on the whole platform, without the curves' shortcuts. A point the curve keeps
/// costs what that plan costs (to the cent per cost part) and achieves what it achieves; a
/// target the curve leaves out is one some kept point is as cheap and as fast as.
pub(super) fn check_rto_curve_against_plans(scenario: &Scenario) -> Result<(), String> {
    let p = plan(scenario);
    let tolerance = 0.02 * p.stages.len() as f64 + 0.011;
    for curve in &p.curves.platform {
        let d = curve.disruption;
        for target in curves::RTO_STEPS {
            let mut at = scenario.clone();
            for stage in &mut at.stages {
                if stage.kind != K::SystemOfRecord {
                    let mut targets = scenario.targets_of(stage);
                    targets.get_mut(d).rto_minutes = target;
                    stage.targets = Some(targets);
                }
            }
            let q = plan(&at);
            let (expected, borderline) = platform_point(&q, d, target)?;
            let never = f64::INFINITY;
            let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
                (Some(a), Some(b)) => (a - b).abs() <= 0.051,
                (a, b) => a == b,
            };
            let at_most = |a: Option<f64>, b: Option<f64>| a.unwrap_or(never) <= b.unwrap_or(never) + 0.051;
            let why = || format!("{d:?} at {target} min: curve {:?}, plan {expected:?}", curve.rto);
            match curve.rto.iter().find(|c| c.target_minutes == target) {
                Some(c) => {
                    let same = (c.monthly - expected.monthly).abs() <= tolerance
                        && close(c.achieved_minutes, expected.achieved_minutes)
                        && close(c.serving_minutes, expected.serving_minutes)
                        && (expected.stages_missing..=expected.stages_missing + borderline).contains(&c.stages_missing);
                    if !same {
                        return Err(why());
                    }
                }
                None => {
                    let beaten = curve.rto.iter().any(|c| {
                        c.monthly <= expected.monthly + tolerance
                            && at_most(c.achieved_minutes, expected.achieved_minutes)
                            && at_most(c.serving_minutes, expected.serving_minutes)
                    });
                    if !beaten {
                        return Err(why());
                    }
                }
            }
        }
    }
    Ok(())
}

/// What the platform RTO curve would say of plan `q` at `target` after `d`: its cost (the
/// recommendations' cost parts, each rounded to the cent), the latest completion of any stage
/// and of any serving stage (systems of record aside), and how many stages miss `target` —
/// with, apart, how many more may: the plan's completions are rounded to the tenth of a minute.
fn platform_point(q: &Plan, d: Disruption, target: u32) -> Result<(curves::PlatformPoint, u32), String> {
    let timeline = q.pipeline.timeline(d).ok_or("no timeline")?;
    let (mut monthly, mut all, mut serving, mut missing, mut borderline) = (0.0, None::<f64>, None::<f64>, 0, 0);
    for s in &q.stages {
        let rec = s.recommendation(d).ok_or("no recommendation")?;
        monthly += rec.cost.total();
        if s.kind == K::SystemOfRecord {
            continue;
        }
        let done = timeline.stage(&s.id).ok_or("no stage timeline")?.completion_minutes;
        if let Some(v) = done {
            all = Some(all.map_or(v, |a| a.max(v)));
        }
        let t = f64::from(target);
        if done.is_none_or(|v| v > t + 0.05) {
            missing += 1;
        } else if done.is_some_and(|v| v >= t - 0.05) {
            borderline += 1;
        }
        if timeline.serving.contains(&s.id) {
            if let Some(v) = done {
                serving = Some(serving.map_or(v, |a| a.max(v)));
            }
        }
    }
    let point = curves::PlatformPoint {
        target_minutes: target,
        monthly,
        achieved_minutes: all.map(choose::round1),
        serving_minutes: serving.map(choose::round1),
        stages_missing: missing,
    };
    Ok((point, borderline))
}

#[test]
fn the_rto_curve_is_the_search_at_each_target_on_synthetic_platforms() {
    for n in [13, 40, 120] {
        let scenario = crate::model::synthetic(n);
        assert_eq!(check_rto_curve_against_plans(&scenario), Ok(()), "{n} stages");
    }
}

/// A written plan carries each stage's curves inside `curves` (as plan files and `keel plan
/// --format json` always have), and reads back as the same plan.
#[test]
fn written_plans_carry_the_stage_curves_and_read_back_the_same() {
    for (i, scenario) in reference_platforms().iter().enumerate() {
        let p = plan(scenario);
        let stages = p.stage_curves();
        // Every stage's three disruption types, but a system of record's (owned elsewhere).
        let owned = p.stages.iter().filter(|s| s.kind != K::SystemOfRecord).count();
        assert_eq!(stages.len(), owned * Disruption::COUNT, "example {i}");
        let json = serde_json::to_value(&p).expect("a plan serializes");
        assert_eq!(json["curves"]["stages"], serde_json::to_value(&stages).expect("curves"), "example {i}");
        assert_eq!(json["curves"]["platform"], serde_json::to_value(&p.curves.platform).expect("curves"));
        let back: Plan = serde_json::from_value(json).expect("a written plan reads back");
        assert_eq!(back, p, "example {i}");
    }
}
