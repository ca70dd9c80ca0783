//! The search on worked cases, and its properties on small random platforms: exact against
//! brute force where every stage feeds at most one other, always feasible elsewhere. The
//! builders and the brute force are shared with the cost curves' tests.

use super::super::graph::Graph;
use super::*;
use crate::model::Flow;
use proptest::prelude::*;

/// The flows `edges` between stages `0..n` (named by their numbers).
pub(in crate::engine) fn graph(n: usize, edges: &[(usize, usize)]) -> Graph {
    let ids: Vec<String> = (0..n).map(|i| i.to_string()).collect();
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let flows: Vec<Flow> = edges.iter().map(|&(a, b)| Flow { from: a.to_string(), to: b.to_string() }).collect();
    Graph::build(&refs, &flows)
}

/// Options per stage, flat as the search takes them.
pub(in crate::engine) fn options(per_stage: &[Vec<Opt>]) -> Options {
    let mut out = Options { start: vec![0], opts: Vec::new() };
    for opts in per_stage {
        out.opts.extend_from_slice(opts);
        out.start.push(out.opts.len());
    }
    out
}

/// An option with recovery point 0: `fixed` minutes that do not wait and `variable` that do.
pub(in crate::engine) fn opt(wait: Wait, fixed: f64, variable: f64, cost: f64) -> Opt {
    Opt { cost, rpo: 0.0, wait, fixed, variable, own: fixed + variable }
}

/// The monthly cost of the options `pick`.
pub(in crate::engine) fn cost(options: &Options, pick: &[Option<usize>]) -> f64 {
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

/// Any option; one in twelve cannot recover the stage at all.
pub(in crate::engine) fn arb_opt() -> impl Strategy<Value = Opt> {
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
pub(in crate::engine) type Case = (Vec<Vec<Opt>>, Vec<(usize, usize)>, Vec<f64>);

/// A random [`Case`].
pub(in crate::engine) fn arb_case(forest: bool) -> impl Strategy<Value = Case> {
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
pub(in crate::engine) fn brute_force(g: &Graph, o: &Options, rto: &[f64]) -> (f64, Vec<f64>) {
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

/// The search's plan for a random case (no RPO asked) beside brute force's cheapest cost and
/// best completions.
fn solved_and_brute_force(
    opts: &[Vec<Opt>],
    edges: &[(usize, usize)],
    rto: &[f64],
) -> (Options, Solution, f64, Vec<f64>) {
    let g = graph(opts.len(), edges);
    let o = options(opts);
    let mut solution = Solution::default();
    Solver::default().solve(&g, &o, rto, &vec![INF; opts.len()], &mut solution);
    let (cheapest, best) = brute_force(&g, &o, rto);
    (o, solution, cheapest, best)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Where every stage feeds at most one other, the search finds the cheapest plan that
    /// brings every stage back by max(RTO, best possible), and "fastest" is the best possible.
    #[test]
    fn exact_where_each_stage_feeds_at_most_one((opts, edges, rto) in arb_case(true)) {
        let (o, solution, cheapest, best) = solved_and_brute_force(&opts, &edges, &rto);
        prop_assert_eq!(&solution.fastest, &best);
        prop_assert!((cost(&o, &solution.pick) - cheapest).abs() < 1e-9, "{} vs {}", cost(&o, &solution.pick), cheapest);
    }

    /// On any flow graph the plan is feasible: every stage back by max(RTO, best possible).
    #[test]
    fn always_feasible((opts, edges, rto) in arb_case(false)) {
        let (o, solution, cheapest, best) = solved_and_brute_force(&opts, &edges, &rto);
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
