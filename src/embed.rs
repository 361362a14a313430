//! The embedding API: how a Rust program hosts pyvm, the way a C program hosts Lua.
//!
//! A host creates a [`Vm`], runs source under a file name in a persistent `__main__` namespace,
//! reads and writes globals, calls Python functions, registers Rust functions as builtins or as
//! an importable module, and decides where `print` writes. Values cross the boundary through two
//! traits: [`IntoPy`] (Rust to Python, infallible) and [`FromPy`] (Python to Rust, a `TypeError`
//! or `OverflowError` when the value does not fit). Failures reach the host as [`Error`], whose
//! text is the traceback exactly as the `pyvm` command prints it.
//!
//! ```
//! use pyvm::{Capture, Vm};
//!
//! let mut vm = Vm::new();
//! let out = Capture::new();
//! vm.set_output(out.clone());
//! vm.register_function("double", |_vm, args| {
//!     let (n,): (i64,) = pyvm::parse_args("double", args)?;
//!     Ok(n * 2)
//! });
//! vm.set_global("base", 20);
//! vm.run("def area(w, h):\n    return w * h\nprint(double(base) + 2)\n", "script.py")
//!     .unwrap();
//! assert_eq!(out.contents(), "42\n");
//! let a: i64 = vm.call_global("area", (6, 7)).unwrap();
//! assert_eq!(a, 42);
//! ```

#![warn(missing_docs)]

use crate::builtins::add_methods;
use crate::objects::{Args, Layout, NativeObject, PyDict, PyModule, PyType};
use crate::vm::hash::{eq_builtin, hash_builtin, hash_pointer};
use crate::vm::types::{builtin_types, make_type, type_name};
use crate::vm::value::alloc;
use crate::vm::{ExcKind, Output, PyErr, PyResult, Value, Vm};
use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::rc::Rc;

// ---------------------------------------------------------------- errors

/// A failure seen by the host: a syntax error, or a Python exception nobody caught.
///
/// `Display` shows the same text the `pyvm` CLI writes to stderr for it (without the final
/// newline); [`Error::traceback`] is that text verbatim. The exception itself (for a syntax
/// error, a `SyntaxError` instance with `msg`, `lineno`, `offset` and `text`) is
/// [`Error::exception`].
#[derive(Clone)]
pub struct Error {
    text: String,
    exception: PyErr,
    syntax: bool,
}

impl Error {
    /// The text CPython would print to stderr: `Traceback (most recent call last): ...` and the
    /// final `Type: message` line, ending in a newline.
    pub fn traceback(&self) -> &str {
        &self.text
    }

    /// Whether the source did not compile (`SyntaxError`, `IndentationError`, `TabError`).
    pub fn is_syntax_error(&self) -> bool {
        self.syntax
    }

    /// The exception's class name (`"ZeroDivisionError"`, `"SyntaxError"`, ...).
    pub fn type_name(&self) -> String {
        self.exception.type_name()
    }

    /// Whether the exception is an instance of the built-in `kind` or one of its subclasses.
    pub fn is(&self, kind: ExcKind) -> bool {
        self.exception.is(kind)
    }

    /// The Python exception object.
    pub fn exception(&self) -> &PyErr {
        &self.exception
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text.strip_suffix('\n').unwrap_or(&self.text))
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let last = self.text.trim_end().rsplit('\n').next().unwrap_or("");
        write!(f, "pyvm::Error({last:?})")
    }
}

impl std::error::Error for Error {}

/// A host error raised back into Python keeps its exception (so `except` sees the original type).
impl From<Error> for PyErr {
    fn from(e: Error) -> PyErr {
        e.exception
    }
}

// ---------------------------------------------------------------- conversions

/// Conversion of a Rust value into a Python value.
///
/// | Rust | Python |
/// |---|---|
/// | `i64`, `i32`, `u32`, `usize` ... | `int` |
/// | `f64`, `f32` | `float` |
/// | `bool` | `bool` |
/// | `String`, `&str` | `str` |
/// | `()`, `None` of an `Option` | `None` |
/// | `Vec<T>`, `&[T]` | `list` |
/// | tuples of up to six elements | `tuple` |
/// | `HashMap<K, V>`, `BTreeMap<K, V>` | `dict` (a `Vec` key becomes a tuple, being hashable) |
/// | [`Value`] | itself |
pub trait IntoPy {
    /// The Python value.
    fn into_py(self) -> Value;
}

/// Conversion of a Python value into a Rust value, failing with the `TypeError` (or
/// `OverflowError`, for an `int` too large) that CPython raises for such a mismatch.
///
/// Accepts what [`IntoPy`] produces, plus: an `int` where a float is wanted, a tuple for a `Vec`,
/// and a dict for a `Vec` of pairs (`Vec<(K, V)>` reads a dict's items in their order).
pub trait FromPy: Sized {
    /// The Rust value, or the Python exception explaining why there is none.
    fn from_py(v: &Value) -> PyResult<Self>;
}

impl IntoPy for Value {
    fn into_py(self) -> Value {
        self
    }
}

impl IntoPy for &Value {
    fn into_py(self) -> Value {
        self.clone()
    }
}

impl FromPy for Value {
    fn from_py(v: &Value) -> PyResult<Value> {
        Ok(v.clone())
    }
}

impl Value {
    /// Converts this value to a Rust type (see [`FromPy`]).
    pub fn extract<T: FromPy>(&self) -> PyResult<T> {
        T::from_py(self)
    }
}

macro_rules! int_conversions {
    ($($t:ty),*) => {$(
        impl IntoPy for $t {
            fn into_py(self) -> Value {
                i64::try_from(self)
                    .map(Value::Int)
                    .unwrap_or_else(|_| Value::from_bigint(num_bigint::BigInt::from(self)))
            }
        }

        impl FromPy for $t {
            fn from_py(v: &Value) -> PyResult<$t> {
                let big = match v {
                    Value::Int(i) => num_bigint::BigInt::from(*i),
                    Value::Bool(b) => num_bigint::BigInt::from(*b as i64),
                    Value::BigInt(b) => (**b).clone(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            type_name(other)
                        )))
                    }
                };
                <$t>::try_from(big).map_err(|_| {
                    PyErr::overflow(format!(
                        "Python int too large to convert to Rust {}",
                        stringify!($t)
                    ))
                })
            }
        }
    )*};
}

int_conversions!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize);

impl IntoPy for f64 {
    fn into_py(self) -> Value {
        Value::Float(self)
    }
}

impl IntoPy for f32 {
    fn into_py(self) -> Value {
        Value::Float(self as f64)
    }
}

impl FromPy for f64 {
    fn from_py(v: &Value) -> PyResult<f64> {
        match v {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => Ok(*i as f64),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::BigInt(b) => {
                use num_traits::ToPrimitive;
                b.to_f64()
                    .filter(|f| f.is_finite())
                    .ok_or_else(|| PyErr::overflow("int too large to convert to float"))
            }
            other => Err(PyErr::type_error(format!(
                "must be real number, not {}",
                type_name(other)
            ))),
        }
    }
}

impl FromPy for f32 {
    fn from_py(v: &Value) -> PyResult<f32> {
        f64::from_py(v).map(|f| f as f32)
    }
}

impl IntoPy for bool {
    fn into_py(self) -> Value {
        Value::Bool(self)
    }
}

impl FromPy for bool {
    fn from_py(v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            other => Err(PyErr::type_error(format!(
                "expected bool, got {}",
                type_name(other)
            ))),
        }
    }
}

impl IntoPy for String {
    fn into_py(self) -> Value {
        Value::str(self)
    }
}

impl IntoPy for &str {
    fn into_py(self) -> Value {
        Value::str(self)
    }
}

impl IntoPy for &String {
    fn into_py(self) -> Value {
        Value::str(self.as_str())
    }
}

impl FromPy for String {
    fn from_py(v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            other => Err(PyErr::type_error(format!(
                "expected str, got {}",
                type_name(other)
            ))),
        }
    }
}

impl IntoPy for () {
    fn into_py(self) -> Value {
        Value::None
    }
}

impl FromPy for () {
    fn from_py(v: &Value) -> PyResult<()> {
        match v {
            Value::None => Ok(()),
            other => Err(PyErr::type_error(format!(
                "expected None, got {}",
                type_name(other)
            ))),
        }
    }
}

impl<T: IntoPy> IntoPy for Option<T> {
    fn into_py(self) -> Value {
        self.map_or(Value::None, IntoPy::into_py)
    }
}

impl<T: FromPy> FromPy for Option<T> {
    fn from_py(v: &Value) -> PyResult<Option<T>> {
        match v {
            Value::None => Ok(None),
            other => T::from_py(other).map(Some),
        }
    }
}

impl<T: IntoPy> IntoPy for Vec<T> {
    fn into_py(self) -> Value {
        Value::list(self.into_iter().map(IntoPy::into_py).collect())
    }
}

impl<T: IntoPy + Clone> IntoPy for &[T] {
    fn into_py(self) -> Value {
        Value::list(self.iter().cloned().map(IntoPy::into_py).collect())
    }
}

/// The items of a list or tuple, or a dict's `(key, value)` pairs as 2-tuples.
fn sequence_items(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.snapshot()),
        Value::Tuple(t) => Ok(t.items.to_vec()),
        Value::Dict(d) => Ok(d
            .items()
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect()),
        other => Err(PyErr::type_error(format!(
            "expected list, tuple or dict, got {}",
            type_name(other)
        ))),
    }
}

impl<T: FromPy> FromPy for Vec<T> {
    fn from_py(v: &Value) -> PyResult<Vec<T>> {
        sequence_items(v)?.iter().map(T::from_py).collect()
    }
}

/// A dict key: lists (unhashable in Python) become tuples.
fn hashable(v: Value) -> Value {
    match v {
        Value::List(l) => Value::tuple(l.snapshot().into_iter().map(hashable).collect()),
        other => other,
    }
}

/// A dict from converted pairs, hashing keys without running Python code (keys from Rust are
/// built-in values).
fn dict_from_pairs(pairs: impl Iterator<Item = (Value, Value)>) -> Value {
    let d = PyDict::new();
    if let Some(mut t) = d.table_mut() {
        for (k, v) in pairs {
            let k = hashable(k);
            let h = hash_builtin(&k).unwrap_or_else(|_| hash_pointer(k.id()));
            // Built-in keys compare without running Python code, so `insert` cannot fail.
            let _ = t.insert(h, k, v, &mut |a, b| Ok(eq_builtin(a, b).unwrap_or(false)));
        }
    }
    Value::dict(d)
}

fn dict_items(v: &Value) -> PyResult<Vec<(Value, Value)>> {
    match v {
        Value::Dict(d) => Ok(d.items()),
        other => Err(PyErr::type_error(format!(
            "expected dict, got {}",
            type_name(other)
        ))),
    }
}

impl<K: IntoPy, V: IntoPy, S> IntoPy for HashMap<K, V, S> {
    fn into_py(self) -> Value {
        dict_from_pairs(self.into_iter().map(|(k, v)| (k.into_py(), v.into_py())))
    }
}

impl<K: IntoPy, V: IntoPy> IntoPy for BTreeMap<K, V> {
    fn into_py(self) -> Value {
        dict_from_pairs(self.into_iter().map(|(k, v)| (k.into_py(), v.into_py())))
    }
}

impl<K: FromPy + Eq + std::hash::Hash, V: FromPy, S: std::hash::BuildHasher + Default> FromPy
    for HashMap<K, V, S>
{
    fn from_py(v: &Value) -> PyResult<HashMap<K, V, S>> {
        dict_items(v)?
            .iter()
            .map(|(k, v)| Ok((K::from_py(k)?, V::from_py(v)?)))
            .collect()
    }
}

impl<K: FromPy + Ord, V: FromPy> FromPy for BTreeMap<K, V> {
    fn from_py(v: &Value) -> PyResult<BTreeMap<K, V>> {
        dict_items(v)?
            .iter()
            .map(|(k, v)| Ok((K::from_py(k)?, V::from_py(v)?)))
            .collect()
    }
}

/// Arguments for a call from Rust: a tuple of [`IntoPy`] values (`()`, `(1,)`, `("a", 2.5)`),
/// or a `Vec<Value>`.
pub trait IntoPyArgs {
    /// The positional arguments.
    fn into_args(self) -> Vec<Value>;
}

impl IntoPyArgs for Vec<Value> {
    fn into_args(self) -> Vec<Value> {
        self
    }
}

/// Parsing the arguments a Python caller passed to a host function: implemented for tuples of
/// [`FromPy`] types (see [`parse_args`]).
pub trait FromPyArgs: Sized {
    /// The arguments as Rust values; `name` is the function's name for error messages.
    fn from_args(name: &str, args: &[Value]) -> PyResult<Self>;
}

fn arity_error(name: &str, expected: usize, given: usize) -> PyErr {
    let s = if expected == 1 { "" } else { "s" };
    PyErr::type_error(match expected {
        0 => format!("{name}() takes no arguments ({given} given)"),
        _ => format!("{name}() takes exactly {expected} argument{s} ({given} given)"),
    })
}

macro_rules! tuple_conversions {
    ($n:expr; $($t:ident $i:tt),*) => {
        impl<$($t: IntoPy),*> IntoPy for ($($t,)*) {
            fn into_py(self) -> Value {
                Value::tuple(vec![$(self.$i.into_py()),*])
            }
        }

        impl<$($t: IntoPy),*> IntoPyArgs for ($($t,)*) {
            fn into_args(self) -> Vec<Value> {
                vec![$(self.$i.into_py()),*]
            }
        }

        impl<$($t: FromPy),*> FromPy for ($($t,)*) {
            fn from_py(v: &Value) -> PyResult<Self> {
                let items = match v {
                    Value::Tuple(t) => t.items.to_vec(),
                    other => {
                        return Err(PyErr::type_error(format!(
                            "expected tuple, got {}",
                            type_name(other)
                        )))
                    }
                };
                if items.len() != $n {
                    return Err(PyErr::value_error(format!(
                        "expected a tuple of length {}, got length {}",
                        $n,
                        items.len()
                    )));
                }
                Ok(($($t::from_py(&items[$i])?,)*))
            }
        }

        impl<$($t: FromPy),*> FromPyArgs for ($($t,)*) {
            fn from_args(name: &str, args: &[Value]) -> PyResult<Self> {
                if args.len() != $n {
                    return Err(arity_error(name, $n, args.len()));
                }
                Ok(($($t::from_py(&args[$i])?,)*))
            }
        }
    };
}

tuple_conversions!(1; A 0);
tuple_conversions!(2; A 0, B 1);
tuple_conversions!(3; A 0, B 1, C 2);
tuple_conversions!(4; A 0, B 1, C 2, D 3);
tuple_conversions!(5; A 0, B 1, C 2, D 3, E 4);
tuple_conversions!(6; A 0, B 1, C 2, D 3, E 4, F 5);

impl IntoPyArgs for () {
    fn into_args(self) -> Vec<Value> {
        Vec::new()
    }
}

impl FromPyArgs for () {
    fn from_args(name: &str, args: &[Value]) -> PyResult<()> {
        if !args.is_empty() {
            return Err(arity_error(name, 0, args.len()));
        }
        Ok(())
    }
}

/// Checks and converts the arguments of a host function: exactly as many as the tuple has, each
/// converted with [`FromPy`]; otherwise the `TypeError` CPython gives a built-in function
/// (`double() takes exactly 1 argument (2 given)`).
///
/// ```
/// # use pyvm::Value;
/// let (x, label): (f64, String) = pyvm::parse_args("f", &[Value::Int(2), Value::str("a")]).unwrap();
/// assert_eq!((x, label.as_str()), (2.0, "a"));
/// assert!(pyvm::parse_args::<(i64,)>("f", &[]).is_err());
/// ```
pub fn parse_args<T: FromPyArgs>(name: &str, args: &[Value]) -> PyResult<T> {
    T::from_args(name, args)
}

// ---------------------------------------------------------------- host functions and modules

/// The Rust side of a host function: the VM and the positional arguments, returning the result
/// or a Python exception to raise.
type HostFn = Rc<dyn Fn(&mut Vm, &[Value]) -> PyResult<Value>>;

/// A Rust closure callable from Python. It is a native object of type
/// `builtin_function_or_method` whose `__call__` runs the closure.
struct HostFunction {
    name: String,
    func: HostFn,
}

thread_local! {
    static HOST_FUNCTION_TYPE: Rc<PyType> = {
        let t = make_type(
            "builtin_function_or_method",
            Layout::Native,
            vec![builtin_types().object.clone()],
        );
        add_methods(&t, &[("__call__", host_call), ("__repr__", host_repr)]);
        t
    };
}

fn host_function_of(args: &Args) -> PyResult<(String, HostFn)> {
    let found = match args.args.first() {
        Some(Value::Native(n)) => n
            .data
            .borrow()
            .downcast_ref::<HostFunction>()
            .map(|h| (h.name.clone(), h.func.clone())),
        _ => None,
    };
    found.ok_or_else(|| PyErr::type_error("descriptor requires a host function"))
}

fn host_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // The closure is cloned out of the object first: it may call back into Python, which may
    // call this same function again.
    let (name, func) = host_function_of(&args)?;
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{name}() takes no keyword arguments"
        )));
    }
    func(vm, &args.positional()[1..])
}

fn host_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (name, _) = host_function_of(&args)?;
    Ok(Value::str(format!("<built-in function {name}>")))
}

/// Wraps a Rust closure as a Python callable named `name`.
///
/// The closure gets the VM and the positional arguments (see [`parse_args`]) and returns any
/// [`IntoPy`] value, or a [`PyErr`] that Python code can catch with `try`/`except`.
pub fn host_function<F, R>(name: &str, f: F) -> Value
where
    F: Fn(&mut Vm, &[Value]) -> PyResult<R> + 'static,
    R: IntoPy,
{
    let func: HostFn = Rc::new(move |vm, args| f(vm, args).map(IntoPy::into_py));
    Value::Native(alloc(NativeObject {
        class: HOST_FUNCTION_TYPE.with(Rc::clone),
        data: RefCell::new(Box::new(HostFunction {
            name: name.to_string(),
            func,
        })),
    }))
}

/// A module made by the host, registered with [`Vm::register_module`] and then importable by
/// scripts (`import name`, `from name import f`).
///
/// ```
/// let mut vm = pyvm::Vm::new();
/// let out = vm.capture_output();
/// vm.register_module(
///     pyvm::HostModule::new("greet")
///         .function("hello", |_vm, args| {
///             let (who,): (String,) = pyvm::parse_args("hello", args)?;
///             Ok(format!("hello, {who}"))
///         })
///         .constant("VERSION", 3),
/// );
/// vm.run("import greet\nprint(greet.hello('host'), greet.VERSION)\n", "<demo>").unwrap();
/// assert_eq!(out.borrow().as_str(), "hello, host 3\n");
/// ```
pub struct HostModule {
    name: String,
    members: Vec<(String, Value)>,
}

impl HostModule {
    /// An empty module called `name`.
    pub fn new(name: &str) -> HostModule {
        HostModule {
            name: name.to_string(),
            members: Vec::new(),
        }
    }

    /// Adds a function (see [`host_function`]).
    pub fn function<F, R>(mut self, name: &str, f: F) -> HostModule
    where
        F: Fn(&mut Vm, &[Value]) -> PyResult<R> + 'static,
        R: IntoPy,
    {
        self.members
            .push((name.to_string(), host_function(name, f)));
        self
    }

    /// Adds a module attribute holding `value`.
    pub fn constant(mut self, name: &str, value: impl IntoPy) -> HostModule {
        self.members.push((name.to_string(), value.into_py()));
        self
    }
}

// ---------------------------------------------------------------- output

/// A shareable in-memory sink for `print` or error output: clones write to the same buffer.
///
/// ```
/// let mut vm = pyvm::Vm::new();
/// let out = pyvm::Capture::new();
/// vm.set_output(out.clone());
/// vm.run("print('hi')\n", "<demo>").unwrap();
/// assert_eq!(out.take(), "hi\n");
/// assert_eq!(out.contents(), "");
/// ```
#[derive(Clone, Default)]
pub struct Capture(Rc<RefCell<Vec<u8>>>);

impl Capture {
    /// An empty buffer.
    pub fn new() -> Capture {
        Capture::default()
    }

    /// Everything written so far (invalid UTF-8 replaced).
    pub fn contents(&self) -> String {
        String::from_utf8_lossy(&self.0.borrow()).into_owned()
    }

    /// Everything written so far, leaving the buffer empty.
    pub fn take(&self) -> String {
        let bytes = std::mem::take(&mut *self.0.borrow_mut());
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for Capture {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ---------------------------------------------------------------- the host's view of a Vm

impl Vm {
    /// Sends `print` (and `sys.stdout`) output to `sink`: a file, a socket, a [`Capture`] ...
    pub fn set_output(&mut self, sink: impl Write + 'static) {
        self.out.flush();
        self.out = Output::Writer(Box::new(sink));
    }

    /// Sends error output (`sys.stderr`, and what [`Vm::report`] prints) to `sink`.
    pub fn set_error_output(&mut self, sink: impl Write + 'static) {
        self.err_out = Some(Box::new(sink));
    }

    /// Compiles `source` as a file called `filename` and runs it in the `__main__` namespace,
    /// which persists between runs (like successive chunks in one Lua state). `print` output is
    /// flushed when it returns.
    pub fn run(&mut self, source: &str, filename: &str) -> Result<(), Error> {
        self.run_mode(source, filename, "exec").map(|_| ())
    }

    /// Evaluates one expression in the `__main__` namespace and converts its value.
    ///
    /// ```
    /// let mut vm = pyvm::Vm::new();
    /// let v: Vec<i64> = vm.eval("[i * i for i in range(4)]").unwrap();
    /// assert_eq!(v, [0, 1, 4, 9]);
    /// ```
    pub fn eval<T: FromPy>(&mut self, expr: &str) -> Result<T, Error> {
        let v = self.run_mode(expr, "<string>", "eval")?;
        self.convert(v.extract())
    }

    /// Compiles in `mode` ("exec", "eval" or "single") and runs in `__main__`.
    pub(crate) fn run_mode(
        &mut self,
        source: &str,
        filename: &str,
        mode: &str,
    ) -> Result<Value, Error> {
        let code = match self.compile_text(source, filename, mode) {
            Ok(code) => code,
            Err(e) => {
                let src = crate::syntax::normalize_newlines(source);
                return Err(Error {
                    text: e.render(filename, &src),
                    exception: self.syntax_error_value(&e, filename, &src),
                    syntax: e.kind != crate::syntax::SyntaxErrorKind::Recursion,
                });
            }
        };
        let main = self.main_module();
        let result = self.run_code(code, main.dict.clone(), None);
        self.settle();
        result.map_err(|e| self.error_from(e))
    }

    /// A host [`Error`] for a Python exception, its traceback rendered now.
    pub fn error_from(&mut self, e: PyErr) -> Error {
        Error {
            text: self.format_exception(&e),
            syntax: false,
            exception: e,
        }
    }

    fn convert<T>(&mut self, r: PyResult<T>) -> Result<T, Error> {
        r.map_err(|e| self.error_from(e))
    }

    /// A global of `__main__`, converted; `NameError` if it is not set.
    pub fn get_global<T: FromPy>(&mut self, name: &str) -> Result<T, Error> {
        let v = self.main_module().dict.get_str(name);
        let v = v.ok_or_else(|| PyErr::name_error(name));
        let r = v.and_then(|v| v.extract());
        self.convert(r)
    }

    /// Sets a global of `__main__`.
    pub fn set_global(&mut self, name: &str, value: impl IntoPy) {
        self.main_module().dict.set_str(name, value.into_py());
    }

    /// Calls a Python callable with positional arguments and converts the result.
    pub fn call_value<T: FromPy>(
        &mut self,
        callable: &Value,
        args: impl IntoPyArgs,
    ) -> Result<T, Error> {
        let r = self
            .call(callable, &args.into_args(), &[])
            .and_then(|v| v.extract());
        self.settle();
        self.convert(r)
    }

    /// Calls the function bound to the global `name` in `__main__`.
    pub fn call_global<T: FromPy>(
        &mut self,
        name: &str,
        args: impl IntoPyArgs,
    ) -> Result<T, Error> {
        let f: Value = self.get_global(name)?;
        self.call_value(&f, args)
    }

    /// Makes a Rust closure a builtin, visible to every module under `name`
    /// (see [`host_function`] for what the closure receives and returns).
    pub fn register_function<F, R>(&mut self, name: &str, f: F)
    where
        F: Fn(&mut Vm, &[Value]) -> PyResult<R> + 'static,
        R: IntoPy,
    {
        self.builtins.set_str(name, host_function(name, f));
    }

    /// Makes a host module importable; it replaces a module of the same name.
    pub fn register_module(&mut self, module: HostModule) -> Rc<PyModule> {
        let m = self.new_module(&module.name);
        for (name, value) in module.members {
            m.dict.set_str(&name, value);
        }
        m
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_keep_dict_order() {
        let d = vec![("b", 1), ("a", 2)]
            .into_iter()
            .collect::<BTreeMap<_, _>>()
            .into_py();
        let pairs: Vec<(String, i64)> = d.extract().unwrap();
        assert_eq!(pairs, [("a".to_string(), 2), ("b".to_string(), 1)]);
    }

    #[test]
    fn vec_keys_become_tuples() {
        let mut m = HashMap::new();
        m.insert(vec![1, 2], "x");
        let d = m.into_py();
        let back: Vec<((i64, i64), String)> = d.extract().unwrap();
        assert_eq!(back, [((1, 2), "x".to_string())]);
    }

    #[test]
    fn ints_out_of_range_overflow() {
        assert!(Value::Int(300)
            .extract::<u8>()
            .unwrap_err()
            .is(ExcKind::OverflowError));
        assert_eq!(u64::MAX.into_py().extract::<u64>().unwrap(), u64::MAX);
    }
}
