//! The flow graph of the planned stages: a topological order and upstream/downstream lists.
//!
//! Built once per plan from the scenario's flows between stages that are planned (stages with
//! errors of their own are left out, and so are flows naming them). Repeated flows count once
//! and self-loops are ignored. A cycle is an error the validator reports; the graph stays
//! usable anyway: stages on a cycle follow the others in scenario order, and a flow that would
//! point backwards in that order is ignored, so every pass over the graph terminates.

use crate::ids::IdIndex;
use crate::model::Flow;

/// Stages as indices into the plan's stage list, with their flows in compressed form.
#[derive(Debug, Clone, Default)]
pub(super) struct Graph {
    /// Every stage index, upstream stages before the stages that read from them.
    pub order: Vec<usize>,
    up_start: Vec<usize>,
    up: Vec<usize>,
    down_start: Vec<usize>,
    down: Vec<usize>,
}

impl Graph {
    /// The graph of `ids` (the planned stages, in plan order) connected by `flows`.
    pub fn build(ids: &[&str], flows: &[Flow]) -> Graph {
        let n = ids.len();
        let mut index: IdIndex<&str> = IdIndex::with_capacity(n);
        for (i, id) in ids.iter().enumerate() {
            index.insert_first(id, i);
        }
        let mut edges: Vec<(usize, usize)> = flows
            .iter()
            .filter_map(|f| Some((index.get(f.from.as_str())?, index.get(f.to.as_str())?)))
            .filter(|(a, b)| a != b)
            .collect();
        edges.sort_unstable();
        edges.dedup();

        // Kahn's algorithm, taking ready stages in plan order.
        let mut indegree = vec![0usize; n];
        let mut out_start = vec![0usize; n + 1];
        for &(a, b) in &edges {
            indegree[b] += 1;
            out_start[a + 1] += 1;
        }
        for i in 0..n {
            out_start[i + 1] += out_start[i];
        }
        let mut order = Vec::with_capacity(n);
        let mut placed = vec![false; n];
        let mut ready: std::collections::VecDeque<usize> = (0..n).filter(|&i| indegree[i] == 0).collect();
        while let Some(s) = ready.pop_front() {
            order.push(s);
            placed[s] = true;
            // `edges` is sorted by source, so s's flows are one slice.
            for &(_, b) in &edges[out_start[s]..out_start[s + 1]] {
                indegree[b] -= 1;
                if indegree[b] == 0 {
                    ready.push_back(b);
                }
            }
        }
        // Stages on a cycle (or downstream of one) come last, in plan order.
        order.extend((0..n).filter(|&i| !placed[i]));
        let mut position = vec![0usize; n];
        for (p, &s) in order.iter().enumerate() {
            position[s] = p;
        }
        edges.retain(|&(a, b)| position[a] < position[b]);

        let (down_start, down) = compress(n, edges.iter().copied());
        let (up_start, up) = compress(n, edges.iter().map(|&(a, b)| (b, a)));
        Graph { order, up_start, up, down_start, down }
    }

    /// The stages `s` reads from directly.
    #[inline(always)]
    pub fn up(&self, s: usize) -> &[usize] {
        match self.up_start.get(s..s + 2) {
            Some(&[a, b]) => self.up.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The stages that read from `s` directly.
    #[inline]
    pub fn down(&self, s: usize) -> &[usize] {
        match self.down_start.get(s..s + 2) {
            Some(&[a, b]) => self.down.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// Number of stages.
    pub fn len(&self) -> usize {
        self.order.len()
    }
}

/// Adjacency lists in compressed form: `start[i]..start[i + 1]` indexes `i`'s neighbours.
fn compress(n: usize, pairs: impl Iterator<Item = (usize, usize)> + Clone) -> (Vec<usize>, Vec<usize>) {
    let mut start = vec![0usize; n + 1];
    for (a, _) in pairs.clone() {
        start[a + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut list = vec![0usize; start[n]];
    for (a, b) in pairs {
        list[fill[a]] = b;
        fill[a] += 1;
    }
    for i in 0..n {
        list[start[i]..start[i + 1]].sort_unstable();
    }
    (start, list)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(a: &str, b: &str) -> Flow {
        Flow { from: a.into(), to: b.into() }
    }

    #[test]
    fn orders_upstream_first_and_lists_neighbours() {
        let g = Graph::build(&["c", "a", "b"], &[flow("a", "b"), flow("b", "c"), flow("a", "c"), flow("a", "b")]);
        assert_eq!(g.order, vec![1, 2, 0]);
        assert_eq!(g.up(0), &[1, 2]);
        assert_eq!(g.down(1), &[0, 2]);
        assert_eq!(g.up(1), &[] as &[usize]);
    }

    #[test]
    fn cycles_self_loops_and_unknown_stages_do_not_break_it() {
        let g = Graph::build(
            &["a", "b", "c", "d"],
            &[flow("a", "b"), flow("b", "c"), flow("c", "b"), flow("c", "c"), flow("x", "d"), flow("d", "c")],
        );
        assert_eq!(g.order.len(), 4);
        assert_eq!(g.order[..2], [0, 3]);
        // Every kept flow points forwards in the order.
        let pos = |s: usize| g.order.iter().position(|&x| x == s).unwrap_or(usize::MAX);
        for s in 0..4 {
            for &u in g.up(s) {
                assert!(pos(u) < pos(s), "{u} → {s}");
            }
        }
    }
}
