//! Frames: the activation record of one code object. Locals-plus slots (fast locals, cells, free
//! variables) and the value stack share one vector, CPython-style.

use crate::bytecode::Code;
use crate::objects::{PyDict, PyFunction};
use crate::vm::Value;
use std::rc::Rc;

/// Where an exception passed: a code object and the instruction (code-unit index) that was running.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub lasti: usize,
}

pub struct Frame {
    pub code: Rc<Code>,
    pub func: Option<Rc<PyFunction>>,
    pub globals: Rc<PyDict>,
    pub builtins: Rc<PyDict>,
    /// The namespace of `*_NAME` instructions (module globals, or a class body's dict).
    pub locals: Option<Rc<PyDict>>,
    /// Locals-plus slots, then the value stack.
    pub slots: Vec<Value>,
    /// Index of the next free stack slot.
    pub sp: usize,
    /// Index of the next code unit to execute.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and line numbers).
    pub lasti: usize,
    /// Constant index of the keyword names for the next CALL (`u32::MAX`: none).
    pub kwnames: u32,
}

impl Frame {
    pub fn new(
        code: Rc<Code>,
        globals: Rc<PyDict>,
        builtins: Rc<PyDict>,
        mut slots: Vec<Value>,
    ) -> Frame {
        let n = code.localsplus.len() + code.stacksize as usize;
        slots.clear();
        slots.resize(n, Value::Null);
        let sp = code.localsplus.len();
        Frame {
            code,
            func: None,
            globals,
            builtins,
            locals: None,
            slots,
            sp,
            ip: 0,
            lasti: 0,
            kwnames: u32::MAX,
        }
    }

    /// Index of the first stack slot.
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.code.localsplus.len()
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.slots[self.sp] = v;
        self.sp += 1;
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        self.sp -= 1;
        std::mem::replace(&mut self.slots[self.sp], Value::Null)
    }

    #[inline]
    pub fn top(&self) -> &Value {
        &self.slots[self.sp - 1]
    }

    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        &self.slots[self.sp - n]
    }

    /// Drops stack values down to `depth` items above the base.
    pub fn truncate_stack(&mut self, depth: usize) {
        let target = self.stack_base() + depth;
        while self.sp > target {
            self.pop();
        }
    }

    /// The source line of the instruction being executed.
    pub fn line(&self) -> i32 {
        self.code.line_of(self.lasti)
    }
}
