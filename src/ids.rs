//! Stage ids looked up on every plan: validation, the flow graph and the warnings each map ids
//! (and flows) to stages. A small open-addressing table with a fixed hasher, written as plain
//! index loops: the standard `HashMap`'s keyed hasher and probing code (at opt-level "z") cost
//! more than the lookups themselves. It sits below both the model (validation) and the engine,
//! so that the model need not import the engine.
//!
//! Collisions only cost time, never correctness: keys are always compared in full.

/// A key the table can hold: hashed with FNV-1a and a full avalanche, compared in full.
pub trait IdKey: Copy + PartialEq {
    /// The key's hash.
    fn id_hash(&self) -> u64;
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0100_0000_01b3;

fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
    }
    h
}

/// MurmurHash3's finaliser: every bit of the result depends on every bit of `h`.
fn avalanche(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

impl IdKey for &str {
    fn id_hash(&self) -> u64 {
        avalanche(fnv(FNV_OFFSET, self.as_bytes()))
    }
}

impl IdKey for (&str, &str) {
    fn id_hash(&self) -> u64 {
        // The length of the first keeps ("ab", "c") and ("a", "bc") apart.
        let h = fnv(FNV_OFFSET, &(self.0.len() as u64).to_le_bytes());
        avalanche(fnv(fnv(h, self.0.as_bytes()), self.1.as_bytes()))
    }
}

/// Keys to indices (stage indices, usually). Keeps its entries in insertion order.
#[derive(Debug, Clone)]
pub struct IdIndex<K> {
    keys: Vec<K>,
    values: Vec<usize>,
    /// Open addressing with linear probing: 0 = empty, otherwise an entry's index + 1. Always a
    /// power of two, at least twice the number of entries.
    table: Vec<u32>,
}

impl<K: IdKey> IdIndex<K> {
    /// An empty index with room for `n` keys.
    pub fn with_capacity(n: usize) -> Self {
        let size = n.saturating_mul(2).max(8).next_power_of_two();
        IdIndex { keys: Vec::with_capacity(n), values: Vec::with_capacity(n), table: vec![0; size] }
    }

    /// Where `key` is in the table, or the empty slot where it would go.
    fn slot(&self, key: K) -> (usize, Option<usize>) {
        let mask = self.table.len() - 1;
        let mut at = (key.id_hash() as usize) & mask;
        loop {
            let entry = self.table[at] as usize;
            if entry == 0 {
                return (at, None);
            }
            if entry - 1 < self.keys.len() && self.keys[entry - 1] == key {
                return (at, Some(entry - 1));
            }
            at = (at + 1) & mask;
        }
    }

    fn add(&mut self, at: usize, key: K, value: usize) {
        self.keys.push(key);
        self.values.push(value);
        self.table[at] = u32::try_from(self.keys.len()).unwrap_or(u32::MAX);
        if self.keys.len() * 2 >= self.table.len() {
            self.grow();
        }
    }

    fn grow(&mut self) {
        let size = self.table.len() * 2;
        self.table = vec![0; size];
        let mask = size - 1;
        for (e, key) in self.keys.iter().enumerate() {
            let mut at = (key.id_hash() as usize) & mask;
            while self.table[at] != 0 {
                at = (at + 1) & mask;
            }
            self.table[at] = u32::try_from(e + 1).unwrap_or(u32::MAX);
        }
    }

    /// Sets `key` to `value`; returns the value it had.
    pub fn insert(&mut self, key: K, value: usize) -> Option<usize> {
        match self.slot(key) {
            (_, Some(e)) => Some(std::mem::replace(&mut self.values[e], value)),
            (at, None) => {
                self.add(at, key, value);
                None
            }
        }
    }

    /// Sets `key` to `value` unless it has one already; returns whether it was new.
    pub fn insert_first(&mut self, key: K, value: usize) -> bool {
        match self.slot(key) {
            (_, Some(_)) => false,
            (at, None) => {
                self.add(at, key, value);
                true
            }
        }
    }

    /// The value of `key`.
    pub fn get(&self, key: K) -> Option<usize> {
        self.slot(key).1.map(|e| self.values[e])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    proptest! {
        /// The index answers as a `HashMap` does, however the keys collide.
        #[test]
        fn behaves_like_a_map(ops in proptest::collection::vec((0usize..40, 0usize..1000, any::<bool>()), 0..300)) {
            let names: Vec<String> = (0..40).map(|i| format!("s{}", i * 7)).collect();
            let mut index = IdIndex::with_capacity(2);
            let mut map: HashMap<&str, usize> = HashMap::new();
            for (k, v, first) in ops {
                let key = names[k].as_str();
                if first {
                    let new = !map.contains_key(key);
                    map.entry(key).or_insert(v);
                    prop_assert_eq!(index.insert_first(key, v), new);
                } else {
                    prop_assert_eq!(index.insert(key, v), map.insert(key, v));
                }
                for name in &names {
                    prop_assert_eq!(index.get(name.as_str()), map.get(name.as_str()).copied());
                }
            }
        }
    }

    #[test]
    fn pairs_keep_their_ends_apart() {
        let mut index = IdIndex::with_capacity(4);
        assert_eq!(index.insert(("ab", "c"), 1), None);
        assert_eq!(index.insert(("a", "bc"), 2), None);
        assert_eq!(index.get(("ab", "c")), Some(1));
        assert_eq!(index.get(("a", "bc")), Some(2));
        assert_eq!(index.insert(("a", "bc"), 3), Some(2));
    }
}
