//! Sizes as clouds bill them and people say them: 1 TB = 1,000 GB, 1 PB = 1,000 TB.
//!
//! One format everywhere — the properties panel, reasons and warnings, the command line, the
//! runbook:
//! - below 10 GB, at most one decimal: `0 GB`, `0.8 GB`, `2.5 GB`;
//! - from 10 GB, whole GB: `40 GB`, `500 GB`, `999 GB` (a size in reasons is an estimate, and the
//!   engine showed GB this way before);
//! - from 1,000 GB, TB with at most one decimal: `1 TB`, `1.5 TB`, `8.8 TB`, `999.9 TB`;
//! - from 1,000 TB, PB the same way, however many: `1 PB`, `2.5 PB`, `12345.7 PB`.
//!
//! Trailing zeros go (`1 TB`, never `1.0 TB`). The unit follows the rounded figure, so 999.5 GB
//! is `1 TB` and 999,960 GB is `1 PB`, never `1000 GB` or `1000 TB`. A negative size keeps its
//! sign (`-2 TB`); not a number, or one beyond any storage (from about 10^11 PB), is `?`. The panel shows
//! a stage's volume rounded this way; the file keeps the figure as typed.
//!
//! [`parse_gb`] reads what people type into the panel, in any of these units or MB.

use super::decimal::{parse_decimal, scaled};
use super::Stack;
use std::fmt::{self, Display, Formatter};

/// A size given in GB, written as the module says. A `Display`; [`Size::push_to`] appends the
/// same text without the formatter, for the engine's reasons.
#[derive(Debug, Clone, Copy)]
pub struct Size(pub f64);

impl Size {
    fn write(self) -> Stack {
        let mut out = Stack::new();
        let gb = self.0;
        let a = gb.abs();
        // Tenths of a GB decide the sign and the smallest unit.
        let Some(tenths_gb) = scaled(a, 1) else {
            return Size::beyond();
        };
        if gb < 0.0 && tenths_gb > 0 {
            out.byte(b'-');
        }
        if tenths_gb < 100 {
            out.decimal(tenths_gb, 1, true);
            out.text(" GB");
            return out;
        }
        match scaled(a, 0) {
            Some(whole) if whole < 1000 => {
                out.number(whole);
                out.text(" GB");
                return out;
            }
            _ => {}
        }
        match scaled(a / 1000.0, 1) {
            Some(tenths_tb) if tenths_tb < 10_000 => {
                out.decimal(tenths_tb, 1, true);
                out.text(" TB");
            }
            _ => match scaled(a / 1_000_000.0, 1) {
                Some(tenths_pb) => {
                    out.decimal(tenths_pb, 1, true);
                    out.text(" PB");
                }
                None => return Size::beyond(),
            },
        }
        out
    }

    /// Not a number, or too large for any: `?`.
    fn beyond() -> Stack {
        let mut out = Stack::new();
        out.byte(b'?');
        out
    }

    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        self.write().push_to(out);
    }
}

impl Display for Size {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        self.write().pad(f)
    }
}

/// Reads a size: `500`, `500 GB`, `1.5TB`, `2 pb`, `800 MB` (a bare number is GB).
pub fn parse_gb(text: &str) -> Result<f64, String> {
    let hint = "enter a size such as 500 GB or 2 TB";
    let t = text.trim().to_ascii_lowercase();
    let split = t.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')).unwrap_or(t.len());
    let (number, unit) = t.split_at(split);
    let number = parse_decimal(number).ok_or_else(|| hint.to_string())?;
    let scale = match unit.trim() {
        "" | "g" | "gb" | "gib" => 1.0,
        "m" | "mb" | "mib" => 0.001,
        "t" | "tb" | "tib" => 1000.0,
        "p" | "pb" | "pib" => 1_000_000.0,
        other => return Err(format!("unknown unit \"{other}\": {hint}")),
    };
    let gb = number * scale;
    if !gb.is_finite() || gb > 1e12 {
        return Err(format!("too large: {hint}"));
    }
    Ok(gb)
}

#[cfg(test)]
mod tests {
    use super::super::pushed;
    use super::*;
    use proptest::prelude::*;

    /// A size's text, through `Display` and `push_to` alike.
    fn check(gb: f64, expect: &str) {
        assert_eq!(Size(gb).to_string(), expect, "{gb:e} GB");
        assert_eq!(pushed(|out| Size(gb).push_to(out)), expect, "{gb:e} GB pushed");
    }

    /// The reference.
    #[test]
    fn sizes_as_written() {
        for (gb, expect) in [
            (0.0, "0 GB"),
            (-0.0, "0 GB"),
            (0.04, "0 GB"),
            (0.05, "0.1 GB"),
            (0.4, "0.4 GB"),
            (0.8, "0.8 GB"),
            (1.0, "1 GB"),
            (2.5, "2.5 GB"),
            (9.94, "9.9 GB"),
            (9.96, "10 GB"),
            (10.123_456, "10 GB"),
            (40.0, "40 GB"),
            (40.4, "40 GB"),
            (40.6, "41 GB"),
            (500.0, "500 GB"),
            (998.5, "998 GB"),
            (999.0, "999 GB"),
            (999.4, "999 GB"),
            (999.5, "1 TB"),
            (1000.0, "1 TB"),
            (1049.0, "1 TB"),
            (1050.0, "1.1 TB"),
            (1500.0, "1.5 TB"),
            (2000.0, "2 TB"),
            (4321.0, "4.3 TB"),
            (8800.0, "8.8 TB"),
            (15_000.0, "15 TB"),
            (250_400.0, "250.4 TB"),
            (999_949.0, "999.9 TB"),
            (999_950.0, "1 PB"),
            (999_999.0, "1 PB"),
            (1_000_000.0, "1 PB"),
            (2_500_000.0, "2.5 PB"),
            (12_345_678_900.0, "12345.7 PB"),
            (-2000.0, "-2 TB"),
            (-0.04, "0 GB"),
            (-40.0, "-40 GB"),
            (f64::NAN, "?"),
            (f64::INFINITY, "?"),
            (f64::NEG_INFINITY, "?"),
            (1e30, "?"),
            (f64::MAX, "?"),
        ] {
            check(gb, expect);
        }
        assert_eq!(format!("[{:>8}]", Size(1500.0)), "[  1.5 TB]");
    }

    #[test]
    fn sizes_read_as_people_type_them() {
        for (text, gb) in [
            ("500", 500.0),
            (" 1.5 TB ", 1500.0),
            ("2pb", 2_000_000.0),
            ("800 MB", 0.8),
            ("1,200 GB", 1200.0),
            ("1 TB", 1000.0),
            ("2 TiB", 2000.0),
        ] {
            assert_eq!(parse_gb(text), Ok(gb), "{text}");
        }
        assert!(parse_gb("lots").expect_err("refused").contains("500 GB or 2 TB"));
        assert!(parse_gb("5 XB").expect_err("refused").contains("unknown unit \"xb\""));
        assert!(parse_gb("-5").is_err());
        assert!(parse_gb("2000000 PB").expect_err("refused").contains("too large"));
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// What the panel shows reads back as the same size to the shown precision, and shows
        /// the same again; `push_to` writes what `Display` does.
        #[test]
        fn shown_sizes_read_back(gb in 0.0..1e12f64, bits in any::<u64>()) {
            let shown = Size(gb).to_string();
            let back = parse_gb(&shown).map_err(TestCaseError::fail)?;
            prop_assert_eq!(Size(back).to_string(), shown.clone());
            prop_assert!((back - gb).abs() <= gb * 0.05 + 0.05, "{} → {} → {}", gb, shown, back);
            let any = f64::from_bits(bits);
            prop_assert_eq!(pushed(|out| Size(any).push_to(out)), Size(any).to_string());
        }
    }
}
