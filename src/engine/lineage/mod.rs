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
//!
//! The code, by concern:
//!
//! - here: an option's numbers ([`Opt`], [`Options`]), the search's result ([`Solution`]), and
//!   completions and effective recovery points along the flows for a given choice;
//! - `pools`: which options a stage weighs — its RPO pool, without dominated options — and the
//!   plan when no recovery time is asked ([`Preferences`]);
//! - `problem`: stages as the search sees them ([`Problem`]): flow-connected groups, renumbered
//!   in flow order, with the stages whose part is known in advance settled;
//! - `solver`: steps 1 to 4 ([`Solver`]);
//! - `tests`: worked cases, and properties checked against brute force on small platforms.

mod pools;
mod problem;
mod solver;
#[cfg(test)]
pub(super) mod tests;

pub(super) use pools::Preferences;
pub(super) use problem::Problem;
pub(super) use solver::Solver;

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
    /// Where each stage's options start in `opts`, and where the last ends.
    pub start: Vec<usize>,
    /// Every stage's options, stage after stage.
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
    graph: &Graph,
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
