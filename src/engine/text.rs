//! Writing numbers into reasons and messages without a string per number.
//!
//! The engine writes a reason for every recommendation and a message for every warning; the
//! durations, sizes and labels in them are written straight into the text through these
//! `Display` wrappers. They print exactly what [`crate::duration::format_minutes`] and
//! [`crate::duration::format_minutes_f`] print (tested below).

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

/// Whole minutes, as people write them: `0m`, `15m`, `4h`, `1h 30m`, `2d 6h`.
#[derive(Debug, Clone, Copy)]
pub(super) struct Whole(pub u32);

impl Display for Whole {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let minutes = self.0;
        match (minutes / 1440, (minutes % 1440) / 60, minutes % 60) {
            (0, 0, m) => write!(f, "{m}m"),
            (0, h, 0) => write!(f, "{h}h"),
            (0, h, m) => write!(f, "{h}h {m}m"),
            (d, 0, _) => write!(f, "{d}d"),
            (d, h, _) => write!(f, "{d}d {h}h"),
        }
    }
}

/// A computed number of minutes: under a minute as seconds, otherwise whole minutes; infinite
/// (or beyond any real duration) as "never".
#[derive(Debug, Clone, Copy)]
pub(super) struct Mins(pub f64);

impl Display for Mins {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let m = self.0;
        if !m.is_finite() || m >= f64::from(u32::MAX) {
            f.write_str("never")
        } else if m <= 0.0 {
            f.write_str("0m")
        } else if m < 1.0 {
            write!(f, "{}s", (m * 60.0).round() as u32)
        } else {
            Whole(m.round() as u32).fmt(f)
        }
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
    use crate::duration::{format_minutes, format_minutes_f};

    #[test]
    fn prints_what_the_duration_module_prints() {
        for m in [0u32, 1, 15, 59, 60, 61, 90, 240, 1439, 1440, 1500, 3240, 10080, 100_000, u32::MAX] {
            assert_eq!(Whole(m).to_string(), format_minutes(m), "{m}");
        }
        for m in [
            -1.0,
            0.0,
            0.004,
            0.08,
            0.5,
            0.999,
            1.0,
            29.5,
            30.4,
            83.2,
            306.43,
            1043.6,
            1e9,
            4.3e9,
            f64::INFINITY,
            f64::NAN,
        ] {
            assert_eq!(Mins(m).to_string(), format_minutes_f(m), "{m}");
        }
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
