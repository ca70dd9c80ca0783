//! The options a stage has for one disruption type, each with its modelled recovery point,
//! recovery time and monthly cost. Which families of options exist is decided by the guides'
//! rules table ([`super::rules`]); this file only builds them, with figures from the catalogue
//! and the price book (see docs/engine.md).

use super::rules::{self, Family, Methods, Rule};
use super::Cost;
use super::Incidents;
use crate::catalogue::{BackupOffer, Lock, Prices, Radius, Secondary, Service, Tier, Vault};
use crate::model::{BackupMethod, Disruption, DrStrategy, LoadPattern, Scenario, Stage, StageKind};

/// Everything the candidate and reason code needs about one stage.
pub(super) struct Ctx<'a> {
    pub scenario: &'a Scenario,
    pub stage: &'a Stage,
    pub service: &'static Service,
    pub prices: &'a Prices,
    /// Expected incidents per year, validated, per disruption type.
    pub incidents: Incidents,
    /// The guides' rule for the stage, per disruption type in [`Disruption::ALL`] order: looked
    /// up once, read by the options and by the reason.
    rules: [&'static Rule; Disruption::COUNT],
    /// The shortest history any upstream stage still holds, in days, and which stage that is
    /// (an index into the scenario's stages): a rebuild cannot reach further back.
    pub upstream_holds: Option<(f64, usize)>,
    /// How many restores read from the same storage account at once and share its egress.
    pub restore_peers: f64,
    /// Data reaches the stage from upstream (a data stage, or a system of record through
    /// ingest): newer data than its own copies can be caught up from there.
    pub fed: bool,
    /// The lowest read limit of the systems of record it reads from through ingest, in TB/h, and
    /// which stage that is (an index into the scenario's stages): its rebuilds and catch-ups go
    /// no faster.
    pub read_limit: Option<(f64, usize)>,
    /// The vault the stage's ransomware copies must be kept in (its `vault`, when valid).
    pub vault: Option<&'static Vault>,
}

/// Where backup copies are kept: the cheapest tier once its minimum retention is billed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CopyTier {
    Cool,
    Cold,
    Archive,
    /// A database service's own backup storage (priced at the cool tier's rate).
    Service,
}

impl CopyTier {
    /// Where the copies are, for the reason: "copies on the cold tier".
    pub fn label(self) -> &'static str {
        match self {
            CopyTier::Cool => "copies on the cool tier",
            CopyTier::Cold => "copies on the cold tier",
            CopyTier::Archive => "copies on the archive tier",
            CopyTier::Service => "copies kept by the service",
        }
    }
}

/// How a candidate recovers, kept as data so the reason is only written for the winner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum How {
    /// A system of record: its owner protects it.
    External,
    /// Redeploy code and configuration, then reload `reload_gb` of data from upstream.
    Redeploy { reload_gb: f64 },
    /// Restore `gb` from backups (`rehydrate`: read from the archive tier first) kept on `tier`.
    Restore { gb: f64, rehydrate: bool, tier: CopyTier },
    /// Reprocess `gb` from upstream (`whole`: the whole stage, not just damaged partitions;
    /// `reload`: a daily full load of the latest dated copy).
    Reprocess { gb: f64, whole: bool, reload: bool },
    /// Fail over to a replica or standby.
    Replica { rehydrate: bool },
    /// Read the read-access secondary at once; writes after the account failover.
    ReadAccess,
    /// Re-point readers to the copy written into the other region as data arrives.
    DualIngest,
    /// Wait for the provider to bring the region back.
    WaitForProvider,
}

/// Why a candidate cannot recover at all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Blocked {
    /// The source keeps data for fewer days than a rebuild needs.
    SourceRetention { keeps_days: u32, needs_days: f64 },
    /// An upstream stage (index into the scenario's stages) holds less history than a rebuild
    /// needs.
    UpstreamHistory { from: usize, holds_days: f64, needs_days: f64 },
    /// The service is not offered in the paired region.
    NotInSecondary,
    /// A corruption found `delay_days` late: backups kept `retention_days` hold no copy from
    /// before it.
    NoCleanCopy { delay_days: u32, retention_days: u32 },
    /// After ransomware: the copies live where the platform's credentials reach them (`radius`)
    /// and nothing stops their deletion (`lock`), so the attacker destroys them too.
    Reachable { radius: Radius, lock: Lock },
    /// After ransomware: the stage names another vault for its copies (its `vault`).
    OtherVault,
}

/// How a candidate's recovery depends on the stages it reads from (docs/engine.md, "Pipeline").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Wait {
    /// Restores or fails over from the stage's own copies (or, for a system of record, its
    /// owner does): independent of upstream.
    Own,
    /// Rebuilds from upstream (reprocess, reload): the data work starts once every upstream
    /// stage is complete; the fixed part (provisioning, job start) runs alongside.
    AfterUpstream,
    /// Code and configuration, redeployed from the start in parallel with the data; the stage
    /// serves once its inputs are back.
    Alongside,
}

/// A candidate's recovery time split for the pipeline: `fixed` minutes that do not depend on
/// the data (start-up, provisioning, failover, rehydration, a service's fixed restore time)
/// and `variable` minutes that move `gb` of data. Its own recovery time is their sum.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Timing {
    pub wait: Wait,
    pub fixed: f64,
    pub variable: f64,
    /// GB moved or rebuilt by the variable part.
    pub gb: f64,
}

impl Timing {
    fn fixed(wait: Wait, minutes: f64) -> Timing {
        Timing { wait, fixed: minutes, variable: 0.0, gb: 0.0 }
    }

    /// The candidate's own recovery time.
    pub fn own(&self) -> f64 {
        self.fixed + self.variable
    }
}

/// The first part of a restore-then-catch-up option: after the restore (or failover) to its
/// last recovery point, the stage reprocesses what was written since from upstream, once the
/// upstream is back (the first guide: "plan for processing some new data at the same time
/// that older data is being recovered"). The catch-up itself is the option's `timing`: its
/// `variable` minutes (job start and the work) moving `gb`, the GB written since that point.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct CatchUp {
    /// The restore or failover before it, on its own (it waits for nothing).
    pub restore: Timing,
    /// The restore's own recovery point, in minutes: where the catch-up starts from.
    pub from_rpo: f64,
}

/// One option.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Candidate {
    pub backup: BackupMethod,
    pub strategy: DrStrategy,
    /// Recovery point in minutes; `None` = cannot recover the data this way.
    pub rpo: Option<f64>,
    /// Recovery time in minutes; `None` = cannot bring the stage back this way.
    pub rto: Option<f64>,
    pub cost: Cost,
    pub how: How,
    pub blocked: Option<Blocked>,
    /// The catalogue's note on the offer used, if any.
    pub note: &'static str,
    /// The family of the guides' rules it belongs to.
    pub family: Family,
    /// It uses a feature in public preview.
    pub preview: bool,
    /// How the recovery time splits and what it waits for.
    pub timing: Timing,
    /// Restore (or fail over), then catch up from upstream: `timing` is then the whole (the
    /// restore as its fixed part, the catch-up as its data work after the upstream).
    pub catch_up: Option<CatchUp>,
    /// After ransomware: the place out of the platform's reach its copies (or its code) are
    /// kept in; `None` for every other option.
    pub vault: Option<&'static Vault>,
}

impl<'a> Ctx<'a> {
    pub fn new(
        scenario: &'a Scenario,
        stage: &'a Stage,
        service: &'static Service,
        prices: &'a Prices,
        incidents: Incidents,
    ) -> Ctx<'a> {
        let rules = Disruption::ALL.map(|d| rules::find(stage, service, d));
        Ctx {
            scenario,
            stage,
            service,
            prices,
            incidents,
            rules,
            upstream_holds: None,
            restore_peers: 1.0,
            fed: false,
            read_limit: None,
            vault: None,
        }
    }

    /// The guides' rule for the stage after `disruption`.
    pub fn rule(&self, disruption: Disruption) -> &'static Rule {
        self.rules[disruption.index()]
    }

    fn tb(gb: f64) -> f64 {
        gb / 1000.0
    }

    /// Minutes to copy `gb` back at the restore bandwidth, which concurrent restores from the
    /// same storage account share (its egress limit).
    pub fn restore_minutes(&self, gb: f64) -> f64 {
        minutes_at(Self::tb(gb), self.restore_tb_per_hour())
    }

    /// The restore bandwidth in TB/h: the price book's per-restore bandwidth, or the account's
    /// egress shared by the restores that read from it at once, whichever is less.
    fn restore_tb_per_hour(&self) -> f64 {
        let p = self.prices;
        let shared = p.account_egress_gbps / self.restore_peers.max(1.0);
        p.tb_per_hour_per_gbps * p.restore_gbps.min(shared)
    }

    /// Minutes to load `gb` into a semantic model (or a cache from its model).
    pub fn load_minutes(&self, gb: f64) -> f64 {
        let gb_per_hour = match self.stage.kind {
            StageKind::Cache => self.prices.reload_cache_gb_per_hour,
            _ => self.prices.reload_model_gb_per_hour,
        };
        minutes_at(gb, gb_per_hour)
    }

    /// Minutes to reprocess `gb` at the stage's throughput.
    pub fn reprocess_minutes(&self, gb: f64) -> f64 {
        minutes_at(Self::tb(gb), self.reprocess_tb_per_hour())
    }

    /// The stage's reprocessing throughput in TB/h: its own or the price book's, and no more
    /// than the read limit of a system of record it reads from.
    pub fn reprocess_tb_per_hour(&self) -> f64 {
        self.source_limit().map_or_else(|| self.own_reprocess_tb_per_hour(), |(limit, _)| limit)
    }

    /// The stage's own reprocessing throughput in TB/h, or the price book's.
    fn own_reprocess_tb_per_hour(&self) -> f64 {
        self.stage.reprocess_tb_per_hour.unwrap_or(self.prices.reprocess_tb_per_hour)
    }

    /// The read limit of a system of record it reads from, in TB/h, and which stage that is,
    /// when it is below the stage's own throughput.
    fn source_limit(&self) -> Option<(f64, usize)> {
        self.read_limit.filter(|&(limit, _)| limit < self.own_reprocess_tb_per_hour())
    }

    /// The system of record whose read limit slows the stage's rebuilds and catch-ups, if one
    /// does: its name and limit in TB/h.
    pub fn limited_by_source(&self) -> Option<(&str, f64)> {
        let (limit, from) = self.source_limit()?;
        Some((self.scenario.stages.get(from).map_or("its source", |s| s.display_name()), limit))
    }

    pub(super) fn server_copy_minutes(&self, gb: f64) -> f64 {
        minutes_at(Self::tb(gb), self.prices.server_copy_tb_per_hour)
    }

    pub(super) fn rehydration_minutes(&self) -> f64 {
        self.service.rehydration_minutes.unwrap_or(self.prices.delay_rehydration_minutes)
    }

    /// Price of keeping one GB of the primary copy for a month.
    pub(super) fn primary_price(&self) -> f64 {
        match self.service.tier {
            Tier::Hot => self.prices.storage_hot_gb_month,
            Tier::Archive => self.prices.storage_archive_gb_month,
            Tier::Database => self.prices.storage_database_gb_month,
            Tier::Stateless => 0.0,
        }
    }

    /// Where backup copies kept `retention` days go, and what one GB of them costs a month with
    /// the tier's minimum retention billed: archived data stays archived; otherwise the cheaper
    /// of cool and cold (a copy deleted before the minimum is billed for the minimum).
    pub(super) fn copy_tier(&self, retention_days: f64) -> (CopyTier, f64) {
        let p = self.prices;
        let billed = |price: f64, min_days: f64| price * (min_days / retention_days.max(1.0)).max(1.0);
        match self.service.tier {
            Tier::Archive => {
                return (CopyTier::Archive, billed(p.storage_archive_gb_month, p.storage_archive_min_days))
            }
            Tier::Database => return (CopyTier::Service, p.storage_cool_gb_month),
            Tier::Hot | Tier::Stateless => {}
        }
        let cool = billed(p.storage_cool_gb_month, p.storage_cool_min_days);
        let cold = billed(p.storage_cold_gb_month, p.storage_cold_min_days);
        if cold < cool {
            (CopyTier::Cold, cold)
        } else {
            (CopyTier::Cool, cool)
        }
    }

    /// The stage's own compute per month, the base of standby costs.
    pub fn compute_monthly(&self) -> f64 {
        if let Some(c) = self.stage.compute_monthly {
            return c;
        }
        let p = self.prices;
        match self.stage.kind {
            StageKind::Ingest => p.compute_ingest,
            StageKind::Presentation => p.compute_presentation,
            StageKind::Model => p.compute_model,
            StageKind::Cache => p.compute_cache,
            StageKind::Report => p.compute_report,
            _ if self.service.tier == Tier::Database => p.compute_database,
            _ => 0.0,
        }
    }

    /// A number from the scenario's overrides for this service's offer, if set.
    pub(super) fn offer_override(&self, offer: &str, field: &str) -> Option<f64> {
        if self.scenario.overrides.is_empty() {
            return None;
        }
        let key = format!("service.{}.{}.{}", self.service.id, offer, field);
        self.scenario.overrides.get(&key).copied().filter(|v| v.is_finite() && *v >= 0.0)
    }

    /// The backup offers of the service that keep copies of data (not git or exported
    /// configuration) and that `methods` counts, leaving out previews the scenario does not allow.
    pub(super) fn data_backups(&self, methods: Methods) -> impl Iterator<Item = &'static BackupOffer> + '_ {
        self.service.backups.iter().filter(move |o| {
            !matches!(o.method, BackupMethod::Git | BackupMethod::ConfigExport)
                && (methods != Methods::DatedSets || o.method == BackupMethod::FullCopies)
                && (!o.preview || self.scenario.allow_preview)
        })
    }

    /// How often `offer` makes a recovery point, in minutes: the scenario's override, the
    /// offer's own figure, or the price book's backup interval.
    pub(super) fn offer_interval(&self, offer: &BackupOffer) -> f64 {
        self.offer_override(offer.method.key(), "rpo_minutes")
            .or(offer.rpo_minutes)
            .unwrap_or(self.prices.backup_interval_minutes)
    }

    /// Days of history the stage holds (volume ÷ daily change); infinite with no change.
    pub fn history_days(&self, gb: f64) -> f64 {
        if self.stage.daily_change_gb > 0.0 {
            gb / self.stage.daily_change_gb
        } else {
            f64::INFINITY
        }
    }

    /// GB a corruption forces to reprocess: the damaged partition when loads are partitioned
    /// and files are not modified in place, otherwise everything.
    pub fn corruption_reprocess_gb(&self) -> (f64, bool) {
        match self.stage.load {
            LoadPattern::PartitionedIncremental { partition_gb } if !self.stage.modified_in_place => {
                let part = partition_gb.unwrap_or(self.stage.daily_change_gb).max(0.0);
                if part > 0.0 && part < self.stage.volume_gb {
                    (part, false)
                } else {
                    (self.stage.volume_gb, true)
                }
            }
            _ => (self.stage.volume_gb, true),
        }
    }

    /// The GB of backup copies a method keeps, over the stage's retention.
    pub(super) fn backup_gb(&self, method: BackupMethod, rpo: f64) -> f64 {
        let s = self.stage;
        let retention = f64::from(s.backup_retention_days.max(1));
        let full_every = self.prices.backup_full_every_days.max(1.0);
        let fulls = (retention / full_every).ceil().max(1.0);
        match method {
            BackupMethod::None | BackupMethod::Git | BackupMethod::ConfigExport => 0.0,
            BackupMethod::Snapshots | BackupMethod::PointInTime => s.daily_change_gb * retention,
            BackupMethod::FullCopies => {
                let copies = (retention * 1440.0 / rpo.max(1.0)).ceil().clamp(1.0, 10_000.0);
                s.volume_gb * copies
            }
            BackupMethod::Incremental => s.volume_gb * fulls + s.daily_change_gb * retention,
            BackupMethod::Differential => {
                s.volume_gb * fulls + s.daily_change_gb * retention * (full_every + 1.0) / 2.0
            }
            BackupMethod::ServiceNative => s.volume_gb + s.daily_change_gb * retention,
        }
    }

    /// Minutes to restore the stage in place from `method`'s backups: (fixed, variable), where
    /// the variable part copies data and the fixed part is job start, chain overhead and
    /// rehydration.
    pub(super) fn restore_in_place_minutes(&self, method: BackupMethod) -> (f64, f64) {
        let s = self.stage;
        let p = self.prices;
        let chain = (p.backup_full_every_days - 1.0).max(0.0);
        let (copy, overhead) = match method {
            BackupMethod::Snapshots => (self.server_copy_minutes(s.volume_gb), 0.0),
            BackupMethod::Incremental => {
                (self.restore_minutes(s.volume_gb + s.daily_change_gb * chain), p.backup_piece_minutes * chain)
            }
            BackupMethod::Differential => {
                (self.restore_minutes(s.volume_gb + s.daily_change_gb * chain), p.backup_piece_minutes)
            }
            _ => (self.restore_minutes(s.volume_gb), 0.0),
        };
        (p.delay_job_start_minutes + overhead + self.rehydration_if_archived(), copy)
    }

    pub(super) fn rehydration_if_archived(&self) -> f64 {
        if self.service.tier == Tier::Archive {
            self.rehydration_minutes()
        } else {
            0.0
        }
    }

    /// Reprocessing insurance: expected incidents per year × the cost of rebuilding `gb` ÷ 12.
    pub(super) fn reprocess_insurance(&self, gb: f64, disruption: Disruption) -> f64 {
        self.incidents.get(disruption) * Self::tb(gb) * self.prices.reprocess_cost_per_tb / 12.0
    }

    /// Days a corruption of the stage goes unnoticed (its own delay, else the scenario's); 0
    /// after a regional outage, which is noticed at once.
    pub fn detection_delay_days(&self, disruption: Disruption) -> u32 {
        if disruption == Disruption::DataCorruption {
            self.scenario.detection_delay_of(self.stage)
        } else {
            0
        }
    }

    /// Whether the source, and every upstream stage, still holds what a rebuild of `gb` needs,
    /// reaching `delay_days` further back for a corruption found that late: a stage can be
    /// rebuilt only from the history its upstream still has.
    pub fn retention_block(&self, gb: f64, delay_days: u32) -> Option<Blocked> {
        let needs = self.history_days(gb) + f64::from(delay_days);
        if let Some(keeps) = self.stage.source_retention_days {
            if f64::from(keeps) + 1e-9 < needs {
                return Some(Blocked::SourceRetention { keeps_days: keeps, needs_days: needs });
            }
        }
        let (holds, from) = self.upstream_holds?;
        (holds + 1e-9 < needs).then_some(Blocked::UpstreamHistory { from, holds_days: holds, needs_days: needs })
    }
}

pub(super) fn minutes_at(tb: f64, tb_per_hour: f64) -> f64 {
    if tb <= 0.0 {
        0.0
    } else if tb_per_hour > 0.0 {
        tb / tb_per_hour * 60.0
    } else {
        f64::INFINITY
    }
}

/// Every option for the stage in `ctx` after `disruption`, appended to `out` (the options of
/// every stage share one list: a plan makes two lists per stage otherwise). Only the families
/// the guides' rule for the stage allows are built.
pub(super) fn for_disruption(ctx: &Ctx<'_>, disruption: Disruption, out: &mut Vec<Candidate>) {
    let first = out.len();
    let stage = ctx.stage;
    let rule = ctx.rule(disruption);
    let outage = disruption == Disruption::RegionOutage;
    let attack = disruption == Disruption::Ransomware;
    if rule.allows(Family::Owner) {
        // The owner's figures are the stage's targets: the pipeline waits for them.
        let target = ctx.scenario.targets_of(stage).get(disruption);
        let rto = f64::from(target.rto_minutes);
        out.push(Candidate {
            backup: BackupMethod::ServiceNative,
            strategy: DrStrategy::None,
            rpo: Some(f64::from(target.rpo_minutes)),
            rto: Some(rto),
            cost: Cost::default(),
            how: How::External,
            blocked: None,
            note: "",
            family: Family::Owner,
            preview: false,
            timing: Timing::fixed(Wait::Own, rto),
            catch_up: None,
            vault: None,
        });
        return;
    }
    for &family in rule.allows {
        match family {
            Family::Owner => {}
            Family::Redeploy if attack => super::attack::redeploy(ctx, out),
            Family::Redeploy => redeploy_options(ctx, disruption, out),
            Family::Backups if attack && (stage.kind.holds_data() || stage.volume_gb > 0.0) => {
                super::attack::backups(ctx, rule.methods, out)
            }
            // A cache's backup of its cached data (an `.abf` file), when it holds any.
            Family::Backups if stage.kind.holds_data() || stage.volume_gb > 0.0 => {
                backup_options(ctx, disruption, rule.methods, out)
            }
            Family::Backups => {}
            Family::Reprocess if stage.recreatable => rebuild_option(ctx, disruption, false, out),
            Family::Reprocess => {}
            Family::Reload => rebuild_option(ctx, disruption, true, out),
            Family::Replica if !outage => {}
            Family::Replica if stage.kind.holds_data() => data_replicas(ctx, out),
            Family::Replica => code_standbys(ctx, out),
            Family::DualIngest if outage && super::outage::enabled() => super::outage::dual_ingest(ctx, out),
            Family::Wait if outage && super::outage::enabled() => super::outage::wait(ctx, out),
            Family::DualIngest | Family::Wait => {}
        }
    }
    if attack {
        super::attack::after_triage(ctx, out.get_mut(first..).unwrap_or_default());
    }
    catch_up_options(ctx, disruption, first, out);
    if attack {
        super::attack::prune_vault_options(out, first, true);
    }
    if outage && !stage.available_in_secondary {
        // Waiting for the provider needs nothing in the paired region.
        for c in out.iter_mut().skip(first).filter(|c| c.family != Family::Wait) {
            c.rto = None;
            c.blocked = Some(Blocked::NotInSecondary);
        }
    }
}

/// Restore (or fail over), then catch up: for each option in `out[first..]` that brings a data
/// stage back from its own copies or replica to a point in the past, the same option followed
/// by reprocessing what was written since from upstream, once the upstream is back. Its
/// recovery point is then the upstream's; it needs the upstream (or the source) to still hold
/// that many days, and reads a system of record no faster than its read limit.
fn catch_up_options(ctx: &Ctx<'_>, disruption: Disruption, first: usize, out: &mut Vec<Candidate>) {
    let stage = ctx.stage;
    if !ctx.fed || !stage.kind.holds_data() || stage.kind == StageKind::SystemOfRecord || stage.daily_change_gb <= 0.0 {
        return;
    }
    let end = out.len();
    for i in first..end {
        let Some(&base) = out.get(i) else { break };
        // Restores and failovers only: a read-access secondary serves its own data as is.
        if !matches!(base.how, How::Restore { .. } | How::Replica { .. }) || base.blocked.is_some() {
            continue;
        }
        let (Some(rpo), Some(_)) = (base.rpo, base.rto) else { continue };
        if rpo <= 0.0 {
            continue;
        }
        let gb = (stage.daily_change_gb * rpo / 1440.0).min(stage.volume_gb);
        if gb <= 0.0 {
            continue;
        }
        // What a rebuild of `gb` needs: as many days of history as the gap, in the source and
        // upstream (the gap already reaches back past a corruption found late).
        if ctx.retention_block(gb, 0).is_some() {
            continue;
        }
        let work = if stage.kind == StageKind::Model { ctx.load_minutes(gb) } else { ctx.reprocess_minutes(gb) };
        let minutes = ctx.prices.delay_job_start_minutes + work;
        if !minutes.is_finite() {
            continue;
        }
        let restore = base.timing;
        let mut cost = base.cost;
        cost.reprocessing += ctx.reprocess_insurance(gb, disruption);
        out.push(Candidate {
            rpo: Some(0.0),
            rto: Some(restore.own() + minutes),
            cost,
            timing: Timing { wait: Wait::AfterUpstream, fixed: restore.own(), variable: minutes, gb },
            catch_up: Some(CatchUp { restore, from_rpo: rpo }),
            ..base
        });
    }
}

/// The GB a redeployed stage reloads and its timing: a cache reloads from upstream once it is
/// back; code and configuration deploy alongside (stateless compute keeps its data on the lake).
pub(super) fn redeploy_timing(ctx: &Ctx<'_>) -> (f64, Timing) {
    let p = ctx.prices;
    let reload_gb =
        if ctx.stage.kind == StageKind::Cache && !ctx.service.stateless_compute { ctx.stage.volume_gb } else { 0.0 };
    let timing = if reload_gb > 0.0 {
        Timing {
            wait: Wait::AfterUpstream,
            fixed: p.delay_provision_minutes,
            variable: ctx.load_minutes(reload_gb),
            gb: reload_gb,
        }
    } else {
        Timing::fixed(Wait::Alongside, p.delay_provision_minutes)
    };
    (reload_gb, timing)
}

/// Code and configuration from git or an export, redeployed; a cache reloads its data from the
/// model afterwards (stateless compute keeps its data on the lake: nothing to reload).
fn redeploy_options(ctx: &Ctx<'_>, disruption: Disruption, out: &mut Vec<Candidate>) {
    let (reload_gb, timing) = redeploy_timing(ctx);
    for offer in ctx.service.backups {
        if !matches!(offer.method, BackupMethod::Git | BackupMethod::ConfigExport) {
            continue;
        }
        let rpo = ctx.offer_interval(offer);
        out.push(Candidate {
            backup: offer.method,
            strategy: DrStrategy::Redeploy,
            rpo: Some(rpo),
            rto: Some(timing.own()),
            cost: Cost::default(),
            how: How::Redeploy { reload_gb },
            blocked: None,
            note: if disruption == Disruption::RegionOutage {
                ctx.service.dr_offer(DrStrategy::Redeploy).map_or(offer.note, |o| o.note)
            } else {
                offer.note
            },
            family: Family::Redeploy,
            preview: false,
            timing,
            catch_up: None,
            vault: None,
        });
    }
}

/// Standbys of code and serving stages in the paired region (a cache's holds the cache).
fn code_standbys(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let git = ctx.service.backup(BackupMethod::Git).map_or(BackupMethod::ConfigExport, |o| o.method);
    let wait = if ctx.stage.kind == StageKind::Cache { Wait::Own } else { Wait::Alongside };
    for offer in ctx.service.dr.iter().filter(|o| o.strategy.is_replica()) {
        let (rpo, rto, share) = offer_figures(ctx, offer);
        out.push(Candidate {
            backup: git,
            strategy: offer.strategy,
            rpo: Some(rpo),
            rto: Some(rto),
            cost: Cost { standby: share * ctx.compute_monthly(), ..Cost::default() },
            how: How::Replica { rehydrate: false },
            blocked: None,
            note: offer.note,
            family: Family::Replica,
            preview: false,
            timing: Timing::fixed(wait, rto),
            catch_up: None,
            vault: None,
        });
    }
}

/// Recovery point, recovery time and compute share of a standby or replica offer: the offer's
/// own figures where the catalogue has them, else the price book's for its tier.
fn offer_figures(ctx: &Ctx<'_>, offer: &crate::catalogue::DrOffer) -> (f64, f64, f64) {
    let p = ctx.prices;
    let (rpo, rto, share) = tier_figures(p, offer.strategy);
    let key = offer.strategy.key();
    let rpo = match offer.secondary {
        Secondary::RestoredBackups => p.backup_interval_minutes,
        _ => offer.rpo_minutes.unwrap_or(rpo),
    };
    let share = if offer.secondary == Secondary::FullSize { p.full_secondary_compute_share } else { share };
    (
        ctx.offer_override(key, "rpo_minutes").unwrap_or(rpo),
        ctx.offer_override(key, "rto_minutes").or(offer.rto_minutes).unwrap_or(rto),
        share,
    )
}

/// Recovery point, recovery time and compute share of a standby tier, from the price book.
fn tier_figures(p: &Prices, strategy: DrStrategy) -> (f64, f64, f64) {
    match strategy {
        DrStrategy::PilotLight => (p.pilot_light_rpo_minutes, p.pilot_light_rto_minutes, p.pilot_light_compute_share),
        DrStrategy::WarmStandby => (p.warm_rpo_minutes, p.warm_rto_minutes, p.warm_compute_share),
        DrStrategy::HotStandby => (p.hot_rpo_minutes, p.hot_rto_minutes, p.hot_compute_share),
        DrStrategy::ActiveActive => (p.active_rpo_minutes, p.active_rto_minutes, p.active_compute_share),
        // Storage replication: the lag, a failover, and no compute.
        _ => (p.lag_storage_geo_minutes, p.delay_storage_failover_minutes, 0.0),
    }
}

/// Restores from the stage's own recovery points (a cache's: its cached data): in place after a
/// corruption, from copies kept in the paired region after an outage.
fn backup_options(ctx: &Ctx<'_>, disruption: Disruption, methods: Methods, out: &mut Vec<Candidate>) {
    let stage = ctx.stage;
    let p = ctx.prices;
    let outage = disruption == Disruption::RegionOutage;
    let monthly_change_gb = stage.daily_change_gb * 30.0;
    let retention = f64::from(stage.backup_retention_days.max(1));
    let (tier, price) = ctx.copy_tier(retention);
    let geo_restore = ctx.service.dr_offer(DrStrategy::BackupRestore);
    let delay = ctx.detection_delay_days(disruption);
    // Copies kept fewer days than the corruption went unnoticed are all corrupt.
    let no_clean = (delay > stage.backup_retention_days)
        .then_some(Blocked::NoCleanCopy { delay_days: delay, retention_days: stage.backup_retention_days });
    for offer in ctx.data_backups(methods) {
        let method = offer.method;
        let interval = ctx.offer_interval(offer);
        let gb = ctx.backup_gb(method, interval);
        let storage = gb * price;
        let (rpo, (fixed, variable), cost, note) = if !outage {
            let split = offer
                .restore_minutes
                .map_or_else(|| ctx.restore_in_place_minutes(method), |m| (m + ctx.rehydration_if_archived(), 0.0));
            // A corruption found D days late: the newest clean copy is from before it.
            let rpo = interval + f64::from(delay) * 1440.0;
            (rpo, split, Cost { storage, ..Cost::default() }, offer.note)
        } else {
            let Some(geo) = geo_restore else { continue };
            // Snapshots live beside the data: they are lost with the region unless copied.
            if method == BackupMethod::Snapshots && geo.rpo_minutes.is_none() {
                continue;
            }
            let book = geo.secondary == Secondary::GeoRestore;
            let rpo = ctx.offer_override("backup_restore", "rpo_minutes").or(geo.rpo_minutes).unwrap_or(if book {
                p.lag_geo_backup_minutes
            } else {
                interval + p.lag_storage_geo_minutes
            });
            let fixed_rto = ctx
                .offer_override("backup_restore", "rto_minutes")
                .or(geo.rto_minutes)
                .or(book.then_some(p.delay_geo_restore_minutes));
            let split = match fixed_rto {
                Some(fixed) => (fixed, 0.0),
                None => {
                    (p.delay_provision_minutes + ctx.rehydration_if_archived(), ctx.restore_minutes(stage.volume_gb))
                }
            };
            let cost = Cost { storage, replication: monthly_change_gb * p.transfer_inter_region_gb, ..Cost::default() };
            (rpo, split, cost, geo.note)
        };
        let timing =
            Timing { wait: Wait::Own, fixed, variable, gb: if variable > 0.0 { stage.volume_gb } else { 0.0 } };
        out.push(Candidate {
            backup: method,
            strategy: DrStrategy::BackupRestore,
            rpo: if no_clean.is_some() { None } else { Some(rpo) },
            rto: Some(timing.own()),
            cost,
            how: How::Restore { gb: stage.volume_gb, rehydrate: ctx.service.tier == Tier::Archive, tier },
            blocked: no_clean,
            note,
            family: Family::Backups,
            preview: offer.preview,
            timing,
            catch_up: None,
            vault: None,
        });
    }
}

/// Rebuilding from upstream: reprocessing (`reload` false), or reloading a dated full set kept
/// on the lake (a daily full load). No copies kept; compute spent when it happens.
fn rebuild_option(ctx: &Ctx<'_>, disruption: Disruption, reload: bool, out: &mut Vec<Candidate>) {
    let stage = ctx.stage;
    let p = ctx.prices;
    // After a region outage or ransomware the whole stage is gone, not one partition, and it
    // is rebuilt in a new environment.
    let all_lost = disruption != Disruption::DataCorruption;
    let (gb, whole) = if all_lost || reload { (stage.volume_gb, true) } else { ctx.corruption_reprocess_gb() };
    // A reload reads one dated full set: it needs no history beyond it.
    // A rebuild after a corruption found late reaches that much further back in its source.
    let blocked = if reload { None } else { ctx.retention_block(gb, ctx.detection_delay_days(disruption)) };
    let start = if all_lost { p.delay_provision_minutes } else { p.delay_job_start_minutes };
    // A semantic model loads at its processing rate; anything else at its reprocessing rate.
    let variable = if stage.kind == StageKind::Model { ctx.load_minutes(gb) } else { ctx.reprocess_minutes(gb) };
    let timing = Timing { wait: Wait::AfterUpstream, fixed: start, variable, gb };
    out.push(Candidate {
        backup: BackupMethod::None,
        strategy: DrStrategy::Reprocess,
        rpo: if blocked.is_some() { None } else { Some(0.0) },
        rto: Some(timing.own()),
        cost: Cost { reprocessing: ctx.reprocess_insurance(gb, disruption), ..Cost::default() },
        how: How::Reprocess { gb, whole, reload },
        blocked,
        note: "",
        family: if reload { Family::Reload } else { Family::Reprocess },
        preview: false,
        timing,
        catch_up: None,
        vault: None,
    });
}

/// Replicas and standbys of a data stage: only after a regional outage (they copy a corruption
/// too).
fn data_replicas(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let stage = ctx.stage;
    let p = ctx.prices;
    if !ctx.service.geo_redundancy {
        return;
    }
    let replica_storage = stage.volume_gb * ctx.primary_price() * (p.geo_multiplier - 1.0).max(0.0);
    let replication = stage.daily_change_gb * 30.0 * p.transfer_inter_region_gb;
    for offer in ctx.service.dr.iter().filter(|o| o.strategy.is_replica()) {
        if offer.strategy == DrStrategy::ReadAccessGeo {
            if super::outage::enabled() {
                out.push(super::outage::read_access(ctx, offer, replication));
            }
            continue;
        }
        let (rpo, rto, share) = offer_figures(ctx, offer);
        let rto = rto + ctx.rehydration_if_archived();
        out.push(Candidate {
            backup: BackupMethod::None,
            strategy: offer.strategy,
            rpo: Some(rpo),
            rto: Some(rto),
            cost: Cost {
                storage: replica_storage,
                replication,
                standby: share * ctx.compute_monthly(),
                reprocessing: 0.0,
            },
            how: How::Replica { rehydrate: ctx.service.tier == Tier::Archive },
            blocked: None,
            note: offer.note,
            family: Family::Replica,
            preview: false,
            timing: Timing::fixed(Wait::Own, rto),
            catch_up: None,
            vault: None,
        });
    }
}
