//! Humane durations: "15m", "4h", "2d 6h" in and out; minutes inside.
//!
//! Architects type durations the way they say them. Files store whole minutes; the UI and the
//! command line show and accept this text form.

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
/// messages can write it without a string per number; [`format_minutes`] is its `String`.
#[derive(Debug, Clone, Copy)]
pub struct Whole(pub u32);

impl std::fmt::Display for Whole {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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

/// A computed (fractional) number of minutes, as an engine result is shown: under a minute as
/// seconds, otherwise rounded to whole minutes; infinite, NaN or beyond any real duration as
/// "never". [`format_minutes_f`] is its `String`.
#[derive(Debug, Clone, Copy)]
pub struct Mins(pub f64);

impl std::fmt::Display for Mins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
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
    use super::*;

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
