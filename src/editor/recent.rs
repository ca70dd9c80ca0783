//! The recent-data target's fields in the properties panel: the days it covers and its RPO and
//! RTO per disruption type, on the scenario (the default) and on a stage (its own).
//!
//! A stage shows the target that applies to it (its own, else the scenario's) for RPO and RTO,
//! and only its own days (the scenario's are the field's placeholder). The first edit of a
//! stage's own target starts from the one it inherits, or — setting the days where nothing is
//! inherited — from its full-history targets; an RPO or RTO with no days to go with them is
//! refused. Empty days remove the target at that level.

use super::fields::{days_text, parse_days, Field};
use crate::model::{RecentTargets, Scenario, Stage, Targets, MAX_RECENT_DAYS};
use crate::text::{format_minutes, parse_minutes};

/// What a level's own recent-data target starts from when it is first set.
#[derive(Debug, Clone, Copy)]
pub(super) struct Inherited {
    /// The full-history targets that apply there.
    pub targets: Targets,
    /// The recent-data target inherited from the scenario (a stage's), if any.
    pub recent: Option<RecentTargets>,
}

/// The text of a recent-data field for the scenario or for `stage`.
pub(super) fn text(scenario: &Scenario, stage: Option<&Stage>, field: &Field) -> String {
    let applies = stage.map_or(scenario.recent, |s| s.recent.or(scenario.recent));
    match field {
        Field::RecentDays => days_text(stage.map_or(scenario.recent, |s| s.recent).map(|r| r.days)),
        Field::RecentRpo(d) => applies.map(|r| format_minutes(r.get(*d).rpo_minutes)).unwrap_or_default(),
        Field::RecentRto(d) => applies.map(|r| format_minutes(r.get(*d).rto_minutes)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Applies `text` to a recent-data field of `own` (the scenario's or a stage's target).
pub(super) fn set(own: &mut Option<RecentTargets>, from: Inherited, field: &Field, text: &str) -> Result<(), String> {
    match field {
        Field::RecentDays => {
            let hint = "enter the newest days the target is for, such as 7, 2w or 1m, or leave empty for none";
            let Some(days) = parse_days(text).map_err(|_| hint.to_string())? else {
                *own = None;
                return Ok(());
            };
            if !(1..=MAX_RECENT_DAYS).contains(&days) {
                return Err(format!("{hint} (1 day to ten years)"));
            }
            let mut recent = own.or(from.recent).unwrap_or_else(|| RecentTargets::from_targets(days, from.targets));
            recent.days = days;
            *own = Some(recent);
        }
        Field::RecentRpo(d) | Field::RecentRto(d) => {
            let Some(mut recent) = own.or(from.recent) else {
                return Err("give the number of newest days first".into());
            };
            let minutes = parse_minutes(text).map_err(|e| e.0)?;
            let target = recent.get_mut(*d);
            if matches!(field, Field::RecentRpo(_)) {
                target.rpo_minutes = minutes;
            } else {
                target.rto_minutes = minutes;
            }
            // A ransomware target equal to the corruption one follows it (none of its own).
            if recent.ransomware == Some(recent.data_corruption) {
                recent.ransomware = None;
            }
            // A stage's value equal to what it inherits is not a target of its own yet.
            if own.is_some() || Some(recent) != from.recent {
                *own = Some(recent);
            }
        }
        _ => return Err("not a recent-data field".into()),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::fields::{field_text, set_field};
    use super::*;
    use crate::model::{Disruption, StageKind};

    const RTO: Field = Field::RecentRto(Disruption::DataCorruption);
    const RPO: Field = Field::RecentRpo(Disruption::RegionOutage);

    fn lake() -> Scenario {
        let mut s = Scenario::default();
        s.stages.push(Stage::new("raw", StageKind::Raw));
        s
    }

    #[test]
    fn a_stage_sets_days_then_targets_and_clears_them() {
        let mut s = lake();
        let raw = |s: &Scenario| s.stages[0].clone();
        assert_eq!(field_text(&s, Some(&raw(&s)), &Field::RecentDays), "", "none");
        assert_eq!(field_text(&s, Some(&raw(&s)), &RTO), "");
        assert_eq!(set_field(&mut s, Some(0), &RTO, "4h"), Err("give the number of newest days first".into()));
        assert_eq!(set_field(&mut s, Some(0), &Field::RecentDays, "1w"), Ok(true));
        let recent = s.stages[0].recent.expect("set");
        assert_eq!(recent, RecentTargets::from_targets(7, s.targets), "starts from its full targets");
        assert_eq!(field_text(&s, Some(&raw(&s)), &Field::RecentDays), "7 days");
        assert_eq!(set_field(&mut s, Some(0), &RTO, "4h"), Ok(true));
        assert_eq!(set_field(&mut s, Some(0), &RPO, "15m"), Ok(true));
        assert_eq!(field_text(&s, Some(&raw(&s)), &RTO), "4h");
        assert_eq!(field_text(&s, Some(&raw(&s)), &RPO), "15m");
        assert_eq!(set_field(&mut s, Some(0), &RTO, "4h"), Ok(false), "the same value");
        let ransomware = Field::RecentRto(Disruption::Ransomware);
        assert_eq!(field_text(&s, Some(&raw(&s)), &ransomware), "4h", "the corruption target's");
        assert_eq!(set_field(&mut s, Some(0), &ransomware, "4h"), Ok(false), "the same: none of its own");
        assert_eq!(set_field(&mut s, Some(0), &ransomware, "8h"), Ok(true));
        assert_eq!(s.stages[0].recent.and_then(|r| r.ransomware).map(|t| t.rto_minutes), Some(480));
        for bad in ["0", "11y", "soon"] {
            assert!(set_field(&mut s, Some(0), &Field::RecentDays, bad).is_err(), "{bad}");
        }
        assert!(set_field(&mut s, Some(0), &RTO, "soon").is_err());
        assert_eq!(set_field(&mut s, Some(0), &Field::RecentDays, ""), Ok(true));
        assert_eq!(s, lake(), "empty days remove it");
    }

    #[test]
    fn a_stage_inherits_the_scenarios_target_until_it_changes_it() {
        let mut s = lake();
        assert_eq!(set_field(&mut s, None, &Field::RecentDays, "30"), Ok(true));
        assert_eq!(set_field(&mut s, None, &RTO, "2h"), Ok(true));
        assert_eq!(s.recent.map(|r| (r.days, r.data_corruption.rto_minutes)), Some((30, 120)));
        let raw = s.stages[0].clone();
        assert_eq!(field_text(&s, Some(&raw), &Field::RecentDays), "", "its own days: none");
        assert_eq!(field_text(&s, Some(&raw), &RTO), "2h", "the scenario's target applies");
        assert_eq!(set_field(&mut s, Some(0), &RTO, "2h"), Ok(false), "what it inherits is no change");
        assert_eq!(set_field(&mut s, Some(0), &RTO, "1h"), Ok(true));
        let own = s.stages[0].recent.expect("its own");
        assert_eq!((own.days, own.data_corruption.rto_minutes), (30, 60), "starts from the scenario's");
        assert_eq!(s.recent.map(|r| r.data_corruption.rto_minutes), Some(120), "the scenario's unchanged");
        assert_eq!(set_field(&mut s, None, &Field::RecentDays, " "), Ok(true));
        assert_eq!(s.recent, None);
    }
}
