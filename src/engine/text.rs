//! Writing reasons and messages without a string per number.
//!
//! The engine writes a reason for every recommendation and a message for every warning; the
//! durations, sizes, amounts and labels in them are appended straight onto the text with `put!`.
//! The numbers are [`crate::text`]'s — `Whole`, `Mins`, `Size`, `Cents`, `Fixed`, `Trimmed`,
//! `Count` — each built on the stack and appended by its `push_to`: at the shipping opt-level
//! ("z") `write!` and the standard integer and float formatting are slow, and a plan writes
//! thousands of figures. Nothing here writes a number itself.

use crate::text::{push_whole, Cents, Count, Fixed, Mins, Size, Trimmed, Whole};
use std::fmt::{self, Display, Formatter, Write};

/// Text written straight onto the end of a `String`: what `write!` does, without the formatting
/// machinery (at opt-level "z" a `write!` costs several hundred instructions before any of its
/// text is written, and a plan writes thousands).
pub(super) trait Put {
    /// Appends the text to `out`.
    fn put(&self, out: &mut String);
}

/// `put!(out; a, b, …)` appends each part in turn: string pieces as they are, numbers and the
/// wrappers below as their `Display` shows them.
macro_rules! put {
    ($out:expr; $($part:expr),* $(,)?) => {{
        let out: &mut String = $out;
        $( $crate::engine::text::Put::put(&$part, out); )*
    }};
}
pub(super) use put;

impl Put for &str {
    #[inline]
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for String {
    #[inline]
    fn put(&self, out: &mut String) {
        out.push_str(self);
    }
}

impl Put for u32 {
    fn put(&self, out: &mut String) {
        push_whole(out, u64::from(*self));
    }
}

impl Put for usize {
    fn put(&self, out: &mut String) {
        push_whole(out, *self as u64);
    }
}

/// The text types of [`crate::text`], appended by their own `push_to`.
macro_rules! put_by_push_to {
    ($($t:ty),*) => {$(
        impl Put for $t {
            #[inline]
            fn put(&self, out: &mut String) {
                self.push_to(out);
            }
        }
    )*};
}
put_by_push_to!(Whole, Mins, Size, Cents, Count<'_>);

impl<const P: u32> Put for Fixed<P> {
    #[inline]
    fn put(&self, out: &mut String) {
        self.push_to(out);
    }
}

impl<const P: u32> Put for Trimmed<P> {
    #[inline]
    fn put(&self, out: &mut String) {
        self.push_to(out);
    }
}

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

/// An optional computed number of minutes; `None` is "never".
#[derive(Debug, Clone, Copy)]
pub(super) struct MaybeMins(pub Option<f64>);

impl Display for MaybeMins {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        Mins(self.0.unwrap_or(f64::INFINITY)).fmt(f)
    }
}

impl Put for MaybeMins {
    fn put(&self, out: &mut String) {
        Mins(self.0.unwrap_or(f64::INFINITY)).push_to(out);
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

impl Put for Lower<'_> {
    fn put(&self, out: &mut String) {
        if self.0.is_ascii() {
            let start = out.len();
            out.push_str(self.0);
            // Only ASCII letters change, so the text stays valid.
            if let Some(added) = out.get_mut(start..) {
                added.make_ascii_lowercase();
            }
        } else {
            out.extend(self.0.chars().flat_map(char::to_lowercase));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `put!` appends.
    fn put_text(part: impl Put) -> String {
        let mut out = String::from("«");
        part.put(&mut out);
        out.split_off("«".len())
    }

    /// Every part is appended as its `Display` shows it (the text itself is [`crate::text`]'s,
    /// tested there).
    #[test]
    fn parts_put_as_displayed() {
        let mut minutes: Vec<u32> = (0..=100_000).collect();
        minutes.extend([u32::MAX, u32::MAX - 1, 4_000_000_000, 1_234_567_890]);
        for m in minutes {
            assert_eq!(put_text(m), m.to_string());
            assert_eq!(put_text(m as usize), m.to_string());
            assert_eq!(put_text(Whole(m)), Whole(m).to_string(), "{m}");
            assert_eq!(put_text(Count(u64::from(m), "day", "days")), Count(u64::from(m), "day", "days").to_string());
        }
        assert_eq!(put_text(usize::MAX), usize::MAX.to_string());
        let mut values =
            vec![0.0, -0.0, -1.0, 0.004, 0.5, 0.999, 1.0, 2.5, 89.99, 999.5, 1e300, f64::NAN, f64::INFINITY];
        values.extend((0..20_000).map(|i| f64::from(i) * 0.37));
        values.extend((0..2_000).map(|i| f64::from(i) * 1234.5));
        for v in values {
            let shown = Mins(v).to_string();
            assert_eq!(put_text(Mins(v)), shown, "{v}");
            assert_eq!(put_text(MaybeMins(Some(v))), shown, "{v}");
            assert_eq!(MaybeMins(Some(v)).to_string(), shown, "{v}");
            assert_eq!(put_text(Size(v)), Size(v).to_string(), "{v}");
            assert_eq!(put_text(Cents(v)), Cents(v).to_string(), "{v}");
            assert_eq!(put_text(Fixed::<0>(v)), Fixed::<0>(v).to_string(), "{v}");
            assert_eq!(put_text(Trimmed::<3>(v)), Trimmed::<3>(v).to_string(), "{v}");
        }
        assert_eq!(put_text(MaybeMins(None)), "never");
        assert_eq!(MaybeMins(None).to_string(), "never");
        assert_eq!(put_text(Lower("Geo-Replicated Storage")), "geo-replicated storage");
        assert_eq!(put_text(Lower("Überlauf")), "überlauf");
        assert_eq!(Lower("Geo-replicated storage").to_string(), "geo-replicated storage");
        assert_eq!(Lower("Überlauf").to_string(), "überlauf");
    }

    #[test]
    fn rounds_like_the_slow_way() {
        for v in
            [0.0, -0.0, 0.05, 0.049999, 0.25, -0.25, 1.005, 2.675, 90.428571, -7.35, 1e15, 4.5e15, 1e300, f64::INFINITY]
        {
            for scale in [1.0, 10.0, 100.0] {
                let want = (v * scale).round() / scale;
                assert_eq!(round_to(v, scale).to_bits(), want.to_bits(), "{v} × {scale}");
            }
        }
        assert!(round_to(f64::NAN, 10.0).is_nan());
    }
}
