//! A yes/no box of the properties panel (automated, modified in place, recreatable).

use super::field::{field_id, OnEdit};
use crate::editor::fields::FieldKey;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Properties of [`CheckField`].
#[derive(Properties, PartialEq)]
pub struct CheckFieldProps {
    /// Which field.
    pub field: FieldKey,
    /// The label.
    pub label: AttrValue,
    /// Whether it is ticked.
    pub checked: bool,
    /// What ticking it means, in a few words.
    #[prop_or_default]
    pub hint: AttrValue,
    /// Sends `true` or `false`.
    pub on_edit: OnEdit,
}

/// One check box.
#[component]
pub fn CheckField(props: &CheckFieldProps) -> Html {
    let id = field_id(&props.field);
    let onchange = {
        let key = props.field.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), input.checked().to_string()));
        })
    };
    html! {
        <div class="field check" title={props.hint.clone()}>
            <input id={id.clone()} type="checkbox" checked={props.checked} {onchange} />
            <label for={id}>{ props.label.clone() }</label>
        </div>
    }
}
