//! What a stage's card shows about the plan: its status colour (meets / warning / violates),
//! its service, and RPO and RTO badges. Derived from the plan, never stored.

use crate::catalogue::Service;
use crate::engine::{Level, Plan, StageId, WarningCode};
use crate::model::{same_scenario, Positions, Scenario};
use crate::text::{format_minutes, format_minutes_f};
use std::collections::HashMap;

/// How a stage fares in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Status {
    /// Every target met, nothing to worry about.
    Meets,
    /// Targets met, but the plan warns about the stage.
    Warning,
    /// A target is missed.
    Violates,
    /// The stage has an error of its own and was left out of the plan.
    #[default]
    Invalid,
}

impl Status {
    /// The name used in the card's CSS class (`status-…`).
    pub fn key(self) -> &'static str {
        match self {
            Status::Meets => "meets",
            Status::Warning => "warning",
            Status::Violates => "violates",
            Status::Invalid => "invalid",
        }
    }

    /// Words for the card and screen readers.
    pub fn label(self) -> &'static str {
        match self {
            Status::Meets => "meets its targets",
            Status::Warning => "meets its targets, with warnings",
            Status::Violates => "misses a target",
            Status::Invalid => "not planned: fix its errors",
        }
    }
}

/// One RPO or RTO badge: the tightest target over the disruption types, and whether every one
/// of them is met.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Badge {
    /// The target, as people write it ("4h").
    pub target: String,
    /// Whether the plan meets it for every disruption type.
    pub met: bool,
    /// Target and achieved figure per disruption type, for the tooltip.
    pub detail: String,
}

/// Everything a card shows about the plan.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CardFacts {
    /// The status colour.
    pub status: Status,
    /// Name of the service the stage was planned with.
    pub service: String,
    /// Recovery point badge.
    pub rpo: Badge,
    /// Recovery time badge.
    pub rto: Badge,
    /// The recent-data badge, where the stage has a recent-data target: its days and tightest
    /// RTO, met when every figure of it is met for every disruption type (`30d 45m`).
    pub recent: Option<Badge>,
    /// The plan's warnings about the stage, one per line.
    pub warnings: String,
}

/// Whether [`card_facts`] writes the texts only a detailed card shows in its tooltips (the
/// badges' per-disruption figures, the warnings): a compact card shows none of them, and at 200
/// stages they are six formatted lines a stage on every plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tooltips {
    /// Written: the cards are detailed.
    Written,
    /// Left empty: the cards are compact.
    Skipped,
}

/// The card facts of every planned stage, by id. Stages missing from the map were left out of
/// the plan: show them with `CardFacts::default()` (invalid). With [`Tooltips::Skipped`] every
/// `detail` and `warnings` is empty; everything else is the same.
pub fn card_facts(plan: &Plan, tooltips: Tooltips) -> HashMap<StageId, CardFacts> {
    let written = tooltips == Tooltips::Written;
    let mut warnings: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut worrying: HashMap<&str, bool> = HashMap::new();
    for w in &plan.warnings {
        for id in &w.stages {
            warnings.entry(id.as_str()).or_default().push(w.message.as_str());
            if w.level != Level::Info && w.code != WarningCode::TargetNotMet {
                worrying.insert(id.as_str(), true);
            }
        }
    }
    plan.stages
        .iter()
        .enumerate()
        .map(|(index, s)| {
            let meets = s.recommendations.iter().all(|r| r.meets());
            let status = if !meets {
                Status::Violates
            } else if worrying.contains_key(s.id.as_str()) {
                Status::Warning
            } else {
                Status::Meets
            };
            let badge = |rpo: bool| {
                let target = s
                    .recommendations
                    .iter()
                    .map(|r| if rpo { r.target.rpo_minutes } else { r.target.rto_minutes })
                    .min()
                    .unwrap_or_default();
                let met = s.recommendations.iter().all(|r| if rpo { r.meets_rpo } else { r.meets_rto });
                if !written {
                    return Badge { target: format_minutes(target), met, detail: String::new() };
                }
                let detail = s
                    .recommendations
                    .iter()
                    .map(|r| {
                        let (want, got) = if rpo {
                            (r.target.rpo_minutes, r.effective_rpo_minutes)
                        } else {
                            (r.target.rto_minutes, r.completion_minutes.or(r.rto_minutes))
                        };
                        let got = got.map_or_else(|| "cannot be recovered".to_string(), format_minutes_f);
                        let verb = if rpo { "loses at most" } else { "back in" };
                        // The plan's warnings name the upstream stage and the chain to it.
                        let upstream = rpo && plan.rpo_limited_by(index, r.disruption).is_some();
                        let note = if upstream { " (upstream data)" } else { "" };
                        // After ransomware, where the copies that count are kept.
                        let kept = match &r.copies_in {
                            Some(c) if rpo => format!(", copies in {}", c.name),
                            _ => String::new(),
                        };
                        format!("{}: target {}, {verb} {got}{note}{kept}", r.disruption.label(), format_minutes(want))
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                Badge { target: format_minutes(target), met, detail }
            };
            let recent = recent_badge(&s.recommendations, tooltips);
            let service = Service::find(&s.service).map_or_else(|| s.service.to_string(), |svc| svc.name.to_string());
            let facts = CardFacts {
                status,
                service,
                rpo: badge(true),
                rto: badge(false),
                recent,
                warnings: warnings.get(s.id.as_str()).filter(|_| written).map(|w| w.join("\n")).unwrap_or_default(),
            };
            (s.id.clone(), facts)
        })
        .collect()
}

/// The recent-data badge of a stage's recommendations, if it has a recent-data target.
fn recent_badge(recs: &[crate::engine::Recommendation], tooltips: Tooltips) -> Option<Badge> {
    let days = recs.iter().find_map(|r| r.recent)?.days;
    let rto = recs.iter().filter_map(|r| r.recent).map(|x| x.target.rto_minutes).min().unwrap_or_default();
    let met = recs.iter().all(|r| r.recent.is_none_or(|x| x.meets()));
    let target = format!("{days}d {}", format_minutes(rto));
    if tooltips == Tooltips::Skipped {
        return Some(Badge { target, met, detail: String::new() });
    }
    let mut detail = format!("Newest {}", crate::text::plural(u64::from(days), "day", "days"));
    for r in recs {
        let Some(x) = r.recent else { continue };
        let back = x.back_minutes.map_or_else(|| "never".to_string(), format_minutes_f);
        let point = r.effective_rpo_minutes.map_or_else(|| "everything".to_string(), format_minutes_f);
        detail.push_str(&format!(
            "\n{}: target RTO {}, back in {back}{}; RPO {}, loses at most {point}{}",
            r.disruption.label(),
            format_minutes(x.target.rto_minutes),
            if x.meets_rto { "" } else { " (missed)" },
            format_minutes(x.target.rpo_minutes),
            if x.meets_rpo { "" } else { " (missed)" },
        ));
    }
    Some(Badge { target, met, detail })
}

/// Whether two scenarios plan the same: equal in everything but where their cards are on the
/// canvas, which the engine does not read. Lets the view skip re-planning while a card is dragged.
pub fn same_plan_input(a: &Scenario, b: &Scenario) -> bool {
    std::ptr::eq(a, b) || same_scenario(a, b, Positions::Ignored)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::plan;
    use crate::model::{Disruption, Pos, Stage, StageKind, Target, Targets};

    fn lake() -> Scenario {
        let mut scenario = Scenario::default();
        let mut raw = Stage::new("raw", StageKind::Raw);
        raw.service = Some("adls_gen2".into());
        scenario.stages.push(raw);
        scenario
    }

    /// Compact cards get the same facts without the tooltips' texts.
    #[test]
    fn skipped_tooltips_leave_only_the_texts_out() {
        let (scenario, _) =
            crate::format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("the example");
        let p = plan(&scenario);
        let (written, skipped) = (card_facts(&p, Tooltips::Written), card_facts(&p, Tooltips::Skipped));
        assert_eq!(written.len(), skipped.len());
        let without_texts = |f: &CardFacts| {
            let mut f = f.clone();
            for b in [&mut f.rpo, &mut f.rto].into_iter().chain(f.recent.as_mut()) {
                b.detail.clear();
            }
            f.warnings.clear();
            f
        };
        for (id, w) in &written {
            assert_eq!(skipped.get(id), Some(&without_texts(w)), "{id}");
        }
        assert!(written.values().any(|f| !f.warnings.is_empty() && !f.rpo.detail.is_empty()), "the texts are written");
    }

    #[test]
    fn a_stage_that_meets_its_targets_is_green_with_its_service_and_badges() {
        let scenario = lake();
        let p = plan(&scenario);
        let facts = card_facts(&p, Tooltips::Written);
        let raw = &facts["raw"];
        assert_eq!(raw.service, "Azure Data Lake Storage Gen2");
        assert_eq!(raw.rpo.target, "1d");
        assert_eq!(raw.rto.target, "1d", "the tighter of 1d and 2d");
        assert!(raw.rto.detail.contains("Corruption: target 1d, back in"), "{}", raw.rto.detail);
        assert!(raw.rto.detail.contains("Region outage: target 2d"), "{}", raw.rto.detail);
        let copies = p.stages[0].recommendation(Disruption::Ransomware).and_then(|r| r.copies_in.clone());
        let kept = format!(", copies in {}", copies.expect("ransomware copies kept in a vault").name);
        assert!(
            raw.rpo.detail.contains("Ransomware: target 1d, loses at most") && raw.rpo.detail.ends_with(&kept),
            "{}",
            raw.rpo.detail
        );
        assert!(!raw.rto.detail.contains("copies in"), "once, beside the recovery point: {}", raw.rto.detail);
        assert!(raw.rpo.met && raw.rto.met);
        assert!(matches!(raw.status, Status::Meets | Status::Warning), "{:?}", raw.status);
    }

    #[test]
    fn an_impossible_rto_turns_the_card_red_and_names_the_badge() {
        let mut scenario = lake();
        let tight = Target { rpo_minutes: 24 * 60, rto_minutes: 1 };
        scenario.stages[0].targets = Some(Targets { data_corruption: tight, region_outage: tight, ransomware: None });
        scenario.stages[0].volume_gb = 500_000.0;
        let facts = card_facts(&plan(&scenario), Tooltips::Written);
        let raw = &facts["raw"];
        assert_eq!(raw.status, Status::Violates);
        assert!(!raw.rto.met && raw.rpo.met);
        assert_eq!(raw.rto.target, "1m");
        assert!(!raw.warnings.is_empty(), "the target_not_met warning is listed");
    }

    #[test]
    fn a_missed_recent_target_turns_the_card_red_on_its_own_badge() {
        let mut scenario = lake();
        assert_eq!(card_facts(&plan(&scenario), Tooltips::Written)["raw"].recent, None, "no badge without a target");
        let mut recent = crate::model::RecentTargets::from_targets(7, Targets::default());
        recent.data_corruption.rto_minutes = 1;
        scenario.stages[0].recent = Some(recent);
        let facts = card_facts(&plan(&scenario), Tooltips::Written);
        let raw = &facts["raw"];
        assert_eq!(raw.status, Status::Violates);
        assert!(raw.rpo.met && raw.rto.met, "the full-history targets are met");
        let badge = raw.recent.as_ref().expect("a recent-data badge");
        assert_eq!(badge.target, "7d 1m");
        assert!(!badge.met);
        assert!(badge.detail.starts_with("Newest 7 days\nCorruption: target RTO 1m, back in "), "{}", badge.detail);
        assert!(badge.detail.contains("(missed)"), "{}", badge.detail);
        assert!(raw.warnings.contains("misses its recent-data target"), "{}", raw.warnings);
        scenario.stages[0].recent = Some(crate::model::RecentTargets::from_targets(7, Targets::default()));
        let facts = card_facts(&plan(&scenario), Tooltips::Written);
        assert!(facts["raw"].recent.as_ref().is_some_and(|b| b.met && b.target == "7d 1d"));
    }

    #[test]
    fn data_older_than_the_rpo_upstream_turns_the_card_red() {
        // The report's own redeploy loses nothing, but it serves the raw zone's data, restored
        // to a point a day old, against a 1 h RPO: missed, not merely warned about.
        let mut scenario = lake();
        let mut report = Stage::new("report", StageKind::Report);
        let day = Target { rpo_minutes: 24 * 60, rto_minutes: 24 * 60 };
        report.targets =
            Some(Targets { data_corruption: Target { rpo_minutes: 60, ..day }, region_outage: day, ransomware: None });
        scenario.stages.push(report);
        scenario.flows.push(crate::model::Flow { from: "raw".into(), to: "report".into() });
        let facts = card_facts(&plan(&scenario), Tooltips::Written);
        let report = &facts["report"];
        assert_eq!(report.status, Status::Violates);
        assert!(!report.rpo.met && report.rto.met);
        assert!(
            report.rpo.detail.contains("Corruption: target 1h, loses at most 1d (upstream data)"),
            "{}",
            report.rpo.detail
        );
        assert!(!facts["raw"].rpo.detail.contains("upstream"), "raw's point is its own: {}", facts["raw"].rpo.detail);
    }

    #[test]
    fn a_warning_about_the_stage_makes_it_amber() {
        let mut scenario = lake();
        scenario.stages[0].available_in_secondary = false; // a Critical warning, targets may still be met
        let p = plan(&scenario);
        let facts = card_facts(&p, Tooltips::Written);
        let raw = &facts["raw"];
        let meets = p.stages[0].recommendations.iter().all(|r| r.meets());
        assert_eq!(raw.status, if meets { Status::Warning } else { Status::Violates });
        assert!(raw.warnings.contains("not offered in"), "{}", raw.warnings);
    }

    #[test]
    fn invalid_stages_are_missing_and_default_to_invalid() {
        let mut scenario = lake();
        scenario.stages[0].volume_gb = -1.0;
        assert!(!card_facts(&plan(&scenario), Tooltips::Written).contains_key("raw"));
        assert_eq!(CardFacts::default().status, Status::Invalid);
        assert_eq!(Status::Invalid.key(), "invalid");
    }

    #[test]
    fn moving_cards_does_not_change_the_plan_input_but_everything_else_does() {
        let scenario = crate::model::synthetic(30);
        let mut moved = scenario.clone();
        moved.stages[3].pos = Pos { x: 999.0, y: -5.0 };
        assert!(same_plan_input(&scenario, &moved));
        // The premise: the engine really does not read positions.
        assert_eq!(plan(&scenario), plan(&moved));

        let mut edited = moved.clone();
        edited.stages[3].volume_gb += 1.0;
        assert!(!same_plan_input(&scenario, &edited));
        let mut retargeted = scenario.clone();
        retargeted.targets.get_mut(Disruption::RegionOutage).rto_minutes = 5;
        assert!(!same_plan_input(&scenario, &retargeted));
        let mut refreshed = scenario.clone();
        refreshed.stages[3].refresh_minutes = Some(60);
        assert!(!same_plan_input(&scenario, &refreshed), "a refresh interval bounds the RPO a stage can hold");
        let mut recent = scenario.clone();
        recent.recent = Some(crate::model::RecentTargets::from_targets(7, Targets::default()));
        assert!(!same_plan_input(&scenario, &recent), "a recent-data target is judged");
        let mut recent_stage = scenario.clone();
        recent_stage.stages[3].recent = recent.recent;
        assert!(!same_plan_input(&scenario, &recent_stage));
        let mut vaulted = scenario.clone();
        vaulted.stages[3].vault = Some("off_cloud".into());
        assert!(!same_plan_input(&scenario, &vaulted), "the vault decides where ransomware copies are kept");
        let mut late = scenario.clone();
        late.detection_delay_days = Some(14);
        assert!(!same_plan_input(&scenario, &late), "a detection delay moves recovery points back");
        let mut late_stage = scenario.clone();
        late_stage.stages[3].detection_delay_days = Some(3);
        assert!(!same_plan_input(&scenario, &late_stage));
        let mut cut = scenario.clone();
        cut.flows.pop();
        assert!(!same_plan_input(&scenario, &cut));
        let mut renamed = scenario.clone();
        renamed.stages[0].label = "ERP".into();
        assert!(!same_plan_input(&scenario, &renamed), "labels appear in the plan's messages");
        let previews = Scenario { allow_preview: true, ..scenario.clone() };
        assert!(!same_plan_input(&scenario, &previews), "previews change what may be chosen");
        let rates = Scenario {
            incidents_per_year: Some(crate::model::IncidentRates {
                data_corruption: 2.0,
                region_outage: 0.1,
                ransomware: None,
            }),
            ..scenario.clone()
        };
        assert!(!same_plan_input(&scenario, &rates), "incident rates change the insurance");
    }
}
