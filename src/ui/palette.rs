//! The palette: every stage kind, grouped the way the guides describe a data platform.

use crate::model::PaletteGroup;
use yew::prelude::*;

/// The left pane listing stage kinds by [`PaletteGroup`]. It is focusable (`tabindex=0`) because
/// it scrolls on small screens and must scroll from the keyboard too.
#[component]
pub fn Palette() -> Html {
    html! {
        <nav class="pane palette" aria-label="Stage palette" tabindex="0">
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
