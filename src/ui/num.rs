//! Numbers for CSS and SVG attributes (`12.5`, `-3`, `0.3245`), written with integer
//! arithmetic: `f64`'s own `Display` would add the shortest-float formatting code to the web app
//! for values that never need many decimals.

use crate::model::Pos;

/// `v` rounded to hundredths, without trailing zeros: positions and sizes in pixels.
pub fn num(v: f64) -> String {
    fixed(v, 2)
}

/// Appends to the SVG path data `d` a command (`M`, `L`, `C`, or a space for another point of
/// the last one) and the point `p`: `M12.5 -3`.
pub fn push_point(d: &mut String, command: &str, p: Pos) {
    d.push_str(command);
    d.push_str(&num(p.x));
    d.push(' ');
    d.push_str(&num(p.y));
}

/// `v` rounded to ten-thousandths: a zoom factor, precise enough that a card 5,000 world pixels
/// from the origin is drawn within a quarter pixel of where the editor hit-tests it.
pub fn scale(v: f64) -> String {
    fixed(v, 4)
}

/// `v` with at most `places` decimals (0 to 6), without trailing zeros; non-finite values are `0`.
fn fixed(v: f64, places: u32) -> String {
    let places = places.min(6);
    let unit = 10_i64.pow(places);
    if !v.is_finite() || v.abs() >= 1e12 {
        return "0".into();
    }
    let scaled = (v * unit as f64).round() as i64;
    let sign = if scaled < 0 { "-" } else { "" };
    let (whole, frac) = (scaled.unsigned_abs() / unit as u64, scaled.unsigned_abs() % unit as u64);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let digits = format!("{frac:0width$}", width = places as usize);
    format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::{num, scale};

    #[test]
    fn numbers_are_short_and_exact_to_their_place() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.5), "12.5");
        assert_eq!(num(0.75), "0.75");
        assert_eq!(num(0.755), "0.76");
        assert_eq!(num(-3.04), "-3.04");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(1e6), "1000000");
        assert_eq!(scale(0.324_537), "0.3245");
        assert_eq!(scale(1.25), "1.25");
        assert_eq!(scale(0.2), "0.2");
    }
}
