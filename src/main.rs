//! The `pyvm` command line: a thin client of the library.

use clap::{Parser, Subcommand};
use pyvm::Vm;
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
    Run {
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
}

/// Stack for the interpreter thread: deep Python recursion stays a RecursionError, never a crash.
const INTERPRETER_STACK: usize = 1 << 30;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let worker = std::thread::Builder::new()
        .stack_size(INTERPRETER_STACK)
        .spawn(move || match cli.command {
            Some(Command::Run { file, args }) => run(&file, args),
            Some(Command::Dis { file }) => dis(&file),
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

fn run(file: &Path, args: Vec<String>) -> u8 {
    let abs = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
    let filename = abs.to_string_lossy().to_string();
    let source = match read_source(file, &filename) {
        Ok(s) => s,
        Err(code) => return code,
    };
    let mut vm = Vm::new();
    vm.argv = std::iter::once(file.to_string_lossy().to_string())
        .chain(args)
        .collect();
    vm.module_path = abs.parent().map(Path::to_path_buf);
    vm.stdin = Some(Box::new(std::io::BufReader::new(std::io::stdin())));
    let result = vm.run_main(&source, &filename);
    vm.report(result, &filename)
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
/// dominant allocation pattern; mimalloc serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
