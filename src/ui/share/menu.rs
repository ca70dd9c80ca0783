//! The header's sharing controls: the "Copy link" button and the File menu (export the plan
//! file, import one, download the runbook or the SLA statement). Messages about them go on the
//! shelf.

use super::io;
use super::persist::import_file;
use super::shelf::{tell, use_shelf, ShelfHandle};
use crate::editor::persist::{copied_message, file_name, share_url, Message, Tone};
use crate::engine::Plan;
use crate::format::{encode, runbook_markdown, sla_markdown, sla_statement};
use crate::model::Scenario;
use crate::ui::dom::{close_on_escape, use_close_on_outside_press};
use crate::ui::state::{use_editor, use_plan, EditorHandle};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Copies the share link, or puts it in a selected field for the user to copy.
fn copy_link(editor: &EditorHandle, shelf: Option<ShelfHandle>) {
    let url = share_url(&io::page_url(), &editor.editor.scenario, &editor.editor.results);
    io::replace_fragment(url.split_once('#').map_or("", |(_, f)| f));
    wasm_bindgen_futures::spawn_local(async move {
        let copied = io::copy(&url).await;
        let mut message = copied_message(url.chars().count(), !copied);
        if !copied {
            message.link_field = Some(url);
        }
        tell(shelf.as_ref(), message);
    });
}

/// Saves `text` as the file `name` and says so on the shelf (`what` names it in the message),
/// or says why it could not.
pub fn save(shelf: Option<&ShelfHandle>, name: &str, mime: &str, text: &str, what: &str) {
    match io::download(name, mime, text) {
        Ok(()) => tell(shelf, Message::new(Tone::Info, format!("Saved {what} as “{name}” in your downloads."))),
        Err(e) => tell(shelf, Message::new(Tone::Error, format!("Could not save “{name}”: {e}."))),
    }
}

/// The header's sharing controls: "Copy link", and a File menu with export, import, the
/// runbook and the SLA statement.
#[component]
pub fn ShareMenu() -> Html {
    let editor = use_editor();
    let shelf = use_shelf();
    let plan = use_plan();
    let open = use_state(|| false);
    let menu_ref = use_node_ref();
    let file_ref = use_node_ref();

    use_close_on_outside_press(open.clone(), menu_ref.clone());

    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let onkeydown = close_on_escape(open.clone(), ".share-menu-button");
    let on_copy = {
        let (editor, shelf) = (editor.clone(), shelf.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(editor) = editor.as_ref() {
                copy_link(editor, shelf.clone());
            }
        })
    };
    // A File-menu download: the file `write` makes of the scenario and its plan, named after
    // the scenario with `suffix`.
    let download =
        |write: fn(&Scenario, &Plan) -> String, suffix: &'static str, mime: &'static str, what: &'static str| {
            let (editor, shelf, plan, open) = (editor.clone(), shelf.clone(), plan.clone(), open.clone());
            Callback::from(move |_: MouseEvent| {
                open.set(false);
                let Some(editor) = editor.as_ref() else { return };
                let scenario = &editor.editor.scenario;
                save(shelf.as_ref(), &file_name(scenario, suffix), mime, &write(scenario, &plan), what);
            })
        };
    let on_export = download(|s, p| encode(s, Some(p)), ".json", "application/json", "the plan file");
    let on_runbook = download(runbook_markdown, "-runbook.md", "text/markdown", "the runbook");
    let on_sla = download(|s, p| sla_markdown(&sla_statement(s, p)), "-sla.md", "text/markdown", "the SLA statement");
    let on_import = {
        let (file_ref, open) = (file_ref.clone(), open.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let on_file = {
        let (editor, shelf) = (editor.clone(), shelf.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let file = input.files().and_then(|files| files.get(0));
            // Cleared, so that choosing the same file again is a change too.
            input.set_value("");
            if let (Some(file), Some(editor)) = (file, editor.as_ref()) {
                import_file(file, editor.clone(), shelf.clone());
            }
        })
    };

    html! {
        <div class="share" ref={menu_ref} {onkeydown}>
            <button type="button" class="share-copy" onclick={on_copy}
                title="Copy a link that opens this scenario (it travels in the link; nothing is uploaded)">
                {"Copy link"}
            </button>
            <button type="button" class="share-menu-button" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="keel-file-menu" onclick={toggle}>
                {"File"}<span aria-hidden="true">{" ▾"}</span>
            </button>
            <div id="keel-file-menu" class="share-menu" hidden={!*open}>
                <button type="button" onclick={on_export}>
                    {"Export plan file"}<span class="share-hint">{".json: scenario and plan"}</span>
                </button>
                <button type="button" onclick={on_import}>
                    {"Import plan file…"}<span class="share-hint">{"or drop a file on the page"}</span>
                </button>
                <button type="button" onclick={on_runbook}>
                    {"Download runbook"}<span class="share-hint">{".md: recovery steps"}</span>
                </button>
                <button type="button" onclick={on_sla}>
                    {"Download SLA statement"}<span class="share-hint">{".md: what users can expect"}</span>
                </button>
            </div>
            <input type="file" class="share-file-input" accept=".json,application/json" ref={file_ref}
                hidden=true tabindex="-1" aria-hidden="true" onchange={on_file} />
        </div>
    }
}
