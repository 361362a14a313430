//! The set behaviour of `dict.keys()` and `dict.items()` views (CPython's dictview_richcompare,
//! dictviews_and/or/sub/xor and isdisjoint): they compare with sets and other set-like views, and
//! the operators build a new `set` from the left operand, whichever side the view is on.

use super::classes::view_of;
use crate::objects::{Args, DictView};
use crate::syntax::ast::Operator;
use crate::vm::ops::Cmp;
use crate::vm::{PyErr, PyResult, Value, Vm};

/// Whether `v` is a set, a frozenset, or a keys or items view.
fn set_like(v: &Value) -> bool {
    match v {
        Value::Set(_) => true,
        Value::Native(_) => {
            view_of(&Args::new(std::slice::from_ref(v))).is_ok_and(|(_, k)| k != DictView::Values)
        }
        _ => false,
    }
}

fn len_of(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    vm.len(v)
}

/// Every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    for x in vm.collect(a)? {
        if !vm.contains(b, &x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn compare(vm: &mut Vm, args: &Args, op: Cmp) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.args.first(), args.args.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    if !set_like(b) {
        return Ok(Value::NotImplemented);
    }
    let (la, lb) = (len_of(vm, a)?, len_of(vm, b)?);
    let r = match op {
        Cmp::Eq => la == lb && all_contained_in(vm, a, b)?,
        Cmp::Ne => !(la == lb && all_contained_in(vm, a, b)?),
        Cmp::Lt => la < lb && all_contained_in(vm, a, b)?,
        Cmp::Le => la <= lb && all_contained_in(vm, a, b)?,
        Cmp::Gt => la > lb && all_contained_in(vm, b, a)?,
        Cmp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    };
    Ok(Value::Bool(r))
}

fn view_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Eq)
}

fn view_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Ne)
}

fn view_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Lt)
}

fn view_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Le)
}

fn view_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Gt)
}

fn view_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    compare(vm, &args, Cmp::Ge)
}

/// `left op right` with one of them a view: `set(left)`, then the operation with `right`'s
/// items (any iterable).
fn operate(vm: &mut Vm, left: &Value, right: &Value, op: Operator) -> PyResult<Value> {
    let items = vm.collect(left)?;
    let a = vm.new_set(items, false)?;
    let items = vm.collect(right)?;
    let b = vm.new_set(items, false)?;
    super::set::set_operator(vm, op, &a, &b)
        .unwrap_or_else(|| Err(PyErr::type_error("set expected")))
}

fn binary(vm: &mut Vm, args: &Args, op: Operator, reflected: bool) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.args.first(), args.args.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    if reflected {
        operate(vm, b, a, op)
    } else {
        operate(vm, a, b, op)
    }
}

fn view_and(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitAnd, false)
}

fn view_rand(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitAnd, true)
}

fn view_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitOr, false)
}

fn view_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitOr, true)
}

fn view_sub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::Sub, false)
}

fn view_rsub(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::Sub, true)
}

fn view_xor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitXor, false)
}

fn view_rxor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binary(vm, &args, Operator::BitXor, true)
}

/// `view.isdisjoint(iterable)`.
fn view_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    let name = match view_of(&args)?.1 {
        DictView::Items => "dict_items.isdisjoint",
        _ => "dict_keys.isdisjoint",
    };
    let other = super::one_arg(name, &Args::with_kw(&args.args[1..], args.kwnames))?;
    for x in vm.collect(other)? {
        if vm.contains(&this, &x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// The methods a keys or items view adds to the sequence-like ones.
pub const SET_METHODS: &[(&str, crate::objects::BuiltinFn)] = &[
    ("__eq__", view_eq),
    ("__ne__", view_ne),
    ("__lt__", view_lt),
    ("__le__", view_le),
    ("__gt__", view_gt),
    ("__ge__", view_ge),
    ("__and__", view_and),
    ("__rand__", view_rand),
    ("__or__", view_or),
    ("__ror__", view_ror),
    ("__sub__", view_sub),
    ("__rsub__", view_rsub),
    ("__xor__", view_xor),
    ("__rxor__", view_rxor),
    ("isdisjoint", view_isdisjoint),
];
