//! Engine benchmark: the full recompute — `engine::plan`, which recommends, lays out the
//! pipeline, computes break-even and the cost curves — on synthetic platforms, native median.
//! Run by `scripts/bench` (`cargo bench --bench engine`); figures go to docs/PERFORMANCE.md.
//!
//! Goals: at most 1 ms for 200 stages, and the 1000-stage time at most 12 times the 100-stage
//! time (the engine must scale about linearly). Both are printed with the figures.
//!
//! Each size also prints the same plan without the platform's cost curves
//! (`engine::plan_without_curves`), which is what the web app runs until something shows them.
//!
//! For profiling: `KEEL_BENCH_SIZES=200 KEEL_BENCH_RUNS=20` limits the sizes and runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Goal for 200 stages, in milliseconds.
const GOAL_200_MS: f64 = 1.0;
/// Goal for the 1000-stage time over the 100-stage time.
const GOAL_RATIO: f64 = 12.0;

fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[times.len() / 2]
}

/// Prints the median of `runs` calls of `f` as a row labelled `label`, in total and per stage
/// (`n` stages), and returns it in milliseconds.
fn row(label: &str, n: usize, runs: usize, f: impl FnMut()) -> f64 {
    let ms = median_of(runs, f).as_secs_f64() * 1e3;
    println!("{label:<40} {ms:>9.3} ms {:>9.2} µs", ms * 1e3 / n as f64);
    ms
}

fn env_list(name: &str) -> Option<Vec<usize>> {
    let text = std::env::var(name).ok()?;
    Some(text.split(',').filter_map(|s| s.trim().parse().ok()).collect())
}

fn main() {
    let sizes = env_list("KEEL_BENCH_SIZES").unwrap_or_else(|| vec![10, 100, 200, 1000]);
    let runs_override = env_list("KEEL_BENCH_RUNS").and_then(|r| r.first().copied());
    println!("{:<40} {:>12} {:>12}", "engine: plan() = full recompute", "median", "per stage");
    let mut medians = Vec::new();
    for n in sizes {
        let scenario = keel::model::synthetic(n);
        // Warm up caches and the allocator.
        for _ in 0..5 {
            black_box(keel::engine::plan(black_box(&scenario)));
        }
        let runs = runs_override.unwrap_or(if n >= 1000 { 51 } else { 201 });
        let ms = row(&format!("recommend + pipeline + curves, {n} stages"), n, runs, || {
            black_box(keel::engine::plan(black_box(&scenario)));
        });
        medians.push((n, ms));
        // What the web app runs on every edit until the plots, the comparison or paper show the
        // curves (`engine::plan_without_curves`).
        row(&format!("  without the platform curves, {n} stages"), n, runs, || {
            black_box(keel::engine::plan_without_curves(black_box(&scenario)));
        });
    }
    let at = |n: usize| medians.iter().find(|(m, _)| *m == n).map(|(_, ms)| *ms);
    if let Some(ms) = at(200) {
        let verdict = if ms <= GOAL_200_MS { "met" } else { "MISSED" };
        println!("goal: 200 stages ≤ {GOAL_200_MS:.1} ms: {ms:.3} ms, {verdict}");
    }
    if let (Some(small), Some(large)) = (at(100), at(1000)) {
        let ratio = large / small;
        let verdict = if ratio <= GOAL_RATIO { "met" } else { "MISSED" };
        println!("goal: 1000 stages ≤ {GOAL_RATIO:.0} × 100 stages: {ratio:.1} ×, {verdict}");
    }
}
