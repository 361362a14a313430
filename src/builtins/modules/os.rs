//! The `os` module: the few process queries programs use (pid, path separator, cpu count).

use crate::builtins::{function, no_args};
use crate::objects::{Args, PyModule};
use crate::vm::{PyResult, Value, Vm};
use std::rc::Rc;

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("os");
    m.dict.set_str("name", Value::str("posix"));
    m.dict.set_str("sep", Value::str("/"));
    m.dict.set_str("linesep", Value::str("\n"));
    let fns: &[(&'static str, crate::objects::BuiltinFn)] =
        &[("getpid", getpid), ("cpu_count", cpu_count)];
    for (name, f) in fns {
        m.dict.set_str(name, function("os", name, *f));
    }
    m
}

fn getpid(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("getpid", &args)?;
    Ok(Value::Int(std::process::id() as i64))
}

fn cpu_count(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("cpu_count", &args)?;
    Ok(std::thread::available_parallelism().map_or(Value::None, |n| Value::Int(n.get() as i64)))
}
