//! `set` and `frozenset`, with CPython's table layout: open addressing, 9 linear probes then
//! perturbed probing, dummies on deletion, and the same resize policy. Iteration walks the table, so
//! a set of ints prints in exactly the order CPython prints it.

use crate::vm::{PyResult, Value};
use std::cell::RefCell;

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
pub enum Slot {
    Empty,
    Dummy,
    Active { hash: i64, key: Value },
}

/// The table behind a set.
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active plus dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes its search.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> Self {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

type Eq<'a> = &'a mut dyn FnMut(&Value, &Value) -> PyResult<bool>;

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// Index of the slot holding `key`, or None.
    pub fn lookup(&self, key: &Value, hash: i64, eq: Eq) -> PyResult<Option<usize>> {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return Ok(None),
                    Slot::Active { hash: h, key: k }
                        if *h == hash && (k.is(key) || eq(k, key)?) =>
                    {
                        return Ok(Some(j));
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// Adds `key`; returns whether it was new.
    pub fn add(&mut self, key: Value, hash: i64, eq: Eq) -> PyResult<bool> {
        let mask = self.mask();
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        let mut freeslot: Option<usize> = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        if let Some(f) = freeslot {
                            self.slots[f] = Slot::Active { hash, key };
                            self.used += 1;
                            return Ok(true);
                        }
                        self.slots[j] = Slot::Active { hash, key };
                        self.fill += 1;
                        self.used += 1;
                        if self.fill * 5 >= mask * 3 {
                            let n = if self.used > 50000 {
                                self.used * 2
                            } else {
                                self.used * 4
                            };
                            self.resize(n);
                        }
                        return Ok(true);
                    }
                    Slot::Active { hash: h, key: k }
                        if *h == hash && (k.is(&key) || eq(k, &key)?) =>
                    {
                        return Ok(false);
                    }
                    Slot::Dummy if freeslot.is_none() => {
                        freeslot = Some(j);
                    }
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    /// Inserts into a table known to hold no dummies and not `key`.
    fn insert_clean(slots: &mut [Slot], key: Value, hash: i64) {
        let mask = slots.len() - 1;
        let mut i = (hash as usize) & mask;
        let mut perturb = hash as usize;
        loop {
            if matches!(slots[i], Slot::Empty) {
                slots[i] = Slot::Active { hash, key };
                return;
            }
            if i + LINEAR_PROBES <= mask {
                for slot in &mut slots[i + 1..=i + LINEAR_PROBES] {
                    if matches!(slot, Slot::Empty) {
                        *slot = Slot::Active { hash, key };
                        return;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i.wrapping_mul(5).wrapping_add(1).wrapping_add(perturb)) & mask;
        }
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for s in old {
            if let Slot::Active { hash, key } = s {
                Self::insert_clean(&mut self.slots, key, hash);
            }
        }
    }

    /// Removes `key`; returns whether it was present.
    pub fn discard(&mut self, key: &Value, hash: i64, eq: Eq) -> PyResult<bool> {
        match self.lookup(key, hash, eq)? {
            Some(i) => {
                self.slots[i] = Slot::Dummy;
                self.used -= 1;
                Ok(true)
            }
            None => Ok(false),
        }
    }

    /// Removes and returns an arbitrary element, as CPython's `set.pop` chooses it.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active { .. }) {
            i += 1;
            if i > mask {
                i = 0;
            }
        }
        let Slot::Active { key, .. } = std::mem::replace(&mut self.slots[i], Slot::Dummy) else {
            return None;
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    /// Active (key, hash) pairs in table order.
    pub fn iter(&self) -> impl Iterator<Item = (&Value, i64)> {
        self.slots.iter().filter_map(|s| match s {
            Slot::Active { hash, key } => Some((key, *hash)),
            _ => None,
        })
    }

    /// The next active slot at or after `pos`.
    pub fn next_at(&self, pos: usize) -> Option<(usize, &Value)> {
        self.slots
            .get(pos..)?
            .iter()
            .enumerate()
            .find_map(|(k, s)| match s {
                Slot::Active { key, .. } => Some((pos + k, key)),
                _ => None,
            })
    }

    /// Merges another set's table into this one, as CPython's `set_merge` does (including its
    /// shortcut of copying the layout into an empty table of the same size).
    pub fn merge(&mut self, other: &SetTable, eq: Eq) -> PyResult<()> {
        if other.used == 0 {
            return Ok(());
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return Ok(());
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for (key, hash) in other.iter() {
                Self::insert_clean(&mut self.slots, key.clone(), hash);
            }
            return Ok(());
        }
        for (key, hash) in other.iter() {
            self.add(key.clone(), hash, eq)?;
        }
        Ok(())
    }

    /// Grows the table ahead of adding about `n` keys (CPython does this when adding a dict).
    pub fn reserve_for(&mut self, n: usize) {
        if (self.fill + n) * 5 >= self.mask() * 3 {
            self.resize((self.used + n) * 2);
        }
    }
}

/// A set or frozenset object.
pub struct PySet {
    pub table: RefCell<SetTable>,
    pub frozen: bool,
}

impl PySet {
    pub fn new(frozen: bool) -> PySet {
        PySet {
            table: RefCell::new(SetTable::default()),
            frozen,
        }
    }

    pub fn from_table(table: SetTable, frozen: bool) -> PySet {
        PySet {
            table: RefCell::new(table),
            frozen,
        }
    }

    pub fn len(&self) -> usize {
        self.table.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
