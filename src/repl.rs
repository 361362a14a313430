//! The interactive interpreter (`pyvm` with no arguments), shaped like python3's: `>>> ` and
//! `... ` prompts, multi-line blocks ended by an empty line, expression values echoed, errors
//! shown without leaving. With stdin not a terminal, the whole input runs as a script `<stdin>`.
//!
//! The line logic lives in [`Session`], which takes one line at a time and knows nothing about
//! terminals, so it can be tested by feeding it lines ([`transcript`]); [`interactive`] drives a
//! session from `rustyline` (line editing and history).

#![warn(missing_docs)]

use crate::syntax::SyntaxError;
use crate::vm::run::RunError;
use crate::vm::Vm;
use crate::Capture;

/// The primary prompt.
pub const PS1: &str = ">>> ";
/// The continuation prompt.
pub const PS2: &str = "... ";

/// What the session did with a line.
#[derive(Debug, PartialEq, Eq)]
pub enum Step {
    /// The input so far is incomplete: read another line (prompt with [`PS2`]).
    More,
    /// The input was run (or its error shown): prompt with [`PS1`].
    Ran,
    /// The program raised `SystemExit`: leave with this status.
    Exit(u8),
}

/// Keywords that open a compound statement: its input ends only at an empty line.
const COMPOUND: &[&str] = &[
    "if", "while", "for", "try", "with", "def", "class", "async", "match",
];

/// Whether `line` (the first line of an input) starts a compound statement or a decorator.
fn opens_block(line: &str) -> bool {
    let t = line.trim_start();
    if t.starts_with('@') {
        return true;
    }
    let word: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    // `match` is a soft keyword: `match = 3` or `match(x)` is a simple statement.
    COMPOUND.contains(&word.as_str()) && (word != "match" || t.trim_end().ends_with(':'))
}

/// Whether a syntax error only says the input stopped too early: an open bracket or
/// triple-quoted string, a trailing backslash, or a block header still waiting for its body.
fn wants_more(e: &SyntaxError) -> bool {
    e.msg.ends_with("was never closed")
        || e.msg.starts_with("unterminated triple-quoted string")
        || e.msg.starts_with("unexpected EOF")
        || e.msg.starts_with("expected an indented block")
        || e.msg.starts_with("expected 'except' or 'finally' block")
}

/// Whether the lines so far are complete: ready to compile (and perhaps fail), or waiting for
/// more, as python3's interactive tokenizer decides.
pub fn is_complete(lines: &[String]) -> bool {
    // A backslash continues the line (python3's tokenizer asks for more before parsing).
    if lines.last().is_some_and(|l| l.ends_with('\\')) {
        return false;
    }
    let source = lines.join("\n") + "\n";
    let parsed = crate::syntax::parse_module(&crate::syntax::normalize_newlines(&source));
    let first = lines.first().map_or("", String::as_str);
    if !opens_block(first) {
        return !matches!(parsed, Err(e) if wants_more(&e));
    }
    // Decorators alone do not parse yet; what they decorate follows.
    if lines.iter().all(|l| l.trim_start().starts_with('@')) {
        return false;
    }
    let blank = lines.len() > 1 && lines.last().is_some_and(|l| l.trim().is_empty());
    match parsed {
        // A statement after the block (no empty line between) is an error, shown at once.
        Ok(m) if m.body.len() > 1 => true,
        // A block goes on until an empty line, even when it parses already.
        Ok(_) => blank,
        Err(e) if wants_more(&e) => false,
        // An error on a line already typed is shown at once; one at the end of the input
        // (`try:` still missing its `except`) may be fixed by the next line.
        Err(e) => blank || (e.start.line as usize) <= lines.len(),
    }
}

/// One interactive session: a VM with a persistent `__main__` and the lines of the input being
/// typed. Output goes wherever the VM's output and error output go.
pub struct Session {
    /// The interpreter; `__main__` holds the session's variables.
    pub vm: Vm,
    lines: Vec<String>,
}

impl Session {
    /// A session over `vm`; `sys.ps1` and `sys.ps2` are set, as in python3's interactive mode.
    pub fn new(mut vm: Vm) -> Session {
        if let Ok(crate::Value::Module(sys)) = vm.import_module("sys") {
            sys.dict.set_str("ps1", crate::Value::str(PS1));
            sys.dict.set_str("ps2", crate::Value::str(PS2));
        }
        Session {
            vm,
            lines: Vec::new(),
        }
    }

    /// The prompt for the next line: `str(sys.ps1)`, or `str(sys.ps2)` inside an input.
    pub fn prompt(&mut self) -> String {
        let (name, default) = if self.lines.is_empty() {
            ("ps1", PS1)
        } else {
            ("ps2", PS2)
        };
        let set = match self.vm.modules.get("sys") {
            Some(crate::Value::Module(sys)) => sys.dict.get_str(name),
            _ => None,
        };
        set.and_then(|v| self.vm.str(&v).ok())
            .unwrap_or_else(|| default.to_string())
    }

    /// Whether an input is partly typed (the next prompt is the continuation prompt).
    pub fn is_continuing(&self) -> bool {
        !self.lines.is_empty()
    }

    /// Takes one line (without its newline): buffers it, or runs the completed input.
    pub fn push_line(&mut self, line: &str) -> Step {
        if self.lines.is_empty() {
            let t = line.trim_start();
            if t.is_empty() || t.starts_with('#') {
                return Step::Ran;
            }
        }
        self.lines.push(line.to_string());
        if !is_complete(&self.lines) {
            return Step::More;
        }
        self.run_pending()
    }

    /// At end of input: runs what is buffered, as python3 does.
    pub fn finish(&mut self) -> Step {
        if self.lines.is_empty() {
            return Step::Ran;
        }
        self.run_pending()
    }

    /// Ctrl-C at a prompt (the line editor has ended the line): the partial input is dropped.
    pub fn interrupt(&mut self) {
        self.lines.clear();
        self.vm.write_stderr("KeyboardInterrupt\n");
    }

    fn run_pending(&mut self) -> Step {
        let source = std::mem::take(&mut self.lines).join("\n") + "\n";
        match self.vm.run_mode(&source, "<stdin>", "single") {
            Ok(_) => Step::Ran,
            Err(e) if e.is(crate::vm::ExcKind::SystemExit) => {
                let exc = e.exception().clone();
                Step::Exit(self.vm.report(Err(RunError::Exception(exc)), "<stdin>"))
            }
            Err(e) => {
                self.vm.write_stderr(e.traceback());
                Step::Ran
            }
        }
    }
}

/// Feeds `input` to a fresh session line by line and returns what a terminal would show without
/// the typed text: prompts, output and errors interleaved, as `python3 -i -q < input 2>&1` prints.
pub fn transcript(input: &str) -> String {
    let mut vm = Vm::new();
    let out = Capture::new();
    vm.set_output(out.clone());
    vm.set_error_output(out.clone());
    let mut session = Session::new(vm);
    let mut shown = String::new();
    let flush = |shown: &mut String| shown.push_str(&out.take());
    for line in input.lines() {
        shown.push_str(&session.prompt());
        let step = session.push_line(line);
        flush(&mut shown);
        if let Step::Exit(_) = step {
            return shown;
        }
    }
    // End of input: python3 ends the prompt's line, runs what is pending, then prompts once more.
    let pending = session.is_continuing();
    shown.push_str(&session.prompt());
    shown.push('\n');
    let step = session.finish();
    flush(&mut shown);
    if pending && !matches!(step, Step::Exit(_)) {
        shown.push_str(&session.prompt());
        shown.push('\n');
    }
    shown
}

/// The line printed when the REPL starts.
pub fn banner() -> String {
    format!(
        "pyvm {} (a Python 3.11 subset)\nType exit() or Ctrl-D to leave.\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// `pyvm` with no arguments: the REPL on a terminal; otherwise the whole of stdin is the program,
/// as with python3. Returns the exit status.
pub fn main() -> u8 {
    use std::io::{IsTerminal, Read};
    if std::io::stdin().is_terminal() {
        return interactive();
    }
    let mut bytes = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("pyvm: cannot read stdin: {e}");
        return 1;
    }
    match crate::syntax::source::decode_source(&bytes, "<stdin>") {
        Ok(source) => run_stdin(&source),
        Err(msg) => {
            eprintln!("SyntaxError: {msg}");
            1
        }
    }
}

/// Runs the whole of stdin as the program `<stdin>` (stdin is not a terminal); returns the exit
/// status.
pub fn run_stdin(source: &str) -> u8 {
    let mut vm = cli_vm();
    let main = vm.main_module();
    main.dict.set_str("__file__", crate::Value::str("<stdin>"));
    match vm.compile_text(source, "<stdin>", "exec") {
        Err(e) => {
            let src = crate::syntax::normalize_newlines(source);
            vm.write_stderr(&e.render("<stdin>", &src));
            1
        }
        Ok(code) => {
            crate::sigint::catch(&vm);
            let result = vm.run_code(code, main.dict.clone(), None);
            let interrupted =
                matches!(&result, Err(e) if e.is(crate::vm::ExcKind::KeyboardInterrupt));
            let status = vm.report(result.map(|_| ()).map_err(RunError::Exception), "<stdin>");
            if interrupted {
                crate::sigint::die_by_sigint();
            }
            status
        }
    }
}

/// A VM as python3 sets one up without a script: `sys.argv == ['']`, modules imported from the
/// current directory.
fn cli_vm() -> Vm {
    let mut vm = Vm::new();
    vm.argv = vec![String::new()];
    vm.module_path = std::env::current_dir().ok();
    vm
}

/// Where the history is kept between sessions: `$HOME/.pyvm_history`, if there is a home.
fn history_file() -> Option<std::path::PathBuf> {
    std::env::var_os("HOME").map(|h| std::path::Path::new(&h).join(".pyvm_history"))
}

/// The REPL on a terminal, with line editing and history; returns the exit status.
pub fn interactive() -> u8 {
    use rustyline::error::ReadlineError;
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(e) => {
            eprintln!("pyvm: cannot start line editing: {e}");
            return 1;
        }
    };
    let history = history_file();
    if let Some(h) = &history {
        let _ = editor.load_history(h);
    }
    let mut vm = cli_vm();
    vm.stdin = Some(Box::new(std::io::BufReader::new(std::io::stdin())));
    // On a terminal, output appears line by line (as python3's stdout is line-buffered there).
    vm.set_output(std::io::LineWriter::new(std::io::stdout()));
    // Ctrl-C while a statement runs raises KeyboardInterrupt in it (at the prompt, the line
    // editor reads it as a key instead).
    crate::sigint::catch(&vm);
    let mut session = Session::new(vm);
    eprint!("{}", banner());
    let status = loop {
        match editor.readline(&session.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                if let Step::Exit(code) = session.push_line(&line) {
                    break code;
                }
            }
            Err(ReadlineError::Interrupted) => session.interrupt(),
            // The line editor has ended the line already.
            Err(ReadlineError::Eof) => match session.finish() {
                Step::Exit(code) => break code,
                _ => break 0,
            },
            Err(e) => {
                eprintln!("pyvm: {e}");
                break 1;
            }
        }
    };
    if let Some(h) = &history {
        let _ = editor.save_history(h);
    }
    session.vm.flush();
    status
}
