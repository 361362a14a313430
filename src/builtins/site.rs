//! `exit` and `quit`: the `_sitebuiltins.Quitter` objects that CPython's `site` module adds to
//! the builtins, with their repr `Use exit() or Ctrl-D (i.e. EOF) to exit`.

use super::add_methods;
use crate::objects::{Args, Layout, PyDict, PyInstance, PyType};
use crate::vm::types::builtin_types;
use crate::vm::value::alloc;
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// Adds `exit` and `quit` to the builtins namespace.
pub fn install(b: &PyDict) {
    let types = builtin_types();
    let quitter = Rc::new(PyType {
        cache: Default::default(),
        name: RefCell::new("Quitter".to_string()),
        qualname: RefCell::new("Quitter".to_string()),
        bases: RefCell::new(vec![types.object.clone()]),
        mro: RefCell::new(vec![types.object.clone()]),
        dict: PyDict::new(),
        layout: Layout::Object,
        builtin: false,
    });
    quitter
        .dict
        .set_str("__module__", Value::str("_sitebuiltins"));
    quitter.dict.set_str("__doc__", Value::None);
    add_methods(
        &quitter,
        &[("__repr__", quitter_repr), ("__call__", quitter_call)],
    );
    for name in ["exit", "quit"] {
        let dict = Rc::new(PyDict::new());
        dict.set_str("name", Value::str(name));
        dict.set_str("eof", Value::str("Ctrl-D (i.e. EOF)"));
        let obj = Value::Instance(alloc(PyInstance {
            class: RefCell::new(quitter.clone()),
            dict,
            exc: None,
            payload: RefCell::new(Value::Null),
        }));
        b.set_str(name, obj);
    }
}

fn attr(v: &Value, name: &str) -> String {
    match v {
        Value::Instance(i) => i
            .dict
            .get_str(name)
            .and_then(|s| s.as_str().map(str::to_string))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

fn quitter_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(format!(
        "Use {}() or {} to exit",
        attr(&this, "name"),
        attr(&this, "eof")
    )))
}

/// `exit(code=None)`: raises `SystemExit(code)` (so `exit()` carries `None`, unlike `sys.exit()`).
fn quitter_call(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some((k, _)) = args.keywords().next() {
        return Err(PyErr::type_error(format!(
            "Quitter.__call__() got an unexpected keyword argument '{k}'"
        )));
    }
    let p = args.positional();
    if p.len() > 2 {
        return Err(PyErr::type_error(format!(
            "Quitter.__call__() takes from 1 to 2 positional arguments but {} were given",
            p.len()
        )));
    }
    let code = p.get(1).cloned().unwrap_or(Value::None);
    Err(PyErr::with_args(ExcKind::SystemExit, vec![code]))
}
