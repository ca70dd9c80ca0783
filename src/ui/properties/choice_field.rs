//! A list box of the properties panel (kind, service, load pattern, ransomware copies in), with
//! an optional hint under it.

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
    /// What the choice means, shown under the list; none by default.
    #[prop_or_default]
    pub hint: AttrValue,
    /// Sends the choice.
    pub on_edit: OnEdit,
}

/// One list box.
#[component]
pub fn ChoiceField(props: &ChoiceFieldProps) -> Html {
    let id = field_id(&props.field);
    let note_id = format!("{id}-note");
    let onchange = {
        let key = props.field.clone();
        let on_edit = props.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_edit.emit((key.clone(), select.value()));
        })
    };
    let hint = !props.hint.is_empty();
    html! {
        <div class="field">
            <label for={id.clone()}>{ props.label.clone() }</label>
            <select {id} {onchange} aria-describedby={hint.then(|| note_id.clone())}>
                { for props.options.iter().map(|(value, words)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ words.clone() }</option>
                }) }
            </select>
            if hint {
                <p class="field-hint" id={note_id}>{ props.hint.clone() }</p>
            }
        </div>
    }
}
