//! Python exceptions as Rust errors: `PyErr` carries an exception instance; `PyResult` is what every
//! fallible operation returns. The built-in exception hierarchy is declared here once.

use super::types;
use super::value::{alloc, Value};
use crate::objects::{ExcState, PyDict, PyInstance, PyType};
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! exception_kinds {
    ($( $name:ident : $parent:ident ),* $(,)?) => {
        /// The built-in exception types, each with its base class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { BaseException, $($name),* }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$name),*];

            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $(ExcKind::$name => stringify!($name)),* }
            }

            pub fn parent(self) -> Option<ExcKind> {
                match self { ExcKind::BaseException => None, $(ExcKind::$name => Some(ExcKind::$parent)),* }
            }
        }
    };
}

exception_kinds! {
    Exception: BaseException,
    GeneratorExit: BaseException,
    KeyboardInterrupt: BaseException,
    SystemExit: BaseException,
    LimitExceeded: BaseException,
    ArithmeticError: Exception,
    FloatingPointError: ArithmeticError,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    BufferError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    PermissionError: OSError,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    RecursionError: RuntimeError,
    StopAsyncIteration: Exception,
    StopIteration: Exception,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    Warning: Exception,
    DeprecationWarning: Warning,
    PendingDeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    UserWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
}

/// A raised Python exception. `value` is always an exception instance.
#[derive(Clone)]
pub struct PyErr {
    pub value: Value,
}

pub type PyResult<T> = Result<T, PyErr>;

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({}: {})", self.type_name(), self.message())
    }
}

/// Creates an exception instance of `class` with `args`.
pub fn new_exception(class: Rc<PyType>, args: Vec<Value>) -> Value {
    Value::Instance(alloc(PyInstance {
        class: RefCell::new(class),
        dict: Rc::new(PyDict::new()),
        exc: Some(RefCell::new(ExcState {
            args,
            ..Default::default()
        })),
        payload: RefCell::new(Value::Null),
    }))
}

impl PyErr {
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr {
            value: new_exception(types::exc_type(kind), vec![Value::str(msg.into())]),
        }
    }

    /// An exception with the given args (e.g. `KeyError(key)`, `StopIteration(value)`).
    pub fn with_args(kind: ExcKind, args: Vec<Value>) -> PyErr {
        PyErr {
            value: new_exception(types::exc_type(kind), args),
        }
    }

    pub fn from_value(value: Value) -> PyErr {
        PyErr { value }
    }

    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::TypeError, msg)
    }

    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ValueError, msg)
    }

    pub fn index_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::IndexError, msg)
    }

    pub fn key_error(key: Value) -> PyErr {
        PyErr::with_args(ExcKind::KeyError, vec![key])
    }

    pub fn attribute_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::AttributeError, msg)
    }

    pub fn zero_division(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::ZeroDivisionError, msg)
    }

    pub fn overflow(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::OverflowError, msg)
    }

    pub fn runtime_error(msg: impl Into<String>) -> PyErr {
        PyErr::new(ExcKind::RuntimeError, msg)
    }

    /// `NameError` for an unbound name; the name is kept (`.name`) for the traceback's
    /// "Did you mean" suggestion.
    pub fn name_error(name: &str) -> PyErr {
        let err = PyErr::new(ExcKind::NameError, format!("name '{name}' is not defined"));
        if let Value::Instance(i) = &err.value {
            i.dict.set_str("name", Value::str(name));
        }
        err
    }

    pub fn stop_iteration(value: Value) -> PyErr {
        if value.is_none() {
            PyErr::with_args(ExcKind::StopIteration, vec![])
        } else {
            PyErr::with_args(ExcKind::StopIteration, vec![value])
        }
    }

    pub fn instance(&self) -> Option<&Rc<PyInstance>> {
        match &self.value {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }

    pub fn class(&self) -> Rc<PyType> {
        match &self.value {
            Value::Instance(i) => i.class(),
            _ => types::exc_type(ExcKind::BaseException),
        }
    }

    pub fn type_name(&self) -> String {
        self.class().name()
    }

    /// Whether the exception is an instance of the built-in `kind` (or a subclass).
    pub fn is(&self, kind: ExcKind) -> bool {
        self.class().is_subtype(&types::exc_type(kind))
    }

    /// The exception's args.
    pub fn args(&self) -> Vec<Value> {
        self.instance()
            .and_then(|i| i.exc.as_ref().map(|e| e.borrow().args.clone()))
            .unwrap_or_default()
    }

    /// `str(exc)` for the common case of built-in values in args (for Rust-side diagnostics).
    pub fn message(&self) -> String {
        let args = self.args();
        match args.len() {
            0 => String::new(),
            1 => match &args[0] {
                Value::Str(s) => s.as_str().to_string(),
                other => format!("{other:?}"),
            },
            _ => format!("{args:?}"),
        }
    }
}

/// The exception state of an exception instance.
pub fn exc_state(v: &Value) -> Option<&RefCell<ExcState>> {
    match v {
        Value::Instance(i) => i.exc.as_ref(),
        _ => None,
    }
}
