//! One stable sort for the whole app. Each `sort_by` on a new element type or comparator
//! compiles to its own copy of the standard library's sort (≈ 3.5 KB of wasm each);
//! [`sort_by`] sorts indices with one shared, non-generic instance instead and then moves the
//! elements into place. Same order as `slice::sort_by`, equal elements included (stable).

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, exactly as `items.sort_by(compare)` would.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_indices(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)));
}

/// The indices `0..n` in the order `compare` gives them (stable). Not generic, so it is compiled
/// once.
#[inline(never)]
fn sorted_indices(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equals_in_order() {
        let original: Vec<(u8, usize)> = [3u8, 1, 2, 1, 3, 0, 2, 1].iter().copied().zip(0..).collect();
        let mut ours = original.clone();
        sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
        let mut std = original;
        std.sort_by_key(|a| a.0);
        assert_eq!(ours, std);
        let mut empty: Vec<u8> = Vec::new();
        sort_by(&mut empty, u8::cmp);
        assert!(empty.is_empty());
    }
}
