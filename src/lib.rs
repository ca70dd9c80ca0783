//! Keel: a backup and disaster-recovery planner for data platforms.
//!
//! The crate is a **pure core** — [`model`], [`duration`], [`money`], [`order`], `ids`,
//! [`catalogue`], [`engine`], [`plot`], [`results`], [`format`], [`editor`] — that imports no yew,
//! web-sys or gloo and backs both the web app and the `keel` command line, plus the [`ui`], a thin
//! yew view over that core compiled to WebAssembly.
//! See ARCHITECTURE.md for the map.

pub mod catalogue;
pub mod cli;
pub mod duration;
pub mod editor;
pub mod engine;
pub mod format;
pub(crate) mod ids;
pub mod model;
pub mod money;
pub mod order;
pub mod plot;
pub mod results;
pub mod ui;
