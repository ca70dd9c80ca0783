//! The `keel` command line, as a function of its arguments and streams (see docs/cli.md).
//!
//! `src/bin/keel.rs` only forwards to [`run`], so everything here is testable without spawning
//! a process. Exit codes are part of the public interface:
//! 0 success, 1 invalid scenario, 2 usage error or unreadable input, 3 `--check` found a
//! missed target or a critical warning, or `keel diff` found B worse than A.

mod diff;
mod table;

use crate::engine::{self, Plan};
use crate::format;
use crate::model::Scenario;
use std::io::{Read, Write};

/// Success.
pub const EXIT_OK: i32 = 0;
/// The scenario is invalid: the message names the field.
pub const EXIT_INVALID: i32 = 1;
/// The command line is wrong, or the input could not be read.
pub const EXIT_USAGE: i32 = 2;
/// `keel plan --check`: the plan misses a target or has a critical warning; `keel diff`: B is
/// worse than A (more targets missed, a new critical warning, or a cost rise over
/// `--max-increase`).
pub const EXIT_CHECK_FAILED: i32 = 3;

const USAGE: &str = "\
Keel — backup and disaster-recovery planner for data platforms

Usage:
  keel plan [OPTIONS] FILE      plan a scenario file (`-` reads standard input)
  keel plan [OPTIONS] --link FRAGMENT
                                plan the scenario in a share link's fragment (`v1.…`)
  keel link FILE                print the share-link fragment of a scenario file
  keel runbook FILE|--link FRAGMENT
                                print the recovery runbook (Markdown)
  keel sla FILE|--link FRAGMENT print the SLA statement for end users (Markdown)
  keel diff [OPTIONS] A B       compare two plans: what changes from scenario A to scenario B
  keel diff [OPTIONS] --variant-a NAME --variant-b NAME FILE
                                compare two variants kept in one file
  keel --help | --version

Options for `plan`:
  --format json|table   output format (default: json, the plan file with the computed plan)
  --reasons             with --format table: print each recommendation's reason
  --check               exit 3 if any target is missed or any warning is critical
  --apply-fixes         apply every fix the plan offers (the vault that completes 3-2-1),
                        plan again, and print that; what was applied goes to stderr
  --link FRAGMENT       read the scenario from a share link instead of a file

Options for `diff` (A and B: a file, `-` for standard input — once —, or a link below):
  --format table|json   output format (default: table, what changed, then the totals)
  --link-a FRAGMENT     read A from a share link; --link-b FRAGMENT the same for B
  --variant-a NAME      compare A's kept variant NAME instead of its working copy;
  --variant-b NAME      the same for B; without B, B is A's file again
  --max-increase AMOUNT|PCT%
                        exit 3 if the monthly cost rises by more than AMOUNT (500)
                        or PCT% of A's (10%); without it, cost never fails

Exit codes: 0 ok, 1 invalid scenario, 2 usage or unreadable input, 3 --check failed,
or diff: B is worse than A (more targets missed, a new critical warning, or a cost
rise over --max-increase); each reason goes to stderr.
";

/// Output formats of `keel plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Json,
    Table,
}

/// Where the scenario comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    /// A file path, or `-` for standard input.
    File(String),
    /// A share-link fragment.
    Link(String),
}

/// A parsed `keel plan` command.
#[derive(Debug, Clone, PartialEq, Eq)]
struct PlanCommand {
    input: Input,
    format: Format,
    reasons: bool,
    check: bool,
    apply_fixes: bool,
}

enum Command {
    Help,
    Version,
    Plan(PlanCommand),
    Link(String),
    Runbook(Input),
    Sla(Input),
    Diff(diff::DiffCommand),
}

fn parse(args: &[String]) -> Result<Command, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => return Ok(Command::Help),
        Some("-V" | "--version") => return Ok(Command::Version),
        Some("plan") => {}
        Some("diff") => return Ok(diff::parse(it)?.map_or(Command::Help, Command::Diff)),
        Some("link") => {
            let rest: Vec<&String> = it.collect();
            return match rest.as_slice() {
                [a] if a.as_str() == "-h" || a.as_str() == "--help" => Ok(Command::Help),
                [file] if !file.starts_with('-') || file.as_str() == "-" => Ok(Command::Link(file.to_string())),
                _ => Err("`keel link` takes one scenario file (or `-` for standard input)".into()),
            };
        }
        Some(command @ ("runbook" | "sla")) => {
            let rest: Vec<&String> = it.collect();
            let input = match rest.as_slice() {
                [a] if a.as_str() == "-h" || a.as_str() == "--help" => return Ok(Command::Help),
                [file] if !file.starts_with('-') || file.as_str() == "-" => Input::File(file.to_string()),
                [flag, fragment] if flag.as_str() == "--link" => Input::Link(fragment.to_string()),
                [flag] if flag.as_str() == "--link" => return Err("--link needs a link fragment (v1.…)".into()),
                _ => {
                    return Err(format!(
                        "`keel {command}` takes one scenario file (or `-` for standard input), or --link FRAGMENT"
                    ))
                }
            };
            return Ok(if command == "runbook" { Command::Runbook(input) } else { Command::Sla(input) });
        }
        Some(other) => {
            return Err(format!(
                "unknown command \"{other}\"; the commands are `keel plan`, `keel diff`, `keel link`, `keel runbook` and `keel sla`"
            ))
        }
    }
    let mut cmd = PlanCommand {
        input: Input::File(String::new()),
        format: Format::Json,
        reasons: false,
        check: false,
        apply_fixes: false,
    };
    let mut input = None;
    let mut link = None;
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--reasons" => cmd.reasons = true,
            "--check" => cmd.check = true,
            "--apply-fixes" => cmd.apply_fixes = true,
            "--format" => {
                let value = it.next().ok_or("--format needs a value: json or table")?;
                cmd.format = parse_format(value)?;
            }
            a if a.starts_with("--format=") => cmd.format = parse_format(&a["--format=".len()..])?,
            "--link" => link = Some(it.next().ok_or("--link needs a link fragment (v1.…)")?.to_string()),
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option \"{a}\"")),
            a => {
                if input.replace(a.to_string()).is_some() {
                    return Err("give one scenario file".into());
                }
            }
        }
    }
    cmd.input = match (input, link) {
        (Some(_), Some(_)) => return Err("give a scenario file or --link, not both".into()),
        (Some(file), None) => Input::File(file),
        (None, Some(fragment)) => Input::Link(fragment),
        (None, None) => return Err("missing the scenario file (or `-` for standard input, or --link)".into()),
    };
    Ok(Command::Plan(cmd))
}

fn parse_format(value: &str) -> Result<Format, String> {
    match value {
        "json" => Ok(Format::Json),
        "table" => Ok(Format::Table),
        other => Err(format!("unknown format \"{other}\": use json or table")),
    }
}

/// Runs `keel` with `args` (without the program name); returns the exit code.
pub fn run(args: &[String], stdin: &mut dyn Read, stdout: &mut dyn Write, stderr: &mut dyn Write) -> i32 {
    let command = match parse(args) {
        Ok(c) => c,
        Err(message) => {
            let _ = writeln!(stderr, "keel: {message}\n\n{USAGE}");
            return EXIT_USAGE;
        }
    };
    let cmd = match command {
        Command::Help => {
            let _ = write!(stdout, "{USAGE}");
            return EXIT_OK;
        }
        Command::Version => {
            let _ = writeln!(stdout, "keel {}", env!("CARGO_PKG_VERSION"));
            return EXIT_OK;
        }
        Command::Plan(cmd) => cmd,
        Command::Link(file) => {
            return from_input(&Input::File(file), stdin, stdout, stderr, format::encode_link);
        }
        Command::Runbook(input) => {
            return from_input(&input, stdin, stdout, stderr, |s| format::runbook_markdown(s, &engine::plan(s)))
        }
        Command::Sla(input) => {
            return from_input(&input, stdin, stdout, stderr, |s| {
                format::sla_markdown(&format::sla_statement(s, &engine::plan(s)))
            })
        }
        Command::Diff(cmd) => return diff::run(&cmd, stdin, stdout, stderr),
    };
    let (name, mut scenario) = match read_scenario(&cmd.input, stdin, stderr) {
        Ok(read) => read,
        Err(code) => return code,
    };
    let mut plan = engine::plan(&scenario);
    if cmd.apply_fixes && !plan.has_errors() {
        plan = apply_fixes(&mut scenario, plan, &name, stderr);
    }
    for d in &plan.diagnostics {
        let _ = writeln!(stderr, "keel: {name}: {d}");
    }
    if plan.has_errors() {
        return EXIT_INVALID;
    }
    let written = match cmd.format {
        Format::Json => writeln!(stdout, "{}", format::encode(&scenario, Some(&plan))),
        Format::Table => write!(stdout, "{}", table::render(&scenario, &plan, cmd.reasons)),
    };
    if let Err(e) = written {
        let _ = writeln!(stderr, "keel: cannot write the output: {e}");
        return EXIT_USAGE;
    }
    if cmd.check && check_fails(&plan) {
        let _ = writeln!(
            stderr,
            "keel: check failed: {} stage(s) miss a target, {} critical warning(s)",
            plan.totals.stages_violating,
            critical(&plan)
        );
        let recent = recent_missed(&scenario, &plan);
        if !recent.is_empty() {
            let _ = writeln!(stderr, "keel: recent-data targets missed: {}", recent.join(", "));
        }
        return EXIT_CHECK_FAILED;
    }
    EXIT_OK
}

/// `--apply-fixes`: applies the plan's fixes to `scenario`, plans again (a fix can change what
/// the next one should be; three rounds at most) and says on `stderr` what was applied.
fn apply_fixes(scenario: &mut Scenario, mut plan: Plan, name: &str, stderr: &mut dyn Write) -> Plan {
    for _ in 0..3 {
        let mut applied = 0;
        for fix in &plan.fixes {
            if fix.apply(scenario) {
                applied += 1;
                let _ = writeln!(
                    stderr,
                    "keel: {name}: applied to {}: {} (+{} {}/month)",
                    fix.stage,
                    fix.label,
                    plan.currency,
                    crate::text::Cents(fix.monthly)
                );
            }
        }
        if applied == 0 {
            break;
        }
        plan = engine::plan(scenario);
    }
    plan
}

/// `keel link`, `keel runbook` and `keel sla`: reads a scenario from a file or a link and prints
/// `render` of it.
fn from_input(
    input: &Input,
    stdin: &mut dyn Read,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    render: impl Fn(&Scenario) -> String,
) -> i32 {
    let scenario = match read_scenario(input, stdin, stderr) {
        Ok((_, scenario)) => scenario,
        Err(code) => return code,
    };
    if let Err(e) = writeln!(stdout, "{}", render(&scenario)) {
        let _ = writeln!(stderr, "keel: cannot write the output: {e}");
        return EXIT_USAGE;
    }
    EXIT_OK
}

/// The scenario of a file (`-`: standard input) or a link, with the name its messages give the
/// input (`<stdin>`, `<link>`); else the exit code, the reason written to `stderr`. Reading's
/// warnings are the scenario's validation warnings, which a plan reports again.
fn read_scenario(input: &Input, stdin: &mut dyn Read, stderr: &mut dyn Write) -> Result<(String, Scenario), i32> {
    let (name, read) = match input {
        Input::File(path) => {
            let text = read_input(path, stdin).map_err(|message| {
                let _ = writeln!(stderr, "keel: {message}");
                EXIT_USAGE
            })?;
            (display_name(path), format::decode(&text).map_err(|e| e.to_string()))
        }
        Input::Link(fragment) => ("<link>", format::decode_link(fragment).map_err(|e| e.to_string())),
    };
    match read {
        Ok((scenario, _)) => Ok((name.to_string(), scenario)),
        Err(e) => {
            let _ = writeln!(stderr, "keel: {name}: {e}");
            Err(EXIT_INVALID)
        }
    }
}

/// Each missed recent-data target in words: `Warehouse (corruption RTO)`.
fn recent_missed(scenario: &Scenario, plan: &Plan) -> Vec<String> {
    let mut out = Vec::new();
    for s in &plan.stages {
        let name = scenario.stage(&s.id).map_or(s.id.as_str(), |st| st.display_name());
        for r in &s.recommendations {
            let Some(recent) = r.recent.filter(|x| !x.meets()) else { continue };
            let what = match (recent.meets_rpo, recent.meets_rto) {
                (false, false) => "RPO and RTO",
                (false, true) => "RPO",
                _ => "RTO",
            };
            out.push(format!("{name} ({} {what})", r.disruption.label().to_lowercase()));
        }
    }
    out
}

fn critical(plan: &Plan) -> usize {
    plan.warnings.iter().filter(|w| w.level == engine::Level::Critical).count()
}

fn check_fails(plan: &Plan) -> bool {
    plan.totals.stages_violating > 0 || critical(plan) > 0
}

fn display_name(input: &str) -> &str {
    if input == "-" {
        "<stdin>"
    } else {
        input
    }
}

fn read_input(path: &str, stdin: &mut dyn Read) -> Result<String, String> {
    let mut text = String::new();
    let limit = format::MAX_FILE_BYTES as u64 + 1;
    let result = if path == "-" {
        stdin.take(limit).read_to_string(&mut text)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_string(&mut text))
    };
    result.map_err(|e| format!("cannot read {}: {e}", display_name(path)))?;
    Ok(text)
}

/// The scenario's name as the table heading shows it.
fn heading(scenario: &Scenario) -> &str {
    if scenario.name.trim().is_empty() {
        "Untitled platform"
    } else {
        &scenario.name
    }
}

#[cfg(test)]
mod tests;
