//! Running programs: compiling source text (syntax errors become Python `SyntaxError`s), running
//! code objects in a namespace, the `__main__` module, and the scope queries behind `globals()`,
//! `locals()`, `dir()` and zero-argument `super()`.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::frame::Frame;
use super::interp::Exit;
use super::value::Value;
use super::Vm;
use crate::bytecode::Code;
use crate::objects::{PyDict, PyModule};
use crate::syntax::SyntaxError;
use std::rc::Rc;

/// Why a program did not finish normally.
#[derive(Debug)]
pub enum RunError {
    /// The source did not compile.
    Syntax(SyntaxError),
    /// An uncaught exception.
    Exception(PyErr),
}

impl Vm {
    /// Parses and compiles source text. `mode` is "exec" (a module), "eval" (an expression)
    /// or "single" (one interactive input, whose expression statements echo their values).
    pub fn compile_text(
        &mut self,
        source: &str,
        filename: &str,
        mode: &str,
    ) -> Result<Rc<Code>, SyntaxError> {
        let src = crate::syntax::normalize_newlines(source);
        if !filename.starts_with('<') {
            self.sources
                .insert(filename.to_string(), Rc::from(src.as_str()));
        }
        if mode == "eval" {
            let e = crate::syntax::parse_expression(
                src.trim_end_matches(['\n', ' ', '\t']),
                crate::syntax::token::Pos::new(1, 0),
            )?;
            return crate::compile::compile_expression(&e, filename, &src);
        }
        let module = crate::syntax::parse_module(&src)?;
        if mode == "single" {
            return crate::compile::compile_interactive(&module, filename, &src);
        }
        let code = crate::compile::compile_module(&module, filename, &src)?;
        if let Some(lines) = self.profiler.as_mut().and_then(|p| p.lines.as_mut()) {
            // A file of the program's own: `--all` profiles its functions.
            if !filename.starts_with('<') {
                lines.selection.files.push(Rc::from(filename));
                lines.discover(&code);
            }
        }
        Ok(code)
    }

    /// `compile()`: like `compile_text`, with syntax errors raised as Python exceptions.
    pub fn compile_source(
        &mut self,
        source: &str,
        filename: &str,
        mode: &str,
    ) -> PyResult<Rc<Code>> {
        if source.contains('\0') {
            // Checked on the whole string before tokenizing, unlike a file's NUL bytes.
            let msg = Value::str("source code string cannot contain null bytes");
            return Err(PyErr::with_args(ExcKind::SyntaxError, vec![msg]));
        }
        let src = crate::syntax::normalize_newlines(source);
        self.compile_text(&src, filename, mode)
            .map_err(|e| self.syntax_error_value(&e, filename, &src))
    }

    /// A Python SyntaxError (or IndentationError/TabError) carrying the location attributes.
    pub fn syntax_error_value(&mut self, e: &SyntaxError, filename: &str, source: &str) -> PyErr {
        let kind = match e.kind {
            crate::syntax::SyntaxErrorKind::Syntax => ExcKind::SyntaxError,
            crate::syntax::SyntaxErrorKind::Indentation => ExcKind::IndentationError,
            crate::syntax::SyntaxErrorKind::Tab => ExcKind::TabError,
            crate::syntax::SyntaxErrorKind::Recursion => {
                return PyErr::with_args(ExcKind::RecursionError, vec![Value::str(e.msg.clone())])
            }
        };
        let text = source
            .split('\n')
            .nth(e.start.line.saturating_sub(1) as usize)
            .map(|l| format!("{l}\n"));
        let details = Value::tuple(vec![
            Value::str(filename),
            Value::Int(e.start.line as i64),
            Value::Int(e.start.col as i64 + 1),
            text.clone().map_or(Value::None, Value::str),
            Value::Int(e.end.line as i64),
            Value::Int(e.end.col as i64 + 1),
        ]);
        let err = PyErr::with_args(kind, vec![Value::str(e.msg.clone()), details]);
        if let Value::Instance(i) = &err.value {
            i.dict.set_str("msg", Value::str(e.msg.clone()));
            i.dict.set_str("filename", Value::str(filename));
            i.dict.set_str("lineno", Value::Int(e.start.line as i64));
            i.dict.set_str("offset", Value::Int(e.start.col as i64 + 1));
            i.dict.set_str("text", text.map_or(Value::None, Value::str));
        }
        err
    }

    /// Runs a code object with the given globals (and, for class-like namespaces, locals).
    pub fn run_code(
        &mut self,
        code: Rc<Code>,
        globals: Rc<PyDict>,
        locals: Option<Rc<PyDict>>,
    ) -> PyResult<Value> {
        let spare = self.frame_pool.pop();
        let mut frame = Frame::new(code, globals, spare);
        frame.locals = locals;
        match self.run_frame(&mut frame)? {
            Exit::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }

    /// Compiles and runs source in the namespace `globals` (module import, `exec`).
    pub fn exec_source(
        &mut self,
        source: &str,
        filename: &str,
        globals: Rc<PyDict>,
    ) -> PyResult<Value> {
        let code = self.compile_source(source, filename, "exec")?;
        self.run_code(code, globals, None)
    }

    /// Runs a program as `__main__`.
    pub fn run_main(&mut self, source: &str, filename: &str) -> Result<(), RunError> {
        let code = self
            .compile_text(source, filename, "exec")
            .map_err(RunError::Syntax)?;
        let main = self.new_main_module();
        main.dict.set_str("__file__", Value::str(filename));
        main.dict.set_str("__cached__", Value::None);
        let result = self.run_code(code, main.dict.clone(), None);
        self.settle();
        result.map(|_| ()).map_err(RunError::Exception)
    }

    /// After running code for a host or the CLI: closes the generators abandoned on the way
    /// out (they belong to this VM, whose output their `finally` blocks write to — not to
    /// whichever VM runs next on the thread), then flushes the output.
    pub(crate) fn settle(&mut self) {
        if super::finalize::pending() {
            self.close_abandoned(None);
        }
        self.flush();
    }

    /// A fresh `__main__` module, with the attributes CPython gives it.
    fn new_main_module(&mut self) -> Rc<PyModule> {
        let main = self.new_module("__main__");
        main.dict
            .set_str("__annotations__", Value::dict(PyDict::new()));
        main.dict
            .set_str("__builtins__", Value::Module(self.builtins_module()));
        main
    }

    /// The `__main__` module (made on first use): the namespace of the REPL and of host code.
    pub fn main_module(&mut self) -> Rc<PyModule> {
        match self.modules.get("__main__") {
            Some(Value::Module(m)) => m.clone(),
            _ => self.new_main_module(),
        }
    }

    /// Ends a run as the `pyvm` command does: flushes output, prints an uncaught exception's
    /// traceback (or a `SystemExit` message) to stderr and returns the process exit status.
    pub fn report(&mut self, result: Result<(), RunError>, filename: &str) -> u8 {
        self.flush();
        match result {
            Ok(()) => 0,
            Err(RunError::Exception(e)) if e.is(ExcKind::SystemExit) => {
                match e.args().first().cloned().unwrap_or(Value::None) {
                    Value::None => 0,
                    Value::Int(i) => i as u8,
                    Value::Bool(b) => b as u8,
                    other => {
                        let text = self.str(&other).unwrap_or_default();
                        self.write_stderr(&format!("{text}\n"));
                        1
                    }
                }
            }
            Err(err) => {
                let text = self.render_error(&err, filename);
                self.write_stderr(&text);
                1
            }
        }
    }

    fn builtins_module(&self) -> Rc<crate::objects::PyModule> {
        match self.modules.get("builtins") {
            Some(Value::Module(m)) => m.clone(),
            _ => super::value::alloc(crate::objects::PyModule {
                name: "builtins".into(),
                dict: self.builtins.clone(),
            }),
        }
    }

    /// The globals of the running Python frame.
    pub fn current_globals(&self) -> Rc<PyDict> {
        match self.scopes.last() {
            Some((g, _)) => g.clone(),
            None => self.builtins.clone(),
        }
    }

    /// The local namespace of the running Python frame (a snapshot for functions).
    pub fn current_locals(&mut self) -> Rc<PyDict> {
        if let Some(l) = self.frame_locals.take() {
            return l;
        }
        match self.scopes.last() {
            Some((_, Some(l))) => l.clone(),
            Some((g, None)) => g.clone(),
            None => self.builtins.clone(),
        }
    }

    /// `@profile` on a function: remembered when a line profiler is active, otherwise nothing.
    /// As with kernprof, a staticmethod or classmethod marks its function and a property its
    /// getter, setter and deleter.
    pub fn mark_profiled(&mut self, f: &Value) {
        use crate::builtins::classes::{descriptor_kind, DescriptorKind};
        let Some(lines) = self.profiler.as_mut().and_then(|p| p.lines.as_mut()) else {
            return;
        };
        let functions = match descriptor_kind(f) {
            Some(DescriptorKind::ClassMethod(g) | DescriptorKind::StaticMethod(g)) => vec![g],
            Some(DescriptorKind::Property { fget, fset, fdel }) => {
                [fget, fset, fdel].into_iter().flatten().collect()
            }
            None => vec![f.clone()],
        };
        for g in functions {
            if let Value::Function(func) = g {
                lines.mark(&func.code);
            }
        }
    }

    /// One line from the input stream, without its newline; None at end of input.
    pub fn read_line(&mut self) -> PyResult<Option<String>> {
        let Some(input) = &mut self.stdin else {
            return Ok(None);
        };
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) => Ok(None),
            Ok(_) => {
                if line.ends_with('\n') {
                    line.pop();
                    if line.ends_with('\r') {
                        line.pop();
                    }
                }
                Ok(Some(line))
            }
            Err(e) => Err(PyErr::new(ExcKind::OSError, e.to_string())),
        }
    }

    /// Writes to the error stream (stdout is flushed first so output stays in order).
    pub fn write_stderr(&mut self, text: &str) {
        use std::io::Write;
        self.flush();
        match &mut self.err_out {
            Some(w) => {
                let _ = w.write_all(text.as_bytes());
            }
            None => {
                let _ = std::io::stderr().write_all(text.as_bytes());
            }
        }
    }
}
