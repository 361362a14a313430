//! Counting the bytes the process holds, for the memory ceiling ([`crate::Vm::set_memory_limit`]).
//!
//! [`Counting`] wraps any global allocator and keeps a process-wide count of live bytes (exact
//! for one allocating thread, approximate when several allocate at once); the
//! `pyvm` binary installs it around mimalloc, and a host may install it around its own allocator:
//!
//! ```ignore
//! #[global_allocator]
//! static GLOBAL: pyvm::alloc::Counting<std::alloc::System> =
//!     pyvm::alloc::Counting::new(std::alloc::System);
//! ```
//!
//! The count is of everything the process allocates (the host's own data and other threads
//! included), not of Python objects alone: a ceiling is a bound on the process's heap. Without
//! the counting allocator, [`live_bytes`] is `None` and the ceiling only refuses single
//! allocations larger than itself (see [`crate::vm::limits`]).

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// Live bytes allocated through every [`Counting`] allocator.
static LIVE: AtomicUsize = AtomicUsize::new(0);
/// Whether a [`Counting`] allocator has served an allocation (so [`LIVE`] means something).
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// A global allocator that counts the bytes it holds, delegating the work to `A`.
pub struct Counting<A> {
    inner: A,
}

impl<A> Counting<A> {
    /// Wraps `inner`; usable in a `static` initialiser.
    pub const fn new(inner: A) -> Counting<A> {
        Counting { inner }
    }
}

// SAFETY: every method forwards to `inner` with the caller's arguments unchanged; the counter
// updates are plain atomics that neither allocate nor unwind.
unsafe impl<A: GlobalAlloc> GlobalAlloc for Counting<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = self.inner.alloc(layout);
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = self.inner.alloc_zeroed(layout);
        if !p.is_null() {
            grow(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.inner.dealloc(ptr, layout);
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = self.inner.realloc(ptr, layout, new_size);
        if !p.is_null() {
            if new_size >= layout.size() {
                grow(new_size - layout.size());
            } else {
                shrink(layout.size() - new_size);
            }
        }
        p
    }
}

// The count is a relaxed load and store, not an atomic read-modify-write: a locked add on every
// allocation and free made the interpreter ~15% slower on julia (it allocates a complex number
// per operation). Two threads allocating at the same instant may lose an update, which a
// ceiling on a single-threaded interpreter can afford.
#[inline]
fn shrink(size: usize) {
    LIVE.store(
        LIVE.load(Ordering::Relaxed).saturating_sub(size),
        Ordering::Relaxed,
    );
}

#[inline]
fn grow(size: usize) {
    LIVE.store(
        LIVE.load(Ordering::Relaxed).wrapping_add(size),
        Ordering::Relaxed,
    );
    if !INSTALLED.load(Ordering::Relaxed) {
        INSTALLED.store(true, Ordering::Relaxed);
    }
}

/// Bytes currently allocated through [`Counting`] allocators, or `None` when none is installed.
pub fn live_bytes() -> Option<usize> {
    INSTALLED
        .load(Ordering::Relaxed)
        .then(|| LIVE.load(Ordering::Relaxed))
}
