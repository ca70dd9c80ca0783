//! The results drawer under the canvas: the answer, live, as the platform is edited. A bar with
//! the disruption type to show, the totals and the tabs — the stages table, the warnings (with a
//! count badge), the plots and the SLA statement — over the chosen tab; it folds down to the bar
//! alone.
//!
//! What the drawer shows (disruption, tab, sort, folded) is view state held by the editor
//! (`Editor::results`, set with `Action::ShowResults`): it is not part of the scenario and is not
//! undone, but the autosave and links keep it. Drawn alone (component tests), the drawer keeps
//! it itself, starting from its props.
//!
//! A panel's body is drawn the first time its tab is shown, and stays drawn (hidden) after that:
//! a 200-stage platform opens without laying out warnings it does not show or drawing plots
//! nobody looked at. Before the page prints (`beforeprint`) every panel is drawn, so that paper
//! gets the table, the warnings and every plot.

use super::plots::Plots;
use super::sla::SlaPanel;
use super::table::ResultsTable;
use super::totals::Totals;
use super::warning_list::WarningList;
use crate::editor::Action;
use crate::engine::Level;
use crate::model::Disruption;
use crate::results::{ResultsView, Sort};
use crate::ui::dom::use_before_print;
use crate::ui::state::{use_editor, use_plan};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The drawer's tabs (the core's, since the tab shown is kept in the autosave and links).
pub use crate::results::ResultsTab as Tab;

/// This tab's bit in a [`Drawn`] set.
fn bit(tab: Tab) -> u8 {
    match tab {
        Tab::Stages => 1,
        Tab::Warnings => 2,
        Tab::Plots => 4,
        Tab::Sla => 8,
    }
}

/// The panels whose bodies have been drawn, as [`Tab::bit`]s.
type Drawn = u8;

/// Every panel drawn.
const ALL_DRAWN: Drawn = 1 | 2 | 4 | 8;

/// Properties of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The tab shown first.
    #[prop_or(Tab::Stages)]
    pub tab: Tab,
    /// The disruption type shown first.
    #[prop_or(Disruption::DataCorruption)]
    pub disruption: Disruption,
}

/// The drawer.
#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let plan = use_plan();
    let editor = use_editor();
    let dispatcher = editor.as_ref().map(|h| h.dispatcher());
    let selection: Rc<BTreeSet<String>> = editor.as_ref().map(|h| h.editor.selection.clone()).unwrap_or_default();
    let first_selected = selection.iter().next().cloned();
    let alone = use_state(|| ResultsView { disruption: props.disruption, tab: props.tab, ..ResultsView::default() });
    let view = editor.as_ref().map_or(*alone, |h| h.editor.results);
    // Sets the view: through the editor in the app, else here.
    let set_view: Callback<ResultsView> = {
        let (editor, alone) = (editor.clone(), alone.clone());
        use_callback(editor.is_some(), move |next: ResultsView, _| match &editor {
            Some(h) => h.dispatch(Action::ShowResults(next)),
            None => alone.set(next),
        })
    };
    let drawn = use_state(|| bit(view.tab));
    let tall = use_state(|| false);
    let (tab, open, sort) = (view.tab, !view.folded, view.sort);
    let serious = plan.warnings.iter().filter(|w| w.level != Level::Info).count();
    let critical = plan.warnings.iter().any(|w| w.level == Level::Critical);

    // The tab shown (clicked, or opened from a saved view) stays drawn after.
    {
        let drawn = drawn.clone();
        use_effect_with(tab, move |t| {
            if *drawn & bit(*t) == 0 {
                drawn.set(*drawn | bit(*t));
            }
        });
    }
    let choose = |d: Disruption| {
        let set_view = set_view.clone();
        Callback::from(move |_: Event| set_view.emit(ResultsView { disruption: d, ..view }))
    };
    let show = |t: Tab| {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view.emit(ResultsView { tab: t, folded: false, ..view }))
    };
    // Paper shows every panel: draw the ones not drawn yet before the page is printed.
    use_before_print(*drawn != ALL_DRAWN, {
        let drawn = drawn.clone();
        move || drawn.set(ALL_DRAWN)
    });
    let toggle = {
        let set_view = set_view.clone();
        Callback::from(move |_: MouseEvent| set_view.emit(ResultsView { folded: open, ..view }))
    };
    let grow = {
        let (tall, set_view) = (tall.clone(), set_view.clone());
        Callback::from(move |_: MouseEvent| {
            tall.set(!*tall);
            set_view.emit(ResultsView { folded: false, ..view });
        })
    };
    // The same callback while the view stays, so the table is not redrawn while a card is dragged.
    let on_sort = use_callback((view, set_view.clone()), move |s: Sort, (view, set_view)| {
        set_view.emit(ResultsView { sort: s, ..*view })
    });

    let tabs = Tab::ALL.into_iter().map(|t| {
        let badge = (t == Tab::Warnings).then(|| {
            let class = classes!("count-badge", critical.then_some("critical"), (serious == 0).then_some("none"));
            html! { <span {class} aria-label={format!("{serious} to look at")}>{ serious }</span> }
        });
        html! {
            <button type="button" key={t.key()} class={classes!("results-tab", (tab == t).then_some("active"))}
                aria-pressed={if tab == t && open { "true" } else { "false" }} aria-controls={format!("results-{}", t.key())}
                data-tab={t.key()} onclick={show(t)}>
                { t.label() }{ for badge }
            </button>
        }
    });
    let panel = |t: Tab, body: &dyn Fn() -> Html| {
        html! {
            <div id={format!("results-{}", t.key())} class={classes!("results-panel", format!("panel-{}", t.key()))}
                hidden={tab != t} aria-label={t.label()} role="region">
                if *drawn & bit(t) != 0 || tab == t { { body() } }
            </div>
        }
    };
    let d = view.disruption;
    html! {
        <aside class={classes!("results-drawer", open.then_some("open"), (*tall).then_some("tall"))} aria-label="Results">
            <div class="results-bar">
                <h2 class="results-title">{"Results"}</h2>
                <fieldset class="disruption-switch">
                    <legend class="visually-hidden">{"Disruption type"}</legend>
                    { for Disruption::ALL.into_iter().map(|option| html! {
                        <label key={option.key()} class={classes!("switch-option", (option == d).then_some("on"))}>
                            <input type="radio" name="results-disruption" value={option.key()} checked={option == d}
                                onchange={choose(option)} />
                            { option.label() }
                        </label>
                    }) }
                </fieldset>
                <div class="results-tabs" role="group" aria-label="Show">{ for tabs }</div>
                <Totals disruption={d} />
                <button type="button" class="results-fold" aria-pressed={if *tall { "true" } else { "false" }}
                    aria-label="Give the results most of the screen" title="Give the results most of the screen" onclick={grow}>
                    { "⤢" }
                </button>
                <button type="button" class="results-fold" aria-expanded={if open { "true" } else { "false" }}
                    aria-label={if open { "Fold the results down" } else { "Open the results" }} onclick={toggle}>
                    { if open { "▾" } else { "▴" } }
                </button>
            </div>
            // Panels once drawn stay drawn, hidden, so that switching back is instant and
            // printing shows them all (see the module's notes).
            <div class="results-body" hidden={!open}>
                { panel(Tab::Stages, &|| html! { <ResultsTable disruption={d} sort={sort} on_sort={on_sort.clone()}
                        dispatcher={dispatcher.clone()} selection={selection.clone()} /> }) }
                { panel(Tab::Warnings, &|| html! { <WarningList dispatcher={dispatcher.clone()} /> }) }
                { panel(Tab::Plots, &|| html! { <Plots disruption={d} selected={first_selected.clone()} /> }) }
                { panel(Tab::Sla, &|| html! { <SlaPanel disruption={d} /> }) }
            </div>
        </aside>
    }
}
