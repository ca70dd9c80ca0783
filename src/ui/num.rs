//! Numbers for CSS and SVG attributes (`12.5`, `-3`, `0.3245`): [`crate::text::Trimmed`], which
//! builds them with integer arithmetic (`f64`'s own `Display` would add the shortest-float
//! formatting code to the web app), with what an attribute cannot take written `0`.

use crate::model::Pos;
use crate::text::Trimmed;

/// `v` rounded to hundredths, without trailing zeros: positions and sizes in pixels.
pub fn num(v: f64) -> String {
    if attribute_safe(v) {
        Trimmed::<2>(v).to_string()
    } else {
        "0".into()
    }
}

/// Appends to the SVG path data `d` a command (`M`, `L`, `C`, or a space for another point of
/// the last one) and the point `p`: `M12.5 -3`.
pub fn push_point(d: &mut String, command: &str, p: Pos) {
    d.push_str(command);
    push_num(d, p.x);
    d.push(' ');
    push_num(d, p.y);
}

fn push_num(d: &mut String, v: f64) {
    if attribute_safe(v) {
        Trimmed::<2>(v).push_to(d);
    } else {
        d.push('0');
    }
}

/// `v` rounded to ten-thousandths: a zoom factor, precise enough that a card 5,000 world pixels
/// from the origin is drawn within a quarter pixel of where the editor hit-tests it.
pub fn scale(v: f64) -> String {
    if attribute_safe(v) {
        Trimmed::<4>(v).to_string()
    } else {
        "0".into()
    }
}

/// Finite and below 10^12: anything else is no position or size a page can use.
fn attribute_safe(v: f64) -> bool {
    v.is_finite() && v.abs() < 1e12
}

#[cfg(test)]
mod tests {
    use super::{num, push_point, scale};
    use crate::model::Pos;

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
        assert_eq!(num(1e13), "0");
        assert_eq!(scale(0.324_537), "0.3245");
        assert_eq!(scale(1.25), "1.25");
        assert_eq!(scale(0.2), "0.2");
        let mut d = String::new();
        push_point(&mut d, "M", Pos { x: 12.5, y: -3.0 });
        push_point(&mut d, " ", Pos { x: f64::INFINITY, y: 0.125 });
        assert_eq!(d, "M12.5 -3 0 0.12");
    }
}
