#![cfg(feature = "jit")]
//! The tracing JIT must never change what a program prints. Two runners:
//!
//! - `jit_agrees_with_the_interpreter` (the stress test) runs every test program — each `.py` under
//!   `tests/cases` (recursively), `tests/profile` and `tests/jit`, and every program named by
//!   `tests/programs/*.cmd` with its arguments — five ways: plain, `--jit`,
//!   `--jit --jit-threshold 1` (every loop compiled on its first iteration), and the same two with
//!   the boxed tier (`--jit=boxed`). stdout, stderr and exit status must be identical across
//!   them; timing figures of `tests/programs` read as
//!   `took <t> seconds`. Every mismatch is reported, not just the first.
//! - `jit_programs_match_cpython` runs each targeted program `tests/jit/<name>.py` in the same
//!   JIT modes and compares with `<name>.stdout` (and `<name>.stderr` / `<name>.status` when CPython
//!   wrote to stderr or exited non-zero), the output of CPython 3.11. Each program drives its loops
//!   far past the default threshold and changes something under them (types, globals, list sizes,
//!   branch directions, exceptions, special floats). `PYVM_BLESS=1 cargo test --test jit`
//!   regenerates those fixtures from `python3`.
//!
//! Programs get the same empty stdin as in `tests/cases.rs`.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use support::*;

/// The header of golden `.stderr` files, as in `tests/cases.rs`; stripped before comparing.
const HEADER: &str =
    "# Expected output of CPython 3.11. Regenerate with: PYVM_BLESS=1 cargo test --test jit\n";

/// The ways every program is run; the first is the reference.
const MODES: [(&str, &[&str]); 5] = [
    ("plain", &[]),
    ("--jit", &["--jit"]),
    (
        "--jit --jit-threshold 1",
        &["--jit", "--jit-threshold", "1"],
    ),
    ("--jit=boxed", &["--jit=boxed"]),
    (
        "--jit=boxed --jit-threshold 1",
        &["--jit=boxed", "--jit-threshold", "1"],
    ),
];

/// One program to run: where, which file, and its arguments.
struct Program {
    /// How failures name it, relative to the repository.
    name: String,
    dir: PathBuf,
    file: String,
    args: Vec<String>,
    /// Programs from `tests/programs` print timings.
    timed: bool,
}

impl Program {
    fn from_py(path: &Path) -> Program {
        Program {
            name: relative(path),
            dir: path
                .parent()
                .expect("program has a directory")
                .to_path_buf(),
            file: path
                .file_name()
                .expect("program has a name")
                .to_string_lossy()
                .into_owned(),
            args: Vec::new(),
            timed: false,
        }
    }

    fn from_cmd(cmd: &Path) -> Program {
        let line = read_or_empty(cmd);
        let mut words = line.split_whitespace().map(str::to_string);
        let file = words
            .next()
            .unwrap_or_else(|| panic!("{} is empty", cmd.display()));
        Program {
            name: format!("{} ({})", relative(cmd), line.trim()),
            dir: root(),
            file,
            args: words.collect(),
            timed: true,
        }
    }

    /// Runs the program under `pyvm run` with the JIT flags `flags`, outputs normalized.
    fn run(&self, flags: &[&str]) -> Outcome {
        let mut args = vec!["run"];
        args.extend(flags);
        args.push(&self.file);
        args.extend(self.args.iter().map(String::as_str));
        let out = run(pyvm(), &args, &self.dir);
        let normalize = |text: &str| {
            let text =
                normalize_addresses(&text.replace(self.dir.to_string_lossy().as_ref(), "$DIR"));
            if self.timed {
                normalize_timings(&text)
            } else {
                text
            }
        };
        Outcome {
            stdout: normalize(&out.stdout),
            stderr: normalize(&out.stderr),
            status: out.status,
        }
    }
}

fn relative(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Runs `program` in every mode and describes each mode whose outcome differs from `expected`
/// (or, without `expected`, from the plain run).
fn check_modes(program: &Program, expected: Option<&Outcome>) -> Result<(), String> {
    let mut failures = Vec::new();
    let mut reference = None;
    for (mode, flags) in MODES {
        let actual = program.run(flags);
        let against = match (expected, &reference) {
            (Some(e), _) => e,
            (None, Some(r)) => r,
            (None, None) => {
                reference = Some(actual);
                continue;
            }
        };
        if let Some(report) = compare(against, &actual) {
            let what = if expected.is_some() {
                "CPython"
            } else {
                "plain"
            };
            failures.push(format!("{} [{mode}] vs {what}:\n{report}", program.name));
        }
    }
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join(""))
    }
}

/// Every program the test suites run.
fn all_programs() -> Vec<Program> {
    let tests = root().join("tests");
    let mut programs: Vec<Program> = ["cases", "profile", "jit"]
        .iter()
        .flat_map(|d| files_with_suffix(&tests.join(d), ".py"))
        .map(|p| Program::from_py(&p))
        .collect();
    programs.extend(
        files_with_suffix(&tests.join("programs"), ".cmd")
            .iter()
            .map(|c| Program::from_cmd(c)),
    );
    programs
}

#[test]
fn jit_agrees_with_the_interpreter() {
    let programs = all_programs();
    check_all("programs under five JIT modes", &programs, |program| {
        check_modes(program, None)
    });
}

#[test]
fn jit_programs_match_cpython() {
    let paths = files_with_suffix(&root().join("tests/jit"), ".py");
    let bless = blessing();
    let python = if bless { cpython() } else { String::new() };
    check_all("JIT programs", &paths, |path| {
        let program = Program::from_py(path);
        if bless {
            let out = run(&python, &[&program.file], &program.dir);
            let dir = program.dir.to_string_lossy();
            fs::write(
                with_ext(path, "stdout"),
                out.stdout.replace(dir.as_ref(), "$DIR"),
            )
            .expect("write stdout fixture");
            let stderr = out.stderr.replace(dir.as_ref(), "$DIR");
            let stderr = if stderr.is_empty() {
                stderr
            } else {
                format!("{HEADER}{stderr}")
            };
            write_or_remove(&with_ext(path, "stderr"), &stderr);
            let status = if out.status == 0 {
                String::new()
            } else {
                format!("{}\n", out.status)
            };
            write_or_remove(&with_ext(path, "status"), &status);
            return Ok(());
        }
        let stderr = read_or_empty(&with_ext(path, "stderr"));
        let expected = Outcome {
            stdout: read_or_empty(&with_ext(path, "stdout")),
            stderr: normalize_addresses(stderr.strip_prefix(HEADER).unwrap_or(&stderr)),
            status: read_or_empty(&with_ext(path, "status"))
                .trim()
                .parse()
                .unwrap_or(0),
        };
        check_modes(&program, Some(&expected))
    });
}

#[test]
fn every_jit_program_has_a_fixture() {
    for path in files_with_suffix(&root().join("tests/jit"), ".py") {
        assert!(
            with_ext(&path, "stdout").exists() || blessing(),
            "{} has no .stdout: bless it with PYVM_BLESS=1 cargo test --test jit",
            relative(&path)
        );
    }
}

/// Near the recursion limit, a call the trace inlined must raise RecursionError where the
/// interpreter raises it: compiled code is not entered where its inlined calls would not fit.
#[test]
fn inlined_calls_keep_the_recursion_limit() {
    let program = Program::from_py(&root().join("tests/jit_interp/recursion_limit.py"));
    let plain = program.run(&[]);
    assert!(
        plain.stdout.contains("(0, 60)"),
        "the call in the loop should reach the limit:\n{}",
        plain.stdout
    );
    if let Err(report) = check_modes(&program, None) {
        panic!("{report}");
    }
}

/// The step budget runs out at the same step in every mode: compiled loops and inlined calls
/// count their steps as the interpreter does.
#[test]
fn step_budget_counts_the_same_in_compiled_code() {
    let program = Program::from_py(&root().join("tests/jit_interp/step_budget.py"));
    for steps in ["1", "2", "5", "17", "1000", "12345", "54321"] {
        let runs: Vec<Outcome> = MODES
            .iter()
            .map(|(_, flags)| {
                let mut args = vec!["--max-steps", steps];
                args.extend(*flags);
                program.run(&args)
            })
            .collect();
        assert!(
            runs[0].stdout.starts_with("LimitExceeded"),
            "--max-steps {steps}: {}",
            runs[0].stdout
        );
        for (run, (mode, _)) in runs.iter().zip(MODES).skip(1) {
            if let Some(report) = compare(&runs[0], run) {
                panic!("--max-steps {steps} [{mode}] vs plain:\n{report}");
            }
        }
    }
}

/// An endless loop running as compiled code still reaches the limit checks: a deadline ends it
/// with a traceback and exit status 1.
#[test]
fn deadline_stops_a_compiled_endless_loop() {
    let program = Program::from_py(&root().join("tests/jit_interp/endless.py"));
    for (mode, flags) in MODES {
        let mut args = vec!["--timeout", "0.3"];
        args.extend(flags);
        let out = program.run(&args);
        assert_eq!(out.status, 1, "[{mode}] {}", out.stderr);
        assert!(
            out.stderr.contains("Traceback") && out.stderr.contains("LimitExceeded"),
            "[{mode}] {}",
            out.stderr
        );
    }
}

/// `--jit-log` events: each compiled trace as `[TRACE n file:line loop]` (or `-> m` when its path
/// ends by entering loop tree m), side traces as `[TRACE n (parent/exit) file:line -> m]`, aborts
/// as `[TRACE --- file:line -- abort: reason at file:line]`, then the summary. In
/// tests/jit/nested_trees.py an outer loop's trace enters its inner loop's tree.
#[test]
fn jit_log_shows_paths_entering_other_trees() {
    let program = Program::from_py(&root().join("tests/jit/nested_trees.py"));
    let out = program.run(&["--jit", "--jit-log"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let events: Vec<&str> = out
        .stderr
        .lines()
        .take_while(|l| !l.starts_with("---- JIT summary"))
        .collect();
    assert!(
        out.stderr.contains("---- JIT summary\ntraces: "),
        "no summary:\n{}",
        out.stderr
    );
    // Trace numbers of the roots that loop, and of the paths entering another loop's tree.
    let mut loops = Vec::new();
    let mut entering = Vec::new();
    for line in &events {
        let fields: Vec<&str> = line
            .trim_start_matches('[')
            .trim_end_matches(']')
            .split(' ')
            .collect();
        match fields.as_slice() {
            ["TRACE", n, place, "loop"] if place.starts_with("nested_trees.py:") => {
                loops.push(n.to_string())
            }
            // (A function compiled from its entry ends at its returns.)
            ["TRACE", _, place, "return"] if place.starts_with("nested_trees.py:") => {}
            ["TRACE", n, place, "->", target] if place.starts_with("nested_trees.py:") => {
                entering.push((n.to_string(), target.to_string()))
            }
            ["TRACE", _, parent, place, "->", _]
                if parent.starts_with('(') && place.starts_with("nested_trees.py:") => {}
            ["TRACE", "---", place, "--", "abort:", ..]
                if place.starts_with("nested_trees.py:")
                    && line.contains(" at nested_trees.py:") => {}
            ["TRACE", "---", place, "--", "blacklisted"]
                if place.starts_with("nested_trees.py:") => {}
            _ => panic!("not a --jit-log event: {line:?}\n{}", out.stderr),
        }
    }
    assert!(
        entering
            .iter()
            .any(|(n, target)| n != target && loops.contains(target)),
        "no loop's trace enters another loop's tree:\n{}",
        out.stderr
    );
    assert!(
        !out.stderr.contains(":-1"),
        "an event placed on no line:\n{}",
        out.stderr
    );
}

/// A trace the code generator rejects is a bug in the lowering (it shows as a `codegen:`
/// abort, and the loop runs interpreted): none of the targeted programs may hit one, at either
/// threshold.
#[test]
fn targeted_programs_compile_without_codegen_errors() {
    let programs: Vec<Program> = files_with_suffix(&root().join("tests/jit"), ".py")
        .iter()
        .map(|p| Program::from_py(p))
        .collect();
    check_all("targeted JIT programs", &programs, |program| {
        for threshold in ["50", "1"] {
            let out = program.run(&["--jit", "--jit-threshold", threshold, "--jit-log=summary"]);
            if out.stderr.contains("codegen") {
                return Err(format!(
                    "{} (threshold {threshold}):\n{}",
                    program.name, out.stderr
                ));
            }
        }
        Ok(())
    });
}

/// A generator's loop is compiled: its path ends by leaving through the `yield` (`yield` in the
/// event), and every resumption runs the tree again until the next yield.
#[test]
fn generator_loops_compile_to_paths_ending_at_yield() {
    let program = Program::from_py(&root().join("tests/jit/generators.py"));
    let out = program.run(&["--jit", "--jit-log"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    // odd_numbers (line 6) and the generator expression over enumerate (line 74).
    for line in [6, 74] {
        let event = out
            .stderr
            .lines()
            .find(|l| l.ends_with(&format!(" generators.py:{line} yield]")));
        assert!(
            event.is_some_and(|e| e.starts_with("[TRACE ")),
            "no trace ending at the yield of line {line}:\n{}",
            out.stderr
        );
    }
    // signs(): the second branch's yield is reached by a side trace.
    assert!(
        out.stderr.lines().any(|l| l.starts_with("[TRACE ")
            && l.contains(") generators.py:1")
            && l.ends_with(" -> yield]")),
        "no side trace ending at a yield:\n{}",
        out.stderr
    );
    let yields = exits_taken(&out.stderr, "generators.py:", "YIELD_VALUE");
    assert!(
        yields > 1000,
        "the generators' trees were hardly run (exits at yields: {yields}):\n{}",
        out.stderr
    );
}

/// A hot function is compiled from its entry: fib's tree ends at its returns (its recursive
/// calls run the same tree, see `calls_run_compiled_functions_straight_away`), and
/// check_prime's enters the tree of its loop.
#[test]
fn function_entries_compile_to_paths_ending_at_return_or_a_loop() {
    let program = Program::from_py(&root().join("tests/jit/function_entries.py"));
    let out = program.run(&["--jit", "--jit-log"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let event = |line: u32, end: &str| {
        out.stderr.lines().any(|l| {
            l.starts_with("[TRACE ") && l.ends_with(&format!(" function_entries.py:{line} {end}]"))
        })
    };
    assert!(
        event(6, "return"),
        "fib not compiled from its entry:\n{}",
        out.stderr
    );
    assert!(
        out.stderr.lines().any(|l| l.starts_with("[TRACE ")
            && l.contains(") function_entries.py:1")
            && l.ends_with(" -> return]")),
        "no side trace of check_prime's loop ends at a return:\n{}",
        out.stderr
    );
    let loop_tree = out
        .stderr
        .lines()
        .find(|l| l.ends_with(" function_entries.py:17 loop]"))
        .and_then(|l| l.split(' ').nth(1))
        .unwrap_or_else(|| panic!("check_prime's loop not compiled:\n{}", out.stderr));
    assert!(
        event(12, &format!("-> {loop_tree}")),
        "check_prime's entry does not enter its loop's tree {loop_tree}:\n{}",
        out.stderr
    );
    let returns = exits_taken(&out.stderr, "function_entries.py:", "RETURN_VALUE");
    assert!(
        returns > 1_000,
        "compiled functions hardly returned (exits at returns: {returns}):\n{}",
        out.stderr
    );
}

/// The exits the JIT summary in `log` counts at instructions `op` of the file `place` names
/// (`exit   4 at gen.py:3 (YIELD_VALUE): 1147`).
fn exits_taken(log: &str, place: &str, op: &str) -> u64 {
    log.lines()
        .filter(|l| l.contains(place) && l.contains(&format!("({op}): ")))
        .filter_map(|l| l.rsplit(": ").next()?.parse::<u64>().ok())
        .sum()
}

/// `--jit-log=dump` shows, for each trace, its recorded bytecode in `dis` layout, its IR with
/// guards and snapshots, the Cranelift IR of its tree and the machine code that became, then
/// the summary.
#[test]
fn dump_shows_bytecode_ir_cranelift_ir_and_machine_code() {
    let program = Program::from_py(&root().join("tests/jit/complex_loop.py"));
    let out = program.run(&["--jit", "--jit-log=dump"]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let log = &out.stderr;
    let at = |what: &str, from: usize| {
        log[from..]
            .find(what)
            .map(|i| from + i)
            .unwrap_or_else(|| panic!("no {what:?} after byte {from} of the dump:\n{log}"))
    };
    let bytecode = at("---- TRACE 1 bytecode\n", 0);
    // A dis line: source line, offset, opcode name, argument.
    let first = log[bytecode..].lines().nth(1).unwrap_or("");
    let fields: Vec<&str> = first.split_whitespace().collect();
    assert!(
        fields.len() >= 3
            && fields[0].parse::<u32>().is_ok()
            && fields[1].parse::<u32>().is_ok()
            && fields[2]
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '_'),
        "not a dis line: {first:?}"
    );
    let ir = at("---- TRACE 1 IR\n", bytecode);
    let clif = at("---- TRACE 1 Cranelift IR of the tree (", ir);
    assert!(
        log[ir..clif].contains("guard "),
        "no guard in the IR:\n{log}"
    );
    assert!(
        log[ir..clif].contains("snapshot "),
        "no snapshot in the IR:\n{log}"
    );
    let function = at("function u0:0(", clif);
    let machine = at("---- machine code\n", function);
    let summary = at("---- JIT summary\n", machine);
    // The listing names the blocks the function's code was laid out in, with instructions.
    let listing = &log[machine..summary];
    assert!(
        listing.contains("block0:") && listing.lines().filter(|l| l.starts_with("  ")).count() > 20,
        "no machine code listing:\n{listing}"
    );
}

/// A call of a function compiled from its entry runs the tree straight from the call: the
/// summary counts those calls, and the recursive functions of compiled_calls.py (fib,
/// depth, ackermann, ...) make thousands of them.
#[test]
fn calls_run_compiled_functions_straight_away() {
    let program = Program::from_py(&root().join("tests/jit/compiled_calls.py"));
    let out = program.run(&["--jit", "--jit-log=summary"]);
    assert_eq!(out.status, 1, "{}", out.stderr);
    let calls = out
        .stderr
        .lines()
        .find_map(|l| l.strip_prefix("calls straight into compiled functions: "))
        .and_then(|n| n.parse::<u64>().ok());
    assert!(
        calls.is_some_and(|n| n > 10_000),
        "few or no calls ran compiled functions ({calls:?}):\n{}",
        out.stderr
    );
    // count_to's early return, taken by calls from driver's trace, grows a side trace of its
    // entry's tree: recorded from the frame made where such a call's run left the tree.
    let events = program.run(&["--jit", "--jit-log"]);
    assert!(
        events
            .stderr
            .lines()
            .any(|l| l.starts_with("[TRACE ") && l.ends_with(") compiled_calls.py:184 -> return]")),
        "no side trace for count_to's early return:\n{}",
        events.stderr
    );
    // Without the JIT's log nothing of this shows.
    let plain = program.run(&["--jit"]);
    assert!(!plain.stderr.contains("calls straight"), "{}", plain.stderr);
}
