//! The text of numbers, in one place: durations (`4h`, `2d 6h`), money (`12,345`, `12.34`,
//! `12.5k`), sizes (`500 GB`, `1.5 TB`, `2.5 PB`), plain decimals (`0.25`, fixed or trimmed) and
//! counted words (`1 day`, `2 days`). One implementation of each; the engine, the properties
//! panel, the command line, the runbook, the plots and the web app's numbers all call these.
//!
//! Every formatter is a small `Copy` value with a `Display` and a `push_to(&mut String)` that
//! write the same text. Both build it on the stack and hand it over in one piece: at the
//! shipping opt-level ("z") `write!`, `format!` and `f64`'s own `Display` are slow, and the
//! engine writes thousands of figures into every plan's reasons (through `push_to`, by way of
//! `engine::text::Put`). `Display` pads, so `{:>10}` lines up a column.
//!
//! What cannot be a number (NaN, infinities) is written `?`, except where a duration means
//! "never". Reading text back (`parse_minutes`, `parse_gb`, `parse_decimal`) sits beside the
//! formatter whose text it reads, so each round trip is tested in one file.

mod decimal;
mod duration;
mod money;
mod plural;
mod size;

pub use decimal::{grouped, parse_decimal, push_whole, Fixed, Trimmed};
pub use duration::{format_minutes, format_minutes_f, parse_minutes, DurationError, Exact, Mins, Whole, MAX_MINUTES};
pub use money::{compact_money, whole_money, Cents};
pub use plural::{plural, word, Count};
pub use size::{parse_gb, Size};

use std::fmt;

/// Up to 40 bytes of ASCII text built on the stack: every formatter here writes into one and
/// hands the text over whole. What does not fit is dropped (no number here comes near).
struct Stack {
    buf: [u8; 40],
    len: usize,
}

impl Stack {
    fn new() -> Stack {
        Stack { buf: [0; 40], len: 0 }
    }

    fn byte(&mut self, b: u8) {
        if let Some(slot) = self.buf.get_mut(self.len) {
            *slot = b;
            self.len += 1;
        }
    }

    fn text(&mut self, t: &str) {
        for &b in t.as_bytes() {
            self.byte(b);
        }
    }

    /// `n` in decimal.
    fn number(&mut self, n: u64) {
        let mut rev = [0u8; 20];
        let (mut rest, mut count) = (n, 0);
        loop {
            rev[count] = b'0' + (rest % 10) as u8;
            count += 1;
            rest /= 10;
            if rest == 0 || count == rev.len() {
                break;
            }
        }
        while count > 0 {
            count -= 1;
            self.byte(rev[count]);
        }
    }

    /// `n / 10^places` with its `places` decimals (`1234`, 2 → `12.34`); `trim` drops trailing
    /// zeros and then a bare point (`1.50` → `1.5`, `2.00` → `2`).
    fn decimal(&mut self, n: u64, places: u32, trim: bool) {
        let unit = 10u64.pow(places);
        let (whole, mut fraction, mut places) = (n / unit, n % unit, places);
        self.number(whole);
        if trim {
            while places > 0 && fraction % 10 == 0 {
                fraction /= 10;
                places -= 1;
            }
        }
        if places == 0 {
            return;
        }
        self.byte(b'.');
        let mut digit = 10u64.pow(places - 1);
        while digit > 0 {
            self.byte(b'0' + ((fraction / digit) % 10) as u8);
            digit /= 10;
        }
    }

    /// The text so far (only ASCII is ever written).
    fn as_str(&self) -> &str {
        std::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }

    fn push_to(&self, out: &mut String) {
        out.push_str(self.as_str());
    }

    /// Writes the text through the formatter, honouring width and alignment.
    fn pad(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What `push_to` appends to a string that already holds text: the tests' way to check it
/// against `Display`.
#[cfg(test)]
fn pushed(push: impl FnOnce(&mut String)) -> String {
    let mut out = String::from("«");
    push(&mut out);
    out.split_off("«".len())
}
