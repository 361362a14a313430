//! `pyvm bench`: one program timed in each tier (interpreter, boxed JIT, JIT) and, with
//! `--compare`, under other interpreters, to make the interpreter's costs measurable (see the
//! README's "Benchmarks"). This module belongs to the `pyvm` binary, not to the library.
//!
//! Every run is a separate process: the tiers are `pyvm run` (this executable) with `--jit=boxed`
//! or `--jit`, a compare command is `CMD FILE ARGS`. First each tier runs once untimed with
//! `--count --stats`, which gives its deterministic counters (bytecodes dispatched, boxes, traces,
//! exits) and its output; then `--warmup` untimed and `--runs` timed rounds, each round running
//! every contender once in turn, so that a slow drift of the machine spreads over all of them.
//! A tier that fails is reported with its error and left out of the later rounds.

mod plot;
mod report;
mod run;

use std::path::PathBuf;

pub use run::Tier;

/// The options of `pyvm bench`. They may also follow FILE and its arguments (`pyvm bench
/// julia.py 100 30 --runs 3`); arguments after `--` all go to the program.
#[derive(clap::Args, Default)]
pub struct Options {
    /// Timed rounds (each runs every tier and compare command once) [default: 5].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub runs: Option<u32>,
    /// Untimed rounds before the timed ones [default: 1].
    #[arg(long, value_name = "N")]
    pub warmup: Option<u32>,
    /// The tiers to run, comma-separated [default: interp,boxed,jit].
    #[arg(long, value_name = "TIERS", value_enum, value_delimiter = ',')]
    pub tiers: Option<Vec<Tier>>,
    /// Also run `CMD FILE ARGS` (CMD split on whitespace; repeatable), e.g. `--compare python3`.
    #[arg(long, value_name = "CMD")]
    pub compare: Vec<String>,
    /// Report format [default: table].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Also draw the median times as a bar chart in this SVG file.
    #[arg(long, value_name = "OUT.svg")]
    pub plot: Option<PathBuf>,
    /// Longest a single run may take, in seconds; a run that takes longer is stopped and its
    /// contender reported as timed out [default: 600].
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: Option<u64>,
}

/// How the report is written on stdout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// An aligned table, then the split of the interpreter's extra time.
    #[default]
    Table,
    /// One JSON object (schema in `report.rs`, version field `"schema"`).
    Json,
    /// One CSV row per tier and compare command, after a header.
    Csv,
}

impl Options {
    /// Options given after FILE (`late`) override or extend the ones given before it.
    pub fn merge(&mut self, late: Options) {
        self.runs = late.runs.or(self.runs);
        self.warmup = late.warmup.or(self.warmup);
        self.tiers = late.tiers.or(self.tiers.take());
        self.compare.extend(late.compare);
        self.format = late.format.or(self.format);
        self.plot = late.plot.or(self.plot.take());
        self.timeout = late.timeout.or(self.timeout);
    }

    /// Whether `flag` (`--runs`, `--runs=3`, ...) is one of these options; `Some(true)` when its
    /// value is the next argument.
    pub fn flag(arg: &str) -> Option<bool> {
        const FLAGS: [&str; 7] = [
            "--runs",
            "--warmup",
            "--tiers",
            "--compare",
            "--format",
            "--plot",
            "--timeout",
        ];
        let name = arg.split('=').next().unwrap_or(arg);
        FLAGS.contains(&name).then_some(!arg.contains('='))
    }
}

/// Runs the benchmark and writes the report; the exit status.
pub fn main(file: PathBuf, args: Vec<String>, options: Options) -> u8 {
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => {
            eprintln!("pyvm bench: can't find the pyvm executable: {e}");
            return 2;
        }
    };
    if let Err(e) = std::fs::metadata(&file) {
        eprintln!(
            "pyvm bench: can't open file '{}': {}",
            file.display(),
            e.kind()
        );
        return 2;
    }
    let plan = run::Plan {
        exe,
        file,
        args,
        runs: options.runs.unwrap_or(5),
        warmup: options.warmup.unwrap_or(1),
        tiers: options
            .tiers
            .unwrap_or_else(|| vec![Tier::Interp, Tier::Boxed, Tier::Jit]),
        compare: options.compare,
        timeout: std::time::Duration::from_secs(options.timeout.unwrap_or(600)),
    };
    let results = run::measure(&plan);
    let summary = report::Summary::new(&plan, &results);
    for warning in summary.warnings() {
        eprintln!("pyvm bench: {warning}");
    }
    let text = match options.format.unwrap_or_default() {
        Format::Table => summary.table(),
        Format::Json => format!("{:#}\n", summary.json()),
        Format::Csv => summary.csv(),
    };
    print!("{text}");
    if let Some(out) = &options.plot {
        if let Err(e) = plot::bars(&summary, out) {
            eprintln!("pyvm bench: can't draw '{}': {e}", out.display());
            return 1;
        }
    }
    summary.status()
}
