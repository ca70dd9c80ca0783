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

mod attack;
mod breakeven;
mod candidates;
mod choose;
mod curves;
mod graph;
mod id;
mod lineage;
mod outage;
mod pipeline;
mod recent;
mod rules;
mod security;
mod text;
mod three_two_one;
mod warnings;

pub use breakeven::{BreakEven, Cheaper, CopyOption};
pub use curves::{Curves, PlatformCurve, PlatformPoint, StageCurve, StagePoint, RPO_STEPS, RTO_STEPS};
pub use id::StageId;
pub use outage::WaitForProvider;
pub use pipeline::{Phase, Pipeline, StageTimeline, Timeline};
pub use recent::RecentResult;
pub use warnings::{Level, Warning, WarningCode};

use crate::catalogue::{Lock, Prices, Radius, Service, VaultId};
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

    #[inline(always)]
    fn rounded(self) -> Cost {
        Cost {
            storage: round2(self.storage),
            replication: round2(self.replication),
            standby: round2(self.standby),
            reprocessing: round2(self.reprocessing),
        }
    }
}

/// One option the engine weighed for a stage and disruption type. Plain data with nothing to
/// free, so a plan drops its thousands of alternatives without reading them back.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
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
    /// Restores (or fails over), then catches up from upstream (see [`CatchUpPlan`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub catch_up: bool,
    /// After ransomware: the id of the vault its copies are kept in (see [`CopiesIn`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies_in: Option<VaultId>,
}

/// After ransomware: where the chosen option's copies (or code) are kept out of the platform's
/// reach — a vault of the catalogue (`crate::catalogue::VAULTS`), how far it is from the
/// platform's credentials, and what stops its copies from being deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CopiesIn {
    /// The vault's id in the catalogue.
    pub vault: std::borrow::Cow<'static, str>,
    /// Its name.
    pub name: std::borrow::Cow<'static, str>,
    /// How far it lives from the platform's credentials.
    pub radius: Radius,
    /// What stops its copies from being deleted.
    pub lock: Lock,
}

/// Restore (or fail over) to the last recovery point, then catch up: reprocess what was
/// written since from upstream, once the upstream is back. The recommendation's recovery point
/// is then the upstream's, and its recovery time includes the catch-up.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CatchUpPlan {
    /// The restore's (or failover's) own recovery point, in minutes: where the catch-up starts.
    pub from_rpo_minutes: f64,
    /// The restore's (or failover's) own recovery time, in minutes.
    pub restore_minutes: f64,
    /// GB written since that point, reprocessed from upstream.
    pub gb: f64,
    /// Minutes the catch-up takes once the restore is done and the upstream is back.
    pub minutes: f64,
}

/// Why a recommendation is what it is: the sentence of its rule in the guides' table
/// (`rules::RULES`), then what the plan found — the figures, and why this option won. Read, written
/// and compared as one text, the two joined.
///
/// The rule's sentence is the table's own text, not a copy: at 1000 stages the copies were a
/// quarter of a plan's reasons (0.66 of 2.57 MB), written on every plan (docs/PERFORMANCE.md).
#[derive(Clone, Default)]
pub struct Reason {
    /// The rule's sentence (empty in a reason read back from a file: all of it is `found`).
    rule: &'static str,
    /// What follows it.
    found: String,
}

impl Reason {
    /// The rule's sentence, then `found` (which starts with its own space).
    pub(crate) fn new(rule: &'static str, found: String) -> Reason {
        Reason { rule, found }
    }

    /// What the plan found, after the rule's sentence: where the engine adds to a reason.
    pub(crate) fn found_mut(&mut self) -> &mut String {
        &mut self.found
    }

    /// The whole text.
    pub fn text(&self) -> String {
        let mut text = String::with_capacity(self.len());
        text.push_str(self.rule);
        text.push_str(&self.found);
        text
    }

    /// Its length in bytes.
    pub fn len(&self) -> usize {
        self.rule.len() + self.found.len()
    }

    /// Whether it says nothing.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the text holds `pattern` (across the two parts too).
    pub fn contains(&self, pattern: &str) -> bool {
        self.found.contains(pattern) || self.rule.contains(pattern) || self.text().contains(pattern)
    }

    fn bytes(&self) -> impl Iterator<Item = u8> + '_ {
        self.rule.bytes().chain(self.found.bytes())
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.rule)?;
        f.write_str(&self.found)
    }
}

impl std::fmt::Debug for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(&self.text(), f)
    }
}

/// Two reasons are equal when their texts are, however they are split.
impl PartialEq for Reason {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.bytes().eq(other.bytes())
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Reason {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(|found| Reason { rule: "", found })
    }
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
    /// The option's own recovery point, in minutes: how much recent data its copies (or its
    /// rebuild) lose; `None` = cannot be recovered.
    pub rpo_minutes: Option<f64>,
    /// How much recent data the stage loses once back, upstream included, in minutes: its own
    /// recovery point, or older when it is rebuilt from (or serves) upstream data that recovers
    /// to an older point (see `Plan::pipeline`); `None` = all of it. For a system of record, the
    /// owner's figure, as `rpo_minutes`.
    #[serde(default)]
    pub effective_rpo_minutes: Option<f64>,
    /// The option's own recovery time, in minutes, once it starts; `None` = cannot be recovered.
    pub rto_minutes: Option<f64>,
    /// When the stage is back along the flows, in minutes from the disruption: its own recovery
    /// time, or later when it waits for the stages it reads from (see `Plan::pipeline`);
    /// `None` = never.
    #[serde(default)]
    pub completion_minutes: Option<f64>,
    /// Whether the stage's data is recent enough once back, upstream included
    /// (`effective_rpo_minutes` ≤ the target). An own recovery point that meets the target is not
    /// enough: data rebuilt from an older upstream point misses it (`rpo_limited_by_upstream`).
    pub meets_rpo: bool,
    /// Whether the stage is back within its RTO, upstream recovery included
    /// (`completion_minutes` ≤ the target).
    pub meets_rto: bool,
    /// The figures are the owner's, not Keel's (systems of record).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
    /// Monthly cost of this protection.
    pub cost: Cost,
    /// Why, in plain words: the guide's rule, the numbers, and why this option won.
    pub reason: Reason,
    /// Every option weighed, cheapest first.
    pub alternatives: Vec<Alternative>,
    /// Restored (or failed over), then caught up from upstream: the catch-up's figures. Absent
    /// for every other option.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catch_up: Option<CatchUpPlan>,
    /// After ransomware: where its copies (or its code) are kept out of the platform's reach;
    /// absent for every other disruption type, and where nothing is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copies_in: Option<CopiesIn>,
    /// The id of the guides' rule the choice and its reason come from (docs/engine.md, "The
    /// guides' rules"); empty in plans written before 2026-12-02. Borrowed from the rules
    /// table when planned (no allocation per recommendation), owned when read from a file.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub rule: std::borrow::Cow<'static, str>,
    /// After a region outage, what waiting for the provider would mean instead — or, when the
    /// plan waits, what failing over would cost and gain (docs/engine.md, "Ways through a region
    /// outage"); absent after a corruption, for systems of record, and in plans written before
    /// 2026-12-03.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_for_provider: Option<WaitForProvider>,
    /// How the stage's newest days fare against its recent-data target (the stage's or the
    /// scenario's `recent`); absent without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recent: Option<RecentResult>,
}

impl Recommendation {
    /// Whether every target is met along the flows: the full-history RPO and RTO, and the
    /// recent-data target where there is one.
    pub fn meets(&self) -> bool {
        self.meets_rpo && self.meets_rto && self.recent.is_none_or(|r| r.meets())
    }

    /// Whether the stage has a recent-data target and misses it.
    pub fn misses_recent(&self) -> bool {
        self.recent.is_some_and(|r| !r.meets())
    }

    /// The strategy in a few words: its label, with "+ catch-up" when the stage is restored (or
    /// failed over) and then caught up from upstream.
    pub fn strategy_label(&self) -> std::borrow::Cow<'static, str> {
        if self.catch_up.is_some() {
            std::borrow::Cow::Owned(format!("{} + catch-up", self.strategy.label()))
        } else {
            std::borrow::Cow::Borrowed(self.strategy.label())
        }
    }
}

/// The plan for one stage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StagePlan {
    /// The stage's id.
    pub id: StageId,
    /// Its kind.
    pub kind: StageKind,
    /// The catalogue service planned with (the stage's own, or the generic one for its kind).
    pub service: std::borrow::Cow<'static, str>,
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

/// The engine's answer for a scenario. Written out (plan files, `keel plan --format json`) with
/// each stage's cost curves beside the platform's (see [`Plan::stage_curves`]).
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
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
    /// When each stage is back along the flows, per disruption type: the divided-restore
    /// timeline, time to first service and to full restore, effective recovery points.
    #[serde(default)]
    pub pipeline: Pipeline,
    /// Keeping copies against reprocessing after a disaster, month by month over the span, for
    /// every stage that may do either, per disruption type.
    #[serde(default)]
    pub break_even: Vec<BreakEven>,
    /// Cost curves: the platform's monthly cost against a platform-wide RTO and RPO, per
    /// disruption type. Each stage's, against its own, are [`Plan::stage_curves`].
    #[serde(default)]
    pub curves: Curves,
    /// What would fix a warning in one step, where Keel knows it (today: the vault that
    /// completes a stage's 3-2-1); the app offers each beside its warning and `keel plan
    /// --apply-fixes` applies them all. Absent when there is none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
}

/// A one-step fix for a warning: keep the stage's ransomware copies in `vault` (set its
/// `vault` field).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fix {
    /// The warning it fixes.
    pub code: WarningCode,
    /// The stage's id.
    pub stage: StageId,
    /// The vault to keep its copies in (an id of `crate::catalogue::VAULTS`).
    pub vault: std::borrow::Cow<'static, str>,
    /// What it does, in a few words: "keep its copies off-cloud (off-cloud copy)".
    pub label: String,
    /// What it adds to the stage's monthly cost.
    pub monthly: f64,
}

impl Fix {
    /// Applies the fix to `scenario`: sets the stage's `vault`. `false` when the stage is gone
    /// or already keeps its copies there.
    pub fn apply(&self, scenario: &mut Scenario) -> bool {
        match scenario.stages.iter_mut().find(|s| s.id == self.stage) {
            Some(stage) if stage.vault.as_deref() != Some(&*self.vault) => {
                stage.vault = Some(self.vault.to_string());
                true
            }
            _ => false,
        }
    }
}

/// A plan as written: [`Plan`]'s fields in its order, with the stage curves inside `curves`.
#[derive(Serialize)]
struct Written<'a> {
    currency: &'a str,
    stages: &'a [StagePlan],
    totals: &'a Totals,
    warnings: &'a [Warning],
    diagnostics: &'a [Diagnostic],
    pipeline: &'a Pipeline,
    break_even: &'a [BreakEven],
    curves: WrittenCurves<'a>,
    #[serde(skip_serializing_if = "<[Fix]>::is_empty")]
    fixes: &'a [Fix],
}

/// [`Curves`] as written: the platform's, then each stage's.
#[derive(Serialize)]
struct WrittenCurves<'a> {
    platform: &'a [PlatformCurve],
    stages: Vec<StageCurve>,
}

impl Serialize for Plan {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Destructured, so that a field added to `Plan` and not written here does not compile.
        let Plan { currency, stages, totals, warnings, diagnostics, pipeline, break_even, curves, fixes } = self;
        let Curves { platform } = curves;
        Written {
            currency,
            stages,
            totals,
            warnings,
            diagnostics,
            pipeline,
            break_even,
            curves: WrittenCurves { platform, stages: self.stage_curves() },
            fixes,
        }
        .serialize(serializer)
    }
}

impl Plan {
    /// The plan of stage `id`.
    pub fn stage(&self, id: &str) -> Option<&StagePlan> {
        self.stages.iter().find(|s| s.id == id)
    }

    /// Each stage's cost curves, per disruption type (none for systems of record): of its
    /// options (the recommendations' `alternatives`), the cheapest for every recovery time and
    /// for every recovery point, fastest first. Derived when asked for, since only written plans
    /// carry them.
    pub fn stage_curves(&self) -> Vec<StageCurve> {
        curves::stage_curves(&self.stages)
    }

    /// The upstream stage whose older recovery point limits the stage at `index` in `stages`
    /// after `disruption` (its timeline's `rpo_limited_by`): `None` when the stage's effective
    /// recovery point is its own.
    pub fn rpo_limited_by(&self, index: usize, disruption: Disruption) -> Option<&str> {
        // The timelines list every planned stage in plan order.
        let t = self.pipeline.timeline(disruption)?.stages.get(index)?;
        if self.stages.get(index)?.id != t.id {
            return None;
        }
        t.rpo_limited_by.as_deref()
    }

    /// Whether the input had errors.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Plans a scenario: recommendations, totals, warnings and diagnostics, and the platform's cost
/// curves.
pub fn plan(scenario: &Scenario) -> Plan {
    plan_with(scenario, true, true)
}

/// [`plan`] without the platform's cost curves (`curves.platform` is empty; everything else is
/// the same): for a view that does not draw them. Searching every stage again at each of the
/// curves' targets is a quarter of a plan's instructions, and the web app shows them only on the
/// plots tab, in the comparison and on paper (`ui::app`).
pub fn plan_without_curves(scenario: &Scenario) -> Plan {
    plan_with(scenario, true, false)
}

/// Expected incidents per year, validated, per disruption type in [`Disruption::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Incidents(pub [f64; Disruption::COUNT]);

impl Incidents {
    /// The rate for `disruption`.
    pub(crate) fn get(&self, disruption: Disruption) -> f64 {
        self.0.get(disruption.index()).copied().unwrap_or(0.0)
    }
}

/// [`plan`], with or without the restore-then-catch-up options (`catch_up`: the property tests
/// compare the two) and the platform's cost curves (`want_curves`).
pub(crate) fn plan_with(scenario: &Scenario, catch_up: bool, want_curves: bool) -> Plan {
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

    // Per disruption type when the scenario gives rates (each validated), else the single rate.
    let incidents = Incidents(Disruption::ALL.map(|d| match scenario.incidents_per_year {
        Some(rates) if (0.0..=365.0).contains(&rates.get_or(d, disasters_per_year)) => {
            rates.get_or(d, disasters_per_year)
        }
        _ => disasters_per_year,
    }));

    // The services and the flow graph first: what history each stage's upstream holds, and
    // which restores share a storage account, depend on the other stages.
    let services: Vec<Option<&'static Service>> = scenario
        .stages
        .iter()
        .enumerate()
        .map(|(i, stage)| (!invalid.contains(&i)).then(|| resolve_service(stage, i, &mut diagnostics)))
        .collect();
    // The planned stages, as indices into the scenario's; the plan's own indices are theirs here.
    let planned: Vec<usize> = (0..scenario.stages.len()).filter(|&i| services[i].is_some()).collect();
    let ids: Vec<&str> = planned.iter().map(|&i| scenario.stages[i].id.as_str()).collect();
    let graph = graph::Graph::build(&ids, &scenario.flows);
    let upstream = upstream_of(scenario, &graph, &planned);
    let peers = restore_peers(scenario, &services);

    // Every option of every planned stage, for every disruption type.
    let mut work: Vec<StageWork<'_>> = Vec::with_capacity(planned.len());
    // About 13 options a stage over the three disruption types on the synthetic platforms (3 to
    // 6 each): room for 16 keeps the list from growing, and being copied, while it is filled.
    let mut all_options: Vec<candidates::Candidate> = Vec::with_capacity(planned.len() * 16);
    for (s, &i) in planned.iter().enumerate() {
        let (stage, Some(service)) = (&scenario.stages[i], services[i]) else { continue };
        let mut ctx = candidates::Ctx::new(scenario, stage, service, &prices, incidents);
        ctx.upstream_holds = upstream[s].holds;
        ctx.fed = catch_up && upstream[s].fed;
        ctx.read_limit = upstream[s].read_limit;
        ctx.restore_peers = peers[i];
        ctx.vault = attack::pinned_vault(stage, i, service, &mut diagnostics);
        let options = Disruption::ALL.map(|d| {
            let first = all_options.len();
            candidates::for_disruption(&ctx, d, &mut all_options);
            first..all_options.len()
        });
        work.push(StageWork {
            ctx,
            id: StageId::from(stage.id.as_str()),
            service,
            targets: scenario.targets_of(stage),
            options,
        });
    }
    let all_options = all_options.as_slice();

    // The lineage-aware choice, per disruption type.
    let mut solver = lineage::Solver::default();
    let own_rto: Vec<Vec<f64>> = Disruption::ALL
        .iter()
        .map(|&d| work.iter().map(|w| f64::from(w.targets.get(d).rto_minutes)).collect())
        .collect();
    let solutions: Vec<(lineage::Options, lineage::Solution)> = Disruption::ALL
        .iter()
        .enumerate()
        .map(|(k, &d)| {
            let mut options = options_of(&work, all_options, k);
            bound_catch_ups(&graph, &work, all_options, k, &mut options);
            let rpo: Vec<f64> = work.iter().map(|w| f64::from(w.targets.get(d).rpo_minutes)).collect();
            let mut solution = lineage::Solution::default();
            solver.solve(&graph, &options, &own_rto[k], &rpo, &mut solution);
            (options, solution)
        })
        .collect();

    let inputs: Vec<pipeline::StageInput<'_>> = work
        .iter()
        .map(|w| pipeline::StageInput {
            stage: w.ctx.stage,
            id: w.id.clone(),
            targets: w.targets,
            options: std::array::from_fn(|k| w.options(all_options, k)),
            recent: scenario.recent_of(w.ctx.stage).filter(|r| (1..=crate::model::MAX_RECENT_DAYS).contains(&r.days)),
        })
        .collect();
    let serving = pipeline::serving(&graph, &inputs);
    // Break-even and the platform's curves read the options and the search's answers, not the
    // recommendations: done while those are fresh in the cache, before the reasons are written
    // (at 1,000 stages, reading the options back after them missed the cache: docs/PERFORMANCE.md).
    let curves = if want_curves {
        let external: Vec<bool> = work.iter().map(|w| w.ctx.stage.kind == StageKind::SystemOfRecord).collect();
        curves::analyse(
            &curves::Inputs { graph: &graph, solutions: &solutions, external: &external, serving: &serving },
            &mut solver,
        )
    } else {
        Curves::default()
    };
    let up_fastest: Vec<Vec<f64>> = solutions
        .iter()
        .map(|(_, sol)| {
            (0..graph.len()).map(|s| graph.up(s).iter().map(|&u| sol.fastest[u]).fold(0.0, f64::max)).collect()
        })
        .collect();
    let break_even = breakeven::analyse(&inputs, &solutions, &up_fastest, &prices, scenario.span_months, incidents);
    let mut stages = Vec::with_capacity(work.len());
    let mut scratch = String::with_capacity(2048);
    for (s, w) in work.iter().enumerate() {
        let mut monthly = Cost::default();
        let recommendations: Vec<Recommendation> = Disruption::ALL
            .iter()
            .enumerate()
            .map(|(k, &d)| {
                let (options, solution) = &solutions[k];
                let name = |i: usize| work.get(i).map_or("", |w| w.ctx.stage.display_name());
                let waits_on = solution.pick[s]
                    .and_then(|p| options.of(s).get(p))
                    .and_then(|o| critical_upstream(&graph, solution, o, s))
                    .map(|u| (name(u), solution.completion[u]));
                let lin = choose::Lineage {
                    pick: solution.pick[s],
                    up_done: solution.up_done[s],
                    completion: solution.completion[s],
                    fastest: solution.fastest[s],
                    deadline: solution.deadline[s],
                    set_by: solution.set_by[s].map(name),
                    waits_on,
                };
                let rec = choose::recommend(&w.ctx, d, w.targets.get(d), w.options(all_options, k), &lin, &mut scratch);
                monthly.add(&rec.cost);
                rec
            })
            .collect();
        stages.push(StagePlan {
            id: w.id.clone(),
            kind: w.ctx.stage.kind,
            service: std::borrow::Cow::Borrowed(w.service.id),
            recommendations,
            monthly: monthly.rounded(),
        });
    }

    // Whether each chosen option's own recovery point meets the RPO, as `choose` judged it, per
    // stage and disruption type: `rpo_limited_by_upstream` is raised only when it does, and
    // `target_not_met` when it does not.
    let own_rpo: Vec<[bool; Disruption::COUNT]> =
        stages.iter().map(|p| std::array::from_fn(|k| p.recommendations.get(k).is_some_and(|r| r.meets_rpo))).collect();
    let analysis = pipeline::analyse(&graph, &inputs, &solutions, &|s, k| own_rpo.get(s).is_some_and(|own| own[k]));
    let mut pipeline = analysis.pipeline;
    // What a plan says is met is judged along the flows, as for the RTO: the data a stage has
    // once back can be no fresher than what it is rebuilt from.
    for (s, p) in stages.iter_mut().enumerate() {
        for (k, rec) in p.recommendations.iter_mut().enumerate() {
            let Some(eff) = analysis.effective_rpo.get(k).and_then(|e| e.get(s)) else { continue };
            if rec.assumed {
                continue;
            }
            let own_met = rec.meets_rpo;
            rec.effective_rpo_minutes = eff.minutes.is_finite().then(|| choose::round1(eff.minutes));
            rec.meets_rpo = eff.minutes <= f64::from(rec.target.rpo_minutes) + choose::EPS;
            if own_met && !rec.meets_rpo {
                let from = work.get(eff.origin).map_or("", |w| w.ctx.stage.display_name());
                choose::limited_by_upstream(rec.reason.found_mut(), rec.target, from, eff.minutes);
            }
        }
    }
    let mut pipeline_warnings = analysis.warnings;
    recent_targets(
        &inputs,
        &analysis.ready_hot,
        &analysis.effective_rpo,
        &solutions,
        &serving,
        &mut stages,
        &mut pipeline,
        &mut pipeline_warnings,
    );
    below_refresh(&graph, &inputs, &work, &mut stages, &mut pipeline_warnings);
    no_clean_copies(&work, all_options, &stages, &mut pipeline_warnings);
    let mut fixes = Vec::new();
    let warnings = warnings::collect(
        scenario,
        &warnings::Planned { graph: &graph, index: &planned },
        &stages,
        &own_rpo,
        &analysis.rto_limited,
        &prices,
        pipeline_warnings,
        &mut fixes,
    );
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
    Plan {
        currency: scenario.currency.clone(),
        stages,
        totals,
        warnings,
        diagnostics,
        pipeline,
        break_even,
        curves,
        fixes,
    }
}

/// Judges each stage's recent-data target on the divided restore (`recent`): the figures along
/// the flows, per disruption type then stage.
#[allow(clippy::too_many_arguments)]
fn recent_targets(
    inputs: &[pipeline::StageInput<'_>],
    ready_hot: &[Vec<f64>],
    effective_rpo: &[Vec<pipeline::EffectiveRpo>],
    solutions: &[(lineage::Options, lineage::Solution)],
    serving: &[usize],
    stages: &mut [StagePlan],
    pipeline: &mut Pipeline,
    out: &mut Vec<Warning>,
) {
    if inputs.iter().all(|i| i.recent.is_none()) {
        return;
    }
    let judged: Vec<recent::Judged<'_>> = inputs
        .iter()
        .map(|i| recent::Judged {
            name: i.stage.display_name(),
            recent: i.recent,
            hot_window_days: i.stage.hot_window_days,
        })
        .collect();
    let completion: Vec<Vec<f64>> = solutions.iter().map(|(_, s)| s.completion.clone()).collect();
    let effective: Vec<Vec<f64>> = effective_rpo.iter().map(|e| e.iter().map(|r| r.minutes).collect()).collect();
    let along = recent::Along { ready_hot, completion: &completion, effective_rpo: &effective };
    recent::judge(&judged, &along, serving, stages, &mut pipeline.timelines, out);
}

/// An RPO tighter than the data's refresh can give is an SLA no plan meets: said in the reason
/// of each recommendation concerned and warned about (`rpo_below_refresh`), beside whatever the
/// recovery achieves.
fn below_refresh(
    graph: &graph::Graph,
    inputs: &[pipeline::StageInput<'_>],
    work: &[StageWork<'_>],
    stages: &mut [StagePlan],
    out: &mut Vec<Warning>,
) {
    let refresh = pipeline::refresh_limits(graph, inputs);
    for (s, p) in stages.iter_mut().enumerate() {
        let (Some(Some(limit)), Some(w)) = (refresh.get(s), work.get(s)) else { continue };
        let Some(o) = work.get(limit.origin) else { continue };
        let (stage, origin) = (w.ctx.stage, o.ctx.stage);
        if !pipeline::rpo_bounded_by_refresh(stage.kind) {
            continue;
        }
        for rec in p.recommendations.iter_mut() {
            let rpo = rec.target.rpo_minutes;
            if rpo < limit.minutes {
                pipeline::below_refresh_reason(rec.reason.found_mut(), stage, origin, rpo, limit.minutes);
                out.push(pipeline::rpo_below_refresh(
                    (stage, &w.id),
                    (origin, &o.id),
                    rec.disruption,
                    rpo,
                    limit.minutes,
                ));
            }
        }
    }
}

/// A corruption found later than backups are kept: no copy from before it is left
/// (`no_clean_recovery_point`). Said where the stage relies on its copies, or nothing recovers
/// it; a clean rebuild needs none.
fn no_clean_copies(
    work: &[StageWork<'_>],
    all_options: &[candidates::Candidate],
    stages: &[StagePlan],
    out: &mut Vec<Warning>,
) {
    for (w, p) in work.iter().zip(stages) {
        let rebuilt = p
            .recommendation(Disruption::DataCorruption)
            .is_some_and(|r| r.rpo_minutes.is_some() && !warnings::keeps_copy(r.backup));
        if rebuilt {
            continue;
        }
        let corruption = w.options[Disruption::DataCorruption.index()].clone();
        let no_clean = all_options.get(corruption).into_iter().flatten().find_map(|c| match c.blocked {
            Some(candidates::Blocked::NoCleanCopy { delay_days, retention_days }) => Some((delay_days, retention_days)),
            _ => None,
        });
        if let Some((delay, retention)) = no_clean {
            out.push(warnings::no_clean_recovery_point(w.ctx.stage, &w.id, delay, retention));
        }
    }
}

/// One planned stage: its context, targets and options for each disruption type.
struct StageWork<'a> {
    ctx: candidates::Ctx<'a>,
    /// The stage's id, made once and shared by every place the plan names the stage.
    id: StageId,
    service: &'static Service,
    targets: crate::model::Targets,
    /// Options per disruption type, in [`Disruption::ALL`] order: where they are in the plan's
    /// list of every stage's options.
    options: [std::ops::Range<usize>; Disruption::COUNT],
}

impl StageWork<'_> {
    /// Its options for disruption type `k`, out of the plan's list `all`.
    fn options<'c>(&self, all: &'c [candidates::Candidate], k: usize) -> &'c [candidates::Candidate] {
        self.options.get(k).and_then(|range| all.get(range.clone())).unwrap_or(&[])
    }
}

/// The numbers of every stage's options for disruption type `k`, for the search.
fn options_of(work: &[StageWork<'_>], all: &[candidates::Candidate], k: usize) -> lineage::Options {
    let count = work.iter().map(|w| w.options(all, k).len()).sum();
    let mut out = lineage::Options { start: Vec::with_capacity(work.len() + 1), opts: Vec::with_capacity(count) };
    out.start.push(0);
    for w in work {
        out.opts.extend(w.options(all, k).iter().map(lineage::Opt::of));
        out.start.push(out.opts.len());
    }
    out
}

/// A catch-up is no fresher than its upstream: gives every catch-up option, for the search,
/// the freshest point its upstream stages can recover to at best (over all their options, along
/// the flows) instead of its own 0, so that it is weighed only for an RPO its upstream can give.
/// The plan then judges the point its upstream's chosen options give, as for any rebuild.
fn bound_catch_ups(
    graph: &graph::Graph,
    work: &[StageWork<'_>],
    all: &[candidates::Candidate],
    k: usize,
    options: &mut lineage::Options,
) {
    let mut best = vec![f64::INFINITY; graph.len()];
    for &s in &graph.order {
        let upstream = graph.up(s).iter().map(|&u| best.get(u).copied().unwrap_or(f64::INFINITY)).fold(0.0, f64::max);
        let cands = work.get(s).map_or(&[][..], |w| w.options(all, k));
        let first = options.start.get(s).copied().unwrap_or(0);
        let mut freshest = f64::INFINITY;
        for (i, c) in cands.iter().enumerate() {
            let Some(o) = options.opts.get_mut(first + i) else { break };
            if c.catch_up.is_some() {
                o.rpo = o.rpo.max(upstream);
            }
            let effective = if o.waits() { o.rpo.max(upstream) } else { o.rpo };
            freshest = freshest.min(effective);
        }
        if let Some(b) = best.get_mut(s) {
            *b = freshest;
        }
    }
}

/// The upstream stage that holds stage `s` up when it recovers with `o`: the one back last,
/// if that is later than `o` could be ready on its own.
fn critical_upstream(graph: &graph::Graph, solution: &lineage::Solution, o: &lineage::Opt, s: usize) -> Option<usize> {
    if !o.waits() {
        return None;
    }
    let ready_alone = if o.wait == candidates::Wait::Alongside { o.own } else { o.fixed };
    let u = graph
        .up(s)
        .iter()
        .copied()
        .max_by(|&a, &b| solution.completion[a].total_cmp(&solution.completion[b]).then(b.cmp(&a)))?;
    (solution.completion[u] > ready_alone).then_some(u)
}

/// What a planned stage's upstream offers a rebuild or a catch-up.
#[derive(Debug, Clone, Copy, Default)]
struct Upstream {
    /// The shortest history its upstream data stages still hold — `volume ÷ daily change`
    /// days — and which stage that is (an index into the scenario's stages). `None` = nothing
    /// upstream limits a rebuild.
    holds: Option<(f64, usize)>,
    /// Data reaches it from upstream: a data stage or a system of record, directly or through
    /// code (ingest) — something newer data can be caught up from.
    fed: bool,
    /// The lowest read limit of the systems of record it reads from through code (ingest), in
    /// TB/h, and which stage that is (an index into the scenario's stages).
    read_limit: Option<(f64, usize)>,
}

/// For each planned stage (by its index in `graph`), what its upstream offers. Code stages on
/// the way (ingest) pass their own upstream's through; a system of record passes no history (the
/// stage's own `source_retention_days` bounds that) but its read limit; a data stage passes its
/// history and no read limit (what is rebuilt from it reads the lake, not the source). One pass
/// in flow order.
fn upstream_of(scenario: &Scenario, graph: &graph::Graph, planned: &[usize]) -> Vec<Upstream> {
    let shorter = |a: Option<(f64, usize)>, b: Option<(f64, usize)>| match (a, b) {
        (Some(x), Some(y)) => Some(if y.0 < x.0 || (y.0 == x.0 && y.1 < x.1) { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    };
    let mut out: Vec<Upstream> = vec![Upstream::default(); graph.len()];
    // What each stage offers the stages that read from it.
    let mut passes: Vec<Upstream> = vec![Upstream::default(); graph.len()];
    for &s in &graph.order {
        let mut from_up = Upstream::default();
        for &u in graph.up(s) {
            from_up.holds = shorter(from_up.holds, passes[u].holds);
            from_up.fed |= passes[u].fed;
            from_up.read_limit = shorter(from_up.read_limit, passes[u].read_limit);
        }
        out[s] = from_up;
        let stage = &scenario.stages[planned[s]];
        passes[s] = if stage.kind == StageKind::SystemOfRecord {
            let limit = stage.read_limit_tb_per_hour.filter(|t| t.is_finite() && *t > 0.0);
            Upstream { holds: None, fed: true, read_limit: limit.map(|t| (t, planned[s])) }
        } else if !stage.kind.holds_data() {
            from_up
        } else if stage.daily_change_gb > 0.0 && stage.volume_gb.is_finite() {
            Upstream { holds: Some((stage.volume_gb / stage.daily_change_gb, planned[s])), fed: true, read_limit: None }
        } else {
            Upstream { holds: None, fed: true, read_limit: None }
        };
    }
    out
}

/// For each stage, how many data stages on the same object-storage service restore at once
/// (Keel assumes one backup account per service, whose egress they share); 1 for the rest.
fn restore_peers(scenario: &Scenario, services: &[Option<&'static Service>]) -> Vec<f64> {
    let on_storage = |i: usize| {
        services.get(i).copied().flatten().filter(|sv| {
            matches!(sv.tier, crate::catalogue::Tier::Hot | crate::catalogue::Tier::Archive)
                && scenario.stages[i].kind.holds_data()
                && scenario.stages[i].kind != StageKind::SystemOfRecord
        })
    };
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for i in 0..scenario.stages.len() {
        if let Some(sv) = on_storage(i) {
            match counts.iter_mut().find(|(id, _)| *id == sv.id) {
                Some((_, n)) => *n += 1,
                None => counts.push((sv.id, 1)),
            }
        }
    }
    (0..scenario.stages.len())
        .map(|i| {
            on_storage(i).and_then(|sv| counts.iter().find(|(id, _)| *id == sv.id)).map_or(1.0, |&(_, n)| n as f64)
        })
        .collect()
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

#[inline(always)]
fn round2(v: f64) -> f64 {
    text::round_to(v, 100.0)
}

#[cfg(test)]
mod tests;
