//! The root component: owns the one `use_reducer`, derives the plan from the scenario with
//! `use_memo` (never stored in state), and lays out the header, the three panes and the results.
//!
//! The platform's cost curves are planned only once something shows them — the plots tab, the
//! comparison, or paper (`beforeprint`) — and from then on with every plan, as the plots panel
//! stays drawn once drawn (`results::drawer`). Until then each plan, the first of a page too, is
//! [`engine::plan_without_curves`]: a quarter fewer instructions (docs/PERFORMANCE.md).

use super::canvas::Canvas;
use super::compare::Compare;
use super::header::Header;
use super::help::Help;
use super::keyboard::use_keyboard;
use super::palette::Palette;
use super::properties::Properties;
use super::results::Results;
use super::share::Persistence;
use super::state::{AppState, EditorHandle, Planned, Shared};
use crate::editor::geometry::Size;
use crate::editor::status::same_plan_input;
use crate::editor::{Action, Editor, Notice};
use crate::engine::{self, Plan};
use crate::model::Scenario;
use crate::results::{ResultsTab, ResultsView};
use crate::ui::dom::use_before_print;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The scenario the editor starts with (shared: a large platform is not copied on start).
    #[prop_or_default]
    pub scenario: Rc<Scenario>,
    /// A message to show on start (a fragment that could not be used).
    #[prop_or_default]
    pub notice: Option<String>,
    /// The canvas's size as far as it is known before the page is laid out: estimated from the
    /// window in the browser ([`super::canvas::estimated_canvas_size`]), given by server
    /// rendering and tests. The platform is fitted to it so that the first render draws the
    /// cards; the canvas then measures itself. Without it, the cards wait for that measure.
    #[prop_or_default]
    pub canvas_size: Option<Size>,
    /// How the results are shown on start (as the autosave or the link kept them).
    #[prop_or_default]
    pub view: ResultsView,
}

/// The memo key of the plan: the scenario, compared so that moving cards (which the engine
/// does not read) does not plan again on every frame of a drag; and whether the plan carries the
/// platform's cost curves.
struct PlanInput(Rc<Scenario>, bool);

impl PartialEq for PlanInput {
    fn eq(&self, other: &Self) -> bool {
        self.1 == other.1 && (Rc::ptr_eq(&self.0, &other.0) || same_plan_input(&self.0, &other.0))
    }
}

/// Whether the plan must carry the platform's cost curves: once they have been shown (`shown`),
/// and whenever the plots tab or the comparison is open.
fn curves_wanted(shown: bool, editor: &Editor) -> bool {
    shown || editor.results.tab == ResultsTab::Plots || editor.comparing
}

/// The whole app: the header; palette, canvas and properties side by side; the results under them.
#[component]
pub fn App(props: &AppProps) -> Html {
    let (initial, notice, size, view) = (props.scenario.clone(), props.notice.clone(), props.canvas_size, props.view);
    let state = use_reducer(move || {
        let mut editor = Editor::new(initial);
        editor.results = view;
        editor.notice = notice.map(|text| Notice { seq: 1, text, refusal: true });
        if let Some(estimated) = size.and_then(|size| editor.apply(Action::EstimateSize(size))) {
            editor = estimated;
        }
        AppState { editor }
    });
    use_keyboard(Some(state.clone()));
    // Once wanted, the curves stay planned: the plots panel stays drawn (see the module's notes).
    let curves_shown = use_state(|| false);
    let curves = curves_wanted(*curves_shown, &state.editor);
    {
        let curves_shown = curves_shown.clone();
        use_effect_with(curves, move |&curves| {
            if curves && !*curves_shown {
                curves_shown.set(true);
            }
        });
    }
    // Paper shows every plot: plan the curves before the page prints.
    use_before_print(!*curves_shown, {
        let curves_shown = curves_shown.clone();
        move || curves_shown.set(true)
    });
    let plan: Rc<Plan> = use_memo(PlanInput(state.editor.scenario.clone(), curves), |input| {
        if input.1 {
            engine::plan(&input.0)
        } else {
            engine::plan_without_curves(&input.0)
        }
    });
    // The scenario as last planned: what the results name stages by, unchanged while cards move.
    let planned: Rc<Rc<Scenario>> = use_memo(PlanInput(state.editor.scenario.clone(), false), |input| input.0.clone());
    let presenting = state.editor.presenting;
    html! {
        <ContextProvider<EditorHandle> context={state}>
            <ContextProvider<Shared<Plan>> context={Shared(plan)}>
            <ContextProvider<Planned> context={Planned(Shared((*planned).clone()))}>
                <div class={classes!("keel-app", presenting.then_some("presenting"))}>
                    <Header />
                    <div class="keel-panes">
                        <Palette />
                        <Canvas />
                        <div class="side">
                            <Properties />
                        </div>
                    </div>
                    <Results />
                    <Help />
                    <Compare />
                    <Persistence />
                </div>
            </ContextProvider<Planned>>
            </ContextProvider<Shared<Plan>>>
        </ContextProvider<EditorHandle>>
    }
}

#[cfg(test)]
mod tests {
    use super::curves_wanted;
    use crate::editor::Editor;
    use crate::results::ResultsTab;

    /// Whether the plan carries the curves: (shown before, tab shown, comparing) → wanted.
    #[test]
    fn the_curves_are_planned_once_something_shows_them() {
        let check = |shown: bool, tab: ResultsTab, comparing: bool, expect: bool| {
            let mut editor = Editor::default();
            editor.results.tab = tab;
            editor.comparing = comparing;
            assert_eq!(curves_wanted(shown, &editor), expect, "shown {shown}, {tab:?}, comparing {comparing}");
        };
        check(false, ResultsTab::Stages, false, false);
        check(false, ResultsTab::Warnings, false, false);
        check(false, ResultsTab::Sla, false, false);
        check(false, ResultsTab::Plots, false, true);
        check(false, ResultsTab::Stages, true, true);
        check(true, ResultsTab::Stages, false, true);
    }
}
