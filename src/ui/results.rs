//! The results pane: a summary of the plan (how many stages meet their targets, what the
//! protection costs, how many warnings), then the default targets it is checked against.

use super::state::{use_editor, use_plan};
use crate::duration::format_minutes;
use crate::engine::Level;
use crate::model::{Disruption, Scenario};
use yew::prelude::*;

/// Whole currency units with thousands separators: `1,234`.
pub fn whole_money(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let n = v.round().abs() as u64;
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if v.round() < 0.0 {
        format!("-{out}")
    } else {
        out
    }
}

/// The right pane, under the properties.
#[component]
pub fn Results() -> Html {
    let editor = use_editor();
    let plan = use_plan();
    let default = Scenario::default();
    let scenario: &Scenario = editor.as_ref().map(|h| h.editor.scenario.as_ref()).unwrap_or(&default);
    let n = scenario.stages.len();
    let totals = &plan.totals;
    let serious = plan.warnings.iter().filter(|w| w.level != Level::Info).count();
    let summary = (n > 0).then(|| {
        let planned = totals.stages_meeting + totals.stages_violating;
        let verdict = if totals.stages_violating == 0 { "all-met" } else { "some-missed" };
        html! {
            <div class="plan-summary">
                <p class={classes!("plan-verdict", verdict)}>
                    { format!("{} of {planned} planned stages meet their targets", totals.stages_meeting) }
                </p>
                if planned < n {
                    <p class="plan-unplanned">{ format!("{} not planned: fix their errors", n - planned) }</p>
                }
                <p class="plan-cost">
                    { format!("Protection costs {} {} a month, {} {} over {} months.",
                        plan.currency, whole_money(totals.monthly_total), plan.currency,
                        whole_money(totals.span_total), scenario.span_months) }
                </p>
                <p class="plan-warnings">{ match serious {
                    0 => "No warnings.".to_string(),
                    1 => "1 warning to look at.".to_string(),
                    w => format!("{w} warnings to look at."),
                } }</p>
            </div>
        }
    });
    html! {
        <aside class="pane results" aria-label="Results">
            <h2 class="pane-title">{"Results"}</h2>
            if let Some(summary) = summary {
                { summary }
            } else {
                <p class="results-intro">{"Once the platform has stages, this pane shows for each stage:"}</p>
                <ul class="results-list">
                    <li>{"the backup and disaster-recovery strategy the guides recommend;"}</li>
                    <li>{"the recovery point and time it achieves against your targets;"}</li>
                    <li>{ format!("its cost over {} months, in {}.", scenario.span_months, scenario.currency) }</li>
                </ul>
            }
            <h3>{"Default targets"}</h3>
            <table class="targets">
                <thead>
                    <tr><th scope="col">{"Disruption"}</th><th scope="col">{"RPO"}</th><th scope="col">{"RTO"}</th></tr>
                </thead>
                <tbody>
                    { for Disruption::ALL.into_iter().map(|d| {
                        let t = scenario.targets.get(d);
                        html! {
                            <tr key={d.key()}>
                                <th scope="row">{ d.label() }</th>
                                <td>{ format_minutes(t.rpo_minutes) }</td>
                                <td>{ format_minutes(t.rto_minutes) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::whole_money;

    #[test]
    fn money_is_whole_units_with_separators() {
        assert_eq!(whole_money(0.4), "0");
        assert_eq!(whole_money(999.5), "1,000");
        assert_eq!(whole_money(1234567.0), "1,234,567");
        assert_eq!(whole_money(-1500.0), "-1,500");
        assert_eq!(whole_money(f64::NAN), "?");
    }
}
