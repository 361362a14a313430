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

mod support;

use std::fs;
use std::path::Path;
use support::*;

/// The header written at the top of golden `.stderr` and `.dis` files; stripped before comparing.
const HEADER: &str =
    "# Expected output of CPython 3.11. Regenerate with: PYVM_BLESS=1 cargo test --test cases\n";
const DIVERGENCE_MARKER: &str = "# pyvm: known divergence:";
/// Replaces the absolute directory of the program with `$DIR` so fixtures do not depend on where the
/// repository is checked out.
fn normalize_paths(text: &str, dir: &Path) -> String {
    let dir = dir.to_string_lossy();
    text.replace(dir.as_ref(), "$DIR")
}

fn strip_header(text: &str) -> &str {
    text.strip_prefix(HEADER).unwrap_or(text)
}

fn known_divergence(source: &str) -> bool {
    source.starts_with(DIVERGENCE_MARKER)
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
            // Object addresses (`Exception ignored in: <generator object g at 0x...>`) differ.
            stderr: normalize_addresses(strip_header(&read_or_empty(&with_ext(program, "stderr")))),
            status: read_or_empty(&with_ext(program, "status"))
                .trim()
                .parse()
                .unwrap_or(0),
        };
        let out = run(pyvm(), &["run", &file], dir);
        let actual = Outcome {
            stdout: normalize_paths(&out.stdout, dir),
            stderr: normalize_addresses(&normalize_paths(&out.stderr, dir)),
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
