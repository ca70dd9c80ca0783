//! The SLA statement on both reference platforms, against the plan's own figures: every number
//! a sentence says is looked up in the plan here (the timeline's phases, the recommendation's
//! verdicts), never written down. A few cases say what a missed target, a stage that cannot come
//! back, a platform without reports and ransomware's triage read like.

use super::*;
use crate::engine::{plan, Recommendation};
use crate::model::{Flow, Stage, Target, Targets};

fn example(text: &str) -> Scenario {
    crate::format::decode(text).map(|(s, _)| s).unwrap_or_else(|e| panic!("{e}"))
}

fn lusty() -> Scenario {
    example(include_str!("../../../examples/lusty-reference-platform.json"))
}

fn operations() -> Scenario {
    example(include_str!("../../../examples/operations-reference-platform.json"))
}

/// The recommendation and timeline entry of stage `id` after `d`.
fn planned<'a>(p: &'a Plan, id: &str, d: Disruption) -> (&'a Recommendation, &'a StageTimeline) {
    let rec = p.stage(id).and_then(|s| s.recommendation(d)).expect("recommendation");
    let t = p.pipeline.timeline(d).and_then(|t| t.stage(id)).expect("timeline");
    (rec, t)
}

/// Every level of `scenario`'s statement against its plan: the figures, the verdicts, and the
/// words each figure and each missed target gets in the sentence and the document.
fn check_against_the_plan(scenario: &Scenario) {
    let p = plan(scenario);
    let sla = sla_statement(scenario, &p);
    let md = sla_markdown(&sla);
    assert_eq!(sla.sections.len(), Disruption::COUNT);
    for section in &sla.sections {
        let d = section.disruption;
        let timeline = p.pipeline.timeline(d).expect("timeline");
        assert_eq!(section.first_service_minutes, timeline.first_service_minutes);
        assert_eq!(section.full_restore_minutes, timeline.full_restore_minutes);
        // The users' stages: reports, models, warehouses and marts, reports first.
        let expected: Vec<&str> = [StageKind::Report, StageKind::Model, StageKind::Presentation]
            .iter()
            .flat_map(|k| p.stages.iter().filter(move |s| s.kind == *k).map(|s| s.id.as_str()))
            .collect();
        let ids: Vec<&str> = section.levels.iter().map(|l| l.stage.as_str()).collect();
        assert_eq!(ids, expected, "{d:?}");
        for level in &section.levels {
            let (rec, t) = planned(&p, &level.stage, d);
            let back = rec.recent.map_or(t.serving_minutes(), |r| r.back_minutes);
            assert_eq!(level.back_within, back, "{}", level.stage);
            assert_eq!(level.full_within, rec.completion_minutes, "{}", level.stage);
            assert_eq!(level.full_within, t.completion_minutes, "{}", level.stage);
            assert_eq!(level.data_age, rec.effective_rpo_minutes, "{}", level.stage);
            assert_eq!((level.full_target, level.full_met), (rec.target.rto_minutes, rec.meets_rto));
            assert_eq!(level.met(), rec.meets(), "{}: the statement's verdict is the plan's", level.stage);
            let sentence = level.sentence();
            assert!(sentence.starts_with(heading(d)), "{sentence}");
            let back = level.back_within.expect("the reference platforms recover every stage");
            let full = level.full_within.expect("complete");
            assert!(sentence.contains(&format!("within {}", Mins(back))), "{sentence}");
            if level.divided() {
                assert!(sentence.contains(&format!("; the full history within {}", Mins(full))), "{sentence}");
            } else {
                assert!(sentence.contains(", full history included"), "{sentence}");
                assert_eq!(Mins(back).to_string(), Mins(full).to_string());
            }
            let age = level.data_age.expect("every stage keeps a recovery point");
            assert!(sentence.contains(&format!("up to the last {} of data may be missing", Mins(age))), "{sentence}");
            // Each missed target is said, with the target; a met one is not.
            let misses = [
                (!rec.meets_rto, rec.target.rto_minutes),
                (!rec.meets_rpo, rec.target.rpo_minutes),
                (rec.recent.is_some_and(|r| !r.meets_rto), rec.recent.map_or(0, |r| r.target.rto_minutes)),
            ];
            for (missed, target) in misses.into_iter().filter(|m| m.0) {
                assert!(missed && sentence.contains(&format!(" {}", Whole(target))), "{target}: {sentence}");
            }
            assert_eq!(sentence.contains("— the target"), !level.met(), "{sentence}");
            // The document says the same, after the stage's name.
            let mut body = String::new();
            level.write_body(&mut body, &|n| escape_markdown(n));
            assert!(md.contains(&format!("- **{}**: {body}\n", escape_markdown(&level.name))), "{body}");
        }
    }
    assert!(md.contains("they are not a contract"));
}

#[test]
fn the_lusty_platform_says_the_plans_figures() {
    check_against_the_plan(&lusty());
}

#[test]
fn the_operations_platform_says_the_plans_figures() {
    check_against_the_plan(&operations());
}

#[test]
fn first_service_is_the_latest_serving_stage_back() {
    // The helper the statement reads is the engine's own measure of first service.
    for scenario in [lusty(), operations()] {
        let p = plan(&scenario);
        for t in &p.pipeline.timelines {
            let latest = t
                .serving
                .iter()
                .map(|id| t.stage(id).and_then(StageTimeline::serving_minutes).unwrap_or(f64::INFINITY))
                .fold(0.0, f64::max);
            assert_eq!(t.first_service_minutes, latest.is_finite().then_some(latest), "{:?}", t.disruption);
        }
    }
}

#[test]
fn a_missed_target_is_said_with_the_target() {
    let s = lusty();
    let p = plan(&s);
    let sla = sla_statement(&s, &p);
    let report = |d: Disruption| {
        let section = sla.section(d).expect("section");
        section.levels.iter().find(|l| l.stage == "report").expect("report").clone()
    };
    // The reports' data comes from a daily refresh: a 1 h RPO after a corruption cannot hold.
    let (rec, _) = planned(&p, "report", Disruption::DataCorruption);
    assert!(!rec.meets_rpo && rec.meets_rto);
    let after = report(Disruption::DataCorruption);
    assert!(!after.data_met && after.full_met);
    assert_eq!(
        after.sentence(),
        format!(
            "After data corruption or a bad change, expect Sales reports (Power BI) back within {}, full history \
             included; up to the last {} of data may be missing — the target is 1h.",
            Mins(rec.completion_minutes.expect("back")),
            Mins(rec.effective_rpo_minutes.expect("a point"))
        )
    );
    // After ransomware the 8 h triage makes the reports late too.
    let (rec, _) = planned(&p, "report", Disruption::Ransomware);
    assert!(!rec.meets_rto);
    let after = report(Disruption::Ransomware);
    assert!(
        after.sentence().contains(&format!(
            "within {}, full history included — the target is 4h;",
            Mins(rec.completion_minutes.expect("back"))
        )),
        "{}",
        after.sentence()
    );
    // The warehouse's newest 30 days miss their 45 m target after ransomware; its full history its 8 h.
    let section = sla.section(Disruption::Ransomware).expect("ransomware");
    let warehouse = section.levels.iter().find(|l| l.stage == "warehouse").expect("warehouse");
    let (rec, _) = planned(&p, "warehouse", Disruption::Ransomware);
    let recent = rec.recent.expect("a recent-data target");
    assert_eq!((warehouse.back_target, warehouse.back_met), (Some(45), Some(false)));
    assert!(warehouse.sentence().contains(&format!(
        "back with its newest 30 days within {} — the target is 45m; the full history within {} — the target is 8h;",
        Mins(recent.back_minutes.expect("back")),
        Mins(rec.completion_minutes.expect("complete"))
    )));
    assert!(!sla.all_met());
}

#[test]
fn ransomware_times_include_the_triage_and_say_so() {
    let mut s = lusty();
    let p = plan(&s);
    let sla = sla_statement(&s, &p);
    let section = sla.section(Disruption::Ransomware).expect("ransomware");
    assert_eq!(section.triage_minutes, Some(480.0));
    assert!(section.levels.iter().all(|l| l.back_within.is_some_and(|b| b >= 480.0)), "{section:#?}");
    for d in [Disruption::DataCorruption, Disruption::RegionOutage] {
        assert_eq!(sla.section(d).and_then(|s| s.triage_minutes), None);
    }
    let md = sla_markdown(&sla);
    assert!(md.contains("the plan allows 8h for that, and every time below includes it"), "{md}");
    assert_eq!(md.matches("the plan allows").count(), 1, "only after ransomware");
    // A rehearsed team's 2 h: the statement follows the price book the plan used.
    s.overrides.insert("delay.attack_triage_minutes".into(), 120.0);
    let p2 = plan(&s);
    let faster = sla_statement(&s, &p2);
    let section2 = faster.section(Disruption::Ransomware).expect("ransomware");
    assert_eq!(section2.triage_minutes, Some(120.0));
    assert!(sla_markdown(&faster).contains("the plan allows 2h for that"));
    let back = |sec: &SlaSection| sec.levels.iter().find(|l| l.stage == "report").and_then(|l| l.back_within);
    assert!(back(section2) < back(section), "{:?} < {:?}", back(section2), back(section));
}

/// A raw zone whose copies are kept a week, a report reading from it, and a corruption found two
/// weeks late: no clean copy is left, so the raw zone cannot be restored nor the report served.
fn nothing_clean_left() -> Scenario {
    let mut raw = Stage::new("raw", StageKind::Raw);
    raw.label = "Raw *zone*".into();
    raw.backup_retention_days = 7;
    raw.recreatable = false;
    let mut report = Stage::new("report", StageKind::Report);
    report.label = "Sales [reports]".into();
    Scenario {
        name: "Late".into(),
        stages: vec![raw, report],
        flows: vec![Flow { from: "raw".into(), to: "report".into() }],
        detection_delay_days: Some(14),
        ..Scenario::default()
    }
}

#[test]
fn a_stage_back_without_its_data_says_so() {
    let s = nothing_clean_left();
    let p = plan(&s);
    let sla = sla_statement(&s, &p);
    let section = sla.section(Disruption::DataCorruption).expect("corruption");
    let report = &section.levels[0];
    assert_eq!(report.stage, "report");
    let (_, t) = planned(&p, "report", Disruption::DataCorruption);
    assert_eq!(report.data_age, t.effective_rpo_minutes);
    // Redeployed in time, but with nothing from before the corruption to serve.
    assert_eq!(report.data_age, None, "{report:#?}");
    assert!(report.full_met && !report.data_met);
    assert_eq!(
        report.sentence(),
        format!(
            "After data corruption or a bad change, expect Sales [reports] back within {}, but with none of its data \
             from before the disruption — the target is 1d.",
            Mins(t.completion_minutes.expect("redeployed"))
        )
    );
    let md = sla_markdown(&sla);
    assert!(md.contains(r"- **Sales \[reports\]**: "), "{md}");
    assert!(!md.contains("[reports]"), "user text is escaped: {md}");
}

#[test]
fn a_stage_without_a_way_back_names_what_it_waits_for() {
    // The plan's own words when a timeline has no completion: built by hand, as no catalogue
    // service lacks every option today.
    let t = |id: &str, own: Option<f64>, done: Option<f64>, waits: &[&str]| StageTimeline {
        id: id.into(),
        waits_for: waits.iter().map(|&w| w.into()).collect(),
        critical_upstream: None,
        own_minutes: own,
        hot: None,
        full: crate::engine::Phase { start_minutes: None, end_minutes: done },
        catch_up: None,
        completion_minutes: done,
        fastest_minutes: done,
        deadline_minutes: None,
        effective_rpo_minutes: None,
        rpo_limited_by: None,
    };
    let timeline = Timeline {
        disruption: Disruption::RegionOutage,
        first_service_minutes: None,
        full_restore_minutes: None,
        first_service_target_minutes: None,
        first_service_met: None,
        serving: vec!["report".into()],
        critical_path: Vec::new(),
        unrecoverable: vec!["lake".into(), "model".into(), "report".into()],
        stages: vec![
            t("lake", None, None, &[]),
            t("model", Some(60.0), None, &["lake"]),
            t("report", Some(30.0), None, &["model"]),
        ],
    };
    assert_eq!(blocked_by(&timeline, &timeline.stages[2]), vec!["lake".to_string()]);
    assert!(blocked_by(&timeline, &timeline.stages[0]).is_empty(), "no way back of its own");
    let level = ServiceLevel {
        stage: "report".into(),
        name: "Reports".into(),
        disruption: Disruption::RegionOutage,
        back_within: None,
        newest_days: None,
        full_within: None,
        data_age: None,
        back_target: None,
        back_met: None,
        full_target: 240,
        full_met: false,
        data_target: 60,
        data_met: false,
        blocked_by: vec!["Lake".into()],
    };
    assert_eq!(
        level.sentence(),
        "After the loss of the primary region, Reports cannot be brought back as planned: it waits for Lake, which \
         the plan cannot recover."
    );
    let alone = ServiceLevel { blocked_by: Vec::new(), ..level };
    assert!(alone.sentence().ends_with("as planned: the plan has no way to recover it."));
}

#[test]
fn without_reports_the_statement_is_about_the_last_stages_of_the_flow() {
    let mut lake = Stage::new("lake", StageKind::Curated);
    lake.label = "Curated lake".into();
    lake.volume_gb = 500.0;
    let raw = Stage::new("raw", StageKind::Raw);
    let s = Scenario {
        stages: vec![raw, lake],
        flows: vec![Flow { from: "raw".into(), to: "lake".into() }],
        targets: Targets { data_corruption: Target { rpo_minutes: 1440, rto_minutes: 1 }, ..Targets::default() },
        ..Scenario::default()
    };
    let p = plan(&s);
    let sla = sla_statement(&s, &p);
    for section in &sla.sections {
        let ids: Vec<&str> = section.levels.iter().map(|l| l.stage.as_str()).collect();
        assert_eq!(ids, ["lake"], "{:?}: the stage nothing reads from", section.disruption);
    }
    let corruption = &sla.section(Disruption::DataCorruption).expect("corruption").levels[0];
    assert!(!corruption.full_met);
    assert!(corruption.sentence().contains("— the target is 1m"), "{}", corruption.sentence());
    assert_eq!(sla.platform, "Untitled platform");
    assert!(sla_markdown(&sla).starts_with("# Service levels: Untitled platform\n"));
}

#[test]
fn one_disruption_alone() {
    let s = lusty();
    let sla = sla_statement(&s, &plan(&s));
    let outage = sla.only(Disruption::RegionOutage);
    let md = sla_markdown(&outage);
    assert_eq!(outage.sections.len(), 1);
    assert!(md.contains("## After the loss of the primary region") && !md.contains("## After ransomware"), "{md}");
    assert!(md.starts_with(r"# Service levels: The Data Platform \(Lusty reference\)"));
}

#[test]
fn missed_targets_are_found_in_the_text_for_the_view_to_mark() {
    let text = "back within 8h 46m, full history included — the target is 4h; up to the last 1d of data may be \
                missing — the target is 1h.";
    assert_eq!(
        miss_runs(text),
        [
            ("back within 8h 46m, full history included", false),
            (" — the target is 4h", true),
            ("; up to the last 1d of data may be missing", false),
            (" — the target is 1h", true),
            (".", false),
        ]
    );
    assert_eq!(miss_runs("back within 2h; no data is lost."), [("back within 2h; no data is lost.", false)]);
    assert_eq!(
        miss_runs("back within 9h — the targets are 45m for its newest 30 days and 8h for all of it"),
        [("back within 9h", false), (" — the targets are 45m for its newest 30 days and 8h for all of it", true)]
    );
    // On both platforms: the runs put together are the text, and a line has a marked run exactly
    // when it misses a target.
    for s in [lusty(), operations()] {
        let sla = sla_statement(&s, &plan(&s));
        for level in sla.sections.iter().flat_map(|x| &x.levels) {
            let body = level.body();
            let runs = miss_runs(&body);
            assert_eq!(runs.iter().map(|r| r.0).collect::<String>(), body);
            assert_eq!(runs.iter().any(|r| r.1), !level.met(), "{body}");
        }
    }
}
