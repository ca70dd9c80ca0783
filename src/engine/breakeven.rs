//! Break-even per stage: keeping copies against reprocessing after a disaster, month by month.
//!
//! The guide's cost-time trade-off: "Is it cheaper to re-process, or replicate data and restore
//! it?" over "a timespan to calculate over". For every stage that may either keep copies
//! (backups, a replica) or be rebuilt from upstream, and for each disruption type:
//!
//! - keeping copies costs the cheapest copy option's monthly price every month (the cheapest that
//!   meets the stage's RPO, or the cheapest at all when none does);
//! - reprocessing costs nothing until a disaster, then one whole rebuild (`reprocess.cost_per_tb`
//!   × the TB rebuilt) in the month it happens. The first disaster is assumed in the first month
//!   — the case least kind to reprocessing — and then one every `12 ÷ disasters_per_year` months:
//!   by month `m` there have been `⌈m × disasters_per_year ÷ 12⌉`.
//!
//! The break-even month is the first month by whose end keeping copies has cost at least as much
//! as reprocessing. Whether reprocessing fits the RTO at all is judged along the flows. Where
//! reprocessing cannot recover the stage at all (its upstream or source no longer holds the data)
//! there is nothing to break even with: no break-even month, and copies — the only way back —
//! are what the span is planned with, whatever a rebuild would have cost.

use super::candidates::{Candidate, How};
use super::lineage::{Opt, Options, Solution};
use super::pipeline::StageInput;
use super::round2;
use super::{Incidents, StageId};
use crate::catalogue::Prices;
use crate::model::{BackupMethod, Disruption, DrStrategy};
use serde::{Deserialize, Serialize};

/// Room for rounding when comparing money and minutes.
const EPS: f64 = 1e-6;

/// Which way is cheaper over the scenario's span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cheaper {
    /// Keeping copies (also where reprocessing cannot recover the stage: they are the only way).
    Copies,
    /// Reprocessing after each disaster.
    Reprocess,
}

/// The copy option compared with reprocessing.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CopyOption {
    /// How recovery points are kept.
    pub backup: BackupMethod,
    /// How the stage comes back.
    pub strategy: DrStrategy,
    /// Monthly cost.
    pub monthly: f64,
}

/// Keeping copies against reprocessing for one stage and disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BreakEven {
    /// The stage's id.
    pub id: StageId,
    /// The disruption type.
    pub disruption: Disruption,
    /// The copy option compared.
    pub copies: CopyOption,
    /// What one rebuild costs, when it happens.
    pub rebuild_cost: f64,
    /// Whether reprocessing can recover the stage at all (the source still holds the data).
    pub reprocess_possible: bool,
    /// When the stage would be back by reprocessing, with the plan's upstream choices.
    pub reprocess_minutes: Option<f64>,
    /// The same with every upstream stage at its fastest: the best reprocessing can do.
    pub reprocess_best_minutes: Option<f64>,
    /// Whether reprocessing can bring the stage back within its RTO at all (at best, above).
    pub reprocess_fits_rto: bool,
    /// Disasters assumed over the span.
    pub disasters_over_span: u32,
    /// Cumulative cost of keeping copies by the end of each month, from month 1.
    pub copies_cumulative: Vec<f64>,
    /// Cumulative cost of reprocessing by the end of each month, from month 1.
    pub reprocess_cumulative: Vec<f64>,
    /// The first month by whose end copies have cost at least as much as reprocessing; `None` =
    /// not within the span, or reprocessing cannot recover the stage.
    pub break_even_month: Option<u32>,
    /// Which is cheaper over the whole span.
    pub cheaper_over_span: Cheaper,
}

/// Disasters by the end of month `m` (1-based): the first in month 1, then one every
/// `12 ÷ per_year` months.
fn disasters_by(month: u32, per_year: f64) -> f64 {
    if per_year <= 0.0 {
        0.0
    } else {
        (f64::from(month) * per_year / 12.0 - EPS).ceil().max(1.0)
    }
}

/// An amount in whole cents.
fn cents(v: f64) -> f64 {
    super::text::round_to(v, 100.0) * 100.0
}

/// The break-even of every stage that may keep copies or be rebuilt, per disruption type.
pub(super) fn analyse(
    inputs: &[StageInput<'_>],
    solutions: &[(Options, Solution)],
    up_fastest: &[Vec<f64>],
    prices: &Prices,
    span_months: u32,
    incidents: Incidents,
) -> Vec<BreakEven> {
    let span = span_months.clamp(1, 600);
    // Disasters by the end of each month 1..=span, per disruption type, the same for every stage.
    let disasters: [Vec<f64>; Disruption::COUNT] =
        Disruption::ALL.map(|d| (1..=span).map(|m| disasters_by(m, incidents.get(d))).collect());
    let mut out = Vec::new();
    for (s, input) in inputs.iter().enumerate() {
        for (k, &disruption) in Disruption::ALL.iter().enumerate() {
            let disasters_per_year = incidents.get(disruption);
            let disasters = &disasters[k];
            let options: &[Candidate] = input.options[k];
            let Some(rebuild) = options.iter().find(|c| c.strategy == DrStrategy::Reprocess) else { continue };
            let How::Reprocess { gb, .. } = rebuild.how else { continue };
            let target = input.targets.get(disruption);
            let copies = |c: &&Candidate| c.strategy == DrStrategy::BackupRestore || c.strategy.is_replica();
            let meets_rpo = |c: &&Candidate| c.rpo.is_some_and(|r| r <= f64::from(target.rpo_minutes) + EPS);
            let by_cost = |a: &&Candidate, b: &&Candidate| a.cost.total().total_cmp(&b.cost.total());
            let Some(copy) = options
                .iter()
                .filter(copies)
                .filter(meets_rpo)
                .min_by(by_cost)
                .or_else(|| options.iter().filter(copies).min_by(by_cost))
            else {
                continue;
            };
            let up_done = solutions.get(k).and_then(|(_, sol)| sol.up_done.get(s)).copied().unwrap_or(0.0);
            let up_best = up_fastest.get(k).and_then(|v| v.get(s)).copied().unwrap_or(0.0);
            let opt = Opt::of(rebuild);
            let finite = |v: f64| if v.is_finite() { Some(super::choose::round1(v)) } else { None };
            let best = opt.completion(up_best);
            let rebuild_cost = gb / 1000.0 * prices.reprocess_cost_per_tb;
            let monthly = copy.cost.total();
            // A rebuild that cannot recover the stage is no alternative, whatever it would cost.
            let possible = rebuild.rpo.is_some() && rebuild.rto.is_some();
            // In whole cents: month m of copies is m × the monthly price shown, and reprocessing
            // the disasters so far × the rebuild cost shown.
            let (monthly_cents, rebuild_cents) = (cents(monthly), cents(rebuild_cost));
            // Filled by index: at opt-level z every push is a call.
            let mut copies_cumulative = vec![0.0; disasters.len()];
            let mut reprocess_cumulative = vec![0.0; disasters.len()];
            let mut break_even_month = None;
            for (i, &by_then) in disasters.iter().enumerate() {
                let m = i as u32 + 1;
                copies_cumulative[i] = monthly_cents * f64::from(m) / 100.0;
                reprocess_cumulative[i] = rebuild_cents * by_then / 100.0;
                if possible && break_even_month.is_none() && monthly * f64::from(m) + EPS >= rebuild_cost * by_then {
                    break_even_month = Some(m);
                }
            }
            let over_span_copies = monthly * f64::from(span);
            let over_span_reprocess = rebuild_cost * disasters_by(span, disasters_per_year);
            out.push(BreakEven {
                id: input.id.clone(),
                disruption,
                copies: CopyOption { backup: copy.backup, strategy: copy.strategy, monthly: round2(monthly) },
                rebuild_cost: round2(rebuild_cost),
                reprocess_possible: possible,
                reprocess_minutes: finite(opt.completion(up_done)),
                reprocess_best_minutes: finite(best),
                reprocess_fits_rto: rebuild.rpo.is_some() && best <= f64::from(target.rto_minutes) + EPS,
                disasters_over_span: disasters_by(span, disasters_per_year) as u32,
                copies_cumulative,
                reprocess_cumulative,
                break_even_month,
                cheaper_over_span: if possible && over_span_reprocess < over_span_copies {
                    Cheaper::Reprocess
                } else {
                    Cheaper::Copies
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::disasters_by;

    #[test]
    fn the_first_disaster_is_in_month_one_then_at_the_yearly_rate() {
        assert_eq!(disasters_by(1, 0.2), 1.0);
        assert_eq!(disasters_by(60, 0.2), 1.0);
        assert_eq!(disasters_by(61, 0.2), 2.0);
        assert_eq!(disasters_by(12, 12.0), 12.0);
        assert_eq!(disasters_by(1, 365.0), 31.0);
        assert_eq!(disasters_by(36, 0.0), 0.0);
    }
}
