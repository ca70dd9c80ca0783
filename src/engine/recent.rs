//! Targets for recent data: the newest days of a stage back within their own RPO and RTO,
//! beside the target for its whole history.
//!
//! The first guide: "If the _really_ important information is the last four hours, then your
//! recovery may set one RPO/RTO for that information and a different one for historic data."
//! The operations guide asks for a *divided* restore, "in a way that operations can begin even
//! though all data has not been restored". A stage's `recent` target (or the scenario's) is
//! judged on the first phase of that restore (docs/engine.md, "Recent-data targets"):
//!
//! - its newest days are back when the stage serves its hot data along the flows (the end of
//!   its hot phase, or when it is complete without one). A stage with a recent target and no
//!   `hot_window_days` restores the target's days first; a hot window shorter than the days
//!   restores too little first, so the days are back only when the stage is complete;
//! - they are as old once back as the stage's effective recovery point (upstream included): a
//!   divided restore restores the same recovery point, newest days first.
//!
//! The chooser does not pick for a recent target: it judges and warns (`recent_target_not_met`).

use super::choose::{round1, EPS};
use super::text::{put, Lower};
use super::warnings::{Level, Warning, WarningCode};
use super::{StageId, StagePlan, Timeline};
use crate::model::{Disruption, RecentTargets, Target};
use crate::text::{Count, Mins, Whole};
use serde::{Deserialize, Serialize};

/// How a stage fares against its recent-data target after one disruption type.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RecentResult {
    /// How many of the newest days the target is for.
    pub days: u32,
    /// The recent-data target for this disruption type.
    pub target: Target,
    /// When those days are back along the flows, in minutes from the disruption: the end of the
    /// stage's hot phase (its completion without one, or when its hot window is shorter than
    /// `days`); `None` = never.
    pub back_minutes: Option<f64>,
    /// Whether the data is recent enough once back: the recommendation's effective recovery
    /// point against `target.rpo_minutes`.
    pub meets_rpo: bool,
    /// Whether the newest days are back in time: `back_minutes` against `target.rto_minutes`.
    pub meets_rto: bool,
}

impl RecentResult {
    /// Whether both figures are met.
    pub fn meets(&self) -> bool {
        self.meets_rpo && self.meets_rto
    }
}

/// One planned stage as the judgement needs it.
pub(super) struct Judged<'a> {
    /// Its name, for messages.
    pub name: &'a str,
    /// Its recent-data target, if any.
    pub recent: Option<RecentTargets>,
    /// Its own hot window, which decides whether the first phase covers the target's days.
    pub hot_window_days: Option<u32>,
}

/// The figures along the flows, per disruption type then stage, unrounded.
pub(super) struct Along<'a> {
    /// When each stage serves its hot data.
    pub ready_hot: &'a [Vec<f64>],
    /// When each stage is complete.
    pub completion: &'a [Vec<f64>],
    /// Each stage's effective recovery point.
    pub effective_rpo: &'a [Vec<f64>],
}

/// Judges every stage with a recent-data target: sets `recent` on its recommendations, adds a
/// sentence to their reasons, raises `recent_target_not_met`, and judges each timeline's first
/// service against the recent targets of its `serving` stages.
pub(super) fn judge(
    stages: &[Judged<'_>],
    along: &Along<'_>,
    serving: &[usize],
    plans: &mut [StagePlan],
    timelines: &mut [Timeline],
    out: &mut Vec<Warning>,
) {
    for (s, (judged, plan)) in stages.iter().zip(plans.iter_mut()).enumerate() {
        let Some(recent) = judged.recent else { continue };
        let covered = judged.hot_window_days.is_none_or(|h| h >= recent.days);
        for rec in plan.recommendations.iter_mut() {
            let k = rec.disruption.index();
            let at = |v: &[Vec<f64>]| v.get(k).and_then(|v| v.get(s)).copied().unwrap_or(f64::INFINITY);
            let back = if covered { at(along.ready_hot) } else { at(along.completion) };
            let rpo = at(along.effective_rpo);
            let target = recent.get(rec.disruption);
            let result = RecentResult {
                days: recent.days,
                target,
                back_minutes: back.is_finite().then(|| round1(back)),
                meets_rpo: rpo <= f64::from(target.rpo_minutes) + EPS,
                meets_rto: back <= f64::from(target.rto_minutes) + EPS,
            };
            reason(rec.reason.found_mut(), &result);
            if !result.meets() {
                out.push(warning(judged.name, &plan.id, rec.disruption, &result, rpo));
            }
            rec.recent = Some(result);
        }
    }
    for t in timelines.iter_mut() {
        let k = t.disruption.index();
        let judged: Vec<RecentResult> =
            serving.iter().filter_map(|&s| plans.get(s)?.recommendations.get(k)?.recent).collect();
        t.first_service_target_minutes = judged.iter().map(|r| r.target.rto_minutes).min();
        t.first_service_met = (!judged.is_empty()).then(|| judged.iter().all(|r| r.meets_rto));
    }
}

/// The sentence a recommendation's reason ends with: when the newest days are back, against
/// their target.
fn reason(reason: &mut String, r: &RecentResult) {
    put!(reason; " Recent data: the newest ", Count(u64::from(r.days), "day", "days"));
    match r.back_minutes {
        Some(m) => put!(reason; " are back after ", Mins(m)),
        None => put!(reason; " are never back"),
    }
    put!(reason; ", against a recent-data RTO of ", Whole(r.target.rto_minutes), " (",
        if r.meets_rto { "met" } else { "missed" }, ") and an RPO of ", Whole(r.target.rpo_minutes), " (",
        if r.meets_rpo { "met" } else { "missed" }, ").");
}

/// The `recent_target_not_met` warning: which figure is missed, by how much, and what helps.
fn warning(name: &str, id: &StageId, disruption: Disruption, r: &RecentResult, rpo: f64) -> Warning {
    let mut message = String::with_capacity(320);
    let m = &mut message;
    put!(m; name, " misses its recent-data target after ", Lower(disruption.label()), ": ");
    if !r.meets_rto {
        put!(m; "its newest ", Count(u64::from(r.days), "day", "days"));
        match r.back_minutes {
            Some(back) => put!(m; " are back after ", Mins(back), " > ", Whole(r.target.rto_minutes), " (RTO)"),
            None => put!(m; " are never back (RTO ", Whole(r.target.rto_minutes), ")"),
        }
    }
    if !r.meets_rpo {
        if !r.meets_rto {
            m.push_str(", and ");
        }
        put!(m; "its data once back is ");
        if rpo.is_finite() {
            put!(m; Mins(rpo), " old > ", Whole(r.target.rpo_minutes), " (RPO)");
        } else {
            put!(m; "lost (RPO ", Whole(r.target.rpo_minutes), ")");
        }
    }
    m.push_str(". ");
    if !r.meets_rto {
        put!(m; "A divided restore brings those days back first: a faster way back for ", name,
            " or the stages it waits for, fewer days, or a looser recent RTO would meet it.");
    } else {
        put!(m; "Restoring newest days first does not make them fresher: a closer recovery point for ", name,
            " or its upstream, or a looser recent RPO would meet it.");
    }
    Warning {
        code: WarningCode::RecentTargetNotMet,
        level: Level::Critical,
        stages: vec![id.clone()],
        disruption: Some(disruption),
        message,
    }
}
