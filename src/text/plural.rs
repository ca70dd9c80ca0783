//! Counted words: `1 day`, `2 days`, `0 stages`; and the word alone where a sentence splits it
//! (`1 stage recovers`, `2 stages recover`). English has one rule here — the singular for
//! exactly one, the plural otherwise (zero included) — and callers give both forms, so
//! irregular words (`copy`/`copies`, `medium`/`media`) need nothing special.

use super::Stack;
use std::fmt::{self, Display, Formatter};

/// `one` for exactly one, `many` otherwise.
pub fn word<'a>(n: u64, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

/// A count and its word: `Count(1, "day", "days")` is `1 day`, `Count(7, …)` `7 days`. A
/// `Display`; [`Count::push_to`] appends the same text without the formatter.
#[derive(Debug, Clone, Copy)]
pub struct Count<'a>(pub u64, pub &'a str, pub &'a str);

impl Count<'_> {
    /// Appends what `Display` writes to `out`.
    pub fn push_to(self, out: &mut String) {
        let mut digits = Stack::new();
        digits.number(self.0);
        digits.push_to(out);
        out.push(' ');
        out.push_str(word(self.0, self.1, self.2));
    }
}

impl Display for Count<'_> {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_to(&mut text);
        f.pad(&text)
    }
}

/// [`Count`]'s text: `plural(3, "stage", "stages")` is `3 stages`.
pub fn plural(n: u64, one: &str, many: &str) -> String {
    Count(n, one, many).to_string()
}

#[cfg(test)]
mod tests {
    use super::super::pushed;
    use super::*;

    fn check(n: u64, one: &str, many: &str, expect: &str) {
        assert_eq!(plural(n, one, many), expect);
        assert_eq!(Count(n, one, many).to_string(), expect);
        assert_eq!(pushed(|out| Count(n, one, many).push_to(out)), expect);
        assert_eq!(word(n, one, many), expect.rsplit(' ').next().unwrap_or_default());
    }

    /// The reference.
    #[test]
    fn counted_words_as_written() {
        check(0, "day", "days", "0 days");
        check(1, "day", "days", "1 day");
        check(2, "day", "days", "2 days");
        check(365, "day", "days", "365 days");
        check(1, "copy", "copies", "1 copy");
        check(3, "copy", "copies", "3 copies");
        check(1, "medium", "media", "1 medium");
        check(2_345, "stage", "stages", "2345 stages");
        check(u64::MAX, "stage", "stages", "18446744073709551615 stages");
        assert_eq!(word(1, "recovers", "recover"), "recovers");
        assert_eq!(word(0, "recovers", "recover"), "recover");
    }
}
