//! The stages table of the results: per stage, for the disruption type shown, the backup
//! method (after ransomware, with where its copies are kept), the recovery strategy, the recovery point and time achieved along the flows against
//! the targets with met/missed marks (and the upstream stage an older recovery point comes
//! from), the monthly cost and the reason. Sortable by any heading; a click on a row
//! (or its name, from the keyboard) selects the stage on the canvas.
//!
//! A platform of up to [`FIRST_ROWS`] stages has its table drawn with the rest of the page. A
//! larger one's rows come after the canvas, [`BATCH_ROWS`] whenever the browser is idle, so that
//! opening 200 stages neither holds the canvas back nor blocks the page for long (input comes
//! first). Before the page prints, every row is drawn.

use super::reveal::{show_stage, Dispatcher};
use crate::engine::Recommendation;
use crate::model::{Disruption, Scenario};
use crate::plot::cost_for;
use crate::results::{rows, Column, Row, Sort};
use crate::text::{whole_money, Mins, Whole};
use crate::ui::dom::{use_before_print, when_idle};
use crate::ui::state::{use_plan, use_planned};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The most stages whose rows are drawn with the page: both reference platforms whole. A larger
/// platform draws none with the page (each row costs about a millisecond of layout and one of
/// wasm on first draw; the canvas comes first) and fills its table in right after.
pub const FIRST_ROWS: usize = 16;

/// Rows added each time the browser is idle after that.
pub const BATCH_ROWS: usize = 40;

/// Properties of [`ResultsTable`].
#[derive(Properties, PartialEq)]
pub struct ResultsTableProps {
    /// The disruption type shown.
    pub disruption: Disruption,
    /// How the rows are sorted.
    pub sort: Sort,
    /// Asks for another sort.
    pub on_sort: Callback<Sort>,
    /// Selects stages.
    pub dispatcher: Option<Dispatcher>,
    /// The stages selected on the canvas.
    pub selection: Rc<BTreeSet<String>>,
}

/// A cell comparing what is achieved with the target: `1h 9m / 4h ✓`. `from` names the upstream
/// stage an older recovery point comes from (under the figures), with the explanation for the
/// tooltip; `recent` is a line under the figures for the recent-data target.
fn against(
    achieved: Option<f64>,
    target: u32,
    met: bool,
    assumed: bool,
    from: Option<(&str, String)>,
    recent: Html,
) -> Html {
    let mark = if met { "✓" } else { "✕" };
    let class = classes!("against", if met { "met" } else { "missed" }, assumed.then_some("assumed"));
    let words = if met { "met" } else { "missed" };
    let (from, title) = from.map_or((None, None), |(name, why)| (Some(name), Some(why)));
    html! {
        <td {class} {title}>
            { format!("{} / {} ", Mins(achieved.unwrap_or(f64::INFINITY)), Whole(target)) }
            <span class="mark" aria-hidden="true">{ mark }</span>
            <span class="visually-hidden">{ words }</span>
            if let Some(name) = from {
                <span class="rpo-from">{ format!("(upstream: {name})") }</span>
            }
            { recent }
        </td>
    }
}

/// The recent-data line of the RPO (`rto: false`) or recovery-time cell: `newest 30d: 18m / 45m ✓`.
fn recent_line(rec: &Recommendation, rto: bool) -> Html {
    let Some(r) = rec.recent else { return Html::default() };
    let (got, want, met) = if rto {
        (r.back_minutes, r.target.rto_minutes, r.meets_rto)
    } else {
        (rec.effective_rpo_minutes, r.target.rpo_minutes, r.meets_rpo)
    };
    html! {
        <span class={classes!("recent", if met { "met" } else { "missed" })}>
            { format!("newest {}d: {} / {} ", r.days, Mins(got.unwrap_or(f64::INFINITY)), Whole(want)) }
            <span class="mark" aria-hidden="true">{ if met { "✓" } else { "✕" } }</span>
            <span class="visually-hidden">{ if met { "met" } else { "missed" } }</span>
        </span>
    }
}

/// Under the backup method after ransomware: where the copies that count are kept (`copies in
/// Immutable blob container`), how far from the platform's credentials and what locks them in
/// the tooltip.
fn copies_in(rec: &Recommendation) -> Html {
    let Some(c) = &rec.copies_in else { return Html::default() };
    html! {
        <span class="copies-in" title={format!("{}, {}", c.radius.label(), c.lock.label())}>
            { format!("copies in {}", c.name) }
        </span>
    }
}

/// Why a stage's recovery point is its upstream's: the tooltip of its RPO cell.
fn upstream_point(rec: &Recommendation, from: &str) -> String {
    let point = match rec.effective_rpo_minutes {
        Some(m) => format!("a point {} old", Mins(m)),
        None => "no point at all".to_string(),
    };
    format!(
        "Its own recovery point is {}, but its data comes from {from}, which recovers to {point}: it can be no fresher than that.",
        Mins(rec.rpo_minutes.unwrap_or(f64::INFINITY))
    )
}

/// The table.
#[component]
pub fn ResultsTable(props: &ResultsTableProps) -> Html {
    let plan = use_plan();
    let planned = use_planned();
    let scenario: &Scenario = &planned;
    let shown = use_state(|| if plan.stages.len() <= FIRST_ROWS { FIRST_ROWS } else { 0 });
    {
        // The next batch when the browser is idle: the canvas and any input come first (at the
        // latest after 200 ms).
        let shown = shown.clone();
        use_effect_with((*shown, plan.stages.len()), move |&(n, total)| {
            let next = (n < total).then(|| when_idle(200, move || shown.set(n.saturating_add(BATCH_ROWS))));
            move || drop(next)
        });
    }
    // Every row before the page prints.
    use_before_print(*shown < plan.stages.len(), {
        let shown = shown.clone();
        move || shown.set(usize::MAX)
    });
    if plan.stages.is_empty() {
        return html! {
            <p class="results-empty">{ format!("Drag stages from the palette onto the canvas: for each, this table shows \
                the backup and recovery the guides recommend, the recovery point and time it achieves against your \
                targets, and its cost over {} months, in {}.", scenario.span_months, scenario.currency) }</p>
        };
    }
    let d = props.disruption;
    let c = &plan.currency;
    let sort = props.sort;
    let heading = |column: Column| {
        let on_sort = props.on_sort.clone();
        let aria_sort = match (sort.column == column, sort.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        let arrow = match aria_sort {
            "ascending" => " ▲",
            "descending" => " ▼",
            _ => "",
        };
        html! {
            <th scope="col" aria-sort={aria_sort} class={format!("col-{}", column.key())}>
                <button type="button" class="sort" onclick={Callback::from(move |_: MouseEvent| on_sort.emit(sort.clicked(column)))}>
                    { column.label() }<span aria-hidden="true">{ arrow }</span>
                </button>
            </th>
        }
    };
    let row = |r: Row<'_>| {
        let selected = props.selection.contains(r.id);
        let select = {
            let (dispatcher, id) = (props.dispatcher.clone(), r.id.to_string());
            Callback::from(move |e: MouseEvent| {
                // The name's button and its row would both answer one click.
                e.stop_propagation();
                show_stage(dispatcher.as_ref(), &id, false);
            })
        };
        let rec = r.rec;
        let class = classes!("stage-row", if r.meets() { "meets" } else { "misses" }, selected.then_some("selected"));
        html! {
            <tr key={r.id.to_string()} {class} data-stage={r.id.to_string()} onclick={select.clone()}>
                <th scope="row" class="col-stage">
                    <button type="button" class="stage-link" onclick={select} aria-label={format!("Select {} on the canvas", r.name)}>
                        { r.name.to_string() }
                    </button>
                    <span class="kind">{ r.kind }</span>
                </th>
                <td class={classes!("col-status", if r.meets() { "met" } else { "missed" })}>
                    { match r.standing() { 0 => "✕ missed", 1 => "✕ recent missed", _ => "✓ met" } }
                </td>
                <td>{ rec.backup.label() }{ copies_in(rec) }</td>
                <td>{ rec.strategy_label() }</td>
                { against(rec.effective_rpo_minutes, rec.target.rpo_minutes, rec.meets_rpo, rec.assumed,
                    r.rpo_from.map(|name| (name, upstream_point(rec, name))), recent_line(rec, false)) }
                { against(rec.completion_minutes, rec.target.rto_minutes, rec.meets_rto, rec.assumed, None,
                    recent_line(rec, true)) }
                <td class="money">{ whole_money(rec.cost.total()) }</td>
                // Two lines of the reason; the selected row shows it whole.
                <td class="reason"><span class="reason-text">{ rec.reason.to_string() }</span></td>
            </tr>
        }
    };
    let this = cost_for(&plan, d);
    let t = &plan.totals.monthly;
    html! {
        <>
            <p class="cost-breakdown">
                { format!(
                    "Against {}: {c} {} a month (storage {}, replication {}, standby {}, reprocessing {}). \
                     The whole plan, every disruption type: {c} {} a month (storage {}, replication {}, standby {}, reprocessing {}), \
                     {c} {} over {} months.",
                    d.label().to_lowercase(), whole_money(this.total()), whole_money(this.storage), whole_money(this.replication),
                    whole_money(this.standby), whole_money(this.reprocessing),
                    whole_money(plan.totals.monthly_total), whole_money(t.storage), whole_money(t.replication),
                    whole_money(t.standby), whole_money(t.reprocessing), whole_money(plan.totals.span_total), scenario.span_months,
                ) }
            </p>
            <table class="stages-table">
                <caption class="visually-hidden">{ format!("Plan per stage against {}", d.label().to_lowercase()) }</caption>
                <thead>
                    <tr>
                        { for Column::ALL.into_iter().map(heading) }
                        <th scope="col" class="col-reason">{"Why"}</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows(&plan, scenario, d, sort).into_iter().take(*shown).map(row) }
                </tbody>
            </table>
            <p class="money-note">{ format!("Costs in {c} a month.") }</p>
        </>
    }
}
