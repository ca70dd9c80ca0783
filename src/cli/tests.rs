//! CLI tests: arguments, exit codes and both output formats, through `run`.

use super::*;

fn keel(args: &[&str], stdin: &str) -> (i32, String, String) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = run(&args, &mut stdin.as_bytes(), &mut out, &mut err);
    (code, String::from_utf8_lossy(&out).into_owned(), String::from_utf8_lossy(&err).into_owned())
}

const SCENARIO: &str = r#"{"name":"CLI test","stages":[
  {"id":"raw","kind":"raw","label":"Raw zone","volume_gb":2000,"daily_change_gb":20},
  {"id":"report","kind":"report","label":"Sales report"}],
  "flows":[{"from":"raw","to":"report"}]}"#;

#[test]
fn plan_prints_the_plan_file_as_json() {
    let (code, out, err) = keel(&["plan", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["type"], "keel-plan");
    assert_eq!(v["plan"]["stages"][0]["id"], "raw");
    assert!(v["plan"]["stages"][0]["recommendations"][0]["reason"].as_str().is_some_and(|r| r.contains("verbatim")));
}

#[test]
fn table_format_is_readable() {
    let (code, out, _) = keel(&["plan", "--format", "table", "--reasons", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK);
    assert!(out.starts_with("Keel plan: CLI test"), "{out}");
    assert!(out.contains("Raw zone") && out.contains("region outage") && out.contains("Monthly: USD"), "{out}");
    assert!(out.contains("verbatim"), "reasons are printed: {out}");
    let (_, plain, _) = keel(&["plan", "--format=table", "-"], SCENARIO);
    assert!(!plain.contains("verbatim"));
}

#[test]
fn table_shows_when_each_stage_is_back_and_the_critical_path() {
    let (code, out, _) = keel(&["plan", "--format", "table", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("BACK AT / RTO"), "{out}");
    // The report redeploys in 30 min but serves only when the raw zone has failed over (1 h).
    assert!(out.contains("Recovery after region outage: first service at 1h, everything back at 1h."), "{out}");
    assert!(out.contains("Critical path: Sales report ← Raw zone"), "{out}");
    let report_row = out.lines().filter(|l| l.trim_start().starts_with("Sales report")).nth(2).unwrap_or_default();
    assert!(report_row.contains("0m → 1h") && report_row.contains("Raw zone"), "{report_row}");
}

#[test]
fn table_shows_the_platform_cost_curves() {
    let (code, out, _) = keel(&["plan", "--format", "table", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("Cost against a platform-wide RTO (region outage):"), "{out}");
    assert!(out.contains("Cost against a platform-wide RPO (corruption):"), "{out}");
    // The raw zone's geo-replica (2000 × 0.0184 + 20 × 30 × 0.02 = 48.80) fails over in 1 h.
    assert!(out.contains("everything back 1h, serving stages back 1h"), "{out}");
}

#[test]
fn table_compares_copies_with_reprocessing() {
    // A recreatable enriched zone of 2 TB: geo-replica 2000 × 0.0184 + 20 × 30 × 0.02 = 48.80/month
    // against a rebuild of 2 TB × 25 = 50.00: copies cost more from month 2.
    let s = r#"{"stages":[{"id":"e","kind":"enriched","label":"Enriched","recreatable":true,"volume_gb":2000,"daily_change_gb":20}]}"#;
    let (code, out, _) = keel(&["plan", "--format", "table", "-"], s);
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("Copies or reprocessing, over 36 months at 0.2 disasters a year"), "{out}");
    assert!(
        out.contains("Enriched (region outage): geo-replicated storage USD 48.80/month against USD 50.00 per rebuild; copies cost more from month 2; reprocessing cheaper over the span; rebuilt by 2h 30m (fits the RTO)."),
        "{out}"
    );
}

#[test]
fn invalid_scenarios_exit_1_naming_the_field() {
    let (code, out, err) = keel(&["plan", "-"], r#"{"stages":[{"id":"x","kind":"lake"}]}"#);
    assert_eq!(code, EXIT_INVALID);
    assert!(out.is_empty());
    assert!(err.contains("stages[0].kind") && err.contains("stage \"x\""), "{err}");
    let (code, _, err) = keel(&["plan", "-"], "not json");
    assert_eq!(code, EXIT_INVALID);
    assert!(err.contains("<stdin>") && err.contains("not valid JSON"), "{err}");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["frobnicate"][..],
        &["plan"],
        &["plan", "--format", "xml", "-"],
        &["plan", "--bogus", "-"],
        &["plan", "a", "b"],
    ] {
        let (code, _, err) = keel(args, "");
        assert_eq!(code, EXIT_USAGE, "{args:?}");
        assert!(err.contains("Usage:"), "{err}");
    }
    let (code, _, err) = keel(&["plan", "/nonexistent/keel.json"], "");
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("cannot read /nonexistent/keel.json"), "{err}");
}

#[test]
fn help_and_version() {
    let (code, out, _) = keel(&["--help"], "");
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("keel plan [OPTIONS] FILE"));
    let (_, out, _) = keel(&["--version"], "");
    assert!(out.starts_with("keel "));
}

#[test]
fn check_fails_on_a_missed_target() {
    let tight = r#"{"stages":[{"id":"raw","kind":"raw","volume_gb":90000,"daily_change_gb":20,
        "targets":{"data_corruption":{"rpo_minutes":1,"rto_minutes":1},"region_outage":{"rpo_minutes":1,"rto_minutes":1}}}]}"#;
    let (code, _, err) = keel(&["plan", "--check", "-"], tight);
    assert_eq!(code, EXIT_CHECK_FAILED);
    assert!(err.contains("check failed"), "{err}");
    let (code, _, _) = keel(&["plan", "-"], tight);
    assert_eq!(code, EXIT_OK, "without --check a missed target is not an error");
}

/// SCENARIO with a recent-data target on the raw zone and the report: the newest week back
/// within `rto` minutes after either disruption, with the full targets' RPO of a day.
fn with_recent(rto: u32) -> String {
    let recent = format!(
        r#""recent":{{"days":7,"data_corruption":{{"rpo_minutes":1440,"rto_minutes":{rto}}},"region_outage":{{"rpo_minutes":1440,"rto_minutes":{rto}}}}}"#
    );
    SCENARIO
        .replace(r#""daily_change_gb":20}"#, &format!(r#""daily_change_gb":20,{recent}}}"#))
        .replace(r#""label":"Sales report"}"#, &format!(r#""label":"Sales report",{recent}}}"#))
}

#[test]
fn check_fails_on_a_missed_recent_target_and_says_which() {
    let (code, _, err) = keel(&["plan", "--check", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK, "{err}");
    let (code, _, err) = keel(&["plan", "--check", "-"], &with_recent(1440));
    assert_eq!(code, EXIT_OK, "a day for the newest week is met: {err}");
    let (code, _, err) = keel(&["plan", "--check", "-"], &with_recent(1));
    assert_eq!(code, EXIT_CHECK_FAILED, "{err}");
    assert!(err.contains("2 stage(s) miss a target"), "{err}");
    assert!(
        err.contains("recent-data targets missed: Raw zone (corruption RTO), Raw zone (region outage RTO), Raw zone (ransomware RTO), Sales report (corruption RTO), Sales report (region outage RTO), Sales report (ransomware RTO)"),
        "{err}"
    );
}

#[test]
fn table_shows_the_recent_target_and_when_the_recent_data_is_back() {
    let (code, out, _) = keel(&["plan", "--format", "table", "-"], &with_recent(1));
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("  recent 7 days: RPO 1d / 1d ok, back at "), "{out}");
    assert!(out.contains(" / 1m MISS"), "{out}");
    assert!(out.contains("(recent-data target 1m: MISS)"), "first service is judged: {out}");
    assert!(out.contains("recent_target_not_met (raw)"), "{out}");
    let (_, plain, _) = keel(&["plan", "--format", "table", "-"], SCENARIO);
    assert!(!plain.contains("recent"), "nothing without a recent target: {plain}");
}

/// The sales report's own redeploy loses nothing, but it serves the raw zone's data, restored to
/// a point a day old, against a 1 h RPO after a corruption.
const UPSTREAM_TOO_OLD: &str = r#"{"stages":[
  {"id":"raw","kind":"raw","label":"Raw zone","volume_gb":2000,"daily_change_gb":20},
  {"id":"report","kind":"report","label":"Sales report","targets":{
    "data_corruption":{"rpo_minutes":60,"rto_minutes":1440},"region_outage":{"rpo_minutes":1440,"rto_minutes":2880}}}],
  "flows":[{"from":"raw","to":"report"}]}"#;

#[test]
fn a_stage_whose_upstream_data_is_too_old_misses_its_rpo() {
    let (code, out, err) = keel(&["plan", "--check", "-"], UPSTREAM_TOO_OLD);
    assert_eq!(code, EXIT_CHECK_FAILED, "{err}");
    assert!(
        err.contains("1 stage(s) miss a target, 2 critical warning(s)"),
        "after corruption and after ransomware: {err}"
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let rec = &v["plan"]["stages"][1]["recommendations"][0];
    assert_eq!(rec["rpo_minutes"], 0.0, "the option's own");
    assert_eq!(rec["effective_rpo_minutes"], 1440.0, "the raw zone's, along the flow");
    assert_eq!(rec["meets_rpo"], false);
    assert_eq!(v["plan"]["totals"]["stages_meeting"], 1);
    assert_eq!(v["plan"]["warnings"][0]["code"], "rpo_limited_by_upstream");
    let (_, table, _) = keel(&["plan", "--format", "table", "-"], UPSTREAM_TOO_OLD);
    let row = table.lines().find(|l| l.starts_with("Sales report") && l.contains("corruption")).unwrap_or_default();
    assert!(row.contains("1d / 1h MISS"), "the table shows the effective RPO: {row}");
    assert!(row.ends_with("0.00  RPO from upstream: Raw zone"), "and where it comes from: {row}");
    let raw = table.lines().find(|l| l.starts_with("Raw zone")).unwrap_or_default();
    assert!(raw.ends_with(char::is_numeric), "a stage's own point has no note: {raw}");
    assert!(table.contains("Stages meeting every target: 1 of 2."), "{table}");
}

#[test]
fn warnings_about_the_input_go_to_stderr_not_stdout() {
    let s = r#"{"stages":[{"id":"raw","kind":"raw","service":"no_such_service"}],"overrides":{"hot":1}}"#;
    let (code, out, err) = keel(&["plan", "-"], s);
    assert_eq!(code, EXIT_OK);
    assert!(err.contains("not in the catalogue") && err.contains("overrides.hot"), "{err}");
    assert!(serde_json::from_str::<serde_json::Value>(&out).is_ok());
}

#[test]
fn link_then_plan_from_the_link() {
    let (code, link, err) = keel(&["link", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK, "{err}");
    let link = link.trim();
    assert!(link.starts_with("v1."), "{link}");
    let (code, from_link, err) = keel(&["plan", "--format", "table", "--link", link], "");
    assert_eq!(code, EXIT_OK, "{err}");
    let (_, from_file, _) = keel(&["plan", "--format", "table", "-"], SCENARIO);
    assert_eq!(from_link, from_file, "a link plans exactly like its file");
}

#[test]
fn bad_links_and_link_usage() {
    let (code, _, err) = keel(&["plan", "--link", "v1.garbage!"], "");
    assert_eq!(code, EXIT_INVALID);
    assert!(err.contains("<link>") && err.contains("damaged"), "{err}");
    let (code, _, err) = keel(&["plan", "--link", "v1.x", "file.json"], "");
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("not both"), "{err}");
    let (code, _, _) = keel(&["link"], "");
    assert_eq!(code, EXIT_USAGE);
    let (code, _, err) = keel(&["link", "-"], r#"{"stages":[{"id":"a","kind":"nope"}]}"#);
    assert_eq!(code, EXIT_INVALID);
    assert!(err.contains("stages[0].kind"), "{err}");
}

#[test]
fn runbook_prints_markdown_steps() {
    let (code, out, err) = keel(&["runbook", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.starts_with("# Recovery runbook: CLI test"), "{out}");
    assert!(out.contains("## After the loss of the primary region") && out.contains("**Raw zone**"), "{out}");
    let (code, _, _) = keel(&["runbook"], "");
    assert_eq!(code, EXIT_USAGE);
}

#[test]
fn runbook_and_sla_read_a_file_or_a_link() {
    let (_, link, _) = keel(&["link", "-"], SCENARIO);
    let link = link.trim();
    for command in ["runbook", "sla"] {
        let (code, from_file, err) = keel(&[command, "-"], SCENARIO);
        assert_eq!(code, EXIT_OK, "{err}");
        let (code, from_link, err) = keel(&[command, "--link", link], "");
        assert_eq!(code, EXIT_OK, "{err}");
        assert_eq!(from_link, from_file, "{command}: a link prints exactly what its file does");
        let (code, _, err) = keel(&[command, "--link"], "");
        assert_eq!(code, EXIT_USAGE);
        assert!(err.contains("--link needs a link fragment"), "{err}");
        let (code, _, err) = keel(&[command, "--link", "v1.garbage!"], "");
        assert_eq!(code, EXIT_INVALID);
        assert!(err.contains("keel: <link>: ") && err.contains("damaged"), "{err}");
        let (code, _, err) = keel(&[command, "-", "--link", link], "");
        assert_eq!(code, EXIT_USAGE, "{command}: a file and a link");
        assert!(err.contains(&format!("`keel {command}` takes one scenario file")), "{err}");
        let (code, _, err) = keel(&[command, "-"], r#"{"stages":[{"id":"a","kind":"nope"}]}"#);
        assert_eq!(code, EXIT_INVALID);
        assert!(err.contains("keel: <stdin>: ") && err.contains("stages[0].kind"), "{err}");
    }
}

#[test]
fn sla_prints_the_statement_with_the_plans_times() {
    let (code, out, err) = keel(&["sla", "-"], SCENARIO);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.starts_with("# Service levels: CLI test\n"), "{out}");
    // The report serves when the raw zone has failed over: the table's first service.
    let (_, table, _) = keel(&["plan", "--format", "table", "-"], SCENARIO);
    assert!(table.contains("Recovery after region outage: first service at 1h,"), "{table}");
    let outage = &out[out.find("## After the loss of the primary region").expect("outage")..];
    assert!(outage.contains("First service within 1h;"), "{outage}");
    assert!(outage.contains("- **Sales report**: back within 1h, full history included;"), "{outage}");
    assert!(out.contains("they are not a contract"), "{out}");
    let (code, usage, _) = keel(&["--help"], "");
    assert_eq!(code, EXIT_OK);
    assert!(usage.contains("keel sla FILE|--link FRAGMENT") && usage.contains("keel runbook FILE|--link FRAGMENT"));
}

/// A curated zone kept only in its region (its service is not in the paired region) whose
/// ransomware copies are in an immutable container beside it: 3-2-1 has no off-site copy.
const NO_OFFSITE: &str = r#"{"stages":[
  {"id":"cur","kind":"curated","label":"Curated","service":"adls_gen2","volume_gb":2000,"daily_change_gb":20,
   "modified_in_place":true,"recreatable":false,"available_in_secondary":false,"vault":"azure_immutable_blob"}]}"#;

#[test]
fn apply_fixes_completes_three_two_one_and_says_what_it_applied() {
    let (code, out, err) = keel(&["plan", "--format", "table", "-"], NO_OFFSITE);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(out.contains("three_two_one_not_met (cur)"), "{out}");
    assert!(out.contains("Fixes (keel plan --apply-fixes applies them):"), "{out}");
    assert!(
        out.contains("copies in: Immutable blob container (in another subscription, immutable (retention locked))"),
        "{out}"
    );
    let (code, out, err) = keel(&["plan", "--apply-fixes", "-"], NO_OFFSITE);
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(err.contains("applied to cur: Keep its ransomware copies in Off-cloud copy (off-cloud) (+USD "), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!(v["scenario"]["stages"][0]["vault"], "off_cloud", "the printed plan file carries the fix");
    assert!(v["plan"]["fixes"].is_null(), "nothing left to fix: {}", v["plan"]["fixes"]);
    let warned =
        v["plan"]["warnings"].as_array().is_some_and(|w| w.iter().any(|w| w["code"] == "three_two_one_not_met"));
    assert!(!warned, "{}", v["plan"]["warnings"]);
}
