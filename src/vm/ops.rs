//! Operators: arithmetic, bitwise, unary, comparison and truth, with Python's semantics.
//!
//! Built-in types are handled directly (`binary_builtin`, `compare_builtin`); the functions that
//! take a `Vm` add dispatch to user-defined dunder methods. Numeric algorithms are CPython's own
//! (float floor division and modulo, Smith's complex division, the special cases of `float_pow`,
//! exponentiation of complex numbers by small integers), so results are bit-identical.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::types::type_name;
use super::value::{Complex, Value};
use super::Vm;
use crate::objects::int::{big_to_f64, floor_div, floor_mod, true_divide};
use crate::syntax::ast::{Operator, UnaryOp};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

/// A number, widened for mixed arithmetic.
enum Num {
    Int(i64),
    Big(Rc<BigInt>),
    Float(f64),
    Complex(f64, f64),
}

fn num(v: &Value) -> Option<Num> {
    Some(match v {
        Value::Int(i) => Num::Int(*i),
        Value::Bool(b) => Num::Int(*b as i64),
        Value::BigInt(b) => Num::Big(b.clone()),
        Value::Float(f) => Num::Float(*f),
        Value::Complex(c) => Num::Complex(c.re, c.im),
        Value::Instance(i) => return num(&i.payload.borrow()),
        _ => return None,
    })
}

fn big(n: &Num) -> BigInt {
    match n {
        Num::Int(i) => BigInt::from(*i),
        Num::Big(b) => (**b).clone(),
        _ => BigInt::zero(),
    }
}

fn int_overflow() -> PyErr {
    PyErr::overflow("int too large to convert to float")
}

fn to_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(b).ok_or_else(int_overflow),
        Num::Float(f) => Ok(*f),
        Num::Complex(re, _) => Ok(*re),
    }
}

fn to_complex(n: &Num) -> PyResult<(f64, f64)> {
    match n {
        Num::Complex(re, im) => Ok((*re, *im)),
        other => Ok((to_f64(other)?, 0.0)),
    }
}

fn is_float_rank(n: &Num) -> bool {
    matches!(n, Num::Float(_))
}

fn is_complex_rank(n: &Num) -> bool {
    matches!(n, Num::Complex(..))
}

// ---------------------------------------------------------------- integer arithmetic

fn int_op(op: Operator, a: &Num, b: &Num) -> PyResult<Value> {
    if let (Num::Int(x), Num::Int(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let small = match op {
            Operator::Add => x.checked_add(y),
            Operator::Sub => x.checked_sub(y),
            Operator::Mult => x.checked_mul(y),
            Operator::FloorDiv => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer division or modulo by zero"));
                }
                floor_div(x, y)
            }
            Operator::Mod => {
                if y == 0 {
                    return Err(PyErr::zero_division("integer modulo by zero"));
                }
                Some(floor_mod(x, y))
            }
            Operator::BitAnd => Some(x & y),
            Operator::BitOr => Some(x | y),
            Operator::BitXor => Some(x ^ y),
            Operator::RShift => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                Some(if y >= 64 {
                    if x < 0 {
                        -1
                    } else {
                        0
                    }
                } else {
                    x >> y
                })
            }
            Operator::LShift => {
                if y < 0 {
                    return Err(PyErr::value_error("negative shift count"));
                }
                if x == 0 {
                    Some(0)
                } else if y < 63 && (x.unsigned_abs().leading_zeros() as i64) > y + 1 {
                    Some(x << y)
                } else {
                    None
                }
            }
            Operator::Div => {
                if y == 0 {
                    return Err(PyErr::zero_division("division by zero"));
                }
                if x.unsigned_abs() <= 1 << 53 && y.unsigned_abs() <= 1 << 53 {
                    return Ok(Value::Float(x as f64 / y as f64));
                }
                None
            }
            Operator::Pow => {
                if y < 0 {
                    return float_pow(x as f64, y as f64);
                }
                if y <= u32::MAX as i64 {
                    x.checked_pow(y as u32)
                } else if x == 0 || x == 1 {
                    Some(x)
                } else if x == -1 {
                    Some(if y % 2 == 0 { 1 } else { -1 })
                } else {
                    None
                }
            }
            Operator::MatMult => None,
        };
        if let Some(v) = small {
            return Ok(Value::Int(v));
        }
    }
    let (x, y) = (big(a), big(b));
    Ok(match op {
        Operator::Add => Value::from_bigint(x + y),
        Operator::Sub => Value::from_bigint(x - y),
        Operator::Mult => Value::from_bigint(x * y),
        Operator::FloorDiv => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            Value::from_bigint(x.div_floor(&y))
        }
        Operator::Mod => {
            if y.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            Value::from_bigint(x.mod_floor(&y))
        }
        Operator::Div => {
            if y.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            Value::Float(
                true_divide(&x, &y).ok_or_else(|| {
                    PyErr::overflow("integer division result too large for a float")
                })?,
            )
        }
        Operator::BitAnd => Value::from_bigint(x & y),
        Operator::BitOr => Value::from_bigint(x | y),
        Operator::BitXor => Value::from_bigint(x ^ y),
        Operator::LShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if x.is_zero() {
                return Ok(Value::Int(0));
            }
            let shift = y
                .to_u64()
                .filter(|&s| s < (1 << 32))
                .ok_or_else(|| PyErr::new(ExcKind::MemoryError, ""))?;
            if x.bits() + shift > crate::vm::collections::MAX_INT_BITS {
                return Err(PyErr::new(ExcKind::MemoryError, ""));
            }
            crate::vm::limits::check_allocation(((x.bits() + shift) / 8) as usize)?;
            Value::from_bigint(x << shift as usize)
        }
        Operator::RShift => {
            if y.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match y.to_u64() {
                Some(s) if s < x.bits() + 1 => Value::from_bigint(x >> s as usize),
                _ => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        Operator::Pow => {
            if y.is_negative() {
                return float_pow(to_f64(a)?, to_f64(b)?);
            }
            let exp = y.to_u64().unwrap_or(u64::MAX);
            if x.is_zero() || x.is_one() {
                return Ok(Value::from_bigint(x));
            }
            if x == BigInt::from(-1) {
                return Ok(Value::Int(if exp % 2 == 0 { 1 } else { -1 }));
            }
            if (x.bits() as u128) * (exp as u128) > crate::vm::collections::MAX_INT_BITS as u128 {
                return Err(PyErr::new(ExcKind::MemoryError, ""));
            }
            crate::vm::limits::check_allocation((x.bits() * exp / 8) as usize)?;
            Value::from_bigint(num_traits::pow::pow(x, exp as usize))
        }
        Operator::MatMult => unreachable!("matmul is rejected before integer arithmetic"),
    })
}

// ---------------------------------------------------------------- float arithmetic

/// CPython's `_float_div_mod`.
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

fn is_odd_integer(x: f64) -> bool {
    x.is_finite() && x == x.floor() && (x % 2.0).abs() == 1.0
}

fn range_error() -> PyErr {
    PyErr::overflow("(34, 'Numerical result out of range')")
}

/// CPython's `float_pow`, special cases included. Negative bases with fractional exponents give
/// complex results, as in Python 3.
pub fn float_pow(iv: f64, iw: f64) -> PyResult<Value> {
    if iw == 0.0 {
        return Ok(Value::Float(1.0));
    }
    if iv.is_nan() {
        return Ok(Value::Float(iv));
    }
    if iw.is_nan() {
        return Ok(Value::Float(if iv == 1.0 { 1.0 } else { iw }));
    }
    if iw.is_infinite() {
        let av = iv.abs();
        return Ok(Value::Float(if av == 1.0 {
            1.0
        } else if (iw > 0.0) == (av > 1.0) {
            iw.abs()
        } else {
            0.0
        }));
    }
    if iv.is_infinite() {
        let odd = is_odd_integer(iw);
        return Ok(Value::Float(if iw > 0.0 {
            if odd {
                iv
            } else {
                iv.abs()
            }
        } else if odd {
            0.0f64.copysign(iv)
        } else {
            0.0
        }));
    }
    if iv == 0.0 {
        let odd = is_odd_integer(iw);
        if iw < 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return Ok(Value::Float(if odd { iv } else { 0.0 }));
    }
    let mut base = iv;
    let mut negate = false;
    if iv < 0.0 {
        if iw != iw.floor() {
            let (re, im) = complex_pow((iv, 0.0), (iw, 0.0))?;
            return Ok(Value::complex(re, im));
        }
        base = -iv;
        negate = is_odd_integer(iw);
    }
    if base == 1.0 {
        return Ok(Value::Float(if negate { -1.0 } else { 1.0 }));
    }
    let ix = base.powf(iw);
    if ix.is_infinite() {
        return Err(range_error());
    }
    Ok(Value::Float(if negate { -ix } else { ix }))
}

fn float_op(op: Operator, x: f64, y: f64) -> PyResult<Value> {
    Ok(Value::Float(match op {
        Operator::Add => x + y,
        Operator::Sub => x - y,
        Operator::Mult => x * y,
        Operator::Div => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            x / y
        }
        Operator::FloorDiv => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float_divmod(x, y).0
        }
        Operator::Mod => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float modulo"));
            }
            float_divmod(x, y).1
        }
        Operator::Pow => return float_pow(x, y),
        _ => unreachable!("bitwise operators are rejected before float arithmetic"),
    }))
}

// ---------------------------------------------------------------- complex arithmetic

pub fn c_prod(a: (f64, f64), b: (f64, f64)) -> (f64, f64) {
    (a.0 * b.0 - a.1 * b.1, a.0 * b.1 + a.1 * b.0)
}

/// CPython's `_Py_c_quot` (Smith's algorithm); None on division by zero.
pub fn c_quot(a: (f64, f64), b: (f64, f64)) -> Option<(f64, f64)> {
    let abs_breal = b.0.abs();
    let abs_bimag = b.1.abs();
    if abs_breal >= abs_bimag {
        if abs_breal == 0.0 {
            return None;
        }
        let ratio = b.1 / b.0;
        let denom = b.0 + b.1 * ratio;
        Some(((a.0 + a.1 * ratio) / denom, (a.1 - a.0 * ratio) / denom))
    } else if abs_bimag >= abs_breal {
        let ratio = b.0 / b.1;
        let denom = b.0 * ratio + b.1;
        Some(((a.0 * ratio + a.1) / denom, (a.1 * ratio - a.0) / denom))
    } else {
        Some((f64::NAN, f64::NAN))
    }
}

fn c_powu(x: (f64, f64), n: i64) -> (f64, f64) {
    let mut r = (1.0, 0.0);
    let mut p = x;
    let mut mask: i64 = 1;
    while mask > 0 && n >= mask {
        if n & mask != 0 {
            r = c_prod(r, p);
        }
        mask <<= 1;
        p = c_prod(p, p);
    }
    r
}

/// CPython's `complex_pow`: exact small-integer powers by repeated multiplication, else polar form.
pub fn complex_pow(a: (f64, f64), b: (f64, f64)) -> PyResult<(f64, f64)> {
    let mut edom = false;
    let p = if b.1 == 0.0 && b.0 == b.0.floor() && b.0.abs() <= 100.0 {
        let n = b.0 as i64;
        if n > 0 {
            c_powu(a, n)
        } else {
            match c_quot((1.0, 0.0), c_powu(a, -n)) {
                Some(q) => q,
                None => {
                    edom = true;
                    (0.0, 0.0)
                }
            }
        }
    } else if b.0 == 0.0 && b.1 == 0.0 {
        (1.0, 0.0)
    } else if a.0 == 0.0 && a.1 == 0.0 {
        if b.1 != 0.0 || b.0 < 0.0 {
            edom = true;
        }
        (0.0, 0.0)
    } else {
        let vabs = a.0.hypot(a.1);
        let mut len = vabs.powf(b.0);
        let at = a.1.atan2(a.0);
        let mut phase = at * b.0;
        if b.1 != 0.0 {
            len /= (at * b.1).exp();
            phase += b.1 * vabs.ln();
        }
        (len * phase.cos(), len * phase.sin())
    };
    if edom {
        return Err(PyErr::zero_division("0.0 to a negative or complex power"));
    }
    if p.0.is_infinite() || p.1.is_infinite() {
        return Err(PyErr::overflow("complex exponentiation"));
    }
    Ok(p)
}

fn complex_op(op: Operator, a: (f64, f64), b: (f64, f64)) -> PyResult<Value> {
    let (re, im) = match op {
        Operator::Add => (a.0 + b.0, a.1 + b.1),
        Operator::Sub => (a.0 - b.0, a.1 - b.1),
        Operator::Mult => c_prod(a, b),
        Operator::Div => {
            c_quot(a, b).ok_or_else(|| PyErr::zero_division("complex division by zero"))?
        }
        Operator::Pow => complex_pow(a, b)?,
        _ => unreachable!("only arithmetic operators reach complex arithmetic"),
    };
    Ok(Value::complex(re, im))
}

/// The interpreter's fast path for BINARY_OP on ints, floats and complex numbers: None when the
/// general path is needed (other types, int overflow, division by zero, other operators).
/// Operands are owned, so a complex temporary nobody else references (the `z * z` in
/// `z * z + c`) is updated in place instead of allocating a new box.
#[inline]
pub fn fast_binary(arg: u32, a: Value, b: &Value) -> Result<Value, Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => {
            let r = match arg {
                0 | 13 => x.checked_add(*y),
                10 | 23 => x.checked_sub(*y),
                5 | 18 => x.checked_mul(*y),
                _ => None,
            };
            r.map(Value::Int).ok_or(Value::Int(x))
        }
        (Value::Float(x), Value::Float(y)) => match arg {
            0 | 13 => Ok(Value::Float(x + y)),
            10 | 23 => Ok(Value::Float(x - y)),
            5 | 18 => Ok(Value::Float(x * y)),
            11 | 24 if *y != 0.0 => Ok(Value::Float(x / y)),
            _ => Err(Value::Float(x)),
        },
        (Value::Float(x), Value::Int(y)) => match arg {
            0 | 13 => Ok(Value::Float(x + *y as f64)),
            10 | 23 => Ok(Value::Float(x - *y as f64)),
            5 | 18 => Ok(Value::Float(x * *y as f64)),
            _ => Err(Value::Float(x)),
        },
        (Value::Int(x), Value::Float(y)) => match arg {
            0 | 13 => Ok(Value::Float(x as f64 + y)),
            10 | 23 => Ok(Value::Float(x as f64 - y)),
            5 | 18 => Ok(Value::Float(x as f64 * y)),
            _ => Err(Value::Int(x)),
        },
        (Value::Complex(mut za), Value::Complex(zb)) => {
            let (p, q) = ((za.re, za.im), (zb.re, zb.im));
            let r = match arg {
                0 | 13 => (p.0 + q.0, p.1 + q.1),
                10 | 23 => (p.0 - q.0, p.1 - q.1),
                5 | 18 => c_prod(p, q),
                _ => return Err(Value::Complex(za)),
            };
            match Rc::get_mut(&mut za) {
                Some(slot) => {
                    slot.re = r.0;
                    slot.im = r.1;
                    Ok(Value::Complex(za))
                }
                None => Ok(Value::complex(r.0, r.1)),
            }
        }
        (a, _) => Err(a),
    }
}

/// Arithmetic on two numbers, or None if either is not a number or the operator does not apply.
fn numeric_op(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // Fast paths for the common immediates.
    match (a, b) {
        (Value::Float(x), Value::Float(y)) => {
            if matches!(
                op,
                Operator::Add
                    | Operator::Sub
                    | Operator::Mult
                    | Operator::Div
                    | Operator::FloorDiv
                    | Operator::Mod
                    | Operator::Pow
            ) {
                return Some(float_op(op, *x, *y));
            }
        }
        (Value::Int(_), Value::Int(_)) if op != Operator::MatMult => {
            return Some(int_op(op, &num(a)?, &num(b)?));
        }
        _ => {}
    }
    let (x, y) = (num(a)?, num(b)?);
    if op == Operator::MatMult {
        return None;
    }
    let bitwise = matches!(
        op,
        Operator::BitAnd | Operator::BitOr | Operator::BitXor | Operator::LShift | Operator::RShift
    );
    if is_complex_rank(&x) || is_complex_rank(&y) {
        if bitwise || matches!(op, Operator::FloorDiv | Operator::Mod) {
            return None;
        }
        return Some((|| complex_op(op, to_complex(&x)?, to_complex(&y)?))());
    }
    if is_float_rank(&x) || is_float_rank(&y) {
        if bitwise {
            return None;
        }
        return Some((|| float_op(op, to_f64(&x)?, to_f64(&y)?))());
    }
    Some(int_op(op, &x, &y))
}

// ---------------------------------------------------------------- sequences

/// The repeat count of `seq * n`, or the TypeError CPython gives.
fn repeat_count(n: &Value) -> Result<i64, PyErr> {
    match n {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => {
            if b.is_negative() {
                Ok(0)
            } else {
                Err(PyErr::overflow(
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
        }
        other => Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            type_name(other)
        ))),
    }
}

/// The count of a repetition of `len` items of `item_size` bytes each, or MemoryError when the
/// result is too long or would go above the host's memory ceiling.
/// Bytes a list or tuple spends per item.
const VALUE_SIZE: usize = std::mem::size_of::<Value>();

fn repeat_len(len: usize, n: i64, item_size: usize) -> PyResult<usize> {
    let n = n.max(0) as usize;
    match len.checked_mul(n) {
        Some(total) if total <= crate::vm::collections::MAX_SEQUENCE_LEN => {
            crate::vm::limits::check_allocation(total.saturating_mul(item_size))?;
            Ok(n)
        }
        _ => Err(PyErr::new(ExcKind::MemoryError, "")),
    }
}

fn sequence_op(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    match op {
        Operator::Add => match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Some(Ok(Value::str(s)))
            }
            (Value::Str(_), other) => Some(Err(PyErr::type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                type_name(other)
            )))),
            (Value::List(x), Value::List(y)) => {
                let mut v = x.items.borrow().clone();
                v.extend(y.items.borrow().iter().cloned());
                Some(Ok(Value::list(v)))
            }
            (Value::List(_), other) => Some(Err(PyErr::type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                type_name(other)
            )))),
            (Value::Tuple(x), Value::Tuple(y)) => {
                let mut v = x.items.to_vec();
                v.extend(y.items.iter().cloned());
                Some(Ok(Value::tuple(v)))
            }
            (Value::Tuple(_), other) if !matches!(other, Value::Instance(_)) => {
                Some(Err(PyErr::type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    type_name(other)
                ))))
            }
            (Value::Bytes(x), Value::Bytes(y)) => {
                let mut v = x.data.clone();
                v.extend_from_slice(&y.data);
                Some(Ok(crate::vm::collections::new_bytes(v)))
            }
            _ => None,
        },
        Operator::Mult => {
            let (seq, n) = match (a, b) {
                (Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_), n) => (a, n),
                (n, Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)) => (b, n),
                _ => return None,
            };
            if matches!(n, Value::Instance(_)) {
                return None;
            }
            let count = match repeat_count(n) {
                Ok(c) => c,
                Err(e) => return Some(Err(e)),
            };
            Some((|| {
                Ok(match seq {
                    Value::Str(s) => {
                        Value::str(s.as_str().repeat(repeat_len(s.as_str().len(), count, 1)?))
                    }
                    Value::List(l) => {
                        let items = l.items.borrow();
                        let n = repeat_len(items.len(), count, VALUE_SIZE)?;
                        let mut v = Vec::with_capacity(items.len() * n);
                        for _ in 0..n {
                            v.extend(items.iter().cloned());
                        }
                        Value::list(v)
                    }
                    Value::Tuple(t) => {
                        let n = repeat_len(t.len(), count, VALUE_SIZE)?;
                        let mut v = Vec::with_capacity(t.len() * n);
                        for _ in 0..n {
                            v.extend(t.items.iter().cloned());
                        }
                        Value::tuple(v)
                    }
                    Value::Bytes(bs) => crate::vm::collections::new_bytes(
                        bs.data.repeat(repeat_len(bs.data.len(), count, 1)?),
                    ),
                    _ => unreachable!("matched sequence kinds above"),
                })
            })())
        }
        _ => None,
    }
}

/// A binary operator on built-in values; None when no built-in implementation applies.
pub fn binary_builtin(op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // bool's own `&`, `|` and `^` keep the result a bool.
    if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
        match op {
            Operator::BitAnd => return Some(Ok(Value::Bool(x & y))),
            Operator::BitOr => return Some(Ok(Value::Bool(x | y))),
            Operator::BitXor => return Some(Ok(Value::Bool(x ^ y))),
            _ => {}
        }
    }
    if let Some(r) = numeric_op(op, a, b) {
        return Some(r);
    }
    if let Some(r) = sequence_op(op, a, b) {
        return Some(r);
    }
    None
}

fn unsupported(op: &str, a: &Value, b: &Value) -> PyErr {
    PyErr::type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        type_name(a),
        type_name(b)
    ))
}

/// Folds a binary operator on constants at compile time (None if it would raise).
pub fn const_binary(op: Operator, a: &Value, b: &Value) -> Option<Value> {
    binary_builtin(op, a, b).and_then(|r| r.ok())
}

/// Folds a unary operator on a constant.
pub fn const_unary(op: UnaryOp, v: &Value) -> Option<Value> {
    if op == UnaryOp::Not {
        return const_truth(v).map(|t| Value::Bool(!t));
    }
    unary_builtin(op, v).and_then(|r| r.ok())
}

/// Truth of a constant, without running Python code.
pub fn const_truth(v: &Value) -> Option<bool> {
    Some(match v {
        Value::None => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(_) => true,
        Value::Float(f) => *f != 0.0,
        Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
        Value::Str(s) => !s.as_str().is_empty(),
        Value::Bytes(b) => !b.data.is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Set(s) => !s.is_empty(),
        Value::Ellipsis => true,
        Value::Code(_) => true,
        _ => return None,
    })
}

/// Folds `const[const]` for strings, tuples and bytes.
pub fn const_subscript(v: &Value, i: &Value) -> Option<Value> {
    crate::vm::collections::subscript_builtin(v, i).and_then(|r| r.ok())
}

/// A frozenset of hashable constants (compile time).
pub fn frozenset_of_constants(items: Vec<Value>) -> Value {
    use crate::objects::set::SetTable;
    let mut t = SetTable::default();
    for item in items {
        if let Ok(h) = crate::vm::hash::hash_builtin(&item) {
            let _ = t.add(item, h, &mut |a, b| {
                Ok(crate::vm::hash::eq_builtin(a, b).unwrap_or(false))
            });
        }
    }
    Value::Set(super::value::alloc(crate::objects::PySet::from_table(
        t, true,
    )))
}

/// Unary `-`, `+`, `~` on built-in numbers.
pub fn unary_builtin(op: UnaryOp, v: &Value) -> Option<PyResult<Value>> {
    let n = num(v)?;
    Some(Ok(match (op, n) {
        (UnaryOp::USub, Num::Int(i)) => match i.checked_neg() {
            Some(r) => Value::Int(r),
            None => Value::from_bigint(-BigInt::from(i)),
        },
        (UnaryOp::USub, Num::Big(b)) => Value::from_bigint(-(*b).clone()),
        (UnaryOp::USub, Num::Float(f)) => Value::Float(-f),
        (UnaryOp::USub, Num::Complex(re, im)) => Value::complex(-re, -im),
        (UnaryOp::UAdd, Num::Int(i)) => Value::Int(i),
        (UnaryOp::UAdd, Num::Big(b)) => Value::BigInt(b),
        (UnaryOp::UAdd, Num::Float(f)) => Value::Float(f),
        (UnaryOp::UAdd, Num::Complex(re, im)) => Value::complex(re, im),
        (UnaryOp::Invert, Num::Int(i)) => Value::Int(!i),
        (UnaryOp::Invert, Num::Big(b)) => Value::from_bigint(-(*b).clone() - 1),
        _ => return None,
    }))
}

// ---------------------------------------------------------------- comparison

/// Comparison operators as COMPARE_OP numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl Cmp {
    pub fn from_arg(arg: u32) -> Cmp {
        match arg {
            0 => Cmp::Lt,
            1 => Cmp::Le,
            2 => Cmp::Eq,
            3 => Cmp::Ne,
            4 => Cmp::Gt,
            _ => Cmp::Ge,
        }
    }

    pub fn symbol(self) -> &'static str {
        ["<", "<=", "==", "!=", ">", ">="][self as usize]
    }

    /// The operator with operands swapped (`a < b` is `b > a`).
    pub fn swapped(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Eq => Cmp::Eq,
            Cmp::Ne => Cmp::Ne,
            Cmp::Gt => Cmp::Lt,
            Cmp::Ge => Cmp::Le,
        }
    }

    pub fn dunder(self) -> &'static str {
        ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"][self as usize]
    }

    #[inline]
    pub fn apply(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Cmp::Lt => ord == Less,
            Cmp::Le => ord != Greater,
            Cmp::Eq => ord == Equal,
            Cmp::Ne => ord != Equal,
            Cmp::Gt => ord == Greater,
            Cmp::Ge => ord != Less,
        }
    }
}

/// Exact comparison of an integer with a float (no rounding of the integer).
fn cmp_int_float(i: &Num, f: f64) -> Option<std::cmp::Ordering> {
    use num_traits::FromPrimitive;
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Num::Int(x) = i {
        if x.unsigned_abs() <= 1 << 53 {
            return (*x as f64).partial_cmp(&f);
        }
    }
    // Compare with floor(f) exactly (an integral float converts to BigInt without rounding).
    let fl = f.floor();
    let fb = BigInt::from_f64(fl).unwrap_or_default();
    Some(match big(i).cmp(&fb) {
        Ordering::Equal if f > fl => Ordering::Less,
        o => o,
    })
}

fn num_compare(op: Cmp, a: &Num, b: &Num) -> Option<bool> {
    use std::cmp::Ordering;
    if is_complex_rank(a) || is_complex_rank(b) {
        if !matches!(op, Cmp::Eq | Cmp::Ne) {
            return None;
        }
        let eq = match (a, b) {
            (Num::Complex(ar, ai), Num::Complex(br, bi)) => ar == br && ai == bi,
            (Num::Complex(ar, ai), other) | (other, Num::Complex(ar, ai)) => {
                *ai == 0.0
                    && match other {
                        Num::Float(f) => ar == f,
                        i => cmp_int_float(i, *ar) == Some(Ordering::Equal),
                    }
            }
            _ => false,
        };
        return Some(if op == Cmp::Eq { eq } else { !eq });
    }
    let ord: Option<Ordering> = match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Float(x), i) => cmp_int_float(i, *x).map(Ordering::reverse),
        (i, Num::Float(y)) => cmp_int_float(i, *y),
        (x, y) => Some(big(x).cmp(&big(y))),
    };
    Some(match ord {
        Some(o) => op.apply(o),
        None => op == Cmp::Ne,
    })
}

/// Comparison of built-in scalars and strings; containers need the VM (their items may be
/// instances). None when the built-in types cannot compare these operands.
#[inline]
pub fn compare_builtin(op: Cmp, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return Some(op.apply(x.cmp(y))),
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() <= 1 << 53 => {
            return Some(match x.partial_cmp(&(*y as f64)) {
                Some(o) => op.apply(o),
                None => op == Cmp::Ne,
            })
        }
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() <= 1 << 53 => {
            return Some(match (*x as f64).partial_cmp(y) {
                Some(o) => op.apply(o),
                None => op == Cmp::Ne,
            })
        }
        (Value::Float(x), Value::Float(y)) => {
            return Some(match x.partial_cmp(y) {
                Some(o) => op.apply(o),
                None => op == Cmp::Ne,
            })
        }
        (Value::Str(x), Value::Str(y)) => {
            if Rc::ptr_eq(x, y) {
                return Some(op.apply(std::cmp::Ordering::Equal));
            }
            return Some(op.apply(x.as_str().cmp(y.as_str())));
        }
        (Value::Bytes(x), Value::Bytes(y)) => return Some(op.apply(x.data.cmp(&y.data))),
        (Value::None, Value::None) if matches!(op, Cmp::Eq | Cmp::Ne) => {
            return Some(op == Cmp::Eq)
        }
        _ => {}
    }
    if matches!(a, Value::Instance(_)) || matches!(b, Value::Instance(_)) {
        return None;
    }
    if let (Some(x), Some(y)) = (num(a), num(b)) {
        return num_compare(op, &x, &y);
    }
    None
}

impl Vm {
    /// `a <op> b` for BINARY_OP (arg < 13) and the in-place forms (arg >= 13).
    pub fn binary_op(&mut self, arg: u32, a: &Value, b: &Value) -> PyResult<Value> {
        let inplace = arg >= crate::bytecode::opcodes::NB_INPLACE_OFFSET;
        let op = Operator::from_index((arg % crate::bytecode::opcodes::NB_INPLACE_OFFSET) as usize)
            .unwrap_or(Operator::Add);
        if inplace {
            if let Some(r) = self.inplace_builtin(op, a, b) {
                return r;
            }
        }
        let sym = match (inplace, op) {
            (true, _) => format!("{}=", op.symbol()),
            (false, Operator::Pow) => "** or pow()".to_string(),
            (false, _) => op.symbol().to_string(),
        };
        if !matches!(a, Value::Instance(_) | Value::Native(_))
            && !matches!(b, Value::Instance(_) | Value::Native(_))
        {
            if let Some(r) = binary_builtin(op, a, b) {
                return r;
            }
            if op == Operator::Mod {
                if let Value::Str(fmt) = a {
                    return crate::builtins::format::percent_format(self, fmt.as_str(), b)
                        .map(Value::str);
                }
            }
            if op == Operator::BitOr
                || op == Operator::BitAnd
                || op == Operator::Sub
                || op == Operator::BitXor
            {
                if let Some(r) = crate::builtins::set::set_operator(self, op, a, b) {
                    return r;
                }
                if let Some(r) = crate::builtins::dict::dict_operator(self, op, a, b) {
                    return r;
                }
            }
            return Err(unsupported(&sym, a, b));
        }
        let names = dunder_names(op);
        if inplace {
            if let Some(r) =
                self.call_dunder_opt(a, &format!("__i{}", &names.0[2..]), std::slice::from_ref(b))?
            {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Instances of built-in subclasses (a namedtuple) fall back to their payload's operator.
        self.binary_dunder(a, b, names.0, names.1, &sym, || {
            binary_builtin(op, &payload_or_self(a), &payload_or_self(b))
        })
    }

    /// In-place operators that mutate built-in containers (`list += iterable`, `list *= n`).
    fn inplace_builtin(&mut self, op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
        match (op, a) {
            (Operator::Add, Value::List(l)) => {
                let items = match self.collect(b) {
                    Ok(v) => v,
                    Err(e) => return Some(Err(e)),
                };
                l.extend(items, matches!(b, Value::List(_) | Value::Tuple(_)));
                Some(Ok(a.clone()))
            }
            (Operator::Mult, Value::List(l)) => {
                let n = match repeat_count(b) {
                    Ok(n) => n,
                    Err(e) => return Some(Err(e)),
                };
                let mut items = l.items.borrow_mut();
                let copy = items.clone();
                match repeat_len(copy.len(), n, VALUE_SIZE) {
                    Ok(0) => items.clear(),
                    Ok(n) => {
                        for _ in 1..n {
                            items.extend(copy.iter().cloned());
                        }
                    }
                    Err(e) => return Some(Err(e)),
                }
                Some(Ok(a.clone()))
            }
            (
                Operator::BitOr | Operator::BitAnd | Operator::Sub | Operator::BitXor,
                Value::Set(_),
            ) => crate::builtins::set::set_inplace(self, op, a, b),
            (Operator::BitOr, Value::Dict(_)) => crate::builtins::dict::dict_inplace_or(self, a, b),
            _ => None,
        }
    }

    /// Binary dispatch through `__op__` / `__rop__` (the right operand's reflected method first
    /// when its type is a proper subclass of the left's), then built-in behaviour, then TypeError.
    pub fn binary_dunder(
        &mut self,
        a: &Value,
        b: &Value,
        name: &str,
        rname: &str,
        symbol: &str,
        builtin: impl FnOnce() -> Option<PyResult<Value>>,
    ) -> PyResult<Value> {
        let ta = super::types::type_of(a);
        let tb = super::types::type_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let b_first = !same && tb.is_subtype(&ta) && self.class_defines(&tb, rname);
        if b_first {
            if let Some(r) = self.call_dunder_opt(b, rname, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder_opt(a, name, std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !same && !b_first {
            if let Some(r) = self.call_dunder_opt(b, rname, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = builtin() {
            return r;
        }
        Err(unsupported(symbol, a, b))
    }

    /// `-v`, `+v`, `~v`, `not v`.
    pub fn unary_op(&mut self, op: UnaryOp, v: &Value) -> PyResult<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(v)?));
        }
        if let Value::Instance(_) | Value::Native(_) = v {
            let name = match op {
                UnaryOp::USub => "__neg__",
                UnaryOp::UAdd => "__pos__",
                _ => "__invert__",
            };
            if let Some(r) = self.call_dunder_opt(v, name, &[])? {
                return Ok(r);
            }
        }
        if let Some(r) = unary_builtin(op, v) {
            return r;
        }
        let sym = match op {
            UnaryOp::USub => "-",
            UnaryOp::UAdd => "+",
            _ => "~",
        };
        Err(PyErr::type_error(format!(
            "bad operand type for unary {sym}: '{}'",
            type_name(v)
        )))
    }

    /// Truth value (`bool(v)`), calling `__bool__` or `__len__` for instances.
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::None => false,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::List(l) => !l.is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::BigInt(_) => true,
            Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
            Value::Bytes(b) => !b.data.is_empty(),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) = self.call_dunder_opt(v, "__bool__", &[])? {
                    return match r {
                        Value::Bool(b) => Ok(b),
                        other => Err(PyErr::type_error(format!(
                            "__bool__ should return bool, returned {}",
                            type_name(&other)
                        ))),
                    };
                }
                if let Some(r) = self.call_dunder_opt(v, "__len__", &[])? {
                    return Ok(self.index_value(&r)? != 0);
                }
                if let Value::Instance(i) = v {
                    let p = i.payload.borrow().clone();
                    if !p.is_null() {
                        return self.truthy(&p);
                    }
                }
                true
            }
            _ => true,
        })
    }

    /// Rich comparison `a <op> b`, returning whatever `__lt__` and friends return.
    pub fn compare(&mut self, op: Cmp, a: &Value, b: &Value) -> PyResult<Value> {
        if let Some(r) = compare_builtin(op, a, b) {
            return Ok(Value::Bool(r));
        }
        if let Some(r) = self.compare_containers(op, a, b)? {
            return Ok(Value::Bool(r));
        }
        let (ta, tb) = (super::types::type_of(a), super::types::type_of(b));
        let reflected = op.swapped().dunder();
        let b_first =
            !Rc::ptr_eq(&ta, &tb) && tb.is_subtype(&ta) && self.class_defines(&tb, reflected);
        if b_first {
            if let Some(r) = self.call_dunder_opt(b, reflected, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        if let Some(r) = self.call_dunder_opt(a, op.dunder(), std::slice::from_ref(b))? {
            if !matches!(r, Value::NotImplemented) {
                return Ok(r);
            }
        }
        if !b_first {
            if let Some(r) = self.call_dunder_opt(b, reflected, std::slice::from_ref(a))? {
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        // Payloads of builtin subclasses compare as the builtin does.
        let (pa, pb) = (payload_or_self(a), payload_or_self(b));
        if !pa.is(a) || !pb.is(b) {
            if let Some(r) = compare_builtin(op, &pa, &pb) {
                return Ok(Value::Bool(r));
            }
            if let Some(r) = self.compare_containers(op, &pa, &pb)? {
                return Ok(Value::Bool(r));
            }
        }
        match op {
            Cmp::Eq => Ok(Value::Bool(a.is(b))),
            Cmp::Ne => Ok(Value::Bool(!a.is(b))),
            _ => Err(PyErr::type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                op.symbol(),
                type_name(a),
                type_name(b)
            ))),
        }
    }

    /// `a == b` as a bool.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        // Identity first, as PyObject_RichCompareBool (see `hash::eq_builtin`).
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = compare_builtin(Cmp::Eq, a, b) {
            return Ok(r);
        }
        let r = self.compare(Cmp::Eq, a, b)?;
        self.truthy(&r)
    }

    /// `a < b` as a bool (sorting, min, max).
    pub fn lt(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if let Some(r) = compare_builtin(Cmp::Lt, a, b) {
            return Ok(r);
        }
        let r = self.compare(Cmp::Lt, a, b)?;
        self.truthy(&r)
    }

    /// Lexicographic comparison of lists and tuples, dict/set equality.
    pub(crate) fn compare_containers(
        &mut self,
        op: Cmp,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        let nested = |v: &Value| matches!(v, Value::List(_) | Value::Tuple(_) | Value::Dict(_));
        if !(nested(a) && nested(b)) {
            return self.compare_items(op, a, b);
        }
        self.enter_recursion(" in comparison")?;
        let r = self.compare_items(op, a, b);
        self.leave_recursion();
        r
    }

    fn compare_items(&mut self, op: Cmp, a: &Value, b: &Value) -> PyResult<Option<bool>> {
        let (x, y) = match (a, b) {
            (Value::List(x), Value::List(y)) => (x.snapshot(), y.snapshot()),
            (Value::Tuple(x), Value::Tuple(y)) => (x.items.to_vec(), y.items.to_vec()),
            (Value::Dict(_), Value::Dict(_)) if matches!(op, Cmp::Eq | Cmp::Ne) => {
                let eq = crate::builtins::dict::dict_eq(self, a, b)?;
                return Ok(Some(eq == (op == Cmp::Eq)));
            }
            (Value::Set(_), Value::Set(_)) => {
                return crate::builtins::set::set_compare(self, op, a, b).map(Some)
            }
            (Value::Range(x), Value::Range(y)) if matches!(op, Cmp::Eq | Cmp::Ne) => {
                // CPython's range_equals: equal as sequences, whatever the stop values.
                use crate::objects::int::big;
                let (lx, ly) = (x.big_len(), y.big_len());
                let eq = lx == ly
                    && (lx.is_zero()
                        || (big(&x.start) == big(&y.start)
                            && (lx == BigInt::from(1) || big(&x.step) == big(&y.step))));
                return Ok(Some(eq == (op == Cmp::Eq)));
            }
            _ => return Ok(None),
        };
        if matches!(op, Cmp::Eq | Cmp::Ne) && x.len() != y.len() {
            return Ok(Some(op == Cmp::Ne));
        }
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return Ok(Some(match op {
                    Cmp::Eq => false,
                    Cmp::Ne => true,
                    _ => {
                        let r = self.compare(op, p, q)?;
                        self.truthy(&r)?
                    }
                }));
            }
        }
        Ok(Some(op.apply(x.len().cmp(&y.len()))))
    }
}

/// For an instance of a builtin subclass, its builtin payload; otherwise the value itself.
pub fn payload_or_self(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        let p = i.payload.borrow();
        if !p.is_null() {
            return p.clone();
        }
    }
    v.clone()
}

/// (`__op__`, `__rop__`) for a binary operator.
pub fn dunder_names(op: Operator) -> (&'static str, &'static str) {
    match op {
        Operator::Add => ("__add__", "__radd__"),
        Operator::Sub => ("__sub__", "__rsub__"),
        Operator::Mult => ("__mul__", "__rmul__"),
        Operator::MatMult => ("__matmul__", "__rmatmul__"),
        Operator::Div => ("__truediv__", "__rtruediv__"),
        Operator::FloorDiv => ("__floordiv__", "__rfloordiv__"),
        Operator::Mod => ("__mod__", "__rmod__"),
        Operator::Pow => ("__pow__", "__rpow__"),
        Operator::LShift => ("__lshift__", "__rlshift__"),
        Operator::RShift => ("__rshift__", "__rrshift__"),
        Operator::BitAnd => ("__and__", "__rand__"),
        Operator::BitOr => ("__or__", "__ror__"),
        Operator::BitXor => ("__xor__", "__rxor__"),
    }
}

/// Makes a complex value from a pair.
pub fn complex_value(c: Complex) -> Value {
    Value::complex(c.re, c.im)
}
