//! `list` and `tuple` storage.

use crate::vm::Value;
use std::cell::RefCell;

/// A mutable list. The `RefCell` is borrowed only for the duration of one operation and never
/// across a call back into Python code.
pub struct PyList {
    pub items: RefCell<Vec<Value>>,
}

impl Drop for PyList {
    fn drop(&mut self) {
        super::trashcan::release(LastFirst(std::mem::take(self.items.get_mut())));
    }
}

/// A list's or tuple's items, dropped last first as CPython frees them (which decides the
/// order in which abandoned generators among them are closed).
struct LastFirst(Vec<Value>);

impl Drop for LastFirst {
    fn drop(&mut self) {
        while let Some(v) = self.0.pop() {
            drop(v);
        }
    }
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
        let mut items = self.items.borrow_mut();
        let n = items.len();
        if n == items.capacity() {
            grow_for(&mut items, n + 1);
        }
        items.push(v);
    }

    /// Appends every item, growing the buffer as CPython's `list.extend` does: a list or tuple
    /// (`from_sequence`) extending a list with no buffer yet is sized exactly, rounded up to even.
    pub fn extend(&self, more: Vec<Value>, from_sequence: bool) {
        let mut items = self.items.borrow_mut();
        let newsize = items.len() + more.len();
        if from_sequence && items.capacity() == 0 {
            items.reserve_exact((more.len() + 1) & !1);
        } else if newsize > items.capacity() {
            grow_for(&mut items, newsize);
        }
        items.extend(more);
    }
}

/// Makes room for `newsize` items with CPython's over-allocation (`list_resize`): capacities go
/// 0, 4, 8, 16, 24, 32, 40, 52, 64, 76, ... when appending, so `sys.getsizeof` agrees.
fn grow_for(items: &mut Vec<Value>, newsize: usize) {
    let mut allocated = (newsize + (newsize >> 3) + 6) & !3;
    if newsize - items.len() > allocated - newsize {
        allocated = (newsize + 3) & !3;
    }
    items.reserve_exact(allocated - items.len());
}

/// An immutable tuple.
pub struct PyTuple {
    pub items: Box<[Value]>,
}

impl Drop for PyTuple {
    fn drop(&mut self) {
        super::trashcan::release(LastFirst(std::mem::take(&mut self.items).into_vec()));
    }
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
