//! The object kinds behind `Value`'s heap variants, one file per type family, plus the number
//! formatting rules CPython uses for int, float and complex.

pub mod complex;
pub mod dict;
pub mod float;
pub mod function;
pub mod int;
pub mod iterator;
pub mod list;
pub mod module;
pub mod range;
pub mod set;
pub mod str;
pub(crate) mod trashcan;
pub mod typeobj;
pub mod unicode;

pub use self::str::PyStr;
pub use dict::PyDict;
pub use function::{Args, BuiltinFn, Owner, PyBuiltin, PyCell, PyFunction, PyMethod};
pub use iterator::{DictView, IterKind, NativeIter, PyGenerator, PyIterator};
pub use list::{PyList, PyTuple};
pub use module::{NativeObject, PyBytes, PyModule, PySlice};
pub use range::PyRange;
pub use set::PySet;
pub use typeobj::{ExcState, Layout, PyInstance, PyType};
