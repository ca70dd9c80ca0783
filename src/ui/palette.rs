//! The palette: every stage kind, grouped the way the guides describe a data platform.

use crate::model::PaletteGroup;
use yew::prelude::*;

/// The left pane listing stage kinds by [`PaletteGroup`].
#[component]
pub fn Palette() -> Html {
    html! {
        <nav class="pane palette" aria-label="Stage palette">
            <h2 class="pane-title">{"Stages"}</h2>
            { for PaletteGroup::ALL.into_iter().map(|group| html! {
                <section class="palette-group" key={group.label()}>
                    <h3>{ group.label() }</h3>
                    <ul>
                        { for group.kinds().map(|kind| html! {
                            <li class="palette-kind" key={kind.key()} data-kind={kind.key()}>
                                { kind.label() }
                            </li>
                        }) }
                    </ul>
                </section>
            }) }
        </nav>
    }
}
