//! Slot wrappers: the dunder methods of built-in types (`int.__add__`, `list.__len__`,
//! `float.__lt__`, ...) as attributes, so that `int.__add__(1, 2)`, `(1.5).__floor__()` and
//! `super().__hash__()` in a subclass of a builtin work as in CPython.
//!
//! Each wrapper unwraps the payload of a builtin subclass and calls the VM's own operation on
//! built-in values, so no operator logic lives here. Binary and comparison wrappers return
//! `NotImplemented` where CPython's slots do: when the other operand is of a type the builtin
//! does not handle itself (`int.__add__(1, 1.5)`, `int.__eq__(1, 'a')`).

use super::functions;
use crate::objects::{Args, BuiltinFn, PyType};
use crate::syntax::ast::{Operator, UnaryOp};
use crate::vm::ops::{binary_builtin, payload_or_self, unary_builtin, Cmp};
use crate::vm::types::{type_name, type_of, BuiltinTypes};
use crate::vm::{PyErr, PyResult, Value, Vm};
use std::rc::Rc;

/// The receiver and the one argument of a binary wrapper (`expected 1 argument, got 0`).
fn self_and_other(args: &Args) -> PyResult<(Value, Value)> {
    if !args.kwnames.is_empty() {
        return Err(PyErr::type_error("wrapper takes no keyword arguments"));
    }
    match args.args {
        [a, b] => Ok((payload_or_self(a), payload_or_self(b))),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.args.len().saturating_sub(1)
        ))),
    }
}

/// The receiver of a wrapper that takes no arguments.
fn only_self(args: &Args) -> PyResult<Value> {
    match args.args {
        [a] if args.kwnames.is_empty() => Ok(payload_or_self(a)),
        _ => Err(PyErr::type_error(format!(
            "expected 0 arguments, got {}",
            args.args.len().saturating_sub(1)
        ))),
    }
}

/// Numeric rank of a built-in number: bool and int 0, float 1, complex 2; None otherwise.
fn rank(v: &Value) -> Option<u8> {
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => Some(0),
        Value::Float(_) => Some(1),
        Value::Complex(_) => Some(2),
        _ => None,
    }
}

/// Whether the builtin slot of `owner`'s type handles `other` itself; otherwise the wrapper
/// answers NotImplemented and the other operand gets its turn.
fn handles(owner: &Value, other: &Value) -> bool {
    if matches!(other, Value::Instance(_) | Value::Native(_)) {
        return false;
    }
    match (rank(owner), rank(other)) {
        (Some(a), Some(b)) => b <= a,
        (Some(_), None) => false,
        _ => true,
    }
}

/// `T.__op__(a, b)` and `T.__rop__(a, b)` (then computing `b op a`).
fn binary_slot(vm: &mut Vm, args: &Args, op: Operator, reflected: bool) -> PyResult<Value> {
    let (a, b) = self_and_other(args)?;
    if !handles(&a, &b) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = if reflected { (&b, &a) } else { (&a, &b) };
    if let Some(r) = binary_builtin(op, x, y) {
        return r;
    }
    if op == Operator::Mod {
        if let Value::Str(fmt) = x {
            return super::format::percent_format(vm, fmt.as_str(), y).map(Value::str);
        }
    }
    if let Some(r) = super::set::set_operator(vm, op, x, y) {
        return r;
    }
    if let Some(r) = super::dict::dict_operator(vm, op, x, y) {
        return r;
    }
    Ok(Value::NotImplemented)
}

macro_rules! binary_slots {
    ($($fwd:ident $rev:ident $op:ident;)*) => {$(
        fn $fwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binary_slot(vm, &args, Operator::$op, false)
        }
        fn $rev(vm: &mut Vm, args: Args) -> PyResult<Value> {
            binary_slot(vm, &args, Operator::$op, true)
        }
    )*};
}

binary_slots! {
    slot_add slot_radd Add;
    slot_sub slot_rsub Sub;
    slot_mul slot_rmul Mult;
    slot_truediv slot_rtruediv Div;
    slot_floordiv slot_rfloordiv FloorDiv;
    slot_mod slot_rmod Mod;
    slot_lshift slot_rlshift LShift;
    slot_rshift slot_rrshift RShift;
    slot_and slot_rand BitAnd;
    slot_or slot_ror BitOr;
    slot_xor slot_rxor BitXor;
}

/// `__pow__(self, other[, mod])`, `__divmod__(self, other)` and their reflections, through the
/// `pow()` and `divmod()` builtins (`max_args` counts the receiver).
fn call_slot(
    vm: &mut Vm,
    args: &Args,
    reflected: bool,
    f: BuiltinFn,
    max_args: usize,
) -> PyResult<Value> {
    if args.args.len() < 2 || args.args.len() > max_args {
        return self_and_other(args).map(|_| Value::None);
    }
    let (a, b) = (
        payload_or_self(&args.args[0]),
        payload_or_self(&args.args[1]),
    );
    if !handles(&a, &b) {
        return Ok(Value::NotImplemented);
    }
    let mut full = if reflected { vec![b, a] } else { vec![a, b] };
    full.extend(args.args[2..].iter().cloned());
    f(vm, Args::new(&full))
}

macro_rules! call_slots {
    ($($fwd:ident $rev:ident $f:path, $max:expr;)*) => {$(
        fn $fwd(vm: &mut Vm, args: Args) -> PyResult<Value> {
            call_slot(vm, &args, false, $f, $max)
        }
        fn $rev(vm: &mut Vm, args: Args) -> PyResult<Value> {
            call_slot(vm, &args, true, $f, $max)
        }
    )*};
}

call_slots! {
    slot_pow slot_rpow functions::builtin_pow, 3;
    slot_divmod slot_rdivmod functions::builtin_divmod, 2;
}

/// `T.__lt__(a, b)` and friends: NotImplemented unless the builtin compares these itself.
fn compare_slot(vm: &mut Vm, args: &Args, op: Cmp) -> PyResult<Value> {
    let (a, b) = self_and_other(args)?;
    let comparable = match (rank(&a), rank(&b)) {
        (Some(x), Some(y)) => y <= x && (x < 2 || matches!(op, Cmp::Eq | Cmp::Ne)),
        (None, None) => {
            let (ta, tb) = (type_of(&a), type_of(&b));
            Rc::ptr_eq(&ta, &tb) || matches!((&a, &b), (Value::Set(_), Value::Set(_)))
        }
        _ => false,
    };
    if !comparable || matches!(b, Value::Instance(_) | Value::Native(_)) {
        return Ok(Value::NotImplemented);
    }
    if let Some(r) = crate::vm::ops::compare_builtin(op, &a, &b) {
        return Ok(Value::Bool(r));
    }
    match vm.compare_containers(op, &a, &b)? {
        Some(r) => Ok(Value::Bool(r)),
        None => Ok(Value::NotImplemented),
    }
}

macro_rules! compare_slots {
    ($($name:ident $op:ident;)*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            compare_slot(vm, &args, Cmp::$op)
        }
    )*};
}

compare_slots! {
    slot_lt Lt;
    slot_le Le;
    slot_eq Eq;
    slot_ne Ne;
    slot_gt Gt;
    slot_ge Ge;
}

/// `object.__lt__` and the other orderings: objects are unordered by default.
fn object_order(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_and_other(&args).map(|_| Value::NotImplemented)
}

fn unary_slot(args: &Args, op: UnaryOp) -> PyResult<Value> {
    let v = only_self(args)?;
    unary_builtin(op, &v).unwrap_or_else(|| {
        Err(PyErr::type_error(format!(
            "bad operand type for unary: '{}'",
            type_name(&v)
        )))
    })
}

/// Wrappers that are one call with a fixed argument (`__neg__` is `unary_slot(USub)`).
macro_rules! fixed_slots {
    ($($name:ident = $helper:ident($arg:expr);)*) => {$(
        fn $name(_vm: &mut Vm, args: Args) -> PyResult<Value> {
            $helper(&args, $arg)
        }
    )*};
}

fixed_slots! {
    slot_neg = unary_slot(UnaryOp::USub);
    slot_pos = unary_slot(UnaryOp::UAdd);
    slot_invert = unary_slot(UnaryOp::Invert);
    float_floor = float_rounded(f64::floor);
    float_ceil = float_rounded(f64::ceil);
}

fn slot_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    functions::builtin_abs(vm, Args::new(&[v]))
}

fn slot_bool(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.truthy(&v).map(Value::Bool)
}

/// `int.__trunc__`, `int.__floor__`, `int.__ceil__`: the int itself.
fn int_identity(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match only_self(&args)? {
        Value::Bool(b) => Value::Int(b as i64),
        v => v,
    })
}

/// `__round__([ndigits])` through `round()`.
fn slot_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut full: Vec<Value> = args.args.iter().map(payload_or_self).collect();
    if full.is_empty() {
        return Err(PyErr::type_error("__round__ needs an argument"));
    }
    if full.len() == 2 && full[1].is_none() {
        full.pop();
    }
    functions::builtin_round(vm, Args::new(&full))
}

fn float_rounded(args: &Args, f: fn(f64) -> f64) -> PyResult<Value> {
    match only_self(args)? {
        Value::Float(x) => functions::trunc_float(f(x)),
        v => Err(PyErr::type_error(format!(
            "descriptor requires a 'float' object but received a '{}'",
            type_name(&v)
        ))),
    }
}

fn slot_complex(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    only_self(&args)
}

fn slot_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.len(&v).map(|n| Value::Int(n as i64))
}

fn slot_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.iter(&v)
}

fn slot_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.hash(&v).map(Value::Int)
}

fn slot_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.repr(&v).map(Value::str)
}

fn slot_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    vm.str(&v).map(Value::str)
}

fn slot_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = self_and_other(&args)?;
    vm.contains(&a, &args.args[1]).map(Value::Bool)
}

fn slot_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = self_and_other(&args)?;
    vm.getitem(&a, &args.args[1])
}

fn slot_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.args {
        [a, k, v] => {
            let a = payload_or_self(a);
            vm.setitem(&a, k, v.clone()).map(|_| Value::None)
        }
        _ => Err(PyErr::type_error(format!(
            "expected 2 arguments, got {}",
            args.args.len().saturating_sub(1)
        ))),
    }
}

fn slot_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, _) = self_and_other(&args)?;
    vm.delitem(&a, &args.args[1]).map(|_| Value::None)
}

/// The BINARY_OP argument of an in-place operator.
fn inplace_arg(op: Operator) -> u32 {
    let index = Operator::ALL.iter().position(|o| *o == op).unwrap_or(0);
    crate::bytecode::opcodes::NB_INPLACE_OFFSET + index as u32
}

macro_rules! inplace_slots {
    ($($name:ident $op:ident;)*) => {$(
        fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let (a, _) = self_and_other(&args)?;
            vm.binary_op(inplace_arg(Operator::$op), &a, &args.args[1])
        }
    )*};
}

inplace_slots! {
    slot_iadd Add;
    slot_imul Mult;
    slot_ior BitOr;
    slot_iand BitAnd;
    slot_ixor BitXor;
    slot_isub Sub;
}

/// `__reversed__()` through the `reversed` type.
fn slot_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = only_self(&args)?;
    let reversed =
        crate::vm::types::builtin_types().named("reversed", crate::objects::Layout::Iterator);
    vm.call(&Value::Type(reversed), &[v], &[])
}

fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.args {
        [obj, name] => vm.delattr(obj, name).map(|_| Value::None),
        _ => Err(PyErr::type_error(format!(
            "expected 1 argument, got {}",
            args.args.len().saturating_sub(1)
        ))),
    }
}

/// `object.__init_subclass__()`: the default hook accepts no keyword arguments.
fn object_init_subclass(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kwnames.is_empty() || args.args.len() > 1 {
        let name = match args.args.first() {
            Some(Value::Type(t)) => t.name(),
            _ => "object".to_string(),
        };
        return Err(PyErr::type_error(format!(
            "{name}.__init_subclass__() takes no keyword arguments"
        )));
    }
    Ok(Value::None)
}

/// `object.__subclasshook__()`: no opinion.
fn object_subclasshook(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

/// The wrapper for a slot name, if pyvm has one.
fn slot_fn(name: &str) -> Option<BuiltinFn> {
    Some(match name {
        "__add__" => slot_add,
        "__radd__" => slot_radd,
        "__sub__" => slot_sub,
        "__rsub__" => slot_rsub,
        "__mul__" => slot_mul,
        "__rmul__" => slot_rmul,
        "__truediv__" => slot_truediv,
        "__rtruediv__" => slot_rtruediv,
        "__floordiv__" => slot_floordiv,
        "__rfloordiv__" => slot_rfloordiv,
        "__mod__" => slot_mod,
        "__rmod__" => slot_rmod,
        "__lshift__" => slot_lshift,
        "__rlshift__" => slot_rlshift,
        "__rshift__" => slot_rshift,
        "__rrshift__" => slot_rrshift,
        "__and__" => slot_and,
        "__rand__" => slot_rand,
        "__or__" => slot_or,
        "__ror__" => slot_ror,
        "__xor__" => slot_xor,
        "__rxor__" => slot_rxor,
        "__pow__" => slot_pow,
        "__rpow__" => slot_rpow,
        "__divmod__" => slot_divmod,
        "__rdivmod__" => slot_rdivmod,
        "__lt__" => slot_lt,
        "__le__" => slot_le,
        "__eq__" => slot_eq,
        "__ne__" => slot_ne,
        "__gt__" => slot_gt,
        "__ge__" => slot_ge,
        "__neg__" => slot_neg,
        "__pos__" => slot_pos,
        "__invert__" => slot_invert,
        "__abs__" => slot_abs,
        "__bool__" => slot_bool,
        "__round__" => slot_round,
        "__complex__" => slot_complex,
        "__len__" => slot_len,
        "__iter__" => slot_iter,
        "__hash__" => slot_hash,
        "__repr__" => slot_repr,
        "__str__" => slot_str,
        "__contains__" => slot_contains,
        "__getitem__" => slot_getitem,
        "__setitem__" => slot_setitem,
        "__delitem__" => slot_delitem,
        "__iadd__" => slot_iadd,
        "__imul__" => slot_imul,
        "__ior__" => slot_ior,
        "__iand__" => slot_iand,
        "__ixor__" => slot_ixor,
        "__isub__" => slot_isub,
        "__reversed__" => slot_reversed,
        _ => return None,
    })
}

const ARITH: &[&str] = &[
    "__add__",
    "__radd__",
    "__sub__",
    "__rsub__",
    "__mul__",
    "__rmul__",
    "__truediv__",
    "__rtruediv__",
    "__pow__",
    "__rpow__",
    "__neg__",
    "__pos__",
    "__abs__",
    "__bool__",
];
const INTEGRAL: &[&str] = &[
    "__floordiv__",
    "__rfloordiv__",
    "__mod__",
    "__rmod__",
    "__divmod__",
    "__rdivmod__",
];
const BITS: &[&str] = &[
    "__lshift__",
    "__rlshift__",
    "__rshift__",
    "__rrshift__",
    "__and__",
    "__rand__",
    "__or__",
    "__ror__",
    "__xor__",
    "__rxor__",
    "__invert__",
];
const ORDER: &[&str] = &["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"];
const SEQUENCE: &[&str] = &["__len__", "__iter__", "__contains__", "__getitem__"];
const SETS: &[&str] = &[
    "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__", "__sub__", "__rsub__",
];

/// Adds `name` to the type unless the type already defines it.
fn add(t: &Rc<PyType>, names: &[&'static str]) {
    for name in names {
        if t.dict.get_str(name).is_none() {
            if let Some(f) = slot_fn(name) {
                super::add_methods(t, &[(name, f)]);
            }
        }
    }
}

/// Installs the slot wrappers CPython's built-in types have (run after the types' own methods,
/// which take precedence).
pub fn install(t: &BuiltinTypes) {
    super::add_methods(
        &t.object,
        &[
            ("__lt__", object_order),
            ("__le__", object_order),
            ("__gt__", object_order),
            ("__ge__", object_order),
            ("__delattr__", object_delattr),
        ],
    );
    super::add_descriptors(
        &t.object,
        &t.object,
        true,
        &[
            ("__init_subclass__", object_init_subclass),
            ("__subclasshook__", object_subclasshook),
        ],
    );
    for ty in [&t.int, &t.float, &t.complex] {
        add(ty, ARITH);
        add(ty, ORDER);
        add(ty, &["__repr__", "__hash__"]);
    }
    for ty in [&t.int, &t.float] {
        add(ty, INTEGRAL);
    }
    add(&t.int, BITS);
    super::numbers::install_bytes_methods(t);
    super::add_methods(
        &t.int,
        &[
            ("__trunc__", int_identity),
            ("__floor__", int_identity),
            ("__ceil__", int_identity),
            ("__round__", slot_round),
        ],
    );
    super::add_methods(
        &t.float,
        &[("__floor__", float_floor), ("__ceil__", float_ceil)],
    );
    add(&t.complex, &["__complex__"]);
    for ty in [&t.str_, &t.bytes, &t.list, &t.tuple] {
        add(ty, SEQUENCE);
        add(ty, ORDER);
        add(ty, &["__add__", "__mul__", "__rmul__", "__repr__"]);
    }
    for ty in [&t.str_, &t.bytes] {
        add(ty, &["__mod__", "__rmod__", "__hash__", "__str__"]);
    }
    add(&t.tuple, &["__hash__"]);
    add(
        &t.list,
        &["__setitem__", "__delitem__", "__iadd__", "__imul__"],
    );
    add(
        &t.dict,
        &["__len__", "__iter__", "__contains__", "__getitem__"],
    );
    add(&t.dict, &["__setitem__", "__delitem__", "__eq__", "__ne__"]);
    add(&t.dict, &["__or__", "__ror__", "__repr__"]);
    for ty in [&t.set, &t.frozenset] {
        add(ty, &["__len__", "__iter__", "__contains__", "__repr__"]);
        add(ty, ORDER);
        add(ty, SETS);
    }
    add(&t.frozenset, &["__hash__"]);
    // Mutable containers are unhashable: `list.__hash__ is None`.
    for ty in [&t.list, &t.dict, &t.set] {
        ty.dict.set_str("__hash__", Value::None);
    }
    add(&t.set, &["__ior__", "__iand__", "__ixor__", "__isub__"]);
    add(&t.dict, &["__ior__", "__reversed__"]);
    add(&t.list, &["__reversed__"]);
    add(&t.range, &["__reversed__"]);
    add(&t.range, SEQUENCE);
    add(
        &t.range,
        &["__bool__", "__eq__", "__ne__", "__hash__", "__repr__"],
    );
    add(&t.none, &["__bool__", "__repr__"]);
    add(&t.slice, &["__eq__", "__ne__", "__repr__"]);
}

/// Whether `T.name` is a slot wrapper in CPython (`<slot wrapper '__add__' of 'int' objects>`)
/// rather than a method descriptor (`<method '__getitem__' of 'list' objects>`).
pub fn is_slot_wrapper(type_name: &str, name: &str) -> bool {
    match name {
        "__getitem__" => !matches!(type_name, "list" | "dict"),
        "__contains__" => type_name != "dict",
        "__init__" | "__setattr__" | "__getattribute__" | "__delattr__" | "__call__"
        | "__next__" | "__int__" | "__float__" | "__index__" | "__get__" | "__set__"
        | "__delete__" => true,
        "__round__" | "__complex__" | "__reversed__" => false,
        _ => slot_fn(name).is_some(),
    }
}

/// The receiver check of an unbound wrapper called directly (`int.__add__('a', 1)`): CPython's
/// "descriptor '__add__' requires a 'int' object but received a 'str'".
pub fn check_receiver(b: &crate::objects::PyBuiltin, args: &[Value]) -> PyResult<()> {
    let crate::objects::Owner::Type(owner) = &b.owner else {
        return Ok(());
    };
    if !b.name.starts_with("__") || b.name == "__new__" || !is_slot_wrapper(owner, b.name) {
        return Ok(());
    }
    let types = crate::vm::types::builtin_types();
    let t = match owner.as_str() {
        "int" => &types.int,
        "float" => &types.float,
        "complex" => &types.complex,
        "str" => &types.str_,
        "bytes" => &types.bytes,
        "list" => &types.list,
        "tuple" => &types.tuple,
        "dict" => &types.dict,
        "set" => &types.set,
        "frozenset" => &types.frozenset,
        "range" => &types.range,
        _ => return Ok(()),
    };
    match args.first() {
        Some(v) if type_of(v).is_subtype(t) => Ok(()),
        Some(v) => Err(PyErr::type_error(format!(
            "descriptor '{}' requires a '{owner}' object but received a '{}'",
            b.name,
            type_name(v)
        ))),
        None => Err(PyErr::type_error(format!(
            "descriptor '{}' of '{owner}' object needs an argument",
            b.name
        ))),
    }
}
