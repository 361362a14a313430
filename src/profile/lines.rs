//! The per-line profiler's bookkeeping: which code objects are profiled, and the hits, time and
//! allocations of each of their lines, counted by line_profiler's rules.
//!
//! The interpreter reports two events for a profiled code object: a *line event* (execution
//! entered a different line, or took a backward jump — see `Vm::trace_step`) and a *frame exit*
//! (return, yield, or an exception leaving the frame). As in line_profiler, the last line event is
//! remembered per code object, not per frame; the next event of that code object closes it,
//! counting one hit for its line and charging the line with the time and allocations since. So a
//! line's time includes the calls made on it, a recursive call closes its caller's line when the
//! callee reaches its first line, and Hits equals kernprof's on every line.

use crate::bytecode::Code;
use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

/// What one line accumulated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LineStat {
    pub hits: u64,
    /// Nanoseconds.
    pub time: u64,
    /// Value boxes allocated (the VM's allocation counter).
    pub allocs: u64,
}

/// The open line event of a code object: its line, when it started, the allocation count then.
#[derive(Clone, Copy)]
struct Pending {
    line: u32,
    at: Instant,
    allocs: u64,
}

/// One profiled function (code object) and its lines.
pub struct FunctionLines {
    pub code: Rc<Code>,
    /// Indexed by `line - code.firstlineno`; grows when an instruction's line lies beyond.
    lines: Vec<LineStat>,
    pending: Option<Pending>,
}

impl FunctionLines {
    fn new(code: Rc<Code>) -> FunctionLines {
        let n = code.lastlineno.saturating_sub(code.firstlineno) as usize + 1;
        FunctionLines {
            code,
            lines: vec![LineStat::default(); n],
            pending: None,
        }
    }

    /// The statistics of line `line` (zero when it never ran).
    pub fn line(&self, line: u32) -> LineStat {
        line.checked_sub(self.code.firstlineno)
            .and_then(|i| self.lines.get(i as usize))
            .copied()
            .unwrap_or_default()
    }

    /// Lines that ran, with their statistics, in line order.
    pub fn timings(&self) -> impl Iterator<Item = (u32, LineStat)> + '_ {
        let first = self.code.firstlineno;
        self.lines
            .iter()
            .enumerate()
            .filter(|(_, s)| s.hits > 0)
            .map(move |(i, s)| (first + i as u32, *s))
    }

    pub fn total_time(&self) -> u64 {
        self.lines.iter().map(|s| s.time).sum()
    }

    pub fn total_hits(&self) -> u64 {
        self.lines.iter().map(|s| s.hits).sum()
    }

    /// Closes the open line event (if any) at `now`.
    fn close(&mut self, now: Instant, allocs: u64) {
        if let Some(p) = self.pending.take() {
            let i = p.line.saturating_sub(self.code.firstlineno) as usize;
            if i >= self.lines.len() {
                self.lines.resize(i + 1, LineStat::default());
            }
            let s = &mut self.lines[i];
            s.hits += 1;
            s.time += now.saturating_duration_since(p.at).as_nanos() as u64;
            s.allocs += allocs.saturating_sub(p.allocs);
        }
    }
}

/// Which functions a run profiles.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Every function of the program's own files (`--all`), not only `@profile` ones.
    pub all: bool,
    /// Only functions with these names or qualified names (`--function`); empty: no narrowing.
    pub names: Vec<String>,
    /// The program's own files (the main script, and modules imported from its directory).
    pub files: Vec<Rc<str>>,
}

impl Selection {
    fn named(&self, code: &Code) -> bool {
        self.names
            .iter()
            .any(|n| *n == code.name || *n == code.qualname)
    }
}

/// Whether a code object is a `def` function (not a module or class body, nor a lambda or
/// comprehension, whose lines belong to the function that contains them; kernprof's
/// `--prof-mod` chooses the same).
fn is_function(code: &Code) -> bool {
    code.flags & crate::bytecode::code::flags::OPTIMIZED != 0
        && !matches!(
            code.name.as_str(),
            "<lambda>" | "<listcomp>" | "<setcomp>" | "<dictcomp>" | "<genexpr>"
        )
}

/// The per-line profiler.
pub struct LineProfiler {
    pub selection: Selection,
    /// Code objects already classified (keyed by address; the Rc in `functions` or `skipped`
    /// keeps each alive, so an address is never reused for another code object).
    known: HashMap<*const Code, Option<usize>>,
    skipped: Vec<Rc<Code>>,
    pub functions: Vec<FunctionLines>,
}

impl LineProfiler {
    pub fn new(selection: Selection) -> LineProfiler {
        LineProfiler {
            selection,
            known: HashMap::new(),
            skipped: Vec::new(),
            functions: Vec::new(),
        }
    }

    fn register(&mut self, code: &Rc<Code>, profiled: bool) -> Option<usize> {
        let slot = if profiled {
            self.functions.push(FunctionLines::new(code.clone()));
            Some(self.functions.len() - 1)
        } else {
            self.skipped.push(code.clone());
            None
        };
        self.known.insert(Rc::as_ptr(code), slot);
        slot
    }

    /// `@profile` applied to a function with this code: profiled unless `--function` excludes it.
    pub fn mark(&mut self, code: &Rc<Code>) {
        if self.known.contains_key(&Rc::as_ptr(code)) {
            return;
        }
        let wanted = self.selection.names.is_empty() || self.selection.named(code);
        self.register(code, wanted);
    }

    /// A compiled module of the program's own files: with `--all` or `--function`, its functions
    /// are listed even if they never run.
    pub fn discover(&mut self, module: &Rc<Code>) {
        if !self.selection.all && self.selection.names.is_empty() {
            return;
        }
        for c in &module.consts {
            if let crate::vm::Value::Code(inner) = c {
                if !self.known.contains_key(&Rc::as_ptr(inner)) && self.chosen(inner) {
                    self.register(inner, true);
                }
                self.discover(inner);
            }
        }
    }

    /// Whether `--all`/`--function` choose a code object by themselves (without `@profile`).
    fn chosen(&self, code: &Code) -> bool {
        if !is_function(code) {
            return false;
        }
        if !self.selection.names.is_empty() {
            return self.selection.named(code);
        }
        self.selection.all && self.selection.files.iter().any(|f| **f == *code.filename)
    }

    /// The profiled-function index of a code object about to run, if it is profiled.
    pub fn slot_for(&mut self, code: &Rc<Code>) -> Option<usize> {
        if let Some(s) = self.known.get(&Rc::as_ptr(code)) {
            return *s;
        }
        let profiled = self.chosen(code);
        self.register(code, profiled)
    }

    /// A line event in a frame of profiled function `slot`.
    #[inline]
    pub fn line_event(&mut self, slot: usize, line: u32) {
        let allocs = crate::vm::value::allocation_count();
        let now = Instant::now();
        let f = &mut self.functions[slot];
        f.close(now, allocs);
        f.pending = Some(Pending {
            line,
            at: now,
            allocs,
        });
    }

    /// A frame of profiled function `slot` returned, yielded or was left by an exception.
    pub fn frame_exit(&mut self, slot: usize) {
        let allocs = crate::vm::value::allocation_count();
        self.functions[slot].close(Instant::now(), allocs);
    }
}
