//! The recovery runbook: a Markdown document of ordered recovery steps per disruption type.
//!
//! Follows the Operations guide's divided, code-aware restore: code and configuration first and
//! in parallel, then the stages in the order the plan's timeline brings them back (a stage never
//! starts before what it waits for is back), each stage's hot window before the rest, with the
//! expected times. Each section starts with the messages to send users and when (the operations
//! guide: inform them upfront "and during a restore inform them continously about the
//! progress"), taken from the SLA statement ([`super::sla`]), which closes the runbook. Every
//! piece of user text is escaped, so a label cannot inject Markdown or HTML into the document.

use super::sla::{self, SlaSection};
use crate::engine::{Plan, Recommendation, StageId, StageTimeline, Timeline};
use crate::model::{BackupMethod, Disruption, DrStrategy, Scenario, Stage, StageKind};
use crate::text::{format_minutes, format_minutes_f, Count, Size};
use std::collections::HashMap;
use std::fmt::Write;

/// Escapes text for Markdown: backslash-escapes punctuation Markdown gives meaning to, and
/// turns `<`, `>` and `&` into entities so no HTML survives.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.' | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The heading of a disruption type's section, which also opens its sentences: "After the loss
/// of the primary region".
pub(super) fn heading(d: Disruption) -> &'static str {
    match d {
        Disruption::DataCorruption => "After data corruption or a bad change",
        Disruption::RegionOutage => "After the loss of the primary region",
        Disruption::Ransomware => "After ransomware or a malicious deletion",
    }
}

fn at(minutes: Option<f64>) -> String {
    minutes.map_or_else(|| "never".to_string(), format_minutes_f)
}

/// The action a recommendation asks for, in the imperative.
fn action(rec: &Recommendation, stage: &Stage, secondary: &str) -> String {
    let backup = rec.backup.label().to_lowercase();
    // After ransomware: only what is kept out of the attacker's reach, into a clean environment.
    if rec.disruption == Disruption::Ransomware && rec.strategy == DrStrategy::Reprocess {
        return "Rebuild it in the clean environment from upstream, once what it reads from is back".into();
    }
    if let Some(c) = rec.copies_in.as_ref().filter(|_| rec.disruption == Disruption::Ransomware) {
        return match rec.strategy {
            DrStrategy::Redeploy if stage.kind == StageKind::Cache => format!(
                "Redeploy into the clean environment from the {} ({}), then reload its data from the model",
                c.name.to_lowercase(),
                c.radius.label()
            ),
            DrStrategy::Redeploy => {
                format!("Redeploy into the clean environment from the {} ({})", c.name.to_lowercase(), c.radius.label())
            }
            _ => format!(
                "Restore the last clean {backup} backup from the {} ({}, {}) into the clean environment",
                c.name.to_lowercase(),
                c.radius.label(),
                c.lock.label()
            ),
        };
    }
    match rec.strategy {
        DrStrategy::None if stage.kind == StageKind::SystemOfRecord => {
            "Confirm with its owner that it is back and meets this platform's targets (external dependency)".into()
        }
        DrStrategy::None => "No recovery is planned: decide what to do before you need it".into(),
        DrStrategy::Redeploy if stage.kind == StageKind::Cache => {
            format!("Redeploy from {backup}, then reload its data from the model")
        }
        DrStrategy::Redeploy => format!("Redeploy from {backup}"),
        DrStrategy::Reprocess if stage.kind == StageKind::Model => {
            "Reload it from the latest clean data set on the lake".into()
        }
        DrStrategy::Reprocess => "Fix the cause, then reprocess it from upstream".into(),
        DrStrategy::BackupRestore if rec.disruption == Disruption::RegionOutage => {
            format!("Restore the {backup} backups in {secondary}")
        }
        DrStrategy::BackupRestore if rec.backup == BackupMethod::PointInTime => {
            "Restore to the last point in time before the damage".into()
        }
        DrStrategy::BackupRestore => format!("Restore from the last {backup} backup taken before the damage"),
        DrStrategy::GeoReplicatedStorage => format!("Fail the storage over to {secondary}"),
        DrStrategy::PilotLight => format!("Scale up the pilot light in {secondary}"),
        DrStrategy::WarmStandby => format!("Fail over to the warm standby in {secondary} and scale it up"),
        DrStrategy::HotStandby => format!("Fail over to the hot standby in {secondary}"),
        DrStrategy::ActiveActive => format!("Route all traffic to {secondary}"),
        DrStrategy::ReadAccessGeo => format!(
            "Point its readers at the read-access secondary in {secondary} now; fail the storage account over to resume writes"
        ),
        DrStrategy::DualIngest => format!("Point its readers at the copy in {secondary}, which its second ingest keeps current"),
        DrStrategy::WaitForProvider => format!(
            "Wait for the provider to bring the region back (no failover); if it does not come back, rebuild it in {secondary} from upstream"
        ),
    }
}

fn is_code_step(stage: &Stage, rec: &Recommendation) -> bool {
    !stage.kind.holds_data() && stage.kind != StageKind::Cache && rec.strategy == DrStrategy::Redeploy
}

/// The runbook of a planned scenario, in Markdown.
pub fn runbook_markdown(scenario: &Scenario, plan: &Plan) -> String {
    let stages: HashMap<&str, &Stage> = scenario.stages.iter().map(|s| (s.id.as_str(), s)).collect();
    let name = |id: &str| stages.get(id).map_or_else(|| escape_markdown(id), |s| escape_markdown(s.display_name()));
    let secondary = escape_markdown(&scenario.regions.secondary);
    let mut out = String::new();
    let title = if scenario.name.trim().is_empty() { "Untitled platform" } else { scenario.name.as_str() };
    let _ = writeln!(out, "# Recovery runbook: {}\n", escape_markdown(title));
    let _ = writeln!(
        out,
        "Made by Keel {} from the plan of this scenario ({} → {}). Times are counted from the start of the \
         recovery and assume the plan's throughputs; test them.\n",
        env!("CARGO_PKG_VERSION"),
        escape_markdown(&scenario.regions.primary),
        secondary
    );
    let statement = sla::sla_statement(scenario, plan);
    for timeline in &plan.pipeline.timelines {
        let _ = writeln!(out, "## {}\n", heading(timeline.disruption));
        let _ = writeln!(
            out,
            "Expected: first service at **{}**, everything back at **{}**.\n",
            at(timeline.first_service_minutes),
            at(timeline.full_restore_minutes)
        );
        if let Some(section) = statement.section(timeline.disruption) {
            write_messages(&mut out, section, timeline, &name);
        }
        write_timeline(&mut out, timeline, plan, &stages, &name, &secondary, &|s| scenario.detection_delay_of(s));
    }
    out.push_str(
        "## What to tell users: the SLA statement\n\n\
         Send this to the users of the platform before anything happens, and again at the start of a recovery.\n\n",
    );
    sla::write_sections(&mut out, &statement, "###");
    out.push_str(&sla::basis());
    out
}

/// The messages to users during the recovery after one disruption type, with when to send
/// each: at the start, when the attack is contained (ransomware), as each consumed stage serves
/// again and gets its full history back, throughout, and when everything is back.
fn write_messages(out: &mut String, section: &SlaSection, timeline: &Timeline, name: &dyn Fn(&str) -> String) {
    let d = section.disruption;
    let _ = writeln!(out, "### Keep users informed\n");
    let levels = &section.levels;
    let names = |ids: &mut dyn Iterator<Item = &str>| sla::join(&ids.map(name).collect::<Vec<_>>());
    let backs: Vec<f64> = levels.iter().filter_map(|l| l.back_within).collect();
    let start =
        if d == Disruption::Ransomware { "At the start, once the platform is isolated" } else { "At the start" };
    if levels.is_empty() {
        let _ = writeln!(
            out,
            "- **{start}**: tell users the platform is down and when to expect it back ({}).",
            at(timeline.full_restore_minutes)
        );
    } else {
        let _ = write!(
            out,
            "- **{start}**: tell users that {} {} down, and when to expect each back",
            names(&mut levels.iter().map(|l| l.stage.as_str())),
            if levels.len() == 1 { "is" } else { "are" }
        );
        match (backs.iter().copied().reduce(f64::min), backs.iter().copied().reduce(f64::max)) {
            (Some(first), Some(last)) if backs.len() > 1 => {
                let _ = write!(out, " — the first within {}, all within {}", at(Some(first)), at(Some(last)));
            }
            (Some(only), _) => {
                let _ = write!(out, " — within {}", at(Some(only)));
            }
            _ => {}
        }
        let never: Vec<&str> = levels.iter().filter(|l| l.back_within.is_none()).map(|l| l.stage.as_str()).collect();
        if !never.is_empty() {
            let _ = write!(out, "; {} cannot be brought back as planned", names(&mut never.into_iter()));
        }
        out.push_str(": send them the SLA statement at the end of this runbook.\n");
    }
    if let Some(triage) = section.triage_minutes {
        let _ = writeln!(
            out,
            "- **At {}, when the attack is contained** and the restore begins: tell users, and whether the times \
             in the first message still hold.",
            at(Some(triage))
        );
    }
    // Each consumed stage serving again, and its full history back where that comes later.
    let mut events: Vec<(f64, String)> = Vec::new();
    for l in levels {
        let who = name(&l.stage);
        let Some(back) = l.back_within else { continue };
        let data = match l.data_age {
            Some(age) if age <= 0.0 => "that no data is lost".to_string(),
            Some(age) => format!("that up to the last {} of data may be missing", format_minutes_f(age)),
            None => "that none of its data from before the disruption comes back".to_string(),
        };
        if l.divided() {
            let newest = l.newest_days.map_or_else(
                || "its newest data".to_string(),
                |days| format!("its newest {}", Count(u64::from(days), "day", "days")),
            );
            events.push((back, format!("tell the users of {who} that the service is back with {newest}, and {data}")));
            if let Some(full) = l.full_within {
                events.push((full, format!("tell the users of {who} that its full history is back")));
            }
        } else {
            events.push((
                back,
                format!("tell the users of {who} that the service is back, full history included, and {data}"),
            ));
        }
    }
    // In time order; the first message at the time of first service says so.
    crate::order::sort_by(&mut events, |a, b| a.0.total_cmp(&b.0));
    let mut first_service = Some(at(timeline.first_service_minutes));
    for (when, message) in &events {
        let when = at(Some(*when));
        let first = if first_service.as_ref() == Some(&when) { " (first service)" } else { "" };
        if !first.is_empty() {
            first_service = None;
        }
        let _ = writeln!(out, "- **At {when}{first}**: {message}.");
    }
    out.push_str(
        "- **Throughout**: post progress as each step below finishes (each gives its time), and say at once when \
         one runs late.\n",
    );
    let oldest = levels.iter().filter_map(|l| l.data_age).filter(|&a| a > 0.0).reduce(f64::max);
    let missing = oldest.map_or_else(String::new, |age| {
        format!(", and that up to the last {} of data from before the disruption may be missing", format_minutes_f(age))
    });
    match timeline.full_restore_minutes {
        Some(full) => {
            let _ = writeln!(
                out,
                "- **At {}, when everything is back**: tell users the recovery is done{missing}.\n",
                format_minutes_f(full)
            );
        }
        None => {
            let _ = writeln!(
                out,
                "- **When all that can be recovered is back**: tell users the recovery is done{missing}, and that {} \
                 cannot be recovered as planned.\n",
                names(&mut timeline.unrecoverable.iter().map(StageId::as_str))
            );
        }
    }
}

fn write_timeline(
    out: &mut String,
    timeline: &Timeline,
    plan: &Plan,
    stages: &HashMap<&str, &Stage>,
    name: &dyn Fn(&str) -> String,
    secondary: &str,
    delay_of: &dyn Fn(&Stage) -> u32,
) {
    let d = timeline.disruption;
    // Each step: the stage, its timeline entry and its recommendation.
    let mut steps: Vec<(&Stage, &StageTimeline, &Recommendation)> = timeline
        .stages
        .iter()
        .filter_map(|t| {
            let stage = stages.get(t.id.as_str())?;
            let rec = plan.stage(&t.id)?.recommendation(d)?;
            Some((*stage, t, rec))
        })
        .collect();
    let start =
        |t: &StageTimeline| t.hot.and_then(|h| h.start_minutes).or(t.full.start_minutes).unwrap_or(f64::INFINITY);
    // Sorting by start keeps dependency order: a stage starts only when what it waits for is back.
    crate::order::sort_by(&mut steps, |a, b| {
        start(a.1).total_cmp(&start(b.1)).then(at_end(a.1).total_cmp(&at_end(b.1)))
    });
    let (code, data): (Vec<_>, Vec<_>) = steps.into_iter().partition(|(s, _, r)| is_code_step(s, r));
    let (external, data): (Vec<_>, Vec<_>) =
        data.into_iter().partition(|(s, _, _)| s.kind == StageKind::SystemOfRecord);

    let mut n = 0;
    if d == Disruption::Ransomware {
        let _ = writeln!(
            out,
            "### First: contain, then choose the point to recover to\n\n\
             - **Isolate**: disconnect the platform from its networks and disable the identities, keys and tokens it runs with; treat every credential it held as the attacker's.\n\
             - **Tell users** the platform is down: the first message above.\n\
             - **Pick the last clean recovery point**: the newest copy from before the attacker got in (not just before the encryption), checked before anything is restored from it.\n\
             - **Restore into a clean environment**: new subscription or resource groups, new credentials, deployed from the protected mirror of the code — never back into what was attacked.\n\
             - Only copies kept out of the platform's reach (each step names where) are used below.\n"
        );
    }
    if !external.is_empty() {
        let _ = writeln!(out, "### 0. Check the sources\n");
        for (stage, _, rec) in &external {
            let _ = writeln!(out, "- **{}**: {}.", name(&stage.id), action(rec, stage, secondary));
        }
        out.push('\n');
    }
    let _ = writeln!(out, "### 1. Code and configuration — all at once, from the start\n");
    if code.is_empty() {
        let _ = writeln!(
            out,
            "No code or configuration stages are on the canvas: add them, so the platform can be rebuilt from code.\n"
        );
    }
    for (stage, t, rec) in &code {
        n += 1;
        let _ = writeln!(
            out,
            "{n}. **{}** — {}. Done by {}.",
            name(&stage.id),
            action(rec, stage, secondary),
            at(t.completion_minutes)
        );
    }
    if !code.is_empty() {
        out.push('\n');
    }
    let _ = writeln!(out, "### 2. Data — in this order, newest data first\n");
    for (stage, t, rec) in &data {
        n += 1;
        let _ = write!(out, "{n}. **{}** — {}.", name(&stage.id), action(rec, stage, secondary));
        // A corruption found late: the copy or the source history to use is from before it began.
        let delay = delay_of(stage);
        let from_the_past = matches!(rec.strategy, DrStrategy::BackupRestore | DrStrategy::Reprocess);
        if d == Disruption::DataCorruption && delay > 0 && from_the_past && rec.rpo_minutes.is_some() {
            let _ = write!(
                out,
                " The corruption is found {} late: use only copies (or source data) from before it began, and check them before serving.",
                Count(u64::from(delay), "day", "days")
            );
        }
        // The days restored first: the hot window, else the recent-data target's days.
        let first_days = stage.hot_window_days.or(rec.recent.map(|r| r.days));
        if let (Some(hot), Some(days)) = (t.hot, first_days) {
            let _ = write!(
                out,
                " First the last {} ({} → {}), then the rest ({} → {}).",
                Count(u64::from(days), "day", "days"),
                at(hot.start_minutes),
                at(hot.end_minutes),
                at(t.full.start_minutes),
                at(t.full.end_minutes)
            );
        } else {
            let _ = write!(out, " From {} to {}.", at(t.full.start_minutes), at(t.full.end_minutes));
        }
        // Restored to a point in the past, then caught up from upstream.
        if let (Some(phase), Some(cu)) = (t.catch_up, rec.catch_up) {
            let _ = write!(
                out,
                " Then catch up: reprocess the {} written since that recovery point ({} old) from upstream once it is back ({} → {}).",
                Size(cu.gb),
                format_minutes_f(cu.from_rpo_minutes),
                at(phase.start_minutes),
                at(phase.end_minutes)
            );
        }
        if !t.waits_for.is_empty() {
            let waits: Vec<String> = t.waits_for.iter().map(|id| name(id)).collect();
            let _ = write!(out, " Waits for: {}.", waits.join(", "));
        }
        let verdict = if rec.meets_rto { "meets" } else { "MISSES" };
        let _ = write!(
            out,
            " Back by {}; target {} ({verdict}).",
            at(t.completion_minutes),
            format_minutes(rec.target.rto_minutes)
        );
        if let Some(r) = rec.recent {
            let _ = write!(
                out,
                " Its newest {} are back by {}; recent-data target {} ({}).",
                Count(u64::from(r.days), "day", "days"),
                at(r.back_minutes),
                format_minutes(r.target.rto_minutes),
                if r.meets_rto { "meets" } else { "MISSES" }
            );
        }
        // A missed RPO along the flows: how old the data will be, and where that comes from.
        if !rec.meets_rpo && !rec.assumed {
            let point = rec
                .effective_rpo_minutes
                .map_or_else(|| "no point at all".to_string(), |m| format!("a point {} old", format_minutes_f(m)));
            let from = t
                .rpo_limited_by
                .as_deref()
                .map_or_else(String::new, |id| format!(": its data comes from {}", name(id)));
            let _ =
                write!(out, " Data back to {point}; RPO {} (MISSES{from}).", format_minutes(rec.target.rpo_minutes));
        }
        out.push('\n');
    }
    if !timeline.unrecoverable.is_empty() {
        let names: Vec<String> = timeline.unrecoverable.iter().map(|id| name(id)).collect();
        let _ = writeln!(out, "\n**Cannot be recovered as planned:** {}.", names.join(", "));
    }
    out.push('\n');
}

fn at_end(t: &StageTimeline) -> f64 {
    t.completion_minutes.unwrap_or(f64::INFINITY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::plan;
    use crate::model::{Flow, Stage};

    fn scenario() -> Scenario {
        let mut raw = Stage::new("raw", StageKind::Raw);
        raw.label = "Raw <script>alert(1)</script> *zone*".into();
        raw.hot_window_days = Some(7);
        raw.volume_gb = 5000.0;
        raw.daily_change_gb = 50.0;
        let mut model = Stage::new("model", StageKind::Model);
        model.load = crate::model::LoadPattern::DailyFull;
        model.volume_gb = 100.0;
        let config = Stage::new("iac", StageKind::InfraConfig);
        let report = Stage::new("report", StageKind::Report);
        let erp = Stage::new("erp", StageKind::SystemOfRecord);
        Scenario {
            name: "Sales | platform".into(),
            stages: vec![report, model, raw, config, erp],
            flows: vec![
                Flow { from: "erp".into(), to: "raw".into() },
                Flow { from: "raw".into(), to: "model".into() },
                Flow { from: "model".into(), to: "report".into() },
            ],
            ..Scenario::default()
        }
    }

    #[test]
    fn code_first_then_data_in_dependency_order_with_hot_windows() {
        let s = scenario();
        let md = runbook_markdown(&s, &plan(&s));
        for section in md.split("\n## ").skip(1).filter(|s| s.starts_with("After")) {
            // The steps, after the messages to users (which name the stages users consume).
            let section = &section[section.find("### 0. Check the sources").expect("sources")..];
            let code = section.find("Infrastructure config").expect("config step");
            let data = section.find("### 2. Data").expect("data heading");
            let raw = section.find("Raw &lt;script&gt;").expect("raw step");
            let model = section.find("Model / semantic layer").expect("model step");
            assert!(code < data && data < raw && raw < model, "order in:\n{section}");
            // Restores bring the hot window back first; a storage failover has no such phase.
            if section.starts_with("After data corruption") {
                assert!(section.contains("First the last 7 days"), "{section}");
            }
            assert!(section.contains("0. Check the sources") && section.contains("external dependency"));
        }
        assert!(md.contains("## After data corruption") && md.contains("## After the loss of the primary region"));
    }

    #[test]
    fn user_text_is_escaped() {
        let s = scenario();
        let md = runbook_markdown(&s, &plan(&s));
        assert!(!md.contains("<script>"), "{md}");
        assert!(md.contains(r"\*zone\*"));
        assert!(md.starts_with(r"# Recovery runbook: Sales \| platform"));
        assert_eq!(escape_markdown("a_b [c](d) <e> & f\ng"), r"a\_b \[c\]\(d\) &lt;e&gt; &amp; f g");
    }

    #[test]
    fn a_data_stage_missing_its_rpo_says_how_old_its_data_is_and_why() {
        // The model reloads from the raw zone, restored to a point a day old: a 1 h RPO is missed
        // along the flows, though the model is back in time.
        let mut s = scenario();
        let model = s.stages.iter_mut().find(|st| st.id == "model").expect("model");
        model.targets = Some(crate::model::Targets {
            data_corruption: crate::model::Target { rpo_minutes: 60, rto_minutes: 1440 },
            ..crate::model::Targets::default()
        });
        let p = plan(&s);
        let rec = p.stage("model").and_then(|m| m.recommendation(Disruption::DataCorruption)).expect("rec");
        assert!(!rec.meets_rpo && rec.meets_rto, "{}", rec.reason);
        let md = runbook_markdown(&s, &p);
        let corruption = md.split("\n## ").nth(1).expect("corruption section");
        let step = corruption
            .lines()
            .find(|l| l.contains("Model / semantic layer") && l.starts_with(|c: char| c.is_ascii_digit()))
            .expect("model step");
        assert!(
            step.contains("(meets). Data back to a point 1d old; RPO 1h (MISSES: its data comes from Raw"),
            "{step}"
        );
    }

    #[test]
    fn a_corruption_found_late_says_to_use_only_what_predates_it() {
        let mut s = scenario();
        let steps = |s: &Scenario| {
            runbook_markdown(s, &plan(s)).matches("use only copies (or source data) from before it began").count()
        };
        assert_eq!(steps(&s), 0, "found at once: nothing to say");
        s.detection_delay_days = Some(3);
        let md = runbook_markdown(&s, &plan(&s));
        assert!(md.contains("The corruption is found 3 days late: use only copies"), "{md}");
        let data_steps = plan(&s)
            .stages
            .iter()
            .filter_map(|p| p.recommendation(Disruption::DataCorruption))
            .filter(|r| {
                matches!(r.strategy, DrStrategy::BackupRestore | DrStrategy::Reprocess) && r.rpo_minutes.is_some()
            })
            .count();
        assert!(data_steps > 0);
        assert_eq!(steps(&s), data_steps, "once per restored or rebuilt stage, after the corruption only: {md}");
    }

    #[test]
    fn durations_come_from_the_timeline() {
        let s = scenario();
        let p = plan(&s);
        let md = runbook_markdown(&s, &p);
        let t = &p.pipeline.timelines[0];
        let raw = t.stages.iter().find(|x| x.id == "raw").expect("raw");
        assert!(md.contains(&format!("Back by {}", at(raw.completion_minutes))), "{md}");
        assert!(md.contains(&format!("everything back at **{}**", at(t.full_restore_minutes))));
    }

    #[test]
    fn each_section_tells_users_when_each_service_is_back_from_the_sla_statement() {
        let s = crate::format::decode(include_str!("../../examples/lusty-reference-platform.json"))
            .map(|(s, _)| s)
            .expect("example");
        let p = plan(&s);
        let md = runbook_markdown(&s, &p);
        let statement = sla::sla_statement(&s, &p);
        for t in &p.pipeline.timelines {
            let start = md.find(&format!("\n## {}\n", heading(t.disruption))).expect("section");
            let section = &md[start + 1..];
            let section = &section[..section.find("\n## ").expect("next section")];
            let informed = section.find("### Keep users informed").expect("messages");
            assert!(informed < section.find("### 0. Check the sources").expect("steps"), "messages first");
            let messages = &section[informed..];
            let messages = &messages[..messages[1..].find("\n###").map_or(messages.len(), |i| i + 1)];
            let levels = &statement.section(t.disruption).expect("statement").levels;
            assert_eq!(levels.len(), 3, "reports, model, warehouse");
            for l in levels {
                let who = escape_markdown(&l.name);
                let back = at(l.back_within);
                assert!(
                    messages.contains(&format!("At {back}"))
                        && messages.contains(&format!("tell the users of {who} that the service is back")),
                    "{who} at {back}: {messages}"
                );
                if l.divided() {
                    let full = at(l.full_within);
                    assert!(
                        messages.contains(&format!(
                            "- **At {full}**: tell the users of {who} that its full history is back."
                        )),
                        "{messages}"
                    );
                }
            }
            assert!(messages.contains(&format!("At {} (first service)**", at(t.first_service_minutes))), "{messages}");
            assert!(
                messages.contains(&format!(
                    "- **At {}, when everything is back**: tell users the recovery is done",
                    at(t.full_restore_minutes)
                )),
                "{messages}"
            );
            let first = levels.iter().filter_map(|l| l.back_within).reduce(f64::min);
            let last = levels.iter().filter_map(|l| l.back_within).reduce(f64::max);
            assert!(
                messages.contains(&format!("the first within {}, all within {}", at(first), at(last))),
                "{messages}"
            );
            // After ransomware: a message once contained, at the end of the triage.
            assert_eq!(
                messages.contains("- **At 8h, when the attack is contained**"),
                t.disruption == Disruption::Ransomware,
                "{messages}"
            );
        }
        // The runbook ends with the statement itself.
        let tail = &md[md.find("## What to tell users: the SLA statement").expect("statement")..];
        let mut sections = String::new();
        sla::write_sections(&mut sections, &statement, "###");
        assert!(tail.contains(&sections), "{tail}");
        assert!(tail.ends_with(&sla::basis()));
    }
}
