//! Engine benchmark: `plan` on synthetic scenarios of 10 to 1000 stages, native median.
//! Run by `scripts/bench`; figures go to docs/PERFORMANCE.md. Goal: at most 1 ms for 200 stages.

use std::hint::black_box;
use std::time::{Duration, Instant};

fn median_of(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    times[runs / 2]
}

fn main() {
    println!("{:<28} {:>12} {:>12}", "engine: plan()", "median", "per stage");
    for n in [10, 100, 200, 1000] {
        let scenario = keel::model::synthetic(n);
        // Warm up caches and the allocator.
        for _ in 0..5 {
            black_box(keel::engine::plan(black_box(&scenario)));
        }
        let runs = if n >= 1000 { 51 } else { 201 };
        let median = median_of(runs, || {
            black_box(keel::engine::plan(black_box(&scenario)));
        });
        println!(
            "{:<28} {:>9.3} ms {:>9.2} µs",
            format!("recommend, {n} stages"),
            median.as_secs_f64() * 1e3,
            median.as_secs_f64() * 1e6 / n as f64
        );
    }
}
