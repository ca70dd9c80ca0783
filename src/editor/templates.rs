//! What a platform can start from: the two guides' reference platforms (the plan files in
//! `examples/`, embedded and read with [`crate::format::decode`]) or an empty canvas; and, on
//! start, the synthetic platform `#bench=N` asks for (for `scripts/bench`).
//!
//! Share links (`#v1.…`) are opened by [`super::persist::arrival`], which asks this module
//! about `#bench=N` first.

use crate::format::decode;
use crate::model::{synthetic, Scenario};

/// The largest synthetic platform `#bench=N` builds.
pub const MAX_BENCH_STAGES: usize = 5000;

/// A starting point offered in the header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    /// Short name used in the list box.
    pub key: &'static str,
    /// What it is, in words.
    pub label: &'static str,
    /// The plan file, or `None` for the empty platform.
    file: Option<&'static str>,
}

/// Every template, in menu order.
pub const TEMPLATES: [Template; 3] = [
    Template { key: "empty", label: "Empty platform", file: None },
    Template {
        key: "lusty",
        label: "Backup and DR for Data Platforms: reference platform",
        file: Some(include_str!("../../examples/lusty-reference-platform.json")),
    },
    Template {
        key: "operations",
        label: "Data platform operations: reference platform",
        file: Some(include_str!("../../examples/operations-reference-platform.json")),
    },
];

impl Template {
    /// The template with `key`.
    pub fn find(key: &str) -> Option<&'static Template> {
        TEMPLATES.iter().find(|t| t.key == key)
    }

    /// The template's scenario.
    pub fn scenario(&self) -> Result<Scenario, String> {
        match self.file {
            None => Ok(Scenario::default()),
            Some(text) => decode(text).map(|(scenario, _)| scenario).map_err(|e| e.to_string()),
        }
    }
}

/// The scenario a page fragment asks for: `#bench=N`, a synthetic platform of N stages (for
/// `scripts/bench`). `None` when the fragment names none; an error says what is wrong.
pub fn from_fragment(fragment: &str) -> Option<Result<Scenario, String>> {
    let fragment = fragment.trim().trim_start_matches('#');
    if let Some(n) = fragment.strip_prefix("bench=") {
        return Some(match n.parse::<usize>() {
            Ok(n) if n <= MAX_BENCH_STAGES => Ok(synthetic(n)),
            _ => Err(format!("#bench= takes a number of stages up to {MAX_BENCH_STAGES}")),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Severity;

    #[test]
    fn every_template_loads_and_is_valid() {
        let counts: Vec<(&str, usize)> = TEMPLATES
            .iter()
            .map(|t| {
                let s = t.scenario().unwrap_or_else(|e| panic!("{}: {e}", t.key));
                assert!(!s.validate().iter().any(|d| d.severity == Severity::Error), "{}", t.key);
                (t.key, s.stages.len())
            })
            .collect();
        assert_eq!(counts, [("empty", 0), ("lusty", 14), ("operations", 11)]);
        assert_eq!(Template::find("lusty").map(|t| t.key), Some("lusty"));
        assert_eq!(Template::find("nope"), None);
    }

    #[test]
    fn fragments_name_a_bench_platform() {
        assert_eq!(from_fragment(""), None);
        assert_eq!(from_fragment("#section"), None);
        let bench = from_fragment("#bench=200").and_then(Result::ok).expect("a platform");
        assert_eq!(bench.stages.len(), 200);
        assert!(from_fragment("#bench=99999").is_some_and(|r| r.is_err()));
        assert!(from_fragment("#bench=lots").is_some_and(|r| r.is_err()));
        assert_eq!(from_fragment("#bench=0").and_then(Result::ok).map(|s| s.stages.len()), Some(0));
    }
}
