//! The built-in namespace and the methods of built-in types, one file per family:
//!
//! - `functions`: print, len, abs, min, max, sum, sorted, isinstance, ... ;
//! - `numbers`: int, float, complex, bool and their methods; `str`: str and its methods;
//! - `bytes`: bytes and its methods; `codecs`: the text encodings behind encode/decode;
//! - `list`, `dict`, `set`: the containers; `iterators`: range, enumerate, zip, map, filter, reversed;
//! - `classes`: object, type, super, property, classmethod, staticmethod, exceptions;
//! - `site`: exit and quit; `structseq`: named tuples such as sys.version_info;
//! - `format`: format specs, %-formatting and str.format; `modules`: math, time, sys, os, ...

pub mod bytes;
pub mod classes;
pub mod codecs;
pub mod dict;
pub mod dictviews;
pub mod format;
pub mod functions;
pub mod generators;
pub mod iterators;
pub mod list;
pub mod modules;
pub mod numbers;
pub mod set;
pub mod site;
pub mod slots;
pub mod str;
pub mod structseq;

use crate::objects::{Args, BuiltinFn, Layout, Owner, PyBuiltin, PyType};
use crate::vm::types::BuiltinTypes;
use crate::vm::value::alloc;
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::rc::Rc;

/// A builtin function owned by module `module`.
pub fn function(module: &'static str, name: &'static str, func: BuiltinFn) -> Value {
    Value::Builtin(alloc(PyBuiltin {
        name,
        func,
        owner: Owner::Module(module),
        self_: Value::Null,
    }))
}

/// Adds methods to a built-in type's dict.
pub fn add_methods(t: &Rc<PyType>, methods: &[(&'static str, BuiltinFn)]) {
    let owner = t.name();
    for (name, func) in methods {
        t.dict.set_str(
            name,
            Value::Builtin(alloc(PyBuiltin {
                name,
                func: *func,
                owner: Owner::Type(owner.clone()),
                self_: Value::Null,
            })),
        );
    }
}

/// Adds class methods (`float.fromhex`) or static methods (`str.maketrans`) to a built-in type.
pub fn add_descriptors(
    t: &Rc<PyType>,
    object: &Rc<PyType>,
    class_method: bool,
    methods: &[(&'static str, BuiltinFn)],
) {
    for (name, func) in methods {
        let f = Value::Builtin(alloc(PyBuiltin {
            name,
            func: *func,
            owner: Owner::Type(t.name()),
            self_: Value::Null,
        }));
        t.dict
            .set_str(name, classes::builtin_descriptor(object, f, class_method));
    }
}

/// Fills the `builtins` namespace.
pub fn install(vm: &mut Vm) {
    let b = vm.builtins.clone();
    let types = crate::vm::types::builtin_types();
    for (name, t) in [
        ("object", &types.object),
        ("type", &types.type_),
        ("int", &types.int),
        ("bool", &types.bool_),
        ("float", &types.float),
        ("complex", &types.complex),
        ("str", &types.str_),
        ("bytes", &types.bytes),
        ("list", &types.list),
        ("tuple", &types.tuple),
        ("dict", &types.dict),
        ("set", &types.set),
        ("frozenset", &types.frozenset),
        ("range", &types.range),
        ("slice", &types.slice),
    ] {
        b.set_str(name, Value::Type(t.clone()));
    }
    // LimitExceeded (a host's step budget or deadline, see vm::limits) is pyvm's own: not a
    // builtin name, so scripts see CPython's builtins.
    for kind in ExcKind::ALL
        .iter()
        .filter(|k| **k != ExcKind::LimitExceeded)
    {
        b.set_str(kind.name(), Value::Type(types.exception(*kind)));
    }
    b.set_str(
        "EnvironmentError",
        Value::Type(types.exception(ExcKind::OSError)),
    );
    b.set_str("IOError", Value::Type(types.exception(ExcKind::OSError)));
    b.set_str("None", Value::None);
    b.set_str("True", Value::Bool(true));
    b.set_str("False", Value::Bool(false));
    b.set_str("Ellipsis", Value::Ellipsis);
    b.set_str("NotImplemented", Value::NotImplemented);
    b.set_str("__name__", Value::str("builtins"));
    b.set_str("__debug__", Value::Bool(true));
    functions::install(&b);
    site::install(&b);
    iterators::install(&b, &types);
    classes::install(&b, &types);
    // The `builtins` module's dict *is* the builtin namespace (as in CPython), so
    // `builtins.x = ...` and the interactive `_` are seen by name lookups and by the module alike.
    for attr in ["__doc__", "__package__", "__loader__", "__spec__"] {
        b.set_str(attr, Value::None);
    }
    let module = Value::Module(alloc(crate::objects::PyModule {
        name: "builtins".to_string(),
        dict: b,
    }));
    vm.modules.insert("builtins".to_string(), module);
}

/// Puts the methods of every built-in type into its dict (called once when the types are made).
pub fn install_type_methods(t: &BuiltinTypes) {
    numbers::install_methods(t);
    str::install_methods(t);
    bytes::install_methods(t);
    list::install_methods(t);
    dict::install_methods(t);
    set::install_methods(t);
    classes::install_methods(t);
    iterators::install_methods(t);
    generators::install_methods(t);
    slots::install(t);
}

/// Calls a built-in type: `int("3")`, `list(x)`, `ValueError("msg")`, ...
pub fn construct(vm: &mut Vm, t: &Rc<PyType>, args: Args) -> PyResult<Value> {
    match t.layout {
        Layout::Int => numbers::int_new(vm, args),
        Layout::Bool => numbers::bool_new(vm, args),
        Layout::Float => numbers::float_new(vm, args),
        Layout::Complex => numbers::complex_new(vm, args),
        Layout::Str => str::str_new(vm, args),
        Layout::Bytes => bytes::bytes_new(vm, args),
        Layout::List => list::list_new(vm, args),
        Layout::Tuple => list::tuple_new(vm, args),
        Layout::Dict => dict::dict_new(vm, args),
        Layout::Set => set::set_new(vm, args, false),
        Layout::FrozenSet => set::set_new(vm, args, true),
        Layout::Range => iterators::range_new(vm, args),
        Layout::Slice => iterators::slice_new(vm, args),
        Layout::Type => classes::type_new(vm, args),
        Layout::Object => classes::object_new(vm, t, args),
        Layout::Exception => classes::exception_new(vm, t, args),
        Layout::Iterator => iterators::construct_named(vm, t, args),
        Layout::Native => match t.lookup("__new__") {
            Some(new) => {
                let mut full = vec![Value::Type(t.clone())];
                full.extend_from_slice(args.args);
                vm.call(&new, &full, args.kwnames)
            }
            None => Err(PyErr::type_error(format!(
                "cannot create '{}' instances",
                t.name()
            ))),
        },
        _ => Err(PyErr::type_error(format!(
            "cannot create '{}' instances",
            t.name()
        ))),
    }
}

// ---------------------------------------------------------------- argument checking

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// `name() takes no keyword arguments`.
pub fn no_kwargs(name: &str, args: &Args) -> PyResult<()> {
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    Ok(())
}

/// A METH_O builtin: exactly one positional argument.
pub fn one_arg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    no_kwargs(name, args)?;
    let p = args.positional();
    if p.len() != 1 {
        return Err(PyErr::type_error(format!(
            "{name}() takes exactly one argument ({} given)",
            p.len()
        )));
    }
    Ok(&p[0])
}

/// A METH_NOARGS builtin.
pub fn no_args(name: &str, args: &Args) -> PyResult<()> {
    no_kwargs(name, args)?;
    let n = args.positional().len();
    if n != 0 {
        return Err(PyErr::type_error(format!(
            "{name}() takes no arguments ({n} given)"
        )));
    }
    Ok(())
}

/// CPython's `_PyArg_CheckPositional` messages.
pub fn check_positional<'a>(
    name: &str,
    args: &Args<'a>,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let p = args.positional();
    let n = p.len();
    if n < min || n > max {
        let msg = if min == max {
            format!("{name} expected {min} argument{}, got {n}", plural(min))
        } else if n < min {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        } else {
            format!(
                "{name} expected at most {max} argument{}, got {n}",
                plural(max)
            )
        };
        return Err(PyErr::type_error(msg));
    }
    Ok(p)
}

/// `PyArg_ParseTuple` messages (METH_VARARGS functions such as `str.find`):
/// `find() takes at least 1 argument (0 given)`, `find() takes no keyword arguments`.
pub fn varargs<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    let p = args.positional();
    let n = p.len();
    if n < min || n > max {
        let (how, count) = if min == max {
            ("exactly", min)
        } else if n < min {
            ("at least", min)
        } else {
            ("at most", max)
        };
        return Err(PyErr::type_error(format!(
            "{name}() takes {how} {count} argument{} ({n} given)",
            plural(count)
        )));
    }
    Ok(p)
}

/// Positional-or-keyword parameters by name (Argument Clinic style): returns one slot per
/// parameter, reporting CPython's messages for missing, duplicate and unexpected arguments.
pub fn parse_args(
    fname: &str,
    args: &Args,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    parse_args_posonly(fname, args, params, 0, required)
}

/// Argument Clinic's `_PyArg_UnpackKeywords`: the first `posonly` parameters are positional-only,
/// the first `required` are required. The checks run in CPython's order, so the messages match
/// (`int(x=1)` is `'x' is an invalid keyword argument for int()`).
pub fn parse_args_posonly(
    fname: &str,
    args: &Args,
    params: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    let p = args.positional();
    let nargs = p.len();
    let nkw = args.kwnames.len();
    let max = params.len();
    if nargs + nkw > max {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {max} {}argument{} ({} given)",
            if nargs == 0 { "keyword " } else { "" },
            plural(max),
            nargs + nkw
        )));
    }
    let min_posonly = required.min(posonly);
    if nargs < min_posonly {
        return Err(PyErr::type_error(format!(
            "{fname}() takes {} {min_posonly} positional argument{} ({nargs} given)",
            if min_posonly < max {
                "at least"
            } else {
                "exactly"
            },
            plural(min_posonly)
        )));
    }
    let mut out: Vec<Option<Value>> = vec![None; max];
    for (slot, v) in out.iter_mut().zip(p) {
        *slot = Some(v.clone());
    }
    let mut used = 0;
    for i in nargs.max(posonly)..max {
        out[i] = args.kwarg(params[i]).cloned();
        if out[i].is_some() {
            used += 1;
        } else if i < required {
            return Err(PyErr::type_error(format!(
                "{fname}() missing required argument '{}' (pos {})",
                params[i],
                i + 1
            )));
        }
    }
    if used < nkw {
        for (i, name) in params.iter().enumerate().take(nargs).skip(posonly) {
            if args.kwarg(name).is_some() {
                return Err(PyErr::type_error(format!(
                    "argument for {fname}() given by name ('{name}') and position ({})",
                    i + 1
                )));
            }
        }
        for (k, _) in args.keywords() {
            if !params[posonly..].contains(&k) {
                return Err(PyErr::type_error(format!(
                    "'{k}' is an invalid keyword argument for {fname}()"
                )));
            }
        }
    }
    Ok(out)
}

/// The receiver of a method call (`args[0]`), unwrapping the payload of a builtin subclass.
pub fn receiver(args: &Args) -> Value {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    crate::vm::ops::payload_or_self(&v)
}
