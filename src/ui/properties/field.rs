//! A text field of the properties panel: label, the value as people write it ("4h",
//! "1.5 TB"), and beside it either a hint or the message saying why the typed text cannot be
//! used. The change is sent when the field is left or Enter is pressed, one undo step each.

use crate::editor::fields::{Draft, FieldKey};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Sends an edit; answers whether the state changed.
pub type OnEdit = Callback<(FieldKey, String), bool>;

/// An element id for a field: `f-<stage or scenario>-<field>`, with only safe characters.
pub fn field_id(key: &FieldKey) -> String {
    let raw = format!("f-{}-{}", key.stage.as_deref().unwrap_or("scenario"), key.field.slug());
    raw.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '_' }).collect()
}

/// Properties of [`TextField`].
#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// Which field.
    pub field: FieldKey,
    /// The label.
    pub label: AttrValue,
    /// The current value, as shown.
    pub value: AttrValue,
    /// Unusable text typed earlier, with the reason.
    #[prop_or_default]
    pub draft: Option<Draft>,
    /// Shown when the field is empty.
    #[prop_or_default]
    pub placeholder: AttrValue,
    /// What to type, shown under the field while it is valid.
    #[prop_or_default]
    pub hint: AttrValue,
    /// Named values offered while typing (value, name), as a `<datalist>`; none by default.
    #[prop_or_default]
    pub presets: &'static [(&'static str, &'static str)],
    /// Sends the edit.
    pub on_edit: OnEdit,
}

/// One text field.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let id = field_id(&props.field);
    let note_id = format!("{id}-note");
    let list_id = format!("{id}-presets");
    let presets = props.presets.iter().filter(|(value, _)| !value.is_empty());
    let list = (!props.presets.is_empty()).then(|| list_id.clone());
    let onchange = {
        let key = props.field.clone();
        let on_edit = props.on_edit.clone();
        let shown = props.draft.as_ref().map_or_else(|| props.value.to_string(), |d| d.text.clone());
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if !on_edit.emit((key.clone(), input.value())) {
                // Nothing changed (the same value written differently): show it as it was.
                input.set_value(&shown);
            }
        })
    };
    let (value, invalid) = match &props.draft {
        Some(d) => (AttrValue::from(d.text.clone()), true),
        None => (props.value.clone(), false),
    };
    let note = match &props.draft {
        Some(d) => Some(html! { <p class="field-error" id={note_id.clone()}>{ d.message.clone() }</p> }),
        None if !props.hint.is_empty() => {
            Some(html! { <p class="field-hint" id={note_id.clone()}>{ props.hint.clone() }</p> })
        }
        None => None,
    };
    html! {
        <div class={classes!("field", invalid.then_some("invalid"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            <input {id} type="text" {value} placeholder={props.placeholder.clone()} spellcheck="false"
                autocomplete="off" aria-invalid={invalid.then_some("true")}
                aria-describedby={note.is_some().then_some(note_id)} {list} {onchange} />
            if !props.presets.is_empty() {
                <datalist id={list_id}>
                    { for presets.map(|&(value, name)| html! { <option {value} label={name} /> }) }
                </datalist>
            }
            { for note }
        </div>
    }
}
