//! The cells of a comparison: one figure on both sides, already written as the view shows it,
//! with whether it changed. A side without the figure (a stage only in the other plan) is
//! `None`; "changed" means the *text* differs, so a difference too small to show (a fraction of
//! a cent, a few seconds) is not a change.

use crate::text::{Cents, Mins, Trimmed, Whole};
use serde::Serialize;

/// A figure on both sides, compared as the view shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Both<T> {
    /// On A's side; `None` = not on that side (or nothing there: no copies kept, no such
    /// target).
    pub a: Option<T>,
    /// On B's side.
    pub b: Option<T>,
    /// Whether the two differ (for a [`Reach`]: its figure, its target or its verdict).
    pub changed: bool,
}

impl<T: PartialEq> Both<T> {
    /// The cell of `a` against `b`.
    pub fn new(a: Option<T>, b: Option<T>) -> Both<T> {
        let changed = a != b;
        Both { a, b, changed }
    }
}

/// A figure in words on both sides: a backup method, a strategy, a time.
pub type Text = Both<String>;

/// A recovery point or time achieved, against its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reach {
    /// What is achieved along the flows: `2h 51m`, `never`.
    pub achieved: String,
    /// The target: `1d`.
    pub target: String,
    /// Whether the target is met.
    pub meets: bool,
    /// The figures are the owner's, not Keel's (systems of record).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub assumed: bool,
}

impl Reach {
    /// `achieved` minutes (`None` = never) against `target` minutes.
    pub fn new(achieved: Option<f64>, target: u32, meets: bool, assumed: bool) -> Reach {
        Reach {
            achieved: Mins(achieved.unwrap_or(f64::INFINITY)).to_string(),
            target: Whole(target).to_string(),
            meets,
            assumed,
        }
    }
}

/// A recovery point or time on both sides.
pub type Achieved = Both<Reach>;

/// An amount of money on both sides, with what B adds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// A's amount; `None` = not on that side.
    pub a: Option<f64>,
    /// B's amount.
    pub b: Option<f64>,
    /// A's amount to the cent: `8473.69`.
    pub a_text: Option<String>,
    /// B's amount to the cent.
    pub b_text: Option<String>,
    /// B − A to the cent, when both sides have it.
    pub delta: Option<f64>,
    /// The same with its sign: `+26.31`, `-3.00`, `0.00`.
    pub delta_text: Option<String>,
    /// B − A as a share of A, when both have it and A is not zero: `+0.3%`.
    pub percent_text: Option<String>,
    /// Whether the amounts differ (to the cent).
    pub changed: bool,
}

impl Money {
    /// The cell of `a` against `b`.
    pub fn new(a: Option<f64>, b: Option<f64>) -> Money {
        let text = |v: Option<f64>| v.map(|v| Cents(v).to_string());
        let (a_text, b_text) = (text(a), text(b));
        let delta = match (a, b) {
            (Some(a), Some(b)) => Some(cents(cents(b) - cents(a))),
            _ => None,
        };
        let percent_text = match (a, delta) {
            (Some(a), Some(d)) if cents(a) != 0.0 => {
                Some(signed(d / cents(a) * 100.0, |v| Trimmed::<1>(v).to_string(), "%"))
            }
            _ => None,
        };
        Money {
            a,
            b,
            changed: a_text != b_text,
            a_text,
            b_text,
            delta,
            delta_text: delta.map(|d| signed(d, |v| Cents(v).to_string(), "")),
            percent_text,
        }
    }
}

/// A count on both sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Count {
    /// A's.
    pub a: usize,
    /// B's.
    pub b: usize,
    /// Whether they differ.
    pub changed: bool,
}

impl Count {
    /// The cell of `a` against `b`.
    pub fn new(a: usize, b: usize) -> Count {
        Count { a, b, changed: a != b }
    }
}

/// `v` rounded to the cent (so that deltas are exact to the cent and never `-0.00`).
fn cents(v: f64) -> f64 {
    let c = (v * 100.0).round() / 100.0;
    if c == 0.0 {
        0.0
    } else {
        c
    }
}

/// `v` written by `write` with its sign: `+1.50`, `-3.00`; zero, and what rounds to it, unsigned.
fn signed(v: f64, write: impl Fn(f64) -> String, unit: &str) -> String {
    let magnitude = write(v.abs());
    let zero = magnitude.chars().all(|c| matches!(c, '0' | '.'));
    let sign = if zero || v.is_nan() {
        ""
    } else if v < 0.0 {
        "-"
    } else {
        "+"
    };
    format!("{sign}{magnitude}{unit}")
}
