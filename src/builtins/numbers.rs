//! int, bool, float and complex: constructors (with CPython's parsing and messages), methods,
//! exact `round()`, three-argument `pow()`, and int-to-text conversion with CPython's digit limit.

use super::{add_methods, no_args, one_arg, parse_args, receiver};
use crate::objects::float::{float_repr, parse_float};
use crate::objects::int::parse_int;
use crate::objects::Args;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{FromPrimitive, One, Signed, ToPrimitive, Zero};
use std::cell::Cell;

thread_local! {
    /// `sys.set_int_max_str_digits`: the largest int converted to or from decimal text.
    pub static INT_MAX_STR_DIGITS: Cell<usize> = const { Cell::new(4300) };
}

/// The current `sys.set_int_max_str_digits` limit (0: none).
pub(crate) fn digit_limit() -> usize {
    INT_MAX_STR_DIGITS.with(|c| c.get())
}

/// Decimal text of a big int, refusing (as CPython does) beyond the configured digit limit.
pub fn bigint_to_string(b: &BigInt) -> PyResult<String> {
    let limit = digit_limit();
    // Cheap bound first: bits * log10(2) digits.
    if limit > 0 && (b.bits() as f64) * std::f64::consts::LOG10_2 > limit as f64 + 1.0 {
        return Err(too_many_digits(None));
    }
    let s = b.to_string();
    let digits = s.trim_start_matches('-').len();
    if limit > 0 && digits > limit {
        return Err(too_many_digits(None));
    }
    Ok(s)
}

fn too_many_digits(have: Option<usize>) -> PyErr {
    let limit = digit_limit();
    match have {
        Some(n) => PyErr::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
        )),
        None => PyErr::value_error(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
        )),
    }
}

/// An integral float as an int (exact).
pub fn float_to_int(x: f64) -> Value {
    if x.abs() < 9.2e18 {
        Value::Int(x as i64)
    } else {
        Value::from_bigint(BigInt::from_f64(x).unwrap_or_default())
    }
}

/// A number as a float, as mixed arithmetic converts it.
pub fn to_f64(v: &Value) -> PyResult<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::objects::int::big_to_f64(b)
            .ok_or_else(|| PyErr::overflow("int too large to convert to float")),
        Value::Float(f) => Ok(*f),
        Value::Instance(i) => to_f64(&i.payload.borrow()),
        other => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            type_name(other)
        ))),
    }
}

/// Exact `round(x, n)` for floats: rounds the float's exact binary value half to even at `n`
/// decimal places, then converts back correctly rounded (CPython's double_round).
pub fn round_float(x: f64, n: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if n > 323 {
        return x;
    }
    if n < -308 {
        return 0.0f64.copysign(x);
    }
    if n >= 0 {
        let s = format!("{:.*}", n as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if r.is_infinite() {
            return x;
        }
        return if r == 0.0 { 0.0f64.copysign(x) } else { r };
    }
    // n < 0: exact rational arithmetic on x = m * 2^e.
    let (m, e) = decompose(x);
    let pow10 = num_traits::pow(BigInt::from(10), (-n) as usize);
    let (num, den) = if e >= 0 {
        (m << e as usize, pow10.clone())
    } else {
        (m, pow10.clone() << (-e) as usize)
    };
    let (q, r) = num.div_mod_floor(&den);
    let twice = &r * 2;
    let q = if twice > den || (twice == den && q.is_odd()) {
        q + 1
    } else {
        q
    };
    let result = (q * pow10).to_f64().unwrap_or(f64::INFINITY);
    if result == 0.0 {
        0.0f64.copysign(x)
    } else {
        result
    }
}

/// x = m * 2^e exactly, with m an integer.
fn decompose(x: f64) -> (BigInt, i64) {
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { -1 } else { 1 };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (m, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1 << 52), exp - 1075)
    };
    (BigInt::from(m) * sign, e)
}

/// `round(int, n)` with n < 0: half to even at 10^-n.
pub fn round_int(v: &Value, n: i64) -> Value {
    let x = match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        _ => BigInt::zero(),
    };
    if n >= 0 {
        return Value::from_bigint(x);
    }
    let pow10 = num_traits::pow(BigInt::from(10), (-n).min(10_000) as usize);
    let (q, r) = x.div_mod_floor(&pow10);
    let twice = &r * 2;
    let q = if twice > pow10 || (twice == pow10 && q.is_odd()) {
        q + 1
    } else {
        q
    };
    Value::from_bigint(q * pow10)
}

fn as_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    Ok(match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        other => BigInt::from(vm.index_value(other)?),
    })
}

/// Three-argument `pow(base, exp, mod)`.
pub fn modular_pow(vm: &mut Vm, base: &Value, exp: &Value, m: &Value) -> PyResult<Value> {
    let all_int = |v: &Value| matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_));
    if !(all_int(base) && all_int(exp) && all_int(m)) {
        if let Value::Instance(_) = base {
            if let Some(r) = vm.call_dunder_opt(base, "__pow__", &[exp.clone(), m.clone()])? {
                return Ok(r);
            }
        }
        // CPython's ternary_op: each distinct operand type's nb_power is tried in turn; int's
        // declines, float's refuses any modulus, complex's one once it accepts base and exponent.
        let number = |v: &Value| all_int(v) || matches!(v, Value::Float(_) | Value::Complex(_));
        let mut seen: Vec<String> = Vec::new();
        for v in [base, exp, m] {
            let name = type_name(v);
            if seen.contains(&name) {
                continue;
            }
            seen.push(name);
            match v {
                Value::Float(_) => {
                    return Err(PyErr::type_error(
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    ))
                }
                Value::Complex(_) if number(base) && number(exp) => {
                    return Err(PyErr::value_error("complex modulo"))
                }
                _ => {}
            }
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            type_name(base),
            type_name(exp),
            type_name(m)
        )));
    }
    let (b, e, m) = (as_bigint(vm, base)?, as_bigint(vm, exp)?, as_bigint(vm, m)?);
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    let mut b = b.mod_floor(&modulus);
    let mut e = e;
    if e.is_negative() {
        b = mod_inverse(&b, &modulus)
            .ok_or_else(|| PyErr::value_error("base is not invertible for the given modulus"))?;
        e = -e;
    }
    let mut r = b.modpow(&e, &modulus);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(Value::from_bigint(r))
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let g = a.extended_gcd(m);
    if !g.gcd.is_one() {
        return None;
    }
    Some(g.x.mod_floor(m))
}

// ---------------------------------------------------------------- constructors

pub fn int_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::parse_args_posonly("int", &args, &["x", "base"], 1, 0)?;
    let x = a[0].clone();
    let base = a[1].clone();
    match (x, base) {
        (None, None) => Ok(Value::Int(0)),
        (None, Some(_)) => Err(PyErr::type_error("int() missing string argument")),
        (Some(x), None) => int_from_value(vm, &x),
        (Some(x), Some(b)) => {
            let base = vm.index_value(&b)?;
            if base != 0 && !(2..=36).contains(&base) {
                return Err(PyErr::value_error(
                    "int() base must be >= 2 and <= 36, or 0",
                ));
            }
            let text = match &x {
                Value::Str(s) => s.as_str().to_string(),
                Value::Bytes(b) => String::from_utf8_lossy(&b.data).to_string(),
                Value::Instance(i) if matches!(&*i.payload.borrow(), Value::Str(_)) => {
                    vm.str(&i.payload.borrow().clone())?
                }
                _ => {
                    return Err(PyErr::type_error(
                        "int() can't convert non-string with explicit base",
                    ))
                }
            };
            int_from_str(&text, base as u32, &x, vm)
        }
    }
}

fn int_from_str(text: &str, base: u32, original: &Value, vm: &mut Vm) -> PyResult<Value> {
    let text = &*crate::objects::unicode::to_ascii_digits(text);
    let digits = text
        .trim()
        .trim_start_matches(['+', '-'])
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .count();
    if base == 10 && digit_limit() > 0 && digits > digit_limit() {
        return Err(too_many_digits(Some(digits)));
    }
    match parse_int(text, base) {
        Some(b) => Ok(Value::from_bigint(b)),
        None => {
            let shown = match original {
                Value::Bytes(b) => crate::vm::repr::bytes_repr(&b.data),
                other => vm.repr(other)?,
            };
            Err(PyErr::value_error(format!(
                "invalid literal for int() with base {base}: {shown}"
            )))
        }
    }
}

/// `int(x)` for one argument.
pub fn int_from_value(vm: &mut Vm, x: &Value) -> PyResult<Value> {
    match x {
        Value::Int(_) | Value::BigInt(_) => Ok(x.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::functions::trunc_float(*f),
        Value::Str(s) => int_from_str(s.as_str(), 10, x, vm),
        Value::Bytes(b) => int_from_str(&String::from_utf8_lossy(&b.data), 10, x, vm),
        Value::Instance(_) | Value::Native(_) => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(r) = vm.call_dunder_opt(x, name, &[])? {
                    return match r {
                        Value::Int(_) | Value::BigInt(_) => Ok(r),
                        Value::Bool(b) => Ok(Value::Int(b as i64)),
                        other => Err(PyErr::type_error(format!(
                            "{name} returned non-int (type {})",
                            type_name(&other)
                        ))),
                    };
                }
            }
            let p = crate::vm::ops::payload_or_self(x);
            if !p.is(x) {
                return int_from_value(vm, &p);
            }
            Err(PyErr::type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                type_name(x)
            )))
        }
        other => Err(PyErr::type_error(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            type_name(other)
        ))),
    }
}

pub fn bool_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_kwargs("bool", &args)?;
    let p = super::check_positional("bool", &args, 0, 1)?;
    match p.first() {
        None => Ok(Value::Bool(false)),
        Some(v) => Ok(Value::Bool(vm.truthy(v)?)),
    }
}

pub fn float_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_kwargs("float", &args)?;
    let p = super::check_positional("float", &args, 0, 1)?;
    match p.first() {
        None => Ok(Value::Float(0.0)),
        Some(v) => float_from_value(vm, v),
    }
}

pub fn float_from_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    match v {
        Value::Float(_) => Ok(v.clone()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(Value::Float(to_f64(v)?)),
        Value::Str(s) => parse_float(&crate::objects::unicode::to_ascii_digits(s.as_str()))
            .map(Value::Float)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    crate::vm::repr::str_repr(s.as_str())
                ))
            }),
        Value::Bytes(b) => parse_float(&String::from_utf8_lossy(&b.data))
            .map(Value::Float)
            .ok_or_else(|| {
                PyErr::value_error(format!(
                    "could not convert string to float: {}",
                    crate::vm::repr::bytes_repr(&b.data)
                ))
            }),
        Value::Instance(_) | Value::Native(_) => {
            if let Some(r) = vm.call_dunder_opt(v, "__float__", &[])? {
                return match r {
                    Value::Float(_) => Ok(r),
                    other => Err(PyErr::type_error(format!(
                        "{}.__float__ returned non-float (type {})",
                        type_name(v),
                        type_name(&other)
                    ))),
                };
            }
            if let Some(r) = vm.call_dunder_opt(v, "__index__", &[])? {
                return Ok(Value::Float(to_f64(&r)?));
            }
            let p = crate::vm::ops::payload_or_self(v);
            if !p.is(v) {
                return float_from_value(vm, &p);
            }
            Err(PyErr::type_error(format!(
                "float() argument must be a string or a real number, not '{}'",
                type_name(v)
            )))
        }
        other => Err(PyErr::type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            type_name(other)
        ))),
    }
}

/// `PyNumber_Check`: ints, floats, complexes and objects with `__index__`, `__int__` or
/// `__float__` (but not a bare `__complex__`).
fn is_number(v: &Value) -> bool {
    match crate::vm::ops::payload_or_self(v) {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_) => {
            true
        }
        Value::Instance(_) | Value::Native(_) => {
            let t = crate::vm::types::type_of(v);
            ["__index__", "__int__", "__float__"]
                .iter()
                .any(|n| t.lookup(n).is_some())
        }
        _ => false,
    }
}

/// CPython's `complex_new_impl`: a string is parsed; otherwise `__complex__` is tried on the first
/// argument, and each part contributes `real + imag*1j`, complex parts included.
pub fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // `complex(x, y)` from two plain floats or ints, as the julia grid builds a million of them.
    if !args.has_kwargs() {
        let plain = |v: &Value| match v {
            Value::Float(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        };
        if let [re, im] = args.positional() {
            if let (Some(re), Some(im)) = (plain(re), plain(im)) {
                return Ok(Value::complex(re, im));
            }
        }
    }
    let a = parse_args("complex", &args, &["real", "imag"], 0)?;
    let real = a[0].clone().unwrap_or(Value::Int(0));
    let imag = a[1].clone();
    if let Value::Complex(_) = real {
        if imag.is_none() {
            return Ok(real);
        }
    }
    if let Value::Str(s) = &real {
        if imag.is_some() {
            return Err(PyErr::type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        return parse_complex(&crate::objects::unicode::to_ascii_digits(s.as_str()))
            .map(|(re, im)| Value::complex(re, im))
            .ok_or_else(|| PyErr::value_error("complex() arg is a malformed string"));
    }
    if let Some(Value::Str(_)) = &imag {
        return Err(PyErr::type_error("complex() second arg can't be a string"));
    }
    let real = match vm.call_dunder_opt(&real, "__complex__", &[])? {
        Some(c @ Value::Complex(_)) => c,
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "__complex__ returned non-complex (type {})",
                type_name(&other)
            )))
        }
        None => real,
    };
    if !is_number(&real) {
        return Err(PyErr::type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            type_name(&real)
        )));
    }
    if let Some(i) = &imag {
        if !is_number(i) {
            return Err(PyErr::type_error(format!(
                "complex() second argument must be a number, not '{}'",
                type_name(i)
            )));
        }
    }
    // Signed zeros survive because only a complex part contributes its imaginary component
    // (complex(1.0, -0.0) is (1-0j)).
    let (mut re, cr_imag, real_complex) = match crate::vm::ops::payload_or_self(&real) {
        Value::Complex(c) => (c.re, c.im, true),
        _ => (to_f64(&float_from_value(vm, &real)?)?, 0.0, false),
    };
    let mut im = match &imag {
        None => return Ok(Value::complex(re, cr_imag)),
        Some(i) => match crate::vm::ops::payload_or_self(i) {
            Value::Complex(c) => {
                re -= c.im;
                c.re
            }
            _ => to_f64(&float_from_value(vm, i)?)?,
        },
    };
    if real_complex {
        im += cr_imag;
    }
    Ok(Value::complex(re, im))
}

/// Parses `complex()`'s string forms: "1", "2j", "1+2j", "(1-2j)", " -1.5e3+4J ".
pub fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let mut t = s.trim();
    if t.starts_with('(') && t.ends_with(')') {
        t = t[1..t.len() - 1].trim();
    }
    if t.is_empty() {
        return None;
    }
    let lower = t.to_ascii_lowercase();
    if let Some(body) = lower.strip_suffix('j') {
        // Find the split between real and imaginary parts: a sign not after an 'e'.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && bytes[i - 1] != b'e' {
                split = Some(i);
                break;
            }
        }
        let imag_part = |p: &str| -> Option<f64> {
            match p {
                "" | "+" => Some(1.0),
                "-" => Some(-1.0),
                other => {
                    if other.contains(char::is_whitespace) {
                        return None;
                    }
                    parse_float(other)
                }
            }
        };
        match split {
            Some(i) => {
                let re_s = &body[..i];
                if re_s.contains(char::is_whitespace) {
                    return None;
                }
                Some((parse_float(re_s)?, imag_part(&body[i..])?))
            }
            None => Some((0.0, imag_part(body)?)),
        }
    } else {
        if t.contains(char::is_whitespace) {
            return None;
        }
        Some((parse_float(t)?, 0.0))
    }
}

// ---------------------------------------------------------------- methods

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.int,
        &[
            ("bit_length", int_bit_length),
            ("bit_count", int_bit_count),
            ("conjugate", int_conjugate),
            ("as_integer_ratio", int_as_integer_ratio),
            ("__index__", int_conjugate),
            ("__int__", int_conjugate),
            ("__float__", int_float),
            ("__repr__", num_repr),
            ("__str__", num_repr),
        ],
    );
    add_methods(
        &t.float,
        &[
            ("is_integer", float_is_integer),
            ("as_integer_ratio", float_as_integer_ratio),
            ("conjugate", float_conjugate),
            ("hex", float_hex),
            ("__float__", float_conjugate),
            ("__int__", float_int),
            ("__trunc__", float_int),
            ("__round__", float_round),
            ("__repr__", num_repr),
            ("__str__", num_repr),
        ],
    );
    super::add_descriptors(&t.float, &t.object, true, &[("fromhex", float_fromhex)]);
    add_methods(
        &t.complex,
        &[
            ("conjugate", complex_conjugate),
            ("__repr__", num_repr),
            ("__str__", num_repr),
        ],
    );
}

fn num_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = receiver(&args);
    Ok(Value::str(vm.repr(&v)?))
}

/// A METH_NOARGS method: `int.bit_length() takes no arguments (1 given)`.
fn method_noargs(qual: &str, args: &Args) -> PyResult<()> {
    no_args(
        qual,
        &Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames),
    )
}

fn int_self(vm: &mut Vm, args: &Args) -> PyResult<BigInt> {
    let v = receiver(args);
    as_bigint(vm, &v)
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("int.bit_length", &args)?;
    Ok(Value::Int(int_self(vm, &args)?.bits() as i64))
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("int.bit_count", &args)?;
    let b = int_self(vm, &args)?;
    Ok(Value::Int(b.magnitude().count_ones() as i64))
}

fn int_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("int.conjugate", &args)?;
    Ok(Value::from_bigint(int_self(vm, &args)?))
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = receiver(&args);
    let _ = vm;
    Ok(Value::Float(to_f64(&v)?))
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("int.as_integer_ratio", &args)?;
    Ok(Value::tuple(vec![
        Value::from_bigint(int_self(vm, &args)?),
        Value::Int(1),
    ]))
}

fn float_self(args: &Args) -> f64 {
    match receiver(args) {
        Value::Float(f) => f,
        _ => 0.0,
    }
}

fn float_is_integer(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("float.is_integer", &args)?;
    let x = float_self(&args);
    Ok(Value::Bool(x.is_finite() && x == x.trunc()))
}

fn float_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("float.conjugate", &args)?;
    Ok(Value::Float(float_self(&args)))
}

fn float_int(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::functions::trunc_float(float_self(&args))
}

fn float_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_self(&args);
    match args.args.get(1) {
        None | Some(Value::None) => {
            if x.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(PyErr::overflow("cannot convert float infinity to integer"));
            }
            Ok(float_to_int(x.round_ties_even()))
        }
        Some(n) => {
            let n = vm.index_value(n)?;
            Ok(Value::Float(round_float(x, n)))
        }
    }
}

fn float_as_integer_ratio(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("float.as_integer_ratio", &args)?;
    let x = float_self(&args);
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert Infinity to integer ratio"));
    }
    let (m, e) = decompose(x);
    let (mut num, mut den) = if e >= 0 {
        (m << e as usize, BigInt::one())
    } else {
        (m, BigInt::one() << (-e) as usize)
    };
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    Ok(Value::tuple(vec![
        Value::from_bigint(num),
        Value::from_bigint(den),
    ]))
}

/// `float.hex()`: `0x1.8000000000000p+0`.
fn float_hex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("float.hex", &args)?;
    let x = float_self(&args);
    if x.is_nan() {
        return Ok(Value::str("nan"));
    }
    if x.is_infinite() {
        return Ok(Value::str(if x > 0.0 { "inf" } else { "-inf" }));
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return Ok(Value::str(format!("{sign}0x0.0p+0")));
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    Ok(Value::str(format!(
        "{sign}0x{lead}.{frac:013x}p{}{}",
        if e >= 0 { "+" } else { "-" },
        e.abs()
    )))
}

/// `float.fromhex(string)` (a classmethod: args are the class and the string).
fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use crate::objects::float::{parse_hex_float, HexFloatError};
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    let text = match one_arg("float.fromhex", &rest)? {
        Value::Str(s) => s.clone(),
        _ => {
            return Err(PyErr::type_error(
                "bad argument type for built-in operation",
            ))
        }
    };
    let x = match parse_hex_float(text.as_str()) {
        Ok(x) => x,
        Err(HexFloatError::Invalid) => {
            return Err(PyErr::value_error(
                "invalid hexadecimal floating-point string",
            ))
        }
        Err(HexFloatError::TooLarge) => {
            return Err(PyErr::new(
                ExcKind::OverflowError,
                "hexadecimal value too large to represent as a float",
            ))
        }
    };
    match &cls {
        Value::Type(t) if !t.builtin => vm.call(&cls, &[Value::Float(x)], &[]),
        _ => Ok(Value::Float(x)),
    }
}

fn complex_conjugate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    method_noargs("complex.conjugate", &args)?;
    match receiver(&args) {
        Value::Complex(c) => Ok(Value::complex(c.re, -c.im)),
        _ => Err(PyErr::type_error(
            "descriptor 'conjugate' requires a 'complex' object",
        )),
    }
}

/// Used by `str()` of numbers in formatting code paths.
pub fn number_str(v: &Value) -> Option<String> {
    match v {
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(float_repr(*f)),
        _ => None,
    }
}

/// Big-int sign helper for the format module.
pub fn sign_of(b: &BigInt) -> Sign {
    b.sign()
}

/// `one_arg` re-export for sibling modules' convenience.
#[allow(dead_code)]
pub(crate) fn single<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    one_arg(name, args)
}

/// `byteorder` of `int.to_bytes` / `int.from_bytes`: true for big-endian.
fn big_endian(vm: &mut Vm, v: &Option<Value>) -> PyResult<bool> {
    let Some(v) = v else { return Ok(true) };
    let Value::Str(s) = v else {
        return Err(PyErr::type_error(format!(
            "to_bytes() argument 'byteorder' must be str, not {}",
            type_name(v)
        )));
    };
    let _ = vm;
    match s.as_str() {
        "big" => Ok(true),
        "little" => Ok(false),
        _ => Err(PyErr::value_error(
            "byteorder must be either 'little' or 'big'",
        )),
    }
}

/// `int.to_bytes(length=1, byteorder='big', *, signed=False)`.
fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_self(vm, &args)?;
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    let a = parse_args("to_bytes", &rest, &["length", "byteorder", "signed"], 0)?;
    let length = match &a[0] {
        Some(v) => vm.index_value(v)?,
        None => 1,
    };
    if length < 0 {
        return Err(PyErr::value_error("length argument must be non-negative"));
    }
    let big = big_endian(vm, &a[1])?;
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if !signed && n.is_negative() {
        return Err(PyErr::overflow("can't convert negative int to unsigned"));
    }
    let mut bytes = if n.is_zero() {
        Vec::new()
    } else if signed {
        n.to_signed_bytes_be()
    } else {
        n.to_bytes_be().1
    };
    if bytes.len() > length as usize {
        return Err(PyErr::overflow("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    let mut out = vec![fill; length as usize - bytes.len()];
    out.append(&mut bytes);
    if !big {
        out.reverse();
    }
    Ok(crate::vm::collections::new_bytes(out))
}

/// `int.from_bytes(bytes, byteorder='big', *, signed=False)` (a class method).
fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    let a = parse_args("from_bytes", &rest, &["bytes", "byteorder", "signed"], 1)?;
    let src = a[0].clone().unwrap_or(Value::None);
    let mut data: Vec<u8> = match &src {
        Value::Bytes(b) => b.data.to_vec(),
        Value::Str(_) => return Err(PyErr::type_error("cannot convert 'str' object to bytes")),
        other => {
            let items = vm.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for item in &items {
                match vm.index_value(item)? {
                    b @ 0..=255 => out.push(b as u8),
                    _ => return Err(PyErr::value_error("bytes must be in range(0, 256)")),
                }
            }
            out
        }
    };
    if !big_endian(vm, &a[1])? {
        data.reverse();
    }
    let signed = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let n = if signed {
        BigInt::from_signed_bytes_be(&data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    Ok(Value::from_bigint(n))
}

/// `int.to_bytes` and `int.from_bytes`.
pub fn install_bytes_methods(t: &BuiltinTypes) {
    add_methods(&t.int, &[("to_bytes", int_to_bytes)]);
    super::add_descriptors(&t.int, &t.object, true, &[("from_bytes", int_from_bytes)]);
}
