//! `keel diff A [B]`: two plans compared (`crate::compare`) — two files, a link, or two kept
//! variants of one file — printed as a table of what changed or as JSON, with exit status 3
//! when B is worse than A (docs/cli.md, "keel diff").

use super::table::cell;
use super::{parse_format, read_scenario, Format, Input, EXIT_CHECK_FAILED, EXIT_INVALID, EXIT_OK, EXIT_USAGE};
use crate::compare::{self, Achieved, Comparison, CostLimit, Money, Reach, Side, Text};
use crate::engine::{self, Level, Plan};
use crate::model::Scenario;
use crate::text::Count;
use std::fmt::Write as _;
use std::io::{Read, Write};

/// A parsed `keel diff` command.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct DiffCommand {
    /// Where A comes from.
    a: Input,
    /// Where B comes from; `None` = the same file or link as A (two of its variants).
    b: Option<Input>,
    /// The variant of A's file to compare instead of its working copy.
    variant_a: Option<String>,
    /// The same for B.
    variant_b: Option<String>,
    format: Format,
    max_increase: Option<CostLimit>,
}

/// Reads `keel diff`'s arguments (after `diff`).
pub(super) fn parse<'a>(mut it: impl Iterator<Item = &'a String>) -> Result<Option<DiffCommand>, String> {
    let (mut files, mut link_a, mut link_b) = (Vec::new(), None, None);
    let (mut variant_a, mut variant_b, mut format, mut max_increase) = (None, None, Format::Table, None);
    while let Some(arg) = it.next() {
        // `--option=value` or `--option value`.
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = |what: &str| match inline.clone() {
            Some(v) => Ok(v),
            None => it.next().cloned().ok_or_else(|| format!("{name} needs {what}")),
        };
        match name {
            "-h" | "--help" => return Ok(None),
            "--format" => format = parse_format(&value("a value: table or json")?)?,
            "--link-a" => link_a = Some(value("a link fragment (v1.…)")?),
            "--link-b" => link_b = Some(value("a link fragment (v1.…)")?),
            "--variant-a" => variant_a = Some(value("a variant's name")?),
            "--variant-b" => variant_b = Some(value("a variant's name")?),
            "--max-increase" => {
                let v = value("an amount (500) or a percentage (10%)")?;
                max_increase = Some(CostLimit::parse(&v).map_err(|e| format!("--max-increase: {e}"))?);
            }
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option \"{a}\"")),
            a => files.push(a.to_string()),
        }
    }
    if files.iter().filter(|f| f.as_str() == "-").count() > 1 {
        return Err("standard input can be read once: give `-` for A or for B, not both".into());
    }
    let mut files = files.into_iter().map(Input::File);
    let a = link_a.map(Input::Link).or_else(|| files.next());
    let b = link_b.map(Input::Link).or_else(|| files.next());
    if files.next().is_some() {
        return Err("give two scenarios at most: A and B".into());
    }
    let Some(a) = a else {
        return Err("missing A: a scenario file (or `-` for standard input, or --link-a)".into());
    };
    if b.is_none() && variant_a.is_none() && variant_b.is_none() {
        return Err("missing B: give a second scenario file (or --link-b), or --variant-a and --variant-b to compare two variants of one file".into());
    }
    Ok(Some(DiffCommand { a, b, variant_a, variant_b, format, max_increase }))
}

/// A side read and planned: its label, where it came from, the scenario and its plan.
struct Planned {
    label: String,
    place: String,
    scenario: Scenario,
    plan: Plan,
}

impl Planned {
    fn side(&self) -> Side<'_> {
        Side { label: &self.label, scenario: &self.scenario, plan: &self.plan }
    }
}

/// Why a side could not be planned: the exit code, the message already written.
type Failed = i32;

/// The working copy of `scenario`, or its variant `variant`, planned; its diagnostics on stderr.
fn plan_side(
    name: &str,
    scenario: &Scenario,
    variant: Option<&str>,
    stderr: &mut dyn Write,
) -> Result<Planned, Failed> {
    let (label, place, scenario) = match variant {
        None => (name.to_string(), name.to_string(), scenario.clone()),
        Some(wanted) => match scenario.find_variant(wanted) {
            Some((_, v)) => (wanted.to_string(), format!("{name}, variant \"{wanted}\""), v.scenario.clone()),
            None => {
                let names: Vec<String> = scenario.variants.iter().map(|v| format!("\"{}\"", v.name)).collect();
                let kept = if names.is_empty() {
                    "it keeps no variants".to_string()
                } else {
                    format!("its variants are {}", names.join(", "))
                };
                let _ = writeln!(stderr, "keel: {name} has no variant \"{wanted}\"; {kept}");
                return Err(EXIT_USAGE);
            }
        },
    };
    let plan = engine::plan(&scenario);
    for d in &plan.diagnostics {
        let _ = writeln!(stderr, "keel: {place}: {d}");
    }
    if plan.has_errors() {
        return Err(EXIT_INVALID);
    }
    Ok(Planned { label, place, scenario, plan })
}

/// Runs `keel diff`; returns the exit code.
pub(super) fn run(cmd: &DiffCommand, stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let sides = (|| {
        let (name_a, scenario_a) = read_scenario(&cmd.a, stdin, stderr)?;
        let (name_b, scenario_b) = match &cmd.b {
            Some(input) => read_scenario(input, stdin, stderr)?,
            None => (name_a.clone(), scenario_a.clone()),
        };
        let a = plan_side(&name_a, &scenario_a, cmd.variant_a.as_deref(), stderr);
        let b = plan_side(&name_b, &scenario_b, cmd.variant_b.as_deref(), stderr);
        Ok::<_, Failed>((a?, b?))
    })();
    let (a, b) = match sides {
        Ok(ab) => ab,
        Err(code) => return code,
    };
    let comparison = compare::compare(a.side(), b.side(), cmd.max_increase);
    let written = match cmd.format {
        Format::Json => {
            writeln!(stdout, "{}", serde_json::to_string_pretty(&comparison).unwrap_or_default())
        }
        Format::Table => write!(stdout, "{}", render(&comparison, &a.place, &b.place)),
    };
    if let Err(e) = written {
        let _ = writeln!(stderr, "keel: cannot write the output: {e}");
        return EXIT_USAGE;
    }
    if comparison.verdict.worse {
        for reason in &comparison.verdict.reasons {
            let _ = writeln!(stderr, "keel: B is worse: {reason}");
        }
        return EXIT_CHECK_FAILED;
    }
    EXIT_OK
}

/// `1d / 1d ok`, `never / 4h MISS`, `4h / 4h ok (owner's)`; `—` on a side without it.
fn reach(r: &Option<Reach>) -> String {
    match r {
        None => "—".to_string(),
        Some(r) => format!(
            "{} / {} {}{}",
            r.achieved,
            r.target,
            if r.meets { "ok" } else { "MISS" },
            if r.assumed { " (owner's)" } else { "" }
        ),
    }
}

fn side_text(t: &Option<String>) -> &str {
    t.as_deref().unwrap_or("—")
}

/// The lines of the table for one changed row: what, A, B and (for money) the change.
fn lines(out: &mut Vec<[String; 4]>, what: &str, changed: bool, a: String, b: String, delta: String) {
    if changed {
        out.push([what.to_string(), a, b, delta]);
    }
}

fn text_line(out: &mut Vec<[String; 4]>, what: &str, t: &Text) {
    lines(out, what, t.changed, side_text(&t.a).to_string(), side_text(&t.b).to_string(), String::new());
}

fn reach_line(out: &mut Vec<[String; 4]>, what: &str, t: &Achieved) {
    lines(out, what, t.changed, reach(&t.a), reach(&t.b), String::new());
}

fn money_line(out: &mut Vec<[String; 4]>, what: &str, m: &Money) {
    let delta = m.delta_text.clone().unwrap_or_default();
    lines(out, what, m.changed, side_text(&m.a_text).to_string(), side_text(&m.b_text).to_string(), delta);
}

/// The whole table: what changed per stage and disruption, the totals side by side, the
/// warnings that differ.
fn render(c: &Comparison, place_a: &str, place_b: &str) -> String {
    let mut out = String::new();
    let about = |a: &compare::About, place: &str| {
        let name = if a.scenario.trim().is_empty() { "Untitled platform" } else { &a.scenario };
        format!("{place}: {name} ({}, {})", a.currency, Count(u64::from(a.span_months), "month", "months"))
    };
    let _ = writeln!(out, "Keel diff\n  A  {}\n  B  {}\n", about(&c.a, place_a), about(&c.b, place_b));
    if c.a.currency != c.b.currency {
        let _ =
            writeln!(out, "A's costs are in {} and B's in {}: no amount is converted.\n", c.a.currency, c.b.currency);
    }

    if c.stages.iter().any(|s| s.changed) {
        let _ = writeln!(
            out,
            "{} {} {} {} {} CHANGE",
            cell("STAGE", 18),
            cell("DISRUPTION", 13),
            cell("WHAT", 11),
            cell("A", 24),
            cell("B", 24)
        );
    } else {
        let _ = writeln!(out, "No stage's plan differs.");
    }
    for s in c.stages.iter().filter(|s| s.changed) {
        let mut first = true;
        match s.presence {
            compare::Presence::Added | compare::Presence::Removed => {
                let how = if s.presence == compare::Presence::Added { "added in B" } else { "removed in B" };
                let _ = writeln!(out, "{} {how} ({})", cell(&s.name, 18), s.kind.to_lowercase());
                first = false;
            }
            compare::Presence::Both => {}
        }
        let mut groups = Vec::new();
        let mut whole = Vec::new();
        text_line(&mut whole, "service", &s.service);
        money_line(&mut whole, "monthly", &s.monthly);
        groups.push(("all".to_string(), whole));
        for r in s.disruptions.iter().filter(|r| r.changed) {
            let mut rows = Vec::new();
            text_line(&mut rows, "backup", &r.backup);
            text_line(&mut rows, "strategy", &r.strategy);
            text_line(&mut rows, "copies in", &r.copies_in);
            reach_line(&mut rows, "RPO", &r.rpo);
            reach_line(&mut rows, "RTO", &r.rto);
            reach_line(&mut rows, "recent data", &r.recent);
            money_line(&mut rows, "monthly", &r.monthly);
            groups.push((r.disruption.label().to_lowercase(), rows));
        }
        for (when, rows) in groups {
            for (i, [what, a, b, delta]) in rows.into_iter().enumerate() {
                let _ = writeln!(
                    out,
                    "{} {} {} {} {} {delta}",
                    cell(if first { &s.name } else { "" }, 18),
                    cell(if i == 0 { &when } else { "" }, 13),
                    cell(&what, 11),
                    cell(&a, 24),
                    cell(&b, 24)
                );
                first = false;
            }
        }
    }

    let t = &c.totals;
    let _ = writeln!(out, "\n{} {} {} CHANGE", cell("TOTALS", 40), cell("A", 16), cell("B", 16));
    let mut total = |what: &str, a: String, b: String, change: String| {
        let _ = writeln!(out, "{} {} {} {change}", cell(what, 40), cell(&a, 16), cell(&b, 16));
    };
    let money = |m: &Money| {
        let delta = m.delta_text.clone().unwrap_or_default();
        let change = match &m.percent_text {
            Some(p) if m.changed => format!("{delta} ({p})"),
            _ if m.changed => delta,
            _ => String::new(),
        };
        (side_text(&m.a_text).to_string(), side_text(&m.b_text).to_string(), change)
    };
    let currency = if c.a.currency == c.b.currency {
        c.a.currency.clone()
    } else {
        format!("{} / {}", c.a.currency, c.b.currency)
    };
    let (a, b, change) = money(&t.monthly);
    total(&format!("Monthly ({currency})"), a, b, change);
    let span = if c.a.span_months == c.b.span_months {
        format!("Over {}", Count(u64::from(c.a.span_months), "month", "months"))
    } else {
        format!("Over the span ({} / {} months)", c.a.span_months, c.b.span_months)
    };
    let (a, b, change) = money(&t.span);
    total(&span, a, b, change);
    let planned = |m: compare::Count, n: compare::Count| {
        (format!("{} of {}", m.a, m.a + n.a), format!("{} of {}", m.b, m.b + n.b))
    };
    let count_change = |n: compare::Count| {
        if n.changed {
            format!("{:+}", n.b as i64 - n.a as i64)
        } else {
            String::new()
        }
    };
    let (a, b) = planned(t.stages_meeting, t.stages_missing);
    total("Stages meeting every target", a, b, count_change(t.stages_meeting));
    let n = t.targets_missed;
    total("Targets missed (stage × disruption)", n.a.to_string(), n.b.to_string(), count_change(n));
    let n = t.critical_warnings;
    total("Critical warnings", n.a.to_string(), n.b.to_string(), count_change(n));
    for r in &t.recovery {
        let when = r.disruption.label().to_lowercase();
        let changed = |x: &Text| if x.changed { "changed".to_string() } else { String::new() };
        let f = &r.first_service;
        total(&format!("First service after {when}"), side_text(&f.a).into(), side_text(&f.b).into(), changed(f));
        let f = &r.full_restore;
        total(&format!("Everything back after {when}"), side_text(&f.a).into(), side_text(&f.b).into(), changed(f));
    }

    let w = &c.warnings;
    if w.new.is_empty() && w.gone.is_empty() {
        let _ = writeln!(out, "\nNo warning differs.");
    }
    for (title, list) in [("Warnings only in B", &w.new), ("Warnings only in A", &w.gone)] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{title} ({}):", list.len());
        for w in list {
            let level = match w.level {
                Level::Critical => "critical",
                Level::Warning => "warning",
                Level::Info => "info",
            };
            let _ = writeln!(out, "  [{level}] {} ({}): {}", w.code.key(), w.about(), w.message);
        }
    }
    // Padded cells leave spaces at the ends of lines.
    let mut trimmed = String::with_capacity(out.len());
    for line in out.lines() {
        trimmed.push_str(line.trim_end());
        trimmed.push('\n');
    }
    trimmed
}
