//! `list` and `tuple`: construction and methods, and the stable sort used by `list.sort` and
//! `sorted` (a merge sort that only asks `<`, so inconsistent comparisons cannot break it).

use super::{add_methods, check_positional, no_kwargs, receiver};
use crate::objects::{Args, PyList};
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::rc::Rc;

pub fn list_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("list", &args)?;
    let p = check_positional("list", &args, 0, 1)?;
    match p.first() {
        None => Ok(Value::list(Vec::new())),
        Some(v) => {
            // Allocated at its final size, as CPython does (`sys.getsizeof` reports capacity).
            let mut items = vm.collect(v)?;
            items.shrink_to_fit();
            Ok(Value::list(items))
        }
    }
}

pub fn tuple_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("tuple", &args)?;
    let p = check_positional("tuple", &args, 0, 1)?;
    match p.first() {
        None => Ok(Value::tuple(Vec::new())),
        Some(v @ Value::Tuple(_)) => Ok(v.clone()),
        Some(v) => Ok(Value::tuple(vm.collect(v)?)),
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.list,
        &[
            ("append", list_append),
            ("extend", list_extend),
            ("insert", list_insert),
            ("pop", list_pop),
            ("remove", list_remove),
            ("index", list_index),
            ("count", list_count),
            ("sort", list_sort),
            ("reverse", list_reverse),
            ("copy", list_copy),
            ("clear", list_clear),
            ("__len__", seq_len),
            ("__getitem__", seq_getitem),
            ("__setitem__", list_setitem),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
            ("__init__", list_init),
        ],
    );
    add_methods(
        &t.tuple,
        &[
            ("index", tuple_index),
            ("count", list_count),
            ("__len__", seq_len),
            ("__getitem__", seq_getitem),
            ("__contains__", seq_contains),
            ("__iter__", seq_iter),
        ],
    );
}

fn this(args: &Args, name: &str) -> PyResult<Rc<PyList>> {
    match receiver(args) {
        Value::List(l) => Ok(l),
        other => Err(PyErr::type_error(format!(
            "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
            type_name(&other)
        ))),
    }
}

/// The arguments of `qual` (`list.insert`) after the receiver, with CPython's messages for each
/// calling convention: METH_NOARGS (`max == 0`), METH_O (exactly one), or Argument Clinic's
/// positional-only form (`insert expected 2 arguments, got 1`). Keywords are always refused.
pub(crate) fn method_args<'a>(
    args: &Args<'a>,
    qual: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    if max == 0 {
        super::no_args(qual, &rest)?;
        return Ok(&[]);
    }
    if min == 1 && max == 1 {
        return super::one_arg(qual, &rest).map(std::slice::from_ref);
    }
    no_kwargs(qual, &rest)?;
    let short = qual.rsplit('.').next().unwrap_or(qual);
    check_positional(short, &rest, min, max)
}

fn list_append(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let ([Value::List(l), x], false) = (args.args, args.has_kwargs()) {
        l.push(x.clone());
        return Ok(Value::None);
    }
    let l = this(&args, "append")?;
    let p = method_args(&args, "list.append", 1, 1)?;
    l.push(p[0].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "extend")?;
    let p = method_args(&args, "list.extend", 1, 1)?;
    let items = vm.collect(&p[0])?;
    l.extend(items, matches!(p[0], Value::List(_) | Value::Tuple(_)));
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "insert")?;
    let p = method_args(&args, "list.insert", 2, 2)?;
    let i = vm.index_value(&p[0])?;
    let mut items = l.items.borrow_mut();
    let n = items.len() as i64;
    let pos = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    items.insert(pos, p[1].clone());
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "pop")?;
    let p = method_args(&args, "list.pop", 0, 1)?;
    let i = match p.first() {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let n = items.len();
    match crate::vm::collections::normalize(i, n) {
        Some(k) => Ok(items.remove(k)),
        None => Err(PyErr::index_error("pop index out of range")),
    }
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "remove")?;
    let p = method_args(&args, "list.remove", 1, 1)?;
    let n = l.len();
    for i in 0..n {
        let Some(x) = l.get(i) else { break };
        if vm.key_eq(&x, &p[0])? {
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                items.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn index_bounds(vm: &mut Vm, p: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let norm = |i: i64| -> usize {
        if i < 0 {
            (i + len as i64).max(0) as usize
        } else {
            (i as usize).min(len)
        }
    };
    let start = match p.get(1) {
        Some(v) => norm(vm.index_value(v)?),
        None => 0,
    };
    let stop = match p.get(2) {
        Some(v) => norm(vm.index_value(v)?),
        None => len,
    };
    Ok((start, stop))
}

fn list_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "index")?;
    let p = method_args(&args, "list.index", 1, 3)?;
    let (start, stop) = index_bounds(vm, p, l.len())?;
    for i in start..stop {
        let Some(x) = l.get(i) else { break };
        if vm.key_eq(&x, &p[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    let r = vm.repr(&p[0])?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

fn tuple_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Tuple(t) = receiver(&args) else {
        return Err(PyErr::type_error(
            "descriptor 'index' requires a 'tuple' object",
        ));
    };
    let p = method_args(&args, "tuple.index", 1, 3)?;
    let (start, stop) = index_bounds(vm, p, t.len())?;
    for i in start..stop {
        if vm.key_eq(&t.items[i], &p[0])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn list_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (items, qual) = match receiver(&args) {
        Value::List(l) => (l.snapshot(), "list.count"),
        Value::Tuple(t) => (t.items.to_vec(), "tuple.count"),
        _ => return Err(PyErr::type_error("descriptor 'count' requires a sequence")),
    };
    let p = method_args(&args, qual, 1, 1)?;
    let mut n = 0;
    for x in &items {
        if vm.key_eq(x, &p[0])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "sort")?;
    let rest = Args::with_kw(&args.args[1..], args.kwnames);
    let n = rest.args.len();
    if n > 2 {
        return Err(PyErr::type_error(format!(
            "sort() takes at most 2 arguments ({n} given)"
        )));
    }
    if !rest.positional().is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in rest.keywords() {
        match k {
            "key" => key = v.clone(),
            "reverse" => reverse = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )))
            }
        }
    }
    sort_list(vm, &l, &key, reverse)?;
    Ok(Value::None)
}

/// Sorts a list in place, stably, by `key` (None: the items), as `list.sort` does: the list
/// looks empty while sorting, and a list modified by a comparison raises ValueError.
pub fn sort_list(vm: &mut Vm, l: &Rc<PyList>, key: &Value, reverse: bool) -> PyResult<()> {
    let mut items = std::mem::take(&mut *l.items.borrow_mut());
    let result = (|| -> PyResult<Vec<Value>> {
        let keys: Vec<Value> = if key.is_none() {
            items.clone()
        } else {
            let mut ks = Vec::with_capacity(items.len());
            for it in &items {
                ks.push(vm.call(key, std::slice::from_ref(it), &[])?);
            }
            ks
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        if reverse {
            order.reverse();
        }
        let order = merge_sort(vm, order, &keys)?;
        let mut sorted: Vec<Value> = order
            .iter()
            .map(|&i| std::mem::replace(&mut items[i], Value::None))
            .collect();
        if reverse {
            sorted.reverse();
        }
        Ok(sorted)
    })();
    let mut slot = l.items.borrow_mut();
    let modified = !slot.is_empty();
    match result {
        Ok(sorted) => {
            *slot = sorted;
            if modified {
                return Err(PyErr::value_error("list modified during sort"));
            }
            Ok(())
        }
        Err(e) => {
            if !modified {
                *slot = items;
            }
            Err(e)
        }
    }
}

/// Stable merge sort of indices by `keys`, comparing only with `<`.
fn merge_sort(vm: &mut Vm, v: Vec<usize>, keys: &[Value]) -> PyResult<Vec<usize>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    // Insertion sort for short runs.
    if v.len() <= 8 {
        let mut out: Vec<usize> = Vec::with_capacity(v.len());
        for i in v {
            let mut pos = out.len();
            while pos > 0 && vm.lt(&keys[i], &keys[out[pos - 1]])? {
                pos -= 1;
            }
            out.insert(pos, i);
        }
        return Ok(out);
    }
    let mut right = v;
    let left = right.drain(..right.len() / 2).collect::<Vec<_>>();
    let left = merge_sort(vm, left, keys)?;
    let right = merge_sort(vm, right, keys)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let (mut i, mut j) = (0, 0);
    while i < left.len() && j < right.len() {
        if vm.lt(&keys[right[j]], &keys[left[i]])? {
            out.push(right[j]);
            j += 1;
        } else {
            out.push(left[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&left[i..]);
    out.extend_from_slice(&right[j..]);
    Ok(out)
}

fn list_reverse(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "reverse")?;
    method_args(&args, "list.reverse", 0, 0)?;
    l.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "copy")?;
    method_args(&args, "list.copy", 0, 0)?;
    Ok(Value::list(l.snapshot()))
}

fn list_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this(&args, "clear")?;
    method_args(&args, "list.clear", 0, 0)?;
    let old = std::mem::take(&mut *l.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

fn list_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // list.__init__(self, iterable=()) for subclasses: (re)fill the payload.
    let target = receiver(&args);
    if let Value::List(l) = target {
        let p = &args.args[1..];
        let items = match p.first() {
            Some(v) => vm.collect(v)?,
            None => Vec::new(),
        };
        *l.items.borrow_mut() = items;
    }
    Ok(Value::None)
}

fn seq_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    Ok(Value::Int(vm.len(&s)? as i64))
}

fn seq_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let i = args.args.get(1).cloned().unwrap_or(Value::None);
    vm.getitem(&s, &i)
}

fn list_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let i = args.args.get(1).cloned().unwrap_or(Value::None);
    let v = args.args.get(2).cloned().unwrap_or(Value::None);
    vm.setitem(&s, &i, v)?;
    Ok(Value::None)
}

fn seq_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let x = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&s, &x)?))
}

fn seq_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    vm.iter(&s)
}

#[allow(dead_code)]
fn unused(_: ExcKind) {}
