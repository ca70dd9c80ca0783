//! The notices of sharing and saving, under the header: the offer to restore the autosaved
//! scenario, the latest message (with every problem listed, the link to copy by hand, or a
//! file to download), and the drop target shown while a file is dragged over the page.
//! A pure view of its props; user text is always text, never HTML.

use crate::editor::persist::{Message, Offer, Tone};
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`ShareNotices`].
#[derive(Properties, PartialEq)]
pub struct ShareNoticesProps {
    /// The autosaved scenario kept and offered back, if any.
    #[prop_or_default]
    pub offer: Option<Offer>,
    /// The latest message and its number.
    #[prop_or_default]
    pub message: Option<(u32, Message)>,
    /// A file is being dragged over the page.
    #[prop_or_default]
    pub dragging: bool,
    /// Restore the kept scenario.
    pub on_restore: Callback<MouseEvent>,
    /// Keep the open scenario (autosave replaces the kept one).
    pub on_keep: Callback<MouseEvent>,
    /// Close message number `seq`.
    pub on_dismiss: Callback<u32>,
    /// Save an attachment: (file name, text).
    pub on_download: Callback<(String, Rc<str>)>,
}

/// The notices.
#[component]
pub fn ShareNotices(props: &ShareNoticesProps) -> Html {
    let field = use_node_ref();
    let seq = props.message.as_ref().map(|(seq, _)| *seq);
    // A link to copy by hand is selected as soon as it is shown: Ctrl/⌘+C is all that is left.
    {
        let field = field.clone();
        use_effect_with(seq, move |_| {
            if let Some(input) = field.cast::<HtmlInputElement>() {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let select_all = Callback::from(|e: FocusEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        input.select();
    });

    let offer = props.offer.as_ref().map(|offer| {
        html! {
            <section class="share-notice share-offer" aria-label="Autosaved scenario">
                <p>{"You opened a scenario from a link. "}{ offer.explanation() }</p>
                <div class="share-actions">
                    <button type="button" class="share-primary" onclick={props.on_restore.clone()}>{ offer.restore_label() }</button>
                    <button type="button" onclick={props.on_keep.clone()}>{ offer.keep_label() }</button>
                </div>
            </section>
        }
    });

    let message = props.message.as_ref().map(|(seq, m)| {
        let seq = *seq;
        let (class, role) = match m.tone {
            Tone::Info => ("share-info", "status"),
            Tone::Warning => ("share-warning", "status"),
            Tone::Error => ("share-error", "alert"),
        };
        let dismiss = props.on_dismiss.reform(move |_: MouseEvent| seq);
        let download = m.attachment.clone().map(|a| {
            let on_download = props.on_download.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_download.emit((a.file_name.clone(), a.text.clone())));
            html! { <button type="button" {onclick}>{"Download it"}</button> }
        });
        html! {
            <section key={seq} class={classes!("share-notice", "share-message", class)} {role} aria-label="Sharing and saving">
                <p class="share-text">{ m.text.clone() }</p>
                if !m.details.is_empty() {
                    <ul class="share-details">{ for m.details.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                }
                if let Some(link) = m.link_field.clone() {
                    <input type="text" class="share-link-field" readonly=true value={link} ref={field.clone()}
                        aria-label="Link to copy" spellcheck="false" onfocus={select_all.clone()} />
                }
                <div class="share-actions">
                    { download }
                    <button type="button" class="share-close" onclick={dismiss}>{"Close"}</button>
                </div>
            </section>
        }
    });

    html! {
        <>
            <div class="share-notices">
                { offer }
                { message }
            </div>
            if props.dragging {
                <div class="share-drop" aria-hidden="true">
                    <p>{"Drop a Keel plan file (.json) to open it"}</p>
                    <p class="share-hint">{"Your current scenario stays one undo away."}</p>
                </div>
            }
        </>
    }
}
