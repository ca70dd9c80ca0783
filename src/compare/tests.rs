//! Comparisons of the reference platforms with variants of themselves: what changes, and only
//! that; added and removed stages; the verdict's three reasons; the cells' text.

use super::*;
use crate::engine::plan;
use crate::format::decode;
use crate::model::Target;

fn example(name: &str) -> Scenario {
    let text = match name {
        "lusty" => include_str!("../../examples/lusty-reference-platform.json"),
        _ => include_str!("../../examples/operations-reference-platform.json"),
    };
    decode(text).unwrap_or_else(|e| panic!("{name}: {e}")).0
}

/// Stage `id` of `s`.
fn stage<'a>(s: &'a mut Scenario, id: &str) -> &'a mut crate::model::Stage {
    s.stages.iter_mut().find(|st| st.id == id).unwrap_or_else(|| panic!("no stage {id}"))
}

/// Sets stage `id`'s target for `disruption` (its own targets, from the scenario's if it has
/// none).
fn target(s: &mut Scenario, id: &str, disruption: Disruption, t: Target) {
    let defaults = s.targets;
    *stage(s, id).targets.get_or_insert(defaults).get_mut(disruption) = t;
}

/// Every changed stage row, and in it every changed cell: `raw: monthly`,
/// `raw/ransomware: backup rto monthly`, `new: added`.
fn changes(c: &Comparison) -> Vec<String> {
    let mut out = Vec::new();
    for s in c.stages.iter().filter(|s| s.changed) {
        let mut whole = Vec::new();
        match s.presence {
            Presence::Added => whole.push("added"),
            Presence::Removed => whole.push("removed"),
            Presence::Both => {}
        }
        if s.service.changed {
            whole.push("service");
        }
        if s.monthly.changed {
            whole.push("monthly");
        }
        if !whole.is_empty() {
            out.push(format!("{}: {}", s.id, whole.join(" ")));
        }
        for r in s.disruptions.iter().filter(|r| r.changed) {
            let cells = [
                ("backup", r.backup.changed),
                ("strategy", r.strategy.changed),
                ("copies_in", r.copies_in.changed),
                ("rpo", r.rpo.changed),
                ("rto", r.rto.changed),
                ("recent", r.recent.changed),
                ("monthly", r.monthly.changed),
            ];
            let cells: Vec<&str> = cells.iter().filter(|(_, c)| *c).map(|(n, _)| *n).collect();
            out.push(format!("{}/{}: {}", s.id, r.disruption.key(), cells.join(" ")));
        }
    }
    out
}

/// A: the example's working copy; B: it changed by `edit`; compared with `limit`.
fn compared(name: &str, edit: impl Fn(&mut Scenario), limit: Option<CostLimit>) -> Comparison {
    let a = example(name);
    let mut b = a.clone();
    edit(&mut b);
    let (plan_a, plan_b) = (plan(&a), plan(&b));
    assert!(!plan_b.has_errors(), "B must plan: {:?}", plan_b.diagnostics);
    compare(Side { label: "A", scenario: &a, plan: &plan_a }, Side { label: "B", scenario: &b, plan: &plan_b }, limit)
}

/// `plan` of `scenario` as a side.
fn side<'a>(scenario: &'a Scenario, plan: &'a Plan) -> Side<'a> {
    Side { label: "x", scenario, plan }
}

/// What a comparison must show: its changed rows and cells (exactly), and the start of each
/// reason B is worse (none: it is not).
struct Expect<'a> {
    changes: &'a [&'a str],
    worse: &'a [&'a str],
}

fn check(name: &str, edit: impl Fn(&mut Scenario), limit: Option<CostLimit>, expect: Expect<'_>) -> Comparison {
    let c = compared(name, edit, limit);
    assert_eq!(changes(&c), expect.changes, "changed rows");
    let reasons = &c.verdict.reasons;
    assert_eq!(reasons.len(), expect.worse.len(), "reasons: {reasons:#?}");
    for (got, want) in reasons.iter().zip(expect.worse) {
        assert!(got.starts_with(want), "reason {got:?} should start with {want:?}");
    }
    assert_eq!(c.verdict.worse, !expect.worse.is_empty());
    c
}

#[test]
fn an_identical_pair_has_no_changed_row_and_is_not_worse() {
    for name in ["lusty", "operations"] {
        let c = check(name, |_| {}, Some(CostLimit::Amount(0.0)), Expect { changes: &[], worse: &[] });
        assert!(!c.changed(), "{name}");
        assert!(c.warnings.new.is_empty() && c.warnings.gone.is_empty());
        assert_eq!(c.stages.len(), plan(&example(name)).stages.len(), "every stage has its row");
        assert!(c.stages.iter().all(|s| s.presence == Presence::Both));
        assert_eq!(c.totals.monthly.delta_text.as_deref(), Some("0.00"));
        assert_eq!(c.curves.len(), 3);
        assert!(c.curves.iter().all(|f| f.a == f.b && f.a.is_some()), "the same fronts on both sides");
    }
}

const DAY: u32 = 24 * 60;

#[test]
fn a_looser_rto_changes_the_strategy_and_cost_of_the_stage_it_is_set_on_and_nothing_else() {
    // The modeled data sets may take 2 days to come back after ransomware (8 h today): a copy
    // kept out of reach is no longer needed, they can be rebuilt.
    let c = check(
        "lusty",
        |s| target(s, "modeled", Disruption::Ransomware, Target { rpo_minutes: DAY, rto_minutes: 2 * DAY }),
        None,
        Expect {
            changes: &["modeled: monthly", "modeled/ransomware: backup strategy copies_in rto monthly"],
            worse: &[],
        },
    );
    assert!(c.changed());
    let row = c.stages.iter().find(|s| s.id == "modeled").expect("modeled");
    let r = &row.disruptions[Disruption::Ransomware.index()];
    assert_eq!(r.strategy.a.as_deref(), Some("Backup & restore"));
    assert_ne!(r.strategy.a, r.strategy.b);
    assert!(r.monthly.delta.is_some_and(|d| d < 0.0), "{:?}", r.monthly);
    assert_eq!(c.totals.monthly.delta, r.monthly.delta, "the platform saves what the stage saves");
    // It missed 8 h (9h 26m); it meets 2 days.
    assert_eq!((c.totals.targets_missed.a - 1, c.totals.targets_missed.b), (12, 12));
}

#[test]
fn a_tighter_rto_reaches_the_stages_downstream_too() {
    // The enriched zone back within 4 h after ransomware: dated full copies instead of
    // incremental ones, still too slow after the 8 h triage; the curated zone, rebuilt from
    // it, comes back at another time.
    let c = check(
        "lusty",
        |s| target(s, "enriched", Disruption::Ransomware, Target { rpo_minutes: DAY, rto_minutes: 240 }),
        None,
        Expect {
            changes: &["enriched: monthly", "enriched/ransomware: backup rto monthly", "curated/ransomware: rto"],
            worse: &[
                "1 more target missed (13 → 14): newly missed Enriched zone (ransomware)",
                "new critical warning target_not_met (Enriched zone; ransomware)",
            ],
        },
    );
    let curated = c.stages.iter().find(|s| s.id == "curated").expect("curated");
    let rto = &curated.disruptions[Disruption::Ransomware.index()].rto;
    assert_eq!(
        (rto.a.as_ref().map(|r| r.target.as_str()), rto.b.as_ref().map(|r| r.target.as_str())),
        (Some("1d"), Some("1d"))
    );
    assert_ne!(rto.a.as_ref().map(|r| &r.achieved), rto.b.as_ref().map(|r| &r.achieved), "only when it is back");
}

#[test]
fn stages_only_in_a_are_removed_and_only_in_b_added_after_a_s() {
    // Without the archive (and its flow), with a data-quality rules repository beside the
    // notebooks: the archive's rows are removed, the repository's added, nothing else moves
    // but the warnings that list every stage of a kind.
    let c = check(
        "lusty",
        |s| {
            s.stages.retain(|st| st.id != "archive");
            s.flows.retain(|f| f.to != "archive");
            let mut rules = crate::model::Stage::new("dq_rules", crate::model::StageKind::Scripts);
            rules.label = "Data-quality rules".into();
            rules.service = Some("git_repository".into());
            s.stages.insert(3, rules);
        },
        None,
        Expect {
            changes: &[
                "archive: removed service monthly",
                "archive/data_corruption: backup strategy rpo rto monthly",
                "archive/region_outage: backup strategy rpo rto monthly",
                "archive/ransomware: backup strategy copies_in rpo rto monthly",
                "dq_rules: added service monthly",
                "dq_rules/data_corruption: backup strategy rpo rto monthly",
                "dq_rules/region_outage: backup strategy rpo rto monthly",
                "dq_rules/ransomware: backup strategy copies_in rpo rto monthly",
            ],
            worse: &[],
        },
    );
    let ids: Vec<&str> = c.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.last(), Some(&"dq_rules"), "added stages come after A's");
    let archive = c.stages.iter().find(|s| s.id == "archive").expect("archive");
    assert_eq!(
        (archive.presence, archive.name.as_str()),
        (Presence::Removed, "Sales history archive (Blob archive tier)")
    );
    assert!(archive.disruptions.iter().all(|r| r.backup.b.is_none() && r.rto.b.is_none() && r.monthly.b.is_none()));
    let rules = c.stages.iter().find(|s| s.id == "dq_rules").expect("dq_rules");
    assert_eq!((rules.presence, rules.kind), (Presence::Added, "Prep & train scripts"));
    assert!(rules.disruptions.iter().all(|r| r.strategy.a.is_none() && r.strategy.b.as_deref() == Some("Redeploy")));
    // The archive missed its ransomware RTO (1d 3h against 1d); the repository, on the
    // scenario's targets (a day), meets them all: one target fewer is missed, which is not worse.
    assert_eq!((c.totals.targets_missed.a, c.totals.targets_missed.b), (13, 12));
    let gone: Vec<&str> = c.warnings.gone.iter().map(|w| w.code.key()).collect();
    assert!(gone.contains(&"target_not_met"), "{gone:?}");
}

/// A price rise: object storage's hot tier a quarter dearer.
fn dearer_storage(s: &mut Scenario) {
    s.overrides.insert("storage.hot_gb_month".into(), 0.0184 * 1.25);
}

#[test]
fn a_cost_rise_is_worse_only_over_max_increase_in_either_form() {
    let c = compared("lusty", dearer_storage, None);
    assert!(!c.verdict.worse, "without a limit cost never makes B worse: {:?}", c.verdict.reasons);
    let delta = c.totals.monthly.delta.expect("both sides");
    let a = c.totals.monthly.a.expect("A");
    assert!(delta > 1.0, "the example keeps hot data: {delta}");
    assert!(!c.totals.targets_missed.changed && c.warnings.new.is_empty(), "only the cost changes");
    let percent = delta / a * 100.0;
    for (limit, worse) in [
        (CostLimit::Amount(delta), false),
        (CostLimit::Amount(delta - 0.01), true),
        (CostLimit::Amount(0.0), true),
        (CostLimit::Percent(percent + 0.01), false),
        (CostLimit::Percent(percent - 0.01), true),
        (CostLimit::Percent(0.0), true),
    ] {
        let c = compared("lusty", dearer_storage, Some(limit));
        assert_eq!(c.verdict.worse, worse, "{limit:?}: {:?}", c.verdict.reasons);
        if worse {
            assert_eq!(c.verdict.reasons.len(), 1);
            let reason = &c.verdict.reasons[0];
            assert!(
                reason.starts_with(&format!("monthly cost rises by USD {}", crate::text::Cents(delta))),
                "{reason}"
            );
            assert!(reason.contains("allowed"), "{reason}");
        }
    }
    // A fall is never worse, whatever the limit.
    let a = example("lusty");
    let mut b = a.clone();
    dearer_storage(&mut b);
    let (plan_a, plan_b) = (plan(&a), plan(&b));
    let cheaper = compare(
        Side { label: "dearer", scenario: &b, plan: &plan_b },
        Side { label: "today", scenario: &a, plan: &plan_a },
        Some(CostLimit::Amount(0.0)),
    );
    assert!(!cheaper.verdict.worse, "{:?}", cheaper.verdict.reasons);
    assert_eq!(cheaper.totals.monthly.delta, Some(-delta));
}

#[test]
fn a_new_critical_warning_is_worse_and_a_new_lesser_one_is_not() {
    // The publish area's service is not offered in the paired region: critical after an outage.
    let c = compared(
        "operations",
        |s| {
            stage(s, "publish").available_in_secondary = false;
        },
        None,
    );
    let new: Vec<(&str, Level)> = c.warnings.new.iter().map(|w| (w.code.key(), w.level)).collect();
    assert!(new.contains(&("service_not_in_secondary", Level::Critical)), "{new:?}");
    assert!(c.verdict.worse);
    assert!(
        c.verdict.reasons.iter().any(|r| r.starts_with("new critical warning service_not_in_secondary (Publish")),
        "{:?}",
        c.verdict.reasons
    );
    // The same plans with one more warning of each level, and nothing else.
    let a = example("operations");
    let plan_a = plan(&a);
    for (level, worse) in [(Level::Critical, true), (Level::Warning, false), (Level::Info, false)] {
        let mut plan_b = plan_a.clone();
        plan_b.warnings.push(crate::engine::Warning {
            code: WarningCode::RestoreNeverTested,
            level,
            stages: vec!["publish".into()],
            disruption: Some(Disruption::Ransomware),
            message: "Test.".into(),
        });
        let c = compare(side(&a, &plan_a), side(&a, &plan_b), None);
        assert_eq!(c.verdict.worse, worse, "{level:?}");
        assert_eq!(c.warnings.new.len(), 1);
        assert!(c.warnings.gone.is_empty());
        assert_eq!(c.totals.critical_warnings.changed, worse);
        if worse {
            assert_eq!(
                c.verdict.reasons,
                ["new critical warning restore_never_tested (Publish area: data marts (Synapse); ransomware): Test."]
            );
        }
        // Seen from B, the warning is gone: never a reason.
        let back = compare(side(&a, &plan_b), side(&a, &plan_a), None);
        assert!(!back.verdict.worse && back.warnings.gone.len() == 1 && back.warnings.new.is_empty());
    }
}

#[test]
fn a_warning_whose_message_changes_is_the_same_warning() {
    let a = example("lusty");
    let plan_a = plan(&a);
    let mut plan_b = plan_a.clone();
    let w = plan_b.warnings.iter_mut().find(|w| w.level == Level::Critical).expect("the example has one");
    w.message.push_str(" Other figures.");
    let c = compare(side(&a, &plan_a), side(&a, &plan_b), None);
    assert!(c.warnings.new.is_empty() && c.warnings.gone.is_empty() && !c.verdict.worse);
    // Twice the same warning in B against once in A: one is new.
    let copy = plan_b.warnings[0].clone();
    plan_b.warnings.push(copy);
    assert_eq!(compare(side(&a, &plan_a), side(&a, &plan_b), None).warnings.new.len(), 1);
}

#[test]
fn more_targets_missed_is_worse_and_fewer_is_not() {
    let a = example("lusty");
    let plan_a = plan(&a);
    let mut plan_b = plan_a.clone();
    let raw = plan_b.stages.iter_mut().find(|s| s.id == "raw").expect("raw");
    raw.recommendations[Disruption::RegionOutage.index()].meets_rto = false;
    let c = compare(side(&a, &plan_a), side(&a, &plan_b), None);
    assert_eq!(changes(&c), ["raw/region_outage: rto"]);
    assert_eq!(c.verdict.reasons, ["1 more target missed (13 → 14): newly missed Raw zone (region outage)"]);
    let back = compare(side(&a, &plan_b), side(&a, &plan_a), None);
    assert!(!back.verdict.worse, "{:?}", back.verdict.reasons);
    assert_eq!((back.totals.targets_missed.a, back.totals.targets_missed.b), (14, 13));
}

#[test]
fn cells_write_both_sides_and_the_change() {
    // (a, b) → (a_text, b_text, delta_text, percent_text, changed)
    type Want = (Option<&'static str>, Option<&'static str>, Option<&'static str>, Option<&'static str>, bool);
    let cases: [(Option<f64>, Option<f64>, Want); 8] = [
        (Some(100.0), Some(126.31), (Some("100.00"), Some("126.31"), Some("+26.31"), Some("+26.3%"), true)),
        (Some(100.0), Some(97.0), (Some("100.00"), Some("97.00"), Some("-3.00"), Some("-3%"), true)),
        (Some(5.0), Some(5.0), (Some("5.00"), Some("5.00"), Some("0.00"), Some("0%"), false)),
        // Less than a cent apart: the same amount, and no `-0.00`.
        (Some(5.001), Some(4.999), (Some("5.00"), Some("5.00"), Some("0.00"), Some("0%"), false)),
        (Some(0.0), Some(12.5), (Some("0.00"), Some("12.50"), Some("+12.50"), None, true)),
        (None, Some(12.5), (None, Some("12.50"), None, None, true)),
        (Some(12.5), None, (Some("12.50"), None, None, None, true)),
        (None, None, (None, None, None, None, false)),
    ];
    for (a, b, want) in cases {
        let m = Money::new(a, b);
        let got =
            (m.a_text.as_deref(), m.b_text.as_deref(), m.delta_text.as_deref(), m.percent_text.as_deref(), m.changed);
        assert_eq!(got, want, "{a:?} → {b:?}");
    }
    let reach = |m: Option<f64>, t: u32| Reach::new(m, t, true, false);
    assert_eq!(reach(Some(171.0), 1440).achieved, "2h 51m");
    assert_eq!(reach(None, 240).achieved, "never");
    assert_eq!(reach(None, 240).target, "4h");
    assert!(!Achieved::new(Some(reach(Some(60.2), 60)), Some(reach(Some(59.9), 60))).changed, "1h both");
    assert!(Achieved::new(Some(reach(Some(60.0), 60)), Some(reach(Some(60.0), 240))).changed, "the target moved");
    assert!(Text::new(Some("Git".into()), None).changed && !Text::new(None, None).changed);
}

#[test]
fn cost_limits_read_amounts_and_percentages() {
    let cases: [(&str, Result<CostLimit, ()>); 9] = [
        ("500", Ok(CostLimit::Amount(500.0))),
        ("1,250.50", Ok(CostLimit::Amount(1250.5))),
        ("0", Ok(CostLimit::Amount(0.0))),
        ("10%", Ok(CostLimit::Percent(10.0))),
        (" 2.5 %", Ok(CostLimit::Percent(2.5))),
        ("-5", Err(())),
        ("10x", Err(())),
        ("%", Err(())),
        ("", Err(())),
    ];
    for (text, want) in cases {
        assert_eq!(CostLimit::parse(text).map_err(|_| ()), want, "{text:?}");
    }
    assert!(CostLimit::parse("ten").is_err_and(|e| e.contains("\"ten\"") && e.contains("10%")));
    assert_eq!(CostLimit::Percent(10.0).allowed(8473.69), 847.37);
    assert_eq!(CostLimit::Amount(0.004).allowed(8473.69), 0.0);
    assert_eq!(
        (CostLimit::Amount(500.0).to_string(), CostLimit::Percent(2.5).to_string()),
        ("500.00".into(), "2.5%".into())
    );
}
