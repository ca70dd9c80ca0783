//! The header's Variants menu: the variant being worked on (marked when it has changes not saved
//! to it), and a panel to save the scenario as a named variant, switch to one, rename one in
//! place, delete one, and open the comparison of two (`ui::compare`). Every change is an `editor::Action`, so
//! each one is an undo step with its announcement (`editor::variants`).

use crate::editor::Action;
use crate::model::variant_name_problem;
use crate::ui::dom::{close_on_escape, use_close_on_outside_press};
use crate::ui::state::use_editor;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The Variants button and its panel.
#[component]
pub fn Variants() -> Html {
    let editor = use_editor();
    let open = use_state(|| false);
    let draft = use_state(String::new);
    let panel_ref = use_node_ref();

    use_close_on_outside_press(open.clone(), panel_ref.clone());
    let Some(handle) = editor else { return Html::default() };
    let ed = &handle.editor;
    let variants = &ed.scenario.variants;
    let current = ed.current_variant();
    let changed = ed.variant_changed();
    let current_name = current.and_then(|i| variants.get(i)).map(|v| v.name.clone());

    let toggle = {
        let (open, draft, name) = (open.clone(), draft.clone(), current_name.clone());
        let next = format!("Variant {}", variants.len() + 1);
        Callback::from(move |_: MouseEvent| {
            if !*open {
                // Offer the current variant's name (saving updates it) or a new one.
                draft.set(name.clone().unwrap_or_else(|| next.clone()));
            }
            open.set(!*open);
        })
    };
    let onkeydown = close_on_escape(open.clone(), ".variants-button");
    let typed = draft.trim().to_string();
    let existing = variants.iter().position(|v| v.name == typed);
    let problem = variant_name_problem(variants, &typed, existing);
    let on_draft = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_save = {
        let (handle, typed) = (handle.clone(), typed.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            handle.dispatch(Action::SaveVariant(typed.clone()));
        })
    };
    let on_compare = {
        let (open, handle) = (open.clone(), handle.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            handle.dispatch(Action::SetCompare(true));
        })
    };
    let save_label = if existing.is_some() { "Update" } else { "Save" };

    let rows = variants.iter().enumerate().map(|(i, v)| {
        let is_current = current == Some(i);
        let switch = {
            let handle = handle.clone();
            Callback::from(move |_: MouseEvent| handle.dispatch(Action::SwitchVariant(i)))
        };
        let delete = {
            let handle = handle.clone();
            Callback::from(move |_: MouseEvent| handle.dispatch(Action::DeleteVariant(i)))
        };
        let rename = {
            let handle = handle.clone();
            let old = v.name.clone();
            Callback::from(move |e: Event| {
                let input: HtmlInputElement = e.target_unchecked_into();
                let action = Action::RenameVariant { index: i, name: input.value() };
                if handle.editor.apply(action.clone()).is_none() {
                    input.set_value(&old);
                }
                handle.dispatch(action);
            })
        };
        let state = match (is_current, is_current && changed) {
            (true, true) => "current, with changes not saved to it",
            (true, false) => "current",
            _ => "",
        };
        html! {
            <li key={v.name.clone()} class={classes!("variant-row", is_current.then_some("current"))}>
                <input type="text" class="variant-name" value={v.name.clone()} aria-label={format!("Name of variant {}", i + 1)}
                    maxlength={crate::model::MAX_VARIANT_NAME_CHARS.to_string()} spellcheck="false" onchange={rename} />
                <span class="variant-state">{ state }</span>
                <button type="button" class="variant-open" onclick={switch} disabled={is_current && !changed}
                    title={format!("Work on “{}” (Undo comes back)", v.name)}>{ if is_current && changed { "Revert" } else { "Open" } }</button>
                <button type="button" class="variant-delete" onclick={delete} aria-label={format!("Delete variant “{}”", v.name)}
                    title="Delete (Undo brings it back)">{"Delete"}</button>
            </li>
        }
    });
    let label = match &current_name {
        Some(name) if changed => format!("{name} •"),
        Some(name) => name.clone(),
        // The caption already says "Variant": say which state the working copy is in.
        None if variants.is_empty() => "none yet".to_string(),
        None => "unsaved".to_string(),
    };
    let title = match (&current_name, changed) {
        (Some(name), true) => format!("Variant “{name}”, changed since it was saved"),
        (Some(name), false) => format!("Variant “{name}”"),
        (None, _) => "Save and compare versions of this scenario".to_string(),
    };

    html! {
        <div class="variants" ref={panel_ref} {onkeydown}>
            <button type="button" class="variants-button" aria-expanded={if *open { "true" } else { "false" }}
                aria-controls="keel-variants" {title} onclick={toggle}>
                <span class="variants-caption">{"Variant"}</span>
                <span class="variants-current">{ label }</span>
                <span aria-hidden="true">{" ▾"}</span>
            </button>
            <div id="keel-variants" class="variants-panel" hidden={!*open} role="dialog" aria-label="Variants">
                <form class="variant-save" onsubmit={on_save}>
                    <label for="keel-variant-draft">{"Save the scenario as"}</label>
                    <div class="variant-save-row">
                        <input id="keel-variant-draft" type="text" value={(*draft).clone()} oninput={on_draft}
                            maxlength={crate::model::MAX_VARIANT_NAME_CHARS.to_string()} spellcheck="false"
                            aria-invalid={if problem.is_some() { "true" } else { "false" }} />
                        <button type="submit" class="variant-save-button" disabled={problem.is_some()}>{ save_label }</button>
                    </div>
                    if let Some(problem) = problem.filter(|_| !typed.is_empty()) {
                        <p class="variant-problem" role="alert">{ problem }</p>
                    }
                </form>
                <div class="variant-list">
                    if variants.is_empty() {
                        <p class="variant-empty">{"No variants yet: save this scenario as “today”, change it, and save again under another name to compare them."}</p>
                    }
                    <ul>{ for rows }</ul>
                </div>
                <button type="button" class="variant-compare" onclick={on_compare} disabled={variants.len() + usize::from(current.is_none() || changed) < 2}>
                    {"Compare variants…"}
                </button>
            </div>
        </div>
    }
}
