//! The dispatch loop: executes one frame's bytecode until it returns, yields or raises.
//!
//! Errors raised by an instruction unwind through the code object's exception table: the stack is
//! cut to the handler's depth, the exception pushed, and execution continues at the handler. An
//! exception with no handler leaves the frame after recording a traceback entry for it.

use super::exceptions::{exc_state, ExcKind, PyErr, PyResult};
use super::frame::{Frame, TracebackEntry};
use super::ops::Cmp;
use super::types::type_name;
use super::value::{alloc, Value};
use super::Vm;
use crate::bytecode::code::GlobalCache;
use crate::bytecode::opcodes::{nb, Opcode};
use crate::objects::{int, IterKind, PyCell, PyDict, PySlice};
use std::rc::Rc;

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// A generator function's frame reached RETURN_GENERATOR: the caller wraps it in a generator.
    Generator,
}

/// An exception unwinding through the loop. `traceback` is false for re-raises, which must not add
/// another traceback entry for this frame. `handler_at` is the code unit whose exception-table
/// entry applies when it is not `f.lasti`: RERAISE restores `f.lasti` to where the exception first
/// happened (for the traceback and the pushed `lasti`), but its handler is the one covering the
/// RERAISE itself, as in CPython's `exception_unwind`.
pub(crate) struct Unwind {
    pub err: PyErr,
    pub traceback: bool,
    pub handler_at: Option<usize>,
}

impl From<PyErr> for Unwind {
    fn from(err: PyErr) -> Unwind {
        Unwind {
            err,
            traceback: true,
            handler_at: None,
        }
    }
}

/// Least Rust stack we keep in reserve before refusing to enter another Python frame.
const STACK_RESERVE: usize = 256 * 1024;

impl Vm {
    /// Runs a frame to completion (or to its next yield).
    pub fn run_frame(&mut self, f: &mut Frame) -> PyResult<Exit> {
        self.run_frame_with(f, None)
    }

    /// Resumes a suspended frame by raising `err` at the instruction where it stopped
    /// (`generator.throw`).
    pub(crate) fn resume_with_error(&mut self, f: &mut Frame, err: PyErr) -> PyResult<Exit> {
        self.run_frame_with(f, Some(err))
    }

    fn run_frame_with(&mut self, f: &mut Frame, pending: Option<PyErr>) -> PyResult<Exit> {
        if self.depth >= self.recursion_limit || self.stack_exhausted() {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        self.scopes.push((f.globals.clone(), f.locals.clone()));
        // A call is a step for the limits; what their check raises, the frame raises at its
        // first instruction (as CPython's check at RESUME does).
        let pending = match pending {
            None => self.tick().err(),
            some => some,
        };
        let result = self.run_entered_frame(f, pending);
        self.scopes.pop();
        self.depth -= 1;
        result
    }

    /// Runs a frame from `f.ip` (raising `pending` first), once its depth and scope are
    /// counted (`run_frame_with`).
    pub(crate) fn run_entered_frame(
        &mut self,
        f: &mut Frame,
        pending: Option<PyErr>,
    ) -> PyResult<Exit> {
        let profiling = self.profiler.is_some();
        // A generator function's frame starting at 0 only builds the generator (it stops at
        // RETURN_GENERATOR, before RESUME): profilers see its first resumption as the call.
        let traced = profiling && !(f.ip == 0 && f.code.is_generator());
        let line_slot = if traced { self.profile_enter(f) } else { None };
        let mut result = Ok(());
        if let Some(err) = pending {
            result = self.unwind(
                f,
                Unwind {
                    err,
                    traceback: true,
                    handler_at: None,
                },
            );
        }
        let result = match result {
            Err(e) => Err(e),
            Ok(()) => loop {
                let recording = self.jit_recording_here();
                // Recording comes first: a profiler installed with the JIT on (a counting run
                // of `pyvm bench`) must not keep the JIT from recording the loops it compiles.
                // The recording variant counts instructions but reports no line events (the
                // recorded iteration's lines are not profiled; `pyvm profile` runs no JIT).
                let step = if recording {
                    self.execute::<false, true>(f, None)
                } else if profiling {
                    self.execute::<true, false>(f, line_slot)
                } else {
                    self.execute::<false, false>(f, None)
                };
                match step {
                    // The JIT starts or stops recording this frame: go on in the other mode.
                    Ok(None) => {}
                    Ok(Some(exit)) => {
                        // An inlined callee's return hands the recording back to its caller.
                        if recording && self.jit_recording_here() {
                            self.jit_abandon("the frame returned or yielded");
                        }
                        break Ok(exit);
                    }
                    Err(u) => {
                        if recording {
                            self.jit_abandon("an exception was raised");
                        }
                        if let Err(e) = self.unwind(f, u) {
                            break Err(e);
                        }
                    }
                }
            },
        };
        if traced {
            self.profile_exit(line_slot);
        }
        result
    }

    /// A traced frame starts or resumes: the function profiler's call event; the slot of its
    /// code object if the line profiler follows it.
    fn profile_enter(&mut self, f: &Frame) -> Option<usize> {
        let p = self.profiler.as_mut()?;
        if let Some(calls) = &mut p.calls {
            calls.enter_code(&f.code);
        }
        p.lines.as_mut()?.slot_for(&f.code)
    }

    /// A traced frame returned, yielded or was left by an exception.
    fn profile_exit(&mut self, line_slot: Option<usize>) {
        let Some(p) = self.profiler.as_mut() else {
            return;
        };
        if let Some(calls) = &mut p.calls {
            calls.exit();
        }
        if let (Some(lines), Some(slot)) = (&mut p.lines, line_slot) {
            lines.frame_exit(slot);
        }
    }

    /// Line tracing, before each instruction of a line-profiled frame: a line event fires when
    /// execution enters a different line or jumps backwards (CPython 3.11's
    /// `maybe_call_line_trace`, whose events line_profiler counts). Instructions without a line
    /// fire nothing, and make the next instruction with one fire.
    #[inline(never)]
    fn trace_step(&mut self, f: &mut Frame, at: usize, op: Opcode, first: usize, slot: usize) {
        let prev = std::mem::replace(&mut f.trace_prev, at as i32);
        if at < first || op == Opcode::RESUME {
            return;
        }
        let last_line = if prev <= first as i32 {
            -1
        } else {
            f.code.line_of(prev as usize)
        };
        let line = f.code.line_of(at);
        // A backward jump to SEND is `yield from` resuming its delegation, not a loop.
        if line >= 0 && (line != last_line || ((at as i32) < prev && op != Opcode::SEND)) {
            if let Some(lines) = self.profiler.as_mut().and_then(|p| p.lines.as_mut()) {
                lines.line_event(slot, line as u32);
            }
        }
    }

    /// Calls a builtin from bytecode, reporting it to the function profiler when one runs.
    fn call_builtin_profiled(
        &mut self,
        b: &crate::objects::PyBuiltin,
        run: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        match self.profiler.as_mut().and_then(|p| p.calls.as_mut()) {
            Some(calls) => {
                calls.enter_builtin(b);
                let r = run(self);
                if let Some(calls) = self.profiler.as_mut().and_then(|p| p.calls.as_mut()) {
                    calls.exit();
                }
                r
            }
            None => run(self),
        }
    }

    /// Whether the Rust stack is too close to its end for another Python frame. The limit is
    /// found once (the VM stays on one thread); each frame then compares one address.
    pub(crate) fn stack_exhausted(&mut self) -> bool {
        let marker = 0u8;
        let here = std::ptr::addr_of!(marker) as usize;
        if self.stack_floor == 0 {
            self.stack_floor = match stacker::remaining_stack() {
                Some(left) => (here - left.min(here)).saturating_add(STACK_RESERVE),
                None => 1,
            };
        }
        here < self.stack_floor
    }

    /// Records the traceback entry and jumps to the handler, or gives the error back.
    fn unwind(&mut self, f: &mut Frame, u: Unwind) -> PyResult<()> {
        if u.traceback {
            if let Some(state) = exc_state(&u.err.value) {
                let fresh = state.borrow().traceback.is_empty();
                if fresh {
                    // Raised here, not propagated from a callee: chain it to the exception
                    // being handled (errors from operations never went through `do_raise`).
                    self.set_context(&u.err.value);
                }
                state.borrow_mut().traceback.push(TracebackEntry {
                    code: f.code.clone(),
                    lasti: f.lasti,
                    globals: f.globals.clone(),
                });
            }
        }
        let Some(h) = f.code.handler_for(u.handler_at.unwrap_or(f.lasti)).copied() else {
            return Err(u.err);
        };
        f.truncate_stack(h.depth as usize);
        if h.lasti {
            f.push(Value::Int(f.lasti as i64));
        }
        f.push(u.err.value);
        f.ip = h.target as usize;
        f.kwnames = u32::MAX;
        Ok(())
    }

    /// The instruction loop. Hot instructions are handled here with the stack pointer and the
    /// slot buffer's base in locals; everything else goes through `execute_rare` with the frame
    /// synchronised.
    ///
    /// `PROFILING` selects the variant that reports to the installed profiler: line events for
    /// a frame whose code is line-profiled (`line_slot`), and builtin calls. The plain variant
    /// carries no trace of it. The profiling and recording variants count the instructions they
    /// dispatch (`Vm::dispatched`).
    ///
    /// `RECORDING` selects the variant that reports each instruction to the JIT's recorder
    /// before running it; it returns `Ok(None)` when the recording is over, with the frame at
    /// the instruction not yet run.
    fn execute<const PROFILING: bool, const RECORDING: bool>(
        &mut self,
        f: &mut Frame,
        line_slot: Option<usize>,
    ) -> Result<Option<Exit>, Unwind> {
        let code = f.code.clone();
        let first_traceable = if PROFILING && line_slot.is_some() {
            code.first_traceable()
        } else {
            0
        };
        let units = &code.code[..];
        let consts = &code.consts[..];
        let base = f.slots.as_ptr();
        let stack_base = code.localsplus.len();
        let mut sp = f.sp;
        // The instruction pointer also lives in a local; the frame's copy is written only when
        // the loop exits (return, yield, or an error, whose handler sets it anew).
        let mut ip = f.ip;
        // Where the current instruction starts. It reaches `f.lasti` only when something needs
        // it (an error, a yield, a rare instruction): the hot path never stores it.
        let mut start: usize = ip;

        // Stack and slot access through `base`. SAFETY (all macros): `base` is the frame's slot
        // buffer, which is never reallocated while the frame runs; local indices come from the
        // compiler (< co_nlocalsplus) and `stack_base <= sp <= slots.len()` holds by the
        // stack-depth invariant documented on `Frame`. Slots at or above `sp` hold Null.
        macro_rules! slot {
            ($i:expr) => {{
                let i: usize = $i;
                debug_assert!(i < f.slots.len());
                unsafe { &mut *base.add(i) }
            }};
        }
        macro_rules! push {
            ($v:expr) => {{
                let v: Value = $v;
                debug_assert!(sp < f.slots.len(), "stack overflow in {}", code.qualname);
                unsafe { super::value::write_slot(base.add(sp), v) };
                sp += 1;
            }};
        }
        macro_rules! pop {
            () => {{
                debug_assert!(sp > stack_base, "stack underflow in {}", code.qualname);
                sp -= 1;
                let v = unsafe { super::value::read_slot(base.add(sp)) };
                unsafe { super::value::write_slot(base.add(sp), Value::Null) };
                v
            }};
        }
        macro_rules! top {
            () => {
                slot!(sp - 1)
            };
        }
        // Leaves the loop with an error (the frame's stack pointer and the position of the
        // failing instruction, `f.lasti`, are synchronised first).
        macro_rules! fail {
            ($e:expr) => {{
                f.lasti = start;
                f.sp = sp;
                return Err(Unwind::from($e));
            }};
        }
        macro_rules! tri {
            ($e:expr) => {
                match $e {
                    Ok(v) => v,
                    Err(e) => fail!(e),
                }
            };
        }

        // What the JIT did at a hot loop header or function entry (`f.ip`).
        macro_rules! jit_action {
            ($action:expr) => {
                match $action {
                    crate::jit::LoopAction::Continue => {}
                    crate::jit::LoopAction::Resumed => {
                        ip = f.ip;
                        sp = f.sp;
                    }
                    crate::jit::LoopAction::Record => return Ok(None),
                    crate::jit::LoopAction::Raise(e) => {
                        sp = f.sp;
                        start = f.lasti;
                        fail!(e);
                    }
                }
            };
        }
        // A back edge arrived at the loop header `ip`: a step for the limits (whose check may
        // raise, as at the jump), then counted and handed to the JIT when hot.
        macro_rules! back_edge {
            () => {
                self.ticks -= 1;
                if self.ticks <= 0 {
                    tri!(self.check_limits());
                }
                if self.backedge(&code, ip) {
                    f.ip = ip;
                    f.sp = sp;
                    jit_action!(self.jit_loop(f));
                }
            };
        }

        loop {
            if super::finalize::pending() {
                // A generator was abandoned by the instruction at `start`: close it now.
                f.sp = sp;
                let here = TracebackEntry {
                    code: code.clone(),
                    lasti: start,
                    globals: f.globals.clone(),
                };
                self.close_abandoned(Some(here));
            }
            debug_assert!(ip < units.len());
            // SAFETY: every path through a code object ends in a return, raise or in-bounds jump
            // (the assembler resolves every jump to a block offset), so ip stays < len.
            let unit = unsafe { *units.get_unchecked(ip) };
            // Where the instruction's units start (its EXTENDED_ARG prefixes, if any).
            let first = ip;
            let (op, arg) = if unit.op == Opcode::EXTENDED_ARG {
                let (_, op, arg, next) = code.decode(ip);
                ip = next - 1 - op.caches();
                (op, arg)
            } else {
                (unit.op, unit.arg as u32)
            };
            start = ip;
            ip += 1;
            if PROFILING || RECORDING {
                self.dispatched += 1;
            }
            if RECORDING {
                f.sp = sp;
                if !self.jit_record_step(f, start, op, arg) {
                    f.ip = first;
                    return Ok(None);
                }
            }
            if PROFILING {
                if let Some(slot) = line_slot {
                    self.trace_step(f, start, op, first_traceable, slot);
                }
            }
            match op {
                Opcode::NOP | Opcode::CACHE | Opcode::EXTENDED_ARG => {}
                Opcode::RESUME => {
                    // A function's entry (RESUME 0; the call was the step for the limits),
                    // counted like a back edge: a hot one runs the function's compiled tree.
                    if arg == 0 && self.backedge(&code, start) {
                        f.ip = start;
                        f.sp = sp;
                        jit_action!(self.jit_entry(f));
                    }
                }
                Opcode::PRECALL => ip += 1,
                Opcode::LOAD_FAST => {
                    let v = slot!(arg as usize).clone();
                    if v.is_null() {
                        fail!(self.unbound_local(&code, arg));
                    }
                    push!(v);
                }
                Opcode::STORE_FAST => {
                    let v = pop!();
                    let p = slot!(arg as usize) as *mut Value;
                    // SAFETY: p is a valid local slot; its old value is moved out before the
                    // new one is written.
                    unsafe {
                        let old = super::value::read_slot(p);
                        super::value::write_slot(p, v);
                        old.discard();
                    }
                }
                Opcode::LOAD_CONST => {
                    debug_assert!((arg as usize) < consts.len());
                    // SAFETY: the compiler emits constant indices < len(co_consts).
                    push!(unsafe { consts.get_unchecked(arg as usize) }.clone());
                }
                Opcode::POP_TOP => pop!().discard(),
                Opcode::PUSH_NULL => push!(Value::Null),
                Opcode::COPY => {
                    let v = slot!(sp - arg as usize).clone();
                    push!(v);
                }
                Opcode::SWAP => {
                    // SAFETY: both indices are within the current stack (stack-depth invariant).
                    unsafe { std::ptr::swap(base.add(sp - 1), base.add(sp - arg as usize)) };
                }
                Opcode::BINARY_OP => {
                    ip += 1;
                    let b = pop!();
                    let a = pop!();
                    push!(tri!(self.binary_value(arg, a, b)));
                }
                Opcode::COMPARE_OP => {
                    ip += 2;
                    let b = pop!();
                    let a = pop!();
                    let cmp = Cmp::from_arg(arg);
                    let r = match compare_quick(cmp, &a, &b) {
                        Some(r) => r,
                        None => {
                            let r = tri!(self.compare(cmp, &a, &b));
                            a.discard();
                            b.discard();
                            push!(r);
                            continue;
                        }
                    };
                    a.discard();
                    b.discard();
                    // As CPython's COMPARE_OP_*_JUMP: a comparison that feeds a conditional jump
                    // takes the jump itself, without pushing the bool.
                    let next = units.get(ip).copied();
                    match next.map(|u| (u.op, u.arg as usize)) {
                        Some((Opcode::POP_JUMP_FORWARD_IF_FALSE, delta)) => {
                            ip += 1;
                            if !r {
                                ip += delta;
                            }
                        }
                        Some((Opcode::POP_JUMP_FORWARD_IF_TRUE, delta)) => {
                            ip += 1;
                            if r {
                                ip += delta;
                            }
                        }
                        Some((Opcode::POP_JUMP_BACKWARD_IF_FALSE, delta)) if !r => {
                            ip = ip + 1 - delta;
                            back_edge!();
                        }
                        Some((Opcode::POP_JUMP_BACKWARD_IF_TRUE, delta)) if r => {
                            ip = ip + 1 - delta;
                            back_edge!();
                        }
                        Some((
                            Opcode::POP_JUMP_BACKWARD_IF_FALSE | Opcode::POP_JUMP_BACKWARD_IF_TRUE,
                            _,
                        )) => ip += 1,
                        _ => push!(Value::Bool(r)),
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_FALSE => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => tri!(self.truthy(&other)),
                    };
                    if !truth {
                        ip += arg as usize;
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_TRUE => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => tri!(self.truthy(&other)),
                    };
                    if truth {
                        ip += arg as usize;
                    }
                }
                Opcode::POP_JUMP_BACKWARD_IF_FALSE => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => tri!(self.truthy(&other)),
                    };
                    if !truth {
                        ip -= arg as usize;
                        back_edge!();
                    }
                }
                Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                    let v = pop!();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => tri!(self.truthy(&other)),
                    };
                    if truth {
                        ip -= arg as usize;
                        back_edge!();
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_NONE => {
                    if pop!().is_none() {
                        ip += arg as usize;
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_NOT_NONE => {
                    if !pop!().is_none() {
                        ip += arg as usize;
                    }
                }
                Opcode::POP_JUMP_BACKWARD_IF_NONE => {
                    if pop!().is_none() {
                        ip -= arg as usize;
                        back_edge!();
                    }
                }
                Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    if !pop!().is_none() {
                        ip -= arg as usize;
                        back_edge!();
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                    let truth = match top!() {
                        Value::Bool(b) => *b,
                        other => {
                            let other = other.clone();
                            tri!(self.truthy(&other))
                        }
                    };
                    if truth == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                        ip += arg as usize;
                    } else {
                        pop!().discard();
                    }
                }
                Opcode::JUMP_FORWARD => ip += arg as usize,
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    ip -= arg as usize;
                    back_edge!();
                }
                Opcode::GET_ITER => {
                    let v = pop!();
                    let it = tri!(self.iter(&v));
                    push!(it);
                }
                Opcode::FOR_ITER => {
                    let next = tri!(self.for_iter_next(top!()));
                    match next {
                        Some(v) => push!(v),
                        None => {
                            pop!();
                            ip += arg as usize;
                        }
                    }
                }
                Opcode::BINARY_SUBSCR => {
                    ip += 4;
                    let index = pop!();
                    let container = pop!();
                    let r = tri!(self.subscript(&container, &index));
                    index.discard();
                    push!(r);
                }
                Opcode::STORE_SUBSCR => {
                    ip += 1;
                    let index = pop!();
                    let container = pop!();
                    let value = pop!();
                    tri!(self.store_subscr(&container, &index, value));
                }
                Opcode::LOAD_GLOBAL => {
                    let name = &code.names[(arg >> 1) as usize];
                    let cache_slot = units[ip].arg as usize;
                    ip += 5;
                    let v = tri!(self.load_global(f, &code, name, cache_slot));
                    if arg & 1 != 0 {
                        push!(Value::Null);
                    }
                    push!(v);
                }
                Opcode::LOAD_ATTR => {
                    ip += 4;
                    let obj = pop!();
                    let v = tri!(self.getattr(&obj, &code.names[arg as usize]));
                    push!(v);
                }
                Opcode::STORE_ATTR => {
                    ip += 4;
                    let obj = pop!();
                    let v = pop!();
                    tri!(self.setattr(&obj, &code.names[arg as usize], v));
                }
                Opcode::LOAD_METHOD => {
                    let cache = code.method_caches.get(units[ip].arg as usize);
                    ip += 10;
                    let obj = pop!();
                    let name = &code.names[arg as usize];
                    match tri!(self.load_method_cached(&obj, name, cache)) {
                        Some(method) => {
                            push!(method);
                            push!(obj);
                        }
                        None => {
                            let v = tri!(self.getattr(&obj, name));
                            push!(Value::Null);
                            push!(v);
                        }
                    }
                }
                Opcode::KW_NAMES => f.kwnames = arg,
                Opcode::CALL => {
                    ip += 4;
                    f.sp = sp;
                    let r = self.call_on_stack::<PROFILING>(f, &code, arg as usize);
                    sp = f.sp;
                    tri!(r);
                }
                Opcode::RETURN_VALUE => {
                    let v = pop!();
                    f.sp = sp;
                    f.ip = ip;
                    return Ok(Some(Exit::Return(v)));
                }
                Opcode::YIELD_VALUE => {
                    let v = pop!();
                    // `throw()` raises at the yield.
                    f.lasti = start;
                    f.sp = sp;
                    f.ip = ip;
                    return Ok(Some(Exit::Yield(v)));
                }
                Opcode::RETURN_GENERATOR => {
                    f.sp = sp;
                    f.ip = ip;
                    return Ok(Some(Exit::Generator));
                }
                Opcode::SEND => {
                    let v = pop!();
                    let receiver = top!().clone();
                    match tri!(self.send(&receiver, v)) {
                        super::iter::SendResult::Yield(r) => push!(r),
                        super::iter::SendResult::Return(r) => {
                            pop!().discard();
                            push!(r);
                            ip += arg as usize;
                        }
                    }
                }
                Opcode::BUILD_TUPLE | Opcode::BUILD_LIST => {
                    let n = arg as usize;
                    let mut items = Vec::with_capacity(n);
                    for k in sp - n..sp {
                        items.push(std::mem::replace(slot!(k), Value::Null));
                    }
                    sp -= n;
                    push!(if op == Opcode::BUILD_TUPLE {
                        Value::tuple(items)
                    } else {
                        Value::list(items)
                    });
                }
                Opcode::LIST_APPEND => {
                    let v = pop!();
                    if let Value::List(l) = slot!(sp - arg as usize) {
                        l.push(v);
                    }
                }
                Opcode::UNPACK_SEQUENCE => {
                    ip += 1;
                    let v = pop!();
                    let items = tri!(self.unpack_items(&v, arg as usize));
                    for item in items.into_iter().rev() {
                        push!(item);
                    }
                }
                Opcode::IS_OP => {
                    let b = pop!();
                    let a = pop!();
                    push!(Value::Bool(a.is(&b) != (arg == 1)));
                }
                Opcode::CONTAINS_OP => {
                    let container = pop!();
                    let item = pop!();
                    let r = tri!(self.contains(&container, &item));
                    push!(Value::Bool(r != (arg == 1)));
                }
                Opcode::UNARY_NOT => {
                    let v = pop!();
                    let r = match v {
                        Value::Bool(b) => !b,
                        other => !tri!(self.truthy(&other)),
                    };
                    push!(Value::Bool(r));
                }
                Opcode::UNARY_NEGATIVE => {
                    let v = pop!();
                    push!(tri!(self.negate(v)));
                }
                Opcode::LOAD_DEREF => {
                    let v = match slot!(arg as usize) {
                        Value::Cell(c) => c.get(),
                        other => other.clone(),
                    };
                    if v.is_null() {
                        fail!(self.unbound_deref(&code, arg));
                    }
                    push!(v);
                }
                Opcode::STORE_DEREF => {
                    let v = pop!();
                    match slot!(arg as usize) {
                        Value::Cell(c) => c.set(v),
                        s => *s = Value::Cell(alloc(PyCell::new(v))),
                    }
                }
                Opcode::RAISE_VARARGS => {
                    let cause = if arg == 2 { Some(pop!()) } else { None };
                    let exc = if arg >= 1 { Some(pop!()) } else { None };
                    f.lasti = start;
                    f.sp = sp;
                    return Err(self.do_raise(exc, cause));
                }
                Opcode::RERAISE => {
                    let exc = pop!();
                    let at = start;
                    f.lasti = start;
                    if arg != 0 {
                        if let Value::Int(i) = slot!(sp - arg as usize) {
                            f.lasti = *i as usize;
                        }
                    }
                    f.sp = sp;
                    return Err(Unwind {
                        err: PyErr::from_value(exc),
                        traceback: false,
                        handler_at: Some(at),
                    });
                }
                _ => {
                    f.lasti = start;
                    f.sp = sp;
                    let r = self.execute_rare(f, &code, op, arg);
                    sp = f.sp;
                    tri!(r);
                    ip += op.caches();
                }
            }
        }
    }

    /// A back edge arrived at the loop header at code unit `header`: counts it, and tells
    /// whether the loop is hot (the JIT wants to see it).
    #[inline(always)]
    fn backedge(&mut self, code: &crate::bytecode::Code, header: usize) -> bool {
        let c = &code.backedges[header];
        let n = c.get().wrapping_add(1);
        c.set(n);
        n >= self.jit_threshold
    }

    /// The less frequent instructions, with the frame's stack pointer synchronised.
    #[inline(never)]
    fn execute_rare(
        &mut self,
        f: &mut Frame,
        code: &Rc<crate::bytecode::Code>,
        op: Opcode,
        arg: u32,
    ) -> PyResult<()> {
        match op {
            Opcode::DELETE_FAST => {
                if f.slots[arg as usize].is_null() {
                    return Err(self.unbound_local(code, arg));
                }
                f.slots[arg as usize] = Value::Null;
            }
            Opcode::DELETE_SUBSCR => {
                let index = f.pop();
                let container = f.pop();
                self.delitem(&container, &index)?;
            }
            Opcode::STORE_GLOBAL => {
                let v = f.pop();
                f.globals.set_pystr(&code.names[arg as usize], v);
            }
            Opcode::DELETE_GLOBAL => {
                let name = code.names[arg as usize].as_str().unwrap_or("");
                if f.globals.remove_str(name).is_none() {
                    return Err(PyErr::name_error(name));
                }
            }
            Opcode::LOAD_NAME => {
                let name = code.names[arg as usize].as_str().unwrap_or("");
                let v = self.load_name(f, name)?;
                f.push(v);
            }
            Opcode::STORE_NAME => {
                let v = f.pop();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                locals.set_pystr(&code.names[arg as usize], v);
            }
            Opcode::DELETE_NAME => {
                let name = code.names[arg as usize].as_str().unwrap_or("");
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if locals.remove_str(name).is_none() {
                    return Err(PyErr::name_error(name));
                }
            }
            Opcode::MAKE_CELL => {
                let v = std::mem::replace(&mut f.slots[arg as usize], Value::Null);
                f.slots[arg as usize] = Value::Cell(alloc(PyCell::new(v)));
            }
            Opcode::COPY_FREE_VARS => {
                if let Some(func) = f.func.clone() {
                    let n = arg as usize;
                    let start = code.localsplus.len() - n;
                    for (k, cell) in func.closure.iter().take(n).enumerate() {
                        f.slots[start + k] = cell.clone();
                    }
                }
            }
            Opcode::LOAD_CLOSURE => {
                let v = f.slots[arg as usize].clone();
                f.push(v);
            }
            Opcode::LOAD_CLASSDEREF => {
                let name = &code.localsplus[arg as usize];
                let v = match f.locals.as_ref().and_then(|l| l.get_str(name)) {
                    Some(v) => v,
                    None => match &f.slots[arg as usize] {
                        Value::Cell(c) => c.get(),
                        other => other.clone(),
                    },
                };
                if v.is_null() {
                    return Err(self.unbound_deref(code, arg));
                }
                f.push(v);
            }
            Opcode::DELETE_DEREF => {
                if let Value::Cell(c) = &f.slots[arg as usize] {
                    if c.get().is_null() {
                        return Err(self.unbound_deref(code, arg));
                    }
                    c.set(Value::Null);
                }
            }
            Opcode::UNARY_POSITIVE | Opcode::UNARY_INVERT => {
                let v = f.pop();
                let kind = if op == Opcode::UNARY_POSITIVE {
                    crate::syntax::ast::UnaryOp::UAdd
                } else {
                    crate::syntax::ast::UnaryOp::Invert
                };
                let r = self.unary_op(kind, &v)?;
                f.push(r);
            }
            Opcode::BUILD_SET => {
                let n = arg as usize;
                let mut items = Vec::with_capacity(n);
                for _ in 0..n {
                    items.push(f.pop());
                }
                items.reverse();
                let s = self.new_set(items, false)?;
                f.push(s);
            }
            Opcode::BUILD_MAP => {
                let n = arg as usize;
                let mut items = Vec::with_capacity(2 * n);
                for _ in 0..2 * n {
                    items.push(f.pop());
                }
                items.reverse();
                let d = Rc::new(PyDict::new());
                for pair in items.chunks(2) {
                    self.dict_set(&d, pair[0].clone(), pair[1].clone())?;
                }
                f.push(Value::Dict(d));
            }
            Opcode::BUILD_CONST_KEY_MAP => {
                let keys = f.pop();
                let n = arg as usize;
                let mut values = Vec::with_capacity(n);
                for _ in 0..n {
                    values.push(f.pop());
                }
                values.reverse();
                let d = Rc::new(PyDict::new());
                if let Value::Tuple(k) = keys {
                    for (key, v) in k.items.iter().zip(values) {
                        self.dict_set(&d, key.clone(), v)?;
                    }
                }
                f.push(Value::Dict(d));
            }
            Opcode::BUILD_STRING => {
                let n = arg as usize;
                let mut parts = Vec::with_capacity(n);
                for _ in 0..n {
                    parts.push(f.pop());
                }
                let mut s = String::new();
                for p in parts.iter().rev() {
                    if let Value::Str(p) = p {
                        s.push_str(p.as_str());
                    }
                }
                f.push(Value::str(s));
            }
            Opcode::BUILD_SLICE => {
                let step = if arg == 3 { f.pop() } else { Value::None };
                let stop = f.pop();
                let start = f.pop();
                f.push(Value::Slice(alloc(PySlice { start, stop, step })));
            }
            Opcode::SET_ADD => {
                let v = f.pop();
                let s = f.peek(arg as usize).clone();
                self.set_add(&s, v)?;
            }
            Opcode::MAP_ADD => {
                let v = f.pop();
                let k = f.pop();
                if let Value::Dict(d) = f.peek(arg as usize).clone() {
                    self.dict_set(&d, k, v)?;
                }
            }
            Opcode::LIST_EXTEND => {
                let iterable = f.pop();
                let target = f.peek(arg as usize).clone();
                let items = self.collect(&iterable).map_err(|e| {
                    if e.is(ExcKind::TypeError) && !matches!(iterable, Value::Instance(_)) {
                        PyErr::type_error(format!(
                            "Value after * must be an iterable, not {}",
                            type_name(&iterable)
                        ))
                    } else {
                        e
                    }
                })?;
                if let Value::List(l) = target {
                    l.extend(items, matches!(iterable, Value::List(_) | Value::Tuple(_)));
                }
            }
            Opcode::SET_UPDATE => {
                let iterable = f.pop();
                let target = f.peek(arg as usize).clone();
                for v in self.collect(&iterable)? {
                    self.set_add(&target, v)?;
                }
            }
            Opcode::DICT_UPDATE | Opcode::DICT_MERGE => {
                let other = f.pop();
                let target = f.peek(arg as usize).clone();
                if let Value::Dict(d) = target {
                    self.dict_update_from(&d, &other, op == Opcode::DICT_MERGE, f)?;
                }
            }
            Opcode::LIST_TO_TUPLE => {
                let v = f.pop();
                if let Value::List(l) = v {
                    f.push(Value::tuple(l.snapshot()));
                }
            }
            Opcode::UNPACK_EX => {
                let v = f.pop();
                let before = (arg & 0xff) as usize;
                let after = (arg >> 8) as usize;
                let items = self.unpack(&v, before, Some(after))?;
                for item in items.into_iter().rev() {
                    f.push(item);
                }
            }
            Opcode::DELETE_ATTR => {
                let obj = f.pop();
                self.delattr(&obj, &code.names[arg as usize])?;
            }
            Opcode::CALL_FUNCTION_EX => {
                let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                let args = f.pop();
                let func = f.pop();
                let null = f.pop();
                let callable = if null.is_null() { func } else { null };
                let r = match &callable {
                    Value::Builtin(b) => self.call_builtin_profiled(b, |vm| {
                        vm.call_ex(&callable, &args, kwargs.as_ref())
                    }),
                    _ => self.call_ex(&callable, &args, kwargs.as_ref()),
                }?;
                f.push(r);
            }
            Opcode::MAKE_FUNCTION => {
                let func = self.make_function(f, arg)?;
                f.push(func);
            }
            Opcode::GET_YIELD_FROM_ITER => {
                let v = f.pop();
                let it = match v {
                    Value::Generator(_) => v,
                    other => self.iter(&other)?,
                };
                f.push(it);
            }
            Opcode::PUSH_EXC_INFO => {
                let exc = f.pop();
                let prev = std::mem::replace(&mut self.exc_info, exc.clone());
                f.push(prev);
                f.push(exc);
            }
            Opcode::POP_EXCEPT => {
                let prev = f.pop();
                self.exc_info = prev;
            }
            Opcode::CHECK_EXC_MATCH => {
                let typ = f.pop();
                let exc = f.top().clone();
                let r = self.exception_matches(&exc, &typ)?;
                f.push(Value::Bool(r));
            }
            Opcode::LOAD_ASSERTION_ERROR => {
                f.push(Value::Type(super::types::exc_type(ExcKind::AssertionError)))
            }
            Opcode::BEFORE_WITH => {
                let mgr = f.pop();
                let (exit, entered) = self.enter_context(&mgr)?;
                f.push(exit);
                f.push(entered);
            }
            Opcode::WITH_EXCEPT_START => {
                let exc = f.peek(1).clone();
                let exit = f.peek(4).clone();
                let typ = Value::Type(super::types::type_of(&exc));
                let tb = self.traceback_object(&exc);
                let r = self.call(&exit, &[typ, exc, tb], &[])?;
                f.push(r);
            }
            Opcode::IMPORT_NAME => {
                let fromlist = f.pop();
                let level = f.pop();
                let name = code.names[arg as usize].as_str().unwrap_or("").to_string();
                let m = self.import_name(&name, &fromlist, &level, &f.globals)?;
                f.push(m);
            }
            Opcode::IMPORT_FROM => {
                let module = f.top().clone();
                let v = self.import_from(&module, &code.names[arg as usize])?;
                f.push(v);
            }
            Opcode::IMPORT_STAR => {
                let module = f.pop();
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                self.import_star(&module, &locals)?;
            }
            Opcode::LOAD_BUILD_CLASS => {
                let v = self
                    .builtins
                    .get_str("__build_class__")
                    .ok_or_else(|| PyErr::name_error("__build_class__"))?;
                f.push(v);
            }
            Opcode::SETUP_ANNOTATIONS => {
                let locals = f.locals.clone().unwrap_or_else(|| f.globals.clone());
                if locals.get_str("__annotations__").is_none() {
                    locals.set_str("__annotations__", Value::Dict(Rc::new(PyDict::new())));
                }
            }
            Opcode::FORMAT_VALUE => {
                let spec = if arg & 4 != 0 { Some(f.pop()) } else { None };
                let v = f.pop();
                let converted = match arg & 3 {
                    1 => Value::str(self.str(&v)?),
                    2 => Value::str(self.repr(&v)?),
                    3 => Value::str(crate::vm::repr::ascii(&self.repr(&v)?)),
                    _ => v,
                };
                let s = match (&converted, &spec) {
                    (Value::Str(_), None) => converted,
                    _ => {
                        let spec_str = match &spec {
                            Some(Value::Str(s)) => s.as_str().to_string(),
                            _ => String::new(),
                        };
                        Value::str(self.format(&converted, &spec_str)?)
                    }
                };
                f.push(s);
            }
            Opcode::PRINT_EXPR => {
                let v = f.pop();
                self.display_hook(&v)?;
            }
            Opcode::GET_LEN => {
                let v = f.top().clone();
                let n = self.len(&v)?;
                f.push(Value::Int(n as i64));
            }
            other => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    format!("unknown opcode {}", other.name()),
                ));
            }
        }
        Ok(())
    }

    /// `super()`, `locals()`, `vars()` and `dir()` called with no arguments need to see the
    /// calling frame; hand them what they need before the call.
    pub(crate) fn prepare_introspection(
        &mut self,
        f: &Frame,
        code: &crate::bytecode::Code,
        callable: &Value,
    ) {
        match callable {
            Value::Type(t)
                if t.layout == crate::objects::Layout::Native && *t.name.borrow() == "super" =>
            {
                let class = code
                    .localsplus
                    .iter()
                    .position(|n| n.as_ref() == "__class__")
                    .and_then(|i| match &f.slots[i] {
                        Value::Cell(c) => match c.get() {
                            Value::Type(t) => Some(t),
                            _ => None,
                        },
                        _ => None,
                    });
                let first = if code.argcount > 0 || code.has_varargs() {
                    match &f.slots[0] {
                        Value::Cell(c) => c.get(),
                        Value::Tuple(t) if code.argcount == 0 => {
                            t.items.first().cloned().unwrap_or(Value::Null)
                        }
                        other => other.clone(),
                    }
                } else {
                    Value::Null
                };
                self.super_context = match (class, first.is_null()) {
                    (Some(c), false) => Some((c, first)),
                    _ => None,
                };
            }
            Value::Builtin(b)
                if f.locals.is_none()
                    && f.func.is_some()
                    && matches!(b.name, "locals" | "vars" | "dir") =>
            {
                let d = Rc::new(PyDict::new());
                for (i, name) in code.localsplus.iter().enumerate() {
                    let v = match &f.slots[i] {
                        Value::Cell(c) => c.get(),
                        other => other.clone(),
                    };
                    if !v.is_null() {
                        d.set_str(name, v);
                    }
                }
                self.frame_locals = Some(d);
            }
            _ => {}
        }
    }

    pub(crate) fn unbound_local(&self, code: &crate::bytecode::Code, arg: u32) -> PyErr {
        let name = &code.localsplus[arg as usize];
        PyErr::new(
            ExcKind::UnboundLocalError,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, code: &crate::bytecode::Code, arg: u32) -> PyErr {
        let name = &code.localsplus[arg as usize];
        if code.kinds[arg as usize] == crate::bytecode::code::SlotKind::Free {
            PyErr::new(
                ExcKind::NameError,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        } else {
            PyErr::new(
                ExcKind::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    /// LOAD_GLOBAL: globals then builtins, through the instruction's cache (valid while neither
    /// dict has gained or lost keys).
    pub(crate) fn load_global(
        &mut self,
        f: &Frame,
        code: &crate::bytecode::Code,
        name: &Value,
        slot: usize,
    ) -> PyResult<Value> {
        let cache = code.global_caches.get(slot);
        if let Some(cache) = cache {
            let c = cache.get();
            let (g, b) = (f.globals.table(), self.builtins.table());
            if c.globals_version == g.keys_version()
                && c.builtins_version == b.keys_version()
                && c.globals_version != 0
            {
                let table = if c.in_builtins { &b } else { &g };
                if let Some(v) = table.value_at(c.index as usize) {
                    return Ok(v.clone());
                }
            }
        }
        let s = name.as_pystr().expect("names are str");
        let hash = s.hash();
        let (g, b) = (f.globals.table(), self.builtins.table());
        let (index, in_builtins) = match g.find_str(hash, s.as_str()) {
            Some(i) => (i, false),
            None => match b.find_str(hash, s.as_str()) {
                Some(i) => (i, true),
                None => return Err(PyErr::name_error(s.as_str())),
            },
        };
        if let Some(cache) = cache {
            cache.set(GlobalCache {
                globals_version: g.keys_version(),
                builtins_version: b.keys_version(),
                index: index as u32,
                in_builtins,
            });
        }
        let table = if in_builtins { &b } else { &g };
        Ok(table.value_at(index).cloned().unwrap_or(Value::None))
    }

    /// LOAD_NAME: the local namespace, then globals, then builtins.
    fn load_name(&mut self, f: &Frame, name: &str) -> PyResult<Value> {
        if let Some(l) = &f.locals {
            if let Some(v) = l.get_str(name) {
                return Ok(v);
            }
        }
        if let Some(v) = f.globals.get_str(name) {
            return Ok(v);
        }
        if let Some(v) = self.builtins.get_str(name) {
            return Ok(v);
        }
        Err(PyErr::name_error(name))
    }

    /// Unpacks `v` into exactly `n` values, or `n` + a starred list + `after` values.
    fn unpack(&mut self, v: &Value, n: usize, after: Option<usize>) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::Tuple(t) => t.items.to_vec(),
            Value::List(l) => l.snapshot(),
            other => {
                let it = self.iter(other).map_err(|e| {
                    if e.is(ExcKind::TypeError) {
                        PyErr::type_error(format!(
                            "cannot unpack non-iterable {} object",
                            type_name(other)
                        ))
                    } else {
                        e
                    }
                })?;
                let mut items = Vec::new();
                while let Some(x) = self.next(&it)? {
                    items.push(x);
                    if after.is_none() && items.len() > n {
                        return Err(PyErr::value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                }
                items
            }
        };
        match after {
            None => {
                if items.len() > n {
                    return Err(PyErr::value_error(format!(
                        "too many values to unpack (expected {n})"
                    )));
                }
                if items.len() < n {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected {n}, got {})",
                        items.len()
                    )));
                }
                Ok(items)
            }
            Some(after) => {
                if items.len() < n + after {
                    return Err(PyErr::value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        n + after,
                        items.len()
                    )));
                }
                let mut out = items[..n].to_vec();
                out.push(Value::list(items[n..items.len() - after].to_vec()));
                out.extend_from_slice(&items[items.len() - after..]);
                Ok(out)
            }
        }
    }

    /// MAKE_FUNCTION: builds a function from the code object and the optional parts below it.
    fn make_function(&mut self, f: &mut Frame, flags: u32) -> PyResult<Value> {
        let code = match f.pop() {
            Value::Code(c) => c,
            _ => {
                return Err(PyErr::new(
                    ExcKind::SystemError,
                    "MAKE_FUNCTION without a code object",
                ))
            }
        };
        let closure = if flags & 0x08 != 0 {
            match f.pop() {
                Value::Tuple(t) => t.items.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let annotations = if flags & 0x04 != 0 {
            let t = f.pop();
            let d = Rc::new(PyDict::new());
            if let Value::Tuple(t) = t {
                for pair in t.items.chunks(2) {
                    if pair.len() == 2 {
                        self.dict_set(&d, pair[0].clone(), pair[1].clone())?;
                    }
                }
            }
            Value::Dict(d)
        } else {
            Value::None
        };
        let kwdefaults = if flags & 0x02 != 0 {
            match f.pop() {
                Value::Dict(d) => Some(d),
                _ => None,
            }
        } else {
            None
        };
        let defaults = if flags & 0x01 != 0 {
            match f.pop() {
                Value::Tuple(t) => t.items.to_vec(),
                _ => Vec::new(),
            }
        } else {
            Vec::new()
        };
        let doc = match code.consts.first() {
            Some(v @ Value::Str(_))
                if code.flags & crate::bytecode::code::flags::OPTIMIZED != 0
                    && code.name != "<lambda>" =>
            {
                v.clone()
            }
            _ => Value::None,
        };
        let module = f.globals.get_str("__name__").unwrap_or(Value::None);
        Ok(Value::Function(alloc(crate::objects::PyFunction {
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            code,
            globals: f.globals.clone(),
            defaults: std::cell::RefCell::new(defaults),
            kwdefaults: std::cell::RefCell::new(kwdefaults),
            closure,
            dict: Rc::new(PyDict::new()),
            doc: std::cell::RefCell::new(doc),
            module,
            annotations: std::cell::RefCell::new(annotations),
        })))
    }

    /// RAISE_VARARGS: builds the exception to raise, with its cause and context.
    fn do_raise(&mut self, exc: Option<Value>, cause: Option<Value>) -> Unwind {
        let Some(exc) = exc else {
            // Bare `raise`: re-raise the exception being handled, traceback untouched.
            if self.exc_info.is_none() || self.exc_info.is_null() {
                return PyErr::runtime_error("No active exception to reraise").into();
            }
            return Unwind {
                err: PyErr::from_value(self.exc_info.clone()),
                traceback: false,
                handler_at: None,
            };
        };
        let value = match self.make_exception(&exc) {
            Ok(v) => v,
            Err(e) => return e.into(),
        };
        if let Some(cause) = cause {
            let cause_value = if cause.is_none() {
                Ok(None)
            } else {
                match self.make_exception(&cause) {
                    Ok(c) => Ok(Some(c)),
                    Err(_) => Err(PyErr::type_error(
                        "exception causes must derive from BaseException",
                    )),
                }
            };
            match cause_value {
                Ok(c) => {
                    if let Some(state) = exc_state(&value) {
                        let mut s = state.borrow_mut();
                        s.cause = c;
                        s.suppress_context = true;
                    }
                }
                Err(e) => return e.into(),
            }
        }
        self.set_context(&value);
        PyErr::from_value(value).into()
    }

    /// An exception instance from `raise X` (instantiating X when it is a class).
    pub fn make_exception(&mut self, exc: &Value) -> PyResult<Value> {
        match exc {
            Value::Type(t) if t.is_exception() => self.call(exc, &[], &[]),
            Value::Instance(i) if i.exc.is_some() => Ok(exc.clone()),
            _ => Err(PyErr::type_error(
                "exceptions must derive from BaseException",
            )),
        }
    }

    /// Implicit chaining, as CPython's `_PyErr_SetObject`: an exception raised while another is
    /// being handled records it as `__context__`. If `value` already occurs in the handled
    /// exception's context chain, the chain is cut there so that no cycle forms.
    pub fn set_context(&mut self, value: &Value) {
        let handled = self.exc_info.clone();
        if handled.is_none() || handled.is_null() || handled.is(value) {
            return;
        }
        let context_of = |v: &Value| exc_state(v).and_then(|s| s.borrow().context.clone());
        // Floyd's cycle detection guards against chains the program made cyclic by assignment.
        let (mut o, mut slow, mut toggle) = (handled.clone(), handled.clone(), false);
        while let Some(c) = context_of(&o) {
            if c.is(value) {
                if let Some(s) = exc_state(&o) {
                    s.borrow_mut().context = None;
                }
                break;
            }
            o = c;
            if o.is(&slow) {
                break;
            }
            if toggle {
                slow = context_of(&slow).unwrap_or(Value::None);
            }
            toggle = !toggle;
        }
        if let Some(state) = exc_state(value) {
            state.borrow_mut().context = Some(handled);
        }
    }

    /// CHECK_EXC_MATCH: `isinstance(exc, typ)` for an exception class or a tuple of them.
    fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        match typ {
            Value::Type(t) => {
                if !t.is_exception() {
                    return Err(PyErr::type_error(
                        "catching classes that do not inherit from BaseException is not allowed",
                    ));
                }
                Ok(super::types::type_of(exc).is_subtype(t))
            }
            Value::Tuple(ts) => {
                for t in ts.items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    /// BEFORE_WITH: looks up `__enter__`/`__exit__` on the type and calls `__enter__`.
    fn enter_context(&mut self, mgr: &Value) -> PyResult<(Value, Value)> {
        let t = super::types::type_of(mgr);
        let (Some(enter), Some(exit)) = (t.lookup("__enter__"), t.lookup("__exit__")) else {
            return Err(PyErr::type_error(format!(
                "'{}' object does not support the context manager protocol",
                t.name()
            )));
        };
        let exit_bound = self.bind(&exit, mgr);
        let entered = self.call(&enter, std::slice::from_ref(mgr), &[])?;
        Ok((exit_bound, entered))
    }

    fn dict_update_from(
        &mut self,
        d: &Rc<PyDict>,
        other: &Value,
        merge: bool,
        f: &Frame,
    ) -> PyResult<()> {
        let items: Vec<(Value, Value)> = match other {
            Value::Dict(o) => o.items(),
            _ => {
                let keys_fn = match self.getattr(other, &Value::str("keys")) {
                    Ok(k) => k,
                    Err(_) => {
                        let what = if merge {
                            let callable = self.call_site_name(f);
                            format!(
                                "{callable} argument after ** must be a mapping, not {}",
                                type_name(other)
                            )
                        } else {
                            format!("'{}' object is not a mapping", type_name(other))
                        };
                        return Err(PyErr::type_error(what));
                    }
                };
                let keys = self.call(&keys_fn, &[], &[])?;
                let mut items = Vec::new();
                for k in self.collect(&keys)? {
                    let v = self.getitem(other, &k)?;
                    items.push((k, v));
                }
                items
            }
        };
        for (k, v) in items {
            if merge && self.dict_get(d, &k)?.is_some() {
                let callable = self.call_site_name(f);
                let key = self.str(&k)?;
                return Err(PyErr::type_error(format!(
                    "{callable} got multiple values for keyword argument '{key}'"
                )));
            }
            self.dict_set(d, k, v)?;
        }
        Ok(())
    }

    /// The name of the callable a CALL_FUNCTION_EX in `f` is about to call ("f()"), for messages.
    fn call_site_name(&self, f: &Frame) -> String {
        let base = f.stack_base();
        for i in (base..f.sp).rev() {
            match &f.slots[i] {
                Value::Function(func) => return format!("{}()", func.qualname.borrow()),
                Value::Builtin(b) => return format!("{}()", b.name),
                Value::Type(t) => return format!("{}()", t.name()),
                _ => {}
            }
        }
        "function".to_string()
    }
}

/// `a <cmp> b` for the builtin types that compare without calling Python code (ints and floats
/// inline, then `compare_builtin`); None: the general path decides.
#[inline(always)]
pub(crate) fn compare_quick(cmp: Cmp, a: &Value, b: &Value) -> Option<bool> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => cmp.apply(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => match x.partial_cmp(y) {
            Some(o) => cmp.apply(o),
            None => cmp == Cmp::Ne,
        },
        // Exact for |int| <= 2**53; larger ints take the exact general path.
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() <= 1 << 53 => {
            match x.partial_cmp(&(*y as f64)) {
                Some(o) => cmp.apply(o),
                None => cmp == Cmp::Ne,
            }
        }
        _ => return super::ops::compare_builtin(cmp, a, b),
    })
}

/// What the data-moving instructions do, apart from decoding and dispatching them: shared by
/// the dispatch loop and the JIT's boxed tier (`jit/boxed.rs`), which calls them from compiled
/// code.
impl Vm {
    /// BINARY_OP: `a <op> b`, ints and floats inline, then the builtin fast paths, then the
    /// general protocol.
    #[inline(always)]
    pub(crate) fn binary_value(&mut self, arg: u32, a: Value, b: Value) -> PyResult<Value> {
        let r = match (&a, &b) {
            (Value::Int(x), Value::Int(y)) => match arg {
                nb::ADD | nb::INPLACE_ADD => x.checked_add(*y).map(Value::Int),
                nb::SUBTRACT | nb::INPLACE_SUBTRACT => x.checked_sub(*y).map(Value::Int),
                nb::MULTIPLY | nb::INPLACE_MULTIPLY => x.checked_mul(*y).map(Value::Int),
                nb::REMAINDER | nb::INPLACE_REMAINDER if *y != 0 => {
                    Some(Value::Int(int::floor_mod(*x, *y)))
                }
                nb::FLOOR_DIVIDE | nb::INPLACE_FLOOR_DIVIDE if *y != 0 => {
                    int::floor_div(*x, *y).map(Value::Int)
                }
                _ => None,
            },
            (Value::Float(x), Value::Float(y)) => match arg {
                nb::ADD | nb::INPLACE_ADD => Some(Value::Float(x + y)),
                nb::SUBTRACT | nb::INPLACE_SUBTRACT => Some(Value::Float(x - y)),
                nb::MULTIPLY | nb::INPLACE_MULTIPLY => Some(Value::Float(x * y)),
                nb::TRUE_DIVIDE | nb::INPLACE_TRUE_DIVIDE if *y != 0.0 => Some(Value::Float(x / y)),
                _ => None,
            },
            _ => None,
        };
        match r {
            Some(r) => {
                // Both operands are ints or floats here: nothing to drop.
                std::mem::forget(a);
                std::mem::forget(b);
                Ok(r)
            }
            None => {
                let r = match super::ops::fast_binary(arg, a, &b) {
                    Ok(r) => r,
                    Err(a) => self.binary_op(arg, &a, &b)?,
                };
                b.discard();
                Ok(r)
            }
        }
    }

    /// FOR_ITER: the iterator's next item (range and list iterators inline); None when it is
    /// exhausted.
    #[inline(always)]
    pub(crate) fn for_iter_next(&mut self, iter: &Value) -> PyResult<Option<Value>> {
        Ok(match iter {
            Value::Iterator(it) => {
                let mut kind = it.kind.borrow_mut();
                match &mut *kind {
                    IterKind::Range {
                        next,
                        remaining,
                        step,
                    } => {
                        crate::objects::iterator::range_next(next, remaining, *step).map(Value::Int)
                    }
                    IterKind::List { list, index } => {
                        let items = list.items.borrow();
                        if *index < items.len() {
                            let v = items[*index].clone();
                            *index += 1;
                            Some(v)
                        } else {
                            drop(items);
                            *kind = IterKind::Exhausted("list_iterator");
                            None
                        }
                    }
                    _ => {
                        drop(kind);
                        let it = Value::Iterator(it.clone());
                        self.next(&it)?
                    }
                }
            }
            other => {
                let other = other.clone();
                self.next(&other)?
            }
        })
    }

    /// BINARY_SUBSCR: `container[index]`.
    #[inline(always)]
    pub(crate) fn subscript(&mut self, container: &Value, index: &Value) -> PyResult<Value> {
        match super::collections::subscript_builtin(container, index) {
            Some(r) => r,
            None => self.getitem(container, index),
        }
    }

    /// STORE_SUBSCR: `container[index] = value` (a list and an int index inline).
    #[inline(always)]
    pub(crate) fn store_subscr(
        &mut self,
        container: &Value,
        index: &Value,
        value: Value,
    ) -> PyResult<()> {
        if let (Value::List(l), Value::Int(i)) = (container, index) {
            let mut items = l.items.borrow_mut();
            if let Some(k) = super::collections::normalize(*i, items.len()) {
                std::mem::replace(&mut items[k], value).discard();
                return Ok(());
            }
        }
        self.setitem(container, index, value)
    }

    /// UNPACK_SEQUENCE: the `n` items of `v`, in order.
    #[inline(always)]
    pub(crate) fn unpack_items(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        match v {
            Value::Tuple(t) if t.len() == n => Ok(t.items.to_vec()),
            Value::List(l) if l.len() == n => Ok(l.snapshot()),
            _ => self.unpack(v, n, None),
        }
    }

    /// UNARY_NEGATIVE: `-v`.
    #[inline(always)]
    pub(crate) fn negate(&mut self, v: Value) -> PyResult<Value> {
        match v {
            Value::Float(x) => Ok(Value::Float(-x)),
            Value::Int(i) if i != i64::MIN => Ok(Value::Int(-i)),
            other => self.unary_op(crate::syntax::ast::UnaryOp::USub, &other),
        }
    }

    /// CALL: calls the callable below `argc` arguments on the frame's stack (below it a NULL, or
    /// it is a method and the receiver follows), replacing them all with the result. With
    /// `PROFILING`, builtins are reported to the function profiler.
    #[inline(always)]
    pub(crate) fn call_on_stack<const PROFILING: bool>(
        &mut self,
        f: &mut Frame,
        code: &crate::bytecode::Code,
        argc: usize,
    ) -> PyResult<()> {
        let kwnames = if f.kwnames == u32::MAX {
            &[][..]
        } else {
            match &code.consts[f.kwnames as usize] {
                Value::Tuple(t) => t.as_slice(),
                _ => &[][..],
            }
        };
        f.kwnames = u32::MAX;
        let sp = f.sp;
        let callee = sp - argc - 2;
        let base = f.slots.as_ptr();
        // SAFETY (all three): the indices lie within the current stack (the compiler's stack
        // depths), which the call does not touch: callees run in their own frames.
        let slot = |i: usize| unsafe { &*base.add(i) };
        let args = |from: usize| unsafe { std::slice::from_raw_parts(base.add(from), sp - from) };
        let (func_slot, args_start) = match slot(callee) {
            Value::Null => (callee + 1, callee + 2),
            _ => (callee, callee + 1),
        };
        let result = 'call: {
            // A plain builtin (`abs(z)`, `len(xs)`) or a builtin method (`xs.append(x)`, whose
            // receiver is the first argument) is called in place: the callable stays in its
            // stack slot, untouched, until the call returns. (Calls without arguments may be
            // `locals()` and friends, which need the frame prepared.)
            if let Value::Builtin(b) = slot(func_slot) {
                if b.self_.is_null() && kwnames.is_empty() && sp > args_start {
                    let func = b.func;
                    let args = args(args_start);
                    let call = |vm: &mut Vm| {
                        crate::builtins::slots::check_receiver(b, args)
                            .and_then(|()| func(vm, crate::objects::Args::new(args)))
                    };
                    break 'call if PROFILING {
                        self.call_builtin_profiled(b, call)
                    } else {
                        call(self)
                    };
                }
            }
            // A Python function, called as `f(...)` or as a method, also stays in place.
            if let Value::Function(func) = slot(func_slot) {
                break 'call self.call_function(func, args(args_start), kwnames);
            }
            let callable = slot(func_slot).clone();
            if argc == 0 {
                self.prepare_introspection(f, code, &callable);
            }
            let r = match &callable {
                Value::Builtin(b) if PROFILING => self
                    .call_builtin_profiled(b, |vm| vm.call(&callable, args(args_start), kwnames)),
                _ => self.call(&callable, args(args_start), kwnames),
            };
            callable.discard();
            r
        };
        while f.sp > callee {
            f.pop().discard();
        }
        f.push(result?);
        Ok(())
    }

    /// A conditional jump's test: `bool(v)` (a bool inline).
    #[cfg_attr(not(feature = "jit"), allow(dead_code))]
    #[inline(always)]
    pub(crate) fn truth(&mut self, v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => self.truthy(other),
        }
    }
}
