//! Module objects and other small value kinds: slice, bytes, extension objects.

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
