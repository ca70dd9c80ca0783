//! Two plans side by side: what changes from A to B — two variants of a scenario ("today" and
//! "RTO 4 h"), or two files — as rows ready to show, each figure with a `changed` flag so a view
//! can show only what differs.
//!
//! [`compare`] takes two [`Side`]s (a labelled scenario and its computed plan) and returns a
//! [`Comparison`]: per stage, matched by id (a stage only in A is `removed`, only in B `added`),
//! and per disruption type, the backup method, the recovery strategy, where ransomware copies are
//! kept, the recovery point and time achieved against the targets, and the monthly cost; the
//! totals side by side (monthly cost, cost over the span, stages and targets met and missed,
//! critical warnings, time to first service and to full restore per disruption type); the
//! warnings B has that A has not and those it lost; both platforms' cost curves, with each
//! plan's own point, for one plot; and the [`Verdict`]: whether B is worse than A.
//!
//! Nothing is computed again: every figure is the plan's (its recommendations, totals, pipeline
//! timelines, warnings and curves), written with [`crate::text`]. `keel diff` prints it; the web
//! app's compare view renders it. Pure: no IO, no browser.

mod cells;
mod verdict;

pub use cells::{Achieved, Both, Count, Money, Reach, Text};
pub use verdict::{CostLimit, Verdict};

use crate::engine::{Level, Plan, PlatformPoint, Recommendation, StageId, StagePlan, WarningCode};
use crate::ids::IdIndex;
use crate::model::{Disruption, Scenario};
use crate::text::Mins;
use serde::Serialize;

/// One side of a comparison: a scenario, its plan, and what to call it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// What the room calls it: a variant's name, a file's.
    pub label: &'a str,
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its plan (`crate::engine::plan` of the scenario).
    pub plan: &'a Plan,
}

/// What one side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct About {
    /// Its label.
    pub label: String,
    /// The scenario's name.
    pub scenario: String,
    /// The currency of its costs.
    pub currency: String,
    /// The months its span cost is over.
    pub span_months: u32,
}

/// Which plans a stage is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Presence {
    /// In both.
    Both,
    /// Only in B.
    Added,
    /// Only in A.
    Removed,
}

/// One stage, per disruption type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageRow {
    /// The stage's id, which matches the stages of A and B.
    pub id: String,
    /// Its name (B's where it is in B).
    pub name: String,
    /// Its kind, in words (B's where it is in B).
    pub kind: &'static str,
    /// Which plans it is in.
    pub presence: Presence,
    /// Whether anything differs, its presence included.
    pub changed: bool,
    /// The service it is planned with.
    pub service: Text,
    /// Monthly cost of all its protection.
    pub monthly: Money,
    /// One row per disruption type, in [`Disruption::ALL`] order.
    pub disruptions: Vec<DisruptionRow>,
}

/// One stage and one disruption type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DisruptionRow {
    /// The disruption type.
    pub disruption: Disruption,
    /// Whether any cell differs.
    pub changed: bool,
    /// How recovery points are kept.
    pub backup: Text,
    /// How the stage comes back (with "+ catch-up" where it then catches up).
    pub strategy: Text,
    /// After ransomware, the vault its copies are kept in; `None` where none is.
    pub copies_in: Text,
    /// How much recent data it loses once back, along the flows, against its RPO.
    pub rpo: Achieved,
    /// When it is back along the flows, against its RTO.
    pub rto: Achieved,
    /// When its newest days are back against their recent-data RTO; `meets` judges the
    /// recent-data RPO too. `None` on a side without a recent-data target.
    pub recent: Achieved,
    /// Monthly cost of this protection.
    pub monthly: Money,
}

/// Time to first service and to full restore after one disruption type.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecoveryRow {
    /// The disruption type.
    pub disruption: Disruption,
    /// When every serving stage serves at least its newest data.
    pub first_service: Text,
    /// When every stage is back.
    pub full_restore: Text,
    /// Whether either differs.
    pub changed: bool,
}

/// The platforms' totals side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Totals {
    /// Monthly cost of all protection.
    pub monthly: Money,
    /// Cost over each scenario's span (see [`About::span_months`]).
    pub span: Money,
    /// Stages whose every target is met.
    pub stages_meeting: Count,
    /// Stages with at least one target missed.
    pub stages_missing: Count,
    /// Targets missed, one per stage and disruption type whose recommendation misses its RPO,
    /// its RTO or its recent-data target.
    pub targets_missed: Count,
    /// Critical warnings.
    pub critical_warnings: Count,
    /// Per disruption type, in [`Disruption::ALL`] order.
    pub recovery: Vec<RecoveryRow>,
}

/// A warning one plan has and the other has not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WarningRow {
    /// Its stable code.
    pub code: WarningCode,
    /// How serious.
    pub level: Level,
    /// The disruption type concerned, when it is about one.
    pub disruption: Option<Disruption>,
    /// The ids of the stages concerned.
    pub stages: Vec<StageId>,
    /// Their names.
    pub names: Vec<String>,
    /// What is wrong and what to do.
    pub message: String,
}

impl WarningRow {
    /// What it is about: its stages' names, then its disruption type (`Raw zone, Curated zone;
    /// ransomware`).
    pub fn about(&self) -> String {
        let mut about = self.names.join(", ");
        if let Some(d) = self.disruption {
            if !about.is_empty() {
                about.push_str("; ");
            }
            about.push_str(&d.label().to_lowercase());
        }
        about
    }
}

/// The warnings that differ. A warning is the same in both plans when its code, disruption
/// type, level and stages are: its message may differ in its figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct WarningChanges {
    /// In B and not in A, critical first.
    pub new: Vec<WarningRow>,
    /// In A and not in B, critical first.
    pub gone: Vec<WarningRow>,
}

/// Where a plan stands on its own cost curve: the point its plots mark.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Mark {
    /// Monthly cost of its protection against the disruption type.
    pub monthly: f64,
    /// When its serving stages serve again (the cost-against-recovery-time plot's x).
    pub first_service_minutes: Option<f64>,
    /// The oldest point its stages are restored to (the cost-against-data-loss plot's x).
    pub oldest_rpo_minutes: Option<f64>,
}

/// One plan's cost curves for a disruption type.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Front {
    /// Cost against a platform-wide RTO (`crate::engine::PlatformCurve::rto`).
    pub rto: Vec<PlatformPoint>,
    /// Cost against a platform-wide RPO: the cost-against-data-loss curve.
    pub rpo: Vec<PlatformPoint>,
    /// The plan itself.
    pub current: Mark,
}

/// Both plans' cost curves for a disruption type, to draw on one plot.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fronts {
    /// The disruption type.
    pub disruption: Disruption,
    /// A's; `None` when its plan has no curve (no valid stage).
    pub a: Option<Front>,
    /// B's.
    pub b: Option<Front>,
}

/// What changes from A to B.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// What A is.
    pub a: About,
    /// What B is.
    pub b: About,
    /// A's stages in A's order, then the stages only B has in B's order.
    pub stages: Vec<StageRow>,
    /// The totals side by side.
    pub totals: Totals,
    /// The warnings that differ.
    pub warnings: WarningChanges,
    /// Both plans' cost curves, per disruption type in [`Disruption::ALL`] order.
    pub curves: Vec<Fronts>,
    /// Whether B is worse than A, and why.
    pub verdict: Verdict,
}

impl Comparison {
    /// Whether anything at all differs: a stage, a total or a warning.
    pub fn changed(&self) -> bool {
        let t = &self.totals;
        self.stages.iter().any(|s| s.changed)
            || [t.monthly.changed, t.span.changed]
                .into_iter()
                .chain([t.stages_meeting, t.stages_missing, t.targets_missed, t.critical_warnings].map(|c| c.changed))
                .chain(t.recovery.iter().map(|r| r.changed))
                .any(|c| c)
            || !self.warnings.new.is_empty()
            || !self.warnings.gone.is_empty()
    }
}

/// A side's stage names, looked up by id.
struct Names<'a> {
    scenario: &'a Scenario,
    index: IdIndex<&'a str>,
}

impl<'a> Names<'a> {
    fn of(scenario: &'a Scenario) -> Names<'a> {
        let mut index = IdIndex::with_capacity(scenario.stages.len());
        for (i, s) in scenario.stages.iter().enumerate() {
            index.insert_first(s.id.as_str(), i);
        }
        Names { scenario, index }
    }

    /// The name stage `id` is shown by: its label, or its id.
    fn name<'b>(&'b self, id: &'b str) -> &'b str {
        self.index.get(id).and_then(|i| self.scenario.stages.get(i)).map_or(id, |s| s.display_name())
    }
}

/// Compares `b` with `a`: see the module's documentation. `limit` is how much B's monthly cost
/// may rise before the verdict counts it; `None` = cost never makes B worse.
pub fn compare(a: Side<'_>, b: Side<'_>, limit: Option<CostLimit>) -> Comparison {
    let (names_a, names_b) = (Names::of(a.scenario), Names::of(b.scenario));
    let mut in_b = IdIndex::with_capacity(b.plan.stages.len());
    for (i, s) in b.plan.stages.iter().enumerate() {
        in_b.insert_first(s.id.as_str(), i);
    }
    let mut matched = vec![false; b.plan.stages.len()];
    let mut stages = Vec::with_capacity(a.plan.stages.len());
    for sa in &a.plan.stages {
        let sb = in_b.get(sa.id.as_str()).and_then(|i| {
            matched[i] = true;
            b.plan.stages.get(i)
        });
        stages.push(stage_row(Some(sa), sb, &names_a, &names_b));
    }
    for (sb, _) in b.plan.stages.iter().zip(&matched).filter(|(_, m)| !**m) {
        stages.push(stage_row(None, Some(sb), &names_a, &names_b));
    }

    let totals = totals(a.plan, b.plan);
    let warnings = warning_changes(a, b, &names_a, &names_b);
    let mut reasons = Vec::new();
    if totals.targets_missed.b > totals.targets_missed.a {
        reasons.push(targets_reason(&stages, totals.targets_missed));
    }
    for w in warnings.new.iter().filter(|w| w.level == Level::Critical) {
        reasons.push(warning_reason(w));
    }
    let currency = &b.plan.currency;
    reasons.extend(verdict::cost_reason(a.plan.totals.monthly_total, b.plan.totals.monthly_total, limit, currency));

    Comparison {
        a: about(a),
        b: about(b),
        stages,
        totals,
        warnings,
        curves: Disruption::ALL
            .iter()
            .map(|&d| Fronts { disruption: d, a: front(a.plan, d), b: front(b.plan, d) })
            .collect(),
        verdict: Verdict::of(reasons),
    }
}

fn about(side: Side<'_>) -> About {
    About {
        label: side.label.to_string(),
        scenario: side.scenario.name.clone(),
        currency: side.plan.currency.clone(),
        span_months: side.scenario.span_months,
    }
}

fn stage_row(a: Option<&StagePlan>, b: Option<&StagePlan>, names_a: &Names<'_>, names_b: &Names<'_>) -> StageRow {
    let (id, name, kind) = match (a, b) {
        (_, Some(s)) => (s.id.as_str(), names_b.name(&s.id), s.kind.label()),
        (Some(s), None) => (s.id.as_str(), names_a.name(&s.id), s.kind.label()),
        (None, None) => ("", "", ""),
    };
    let presence = match (a, b) {
        (Some(_), Some(_)) => Presence::Both,
        (None, _) => Presence::Added,
        (_, None) => Presence::Removed,
    };
    let service = |s: Option<&StagePlan>| {
        s.map(|s| {
            crate::catalogue::Service::find(&s.service).map_or_else(|| s.service.to_string(), |sv| sv.name.to_string())
        })
    };
    let disruptions: Vec<DisruptionRow> = Disruption::ALL
        .iter()
        .map(|&d| disruption_row(d, a.and_then(|s| s.recommendation(d)), b.and_then(|s| s.recommendation(d))))
        .collect();
    let service = Text::new(service(a), service(b));
    let monthly = Money::new(a.map(|s| s.monthly.total()), b.map(|s| s.monthly.total()));
    StageRow {
        id: id.to_string(),
        name: name.to_string(),
        kind,
        presence,
        changed: presence != Presence::Both
            || service.changed
            || monthly.changed
            || disruptions.iter().any(|r| r.changed),
        service,
        monthly,
        disruptions,
    }
}

fn disruption_row(disruption: Disruption, a: Option<&Recommendation>, b: Option<&Recommendation>) -> DisruptionRow {
    let text = |f: fn(&Recommendation) -> Option<String>| Text::new(a.and_then(f), b.and_then(f));
    let reach = |f: fn(&Recommendation) -> Option<Reach>| Achieved::new(a.and_then(f), b.and_then(f));
    let backup = text(|r| Some(r.backup.label().to_string()));
    let strategy = text(|r| Some(r.strategy_label().into_owned()));
    let copies_in = text(|r| r.copies_in.as_ref().map(|c| c.name.to_string()));
    let rpo = reach(|r| Some(Reach::new(r.effective_rpo_minutes, r.target.rpo_minutes, r.meets_rpo, r.assumed)));
    let rto = reach(|r| Some(Reach::new(r.completion_minutes, r.target.rto_minutes, r.meets_rto, r.assumed)));
    let recent = reach(|r| r.recent.map(|x| Reach::new(x.back_minutes, x.target.rto_minutes, x.meets(), false)));
    let monthly = Money::new(a.map(|r| r.cost.total()), b.map(|r| r.cost.total()));
    DisruptionRow {
        disruption,
        changed: backup.changed
            || strategy.changed
            || copies_in.changed
            || rpo.changed
            || rto.changed
            || recent.changed
            || monthly.changed,
        backup,
        strategy,
        copies_in,
        rpo,
        rto,
        recent,
        monthly,
    }
}

/// Targets missed: one per recommendation that misses any of its targets.
fn targets_missed(plan: &Plan) -> usize {
    plan.stages.iter().flat_map(|s| &s.recommendations).filter(|r| !r.meets()).count()
}

fn critical(plan: &Plan) -> usize {
    plan.warnings.iter().filter(|w| w.level == Level::Critical).count()
}

fn totals(a: &Plan, b: &Plan) -> Totals {
    let (ta, tb) = (&a.totals, &b.totals);
    let when = |plan: &Plan, d: Disruption, f: fn(&crate::engine::Timeline) -> Option<f64>| {
        Some(Mins(plan.pipeline.timeline(d).and_then(f).unwrap_or(f64::INFINITY)).to_string())
    };
    let recovery = Disruption::ALL
        .iter()
        .map(|&d| {
            let first_service =
                Text::new(when(a, d, |t| t.first_service_minutes), when(b, d, |t| t.first_service_minutes));
            let full_restore =
                Text::new(when(a, d, |t| t.full_restore_minutes), when(b, d, |t| t.full_restore_minutes));
            RecoveryRow {
                disruption: d,
                changed: first_service.changed || full_restore.changed,
                first_service,
                full_restore,
            }
        })
        .collect();
    Totals {
        monthly: Money::new(Some(ta.monthly_total), Some(tb.monthly_total)),
        span: Money::new(Some(ta.span_total), Some(tb.span_total)),
        stages_meeting: Count::new(ta.stages_meeting, tb.stages_meeting),
        stages_missing: Count::new(ta.stages_violating, tb.stages_violating),
        targets_missed: Count::new(targets_missed(a), targets_missed(b)),
        critical_warnings: Count::new(critical(a), critical(b)),
        recovery,
    }
}

/// A warning's code and first stage: where to look for the same warning in the other plan.
fn warning_key(w: &crate::engine::Warning) -> (&'static str, &str) {
    (w.code.key(), w.stages.first().map_or("", StageId::as_str))
}

/// The warnings of `of` that `other` has not (each of `other`'s matches one at most), critical
/// first, as rows named with `names`.
fn unmatched(of: &Plan, other: &Plan, names: &Names<'_>) -> Vec<WarningRow> {
    let same = |x: &crate::engine::Warning, y: &crate::engine::Warning| {
        x.code == y.code && x.level == y.level && x.disruption == y.disruption && x.stages == y.stages
    };
    // `other`'s warnings by code and first stage, so a platform of thousands of warnings is not
    // searched whole for each one.
    let mut index = IdIndex::with_capacity(other.warnings.len());
    let mut buckets: Vec<Vec<usize>> = Vec::new();
    for (i, w) in other.warnings.iter().enumerate() {
        match index.get(warning_key(w)) {
            Some(b) => buckets[b].push(i),
            None => {
                index.insert(warning_key(w), buckets.len());
                buckets.push(vec![i]);
            }
        }
    }
    let mut used = vec![false; other.warnings.len()];
    let mut rows = Vec::new();
    for w in &of.warnings {
        let bucket = index.get(warning_key(w)).and_then(|b| buckets.get(b)).map_or(&[][..], Vec::as_slice);
        match bucket.iter().copied().find(|&i| !used[i] && same(w, &other.warnings[i])) {
            Some(i) => used[i] = true,
            None => rows.push(WarningRow {
                code: w.code,
                level: w.level,
                disruption: w.disruption,
                stages: w.stages.clone(),
                names: w.stages.iter().map(|id| names.name(id).to_string()).collect(),
                message: w.message.clone(),
            }),
        }
    }
    crate::order::sort_by(&mut rows, |x, y| x.level.cmp(&y.level));
    rows
}

fn warning_changes(a: Side<'_>, b: Side<'_>, names_a: &Names<'_>, names_b: &Names<'_>) -> WarningChanges {
    WarningChanges { new: unmatched(b.plan, a.plan, names_b), gone: unmatched(a.plan, b.plan, names_a) }
}

/// "2 more targets missed (12 → 14): Warehouse (corruption), …" naming each stage and
/// disruption type B misses where A met it (or had no such stage).
fn targets_reason(stages: &[StageRow], missed: Count) -> String {
    let mut newly = Vec::new();
    for s in stages {
        for r in &s.disruptions {
            let misses = |x: &Option<Reach>| x.as_ref().is_some_and(|x| !x.meets);
            let a_misses = misses(&r.rpo.a) || misses(&r.rto.a) || misses(&r.recent.a);
            let b_misses = misses(&r.rpo.b) || misses(&r.rto.b) || misses(&r.recent.b);
            if b_misses && !a_misses {
                newly.push(format!("{} ({})", s.name, r.disruption.label().to_lowercase()));
            }
        }
    }
    let more = missed.b - missed.a;
    let mut out = format!(
        "{} more {} missed ({} → {})",
        more,
        crate::text::word(more as u64, "target", "targets"),
        missed.a,
        missed.b
    );
    if !newly.is_empty() {
        out.push_str(": newly missed ");
        out.push_str(&newly.join(", "));
    }
    out
}

fn warning_reason(w: &WarningRow) -> String {
    format!("new critical warning {} ({}): {}", w.code.key(), w.about(), w.message)
}

fn front(plan: &Plan, disruption: Disruption) -> Option<Front> {
    let curve = plan.curves.platform.iter().find(|c| c.disruption == disruption)?;
    Some(Front {
        rto: curve.rto.clone(),
        rpo: curve.rpo.clone(),
        current: Mark {
            monthly: crate::plot::cost_for(plan, disruption).total(),
            first_service_minutes: plan.pipeline.timeline(disruption).and_then(|t| t.first_service_minutes),
            oldest_rpo_minutes: crate::plot::oldest_recovery_point(plan, disruption),
        },
    })
}

#[cfg(test)]
mod tests;
