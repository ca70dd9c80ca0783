//! The SLA statement: what the users of a platform can expect after each disruption type, in
//! plain sentences built from the computed plan.
//!
//! The operations guide: "Make sure that the end-users is informed upfront about your SLA and
//! when they can expect to be operational." For every stage users consume (reports, the model
//! they query, the warehouse or marts that serve them — or, on a platform with none of those,
//! the stages nothing reads from, where the engine measures first service) and every disruption
//! type, a [`ServiceLevel`]: when it serves again (its newest days first, where the restore is
//! divided), how much recent data may be missing, when the full history follows, and whether
//! each figure meets its target. Every figure is the plan's own — the timeline's phases
//! ([`crate::engine::StageTimeline::serving_minutes`], completion, effective recovery point), the
//! recommendation's verdicts — never recomputed here. After ransomware the times include the
//! triage the engine puts before every recovery (the price book's
//! `delay.attack_triage_minutes`), and the section says so.
//!
//! [`sla_markdown`] writes the statement as a Markdown document for end users; the runbook
//! appends the same sections and tells operators when to send which message.

use super::runbook::{escape_markdown, heading};
use crate::catalogue::Prices;
use crate::engine::{Plan, StageId, StageTimeline, Timeline};
use crate::model::{Disruption, Minutes, Scenario, StageKind};
use crate::text::{Count, Mins, Whole};
use std::fmt::Write;

/// What users of one stage can expect after one disruption type.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceLevel {
    /// The stage's id.
    pub stage: String,
    /// Its name as shown (unescaped).
    pub name: String,
    /// The disruption type.
    pub disruption: Disruption,
    /// When it serves again, in minutes from the start of the recovery: its newest days where
    /// the restore is divided, else everything; `None` = never.
    pub back_within: Option<f64>,
    /// How many of the newest days come back first (its recent-data target's, else its hot
    /// window's); `None` when not known (it serves what its inputs bring back first).
    pub newest_days: Option<u32>,
    /// When its full history is back (the stage complete); `None` = never.
    pub full_within: Option<f64>,
    /// How much recent data may be missing once back, upstream included (its effective recovery
    /// point), in minutes; `None` = none of its data from before the disruption comes back.
    pub data_age: Option<f64>,
    /// The recent-data RTO `back_within` is judged against, when the stage has one.
    pub back_target: Option<Minutes>,
    /// Whether `back_within` meets it; `None` without a recent-data target.
    pub back_met: Option<bool>,
    /// The RTO of the full history.
    pub full_target: Minutes,
    /// Whether `full_within` meets it (the recommendation's `meets_rto`).
    pub full_met: bool,
    /// The tightest RPO its data is judged against (the full history's, or the recent-data
    /// target's where tighter).
    pub data_target: Minutes,
    /// Whether `data_age` meets every RPO (the recommendation's `meets_rpo`, and its recent-data
    /// target's).
    pub data_met: bool,
    /// When it is never back: the names of the stages it waits for that the plan cannot recover
    /// (empty when it has no way back of its own).
    pub blocked_by: Vec<String>,
}

/// One disruption type's part of the statement.
#[derive(Debug, Clone, PartialEq)]
pub struct SlaSection {
    /// The disruption type.
    pub disruption: Disruption,
    /// The timeline's time to first service; `None` = never.
    pub first_service_minutes: Option<f64>,
    /// The recent-data RTO first service is judged against, and whether it is met.
    pub first_service_target: Option<(Minutes, bool)>,
    /// The timeline's time to full restore; `None` = some stage never comes back.
    pub full_restore_minutes: Option<f64>,
    /// After ransomware: the triage every time includes, in minutes.
    pub triage_minutes: Option<f64>,
    /// One per consumed stage, reports first.
    pub levels: Vec<ServiceLevel>,
}

/// The SLA statement of a planned scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct SlaStatement {
    /// The platform's name as shown (unescaped).
    pub platform: String,
    /// One section per disruption type, in [`Disruption::ALL`] order.
    pub sections: Vec<SlaSection>,
}

impl SlaStatement {
    /// The section for `disruption`.
    pub fn section(&self, disruption: Disruption) -> Option<&SlaSection> {
        self.sections.iter().find(|s| s.disruption == disruption)
    }

    /// The statement with only `disruption`'s section.
    pub fn only(&self, disruption: Disruption) -> SlaStatement {
        SlaStatement {
            platform: self.platform.clone(),
            sections: self.sections.iter().filter(|s| s.disruption == disruption).cloned().collect(),
        }
    }

    /// Whether every figure of every stage meets its target.
    pub fn all_met(&self) -> bool {
        self.sections.iter().flat_map(|s| &s.levels).all(ServiceLevel::met)
    }
}

impl ServiceLevel {
    /// Whether every figure meets its target.
    pub fn met(&self) -> bool {
        self.full_met && self.data_met && self.back_met != Some(false)
    }

    /// Whether it serves its newest days before its full history is back.
    pub fn divided(&self) -> bool {
        match (self.back_within, self.full_within) {
            (Some(back), Some(full)) => back < full,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// The statement as one sentence that stands alone: "After the loss of the primary region,
    /// expect Warehouse back with its newest 30 days within 32m; …".
    pub fn sentence(&self) -> String {
        let mut out = String::with_capacity(200);
        let _ = write!(out, "{}, ", heading(self.disruption));
        if self.back_within.is_some() {
            out.push_str("expect ");
        }
        out.push_str(&self.name);
        out.push(' ');
        self.write_body(&mut out, &|n| n.to_string());
        out
    }

    /// What follows the stage's name: "back within 3h 28m, full history included; up to the last
    /// 1d of data may be missing — the target is 4h." Names of other stages go through `name`.
    pub(super) fn write_body(&self, out: &mut String, name: &dyn Fn(&str) -> String) {
        let Some(back) = self.back_within else {
            out.push_str("cannot be brought back as planned: ");
            if self.blocked_by.is_empty() {
                out.push_str("the plan has no way to recover it.");
            } else {
                let names: Vec<String> = self.blocked_by.iter().map(|n| name(n)).collect();
                let _ = write!(out, "it waits for {}, which the plan cannot recover.", join(&names));
            }
            return;
        };
        // Nothing from before the disruption: there is no history to speak of, only when the
        // service runs again.
        if self.data_age.is_none() {
            let back = self.full_within.unwrap_or(back);
            let _ = write!(out, "back within {}", Mins(back));
            if !self.full_met {
                let _ = write!(out, " — the target is {}", Whole(self.full_target));
            }
            let _ = write!(out, ", but with none of its data from before the disruption");
            if !self.data_met {
                let _ = write!(out, " — the target is {}", Whole(self.data_target));
            }
            out.push('.');
            return;
        }
        let newest = match self.newest_days {
            Some(days) => format!("its newest {}", Count(u64::from(days), "day", "days")),
            None => "its newest data".to_string(),
        };
        if self.divided() {
            let _ = write!(out, "back with {newest} within {}", Mins(back));
            if let (Some(target), Some(false)) = (self.back_target, self.back_met) {
                let _ = write!(out, " — the target is {}", Whole(target));
            }
            match self.full_within {
                Some(full) => {
                    let _ = write!(out, "; the full history within {}", Mins(full));
                    if !self.full_met {
                        let _ = write!(out, " — the target is {}", Whole(self.full_target));
                    }
                }
                None => out.push_str("; the full history does not come back as planned"),
            }
        } else {
            let _ = write!(out, "back within {}, full history included", Mins(back));
            match (self.back_target.filter(|_| self.back_met == Some(false)), self.full_met) {
                (Some(recent), false) => {
                    let _ = write!(
                        out,
                        " — the targets are {} for {newest} and {} for all of it",
                        Whole(recent),
                        Whole(self.full_target)
                    );
                }
                (Some(recent), true) => {
                    let _ = write!(out, " — the target for {newest} is {}", Whole(recent));
                }
                (None, false) => {
                    let _ = write!(out, " — the target is {}", Whole(self.full_target));
                }
                (None, true) => {}
            }
        }
        match self.data_age {
            Some(age) if age > 0.0 => {
                let _ = write!(out, "; up to the last {} of data may be missing", Mins(age));
            }
            _ => out.push_str("; no data is lost"),
        }
        if !self.data_met {
            let _ = write!(out, " — the target is {}", Whole(self.data_target));
        }
        out.push('.');
    }
}

/// `text` (a [`ServiceLevel::body`] or [`SlaSection::overall`]) cut into runs, each with whether
/// it says a missed target — from " — the target" up to the `;`, `,` or `.` that ends the clause —
/// so that a view can mark them. The runs put together are `text`.
pub fn miss_runs(text: &str) -> Vec<(&str, bool)> {
    const MISS: &str = " — the target";
    let mut runs = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(MISS) {
        let end = rest[start + MISS.len()..].find([';', ',', '.']).map_or(rest.len(), |i| start + MISS.len() + i);
        if start > 0 {
            runs.push((&rest[..start], false));
        }
        runs.push((&rest[start..end], true));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        runs.push((rest, false));
    }
    runs
}

/// `a`, `a and b`, `a, b and c`.
pub(super) fn join(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether users consume the stage directly: reports and dashboards, the model (semantic layer)
/// they query, and the warehouse or data marts that serve them. A serving cache is left out: it
/// sits in front of the model, and the reports' times already wait for it.
fn consumed(kind: StageKind) -> bool {
    matches!(kind, StageKind::Report | StageKind::Model | StageKind::Presentation)
}

/// Reports first, then models, then warehouses and marts; the rest (the fallback) after them.
fn rank(kind: StageKind) -> u8 {
    match kind {
        StageKind::Report => 0,
        StageKind::Model => 1,
        StageKind::Presentation => 2,
        _ => 3,
    }
}

/// The platform's name as the documents show it.
pub(super) fn title(scenario: &Scenario) -> &str {
    if scenario.name.trim().is_empty() {
        "Untitled platform"
    } else {
        scenario.name.as_str()
    }
}

/// The SLA statement of `scenario`, from its `plan`.
pub fn sla_statement(scenario: &Scenario, plan: &Plan) -> SlaStatement {
    let triage = Prices::resolve(&scenario.overrides).0.delay_attack_triage_minutes;
    let sections = plan.pipeline.timelines.iter().map(|timeline| section(scenario, plan, timeline, triage)).collect();
    SlaStatement { platform: title(scenario).to_string(), sections }
}

fn section(scenario: &Scenario, plan: &Plan, timeline: &Timeline, triage: f64) -> SlaSection {
    let d = timeline.disruption;
    let mut stages: Vec<usize> = (0..plan.stages.len()).filter(|&i| consumed(plan.stages[i].kind)).collect();
    if stages.is_empty() {
        stages = (0..plan.stages.len()).filter(|&i| timeline.serving.contains(&plan.stages[i].id)).collect();
    }
    crate::order::sort_by(&mut stages, |&a, &b| rank(plan.stages[a].kind).cmp(&rank(plan.stages[b].kind)));
    let name = |id: &str| scenario.stage(id).map_or(id, |s| s.display_name()).to_string();
    let levels = stages
        .into_iter()
        .filter_map(|i| {
            let sp = &plan.stages[i];
            let rec = sp.recommendation(d)?;
            let t = timeline.stage(&sp.id)?;
            let stage = scenario.stage(&sp.id);
            // The newest days are back when the engine judges them so (the recent-data target's
            // figure); without one, at the end of the hot phase.
            let back_within = match rec.recent {
                Some(r) => r.back_minutes,
                None => t.serving_minutes(),
            };
            let newest_days = rec.recent.map(|r| r.days).or(stage.and_then(|s| s.hot_window_days));
            let recent_rpo = rec.recent.map(|r| r.target.rpo_minutes);
            Some(ServiceLevel {
                stage: sp.id.to_string(),
                name: name(&sp.id),
                disruption: d,
                back_within,
                newest_days,
                full_within: t.completion_minutes,
                data_age: t.effective_rpo_minutes,
                back_target: rec.recent.map(|r| r.target.rto_minutes),
                back_met: rec.recent.map(|r| r.meets_rto),
                full_target: rec.target.rto_minutes,
                full_met: rec.meets_rto,
                data_target: recent_rpo.map_or(rec.target.rpo_minutes, |r| r.min(rec.target.rpo_minutes)),
                data_met: rec.meets_rpo && rec.recent.is_none_or(|r| r.meets_rpo),
                blocked_by: if back_within.is_none() {
                    blocked_by(timeline, t).iter().map(|id| name(id)).collect()
                } else {
                    Vec::new()
                },
            })
        })
        .collect();
    SlaSection {
        disruption: d,
        first_service_minutes: timeline.first_service_minutes,
        first_service_target: timeline.first_service_target_minutes.zip(timeline.first_service_met),
        full_restore_minutes: timeline.full_restore_minutes,
        triage_minutes: (d == Disruption::Ransomware).then_some(triage),
        levels,
    }
}

/// The ids of the stages `t` waits for, directly or not, that have no way back of their own;
/// empty when `t` itself has none.
fn blocked_by(timeline: &Timeline, t: &StageTimeline) -> Vec<String> {
    if t.own_minutes.is_none() {
        return Vec::new();
    }
    let mut found = Vec::new();
    let mut seen: Vec<&str> = vec![t.id.as_str()];
    let mut queue: Vec<&str> = t.waits_for.iter().map(StageId::as_str).collect();
    while let Some(id) = queue.pop() {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let Some(up) = timeline.stage(id) else { continue };
        if up.completion_minutes.is_some() {
            continue;
        }
        if up.own_minutes.is_none() {
            found.push(id.to_string());
        } else {
            queue.extend(up.waits_for.iter().map(StageId::as_str));
        }
    }
    found.sort();
    found
}

/// What the statement is, for the users it is sent to.
pub const SLA_INTRO: &str = "What the users of this platform can expect when it is disrupted: when each service is \
     back, how much of the most recent data may be missing once it is, and when the full history follows. Times count \
     from the start of the recovery.";

/// What the figures rest on: the statement's closing line.
pub fn sla_basis() -> String {
    format!(
        "These figures follow from the recovery plan Keel {} made for this platform and from its assumptions \
         (throughputs, provisioning and triage times, copies kept and restores working as planned); they are not \
         a contract. Test the recovery to confirm them.",
        env!("CARGO_PKG_VERSION")
    )
}

impl SlaSection {
    /// The section's heading, which also opens its sentences: "After the loss of the primary
    /// region".
    pub fn heading(&self) -> &'static str {
        heading(self.disruption)
    }

    /// After ransomware: that every time includes the triage, and how long the plan allows.
    pub fn triage_note(&self) -> Option<String> {
        self.triage_minutes.map(|triage| {
            format!(
                "Nothing is restored until the attack is contained and the last clean recovery point is found: the \
                 plan allows {} for that, and every time below includes it.",
                Mins(triage)
            )
        })
    }

    /// The whole platform in one line: "First service within 3h 21m; the whole platform back
    /// within 19h 25m."
    pub fn overall(&self) -> String {
        let mut out = String::with_capacity(96);
        match self.first_service_minutes {
            Some(first) => {
                let _ = write!(out, "First service within {}", Mins(first));
                if let Some((target, false)) = self.first_service_target {
                    let _ = write!(out, " — the target is {}", Whole(target));
                }
            }
            None => out.push_str("No first service as planned"),
        }
        match self.full_restore_minutes {
            Some(full) => {
                let _ = write!(out, "; the whole platform back within {}.", Mins(full));
            }
            None => out.push_str("; some of the platform does not come back as planned."),
        }
        out
    }
}

impl ServiceLevel {
    /// What follows the stage's name, as the statement lists it: "back within 3h 28m, full
    /// history included; up to the last 1d of data may be missing — the target is 4h."
    pub fn body(&self) -> String {
        let mut out = String::with_capacity(160);
        self.write_body(&mut out, &|n| n.to_string());
        out
    }
}

/// The statement as a Markdown document for end users: a title, what it is, one section per
/// disruption type, and what the figures rest on. User text is escaped.
pub fn sla_markdown(statement: &SlaStatement) -> String {
    let mut out = String::with_capacity(2048);
    let _ = writeln!(out, "# Service levels: {}\n", escape_markdown(&statement.platform));
    let _ = writeln!(out, "{SLA_INTRO}\n");
    write_sections(&mut out, statement, "##");
    out.push_str(&basis());
    out
}

/// What the figures rest on, as the document's closing paragraph.
pub(super) fn basis() -> String {
    format!("*{}*\n", sla_basis())
}

/// Every section, under headings of level `level` (`##`, `###`).
pub(super) fn write_sections(out: &mut String, statement: &SlaStatement, level: &str) {
    for section in &statement.sections {
        let _ = writeln!(out, "{level} {}\n", section.heading());
        if let Some(note) = section.triage_note() {
            let _ = writeln!(out, "{note}\n");
        }
        let _ = writeln!(out, "{}\n", section.overall());
        if section.levels.is_empty() {
            out.push_str("The platform has no stages to recover yet.\n\n");
            continue;
        }
        for level in &section.levels {
            let _ = write!(out, "- **{}**: ", escape_markdown(&level.name));
            level.write_body(out, &|n| escape_markdown(n));
            out.push('\n');
        }
        out.push('\n');
    }
}

#[cfg(test)]
mod tests;
