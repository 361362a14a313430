//! The virtual machine: interpreter state (`Vm`), the dispatch loop, and the Python-visible
//! operations split by concern.
//!
//! - `value`: the `Value` type and allocation counting;
//! - `frame`, `interp`: frames and the dispatch loop;
//! - `ops`: arithmetic, comparison, truth; `collections`: subscripts, `len`, `in`, slicing;
//! - `call`: calling and argument binding; `attr`: attributes and methods; `iter`: iteration;
//! - `repr`: `repr`/`str`/formatting; `hash`: hashing and key equality;
//! - `exceptions`, `traceback`: exceptions and how uncaught ones are printed;
//! - `types`: the built-in type objects; `import`: modules;
//! - `limits`: the step budget, deadline, interrupt flag and memory ceiling a host sets.

pub mod attr;
pub mod call;
pub mod collections;
pub mod exceptions;
pub mod finalize;
pub mod frame;
pub mod hash;
pub mod import;
pub mod interp;
pub mod iter;
pub mod limits;
pub mod ops;
pub mod repr;
pub mod run;
pub mod suggestions;
pub mod traceback;
pub mod types;
pub mod value;

pub use exceptions::{ExcKind, PyErr, PyResult};
pub use value::Value;

use crate::objects::{PyDict, PyModule};
use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

/// Where `print` output goes.
pub enum Output {
    /// The process's stdout, buffered (flushed at exit and before anything goes to stderr).
    Stdout(std::io::BufWriter<std::io::Stdout>),
    /// Collected in memory (tests, embedding).
    Capture(Rc<RefCell<String>>),
    /// Any writer the host provides.
    Writer(Box<dyn Write>),
}

impl Output {
    pub fn write_str(&mut self, s: &str) {
        match self {
            Output::Stdout(w) => {
                let _ = w.write_all(s.as_bytes());
            }
            Output::Capture(buf) => buf.borrow_mut().push_str(s),
            Output::Writer(w) => {
                let _ = w.write_all(s.as_bytes());
            }
        }
    }

    pub fn flush(&mut self) {
        match self {
            Output::Stdout(w) => {
                let _ = w.flush();
            }
            Output::Capture(_) => {}
            Output::Writer(w) => {
                let _ = w.flush();
            }
        }
    }
}

/// The interpreter state: builtins, loaded modules, the handled-exception stack, limits, output.
pub struct Vm {
    /// Countdown to the next check of the limits (`limits`): decremented at every loop back edge
    /// and every Python call; when it reaches zero or below, `Vm::check_limits` runs (the cold
    /// path: step budget, deadline, interrupt flag, memory ceiling) and reloads it with at most
    /// a few thousand steps.
    ///
    /// Contract for compiled (JIT) code, which reaches this field through a raw `*mut i64`
    /// taken while the VM runs the trace: decrement it by 1 (or by any positive amount standing
    /// for the work done) at every iteration of a compiled loop; when the result is `<= 0`, leave
    /// to the interpreter through an exit that resynchronises the frame. Never reset or raise the
    /// counter: the interpreter's next back edge or call sees it `<= 0` and runs the check, which
    /// accounts every step taken below zero against the budget.
    pub(crate) ticks: i64,
    /// The host's limits (`limits`), checked when `ticks` runs out.
    pub(crate) limits: limits::Limits,
    pub builtins: Rc<PyDict>,
    /// `sys.modules`.
    pub modules: HashMap<String, Value>,
    pub recursion_limit: usize,
    /// Current Python call depth.
    pub depth: usize,
    /// Lowest stack address at which another Python frame may start (the thread's stack limit
    /// plus a reserve); 0 until the first frame runs.
    pub(crate) stack_floor: usize,
    /// The exception being handled (`sys.exc_info()`, implicit chaining), None outside handlers.
    /// Enclosing handlers' exceptions are saved on the value stack by PUSH_EXC_INFO.
    pub exc_info: Value,
    pub out: Output,
    pub argv: Vec<String>,
    /// Source text of loaded files, for tracebacks.
    pub sources: HashMap<String, Rc<str>>,
    /// Reusable slot vectors for frames.
    pub(crate) frame_pool: Vec<frame::Slots>,
    /// Directory searched for `import`ed source modules (None: no file-system imports).
    pub module_path: Option<std::path::PathBuf>,
    /// Containers whose repr is in progress (for `[...]`).
    pub(crate) repr_stack: Vec<usize>,
    /// (globals, locals) of each running Python frame, innermost last.
    pub(crate) scopes: Vec<(Rc<PyDict>, Option<Rc<PyDict>>)>,
    /// A snapshot of the calling function's locals, for `locals()`/`vars()`/`dir()`.
    pub(crate) frame_locals: Option<Rc<PyDict>>,
    /// The `__class__` cell and first argument of the frame calling `super()` with no arguments.
    pub(crate) super_context: Option<(Rc<crate::objects::PyType>, Value)>,
    /// The profilers collecting while `pyvm profile` runs a program (None: not profiling).
    pub profiler: Option<Box<crate::profile::Profiler>>,
    /// Instructions dispatched so far by the interpreter's profiling and recording variants of
    /// the dispatch loop (the plain variant does not count, to stay as fast as before): exact
    /// while a profiler is installed (`Profiler::counter` for counting alone).
    pub(crate) dispatched: u64,
    /// Where `input()` reads from (None: no input available).
    pub stdin: Option<Box<dyn std::io::BufRead>>,
    /// Where `sys.stderr` writes (None: the process's stderr).
    pub err_out: Option<Box<dyn Write>>,
    /// Back edges after which a loop is handed to the JIT (`u32::MAX`: the JIT is off).
    pub(crate) jit_threshold: u32,
    /// The tracing JIT, once enabled.
    #[cfg(feature = "jit")]
    pub(crate) jit: Option<Box<crate::jit::Jit>>,
}

impl Vm {
    /// A VM with the standard builtins, writing to stdout.
    pub fn new() -> Vm {
        let builtins = Rc::new(PyDict::new());
        let mut vm = Vm {
            ticks: 0,
            limits: limits::Limits::default(),
            builtins,
            modules: HashMap::new(),
            recursion_limit: 1000,
            depth: 0,
            exc_info: Value::None,
            out: Output::Stdout(std::io::BufWriter::with_capacity(
                1 << 16,
                std::io::stdout(),
            )),
            argv: Vec::new(),
            sources: HashMap::new(),
            frame_pool: Vec::new(),
            stack_floor: 0,
            module_path: None,
            repr_stack: Vec::new(),
            scopes: Vec::new(),
            frame_locals: None,
            super_context: None,
            profiler: None,
            dispatched: 0,
            stdin: None,
            err_out: None,
            jit_threshold: u32::MAX,
            #[cfg(feature = "jit")]
            jit: None,
        };
        crate::builtins::install(&mut vm);
        vm.set_step_limit(None);
        vm
    }

    /// A new module object registered in `sys.modules`.
    pub fn new_module(&mut self, name: &str) -> Rc<PyModule> {
        let dict = Rc::new(PyDict::new());
        dict.set_str("__name__", Value::str(name));
        // The module attributes CPython's import system sets, in its order; pyvm has no loader
        // or spec objects, so those read as None.
        for attr in ["__doc__", "__package__", "__loader__", "__spec__"] {
            dict.set_str(attr, Value::None);
        }
        let m = value::alloc(PyModule {
            name: name.to_string(),
            dict,
        });
        self.modules
            .insert(name.to_string(), Value::Module(m.clone()));
        m
    }

    pub fn flush(&mut self) {
        self.out.flush();
    }
}

impl Default for Vm {
    fn default() -> Self {
        Vm::new()
    }
}
