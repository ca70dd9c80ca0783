//! The keyboard shortcuts dialog (`?`), with the keys named for the user's platform (⌘ on a
//! Mac, Ctrl elsewhere).

use super::state::use_editor;
use crate::editor::keys::help_lines;
use crate::editor::Action;
use web_sys::HtmlElement;
use yew::prelude::*;

/// The dialog, shown while the editor says the help is open.
#[component]
pub fn Help() -> Html {
    let editor = use_editor();
    let mac = use_state(|| false);
    let close_button = use_node_ref();
    let open = editor.as_ref().is_some_and(|h| h.editor.help_open);
    {
        let mac = mac.clone();
        use_effect_with((), move |_| {
            let platform = web_sys::window()
                .map(|w| w.navigator())
                .map(|n| format!("{} {}", n.platform().unwrap_or_default(), n.user_agent().unwrap_or_default()))
                .unwrap_or_default();
            mac.set(platform.contains("Mac") || platform.contains("iPhone") || platform.contains("iPad"));
        });
    }
    {
        // Move the focus into the dialog when it opens.
        let close_button = close_button.clone();
        use_effect_with(open, move |open| {
            if *open {
                if let Some(button) = close_button.cast::<HtmlElement>() {
                    let _ = button.focus();
                }
            }
        });
    }
    let Some(handle) = editor else { return html! {} };
    if !open {
        return html! {};
    }
    let close = Callback::from(move |_: MouseEvent| handle.dispatch(Action::SetHelp(false)));
    html! {
        <div class="help-backdrop">
            <div class="help" role="dialog" aria-modal="true" aria-labelledby="help-title">
                <div class="help-head">
                    <h2 id="help-title">{"Keyboard and mouse"}</h2>
                    <button type="button" class="help-close" ref={close_button} onclick={close}>{"Close"}</button>
                </div>
                <table class="help-keys">
                    <tbody>
                        { for help_lines(*mac).into_iter().map(|(keys, what)| html! {
                            <tr><th scope="row">{ keys }</th><td>{ what }</td></tr>
                        }) }
                    </tbody>
                </table>
            </div>
        </div>
    }
}
