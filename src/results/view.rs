//! How the results are shown — the disruption type, the tab, the stages table's sort and whether
//! the drawer is folded — as data, so that it survives a reload (the autosave) and travels in a
//! link: a workshop that shared "the ransomware plots" opens on them.
//!
//! It is view state: never part of the scenario, never undone, and never a reason to refuse a
//! file or a link — whatever cannot be read of it is left at its default ([`ResultsView::read`]).
//! Written as a small JSON object holding only what differs from the default
//! ([`ResultsView::to_value`]): `{"disruption": "ransomware", "tab": "plots", "sort": "cost",
//! "descending": true, "folded": true}` (docs/plan-format.md, "View"; links shorten the keys,
//! docs/link-format.md).

use super::{Column, Sort};
use crate::model::Disruption;
use serde_json::{Map, Value};

/// A tab of the results drawer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ResultsTab {
    /// The stages table.
    #[default]
    Stages,
    /// The warnings list.
    Warnings,
    /// The plots.
    Plots,
    /// The SLA statement for the platform's users.
    Sla,
}

impl ResultsTab {
    /// Every tab, in the drawer's order.
    pub const ALL: [ResultsTab; 4] = [ResultsTab::Stages, ResultsTab::Warnings, ResultsTab::Plots, ResultsTab::Sla];

    /// The name used in files, links, element ids and tests.
    pub fn key(self) -> &'static str {
        match self {
            ResultsTab::Stages => "stages",
            ResultsTab::Warnings => "warnings",
            ResultsTab::Plots => "plots",
            ResultsTab::Sla => "sla",
        }
    }

    /// The tab's label.
    pub fn label(self) -> &'static str {
        match self {
            ResultsTab::Stages => "Stages",
            ResultsTab::Warnings => "Warnings",
            ResultsTab::Plots => "Plots",
            ResultsTab::Sla => "SLA",
        }
    }

    /// The tab called `key`.
    pub fn from_key(key: &str) -> Option<ResultsTab> {
        ResultsTab::ALL.into_iter().find(|t| t.key() == key)
    }
}

/// What the results show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ResultsView {
    /// The disruption type shown.
    pub disruption: Disruption,
    /// The tab shown.
    pub tab: ResultsTab,
    /// How the stages table is sorted.
    pub sort: Sort,
    /// Whether the drawer is folded down to its bar.
    pub folded: bool,
}

impl Default for ResultsView {
    fn default() -> Self {
        ResultsView {
            disruption: Disruption::DataCorruption,
            tab: ResultsTab::default(),
            sort: Sort::default(),
            folded: false,
        }
    }
}

impl ResultsView {
    /// The view as a JSON object holding only what differs from the default; `None` when
    /// nothing does (so that files and links of the default view are the ones of before).
    pub fn to_value(&self) -> Option<Value> {
        let default = ResultsView::default();
        let mut out = Map::new();
        if self.disruption != default.disruption {
            out.insert("disruption".into(), self.disruption.key().into());
        }
        if self.tab != default.tab {
            out.insert("tab".into(), self.tab.key().into());
        }
        if self.sort.column != default.sort.column {
            out.insert("sort".into(), self.sort.column.key().into());
        }
        if self.sort.descending != default.sort.descending {
            out.insert("descending".into(), self.sort.descending.into());
        }
        if self.folded != default.folded {
            out.insert("folded".into(), self.folded.into());
        }
        (!out.is_empty()).then_some(Value::Object(out))
    }

    /// The view written in `value`, leniently: a member missing, of the wrong type or with a
    /// value this Keel does not know stays at its default (a view never stops a file opening).
    pub fn read(value: Option<&Value>) -> ResultsView {
        let mut view = ResultsView::default();
        let Some(Value::Object(obj)) = value else { return view };
        let text = |key: &str| obj.get(key).and_then(Value::as_str);
        if let Some(d) = text("disruption").and_then(|k| Disruption::ALL.into_iter().find(|d| d.key() == k)) {
            view.disruption = d;
        }
        if let Some(tab) = text("tab").and_then(ResultsTab::from_key) {
            view.tab = tab;
        }
        if let Some(column) = text("sort").and_then(|k| Column::ALL.into_iter().find(|c| c.key() == k)) {
            view.sort.column = column;
        }
        if let Some(descending) = obj.get("descending").and_then(Value::as_bool) {
            view.sort.descending = descending;
        }
        if let Some(folded) = obj.get("folded").and_then(Value::as_bool) {
            view.folded = folded;
        }
        view
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(value: Value, expect: ResultsView) {
        assert_eq!(ResultsView::read(Some(&value)), expect, "{value}");
    }

    #[test]
    fn the_default_view_writes_nothing() {
        assert_eq!(ResultsView::default().to_value(), None);
        assert_eq!(ResultsView::read(None), ResultsView::default());
    }

    #[test]
    fn every_view_round_trips() {
        for disruption in Disruption::ALL {
            for tab in ResultsTab::ALL {
                for column in Column::ALL {
                    for (descending, folded) in [(false, false), (true, false), (false, true), (true, true)] {
                        let view = ResultsView { disruption, tab, sort: Sort { column, descending }, folded };
                        let written = view.to_value();
                        assert_eq!(ResultsView::read(written.as_ref()), view, "{written:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_what_differs_is_written() {
        let view = ResultsView { tab: ResultsTab::Plots, ..ResultsView::default() };
        assert_eq!(view.to_value(), Some(json!({ "tab": "plots" })));
    }

    #[test]
    fn what_cannot_be_read_stays_at_its_default() {
        let plots = ResultsView { tab: ResultsTab::Plots, ..ResultsView::default() };
        check(json!({ "tab": "plots", "disruption": "meteor" }), plots);
        check(json!({ "tab": "plots", "sort": 3, "folded": "yes" }), plots);
        check(json!({ "tab": "charts" }), ResultsView::default());
        check(json!(["plots"]), ResultsView::default());
        check(json!(null), ResultsView::default());
        check(
            json!({ "disruption": "ransomware", "sort": "cost", "descending": true, "folded": true }),
            ResultsView {
                disruption: Disruption::Ransomware,
                tab: ResultsTab::Stages,
                sort: Sort { column: Column::Cost, descending: true },
                folded: true,
            },
        );
    }
}
