//! Browser helpers for event handlers and effects. Never called while rendering: views stay
//! pure so that they render natively.

use crate::editor::PointerInput;
use crate::model::Pos;
use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, PointerEvent};

/// Where a point given in client coordinates is, relative to `element`'s top-left corner.
pub fn pos_in_element(client_x: f64, client_y: f64, element: &Element) -> Pos {
    let rect = element.get_bounding_client_rect();
    Pos { x: client_x - rect.left(), y: client_y - rect.top() }
}

/// A pointer event as the editor wants it: position relative to the canvas `surface`.
pub fn pointer_input(e: &PointerEvent, surface: &Element) -> PointerInput {
    PointerInput {
        pointer_id: e.pointer_id(),
        pos_in_screen: pos_in_element(f64::from(e.client_x()), f64::from(e.client_y()), surface),
        button: e.button(),
        shift: e.shift_key(),
        ctrl: e.ctrl_key() || e.meta_key(),
    }
}

/// Whether the event comes from a place where the user types (a text field, a list box, an
/// editable region): keyboard shortcuts must leave those keys alone.
pub fn is_typing_target(target: Option<EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<Element>().ok()) else { return false };
    let tag = element.tag_name().to_ascii_lowercase();
    match tag.as_str() {
        "textarea" | "select" => true,
        "input" => {
            let kind = element.get_attribute("type").unwrap_or_default().to_ascii_lowercase();
            !matches!(kind.as_str(), "checkbox" | "radio" | "button" | "submit" | "reset" | "range" | "color")
        }
        _ => element
            .closest("[contenteditable]")
            .ok()
            .flatten()
            .is_some_and(|e| e.get_attribute("contenteditable").is_some_and(|v| v != "false")),
    }
}

/// The size of the page's viewport in CSS pixels, without scroll bars, if there is a page.
pub fn viewport_size() -> Option<crate::editor::geometry::Size> {
    let root = web_sys::window()?.document()?.document_element()?;
    Some(crate::editor::geometry::Size { w: f64::from(root.client_width()), h: f64::from(root.client_height()) })
}

/// The element with `id` in the page.
pub fn element_by_id(id: &str) -> Option<Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Moves the keyboard focus to the card of stage `id` on the canvas, if it is drawn.
pub fn focus_stage_card(id: &str) {
    let escaped: String =
        id.chars().flat_map(|c| if matches!(c, '"' | '\\') { vec!['\\', c] } else { vec![c] }).collect();
    let selector = format!("[data-stage=\"{escaped}\"]");
    let card = web_sys::window().and_then(|w| w.document()).and_then(|d| d.query_selector(&selector).ok().flatten());
    if let Some(card) = card.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = card.focus();
    }
}

/// Work put off until the browser is idle (see [`when_idle`]); dropping it cancels the work.
pub struct Idle {
    /// The `requestIdleCallback` handle, when the browser has one.
    handle: Option<u32>,
    /// The callback, kept alive until it runs or is cancelled.
    _callback: Option<wasm_bindgen::closure::Closure<dyn FnMut()>>,
    /// The fallback timer where there is no `requestIdleCallback`.
    _timeout: Option<gloo_timers::callback::Timeout>,
}

impl Drop for Idle {
    fn drop(&mut self) {
        if let (Some(handle), Some(window)) = (self.handle, web_sys::window()) {
            window.cancel_idle_callback(handle);
        }
    }
}

/// Runs `work` once the browser has nothing more urgent to do — after pending input, rendering
/// and timers — and at the latest after `max_ms`. Where the browser has no
/// `requestIdleCallback`, it runs in a task of its own after a short delay.
pub fn when_idle(max_ms: u32, work: impl FnOnce() + 'static) -> Idle {
    use wasm_bindgen::closure::Closure;
    let window = web_sys::window();
    let has_idle = window.as_ref().is_some_and(|w| {
        js_sys::Reflect::has(w, &wasm_bindgen::JsValue::from_str("requestIdleCallback")).unwrap_or(false)
    });
    match window.filter(|_| has_idle) {
        Some(window) => {
            let callback = Closure::once(work);
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(max_ms);
            let handle = window.request_idle_callback_with_options(callback.as_ref().unchecked_ref(), &options).ok();
            Idle { handle, _callback: Some(callback), _timeout: None }
        }
        None => Idle { handle: None, _callback: None, _timeout: Some(gloo_timers::callback::Timeout::new(16, work)) },
    }
}

/// While `pending`, runs `draw` when the page is about to print (`beforeprint`, fired by Ctrl+P
/// and the browser's menu alike): views that draw lazily draw everything for paper. yew renders
/// in the microtask after the listener, before the browser lays out the print.
#[yew::hook]
pub fn use_before_print<F: Fn() + 'static>(pending: bool, draw: F) {
    yew::use_effect_with(pending, move |&pending| {
        let listener = pending
            .then(web_sys::window)
            .flatten()
            .map(|window| gloo_events::EventListener::new(&window, "beforeprint", move |_| draw()));
        move || drop(listener)
    });
}

/// While `open` is true, a pointer pressed anywhere outside `inside` sets it false: how a menu
/// or a popover closes when the user turns to something else.
#[yew::hook]
pub fn use_close_on_outside_press(open: yew::UseStateHandle<bool>, inside: yew::NodeRef) {
    yew::use_effect_with(*open, move |is_open| {
        let listener = (*is_open).then(|| web_sys::window().and_then(|w| w.document())).flatten().map(|document| {
            gloo_events::EventListener::new(&document, "pointerdown", move |e| {
                let target = e.target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
                if !inside.cast::<Element>().is_some_and(|node| node.contains(target.as_ref())) {
                    open.set(false);
                }
            })
        });
        move || drop(listener)
    });
}

/// A key handler for a menu's wrapper: Escape, while `open`, closes the menu and gives the focus
/// back to the element `button` selects inside the wrapper (the button that opened it).
pub fn close_on_escape(open: yew::UseStateHandle<bool>, button: &'static str) -> yew::Callback<web_sys::KeyboardEvent> {
    yew::Callback::from(move |e: web_sys::KeyboardEvent| {
        if e.key() != "Escape" || !*open {
            return;
        }
        e.stop_propagation();
        open.set(false);
        let opener = e
            .current_target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|wrapper| wrapper.query_selector(button).ok().flatten())
            .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(opener) = opener {
            let _ = opener.focus();
        }
    })
}
