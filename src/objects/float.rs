//! `float` text conversions with CPython's exact rules: `repr` (shortest round-trip digits, fixed
//! notation for decimal exponents -4..16, `.0` forced), the same without `.0` for complex parts, and
//! parsing as `float()` accepts it.

/// Shortest digits that round-trip, as (digits, decimal point position): x = 0.DIGITS × 10^decpt.
/// `x` must be finite and non-zero.
pub fn shortest_digits(x: f64) -> (String, i32) {
    let mut buf = ryu::Buffer::new();
    let s = buf.format_finite(x.abs());
    let (mantissa, exp) = match s.find('e') {
        Some(i) => (&s[..i], s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    };
    let (int_part, frac_part) = match mantissa.find('.') {
        Some(i) => (&mantissa[..i], &mantissa[i + 1..]),
        None => (mantissa, ""),
    };
    let mut digits: String = format!("{int_part}{frac_part}");
    let mut decpt = int_part.len() as i32 + exp;
    let lead = digits.len() - digits.trim_start_matches('0').len();
    digits.drain(..lead);
    decpt -= lead as i32;
    let trimmed = digits.trim_end_matches('0').len();
    digits.truncate(trimmed.max(1));
    (digits, decpt)
}

/// Formats digits/decpt in CPython's `repr` style. `add_dot_0` appends ".0" to integral values in
/// fixed notation (float repr does; complex parts do not).
fn format_short(x: f64, add_dot_0: bool, sign_always: bool) -> String {
    let sign = if x.is_sign_negative() {
        "-"
    } else if sign_always {
        "+"
    } else {
        ""
    };
    if x.is_nan() {
        return format!("{}nan", if sign_always { "+" } else { "" });
    }
    if x.is_infinite() {
        return format!("{sign}inf");
    }
    if x == 0.0 {
        return format!("{sign}0{}", if add_dot_0 { ".0" } else { "" });
    }
    let (digits, decpt) = shortest_digits(x);
    let n = digits.len() as i32;
    let body = if (-3..=16).contains(&decpt) {
        if decpt <= 0 {
            format!("0.{}{}", "0".repeat((-decpt) as usize), digits)
        } else if decpt < n {
            format!(
                "{}.{}",
                &digits[..decpt as usize],
                &digits[decpt as usize..]
            )
        } else {
            let zeros = "0".repeat((decpt - n) as usize);
            if add_dot_0 {
                format!("{digits}{zeros}.0")
            } else {
                format!("{digits}{zeros}")
            }
        }
    } else {
        let e = decpt - 1;
        let mantissa = if n > 1 {
            format!("{}.{}", &digits[..1], &digits[1..])
        } else {
            digits.clone()
        };
        format!("{mantissa}e{}{:02}", if e < 0 { "-" } else { "+" }, e.abs())
    };
    format!("{sign}{body}")
}

/// `repr(x)` / `str(x)` for a float.
pub fn float_repr(x: f64) -> String {
    format_short(x, true, false)
}

/// A complex part: like repr but without the forced `.0` (`1`, `1.5`, `1e+16`, `inf`).
pub fn float_repr_bare(x: f64, sign_always: bool) -> String {
    format_short(x, false, sign_always)
}

/// A NaN that no other call returns. Floats are immediates in pyvm, so identity (`is`, and the
/// identity-first equality of `in` and `==` on containers) compares bits; giving each
/// `float("nan")` its own payload keeps `nan in [nan]` true and `float("nan") in [nan]` false, as
/// with CPython's distinct float objects. Payloads do not change arithmetic or printing.
pub fn fresh_nan() -> f64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(1);
    const QUIET_NAN: u64 = 0x7ff8_0000_0000_0000;
    const PAYLOAD: u64 = 0x0007_ffff_ffff_ffff;
    let n = NEXT.fetch_add(1, Ordering::Relaxed) & PAYLOAD;
    f64::from_bits(QUIET_NAN | n)
}

/// Parses text as `float()` does; None if it is not a valid float literal.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim_matches(|c: char| c.is_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let v = match lower.as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => fresh_nan(),
        _ => {
            if body.is_empty() || !valid_float_syntax(body) {
                return None;
            }
            let clean: String = body.chars().filter(|&c| c != '_').collect();
            clean.parse::<f64>().ok()?
        }
    };
    Some(if neg { -v } else { v })
}

/// Decimal float syntax with PEP 515 underscores (only between digits).
fn valid_float_syntax(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    let digits = |i: &mut usize| -> bool {
        let start = *i;
        while *i < b.len()
            && (b[*i].is_ascii_digit()
                || (b[*i] == b'_' && *i > start && *i + 1 < b.len() && b[*i + 1].is_ascii_digit()))
        {
            *i += 1;
        }
        *i > start
    };
    let int_digits = digits(&mut i);
    let mut frac_digits = false;
    if i < b.len() && b[i] == b'.' {
        i += 1;
        frac_digits = digits(&mut i);
    }
    if !int_digits && !frac_digits {
        return false;
    }
    if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
        i += 1;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len()
}

/// Why `float.fromhex` rejected its text.
#[derive(Debug, PartialEq)]
pub enum HexFloatError {
    /// `invalid hexadecimal floating-point string`
    Invalid,
    /// `hexadecimal value too large to represent as a float`
    TooLarge,
}

/// `float.fromhex(text)`: `[sign] ['0x'] hexdigits ['.' hexdigits] ['p' [sign] digits]`, or inf /
/// infinity / nan, with surrounding whitespace; rounded half-to-even like CPython's float_fromhex.
pub fn parse_hex_float(text: &str) -> Result<f64, HexFloatError> {
    use num_bigint::BigInt;
    use num_traits::{ToPrimitive, Zero};
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let signed = |x: f64| if neg { -x } else { x };
    let lower = body.to_ascii_lowercase();
    match lower.as_str() {
        "inf" | "infinity" => return Ok(signed(f64::INFINITY)),
        "nan" => return Ok(signed(f64::NAN)),
        _ => {}
    }
    let b = lower.as_bytes();
    let mut i = if lower.starts_with("0x") { 2 } else { 0 };
    let mut mantissa = BigInt::zero();
    let mut digits = 0usize;
    let mut frac_digits: i64 = 0;
    let mut seen_dot = false;
    while i < b.len() {
        match (b[i] as char).to_digit(16) {
            Some(d) => {
                mantissa = (mantissa << 4u32) + d;
                digits += 1;
                if seen_dot {
                    frac_digits += 1;
                }
            }
            None if b[i] == b'.' && !seen_dot => seen_dot = true,
            None => break,
        }
        i += 1;
    }
    if digits == 0 {
        return Err(HexFloatError::Invalid);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let exp_neg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            // Saturate: beyond 2**40 the result is 0 or too large whatever the digits say.
            exp = (exp * 10 + i64::from(b[i] - b'0')).min(1 << 40);
            i += 1;
        }
        if i == start {
            return Err(HexFloatError::Invalid);
        }
        if exp_neg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(HexFloatError::Invalid);
    }
    if mantissa.is_zero() {
        return Ok(signed(0.0));
    }
    // value = mantissa * 2**e; keep 53 significant bits (fewer for subnormals, whose last bit is
    // worth 2**-1074), rounding the dropped bits half to even.
    let e = exp - 4 * frac_digits;
    let bits = mantissa.bits() as i64;
    if bits + e > 1025 {
        return Err(HexFloatError::TooLarge);
    }
    let lsb = (e + bits - 53).max(-1074);
    let q: u64 = if lsb <= e {
        // Exact: fewer than 53 significant bits.
        (mantissa << ((e - lsb) as u64))
            .to_u64()
            .unwrap_or(u64::MAX)
    } else {
        let shift = (lsb - e) as u64;
        if shift > bits as u64 + 1 {
            0
        } else {
            let kept: BigInt = &mantissa >> shift;
            let rest: BigInt = &mantissa - (&kept << shift);
            let half = BigInt::from(1) << (shift - 1);
            let mut k = kept.to_u64().unwrap_or(u64::MAX);
            if rest > half || (rest == half && k & 1 == 1) {
                k += 1;
            }
            k
        }
    };
    // q <= 2**53, so it converts exactly and the scaling by a power of two is exact or overflows.
    let v = libm::ldexp(q as f64, lsb as i32);
    if v.is_infinite() {
        return Err(HexFloatError::TooLarge);
    }
    Ok(signed(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_matches_cpython() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e16, "1e+16"),
            (1e15, "1000000000000000.0"),
            (1e-5, "1e-05"),
            (0.0001, "0.0001"),
            (2.9802322387695312e-08, "2.9802322387695312e-08"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (123456789.125, "123456789.125"),
            (1.5e300, "1.5e+300"),
            (5e-324, "5e-324"),
            (12345678901234567.0, "1.2345678901234568e+16"),
            (0.5, "0.5"),
            (100.0, "100.0"),
        ];
        for (x, want) in cases {
            assert_eq!(float_repr(*x), *want, "{x:e}");
        }
        assert_eq!(float_repr_bare(1.0, false), "1");
        assert_eq!(float_repr_bare(-0.0, true), "-0");
        assert_eq!(float_repr_bare(f64::NAN, true), "+nan");
    }

    #[test]
    fn hex() {
        assert_eq!(parse_hex_float("0x1.8p1"), Ok(3.0));
        assert_eq!(parse_hex_float(" -0X.8 "), Ok(-0.5));
        assert_eq!(parse_hex_float("0x1p-1074"), Ok(5e-324));
        assert_eq!(parse_hex_float("0x1p-1075"), Ok(0.0));
        assert_eq!(parse_hex_float("0x3p-1075"), Ok(1e-323));
        assert_eq!(
            parse_hex_float("0x1.fffffffffffff8p1023"),
            Err(HexFloatError::TooLarge)
        );
        assert_eq!(parse_hex_float("0x"), Err(HexFloatError::Invalid));
        assert_eq!(parse_hex_float("1p"), Err(HexFloatError::Invalid));
    }

    #[test]
    fn parse() {
        assert_eq!(parse_float(" 1.5 "), Some(1.5));
        assert_eq!(parse_float("1_000.5"), Some(1000.5));
        assert_eq!(parse_float("-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float("1e5"), Some(1e5));
        assert_eq!(parse_float(".5"), Some(0.5));
        assert_eq!(parse_float("5."), Some(5.0));
        assert_eq!(parse_float("abc"), None);
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float(""), None);
    }
}
