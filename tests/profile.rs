//! `pyvm profile`: the per-line and per-function reports checked against CPython's own profilers.
//!
//! Each `tests/profile/<name>.py` decorates functions with `@profile` (defining a no-op stand-in
//! when `profile` is not a builtin, so it runs under plain CPython too). Its fixtures, all but the
//! last two from CPython 3.11:
//! - `<name>.stdout`: what `python3 <name>.py` prints; `pyvm run` and both profilers must print
//!   exactly that before their report.
//! - `<name>.kernprof`: `kernprof -l -v <name>.py`'s tables with timings masked. pyvm's table
//!   without its Allocs column must equal it: same layout, same Hits on every line.
//! - `<name>.cprofile`: `python3 -m cProfile` rows as `ncalls label`, sorted by label (the
//!   profiler's own `exec` and `disable` rows and the `profile` stand-in left out).
//! - `<name>.profile` and `<name>.functions`: pyvm's per-line (with Allocs) and per-function
//!   reports with timings masked, the golden layouts.
//!
//! `PYVM_BLESS=1 cargo test --test profile` regenerates them (kernprof must be installed:
//! `pip install line_profiler`).

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use support::*;

fn dir() -> PathBuf {
    root().join("tests/profile")
}

/// The test programs' names, sorted.
fn programs() -> Vec<String> {
    let names: Vec<String> = files_with_suffix(&dir(), ".py")
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    assert!(!names.is_empty(), "no programs under tests/profile");
    names
}

/// Where each column of a line table starts, in line_profiler's layout: Line # (6), Hits (9),
/// Time (12), Per Hit (8), % Time (8), then pyvm's Allocs (9); one space between columns.
const TIME_COLUMNS: std::ops::Range<usize> = 17..47;
const ALLOCS_COLUMN: std::ops::Range<usize> = 47..57;

/// Replaces every timing in a per-line report with `*`s: the "Total time" figures, the Time,
/// Per Hit and % Time columns, and the seconds of `--summarize` lines.
fn mask_line_report(text: &str) -> String {
    let mut out = String::new();
    let mut in_table = false;
    for line in text.lines() {
        let masked = if let Some(rest) = line.strip_prefix("Total time: ") {
            let unit = rest.rsplit_once(' ').map_or("", |(_, u)| u);
            format!("Total time: * {unit}")
        } else if line.contains(" seconds - ") {
            let (_, rest) = line.split_once(" seconds - ").unwrap_or_default();
            format!("     * seconds - {rest}")
        } else if in_table && line.len() > TIME_COLUMNS.end && !line[7..16].trim().is_empty() {
            let mut l = line.to_string();
            l.replace_range(TIME_COLUMNS, &"*".repeat(TIME_COLUMNS.len()));
            l
        } else {
            line.to_string()
        };
        if line.starts_with("=====") {
            in_table = true;
        } else if line.is_empty() {
            in_table = false;
        }
        out.push_str(&masked);
        out.push('\n');
    }
    out
}

/// A masked pyvm table in kernprof's layout: the Allocs column removed.
fn without_allocs(masked: &str) -> String {
    let mut out = String::new();
    let mut in_table = false;
    for line in masked.lines() {
        let l = if line.starts_with("=====") {
            in_table = true;
            "=".repeat(line.len() - ALLOCS_COLUMN.len())
        } else if (in_table || line.starts_with("Line #")) && line.len() >= ALLOCS_COLUMN.end {
            let mut l = line.to_string();
            l.replace_range(ALLOCS_COLUMN, "");
            l.trim_end().to_string()
        } else {
            if line.is_empty() {
                in_table = false;
            }
            line.to_string()
        };
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// kernprof's output after the program's: from "Timer unit:" on, rows right-trimmed.
fn kernprof_tables(stdout: &str) -> String {
    let start = stdout.find("Timer unit:").unwrap_or(stdout.len());
    let mut out = String::new();
    for line in stdout[start..].lines() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One row of a pstats table: (ncalls, label).
fn pstats_row(line: &str) -> Option<(String, String)> {
    let fields: Vec<&str> = line.split_whitespace().collect();
    if fields.len() < 6
        || !fields[0].chars().next()?.is_ascii_digit()
        || fields[1..5].iter().any(|f| f.parse::<f64>().is_err())
    {
        return None;
    }
    // The label is what follows the fifth number.
    let mut rest = line.trim_start();
    for _ in 0..5 {
        rest = rest.split_once(char::is_whitespace)?.1.trim_start();
    }
    Some((fields[0].to_string(), rest.to_string()))
}

/// The rows of a pstats table as `ncalls label` lines sorted by label, leaving out what only
/// exists under one of the two profilers (cProfile's own `exec` and `disable`, and `profile`,
/// a Python stand-in under CPython and a builtin under pyvm).
fn call_rows(report: &str) -> String {
    let mut rows: Vec<(String, String)> = report
        .lines()
        .filter_map(pstats_row)
        .filter(|(_, label)| {
            !label.contains("builtins.exec}")
                && !label.contains("'disable' of '_lsprof.Profiler'")
                && !label.ends_with("(profile)")
                && label != "{built-in method builtins.profile}"
        })
        .collect();
    rows.sort_by(|a, b| a.1.cmp(&b.1));
    rows.iter().map(|(n, l)| format!("{n} {l}\n")).collect()
}

/// Masks the timings of a pstats report: the total seconds and the four time columns.
fn mask_call_report(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let l = if let Some((head, _)) = line
            .split_once(" in ")
            .filter(|_| line.ends_with(" seconds"))
        {
            format!("{head} in * seconds")
        } else if pstats_row(line).is_some() {
            let mut l = line.to_string();
            l.replace_range(10..46, &"*".repeat(36));
            l
        } else {
            line.to_string()
        };
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// The report part of a profiled run's stdout, checking that the program's own output before
/// it is exactly CPython's.
fn report_after<'a>(name: &str, what: &str, stdout: &'a str, expected: &str) -> &'a str {
    assert!(
        stdout.starts_with(expected),
        "{name}: the program printed differently under {what}:\n{}",
        diff(
            "stdout",
            expected,
            &stdout[..expected.len().min(stdout.len())]
        )
    );
    &stdout[expected.len()..]
}

fn check_or_bless(path: &Path, actual: &str) {
    if blessing() {
        fs::write(path, actual).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
        return;
    }
    let expected = read_or_empty(path);
    assert!(
        expected == actual,
        "{} does not match:\n{}",
        path.display(),
        diff("report", &expected, actual)
    );
}

fn bless_from_cpython(name: &str) {
    let py = cpython();
    let d = dir();
    let file = format!("{name}.py");
    let plain = run(&py, &[&file], &d);
    assert_eq!(
        plain.status, 0,
        "{name} fails under CPython: {}",
        plain.stderr
    );
    fs::write(d.join(format!("{name}.stdout")), &plain.stdout).expect("write .stdout");
    let lprof = std::env::temp_dir().join(format!("pyvm-bless-{name}.lprof"));
    let lprof = lprof.to_string_lossy().into_owned();
    let kern = run(
        &py,
        &["-m", "kernprof", "-l", "-v", "-o", &lprof, &file],
        &d,
    );
    let _ = fs::remove_file(&lprof);
    assert_eq!(kern.status, 0, "kernprof failed on {name}: {}", kern.stderr);
    let tables = mask_line_report(&kernprof_tables(&kern.stdout));
    fs::write(d.join(format!("{name}.kernprof")), tables).expect("write .kernprof");
    let cprof = run(&py, &["-m", "cProfile", "-s", "name", &file], &d);
    assert_eq!(
        cprof.status, 0,
        "cProfile failed on {name}: {}",
        cprof.stderr
    );
    fs::write(d.join(format!("{name}.cprofile")), call_rows(&cprof.stdout)).expect("write");
}

/// When blessing, regenerates the CPython fixtures once, before any test reads them.
fn cpython_fixtures() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    if blessing() {
        ONCE.call_once(|| programs().iter().for_each(|n| bless_from_cpython(n)));
    }
}

#[test]
fn line_reports_match_kernprof() {
    cpython_fixtures();
    for name in programs() {
        let d = dir();
        let file = format!("{name}.py");
        let expected_stdout = read_or_empty(&d.join(format!("{name}.stdout")));
        // `profile` is a builtin no-op under `pyvm run`.
        let plain = run(pyvm(), &["run", &file], &d);
        assert_eq!(plain.stdout, expected_stdout, "{name} under pyvm run");
        assert_eq!(plain.status, 0, "{name} under pyvm run: {}", plain.stderr);

        let prof = run(pyvm(), &["profile", "-u", "1e-6", &file], &d);
        assert_eq!(prof.status, 0, "{name}: {}", prof.stderr);
        let report = report_after(&name, "pyvm profile", &prof.stdout, &expected_stdout);
        let masked = mask_line_report(report);
        let kernprof = read_or_empty(&d.join(format!("{name}.kernprof")));
        let ours = without_allocs(&masked);
        assert!(
            ours == kernprof,
            "{name}: per-line table differs from kernprof's:\n{}",
            diff("table", &kernprof, &ours)
        );
        check_or_bless(&d.join(format!("{name}.profile")), &masked);
    }
}

#[test]
fn function_reports_match_cprofile() {
    cpython_fixtures();
    for name in programs() {
        let d = dir();
        let file = format!("{name}.py");
        let expected_stdout = read_or_empty(&d.join(format!("{name}.stdout")));
        let prof = run(pyvm(), &["profile", "--functions", "-s", "name", &file], &d);
        assert_eq!(prof.status, 0, "{name}: {}", prof.stderr);
        let report = report_after(
            &name,
            "pyvm profile --functions",
            &prof.stdout,
            &expected_stdout,
        );
        let expected = read_or_empty(&d.join(format!("{name}.cprofile")));
        let rows = call_rows(report);
        assert!(
            rows == expected,
            "{name}: calls differ from cProfile's:\n{}",
            diff("rows", &expected, &rows)
        );
        check_or_bless(
            &d.join(format!("{name}.functions")),
            &mask_call_report(report),
        );
    }
}

/// Runs `pyvm profile ARGS` on a test program and returns the report after its output.
fn profile_report(name: &str, args: &[&str]) -> String {
    cpython_fixtures();
    let d = dir();
    let file = format!("{name}.py");
    let mut all: Vec<&str> = vec!["profile"];
    all.extend_from_slice(args);
    all.push(&file);
    let out = run(pyvm(), &all, &d);
    assert_eq!(
        out.status, 0,
        "pyvm profile {args:?} {file}: {}",
        out.stderr
    );
    let expected_stdout = read_or_empty(&d.join(format!("{name}.stdout")));
    report_after(name, "pyvm profile", &out.stdout, &expected_stdout).to_string()
}

/// The "Function:" lines of a per-line report.
fn functions_in(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|l| l.strip_prefix("Function: "))
        .map(str::to_string)
        .collect()
}

#[test]
fn options_choose_and_shape_the_line_report() {
    let decorated = functions_in(&profile_report("calls", &[]));
    assert!(
        decorated.contains(&"never_called at line 56".to_string()),
        "{decorated:?}"
    );
    assert!(!decorated.iter().any(|f| f.starts_with("unprofiled")));

    // -z leaves out what never ran.
    let skipped = functions_in(&profile_report("calls", &["-z"]));
    assert_eq!(skipped.len(), decorated.len() - 1);
    assert!(!skipped.iter().any(|f| f.starts_with("never_called")));

    // --all adds the undecorated functions (not lambdas or comprehensions).
    let all = functions_in(&profile_report("calls", &["--all"]));
    for f in &decorated {
        assert!(all.contains(f), "--all lost {f}");
    }
    assert!(
        all.contains(&"unprofiled at line 61".to_string()),
        "{all:?}"
    );
    assert!(
        all.contains(&"Counter.__init__ at line 36".to_string()),
        "{all:?}"
    );
    assert!(!all
        .iter()
        .any(|f| f.contains("<lambda>") || f.contains("<genexpr>")));

    // --function narrows to one name, decorated or not.
    let one = functions_in(&profile_report("calls", &["--function", "helper"]));
    assert_eq!(one, ["helper at line 17"]);
    let method = functions_in(&profile_report("calls", &["--function", "Counter.bump"]));
    assert_eq!(method, ["Counter.bump at line 39"]);

    // --summarize adds one line per function, in table order.
    let report = profile_report("calls", &["-z", "--summarize"]);
    let summary: Vec<&str> = report
        .lines()
        .filter(|l| l.contains(" seconds - "))
        .collect();
    assert_eq!(summary.len(), skipped.len());
    for (line, f) in summary.iter().zip(&skipped) {
        let (secs, rest) = line.split_once(" seconds - ").expect("summary line");
        assert!(secs.trim().parse::<f64>().is_ok(), "{line}");
        let (qualname, at) = f.split_once(" at line ").expect("Function: line");
        assert_eq!(rest, format!("calls.py:{at} - {qualname}"));
    }

    // -u sets the unit; without it the unit is microseconds or nanoseconds.
    let ms = profile_report("loops", &["-u", "0.001"]);
    assert!(ms.starts_with("Timer unit: 0.001 s\n\n"), "{ms}");
    let auto = profile_report("loops", &[]);
    assert!(
        auto.starts_with("Timer unit: 1e-06 s\n\n") || auto.starts_with("Timer unit: 1e-09 s\n\n"),
        "{auto}"
    );
}

/// The per-line table's (line, hits) pairs per function, from the text report.
fn text_hits(report: &str) -> Vec<(String, Vec<(u64, u64)>)> {
    let mut out: Vec<(String, Vec<(u64, u64)>)> = Vec::new();
    let mut in_table = false;
    for line in report.lines() {
        if let Some(f) = line.strip_prefix("Function: ") {
            out.push((f.to_string(), Vec::new()));
        } else if line.starts_with("=====") {
            in_table = true;
        } else if line.is_empty() {
            in_table = false;
        } else if in_table {
            let fields: Vec<&str> = line[..16].split_whitespace().collect();
            if let [n, hits] = fields[..] {
                let row = (n.parse().expect("line"), hits.parse().expect("hits"));
                out.last_mut().expect("a function").1.push(row);
            }
        }
    }
    out
}

#[test]
fn json_reports_follow_their_schema() {
    for name in programs() {
        let text = profile_report(&name, &["-u", "1e-6"]);
        let json: serde_json::Value =
            serde_json::from_str(&profile_report(&name, &["--format", "json"])).expect("JSON");
        assert_eq!(json["profiler"], "line");
        let functions = json["functions"].as_array().expect("functions");
        let table = text_hits(&text);
        assert_eq!(functions.len(), table.len(), "{name}");
        for (f, (header, rows)) in functions.iter().zip(&table) {
            for key in ["file", "function", "qualname"] {
                assert!(f[key].is_string(), "{name}: {key}");
            }
            let (first, last) = (
                f["first_line"].as_u64().unwrap(),
                f["last_line"].as_u64().unwrap(),
            );
            assert_eq!(
                *header,
                format!("{} at line {first}", f["qualname"].as_str().unwrap())
            );
            let lines = f["lines"].as_array().expect("lines");
            let numbers: Vec<u64> = lines.iter().map(|l| l["line"].as_u64().unwrap()).collect();
            assert_eq!(
                numbers,
                (first..=last).collect::<Vec<_>>(),
                "{name}: every line of the block"
            );
            let mut time = 0;
            let mut hits = 0;
            let mut ran = Vec::new();
            for l in lines {
                assert!(
                    l["source"].is_string() && l["allocs"].is_u64(),
                    "{name}: {l}"
                );
                time += l["time_ns"].as_u64().expect("time_ns");
                let h = l["hits"].as_u64().expect("hits");
                hits += h;
                if h > 0 {
                    ran.push((l["line"].as_u64().unwrap(), h));
                }
            }
            assert_eq!(f["total_time_ns"].as_u64(), Some(time), "{name}");
            assert_eq!(f["total_hits"].as_u64(), Some(hits), "{name}");
            assert_eq!(&ran, rows, "{name}: JSON hits differ from the text table");
        }

        let calls: serde_json::Value =
            serde_json::from_str(&profile_report(&name, &["--functions", "--format", "json"]))
                .expect("JSON");
        assert_eq!(calls["profiler"], "function");
        assert_eq!(calls["sort"], "cumulative time");
        let rows = calls["functions"].as_array().expect("functions");
        let mut total = 0;
        let mut last_cum = u64::MAX;
        for r in rows {
            let cum = r["cumtime_ns"].as_u64().expect("cumtime_ns");
            assert!(cum <= last_cum, "{name}: rows sorted by cumulative time");
            last_cum = cum;
            assert!(r["tottime_ns"].is_u64() && r["primitive_calls"].is_u64());
            total += r["ncalls"].as_u64().expect("ncalls");
            match r["kind"].as_str() {
                Some("python") => assert!(r["file"].is_string() && r["line"].is_u64()),
                Some("builtin") => assert!(r["label"].as_str().unwrap().starts_with('{')),
                other => panic!("{name}: kind {other:?}"),
            }
        }
        assert_eq!(calls["total_calls"].as_u64(), Some(total), "{name}");
    }
}

#[test]
fn html_page_is_self_contained_and_shaded() {
    let out_path = std::env::temp_dir().join(format!("pyvm-profile-{}.html", std::process::id()));
    let out = out_path.to_string_lossy().into_owned();
    let _ = profile_report("loops", &["--html", &out]);
    let page = fs::read_to_string(&out_path).expect("the page was written");
    let _ = fs::remove_file(&out_path);
    assert!(page.starts_with("<!DOCTYPE html>"));
    for external in ["<script", "<link", "src=", "http://", "https://"] {
        assert!(
            !page.contains(external),
            "page refers to something outside: {external}"
        );
    }
    let source = fs::read_to_string(dir().join("loops.py")).expect("source");
    for line in source.lines().skip(10).take(12) {
        let escaped = line
            .replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;");
        assert!(
            page.contains(&escaped),
            "line missing from the page: {line}"
        );
    }
    let shaded = page.matches("background:rgba(").count();
    let hit_rows = text_hits(&profile_report("loops", &[]))
        .iter()
        .map(|(_, rows)| rows.len())
        .sum::<usize>();
    assert_eq!(shaded, hit_rows, "every line that ran is shaded");
}

#[test]
fn profile_builtin_is_a_no_op_and_errors_keep_their_traceback() {
    let d = std::env::temp_dir().join(format!("pyvm-profile-test-{}", std::process::id()));
    fs::create_dir_all(&d).expect("temp dir");
    fs::write(
        d.join("noop.py"),
        "def f():\n    return 1\nprint(profile(f) is f, f())\n",
    )
    .expect("write");
    let plain = run(pyvm(), &["run", "noop.py"], &d);
    assert_eq!((plain.stdout.as_str(), plain.status), ("True 1\n", 0));

    fs::write(
        d.join("boom.py"),
        "@profile\ndef boom(n):\n    x = n + 1\n    raise ValueError(x)\n\nprint('start')\nboom(1)\n",
    )
    .expect("write");
    let prof = run(pyvm(), &["profile", "-u", "1e-6", "boom.py"], &d);
    // A program that never starts gets its error and no report.
    fs::write(d.join("broken.py"), "x = (\n").expect("write");
    let broken = run(pyvm(), &["profile", "broken.py"], &d);
    let missing = run(pyvm(), &["profile", "missing.py"], &d);
    let _ = fs::remove_dir_all(&d);
    assert_eq!((broken.stdout.as_str(), broken.status), ("", 1));
    assert!(
        broken
            .stderr
            .ends_with("SyntaxError: '(' was never closed\n"),
        "{}",
        broken.stderr
    );
    assert_eq!((missing.stdout.as_str(), missing.status), ("", 2));
    assert_eq!(prof.status, 1);
    assert!(
        prof.stderr
            .starts_with("Traceback (most recent call last):\n"),
        "{}",
        prof.stderr
    );
    assert!(prof.stderr.ends_with("ValueError: 2\n"), "{}", prof.stderr);
    let report = prof
        .stdout
        .strip_prefix("start\n")
        .expect("program output first");
    assert_eq!(
        text_hits(report),
        [("boom at line 1".to_string(), vec![(3, 1), (4, 1)])]
    );
}
