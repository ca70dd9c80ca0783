//! The web user interface: a thin yew view over the pure core.
//!
//! One small component per file. Views are pure functions of their props and of the editor
//! state in context: they never touch `window()` while rendering, so every one of them renders
//! natively with `yew::LocalServerRenderer` in tests. Browser side effects live only in event
//! handlers, effects, [`dom`] and [`panic`].

pub mod app;
pub mod canvas;
pub mod check_field;
pub mod choice_field;
pub mod dom;
pub mod field;
pub mod flows;
pub mod header;
pub mod help;
pub mod icons;
pub mod keyboard;
pub mod minimap;
pub mod num;
pub mod overrides;
pub mod palette;
pub mod panic;
pub mod persist;
pub mod plot_figure;
pub mod plots;
pub mod properties;
pub mod results;
pub mod results_table;
pub mod scenario_properties;
pub mod share;
pub mod share_io;
pub mod share_notices;
pub mod stage_card;
pub mod stage_properties;
pub mod state;
pub mod templates;
pub mod toolbar;
pub mod totals;
pub mod warning_list;

pub use app::{App, AppProps};
