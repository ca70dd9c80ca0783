//! Stages as the search sees them: whole flow-connected groups of the plan's stages, renumbered
//! in flow order with their flows and live options side by side ([`Problem`]), and the stages
//! whose part in a search is known in advance settled ([`Problem::settle`]).

use super::{Opt, Solution, INF};
use crate::engine::candidates::Wait;
use crate::engine::graph::Graph;

/// Some stages as the search sees them: whole flow-connected groups of the plan's stages,
/// renumbered so that every stage comes after the stages it reads from (positions follow the
/// graph's order), with their flows and live options side by side. Built once per set of pools,
/// searched once per set of targets (the platform RTO curve searches one up to eleven times).
#[derive(Debug, Clone, Default)]
pub(in crate::engine) struct Problem {
    /// The plan's index of the stage at each position.
    pub stage: Vec<usize>,
    /// The positions each position reads from, `up[up_start[p]..up_start[p + 1]]`, in the order
    /// of [`Graph::up`].
    pub(super) up_start: Vec<usize>,
    /// See `up_start`.
    pub(super) up: Vec<usize>,
    /// Each position's live options, `opts[live_start[p]..live_start[p + 1]]`; `option` holds
    /// their indices among the stage's options.
    pub(super) live_start: Vec<usize>,
    /// See `live_start`.
    pub(super) option: Vec<usize>,
    /// See `live_start`.
    pub(super) opts: Vec<Opt>,
    /// Each position's fastest completion (see [`Solution::fastest`]).
    pub(super) fastest: Vec<f64>,
    /// Whether any of its live options waits for its upstream stages.
    pub(super) waits: Vec<bool>,
    /// Positions whose search is known in advance (see [`Problem::settle`]), with the extra cost
    /// they ask for any deadline they can meet.
    pub(super) settled: Vec<Option<f64>>,
    /// The groups searched on their own: group `g` holds positions `bounds[g]..bounds[g + 1]`.
    pub(super) bounds: Vec<usize>,
}

impl Problem {
    /// The stages for which `keep` holds, with the pools and fastest completions of `prepared`
    /// (see [`Solver::prepare`](super::Solver::prepare)). `keep` must hold for whole flow-connected groups: flows from
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
