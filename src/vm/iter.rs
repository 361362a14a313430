//! The iteration protocol (`iter`, `next`), built-in iterators, and generator resumption.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::interp::Exit;
use super::types::type_name;
use super::value::{alloc, Value};
use super::Vm;
use crate::objects::{int, DictView, IterKind, PyGenerator, PyIterator};
use num_traits::Signed;
use std::rc::Rc;

/// What sending a value into a generator (or iterator) produced.
pub enum SendResult {
    Yield(Value),
    Return(Value),
}

pub fn new_iter(kind: IterKind) -> Value {
    Value::Iterator(alloc(PyIterator::new(kind)))
}

impl Vm {
    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::List(l) => new_iter(IterKind::List {
                list: l.clone(),
                index: 0,
            }),
            Value::Tuple(t) => new_iter(IterKind::Tuple {
                tuple: t.clone(),
                index: 0,
            }),
            Value::Range(r) => match &r.small {
                Some(s) => new_iter(IterKind::Range {
                    next: s.start,
                    remaining: s.len,
                    step: s.step,
                }),
                None => new_iter(IterKind::LongRange {
                    next: int::big(&r.start),
                    remaining: r.big_len(),
                    step: int::big(&r.step),
                }),
            },
            Value::Str(s) => new_iter(IterKind::Str {
                s: s.clone(),
                byte_pos: 0,
            }),
            Value::Dict(d) => new_iter(IterKind::Dict {
                dict: d.clone(),
                view: DictView::Keys,
                pos: 0,
                len: d.len(),
            }),
            Value::Set(s) => new_iter(IterKind::Set {
                set: s.clone(),
                pos: 0,
                len: s.len(),
            }),
            Value::Bytes(_) => new_iter(IterKind::Seq {
                seq: v.clone(),
                index: 0,
            }),
            Value::Iterator(_) | Value::Generator(_) => v.clone(),
            Value::Instance(_) | Value::Native(_) => {
                if let Some(it) = self.call_dunder_opt(v, "__iter__", &[])? {
                    if !self.is_iterator(&it) {
                        return Err(PyErr::type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                if let Value::Instance(inst) = v {
                    let p = inst.payload.borrow().clone();
                    if !p.is_null() {
                        return self.iter(&p);
                    }
                }
                if super::types::type_of(v).lookup("__getitem__").is_some() {
                    return Ok(new_iter(IterKind::Seq {
                        seq: v.clone(),
                        index: 0,
                    }));
                }
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    type_name(v)
                )));
            }
            Value::Type(t) if t.lookup("__class_getitem__").is_none() && t.builtin => {
                return Err(PyErr::type_error("'type' object is not iterable"))
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "'{}' object is not iterable",
                    type_name(v)
                )))
            }
        })
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iterator(_) | Value::Generator(_) => true,
            Value::Instance(_) | Value::Native(_) => {
                super::types::type_of(v).lookup("__next__").is_some()
            }
            _ => false,
        }
    }

    /// `next(it)`, with exhaustion as `None` rather than StopIteration. Each item is a step for
    /// the limits, so builtins consuming an endless iterator stay bounded.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.tick()?;
        match it {
            Value::Iterator(i) => self.next_builtin(i),
            Value::Generator(g) => match self.gen_send(g, Value::None)? {
                SendResult::Yield(v) => Ok(Some(v)),
                SendResult::Return(_) => Ok(None),
            },
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder_opt(it, "__next__", &[]) {
                    Ok(Some(v)) => Ok(Some(v)),
                    Ok(None) => Err(PyErr::type_error(format!(
                        "'{}' object is not an iterator",
                        type_name(it)
                    ))),
                    Err(e) if e.is(ExcKind::StopIteration) => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not an iterator",
                type_name(it)
            ))),
        }
    }

    fn next_builtin(&mut self, it: &Rc<PyIterator>) -> PyResult<Option<Value>> {
        let mut kind = it.kind.borrow_mut();
        let v = match &mut *kind {
            IterKind::List { list, index } => {
                let items = list.items.borrow();
                if *index < items.len() {
                    *index += 1;
                    Some(items[*index - 1].clone())
                } else {
                    None
                }
            }
            IterKind::ListReverse { list, index } => {
                let items = list.items.borrow();
                if *index > 0 && *index <= items.len() {
                    *index -= 1;
                    Some(items[*index].clone())
                } else {
                    None
                }
            }
            IterKind::Tuple { tuple, index } => {
                if *index < tuple.len() {
                    *index += 1;
                    Some(tuple.items[*index - 1].clone())
                } else {
                    None
                }
            }
            IterKind::Range {
                next,
                remaining,
                step,
            } => crate::objects::iterator::range_next(next, remaining, *step).map(Value::Int),
            IterKind::LongRange {
                next,
                remaining,
                step,
            } => {
                if remaining.is_positive() {
                    let v = next.clone();
                    *remaining -= 1u32;
                    *next += &*step;
                    Some(Value::from_bigint(v))
                } else {
                    None
                }
            }
            IterKind::Str { s, byte_pos } => match s.as_str()[*byte_pos..].chars().next() {
                Some(c) => {
                    *byte_pos += c.len_utf8();
                    Some(Value::str(c.to_string()))
                }
                None => None,
            },
            IterKind::Dict {
                dict,
                view,
                pos,
                len,
            } => {
                let table = dict.table();
                if table.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                match table.next_entry(*pos) {
                    Some((i, e)) => {
                        *pos = i + 1;
                        Some(match view {
                            DictView::Keys => e.key.clone(),
                            DictView::Values => e.value.clone(),
                            DictView::Items => Value::tuple(vec![e.key.clone(), e.value.clone()]),
                        })
                    }
                    None => None,
                }
            }
            IterKind::Set { set, pos, len } => {
                let table = set.table.borrow();
                if table.len() != *len {
                    *len = usize::MAX;
                    return Err(PyErr::runtime_error("Set changed size during iteration"));
                }
                match table.next_at(*pos) {
                    Some((i, k)) => {
                        *pos = i + 1;
                        Some(k.clone())
                    }
                    None => None,
                }
            }
            IterKind::Exhausted(_) => None,
            _ => {
                // Kinds whose step runs Python code: release the borrow while it runs.
                let name = kind.type_name();
                let taken = std::mem::replace(&mut *kind, IterKind::Exhausted(name));
                drop(kind);
                let (result, back) = self.next_calling(taken);
                *it.kind.borrow_mut() = back;
                return result;
            }
        };
        if v.is_none() {
            *kind = IterKind::Exhausted(kind.type_name());
        }
        Ok(v)
    }

    /// Advances an iterator whose step may call back into Python; returns the state to put back.
    fn next_calling(&mut self, mut kind: IterKind) -> (PyResult<Option<Value>>, IterKind) {
        let r = (|| -> PyResult<Option<Value>> {
            match &mut kind {
                IterKind::Enumerate { inner, count } => match self.next(inner)? {
                    Some(v) => {
                        let c = count.clone();
                        *count = match c {
                            Value::Int(i) if i < i64::MAX => Value::Int(i + 1),
                            _ => self.binary_op(0, &c, &Value::Int(1))?,
                        };
                        Ok(Some(Value::tuple(vec![c, v])))
                    }
                    None => Ok(None),
                },
                IterKind::Zip { iters, .. } if iters.is_empty() => Ok(None),
                IterKind::Zip { iters, strict } => {
                    let mut items = Vec::with_capacity(iters.len());
                    for (k, i) in iters.iter().enumerate() {
                        match self.next(i)? {
                            Some(v) => items.push(v),
                            None => {
                                if *strict {
                                    if k > 0 {
                                        let plural = if k == 1 { "" } else { "s" };
                                        return Err(PyErr::value_error(format!(
                                            "zip() argument {} is shorter than argument{plural} 1{}",
                                            k + 1,
                                            if k > 1 { format!("-{k}") } else { String::new() }
                                        )));
                                    }
                                    for (j, rest) in iters.iter().enumerate().skip(1) {
                                        if self.next(rest)?.is_some() {
                                            let plural = if j == 1 { "" } else { "s" };
                                            return Err(PyErr::value_error(format!(
                                                "zip() argument {} is longer than argument{plural} 1{}",
                                                j + 1,
                                                if j > 1 { format!("-{j}") } else { String::new() }
                                            )));
                                        }
                                    }
                                }
                                return Ok(None);
                            }
                        }
                    }
                    Ok(Some(Value::tuple(items)))
                }
                IterKind::Map { func, iters } => {
                    let mut args = Vec::with_capacity(iters.len());
                    for i in iters.iter() {
                        match self.next(i)? {
                            Some(v) => args.push(v),
                            None => return Ok(None),
                        }
                    }
                    let f = func.clone();
                    self.call(&f, &args, &[]).map(Some)
                }
                IterKind::Filter { func, iter } => loop {
                    let Some(v) = self.next(iter)? else {
                        return Ok(None);
                    };
                    let keep = if func.is_none() {
                        self.truthy(&v)?
                    } else {
                        let f = func.clone();
                        let r = self.call(&f, std::slice::from_ref(&v), &[])?;
                        self.truthy(&r)?
                    };
                    if keep {
                        return Ok(Some(v));
                    }
                },
                IterKind::Seq { seq, index } => {
                    let s = seq.clone();
                    match self.getitem(&s, &Value::Int(*index as i64)) {
                        Ok(v) => {
                            *index += 1;
                            Ok(Some(v))
                        }
                        Err(e) if e.is(ExcKind::IndexError) || e.is(ExcKind::StopIteration) => {
                            Ok(None)
                        }
                        Err(e) => Err(e),
                    }
                }
                IterKind::Callable { func, sentinel } => {
                    let f = func.clone();
                    let v = self.call(&f, &[], &[])?;
                    let s = sentinel.clone();
                    if self.eq(&v, &s)? {
                        Ok(None)
                    } else {
                        Ok(Some(v))
                    }
                }
                IterKind::Native(n) => n.next(self),
                _ => Ok(None),
            }
        })();
        match r {
            // A native iterator whose repr outlives it (`repeat(1, 0)`) stays as it is.
            Ok(None) if matches!(&kind, IterKind::Native(n) if n.keep_when_exhausted()) => {
                (r, kind)
            }
            Ok(None) => {
                let name = kind.type_name();
                (r, IterKind::Exhausted(name))
            }
            // An error leaves the iterator where it was: `next` may be called again.
            Ok(Some(_)) | Err(_) => (r, kind),
        }
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.snapshot()),
            Value::Tuple(t) => Ok(t.items.to_vec()),
            _ => {
                let it = self.iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    /// Sends a value into a generator, resuming it until it yields or returns.
    pub fn gen_send(&mut self, g: &Rc<PyGenerator>, value: Value) -> PyResult<SendResult> {
        if g.running.get() {
            return Err(PyErr::value_error("generator already executing"));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Ok(SendResult::Return(Value::None));
        };
        if !g.started.get() && !value.is_none() {
            *g.frame.borrow_mut() = Some(frame);
            return Err(PyErr::type_error(
                "can't send non-None value to a just-started generator",
            ));
        }
        g.started.set(true);
        g.running.set(true);
        frame.push(value);
        let saved_exc = std::mem::replace(&mut self.exc_info, Value::None);
        let r = self.run_frame(&mut frame);
        self.exc_info = saved_exc;
        g.running.set(false);
        match r {
            Ok(Exit::Yield(v)) => {
                *g.frame.borrow_mut() = Some(frame);
                Ok(SendResult::Yield(v))
            }
            Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
            Ok(Exit::Generator) => Ok(SendResult::Return(Value::None)),
            Err(e) => {
                if e.is(ExcKind::StopIteration) {
                    let err = PyErr::runtime_error("generator raised StopIteration");
                    if let Some(s) = super::exceptions::exc_state(&err.value) {
                        let mut st = s.borrow_mut();
                        st.cause = Some(e.value.clone());
                        st.context = Some(e.value.clone());
                        st.suppress_context = true;
                    }
                    return Err(err);
                }
                Err(e)
            }
        }
    }

    /// Throws an exception into a generator at its current yield.
    pub fn gen_throw(&mut self, g: &Rc<PyGenerator>, exc: PyErr) -> PyResult<SendResult> {
        if g.running.get() {
            return Err(PyErr::value_error("generator already executing"));
        }
        let Some(mut frame) = g.frame.borrow_mut().take() else {
            return Err(exc);
        };
        if !g.started.get() {
            return Err(exc);
        }
        g.running.set(true);
        let saved_exc = std::mem::replace(&mut self.exc_info, Value::None);
        // Deliver the exception as if raised by the instruction that yielded.
        let r = self.resume_with_error(&mut frame, exc);
        self.exc_info = saved_exc;
        g.running.set(false);
        match r {
            Ok(Exit::Yield(v)) => {
                *g.frame.borrow_mut() = Some(frame);
                Ok(SendResult::Yield(v))
            }
            Ok(Exit::Return(v)) => Ok(SendResult::Return(v)),
            Ok(Exit::Generator) => Ok(SendResult::Return(Value::None)),
            Err(e) => Err(e),
        }
    }

    /// SEND: `yield from` delegation to a generator or iterator.
    pub fn send(&mut self, receiver: &Value, value: Value) -> PyResult<SendResult> {
        match receiver {
            Value::Generator(g) => self.gen_send(g, value),
            _ => {
                if value.is_none() {
                    match self.next(receiver)? {
                        Some(v) => Ok(SendResult::Yield(v)),
                        None => Ok(SendResult::Return(Value::None)),
                    }
                } else {
                    let send = self.getattr(receiver, &Value::str("send"))?;
                    match self.call(&send, &[value], &[]) {
                        Ok(v) => Ok(SendResult::Yield(v)),
                        Err(e) if e.is(ExcKind::StopIteration) => Ok(SendResult::Return(
                            e.args().first().cloned().unwrap_or(Value::None),
                        )),
                        Err(e) => Err(e),
                    }
                }
            }
        }
    }
}
