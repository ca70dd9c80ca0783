//! The security of the copies (the operations guide: "Encrypt backups using customer-managed
//! or provider-managed keys", "Control access with IAM policies", "Overlooking security of
//! backup data" among the pitfalls): per stage, whether the copies kept against ransomware are
//! administered apart from the platform, and whether backups use customer-managed keys. One
//! warning each lists the stages (docs/engine.md, "Ransomware").

use super::warnings::{keeps_copy, Level, Warning, WarningCode};
use super::StagePlan;
use crate::model::{Disruption, Stage, StageKind};
use crate::text::{word, Count};

/// `backup_admins_shared` and `backup_keys_provider_managed` for `stages` (each with its plan).
pub(super) fn check<'a>(stages: impl Iterator<Item = (&'a Stage, &'a StagePlan)>, out: &mut Vec<Warning>) {
    let (mut shared, mut provider_keys) = (Vec::new(), Vec::new());
    for (stage, plan) in stages {
        if stage.kind == StageKind::SystemOfRecord {
            continue;
        }
        let attack = plan.recommendation(Disruption::Ransomware);
        // Locked copies survive deletion, but whoever administers their vault with the
        // platform's credentials can still stop new backups.
        let copies_in = attack.and_then(|r| r.copies_in.as_ref());
        if copies_in.is_some_and(|c| !c.radius.beyond_platform()) && !stage.separate_backup_admins {
            shared.push(plan.id.clone());
        }
        let keeps_copies = plan.recommendations.iter().any(|r| keeps_copy(r.backup)) && stage.kind.holds_data();
        if keeps_copies && !stage.customer_managed_keys {
            provider_keys.push(plan.id.clone());
        }
    }
    if !shared.is_empty() {
        let n = shared.len() as u64;
        out.push(Warning {
            code: WarningCode::BackupAdminsShared,
            level: Level::Warning,
            message: format!(
                "{} {} {} ransomware copies in a vault the platform's own administrators run: locked copies survive deletion, but whoever holds those credentials can stop new backups. Give backup administration identities of its own and put the vault's guard (multi-user authorisation) in another tenant, then mark each stage as administered separately.",
                Count(n, "stage", "stages"),
                word(n, "keeps", "keep"),
                word(n, "its", "their")
            ),
            stages: shared,
            disruption: Some(Disruption::Ransomware),
        });
    }
    if !provider_keys.is_empty() {
        let n = provider_keys.len() as u64;
        out.push(Warning {
            code: WarningCode::BackupKeysProviderManaged,
            level: Level::Info,
            message: format!(
                "{} {} backups encrypted with the provider's keys. The operations guide accepts customer- or provider-managed keys; customer-managed keys, in a key vault with purge protection and administrators of its own, let you decide who can read the copies (without purge protection, deleting the key destroys every copy). Mark each stage whose backups use them.",
                Count(n, "stage", "stages"),
                word(n, "keeps", "keep")
            ),
            stages: provider_keys,
            disruption: None,
        });
    }
}
