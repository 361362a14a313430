//! The `sys` module: argv, stdout/stderr objects, exit, recursion limit, sizes and limits.

use crate::builtins::classes::native;
use crate::builtins::structseq;
use crate::builtins::{add_methods, check_positional, function, no_args, no_kwargs, one_arg};
use crate::objects::{Args, PyModule};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::io::Write;
use std::rc::Rc;

/// sys.stdout / sys.stderr: which stream a file object writes to.
pub struct Stream {
    pub stderr: bool,
}

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("sys");
    let d = &m.dict;
    d.set_str(
        "argv",
        Value::list(vm.argv.iter().map(|a| Value::str(a.clone())).collect()),
    );
    d.set_str("maxsize", Value::Int(i64::MAX));
    d.set_str("version", Value::str("3.11.7 (pyvm)"));
    d.set_str(
        "version_info",
        structseq::new_value(
            &structseq::new_type(
                "sys",
                "version_info",
                &["major", "minor", "micro", "releaselevel", "serial"],
            ),
            vec![
                Value::Int(3),
                Value::Int(11),
                Value::Int(7),
                Value::str("final"),
                Value::Int(0),
            ],
        ),
    );
    d.set_str("hexversion", Value::Int(0x030b07f0));
    d.set_str("platform", Value::str("linux"));
    d.set_str("byteorder", Value::str("little"));
    d.set_str("executable", Value::str(""));
    d.set_str("maxunicode", Value::Int(0x10ffff));
    let path = match &vm.module_path {
        Some(p) => vec![Value::str(p.to_string_lossy().to_string())],
        None => vec![],
    };
    d.set_str("path", Value::list(path));
    d.set_str(
        "float_info",
        structseq::new_value(
            &structseq::new_type(
                "sys",
                "float_info",
                &[
                    "max",
                    "max_exp",
                    "max_10_exp",
                    "min",
                    "min_exp",
                    "min_10_exp",
                    "dig",
                    "mant_dig",
                    "epsilon",
                    "radix",
                    "rounds",
                ],
            ),
            vec![
                Value::Float(f64::MAX),
                Value::Int(1024),
                Value::Int(308),
                Value::Float(f64::MIN_POSITIVE),
                Value::Int(-1021),
                Value::Int(-307),
                Value::Int(15),
                Value::Int(53),
                Value::Float(f64::EPSILON),
                Value::Int(2),
                Value::Int(1),
            ],
        ),
    );
    d.set_str(
        "int_info",
        structseq::new_value(
            &structseq::new_type(
                "sys",
                "int_info",
                &[
                    "bits_per_digit",
                    "sizeof_digit",
                    "default_max_str_digits",
                    "str_digits_check_threshold",
                ],
            ),
            vec![
                Value::Int(30),
                Value::Int(4),
                Value::Int(4300),
                Value::Int(640),
            ],
        ),
    );
    let stdout = native("TextIOWrapper", Stream { stderr: false });
    let stderr = native("TextIOWrapper", Stream { stderr: true });
    add_methods(
        &crate::builtins::classes::native_type("TextIOWrapper"),
        &[("write", stream_write), ("flush", stream_flush)],
    );
    d.set_str("stdout", stdout.clone());
    d.set_str("stderr", stderr.clone());
    d.set_str("__stdout__", stdout);
    d.set_str("__stderr__", stderr);
    let fns: &[(&'static str, crate::objects::BuiltinFn)] = &[
        ("exit", sys_exit),
        ("getrecursionlimit", getrecursionlimit),
        ("setrecursionlimit", setrecursionlimit),
        ("set_int_max_str_digits", set_int_max_str_digits),
        ("get_int_max_str_digits", get_int_max_str_digits),
        ("exc_info", exc_info),
        ("intern", intern),
        ("getdefaultencoding", getdefaultencoding),
        ("getsizeof", super::sizeof::getsizeof),
    ];
    for (name, f) in fns {
        d.set_str(name, function("sys", name, *f));
    }
    m
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let target = args.args.first().cloned().unwrap_or(Value::None);
    let text = match args.args.get(1) {
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "write() argument must be str, not {}",
                crate::vm::types::type_name(other)
            )))
        }
        None => {
            return Err(PyErr::type_error(
                "write() takes exactly one argument (0 given)",
            ))
        }
    };
    let to_stderr =
        crate::builtins::classes::with_native::<Stream, _>(&target, |s| s.stderr).unwrap_or(false);
    if to_stderr {
        vm.flush();
        vm.write_stderr(&text);
    } else {
        vm.out.write_str(&text);
    }
    Ok(Value::Int(text.chars().count() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.flush();
    let _ = std::io::stderr().flush();
    Ok(Value::None)
}

fn sys_exit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("exit", &args)?;
    let p = check_positional("exit", &args, 0, 1)?;
    Err(PyErr::with_args(ExcKind::SystemExit, p.to_vec()))
}

fn getrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("getrecursionlimit", &args)?;
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("setrecursionlimit", &args)?;
    let n = match v {
        Value::Int(i) => *i,
        Value::Float(_) => {
            return Err(PyErr::type_error(
                "'float' object cannot be interpreted as an integer",
            ))
        }
        other => vm.index_value(other)?,
    };
    if n < 1 {
        return Err(PyErr::value_error(
            "recursion limit must be greater or equal than 1",
        ));
    }
    if (n as usize) <= vm.depth {
        return Err(PyErr::new(
            ExcKind::RecursionError,
            format!("cannot set the recursion limit to {n} at the recursion depth {}: the limit is too low", vm.depth),
        ));
    }
    vm.recursion_limit = n as usize;
    Ok(Value::None)
}

fn set_int_max_str_digits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = crate::builtins::parse_args("set_int_max_str_digits", &args, &["maxdigits"], 1)?;
    let n = vm.index_value(a[0].as_ref().unwrap_or(&Value::Int(0)))?;
    if n != 0 && n < 640 {
        return Err(PyErr::value_error("maxdigits must be 0 or larger than 640"));
    }
    crate::builtins::numbers::INT_MAX_STR_DIGITS.with(|c| c.set(n as usize));
    Ok(Value::None)
}

fn get_int_max_str_digits(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("get_int_max_str_digits", &args)?;
    Ok(Value::Int(
        crate::builtins::numbers::INT_MAX_STR_DIGITS.with(|c| c.get()) as i64,
    ))
}

fn exc_info(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("exc_info", &args)?;
    let e = vm.exc_info.clone();
    if e.is_none() || e.is_null() {
        return Ok(Value::tuple(vec![Value::None, Value::None, Value::None]));
    }
    let t = Value::Type(crate::vm::types::type_of(&e));
    let tb = vm.traceback_object(&e);
    Ok(Value::tuple(vec![t, e, tb]))
}

fn intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = one_arg("intern", &args)?;
    match v {
        Value::Str(_) => Ok(v.clone()),
        other => Err(PyErr::type_error(format!(
            "intern() argument must be str, not {}",
            crate::vm::types::type_name(other)
        ))),
    }
}

fn getdefaultencoding(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("getdefaultencoding", &args)?;
    Ok(Value::str("utf-8"))
}
