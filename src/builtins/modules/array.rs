//! The `array` module: `array.array`, a typed contiguous buffer of machine numbers. Elements are
//! stored unboxed (one `Vec` of the C type per typecode) and converted to Python values on access;
//! range checks carry CPython 3.11's messages, which come from the `PyArg_Parse` format each
//! typecode's setter uses (so 'H' reports "signed integer" before "unsigned short").

use super::math::arg_f64;
use crate::builtins::classes::{native_type, with_native};
use crate::builtins::{add_methods, check_positional, function, no_kwargs, one_arg};
use crate::objects::int::big;
use crate::objects::{Args, IterKind, Layout, NativeIter, NativeObject, PyModule, PyType};
use crate::vm::iter::new_iter;
use crate::vm::ops::Cmp;
use crate::vm::types::{builtin_types, make_type, type_name};
use crate::vm::value::alloc;
use crate::vm::{PyErr, PyResult, Value, Vm};
use num_traits::{Signed, ToPrimitive};
use std::cell::RefCell;
use std::rc::Rc;

/// The element storage, one variant per C type.
#[derive(Clone)]
enum Buf {
    I8(Vec<i8>),
    U8(Vec<u8>),
    I16(Vec<i16>),
    U16(Vec<u16>),
    I32(Vec<i32>),
    U32(Vec<u32>),
    I64(Vec<i64>),
    U64(Vec<u64>),
    F32(Vec<f32>),
    F64(Vec<f64>),
}

/// Runs `$e` with `$v` bound to the typed vector, whatever its element type.
macro_rules! with_buf {
    ($b:expr, $v:ident => $e:expr) => {
        match $b {
            Buf::I8($v) => $e,
            Buf::U8($v) => $e,
            Buf::I16($v) => $e,
            Buf::U16($v) => $e,
            Buf::I32($v) => $e,
            Buf::U32($v) => $e,
            Buf::I64($v) => $e,
            Buf::U64($v) => $e,
            Buf::F32($v) => $e,
            Buf::F64($v) => $e,
        }
    };
}

/// A checked element value: every integer typecode's range fits in i128.
#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

/// An element type of a `Buf`.
trait Item: Copy {
    fn value(self) -> Value;
    /// `n` has already been range-checked for this type.
    fn from_num(n: Num) -> Self;
}

macro_rules! int_item {
    ($($t:ty),*) => {$(
        impl Item for $t {
            fn value(self) -> Value {
                Value::from_bigint((self as i128).into())
            }
            fn from_num(n: Num) -> Self {
                match n {
                    Num::Int(i) => i as $t,
                    Num::Float(f) => f as $t,
                }
            }
        }
    )*};
}
int_item!(i8, u8, i16, u16, i32, u32, i64, u64);

impl Item for f32 {
    fn value(self) -> Value {
        Value::Float(self as f64)
    }
    fn from_num(n: Num) -> Self {
        match n {
            Num::Int(i) => i as f32,
            Num::Float(f) => f as f32,
        }
    }
}

impl Item for f64 {
    fn value(self) -> Value {
        Value::Float(self)
    }
    fn from_num(n: Num) -> Self {
        match n {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
}

/// The Rust data of an `array.array` instance.
pub struct ArrayData {
    code: char,
    buf: Buf,
}

const TYPECODES: &str = "bBhHiIlLqQfd";

impl ArrayData {
    fn new(code: char) -> ArrayData {
        let buf = match code {
            'b' => Buf::I8(Vec::new()),
            'B' => Buf::U8(Vec::new()),
            'h' => Buf::I16(Vec::new()),
            'H' => Buf::U16(Vec::new()),
            'i' => Buf::I32(Vec::new()),
            'I' => Buf::U32(Vec::new()),
            'l' | 'q' => Buf::I64(Vec::new()),
            'L' | 'Q' => Buf::U64(Vec::new()),
            'f' => Buf::F32(Vec::new()),
            _ => Buf::F64(Vec::new()),
        };
        ArrayData { code, buf }
    }

    fn len(&self) -> usize {
        with_buf!(&self.buf, v => v.len())
    }

    fn itemsize(&self) -> usize {
        match self.code {
            'b' | 'B' => 1,
            'h' | 'H' => 2,
            'i' | 'I' | 'f' => 4,
            _ => 8,
        }
    }

    fn get(&self, i: usize) -> Value {
        with_buf!(&self.buf, v => v[i].value())
    }

    fn set(&mut self, i: usize, n: Num) {
        with_buf!(&mut self.buf, v => v[i] = Item::from_num(n))
    }

    fn push(&mut self, n: Num) {
        with_buf!(&mut self.buf, v => v.push(Item::from_num(n)))
    }

    fn to_list(&self) -> Vec<Value> {
        with_buf!(&self.buf, v => v.iter().map(|x| x.value()).collect())
    }

    /// A new array of the elements at `indices`.
    fn select(&self, indices: impl Iterator<Item = usize>) -> ArrayData {
        let mut out = ArrayData::new(self.code);
        for i in indices {
            let v = self.get(i);
            out.push(match v {
                Value::Float(f) => Num::Float(f),
                other => Num::Int(big(&other).to_i128().unwrap_or(0)),
            });
        }
        out
    }
}

fn overflow(msg: &str) -> PyErr {
    PyErr::overflow(msg.to_string())
}

/// Converts `v` for typecode `code`, with the messages of CPython's setters.
fn to_num(vm: &mut Vm, code: char, v: &Value) -> PyResult<Num> {
    if code == 'f' || code == 'd' {
        return Ok(Num::Float(arg_f64(vm, v)?));
    }
    let i = big(&vm.py_index(v)?);
    let long = || {
        i.to_i64()
            .ok_or_else(|| overflow("Python int too large to convert to C long"))
    };
    let bounded = |x: i64, lo: i64, hi: i64, what: &str| {
        if x < lo {
            Err(overflow(&format!("{what} is less than minimum")))
        } else if x > hi {
            Err(overflow(&format!("{what} is greater than maximum")))
        } else {
            Ok(x)
        }
    };
    let short = |x| bounded(x, i16::MIN as i64, i16::MAX as i64, "signed short integer");
    let int = |x| bounded(x, i32::MIN as i64, i32::MAX as i64, "signed integer");
    let unsigned_long = || {
        if i.is_negative() {
            return Err(overflow("can't convert negative value to unsigned int"));
        }
        i.to_u64()
            .ok_or_else(|| overflow("Python int too large to convert to C unsigned long"))
    };
    let x: i128 = match code {
        'b' => bounded(short(long()?)?, -128, 127, "signed char")?.into(),
        'B' => bounded(long()?, 0, 255, "unsigned byte integer")?.into(),
        'h' => short(long()?)?.into(),
        'H' => bounded(int(long()?)?, 0, 65535, "unsigned short")?.into(),
        'i' => int(long()?)?.into(),
        'I' => {
            let x = unsigned_long()?;
            if x > u32::MAX as u64 {
                return Err(overflow("unsigned int is greater than maximum"));
            }
            x.into()
        }
        'l' => long()?.into(),
        'L' => unsigned_long()?.into(),
        'q' => i
            .to_i64()
            .ok_or_else(|| overflow("int too big to convert"))?
            .into(),
        _ => {
            if i.is_negative() {
                return Err(overflow("can't convert negative int to unsigned"));
            }
            i.to_u64()
                .ok_or_else(|| overflow("int too big to convert"))?
                .into()
        }
    };
    Ok(Num::Int(x))
}

fn array_type() -> Rc<PyType> {
    thread_local! {
        static ARRAY: Rc<PyType> = {
            let t = make_type("array", Layout::Native, vec![builtin_types().object.clone()]);
            t.dict.set_str("__module__", Value::str("array"));
            add_methods(
                &t,
                &[
                    ("__new__", array_new),
                    ("__len__", array_len),
                    ("__getitem__", array_getitem),
                    ("__setitem__", array_setitem),
                    ("__iter__", array_iter),
                    ("__repr__", array_repr),
                    ("__eq__", array_eq),
                    ("__ne__", array_ne),
                    ("__lt__", array_lt),
                    ("__le__", array_le),
                    ("__gt__", array_gt),
                    ("__ge__", array_ge),
                    ("__hash__", array_hash),
                    ("__add__", array_add),
                    ("__iadd__", array_iadd),
                    ("__mul__", array_mul),
                    ("__rmul__", array_mul),
                    ("__delitem__", array_delitem),
                    ("insert", array_insert),
                    ("remove", array_remove),
                    ("append", array_append),
                    ("extend", array_extend),
                    ("tolist", array_tolist),
                    ("pop", array_pop),
                    ("index", array_index),
                    ("count", array_count),
                    ("reverse", array_reverse),
                ],
            );
            t
        };
    }
    ARRAY.with(|t| t.clone())
}

pub fn create(vm: &mut Vm) -> PyResult<Rc<PyModule>> {
    let m = vm.new_module("array");
    let t = array_type();
    let property = Value::Type(native_type("property"));
    for (name, f) in [
        ("typecode", array_typecode as crate::objects::BuiltinFn),
        ("itemsize", array_itemsize),
    ] {
        let p = vm.call(&property, &[function("array", name, f)], &[])?;
        t.dict.set_str(name, p);
    }
    m.dict.set_str("array", Value::Type(t.clone()));
    m.dict.set_str("ArrayType", Value::Type(t));
    // 'u' (wchar_t) is listed, as CPython does, but not implemented.
    m.dict.set_str("typecodes", Value::str("bBuhHiIlLqQfd"));
    Ok(m)
}

fn wrap(class: Rc<PyType>, data: ArrayData) -> Value {
    Value::Native(alloc(NativeObject {
        class,
        data: RefCell::new(Box::new(data)),
    }))
}

/// Reads the array data of `v`.
fn read<R>(v: &Value, f: impl FnOnce(&ArrayData) -> R) -> PyResult<R> {
    // A subclass instance carries the array as its built-in payload.
    let v = &crate::vm::ops::payload_or_self(v);
    with_native::<ArrayData, R>(v, f).ok_or_else(|| {
        PyErr::type_error(format!(
            "descriptor requires a 'array.array' object but received a '{}'",
            type_name(v)
        ))
    })
}

/// Changes the array data of `v`.
fn write<R>(v: &Value, f: impl FnOnce(&mut ArrayData) -> R) -> PyResult<R> {
    if let Value::Native(n) = crate::vm::ops::payload_or_self(v) {
        if let Some(d) = n.data.borrow_mut().downcast_mut::<ArrayData>() {
            return Ok(f(d));
        }
    }
    Err(PyErr::type_error(
        "descriptor requires a 'array.array' object",
    ))
}

fn array_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.args.first() else {
        return Err(PyErr::type_error(
            "array.__new__(X): X is not a type object",
        ));
    };
    let a = Args::with_kw(&args.args[1..], args.kwnames);
    if a.has_kwargs() {
        return Err(PyErr::type_error(
            "array.array() takes no keyword arguments",
        ));
    }
    let p = crate::builtins::varargs("array", &a, 1, 2)?;
    let code = match &p[0] {
        Value::Str(s) if s.as_str().chars().count() == 1 => s.as_str().chars().next(),
        other => {
            return Err(PyErr::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                type_name(other)
            )))
        }
    };
    let code = code.filter(|c| TYPECODES.contains(*c)).ok_or_else(|| {
        PyErr::value_error("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)")
    })?;
    let mut data = ArrayData::new(code);
    if let Some(init) = p.get(1) {
        match init {
            Value::Str(_) => {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{code}'"
                )))
            }
            Value::Bytes(_) => {
                return Err(PyErr::type_error(
                    "bytes initialisation of arrays is not supported",
                ))
            }
            _ => {
                for x in vm.collect(init)? {
                    data.push(to_num(vm, code, &x)?);
                }
            }
        }
    }
    Ok(wrap(cls.clone(), data))
}

fn me(args: &Args) -> Value {
    args.args.first().cloned().unwrap_or(Value::None)
}

fn array_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(read(&me(&args), ArrayData::len)? as i64))
}

fn array_typecode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::str(read(&me(&args), |d| d.code.to_string())?))
}

fn array_itemsize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(read(&me(&args), ArrayData::itemsize)? as i64))
}

/// The index of `args[1]` in an array of `len` items, or the IndexError `msg`.
fn index_of(vm: &mut Vm, i: &Value, len: usize, msg: &str) -> PyResult<usize> {
    let i = match i {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => vm.index_value(i)?,
        _ => vm
            .index_value(i)
            .map_err(|_| PyErr::type_error("array indices must be integers"))?,
    };
    crate::vm::collections::normalize(i, len).ok_or_else(|| PyErr::index_error(msg.to_string()))
}

fn array_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__getitem__", &args, 2, 2)?;
    let len = read(&p[0], ArrayData::len)?;
    if let Value::Slice(s) = &p[1] {
        let idx = vm.slice_indices(s, len)?;
        let data = read(&p[0], |d| d.select(idx.indices()))?;
        return Ok(wrap(array_type(), data));
    }
    let i = index_of(vm, &p[1], len, "array index out of range")?;
    read(&p[0], |d| d.get(i))
}

fn array_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__setitem__", &args, 3, 3)?;
    let (code, len) = read(&p[0], |d| (d.code, d.len()))?;
    if let Value::Slice(s) = &p[1] {
        let src = with_native::<ArrayData, _>(&p[2], |d| (d.code, d.to_list()));
        let Some((src_code, items)) = src else {
            return Err(PyErr::type_error(format!(
                "can only assign array (not \"{}\") to array slice",
                type_name(&p[2])
            )));
        };
        if src_code != code {
            return Err(PyErr::type_error(
                "bad argument type for built-in operation",
            ));
        }
        let idx = vm.slice_indices(s, len)?;
        let nums: Vec<Num> = items
            .iter()
            .map(|v| to_num(vm, code, v))
            .collect::<PyResult<_>>()?;
        let targets: Vec<usize> = idx.indices().collect();
        if idx.step == 1 {
            // Bounds are clamped to 0..=len by slice_indices.
            let start = idx.start as usize;
            let end = start + targets.len();
            return write(&p[0], |d| {
                let mut all = d.select(0..start);
                for n in nums {
                    all.push(n);
                }
                extend_buf(&mut all.buf, d.select(end..len).buf);
                *d = all;
                Value::None
            });
        }
        if targets.len() != nums.len() {
            return Err(PyErr::value_error(format!(
                "attempt to assign array of size {} to extended slice of size {}",
                nums.len(),
                targets.len()
            )));
        }
        return write(&p[0], |d| {
            for (t, n) in targets.into_iter().zip(nums) {
                d.set(t, n);
            }
            Value::None
        });
    }
    let i = index_of(vm, &p[1], len, "array assignment index out of range")?;
    let n = to_num(vm, code, &p[2])?;
    write(&p[0], |d| d.set(i, n))?;
    Ok(Value::None)
}

/// Iterates an array by index, so appends during iteration are seen (as in CPython).
struct ArrayIter {
    array: Value,
    index: usize,
}

impl NativeIter for ArrayIter {
    fn type_name(&self) -> &'static str {
        "arrayiterator"
    }
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        let i = self.index;
        let v = read(&self.array, |d| (i < d.len()).then(|| d.get(i)))?;
        self.index += 1;
        Ok(v)
    }
}

fn array_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(new_iter(IterKind::Native(Box::new(ArrayIter {
        array: me(&args),
        index: 0,
    }))))
}

fn array_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (code, items) = read(&me(&args), |d| (d.code, d.to_list()))?;
    if items.is_empty() {
        return Ok(Value::str(format!("array('{code}')")));
    }
    let list = vm.repr(&Value::list(items))?;
    Ok(Value::str(format!("array('{code}', {list})")))
}

/// Rich comparison of two arrays, element by element as lists compare.
fn compare(vm: &mut Vm, args: &Args, op: Cmp) -> PyResult<Value> {
    let p = check_positional(op.dunder(), args, 2, 2)?;
    let Some(other) =
        with_native::<ArrayData, _>(&crate::vm::ops::payload_or_self(&p[1]), ArrayData::to_list)
    else {
        return Ok(Value::NotImplemented);
    };
    let mine = read(&p[0], ArrayData::to_list)?;
    vm.compare(op, &Value::list(mine), &Value::list(other))
}

fn array_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Eq)
}

fn array_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Ne)
}

fn array_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Lt)
}

fn array_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Le)
}

fn array_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Gt)
}

fn array_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Ge)
}

fn array_hash(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Err(PyErr::type_error("unhashable type: 'array.array'"))
}

fn array_add(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__add__", &args, 2, 2)?;
    let Some(other) = with_native::<ArrayData, _>(&p[1], |d| (d.code, d.buf.clone())) else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            type_name(&p[1])
        )));
    };
    let mut data = read(&p[0], |d| ArrayData {
        code: d.code,
        buf: d.buf.clone(),
    })?;
    if other.0 != data.code {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    extend_buf(&mut data.buf, other.1);
    Ok(wrap(array_type(), data))
}

/// Appends `src` (of the same element type) to `dst`.
fn extend_buf(dst: &mut Buf, src: Buf) {
    match (dst, src) {
        (Buf::I8(a), Buf::I8(b)) => a.extend(b),
        (Buf::U8(a), Buf::U8(b)) => a.extend(b),
        (Buf::I16(a), Buf::I16(b)) => a.extend(b),
        (Buf::U16(a), Buf::U16(b)) => a.extend(b),
        (Buf::I32(a), Buf::I32(b)) => a.extend(b),
        (Buf::U32(a), Buf::U32(b)) => a.extend(b),
        (Buf::I64(a), Buf::I64(b)) => a.extend(b),
        (Buf::U64(a), Buf::U64(b)) => a.extend(b),
        (Buf::F32(a), Buf::F32(b)) => a.extend(b),
        (Buf::F64(a), Buf::F64(b)) => a.extend(b),
        _ => {}
    }
}

fn array_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = me(&args);
    let x = one_arg("array.append", &Args::new(&args.args[1..]))?;
    let code = read(&this, |d| d.code)?;
    let n = to_num(vm, code, x)?;
    write(&this, |d| d.push(n))?;
    Ok(Value::None)
}

fn array_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = me(&args);
    let x = one_arg("array.extend", &Args::new(&args.args[1..]))?;
    let code = read(&this, |d| d.code)?;
    if let Some((c, buf)) = with_native::<ArrayData, _>(x, |d| (d.code, d.buf.clone())) {
        if c != code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        write(&this, |d| extend_buf(&mut d.buf, buf))?;
        return Ok(Value::None);
    }
    let it = vm.iter(x)?;
    while let Some(v) = vm.next(&it)? {
        let n = to_num(vm, code, &v)?;
        write(&this, |d| d.push(n))?;
    }
    Ok(Value::None)
}

fn array_tolist(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::list(read(&me(&args), ArrayData::to_list)?))
}

fn array_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = me(&args);
    let a = Args::new(&args.args[1..]);
    no_kwargs("pop", &a)?;
    let p = check_positional("pop", &a, 0, 1)?;
    let len = read(&this, ArrayData::len)?;
    if len == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = match p.first() {
        Some(i) => index_of(vm, i, len, "pop index out of range")?,
        None => len - 1,
    };
    write(&this, |d| {
        let v = d.get(i);
        with_buf!(&mut d.buf, b => { b.remove(i); });
        v
    })
}

fn array_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg("array.index", &Args::new(&args.args[1..]))?;
    let items = read(&me(&args), ArrayData::to_list)?;
    for (i, v) in items.iter().enumerate() {
        if vm.eq(v, x)? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("array.index(x): x not in array"))
}

fn array_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = one_arg("array.count", &Args::new(&args.args[1..]))?;
    let items = read(&me(&args), ArrayData::to_list)?;
    let mut n = 0;
    for v in &items {
        if vm.eq(v, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn array_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    write(&me(&args), |d| with_buf!(&mut d.buf, b => b.reverse()))?;
    Ok(Value::None)
}

fn array_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__mul__", &args, 2, 2)?;
    let n = match &p[1] {
        Value::Int(_) | Value::Bool(_) => vm.index_value(&p[1])?.max(0) as usize,
        _ => return Ok(Value::NotImplemented),
    };
    let data = read(&p[0], |d| {
        let len = d.len();
        d.select((0..n).flat_map(|_| 0..len))
    })?;
    Ok(wrap(array_type(), data))
}

fn array_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__delitem__", &args, 2, 2)?;
    let len = read(&p[0], ArrayData::len)?;
    let doomed: Vec<usize> = if let Value::Slice(s) = &p[1] {
        vm.slice_indices(s, len)?.indices().collect()
    } else {
        vec![index_of(
            vm,
            &p[1],
            len,
            "array assignment index out of range",
        )?]
    };
    write(&p[0], |d| {
        let keep = (0..len).filter(|i| !doomed.contains(i));
        *d = d.select(keep);
    })?;
    Ok(Value::None)
}

fn array_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = me(&args);
    let a = Args::new(&args.args[1..]);
    let p = crate::builtins::check_positional("insert", &a, 2, 2)?;
    let (code, len) = read(&this, |d| (d.code, d.len()))?;
    let i = vm.index_value(&p[0])?;
    let at = if i < 0 {
        (i + len as i64).max(0) as usize
    } else {
        (i as usize).min(len)
    };
    let n = to_num(vm, code, &p[1])?;
    write(
        &this,
        |d| with_buf!(&mut d.buf, b => b.insert(at, Item::from_num(n))),
    )?;
    Ok(Value::None)
}

fn array_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = me(&args);
    let x = one_arg("array.remove", &Args::new(&args.args[1..]))?;
    let items = read(&this, ArrayData::to_list)?;
    for (i, v) in items.iter().enumerate() {
        if vm.eq(v, x)? {
            write(&this, |d| with_buf!(&mut d.buf, b => { b.remove(i); }))?;
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("array.remove(x): x not in array"))
}

/// `a += b` extends `a` in place (only by an array of the same kind).
fn array_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = check_positional("__iadd__", &args, 2, 2)?;
    if with_native::<ArrayData, _>(&p[1], |_| ()).is_none() {
        return Err(PyErr::type_error(format!(
            "can only extend array with array (not \"{}\")",
            type_name(&p[1])
        )));
    }
    array_extend(vm, args)?;
    Ok(p[0].clone())
}
