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
    // On the first guide's platform the raw zone holds less history than a rebuild of the
    // enriched zone needs: copies are then the only way back, with no break-even and no "cheaper".
    let lusty = include_str!("../../examples/lusty-reference-platform.json");
    let (code, out, _) = keel(&["plan", "--format", "table", "-"], lusty);
    assert_eq!(code, EXIT_OK);
    assert!(
        out.contains("Enriched zone (ransomware): backup & restore USD 292.40/month, the only way back: reprocessing cannot recover it (a rebuild would cost USD 145.00)."),
        "{out}"
    );
    let impossible: Vec<&str> = out.lines().filter(|l| l.contains("reprocessing cannot recover it")).collect();
    assert!(!impossible.is_empty());
    assert!(impossible.iter().all(|l| !l.contains("cheaper") && !l.contains("month ")), "{impossible:?}");
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

/// SCENARIO keeping two variants: "today" (itself) and "outage RTO 1m" (a region-outage RTO
/// no stage can meet); the working copy is today's.
fn with_variants() -> String {
    let (mut scenario, _) = format::decode(SCENARIO).expect("SCENARIO");
    let mut tight = scenario.clone();
    tight.targets.region_outage.rto_minutes = 1;
    scenario.variants =
        vec![crate::model::Variant::of("today", &scenario), crate::model::Variant::of("outage RTO 1m", &tight)];
    format::encode(&scenario, None)
}

#[test]
fn diff_of_two_variants_of_one_file_says_what_changed_and_exits_3_when_worse() {
    let file = with_variants();
    let (code, out, err) = keel(&["diff", "--variant-a", "today", "--variant-b", "outage RTO 1m", "-"], &file);
    assert_eq!(code, EXIT_CHECK_FAILED, "{err}");
    assert!(out.starts_with("Keel diff\n  A  <stdin>, variant \"today\": CLI test (USD, 36 months)\n"), "{out}");
    assert!(out.contains("  B  <stdin>, variant \"outage RTO 1m\": CLI test"), "{out}");
    // The raw zone takes dual ingest to come back sooner, and still misses 1 minute; the report
    // waits for it.
    assert!(out.contains("\nRaw zone           all           monthly     1040.60                  1340.60                  +300.00\n                   region outage strategy    Geo-replicated storage   Dual ingest\n"), "{out}");
    assert!(
        out.contains("\n                                 RTO         1h / 2d ok               15m / 1m MISS\n"),
        "{out}"
    );
    assert!(
        out.contains("\nSales report       region outage RPO         15m / 1d ok              0m / 1d ok\n"),
        "{out}"
    );
    let stages = out.lines().skip_while(|l| !l.starts_with("STAGE")).skip(1).take_while(|l| !l.is_empty());
    let disruptions: Vec<&str> =
        stages.filter_map(|l| l.get(19..32)).map(str::trim).filter(|d| !d.is_empty()).collect();
    assert_eq!(disruptions, ["all", "region outage", "region outage"], "only what differs: {out}");
    assert!(
        out.contains("First service after region outage        1h               30m              changed"),
        "{out}"
    );
    assert!(out.contains("Targets missed (stage × disruption)      0                2                +2"), "{out}");
    assert!(out.contains("Warnings only in B (2):\n  [critical] target_not_met (Raw zone; region outage): "), "{out}");
    let reasons: Vec<&str> = err.lines().collect();
    assert_eq!(reasons.len(), 3, "{err}");
    assert!(reasons[0].starts_with("keel: B is worse: 2 more targets missed (0 → 2): newly missed Raw zone (region outage), Sales report (region outage)"), "{err}");
    assert!(
        reasons[1].starts_with("keel: B is worse: new critical warning target_not_met (Raw zone; region outage): "),
        "{err}"
    );
    // The other way round B is better: exit 0, nothing on stderr.
    let (code, _, err) = keel(&["diff", "--variant-a", "outage RTO 1m", "--variant-b", "today", "-"], &file);
    assert_eq!((code, err.as_str()), (EXIT_OK, ""));
}

#[test]
fn diff_of_a_variant_with_the_working_copy_it_was_saved_from_shows_nothing() {
    let (code, out, err) = keel(&["diff", "--variant-b", "today", "-"], &with_variants());
    assert_eq!(code, EXIT_OK, "{err}");
    assert!(
        out.contains("  A  <stdin>: CLI test") && out.contains("  B  <stdin>, variant \"today\": CLI test"),
        "{out}"
    );
    assert!(out.contains("No stage's plan differs.") && out.contains("No warning differs."), "{out}");
    let totals = out.lines().skip_while(|l| !l.starts_with("TOTALS")).skip(1).take_while(|l| !l.is_empty());
    for line in totals {
        assert!(line.split("  ").filter(|c| !c.trim().is_empty()).count() == 3, "no change column: {line:?}");
    }
}

#[test]
fn diff_names_the_variant_that_is_not_there_and_those_that_are() {
    let (code, out, err) = keel(&["diff", "--variant-a", "today", "--variant-b", "RTO 4 h", "-"], &with_variants());
    assert_eq!(code, EXIT_USAGE);
    assert!(out.is_empty());
    assert_eq!(err, "keel: <stdin> has no variant \"RTO 4 h\"; its variants are \"today\", \"outage RTO 1m\"\n");
    let (code, _, err) = keel(&["diff", "--variant-a", "today", "-"], SCENARIO);
    assert_eq!(code, EXIT_USAGE);
    assert_eq!(err, "keel: <stdin> has no variant \"today\"; it keeps no variants\n");
}

#[test]
fn diff_usage_errors_exit_2() {
    for (args, says) in [
        (&["diff"][..], "missing A"),
        (&["diff", "a.json"], "missing B"),
        (&["diff", "a.json", "b.json", "c.json"], "give two scenarios at most"),
        (&["diff", "--link-a", "v1.x", "a.json", "b.json"], "give two scenarios at most"),
        (&["diff", "-", "-"], "standard input can be read once"),
        (&["diff", "--format", "xml", "a.json", "b.json"], "unknown format \"xml\""),
        (&["diff", "--format=csv", "a.json", "b.json"], "unknown format \"csv\""),
        (&["diff", "--max-increase", "10x", "a.json", "b.json"], "--max-increase: \"10x\" is not an amount"),
        (&["diff", "a.json", "b.json", "--max-increase"], "--max-increase needs an amount"),
        (&["diff", "--variant-a"], "--variant-a needs a variant's name"),
        (&["diff", "--bogus", "a.json", "b.json"], "unknown option \"--bogus\""),
    ] {
        let (code, out, err) = keel(args, "");
        assert_eq!(code, EXIT_USAGE, "{args:?}");
        assert!(out.is_empty());
        assert!(err.starts_with(&format!("keel: {says}")), "{args:?}: {err}");
        assert!(err.contains("Usage:"), "{err}");
    }
    let (code, _, err) = keel(&["diff", "/nonexistent/a.json", "-"], SCENARIO);
    assert_eq!(code, EXIT_USAGE);
    assert!(err.contains("cannot read /nonexistent/a.json"), "{err}");
    let (code, out, _) = keel(&["diff", "--help"], "");
    assert_eq!(code, EXIT_OK);
    assert!(out.contains("keel diff [OPTIONS] A B") && out.contains("--max-increase AMOUNT|PCT%"), "{out}");
}

#[test]
fn diff_of_an_invalid_side_exits_1_naming_it() {
    let (code, out, err) = keel(&["diff", "--link-a", "v1.garbage!", "-"], SCENARIO);
    assert_eq!((code, out.as_str()), (EXIT_INVALID, ""));
    assert!(err.contains("<link>") && err.contains("damaged"), "{err}");
    let (_, link, _) = keel(&["link", "-"], SCENARIO);
    let (code, _, err) = keel(&["diff", "--link-a", link.trim(), "-"], r#"{"stages":[{"id":"x","kind":"lake"}]}"#);
    assert_eq!(code, EXIT_INVALID);
    assert!(err.contains("<stdin>") && err.contains("stages[0].kind"), "{err}");
    // A variant kept with an error is a warning when the file is read, and an error when it is
    // the one compared: the message names the variant.
    let (mut scenario, _) = format::decode(SCENARIO).expect("SCENARIO");
    let mut looped = scenario.clone();
    looped.flows.push(crate::model::Flow { from: "report".into(), to: "raw".into() });
    scenario.variants = vec![crate::model::Variant::of("loop", &looped)];
    let (code, _, err) = keel(&["diff", "--variant-b", "loop", "-"], &format::encode(&scenario, None));
    assert_eq!(code, EXIT_INVALID, "{err}");
    assert!(err.starts_with("keel: <stdin>, variant \"loop\": error: flows"), "{err}");
}

#[test]
fn diff_from_a_link_to_a_file_with_a_cost_limit_in_both_forms() {
    let (_, link, _) = keel(&["link", "-"], SCENARIO);
    // The raw zone's hot storage twice as dear.
    let dearer = SCENARIO.replace(r#""flows""#, r#""overrides":{"storage.hot_gb_month":0.0368},"flows""#);
    let diff = |limit: &str| keel(&["diff", "--link-a", link.trim(), "--max-increase", limit, "-"], &dearer);
    let (code, out, err) = diff("1000");
    assert_eq!(code, EXIT_OK, "{err}");
    let monthly = out.lines().find(|l| l.starts_with("Monthly (USD)")).unwrap_or_default();
    assert_eq!(monthly, "Monthly (USD)                            1045.60          1082.40          +36.80 (+3.5%)");
    let (code, _, err) = diff("36.79");
    assert_eq!(code, EXIT_CHECK_FAILED);
    assert_eq!(err, "keel: B is worse: monthly cost rises by USD 36.80 (+3.5%), from 1045.60 to 1082.40: more than the USD 36.79 allowed\n");
    assert_eq!(diff("36.80").0, EXIT_OK, "a rise of exactly the limit is allowed");
    let (code, _, err) = diff("3%");
    assert_eq!(code, EXIT_CHECK_FAILED);
    assert!(err.ends_with("more than the 3% of A's, USD 31.37 allowed\n"), "{err}");
    assert_eq!(diff("3.6%").0, EXIT_OK);
    // Without the flag, cost never fails.
    let (code, _, _) = keel(&["diff", "--link-a", link.trim(), "-"], &dearer);
    assert_eq!(code, EXIT_OK);
}

#[test]
fn diff_as_json_is_the_comparison() {
    let (code, out, err) = keel(
        &["diff", "--format", "json", "--variant-a", "today", "--variant-b", "outage RTO 1m", "-"],
        &with_variants(),
    );
    assert_eq!(code, EXIT_CHECK_FAILED, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert_eq!((v["a"]["label"].as_str(), v["b"]["label"].as_str()), (Some("today"), Some("outage RTO 1m")));
    let raw = &v["stages"][0];
    assert_eq!(
        (raw["id"].as_str(), raw["presence"].as_str(), raw["changed"].as_bool()),
        (Some("raw"), Some("both"), Some(true))
    );
    let outage = &raw["disruptions"][1];
    assert_eq!(outage["disruption"], "region_outage");
    assert_eq!(outage["rto"]["b"], serde_json::json!({"achieved": "15m", "target": "1m", "meets": false}));
    assert_eq!(outage["backup"], serde_json::json!({"a": "No backup", "b": "No backup", "changed": false}));
    assert_eq!(raw["disruptions"][0]["changed"], false);
    assert_eq!(v["totals"]["targets_missed"], serde_json::json!({"a": 0, "b": 2, "changed": true}));
    assert_eq!(v["verdict"]["worse"], true);
    assert_eq!(v["verdict"]["reasons"].as_array().map(Vec::len), Some(3));
    assert_eq!(v["curves"][1]["disruption"], "region_outage");
    assert!(v["curves"][1]["a"]["rpo"].as_array().is_some_and(|p| !p.is_empty()));
    assert_eq!(v["curves"][1]["a"]["current"]["monthly"], 48.8);
    assert_eq!(v["warnings"]["new"][0]["code"], "target_not_met");
}

#[test]
fn the_diff_example_in_docs_cli_md_is_what_keel_prints() {
    let docs = include_str!("../../docs/cli.md");
    let at =
        docs.find("keel diff --max-increase 10% examples/lusty-reference-platform.json lake-4h.json").expect("example");
    // After the command: the end of its block, the output's block, the standard error's block.
    let blocks: Vec<&str> = docs[at..].split("```\n").collect();
    let (want_out, want_err) = (blocks[2], blocks[4]);
    // What the example's jq writes: the lake zones back within 4 h after ransomware.
    let (mut b, _) = format::decode(include_str!("../../examples/lusty-reference-platform.json")).expect("example");
    for s in b.stages.iter_mut().filter(|s| ["raw", "enriched", "curated"].contains(&s.id.as_str())) {
        let targets = s.targets.as_mut().expect("the zones have their own targets");
        targets.ransomware = Some(crate::model::Target { rpo_minutes: 1440, rto_minutes: 240 });
    }
    b.name = "Lake back in 4 h after ransomware".into();
    let (code, out, err) = keel(
        &["diff", "--max-increase", "10%", "examples/lusty-reference-platform.json", "-"],
        &format::encode(&b, None),
    );
    assert_eq!(code, EXIT_CHECK_FAILED, "{err}");
    assert_eq!(out.replacen("  B  <stdin>:", "  B  lake-4h.json:", 1), want_out, "docs/cli.md's example output");
    assert_eq!(err, want_err, "docs/cli.md's example standard error");
}
