//! The vocabulary of recommendations: backup methods and DR (recovery) strategies.

use serde::{Deserialize, Serialize};

/// How recovery points of a stage are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackupMethod {
    /// Nothing is kept.
    None,
    /// Code and configuration versioned in git; every commit is a recovery point.
    Git,
    /// Exported service configuration (deployment templates, JSON definitions).
    ConfigExport,
    /// Copy-on-write snapshots next to the data.
    Snapshots,
    /// Continuous backup with restore to any point in a window.
    PointInTime,
    /// Dated full copies (e.g. one complete data set per daily load).
    FullCopies,
    /// A weekly full copy and daily increments since the previous backup.
    Incremental,
    /// A weekly full copy and daily differences since that full copy.
    Differential,
    /// The service's own backup feature (e.g. `.abf` backups, owner-managed backups).
    ServiceNative,
}

impl BackupMethod {
    /// Every method.
    pub const ALL: [BackupMethod; 9] = [
        BackupMethod::None,
        BackupMethod::Git,
        BackupMethod::ConfigExport,
        BackupMethod::Snapshots,
        BackupMethod::PointInTime,
        BackupMethod::FullCopies,
        BackupMethod::Incremental,
        BackupMethod::Differential,
        BackupMethod::ServiceNative,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            BackupMethod::None => "none",
            BackupMethod::Git => "git",
            BackupMethod::ConfigExport => "config_export",
            BackupMethod::Snapshots => "snapshots",
            BackupMethod::PointInTime => "point_in_time",
            BackupMethod::FullCopies => "full_copies",
            BackupMethod::Incremental => "incremental",
            BackupMethod::Differential => "differential",
            BackupMethod::ServiceNative => "service_native",
        }
    }

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            BackupMethod::None => "No backup",
            BackupMethod::Git => "Git",
            BackupMethod::ConfigExport => "Config export",
            BackupMethod::Snapshots => "Snapshots",
            BackupMethod::PointInTime => "Point-in-time",
            BackupMethod::FullCopies => "Dated full copies",
            BackupMethod::Incremental => "Incremental",
            BackupMethod::Differential => "Differential",
            BackupMethod::ServiceNative => "Service-native",
        }
    }

    /// Whether the method keeps a copy of data from before a corruption.
    pub fn keeps_recovery_points(self) -> bool {
        self != BackupMethod::None
    }
}

/// How a stage comes back after a disruption.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DrStrategy {
    /// No recovery.
    None,
    /// Deploy again from code and configuration.
    Redeploy,
    /// Rebuild the data by reprocessing it from upstream.
    Reprocess,
    /// Restore from backups.
    BackupRestore,
    /// Fail over to a geo-replicated copy of the storage.
    GeoReplicatedStorage,
    /// Replicated data with a minimal core running in the secondary region, scaled up on failover.
    PilotLight,
    /// A smaller, running copy in the secondary region.
    WarmStandby,
    /// A full-size running copy in the secondary region.
    HotStandby,
    /// Both regions serve at once.
    ActiveActive,
    /// A read-access geo-redundant storage account (RA-GRS / RA-GZRS): readers switch to the
    /// secondary at once, without a failover; writes resume after the account fails over.
    ReadAccessGeo,
    /// The data is written to both regions by running its ingest or processing twice: nothing
    /// to fail over, readers are re-pointed to the second copy.
    DualIngest,
    /// No failover: wait for the provider to bring the region back, with its data.
    WaitForProvider,
}

impl DrStrategy {
    /// Every strategy: from cheapest to dearest in the usual order, then the ways through a
    /// region outage added on 2026-12-03 (in the order they were added).
    pub const ALL: [DrStrategy; 12] = [
        DrStrategy::None,
        DrStrategy::Redeploy,
        DrStrategy::Reprocess,
        DrStrategy::BackupRestore,
        DrStrategy::GeoReplicatedStorage,
        DrStrategy::PilotLight,
        DrStrategy::WarmStandby,
        DrStrategy::HotStandby,
        DrStrategy::ActiveActive,
        DrStrategy::ReadAccessGeo,
        DrStrategy::DualIngest,
        DrStrategy::WaitForProvider,
    ];

    /// The name used in files.
    pub fn key(self) -> &'static str {
        match self {
            DrStrategy::None => "none",
            DrStrategy::Redeploy => "redeploy",
            DrStrategy::Reprocess => "reprocess",
            DrStrategy::BackupRestore => "backup_restore",
            DrStrategy::GeoReplicatedStorage => "geo_replicated_storage",
            DrStrategy::PilotLight => "pilot_light",
            DrStrategy::WarmStandby => "warm_standby",
            DrStrategy::HotStandby => "hot_standby",
            DrStrategy::ActiveActive => "active_active",
            DrStrategy::ReadAccessGeo => "read_access_geo",
            DrStrategy::DualIngest => "dual_ingest",
            DrStrategy::WaitForProvider => "wait_for_provider",
        }
    }

    /// A short human label.
    pub fn label(self) -> &'static str {
        match self {
            DrStrategy::None => "None",
            DrStrategy::Redeploy => "Redeploy",
            DrStrategy::Reprocess => "Reprocess",
            DrStrategy::BackupRestore => "Backup & restore",
            DrStrategy::GeoReplicatedStorage => "Geo-replicated storage",
            DrStrategy::PilotLight => "Pilot light",
            DrStrategy::WarmStandby => "Warm standby",
            DrStrategy::HotStandby => "Hot standby",
            DrStrategy::ActiveActive => "Active-active",
            DrStrategy::ReadAccessGeo => "Read-access geo-redundant storage",
            DrStrategy::DualIngest => "Dual ingest",
            DrStrategy::WaitForProvider => "Wait for the provider",
        }
    }

    /// Whether the strategy keeps a live copy that replicates changes, and so copies a
    /// corruption too.
    pub fn is_replica(self) -> bool {
        matches!(
            self,
            DrStrategy::GeoReplicatedStorage
                | DrStrategy::PilotLight
                | DrStrategy::WarmStandby
                | DrStrategy::HotStandby
                | DrStrategy::ActiveActive
                | DrStrategy::ReadAccessGeo
                | DrStrategy::DualIngest
        )
    }
}
