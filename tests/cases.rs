//! The golden-file runner: every test program under `tests/` is run by `pyvm` and its output compared
//! with what CPython 3.11 printed for it, committed next to the program.
//!
//! Layout (see `tests/README.md`):
//! - `tests/cases/<area>/<name>.py` with `<name>.stdout`, and `<name>.stderr` / `<name>.status` when
//!   the program writes to stderr or exits non-zero. Paths in the output are written as `$DIR`.
//! - `tests/dis/<name>.py` with `<name>.dis`, the listing of `python3 -m dis <name>.py`.
//! - `tests/programs/<name>.cmd`: one line, a program under `programs/` and its arguments, with
//!   `<name>.stdout`; timing figures (`took 0.123 seconds`) are compared as `took <t> seconds`.
//!
//! `PYVM_BLESS=1 cargo test --test cases` regenerates every expected file from `python3` (which must be
//! CPython 3.11). A program whose first line is `# pyvm: known divergence: <why>` is expected to differ;
//! the marker is strict, so once the case passes the runner fails until the marker is removed.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The header written at the top of golden `.stderr` and `.dis` files; stripped before comparing.
const HEADER: &str =
    "# Expected output of CPython 3.11. Regenerate with: PYVM_BLESS=1 cargo test --test cases\n";
const DIVERGENCE_MARKER: &str = "# pyvm: known divergence:";
/// A program that runs longer than this is killed and reported as hanging.
const TIMEOUT: Duration = Duration::from_secs(60);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn blessing() -> bool {
    std::env::var_os("PYVM_BLESS").is_some_and(|v| v != "0")
}

/// What one run of a program produced.
#[derive(Debug, PartialEq)]
struct Outcome {
    stdout: String,
    stderr: String,
    status: i32,
}

/// Runs `program args...` in `dir` with empty stdin and a time limit.
fn run(program: &str, args: &[&str], dir: &Path) -> Outcome {
    let mut child = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {program}: {e}"));
    // Drain both pipes on their own threads so a chatty program cannot block on a full pipe.
    let mut out_pipe = child.stdout.take().expect("stdout is piped");
    let mut err_pipe = child.stderr.take().expect("stderr is piped");
    let out_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = out_pipe.read_to_end(&mut buf);
        buf
    });
    let err_reader = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = err_pipe.read_to_end(&mut buf);
        buf
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for child") {
            break status.code().unwrap_or(-1);
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break -9;
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let stdout = String::from_utf8_lossy(&out_reader.join().unwrap_or_default()).into_owned();
    let stderr = String::from_utf8_lossy(&err_reader.join().unwrap_or_default()).into_owned();
    Outcome {
        stdout,
        stderr,
        status,
    }
}

fn pyvm() -> &'static str {
    env!("CARGO_BIN_EXE_pyvm")
}

/// The CPython used for blessing; refuses anything but 3.11 so fixtures stay comparable.
fn cpython() -> String {
    let candidates = ["python3.11", "python3"];
    for candidate in candidates {
        let version = Command::new(candidate)
            .args(["-c", "import sys; print(sys.version_info[:2] == (3, 11))"])
            .output();
        if let Ok(out) = version {
            if String::from_utf8_lossy(&out.stdout).trim() == "True" {
                return candidate.to_string();
            }
        }
    }
    panic!("PYVM_BLESS needs CPython 3.11 as python3.11 or python3");
}

/// Files under `dir` (recursively) whose name ends with `suffix`, sorted.
fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if path.to_string_lossy().ends_with(suffix) {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// Replaces the absolute directory of the program with `$DIR` so fixtures do not depend on where the
/// repository is checked out.
fn normalize_paths(text: &str, dir: &Path) -> String {
    let dir = dir.to_string_lossy();
    text.replace(dir.as_ref(), "$DIR")
}

/// Timing figures differ from run to run; `took 0.51 seconds` compares as `took <t> seconds`.
fn normalize_timings(text: &str) -> String {
    text.lines()
        .map(|line| match line.find(" took ") {
            Some(at) if line.trim_end().ends_with(" seconds") => {
                format!("{} took <t> seconds\n", &line[..at])
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

/// Code-object addresses are per-process in CPython and stand-ins in pyvm; both are numbered in order
/// of first appearance.
fn normalize_addresses(text: &str) -> String {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(" at 0x") {
        out.push_str(&rest[..at + 4]);
        let hex = &rest[at + 4..];
        let len = 2 + hex[2..]
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(hex.len() - 2);
        let next = seen.len();
        let n = *seen.entry(hex[..len].to_string()).or_insert(next);
        out.push_str(&format!("0xADDR{n}"));
        rest = &hex[len..];
    }
    out.push_str(rest);
    out
}

fn strip_header(text: &str) -> &str {
    text.strip_prefix(HEADER).unwrap_or(text)
}

fn read_or_empty(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

fn with_ext(path: &Path, ext: &str) -> PathBuf {
    path.with_extension(ext)
}

/// Writes `contents` to `path`, or removes `path` when there is nothing to record.
fn write_or_remove(path: &Path, contents: &str) {
    if contents.is_empty() {
        let _ = fs::remove_file(path);
    } else {
        fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

fn known_divergence(source: &str) -> bool {
    source.starts_with(DIVERGENCE_MARKER)
}

/// A line-by-line description of how `actual` differs from `expected`.
fn diff(what: &str, expected: &str, actual: &str) -> String {
    let e: Vec<&str> = expected.lines().collect();
    let a: Vec<&str> = actual.lines().collect();
    let first = (0..e.len().max(a.len()))
        .find(|&i| e.get(i) != a.get(i))
        .unwrap_or(0);
    let from = first.saturating_sub(2);
    let mut out = format!("  {what} differs at line {}:\n", first + 1);
    for i in from..(first + 4).min(e.len().max(a.len())) {
        match (e.get(i), a.get(i)) {
            (Some(x), Some(y)) if x == y => out.push_str(&format!("      {x}\n")),
            (x, y) => {
                if let Some(x) = x {
                    out.push_str(&format!("    - {x}\n"));
                }
                if let Some(y) = y {
                    out.push_str(&format!("    + {y}\n"));
                }
            }
        }
    }
    out
}

/// Compares one case; `None` when it matches.
fn compare(expected: &Outcome, actual: &Outcome) -> Option<String> {
    let mut report = String::new();
    if expected.stdout != actual.stdout {
        report.push_str(&diff("stdout", &expected.stdout, &actual.stdout));
    }
    if expected.stderr != actual.stderr {
        report.push_str(&diff("stderr", &expected.stderr, &actual.stderr));
    }
    if expected.status != actual.status {
        report.push_str(&format!(
            "  exit status: expected {}, got {}\n",
            expected.status, actual.status
        ));
    }
    (!report.is_empty()).then_some(report)
}

/// Runs `check` over `items` on all cores and panics with every failure at the end.
fn check_all<T: Sync>(kind: &str, items: &[T], check: impl Fn(&T) -> Result<(), String> + Sync) {
    assert!(!items.is_empty(), "no {kind} found");
    let failures = Mutex::new(Vec::new());
    let next = Mutex::new(0usize);
    let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| loop {
                let i = {
                    let mut n = next.lock().unwrap();
                    *n += 1;
                    *n - 1
                };
                let Some(item) = items.get(i) else { break };
                if let Err(e) = check(item) {
                    failures.lock().unwrap().push(e);
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    if !failures.is_empty() {
        panic!(
            "{} of {} {kind} failed:\n\n{}",
            failures.len(),
            items.len(),
            failures.join("\n")
        );
    }
    eprintln!("{} {kind} passed", items.len());
}

/// Checks a case against its fixtures, honouring a strict known-divergence marker.
fn judge(name: &str, source: &str, expected: &Outcome, actual: &Outcome) -> Result<(), String> {
    match (compare(expected, actual), known_divergence(source)) {
        (None, false) | (Some(_), true) => Ok(()),
        (Some(report), false) => Err(format!("{name}\n{report}")),
        (None, true) => Err(format!(
            "{name}\n  matches CPython now: remove its `{DIVERGENCE_MARKER}` line\n"
        )),
    }
}

#[test]
fn cases() {
    let programs = files_with_suffix(&root().join("tests/cases"), ".py");
    let bless = blessing();
    let python = if bless { cpython() } else { String::new() };
    check_all("cases", &programs, |program| {
        let dir = program.parent().expect("case has a directory");
        let file = program
            .file_name()
            .expect("case has a name")
            .to_string_lossy();
        let name = program
            .strip_prefix(root())
            .unwrap_or(program)
            .display()
            .to_string();
        let source = read_or_empty(program);
        if bless {
            let out = run(&python, &[&file], dir);
            let stderr = normalize_paths(&out.stderr, dir);
            fs::write(
                with_ext(program, "stdout"),
                normalize_paths(&out.stdout, dir),
            )
            .expect("write stdout fixture");
            let stderr = if stderr.is_empty() {
                stderr
            } else {
                format!("{HEADER}{stderr}")
            };
            write_or_remove(&with_ext(program, "stderr"), &stderr);
            let status = if out.status == 0 {
                String::new()
            } else {
                format!("{}\n", out.status)
            };
            write_or_remove(&with_ext(program, "status"), &status);
            return Ok(());
        }
        let expected = Outcome {
            stdout: read_or_empty(&with_ext(program, "stdout")),
            stderr: strip_header(&read_or_empty(&with_ext(program, "stderr"))).to_string(),
            status: read_or_empty(&with_ext(program, "status"))
                .trim()
                .parse()
                .unwrap_or(0),
        };
        let out = run(pyvm(), &["run", &file], dir);
        let actual = Outcome {
            stdout: normalize_paths(&out.stdout, dir),
            stderr: normalize_paths(&out.stderr, dir),
            status: out.status,
        };
        judge(&name, &source, &expected, &actual)
    });
}

#[test]
fn dis_listings() {
    let programs = files_with_suffix(&root().join("tests/dis"), ".py");
    let bless = blessing();
    let python = if bless { cpython() } else { String::new() };
    check_all("dis listings", &programs, |program| {
        let dir = program.parent().expect("listing has a directory");
        let file = program
            .file_name()
            .expect("listing has a name")
            .to_string_lossy();
        let name = program
            .strip_prefix(root())
            .unwrap_or(program)
            .display()
            .to_string();
        let golden = with_ext(program, "dis");
        if bless {
            let out = run(&python, &["-m", "dis", &file], dir);
            assert_eq!(
                out.status, 0,
                "python3 -m dis {name} failed: {}",
                out.stderr
            );
            // Addresses differ on every run: keep the file unless the listing itself changed.
            let old = read_or_empty(&golden);
            if normalize_addresses(strip_header(&old)) != normalize_addresses(&out.stdout) {
                fs::write(&golden, format!("{HEADER}{}", out.stdout)).expect("write dis fixture");
            }
            return Ok(());
        }
        let expected = Outcome {
            stdout: normalize_addresses(strip_header(&read_or_empty(&golden))),
            stderr: String::new(),
            status: 0,
        };
        let out = run(pyvm(), &["dis", &file], dir);
        let actual = Outcome {
            stdout: normalize_addresses(&out.stdout),
            ..out
        };
        judge(&name, &read_or_empty(program), &expected, &actual)
    });
}

#[test]
fn programs() {
    let commands = files_with_suffix(&root().join("tests/programs"), ".cmd");
    let bless = blessing();
    let python = if bless { cpython() } else { String::new() };
    check_all("programs", &commands, |cmd| {
        let name = cmd
            .strip_prefix(root())
            .unwrap_or(cmd)
            .display()
            .to_string();
        let line = read_or_empty(cmd);
        let words: Vec<&str> = line.split_whitespace().collect();
        assert!(!words.is_empty(), "{name} is empty");
        let golden = with_ext(cmd, "stdout");
        let root = root();
        if bless {
            let out = run(&python, &words, &root);
            assert_eq!(out.status, 0, "python3 {line} failed: {}", out.stderr);
            fs::write(&golden, normalize_timings(&out.stdout)).expect("write program fixture");
            return Ok(());
        }
        let expected = Outcome {
            stdout: read_or_empty(&golden),
            stderr: String::new(),
            status: 0,
        };
        let mut args = vec!["run"];
        args.extend(&words);
        let out = run(pyvm(), &args, &root);
        let actual = Outcome {
            stdout: normalize_timings(&out.stdout),
            ..out
        };
        judge(&name, "", &expected, &actual)
    });
}

#[test]
fn normalizers_do_what_they_say() {
    assert_eq!(
        normalize_addresses(
            "<code object f at 0x7f12ab, file> <code object g at 0x10> at 0x7f12ab"
        ),
        "<code object f at 0xADDR0, file> <code object g at 0xADDR1> at 0xADDR0"
    );
    assert_eq!(
        normalize_timings("Length of x: 10\nf took 0.25 seconds\n"),
        "Length of x: 10\nf took <t> seconds\n"
    );
    assert!(compare(
        &Outcome {
            stdout: "1\n".into(),
            stderr: String::new(),
            status: 0
        },
        &Outcome {
            stdout: "2\n".into(),
            stderr: String::new(),
            status: 0
        }
    )
    .is_some());
}
