//! Callables: Python functions, builtin functions and methods, bound methods, closure cells.

use super::dict::PyDict;
use crate::bytecode::Code;
use crate::vm::{PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// A function defined in Python (`def` or `lambda`).
pub struct PyFunction {
    pub code: Rc<Code>,
    pub globals: Rc<PyDict>,
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    /// Defaults of the last positional parameters (`__defaults__`).
    pub defaults: RefCell<Vec<Value>>,
    /// Defaults of keyword-only parameters (`__kwdefaults__`).
    pub kwdefaults: RefCell<Option<Rc<PyDict>>>,
    /// Cells of the free variables, in `co_freevars` order.
    pub closure: Vec<Value>,
    /// Function attributes (`f.x = 1`, `__wrapped__`, ...).
    pub dict: Rc<PyDict>,
    pub doc: RefCell<Value>,
    /// `__module__`: the defining module's `__name__`.
    pub module: Value,
    pub annotations: RefCell<Value>,
}

/// Positional arguments followed by keyword values; `kwnames` names the last `kwnames.len()`.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub args: &'a [Value],
    pub kwnames: &'a [Value],
}

impl<'a> Args<'a> {
    pub fn new(args: &'a [Value]) -> Args<'a> {
        Args { args, kwnames: &[] }
    }

    pub fn with_kw(args: &'a [Value], kwnames: &'a [Value]) -> Args<'a> {
        Args { args, kwnames }
    }

    /// The positional arguments.
    pub fn positional(&self) -> &'a [Value] {
        &self.args[..self.args.len() - self.kwnames.len()]
    }

    /// (name, value) pairs of the keyword arguments.
    pub fn keywords(&self) -> impl Iterator<Item = (&'a str, &'a Value)> + 'a {
        let n = self.args.len() - self.kwnames.len();
        let args = self.args;
        self.kwnames
            .iter()
            .enumerate()
            .map(move |(i, k)| (k.as_str().unwrap_or(""), &args[n + i]))
    }

    pub fn kwarg(&self, name: &str) -> Option<&'a Value> {
        self.keywords().find(|(k, _)| *k == name).map(|(_, v)| v)
    }

    pub fn has_kwargs(&self) -> bool {
        !self.kwnames.is_empty()
    }
}

/// Signature of a builtin implemented in Rust. Methods receive `self` as the first argument.
pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// Where a builtin lives, for its repr and for cProfile's `{built-in method builtins.abs}`.
#[derive(Clone, Debug)]
pub enum Owner {
    Module(&'static str),
    Type(String),
}

/// A builtin function, an unbound builtin method (a method descriptor), or one bound to `self_`.
pub struct PyBuiltin {
    pub name: &'static str,
    pub func: BuiltinFn,
    pub owner: Owner,
    /// `Value::Null` unless bound.
    pub self_: Value,
}

impl PyBuiltin {
    pub fn qualified_name(&self) -> String {
        match &self.owner {
            Owner::Module(m) => format!("{m}.{}", self.name),
            Owner::Type(t) => format!("{t}.{}", self.name),
        }
    }
}

/// A Python function bound to an instance.
pub struct PyMethod {
    pub func: Value,
    pub self_: Value,
}

/// A closure cell; `Value::Null` when empty.
pub struct PyCell {
    pub value: RefCell<Value>,
}

impl PyCell {
    pub fn new(v: Value) -> PyCell {
        PyCell {
            value: RefCell::new(v),
        }
    }

    pub fn get(&self) -> Value {
        self.value.borrow().clone()
    }

    pub fn set(&self, v: Value) {
        *self.value.borrow_mut() = v;
    }
}
