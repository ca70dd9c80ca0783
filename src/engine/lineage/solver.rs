//! The search itself ([`Solver`]): steps 1 and 2 per set of RPO targets
//! ([`Solver::prepare`]), steps 3 and 4 per set of RTO targets ([`Solver::choose`],
//! [`Solver::search`]), with each stage's deadlines in fixed-size [`Slots`] and buffers reused
//! between searches.

use super::pools::{dominates, pool_rule};
use super::{at_or, le, max, min, reset, Options, Problem, Solution, EPS, INF, SLOTS};
use crate::engine::graph::Graph;

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
pub(in crate::engine) struct Solver {
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
