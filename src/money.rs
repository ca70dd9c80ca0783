//! Money as people read it: whole currency units with thousands separators (`12,345`) in
//! tables and sentences, and a compact form (`12.5k`, `1.2M`) on plot axes. Written with
//! integer arithmetic only, so the web app carries no float-formatting tables for it.

/// Whole currency units with thousands separators: `1,234`; `?` for a value that is not a
/// number.
pub fn whole_money(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let n = v.round().abs() as u64;
    let mut out = String::new();
    if v.round() < 0.0 {
        out.push('-');
    }
    push_grouped(&mut out, n);
    out
}

fn push_grouped(out: &mut String, n: u64) {
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
}

/// A short figure for an axis tick: `950`, `1.5k`, `12k`, `2.5M`. Keeps one decimal where it
/// matters and drops `.0`.
pub fn compact_money(v: f64) -> String {
    if !v.is_finite() {
        return "?".into();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let a = v.abs();
    let (scaled, suffix) = if a >= 999_950.0 {
        (a / 1e6, "M")
    } else if a >= 999.5 {
        (a / 1e3, "k")
    } else {
        return format!("{sign}{}", a.round() as u64);
    };
    let tenths = (scaled * 10.0).round() as u64;
    if tenths % 10 == 0 || tenths >= 1000 {
        format!("{sign}{}{suffix}", (scaled).round() as u64)
    } else {
        format!("{sign}{}.{}{suffix}", tenths / 10, tenths % 10)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_whole_units_with_separators() {
        assert_eq!(whole_money(0.4), "0");
        assert_eq!(whole_money(999.5), "1,000");
        assert_eq!(whole_money(1234567.0), "1,234,567");
        assert_eq!(whole_money(-1500.0), "-1,500");
        assert_eq!(whole_money(f64::NAN), "?");
    }

    #[test]
    fn compact_money_is_short() {
        for (v, expect) in [
            (0.0, "0"),
            (949.6, "950"),
            (999.6, "1k"),
            (1500.0, "1.5k"),
            (12_000.0, "12k"),
            (12_340.0, "12.3k"),
            (250_000.0, "250k"),
            (2_500_000.0, "2.5M"),
            (-1500.0, "-1.5k"),
            (f64::INFINITY, "?"),
        ] {
            assert_eq!(compact_money(v), expect, "{v}");
        }
    }
}
