//! Attributes: `obj.name` lookup (instance dict, class MRO, descriptors such as methods,
//! properties, classmethods and staticmethods, `__getattr__`), assignment and deletion, method
//! loading for LOAD_METHOD, and calling special methods (`__add__`, `__len__`, ...) on a type.

use super::exceptions::{exc_state, ExcKind, PyErr, PyResult};
use super::types::{type_name, type_of};
use super::value::{alloc, Value};
use super::Vm;
use crate::builtins::classes::{descriptor_kind, DescriptorKind};
use crate::bytecode::code::MethodCache;
use crate::objects::{Layout, PyBuiltin, PyInstance, PyMethod, PyType};
use std::rc::Rc;

/// The metaclass of a class, when it has one other than `type`.
pub fn metaclass_of(t: &Rc<PyType>) -> Option<Rc<PyType>> {
    match t.dict.get_str("__pyvm_metaclass__") {
        Some(Value::Type(m)) => Some(m),
        _ => None,
    }
}

/// `AttributeError` for a failed lookup, with `.name` and `.obj` set as CPython does (they feed
/// the traceback's "Did you mean" suggestion).
fn no_attribute(obj: &Value, name: &str) -> PyErr {
    let err = no_attribute_message(obj, name);
    if let Value::Instance(i) = &err.value {
        i.dict.set_str("name", Value::str(name));
        i.dict.set_str("obj", obj.clone());
    }
    err
}

fn no_attribute_message(obj: &Value, name: &str) -> PyErr {
    match obj {
        Value::Module(m) => {
            PyErr::attribute_error(format!("module '{}' has no attribute '{name}'", m.name))
        }
        Value::Type(t) => PyErr::attribute_error(format!(
            "type object '{}' has no attribute '{name}'",
            t.name()
        )),
        _ => PyErr::attribute_error(format!(
            "'{}' object has no attribute '{name}'",
            type_name(obj)
        )),
    }
}

impl Vm {
    /// `obj.name`.
    pub fn getattr(&mut self, obj: &Value, name: &Value) -> PyResult<Value> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Instance(inst) => self.instance_getattr(obj, inst, name),
            Value::Module(m) => match lookup_in(&m.dict, name) {
                Some(v) => Ok(v),
                None => match n {
                    "__dict__" => Ok(Value::Dict(m.dict.clone())),
                    _ => Err(no_attribute(obj, n)),
                },
            },
            Value::Type(t) => self.type_getattr(t, n),
            // Library types may define their own lookup (`super`).
            Value::Native(_) => match type_of(obj).dict.get_str("__getattribute__") {
                Some(ga @ Value::Builtin(_)) => self.call(&ga, &[obj.clone(), name.clone()], &[]),
                _ => self.builtin_getattr(obj, n),
            },
            _ => self.builtin_getattr(obj, n),
        }
    }

    /// `getattr(obj, name)` with a Rust string name.
    pub fn getattr_str(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        self.getattr(obj, &Value::str(name))
    }

    /// Binds a class attribute found for `obj` (functions become bound methods, and so on).
    pub fn descriptor_get(
        &mut self,
        attr: &Value,
        obj: &Value,
        class: &Rc<PyType>,
    ) -> PyResult<Value> {
        match attr {
            Value::Function(_) => Ok(Value::Method(alloc(PyMethod {
                func: attr.clone(),
                self_: obj.clone(),
            }))),
            Value::Builtin(b)
                if b.self_.is_null() && matches!(b.owner, crate::objects::Owner::Type(_)) =>
            {
                Ok(Value::Builtin(alloc(PyBuiltin {
                    name: b.name,
                    func: b.func,
                    owner: b.owner.clone(),
                    self_: obj.clone(),
                })))
            }
            Value::Native(_) => match descriptor_kind(attr) {
                Some(DescriptorKind::Property { fget, .. }) => match fget {
                    Some(g) => self.call(&g, std::slice::from_ref(obj), &[]),
                    None => Err(PyErr::attribute_error("unreadable attribute")),
                },
                Some(DescriptorKind::ClassMethod(f)) => Ok(Value::Method(alloc(PyMethod {
                    func: f,
                    self_: Value::Type(class.clone()),
                }))),
                Some(DescriptorKind::StaticMethod(f)) => Ok(f),
                None => self.custom_descriptor_get(attr, obj, class),
            },
            Value::Instance(_) => self.custom_descriptor_get(attr, obj, class),
            _ => Ok(attr.clone()),
        }
    }

    /// A user-defined descriptor: an object whose class defines `__get__`.
    fn custom_descriptor_get(
        &mut self,
        attr: &Value,
        obj: &Value,
        class: &Rc<PyType>,
    ) -> PyResult<Value> {
        let t = type_of(attr);
        if let Some(get) = t.lookup("__get__") {
            let owner = Value::Type(class.clone());
            return self.call(&get, &[attr.clone(), obj.clone(), owner], &[]);
        }
        Ok(attr.clone())
    }

    fn is_data_descriptor(&self, attr: &Value) -> bool {
        match attr {
            Value::Native(_) => {
                matches!(descriptor_kind(attr), Some(DescriptorKind::Property { .. }))
            }
            Value::Instance(_) => {
                let t = type_of(attr);
                t.lookup("__set__").is_some() || t.lookup("__delete__").is_some()
            }
            _ => false,
        }
    }

    fn instance_getattr(
        &mut self,
        obj: &Value,
        inst: &Rc<PyInstance>,
        name_value: &Value,
    ) -> PyResult<Value> {
        let name = name_value.as_str().unwrap_or("");
        let class = inst.class();
        if class.hooks().getattribute {
            if let Some(ga) = class.lookup("__getattribute__") {
                return self.call(&ga, &[obj.clone(), name_value.clone()], &[]);
            }
        }
        let class_attr = class_lookup(&class, name_value);
        if let Some(ca) = &class_attr {
            if self.is_data_descriptor(ca) {
                return self.descriptor_get(ca, obj, &class);
            }
        }
        if let Some(v) = lookup_in(&inst.dict, name_value) {
            return Ok(v);
        }
        if let Some(ca) = class_attr {
            return self.descriptor_get(&ca, obj, &class);
        }
        if let Some(v) = self.instance_special(obj, inst, name)? {
            return Ok(v);
        }
        // Methods of a built-in base class, bound to the instance.
        let payload = inst.payload.borrow().clone();
        if !payload.is_null() {
            if let Ok(v) = self.builtin_getattr(&payload, name) {
                return Ok(match v {
                    Value::Builtin(b) if b.self_.is(&payload) => Value::Builtin(alloc(PyBuiltin {
                        name: b.name,
                        func: b.func,
                        owner: b.owner.clone(),
                        self_: obj.clone(),
                    })),
                    other => other,
                });
            }
        }
        if let Some(ga) = class.lookup("__getattr__") {
            return self.call(&ga, &[obj.clone(), Value::str(name)], &[]);
        }
        Err(no_attribute(obj, name))
    }

    /// Attributes every instance has: `__class__`, `__dict__`, and an exception's fields.
    fn instance_special(
        &mut self,
        obj: &Value,
        inst: &Rc<PyInstance>,
        name: &str,
    ) -> PyResult<Option<Value>> {
        Ok(Some(match name {
            "__class__" => Value::Type(inst.class()),
            "__dict__" => Value::Dict(inst.dict.clone()),
            "__doc__" => inst.class().lookup("__doc__").unwrap_or(Value::None),
            "__module__" => inst
                .class()
                .dict
                .get_str("__module__")
                .unwrap_or(Value::None),
            _ => {
                let Some(state) = &inst.exc else {
                    return Ok(None);
                };
                let s = state.borrow();
                match name {
                    "args" => Value::tuple(s.args.clone()),
                    "__cause__" => s.cause.clone().unwrap_or(Value::None),
                    "__context__" => s.context.clone().unwrap_or(Value::None),
                    "__suppress_context__" => Value::Bool(s.suppress_context),
                    "__traceback__" => {
                        drop(s);
                        self.traceback_object(obj)
                    }
                    "value"
                        if inst
                            .class()
                            .is_subtype(&super::types::exc_type(ExcKind::StopIteration)) =>
                    {
                        s.args.first().cloned().unwrap_or(Value::None)
                    }
                    "code"
                        if inst
                            .class()
                            .is_subtype(&super::types::exc_type(ExcKind::SystemExit)) =>
                    {
                        match s.args.len() {
                            0 => Value::None,
                            1 => s.args[0].clone(),
                            _ => Value::tuple(s.args.clone()),
                        }
                    }
                    _ => return Ok(None),
                }
            }
        }))
    }

    fn type_getattr(&mut self, t: &Rc<PyType>, name: &str) -> PyResult<Value> {
        if let Some(v) = t.lookup(name) {
            return match &v {
                Value::Native(_) => match descriptor_kind(&v) {
                    Some(DescriptorKind::ClassMethod(f)) => Ok(Value::Method(alloc(PyMethod {
                        func: f,
                        self_: Value::Type(t.clone()),
                    }))),
                    Some(DescriptorKind::StaticMethod(f)) => Ok(f),
                    _ => Ok(v),
                },
                Value::Instance(_) => {
                    let dt = type_of(&v);
                    if let Some(get) = dt.lookup("__get__") {
                        return self.call(
                            &get,
                            &[v.clone(), Value::None, Value::Type(t.clone())],
                            &[],
                        );
                    }
                    Ok(v)
                }
                _ => Ok(v),
            };
        }
        let special = match name {
            "__name__" => Value::str(t.name()),
            "__qualname__" => Value::str(t.qualname.borrow().clone()),
            "__module__" => Value::str(t.module_name()),
            "__doc__" => Value::None,
            "__dict__" => {
                let d = crate::objects::PyDict::new();
                for (k, v) in t.dict.items() {
                    if k.as_str() != Some("__pyvm_metaclass__") {
                        d.set_pystr(&k, v);
                    }
                }
                Value::dict(d)
            }
            "__mro__" => {
                let mut items = vec![Value::Type(t.clone())];
                items.extend(t.mro.borrow().iter().map(|m| Value::Type(m.clone())));
                Value::tuple(items)
            }
            "__bases__" => Value::tuple(
                t.bases
                    .borrow()
                    .iter()
                    .map(|b| Value::Type(b.clone()))
                    .collect(),
            ),
            "__base__" => t
                .bases
                .borrow()
                .first()
                .map_or(Value::None, |b| Value::Type(b.clone())),
            "__class__" => Value::Type(type_of(&Value::Type(t.clone()))),
            _ => {
                if let Some(meta) = metaclass_of(t) {
                    if let Some(v) = meta.lookup(name) {
                        return self.descriptor_get(&v, &Value::Type(t.clone()), &meta);
                    }
                }
                return Err(no_attribute(&Value::Type(t.clone()), name));
            }
        };
        Ok(special)
    }

    /// Attributes of built-in values: methods from the type, then per-type data attributes.
    pub fn builtin_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        let t = type_of(obj);
        if let Some(v) = t.lookup(name) {
            return self.descriptor_get(&v, obj, &t);
        }
        let v = match (obj, name) {
            (_, "__class__") => Value::Type(t),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "real" | "numerator") => {
                match obj {
                    Value::Bool(b) => Value::Int(*b as i64),
                    other => other.clone(),
                }
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "imag") => Value::Int(0),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), "denominator") => Value::Int(1),
            (Value::Float(f), "real") => Value::Float(*f),
            (Value::Float(_), "imag") => Value::Float(0.0),
            (Value::Complex(c), "real") => Value::Float(c.re),
            (Value::Complex(c), "imag") => Value::Float(c.im),
            (Value::Function(f), _) => return self.function_attr(obj, f, name),
            (Value::Builtin(b), "__name__") => Value::str(b.name),
            (Value::Builtin(b), "__qualname__") => Value::str(match &b.owner {
                crate::objects::Owner::Type(t) => format!("{t}.{}", b.name),
                _ => b.name.to_string(),
            }),
            (Value::Builtin(b), "__self__") => {
                if b.self_.is_null() {
                    match &b.owner {
                        crate::objects::Owner::Module(m) => {
                            self.modules.get(*m).cloned().unwrap_or(Value::None)
                        }
                        _ => Value::None,
                    }
                } else {
                    b.self_.clone()
                }
            }
            (Value::Builtin(b), "__module__") => match &b.owner {
                crate::objects::Owner::Module(m) => Value::str(*m),
                _ => Value::None,
            },
            (Value::Builtin(_), "__doc__") => Value::None,
            (Value::Method(m), "__func__") => m.func.clone(),
            (Value::Method(m), "__self__") => m.self_.clone(),
            (Value::Method(m), _) => {
                let f = m.func.clone();
                return self.getattr(&f, &Value::str(name));
            }
            (Value::Range(r), "start") => r.start.clone(),
            (Value::Range(r), "stop") => r.stop.clone(),
            (Value::Range(r), "step") => r.step.clone(),
            (Value::Slice(s), "start") => s.start.clone(),
            (Value::Slice(s), "stop") => s.stop.clone(),
            (Value::Slice(s), "step") => s.step.clone(),
            (Value::Generator(g), "__name__") => Value::str(g.name.clone()),
            (Value::Generator(g), "__qualname__") => Value::str(g.qualname.clone()),
            (Value::Generator(g), "gi_running") => Value::Bool(g.running.get()),
            (Value::Generator(g), "gi_code") => Value::Code(g.code.clone()),
            // Frames are not Python objects in pyvm.
            (Value::Generator(_), "gi_frame") => Value::None,
            (Value::Code(c), _) => {
                return code_attr(c, name).ok_or_else(|| no_attribute(obj, name))
            }
            (Value::Cell(c), "cell_contents") => {
                let v = c.get();
                if v.is_null() {
                    return Err(PyErr::value_error("Cell is empty"));
                }
                v
            }
            _ => return Err(no_attribute(obj, name)),
        };
        Ok(v)
    }

    fn function_attr(
        &mut self,
        obj: &Value,
        f: &Rc<crate::objects::PyFunction>,
        name: &str,
    ) -> PyResult<Value> {
        Ok(match name {
            "__name__" => Value::str(f.name.borrow().clone()),
            "__qualname__" => Value::str(f.qualname.borrow().clone()),
            "__doc__" => f.doc.borrow().clone(),
            "__module__" => f.module.clone(),
            "__defaults__" => {
                let d = f.defaults.borrow();
                if d.is_empty() {
                    Value::None
                } else {
                    Value::tuple(d.clone())
                }
            }
            "__kwdefaults__" => f
                .kwdefaults
                .borrow()
                .as_ref()
                .map_or(Value::None, |d| Value::Dict(d.clone())),
            "__code__" => Value::Code(f.code.clone()),
            "__globals__" => Value::Dict(f.globals.clone()),
            "__dict__" => Value::Dict(f.dict.clone()),
            "__closure__" => {
                if f.closure.is_empty() {
                    Value::None
                } else {
                    Value::tuple(f.closure.clone())
                }
            }
            "__annotations__" => {
                let a = f.annotations.borrow().clone();
                if a.is_none() {
                    let d = Value::dict(crate::objects::PyDict::new());
                    *f.annotations.borrow_mut() = d.clone();
                    d
                } else {
                    a
                }
            }
            _ => match f.dict.get_str(name) {
                Some(v) => v,
                None => return Err(no_attribute(obj, name)),
            },
        })
    }

    /// LOAD_METHOD: the unbound method to call with `obj` as first argument, if `obj.name` is a
    /// plain method of its type (so no bound-method object need be made).
    pub fn load_method(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if class.hooks().getattribute {
                    return Ok(None);
                }
                match class_lookup(&class, name) {
                    Some(f @ Value::Function(_)) if lookup_in(&inst.dict, name).is_none() => {
                        Ok(Some(f))
                    }
                    _ => Ok(None),
                }
            }
            Value::Module(_) | Value::Type(_) => Ok(None),
            // Library types with their own lookup (`super`): as in `getattr`.
            Value::Native(_) if type_of(obj).dict.get_str("__getattribute__").is_some() => Ok(None),
            _ => {
                let t = type_of(obj);
                match t.lookup(n) {
                    Some(b @ Value::Builtin(_)) => Ok(Some(b)),
                    _ => Ok(None),
                }
            }
        }
    }

    /// LOAD_METHOD through the instruction's cache: for receivers of a built-in type (which
    /// cannot change) the method found last time is reused while the receiver's tag is the same.
    pub fn load_method_cached(
        &mut self,
        obj: &Value,
        name: &Value,
        cache: Option<&MethodCache>,
    ) -> PyResult<Option<Value>> {
        let Some(cache) = cache.filter(|_| has_fixed_builtin_type(obj)) else {
            return self.load_method(obj, name);
        };
        let tag = obj.tag();
        if let Some((t, m)) = &*cache.0.borrow() {
            if *t == tag {
                return Ok(Some(m.clone()));
            }
        }
        let found = self.load_method(obj, name)?;
        if let Some(m) = &found {
            *cache.0.borrow_mut() = Some((tag, m.clone()));
        }
        Ok(found)
    }

    /// `obj.name = value`.
    pub fn setattr(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if class.hooks().setattr {
                    if let Some(sa) = class.lookup("__setattr__") {
                        self.call(&sa, &[obj.clone(), name.clone(), value], &[])?;
                        return Ok(());
                    }
                }
                self.instance_setattr(obj, inst, name, value)
            }
            Value::Type(t) => {
                if t.builtin {
                    return Err(PyErr::type_error(format!(
                        "cannot set '{n}' attribute of immutable type '{}'",
                        t.name()
                    )));
                }
                match n {
                    "__name__" => *t.name.borrow_mut() = self.str(&value)?,
                    "__qualname__" => *t.qualname.borrow_mut() = self.str(&value)?,
                    _ => t.set_attr(name, value),
                }
                Ok(())
            }
            Value::Module(m) => {
                m.dict.set_pystr(name, value);
                Ok(())
            }
            Value::Function(f) => {
                match n {
                    "__name__" => *f.name.borrow_mut() = self.str(&value)?,
                    "__qualname__" => *f.qualname.borrow_mut() = self.str(&value)?,
                    "__doc__" => *f.doc.borrow_mut() = value,
                    "__defaults__" => {
                        *f.defaults.borrow_mut() = match &value {
                            Value::None => Vec::new(),
                            Value::Tuple(t) => t.items.to_vec(),
                            _ => {
                                return Err(PyErr::type_error(
                                    "__defaults__ must be set to a tuple object",
                                ))
                            }
                        }
                    }
                    "__kwdefaults__" => {
                        *f.kwdefaults.borrow_mut() = match &value {
                            Value::Dict(d) => Some(d.clone()),
                            _ => None,
                        }
                    }
                    "__annotations__" => *f.annotations.borrow_mut() = value,
                    _ => f.dict.set_pystr(name, value),
                }
                Ok(())
            }
            _ => {
                if type_of(obj).lookup(n).is_some() {
                    Err(PyErr::attribute_error(format!(
                        "'{}' object attribute '{n}' is read-only",
                        type_name(obj)
                    )))
                } else {
                    Err(no_attribute(obj, n))
                }
            }
        }
    }

    /// `object.__setattr__`: data descriptors first, then the instance dict.
    pub fn instance_setattr(
        &mut self,
        obj: &Value,
        inst: &Rc<PyInstance>,
        name: &Value,
        value: Value,
    ) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        let class = inst.class();
        if let Some(ca) = class_lookup(&class, name) {
            if let Some(DescriptorKind::Property { fset, .. }) = descriptor_kind(&ca) {
                return match fset {
                    Some(s) => self.call(&s, &[obj.clone(), value], &[]).map(|_| ()),
                    None => Err(PyErr::attribute_error(format!(
                        "property '{n}' of '{}' object has no setter",
                        class.name()
                    ))),
                };
            }
            if let Value::Instance(_) = ca {
                if let Some(set) = type_of(&ca).lookup("__set__") {
                    self.call(&set, &[ca.clone(), obj.clone(), value], &[])?;
                    return Ok(());
                }
            }
        }
        if let Some(state) = &inst.exc {
            let mut s = state.borrow_mut();
            match n {
                "__cause__" => {
                    s.cause = if value.is_none() { None } else { Some(value) };
                    s.suppress_context = true;
                    return Ok(());
                }
                "__context__" => {
                    s.context = if value.is_none() { None } else { Some(value) };
                    return Ok(());
                }
                "__suppress_context__" => {
                    s.suppress_context = matches!(value, Value::Bool(true));
                    return Ok(());
                }
                "args" => {
                    drop(s);
                    let args = self.collect(&value)?;
                    state.borrow_mut().args = args;
                    return Ok(());
                }
                "__traceback__" => return Ok(()),
                _ => {}
            }
        }
        if n == "__class__" {
            if let Value::Type(t) = &value {
                *inst.class.borrow_mut() = t.clone();
                return Ok(());
            }
            return Err(PyErr::type_error(format!(
                "__class__ must be set to a class, not '{}' object",
                type_name(&value)
            )));
        }
        if !slots_allow(&class, n) {
            return Err(no_attribute(obj, n));
        }
        inst.dict.set_pystr(name, value);
        Ok(())
    }

    /// `del obj.name`.
    pub fn delattr(&mut self, obj: &Value, name: &Value) -> PyResult<()> {
        let n = name.as_str().unwrap_or("");
        match obj {
            Value::Instance(inst) => {
                let class = inst.class();
                if let Some(da) = class.lookup("__delattr__") {
                    if matches!(da, Value::Function(_)) {
                        self.call(&da, &[obj.clone(), name.clone()], &[])?;
                        return Ok(());
                    }
                }
                if let Some(ca) = class.lookup(n) {
                    if let Some(DescriptorKind::Property { fdel, .. }) = descriptor_kind(&ca) {
                        return match fdel {
                            Some(d) => self.call(&d, std::slice::from_ref(obj), &[]).map(|_| ()),
                            None => Err(PyErr::attribute_error(format!(
                                "property '{n}' of '{}' object has no deleter",
                                class.name()
                            ))),
                        };
                    }
                }
                match inst.dict.remove_str(n) {
                    Some(_) => Ok(()),
                    None => Err(no_attribute(obj, n)),
                }
            }
            Value::Type(t) if !t.builtin => match t.del_attr(n) {
                true => Ok(()),
                false => Err(no_attribute(obj, n)),
            },
            Value::Module(m) => match m.dict.remove_str(n) {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, n)),
            },
            Value::Function(f) => match f.dict.remove_str(n) {
                Some(_) => Ok(()),
                None => Err(no_attribute(obj, n)),
            },
            _ => Err(no_attribute(obj, n)),
        }
    }

    /// Calls special method `name` looked up on the type of `obj` (never the instance dict), or
    /// returns None if the type does not define it.
    pub fn call_dunder_opt(
        &mut self,
        obj: &Value,
        name: &str,
        args: &[Value],
    ) -> PyResult<Option<Value>> {
        let t = type_of(obj);
        if t.builtin && !matches!(obj, Value::Native(_)) {
            return Ok(None);
        }
        let Some(f) = t.lookup(name) else {
            return Ok(None);
        };
        let mut full = Vec::with_capacity(args.len() + 1);
        match &f {
            Value::None => Ok(None),
            Value::Function(_) | Value::Builtin(_) => {
                full.push(obj.clone());
                full.extend_from_slice(args);
                self.call(&f, &full, &[]).map(Some)
            }
            Value::Native(_) => match descriptor_kind(&f) {
                Some(DescriptorKind::StaticMethod(g)) => self.call(&g, args, &[]).map(Some),
                Some(DescriptorKind::ClassMethod(g)) => {
                    full.push(Value::Type(t.clone()));
                    full.extend_from_slice(args);
                    self.call(&g, &full, &[]).map(Some)
                }
                _ => {
                    let bound = self.descriptor_get(&f, obj, &t)?;
                    self.call(&bound, args, &[]).map(Some)
                }
            },
            _ => {
                let bound = self.descriptor_get(&f, obj, &t)?;
                self.call(&bound, args, &[]).map(Some)
            }
        }
    }

    /// Whether the class (or a base) defines `name`.
    pub fn class_defines(&self, t: &Rc<PyType>, name: &str) -> bool {
        !t.builtin && t.lookup(name).is_some()
    }

    /// `isinstance(obj, cls)` for one class.
    pub fn isinstance(&mut self, obj: &Value, cls: &Rc<PyType>) -> bool {
        type_of(obj).is_subtype(cls)
    }

    /// The object exposed as `exc.__traceback__` (a list of (filename, line, name) for now).
    pub fn traceback_object(&mut self, exc: &Value) -> Value {
        match exc_state(exc) {
            Some(s) if !s.borrow().traceback.is_empty() => {
                let entries: Vec<Value> = s
                    .borrow()
                    .traceback
                    .iter()
                    .rev()
                    .map(|e| {
                        Value::tuple(vec![
                            Value::str(e.code.filename.to_string()),
                            Value::Int(e.code.line_of(e.lasti) as i64),
                            Value::str(e.code.name.clone()),
                        ])
                    })
                    .collect();
                crate::builtins::classes::traceback_value(entries)
            }
            _ => Value::None,
        }
    }
}

/// Whether an instance of `class` may hold attribute `name`: classes whose every Python-defined
/// class in the MRO declares `__slots__` (without `__dict__`) allow only the declared names.
fn slots_allow(class: &Rc<PyType>, name: &str) -> bool {
    let mro = class.mro.borrow();
    for t in std::iter::once(class).chain(mro.iter()) {
        if t.builtin {
            continue;
        }
        let names = match t.dict.get_str("__slots__") {
            None => return true,
            Some(Value::Str(s)) => vec![Value::Str(s)],
            Some(Value::Tuple(items)) => items.items.to_vec(),
            Some(Value::List(items)) => items.snapshot(),
            Some(_) => return true,
        };
        if names
            .iter()
            .any(|s| matches!(s.as_str(), Some(x) if x == name || x == "__dict__"))
        {
            return true;
        }
    }
    false
}

/// `co_*` attributes of a code object.
fn code_attr(c: &Rc<crate::bytecode::Code>, name: &str) -> Option<Value> {
    let strs = |v: &[Rc<str>]| Value::tuple(v.iter().map(|s| Value::str(s.to_string())).collect());
    Some(match name {
        "co_name" => Value::str(c.name.clone()),
        "co_qualname" => Value::str(c.qualname.clone()),
        "co_filename" => Value::str(c.filename.to_string()),
        "co_firstlineno" => Value::Int(c.firstlineno as i64),
        "co_argcount" => Value::Int(c.argcount as i64),
        "co_posonlyargcount" => Value::Int(c.posonlyargcount as i64),
        "co_kwonlyargcount" => Value::Int(c.kwonlyargcount as i64),
        "co_nlocals" => Value::Int(c.nlocals as i64),
        "co_flags" => Value::Int(c.flags as i64),
        "co_stacksize" => Value::Int(c.stacksize as i64),
        "co_varnames" => strs(c.varnames()),
        "co_cellvars" => strs(&c.cellvars()),
        "co_freevars" => strs(&c.freevars()),
        "co_names" => Value::tuple(c.names.clone()),
        "co_consts" => Value::tuple(c.consts.clone()),
        "co_code" => crate::vm::collections::new_bytes(
            c.code.iter().flat_map(|u| [u.op as u8, u.arg]).collect(),
        ),
        "co_positions" => Value::Builtin(alloc(PyBuiltin {
            name: "co_positions",
            func: code_positions,
            owner: crate::objects::Owner::Type("code".into()),
            self_: Value::Code(c.clone()),
        })),
        _ => return None,
    })
}

/// `code.co_positions()`: (line, end line, column, end column) per code unit, None where unknown.
fn code_positions(vm: &mut Vm, args: crate::objects::Args) -> PyResult<Value> {
    let Some(Value::Code(c)) = args.args.first() else {
        return Err(PyErr::type_error("co_positions() needs a code object"));
    };
    let part = |v: i32| {
        if v < 0 {
            Value::None
        } else {
            Value::Int(v as i64)
        }
    };
    let rows = c
        .positions
        .iter()
        .map(|p| {
            Value::tuple(vec![
                part(p.line),
                part(p.end_line),
                part(p.col),
                part(p.end_col),
            ])
        })
        .collect();
    vm.iter(&Value::list(rows))
}

/// Instances of built-in layouts other than plain objects keep a payload; helpers for builtins.
pub fn layout_of(v: &Value) -> Layout {
    type_of(v).base_layout()
}

/// Whether every value with `v`'s tag has one and the same built-in type.
fn has_fixed_builtin_type(v: &Value) -> bool {
    matches!(
        v,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Range(_)
            | Value::Slice(_)
    )
}

/// A class attribute by name; `name` is a str value, whose hash is cached.
fn class_lookup(class: &PyType, name: &Value) -> Option<Value> {
    match name.as_pystr() {
        Some(s) => class.lookup_pystr(s),
        None => None,
    }
}

/// An entry of an instance or module namespace by name; `name` is a str value.
fn lookup_in(dict: &crate::objects::PyDict, name: &Value) -> Option<Value> {
    name.as_pystr().and_then(|s| dict.get_pystr(s))
}
