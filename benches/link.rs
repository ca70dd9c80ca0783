//! Share-link benchmark: link length for 6, 15, 40 and 100 stages, and encode/decode medians.
//! Run by `scripts/bench link`; figures go to docs/PERFORMANCE.md. Budget: 40 stages ≤ 2,000
//! characters.

use std::hint::black_box;
use std::time::Instant;

fn median_us(mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..101)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[50]
}

fn main() {
    println!("{:<22} {:>10} {:>12} {:>12}", "share link", "chars", "encode", "decode");
    for n in [6, 15, 40, 100] {
        let scenario = keel::model::synthetic(n);
        let link = keel::format::encode_link(&scenario);
        let encode = median_us(|| {
            black_box(keel::format::encode_link(black_box(&scenario)));
        });
        let decode = median_us(|| {
            let _ = black_box(keel::format::decode_link(black_box(&link)));
        });
        println!("{:<22} {:>10} {:>9.0} µs {:>9.0} µs", format!("{n} stages"), link.len(), encode, decode);
    }
}
