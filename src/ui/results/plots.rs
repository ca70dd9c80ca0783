//! The plots panel of the results: cost against recovery time and against data loss, keep
//! copies or reprocess for the selected stage, and the recovery timeline — drawn by the pure
//! [`crate::plot`] module from the plan and redrawn whenever the plan changes.

use super::plot_figure::PlotFigure;
use crate::editor::stage_name;
use crate::model::Disruption;
use crate::plot::{self, breakeven::default_stage, Figure};
use crate::ui::state::{use_plan, use_planned};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Plots`].
#[derive(Properties, PartialEq)]
pub struct PlotsProps {
    /// The disruption type shown.
    pub disruption: Disruption,
    /// The first stage selected on the canvas, whose break-even is shown.
    #[prop_or_default]
    pub selected: Option<String>,
}

/// Every figure of the panel, and what the break-even plot is of.
#[derive(PartialEq)]
struct Figures {
    rto: Option<Rc<Figure>>,
    rpo: Option<Rc<Figure>>,
    break_even: Option<Rc<Figure>>,
    /// Why the break-even shown is not the selected stage's, when it is not.
    break_even_note: Option<String>,
    timeline: Option<Rc<Figure>>,
}

/// The panel.
#[component]
pub fn Plots(props: &PlotsProps) -> Html {
    let plan = use_plan();
    let scenario = use_planned();
    let key = (plan.clone(), scenario.clone(), props.disruption, props.selected.clone());
    let figures = use_memo(key, |(plan, scenario, d, selected)| {
        let d = *d;
        let name = |id: &str| stage_name(scenario, id);
        let has = |id: &str| plan.break_even.iter().any(|b| b.id == id && b.disruption == d);
        let (stage, note) = match selected.as_deref() {
            Some(id) if has(id) => (Some(id.to_string()), None),
            other => {
                let fallback = default_stage(plan, d).map(str::to_string);
                let note = match (other, &fallback) {
                    (Some(id), Some(f)) => Some(format!(
                        "{} can only be recovered one way, so there is nothing to weigh: showing {}, whose copies cost the most.",
                        name(id),
                        name(f)
                    )),
                    (None, Some(f)) => Some(format!("Select a stage to see its own; showing {}, whose copies cost the most.", name(f))),
                    (_, None) => None,
                };
                (fallback, note)
            }
        };
        Figures {
            rto: plot::cost_against_rto(plan, scenario, d).map(Rc::new),
            rpo: plot::cost_against_rpo(plan, scenario, d).map(Rc::new),
            break_even: stage.and_then(|id| plot::break_even(plan, scenario, &id, d)).map(Rc::new),
            break_even_note: note,
            timeline: plot::timeline(plan, scenario, d).map(Rc::new),
        }
    });
    if plan.stages.is_empty() {
        return html! { <p class="results-empty">{"The plots appear once the platform has stages."}</p> };
    }
    let show = |f: &Option<Rc<Figure>>, what: &'static str, note: Option<String>| match f {
        Some(figure) => html! { <PlotFigure figure={figure.clone()} {what} {note} /> },
        None => html! {},
    };
    html! {
        <div class="plots">
            { show(&figures.rto, "cost-vs-rto", None) }
            { show(&figures.rpo, "cost-vs-rpo", None) }
            { match &figures.break_even {
                Some(_) => show(&figures.break_even, "break-even", figures.break_even_note.clone()),
                None => html! {
                    <p class="plot-missing">{"No stage here can be either kept or reprocessed: nothing to weigh."}</p>
                },
            } }
            { show(&figures.timeline, "timeline", None) }
        </div>
    }
}
