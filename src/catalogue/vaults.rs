//! Places a copy can be kept out of reach of the platform's own credentials: immutable storage,
//! locked backup vaults, off-cloud copies and a protected git mirror. After ransomware or a
//! malicious deletion only copies kept in one of these count (docs/engine.md, "Ransomware").
//! Figures come from ../shared/reference/facts.md §1 and §8, each with its source and date.

use super::{Grade, Provider, Service, Source, Tier};
use crate::model::BackupMethod;
use serde::{Deserialize, Serialize};

/// How far a copy lives from the platform's credentials: who could destroy it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Radius {
    /// Beside the data, in the same storage account or server (snapshots, versions, soft delete).
    SameAccount,
    /// In a vault or account of the same subscription, run by the same administrators.
    SameSubscription,
    /// In another subscription or account of the same tenant or organisation.
    OtherSubscription,
    /// In another tenant or organisation, or an account the provider holds for you.
    OtherTenant,
    /// Outside the cloud provider: another provider, or on premises.
    OffCloud,
}

impl Radius {
    /// A few words for reasons and the table: "in the same subscription".
    pub fn label(self) -> &'static str {
        match self {
            Radius::SameAccount => "beside the data",
            Radius::SameSubscription => "in the same subscription",
            Radius::OtherSubscription => "in another subscription",
            Radius::OtherTenant => "in another tenant",
            Radius::OffCloud => "off-cloud",
        }
    }

    /// The platform's credentials do not reach it at all.
    pub fn beyond_platform(self) -> bool {
        matches!(self, Radius::OtherTenant | Radius::OffCloud)
    }
}

/// What stops a copy from being deleted, encrypted or cut short before its retention ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lock {
    /// Nothing: whoever reaches the copy can delete it.
    None,
    /// Soft delete an administrator can turn off (and then purge).
    SoftDelete,
    /// Soft delete that cannot be turned off ("always-on"): deleted copies stay for its retention.
    AlwaysOnSoftDelete,
    /// Time-based retention locked (WORM, vault lock or bucket lock in compliance mode): nobody,
    /// the account's owner included, deletes a copy before its retention ends.
    Locked,
    /// Deletion blocked on a host the platform's credentials do not administer (a git mirror
    /// with deletion and force-push blocked).
    DeletionBlocked,
}

impl Lock {
    /// A few words for reasons and the table.
    pub fn label(self) -> &'static str {
        match self {
            Lock::None => "not locked",
            Lock::SoftDelete => "soft delete that can be turned off",
            Lock::AlwaysOnSoftDelete => "always-on soft delete",
            Lock::Locked => "immutable (retention locked)",
            Lock::DeletionBlocked => "deletion blocked",
        }
    }

    /// The lock holds against someone who has the platform's credentials.
    pub fn holds_against_admins(self) -> bool {
        matches!(self, Lock::AlwaysOnSoftDelete | Lock::Locked | Lock::DeletionBlocked)
    }
}

/// Whether a copy kept at `radius` under `lock` survives an attacker holding the platform's
/// credentials: the one test of what counts after ransomware or a malicious deletion.
pub fn out_of_reach(radius: Radius, lock: Lock) -> bool {
    radius.beyond_platform() || lock.holds_against_admins()
}

/// What a vault's copies cost, read from the price book.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum VaultPrice {
    /// Object storage like the stage's other backup copies (cool, cold or archive tier): a lock
    /// costs nothing more, but locked copies are billed for their whole retention.
    CopyTier,
    /// Azure Backup: `vault.azure_backup.gb_month` and a protected-instance fee.
    AzureBackup,
    /// AWS Backup: `vault.aws_backup.gb_month`.
    AwsBackup,
    /// Off-cloud: `vault.off_cloud.gb_month`, and every GB sent out pays internet egress.
    OffCloud,
    /// A git mirror on another host: `vault.git_mirror.monthly`.
    GitMirror,
}

/// What a vault takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Takes {
    /// Backups of data: from services of `provider` (any, for `Provider::Generic`) whose storage
    /// is one of `tiers`, or from one of `services` when that list is not empty; only `methods`
    /// when that list is not empty.
    Data {
        /// The storage tiers of the services it takes copies from.
        tiers: &'static [Tier],
        /// The services it takes copies from, when only some of a tier's do.
        services: &'static [&'static str],
        /// The backup methods it takes; empty = any that leaves the account.
        methods: &'static [BackupMethod],
    },
    /// Code and configuration (git, exported configuration).
    Code,
}

/// One place for copies an attacker cannot reach.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Vault {
    /// Id, as written in a recommendation's `copies_in`.
    pub id: &'static str,
    /// The name shown.
    pub name: &'static str,
    /// Whose it is; `Generic` fits every provider.
    pub provider: Provider,
    /// What it takes.
    pub takes: Takes,
    /// How far it lives from the platform's credentials.
    pub radius: Radius,
    /// What stops its copies from being deleted.
    pub lock: Lock,
    /// Its copies are kept away from the platform's site (the 3-2-1 rule's "1 offsite"):
    /// another provider or premises, another git host.
    pub off_site: bool,
    /// What it costs.
    pub price: VaultPrice,
    /// A feature in public preview: chosen only when the scenario allows previews.
    pub preview: bool,
    /// What the user should know, in plain words.
    pub note: &'static str,
    /// Where this comes from.
    pub source: Source,
}

impl Vault {
    /// Whether the vault takes backups of data made with `method` on `service`.
    pub fn takes_data(&self, service: &Service, method: BackupMethod) -> bool {
        let Takes::Data { tiers, services, methods } = self.takes else { return false };
        let provider = self.provider == Provider::Generic || self.provider == service.provider;
        let fits = if services.is_empty() { tiers.contains(&service.tier) } else { services.contains(&service.id) };
        provider && fits && (methods.is_empty() || methods.contains(&method))
    }

    /// Whether the vault takes copies of what `service` keeps: for data, a backup the service
    /// makes; for code, a service kept in git or exported configuration.
    pub fn takes_from(&self, service: &Service) -> bool {
        match self.takes {
            Takes::Code => {
                service.backups.iter().any(|o| matches!(o.method, BackupMethod::Git | BackupMethod::ConfigExport))
            }
            Takes::Data { .. } => service.backups.iter().any(|o| self.takes_data(service, o.method)),
        }
    }

    /// Whether its copies survive an attacker holding the platform's credentials.
    pub fn out_of_reach(&self) -> bool {
        out_of_reach(self.radius, self.lock)
    }

    /// The vault with `id`, if any.
    pub fn find(id: &str) -> Option<&'static Vault> {
        VAULTS.iter().find(|v| v.id == id)
    }
}

/// A vault's id as a plan's alternatives hold it: always one of [`VAULTS`], so it is a copy of
/// the catalogue's own text, and a plan dropping its alternatives need not read them (at 1,000
/// stages, reading ≈ 1 MB of alternatives back from memory only to drop them was a fifth of a
/// plan's cache misses: docs/PERFORMANCE.md). Written as the id; read back only when the
/// catalogue has the vault.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VaultId(&'static str);

impl VaultId {
    /// The id of `vault`.
    pub fn of(vault: &'static Vault) -> VaultId {
        VaultId(vault.id)
    }

    /// The id as text.
    pub fn as_str(self) -> &'static str {
        self.0
    }

    /// The vault it names.
    pub fn vault(self) -> Option<&'static Vault> {
        Vault::find(self.0)
    }
}

impl std::ops::Deref for VaultId {
    type Target = str;
    fn deref(&self) -> &str {
        self.0
    }
}

impl Serialize for VaultId {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

impl<'de> Deserialize<'de> for VaultId {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let id = String::deserialize(deserializer)?;
        Vault::find(&id).map(VaultId::of).ok_or_else(|| {
            serde::de::Error::custom(format_args!("unknown vault `{id}`: not one of the catalogue's vaults"))
        })
    }
}

const BLOB_WORM: Source = Source {
    title: "Azure Blob immutable storage: time-based retention, locked policies can't be shortened; container-level WORM works with a hierarchical namespace, version-level does not (learn.microsoft.com, immutable-storage-overview)",
    as_of: "2024-05",
    grade: Grade::Doc,
};
const AZ_BACKUP: Source = Source {
    title: "Azure Backup immutable vault (locked = irreversible), always-on enhanced soft delete (14–180 days), multi-user authorisation with a Resource Guard in another tenant; ADLS Gen2 vaulted backup generally available 2025-11-11 (learn.microsoft.com, Azure Updates)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const SQL_LTR_WORM: Source = Source {
    title: "Azure SQL Database long-term retention: time-based immutability (locked: not deletable before expiry), generally available 2025-11-18 (Az.Sql reference, Azure Updates)",
    as_of: "2025-11",
    grade: Grade::Doc,
};
const S3_LOCK: Source = Source {
    title: "Amazon S3 Object Lock, compliance mode: no user, root included, shortens or removes retention (docs.aws.amazon.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const AWS_VAULT_LOCK: Source = Source {
    title: "AWS Backup Vault Lock, compliance mode; logically air-gapped vault held in an account AWS Backup owns (docs.aws.amazon.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const GCS_LOCK: Source = Source {
    title: "Google Cloud Storage Bucket Lock: a locked retention policy can't be removed or reduced (cloud.google.com)",
    as_of: "2025",
    grade: Grade::Doc,
};
const OFF_CLOUD: Source = Source {
    title: "Microsoft ransomware backup guidance: keep backups in isolated, offline or off-site and/or immutable storage; apply 3-2-1 (learn.microsoft.com, backup-plan-to-protect-against-ransomware)",
    as_of: "2025-12",
    grade: Grade::Doc,
};
const GIT_MIRROR: Source = Source {
    title: "Lusty, Prep and Train, Scripts: clone git to another host and block deletion of at least one copy",
    as_of: "2020",
    grade: Grade::Guide,
};

const OBJECTS: &[Tier] = &[Tier::Hot, Tier::Archive];
const ANY_DATA: &[Tier] = &[Tier::Hot, Tier::Archive, Tier::Database];

/// Every place Keel knows for copies out of reach.
pub static VAULTS: &[Vault] = &[
    Vault {
        id: "azure_immutable_blob",
        name: "Immutable blob container",
        provider: Provider::Azure,
        takes: Takes::Data { tiers: OBJECTS, services: &[], methods: &[] },
        radius: Radius::OtherSubscription,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::CopyTier,
        preview: false,
        note: "Copies in a storage account of another subscription, in a container with a locked time-based retention policy (WORM) as long as the backup retention. On a hierarchical-namespace (ADLS Gen2) account only container-level WORM works.",
        source: BLOB_WORM,
    },
    Vault {
        id: "azure_backup_vault_locked",
        name: "Azure Backup vault, immutability locked",
        provider: Provider::Azure,
        takes: Takes::Data {
            tiers: &[],
            services: &["azure_blob_storage", "adls_gen2", "sql_server_iaas"],
            methods: &[],
        },
        radius: Radius::SameSubscription,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::AzureBackup,
        preview: false,
        note: "Vaulted backups in an Azure Backup vault with immutability locked and always-on soft delete; put its Resource Guard (multi-user authorisation) in another tenant. Operational (in-account) blob backups are not covered by the lock; vaulted backup of ADLS Gen2 is generally available since 2025-11-11.",
        source: AZ_BACKUP,
    },
    Vault {
        id: "azure_sql_ltr_immutable",
        name: "Long-term retention, immutable",
        provider: Provider::Azure,
        takes: Takes::Data {
            tiers: &[],
            services: &["azure_sql_database", "azure_sql_managed_instance"],
            methods: &[BackupMethod::ServiceNative],
        },
        radius: Radius::SameSubscription,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::CopyTier,
        preview: false,
        note: "Weekly long-term-retention backups with time-based immutability locked: they cannot be deleted before they expire, even with the server.",
        source: SQL_LTR_WORM,
    },
    Vault {
        id: "aws_s3_object_lock",
        name: "S3 bucket with Object Lock (compliance mode)",
        provider: Provider::Aws,
        takes: Takes::Data { tiers: OBJECTS, services: &[], methods: &[] },
        radius: Radius::OtherSubscription,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::CopyTier,
        preview: false,
        note: "Copies in a bucket of another account with Object Lock in compliance mode for the backup retention: nobody, root included, deletes them sooner.",
        source: S3_LOCK,
    },
    Vault {
        id: "aws_backup_air_gapped",
        name: "AWS Backup logically air-gapped vault",
        provider: Provider::Aws,
        takes: Takes::Data { tiers: &[], services: &["aws_s3", "aws_rds", "aws_aurora_global"], methods: &[] },
        radius: Radius::OtherTenant,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::AwsBackup,
        preview: false,
        note: "Backups copied into a logically air-gapped vault (Vault Lock compliance mode, held in an account AWS Backup owns), shared back for restores.",
        source: AWS_VAULT_LOCK,
    },
    Vault {
        id: "gcs_bucket_lock",
        name: "Cloud Storage bucket with a locked retention policy",
        provider: Provider::Gcp,
        takes: Takes::Data { tiers: OBJECTS, services: &[], methods: &[] },
        radius: Radius::OtherSubscription,
        lock: Lock::Locked,
        off_site: false,
        price: VaultPrice::CopyTier,
        preview: false,
        note: "Copies in a bucket of another project with Bucket Lock: the retention policy cannot be removed or reduced, nor the bucket deleted early.",
        source: GCS_LOCK,
    },
    Vault {
        id: "off_cloud",
        name: "Off-cloud copy",
        provider: Provider::Generic,
        takes: Takes::Data { tiers: ANY_DATA, services: &[], methods: &[] },
        radius: Radius::OffCloud,
        lock: Lock::None,
        off_site: true,
        price: VaultPrice::OffCloud,
        preview: false,
        note: "Copies sent out of the cloud (another provider or on premises) under credentials the platform does not hold; every GB sent pays internet egress, and a restore comes back over that link.",
        source: OFF_CLOUD,
    },
    Vault {
        id: "git_protected_mirror",
        name: "Protected git mirror",
        provider: Provider::Generic,
        takes: Takes::Code,
        radius: Radius::OtherTenant,
        lock: Lock::DeletionBlocked,
        off_site: true,
        price: VaultPrice::GitMirror,
        preview: false,
        note: "A mirror of the repository on another host, pushed to on every change, where deletion and force-pushes are blocked and the platform's credentials are not administrators.",
        source: GIT_MIRROR,
    },
];
