//! Writes the recommendation for the option the lineage-aware search chose (see
//! [`lineage`](super::lineage)), and says why in plain words. Reasons are only written here,
//! once per stage and disruption type, never inside the search.
//!
//! For a stage on its own the search's rule is the familiar one:
//! 1. keep the candidates that meet the RPO (if none does, those with the best RPO);
//! 2. among them, the cheapest that meets the RTO;
//! 3. if none meets the RTO, the fastest (then the cheapest): the best achievable — and its
//!    reason prices the time it gains against the cheapest option that meets the RPO.
//!
//! Along the flows, "meets the RTO" means the stage is *complete* in time, upstream included.
//! The RPO pool is the options' own recovery points; once the pipeline knows what each stage's
//! upstream recovers to, the plan judges the RPO along the flows too (see [`super::plan`]).

use super::candidates::{Blocked, Candidate, Ctx, How, Wait};
use super::lineage::Opt;
use super::rules::Family;
use super::text::{put, Lower, MaybeMins, Put};
use super::{round2, Alternative, CatchUpPlan, CopiesIn, Cost, Reason, Recommendation};
use crate::catalogue::VaultId;
use crate::model::{BackupMethod, Disruption, DrStrategy, Target};
use crate::text::{word, Cents, Count, Fixed, Mins, Size, Trimmed, Whole};

/// Room for rounding when comparing achieved and target minutes.
pub(super) const EPS: f64 = 1e-6;

fn meets(value: Option<f64>, target: u32) -> bool {
    value.is_some_and(|v| v <= f64::from(target) + EPS)
}

/// What the search decided for one stage and disruption type, with names for the reason.
pub(super) struct Lineage<'a> {
    /// The chosen candidate; `None` = the stage has no way to recover.
    pub pick: Option<usize>,
    /// When every stage it reads from is back.
    pub up_done: f64,
    /// When it is back.
    pub completion: f64,
    /// Its earliest possible completion, every upstream stage at its fastest.
    pub fastest: f64,
    /// The deadline its consumers' choices set it.
    pub deadline: f64,
    /// The consumer that set that deadline, when it is tighter than its own RTO.
    pub set_by: Option<&'a str>,
    /// The upstream stage it waits for longest, and when that one is back.
    pub waits_on: Option<(&'a str, f64)>,
}

#[inline(always)]
fn finite(v: f64) -> Option<f64> {
    v.is_finite().then_some(v)
}

/// The recommendation for one stage and disruption type.
pub(super) fn recommend(
    ctx: &Ctx<'_>,
    disruption: Disruption,
    target: Target,
    options: &[Candidate],
    lineage: &Lineage<'_>,
    scratch: &mut String,
) -> Recommendation {
    let currency = ctx.scenario.currency.as_str();
    let mut alternatives: Vec<Alternative> = Vec::with_capacity(options.len());
    for c in options {
        let alternative = Alternative {
            backup: c.backup,
            strategy: c.strategy,
            rpo_minutes: round1_of(c.rpo),
            rto_minutes: round1_of(c.rto),
            monthly: round2(c.cost.total()),
            catch_up: c.catch_up.is_some(),
            copies_in: c.vault.map(VaultId::of),
        };
        // Cheapest first, equals in the order listed (what the stable `sort_by` gave).
        let mut at = alternatives.len();
        while at > 0 && alternative.monthly.total_cmp(&alternatives[at - 1].monthly).is_lt() {
            at -= 1;
        }
        alternatives.insert(at, alternative);
    }

    let rule = ctx.rule(disruption);
    // What the plan found, after the rule's sentence (`Reason`).
    let mut reason = std::mem::take(scratch);
    reason.clear();
    let Some((chosen, c)) = lineage.pick.and_then(|i| Some((i, options.get(i)?))) else {
        reason.push_str(" Keel found no way to recover it.");
        let wait_for_provider = super::outage::compare(
            ctx,
            disruption,
            target,
            None,
            options,
            (f64::INFINITY, lineage.up_done),
            &mut reason,
        );
        return Recommendation {
            disruption,
            backup: BackupMethod::None,
            strategy: DrStrategy::None,
            target,
            rpo_minutes: None,
            effective_rpo_minutes: None,
            rto_minutes: None,
            completion_minutes: None,
            meets_rpo: false,
            meets_rto: false,
            assumed: false,
            cost: Cost::default(),
            reason: exact(rule.reason, reason, scratch),
            alternatives,
            catch_up: None,
            copies_in: None,
            rule: std::borrow::Cow::Borrowed(rule.id),
            wait_for_provider,
            recent: None,
        };
    };

    if c.how == How::External {
        // The owner's figures, which the pipeline waits for.
        put!(&mut reason;
            " Plan: service-native backups and the DR plan of its owner (strategy: none in this plan) — back in ",
            Whole(target.rto_minutes), " with data up to ", Whole(target.rpo_minutes), " old, the owner's figures.");
        return Recommendation {
            disruption,
            backup: c.backup,
            strategy: c.strategy,
            target,
            rpo_minutes: Some(f64::from(target.rpo_minutes)),
            effective_rpo_minutes: Some(f64::from(target.rpo_minutes)),
            rto_minutes: Some(f64::from(target.rto_minutes)),
            completion_minutes: Some(f64::from(target.rto_minutes)),
            meets_rpo: true,
            meets_rto: true,
            assumed: true,
            cost: Cost::default(),
            reason: exact(rule.reason, reason, scratch),
            alternatives: Vec::new(),
            catch_up: None,
            copies_in: None,
            rule: std::borrow::Cow::Borrowed(rule.id),
            wait_for_provider: None,
            recent: None,
        };
    }

    let completion = finite(lineage.completion);
    let meets_rpo = meets(c.rpo, target.rpo_minutes);
    let meets_rto = meets(completion, target.rto_minutes);
    let up = lineage.up_done;
    let done_by = |o: &Candidate| Opt::of(o).completion(up);
    let meets_both = |o: &Candidate| meets(o.rpo, target.rpo_minutes) && meets(finite(done_by(o)), target.rto_minutes);
    reason.push(' ');
    describe(ctx, c, disruption, &mut reason);
    if let Some((name, back)) = lineage.waits_on {
        if back.is_finite() {
            let verb = match c.timing.wait {
                Wait::Alongside => "serves once",
                _ if c.catch_up.is_some() => "catches up once",
                _ => "starts once",
            };
            put!(&mut reason; "; it ", verb, " ", name, " is back (", Mins(back), "), so it is complete at ", Mins(lineage.completion));
        } else {
            put!(&mut reason; "; it waits for ", name, ", which is never back");
        }
    }
    put!(&mut reason; ", for ", currency, " ", Cents(c.cost.total()), "/month.");
    if meets_rpo && meets_rto {
        // In one pass: how many options meet both targets, the cheapest of them (the first of
        // equals) and the cheapest other than the chosen one (the runner-up).
        let (mut feasible, mut cheapest, mut runner_up) = (0usize, None::<usize>, None::<usize>);
        // A catch-up counts as an option of its own only where the restore alone misses: the
        // same restore that meets both targets with a catch-up added is not another way.
        let plain_meets = |o: &Candidate| {
            options.iter().any(|p| {
                p.catch_up.is_none()
                    && p.backup == o.backup
                    && p.strategy == o.strategy
                    && p.how == o.how
                    && meets_both(p)
            })
        };
        for (i, o) in options.iter().enumerate() {
            if !meets_both(o) || (i != chosen && o.catch_up.is_some() && plain_meets(o)) {
                continue;
            }
            feasible += 1;
            let cost = o.cost.total();
            if cheapest.is_none_or(|k| cost.total_cmp(&options[k].cost.total()).is_lt()) {
                cheapest = Some(i);
            }
            if i != chosen && runner_up.is_none_or(|k| cost.total_cmp(&options[k].cost.total()).is_lt()) {
                runner_up = Some(i);
            }
        }
        match (cheapest, lineage.set_by) {
            (Some(i), Some(consumer)) if options[i].cost.total() + EPS < c.cost.total() => {
                put!(&mut reason;
                    " Chosen faster than its own RTO needs: ", consumer, " rebuilds from it and needs it back by ",
                    Mins(lineage.deadline), "; for its own RTO alone, ", Label(&options[i]), " at ", currency, " ",
                    Cents(options[i].cost.total()), "/month would do.");
            }
            _ => {
                put!(&mut reason;
                    " The cheapest of ", Count(feasible as u64, "option", "options"), " that ",
                    word(feasible as u64, "meets", "meet"), " RPO ", Whole(target.rpo_minutes), " and RTO ",
                    Whole(target.rto_minutes), ".");
                if let Some(next) = runner_up.and_then(|i| options.get(i)) {
                    put!(&mut reason; " Next: ", Label(next), " at ", currency, " ", Cents(next.cost.total()), "/month.");
                }
            }
        }
    } else if let (true, Some(cu)) = (meets_rpo && meets(c.rto, target.rto_minutes), c.catch_up) {
        // Caught up for the RPO, late for the RTO: the trade-off in the open.
        put!(&mut reason;
            " Catching up waits for its upstream, so it is complete only at ", Mins(lineage.completion),
            ", past its RTO of ", Whole(target.rto_minutes), "; its restore alone would be back at ",
            Mins(cu.restore.own()), " with data ", Mins(cu.from_rpo), " old, past its RPO of ",
            Whole(target.rpo_minutes), ". Keel meets the RPO first: to meet both, speed up the slowest step upstream (see the warnings), or loosen one target.");
    } else if meets_rpo && meets(c.rto, target.rto_minutes) {
        put!(&mut reason;
            " No plan brings it back within its RTO of ", Whole(target.rto_minutes),
            ": even with every upstream stage at its fastest it is complete at ", Mins(lineage.fastest),
            ", because its inputs come back too late. Speed up the slowest step on its critical path (see the warnings), or keep a copy of its own that restores within ",
            Whole(target.rto_minutes), ".");
    } else {
        explain_miss(ctx, c, (disruption, target), meets_rpo, meets(c.rto, target.rto_minutes), &mut reason);
        if meets_rpo {
            price_of_the_time_gained(c, options, target, &done_by, (lineage.completion, currency), &mut reason);
        }
    }
    if c.family != rule.prefers() {
        not_preferred(ctx, rule.prefers(), c, options, target, up, &mut reason);
    }
    if c.preview {
        reason.push_str(" It uses a feature in public preview, which this scenario allows (allow_preview).");
    }
    let wait_for_provider =
        super::outage::compare(ctx, disruption, target, Some(c), options, (lineage.completion, up), &mut reason);
    Recommendation {
        disruption,
        backup: c.backup,
        strategy: c.strategy,
        target,
        rpo_minutes: round1_of(c.rpo),
        // The plan sets it once the pipeline knows what the stage's upstream recovers to.
        effective_rpo_minutes: round1_of(c.rpo),
        rto_minutes: round1_of(c.rto),
        completion_minutes: round1_of(completion),
        // The option's own, for now: the plan judges the RPO along the flows once the pipeline
        // knows what the stage's upstream recovers to.
        meets_rpo,
        meets_rto,
        assumed: false,
        cost: c.cost.rounded(),
        reason: exact(rule.reason, reason, scratch),
        alternatives,
        catch_up: c.catch_up.map(|cu| CatchUpPlan {
            from_rpo_minutes: round1(cu.from_rpo),
            restore_minutes: round1(cu.restore.own()),
            gb: round1(c.timing.gb),
            minutes: round1(c.timing.variable),
        }),
        copies_in: c.vault.map(|v| CopiesIn {
            vault: std::borrow::Cow::Borrowed(v.id),
            name: std::borrow::Cow::Borrowed(v.name),
            radius: v.radius,
            lock: v.lock,
        }),
        rule: std::borrow::Cow::Borrowed(rule.id),
        wait_for_provider,
        recent: None,
    }
}

/// Why the chosen option is not of the family the guide prefers for this stage.
fn not_preferred(
    ctx: &Ctx<'_>,
    preferred: Family,
    chosen: &Candidate,
    options: &[Candidate],
    target: Target,
    up: f64,
    out: &mut String,
) {
    put!(out; " The guide's first choice here is ", preferred.label(), "; ");
    let best = options
        .iter()
        .filter(|o| o.family == preferred)
        .min_by(|a, b| Opt::of(a).completion(up).total_cmp(&Opt::of(b).completion(up)));
    let Some(p) = best else {
        put!(out; ctx.service.name, " offers no such option here, so Keel chose ", Label(chosen), ".");
        return;
    };
    let done = Opt::of(p).completion(up);
    if p.blocked.is_some() || p.rpo.is_none() || p.rto.is_none() {
        put!(out; "it is not possible here (see below), so Keel chose ", Label(chosen), ".");
        if let Some(b) = p.blocked {
            blocked_text(ctx, b, out);
        }
    } else if !meets(p.rpo, target.rpo_minutes) {
        put!(out; "its recovery point (", MaybeMins(p.rpo), ") misses the RPO of ", Whole(target.rpo_minutes), ", so Keel chose ", Label(chosen), ".");
    } else if !meets(finite(done), target.rto_minutes) {
        put!(out; "it would be complete only at ", Mins(done), ", past the RTO of ", Whole(target.rto_minutes), ", so Keel chose ", Label(chosen), ".");
    } else {
        let currency = ctx.scenario.currency.as_str();
        put!(out; Label(p), " would meet the targets too, at ", currency, " ", Cents(p.cost.total()), "/month; ");
        if chosen.cost.total() < p.cost.total() {
            put!(out; "Keel chose ", Label(chosen), ", which meets them for less.");
        } else {
            put!(out; "Keel chose ", Label(chosen), " because the stages that depend on it need it back sooner.");
        }
    }
}

/// The reason: the rule's sentence `rule`, then what was written in the reused buffer `found`,
/// copied into a `String` of its own length; the buffer goes back to `scratch` for the next
/// recommendation. Most reasons are 0.4–1.2 KB: written into a fresh `String` they grew (and
/// were copied) once or twice, and left a plan of 1,000 stages holding ≈ 3 MB of reasons
/// instead of ≈ 2.
fn exact(rule: &'static str, found: String, scratch: &mut String) -> Reason {
    let out = Reason::new(rule, found.as_str().to_owned());
    *scratch = found;
    out
}

/// Appends to a reason that the option's own recovery point meets the RPO but the data the
/// stage is rebuilt from, or serves, comes from `from`, which recovers to a point `minutes` old.
pub(super) fn limited_by_upstream(reason: &mut String, target: Target, from: &str, minutes: f64) {
    put!(reason; " But its data comes from ", from, ", which recovers to ");
    if minutes.is_finite() {
        put!(reason; "a point ", Mins(minutes), " old");
    } else {
        reason.push_str("no point at all");
    }
    put!(reason; ": along the flows it misses its RPO of ", Whole(target.rpo_minutes), " (see the warnings).");
}

/// An option in a few words: "restore from dated full copies", "reprocess",
/// "geo-replicated storage".
pub(super) struct Label<'a>(pub &'a Candidate);

impl Put for Label<'_> {
    fn put(&self, out: &mut String) {
        match (self.0.strategy, self.0.backup) {
            (DrStrategy::BackupRestore, b) => put!(out; "restore from ", Lower(b.label())),
            (s, BackupMethod::None) => put!(out; Lower(s.label())),
            (s, b) => put!(out; Lower(s.label()), " with ", Lower(b.label())),
        }
        if self.0.catch_up.is_some() {
            out.push_str(" then catch up");
        }
    }
}

/// [`round1`] of a number that may be missing.
#[inline(always)]
#[allow(clippy::manual_map)] // `Option::map` with a function stays a call at opt-level z
fn round1_of(v: Option<f64>) -> Option<f64> {
    if let Some(v) = v {
        Some(round1(v))
    } else {
        None
    }
}

#[inline(always)]
pub(super) fn round1(v: f64) -> f64 {
    super::text::round_to(v, 10.0)
}

/// What the chosen option does, with its numbers.
fn describe(ctx: &Ctx<'_>, c: &Candidate, disruption: Disruption, out: &mut String) {
    // Restored then caught up: the restore's own figures first, the catch-up after.
    let (rpo, rto) = match c.catch_up {
        Some(cu) => (MaybeMins(Some(cu.from_rpo)), MaybeMins(Some(cu.restore.own()))),
        None => (MaybeMins(c.rpo), MaybeMins(c.rto)),
    };
    match c.how {
        How::External => {}
        How::Redeploy { reload_gb } => {
            put!(out; "Plan: ", Lower(c.backup.label()), " and redeploy");
            if reload_gb > 0.0 {
                put!(out; ", then reload ", Size(reload_gb), " from upstream");
            }
            put!(out; ": back in ", rto);
        }
        How::Restore { gb, rehydrate, tier } => {
            put!(out; "Plan: ", Lower(c.backup.label()), " (recovery point ", rpo, ", ");
            match c.vault {
                Some(v) => put!(out; "kept in ", Lower(v.name), ", ", v.radius.label(), ", ", v.lock.label()),
                None => out.push_str(tier.label()),
            }
            put!(out; ") and backup & restore: restoring ", Size(gb), " takes ", rto);
            if rehydrate {
                out.push_str(" including archive rehydration");
            }
            if disruption == Disruption::RegionOutage {
                put!(out; " in ", ctx.scenario.regions.secondary);
            }
            let delay = ctx.detection_delay_days(disruption);
            if delay > 0 && c.rpo.is_some() {
                put!(out;
                    "; the recovery point is from before the corruption, found ", Count(u64::from(delay), "day", "days"),
                    " late, so it is that much older (copies are kept ", Count(u64::from(ctx.stage.backup_retention_days), "day", "days"), ")");
            }
        }
        How::Reprocess { gb, whole, reload } => {
            if reload {
                put!(out; "Plan: no backup of its own; reprocess by reloading the dated full set (", Size(gb), ") in ", rto);
            } else if whole {
                put!(out; "Plan: no backup; reprocess all ", Size(gb), " at ", Trimmed::<3>(ctx.reprocess_tb_per_hour()), " TB/h in ", rto);
                if let Some((source, _)) = ctx.limited_by_source() {
                    put!(out; " (the most ", source, " may be read at)");
                }
            } else {
                put!(out; "Plan: no backup; reprocess only the damaged partition (", Size(gb), ") in ", rto);
            }
            let delay = ctx.detection_delay_days(disruption);
            if delay > 0 && !reload && c.rpo.is_some() {
                put!(out;
                    ", from source history reaching ", Count(u64::from(delay), "day", "days"),
                    " further back, to before the corruption found that late");
            }
        }
        How::Replica { rehydrate } => {
            if c.backup == BackupMethod::None {
                out.push_str("Plan: no backup; ");
            } else {
                put!(out; "Plan: ", Lower(c.backup.label()), " and ");
            }
            put!(out; Lower(c.strategy.label()), " (recovery point ", rpo, ", back in ", rto);
            if rehydrate {
                out.push_str(" including archive rehydration");
            }
            out.push(')');
        }
        How::ReadAccess | How::DualIngest | How::WaitForProvider => super::outage::describe(ctx, c, out),
    }
    if disruption == Disruption::Ransomware && c.how != How::External {
        put!(out;
            " (that includes ", Mins(ctx.prices.delay_attack_triage_minutes),
            " to isolate the platform, find the last clean recovery point and prepare a clean environment)");
    }
    if let (Some(v), How::Redeploy { .. }) = (c.vault, c.how) {
        put!(out; ", from a ", Lower(v.name), " (", v.radius.label(), ", ", v.lock.label(), ")");
    }
    if !c.note.is_empty() {
        put!(out; " — ", c.note.trim_end_matches('.'));
    }
    if let Some(cu) = c.catch_up {
        put!(out;
            "; then catch up: reprocess the ", Size(c.timing.gb), " written since that point (", Mins(cu.from_rpo),
            ") from upstream in ", Mins(c.timing.variable), " once it is back, so its data is as recent as its upstream's");
        if let Some((source, limit)) = ctx.limited_by_source() {
            put!(out; " (reading ", source, " at no more than its limit of ", Trimmed::<3>(limit), " TB/h)");
        }
    }
}

/// Why the best achievable option still misses, and what it would take. After ransomware, a
/// triage no shorter than the RTO is what misses it, whatever the strategy: said as such.
fn explain_miss(
    ctx: &Ctx<'_>,
    c: &Candidate,
    (disruption, target): (Disruption, Target),
    meets_rpo: bool,
    meets_rto: bool,
    out: &mut String,
) {
    let missed = match (meets_rpo, meets_rto) {
        (false, false) => "RPO and RTO",
        (false, true) => "RPO",
        _ => "RTO",
    };
    put!(out;
        " No option meets the ", missed, " (RPO ", Whole(target.rpo_minutes), ", RTO ", Whole(target.rto_minutes),
        "): this is the best achievable.");
    if let Some(b) = c.blocked {
        blocked_text(ctx, b, out);
    }
    let triage = ctx.prices.delay_attack_triage_minutes;
    if !meets_rto && c.blocked.is_none() {
        if disruption == Disruption::Ransomware && triage + EPS >= f64::from(target.rto_minutes) {
            put!(out;
                " The triage alone — isolating the platform, finding the last clean recovery point, preparing a clean environment — takes ",
                Mins(triage), ", no less than the RTO of ", Whole(target.rto_minutes),
                ": no way of recovering can meet it. Agree a ransomware RTO above it with the business, or shorten the triage with a rehearsed response (and set delay.attack_triage_minutes to what a rehearsal shows).");
        } else if let Some(rto) = c.rto {
            put!(out;
                " Meeting the RTO means gaining ", Mins(rto - f64::from(target.rto_minutes)),
                ": a faster strategy, a hot window restored first, or more throughput.");
        }
    }
}

/// When no option meets the RTO and the best achievable is dearer than the cheapest option that
/// meets the RPO: how much later that one would be complete, and what the time gained costs a
/// month — rule 3 picks the fastest, and the room decides whether that time is worth its price.
fn price_of_the_time_gained(
    c: &Candidate,
    options: &[Candidate],
    target: Target,
    done_by: &impl Fn(&Candidate) -> f64,
    (completion, currency): (f64, &str),
    out: &mut String,
) {
    let cheapest = options
        .iter()
        .filter(|o| o.blocked.is_none() && meets(o.rpo, target.rpo_minutes) && done_by(o).is_finite())
        .min_by(|a, b| a.cost.total().total_cmp(&b.cost.total()));
    let Some(cheapest) = cheapest else { return };
    let (saves, back) = (c.cost.total() - cheapest.cost.total(), done_by(cheapest));
    if saves >= 0.005 && back > completion + EPS {
        put!(out;
            " The cheapest option that meets the RPO, ", Label(cheapest), " at ", currency, " ",
            Cents(cheapest.cost.total()), "/month, would be complete ", Mins(back - completion), " later (",
            Mins(back), "): the time gained costs ", currency, " ", Cents(saves), "/month.");
    }
}

/// Why an option cannot recover the stage, in a sentence.
fn blocked_text(ctx: &Ctx<'_>, blocked: Blocked, out: &mut String) {
    match blocked {
        Blocked::NotInSecondary => {
            put!(out;
                " The service is not offered in the paired region (", ctx.scenario.regions.secondary,
                "), so the stage cannot run there: choose a region pair where it is, or another service.");
        }
        Blocked::SourceRetention { keeps_days, needs_days } => {
            put!(out;
                " The source keeps only ", Count(u64::from(keeps_days), "day", "days"), " of data but a rebuild needs ", Fixed::<0>(needs_days),
                " days of history: keep a backup, or have the source keep data longer.");
        }
        Blocked::NoCleanCopy { delay_days, retention_days } => {
            put!(out;
                " Backups are kept ", Count(u64::from(retention_days), "day", "days"), " but a corruption is found ",
                Count(u64::from(delay_days), "day", "days"), " late: no clean recovery point is left. Keep copies longer than the detection delay.");
        }
        Blocked::Reachable { radius, lock } => {
            put!(out;
                " Its copies as kept today sit ", radius.label(), " and are ", lock.label(),
                ": whoever holds the platform's credentials deletes or encrypts them with the data. Keep a copy in immutable storage, a locked vault or off-cloud.");
        }
        Blocked::OtherVault => {
            let named = ctx.vault.map_or("another vault", |v| v.name);
            put!(out; " The stage keeps its ransomware copies in ", named, ", as its vault field says.");
        }
        Blocked::UpstreamHistory { from, holds_days, needs_days } => {
            let name = ctx.scenario.stages.get(from).map_or("its upstream", |s| s.display_name());
            put!(out;
                " ", name, " holds only ", Fixed::<0>(holds_days.floor()), " days of history but a rebuild needs ",
                Fixed::<0>(needs_days.ceil()), ": a stage can be rebuilt only from what its upstream still holds — keep copies, or keep more history upstream.");
        }
    }
}
