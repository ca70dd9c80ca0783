//! The platform totals in the results bar: what the protection costs a month (by category on
//! hover and for screen readers), the verdict on targets, and — for the disruption type shown —
//! the time to first service (against the serving stages' recent-data targets, where they
//! have one) and to full restore.

use crate::model::Disruption;
use crate::text::{whole_money, Mins, Whole};
use crate::ui::state::use_plan;
use yew::prelude::*;

/// Properties of [`Totals`].
#[derive(Properties, PartialEq)]
pub struct TotalsProps {
    /// The disruption type whose recovery times are shown.
    pub disruption: Disruption,
}

/// The totals strip.
#[component]
pub fn Totals(props: &TotalsProps) -> Html {
    let plan = use_plan();
    let t = &plan.totals;
    let c = &plan.currency;
    if plan.stages.is_empty() {
        return html! { <p class="totals empty">{"Add stages to the canvas to see what protecting them costs."}</p> };
    }
    let by_category = [
        ("storage", t.monthly.storage),
        ("replication", t.monthly.replication),
        ("standby", t.monthly.standby),
        ("reprocessing", t.monthly.reprocessing),
    ];
    let breakdown: Vec<String> =
        by_category.iter().map(|(what, v)| format!("{what} {c} {}", whole_money(*v))).collect();
    let timeline = plan.pipeline.timeline(props.disruption);
    let first = timeline.and_then(|tl| tl.first_service_minutes);
    // First service against the serving stages' recent-data targets, where they have one.
    let judged = timeline.and_then(|tl| Some((tl.first_service_target_minutes?, tl.first_service_met?)));
    let full = timeline.and_then(|tl| tl.full_restore_minutes);
    let planned = t.stages_meeting + t.stages_violating;
    let verdict = if t.stages_violating == 0 { "all-met" } else { "some-missed" };
    html! {
        <dl class="totals">
            <div class="total cost" title={breakdown.join(" · ")}>
                <dt>{"Monthly"}</dt>
                <dd data-total="monthly">{ format!("{c} {}", whole_money(t.monthly_total)) }</dd>
                <dd class="visually-hidden">{ breakdown.join(", ") }</dd>
            </div>
            <div class={classes!("total", "verdict", verdict)}>
                <dt>{"Targets met"}</dt>
                <dd data-total="meeting">{ format!("{} of {planned}", t.stages_meeting) }</dd>
            </div>
            <div class="total">
                <dt>{"First service"}</dt>
                <dd data-total="first-service">{ Mins(first.unwrap_or(f64::INFINITY)).to_string() }</dd>
                if let Some((target, met)) = judged {
                    <dd data-total="first-service-target" class={classes!("recent", if met { "met" } else { "missed" })}>
                        { format!("recent target {} {}", Whole(target), if met { "✓" } else { "✕" }) }
                    </dd>
                }
            </div>
            <div class="total">
                <dt>{"Full restore"}</dt>
                <dd data-total="full-restore">{ Mins(full.unwrap_or(f64::INFINITY)).to_string() }</dd>
            </div>
        </dl>
    }
}
