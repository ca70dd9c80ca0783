//! Lineage-aware choice: one option per stage so that every stage is back within its RTO
//! *including the time its upstream stages take*, at the lowest total cost.
//!
//! A stage that rebuilds from upstream (reprocess, reload) starts its data work once every
//! stage it reads from is complete; code and configuration redeploy from the start but serve
//! once their inputs are back; a stage restored from its own copies does not wait (see
//! [`Wait`]). Completion is therefore computed along the flows, in topological order.
//!
//! The search works on numbers only (no text), so that the cost curves can run it many times:
//!
//! 1. **Pool**: a stage's options that meet its RPO (if none does, those with the best RPO).
//! 2. **Fastest**: each stage's earliest completion with every upstream stage at its fastest.
//!    Completion only grows with upstream completion, so this is the best achievable for every
//!    stage at once. The effective target is `T* = max(RTO, fastest)`: a plan always exists
//!    that meets every `T*`, and a stage misses its RTO only when no plan could meet it.
//! 3. **Deadlines** (a dynamic programme, from the reports back to the sources): a stage that
//!    rebuilds from upstream and must be back by `d` needs its upstream back by `d − work`.
//!    For each stage and each deadline asked of it, the cheapest way to meet it is the cheapest
//!    option plus what its upstream stages cost extra to meet the deadlines that option sets
//!    them. Then, from the reports back, each stage takes the cheapest way for the tightest
//!    deadline its consumers' choices set it.
//!
//! On a platform where every stage feeds at most one other stage the programme is exact: the
//! cheapest set of options that brings every stage back by its `T*`. Where one stage feeds
//! several, the extra cost of speeding it up is counted once per consumer, which can keep a
//! consumer from rebuilding when sharing the upgrade would have paid; the plan still meets
//! every `T*`. Each stage considers at most [`SLOTS`] distinct deadlines; beyond that a
//! deadline is rounded down to a tighter one already considered (still feasible, maybe dearer).

use super::candidates::{Candidate, Wait};
use super::graph::Graph;

/// Room for rounding when comparing minutes.
const EPS: f64 = 1e-6;
/// Deadlines considered per stage.
pub(super) const SLOTS: usize = 12;
const INF: f64 = f64::INFINITY;

/// The larger of two minutes (neither is NaN): a comparison, not a maths-library call.
#[inline(always)]
fn max(a: f64, b: f64) -> f64 {
    if a >= b {
        a
    } else {
        b
    }
}

/// The smaller of two minutes (neither is NaN).
#[inline(always)]
fn min(a: f64, b: f64) -> f64 {
    if a <= b {
        a
    } else {
        b
    }
}

#[inline(always)]
fn le(a: f64, b: f64) -> bool {
    a <= b + EPS
}

#[inline(always)]
fn minus(d: f64, v: f64) -> f64 {
    if d == INF {
        INF
    } else {
        d - v
    }
}

/// The numbers of one option that the search needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Opt {
    /// Monthly cost.
    pub cost: f64,
    /// Recovery point in minutes; infinite when the data cannot be recovered this way.
    pub rpo: f64,
    /// What it waits for.
    pub wait: Wait,
    /// Minutes that do not wait for data (provisioning, job start, failover).
    pub fixed: f64,
    /// Minutes of data work.
    pub variable: f64,
    /// Its own recovery time (infinite when it cannot recover the stage at all).
    pub own: f64,
}

impl Opt {
    /// The numbers of a candidate.
    pub fn of(c: &Candidate) -> Opt {
        let own = c.rto.unwrap_or(INF);
        let (fixed, variable) = if c.rto.is_some() { (c.timing.fixed, c.timing.variable) } else { (INF, INF) };
        Opt { cost: c.cost.total(), rpo: c.rpo.unwrap_or(INF), wait: c.timing.wait, fixed, variable, own }
    }

    /// When the stage is back with this option if its upstream stages are all back at `up`.
    #[inline(always)]
    pub fn completion(&self, up: f64) -> f64 {
        match self.wait {
            Wait::Own => self.own,
            Wait::AfterUpstream => max(self.fixed, up) + self.variable,
            Wait::Alongside => max(self.own, up),
        }
    }

    /// The latest its upstream stages may be back for this option to be back by `d`:
    /// `None` when it cannot be, infinite when it does not wait for them.
    #[inline(always)]
    pub fn requirement(&self, d: f64) -> Option<f64> {
        match self.wait {
            // Written out: at opt-level z `bool::then` stays a call, and the search asks this
            // in its innermost loops.
            _ if !le(self.own, d) => None,
            Wait::Own => Some(INF),
            Wait::AfterUpstream => Some(minus(d, self.variable)),
            Wait::Alongside => Some(d),
        }
    }

    /// Whether it waits for its upstream stages at all.
    #[inline(always)]
    pub fn waits(&self) -> bool {
        matches!(self.wait, Wait::AfterUpstream | Wait::Alongside)
    }
}

/// The options of every stage for one disruption type, flat: stage `s` owns
/// `opts[start[s]..start[s + 1]]`.
#[derive(Debug, Clone, Default)]
pub(super) struct Options {
    pub start: Vec<usize>,
    pub opts: Vec<Opt>,
}

impl Options {
    /// Stage `s`'s options.
    #[inline(always)]
    pub fn of(&self, s: usize) -> &[Opt] {
        match self.start.get(s..s + 2) {
            Some(&[a, b]) => self.opts.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// The search's result for one disruption type, per stage.
#[derive(Debug, Clone, Default)]
pub(super) struct Solution {
    /// The chosen option (an index into the stage's options); `None` = the stage has none.
    pub pick: Vec<Option<usize>>,
    /// When its upstream stages are all back (0 with none).
    pub up_done: Vec<f64>,
    /// When the stage is back.
    pub completion: Vec<f64>,
    /// Its earliest possible completion (every upstream stage at its fastest).
    pub fastest: Vec<f64>,
    /// The deadline its consumers' choices set it (≤ its RTO, or its fastest when that is later).
    pub deadline: Vec<f64>,
    /// The consumer whose choice set that deadline, when it is tighter than the stage's own.
    pub set_by: Vec<Option<usize>>,
    /// Which of its options are in its RPO pool (flat, like [`Options::opts`]).
    pub in_pool: Vec<bool>,
    /// The options the search weighs: in the pool and not dominated by another, as indices into
    /// the stage's options; stage `s` owns `live[live_start[s]..live_start[s + 1]]`.
    pub live_start: Vec<usize>,
    /// See `live_start`.
    pub live: Vec<usize>,
    /// The live options' numbers, parallel to `live`.
    pub live_opts: Vec<Opt>,
    /// Whether any of the stage's live options waits for its upstream stages.
    pub waits: Vec<bool>,
}

impl Solution {
    /// Stage `s`'s live options, as indices into its options.
    pub fn live_of(&self, s: usize) -> &[usize] {
        self.live_pairs(s).0
    }

    /// Stage `s`'s live options: their indices and numbers.
    #[inline(always)]
    fn live_pairs(&self, s: usize) -> (&[usize], &[Opt]) {
        match self.live_start.get(s..s + 2) {
            Some(&[a, b]) => (self.live.get(a..b).unwrap_or(&[]), self.live_opts.get(a..b).unwrap_or(&[])),
            _ => (&[], &[]),
        }
    }
}

/// When each stage is back with the options `pick`, along the flows (`up_done`: when its
/// upstream stages are; `completion`: when it is). A stage without an option is never back.
pub(super) fn completions(
    graph: &super::graph::Graph,
    options: &Options,
    pick: &[Option<usize>],
    up_done: &mut Vec<f64>,
    completion: &mut Vec<f64>,
) {
    let n = graph.len();
    reset(up_done, n, 0.0);
    reset(completion, n, INF);
    let (up_done, completion) = (&mut up_done[..], &mut completion[..]);
    for &s in &graph.order {
        let mut up = 0.0;
        for &u in graph.up(s) {
            up = max(up, completion[u]);
        }
        up_done[s] = up;
        let chosen = if s < pick.len() { pick[s] } else { None };
        completion[s] = chosen.and_then(|i| options.of(s).get(i)).map_or(INF, |o| o.completion(up));
    }
}

/// The RPO pool of a stage with options `opts` and RPO target `target`: the options that meet it,
/// or, when none does, those with the best recovery point.
pub(super) fn pool_rule(opts: &[Opt], target: f64) -> impl Fn(&Opt) -> bool {
    let any = opts.iter().any(|o| le(o.rpo, target));
    let best = opts.iter().map(|o| o.rpo).fold(INF, min);
    move |o: &Opt| if any { le(o.rpo, target) } else { o.rpo <= best }
}

/// Each stage's options in the order the plan without a recovery time prefers them — cheapest
/// first, then the closer recovery point, then the faster, then the first listed — with what
/// decides its RPO pool at any target. Built once; [`Preferences::cheapest_in_pools`] is then a
/// short scan per RPO target (the platform RPO curve asks for nine).
#[derive(Debug, Clone, Default)]
pub(super) struct Preferences {
    /// Stage `s` owns `order[start[s]..start[s + 1]]`: indices among its options, best first.
    start: Vec<usize>,
    order: Vec<usize>,
    /// The best recovery point, as [`pool_rule`] folds it.
    best: Vec<f64>,
    /// The closest recovery point that is a number: some option meets a target `t` exactly
    /// when this one does.
    closest: Vec<f64>,
}

impl Preferences {
    /// The preferences of every stage in `options`.
    pub fn new(options: &Options) -> Preferences {
        let stages = options.start.len().saturating_sub(1);
        let mut p = Preferences {
            start: Vec::with_capacity(stages + 1),
            order: Vec::with_capacity(options.opts.len()),
            best: Vec::with_capacity(stages),
            closest: Vec::with_capacity(stages),
        };
        p.start.push(0);
        for s in 0..stages {
            let opts = options.of(s);
            let first = p.order.len();
            for i in 0..opts.len() {
                // Insertion into the sorted run, after every option it does not beat.
                let mut at = p.order.len();
                while at > first && prefers(opts, i, p.order[at - 1]) {
                    at -= 1;
                }
                p.order.insert(at, i);
            }
            p.start.push(p.order.len());
            p.best.push(opts.iter().map(|o| o.rpo).fold(INF, min));
            p.closest.push(opts.iter().map(|o| o.rpo).fold(INF, |m, r| if r < m { r } else { m }));
        }
        p
    }

    /// Each stage's cheapest option in its RPO pool for target `rpo` (of equals, the closer
    /// recovery point, then the faster): the plan when no recovery time is asked.
    #[allow(clippy::needless_range_loop)]
    pub fn cheapest_in_pools(&self, options: &Options, rpo: f64, pick: &mut Vec<Option<usize>>) {
        pick.clear();
        let (start, order, opts) = (&self.start[..], &self.order[..], &options.opts[..]);
        for s in 0..self.best.len() {
            let base = options.start.get(s).copied().unwrap_or(0);
            // The pool (see `pool_rule`): the options meeting the target, or the best there are.
            let any = le(self.closest[s], rpo);
            let best = self.best[s];
            let mut chosen = None;
            for k in start[s]..start[s + 1] {
                let i = order[k];
                let Some(o) = opts.get(base + i) else { break };
                if if any { le(o.rpo, rpo) } else { o.rpo <= best } {
                    chosen = Some(i);
                    break;
                }
            }
            pick.push(chosen);
        }
    }
}

/// Whether option `i` of `opts` comes before option `j` in [`Preferences`]' order.
fn prefers(opts: &[Opt], i: usize, j: usize) -> bool {
    let (a, b) = (&opts[i], &opts[j]);
    a.cost.total_cmp(&b.cost).then(a.rpo.total_cmp(&b.rpo)).then(a.own.total_cmp(&b.own)).then(i.cmp(&j)).is_lt()
}

/// Each stage's effective recovery point with the options `pick`: its own, or — when it waits for
/// its upstream stages — the oldest of theirs when that is older. A system of record loses what
/// its owner loses (its RPO); a stage without an option recovers nothing (infinite).
pub(super) fn effective_rpo(graph: &Graph, options: &Options, pick: &[Option<usize>], out: &mut Vec<f64>) {
    reset(out, graph.len(), INF);
    let out = &mut out[..];
    for &s in &graph.order {
        let Some(o) = (if s < pick.len() { pick[s] } else { None }).and_then(|i| options.of(s).get(i)) else {
            continue;
        };
        let own = o.rpo;
        let mut worst = own;
        if o.waits() {
            for &u in graph.up(s) {
                worst = max(worst, out[u]);
            }
        }
        out[s] = worst;
    }
}

/// Whether option `a` is at least as good as `b` in every way the search cares about — no
/// dearer, back no later for any upstream completion, asking no more of its upstream — so `b`
/// can be left out. Of two equal options the first (`a_first`) stays.
fn dominates(a: &Opt, b: &Opt, a_first: bool) -> bool {
    if a.cost > b.cost {
        return false;
    }
    let at_least = match (a.wait, b.wait) {
        (Wait::Own, _) => a.own <= b.own,
        (Wait::Alongside, Wait::Alongside | Wait::AfterUpstream) => a.own <= b.own,
        (Wait::AfterUpstream, Wait::AfterUpstream) => a.own <= b.own && a.variable <= b.variable,
        _ => false,
    };
    let strictly = a.cost < b.cost || a.own < b.own || a.variable < b.variable || a.wait != b.wait;
    at_least && (strictly || a_first)
}

/// Some stages as the search sees them: whole flow-connected groups of the plan's stages,
/// renumbered so that every stage comes after the stages it reads from (positions follow the
/// graph's order), with their flows and live options side by side. Built once per set of pools,
/// searched once per set of targets (the platform RTO curve searches one up to eleven times).
#[derive(Debug, Clone, Default)]
pub(super) struct Problem {
    /// The plan's index of the stage at each position.
    pub stage: Vec<usize>,
    /// The positions each position reads from, `up[up_start[p]..up_start[p + 1]]`, in the order
    /// of [`Graph::up`].
    up_start: Vec<usize>,
    up: Vec<usize>,
    /// Each position's live options, `opts[live_start[p]..live_start[p + 1]]`; `option` holds
    /// their indices among the stage's options.
    live_start: Vec<usize>,
    option: Vec<usize>,
    opts: Vec<Opt>,
    fastest: Vec<f64>,
    waits: Vec<bool>,
    /// Positions whose search is known in advance (see [`Problem::settle`]), with the extra cost
    /// they ask for any deadline they can meet.
    settled: Vec<Option<f64>>,
    /// The groups searched on their own: group `g` holds positions `bounds[g]..bounds[g + 1]`.
    bounds: Vec<usize>,
}

impl Problem {
    /// The stages for which `keep` holds, with the pools and fastest completions of `prepared`
    /// (see [`Solver::prepare`]). `keep` must hold for whole flow-connected groups: flows from
    /// a stage left out are not followed.
    pub fn new(graph: &Graph, prepared: &Solution, keep: impl Fn(usize) -> bool) -> Problem {
        let group: Vec<usize> = (0..graph.len()).map(|s| if keep(s) { 0 } else { usize::MAX }).collect();
        Problem::grouped(graph, prepared, &group, 1)
    }

    /// Stages in `count` groups, `group[s]` being stage `s`'s (out of range for a stage left
    /// out): each group's stages together, in the graph's order. Groups must be whole
    /// flow-connected groups or unions of them, so that each can be searched on its own.
    pub fn grouped(graph: &Graph, prepared: &Solution, group: &[usize], count: usize) -> Problem {
        let n = graph.len();
        let mut p = Problem::default();
        // Positions: group by group, each in the graph's order.
        let mut sizes = vec![0usize; count + 1];
        for s in 0..n {
            if let Some(&g) = group.get(s).filter(|&&g| g < count) {
                sizes[g + 1] += 1;
            }
        }
        for g in 0..count {
            sizes[g + 1] += sizes[g];
        }
        p.bounds = sizes.clone();
        let m = sizes[count];
        let mut position = vec![usize::MAX; n];
        p.stage = vec![0; m];
        for &s in &graph.order {
            if let Some(&g) = group.get(s).filter(|&&g| g < count) {
                position[s] = sizes[g];
                p.stage[sizes[g]] = s;
                sizes[g] += 1;
            }
        }
        // Filled by index: at opt-level z every push is a call.
        p.up_start = vec![0; m + 1];
        p.live_start = vec![0; m + 1];
        p.fastest = vec![INF; m];
        p.waits = vec![false; m];
        let (mut ups, mut live) = (0, 0);
        for (q, &s) in p.stage.iter().enumerate() {
            ups += graph.up(s).len();
            live += prepared.live_of(s).len();
            p.fastest[q] = prepared.fastest.get(s).copied().unwrap_or(INF);
            p.waits[q] = prepared.waits.get(s).copied().unwrap_or(false);
        }
        p.up = vec![0; ups];
        p.option.reserve(live);
        p.opts.reserve(live);
        let mut k = 0;
        for (q, &s) in p.stage.iter().enumerate() {
            for &u in graph.up(s) {
                let at = position[u];
                if at < m && k < p.up.len() {
                    p.up[k] = at;
                    k += 1;
                }
            }
            p.up_start[q + 1] = k;
            let (index, opts) = prepared.live_pairs(s);
            p.option.extend_from_slice(index);
            p.opts.extend_from_slice(opts);
            p.live_start[q + 1] = p.opts.len();
        }
        p.up.truncate(k);
        p.settled = vec![None; m];
        p
    }

    /// How many groups it holds.
    pub fn groups(&self) -> usize {
        self.bounds.len().saturating_sub(1)
    }

    /// The positions of group `g`.
    pub fn group(&self, g: usize) -> std::ops::Range<usize> {
        match self.bounds.get(g..g + 2) {
            Some(&[a, b]) => a..b,
            _ => 0..0,
        }
    }

    /// The earliest fastest completion in group `g` of a stage not settled (see
    /// [`Problem::settle`]): for every RTO target up to it, each effective target of the group
    /// that the search reads is a fastest completion, so the search's answer is the same.
    pub fn unchanged_up_to(&self, g: usize) -> f64 {
        let mut limit = INF;
        for p in self.group(g) {
            let f = self.fastest.get(p).copied().unwrap_or(INF);
            if self.settled.get(p).is_some_and(Option::is_none) && f < limit {
                limit = f;
            }
        }
        limit
    }

    /// Marks the stages whose part in a search is known in advance, and what they ask: one live
    /// option that either does not wait for its upstream stages, or is deployed alongside them
    /// (code, configuration) and reads only from such settled stages. The search picks that
    /// option at every target, and for any deadline `d` a consumer sets, the stage costs the same
    /// extra — worked out here once — when `d` is no earlier than its fastest completion, and
    /// cannot meet `d` otherwise: every deadline it is asked is at least its fastest less the
    /// rounding room, which its option and its settled upstream stages always meet. So the
    /// search skips their deadlines. (A rebuild from upstream is not settled: its upstream's
    /// deadline is its own less the rebuild time, which rounding can move across the room.) Their
    /// own deadlines, and the consumers that set them, are no longer worked out: this is for the
    /// cost curves, which read choices and completions.
    pub fn settle(&mut self) {
        // The search's extra of a cost over itself (`v - v`, then as in step 3b): zero, or
        // infinite when the cost is not a number.
        let over_itself = |v: f64| if v.is_finite() { 0.0 } else { INF };
        for p in 0..self.len() {
            let (a, b) = (self.live_start[p], self.live_start[p + 1]);
            if b != a + 1 {
                continue;
            }
            let Some(o) = self.opts.get(a) else { continue };
            let ups = &self.up[self.up_start[p]..self.up_start[p + 1]];
            let extra = if !o.waits() {
                over_itself(o.cost)
            } else if o.wait == Wait::Alongside && ups.iter().all(|&u| self.settled[u].is_some()) {
                // At every deadline: its cost and what its upstream stages ask, in flow order (a
                // stage never back has only deadlines it cannot meet, where the search adds none).
                let mut value = o.cost;
                if self.fastest[p] != INF {
                    for &u in ups {
                        value += self.settled[u].unwrap_or(INF);
                    }
                }
                over_itself(value)
            } else {
                continue;
            };
            self.settled[p] = Some(extra);
        }
    }

    /// How many stages it holds.
    pub fn len(&self) -> usize {
        self.stage.len()
    }
}

/// One stage's deadlines in a search, tightest first, with the cheapest way to meet each: its
/// extra cost over meeting the stage's own effective target, and the live option that does it.
#[derive(Debug, Clone, Copy)]
struct Slots {
    /// How many of the arrays below are in use.
    count: usize,
    value: [f64; SLOTS],
    extra: [f64; SLOTS],
    /// The option chosen per slot, as an index into [`Problem::opts`]; `NONE` = none.
    best: [u32; SLOTS],
}

impl Slots {
    const EMPTY: Slots = Slots { count: 0, value: [INF; SLOTS], extra: [INF; SLOTS], best: [NONE; SLOTS] };

    /// Adds deadline `d` (kept sorted, without repeats) if there is room.
    #[inline]
    fn add(&mut self, d: f64) {
        let count = self.count;
        if count >= SLOTS {
            return;
        }
        let mut at = count;
        for j in 0..count {
            let v = self.value[j];
            if v == d || (v - d).abs() <= EPS {
                return;
            }
            if v > d && at == count {
                at = j;
            }
        }
        let mut j = count;
        while j > at {
            self.value[j] = self.value[j - 1];
            j -= 1;
        }
        self.value[at] = d;
        self.count = count + 1;
    }

    /// The slot of the largest deadline that is not later than `d`.
    #[inline(always)]
    fn at_most(&self, d: f64) -> Option<usize> {
        let mut j = self.count.min(SLOTS);
        while j > 0 {
            j -= 1;
            if le(self.value[j], d) {
                return Some(j);
            }
        }
        None
    }

    /// What the stage costs extra to be back by `d` rather than by its own target, given its
    /// fastest completion.
    #[inline(always)]
    fn extra_for(&self, d: f64, fastest: f64) -> f64 {
        if !le(fastest, d) {
            return INF;
        }
        match self.at_most(d) {
            Some(j) => self.extra[j],
            None => INF,
        }
    }
}

/// No option, in [`Slots::best`] and [`Solver::chosen`]; no stage, in [`Solver::set_by`].
const NONE: u32 = u32::MAX;

/// The search, with buffers reused between searches. After [`Solver::search`] its results are
/// per position of the [`Problem`] searched.
#[derive(Debug, Default)]
pub(super) struct Solver {
    tstar: Vec<f64>,
    slots: Vec<Slots>,
    /// The chosen option, as an index into [`Problem::opts`]; `NONE` = none.
    chosen: Vec<u32>,
    /// The deadline its consumers' choices set it.
    deadline: Vec<f64>,
    /// The consumer (a position) whose choice set that deadline; `NONE` = its own target.
    set_by: Vec<u32>,
    /// When its upstream stages are all back (0 with none).
    up_done: Vec<f64>,
    /// When it is back.
    pub completion: Vec<f64>,
}

fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.clear();
    v.resize(n, value);
}

/// `v[s]`, or `fallback` past its end.
#[inline(always)]
fn at_or(v: &[f64], s: usize, fallback: f64) -> f64 {
    if s < v.len() {
        v[s]
    } else {
        fallback
    }
}

/// A position or option index as stored (`NONE` beyond `u32`, which no platform reaches).
#[inline(always)]
fn stored(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(NONE)
}

impl Solver {
    /// Chooses one option per stage for the given RTO and RPO targets (minutes, per stage).
    pub fn solve(&mut self, graph: &Graph, options: &Options, rto: &[f64], rpo: &[f64], out: &mut Solution) {
        self.prepare(graph, options, rpo, out);
        self.choose(graph, rto, out);
    }

    /// Steps 1 and 2, which depend on the RPO targets only: each stage's pool without dominated
    /// options (`out.live`), and its fastest completion.
    pub fn prepare(&mut self, graph: &Graph, options: &Options, rpo: &[f64], out: &mut Solution) {
        let n = graph.len();
        reset(&mut out.in_pool, options.opts.len(), false);
        reset(&mut out.fastest, n, INF);
        out.live_start.clear();
        out.live.clear();
        out.live_opts.clear();
        reset(&mut out.waits, n, false);
        out.live_start.push(0);
        let in_pool_all = &mut out.in_pool[..];
        for s in 0..n {
            let base = options.start.get(s).copied().unwrap_or(0);
            let opts = options.of(s);
            let in_pool = pool_rule(opts, at_or(rpo, s, INF));
            let pool = &mut in_pool_all[base..base + opts.len()];
            for (slot, o) in pool.iter_mut().zip(opts) {
                *slot = in_pool(o);
            }
            let pool = &*pool;
            for (i, o) in opts.iter().enumerate() {
                if !pool[i] {
                    continue;
                }
                let dominated = (0..opts.len()).any(|j| j != i && pool[j] && dominates(&opts[j], o, j < i));
                if !dominated {
                    out.live.push(i);
                    out.live_opts.push(*o);
                    out.waits[s] |= o.waits();
                }
            }
            out.live_start.push(out.live.len());
        }
        let fastest = &mut out.fastest[..];
        for &s in &graph.order {
            let mut up = 0.0;
            for &u in graph.up(s) {
                up = max(up, fastest[u]);
            }
            let (a, b) = (out.live_start[s], out.live_start[s + 1]);
            let mut best = INF;
            for o in &out.live_opts[a..b] {
                best = min(best, o.completion(up));
            }
            fastest[s] = best;
        }
    }

    /// Steps 3 and 4 for the given RTO targets, after [`Solver::prepare`], for every stage.
    pub fn choose(&mut self, graph: &Graph, rto: &[f64], out: &mut Solution) {
        let n = graph.len();
        let problem = Problem::new(graph, out, |_| true);
        self.search(&problem, problem.group(0), |s| at_or(rto, s, INF));
        out.pick.resize(n, None);
        out.deadline.resize(n, INF);
        reset(&mut out.set_by, n, None);
        reset(&mut out.up_done, n, 0.0);
        reset(&mut out.completion, n, INF);
        for (p, &s) in problem.stage.iter().enumerate() {
            let chosen = self.chosen[p];
            out.pick[s] = (chosen != NONE).then(|| problem.option.get(chosen as usize).copied()).flatten();
            out.deadline[s] = self.deadline[p];
            let by = self.set_by[p];
            out.set_by[s] = (by != NONE).then(|| problem.stage.get(by as usize).copied()).flatten();
            out.up_done[s] = self.up_done[p];
            out.completion[s] = self.completion[p];
        }
    }

    /// The option chosen for each position of the last problem searched, as an index among the
    /// stage's options.
    pub fn pick(&self, problem: &Problem, p: usize) -> Option<usize> {
        let chosen = *self.chosen.get(p)?;
        problem.option.get(usize::try_from(chosen).ok()?).copied()
    }

    /// Steps 3 and 4 on `problem` with RTO `rto(stage)` for each of its stages (the plan's index).
    ///
    /// Written as plain index loops over flat arrays: at the shipping opt-level ("z") slicing, small
    /// closures and iterator adaptors stay calls, and this loop runs thousands of times per plan.
    #[allow(clippy::needless_range_loop)]
    pub fn search(&mut self, problem: &Problem, positions: std::ops::Range<usize>, rto: impl Fn(usize) -> f64) {
        let m = problem.len();
        let Problem { stage, up_start, up, live_start, opts, fastest, waits, settled, .. } = problem;
        if up_start.len() < m + 1 || live_start.len() < m + 1 || fastest.len() < m || waits.len() < m {
            return;
        }
        if settled.len() < m || stage.len() < m || positions.end > m {
            return;
        }
        // Every position searched is written below before anything reads it; the others keep
        // what an earlier search of their group left.
        for (v, fill) in
            [(&mut self.tstar, INF), (&mut self.deadline, INF), (&mut self.up_done, 0.0), (&mut self.completion, INF)]
        {
            if v.len() < m {
                v.resize(m, fill);
            }
        }
        for v in [&mut self.chosen, &mut self.set_by] {
            if v.len() < m {
                v.resize(m, NONE);
            }
        }
        if self.slots.len() < m {
            self.slots.resize(m, Slots::EMPTY);
        }
        let (stage, up_start, up, live_start, opts) = (&stage[..], &up_start[..], &up[..], &live_start[..], &opts[..]);
        let (fastest, waits, settled) = (&fastest[..], &waits[..], &settled[..]);
        let (tstar, slots) = (&mut self.tstar[..], &mut self.slots[..]);
        let (first_position, end_position) = (positions.start, positions.end);

        // 3a. The deadlines each stage may be asked to meet, from the consumers back: at least
        // its fastest and its own effective target.
        for p in first_position..end_position {
            let fast = fastest[p];
            let own = max(rto(stage[p]), fast);
            tstar[p] = own;
            let st = &mut slots[p];
            st.value[0] = fast;
            if let Some(extra) = settled[p] {
                // One deadline stands for all: its fastest, at no extra cost.
                st.count = 1;
                st.extra[0] = extra;
                st.best[0] = stored(live_start[p]);
                continue;
            }
            st.count = if (own - fast).abs() <= EPS || own == fast {
                1
            } else {
                st.value[1] = own;
                2
            };
        }
        let tstar = &*tstar;
        for w in (first_position..end_position).rev() {
            let (first_up, end_up) = (up_start[w], up_start[w + 1]);
            if first_up == end_up || !waits[w] || settled[w].is_some() {
                continue;
            }
            for j in 0..slots[w].count {
                let d = slots[w].value[j];
                for i in live_start[w]..live_start[w + 1] {
                    let Some(r) = opts[i].requirement(d) else { continue };
                    if r == INF {
                        continue;
                    }
                    for k in first_up..end_up {
                        let u = up[k];
                        let v = min(tstar[u], r);
                        if le(fastest[u], v) && settled[u].is_none() {
                            slots[u].add(v);
                        }
                    }
                }
            }
        }

        // 3b. Cheapest way to meet each deadline, sources first; stored as the extra cost over
        // meeting the stage's own effective target.
        for s in first_position..end_position {
            if settled[s].is_some() {
                continue;
            }
            let (first, end) = (live_start[s], live_start[s + 1]);
            let (first_up, end_up) = (up_start[s], up_start[s + 1]);
            let count = slots[s].count;
            for j in 0..count {
                let d = slots[s].value[j];
                let mut best = INF;
                let mut arg = NONE;
                for i in first..end {
                    let o = &opts[i];
                    let Some(r) = o.requirement(d) else { continue };
                    let mut value = o.cost;
                    if r != INF {
                        for k in first_up..end_up {
                            let u = up[k];
                            value += slots[u].extra_for(min(tstar[u], r), fastest[u]);
                        }
                    }
                    if value < best {
                        best = value;
                        arg = stored(i);
                    }
                }
                if arg == NONE {
                    // Nothing meets this deadline (only rounding can cause it): the fastest option.
                    let up = up[first_up..end_up].iter().map(|&u| fastest[u]).fold(0.0, max);
                    arg = (first..end)
                        .min_by(|&a, &b| opts[a].completion(up).total_cmp(&opts[b].completion(up)).then(a.cmp(&b)))
                        .map_or(NONE, stored);
                }
                let st = &mut slots[s];
                st.extra[j] = best;
                st.best[j] = arg;
            }
            // The loosest slot is T*: costs become extras over it.
            let st = &mut slots[s];
            let base = if count > 0 { st.extra[count - 1] } else { 0.0 };
            for j in 0..count {
                let v = st.extra[j] - base;
                st.extra[j] = if v.is_finite() { max(v, 0.0) } else { INF };
            }
        }

        // 3c. Final choice, consumers first: each stage meets the tightest deadline set it.
        let (deadline, chosen, set_by) = (&mut self.deadline[..], &mut self.chosen[..], &mut self.set_by[..]);
        for p in first_position..end_position {
            deadline[p] = tstar[p];
            set_by[p] = NONE;
        }
        for s in (first_position..end_position).rev() {
            let st = &slots[s];
            let j = st.at_most(deadline[s]).unwrap_or(0);
            let d = if st.count > 0 { st.value[j] } else { deadline[s] };
            deadline[s] = d;
            let pick = if st.count > 0 { st.best[j] } else { NONE };
            chosen[s] = pick;
            let i = pick as usize;
            if i >= opts.len() {
                continue;
            }
            let Some(r) = opts[i].requirement(d) else { continue };
            for k in up_start[s]..up_start[s + 1] {
                let u = up[k];
                let v = min(tstar[u], r);
                if v < deadline[u] {
                    deadline[u] = v;
                    set_by[u] = stored(s);
                }
            }
        }

        // 4. Completions of the chosen plan.
        let (up_done, completion) = (&mut self.up_done[..], &mut self.completion[..]);
        for s in first_position..end_position {
            let mut done = 0.0;
            for k in up_start[s]..up_start[s + 1] {
                done = max(done, completion[up[k]]);
            }
            up_done[s] = done;
            let i = chosen[s] as usize;
            completion[s] = if i < opts.len() { opts[i].completion(done) } else { INF };
        }
    }
}

/// The search as it was first written, kept to check the faster one against: same choices,
/// same numbers, bit for bit.
#[cfg(test)]
pub(super) mod reference {
    use super::{dominates, le, max, min, pool_rule, Options, Solution, EPS, INF, SLOTS};

    /// Each stage's cheapest option in its RPO pool (of equals, the closer recovery point, then the
    /// faster): the plan when no recovery time is asked.
    pub(in super::super) fn cheapest_in_pools(options: &Options, rpo: f64, pick: &mut Vec<Option<usize>>) {
        pick.clear();
        for s in 0..options.start.len().saturating_sub(1) {
            let opts = options.of(s);
            let in_pool = pool_rule(opts, rpo);
            let chosen = opts.iter().enumerate().filter(|(_, o)| in_pool(o)).min_by(|(i, a), (j, b)| {
                a.cost.total_cmp(&b.cost).then(a.rpo.total_cmp(&b.rpo)).then(a.own.total_cmp(&b.own)).then(i.cmp(j))
            });
            pick.push(chosen.map(|(i, _)| i));
        }
    }

    /// Each stage's effective recovery point with the options `pick`: its own, or — when it waits for
    /// its upstream stages — the oldest of theirs when that is older. A system of record loses what
    /// its owner loses (its RPO); a stage without an option recovers nothing (infinite).
    pub(in super::super) fn effective_rpo(
        graph: &super::super::graph::Graph,
        options: &Options,
        pick: &[Option<usize>],
        out: &mut Vec<f64>,
    ) {
        reset(out, graph.len(), INF);
        for &s in &graph.order {
            let Some(o) = pick.get(s).copied().flatten().and_then(|i| options.of(s).get(i)) else { continue };
            let own = o.rpo;
            out[s] = if o.waits() { graph.up(s).iter().map(|&u| out[u]).fold(own, max) } else { own };
        }
    }

    /// When each stage is back with the options `pick`, along the flows (`up_done`: when its
    /// upstream stages are; `completion`: when it is). A stage without an option is never back.
    pub(in super::super) fn completions(
        graph: &super::super::graph::Graph,
        options: &Options,
        pick: &[Option<usize>],
        up_done: &mut Vec<f64>,
        completion: &mut Vec<f64>,
    ) {
        let n = graph.len();
        up_done.clear();
        up_done.resize(n, 0.0);
        completion.clear();
        completion.resize(n, INF);
        for &s in &graph.order {
            let up = graph.up(s).iter().map(|&u| completion[u]).fold(0.0, max);
            up_done[s] = up;
            completion[s] =
                pick.get(s).copied().flatten().and_then(|i| options.of(s).get(i)).map_or(INF, |o| o.completion(up));
        }
    }

    /// Buffers reused between searches (the cost curves run many).
    #[derive(Debug, Default)]
    pub(in super::super) struct Solver {
        tstar: Vec<f64>,
        slot_value: Vec<f64>,
        slot_count: Vec<usize>,
        extra: Vec<f64>,
        /// The option chosen per slot, as an index into the stage's options; `NONE` = none.
        best: Vec<u32>,
    }

    /// No option, in [`Solver`]'s table of choices.
    const NONE: u32 = u32::MAX;

    fn reset<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
        v.clear();
        v.resize(n, value);
    }

    impl Solver {
        /// Chooses one option per stage for the given RTO and RPO targets (minutes, per stage).
        pub fn solve(
            &mut self,
            graph: &super::super::graph::Graph,
            options: &Options,
            rto: &[f64],
            rpo: &[f64],
            out: &mut Solution,
        ) {
            self.prepare(graph, options, rpo, out);
            self.choose(graph, options, rto, out);
        }

        /// Steps 1 and 2, which depend on the RPO targets only: each stage's pool without dominated
        /// options (`out.live`), and its fastest completion.
        pub fn prepare(
            &mut self,
            graph: &super::super::graph::Graph,
            options: &Options,
            rpo: &[f64],
            out: &mut Solution,
        ) {
            let n = graph.len();
            reset(&mut out.in_pool, options.opts.len(), false);
            reset(&mut out.fastest, n, INF);
            out.live_start.clear();
            out.live.clear();
            out.live_opts.clear();
            reset(&mut out.waits, n, false);
            out.live_start.push(0);
            for s in 0..n {
                let base = options.start.get(s).copied().unwrap_or(0);
                let opts = options.of(s);
                let in_pool = pool_rule(opts, rpo.get(s).copied().unwrap_or(INF));
                for (i, o) in opts.iter().enumerate() {
                    out.in_pool[base + i] = in_pool(o);
                }
                let pool = &out.in_pool[base..base + opts.len()];
                for (i, o) in opts.iter().enumerate() {
                    let dominated =
                        (0..opts.len()).any(|j| j != i && pool[j] && pool[i] && dominates(&opts[j], o, j < i));
                    if pool[i] && !dominated {
                        out.live.push(i);
                        out.live_opts.push(*o);
                        out.waits[s] |= o.waits();
                    }
                }
                out.live_start.push(out.live.len());
            }
            for &s in &graph.order {
                let up = graph.up(s).iter().map(|&u| out.fastest[u]).fold(0.0, max);
                out.fastest[s] = out.live_pairs(s).1.iter().map(|o| o.completion(up)).fold(INF, min);
            }
        }

        /// Steps 3 and 4 for the given RTO targets, after [`Solver::prepare`].
        pub fn choose(
            &mut self,
            graph: &super::super::graph::Graph,
            options: &Options,
            rto: &[f64],
            out: &mut Solution,
        ) {
            let n = graph.len();
            // `pick` and `deadline` are written for every stage below; only `set_by` starts empty.
            out.pick.resize(n, None);
            out.deadline.resize(n, INF);
            reset(&mut out.set_by, n, None);
            reset(&mut self.tstar, n, INF);
            reset(&mut self.slot_count, n, 0);
            // Slots are written before they are read (up to each stage's count): no need to clear.
            self.slot_value.resize(n * SLOTS, INF);
            self.extra.resize(n * SLOTS, INF);
            self.best.resize(n * SLOTS, NONE);
            for s in 0..n {
                self.tstar[s] = max(rto.get(s).copied().unwrap_or(INF), out.fastest[s]);
            }

            // 3a. The deadlines each stage may be asked to meet, from the consumers back: at least
            // its fastest and its own effective target.
            for s in 0..n {
                let (fast, own) = (out.fastest[s], self.tstar[s]);
                self.slot_value[s * SLOTS] = fast;
                self.slot_count[s] = if (own - fast).abs() <= EPS || own == fast {
                    1
                } else {
                    self.slot_value[s * SLOTS + 1] = own;
                    2
                };
            }
            for &w in graph.order.iter().rev() {
                let ups = graph.up(w);
                if ups.is_empty() || !out.waits[w] {
                    continue;
                }
                let live = out.live_pairs(w).1;
                for j in 0..self.slot_count[w] {
                    let d = self.slot_value[w * SLOTS + j];
                    for o in live {
                        let Some(r) = o.requirement(d) else { continue };
                        if r == INF {
                            continue;
                        }
                        for &u in ups {
                            let v = min(self.tstar[u], r);
                            if le(out.fastest[u], v) {
                                self.add_slot(u, v);
                            }
                        }
                    }
                }
            }

            // 3b. Cheapest way to meet each deadline, sources first; stored as the extra cost over
            // meeting the stage's own effective target.
            for &s in &graph.order {
                let count = self.slot_count[s];
                let (live_idx, live) = out.live_pairs(s);
                let ups = graph.up(s);
                for j in 0..count {
                    let d = self.slot_value[s * SLOTS + j];
                    let mut best = INF;
                    let mut arg = None;
                    for (&i, o) in live_idx.iter().zip(live) {
                        let Some(r) = o.requirement(d) else { continue };
                        let mut value = o.cost;
                        if r != INF {
                            for &u in ups {
                                value += self.extra_for(u, min(self.tstar[u], r), out.fastest[u]);
                            }
                        }
                        if value < best {
                            best = value;
                            arg = Some(i);
                        }
                    }
                    if arg.is_none() {
                        // Nothing meets this deadline (only rounding can cause it): the fastest option.
                        let up = ups.iter().map(|&u| out.fastest[u]).fold(0.0, max);
                        arg = live_idx
                            .iter()
                            .zip(live)
                            .min_by(|(a, x), (b, y)| x.completion(up).total_cmp(&y.completion(up)).then(a.cmp(b)))
                            .map(|(&i, _)| i);
                    }
                    self.extra[s * SLOTS + j] = best;
                    self.best[s * SLOTS + j] = arg.and_then(|i| u32::try_from(i).ok()).unwrap_or(NONE);
                }
                // The loosest slot is T*: costs become extras over it.
                let base = if count > 0 { self.extra[s * SLOTS + count - 1] } else { 0.0 };
                for j in 0..count {
                    let v = self.extra[s * SLOTS + j] - base;
                    self.extra[s * SLOTS + j] = if v.is_finite() { max(v, 0.0) } else { INF };
                }
            }

            // 3c. Final choice, consumers first: each stage meets the tightest deadline set it.
            out.deadline.copy_from_slice(&self.tstar);
            for &s in graph.order.iter().rev() {
                let j = self.slot_at_most(s, out.deadline[s]).unwrap_or(0);
                let d = if self.slot_count[s] > 0 { self.slot_value[s * SLOTS + j] } else { out.deadline[s] };
                out.deadline[s] = d;
                let pick = if self.slot_count[s] > 0 { self.best[s * SLOTS + j] } else { NONE };
                let pick = (pick != NONE).then_some(pick as usize);
                out.pick[s] = pick;
                let Some(o) = pick.and_then(|i| options.of(s).get(i)) else { continue };
                let Some(r) = o.requirement(d) else { continue };
                for &u in graph.up(s) {
                    let v = min(self.tstar[u], r);
                    if v < out.deadline[u] {
                        out.deadline[u] = v;
                        out.set_by[u] = Some(s);
                    }
                }
            }

            // 4. Completions of the chosen plan.
            completions(graph, options, &out.pick, &mut out.up_done, &mut out.completion);
        }

        /// Adds deadline `d` to stage `s`'s list (kept sorted, without repeats) if there is room.
        fn add_slot(&mut self, s: usize, d: f64) {
            let count = self.slot_count[s];
            let slots = &mut self.slot_value[s * SLOTS..s * SLOTS + SLOTS];
            if slots[..count].iter().any(|&v| v == d || (v - d).abs() <= EPS) || count >= SLOTS {
                return;
            }
            let at = slots[..count].iter().position(|&v| v > d).unwrap_or(count);
            slots.copy_within(at..count, at + 1);
            slots[at] = d;
            self.slot_count[s] = count + 1;
        }

        /// The slot of the largest deadline of `s` that is not later than `d`.
        #[inline(always)]
        fn slot_at_most(&self, s: usize, d: f64) -> Option<usize> {
            let count = self.slot_count[s];
            self.slot_value[s * SLOTS..s * SLOTS + count].iter().rposition(|&v| le(v, d))
        }

        /// What upstream stage `u` costs extra to be back by `d` rather than by its own target.
        #[inline(always)]
        fn extra_for(&self, u: usize, d: f64, fastest: f64) -> f64 {
            if !le(fastest, d) {
                return INF;
            }
            match self.slot_at_most(u, d) {
                Some(j) => self.extra[u * SLOTS + j],
                None => INF,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::graph::Graph;
    use super::*;
    use crate::model::Flow;
    use proptest::prelude::*;

    fn graph(n: usize, edges: &[(usize, usize)]) -> Graph {
        let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
        let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        let flows: Vec<Flow> = edges.iter().map(|&(a, b)| Flow { from: a.to_string(), to: b.to_string() }).collect();
        Graph::build(&refs, &flows)
    }

    fn options(per_stage: &[Vec<Opt>]) -> Options {
        let mut out = Options { start: vec![0], opts: Vec::new() };
        for opts in per_stage {
            out.opts.extend_from_slice(opts);
            out.start.push(out.opts.len());
        }
        out
    }

    fn opt(wait: Wait, fixed: f64, variable: f64, cost: f64) -> Opt {
        Opt { cost, rpo: 0.0, wait, fixed, variable, own: fixed + variable }
    }

    fn cost(options: &Options, pick: &[Option<usize>]) -> f64 {
        pick.iter().enumerate().filter_map(|(s, p)| options.of(s).get((*p)?)).map(|o| o.cost).sum()
    }

    #[test]
    fn a_consumer_that_must_rebuild_makes_its_source_faster() {
        // source: a cheap slow rebuild (30 + 180 min) or a dear fast copy (60 min);
        // consumer: only a reload (30 + 36 min) and an RTO of 4 h, so it needs the source by 3h 24m.
        let g = graph(2, &[(0, 1)]);
        let o = options(&[
            vec![opt(Wait::AfterUpstream, 30.0, 180.0, 1.25), opt(Wait::Own, 60.0, 0.0, 73.2)],
            vec![opt(Wait::AfterUpstream, 30.0, 36.0, 0.03)],
        ]);
        let mut solution = Solution::default();
        Solver::default().solve(&g, &o, &[1440.0, 240.0], &[f64::INFINITY; 2], &mut solution);
        assert_eq!(solution.pick, vec![Some(1), Some(0)]);
        assert_eq!(solution.completion, vec![60.0, 96.0]);
        assert_eq!(solution.deadline[0], 204.0);
        assert_eq!(solution.set_by[0], Some(1));
        // With a looser consumer the source rebuilds cheaply.
        Solver::default().solve(&g, &o, &[1440.0, 1440.0], &[f64::INFINITY; 2], &mut solution);
        assert_eq!(solution.pick, vec![Some(0), Some(0)]);
        assert_eq!(solution.completion, vec![210.0, 246.0]);
    }

    #[test]
    fn an_unreachable_target_gets_the_fastest_plan_there() {
        let g = graph(3, &[(0, 1), (1, 2)]);
        let o = options(&[
            vec![opt(Wait::Own, 100.0, 0.0, 1.0), opt(Wait::Own, 50.0, 0.0, 9.0)],
            vec![opt(Wait::AfterUpstream, 10.0, 100.0, 1.0)],
            vec![opt(Wait::Alongside, 30.0, 0.0, 0.0)],
        ]);
        let mut solution = Solution::default();
        Solver::default().solve(&g, &o, &[1440.0, 1440.0, 60.0], &[f64::INFINITY; 3], &mut solution);
        // The last stage cannot be back in 60 min; at best 50 + 100 = 150, which it gets.
        assert_eq!(solution.fastest, vec![50.0, 150.0, 150.0]);
        assert_eq!(solution.completion, vec![50.0, 150.0, 150.0]);
        assert_eq!(solution.pick[0], Some(1));
    }

    fn arb_opt() -> impl Strategy<Value = Opt> {
        (0usize..3, 0.0..100.0f64, 0.0..200.0f64, 0.0..100.0f64, 0usize..12).prop_map(
            |(w, fixed, variable, cost, never)| {
                let wait = [Wait::Own, Wait::AfterUpstream, Wait::Alongside][w];
                let mut o = opt(wait, fixed, if wait == Wait::Alongside { 0.0 } else { variable }, cost);
                if never == 0 {
                    o.own = INF;
                    o.fixed = INF;
                    o.variable = INF;
                }
                o
            },
        )
    }

    /// A small platform: options per stage, flows (from < to) and an RTO per stage. With `forest`
    /// every stage feeds at most one other.
    type Case = (Vec<Vec<Opt>>, Vec<(usize, usize)>, Vec<f64>);

    fn arb_case(forest: bool) -> impl Strategy<Value = Case> {
        (2usize..7).prop_flat_map(move |n| {
            let opts = proptest::collection::vec(proptest::collection::vec(arb_opt(), 1..4), n);
            let edges = proptest::collection::vec((0..n, 0..n), 0..2 * n).prop_map(move |pairs| {
                let mut edges: Vec<(usize, usize)> = pairs.into_iter().filter(|(a, b)| a < b).collect::<Vec<_>>();
                if forest {
                    let mut fed = vec![false; n];
                    edges.retain(|&(a, _)| !std::mem::replace(&mut fed[a], true));
                }
                edges
            });
            (opts, edges, proptest::collection::vec(0.0..600.0f64, n))
        })
    }

    /// Every plan, by brute force: the cheapest that brings every stage back by
    /// max(RTO, its best possible completion), and each stage's best possible completion.
    fn brute_force(g: &Graph, o: &Options, rto: &[f64]) -> (f64, Vec<f64>) {
        let n = g.len();
        let sizes: Vec<usize> = (0..n).map(|s| o.of(s).len()).collect();
        let mut pick = vec![0usize; n];
        let mut plans = Vec::new();
        let (mut up, mut done) = (Vec::new(), Vec::new());
        loop {
            let p: Vec<Option<usize>> = pick.iter().map(|&i| Some(i)).collect();
            completions(g, o, &p, &mut up, &mut done);
            plans.push((cost(o, &p), done.clone()));
            let mut i = 0;
            while i < n {
                pick[i] += 1;
                if pick[i] < sizes[i] {
                    break;
                }
                pick[i] = 0;
                i += 1;
            }
            if i == n {
                break;
            }
        }
        let best: Vec<f64> = (0..n).map(|s| plans.iter().map(|(_, d)| d[s]).fold(INF, min)).collect();
        let cheapest =
            plans.iter().filter(|(_, d)| (0..n).all(|s| le(d[s], rto[s].max(best[s])))).map(|(c, _)| *c).fold(INF, min);
        (cheapest, best)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        /// Where every stage feeds at most one other, the search finds the cheapest plan that
        /// brings every stage back by max(RTO, best possible), and "fastest" is the best possible.
        #[test]
        fn exact_where_each_stage_feeds_at_most_one((opts, edges, rto) in arb_case(true)) {
            let g = graph(opts.len(), &edges);
            let o = options(&opts);
            let mut solution = Solution::default();
            Solver::default().solve(&g, &o, &rto, &vec![INF; opts.len()], &mut solution);
            let (cheapest, best) = brute_force(&g, &o, &rto);
            prop_assert_eq!(&solution.fastest, &best);
            prop_assert!((cost(&o, &solution.pick) - cheapest).abs() < 1e-9, "{} vs {}", cost(&o, &solution.pick), cheapest);
        }

        /// On any flow graph the plan is feasible: every stage back by max(RTO, best possible).
        #[test]
        fn always_feasible((opts, edges, rto) in arb_case(false)) {
            let g = graph(opts.len(), &edges);
            let o = options(&opts);
            let mut solution = Solution::default();
            Solver::default().solve(&g, &o, &rto, &vec![INF; opts.len()], &mut solution);
            let (cheapest, best) = brute_force(&g, &o, &rto);
            prop_assert_eq!(&solution.fastest, &best);
            for s in 0..opts.len() {
                prop_assert!(le(solution.completion[s], rto[s].max(best[s])), "stage {s}: {} > {}", solution.completion[s], rto[s].max(best[s]));
            }
            prop_assert!(cost(&o, &solution.pick) + 1e-9 >= cheapest);
        }

        /// With no recovery time asked the search takes each stage's cheapest pooled option, which
        /// is what the RPO curve computes directly.
        #[test]
        fn cheapest_in_pools_is_the_search_without_rto((opts, edges, _) in arb_case(false), rpo in 0.0..300.0f64, rpos in proptest::collection::vec(0.0..300.0f64, 7)) {
            let n = opts.len();
            let mut opts = opts;
            for (stage, r) in opts.iter_mut().zip(&rpos) {
                for (k, o) in stage.iter_mut().enumerate() {
                    o.rpo = r * k as f64;
                }
            }
            let g = graph(n, &edges);
            let o = options(&opts);
            let mut solution = Solution::default();
            Solver::default().solve(&g, &o, &vec![INF; n], &vec![rpo; n], &mut solution);
            let mut pick = Vec::new();
            Preferences::new(&o).cheapest_in_pools(&o, rpo, &mut pick);
            prop_assert!((cost(&o, &pick) - cost(&o, &solution.pick)).abs() < 1e-9);
        }

        /// The search makes the same choices as it did when first written, with the same numbers
        /// bit for bit, also when one solver's buffers are reused for platforms of other sizes.
        #[test]
        fn same_as_the_first_search(
            (opts, edges, rto) in arb_case(false), rpos in proptest::collection::vec(0.0..300.0f64, 7),
            rpo in proptest::collection::vec(0.0..400.0f64, 7), (other, other_edges, other_rto) in arb_case(false)
        ) {
            let mut opts = opts;
            for (stage, r) in opts.iter_mut().zip(&rpos) {
                for (k, o) in stage.iter_mut().enumerate() {
                    o.rpo = r * k as f64;
                }
            }
            let mut solver = Solver::default();
            for (opts, edges, rto) in [(&other, &other_edges, &other_rto), (&opts, &edges, &rto)] {
                let n = opts.len();
                let g = graph(n, edges);
                let o = options(opts);
                let rpo = &rpo[..n];
                let mut fast = Solution::default();
                solver.solve(&g, &o, rto, rpo, &mut fast);
                let mut first = Solution::default();
                reference::Solver::default().solve(&g, &o, rto, rpo, &mut first);
                let bits = |v: &[f64]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
                prop_assert_eq!(&fast.pick, &first.pick);
                prop_assert_eq!(&fast.set_by, &first.set_by);
                prop_assert_eq!(&fast.in_pool, &first.in_pool);
                prop_assert_eq!(&fast.live, &first.live);
                prop_assert_eq!(&fast.live_start, &first.live_start);
                prop_assert_eq!(&fast.waits, &first.waits);
                for (a, b) in [(&fast.up_done, &first.up_done), (&fast.completion, &first.completion),
                    (&fast.fastest, &first.fastest), (&fast.deadline, &first.deadline)] {
                    prop_assert_eq!(bits(a), bits(b));
                }
                // And again with other targets, the pools kept: what the cost curves do.
                for t in [15.0, 240.0, 10080.0] {
                    solver.choose(&g, &vec![t; n], &mut fast);
                    let mut first_solver = reference::Solver::default();
                    first_solver.choose(&g, &o, &vec![t; n], &mut first);
                    prop_assert_eq!(&fast.pick, &first.pick);
                    prop_assert_eq!(bits(&fast.completion), bits(&first.completion));
                    prop_assert_eq!(bits(&fast.deadline), bits(&first.deadline));
                    prop_assert_eq!(&fast.set_by, &first.set_by);
                }
            }
        }

        /// Adding an upstream stage never makes a stage finish sooner, with the same choices,
        /// nor makes its best possible completion sooner.
        #[test]
        fn an_extra_upstream_stage_never_shortens_completion(
            (opts, edges, rto) in arb_case(false), extra in proptest::collection::vec(arb_opt(), 1..3), to in 0usize..7
        ) {
            let n = opts.len();
            let to = to % n;
            let g = graph(n, &edges);
            let o = options(&opts);
            let mut solution = Solution::default();
            let mut solver = Solver::default();
            solver.solve(&g, &o, &rto, &vec![INF; n], &mut solution);

            let mut more = opts.clone();
            more.push(extra);
            let mut more_edges = edges.clone();
            more_edges.push((n, to));
            let g2 = graph(n + 1, &more_edges);
            let o2 = options(&more);
            let mut pick = solution.pick.clone();
            pick.push(Some(0));
            let (mut up, mut done) = (Vec::new(), Vec::new());
            completions(&g2, &o2, &pick, &mut up, &mut done);
            let mut rto2 = rto.clone();
            rto2.push(1440.0);
            let mut solution2 = Solution::default();
            solver.solve(&g2, &o2, &rto2, &vec![INF; n + 1], &mut solution2);
            for (s, &now) in done.iter().enumerate().take(n) {
                prop_assert!(now >= solution.completion[s], "stage {s}: {} < {}", now, solution.completion[s]);
                prop_assert!(solution2.fastest[s] >= solution.fastest[s]);
            }
        }
    }
}
