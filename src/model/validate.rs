//! Checks a scenario and reports every problem as a diagnostic that names the stage and field.

use super::{LoadPattern, Scenario, StageKind};
use crate::ids::IdIndex;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The scenario cannot be planned as it is (the CLI exits 1).
    Error,
    /// Planned, but something was ignored or assumed.
    Warning,
}

/// A problem with the input, located by a path such as `stages[2].volume_gb`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Where: a JSON-path-like location in the scenario (`stages[2].volume_gb`, `flows[0].to`).
    pub path: String,
    /// The id of the stage concerned, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stage: Option<String>,
    /// What is wrong, in plain words.
    pub message: String,
}

impl Diagnostic {
    /// An error at `path`.
    pub fn error(path: impl Into<String>, stage: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            stage: stage.map(str::to_string),
            message: message.into(),
        }
    }

    /// A warning at `path`.
    pub fn warning(path: impl Into<String>, stage: Option<&str>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            path: path.into(),
            stage: stage.map(str::to_string),
            message: message.into(),
        }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.stage {
            Some(id) => write!(f, "{level}: {} (stage \"{id}\"): {}", self.path, self.message),
            None => write!(f, "{level}: {}: {}", self.path, self.message),
        }
    }
}

/// Largest volume Keel accepts for one stage: 1 EB, far beyond any real platform.
pub const MAX_VOLUME_GB: f64 = 1.0e9;

/// Longest refresh interval Keel accepts: a year (366 days), in minutes.
pub const MAX_REFRESH_MINUTES: u32 = 366 * 24 * 60;

/// Longest detection delay Keel accepts for a corruption: ten years, in days.
pub const MAX_DETECTION_DELAY_DAYS: u32 = 3650;

fn detection_delay_error(path: String, stage: Option<&str>, days: u32) -> Option<Diagnostic> {
    (days > MAX_DETECTION_DELAY_DAYS).then(|| {
        Diagnostic::error(
            path,
            stage,
            format!(
                "{days} days is out of range: use 0 to {MAX_DETECTION_DELAY_DAYS} (leave it out for found at once)"
            ),
        )
    })
}

/// Most days a recent-data target may cover: ten years.
pub const MAX_RECENT_DAYS: u32 = 3650;

fn recent_days_error(path: String, stage: Option<&str>, days: u32) -> Option<Diagnostic> {
    (days == 0 || days > MAX_RECENT_DAYS).then(|| {
        Diagnostic::error(
            path,
            stage,
            format!("{days} days is out of range: use 1 to {MAX_RECENT_DAYS} (leave `recent` out for no recent-data target)"),
        )
    })
}

/// What is wrong with a stage's recent-data target as it stands beside the rest of the stage:
/// set where it means nothing, or a hot window that restores fewer days first than it covers.
fn recent_problems(scenario: &Scenario, stage: &crate::model::Stage, i: usize, out: &mut Vec<Diagnostic>) {
    let id = Some(stage.id.as_str());
    if stage.recent.is_some() && !stage.kind.serves_recent_data() {
        out.push(Diagnostic::warning(
            format!("stages[{i}].recent"),
            id,
            format!(
                "is ignored on a {} stage: a recent-data target is for stages that hold or serve data",
                stage.kind.label().to_lowercase()
            ),
        ));
    }
    let Some(recent) = scenario.recent_of(stage) else { return };
    if let Some(hot) = stage.hot_window_days.filter(|&h| h < recent.days && recent.days <= MAX_RECENT_DAYS) {
        out.push(Diagnostic::warning(
            format!("stages[{i}].hot_window_days"),
            id,
            format!(
                "restores {hot} days first, fewer than the {} days of its recent-data target: those days are judged \
                 only when the stage is complete. Set the hot window to {} days or more, or leave it out to restore \
                 the recent target's days first",
                recent.days, recent.days
            ),
        ));
    }
}

impl Scenario {
    /// Every problem with the scenario; empty when it can be planned as it is.
    pub fn validate(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        if self.span_months == 0 || self.span_months > 600 {
            out.push(Diagnostic::error(
                "span_months",
                None,
                format!("{} months is out of range: use 1 to 600", self.span_months),
            ));
        }
        if !(self.disasters_per_year.is_finite() && (0.0..=365.0).contains(&self.disasters_per_year)) {
            out.push(Diagnostic::error("disasters_per_year", None, "must be a number from 0 to 365"));
        }
        if let Some(rates) = self.incidents_per_year {
            for (field, v) in [("data_corruption", rates.data_corruption), ("region_outage", rates.region_outage)] {
                if !(v.is_finite() && (0.0..=365.0).contains(&v)) {
                    out.push(Diagnostic::error(
                        format!("incidents_per_year.{field}"),
                        None,
                        "must be a number from 0 to 365",
                    ));
                }
            }
        }
        if let Some(days) = self.detection_delay_days {
            out.extend(detection_delay_error("detection_delay_days".into(), None, days));
        }
        if let Some(recent) = self.recent {
            out.extend(recent_days_error("recent.days".into(), None, recent.days));
        }
        if self.currency.trim().is_empty() {
            out.push(Diagnostic::error("currency", None, "is empty: give a currency code such as USD"));
        }
        for (key, value) in &self.overrides {
            if !value.is_finite() || *value < 0.0 {
                out.push(Diagnostic::error(format!("overrides.{key}"), None, "must be a number of zero or more"));
            }
        }

        // Every id, to the last stage that has it (what the cycle search follows).
        let mut index: IdIndex<&str> = IdIndex::with_capacity(self.stages.len());
        for (i, stage) in self.stages.iter().enumerate() {
            let id = stage.id.as_str();
            let at = |field: &str| format!("stages[{i}].{field}");
            let repeated = index.insert(id, i).is_some();
            if id.trim().is_empty() {
                out.push(Diagnostic::error(at("id"), None, "is empty: every stage needs an id"));
            } else if repeated {
                out.push(Diagnostic::error(at("id"), Some(id), format!("\"{id}\" is used by another stage too")));
            }
            let mut amount = |field: &str, value: f64, max: f64| {
                if !value.is_finite() || value < 0.0 {
                    out.push(Diagnostic::error(at(field), Some(id), format!("{value} is negative or not a number")));
                } else if value > max {
                    out.push(Diagnostic::error(at(field), Some(id), format!("{value} is larger than {max}")));
                }
            };
            amount("volume_gb", stage.volume_gb, MAX_VOLUME_GB);
            amount("daily_change_gb", stage.daily_change_gb, MAX_VOLUME_GB);
            if let Some(c) = stage.compute_monthly {
                amount("compute_monthly", c, 1.0e12);
            }
            if let LoadPattern::PartitionedIncremental { partition_gb: Some(p) } = stage.load {
                amount("load.partition_gb", p, MAX_VOLUME_GB);
            }
            if let Some(t) = stage.reprocess_tb_per_hour {
                if !t.is_finite() || t <= 0.0 {
                    out.push(Diagnostic::error(at("reprocess_tb_per_hour"), Some(id), "must be more than zero"));
                }
            }
            if let Some(t) = stage.read_limit_tb_per_hour {
                if !t.is_finite() || t <= 0.0 {
                    out.push(Diagnostic::error(
                        at("read_limit_tb_per_hour"),
                        Some(id),
                        "must be more than zero (leave it out for no limit)",
                    ));
                } else if stage.kind != StageKind::SystemOfRecord {
                    out.push(Diagnostic::warning(
                        at("read_limit_tb_per_hour"),
                        Some(id),
                        "is read only on a system of record; ignored here",
                    ));
                }
            }
            if let Some(days) = stage.detection_delay_days {
                out.extend(detection_delay_error(at("detection_delay_days"), Some(id), days));
            }
            if let Some(recent) = stage.recent {
                out.extend(recent_days_error(at("recent.days"), Some(id), recent.days));
            }
            recent_problems(self, stage, i, &mut out);
            if let Some(m) = stage.refresh_minutes {
                if m == 0 || m > MAX_REFRESH_MINUTES {
                    out.push(Diagnostic::error(
                        at("refresh_minutes"),
                        Some(id),
                        format!(
                            "{m} is out of range: use 1 minute to 366 days (leave it out for streaming or unknown)"
                        ),
                    ));
                }
            }
            if !(stage.pos.x.is_finite() && stage.pos.y.is_finite()) {
                out.push(Diagnostic::error(at("pos"), Some(id), "is not a finite position"));
            }
            if stage.daily_change_gb > stage.volume_gb && stage.kind.holds_data() && stage.volume_gb > 0.0 {
                out.push(Diagnostic::warning(
                    at("daily_change_gb"),
                    Some(id),
                    "is larger than the stage's volume; check the units (both are GB)",
                ));
            }
        }

        let mut pairs: IdIndex<(&str, &str)> = IdIndex::with_capacity(self.flows.len());
        for (i, flow) in self.flows.iter().enumerate() {
            for (field, end) in [("from", &flow.from), ("to", &flow.to)] {
                if index.get(end.as_str()).is_none() {
                    out.push(Diagnostic::error(
                        format!("flows[{i}].{field}"),
                        Some(end),
                        format!("names stage \"{end}\", which does not exist"),
                    ));
                }
            }
            if flow.from == flow.to {
                out.push(Diagnostic::error(format!("flows[{i}]"), Some(&flow.from), "connects a stage to itself"));
            } else if !pairs.insert_first((flow.from.as_str(), flow.to.as_str()), i) {
                out.push(Diagnostic::warning(
                    format!("flows[{i}]"),
                    Some(&flow.from),
                    format!("repeats the flow {} → {}", flow.from, flow.to),
                ));
            }
        }
        if let Some(cycle) = find_cycle(self, &index) {
            out.push(Diagnostic::error(
                "flows",
                cycle.first().map(String::as_str),
                format!("form a cycle: {}; data must flow one way", cycle.join(" → ")),
            ));
        }
        out
    }

    /// Whether [`Scenario::validate`] reports any error.
    pub fn has_errors(&self) -> bool {
        self.validate().iter().any(|d| d.severity == Severity::Error)
    }

    /// Whether adding a flow `from → to` would close a cycle (or is a self-loop).
    pub fn flow_would_cycle(&self, from: &str, to: &str) -> bool {
        if from == to {
            return true;
        }
        // A cycle appears if `from` is reachable from `to`.
        let mut stack = vec![to];
        let mut seen = HashSet::new();
        while let Some(at) = stack.pop() {
            if at == from {
                return true;
            }
            if seen.insert(at) {
                stack.extend(self.downstream_of(at));
            }
        }
        false
    }
}

/// One cycle among valid flows (self-loops excluded: they are reported on their own), closed:
/// the first id is repeated at the end. Works on indices, not strings: it runs on every plan.
/// `index` maps every id to the last stage that has it.
fn find_cycle(scenario: &Scenario, index: &IdIndex<&str>) -> Option<Vec<String>> {
    let n = scenario.stages.len();
    // Each stage's successors, in flow order: `list[start[a]..start[a + 1]]`.
    let edges: Vec<(usize, usize)> = scenario
        .flows
        .iter()
        .filter(|f| f.from != f.to)
        .filter_map(|f| Some((index.get(f.from.as_str())?, index.get(f.to.as_str())?)))
        .collect();
    let mut start = vec![0usize; n + 1];
    for &(a, _) in &edges {
        start[a + 1] += 1;
    }
    for i in 0..n {
        start[i + 1] += start[i];
    }
    let mut fill = start.clone();
    let mut list = vec![0usize; edges.len()];
    for &(a, b) in &edges {
        list[fill[a]] = b;
        fill[a] += 1;
    }
    let next = |a: usize| &list[start[a]..start[a + 1]];
    // Iterative depth-first search with colours: 0 = unseen, 1 = on the path, 2 = done.
    let mut colour = vec![0u8; n];
    let mut path: Vec<(usize, usize)> = Vec::new();
    for first in 0..n {
        if colour[first] != 0 || next(first).is_empty() {
            continue;
        }
        path.push((first, 0));
        colour[first] = 1;
        while let Some(&(node, child)) = path.last() {
            if let Some(&c) = next(node).get(child) {
                if let Some(last) = path.last_mut() {
                    last.1 += 1;
                }
                match colour[c] {
                    1 => {
                        let begin = path.iter().position(|(p, _)| *p == c).unwrap_or(0);
                        let mut cycle: Vec<String> =
                            path[begin..].iter().map(|(p, _)| scenario.stages[*p].id.clone()).collect();
                        cycle.push(scenario.stages[c].id.clone());
                        return Some(cycle);
                    }
                    0 => {
                        colour[c] = 1;
                        path.push((c, 0));
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                path.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Flow, Stage, StageKind};

    fn scenario(ids: &[&str], flows: &[(&str, &str)]) -> Scenario {
        Scenario {
            stages: ids.iter().map(|id| Stage::new(*id, StageKind::Curated)).collect(),
            flows: flows.iter().map(|(a, b)| Flow { from: a.to_string(), to: b.to_string() }).collect(),
            ..Scenario::default()
        }
    }

    #[test]
    fn a_diamond_is_not_a_cycle_but_a_loop_is_named_in_order() {
        let diamond = scenario(&["a", "b", "c", "d"], &[("a", "b"), ("a", "c"), ("b", "d"), ("c", "d")]);
        let cycle = |s: &Scenario| {
            let mut index = IdIndex::with_capacity(s.stages.len());
            for (i, st) in s.stages.iter().enumerate() {
                index.insert(st.id.as_str(), i);
            }
            find_cycle(s, &index)
        };
        assert_eq!(cycle(&diamond), None);
        assert!(!diamond.has_errors());
        let looped = scenario(&["a", "b", "c", "d"], &[("a", "b"), ("b", "c"), ("c", "d"), ("d", "b")]);
        assert_eq!(cycle(&looped), Some(vec!["b".into(), "c".into(), "d".into(), "b".into()]));
        // Flows to unknown stages are reported on their own and do not confuse the search.
        let dangling = scenario(&["a"], &[("a", "ghost"), ("ghost", "a")]);
        assert_eq!(cycle(&dangling), None);
    }

    #[test]
    fn refresh_intervals_of_zero_or_beyond_a_year_are_named() {
        let mut s = scenario(&["a", "b", "c", "d"], &[]);
        s.stages[0].refresh_minutes = Some(0);
        s.stages[1].refresh_minutes = Some(MAX_REFRESH_MINUTES + 1);
        s.stages[2].refresh_minutes = Some(MAX_REFRESH_MINUTES);
        s.stages[3].refresh_minutes = Some(1);
        let found: Vec<(String, Option<String>, Severity)> =
            s.validate().into_iter().map(|d| (d.path, d.stage, d.severity)).collect();
        assert_eq!(
            found,
            vec![
                ("stages[0].refresh_minutes".to_string(), Some("a".to_string()), Severity::Error),
                ("stages[1].refresh_minutes".to_string(), Some("b".to_string()), Severity::Error),
            ]
        );
        assert!(s.validate()[0].message.contains("leave it out for streaming"), "{}", s.validate()[0].message);
    }

    /// A recent-data target's days are named where they are out of range; a target on a kind it
    /// means nothing for, and a hot window shorter than the days, are warnings at their place.
    #[test]
    fn recent_targets_are_checked_where_they_are_set() {
        let mut s = scenario(&["a", "b", "c", "d"], &[]);
        let targets = s.targets;
        let recent = |days| Some(crate::model::RecentTargets::from_targets(days, targets));
        s.recent = recent(0);
        s.stages[0].recent = recent(MAX_RECENT_DAYS + 1);
        s.stages[1].kind = StageKind::SystemOfRecord;
        s.stages[1].recent = recent(7);
        s.stages[2].recent = recent(7);
        s.stages[2].hot_window_days = Some(3);
        s.stages[3].recent = recent(7);
        s.stages[3].hot_window_days = Some(7);
        let found: Vec<(String, Option<String>, Severity)> =
            s.validate().into_iter().map(|d| (d.path, d.stage, d.severity)).collect();
        assert_eq!(
            found,
            vec![
                ("recent.days".to_string(), None, Severity::Error),
                ("stages[0].recent.days".to_string(), Some("a".to_string()), Severity::Error),
                ("stages[1].recent".to_string(), Some("b".to_string()), Severity::Warning),
                ("stages[2].hot_window_days".to_string(), Some("c".to_string()), Severity::Warning),
            ]
        );
        let messages: Vec<String> = s.validate().into_iter().map(|d| d.message).collect();
        assert!(messages[0].contains("use 1 to 3650"), "{}", messages[0]);
        assert!(messages[2].contains("ignored on a system of record"), "{}", messages[2]);
        assert!(messages[3].contains("restores 3 days first, fewer than the 7 days"), "{}", messages[3]);
        // The scenario's target reaches a stage that sets none, and its hot window is checked too.
        s.recent = recent(14);
        s.stages[0].recent = None;
        s.stages[0].hot_window_days = Some(7);
        assert!(s.validate().iter().any(|d| d.path == "stages[0].hot_window_days"), "{:?}", s.validate());
    }

    #[test]
    fn read_limits_must_be_positive_and_belong_to_a_system_of_record() {
        let mut s = scenario(&["a", "b", "c", "d"], &[]);
        for stage in &mut s.stages[..3] {
            stage.kind = StageKind::SystemOfRecord;
        }
        s.stages[0].read_limit_tb_per_hour = Some(0.0);
        s.stages[1].read_limit_tb_per_hour = Some(f64::NAN);
        s.stages[2].read_limit_tb_per_hour = Some(0.25);
        s.stages[3].read_limit_tb_per_hour = Some(0.25);
        let found: Vec<(String, Option<String>, Severity)> =
            s.validate().into_iter().map(|d| (d.path, d.stage, d.severity)).collect();
        assert_eq!(
            found,
            vec![
                ("stages[0].read_limit_tb_per_hour".to_string(), Some("a".to_string()), Severity::Error),
                ("stages[1].read_limit_tb_per_hour".to_string(), Some("b".to_string()), Severity::Error),
                ("stages[3].read_limit_tb_per_hour".to_string(), Some("d".to_string()), Severity::Warning),
            ]
        );
    }

    #[test]
    fn detection_delays_beyond_ten_years_are_named() {
        let mut s = scenario(&["a", "b", "c"], &[]);
        s.detection_delay_days = Some(MAX_DETECTION_DELAY_DAYS + 1);
        s.stages[0].detection_delay_days = Some(u32::MAX);
        s.stages[1].detection_delay_days = Some(0);
        s.stages[2].detection_delay_days = Some(MAX_DETECTION_DELAY_DAYS);
        let found: Vec<(String, Option<String>, Severity)> =
            s.validate().into_iter().map(|d| (d.path, d.stage, d.severity)).collect();
        assert_eq!(
            found,
            vec![
                ("detection_delay_days".to_string(), None, Severity::Error),
                ("stages[0].detection_delay_days".to_string(), Some("a".to_string()), Severity::Error),
            ]
        );
        assert!(s.validate()[0].message.contains("use 0 to 3650"), "{}", s.validate()[0].message);
    }

    #[test]
    fn flow_would_cycle_sees_indirect_loops() {
        let s = scenario(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
        assert!(s.flow_would_cycle("c", "a") && s.flow_would_cycle("b", "b"));
        assert!(!s.flow_would_cycle("a", "c"));
    }
}
