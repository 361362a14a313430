//! The `pyvm` command line: a thin client of the library.

mod bench;

use clap::{Parser, Subcommand};
use pyvm::profile::report::SortKey;
use pyvm::vm::ExcKind;
use pyvm::{RunError, Vm};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "pyvm",
    version,
    about = "A Python-subset interpreter with a tracing JIT and profilers"
)]
struct Cli {
    /// Without a command: the interactive interpreter (or, with stdin not a terminal, stdin run
    /// as a program).
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a program.
    ///
    /// The JIT options may also follow FILE (`pyvm run julia.py --jit`); arguments after `--` all
    /// go to the program.
    Run {
        #[command(flatten)]
        jit: JitArgs,
        #[command(flatten)]
        limits: LimitArgs,
        #[command(flatten)]
        stats: StatsArgs,
        /// The program to run.
        file: PathBuf,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Time a program in each tier (interpreter, boxed JIT, JIT) and under other interpreters.
    ///
    /// Reports for each the median and spread of wall time and of the program's own timing
    /// (its `took N seconds` lines), bytecodes dispatched, boxes allocated, traces compiled and
    /// exits taken, the speedup over the interpreter, and the split of the interpreter's extra
    /// time into dispatch (interp − boxed) and boxing + type checks (boxed − jit). The options
    /// may also follow FILE and its arguments; arguments after `--` all go to the program.
    Bench {
        #[command(flatten)]
        options: bench::Options,
        /// The program to run.
        file: PathBuf,
        /// Arguments passed to the program as sys.argv[1:].
        #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
        args: Vec<String>,
    },
    /// Disassemble a program's bytecode in CPython's `dis` layout.
    Dis {
        /// The program to disassemble.
        file: PathBuf,
    },
    /// Run a program under a profiler: per line for the functions decorated with `@profile`
    /// (line_profiler's layout, plus the value boxes each line allocated), or per function
    /// (`--functions`, cProfile's layout). The report follows the program's own output.
    Profile(ProfileArgs),
}

/// The tracing JIT's options.
#[derive(clap::Args, Default)]
struct JitArgs {
    /// Compile hot loops to native code with the tracing JIT: `full` (the default: values
    /// specialised and unboxed) or `boxed` (values kept boxed, every operation through the
    /// runtime's generic helpers; the tier `pyvm bench` uses to separate dispatch from boxing).
    #[arg(long, value_name = "TIER", num_args = 0..=1, default_missing_value = "full", require_equals = true)]
    jit: Option<pyvm::jit::Tier>,
    /// Back-edges after which a loop is hot (1 compiles every loop on its first iteration).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    jit_threshold: Option<u32>,
    /// Log the JIT's work on stderr: `events` (one line per trace, abort and side trace, then a
    /// summary), `summary` (the summary only) or `dump` (events plus each trace's recorded
    /// bytecode, IR, Cranelift IR and machine code). Also set by the PYVM_JIT_LOG environment
    /// variable.
    #[arg(long, value_name = "MODE", num_args = 0..=1, default_missing_value = "events", require_equals = true)]
    jit_log: Option<pyvm::jit::LogMode>,
}

impl JitArgs {
    /// Takes the JIT options out of the arguments that followed FILE, up to a `--`.
    fn take_trailing(&mut self, args: Vec<String>) -> Result<Vec<String>, clap::Error> {
        let (late, rest) = take_trailing::<JitArgs>("pyvm run", args, |a| {
            a.starts_with("--jit").then_some(a == "--jit-threshold")
        })?;
        if let Some(late) = late {
            self.jit = late.jit.or(self.jit);
            self.jit_threshold = late.jit_threshold.or(self.jit_threshold);
            self.jit_log = late.jit_log.or(self.jit_log);
        }
        Ok(rest)
    }

    /// The options for the library (None: the JIT stays off).
    fn options(&self) -> Option<pyvm::jit::Options> {
        let mut o = pyvm::jit::Options {
            tier: self.jit?,
            ..Default::default()
        };
        if let Some(t) = self.jit_threshold {
            o.threshold = t;
        }
        o.log = match self.jit_log {
            Some(mode) => mode,
            None => pyvm::jit::LogMode::from_env(),
        };
        Some(o)
    }
}

/// Splits the arguments that followed FILE, up to a `--`, into the program's own and the
/// options `flag` recognises (`Some(true)`: its value is the next argument), which are parsed
/// as `A` (None when there were none).
fn take_trailing<A: clap::Args + clap::FromArgMatches>(
    command: &'static str,
    args: Vec<String>,
    flag: impl Fn(&str) -> Option<bool>,
) -> Result<(Option<A>, Vec<String>), clap::Error> {
    let mut flags = vec![command.to_string()];
    let mut rest = Vec::new();
    let mut it = args.into_iter();
    while let Some(a) = it.next() {
        if a == "--" {
            rest.extend(it.by_ref());
            break;
        }
        match flag(&a) {
            Some(takes_value) => {
                flags.push(a);
                if takes_value {
                    flags.extend(it.next());
                }
            }
            None => rest.push(a),
        }
    }
    if flags.len() == 1 {
        return Ok((None, rest));
    }
    let mut cmd = A::augment_args(clap::Command::new(command));
    let m = cmd.try_get_matches_from_mut(flags)?;
    Ok((Some(A::from_arg_matches(&m)?), rest))
}

/// What `pyvm run` reports about the run itself (the counters `pyvm bench` reads).
#[derive(clap::Args)]
struct StatsArgs {
    /// After the program ends, write its run's counters as one JSON object to PATH (`-` or no
    /// value: stderr): boxes allocated, the JIT's traces, side traces, aborts, exits and compile
    /// time, and with --count the bytecodes dispatched.
    #[arg(long, value_name = "PATH", num_args = 0..=1, default_missing_value = "-", require_equals = true)]
    stats: Option<PathBuf>,
    /// Count the bytecodes the interpreter dispatches (runs the dispatch loop's counting
    /// variant, a little slower; for --stats).
    #[arg(long)]
    count: bool,
}

/// Limits on the program's run; each ends it with a traceback and exit status 1.
#[derive(clap::Args)]
struct LimitArgs {
    /// Stop the program (LimitExceeded) after N steps: loop iterations, calls and items that
    /// builtins take from iterators.
    #[arg(long, value_name = "N")]
    max_steps: Option<u64>,
    /// Stop the program (LimitExceeded) after this many seconds.
    #[arg(long, value_name = "SECONDS", value_parser = positive_float)]
    timeout: Option<f64>,
    /// Raise MemoryError when the process would hold more than SIZE bytes (suffixes K, M, G).
    #[arg(long, value_name = "SIZE", value_parser = byte_size)]
    max_memory: Option<usize>,
}

impl LimitArgs {
    fn apply(&self, vm: &mut Vm) {
        vm.set_step_limit(self.max_steps);
        vm.set_time_limit(self.timeout.map(std::time::Duration::from_secs_f64));
        vm.set_memory_limit(self.max_memory);
    }
}

/// `100M`, `2G`, `512K` or a number of bytes.
fn byte_size(text: &str) -> Result<usize, String> {
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => text.split_at(i),
        None => (text, ""),
    };
    let shift = match unit.to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => return Err(format!("expected a size like 100M or 2G, got '{text}'")),
    };
    digits
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| format!("expected a size like 100M or 2G, got '{text}'"))
}

#[derive(clap::Args)]
struct ProfileArgs {
    /// Profile every function in the program's files, not only those decorated with @profile.
    #[arg(long)]
    all: bool,
    /// Profile only functions with this name or qualified name (repeatable).
    #[arg(long = "function", value_name = "NAME")]
    function: Vec<String>,
    /// Profile per function, in cProfile's layout, instead of per line.
    #[arg(long)]
    functions: bool,
    /// Order of the per-function table.
    #[arg(short = 's', long, value_enum, default_value_t = SortKey::Cumulative)]
    sort: SortKey,
    /// Seconds per displayed time unit in the per-line table (default: 1e-06, or 1e-09 when
    /// lines take less than 0.05 microseconds per hit).
    #[arg(short = 'u', long, value_name = "SECONDS", value_parser = positive_float)]
    unit: Option<f64>,
    /// Leave out functions that never ran.
    #[arg(short = 'z', long)]
    skip_zero: bool,
    /// After the per-line tables, one line per function with its total time.
    #[arg(long)]
    summarize: bool,
    /// Report format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also write the per-line profile as a self-contained HTML page.
    #[arg(long, value_name = "OUT.html")]
    html: Option<PathBuf>,
    /// Write the report to this file instead of standard output.
    #[arg(short = 'o', long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The program to run.
    file: PathBuf,
    /// Arguments passed to the program as sys.argv[1:].
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

fn positive_float(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Ok(x),
        _ => Err(format!(
            "expected a positive number of seconds, got '{text}'"
        )),
    }
}

/// Stack for the interpreter thread: deep Python recursion stays a RecursionError, never a crash.
const INTERPRETER_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || match cli.command {
            Some(Command::Run {
                jit,
                limits,
                stats,
                file,
                args,
            }) => run(jit, &limits, &stats, &file, args),
            Some(Command::Bench {
                options,
                file,
                args,
            }) => bench(options, file, args),
            Some(Command::Dis { file }) => dis(&file),
            Some(Command::Profile(p)) => profile(p),
            None => pyvm::repl::main(),
        });
    match worker.and_then(|h| {
        h.join()
            .map_err(|_| std::io::Error::other("interpreter thread panicked"))
    }) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("pyvm: internal error: {e}");
            ExitCode::from(70)
        }
    }
}

/// Reads and decodes a program; `shown` is the file name as errors display it.
fn read_source(file: &Path, shown: &str) -> Result<String, u8> {
    match std::fs::read(file) {
        Ok(bytes) => pyvm::syntax::source::decode_source(&bytes, shown).map_err(|msg| {
            eprintln!("SyntaxError: {msg}");
            1
        }),
        Err(e) => {
            let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
            eprintln!(
                "pyvm: can't open file '{}': [Errno {}] {}",
                abs.display(),
                e.raw_os_error().unwrap_or(2),
                describe(&e)
            );
            Err(2)
        }
    }
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "No such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "Permission denied".into(),
        _ => e.to_string(),
    }
}

fn run(
    mut jit: JitArgs,
    limits: &LimitArgs,
    stats: &StatsArgs,
    file: &Path,
    args: Vec<String>,
) -> u8 {
    let args = match jit.take_trailing(args) {
        Ok(args) => args,
        Err(e) => {
            let _ = e.print();
            return 2;
        }
    };
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let filename = abs.to_string_lossy().to_string();
    let mut vm = Vm::new();
    limits.apply(&mut vm);
    if let Some(options) = jit.options() {
        if let Err(msg) = vm.enable_jit(options) {
            eprintln!("pyvm: {msg}");
            return 2;
        }
    }
    if stats.count {
        vm.profiler = Some(Box::new(pyvm::profile::Profiler::counter()));
    }
    let status = run_program(file, &filename, args, &mut vm).unwrap_or_else(|status| status);
    vm.finish_jit();
    if let Some(path) = &stats.stats {
        if let Err(e) = write_stats(&vm, stats.count, status, path) {
            eprintln!(
                "pyvm: can't write the stats to '{}': {}",
                path.display(),
                describe(&e)
            );
            return status.max(1);
        }
    }
    status
}

/// The counters of a finished run as JSON (`--stats`): `dispatched` is null unless counted.
fn write_stats(vm: &Vm, counted: bool, status: u8, path: &Path) -> std::io::Result<()> {
    let jit = vm.jit_stats().map(|s| {
        serde_json::json!({
            "traces": s.traces,
            "side_traces": s.side_traces,
            "aborts": s.aborts,
            "exits": s.exits,
            "compile_ms": s.compile_time.as_secs_f64() * 1e3,
            "compiled_boxes": s.compiled_boxes,
        })
    });
    let stats = serde_json::json!({
        "status": status,
        "dispatched": counted.then(|| vm.dispatched()),
        "boxes": pyvm::vm::value::allocation_count(),
        "jit": jit,
    });
    let text = format!("{stats}\n");
    if path.as_os_str() == "-" {
        use std::io::Write;
        std::io::stderr().write_all(text.as_bytes())
    } else {
        std::fs::write(path, text)
    }
}

/// Runs `file` as `__main__` under the name `filename` (as tracebacks show it) in `vm`, printing
/// an uncaught exception's traceback; returns the exit status, as an error when the program
/// could not start (unreadable, or a syntax error).
fn run_program(file: &Path, filename: &str, args: Vec<String>, vm: &mut Vm) -> Result<u8, u8> {
    let source = read_source(file, filename)?;
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    vm.argv = std::iter::once(file.to_string_lossy().to_string())
        .chain(args)
        .collect();
    vm.module_path = abs.parent().map(Path::to_path_buf);
    vm.stdin = Some(Box::new(std::io::BufReader::new(std::io::stdin())));
    pyvm::sigint::catch(vm);
    let result = vm.run_main(&source, filename);
    let started = !matches!(result, Err(RunError::Syntax(_)));
    let interrupted =
        matches!(&result, Err(RunError::Exception(e)) if e.is(ExcKind::KeyboardInterrupt));
    let status = vm.report(result, filename);
    if interrupted {
        // As CPython: after the traceback, end by SIGINT so the shell sees an interrupted
        // program (status 130).
        pyvm::sigint::die_by_sigint();
    }
    if started {
        Ok(status)
    } else {
        Err(status)
    }
}

/// `pyvm profile`: runs the program with a profiler installed, then writes the report.
fn profile(p: ProfileArgs) -> u8 {
    use pyvm::profile::{report, Profiler, Selection};
    if p.functions && p.html.is_some() {
        eprintln!("pyvm profile: --html shows the per-line profile; leave out --functions");
        return 2;
    }
    let profiler = if p.functions {
        Profiler::calls()
    } else {
        Profiler::lines(Selection {
            all: p.all,
            names: p.function.clone(),
            files: Vec::new(),
        })
    };
    let mut vm = Vm::new();
    vm.profiler = Some(Box::new(profiler));
    // Files are named as given, as kernprof and cProfile show them.
    let filename = p.file.to_string_lossy().to_string();
    let status = match run_program(&p.file, &filename, p.args.clone(), &mut vm) {
        Ok(status) => status,
        // The program never ran (unreadable, or not valid Python): nothing to report.
        Err(status) => return status,
    };
    let Some(mut profiler) = vm.profiler.take() else {
        return status;
    };
    let sources = &vm.sources;
    let mut text = String::new();
    if let Some(calls) = &mut profiler.calls {
        calls.finish();
        let key = p.sort;
        text = match p.format {
            Format::Text => report::call_text(calls, key),
            Format::Json => format!("{:#}\n", report::call_json(calls, key)),
        };
    }
    if let Some(lines) = &profiler.lines {
        let opts = report::LineOptions {
            unit: p.unit,
            skip_zero: p.skip_zero,
            summarize: p.summarize,
        };
        text = match p.format {
            Format::Text => report::line_text(lines, sources, &opts),
            Format::Json => format!("{:#}\n", report::line_json(lines, sources)),
        };
        if let Some(out) = &p.html {
            let page = pyvm::profile::html::page(lines, sources, &filename);
            if let Err(e) = std::fs::write(out, page) {
                eprintln!(
                    "pyvm profile: can't write '{}': {}",
                    out.display(),
                    describe(&e)
                );
                return 1;
            }
        }
    }
    let written = match &p.output {
        Some(path) => std::fs::write(path, text),
        None => {
            use std::io::Write;
            std::io::stdout().write_all(text.as_bytes())
        }
    };
    if let Err(e) = written {
        eprintln!("pyvm profile: can't write the report: {}", describe(&e));
        return 1;
    }
    status
}

/// `pyvm bench`: the options that followed FILE join those before it.
fn bench(mut options: bench::Options, file: PathBuf, args: Vec<String>) -> u8 {
    match take_trailing::<bench::Options>("pyvm bench", args, bench::Options::flag) {
        Ok((late, args)) => {
            if let Some(late) = late {
                options.merge(late);
            }
            bench::main(file, args, options)
        }
        Err(e) => {
            let _ = e.print();
            2
        }
    }
}

fn dis(file: &Path) -> u8 {
    let filename = file.to_string_lossy().to_string();
    let source = match read_source(file, &filename) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut vm = Vm::new();
    match vm.compile_text(&source, &filename, "exec") {
        Ok(code) => {
            print!("{}", pyvm::bytecode::dis::dis_module(&code));
            0
        }
        Err(e) => {
            let src = pyvm::syntax::normalize_newlines(&source);
            eprint!("{}", e.render(&filename, &src));
            1
        }
    }
}

/// Boxed temporaries (floats escaping, complex numbers, list cells) are the interpreter's
/// dominant allocation pattern; mimalloc serves them faster than the system allocator. The
/// counting wrapper lets `--max-memory` see the total the process holds.
#[global_allocator]
static GLOBAL: pyvm::alloc::Counting<mimalloc::MiMalloc> =
    pyvm::alloc::Counting::new(mimalloc::MiMalloc);
