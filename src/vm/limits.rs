//! The limits a host sets on a running script: a step budget, a wall-clock deadline, an interrupt
//! flag and a memory ceiling, all checked in one cold path that a countdown (`Vm::ticks`) reaches
//! every few thousand steps. Recursion depth is checked where frames start (`interp`).
//!
//! What a *step* is: one loop back edge or one Python call (a frame starting or resuming), plus one
//! item taken from an iterator by a builtin (`sum`, `list`, `sorted`, `map` consumers ...), so a
//! builtin looping over Python callbacks or an endless iterator is bounded too. Work done inside one
//! builtin on its own (`sum(range(10**15))` summing in Rust, `'a' * 10**9`, a huge `int ** int`) is
//! not counted; the memory ceiling bounds the allocating ones.
//!
//! Exhausting the budget or passing the deadline raises `LimitExceeded`, a subclass of
//! `BaseException` (so `except Exception:` cannot swallow it) that is not a builtin name. It is
//! sticky: every later check raises it again, so even a bare `except:` in a loop cannot keep the
//! script alive. The interrupt flag raises `KeyboardInterrupt` once per setting of the flag; the
//! ceiling raises `MemoryError`, which a script may catch as in CPython.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::Vm;
use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Steps between two checks of the limits when no memory ceiling is set.
const CHECK_INTERVAL: i64 = 10_000;
/// Steps between two checks under a memory ceiling: memory can grow quickly between checks.
const MEMORY_CHECK_INTERVAL: i64 = 1_000;

/// A thread-safe handle that interrupts a running [`Vm`] from anywhere (another thread, a signal
/// handler through [`InterruptHandle::flag`]): the script gets `KeyboardInterrupt` at its next
/// check, within a few thousand steps.
#[derive(Clone)]
pub struct InterruptHandle(Arc<AtomicBool>);

impl InterruptHandle {
    /// Asks the VM to raise `KeyboardInterrupt`.
    pub fn interrupt(&self) {
        self.0.store(true, Ordering::Relaxed);
    }

    /// The flag itself: setting it to true is [`InterruptHandle::interrupt`].
    pub fn flag(&self) -> Arc<AtomicBool> {
        self.0.clone()
    }
}

/// The limits of one VM and the bookkeeping of its step budget.
pub(crate) struct Limits {
    /// Steps left before `LimitExceeded`, counted up to the last reload of `Vm::ticks`.
    steps_left: Option<u64>,
    /// The budget as set, for the message.
    steps_set: u64,
    /// More steps were taken than the budget allowed (stays set until a new budget).
    exhausted: bool,
    /// The value `Vm::ticks` was last reloaded with.
    reload: i64,
    deadline: Option<(Instant, Duration)>,
    interrupt: Arc<AtomicBool>,
    memory: Option<usize>,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            steps_left: None,
            steps_set: 0,
            exhausted: false,
            reload: CHECK_INTERVAL,
            deadline: None,
            interrupt: Arc::new(AtomicBool::new(false)),
            memory: None,
        }
    }
}

thread_local! {
    /// The memory ceiling of the VM on this thread (a `Vm` never leaves its thread), read by the
    /// checks before large allocations, which have no VM at hand. `usize::MAX`: none.
    static CEILING: Cell<usize> = const { Cell::new(usize::MAX) };
}

/// Refuses, with `MemoryError`, an allocation of `bytes` that would take the process above the
/// memory ceiling (or, without the counting allocator, that is larger than the ceiling itself).
/// Called before building large results: repetitions, padding, big integers, `bytearray(n)`.
pub fn check_allocation(bytes: usize) -> PyResult<()> {
    let ceiling = CEILING.with(Cell::get);
    if ceiling == usize::MAX {
        return Ok(());
    }
    let live = crate::alloc::live_bytes().unwrap_or(0);
    if bytes > ceiling.saturating_sub(live) {
        return Err(memory_error());
    }
    Ok(())
}

fn memory_error() -> PyErr {
    PyErr::with_args(ExcKind::MemoryError, vec![])
}

impl Vm {
    /// Limits the script to `steps` more steps (loop iterations, calls, items a builtin takes from
    /// an iterator; see [`crate::vm::limits`]); `None` removes the budget. Running out raises
    /// `LimitExceeded` (a `BaseException` the script cannot swallow), which the host sees as an
    /// [`crate::Error`]; it keeps being raised until a new budget is set.
    pub fn set_step_limit(&mut self, steps: Option<u64>) {
        self.limits.steps_left = steps;
        self.limits.steps_set = steps.unwrap_or(0);
        self.limits.exhausted = false;
        self.reload_ticks();
    }

    /// Stops the script with `LimitExceeded` once `timeout` has passed from now; `None` removes
    /// the deadline. The clock is read every few thousand steps.
    pub fn set_time_limit(&mut self, timeout: Option<Duration>) {
        self.limits.deadline = timeout.map(|t| (Instant::now() + t, t));
        self.reload_ticks();
    }

    /// Sets a ceiling, in bytes, on the memory the process holds while this VM runs; `None`
    /// removes it. Going above it raises `MemoryError` (catchable, as in CPython) before large
    /// allocations and at the periodic checks. The total is only known when the program installs
    /// [`crate::alloc::Counting`] as its global allocator (the `pyvm` binary does); without it
    /// the ceiling refuses only single allocations larger than itself.
    pub fn set_memory_limit(&mut self, bytes: Option<usize>) {
        self.limits.memory = bytes;
        CEILING.with(|c| c.set(bytes.unwrap_or(usize::MAX)));
        self.reload_ticks();
    }

    /// A handle that makes the running script raise `KeyboardInterrupt`, usable from any thread.
    pub fn interrupt_handle(&self) -> InterruptHandle {
        InterruptHandle(self.limits.interrupt.clone())
    }

    /// Enters a builtin that may recurse without a Python frame (repr or comparison of nested
    /// containers), as CPython's `Py_EnterRecursiveCall`: it shares the Python call depth and
    /// the Rust stack's reserve, and fails with RecursionError ("maximum recursion depth
    /// exceeded" + `what`). Each success is paired with [`Vm::leave_recursion`].
    pub(crate) fn enter_recursion(&mut self, what: &str) -> PyResult<()> {
        if self.depth >= self.recursion_limit || self.stack_exhausted() {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                format!("maximum recursion depth exceeded{what}"),
            ));
        }
        self.depth += 1;
        Ok(())
    }

    /// Leaves what [`Vm::enter_recursion`] entered.
    pub(crate) fn leave_recursion(&mut self) {
        self.depth -= 1;
    }

    /// Counts one step; every few thousand, checks the limits. Builtins that loop over Python
    /// code or iterators call it per item.
    #[inline(always)]
    pub(crate) fn tick(&mut self) -> PyResult<()> {
        self.ticks -= 1;
        if self.ticks <= 0 {
            return self.check_limits();
        }
        Ok(())
    }

    /// The cold path of the countdown: `ticks` reached zero (or below, when compiled code
    /// decremented it further). Accounts the steps taken since the last reload, checks every
    /// limit, and reloads the countdown.
    #[cold]
    #[inline(never)]
    pub(crate) fn check_limits(&mut self) -> PyResult<()> {
        let taken = (self.limits.reload - self.ticks).max(0) as u64;
        if let Some(left) = &mut self.limits.steps_left {
            self.limits.exhausted |= taken > *left;
            *left = left.saturating_sub(taken);
        }
        self.reload_ticks();
        if self.limits.interrupt.swap(false, Ordering::Relaxed) {
            return Err(PyErr::with_args(ExcKind::KeyboardInterrupt, vec![]));
        }
        if self.limits.exhausted {
            return Err(PyErr::new(
                ExcKind::LimitExceeded,
                format!("step limit exceeded ({} steps)", self.limits.steps_set),
            ));
        }
        if let Some((at, timeout)) = self.limits.deadline {
            if Instant::now() >= at {
                return Err(PyErr::new(
                    ExcKind::LimitExceeded,
                    format!("time limit exceeded ({:?})", timeout),
                ));
            }
        }
        if let (Some(ceiling), Some(live)) = (self.limits.memory, crate::alloc::live_bytes()) {
            if live > ceiling {
                return Err(memory_error());
            }
        }
        Ok(())
    }

    /// Restarts the countdown: the next check comes after the check interval, or sooner when
    /// fewer steps are left in the budget (at least 1, so an exhausted budget raises again at
    /// the very next step).
    fn reload_ticks(&mut self) {
        let interval = if self.limits.memory.is_some() {
            MEMORY_CHECK_INTERVAL
        } else {
            CHECK_INTERVAL
        };
        let n = match self.limits.steps_left {
            Some(left) => (left.min(interval as u64) as i64).max(1),
            None => interval,
        };
        self.limits.reload = n;
        self.ticks = n;
    }
}
