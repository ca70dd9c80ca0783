//! Warnings: risks and breaches of the guides' rules, each with a stable code.
//!
//! Codes are part of the plan file format: CI checks may match on them, so a code is never
//! renamed or reused. Messages are plain words and may improve over time.

use super::graph::Graph;
use super::text::{put, round_to, Lower, MaybeMins};
use super::{Recommendation, StageId, StagePlan};
use crate::catalogue::{Prices, Service, Tier};
use crate::model::{BackupMethod, Disruption, DrStrategy, LoadPattern, Scenario, Stage, StageKind};
use crate::text::{word, Count, Fixed, Size, Whole};
use serde::{Deserialize, Serialize};

/// A warning's stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningCode {
    /// No option meets a stage's RPO or RTO.
    TargetNotMet,
    /// Fewer than 3 copies, 2 media and 1 copy offsite of data that cannot be recreated.
    ThreeTwoOneNotMet,
    /// Reading archived data back takes longer than the RTO allows.
    ArchiveRehydrationExceedsRto,
    /// Data with no copy in the paired region.
    NoGeoRedundancy,
    /// The stage's service is not offered in the paired region.
    ServiceNotInSecondary,
    /// The source does not keep data long enough to rebuild the stage from it.
    SourceRetentionTooShort,
    /// Backups are kept longer than the data may be kept for its purpose (GDPR).
    RetentionBeyondPurpose,
    /// An archive with no date at which its data is removed.
    ArchiveWithoutExpiry,
    /// A DR replica with no backup: replication copies a corruption too.
    ReplicaWithoutBackup,
    /// Restores from backup have never been tested.
    RestoreNeverTested,
    /// A system of record is protected by its owner, outside this plan.
    ExternalDependency,
    /// The stage runs on a retired service.
    ServiceRetired,
    /// The stage's own recovery fits its RTO, but the stages it waits for come back too late.
    RtoLimitedByUpstream,
    /// The stage's own recovery point fits its RPO, but what it is rebuilt from is older.
    RpoLimitedByUpstream,
    /// Data kept on stateless compute (Databricks, HDInsight) instead of on the lake.
    DataOnStatelessCompute,
    /// A model reloaded daily in full whose upstream keeps no dated full sets for as long as
    /// the model may need to roll back.
    DatedSetsTooShort,
    /// A model loaded incrementally whose incremental data upstream is not backed up.
    IncrementalDataNotBackedUp,
    /// An RPO tighter than the data's refresh can ever give: the stage's data, or the data it is
    /// built from, arrives less often than the RPO allows.
    RpoBelowRefresh,
    /// A corruption is found later than the stage keeps its backups: every copy kept is
    /// corrupt, so no clean recovery point is left.
    NoCleanRecoveryPoint,
    /// A stage's newest days are not back within their recent-data target (its `recent`), or
    /// are older once back than that target's RPO.
    RecentTargetNotMet,
    /// Copies kept against ransomware are administered with the platform's own credentials.
    BackupAdminsShared,
    /// Backups are encrypted with the provider's keys, not customer-managed ones.
    BackupKeysProviderManaged,
}

impl WarningCode {
    /// The code as written in files.
    pub fn key(self) -> &'static str {
        match self {
            WarningCode::TargetNotMet => "target_not_met",
            WarningCode::ThreeTwoOneNotMet => "three_two_one_not_met",
            WarningCode::ArchiveRehydrationExceedsRto => "archive_rehydration_exceeds_rto",
            WarningCode::NoGeoRedundancy => "no_geo_redundancy",
            WarningCode::ServiceNotInSecondary => "service_not_in_secondary",
            WarningCode::SourceRetentionTooShort => "source_retention_too_short",
            WarningCode::RetentionBeyondPurpose => "retention_beyond_purpose",
            WarningCode::ArchiveWithoutExpiry => "archive_without_expiry",
            WarningCode::ReplicaWithoutBackup => "replica_without_backup",
            WarningCode::RestoreNeverTested => "restore_never_tested",
            WarningCode::ExternalDependency => "external_dependency",
            WarningCode::ServiceRetired => "service_retired",
            WarningCode::RtoLimitedByUpstream => "rto_limited_by_upstream",
            WarningCode::RpoLimitedByUpstream => "rpo_limited_by_upstream",
            WarningCode::DataOnStatelessCompute => "data_on_stateless_compute",
            WarningCode::DatedSetsTooShort => "dated_sets_too_short",
            WarningCode::IncrementalDataNotBackedUp => "incremental_data_not_backed_up",
            WarningCode::RpoBelowRefresh => "rpo_below_refresh",
            WarningCode::NoCleanRecoveryPoint => "no_clean_recovery_point",
            WarningCode::RecentTargetNotMet => "recent_target_not_met",
            WarningCode::BackupAdminsShared => "backup_admins_shared",
            WarningCode::BackupKeysProviderManaged => "backup_keys_provider_managed",
        }
    }
}

/// How serious a warning is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// A target is missed or recovery is impossible.
    Critical,
    /// A risk the guides warn about.
    Warning,
    /// Worth knowing.
    Info,
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    /// Stable code.
    pub code: WarningCode,
    /// How serious.
    pub level: Level,
    /// The stages concerned.
    pub stages: Vec<StageId>,
    /// The disruption type concerned, when it is about one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disruption: Option<Disruption>,
    /// What is wrong and what to do, in plain words.
    pub message: String,
}

/// A message written with `put!` into a string with room for a typical one.
#[inline(always)]
fn message(write: impl FnOnce(&mut String)) -> String {
    let mut m = String::with_capacity(224);
    write(&mut m);
    m
}

/// The planned stages as the warnings see them: plan `i` is the scenario's stage `index[i]`,
/// and the flow graph connects plans by those indices.
pub(super) struct Planned<'a> {
    /// The flow graph over the plans.
    pub graph: &'a Graph,
    /// For each plan, its stage's index in the scenario.
    pub index: &'a [usize],
}

impl Planned<'_> {
    /// The stage of plan `i`.
    fn stage<'s>(&self, scenario: &'s Scenario, i: usize) -> Option<&'s Stage> {
        self.index.get(i).and_then(|&at| scenario.stages.get(at))
    }
}

/// A model's inputs as the guide's Model rule needs them: dated full sets for a daily full load
/// (kept at least as long as the model's own retention), backed-up increments for an
/// incremental one.
fn model_inputs(
    scenario: &Scenario,
    planned: &Planned<'_>,
    plans: &[StagePlan],
    s: usize,
    stage: &Stage,
    out: &mut Vec<Warning>,
) {
    let name = stage.display_name();
    let Some(id) = plans.get(s).map(|p| &p.id) else { return };
    for &u in planned.graph.up(s) {
        let Some(up) = planned.stage(scenario, u) else { continue };
        if !up.kind.holds_data() || up.kind == StageKind::SystemOfRecord {
            continue;
        }
        let Some(corruption) = plans.get(u).and_then(|p| p.recommendation(Disruption::DataCorruption)) else {
            continue;
        };
        let up_name = up.display_name();
        let Some(up_id) = plans.get(u).map(|p| &p.id) else { continue };
        if stage.load == LoadPattern::DailyFull {
            let dated = corruption.backup == BackupMethod::FullCopies;
            if !dated || up.backup_retention_days < stage.backup_retention_days {
                out.push(Warning {
                    code: WarningCode::DatedSetsTooShort,
                    level: Level::Warning,
                    stages: vec![id.clone(), up_id.clone()],
                    disruption: Some(Disruption::DataCorruption),
                    message: message(|m| {
                        put!(m; name, " is reloaded in full from ", up_name, ", which ");
                        if dated {
                            put!(m; "keeps dated full sets for ", Count(u64::from(up.backup_retention_days), "day", "days"), " only");
                        } else {
                            put!(m; "keeps no dated full sets (its recovery points are ", Lower(corruption.backup.label()), ")");
                        }
                        put!(m; ": the guide's daily full load needs a complete set per load, kept as long as ", name,
                            " may need to roll back (", Count(u64::from(stage.backup_retention_days), "day", "days"), "). Keep dated full copies on the lake for that long.");
                    }),
                });
            }
        } else if !keeps_copy(corruption.backup) {
            out.push(Warning {
                code: WarningCode::IncrementalDataNotBackedUp,
                level: Level::Warning,
                stages: vec![id.clone(), up_id.clone()],
                disruption: Some(Disruption::DataCorruption),
                message: message(|m| put!(m;
                    name, " is loaded incrementally from ", up_name, ", which keeps no backups of its own: the guide backs up the incremental data too, since each partition may be loaded with different data and a previous version may be needed.")),
            });
        }
    }
}

fn warn(code: WarningCode, level: Level, stage: &StageId, disruption: Option<Disruption>, message: String) -> Warning {
    Warning { code, level, stages: vec![stage.clone()], disruption, message }
}

/// `no_clean_recovery_point`: a corruption of `stage` found `delay` days late, when its backups
/// are kept only `retention` days.
pub(super) fn no_clean_recovery_point(stage: &Stage, id: &StageId, delay: u32, retention: u32) -> Warning {
    warn(
        WarningCode::NoCleanRecoveryPoint,
        Level::Critical,
        id,
        Some(Disruption::DataCorruption),
        message(|m| {
            put!(m;
            stage.display_name(), " keeps backups for ", Count(u64::from(retention), "day", "days"), " but a corruption is found ",
            Count(u64::from(delay), "day", "days"), " late: every copy kept is already corrupt, so no clean recovery point is left. Keep copies longer than the detection delay.")
        }),
    )
}

/// Every warning for a planned scenario, most serious first. `pipeline` holds the warnings of
/// the pipeline analysis: a missed RTO that one of them explains (`rto_limited_by_upstream`) is
/// not reported again as `target_not_met`. `own_rpo[i][k]` says whether plan `i`'s chosen option
/// for disruption type `k` meets the RPO on its own: `target_not_met` is about the stage's own
/// options, and a miss caused only by older upstream data is `rpo_limited_by_upstream`.
#[allow(clippy::too_many_arguments)]
pub(super) fn collect(
    scenario: &Scenario,
    planned: &Planned<'_>,
    plans: &[StagePlan],
    own_rpo: &[[bool; Disruption::COUNT]],
    rto_limited: &[[bool; Disruption::COUNT]],
    prices: &Prices,
    pipeline: Vec<Warning>,
    fixes: &mut Vec<super::Fix>,
) -> Vec<Warning> {
    let mut out = Vec::new();
    let mut untested = Vec::new();
    for (i, plan) in plans.iter().enumerate() {
        let Some(stage) = planned.stage(scenario, i) else { continue };
        let name = stage.display_name();
        let service = Service::find(&plan.service).unwrap_or_else(|| Service::default_for(stage.kind));
        let corruption = plan.recommendation(Disruption::DataCorruption);
        let outage = plan.recommendation(Disruption::RegionOutage);

        if stage.kind == StageKind::SystemOfRecord {
            out.push(warn(
                WarningCode::ExternalDependency,
                Level::Info,
                &plan.id,
                None,
                message(|m| put!(m; name, " is a system of record: its owner's backups and DR plan protect it. Confirm they meet this platform's targets.")),
            ));
            continue;
        }
        for (k, rec) in plan.recommendations.iter().enumerate() {
            let rpo_own = !own_rpo.get(i).is_some_and(|own| own.get(k).is_some_and(|&met| met));
            let rto_own = !rec.meets_rto && !rto_limited.get(i).is_some_and(|limited| limited[rec.disruption.index()]);
            if rpo_own || rto_own {
                out.push(target_not_met(name, &plan.id, rec, rpo_own, rto_own));
            }
        }
        if let Some(notice) = service.retired {
            out.push(warn(
                WarningCode::ServiceRetired,
                Level::Warning,
                &plan.id,
                None,
                format!("{name} runs on {}. {notice}", service.name),
            ));
        }
        if !stage.available_in_secondary {
            out.push(warn(
                WarningCode::ServiceNotInSecondary,
                Level::Critical,
                &plan.id,
                Some(Disruption::RegionOutage),
                message(|m| put!(m;
                    name, ": ", service.name, " is not offered in ", scenario.regions.secondary,
                    ", so the data may be there after a regional outage but nothing can use it. Pick a region pair where it is offered.")),
            ));
        }
        if service.tier == Tier::Archive {
            let rehydration = service.rehydration_minutes.unwrap_or(prices.delay_rehydration_minutes);
            for rec in &plan.recommendations {
                if rehydration > f64::from(rec.target.rto_minutes) {
                    out.push(warn(
                        WarningCode::ArchiveRehydrationExceedsRto,
                        Level::Critical,
                        &plan.id,
                        Some(rec.disruption),
                        message(|m| put!(m;
                            name, ": rehydrating archived data takes up to ", Whole(round_to(rehydration, 1.0) as u32),
                            ", longer than its ", Whole(rec.target.rto_minutes), " RTO after ", Lower(rec.disruption.label()),
                            ". Keep what is needed fast in a cooler, not archive, tier or use high-priority rehydration.")),
                    ));
                }
            }
        }
        if service.stateless_compute && stage.volume_gb > 0.0 {
            out.push(warn(
                WarningCode::DataOnStatelessCompute,
                Level::Warning,
                &plan.id,
                None,
                message(|m| put!(m;
                    name, " runs on ", service.name, " but holds ", Size(stage.volume_gb),
                    " of data: the guide treats the cluster as stateless code, recreated from git, with its data on the lake. Keep the data on the lake, not in cluster or DBFS-root storage, or it is lost when the cluster is recreated.")),
            ));
        }
        super::three_two_one::check(stage, plan, &mut out, fixes, &scenario.currency);
        if !stage.kind.holds_data() {
            continue;
        }
        if stage.kind == StageKind::Model {
            model_inputs(scenario, planned, plans, i, stage, &mut out);
        }

        if let Some(r) = outage {
            if matches!(r.strategy, DrStrategy::None | DrStrategy::Redeploy)
                || (!service.geo_redundancy && r.strategy != DrStrategy::Reprocess)
            {
                out.push(warn(
                    WarningCode::NoGeoRedundancy,
                    Level::Warning,
                    &plan.id,
                    Some(Disruption::RegionOutage),
                    if service.geo_redundancy {
                        format!("{name} keeps no copy in {}: the guide says data should always be available in a secondary region or off-cloud.", scenario.regions.secondary)
                    } else {
                        format!("{name}: {} has no geo-redundant storage, so every copy in {} is one you make and check yourself.", service.name, scenario.regions.secondary)
                    },
                ));
            }
            if r.strategy.is_replica()
                && !corruption.is_some_and(|c| {
                    keeps_copy(c.backup) || (c.strategy == DrStrategy::Reprocess && c.rpo_minutes.is_some())
                })
            {
                out.push(warn(
                    WarningCode::ReplicaWithoutBackup,
                    Level::Critical,
                    &plan.id,
                    Some(Disruption::DataCorruption),
                    format!("{name} has a DR replica but no backup: replication copies a corruption to the replica too. Keep recovery points as well."),
                ));
            }
        }
        if stage.recreatable && stage.kind != StageKind::Archive {
            if let Some(keeps) = stage.source_retention_days {
                let delay = scenario.detection_delay_of(stage);
                let needs =
                    if stage.daily_change_gb > 0.0 { stage.volume_gb / stage.daily_change_gb } else { f64::INFINITY };
                if f64::from(keeps) < needs + f64::from(delay) {
                    out.push(warn(
                        WarningCode::SourceRetentionTooShort,
                        Level::Warning,
                        &plan.id,
                        None,
                        if delay == 0 {
                            format!(
                                "{name} holds about {} days of history but its source keeps only {keeps}: it cannot be fully recreated by reprocessing.",
                                if needs.is_finite() { Fixed::<0>(needs).to_string() } else { "unbounded".into() }
                            )
                        } else {
                            format!(
                                "{name} holds about {} days of history, and a corruption found {} late means reaching that much further back, but its source keeps only {keeps}: it cannot be fully recreated by reprocessing.",
                                if needs.is_finite() { Fixed::<0>(needs).to_string() } else { "unbounded".into() },
                                Count(u64::from(delay), "day", "days")
                            )
                        },
                    ));
                }
            }
        }
        if let Some(max) = stage.max_retention_days {
            if stage.backup_retention_days > max && plan.recommendations.iter().any(|r| keeps_copy(r.backup)) {
                out.push(warn(
                    WarningCode::RetentionBeyondPurpose,
                    Level::Warning,
                    &plan.id,
                    None,
                    format!(
                        "{name}: backups are kept {} but the data may only be kept {} for its purpose. Backups do not aid compliance, and under GDPR they can harm it.",
                        Count(u64::from(stage.backup_retention_days), "day", "days"),
                        Count(u64::from(max), "day", "days")
                    ),
                ));
            }
        } else if stage.kind == StageKind::Archive {
            out.push(warn(
                WarningCode::ArchiveWithoutExpiry,
                Level::Info,
                &plan.id,
                None,
                message(|m| put!(m; name, " has no maximum retention: the guide asks for a clear reason to keep archived data and a process that removes it when that time comes.")),
            ));
        }
        if !stage.restore_tested && plan.recommendations.iter().any(|r| r.strategy == DrStrategy::BackupRestore) {
            untested.push(plan.id.clone());
        }
    }
    if !untested.is_empty() {
        out.push(Warning {
            code: WarningCode::RestoreNeverTested,
            level: Level::Info,
            message: format!(
                "{} {} from backups that were never test-restored: untested restores are a common pitfall. Test them regularly and mark each stage as tested.",
                Count(untested.len() as u64, "stage", "stages"),
                word(untested.len() as u64, "recovers", "recover")
            ),
            stages: untested,
            disruption: None,
        });
    }
    super::security::check(
        plans.iter().enumerate().filter_map(|(i, p)| Some((planned.stage(scenario, i)?, p))),
        &mut out,
    );
    out.extend(pipeline);
    // Most serious first, in order within each level (a stable partition, cheaper than a sort of
    // the whole list).
    let mut sorted = Vec::with_capacity(out.len());
    let (mut warning, mut info) = (Vec::new(), Vec::new());
    for w in out {
        match w.level {
            Level::Critical => sorted.push(w),
            Level::Warning => warning.push(w),
            Level::Info => info.push(w),
        }
    }
    sorted.append(&mut warning);
    sorted.append(&mut info);
    sorted
}

/// Whether `method` keeps a copy of the data (git and exported configuration keep code).
pub(super) fn keeps_copy(method: BackupMethod) -> bool {
    !matches!(method, BackupMethod::None | BackupMethod::Git | BackupMethod::ConfigExport)
}

fn target_not_met(name: &str, id: &StageId, rec: &Recommendation, rpo: bool, rto: bool) -> Warning {
    let what = match (rpo, rto) {
        (true, true) => "RPO and RTO",
        (true, false) => "RPO",
        _ => "RTO",
    };
    Warning {
        code: WarningCode::TargetNotMet,
        level: Level::Critical,
        stages: vec![id.clone()],
        disruption: Some(rec.disruption),
        message: message(|m| {
            put!(m; name, " misses its ", what, " after ", Lower(rec.disruption.label()), ": best achievable RPO ");
            // No recovery point at all reads "none"; a time that never comes reads "never".
            match rec.rpo_minutes {
                Some(_) => put!(m; MaybeMins(rec.rpo_minutes)),
                None => m.push_str("none"),
            }
            put!(m; " and RTO ", MaybeMins(rec.rto_minutes), " against targets ",
            Whole(rec.target.rpo_minutes), " and ", Whole(rec.target.rto_minutes), ".")
        }),
    }
}
