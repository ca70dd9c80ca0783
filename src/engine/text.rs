//! Writing numbers into reasons and messages without a string per number.
//!
//! The engine writes a reason for every recommendation and a message for every warning; the
//! durations, sizes and labels in them are written straight into the text through these
//! `Display` wrappers. They print exactly what [`crate::duration::format_minutes`] and
//! [`crate::duration::format_minutes_f`] print (tested below).

use std::fmt::{self, Display, Formatter, Write};

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
        assert_eq!(Gb(40.0).to_string(), "40 GB");
        assert_eq!(Gb(8800.0).to_string(), "8.8 TB");
        assert_eq!(Lower("Geo-replicated storage").to_string(), "Geo-replicated storage".to_lowercase());
    }
}
