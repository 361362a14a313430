//! The iterator protocol as methods: `__iter__`/`__next__` of every built-in iterator, and the
//! generator methods `send`, `throw` and `close`.

use super::{add_methods, check_positional, no_kwargs, receiver};
use crate::objects::{Args, PyGenerator, PyType};
use crate::vm::iter::SendResult;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::rc::Rc;

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.generator,
        &[
            ("__iter__", iter_self),
            ("__next__", generator_next),
            ("send", generator_send),
            ("throw", generator_throw),
            ("close", generator_close),
        ],
    );
}

/// Gives a built-in iterator type (`list_iterator`, `zip`, ...) its protocol methods.
pub fn install_iterator_methods(t: &Rc<PyType>) {
    add_methods(t, &[("__iter__", iter_self), ("__next__", iterator_next)]);
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(receiver(&args))
}

fn iterator_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = receiver(&args);
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::with_args(ExcKind::StopIteration, vec![])),
    }
}

fn this(args: &Args, method: &str) -> PyResult<Rc<PyGenerator>> {
    match receiver(args) {
        Value::Generator(g) => Ok(g),
        other => Err(PyErr::type_error(format!(
            "descriptor '{method}' for 'generator' objects doesn't apply to a '{}' object",
            type_name(&other)
        ))),
    }
}

/// A generator step as Python sees it: the yielded value, or StopIteration carrying the return
/// value (no args when it is None).
fn resume(step: SendResult) -> PyResult<Value> {
    match step {
        SendResult::Yield(v) => Ok(v),
        SendResult::Return(Value::None) => Err(PyErr::with_args(ExcKind::StopIteration, vec![])),
        SendResult::Return(v) => Err(PyErr::stop_iteration(v)),
    }
}

fn generator_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(&args, "__next__")?;
    let step = vm.gen_send(&g, Value::None)?;
    resume(step)
}

fn generator_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(&args, "send")?;
    no_kwargs("send", &args)?;
    let rest = Args::new(&args.args[1..]);
    let p = check_positional("send", &rest, 1, 1)?;
    let step = vm.gen_send(&g, p[0].clone())?;
    resume(step)
}

/// `throw(exc)` or the deprecated `throw(type[, value[, traceback]])`.
fn generator_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(&args, "throw")?;
    no_kwargs("throw", &args)?;
    let rest = Args::new(&args.args[1..]);
    let p = check_positional("throw", &rest, 1, 3)?;
    let exc = match (&p[0], p.get(1)) {
        (Value::Type(t), Some(v)) if t.is_exception() && !v.is_none() => {
            if matches!(v, Value::Instance(i) if i.exc.is_some()) {
                v.clone()
            } else {
                let args = match v {
                    Value::Tuple(t) => t.items.to_vec(),
                    other => vec![other.clone()],
                };
                vm.call(&p[0], &args, &[])?
            }
        }
        (Value::Type(t), _) if t.is_exception() => vm.call(&p[0], &[], &[])?,
        (Value::Instance(i), None) if i.exc.is_some() => p[0].clone(),
        (Value::Instance(i), Some(v)) if i.exc.is_some() => {
            if !v.is_none() {
                return Err(PyErr::type_error(
                    "instance exception may not have a separate value",
                ));
            }
            p[0].clone()
        }
        (other, _) => {
            return Err(PyErr::type_error(format!(
                "exceptions must be classes or instances deriving from BaseException, not {}",
                type_name(other)
            )))
        }
    };
    let step = vm.gen_throw(&g, PyErr::from_value(exc))?;
    resume(step)
}

/// Raises GeneratorExit at the suspended yield; a generator that yields again is an error.
fn generator_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(&args, "close")?;
    if !g.started.get() || g.frame.borrow().is_none() {
        g.frame.borrow_mut().take();
        return Ok(Value::None);
    }
    let exit = PyErr::with_args(ExcKind::GeneratorExit, vec![]);
    match vm.gen_throw(&g, exit) {
        Ok(SendResult::Yield(_)) => Err(PyErr::runtime_error("generator ignored GeneratorExit")),
        Ok(SendResult::Return(_)) => Ok(Value::None),
        Err(e) if e.is(ExcKind::GeneratorExit) || e.is(ExcKind::StopIteration) => Ok(Value::None),
        Err(e) => Err(e),
    }
}
