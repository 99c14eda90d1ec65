//! Strings built from pieces by hand: the page carries no `core::fmt`, whose machinery would cost it 2 KB.
//!
//! `format!` and `write!` go through `core::fmt::write`, padding and the integer tables; the
//! WebAssembly build's messages, ids and texts are made with [`cat!`] and [`Digits`] instead.
//! The CLI, the tests and the headless build's serde writer (`json/serialize.rs`) still use
//! `format!`.

/// The pieces, each anything that is `AsRef<str>`, joined into one `String`:
/// `cat!("question ", n.digits(), ": ", message)` is `format!("question {n}: {message}")`.
macro_rules! cat {
    ($($piece:expr),+ $(,)?) => {
        $crate::strings::joined(&[$(::core::convert::AsRef::<str>::as_ref(&$piece)),+], "")
    };
}
pub(crate) use cat;

/// Whether `c` shows as nothing on a page: white space, or a character that takes no room
/// (soft hyphens, zero-width spaces and joiners, direction marks, word joiners, byte order marks).
pub(crate) fn shows_nothing(c: char) -> bool {
    c.is_whitespace()
        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}')
}

/// `parts` with `separator` between them, as `[T]::join` makes them (kept to one copy of the
/// joining code in the WebAssembly build).
pub(crate) fn joined(parts: &[&str], separator: &str) -> String {
    let mut text = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            text.push_str(separator);
        }
        text.push_str(part);
    }
    text
}

/// A value as people read it: what its `Display` shows, made without a `Formatter`, whose
/// writer for `String` would bring `core::fmt` back into the page.
pub(crate) trait Written {
    /// The value's text.
    fn written(&self) -> String;
}

/// A whole number written in decimal, as `to_string` writes it.
pub(crate) trait Digits {
    /// The number in decimal digits.
    fn digits(self) -> String;
}

/// For unsigned types of at most 64 bits only: `as u64` would wrap a negative number, so a signed
/// one fails to compile.
macro_rules! digits {
    ($($type:ty),*) => {$(
        const _: () = assert!(<$type>::MIN == 0 && <$type>::BITS <= 64, "Digits writes u64 at most");
        impl Digits for $type {
            fn digits(self) -> String {
                digits_of(self as u64)
            }
        }
    )*};
}

/// `n` in decimal digits: one copy for every width of [`Digits`].
fn digits_of(n: u64) -> String {
    let mut text = String::new();
    push_digits(&mut text, n, 1);
    text
}

digits!(u8, u16, u32, u64, usize);

/// Appends `n` in decimal, zero-padded to at least `width` digits. One routine for every
/// width of integer, and no 128-bit arithmetic: core's integer formatting, or a 128-bit
/// division, would each cost the page about a kilobyte.
pub(crate) fn push_digits(text: &mut String, mut n: u64, width: usize) {
    let mut digits = [b'0'; 20];
    let mut start = digits.len();
    while n > 0 {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    start = start.min(digits.len() - width.max(1));
    text.extend(digits[start..].iter().map(|&d| char::from(d)));
}

/// Appends the last `width` hexadecimal digits of `n`, lowercase, zero-padded.
pub(crate) fn push_hex(text: &mut String, n: u64, width: u32) {
    for shift in (0..width).rev() {
        let nibble = (n >> (4 * shift)) & 0xf;
        text.push(char::from(b"0123456789abcdef"[nibble as usize]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cat_joins_strings_owned_and_borrowed() {
        let owned = String::from("b");
        assert_eq!(cat!("a", owned, 3u8.digits(), ""), "ab3");
    }

    #[test]
    fn digits_are_written_as_to_string_writes_them() {
        for n in [0u64, 1, 9, 10, 99, 100, 12_345, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(n.digits(), n.to_string());
        }
        assert_eq!(usize::MAX.digits(), usize::MAX.to_string());
        assert_eq!(u8::MAX.digits(), "255");
    }

    #[test]
    fn push_digits_pads_to_the_width_asked() {
        let mut text = String::new();
        push_digits(&mut text, 5, 3);
        push_digits(&mut text, 0, 1);
        push_digits(&mut text, 1234, 2);
        assert_eq!(text, "00501234");
    }

    #[test]
    fn hex_is_written_as_format_writes_it() {
        for n in [0u64, 0xab, 0x1234_5678_9abc_def0, u64::MAX] {
            let mut text = String::new();
            push_hex(&mut text, n, 16);
            assert_eq!(text, format!("{n:016x}"));
        }
        let mut text = String::new();
        push_hex(&mut text, 0x1f, 4);
        assert_eq!(text, "001f");
    }
}
