//! `range`: an arithmetic progression of ints of any size, with an i64 fast path.
//!
//! `start`, `stop` and `step` are int values (`Value::Int` or `Value::BigInt`), so `range(10**20)`
//! exists as in CPython. When all three and the length fit in an i64 the range also carries
//! [`SmallRange`], which iteration, indexing and `len` use without touching big integers.

use super::int::big;
use crate::vm::Value;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

/// `range(start, stop, step)`.
pub struct PyRange {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    /// The same range in machine words, when everything fits.
    pub small: Option<SmallRange>,
}

/// A range whose bounds and length fit in an i64.
#[derive(Clone, Copy, Debug)]
pub struct SmallRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

impl SmallRange {
    /// The `i`-th element, `0 <= i < len` (cannot overflow: it lies between start and stop).
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// The number of elements of `range(start, stop, step)` (`step != 0`).
pub fn range_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    let (lo, hi, step) = if step.is_positive() {
        (start, stop, step.clone())
    } else {
        (stop, start, -step)
    };
    if lo >= hi {
        BigInt::zero()
    } else {
        (hi - lo - 1u32).div_floor(&step) + 1u32
    }
}

impl PyRange {
    /// A range from int values; `step` must be non-zero.
    pub fn new(start: Value, stop: Value, step: Value) -> PyRange {
        let small = match (&start, &stop, &step) {
            (Value::Int(a), Value::Int(b), Value::Int(s)) => {
                let (a, b, s) = (*a as i128, *b as i128, *s as i128);
                let n = if s > 0 {
                    if a < b {
                        (b - a - 1) / s + 1
                    } else {
                        0
                    }
                } else if a > b {
                    (a - b - 1) / (-s) + 1
                } else {
                    0
                };
                i64::try_from(n).ok().map(|len| SmallRange {
                    start: a as i64,
                    stop: b as i64,
                    step: s as i64,
                    len,
                })
            }
            _ => None,
        };
        PyRange {
            start,
            stop,
            step,
            small,
        }
    }

    /// A range from big-integer bounds, demoting each to the i64 fast path where it fits.
    pub fn from_big(start: BigInt, stop: BigInt, step: BigInt) -> PyRange {
        PyRange::new(
            Value::from_bigint(start),
            Value::from_bigint(stop),
            Value::from_bigint(step),
        )
    }

    /// `len(range)` as a big integer.
    pub fn big_len(&self) -> BigInt {
        match &self.small {
            Some(s) => BigInt::from(s.len),
            None => range_len(&big(&self.start), &big(&self.stop), &big(&self.step)),
        }
    }

    /// The length when it fits in an i64 (CPython raises OverflowError for `len()` otherwise).
    pub fn len_i64(&self) -> Option<i64> {
        match &self.small {
            Some(s) => Some(s.len),
            None => self.big_len().to_i64(),
        }
    }

    pub fn is_empty(&self) -> bool {
        match &self.small {
            Some(s) => s.len == 0,
            None => self.big_len().is_zero(),
        }
    }

    /// The `i`-th element for `0 <= i < len`.
    pub fn big_get(&self, i: &BigInt) -> BigInt {
        big(&self.start) + i * big(&self.step)
    }

    /// Whether the int `x` is an element.
    pub fn contains_int(&self, x: &Value) -> bool {
        if let (Some(s), Value::Int(i)) = (&self.small, x) {
            let i = *i;
            let inside = if s.step > 0 {
                s.start <= i && i < s.stop
            } else {
                s.stop < i && i <= s.start
            };
            return inside && (i as i128 - s.start as i128) % s.step as i128 == 0;
        }
        let (start, stop, step, x) = (big(&self.start), big(&self.stop), big(&self.step), big(x));
        let inside = if step.is_positive() {
            start <= x && x < stop
        } else {
            stop < x && x <= start
        };
        inside && ((x - start) % step).is_zero()
    }

    /// The position of the int `x` if it is an element.
    pub fn index_of_int(&self, x: &Value) -> Option<Value> {
        if !self.contains_int(x) {
            return None;
        }
        Some(Value::from_bigint(
            (big(x) - big(&self.start)) / big(&self.step),
        ))
    }
}
