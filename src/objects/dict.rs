//! `dict`: an insertion-ordered hash table, laid out as CPython's is: a dense vector of entries in
//! insertion order (with holes where keys were deleted) and a hash index into it.
//!
//! Key comparison may need to run Python code (`__eq__`), so lookups take the equality test as a
//! closure; the interpreter passes one that calls back into the VM. A `keys_version` changes
//! whenever the set of keys or their positions change, which is what global-lookup caches check.

use super::str::PyStr;
use crate::vm::{PyResult, Value};
use hashbrown::HashTable;
use std::cell::{Ref, RefCell, RefMut};

pub struct DictEntry {
    pub hash: i64,
    pub key: Value,
    pub value: Value,
}

/// The table behind a dict.
#[derive(Default)]
pub struct DictTable {
    entries: Vec<Option<DictEntry>>,
    index: HashTable<usize>,
    len: usize,
    keys_version: u64,
}

/// Spreads CPython-style hashes (small ints hash to themselves) over the index's control bits.
#[inline]
fn mix(hash: i64) -> u64 {
    let h = (hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    h ^ (h >> 32)
}

/// Global counter so that versions are unique across all dicts (a cache keyed by one dict's
/// version can never be fooled by another dict reaching the same number).
fn next_version() -> u64 {
    thread_local! { static V: std::cell::Cell<u64> = const { std::cell::Cell::new(1) }; }
    V.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}

impl DictTable {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn keys_version(&self) -> u64 {
        self.keys_version
    }

    /// Finds the entry index of `key`; `eq` decides equality of two keys with equal hashes.
    pub fn find(
        &self,
        hash: i64,
        key: &Value,
        eq: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<Option<usize>> {
        let mut error = None;
        let entries = &self.entries;
        let found = self.index.find(mix(hash), |&i| {
            if error.is_some() {
                return false;
            }
            let Some(e) = &entries[i] else { return false };
            if e.hash != hash {
                return false;
            }
            if e.key.is(key) {
                return true;
            }
            match eq(&e.key, key) {
                Ok(b) => b,
                Err(x) => {
                    error = Some(x);
                    false
                }
            }
        });
        match error {
            Some(e) => Err(e),
            None => Ok(found.copied()),
        }
    }

    /// Finds a str key by its text (no Python code can run for str keys).
    pub fn find_str(&self, hash: i64, key: &str) -> Option<usize> {
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| match &entries[i] {
                Some(e) => e.hash == hash && e.key.as_str() == Some(key),
                None => false,
            })
            .copied()
    }

    /// `find_str` for a str object: the same object as the key matches without comparing text.
    pub fn find_pystr(&self, key: &PyStr) -> Option<usize> {
        let hash = key.hash();
        let entries = &self.entries;
        self.index
            .find(mix(hash), |&i| match &entries[i] {
                Some(e) if e.hash == hash => match &e.key {
                    Value::Str(k) => std::ptr::eq(&**k, key) || k.as_str() == key.as_str(),
                    _ => false,
                },
                _ => false,
            })
            .copied()
    }

    /// Like `find_str`, but None when an entry with the same hash has a key that is not a str (an
    /// instance of a str subclass, say): only Python-level equality can decide that one.
    pub fn find_str_exact(&self, hash: i64, key: &str) -> Option<Option<usize>> {
        let entries = &self.entries;
        let mut foreign = false;
        let found = self.index.find(mix(hash), |&i| match &entries[i] {
            Some(e) if e.hash == hash => match &e.key {
                Value::Str(s) => s.as_str() == key,
                _ => {
                    foreign = true;
                    false
                }
            },
            _ => false,
        });
        match found {
            Some(i) => Some(Some(*i)),
            None if foreign => None,
            None => Some(None),
        }
    }

    pub fn entry(&self, i: usize) -> Option<&DictEntry> {
        self.entries.get(i).and_then(|e| e.as_ref())
    }

    pub fn value_at(&self, i: usize) -> Option<&Value> {
        self.entry(i).map(|e| &e.value)
    }

    pub fn value_mut_at(&mut self, i: usize) -> Option<&mut Value> {
        self.entries
            .get_mut(i)
            .and_then(|e| e.as_mut())
            .map(|e| &mut e.value)
    }

    pub fn set_value_at(&mut self, i: usize, v: Value) {
        if let Some(Some(e)) = self.entries.get_mut(i) {
            e.value = v;
        }
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, hash: i64, key: Value, value: Value) {
        let i = self.entries.len();
        self.entries.push(Some(DictEntry { hash, key, value }));
        let entries = &self.entries;
        self.index.insert_unique(mix(hash), i, |&j| {
            entries[j].as_ref().map_or(0, |e| mix(e.hash))
        });
        self.len += 1;
        self.keys_version = next_version();
    }

    /// Inserts or replaces; returns the entry index.
    pub fn insert(
        &mut self,
        hash: i64,
        key: Value,
        value: Value,
        eq: &mut dyn FnMut(&Value, &Value) -> PyResult<bool>,
    ) -> PyResult<usize> {
        if let Some(i) = self.find(hash, &key, eq)? {
            self.set_value_at(i, value);
            return Ok(i);
        }
        self.insert_new(hash, key, value);
        Ok(self.entries.len() - 1)
    }

    /// Removes the entry at index `i`, returning it.
    pub fn remove_at(&mut self, i: usize) -> Option<DictEntry> {
        let e = self.entries.get_mut(i)?.take()?;
        if let Ok(occ) = self.index.find_entry(mix(e.hash), |&j| j == i) {
            occ.remove();
        }
        self.len -= 1;
        self.keys_version = next_version();
        if self.entries.len() > 16 && self.len * 2 < self.entries.len() {
            self.compact();
        }
        Some(e)
    }

    /// Drops the holes left by deletions (entry indices change, so the version does too).
    fn compact(&mut self) {
        self.entries.retain(|e| e.is_some());
        self.index.clear();
        for (i, e) in self.entries.iter().enumerate() {
            let h = e.as_ref().map_or(0, |e| mix(e.hash));
            let entries = &self.entries;
            self.index
                .insert_unique(h, i, |&j| entries[j].as_ref().map_or(0, |e| mix(e.hash)));
        }
        self.keys_version = next_version();
    }

    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.len = 0;
        self.keys_version = next_version();
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().filter_map(|e| e.as_ref())
    }

    /// Position-based iteration for iterators that must survive the table being borrowed again:
    /// the next live entry at or after `pos`, and its index.
    pub fn next_entry(&self, pos: usize) -> Option<(usize, &DictEntry)> {
        self.entries[pos.min(self.entries.len())..]
            .iter()
            .enumerate()
            .find_map(|(k, e)| e.as_ref().map(|e| (pos + k, e)))
    }

    /// The last live entry (for `popitem`).
    pub fn last_index(&self) -> Option<usize> {
        self.entries.iter().rposition(|e| e.is_some())
    }
}

/// A dict object.
#[derive(Default)]
pub struct PyDict {
    table: RefCell<DictTable>,
}

impl Drop for PyDict {
    fn drop(&mut self) {
        super::trashcan::release(std::mem::take(self.table.get_mut()));
    }
}

impl PyDict {
    pub fn new() -> PyDict {
        PyDict::default()
    }

    pub fn table(&self) -> Ref<'_, DictTable> {
        self.table.borrow()
    }

    /// The table, unless it is being changed right now.
    pub fn table_checked(&self) -> Result<Ref<'_, DictTable>, std::cell::BorrowError> {
        self.table.try_borrow()
    }

    /// Mutable access; fails (instead of panicking) if the dict is being read higher up the stack,
    /// which only happens when Python code mutates a dict while it is comparing its keys.
    pub fn table_mut(&self) -> Option<RefMut<'_, DictTable>> {
        self.table.try_borrow_mut().ok()
    }

    pub fn try_table(&self) -> Option<Ref<'_, DictTable>> {
        self.table.try_borrow().ok()
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Looks up a str key by text.
    pub fn get_str(&self, key: &str) -> Option<Value> {
        let t = self.table.borrow();
        let hash = super::str::str_hash(key);
        t.find_str(hash, key).and_then(|i| t.value_at(i).cloned())
    }

    /// Looks up a str object (an attribute or global name, whose hash is cached).
    pub fn get_pystr(&self, key: &PyStr) -> Option<Value> {
        let t = self.table.borrow();
        t.find_pystr(key).and_then(|i| t.value_at(i).cloned())
    }

    /// Sets a str key (used for namespaces, where keys are always str).
    pub fn set_str(&self, key: &str, value: Value) {
        let mut t = self.table.borrow_mut();
        let hash = super::str::str_hash(key);
        match t.find_str(hash, key) {
            Some(i) => t.set_value_at(i, value),
            None => t.insert_new(hash, Value::str(key), value),
        }
    }

    /// Sets an interned str key value (keeps the caller's string object as the key).
    pub fn set_pystr(&self, key: &Value, value: Value) {
        let Some(s) = key.as_pystr() else { return };
        let hash = s.hash();
        let mut t = self.table.borrow_mut();
        match t.find_pystr(s) {
            Some(i) => t.set_value_at(i, value),
            None => t.insert_new(hash, key.clone(), value),
        }
    }

    /// Removes a str key, returning its value.
    pub fn remove_str(&self, key: &str) -> Option<Value> {
        let mut t = self.table.borrow_mut();
        let hash = super::str::str_hash(key);
        let i = t.find_str(hash, key)?;
        t.remove_at(i).map(|e| e.value)
    }

    /// (key, value) pairs in order.
    pub fn items(&self) -> Vec<(Value, Value)> {
        self.table
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect()
    }

    pub fn keys(&self) -> Vec<Value> {
        self.table.borrow().iter().map(|e| e.key.clone()).collect()
    }

    pub fn values(&self) -> Vec<Value> {
        self.table
            .borrow()
            .iter()
            .map(|e| e.value.clone())
            .collect()
    }
}
