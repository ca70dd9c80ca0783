//! Ransomware and malicious deletion (docs/engine.md, "Ransomware"): whoever holds the
//! platform's credentials deletes or encrypts everything they reach — the data, its replicas,
//! its snapshots and the backups in the same account or subscription, and the platform's own
//! git. Only copies kept where those credentials cannot destroy them count
//! ([`crate::catalogue::out_of_reach`]): the options here are the stage's backups kept in a
//! [`Vault`] of the catalogue, and code redeployed from a protected mirror. Beside them each
//! stage gets one option as it is protected today, blocked, so the reason can say why it does
//! not count. Every option starts after the triage (isolate, find the last clean point, prepare
//! a clean environment) and restores into a new environment.

use super::candidates::{minutes_at, Blocked, Candidate, Ctx, How, Timing, Wait};
use super::rules::{Family, Methods};
use super::Cost;
use crate::catalogue::{Lock, Radius, Service, Takes, Tier, Vault, VaultPrice, VAULTS};
use crate::model::{BackupMethod, Diagnostic, DrStrategy, Stage};

/// The vault a stage's `vault` names, when Keel knows it and it takes the stage's copies; else a
/// warning naming the field (the stage is then planned as if it named none).
pub(super) fn pinned_vault(
    stage: &Stage,
    index: usize,
    service: &Service,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<&'static Vault> {
    let id = stage.vault.as_deref()?;
    let at = format!("stages[{index}].vault");
    let Some(vault) = Vault::find(id) else {
        let known: Vec<&str> = VAULTS.iter().map(|v| v.id).collect();
        let message = format!("\"{id}\" is not a vault Keel knows ({}); planned with the cheapest", known.join(", "));
        diagnostics.push(Diagnostic::warning(at, Some(&stage.id), message));
        return None;
    };
    if !vault.takes_from(service) {
        let message = format!(
            "{} does not take copies of {}; planned with the cheapest vault that does",
            vault.name, service.name
        );
        diagnostics.push(Diagnostic::warning(at, Some(&stage.id), message));
        return None;
    }
    Some(vault)
}

/// Adds the triage before any recovery to every option in `options` (not to a system of record:
/// its owner's figures are given).
pub(super) fn after_triage(ctx: &Ctx<'_>, options: &mut [Candidate]) {
    let triage = ctx.prices.delay_attack_triage_minutes;
    for c in options.iter_mut().filter(|c| c.how != How::External) {
        c.timing.fixed += triage;
        c.rto = c.rto.map(|r| r + triage);
    }
}

/// Where today's copies of a stage live: beside the data for snapshots and point-in-time
/// restore, in the same subscription for the rest — reachable either way.
fn todays_radius(method: BackupMethod) -> Radius {
    match method {
        BackupMethod::Snapshots | BackupMethod::PointInTime => Radius::SameAccount,
        _ => Radius::SameSubscription,
    }
}

/// The methods whose copies a vault holds as they are: not snapshots or point-in-time restore,
/// which live inside the stage's own account or server and leave it only as periodic copies.
fn leaves_the_account(method: BackupMethod) -> bool {
    matches!(
        method,
        BackupMethod::FullCopies | BackupMethod::Incremental | BackupMethod::Differential | BackupMethod::ServiceNative
    )
}

/// The stage's backups kept in each vault that takes them, and its first backup as it is kept
/// today (blocked: reachable).
pub(super) fn backups(ctx: &Ctx<'_>, methods: Methods, out: &mut Vec<Candidate>) {
    let stage = ctx.stage;
    let p = ctx.prices;
    let retention = f64::from(stage.backup_retention_days.max(1));
    let (tier, tier_price) = ctx.copy_tier(retention);
    let first = out.len();
    let mut today = None;
    for offer in ctx.data_backups(methods) {
        let method = offer.method;
        let interval = ctx.offer_interval(offer);
        let gb = ctx.backup_gb(method, interval);
        let restore = |gbps: Option<f64>| match (offer.restore_minutes, gbps) {
            (Some(m), _) => (m + ctx.rehydration_if_archived(), 0.0),
            (None, Some(gbps)) => (
                p.delay_job_start_minutes + ctx.rehydration_if_archived(),
                minutes_at(stage.volume_gb / 1000.0, gbps * p.tb_per_hour_per_gbps),
            ),
            (None, None) => ctx.restore_in_place_minutes(method),
        };
        let base = |fixed: f64, variable: f64| Candidate {
            backup: method,
            strategy: DrStrategy::BackupRestore,
            rpo: Some(interval),
            // Into a clean environment: provisioned first.
            rto: Some(p.delay_provision_minutes + fixed + variable),
            cost: Cost::default(),
            how: How::Restore { gb: stage.volume_gb, rehydrate: ctx.service.tier == Tier::Archive, tier },
            blocked: None,
            note: offer.note,
            family: Family::Backups,
            preview: offer.preview,
            timing: Timing {
                wait: Wait::Own,
                fixed: p.delay_provision_minutes + fixed,
                variable,
                gb: if variable > 0.0 { stage.volume_gb } else { 0.0 },
            },
            catch_up: None,
            vault: None,
        };
        if today.is_none() {
            let (fixed, variable) = restore(None);
            let radius = todays_radius(method);
            today = Some(Candidate {
                rpo: None,
                cost: Cost { storage: gb * tier_price, ..Cost::default() },
                blocked: Some(Blocked::Reachable { radius, lock: Lock::None }),
                ..base(fixed, variable)
            });
        }
        // A snapshot is never a copy elsewhere.
        if method == BackupMethod::Snapshots {
            continue;
        }
        // Point-in-time restore lives inside the account: what leaves it is a copy taken at the
        // backup interval.
        let leaves = leaves_the_account(method);
        let copied_every = if leaves { interval } else { interval.max(p.backup_interval_minutes) };
        for vault in VAULTS.iter().filter(|v| v.out_of_reach() && v.takes_data(ctx.service, method)) {
            // Recovery points inside the account reach a vault only through a backup service that
            // copies them out (Azure Backup, AWS Backup).
            let copies_points = matches!(vault.price, VaultPrice::AzureBackup | VaultPrice::AwsBackup);
            if (vault.preview && !ctx.scenario.allow_preview) || (!leaves && !copies_points) {
                continue;
            }
            // GB written into the vault a month: every copy kept is rewritten once a retention.
            let written_gb = gb * 30.0 / retention;
            let (storage, replication, gbps) = match vault.price {
                VaultPrice::CopyTier => (gb * tier_price, 0.0, None),
                VaultPrice::AzureBackup => {
                    let instances = (stage.volume_gb / 500.0).ceil().max(1.0);
                    let fee = if stage.volume_gb <= 50.0 { 0.5 } else { instances };
                    (gb * p.vault_azure_backup_gb_month + fee * p.vault_azure_backup_instance_monthly, 0.0, None)
                }
                VaultPrice::AwsBackup => (gb * p.vault_aws_backup_gb_month, 0.0, None),
                VaultPrice::OffCloud => (
                    gb * p.vault_off_cloud_gb_month,
                    written_gb * p.transfer_internet_egress_gb,
                    Some(p.vault_off_cloud_restore_gbps),
                ),
                VaultPrice::GitMirror => continue,
            };
            // A copy taken out of the account comes back as a whole restore, not a snapshot's
            // server-side promotion.
            let (fixed, variable) = match (gbps, leaves) {
                (None, false) if offer.restore_minutes.is_none() => {
                    (p.delay_job_start_minutes + ctx.rehydration_if_archived(), ctx.restore_minutes(stage.volume_gb))
                }
                _ => restore(gbps),
            };
            let mut c = Candidate {
                rpo: Some(copied_every),
                cost: Cost { storage, replication, ..Cost::default() },
                note: vault.note,
                vault: Some(vault),
                preview: offer.preview || vault.preview,
                ..base(fixed, variable)
            };
            // The stage names another vault: this one stays in the list with its figures (what
            // 3-2-1's fix compares), but is not chosen.
            if ctx.vault.is_some_and(|p| !std::ptr::eq(p, vault)) {
                c.rto = None;
                c.blocked = Some(Blocked::OtherVault);
            }
            out.push(c);
        }
    }
    // Pruned now, so that no catch-up is built for a copy that is dropped; the catch-ups are
    // pruned once built (`candidates::options`).
    prune_vault_options(out, first, false);
    out.extend(today);
}

/// Whether vault option `o` is as good as `c` in everything the plan weighs: no dearer, no
/// older, and no slower in any part of its recovery — the fixed part, the data moved (which the
/// recent-data target's hot window reads), the catch-up after it — so no target, upstream or
/// tie can prefer `c`. Blocked options and preview features (which a scenario may not allow)
/// beat nothing.
fn as_good(o: &Candidate, c: &Candidate) -> bool {
    let inf = f64::INFINITY;
    let timing = |a: &Timing, b: &Timing| a.wait == b.wait && a.fixed <= b.fixed && a.variable <= b.variable;
    o.blocked.is_none()
        && o.vault.is_some()
        && o.preview == c.preview
        && o.cost.total() <= c.cost.total()
        && o.rpo.unwrap_or(inf) <= c.rpo.unwrap_or(inf)
        && timing(&o.timing, &c.timing)
        && match (o.catch_up, c.catch_up) {
            (None, None) => true,
            (Some(a), Some(b)) => timing(&a.restore, &b.restore) && a.from_rpo <= b.from_rpo,
            _ => false,
        }
}

/// Drops the vault options of `out[first..]` (this stage's, for ransomware, catch-ups included)
/// that could never be chosen and that nothing else needs: one another vault option is
/// [`as_good`] as — in the same vault or another (every vault here is out of the platform's
/// reach, which is all this disruption asks) — except each vault's cheapest copy, which 3-2-1's
/// fix and a vault pinned later compare. When the stage names its vault, the others are blocked
/// and keep only their cheapest. Keeps the plan's cost for a third disruption type in bounds
/// (docs/PERFORMANCE.md). `catch_ups`: prune the catch-ups (once built) instead of the copies.
pub(super) fn prune_vault_options(out: &mut Vec<Candidate>, first: usize, catch_ups: bool) {
    let Some(mine) = out.get(first..) else { return };
    // A stage has a few dozen options at most; past 64 (the bit set below) nothing is pruned.
    if mine.len() > 64 {
        return;
    }
    // Each vault's cheapest copy (then fastest, then freshest; the first of equals), found in
    // one pass: a handful of vaults.
    let key = |c: &Candidate| (c.cost.total(), c.rto.unwrap_or(f64::INFINITY), c.rpo.unwrap_or(f64::INFINITY));
    const MOST: usize = 16;
    let mut cheapest: [(usize, usize); MOST] = [(0, usize::MAX); MOST];
    let mut vaults = 0;
    for (i, c) in mine.iter().enumerate() {
        let Some(v) = c.vault.filter(|_| c.catch_up.is_none()) else { continue };
        let at = v as *const Vault as usize;
        match cheapest[..vaults].iter_mut().find(|(addr, _)| *addr == at) {
            Some(slot) => {
                let (a, b) = (key(c), key(&mine[slot.1]));
                if a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.total_cmp(&b.2)).is_lt() {
                    slot.1 = i;
                }
            }
            None if vaults < MOST => {
                cheapest[vaults] = (at, i);
                vaults += 1;
            }
            // More vaults than Keel has: keep the rest whole.
            None => return,
        }
    }
    let mut drop = 0u64;
    for (i, c) in mine.iter().enumerate() {
        if c.vault.is_none() || c.catch_up.is_some() != catch_ups || cheapest[..vaults].iter().any(|&(_, k)| k == i) {
            continue;
        }
        // Of equals, the first stays.
        let beaten = c.blocked.is_some()
            || mine.iter().enumerate().any(|(j, o)| j != i && as_good(o, c) && (j < i || !as_good(c, o)));
        if beaten {
            drop |= 1 << i;
        }
    }
    if drop == 0 {
        return;
    }
    // Compact this stage's options only: the list holds every stage's before them.
    let mut to = first;
    for i in 0..out.len() - first {
        if drop & (1 << i) == 0 {
            if to != first + i {
                out[to] = out[first + i];
            }
            to += 1;
        }
    }
    out.truncate(to);
}

/// Code and configuration redeployed into a clean environment from a protected mirror (a
/// cache reloads its data afterwards), and from the platform's own repository (blocked).
pub(super) fn redeploy(ctx: &Ctx<'_>, out: &mut Vec<Candidate>) {
    let p = ctx.prices;
    let Some(mirror) = VAULTS.iter().find(|v| v.takes == Takes::Code && v.out_of_reach()) else { return };
    let (reload_gb, timing) = super::candidates::redeploy_timing(ctx);
    let Some(offer) =
        ctx.service.backups.iter().find(|o| matches!(o.method, BackupMethod::Git | BackupMethod::ConfigExport))
    else {
        return;
    };
    let protected = Candidate {
        backup: offer.method,
        strategy: DrStrategy::Redeploy,
        rpo: Some(ctx.offer_interval(offer)),
        rto: Some(timing.own()),
        cost: Cost { storage: p.vault_git_mirror_monthly, ..Cost::default() },
        how: How::Redeploy { reload_gb },
        blocked: None,
        note: mirror.note,
        family: Family::Redeploy,
        preview: false,
        timing,
        catch_up: None,
        vault: Some(mirror),
    };
    out.push(protected);
    out.push(Candidate {
        rpo: None,
        cost: Cost::default(),
        note: offer.note,
        blocked: Some(Blocked::Reachable { radius: Radius::SameSubscription, lock: Lock::None }),
        vault: None,
        ..protected
    });
}
