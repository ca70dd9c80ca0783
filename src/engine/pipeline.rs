//! Pipeline analysis: when each stage is back along the flows, the divided-restore timeline,
//! and how fresh each stage's data can be given what it is rebuilt from.
//!
//! The guides' sharpest point: "if a report must have up to date data within 4 hours, then all
//! systems bringing that data into the report must also be recoverable within that time". For
//! each disruption type this module lays out the chosen plan in time (see docs/engine.md,
//! "Pipeline"):
//!
//! - a stage restored from its own copies starts at once; code and configuration redeploy at
//!   once, in parallel with the data, and serve when their inputs are back; a stage rebuilt from
//!   upstream starts its data work when every stage it reads from is complete;
//! - a stage with `hot_window_days` restores (or rebuilds) its newest days first, so it can serve
//!   before it is complete; the time to first service is when every report serves hot data;
//! - a stage rebuilt from upstream, or serving upstream data, can be no fresher than that upstream.
//!
//! Violations become warnings that name the critical path with its durations.
//!
//! Apart from the recovery, each stage's data can be no fresher than the slowest refresh on its
//! way from the sources ([`refresh_limits`]): an RPO tighter than that is an SLA no plan can
//! meet (`rpo_below_refresh`).

use super::candidates::{Candidate, CatchUp, How, Timing, Wait};
use super::choose::round1;
use super::graph::Graph;
use super::lineage::{Opt, Options, Solution};
use super::text::{put, Lower};
use super::warnings::{Level, Warning, WarningCode};
use super::StageId;
use crate::model::{Disruption, Minutes, RecentTargets, Stage, StageKind, Target};
use crate::text::{Mins, Whole};
use serde::{Deserialize, Serialize};

/// Room for rounding when comparing minutes.
const EPS: f64 = 1e-6;

/// A span of a stage's recovery, in minutes from the disruption; `None` = never.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Phase {
    /// When it starts.
    pub start_minutes: Option<f64>,
    /// When it ends.
    pub end_minutes: Option<f64>,
}

/// One stage in a recovery timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageTimeline {
    /// The stage's id.
    pub id: StageId,
    /// The stages it waits for: those it reads from when it is rebuilt from them, redeployed
    /// beside them or serves their data; empty when it recovers from its own copies.
    #[serde(default)]
    pub waits_for: Vec<StageId>,
    /// The stage it waits for longest: the next step on its critical path.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical_upstream: Option<StageId>,
    /// Its own recovery time once started; `None` = it cannot be recovered.
    pub own_minutes: Option<f64>,
    /// The hot phase: the newest `hot_window_days` of data first (or, for a stage without data,
    /// serving its inputs' hot data). Absent without a hot window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot: Option<Phase>,
    /// The full phase: everything else; it ends when the stage is complete, or — restored then
    /// caught up — when its restore is.
    pub full: Phase,
    /// Restored then caught up: reprocessing what was written since the recovery point from
    /// upstream, once the restore is done and the upstream is back; it ends when the stage is
    /// complete. Absent for every other option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_up: Option<Phase>,
    /// When it is complete (the end of the full phase); `None` = never.
    pub completion_minutes: Option<f64>,
    /// The earliest it can be complete, with every upstream stage at its fastest.
    pub fastest_minutes: Option<f64>,
    /// The latest it may be complete for its own RTO and for the stages rebuilt from it.
    pub deadline_minutes: Option<f64>,
    /// How much recent data it can lose once back, upstream included; `None` = all of it.
    pub effective_rpo_minutes: Option<f64>,
    /// The upstream stage whose recovery point limits it, when that is not its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rpo_limited_by: Option<StageId>,
}

/// The recovery of the whole platform after one disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The disruption type.
    pub disruption: Disruption,
    /// When every serving stage serves at least its hot data: the latest hot-phase end (or
    /// completion, without a hot window) among the `serving` stages; `None` = never.
    pub first_service_minutes: Option<f64>,
    /// When every stage is complete; `None` = some stage is never recovered.
    pub full_restore_minutes: Option<f64>,
    /// The tightest recent-data RTO among the `serving` stages that have a recent-data target,
    /// which first service is judged against; absent when none has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_service_target_minutes: Option<Minutes>,
    /// Whether every serving stage with a recent-data target serves its newest days within
    /// that target's RTO; absent when none has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_service_met: Option<bool>,
    /// The stages first service is measured on: the reports, or without reports the stages
    /// nothing reads from.
    pub serving: Vec<StageId>,
    /// The chain that finishes last, from the last stage back to where it starts.
    pub critical_path: Vec<StageId>,
    /// Stages that can never be recovered after this disruption.
    pub unrecoverable: Vec<StageId>,
    /// Every planned stage, in plan order.
    pub stages: Vec<StageTimeline>,
}

/// The pipeline analysis: one timeline per disruption type.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Pipeline {
    /// Timelines in [`Disruption::ALL`] order.
    pub timelines: Vec<Timeline>,
}

impl Pipeline {
    /// The timeline for `disruption`.
    pub fn timeline(&self, disruption: Disruption) -> Option<&Timeline> {
        self.timelines.iter().find(|t| t.disruption == disruption)
    }
}

impl StageTimeline {
    /// When the stage serves again, at least its hot data: the end of its hot phase, else of its
    /// full phase (a stage restored then caught up serves once restored, before its catch-up);
    /// `None` = never. This is what a timeline's `first_service_minutes` is the latest of, over
    /// its `serving` stages.
    pub fn serving_minutes(&self) -> Option<f64> {
        match self.hot {
            Some(hot) => hot.end_minutes,
            None => self.full.end_minutes,
        }
    }
}

impl Timeline {
    /// The timeline of stage `id`.
    pub fn stage(&self, id: &str) -> Option<&StageTimeline> {
        self.stages.iter().find(|s| s.id == id)
    }
}

/// What the pipeline needs about one planned stage.
pub(super) struct StageInput<'a> {
    pub stage: &'a Stage,
    /// Its id, shared with every other place the plan names it.
    pub id: StageId,
    pub targets: crate::model::Targets,
    /// Options per disruption type, in [`Disruption::ALL`] order.
    pub options: [&'a [Candidate]; Disruption::COUNT],
    /// The recent-data target that applies to it, if any (checked: its days are in range).
    pub recent: Option<RecentTargets>,
}

impl StageInput<'_> {
    /// Days of newest data restored first: its hot window, else its recent-data target's days.
    pub fn hot_days(&self) -> Option<u32> {
        self.stage.hot_window_days.or(self.recent.map(|r| r.days))
    }
}

#[inline(always)]
fn finite(v: f64) -> Option<f64> {
    if v.is_finite() {
        Some(round1(v))
    } else {
        None
    }
}

/// GB restored first in a divided restore: `min(volume, daily change × days)`, where `days` is
/// the stage's hot window (or its recent-data target's days, see [`StageInput::hot_days`]).
pub(super) fn hot_gb(stage: &Stage, days: Option<u32>) -> Option<f64> {
    match days {
        Some(days) if days > 0 && (stage.kind.holds_data() || stage.kind == StageKind::Cache) => {
            Some(stage.volume_gb.min(stage.daily_change_gb * f64::from(days)).max(0.0))
        }
        _ => None,
    }
}

/// The stages first service is measured on: the reports, or without reports the stages nothing
/// reads from (systems of record aside).
pub(super) fn serving(graph: &Graph, inputs: &[StageInput<'_>]) -> Vec<usize> {
    let n = inputs.len();
    let reports: Vec<usize> = (0..n).filter(|&s| inputs[s].stage.kind == StageKind::Report).collect();
    if reports.is_empty() {
        (0..n).filter(|&s| graph.down(s).is_empty() && inputs[s].stage.kind != StageKind::SystemOfRecord).collect()
    } else {
        reports
    }
}

/// Times of one stage in the chosen plan (unrounded).
#[derive(Debug, Clone, Copy, Default)]
struct Times {
    hot: Option<(f64, f64)>,
    full: (f64, f64),
    catch_up: Option<(f64, f64)>,
    ready_hot: f64,
    rpo: f64,
    rpo_origin: usize,
}

/// A stage's effective recovery point, unrounded: how much recent data it loses once back,
/// upstream included (infinite = all of it), and the stage it comes from (itself when its own).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct EffectiveRpo {
    pub minutes: f64,
    pub origin: usize,
}

/// What [`analyse`] finds.
pub(super) struct Analysis {
    pub pipeline: Pipeline,
    /// The `rpo_limited_by_upstream` and `rto_limited_by_upstream` warnings.
    pub warnings: Vec<Warning>,
    /// Per stage and disruption type (in [`Disruption::ALL`] order): whether a missed RTO is
    /// explained by the stages it waits for (an `rto_limited_by_upstream` warning was raised).
    pub rto_limited: Vec<[bool; Disruption::COUNT]>,
    /// Every stage's effective recovery point, per disruption type (in [`Disruption::ALL`]
    /// order) then stage, unrounded, so a target is judged exactly as the warnings judge it.
    pub effective_rpo: Vec<Vec<EffectiveRpo>>,
    /// When every stage serves its hot data (its completion without a hot phase), per
    /// disruption type then stage, unrounded: what recent-data targets are judged on.
    pub ready_hot: Vec<Vec<f64>>,
}

/// Builds the timelines and the pipeline's warnings. `meets_rpo(s, k)` says whether stage `s`'s
/// chosen option meets its RPO on its own for disruption type `k`: `rpo_limited_by_upstream` is
/// raised only then (an own miss is `target_not_met`).
pub(super) fn analyse(
    graph: &Graph,
    inputs: &[StageInput<'_>],
    solutions: &[(Options, Solution)],
    meets_rpo: &dyn Fn(usize, usize) -> bool,
) -> Analysis {
    let mut timelines = Vec::with_capacity(solutions.len());
    let mut warnings = Vec::new();
    let mut rto_limited = vec![[false; Disruption::COUNT]; inputs.len()];
    let mut effective_rpo = Vec::with_capacity(solutions.len());
    let mut ready_hot = Vec::with_capacity(solutions.len());
    let n = inputs.len();
    let serving = serving(graph, inputs);
    for (k, &disruption) in Disruption::ALL.iter().enumerate() {
        let Some((options, solution)) = solutions.get(k) else {
            effective_rpo.push(Vec::new());
            ready_hot.push(Vec::new());
            continue;
        };
        // The numbers, upstream first.
        let mut times = vec![Times::default(); n];
        for &s in &graph.order {
            let input = &inputs[s];
            let pick = solution.pick[s];
            let opt = pick.and_then(|i| options.of(s).get(i));
            let cand = pick.and_then(|i| input.options[k].get(i));
            let up_hot = graph.up(s).iter().map(|&u| times[u].ready_hot).fold(0.0, f64::max);
            // A divided restore needs data work to divide: a failover brings everything at once.
            let hot_fraction = |t: &Timing| match hot_gb(input.stage, input.hot_days()) {
                Some(hot) if t.gb > 0.0 && t.variable > 0.0 => Some((hot / t.gb).min(1.0)),
                _ => None,
            };
            let mut catch_up = None;
            let (hot, full, ready_hot) = match (opt, cand) {
                (Some(_), Some(Candidate { catch_up: Some(cu), .. })) => {
                    let (hot, full, phase, ready_hot) =
                        catch_up_phases(cu, hot_fraction, solution.up_done[s], solution.completion[s]);
                    catch_up = Some(phase);
                    (hot, full, ready_hot)
                }
                (Some(o), Some(c)) => {
                    phases(o, hot_fraction(&c.timing), up_hot, solution.up_done[s], solution.completion[s])
                }
                _ => (None, (f64::INFINITY, f64::INFINITY), f64::INFINITY),
            };
            // Effective recovery point: its own, or its upstream's when it waits for them.
            // A system of record's is its owner's recovery point.
            let own_rpo = cand.map_or(f64::INFINITY, |c| c.rpo.unwrap_or(f64::INFINITY));
            let mut t = Times { hot, full, catch_up, ready_hot, rpo: own_rpo, rpo_origin: s };
            if opt.is_some_and(Opt::waits) {
                let worst =
                    graph.up(s).iter().copied().max_by(|&a, &b| times[a].rpo.total_cmp(&times[b].rpo).then(b.cmp(&a)));
                if let Some(u) = worst.filter(|&u| times[u].rpo > own_rpo) {
                    t.rpo = times[u].rpo;
                    t.rpo_origin = times[u].rpo_origin;
                }
            }
            times[s] = t;
        }
        // The timeline and its warnings, in plan order.
        let mut stages = Vec::with_capacity(n);
        for (s, input) in inputs.iter().enumerate() {
            let t = &times[s];
            let opt = solution.pick[s].and_then(|i| options.of(s).get(i));
            let waits = opt.is_some_and(Opt::waits);
            stages.push(StageTimeline {
                id: input.id.clone(),
                waits_for: if waits { graph.up(s).iter().map(|&u| inputs[u].id.clone()).collect() } else { Vec::new() },
                critical_upstream: opt
                    .and_then(|o| super::critical_upstream(graph, solution, o, s))
                    .map(|u| inputs[u].id.clone()),
                own_minutes: opt.and_then(|o| finite(o.own)),
                hot: t.hot.map(|(a, b)| Phase { start_minutes: finite(a), end_minutes: finite(b) }),
                full: Phase { start_minutes: finite(t.full.0), end_minutes: finite(t.full.1) },
                catch_up: t.catch_up.map(|(a, b)| Phase { start_minutes: finite(a), end_minutes: finite(b) }),
                completion_minutes: finite(solution.completion[s]),
                fastest_minutes: finite(solution.fastest[s]),
                deadline_minutes: finite(solution.deadline[s]),
                effective_rpo_minutes: finite(t.rpo),
                rpo_limited_by: (t.rpo_origin != s).then(|| inputs[t.rpo_origin].id.clone()),
            });
            let before = warnings.len();
            lineage_warnings(graph, inputs, options, solution, &times, s, k, disruption, meets_rpo, &mut warnings);
            if warnings.get(before..).is_some_and(|new| new.iter().any(|w| w.code == WarningCode::RtoLimitedByUpstream))
            {
                rto_limited[s][k] = true;
            }
        }

        let first_service = serving.iter().map(|&s| times[s].ready_hot).fold(0.0, f64::max);
        let unrecoverable: Vec<StageId> =
            (0..n).filter(|&s| !solution.completion[s].is_finite()).map(|s| inputs[s].id.clone()).collect();
        // The stage complete last; among equals the most downstream, so the path is longest.
        // Systems of record are back when their owners say; the platform's full restore is its
        // own stages' (those that wait for a source show the wait in their own completion).
        let last = graph
            .order
            .iter()
            .copied()
            .filter(|&s| solution.completion[s].is_finite() && inputs[s].stage.kind != StageKind::SystemOfRecord)
            .fold(None, |best: Option<usize>, s| match best {
                Some(b) if solution.completion[b] > solution.completion[s] => Some(b),
                _ => Some(s),
            });
        let full_restore =
            if unrecoverable.is_empty() { last.map_or(0.0, |s| solution.completion[s]) } else { f64::INFINITY };
        let critical_path =
            last.map(|s| path(graph, options, solution, s).into_iter().map(|u| inputs[u].id.clone()).collect());
        timelines.push(Timeline {
            disruption,
            first_service_minutes: finite(first_service),
            full_restore_minutes: finite(full_restore),
            first_service_target_minutes: None,
            first_service_met: None,
            serving: serving.iter().map(|&s| inputs[s].id.clone()).collect(),
            critical_path: critical_path.unwrap_or_default(),
            unrecoverable,
            stages,
        });
        effective_rpo.push(times.iter().map(|t| EffectiveRpo { minutes: t.rpo, origin: t.rpo_origin }).collect());
        ready_hot.push(times.iter().map(|t| t.ready_hot).collect());
    }
    Analysis { pipeline: Pipeline { timelines }, warnings, rto_limited, effective_rpo, ready_hot }
}

/// The hot phase (if any), the full phase and when the stage serves hot data, for option `o`
/// with hot share `hot` of its data work, given when its upstream stages serve hot data and are
/// complete.
#[allow(clippy::type_complexity)]
fn phases(
    o: &Opt,
    hot: Option<f64>,
    up_hot: f64,
    up_full: f64,
    completion: f64,
) -> (Option<(f64, f64)>, (f64, f64), f64) {
    match o.wait {
        Wait::Own => match hot {
            Some(h) => {
                let hot_end = o.fixed + o.variable * h;
                (Some((0.0, hot_end)), (hot_end, completion), hot_end)
            }
            None => (None, (0.0, completion), completion),
        },
        // The hot pass rebuilds the newest days once the upstream's newest days are back; the
        // full pass rebuilds everything once the upstream is complete.
        Wait::AfterUpstream => {
            let full_start = o.fixed.max(up_full);
            match hot {
                Some(h) => {
                    let hot_start = o.fixed.max(up_hot);
                    let hot_end = (hot_start + o.variable * h).min(completion);
                    (Some((hot_start, hot_end)), (full_start, completion), hot_end)
                }
                None => (None, (full_start, completion), completion),
            }
        }
        // Deployed from the start; serves its inputs' hot data as soon as they do.
        Wait::Alongside => {
            let ready_hot = o.own.max(up_hot).min(completion);
            let hot = (ready_hot < completion).then_some((0.0, ready_hot));
            (hot, (0.0, completion), ready_hot)
        }
    }
}

/// The phases of a restore-then-catch-up option `cu`: the restore (its hot part first, with the
/// hot share `hot_fraction` gives its data work) from the start, then the catch-up once the
/// restore is done and the upstream is complete (`up_full`), ending at `completion`. The stage
/// serves once its restore (or its hot part) is done, with data as of its recovery point.
#[allow(clippy::type_complexity)]
fn catch_up_phases(
    cu: &CatchUp,
    hot_fraction: impl Fn(&Timing) -> Option<f64>,
    up_full: f64,
    completion: f64,
) -> (Option<(f64, f64)>, (f64, f64), (f64, f64), f64) {
    let restored = cu.restore.own();
    let catch_up = (restored.max(up_full), completion);
    match hot_fraction(&cu.restore) {
        Some(h) => {
            let hot_end = cu.restore.fixed + cu.restore.variable * h;
            (Some((0.0, hot_end)), (hot_end, restored), catch_up, hot_end)
        }
        None => (None, (0.0, restored), catch_up, restored),
    }
}

/// Stage `s` and the stages it waits for longest, back to where the chain starts.
fn path(graph: &Graph, options: &Options, solution: &Solution, s: usize) -> Vec<usize> {
    let mut out = vec![s];
    let mut at = s;
    while let Some(u) = solution.pick[at]
        .and_then(|i| options.of(at).get(i))
        .and_then(|o| super::critical_upstream(graph, solution, o, at))
    {
        if out.len() > graph.len() {
            break;
        }
        out.push(u);
        at = u;
    }
    out
}

/// What a stage on a critical path does there, in a word.
fn verb(c: &Candidate) -> &'static str {
    match c.how {
        How::External => "source",
        How::Redeploy { reload_gb } if reload_gb > 0.0 => "reload",
        How::Redeploy { .. } => "redeploy",
        How::Restore { .. } if c.catch_up.is_some() => "restore and catch up",
        How::Restore { .. } => "restore",
        How::Reprocess { reload: true, .. } => "reload",
        How::Reprocess { .. } => "reprocess",
        How::Replica { .. } if c.catch_up.is_some() => "fail over and catch up",
        How::Replica { .. } => "fail over",
        How::ReadAccess | How::DualIngest => "re-point",
        How::WaitForProvider => "wait",
    }
}

#[allow(clippy::too_many_arguments)]
fn lineage_warnings(
    graph: &Graph,
    inputs: &[StageInput<'_>],
    options: &Options,
    solution: &Solution,
    times: &[Times],
    s: usize,
    k: usize,
    disruption: Disruption,
    meets_rpo: &dyn Fn(usize, usize) -> bool,
    out: &mut Vec<Warning>,
) {
    let input = &inputs[s];
    let stage = input.stage;
    if stage.kind == StageKind::SystemOfRecord {
        return;
    }
    let Some(c) = solution.pick[s].and_then(|i| input.options[k].get(i)) else { return };
    let target: Target = input.targets.get(disruption);
    let rto = f64::from(target.rto_minutes);
    let when = Lower(disruption.label());
    let own_fits = c.rto.is_some_and(|r| r <= rto + EPS);
    let completion = solution.completion[s];
    if own_fits && completion > rto + EPS {
        let name = stage.display_name();
        let chain = path(graph, options, solution, s);
        let mut text = String::with_capacity(96);
        // The step that takes longest: where a fix gains most.
        let mut longest: Option<(usize, f64, &'static str)> = None;
        for (i, &u) in chain.iter().enumerate() {
            if i > 0 {
                text.push_str(" ← ");
            }
            text.push_str(inputs[u].stage.display_name());
            let next = chain.get(i + 1).map_or(0.0, |&v| solution.completion[v]);
            let step = solution.completion[u] - next;
            if let Some(cu) = solution.pick[u].and_then(|p| inputs[u].options[k].get(p)) {
                if step > EPS && step.is_finite() {
                    put!(&mut text; " (", verb(cu), " ", Mins(step), ")");
                    if longest.is_none_or(|(_, t, _)| step > t) {
                        longest = Some((u, step, verb(cu)));
                    }
                }
            }
        }
        let mut message = String::with_capacity(text.len() + 320);
        let m = &mut message;
        if completion.is_finite() {
            put!(m; name, " cannot be back within its RTO after ", when, ": ", text, ": ", Mins(completion), " > ",
                Whole(target.rto_minutes),
                ". Its own recovery fits; the stages it waits for come back too late even at their fastest.");
            if let Some((u, step, how)) = longest.filter(|&(u, ..)| inputs[u].stage.kind == StageKind::SystemOfRecord) {
                put!(m; " The longest step is ", inputs[u].stage.display_name(), " (", how, " ", Mins(step),
                    "), a system of record: its owner's recovery time is given, so agree a faster one with its owner, or loosen ",
                    name, "'s RTO by ", Mins(completion - rto),
                    " — the guide warns that an SLA along a pipeline may not be achievable.");
            } else if let Some((u, step, how)) = longest {
                put!(m; " The longest step is ", inputs[u].stage.display_name(), " (", how, " ", Mins(step),
                    "): gaining the ", Mins(completion - rto), " means more throughput there, a copy of ", name,
                    "'s own that restores in time, or a looser RTO.");
            }
        } else {
            put!(m; name, " is never back after ", when, ": it waits for ", text, ", which cannot be recovered.");
        }
        out.push(Warning {
            code: WarningCode::RtoLimitedByUpstream,
            level: Level::Critical,
            stages: chain.iter().map(|&u| inputs[u].id.clone()).collect(),
            disruption: Some(disruption),
            message,
        });
    }
    let origin = times[s].rpo_origin;
    let rpo = times[s].rpo;
    if origin != s && meets_rpo(s, k) && rpo > f64::from(target.rpo_minutes) + EPS {
        let name = stage.display_name();
        let origin_name = inputs[origin].stage.display_name();
        // The chain the data comes through: each step is the upstream stage with the oldest data.
        let mut chain = vec![s];
        let mut at = s;
        while at != origin && chain.len() <= graph.len() {
            let Some(u) = graph
                .up(at)
                .iter()
                .copied()
                .filter(|&u| times[u].rpo_origin == origin)
                .max_by(|&a, &b| times[a].rpo.total_cmp(&times[b].rpo).then(b.cmp(&a)))
            else {
                break;
            };
            chain.push(u);
            at = u;
        }
        let how = if c.timing.wait == Wait::Alongside { "serves data" } else { "is rebuilt from data" };
        let mut message = String::with_capacity(384);
        let m = &mut message;
        put!(m; name, " ", how, " that comes from ", origin_name, " (");
        for (i, &u) in chain.iter().enumerate() {
            if i > 0 {
                m.push_str(" ← ");
            }
            m.push_str(inputs[u].stage.display_name());
        }
        put!(m; "), which recovers to ");
        if rpo.is_finite() {
            put!(m; "a point ", Mins(rpo), " old");
        } else {
            m.push_str("no point at all");
        }
        put!(m; " after ", when, ": it can be no fresher than that, and its RPO target is ", Whole(target.rpo_minutes), ". ");
        if inputs[origin].stage.kind == StageKind::SystemOfRecord {
            put!(m; origin_name, " is a system of record whose owner gives that recovery point: agree a closer one with its owner, or loosen ",
                name, "'s RPO.");
        } else {
            put!(m; "Give ", origin_name, " a closer recovery point, or rebuild ", name,
                " from a source that still holds the newer data.");
        }
        out.push(Warning {
            code: WarningCode::RpoLimitedByUpstream,
            level: Level::Critical,
            stages: chain.iter().map(|&u| inputs[u].id.clone()).collect(),
            disruption: Some(disruption),
            message,
        });
    }
}

/// The slowest refresh on a stage's way from the sources: how old its data can be before
/// anything goes wrong, and the stage with that refresh.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct RefreshLimit {
    /// The refresh interval, in minutes.
    pub minutes: u32,
    /// The stage whose refresh it is (the stage itself, or one upstream).
    pub origin: usize,
}

/// Whether a stage's refresh interval says how often data arrives: scripts and infrastructure
/// configurations are code, whose changes do not refresh anyone's data.
fn refresh_counts(kind: StageKind) -> bool {
    !matches!(kind, StageKind::Scripts | StageKind::InfraConfig)
}

/// Whether a stage's RPO is about data a refresh can bound: not for a system of record (its
/// owner's figures) nor for code (ingest pipelines, scripts, configurations), but for reports.
pub(super) fn rpo_bounded_by_refresh(kind: StageKind) -> bool {
    kind == StageKind::Report || !(kind.is_code() || kind == StageKind::SystemOfRecord)
}

/// Every stage's [`RefreshLimit`], or `None` when no refresh is set on its way from the
/// sources (streaming or not known). A stage's data is no fresher than its own refresh nor than
/// its inputs' data: the limit is the largest refresh over the stage and everything upstream of
/// it. On a tie the upstream one is named, where the data first arrives that slowly.
pub(super) fn refresh_limits(graph: &Graph, inputs: &[StageInput<'_>]) -> Vec<Option<RefreshLimit>> {
    let mut limits: Vec<Option<RefreshLimit>> = vec![None; inputs.len()];
    for &s in &graph.order {
        let mut limit: Option<RefreshLimit> = None;
        for &u in graph.up(s) {
            if let Some(l) = limits.get(u).copied().flatten() {
                if limit.is_none_or(|best| l.minutes > best.minutes) {
                    limit = Some(l);
                }
            }
        }
        let stage = inputs[s].stage;
        if let Some(own) = stage.refresh_minutes.filter(|_| refresh_counts(stage.kind)) {
            if limit.is_none_or(|best| own > best.minutes) {
                limit = Some(RefreshLimit { minutes: own, origin: s });
            }
        }
        limits[s] = limit;
    }
    limits
}

/// Where the data comes from in words: "new data arrives into Report only every 4h" or "its data
/// comes through Raw, refreshed only every 1d".
fn refresh_words(m: &mut String, name: &str, origin: &str, own: bool, minutes: u32) {
    if own {
        put!(m; "new data arrives into ", name, " only every ", Whole(minutes));
    } else {
        put!(m; "its data comes through ", origin, ", refreshed only every ", Whole(minutes));
    }
}

/// The `rpo_below_refresh` warning for `stage`, whose RPO target after `disruption` is `rpo`
/// minutes, tighter than `limit` (refreshed at `origin`).
pub(super) fn rpo_below_refresh(
    (stage, id): (&Stage, &StageId),
    (origin, origin_id): (&Stage, &StageId),
    disruption: Disruption,
    rpo: u32,
    limit: u32,
) -> Warning {
    let name = stage.display_name();
    let own = stage.id == origin.id;
    let mut message = String::with_capacity(320);
    let m = &mut message;
    put!(m; name, " cannot hold an RPO of ", Whole(rpo), " after ", Lower(disruption.label()), ": ");
    refresh_words(m, name, origin.display_name(), own, limit);
    put!(m; ", so what it holds can be ", Whole(limit),
        " old before anything goes wrong, and no recovery brings it closer (the guide: \"be careful when writing SLAs for the various components in your solution\"). Relax the target to ",
        Whole(limit), " or more, or refresh ", origin.display_name(), " more often.");
    let mut stages = vec![id.clone()];
    if !own {
        stages.push(origin_id.clone());
    }
    Warning { code: WarningCode::RpoBelowRefresh, level: Level::Warning, stages, disruption: Some(disruption), message }
}

/// The sentence the recommendation's reason gets when `rpo_below_refresh` fires for it.
pub(super) fn below_refresh_reason(reason: &mut String, stage: &Stage, origin: &Stage, rpo: u32, limit: u32) {
    put!(reason; " Its RPO of ", Whole(rpo), " cannot hold whatever the plan: ");
    refresh_words(reason, stage.display_name(), origin.display_name(), stage.id == origin.id, limit);
    put!(reason; "; relax the target to ", Whole(limit), " or refresh ", origin.display_name(), " more often (see the warnings).");
}
