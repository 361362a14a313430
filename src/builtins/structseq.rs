//! Struct sequences (`sys.version_info`, `sys.float_info`): tuples whose items are also named
//! attributes, with the repr `sys.version_info(major=3, minor=11, ...)`.
//!
//! A struct sequence type is a subclass of `tuple` whose `__match_args__` names the fields; its
//! instances carry the tuple as their payload, so indexing, comparison and unpacking are the
//! tuple's own.

use super::add_methods;
use crate::objects::{Args, Layout, PyDict, PyInstance, PyType};
use crate::vm::types::{builtin_types, type_of};
use crate::vm::value::alloc;
use crate::vm::{PyErr, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// Makes the type `module.name` with the given field names.
pub fn new_type(module: &str, name: &str, fields: &[&str]) -> Rc<PyType> {
    let types = builtin_types();
    let t = Rc::new(PyType {
        cache: Default::default(),
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(vec![types.tuple.clone()]),
        mro: RefCell::new(vec![types.tuple.clone(), types.object.clone()]),
        dict: PyDict::new(),
        layout: Layout::Object,
        builtin: false,
    });
    t.dict.set_str("__module__", Value::str(module));
    t.dict.set_str("__doc__", Value::None);
    t.dict.set_str(
        "__match_args__",
        Value::tuple(fields.iter().map(|f| Value::str(*f)).collect()),
    );
    t.dict.set_str("n_fields", Value::Int(fields.len() as i64));
    t.dict
        .set_str("n_sequence_fields", Value::Int(fields.len() as i64));
    t.dict.set_str("n_unnamed_fields", Value::Int(0));
    add_methods(
        &t,
        &[
            ("__repr__", structseq_repr),
            ("__getattr__", structseq_getattr),
            ("__hash__", structseq_hash),
        ],
    );
    t
}

/// An instance of the struct sequence type `t` holding `values`.
pub fn new_value(t: &Rc<PyType>, values: Vec<Value>) -> Value {
    Value::Instance(alloc(PyInstance {
        class: RefCell::new(t.clone()),
        dict: Rc::new(PyDict::new()),
        exc: None,
        payload: RefCell::new(Value::tuple(values)),
    }))
}

/// The field names and items of a struct sequence.
fn parts(v: &Value) -> (Vec<String>, Vec<Value>) {
    let fields = match type_of(v).lookup("__match_args__") {
        Some(Value::Tuple(t)) => t
            .items
            .iter()
            .filter_map(|f| f.as_str().map(str::to_string))
            .collect(),
        _ => Vec::new(),
    };
    let items = match crate::vm::ops::payload_or_self(v) {
        Value::Tuple(t) => t.items.to_vec(),
        _ => Vec::new(),
    };
    (fields, items)
}

fn structseq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let (fields, items) = parts(&v);
    let t = type_of(&v);
    let mut out = format!("{}.{}(", t.module_name(), t.name());
    for (i, (f, x)) in fields.iter().zip(&items).enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(f);
        out.push('=');
        out.push_str(&vm.repr(x)?);
    }
    out.push(')');
    Ok(Value::str(out))
}

fn structseq_getattr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let name = args.args.get(1).and_then(|n| n.as_str()).unwrap_or("");
    let (fields, items) = parts(&v);
    match fields.iter().position(|f| f == name) {
        Some(i) if i < items.len() => Ok(items[i].clone()),
        _ => {
            // The C type's tp_name, which CPython's message uses, is "module.name".
            let t = type_of(&v);
            Err(PyErr::attribute_error(format!(
                "'{}.{}' object has no attribute '{name}'",
                t.module_name(),
                t.name()
            )))
        }
    }
}

fn structseq_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    let t = crate::vm::ops::payload_or_self(&v);
    Ok(Value::Int(vm.hash(&t)?))
}
