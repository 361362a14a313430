//! Container protocol: `len`, subscripts (`x[i]`, `x[a:b:c]`, assignment and deletion), `in`, and
//! slice index arithmetic as CPython computes it.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::types::type_name;
use super::value::{alloc, Value};
use super::Vm;
use crate::objects::{int, PyBytes, PyRange, PySlice};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

/// Largest int we agree to build, in bits (beyond this CPython would exhaust memory too).
pub const MAX_INT_BITS: u64 = 1 << 32;
/// Largest sequence we agree to build, in items.
pub const MAX_SEQUENCE_LEN: usize = 1 << 32;

pub fn new_bytes(data: Vec<u8>) -> Value {
    Value::Bytes(alloc(PyBytes { data }))
}

/// An index-like value as i64, clamping big ints (for slice bounds).
fn clamp_index(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Bool(b) => Some(*b as i64),
        Value::BigInt(b) => Some(if b.is_negative() { i64::MIN } else { i64::MAX }),
        _ => None,
    }
}

/// Resolved slice bounds: start, stop, step and the number of items selected.
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// The selected indices, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let (start, step) = (self.start, self.step);
        (0..self.len).map(move |k| (start + k as i64 * step) as usize)
    }
}

impl Vm {
    /// A slice bound: None, an int, or an object with `__index__`.
    fn slice_bound(&mut self, v: &Value) -> PyResult<Option<i64>> {
        if v.is_none() {
            return Ok(None);
        }
        if let Some(i) = clamp_index(v) {
            return Ok(Some(i));
        }
        if let Some(r) = self.call_dunder_opt(v, "__index__", &[])? {
            if let Some(i) = clamp_index(&r) {
                return Ok(Some(i));
            }
        }
        Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ))
    }

    /// CPython's `_PySlice_GetLongIndices`: start, stop and step of slice `s` over a sequence of
    /// length `len`, unbounded (for ranges beyond i64).
    pub fn long_slice_indices(
        &mut self,
        s: &PySlice,
        len: &BigInt,
    ) -> PyResult<(BigInt, BigInt, BigInt)> {
        let bound = |vm: &mut Vm, v: &Value| -> PyResult<Option<BigInt>> {
            if v.is_none() {
                return Ok(None);
            }
            match vm.py_index(v) {
                Ok(i) => Ok(Some(int::big(&i))),
                Err(_) => Err(PyErr::type_error(
                    "slice indices must be integers or None or have an __index__ method",
                )),
            }
        };
        let step = match bound(self, &s.step)? {
            None => BigInt::from(1),
            Some(st) if st.is_zero() => {
                return Err(PyErr::value_error("slice step cannot be zero"))
            }
            Some(st) => st,
        };
        let backwards = step.is_negative();
        let (lower, upper) = if backwards {
            (BigInt::from(-1), len - 1u32)
        } else {
            (BigInt::from(0), len.clone())
        };
        let adjust = |v: Option<BigInt>, default: &BigInt| -> BigInt {
            match v {
                None => default.clone(),
                Some(x) if x.is_negative() => (x + len).max(lower.clone()),
                Some(x) => x.min(upper.clone()),
            }
        };
        let start = bound(self, &s.start)?;
        let start = adjust(start, if backwards { &upper } else { &lower });
        let stop = bound(self, &s.stop)?;
        let stop = adjust(stop, if backwards { &lower } else { &upper });
        Ok((start, stop, step))
    }

    /// CPython's `PySlice_GetIndicesEx` for a sequence of length `len`.
    pub fn slice_indices(&mut self, s: &PySlice, len: usize) -> PyResult<SliceIndices> {
        let len = len as i64;
        let step = match self.slice_bound(&s.step)? {
            None => 1,
            Some(0) => return Err(PyErr::value_error("slice step cannot be zero")),
            Some(st) => st.max(-i64::MAX),
        };
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let adjust = |v: Option<i64>, default: i64| -> i64 {
            match v {
                None => default,
                Some(mut x) => {
                    if x < 0 {
                        x = x.saturating_add(len);
                        if x < lower {
                            x = lower;
                        }
                    } else if x > upper {
                        x = upper;
                    }
                    x
                }
            }
        };
        let start = adjust(
            self.slice_bound(&s.start)?,
            if step < 0 { upper } else { lower },
        );
        let stop = adjust(
            self.slice_bound(&s.stop)?,
            if step < 0 { lower } else { upper },
        );
        let n = if step < 0 {
            if stop < start {
                ((start - stop - 1) as i128 / (-step as i128) + 1) as usize
            } else {
                0
            }
        } else if start < stop {
            ((stop - start - 1) as i128 / step as i128 + 1) as usize
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: n,
        })
    }

    /// `operator.index(v)`: the int value of an int, bool or object with `__index__`.
    pub fn py_index(&mut self, v: &Value) -> PyResult<Value> {
        match v {
            Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
            Value::Bool(b) => Ok(Value::Int(*b as i64)),
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder_opt(v, "__index__", &[])? {
                    Some(r @ (Value::Int(_) | Value::BigInt(_))) => Ok(r),
                    Some(Value::Bool(b)) => Ok(Value::Int(b as i64)),
                    Some(other) => Err(PyErr::type_error(format!(
                        "__index__ returned non-int (type {})",
                        type_name(&other)
                    ))),
                    None => Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(v)
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))),
        }
    }

    /// An integer index (int, bool or `__index__`), for error reporting naming `what`.
    pub fn index_value(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::new(
                ExcKind::IndexError,
                "cannot fit 'int' into an index-sized integer",
            )),
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder_opt(v, "__index__", &[])? {
                    Some(r @ (Value::Int(_) | Value::Bool(_))) => self.index_value(&r),
                    _ => Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(v)
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))),
        }
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::List(l) => l.len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.len(),
            Value::Set(s) => s.len(),
            Value::Bytes(b) => b.data.len(),
            Value::Range(r) => r
                .len_i64()
                .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))?
                as usize,
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder_opt(v, "__len__", &[])? {
                    Some(r) => {
                        let n = match &r {
                            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                                self.index_value(&r)?
                            }
                            other => {
                                return Err(PyErr::type_error(format!(
                                    "'{}' object cannot be interpreted as an integer",
                                    type_name(other)
                                )))
                            }
                        };
                        if n < 0 {
                            return Err(PyErr::value_error("__len__() should return >= 0"));
                        }
                        n as usize
                    }
                    None => match v {
                        Value::Instance(i) if !i.payload.borrow().is_null() => {
                            let p = i.payload.borrow().clone();
                            return self.len(&p);
                        }
                        _ => {
                            return Err(PyErr::type_error(format!(
                                "object of type '{}' has no len()",
                                type_name(v)
                            )))
                        }
                    },
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "object of type '{}' has no len()",
                    type_name(v)
                )))
            }
        })
    }

    /// `container[index]`.
    pub fn getitem(&mut self, container: &Value, index: &Value) -> PyResult<Value> {
        if let Some(r) = subscript_builtin(container, index) {
            return r;
        }
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = index {
                    if plain_slice(s) {
                        // No Python code runs to read the bounds: slice the items in place.
                        let len = l.len();
                        let si = self.slice_indices(s, len)?;
                        let items = l.items.borrow();
                        return Ok(Value::list(if si.step == 1 {
                            let start = si.start.clamp(0, len as i64) as usize;
                            items[start..start + si.len].to_vec()
                        } else {
                            si.indices().map(|i| items[i].clone()).collect()
                        }));
                    }
                    let items = l.snapshot();
                    let si = self.slice_indices(s, items.len())?;
                    return Ok(Value::list(
                        si.indices().map(|i| items[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(index, "list")?;
                let items = l.items.borrow();
                let i = normalize(i, items.len())
                    .ok_or_else(|| PyErr::index_error("list index out of range"))?;
                Ok(items[i].clone())
            }
            Value::Tuple(t) => {
                if let Value::Slice(s) = index {
                    let si = self.slice_indices(s, t.len())?;
                    if si.step == 1 && si.len == t.len() {
                        return Ok(container.clone());
                    }
                    return Ok(Value::tuple(
                        si.indices().map(|i| t.items[i].clone()).collect(),
                    ));
                }
                let i = self.seq_index(index, "tuple")?;
                let i = normalize(i, t.len())
                    .ok_or_else(|| PyErr::index_error("tuple index out of range"))?;
                Ok(t.items[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(sl) = index {
                    let si = self.slice_indices(sl, s.char_len())?;
                    if si.step == 1 {
                        let (a, b) = (
                            s.byte_offset(si.start as usize),
                            s.byte_offset(si.start as usize + si.len),
                        );
                        return Ok(Value::str(&s.as_str()[a..b]));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::str(
                        si.indices().map(|i| chars[i]).collect::<String>(),
                    ));
                }
                let i = match index {
                    Value::Int(_) | Value::Bool(_) | Value::Instance(_) => {
                        self.index_value(index)?
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "string indices must be integers, not '{}'",
                            type_name(other)
                        )))
                    }
                };
                let i = normalize(i, s.char_len())
                    .ok_or_else(|| PyErr::index_error("string index out of range"))?;
                Ok(Value::str(
                    s.char_at(i).map(String::from).unwrap_or_default(),
                ))
            }
            Value::Bytes(b) => {
                if let Value::Slice(sl) = index {
                    let si = self.slice_indices(sl, b.data.len())?;
                    return Ok(new_bytes(si.indices().map(|i| b.data[i]).collect()));
                }
                let i = self.seq_index(index, "byte")?;
                let i = normalize(i, b.data.len())
                    .ok_or_else(|| PyErr::index_error("index out of range"))?;
                Ok(Value::Int(b.data[i] as i64))
            }
            Value::Range(r) => {
                if let Value::Slice(sl) = index {
                    // CPython's compute_slice: the slice's indices mapped through the range.
                    let (start, stop, step) = self.long_slice_indices(sl, &r.big_len())?;
                    let (r_start, r_step) = (int::big(&r.start), int::big(&r.step));
                    return Ok(Value::Range(alloc(PyRange::from_big(
                        &r_start + start * &r_step,
                        &r_start + stop * &r_step,
                        step * r_step,
                    ))));
                }
                if let (Some(s), Value::Int(i)) = (&r.small, index) {
                    let k = if *i < 0 { i + s.len } else { *i };
                    if (0..s.len).contains(&k) {
                        return Ok(Value::Int(s.get(k)));
                    }
                    return Err(PyErr::index_error("range object index out of range"));
                }
                let i = match self.py_index(index) {
                    Ok(i) => int::big(&i),
                    Err(_) => {
                        return Err(PyErr::type_error(format!(
                            "range indices must be integers or slices, not {}",
                            type_name(index)
                        )))
                    }
                };
                let len = r.big_len();
                let k = if i.is_negative() { i + &len } else { i };
                if k.is_negative() || k >= len {
                    return Err(PyErr::index_error("range object index out of range"));
                }
                Ok(Value::from_bigint(r.big_get(&k)))
            }
            Value::Dict(d) => match self.dict_get(d, index)? {
                Some(v) => Ok(v),
                None => Err(PyErr::key_error(index.clone())),
            },
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) =
                    self.call_dunder_opt(container, "__getitem__", std::slice::from_ref(index))?
                {
                    return Ok(r);
                }
                if let Value::Instance(inst) = container {
                    let p = inst.payload.borrow().clone();
                    if !p.is_null() {
                        if let Value::Dict(d) = &p {
                            // dict subclasses: __missing__ on a miss.
                            if let Some(v) = self.dict_get(d, index)? {
                                return Ok(v);
                            }
                            if let Some(r) = self.call_dunder_opt(
                                container,
                                "__missing__",
                                std::slice::from_ref(index),
                            )? {
                                return Ok(r);
                            }
                            return Err(PyErr::key_error(index.clone()));
                        }
                        return self.getitem(&p, index);
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object is not subscriptable",
                    type_name(container)
                )))
            }
            Value::Type(t) => {
                if let Some(f) = t.lookup("__class_getitem__") {
                    return self.call(&f, &[container.clone(), index.clone()], &[]);
                }
                // `list[int]` and friends: generic aliases print like the original type.
                if t.builtin {
                    return Ok(container.clone());
                }
                Err(PyErr::type_error(
                    "'type' object is not subscriptable".to_string(),
                ))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not subscriptable",
                type_name(container)
            ))),
        }
    }

    /// An integer sequence index, with the "X indices must be integers or slices" error.
    fn seq_index(&mut self, index: &Value, what: &str) -> PyResult<i64> {
        match index {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::BigInt(_) => Err(PyErr::index_error(
                "cannot fit 'int' into an index-sized integer".to_string(),
            )),
            Value::Instance(_) | Value::Native(_) => self.index_value(index),
            other => Err(PyErr::type_error(format!(
                "{what} indices must be integers or slices, not {}",
                type_name(other)
            ))),
        }
    }

    /// `container[index] = value`.
    pub fn setitem(&mut self, container: &Value, index: &Value, value: Value) -> PyResult<()> {
        match container {
            Value::List(l) => {
                if let Value::Int(i) = index {
                    let mut items = l.items.borrow_mut();
                    let n = items.len();
                    let i = normalize(*i, n)
                        .ok_or_else(|| PyErr::index_error("list assignment index out of range"))?;
                    items[i] = value;
                    return Ok(());
                }
                if let Value::Slice(s) = index {
                    let new_items = match &value {
                        Value::List(v) if std::rc::Rc::ptr_eq(v, l) => v.snapshot(),
                        // A temporary list (`a[:k] = b[k::-1]`) gives up its items.
                        Value::List(v) if std::rc::Rc::strong_count(v) == 1 => {
                            std::mem::take(&mut *v.items.borrow_mut())
                        }
                        _ => self.collect(&value).map_err(|e| {
                            if e.is(ExcKind::TypeError) {
                                PyErr::type_error("can only assign an iterable")
                            } else {
                                e
                            }
                        })?,
                    };
                    let len = l.len();
                    let si = self.slice_indices(s, len)?;
                    let mut items = l.items.borrow_mut();
                    if si.step == 1 {
                        let start = si.start.clamp(0, len as i64) as usize;
                        let stop =
                            (si.start + si.len as i64).clamp(start as i64, len as i64) as usize;
                        items.splice(start..stop, new_items);
                        return Ok(());
                    }
                    if new_items.len() != si.len {
                        return Err(PyErr::value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            si.len
                        )));
                    }
                    for (i, v) in si.indices().zip(new_items) {
                        items[i] = v;
                    }
                    return Ok(());
                }
                let i = self.seq_index(index, "list")?;
                let mut items = l.items.borrow_mut();
                let n = items.len();
                let i = normalize(i, n)
                    .ok_or_else(|| PyErr::index_error("list assignment index out of range"))?;
                items[i] = value;
                Ok(())
            }
            Value::Dict(d) => self.dict_set(d, index.clone(), value),
            Value::Instance(_) | Value::Native(_) => {
                if self
                    .call_dunder_opt(container, "__setitem__", &[index.clone(), value.clone()])?
                    .is_some()
                {
                    return Ok(());
                }
                if let Value::Instance(inst) = container {
                    let p = inst.payload.borrow().clone();
                    if !p.is_null() {
                        return self.setitem(&p, index, value);
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item assignment",
                    type_name(container)
                )))
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object does not support item assignment",
                type_name(container)
            ))),
        }
    }

    /// `del container[index]`.
    pub fn delitem(&mut self, container: &Value, index: &Value) -> PyResult<()> {
        match container {
            Value::List(l) => {
                if let Value::Slice(s) = index {
                    let len = l.len();
                    let si = self.slice_indices(s, len)?;
                    let mut remove: Vec<usize> = si.indices().collect();
                    remove.sort_unstable();
                    let mut items = l.items.borrow_mut();
                    let mut k = 0;
                    let mut i = 0;
                    items.retain(|_| {
                        let drop = k < remove.len() && remove[k] == i;
                        if drop {
                            k += 1;
                        }
                        i += 1;
                        !drop
                    });
                    return Ok(());
                }
                let i = self.seq_index(index, "list")?;
                let mut items = l.items.borrow_mut();
                let n = items.len();
                let i = normalize(i, n)
                    .ok_or_else(|| PyErr::index_error("list assignment index out of range"))?;
                items.remove(i);
                Ok(())
            }
            Value::Dict(d) => {
                if self.dict_del(d, index)?.is_none() {
                    return Err(PyErr::key_error(index.clone()));
                }
                Ok(())
            }
            Value::Instance(_) | Value::Native(_) => {
                if self
                    .call_dunder_opt(container, "__delitem__", std::slice::from_ref(index))?
                    .is_some()
                {
                    return Ok(());
                }
                if let Value::Instance(inst) = container {
                    let p = inst.payload.borrow().clone();
                    if !p.is_null() {
                        return self.delitem(&p, index);
                    }
                }
                Err(PyErr::type_error(format!(
                    "'{}' object does not support item deletion",
                    type_name(container)
                )))
            }
            _ => {
                // CPython's PyObject_DelItem: an immutable sequence given an index fails in
                // PySequence_DelItem ("doesn't"); any other key, or a non-sequence, "does not".
                let sequence = matches!(
                    container,
                    Value::Tuple(_)
                        | Value::Str(_)
                        | Value::Bytes(_)
                        | Value::Range(_)
                        | Value::Set(_)
                );
                let index_like = matches!(index, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
                    || (matches!(index, Value::Instance(_) | Value::Native(_))
                        && super::types::type_of(index).lookup("__index__").is_some());
                Err(PyErr::type_error(format!(
                    "'{}' object {} support item deletion",
                    type_name(container),
                    if sequence && index_like {
                        "doesn't"
                    } else {
                        "does not"
                    }
                )))
            }
        }
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::List(l) => {
                let n = l.len();
                for i in 0..n {
                    let Some(x) = l.get(i) else { break };
                    if self.key_eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Tuple(t) => {
                for x in t.items.iter() {
                    if self.key_eq(x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                other => Err(PyErr::type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    type_name(other)
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Int(i) => Ok(b.data.contains(&(*i as u8))),
                Value::Bytes(sub) => Ok(sub.data.is_empty()
                    || b.data
                        .windows(sub.data.len())
                        .any(|w| w == sub.data.as_slice())),
                other => Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    type_name(other)
                ))),
            },
            Value::Dict(d) => Ok(self.dict_get(d, item)?.is_some()),
            Value::Set(s) => {
                let h = self.hash(item)?;
                let t = s.table.borrow();
                t.lookup(item, h, &mut |a, b| self.key_eq(a, b))
                    .map(|r| r.is_some())
            }
            Value::Range(r) => match item {
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(r.contains_int(item)),
                _ => {
                    // Anything else is compared with each element in turn, as CPython does.
                    let it = self.iter(container)?;
                    while let Some(x) = self.next(&it)? {
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            },
            Value::Instance(_) | Value::Native(_) => {
                if let Some(r) =
                    self.call_dunder_opt(container, "__contains__", std::slice::from_ref(item))?
                {
                    return self.truthy(&r);
                }
                let iter = self.iter(container)?;
                while let Some(x) = self.next(&iter)? {
                    if self.key_eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                let iter = self.iter(container).map_err(|_| {
                    PyErr::type_error(format!(
                        "argument of type '{}' is not iterable",
                        type_name(container)
                    ))
                })?;
                while let Some(x) = self.next(&iter)? {
                    if self.key_eq(&x, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
        }
    }
}

/// A negative index counts from the end; None when out of range.
#[inline]
pub fn normalize(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

/// Fast subscripting of lists and tuples by int (the interpreter's hot path); None otherwise.
#[inline]
pub fn subscript_builtin(container: &Value, index: &Value) -> Option<PyResult<Value>> {
    let Value::Int(i) = index else { return None };
    match container {
        Value::List(l) => {
            let items = l.items.borrow();
            Some(
                normalize(*i, items.len())
                    .map(|k| items[k].clone())
                    .ok_or_else(|| PyErr::index_error("list index out of range")),
            )
        }
        Value::Tuple(t) => Some(
            normalize(*i, t.len())
                .map(|k| t.items[k].clone())
                .ok_or_else(|| PyErr::index_error("tuple index out of range")),
        ),
        Value::Str(s) if s.is_ascii() => Some(
            normalize(*i, s.char_len())
                .map(|k| Value::str(&s.as_str()[k..k + 1]))
                .ok_or_else(|| PyErr::index_error("string index out of range")),
        ),
        _ => None,
    }
}

/// Big-int helper for callers that need an index-sized value or an OverflowError.
pub fn to_index_i64(v: &num_bigint::BigInt) -> PyResult<i64> {
    v.to_i64()
        .ok_or_else(|| PyErr::overflow("Python int too large to convert to C ssize_t"))
}

/// Whether a slice's bounds are all ints or None, so reading them runs no Python code.
fn plain_slice(s: &PySlice) -> bool {
    [&s.start, &s.stop, &s.step]
        .iter()
        .all(|v| matches!(v, Value::None | Value::Int(_)))
}
