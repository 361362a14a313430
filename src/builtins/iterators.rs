//! `range`, `slice`, and the iterator types `enumerate`, `zip`, `map`, `filter`, `reversed`.

use super::{add_methods, check_positional, no_kwargs, parse_args, receiver};
use crate::objects::{Args, IterKind, Layout, PyDict, PyRange, PySlice, PyType};
use crate::vm::iter::new_iter;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::value::alloc;
use crate::vm::{PyErr, PyResult, Value, Vm};
use num_traits::Zero;
use std::rc::Rc;

pub fn install(b: &PyDict, t: &BuiltinTypes) {
    for name in ["enumerate", "zip", "map", "filter", "reversed"] {
        b.set_str(name, Value::Type(t.named(name, Layout::Iterator)));
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(&t.range, &[("index", range_index), ("count", range_count)]);
    add_methods(&t.slice, &[("indices", slice_indices)]);
}

pub fn range_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("range", &args)?;
    let p = args.positional();
    let (start, stop, step) = match p.len() {
        1 => (Value::Int(0), vm.py_index(&p[0])?, Value::Int(1)),
        2 => (vm.py_index(&p[0])?, vm.py_index(&p[1])?, Value::Int(1)),
        3 => {
            let (start, stop) = (vm.py_index(&p[0])?, vm.py_index(&p[1])?);
            let step = vm.py_index(&p[2])?;
            if matches!(step, Value::Int(0)) {
                return Err(PyErr::value_error("range() arg 3 must not be zero"));
            }
            (start, stop, step)
        }
        0 => {
            return Err(PyErr::type_error(
                "range expected at least 1 argument, got 0",
            ))
        }
        n => {
            return Err(PyErr::type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )))
        }
    };
    Ok(Value::Range(alloc(PyRange::new(start, stop, step))))
}

pub fn slice_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("slice", &args)?;
    let p = check_positional("slice", &args, 1, 3)?;
    let (start, stop, step) = match p.len() {
        1 => (Value::None, p[0].clone(), Value::None),
        2 => (p[0].clone(), p[1].clone(), Value::None),
        _ => (p[0].clone(), p[1].clone(), p[2].clone()),
    };
    Ok(Value::Slice(alloc(PySlice { start, stop, step })))
}

fn range_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let range = receiver(&args);
    let Value::Range(r) = &range else {
        return Err(PyErr::type_error("range expected"));
    };
    let x = args.args.get(1).cloned().unwrap_or(Value::None);
    if matches!(x, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        if let Some(i) = r.index_of_int(&x) {
            return Ok(i);
        }
        let s = vm.repr(&x)?;
        return Err(PyErr::value_error(format!("{s} is not in range")));
    }
    // Other values are searched for by iteration, as CPython's _PySequence_IterSearch.
    let it = vm.iter(&range)?;
    let mut k = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, &x)? {
            return Ok(Value::Int(k));
        }
        k += 1;
    }
    Err(PyErr::value_error("sequence.index(x): x not in sequence"))
}

fn range_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = receiver(&args);
    let x = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Int(vm.contains(&r, &x)? as i64))
}

fn slice_indices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Slice(s) = receiver(&args) else {
        return Err(PyErr::type_error("slice expected"));
    };
    let len = vm.index_value(args.args.get(1).unwrap_or(&Value::None))?;
    if len < 0 {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let si = vm.slice_indices(&s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(si.start),
        Value::Int(si.stop),
        Value::Int(si.step),
    ]))
}

/// Calls to the iterator types: `enumerate(...)`, `zip(...)`, `map(...)`, ...
pub fn construct_named(vm: &mut Vm, t: &Rc<PyType>, args: Args) -> PyResult<Value> {
    let name = t.name();
    match name.as_str() {
        "enumerate" => {
            // enum_vectorcall's own checks come before Argument Clinic's.
            if args.args.is_empty() {
                return Err(PyErr::type_error(
                    "enumerate() missing required argument 'iterable'",
                ));
            }
            if let Some((k, _)) = args
                .keywords()
                .find(|(k, _)| *k != "iterable" && *k != "start")
            {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for enumerate()"
                )));
            }
            let a = parse_args("enumerate", &args, &["iterable", "start"], 1)?;
            let inner = vm.iter(a[0].as_ref().unwrap_or(&Value::None))?;
            let count = match &a[1] {
                Some(v @ (Value::Int(_) | Value::BigInt(_))) => v.clone(),
                Some(Value::Bool(b)) => Value::Int(*b as i64),
                Some(other) => {
                    return Err(PyErr::type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        type_name(other)
                    )))
                }
                None => Value::Int(0),
            };
            Ok(new_iter(IterKind::Enumerate { inner, count }))
        }
        "zip" => {
            let mut strict = false;
            for (k, v) in args.keywords() {
                match k {
                    "strict" => strict = vm.truthy(v)?,
                    other => {
                        return Err(PyErr::type_error(format!(
                            "'{other}' is an invalid keyword argument for zip()"
                        )))
                    }
                }
            }
            let mut iters = Vec::new();
            for (i, a) in args.positional().iter().enumerate() {
                let it = vm.iter(a).map_err(|e| {
                    if e.is(crate::vm::ExcKind::TypeError) {
                        PyErr::type_error(format!("zip argument #{} must support iteration", i + 1))
                    } else {
                        e
                    }
                });
                let it = match it {
                    Ok(it) => it,
                    Err(_) => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object is not iterable",
                            type_name(a)
                        )))
                    }
                };
                iters.push(it);
            }
            Ok(new_iter(IterKind::Zip { iters, strict }))
        }
        "map" => {
            no_kwargs("map", &args)?;
            let p = args.positional();
            if p.len() < 2 {
                return Err(PyErr::type_error("map() must have at least two arguments."));
            }
            let mut iters = Vec::new();
            for a in &p[1..] {
                iters.push(vm.iter(a)?);
            }
            Ok(new_iter(IterKind::Map {
                func: p[0].clone(),
                iters,
            }))
        }
        "filter" => {
            no_kwargs("filter", &args)?;
            let p = check_positional("filter", &args, 2, 2)?;
            let iter = vm.iter(&p[1])?;
            Ok(new_iter(IterKind::Filter {
                func: p[0].clone(),
                iter,
            }))
        }
        "reversed" => {
            no_kwargs("reversed", &args)?;
            let p = check_positional("reversed", &args, 1, 1)?;
            reversed(vm, &p[0])
        }
        // A library module's iterator type (itertools.count) brings its own constructor.
        _ => match t.dict.get_str("__new__") {
            Some(new) => {
                let mut full = vec![Value::Type(t.clone())];
                full.extend_from_slice(args.args);
                vm.call(&new, &full, args.kwnames)
            }
            None => Err(PyErr::type_error(format!(
                "cannot create '{name}' instances"
            ))),
        },
    }
}

/// `reversed(seq)`.
pub fn reversed(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    Ok(match v {
        Value::List(l) => new_iter(IterKind::ListReverse {
            list: l.clone(),
            index: l.len(),
        }),
        Value::Tuple(t) => {
            let mut items = t.items.to_vec();
            items.reverse();
            new_iter(IterKind::Tuple {
                tuple: alloc(crate::objects::PyTuple::new(items)),
                index: 0,
            })
        }
        Value::Range(r) => match &r.small {
            Some(s) if s.step != i64::MIN => new_iter(IterKind::Range {
                next: if s.len == 0 { 0 } else { s.get(s.len - 1) },
                remaining: s.len,
                step: -s.step,
            }),
            _ => {
                let len = r.big_len();
                let last = if len.is_zero() {
                    len.clone()
                } else {
                    r.big_get(&(&len - 1u32))
                };
                new_iter(IterKind::LongRange {
                    next: last,
                    remaining: len,
                    step: -crate::objects::int::big(&r.step),
                })
            }
        },
        Value::Str(s) => {
            let rev: String = s.as_str().chars().rev().collect();
            new_iter(IterKind::Str {
                s: alloc(crate::objects::PyStr::new(rev)),
                byte_pos: 0,
            })
        }
        Value::Dict(d) => {
            let mut keys = d.keys();
            keys.reverse();
            new_iter(IterKind::Tuple {
                tuple: alloc(crate::objects::PyTuple::new(keys)),
                index: 0,
            })
        }
        Value::Instance(_) | Value::Native(_) => {
            if let Some(r) = vm.call_dunder_opt(v, "__reversed__", &[])? {
                return Ok(r);
            }
            // A subclass of a built-in container reverses its contents (a dict's keys).
            if let Value::Instance(inst) = v {
                let p = inst.payload.borrow().clone();
                if !p.is_null() {
                    return reversed(vm, &p);
                }
            }
            let n = vm.len(v).map_err(|_| {
                PyErr::type_error(format!("'{}' object is not reversible", type_name(v)))
            })?;
            let mut items = Vec::with_capacity(n);
            for i in (0..n).rev() {
                items.push(vm.getitem(v, &Value::Int(i as i64))?);
            }
            new_iter(IterKind::Tuple {
                tuple: alloc(crate::objects::PyTuple::new(items)),
                index: 0,
            })
        }
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object is not reversible",
                type_name(other)
            )))
        }
    })
}
