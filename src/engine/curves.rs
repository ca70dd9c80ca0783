//! Cost curves as data: what faster recovery or less data loss costs, for the platform and for
//! each stage.
//!
//! - **Platform, against RTO**: for each target of [`RTO_STEPS`], every stage's RTO is set to it
//!   (RPO targets stay the stages' own) and the lineage-aware search runs again; a point is the
//!   monthly cost of the protection against that disruption type, the latest completion of any
//!   stage, and how many stages miss the target. Only the search runs per point: the options,
//!   their RPO pools and fastest completions are computed once.
//! - **Platform, against RPO**: every stage's RPO set to each of [`RPO_STEPS`] and to each
//!   recovery point an option offers (in whole minutes), with no recovery time asked — the
//!   cheapest protection for each level of data loss; achieved is the worst effective RPO along
//!   the flows. The pools change only at the options' recovery points, so no point of the front
//!   falls between two targets (with the fixed steps alone, a plan at 1d 15m between the 1d and
//!   7d steps was lost whenever something else was cheapest at 7d).
//! - **Per stage**: from the stage's options (the recommendation's `alternatives`), cost against
//!   its own RTO and against its own RPO. Derived from the plan when asked for
//!   ([`super::Plan::stage_curves`]) and when a plan is written out, not on every plan: the app
//!   never draws them, and at 1000 stages they were 7.5 % of a plan's instructions.
//!
//! Every curve keeps only non-dominated points: no other point is as cheap and as good.

use super::graph::Graph;
use super::lineage::{completions, effective_rpo, Options, Preferences, Problem, Solution, Solver};
use super::{round2, StageId, StagePlan};
use crate::model::{BackupMethod, Disruption, DrStrategy};
use serde::{Deserialize, Serialize};

/// Room for rounding when comparing minutes and money.
const EPS: f64 = 1e-6;

/// Platform-wide RTO targets the platform curve is sampled at, in minutes: a quarter of an hour
/// to a week, each step about twice the one before.
pub const RTO_STEPS: [u32; 11] = [15, 30, 60, 120, 240, 480, 720, 1440, 2880, 4320, 10080];

/// Platform-wide RPO targets the platform curve is sampled at, in minutes: no loss at all to a
/// week.
pub const RPO_STEPS: [u32; 9] = [0, 1, 5, 15, 60, 240, 720, 1440, 10080];

/// One point of a platform curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PlatformPoint {
    /// The target every stage was given.
    pub target_minutes: u32,
    /// Monthly cost of the protection against this disruption type.
    pub monthly: f64,
    /// The worst achieved: the latest completion (RTO curve) or the oldest effective recovery
    /// point (RPO curve) of any stage that can be recovered; `None` when none can.
    pub achieved_minutes: Option<f64>,
    /// The same over the serving stages (the reports, or the stages nothing reads from): when the
    /// platform serves again, or how fresh what it serves is.
    pub serving_minutes: Option<f64>,
    /// Stages that miss the target (never recovered included). Relative to this point's target,
    /// so it is not used to compare points.
    pub stages_missing: u32,
}

/// The platform's curves for one disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlatformCurve {
    /// The disruption type.
    pub disruption: Disruption,
    /// Cost against a platform-wide RTO, tightest target first.
    pub rto: Vec<PlatformPoint>,
    /// Cost against a platform-wide RPO, tightest target first.
    pub rpo: Vec<PlatformPoint>,
}

/// One option of a stage on its curve.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StagePoint {
    /// Its recovery time (RTO curve) or recovery point (RPO curve), in minutes.
    pub minutes: f64,
    /// Its monthly cost.
    pub monthly: f64,
    /// How recovery points are kept.
    pub backup: BackupMethod,
    /// How the stage comes back.
    pub strategy: DrStrategy,
}

/// A stage's curves for one disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StageCurve {
    /// The stage's id.
    pub id: StageId,
    /// The disruption type.
    pub disruption: Disruption,
    /// Cost against its own recovery time, fastest first.
    pub rto: Vec<StagePoint>,
    /// Cost against its recovery point, closest first.
    pub rpo: Vec<StagePoint>,
}

/// The platform's cost curves. A plan written out also carries each stage's curves here, as
/// `stages` ([`super::Plan::stage_curves`]); read back, they are derived again.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Curves {
    /// The platform's curves, per disruption type in [`Disruption::ALL`] order.
    pub platform: Vec<PlatformCurve>,
}

/// What the platform curves need about the plan: the flows, each disruption type's options and
/// solution, which stages are systems of record and which serve.
pub(super) struct Inputs<'a> {
    pub graph: &'a Graph,
    pub solutions: &'a [(Options, Solution)],
    /// Systems of record: external, always "back", never counted.
    pub external: &'a [bool],
    /// The serving stages (see `pipeline::serving`).
    pub serving: &'a [usize],
}

/// The platform curves of a plan.
pub(super) fn analyse(inputs: &Inputs<'_>, solver: &mut Solver) -> Curves {
    let mut platform = Vec::with_capacity(inputs.solutions.len());
    for (k, &disruption) in Disruption::ALL.iter().enumerate() {
        let Some((options, base)) = inputs.solutions.get(k) else {
            continue;
        };
        platform.push(PlatformCurve {
            disruption,
            rto: rto_curve(inputs, solver, options, base),
            rpo: rpo_curve(inputs, options),
        });
    }
    Curves { platform }
}

/// The monthly cost of the options `pick`: their sum in stage order (0 for a platform with no
/// stage, which the first implementation's `Iterator::sum` wrote as −0).
fn monthly_of(options: &Options, pick: &[Option<usize>]) -> f64 {
    let mut total = 0.0;
    for (s, p) in pick.iter().enumerate() {
        if let Some(i) = *p {
            if let Some(o) = options.of(s).get(i) {
                total += o.cost;
            }
        }
    }
    total
}

/// A point for `target` from each stage's achieved value (completion or effective RPO): the
/// worst finite one overall and among the serving stages, and how many stages miss `target`.
#[allow(clippy::needless_range_loop)]
fn point(inputs: &Inputs<'_>, values: &[f64], target: u32, cost: f64) -> PlatformPoint {
    let limit = f64::from(target) + EPS;
    let external = inputs.external;
    let (mut all, mut missing) = (f64::NEG_INFINITY, 0u32);
    for s in 0..values.len() {
        if s < external.len() && external[s] {
            continue;
        }
        let v = values[s];
        if v.is_finite() && v > all {
            all = v;
        }
        if v.is_nan() || v > limit {
            missing += 1;
        }
    }
    let mut serving = f64::NEG_INFINITY;
    for &s in inputs.serving {
        if s < values.len() {
            let v = values[s];
            if v.is_finite() && v > serving {
                serving = v;
            }
        }
    }
    let seen = |v: f64| if v > f64::NEG_INFINITY { Some(super::choose::round1(v)) } else { None };
    PlatformPoint {
        target_minutes: target,
        monthly: round2(cost),
        achieved_minutes: seen(all),
        serving_minutes: seen(serving),
        stages_missing: missing,
    }
}

fn rto_curve(inputs: &Inputs<'_>, solver: &mut Solver, options: &Options, base: &Solution) -> Vec<PlatformPoint> {
    let n = inputs.graph.len();
    // The cheapest plan at all: every stage at its cheapest live option. Its completions do not
    // depend on the target, so where it brings every stage back by max(target, fastest) it is
    // the search's answer (nothing is cheaper), and the search need not run.
    let cheapest: Vec<Option<usize>> = (0..n)
        .map(|s| {
            let opts = options.of(s);
            base.live_of(s).iter().copied().min_by(|&a, &b| {
                let cost = |i: usize| opts.get(i).map_or(f64::INFINITY, |o| o.cost);
                cost(a).total_cmp(&cost(b)).then(a.cmp(&b))
            })
        })
        .collect();
    let (mut cheap_up, mut cheap_done) = (Vec::new(), Vec::new());
    completions(inputs.graph, options, &cheapest, &mut cheap_up, &mut cheap_done);

    // A stage with one live option (or none) gets it from every search, so a flow-connected group
    // of such stages has the same plan and completions at every target. The search treats
    // groups independently, so only the groups with a choice are searched, each as a problem
    // built once: this is exactly what searching the whole platform gives. A group's answer
    // changes only once the target passes the fastest completion of one of its stages that is
    // not settled (see `Problem::settle`); up to there a group searched once is not again.
    let mut problem = groups_with_a_choice(inputs.graph, base);
    problem.settle();
    let limits: Vec<f64> = (0..problem.groups()).map(|g| problem.unchanged_up_to(g)).collect();
    let mut searched = vec![false; problem.groups()];
    let mut pick: Vec<Option<usize>> = (0..n).map(|s| base.live_of(s).first().copied()).collect();
    let (mut up, mut completion) = (Vec::new(), Vec::new());
    completions(inputs.graph, options, &pick, &mut up, &mut completion);

    let mut points = Vec::with_capacity(RTO_STEPS.len());
    // The cheapest plan's cost, and whether it fits yet: once it does, it does at every looser
    // target too. The searched plan's cost is worked out again only when a choice changed.
    let (mut cheapest_cost, mut cheapest_fits, mut searched_cost) = (None, false, None);
    for target in RTO_STEPS {
        let t = f64::from(target);
        cheapest_fits = cheapest_fits || fits(&cheap_done, &base.fastest, t);
        let (cost, completion) = if cheapest_fits {
            (*cheapest_cost.get_or_insert_with(|| monthly_of(options, &cheapest)), &cheap_done)
        } else {
            for (g, &limit) in limits.iter().enumerate() {
                if searched[g] && t <= limit {
                    continue;
                }
                let positions = problem.group(g);
                solver.search(&problem, positions.clone(), |_| t);
                for p in positions {
                    if let Some(&s) = problem.stage.get(p) {
                        let chosen = solver.pick(&problem, p);
                        if pick[s] != chosen {
                            pick[s] = chosen;
                            searched_cost = None;
                        }
                        completion[s] = solver.completion.get(p).copied().unwrap_or(f64::INFINITY);
                    }
                }
                searched[g] = true;
            }
            (*searched_cost.get_or_insert_with(|| monthly_of(options, &pick)), &completion)
        };
        points.push(point(inputs, completion, target, cost));
        // From here every looser target gives this very plan: equal points, which `pareto`
        // drops (of equal points the tightest target stays).
        if cheapest_fits {
            break;
        }
    }
    pareto(points)
}

/// Whether every stage is back by `max(t, fastest)` with completions `done`.
fn fits(done: &[f64], fastest: &[f64], t: f64) -> bool {
    done.iter().zip(fastest).all(|(&d, &f)| d <= t.max(f) + EPS) && done.len() <= fastest.len()
}

/// The flow-connected groups of stages in which some stage has more than one live option to
/// choose from, as one search problem.
fn groups_with_a_choice(graph: &Graph, base: &Solution) -> Problem {
    let n = graph.len();
    let mut group = vec![usize::MAX; n];
    let mut count = 0;
    let mut stack = Vec::new();
    for s in 0..n {
        if group[s] != usize::MAX || base.live_of(s).len() < 2 {
            continue;
        }
        group[s] = count;
        stack.push(s);
        while let Some(x) = stack.pop() {
            for &y in graph.up(x).iter().chain(graph.down(x)) {
                if group[y] == usize::MAX {
                    group[y] = count;
                    stack.push(y);
                }
            }
        }
        count += 1;
    }
    Problem::grouped(graph, base, &group, count)
}

/// The targets the RPO curve is sampled at: [`RPO_STEPS`] and every option's recovery point
/// rounded up to the whole minute (a pool changes only where a recovery point is), tightest
/// first, up to the first that reaches the loosest recovery point of any option — beyond it
/// every pool is the same.
fn rpo_targets(options: &Options) -> Vec<u32> {
    let mut targets: Vec<u32> = RPO_STEPS.to_vec();
    let mut loosest = 0.0f64;
    // A stage's options often keep the same point one after another: looked up once.
    let mut last = None;
    for o in &options.opts {
        if !o.rpo.is_finite() || o.rpo < 0.0 {
            continue;
        }
        loosest = loosest.max(o.rpo);
        // Rounding noise above a whole minute is not another minute.
        let whole = (o.rpo - EPS).ceil().clamp(0.0, f64::from(u32::MAX)) as u32;
        if last == Some(whole) {
            continue;
        }
        last = Some(whole);
        if let Err(at) = targets.binary_search(&whole) {
            targets.insert(at, whole);
        }
    }
    let end = targets.iter().position(|&t| f64::from(t) >= loosest - EPS).map_or(targets.len(), |i| i + 1);
    targets.truncate(end);
    targets
}

fn rpo_curve(inputs: &Inputs<'_>, options: &Options) -> Vec<PlatformPoint> {
    let n = inputs.graph.len();
    let preferences = Preferences::new(options);
    let targets = rpo_targets(options);
    let mut pick = Vec::with_capacity(n);
    let mut effective = Vec::with_capacity(n);
    let mut points = Vec::with_capacity(targets.len());
    let mut previous: Vec<Option<usize>> = Vec::with_capacity(n);
    for target in targets {
        // Data loss alone: with no recovery time asked, each stage takes the cheapest option in
        // its pool — what the search returns when every RTO is unbounded.
        preferences.cheapest_in_pools(options, f64::from(target), &mut pick);
        // The same options as at the last target: the same point but for its target, which
        // `pareto` drops (of equal points the tightest target stays), so it is not made.
        if !points.is_empty() && pick == previous {
            continue;
        }
        effective_rpo(inputs.graph, options, &pick, &mut effective);
        let monthly = monthly_of(options, &pick);
        points.push(point(inputs, &effective, target, monthly));
        std::mem::swap(&mut pick, &mut previous);
    }
    pareto(points)
}

/// The points no other point beats: as cheap and as good overall and for the serving stages, one
/// of them strictly. Of equal points the first (tightest target) stays.
fn pareto(points: Vec<PlatformPoint>) -> Vec<PlatformPoint> {
    let never = f64::INFINITY;
    let key = |p: &PlatformPoint| (p.monthly, p.achieved_minutes.unwrap_or(never), p.serving_minutes.unwrap_or(never));
    let beats = |a: &PlatformPoint, b: &PlatformPoint| {
        let (ca, xa, sa) = key(a);
        let (cb, xb, sb) = key(b);
        ca <= cb && xa <= xb && sa <= sb && (ca < cb || xa < xb || sa < sb)
    };
    let mut kept: Vec<PlatformPoint> = Vec::with_capacity(points.len());
    for (i, p) in points.iter().enumerate() {
        let beaten = points.iter().any(|q| beats(q, p)) || points[..i].iter().any(|q| key(q) == key(p));
        if !beaten {
            kept.push(*p);
        }
    }
    kept
}

/// Each stage's options: the cheapest for every recovery time (and point) — the non-dominated
/// ones, fastest first.
pub(super) fn stage_curves(stages: &[StagePlan]) -> Vec<StageCurve> {
    let mut out = Vec::with_capacity(stages.len() * 2);
    for s in stages {
        for r in &s.recommendations {
            if r.assumed || r.alternatives.is_empty() {
                continue;
            }
            out.push(StageCurve {
                id: s.id.clone(),
                disruption: r.disruption,
                rto: front(&r.alternatives, |a| a.rto_minutes),
                rpo: front(&r.alternatives, |a| a.rpo_minutes),
            });
        }
    }
    out
}

/// The options no other beats on `value` and cost: by value, then cost; each kept point is
/// cheaper than every point before it.
#[inline(always)]
fn front(alternatives: &[super::Alternative], value: impl Fn(&super::Alternative) -> Option<f64>) -> Vec<StagePoint> {
    let mut points: Vec<StagePoint> = Vec::with_capacity(alternatives.len());
    for a in alternatives {
        if let Some(minutes) = value(a) {
            points.push(StagePoint { minutes, monthly: a.monthly, backup: a.backup, strategy: a.strategy });
        }
    }
    // Stable: of equal points the plan's order stays.
    points.sort_by(|a, b| a.minutes.total_cmp(&b.minutes).then(a.monthly.total_cmp(&b.monthly)));
    let mut cheapest = f64::INFINITY;
    let mut kept = 0;
    for i in 0..points.len() {
        let p = points[i];
        if p.monthly < cheapest {
            points[kept] = p;
            kept += 1;
        }
        cheapest = cheapest.min(p.monthly);
    }
    points.truncate(kept);
    points
}

#[cfg(test)]
mod tests {
    use super::super::lineage::tests::{arb_case, brute_force, graph, options, Case};
    use super::*;
    use proptest::prelude::*;

    fn at(target: u32, monthly: f64, achieved: f64, serving: f64) -> PlatformPoint {
        PlatformPoint {
            target_minutes: target,
            monthly,
            achieved_minutes: Some(achieved),
            serving_minutes: Some(serving),
            stages_missing: 0,
        }
    }

    #[test]
    fn pareto_keeps_what_nothing_beats() {
        let kept = pareto(vec![
            at(15, 100.0, 900.0, 20.0),
            at(30, 100.0, 900.0, 20.0), // the same as the first: the tightest target stays
            at(60, 80.0, 900.0, 50.0),
            at(120, 80.0, 900.0, 60.0),  // as cheap, serving later: beaten
            at(240, 90.0, 900.0, 300.0), // dearer and later than the 60-minute point: beaten
            at(480, 10.0, 900.0, 300.0),
        ]);
        let targets: Vec<u32> = kept.iter().map(|p| p.target_minutes).collect();
        assert_eq!(targets, [15, 60, 480]);
    }

    /// Two stages, no flow between them. a: a copy 15 minutes old (100 a month) or a geo-copied
    /// daily backup 1d 15m old (50); b: a daily backup (5) or one every two days (1). Between the
    /// 1d and 7d steps the front has a point at 1d 15m (a's backup with b's daily one, 55) that
    /// fixed steps missed: at 7d the two-day backup is cheaper, so only 1d and 2d were kept.
    #[test]
    fn the_rpo_curve_keeps_every_recovery_point_an_option_offers() {
        use super::super::candidates::Wait;
        use super::super::lineage::tests::opt;
        let with_rpo = |rpo: f64, cost: f64| {
            let mut o = opt(Wait::Own, 30.0, 0.0, cost);
            o.rpo = rpo;
            o
        };
        let p = Platform {
            graph: graph(2, &[]),
            options: options(&[
                vec![with_rpo(15.0, 100.0), with_rpo(1455.0, 50.0)],
                vec![with_rpo(1440.0, 5.0), with_rpo(2880.0, 1.0)],
            ]),
            rto: vec![f64::INFINITY; 2],
            rpo: vec![f64::INFINITY; 2],
            external: vec![false; 2],
            serving: vec![0, 1],
        };
        let (curve, _, searched) = curve_and_searches(&p);
        let front: Vec<(u32, f64, Option<f64>)> =
            curve.rpo.iter().map(|p| (p.target_minutes, p.monthly, p.achieved_minutes)).collect();
        assert_eq!(front, [(0, 105.0, Some(1440.0)), (1455, 55.0, Some(1455.0)), (2880, 51.0, Some(2880.0))]);
        assert_eq!(same_as_searched(&curve.rpo, &searched), Ok(()));
    }

    /// A random platform as the curves see it, for one disruption type: its flows, options
    /// (with recovery points), the stages' own RTO and RPO targets, and which stages are
    /// systems of record.
    struct Platform {
        graph: Graph,
        options: Options,
        rto: Vec<f64>,
        rpo: Vec<f64>,
        external: Vec<bool>,
        serving: Vec<usize>,
    }

    /// `case` with recovery points `rpos[s] × k` for option `k` of stage `s`, RPO targets
    /// `rpo` and systems of record `external`; the stages nothing reads from serve.
    fn platform((mut opts, edges, rto): Case, rpos: &[f64], rpo: &[f64], external: &[bool]) -> Platform {
        for (stage, r) in opts.iter_mut().zip(rpos) {
            for (k, o) in stage.iter_mut().enumerate() {
                o.rpo = r * k as f64;
            }
        }
        let n = opts.len();
        let graph = graph(n, &edges);
        let serving = (0..n).filter(|&s| graph.down(s).is_empty()).collect();
        Platform {
            graph,
            options: options(&opts),
            rto,
            rpo: rpo[..n].to_vec(),
            external: external[..n].to_vec(),
            serving,
        }
    }

    /// The platform curve of `p`, and what the search makes of each target on its own: for
    /// every RTO step, every stage's RTO set to it and the whole platform searched; for every
    /// RPO step and every option's recovery point, every stage's RPO set to it and no recovery
    /// time asked.
    fn curve_and_searches(p: &Platform) -> (PlatformCurve, Vec<PlatformPoint>, Vec<PlatformPoint>) {
        let n = p.graph.len();
        let mut solver = Solver::default();
        let mut base = Solution::default();
        solver.solve(&p.graph, &p.options, &p.rto, &p.rpo, &mut base);
        let solutions = [(p.options.clone(), base)];
        let inputs = Inputs { graph: &p.graph, solutions: &solutions, external: &p.external, serving: &p.serving };
        let curve = analyse(&inputs, &mut solver).platform.remove(0);
        let cost = |pick: &[Option<usize>]| -> f64 {
            pick.iter().enumerate().filter_map(|(s, i)| p.options.of(s).get((*i)?)).map(|o| o.cost).sum()
        };
        let rto = RTO_STEPS.map(|t| {
            let mut alone = Solution::default();
            Solver::default().solve(&p.graph, &p.options, &vec![f64::from(t); n], &p.rpo, &mut alone);
            point(&inputs, &alone.completion, t, cost(&alone.pick))
        });
        // The steps, and every option's recovery point in whole minutes: no point of the front
        // may fall between two targets.
        let whole = p.options.opts.iter().filter(|o| o.rpo.is_finite()).map(|o| (o.rpo - EPS).ceil().max(0.0) as u32);
        let mut targets: Vec<u32> = RPO_STEPS.iter().copied().chain(whole).collect();
        targets.sort_unstable();
        targets.dedup();
        let rpo = targets.into_iter().map(|t| {
            let mut alone = Solution::default();
            Solver::default().solve(&p.graph, &p.options, &vec![f64::INFINITY; n], &vec![f64::from(t); n], &mut alone);
            let mut effective = Vec::new();
            effective_rpo(&p.graph, &p.options, &alone.pick, &mut effective);
            point(&inputs, &effective, t, cost(&alone.pick))
        });
        (curve, rto.to_vec(), rpo.collect())
    }

    /// Each point the curve keeps is the search's at its target (to the cent and the tenth of a
    /// minute); each target it leaves out is one a kept point is as cheap
    /// and as good as.
    fn same_as_searched(curve: &[PlatformPoint], searched: &[PlatformPoint]) -> Result<(), String> {
        let never = f64::INFINITY;
        let close = |a: Option<f64>, b: Option<f64>| match (a, b) {
            (Some(a), Some(b)) => (a - b).abs() <= 0.051,
            (a, b) => a == b,
        };
        let at_most = |a: Option<f64>, b: Option<f64>| a.unwrap_or(never) <= b.unwrap_or(never) + 0.051;
        for e in searched {
            let ok = match curve.iter().find(|c| c.target_minutes == e.target_minutes) {
                Some(c) => {
                    (c.monthly - e.monthly).abs() <= 0.011
                        && close(c.achieved_minutes, e.achieved_minutes)
                        && close(c.serving_minutes, e.serving_minutes)
                        && c.stages_missing == e.stages_missing
                }
                None => curve.iter().any(|c| {
                    c.monthly <= e.monthly + 0.011
                        && at_most(c.achieved_minutes, e.achieved_minutes)
                        && at_most(c.serving_minutes, e.serving_minutes)
                }),
            };
            if !ok {
                return Err(format!("at {} min: curve {curve:?}, searched {e:?}", e.target_minutes));
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// The platform curves, with their shortcuts (the cheapest plan once it fits, only the
        /// groups with a choice searched, settled stages, the RPO curve's direct scan), are what
        /// the search gives at each target on its own.
        #[test]
        fn platform_curves_are_the_search_at_each_target(
            case in arb_case(false), rpos in proptest::collection::vec(0.0..300.0f64, 7),
            rpo in proptest::collection::vec(0.0..400.0f64, 7), external in proptest::collection::vec(any::<bool>(), 7)
        ) {
            let p = platform(case, &rpos, &rpo, &external);
            let (curve, rto, rpo) = curve_and_searches(&p);
            prop_assert_eq!(same_as_searched(&curve.rto, &rto), Ok(()));
            prop_assert_eq!(same_as_searched(&curve.rpo, &rpo), Ok(()));
        }

        /// Against brute force, with every option in the pools (no RPO asked): where every stage
        /// feeds at most one other, each point of the RTO curve is the cheapest plan that brings
        /// every stage back by the target (or its best possible completion, when that is later).
        #[test]
        fn the_rto_curve_is_the_cheapest_plan_where_each_stage_feeds_at_most_one(
            case in arb_case(true), external in proptest::collection::vec(any::<bool>(), 7)
        ) {
            let p = platform(case, &[0.0; 7], &[f64::INFINITY; 7], &external);
            let (curve, _, _) = curve_and_searches(&p);
            prop_assert!(!curve.rto.is_empty());
            for c in &curve.rto {
                let (cheapest, _) = brute_force(&p.graph, &p.options, &vec![f64::from(c.target_minutes); p.graph.len()]);
                prop_assert!((c.monthly - round2(cheapest)).abs() <= 0.011, "{c:?}: brute force {cheapest}");
            }
        }

        /// On any flows, no point of the RTO curve is cheaper than that plan.
        #[test]
        fn no_point_of_the_rto_curve_is_cheaper_than_brute_force(
            case in arb_case(false), external in proptest::collection::vec(any::<bool>(), 7)
        ) {
            let p = platform(case, &[0.0; 7], &[f64::INFINITY; 7], &external);
            let (curve, _, _) = curve_and_searches(&p);
            for c in &curve.rto {
                let (cheapest, _) = brute_force(&p.graph, &p.options, &vec![f64::from(c.target_minutes); p.graph.len()]);
                prop_assert!(c.monthly + 0.011 >= round2(cheapest), "{c:?}: brute force {cheapest}");
            }
        }
    }
}
