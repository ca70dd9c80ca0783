//! Renders the app natively on the first guide's reference platform and checks the results
//! drawer: the stages table and the warnings against snapshots in tests/snapshots/, and the
//! table's rows, marks and costs against the plan itself; the ransomware view (where each
//! stage's copies are kept) and a 3-2-1 warning's fix, applied through the reducer; the SLA tab's
//! statement for the disruption type shown.
//! `KEEL_BLESS=1 cargo test --test ssr_results` rewrites the snapshots after a deliberate change
//! (review the diff).

// Native only: server-side rendering runs on tokio.
#![cfg(not(target_arch = "wasm32"))]

use keel::engine::{plan, Plan};
use keel::model::{Disruption, Scenario};
use keel::text::whole_money;
use keel::ui::results::{Results, Tab};
use keel::ui::state::{Planned, Shared};
use keel::ui::{App, AppProps};
use std::rc::Rc;
use yew::prelude::*;
use yew::LocalServerRenderer;

fn lusty() -> Scenario {
    let text = include_str!("../examples/lusty-reference-platform.json");
    keel::format::decode(text).map(|(s, _)| s).unwrap_or_else(|e| panic!("{e}"))
}

async fn render(scenario: Scenario) -> String {
    LocalServerRenderer::<App>::with_props(AppProps {
        scenario: scenario.into(),
        notice: None,
        canvas_size: None,
        view: Default::default(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The app on a canvas large enough to draw `scenario`'s cards in full (badges and all).
async fn render_with_cards(scenario: Scenario) -> String {
    let canvas_size = Some(keel::editor::geometry::Size { w: 4000.0, h: 3000.0 });
    LocalServerRenderer::<App>::with_props(AppProps {
        scenario: scenario.into(),
        notice: None,
        canvas_size,
        view: Default::default(),
    })
    .hydratable(false)
    .render()
    .await
}

/// Properties of [`Drawer`].
#[derive(Properties, PartialEq)]
struct DrawerProps {
    scenario: Rc<Scenario>,
    plan: Rc<Plan>,
    tab: Tab,
    disruption: Disruption,
}

/// The results drawer alone, opened on `tab` and `disruption`, with the contexts the app gives it.
#[component]
fn Drawer(props: &DrawerProps) -> Html {
    html! {
        <ContextProvider<Shared<Plan>> context={Shared(props.plan.clone())}>
            <ContextProvider<Planned> context={Planned(Shared(props.scenario.clone()))}>
                <Results tab={props.tab} disruption={props.disruption} />
            </ContextProvider<Planned>>
        </ContextProvider<Shared<Plan>>>
    }
}

/// The drawer on the Lusty platform, opened on `tab`.
async fn render_drawer(tab: Tab) -> String {
    render_drawer_on(lusty(), tab, Disruption::DataCorruption).await
}

/// The drawer on `scenario`, opened on `tab` for `disruption`.
async fn render_drawer_on(scenario: Scenario, tab: Tab, disruption: Disruption) -> String {
    let plan = Rc::new(plan(&scenario));
    LocalServerRenderer::<Drawer>::with_props(DrawerProps { scenario: Rc::new(scenario), plan, tab, disruption })
        .hydratable(false)
        .render()
        .await
}

/// The element that starts with `open` up to and including `close`.
fn element<'a>(html: &'a str, open: &str, close: &str) -> &'a str {
    let start = html.find(open).unwrap_or_else(|| panic!("no {open} in {html}"));
    let end = html[start..].find(close).unwrap_or_else(|| panic!("{open} is not closed by {close}"));
    &html[start..start + end + close.len()]
}

/// Compares `html` with the snapshot `name`, one element a line so a diff reads well.
fn snapshot(name: &str, html: &str) {
    let got = html.replace("><", ">\n<") + "\n";
    let path = format!("{}/tests/snapshots/{name}", env!("CARGO_MANIFEST_DIR"));
    if std::env::var_os("KEEL_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{path}: {e}"));
        return;
    }
    let want =
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e} (run with KEEL_BLESS=1 to write it)"));
    if got != want {
        let line = got
            .lines()
            .zip(want.lines())
            .position(|(g, w)| g != w)
            .unwrap_or(got.lines().count().min(want.lines().count()));
        panic!(
            "{name} differs from its snapshot from line {}:\n got: {}\nwant: {}\n(KEEL_BLESS=1 rewrites it after a deliberate change)",
            line + 1,
            got.lines().nth(line).unwrap_or("<end>"),
            want.lines().nth(line).unwrap_or("<end>")
        );
    }
}

#[tokio::test]
async fn stages_table_matches_its_snapshot_and_the_plan() {
    let scenario = lusty();
    let plan = plan(&scenario);
    let html = render(scenario).await;
    let table = element(&html, "<table class=\"stages-table\"", "</table>");
    snapshot("results-table.html", table);

    // One row per planned stage, missed targets first (the sales reports: their data is no fresher
    // than the modeled data sets, a day old, against a 1 h RPO), each with its cost.
    let rows: Vec<&str> = table.split("<tr data-stage=").skip(1).collect();
    assert_eq!(rows.len(), plan.stages.len());
    for (i, stage) in plan.stages.iter().enumerate() {
        let rec = stage.recommendation(Disruption::DataCorruption).expect("a recommendation");
        let row = rows.iter().find(|r| r.starts_with(&format!("\"{}\"", stage.id))).expect("a row per stage");
        let cost = format!("<td class=\"money\">{}</td>", whole_money(rec.cost.total()));
        assert!(row.contains(&cost), "{} shows its cost {cost}: {row}", stage.id);
        let escaped = |t: &str| t.replace('&', "&amp;");
        assert!(row.contains(&escaped(rec.backup.label())) && row.contains(&escaped(rec.strategy.label())), "{row}");
        assert!(row.contains(if rec.meets() { "✓ met" } else { "✕ missed" }), "{row}");
        // An older recovery point than the option's own says which upstream stage it comes from.
        let upstream = plan.rpo_limited_by(i, Disruption::DataCorruption).is_some();
        assert_eq!(row.contains("(upstream: "), upstream, "{row}");
    }
    assert!(
        table.contains("(upstream: Modeled data sets on the lake)</span>")
            && table.contains("title=\"Its own recovery point is 0m, but its data comes from Modeled data sets on the lake, which recovers to a point 1d old"),
        "the reports' RPO names where their day-old data comes from"
    );
    assert!(table.contains("aria-sort=\"ascending\""), "sorted by targets missed, first, by default");
    assert_eq!(table.matches("aria-sort=").count(), 7, "every column but the reason sorts");
}

#[tokio::test]
async fn warnings_match_their_snapshot_and_the_plan() {
    let plan = plan(&lusty());
    let html = render_drawer(Tab::Warnings).await;
    let list = element(&html, "<ul class=\"warning-list\"", "</ul>");
    snapshot("results-warnings.html", list);
    assert_eq!(list.matches("<li data-code=").count(), plan.warnings.len());
    for w in &plan.warnings {
        assert!(list.contains(&format!("data-code=\"{}\"", w.code.key())), "{}", w.code.key());
    }
    // The badge counts what is not merely a note.
    let serious = plan.warnings.iter().filter(|w| w.level != keel::engine::Level::Info).count();
    let badge = element(&html, "<span aria-label=", "</span>");
    assert!(
        badge.contains(&format!("\"{serious} to look at\"")) && badge.ends_with(&format!(">{serious}</span>")),
        "{badge}"
    );
}

#[tokio::test]
async fn totals_and_plots_follow_the_plan() {
    let scenario = lusty();
    let plan = plan(&scenario);
    let html = render(scenario).await;
    let monthly = format!("data-total=\"monthly\">{} {}</dd>", plan.currency, whole_money(plan.totals.monthly_total));
    assert!(html.contains(&monthly), "{monthly}");
    let first = plan.pipeline.timelines[0].first_service_minutes.expect("first service");
    let first = format!("data-total=\"first-service\">{}</dd>", keel::text::Mins(first));
    assert!(html.contains(&first), "{first}");
    let plots = render_drawer(Tab::Plots).await;
    for what in ["cost-vs-rto", "cost-vs-rpo", "break-even", "timeline"] {
        let figure = element(&plots, &format!("<figure data-plot=\"{what}\""), "</figure>");
        assert!(figure.contains("src=\"data:image/svg+xml;base64,") && figure.contains("Download"), "{what}: {figure}");
    }
}

#[tokio::test]
async fn the_sla_tab_shows_the_statement_of_the_disruption_shown() {
    // Every sentence is the statement's own, built from the plan (its figures are checked against
    // the plan in format::sla's tests); the tab shows the disruption type picked in the bar.
    let scenario = lusty();
    let p = plan(&scenario);
    let statement = keel::format::sla_statement(&scenario, &p);
    for d in Disruption::ALL {
        let html = render_drawer_on(lusty(), Tab::Sla, d).await;
        let panel = element(&html, "<div id=\"results-sla\"", "</article>");
        let section = statement.section(d).expect("a section per disruption type");
        assert_eq!(panel.matches("<section ").count(), 1, "{d:?}: only the disruption shown");
        assert!(panel.contains(&format!("data-disruption=\"{}\"", d.key())), "{panel}");
        let escaped = |t: &str| t.replace('&', "&amp;");
        assert!(panel.contains(&escaped(&section.overall())), "{d:?}: {panel}");
        for level in &section.levels {
            let class = if level.met() { "sla-level met" } else { "sla-level missed" };
            // Each missed target's words are marked.
            let body: String =
                keel::format::miss_runs(&level.body())
                    .into_iter()
                    .map(|(run, missed)| {
                        if missed {
                            format!("<span class=\"sla-miss\">{}</span>", escaped(run))
                        } else {
                            escaped(run)
                        }
                    })
                    .collect();
            assert_eq!(body.contains("sla-miss"), !level.met());
            let item = format!(
                "data-stage=\"{}\" class=\"{class}\"><strong class=\"sla-stage\">{}</strong>: {body}</li>",
                level.stage,
                escaped(&level.name),
            );
            assert!(panel.contains(&item), "{item}\nin {panel}");
        }
        assert_eq!(panel.contains("the plan allows 8h for that"), d == Disruption::Ransomware);
        assert!(panel.contains(">Copy</button>") && panel.contains(">Download .md</button>"), "{panel}");
        assert!(panel.contains("they are not a contract"));
        assert!(!panel.contains("sla-copy-field"), "no field to copy by hand until the browser refuses");
    }
    // The tab is in the bar, after the plots; the other panels are not drawn.
    let html = render_drawer_on(lusty(), Tab::Sla, Disruption::RegionOutage).await;
    let tabs = element(&html, "<div role=\"group\" aria-label=\"Show\"", "</div>");
    assert!(tabs.contains("data-tab=\"sla\"") && tabs.find("data-tab=\"plots\"") < tabs.find("data-tab=\"sla\""));
    assert!(!html.contains("<figure"), "the plots are not drawn");
}

#[tokio::test]
async fn user_text_in_results_is_escaped() {
    let mut scenario = lusty();
    scenario.stages[3].label = "<img src=x onerror=alert(1)>".into();
    let html = render(scenario).await;
    let drawer = &html[html.find("class=\"results-drawer").expect("drawer")..];
    assert!(!drawer.contains("<img src=x"), "a label must never become markup");
    assert!(drawer.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[tokio::test]
async fn the_app_opens_with_only_the_stages_panel_drawn() {
    // Warnings and plots are drawn when their tab is first shown (or the page prints): a large
    // platform opens without laying out what nobody looks at.
    let html = render(lusty()).await;
    assert!(html.contains("<table class=\"stages-table\""), "the stages table is drawn");
    for (panel, drawn) in
        [("results-warnings", "warning-list"), ("results-plots", "<figure"), ("results-sla", "sla-statement")]
    {
        let body = element(&html, &format!("<div id=\"{panel}\""), "</div>");
        assert!(!body.contains(drawn), "{panel} is not drawn before it is shown: {body}");
    }
}

#[tokio::test]
async fn a_small_platform_opens_with_its_table_and_a_large_one_draws_it_after_the_canvas() {
    // The page's first render holds a small platform's rows, and none of a large one's: the table
    // adds those a batch per idle task (effects, which server rendering does not run), after the
    // canvas.
    use keel::ui::results::FIRST_ROWS;
    let rows =
        |html: &str| element(html, "<table class=\"stages-table\"", "</table>").matches("<tr data-stage=").count();
    assert_eq!(rows(&render(keel::model::synthetic(FIRST_ROWS)).await), FIRST_ROWS);
    assert_eq!(rows(&render(keel::model::synthetic(FIRST_ROWS + 1)).await), 0);
    assert_eq!(rows(&render(keel::model::synthetic(200)).await), 0);
    // The heading is there from the start.
    assert!(render(keel::model::synthetic(200)).await.contains("<thead"));
}

#[tokio::test]
async fn the_recent_data_target_shows_in_the_table_the_card_and_the_totals() {
    // The warehouse serves its newest 30 days within 45 minutes after a corruption or an outage
    // (its hot phase ends at 18m after a corruption), while the whole of it takes longer. After
    // ransomware the triage comes first: the newest month gets 12 hours there, a target of its own.
    let mut scenario = lusty();
    let warehouse = scenario.stages.iter_mut().find(|s| s.id == "warehouse").expect("the warehouse");
    let recent = warehouse.recent.as_mut().expect("the example's recent-data target");
    recent.ransomware = Some(keel::model::Target { rpo_minutes: 1440, rto_minutes: 12 * 60 });
    let html = render_with_cards(scenario).await;
    let table = element(&html, "<table class=\"stages-table\"", "</table>");
    let row = element(table, "<tr data-stage=\"warehouse\"", "</tr>");
    assert!(row.contains("<span class=\"recent met\">newest 30d: 18m / 45m "), "{row}");
    assert!(row.contains("newest 30d: 8h / 1d "), "the recent RPO beside the full one: {row}");
    assert!(row.contains("57m / 8h "), "the full restore takes longer: {row}");
    let card = |id: &str| {
        let at = html.find(&format!("data-stage=\"{id}\" data-kind")).unwrap_or_else(|| panic!("no card {id}"));
        let card = &html[html[..at].rfind("<div").unwrap_or(0)..];
        card[..card.find("</div></div>").unwrap_or(card.len())].to_string()
    };
    assert!(!card("raw").contains("badge recent"), "no recent badge without a target: {}", card("raw"));
    let card = card("warehouse");
    assert!(card.contains("Recent data 30d 45m: met."), "said to screen readers: {card}");
    assert!(card.contains("class=\"badge recent met\"") && card.contains(">30d 45m ✓</span>"), "{card}");
    assert!(!html.contains("data-total=\"first-service-target\""), "no serving stage has a recent target");

    // Missed: the card and the row say it is the recent-data target, and the reports' own
    // recent target judges first service.
    let mut scenario = lusty();
    let targets = |rto| {
        let t = keel::model::Target { rpo_minutes: 1440, rto_minutes: rto };
        keel::model::RecentTargets { days: 30, data_corruption: t, region_outage: t, ransomware: None }
    };
    for s in &mut scenario.stages {
        match s.id.as_str() {
            "warehouse" => s.recent = Some(targets(1)),
            "report" => s.recent = Some(targets(60)),
            _ => {}
        }
    }
    let html = render_with_cards(scenario).await;
    let row = element(&html, "<tr data-stage=\"warehouse\"", "</tr>");
    assert!(
        row.contains("✕ recent missed") && row.contains("<span class=\"recent missed\">newest 30d: 18m / 1m "),
        "{row}"
    );
    assert!(html.contains(">30d 1m ✕</span>") && html.contains("Recent data 30d 1m: missed."), "the card says which");
    assert!(
        html.contains("data-total=\"first-service-target\" class=\"recent missed\">recent target 1h ✕</dd>"),
        "first service is judged against the reports' recent target: {}",
        element(&html, "<dl class=\"totals\"", "</dl>")
    );
}

/// The switch offers every disruption type; on ransomware each row whose copies are kept in a
/// vault names it under the backup method (with how far and how locked in its tooltip), and the
/// cost line is ransomware's, beside the whole plan's for every type.
#[tokio::test]
async fn the_ransomware_view_says_where_each_stages_copies_are_kept() {
    let scenario = lusty();
    let plan = plan(&scenario);
    let html = render_drawer_on(scenario, Tab::Stages, Disruption::Ransomware).await;
    let switch = element(&html, "<fieldset class=\"disruption-switch\"", "</fieldset>");
    for d in Disruption::ALL {
        assert!(switch.contains(&format!("value=\"{}\"", d.key())) && switch.contains(d.label()), "{switch}");
    }
    assert!(switch.contains("value=\"ransomware\" checked"), "ransomware is shown: {switch}");
    let table = element(&html, "<table class=\"stages-table\"", "</table>");
    assert!(table.contains("Plan per stage against ransomware"), "{table}");
    let mut kept = 0;
    for stage in &plan.stages {
        let rec = stage.recommendation(Disruption::Ransomware).expect("a recommendation per stage");
        let row = element(table, &format!("<tr data-stage=\"{}\"", stage.id), "</tr>");
        match &rec.copies_in {
            Some(c) => {
                let title = format!("{}, {}", c.radius.label(), c.lock.label());
                let line = format!("<span title=\"{title}\" class=\"copies-in\">copies in {}</span>", c.name);
                assert!(row.contains(&line), "{} shows {line}: {row}", stage.id);
                kept += 1;
            }
            None => assert!(!row.contains("copies-in"), "{row}"),
        }
    }
    assert!(kept >= 5, "most of the Lusty platform keeps ransomware copies in a vault ({kept})");
    assert!(table.contains("copies in Immutable blob container"), "the lake's copies: {table}");
    let cost = keel::plot::cost_for(&plan, Disruption::Ransomware);
    let line = element(&html, "<p class=\"cost-breakdown\"", "</p>");
    assert!(line.contains(&format!("Against ransomware: USD {} a month", whole_money(cost.total()))), "{line}");
    assert!(line.contains("The whole plan, every disruption type"), "{line}");
}

/// The brief's case for 3-2-1: a curated zone that cannot be rebuilt, on ADLS Gen2 with nothing in
/// the paired region, its ransomware copies in an immutable container — one medium, nothing
/// off-site.
fn three_two_one_not_met() -> Scenario {
    let mut scenario = Scenario { name: "Lake".into(), ..Scenario::default() };
    let mut curated = keel::model::Stage::new("curated", keel::model::StageKind::Curated);
    curated.service = Some("adls_gen2".into());
    curated.recreatable = false;
    curated.available_in_secondary = false;
    curated.vault = Some("azure_immutable_blob".into());
    scenario.stages.push(curated);
    scenario
}

/// A `three_two_one_not_met` warning with a fix in the plan has a button saying what it does and
/// costs; applied through the reducer it sets the stage's vault, the warning goes, and one undo
/// brings it back.
#[tokio::test]
async fn a_three_two_one_warning_offers_its_fix_and_the_reducer_applies_it() {
    use keel::editor::{Action, Editor};
    use keel::engine::WarningCode;
    let scenario = three_two_one_not_met();
    let before = plan(&scenario);
    let fix = before.fixes.first().cloned().expect("the plan offers a fix");
    assert_eq!((fix.code, fix.stage.as_str(), &*fix.vault), (WarningCode::ThreeTwoOneNotMet, "curated", "off_cloud"));
    let html = render_drawer_on(scenario.clone(), Tab::Warnings, Disruption::DataCorruption).await;
    let warning = element(&html, "<li data-code=\"three_two_one_not_met\"", "</li>");
    let button = format!(
        "<button type=\"button\" data-vault=\"off_cloud\" class=\"apply-fix\">Apply: {} (+USD {}/month)</button>",
        fix.label,
        keel::text::Cents(fix.monthly)
    );
    assert!(warning.contains(&button), "{button} in {warning}");
    assert_eq!(html.matches("class=\"apply-fix\"").count(), before.fixes.len(), "a button per fix");

    let editor = Editor::new(scenario);
    let fixed = editor.apply(Action::ApplyFix(fix.clone())).expect("the fix changes the scenario");
    assert_eq!(fixed.scenario.stages[0].vault.as_deref(), Some("off_cloud"));
    assert_eq!(
        fixed.notice.as_ref().map(|n| n.text.as_str()),
        Some(format!("Applied to Curated zone: {}", fix.label).as_str())
    );
    let after = plan(&fixed.scenario);
    assert!(!after.warnings.iter().any(|w| w.code == WarningCode::ThreeTwoOneNotMet), "{:?}", after.warnings);
    assert!(after.fixes.is_empty());
    assert_eq!(fixed.apply(Action::ApplyFix(fix.clone())), None, "applied twice changes nothing");
    let undone = fixed.apply(Action::Undo).expect("one undo step");
    assert_eq!(undone.scenario.stages[0].vault.as_deref(), Some("azure_immutable_blob"));
    // A fix that does not fit the stage (from another plan) is refused with the reason.
    let wrong = keel::engine::Fix { vault: "aws_s3_object_lock".into(), ..fix };
    let refused = editor.apply(Action::ApplyFix(wrong)).expect("a notice");
    assert_eq!(*refused.scenario, *editor.scenario);
    assert!(refused.notice.is_some_and(|n| n.refusal && n.text.contains("does not take copies of")));
}
