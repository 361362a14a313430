//! Module objects and other small value kinds: range, slice, bytes, extension objects.

use super::dict::PyDict;
use super::typeobj::PyType;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

/// A module: a name and a namespace.
pub struct PyModule {
    pub name: String,
    pub dict: Rc<PyDict>,
}

/// `range(start, stop, step)`.
#[derive(Clone, Copy, Debug)]
pub struct PyRange {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl PyRange {
    pub fn len(&self) -> i64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            if lo < hi {
                (hi - lo - 1) / step + 1
            } else {
                0
            }
        } else if lo > hi {
            (lo - hi - 1) / (-step) + 1
        } else {
            0
        };
        n.min(i64::MAX as i128) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

/// `slice(start, stop, step)`; each part may be None.
pub struct PySlice {
    pub start: crate::vm::Value,
    pub stop: crate::vm::Value,
    pub step: crate::vm::Value,
}

/// `bytes`.
pub struct PyBytes {
    pub data: Vec<u8>,
}

/// An instance of a type implemented in Rust by a library module (array.array, deque, ...).
pub struct NativeObject {
    pub class: Rc<PyType>,
    pub data: RefCell<Box<dyn Any>>,
}
