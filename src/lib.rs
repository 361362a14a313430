//! pyvm: a small, dynamically typed Python subset with a CPython-shaped bytecode compiler, a stack
//! VM, and the tools that make an interpreter's costs visible (`dis`, profilers, benchmarks).
//!
//! The pipeline is one module per stage: [`syntax`] (tokens, grammar, AST), [`compile`] (scopes
//! and code generation), [`bytecode`] (opcodes, code objects, `dis`), [`vm`] (values, frames,
//! the interpreter), [`objects`] (the object kinds) and [`builtins`] (the built-in namespace and
//! library modules), with [`stdlib`] the library modules written in Python.
//!
//! Hosts use the facade in [`embed`] (re-exported here): [`Vm`] to run code and exchange values,
//! [`IntoPy`]/[`FromPy`] for conversions, [`HostModule`] and [`Vm::register_function`] to expose
//! Rust functions, [`Capture`] for output and [`Error`] for failures. [`repl`] is the interactive
//! interpreter the `pyvm` command starts with no arguments.
//!
//! Limits a host sets on a script (see [`vm::limits`]): [`Vm::set_step_limit`] and
//! [`Vm::set_time_limit`] (ending it with `LimitExceeded`, which `except Exception:` cannot catch),
//! [`Vm::interrupt_handle`] (`KeyboardInterrupt` from another thread), [`Vm::set_memory_limit`]
//! (`MemoryError`; install [`alloc::Counting`] as the global allocator for a whole-heap count),
//! and `sys.setrecursionlimit` (`RecursionError`, never a Rust stack overflow, on any thread). A
//! new `Vm` reaches no file system: imports come from the library and host modules only until the
//! host sets `module_path`, `input()` reads nothing until it sets `stdin`, and there is no `open`.
//!
//! ```
//! let mut vm = pyvm::Vm::new();
//! let out = vm.capture_output();
//! vm.run_main("print(6 * 7)\n", "<example>").ok();
//! assert_eq!(out.borrow().as_str(), "42\n");
//! ```

pub mod alloc;
pub mod builtins;
pub mod bytecode;
pub mod compile;
pub mod embed;
pub mod jit;
pub mod objects;
pub mod profile;
pub mod repl;
pub mod sigint;
pub mod stdlib;
pub mod syntax;
pub mod vm;

pub use embed::{
    host_function, parse_args, Capture, Error, FromPy, FromPyArgs, HostModule, IntoPy, IntoPyArgs,
};
pub use vm::limits::InterruptHandle;
pub use vm::run::RunError;
pub use vm::{PyErr, PyResult, Value, Vm};

use std::cell::RefCell;
use std::rc::Rc;

impl Vm {
    /// Sends `print` output to an in-memory buffer and returns it.
    pub fn capture_output(&mut self) -> Rc<RefCell<String>> {
        let buf = Rc::new(RefCell::new(String::new()));
        self.out = vm::Output::Capture(buf.clone());
        buf
    }

    /// The text CPython would print to stderr for a failed run.
    pub fn render_error(&mut self, err: &RunError, filename: &str) -> String {
        match err {
            RunError::Syntax(e) => {
                let src = self
                    .sources
                    .get(filename)
                    .cloned()
                    .unwrap_or_else(|| Rc::from(""));
                e.render(filename, &src)
            }
            RunError::Exception(e) => self.format_exception(e),
        }
    }
}
