//! `keel plan --format table`: the plan as a table a person reads in a terminal or a CI log.

use super::heading;
use crate::engine::{Level, Phase, Plan};
use crate::model::Scenario;
use crate::text::{format_minutes, format_minutes_f, word, Cents, Count, Size, Trimmed};
use std::fmt::Write;

/// Pads or cuts `text` to `width` characters (not bytes: labels may hold any letters).
pub(super) fn cell(text: &str, width: usize) -> String {
    let n = text.chars().count();
    if n > width {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        format!("{text}{}", " ".repeat(width - n))
    }
}

fn achieved(value: Option<f64>, target: u32, met: bool) -> String {
    let v = value.map_or_else(|| "never".to_string(), format_minutes_f);
    format!("{v} / {} {}", format_minutes(target), if met { "ok" } else { "MISS" })
}

/// The whole table: stages, totals, warnings.
pub(super) fn render(scenario: &Scenario, plan: &Plan, reasons: bool) -> String {
    let mut out = String::new();
    let cur = &plan.currency;
    let _ = writeln!(
        out,
        "Keel plan: {}  ({} → {}, {cur}, {})\n",
        heading(scenario),
        scenario.regions.primary,
        scenario.regions.secondary,
        Count(u64::from(scenario.span_months), "month", "months")
    );
    let _ = writeln!(
        out,
        "{} {} {} {} {} {} MONTHLY",
        cell("STAGE", 18),
        cell("DISRUPTION", 13),
        cell("BACKUP", 17),
        cell("STRATEGY", 22),
        cell("RPO / TARGET", 19),
        cell("BACK AT / RTO", 19),
    );
    for (index, s) in plan.stages.iter().enumerate() {
        let name = scenario.stage(&s.id).map_or(s.id.as_str(), |st| st.display_name());
        for (i, r) in s.recommendations.iter().enumerate() {
            let (rpo, rto) = if r.assumed {
                ("owner's".to_string(), "owner's".to_string())
            } else {
                (
                    achieved(r.effective_rpo_minutes, r.target.rpo_minutes, r.meets_rpo),
                    achieved(r.completion_minutes, r.target.rto_minutes, r.meets_rto),
                )
            };
            let _ = write!(
                out,
                "{} {} {} {} {} {} {:>10}",
                cell(if i == 0 { name } else { "" }, 18),
                cell(&r.disruption.label().to_lowercase(), 13),
                cell(&r.backup.label().to_lowercase(), 17),
                cell(&r.strategy.label().to_lowercase(), 22),
                cell(&rpo, 19),
                cell(&rto, 19),
                Cents(r.cost.total())
            );
            // A catch-up after the restore, and where an older recovery point than the option's
            // own comes from, after the row so the columns stay aligned and the names whole.
            if let Some(cu) = r.catch_up {
                let _ =
                    write!(out, "  then catch up {} from upstream in {}", Size(cu.gb), format_minutes_f(cu.minutes));
            }
            if let Some(c) = &r.copies_in {
                let _ = write!(out, "  copies in: {} ({}, {})", c.name, c.radius.label(), c.lock.label());
            }
            if let Some(from) = plan.rpo_limited_by(index, r.disruption) {
                let from = scenario.stage(from).map_or(from, |st| st.display_name());
                let _ = write!(out, "  RPO from upstream: {from}");
            }
            if let Some(recent) = r.recent {
                let _ = write!(
                    out,
                    "  recent {}: RPO {}, back at {}",
                    Count(u64::from(recent.days), "day", "days"),
                    achieved(r.effective_rpo_minutes, recent.target.rpo_minutes, recent.meets_rpo),
                    achieved(recent.back_minutes, recent.target.rto_minutes, recent.meets_rto)
                );
            }
            out.push('\n');
            if reasons {
                let _ = writeln!(out, "    {}", r.reason);
            }
        }
    }
    let t = &plan.totals;
    let _ = writeln!(
        out,
        "\nMonthly: {cur} {} (storage {}, replication {}, standby {}, reprocessing {}); {cur} {} over {}.",
        Cents(t.monthly_total),
        Cents(t.monthly.storage),
        Cents(t.monthly.replication),
        Cents(t.monthly.standby),
        Cents(t.monthly.reprocessing),
        Cents(t.span_total),
        Count(u64::from(scenario.span_months), "month", "months")
    );
    let _ = writeln!(
        out,
        "Stages meeting every target: {} of {}.",
        t.stages_meeting,
        t.stages_meeting + t.stages_violating
    );
    timelines(scenario, plan, &mut out);
    break_even(scenario, plan, &mut out);
    curves(plan, &mut out);
    if !plan.warnings.is_empty() {
        let _ = writeln!(out, "\nWarnings ({}):", plan.warnings.len());
        for w in &plan.warnings {
            let level = match w.level {
                Level::Critical => "critical",
                Level::Warning => "warning",
                Level::Info => "info",
            };
            let _ = writeln!(out, "  [{level}] {} ({}): {}", w.code.key(), w.stages.join(", "), w.message);
        }
    }
    if !plan.fixes.is_empty() {
        let _ = writeln!(out, "\nFixes (keel plan --apply-fixes applies them):");
        for f in &plan.fixes {
            let _ = writeln!(out, "  {} ({}): {} (+{cur} {}/month)", f.code.key(), f.stage, f.label, Cents(f.monthly));
        }
    }
    out
}

fn minutes(v: Option<f64>) -> String {
    v.map_or_else(|| "never".to_string(), format_minutes_f)
}

fn phase(p: Option<Phase>) -> String {
    p.map_or_else(String::new, |p| format!("{} → {}", minutes(p.start_minutes), minutes(p.end_minutes)))
}

/// The recovery timeline of each disruption type: first service, full restore, critical path
/// and every stage's hot and full phases.
fn timelines(scenario: &Scenario, plan: &Plan, out: &mut String) {
    let name = |id: &str| scenario.stage(id).map_or(id, |s| s.display_name()).to_string();
    for t in &plan.pipeline.timelines {
        // First service against the serving stages' recent-data targets, where they have one.
        let judged = match (t.first_service_target_minutes, t.first_service_met) {
            (Some(target), Some(met)) => {
                format!(" (recent-data target {}: {})", format_minutes(target), if met { "ok" } else { "MISS" })
            }
            _ => String::new(),
        };
        let _ = writeln!(
            out,
            "\nRecovery after {}: first service at {}{judged}, everything back at {}.",
            t.disruption.label().to_lowercase(),
            minutes(t.first_service_minutes),
            minutes(t.full_restore_minutes)
        );
        if t.critical_path.len() > 1 {
            let path: Vec<String> = t.critical_path.iter().map(|id| name(id)).collect();
            let _ = writeln!(out, "Critical path: {}", path.join(" ← "));
        }
        if !t.unrecoverable.is_empty() {
            let never: Vec<String> = t.unrecoverable.iter().map(|id| name(id)).collect();
            let _ = writeln!(out, "Never recovered: {}", never.join(", "));
        }
        // The catch-up column only where a stage catches up, so other plans print as before.
        let catch_up = t.stages.iter().any(|s| s.catch_up.is_some());
        let _ = write!(out, "  {} {} {} ", cell("STAGE", 18), cell("HOT PHASE", 17), cell("FULL PHASE", 17));
        if catch_up {
            let _ = write!(out, "{} ", cell("CATCH-UP", 17));
        }
        let _ = writeln!(out, "{} WAITS FOR", cell("BACK AT", 9));
        for s in &t.stages {
            let waits: Vec<String> = s
                .critical_upstream
                .iter()
                .map(|id| name(id))
                .chain(s.waits_for.iter().filter(|id| Some(*id) != s.critical_upstream.as_ref()).map(|id| name(id)))
                .collect();
            let _ = write!(
                out,
                "  {} {} {} ",
                cell(&name(&s.id), 18),
                cell(&phase(s.hot), 17),
                cell(&phase(Some(s.full)), 17)
            );
            if catch_up {
                let _ = write!(out, "{} ", cell(&phase(s.catch_up), 17));
            }
            let _ = writeln!(out, "{} {}", cell(&minutes(s.completion_minutes), 9), waits.join(", "));
        }
    }
}

/// Keeping copies against reprocessing, one line per stage and disruption type.
fn break_even(scenario: &Scenario, plan: &Plan, out: &mut String) {
    if plan.break_even.is_empty() {
        return;
    }
    let cur = &plan.currency;
    let _ = writeln!(
        out,
        "\nCopies or reprocessing, over {} at {} disasters a year (the first in month 1):",
        Count(u64::from(scenario.span_months), "month", "months"),
        Trimmed::<3>(scenario.disasters_per_year)
    );
    for b in &plan.break_even {
        let name = scenario.stage(&b.id).map_or(b.id.as_str(), |s| s.display_name());
        let (monthly, rebuild_cost) = (Cents(b.copies.monthly), Cents(b.rebuild_cost));
        let compared = if !b.reprocess_possible {
            // No break-even and no "cheaper": a rebuild that cannot recover the stage is no choice.
            format!(", the only way back: reprocessing cannot recover it (a rebuild would cost {cur} {rebuild_cost})")
        } else {
            let when = match b.break_even_month {
                Some(m) => format!("copies cost more from month {m}"),
                None => "copies stay cheaper".to_string(),
            };
            let cheaper = match b.cheaper_over_span {
                crate::engine::Cheaper::Copies => "copies",
                crate::engine::Cheaper::Reprocess => "reprocessing",
            };
            let rebuild = if b.reprocess_fits_rto {
                format!("rebuilt by {} (fits the RTO)", minutes(b.reprocess_minutes))
            } else {
                format!("rebuilt by {} at best (misses the RTO)", minutes(b.reprocess_best_minutes))
            };
            format!(" against {cur} {rebuild_cost} per rebuild; {when}; {cheaper} cheaper over the span; {rebuild}")
        };
        let _ = writeln!(
            out,
            "  {} ({}): {} {cur} {monthly}/month{compared}.",
            name,
            b.disruption.label().to_lowercase(),
            b.copies.strategy.label().to_lowercase(),
        );
    }
}

/// The platform's cost curves: one line per non-dominated target.
fn curves(plan: &Plan, out: &mut String) {
    let cur = &plan.currency;
    for c in &plan.curves.platform {
        let when = c.disruption.label().to_lowercase();
        for (what, points, verb) in [("RTO", &c.rto, "back"), ("RPO", &c.rpo, "data from")] {
            if points.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\nCost against a platform-wide {what} ({when}):");
            for p in points {
                let _ = writeln!(
                    out,
                    "  {:<7} {cur} {:>10}/month; everything {verb} {}, serving stages {verb} {}; {} {} it",
                    format_minutes(p.target_minutes),
                    Cents(p.monthly),
                    minutes(p.achieved_minutes),
                    minutes(p.serving_minutes),
                    Count(u64::from(p.stages_missing), "stage", "stages"),
                    word(u64::from(p.stages_missing), "misses", "miss"),
                );
            }
        }
    }
}
