//! Built-in iterator objects (list_iterator, range_iterator, enumerate, zip, ...) and generators.

use super::dict::PyDict;
use super::list::{PyList, PyTuple};
use super::set::PySet;
use super::str::PyStr;
use crate::bytecode::Code;
use crate::vm::frame::Frame;
use crate::vm::Value;
use num_bigint::BigInt;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Which view of a dict an iterator walks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

/// The state of a built-in iterator.
pub enum IterKind {
    List {
        list: Rc<PyList>,
        index: usize,
    },
    ListReverse {
        list: Rc<PyList>,
        index: usize,
    },
    Tuple {
        tuple: Rc<PyTuple>,
        index: usize,
    },
    /// `remaining` counts down so that no step can overflow.
    Range {
        next: i64,
        remaining: i64,
        step: i64,
    },
    /// A range beyond i64 (`iter(range(10**20))`).
    LongRange {
        next: BigInt,
        remaining: BigInt,
        step: BigInt,
    },
    Str {
        s: Rc<PyStr>,
        byte_pos: usize,
    },
    Dict {
        dict: Rc<PyDict>,
        view: DictView,
        pos: usize,
        len: usize,
    },
    Set {
        set: Rc<PySet>,
        pos: usize,
        len: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// The old sequence protocol: `seq[0]`, `seq[1]`, ... until IndexError.
    Seq {
        seq: Value,
        index: usize,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// A Rust-implemented iterator from a library module (itertools and friends).
    Native(Box<dyn NativeIter>),
    /// A finished iterator; it keeps its type's name.
    Exhausted(&'static str),
}

/// The next int of a range iterator's state (`IterKind::Range`), advancing it; None when it
/// is exhausted.
#[inline(always)]
pub fn range_next(next: &mut i64, remaining: &mut i64, step: i64) -> Option<i64> {
    if *remaining > 0 {
        let v = *next;
        *remaining -= 1;
        *next = next.wrapping_add(step);
        Some(v)
    } else {
        None
    }
}

/// An iterator implemented by a library module. `next` may call back into the VM.
pub trait NativeIter {
    fn type_name(&self) -> &'static str;
    fn next(&mut self, vm: &mut crate::vm::Vm) -> crate::vm::PyResult<Option<Value>>;
    /// A distinctive repr (`count(5)`); None for the default `<name object at ...>`.
    fn repr(&self, _vm: &mut crate::vm::Vm) -> Option<crate::vm::PyResult<String>> {
        None
    }
    /// Whether the iterator keeps its state (and repr) once it has returned its last item;
    /// otherwise it is replaced by an `Exhausted` marker.
    fn keep_when_exhausted(&self) -> bool {
        false
    }
}

pub struct PyIterator {
    pub kind: RefCell<IterKind>,
}

impl PyIterator {
    pub fn new(kind: IterKind) -> PyIterator {
        PyIterator {
            kind: RefCell::new(kind),
        }
    }

    pub fn type_name(&self) -> &'static str {
        self.kind.borrow().type_name()
    }
}

impl IterKind {
    /// The Python type name of an iterator in this state.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterKind::List { .. } => "list_iterator",
            IterKind::ListReverse { .. } => "list_reverseiterator",
            IterKind::Tuple { .. } => "tuple_iterator",
            IterKind::Range { .. } => "range_iterator",
            IterKind::LongRange { .. } => "longrange_iterator",
            IterKind::Str { s, .. } => {
                if s.is_ascii() {
                    "str_ascii_iterator"
                } else {
                    "str_iterator"
                }
            }
            IterKind::Dict {
                view: DictView::Keys,
                ..
            } => "dict_keyiterator",
            IterKind::Dict {
                view: DictView::Values,
                ..
            } => "dict_valueiterator",
            IterKind::Dict {
                view: DictView::Items,
                ..
            } => "dict_itemiterator",
            IterKind::Set { .. } => "set_iterator",
            IterKind::Enumerate { .. } => "enumerate",
            IterKind::Zip { .. } => "zip",
            IterKind::Map { .. } => "map",
            IterKind::Filter { .. } => "filter",
            IterKind::Seq { .. } => "iterator",
            IterKind::Callable { .. } => "callable_iterator",
            IterKind::Native(n) => n.type_name(),
            IterKind::Exhausted(name) => name,
        }
    }
}

/// A generator: a suspended frame plus its name.
pub struct PyGenerator {
    pub code: Rc<Code>,
    pub name: String,
    pub qualname: String,
    /// None once the generator has finished.
    pub frame: RefCell<Option<Box<Frame>>>,
    pub running: Cell<bool>,
    /// True after the first `send`/`next` (a just-started generator only accepts None).
    pub started: Cell<bool>,
}
