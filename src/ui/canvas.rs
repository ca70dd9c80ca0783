//! The canvas: the world the platform's stages are drawn in, on a dotted grid.

use super::state::use_editor;
use yew::prelude::*;

/// The centre pane. Shows a hint while the scenario has no stages.
#[component]
pub fn Canvas() -> Html {
    let editor = use_editor();
    let (stages, flows) =
        editor.as_ref().map(|h| (h.editor.scenario.stages.len(), h.editor.scenario.flows.len())).unwrap_or_default();
    html! {
        <main class="pane canvas" aria-label="Canvas">
            <div class="canvas-world">
                if stages == 0 {
                    <div class="canvas-hint">
                        <p class="canvas-hint-title">{"Your data platform goes here"}</p>
                        <p>{"Add stages from the palette and connect them with flows, from the systems of record to the reports."}</p>
                    </div>
                }
            </div>
            <p class="canvas-status" aria-live="polite">
                { format!("{stages} {} · {flows} {}", plural(stages, "stage"), plural(flows, "flow")) }
            </p>
        </main>
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        word.to_string()
    } else {
        format!("{word}s")
    }
}
