//! Tests of sharing and saving decisions: every start (link, bench, autosave, broken ones),
//! the offer and its pause, imports that are refused with their problems, names and messages.

use super::*;
use crate::format::encode;
use crate::model::{synthetic, Disruption, StageKind};
use crate::results::ResultsTab;

fn scenario(name: &str, stages: usize) -> Scenario {
    let mut s = synthetic(stages);
    s.name = name.to_string();
    s
}

fn autosave_of(s: &Scenario) -> String {
    encode(s, None)
}

fn link_of(s: &Scenario) -> String {
    format!("#{}", encode_link(s))
}

/// One line saying what a start opens, offers, keeps and tells.
fn summary(start: &Start) -> String {
    let mut out = format!("opens “{}” ({})", title_of(&start.scenario), stage_count(start.scenario.stages.len()));
    if let Some(offer) = &start.offer {
        out += &format!("; offers “{}”", offer.title());
    }
    if start.unreadable.is_some() {
        out += "; keeps unreadable";
    }
    for m in &start.messages {
        out += &format!("; {:?}: {} [{}]", m.tone, m.text, m.details.join(" | "));
    }
    out
}

fn check(fragment: &str, autosaved: Option<&str>, expect: &[&str]) {
    let got = summary(&start(fragment, autosaved));
    for part in expect {
        assert!(got.contains(part), "start({fragment:.40}, …):\n  {got}\nshould contain {part:?}");
    }
}

fn check_exact(fragment: &str, autosaved: Option<&str>, expect: &str) {
    assert_eq!(summary(&start(fragment, autosaved)), expect, "start({fragment:.40}, …)");
}

#[test]
fn start_opens_the_link_ahead_of_the_autosave_and_keeps_the_autosave() {
    let mine = scenario("Mine", 3);
    let theirs = scenario("Theirs", 5);
    let (saved, link) = (autosave_of(&mine), link_of(&theirs));
    check_exact("", None, "opens “Untitled platform” (0 stages)");
    check_exact("", Some(&saved), "opens “Mine” (3 stages)");
    check_exact("#", Some(&saved), "opens “Mine” (3 stages)");
    check_exact("#top", Some(&saved), "opens “Mine” (3 stages)");
    check_exact(&link, None, "opens “Theirs” (5 stages)");
    check_exact(&link, Some(&saved), "opens “Theirs” (5 stages); offers “Mine”");
    // The address is kept current, so after a reload the link is the autosave: nothing to offer.
    check_exact(&link_of(&mine), Some(&saved), "opens “Mine” (3 stages)");
    check_exact("#bench=4", Some(&saved), "opens “Synthetic platform, 4 stages” (4 stages); offers “Mine”");
    check_exact("#bench=2", None, "opens “Synthetic platform, 2 stages” (2 stages)");
    check_exact("  ", Some(""), "opens “Untitled platform” (0 stages)");
}

#[test]
fn the_offer_restores_exactly_what_was_saved() {
    let mut mine = scenario("Mine", 2);
    mine.stages[0].pos.x = 10.4;
    let s = start(&link_of(&scenario("Theirs", 1)), Some(&autosave_of(&mine)));
    let offer = s.offer.expect("the autosave is offered");
    assert_eq!(*offer.scenario, mine, "fractional positions and all");
    assert_eq!(offer.restore_label(), "Restore my autosaved scenario “Mine” (2 stages)");
    assert_eq!(offer.keep_label(), "Keep this one (autosave replaces “Mine”)");
    assert!(offer.explanation().contains("not overwritten until you choose"));
    // A link of the autosave itself (positions rounded) opens the autosave, unrounded.
    let same = start(&link_of(&mine), Some(&autosave_of(&mine)));
    assert_eq!((same.scenario, same.offer), (mine, None));
}

#[test]
fn a_bad_link_is_reported_and_the_app_starts_with_the_autosave_or_empty() {
    let saved = autosave_of(&scenario("Mine", 3));
    check(
        "#v1.AAAA",
        Some(&saved),
        &[
            "opens “Mine” (3 stages)",
            "Error: The link in the address could not be opened",
            "opened your autosaved scenario “Mine” instead",
            "damaged or cut short",
        ],
    );
    check("#v1.", None, &["opens “Untitled platform” (0 stages)", "opened an empty platform instead"]);
    check("#v7.abc", None, &["not a Keel link this version can open"]);
    check("#v12.x", None, &["not a Keel link this version can open"]);
    check("#bench=lots", Some(&saved), &["opens “Mine”", "#bench= takes a number"]);
    let bad_kind = {
        let mut s = scenario("", 1);
        s.stages[0].volume_gb = -1.0;
        link_of(&s)
    };
    check(&bad_kind, None, &["scenario cannot be used", "volume_gb"]);
}

#[test]
fn an_unreadable_autosave_is_kept_reported_and_downloadable() {
    for (text, problem) in [
        ("{\"type\":\"keel-plan\",", "not valid JSON"),
        (r#"{"type":"keel-plan","version":9,"scenario":{}}"#, "newer Keel"),
        (r#"{"type":"keel-plan","version":1,"scenario":{"stages":[{"id":"a","kind":"lake"}]}}"#, "stages[0].kind"),
    ] {
        check("", Some(text), &["opens “Untitled platform” (0 stages); keeps unreadable", UNREADABLE_KEY, problem]);
        let s = start("", Some(text));
        assert_eq!(s.unreadable.as_deref(), Some(text));
        let attachment = s.messages[0].attachment.clone().expect("offered for download");
        assert_eq!(&*attachment.text, text);
    }
    // A link still opens; the unreadable text is still kept, and there is nothing to offer.
    let theirs = scenario("Theirs", 1);
    check_exact(
        &link_of(&theirs),
        Some("garbage"),
        &format!(
            "opens “Theirs” (1 stage); keeps unreadable; Error: Your autosaved scenario could not be read. It is kept in this browser under “{UNREADABLE_KEY}”, and you can download it to repair it by hand. [not valid JSON (line 1, column 1): expected value at line 1 column 1]"
        ),
    );
}

#[test]
fn the_shelf_pauses_autosave_until_the_user_chooses() {
    let mine = Offer { scenario: Rc::new(scenario("Mine", 1)) };
    let other = Offer { scenario: Rc::new(scenario("Other", 1)) };
    let shelf = Shelf::default();
    assert!(!shelf.autosave_paused());
    let kept = shelf.apply(ShelfEvent::Keep(mine.clone()));
    assert!(kept.autosave_paused());
    // A second link opened before choosing: the older autosave stays the one offered.
    let again = kept.apply(ShelfEvent::Keep(other));
    assert_eq!(again.offer, Some(mine));
    let decided = again.apply(ShelfEvent::Decided);
    assert!(!decided.autosave_paused());
    assert_eq!(decided.offer, None);
}

#[test]
fn storage_problems_are_reported_once_each() {
    let shelf = Shelf::default().apply(ShelfEvent::StorageFailed(StorageProblem::Full));
    let (seq, message) = shelf.message.clone().expect("reported");
    assert!(message.text.starts_with("Autosave stopped"), "{}", message.text);
    assert_eq!(shelf.apply(ShelfEvent::Dismiss(seq + 1)).message, shelf.message, "a newer message stays");
    let dismissed = shelf.apply(ShelfEvent::Dismiss(seq));
    assert_eq!(dismissed.message, None);
    let again = dismissed.apply(ShelfEvent::StorageFailed(StorageProblem::Full));
    assert_eq!(again.message, None, "a full storage is reported once");
    let other = again.apply(ShelfEvent::StorageFailed(StorageProblem::Unavailable));
    let (seq2, message) = other.message.expect("another kind is reported");
    assert!(seq2 > seq);
    assert!(message.text.starts_with("Autosave is off"));
    assert_eq!(storage_problem("QuotaExceededError"), StorageProblem::Full);
    assert_eq!(storage_problem("NS_ERROR_DOM_QUOTA_REACHED"), StorageProblem::Full);
    assert_eq!(storage_problem("SecurityError"), StorageProblem::Unavailable);
}

#[test]
fn boot_keeps_an_unreadable_autosave_aside_and_says_everything_at_once() {
    let theirs = link_of(&scenario("Theirs", 1));
    let mine = autosave_of(&scenario("Mine", 1));
    let kept = std::cell::RefCell::new(None);
    let keep = |text: &str| {
        *kept.borrow_mut() = Some(text.to_string());
        Ok(())
    };
    let (s, _, shelf) = boot(&theirs, Ok(Some(mine)), keep);
    assert_eq!((s.name.as_str(), shelf.autosave_paused(), shelf.message.is_none()), ("Theirs", true, true));
    assert_eq!(kept.borrow().as_deref(), None, "nothing unreadable to keep");

    let (s, _, shelf) = boot("", Ok(Some("{oops".to_string())), |text: &str| {
        *kept.borrow_mut() = Some(text.to_string());
        Ok(())
    });
    assert_eq!((s.stages.len(), shelf.autosave_paused()), (0, false));
    assert_eq!(kept.borrow().as_deref(), Some("{oops"));
    assert_eq!(shelf.message.map(|(_, m)| m.tone), Some(Tone::Error));

    // The text cannot be set aside (storage full): autosave pauses rather than overwrite it.
    let (_, _, shelf) = boot("#v1.AAAA", Ok(Some("{oops".to_string())), |_: &str| Err(StorageProblem::Full));
    assert!(shelf.autosave_paused());
    let (_, message) = shelf.message.clone().expect("told");
    let all = format!("{} [{}]", message.text, message.details.join(" | "));
    for part in [
        "could not be read",
        "link in the address could not be opened",
        "autosave is paused",
        "storage for Keel is full",
        "damaged",
    ] {
        assert!(all.contains(part), "{all} should contain {part:?}");
    }
    assert!(message.attachment.is_some());
    let again = shelf.apply(ShelfEvent::StorageFailed(StorageProblem::Full));
    assert_eq!(again.message, shelf.message, "already reported");

    // Storage that cannot be read at all: reported once; the link opens.
    let (s, _, shelf) = boot(&theirs, Err(StorageProblem::Unavailable), |_: &str| Ok(()));
    assert_eq!(s.name, "Theirs");
    assert!(shelf.message.is_some_and(|(_, m)| m.text.starts_with("Autosave is off")));
}

fn check_import(text: &str, expect: &[&str]) {
    let message = read_import("plan.json", text).expect_err(text);
    assert_eq!(message.tone, Tone::Error);
    let all = format!("{} [{}]", message.text, message.details.join(" | "));
    assert!(all.contains("Your scenario is unchanged"), "{all}");
    for part in expect {
        assert!(all.contains(part), "import of {text:.60?}:\n  {all}\nshould contain {part:?}");
    }
}

#[test]
fn imports_are_refused_with_every_problem_listed() {
    check_import(
        r#"{"type":"excalidraw","version":2,"elements":[]}"#,
        &["not a Keel plan file", "\"excalidraw\" file"],
    );
    check_import("{\"type\": \"keel-plan\", \"version\": 1,,}", &["not valid JSON", "line 1"]);
    check_import("[]", &["not a Keel plan file"]);
    check_import(r#"{"type":"keel-plan","version":3,"scenario":{}}"#, &["made by a newer Keel", "version 3"]);
    check_import(
        r#"{"type":"keel-plan","version":1,"scenario":{"stages":[{"id":"a","kind":"raw","volume_gb":-5}]}}"#,
        &["it has a problem", "stages[0].volume_gb (stage “a”): ", "negative"],
    );
    let two = r#"{"stages":[{"id":"a","kind":"raw","volume_gb":-5},{"id":"a","kind":"raw"}]}"#;
    let message = read_import("plan.json", two).expect_err("two problems");
    assert!(message.text.contains("it has problems"), "{}", message.text);
    assert!(message.details.len() >= 2, "{:?}", message.details);
    let sizes = check_file_size("huge.json", (MAX_FILE_BYTES + 1) as f64).expect_err("too large");
    assert!(sizes.text.contains("“huge.json”: it is too large"), "{}", sizes.text);
    assert!(sizes.details[0].contains("up to 16 MB"), "{:?}", sizes.details);
    assert_eq!(check_file_size("ok.json", MAX_FILE_BYTES as f64), Ok(()));
}

#[test]
fn imports_read_every_file_keel_writes_and_older_versions() {
    let s = scenario("Round trip", 6);
    let with_plan = encode(&s, Some(&crate::engine::plan(&s)));
    assert_eq!(read_import("a.json", &with_plan), Ok(s.clone()));
    let golden = include_str!("../../../tests/fixtures/plan-v1.json");
    assert_eq!(read_import("plan-v1.json", golden).map(|s| s.name), Ok("Golden v1".to_string()));
    // A bare scenario, as written by hand.
    let bare = read_import("bare.json", r#"{"stages":[{"id":"raw","kind":"raw"}]}"#).expect("bare scenario");
    assert_eq!((bare.stages.len(), bare.stages[0].kind, bare.stages[0].volume_gb), (1, StageKind::Raw, 0.0));
}

#[test]
fn file_names_come_from_the_scenario_name() {
    let named = |name: &str| Scenario { name: name.to_string(), ..Scenario::default() };
    assert_eq!(file_name(&named("Contoso lake / prod"), ".json"), "contoso-lake-prod.json");
    assert_eq!(file_name(&named("  "), ".json"), "untitled-platform.json");
    assert_eq!(file_name(&named("../../etc/passwd"), ".md"), "etc-passwd.md");
    assert_eq!(file_name(&named("Données Ærø 2026!"), "-runbook.md"), "données-ærø-2026-runbook.md");
    assert_eq!(file_name(&named("<script>"), ".json"), "script.json");
    assert_eq!(file_name(&named(&"a".repeat(200)), ".json").len(), 60 + 5);
}

#[test]
fn share_urls_replace_the_fragment_and_open_the_same_scenario() {
    let s = scenario("Shared", 4);
    let view = ResultsView { tab: ResultsTab::Warnings, folded: true, ..ResultsView::default() };
    let url = share_url("http://127.0.0.1:8080/?x=1#v1.old", &s, &view);
    let (base, fragment) = url.split_once('#').expect("a fragment");
    assert_eq!(base, "http://127.0.0.1:8080/?x=1");
    assert_eq!(arrival(fragment), Arrival::Open { scenario: s, view, what: "the scenario from the link".to_string() });
}

#[test]
fn the_results_open_as_the_autosave_or_the_link_left_them() {
    let mine = scenario("Mine", 2);
    let plots = ResultsView { tab: ResultsTab::Plots, disruption: Disruption::Ransomware, ..ResultsView::default() };
    let saved = crate::format::encode_with_view(&mine, None, &plots);
    // A reload: the autosave's view.
    assert_eq!(start("", Some(&saved)).view, plots);
    // A link: its view, whether its scenario is the autosaved one or another.
    let warnings = ResultsView { tab: ResultsTab::Warnings, ..ResultsView::default() };
    let same = share_url("http://x/", &mine, &warnings);
    let other = share_url("http://x/", &scenario("Theirs", 1), &warnings);
    for url in [same, other] {
        let fragment = url.split_once('#').map(|(_, f)| f).unwrap_or_default();
        assert_eq!(start(fragment, Some(&saved)).view, warnings);
    }
    // An autosave of before keeps the default view; one whose view is odd opens all the same.
    assert_eq!(start("", Some(&autosave_of(&mine))).view, ResultsView::default());
    let odd = saved.replacen("\"tab\": \"plots\"", "\"tab\": 42", 1);
    assert_ne!(odd, saved);
    let opened = start("", Some(&odd));
    assert_eq!(
        (opened.scenario, opened.view.tab, opened.view.disruption),
        (mine, ResultsTab::Stages, Disruption::Ransomware)
    );
}

#[test]
fn copying_says_what_happened_and_warns_of_long_links() {
    let check_copy = |chars: usize, by_hand: bool, tone: Tone, expect: &[&str]| {
        let m = copied_message(chars, by_hand);
        assert_eq!(m.tone, tone, "{}", m.text);
        for part in expect {
            assert!(m.text.contains(part), "{} should contain {part:?}", m.text);
        }
    };
    check_copy(640, false, Tone::Info, &["Link copied (640 characters)"]);
    check_copy(2000, false, Tone::Info, &["Link copied (2,000 characters)"]);
    check_copy(2345, false, Tone::Warning, &["Link copied", "long (2,345 characters)", "over 2,000"]);
    check_copy(640, true, Tone::Warning, &["Ctrl+C", "⌘C", "640 characters"]);
    check_copy(1_234_567, true, Tone::Warning, &["1,234,567 characters", "over 2,000"]);
}

#[test]
fn copying_the_sla_statement_says_what_happened() {
    let copied = statement_copied_message(false);
    assert_eq!(copied.tone, Tone::Info);
    assert!(copied.text.starts_with("SLA statement copied as Markdown"), "{}", copied.text);
    let by_hand = statement_copied_message(true);
    assert_eq!(by_hand.tone, Tone::Warning);
    assert!(by_hand.text.contains("Press Ctrl+C (⌘C on a Mac) to copy the selected SLA statement"), "{}", by_hand.text);
}
