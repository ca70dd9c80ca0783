//! Whether B is worse than A, and why: more targets missed, a critical warning A has not, or —
//! only when a limit is given — a monthly cost rising by more than the limit. `keel diff` exits
//! 3 on it; the web app can say the same in words.

use crate::text::{parse_decimal, Cents, Trimmed};
use serde::Serialize;
use std::fmt;

/// How much the monthly cost may rise from A to B: an amount in the plans' currency, or a
/// percentage of A's.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CostLimit {
    /// At most this much more a month.
    Amount(f64),
    /// At most this share of A's monthly cost more, in percent.
    Percent(f64),
}

impl CostLimit {
    /// Reads `500`, `1,250.50` (an amount) or `10%`, `2.5%` (a percentage of A's monthly cost).
    pub fn parse(text: &str) -> Result<CostLimit, String> {
        let text = text.trim();
        let (number, percent) = match text.strip_suffix('%') {
            Some(n) => (n.trim_end(), true),
            None => (text, false),
        };
        let value = parse_decimal(number).ok_or_else(|| {
            format!("\"{text}\" is not an amount or a percentage: write 500 (a month, in the plans' currency) or 10%")
        })?;
        Ok(if percent { CostLimit::Percent(value) } else { CostLimit::Amount(value) })
    }

    /// The largest rise allowed from `a` a month, to the cent.
    pub fn allowed(self, a: f64) -> f64 {
        let cents = |v: f64| (v * 100.0).round() / 100.0;
        match self {
            CostLimit::Amount(v) => cents(v),
            CostLimit::Percent(p) => cents(cents(a) * p / 100.0),
        }
    }
}

impl fmt::Display for CostLimit {
    /// `500.00` or `10%`, as the limit is written back in a reason.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CostLimit::Amount(v) => write!(f, "{}", Cents(*v)),
            CostLimit::Percent(p) => write!(f, "{}%", Trimmed::<2>(*p)),
        }
    }
}

/// Whether B is worse than A.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// B misses more targets, has a critical warning A has not, or costs more than allowed.
    pub worse: bool,
    /// Each reason in a sentence; empty when B is not worse.
    pub reasons: Vec<String>,
}

impl Verdict {
    /// The verdict of these reasons.
    pub fn of(reasons: Vec<String>) -> Verdict {
        Verdict { worse: !reasons.is_empty(), reasons }
    }
}

/// The cost reason, if the monthly cost rises from `a` to `b` by more than `limit` allows.
pub fn cost_reason(a: f64, b: f64, limit: Option<CostLimit>, currency: &str) -> Option<String> {
    let limit = limit?;
    let rise = ((b - a) * 100.0).round() / 100.0;
    let allowed = limit.allowed(a);
    if rise <= allowed {
        return None;
    }
    let share = if a.abs() >= 0.005 { format!(" (+{}%)", Trimmed::<1>(rise / a * 100.0)) } else { String::new() };
    let limit = match limit {
        CostLimit::Amount(_) => format!("{currency} {}", Cents(allowed)),
        CostLimit::Percent(_) => format!("{limit} of A's, {currency} {}", Cents(allowed)),
    };
    Some(format!(
        "monthly cost rises by {currency} {}{share}, from {} to {}: more than the {limit} allowed",
        Cents(rise),
        Cents(a),
        Cents(b)
    ))
}
