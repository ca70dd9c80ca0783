//! The properties panel, the right-hand pane: the `panel` shows the selected stage's properties
//! (`stage`) or, when nothing is selected, the scenario's (`scenario`, with its price-book
//! `overrides`), built from the field components (`field` for text, `check_field`,
//! `choice_field`). Every edit goes through the editor and the plan follows at once.

mod check_field;
mod choice_field;
mod field;
mod overrides;
mod panel;
mod scenario;
mod stage;

pub use panel::Properties;
