//! Calling: Python functions (binding arguments to parameters with CPython's rules and messages),
//! builtins, bound methods, classes (instantiation) and callable instances.

use super::exceptions::{ExcKind, PyErr, PyResult};
use super::frame::{Frame, Slots};
use super::interp::Exit;
use super::types::type_name;
use super::value::{alloc, Value};
use super::Vm;
use crate::objects::{Args, PyDict, PyFunction, PyGenerator, PyInstance, PyType};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// "1 argument", "2 arguments".
fn plural(n: usize, what: &str) -> String {
    if n == 1 {
        format!("{n} {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// "'a'", "'a' and 'b'", "'a', 'b', and 'c'".
fn name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

impl Vm {
    /// Calls `callable(*args)` where the last `kwnames.len()` args are keyword values.
    pub fn call(&mut self, callable: &Value, args: &[Value], kwnames: &[Value]) -> PyResult<Value> {
        match callable {
            Value::Function(func) => self.call_function(func, args, kwnames),
            Value::Builtin(b) => {
                if b.self_.is_null() {
                    crate::builtins::slots::check_receiver(b, args)?;
                    (b.func)(self, Args::with_kw(args, kwnames))
                } else {
                    let mut full = Vec::with_capacity(args.len() + 1);
                    full.push(b.self_.clone());
                    full.extend_from_slice(args);
                    (b.func)(self, Args::with_kw(&full, kwnames))
                }
            }
            Value::Method(m) => {
                let mut full = Vec::with_capacity(args.len() + 1);
                full.push(m.self_.clone());
                full.extend_from_slice(args);
                let func = m.func.clone();
                self.call(&func, &full, kwnames)
            }
            Value::Type(t) => self.call_type(t, args, kwnames),
            Value::Instance(_) | Value::Native(_) => {
                let t = super::types::type_of(callable);
                match t.lookup("__call__") {
                    Some(f) => {
                        let mut full = Vec::with_capacity(args.len() + 1);
                        full.push(callable.clone());
                        full.extend_from_slice(args);
                        self.call(&f, &full, kwnames)
                    }
                    None => Err(PyErr::type_error(format!(
                        "'{}' object is not callable",
                        type_name(callable)
                    ))),
                }
            }
            _ => Err(PyErr::type_error(format!(
                "'{}' object is not callable",
                type_name(callable)
            ))),
        }
    }

    /// Calls with positional arguments only.
    pub fn call0(&mut self, callable: &Value, args: &[Value]) -> PyResult<Value> {
        self.call(callable, args, &[])
    }

    /// `f(*args, **kwargs)` (CALL_FUNCTION_EX).
    pub fn call_ex(
        &mut self,
        callable: &Value,
        args: &Value,
        kwargs: Option<&Value>,
    ) -> PyResult<Value> {
        let mut all = match args {
            Value::Tuple(t) => t.items.to_vec(),
            other => self.collect(other)?,
        };
        let mut names = Vec::new();
        if let Some(Value::Dict(d)) = kwargs {
            for (k, v) in d.items() {
                if !matches!(k, Value::Str(_)) {
                    return Err(PyErr::type_error("keywords must be strings"));
                }
                names.push(k);
                all.push(v);
            }
        }
        self.call(callable, &all, &names)
    }

    /// Runs a Python function in a new frame.
    pub fn call_function(
        &mut self,
        func: &Rc<PyFunction>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let code = func.code.clone();
        let spare = self.frame_pool.pop();
        let mut frame = Frame::new(code.clone(), func.globals.clone(), spare);
        frame.func = Some(func.clone());
        let simple = kwnames.is_empty()
            && args.len() == code.argcount as usize
            && code.kwonlyargcount == 0
            && !code.has_varargs()
            && !code.has_varkeywords();
        if simple {
            frame.slots.put_args(args);
        } else if let Err(e) = self.bind_arguments(func, &mut frame, args, kwnames) {
            self.recycle(frame);
            return Err(e);
        }
        // A function the JIT compiled from its entry runs its tree straight away.
        #[cfg(feature = "jit")]
        let result = match code.jit_entry.get() {
            0 => self.run_frame(&mut frame),
            entry => self.run_compiled_entry(&mut frame, entry as usize - 1),
        };
        #[cfg(not(feature = "jit"))]
        let result = self.run_frame(&mut frame);
        match result {
            Ok(Exit::Return(v)) => {
                self.recycle(frame);
                Ok(v)
            }
            Ok(Exit::Generator) => Ok(Value::Generator(alloc(PyGenerator {
                name: func.name.borrow().clone(),
                qualname: func.qualname.borrow().clone(),
                code,
                frame: RefCell::new(Some(Box::new(frame))),
                running: Cell::new(false),
                started: Cell::new(false),
            }))),
            Ok(Exit::Yield(_)) => Err(PyErr::new(
                ExcKind::SystemError,
                "yield outside a generator frame",
            )),
            Err(e) => {
                self.recycle(frame);
                Err(e)
            }
        }
    }

    /// Returns a finished frame's slot vector to the pool.
    pub(crate) fn recycle(&mut self, frame: Frame) {
        let Frame { slots, sp, .. } = frame;
        // Slots at and above the stack pointer already hold Null.
        self.recycle_slots(slots, sp);
    }

    /// Returns a slot vector whose slots from `used` on hold Null to the pool, emptied. (It
    /// goes in first and is emptied there: moved after `clear_below` stored its length, it
    /// would be read back before the store could forward.)
    pub(crate) fn recycle_slots(&mut self, slots: Slots, used: usize) {
        if self.frame_pool.len() < 256 {
            self.frame_pool.push(slots);
            if let Some(s) = self.frame_pool.last_mut() {
                s.clear_below(used);
            }
        } else {
            let mut slots = slots;
            slots.clear_below(used);
        }
    }

    /// Binds call arguments to the parameters of `func` in `frame` (CPython's initialize_locals).
    fn bind_arguments(
        &mut self,
        func: &PyFunction,
        frame: &mut Frame,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<()> {
        let code = &func.code;
        let qualname = func.qualname.borrow().clone();
        let nargs = args.len() - kwnames.len();
        let positional = &args[..nargs];
        let argcount = code.argcount as usize;
        let posonly = code.posonlyargcount as usize;
        let kwonly = code.kwonlyargcount as usize;
        let total = argcount + kwonly;
        let mut next_slot = total;
        let varargs_slot = if code.has_varargs() {
            next_slot += 1;
            Some(next_slot - 1)
        } else {
            None
        };
        let kwargs_slot = if code.has_varkeywords() {
            Some(next_slot)
        } else {
            None
        };
        let kwargs_dict = kwargs_slot.map(|_| Rc::new(PyDict::new()));

        let n = nargs.min(argcount);
        for (i, a) in positional[..n].iter().enumerate() {
            frame.slots[i] = a.clone();
        }
        if let Some(slot) = varargs_slot {
            frame.slots[slot] = Value::tuple(positional[n..].to_vec());
        } else if nargs > argcount {
            let given_kw = kwnames
                .iter()
                .filter(|k| {
                    code.localsplus[argcount..total]
                        .iter()
                        .any(|p| Some(p.as_ref()) == k.as_str())
                })
                .count();
            let defaults = func.defaults.borrow().len();
            let takes = if defaults > 0 {
                format!(
                    "from {} to {}",
                    argcount - defaults,
                    plural(argcount, "positional argument")
                )
            } else {
                plural(argcount, "positional argument")
            };
            let kw_part = if given_kw > 0 {
                format!(
                    " positional {} (and {}) were",
                    if nargs == 1 { "argument" } else { "arguments" },
                    plural(given_kw, "keyword-only argument")
                )
            } else {
                String::new()
            };
            let given = if given_kw > 0 {
                format!("{nargs}{kw_part}")
            } else if nargs == 1 {
                "1 was".to_string()
            } else {
                format!("{nargs} were")
            };
            return Err(PyErr::type_error(format!(
                "{qualname}() takes {takes} but {given} given"
            )));
        }

        let mut posonly_as_kw: Vec<String> = Vec::new();
        for (k, name) in kwnames.iter().enumerate() {
            let value = &args[nargs + k];
            let name_str = name.as_str().unwrap_or("");
            let slot = code.localsplus[..total]
                .iter()
                .position(|p| p.as_ref() == name_str);
            match slot {
                Some(i) if i < posonly => {
                    if let Some(d) = &kwargs_dict {
                        self.dict_set(d, name.clone(), value.clone())?;
                    } else {
                        posonly_as_kw.push(name_str.to_string());
                    }
                }
                Some(i) => {
                    if !frame.slots[i].is_null() {
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got multiple values for argument '{name_str}'"
                        )));
                    }
                    frame.slots[i] = value.clone();
                }
                None => match &kwargs_dict {
                    Some(d) => self.dict_set(d, name.clone(), value.clone())?,
                    None => {
                        return Err(PyErr::type_error(format!(
                            "{qualname}() got an unexpected keyword argument '{name_str}'"
                        )))
                    }
                },
            }
        }
        if !posonly_as_kw.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() got some positional-only arguments passed as keyword arguments: '{}'",
                posonly_as_kw.join(", ")
            )));
        }

        // Defaults for missing positional parameters.
        let defaults = func.defaults.borrow();
        let first_default = argcount - defaults.len().min(argcount);
        let mut missing = Vec::new();
        for i in nargs.min(argcount)..argcount {
            if frame.slots[i].is_null() {
                if i >= first_default {
                    frame.slots[i] = defaults[i - first_default].clone();
                } else {
                    missing.push(code.localsplus[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required positional argument"
                } else {
                    "required positional arguments"
                },
                name_list(&missing)
            )));
        }
        let kwdefaults = func.kwdefaults.borrow();
        for i in argcount..total {
            if frame.slots[i].is_null() {
                let name = &code.localsplus[i];
                match kwdefaults.as_ref().and_then(|d| d.get_str(name)) {
                    Some(v) => frame.slots[i] = v,
                    None => missing.push(name.to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(PyErr::type_error(format!(
                "{qualname}() missing {} {}: {}",
                missing.len(),
                if missing.len() == 1 {
                    "required keyword-only argument"
                } else {
                    "required keyword-only arguments"
                },
                name_list(&missing)
            )));
        }
        if let (Some(slot), Some(d)) = (kwargs_slot, kwargs_dict) {
            frame.slots[slot] = Value::Dict(d);
        }
        Ok(())
    }

    /// Calling a class: built-in constructors, or `__new__` then `__init__`.
    pub fn call_type(
        &mut self,
        t: &Rc<PyType>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        if t.builtin {
            return crate::builtins::construct(self, t, Args::with_kw(args, kwnames));
        }
        if let Some(meta_call) = super::attr::metaclass_of(t).and_then(|m| m.lookup("__call__")) {
            if matches!(meta_call, Value::Function(_)) {
                let mut full = vec![Value::Type(t.clone())];
                full.extend_from_slice(args);
                return self.call(&meta_call, &full, kwnames);
            }
        }
        self.instantiate(t, args, kwnames)
    }

    /// `type.__call__`: creates the instance with `__new__` and initialises it with `__init__`.
    pub fn instantiate(
        &mut self,
        t: &Rc<PyType>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let new = t.lookup("__new__");
        let obj = match &new {
            Some(n @ (Value::Function(_) | Value::Native(_))) => {
                let f = match n {
                    Value::Native(_) => crate::builtins::classes::unwrap_staticmethod(n)
                        .unwrap_or_else(|| n.clone()),
                    other => other.clone(),
                };
                let mut full = vec![Value::Type(t.clone())];
                full.extend_from_slice(args);
                self.call(&f, &full, kwnames)?
            }
            _ => self.new_instance(t, args, kwnames)?,
        };
        if !super::types::type_of(&obj).is_subtype(t) {
            return Ok(obj);
        }
        match t.lookup("__init__") {
            Some(init @ (Value::Function(_) | Value::Builtin(_))) => {
                let mut full = vec![obj.clone()];
                full.extend_from_slice(args);
                let r = self.call(&init, &full, kwnames)?;
                if !r.is_none() {
                    return Err(PyErr::type_error(format!(
                        "__init__() should return None, not '{}'",
                        type_name(&r)
                    )));
                }
            }
            _ => {
                let object_new = new.is_none();
                if object_new
                    && !args.is_empty()
                    && t.base_layout() == crate::objects::Layout::Object
                    && !t.is_exception()
                {
                    return Err(PyErr::type_error(format!(
                        "{}() takes no arguments",
                        t.name()
                    )));
                }
            }
        }
        Ok(obj)
    }

    /// `object.__new__(t)` (with the built-in payload for subclasses of built-in types).
    pub fn new_instance(
        &mut self,
        t: &Rc<PyType>,
        args: &[Value],
        kwnames: &[Value],
    ) -> PyResult<Value> {
        let layout = t.base_layout();
        let exc = if t.is_exception() {
            let positional = &args[..args.len() - kwnames.len()];
            Some(RefCell::new(crate::objects::ExcState {
                args: positional.to_vec(),
                ..Default::default()
            }))
        } else {
            None
        };
        let payload = match layout {
            crate::objects::Layout::Object | crate::objects::Layout::Exception => Value::Null,
            _ => {
                let base = t
                    .mro
                    .borrow()
                    .iter()
                    .find(|b| b.builtin && b.layout == layout)
                    .cloned();
                // Mutable containers start empty and are filled by `__init__` (which a subclass
                // may override, as Counter does); immutable values are complete after `__new__`.
                let (args, kwnames) = match layout {
                    crate::objects::Layout::List | crate::objects::Layout::Dict => {
                        (&[][..], &[][..])
                    }
                    _ => (args, kwnames),
                };
                match base {
                    Some(b) => crate::builtins::construct(self, &b, Args::with_kw(args, kwnames))?,
                    None => Value::Null,
                }
            }
        };
        Ok(Value::Instance(alloc(PyInstance {
            class: RefCell::new(t.clone()),
            dict: Rc::new(PyDict::new()),
            exc,
            payload: RefCell::new(payload),
        })))
    }

    /// A function or method descriptor bound to `self_` (for `__exit__` and similar).
    pub fn bind(&self, f: &Value, self_: &Value) -> Value {
        match f {
            Value::Function(_) => Value::Method(alloc(crate::objects::PyMethod {
                func: f.clone(),
                self_: self_.clone(),
            })),
            Value::Builtin(b) if b.self_.is_null() => {
                Value::Builtin(alloc(crate::objects::PyBuiltin {
                    name: b.name,
                    func: b.func,
                    owner: b.owner.clone(),
                    self_: self_.clone(),
                }))
            }
            other => other.clone(),
        }
    }
}
