//! Profilers: a per-line profiler in line_profiler's layout (with an Allocs column: the value
//! boxes each line allocated) and a function-level profiler in cProfile's, both fed by events
//! from the interpreter while a [`Profiler`] is installed on the VM (`pyvm profile`).
//!
//! Installing one changes nothing a program prints: the interpreter runs its profiling variant of
//! the dispatch loop, which reports line events and calls, counts the instructions it dispatches
//! ([`Vm::dispatched`](crate::vm::Vm::dispatched)), and otherwise executes the same code. A
//! [`Profiler::counter`] collects nothing else: `pyvm run --count` and `pyvm bench` install it.

pub mod calls;
pub mod html;
pub mod lines;
pub mod report;

pub use calls::CallProfiler;
pub use lines::{LineProfiler, Selection};

/// The profilers a run collects for.
pub struct Profiler {
    pub lines: Option<LineProfiler>,
    pub calls: Option<CallProfiler>,
}

impl Profiler {
    /// A per-line profiler for the functions `selection` chooses (and those marked `@profile`).
    pub fn lines(selection: Selection) -> Profiler {
        Profiler {
            lines: Some(LineProfiler::new(selection)),
            calls: None,
        }
    }

    /// No line or function collection: the profiling variant of the dispatch loop only counts
    /// the instructions it dispatches.
    pub fn counter() -> Profiler {
        Profiler {
            lines: None,
            calls: None,
        }
    }

    /// A function-level profiler (cProfile's view).
    pub fn calls() -> Profiler {
        Profiler {
            lines: None,
            calls: Some(CallProfiler::default()),
        }
    }
}

impl crate::vm::Vm {
    /// Bytecode instructions the interpreter dispatched so far. Exact only while a
    /// [`Profiler`] is installed (the plain dispatch loop does not count, to stay fast); loop
    /// iterations run by compiled traces dispatch nothing.
    pub fn dispatched(&self) -> u64 {
        self.dispatched
    }
}
