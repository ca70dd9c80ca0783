//! Writing numbers into reasons and messages without a string per number.
//!
//! The engine writes a reason for every recommendation and a message for every warning; the
//! durations, sizes and labels in them are written straight into the text through these
//! `Display` wrappers. Each builds its digits on the stack and hands the text over in one piece:
//! at the shipping opt-level ("z") the standard integer and float formatting is slow, and a plan
//! writes thousands of figures. Durations are [`crate::duration`]'s `Whole` and `Mins`, built the
//! same way; `put!` appends them with their `push_to`.

use crate::duration::{Mins, Whole};
use std::fmt::{self, Display, Formatter, Write};

/// Text written straight onto the end of a `String`: what `write!` does, without the formatting
/// machinery (at opt-level "z" a `write!` costs several hundred instructions before any of its
/// text is written, and a plan writes thousands).
pub(super) trait Put {
    /// Appends the text to `out`.
    fn put(&self, out: &mut String);
}

/// `put!(out; a, b, …)` appends each part in turn: string pieces as they are, numbers and the
/// wrappers below as their `Display` shows them.
macro_rules! put {
    ($out:expr; $($part:expr),* $(,)?) => {{
        let out: &mut String = $out;
        $( $crate::engine::text::Put::put(&$part, out); )*
    }};
}
pub(super) use put;

impl Put for &str {
    #[inline]
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for String {
    #[inline]
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for u32 {
    fn put(&self, out: &mut String) {
        put_number(out, u64::from(*self));
    }
}

impl Put for usize {
    fn put(&self, out: &mut String) {
        put_number(out, *self as u64);
    }
}

/// Anything with `Display`, written through the formatter: for the rare part without a faster way.
pub(super) struct Shown<T>(pub T);

impl<T: Display> Put for Shown<T> {
    fn put(&self, out: &mut String) {
        let _ = write!(out, "{}", self.0);
    }
}

/// `v` rounded to the nearest multiple of `1 / scale`, halves away from zero — what
/// `(v * scale).round() / scale` gives, without a call into the maths library (on baseline
/// x86-64 `f64::round` is a function call, and a plan rounds thousands of figures).
#[inline(always)]
pub(super) fn round_to(v: f64, scale: f64) -> f64 {
    /// 2^52: from here on every f64 is a whole number.
    const WHOLE_FROM: f64 = 4_503_599_627_370_496.0;
    let x = v * scale;
    // NaN and infinities pass through; large numbers are whole already.
    if x.is_nan() || x.abs() >= WHOLE_FROM {
        return if x.is_finite() { x.round() / scale } else { v };
    }
    let whole = x.abs() as i64 as f64;
    let rounded = if x.abs() - whole >= 0.5 { whole + 1.0 } else { whole };
    rounded.copysign(x) / scale
}

/// `0` to `99`, to write the small numbers text is full of (minutes, hours, days, counts) without
/// building digits.
#[rustfmt::skip]
const SMALL: [&str; 100] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30", "31", "32", "33", "34", "35", "36", "37", "38", "39", "40", "41", "42", "43", "44", "45", "46", "47", "48", "49", "50", "51", "52", "53", "54", "55", "56", "57", "58", "59", "60", "61", "62", "63", "64", "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75", "76", "77", "78", "79", "80", "81", "82", "83", "84", "85", "86", "87", "88", "89", "90", "91", "92", "93", "94", "95", "96", "97", "98", "99"];

/// `.00` to `.99`: cents.
#[rustfmt::skip]
const CENTS: [&str; 100] = [".00", ".01", ".02", ".03", ".04", ".05", ".06", ".07", ".08", ".09", ".10", ".11", ".12", ".13", ".14", ".15", ".16", ".17", ".18", ".19", ".20", ".21", ".22", ".23", ".24", ".25", ".26", ".27", ".28", ".29", ".30", ".31", ".32", ".33", ".34", ".35", ".36", ".37", ".38", ".39", ".40", ".41", ".42", ".43", ".44", ".45", ".46", ".47", ".48", ".49", ".50", ".51", ".52", ".53", ".54", ".55", ".56", ".57", ".58", ".59", ".60", ".61", ".62", ".63", ".64", ".65", ".66", ".67", ".68", ".69", ".70", ".71", ".72", ".73", ".74", ".75", ".76", ".77", ".78", ".79", ".80", ".81", ".82", ".83", ".84", ".85", ".86", ".87", ".88", ".89", ".90", ".91", ".92", ".93", ".94", ".95", ".96", ".97", ".98", ".99"];

/// `.0` to `.9`: tenths.
const TENTHS: [&str; 10] = [".0", ".1", ".2", ".3", ".4", ".5", ".6", ".7", ".8", ".9"];

/// Appends `n` in decimal.
#[inline]
fn put_number(out: &mut String, n: u64) {
    if n < 100 {
        out.push_str(SMALL[n as usize]);
    } else {
        let mut rev = [0u8; 20];
        let (mut rest, mut count) = (n, 0);
        while rest > 0 && count < rev.len() {
            rev[count] = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
        }
        out.reserve(count);
        while count > 0 {
            count -= 1;
            out.push(char::from(rev[count]));
        }
    }
}

/// Up to 40 bytes of ASCII text built on the stack.
struct Digits {
    buf: [u8; 40],
    len: usize,
}

impl Digits {
    fn new() -> Digits {
        Digits { buf: [0; 40], len: 0 }
    }

    fn byte(&mut self, b: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = b;
            self.len += 1;
        }
    }

    /// The text so far (only ASCII is ever written).
    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len.min(self.buf.len())]).unwrap_or("")
    }

    fn write(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Put for Whole {
    #[inline]
    fn put(&self, out: &mut String) {
        self.push_to(out);
    }
}

impl Put for Mins {
    #[inline]
    fn put(&self, out: &mut String) {
        self.push_to(out);
    }
}

/// An optional computed number of minutes; `None` is "never".
#[derive(Debug, Clone, Copy)]
pub(super) struct MaybeMins(pub Option<f64>);

impl Display for MaybeMins {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Mins(self.0.unwrap_or(f64::INFINITY)).fmt(f)
    }
}

impl Put for MaybeMins {
    fn put(&self, out: &mut String) {
        Mins(self.0.unwrap_or(f64::INFINITY)).push_to(out);
    }
}

/// A size in GB: `40 GB`, or `8.8 TB` from a thousand GB up.
#[derive(Debug, Clone, Copy)]
pub(super) struct Gb(pub f64);

impl Display for Gb {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        if self.0 >= 1000.0 {
            Fixed::<1>(self.0 / 1000.0).fmt(f)?;
            f.write_str(" TB")
        } else {
            Fixed::<0>(self.0).fmt(f)?;
            f.write_str(" GB")
        }
    }
}

impl Put for Gb {
    fn put(&self, out: &mut String) {
        if self.0 >= 1000.0 {
            Fixed::<1>(self.0 / 1000.0).put(out);
            out.push_str(" TB");
        } else {
            Fixed::<0>(self.0).put(out);
            out.push_str(" GB");
        }
    }
}

/// A number with `P` decimals (at most 3), written exactly as `{:.P}` writes it: the exact
/// binary value correctly rounded, ties to even. Amounts and sizes (non-negative, below 10^15)
/// are worked out with integer arithmetic; anything else goes to the standard formatter, which
/// is many times slower and was a good part of writing the reasons.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fixed<const P: u32>(pub f64);

impl<const P: u32> Fixed<P> {
    /// `v × 10^P`, rounded as `{:.P}` rounds, when `v` is a non-negative number below 10^15.
    fn scaled(v: f64) -> Option<u64> {
        if P > 3 || !(v.is_finite() && v.is_sign_positive() && v < 1e15) {
            return None;
        }
        let bits = v.to_bits();
        let exponent = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        // v = mantissa × 2^power exactly.
        let (mantissa, power) =
            if exponent == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), exponent - 1075) };
        // Below 2^53 × 1000 < 2^63: no overflow, and the product is exact.
        let x = mantissa * 10u64.pow(P);
        if power >= 0 {
            // At least 2^52, which the bound above excludes; kept for completeness.
            return x.checked_shl(power.unsigned_abs()).filter(|r| r >> power.unsigned_abs() == x);
        }
        let shift = power.unsigned_abs();
        if shift >= 64 {
            // Below half of one unit: rounds to zero.
            return Some(0);
        }
        let (whole, rest, half) = (x >> shift, x & ((1u64 << shift) - 1), 1u64 << (shift - 1));
        Some(whole + u64::from(rest > half || (rest == half && whole & 1 == 1)))
    }
}

impl<const P: u32> Fixed<P> {
    /// The digits, or `None` for a number the standard formatter must write.
    fn digits(self) -> Option<Digits> {
        let n = Self::scaled(self.0)?;
        // Digits from the right: the decimals, the point, the whole part.
        let mut rev = [0u8; 24];
        let mut count = 0;
        let mut rest = n;
        for _ in 0..P {
            rev[count] = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
        }
        if P > 0 {
            rev[count] = b'.';
            count += 1;
        }
        loop {
            rev[count] = b'0' + (rest % 10) as u8;
            rest /= 10;
            count += 1;
            if rest == 0 || count >= rev.len() {
                break;
            }
        }
        let mut out = Digits::new();
        while count > 0 {
            count -= 1;
            out.byte(rev[count]);
        }
        Some(out)
    }
}

impl<const P: u32> Display for Fixed<P> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self.digits() {
            Some(digits) => digits.write(f),
            None => write!(f, "{:.*}", P as usize, self.0),
        }
    }
}

impl<const P: u32> Put for Fixed<P> {
    fn put(&self, out: &mut String) {
        match (P, Self::scaled(self.0)) {
            (0, Some(n)) => put_number(out, n),
            (1, Some(n)) => {
                put_number(out, n / 10);
                out.push_str(TENTHS[(n % 10) as usize]);
            }
            (2, Some(n)) => {
                put_number(out, n / 100);
                out.push_str(CENTS[(n % 100) as usize]);
            }
            (_, Some(_)) => {
                if let Some(digits) = self.digits() {
                    out.push_str(digits.as_str());
                }
            }
            (_, None) => {
                let _ = write!(out, "{:.*}", P as usize, self.0);
            }
        }
    }
}

/// A label in lower case.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lower<'a>(pub &'a str);

impl Display for Lower<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        // Labels are short and ASCII: lower-case them on the stack.
        let mut buf = [0u8; 64];
        if self.0.is_ascii() && self.0.len() <= buf.len() {
            let out = &mut buf[..self.0.len()];
            out.copy_from_slice(self.0.as_bytes());
            out.make_ascii_lowercase();
            return f.write_str(std::str::from_utf8(out).map_err(|_| fmt::Error)?);
        }
        for c in self.0.chars().flat_map(char::to_lowercase) {
            f.write_char(c)?;
        }
        Ok(())
    }
}

impl Put for Lower<'_> {
    fn put(&self, out: &mut String) {
        if self.0.is_ascii() {
            let start = out.len();
            out.push_str(self.0);
            // Only ASCII letters change, so the text stays valid.
            if let Some(added) = out.get_mut(start..) {
                added.make_ascii_lowercase();
            }
        } else {
            out.extend(self.0.chars().flat_map(char::to_lowercase));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `put!` appends.
    fn put_text(part: impl Put) -> String {
        let mut out = String::from("«");
        part.put(&mut out);
        out.split_off("«".len())
    }

    fn same_as_std(v: f64) -> Result<(), TestCaseError> {
        for (mine, theirs) in [
            ((Fixed::<0>(v).to_string(), put_text(Fixed::<0>(v))), format!("{v:.0}")),
            ((Fixed::<1>(v).to_string(), put_text(Fixed::<1>(v))), format!("{v:.1}")),
            ((Fixed::<2>(v).to_string(), put_text(Fixed::<2>(v))), format!("{v:.2}")),
            ((Fixed::<3>(v).to_string(), put_text(Fixed::<3>(v))), format!("{v:.3}")),
        ] {
            prop_assert_eq!(&mine.0, &theirs);
            prop_assert_eq!(&mine.1, &theirs);
        }
        prop_assert_eq!(put_text(Gb(v)), Gb(v).to_string());
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Fixed decimals are written exactly as the standard formatter writes them.
        #[test]
        fn fixed_decimals_as_std(bits in any::<u64>(), small in 0.0..100_000.0f64, cents in 0u64..10_000_000, eighths in 0u64..1_000_000) {
            same_as_std(f64::from_bits(bits))?;
            same_as_std(small)?;
            same_as_std(cents as f64 / 100.0)?;
            // Exact ties: multiples of 1/8 and 1/2.
            same_as_std(eighths as f64 / 8.0)?;
            same_as_std(eighths as f64 / 2.0)?;
        }
    }

    /// Numbers as `Display` writes them; durations as [`crate::duration`] writes them (which
    /// its own tests compare with the straightforward way).
    #[test]
    fn numbers_and_durations_put_as_displayed() {
        let mut minutes: Vec<u32> = (0..=600_000).collect();
        minutes.extend([u32::MAX, u32::MAX - 1, 4_000_000_000, 1_234_567_890]);
        for m in minutes {
            assert_eq!(put_text(m), m.to_string());
            assert_eq!(put_text(m as usize), m.to_string());
            assert_eq!(put_text(Whole(m)), Whole(m).to_string(), "{m}");
        }
        assert_eq!(put_text(usize::MAX), usize::MAX.to_string());
        let mut values = vec![0.0, -0.0, -1.0, 0.004, 0.5, 0.999, 1.0, 2.5, 89.99, 1e300, f64::NAN, f64::INFINITY];
        values.extend((0..20_000).map(|i| f64::from(i) * 0.37));
        for v in values {
            let shown = Mins(v).to_string();
            assert_eq!(put_text(Mins(v)), shown, "{v}");
            assert_eq!(put_text(MaybeMins(Some(v))), shown, "{v}");
            assert_eq!(MaybeMins(Some(v)).to_string(), shown, "{v}");
        }
        assert_eq!(put_text(MaybeMins(None)), "never");
        assert_eq!(put_text(Lower("Geo-Replicated Storage")), "geo-replicated storage");
        assert_eq!(put_text(Lower("Überlauf")), "überlauf");
    }

    #[test]
    fn fixed_decimals_at_the_edges() {
        for v in [
            0.0,
            -0.0,
            0.125,
            0.375,
            2.5,
            0.005,
            0.015,
            1e-300,
            5e-324,
            999_999_999_999_999.9,
            1e15,
            2.0f64.powi(52),
            2.0f64.powi(53) + 2.0,
            f64::INFINITY,
            f64::NAN,
            -1.5,
            123456.785,
        ] {
            assert!(same_as_std(v).is_ok(), "{v}");
        }
    }

    #[test]
    fn rounds_and_prints_like_the_slow_way() {
        assert_eq!(MaybeMins(None).to_string(), "never");
        for v in
            [0.0, -0.0, 0.05, 0.049999, 0.25, -0.25, 1.005, 2.675, 90.428571, -7.35, 1e15, 4.5e15, 1e300, f64::INFINITY]
        {
            for scale in [10.0, 100.0] {
                let want = (v * scale).round() / scale;
                assert_eq!(round_to(v, scale).to_bits(), want.to_bits(), "{v} × {scale}");
            }
        }
        assert!(round_to(f64::NAN, 10.0).is_nan());
        assert_eq!(Gb(40.0).to_string(), "40 GB");
        assert_eq!(Gb(0.4).to_string(), "0 GB");
        assert_eq!(Gb(999.5).to_string(), "1000 GB");
        assert_eq!(Gb(8800.0).to_string(), "8.8 TB");
        assert_eq!(Lower("Geo-replicated storage").to_string(), "geo-replicated storage");
        assert_eq!(Lower("Überlauf").to_string(), "überlauf");
    }
}
