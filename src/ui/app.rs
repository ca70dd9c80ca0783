//! The root component: owns the one `use_reducer` and lays out header and the three panes.

use super::canvas::Canvas;
use super::header::Header;
use super::palette::Palette;
use super::results::Results;
use super::state::{AppState, EditorHandle};
use crate::editor::Editor;
use crate::model::Scenario;
use yew::prelude::*;

/// Properties of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// The scenario the editor starts with.
    #[prop_or_default]
    pub scenario: Scenario,
}

/// The whole app: header, then palette, canvas and results side by side.
#[component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.scenario.clone();
    let state = use_reducer(move || AppState { editor: Editor::new(initial) });
    html! {
        <ContextProvider<EditorHandle> context={state}>
            <div class="keel-app">
                <Header />
                <div class="keel-panes">
                    <Palette />
                    <Canvas />
                    <Results />
                </div>
            </div>
        </ContextProvider<EditorHandle>>
    }
}
