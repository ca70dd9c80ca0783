//! More ways through a region outage (issue #16, item 5), beside restores and replicas:
//! a read-access geo-redundant account whose secondary serves reads at once, dual ingest (the
//! data written into both regions as it arrives) and waiting for the provider to bring the
//! region back. Each is allowed by rows of the guides' rules ([`super::rules::WAYS`]) and takes
//! its figures from the catalogue and the price book (docs/engine.md, "Ways through a region
//! outage").
//!
//! Beside every region-outage recommendation the plan also says what waiting would mean
//! ([`WaitForProvider`], [`compare`]): what it saves, what failing over gains, and why Keel does
//! not offer it where it does not.

use super::candidates::{Candidate, Ctx, How, Timing, Wait};
use super::choose::Label;
use super::lineage::Opt;
use super::rules::{self, Family};
use super::text::put;
use super::{round2, Cost};
use crate::catalogue::{DrOffer, Tier};
use crate::model::{BackupMethod, Disruption, DrStrategy, StageKind, Target};
use crate::text::{Cents, Mins, Whole};
use serde::{Deserialize, Serialize};

/// What waiting for the provider would mean beside a stage's region-outage recommendation:
/// shown for every stage Keel plans (not for systems of record, whose owner decides).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaitForProvider {
    /// How long waiting takes: the expected region outage (`outage.expected_minutes`), in minutes.
    pub rto_minutes: f64,
    /// The plan waits (its strategy is `wait_for_provider`); absent means false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub chosen: bool,
    /// The guides' rules let this stage wait: its row allows it and the stage can be rebuilt in
    /// the paired region if the region never comes back (the chooser then takes waiting only
    /// when it is back within the RTO, or nothing else would be back sooner).
    pub allowed: bool,
    /// What waiting saves a month against failing over — the plan's option, or, when the plan
    /// waits, the cheapest option back sooner; `None` when there is no such option.
    #[serde(default)]
    pub saves_monthly: Option<f64>,
    /// How much sooner failing over brings the stage back than waiting, in minutes (negative:
    /// later); `None` as for `saves_monthly`.
    #[serde(default)]
    pub gains_minutes: Option<f64>,
}

#[cfg(test)]
thread_local! {
    /// Set by tests to plan without these ways, as before they were added.
    pub(super) static WITHOUT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Whether these ways are built: always, except in tests that compare with the plan before them.
#[inline(always)]
pub(super) fn enabled() -> bool {
    #[cfg(test)]
    if WITHOUT.with(std::cell::Cell::get) {
        return false;
    }
    true
}

/// A read-access geo-redundant account (RA-GRS / RA-GZRS) offered by the stage's service:
/// readers switch to the secondary endpoint at once; writes wait for the account failover.
/// Storage is billed as GRS times `storage.read_access_multiplier`, replication as GRS.
pub(super) fn read_access(ctx: &Ctx<'_>, offer: &DrOffer, replication: f64) -> Candidate {
    let p = ctx.prices;
    let s = ctx.stage;
    let key = offer.strategy.key();
    let rpo = ctx.offer_override(key, "rpo_minutes").or(offer.rpo_minutes).unwrap_or(p.lag_storage_geo_minutes);
    let rto = ctx.offer_override(key, "rto_minutes").or(offer.rto_minutes).unwrap_or(p.delay_repoint_minutes);
    let extra = (p.geo_multiplier * p.read_access_multiplier - 1.0).max(0.0);
    Candidate {
        backup: BackupMethod::None,
        strategy: DrStrategy::ReadAccessGeo,
        rpo: Some(rpo),
        rto: Some(rto),
        cost: Cost { storage: s.volume_gb * ctx.primary_price() * extra, replication, ..Cost::default() },
        how: How::ReadAccess,
        blocked: None,
        note: offer.note,
        family: Family::Replica,
        preview: false,
        timing: Timing { wait: Wait::Own, fixed: rto, variable: 0.0, gb: 0.0 },
        catch_up: None,
        vault: None,
    }
}

/// Dual ingest of a lake zone on object storage: its ingest or processing runs in both regions,
/// so the second copy is current (`dr.dual_ingest.rpo_minutes`) and readers are re-pointed to it
/// (`delay.repoint_readers_minutes`). Cost: a second copy of the data at the primary price, the
/// data arriving carried between the regions, and a second run of its compute.
pub(super) fn dual_ingest(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let p = ctx.prices;
    let s = ctx.stage;
    if ctx.service.tier != Tier::Hot || !matches!(s.kind, StageKind::Raw | StageKind::Enriched | StageKind::Curated) {
        return;
    }
    let rto = p.delay_repoint_minutes;
    out.push(Candidate {
        backup: BackupMethod::None,
        strategy: DrStrategy::DualIngest,
        rpo: Some(p.dual_ingest_rpo_minutes),
        rto: Some(rto),
        cost: Cost {
            storage: s.volume_gb * ctx.primary_price(),
            replication: s.daily_change_gb * 30.0 * p.transfer_inter_region_gb,
            standby: p.dual_ingest_compute_share * ingest_compute(ctx),
            reprocessing: 0.0,
        },
        how: How::DualIngest,
        blocked: None,
        note: "",
        family: Family::DualIngest,
        preview: false,
        timing: Timing { wait: Wait::Own, fixed: rto, variable: 0.0, gb: 0.0 },
        catch_up: None,
        vault: None,
    });
}

/// The monthly compute that writes the stage: its own `compute_monthly` when set; for a raw
/// zone the price book's ingest runtime (`compute.ingest`); for a zone processed from upstream,
/// processing its monthly change at `reprocess.cost_per_tb`.
pub(super) fn ingest_compute(ctx: &Ctx<'_>) -> f64 {
    let p = ctx.prices;
    let s = ctx.stage;
    match (s.compute_monthly, s.kind) {
        (Some(c), _) => c,
        (None, StageKind::Raw) => p.compute_ingest,
        (None, _) => s.daily_change_gb * 30.0 / 1000.0 * p.reprocess_cost_per_tb,
    }
}

/// Why waiting for the provider is not offered for a stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NotOffered {
    /// The guides' row for the stage does not allow it.
    Rule,
    /// Nothing could rebuild the stage in the paired region if the region never came back.
    NotRebuildable,
}

/// Whether the stage may wait for the provider after a region outage, and if not, why. Its RTO
/// does not enter here — the options of a stage never depend on its targets (the cost curves
/// plan them at every target) — but the chooser takes waiting only when it is back in time, or
/// when nothing else would be back sooner.
fn offered(ctx: &Ctx<'_>) -> Result<(), NotOffered> {
    let rule = ctx.rule(Disruption::RegionOutage);
    if !rule.allows(Family::Wait) {
        return Err(NotOffered::Rule);
    }
    if !(rule.allows(Family::Reload) || ctx.stage.recreatable && rule.allows(Family::Reprocess)) {
        return Err(NotOffered::NotRebuildable);
    }
    Ok(())
}

/// Waiting for the provider: no failover and nothing kept ready, back when the region is
/// (`outage.expected_minutes`) with its data (`outage.wait_rpo_minutes`). Built only where
/// [`offered`] allows it.
pub(super) fn wait(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    if offered(ctx).is_err() {
        return;
    }
    let p = ctx.prices;
    let rto = p.outage_expected_minutes;
    out.push(Candidate {
        backup: BackupMethod::None,
        strategy: DrStrategy::WaitForProvider,
        rpo: Some(p.outage_wait_rpo_minutes),
        rto: Some(rto),
        cost: Cost::default(),
        how: How::WaitForProvider,
        blocked: None,
        note: "",
        family: Family::Wait,
        preview: false,
        timing: Timing { wait: Wait::Own, fixed: rto, variable: 0.0, gb: 0.0 },
        catch_up: None,
        vault: None,
    });
}

/// The plan's words for one of these options (the start of the reason's "Plan: …").
pub(super) fn describe(ctx: &Ctx<'_>, c: &Candidate, out: &mut String) {
    let p = ctx.prices;
    let secondary = ctx.scenario.regions.secondary.as_str();
    match c.how {
        How::ReadAccess => put!(out;
            "Plan: no backup; read-access geo-redundant storage: readers switch to the secondary in ", secondary,
            " after ", Mins(p.delay_repoint_minutes), " with data ", Mins(c.rpo.unwrap_or(0.0)),
            " old at most, without a failover; writes resume once the account fails over (about ",
            Mins(p.delay_storage_failover_minutes), ")"),
        How::DualIngest => put!(out;
            "Plan: no backup; dual ingest: the data is written into ", secondary,
            " too as it arrives (a second copy, and its ingest or processing run twice), so readers are re-pointed to it after ",
            Mins(p.delay_repoint_minutes), " with nothing lost beyond ", Mins(c.rpo.unwrap_or(0.0))),
        How::WaitForProvider => put!(out;
            "Plan: no backup, no failover and nothing kept ready in ", secondary,
            ": wait for the provider to bring the region back, about ", Mins(p.outage_expected_minutes),
            " (the expected outage), with its data assumed intact"),
        _ => {}
    }
    if let Some(w) = rules::way(c.strategy) {
        put!(out; " (the guide: “", w.quote, "”)");
    }
}

/// What waiting for the provider would mean beside the plan's option `chosen` for a stage after
/// a region outage (completion `completion`, its upstream back at `up`), appended to `reason`
/// as a sentence; `None` for a corruption.
pub(super) fn compare(
    ctx: &Ctx<'_>,
    disruption: Disruption,
    target: Target,
    chosen: Option<&Candidate>,
    options: &[Candidate],
    (completion, up): (f64, f64),
    reason: &mut String,
) -> Option<WaitForProvider> {
    if disruption != Disruption::RegionOutage {
        return None;
    }
    let p = ctx.prices;
    let currency = ctx.scenario.currency.as_str();
    let waiting = p.outage_expected_minutes;
    let allowed = offered(ctx);
    let mut out = WaitForProvider {
        rto_minutes: super::choose::round1(waiting),
        chosen: false,
        allowed: allowed.is_ok(),
        saves_monthly: None,
        gains_minutes: None,
    };
    let Some(c) = chosen else {
        put!(reason;
            " With no way back in the paired region, the stage is back only when the provider brings the region back (about ",
            Mins(waiting), ", the expected outage).");
        return Some(out);
    };
    if c.strategy == DrStrategy::WaitForProvider {
        out.chosen = true;
        // The cheapest option back sooner that keeps the data recent enough.
        let faster = options
            .iter()
            .filter(|o| o.family != Family::Wait && o.rpo.is_some_and(|r| r <= f64::from(target.rpo_minutes) + 1e-6))
            .map(|o| (o, Opt::of(o).completion(up)))
            .filter(|(_, done)| done.is_finite() && *done + 1e-6 < completion)
            .min_by(|a, b| a.0.cost.total().total_cmp(&b.0.cost.total()));
        match faster {
            Some((o, done)) => {
                out.saves_monthly = Some(round2(o.cost.total() - c.cost.total()));
                out.gains_minutes = Some(super::choose::round1(completion - done));
                put!(reason;
                    " Failing over instead (", Label(o), ", back at ", Mins(done), ") would cost ", currency, " ",
                    Cents(o.cost.total() - c.cost.total()), "/month more and gain ", Mins(completion - done), ".");
            }
            None => reason.push_str(" No option in the paired region would bring it back sooner."),
        }
        put!(reason;
            " Waiting is a bet on the provider: an outage as long as the longest on record (", Mins(p.outage_long_minutes),
            ") leaves the stage down that long, and if the region never comes back it is rebuilt in ",
            ctx.scenario.regions.secondary.as_str(), " from upstream — a DR architect should sign this choice.");
        return Some(out);
    }
    let cost = c.cost.total();
    out.saves_monthly = Some(round2(cost));
    if completion.is_finite() {
        out.gains_minutes = Some(super::choose::round1(waiting - completion));
    }
    if cost < 0.005 {
        put!(reason; " Waiting for the provider instead (no failover; about ", Mins(waiting), ", the expected outage) would save nothing: this plan costs nothing a month");
    } else {
        put!(reason;
            " Waiting for the provider instead (no failover; about ", Mins(waiting), ", the expected outage) would save ",
            currency, " ", Cents(cost), "/month");
    }
    if !completion.is_finite() {
        reason.push('.');
    } else if completion + 1e-6 < waiting {
        put!(reason; "; failing over gains ", Mins(waiting - completion), ".");
    } else {
        put!(reason; "; failing over is no sooner (back at ", Mins(completion), ") but does not depend on the region coming back.");
    }
    match allowed {
        Ok(()) => {}
        Err(NotOffered::Rule) if ctx.stage.kind.holds_data() => reason.push_str(
            " Keel does not offer waiting here: the guide keeps this data available outside the region, and if the region did not come back it would exist nowhere else.",
        ),
        Err(NotOffered::Rule) => reason.push_str(
            " Keel does not offer waiting here: a redeploy in the paired region costs nothing to keep ready.",
        ),
        Err(NotOffered::NotRebuildable) => reason.push_str(
            " Keel does not offer waiting here: the stage cannot be rebuilt from upstream, so if the region did not come back its data would exist nowhere else.",
        ),
    }
    if allowed.is_ok() && f64::from(target.rto_minutes) + super::choose::EPS < waiting {
        put!(reason; " Keel does not wait here: its RTO (", Whole(target.rto_minutes), ") is shorter than the expected outage.");
    }
    Some(out)
}
