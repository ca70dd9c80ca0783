//! The canvas toolbar: zoom out, zoom level (click for 100 %), zoom in, fit, snap to grid,
//! undo, redo and the shortcuts dialog — the buttons a projector audience can follow.

use crate::editor::Action;
use crate::ui::state::use_editor;
use yew::prelude::*;

fn icon(path: &'static str) -> Html {
    html! {
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false" fill="none"
            stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <path d={path} />
        </svg>
    }
}

/// The toolbar over the canvas's top-right corner.
#[component]
pub fn Toolbar() -> Html {
    let editor = use_editor();
    let Some(handle) = editor else { return html! {} };
    let ed = &handle.editor;
    let send = |action: Action| {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| handle.dispatch(action.clone()))
    };
    let history = ed.history();
    let undo_title = history.next_undo().map_or("Nothing to undo".to_string(), |w| format!("Undo: {w}"));
    let redo_title = history.next_redo().map_or("Nothing to redo".to_string(), |w| format!("Redo: {w}"));
    let zoom = format!("{} %", (ed.view.zoom * 100.0).round() as i64);
    html! {
        <div class="toolbar" role="toolbar" aria-label="Canvas tools">
            <button type="button" class="tool" title="Zoom out (Ctrl −)" aria-label="Zoom out" onclick={send(Action::ZoomOut)}>
                { icon("M5 12h14") }
            </button>
            <button type="button" class="tool zoom-level" title="Zoom to 100 % (Ctrl 0)" aria-label={format!("Zoom {zoom}, reset to 100 %")}
                onclick={send(Action::ZoomReset)}>{ zoom }</button>
            <button type="button" class="tool" title="Zoom in (Ctrl +)" aria-label="Zoom in" onclick={send(Action::ZoomIn)}>
                { icon("M12 5v14M5 12h14") }
            </button>
            <button type="button" class="tool" title="Fit the platform in view (Shift 1)" aria-label="Fit view" onclick={send(Action::FitView)}>
                { icon("M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5") }
            </button>
            <button type="button" class={classes!("tool", ed.snap.then_some("on"))} title="Snap to grid" aria-label="Snap to grid"
                aria-pressed={if ed.snap { "true" } else { "false" }} onclick={send(Action::ToggleSnap)}>
                { icon("M5 5h.01M12 5h.01M19 5h.01M5 12h.01M12 12h.01M19 12h.01M5 19h.01M12 19h.01M19 19h.01M9 9h6v6H9z") }
            </button>
            <span class="tool-gap"></span>
            <button type="button" class="tool" title={undo_title} aria-label="Undo" disabled={history.undo_len() == 0}
                onclick={send(Action::Undo)}>
                { icon("M9 14L4 9l5-5M4 9h11a5 5 0 0 1 0 10h-3") }
            </button>
            <button type="button" class="tool" title={redo_title} aria-label="Redo" disabled={history.redo_len() == 0}
                onclick={send(Action::Redo)}>
                { icon("M15 14l5-5-5-5M20 9H9a5 5 0 0 0 0 10h3") }
            </button>
            <button type="button" class="tool" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts"
                onclick={send(Action::SetHelp(true))}>{"?"}</button>
        </div>
    }
}
