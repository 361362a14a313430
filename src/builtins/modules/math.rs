//! The `math` module. Elementary functions call the platform libm, as CPython does, so results
//! are bit-identical; `hypot`, `dist` and `fsum` port CPython's own algorithms; errors carry
//! CPython's "math domain error" / "math range error".

use crate::builtins::{check_positional, function, no_kwargs};
use crate::objects::{Args, PyModule};
use crate::vm::types::type_name;
use crate::vm::{PyErr, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::rc::Rc;

extern "C" {
    fn erf(x: f64) -> f64;
    fn erfc(x: f64) -> f64;
    /// glibc's cbrt: Rust's compiler-builtins defines an unversioned `cbrt` of its own (musl's),
    /// which would shadow the C library's; CPython's results are glibc's.
    #[cfg_attr(
        all(target_os = "linux", target_env = "gnu", target_arch = "x86_64"),
        link_name = "cbrt@GLIBC_2.2.5"
    )]
    fn cbrt(x: f64) -> f64;
    fn nextafter(x: f64, y: f64) -> f64;
    fn remainder(x: f64, y: f64) -> f64;
    fn asinh(x: f64) -> f64;
    fn acosh(x: f64) -> f64;
    fn atanh(x: f64) -> f64;
}

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("math");
    let d = &m.dict;
    d.set_str("pi", Value::Float(std::f64::consts::PI));
    d.set_str("e", Value::Float(std::f64::consts::E));
    d.set_str("tau", Value::Float(std::f64::consts::TAU));
    d.set_str("inf", Value::Float(f64::INFINITY));
    d.set_str("nan", Value::Float(crate::objects::float::fresh_nan()));
    let fns: &[(&'static str, crate::objects::BuiltinFn)] = &[
        ("sqrt", m_sqrt),
        ("exp", m_exp),
        ("exp2", m_exp2),
        ("expm1", m_expm1),
        ("log", m_log),
        ("log2", m_log2),
        ("log10", m_log10),
        ("log1p", m_log1p),
        ("sin", m_sin),
        ("cos", m_cos),
        ("tan", m_tan),
        ("asin", m_asin),
        ("acos", m_acos),
        ("atan", m_atan),
        ("atan2", m_atan2),
        ("sinh", m_sinh),
        ("cosh", m_cosh),
        ("tanh", m_tanh),
        ("asinh", m_asinh),
        ("acosh", m_acosh),
        ("atanh", m_atanh),
        ("erf", m_erf),
        ("erfc", m_erfc),
        ("cbrt", m_cbrt),
        ("pow", m_pow),
        ("fabs", m_fabs),
        ("floor", m_floor),
        ("ceil", m_ceil),
        ("trunc", m_trunc),
        ("fmod", m_fmod),
        ("remainder", m_remainder),
        ("copysign", m_copysign),
        ("hypot", m_hypot),
        ("dist", m_dist),
        ("degrees", m_degrees),
        ("radians", m_radians),
        ("isfinite", m_isfinite),
        ("isinf", m_isinf),
        ("isnan", m_isnan),
        ("isclose", m_isclose),
        ("factorial", m_factorial),
        ("gcd", m_gcd),
        ("lcm", m_lcm),
        ("comb", m_comb),
        ("perm", m_perm),
        ("isqrt", m_isqrt),
        ("prod", m_prod),
        ("fsum", m_fsum),
        ("frexp", m_frexp),
        ("ldexp", m_ldexp),
        ("modf", m_modf),
        ("nextafter", m_nextafter),
        ("ulp", m_ulp),
        ("gamma", m_gamma),
        ("lgamma", m_lgamma),
    ];
    for (name, f) in fns {
        d.set_str(name, function("math", name, *f));
    }
    m
}

fn domain() -> PyErr {
    PyErr::value_error("math domain error")
}

fn range() -> PyErr {
    PyErr::overflow("math range error")
}

/// An argument as a float, with CPython's "must be real number" error.
pub fn arg_f64(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => crate::objects::int::big_to_f64(b)
            .ok_or_else(|| PyErr::overflow("int too large to convert to float")),
        Value::Instance(_) | Value::Native(_) => {
            if let Some(Value::Float(f)) = vm.call_dunder_opt(v, "__float__", &[])? {
                return Ok(f);
            }
            if let Some(i) = vm.call_dunder_opt(v, "__index__", &[])? {
                return arg_f64(vm, &i);
            }
            let p = crate::vm::ops::payload_or_self(v);
            if !p.is(v) {
                return arg_f64(vm, &p);
            }
            Err(PyErr::type_error(format!(
                "must be real number, not {}",
                type_name(v)
            )))
        }
        other => Err(PyErr::type_error(format!(
            "must be real number, not {}",
            type_name(other)
        ))),
    }
}

/// The one argument of `math.name(x)`: `math.sqrt() takes exactly one argument (0 given)`.
fn one<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    super::super::one_arg(&format!("math.{name}"), args)
}

/// CPython's math_1: apply `f`, mapping NaN-from-finite to domain errors and overflow to range errors.
fn math_1(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: fn(f64) -> f64,
    can_overflow: bool,
) -> PyResult<Value> {
    let x = arg_f64(vm, one(name, args)?)?;
    let r = f(x);
    if r.is_nan() && !x.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() && x.is_finite() {
        return Err(if can_overflow { range() } else { domain() });
    }
    Ok(Value::Float(r))
}

macro_rules! unary {
    ($($fname:ident = $name:literal, $f:expr, $overflow:expr;)*) => {
        $(fn $fname(vm: &mut Vm, args: Args) -> PyResult<Value> {
            math_1(vm, &args, $name, $f, $overflow)
        })*
    };
}

unary! {
    m_sqrt = "sqrt", f64::sqrt, false;
    m_exp = "exp", f64::exp, true;
    m_exp2 = "exp2", f64::exp2, true;
    m_expm1 = "expm1", f64::exp_m1, true;
    m_sin = "sin", f64::sin, false;
    m_cos = "cos", f64::cos, false;
    m_tan = "tan", f64::tan, false;
    m_asin = "asin", f64::asin, false;
    m_acos = "acos", f64::acos, false;
    m_atan = "atan", f64::atan, false;
    m_sinh = "sinh", f64::sinh, true;
    m_cosh = "cosh", f64::cosh, true;
    m_tanh = "tanh", f64::tanh, false;
    m_asinh = "asinh", |x| unsafe { asinh(x) }, false;
    m_acosh = "acosh", |x| unsafe { acosh(x) }, false;
    m_atanh = "atanh", |x| unsafe { atanh(x) }, false;
    m_erf = "erf", |x| unsafe { erf(x) }, false;
    m_erfc = "erfc", |x| unsafe { erfc(x) }, false;
    m_cbrt = "cbrt", |x| unsafe { cbrt(x) }, false;
    m_fabs = "fabs", f64::abs, false;
}

fn two(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(f64, f64)> {
    no_kwargs(name, args)?;
    let p = check_positional(name, args, 2, 2)?;
    Ok((arg_f64(vm, &p[0])?, arg_f64(vm, &p[1])?))
}

fn m_atan2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (y, x) = two(vm, &args, "atan2")?;
    Ok(Value::Float(y.atan2(x)))
}

fn m_copysign(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "copysign")?;
    Ok(Value::Float(x.copysign(y)))
}

fn m_fmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain());
    }
    Ok(Value::Float(r))
}

fn m_remainder(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "remainder")?;
    if x.is_nan() || y.is_nan() {
        return Ok(Value::Float(f64::NAN));
    }
    if x.is_infinite() || y == 0.0 {
        return Err(domain());
    }
    Ok(Value::Float(unsafe { remainder(x, y) }))
}

fn m_nextafter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "nextafter")?;
    Ok(Value::Float(unsafe { nextafter(x, y) }))
}

fn m_ulp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg_f64(vm, one("ulp", &args)?)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = unsafe { nextafter(x, f64::INFINITY) };
    if x2.is_infinite() {
        let x2 = unsafe { nextafter(x, -f64::INFINITY) };
        return Ok(Value::Float(x - x2));
    }
    Ok(Value::Float(x2 - x))
}

/// CPython's math.pow (IEEE specials, ValueError/OverflowError from libm results).
fn m_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (x, y) = two(vm, &args, "pow")?;
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 {
                1.0
            } else {
                x
            }
        } else if y.is_nan() {
            if x == 1.0 {
                1.0
            } else {
                y
            }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y {
                    x
                } else {
                    x.abs()
                }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if y > 0.0 && x.abs() > 1.0 {
            y
        } else if y < 0.0 && x.abs() < 1.0 {
            if x == 0.0 {
                return Err(domain());
            }
            -y
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    let r = x.powf(y);
    if r.is_nan() {
        return Err(domain());
    }
    if r.is_infinite() {
        return Err(if x == 0.0 { domain() } else { range() });
    }
    Ok(Value::Float(r))
}

/// `_PyLong_Frexp`: a positive int as `x * 2**e` with `x` in [0.5, 1), rounded half-to-even to
/// 53 bits.
fn bigint_frexp(b: &BigInt) -> (f64, i64) {
    let bits = b.bits();
    let (mut digits, e) = if bits <= 55 {
        (
            (b << (55 - bits) as usize).to_u64().unwrap_or(0),
            bits as i64,
        )
    } else {
        let shift = (bits - 55) as usize;
        let kept: BigInt = b >> shift;
        let sticky = (&kept << shift) != *b;
        (kept.to_u64().unwrap_or(0) | sticky as u64, bits as i64)
    };
    // Round the 55-bit value to a multiple of 4 (53 bits), ties to even.
    const HALF_EVEN_CORRECTION: [i64; 8] = [0, -1, -2, 1, 0, -1, 2, 1];
    digits = digits.wrapping_add_signed(HALF_EVEN_CORRECTION[(digits & 7) as usize]);
    let x = digits as f64 / (1u64 << 55) as f64;
    if x == 1.0 {
        (0.5, e + 1)
    } else {
        (x, e)
    }
}

/// CPython's m_log / m_log2 / m_log10: NaN or -inf marks a domain error for `math_1`.
fn log_fn(x: f64, f: fn(f64) -> f64) -> f64 {
    if x.is_nan() || x == f64::INFINITY {
        x
    } else if x > 0.0 {
        f(x)
    } else if x == 0.0 {
        f64::NEG_INFINITY
    } else {
        f64::NAN
    }
}

/// CPython's loghelper: ints (of any size) are handled exactly, other numbers through math_1.
fn log_of(vm: &mut Vm, v: &Value, f: fn(f64) -> f64) -> PyResult<f64> {
    let int = match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    };
    if let Some(b) = int {
        if !b.is_positive() {
            return Err(domain());
        }
        return Ok(match crate::objects::int::big_to_f64(&b) {
            Some(x) => f(x),
            None => {
                let (x, e) = bigint_frexp(&b);
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let x = arg_f64(vm, v)?;
    let r = log_fn(x, f);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain());
    }
    Ok(r)
}

fn m_log(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("log", &args)?;
    let p = args.positional();
    if p.is_empty() || p.len() > 2 {
        return Err(PyErr::type_error("math.log requires 1 to 2 arguments"));
    }
    let num = log_of(vm, &p[0], f64::ln)?;
    match p.get(1) {
        None => Ok(Value::Float(num)),
        Some(b) => {
            let den = log_of(vm, b, f64::ln)?;
            if den == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            Ok(Value::Float(num / den))
        }
    }
}

fn m_log2(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one("log2", &args)?;
    Ok(Value::Float(log_of(vm, v, f64::log2)?))
}

fn m_log10(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one("log10", &args)?;
    Ok(Value::Float(log_of(vm, v, f64::log10)?))
}

fn m_log1p(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // log1p(-0.0) is -0.0.
    math_1(
        vm,
        &args,
        "log1p",
        |x| if x == 0.0 { x } else { x.ln_1p() },
        false,
    )
}

/// floor/ceil/trunc: ints pass through, floats round to an int, others use `__floor__` & co.
fn rounding(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    dunder: &str,
    f: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one(name, args)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => {
            if x.is_nan() {
                return Err(PyErr::value_error("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(PyErr::overflow("cannot convert float infinity to integer"));
            }
            Ok(crate::builtins::numbers::float_to_int(f(*x)))
        }
        other => {
            if let Some(r) = vm.call_dunder_opt(other, dunder, &[])? {
                return Ok(r);
            }
            if name == "trunc" {
                return Err(PyErr::type_error(format!(
                    "type {} doesn't define __trunc__ method",
                    type_name(other)
                )));
            }
            let x = arg_f64(vm, other)?;
            Ok(crate::builtins::numbers::float_to_int(f(x)))
        }
    }
}

fn m_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, &args, "floor", "__floor__", f64::floor)
}

fn m_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, &args, "ceil", "__ceil__", f64::ceil)
}

fn m_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    rounding(vm, &args, "trunc", "__trunc__", f64::trunc)
}

/// CPython's vector_norm (3.11): scaled, exact squares, compensated sum, corrected sqrt.
pub fn vector_norm(vec: &mut [f64], max: f64, found_nan: bool) -> f64 {
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || vec.len() <= 1 {
        return max;
    }
    let (_, max_e) = crate::vm::hash::frexp(max);
    if max_e < -1023 {
        for v in vec.iter_mut() {
            *v /= f64::MIN_POSITIVE;
        }
        return f64::MIN_POSITIVE * vector_norm(vec, max / f64::MIN_POSITIVE, found_nan);
    }
    // 2**-1024 is subnormal: powi would give 0 here, ldexp is exact.
    let scale = libm::ldexp(1.0, -max_e);
    let (mut csum, mut frac1, mut frac2) = (1.0f64, 0.0f64, 0.0f64);
    let dl_mul = |x: f64, y: f64| {
        let z = x * y;
        (z, x.mul_add(y, -z))
    };
    let dl_fast_sum = |a: f64, b: f64| {
        let x = a + b;
        (x, (a - x) + b)
    };
    for &v in vec.iter() {
        let x = v * scale;
        let (hi, lo) = dl_mul(x, x);
        let (s, sl) = dl_fast_sum(csum, hi);
        csum = s;
        frac1 += lo;
        frac2 += sl;
    }
    let mut h = (csum - 1.0 + (frac1 + frac2)).sqrt();
    let (hi, lo) = dl_mul(-h, h);
    let (s, sl) = dl_fast_sum(csum, hi);
    csum = s;
    frac1 += lo;
    frac2 += sl;
    let x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    h / scale
}

fn m_hypot(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("hypot", &args)?;
    let mut coords = Vec::new();
    let (mut max, mut nan) = (0.0f64, false);
    for v in args.positional() {
        let x = arg_f64(vm, v)?.abs();
        nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&mut coords, max, nan)))
}

fn m_dist(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("dist", &args)?;
    let p = check_positional("dist", &args, 2, 2)?;
    let a = vm.collect(&p[0])?;
    let b = vm.collect(&p[1])?;
    if a.len() != b.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut diffs = Vec::new();
    let (mut max, mut nan) = (0.0f64, false);
    for (x, y) in a.iter().zip(&b) {
        let d = (arg_f64(vm, x)? - arg_f64(vm, y)?).abs();
        nan |= d.is_nan();
        if d > max {
            max = d;
        }
        diffs.push(d);
    }
    Ok(Value::Float(vector_norm(&mut diffs, max, nan)))
}

fn m_degrees(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg_f64(vm, one("degrees", &args)?)?;
    Ok(Value::Float(x * (180.0 / std::f64::consts::PI)))
}

fn m_radians(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg_f64(vm, one("radians", &args)?)?;
    Ok(Value::Float(x * (std::f64::consts::PI / 180.0)))
}

fn m_isfinite(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        arg_f64(vm, one("isfinite", &args)?)?.is_finite(),
    ))
}

fn m_isinf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(
        arg_f64(vm, one("isinf", &args)?)?.is_infinite(),
    ))
}

fn m_isnan(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Bool(arg_f64(vm, one("isnan", &args)?)?.is_nan()))
}

fn m_isclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)
    let n = args.positional().len();
    if n > 2 && n + args.kwnames.len() <= 4 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({n} given)"
        )));
    }
    let p = crate::builtins::parse_args("isclose", &args, &["a", "b", "rel_tol", "abs_tol"], 2)?;
    let mut x = [0.0; 4];
    let defaults = [0.0, 0.0, 1e-9, 0.0];
    for i in 0..4 {
        x[i] = match &p[i] {
            Some(v) => arg_f64(vm, v)?,
            None => defaults[i],
        };
    }
    let [a, b, rel_tol, abs_tol] = x;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    if a == b {
        return Ok(Value::Bool(true));
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (b - a).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol,
    ))
}

fn int_arg(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Float(_) => Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        )),
        other => Ok(BigInt::from(vm.index_value(other)?)),
    }
}

fn m_factorial(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, one("factorial", &args)?)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let n = n.to_u64().ok_or_else(|| {
        PyErr::overflow("factorial() argument should not exceed 9223372036854775807")
    })?;
    if n > 100_000 {
        return Err(PyErr::new(crate::vm::ExcKind::MemoryError, ""));
    }
    // Product of a range by halving, so the multiplications stay balanced.
    fn product(lo: u64, hi: u64) -> BigInt {
        if hi - lo < 16 {
            let mut p = BigInt::one();
            for k in lo..=hi {
                p *= k;
            }
            return p;
        }
        let mid = (lo + hi) / 2;
        product(lo, mid) * product(mid + 1, hi)
    }
    Ok(Value::from_bigint(if n < 2 {
        BigInt::one()
    } else {
        product(2, n)
    }))
}

fn m_gcd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("gcd", &args)?;
    let mut g = BigInt::zero();
    for v in args.positional() {
        g = g.gcd(&int_arg(vm, v)?);
    }
    Ok(Value::from_bigint(g))
}

fn m_lcm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("lcm", &args)?;
    let mut l = BigInt::one();
    for v in args.positional() {
        let x = int_arg(vm, v)?;
        if x.is_zero() {
            l = BigInt::zero();
            continue;
        }
        l = l.lcm(&x);
    }
    Ok(Value::from_bigint(l.abs()))
}

fn comb_perm(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(BigInt, Option<BigInt>)> {
    no_kwargs(name, args)?;
    let p = check_positional(name, args, if name == "perm" { 1 } else { 2 }, 2)?;
    let n = int_arg(vm, &p[0])?;
    let k = match p.get(1) {
        Some(Value::None) | None => None,
        Some(v) => Some(int_arg(vm, v)?),
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.as_ref().is_some_and(|k| k.is_negative()) {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    Ok((n, k))
}

fn m_comb(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (n, k) = comb_perm(vm, &args, "comb")?;
    let k = k.unwrap_or_default();
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = std::cmp::min(k.clone(), &n - &k);
    let k = k
        .to_u64()
        .ok_or_else(|| PyErr::overflow("min(n - k, k) must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r = r * (&n - i) / (i + 1);
    }
    Ok(Value::from_bigint(r))
}

fn m_perm(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (n, k) = comb_perm(vm, &args, "perm")?;
    let k = k.unwrap_or_else(|| n.clone());
    if k > n {
        return Ok(Value::Int(0));
    }
    let k = k
        .to_u64()
        .ok_or_else(|| PyErr::overflow("k must not exceed 9223372036854775807"))?;
    let mut r = BigInt::one();
    for i in 0..k {
        r *= &n - i;
    }
    Ok(Value::from_bigint(r))
}

fn m_isqrt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = int_arg(vm, one("isqrt", &args)?)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(Value::from_bigint(n.sqrt()))
}

fn m_prod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.positional();
    if p.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            p.len()
        )));
    }
    let mut acc = Value::Int(1);
    for (k, v) in args.keywords() {
        if k == "start" {
            acc = v.clone();
        } else {
            return Err(PyErr::type_error(format!(
                "prod() got an unexpected keyword argument '{k}'"
            )));
        }
    }
    let it = vm.iter(&p[0])?;
    while let Some(x) = vm.next(&it)? {
        acc = vm.binary_op(5, &acc, &x)?;
    }
    Ok(acc)
}

/// CPython's math.fsum: Shewchuk's exact partials with correct half-even final rounding.
fn m_fsum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = vm.iter(one("fsum", &args)?)?;
    let mut partials: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = vm.next(&it)? {
        let mut x = arg_f64(vm, &item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..partials.len() {
            let mut y = partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        partials.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return Err(PyErr::overflow("intermediate overflow in fsum"));
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return Err(PyErr::value_error("-inf + inf in fsum"));
        }
        return Ok(Value::Float(special_sum));
    }
    let mut hi = 0.0f64;
    let mut n = partials.len();
    if n > 0 {
        n -= 1;
        hi = partials[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_frexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg_f64(vm, one("frexp", &args)?)?;
    let (m, e) = crate::vm::hash::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("ldexp", &args)?;
    let p = check_positional("ldexp", &args, 2, 2)?;
    let x = arg_f64(vm, &p[0])?;
    let e = match &p[1] {
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => {
            if b.is_negative() {
                i64::MIN
            } else {
                i64::MAX
            }
        }
        _ => {
            return Err(PyErr::type_error(
                "Expected an int as second argument to ldexp.",
            ))
        }
    };
    if x == 0.0 || !x.is_finite() {
        return Ok(Value::Float(x));
    }
    let e = e.clamp(-2200, 2200) as i32;
    // Scale in steps so intermediate powers of two stay representable.
    let mut r = x;
    let mut left = e;
    while left != 0 {
        let step = left.clamp(-1000, 1000);
        r *= 2f64.powi(step);
        left -= step;
    }
    if r.is_infinite() {
        return Err(range());
    }
    Ok(Value::Float(r))
}

fn m_modf(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = arg_f64(vm, one("modf", &args)?)?;
    if x.is_infinite() {
        return Ok(Value::tuple(vec![
            Value::Float(0.0f64.copysign(x)),
            Value::Float(x),
        ]));
    }
    let int = x.trunc();
    Ok(Value::tuple(vec![
        Value::Float((x - int).copysign(x)),
        Value::Float(int),
    ]))
}

// ---------------------------------------------------------------- gamma and lgamma

/// Why a gamma computation failed: CPython's errno values, mapped by `is_error`.
enum MathErrno {
    /// EDOM: `math domain error`.
    Domain,
    /// ERANGE: `math range error` (ignored when the result underflowed).
    Range,
}

const LANCZOS_N: usize = 13;
// The Lanczos constants keep CPython's digits verbatim so that they round to the same doubles.
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
/// Gamma of the integers 1..=23, exact in a double.
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];

/// The Lanczos sum of CPython's mathmodule.c (x > 0).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite x, accurate near the integers.
fn sinpi(x: f64) -> f64 {
    use std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (PI * y).sin(),
        1 => (PI * (y - 0.5)).cos(),
        // -sin(pi*(y-1.0)) would give -0.0 at y == 1.0.
        2 => (PI * (1.0 - y)).sin(),
        3 => -(PI * (y - 1.5)).cos(),
        _ => (PI * (y - 2.0)).sin(),
    };
    1f64.copysign(x) * r
}

/// CPython's m_tgamma.
fn tgamma(x: f64) -> Result<f64, MathErrno> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 {
            Ok(x)
        } else {
            Err(MathErrno::Domain)
        };
    }
    if x == 0.0 {
        return Err(MathErrno::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(MathErrno::Domain);
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        return if r.is_infinite() {
            Err(MathErrno::Range)
        } else {
            Ok(r)
        };
    }
    if absx > 200.0 {
        return if x < 0.0 {
            Ok(0.0 / sinpi(x))
        } else {
            Err(MathErrno::Range)
        };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The error in computing y, recovered exactly.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r *= y.powf(absx - 0.5);
        } else {
            let sqrtpow = y.powf(absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return Err(MathErrno::Range);
    }
    Ok(r)
}

/// CPython's m_lgamma.
fn lgamma(x: f64) -> Result<f64, MathErrno> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 {
            Err(MathErrno::Domain)
        } else {
            Ok(0.0)
        };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        // Reflection formula; the constant is log(pi).
        r = 1.144_729_885_849_400_2 - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    if r.is_infinite() {
        return Err(MathErrno::Range);
    }
    Ok(r)
}

/// CPython's math_1a: errors come only from the function's errno.
fn math_1a(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: fn(f64) -> Result<f64, MathErrno>,
) -> PyResult<Value> {
    let x = arg_f64(vm, one(name, args)?)?;
    match f(x) {
        Ok(r) => Ok(Value::Float(r)),
        Err(MathErrno::Domain) => Err(domain()),
        Err(MathErrno::Range) => Err(range()),
    }
}

fn m_gamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_1a(vm, &args, "gamma", tgamma)
}

fn m_lgamma(vm: &mut Vm, args: Args) -> PyResult<Value> {
    math_1a(vm, &args, "lgamma", lgamma)
}
