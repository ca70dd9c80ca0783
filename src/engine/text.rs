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
            write!(f, "{:.1} TB", self.0 / 1000.0)
        } else {
            write!(f, "{:.0} GB", self.0)
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(Gb(8800.0).to_string(), "8.8 TB");
        assert_eq!(Lower("Geo-replicated storage").to_string(), "geo-replicated storage");
        assert_eq!(Lower("Überlauf").to_string(), "überlauf");
    }
}
