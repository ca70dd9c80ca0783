//! The service catalogue and the price book: sourced, dated facts kept as data.
//!
//! A [`Service`] says which stage kinds it fits, what its primary storage costs, and which
//! backup methods and DR strategies it offers natively — with service-specific recovery points
//! and times where its documentation gives them. Everything else comes from the
//! [price book](prices). Every figure names its [`Source`] and date; a scenario overrides any
//! number by key (`storage.hot_gb_month`, or `service.<id>.<method|strategy>.rpo_minutes` /
//! `.rto_minutes` for a service's own figures).

mod prices;
mod services;
mod vaults;

pub use prices::{PriceEntry, Prices, PRICE_BOOK};
pub use services::SERVICES;
pub use vaults::{out_of_reach, Lock, Radius, Takes, Vault, VaultId, VaultPrice, VAULTS};

use crate::model::{BackupMethod, DrStrategy, StageKind};
use serde::Serialize;

/// How much to trust a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Vendor documentation.
    Doc,
    /// A third-party page (price trackers, blogs).
    ThirdParty,
    /// One of the two guides Keel's rules come from.
    Guide,
    /// Keel's own assumption, to be replaced by the user's figure.
    KeelAssumption,
}

/// Where a figure comes from, and when it was true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document.
    pub title: &'static str,
    /// Date of the source (year or year-month).
    pub as_of: &'static str,
    /// Kind of source.
    pub grade: Grade,
}

/// Cloud or generic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Provider {
    /// Microsoft Azure.
    Azure,
    /// Amazon Web Services.
    Aws,
    /// Google Cloud.
    Gcp,
    /// Not tied to a provider.
    Generic,
}

/// What the primary copy of a stage's data costs to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tier {
    /// Hot object storage.
    Hot,
    /// Archive object storage (reads need rehydration).
    Archive,
    /// Managed database storage.
    Database,
    /// No data of its own (code, configuration, transient compute).
    Stateless,
}

/// A backup method a service offers, with its own figures where they differ from the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BackupOffer {
    /// The method.
    pub method: BackupMethod,
    /// Recovery point in minutes; `None` = the price book's backup interval.
    pub rpo_minutes: Option<f64>,
    /// Fixed restore time in minutes that replaces the volume-based estimate; `None` = modelled.
    pub restore_minutes: Option<f64>,
    /// A feature in public preview: chosen only when the scenario allows previews.
    pub preview: bool,
    /// What the user should know, in plain words.
    pub note: &'static str,
}

/// What a DR offer keeps in the paired region, which decides the figures the price book gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Secondary {
    /// The strategy's tier in the price book (`dr.<tier>.*`), or the offer's own figures.
    Tier,
    /// A database geo-restore: `lag.geo_backup_minutes` and `delay.geo_restore_minutes`.
    GeoRestore,
    /// A full-size secondary database billed like the primary (`dr.full_secondary.compute_share`).
    FullSize,
    /// A standby kept current by restoring backups: its recovery point is the backup interval.
    RestoredBackups,
}

/// A DR strategy a service offers natively, with its own figures.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DrOffer {
    /// The strategy.
    pub strategy: DrStrategy,
    /// Recovery point in minutes; `None` = the price book's figure for the strategy.
    pub rpo_minutes: Option<f64>,
    /// Recovery time in minutes; `None` = modelled from the price book.
    pub rto_minutes: Option<f64>,
    /// What the secondary is and what it costs.
    pub secondary: Secondary,
    /// What the user should know (e.g. the native feature's name).
    pub note: &'static str,
}

/// One service of the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Service {
    /// Id used in scenario files (`stage.service`).
    pub id: &'static str,
    /// Product name.
    pub name: &'static str,
    /// Cloud provider.
    pub provider: Provider,
    /// Stage kinds the service can run.
    pub fits: &'static [StageKind],
    /// Storage tier of the primary copy.
    pub tier: Tier,
    /// Whether the service offers geo-redundant storage or replicas at all.
    pub geo_redundancy: bool,
    /// Stateless compute (Databricks, HDInsight): clusters recreated from code, data on the lake.
    pub stateless_compute: bool,
    /// Time to make archived data readable again, in minutes; `None` = the price book's
    /// rehydration delay (used only for the archive tier).
    pub rehydration_minutes: Option<f64>,
    /// Backup methods available.
    pub backups: &'static [BackupOffer],
    /// DR strategies available.
    pub dr: &'static [DrOffer],
    /// Retirement notice, if the service is retired.
    pub retired: Option<&'static str>,
    /// Facts the user should know.
    pub notes: &'static str,
    /// Where the service's facts come from.
    pub source: Source,
}

impl Service {
    /// The catalogue entry with `id`.
    pub fn find(id: &str) -> Option<&'static Service> {
        SERVICES.iter().find(|s| s.id == id)
    }

    /// The services that fit a stage kind, for the properties panel.
    pub fn fitting(kind: StageKind) -> impl Iterator<Item = &'static Service> {
        SERVICES.iter().filter(move |s| s.fits.contains(&kind))
    }

    /// The generic service assumed for a stage that names none.
    pub fn default_for(kind: StageKind) -> &'static Service {
        let id = match kind {
            StageKind::SystemOfRecord => "saas_application",
            StageKind::Ingest | StageKind::Cache => "generic_compute",
            StageKind::Scripts | StageKind::InfraConfig | StageKind::Report => "git_repository",
            StageKind::Presentation | StageKind::Model => "generic_database",
            StageKind::Raw | StageKind::Enriched | StageKind::Curated | StageKind::ModeledData | StageKind::Archive => {
                "generic_object_store"
            }
        };
        // The catalogue test guarantees every default exists; fall back to the first entry.
        Service::find(id).unwrap_or(&SERVICES[0])
    }

    /// The backup offer for `method`, if the service has one.
    pub fn backup(&self, method: BackupMethod) -> Option<&BackupOffer> {
        self.backups.iter().find(|o| o.method == method)
    }

    /// The DR offer for `strategy`, if the service has one.
    pub fn dr_offer(&self, strategy: DrStrategy) -> Option<&DrOffer> {
        self.dr.iter().find(|o| o.strategy == strategy)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_defaults_exist() {
        let mut ids: Vec<_> = SERVICES.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(n, ids.len(), "duplicate service id");
        for kind in StageKind::ALL {
            let s = Service::default_for(kind);
            assert!(s.fits.contains(&kind), "default {} does not fit {:?}", s.id, kind);
            assert!(Service::fitting(kind).count() >= 1);
        }
    }

    #[test]
    fn the_issue_s_services_are_all_there() {
        for id in [
            "azure_sql_database",
            "azure_sql_managed_instance",
            "sql_server_iaas",
            "azure_data_factory",
            "azure_blob_storage",
            "azure_blob_archive",
            "adls_gen2",
            "adls_gen1",
            "hdinsight",
            "azure_databricks",
            "synapse_dedicated_sql_pool",
            "azure_analysis_services",
            "power_bi",
            "generic_object_store",
            "generic_database",
            "generic_compute",
            "aws_s3",
            "aws_s3_glacier",
            "aws_rds",
            "aws_aurora_global",
            "gcs_dual_region",
        ] {
            assert!(Service::find(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn every_entry_is_sourced_and_coherent() {
        for s in SERVICES {
            assert!(!s.source.title.is_empty() && !s.source.as_of.is_empty(), "{}", s.id);
            assert!(!s.fits.is_empty(), "{}", s.id);
            for o in s.dr {
                if o.strategy.is_replica() {
                    assert!(s.geo_redundancy, "{} offers {:?} without geo-redundancy", s.id, o.strategy);
                }
            }
        }
        let gen1 = Service::find("adls_gen1").expect("gen1");
        assert!(gen1.retired.is_some() && !gen1.geo_redundancy && gen1.backup(BackupMethod::Snapshots).is_none());
    }
}
