//! Hashing and key equality, with CPython's numeric hash (so `hash(1) == hash(1.0) == hash(True)`
//! and sets of numbers and tuples iterate in CPython's order).

use super::exceptions::{PyErr, PyResult};
use super::types::type_name;
use super::value::Value;
use super::Vm;
use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

const HASH_BITS: u32 = 61;
const MODULUS: u64 = (1 << HASH_BITS) - 1;
const HASH_INF: i64 = 314159;
const HASH_IMAG: u64 = 1000003;

fn fix(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

pub fn hash_int(i: i64) -> i64 {
    let m = (i.unsigned_abs() % MODULUS) as i64;
    fix(if i < 0 { -m } else { m })
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let m = (b.magnitude() % MODULUS).to_i64().unwrap_or(0);
    fix(if b.sign() == Sign::Minus { -m } else { m })
}

/// CPython's `_Py_HashDouble` (NaN hashes by identity in CPython; we use a fixed value).
pub fn hash_float(v: f64) -> i64 {
    if !v.is_finite() {
        if v.is_infinite() {
            return if v > 0.0 { HASH_INF } else { -HASH_INF };
        }
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & MODULUS) | x >> (HASH_BITS - e);
    fix((x as i64).wrapping_mul(sign))
}

/// `frexp`: v = m * 2**e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, e)
}

pub fn hash_complex(re: f64, im: f64) -> i64 {
    let combined =
        (hash_float(re) as u64).wrapping_add(HASH_IMAG.wrapping_mul(hash_float(im) as u64));
    fix(combined as i64)
}

/// CPython's tuple hash (xxHash-based) over already-hashed items.
pub fn hash_tuple(items: impl ExactSizeIterator<Item = i64>) -> i64 {
    const P1: u64 = 11400714785074694791;
    const P2: u64 = 14029467366897019727;
    const P5: u64 = 2870177450012600261;
    let len = items.len() as u64;
    let mut acc = P5;
    for lane in items {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(P2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(P1);
    }
    acc = acc.wrapping_add(len ^ (P5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}

/// CPython's frozenset hash over the active entries' hashes.
pub fn hash_frozenset(hashes: impl Iterator<Item = i64>, len: usize) -> i64 {
    let shuffle = |h: u64| ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167);
    let mut hash: u64 = 0;
    for h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (len as u64 + 1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    if hash == u64::MAX {
        hash = 590923713;
    }
    hash as i64
}

/// Identity hash (CPython's `_Py_HashPointer`).
pub fn hash_pointer(p: usize) -> i64 {
    fix((p as u64).rotate_right(4) as i64)
}

/// Hash of a built-in hashable value; TypeError for unhashable ones; instances are not handled here.
pub fn hash_builtin(v: &Value) -> PyResult<i64> {
    Ok(match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => hash_float(*f),
        Value::Complex(c) => hash_complex(c.re, c.im),
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => crate::objects::str::str_hash(&String::from_utf8_lossy(&b.data)),
        Value::None => 0x8f8f0,
        Value::Ellipsis => 0x8f8f4,
        Value::NotImplemented => 0x8f8f5,
        Value::Tuple(t) => {
            let hashes = t
                .items
                .iter()
                .map(hash_builtin)
                .collect::<PyResult<Vec<_>>>()?;
            hash_tuple(hashes.into_iter())
        }
        Value::Set(s) if s.frozen => {
            let t = s.table.borrow();
            hash_frozenset(t.iter().map(|(_, h)| h), t.len())
        }
        Value::Range(r) => {
            // CPython hashes (len, start, step), with None for the parts that do not matter.
            let len = Value::from_bigint(r.big_len());
            let (start, step) = match len {
                Value::Int(0) => (Value::None, Value::None),
                Value::Int(1) => (r.start.clone(), Value::None),
                _ => (r.start.clone(), r.step.clone()),
            };
            let parts = [
                hash_builtin(&len)?,
                hash_builtin(&start)?,
                hash_builtin(&step)?,
            ];
            hash_tuple(parts.into_iter())
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return Err(PyErr::type_error(format!(
                "unhashable type: '{}'",
                type_name(v)
            )))
        }
        other => hash_pointer(other.id()),
    })
}

/// Equality of built-in values without running Python code; None when it takes the general
/// comparison (containers, instances).
pub fn eq_builtin(a: &Value, b: &Value) -> Option<bool> {
    // Identity first, as PyObject_RichCompareBool: `nan in [nan]` is true for the same object. Floats
    // are immediates here, so the same bits stand in for the same object.
    if a.is(b) {
        return Some(true);
    }
    if let Some(r) = super::ops::compare_builtin(super::ops::Cmp::Eq, a, b) {
        return Some(r);
    }
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) => {
            if x.len() != y.len() {
                return Some(false);
            }
            for (p, q) in x.items.iter().zip(y.items.iter()) {
                if !eq_builtin(p, q)? {
                    return Some(false);
                }
            }
            Some(true)
        }
        _ => None,
    }
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Instance(inst) => {
                let class = inst.class();
                match class.lookup("__hash__") {
                    Some(Value::None) => Err(PyErr::type_error(format!(
                        "unhashable type: '{}'",
                        class.name()
                    ))),
                    Some(h @ (Value::Function(_) | Value::Builtin(_))) => {
                        // A subclass of a built-in type (a namedtuple) hashes as its payload
                        // unless Python code overrides __hash__.
                        if matches!(h, Value::Builtin(_)) {
                            let p = inst.payload.borrow().clone();
                            if !p.is_null() {
                                return self.hash(&p);
                            }
                        }
                        let r = self.call(&h, std::slice::from_ref(v), &[])?;
                        match r {
                            Value::Int(i) => Ok(if i == -1 { -2 } else { i }),
                            Value::Bool(b) => Ok(b as i64),
                            Value::BigInt(b) => Ok(hash_bigint(&b)),
                            _ => Err(PyErr::type_error(
                                "__hash__ method should return an integer",
                            )),
                        }
                    }
                    _ => {
                        // A class that defines __eq__ without __hash__ is unhashable.
                        if class.dict.get_str("__eq__").is_some()
                            && class.dict.get_str("__hash__").is_none()
                        {
                            return Err(PyErr::type_error(format!(
                                "unhashable type: '{}'",
                                class.name()
                            )));
                        }
                        let p = inst.payload.borrow().clone();
                        if !p.is_null() {
                            return self.hash(&p);
                        }
                        Ok(hash_pointer(v.id()))
                    }
                }
            }
            Value::Tuple(t) => {
                self.enter_recursion("")?;
                let hashes: PyResult<Vec<i64>> = t.items.iter().map(|i| self.hash(i)).collect();
                self.leave_recursion();
                Ok(hash_tuple(hashes?.into_iter()))
            }
            Value::Native(_) => {
                if let Some(r) = self.call_dunder_opt(v, "__hash__", &[])? {
                    return self.index_value(&r);
                }
                Ok(hash_pointer(v.id()))
            }
            _ => hash_builtin(v),
        }
    }

    /// Key equality as dicts and sets use it.
    pub fn key_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        match eq_builtin(a, b) {
            Some(r) => Ok(r),
            None => self.eq(a, b),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(1 << 61), 1);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_float(1e100), 1822893315824342674);
        assert_eq!(hash_float(0.1), 230584300921369408);
        assert_eq!(hash_complex(1.0, 2.0), 2000007);
        assert_eq!(hash_tuple([1i64, 2].into_iter()), -3550055125485641917);
        assert_eq!(hash_tuple(std::iter::empty()), 5740354900026072187);
    }
}
