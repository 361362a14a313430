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
use crate::bytecode::opcodes::Opcode;
use crate::objects::{IterKind, PyCell, PyDict, PySlice};
use std::rc::Rc;

/// How a frame stopped running.
pub enum Exit {
    Return(Value),
    Yield(Value),
    /// A generator function's frame reached RETURN_GENERATOR: the caller wraps it in a generator.
    Generator,
}

/// An exception unwinding through the loop. `traceback` is false for re-raises, which must not add
/// another traceback entry for this frame.
pub(crate) struct Unwind {
    pub err: PyErr,
    pub traceback: bool,
}

impl From<PyErr> for Unwind {
    fn from(err: PyErr) -> Unwind {
        Unwind {
            err,
            traceback: true,
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
        if self.depth >= self.recursion_limit
            || stacker::remaining_stack().is_some_and(|r| r < STACK_RESERVE)
        {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        self.scopes.push((f.globals.clone(), f.locals.clone()));
        let mut result = Ok(());
        if let Some(err) = pending {
            result = self.unwind(
                f,
                Unwind {
                    err,
                    traceback: true,
                },
            );
        }
        let result = match result {
            Err(e) => Err(e),
            Ok(()) => loop {
                match self.execute(f) {
                    Ok(exit) => break Ok(exit),
                    Err(u) => {
                        if let Err(e) = self.unwind(f, u) {
                            break Err(e);
                        }
                    }
                }
            },
        };
        self.scopes.pop();
        self.depth -= 1;
        result
    }

    /// Records the traceback entry and jumps to the handler, or gives the error back.
    fn unwind(&mut self, f: &mut Frame, u: Unwind) -> PyResult<()> {
        if u.traceback {
            if let Some(state) = exc_state(&u.err.value) {
                state.borrow_mut().traceback.push(TracebackEntry {
                    code: f.code.clone(),
                    lasti: f.lasti,
                });
            }
        }
        let Some(h) = f.code.handler_for(f.lasti).copied() else {
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

    /// The instruction loop.
    fn execute(&mut self, f: &mut Frame) -> Result<Exit, Unwind> {
        let code = f.code.clone();
        let units = &code.code[..];
        loop {
            let at = f.ip;
            let unit = units[at];
            let mut op = unit.op;
            let mut arg = unit.arg as u32;
            let mut ip = at + 1;
            while op == Opcode::EXTENDED_ARG {
                let u = units[ip];
                op = u.op;
                arg = (arg << 8) | u.arg as u32;
                ip += 1;
            }
            f.lasti = ip - 1;
            f.ip = ip + op.caches();
            match op {
                Opcode::NOP
                | Opcode::RESUME
                | Opcode::PRECALL
                | Opcode::CACHE
                | Opcode::EXTENDED_ARG => {}
                Opcode::LOAD_FAST => {
                    let v = f.slots[arg as usize].clone();
                    if v.is_null() {
                        return Err(self.unbound_local(&code, arg).into());
                    }
                    f.push(v);
                }
                Opcode::STORE_FAST => {
                    let v = f.pop();
                    f.slots[arg as usize] = v;
                }
                Opcode::DELETE_FAST => {
                    if f.slots[arg as usize].is_null() {
                        return Err(self.unbound_local(&code, arg).into());
                    }
                    f.slots[arg as usize] = Value::Null;
                }
                Opcode::LOAD_CONST => f.push(code.consts[arg as usize].clone()),
                Opcode::POP_TOP => {
                    f.pop();
                }
                Opcode::PUSH_NULL => f.push(Value::Null),
                Opcode::COPY => {
                    let v = f.peek(arg as usize).clone();
                    f.push(v);
                }
                Opcode::SWAP => {
                    let top = f.sp - 1;
                    f.slots.swap(top, f.sp - arg as usize);
                }
                Opcode::BINARY_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    let r = match (&a, &b) {
                        (Value::Int(x), Value::Int(y)) => match arg {
                            0 | 13 => x.checked_add(*y).map(Value::Int),
                            10 | 23 => x.checked_sub(*y).map(Value::Int),
                            5 | 18 => x.checked_mul(*y).map(Value::Int),
                            _ => None,
                        },
                        (Value::Float(x), Value::Float(y)) => match arg {
                            0 | 13 => Some(Value::Float(x + y)),
                            10 | 23 => Some(Value::Float(x - y)),
                            5 | 18 => Some(Value::Float(x * y)),
                            11 | 24 if *y != 0.0 => Some(Value::Float(x / y)),
                            _ => None,
                        },
                        _ => None,
                    };
                    let r = match r {
                        Some(r) => r,
                        None => self.binary_op(arg, &a, &b)?,
                    };
                    f.push(r);
                }
                Opcode::COMPARE_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    let cmp = Cmp::from_arg(arg);
                    let r = match super::ops::compare_builtin(cmp, &a, &b) {
                        Some(r) => Value::Bool(r),
                        None => self.compare(cmp, &a, &b)?,
                    };
                    f.push(r);
                }
                Opcode::POP_JUMP_FORWARD_IF_FALSE
                | Opcode::POP_JUMP_BACKWARD_IF_FALSE
                | Opcode::POP_JUMP_FORWARD_IF_TRUE
                | Opcode::POP_JUMP_BACKWARD_IF_TRUE => {
                    let v = f.pop();
                    let truth = match v {
                        Value::Bool(b) => b,
                        other => self.truthy(&other)?,
                    };
                    let jump_if = matches!(
                        op,
                        Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE
                    );
                    if truth == jump_if {
                        f.ip = code.jump_target(f.lasti, op, arg);
                    }
                }
                Opcode::POP_JUMP_FORWARD_IF_NONE
                | Opcode::POP_JUMP_BACKWARD_IF_NONE
                | Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => {
                    let v = f.pop();
                    let jump_if_none = matches!(
                        op,
                        Opcode::POP_JUMP_FORWARD_IF_NONE | Opcode::POP_JUMP_BACKWARD_IF_NONE
                    );
                    if v.is_none() == jump_if_none {
                        f.ip = code.jump_target(f.lasti, op, arg);
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP => {
                    let truth = match f.top() {
                        Value::Bool(b) => *b,
                        other => {
                            let other = other.clone();
                            self.truthy(&other)?
                        }
                    };
                    if truth == (op == Opcode::JUMP_IF_TRUE_OR_POP) {
                        f.ip = code.jump_target(f.lasti, op, arg);
                    } else {
                        f.pop();
                    }
                }
                Opcode::JUMP_FORWARD => f.ip = code.jump_target(f.lasti, op, arg),
                Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                    let c = &code.backedges[f.lasti];
                    c.set(c.get().wrapping_add(1));
                    f.ip = code.jump_target(f.lasti, op, arg);
                }
                Opcode::GET_ITER => {
                    let v = f.pop();
                    let it = self.iter(&v)?;
                    f.push(it);
                }
                Opcode::FOR_ITER => {
                    let next = match f.top() {
                        Value::Iterator(it) => {
                            let it = it.clone();
                            let mut kind = it.kind.borrow_mut();
                            match &mut *kind {
                                IterKind::Range {
                                    next,
                                    remaining,
                                    step,
                                } => {
                                    if *remaining > 0 {
                                        let v = *next;
                                        *remaining -= 1;
                                        *next = next.wrapping_add(*step);
                                        Some(Value::Int(v))
                                    } else {
                                        None
                                    }
                                }
                                IterKind::List { list, index } => {
                                    let items = list.items.borrow();
                                    if *index < items.len() {
                                        let v = items[*index].clone();
                                        *index += 1;
                                        Some(v)
                                    } else {
                                        drop(items);
                                        *kind = IterKind::Exhausted;
                                        None
                                    }
                                }
                                _ => {
                                    drop(kind);
                                    self.next(&Value::Iterator(it))?
                                }
                            }
                        }
                        other => {
                            let other = other.clone();
                            self.next(&other)?
                        }
                    };
                    match next {
                        Some(v) => f.push(v),
                        None => {
                            f.pop();
                            f.ip = code.jump_target(f.lasti, op, arg);
                        }
                    }
                }
                Opcode::BINARY_SUBSCR => {
                    let index = f.pop();
                    let container = f.pop();
                    let r = match super::collections::subscript_builtin(&container, &index) {
                        Some(r) => r?,
                        None => self.getitem(&container, &index)?,
                    };
                    f.push(r);
                }
                Opcode::STORE_SUBSCR => {
                    let index = f.pop();
                    let container = f.pop();
                    let value = f.pop();
                    if let (Value::List(l), Value::Int(i)) = (&container, &index) {
                        let mut items = l.items.borrow_mut();
                        if let Some(k) = super::collections::normalize(*i, items.len()) {
                            items[k] = value;
                            continue;
                        }
                    }
                    self.setitem(&container, &index, value)?;
                }
                Opcode::DELETE_SUBSCR => {
                    let index = f.pop();
                    let container = f.pop();
                    self.delitem(&container, &index)?;
                }
                Opcode::LOAD_GLOBAL => {
                    let name = &code.names[(arg >> 1) as usize];
                    let cache_slot = code.code[f.lasti + 1].arg as usize;
                    let v = self.load_global(f, &code, name, cache_slot)?;
                    if arg & 1 != 0 {
                        f.push(Value::Null);
                    }
                    f.push(v);
                }
                Opcode::STORE_GLOBAL => {
                    let v = f.pop();
                    f.globals.set_pystr(&code.names[arg as usize], v);
                }
                Opcode::DELETE_GLOBAL => {
                    let name = code.names[arg as usize].as_str().unwrap_or("");
                    if f.globals.remove_str(name).is_none() {
                        return Err(PyErr::name_error(name).into());
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
                        return Err(PyErr::name_error(name).into());
                    }
                }
                Opcode::MAKE_CELL => {
                    let v = std::mem::replace(&mut f.slots[arg as usize], Value::Null);
                    f.slots[arg as usize] = Value::Cell(alloc(PyCell::new(v)));
                }
                Opcode::COPY_FREE_VARS => {
                    if let Some(func) = &f.func {
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
                Opcode::LOAD_DEREF | Opcode::LOAD_CLASSDEREF => {
                    let name_in_locals = if op == Opcode::LOAD_CLASSDEREF {
                        let name = &code.localsplus[arg as usize];
                        f.locals.as_ref().and_then(|l| l.get_str(name))
                    } else {
                        None
                    };
                    let v = match name_in_locals {
                        Some(v) => v,
                        None => match &f.slots[arg as usize] {
                            Value::Cell(c) => c.get(),
                            other => other.clone(),
                        },
                    };
                    if v.is_null() {
                        return Err(self.unbound_deref(&code, arg).into());
                    }
                    f.push(v);
                }
                Opcode::STORE_DEREF => {
                    let v = f.pop();
                    match &f.slots[arg as usize] {
                        Value::Cell(c) => c.set(v),
                        _ => f.slots[arg as usize] = Value::Cell(alloc(PyCell::new(v))),
                    }
                }
                Opcode::DELETE_DEREF => {
                    if let Value::Cell(c) = &f.slots[arg as usize] {
                        if c.get().is_null() {
                            return Err(self.unbound_deref(&code, arg).into());
                        }
                        c.set(Value::Null);
                    }
                }
                Opcode::UNARY_NEGATIVE => {
                    let v = f.pop();
                    let r = match v {
                        Value::Float(x) => Value::Float(-x),
                        Value::Int(i) if i != i64::MIN => Value::Int(-i),
                        other => self.unary_op(crate::syntax::ast::UnaryOp::USub, &other)?,
                    };
                    f.push(r);
                }
                Opcode::UNARY_POSITIVE => {
                    let v = f.pop();
                    let r = self.unary_op(crate::syntax::ast::UnaryOp::UAdd, &v)?;
                    f.push(r);
                }
                Opcode::UNARY_INVERT => {
                    let v = f.pop();
                    let r = self.unary_op(crate::syntax::ast::UnaryOp::Invert, &v)?;
                    f.push(r);
                }
                Opcode::UNARY_NOT => {
                    let v = f.pop();
                    let r = match v {
                        Value::Bool(b) => !b,
                        other => !self.truthy(&other)?,
                    };
                    f.push(Value::Bool(r));
                }
                Opcode::IS_OP => {
                    let b = f.pop();
                    let a = f.pop();
                    f.push(Value::Bool(a.is(&b) != (arg == 1)));
                }
                Opcode::CONTAINS_OP => {
                    let container = f.pop();
                    let item = f.pop();
                    let r = self.contains(&container, &item)?;
                    f.push(Value::Bool(r != (arg == 1)));
                }
                Opcode::BUILD_TUPLE => {
                    let items = f.slots[f.sp - arg as usize..f.sp]
                        .iter_mut()
                        .map(take)
                        .collect();
                    f.sp -= arg as usize;
                    f.push(Value::tuple(items));
                }
                Opcode::BUILD_LIST => {
                    let items = f.slots[f.sp - arg as usize..f.sp]
                        .iter_mut()
                        .map(take)
                        .collect();
                    f.sp -= arg as usize;
                    f.push(Value::list(items));
                }
                Opcode::BUILD_SET => {
                    let items: Vec<Value> = f.slots[f.sp - arg as usize..f.sp]
                        .iter_mut()
                        .map(take)
                        .collect();
                    f.sp -= arg as usize;
                    let s = self.new_set(items, false)?;
                    f.push(s);
                }
                Opcode::BUILD_MAP => {
                    let n = arg as usize;
                    let items: Vec<Value> =
                        f.slots[f.sp - 2 * n..f.sp].iter_mut().map(take).collect();
                    f.sp -= 2 * n;
                    let d = Rc::new(PyDict::new());
                    for pair in items.chunks(2) {
                        self.dict_set(&d, pair[0].clone(), pair[1].clone())?;
                    }
                    f.push(Value::Dict(d));
                }
                Opcode::BUILD_CONST_KEY_MAP => {
                    let keys = f.pop();
                    let n = arg as usize;
                    let values: Vec<Value> = f.slots[f.sp - n..f.sp].iter_mut().map(take).collect();
                    f.sp -= n;
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
                    let mut s = String::new();
                    for v in &f.slots[f.sp - n..f.sp] {
                        if let Value::Str(p) = v {
                            s.push_str(p.as_str());
                        }
                    }
                    for _ in 0..n {
                        f.pop();
                    }
                    f.push(Value::str(s));
                }
                Opcode::BUILD_SLICE => {
                    let step = if arg == 3 { f.pop() } else { Value::None };
                    let stop = f.pop();
                    let start = f.pop();
                    f.push(Value::Slice(alloc(PySlice { start, stop, step })));
                }
                Opcode::LIST_APPEND => {
                    let v = f.pop();
                    if let Value::List(l) = f.peek(arg as usize) {
                        l.push(v);
                    }
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
                        l.items.borrow_mut().extend(items);
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
                Opcode::UNPACK_SEQUENCE => {
                    let v = f.pop();
                    let n = arg as usize;
                    let items = match &v {
                        Value::Tuple(t) if t.len() == n => t.items.to_vec(),
                        Value::List(l) if l.len() == n => l.snapshot(),
                        _ => self.unpack(&v, n, None)?,
                    };
                    for item in items.into_iter().rev() {
                        f.push(item);
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
                Opcode::LOAD_ATTR => {
                    let obj = f.pop();
                    let name = &code.names[arg as usize];
                    let v = self.getattr(&obj, name)?;
                    f.push(v);
                }
                Opcode::STORE_ATTR => {
                    let obj = f.pop();
                    let v = f.pop();
                    self.setattr(&obj, &code.names[arg as usize], v)?;
                }
                Opcode::DELETE_ATTR => {
                    let obj = f.pop();
                    self.delattr(&obj, &code.names[arg as usize])?;
                }
                Opcode::LOAD_METHOD => {
                    let obj = f.pop();
                    let name = &code.names[arg as usize];
                    match self.load_method(&obj, name)? {
                        Some(method) => {
                            f.push(method);
                            f.push(obj);
                        }
                        None => {
                            let v = self.getattr(&obj, name)?;
                            f.push(Value::Null);
                            f.push(v);
                        }
                    }
                }
                Opcode::KW_NAMES => f.kwnames = arg,
                Opcode::CALL => {
                    let argc = arg as usize;
                    let kwnames = if f.kwnames == u32::MAX {
                        &[][..]
                    } else {
                        match &code.consts[f.kwnames as usize] {
                            Value::Tuple(t) => t.as_slice(),
                            _ => &[][..],
                        }
                    };
                    f.kwnames = u32::MAX;
                    let base = f.sp - argc - 2;
                    let is_method = !f.slots[base].is_null();
                    let (callable, args_start) = if is_method {
                        (f.slots[base].clone(), base + 1)
                    } else {
                        (f.slots[base + 1].clone(), base + 2)
                    };
                    if argc == 0 {
                        self.prepare_introspection(f, &code, &callable);
                    }
                    let result = self.call(&callable, &f.slots[args_start..f.sp], kwnames);
                    for _ in 0..argc + 2 {
                        f.pop();
                    }
                    f.push(result?);
                }
                Opcode::CALL_FUNCTION_EX => {
                    let kwargs = if arg & 1 != 0 { Some(f.pop()) } else { None };
                    let args = f.pop();
                    let func = f.pop();
                    let null = f.pop();
                    let callable = if null.is_null() { func } else { null };
                    let r = self.call_ex(&callable, &args, kwargs.as_ref())?;
                    f.push(r);
                }
                Opcode::MAKE_FUNCTION => {
                    let func = self.make_function(f, arg)?;
                    f.push(func);
                }
                Opcode::RETURN_VALUE => {
                    let v = f.pop();
                    return Ok(Exit::Return(v));
                }
                Opcode::YIELD_VALUE => {
                    let v = f.pop();
                    return Ok(Exit::Yield(v));
                }
                Opcode::RETURN_GENERATOR => return Ok(Exit::Generator),
                Opcode::GET_YIELD_FROM_ITER => {
                    let v = f.pop();
                    let it = match v {
                        Value::Generator(_) => v,
                        other => self.iter(&other)?,
                    };
                    f.push(it);
                }
                Opcode::SEND => {
                    let v = f.pop();
                    let receiver = f.top().clone();
                    match self.send(&receiver, v)? {
                        super::iter::SendResult::Yield(r) => f.push(r),
                        super::iter::SendResult::Return(r) => {
                            f.pop();
                            f.push(r);
                            f.ip = code.jump_target(f.lasti, op, arg);
                        }
                    }
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
                Opcode::RERAISE => {
                    let exc = f.pop();
                    if arg != 0 {
                        if let Value::Int(i) = f.peek(arg as usize) {
                            f.lasti = *i as usize;
                        }
                    }
                    return Err(Unwind {
                        err: PyErr::from_value(exc),
                        traceback: false,
                    });
                }
                Opcode::RAISE_VARARGS => {
                    let cause = if arg == 2 { Some(f.pop()) } else { None };
                    let exc = if arg >= 1 { Some(f.pop()) } else { None };
                    return Err(self.do_raise(exc, cause));
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
                    let name = &code.names[arg as usize];
                    let v = self.import_from(&module, name)?;
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
                    )
                    .into());
                }
            }
        }
    }

    /// `super()`, `locals()`, `vars()` and `dir()` called with no arguments need to see the
    /// calling frame; hand them what they need before the call.
    fn prepare_introspection(&mut self, f: &Frame, code: &crate::bytecode::Code, callable: &Value) {
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
                if f.locals.is_none() && matches!(b.name, "locals" | "vars" | "dir") =>
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

    fn unbound_local(&self, code: &crate::bytecode::Code, arg: u32) -> PyErr {
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
    fn load_global(
        &mut self,
        f: &Frame,
        code: &crate::bytecode::Code,
        name: &Value,
        slot: usize,
    ) -> PyResult<Value> {
        let cache = code.global_caches.get(slot);
        if let Some(cache) = cache {
            let c = cache.get();
            let (g, b) = (f.globals.table(), f.builtins.table());
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
        let (g, b) = (f.globals.table(), f.builtins.table());
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
        if let Some(v) = f.builtins.get_str(name) {
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

    /// Implicit chaining: an exception raised while handling another records it as __context__.
    pub fn set_context(&mut self, value: &Value) {
        let handled = self.exc_info.clone();
        if handled.is_none() || handled.is_null() || handled.is(value) {
            return;
        }
        if let Some(state) = exc_state(value) {
            let mut s = state.borrow_mut();
            if s.context.is_none() {
                s.context = Some(handled);
            }
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
        let entered = self.call(&enter, &[mgr.clone()], &[])?;
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

/// Takes a value out of a stack slot, leaving NULL behind.
fn take(v: &mut Value) -> Value {
    std::mem::replace(v, Value::Null)
}
