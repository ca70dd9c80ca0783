//! The operations guide's 3-2-1 rule ("3 copies of data and code, 2 different media, 1
//! offsite"), counted from the options the plan chose for every disruption type — for data that
//! cannot be rebuilt from a source, and for code. When it does not hold, the warning says what
//! is missing and the cheapest vault that completes it, and the plan carries that as a
//! [`Fix`] (docs/engine.md, "3-2-1").

use super::text::put;
use super::warnings::{keeps_copy, Level, Warning, WarningCode};
use super::{Fix, Recommendation, StagePlan};
use crate::catalogue::{Vault, VaultPrice};
use crate::model::{BackupMethod, Disruption, DrStrategy, Stage, StageKind};
use crate::text::{Cents, Count};

/// Where a copy is kept, as the rule counts media.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Medium {
    /// The stage's own storage (and its snapshots and replicas).
    Primary,
    /// Backup copies on another tier or in the service's backup storage.
    BackupStorage,
    /// A backup vault (Azure Backup, AWS Backup).
    BackupVault,
    /// Another provider or on premises.
    OffCloud,
    /// The git host the code lives on.
    GitHost,
    /// Another git host (a protected mirror).
    OtherGitHost,
}

/// Copies, media and whether one is off-site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tally {
    copies: usize,
    media: usize,
    offsite: bool,
}

impl Tally {
    fn holds(self) -> bool {
        self.copies >= 3 && self.media >= 2 && self.offsite
    }
}

/// The stage's copies from its chosen options; `ransomware_vault` stands for the vault of its
/// ransomware copy (the chosen one, or one tried as a fix).
/// A chosen option as the rule reads it: its backup method and strategy.
type Chosen = Option<(BackupMethod, DrStrategy)>;

fn chosen(rec: Option<&Recommendation>) -> Chosen {
    rec.map(|r| (r.backup, r.strategy))
}

fn tally(code: bool, corruption: Chosen, outage: Chosen, vault: Option<&Vault>) -> Tally {
    // The media seen, one bit each: no allocation (tally runs for every vault a fix weighs).
    let mut media: u8 = 1 << (if code { Medium::GitHost } else { Medium::Primary }) as u8;
    let mut copies = 1;
    let mut offsite = false;
    let mut add = |medium: Medium, off: bool, media: &mut u8| {
        copies += 1;
        offsite |= off;
        *media |= 1 << medium as u8;
    };
    if code {
        // The guide's clone on another host for DR: an outage plan that redeploys from git.
        if outage == Some((BackupMethod::Git, DrStrategy::Redeploy)) {
            add(Medium::GitHost, true, &mut media);
        }
    } else {
        if let Some((backup, DrStrategy::BackupRestore)) = corruption.filter(|(b, _)| keeps_copy(*b)) {
            let medium = if backup == BackupMethod::Snapshots { Medium::Primary } else { Medium::BackupStorage };
            add(medium, false, &mut media);
        }
        if let Some((_, strategy)) = outage {
            if strategy == DrStrategy::BackupRestore {
                add(Medium::BackupStorage, true, &mut media);
            } else if strategy.is_replica() {
                add(Medium::Primary, true, &mut media);
            }
        }
    }
    if let Some(v) = vault {
        let medium = match v.price {
            VaultPrice::CopyTier => Medium::BackupStorage,
            VaultPrice::AzureBackup | VaultPrice::AwsBackup => Medium::BackupVault,
            VaultPrice::OffCloud => Medium::OffCloud,
            VaultPrice::GitMirror => Medium::OtherGitHost,
        };
        add(medium, v.off_site, &mut media);
    }
    Tally { copies, media: media.count_ones() as usize, offsite }
}

/// Whether 3-2-1 is asked of the stage: code, and data that cannot be rebuilt from a source
/// (the guide: data "can potentially be recreated rather than restored").
fn applies(stage: &Stage, plan: &StagePlan) -> Option<bool> {
    if stage.kind == StageKind::SystemOfRecord {
        return None;
    }
    if !stage.kind.holds_data() {
        return Some(true);
    }
    let rebuilt = plan.recommendations.iter().any(|r| r.strategy == DrStrategy::Reprocess && r.rpo_minutes.is_some());
    (!rebuilt).then_some(false)
}

/// `three_two_one_not_met` for the stage planned as `plan`, with the cheapest vault for its
/// ransomware copies that completes the rule, if one does.
pub(super) fn check(stage: &Stage, plan: &StagePlan, out: &mut Vec<Warning>, fixes: &mut Vec<Fix>, currency: &str) {
    let Some(code) = applies(stage, plan) else { return };
    // Only what recovers counts: a blocked option keeps no usable copy.
    let usable = |d| plan.recommendation(d).filter(|r| r.rpo_minutes.is_some() && r.rto_minutes.is_some());
    let corruption = chosen(usable(Disruption::DataCorruption));
    let outage = chosen(usable(Disruption::RegionOutage));
    let attack = plan.recommendation(Disruption::Ransomware);
    let chosen = attack.and_then(|r| r.copies_in.as_ref()).and_then(|c| Vault::find(&c.vault));
    let now = tally(code, corruption, outage, chosen);
    if now.holds() {
        return;
    }
    // The cheapest vault among the ransomware options weighed that would complete the rule.
    let paid = attack.map_or(0.0, |r| r.cost.total());
    let fix = attack
        .into_iter()
        .flat_map(|r| &r.alternatives)
        .filter(|a| a.rpo_minutes.is_some() && !a.catch_up)
        .filter_map(|a| Some((a.copies_in?.vault()?, a.monthly)))
        .filter(|(v, _)| tally(code, corruption, outage, Some(v)).holds())
        .min_by(|a, b| a.1.total_cmp(&b.1));
    let name = stage.display_name();
    let mut m = String::with_capacity(256);
    put!(&mut m;
        name, if code { " (code)" } else { " cannot be recreated from a source, yet" }, " has ",
        Count(now.copies as u64, "copy", "copies"), " on ", Count(now.media as u64, "medium", "media"), " with ",
        if now.offsite { "one" } else { "none" }, " off-site, counted from the options chosen for every disruption; the 3-2-1 rule asks for 3 copies, 2 media, 1 off-site.");
    match fix {
        Some((v, monthly)) => {
            let more = (monthly - paid).max(0.0);
            put!(&mut m;
                " Cheapest fix: keep its ransomware copies in ", v.name, " (", v.radius.label(), ") — ",
                currency, " ", Cents(more), "/month more.");
            fixes.push(Fix {
                code: WarningCode::ThreeTwoOneNotMet,
                stage: plan.id.clone(),
                vault: std::borrow::Cow::Borrowed(v.id),
                label: format!("Keep its ransomware copies in {} ({})", v.name, v.radius.label()),
                monthly: super::round2(more),
            });
        }
        None if code => m.push_str(" Keep a mirror of its repository on another host with deletion blocked, and clone it for DR."),
        None => m.push_str(" No vault Keel knows completes it for this service: keep a copy off-cloud or in the paired region by hand."),
    }
    out.push(Warning {
        code: WarningCode::ThreeTwoOneNotMet,
        level: Level::Warning,
        stages: vec![plan.id.clone()],
        disruption: None,
        message: m,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use BackupMethod as B;
    use DrStrategy as D;

    fn vault(id: &str) -> Option<&'static Vault> {
        let v = Vault::find(id);
        assert!(v.is_some(), "{id} is in the catalogue");
        v
    }

    /// Each way of counting, one case each: (code, corruption, outage, ransomware vault) →
    /// (copies, media, off-site, holds).
    #[test]
    fn copies_media_and_offsite_are_counted_from_the_chosen_options() {
        #[allow(clippy::type_complexity)]
        let cases: &[(&str, bool, Chosen, Chosen, Option<&str>, (usize, usize, bool, bool))] = &[
            ("nothing kept", false, None, None, None, (1, 1, false, false)),
            (
                "snapshots are the same medium",
                false,
                Some((B::Snapshots, D::BackupRestore)),
                None,
                None,
                (2, 1, false, false),
            ),
            (
                "backups are another medium",
                false,
                Some((B::Incremental, D::BackupRestore)),
                None,
                None,
                (2, 2, false, false),
            ),
            (
                "a replica in the paired region is off-site",
                false,
                Some((B::Snapshots, D::BackupRestore)),
                Some((B::None, D::GeoReplicatedStorage)),
                None,
                (3, 1, true, false),
            ),
            (
                "copies restored in the paired region",
                false,
                Some((B::Incremental, D::BackupRestore)),
                Some((B::Incremental, D::BackupRestore)),
                None,
                (3, 2, true, true),
            ),
            (
                "an immutable copy adds a copy",
                false,
                Some((B::Snapshots, D::BackupRestore)),
                Some((B::None, D::GeoReplicatedStorage)),
                Some("azure_immutable_blob"),
                (4, 2, true, true),
            ),
            (
                "an off-cloud copy is off-site",
                false,
                Some((B::Incremental, D::BackupRestore)),
                None,
                Some("off_cloud"),
                (3, 3, true, true),
            ),
            (
                "a locked copy in the same region is not",
                false,
                Some((B::Incremental, D::BackupRestore)),
                None,
                Some("azure_immutable_blob"),
                (3, 2, false, false),
            ),
            (
                "a rebuild keeps no copy",
                false,
                Some((B::None, D::Reprocess)),
                Some((B::None, D::WaitForProvider)),
                None,
                (1, 1, false, false),
            ),
            ("code: its repository alone", true, Some((B::Git, D::Redeploy)), None, None, (1, 1, false, false)),
            (
                "code: a clone on another host for DR",
                true,
                Some((B::Git, D::Redeploy)),
                Some((B::Git, D::Redeploy)),
                None,
                (2, 1, true, false),
            ),
            (
                "code: and a protected mirror",
                true,
                Some((B::Git, D::Redeploy)),
                Some((B::Git, D::Redeploy)),
                Some("git_protected_mirror"),
                (3, 2, true, true),
            ),
        ];
        for &(case, code, corruption, outage, v, (copies, media, offsite, holds)) in cases {
            let t = tally(code, corruption, outage, v.and_then(vault));
            assert_eq!((t.copies, t.media, t.offsite, t.holds()), (copies, media, offsite, holds), "{case}");
        }
    }
}
