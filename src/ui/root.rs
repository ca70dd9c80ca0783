//! The root of the web app, above [`App`]: what opens on start (a link, `#bench=N` or the
//! autosave, decided by `editor::persist::boot`) and the shelf that holds what persistence shows
//! ([`Shelf`]), shared through context so that the sharing area can read and post on it.
//!
//! It sits here, beside [`App`], rather than in [`super::share`]: it renders [`App`], and the
//! app renders the sharing area's views, so keeping the root out of that area keeps the areas
//! free of import cycles.

use super::app::App;
use super::canvas::estimated_canvas_size;
use super::dom;
use super::share::{what_to_open, ShelfHandle, ShelfState};
use crate::editor::geometry::Size;
use crate::editor::persist::Shelf;
use crate::model::Scenario;
use crate::results::ResultsView;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`ShareRoot`].
#[derive(Properties, PartialEq, Default)]
pub struct ShareRootProps {
    /// The scenario to open.
    pub scenario: Rc<Scenario>,
    /// How the results are shown on start.
    pub view: ResultsView,
    /// What to offer and say on start.
    pub shelf: Shelf,
    /// The canvas's size as estimated before the page is laid out.
    pub canvas_size: Option<Size>,
}

/// Reads the page's fragment and the autosave, and decides what to open (browser only: call
/// it from `main`, before mounting [`ShareRoot`]). An autosave that cannot be read is set aside.
pub fn boot() -> ShareRootProps {
    let (scenario, view, shelf) = what_to_open();
    let canvas_size = dom::viewport_size().and_then(estimated_canvas_size);
    ShareRootProps { scenario: Rc::new(scenario), view, shelf, canvas_size }
}

/// The root of the web app: [`App`] with sharing and saving switched on.
#[component]
pub fn ShareRoot(props: &ShareRootProps) -> Html {
    let shelf = {
        let initial = props.shelf.clone();
        use_reducer(move || ShelfState(initial))
    };
    html! {
        <ContextProvider<ShelfHandle> context={shelf}>
            <App scenario={props.scenario.clone()} view={props.view} canvas_size={props.canvas_size} />
        </ContextProvider<ShelfHandle>>
    }
}
