//! Profile reports: the per-line table in line_profiler's layout (kernprof -l -v) with an Allocs
//! column, its one-line-per-function summary, the function table in cProfile's (pstats) layout,
//! and both as JSON for tools.

use super::calls::{CallProfiler, CallStat};
use super::lines::{FunctionLines, LineProfiler, LineStat};
use crate::builtins::format::general_format;
use serde_json::{json, Value as Json};
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

/// The source files of a run, by file name (the VM's `sources`).
pub type Sources = HashMap<String, Rc<str>>;

/// How the per-line table is printed.
#[derive(Clone, Debug, Default)]
pub struct LineOptions {
    /// Seconds per displayed time unit; None chooses one (see [`auto_unit`]).
    pub unit: Option<f64>,
    /// Leave out functions that never ran (`-z`).
    pub skip_zero: bool,
    /// Add one line per function after the tables (`--summarize`).
    pub summarize: bool,
}

/// Python's `'%g' % x` (six significant digits).
fn g(x: f64) -> String {
    general_format(x, 6, false, false)
}

/// The lines of a function's block, from its first line (decorators included) to its last.
pub fn block_lines(f: &FunctionLines, sources: &Sources) -> Vec<(u32, String)> {
    let code = &f.code;
    let text: Vec<&str> = sources
        .get(&*code.filename)
        .map_or_else(Vec::new, |t| t.split('\n').collect());
    let last = code.lastlineno.max(code.firstlineno);
    (code.firstlineno..=last)
        .map(|n| {
            let line = text.get(n as usize - 1).copied().unwrap_or("");
            (n, line.trim_end_matches('\r').to_string())
        })
        .collect()
}

/// The unit a table is shown in when none is asked for: microseconds (kernprof's default),
/// or nanoseconds when some line's time per hit would show as `0.0` microseconds.
pub fn auto_unit(profiler: &LineProfiler) -> f64 {
    let fastest = profiler
        .functions
        .iter()
        .flat_map(|f| f.timings())
        .filter(|(_, s)| s.time > 0)
        .map(|(_, s)| s.time as f64 / s.hits as f64)
        .fold(f64::INFINITY, f64::min);
    if fastest < 50.0 {
        1e-9
    } else {
        1e-6
    }
}

/// The per-line report for every profiled function (kernprof -l -v's text).
pub fn line_text(profiler: &LineProfiler, sources: &Sources, opts: &LineOptions) -> String {
    let unit = opts.unit.unwrap_or_else(|| auto_unit(profiler));
    let mut out = format!("Timer unit: {} s\n\n", g(unit));
    for f in ordered(profiler) {
        if opts.skip_zero && f.total_hits() == 0 {
            continue;
        }
        function_table(&mut out, f, sources, unit);
    }
    if opts.summarize {
        for f in ordered(profiler) {
            let total = f.total_time() as f64 * 1e-9;
            if opts.skip_zero && f.total_time() == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:6.2} seconds - {}:{} - {}",
                total, f.code.filename, f.code.firstlineno, f.code.qualname
            );
        }
    }
    out
}

/// Functions in the order of their files' first appearance, then of their first lines.
pub fn ordered(profiler: &LineProfiler) -> Vec<&FunctionLines> {
    let mut fs: Vec<&FunctionLines> = profiler.functions.iter().collect();
    let file_rank = |f: &FunctionLines| {
        profiler
            .selection
            .files
            .iter()
            .position(|x| **x == *f.code.filename)
            .unwrap_or(usize::MAX)
    };
    fs.sort_by_key(|f| (file_rank(f), f.code.firstlineno));
    fs
}

/// The display strings of one line's numbers: hits, time, per hit, % time, allocs.
fn line_cells(s: &LineStat, total: u64, scale: f64) -> [String; 5] {
    let percent = if total == 0 {
        String::new()
    } else {
        format!("{:5.1}", 100.0 * s.time as f64 / total as f64)
    };
    let time = s.time as f64 * scale;
    let mut time_s = format!("{time:5.1}");
    if time_s.len() > 12 {
        time_s = format!("{:>5}", general_format(time, 3, false, false));
    }
    let per_hit = time / s.hits as f64;
    let mut per_hit_s = format!("{per_hit:5.1}");
    if per_hit_s.len() > 8 {
        per_hit_s = format!("{:>5}", general_format(per_hit, 3, false, false));
    }
    [
        s.hits.to_string(),
        time_s,
        per_hit_s,
        percent,
        s.allocs.to_string(),
    ]
}

fn function_table(out: &mut String, f: &FunctionLines, sources: &Sources, unit: f64) {
    let total = f.total_time();
    let scale = 1e-9 / unit;
    let _ = writeln!(out, "Total time: {} s", g(total as f64 * 1e-9));
    let _ = writeln!(out, "File: {}", f.code.filename);
    let _ = writeln!(
        out,
        "Function: {} at line {}",
        f.code.qualname, f.code.firstlineno
    );
    let rows: Vec<(u32, String, Option<[String; 5]>)> = block_lines(f, sources)
        .into_iter()
        .map(|(n, text)| {
            let s = f.line(n);
            let cells = (s.hits > 0).then(|| line_cells(&s, total, scale));
            (n, text, cells)
        })
        .collect();
    // Columns widen to fit their widest entry, as line_profiler's do.
    let mut widths = [6usize, 9, 12, 8, 8, 9];
    for (_, _, cells) in &rows {
        if let Some(c) = cells {
            for (w, cell) in widths[1..].iter_mut().zip(c) {
                *w = (*w).max(cell.len());
            }
        }
    }
    let row = |cols: [&str; 6], text: &str| {
        let mut s = String::new();
        for (i, (c, w)) in cols.iter().zip(widths).enumerate() {
            if i > 0 {
                s.push(' ');
            }
            let _ = write!(s, "{c:>w$}");
        }
        format!("{s}  {text}")
    };
    let header = row(
        ["Line #", "Hits", "Time", "Per Hit", "% Time", "Allocs"],
        "Line Contents",
    );
    let _ = writeln!(out, "\n{header}\n{}", "=".repeat(header.len()));
    for (n, text, cells) in &rows {
        let n = n.to_string();
        let line = match cells {
            Some([h, t, p, pct, a]) => row([&n, h, t, p, pct, a], text),
            None => row([&n, "", "", "", "", ""], text),
        };
        let _ = writeln!(out, "{line}");
    }
    out.push('\n');
}

/// The per-line profile as JSON: every function with every line of its block.
pub fn line_json(profiler: &LineProfiler, sources: &Sources) -> Json {
    let functions: Vec<Json> = ordered(profiler)
        .into_iter()
        .map(|f| {
            let lines: Vec<Json> = block_lines(f, sources)
                .into_iter()
                .map(|(n, text)| {
                    let s = f.line(n);
                    json!({
                        "line": n,
                        "hits": s.hits,
                        "time_ns": s.time,
                        "allocs": s.allocs,
                        "source": text,
                    })
                })
                .collect();
            json!({
                "file": &*f.code.filename,
                "function": f.code.name,
                "qualname": f.code.qualname,
                "first_line": f.code.firstlineno,
                "last_line": f.code.lastlineno,
                "total_time_ns": f.total_time(),
                "total_hits": f.total_hits(),
                "lines": lines,
            })
        })
        .collect();
    json!({
        "profiler": "line",
        "functions": functions,
    })
}

/// Orders of the function table (`-s`), with the words pstats prints for them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SortKey {
    Cumulative,
    Tottime,
    Ncalls,
    Name,
    Stdname,
}

impl SortKey {
    fn title(self) -> &'static str {
        match self {
            SortKey::Cumulative => "cumulative time",
            SortKey::Tottime => "internal time",
            SortKey::Ncalls => "call count",
            SortKey::Name => "function name",
            SortKey::Stdname => "standard name",
        }
    }
}

/// The rows in `key` order; ties keep the order of first calls.
fn sorted(profiler: &CallProfiler, key: SortKey) -> Vec<&CallStat> {
    let mut rows: Vec<&CallStat> = profiler.stats.iter().filter(|s| s.ncalls > 0).collect();
    match key {
        SortKey::Cumulative => rows.sort_by_key(|s| std::cmp::Reverse(s.cumtime)),
        SortKey::Tottime => rows.sort_by_key(|s| std::cmp::Reverse(s.tottime)),
        SortKey::Ncalls => rows.sort_by_key(|s| std::cmp::Reverse(s.ncalls)),
        SortKey::Name => rows.sort_by_cached_key(|s| s.callee.name()),
        SortKey::Stdname => rows.sort_by_key(|s| s.callee.label()),
    }
    rows
}

/// pstats' `%8.3f` of a nanosecond count in seconds.
fn f8(ns: f64) -> String {
    format!("{:8.3}", ns * 1e-9)
}

/// The function profile in pstats' layout (`python -m cProfile -s KEY`).
pub fn call_text(profiler: &CallProfiler, key: SortKey) -> String {
    let total = profiler.total_calls();
    let primitive = profiler.primitive_calls();
    let mut out = format!("         {total} function calls ");
    if total != primitive {
        let _ = write!(out, "({primitive} primitive calls) ");
    }
    let _ = writeln!(
        out,
        "in {:.3} seconds\n",
        profiler.total_time() as f64 * 1e-9
    );
    let _ = writeln!(out, "   Ordered by: {}\n", key.title());
    out.push_str("   ncalls  tottime  percall  cumtime  percall filename:lineno(function)\n");
    for s in sorted(profiler, key) {
        let mut calls = s.ncalls.to_string();
        if s.ncalls != s.primitive {
            let _ = write!(calls, "/{}", s.primitive);
        }
        let per_call = |t: u64, n: u64| {
            if n == 0 {
                " ".repeat(8)
            } else {
                f8(t as f64 / n as f64)
            }
        };
        let _ = writeln!(
            out,
            "{calls:>9} {} {} {} {} {}",
            f8(s.tottime as f64),
            per_call(s.tottime, s.ncalls),
            f8(s.cumtime as f64),
            per_call(s.cumtime, s.primitive),
            s.callee.label()
        );
    }
    out.push_str("\n\n");
    out
}

/// The function profile as JSON, rows in `key` order.
pub fn call_json(profiler: &CallProfiler, key: SortKey) -> Json {
    use super::calls::Callee;
    let rows: Vec<Json> = sorted(profiler, key)
        .into_iter()
        .map(|s| {
            let (file, line, kind) = match &s.callee {
                Callee::Code { file, line, .. } => {
                    (Json::from(&**file), Json::from(*line), "python")
                }
                Callee::Builtin(_) => (Json::Null, Json::Null, "builtin"),
            };
            json!({
                "label": s.callee.label(),
                "kind": kind,
                "function": s.callee.name(),
                "file": file,
                "line": line,
                "ncalls": s.ncalls,
                "primitive_calls": s.primitive,
                "tottime_ns": s.tottime,
                "cumtime_ns": s.cumtime,
            })
        })
        .collect();
    json!({
        "profiler": "function",
        "total_calls": profiler.total_calls(),
        "primitive_calls": profiler.primitive_calls(),
        "total_time_ns": profiler.total_time(),
        "sort": key.title(),
        "functions": rows,
    })
}
