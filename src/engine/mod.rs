//! The planning engine: scenario in, plan out.
//!
//! [`plan`] takes a [`Scenario`] and returns a [`Plan`]: for every stage and disruption type a
//! backup method and a recovery strategy — the cheapest of the candidates that meet the stage's
//! RPO and RTO, or the best achievable with the reason why — plus platform totals, warnings
//! and diagnostics. It does no IO and does not panic on any input: invalid parts of the
//! scenario become diagnostics and are planned around.
//!
//! How a candidate's recovery point, recovery time and cost are modelled is in
//! docs/engine.md; every constant comes from the [price book](crate::catalogue::Prices).

mod candidates;
mod choose;
mod warnings;

pub use warnings::{Level, Warning, WarningCode};

use crate::catalogue::{Prices, Service};
use crate::model::{BackupMethod, Diagnostic, Disruption, DrStrategy, Scenario, Severity, StageKind, Target};
use serde::{Deserialize, Serialize};

/// Monthly cost, split the way an architect budgets it.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Cost {
    /// Storage of backup copies and replicas.
    pub storage: f64,
    /// Replication and transfer between regions.
    pub replication: f64,
    /// Standby compute kept running in the secondary region.
    pub standby: f64,
    /// Reprocessing, as insurance: expected incidents per year × the cost of one rebuild ÷ 12.
    pub reprocessing: f64,
}

impl Cost {
    /// The sum of all parts.
    pub fn total(&self) -> f64 {
        self.storage + self.replication + self.standby + self.reprocessing
    }

    /// Adds `other` part by part.
    pub fn add(&mut self, other: &Cost) {
        self.storage += other.storage;
        self.replication += other.replication;
        self.standby += other.standby;
        self.reprocessing += other.reprocessing;
    }

    fn rounded(self) -> Cost {
        Cost {
            storage: round2(self.storage),
            replication: round2(self.replication),
            standby: round2(self.standby),
            reprocessing: round2(self.reprocessing),
        }
    }
}

/// One option the engine weighed for a stage and disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Alternative {
    /// Backup method.
    pub backup: BackupMethod,
    /// Recovery strategy.
    pub strategy: DrStrategy,
    /// Recovery point achieved, in minutes; `None` = the data cannot be recovered this way.
    pub rpo_minutes: Option<f64>,
    /// Recovery time achieved, in minutes; `None` = the stage cannot be recovered this way.
    pub rto_minutes: Option<f64>,
    /// Monthly cost.
    pub monthly: f64,
}

/// What to do for one stage and one disruption type.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Recommendation {
    /// The disruption type.
    pub disruption: Disruption,
    /// How recovery points are kept.
    pub backup: BackupMethod,
    /// How the stage comes back.
    pub strategy: DrStrategy,
    /// The stage's target.
    pub target: Target,
    /// Recovery point achieved, in minutes; `None` = cannot be recovered.
    pub rpo_minutes: Option<f64>,
    /// Recovery time achieved, in minutes; `None` = cannot be recovered.
    pub rto_minutes: Option<f64>,
    /// Whether the recovery point meets the target.
    pub meets_rpo: bool,
    /// Whether the recovery time meets the target.
    pub meets_rto: bool,
    /// The figures are the owner's, not Keel's (systems of record).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    /// Monthly cost of this protection.
    pub cost: Cost,
    /// Why, in plain words: the guide's rule, the numbers, and why this option won.
    pub reason: String,
    /// Every option weighed, cheapest first.
    pub alternatives: Vec<Alternative>,
}

impl Recommendation {
    /// Whether both targets are met.
    pub fn meets(&self) -> bool {
        self.meets_rpo && self.meets_rto
    }
}

/// The plan for one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StagePlan {
    /// The stage's id.
    pub id: String,
    /// Its kind.
    pub kind: StageKind,
    /// The catalogue service planned with (the stage's own, or the generic one for its kind).
    pub service: String,
    /// One recommendation per disruption type, in [`Disruption::ALL`] order.
    pub recommendations: Vec<Recommendation>,
    /// Monthly cost of all its protection.
    pub monthly: Cost,
}

impl StagePlan {
    /// The recommendation for `disruption`.
    pub fn recommendation(&self, disruption: Disruption) -> Option<&Recommendation> {
        self.recommendations.iter().find(|r| r.disruption == disruption)
    }
}

/// Platform-wide figures.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Totals {
    /// Monthly cost of all protection, by category.
    pub monthly: Cost,
    /// The same, summed.
    pub monthly_total: f64,
    /// Cost over the scenario's time span.
    pub span_total: f64,
    /// Stages whose every target is met.
    pub stages_meeting: usize,
    /// Stages with at least one target missed.
    pub stages_violating: usize,
}

/// The engine's answer for a scenario.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Plan {
    /// Currency of every cost.
    pub currency: String,
    /// One entry per valid stage, in scenario order.
    pub stages: Vec<StagePlan>,
    /// Platform totals.
    pub totals: Totals,
    /// Risks and rule breaches, with stable codes.
    pub warnings: Vec<Warning>,
    /// Problems with the input.
    pub diagnostics: Vec<Diagnostic>,
}

impl Plan {
    /// The plan of stage `id`.
    pub fn stage(&self, id: &str) -> Option<&StagePlan> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Whether the input had errors.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Plans a scenario: recommendations, totals, warnings and diagnostics.
pub fn plan(scenario: &Scenario) -> Plan {
    let mut diagnostics = scenario.validate();
    let (prices, price_diagnostics) = Prices::resolve(&scenario.overrides);
    diagnostics.extend(price_diagnostics);

    // A stage with an error of its own is reported and left out: its figures would be nonsense.
    let invalid: std::collections::HashSet<usize> = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter_map(|d| d.path.strip_prefix("stages[")?.split(']').next()?.parse().ok())
        .collect();
    // Scenario-wide numbers that failed validation fall back to their defaults.
    let disasters_per_year =
        if scenario.disasters_per_year.is_finite() && (0.0..=365.0).contains(&scenario.disasters_per_year) {
            scenario.disasters_per_year
        } else {
            Scenario::default().disasters_per_year
        };

    let mut stages = Vec::with_capacity(scenario.stages.len());
    for (i, stage) in scenario.stages.iter().enumerate() {
        if invalid.contains(&i) {
            continue;
        }
        let service = resolve_service(stage, i, &mut diagnostics);
        let targets = scenario.targets_of(stage);
        let ctx = candidates::Ctx::new(scenario, stage, service, &prices, disasters_per_year);
        let mut monthly = Cost::default();
        let recommendations: Vec<Recommendation> = Disruption::ALL
            .iter()
            .map(|&d| {
                let options = candidates::for_disruption(&ctx, d);
                let rec = choose::recommend(&ctx, d, targets.get(d), options);
                monthly.add(&rec.cost);
                rec
            })
            .collect();
        stages.push(StagePlan {
            id: stage.id.clone(),
            kind: stage.kind,
            service: service.id.to_string(),
            recommendations,
            monthly: monthly.rounded(),
        });
    }

    let warnings = warnings::collect(scenario, &stages, &prices);
    let mut totals = Totals::default();
    for s in &stages {
        totals.monthly.add(&s.monthly);
        if s.recommendations.iter().all(Recommendation::meets) {
            totals.stages_meeting += 1;
        } else {
            totals.stages_violating += 1;
        }
    }
    totals.monthly = totals.monthly.rounded();
    totals.monthly_total = round2(totals.monthly.total());
    totals.span_total = round2(totals.monthly_total * f64::from(scenario.span_months.min(600)));
    Plan { currency: scenario.currency.clone(), stages, totals, warnings, diagnostics }
}

fn resolve_service(stage: &crate::model::Stage, index: usize, diagnostics: &mut Vec<Diagnostic>) -> &'static Service {
    let fallback = Service::default_for(stage.kind);
    let Some(id) = stage.service.as_deref() else { return fallback };
    match Service::find(id) {
        Some(service) if service.fits.contains(&stage.kind) => service,
        Some(service) => {
            diagnostics.push(Diagnostic::warning(
                format!("stages[{index}].service"),
                Some(&stage.id),
                format!(
                    "{} does not run a {} stage; planned with {} instead",
                    service.name,
                    stage.kind.label().to_lowercase(),
                    fallback.name
                ),
            ));
            fallback
        }
        None => {
            diagnostics.push(Diagnostic::warning(
                format!("stages[{index}].service"),
                Some(&stage.id),
                format!("\"{id}\" is not in the catalogue; planned with {} instead", fallback.name),
            ));
            fallback
        }
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests;
