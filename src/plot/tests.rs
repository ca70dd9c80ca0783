//! Tests of the plots: each SVG holds the series the plan says, at the pixels the frame puts
//! them; user text is escaped; no plan makes a plot panic.

use super::frame::{self, Frame};
use super::*;
use crate::format::decode;
use crate::model::{synthetic, Disruption, Scenario};
use proptest::prelude::*;

fn example(text: &str) -> Scenario {
    decode(text).map(|(s, _)| s).unwrap_or_else(|e| panic!("{e}"))
}

fn lusty() -> Scenario {
    example(include_str!("../../examples/lusty-reference-platform.json"))
}

/// The `points` attributes of the polylines drawn in `color` (e.g. `#0F3D5E`).
fn polylines(svg: &str, color: &str) -> Vec<Vec<(i32, i32)>> {
    svg.lines()
        .filter(|l| l.starts_with("<polyline") && l.contains(&format!("stroke=\"{color}\"")))
        .filter_map(|l| {
            let rest = &l[l.find("points=\"")? + 8..];
            let pts = &rest[..rest.find('"')?];
            Some(
                pts.split_whitespace()
                    .filter_map(|p| {
                        let (x, y) = p.split_once(',')?;
                        Some((x.parse().ok()?, y.parse().ok()?))
                    })
                    .collect(),
            )
        })
        .collect()
}

/// The centres of the current plan's rings outlined in `color` (the legend's ring is smaller; a
/// comparison's second ring is wider).
fn circles(svg: &str, color: &str) -> Vec<(i32, i32)> {
    let attr = |l: &str, name: &str| -> Option<i32> {
        let rest = &l[l.find(&format!(" {name}=\""))? + name.len() + 3..];
        rest[..rest.find('"')?].parse().ok()
    };
    svg.lines()
        .filter(|l| l.starts_with("<circle") && l.contains(&format!("stroke=\"{color}\"")))
        .filter(|l| attr(l, "r").is_some_and(|r| r == frame::RING || r == frame::RING + 4))
        .filter_map(|l| Some((attr(l, "cx")?, attr(l, "cy")?)))
        .collect()
}

/// The frame of the two cost plots, rebuilt from the SVG's own axis: the y pixel of cost 0 and
/// of the top tick tell the scale.
fn cost_y_px(svg: &str, cost: f64) -> i32 {
    // Grid lines are drawn bottom-up from 0; each has its label right after it.
    let grid: Vec<i32> = polylines(svg, "#E1E7ED").iter().filter_map(|p| p.first().map(|q| q.1)).collect();
    let labels: Vec<f64> = svg
        .split("text-anchor=\"end\"")
        .skip(1)
        .filter_map(|t| {
            let body = &t[t.find('>')? + 1..];
            let label = body[..body.find('<')?].trim();
            let (num, mult) = match label.strip_suffix('k') {
                Some(n) => (n, 1e3),
                None => (label.strip_suffix('M').map_or(label, |n| n), if label.ends_with('M') { 1e6 } else { 1.0 }),
            };
            num.parse::<f64>().ok().map(|v| v * mult)
        })
        .collect();
    let (y0, y1, v1) = (grid[0], grid[grid.len() - 1], labels[labels.len() - 1]);
    y0 - ((cost / v1) * f64::from(y0 - y1)).round() as i32
}

#[test]
fn cost_against_rto_draws_the_front_as_steps_and_marks_the_plan() {
    let scenario = lusty();
    let plan = crate::engine::plan(&scenario);
    let d = Disruption::RegionOutage;
    let fig = cost_against_rto(&plan, &scenario, d).expect("a figure");
    let curve = plan.curves.platform.iter().find(|c| c.disruption == d).expect("a curve");
    let front: Vec<(f64, f64)> = curve.rto.iter().filter_map(|p| Some((p.serving_minutes?, p.monthly))).collect();
    assert!(front.len() >= 3, "the example has a real front: {front:?}");
    let lines = polylines(&fig.svg, "#0F3D5E");
    let steps = lines.iter().find(|l| l.len() == 2 * front.len()).expect("one step line: two points per front point");
    // Steps go right and down only, and each front point's cost sits at its height.
    assert!(steps.windows(2).all(|w| w[1].0 >= w[0].0 && w[1].1 >= w[0].1), "{steps:?}");
    for (i, &(_, cost)) in front.iter().enumerate() {
        assert!((steps[2 * i].1 - cost_y_px(&fig.svg, cost)).abs() <= 1, "point {i} at cost {cost}");
    }
    // The current plan's marker: at its cost, right of the fastest point.
    let current = cost_for(&plan, d).total();
    let marker = circles(&fig.svg, "#A14E00");
    assert_eq!(marker.len(), 1, "one marker for the plan");
    assert!((marker[0].1 - cost_y_px(&fig.svg, current)).abs() <= 1);
    assert!(fig.svg.contains("your plan") && fig.svg.contains("target 2d"), "{}", fig.svg);
    // The semantic model loads at the price book's 50 GB/h: the reports serve again at 3h 28m.
    assert!(fig.summary.contains("Your plan serves again in 3h 28m for USD 474 a month"), "{}", fig.summary);
    assert_eq!(fig.file_name, "keel-cost-vs-rto-region-outage.svg");
}

#[test]
fn the_marker_follows_the_plan_when_a_target_changes() {
    let mut scenario = lusty();
    let d = Disruption::RegionOutage;
    let before = crate::engine::plan(&scenario);
    let marker = |plan: &crate::engine::Plan, s: &Scenario| {
        let fig = cost_against_rto(plan, s, d).expect("a figure");
        (circles(&fig.svg, "#A14E00"), cost_y_px(&fig.svg, cost_for(plan, d).total()))
    };
    // A 15-minute RTO for every stage costs more: the marker rises.
    scenario.targets.region_outage.rto_minutes = 15;
    for s in &mut scenario.stages {
        s.targets = None;
    }
    let after = crate::engine::plan(&scenario);
    assert!(cost_for(&after, d).total() > cost_for(&before, d).total());
    let (m_before, _) = marker(&before, &lusty());
    let (m_after, y_after) = marker(&after, &scenario);
    assert_ne!(m_before, m_after);
    assert!((m_after[0].1 - y_after).abs() <= 1);
}

#[test]
fn cost_against_rpo_draws_its_front() {
    let scenario = lusty();
    let plan = crate::engine::plan(&scenario);
    let fig = cost_against_rpo(&plan, &scenario, Disruption::RegionOutage).expect("a figure");
    let curve = &plan.curves.platform[1];
    let n = curve.rpo.iter().filter(|p| p.achieved_minutes.is_some()).count();
    assert!(polylines(&fig.svg, "#0F3D5E").iter().any(|l| l.len() == 2 * n), "{}", fig.svg);
    assert!(fig.title.contains("data loss"));
}

#[test]
fn break_even_draws_both_cumulative_series_and_the_month() {
    let scenario = example(include_str!("../../examples/operations-reference-platform.json"));
    let plan = crate::engine::plan(&scenario);
    let b = plan
        .break_even
        .iter()
        .find(|b| b.reprocess_possible && b.break_even_month.is_some_and(|m| m > 1))
        .expect("a stage that may reprocess, with a break-even month after the first");
    let fig = break_even(&plan, &scenario, &b.id, b.disruption).expect("a figure");
    let months = b.copies_cumulative.len();
    let copies = polylines(&fig.svg, "#0F3D5E");
    let reprocess = polylines(&fig.svg, "#A14E00");
    assert!(copies.iter().any(|l| l.len() == months + 1), "copies: month 0 and each month");
    assert!(reprocess.iter().any(|l| l.len() == b.reprocess_cumulative.len() + 1), "reprocess likewise");
    let m = b.break_even_month.expect("a break-even month");
    assert!(fig.svg.contains(&format!("break-even: month {m}")), "{}", fig.svg);
    assert!(fig.summary.contains(&format!("by month {m}")), "{}", fig.summary);
    assert!(break_even(&plan, &scenario, "no-such-stage", b.disruption).is_none());
}

/// Where reprocessing cannot recover the stage (the first guide's enriched zone after
/// ransomware: raw holds less history than a rebuild needs), only the copies are drawn and
/// keyed, with no break-even month, and the note says why.
#[test]
fn break_even_without_a_possible_rebuild_draws_the_copies_alone() {
    let scenario = lusty();
    let plan = crate::engine::plan(&scenario);
    let d = Disruption::Ransomware;
    let b = plan.break_even.iter().find(|b| b.id == "enriched" && b.disruption == d).expect("a break-even");
    assert!(!b.reprocess_possible);
    let fig = break_even(&plan, &scenario, "enriched", d).expect("a figure");
    assert!(polylines(&fig.svg, "#A14E00").is_empty(), "no reprocessing line");
    assert!(!fig.svg.contains("reprocess after each disaster"), "nor its key");
    assert!(!fig.svg.contains("break-even: month"), "nor a month");
    assert!(fig.svg.contains("Reprocessing is not possible"), "{}", fig.summary);
}

#[test]
fn timeline_draws_a_row_per_stage_and_escapes_names() {
    let mut scenario = lusty();
    scenario.stages[0].label = "<script>alert('x') & co</script>".into();
    let plan = crate::engine::plan(&scenario);
    let d = Disruption::DataCorruption;
    let fig = timeline(&plan, &scenario, d).expect("a figure");
    let t = &plan.pipeline.timelines[0];
    let bars = fig.svg.lines().filter(|l| l.starts_with("<rect") && l.contains("fill=\"#17697A\"")).count();
    let recovered = t.stages.iter().filter(|s| s.full.end_minutes.is_some()).count();
    assert_eq!(bars, recovered, "one full-phase bar per recovered stage");
    assert!(!fig.svg.contains("<script"), "user text must be escaped");
    assert!(fig.svg.contains("&lt;script&gt;alert("), "escaped: {}", fig.svg);
    let name = fig.layout.of(layout::Kind::Text).find(|t| t.what.starts_with("<script>")).expect("the name");
    assert!(name.what.ends_with('…') && name.rect.left >= 0.0, "cut to its room: {name:?}");
    let first = t.first_service_minutes.expect("first service");
    assert!(fig.svg.contains(&format!("first service {}", crate::text::Mins(first))));
}

#[test]
fn timeline_marks_the_recent_data_deadline_where_one_is_set() {
    let scenario = lusty();
    let plan = crate::engine::plan(&scenario);
    let d = Disruption::DataCorruption;
    let fig = timeline(&plan, &scenario, d).expect("a figure");
    // The warehouse's newest 30 days by 45m: a dashed green tick on its row, and the legend.
    assert!(fig.svg.contains("recent-data deadline"), "{}", fig.svg);
    assert!(fig.svg.contains("stroke=\"#246B28\""), "a green tick: {}", fig.svg);
    assert!(
        fig.summary.contains("Warehouse (Synapse dedicated SQL pool)'s newest 30 days are back after 18m, against a recent-data target of 45m (met)."),
        "{}",
        fig.summary
    );
    // Without a recent-data target nothing of it is drawn or said.
    let mut plain = scenario.clone();
    for s in &mut plain.stages {
        s.recent = None;
    }
    let fig = timeline(&crate::engine::plan(&plain), &plain, d).expect("a figure");
    assert!(!fig.svg.contains("recent-data") && !fig.summary.contains("recent-data"));
    // Missed: its first phase is outlined in red as well.
    let mut missed = scenario.clone();
    for s in missed.stages.iter_mut().filter(|s| s.id == "warehouse") {
        if let Some(r) = s.recent.as_mut() {
            r.data_corruption.rto_minutes = 5;
        }
    }
    let fig = timeline(&crate::engine::plan(&missed), &missed, d).expect("a figure");
    assert!(fig.summary.contains("against a recent-data target of 5m (missed)"), "{}", fig.summary);
}

#[test]
fn nothing_to_show_is_none_not_a_panic() {
    let scenario = Scenario::default();
    let plan = crate::engine::plan(&scenario);
    for d in Disruption::ALL {
        assert!(timeline(&plan, &scenario, d).is_none());
        assert!(break_even(&plan, &scenario, "x", d).is_none());
        // The curves exist even for an empty platform; they must draw without panicking.
        let _ = cost_against_rto(&plan, &scenario, d);
        let _ = cost_against_rpo(&plan, &scenario, d);
    }
}

#[test]
fn frame_maps_values_to_pixels_and_ticks_are_round() {
    let frame = Frame {
        left: 10,
        top: 0,
        right: 110,
        bottom: 100,
        x: frame::Axis { lo: 0.0, hi: 10080.0, scale: frame::Scale::Log1p },
        y: frame::Axis { lo: 0.0, hi: 50.0, scale: frame::Scale::Linear },
    };
    assert_eq!(frame.px_from_point(0.0, 0.0), (10, 100));
    assert_eq!(frame.px_from_point(10080.0, 50.0), (110, 0));
    assert!(frame.x_px_from_value(60.0) < frame.x_px_from_value(240.0));
    assert_eq!(frame.x_px_from_value(f64::NAN), 110, "not a number lands at the end, never far away");
    assert_eq!(frame.x_px_from_value(1e12), 112, "beyond the range: just past the end");
    assert_eq!(frame::nice_step(930.0, 4.0), (250.0, 1000.0));
    assert_eq!(frame::nice_step(0.0, 4.0), (1.0, 1.0));
    let (ticks, end) = frame::linear_duration_ticks(1043.0);
    assert_eq!(end, 1080.0);
    assert_eq!(ticks.iter().map(|t| t.1.as_str()).collect::<Vec<_>>(), ["0m", "3h", "6h", "9h", "12h", "15h", "18h"]);
}

/// Both reference platforms.
fn references() -> [(&'static str, Scenario); 2] {
    [("lusty", lusty()), ("operations", example(include_str!("../../examples/operations-reference-platform.json")))]
}

/// `scenario` with every stage's RTO for `disruption` (the scenario's and each stage's own) set
/// to `minutes`: the "RTO 4 h" variant a comparison is drawn against.
fn with_rto(scenario: &Scenario, disruption: Disruption, minutes: u32) -> Scenario {
    let mut out = scenario.clone();
    out.targets.get_mut(disruption).rto_minutes = minutes;
    for s in &mut out.stages {
        if let Some(t) = s.targets.as_mut() {
            t.get_mut(disruption).rto_minutes = minutes;
        }
    }
    out
}

/// Every figure of both reference platforms, for every disruption type: both cost plots, the
/// break-even of every stage that has one, the timeline, and both comparisons of the platform
/// with its "RTO 4 h" variant.
fn reference_figures() -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    for (name, scenario) in references() {
        let plan = crate::engine::plan(&scenario);
        for d in Disruption::ALL {
            let variant = with_rto(&scenario, d, 240);
            let planned = crate::engine::plan(&variant);
            let mut figs = vec![
                cost_against_rto(&plan, &scenario, d),
                cost_against_rpo(&plan, &scenario, d),
                timeline(&plan, &scenario, d),
                compare_fronts(("today", &plan, &scenario), ("RTO 4h", &planned, &variant), d, Against::DataLoss),
                compare_fronts(("today", &plan, &scenario), ("RTO 4h", &planned, &variant), d, Against::RecoveryTime),
            ];
            figs.extend(
                plan.break_even.iter().filter(|b| b.disruption == d).map(|b| break_even(&plan, &scenario, &b.id, d)),
            );
            for f in figs.into_iter().flatten() {
                out.push((format!("{name} {}", f.file_name), f));
            }
        }
    }
    out
}

/// The texts of an SVG, as plotters writes them: one `<text …>words</text>` each.
fn svg_texts(svg: &str) -> Vec<&str> {
    svg.match_indices("<text").filter_map(|(i, _)| svg[i..].split_once("</text>").map(|(t, _)| t)).collect()
}

/// The value of attribute `name` in an element's text.
fn attr<'s>(element: &'s str, name: &str) -> Option<&'s str> {
    let rest = &element[element.find(&format!(" {name}=\""))? + name.len() + 3..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn no_text_covers_another_a_marker_or_a_target_line_on_both_reference_platforms() {
    let figures = reference_figures();
    assert!(figures.len() > 40, "{}", figures.len());
    let mut wrong = Vec::new();
    for (name, fig) in &figures {
        wrong.extend(fig.layout.problems().into_iter().map(|p| format!("{name}: {p}")));
        // On the reference platforms every label finds a place.
        wrong.extend(fig.layout.dropped.iter().map(|d| format!("{name}: \"{d}\" left out")));
        // Every text the SVG holds was laid out: none is drawn around the layout.
        let texts = fig.layout.of(layout::Kind::Text).count();
        assert_eq!(svg_texts(&fig.svg).len(), texts, "{name}");
        assert_eq!(fig.layout.size, fig.size);
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn every_point_is_labelled_with_what_it_achieves_to_the_minute() {
    for (name, scenario) in references() {
        let plan = crate::engine::plan(&scenario);
        for d in Disruption::ALL {
            let curve = plan.curves.platform.iter().find(|c| c.disruption == d).expect("a curve");
            let rpo = cost_against_rpo(&plan, &scenario, d).expect("a figure");
            for p in &curve.rpo {
                let Some(m) = p.achieved_minutes else { continue };
                let label = format!("{} · {}", crate::text::Exact(m), crate::text::compact_money(p.monthly));
                // Its own label, or the current plan's on it, which ends with the same figures.
                assert!(rpo.layout.of(layout::Kind::Text).any(|t| t.what.ends_with(&label)), "{name} {d:?}: {label}");
            }
        }
    }
}

#[test]
fn recovery_points_a_quarter_of_an_hour_apart_read_apart() {
    // A front at 1d (1,446) and 1d 15m (1,200): two points, two labels, and the summary says both.
    let scenario = lusty();
    let mut plan = crate::engine::plan(&scenario);
    let d = Disruption::DataCorruption;
    let curve = plan.curves.platform.iter_mut().find(|c| c.disruption == d).expect("a curve");
    let point = |minutes: f64, monthly: f64| crate::engine::PlatformPoint {
        target_minutes: minutes as u32,
        monthly,
        achieved_minutes: Some(minutes),
        serving_minutes: Some(minutes),
        stages_missing: 0,
    };
    curve.rpo = vec![point(1440.0, 1446.0), point(1455.0, 1200.0)];
    let fig = cost_against_rpo(&plan, &scenario, d).expect("a figure");
    let labels: Vec<&str> = fig.layout.of(layout::Kind::Text).map(|t| t.what.as_str()).collect();
    // The plan's ring is on the 1d point: its label gives the point's figures.
    assert!(labels.contains(&"your plan · 1d · 1.4k") && labels.contains(&"1d 15m · 1.2k"), "{labels:?}");
    assert!(fig.summary.contains("1d for USD 1,446 a month, or 1d 15m for USD 1,200 a month"), "{}", fig.summary);
    assert!(fig.layout.problems().is_empty(), "{:#?}", fig.layout.problems());
}

/// The contrast ratio of two colours (WCAG 2: relative luminance, (L1 + 0.05) / (L2 + 0.05)).
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let luminance = |(r, g, b): (u8, u8, u8)| {
        let c = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * c(r) + 0.7152 * c(g) + 0.0722 * c(b)
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

#[test]
fn text_contrasts_with_the_white_background_at_least_4_5_to_1() {
    let white = (255, 255, 255);
    for c in frame::TEXT_COLOURS {
        let ratio = contrast((c.0, c.1, c.2), white);
        assert!(ratio >= 4.5, "{c:?}: {ratio:.2}");
    }
    // And every colour a text is drawn in, read from the figures themselves.
    for (name, fig) in reference_figures() {
        assert!(
            fig.svg.contains("<rect x=\"0\" y=\"0\" width") && fig.svg.contains("fill=\"#FFFFFF\""),
            "{name}: white"
        );
        for t in svg_texts(&fig.svg) {
            let fill = attr(t, "fill").expect("a fill");
            let rgb = |i: usize| u8::from_str_radix(&fill[i..i + 2], 16).expect("hex");
            let ratio = contrast((rgb(1), rgb(3), rgb(5)), white);
            assert!(ratio >= 4.5, "{name}: {t} at {ratio:.2}");
        }
    }
    assert!((contrast((0, 0, 0), white) - 21.0).abs() < 1e-9);
}

#[test]
fn text_is_at_least_12_px_where_the_results_pane_shows_it() {
    // The pane's columns are at least 560 px (style/results.css), less 2 × 10 px of padding and
    // 2 × 1 px of border: 538 px for a plot drawn WIDTH px wide.
    let css = include_str!("../../style/results.css");
    assert!(css.contains("minmax(min(100%, 560px), 1fr)"), "the plots' column width is what this test assumes");
    let scale = 538.0 / f64::from(WIDTH);
    for (name, fig) in reference_figures() {
        for t in svg_texts(&fig.svg) {
            let px: f64 = attr(t, "font-size").and_then(|s| s.parse().ok()).expect("a font size");
            assert!(px * scale >= 12.0, "{name}: {t} is {:.1} px on screen", px * scale);
        }
    }
}

#[test]
fn comparing_two_variants_draws_both_fronts_told_apart_by_line_and_shape() {
    let scenario = lusty();
    let d = Disruption::RegionOutage;
    let variant = with_rto(&scenario, d, 240);
    let (today, tighter) = (crate::engine::plan(&scenario), crate::engine::plan(&variant));
    let fig = compare_fronts(("today", &today, &scenario), ("RTO 4h", &tighter, &variant), d, Against::RecoveryTime)
        .expect("a figure");
    assert_eq!(fig.file_name, "keel-compare-cost-vs-rto-region-outage.svg");
    // Today's front: one solid blue step line; the variant's: dashed, in many short orange pieces.
    let front = |plan: &crate::engine::Plan| {
        plan.curves
            .platform
            .iter()
            .find(|c| c.disruption == d)
            .expect("a curve")
            .rto
            .iter()
            .filter(|p| p.serving_minutes.is_some())
            .count()
    };
    assert!(polylines(&fig.svg, "#0F3D5E").iter().any(|l| l.len() == 2 * front(&today)), "{}", fig.svg);
    assert!(polylines(&fig.svg, "#A14E00").len() > 10, "dashes");
    // Round markers for today, square ones for the variant; a ring for each plan in its colour.
    assert!(fig.svg.lines().any(|l| l.starts_with("<rect") && l.contains("fill=\"#A14E00\"")));
    assert_eq!(circles(&fig.svg, "#0F3D5E").len(), 1);
    assert_eq!(circles(&fig.svg, "#A14E00").len(), 1);
    let labels: Vec<&str> = fig.layout.of(layout::Kind::Text).map(|t| t.what.as_str()).collect();
    for want in ["today", "RTO 4h", "target 2d (today)", "target 4h (RTO 4h)"] {
        assert!(labels.contains(&want), "{want}: {labels:?}");
    }
    assert!(
        labels.iter().any(|l| l.starts_with("today · ")) && labels.iter().any(|l| l.starts_with("RTO 4h · ")),
        "{labels:?}"
    );
    assert!(
        fig.summary.starts_with("Against region outage, today and RTO 4h: today: the platform serves again in"),
        "{}",
        fig.summary
    );
    assert!(fig.summary.contains("The plan of RTO 4h serves again in"), "{}", fig.summary);
    // The same targets: one line.
    let same =
        compare_fronts(("a", &today, &scenario), ("b", &today, &scenario), d, Against::DataLoss).expect("a figure");
    assert_eq!(same.layout.of(layout::Kind::Line).filter(|l| l.what.starts_with("target")).count(), 1);
    // An empty platform still draws, without a panic.
    let empty = Scenario::default();
    let nothing = crate::engine::plan(&empty);
    let _ = compare_fronts(("a", &nothing, &empty), ("b", &nothing, &empty), d, Against::DataLoss);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    /// Any synthetic platform, with its figures scaled wildly, draws every plot without a panic
    /// and with a title in the SVG.
    #[test]
    fn any_platform_draws(n in 0usize..40, scale in prop::sample::select(vec![0.0, 1e-9, 1.0, 1e9, f64::MAX])) {
        let mut scenario = synthetic(n);
        for s in &mut scenario.stages {
            s.volume_gb *= scale;
            s.daily_change_gb *= scale;
        }
        let plan = crate::engine::plan(&scenario);
        for d in Disruption::ALL {
            let id = breakeven::default_stage(&plan, d).unwrap_or("none").to_string();
            let figs = [
                cost_against_rto(&plan, &scenario, d),
                cost_against_rpo(&plan, &scenario, d),
                break_even(&plan, &scenario, &id, d),
                timeline(&plan, &scenario, d),
            ];
            for f in figs.into_iter().flatten() {
                prop_assert!(f.svg.starts_with("<svg") && f.svg.contains("<title>"), "{}", f.svg);
                prop_assert!(f.svg.trim_end().ends_with("</svg>"));
            }
        }
    }
}

/// Not a check: writes every figure of both reference platforms to `tests/e2e/out/plots/`
/// (ignored by git) with an HTML page showing them at the results pane's sizes, to look at.
/// `cargo test --lib plot::tests::write_figures -- --ignored`.
#[test]
#[ignore]
fn write_figures() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/out/plots");
    std::fs::create_dir_all(&dir).expect("the folder");
    for (name, fig) in reference_figures() {
        let file = name.replace(' ', "-");
        std::fs::write(dir.join(&file), &fig.svg).expect("written");
        eprintln!("{file} {}", fig.svg.len());
    }
}
