//! Plain decimals: [`Fixed`] writes exactly `P` decimals, as `{:.P}` does (`12.30`); [`Trimmed`]
//! rounds to at most `P` decimals and drops trailing zeros (`12.3`, `12`); [`grouped`] writes
//! whole numbers with thousands separators (`2,345`); [`parse_decimal`] reads what people type.
//!
//! Rounding is the standard formatter's: the exact binary value, correctly rounded, ties to
//! even — worked out with integer arithmetic, so the web app carries no float-formatting tables
//! and the engine's thousands of figures cost a few instructions each.

use super::Stack;
use std::fmt::{self, Display, Formatter, Write};

/// Most decimals either form writes.
const MAX_PLACES: u32 = 9;

/// `v × 10^places`, rounded as `{:.places$}` rounds (exactly, ties to even), when `v` is a
/// non-negative finite number and the result fits a `u64`; `None` otherwise.
pub(super) fn scaled(v: f64, places: u32) -> Option<u64> {
    if places > MAX_PLACES || !(v.is_finite() && v.is_sign_positive()) {
        return None;
    }
    let bits = v.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1u64 << 52) - 1);
    // v = mantissa × 2^power exactly.
    let (mantissa, power) = if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
    // Below 2^53 × 10^9 < 2^83: the product is exact.
    let x = u128::from(mantissa) * u128::from(10u64.pow(places));
    let n = if power >= 0 {
        // A whole number of at least 2^52: too large for any u64 result from 2^64 up.
        if power >= 12 {
            return None;
        }
        x << power.unsigned_abs()
    } else {
        let shift = power.unsigned_abs();
        if shift >= 127 {
            // Below half of one unit: rounds to zero.
            return Some(0);
        }
        let (whole, rest, half) = (x >> shift, x & ((1u128 << shift) - 1), 1u128 << (shift - 1));
        whole + u128::from(rest > half || (rest == half && whole & 1 == 1))
    };
    u64::try_from(n).ok()
}

/// A number with exactly `P` decimals (at most 9), written as `{:.P}` writes it. Non-negative
/// numbers up to the `u64` range are built on the stack; anything else (negative, NaN, huge)
/// goes to the standard formatter.
#[derive(Debug, Clone, Copy)]
pub struct Fixed<const P: u32>(pub f64);

impl<const P: u32> Fixed<P> {
    fn write(self) -> Option<Stack> {
        let n = scaled(self.0, P)?;
        let mut out = Stack::new();
        out.decimal(n, P, false);
        Some(out)
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        match self.write() {
            Some(text) => text.push_to(out),
            None => {
                let _ = write!(out, "{:.*}", P as usize, self.0);
            }
        }
    }
}

impl<const P: u32> Display for Fixed<P> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.write() {
            Some(text) => text.pad(f),
            None => f.pad(&format!("{:.*}", P as usize, self.0)),
        }
    }
}

/// A number rounded to at most `P` decimals (at most 9), without trailing zeros: `0.25`, `12.5`,
/// `3`, `-3.04`; never `-0`. Not a number is `?`. For rates, factors and counts in sentences and
/// fields, and the web app's pixel figures.
#[derive(Debug, Clone, Copy)]
pub struct Trimmed<const P: u32>(pub f64);

impl<const P: u32> Trimmed<P> {
    fn write(self) -> Stack {
        let mut out = Stack::new();
        let v = self.0;
        if !v.is_finite() {
            out.byte(b'?');
            return out;
        }
        match scaled(v.abs(), P) {
            Some(n) => {
                if v < 0.0 && n > 0 {
                    out.byte(b'-');
                }
                out.decimal(n, P, true);
            }
            // Beyond 10^19 ÷ 10^P: whole, if it fits a u64 at all.
            None => match scaled(v.abs(), 0) {
                Some(n) => {
                    if v < 0.0 {
                        out.byte(b'-');
                    }
                    out.number(n);
                }
                None => out.byte(b'?'),
            },
        }
        out
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        self.write().push_to(out);
    }
}

impl<const P: u32> Display for Trimmed<P> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write().pad(f)
    }
}

/// Appends the whole number `n` in decimal.
pub fn push_whole(out: &mut String, n: u64) {
    let mut text = Stack::new();
    text.number(n);
    text.push_to(out);
}

/// A whole number with thousands separators: `2,345`, `1,234,567`.
pub fn grouped(n: u64) -> String {
    let mut digits = Stack::new();
    digits.number(n);
    let digits = digits.as_str();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Reads a plain decimal number as people type it (`1500`, `1,500`, `0.25`, `.5`). Written out
/// rather than `str::parse::<f64>`, which would add its tables to the web app for no gain here.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let text = text.trim();
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let whole: String = whole.chars().filter(|c| *c != ',').collect();
    if (whole.is_empty() && fraction.is_empty())
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
        || whole.len() > 15
    {
        return None;
    }
    let mut value = 0.0;
    for c in whole.chars() {
        value = value * 10.0 + f64::from(c.to_digit(10)?);
    }
    let mut scale = 1.0;
    for c in fraction.chars().take(12) {
        scale /= 10.0;
        value += f64::from(c.to_digit(10)?) * scale;
    }
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::super::pushed;
    use super::*;
    use proptest::prelude::*;

    /// Every form of one number: `Fixed` and `Trimmed` at 0 to 3 places, `Display` and
    /// `push_to` alike.
    fn check(v: f64, fixed: [&str; 4], trimmed: [&str; 4]) {
        fn both<T: Display + Copy>(t: T, push: impl Fn(T, &mut String)) -> String {
            let shown = t.to_string();
            assert_eq!(pushed(|out| push(t, out)), shown, "push_to and Display disagree");
            shown
        }
        let got_fixed = [
            both(Fixed::<0>(v), Fixed::push_to),
            both(Fixed::<1>(v), Fixed::push_to),
            both(Fixed::<2>(v), Fixed::push_to),
            both(Fixed::<3>(v), Fixed::push_to),
        ];
        let got_trimmed = [
            both(Trimmed::<0>(v), Trimmed::push_to),
            both(Trimmed::<1>(v), Trimmed::push_to),
            both(Trimmed::<2>(v), Trimmed::push_to),
            both(Trimmed::<3>(v), Trimmed::push_to),
        ];
        assert_eq!(got_fixed, fixed.map(String::from), "Fixed of {v:e}");
        assert_eq!(got_trimmed, trimmed.map(String::from), "Trimmed of {v:e}");
    }

    /// The reference: each number's text at 0 to 3 places, fixed and trimmed.
    #[test]
    fn decimals_as_written() {
        check(0.0, ["0", "0.0", "0.00", "0.000"], ["0", "0", "0", "0"]);
        check(-0.0, ["-0", "-0.0", "-0.00", "-0.000"], ["0", "0", "0", "0"]);
        check(1.0, ["1", "1.0", "1.00", "1.000"], ["1", "1", "1", "1"]);
        check(0.25, ["0", "0.2", "0.25", "0.250"], ["0", "0.2", "0.25", "0.25"]);
        check(2.5, ["2", "2.5", "2.50", "2.500"], ["2", "2.5", "2.5", "2.5"]);
        check(3.5, ["4", "3.5", "3.50", "3.500"], ["4", "3.5", "3.5", "3.5"]);
        check(0.0184, ["0", "0.0", "0.02", "0.018"], ["0", "0", "0.02", "0.018"]);
        check(0.755, ["1", "0.8", "0.76", "0.755"], ["1", "0.8", "0.76", "0.755"]);
        check(2.675, ["3", "2.7", "2.67", "2.675"], ["3", "2.7", "2.67", "2.675"]);
        check(999.5, ["1000", "999.5", "999.50", "999.500"], ["1000", "999.5", "999.5", "999.5"]);
        check(999.96, ["1000", "1000.0", "999.96", "999.960"], ["1000", "1000", "999.96", "999.96"]);
        check(
            123_456.785,
            ["123457", "123456.8", "123456.79", "123456.785"],
            ["123457", "123456.8", "123456.79", "123456.785"],
        );
        check(-3.04, ["-3", "-3.0", "-3.04", "-3.040"], ["-3", "-3", "-3.04", "-3.04"]);
        check(-0.001, ["-0", "-0.0", "-0.00", "-0.001"], ["0", "0", "0", "-0.001"]);
        check(5e-324, ["0", "0.0", "0.00", "0.000"], ["0", "0", "0", "0"]);
        check(
            1e15,
            ["1000000000000000", "1000000000000000.0", "1000000000000000.00", "1000000000000000.000"],
            ["1000000000000000"; 4],
        );
        check(
            1e19,
            ["10000000000000000000", "10000000000000000000.0", "10000000000000000000.00", "10000000000000000000.000"],
            ["10000000000000000000"; 4],
        );
        check(f64::NAN, ["NaN", "NaN", "NaN", "NaN"], ["?"; 4]);
        check(f64::INFINITY, ["inf", "inf", "inf", "inf"], ["?"; 4]);
        check(f64::NEG_INFINITY, ["-inf", "-inf", "-inf", "-inf"], ["?"; 4]);
        check(
            1e300,
            [&format!("{:.0}", 1e300), &format!("{:.1}", 1e300), &format!("{:.2}", 1e300), &format!("{:.3}", 1e300)],
            ["?"; 4],
        );
        // Longer forms.
        assert_eq!(Trimmed::<4>(0.324_537).to_string(), "0.3245");
        assert_eq!(Trimmed::<6>(0.0036).to_string(), "0.0036");
        assert_eq!(format!("{:>8}|{:<6}|", Fixed::<2>(1.5), Trimmed::<2>(1.5)), "    1.50|1.5   |");
        for (n, want) in [(0, "0"), (999, "999"), (1000, "1,000"), (2345, "2,345"), (1_234_567, "1,234,567")] {
            assert_eq!(grouped(n), want);
        }
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
        assert_eq!(pushed(|out| push_whole(out, u64::MAX)), u64::MAX.to_string());
        // Reading.
        for (text, want) in [("1500", Some(1500.0)), (" 1,500 ", Some(1500.0)), ("0.25", Some(0.25)), (".5", Some(0.5))]
        {
            assert_eq!(parse_decimal(text), want, "{text}");
        }
        assert_eq!(parse_decimal("2."), Some(2.0));
        for bad in ["", ".", "-1", "1e3", "1.2.3", "x", "1 000"] {
            assert_eq!(parse_decimal(bad), None, "{bad}");
        }
        assert!((parse_decimal("0.0184").unwrap_or_default() - 0.0184).abs() < 1e-15);
    }

    /// `Fixed` is `{:.P}` and `Trimmed` is `{:.P}` without its trailing zeros, for any number.
    fn same_as_std(v: f64) -> Result<(), TestCaseError> {
        fn trim(text: String) -> String {
            if !text.contains('.') {
                return text;
            }
            text.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        for (fixed, trimmed, p) in [
            ((Fixed::<0>(v).to_string(), pushed(|o| Fixed::<0>(v).push_to(o))), Trimmed::<0>(v).to_string(), 0),
            ((Fixed::<1>(v).to_string(), pushed(|o| Fixed::<1>(v).push_to(o))), Trimmed::<1>(v).to_string(), 1),
            ((Fixed::<2>(v).to_string(), pushed(|o| Fixed::<2>(v).push_to(o))), Trimmed::<2>(v).to_string(), 2),
            ((Fixed::<3>(v).to_string(), pushed(|o| Fixed::<3>(v).push_to(o))), Trimmed::<3>(v).to_string(), 3),
        ] {
            let theirs = format!("{v:.p$}");
            prop_assert_eq!(&fixed.0, &theirs);
            prop_assert_eq!(&fixed.1, &theirs);
            if v.is_finite() && v.abs() < 1e18 {
                let want = trim(format!("{:.p$}", v.abs()));
                let want = if v < 0.0 && want != "0" { format!("-{want}") } else { want };
                prop_assert_eq!(trimmed, want);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn decimals_as_the_standard_formatter_writes_them(bits in any::<u64>(), small in -100_000.0..100_000.0f64, cents in 0u64..10_000_000, eighths in 0u64..1_000_000) {
            same_as_std(f64::from_bits(bits))?;
            same_as_std(small)?;
            same_as_std(cents as f64 / 100.0)?;
            // Exact ties: multiples of 1/8 and 1/2.
            same_as_std(eighths as f64 / 8.0)?;
            same_as_std(eighths as f64 / 2.0)?;
        }
    }
}
