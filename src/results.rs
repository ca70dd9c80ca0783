//! The results table as data: one row per planned stage for a disruption type — what to keep,
//! how it comes back, what it achieves against its targets, what it costs and why — sorted the
//! way the user asked. The web app's results pane renders these rows; nothing here draws.

mod view;

pub use view::{ResultsTab, ResultsView};

use crate::engine::{Plan, Recommendation};
use crate::model::{Disruption, Scenario};
use std::cmp::Ordering;

/// A column the table can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Column {
    /// The stage's name.
    Stage,
    /// How recovery points are kept.
    Backup,
    /// How the stage comes back.
    Strategy,
    /// Recovery point achieved along the flows (upstream included).
    Rpo,
    /// When the stage is back, along the flows.
    Rto,
    /// Monthly cost of this protection.
    Cost,
    /// Targets missed first (the default: what needs attention on top): a full-history target
    /// missed, then only a recent-data target missed, then every target met.
    #[default]
    Status,
}

impl Column {
    /// Every column, in table order.
    pub const ALL: [Column; 7] =
        [Column::Stage, Column::Status, Column::Backup, Column::Strategy, Column::Rpo, Column::Rto, Column::Cost];

    /// A short name for CSS classes and tests.
    pub fn key(self) -> &'static str {
        match self {
            Column::Stage => "stage",
            Column::Backup => "backup",
            Column::Strategy => "strategy",
            Column::Rpo => "rpo",
            Column::Rto => "rto",
            Column::Cost => "cost",
            Column::Status => "status",
        }
    }

    /// The column's heading.
    pub fn label(self) -> &'static str {
        match self {
            Column::Stage => "Stage",
            Column::Backup => "Backup",
            Column::Strategy => "Recovery",
            Column::Rpo => "RPO achieved / target",
            Column::Rto => "Back after / RTO",
            Column::Cost => "Monthly cost",
            Column::Status => "Targets",
        }
    }
}

/// How the table is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Sort {
    /// By which column.
    pub column: Column,
    /// Largest (or last, or worst) first.
    pub descending: bool,
}

impl Sort {
    /// The sort after a click on `column`'s heading: the same column flips its direction,
    /// another starts ascending (cost starts with the dearest).
    pub fn clicked(self, column: Column) -> Sort {
        if self.column == column {
            Sort { column, descending: !self.descending }
        } else {
            Sort { column, descending: column == Column::Cost }
        }
    }
}

/// One stage's line in the table.
#[derive(Debug, Clone, PartialEq)]
pub struct Row<'a> {
    /// The stage's id.
    pub id: &'a str,
    /// Its label, or its id.
    pub name: &'a str,
    /// Its kind, in words.
    pub kind: &'static str,
    /// The recommendation.
    pub rec: &'a Recommendation,
    /// The name of the upstream stage its data comes from when that recovers to an older point
    /// than the stage's own (see `Plan::rpo_limited_by`).
    pub rpo_from: Option<&'a str>,
}

impl Row<'_> {
    /// Whether every target is met, the recent-data target included.
    pub fn meets(&self) -> bool {
        self.rec.meets()
    }

    /// How the row stands, worst first: 0 a full-history target is missed, 1 only the
    /// recent-data target is missed, 2 every target is met.
    pub fn standing(&self) -> u8 {
        if !(self.rec.meets_rpo && self.rec.meets_rto) {
            0
        } else if self.rec.misses_recent() {
            1
        } else {
            2
        }
    }
}

/// The table's rows for `disruption`, sorted by `sort`; equal rows keep the plan's order.
/// Unknown values (never recovered) sort as the worst.
pub fn rows<'a>(plan: &'a Plan, scenario: &'a Scenario, disruption: Disruption, sort: Sort) -> Vec<Row<'a>> {
    let mut rows: Vec<Row<'a>> = plan
        .stages
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let rec = s.recommendation(disruption)?;
            let name = |id: &'a str| scenario.stage(id).map_or(id, |st| st.display_name());
            let rpo_from = plan.rpo_limited_by(i, disruption).map(name);
            Some(Row { id: &s.id, name: name(&s.id), kind: s.kind.label(), rec, rpo_from })
        })
        .collect();
    let minutes = |m: Option<f64>| m.filter(|m| m.is_finite()).unwrap_or(f64::INFINITY);
    let by = |a: &Row<'_>, b: &Row<'_>| -> Ordering {
        match sort.column {
            Column::Stage => a.name.to_lowercase().cmp(&b.name.to_lowercase()),
            Column::Backup => a.rec.backup.label().cmp(b.rec.backup.label()),
            // As the labels read ("Backup & restore" before "Backup & restore + catch-up"),
            // without writing them out in every comparison.
            Column::Strategy => (a.rec.strategy.label(), a.rec.catch_up.is_some())
                .cmp(&(b.rec.strategy.label(), b.rec.catch_up.is_some())),
            Column::Rpo => minutes(a.rec.effective_rpo_minutes).total_cmp(&minutes(b.rec.effective_rpo_minutes)),
            Column::Rto => minutes(a.rec.completion_minutes).total_cmp(&minutes(b.rec.completion_minutes)),
            Column::Cost => a.rec.cost.total().total_cmp(&b.rec.cost.total()),
            // Missed targets first when ascending: the table opens on what needs attention.
            Column::Status => a.standing().cmp(&b.standing()),
        }
    };
    // A stable sort keeps plan order among equals, in both directions.
    crate::order::sort_by(&mut rows, |a, b| if sort.descending { by(b, a) } else { by(a, b) });
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::decode;

    fn lusty() -> Scenario {
        let (scenario, _) =
            decode(include_str!("../examples/lusty-reference-platform.json")).unwrap_or_else(|e| panic!("{e}"));
        scenario
    }

    /// Sorts the Lusty platform's region-outage rows by `sort` and checks the order of `key`.
    fn check(sort: Sort, key: impl Fn(&Row<'_>) -> f64) {
        let scenario = lusty();
        let plan = crate::engine::plan(&scenario);
        let rows = rows(&plan, &scenario, Disruption::RegionOutage, sort);
        assert_eq!(rows.len(), plan.stages.len());
        let keys: Vec<f64> = rows.iter().map(&key).collect();
        let mut sorted = keys.clone();
        sorted.sort_by(|a, b| if sort.descending { b.total_cmp(a) } else { a.total_cmp(b) });
        assert_eq!(keys, sorted, "{sort:?}");
        assert!(keys.first() != keys.last(), "the example should have rows that differ for {sort:?}");
    }

    #[test]
    fn sorts_by_cost_and_times_both_ways() {
        let cost = |r: &Row<'_>| r.rec.cost.total();
        let back = |r: &Row<'_>| r.rec.completion_minutes.unwrap_or(f64::INFINITY);
        let rpo = |r: &Row<'_>| r.rec.effective_rpo_minutes.unwrap_or(f64::INFINITY);
        for descending in [false, true] {
            check(Sort { column: Column::Cost, descending }, cost);
            check(Sort { column: Column::Rto, descending }, back);
            check(Sort { column: Column::Rpo, descending }, rpo);
        }
    }

    #[test]
    fn missed_targets_come_first_and_equals_keep_plan_order() {
        let mut scenario = lusty();
        // An RTO no stage can meet after a region outage.
        scenario.targets.region_outage.rto_minutes = 1;
        for s in &mut scenario.stages {
            s.targets = None;
        }
        scenario.stages[2].targets = Some(crate::model::Targets::default());
        let plan = crate::engine::plan(&scenario);
        let rows = rows(&plan, &scenario, Disruption::RegionOutage, Sort::default());
        let first_met = rows.iter().position(Row::meets).unwrap_or(rows.len());
        assert!(rows[first_met..].iter().all(Row::meets), "missed rows must all come first");
        assert!(first_met > 0, "a 1-minute RTO should be missed somewhere");
        let order =
            |rs: &[Row<'_>]| rs.iter().map(|r| plan.stages.iter().position(|s| s.id == r.id)).collect::<Vec<_>>();
        let missed = order(&rows[..first_met]);
        let mut sorted = missed.clone();
        sorted.sort();
        assert_eq!(missed, sorted, "equal rows keep plan order");
    }

    #[test]
    fn rows_name_the_upstream_stage_an_older_recovery_point_comes_from() {
        let scenario = lusty();
        let plan = crate::engine::plan(&scenario);
        let rows = rows(&plan, &scenario, Disruption::DataCorruption, Sort::default());
        let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no row {id}"));
        // The reports serve the modeled data sets' data, a day old, against their 1 h RPO.
        let report = row("report");
        assert_eq!(report.rpo_from, Some("Modeled data sets on the lake"));
        assert_eq!((report.rec.rpo_minutes, report.rec.effective_rpo_minutes), (Some(0.0), Some(1440.0)));
        assert!(!report.meets(), "missed along the flows");
        // Missed targets come first, in plan order: ingest waits for the CRM's owner (8 h
        // against its 1 h RTO), then the reports.
        assert_eq!(rows[0].id, "ingest", "missed targets come first");
        assert_eq!(rows[1].id, "report", "missed targets come first");
        // Raw restores its own copies.
        assert_eq!(row("raw").rpo_from, None);
    }

    #[test]
    fn a_missed_recent_target_sorts_after_missed_full_targets_and_before_met_ones() {
        let mut scenario = lusty();
        let plan = crate::engine::plan(&scenario);
        let before = rows(&plan, &scenario, Disruption::DataCorruption, Sort::default());
        let full_missed = before.iter().filter(|r| r.standing() == 0).count();
        assert!(full_missed > 0, "the example misses full targets");
        // The warehouse's newest month by 1 minute: missed, its full targets still met.
        let warehouse = scenario.stages.iter_mut().find(|s| s.id == "warehouse").expect("warehouse");
        let recent = warehouse.recent.as_mut().expect("the example sets a recent-data target");
        recent.data_corruption.rto_minutes = 1;
        let plan = crate::engine::plan(&scenario);
        let rows = rows(&plan, &scenario, Disruption::DataCorruption, Sort::default());
        assert_eq!(rows[full_missed].id, "warehouse", "right after the full-history misses");
        assert_eq!((rows[full_missed].standing(), rows[full_missed].meets()), (1, false));
        assert!(rows[full_missed + 1..].iter().all(Row::meets));
    }

    #[test]
    fn clicking_a_heading_flips_or_starts_over() {
        let s = Sort::default();
        assert_eq!(s.clicked(Column::Status), Sort { column: Column::Status, descending: true });
        assert_eq!(s.clicked(Column::Cost), Sort { column: Column::Cost, descending: true });
        assert_eq!(s.clicked(Column::Stage), Sort { column: Column::Stage, descending: false });
        assert_eq!(s.clicked(Column::Stage).clicked(Column::Stage), Sort { column: Column::Stage, descending: true });
    }
}
