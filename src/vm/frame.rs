//! Frames: the activation record of one code object. Locals-plus slots (fast locals, cells, free
//! variables) and the value stack share one buffer, CPython-style.

use crate::bytecode::Code;
use crate::objects::{PyDict, PyFunction};
use crate::vm::Value;
use std::ptr::NonNull;
use std::rc::Rc;

/// Where an exception passed: a code object and the instruction (code-unit index) that was running.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub lasti: usize,
    /// The frame's globals, where a NameError's "Did you mean" looks second.
    pub globals: Rc<PyDict>,
}

/// A frame's slot buffer. It is reached only through its raw pointer (never through a slice
/// reference that outlives one access), so the interpreter loop can keep a pointer into it in a
/// register across calls. Every slot of the whole allocation (`..cap`) always holds a valid
/// `Value`, `Null` when unused; so a recycled buffer is ready for its next frame as it is.
pub struct Slots {
    ptr: NonNull<Value>,
    len: usize,
    cap: usize,
}

impl Slots {
    /// A buffer of `len` Null slots, reusing `spare`'s allocation when it is large enough.
    pub fn new(len: usize, spare: Option<Slots>) -> Slots {
        if let Some(mut s) = spare {
            if s.cap >= len {
                s.clear();
                s.len = len;
                return s;
            }
        }
        let mut v: Vec<Value> = Vec::with_capacity(len.max(1));
        v.resize(v.capacity(), Value::Null);
        let cap = v.capacity();
        let mut v = std::mem::ManuallyDrop::new(v);
        // SAFETY: a Vec's pointer is never null.
        let ptr = unsafe { NonNull::new_unchecked(v.as_mut_ptr()) };
        Slots { ptr, len, cap }
    }

    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The buffer's base pointer (valid until the frame is dropped or recycled).
    #[inline(always)]
    pub fn as_ptr(&self) -> *mut Value {
        self.ptr.as_ptr()
    }

    /// Drops every value, leaving `Null`s, and marks the buffer empty (its allocation is kept).
    pub fn clear(&mut self) {
        self.clear_below(self.len);
    }

    /// Like `clear`, for a buffer whose slots from `n` on are known to hold `Null` already.
    pub fn clear_below(&mut self, n: usize) {
        let len = std::mem::replace(&mut self.len, 0).min(n);
        for i in 0..len {
            // SAFETY: i < old len <= cap: a valid value, replaced by Null and dropped once.
            unsafe { std::ptr::replace(self.ptr.as_ptr().add(i), Value::Null).discard() };
        }
    }

    /// Puts new references to `args` in the first slots, which hold `Null` (a call's
    /// arguments into a fresh buffer). An immediate is copied as its two words: a `Value` made
    /// by `clone` is stored as two words and read back as one 16-byte load, which the CPU
    /// cannot forward from the stores (a stall of a dozen cycles per argument).
    pub fn put_args(&mut self, args: &[Value]) {
        assert!(args.len() <= self.len);
        for (i, a) in args.iter().enumerate() {
            // SAFETY: i < len; the slot holds Null, which owns nothing, so it is overwritten
            // without a drop. An immediate's words are all of it (it owns nothing either).
            unsafe {
                let dst = self.ptr.as_ptr().add(i);
                if a.is_heap() {
                    std::ptr::write(dst, a.clone());
                } else {
                    std::ptr::copy_nonoverlapping(a, dst, 1);
                }
            }
        }
    }

    /// The slots `range` as a slice (bounds checked).
    pub fn slice(&self, range: std::ops::Range<usize>) -> &[Value] {
        assert!(range.start <= range.end && range.end <= self.len);
        // SAFETY: the range lies within the initialised part of the buffer.
        unsafe {
            std::slice::from_raw_parts(self.ptr.as_ptr().add(range.start), range.end - range.start)
        }
    }
}

impl std::ops::Index<usize> for Slots {
    type Output = Value;
    fn index(&self, i: usize) -> &Value {
        assert!(i < self.len);
        // SAFETY: bounds checked above.
        unsafe { &*self.ptr.as_ptr().add(i) }
    }
}

impl std::ops::IndexMut<usize> for Slots {
    fn index_mut(&mut self, i: usize) -> &mut Value {
        assert!(i < self.len);
        // SAFETY: bounds checked above.
        unsafe { &mut *self.ptr.as_ptr().add(i) }
    }
}

impl Drop for Slots {
    fn drop(&mut self) {
        self.clear();
        // SAFETY: ptr and cap come from a Vec<Value> we took apart in `new`; every slot holds
        // Null now, which owns nothing, so the allocation is freed without dropping values.
        unsafe { drop(Vec::from_raw_parts(self.ptr.as_ptr(), 0, self.cap)) };
    }
}

pub struct Frame {
    pub code: Rc<Code>,
    pub func: Option<Rc<PyFunction>>,
    pub globals: Rc<PyDict>,
    /// The namespace of `*_NAME` instructions (module globals, or a class body's dict).
    pub locals: Option<Rc<PyDict>>,
    /// Locals-plus slots, then the value stack.
    pub slots: Slots,
    /// Index of the next free stack slot.
    pub sp: usize,
    /// Index of the next code unit to execute.
    pub ip: usize,
    /// Index of the instruction being executed (for tracebacks and line numbers).
    pub lasti: usize,
    /// Constant index of the keyword names for the next CALL (`u32::MAX`: none).
    pub kwnames: u32,
    /// The instruction executed last, while a line profiler traces the frame (-1: none yet).
    pub trace_prev: i32,
}

impl Frame {
    /// A frame for `code` running in `globals` (builtins are the VM's), with its slot buffer
    /// taken from `spare` when that is large enough.
    pub fn new(code: Rc<Code>, globals: Rc<PyDict>, spare: Option<Slots>) -> Frame {
        let n = code.localsplus.len() + code.stacksize as usize;
        Frame::with_slots(code, globals, Slots::new(n, spare))
    }

    /// A frame for `code` whose slot buffer (sized for it) is `slots` as it is: a call's
    /// arguments may be in place already.
    pub fn with_slots(code: Rc<Code>, globals: Rc<PyDict>, slots: Slots) -> Frame {
        let sp = code.localsplus.len();
        Frame {
            code,
            func: None,
            globals,
            locals: None,
            slots,
            sp,
            ip: 0,
            lasti: 0,
            kwnames: u32::MAX,
            trace_prev: -1,
        }
    }

    /// Index of the first stack slot.
    #[inline]
    pub fn stack_base(&self) -> usize {
        self.code.localsplus.len()
    }

    // Stack discipline. The compiler computes each code object's maximum stack depth from the
    // opcode table's stack effects (the same table the interpreter follows), and `Frame::new`
    // sizes `slots` to locals-plus + that depth; so `stack_base <= sp <= slots.len()` holds on
    // every instruction boundary. The checks below verify it in debug builds (the test suite),
    // release builds rely on it. Slots at or above `sp` always hold `Null`.

    /// Pushes a value (the slot above the stack is `Null`, so nothing is dropped).
    #[inline(always)]
    pub fn push(&mut self, v: Value) {
        debug_assert!(
            self.sp < self.slots.len(),
            "stack overflow in {}",
            self.code.qualname
        );
        // SAFETY: sp < slots.len() by the stack-depth invariant; the slot holds Null, which owns
        // nothing, so it is overwritten without a drop.
        unsafe { crate::vm::value::write_slot(self.slots.as_ptr().add(self.sp), v) };
        self.sp += 1;
    }

    /// Pops a value, leaving `Null` in its slot.
    #[inline(always)]
    pub fn pop(&mut self) -> Value {
        debug_assert!(
            self.sp > self.stack_base(),
            "stack underflow in {}",
            self.code.qualname
        );
        self.sp -= 1;
        // SAFETY: stack_base <= sp < slots.len() by the stack-depth invariant.
        unsafe {
            let p = self.slots.as_ptr().add(self.sp);
            let v = crate::vm::value::read_slot(p);
            crate::vm::value::write_slot(p, Value::Null);
            v
        }
    }

    #[inline(always)]
    pub fn top(&self) -> &Value {
        self.peek(1)
    }

    #[inline(always)]
    pub fn peek(&self, n: usize) -> &Value {
        debug_assert!(n >= 1 && self.sp >= self.stack_base() + n);
        // SAFETY: the compiler only emits peeks within the current stack depth.
        unsafe { &*self.slots.as_ptr().add(self.sp - n) }
    }

    /// Stores into a local slot, dropping what it held.
    #[inline(always)]
    pub fn store(&mut self, i: usize, v: Value) {
        self.slots[i] = v;
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
