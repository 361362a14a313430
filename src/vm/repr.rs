//! `repr()` and `str()` of every value, byte-identical to CPython's (string quoting and escapes,
//! float and complex digits, container layouts, `<... object at 0x...>` forms, `[...]` for
//! self-containing containers).

use super::exceptions::{PyErr, PyResult};
use super::types::type_of;
use super::value::Value;
use super::Vm;
use crate::objects::complex::complex_repr;
use crate::objects::float::float_repr;
use crate::objects::IterKind;
use std::fmt::Write;

/// Whether CPython's `str.isprintable` holds for `c` (what `repr` leaves unescaped).
pub fn is_printable(c: char) -> bool {
    crate::objects::unicode::is_printable(c)
}

/// `repr(s)` for a str.
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp <= 0xff {
                    let _ = write!(out, "\\x{cp:02x}");
                } else if cp <= 0xffff {
                    let _ = write!(out, "\\u{cp:04x}");
                } else {
                    let _ = write!(out, "\\U{cp:08x}");
                }
            }
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from("b");
    out.push(quote);
    for &c in b {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(c as char);
            }
            0x20..=0x7e => out.push(c as char),
            c => {
                let _ = write!(out, "\\x{c:02x}");
            }
        }
    }
    out.push(quote);
    out
}

/// `ascii()`: the repr with non-ASCII characters escaped.
pub fn ascii(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = c as u32;
        if c.is_ascii() {
            out.push(c);
        } else if cp <= 0xff {
            let _ = write!(out, "\\x{cp:02x}");
        } else if cp <= 0xffff {
            let _ = write!(out, "\\u{cp:04x}");
        } else {
            let _ = write!(out, "\\U{cp:08x}");
        }
    }
    out
}

/// The `0x...` address CPython prints in default reprs.
pub fn addr(v: &Value) -> String {
    format!("0x{:012x}", v.id())
}

impl Vm {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        Ok(match v {
            Value::Null => "<NULL>".into(),
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True" } else { "False" }.into(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(b) => crate::builtins::numbers::bigint_to_string(b)?,
            Value::Float(f) => float_repr(*f),
            Value::Complex(c) => complex_repr(c.re, c.im),
            Value::Str(s) => str_repr(s.as_str()),
            Value::Bytes(b) => bytes_repr(&b.data),
            Value::Ellipsis => "Ellipsis".into(),
            Value::NotImplemented => "NotImplemented".into(),
            Value::List(l) => {
                if !self.repr_enter(v)? {
                    return Ok("[...]".into());
                }
                let items = l.snapshot();
                let r = self.join_reprs(&items);
                self.repr_leave();
                format!("[{}]", r?)
            }
            Value::Tuple(t) => {
                if t.is_empty() {
                    return Ok("()".into());
                }
                if !self.repr_enter(v)? {
                    return Ok("(...)".into());
                }
                let r = self.join_reprs(&t.items);
                self.repr_leave();
                if t.len() == 1 {
                    format!("({},)", r?)
                } else {
                    format!("({})", r?)
                }
            }
            Value::Dict(d) => {
                if !self.repr_enter(v)? {
                    return Ok("{...}".into());
                }
                let r = self.dict_items_repr(&d.items());
                self.repr_leave();
                format!("{{{}}}", r?)
            }
            Value::Set(s) => {
                let items: Vec<Value> = s.table.borrow().iter().map(|(k, _)| k.clone()).collect();
                let name = if s.frozen { "frozenset" } else { "set" };
                if items.is_empty() {
                    return Ok(format!("{name}()"));
                }
                if !self.repr_enter(v)? {
                    return Ok(format!("{name}(...)"));
                }
                let r = self.join_reprs(&items);
                self.repr_leave();
                if s.frozen {
                    format!("frozenset({{{}}})", r?)
                } else {
                    format!("{{{}}}", r?)
                }
            }
            Value::Range(r) => {
                let (start, stop) = (self.repr(&r.start)?, self.repr(&r.stop)?);
                if matches!(r.step, Value::Int(1)) {
                    format!("range({start}, {stop})")
                } else {
                    format!("range({start}, {stop}, {})", self.repr(&r.step)?)
                }
            }
            Value::Slice(s) => {
                let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
                format!(
                    "slice({}, {}, {})",
                    self.repr(&a)?,
                    self.repr(&b)?,
                    self.repr(&c)?
                )
            }
            Value::Function(f) => format!("<function {} at {}>", f.qualname.borrow(), addr(v)),
            Value::Builtin(b) => {
                if b.self_.is_null() {
                    match &b.owner {
                        crate::objects::Owner::Type(t)
                            if crate::builtins::slots::is_slot_wrapper(t, b.name) =>
                        {
                            format!("<slot wrapper '{}' of '{t}' objects>", b.name)
                        }
                        crate::objects::Owner::Type(t) => {
                            format!("<method '{}' of '{t}' objects>", b.name)
                        }
                        _ => format!("<built-in function {}>", b.name),
                    }
                } else {
                    let self_type = type_of(&b.self_).name();
                    match &b.self_ {
                        Value::Module(_) => format!("<built-in function {}>", b.name),
                        _ if matches!(&b.owner, crate::objects::Owner::Type(t)
                            if crate::builtins::slots::is_slot_wrapper(t, b.name)) =>
                        {
                            format!(
                                "<method-wrapper '{}' of {self_type} object at {}>",
                                b.name,
                                addr(&b.self_)
                            )
                        }
                        _ => format!(
                            "<built-in method {} of {self_type} object at {}>",
                            b.name,
                            addr(&b.self_)
                        ),
                    }
                }
            }
            Value::Method(m) => {
                let qn = match &m.func {
                    Value::Function(f) => f.qualname.borrow().clone(),
                    other => super::types::type_name(other),
                };
                let s = m.self_.clone();
                format!("<bound method {qn} of {}>", self.repr(&s)?)
            }
            Value::Module(m) => {
                let builtin = m.dict.get_str("__file__").is_none();
                if builtin {
                    format!("<module '{}' (built-in)>", m.name)
                } else {
                    let file = m
                        .dict
                        .get_str("__file__")
                        .and_then(|f| f.as_str().map(String::from))
                        .unwrap_or_default();
                    format!("<module '{}' from '{}'>", m.name, file)
                }
            }
            Value::Type(t) => {
                let module = t.module_name();
                if module == "builtins" {
                    format!("<class '{}'>", t.qualname.borrow())
                } else {
                    format!("<class '{}.{}'>", module, t.qualname.borrow())
                }
            }
            Value::Instance(inst) => {
                let class = inst.class();
                if let Some((f, owner)) = class.lookup_with_owner("__repr__") {
                    if !owner.builtin {
                        let r = self.call(&f, std::slice::from_ref(v), &[])?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(PyErr::type_error(format!(
                                "__repr__ returned non-string (type {})",
                                super::types::type_name(&other)
                            ))),
                        };
                    }
                }
                if inst.exc.is_some() {
                    let args = inst
                        .exc
                        .as_ref()
                        .map(|e| e.borrow().args.clone())
                        .unwrap_or_default();
                    let inner = if args.len() == 1 {
                        self.repr(&args[0])?
                    } else {
                        let t = self.repr(&Value::tuple(args.clone()))?;
                        if args.is_empty() {
                            String::new()
                        } else {
                            t[1..t.len() - 1].to_string()
                        }
                    };
                    return Ok(format!("{}({inner})", class.name()));
                }
                let p = inst.payload.borrow().clone();
                if !p.is_null() {
                    return self.repr(&p);
                }
                let module = class.module_name();
                format!(
                    "<{}.{} object at {}>",
                    module,
                    class.qualname.borrow(),
                    addr(v)
                )
            }
            Value::Iterator(it) => {
                if let IterKind::Native(n) = &*it.kind.borrow() {
                    if let Some(r) = n.repr(self) {
                        return r;
                    }
                }
                format!("<{} object at {}>", it.type_name(), addr(v))
            }
            Value::Generator(g) => format!("<generator object {} at {}>", g.qualname, addr(v)),
            Value::Cell(_) => format!("<cell at {}>", addr(v)),
            Value::Code(c) => format!(
                "<code object {} at {}, file \"{}\", line {}>",
                c.name,
                addr(v),
                c.filename,
                c.firstlineno
            ),
            Value::Native(_) => {
                if let Some(r) = self.call_dunder_opt(v, "__repr__", &[])? {
                    return self.str(&r);
                }
                let t = type_of(v);
                format!("<{}.{} object at {}>", t.module_name(), t.name(), addr(v))
            }
        })
    }

    fn join_reprs(&mut self, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(item)?);
        }
        Ok(out)
    }

    pub fn dict_items_repr(&mut self, items: &[(Value, Value)]) -> PyResult<String> {
        let mut out = String::new();
        for (i, (k, val)) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&self.repr(k)?);
            out.push_str(": ");
            out.push_str(&self.repr(val)?);
        }
        Ok(out)
    }

    /// Guards against infinite recursion on self-containing containers (false: `v` is being
    /// shown already) and against nesting deeper than the recursion limit or the stack allows.
    fn repr_enter(&mut self, v: &Value) -> PyResult<bool> {
        let id = v.id();
        if self.repr_stack.contains(&id) {
            return Ok(false);
        }
        self.enter_recursion(" while getting the repr of an object")?;
        self.repr_stack.push(id);
        Ok(true)
    }

    fn repr_leave(&mut self) {
        self.repr_stack.pop();
        self.leave_recursion();
    }

    /// `str(v)`.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.as_str().to_string()),
            Value::Instance(inst) => {
                let class = inst.class();
                if let Some((f, owner)) = class.lookup_with_owner("__str__") {
                    // str's own __str__ (unlike object's) does not defer to __repr__.
                    if let (true, Value::Str(s)) = (
                        owner.builtin && *owner.name.borrow() == "str",
                        &*inst.payload.borrow(),
                    ) {
                        return Ok(s.as_str().to_string());
                    }
                    if !owner.builtin {
                        let r = self.call(&f, std::slice::from_ref(v), &[])?;
                        return match r {
                            Value::Str(s) => Ok(s.as_str().to_string()),
                            other => Err(PyErr::type_error(format!(
                                "__str__ returned non-string (type {})",
                                super::types::type_name(&other)
                            ))),
                        };
                    }
                }
                // A user __repr__ defined below the builtin __str__ is what str() shows.
                if let Some((_, owner)) = class.lookup_with_owner("__repr__") {
                    if !owner.builtin && inst.exc.is_none() {
                        return self.repr(v);
                    }
                }
                if let Some(state) = &inst.exc {
                    let args = state.borrow().args.clone();
                    return self.exception_str(&class, &args);
                }
                let p = inst.payload.borrow().clone();
                if !p.is_null() {
                    return self.str(&p);
                }
                self.repr(v)
            }
            Value::Native(_) => {
                if let Some(r) = self.call_dunder_opt(v, "__str__", &[])? {
                    return self.str(&r);
                }
                self.repr(v)
            }
            _ => self.repr(v),
        }
    }

    /// `str(exc)` for a built-in exception's args (KeyError shows the key's repr).
    pub fn exception_str(
        &mut self,
        class: &std::rc::Rc<crate::objects::PyType>,
        args: &[Value],
    ) -> PyResult<String> {
        let key_error = class.is_subtype(&super::types::exc_type(super::ExcKind::KeyError));
        match args.len() {
            0 => Ok(String::new()),
            1 if key_error => self.repr(&args[0]),
            1 => self.str(&args[0]),
            _ => self.repr(&Value::tuple(args.to_vec())),
        }
    }

    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: &str) -> PyResult<String> {
        if let Value::Instance(_) | Value::Native(_) = v {
            if let Some(r) = self.call_dunder_opt(v, "__format__", &[Value::str(spec)])? {
                return self.str(&r);
            }
            if let Value::Instance(inst) = v {
                let p = inst.payload.borrow().clone();
                if !p.is_null()
                    && inst.class().lookup("__str__").is_none()
                    && inst.class().lookup("__repr__").is_none()
                {
                    return self.format(&p, spec);
                }
            }
            if spec.is_empty() {
                return self.str(v);
            }
            return Err(PyErr::type_error(format!(
                "unsupported format string passed to {}.__format__",
                super::types::type_name(v)
            )));
        }
        crate::builtins::format::format_builtin(self, v, spec)
    }

    /// The interactive interpreter's display of an expression statement's value.
    pub fn display_hook(&mut self, v: &Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(v)?;
        self.out.write_str(&r);
        self.out.write_str("\n");
        self.builtins.set_str("_", v.clone());
        Ok(())
    }
}
