//! Keeps the scenario safe and shareable while it is edited: autosave to `localStorage` and
//! the address's fragment, both debounced; links pasted into the address of an open page;
//! files dropped on the page; and the notices about all of it (`notices`).
//!
//! Inert outside [`crate::ui::root::ShareRoot`] (component tests mount [`crate::ui::App`] alone).

use super::io;
use super::notices::ShareNotices;
use super::shelf::{tell, use_shelf, ShelfHandle};
use crate::editor::persist::{
    arrival, check_file_size, read_import, same_as_link, Arrival, Message, Offer, ShelfEvent, Tone, AUTOSAVE_KEY,
    DEBOUNCE_MS,
};
use crate::editor::Action;
use crate::format::{encode_link_with_view, encode_with_view};
use crate::model::Scenario;
use crate::results::ResultsView;
use crate::ui::state::{use_editor, EditorHandle, Shared};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File};
use yew::prelude::*;

/// How long a message that only reports success stays up.
const INFO_MS: u32 = 8000;

/// Opens `file` in the editor (one undoable step), or says what is wrong with it and leaves
/// the scenario as it was. Files larger than Keel reads are refused before being read.
pub fn import_file(file: File, editor: EditorHandle, shelf: Option<ShelfHandle>) {
    let name = file.name();
    if let Err(message) = check_file_size(&name, file.size()) {
        tell(shelf.as_ref(), message);
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let read = io::read_file(&file).await;
        let outcome = read
            .map_err(|e| {
                Message::new(Tone::Error, format!("Could not open “{name}”: {e}. Your scenario is unchanged."))
            })
            .and_then(|text| read_import(&name, &text));
        match outcome {
            Ok(scenario) => {
                let stages = scenario.stages.len();
                editor.dispatch(Action::Load { scenario: Box::new(scenario), what: format!("“{name}”") });
                let text = format!(
                    "Opened “{name}” ({}). Undo (Ctrl+Z) brings back the scenario you had.",
                    crate::text::Count(stages as u64, "stage", "stages")
                );
                tell(shelf.as_ref(), Message::new(Tone::Info, text));
            }
            Err(message) => tell(shelf.as_ref(), message),
        }
    });
}

/// Opens a link pasted into the address of the open page: the scenario open until then is the
/// autosaved one, so it is kept and offered back just as on start.
fn open_pasted_link(editor: &EditorHandle, shelf: &ShelfHandle) {
    match arrival(&io::fragment()) {
        Arrival::Nothing => {}
        Arrival::Refused(reason) => shelf.dispatch(ShelfEvent::Show(
            Message::new(Tone::Error, "The link in the address could not be opened. Your scenario is unchanged.")
                .with_details(vec![reason]),
        )),
        Arrival::Open { scenario, what, view } => {
            let current = editor.editor.scenario.clone();
            if !same_as_link(&current, &scenario) {
                shelf.dispatch(ShelfEvent::Keep(Offer { scenario: current }));
                editor.dispatch(Action::Load { scenario: Box::new(scenario), what });
            }
            editor.dispatch(Action::ShowResults(view));
        }
    }
}

/// A write waiting for the scenario to settle.
#[derive(Default)]
struct Pending {
    job: Option<Box<dyn FnOnce()>>,
    timer: Option<Timeout>,
}

impl Pending {
    /// Runs the waiting write now (the page is being hidden or closed).
    fn flush(this: &RefCell<Pending>) {
        let job = {
            let mut pending = this.borrow_mut();
            pending.timer = None;
            pending.job.take()
        };
        if let Some(job) = job {
            job();
        }
    }
}

/// Writes the address's fragment (once the scenario or the results' view differs from the one
/// opened) and the autosave (unless paused), both with how the results are shown.
fn sync(scenario: &Scenario, view: &ResultsView, fragment: bool, autosave: bool, shelf: &ShelfHandle) {
    if fragment {
        io::replace_fragment(&encode_link_with_view(scenario, view));
    }
    if autosave {
        if let Err(problem) = io::write(AUTOSAVE_KEY, &encode_with_view(scenario, None, view)) {
            shelf.dispatch(ShelfEvent::StorageFailed(problem));
        }
    }
}

/// The scenario and the results' view the page opened with, once known: the address keeps its
/// fragment until either changes.
type Opened = Option<(Rc<Scenario>, ResultsView)>;

/// Autosave, the address, pasted links, dropped files and the notices.
#[component]
pub fn Persistence() -> Html {
    let editor = use_editor();
    let shelf = use_shelf();
    let dragging = use_state_eq(|| false);
    let pending: Rc<RefCell<Pending>> = use_mut_ref(Pending::default);
    let opened: Rc<RefCell<Opened>> = use_mut_ref(|| None);
    let latest: Rc<RefCell<Option<(EditorHandle, ShelfHandle)>>> = use_mut_ref(|| None);
    *latest.borrow_mut() = editor.clone().zip(shelf.clone());

    let scenario = editor.as_ref().map(|e| e.editor.scenario.clone());
    let view = editor.as_ref().map(|e| e.editor.results).unwrap_or_default();
    let paused = shelf.as_ref().is_none_or(|s| s.0.autosave_paused());

    // Debounced: each change restarts the wait; the write happens once edits pause.
    {
        let (pending, opened, shelf) = (pending.clone(), opened.clone(), shelf.clone());
        use_effect_with((scenario.map(Shared), view, paused), move |(scenario, view, paused)| {
            if let (Some(Shared(scenario)), Some(shelf)) = (scenario.clone(), shelf) {
                let first = opened.borrow().clone();
                let fragment = match first {
                    None => {
                        *opened.borrow_mut() = Some((scenario.clone(), *view));
                        false
                    }
                    Some((first, first_view)) => !Rc::ptr_eq(&first, &scenario) || first_view != *view,
                };
                let (autosave, view) = (!*paused, *view);
                let job: Box<dyn FnOnce()> = Box::new(move || sync(&scenario, &view, fragment, autosave, &shelf));
                let timer = {
                    let pending = pending.clone();
                    Timeout::new(DEBOUNCE_MS, move || Pending::flush(&pending))
                };
                *pending.borrow_mut() = Pending { job: Some(job), timer: Some(timer) };
            }
        });
    }

    // Page-wide listeners, for as long as the app lives.
    {
        let (pending, latest, dragging) = (pending.clone(), latest.clone(), dragging.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window();
            let listeners = window.map(|window| {
                let flush = {
                    let pending = pending.clone();
                    EventListener::new(&window, "pagehide", move |_| Pending::flush(&pending))
                };
                let hidden = {
                    let pending = pending.clone();
                    EventListener::new(&window, "visibilitychange", move |_| {
                        let hidden = web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden());
                        if hidden {
                            Pending::flush(&pending);
                        }
                    })
                };
                let hash = {
                    let (latest, pending) = (latest.clone(), pending.clone());
                    EventListener::new(&window, "hashchange", move |_| {
                        Pending::flush(&pending);
                        if let Some((editor, shelf)) = latest.borrow().clone() {
                            open_pasted_link(&editor, &shelf);
                        }
                    })
                };
                let options = EventListenerOptions::enable_prevent_default();
                let carries_files = |e: &DragEvent| {
                    e.data_transfer()
                        .is_some_and(|d| d.types().iter().any(|t| t.as_string().as_deref() == Some("Files")))
                };
                let over = {
                    let dragging = dragging.clone();
                    EventListener::new_with_options(&window, "dragover", options, move |e| {
                        let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                        if carries_files(e) {
                            e.prevent_default();
                            if let Some(d) = e.data_transfer() {
                                d.set_drop_effect("copy");
                            }
                            dragging.set(true);
                        }
                    })
                };
                let leave = {
                    let dragging = dragging.clone();
                    EventListener::new(&window, "dragleave", move |e| {
                        // Leaving the window: no element to go to.
                        if e.dyn_ref::<DragEvent>().is_some_and(|e| e.related_target().is_none()) {
                            dragging.set(false);
                        }
                    })
                };
                let drop = {
                    let (dragging, latest) = (dragging.clone(), latest.clone());
                    EventListener::new_with_options(&window, "drop", options, move |e| {
                        let Some(e) = e.dyn_ref::<DragEvent>() else { return };
                        dragging.set(false);
                        let file = e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
                        let Some(file) = file else { return };
                        e.prevent_default();
                        if let Some((editor, shelf)) = latest.borrow().clone() {
                            import_file(file, editor, Some(shelf));
                        }
                    })
                };
                (flush, hidden, hash, over, leave, drop)
            });
            move || drop(listeners)
        });
    }

    // A message that only reports success goes away by itself; the others stay until closed.
    let message = shelf.as_ref().and_then(|s| s.0.message.clone());
    {
        let shelf = shelf.clone();
        let info = message.as_ref().filter(|(_, m)| m.tone == Tone::Info).map(|(seq, _)| *seq);
        use_effect_with(info, move |info| {
            let timer = info
                .zip(shelf)
                .map(|(seq, shelf)| Timeout::new(INFO_MS, move || shelf.dispatch(ShelfEvent::Dismiss(seq))));
            move || drop(timer)
        });
    }

    let Some((editor, shelf)) = editor.zip(shelf) else { return html! {} };
    let on_restore = {
        let (editor, shelf) = (editor.clone(), shelf.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(offer) = shelf.0.offer.clone() else { return };
            shelf.dispatch(ShelfEvent::Decided);
            let what = format!("your autosaved scenario “{}”", offer.title());
            editor.dispatch(Action::Load { scenario: Box::new((*offer.scenario).clone()), what });
        })
    };
    let on_keep = {
        let shelf = shelf.clone();
        Callback::from(move |_: MouseEvent| shelf.dispatch(ShelfEvent::Decided))
    };
    let on_dismiss = {
        let shelf = shelf.clone();
        Callback::from(move |seq: u32| shelf.dispatch(ShelfEvent::Dismiss(seq)))
    };
    let on_download = {
        let shelf = shelf.clone();
        Callback::from(move |(name, text): (String, Rc<str>)| {
            if let Err(e) = io::download(&name, "application/json", &text) {
                shelf.dispatch(ShelfEvent::Show(Message::new(Tone::Error, format!("Could not save “{name}”: {e}."))));
            }
        })
    };
    html! {
        <ShareNotices offer={shelf.0.offer.clone()} {message} dragging={*dragging}
            {on_restore} {on_keep} {on_dismiss} {on_download} />
    }
}
