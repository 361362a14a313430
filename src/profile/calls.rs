//! The function-level profiler's bookkeeping, with cProfile's rules: a call event when a Python
//! frame starts or resumes (a generator's every `next`), a return event when it returns, yields
//! or is left by an exception, and call/return events around each builtin called from bytecode.
//!
//! Per function: `ncalls` counts every call and `primitive` those not made while the function was
//! already running (recursion); `tottime` is the time inside the function minus its callees';
//! `cumtime` includes callees and is added only when the outermost activation returns, so a
//! recursive function's time is not counted once per level.

use crate::bytecode::Code;
use crate::objects::function::Owner;
use crate::objects::PyBuiltin;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

/// What a profiled callable is, for its `filename:lineno(function)` column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Callee {
    /// A Python code object: (file name, first line, name).
    Code {
        file: Rc<str>,
        line: u32,
        name: String,
    },
    /// A builtin, described as cProfile describes it (`built-in method builtins.abs`).
    Builtin(String),
}

impl Callee {
    /// cProfile's `filename:lineno(function)` text, with the directories stripped; builtins
    /// in braces.
    pub fn label(&self) -> String {
        match self {
            Callee::Code { file, line, name } => {
                let base = std::path::Path::new(&**file)
                    .file_name()
                    .map_or_else(|| file.to_string(), |b| b.to_string_lossy().into_owned());
                format!("{base}:{line}({name})")
            }
            Callee::Builtin(text) => format!("{{{text}}}"),
        }
    }

    /// The function name as pstats sorts it (`-s name`): a builtin's is `<its description>`.
    pub fn name(&self) -> String {
        match self {
            Callee::Code { name, .. } => name.clone(),
            Callee::Builtin(text) => format!("<{text}>"),
        }
    }
}

/// cProfile's description of a builtin: module functions as `built-in method math.sqrt`,
/// methods of built-in types as `method 'append' of 'list' objects`.
pub fn builtin_label(b: &PyBuiltin) -> String {
    match &b.owner {
        Owner::Module(m) => format!("built-in method {m}.{}", b.name),
        Owner::Type(t) => format!("method '{}' of '{t}' objects", b.name),
    }
}

/// One callable's totals.
#[derive(Clone, Debug)]
pub struct CallStat {
    pub callee: Callee,
    pub ncalls: u64,
    /// Calls that were not recursive.
    pub primitive: u64,
    /// Nanoseconds in the callable itself.
    pub tottime: u64,
    /// Nanoseconds including callees (outermost activations only).
    pub cumtime: u64,
    /// Activations currently running.
    depth: u32,
    /// Order of first call, for stable output among equal sort keys.
    pub order: usize,
}

/// A running activation.
struct Active {
    stat: usize,
    start: Instant,
    /// Nanoseconds spent in callees so far.
    inner: u64,
}

/// Identity of a builtin: its function and name (bound copies of one method share both).
type BuiltinKey = (usize, usize);

/// The function profiler.
#[derive(Default)]
pub struct CallProfiler {
    pub stats: Vec<CallStat>,
    codes: HashMap<*const Code, usize>,
    /// Keeps the code objects in `codes` alive, so their addresses stay unique.
    kept: Vec<Rc<Code>>,
    builtins: HashMap<BuiltinKey, usize>,
    stack: Vec<Active>,
}

impl CallProfiler {
    fn add(&mut self, callee: Callee) -> usize {
        let order = self.stats.len();
        self.stats.push(CallStat {
            callee,
            ncalls: 0,
            primitive: 0,
            tottime: 0,
            cumtime: 0,
            depth: 0,
            order,
        });
        order
    }

    fn enter(&mut self, stat: usize) {
        self.stats[stat].depth += 1;
        self.stack.push(Active {
            stat,
            start: Instant::now(),
            inner: 0,
        });
    }

    /// A Python frame of `code` starts or resumes.
    pub fn enter_code(&mut self, code: &Rc<Code>) {
        let stat = match self.codes.get(&Rc::as_ptr(code)) {
            Some(&s) => s,
            None => {
                let s = self.add(Callee::Code {
                    file: code.filename.clone(),
                    line: code.firstlineno,
                    name: code.name.clone(),
                });
                self.codes.insert(Rc::as_ptr(code), s);
                self.kept.push(code.clone());
                s
            }
        };
        self.enter(stat);
    }

    /// A builtin is about to be called from bytecode.
    pub fn enter_builtin(&mut self, b: &PyBuiltin) {
        let key = (b.func as usize, b.name.as_ptr() as usize);
        let stat = match self.builtins.get(&key) {
            Some(&s) => s,
            None => {
                let s = self.add(Callee::Builtin(builtin_label(b)));
                self.builtins.insert(key, s);
                s
            }
        };
        self.enter(stat);
    }

    /// The innermost activation ended (returned, yielded, raised).
    pub fn exit(&mut self) {
        let Some(a) = self.stack.pop() else {
            return;
        };
        let elapsed = a.start.elapsed().as_nanos() as u64;
        let s = &mut self.stats[a.stat];
        s.depth -= 1;
        s.ncalls += 1;
        s.tottime += elapsed.saturating_sub(a.inner);
        if s.depth == 0 {
            s.primitive += 1;
            s.cumtime += elapsed;
        }
        if let Some(parent) = self.stack.last_mut() {
            parent.inner += elapsed;
        }
    }

    /// Ends every activation still running (the program exited from inside them).
    pub fn finish(&mut self) {
        while !self.stack.is_empty() {
            self.exit();
        }
    }

    pub fn total_calls(&self) -> u64 {
        self.stats.iter().map(|s| s.ncalls).sum()
    }

    pub fn primitive_calls(&self) -> u64 {
        self.stats.iter().map(|s| s.primitive).sum()
    }

    /// Nanoseconds profiled in all (the sum of every callable's own time).
    pub fn total_time(&self) -> u64 {
        self.stats.iter().map(|s| s.tottime).sum()
    }
}
