//! Fuzz target `run`: compiles the input as `compile` does and runs it in a `Vm` with its output
//! captured. Every program must end normally or with a Python exception; a panic is a bug.
//!
//! Running arbitrary programs needs a bound on their work (`while 1: pass` is a valid input),
//! and the VM has no instruction budget yet: until it lands, this target stops after compiling.
//! When it does, set the budget below and remove the early return.
#![no_main]

use libfuzzer_sys::fuzz_target;

const FILENAME: &str = "<fuzz>";

/// Set once `Vm` has an instruction budget (`vm.set_step_budget`).
const BUDGETED: bool = false;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = pyvm::syntax::source::decode_source(data, FILENAME) else {
        return;
    };
    let mut vm = pyvm::Vm::new();
    vm.set_output(pyvm::Capture::new());
    vm.set_error_output(pyvm::Capture::new());
    vm.recursion_limit = 100;
    if !BUDGETED {
        let _ = vm.compile_text(&source, FILENAME, "exec");
        return;
    }
    // vm.set_step_budget(100_000);
    if let Err(e) = vm.run(&source, FILENAME) {
        let _ = e.traceback();
    }
});
