//! Keel: a backup and disaster-recovery planner for data platforms.
//!
//! The crate is a **pure core** — [`model`], [`text`] (the text of numbers: durations, money,
//! sizes, decimals, counted words), [`order`], `ids`, [`catalogue`], [`engine`], [`plot`],
//! [`results`], [`compare`], [`format`], [`editor`] — that imports no yew, web-sys or gloo and backs both the
//! web app and the `keel` command line, plus the [`ui`], a thin yew view over that core compiled
//! to WebAssembly.
//! See ARCHITECTURE.md for the map.

pub mod catalogue;
pub mod cli;
pub mod compare;
pub mod editor;
pub mod engine;
pub mod format;
pub(crate) mod ids;
pub mod model;
pub mod order;
pub mod plot;
pub mod results;
pub mod text;
pub mod ui;
