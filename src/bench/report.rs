//! The report of `pyvm bench`: statistics over the runs, the split of the interpreter's extra
//! time, and the table, JSON and CSV layouts; plus the progress indicator shown while it runs.
//!
//! JSON schema, version 1 (`"schema": 1`; a change of meaning bumps it):
//!
//! ```text
//! { "schema": 1, "program": str, "args": [str], "runs": int, "warmup": int,
//!   "basis": "kernel" | "wall",          -- the time speedups and the split are computed on
//!   "tiers": [ {                         -- the pyvm tiers, then the compare commands, in order
//!       "name": str, "kind": "pyvm" | "compare", "command": [str],
//!       "status": "ok" | "failed" | "not installed", "error": str | null,
//!       "wall": Stat | null, "kernel": Stat | null,   -- seconds; null when not measured
//!       "speedup": float | null,         -- interp's median / this median, on `basis`
//!       "output_matches": bool | null,   -- stdout (timings masked) equals interp's
//!       "bytecodes": int | null, "boxes": int | null,                 -- pyvm tiers
//!       "traces": int | null, "side_traces": int | null, "aborts": int | null,
//!       "exits": int | null, "compile_ms": float | null              -- JIT tiers
//!   } ],
//!   "split": { "interp": float | null,   -- interp's median on `basis`
//!              "dispatch": Part | null,  -- interp − boxed
//!              "boxing": Part | null,    -- boxed − jit (boxing and type checks)
//!              "overhead": Part | null } -- interp − jit
//! }
//! Stat = { "median": float, "min": float, "max": float, "runs": [float] }
//! Part = { "seconds": float, "share": float }   -- share: of interp's time
//! ```

use super::run::{Contender, Kind, Outcome, Plan, Tier};
use serde_json::{json, Value};

/// The statistics over a contender's runs.
#[derive(Clone, Copy, Debug)]
pub struct Stat {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

impl Stat {
    fn of(xs: &[f64]) -> Option<Stat> {
        let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Some(Stat {
            median,
            min: v[0],
            max: v[n - 1],
        })
    }
}

/// What the time of the speedups and of the split is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The program's own timing of its kernel (when every contender that ran printed one).
    Kernel,
    Wall,
}

/// One row of the report.
pub struct Row<'a> {
    pub c: &'a Contender,
    pub wall: Option<Stat>,
    pub kernel: Option<Stat>,
    pub speedup: Option<f64>,
    pub output_matches: Option<bool>,
}

impl Row<'_> {
    fn status(&self) -> &'static str {
        match self.c.outcome {
            Outcome::Ok => "ok",
            Outcome::Failed(_) => "failed",
            Outcome::NotInstalled => "not installed",
        }
    }

    fn error(&self) -> Option<&str> {
        match &self.c.outcome {
            Outcome::Failed(e) => Some(e),
            _ => None,
        }
    }
}

/// A difference between two tiers' times.
#[derive(Clone, Copy, Debug)]
pub struct Part {
    pub seconds: f64,
    pub share: f64,
}

/// The whole report.
pub struct Summary<'a> {
    pub plan: &'a Plan,
    pub rows: Vec<Row<'a>>,
    pub basis: Basis,
    interp: Option<f64>,
    dispatch: Option<Part>,
    boxing: Option<Part>,
    overhead: Option<Part>,
}

impl<'a> Summary<'a> {
    pub fn new(plan: &'a Plan, contenders: &'a [Contender]) -> Summary<'a> {
        let ran = || contenders.iter().filter(|c| c.outcome == Outcome::Ok);
        let basis = if ran().next().is_some() && ran().all(|c| c.kernel.len() == c.wall.len()) {
            Basis::Kernel
        } else {
            Basis::Wall
        };
        let median = |c: &Contender| match basis {
            Basis::Kernel => Stat::of(&c.kernel),
            Basis::Wall => Stat::of(&c.wall),
        };
        let tier_time = |t: Tier| {
            contenders
                .iter()
                .find(|c| c.kind == Kind::Tier(t) && c.outcome == Outcome::Ok)
                .and_then(median)
                .map(|s| s.median)
        };
        let interp = tier_time(Tier::Interp);
        let reference = contenders
            .iter()
            .find(|c| c.kind == Kind::Tier(Tier::Interp))
            .and_then(|c| c.output.as_ref());
        let rows = contenders
            .iter()
            .map(|c| {
                let ok = c.outcome == Outcome::Ok;
                Row {
                    c,
                    wall: Stat::of(&c.wall).filter(|_| ok),
                    kernel: Stat::of(&c.kernel).filter(|_| ok),
                    speedup: median(c)
                        .filter(|_| ok)
                        .zip(interp)
                        .filter(|(s, _)| s.median > 0.0)
                        .map(|(s, i)| i / s.median),
                    output_matches: reference
                        .zip(c.output.as_ref())
                        .filter(|_| ok)
                        .map(|(a, b)| a == b),
                }
            })
            .collect();
        let part = |a: Option<f64>, b: Option<f64>| {
            let (a, b, i) = (a?, b?, interp?);
            Some(Part {
                seconds: a - b,
                share: if i > 0.0 { (a - b) / i } else { 0.0 },
            })
        };
        let (boxed, jit) = (tier_time(Tier::Boxed), tier_time(Tier::Jit));
        Summary {
            plan,
            rows,
            basis,
            interp,
            dispatch: part(interp, boxed),
            boxing: part(boxed, jit),
            overhead: part(interp, jit),
        }
    }

    /// Things the reader must not miss: a pyvm tier whose output differs from the interpreter's
    /// is a JIT bug.
    pub fn warnings(&self) -> Vec<String> {
        self.rows
            .iter()
            .filter(|r| matches!(r.c.kind, Kind::Tier(_)) && r.output_matches == Some(false))
            .map(|r| {
                format!(
                    "OUTPUT DIFFERS: the {} tier printed something else than the interpreter (a JIT bug)",
                    r.c.name
                )
            })
            .collect()
    }

    /// 0 when every pyvm tier ran and printed the same; 1 otherwise.
    pub fn status(&self) -> u8 {
        let tiers_fine = self
            .rows
            .iter()
            .filter(|r| matches!(r.c.kind, Kind::Tier(_)))
            .all(|r| r.c.outcome == Outcome::Ok && r.output_matches != Some(false));
        u8::from(!tiers_fine)
    }

    fn basis_name(&self) -> &'static str {
        match self.basis {
            Basis::Kernel => "kernel",
            Basis::Wall => "wall",
        }
    }

    /// The aligned table and the split lines.
    pub fn table(&self) -> String {
        let header = [
            "tier",
            "wall median",
            "wall spread",
            "kernel median",
            "kernel spread",
            "speedup",
            "bytecodes",
            "boxes",
            "traces",
            "exits",
        ];
        let mut cells: Vec<Vec<String>> = vec![header.iter().map(|s| s.to_string()).collect()];
        let mut notes: Vec<Option<String>> = vec![None];
        for r in &self.rows {
            let counters = r.c.counters.as_ref();
            let jit = counters.and_then(|c| c.jit.as_ref());
            let dash = || "-".to_string();
            let mut row = vec![
                r.c.name.clone(),
                r.wall.map_or_else(dash, |s| secs(s.median)),
                r.wall.map_or_else(dash, spread),
                r.kernel.map_or_else(dash, |s| secs(s.median)),
                r.kernel.map_or_else(dash, spread),
                r.speedup.map_or_else(dash, |x| format!("{x:.2}×")),
                counters.map_or_else(dash, |c| c.bytecodes.to_string()),
                counters.map_or_else(dash, |c| c.boxes.to_string()),
                jit.map_or_else(dash, |j| (j.traces + j.side_traces).to_string()),
                jit.map_or_else(dash, |j| j.exits.to_string()),
            ];
            let note = match &r.c.outcome {
                Outcome::Ok if r.output_matches == Some(false) => Some(match r.c.kind {
                    Kind::Tier(_) => "OUTPUT DIFFERS from interp".to_string(),
                    Kind::Compare => "(output differs from interp)".to_string(),
                }),
                Outcome::Ok => None,
                Outcome::Failed(e) => Some(format!("failed: {e}")),
                Outcome::NotInstalled => Some("not installed".into()),
            };
            if r.c.outcome != Outcome::Ok {
                row.truncate(1);
            }
            cells.push(row);
            notes.push(note);
        }
        let mut widths = vec![0; header.len()];
        for row in &cells {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let mut out = format!(
            "pyvm bench {}{}: {} timed run{}, {} warm-up round{}\n",
            self.plan.file.display(),
            self.plan
                .args
                .iter()
                .map(|a| format!(" {a}"))
                .collect::<String>(),
            self.plan.runs,
            plural(self.plan.runs),
            self.plan.warmup,
            plural(self.plan.warmup),
        );
        for (row, note) in cells.iter().zip(&notes) {
            let mut line = String::new();
            for (i, (cell, w)) in row.iter().zip(&widths).enumerate() {
                let pad = w.saturating_sub(cell.chars().count());
                if i == 0 {
                    line.push_str(cell);
                    line.push_str(&" ".repeat(pad));
                } else {
                    line.push_str("  ");
                    line.push_str(&" ".repeat(pad));
                    line.push_str(cell);
                }
            }
            if let Some(note) = note {
                line.push_str("  ");
                line.push_str(note);
            }
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
        let interp = self
            .interp
            .map_or_else(|| "n/a".to_string(), |t| secs(t).trim().to_string());
        out.push_str(&format!(
            "interpreter's {} time: {interp}\n",
            self.basis_name()
        ));
        let lines = [
            (
                "dispatch (interp − boxed):",
                self.dispatch,
                "interp and boxed",
            ),
            (
                "boxing + type checks (boxed − jit):",
                self.boxing,
                "boxed and jit",
            ),
        ];
        for (label, part, needs) in lines {
            let value = match part {
                Some(p) => format!(
                    "{} ({:.1}% of the interpreter's time)",
                    secs(p.seconds).trim(),
                    p.share * 100.0
                ),
                None => format!("n/a (needs {needs} to run)"),
            };
            out.push_str(&format!("{label:<36} {value}\n"));
        }
        out
    }

    pub fn json(&self) -> Value {
        let stat = |s: Option<Stat>, runs: &[f64]| {
            s.map(|s| json!({"median": s.median, "min": s.min, "max": s.max, "runs": runs}))
        };
        let part = |p: Option<Part>| p.map(|p| json!({"seconds": p.seconds, "share": p.share}));
        let tiers: Vec<Value> = self
            .rows
            .iter()
            .map(|r| {
                let counters = r.c.counters.as_ref();
                let jit = counters.and_then(|c| c.jit.as_ref());
                json!({
                    "name": r.c.name,
                    "kind": match r.c.kind { Kind::Tier(_) => "pyvm", Kind::Compare => "compare" },
                    "command": r.c.command,
                    "status": r.status(),
                    "error": r.error(),
                    "wall": stat(r.wall, &r.c.wall),
                    "kernel": stat(r.kernel, &r.c.kernel),
                    "speedup": r.speedup,
                    "output_matches": r.output_matches,
                    "bytecodes": counters.map(|c| c.bytecodes),
                    "boxes": counters.map(|c| c.boxes),
                    "traces": jit.map(|j| j.traces),
                    "side_traces": jit.map(|j| j.side_traces),
                    "aborts": jit.map(|j| j.aborts),
                    "exits": jit.map(|j| j.exits),
                    "compile_ms": jit.map(|j| j.compile_ms),
                })
            })
            .collect();
        json!({
            "schema": 1,
            "program": self.plan.file.to_string_lossy(),
            "args": self.plan.args,
            "runs": self.plan.runs,
            "warmup": self.plan.warmup,
            "basis": self.basis_name(),
            "tiers": tiers,
            "split": {
                "interp": self.interp,
                "dispatch": part(self.dispatch),
                "boxing": part(self.boxing),
                "overhead": part(self.overhead),
            },
        })
    }

    /// A header line, then one row per tier and compare command.
    pub fn csv(&self) -> String {
        let mut out = String::from(
            "name,kind,status,wall_median,wall_min,wall_max,kernel_median,kernel_min,kernel_max,\
             speedup,bytecodes,boxes,traces,side_traces,aborts,exits,compile_ms,error\n",
        );
        let num = |x: Option<f64>| x.map_or_else(String::new, |x| x.to_string());
        let int = |x: Option<u64>| x.map_or_else(String::new, |x| x.to_string());
        for r in &self.rows {
            let counters = r.c.counters.as_ref();
            let jit = counters.and_then(|c| c.jit.as_ref());
            let fields = [
                csv_field(&r.c.name),
                match r.c.kind {
                    Kind::Tier(_) => "pyvm".into(),
                    Kind::Compare => "compare".into(),
                },
                r.status().into(),
                num(r.wall.map(|s| s.median)),
                num(r.wall.map(|s| s.min)),
                num(r.wall.map(|s| s.max)),
                num(r.kernel.map(|s| s.median)),
                num(r.kernel.map(|s| s.min)),
                num(r.kernel.map(|s| s.max)),
                num(r.speedup),
                int(counters.map(|c| c.bytecodes)),
                int(counters.map(|c| c.boxes)),
                int(jit.map(|j| j.traces)),
                int(jit.map(|j| j.side_traces)),
                int(jit.map(|j| j.aborts)),
                int(jit.map(|j| j.exits)),
                num(jit.map(|j| j.compile_ms)),
                csv_field(r.error().unwrap_or("")),
            ];
            out.push_str(&fields.join(","));
            out.push('\n');
        }
        out
    }
}

fn plural(n: u32) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Seconds with four significant digits or so; under 10 ms, milliseconds.
fn secs(x: f64) -> String {
    secs_as(x, x)
}

/// `x` seconds in the unit and precision `secs` gives `like`.
fn secs_as(x: f64, like: f64) -> String {
    let (scale, unit) = if like.abs() < 0.01 {
        (1e3, "ms")
    } else {
        (1.0, "s")
    };
    let digits = match (like * scale).abs() {
        a if a >= 100.0 => 1,
        a if a >= 10.0 => 2,
        a if a >= 1.0 || unit == "ms" => 3,
        _ => 4,
    };
    format!("{:.digits$} {unit}", x * scale)
}

/// The spread of the runs as ± half their range, in the median's unit.
fn spread(s: Stat) -> String {
    format!("±{}", secs_as((s.max - s.min) / 2.0, s.median))
}

/// A CSV field, quoted when it holds a comma, quote or line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A progress bar on stderr while the runs go, only when stderr is a terminal.
pub fn progress(total: u64) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let bar = indicatif::ProgressBar::new(total);
    if let Ok(style) = indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} runs  {msg}") {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_fields() {
        let s = Stat::of(&[3.0, 1.0, 2.0, 10.0]).map(|s| (s.median, s.min, s.max));
        assert_eq!(s, Some((2.5, 1.0, 10.0)));
        assert!(Stat::of(&[]).is_none());
        assert_eq!(csv_field("a,b \"c\""), "\"a,b \"\"c\"\"\"");
        assert_eq!(secs(0.5), "0.5000 s");
        assert_eq!(secs(12.345), "12.35 s");
        assert_eq!(secs(0.0012345), "1.234 ms");
        let s = Stat {
            median: 0.5,
            min: 0.4,
            max: 0.402,
        };
        assert_eq!(spread(s), "±0.0010 s");
    }
}
