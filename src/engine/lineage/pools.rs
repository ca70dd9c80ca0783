//! Which options a stage weighs: its RPO pool ([`pool_rule`]) without the options another one
//! beats in every way the search cares about ([`dominates`]), and — when no recovery time is
//! asked, as on the platform RPO curve — each stage's cheapest option in its pool
//! ([`Preferences`]).

use super::{le, min, Opt, Options, INF};
use crate::engine::candidates::Wait;

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
/// short scan per RPO target (the platform RPO curve asks for the nine steps and every recovery point an option offers).
#[derive(Debug, Clone, Default)]
pub(in crate::engine) struct Preferences {
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

/// Whether option `a` is at least as good as `b` in every way the search cares about — no
/// dearer, back no later for any upstream completion, asking no more of its upstream — so `b`
/// can be left out. Of two equal options the first (`a_first`) stays.
pub(super) fn dominates(a: &Opt, b: &Opt, a_first: bool) -> bool {
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
