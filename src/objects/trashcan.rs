//! Dropping deeply nested containers without deep Rust recursion, as CPython's "trashcan" does:
//! a list of a list of ... a million deep, or a long linked list of instances, would otherwise
//! overflow the Rust stack when the outermost one is freed.
//!
//! Containers call [`release`] from their `Drop` with their contents moved out. Up to
//! [`MAX_NESTING`] containers deep, the contents are dropped on the spot; deeper ones are parked
//! on a per-thread list that the outermost release empties, one container at a time.

use std::any::Any;
use std::cell::{Cell, RefCell};

/// Nesting of container drops handled by plain recursion.
const MAX_NESTING: u32 = 64;

thread_local! {
    static DEPTH: Cell<u32> = const { Cell::new(0) };
    static PENDING: RefCell<Vec<Box<dyn Any>>> = const { RefCell::new(Vec::new()) };
}

/// Drops a container's `contents` (its items, its table), now or, when containers are being
/// dropped deeply nested already, later from the outermost drop.
pub(crate) fn release<T: 'static>(contents: T) {
    let depth = DEPTH.get();
    if depth >= MAX_NESTING {
        let mut parked = Some(contents);
        let _ = PENDING.try_with(|p| {
            if let Some(c) = parked.take() {
                p.borrow_mut().push(Box::new(c));
            }
        });
        // The thread is ending (no pending list): drop in place.
        drop(parked);
        return;
    }
    DEPTH.set(depth + 1);
    drop(contents);
    if depth == 0 {
        while let Some(next) = PENDING.try_with(|p| p.borrow_mut().pop()).ok().flatten() {
            drop(next);
        }
    }
    DEPTH.set(depth);
}
