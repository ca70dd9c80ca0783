//! Writes the recommendation for the option the lineage-aware search chose (see
//! [`lineage`](super::lineage)), and says why in plain words. Reasons are only written here,
//! once per stage and disruption type, never inside the search.
//!
//! For a stage on its own the search's rule is the familiar one:
//! 1. keep the candidates that meet the RPO (if none does, those with the best RPO);
//! 2. among them, the cheapest that meets the RTO;
//! 3. if none meets the RTO, the fastest (then the cheapest): the best achievable.
//!
//! Along the flows, "meets the RTO" means the stage is *complete* in time, upstream included.
//! The RPO pool is the options' own recovery points; once the pipeline knows what each stage's
//! upstream recovers to, the plan judges the RPO along the flows too (see [`super::plan`]).

use super::candidates::{Blocked, Candidate, Ctx, How, Wait};
use super::lineage::Opt;
use super::text::{put, Fixed, Gb, Lower, MaybeMins, Put, Shown};
use super::{round2, Alternative, Cost, Recommendation};
use crate::duration::{Mins, Whole};
use crate::model::{BackupMethod, Disruption, DrStrategy, LoadPattern, StageKind, Target};

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
        };
        // Cheapest first, equals in the order listed (what the stable `sort_by` gave).
        let mut at = alternatives.len();
        while at > 0 && alternative.monthly.total_cmp(&alternatives[at - 1].monthly).is_lt() {
            at -= 1;
        }
        alternatives.insert(at, alternative);
    }

    let mut reason = String::with_capacity(640);
    reason.push_str(rule(ctx, disruption));
    let Some((chosen, c)) = lineage.pick.and_then(|i| Some((i, options.get(i)?))) else {
        reason.push_str(" Keel found no way to recover it.");
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
            reason,
            alternatives,
        };
    };

    if c.how == How::External {
        return Recommendation {
            disruption,
            backup: c.backup,
            strategy: c.strategy,
            target,
            rpo_minutes: Some(f64::from(target.rpo_minutes)),
            effective_rpo_minutes: Some(f64::from(target.rpo_minutes)),
            rto_minutes: Some(f64::from(target.rto_minutes)),
            completion_minutes: Some(0.0),
            meets_rpo: true,
            meets_rto: true,
            assumed: true,
            cost: Cost::default(),
            reason,
            alternatives: Vec::new(),
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
            let verb = if c.timing.wait == Wait::Alongside { "serves once" } else { "starts once" };
            put!(&mut reason; "; it ", verb, " ", name, " is back (", Mins(back), "), so it is complete at ", Mins(lineage.completion));
        } else {
            put!(&mut reason; "; it waits for ", name, ", which is never back");
        }
    }
    put!(&mut reason; ", for ", currency, " ", Fixed::<2>(c.cost.total()), "/month.");
    if meets_rpo && meets_rto {
        // In one pass: how many options meet both targets, the cheapest of them (the first of
        // equals) and the cheapest other than the chosen one (the runner-up).
        let (mut feasible, mut cheapest, mut runner_up) = (0usize, None::<usize>, None::<usize>);
        for (i, o) in options.iter().enumerate() {
            if !meets_both(o) {
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
                    Fixed::<2>(options[i].cost.total()), "/month would do.");
            }
            _ => {
                put!(&mut reason;
                    " The cheapest of ", feasible, " option", if feasible == 1 { "" } else { "s" }, " that meet",
                    if feasible == 1 { "s" } else { "" }, " RPO ", Whole(target.rpo_minutes), " and RTO ",
                    Whole(target.rto_minutes), ".");
                if let Some(next) = runner_up.and_then(|i| options.get(i)) {
                    put!(&mut reason; " Next: ", Label(next), " at ", currency, " ", Fixed::<2>(next.cost.total()), "/month.");
                }
            }
        }
    } else if meets_rpo && meets(c.rto, target.rto_minutes) {
        put!(&mut reason;
            " No plan brings it back within its RTO of ", Whole(target.rto_minutes),
            ": even with every upstream stage at its fastest it is complete at ", Mins(lineage.fastest),
            ", because its inputs come back too late. Speed up the slowest step on its critical path (see the warnings), or keep a copy of its own that restores within ",
            Whole(target.rto_minutes), ".");
    } else {
        explain_miss(ctx, c, target, meets_rpo, meets(c.rto, target.rto_minutes), &mut reason);
    }
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
        reason,
        alternatives,
    }
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
struct Label<'a>(&'a Candidate);

impl Put for Label<'_> {
    fn put(&self, out: &mut String) {
        match (self.0.strategy, self.0.backup) {
            (DrStrategy::BackupRestore, b) => put!(out; "restore from ", Lower(b.label())),
            (s, BackupMethod::None) => put!(out; Lower(s.label())),
            (s, b) => put!(out; Lower(s.label()), " with ", Lower(b.label())),
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
    let rto = MaybeMins(c.rto);
    match c.how {
        How::External => {}
        How::Redeploy { reload_gb } => {
            put!(out; "Plan: ", Lower(c.backup.label()), " and redeploy");
            if reload_gb > 0.0 {
                put!(out; ", then reload ", Gb(reload_gb), " from upstream");
            }
            put!(out; ": back in ", rto);
        }
        How::Restore { gb, rehydrate } => {
            put!(out; "Plan: ", Lower(c.backup.label()), " (recovery point ", MaybeMins(c.rpo), "); restoring ", Gb(gb), " takes ", rto);
            if rehydrate {
                out.push_str(" including archive rehydration");
            }
            if disruption == Disruption::RegionOutage {
                put!(out; " in ", ctx.scenario.regions.secondary);
            }
        }
        How::Reprocess { gb, whole, reload } => {
            if reload {
                put!(out; "Plan: reload the latest dated full copy (", Gb(gb), ") in ", rto);
            } else if whole {
                put!(out; "Plan: no backup; reprocess all ", Gb(gb), " at ", Shown(ctx.reprocess_tb_per_hour()), " TB/h in ", rto);
            } else {
                put!(out; "Plan: no backup; reprocess only the damaged partition (", Gb(gb), ") in ", rto);
            }
        }
        How::Replica { rehydrate } => {
            put!(out; "Plan: ", Lower(c.strategy.label()), " (recovery point ", MaybeMins(c.rpo), ", back in ", rto);
            if rehydrate {
                out.push_str(" including archive rehydration");
            }
            out.push(')');
        }
    }
    if !c.note.is_empty() {
        put!(out; " — ", c.note.trim_end_matches('.'));
    }
}

/// Why the best achievable option still misses, and what it would take.
fn explain_miss(ctx: &Ctx<'_>, c: &Candidate, target: Target, meets_rpo: bool, meets_rto: bool, out: &mut String) {
    let missed = match (meets_rpo, meets_rto) {
        (false, false) => "RPO and RTO",
        (false, true) => "RPO",
        _ => "RTO",
    };
    put!(out;
        " No option meets the ", missed, " (RPO ", Whole(target.rpo_minutes), ", RTO ", Whole(target.rto_minutes),
        "): this is the best achievable.");
    match c.blocked {
        Some(Blocked::NotInSecondary) => {
            put!(out;
                " The service is not offered in the paired region (", ctx.scenario.regions.secondary,
                "), so the stage cannot run there: choose a region pair where it is, or another service.");
        }
        Some(Blocked::SourceRetention { keeps_days, needs_days }) => {
            put!(out;
                " The source keeps only ", keeps_days, " days of data but a rebuild needs ", Fixed::<0>(needs_days),
                " days of history: keep a backup, or have the source keep data longer.");
        }
        None => {}
    }
    if !meets_rto && c.blocked.is_none() {
        if let Some(rto) = c.rto {
            put!(out;
                " Meeting the RTO means gaining ", Mins(rto - f64::from(target.rto_minutes)),
                ": a faster strategy, a hot window restored first, or more throughput.");
        }
    }
}

/// The guide's rule for this stage kind and disruption, in plain words.
fn rule(ctx: &Ctx<'_>, disruption: Disruption) -> &'static str {
    let s = ctx.stage;
    let outage = disruption == Disruption::RegionOutage;
    let text: &str = match s.kind {
        StageKind::SystemOfRecord => {
            "A system of record is protected by its owner: the guide expects its backups and DR plan to be in place already. Keel treats it as an external dependency — confirm with the owner that its RPO and RTO cover yours."
        }
        StageKind::Ingest if outage => {
            "Ingest holds no data, so the guide finds it simpler to redeploy and configure it in the paired region than to keep a second instance; on-premises gateways are protected with your other on-premises systems."
        }
        StageKind::Ingest => {
            "Ingest is transient and holds no data to back up: version its scripts and configuration in git, so a bad change is backed off by redeploying the previous version."
        }
        StageKind::Raw if s.recreatable => {
            "Raw data is copied verbatim; the guide backs it up and sets up DR so the lake no longer relies on the source. Re-ingesting from the source is possible here, but it loads the systems of record."
        }
        StageKind::Raw => {
            "Raw data is copied verbatim and the source need not keep it once it is in the lake, so the guide backs raw data up and sets up DR."
        }
        StageKind::Enriched if s.automated && !outage => {
            "Enrichment is fully automated: a corruption means the process is at fault, so fix it and re-run it — the guide says a backup achieves very little here."
        }
        StageKind::Enriched if s.automated => {
            "Enrichment is fully automated; for DR the guide expects a replicated copy to be rarely dearer than recreating the data (storage is cheap, compute dear) — Keel compares both with your figures."
        }
        StageKind::Enriched => {
            "This enrichment is not fully automated, so people can damage the data: it needs backups like any hand-edited data."
        }
        StageKind::Curated if s.modified_in_place && !outage => {
            "Processing modifies curated files in place, so rolling back a bad change needs backups (the guide's Curated rule)."
        }
        StageKind::Curated if !outage => {
            "Processing writes new files rather than changing old ones, so a corruption only needs the damaged partitions reprocessed."
        }
        StageKind::Curated => {
            "For DR the guide uses a replicated copy of curated data to save time; partitioning limits what must be reprocessed."
        }
        StageKind::Presentation if s.load == LoadPattern::DailyFull => {
            "A warehouse or data mart reloaded every day: the guide keeps a full data set per day and backs it up, with a replicated copy for DR unless the warehouse replicates itself."
        }
        StageKind::Presentation => {
            "The guide would certainly keep backups of a warehouse or data mart, and a replicated copy for DR unless the warehouse replicates itself."
        }
        StageKind::Scripts => {
            "Scripts live in git: every commit is a snapshot. For DR, clone the repository to another host and block deletion of at least one copy."
        }
        StageKind::ModeledData => {
            "Modeled data has gained value and feeds consumption directly, so the guide keeps a backup: a new complete data set per update on the lake is a point-in-time backup."
        }
        StageKind::InfraConfig => {
            "Infrastructure configuration and deployment scripts (often JSON) are backed up in git alongside the scripts, and the environment is recreated from them."
        }
        StageKind::Model if s.load == LoadPattern::DailyFull => {
            "Loaded by a daily full ingest: the dated full copies on the lake are its backup, so the model needs no backup or replica of its own — the choice is the load time against the RTO."
        }
        StageKind::Model => {
            "Loaded by partitioned incremental loads: keep backups of the incremental data (and within the model to roll back a failed load); for DR replicate the lake, and the model too if reloading takes too long."
        }
        StageKind::Cache => {
            "A cache is reloaded from the model, so it needs no backup of its own: keep its deployment scripts in git, redeploy and reload."
        }
        StageKind::Report => {
            "Report sources belong in git; after a regional outage redeploy the reports and re-point their data sources (a global load balancer can hide the change)."
        }
        StageKind::Archive => {
            "An archive is a system in its own right, not a backup of its sources: it needs backups or snapshots of its own and a replica."
        }
    };
    text
}
