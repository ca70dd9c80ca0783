//! Native tests of the editor reducer: every action, the pointer state machine, undo and redo.

use super::geometry::{Size, View, CARD_H, CARD_W, GRID, ZOOM_MAX, ZOOM_MIN};
use super::history::UNDO_LIMIT;
use super::*;
use crate::model::{Flow, Pos, StageKind};

fn p(x: f64, y: f64) -> Pos {
    Pos { x, y }
}

/// An editor on stages placed at world positions, with flows; the view is 1000×600 at zoom 1
/// with the world origin at the screen's top-left, so screen and world coordinates agree.
fn editor(stages: &[(&str, StageKind, (f64, f64))], flows: &[(&str, &str)]) -> Editor {
    let mut scenario = Scenario::default();
    for (id, kind, (x, y)) in stages {
        let mut s = Stage::new(*id, *kind);
        s.label = id.to_uppercase();
        s.pos = p(*x, *y);
        scenario.stages.push(s);
    }
    for (from, to) in flows {
        scenario.flows.push(Flow { from: from.to_string(), to: to.to_string() });
    }
    let mut e = Editor::new(scenario);
    e.view = View { pan: p(0.0, 0.0), zoom: 1.0, size: Size { w: 1000.0, h: 600.0 } };
    e
}

/// Three stages in a row: a (0,0) → b (300,0), and c (600,0) on its own.
fn abc() -> Editor {
    editor(
        &[
            ("a", StageKind::Raw, (0.0, 0.0)),
            ("b", StageKind::Enriched, (300.0, 0.0)),
            ("c", StageKind::Curated, (600.0, 0.0)),
        ],
        &[("a", "b")],
    )
}

#[track_caller]
fn act(e: &Editor, action: Action) -> Editor {
    match e.apply(action.clone()) {
        Some(next) => next,
        None => panic!("{action:?} changed nothing"),
    }
}

fn input(id: i32, x: f64, y: f64) -> PointerInput {
    PointerInput { pointer_id: id, pos_in_screen: p(x, y), ..PointerInput::default() }
}

fn down(x: f64, y: f64) -> Action {
    Action::PointerDown(input(1, x, y))
}

fn mv(x: f64, y: f64) -> Action {
    Action::PointerMove(input(1, x, y))
}

fn up(x: f64, y: f64) -> Action {
    Action::PointerUp(input(1, x, y))
}

/// Applies actions in order; no-ops are allowed (a pointer move below the threshold).
fn run(e: &Editor, actions: impl IntoIterator<Item = Action>) -> Editor {
    actions.into_iter().fold(e.clone(), |e, a| e.apply(a).unwrap_or(e))
}

fn pos(e: &Editor, id: &str) -> Pos {
    e.scenario.stage(id).map(|s| s.pos).unwrap_or_else(|| panic!("no stage {id}"))
}

fn selected(e: &Editor) -> Vec<&str> {
    e.selection.iter().map(String::as_str).collect()
}

fn notice(e: &Editor) -> &str {
    e.notice.as_ref().map_or("", |n| n.text.as_str())
}

fn flows(e: &Editor) -> Vec<(String, String)> {
    e.scenario.flows.iter().map(|f| (f.from.clone(), f.to.clone())).collect()
}

#[test]
fn rename_trims_changes_only_the_name_and_is_undoable() {
    let e = Editor::default();
    let renamed = act(&e, Action::RenameScenario("  Contoso lake  ".into()));
    assert_eq!(renamed.scenario.name, "Contoso lake");
    let mut expected = (*e.scenario).clone();
    expected.name = "Contoso lake".into();
    assert_eq!(*renamed.scenario, expected);
    assert_eq!(act(&renamed, Action::Undo).scenario.name, "Untitled platform");
}

#[test]
fn rename_refuses_blank_too_long_and_unchanged_names() {
    let e = Editor::new(Scenario { name: "Lake".into(), ..Scenario::default() });
    assert_eq!(e.apply(Action::RenameScenario("   ".into())), None);
    assert_eq!(e.apply(Action::RenameScenario("x".repeat(MAX_NAME_CHARS + 1))), None);
    assert_eq!(e.apply(Action::RenameScenario(" Lake ".into())), None);
    assert!(e.apply(Action::RenameScenario("x".repeat(MAX_NAME_CHARS))).is_some());
}

#[test]
fn title_falls_back_when_the_name_is_blank() {
    let e = Editor::new(Scenario { name: " ".into(), ..Scenario::default() });
    assert_eq!(e.title(), "Untitled platform");
    assert_eq!(Editor::default().title(), Scenario::default().name);
}

#[test]
fn add_stage_at_the_centre_snaps_selects_and_gets_unique_ids_and_labels() {
    let e = editor(&[], &[]);
    let one = act(&e, Action::AddStage { kind: StageKind::Raw, at_in_screen: None });
    let stage = &one.scenario.stages[0];
    assert_eq!(stage.id, "raw");
    assert_eq!(stage.label, "Raw zone");
    // Centre of a 1000×600 view is (500, 300); the card is centred there, on the grid.
    assert_eq!(stage.pos, p(420.0, 260.0));
    assert_eq!(selected(&one), ["raw"]);
    assert_eq!(notice(&one), "Added Raw zone");

    // Again at the same place: a new id and label, moved off the first card.
    let two = act(&one, Action::AddStage { kind: StageKind::Raw, at_in_screen: None });
    let second = &two.scenario.stages[1];
    assert_eq!((second.id.as_str(), second.label.as_str()), ("raw_2", "Raw zone 2"));
    assert_eq!(second.pos, p(440.0, 280.0));
    assert_eq!(selected(&two), ["raw_2"]);
}

#[test]
fn add_stage_at_a_drop_point_follows_the_view_and_the_snap_setting() {
    let mut e = editor(&[], &[]);
    e.view = View { pan: p(100.0, 50.0), zoom: 2.0, size: e.view.size };
    let dropped = act(&e, Action::AddStage { kind: StageKind::Report, at_in_screen: Some(p(333.0, 251.0)) });
    // World centre (116.5, 100.5) → top-left (26.5, 50.5) → snapped (20, 60).
    assert_eq!(dropped.scenario.stages[0].pos, p(20.0, 60.0));
    let free = act(&e, Action::ToggleSnap);
    let dropped = act(&free, Action::AddStage { kind: StageKind::Report, at_in_screen: Some(p(333.0, 251.0)) });
    assert_eq!(dropped.scenario.stages[0].pos, p(116.5 - CARD_W / 2.0, 100.5 - CARD_H / 2.0));
}

#[test]
fn delete_removes_the_selection_and_its_flows() {
    let e = editor(
        &[
            ("a", StageKind::Raw, (0.0, 0.0)),
            ("b", StageKind::Enriched, (300.0, 0.0)),
            ("c", StageKind::Curated, (600.0, 0.0)),
        ],
        &[("a", "b"), ("b", "c")],
    );
    assert_eq!(e.apply(Action::DeleteSelection), None, "nothing selected, nothing deleted");
    let e = act(&e, Action::Select { id: "b".into(), additive: false });
    let deleted = act(&e, Action::DeleteSelection);
    let ids: Vec<&str> = deleted.scenario.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["a", "c"]);
    assert!(deleted.scenario.flows.is_empty());
    assert!(deleted.selection.is_empty());
    assert_eq!(notice(&deleted), "Deleted B and 2 flows");
    let back = act(&deleted, Action::Undo);
    assert_eq!(*back.scenario, *e.scenario);
    assert_eq!(selected(&back), ["b"], "undo restores the selection too");
}

#[test]
fn connect_adds_a_flow_or_says_why_not() {
    let e = abc();
    let joined = act(&e, Action::Connect { from: "b".into(), to: "c".into() });
    assert_eq!(flows(&joined), [("a".into(), "b".into()), ("b".into(), "c".into())]);
    assert_eq!(notice(&joined), "Connected B → C");
    assert_eq!(joined.history().undo_len(), 1);

    for (from, to, why) in [
        ("a", "a", "A cannot feed itself"),
        ("a", "b", "A already flows to B"),
        ("c", "a", "C → A would close a loop: A already feeds C"),
        ("a", "zz", "no longer exists"),
    ] {
        let refused = act(&joined, Action::Connect { from: from.into(), to: to.into() });
        assert_eq!(refused.scenario, joined.scenario, "{from} → {to} must be refused");
        let n = refused.notice.as_ref().expect("a notice");
        assert!(n.refusal && n.text.contains(why), "{from} → {to}: {:?}", n.text);
        assert_eq!(refused.history().undo_len(), 1, "a refusal is not an undo step");
    }
}

#[test]
fn nudge_moves_the_selection_by_grid_steps() {
    let e = abc();
    assert_eq!(e.apply(Action::Nudge { dx: 1, dy: 0 }), None, "nothing selected");
    let e = act(&e, Action::SelectAll);
    let moved = act(&e, Action::Nudge { dx: 1, dy: -4 });
    assert_eq!(pos(&moved, "a"), p(GRID, -4.0 * GRID));
    assert_eq!(pos(&moved, "c"), p(600.0 + GRID, -4.0 * GRID));
    assert_eq!(notice(&moved), "Moved 3 stages");
    let one = act(&abc(), Action::Select { id: "b".into(), additive: false });
    let moved = act(&one, Action::Nudge { dx: 0, dy: 1 });
    assert_eq!(notice(&moved), "Moved B to 300, 20", "announced for screen readers");
    assert_eq!(pos(&act(&moved, Action::Undo), "b"), p(300.0, 0.0));
}

#[test]
fn select_replaces_or_toggles_and_select_all_and_escape() {
    let e = abc();
    let e = act(&e, Action::Select { id: "a".into(), additive: false });
    assert_eq!(e.apply(Action::Select { id: "a".into(), additive: false }), None);
    assert_eq!(e.apply(Action::Select { id: "nope".into(), additive: false }), None);
    let e = act(&e, Action::Select { id: "c".into(), additive: true });
    assert_eq!(selected(&e), ["a", "c"]);
    let e = act(&e, Action::Select { id: "a".into(), additive: true });
    assert_eq!(selected(&e), ["c"]);
    let e = act(&e, Action::Select { id: "b".into(), additive: false });
    assert_eq!(selected(&e), ["b"]);
    let all = act(&e, Action::SelectAll);
    assert_eq!(selected(&all), ["a", "b", "c"]);
    assert_eq!(all.apply(Action::SelectAll), None);
    assert_eq!(all.history().undo_len(), 0, "selecting is not an undo step");
    let cleared = act(&all, Action::Escape);
    assert!(cleared.selection.is_empty());
    assert_eq!(cleared.apply(Action::Escape), None);
    let help = act(&all, Action::SetHelp(true));
    let closed = act(&help, Action::Escape);
    assert!(!closed.help_open && closed.selection.len() == 3, "Esc closes the help first");
}

#[test]
fn a_whole_drag_is_one_undo_step_and_snaps() {
    let e = abc();
    // Grab a at (10, 10), drag in many small steps to (10 + 95, 10 + 47).
    let mut actions = vec![down(10.0, 10.0)];
    actions.extend((1..=19).map(|i| mv(10.0 + 5.0 * f64::from(i), 10.0 + 2.5 * f64::from(i))));
    actions.push(up(105.0, 57.5));
    let dragged = run(&e, actions);
    assert_eq!(pos(&dragged, "a"), p(100.0, 40.0), "95, 47.5 snapped to the 20 px grid");
    assert_eq!(selected(&dragged), ["a"], "pressing a stage selects it");
    assert!(dragged.gesture.is_none());
    assert_eq!(dragged.history().undo_len(), 1, "one step for the whole drag");
    assert_eq!(dragged.history().next_undo(), Some("move A"));
    assert_eq!(notice(&dragged), "Moved A");
    let undone = act(&dragged, Action::Undo);
    assert_eq!(pos(&undone, "a"), p(0.0, 0.0));
    assert_eq!(notice(&undone), "Undid: move A");
    let redone = act(&undone, Action::Redo);
    assert_eq!(pos(&redone, "a"), p(100.0, 40.0));
    assert_eq!(notice(&redone), "Redid: move A");

    // Without snapping the card follows the pointer exactly.
    let free = act(&e, Action::ToggleSnap);
    let dragged = run(&free, [down(10.0, 10.0), mv(40.0, 17.0), up(40.0, 17.0)]);
    assert_eq!(pos(&dragged, "a"), p(30.0, 7.0));
}

#[test]
fn a_click_without_moving_selects_and_records_nothing() {
    let e = abc();
    let clicked = run(&e, [down(310.0, 10.0), mv(311.0, 11.0), up(311.0, 11.0)]);
    assert_eq!(selected(&clicked), ["b"]);
    assert_eq!(*clicked.scenario, *e.scenario);
    assert_eq!(clicked.history().undo_len(), 0);
}

#[test]
fn dragging_a_selected_stage_moves_the_whole_selection_and_esc_cancels() {
    let e = act(
        &act(&abc(), Action::Select { id: "a".into(), additive: false }),
        Action::Select { id: "c".into(), additive: true },
    );
    let dragging = run(&e, [down(610.0, 10.0), mv(650.0, 50.0)]);
    assert_eq!(pos(&dragging, "a"), p(40.0, 40.0));
    assert_eq!(pos(&dragging, "c"), p(640.0, 40.0));
    assert_eq!(pos(&dragging, "b"), p(300.0, 0.0));
    let dragged = act(&dragging, up(650.0, 50.0));
    assert_eq!(dragged.history().next_undo(), Some("move 2 stages"));
    let cancelled = act(&dragging, Action::Escape);
    assert_eq!(*cancelled.scenario, *e.scenario, "Esc puts the stages back");
    assert!(cancelled.gesture.is_none() && cancelled.history().undo_len() == 0);
    let cancelled = act(&dragging, Action::PointerCancel { pointer_id: 1 });
    assert_eq!(*cancelled.scenario, *e.scenario);
    assert_eq!(dragging.apply(Action::PointerCancel { pointer_id: 9 }), None, "another pointer");
}

#[test]
fn shift_or_ctrl_click_toggles_a_stage_in_the_selection() {
    let e = act(&abc(), Action::Select { id: "a".into(), additive: false });
    let shift = |x, y| Action::PointerDown(PointerInput { shift: true, ..input(1, x, y) });
    let ctrl = |x, y| Action::PointerDown(PointerInput { ctrl: true, ..input(1, x, y) });
    let e = run(&e, [shift(310.0, 10.0), up(310.0, 10.0)]);
    assert_eq!(selected(&e), ["a", "b"]);
    let e = run(&e, [ctrl(10.0, 10.0), up(10.0, 10.0)]);
    assert_eq!(selected(&e), ["b"]);
}

#[test]
fn dragging_from_an_output_handle_connects_with_a_live_preview() {
    let e = abc();
    // b's output handle is at (480, 50); c's input handle at (600, 50).
    let started = act(&e, down(478.0, 52.0));
    assert!(matches!(&started.gesture, Some(Gesture::Connecting { from, .. }) if from == "b"));
    let near = act(&started, mv(590.0, 60.0));
    let Some(Gesture::Connecting { target, refusal, pointer_in_world, .. }) = &near.gesture else {
        panic!("still connecting")
    };
    assert_eq!((target.as_deref(), refusal.as_deref(), *pointer_in_world), (Some("c"), None, p(590.0, 60.0)));
    let done = act(&near, up(590.0, 60.0));
    assert!(flows(&done).contains(&("b".into(), "c".into())));
    assert_eq!(done.history().undo_len(), 1);

    // Onto a stage that already feeds b: the preview says why before the release.
    let back = run(&e, [down(478.0, 52.0), mv(20.0, 50.0)]);
    let Some(Gesture::Connecting { target, refusal, .. }) = &back.gesture else { panic!("connecting") };
    assert_eq!(target.as_deref(), Some("a"));
    assert!(refusal.as_deref().is_some_and(|r| r.contains("would close a loop")), "{refusal:?}");
    let refused = act(&back, up(20.0, 50.0));
    assert_eq!(flows(&refused), flows(&e));
    assert!(refused.notice.as_ref().is_some_and(|n| n.refusal));

    // Released on the empty background: nothing happens.
    let nowhere = run(&e, [down(478.0, 52.0), mv(450.0, 400.0), up(450.0, 400.0)]);
    assert_eq!(*nowhere.scenario, *e.scenario);
    assert!(nowhere.gesture.is_none());
}

#[test]
fn shift_drag_on_the_background_draws_a_selection_box() {
    let e = abc();
    let shift_down = Action::PointerDown(PointerInput { shift: true, ..input(1, -10.0, -10.0) });
    let boxed = run(&e, [shift_down, mv(500.0, 200.0)]);
    assert_eq!(selected(&boxed), ["a", "b"], "only cards fully inside the box");
    let done = act(&boxed, up(500.0, 200.0));
    assert_eq!(notice(&done), "2 stages selected");
    assert!(done.gesture.is_none());
}

#[test]
fn dragging_the_background_pans_and_a_click_there_clears_the_selection() {
    let e = act(&abc(), Action::SelectAll);
    let panned = run(&e, [down(500.0, 400.0), mv(520.0, 380.0), mv(560.0, 330.0), up(560.0, 330.0)]);
    assert_eq!(panned.view.pan, p(60.0, -70.0));
    assert_eq!(panned.selection.len(), 3, "a pan keeps the selection");
    let clicked = run(&e, [down(500.0, 400.0), up(500.0, 400.0)]);
    assert!(clicked.selection.is_empty());
    assert_eq!(clicked.view, e.view);
    // With the space bar held, a drag that starts on a stage pans too.
    let space = act(&e, Action::SetSpaceHeld(true));
    let panned = run(&space, [down(10.0, 10.0), mv(30.0, 10.0), up(30.0, 10.0)]);
    assert_eq!(panned.view.pan, p(20.0, 0.0));
    assert_eq!(pos(&panned, "a"), p(0.0, 0.0));
    // The middle button pans as well.
    let middle = Action::PointerDown(PointerInput { button: 1, ..input(1, 10.0, 10.0) });
    let panned = run(&e, [middle, mv(10.0, 40.0), up(10.0, 40.0)]);
    assert_eq!(panned.view.pan, p(0.0, 30.0));
}

#[test]
fn two_fingers_pinch_to_zoom_around_their_midpoint() {
    let e = abc();
    let a = Action::PointerDown(input(1, 400.0, 300.0));
    let b = Action::PointerDown(input(2, 600.0, 300.0));
    let pinching = run(&e, [a, b]);
    assert!(matches!(pinching.gesture, Some(Gesture::Pinching { .. })));
    let spread = act(&pinching, Action::PointerMove(input(2, 800.0, 300.0)));
    // Distance 200 → 400: zoom ×2 around (500, 300), then the midpoint moves to (600, 300).
    assert!((spread.view.zoom - 2.0).abs() < 1e-9);
    let mid_world = e.view.world_from_screen(p(500.0, 300.0));
    let now = spread.view.screen_from_world(mid_world);
    assert!(geometry::distance(now, p(600.0, 300.0)) < 1e-9, "{now:?}");
    let ended = act(&spread, Action::PointerUp(input(1, 400.0, 300.0)));
    assert!(ended.gesture.is_none());
}

#[test]
fn the_wheel_pans_and_ctrl_wheel_zooms_at_the_pointer_within_limits() {
    let e = abc();
    let panned = act(&e, Action::Wheel { pos_in_screen: p(0.0, 0.0), dx: 10.0, dy: 40.0, zoom: false });
    assert_eq!(panned.view.pan, p(-10.0, -40.0));
    let anchor = p(250.0, 100.0);
    let under = e.view.world_from_screen(anchor);
    let zoomed = act(&e, Action::Wheel { pos_in_screen: anchor, dx: 0.0, dy: -100.0, zoom: true });
    assert!((zoomed.view.zoom - ZOOM_STEP).abs() < 1e-9, "one notch is one step");
    assert!(geometry::distance(zoomed.view.world_from_screen(anchor), under) < 1e-9);
    let pinch = act(&e, Action::Wheel { pos_in_screen: anchor, dx: 0.0, dy: -10.0, zoom: true });
    assert!((pinch.view.zoom - 0.1f64.exp()).abs() < 1e-9, "a pinch follows its scale");
    let far_in = run(&e, (0..40).map(|_| Action::Wheel { pos_in_screen: anchor, dx: 0.0, dy: -100.0, zoom: true }));
    assert_eq!(far_in.view.zoom, ZOOM_MAX);
    let far_out = run(&e, (0..40).map(|_| Action::Wheel { pos_in_screen: anchor, dx: 0.0, dy: 100.0, zoom: true }));
    assert_eq!(far_out.view.zoom, ZOOM_MIN);
    assert_eq!(far_out.apply(Action::Wheel { pos_in_screen: anchor, dx: 0.0, dy: 100.0, zoom: true }), None);
}

#[test]
fn zoom_buttons_fit_and_centre() {
    let e = abc();
    let zin = act(&e, Action::ZoomIn);
    assert!((zin.view.zoom - ZOOM_STEP).abs() < 1e-9);
    assert!((act(&zin, Action::ZoomOut).view.zoom - 1.0).abs() < 1e-9);
    let reset = act(&act(&zin, Action::ZoomIn), Action::ZoomReset);
    assert!((reset.view.zoom - 1.0).abs() < 1e-9);

    let fitted = act(&act(&e, Action::ZoomIn), Action::FitView);
    let visible = fitted.view.visible_in_world();
    assert!(visible.x <= 0.0 && visible.x + visible.w >= 600.0 + CARD_W, "{visible:?}");
    assert_eq!(e.apply(Action::FitSelection), None, "no selection to fit");
    let one = act(&e, Action::Select { id: "c".into(), additive: false });
    let fitted = act(&one, Action::FitSelection);
    let centre = fitted.view.screen_from_world(p(600.0 + CARD_W / 2.0, CARD_H / 2.0));
    assert!(geometry::distance(centre, p(500.0, 300.0)) < 1e-9);

    let centred = act(&e, Action::CentreOn(p(1000.0, 1000.0)));
    assert_eq!(centred.view.screen_from_world(p(1000.0, 1000.0)), p(500.0, 300.0));
}

#[test]
fn the_first_measure_fits_the_platform_and_later_ones_keep_the_centre() {
    let mut scenario = Scenario::default();
    for (i, x) in [0.0, 2000.0].into_iter().enumerate() {
        let mut s = Stage::new(format!("s{i}"), StageKind::Raw);
        s.pos = p(x, 0.0);
        scenario.stages.push(s);
    }
    let e = Editor::new(scenario);
    let measured = act(&e, Action::Resize(Size { w: 800.0, h: 500.0 }));
    let visible = measured.view.visible_in_world();
    assert!(visible.x <= 0.0 && visible.x + visible.w >= 2000.0 + CARD_W, "fitted on first load: {visible:?}");
    let centre = measured.view.world_from_screen(measured.view.centre_in_screen());
    let wider = act(&measured, Action::Resize(Size { w: 1000.0, h: 500.0 }));
    assert_eq!(wider.view.zoom, measured.view.zoom, "not fitted again");
    assert!(geometry::distance(wider.view.world_from_screen(wider.view.centre_in_screen()), centre) < 1e-9);
    assert_eq!(wider.apply(Action::Resize(Size { w: 1000.0, h: 500.0 })), None);
}

#[test]
fn a_view_fitted_to_an_estimated_size_is_fitted_again_when_measured_unless_moved() {
    let mut scenario = Scenario::default();
    for (i, x) in [0.0, 2000.0].into_iter().enumerate() {
        let mut s = Stage::new(format!("s{i}"), StageKind::Raw);
        s.pos = p(x, 0.0);
        scenario.stages.push(s);
    }
    let fits = |e: &Editor| {
        let visible = e.view.visible_in_world();
        visible.x <= 0.0 && visible.x + visible.w >= 2000.0 + CARD_W
    };
    let e = Editor::new(scenario);
    assert_eq!(e.apply(Action::EstimateSize(Size { w: 0.0, h: 500.0 })), None, "no usable estimate");
    assert_eq!(e.apply(Action::EstimateSize(Size { w: f64::NAN, h: 500.0 })), None);
    let estimated = act(&e, Action::EstimateSize(Size { w: 800.0, h: 500.0 }));
    assert!(fits(&estimated), "fitted to the estimate: the first render draws the cards");
    assert_eq!(estimated.view.size, Size { w: 800.0, h: 500.0 });

    // The measure confirms the estimate: nothing to do.
    assert_eq!(estimated.apply(Action::Resize(Size { w: 800.0, h: 500.0 })), None);
    // The measure differs (a narrower canvas): fitted again, not merely re-centred.
    let narrower = act(&estimated, Action::Resize(Size { w: 600.0, h: 500.0 }));
    assert!(fits(&narrower), "fitted again to the measured size: {:?}", narrower.view);
    assert!(narrower.view.zoom < estimated.view.zoom);
    // Only once: a later resize keeps the centre and the zoom.
    let later = act(&narrower, Action::Resize(Size { w: 500.0, h: 500.0 }));
    assert_eq!(later.view.zoom, narrower.view.zoom);

    // The user zoomed before the measure came: their view stays.
    let zoomed = act(&estimated, Action::ZoomIn);
    let measured = act(&zoomed, Action::Resize(Size { w: 600.0, h: 500.0 }));
    assert_eq!(measured.view.zoom, zoomed.view.zoom, "not fitted over the user's zoom");

    // Once measured, estimates are ignored.
    assert_eq!(later.apply(Action::EstimateSize(Size { w: 900.0, h: 900.0 })), None);
}

#[test]
fn snap_space_and_help_toggles() {
    let e = abc();
    let off = act(&e, Action::ToggleSnap);
    assert!(!off.snap);
    assert_eq!(notice(&off), "Snap to grid off");
    assert!(act(&off, Action::ToggleSnap).snap);
    let held = act(&e, Action::SetSpaceHeld(true));
    assert!(held.space_held);
    assert_eq!(held.apply(Action::SetSpaceHeld(true)), None);
    let help = act(&e, Action::SetHelp(true));
    assert!(help.help_open);
    assert_eq!(help.apply(Action::SetHelp(true)), None);
}

#[test]
fn undo_and_redo_walk_every_kind_of_change() {
    let e = editor(&[], &[]);
    let steps = run(
        &e,
        [
            Action::AddStage { kind: StageKind::Raw, at_in_screen: Some(p(100.0, 100.0)) },
            Action::AddStage { kind: StageKind::Curated, at_in_screen: Some(p(500.0, 100.0)) },
            Action::Connect { from: "raw".into(), to: "curated".into() },
            Action::Nudge { dx: 0, dy: 2 },
            Action::RenameScenario("Lake".into()),
        ],
    );
    assert_eq!(steps.history().undo_len(), 5);
    let mut states = vec![steps.clone()];
    let mut at = steps.clone();
    for _ in 0..5 {
        at = act(&at, Action::Undo);
        states.push(at.clone());
    }
    assert_eq!(*at.scenario, *e.scenario, "five undos go back to the start");
    assert_eq!(at.apply(Action::Undo), None, "nothing left to undo");
    for expected in states.iter().rev().skip(1) {
        at = act(&at, Action::Redo);
        assert_eq!(*at.scenario, *expected.scenario);
    }
    assert_eq!(at.apply(Action::Redo), None, "nothing left to redo");
    // A new change after an undo drops the redo stack.
    let branched = act(&act(&steps, Action::Undo), Action::SelectAll);
    let branched = act(&branched, Action::DeleteSelection);
    assert_eq!(branched.history().redo_len(), 0);
}

#[test]
fn undo_keeps_the_last_hundred_steps() {
    let mut e = editor(&[("a", StageKind::Raw, (0.0, 0.0))], &[]);
    e = act(&e, Action::Select { id: "a".into(), additive: false });
    for _ in 0..UNDO_LIMIT + 20 {
        e = act(&e, Action::Nudge { dx: 1, dy: 0 });
    }
    assert_eq!(pos(&e, "a").x, GRID * (UNDO_LIMIT + 20) as f64);
    for _ in 0..UNDO_LIMIT {
        e = act(&e, Action::Undo);
    }
    assert_eq!(e.apply(Action::Undo), None);
    assert_eq!(pos(&e, "a").x, GRID * 20.0, "the 20 oldest steps are gone");
}

#[test]
fn load_replaces_the_scenario_fits_it_and_can_be_undone() {
    let e = act(&abc(), Action::SelectAll);
    let mut other = Scenario { name: "Other".into(), ..Scenario::default() };
    let mut s = Stage::new("far", StageKind::Archive);
    s.pos = p(5000.0, 5000.0);
    other.stages.push(s);
    let loaded = act(&e, Action::Load { scenario: Box::new(other.clone()), what: "the other one".into() });
    assert_eq!(*loaded.scenario, other);
    assert!(loaded.selection.is_empty());
    assert!(loaded.view.visible_in_world().contains(p(5000.0 + CARD_W / 2.0, 5000.0 + CARD_H / 2.0)));
    assert_eq!(notice(&loaded), "Opened the other one");
    assert_eq!(*act(&loaded, Action::Undo).scenario, *e.scenario);
}

#[test]
fn hit_testing_finds_handles_then_the_topmost_card() {
    let e = editor(&[("a", StageKind::Raw, (0.0, 0.0)), ("b", StageKind::Raw, (100.0, 20.0))], &[]);
    assert_eq!(e.hit(p(150.0, 50.0)), Hit::Stage("b".into()), "b is painted over a");
    assert_eq!(e.hit(p(50.0, 50.0)), Hit::Stage("a".into()));
    assert_eq!(e.hit(p(100.0 + CARD_W + 10.0, 20.0 + CARD_H / 2.0)), Hit::Output("b".into()));
    assert_eq!(e.hit(p(900.0, 500.0)), Hit::Background);
    let a_on_top = act(&e, Action::Select { id: "a".into(), additive: false });
    assert_eq!(a_on_top.paint_order(), [1, 0]);
    assert_eq!(a_on_top.hit(p(150.0, 50.0)), Hit::Stage("a".into()), "the selected stage is on top");
}

#[test]
fn pointer_events_without_a_gesture_or_from_other_buttons_change_nothing() {
    let e = abc();
    assert_eq!(e.apply(mv(10.0, 10.0)), None);
    assert_eq!(e.apply(up(10.0, 10.0)), None);
    let right = Action::PointerDown(PointerInput { button: 2, ..input(1, 10.0, 10.0) });
    assert_eq!(e.apply(right), None);
    let busy = act(&e, down(10.0, 10.0));
    assert_eq!(busy.apply(Action::PointerMove(input(7, 50.0, 50.0))), None, "a pointer not in the gesture");
}

fn key(stage: Option<&str>, field: fields::Field) -> FieldKey {
    FieldKey { stage: stage.map(str::to_string), field }
}

#[test]
fn edits_change_the_scenario_as_one_step_or_keep_a_draft_with_the_reason() {
    use crate::model::Disruption::RegionOutage;
    let e = abc();
    let rto = key(Some("b"), fields::Field::Rto(RegionOutage));
    let edited = act(&e, Action::Edit { key: rto.clone(), text: "4h".into() });
    let targets = edited.scenario.stage("b").and_then(|s| s.targets).expect("own targets");
    assert_eq!(targets.region_outage.rto_minutes, 240);
    assert_eq!(edited.history().next_undo(), Some("set RTO (region outage) of B to 4h"));

    let bad = act(&edited, Action::Edit { key: rto.clone(), text: "soon".into() });
    assert_eq!(*bad.scenario, *edited.scenario, "bad text changes nothing");
    let draft = bad.draft(&rto).expect("the typed text is kept");
    assert_eq!(draft.text, "soon");
    assert!(draft.message.contains("not a duration"), "{}", draft.message);
    assert_eq!(bad.history().undo_len(), 1, "a draft is not an undo step");
    assert_eq!(bad.apply(Action::Edit { key: rto.clone(), text: "soon".into() }), None);

    // Typing the current value again clears the draft without a new step.
    let fixed = act(&bad, Action::Edit { key: rto.clone(), text: "240m".into() });
    assert!(fixed.draft(&rto).is_none());
    assert_eq!(fixed.history().undo_len(), 1);
    assert_eq!(edited.apply(Action::Edit { key: rto.clone(), text: "4h".into() }), None);

    // Undo brings the old target back and forgets drafts.
    let undone = act(&bad, Action::Undo);
    assert_eq!(undone.scenario.stage("b").and_then(|s| s.targets), None);
    assert!(undone.drafts.is_empty());
    assert_eq!(e.apply(Action::Edit { key: key(Some("zz"), fields::Field::Label), text: "x".into() }), None);
}

#[test]
fn scenario_edits_and_resetting_a_stage_s_targets() {
    use crate::model::Disruption::DataCorruption;
    let e = abc();
    let span = act(&e, Action::Edit { key: key(None, fields::Field::Span), text: "12".into() });
    assert_eq!(span.scenario.span_months, 12);
    assert_eq!(span.history().next_undo(), Some("set time span of the scenario to 12 months"));

    let own = act(&e, Action::Edit { key: key(Some("a"), fields::Field::Rpo(DataCorruption)), text: "15m".into() });
    let bad = act(&own, Action::Edit { key: key(Some("a"), fields::Field::Rto(DataCorruption)), text: "?".into() });
    let reset = act(&bad, Action::ResetTargets { stage: "a".into() });
    assert_eq!(reset.scenario.stage("a").and_then(|s| s.targets), None);
    assert!(reset.drafts.is_empty(), "the stage's drafts go with its own targets");
    assert_eq!(notice(&reset), "A uses the scenario's targets");
    assert_eq!(reset.apply(Action::ResetTargets { stage: "a".into() }), None);

    // Deleting a stage forgets its drafts.
    let deleted = act(&act(&bad, Action::Select { id: "a".into(), additive: false }), Action::DeleteSelection);
    assert!(deleted.drafts.is_empty());
}

#[test]
fn a_press_on_a_flow_selects_it_and_delete_removes_only_it() {
    let e = act(&abc(), Action::Select { id: "a".into(), additive: false });
    // The a → b curve runs from (180, 50) to (300, 50): its middle is (240, 50).
    assert_eq!(e.hit(p(240.0, 53.0)), Hit::Flow { from: "a".into(), to: "b".into() });
    assert_eq!(e.hit(p(240.0, 80.0)), Hit::Background, "too far from the curve");
    let picked = run(&e, [down(240.0, 53.0), up(240.0, 53.0)]);
    assert_eq!(picked.selected_flow, Some(("a".into(), "b".into())));
    assert!(picked.selection.is_empty(), "a flow is selected instead of stages");
    assert_eq!(notice(&picked), "Selected the flow A → B; Delete removes it");
    let removed = act(&picked, Action::DeleteSelection);
    assert!(removed.scenario.flows.is_empty());
    assert_eq!(removed.scenario.stages.len(), 3, "no stage goes with it");
    assert_eq!(removed.selected_flow, None);
    assert_eq!(removed.history().next_undo(), Some("remove the flow A → B"));
    assert_eq!(flows(&act(&removed, Action::Undo)), [("a".into(), "b".into())]);
    // Esc, a stage press or a click on the background let go of the flow.
    assert_eq!(act(&picked, Action::Escape).selected_flow, None);
    assert_eq!(run(&picked, [down(10.0, 10.0), up(10.0, 10.0)]).selected_flow, None);
    assert_eq!(run(&picked, [down(500.0, 500.0), up(500.0, 500.0)]).selected_flow, None);
}

#[test]
fn disconnect_removes_a_named_flow() {
    let e = abc();
    let cut = act(&e, Action::Disconnect { from: "a".into(), to: "b".into() });
    assert!(cut.scenario.flows.is_empty());
    assert_eq!(notice(&cut), "Removed the flow A → B");
    assert_eq!(e.apply(Action::Disconnect { from: "b".into(), to: "a".into() }), None, "no such flow");
}

#[test]
fn reveal_selects_a_stage_and_centres_it_only_when_out_of_view() {
    let mut e = abc();
    e.view.size = Size { w: 500.0, h: 400.0 };
    // b (300..480 × 0..100) is wholly in view: selected, the view stays.
    let b = act(&e, Action::Reveal { id: "b".into() });
    assert_eq!(selected(&b), ["b"]);
    assert_eq!(b.view, e.view);
    // c (600..780) is out of view: selected and centred.
    let c = act(&e, Action::Reveal { id: "c".into() });
    assert_eq!(selected(&c), ["c"]);
    assert_eq!(c.view.screen_from_world(p(600.0 + CARD_W / 2.0, CARD_H / 2.0)), p(250.0, 200.0));
    // Again: nothing to change. An unknown stage changes nothing.
    assert_eq!(c.apply(Action::Reveal { id: "c".into() }), None);
    assert_eq!(e.apply(Action::Reveal { id: "nope".into() }), None);
}
