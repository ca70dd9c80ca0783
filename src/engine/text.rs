//! Writing numbers into reasons and messages without a string per number.
//!
//! The engine writes a reason for every recommendation and a message for every warning; the
//! durations, sizes and labels in them are written straight into the text through these
//! `Display` wrappers; the duration ones are [`crate::duration`]'s own.

use std::fmt::{self, Display, Formatter, Write};

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

pub(super) use crate::duration::{Mins, Whole};

/// An optional computed number of minutes; `None` is "never".
#[derive(Debug, Clone, Copy)]
pub(super) struct MaybeMins(pub Option<f64>);

impl Display for MaybeMins {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Mins(self.0.unwrap_or(f64::INFINITY)).fmt(f)
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
        let x = u128::from(mantissa) * u128::from(10u64.pow(P));
        let rounded = if power >= 0 {
            x << power
        } else {
            let shift = power.unsigned_abs();
            if shift >= 127 {
                0
            } else {
                let (whole, rest, half) = (x >> shift, x & ((1u128 << shift) - 1), 1u128 << (shift - 1));
                whole + u128::from(rest > half || (rest == half && whole & 1 == 1))
            }
        };
        u64::try_from(rounded).ok()
    }
}

impl<const P: u32> Display for Fixed<P> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let Some(n) = Self::scaled(self.0) else {
            return write!(f, "{:.*}", P as usize, self.0);
        };
        // Digits from the right: the decimals, the point, the whole part.
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut rest = n;
        for _ in 0..P {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
        }
        if P > 0 {
            at -= 1;
            buf[at] = b'.';
        }
        loop {
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        f.write_str(std::str::from_utf8(&buf[at..]).map_err(|_| fmt::Error)?)
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn same_as_std(v: f64) -> Result<(), TestCaseError> {
        prop_assert_eq!(Fixed::<0>(v).to_string(), format!("{v:.0}"));
        prop_assert_eq!(Fixed::<1>(v).to_string(), format!("{v:.1}"));
        prop_assert_eq!(Fixed::<2>(v).to_string(), format!("{v:.2}"));
        prop_assert_eq!(Fixed::<3>(v).to_string(), format!("{v:.3}"));
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
