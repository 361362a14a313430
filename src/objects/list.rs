//! `list` and `tuple` storage.

use crate::vm::Value;
use std::cell::RefCell;

/// A mutable list. The `RefCell` is borrowed only for the duration of one operation and never
/// across a call back into Python code.
pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

impl PyList {
    pub fn new(items: Vec<Value>) -> PyList {
        PyList {
            items: RefCell::new(items),
        }
    }

    pub fn len(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A copy of the items (for iteration that may call back into Python).
    pub fn snapshot(&self) -> Vec<Value> {
        self.items.borrow().clone()
    }

    pub fn get(&self, i: usize) -> Option<Value> {
        self.items.borrow().get(i).cloned()
    }

    pub fn push(&self, v: Value) {
        self.items.borrow_mut().push(v);
    }
}

/// An immutable tuple.
pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl PyTuple {
    pub fn new(items: Vec<Value>) -> PyTuple {
        PyTuple {
            items: items.into_boxed_slice(),
        }
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn as_slice(&self) -> &[Value] {
        &self.items
    }
}
