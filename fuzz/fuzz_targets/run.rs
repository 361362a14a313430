//! Fuzz target `run`: compiles the input as `compile` does and runs it in a `Vm` with its output
//! captured, under a step budget (so `while 1: pass` ends), a deadline and a small recursion
//! limit; then runs it again with the JIT compiling every loop on its first iteration. Every
//! program must end normally or with a Python exception (a panic is a bug), and the two runs
//! must print the same (the step budget runs out at the same step in both).
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::time::Duration;

const FILENAME: &str = "<fuzz>";

/// Runs `source` in a fresh VM: what it printed on stdout and stderr, and whether the deadline
/// (whose timing differs between runs) stopped it.
fn run(source: &str, jit: bool) -> (String, String, bool) {
    let mut vm = pyvm::Vm::new();
    let out = pyvm::Capture::new();
    let err = pyvm::Capture::new();
    vm.set_output(out.clone());
    vm.set_error_output(err.clone());
    vm.recursion_limit = 100;
    vm.set_step_limit(Some(20_000));
    vm.set_time_limit(Some(Duration::from_secs(2)));
    vm.set_memory_limit(Some(256 << 20));
    if jit {
        let options = pyvm::jit::Options {
            threshold: 1,
            ..pyvm::jit::Options::default()
        };
        if vm.enable_jit(options).is_err() {
            return (String::new(), String::new(), true);
        }
    }
    let (traceback, timed_out) = match vm.run(source, FILENAME) {
        Ok(()) => (String::new(), false),
        Err(e) => {
            let text = e.traceback().to_string();
            let timed_out = text.contains("time limit exceeded");
            (text, timed_out)
        }
    };
    (
        without_addresses(&out.contents()),
        without_addresses(&(err.contents() + &traceback)),
        timed_out,
    )
}

/// `text` with what differs from run to run masked: object addresses (`at 0x7f..`) and the
/// timings the book's programs print (`took 0.0123 seconds`).
fn without_addresses(text: &str) -> String {
    let text = text
        .split(' ')
        .scan(false, |after_took, word| {
            let masked = if *after_took { "<t>" } else { word };
            *after_took = word == "took";
            Some(masked)
        })
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(i) = rest.find("0x") {
        out.push_str(&rest[..i + 2]);
        let hex = rest[i + 2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(rest.len() - i - 2);
        out.push('…');
        rest = &rest[i + 2 + hex..];
    }
    out.push_str(rest);
    out
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = pyvm::syntax::source::decode_source(data, FILENAME) else {
        return;
    };
    let plain = run(&source, false);
    let jit = run(&source, true);
    if !plain.2 && !jit.2 {
        assert_eq!(plain.0, jit.0, "stdout differs with the JIT");
        assert_eq!(plain.1, jit.1, "stderr differs with the JIT");
    }
});
