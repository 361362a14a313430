//! `pyvm bench` and `pyvm run --stats`: the structure of the table, the JSON schema, the CSV and
//! the chart, and how failing tiers, failing programs and missing compare commands are reported.
//! Nothing here depends on timings: only on their presence and on the deterministic counters.

mod support;

use serde_json::Value;
use std::path::PathBuf;
use support::*;

/// A tiny run of the Julia set: enough iterations for the JIT to compile its loops.
const JULIA: [&str; 3] = ["programs/julia.py", "20", "10"];
const ONCE: [&str; 4] = ["--runs", "1", "--warmup", "0"];

fn bench(args: &[&str]) -> Outcome {
    let mut all = vec!["bench"];
    all.extend_from_slice(args);
    run(pyvm(), &all, &root())
}

/// `pyvm bench ARGS` on the tiny Julia set, options after the program's arguments.
fn bench_julia(extra: &[&str]) -> Outcome {
    let mut args: Vec<&str> = JULIA.to_vec();
    args.extend_from_slice(&ONCE);
    args.extend_from_slice(extra);
    bench(&args)
}

fn json(out: &Outcome) -> Value {
    serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", out.stdout, out.stderr))
}

/// A temporary file holding `source`.
fn temp_program(name: &str, source: &str) -> PathBuf {
    let path = std::env::temp_dir().join(format!("pyvm-bench-{}-{name}", std::process::id()));
    std::fs::write(&path, source).expect("the temporary directory is writable");
    path
}

fn tier<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["tiers"]
        .as_array()
        .and_then(|ts| ts.iter().find(|t| t["name"] == name))
        .unwrap_or_else(|| panic!("no tier {name} in {report:#}"))
}

fn positive(v: &Value) -> bool {
    v.as_f64().is_some_and(|x| x > 0.0)
}

/// The keys and types every tier has, whatever its status.
fn check_tier_schema(t: &Value) {
    let name = &t["name"];
    assert!(name.is_string(), "{t:#}");
    assert!(
        matches!(t["kind"].as_str(), Some("pyvm" | "compare")),
        "{t:#}"
    );
    assert!(t["command"]
        .as_array()
        .is_some_and(|c| c.iter().all(Value::is_string)));
    let status = t["status"].as_str().unwrap_or_default();
    assert!(matches!(status, "ok" | "failed" | "not installed"), "{t:#}");
    assert_eq!(t["error"].is_string(), status == "failed", "{t:#}");
    for key in ["wall", "kernel"] {
        let s = &t[key];
        assert!(s.is_null() || s.is_object(), "{name} {key}: {s}");
        if s.is_object() {
            for k in ["median", "min", "max"] {
                assert!(positive(&s[k]), "{name} {key}.{k}: {s}");
            }
            assert!(s["runs"].as_array().is_some_and(|r| r.iter().all(positive)));
            assert!(s["min"].as_f64() <= s["median"].as_f64());
            assert!(s["median"].as_f64() <= s["max"].as_f64());
        }
    }
    assert_eq!(t["wall"].is_object(), status == "ok", "{t:#}");
    for key in [
        "bytecodes",
        "boxes",
        "traces",
        "side_traces",
        "aborts",
        "exits",
    ] {
        assert!(t[key].is_null() || t[key].is_u64(), "{name} {key}: {t:#}");
    }
    assert!(t["compile_ms"].is_null() || t["compile_ms"].is_f64());
    assert!(t["speedup"].is_null() || positive(&t["speedup"]));
    assert!(t["output_matches"].is_null() || t["output_matches"].is_boolean());
    if status == "ok" && t["kind"] == "pyvm" {
        assert!(t["bytecodes"].as_u64().is_some_and(|n| n > 0), "{t:#}");
        assert!(t["boxes"].as_u64().is_some_and(|n| n > 0), "{t:#}");
        assert_eq!(t["output_matches"], true, "{t:#}");
        assert!(positive(&t["speedup"]), "{t:#}");
    }
}

#[test]
fn table_has_a_row_per_tier_and_the_split() {
    let out = bench_julia(&["--tiers", "interp,jit", "--compare", "no-such-python-xyz"]);
    assert_eq!(out.status, 0, "{}\n{}", out.stdout, out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("pyvm bench programs/julia.py 20 10: 1 timed run, 0 warm-up rounds")
    );
    let header: Vec<&str> = lines[1]
        .split("  ")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(
        header,
        [
            "tier",
            "wall median",
            "wall spread",
            "kernel median",
            "kernel spread",
            "speedup",
            "bytecodes",
            "boxes",
            "traces",
            "exits"
        ],
        "{}",
        out.stdout
    );
    let row = |name: &str| {
        lines
            .iter()
            .find(|l| l.split_whitespace().next() == Some(name))
            .unwrap_or_else(|| panic!("no row {name}:\n{}", out.stdout))
            .split_whitespace()
            .collect::<Vec<_>>()
    };
    // tier, then median/spread pairs of "N s" and "±N s", speedup, four counters.
    let interp = row("interp");
    assert_eq!(interp.len(), 14, "{interp:?}");
    assert_eq!(interp[9], "1.00×");
    assert_eq!(
        &interp[12..],
        ["-", "-"],
        "the interpreter compiles no traces"
    );
    let jit = row("jit");
    assert_eq!(jit.len(), 14, "{jit:?}");
    assert!(jit[12].parse::<u64>().is_ok_and(|n| n > 0), "{jit:?}");
    // Rows line up under the header.
    let at = lines[1].find("bytecodes").unwrap_or(0) + "bytecodes".len();
    for l in &lines[2..4] {
        assert_eq!(
            l.chars().nth(at - 1).map(|c| c.is_ascii_digit()),
            Some(true),
            "{l}"
        );
    }
    assert!(
        out.stdout.contains("no-such-python-xyz  not installed"),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("interpreter's kernel time: "));
    assert!(out.stdout.contains("dispatch (interp − boxed):"));
    assert!(out
        .stdout
        .lines()
        .any(|l| l.starts_with("boxing + type checks (boxed − jit):") && l.contains("n/a")));
}

#[test]
fn json_schema() {
    let out = bench_julia(&["--format", "json", "--compare", "no-such-python-xyz"]);
    let report = json(&out);
    assert_eq!(report["schema"], 1);
    assert_eq!(report["program"], "programs/julia.py");
    assert_eq!(report["args"], serde_json::json!(["20", "10"]));
    assert_eq!(report["runs"], 1);
    assert_eq!(report["warmup"], 0);
    assert_eq!(
        report["basis"], "kernel",
        "julia.py prints its kernel's time"
    );
    let tiers = report["tiers"].as_array().cloned().unwrap_or_default();
    let names: Vec<&str> = tiers.iter().filter_map(|t| t["name"].as_str()).collect();
    assert_eq!(names, ["interp", "boxed", "jit", "no-such-python-xyz"]);
    for t in &tiers {
        check_tier_schema(t);
    }
    let interp = tier(&report, "interp");
    let jit = tier(&report, "jit");
    assert_eq!(interp["status"], "ok");
    assert_eq!(jit["status"], "ok");
    assert!(interp["traces"].is_null() && interp["exits"].is_null());
    let bytecodes = |t: &Value| t["bytecodes"].as_u64().unwrap_or(0);
    assert!(bytecodes(jit) < bytecodes(interp), "{report:#}");
    assert!(jit["traces"].as_u64().is_some_and(|n| n > 0));
    assert!(jit["exits"].as_u64().is_some_and(|n| n > 0));
    assert!(positive(&interp["kernel"]["median"]));
    let boxed = tier(&report, "boxed");
    assert_eq!(boxed["status"], "ok", "{boxed:#}");
    assert_eq!(out.status, 0, "{}", out.stderr);
    assert!(bytecodes(boxed) < bytecodes(interp), "{report:#}");
    assert!(report["split"]["dispatch"]["share"].is_f64());
    assert!(report["split"]["boxing"]["seconds"].is_f64());
    assert!(positive(&report["split"]["interp"]));
    assert!(report["split"]["overhead"]["seconds"].is_f64());
    assert_eq!(
        tier(&report, "no-such-python-xyz")["status"],
        "not installed"
    );
}

#[test]
fn csv_and_plot() {
    let svg = std::env::temp_dir().join(format!("pyvm-bench-{}.svg", std::process::id()));
    let out = bench_julia(&[
        "--tiers=interp,jit",
        "--format=csv",
        "--plot",
        &svg.to_string_lossy(),
    ]);
    assert_eq!(out.status, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "name,kind,status,wall_median,wall_min,wall_max,kernel_median,kernel_min,kernel_max,\
         speedup,bytecodes,boxes,traces,side_traces,aborts,exits,compile_ms,error"
    );
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    for (line, name) in lines[1..].iter().zip(["interp", "jit"]) {
        let fields: Vec<&str> = line.split(',').collect();
        assert_eq!(fields.len(), 18, "{line}");
        assert_eq!(&fields[..3], [name, "pyvm", "ok"]);
        assert!(fields[3].parse::<f64>().is_ok_and(|x| x > 0.0), "{line}");
        assert!(fields[10].parse::<u64>().is_ok_and(|x| x > 0), "{line}");
    }
    let chart = std::fs::read_to_string(&svg).unwrap_or_default();
    let _ = std::fs::remove_file(&svg);
    assert!(chart.trim_start().starts_with("<svg"), "{chart}");
    assert!(chart.trim_end().ends_with("</svg>"));
    // plotters writes each label on a line of its own inside its <text> element.
    assert!(
        chart.contains("\ninterp\n") && chart.contains("\njit\n"),
        "{chart}"
    );
}

#[test]
fn a_failing_program_is_reported() {
    let p = temp_program("fails.py", "print('start')\nraise ValueError('boom')\n");
    let file = p.to_string_lossy().into_owned();
    let out = bench(&[&file, "--runs=1", "--warmup=0", "--tiers=interp,jit"]);
    let _ = std::fs::remove_file(&p);
    assert_eq!(out.status, 1, "{}", out.stdout);
    for name in ["interp", "jit"] {
        assert!(
            out.stdout
                .lines()
                .any(|l| l.starts_with(name) && l.ends_with("failed: ValueError: boom")),
            "{}",
            out.stdout
        );
    }
    assert!(out.stdout.contains("n/a"));

    let missing = bench(&["no/such/program.py"]);
    assert_eq!(missing.status, 2);
    assert!(
        missing.stderr.contains("can't open file"),
        "{}",
        missing.stderr
    );
}

#[test]
fn a_run_past_the_timeout_is_stopped() {
    let p = temp_program("endless.py", "print('start')\nwhile True:\n    pass\n");
    let file = p.to_string_lossy().into_owned();
    let out = bench(&[
        &file,
        "--runs=1",
        "--warmup=0",
        "--tiers=interp",
        "--timeout=1",
    ]);
    let _ = std::fs::remove_file(&p);
    assert_eq!(out.status, 1, "{}\n{}", out.stdout, out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l.starts_with("interp")
                && l.ends_with("failed: timed out after 1 s (--timeout)")),
        "{}",
        out.stdout
    );
}

#[test]
fn run_stats_counts_bytecodes_and_traces() {
    let p = temp_program(
        "loop.py",
        "t = 0\nfor i in range(1000):\n    t += i\nprint(t)\n",
    );
    let file = p.to_string_lossy().into_owned();
    let stats = |args: &[&str]| {
        let mut all = vec!["run"];
        all.extend_from_slice(args);
        all.push(&file);
        let out = run(pyvm(), &all, &root());
        assert_eq!(out.stdout, "499500\n");
        let last = out.stderr.lines().last().unwrap_or_default().to_string();
        serde_json::from_str::<Value>(&last).unwrap_or_else(|e| panic!("{e}: {}", out.stderr))
    };
    let plain = stats(&["--stats"]);
    let counted = stats(&["--count", "--stats"]);
    let jit = stats(&["--jit", "--count", "--stats=-"]);
    let _ = std::fs::remove_file(&p);
    assert!(plain["dispatched"].is_null(), "not counted: {plain}");
    assert!(plain["jit"].is_null());
    assert!(plain["boxes"].is_u64());
    assert_eq!(plain["status"], 0);
    let interp = counted["dispatched"].as_u64().unwrap_or(0);
    assert!(
        interp > 4000,
        "four instructions per iteration at least: {counted}"
    );
    // The loop is compiled while the counter runs; its iterations dispatch nothing.
    let compiled = jit["dispatched"].as_u64().unwrap_or(u64::MAX);
    assert!(compiled < interp / 2, "{jit} vs {counted}");
    assert!(
        jit["jit"]["traces"].as_u64().is_some_and(|n| n > 0),
        "{jit}"
    );
}

/// The boxed tier keeps every value boxed: on the Julia set (complex numbers, which the
/// interpreter allocates) its compiled code allocates about as the interpreter does, while the
/// full tier's compiled code keeps them unboxed and allocates only the values that escape into
/// lists (the grid's coordinates).
#[test]
fn boxed_tier_boxes_intermediates_and_full_tier_only_escaping_values() {
    let compiled_boxes = |tier: &str| {
        let mut args = vec!["run", tier, "--stats=-"];
        args.extend_from_slice(&["programs/julia.py", "40", "30"]);
        let out = run(pyvm(), &args, &root());
        assert_eq!(out.status, 0, "{}", out.stderr);
        assert!(out.stdout.contains("Sum of output: 8860"), "{}", out.stdout);
        let last = out.stderr.lines().last().unwrap_or_default().to_string();
        let stats: Value = serde_json::from_str(&last).unwrap_or_else(|e| panic!("{e}: {last}"));
        stats["jit"]["compiled_boxes"]
            .as_u64()
            .unwrap_or_else(|| panic!("no compiled_boxes: {stats}"))
    };
    let boxed = compiled_boxes("--jit=boxed");
    let full = compiled_boxes("--jit");
    // What escapes: the 1,600 points' `zs` and `cs` entries (complex) and the 40 + 40 floats
    // of `x` and `y` (fewer: those appended before their loop was compiled are not counted).
    let escaping = 2 * 1_600 + 2 * 40;
    assert!(
        full <= escaping,
        "the full tier allocated {full} boxes in compiled code, more than the {escaping} values \
         that escape into lists"
    );
    // The boxed tier also boxes the kernel's intermediates: 1,600 points, each at least one
    // iteration of `z = z * z + c` with two complex results.
    assert!(
        boxed >= full + 3_200,
        "the boxed tier allocated {boxed} boxes in compiled code, the full tier {full}"
    );
}
