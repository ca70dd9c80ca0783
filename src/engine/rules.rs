//! The guides' rules, as one table: for each stage kind and situation, which families of
//! options exist, which one the guide prefers, the reason shown to the user, and the guide's
//! own sentence it comes from.
//!
//! [`find`] picks the row for a stage and disruption type (the first that matches, in table
//! order); candidate generation ([`super::candidates`]) builds only the families the row allows,
//! and the reason ([`super::choose`]) starts with the row's text — so a plan cannot choose what
//! its reason rules out. A row's reason must be true of every option it allows; when the
//! choice is not the family the guide prefers, the reason says why. docs/engine.md shows this
//! table ([`markdown_table`]; a test keeps the two in step), and every row has a test in
//! `engine/tests.rs` (`every_rule_has_a_case`) that quotes the guide.

use crate::catalogue::{Service, Tier};
use crate::model::{Disruption, DrStrategy, LoadPattern, Stage, StageKind};

/// A family of recovery options: how a stage comes back, before any figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    /// A system of record: its owner's backups and DR plan, with the owner's figures.
    Owner,
    /// Code and configuration from git (or an export), redeployed; a cache also reloads.
    Redeploy,
    /// Restore from the stage's own recovery points (backups, snapshots, dated copies).
    Backups,
    /// Rebuild the data by reprocessing it from upstream.
    Reprocess,
    /// Reload a dated full set kept on the lake (daily full loads).
    Reload,
    /// Fail over to a replica or a standby in the paired region (after an outage only); a
    /// read-access geo-redundant account is one too.
    Replica,
    /// Write the data into both regions as it arrives (after an outage only).
    DualIngest,
    /// No failover: wait for the provider to bring the region back (after an outage only).
    Wait,
}

impl Family {
    /// A few words for the reason and the docs.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Family::Owner => "the owner's backups and DR",
            Family::Redeploy => "redeploy from git",
            Family::Backups => "backups",
            Family::Reprocess => "reprocess from upstream",
            Family::Reload => "reload a dated full set",
            Family::Replica => "a replica or standby",
            Family::DualIngest => "dual ingest",
            Family::Wait => "wait for the provider",
        }
    }
}

/// Which backup methods count as a row's recovery points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Methods {
    /// Every method the service offers.
    Any,
    /// Dated complete sets only (`full_copies`): a new complete data set per update.
    DatedSets,
}

/// The disruption types a row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum On {
    Corruption,
    Outage,
    /// Corruption and region outage.
    Both,
    Ransomware,
}

/// How data is loaded, as a condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Load {
    DailyFull,
    Incremental,
}

/// The situation a row applies to: each condition that is set must hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct When {
    /// Processing into the stage is fully automated.
    pub automated: Option<bool>,
    /// The data can be recreated from upstream.
    pub recreatable: Option<bool>,
    /// Processing modifies files in place.
    pub in_place: Option<bool>,
    /// How the stage is loaded.
    pub load: Option<Load>,
    /// The service is stateless compute (Databricks, HDInsight).
    pub stateless: Option<bool>,
    /// The service keeps the data in a database (a semantic layer), not as files on the lake.
    pub database: Option<bool>,
}

const ANY: When =
    When { automated: None, recreatable: None, in_place: None, load: None, stateless: None, database: None };

impl When {
    fn holds(&self, stage: &Stage, service: &Service) -> bool {
        let load = match stage.load {
            LoadPattern::DailyFull => Load::DailyFull,
            LoadPattern::PartitionedIncremental { .. } => Load::Incremental,
        };
        fn ok<T: PartialEq>(want: Option<T>, is: T) -> bool {
            want.is_none_or(|w| w == is)
        }
        ok(self.automated, stage.automated)
            && ok(self.recreatable, stage.recreatable)
            && ok(self.in_place, stage.modified_in_place)
            && ok(self.load, load)
            && ok(self.stateless, service.stateless_compute)
            && ok(self.database, service.tier == Tier::Database)
    }

    /// The situation in words, for the docs: "automated, recreatable".
    #[cfg(test)]
    fn describe(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        let mut flag = |v: Option<bool>, yes: &'static str, no: &'static str| {
            if let Some(v) = v {
                parts.push(if v { yes } else { no });
            }
        };
        flag(self.stateless, "on stateless compute", "");
        flag(self.automated, "fully automated", "not fully automated");
        flag(self.recreatable, "recreatable", "not recreatable");
        flag(self.in_place, "modified in place", "new files");
        flag(self.database, "in a database / semantic layer", "files on the lake");
        match self.load {
            Some(Load::DailyFull) => parts.push("daily full load"),
            Some(Load::Incremental) => parts.push("partitioned incremental"),
            None => {}
        }
        parts.retain(|p| !p.is_empty());
        if parts.is_empty() {
            "any".to_string()
        } else {
            parts.join(", ")
        }
    }
}

/// One rule of the guides.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Rule {
    /// Stable id, as written in a recommendation's `rule`.
    pub id: &'static str,
    /// The stage kinds it is about; empty = any kind (rows about the service).
    pub kinds: &'static [StageKind],
    /// The situation.
    pub when: When,
    /// The disruption types.
    pub on: On,
    /// The families of options that exist, the preferred one first.
    pub allows: &'static [Family],
    /// Which backup methods count as recovery points.
    pub methods: Methods,
    /// What the user reads first in the reason: true of every option allowed.
    pub reason: &'static str,
    /// The guide and section it comes from (shown in docs/engine.md's table).
    #[cfg_attr(not(test), allow(dead_code))]
    pub section: &'static str,
    /// The guide's own sentence (in the docs table; checked against the guides' text by a test).
    #[cfg_attr(not(test), allow(dead_code))]
    pub quote: &'static str,
}

impl Rule {
    /// Whether the row allows options of `family`.
    pub(crate) fn allows(&self, family: Family) -> bool {
        self.allows.contains(&family)
    }

    /// The family the guide prefers.
    pub(crate) fn prefers(&self) -> Family {
        self.allows.first().copied().unwrap_or(Family::Backups)
    }

    fn applies(&self, stage: &Stage, service: &Service, disruption: Disruption) -> bool {
        let on = match self.on {
            On::Both => disruption != Disruption::Ransomware,
            On::Corruption => disruption == Disruption::DataCorruption,
            On::Outage => disruption == Disruption::RegionOutage,
            On::Ransomware => disruption == Disruption::Ransomware,
        };
        on && (self.kinds.is_empty() || self.kinds.contains(&stage.kind)) && self.when.holds(stage, service)
    }
}

use Family::{Backups, DualIngest, Owner, Redeploy, Reload, Replica, Reprocess, Wait};

/// The table. Order matters: the first row that applies wins, so a specific situation comes
/// before the general one of the same kind.
#[rustfmt::skip]
pub(crate) static RULES: &[Rule] = &[
    // --- Ransomware and malicious deletion: only copies out of the platform's reach count ---
    Rule { id: "ransomware.stateless_compute", kinds: &[], when: When { stateless: Some(true), ..ANY }, on: On::Ransomware,
        allows: &[Redeploy], methods: Methods::Any,
        reason: "Stateless compute is code: after ransomware it is redeployed into a clean environment from its scripts — from a copy the attacker could not delete, a git mirror on another host with deletion blocked, since the platform's own repository falls with its credentials.",
        section: "Lusty: Prep and Train, Scripts",
        quote: "Git repositories can be cloned to another host for disaster recovery, although you will need to ensure that at least one copy is blocked from deletion to protect against accidental human error removing the repository." },
    Rule { id: "ransomware.system_of_record", kinds: &[StageKind::SystemOfRecord], when: ANY, on: On::Ransomware,
        allows: &[Owner], methods: Methods::Any,
        reason: "A system of record is protected by its owner: the guide expects its backups to be in place already, and Keel takes the owner's recovery point and time (this stage's targets) as given. After ransomware that holds only if the owner's backups are out of reach of this platform's credentials (the platform should only read from it): confirm both with the owner.",
        section: "Lusty: Systems Of Record",
        quote: "These data sources, such as existing SQL Databases, CRM, ERP and other systems should already have backups in place." },
    Rule { id: "ransomware.code", kinds: &[StageKind::Ingest, StageKind::Scripts, StageKind::InfraConfig, StageKind::Report], when: ANY, on: On::Ransomware,
        allows: &[Redeploy], methods: Methods::Any,
        reason: "Code and configuration come back from git — but an attacker with the platform's credentials deletes its repository too. The guide asks for a clone on another host with at least one copy blocked from deletion: after ransomware the stage is redeployed into a clean environment from that mirror.",
        section: "Lusty: Prep and Train, Scripts",
        quote: "Git repositories can be cloned to another host for disaster recovery, although you will need to ensure that at least one copy is blocked from deletion to protect against accidental human error removing the repository." },
    Rule { id: "ransomware.daily_full", kinds: &[StageKind::Presentation, StageKind::Model], when: When { load: Some(Load::DailyFull), ..ANY }, on: On::Ransomware,
        allows: &[Reload, Backups], methods: Methods::Any,
        reason: "Loaded in full every day from dated sets on the lake: after ransomware it is reloaded into a clean environment from the newest set the lake gets back. A backup of its own counts only where the platform's credentials cannot delete or encrypt it.",
        section: "Lusty: Cloud Compute",
        quote: "With this setup, a recovery would be as simple as reloading from a given set of files." },
    Rule { id: "ransomware.rebuilt", kinds: &[StageKind::Enriched, StageKind::Curated, StageKind::ModeledData, StageKind::Model], when: When { automated: Some(true), recreatable: Some(true), ..ANY }, on: On::Ransomware,
        allows: &[Reprocess, Backups], methods: Methods::Any,
        reason: "Built by automated processing from upstream: after ransomware it is rebuilt in a clean environment once the stages it reads from are back from copies the attacker could not reach. Copies of its own count only where the platform's credentials cannot delete or encrypt them (immutable storage, a locked vault, off-cloud).",
        section: "Lusty: Disaster Recovery",
        quote: "In the case of data platforms, much of the data is build from systems of record anyway and so can potentially be recreated rather than restored." },
    Rule { id: "ransomware.raw.recreatable", kinds: &[StageKind::Raw], when: When { recreatable: Some(true), ..ANY }, on: On::Ransomware,
        allows: &[Backups, Reprocess], methods: Methods::Any,
        reason: "Raw data is the lake's own copy of its sources. After ransomware only copies the platform's credentials cannot delete or encrypt count — immutable storage, a locked vault or a copy off-cloud; re-ingesting from the systems of record is possible here, as fast as they may be read.",
        section: "Operations: Backup",
        quote: "Backups are essential for protecting data and code against accidental deletion, corruption, ransomware, and system failures." },
    Rule { id: "ransomware.cache", kinds: &[StageKind::Cache], when: ANY, on: On::Ransomware,
        allows: &[Redeploy, Backups], methods: Methods::Any,
        reason: "A cache is redeployed from its scripts and reloaded from the model once that is back; after ransomware the scripts come from a mirror the attacker could not delete, and a backup of the cached data counts only where the platform's credentials cannot reach it.",
        section: "Lusty: Serve, Cache",
        quote: "Data will be available from the modeling layer and so can be rolled back there if necessary." },
    Rule { id: "ransomware.data", kinds: &[StageKind::Raw, StageKind::Enriched, StageKind::Curated, StageKind::Presentation, StageKind::ModeledData, StageKind::Model, StageKind::Archive], when: ANY, on: On::Ransomware,
        allows: &[Backups], methods: Methods::Any,
        reason: "Data that is not rebuilt from upstream is only as safe as its copies: after ransomware, replicas, snapshots and backups the platform's credentials reach are deleted or encrypted with it. Only copies kept in immutable storage, a locked backup vault or off-cloud count — the operations guide's secure backups.",
        section: "Operations: Backup",
        quote: "Backups are essential for protecting data and code against accidental deletion, corruption, ransomware, and system failures." },

    // --- Service rules that hold for any kind ---
    Rule { id: "stateless_compute", kinds: &[], when: When { stateless: Some(true), ..ANY }, on: On::Both,
        allows: &[Redeploy], methods: Methods::Any,
        reason: "Stateless compute (Databricks, HDInsight): the cluster is code, recreated from scripts versioned in git, and its data lives on the lake — so it is planned as code and redeployed, and nothing on it is backed up.",
        section: "Lusty: HDInsight; Azure Databricks",
        quote: "Scripted creation – Git versioning" },

    // --- Systems of record ---
    Rule { id: "system_of_record", kinds: &[StageKind::SystemOfRecord], when: ANY, on: On::Both,
        allows: &[Owner], methods: Methods::Any,
        reason: "A system of record is protected by its owner: the guide expects its backups and DR plan to be in place already. Keel takes the owner's recovery point and time (this stage's targets) as given — ingest and everything rebuilt from it wait until it is back, and lose what it loses. Confirm the figures with the owner.",
        section: "Lusty: Systems Of Record",
        quote: "These data sources, such as existing SQL Databases, CRM, ERP and other systems should already have backups in place." },

    // --- Ingest ---
    Rule { id: "ingest.corruption", kinds: &[StageKind::Ingest], when: ANY, on: On::Corruption,
        allows: &[Redeploy], methods: Methods::Any,
        reason: "Ingest is transient and holds no data to back up: version its scripts and configuration in git, so a bad change is backed off by redeploying the previous version.",
        section: "Lusty: Ingest, Backup",
        quote: "The scripts and configuration for this component should be backed up, however." },
    Rule { id: "ingest.outage", kinds: &[StageKind::Ingest], when: ANY, on: On::Outage,
        allows: &[Redeploy, Replica], methods: Methods::Any,
        reason: "Ingest holds no data, so the guide finds it simpler to redeploy and configure it in the paired region than to keep a second instance; on-premises gateways are protected with your other on-premises systems.",
        section: "Lusty: Ingest, Disaster Recovery",
        quote: "Since there is no data within the service, it is often simpler to redeploy and configure in DR than to maintain a primary and secondary instance." },

    // --- Raw ---
    Rule { id: "raw.recreatable", kinds: &[StageKind::Raw], when: When { recreatable: Some(true), ..ANY }, on: On::Corruption,
        allows: &[Backups, Reprocess], methods: Methods::Any,
        reason: "Raw data is copied verbatim; the guide backs it up and sets up DR so the lake no longer relies on the source. Re-ingesting from the source is possible here, but it loads the systems of record.",
        section: "Lusty: Store, Raw; Cost Time Tradeoff",
        quote: "For this reason, the raw data store would generally be both backed up and have a disaster recovery set up." },
    Rule { id: "raw.recreatable.outage", kinds: &[StageKind::Raw], when: When { recreatable: Some(true), ..ANY }, on: On::Outage,
        allows: &[Replica, Backups, Reprocess, DualIngest], methods: Methods::Any,
        reason: "Raw data is copied verbatim; the guide backs it up and sets up DR so the lake no longer relies on the source. Re-ingesting into the paired region is possible here, but only as fast as the systems of record allow without adverse impact on them.",
        section: "Lusty: Store, Raw; Cost Time Tradeoff",
        quote: "For raw data, you need to balance whether you can ingest into the recovery site in a reasonable time without adversely impacting systems of record" },
    Rule { id: "raw", kinds: &[StageKind::Raw], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Raw data is copied verbatim and the source need not keep it once it is in the lake, so the guide backs raw data up and sets up DR.",
        section: "Lusty: Store, Raw",
        quote: "This means that there is no longer a requirement for the system of record to keep the data" },
    Rule { id: "raw.outage", kinds: &[StageKind::Raw], when: ANY, on: On::Outage,
        allows: &[Replica, Backups, DualIngest], methods: Methods::Any,
        reason: "Raw data is copied verbatim and the source need not keep it once it is in the lake, so the guide backs raw data up and sets up DR.",
        section: "Lusty: Store, Raw",
        quote: "For this reason, the raw data store would generally be both backed up and have a disaster recovery set up." },

    // --- Enriched and curated zones touched by hand ---
    Rule { id: "enriched.manual", kinds: &[StageKind::Enriched], when: When { automated: Some(false), ..ANY }, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "This enrichment is not fully automated: people change the data, and re-running the process would not bring their work back, so it needs recovery points of its own. The guide's \"backup achieves very little\" holds only for fully automated processing.",
        section: "Lusty: Store, Enriched/Cleansed",
        quote: "These processes will all be fully automated and so no human interaction happens at this stage. Because of this, backup achieves very little." },
    Rule { id: "enriched.manual.outage", kinds: &[StageKind::Enriched], when: When { automated: Some(false), ..ANY }, on: On::Outage,
        allows: &[Replica, Backups], methods: Methods::Any,
        reason: "This enrichment is not fully automated, so its data cannot be recreated by re-running the process: for DR it needs a replicated copy or backups in the paired region.",
        section: "Lusty: Store, Enriched/Cleansed",
        quote: "Disaster recovery for this stage will be useful since storage is cheap and compute is expensive." },
    Rule { id: "curated.manual", kinds: &[StageKind::Curated], when: When { automated: Some(false), ..ANY }, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Processing into this curated zone is not fully automated: people change the data, and reprocessing would not bring their work back, so it needs recovery points of its own to roll back to.",
        section: "Lusty: Store, Curated",
        quote: "This stage may well include processes that modify files and so backup could be a requirement to allow rollback of files." },
    Rule { id: "curated.manual.outage", kinds: &[StageKind::Curated], when: When { automated: Some(false), ..ANY }, on: On::Outage,
        allows: &[Replica, Backups], methods: Methods::Any,
        reason: "Processing into this curated zone is not fully automated, so its data cannot be recreated by reprocessing: for DR it needs a replicated copy or backups in the paired region.",
        section: "Lusty: Store, Curated",
        quote: "As above, a disaster recovery replicated copy may be used to reduce time in a disaster scenario." },

    // --- Enriched, automated ---
    Rule { id: "enriched.automated", kinds: &[StageKind::Enriched], when: When { recreatable: Some(true), ..ANY }, on: On::Corruption,
        allows: &[Reprocess, Backups], methods: Methods::Any,
        reason: "Enrichment is fully automated: a corruption means the process is at fault, so fix it and re-run it — the guide says a backup achieves very little here.",
        section: "Lusty: Store, Enriched/Cleansed",
        quote: "If the data is corrupt or incorrect, the process is at fault and so that is what needs to be fixed and re-run." },
    Rule { id: "enriched.automated.outage", kinds: &[StageKind::Enriched], when: When { recreatable: Some(true), ..ANY }, on: On::Outage,
        allows: &[Replica, Reprocess, Backups, DualIngest, Wait], methods: Methods::Any,
        reason: "Enrichment is fully automated; for DR the guide expects a replicated copy to be rarely dearer than recreating the data (storage is cheap, compute dear) — Keel compares both with your figures.",
        section: "Lusty: Store, Enriched/Cleansed",
        quote: "It would be rare for it to be cheaper to recreate this data than to simply store two replicated copies." },
    Rule { id: "enriched.kept", kinds: &[StageKind::Enriched], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Enrichment is automated, but this zone cannot be recreated from upstream (it is not marked recreatable), so re-running the process cannot restore it: it keeps recovery points of its own.",
        section: "Lusty: Store",
        quote: "Can I recreate the data from source later?" },
    Rule { id: "enriched.kept.outage", kinds: &[StageKind::Enriched], when: ANY, on: On::Outage,
        allows: &[Replica, Backups, DualIngest], methods: Methods::Any,
        reason: "This zone cannot be recreated from upstream, so for DR it needs a replicated copy or backups in the paired region; the guide expects a replicated copy here (storage is cheap, compute dear).",
        section: "Lusty: Store, Enriched/Cleansed",
        quote: "Disaster recovery for this stage will be useful since storage is cheap and compute is expensive." },

    // --- Curated, automated ---
    Rule { id: "curated.in_place", kinds: &[StageKind::Curated], when: When { in_place: Some(true), ..ANY }, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Processing modifies curated files in place, so rolling back a bad change needs backups (the guide's Curated rule).",
        section: "Lusty: Store, Curated",
        quote: "This stage may well include processes that modify files and so backup could be a requirement to allow rollback of files." },
    Rule { id: "curated.new_files", kinds: &[StageKind::Curated], when: When { recreatable: Some(true), ..ANY }, on: On::Corruption,
        allows: &[Reprocess, Backups], methods: Methods::Any,
        reason: "Processing writes new files rather than changing old ones, so a corruption only needs the damaged partitions reprocessed.",
        section: "Lusty: Cost Time Tradeoff, Curated Data",
        quote: "Where new files are created, re-processing would be less since only a small data set needs to be processed to recover data." },
    Rule { id: "curated.kept", kinds: &[StageKind::Curated], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "This curated zone cannot be recreated from upstream (it is not marked recreatable), so it keeps recovery points of its own.",
        section: "Lusty: Store",
        quote: "Can I recreate the data from source later?" },
    Rule { id: "curated.outage", kinds: &[StageKind::Curated], when: When { recreatable: Some(true), ..ANY }, on: On::Outage,
        allows: &[Replica, Reprocess, Backups, DualIngest, Wait], methods: Methods::Any,
        reason: "For DR the guide uses a replicated copy of curated data to save time; partitioning limits what must be reprocessed — Keel compares both with your figures.",
        section: "Lusty: Store, Curated",
        quote: "Use of partitioning may allow for smaller amounts of data loss, for instance weekly partitions may mean that only a week of data need to be reprocessed in a disaster." },
    Rule { id: "curated.kept.outage", kinds: &[StageKind::Curated], when: ANY, on: On::Outage,
        allows: &[Replica, Backups, DualIngest], methods: Methods::Any,
        reason: "For DR the guide uses a replicated copy of curated data to save time; this zone cannot be recreated from upstream, so a copy in the paired region is the only way back.",
        section: "Lusty: Store, Curated",
        quote: "As above, a disaster recovery replicated copy may be used to reduce time in a disaster scenario." },

    // --- Presentation (warehouse, data marts) ---
    Rule { id: "presentation.daily_full", kinds: &[StageKind::Presentation], when: When { load: Some(Load::DailyFull), ..ANY }, on: On::Corruption,
        allows: &[Backups, Reload], methods: Methods::Any,
        reason: "A warehouse or data mart reloaded in full every day: the guide keeps a full data set per day, and you may choose not to back the warehouse up at all — a reload from the day's full set is a recovery.",
        section: "Lusty: Cloud Compute; Store, Presentation",
        quote: "For instance, with a data warehouse it might be that you choose not to back it up at all." },
    Rule { id: "presentation.daily_full.outage", kinds: &[StageKind::Presentation], when: When { load: Some(Load::DailyFull), ..ANY }, on: On::Outage,
        allows: &[Replica, Backups, Reload, Wait], methods: Methods::Any,
        reason: "A warehouse or data mart reloaded in full every day: for DR the guide keeps a replicated copy unless the warehouse replicates itself, and a reload of the day's full set in the paired region is a recovery too.",
        section: "Lusty: Cloud Compute; Store, Presentation",
        quote: "With this setup, a recovery would be as simple as reloading from a given set of files." },
    Rule { id: "presentation", kinds: &[StageKind::Presentation], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "The guide would certainly keep backups of a warehouse or data mart, and a replicated copy for DR unless the warehouse replicates itself.",
        section: "Lusty: Store, Presentation",
        quote: "Here we would certainly wish to store backups and a replicated copy for DR unless the warehouse system itself is replicated." },
    Rule { id: "presentation.outage", kinds: &[StageKind::Presentation], when: ANY, on: On::Outage,
        allows: &[Replica, Backups], methods: Methods::Any,
        reason: "The guide would certainly keep backups of a warehouse or data mart, and a replicated copy for DR unless the warehouse replicates itself.",
        section: "Lusty: Store, Presentation",
        quote: "Here we would certainly wish to store backups and a replicated copy for DR unless the warehouse system itself is replicated." },

    // --- Prep and train ---
    Rule { id: "scripts", kinds: &[StageKind::Scripts], when: ANY, on: On::Both,
        allows: &[Redeploy, Replica], methods: Methods::Any,
        reason: "Scripts live in git: every commit is a snapshot. For DR, clone the repository to another host and block deletion of at least one copy.",
        section: "Lusty: Prep and Train, Scripts",
        quote: "This will allow for commits to be used as snapshots for backup since a commit is needed any time an item changes." },
    Rule { id: "modeled_data.semantic_layer", kinds: &[StageKind::ModeledData], when: When { database: Some(true), ..ANY }, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Modeled data has gained value and feeds consumption directly, so the guide keeps a backup; loaded into a semantic layer system, that system's own point-in-time recovery is the backup.",
        section: "Lusty: Prep and Train, Modeled Data",
        quote: "Alternatively, if the data is loaded into a semantic layer system, that system may provide for point in time recoveries for the data natively." },
    Rule { id: "modeled_data", kinds: &[StageKind::ModeledData], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::DatedSets,
        reason: "Modeled data has gained value and feeds consumption directly, so the guide keeps a backup: a new complete data set per update, kept on the lake, is a recovery point for any date.",
        section: "Lusty: Prep and Train, Modeled Data",
        quote: "In this scenario, it is common to see the data lake used as a form of backup by creating a new and complete set of data each time an update is completed." },
    Rule { id: "modeled_data.outage", kinds: &[StageKind::ModeledData], when: ANY, on: On::Outage,
        allows: &[Replica, Backups, Reprocess], methods: Methods::Any,
        reason: "Modeled data feeds consumption directly: for DR keep its data sets in the paired region (a replica or copies), or rebuild them there when that is fast enough.",
        section: "Lusty: Prep and Train, Modeled Data",
        quote: "There should be a backup of this data since it is likely to be a direct contributor to the final consumption of the information." },
    Rule { id: "infra_config", kinds: &[StageKind::InfraConfig], when: ANY, on: On::Both,
        allows: &[Redeploy, Replica], methods: Methods::Any,
        reason: "Infrastructure configuration and deployment scripts (often JSON) are backed up in git alongside the scripts, and the environment is recreated from them.",
        section: "Lusty: Prep and Train, Infrastructure Configurations",
        quote: "Many solutions here will have JSON based configurations and deployment scripts and so should be relatively easy to back up using a solution such as Git alongside the scripts." },

    // --- Model ---
    Rule { id: "model.daily_full", kinds: &[StageKind::Model], when: When { load: Some(Load::DailyFull), ..ANY }, on: On::Corruption,
        allows: &[Reload], methods: Methods::Any,
        reason: "Loaded by a daily full ingest: the dated full copies on the lake are its backup, so the model system needs no backup or replica of its own — recovery is a reload from the dated copy before the damage.",
        section: "Lusty: Model",
        quote: "In situations where a full daily ingest is carried out with all data, there is no reason to back up or replicate the system you're loading into." },
    Rule { id: "model.daily_full.outage", kinds: &[StageKind::Model], when: When { load: Some(Load::DailyFull), ..ANY }, on: On::Outage,
        allows: &[Reload, Replica, Wait], methods: Methods::Any,
        reason: "Loaded by a daily full ingest: the dated full copies on the replicated lake are its backup, so the model system is not backed up. For DR, reload them in the paired region, or keep a loaded standby there when the load takes longer than the RTO.",
        section: "Lusty: Model",
        quote: "The decision as to which would simply be a comparison of the load time with the RTO, taking into account any time to act following a disaster event." },
    Rule { id: "model.incremental", kinds: &[StageKind::Model], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "Loaded by partitioned incremental loads: back up the incremental data upstream (each partition may be reloaded with different data) and back up within the model itself, to roll back a failed load.",
        section: "Lusty: Model",
        quote: "Secondly you may wish to backup within the solution itself, in order to roll back from a failed load." },
    Rule { id: "model.incremental.outage", kinds: &[StageKind::Model], when: ANY, on: On::Outage,
        allows: &[Reprocess, Replica, Backups, Wait], methods: Methods::Any,
        reason: "Loaded by partitioned incremental loads: for DR replicate the lake that holds the files to load and load them in the paired region; replicate the model itself too when loading takes too long.",
        section: "Lusty: Model",
        quote: "To shorten load times you may also wish to replicate the data solution itself to another location." },

    // --- Serve ---
    Rule { id: "cache", kinds: &[StageKind::Cache], when: ANY, on: On::Corruption,
        allows: &[Redeploy, Backups], methods: Methods::Any,
        reason: "A cache is reloaded from the model, where a bad change is rolled back, so it rarely needs a backup: keep its deployment scripts in git, redeploy and reload. Where the product can back up the cached data, Keel keeps that backup only when a reload is too slow for the RTO.",
        section: "Lusty: Serve, Cache",
        quote: "This may be product dependent, and so in some scenarios a backup of the cached data may be advisable." },
    Rule { id: "cache.outage", kinds: &[StageKind::Cache], when: ANY, on: On::Outage,
        allows: &[Redeploy, Replica, Backups], methods: Methods::Any,
        reason: "For DR a cache's deployment and configuration scripts are kept in git, redeployed in the paired region and reloaded; a standby or a backup of the cached data only when a reload is too slow for the RTO.",
        section: "Lusty: Serve, Cache",
        quote: "For disaster recovery it is likely that you would backup the deployment and configuration scripts in Git and redeploy them before reloading data." },
    Rule { id: "report", kinds: &[StageKind::Report], when: ANY, on: On::Both,
        allows: &[Redeploy, Replica], methods: Methods::Any,
        reason: "Report sources belong in git; after a regional outage redeploy the reports and re-point their data sources (a global load balancer can hide the change).",
        section: "Lusty: Serve, Presentation; Power BI",
        quote: "In this scenario, the report source should be backed up and version controlled using a supported technology such as Git." },

    // --- Archive ---
    Rule { id: "archive", kinds: &[StageKind::Archive], when: ANY, on: On::Corruption,
        allows: &[Backups], methods: Methods::Any,
        reason: "An archive is a system in its own right, not a backup of its sources: it needs backups or snapshots of its own and a replica.",
        section: "Lusty: Archive",
        quote: "This means you should take backups or snapshots of the archive data, as well as potentially replicating the archive to a recovery site." },
    Rule { id: "archive.outage", kinds: &[StageKind::Archive], when: ANY, on: On::Outage,
        allows: &[Replica, Backups], methods: Methods::Any,
        reason: "An archive is a system in its own right, not a backup of its sources: it needs backups or snapshots of its own and a replica.",
        section: "Lusty: Archive",
        quote: "This means you should take backups or snapshots of the archive data, as well as potentially replicating the archive to a recovery site." },
];

/// What [`find`] returns if no row applies; the table test makes sure it is never needed.
static NO_RULE: Rule = Rule {
    id: "none",
    kinds: &[],
    when: ANY,
    on: On::Both,
    allows: &[Backups, Replica],
    methods: Methods::Any,
    reason: "No rule of the guides covers this stage; Keel weighs backups and replicas.",
    section: "",
    quote: "",
};

/// A way through a region outage that the guides' rows allow beside restores and replicas
/// (docs/engine.md, "Ways through a region outage"): its strategy, the family whose rows allow
/// it, and the guide's sentence it rests on, which the reason quotes when it is chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Way {
    /// The strategy a recommendation names.
    pub strategy: DrStrategy,
    /// The family of the rows that allow it (in docs/engine.md's table).
    #[cfg_attr(not(test), allow(dead_code))]
    pub family: Family,
    /// The guide and section the sentence comes from (in docs/engine.md's table).
    #[cfg_attr(not(test), allow(dead_code))]
    pub section: &'static str,
    /// The guide's own sentence (checked against the guides' text by a test).
    pub quote: &'static str,
}

/// The ways through a region outage added on 2026-12-03.
#[rustfmt::skip]
pub(crate) static WAYS: &[Way] = &[
    Way { strategy: DrStrategy::ReadAccessGeo, family: Replica,
        section: "Lusty: Serve, Presentation",
        quote: "For Disaster recovery, you may need to redeploy reports to another reporting platform in another region, and potentially re-point any data sources to the new location." },
    Way { strategy: DrStrategy::DualIngest, family: DualIngest,
        section: "Lusty: Data Protection Concepts, SLA",
        quote: "For other systems it may be that no data loss is acceptable and so syncronous replication is necessary which may add cost and complexity." },
    Way { strategy: DrStrategy::WaitForProvider, family: Wait,
        section: "Lusty: Data Protection Concepts, SLA",
        quote: "Again, the RTO comes into play as we need to balance the speed and complexity of a failover with the speed and efficiency of the cloud provider recovering." },
];

/// The way through a region outage that `strategy` is, if it is one of [`WAYS`].
pub(crate) fn way(strategy: DrStrategy) -> Option<&'static Way> {
    WAYS.iter().find(|w| w.strategy == strategy)
}

/// The row for `stage` on `service` after `disruption`: the first that applies.
pub(crate) fn find(stage: &Stage, service: &Service, disruption: Disruption) -> &'static Rule {
    RULES.iter().find(|r| r.applies(stage, service, disruption)).unwrap_or(&NO_RULE)
}

/// The table as docs/engine.md shows it (a test keeps the two in step; the app does not need it).
#[cfg(test)]
pub(crate) fn markdown_table() -> String {
    let mut out = String::from(
        "| rule | stage kind | situation | disruption | options (preferred first) | reason | guide |\n|---|---|---|---|---|---|---|\n",
    );
    for r in RULES {
        let kind = if r.kinds.is_empty() {
            "any".to_string()
        } else {
            r.kinds.iter().map(|k| k.key()).collect::<Vec<_>>().join("`, `")
        };
        let on = match r.on {
            On::Both => "corruption, region outage",
            On::Corruption => "corruption",
            On::Outage => "region outage",
            On::Ransomware => "ransomware",
        };
        let mut options: Vec<String> = r.allows.iter().map(|f| f.label().to_string()).collect();
        if r.methods == Methods::DatedSets {
            if let Some(first) = options.iter_mut().find(|o| o.as_str() == "backups") {
                *first = "backups: dated full sets only".to_string();
            }
        }
        out.push_str(&format!(
            "| `{}` | `{}` | {} | {} | {} | {} | {}: “{}” |\n",
            r.id,
            kind,
            r.when.describe(),
            on,
            options.join(", "),
            r.reason.replace('|', "\\|"),
            r.section,
            r.quote
        ));
    }
    out
}

/// The ways through a region outage as docs/engine.md shows them (a test keeps the two in step).
#[cfg(test)]
pub(crate) fn ways_table() -> String {
    let mut out = String::from("| strategy | family | rows that allow it | guide |\n|---|---|---|---|\n");
    for w in WAYS {
        let rows = if w.family == Replica {
            "every row that allows a replica or standby".to_string()
        } else {
            let ids: Vec<String> = RULES.iter().filter(|r| r.allows(w.family)).map(|r| format!("`{}`", r.id)).collect();
            ids.join(", ")
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {}: “{}” |\n",
            w.strategy.key(),
            w.family.label(),
            rows,
            w.section,
            w.quote
        ));
    }
    out
}

/// Every rule's id, for tests.
#[cfg(test)]
pub(crate) fn ids() -> impl Iterator<Item = &'static str> {
    RULES.iter().map(|r| r.id)
}

#[cfg(test)]
mod tests;
