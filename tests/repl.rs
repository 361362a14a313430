//! The REPL against CPython 3.11.
//!
//! - `tests/repl/interactive/<name>.input`: lines typed at the prompt; `<name>.expected` is what
//!   `python3 -q -i -u < <name>.input 2>&1` printed (prompts, values, errors; the typed text is
//!   not echoed), compared with `pyvm::repl::transcript`.
//! - `tests/repl/piped/<name>.py`: a program piped into `pyvm` with no arguments, run as the script
//!   `<stdin>`; `<name>.stdout`, `<name>.stderr` and `<name>.status` are what `python3 < <name>.py`
//!   produced.
//!
//! Regenerate the expected files with `PYVM_BLESS=1 cargo test --test repl` (needs `python3` to be
//! CPython 3.11).

use pyvm::repl::{is_complete, transcript, Session, Step};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/repl")
        .join(sub)
}

fn blessing() -> bool {
    std::env::var_os("PYVM_BLESS").is_some_and(|v| v != "0")
}

fn files(sub: &str, ext: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = fs::read_dir(dir(sub))
        .expect("fixture directory")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no fixtures in tests/repl/{sub}");
    v
}

/// Runs `program args` with `input` on stdin: (stdout, stderr, status).
fn run_with_stdin(program: &str, args: &[&str], input: &[u8]) -> (String, String, i32) {
    let mut child = Command::new(program)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input)
        .expect("write stdin");
    let out = child.wait_with_output().expect("wait for child");
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

#[test]
fn interactive_sessions_match_cpython() {
    let mut failures = Vec::new();
    for input_path in files("interactive", "input") {
        let input = fs::read_to_string(&input_path).expect("read input");
        let expected_path = input_path.with_extension("expected");
        if blessing() {
            // Prompts and errors go to stderr, values to stdout: one pipe for both keeps their order.
            let merged = Command::new("sh")
                .arg("-c")
                .arg("python3 -q -i -u < \"$0\" 2>&1")
                .arg(&input_path)
                .output()
                .expect("run python3");
            fs::write(&expected_path, merged.stdout).expect("write expected");
        }
        let expected = fs::read_to_string(&expected_path).expect("read expected");
        // A deep recursion must end in RecursionError, not exhaust the test thread's small
        // stack: the session runs on a thread with the CLI's interpreter stack.
        let actual = std::thread::Builder::new()
            .stack_size(1 << 30)
            .spawn(move || transcript(&input))
            .expect("spawn")
            .join()
            .expect("transcript");
        if actual != expected {
            failures.push(format!(
                "{}:\n--- expected\n{expected}\n--- actual\n{actual}",
                input_path.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn piped_stdin_runs_as_a_script() {
    let mut failures = Vec::new();
    for program in files("piped", "py") {
        let source = fs::read(&program).expect("read program");
        if blessing() {
            let (out, err, status) = run_with_stdin("python3", &[], &source);
            fs::write(program.with_extension("stdout"), out).expect("write stdout");
            fs::write(program.with_extension("stderr"), err).expect("write stderr");
            fs::write(program.with_extension("status"), format!("{status}\n"))
                .expect("write status");
        }
        let expected = (
            fs::read_to_string(program.with_extension("stdout")).expect("stdout fixture"),
            fs::read_to_string(program.with_extension("stderr")).expect("stderr fixture"),
            fs::read_to_string(program.with_extension("status"))
                .expect("status fixture")
                .trim()
                .parse::<i32>()
                .expect("status number"),
        );
        let actual = run_with_stdin(env!("CARGO_BIN_EXE_pyvm"), &[], &source);
        if actual != expected {
            failures.push(format!(
                "{}:\nexpected {expected:?}\nactual   {actual:?}",
                program.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

fn lines(text: &[&str]) -> Vec<String> {
    text.iter().map(|s| s.to_string()).collect()
}

#[test]
fn deciding_whether_input_is_complete() {
    // Simple statements are complete unless a bracket, string or backslash is still open.
    assert!(is_complete(&lines(&["x = 1"])));
    assert!(
        is_complete(&lines(&["1 +"])),
        "an error is complete: it is shown"
    );
    assert!(!is_complete(&lines(&["x = (1,"])));
    assert!(!is_complete(&lines(&["s = '''a"])));
    assert!(!is_complete(&lines(&["x = 1 + \\"])));
    assert!(is_complete(&lines(&["x = (1,", " 2)"])));
    // Compound statements wait for an empty line.
    assert!(!is_complete(&lines(&["if x:"])));
    assert!(!is_complete(&lines(&["if x: pass"])));
    assert!(!is_complete(&lines(&["for i in y:", "    print(i)"])));
    assert!(is_complete(&lines(&["for i in y:", "    print(i)", ""])));
    assert!(!is_complete(&lines(&["try:", "    pass"])));
    assert!(!is_complete(&lines(&["@dec"])));
    assert!(!is_complete(&lines(&["def f():", "    return (", ""])));
    // ... except that an error on a line already typed is shown at once.
    assert!(is_complete(&lines(&["if x ==:"])));
    // `match` is a soft keyword.
    assert!(is_complete(&lines(&["match = 3"])));
}

#[test]
fn session_prompts_echo_and_recovery() {
    let mut vm = pyvm::Vm::new();
    let out = pyvm::Capture::new();
    vm.set_output(out.clone());
    vm.set_error_output(out.clone());
    let mut s = Session::new(vm);
    assert_eq!(s.prompt(), ">>> ");
    assert_eq!(s.push_line("def sq(n):"), Step::More);
    assert_eq!(s.prompt(), "... ");
    assert_eq!(s.push_line("    return n * n"), Step::More);
    assert_eq!(s.push_line(""), Step::Ran);
    assert_eq!(s.push_line("sq(12)"), Step::Ran);
    assert_eq!(out.take(), "144\n");
    assert_eq!(s.push_line("sq(None)"), Step::Ran);
    assert_eq!(
        out.take(),
        "Traceback (most recent call last):\n  File \"<stdin>\", line 1, in <module>\n  \
         File \"<stdin>\", line 2, in sq\nTypeError: unsupported operand type(s) for *: \
         'NoneType' and 'NoneType'\n"
    );
    assert_eq!(s.push_line("_ + 1"), Step::Ran);
    assert_eq!(out.take(), "145\n");
    assert_eq!(s.push_line("None"), Step::Ran);
    assert_eq!(out.take(), "");
    assert_eq!(s.push_line("x = ["), Step::More);
    s.interrupt();
    assert_eq!(out.take(), "KeyboardInterrupt\n");
    assert_eq!(s.prompt(), ">>> ");
    assert_eq!(s.push_line("exit(5)"), Step::Exit(5));
}
