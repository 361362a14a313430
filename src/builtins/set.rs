//! `set` and `frozenset`: construction, methods, operators (`|`, `&`, `-`, `^`) and comparisons,
//! building results in the order CPython's algorithms visit elements.

use super::{add_methods, receiver};
use crate::objects::set::SetTable;
use crate::objects::{Args, PySet};
use crate::syntax::ast::Operator;
use crate::vm::ops::Cmp;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::value::alloc;
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::rc::Rc;

impl Vm {
    /// A new set (or frozenset) of `items`, added in order.
    pub fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let mut t = SetTable::default();
        for item in items {
            let h = self.hash(&item)?;
            t.add(item, h, &mut |a, b| self.key_eq(a, b))?;
        }
        Ok(Value::Set(alloc(PySet::from_table(t, frozen))))
    }

    /// Adds `item` to the set `s`.
    pub fn set_add(&mut self, s: &Value, item: Value) -> PyResult<()> {
        let Value::Set(set) = s else {
            return Err(PyErr::type_error("not a set"));
        };
        let h = self.hash(&item)?;
        let mut t = std::mem::take(&mut *set.table.borrow_mut());
        let r = t.add(item, h, &mut |a, b| self.key_eq(a, b));
        *set.table.borrow_mut() = t;
        r.map(|_| ())
    }

    /// A table with the elements of any iterable (sets and dicts are merged as CPython does).
    fn table_from(&mut self, v: &Value) -> PyResult<SetTable> {
        let mut t = SetTable::default();
        self.table_update(&mut t, v)?;
        Ok(t)
    }

    fn table_update(&mut self, t: &mut SetTable, v: &Value) -> PyResult<()> {
        match v {
            Value::Set(s) => {
                let other = s.table.borrow().clone();
                t.merge(&other, &mut |a, b| self.key_eq(a, b))
            }
            Value::Dict(d) => {
                let n = d.len();
                t.reserve_for(n);
                for k in d.keys() {
                    let h = self.hash(&k)?;
                    t.add(k, h, &mut |a, b| self.key_eq(a, b))?;
                }
                Ok(())
            }
            other => {
                for item in self.collect(other)? {
                    let h = self.hash(&item)?;
                    t.add(item, h, &mut |a, b| self.key_eq(a, b))?;
                }
                Ok(())
            }
        }
    }

    fn table_contains(&mut self, t: &SetTable, item: &Value) -> PyResult<bool> {
        let h = self.hash(item)?;
        Ok(t.lookup(item, h, &mut |a, b| self.key_eq(a, b))?.is_some())
    }
}

fn make(t: SetTable, frozen: bool) -> Value {
    Value::Set(alloc(PySet::from_table(t, frozen)))
}

pub fn set_new(vm: &mut Vm, args: Args, frozen: bool) -> PyResult<Value> {
    let name = if frozen { "frozenset" } else { "set" };
    super::no_kwargs(name, &args)?;
    let p = super::check_positional(name, &args, 0, 1)?;
    match p.first() {
        None => Ok(make(SetTable::default(), frozen)),
        Some(Value::Set(s)) if frozen && s.frozen => Ok(p[0].clone()),
        Some(v) => {
            let t = vm.table_from(v)?;
            Ok(make(t, frozen))
        }
    }
}

fn this(args: &Args) -> PyResult<Rc<PySet>> {
    match receiver(args) {
        Value::Set(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            type_name(&other)
        ))),
    }
}

fn mutable(args: &Args) -> PyResult<Rc<PySet>> {
    let s = this(args)?;
    if s.frozen {
        return Err(PyErr::attribute_error(
            "'frozenset' object has no attribute",
        ));
    }
    Ok(s)
}

/// The arguments after the receiver, checked as CPython's method table declares each method:
/// METH_O (`set.add() takes exactly one argument (0 given)`), METH_NOARGS, or METH_VARARGS
/// without keywords (`set.union() takes no keyword arguments`, as a direct call says it).
fn args_for<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a [Value]> {
    let rest = Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames);
    let kind = match args.args.first() {
        Some(Value::Set(s)) if s.frozen => "frozenset",
        _ => "set",
    };
    let qual = format!("{kind}.{name}");
    match name {
        "add"
        | "discard"
        | "remove"
        | "isdisjoint"
        | "issubset"
        | "issuperset"
        | "symmetric_difference"
        | "symmetric_difference_update" => super::one_arg(&qual, &rest).map(std::slice::from_ref),
        "pop" | "clear" | "copy" => super::no_args(&qual, &rest).map(|_| &[][..]),
        _ => {
            super::no_kwargs(&qual, &rest)?;
            Ok(rest.positional())
        }
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    let common: &[(&'static str, crate::objects::BuiltinFn)] = &[
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
        ("copy", set_copy),
        ("__len__", set_len),
        ("__contains__", set_contains),
        ("__iter__", set_iter),
    ];
    add_methods(&t.set, common);
    add_methods(&t.frozenset, common);
    add_methods(
        &t.set,
        &[
            ("add", set_add_method),
            ("remove", set_remove),
            ("discard", set_discard),
            ("pop", set_pop),
            ("clear", set_clear),
            ("update", set_update),
            ("intersection_update", set_intersection_update),
            ("difference_update", set_difference_update),
            (
                "symmetric_difference_update",
                set_symmetric_difference_update,
            ),
        ],
    );
}

fn set_add_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    mutable(&args)?;
    let p = args_for(&args, "add")?;
    vm.set_add(&receiver(&args), p[0].clone())?;
    Ok(Value::None)
}

fn discard_impl(vm: &mut Vm, args: &Args, raise: bool) -> PyResult<Value> {
    let s = mutable(args)?;
    let p = args_for(args, if raise { "remove" } else { "discard" })?;
    let item = &p[0];
    let h = match vm.hash(item) {
        Ok(h) => h,
        Err(e) => {
            // A set argument is looked up as the equivalent frozenset.
            if let Value::Set(inner) = item {
                let frozen = make(inner.table.borrow().clone(), true);
                vm.hash(&frozen)?
            } else {
                return Err(e);
            }
        }
    };
    let mut t = std::mem::take(&mut *s.table.borrow_mut());
    let r = t.discard(item, h, &mut |a, b| vm.key_eq(a, b));
    *s.table.borrow_mut() = t;
    if !r? && raise {
        return Err(PyErr::key_error(item.clone()));
    }
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    discard_impl(vm, &args, true)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    discard_impl(vm, &args, false)
}

fn set_pop(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args_for(&args, "pop")?;
    let s = mutable(&args)?;
    let r = s.table.borrow_mut().pop();
    r.ok_or_else(|| PyErr::new(ExcKind::KeyError, "pop from an empty set"))
}

fn set_clear(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args_for(&args, "clear")?;
    let s = mutable(&args)?;
    s.table.borrow_mut().clear();
    Ok(Value::None)
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = mutable(&args)?;
    for other in args_for(&args, "update")? {
        let mut t = std::mem::take(&mut *s.table.borrow_mut());
        let r = vm.table_update(&mut t, other);
        *s.table.borrow_mut() = t;
        r?;
    }
    Ok(Value::None)
}

/// CPython's set_intersection: iterate the smaller set, keep what the other contains.
fn intersect(vm: &mut Vm, a: &SetTable, other: &Value) -> PyResult<SetTable> {
    let mut result = SetTable::default();
    match other {
        Value::Set(o) => {
            let ot = o.table.borrow().clone();
            let (small, big) = if ot.len() > a.len() {
                (a, &ot)
            } else {
                (&ot, a)
            };
            for (k, h) in small.iter() {
                if big.lookup(k, h, &mut |x, y| vm.key_eq(x, y))?.is_some() {
                    result.add(k.clone(), h, &mut |x, y| vm.key_eq(x, y))?;
                }
            }
        }
        _ => {
            for item in vm.collect(other)? {
                if vm.table_contains(a, &item)? {
                    let h = vm.hash(&item)?;
                    result.add(item, h, &mut |x, y| vm.key_eq(x, y))?;
                }
            }
        }
    }
    Ok(result)
}

/// CPython's set_difference.
fn difference(vm: &mut Vm, a: &SetTable, other: &Value) -> PyResult<SetTable> {
    let other_table = match other {
        Value::Set(o) => o.table.borrow().clone(),
        _ => vm.table_from(other)?,
    };
    if (a.len() >> 2) > other_table.len() {
        let mut result = a.clone();
        for (k, h) in other_table.iter() {
            result.discard(k, h, &mut |x, y| vm.key_eq(x, y))?;
        }
        return Ok(result);
    }
    let mut result = SetTable::default();
    for (k, h) in a.iter() {
        if other_table
            .lookup(k, h, &mut |x, y| vm.key_eq(x, y))?
            .is_none()
        {
            result.add(k.clone(), h, &mut |x, y| vm.key_eq(x, y))?;
        }
    }
    Ok(result)
}

/// CPython's set_symmetric_difference: copy, then toggle each element of the other.
fn symmetric(vm: &mut Vm, a: &SetTable, other: &Value) -> PyResult<SetTable> {
    let other_table = match other {
        Value::Set(o) => o.table.borrow().clone(),
        _ => vm.table_from(other)?,
    };
    let mut result = SetTable::default();
    result.merge(a, &mut |x, y| vm.key_eq(x, y))?;
    for (k, h) in other_table.iter() {
        if !result.discard(k, h, &mut |x, y| vm.key_eq(x, y))? {
            result.add(k.clone(), h, &mut |x, y| vm.key_eq(x, y))?;
        }
    }
    Ok(result)
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut t = SetTable::default();
    let base = s.table.borrow().clone();
    t.merge(&base, &mut |a, b| vm.key_eq(a, b))?;
    for other in args_for(&args, "union")? {
        vm.table_update(&mut t, other)?;
    }
    Ok(make(t, s.frozen))
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut t = s.table.borrow().clone();
    for other in args_for(&args, "intersection")? {
        t = intersect(vm, &t, other)?;
    }
    Ok(make(t, s.frozen))
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mut t = s.table.borrow().clone();
    for other in args_for(&args, "difference")? {
        t = difference(vm, &t, other)?;
    }
    Ok(make(t, s.frozen))
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let p = args_for(&args, "symmetric_difference")?;
    let t = symmetric(vm, &s.table.borrow().clone(), &p[0])?;
    Ok(make(t, s.frozen))
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = mutable(&args)?;
    let mut t = s.table.borrow().clone();
    for other in args_for(&args, "intersection_update")? {
        t = intersect(vm, &t, other)?;
    }
    *s.table.borrow_mut() = t;
    Ok(Value::None)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = mutable(&args)?;
    for other in args_for(&args, "difference_update")? {
        let items = match other {
            Value::Set(o) => o.table.borrow().iter().map(|(k, _)| k.clone()).collect(),
            _ => vm.collect(other)?,
        };
        let mut t = std::mem::take(&mut *s.table.borrow_mut());
        let mut r = Ok(());
        for item in items {
            match vm.hash(&item) {
                Ok(h) => {
                    if let Err(e) = t.discard(&item, h, &mut |a, b| vm.key_eq(a, b)) {
                        r = Err(e);
                        break;
                    }
                }
                Err(e) => {
                    r = Err(e);
                    break;
                }
            }
        }
        *s.table.borrow_mut() = t;
        r?;
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = mutable(&args)?;
    let p = args_for(&args, "symmetric_difference_update")?;
    let other = match &p[0] {
        Value::Set(o) => o.table.borrow().clone(),
        v => vm.table_from(v)?,
    };
    let mut t = std::mem::take(&mut *s.table.borrow_mut());
    let mut r = Ok(());
    for (k, h) in other.iter() {
        match t.discard(k, h, &mut |a, b| vm.key_eq(a, b)) {
            Ok(true) => {}
            Ok(false) => {
                if let Err(e) = t.add(k.clone(), h, &mut |a, b| vm.key_eq(a, b)) {
                    r = Err(e);
                    break;
                }
            }
            Err(e) => {
                r = Err(e);
                break;
            }
        }
    }
    *s.table.borrow_mut() = t;
    r?;
    Ok(Value::None)
}

fn subset(vm: &mut Vm, a: &SetTable, b: &SetTable) -> PyResult<bool> {
    if a.len() > b.len() {
        return Ok(false);
    }
    for (k, h) in a.iter() {
        if b.lookup(k, h, &mut |x, y| vm.key_eq(x, y))?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

fn other_table(vm: &mut Vm, v: &Value) -> PyResult<SetTable> {
    match v {
        Value::Set(o) => Ok(o.table.borrow().clone()),
        other => vm.table_from(other),
    }
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let o = other_table(vm, &args_for(&args, "issubset")?[0])?;
    let a = s.table.borrow().clone();
    Ok(Value::Bool(subset(vm, &a, &o)?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let o = other_table(vm, &args_for(&args, "issuperset")?[0])?;
    let a = s.table.borrow().clone();
    Ok(Value::Bool(subset(vm, &o, &a)?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let a = s.table.borrow().clone();
    for item in vm.collect(&args_for(&args, "isdisjoint")?[0])? {
        if vm.table_contains(&a, &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

fn set_copy(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    args_for(&args, "copy")?;
    let s = this(&args)?;
    if s.frozen {
        return Ok(receiver(&args));
    }
    let mut t = SetTable::default();
    let base = s.table.borrow().clone();
    t.merge(&base, &mut |a, b| {
        Ok(crate::vm::hash::eq_builtin(a, b).unwrap_or(false))
    })?;
    Ok(make(t, false))
}

fn set_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(this(&args)?.len() as i64))
}

fn set_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    Ok(Value::Bool(
        vm.contains(&s, args.args.get(1).unwrap_or(&Value::None))?,
    ))
}

fn set_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.iter(&receiver(&args))
}

/// Binary set operators; None unless the left operand is a set and the right a set.
pub fn set_operator(vm: &mut Vm, op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (Value::Set(x), Value::Set(_)) = (a, b) else {
        return None;
    };
    let base = x.table.borrow().clone();
    let r = (|| {
        let t = match op {
            Operator::BitOr => {
                let mut t = SetTable::default();
                t.merge(&base, &mut |p, q| vm.key_eq(p, q))?;
                vm.table_update(&mut t, b)?;
                t
            }
            Operator::BitAnd => intersect(vm, &base, b)?,
            Operator::Sub => difference(vm, &base, b)?,
            _ => symmetric(vm, &base, b)?,
        };
        Ok(make(t, x.frozen))
    })();
    Some(r)
}

/// In-place set operators (`s |= t`, ...); None unless the left operand is a set.
pub fn set_inplace(vm: &mut Vm, op: Operator, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let Value::Set(s) = a else { return None };
    if s.frozen {
        return None;
    }
    if !matches!(b, Value::Set(_)) {
        return Some(Err(PyErr::type_error(format!(
            "unsupported operand type(s) for {}=: 'set' and '{}'",
            op.symbol(),
            type_name(b)
        ))));
    }
    let base = s.table.borrow().clone();
    let r = (|| {
        let t = match op {
            Operator::BitOr => {
                let mut t = base;
                vm.table_update(&mut t, b)?;
                t
            }
            Operator::BitAnd => intersect(vm, &base, b)?,
            Operator::Sub => difference(vm, &base, b)?,
            _ => symmetric(vm, &base, b)?,
        };
        *s.table.borrow_mut() = t;
        Ok(a.clone())
    })();
    Some(r)
}

/// Set comparisons: equality, and `<=`, `<`, `>=`, `>` as subset tests.
pub fn set_compare(vm: &mut Vm, op: Cmp, a: &Value, b: &Value) -> PyResult<bool> {
    let (Value::Set(x), Value::Set(y)) = (a, b) else {
        return Ok(false);
    };
    let (p, q) = (x.table.borrow().clone(), y.table.borrow().clone());
    Ok(match op {
        Cmp::Eq => p.len() == q.len() && subset(vm, &p, &q)?,
        Cmp::Ne => !(p.len() == q.len() && subset(vm, &p, &q)?),
        Cmp::Le => subset(vm, &p, &q)?,
        Cmp::Lt => p.len() < q.len() && subset(vm, &p, &q)?,
        Cmp::Ge => subset(vm, &q, &p)?,
        Cmp::Gt => q.len() < p.len() && subset(vm, &q, &p)?,
    })
}
