//! Money as people read it: whole currency units with thousands separators (`12,345`) in the
//! web app's tables and sentences, to the cent (`12345.67`) in reasons and on the command line,
//! and a compact form (`12.5k`, `1.2M`) on plot axes. Not a number is `?`. Written with integer
//! arithmetic only, so the web app carries no float-formatting tables for it.

use super::decimal::{grouped, scaled, Fixed};
use std::fmt::{self, Display, Formatter};

/// Whole currency units with thousands separators: `1,234`, `-1,500`; `?` for a value that is
/// not a number.
pub fn whole_money(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let n = v.round().abs() as u64;
    let mut out = String::new();
    if v.round() < 0.0 {
        out.push('-');
    }
    out.push_str(&grouped(n));
    out
}

/// An amount to the cent, as `{:.2}` writes it (`48.80`, `1250.00`, `-0.20`), and `?` for a
/// value that is not a number: what a plan's reasons and `keel plan --format table` show.
/// `Display` pads, so `{:>10}` lines up a column.
#[derive(Debug, Clone, Copy)]
pub struct Cents(pub f64);

impl Cents {
    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        if self.0.is_finite() {
            Fixed::<2>(self.0).push_to(out);
        } else {
            out.push('?');
        }
    }
}

impl Display for Cents {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.0.is_finite() {
            Fixed::<2>(self.0).fmt(f)
        } else {
            f.pad("?")
        }
    }
}

/// A short figure for an axis tick: `950`, `1.5k`, `12k`, `2.5M`. Keeps one decimal where it
/// matters and drops `.0`; `?` for a value that is not a number.
pub fn compact_money(v: f64) -> String {
    let a = v.abs();
    // The unit follows the rounded figure: 999,500 is `1M`, never `1000k`.
    let (scaled_value, suffix) = if a >= 999_500.0 {
        (a / 1e6, "M")
    } else if a >= 999.5 {
        (a / 1e3, "k")
    } else {
        (a, "")
    };
    // Tenths of the unit; whole from 100 of it (and below the thousands).
    let (Some(tenths), Some(whole)) = (scaled(scaled_value, 1), scaled(scaled_value, 0)) else {
        return "?".into();
    };
    let sign = |shown: u64| if v < 0.0 && shown > 0 { "-" } else { "" };
    if suffix.is_empty() || tenths % 10 == 0 || tenths >= 1000 {
        format!("{}{whole}{suffix}", sign(whole))
    } else {
        format!("{}{}.{}{suffix}", sign(tenths), tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::super::pushed;
    use super::*;

    /// Each form of one amount: whole, to the cent (`Display` and `push_to`), compact.
    fn check(v: f64, whole: &str, cents: &str, compact: &str) {
        assert_eq!(whole_money(v), whole, "whole {v}");
        assert_eq!(Cents(v).to_string(), cents, "cents {v}");
        assert_eq!(pushed(|out| Cents(v).push_to(out)), cents, "cents pushed {v}");
        assert_eq!(compact_money(v), compact, "compact {v}");
    }

    /// The reference.
    #[test]
    fn money_as_written() {
        check(0.0, "0", "0.00", "0");
        check(0.4, "0", "0.40", "0");
        check(48.8, "49", "48.80", "49");
        check(949.6, "950", "949.60", "950");
        check(999.5, "1,000", "999.50", "1k");
        check(999.6, "1,000", "999.60", "1k");
        check(1500.0, "1,500", "1500.00", "1.5k");
        check(12_000.0, "12,000", "12000.00", "12k");
        check(12_340.0, "12,340", "12340.00", "12.3k");
        check(99_960.0, "99,960", "99960.00", "100k");
        check(250_000.0, "250,000", "250000.00", "250k");
        check(999_499.0, "999,499", "999499.00", "999k");
        check(999_500.0, "999,500", "999500.00", "1M");
        check(1_234_567.0, "1,234,567", "1234567.00", "1.2M");
        check(2_500_000.0, "2,500,000", "2500000.00", "2.5M");
        check(-1500.0, "-1,500", "-1500.00", "-1.5k");
        check(-0.2, "0", "-0.20", "0");
        check(2.675, "3", "2.67", "3");
        check(f64::NAN, "?", "?", "?");
        check(f64::INFINITY, "?", "?", "?");
        assert_eq!(format!("{:>10}|", Cents(48.8)), "     48.80|");
    }
}
