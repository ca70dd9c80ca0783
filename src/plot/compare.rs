//! Two variants of a scenario on one cost plot — "today" against "RTO 4 h" — for the compare
//! view: [`compare_fronts`] draws both fronts, each variant's current plan and the target lines,
//! with the same label placement as the single plots ([`super::layout`]). Self-contained: it
//! needs only the two plans and scenarios, planned by whoever calls it.

use super::curves::{series, Against, Chart, Series};
use super::{file_name, frame, lower, Figure};
use crate::engine::Plan;
use crate::model::{Disruption, Scenario};
use crate::text::Whole;

/// Platform monthly cost against recovery time or against data loss (`against`) for
/// `disruption`, for two variants on one plot: `a` and `b` are each a name ("today", "RTO 4 h"),
/// the variant's plan and the scenario it was planned from.
///
/// The first variant's front is a solid blue line with round markers, the second's a dashed
/// orange line with smaller square markers (told apart by line and shape, not by colour alone:
/// where the fronts share a point, the square shows inside the dot, and the point is labelled
/// once); each variant's current plan is a ring in its front's colour, labelled with the
/// variant's name and what the plan achieves and costs ("RTO 4h · 3h 21m · 5.5k"); each
/// scenario's default target on that axis is a red dashed line, one line when both are the same,
/// else one per variant, named. No label covers another, a marker or a target line
/// ([`Figure::layout`]). The text alternative gives every point of both fronts and both plans.
///
/// `None` when neither plan has a platform curve for `disruption` (no valid stage in either);
/// a variant without one is left out and the summary says so.
pub fn compare_fronts(
    a: (&str, &Plan, &Scenario),
    b: (&str, &Plan, &Scenario),
    disruption: Disruption,
    against: Against,
) -> Option<Figure> {
    let mut list = Vec::with_capacity(2);
    let mut missing = Vec::new();
    let styles = [(frame::BRAND, false), (frame::ORANGE, true)];
    for ((name, plan, _), (color, dashed)) in [a, b].into_iter().zip(styles) {
        match series(plan, disruption, against, name.to_string(), name.to_string()) {
            Some(s) => list.push(Series { color, dashed, ..s }),
            None => missing.push(name),
        }
    }
    if list.is_empty() {
        return None;
    }
    let (ta, tb) = (against.target(a.2, disruption), against.target(b.2, disruption));
    let targets = if ta == tb {
        vec![(ta, format!("target {}", Whole(ta)))]
    } else {
        vec![(ta, format!("target {} ({})", Whole(ta), a.0)), (tb, format!("target {} ({})", Whole(tb), b.0))]
    };
    let mut lead = format!("Against {}, {} and {}: ", lower(disruption), a.0, b.0);
    for name in missing {
        lead.push_str(&format!("{name} has no platform to plan. "));
    }
    let chart = Chart {
        against,
        title: format!("Monthly cost against {} — {}, {} and {}", against.words(), lower(disruption), a.0, b.0),
        file_name: file_name(&format!("compare-{}", against.key()), disruption),
        series: list,
        targets,
        currency: &a.1.currency,
        lead,
    };
    Some(chart.draw())
}
