//! Built-in functions: print, len, repr, abs, min, max, sum, round, divmod, pow, sorted,
//! isinstance, hash, id, chr, ord, iter, next, getattr and friends, exec/eval/compile, ...

use super::{check_positional, function, no_kwargs, one_arg, parse_args};
use crate::objects::{Args, PyDict};
use crate::vm::ops::{float_divmod, Cmp};
use crate::vm::types::{type_name, type_of};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::rc::Rc;

pub fn install(b: &PyDict) {
    let fns: &[(&'static str, crate::objects::BuiltinFn)] = &[
        ("print", builtin_print),
        ("len", builtin_len),
        ("repr", builtin_repr),
        ("ascii", builtin_ascii),
        ("abs", builtin_abs),
        ("min", builtin_min),
        ("max", builtin_max),
        ("sum", builtin_sum),
        ("round", builtin_round),
        ("divmod", builtin_divmod),
        ("pow", builtin_pow),
        ("sorted", builtin_sorted),
        ("isinstance", builtin_isinstance),
        ("issubclass", builtin_issubclass),
        ("hash", builtin_hash),
        ("id", builtin_id),
        ("chr", builtin_chr),
        ("ord", builtin_ord),
        ("bin", builtin_bin),
        ("oct", builtin_oct),
        ("hex", builtin_hex),
        ("iter", builtin_iter),
        ("next", builtin_next),
        ("any", builtin_any),
        ("all", builtin_all),
        ("callable", builtin_callable),
        ("getattr", builtin_getattr),
        ("setattr", builtin_setattr),
        ("hasattr", builtin_hasattr),
        ("delattr", builtin_delattr),
        ("format", builtin_format),
        ("vars", builtin_vars),
        ("dir", builtin_dir),
        ("globals", builtin_globals),
        ("locals", builtin_locals),
        ("exec", builtin_exec),
        ("eval", builtin_eval),
        ("compile", builtin_compile),
        ("profile", builtin_profile),
        ("input", builtin_input),
    ];
    for (name, f) in fns {
        b.set_str(name, function("builtins", name, *f));
    }
}

fn builtin_print(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut sep = " ".to_string();
    let mut end = "\n".to_string();
    let mut file = Value::None;
    let mut flush = false;
    for (k, v) in args.keywords() {
        match k {
            "sep" => match v {
                Value::None => {}
                Value::Str(s) => sep = s.as_str().to_string(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "sep must be None or a string, not {}",
                        type_name(other)
                    )))
                }
            },
            "end" => match v {
                Value::None => {}
                Value::Str(s) => end = s.as_str().to_string(),
                other => {
                    return Err(PyErr::type_error(format!(
                        "end must be None or a string, not {}",
                        type_name(other)
                    )))
                }
            },
            "file" => file = v.clone(),
            "flush" => flush = vm.truthy(v)?,
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for print()"
                )))
            }
        }
    }
    let mut text = String::new();
    for (i, a) in args.positional().iter().enumerate() {
        if i > 0 {
            text.push_str(&sep);
        }
        text.push_str(&vm.str(a)?);
    }
    text.push_str(&end);
    vm.write_to(&file, &text)?;
    if flush {
        vm.flush();
    }
    Ok(Value::None)
}

impl Vm {
    /// Writes text to a file-like object (None means stdout).
    pub fn write_to(&mut self, file: &Value, text: &str) -> PyResult<()> {
        match file {
            Value::None => {
                self.out.write_str(text);
                Ok(())
            }
            other => {
                let write = self.getattr(other, &Value::str("write"))?;
                self.call(&write, &[Value::str(text)], &[])?;
                Ok(())
            }
        }
    }
}

fn builtin_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("len", &args)?;
    Ok(Value::Int(vm.len(v)? as i64))
}

fn builtin_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("repr", &args)?;
    Ok(Value::str(vm.repr(v)?))
}

fn builtin_ascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("ascii", &args)?;
    Ok(Value::str(crate::vm::repr::ascii(&vm.repr(v)?)))
}

pub(crate) fn builtin_abs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("abs", &args)?;
    vm.abs(v)
}

impl Vm {
    /// `abs(v)`; for complex numbers CPython's `hypot`.
    pub fn abs(&mut self, v: &Value) -> PyResult<Value> {
        Ok(match v {
            Value::Int(i) => match i.checked_abs() {
                Some(a) => Value::Int(a),
                None => Value::from_bigint(BigInt::from(*i).abs()),
            },
            Value::Bool(b) => Value::Int(*b as i64),
            Value::BigInt(b) => Value::from_bigint(b.abs()),
            Value::Float(f) => Value::Float(f.abs()),
            Value::Complex(c) => {
                let r = c.re.hypot(c.im);
                if r.is_infinite() && c.re.is_finite() && c.im.is_finite() {
                    return Err(PyErr::overflow("absolute value too large"));
                }
                Value::Float(r)
            }
            Value::Instance(_) | Value::Native(_) => {
                match self.call_dunder_opt(v, "__abs__", &[])? {
                    Some(r) => r,
                    None => {
                        let p = crate::vm::ops::payload_or_self(v);
                        if p.is(v) {
                            return Err(PyErr::type_error(format!(
                                "bad operand type for abs(): '{}'",
                                type_name(v)
                            )));
                        }
                        self.abs(&p)?
                    }
                }
            }
            _ => {
                return Err(PyErr::type_error(format!(
                    "bad operand type for abs(): '{}'",
                    type_name(v)
                )))
            }
        })
    }
}

/// min() and max(): one iterable or several arguments, with `key` and `default`.
fn min_max(vm: &mut Vm, args: Args, name: &str, op: Cmp) -> PyResult<Value> {
    let mut key = Value::None;
    let mut default = None;
    for (k, v) in args.keywords() {
        match k {
            "key" => key = v.clone(),
            "default" => default = Some(v.clone()),
            other => {
                return Err(PyErr::type_error(format!(
                    "'{other}' is an invalid keyword argument for {name}()"
                )))
            }
        }
    }
    let pos = args.positional();
    let items = match pos.len() {
        0 => {
            return Err(PyErr::type_error(format!(
                "{name} expected at least 1 argument, got 0"
            )))
        }
        1 => vm.collect(&pos[0])?,
        _ => {
            if default.is_some() {
                return Err(PyErr::type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                )));
            }
            pos.to_vec()
        }
    };
    let mut best: Option<(Value, Value)> = None;
    for item in items {
        let k = if key.is_none() {
            item.clone()
        } else {
            vm.call(&key, std::slice::from_ref(&item), &[])?
        };
        best = Some(match best {
            None => (item, k),
            Some((bi, bk)) => {
                let r = vm.compare(op, &k, &bk)?;
                if vm.truthy(&r)? {
                    (item, k)
                } else {
                    (bi, bk)
                }
            }
        });
    }
    match best {
        Some((v, _)) => Ok(v),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() arg is an empty sequence"
            ))),
        },
    }
}

fn builtin_min(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "min", Cmp::Lt)
}

fn builtin_max(vm: &mut Vm, args: Args) -> PyResult<Value> {
    min_max(vm, args, "max", Cmp::Gt)
}

fn builtin_sum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::parse_args_posonly("sum", &args, &["iterable", "start"], 1, 1)?;
    let iterable = a[0].clone().unwrap_or(Value::None);
    let mut acc = a[1].clone().unwrap_or(Value::Int(0));
    match &acc {
        Value::Str(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum strings [use ''.join(seq) instead]",
            ))
        }
        Value::Bytes(_) => {
            return Err(PyErr::type_error(
                "sum() can't sum bytes [use b''.join(seq) instead]",
            ))
        }
        _ => {}
    }
    let it = vm.iter(&iterable)?;
    while let Some(x) = vm.next(&it)? {
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(s) => Value::Int(s),
                None => vm.binary_op(0, &acc, &x)?,
            },
            (Value::Float(p), Value::Float(q)) => Value::Float(p + q),
            (Value::Float(p), Value::Int(q)) => Value::Float(p + *q as f64),
            _ => vm.binary_op(0, &acc, &x)?,
        };
    }
    Ok(acc)
}

pub(crate) fn builtin_round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("round", &args, &["number", "ndigits"], 1)?;
    let number = a[0].clone().unwrap_or(Value::None);
    let ndigits = a[1].clone().filter(|v| !v.is_none());
    match &number {
        Value::Float(x) => match ndigits {
            None => {
                if x.is_nan() {
                    return Err(PyErr::value_error("cannot convert float NaN to integer"));
                }
                if x.is_infinite() {
                    return Err(PyErr::overflow("cannot convert float infinity to integer"));
                }
                let r = x.round_ties_even();
                Ok(super::numbers::float_to_int(r))
            }
            Some(n) => {
                let n = vm.index_value(&n)?;
                Ok(Value::Float(super::numbers::round_float(*x, n)))
            }
        },
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => match ndigits {
            None => Ok(match number {
                Value::Bool(b) => Value::Int(b as i64),
                other => other,
            }),
            Some(n) => {
                let n = vm.index_value(&n)?;
                Ok(super::numbers::round_int(&number, n))
            }
        },
        _ => {
            let mut extra = Vec::new();
            if let Some(n) = &ndigits {
                extra.push(n.clone());
            }
            match vm.call_dunder_opt(&number, "__round__", &extra)? {
                Some(r) => Ok(r),
                None => Err(PyErr::type_error(format!(
                    "type {} doesn't define __round__ method",
                    type_name(&number)
                ))),
            }
        }
    }
}

pub(crate) fn builtin_divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("divmod", &args)?;
    let p = check_positional("divmod", &args, 2, 2)?;
    vm.divmod(&p[0], &p[1])
}

impl Vm {
    /// `divmod(a, b)`.
    pub fn divmod(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        match (a, b) {
            (
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            ) => {
                let q = self.binary_op(2, a, b)?;
                let r = self.binary_op(6, a, b)?;
                Ok(Value::tuple(vec![q, r]))
            }
            (
                Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
                Value::Float(_) | Value::Int(_) | Value::Bool(_) | Value::BigInt(_),
            ) => {
                let x = super::numbers::to_f64(a)?;
                let y = super::numbers::to_f64(b)?;
                if y == 0.0 {
                    return Err(PyErr::zero_division("float divmod()"));
                }
                let (q, r) = float_divmod(x, y);
                Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
            }
            _ => {
                let builtin = || -> Option<PyResult<Value>> { None };
                self.binary_dunder(a, b, "__divmod__", "__rdivmod__", "divmod()", builtin)
            }
        }
    }
}

pub(crate) fn builtin_pow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("pow", &args, &["base", "exp", "mod"], 2)?;
    let base = a[0].clone().unwrap_or(Value::None);
    let exp = a[1].clone().unwrap_or(Value::None);
    match a[2].clone().filter(|m| !m.is_none()) {
        None => vm.binary_op(8, &base, &exp),
        Some(m) => super::numbers::modular_pow(vm, &base, &exp, &m),
    }
}

fn builtin_sorted(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.positional();
    if p.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            p.len()
        )));
    }
    let items = vm.collect(&p[0])?;
    let list = Value::list(items);
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.keywords() {
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
    if let Value::List(l) = &list {
        super::list::sort_list(vm, l, &key, reverse)?;
    }
    Ok(list)
}

/// `isinstance(obj, classinfo)` for a class or a (nested) tuple of classes.
pub fn isinstance_of(vm: &mut Vm, obj: &Value, cls: &Value, fname: &str) -> PyResult<bool> {
    match cls {
        Value::Type(t) => {
            if let Some(check) =
                crate::vm::attr::metaclass_of(t).and_then(|m| m.lookup("__instancecheck__"))
            {
                let r = vm.call(&check, &[cls.clone(), obj.clone()], &[])?;
                return vm.truthy(&r);
            }
            Ok(type_of(obj).is_subtype(t))
        }
        Value::Tuple(ts) => {
            for t in ts.items.iter() {
                if isinstance_of(vm, obj, t, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(PyErr::type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        ))),
    }
}

fn builtin_isinstance(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("isinstance", &args)?;
    let p = check_positional("isinstance", &args, 2, 2)?;
    Ok(Value::Bool(isinstance_of(vm, &p[0], &p[1], "isinstance")?))
}

fn builtin_issubclass(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("issubclass", &args)?;
    let p = check_positional("issubclass", &args, 2, 2)?;
    let Value::Type(t) = &p[0] else {
        return Err(PyErr::type_error("issubclass() arg 1 must be a class"));
    };
    fn check(t: &Rc<crate::objects::PyType>, cls: &Value) -> PyResult<bool> {
        match cls {
            Value::Type(c) => Ok(t.is_subtype(c)),
            Value::Tuple(ts) => {
                for c in ts.items.iter() {
                    if check(t, c)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(PyErr::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            )),
        }
    }
    let _ = vm;
    Ok(Value::Bool(check(t, &p[1])?))
}

fn builtin_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("hash", &args)?;
    Ok(Value::Int(vm.hash(v)?))
}

fn builtin_id(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("id", &args)?;
    Ok(Value::Int(v.id() as i64))
}

fn builtin_chr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("chr", &args)?;
    let i = match v {
        Value::BigInt(_) => {
            return Err(PyErr::overflow("Python int too large to convert to C int"))
        }
        Value::Float(_) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        other => vm.index_value(other)?,
    };
    match u32::try_from(i)
        .ok()
        .filter(|&c| c < 0x110000)
        .map(char::from_u32)
    {
        Some(Some(c)) => Ok(Value::str(c.to_string())),
        Some(None) => Ok(Value::str(char::REPLACEMENT_CHARACTER.to_string())),
        None => Err(PyErr::value_error("chr() arg not in range(0x110000)")),
    }
}

fn builtin_ord(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("ord", &args)?;
    match v {
        Value::Str(s) => {
            if s.char_len() != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.char_len()
                )));
            }
            Ok(Value::Int(
                s.as_str().chars().next().map_or(0, |c| c as i64),
            ))
        }
        Value::Bytes(b) => {
            if b.data.len() != 1 {
                return Err(PyErr::type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    b.data.len()
                )));
            }
            Ok(Value::Int(b.data[0] as i64))
        }
        other => Err(PyErr::type_error(format!(
            "ord() expected string of length 1, but {} found",
            type_name(other)
        ))),
    }
}

/// `bin`/`oct`/`hex`: sign, prefix, digits.
fn int_in_base(vm: &mut Vm, v: &Value, radix: u32, prefix: &str) -> PyResult<Value> {
    let b = crate::objects::int::big(&vm.py_index(v)?);
    let digits = b.magnitude().to_str_radix(radix);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::str(format!("{sign}{prefix}{digits}")))
}

fn builtin_bin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("bin", &args)?;
    int_in_base(vm, v, 2, "0b")
}

fn builtin_oct(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("oct", &args)?;
    int_in_base(vm, v, 8, "0o")
}

fn builtin_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("hex", &args)?;
    int_in_base(vm, v, 16, "0x")
}

fn builtin_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("iter", &args)?;
    let p = check_positional("iter", &args, 1, 2)?;
    if p.len() == 2 {
        if !is_callable(&p[0]) {
            return Err(PyErr::type_error("iter(v, w): v must be callable"));
        }
        return Ok(crate::vm::iter::new_iter(
            crate::objects::IterKind::Callable {
                func: p[0].clone(),
                sentinel: p[1].clone(),
            },
        ));
    }
    vm.iter(&p[0])
}

fn builtin_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("next", &args)?;
    let p = check_positional("next", &args, 1, 2)?;
    let it = &p[0];
    let is_iter = match it {
        Value::Iterator(_) | Value::Generator(_) => true,
        Value::Instance(_) | Value::Native(_) => type_of(it).lookup("__next__").is_some(),
        _ => false,
    };
    if !is_iter {
        return Err(PyErr::type_error(format!(
            "'{}' object is not an iterator",
            type_name(it)
        )));
    }
    if let (Value::Instance(_) | Value::Native(_), 1) = (it, p.len()) {
        // Let the iterator's own StopIteration (with its value) propagate.
        return match vm.call_dunder_opt(it, "__next__", &[])? {
            Some(v) => Ok(v),
            None => Err(PyErr::stop_iteration(Value::None)),
        };
    }
    if let (Value::Generator(g), 1) = (it, p.len()) {
        // A generator's return value travels in its StopIteration.
        return match vm.gen_send(g, Value::None)? {
            crate::vm::iter::SendResult::Yield(v) => Ok(v),
            crate::vm::iter::SendResult::Return(Value::None) => {
                Err(PyErr::with_args(ExcKind::StopIteration, vec![]))
            }
            crate::vm::iter::SendResult::Return(v) => Err(PyErr::stop_iteration(v)),
        };
    }
    match vm.next(it)? {
        Some(v) => Ok(v),
        None => match p.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(PyErr::with_args(ExcKind::StopIteration, vec![])),
        },
    }
}

fn builtin_any(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("any", &args)?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if vm.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn builtin_all(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("all", &args)?;
    let it = vm.iter(v)?;
    while let Some(x) = vm.next(&it)? {
        if !vm.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

pub fn is_callable(v: &Value) -> bool {
    match v {
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_) => true,
        Value::Instance(_) | Value::Native(_) => type_of(v).lookup("__call__").is_some(),
        _ => false,
    }
}

fn builtin_callable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("callable", &args)?;
    Ok(Value::Bool(is_callable(v)))
}

fn attr_name(v: &Value, fname: &str) -> PyResult<Value> {
    match v {
        Value::Str(_) => Ok(v.clone()),
        other => Err(PyErr::type_error(format!(
            "{fname}(): attribute name must be string, not '{}'",
            type_name(other)
        ))),
    }
}

fn builtin_getattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("getattr", &args)?;
    let p = check_positional("getattr", &args, 2, 3)?;
    let name = match &p[1] {
        Value::Str(_) => p[1].clone(),
        _ => {
            return Err(PyErr::type_error(
                "getattr(): attribute name must be string",
            ))
        }
    };
    match vm.getattr(&p[0], &name) {
        Ok(v) => Ok(v),
        Err(e) if p.len() == 3 && e.is(ExcKind::AttributeError) => Ok(p[2].clone()),
        Err(e) => Err(e),
    }
}

fn builtin_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("setattr", &args)?;
    let p = check_positional("setattr", &args, 3, 3)?;
    let name = attr_name(&p[1], "setattr")?;
    vm.setattr(&p[0], &name, p[2].clone())?;
    Ok(Value::None)
}

fn builtin_hasattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("hasattr", &args)?;
    let p = check_positional("hasattr", &args, 2, 2)?;
    let name = attr_name(&p[1], "hasattr")?;
    match vm.getattr(&p[0], &name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.is(ExcKind::AttributeError) => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn builtin_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("delattr", &args)?;
    let p = check_positional("delattr", &args, 2, 2)?;
    let name = attr_name(&p[1], "delattr")?;
    vm.delattr(&p[0], &name)?;
    Ok(Value::None)
}

fn builtin_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_kwargs("format", &args)?;
    super::check_positional("format", &args, 1, 2)?;
    let a = parse_args("format", &args, &["value", "format_spec"], 0)?;
    let v = a[0].clone().unwrap_or(Value::None);
    let spec = match a[1].clone() {
        None => String::new(),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "format() argument 2 must be str, not {}",
                type_name(&other)
            )))
        }
    };
    Ok(Value::str(vm.format(&v, &spec)?))
}

fn builtin_vars(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("vars", &args)?;
    let p = check_positional("vars", &args, 0, 1)?;
    match p.first() {
        None => Ok(Value::Dict(vm.current_locals())),
        Some(obj) => match vm.getattr(obj, &Value::str("__dict__")) {
            Ok(d) => Ok(d),
            Err(_) => Err(PyErr::type_error(
                "vars() argument must have __dict__ attribute",
            )),
        },
    }
}

fn builtin_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("dir", &args)?;
    let p = check_positional("dir", &args, 0, 1)?;
    let mut names: Vec<String> = match p.first() {
        None => vm
            .current_locals()
            .keys()
            .iter()
            .filter_map(|k| k.as_str().map(String::from))
            .collect(),
        Some(obj) => {
            if let Some(r) = vm.call_dunder_opt(obj, "__dir__", &[])? {
                let items = vm.collect(&r)?;
                let mut v: Vec<String> = items
                    .iter()
                    .filter_map(|k| k.as_str().map(String::from))
                    .collect();
                v.sort();
                return Ok(Value::list(v.into_iter().map(Value::str).collect()));
            }
            let mut set: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
            if !matches!(obj, Value::Module(_)) {
                // Defined on every object in CPython (a getset and a docstring).
                set.insert("__class__".to_string());
                set.insert("__doc__".to_string());
            }
            let class = match obj {
                Value::Type(t) => Some(t.clone()),
                Value::Instance(i) => Some(i.class()),
                _ => None,
            };
            // A Python class without __slots__ somewhere in its MRO has the `__dict__` and
            // `__weakref__` getsets CPython adds to its dict.
            if let Some(c) = class.filter(|c| !c.builtin && !c.is_exception()) {
                let mro = c.mro.borrow();
                if std::iter::once(&c)
                    .chain(mro.iter())
                    .any(|t| !t.builtin && t.dict.get_str("__slots__").is_none())
                {
                    set.insert("__dict__".to_string());
                    set.insert("__weakref__".to_string());
                }
            }
            let mut add_dict = |d: &PyDict| {
                for k in d.keys() {
                    if let Some(s) = k.as_str() {
                        if s != "__pyvm_metaclass__" {
                            set.insert(s.to_string());
                        }
                    }
                }
            };
            match obj {
                Value::Module(m) => add_dict(&m.dict),
                Value::Type(t) => {
                    add_dict(&t.dict);
                    for b in t.mro.borrow().iter() {
                        add_dict(&b.dict);
                    }
                }
                Value::Instance(i) => {
                    add_dict(&i.dict);
                    let c = i.class();
                    add_dict(&c.dict);
                    for b in c.mro.borrow().iter() {
                        add_dict(&b.dict);
                    }
                }
                other => {
                    let t = type_of(other);
                    add_dict(&t.dict);
                    for b in t.mro.borrow().iter() {
                        add_dict(&b.dict);
                    }
                }
            }
            set.into_iter().collect()
        }
    };
    names.sort();
    Ok(Value::list(names.into_iter().map(Value::str).collect()))
}

fn builtin_globals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_args("globals", &args)?;
    Ok(Value::Dict(vm.current_globals()))
}

fn builtin_locals(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_args("locals", &args)?;
    Ok(Value::Dict(vm.current_locals()))
}

/// The namespaces `exec`/`eval` use: explicit dicts, or the caller's.
fn namespaces(
    vm: &mut Vm,
    globals: Option<Value>,
    locals: Option<Value>,
    fname: &str,
) -> PyResult<(Rc<PyDict>, Option<Rc<PyDict>>)> {
    let g = match globals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{fname}() globals must be a dict, not {}",
                type_name(&other)
            )))
        }
    };
    let l = match locals {
        None | Some(Value::None) => None,
        Some(Value::Dict(d)) => Some(d),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "locals must be a mapping, not {}",
                type_name(&other)
            )))
        }
    };
    match g {
        Some(g) => {
            if g.get_str("__builtins__").is_none() {
                g.set_str("__builtins__", Value::Dict(vm.builtins.clone()));
            }
            Ok((g, l))
        }
        None => {
            let g = vm.current_globals();
            let l = l.or_else(|| {
                let cur = vm.current_locals();
                if Rc::ptr_eq(&cur, &g) {
                    None
                } else {
                    Some(cur)
                }
            });
            Ok((g, l))
        }
    }
}

fn source_or_code(
    vm: &mut Vm,
    v: &Value,
    mode: &str,
    fname: &str,
) -> PyResult<Rc<crate::bytecode::Code>> {
    match v {
        Value::Code(c) => Ok(c.clone()),
        Value::Str(s) => vm.compile_source(s.as_str(), "<string>", mode),
        Value::Bytes(b) => vm.compile_source(&String::from_utf8_lossy(&b.data), "<string>", mode),
        other => Err(PyErr::type_error(format!(
            "{fname}() arg 1 must be a string, bytes or code object, not {}",
            type_name(other)
        ))),
    }
}

fn builtin_exec(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("exec", &args, &["source", "globals", "locals"], 1)?;
    let code = source_or_code(vm, a[0].as_ref().unwrap_or(&Value::None), "exec", "exec")?;
    let (g, l) = namespaces(vm, a[1].clone(), a[2].clone(), "exec")?;
    vm.run_code(code, g, l)?;
    Ok(Value::None)
}

fn builtin_eval(vm: &mut Vm, args: Args) -> PyResult<Value> {
    super::no_kwargs("eval", &args)?;
    super::check_positional("eval", &args, 1, 3)?;
    let a = parse_args("eval", &args, &["source", "globals", "locals"], 1)?;
    let src = a[0].clone().unwrap_or(Value::None);
    let code = match &src {
        Value::Str(s) => vm.compile_source(
            s.as_str().trim_start_matches([' ', '\t']),
            "<string>",
            "eval",
        )?,
        other => source_or_code(vm, other, "eval", "eval")?,
    };
    let (g, l) = namespaces(vm, a[1].clone(), a[2].clone(), "eval")?;
    vm.run_code(code, g, l)
}

fn builtin_compile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args(
        "compile",
        &args,
        &[
            "source",
            "filename",
            "mode",
            "flags",
            "dont_inherit",
            "optimize",
        ],
        3,
    )?;
    let src = match a[0].clone() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::Bytes(b)) => String::from_utf8_lossy(&b.data).to_string(),
        Some(Value::Code(c)) => return Ok(Value::Code(c)),
        _ => {
            return Err(PyErr::type_error(
                "compile() arg 1 must be a string, bytes or AST object",
            ))
        }
    };
    let filename = match a[1].clone() {
        Some(v) => vm.str(&v)?,
        None => String::new(),
    };
    let mode = match a[2].clone() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => String::new(),
    };
    if !matches!(mode.as_str(), "exec" | "eval" | "single") {
        return Err(PyErr::value_error(
            "compile() mode must be 'exec', 'eval' or 'single'",
        ));
    }
    Ok(Value::Code(vm.compile_source(&src, &filename, &mode)?))
}

/// `@profile`: marks a function for line profiling when the program runs under `pyvm profile`;
/// otherwise returns the function unchanged.
fn builtin_profile(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = one_arg("profile", &args)?;
    vm.mark_profiled(f);
    Ok(f.clone())
}

fn builtin_input(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("input", &args)?;
    let p = check_positional("input", &args, 0, 1)?;
    if let Some(prompt) = p.first() {
        let s = vm.str(prompt)?;
        vm.out.write_str(&s);
        vm.flush();
    }
    match vm.read_line()? {
        Some(line) => Ok(Value::str(line)),
        None => Err(PyErr::new(ExcKind::EOFError, "EOF when reading a line")),
    }
}

/// Truncating a float toward zero to an int (exact for large values).
pub fn trunc_float(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(PyErr::value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyErr::overflow("cannot convert float infinity to integer"));
    }
    Ok(super::numbers::float_to_int(x.trunc()))
}

/// An int value's magnitude fits usize? (helpers for range sizes)
pub fn to_usize(v: &Value) -> Option<usize> {
    match v {
        Value::Int(i) if *i >= 0 => Some(*i as usize),
        Value::BigInt(b) if !b.is_negative() => b.to_usize(),
        _ => None,
    }
}

#[allow(dead_code)]
fn is_zero(v: &Value) -> bool {
    match v {
        Value::Int(i) => *i == 0,
        Value::BigInt(b) => b.is_zero(),
        _ => false,
    }
}
