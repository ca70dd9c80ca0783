//! Keyboard shortcuts, as canvas editors have them (React Flow, Excalidraw, tldraw): what a key
//! press means given where the focus is. Pure: the view turns a `KeyboardEvent` into a
//! [`KeyInput`] and a [`Focus`], and dispatches what [`shortcut`] returns.

use super::{Action, Editor};

/// A key press.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct KeyInput {
    /// `KeyboardEvent.key`: the character or key name ("z", "Delete", "ArrowLeft", "?").
    pub key: String,
    /// `KeyboardEvent.code`: the physical key ("Digit1"), for Shift+1 on any layout.
    pub code: String,
    /// Ctrl is held.
    pub ctrl: bool,
    /// ⌘ (or the Windows key) is held.
    pub meta: bool,
    /// Shift is held.
    pub shift: bool,
    /// Alt / Option is held.
    pub alt: bool,
}

/// Where the keyboard focus is when a key is pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// A text field, list box or editable region: shortcuts stay out of the way.
    Typing,
    /// A stage's card.
    Stage(String),
    /// A button, check box or link: its own keys (Enter, Space, arrows) are left to it.
    Control,
    /// Anywhere else (the page, the canvas).
    Page,
}

/// How many grid steps Shift+arrow nudges.
pub const BIG_NUDGE: i32 = 5;

/// The actions a key press stands for, in order, or `None` if it is not a shortcut here (then
/// the browser's default must happen). The view prevents the default when this is `Some`.
pub fn shortcut(key: &KeyInput, focus: &Focus, editor: &Editor) -> Option<Vec<Action>> {
    if *focus == Focus::Typing {
        return None;
    }
    let command = key.ctrl || key.meta;
    let k = key.key.as_str();
    if command && !key.alt {
        return match k.to_ascii_lowercase().as_str() {
            "z" if key.shift => Some(vec![Action::Redo]),
            "z" => Some(vec![Action::Undo]),
            "y" if key.ctrl => Some(vec![Action::Redo]),
            "a" => Some(vec![Action::SelectAll]),
            "=" | "+" => Some(vec![Action::ZoomIn]),
            "-" | "_" => Some(vec![Action::ZoomOut]),
            "0" => Some(vec![Action::ZoomReset]),
            _ => None,
        };
    }
    if key.alt || key.meta || key.ctrl {
        return None;
    }
    match (k, focus) {
        ("Delete" | "Backspace", _) => Some(vec![Action::DeleteSelection]),
        ("Escape", _) => Some(vec![Action::Escape]),
        ("?", _) => Some(vec![Action::SetHelp(!editor.help_open)]),
        ("p" | "P", _) => Some(vec![Action::Present(!editor.presenting)]),
        _ if key.shift && key.code == "Digit1" => Some(vec![Action::FitView]),
        _ if key.shift && key.code == "Digit2" => Some(vec![Action::FitSelection]),
        ("Enter" | " ", Focus::Stage(id)) => Some(vec![Action::Select { id: id.clone(), additive: key.shift }]),
        (" ", Focus::Page) => Some(vec![Action::SetSpaceHeld(true)]),
        ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown", Focus::Stage(_) | Focus::Page) => {
            let step = if key.shift { BIG_NUDGE } else { 1 };
            let (dx, dy) = match k {
                "ArrowLeft" => (-step, 0),
                "ArrowRight" => (step, 0),
                "ArrowUp" => (0, -step),
                _ => (0, step),
            };
            let mut actions = Vec::new();
            // Arrows move the focused card, selecting it first if it is not.
            if let Focus::Stage(id) = focus {
                if !editor.is_selected(id) {
                    actions.push(Action::Select { id: id.clone(), additive: false });
                }
            } else if editor.selection.is_empty() {
                return None; // let the page scroll
            }
            actions.push(Action::Nudge { dx, dy });
            Some(actions)
        }
        _ => None,
    }
}

/// The action a key release stands for: releasing Space ends space-panning.
pub fn release(key: &KeyInput, editor: &Editor) -> Option<Action> {
    (key.key == " " && editor.space_held).then_some(Action::SetSpaceHeld(false))
}

/// One line of the shortcuts dialog: the keys, written for the platform, and what they do.
pub fn help_lines(mac: bool) -> Vec<(String, &'static str)> {
    let cmd = if mac { "⌘" } else { "Ctrl" };
    vec![
        ("Drag a stage from the palette, or Enter on it".into(), "add a stage"),
        ("Drag from a card's right handle to another card".into(), "connect two stages"),
        ("Click · Shift+click or ".to_string() + cmd + "+click", "select · add to the selection"),
        ("Shift+drag on the background".into(), "select with a box"),
        (format!("{cmd}+A"), "select everything"),
        ("Esc".into(), "cancel the drag, or clear the selection"),
        ("Delete or Backspace".into(), "delete the selection and its flows"),
        ("Click an arrow, then Delete".into(), "remove one flow"),
        ("Arrow keys · Shift+arrow keys".into(), "move the selection by 1 or 5 grid steps"),
        ("Tab, then Enter or Space".into(), "go to a stage and select it"),
        (format!("{cmd}+Z"), "undo"),
        (if mac { "⌘+Shift+Z".into() } else { "Ctrl+Shift+Z or Ctrl+Y".into() }, "redo"),
        ("Drag the background · Space+drag · wheel".into(), "pan"),
        (format!("{cmd}+wheel or pinch · {cmd}+plus / minus"), "zoom at the pointer · zoom"),
        (format!("{cmd}+0"), "zoom to 100 %"),
        ("Shift+1 · Shift+2".into(), "fit everything · fit the selection"),
        ("P · Esc".into(), "presentation mode on or off · off"),
        ("?".into(), "show or hide these shortcuts"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Scenario, Stage, StageKind};

    fn key(k: &str) -> KeyInput {
        KeyInput { key: k.into(), ..KeyInput::default() }
    }

    fn ctrl(k: &str) -> KeyInput {
        KeyInput { ctrl: true, ..key(k) }
    }

    fn editor() -> Editor {
        let mut scenario = Scenario::default();
        scenario.stages.push(Stage::new("a", StageKind::Raw));
        scenario.stages.push(Stage::new("b", StageKind::Raw));
        Editor::new(scenario)
    }

    #[test]
    fn typing_in_a_field_is_never_a_shortcut() {
        let e = editor();
        for k in [key("Delete"), key("Backspace"), ctrl("z"), ctrl("a"), key("?"), key("ArrowLeft"), key(" ")] {
            assert_eq!(shortcut(&k, &Focus::Typing, &e), None, "{k:?}");
        }
    }

    #[test]
    fn undo_redo_select_all_and_zoom_with_ctrl_or_cmd() {
        let e = editor();
        let at = Focus::Page;
        assert_eq!(shortcut(&ctrl("z"), &at, &e), Some(vec![Action::Undo]));
        assert_eq!(shortcut(&KeyInput { meta: true, ..key("z") }, &at, &e), Some(vec![Action::Undo]));
        assert_eq!(shortcut(&KeyInput { shift: true, ..ctrl("Z") }, &at, &e), Some(vec![Action::Redo]));
        assert_eq!(shortcut(&KeyInput { meta: true, shift: true, ..key("z") }, &at, &e), Some(vec![Action::Redo]));
        assert_eq!(shortcut(&ctrl("y"), &at, &e), Some(vec![Action::Redo]));
        assert_eq!(shortcut(&ctrl("a"), &Focus::Stage("a".into()), &e), Some(vec![Action::SelectAll]));
        assert_eq!(shortcut(&ctrl("="), &at, &e), Some(vec![Action::ZoomIn]));
        assert_eq!(shortcut(&ctrl("-"), &at, &e), Some(vec![Action::ZoomOut]));
        assert_eq!(shortcut(&ctrl("0"), &at, &e), Some(vec![Action::ZoomReset]));
        assert_eq!(shortcut(&ctrl("c"), &at, &e), None, "copy is the browser's");
    }

    #[test]
    fn delete_escape_help_and_fit() {
        let e = editor();
        assert_eq!(shortcut(&key("Delete"), &Focus::Control, &e), Some(vec![Action::DeleteSelection]));
        assert_eq!(shortcut(&key("Backspace"), &Focus::Page, &e), Some(vec![Action::DeleteSelection]));
        assert_eq!(shortcut(&key("Escape"), &Focus::Page, &e), Some(vec![Action::Escape]));
        assert_eq!(shortcut(&key("?"), &Focus::Page, &e), Some(vec![Action::SetHelp(true)]));
        let open = e.apply(Action::SetHelp(true)).expect("opens");
        assert_eq!(shortcut(&key("?"), &Focus::Page, &open), Some(vec![Action::SetHelp(false)]));
        let shift1 = KeyInput { shift: true, code: "Digit1".into(), ..key("!") };
        assert_eq!(shortcut(&shift1, &Focus::Page, &e), Some(vec![Action::FitView]));
        let shift2 = KeyInput { shift: true, code: "Digit2".into(), ..key("@") };
        assert_eq!(shortcut(&shift2, &Focus::Page, &e), Some(vec![Action::FitSelection]));
    }

    #[test]
    fn on_a_card_enter_and_space_select_and_arrows_move_it() {
        let e = editor();
        let on_a = Focus::Stage("a".into());
        assert_eq!(shortcut(&key("Enter"), &on_a, &e), Some(vec![Action::Select { id: "a".into(), additive: false }]));
        assert_eq!(
            shortcut(&KeyInput { shift: true, ..key(" ") }, &on_a, &e),
            Some(vec![Action::Select { id: "a".into(), additive: true }])
        );
        assert_eq!(
            shortcut(&key("ArrowRight"), &on_a, &e),
            Some(vec![Action::Select { id: "a".into(), additive: false }, Action::Nudge { dx: 1, dy: 0 }])
        );
        let selected = e.apply(Action::Select { id: "a".into(), additive: false }).expect("selects");
        assert_eq!(
            shortcut(&KeyInput { shift: true, ..key("ArrowUp") }, &on_a, &selected),
            Some(vec![Action::Nudge { dx: 0, dy: -BIG_NUDGE }])
        );
        // Elsewhere on the page arrows move the selection, or scroll when there is none.
        assert_eq!(shortcut(&key("ArrowLeft"), &Focus::Page, &selected), Some(vec![Action::Nudge { dx: -1, dy: 0 }]));
        assert_eq!(shortcut(&key("ArrowLeft"), &Focus::Page, &e), None);
        // Buttons keep their own keys.
        assert_eq!(shortcut(&key("ArrowDown"), &Focus::Control, &selected), None);
        assert_eq!(shortcut(&key("Enter"), &Focus::Control, &selected), None);
        assert_eq!(shortcut(&key(" "), &Focus::Control, &selected), None);
    }

    #[test]
    fn space_held_on_the_page_pans_until_released() {
        let e = editor();
        assert_eq!(shortcut(&key(" "), &Focus::Page, &e), Some(vec![Action::SetSpaceHeld(true)]));
        let held = e.apply(Action::SetSpaceHeld(true)).expect("held");
        assert_eq!(release(&key(" "), &held), Some(Action::SetSpaceHeld(false)));
        assert_eq!(release(&key(" "), &e), None);
        assert_eq!(release(&key("a"), &held), None);
    }

    #[test]
    fn help_names_the_platform_s_keys() {
        let mac = help_lines(true);
        assert!(mac.iter().any(|(k, what)| k == "⌘+Z" && *what == "undo"));
        let pc = help_lines(false);
        assert!(pc.iter().any(|(k, what)| k == "Ctrl+Shift+Z or Ctrl+Y" && *what == "redo"));
        assert!(!pc.iter().any(|(k, _)| k.contains('⌘')));
    }
}
