//! Classes and the objects that shape them: `object`, `type()`, `__build_class__` (with C3
//! method resolution order), `super`, `property`, `classmethod`, `staticmethod`, exception
//! construction and methods, and dict views.

use super::{add_methods, function, receiver};
use crate::objects::{Args, DictView, IterKind, Layout, NativeObject, PyDict, PyInstance, PyType};
use crate::vm::frame::Frame;
use crate::vm::interp::Exit;
use crate::vm::types::{builtin_types, make_type, type_name, type_of, BuiltinTypes};
use crate::vm::value::alloc;
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

/// What a native descriptor object is.
pub enum DescriptorKind {
    Property {
        fget: Option<Value>,
        fset: Option<Value>,
        fdel: Option<Value>,
    },
    ClassMethod(Value),
    StaticMethod(Value),
}

struct Property {
    fget: Option<Value>,
    fset: Option<Value>,
    fdel: Option<Value>,
    doc: Value,
}

struct ClassMethod(Value);
struct StaticMethod(Value);

/// A dict view (`d.keys()`, `d.values()`, `d.items()`).
pub struct DictViewData {
    pub dict: Rc<PyDict>,
    pub view: DictView,
}

/// The value of `__traceback__`: it keeps the frame entries alive; they are not yet introspectable
/// from Python (`tb_next`, `tb_frame`).
#[allow(dead_code)]
struct Traceback(Vec<Value>);

/// Super(type, obj): the object and the class after which lookup starts.
struct SuperData {
    start_after: Rc<PyType>,
    obj: Value,
}

thread_local! {
    static NATIVE_TYPES: RefCell<std::collections::HashMap<&'static str, Rc<PyType>>> = RefCell::new(Default::default());
}

/// The type object of a native kind, created once.
pub fn native_type(name: &'static str) -> Rc<PyType> {
    NATIVE_TYPES.with(|m| {
        m.borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                let t = make_type(name, Layout::Native, vec![builtin_types().object.clone()]);
                install_native_methods(name, &t);
                t
            })
            .clone()
    })
}

/// Wraps Rust data as an instance of the native type `name`.
pub fn native(name: &'static str, data: impl Any) -> Value {
    Value::Native(alloc(NativeObject {
        class: native_type(name),
        data: RefCell::new(Box::new(data)),
    }))
}

/// Wraps a builtin as a `classmethod` (`float.fromhex`) or `staticmethod` (`str.maketrans`) while
/// the built-in types are being made: `native_type` needs those types, so the descriptor's type is
/// made here from `object` and cached for `native_type` to find.
pub fn builtin_descriptor(object: &Rc<PyType>, func: Value, class_method: bool) -> Value {
    let name = if class_method {
        "classmethod"
    } else {
        "staticmethod"
    };
    let class = NATIVE_TYPES.with(|m| {
        m.borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                let t = make_type(name, Layout::Native, vec![object.clone()]);
                install_native_methods(name, &t);
                t
            })
            .clone()
    });
    let data: Box<dyn Any> = if class_method {
        Box::new(ClassMethod(func))
    } else {
        Box::new(StaticMethod(func))
    };
    Value::Native(alloc(NativeObject {
        class,
        data: RefCell::new(data),
    }))
}

/// Borrows the Rust data of a native value of type `T`.
pub fn with_native<T: Any, R>(v: &Value, f: impl FnOnce(&T) -> R) -> Option<R> {
    match v {
        Value::Native(n) => n.data.borrow().downcast_ref::<T>().map(f),
        _ => None,
    }
}

pub fn descriptor_kind(v: &Value) -> Option<DescriptorKind> {
    let Value::Native(n) = v else { return None };
    let d = n.data.borrow();
    if let Some(p) = d.downcast_ref::<Property>() {
        return Some(DescriptorKind::Property {
            fget: p.fget.clone(),
            fset: p.fset.clone(),
            fdel: p.fdel.clone(),
        });
    }
    if let Some(c) = d.downcast_ref::<ClassMethod>() {
        return Some(DescriptorKind::ClassMethod(c.0.clone()));
    }
    if let Some(s) = d.downcast_ref::<StaticMethod>() {
        return Some(DescriptorKind::StaticMethod(s.0.clone()));
    }
    None
}

/// The function inside a staticmethod, if `v` is one.
pub fn unwrap_staticmethod(v: &Value) -> Option<Value> {
    with_native::<StaticMethod, _>(v, |s| s.0.clone())
}

pub fn traceback_value(entries: Vec<Value>) -> Value {
    native("traceback", Traceback(entries))
}

pub fn dict_view(dict: Rc<PyDict>, view: DictView) -> Value {
    let name = match view {
        DictView::Keys => "dict_keys",
        DictView::Values => "dict_values",
        DictView::Items => "dict_items",
    };
    native(name, DictViewData { dict, view })
}

pub fn install(b: &PyDict, _t: &BuiltinTypes) {
    b.set_str(
        "__build_class__",
        function("builtins", "__build_class__", build_class),
    );
    for name in ["property", "classmethod", "staticmethod", "super"] {
        b.set_str(
            name,
            Value::Type(native_type(match name {
                "property" => "property",
                "classmethod" => "classmethod",
                "staticmethod" => "staticmethod",
                _ => "super",
            })),
        );
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.object,
        &[
            ("__init__", object_init),
            ("__eq__", object_eq),
            ("__ne__", object_ne),
            ("__hash__", object_hash),
            ("__repr__", object_repr),
            ("__str__", object_str),
            ("__setattr__", object_setattr),
            ("__getattribute__", object_getattribute),
            ("__format__", object_format),
            ("__new__", object_dunder_new),
        ],
    );
    // The lookups above must not shadow built-in behaviour: these names are looked up only for
    // instances of Python classes, whose own definitions come first in the MRO.
    let base = t.exception(ExcKind::BaseException);
    add_methods(
        &base,
        &[
            ("__init__", exception_init),
            ("with_traceback", exception_with_traceback),
            ("add_note", exception_add_note),
            ("__str__", exception_str_method),
            ("__repr__", exception_repr_method),
        ],
    );
    // ImportError's `name`, `path` and `msg` are None unless the error says otherwise.
    let import_error = t.exception(ExcKind::ImportError);
    for attr in ["name", "path", "msg"] {
        import_error.dict.set_str(attr, Value::None);
    }
}

fn install_native_methods(name: &'static str, t: &Rc<PyType>) {
    match name {
        "property" => add_methods(
            t,
            &[
                ("__new__", property_new),
                ("getter", property_getter),
                ("setter", property_setter),
                ("deleter", property_deleter),
                ("__get__", property_get),
            ],
        ),
        "classmethod" => add_methods(
            t,
            &[("__new__", classmethod_new), ("__func__", descriptor_func)],
        ),
        "staticmethod" => add_methods(
            t,
            &[("__new__", staticmethod_new), ("__func__", descriptor_func)],
        ),
        "super" => add_methods(
            t,
            &[
                ("__new__", super_new),
                ("__getattribute__", super_getattribute),
                ("__repr__", super_repr),
            ],
        ),
        "dict_keys" | "dict_values" | "dict_items" => {
            add_methods(
                t,
                &[
                    ("__len__", view_len),
                    ("__iter__", view_iter),
                    ("__reversed__", view_reversed),
                    ("__contains__", view_contains),
                    ("__repr__", view_repr),
                ],
            );
            if name != "dict_values" {
                add_methods(t, super::dictviews::SET_METHODS);
            }
        }
        _ => {}
    }
}

// ---------------------------------------------------------------- object

pub fn object_new(vm: &mut Vm, t: &Rc<PyType>, args: Args) -> PyResult<Value> {
    if !args.args.is_empty() && Rc::ptr_eq(t, &builtin_types().object) {
        return Err(PyErr::type_error("object() takes no arguments"));
    }
    vm.new_instance(t, &[], &[])
}

fn object_dunder_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.args.first() {
        Some(Value::Type(t)) => {
            let t = t.clone();
            vm.new_instance(&t, &args.args[1..args.args.len() - args.kwnames.len()], &[])
        }
        _ => Err(PyErr::type_error(
            "object.__new__(X): X is not a type object",
        )),
    }
}

/// `object.__init__`: extra arguments are an error unless the class overrides `__new__` only
/// (CPython's `object_init`).
fn object_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(obj) = args.args.first() else {
        return Ok(Value::None);
    };
    if args.args.len() == 1 {
        return Ok(Value::None);
    }
    let t = type_of(obj);
    let from_object = |name: &str| {
        t.lookup_with_owner(name)
            .is_none_or(|(_, owner)| owner.builtin && *owner.name.borrow() == "object")
    };
    if !from_object("__init__") {
        return Err(PyErr::type_error(
            "object.__init__() takes exactly one argument (the instance to initialize)",
        ));
    }
    // Built-in bases (float, list, Exception ...) have their own constructors.
    let builtin_new = t.base_layout() != Layout::Object || t.is_exception();
    if from_object("__new__") && !builtin_new {
        return Err(PyErr::type_error(format!(
            "{}() takes no arguments",
            t.name()
        )));
    }
    Ok(Value::None)
}

fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = (
        args.args.first().cloned().unwrap_or(Value::None),
        args.args.get(1).cloned().unwrap_or(Value::None),
    );
    Ok(if a.is(&b) {
        Value::Bool(true)
    } else {
        Value::NotImplemented
    })
}

fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (a, b) = (
        args.args.first().cloned().unwrap_or(Value::None),
        args.args.get(1).cloned().unwrap_or(Value::None),
    );
    match vm.call_dunder_opt(&a, "__eq__", &[b])? {
        Some(Value::NotImplemented) | None => Ok(Value::NotImplemented),
        Some(r) => Ok(Value::Bool(!vm.truthy(&r)?)),
    }
}

fn object_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::Int(crate::vm::hash::hash_pointer(a.id())))
}

fn object_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.args.first().cloned().unwrap_or(Value::None);
    let t = type_of(&a);
    Ok(Value::str(format!(
        "<{}.{} object at {}>",
        t.module_name(),
        t.qualname.borrow(),
        crate::vm::repr::addr(&a)
    )))
}

fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.args.first().cloned().unwrap_or(Value::None);
    Ok(Value::str(vm.repr(&a)?))
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = args.args.first().cloned().unwrap_or(Value::None);
    let spec = args
        .args
        .get(1)
        .and_then(|s| s.as_str().map(String::from))
        .unwrap_or_default();
    if !spec.is_empty() {
        return Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(&a)
        )));
    }
    Ok(Value::str(vm.str(&a)?))
}

fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj), Some(name), Some(value)) =
        (args.args.first(), args.args.get(1), args.args.get(2))
    else {
        return Err(PyErr::type_error("__setattr__ expected 2 arguments"));
    };
    match obj {
        Value::Instance(inst) => vm.instance_setattr(obj, inst, name, value.clone())?,
        other => vm.setattr(other, name, value.clone())?,
    }
    Ok(Value::None)
}

fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj), Some(name)) = (args.args.first(), args.args.get(1)) else {
        return Err(PyErr::type_error("__getattribute__ expected 1 argument"));
    };
    let n = name.as_str().unwrap_or("");
    if let Value::Instance(inst) = obj {
        if let Some(v) = inst.dict.get_str(n) {
            return Ok(v);
        }
        let class = inst.class();
        if let Some(ca) = class.lookup(n) {
            return vm.descriptor_get(&ca, obj, &class);
        }
    }
    vm.builtin_getattr(obj, n)
}

// ---------------------------------------------------------------- type and classes

pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.positional();
    match p.len() {
        1 => Ok(Value::Type(type_of(&p[0]))),
        3 => {
            let arg_error = |n: usize, want: &str, v: &Value| {
                PyErr::type_error(format!(
                    "type.__new__() argument {n} must be {want}, not {}",
                    type_name(v)
                ))
            };
            let Value::Str(name) = &p[0] else {
                return Err(arg_error(1, "str", &p[0]));
            };
            let name = name.as_str().to_string();
            let Value::Tuple(bases) = &p[1] else {
                return Err(arg_error(2, "tuple", &p[1]));
            };
            let bases = bases.items.to_vec();
            let Value::Dict(ns) = &p[2] else {
                return Err(arg_error(3, "dict", &p[2]));
            };
            make_class(vm, &name, bases, ns, None, &[])
        }
        _ => Err(PyErr::type_error("type() takes 1 or 3 arguments")),
    }
}

/// C3 linearization of the bases' MROs.
fn c3_mro(bases: &[Rc<PyType>]) -> Option<Vec<Rc<PyType>>> {
    let mut seqs: Vec<Vec<Rc<PyType>>> = bases
        .iter()
        .map(|b| {
            let mut v = vec![b.clone()];
            v.extend(b.mro.borrow().iter().cloned());
            v
        })
        .collect();
    seqs.push(bases.to_vec());
    let mut out = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let candidate = seqs.iter().find_map(|s| {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|x| Rc::ptr_eq(x, head)));
            if in_tail {
                None
            } else {
                Some(head.clone())
            }
        })?;
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &candidate) {
                s.remove(0);
            }
        }
        out.push(candidate);
    }
}

/// Creates a class from its name, bases and namespace (`type.__new__`).
pub fn make_class(
    vm: &mut Vm,
    name: &str,
    bases: Vec<Value>,
    ns: &Rc<PyDict>,
    metaclass: Option<Rc<PyType>>,
    init_subclass_kwargs: &[(Value, Value)],
) -> PyResult<Value> {
    let types = builtin_types();
    let mut base_types = Vec::new();
    for b in bases {
        match b {
            Value::Type(t) => base_types.push(t),
            other => {
                return Err(PyErr::type_error(format!(
                    "bases must be types, not {}",
                    type_name(&other)
                )))
            }
        }
    }
    for b in &base_types {
        if b.builtin
            && matches!(
                b.layout,
                Layout::Bool
                    | Layout::Range
                    | Layout::Slice
                    | Layout::Function
                    | Layout::Builtin
                    | Layout::Generator
                    | Layout::Code
                    | Layout::Cell
                    | Layout::NoneType
            )
        {
            return Err(PyErr::type_error(format!(
                "type '{}' is not an acceptable base type",
                b.name()
            )));
        }
    }
    if base_types.is_empty() {
        base_types.push(types.object.clone());
    }
    let mro = c3_mro(&base_types).ok_or_else(|| {
        let names: Vec<String> = base_types.iter().map(|b| b.name()).collect();
        PyErr::type_error(format!(
            "Cannot create a consistent method resolution order (MRO) for bases {}",
            names.join(", ")
        ))
    })?;
    let qualname = match ns.get_str("__qualname__") {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => name.to_string(),
    };
    let dict = PyDict::new();
    for (k, v) in ns.items() {
        let key = k.as_str().unwrap_or("");
        if key == "__qualname__" || key == "__classcell__" {
            continue;
        }
        // __new__ is implicitly a staticmethod; __init_subclass__ and __class_getitem__ classmethods.
        let v = match (key, &v) {
            ("__new__", Value::Function(_)) => native("staticmethod", StaticMethod(v.clone())),
            ("__init_subclass__" | "__class_getitem__", Value::Function(_)) => {
                native("classmethod", ClassMethod(v.clone()))
            }
            _ => v,
        };
        dict.set_pystr(&k, v);
    }
    if dict.get_str("__doc__").is_none() {
        dict.set_str("__doc__", Value::None);
    }
    // A class that defines __eq__ but not __hash__ is unhashable (CPython's type_new).
    if dict.get_str("__eq__").is_some() && dict.get_str("__hash__").is_none() {
        dict.set_str("__hash__", Value::None);
    }
    if let Some(m) = &metaclass {
        if !Rc::ptr_eq(m, &types.type_) {
            dict.set_str("__pyvm_metaclass__", Value::Type(m.clone()));
        }
    }
    let is_exc = mro.iter().any(|t| t.layout == Layout::Exception);
    let t = Rc::new(PyType {
        cache: Default::default(),
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(qualname),
        bases: RefCell::new(base_types.clone()),
        mro: RefCell::new(mro),
        dict,
        layout: if is_exc {
            Layout::Exception
        } else {
            Layout::Object
        },
        builtin: false,
    });
    let class = Value::Type(t.clone());
    // __set_name__ on descriptors, then __init_subclass__ of the parent.
    for (k, v) in t.dict.items() {
        if let Value::Instance(_) = v {
            if let Some(set_name) = type_of(&v).lookup("__set_name__") {
                vm.call(&set_name, &[v.clone(), class.clone(), k.clone()], &[])?;
            }
        }
    }
    if let Some(parent) = base_types.first() {
        if let Some(init_sub) = parent.lookup("__init_subclass__") {
            if let Some(DescriptorKind::ClassMethod(f)) = descriptor_kind(&init_sub) {
                let mut call_args = vec![class.clone()];
                call_args.extend(init_subclass_kwargs.iter().map(|(_, v)| v.clone()));
                let names: Vec<Value> = init_subclass_kwargs
                    .iter()
                    .map(|(k, _)| k.clone())
                    .collect();
                vm.call(&f, &call_args, &names)?;
            }
        }
    }
    Ok(class)
}

/// `__build_class__(func, name, *bases, metaclass=None, **kwds)`.
fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.positional();
    if p.len() < 2 {
        return Err(PyErr::type_error("__build_class__: not enough arguments"));
    }
    let Value::Function(func) = &p[0] else {
        return Err(PyErr::type_error(
            "__build_class__: func must be a function",
        ));
    };
    let name = match &p[1] {
        Value::Str(s) => s.as_str().to_string(),
        _ => return Err(PyErr::type_error("__build_class__: name is not a string")),
    };
    let bases: Vec<Value> = p[2..].to_vec();
    let mut metaclass: Option<Value> = None;
    for (k, v) in args.keywords() {
        if k == "metaclass" {
            metaclass = Some(v.clone());
        }
    }
    if metaclass.is_none() {
        // The metaclass of the first base that has one.
        for b in &bases {
            if let Value::Type(t) = b {
                if let Some(m) = crate::vm::attr::metaclass_of(t) {
                    metaclass = Some(Value::Type(m));
                    break;
                }
            }
        }
    }
    let ns = Rc::new(PyDict::new());
    if let Some(Value::Type(m)) = &metaclass {
        if let Some(prepare) = m.lookup("__prepare__") {
            let f = match descriptor_kind(&prepare) {
                Some(DescriptorKind::ClassMethod(f)) => Some((f, true)),
                Some(DescriptorKind::StaticMethod(f)) => Some((f, false)),
                _ => None,
            };
            if let Some((f, with_cls)) = f {
                let mut a = Vec::new();
                if with_cls {
                    a.push(Value::Type(m.clone()));
                }
                a.push(Value::str(name.clone()));
                a.push(Value::tuple(bases.clone()));
                if let Value::Dict(d) = vm.call(&f, &a, &[])? {
                    for (k, v) in d.items() {
                        ns.set_pystr(&k, v);
                    }
                }
            }
        }
    }
    let cell = vm.run_class_body(func, ns.clone())?;
    let class = match metaclass {
        Some(Value::Type(m)) if !m.builtin => {
            let mut kw_names = Vec::new();
            let mut call_args = vec![
                Value::str(name.clone()),
                Value::tuple(bases),
                Value::Dict(ns.clone()),
            ];
            for (k, v) in args.keywords() {
                if k != "metaclass" {
                    kw_names.push(Value::str(k));
                    call_args.push(v.clone());
                }
            }
            vm.instantiate(&m, &call_args, &kw_names)?
        }
        _ => {
            let kwargs: Vec<(Value, Value)> = args
                .keywords()
                .filter(|(k, _)| *k != "metaclass")
                .map(|(k, v)| (Value::str(k), v.clone()))
                .collect();
            make_class(vm, &name, bases, &ns, None, &kwargs)?
        }
    };
    if let Value::Cell(c) = cell {
        c.set(class.clone());
    }
    Ok(class)
}

impl Vm {
    /// Runs a class body with `ns` as its namespace; returns what it returns (the `__class__` cell).
    pub fn run_class_body(
        &mut self,
        func: &Rc<crate::objects::PyFunction>,
        ns: Rc<PyDict>,
    ) -> PyResult<Value> {
        let spare = self.frame_pool.pop();
        let mut frame = Frame::new(func.code.clone(), func.globals.clone(), spare);
        frame.func = Some(func.clone());
        frame.locals = Some(ns);
        match self.run_frame(&mut frame)? {
            Exit::Return(v) => Ok(v),
            _ => Ok(Value::None),
        }
    }
}

// ---------------------------------------------------------------- super

fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = &args.args[1..];
    let (class, obj) = match p.len() {
        2 => match &p[0] {
            Value::Type(t) => (t.clone(), p[1].clone()),
            _ => return Err(PyErr::type_error("super() argument 1 must be a type")),
        },
        0 => match vm.super_context.take() {
            Some((c, o)) => (c, o),
            None => return Err(PyErr::runtime_error("super(): no arguments")),
        },
        _ => return Err(PyErr::type_error("super() takes 0 or 2 arguments")),
    };
    // CPython's supercheck: the object is an instance of the class, or a subclass of it.
    let related = match &obj {
        Value::Type(t) if t.is_subtype(&class) => true,
        other => type_of(other).is_subtype(&class),
    };
    if !related {
        return Err(PyErr::type_error(
            "super(type, obj): obj must be an instance or subtype of type",
        ));
    }
    Ok(native(
        "super",
        SuperData {
            start_after: class,
            obj,
        },
    ))
}

/// `<super: <class 'B'>, <B object>>`, naming the class and the type of the bound object.
fn super_repr(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.args.first().cloned().unwrap_or(Value::None);
    let (after, obj) = with_native::<SuperData, _>(&s, |d| (d.start_after.clone(), d.obj.clone()))
        .ok_or_else(|| PyErr::type_error("super object expected"))?;
    let obj_type = match &obj {
        Value::Type(t) if t.is_subtype(&after) => t.clone(),
        other => type_of(other),
    };
    Ok(Value::str(format!(
        "<super: <class '{}'>, <{} object>>",
        after.name(),
        obj_type.name()
    )))
}

/// `super().name`: look `name` up in the MRO of type(obj) after the given class.
fn super_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = args.args.first().cloned().unwrap_or(Value::None);
    let name = args
        .args
        .get(1)
        .and_then(|n| n.as_str().map(String::from))
        .unwrap_or_default();
    let (after, obj) = with_native::<SuperData, _>(&s, |d| (d.start_after.clone(), d.obj.clone()))
        .ok_or_else(|| PyErr::type_error("super object expected"))?;
    let start_type = match &obj {
        Value::Type(t) if t.is_subtype(&after) => t.clone(),
        other => type_of(other),
    };
    let mut mro = vec![start_type.clone()];
    mro.extend(start_type.mro.borrow().iter().cloned());
    let pos = mro
        .iter()
        .position(|t| Rc::ptr_eq(t, &after))
        .map_or(mro.len(), |i| i + 1);
    for t in &mro[pos..] {
        if let Some(v) = t.dict.get_str(&name) {
            return match (&obj, &v) {
                // `super()` bound to a class (in `__new__` or a classmethod) finds plain methods
                // unbound, as CPython passes no instance to the descriptor.
                (Value::Type(_), Value::Function(_) | Value::Builtin(_)) => Ok(v),
                _ => {
                    let owner = if let Value::Type(t) = &obj {
                        t.clone()
                    } else {
                        start_type.clone()
                    };
                    match descriptor_kind(&v) {
                        Some(DescriptorKind::ClassMethod(f)) => {
                            Ok(Value::Method(alloc(crate::objects::PyMethod {
                                func: f,
                                self_: Value::Type(owner),
                            })))
                        }
                        Some(DescriptorKind::StaticMethod(f)) => Ok(f),
                        _ => vm.descriptor_get(&v, &obj, &owner),
                    }
                }
            };
        }
    }
    // Not in the MRO: the super object's own attributes (`__class__`, ...).
    vm.builtin_getattr(&s, &name)
}

// ---------------------------------------------------------------- property, classmethod, staticmethod

fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = super::parse_args(
        "property",
        &Args::with_kw(&args.args[1..], args.kwnames),
        &["fget", "fset", "fdel", "doc"],
        0,
    )?;
    let norm = |v: &Option<Value>| v.clone().filter(|x| !x.is_none());
    let doc = match (&a[3], &a[0]) {
        (Some(d), _) => d.clone(),
        (None, Some(f)) => vm.getattr(f, &Value::str("__doc__")).unwrap_or(Value::None),
        _ => Value::None,
    };
    Ok(native(
        "property",
        Property {
            fget: norm(&a[0]),
            fset: norm(&a[1]),
            fdel: norm(&a[2]),
            doc,
        },
    ))
}

fn property_with(args: &Args, which: usize) -> PyResult<Value> {
    let p = args.args.first().cloned().unwrap_or(Value::None);
    let f = args.args.get(1).cloned().filter(|v| !v.is_none());
    with_native::<Property, _>(&p, |prop| {
        let mut n = Property {
            fget: prop.fget.clone(),
            fset: prop.fset.clone(),
            fdel: prop.fdel.clone(),
            doc: prop.doc.clone(),
        };
        match which {
            0 => n.fget = f,
            1 => n.fset = f,
            _ => n.fdel = f,
        }
        native("property", n)
    })
    .ok_or_else(|| PyErr::type_error("descriptor requires a 'property' object"))
}

fn property_getter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 0)
}

fn property_setter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 1)
}

fn property_deleter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(&args, 2)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = args.args.first().cloned().unwrap_or(Value::None);
    let obj = args.args.get(1).cloned().unwrap_or(Value::None);
    if obj.is_none() {
        return Ok(p);
    }
    let fget = with_native::<Property, _>(&p, |prop| prop.fget.clone()).flatten();
    match fget {
        Some(g) => vm.call(&g, &[obj], &[]),
        None => Err(PyErr::attribute_error("unreadable attribute")),
    }
}

fn classmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args
        .args
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("classmethod expected 1 argument, got 0"))?;
    Ok(native("classmethod", ClassMethod(f)))
}

fn staticmethod_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args
        .args
        .get(1)
        .cloned()
        .ok_or_else(|| PyErr::type_error("staticmethod expected 1 argument, got 0"))?;
    Ok(native("staticmethod", StaticMethod(f)))
}

fn descriptor_func(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = args.args.first().cloned().unwrap_or(Value::None);
    match descriptor_kind(&d) {
        Some(DescriptorKind::ClassMethod(f)) | Some(DescriptorKind::StaticMethod(f)) => Ok(f),
        _ => Err(PyErr::attribute_error("__func__")),
    }
}

// ---------------------------------------------------------------- exceptions

/// An ImportError (or ModuleNotFoundError) with its `name`, `path` and `msg` attributes, as the
/// import system raises it: `import_error(kind, "No module named 'x'", Some("x"), None)`.
pub fn import_error(kind: ExcKind, msg: &str, name: Option<&str>, path: Option<&str>) -> PyErr {
    let err = PyErr::new(kind, msg);
    if let Some(i) = err.instance() {
        i.dict.set_str("msg", Value::str(msg));
        i.dict.set_str("name", name.map_or(Value::None, Value::str));
        i.dict.set_str("path", path.map_or(Value::None, Value::str));
    }
    err
}

pub fn exception_new(_vm: &mut Vm, t: &Rc<PyType>, args: Args) -> PyResult<Value> {
    if t.is_subtype(&builtin_types().exception(ExcKind::ImportError)) {
        // ImportError(*args, name=None, path=None); `msg` is the one argument, if one.
        let a = args.positional();
        let e = crate::vm::exceptions::new_exception(t.clone(), a.to_vec());
        if let Value::Instance(i) = &e {
            let mut name = Value::None;
            let mut path = Value::None;
            for (k, v) in args.keywords() {
                match k {
                    "name" => name = v.clone(),
                    "path" => path = v.clone(),
                    _ => {
                        return Err(PyErr::type_error(format!(
                            "'{k}' is an invalid keyword argument for {}()",
                            t.name()
                        )))
                    }
                }
            }
            let msg = if a.len() == 1 {
                a[0].clone()
            } else {
                Value::None
            };
            i.dict.set_str("msg", msg);
            i.dict.set_str("name", name);
            i.dict.set_str("path", path);
        }
        return Ok(e);
    }
    if args.has_kwargs() {
        return Err(PyErr::type_error(format!(
            "{}() takes no keyword arguments",
            t.name()
        )));
    }
    Ok(crate::vm::exceptions::new_exception(
        t.clone(),
        args.positional().to_vec(),
    ))
}

fn exception_init(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(Value::Instance(i)) = args.args.first() {
        if let Some(state) = &i.exc {
            state.borrow_mut().args = args.positional()[1..].to_vec();
        }
    }
    Ok(Value::None)
}

fn exception_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.args.first().cloned().unwrap_or(Value::None))
}

fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(e @ Value::Instance(i)), Some(note)) = (args.args.first(), args.args.get(1)) else {
        return Err(PyErr::type_error("add_note() takes exactly one argument"));
    };
    let notes = match i.dict.get_str("__notes__") {
        Some(n) => n,
        None => {
            let l = Value::list(Vec::new());
            vm.setattr(e, &Value::str("__notes__"), l.clone())?;
            l
        }
    };
    if let Value::List(l) = notes {
        l.push(note.clone());
    }
    Ok(Value::None)
}

fn exception_str_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = args.args.first().cloned().unwrap_or(Value::None);
    if let Value::Instance(i) = &e {
        let a = i
            .exc
            .as_ref()
            .map(|s| s.borrow().args.clone())
            .unwrap_or_default();
        return Ok(Value::str(vm.exception_str(&i.class(), &a)?));
    }
    Ok(Value::str(""))
}

fn exception_repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let e = args.args.first().cloned().unwrap_or(Value::None);
    if let Value::Instance(i) = &e {
        let a = i
            .exc
            .as_ref()
            .map(|s| s.borrow().args.clone())
            .unwrap_or_default();
        let inner = if a.len() == 1 {
            vm.repr(&a[0])?
        } else {
            let t = vm.repr(&Value::tuple(a.clone()))?;
            if a.is_empty() {
                String::new()
            } else {
                t[1..t.len() - 1].to_string()
            }
        };
        return Ok(Value::str(format!("{}({inner})", i.class().name())));
    }
    Ok(Value::str(""))
}

// ---------------------------------------------------------------- dict views

pub(crate) fn view_of(args: &Args) -> PyResult<(Rc<PyDict>, DictView)> {
    let v = args.args.first().cloned().unwrap_or(Value::None);
    with_native::<DictViewData, _>(&v, |d| (d.dict.clone(), d.view))
        .ok_or_else(|| PyErr::type_error("dict view expected"))
}

fn view_len(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, _) = view_of(&args)?;
    Ok(Value::Int(d.len() as i64))
}

fn view_iter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, view) = view_of(&args)?;
    let len = d.len();
    Ok(crate::vm::iter::new_iter(IterKind::Dict {
        dict: d,
        view,
        pos: 0,
        len,
    }))
}

/// `reversed(view)`: the dict's entries from the last inserted.
fn view_reversed(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, view) = view_of(&args)?;
    let items: Vec<Value> = match view {
        DictView::Keys => d.keys(),
        DictView::Values => d.values(),
        DictView::Items => d
            .items()
            .into_iter()
            .map(|(k, v)| Value::tuple(vec![k, v]))
            .collect(),
    };
    let Value::Tuple(tuple) = Value::tuple(items.into_iter().rev().collect()) else {
        return Err(PyErr::type_error("tuple expected"));
    };
    Ok(crate::vm::iter::new_iter(IterKind::Tuple {
        tuple,
        index: 0,
    }))
}

fn view_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, view) = view_of(&args)?;
    let x = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(match view {
        DictView::Keys => vm.dict_get(&d, &x)?.is_some(),
        DictView::Values => {
            let mut found = false;
            for v in d.values() {
                if vm.eq(&v, &x)? {
                    found = true;
                    break;
                }
            }
            found
        }
        DictView::Items => match &x {
            Value::Tuple(t) if t.len() == 2 => match vm.dict_get(&d, &t.items[0])? {
                Some(v) => vm.eq(&v, &t.items[1])?,
                None => false,
            },
            _ => false,
        },
    }))
}

fn view_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (d, view) = view_of(&args)?;
    let (name, items) = match view {
        DictView::Keys => ("dict_keys", d.keys()),
        DictView::Values => ("dict_values", d.values()),
        DictView::Items => (
            "dict_items",
            d.items()
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect(),
        ),
    };
    let r = vm.repr(&Value::list(items))?;
    Ok(Value::str(format!("{name}({r})")))
}

#[allow(dead_code)]
fn unused(_: &PyInstance, _: &Args) -> Value {
    receiver(&Args::new(&[]))
}
