//! `dict`: the key operations the VM uses everywhere (lookup, insert, delete with Python hashing
//! and equality), construction, methods, views, `|` and equality.

use super::{add_methods, parse_args, receiver};
use crate::objects::{Args, DictView, IterKind, PyDict};
use crate::syntax::ast::Operator;
use crate::vm::iter::new_iter;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{PyErr, PyResult, Value, Vm};
use std::rc::Rc;

fn busy() -> PyErr {
    PyErr::runtime_error("dictionary changed size during iteration")
}

impl Vm {
    /// `d[key]` without raising: None if missing.
    pub fn dict_get(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        if let Value::Str(s) = key {
            let t = d.table();
            if let Some(found) = t.find_str_exact(s.hash(), s.as_str()) {
                return Ok(found.and_then(|i| t.value_at(i).cloned()));
            }
        }
        let h = self.hash(key)?;
        let t = d.try_table().ok_or_else(busy)?;
        let i = t.find(h, key, &mut |a, b| self.key_eq(a, b))?;
        Ok(i.and_then(|i| t.value_at(i).cloned()))
    }

    /// `d[key] = value`.
    pub fn dict_set(&mut self, d: &PyDict, key: Value, value: Value) -> PyResult<()> {
        if let Value::Str(s) = &key {
            let h = s.hash();
            let mut t = d.table_mut().ok_or_else(busy)?;
            match t.find_str_exact(h, s.as_str()) {
                Some(Some(i)) => {
                    t.set_value_at(i, value);
                    return Ok(());
                }
                Some(None) => {
                    t.insert_new(h, key, value);
                    return Ok(());
                }
                None => drop(t),
            }
        }
        let h = self.hash(&key)?;
        let found = {
            let t = d.try_table().ok_or_else(busy)?;
            t.find(h, &key, &mut |a, b| self.key_eq(a, b))?
        };
        let mut t = d.table_mut().ok_or_else(busy)?;
        match found {
            Some(i) => t.set_value_at(i, value),
            None => t.insert_new(h, key, value),
        }
        Ok(())
    }

    /// `del d[key]`, returning the removed value (None if absent).
    pub fn dict_del(&mut self, d: &PyDict, key: &Value) -> PyResult<Option<Value>> {
        let h = self.hash(key)?;
        let found = {
            let t = d.try_table().ok_or_else(busy)?;
            t.find(h, key, &mut |a, b| self.key_eq(a, b))?
        };
        match found {
            Some(i) => Ok(d
                .table_mut()
                .ok_or_else(busy)?
                .remove_at(i)
                .map(|e| e.value)),
            None => Ok(None),
        }
    }

    /// Adds (key, value) pairs from a mapping or an iterable of pairs (`dict.update`).
    pub fn dict_merge_from(&mut self, d: &Rc<PyDict>, other: &Value) -> PyResult<()> {
        match other {
            Value::Dict(o) => {
                for (k, v) in o.items() {
                    self.dict_set(d, k, v)?;
                }
                Ok(())
            }
            Value::Instance(_) | Value::Native(_)
                if self.getattr(other, &Value::str("keys")).is_ok() =>
            {
                let keys_fn = self.getattr(other, &Value::str("keys"))?;
                let keys = self.call(&keys_fn, &[], &[])?;
                for k in self.collect(&keys)? {
                    let v = self.getitem(other, &k)?;
                    self.dict_set(d, k, v)?;
                }
                Ok(())
            }
            _ => {
                let items = self.collect(other)?;
                for (i, item) in items.iter().enumerate() {
                    let pair = match item {
                        Value::Tuple(_) | Value::List(_) => self.collect(item)?,
                        Value::Str(_)
                        | Value::Instance(_)
                        | Value::Iterator(_)
                        | Value::Generator(_) => self.collect(item)?,
                        _ => {
                            return Err(PyErr::type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )))
                        }
                    };
                    if pair.len() != 2 {
                        return Err(PyErr::value_error(format!(
                            "dictionary update sequence element #{i} has length {}; 2 is required",
                            pair.len()
                        )));
                    }
                    self.dict_set(d, pair[0].clone(), pair[1].clone())?;
                }
                Ok(())
            }
        }
    }
}

pub fn dict_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.positional();
    if p.len() > 1 {
        return Err(PyErr::type_error(format!(
            "dict expected at most 1 argument, got {}",
            p.len()
        )));
    }
    let d = Rc::new(PyDict::new());
    if let Some(src) = p.first() {
        vm.dict_merge_from(&d, src)?;
    }
    for (k, v) in args.keywords() {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(Value::Dict(d))
}

pub fn install_methods(t: &BuiltinTypes) {
    super::add_descriptors(&t.dict, &t.object, true, &[("fromkeys", dict_fromkeys)]);
    add_methods(
        &t.dict,
        &[
            ("get", dict_get_method),
            ("setdefault", dict_setdefault),
            ("pop", dict_pop),
            ("popitem", dict_popitem),
            ("keys", dict_keys),
            ("values", dict_values),
            ("items", dict_items),
            ("update", dict_update),
            ("clear", dict_clear),
            ("copy", dict_copy),
            ("__len__", dict_len),
            ("__getitem__", dict_getitem),
            ("__setitem__", dict_setitem),
            ("__delitem__", dict_delitem),
            ("__contains__", dict_contains),
            ("__iter__", dict_iter),
            ("__init__", dict_init),
        ],
    );
}

fn this(args: &Args) -> PyResult<Rc<PyDict>> {
    match receiver(args) {
        Value::Dict(d) => Ok(d),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'dict' object but received a '{}'",
            type_name(&other)
        ))),
    }
}

fn rest<'a>(args: &Args<'a>) -> &'a [Value] {
    &args.args[1..args.args.len() - args.kwnames.len()]
}

fn dict_get_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let p = super::list::method_args(&args, "dict.get", 1, 2)?;
    Ok(vm
        .dict_get(&d, &p[0])?
        .unwrap_or_else(|| p.get(1).cloned().unwrap_or(Value::None)))
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let p = super::list::method_args(&args, "dict.setdefault", 1, 2)?;
    if let Some(v) = vm.dict_get(&d, &p[0])? {
        return Ok(v);
    }
    let default = p.get(1).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, p[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let p = super::list::method_args(&args, "dict.pop", 1, 2)?;
    match vm.dict_del(&d, &p[0])? {
        Some(v) => Ok(v),
        None => match p.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(p[0].clone())),
        },
    }
}

fn dict_popitem(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    super::list::method_args(&args, "dict.popitem", 0, 0)?;
    let mut t = d.table_mut().ok_or_else(busy)?;
    match t.last_index() {
        Some(i) => {
            let e = t
                .remove_at(i)
                .ok_or_else(|| PyErr::key_error(Value::None))?;
            Ok(Value::tuple(vec![e.key, e.value]))
        }
        None => Err(PyErr::new(
            crate::vm::ExcKind::KeyError,
            "popitem(): dictionary is empty",
        )),
    }
}

fn view(args: &Args, view: DictView) -> PyResult<Value> {
    let d = this(args)?;
    let qual = match view {
        DictView::Keys => "dict.keys",
        DictView::Values => "dict.values",
        DictView::Items => "dict.items",
    };
    super::list::method_args(args, qual, 0, 0)?;
    Ok(crate::builtins::classes::dict_view(d, view))
}

fn dict_keys(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Keys)
}

fn dict_values(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Values)
}

fn dict_items(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(&args, DictView::Items)
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let p = rest(&args);
    if p.len() > 1 {
        return Err(PyErr::type_error(format!(
            "update expected at most 1 argument, got {}",
            p.len()
        )));
    }
    if let Some(src) = p.first() {
        vm.dict_merge_from(&d, src)?;
    }
    let kw = Args::with_kw(args.args, args.kwnames);
    for (k, v) in kw.keywords() {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    super::list::method_args(&args, "dict.clear", 0, 0)?;
    d.table_mut().ok_or_else(busy)?.clear();
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    super::list::method_args(&args, "dict.copy", 0, 0)?;
    let n = Rc::new(PyDict::new());
    for (k, v) in d.items() {
        vm.dict_set(&n, k, v)?;
    }
    Ok(Value::Dict(n))
}

/// `dict.fromkeys(iterable, value=None)`, a classmethod: `args[0]` is the class.
fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    super::no_kwargs("dict.fromkeys", &rest)?;
    let p = super::check_positional("fromkeys", &rest, 1, 2)?;
    let v = p.get(1).cloned().unwrap_or(Value::None);
    match &cls {
        Value::Type(t) if !t.builtin => {
            let d = vm.call(&cls, &[], &[])?;
            for k in vm.collect(&p[0])? {
                vm.setitem(&d, &k, v.clone())?;
            }
            Ok(d)
        }
        _ => {
            let n = Rc::new(PyDict::new());
            for k in vm.collect(&p[0])? {
                vm.dict_set(&n, k, v.clone())?;
            }
            Ok(Value::Dict(n))
        }
    }
}

fn dict_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(&args)?.len() as i64))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    if let Some(v) = vm.dict_get(&d, &k)? {
        return Ok(v);
    }
    // A dict subclass (defaultdict, Counter) supplies the value for a missing key.
    let receiver = &args.args[0];
    if matches!(receiver, Value::Instance(_)) {
        if let Some(v) = vm.call_dunder_opt(receiver, "__missing__", std::slice::from_ref(&k))? {
            return Ok(v);
        }
    }
    Err(PyErr::key_error(k))
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    let v = args.args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, k, v)?;
    Ok(Value::None)
}

fn dict_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    match vm.dict_del(&d, &k)? {
        Some(_) => Ok(Value::None),
        None => Err(PyErr::key_error(k)),
    }
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let k = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.dict_get(&d, &k)?.is_some()))
}

fn dict_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let len = d.len();
    Ok(new_iter(IterKind::Dict {
        dict: d,
        view: DictView::Keys,
        pos: 0,
        len,
    }))
}

fn dict_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this(&args)?;
    let p = rest(&args);
    if let Some(src) = p.first() {
        vm.dict_merge_from(&d, src)?;
    }
    let kw = Args::with_kw(args.args, args.kwnames);
    for (k, v) in kw.keywords() {
        vm.dict_set(&d, Value::str(k), v.clone())?;
    }
    Ok(Value::None)
}

/// Dict equality: same keys, equal values.
pub fn dict_eq(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let (Value::Dict(x), Value::Dict(y)) = (a, b) else {
        return Ok(false);
    };
    if x.len() != y.len() {
        return Ok(false);
    }
    for (k, v) in x.items() {
        match vm.dict_get(y, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `d1 | d2` (a new dict), or None when the operands are not both dicts.
pub fn dict_operator(vm: &mut Vm, op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if op != Operator::BitOr {
        return None;
    }
    let (Value::Dict(x), Value::Dict(_)) = (a, b) else {
        return None;
    };
    let n = Rc::new(PyDict::new());
    let r = (|| {
        for (k, v) in x.items() {
            vm.dict_set(&n, k, v)?;
        }
        vm.dict_merge_from(&n, b)?;
        Ok(Value::Dict(n.clone()))
    })();
    Some(r)
}

/// `d |= other`.
pub fn dict_inplace_or(vm: &mut Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let Value::Dict(d) = a else { return None };
    Some(vm.dict_merge_from(d, b).map(|_| a.clone()))
}

#[allow(dead_code)]
fn parse(args: &Args) -> PyResult<Vec<Option<Value>>> {
    parse_args("dict", args, &[], 0)
}
