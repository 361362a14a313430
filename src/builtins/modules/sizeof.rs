//! `sys.getsizeof`: the sizes CPython 3.11 reports on a 64-bit build, computed from each value's
//! length the way CPython lays the object out (header, then items or a hash table). pyvm's own
//! objects are laid out differently; these figures are what programs measuring memory expect.

use crate::builtins::parse_args;
use crate::objects::Args;
use crate::vm::{PyErr, PyResult, Value, Vm};
use num_bigint::BigInt;

/// Bytes of the garbage collector's header, which `getsizeof` adds for tracked objects.
const GC_HEADER: usize = 16;

/// An instance of a Python class also has its `__dict__` pointers before the object (3.11).
const INSTANCE_HEADER: usize = GC_HEADER + 16;

/// sys.getsizeof(object, default): the object's size in bytes.
pub fn getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("getsizeof", &args, &["object", "default"], 1)?;
    let v = a[0].clone().unwrap_or(Value::None);
    let size = match &v {
        Value::Instance(_) => match vm.call_dunder_opt(&v, "__sizeof__", &[])? {
            Some(n) => {
                let n = vm.index_value(&n)?;
                if n < 0 {
                    return Err(PyErr::value_error("__sizeof__() should return >= 0"));
                }
                n as usize + INSTANCE_HEADER
            }
            None => 24 + INSTANCE_HEADER,
        },
        other => py_sizeof(other),
    };
    Ok(Value::Int(size as i64))
}

/// The size of a built-in value, as CPython's `__sizeof__` plus the GC header where CPython has one.
fn py_sizeof(v: &Value) -> usize {
    match v {
        Value::None | Value::Ellipsis | Value::NotImplemented | Value::Null => 16,
        Value::Bool(_) => 28,
        Value::Int(i) => int_size(u64::BITS - i.unsigned_abs().leading_zeros()),
        Value::BigInt(b) => int_size(big_bits(b)),
        Value::Float(_) => 24,
        Value::Complex(_) => 32,
        Value::Str(s) => str_size(s.as_str(), s.char_len(), s.is_ascii()),
        Value::Bytes(b) => 33 + b.data.len(),
        Value::Tuple(t) => 24 + GC_HEADER + 8 * t.items.len(),
        // A list's items array is allocated with spare room; Vec's doubling matches CPython's
        // growth for lists built by appends up to 16 items and lists built at their final size.
        Value::List(l) => 40 + GC_HEADER + 8 * l.items.borrow().capacity(),
        Value::Dict(d) => dict_size(&d.keys()),
        Value::Set(s) => set_size(s.len()),
        Value::Range(_) => 48,
        Value::Slice(_) => 56,
        Value::Function(_) => 152,
        Value::Builtin(_) | Value::Module(_) => 72,
        Value::Method(_) => 48,
        Value::Type(_) => 1688,
        Value::Iterator(_) => 48,
        Value::Generator(_) => 200,
        Value::Cell(_) => 40,
        Value::Code(_) => 176,
        Value::Instance(_) | Value::Native(_) => 56,
    }
}

/// An int is a header and one 30-bit digit per 30 bits of magnitude (at least one).
fn int_size(bits: u32) -> usize {
    24 + 4 * (bits.div_ceil(30).max(1) as usize)
}

fn big_bits(b: &BigInt) -> u32 {
    b.bits() as u32
}

/// Compact strings: 1, 2 or 4 bytes a character by the widest one, plus a NUL.
fn str_size(s: &str, chars: usize, ascii: bool) -> usize {
    if ascii {
        return 49 + chars;
    }
    match s.chars().map(|c| c as u32).max().unwrap_or(0) {
        0..=0xff => 73 + chars,
        0x100..=0xffff => 74 + 2 * chars,
        _ => 76 + 4 * chars,
    }
}

/// A dict is 64 bytes empty; otherwise a keys table of 2^k slots holding 2/3 of that many
/// entries: a 32-byte header, the index array, and 24-byte entries (16 when every key is a str).
fn dict_size(keys: &[Value]) -> usize {
    let n = keys.len();
    if n == 0 {
        return 48 + GC_HEADER;
    }
    let mut slots = 8usize;
    while slots * 2 / 3 < n {
        slots *= 2;
    }
    let index_bytes = match slots {
        0..=0x80 => 1,
        0x81..=0x8000 => 2,
        0x8001..=0x8000_0000 => 4,
        _ => 8,
    };
    let entry = if keys.iter().all(|k| matches!(k, Value::Str(_))) {
        16
    } else {
        24
    };
    48 + GC_HEADER + 32 + slots * index_bytes + slots * 2 / 3 * entry
}

/// A set keeps 8 slots inside the object; a larger table grows, when 3/5 full, to the next power
/// of two above four times the entries, at 16 bytes a slot.
fn set_size(n: usize) -> usize {
    let base = 200 + GC_HEADER;
    let mut mask = 7usize;
    for fill in 1..=n {
        if fill * 5 >= mask * 3 {
            let wanted = if fill > 50_000 { fill * 2 } else { fill * 4 };
            let mut size = 8;
            while size <= wanted {
                size <<= 1;
            }
            mask = size - 1;
        }
    }
    if mask == 7 {
        base
    } else {
        base + 16 * (mask + 1)
    }
}
