//! Humane durations: "15m", "4h", "2d 6h" in and out; minutes inside.
//!
//! Architects type durations the way they say them. Files store whole minutes; the UI and the
//! command line show and accept this text form.

use super::Stack;

/// Why a duration could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DurationError(pub String);

impl std::fmt::Display for DurationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Longest duration accepted: 10 years, in minutes.
pub const MAX_MINUTES: u64 = 10 * 366 * 24 * 60;

/// Reads a duration such as `15m`, `4h`, `2d 6h`, `1h30m`, `1w` or `90s` (rounded up to whole
/// minutes). A bare number is minutes. Units: s, m/min, h/hr, d/day(s), w/wk.
pub fn parse_minutes(text: &str) -> Result<u32, DurationError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DurationError("enter a duration such as 15m, 4h or 2d".into()));
    }
    let mut seconds: u64 = 0;
    let mut rest = text;
    while !rest.is_empty() {
        rest = rest.trim_start();
        let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        if digits == 0 {
            return Err(DurationError(format!("\"{text}\" is not a duration: expected a number at \"{rest}\"")));
        }
        let number: f64 =
            rest[..digits].parse().map_err(|_| DurationError(format!("\"{}\" is not a number", &rest[..digits])))?;
        rest = rest[digits..].trim_start();
        let unit_len = rest.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(rest.len());
        let unit = rest[..unit_len].to_ascii_lowercase();
        rest = &rest[unit_len..];
        let scale: f64 = match unit.as_str() {
            "s" | "sec" | "secs" => 1.0,
            "" | "m" | "min" | "mins" => 60.0,
            "h" | "hr" | "hrs" | "hour" | "hours" => 3600.0,
            "d" | "day" | "days" => 86400.0,
            "w" | "wk" | "week" | "weeks" => 7.0 * 86400.0,
            other => {
                return Err(DurationError(format!("unknown unit \"{other}\": use s, m, h, d or w")));
            }
        };
        let add = number * scale;
        if !add.is_finite() || add > (MAX_MINUTES * 60) as f64 {
            return Err(DurationError(format!("\"{text}\" is longer than 10 years")));
        }
        seconds += add.round() as u64;
        rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
    }
    let minutes = seconds.div_ceil(60);
    if minutes > MAX_MINUTES {
        return Err(DurationError(format!("\"{text}\" is longer than 10 years")));
    }
    Ok(minutes as u32)
}

/// Whole minutes as people write them: `0m`, `15m`, `4h`, `1h 30m`, `2d 6h`. Days drop the
/// minutes (a day-long figure is never that precise). A `Display` wrapper, so reasons and
/// messages can write it without a string per number; [`format_minutes`] is its `String`, and
/// [`Whole::push_to`] appends it to one without the formatter.
///
/// Built on the stack and handed over in one piece: at the shipping opt-level ("z") the standard
/// integer formatting is slow, and a plan writes thousands of durations into its reasons.
#[derive(Debug, Clone, Copy)]
pub struct Whole(pub u32);

impl Whole {
    fn write(self, out: &mut Stack) {
        let minutes = self.0;
        match (minutes / 1440, (minutes % 1440) / 60, minutes % 60) {
            (0, 0, m) => {
                out.number(u64::from(m));
                out.text("m");
            }
            (0, h, 0) => {
                out.number(u64::from(h));
                out.text("h");
            }
            (0, h, m) => {
                out.number(u64::from(h));
                out.text("h ");
                out.number(u64::from(m));
                out.text("m");
            }
            (d, 0, _) => {
                out.number(u64::from(d));
                out.text("d");
            }
            (d, h, _) => {
                out.number(u64::from(d));
                out.text("d ");
                out.number(u64::from(h));
                out.text("h");
            }
        }
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        let mut text = Stack::new();
        self.write(&mut text);
        text.push_to(out);
    }
}

impl std::fmt::Display for Whole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = Stack::new();
        self.write(&mut text);
        text.pad(f)
    }
}

/// A computed (fractional) number of minutes, as an engine result is shown: under a minute as
/// seconds, otherwise rounded to whole minutes; infinite, NaN or beyond any real duration as
/// "never". [`format_minutes_f`] is its `String`, and [`Mins::push_to`] appends it to one. Built
/// on the stack, as [`Whole`] is.
#[derive(Debug, Clone, Copy)]
pub struct Mins(pub f64);

impl Mins {
    fn write(self, out: &mut Stack) {
        let m = self.0;
        if !m.is_finite() || m >= f64::from(u32::MAX) {
            out.text("never");
        } else if m <= 0.0 {
            out.text("0m");
        } else if m < 1.0 {
            out.number(u64::from(round_positive(m * 60.0)));
            out.text("s");
        } else {
            Whole(round_positive(m)).write(out);
        }
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        let mut text = Stack::new();
        self.write(&mut text);
        text.push_to(out);
    }
}

impl std::fmt::Display for Mins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = Stack::new();
        self.write(&mut text);
        text.pad(f)
    }
}

/// A computed number of minutes to the minute, every unit written: `1d 15m`, `2d 6h 5m`, `1h 30m`
/// — where [`Mins`] writes `1d` for a day and a quarter of an hour. For what must tell apart two
/// figures that [`Mins`] would write alike, such as the points of a plot (a recovery point of
/// 1d and one of 1d 15m). Under a minute as seconds, beyond any real duration "never", as
/// [`Mins`] does; zero units are left out (`1d 15m`, not `1d 0h 15m`).
#[derive(Debug, Clone, Copy)]
pub struct Exact(pub f64);

impl Exact {
    fn write(self, out: &mut Stack) {
        let m = self.0;
        if !m.is_finite() || m >= f64::from(u32::MAX) || m < 1.0 {
            return Mins(m).write(out);
        }
        let minutes = round_positive(m);
        let parts = [(minutes / 1440, "d"), ((minutes % 1440) / 60, "h"), (minutes % 60, "m")];
        let mut first = true;
        for (n, unit) in parts {
            if n > 0 {
                if !first {
                    out.text(" ");
                }
                out.number(u64::from(n));
                out.text(unit);
                first = false;
            }
        }
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        let mut text = Stack::new();
        self.write(&mut text);
        text.push_to(out);
    }
}

impl std::fmt::Display for Exact {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = Stack::new();
        self.write(&mut text);
        text.pad(f)
    }
}

/// `x.round() as u32` for `0 <= x < 2^32` (halves away from zero), without a call into the maths
/// library: on baseline x86-64 `f64::round` is a function call. Beyond the range it saturates.
#[inline(always)]
fn round_positive(x: f64) -> u32 {
    let whole = x as u32;
    // Exact: the fraction of a finite f64 is representable.
    if x - f64::from(whole) >= 0.5 {
        whole.saturating_add(1)
    } else {
        whole
    }
}

/// Shows whole minutes as people write them (see [`Whole`]).
pub fn format_minutes(minutes: u32) -> String {
    Whole(minutes).to_string()
}

/// Shows a fractional number of minutes (see [`Mins`]).
pub fn format_minutes_f(minutes: f64) -> String {
    Mins(minutes).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::pushed;
    use super::*;
    use proptest::prelude::*;

    /// The straightforward way to write durations — `write!` and `f64::round` — kept as the
    /// reference the stack-built [`Whole`] and [`Mins`] must match character for character.
    mod reference {
        pub fn whole(minutes: u32) -> String {
            match (minutes / 1440, (minutes % 1440) / 60, minutes % 60) {
                (0, 0, m) => format!("{m}m"),
                (0, h, 0) => format!("{h}h"),
                (0, h, m) => format!("{h}h {m}m"),
                (d, 0, _) => format!("{d}d"),
                (d, h, _) => format!("{d}d {h}h"),
            }
        }

        pub fn mins(m: f64) -> String {
            if !m.is_finite() || m >= f64::from(u32::MAX) {
                "never".into()
            } else if m <= 0.0 {
                "0m".into()
            } else if m < 1.0 {
                format!("{}s", (m * 60.0).round() as u32)
            } else {
                whole(m.round() as u32)
            }
        }
    }

    fn same_whole(m: u32) {
        let want = reference::whole(m);
        assert_eq!(Whole(m).to_string(), want, "{m}");
        assert_eq!(pushed(|out| Whole(m).push_to(out)), want, "{m}");
    }

    fn same_mins(m: f64) -> Result<(), TestCaseError> {
        let want = reference::mins(m);
        prop_assert_eq!(Mins(m).to_string(), want.clone(), "{}", m);
        prop_assert_eq!(pushed(|out| Mins(m).push_to(out)), want, "{}", m);
        Ok(())
    }

    #[test]
    fn whole_minutes_as_the_reference_writes_them() {
        // Every minute of a year and more, every unit's edges, and samples up to the largest.
        for m in 0..=600_000 {
            same_whole(m);
        }
        for m in (0..=u32::MAX).step_by(65_537) {
            same_whole(m);
        }
        for m in [59, 60, 61, 1439, 1440, 1441, 1499, 1500, 4_000_000_000, 1_234_567_890, u32::MAX - 1, u32::MAX] {
            same_whole(m);
        }
    }

    #[test]
    fn computed_minutes_as_the_reference_writes_them() {
        let mut values = vec![0.0, -0.0, -1.0, -1e300, 0.004, 0.0083, 0.5 / 60.0, 0.5, 0.99, 0.999, 0.9999, 1.0];
        values.extend([1.5, 2.5, 59.5, 89.99, 1439.5, 1440.0, 1e9, 1e300, f64::MIN_POSITIVE, 5e-324]);
        values.extend([f64::NAN, -f64::NAN, f64::INFINITY, f64::NEG_INFINITY]);
        let max = f64::from(u32::MAX);
        values.extend([max, max - 0.5, max - 0.5000001, max - 1.0, max + 1.0, 4.3e9]);
        // Fractions, and the halves and near-halves where rounding turns.
        values.extend((0..200_000).map(|i| f64::from(i) * 0.37));
        for i in 0..5_000 {
            let i = f64::from(i);
            values.extend([i + 0.5, i + 0.49999999999, i + 0.5000000001, i / 120.0, (i + 0.5) / 60.0]);
        }
        for v in values {
            assert!(same_mins(v).is_ok(), "{v}: {} against {}", Mins(v), reference::mins(v));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// Any f64 at all, and whole minutes anywhere in range.
        #[test]
        fn any_duration_as_the_reference_writes_it(bits in any::<u64>(), v in 0.0..1e7f64, days in 0.0..4.3e9f64, m in any::<u32>()) {
            same_mins(f64::from_bits(bits))?;
            same_mins(v)?;
            same_mins(days)?;
            same_whole(m);
        }
    }

    #[test]
    fn exact_minutes_write_every_unit() {
        for (m, want) in [
            (1440.0, "1d"),
            (1455.0, "1d 15m"),
            (1500.0, "1d 1h"),
            (1501.0, "1d 1h 1m"),
            (3245.4, "2d 6h 5m"),
            (90.0, "1h 30m"),
            (60.0, "1h"),
            (15.0, "15m"),
            (0.5, "30s"),
            (0.0, "0m"),
            (-3.0, "0m"),
            (59.6, "1h"),
            (1439.5, "1d"),
            (f64::NAN, "never"),
            (f64::INFINITY, "never"),
            (4.3e9, "never"),
        ] {
            assert_eq!(Exact(m).to_string(), want, "{m}");
            assert_eq!(pushed(|out| Exact(m).push_to(out)), want, "{m}");
        }
        // What it writes reads back as the same whole minutes.
        for m in [1, 59, 61, 1441, 1455, 2881, 10079, 43201] {
            assert_eq!(parse_minutes(&Exact(f64::from(m)).to_string()), Ok(m), "{m}");
        }
    }

    fn check(input: &str, expect: Result<u32, &str>) {
        let got = parse_minutes(input).map_err(|e| e.0);
        match expect {
            Ok(m) => assert_eq!(got, Ok(m), "{input}"),
            Err(part) => {
                let msg = got.expect_err(input);
                assert!(msg.contains(part), "{input}: {msg} should mention {part}");
            }
        }
    }

    #[test]
    fn parses_what_people_type() {
        check("15m", Ok(15));
        check("4h", Ok(240));
        check("2d 6h", Ok(3240));
        check("1h30m", Ok(90));
        check("1.5h", Ok(90));
        check("90", Ok(90));
        check(" 1 w ", Ok(10080));
        check("30s", Ok(1));
        check("0", Ok(0));
        check("2 days, 3 hours", Ok(2 * 1440 + 180));
        check("", Err("enter a duration"));
        check("4x", Err("unknown unit \"x\""));
        check("h", Err("expected a number"));
        check("1.2.3h", Err("not a number"));
        check("99999w", Err("longer than 10 years"));
    }

    #[test]
    fn formats_round_trip() {
        for m in [0, 1, 15, 60, 90, 240, 1440, 1500, 3240, 10080] {
            let text = format_minutes(m);
            let back = parse_minutes(&text).expect("own output parses");
            if m < 1440 {
                assert_eq!(back, m, "{text}");
            } else {
                assert!(m - back < 60, "{m} → {text} → {back}");
            }
        }
        assert_eq!(format_minutes(3240), "2d 6h");
        assert_eq!(format_minutes_f(0.08), "5s");
        assert_eq!(format_minutes_f(0.0), "0m");
        // The edges of the computed form.
        for (m, want) in [
            (-1.0, "0m"),
            (0.004, "0s"),
            (0.5, "30s"),
            (0.999, "60s"),
            (1.0, "1m"),
            (29.5, "30m"),
            (83.2, "1h 23m"),
            (1043.6, "17h 24m"),
            (1e9, "694444d 10h"),
            (4.3e9, "never"),
            (f64::NAN, "never"),
        ] {
            assert_eq!(format_minutes_f(m), want, "{m}");
        }
        assert_eq!(format_minutes(u32::MAX), "2982616d 4h");
        assert_eq!(format_minutes(61), "1h 1m");
        assert_eq!(format_minutes_f(f64::INFINITY), "never");
    }
}
