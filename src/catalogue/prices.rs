//! The price book: every constant of the time and cost model, with its unit, source and date.
//!
//! The engine never writes a number inline: it reads [`Prices`], resolved once per plan from
//! [`PRICE_BOOK`] and the scenario's `overrides` (same keys). Money is in the scenario's
//! currency; the defaults are USD list prices.

use super::{Grade, Source};
use crate::model::Diagnostic;
use serde::Serialize;
use std::collections::BTreeMap;

/// One entry of the price book.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct PriceEntry {
    /// Override key, as written in a scenario's `overrides`.
    pub key: &'static str,
    /// Default value.
    pub value: f64,
    /// Unit of the value.
    pub unit: &'static str,
    /// What it is.
    pub label: &'static str,
    /// Where the figure comes from.
    pub source: Source,
}

const AZ_STORAGE_PRICES: Source = Source {
    title: "Azure Blob Storage pricing, LRS, US East (third-party price trackers)",
    as_of: "2026",
    grade: Grade::ThirdParty,
};
const AZ_REDUNDANCY: Source =
    Source { title: "Azure Storage redundancy (learn.microsoft.com)", as_of: "2025-11", grade: Grade::Doc };
const AZ_REHYDRATION: Source = Source {
    title: "Blob rehydration from the archive tier (learn.microsoft.com)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const ADF_COPY_PERF: Source = Source {
    title: "Data Factory copy activity performance and scalability guide (learn.microsoft.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const TRANSFER_PRICES: Source =
    Source { title: "Azure bandwidth pricing (third-party summaries)", as_of: "2026", grade: Grade::ThirdParty };
const SQL_HADR: Source = Source {
    title: "Azure SQL business continuity overview: geo-restore, failover groups (learn.microsoft.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const AZ_TIERS: Source = Source {
    title: "Azure Blob Storage access tiers: minimum retention cool 30 d, cold 90 d, archive 180 d, early deletion charged pro rata (learn.microsoft.com, access-tiers-overview)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const AZ_COLD_PRICE: Source = Source {
    title: "Azure Retail Prices API meter \"Cold LRS Data Stored\", US region (copied in public code fixtures)",
    as_of: "2025-05",
    grade: Grade::ThirdParty,
};
const AZ_ACCOUNT_LIMITS: Source = Source {
    title: "Azure Storage scalability targets: egress 200 Gbps in large regions, 50 Gbps elsewhere (azure-docs)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const ADF_MIGRATION: Source = Source {
    title: "Data Factory data-migration guidance (S3 to Azure): one copy at 256 DIU ≈ 1 GB/s, a hypothetical example (learn.microsoft.com)",
    as_of: "2023-07",
    grade: Grade::Doc,
};
const SQL_SECONDARY_BILLING: Source = Source {
    title: "Azure SQL Database geo-secondaries are billed for licence, compute and storage like any database (sql-docs, standby replica)",
    as_of: "2024-01",
    grade: Grade::Doc,
};
const AWS_TIER_RANGE: Source = Source {
    title: "Keel's figure inside the tier's qualitative range in the AWS DR whitepaper (minutes / tens of minutes / seconds / near zero): an assumption",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const STANDBY_SHARE: Source = Source {
    title:
        "Keel assumption: the AWS DR whitepaper orders the tiers by cost but gives no share of the primary's compute",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const PROVISION: Source = Source {
    title: "Keel assumption: redeploying from infrastructure as code takes tens of minutes (no vendor figure)",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const REPROCESS_COST: Source = Source {
    title: "Keel assumption: the guide says compute is dear and storage cheap but gives no price per TB",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const MODEL_LOAD: Source = Source {
    title: "Keel assumption: no vendor throughput for semantic-model processing or dataset refresh; Power BI Premium refreshes time out after 5 h (powerbi-docs), so measure yours",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const AZ_RA_PRICES: Source = Source {
    title: "Azure Retail Prices API, Blob Storage (HNS, West US 3), per GB-month: hot GRS 0.037 / RA-GRS 0.046, cool 0.02 / 0.025, cold 0.0072 / 0.009 (≈ 1.25×; archive the same price), as copied in a public research note",
    as_of: "2025-11",
    grade: Grade::ThirdParty,
};
const REPOINT: Source = Source {
    title: "Keel assumption: re-pointing readers (connection strings, a global load balancer such as Traffic Manager, which the guide suggests) takes minutes; no vendor figure",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const DUAL_INGEST: Source = Source {
    title: "Keel assumption: writing both regions (the guide's \"syncronous replication\" for no data loss) loses next to nothing and runs the stage's ingest or processing a second time",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const OUTAGE_MEDIAN: Source = Source {
    title: "Keel assumption: the median of the 9 regional outages in facts.md §5 (2017–2025: 4.5, 7, 9.5, 11.5, 14.5, 24, 24, 38, 54 h; the global Front Door event left out, as failing over does not help there)",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const OUTAGE_LONGEST: Source = Source {
    title: "Azure PIR, East US 2, 2025-01-08 → 11 (network configuration): about 54 h, the longest regional outage in facts.md §5",
    as_of: "2025-01",
    grade: Grade::Doc,
};
const OUTAGE_DATA: Source = Source {
    title: "Keel assumption: a region that comes back keeps its data (Microsoft chose not to fail GRS over in 2018 so as not to lose data); a physical loss can take a zone for weeks",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const AZ_BACKUP_PRICES: Source = Source {
    title: "Azure Backup vault-standard storage, LRS, West Europe: 0.0224 USD/GB-month (Azure Retail Prices as captured in Infracost's test fixtures; facts.md §8.1)",
    as_of: "2025",
    grade: Grade::ThirdParty,
};
const AZ_BACKUP_INSTANCE: Source = Source {
    title: "Azure Backup protected-instance fee, 50–500 GB: 10 USD a month (Infracost fixtures and a 2026-04 price page; facts.md §8.1)",
    as_of: "2026-04",
    grade: Grade::ThirdParty,
};
const AWS_BACKUP_PRICES: Source = Source {
    title: "AWS Backup warm storage, us-east-1: 0.05 USD/GB-month; a logically air-gapped vault is charged at prevailing rates (facts.md §8.2)",
    as_of: "2026",
    grade: Grade::ThirdParty,
};
const OFF_CLOUD_PRICES: Source = Source {
    title: "Another provider's object storage for off-cloud copies: Backblaze B2 6 USD per TB-month, Wasabi 6.99 (facts.md §8.5)",
    as_of: "2026",
    grade: Grade::ThirdParty,
};
const EGRESS_PRICES: Source = Source {
    title: "Azure internet egress after the first free 100 GB, up to 10 TB a month: about 0.087 USD/GB (AWS 0.09; facts.md §8.4)",
    as_of: "2026",
    grade: Grade::ThirdParty,
};
const KEEL_OFF_CLOUD_LINK: Source = Source {
    title: "Keel assumption: a restore from outside the cloud comes back over a 1 Gbps link (about 0.25–0.3 TB/h; ExpressRoute goes to 10 Gbps); set yours",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const KEEL_GIT_MIRROR: Source = Source {
    title: "Keel assumption: a mirror on another host (a paid organisation seat or a small locked bucket of git bundles) costs a few dollars a month",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const KEEL_TRIAGE: Source = Source {
    title: "Keel assumption: a working day (8 h) to isolate the platform, find the last clean recovery point and prepare a clean environment before restoring, for a team that has rehearsed it; surveys find only 35 % of victims fully recovered within a week (Sophos 2024, facts.md §8.6)",
    as_of: "2026-12",
    grade: Grade::KeelAssumption,
};
const KEEL: Source = Source {
    title: "Keel default: an assumption to replace with your own figure",
    as_of: "2026-11",
    grade: Grade::KeelAssumption,
};

macro_rules! price_book {
    ($( $(#[$doc:meta])* $field:ident = $key:literal, $value:expr, $unit:literal, $label:literal, $source:expr; )*) => {
        /// Every entry of the price book, in display order.
        pub const PRICE_BOOK: &[PriceEntry] = &[
            $( PriceEntry { key: $key, value: $value, unit: $unit, label: $label, source: $source }, )*
        ];

        /// The price book resolved for one scenario: defaults with the scenario's overrides applied.
        #[derive(Debug, Clone, PartialEq)]
        pub struct Prices {
            $( $(#[$doc])* pub $field: f64, )*
        }

        impl Prices {
            fn from_lookup(get: impl Fn(&'static str, f64) -> f64) -> Prices {
                Prices { $( $field: get($key, $value), )* }
            }
        }
    };
}

price_book! {
    /// Hot object storage, per GB-month.
    storage_hot_gb_month = "storage.hot_gb_month", 0.0184, "per GB-month", "Object storage, hot tier (LRS)", AZ_STORAGE_PRICES;
    /// Cool object storage, per GB-month: where backup copies are kept.
    storage_cool_gb_month = "storage.cool_gb_month", 0.01, "per GB-month", "Object storage, cool tier (LRS): backup copies", AZ_STORAGE_PRICES;
    /// Archive object storage, per GB-month.
    storage_archive_gb_month = "storage.archive_gb_month", 0.0015, "per GB-month", "Object storage, archive tier (LRS)", AZ_STORAGE_PRICES;
    /// Managed database storage, per GB-month.
    storage_database_gb_month = "storage.database_gb_month", 0.115, "per GB-month", "Managed database data storage", KEEL;
    /// Geo-redundant storage costs this many times locally redundant storage.
    geo_multiplier = "storage.geo_multiplier", 2.0, "× LRS price", "Geo-redundant (GRS) price relative to LRS", AZ_STORAGE_PRICES;
    /// Data moved between the two regions, per GB.
    transfer_inter_region_gb = "transfer.inter_region_gb", 0.02, "per GB", "Transfer between regions on one continent", TRANSFER_PRICES;
    /// Copy throughput per Gbps of bandwidth.
    tb_per_hour_per_gbps = "throughput.tb_per_hour_per_gbps", 0.44, "TB/h per Gbps", "Copy throughput per Gbps (1 TB ≈ 2.3 h at 1 Gbps)", ADF_COPY_PERF;
    /// Bandwidth available to a restore.
    restore_gbps = "throughput.restore_gbps", 10.0, "Gbps", "Bandwidth of a restore (storage accounts allow 25–60 Gbps ingress)", KEEL;
    /// Server-side copy throughput inside storage (snapshot promotion, account-local copies).
    server_copy_tb_per_hour = "throughput.server_copy_tb_per_hour", 3.6, "TB/h", "One server-side copy at the maximum 256 DIU moves about 1 GB/s", ADF_MIGRATION;
    /// Reprocessing throughput of a pipeline stage.
    reprocess_tb_per_hour = "reprocess.tb_per_hour", 1.0, "TB/h", "Reprocessing throughput of a stage (override per stage)", KEEL;
    /// Compute cost of reprocessing one TB.
    reprocess_cost_per_tb = "reprocess.cost_per_tb", 25.0, "per TB", "Compute cost to reprocess 1 TB (cloud compute is dear, storage cheap)", REPROCESS_COST;
    /// How often scheduled backups run.
    backup_interval_minutes = "backup.interval_minutes", 1440.0, "minutes", "Interval of scheduled backups, snapshots and dated copies", KEEL;
    /// Extra restore time per backup piece applied after the first (incremental chains).
    backup_piece_minutes = "backup.piece_minutes", 10.0, "minutes", "Overhead per extra backup piece in a restore chain", KEEL;
    /// Days between full copies in incremental and differential schemes.
    backup_full_every_days = "backup.full_every_days", 7.0, "days", "Days between full copies in incremental/differential schemes", KEEL;
    /// Start-up of an in-place restore or reprocessing job.
    delay_job_start_minutes = "delay.job_start_minutes", 15.0, "minutes", "Start a restore or reprocessing job in place", KEEL;
    /// Deploy a stage again from infrastructure as code.
    delay_provision_minutes = "delay.provision_minutes", 30.0, "minutes", "Redeploy from infrastructure as code (tens of minutes)", PROVISION;
    /// Fail a storage account over to its secondary.
    delay_storage_failover_minutes = "delay.storage_failover_minutes", 60.0, "minutes", "Storage account failover (minutes to an hour)", AZ_REDUNDANCY;
    /// Rehydrate data from the archive tier, standard priority.
    delay_rehydration_minutes = "delay.rehydration_minutes", 900.0, "minutes", "Archive rehydration, standard priority (up to 15 h)", AZ_REHYDRATION;
    /// Geo-restore of a managed database.
    delay_geo_restore_minutes = "delay.geo_restore_minutes", 720.0, "minutes", "Database geo-restore (RTO up to 12 h)", SQL_HADR;
    /// Recovery point of a geo-restore of a managed database.
    lag_geo_backup_minutes = "lag.geo_backup_minutes", 60.0, "minutes", "Database geo-restore RPO (up to 1 h)", SQL_HADR;
    /// Asynchronous storage geo-replication lag.
    lag_storage_geo_minutes = "lag.storage_geo_minutes", 15.0, "minutes", "Storage geo-replication lag (typically ≤ 15 min, no SLA)", AZ_REDUNDANCY;
    /// Pilot light: recovery point.
    pilot_light_rpo_minutes = "dr.pilot_light.rpo_minutes", 15.0, "minutes", "Pilot light recovery point (minutes)", AWS_TIER_RANGE;
    /// Pilot light: recovery time (scale up the running core).
    pilot_light_rto_minutes = "dr.pilot_light.rto_minutes", 45.0, "minutes", "Pilot light recovery time (tens of minutes)", AWS_TIER_RANGE;
    /// Pilot light: share of the primary compute kept running.
    pilot_light_compute_share = "dr.pilot_light.compute_share", 0.1, "× primary compute", "Pilot light standby compute", STANDBY_SHARE;
    /// Warm standby: recovery point.
    warm_rpo_minutes = "dr.warm_standby.rpo_minutes", 1.0, "minutes", "Warm standby recovery point (seconds to minutes)", AWS_TIER_RANGE;
    /// Warm standby: recovery time.
    warm_rto_minutes = "dr.warm_standby.rto_minutes", 15.0, "minutes", "Warm standby recovery time (minutes)", AWS_TIER_RANGE;
    /// Warm standby: share of the primary compute kept running.
    warm_compute_share = "dr.warm_standby.compute_share", 0.5, "× primary compute", "Warm standby compute (a smaller copy)", STANDBY_SHARE;
    /// Hot standby: recovery point.
    hot_rpo_minutes = "dr.hot_standby.rpo_minutes", 0.1, "minutes", "Hot standby recovery point (seconds)", AWS_TIER_RANGE;
    /// Hot standby: recovery time.
    hot_rto_minutes = "dr.hot_standby.rto_minutes", 5.0, "minutes", "Hot standby recovery time (minutes)", AWS_TIER_RANGE;
    /// Hot standby: share of the primary compute kept running.
    hot_compute_share = "dr.hot_standby.compute_share", 1.0, "× primary compute", "Hot standby compute (a full copy)", STANDBY_SHARE;
    /// Active-active: recovery point.
    active_rpo_minutes = "dr.active_active.rpo_minutes", 0.0, "minutes", "Active-active recovery point (near zero)", AWS_TIER_RANGE;
    /// Active-active: recovery time.
    active_rto_minutes = "dr.active_active.rto_minutes", 0.0, "minutes", "Active-active recovery time (near zero)", AWS_TIER_RANGE;
    /// Active-active: share of the primary compute in the second region (full plus coordination).
    active_compute_share = "dr.active_active.compute_share", 1.2, "× primary compute", "Active-active compute (full copy plus coordination)", STANDBY_SHARE;
    /// A full-size secondary database (failover group, geo-replica): share of the primary's compute.
    full_secondary_compute_share = "dr.full_secondary.compute_share", 1.0, "× primary compute", "Full-size secondary database (failover group, geo-replica) billed like the primary", SQL_SECONDARY_BILLING;
    /// Cold object storage, per GB-month.
    storage_cold_gb_month = "storage.cold_gb_month", 0.0036, "per GB-month", "Object storage, cold tier (LRS): long-kept backup copies", AZ_COLD_PRICE;
    /// Minimum days a blob is billed for on the cool tier.
    storage_cool_min_days = "storage.cool_min_days", 30.0, "days", "Cool tier: minimum retention billed", AZ_TIERS;
    /// Minimum days a blob is billed for on the cold tier.
    storage_cold_min_days = "storage.cold_min_days", 90.0, "days", "Cold tier: minimum retention billed", AZ_TIERS;
    /// Minimum days a blob is billed for on the archive tier.
    storage_archive_min_days = "storage.archive_min_days", 180.0, "days", "Archive tier: minimum retention billed", AZ_TIERS;
    /// Egress of one storage account, shared by the restores that read from it at once.
    account_egress_gbps = "throughput.account_egress_gbps", 50.0, "Gbps", "Egress of one storage account, shared by concurrent restores (200 Gbps in large regions)", AZ_ACCOUNT_LIMITS;
    /// Loading (processing) a semantic model or refreshing a dataset, GB per hour.
    reload_model_gb_per_hour = "reload.model_gb_per_hour", 50.0, "GB/h", "Semantic-model processing / dataset refresh throughput", MODEL_LOAD;
    /// Reloading a serving cache from its model, GB per hour.
    reload_cache_gb_per_hour = "reload.cache_gb_per_hour", 50.0, "GB/h", "Serving-cache reload throughput", MODEL_LOAD;
    /// Primary compute of an ingest stage, per month.
    compute_ingest = "compute.ingest", 300.0, "per month", "Ingest runtime compute (e.g. integration runtime nodes)", KEEL;
    /// Primary compute of a presentation stage (warehouse), per month.
    compute_presentation = "compute.presentation", 2500.0, "per month", "Warehouse / data mart compute", KEEL;
    /// Primary compute of a model / semantic layer stage, per month.
    compute_model = "compute.model", 1500.0, "per month", "Model / semantic layer compute", KEEL;
    /// Primary compute of a serving cache, per month.
    compute_cache = "compute.cache", 600.0, "per month", "Serving cache compute", KEEL;
    /// Primary compute of a reporting platform, per month.
    compute_report = "compute.report", 400.0, "per month", "Reporting platform capacity", KEEL;
    /// Primary compute of any other stage that runs a database, per month.
    compute_database = "compute.database", 1200.0, "per month", "Database compute of a lake zone or archive on a database service", KEEL;
    /// Read-access geo-redundant storage costs this many times geo-redundant storage.
    read_access_multiplier = "storage.read_access_multiplier", 1.25, "× GRS price", "Read-access geo-redundant (RA-GRS) price relative to GRS", AZ_RA_PRICES;
    /// Re-point the readers of a stage to the copy in the other region.
    delay_repoint_minutes = "delay.repoint_readers_minutes", 15.0, "minutes", "Re-point readers to the copy in the other region", REPOINT;
    /// Dual ingest: recovery point.
    dual_ingest_rpo_minutes = "dr.dual_ingest.rpo_minutes", 0.0, "minutes", "Dual ingest recovery point (both regions written as data arrives)", DUAL_INGEST;
    /// Dual ingest: the second run's share of the stage's ingest or processing compute.
    dual_ingest_compute_share = "dr.dual_ingest.compute_share", 1.0, "× ingest compute", "Dual ingest: a second run of the stage's ingest or processing", DUAL_INGEST;
    /// How long a region outage is expected to last when waiting for the provider.
    outage_expected_minutes = "outage.expected_minutes", 870.0, "minutes", "Expected region outage when waiting for the provider", OUTAGE_MEDIAN;
    /// How long a bad region outage lasted: what waiting risks.
    outage_long_minutes = "outage.long_minutes", 3240.0, "minutes", "A long region outage (the longest on record in facts.md)", OUTAGE_LONGEST;
    /// Data lost when waiting for the provider to bring the region back.
    outage_wait_rpo_minutes = "outage.wait_rpo_minutes", 0.0, "minutes", "Data lost when waiting for the provider (the region comes back with its data)", OUTAGE_DATA;
    /// Azure Backup vault storage (vault-standard, LRS), per GB-month.
    vault_azure_backup_gb_month = "vault.azure_backup.gb_month", 0.0224, "per GB-month", "Azure Backup vault storage (vault-standard, LRS)", AZ_BACKUP_PRICES;
    /// Azure Backup protected-instance fee per stage, per month (50–500 GB).
    vault_azure_backup_instance_monthly = "vault.azure_backup.instance_monthly", 10.0, "per month", "Azure Backup protected-instance fee (50–500 GB)", AZ_BACKUP_INSTANCE;
    /// AWS Backup warm storage, per GB-month.
    vault_aws_backup_gb_month = "vault.aws_backup.gb_month", 0.05, "per GB-month", "AWS Backup warm storage (S3 backups)", AWS_BACKUP_PRICES;
    /// Off-cloud copies, per GB-month.
    vault_off_cloud_gb_month = "vault.off_cloud.gb_month", 0.006, "per GB-month", "Off-cloud copies (another provider's object storage)", OFF_CLOUD_PRICES;
    /// Bandwidth of a restore from off-cloud copies back into the cloud.
    vault_off_cloud_restore_gbps = "vault.off_cloud.restore_gbps", 1.0, "Gbps", "Restore from off-cloud copies over an internet link", KEEL_OFF_CLOUD_LINK;
    /// Internet egress, per GB.
    transfer_internet_egress_gb = "transfer.internet_egress_gb", 0.087, "per GB", "Internet egress (first 10 TB a month)", EGRESS_PRICES;
    /// A git mirror on another host, per stage and month.
    vault_git_mirror_monthly = "vault.git_mirror.monthly", 5.0, "per month", "Protected git mirror on another host, per stage", KEEL_GIT_MIRROR;
    /// Isolate, investigate and pick the last clean recovery point before any restore.
    delay_attack_triage_minutes = "delay.attack_triage_minutes", 480.0, "minutes", "Isolate, find the last clean recovery point and prepare a clean environment after ransomware", KEEL_TRIAGE;
}

impl Prices {
    /// The price book with `overrides` applied. Unknown keys are reported (and ignored), so a
    /// typo never silently changes nothing.
    pub fn resolve(overrides: &BTreeMap<String, f64>) -> (Prices, Vec<Diagnostic>) {
        let mut diagnostics = Vec::new();
        for (key, value) in overrides {
            let known = PRICE_BOOK.iter().any(|e| e.key == key) || key.starts_with("service.");
            if !known {
                let hint = PRICE_BOOK
                    .iter()
                    .find(|e| e.key.ends_with(key.rsplit('.').next().unwrap_or(key)))
                    .map(|e| format!("; did you mean \"{}\"?", e.key))
                    .unwrap_or_default();
                diagnostics.push(Diagnostic::warning(
                    format!("overrides.{key}"),
                    None,
                    format!("is not a price-book key and was ignored{hint}"),
                ));
            } else if !value.is_finite() || *value < 0.0 {
                diagnostics.push(Diagnostic::error(
                    format!("overrides.{key}"),
                    None,
                    "must be a number of zero or more",
                ));
            }
        }
        let prices = Prices::from_lookup(|key, default| match overrides.get(key) {
            Some(v) if v.is_finite() && *v >= 0.0 => *v,
            _ => default,
        });
        (prices, diagnostics)
    }

    /// The price book's defaults.
    pub fn defaults() -> Prices {
        Prices::from_lookup(|_, default| default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_every_entry_is_sourced() {
        let mut keys: Vec<_> = PRICE_BOOK.iter().map(|e| e.key).collect();
        keys.sort_unstable();
        let before = keys.len();
        keys.dedup();
        assert_eq!(before, keys.len(), "duplicate price-book key");
        for e in PRICE_BOOK {
            assert!(!e.source.title.is_empty() && !e.source.as_of.is_empty(), "{} has no source", e.key);
            assert!(e.value.is_finite() && e.value >= 0.0, "{}", e.key);
        }
    }

    #[test]
    fn overrides_apply_and_typos_are_reported() {
        let mut o = BTreeMap::new();
        o.insert("storage.hot_gb_month".to_string(), 0.05);
        o.insert("hot_gb_month".to_string(), 1.0);
        let (p, d) = Prices::resolve(&o);
        assert_eq!(p.storage_hot_gb_month, 0.05);
        assert_eq!(p.storage_cool_gb_month, Prices::defaults().storage_cool_gb_month);
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("did you mean \"storage.hot_gb_month\""), "{}", d[0].message);
    }
}

#[cfg(test)]
mod doc_tests {
    /// docs/engine.md documents every price-book key, so users can find what to override.
    #[test]
    fn engine_doc_lists_every_key() {
        let doc = include_str!("../../docs/engine.md");
        for e in super::PRICE_BOOK {
            assert!(doc.contains(&format!("`{}`", e.key)), "docs/engine.md does not list {}", e.key);
        }
    }
}
