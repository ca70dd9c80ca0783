//! The web user interface: a thin yew view over the pure core.
//!
//! One small component per file, in a folder per area of the page: [`header`], [`canvas`],
//! [`properties`], [`results`] and [`share`] (sharing and saving). Each folder's files are
//! private to it; its `mod.rs` says what the area is and re-exports what the rest uses. Beside
//! them sit the pieces the areas share or that stand alone: [`root`] and [`app`] (the
//! components at the top), [`state`] (the editor in context), [`dom`], [`panic`](mod@panic),
//! [`keyboard`], [`help`], [`compare`] (two variants side by side), [`palette`], [`icons`] and
//! [`num`]. The areas do not depend on each
//! other in a cycle (checked by `tests/tidy.rs`).
//!
//! Views are pure functions of their props and of the editor state in context: they never touch
//! `window()` while rendering, so every one of them renders natively with
//! `yew::LocalServerRenderer` in tests. Browser side effects live only in event handlers,
//! effects, [`dom`], [`panic`](mod@panic) and the sharing area's browser calls.

pub mod app;
pub mod canvas;
pub mod compare;
pub mod dom;
pub mod header;
pub mod help;
pub mod icons;
pub mod keyboard;
pub mod num;
pub mod palette;
pub mod panic;
pub mod properties;
pub mod results;
pub mod root;
pub mod share;
pub mod state;

pub use app::{App, AppProps};
