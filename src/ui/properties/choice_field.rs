//! A list box of the properties panel (kind, service, load pattern).

use super::field::{field_id, OnEdit};
use crate::editor::fields::FieldKey;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`ChoiceField`].
#[derive(Properties, PartialEq)]
pub struct ChoiceFieldProps {
    /// Which field.
    pub field: FieldKey,
    /// The label.
    pub label: AttrValue,
    /// The value chosen.
    pub value: AttrValue,
    /// The choices: value and words.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// Sends the choice.
    pub on_edit: OnEdit,
}

/// One list box.
#[component]
pub fn ChoiceField(props: &ChoiceFieldProps) -> Html {
    let id = field_id(&props.field);
    let onchange = {
        let key = props.field.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), select.value()));
        })
    };
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <select {id} {onchange}>
                { for props.options.iter().map(|(value, words)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ words.clone() }</option>
                }) }
            </select>
        </div>
    }
}
