//! The code object: one compiled function, class body or module. Everything that reads bytecode
//! (the interpreter, `dis`, tracebacks, the profiler, the JIT recorder) reads it from here: the
//! wordcode, constants, names, the locals-plus layout, the position table and the exception table.

use super::opcodes::{CodeUnit, Opcode};
use crate::vm::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// Source range of one instruction (CPython's `co_positions`). A negative field means "none"
/// (an artificial instruction has no line); columns are UTF-8 byte offsets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Position {
    pub line: i32,
    pub end_line: i32,
    pub col: i32,
    pub end_col: i32,
}

/// One exception-table entry: instructions in `start..end` (code-unit indices) that raise go to
/// `target`, after popping the stack to `depth` (and pushing the raising offset if `lasti`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
    pub lasti: bool,
}

/// `co_flags` bits (CPython's values).
pub mod flags {
    pub const OPTIMIZED: u32 = 0x0001;
    pub const NEWLOCALS: u32 = 0x0002;
    pub const VARARGS: u32 = 0x0004;
    pub const VARKEYWORDS: u32 = 0x0008;
    pub const NESTED: u32 = 0x0010;
    pub const GENERATOR: u32 = 0x0020;
}

/// What a locals-plus slot holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlotKind {
    /// A plain fast local (parameters first).
    Local,
    /// A parameter that inner functions capture: starts as a local, MAKE_CELL wraps it.
    LocalCell,
    /// A variable of this scope captured by inner functions.
    Cell,
    /// A variable of an enclosing scope (filled by COPY_FREE_VARS).
    Free,
}

/// Where a cached global lookup found its value: the dict versions it is valid for and the entry.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GlobalCache {
    pub globals_version: u64,
    pub builtins_version: u64,
    /// Entry index in globals (or builtins when `in_builtins`); valid only when versions match.
    pub index: u32,
    pub in_builtins: bool,
}

/// The method a LOAD_METHOD found on a built-in type, keyed by the receiver's value tag. Built-in
/// types cannot be changed, so an entry stays valid for as long as the tag matches.
#[derive(Default)]
pub struct MethodCache(pub RefCell<Option<(u8, Value)>>);

/// A compiled code object.
pub struct Code {
    pub name: String,
    pub qualname: String,
    pub filename: Rc<str>,
    pub firstlineno: u32,
    /// Last line of the definition (the function's block, as `inspect.getblock` finds it).
    pub lastlineno: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: u32,
    pub code: Vec<CodeUnit>,
    pub consts: Vec<Value>,
    /// Interned str values for attribute and global names.
    pub names: Vec<Value>,
    /// Names of the locals-plus slots: fast locals, then cells, then free variables.
    pub localsplus: Vec<Rc<str>>,
    pub kinds: Vec<SlotKind>,
    /// Number of fast locals (`co_nlocals`): the prefix of `localsplus` that LOAD_FAST indexes.
    pub nlocals: usize,
    pub stacksize: u32,
    /// One entry per code unit (cache units repeat their instruction's position).
    pub positions: Vec<Position>,
    pub exception_table: Vec<ExceptionEntry>,
    /// Back-edge counters, indexed by the code unit of the jump (the JIT's hot-loop detector).
    pub backedges: Box<[Cell<u32>]>,
    /// The JIT's loop (index + 1) whose tree runs this function from its entry; 0: none. Set
    /// once the tree exists, so calls can run it without interpreting the RESUME.
    pub jit_entry: Cell<u32>,
    /// LOAD_GLOBAL caches; a LOAD_GLOBAL's first cache unit holds its index here.
    pub global_caches: Box<[Cell<GlobalCache>]>,
    /// LOAD_METHOD caches; a LOAD_METHOD's first cache unit holds its index here.
    pub method_caches: Box<[MethodCache]>,
}

impl Code {
    pub fn is_generator(&self) -> bool {
        self.flags & flags::GENERATOR != 0
    }

    pub fn has_varargs(&self) -> bool {
        self.flags & flags::VARARGS != 0
    }

    pub fn has_varkeywords(&self) -> bool {
        self.flags & flags::VARKEYWORDS != 0
    }

    /// Total parameters, including `*args` and `**kwargs`.
    pub fn total_args(&self) -> usize {
        (self.argcount + self.kwonlyargcount) as usize
            + self.has_varargs() as usize
            + self.has_varkeywords() as usize
    }

    /// Index of the first RESUME: instructions before it (cell set-up, RETURN_GENERATOR) are
    /// not traced, and a frame that has not passed it has not been entered (CPython's
    /// `_co_firsttraceable`).
    pub fn first_traceable(&self) -> usize {
        self.code
            .iter()
            .position(|u| u.op == Opcode::RESUME)
            .unwrap_or(0)
    }

    pub fn ncells(&self) -> usize {
        self.kinds
            .iter()
            .filter(|k| matches!(k, SlotKind::Cell | SlotKind::LocalCell))
            .count()
    }

    pub fn nfree(&self) -> usize {
        self.kinds.iter().filter(|k| **k == SlotKind::Free).count()
    }

    pub fn varnames(&self) -> &[Rc<str>] {
        &self.localsplus[..self.nlocals]
    }

    pub fn cellvars(&self) -> Vec<Rc<str>> {
        self.localsplus
            .iter()
            .zip(&self.kinds)
            .filter(|(_, k)| matches!(k, SlotKind::Cell | SlotKind::LocalCell))
            .map(|(n, _)| n.clone())
            .collect()
    }

    pub fn freevars(&self) -> Vec<Rc<str>> {
        self.localsplus
            .iter()
            .zip(&self.kinds)
            .filter(|(_, k)| **k == SlotKind::Free)
            .map(|(n, _)| n.clone())
            .collect()
    }

    /// The source line of the instruction at code-unit index `i` (negative if it has none).
    pub fn line_of(&self, i: usize) -> i32 {
        self.positions.get(i).map_or(-1, |p| p.line)
    }

    /// Index of the first code unit after the instruction at `i` and its caches.
    pub fn next_instruction(&self, i: usize) -> usize {
        i + 1 + self.code[i].op.caches()
    }

    /// Decodes the instruction at code-unit `i`: (index of the first prefix, opcode, full argument,
    /// index after it). EXTENDED_ARG prefixes are folded into the argument.
    pub fn decode(&self, mut i: usize) -> (usize, Opcode, u32, usize) {
        let start = i;
        let mut arg: u32 = 0;
        loop {
            let unit = self.code[i];
            arg = (arg << 8) | unit.arg as u32;
            if unit.op != Opcode::EXTENDED_ARG || i + 1 >= self.code.len() {
                return (start, unit.op, arg, self.next_instruction(i));
            }
            i += 1;
        }
    }

    /// Instructions as (index of the opcode unit, opcode, argument), skipping caches and folding
    /// EXTENDED_ARG. Also yields the index where each instruction's prefixes start.
    pub fn instructions(&self) -> Vec<Instruction> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.code.len() {
            let (start, op, arg, next) = self.decode(i);
            let at = next - 1 - op.caches();
            out.push(Instruction {
                start,
                at,
                op,
                arg,
                next,
            });
            i = next;
        }
        out
    }

    /// The exception-table entry covering code unit `i`.
    pub fn handler_for(&self, i: usize) -> Option<&ExceptionEntry> {
        let i = i as u32;
        self.exception_table
            .iter()
            .find(|e| e.start <= i && i < e.end)
    }

    /// Target code-unit index of a relative jump at unit `at` (the opcode unit) with `arg`.
    #[inline]
    pub fn jump_target(&self, at: usize, op: Opcode, arg: u32) -> usize {
        let next = at + 1 + op.caches();
        match op.arg_kind() {
            super::opcodes::ArgKind::JumpBackward => next - arg as usize,
            _ => next + arg as usize,
        }
    }
}

/// A decoded instruction.
#[derive(Clone, Copy, Debug)]
pub struct Instruction {
    /// Index of the first code unit (the first EXTENDED_ARG prefix, if any).
    pub start: usize,
    /// Index of the opcode's own unit.
    pub at: usize,
    pub op: Opcode,
    pub arg: u32,
    /// Index after the instruction's caches.
    pub next: usize,
}
