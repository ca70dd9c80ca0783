//! A stage's "Ransomware copies in" field: the vault of [`crate::catalogue::VAULTS`] its copies
//! that count after ransomware are kept in (`Stage::vault`), or none chosen — the cheapest vault
//! that meets its targets.
//!
//! The list offers the vaults that take the stage's copies, as the engine decides it when it
//! plans with a stage's vault: a vault for data takes a backup the stage's service makes, the
//! code vault a service kept in git or exported configuration. A system of record offers none
//! (its owner keeps its copies). A stage whose kind or service changes drops a vault that no
//! longer takes its copies, as it drops a service that cannot run its new kind.

use crate::catalogue::{Service, Vault, VAULTS};
use crate::model::{Stage, StageKind};

/// The service `stage` is planned with: its own when it runs the stage's kind, else the
/// generic one for its kind.
pub fn service_of(stage: &Stage) -> &'static Service {
    stage
        .service
        .as_deref()
        .and_then(Service::find)
        .filter(|s| s.fits.contains(&stage.kind))
        .unwrap_or_else(|| Service::default_for(stage.kind))
}

/// The vaults the field offers for `stage`, in the catalogue's order.
pub fn choices(stage: &Stage) -> impl Iterator<Item = &'static Vault> {
    let service = service_of(stage);
    let owned = stage.kind == StageKind::SystemOfRecord;
    VAULTS.iter().filter(move |v| !owned && v.takes_from(service))
}

/// The field's text: the vault's id, empty for none chosen.
pub(super) fn text(stage: &Stage) -> String {
    stage.vault.clone().unwrap_or_default()
}

/// Sets the vault from its id; empty = none chosen.
pub(super) fn set(stage: &mut Stage, text: &str) -> Result<(), String> {
    let id = text.trim();
    if id.is_empty() {
        stage.vault = None;
        return Ok(());
    }
    let vault = Vault::find(id).ok_or("choose a vault from the list")?;
    if !choices(stage).any(|v| v.id == vault.id) {
        return Err(format!("{} does not take copies of {}", vault.name, service_of(stage).name));
    }
    stage.vault = Some(id.to_string());
    Ok(())
}

/// Drops the stage's vault when it no longer takes the stage's copies (after a change of kind
/// or service). A vault Keel does not know is left for the plan to warn about.
pub(super) fn drop_if_unfit(stage: &mut Stage) {
    let unfit = stage.vault.as_deref().and_then(Vault::find).is_some_and(|v| !choices(stage).any(|c| c.id == v.id));
    if unfit {
        stage.vault = None;
    }
}

#[cfg(test)]
mod tests {
    use super::super::fields::{field_text, set_field, Field};
    use super::*;
    use crate::catalogue::SERVICES;
    use crate::model::{Scenario, StageKind};

    fn curated(service: &str) -> Scenario {
        let mut s = Scenario::default();
        let mut stage = Stage::new("curated", StageKind::Curated);
        stage.service = Some(service.into());
        s.stages.push(stage);
        s
    }

    #[test]
    fn a_lake_zone_offers_the_vaults_that_take_its_copies() {
        let offered: Vec<&str> = choices(&curated("adls_gen2").stages[0]).map(|v| v.id).collect();
        assert_eq!(offered, ["azure_immutable_blob", "azure_backup_vault_locked", "off_cloud"]);
        let offered: Vec<&str> = choices(&curated("aws_s3").stages[0]).map(|v| v.id).collect();
        assert_eq!(offered, ["aws_s3_object_lock", "aws_backup_air_gapped", "off_cloud"]);
        let mut erp = Stage::new("erp", StageKind::SystemOfRecord);
        erp.service = Some("sql_server_iaas".into());
        assert_eq!(choices(&erp).count(), 0, "a system of record's copies are its owner's");
        let notebooks = Stage::new("notebooks", StageKind::Scripts);
        assert_eq!(choices(&notebooks).map(|v| v.id).collect::<Vec<_>>(), ["git_protected_mirror"]);
    }

    #[test]
    fn a_vault_is_chosen_shown_and_cleared() {
        let mut s = curated("adls_gen2");
        let field = Field::Vault;
        assert_eq!(field_text(&s, s.stages.first(), &field), "", "none chosen: the cheapest");
        assert_eq!(set_field(&mut s, Some(0), &field, "off_cloud"), Ok(true));
        assert_eq!(s.stages[0].vault.as_deref(), Some("off_cloud"));
        assert_eq!(field_text(&s, s.stages.first(), &field), "off_cloud");
        assert_eq!(set_field(&mut s, Some(0), &field, "off_cloud"), Ok(false), "the same vault");
        let refused = set_field(&mut s, Some(0), &field, "aws_s3_object_lock").expect_err("refused");
        assert_eq!(
            refused,
            "S3 bucket with Object Lock (compliance mode) does not take copies of Azure Data Lake Storage Gen2"
        );
        assert!(set_field(&mut s, Some(0), &field, "a_cave").expect_err("refused").contains("from the list"));
        assert!(set_field(&mut s, None, &field, "off_cloud").is_err(), "not a scenario field");
        assert_eq!(set_field(&mut s, Some(0), &field, ""), Ok(true));
        assert_eq!(s, curated("adls_gen2"), "empty: none chosen again");
    }

    #[test]
    fn a_new_service_or_kind_drops_a_vault_that_no_longer_takes_the_copies() {
        let mut s = curated("adls_gen2");
        s.stages[0].vault = Some("azure_immutable_blob".into());
        assert_eq!(set_field(&mut s, Some(0), &Field::Service, "aws_s3"), Ok(true));
        assert_eq!(s.stages[0].vault, None, "an Azure container does not take S3's copies");
        s.stages[0].vault = Some("off_cloud".into());
        assert_eq!(set_field(&mut s, Some(0), &Field::Service, "adls_gen2"), Ok(true));
        assert_eq!(s.stages[0].vault.as_deref(), Some("off_cloud"), "off-cloud takes either");
        assert_eq!(set_field(&mut s, Some(0), &Field::Kind, "system_of_record"), Ok(true));
        assert_eq!(s.stages[0].vault, None, "a system of record's copies are its owner's");
    }

    /// The list is the engine's rule: every vault offered is planned with, every other one is
    /// warned about at `stages[0].vault`, for every kind and every service that runs it.
    #[test]
    fn the_vaults_offered_are_the_ones_the_engine_plans_with() {
        for kind in StageKind::ALL.into_iter().filter(|k| *k != StageKind::SystemOfRecord) {
            for service in SERVICES.iter().filter(|s| s.fits.contains(&kind)) {
                let mut s = Scenario::default();
                let mut stage = Stage::new("x", kind);
                stage.service = Some(service.id.into());
                s.stages.push(stage);
                for vault in VAULTS {
                    s.stages[0].vault = Some(vault.id.into());
                    let offered = choices(&s.stages[0]).any(|v| v.id == vault.id);
                    let warned = crate::engine::plan(&s).diagnostics.iter().any(|d| d.path == "stages[0].vault");
                    assert_eq!(offered, !warned, "{} on {} ({kind:?})", vault.id, service.id);
                }
            }
        }
    }
}
