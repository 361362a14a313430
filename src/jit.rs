//! The tracing JIT: hot loops recorded as typed traces and compiled to native code through
//! Cranelift (`pyvm run FILE --jit`).
//!
//! ```text
//!  interpreter ──back edge──► counter ≥ threshold? ──► record one iteration (record.rs)
//!       ▲                                                   │ trace IR with guards + snapshots
//!       │                                                   ▼
//!       └──── exit: box live values into the frame ◄── native loop (lower.rs, runtime.rs)
//! ```
//! 1. Every loop header (the target of a backward jump) has a counter in its code object. When
//!    it reaches the threshold, the interpreter records the next iteration: each instruction is
//!    reported to the recorder (`jit/record.rs`) before it runs.
//! 2. The recorder emits typed SSA (`jit/ir.rs`) specialised to the types it sees, with a guard for
//!    every assumption (a type, a branch direction, no overflow, an index in range, a global
//!    still bound to the same object). Each guard has a snapshot of the frame.
//! 3. When the loop reaches its header again the trace is compiled (`jit/lower.rs`): the values the
//!    loop carries stay unboxed in registers; a failing guard writes the snapshot's values to an
//!    exit buffer, and `Vm::jit_loop` boxes them into the frame and resumes the interpreter at
//!    the guarded instruction, which then runs generically (an int overflow goes to big ints,
//!    an index out of range raises IndexError, exactly as without the JIT).
//! 4. Calls of small Python functions are inlined into the trace (their guards exit to the call,
//!    which the interpreter makes again); module-level loops read and write their names in the
//!    module's dict; back edges and inlined calls count against the VM's step countdown exactly
//!    as in the interpreter, so limits (`--max-steps`, `--timeout`, Ctrl-C) reach compiled code.
//! 5. Calls it cannot inline (a callee with a loop, recursion, argument binding, a builtin
//!    without an inline form) are made through the interpreter from the machine code
//!    (`Inst::CallPy`, `runtime::call_py`); the callee may run compiled trees itself, each run
//!    with a context of its own (`Vm::run_trees`). An unexpected result or an exception leaves
//!    right after the call (`SnapKind::AfterCall`).
//! 6. Paths need not come back to their header: one may enter another loop's tree
//!    (`Leave::Tree`), leave a generator through its `yield` or a function through its `return`
//!    (`Leave::Yield`, `Leave::Return`: the interpreter makes the yield or the return). So a
//!    generator's loop is compiled (its tree runs from the header to the yield at every
//!    resumption), and so is a hot function, from its entry (`RESUME 0`, counted per call like
//!    a back edge: `Vm::jit_entry`) into its loop's tree or to its returns.
//! 7. A function compiled from its entry is marked on its code object (`Code::jit_entry`):
//!    its calls run the tree straight away (`Vm::run_compiled_entry`), and its calls from
//!    compiled code run it on a bare slot buffer (`Vm::call_from_trace`), the value of a return
//!    taken from the exit buffer; any other exit makes the frame there and the interpreter
//!    goes on with it.
//!
//! Recording stops with a reason on anything it does not handle; a loop that fails repeatedly
//! is blacklisted. `--jit-log` shows every event, `--jit-log=dump` the traces themselves.

use std::str::FromStr;

/// The back-edge count at which a loop is hot, unless `--jit-threshold` says otherwise.
pub const DEFAULT_THRESHOLD: u32 = 50;

/// What the JIT logs on stderr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum LogMode {
    /// Nothing.
    Off,
    /// One line per trace compiled or aborted, then a summary at exit.
    Events,
    /// Only the summary at exit.
    Summary,
    /// Events, each trace's recorded bytecode, IR, Cranelift IR and machine code, and the summary.
    Dump,
}

impl LogMode {
    /// The mode named by the PYVM_JIT_LOG environment variable (Off when unset or unknown).
    pub fn from_env() -> LogMode {
        std::env::var("PYVM_JIT_LOG")
            .ok()
            .and_then(|v| LogMode::from_str(&v).ok())
            .unwrap_or(LogMode::Off)
    }
}

impl FromStr for LogMode {
    type Err = String;
    fn from_str(s: &str) -> Result<LogMode, String> {
        match s {
            "" | "0" | "off" => Ok(LogMode::Off),
            "1" | "events" => Ok(LogMode::Events),
            "summary" => Ok(LogMode::Summary),
            "dump" => Ok(LogMode::Dump),
            other => Err(format!("unknown JIT log mode '{other}'")),
        }
    }
}

/// What compiled traces do with values: the two JIT tiers `pyvm bench` compares.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Tier {
    /// Specialised to the types recorded and unboxed: compiled speed.
    #[default]
    Full,
    /// Every value stays a boxed `Value` and every operation calls the runtime's generic
    /// helper: dispatch is gone, type checks and boxing remain.
    Boxed,
}

/// How the JIT behaves.
#[derive(Clone, Debug)]
pub struct Options {
    /// Back edges after which a loop header is hot (at least 1).
    pub threshold: u32,
    pub log: LogMode,
    pub tier: Tier,
}

/// What the JIT did in a run, for `pyvm bench` and hosts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Stats {
    /// Root traces compiled (loop headers and their entry types).
    pub traces: u32,
    /// Side traces grown from hot exits.
    pub side_traces: u32,
    /// Recordings abandoned.
    pub aborts: u32,
    /// Exits taken: times compiled code handed the frame back to the interpreter through a
    /// guard (every run of a trace ends in one; a side trace continues without exiting).
    pub exits: u64,
    /// Time spent compiling traces.
    pub compile_time: std::time::Duration,
    /// Value boxes allocated while compiled code ran (the full tier keeps numbers unboxed;
    /// the boxed tier allocates as the interpreter does).
    pub compiled_boxes: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            threshold: DEFAULT_THRESHOLD,
            log: LogMode::Off,
            tier: Tier::Full,
        }
    }
}

/// What the interpreter does after a hot back edge.
#[cfg_attr(not(feature = "jit"), allow(dead_code))]
pub(crate) enum LoopAction {
    /// Go on interpreting.
    Continue,
    /// A trace ran: the frame's `ip` and `sp` say where to resume.
    Resumed,
    /// Recording starts at the header: run the frame in recording mode.
    Record,
    /// Compiled code raised this exception at the instruction `f.lasti` (the boxed tier).
    Raise(crate::vm::exceptions::PyErr),
}

#[cfg(feature = "jit")]
pub(crate) mod boxed;
#[cfg(feature = "jit")]
pub(crate) mod ir;
#[cfg(feature = "jit")]
pub(crate) mod lower;
#[cfg(feature = "jit")]
pub(crate) mod record;
#[cfg(feature = "jit")]
pub(crate) mod runtime;
#[cfg(feature = "jit")]
mod state;

#[cfg(feature = "jit")]
pub(crate) use state::Jit;

#[cfg(not(feature = "jit"))]
impl crate::vm::Vm {
    /// Turns the JIT on: refused, this build has no JIT.
    pub fn enable_jit(&mut self, _options: Options) -> Result<(), String> {
        Err("this pyvm was built without the JIT (cargo feature \"jit\")".into())
    }

    /// Writes the JIT's summary, if one was asked for.
    pub fn finish_jit(&mut self) {}

    /// What the JIT did so far: None, this build has no JIT.
    pub fn jit_stats(&self) -> Option<Stats> {
        None
    }

    pub(crate) fn jit_loop(&mut self, _f: &mut crate::vm::frame::Frame) -> LoopAction {
        LoopAction::Continue
    }

    pub(crate) fn jit_entry(&mut self, _f: &mut crate::vm::frame::Frame) -> LoopAction {
        LoopAction::Continue
    }

    pub(crate) fn jit_recording_here(&self) -> bool {
        false
    }

    pub(crate) fn jit_record_step(
        &mut self,
        _f: &crate::vm::frame::Frame,
        _at: usize,
        _op: crate::bytecode::opcodes::Opcode,
        _arg: u32,
    ) -> bool {
        false
    }

    pub(crate) fn jit_abandon(&mut self, _why: &str) {}
}
