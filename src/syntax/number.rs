//! Numeric literals: scans one the way CPython 3.11's tokenizer does, so that a malformed literal
//! stops at the same character and gets the same message and caret.
//!
//! The scanner walks `s` with an index `i` standing for CPython's `tok->cur` after it has read the
//! character `at(i)`; an error that CPython raises after `tok_backup` puts its caret on `i - 1`,
//! one raised without backing up puts it on `i`.

use super::token::{IntLit, Tok};
use num_bigint::BigInt;

/// Why a numeric literal is malformed, and where the caret goes (relative to the literal's start).
#[derive(Debug, PartialEq)]
pub struct NumberError {
    pub msg: String,
    /// Byte offset of the first caret within the literal (literals are ASCII up to there).
    pub at: usize,
    pub width: usize,
    /// True when CPython reports this error with byte columns (`syntaxerror_known_range`), false
    /// when it counts characters (`syntaxerror`).
    pub byte_cols: bool,
    /// False for an error CPython reports on the line without carets (`at` and `width` unused).
    pub caret: bool,
}

type Scan<T> = Result<T, NumberError>;

/// CPython's `syntaxerror` after `tok_backup`: one caret on the character before `cur`.
fn before(msg: impl Into<String>, cur: usize) -> NumberError {
    NumberError {
        msg: msg.into(),
        at: cur.saturating_sub(1),
        width: 1,
        byte_cols: false,
        caret: true,
    }
}

/// Scans the numeric literal at the start of `s` (which starts with a digit, or `.` and a digit).
/// Returns its length in bytes and its token.
pub fn scan_number(s: &str) -> Scan<(usize, Tok)> {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let mut i;
    if at(0) == b'0' {
        match at(1) {
            b'x' | b'X' => return radix_literal(s, 16, "hexadecimal"),
            b'o' | b'O' => return radix_literal(s, 8, "octal"),
            b'b' | b'B' => return radix_literal(s, 2, "binary"),
            _ => {}
        }
        // Zeros, maybe followed by more digits: legal only as a float or as zero itself.
        i = 1;
        loop {
            if at(i) == b'_' {
                i += 1;
                if !at(i).is_ascii_digit() {
                    return Err(before("invalid decimal literal", i));
                }
            }
            if at(i) != b'0' {
                break;
            }
            i += 1;
        }
        let zeros_end = i + 1;
        let mut nonzero = false;
        if at(i).is_ascii_digit() {
            nonzero = true;
            i = decimal_tail(s, i)?;
        }
        if nonzero && !matches!(at(i), b'.' | b'e' | b'E' | b'j' | b'J') {
            return Err(NumberError {
                msg: "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers".into(),
                at: 0,
                width: zeros_end - 1,
                byte_cols: true,
                caret: true,
            });
        }
    } else if at(0) == b'.' {
        i = 0;
    } else {
        i = decimal_tail(s, 0)?;
    }
    let mut is_float = false;
    if at(i) == b'.' {
        is_float = true;
        i += 1;
        if at(i).is_ascii_digit() {
            i = decimal_tail(s, i)?;
        }
    }
    if matches!(at(i), b'e' | b'E') {
        let e = i;
        i += 1;
        if matches!(at(i), b'+' | b'-') {
            i += 1;
            if !at(i).is_ascii_digit() {
                return Err(before("invalid decimal literal", i));
            }
        } else if !at(i).is_ascii_digit() {
            // `1else`: the number ends before the `e` (CPython warns; we accept it silently).
            verify_end(s, e, "decimal")?;
            return Ok((e, number_token(&s[..e], is_float)?));
        }
        is_float = true;
        i = decimal_tail(s, i)?;
    }
    if matches!(at(i), b'j' | b'J') {
        verify_end(s, i + 1, "imaginary")?;
        let value = parse_float(&s[..i]);
        return Ok((i + 1, Tok::Imag(value)));
    }
    verify_end(s, i, "decimal")?;
    Ok((i, number_token(&s[..i], is_float)?))
}

/// `0x`, `0o` and `0b` literals.
fn radix_literal(s: &str, radix: u32, name: &str) -> Scan<(usize, Tok)> {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    let ok = |c: u8| (c as char).is_digit(radix);
    let mut i = 2;
    loop {
        if at(i) == b'_' {
            i += 1;
        }
        if !ok(at(i)) {
            if radix != 16 && at(i).is_ascii_digit() {
                return Err(invalid_digit(at(i), name, i));
            }
            return Err(before(format!("invalid {name} literal"), i));
        }
        while ok(at(i)) {
            i += 1;
        }
        if at(i) != b'_' {
            break;
        }
    }
    if at(i).is_ascii_digit() {
        return Err(invalid_digit(at(i), name, i));
    }
    verify_end(s, i, name)?;
    let digits: String = s[2..i].chars().filter(|&c| c != '_').collect();
    Ok((i, Tok::Int(int_from_digits(&digits, radix))))
}

/// "invalid digit '8' in octal literal": raised without backing up, so the caret is on the digit.
fn invalid_digit(c: u8, name: &str, i: usize) -> NumberError {
    NumberError {
        msg: format!("invalid digit '{}' in {name} literal", c as char),
        at: i,
        width: 1,
        byte_cols: false,
        caret: true,
    }
}

/// Digits with single underscores between them, starting at the digit at `i`; returns the end.
fn decimal_tail(s: &str, mut i: usize) -> Scan<usize> {
    let b = s.as_bytes();
    let at = |i: usize| b.get(i).copied().unwrap_or(0);
    loop {
        while at(i).is_ascii_digit() {
            i += 1;
        }
        if at(i) != b'_' {
            return Ok(i);
        }
        i += 1;
        if !at(i).is_ascii_digit() {
            return Err(before("invalid decimal literal", i));
        }
    }
}

/// CPython's `verify_end_of_number`: a literal may run straight into `and`, `else`, `for`, `if`,
/// `in`, `is`, `not` or `or` (it warns), but not into any other ASCII identifier character (what
/// follows a non-ASCII one is the next token's business).
fn verify_end(s: &str, end: usize, kind: &str) -> Scan<()> {
    let rest = &s.as_bytes()[end.min(s.len())..];
    let Some(&c) = rest.first() else {
        return Ok(());
    };
    let follows = |word: &[u8]| rest[1..].starts_with(word);
    let keyword = match c {
        b'a' => follows(b"nd"),
        b'e' => follows(b"lse"),
        b'f' => follows(b"or"),
        b'i' => matches!(rest.get(1), Some(b'f' | b'n' | b's')),
        b'o' => follows(b"r"),
        b'n' => follows(b"ot"),
        _ => false,
    };
    if keyword {
        return Ok(());
    }
    if c.is_ascii_alphanumeric() || c == b'_' {
        return Err(before(format!("invalid {kind} literal"), end));
    }
    Ok(())
}

/// The token for a decimal literal. An int with more digits than `sys.set_int_max_str_digits`
/// allows is CPython's SyntaxError, refused before converting it (which would take time
/// quadratic in its length).
fn number_token(text: &str, is_float: bool) -> Scan<Tok> {
    if is_float {
        return Ok(Tok::Float(parse_float(text)));
    }
    let digits: String = text.chars().filter(|&c| c != '_').collect();
    let limit = crate::builtins::numbers::digit_limit();
    if limit > 0 && digits.len() > limit {
        return Err(NumberError {
            msg: format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {} \
                 digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
                 hexadecimal for huge integer literals to avoid decimal conversion limits.",
                digits.len()
            ),
            at: 0,
            width: 0,
            byte_cols: true,
            caret: false,
        });
    }
    Ok(Tok::Int(int_from_digits(&digits, 10)))
}

/// Rust's parser rounds correctly, as CPython's does; the text is always a valid float literal
/// once its underscores are gone, so the fallback is never taken.
fn parse_float(text: &str) -> f64 {
    let clean: String = text.chars().filter(|&c| c != '_').collect();
    clean.parse::<f64>().unwrap_or(f64::INFINITY)
}

fn int_from_digits(digits: &str, radix: u32) -> IntLit {
    match i64::from_str_radix(digits, radix) {
        Ok(v) => IntLit::Small(v),
        Err(_) => IntLit::Big(BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(s: &str) -> (String, usize, usize) {
        match scan_number(s) {
            Ok(t) => panic!("{s:?} scanned as {t:?}"),
            Err(e) => (e.msg, e.at, e.width),
        }
    }

    #[test]
    fn values() {
        assert_eq!(
            scan_number("0x_ff").ok(),
            Some((5, Tok::Int(IntLit::Small(255))))
        );
        assert_eq!(
            scan_number("1_000+").ok(),
            Some((5, Tok::Int(IntLit::Small(1000))))
        );
        assert_eq!(
            scan_number("00").ok(),
            Some((2, Tok::Int(IntLit::Small(0))))
        );
        assert_eq!(scan_number("012.5").ok(), Some((5, Tok::Float(12.5))));
        assert_eq!(scan_number("1e3").ok(), Some((3, Tok::Float(1000.0))));
        assert_eq!(scan_number("1.").ok(), Some((2, Tok::Float(1.0))));
        assert_eq!(scan_number("2j").ok(), Some((2, Tok::Imag(2.0))));
        assert_eq!(
            scan_number("1if").ok(),
            Some((1, Tok::Int(IntLit::Small(1))))
        );
        assert_eq!(
            scan_number("1else").ok(),
            Some((1, Tok::Int(IntLit::Small(1))))
        );
    }

    #[test]
    fn errors_land_where_cpython_puts_them() {
        assert_eq!(err("1abc").1, 0);
        assert_eq!(err("1__").1, 1);
        assert_eq!(err("0x").1, 1);
        assert_eq!(err("0x_g").1, 2);
        assert_eq!(
            err("0b12"),
            ("invalid digit '2' in binary literal".into(), 3, 1)
        );
        assert_eq!(err("1e+").1, 2);
        assert_eq!(err("1.5j2").1, 3);
        assert_eq!(err("0_0_1").2, 4);
        assert_eq!(err("09").2, 1);
    }
}
