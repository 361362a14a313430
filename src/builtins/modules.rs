//! Built-in library modules implemented in Rust. `create` builds one on first import.

pub mod array;
pub mod itertools;
pub mod math;
pub mod os;
pub mod random;
pub mod sizeof;
pub mod sys;
pub mod time;

use crate::vm::{PyResult, Value, Vm};

/// Builds the built-in module `name`, or None if there is no such built-in module.
pub fn create(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let m = match name {
        "math" => math::create(vm),
        "array" => array::create(vm)?,
        "itertools" => itertools::create(vm),
        "random" => random::create(vm),
        "time" => time::create(vm),
        "sys" => sys::create(vm),
        "os" => os::create(vm),
        _ => return Ok(None),
    };
    Ok(Some(Value::Module(m)))
}
