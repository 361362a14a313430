//! The built-in type objects (int, str, list, ..., the exception hierarchy), created once per
//! thread, and the mapping from a value to its type.

use super::exceptions::ExcKind;
use super::value::Value;
use crate::objects::{Layout, PyDict, PyType};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Every built-in type object.
pub struct BuiltinTypes {
    pub object: Rc<PyType>,
    pub type_: Rc<PyType>,
    pub none: Rc<PyType>,
    pub bool_: Rc<PyType>,
    pub int: Rc<PyType>,
    pub float: Rc<PyType>,
    pub complex: Rc<PyType>,
    pub str_: Rc<PyType>,
    pub bytes: Rc<PyType>,
    pub list: Rc<PyType>,
    pub tuple: Rc<PyType>,
    pub dict: Rc<PyType>,
    pub set: Rc<PyType>,
    pub frozenset: Rc<PyType>,
    pub range: Rc<PyType>,
    pub slice: Rc<PyType>,
    pub function: Rc<PyType>,
    pub builtin_function: Rc<PyType>,
    pub method: Rc<PyType>,
    pub module: Rc<PyType>,
    pub generator: Rc<PyType>,
    pub cell: Rc<PyType>,
    pub code: Rc<PyType>,
    pub ellipsis: Rc<PyType>,
    pub not_implemented: Rc<PyType>,
    exceptions: Vec<Rc<PyType>>,
    /// Types named only by their values (iterators and the like), created on first use.
    named: RefCell<HashMap<&'static str, Rc<PyType>>>,
}

/// Creates a built-in type with the given bases.
pub fn make_type(name: &str, layout: Layout, bases: Vec<Rc<PyType>>) -> Rc<PyType> {
    let mut mro: Vec<Rc<PyType>> = Vec::new();
    for b in &bases {
        for t in std::iter::once(b).chain(b.mro.borrow().iter()) {
            if !mro.iter().any(|m| Rc::ptr_eq(m, t)) {
                mro.push(t.clone());
            }
        }
    }
    Rc::new(PyType {
        cache: Default::default(),
        name: RefCell::new(name.to_string()),
        qualname: RefCell::new(name.to_string()),
        bases: RefCell::new(bases),
        mro: RefCell::new(mro),
        dict: PyDict::new(),
        layout,
        builtin: true,
    })
}

impl BuiltinTypes {
    fn new() -> BuiltinTypes {
        let object = make_type("object", Layout::Object, vec![]);
        let t = |name: &str, layout: Layout| make_type(name, layout, vec![object.clone()]);
        let int = t("int", Layout::Int);
        let bool_ = make_type("bool", Layout::Bool, vec![int.clone()]);
        let mut exceptions: Vec<Rc<PyType>> = Vec::new();
        for kind in ExcKind::ALL {
            let base = match kind.parent() {
                Some(p) => exceptions[p as usize].clone(),
                None => object.clone(),
            };
            exceptions.push(make_type(kind.name(), Layout::Exception, vec![base]));
        }
        // Attributes CPython's exception structs carry, None until the VM fills them in.
        let defaults: [(ExcKind, &[&str]); 2] = [
            (ExcKind::NameError, &["name"]),
            (ExcKind::AttributeError, &["name", "obj"]),
        ];
        for (kind, attrs) in defaults {
            for attr in attrs {
                exceptions[kind as usize].dict.set_str(attr, Value::None);
            }
        }
        BuiltinTypes {
            type_: t("type", Layout::Type),
            none: t("NoneType", Layout::NoneType),
            float: t("float", Layout::Float),
            complex: t("complex", Layout::Complex),
            str_: t("str", Layout::Str),
            bytes: t("bytes", Layout::Bytes),
            list: t("list", Layout::List),
            tuple: t("tuple", Layout::Tuple),
            dict: t("dict", Layout::Dict),
            set: t("set", Layout::Set),
            frozenset: t("frozenset", Layout::FrozenSet),
            range: t("range", Layout::Range),
            slice: t("slice", Layout::Slice),
            function: t("function", Layout::Function),
            builtin_function: t("builtin_function_or_method", Layout::Builtin),
            method: t("method", Layout::Method),
            module: t("module", Layout::Module),
            generator: t("generator", Layout::Generator),
            cell: t("cell", Layout::Cell),
            code: t("code", Layout::Code),
            ellipsis: t("ellipsis", Layout::Ellipsis),
            not_implemented: t("NotImplementedType", Layout::NotImplemented),
            int,
            bool_,
            exceptions,
            named: RefCell::new(HashMap::new()),
            object,
        }
    }

    pub fn exception(&self, kind: ExcKind) -> Rc<PyType> {
        self.exceptions[kind as usize].clone()
    }

    /// A type known only by name (e.g. `list_iterator`), created on first use.
    pub fn named(&self, name: &'static str, layout: Layout) -> Rc<PyType> {
        self.named
            .borrow_mut()
            .entry(name)
            .or_insert_with(|| {
                let t = make_type(name, layout, vec![self.object.clone()]);
                if layout == Layout::Iterator {
                    crate::builtins::generators::install_iterator_methods(&t);
                }
                t
            })
            .clone()
    }
}

thread_local! {
    static TYPES: Rc<BuiltinTypes> = {
        let t = Rc::new(BuiltinTypes::new());
        crate::builtins::install_type_methods(&t);
        t
    };
}

/// The built-in types of this thread.
pub fn builtin_types() -> Rc<BuiltinTypes> {
    TYPES.with(|t| t.clone())
}

pub fn exc_type(kind: ExcKind) -> Rc<PyType> {
    TYPES.with(|t| t.exception(kind))
}

/// The type of a value (`type(v)`).
pub fn type_of(v: &Value) -> Rc<PyType> {
    TYPES.with(|t| match v {
        Value::Null | Value::None => t.none.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Complex(_) => t.complex.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) => {
            if s.frozen {
                t.frozenset.clone()
            } else {
                t.set.clone()
            }
        }
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Type(ty) => crate::vm::attr::metaclass_of(ty).unwrap_or_else(|| t.type_.clone()),
        Value::Instance(i) => i.class(),
        Value::Iterator(it) => t.named(it.type_name(), Layout::Iterator),
        Value::Generator(_) => t.generator.clone(),
        Value::Cell(_) => t.cell.clone(),
        Value::Code(_) => t.code.clone(),
        Value::Native(n) => n.class.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
    })
}

/// The type's name, for error messages ("unsupported operand type(s) for +: 'int' and 'str'").
pub fn type_name(v: &Value) -> String {
    match v {
        Value::Null | Value::None => "NoneType".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) | Value::BigInt(_) => "int".into(),
        Value::Float(_) => "float".into(),
        Value::Complex(_) => "complex".into(),
        Value::Str(_) => "str".into(),
        Value::List(_) => "list".into(),
        Value::Tuple(_) => "tuple".into(),
        Value::Dict(_) => "dict".into(),
        Value::Instance(i) => i.class().name(),
        other => type_of(other).name(),
    }
}
