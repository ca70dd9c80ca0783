//! The service catalogue's entries. Figures come from ../shared/reference/facts.md, each with
//! its source and date; the guides' notes per service are quoted in plain words.

use super::{BackupOffer, DrOffer, Grade, Provider, Secondary, Service, Source, Tier};
use crate::model::{BackupMethod as B, DrStrategy as D, StageKind as K};

const fn backup(method: B, note: &'static str) -> BackupOffer {
    BackupOffer { method, rpo_minutes: None, restore_minutes: None, preview: false, note }
}

/// A backup feature in public preview: not chosen unless the scenario allows previews.
const fn backup_preview(method: B, note: &'static str) -> BackupOffer {
    BackupOffer { method, rpo_minutes: None, restore_minutes: None, preview: true, note }
}

const fn backup_rpo(method: B, rpo: f64, note: &'static str) -> BackupOffer {
    BackupOffer { method, rpo_minutes: Some(rpo), restore_minutes: None, preview: false, note }
}

const fn dr(strategy: D, note: &'static str) -> DrOffer {
    DrOffer { strategy, rpo_minutes: None, rto_minutes: None, secondary: Secondary::Tier, note }
}

/// A database geo-restore whose recovery point and time are the price book's
/// `lag.geo_backup_minutes` and `delay.geo_restore_minutes`.
const fn dr_geo_restore(note: &'static str) -> DrOffer {
    DrOffer { strategy: D::BackupRestore, rpo_minutes: None, rto_minutes: None, secondary: Secondary::GeoRestore, note }
}

/// A readable secondary database of full size (failover groups, geo-replicas): billed like the
/// primary (`dr.full_secondary.compute_share`), with the service's own recovery point and time.
const fn dr_full_secondary(strategy: D, rpo: f64, rto: f64, note: &'static str) -> DrOffer {
    DrOffer { strategy, rpo_minutes: Some(rpo), rto_minutes: Some(rto), secondary: Secondary::FullSize, note }
}

/// A standby kept current by restoring the primary's backups: its recovery point is the backup
/// interval.
const fn dr_restored_standby(strategy: D, note: &'static str) -> DrOffer {
    DrOffer { strategy, rpo_minutes: None, rto_minutes: None, secondary: Secondary::RestoredBackups, note }
}

const fn dr_fixed(strategy: D, rpo: f64, rto: f64, note: &'static str) -> DrOffer {
    DrOffer { strategy, rpo_minutes: Some(rpo), rto_minutes: Some(rto), secondary: Secondary::Tier, note }
}

const fn dr_rpo(strategy: D, rpo: f64, note: &'static str) -> DrOffer {
    DrOffer { strategy, rpo_minutes: Some(rpo), rto_minutes: None, secondary: Secondary::Tier, note }
}

const AZ_SQL: Source = Source {
    title:
        "Azure SQL Database and Managed Instance: automated backups, geo-restore, failover groups (learn.microsoft.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const SQL_HADR: Source = Source { title: "SQL Server HADR overview (sql-docs)", as_of: "2025", grade: Grade::Doc };
const ADF: Source = Source {
    title: "Azure Data Factory: source control and self-hosted integration runtime HA (learn.microsoft.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const AZ_STORAGE: Source = Source {
    title: "Azure Storage: access tiers, redundancy (read access to the secondary, failover), soft delete, point-in-time restore (learn.microsoft.com)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const ADLS: Source = Source {
    title: "ADLS Gen2 feature support; Azure Backup vaulted backup for ADLS Gen2 (preview 2025-04); redundancy, read access and failover for hierarchical-namespace accounts (storage-redundancy, storage-disaster-recovery-guidance, 2025-04/11)",
    as_of: "2025-04",
    grade: Grade::Doc,
};
const ADLS1: Source =
    Source { title: "Azure Data Lake Storage Gen1 retirement notice", as_of: "2024-02-29", grade: Grade::Doc };
const COMPUTE: Source = Source {
    title: "Databricks and HDInsight: stateless compute recreated from code; metastore backup",
    as_of: "2026",
    grade: Grade::Doc,
};
const SYNAPSE: Source =
    Source { title: "Synapse dedicated SQL pool backup and restore (azure-docs)", as_of: "2024-03", grade: Grade::Doc };
const BI: Source = Source {
    title: "Analysis Services backup/restore; Power BI semantic model backup via XMLA",
    as_of: "2025",
    grade: Grade::Doc,
};
const GUIDE: Source = Source {
    title: "Backup and DR for Data Platforms (Lusty), General Requirements",
    as_of: "2020",
    grade: Grade::Guide,
};
const AWS: Source = Source {
    title: "AWS docs: S3 Replication Time Control, Glacier retrieval, RDS backups, Aurora Global Database",
    as_of: "2025",
    grade: Grade::Doc,
};
const GCP: Source =
    Source { title: "Google Cloud Storage dual-region turbo replication", as_of: "2025", grade: Grade::Doc };
const KEEL: Source = Source { title: "Keel generic entry", as_of: "2026-11", grade: Grade::KeelAssumption };

const LAKE: &[K] = &[K::Raw, K::Enriched, K::Curated, K::Presentation, K::ModeledData, K::Archive];
const CODE: &[K] = &[K::Ingest, K::Scripts, K::InfraConfig, K::Report, K::Cache];

/// Every service Keel knows.
pub static SERVICES: &[Service] = &[
    Service {
        id: "azure_sql_database",
        name: "Azure SQL Database",
        provider: Provider::Azure,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData, K::Archive],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::PointInTime, 10.0, "Automated: full weekly, differential every 12 h, log every 5–10 min; restore to any point in 1–35 days (7 by default)."),
            backup_rpo(B::ServiceNative, 10080.0, "Long-term retention of weekly full backups, up to 10 years."),
        ],
        dr: &[
            dr_geo_restore("Geo-restore from geo-replicated backups: RPO ≤ 1 h, RTO ≤ 12 h."),
            dr_full_secondary(D::WarmStandby, 5.0 / 60.0, 60.0, "Auto-failover group: a full-size secondary billed like the primary; RPO 5 s, RTO 1 h (the grace period — in the 2023-09 East US incident failover took about 8 h)."),
            dr_full_secondary(D::HotStandby, 5.0 / 60.0, 0.5, "Active geo-replication with manual failover: a readable full-size secondary billed like the primary; RPO 5 s, RTO 30 s; up to 4 geo-secondaries."),
        ],
        retired: None,
        notes: "Backups are automatic; choose the backup storage redundancy (geo) so geo-restore is possible.",
        source: AZ_SQL,
    },
    Service {
        id: "azure_sql_managed_instance",
        name: "Azure SQL Managed Instance",
        provider: Provider::Azure,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData, K::Archive],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::PointInTime, 10.0, "Automated: full weekly, differential every 12 h, log every 5–10 min; point-in-time restore 1–35 days."),
            backup_rpo(B::ServiceNative, 10080.0, "Long-term retention of weekly full backups, up to 10 years."),
        ],
        dr: &[
            dr_geo_restore("Geo-restore: RPO ≤ 1 h, RTO ≤ 12 h."),
            dr_full_secondary(D::WarmStandby, 5.0 / 60.0, 60.0, "Failover group (Managed Instance has no active geo-replication): a full-size secondary billed like the primary; RPO 5 s, RTO 1 h (grace period, best case)."),
        ],
        retired: None,
        notes: "Supports failover groups, not active geo-replication.",
        source: AZ_SQL,
    },
    Service {
        id: "sql_server_iaas",
        name: "SQL Server on VMs (IaaS)",
        provider: Provider::Azure,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData, K::Archive],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::FullCopies, "You run full backups yourself (or Azure Backup for SQL in VMs)."),
            backup(B::Differential, "Weekly full plus daily differential backups, run by you."),
            backup_rpo(B::Incremental, 15.0, "Full plus transaction-log backups every 15 minutes."),
        ],
        dr: &[
            dr(D::BackupRestore, "Restore your geo-copied backups onto a new VM in the paired region."),
            dr(D::PilotLight, "A small VM with log shipping, scaled up on failover."),
            dr(D::WarmStandby, "An asynchronous Always On availability-group replica on a smaller VM."),
            dr(D::HotStandby, "An asynchronous Always On availability-group replica of full size."),
        ],
        retired: None,
        notes: "IaaS: backups and replicas are yours to run and to test.",
        source: SQL_HADR,
    },
    Service {
        id: "azure_data_factory",
        name: "Azure Data Factory",
        provider: Provider::Azure,
        fits: &[K::Ingest],
        tier: Tier::Stateless,
        geo_redundancy: false,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Git, 0.0, "Git integration (GitHub / Azure DevOps) keeps every pipeline as JSON."),
            backup_rpo(B::ConfigExport, 1440.0, "ARM template export of the factory."),
        ],
        dr: &[dr(D::Redeploy, "Deploy the factory from git in the paired region and register a second self-hosted integration runtime there (up to 4 nodes for HA).")],
        retired: None,
        notes: "Holds no data. Self-hosted integration runtimes on premises are protected with your other on-premises systems.",
        source: ADF,
    },
    Service {
        id: "azure_blob_storage",
        name: "Azure Blob Storage",
        provider: Provider::Azure,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::Snapshots, "Blob-level snapshots; orchestrate them from the Data Factory pipelines."),
            backup_rpo(B::PointInTime, 1.0, "Blob point-in-time restore: needs versioning, change feed and soft delete."),
            backup(B::FullCopies, "Dated full copies in another container or account, cool tier."),
            backup(B::Incremental, "Weekly full copy plus daily copies of new and changed blobs."),
            backup(B::Differential, "Weekly full copy plus daily copies of everything changed since it."),
        ],
        dr: &[
            dr(D::BackupRestore, "Copies kept in a geo-redundant account, restored in the paired region."),
            dr(D::GeoReplicatedStorage, "GRS / RA-GRS account: replication lag typically ≤ 15 min, no SLA; after failover the account is LRS."),
            dr(D::ReadAccessGeo, "RA-GRS / RA-GZRS account: the secondary (<account>-secondary endpoint, same keys) serves reads at any time, no failover needed; writes come back after the account failover (typically under an hour)."),
        ],
        retired: None,
        notes: "Tiers hot, cool (30 d min), cold (90 d), archive (180 d). Soft delete 1–365 days.",
        source: AZ_STORAGE,
    },
    Service {
        id: "azure_blob_archive",
        name: "Azure Blob Storage, archive tier",
        provider: Provider::Azure,
        fits: &[K::Archive],
        tier: Tier::Archive,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::FullCopies, "A second archived copy in another account."),
            backup(B::Snapshots, "Blob snapshots before tier changes."),
        ],
        dr: &[
            dr(D::BackupRestore, "Archived copies in a geo-redundant account, rehydrated when needed."),
            dr(D::GeoReplicatedStorage, "GRS account (archive is not supported on ZRS, GZRS or RA-GZRS)."),
        ],
        retired: None,
        notes: "Reading archived data needs rehydration: standard priority up to 15 h; high priority usually under 1 h for objects under 10 GB (not guaranteed).",
        source: AZ_STORAGE,
    },
    Service {
        id: "adls_gen2",
        name: "Azure Data Lake Storage Gen2",
        provider: Provider::Azure,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::FullCopies, "Dated full copies in another container or account."),
            backup(B::Incremental, "Weekly full copy plus daily copies of new and changed files."),
            backup(B::Differential, "Weekly full copy plus daily copies of everything changed since it."),
            backup_preview(B::ServiceNative, "Azure Backup vaulted backup (preview since 2025-04: up to 100 containers, no archive tier)."),
        ],
        dr: &[
            dr(D::BackupRestore, "Copies in a geo-redundant account, restored in the paired region."),
            dr(D::GeoReplicatedStorage, "GRS / RA-GRS account; replication lag typically ≤ 15 min."),
            dr(D::ReadAccessGeo, "RA-GRS / RA-GZRS account (supported with a hierarchical namespace): the secondary serves reads at any time, no failover needed; writes come back after the account failover (typically under an hour); files in one directory may be out of step."),
        ],
        retired: None,
        notes: "Hierarchical namespace: no blob point-in-time restore or operational backup; soft delete supported.",
        source: ADLS,
    },
    Service {
        id: "adls_gen1",
        name: "Azure Data Lake Storage Gen1 (retired)",
        provider: Provider::Azure,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: false,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup(B::FullCopies, "No snapshots: copy to Blob storage for any backup capability.")],
        dr: &[dr(D::BackupRestore, "Copies made to Blob storage in the paired region.")],
        retired: Some("Retired on 2024-02-29: migrate to ADLS Gen2."),
        notes: "Never had GRS or snapshots.",
        source: ADLS1,
    },
    Service {
        id: "hdinsight",
        name: "Azure HDInsight",
        provider: Provider::Azure,
        fits: &[K::Ingest, K::Scripts, K::InfraConfig, K::Cache],
        tier: Tier::Stateless,
        geo_redundancy: false,
        stateless_compute: true,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Git, 0.0, "Scripted cluster creation versioned in git."),
            backup(B::ConfigExport, "Export the Hive metastore; replication is a bootstrap then incremental copies (RPO = last copy)."),
        ],
        dr: &[dr(D::Redeploy, "\"Stateless\": recreate the cluster from scripts; the data lives on the lake.")],
        retired: None,
        notes: "Keep data on the lake and the metastore backed up.",
        source: COMPUTE,
    },
    Service {
        id: "azure_databricks",
        name: "Azure Databricks",
        provider: Provider::Azure,
        fits: &[K::Ingest, K::Scripts, K::InfraConfig, K::Cache],
        tier: Tier::Stateless,
        geo_redundancy: false,
        stateless_compute: true,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Git, 0.0, "Git integration for notebooks; workspaces and clusters from Terraform."),
            backup(B::ConfigExport, "Back up the metastore (Hive / Unity Catalog)."),
        ],
        dr: &[dr(D::Redeploy, "\"Stateless\": recreate the workspace from code; the data lives on the lake. Failover groups are in preview (2026).")],
        retired: None,
        notes: "Compute is stateless; keep data on the lake.",
        source: COMPUTE,
    },
    Service {
        id: "synapse_dedicated_sql_pool",
        name: "Synapse dedicated SQL pool (formerly SQL DW)",
        provider: Provider::Azure,
        fits: &[K::Presentation, K::Model, K::ModeledData],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Snapshots, 480.0, "Automatic restore points every ~4 h (8 h RPO), kept 7 days; none while paused; no table-level restore."),
            backup_rpo(B::ServiceNative, 1440.0, "Up to 42 user-defined restore points, e.g. after each daily load."),
        ],
        dr: &[dr_rpo(D::BackupRestore, 1440.0, "Geo-restore from the daily geo-backup: RPO 24 h; only the latest geo-backup is kept.")],
        retired: None,
        notes: "Snapshots are not taken while the pool is paused.",
        source: SYNAPSE,
    },
    Service {
        id: "azure_analysis_services",
        name: "Azure Analysis Services",
        provider: Provider::Azure,
        fits: &[K::Model, K::Cache],
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup(B::ServiceNative, ".abf backups to a configured storage account (make it geo-redundant); DirectQuery models back up metadata only.")],
        dr: &[
            dr(D::BackupRestore, "Restore the geo-redundant .abf backup onto a server in the paired region."),
            dr_restored_standby(D::WarmStandby, "A second server in the paired region, kept current by restoring backups: its recovery point is the backup interval."),
        ],
        retired: None,
        notes: "Guide: back up to geo storage and restore.",
        source: BI,
    },
    Service {
        id: "power_bi",
        name: "Power BI / Fabric",
        provider: Provider::Azure,
        fits: &[K::Report, K::Model, K::Cache],
        tier: Tier::Hot,
        geo_redundancy: false,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Git, 0.0, "Report sources (.pbix / .pbip) in git."),
            backup(B::ServiceNative, "Semantic-model .abf backup via XMLA (Premium / PPU) to an attached ADLS Gen2 account."),
        ],
        dr: &[
            dr(D::Redeploy, "Redeploy reports and re-point data sources; a global load balancer (Traffic Manager) can hide the URI change."),
            dr(D::BackupRestore, "Restore the semantic model's .abf backup in the new capacity."),
        ],
        retired: None,
        notes: "Guide: backup files, git for version control, redeploy.",
        source: BI,
    },
    Service {
        id: "git_repository",
        name: "Git repository (GitHub, Azure DevOps)",
        provider: Provider::Generic,
        fits: CODE,
        tier: Tier::Stateless,
        geo_redundancy: false,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup_rpo(B::Git, 0.0, "Every change is a commit: commits are the snapshots; branches keep changes off production until merged.")],
        dr: &[dr(D::Redeploy, "Clone the repository to another host and deploy from it; block deletion of at least one copy.")],
        retired: None,
        notes: "Guide: scripts live in git; clone to another host for DR.",
        source: GUIDE,
    },
    Service {
        id: "saas_application",
        name: "Line-of-business system (owner-managed)",
        provider: Provider::Generic,
        fits: &[K::SystemOfRecord],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup(B::ServiceNative, "Backed up by its owner.")],
        dr: &[],
        retired: None,
        notes: "Guide: systems of record should already have backups and a DR plan.",
        source: GUIDE,
    },
    Service {
        id: "generic_object_store",
        name: "Object store / data lake (generic)",
        provider: Provider::Generic,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::Snapshots, "Snapshots or object versions next to the data."),
            backup(B::FullCopies, "Dated full copies."),
            backup(B::Incremental, "Weekly full copy plus daily increments."),
            backup(B::Differential, "Weekly full copy plus daily differences."),
        ],
        dr: &[
            dr(D::BackupRestore, "Copies kept in the paired region."),
            dr(D::GeoReplicatedStorage, "Asynchronous geo-replication of the store."),
        ],
        retired: None,
        notes: "Generic figures from the price book.",
        source: KEEL,
    },
    Service {
        id: "generic_database",
        name: "Database / warehouse (generic)",
        provider: Provider::Generic,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData, K::Curated, K::Archive],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::PointInTime, 15.0, "Continuous log backups with point-in-time restore."),
            backup(B::FullCopies, "Daily full backups."),
            backup(B::Incremental, "Weekly full plus daily incremental backups."),
            backup(B::Differential, "Weekly full plus daily differential backups."),
        ],
        dr: &[
            dr(D::BackupRestore, "Backups copied to the paired region."),
            dr(D::PilotLight, "Replicated data with a minimal core running."),
            dr(D::WarmStandby, "A smaller replica running in the paired region."),
            dr(D::HotStandby, "A full-size replica running in the paired region."),
            dr(D::ActiveActive, "Both regions serve."),
        ],
        retired: None,
        notes: "Generic figures from the price book (AWS DR strategy tiers).",
        source: KEEL,
    },
    Service {
        id: "generic_compute",
        name: "Compute / runtime (generic)",
        provider: Provider::Generic,
        fits: CODE,
        tier: Tier::Stateless,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::Git, 0.0, "Deployment scripts and configuration in git."),
            backup(B::ConfigExport, "Exported configuration."),
        ],
        dr: &[
            dr(D::Redeploy, "Redeploy from code in the paired region."),
            dr(D::WarmStandby, "A smaller deployment running in the paired region."),
            dr(D::HotStandby, "A full deployment running in the paired region."),
            dr(D::ActiveActive, "Both regions serve behind a global load balancer."),
        ],
        retired: None,
        notes: "Generic figures from the price book.",
        source: KEEL,
    },
    Service {
        id: "aws_s3",
        name: "Amazon S3",
        provider: Provider::Aws,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup_rpo(B::PointInTime, 15.0, "Versioning plus AWS Backup continuous backup for S3."),
            backup(B::FullCopies, "Dated full copies in another bucket."),
            backup(B::Incremental, "AWS Backup periodic backups (incremental after the first)."),
        ],
        dr: &[
            dr(D::BackupRestore, "Backups copied to the paired region."),
            dr_rpo(D::GeoReplicatedStorage, 15.0, "Cross-region replication with Replication Time Control: 99.99 % of objects within 15 min."),
        ],
        retired: None,
        notes: "",
        source: AWS,
    },
    Service {
        id: "aws_s3_glacier",
        name: "Amazon S3 Glacier Flexible Retrieval",
        provider: Provider::Aws,
        fits: &[K::Archive],
        tier: Tier::Archive,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: Some(300.0),
        backups: &[backup(B::FullCopies, "A second archived copy in another bucket.")],
        dr: &[
            dr(D::BackupRestore, "Archived copies in the paired region."),
            dr(D::GeoReplicatedStorage, "Cross-region replication."),
        ],
        retired: None,
        notes: "Retrieval: expedited 1–5 min, standard 3–5 h (used here), bulk 5–12 h; Deep Archive standard ≤ 12 h.",
        source: AWS,
    },
    Service {
        id: "aws_rds",
        name: "Amazon RDS",
        provider: Provider::Aws,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup_rpo(B::PointInTime, 5.0, "Automated backups, retention 0–35 days, restore to about 5 minutes ago.")],
        dr: &[
            dr(D::BackupRestore, "Cross-region automated backup copies."),
            dr(D::WarmStandby, "Cross-region read replica, promoted on failover."),
        ],
        retired: None,
        notes: "Multi-AZ failover (60–120 s) protects a zone, not a region.",
        source: AWS,
    },
    Service {
        id: "aws_aurora_global",
        name: "Amazon Aurora Global Database",
        provider: Provider::Aws,
        fits: &[K::SystemOfRecord, K::Presentation, K::Model, K::ModeledData],
        tier: Tier::Database,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[backup_rpo(B::PointInTime, 5.0, "Continuous backup with point-in-time restore.")],
        dr: &[dr_fixed(D::HotStandby, 1.0 / 60.0, 1.0, "Global Database: RPO about 1 s, RTO under 1 min.")],
        retired: None,
        notes: "",
        source: AWS,
    },
    Service {
        id: "gcs_dual_region",
        name: "Google Cloud Storage, dual-region",
        provider: Provider::Gcp,
        fits: LAKE,
        tier: Tier::Hot,
        geo_redundancy: true,
        stateless_compute: false,
        rehydration_minutes: None,
        backups: &[
            backup(B::Snapshots, "Object versioning and soft delete."),
            backup(B::FullCopies, "Dated full copies in another bucket."),
        ],
        dr: &[dr_rpo(D::GeoReplicatedStorage, 15.0, "Dual-region with turbo replication: 15-minute RPO.")],
        retired: None,
        notes: "",
        source: GCP,
    },
];
