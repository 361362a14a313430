//! `Value`: every Python value pyvm handles, in a fixed 16-byte layout.
//!
//! ```text
//!   bytes 0..8                   bytes 8..16
//!  +----------------------------+---------------------------------------------+
//!  | tag (u64, little endian)   | payload: bool | i64 | f64 | Rc<T> pointer   |
//!  +----------------------------+---------------------------------------------+
//! ```
//! `None`, `bool`, small `int` and `float` are immediates; everything else is a reference-counted
//! heap object. Compiled code reads a frame slot's tag at offset 0 and its payload at offset 8
//! (see [`Value::TAG_OFFSET`] and [`Value::PAYLOAD_OFFSET`]). Code outside this file reaches
//! values through the accessors here, so the representation can change in one place.
//!
//! Boxing is made visible: every heap allocation of a value goes through [`alloc`], which bumps a
//! per-thread counter that the profiler and `pyvm bench` read.

use crate::bytecode::Code;
use crate::objects::{
    NativeObject, PyBuiltin, PyBytes, PyCell, PyDict, PyFunction, PyGenerator, PyInstance,
    PyIterator, PyList, PyMethod, PyModule, PyRange, PySet, PySlice, PyStr, PyTuple, PyType,
};
use num_bigint::BigInt;
use std::cell::Cell;
use std::rc::Rc;

/// A complex number (immutable, boxed).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

/// A Python value. Variants map one-to-one to the runtime's object kinds; `Null` is the
/// interpreter's internal "no value" marker (CPython's NULL) and is never visible to programs.
#[repr(C, u64)]
pub enum Value {
    // Immediates (tags 0..=6): no heap reference, copied bitwise.
    Null = 0,
    None = 1,
    Bool(bool) = 2,
    Int(i64) = 3,
    Float(f64) = 4,
    Ellipsis = 5,
    NotImplemented = 6,
    // Heap objects (tags 7..): reference counted.
    BigInt(Rc<BigInt>) = 7,
    Complex(Rc<Complex>) = 8,
    Str(Rc<PyStr>) = 9,
    Bytes(Rc<PyBytes>) = 10,
    List(Rc<PyList>) = 11,
    Tuple(Rc<PyTuple>) = 12,
    Dict(Rc<PyDict>) = 13,
    Set(Rc<PySet>) = 14,
    Range(Rc<PyRange>) = 15,
    Slice(Rc<PySlice>) = 16,
    Function(Rc<PyFunction>) = 17,
    Builtin(Rc<PyBuiltin>) = 18,
    Method(Rc<PyMethod>) = 19,
    Module(Rc<PyModule>) = 20,
    Type(Rc<PyType>) = 21,
    Instance(Rc<PyInstance>) = 22,
    Iterator(Rc<PyIterator>) = 23,
    Generator(Rc<PyGenerator>) = 24,
    Cell(Rc<PyCell>) = 25,
    Code(Rc<Code>) = 26,
    Native(Rc<NativeObject>) = 27,
}

/// The highest tag of an immediate variant.
pub const LAST_IMMEDIATE: u8 = 6;

/// Reads a value out of a slot as two 8-byte words.
///
/// Stack slots are written by one instruction and read by the next. Moving a `Value` as a single
/// 16-byte vector load after it was written as an 8-byte tag plus a narrower payload defeats the
/// CPU's store-to-load forwarding (a ~12-cycle stall per instruction); moving it as two words
/// keeps every load matched to one earlier store.
///
/// # Safety
/// `p` must point to a valid, initialised `Value`; the caller takes ownership of it (the slot
/// must be treated as moved-from).
#[inline(always)]
pub unsafe fn read_slot(p: *const Value) -> Value {
    let w = p.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: the caller guarantees p points to a Value, which is exactly two words (repr(C, u64));
    // MaybeUninit words may carry padding bytes. The accesses are volatile only so that the
    // compiler cannot fuse them back into one 16-byte load.
    let words = unsafe { [w.read_volatile(), w.add(1).read_volatile()] };
    // SAFETY: the words are the bytes of a valid Value.
    unsafe { std::mem::transmute::<[std::mem::MaybeUninit<u64>; 2], Value>(words) }
}

/// Writes a value into a slot as two 8-byte words, without dropping the old content.
///
/// # Safety
/// `p` must point to a slot whose current content owns nothing (it was moved out, or is Null).
#[inline(always)]
pub unsafe fn write_slot(p: *mut Value, v: Value) {
    // SAFETY: a Value is exactly two words; MaybeUninit words may hold padding.
    let words = unsafe { std::mem::transmute::<Value, [std::mem::MaybeUninit<u64>; 2]>(v) };
    let w = p.cast::<std::mem::MaybeUninit<u64>>();
    // SAFETY: p points to a Value-sized slot owned by the caller.
    unsafe {
        w.write_volatile(words[0]);
        w.add(1).write_volatile(words[1]);
    }
}

impl Clone for Value {
    #[inline(always)]
    fn clone(&self) -> Value {
        if self.tag() <= LAST_IMMEDIATE {
            // SAFETY: immediate variants own nothing (no Rc, no Drop glue), so a bitwise copy is
            // exactly what a derived Clone would produce.
            unsafe { read_slot(self) }
        } else if let Value::Complex(c) = self {
            // Complex numbers are the boxed type numeric kernels move most.
            Value::Complex(c.clone())
        } else {
            self.clone_heap()
        }
    }
}

impl Value {
    #[inline(never)]
    fn clone_heap(&self) -> Value {
        match self {
            Value::BigInt(r) => Value::BigInt(r.clone()),
            Value::Complex(r) => Value::Complex(r.clone()),
            Value::Str(r) => Value::Str(r.clone()),
            Value::Bytes(r) => Value::Bytes(r.clone()),
            Value::List(r) => Value::List(r.clone()),
            Value::Tuple(r) => Value::Tuple(r.clone()),
            Value::Dict(r) => Value::Dict(r.clone()),
            Value::Set(r) => Value::Set(r.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Slice(r) => Value::Slice(r.clone()),
            Value::Function(r) => Value::Function(r.clone()),
            Value::Builtin(r) => Value::Builtin(r.clone()),
            Value::Method(r) => Value::Method(r.clone()),
            Value::Module(r) => Value::Module(r.clone()),
            Value::Type(r) => Value::Type(r.clone()),
            Value::Instance(r) => Value::Instance(r.clone()),
            Value::Iterator(r) => Value::Iterator(r.clone()),
            Value::Generator(r) => Value::Generator(r.clone()),
            Value::Cell(r) => Value::Cell(r.clone()),
            Value::Code(r) => Value::Code(r.clone()),
            Value::Native(r) => Value::Native(r.clone()),
            Value::Null => Value::Null,
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::Float(f) => Value::Float(*f),
            Value::Ellipsis => Value::Ellipsis,
            Value::NotImplemented => Value::NotImplemented,
        }
    }

    /// Whether the value holds a heap reference.
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        self.tag() > LAST_IMMEDIATE
    }

    /// Drops a value, skipping the drop glue call for immediates (the interpreter's hot path).
    #[inline(always)]
    pub fn discard(self) {
        if !self.is_heap() {
            std::mem::forget(self);
        } else if let Value::Complex(c) = self {
            drop(c);
        } else {
            drop(self);
        }
    }
}

const _: () = assert!(std::mem::size_of::<Value>() == 16);

/// Tags of the immediate variants, for compiled code that tests a slot's type.
pub mod tag {
    pub const NULL: u8 = 0;
    pub const NONE: u8 = 1;
    pub const BOOL: u8 = 2;
    pub const INT: u8 = 3;
    pub const FLOAT: u8 = 4;
    pub const BIGINT: u8 = 7;
    pub const COMPLEX: u8 = 8;
    pub const LIST: u8 = 11;
    pub const TUPLE: u8 = 12;
    pub const ITERATOR: u8 = 23;
    pub const CELL: u8 = 25;
}

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

/// Allocates a heap object for a value, counting it.
#[inline]
pub fn alloc<T>(x: T) -> Rc<T> {
    ALLOCATIONS.with(|c| c.set(c.get() + 1));
    Rc::new(x)
}

/// Number of value boxes allocated on this thread so far.
pub fn allocation_count() -> u64 {
    ALLOCATIONS.with(|c| c.get())
}

impl Value {
    /// Byte offset of the tag inside a `Value`.
    pub const TAG_OFFSET: usize = 0;
    /// Byte offset of the payload (i64, f64, bool or pointer) inside a `Value`.
    pub const PAYLOAD_OFFSET: usize = 8;

    /// The tag (see [`tag`]).
    #[inline(always)]
    pub fn tag(&self) -> u8 {
        // SAFETY: `Value` is `repr(C, u64)`: its first 8 bytes are the discriminant, whose low
        // byte (little endian) holds the tag, all tags being < 256.
        unsafe { *(self as *const Value as *const u64) as u8 }
    }

    #[inline]
    pub fn int(i: i64) -> Value {
        Value::Int(i)
    }

    /// An int from a big integer, demoted to the i64 fast path when it fits.
    pub fn from_bigint(b: BigInt) -> Value {
        use num_traits::ToPrimitive;
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(alloc(b)),
        }
    }

    pub fn complex(re: f64, im: f64) -> Value {
        Value::Complex(alloc(Complex { re, im }))
    }

    pub fn str(s: impl Into<String>) -> Value {
        Value::Str(alloc(PyStr::new(s.into())))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(alloc(PyList::new(items)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(alloc(PyTuple::new(items)))
    }

    pub fn dict(d: PyDict) -> Value {
        Value::Dict(alloc(d))
    }

    #[inline]
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    #[inline]
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    #[inline]
    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    #[inline]
    pub fn as_float(&self) -> Option<f64> {
        match self {
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    pub fn as_pystr(&self) -> Option<&Rc<PyStr>> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Whether this value is an int (including bool and big ints).
    pub fn is_int_like(&self) -> bool {
        matches!(self, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
    }

    /// Python's `is`: identity for heap objects, equality of immediates of the same kind.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null)
            | (Value::None, Value::None)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::NotImplemented, Value::NotImplemented) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.to_bits() == b.to_bits(),
            _ => match (self.heap_ptr(), other.heap_ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Address of the heap object, for identity and `id()`.
    pub fn heap_ptr(&self) -> Option<usize> {
        Some(match self {
            Value::BigInt(r) => Rc::as_ptr(r) as usize,
            Value::Complex(r) => Rc::as_ptr(r) as usize,
            Value::Str(r) => Rc::as_ptr(r) as usize,
            Value::Bytes(r) => Rc::as_ptr(r) as usize,
            Value::List(r) => Rc::as_ptr(r) as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as usize,
            Value::Dict(r) => Rc::as_ptr(r) as usize,
            Value::Set(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Slice(r) => Rc::as_ptr(r) as usize,
            Value::Function(r) => Rc::as_ptr(r) as usize,
            Value::Builtin(r) => Rc::as_ptr(r) as usize,
            Value::Method(r) => Rc::as_ptr(r) as usize,
            Value::Module(r) => Rc::as_ptr(r) as usize,
            Value::Type(r) => Rc::as_ptr(r) as usize,
            Value::Instance(r) => Rc::as_ptr(r) as usize,
            Value::Iterator(r) => Rc::as_ptr(r) as usize,
            Value::Generator(r) => Rc::as_ptr(r) as usize,
            Value::Cell(r) => Rc::as_ptr(r) as usize,
            Value::Code(r) => Rc::as_ptr(r) as usize,
            Value::Native(r) => Rc::as_ptr(r) as usize,
            _ => return None,
        })
    }

    /// A stable identity number, as `id()` returns.
    pub fn id(&self) -> usize {
        match self.heap_ptr() {
            Some(p) => p,
            None => match self {
                Value::None => 0x8f8f00,
                Value::Bool(b) => 0x8f8f10 + *b as usize * 16,
                Value::Ellipsis => 0x8f8f40,
                Value::NotImplemented => 0x8f8f50,
                Value::Int(i) => 0x9000000 ^ (*i as usize).wrapping_mul(16),
                Value::Float(f) => 0xa000000 ^ (f.to_bits() as usize),
                _ => 0,
            },
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Value::Null => write!(f, "<NULL>"),
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{i}"),
            Value::Float(x) => write!(f, "{}", crate::objects::float::float_repr(*x)),
            Value::BigInt(b) => write!(f, "{b}"),
            Value::Str(s) => write!(f, "{:?}", s.as_str()),
            other => write!(f, "<{}>", crate::vm::types::type_name(other)),
        }
    }
}
