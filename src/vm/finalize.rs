//! Closing abandoned generators. When the last reference to a suspended generator goes away,
//! CPython closes it: GeneratorExit is raised at its `yield`, so its `finally` blocks and `with`
//! exits run right then. A Rust `Drop` cannot run Python code (the VM is borrowed somewhere up
//! the stack), so the generator's frame is moved to a per-thread queue instead, and the
//! interpreter closes queued generators before its next instruction — the same point in the
//! program as CPython, seen from Python.

use super::exceptions::{ExcKind, PyErr};
use super::frame::TracebackEntry;
use super::iter::SendResult;
use super::value::{alloc, Value};
use super::Vm;
use crate::objects::PyGenerator;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

thread_local! {
    /// Generators whose last reference was dropped while suspended, waiting to be closed in
    /// the order they were dropped (CPython closes each as it goes).
    static ABANDONED: RefCell<VecDeque<PyGenerator>> = const { RefCell::new(VecDeque::new()) };
    /// Whether `ABANDONED` may be non-empty (the interpreter's per-instruction check).
    static PENDING: Cell<bool> = const { Cell::new(false) };
}

/// Whether abandoned generators wait to be closed.
#[inline(always)]
pub fn pending() -> bool {
    PENDING.with(Cell::get)
}

impl Drop for PyGenerator {
    fn drop(&mut self) {
        if !self.started.get() || self.running.get() {
            return;
        }
        let Some(frame) = self.frame.get_mut().take() else {
            return;
        };
        let successor = PyGenerator {
            code: self.code.clone(),
            name: std::mem::take(&mut self.name),
            qualname: std::mem::take(&mut self.qualname),
            frame: RefCell::new(Some(frame)),
            running: Cell::new(false),
            started: Cell::new(true),
        };
        // During thread teardown the queue may be gone: the frame is then simply dropped.
        let _ = ABANDONED.try_with(|q| {
            if let Ok(mut q) = q.try_borrow_mut() {
                q.push_back(successor);
                PENDING.with(|p| p.set(true));
            }
        });
    }
}

impl Vm {
    /// Closes every abandoned generator. `at` is the running frame's position, where a close
    /// that fails is reported as happening (CPython's "Exception ignored in" report).
    pub(crate) fn close_abandoned(&mut self, at: Option<TracebackEntry>) {
        PENDING.with(|p| p.set(false));
        loop {
            let Some(g) = ABANDONED.with(|q| q.borrow_mut().pop_front()) else {
                return;
            };
            let g = alloc(g);
            let exit = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
            let failure = match self.gen_throw(&g, exit) {
                Ok(SendResult::Yield(_)) => {
                    let e = PyErr::runtime_error("generator ignored GeneratorExit");
                    if let (Some(state), Some(entry)) =
                        (super::exceptions::exc_state(&e.value), at.clone())
                    {
                        state.borrow_mut().traceback.push(entry);
                    }
                    Some(e)
                }
                Ok(SendResult::Return(_)) => None,
                Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => None,
                Err(e) => Some(e),
            };
            // A generator that yielded again is not closed a second time.
            g.started.set(false);
            if let Some(e) = failure {
                self.report_unraisable(&Value::Generator(g.clone()), &e);
            }
        }
    }

    /// CPython's report of an exception that has nowhere to go (raised by a finalizer): the
    /// exception and its traceback, without the exceptions chained to it.
    pub(crate) fn report_unraisable(&mut self, obj: &Value, err: &PyErr) {
        let mut text = format!(
            "Exception ignored in: {}\n",
            self.repr(obj).unwrap_or_default()
        );
        self.format_single(&err.value, &mut text);
        self.write_stderr(&text);
    }
}
