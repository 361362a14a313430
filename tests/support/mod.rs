//! Helpers shared by the golden-file test runners: running a program with a time limit,
//! finding fixtures, blessing, and describing differences.
#![allow(dead_code)]

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// A program that runs longer than this is killed and reported as hanging.
pub const TIMEOUT: Duration = Duration::from_secs(60);

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn blessing() -> bool {
    std::env::var_os("PYVM_BLESS").is_some_and(|v| v != "0")
}

/// What one run of a program produced.
#[derive(Debug, PartialEq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

/// Runs `program args...` in `dir` with empty stdin and a time limit.
pub fn run(program: &str, args: &[&str], dir: &Path) -> Outcome {
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

pub fn pyvm() -> &'static str {
    env!("CARGO_BIN_EXE_pyvm")
}

/// The CPython used for blessing; refuses anything but 3.11 so fixtures stay comparable.
pub fn cpython() -> String {
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
pub fn files_with_suffix(dir: &Path, suffix: &str) -> Vec<PathBuf> {
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

pub fn read_or_empty(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_default()
}

pub fn with_ext(path: &Path, ext: &str) -> PathBuf {
    path.with_extension(ext)
}

/// Writes `contents` to `path`, or removes `path` when there is nothing to record.
pub fn write_or_remove(path: &Path, contents: &str) {
    if contents.is_empty() {
        let _ = fs::remove_file(path);
    } else {
        fs::write(path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }
}

/// How `actual` differs from `expected` (stdout, stderr, exit status), or `None` when they
/// agree.
pub fn compare(expected: &Outcome, actual: &Outcome) -> Option<String> {
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

/// A line-by-line description of how `actual` differs from `expected`.
pub fn diff(what: &str, expected: &str, actual: &str) -> String {
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

/// Runs `check` over `items` on all cores and panics with every failure at the end.
pub fn check_all<T: Sync>(
    kind: &str,
    items: &[T],
    check: impl Fn(&T) -> Result<(), String> + Sync,
) {
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

/// Timing figures differ from run to run; `took 0.51 seconds` compares as `took <t> seconds`.
pub fn normalize_timings(text: &str) -> String {
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
pub fn normalize_addresses(text: &str) -> String {
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
