//! The keyboard shortcuts, listened for on the whole document (held by an effect, dropped on
//! cleanup), so they work wherever the focus is — except in fields, where keys are text.

use super::dom::is_typing_target;
use super::state::EditorHandle;
use crate::editor::keys::{release, shortcut, Focus, KeyInput};
use crate::editor::Action;
use gloo_events::{EventListener, EventListenerOptions};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

fn key_input(e: &KeyboardEvent) -> KeyInput {
    KeyInput {
        key: e.key(),
        code: e.code(),
        ctrl: e.ctrl_key(),
        meta: e.meta_key(),
        shift: e.shift_key(),
        alt: e.alt_key(),
    }
}

/// Where the focus is, from the element a key event comes from.
fn focus_of(e: &KeyboardEvent) -> Focus {
    if is_typing_target(e.target()) {
        return Focus::Typing;
    }
    let Some(element) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return Focus::Page };
    if let Some(id) = element.get_attribute("data-stage") {
        return Focus::Stage(id);
    }
    match element.tag_name().to_ascii_lowercase().as_str() {
        "button" | "a" | "summary" | "input" | "details" => Focus::Control,
        _ => Focus::Page,
    }
}

/// Installs the document's key listeners for the editor behind `editor`.
#[hook]
pub fn use_keyboard(editor: Option<EditorHandle>) {
    // The listeners live as long as the app; they read the latest state through this cell,
    // which each render updates.
    let latest: Rc<RefCell<Option<EditorHandle>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = editor;
    use_effect_with((), move |_| {
        let document = web_sys::window().and_then(|w| w.document());
        let listeners = document.map(|document| {
            let down = {
                let latest = latest.clone();
                EventListener::new_with_options(
                    &document,
                    "keydown",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
                        let Some(handle) = latest.borrow().clone() else { return };
                        let Some(actions) = shortcut(&key_input(e), &focus_of(e), &handle.editor) else { return };
                        e.prevent_default();
                        if e.repeat() && actions == [Action::SetSpaceHeld(true)] {
                            return;
                        }
                        for action in actions {
                            handle.dispatch(action);
                        }
                    },
                )
            };
            let up = {
                let latest = latest.clone();
                EventListener::new(&document, "keyup", move |event| {
                    let Some(e) = event.dyn_ref::<KeyboardEvent>() else { return };
                    let Some(handle) = latest.borrow().clone() else { return };
                    if let Some(action) = release(&key_input(e), &handle.editor) {
                        handle.dispatch(action);
                    }
                })
            };
            // Space released in another window must not leave the canvas panning.
            let blur = web_sys::window().map(|w| {
                EventListener::new(&w, "blur", move |_| {
                    if let Some(handle) = latest.borrow().clone() {
                        handle.dispatch(Action::SetSpaceHeld(false));
                    }
                })
            });
            (down, up, blur)
        });
        move || drop(listeners)
    });
}
