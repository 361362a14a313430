//! Type objects (classes) and instances of Python-defined classes, including exceptions.

use super::dict::PyDict;
use super::str::PyStr;
use crate::vm::frame::TracebackEntry;
use crate::vm::Value;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bumped whenever any type's namespace changes after creation; every type's lookup cache is
/// valid only for the epoch it was filled in. A process-wide atomic rather than a thread-local:
/// reading it is one load on every attribute lookup, and a change made on another thread only
/// costs this one some cache misses.
static TYPE_EPOCH: AtomicU64 = AtomicU64::new(1);

/// Invalidates the attribute-lookup caches of every type (a class attribute was set or deleted).
pub fn invalidate_lookup_caches() {
    TYPE_EPOCH.fetch_add(1, Ordering::Relaxed);
}

/// Results of `PyType::lookup`, by name, for one epoch (CPython's method cache, per type). Entries
/// are found by the name's str hash, which attribute names carry precomputed.
#[derive(Default)]
pub struct LookupCache {
    epoch: Cell<u64>,
    found: RefCell<hashbrown::HashTable<CachedLookup>>,
    /// Which attribute hooks the class defines in Python, once known for this epoch.
    hooks: Cell<Option<Hooks>>,
}

struct CachedLookup {
    hash: i64,
    name: Box<str>,
    value: Option<Value>,
}

/// The attribute hooks a class may define, which change how every attribute access on its
/// instances goes; asked on each access, so cached as flags.
#[derive(Clone, Copy, Debug, Default)]
pub struct Hooks {
    /// `__getattribute__` defined by a Python class along the MRO.
    pub getattribute: bool,
    /// `__setattr__` defined by a Python class along the MRO.
    pub setattr: bool,
}

/// Which built-in layout a type's instances have. User classes that subclass a builtin keep that
/// builtin's value as their instance payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    Bytes,
    List,
    Tuple,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    Builtin,
    Method,
    Module,
    Type,
    Iterator,
    Generator,
    Cell,
    Code,
    Exception,
    Native,
    Ellipsis,
    NotImplemented,
}

/// A class: built-in or defined by a `class` statement.
pub struct PyType {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub bases: RefCell<Vec<Rc<PyType>>>,
    /// Method resolution order *after* the type itself (its ancestors, in order). The type is left
    /// out so that a class does not hold a reference cycle to itself; `__mro__` adds it back.
    pub mro: RefCell<Vec<Rc<PyType>>>,
    pub dict: PyDict,
    pub layout: Layout,
    /// True for types implemented in Rust (their attributes cannot be set).
    pub builtin: bool,
    /// Memoised MRO lookups. Code that changes `dict` (or the MRO) after the type is in use must
    /// call `invalidate_lookup_caches`; `set_attr`/`del_attr` do.
    pub cache: LookupCache,
}

impl PyType {
    pub fn name(&self) -> String {
        self.name.borrow().clone()
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(self: &Rc<Self>, other: &Rc<PyType>) -> bool {
        Rc::ptr_eq(self, other) || self.mro.borrow().iter().any(|t| Rc::ptr_eq(t, other))
    }

    /// Looks `name` up along the MRO (memoised until a type changes).
    pub fn lookup(&self, name: &str) -> Option<Value> {
        self.lookup_hashed(name, super::str::str_hash(name))
    }

    /// `lookup` for a str object, whose hash is already known.
    pub fn lookup_pystr(&self, name: &PyStr) -> Option<Value> {
        self.lookup_hashed(name.as_str(), name.hash())
    }

    fn lookup_hashed(&self, name: &str, hash: i64) -> Option<Value> {
        self.validate_cache();
        let matches = |e: &CachedLookup| e.hash == hash && &*e.name == name;
        if let Some(e) = self.cache.found.borrow().find(hash as u64, matches) {
            return e.value.clone();
        }
        let value = self.lookup_uncached(name);
        self.cache.found.borrow_mut().insert_unique(
            hash as u64,
            CachedLookup {
                hash,
                name: name.into(),
                value: value.clone(),
            },
            |e| e.hash as u64,
        );
        value
    }

    /// Empties the cache if a type has changed since it was filled.
    fn validate_cache(&self) {
        let epoch = TYPE_EPOCH.load(Ordering::Relaxed);
        if self.cache.epoch.get() != epoch {
            self.cache.found.borrow_mut().clear();
            self.cache.hooks.set(None);
            self.cache.epoch.set(epoch);
        }
    }

    /// The attribute hooks this class defines in Python (see `Hooks`).
    pub fn hooks(&self) -> Hooks {
        self.validate_cache();
        if let Some(h) = self.cache.hooks.get() {
            return h;
        }
        let python = |name| matches!(self.lookup(name), Some(Value::Function(_)));
        let h = Hooks {
            getattribute: python("__getattribute__"),
            setattr: python("__setattr__"),
        };
        self.cache.hooks.set(Some(h));
        h
    }

    fn lookup_uncached(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.dict.get_str(name) {
            return Some(v);
        }
        let mro = self.mro.borrow();
        mro.iter().find_map(|t| t.dict.get_str(name))
    }

    /// Sets a class attribute (`C.x = v`; `name` is a str value).
    pub fn set_attr(&self, name: &Value, value: Value) {
        self.dict.set_pystr(name, value);
        invalidate_lookup_caches();
    }

    /// Deletes a class attribute; false if it was not there.
    pub fn del_attr(&self, name: &str) -> bool {
        let found = self.dict.remove_str(name).is_some();
        invalidate_lookup_caches();
        found
    }

    /// Looks `name` up along the MRO, also returning the class that defines it.
    pub fn lookup_with_owner(self: &Rc<Self>, name: &str) -> Option<(Value, Rc<PyType>)> {
        if let Some(v) = self.dict.get_str(name) {
            return Some((v, self.clone()));
        }
        let mro = self.mro.borrow();
        mro.iter()
            .find_map(|t| t.dict.get_str(name).map(|v| (v, t.clone())))
    }

    /// The first built-in layout along the MRO (what instances carry as payload).
    pub fn base_layout(&self) -> Layout {
        if self.builtin {
            return self.layout;
        }
        self.mro
            .borrow()
            .iter()
            .find(|t| t.builtin && t.layout != Layout::Object)
            .map_or(Layout::Object, |t| t.layout)
    }

    /// Whether instances are exceptions.
    pub fn is_exception(&self) -> bool {
        self.layout == Layout::Exception
            || self
                .mro
                .borrow()
                .iter()
                .any(|t| t.layout == Layout::Exception)
    }

    /// `__module__` as stored in the class dict.
    pub fn module_name(&self) -> String {
        match self.dict.get_str("__module__") {
            Some(Value::Str(s)) => s.as_str().to_string(),
            _ => "builtins".to_string(),
        }
    }
}

/// The state every exception instance carries.
#[derive(Default)]
pub struct ExcState {
    pub args: Vec<Value>,
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

/// An instance of a Python-defined class (or of a built-in exception type).
pub struct PyInstance {
    pub class: RefCell<Rc<PyType>>,
    pub dict: Rc<PyDict>,
    /// Present for exception instances.
    pub exc: Option<RefCell<ExcState>>,
    /// The built-in value underneath, for subclasses of builtins (`class S(str)`).
    pub payload: RefCell<Value>,
}

impl PyInstance {
    pub fn class(&self) -> Rc<PyType> {
        self.class.borrow().clone()
    }
}
