//! The scenario model: a data platform as stages connected by flows, with recovery targets.
//!
//! This is the shape of the `scenario` object in plan files and links (see docs/plan-format.md).
//! Every field that a user may leave out has a serde default, so older and hand-written files
//! load. The model holds no computed values: the engine derives everything from it.
//!
//! A `Scenario` that came from outside is not trusted: [`Scenario::validate`] returns
//! diagnostics that name the stage and the field, and the engine skips what is invalid instead
//! of panicking.

mod kind;
mod strategy;
mod synthetic;
mod validate;
mod variant;

pub use kind::{PaletteGroup, StageKind};
pub use strategy::{BackupMethod, DrStrategy};
pub use synthetic::synthetic;
pub use validate::{Diagnostic, Severity, MAX_DETECTION_DELAY_DAYS, MAX_RECENT_DAYS, MAX_REFRESH_MINUTES};
pub use variant::{
    name_problem as variant_name_problem, same_as_saved, same_scenario, Positions, Variant, MAX_VARIANTS,
    MAX_VARIANT_NAME_CHARS,
};

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Minutes, the unit of every RPO and RTO stored in files.
pub type Minutes = u32;

/// The three kinds of disruption Keel plans for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Disruption {
    /// Accidental change, corruption or bad configuration: the guides' *backup* case.
    /// Replicas do not help: they copy the damage.
    DataCorruption,
    /// Loss of the primary region: the guides' *disaster recovery* case.
    RegionOutage,
    /// Deliberate destruction — ransomware, a compromised administrator, a malicious insider:
    /// everything the platform's own credentials reach is deleted or encrypted, replicas and
    /// same-account copies included. Only copies those credentials cannot destroy count.
    Ransomware,
}

impl Disruption {
    /// How many disruption types there are: the length of tables kept per type.
    pub const COUNT: usize = 3;

    /// Every disruption type, in display order.
    pub const ALL: [Disruption; Disruption::COUNT] =
        [Disruption::DataCorruption, Disruption::RegionOutage, Disruption::Ransomware];

    /// The name used in files and on the command line.
    pub fn key(self) -> &'static str {
        match self {
            Disruption::DataCorruption => "data_corruption",
            Disruption::RegionOutage => "region_outage",
            Disruption::Ransomware => "ransomware",
        }
    }

    /// `corruption`, `outage` or `ransomware`, whichever is this disruption type's: the one way
    /// per-type fields (targets, incident rates) are read.
    #[inline(always)]
    pub fn pick<T>(self, corruption: T, outage: T, ransomware: T) -> T {
        match self {
            Disruption::DataCorruption => corruption,
            Disruption::RegionOutage => outage,
            Disruption::Ransomware => ransomware,
        }
    }

    /// Its place in [`Disruption::ALL`], for tables kept per disruption type.
    pub fn index(self) -> usize {
        match self {
            Disruption::DataCorruption => 0,
            Disruption::RegionOutage => 1,
            Disruption::Ransomware => 2,
        }
    }

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            Disruption::DataCorruption => "Corruption",
            Disruption::RegionOutage => "Region outage",
            Disruption::Ransomware => "Ransomware",
        }
    }
}

/// A recovery point and recovery time objective, in minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// Recovery point objective: how much recent data may be lost.
    pub rpo_minutes: Minutes,
    /// Recovery time objective: how long until the stage is back.
    pub rto_minutes: Minutes,
}

/// One target per disruption type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Targets {
    /// Target after corruption or accidental change.
    pub data_corruption: Target,
    /// Target after the loss of the primary region.
    pub region_outage: Target,
    /// Target after ransomware or malicious deletion; `None` = the corruption target (what
    /// files written before this type existed mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ransomware: Option<Target>,
}

impl Targets {
    /// The target for one disruption type.
    pub fn get(&self, disruption: Disruption) -> Target {
        disruption.pick(self.data_corruption, self.region_outage, self.ransomware.unwrap_or(self.data_corruption))
    }

    /// Mutable access to the target for one disruption type; the ransomware target becomes a
    /// target of its own (from the corruption one) when it is first changed.
    pub fn get_mut(&mut self, disruption: Disruption) -> &mut Target {
        match disruption {
            Disruption::DataCorruption => &mut self.data_corruption,
            Disruption::RegionOutage => &mut self.region_outage,
            Disruption::Ransomware => self.ransomware.get_or_insert(self.data_corruption),
        }
    }
}

/// A second target for the newest data (the guide: "your recovery may set one RPO/RTO for that
/// information and a different one for historic data"): the newest `days` of a stage's data back
/// within their own RPO and RTO, per disruption type, beside the target for its whole history.
/// A divided restore brings those days back first (see `Stage::hot_window_days`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecentTargets {
    /// How many of the newest days of data the target is for (at least 1).
    pub days: u32,
    /// Target for those days after corruption or accidental change.
    pub data_corruption: Target,
    /// Target for those days after the loss of the primary region.
    pub region_outage: Target,
    /// Target for those days after ransomware or malicious deletion; `None` = their corruption
    /// target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ransomware: Option<Target>,
}

impl RecentTargets {
    /// A target for the newest `days`, starting from `targets` (the full-history ones).
    pub fn from_targets(days: u32, targets: Targets) -> RecentTargets {
        RecentTargets {
            days,
            data_corruption: targets.data_corruption,
            region_outage: targets.region_outage,
            ransomware: targets.ransomware,
        }
    }

    /// The target for one disruption type.
    pub fn get(&self, disruption: Disruption) -> Target {
        disruption.pick(self.data_corruption, self.region_outage, self.ransomware.unwrap_or(self.data_corruption))
    }

    /// Mutable access to the target for one disruption type (see [`Targets::get_mut`]).
    pub fn get_mut(&mut self, disruption: Disruption) -> &mut Target {
        match disruption {
            Disruption::DataCorruption => &mut self.data_corruption,
            Disruption::RegionOutage => &mut self.region_outage,
            Disruption::Ransomware => self.ransomware.get_or_insert(self.data_corruption),
        }
    }
}

impl Default for Targets {
    /// A day of data loss and a day to recover after corruption; the same, looser on time,
    /// after a regional outage: the guides' typical batch data platform.
    fn default() -> Self {
        Targets {
            data_corruption: Target { rpo_minutes: 24 * 60, rto_minutes: 24 * 60 },
            region_outage: Target { rpo_minutes: 24 * 60, rto_minutes: 48 * 60 },
            ransomware: None,
        }
    }
}

/// How data is loaded into a stage: decides whether its own backup is needed (the guide's
/// "Model" section).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "pattern", rename_all = "snake_case")]
pub enum LoadPattern {
    /// The whole data set is reloaded every day from a dated full copy on the lake.
    DailyFull,
    /// Partitions are loaded incrementally; only the damaged partitions need reprocessing.
    PartitionedIncremental {
        /// Size of one partition in GB; `None` means one day of change.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        partition_gb: Option<f64>,
    },
}

impl Default for LoadPattern {
    fn default() -> Self {
        LoadPattern::PartitionedIncremental { partition_gb: None }
    }
}

/// A point on the canvas, in world coordinates (pixels at zoom 1).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Pos {
    /// Horizontal, growing to the right.
    pub x: f64,
    /// Vertical, growing downwards.
    pub y: f64,
}

/// One stage of the data platform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    /// Unique within the scenario; flows refer to it.
    pub id: String,
    /// What the stage is; decides which of the guides' rules apply.
    pub kind: StageKind,
    /// The name shown on the canvas.
    #[serde(default)]
    pub label: String,
    /// Position of the card's top-left corner, in world coordinates.
    #[serde(default)]
    pub pos: Pos,
    /// Catalogue id of the service that runs the stage (e.g. `azure_sql_database`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<String>,
    /// Data held by the stage, in GB.
    #[serde(default)]
    pub volume_gb: f64,
    /// Data added or changed per day, in GB.
    #[serde(default)]
    pub daily_change_gb: f64,
    /// Processing into this stage is fully automated (no human edits the data).
    #[serde(default = "yes")]
    pub automated: bool,
    /// Processing modifies or replaces files in place instead of writing new ones.
    #[serde(default)]
    pub modified_in_place: bool,
    /// The data can be recreated by reprocessing from its upstream sources.
    #[serde(default)]
    pub recreatable: bool,
    /// How long the source keeps the data this stage is built from, in days; `None` = forever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_retention_days: Option<u32>,
    /// How data is loaded into the stage.
    #[serde(default)]
    pub load: LoadPattern,
    /// Days of most recent data restored first in a divided restore; `None` = restore all at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hot_window_days: Option<u32>,
    /// How often new data arrives into the stage, in minutes (60 = hourly, 1440 = daily);
    /// `None` = not known, or continuous (streaming). Its data can be no fresher than this, nor
    /// than the slowest refresh upstream: an RPO tighter than that cannot hold.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refresh_minutes: Option<Minutes>,
    /// Days a data corruption of this stage goes unnoticed; `None` = the scenario's
    /// `detection_delay_days`, `Some(0)` = found at once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection_delay_days: Option<u32>,
    /// Recovery targets; `None` inherits the scenario's default targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub targets: Option<Targets>,
    /// A target for the newest days of its data, beside `targets` for its whole history; `None`
    /// inherits the scenario's `recent` (see [`Scenario::recent_of`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<RecentTargets>,
    /// How long backups are kept, in days.
    #[serde(default = "default_backup_retention")]
    pub backup_retention_days: u32,
    /// The longest the data may be kept for its purpose (e.g. under GDPR), in days; `None` = no limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_retention_days: Option<u32>,
    /// The stage's service is offered in the secondary region of the region pair.
    #[serde(default = "yes")]
    pub available_in_secondary: bool,
    /// A restore of this stage has been tested.
    #[serde(default)]
    pub restore_tested: bool,
    /// Reprocessing throughput in TB per hour; `None` uses the price book's default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprocess_tb_per_hour: Option<f64>,
    /// Monthly cost of the stage's own compute, the base for standby costs; `None` uses the
    /// price book's default for its kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_monthly: Option<f64>,
    /// For a system of record: the most that may be read from it, in TB per hour, when the
    /// platform re-ingests or catches up from it after a disruption (the guide: "without
    /// adversely impacting systems of record"); `None` = no limit of its own. Rebuilds and
    /// catch-ups that read from it (through ingest) go no faster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub read_limit_tb_per_hour: Option<f64>,
    /// The vault (an id of `keel::catalogue::VAULTS`) the copies that count against ransomware
    /// are kept in, chosen by the architect — e.g. to complete 3-2-1 with an off-site copy;
    /// `None` = the cheapest vault that meets the targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vault: Option<String>,
    /// Its backups are encrypted with customer-managed keys (in a key vault with purge
    /// protection and its own administrators), not the provider's.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub customer_managed_keys: bool,
    /// Its backups are administered with identities separate from the platform's (another
    /// tenant, or multi-user authorisation with a guard the platform's admins do not hold).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub separate_backup_admins: bool,
}

fn yes() -> bool {
    true
}

fn default_backup_retention() -> u32 {
    30
}

impl Stage {
    /// A stage of `kind` with the defaults a new card on the canvas gets.
    pub fn new(id: impl Into<String>, kind: StageKind) -> Stage {
        Stage {
            id: id.into(),
            kind,
            label: kind.label().to_string(),
            pos: Pos::default(),
            service: None,
            volume_gb: if kind.holds_data() { 1000.0 } else { 0.0 },
            daily_change_gb: if kind.holds_data() { 10.0 } else { 0.0 },
            automated: true,
            modified_in_place: false,
            recreatable: matches!(
                kind,
                StageKind::Enriched
                    | StageKind::Curated
                    | StageKind::Presentation
                    | StageKind::ModeledData
                    | StageKind::Model
            ),
            source_retention_days: None,
            load: LoadPattern::default(),
            hot_window_days: None,
            refresh_minutes: None,
            detection_delay_days: None,
            targets: None,
            recent: None,
            backup_retention_days: default_backup_retention(),
            max_retention_days: None,
            available_in_secondary: true,
            restore_tested: false,
            reprocess_tb_per_hour: None,
            compute_monthly: None,
            read_limit_tb_per_hour: None,
            vault: None,
            customer_managed_keys: false,
            separate_backup_admins: false,
        }
    }

    /// The name to show: the label, or the id when the label is empty.
    pub fn display_name(&self) -> &str {
        // Whitespace only reads as no label: `trim().is_empty()`, stopping at the first letter.
        if self.label.chars().all(char::is_whitespace) {
            &self.id
        } else {
            &self.label
        }
    }
}

/// Data flows from one stage to another.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Flow {
    /// Id of the upstream stage.
    pub from: String,
    /// Id of the downstream stage.
    pub to: String,
}

/// The primary region and its pair, where DR copies live.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionPair {
    /// Where the platform runs.
    pub primary: String,
    /// Where it recovers to after a regional outage.
    pub secondary: String,
}

impl Default for RegionPair {
    fn default() -> Self {
        RegionPair { primary: "westeurope".into(), secondary: "northeurope".into() }
    }
}

/// A whole data platform to plan for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Name shown in the header and in exported files.
    #[serde(default)]
    pub name: String,
    /// Months over which costs are compared (the guide's "timespan to calculate over").
    #[serde(default = "default_span")]
    pub span_months: u32,
    /// Currency code of every price (the price book's defaults are in USD).
    #[serde(default = "default_currency")]
    pub currency: String,
    /// The region pair.
    #[serde(default)]
    pub regions: RegionPair,
    /// Expected disasters (regional outages or major corruptions) per year, for insurance costs.
    #[serde(default = "default_disasters")]
    pub disasters_per_year: f64,
    /// Targets for stages that set none of their own.
    #[serde(default)]
    pub targets: Targets,
    /// The stages, in canvas order.
    #[serde(default)]
    pub stages: Vec<Stage>,
    /// The flows between stages.
    #[serde(default)]
    pub flows: Vec<Flow>,
    /// Price-book and catalogue overrides by key (see `keel::catalogue::PriceBook`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub overrides: BTreeMap<String, f64>,
    /// Features in public preview (e.g. ADLS Gen2 vaulted backup) may be chosen; off by default.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_preview: bool,
    /// Expected incidents per year by disruption type; `None` = `disasters_per_year` for both
    /// (what files without this field meant).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incidents_per_year: Option<IncidentRates>,
    /// Days a data corruption goes unnoticed, for stages that set none of their own; `None` =
    /// found at once. Recovery points must be older than the corruption and still kept, and a
    /// rebuild must reach that much further back in its source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detection_delay_days: Option<u32>,
    /// A target for the newest days of data, for stages that set none of their own; `None` =
    /// none: only the full-history targets.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<RecentTargets>,
    /// Named versions of the scenario kept beside it, for comparing ("today", "RTO 4 h"); the
    /// engine plans the scenario itself and ignores them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub variants: Vec<Variant>,
    /// The variant this scenario was last saved as or switched to, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variant: Option<String>,
}

/// Expected incidents per year, per disruption type: a corruption that needs a restore is far
/// more frequent than the loss of a region.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct IncidentRates {
    /// Corruptions (or accidental changes) that need a recovery, per year.
    pub data_corruption: f64,
    /// Regional outages that need a failover or a rebuild elsewhere, per year.
    pub region_outage: f64,
    /// Ransomware attacks or malicious deletions that need a recovery, per year; `None` = the
    /// scenario's `disasters_per_year` (what files written before this type existed mean).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ransomware: Option<f64>,
}

impl IncidentRates {
    /// The rate for `disruption`; an unset ransomware rate reads as `fallback`.
    pub fn get_or(&self, disruption: Disruption, fallback: f64) -> f64 {
        disruption.pick(self.data_corruption, self.region_outage, self.ransomware.unwrap_or(fallback))
    }

    /// The rate for `disruption`, to change (an unset ransomware rate starts from `fallback`).
    pub fn get_mut(&mut self, disruption: Disruption, fallback: f64) -> &mut f64 {
        match disruption {
            Disruption::DataCorruption => &mut self.data_corruption,
            Disruption::RegionOutage => &mut self.region_outage,
            Disruption::Ransomware => self.ransomware.get_or_insert(fallback),
        }
    }
}

fn default_span() -> u32 {
    36
}

fn default_currency() -> String {
    "USD".into()
}

fn default_disasters() -> f64 {
    0.2
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            name: "Untitled platform".into(),
            span_months: default_span(),
            currency: default_currency(),
            regions: RegionPair::default(),
            disasters_per_year: default_disasters(),
            targets: Targets::default(),
            stages: Vec::new(),
            flows: Vec::new(),
            overrides: BTreeMap::new(),
            allow_preview: false,
            incidents_per_year: None,
            detection_delay_days: None,
            recent: None,
            variants: Vec::new(),
            variant: None,
        }
    }
}

impl Scenario {
    /// The stage with `id`, if any.
    pub fn stage(&self, id: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// The targets that apply to `stage`: its own, or the scenario's defaults.
    pub fn targets_of(&self, stage: &Stage) -> Targets {
        stage.targets.unwrap_or(self.targets)
    }

    /// Days a data corruption of `stage` goes unnoticed: its own delay, else the scenario's;
    /// 0 = found at once.
    pub fn detection_delay_of(&self, stage: &Stage) -> u32 {
        stage.detection_delay_days.or(self.detection_delay_days).unwrap_or(0)
    }

    /// The recent-data target that applies to `stage`: its own, else the scenario's; `None` for a
    /// stage kind it means nothing for (see [`StageKind::serves_recent_data`]).
    pub fn recent_of(&self, stage: &Stage) -> Option<RecentTargets> {
        stage.recent.or(self.recent).filter(|_| stage.kind.serves_recent_data())
    }

    /// Ids of the stages that `id` reads from directly.
    pub fn upstream_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.flows.iter().filter(move |f| f.to == id).map(|f| f.from.as_str())
    }

    /// Ids of the stages that read from `id` directly.
    pub fn downstream_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.flows.iter().filter(move |f| f.from == id).map(|f| f.to.as_str())
    }
}
