//! `int` helpers: Python's floor division and modulo, exact conversion to float, and parsing.

use crate::vm::Value;
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// The value of an int (`int`, `bool` or big int) as a big integer; anything else reads as 0.
pub fn big(v: &Value) -> BigInt {
    match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    }
}

/// Floor division for i64 (None on overflow: `i64::MIN // -1`). `b` must be non-zero.
#[inline]
pub fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Some(q - 1)
    } else {
        Some(q)
    }
}

/// Python modulo for i64: the result has the sign of `b`. `b` must be non-zero.
#[inline]
pub fn floor_mod(a: i64, b: i64) -> i64 {
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

/// Floor division and modulo for big ints (`b` non-zero).
pub fn big_divmod(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    a.div_mod_floor(b)
}

/// The nearest float to a big int, rounding half to even as CPython does; None if out of range.
pub fn big_to_f64(b: &BigInt) -> Option<f64> {
    let f = b.to_f64()?;
    if f.is_finite() {
        Some(f)
    } else {
        None
    }
}

/// Correctly rounded a / b for ints (CPython's long true division). `b` must be non-zero.
pub fn true_divide(a: &BigInt, b: &BigInt) -> Option<f64> {
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64()) {
        if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
            return Some(x as f64 / y as f64);
        }
    }
    let negative = (a.sign() == Sign::Minus) != (b.sign() == Sign::Minus);
    let (a, b) = (a.magnitude(), b.magnitude());
    if a.is_zero() {
        return Some(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has at least 55 significant bits, divide exactly, then let the
    // conversion of (quotient, sticky remainder bit) round once.
    let shift = 55i64 - (a.bits() as i64 - b.bits() as i64);
    let (num, den) = if shift > 0 {
        (a << shift as usize, b.clone())
    } else {
        (a.clone(), b << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    let mut q = q;
    if !r.is_zero() {
        q = (q << 1usize) | num_bigint::BigUint::from(1u8);
    } else {
        q <<= 1usize;
    }
    let exp = -shift - 1;
    let m = q.to_f64()?;
    let v = m * 2f64.powi(exp.clamp(-1100, 1100) as i32);
    let v = if exp > 1023 || !v.is_finite() {
        return None;
    } else if exp < -1074 - 64 {
        // Too small to represent precisely in one step: scale in two.
        m * 2f64.powi((exp / 2) as i32) * 2f64.powi((exp - exp / 2) as i32)
    } else {
        v
    };
    Some(if negative { -v } else { v })
}

/// Parses `int(text, base)`: optional sign and whitespace, base prefixes, PEP 515 underscores.
pub fn parse_int(text: &str, base: u32) -> Option<BigInt> {
    let t = text.trim();
    let (neg, mut body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let lower = body.to_ascii_lowercase();
    let prefixed = |p: &str| lower.starts_with(p);
    if (base == 16 || base == 0) && prefixed("0x") {
        base = 16;
        body = &body[2..];
    } else if (base == 8 || base == 0) && prefixed("0o") {
        base = 8;
        body = &body[2..];
    } else if (base == 2 || base == 0) && prefixed("0b") {
        base = 2;
        body = &body[2..];
    } else if base == 0 {
        base = 10;
        if body.len() > 1 && body.starts_with('0') && body.bytes().any(|c| c != b'0' && c != b'_') {
            return None;
        }
    }
    let body = body
        .strip_prefix('_')
        .filter(|_| base != 10 || t.len() != body.len())
        .unwrap_or(body);
    if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_digit(base)) {
        return None;
    }
    let v = BigInt::parse_bytes(clean.as_bytes(), base)?;
    Some(if neg { -v } else { v })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floor_semantics() {
        assert_eq!(floor_div(-7, 2), Some(-4));
        assert_eq!(floor_mod(7, -3), -2);
        assert_eq!(floor_mod(-7, 3), 2);
        assert_eq!(floor_div(i64::MIN, -1), None);
    }

    #[test]
    fn true_division_rounds_correctly() {
        let big = BigInt::from(1u64 << 62) * 3;
        assert_eq!(
            true_divide(&big, &BigInt::from(3)),
            Some(4.611686018427388e18)
        );
        assert_eq!(
            true_divide(&BigInt::from(1), &BigInt::from(3)),
            Some(1.0 / 3.0)
        );
        let huge: BigInt = BigInt::from(10).pow(400);
        assert_eq!(true_divide(&huge, &(BigInt::from(10).pow(399))), Some(10.0));
    }

    #[test]
    fn parsing() {
        assert_eq!(parse_int(" 42 ", 10), Some(BigInt::from(42)));
        assert_eq!(parse_int("0x1f", 0), Some(BigInt::from(31)));
        assert_eq!(parse_int("1_000", 10), Some(BigInt::from(1000)));
        assert_eq!(parse_int("-ff", 16), Some(BigInt::from(-255)));
        assert_eq!(parse_int("12a", 10), None);
        assert_eq!(parse_int("010", 0), None);
    }
}
