//! What compiled traces call and how their exits return to the interpreter.
//!
//! Helpers are `extern "C"`, never panic and report failure by a status or a null pointer; the
//! trace then leaves through a side exit before anything was changed, and the interpreter
//! performs the operation itself (raising the error, if there is one).
//!
//! Objects are passed as the payload word of their `Value` together with the tag the trace
//! guarded; [`borrow`] turns the two words back into a (non-owning) `Value`, so no helper depends
//! on how `Rc` lays out its allocation.

use super::ir::Binding;
use crate::objects::IterKind;
use crate::vm::Value;
use std::mem::ManuallyDrop;

/// The state a running trace shares with its helpers. `out` (offset 0) carries a helper's
/// second result.
#[repr(C)]
pub struct Ctx {
    pub out: u64,
    /// The VM's countdown to its next check of the limits (`Vm::ticks`), copied in before a
    /// trace runs and back after; traces decrement it (`Inst::Tick`).
    pub ticks: i64,
    /// List items a trace overwrote: dropped when the trace exits, so that objects the trace
    /// borrowed from a list stay alive while it runs.
    pub deferred: Vec<Value>,
    /// The state `iter_unpack` read from an iterator.
    pub words: [u64; 3],
    /// The VM running the trace, for the calls it makes through the interpreter (`call_py`).
    pub vm: *mut crate::vm::Vm,
    /// How the last residual call ended when the trace exits after it: with a result of
    /// another type than the trace expected (or one the trace cannot go on with, a binding
    /// having changed), or with an exception raised at the CALL instruction (code unit).
    pub call: Option<CallOutcome>,
    /// A panic inside a residual call, carried across the compiled frames and resumed once
    /// the trace returned.
    pub panic: Option<Box<dyn std::any::Any + Send>>,
}

/// What a residual call left for its exit (see [`Ctx::call`]).
pub enum CallOutcome {
    Returned(Value),
    Raised(crate::vm::exceptions::PyErr, u32),
}

impl Default for Ctx {
    fn default() -> Ctx {
        Ctx {
            out: 0,
            ticks: 0,
            deferred: Vec::new(),
            words: [0; 3],
            vm: std::ptr::null_mut(),
            call: None,
            panic: None,
        }
    }
}

/// A residual call's callee and what the trace expects of it (see `Inst::CallPy`); owned by
/// the compiled tree, whose code points to it.
pub struct CallSite {
    /// A Python function, or a builtin (perhaps bound to its object).
    pub func: Value,
    pub argc: usize,
    /// The tag of the result the trace goes on with.
    pub tag: u8,
    /// The CALL instruction (code unit), where an exception is raised.
    pub at: u32,
    /// The bindings the tree's entry checked: the callee may have changed any of them.
    pub bindings: Vec<*const Binding>,
}

/// Calls `site.func` with the `site.argc` arguments at `args` (tag and payload word each)
/// through the interpreter. 0: the result has the expected tag and every binding holds; its
/// payload is in `ctx.out`. 1: the trace must exit, with `ctx.call` set.
pub extern "C" fn call_py(ctx: *mut Ctx, site: *const CallSite, args: *const u64) -> u32 {
    // SAFETY: the trace passes its context (whose `vm` the VM set before running it, and
    // which nothing else uses while the trace runs), its call site (owned by the compiled
    // tree) and `argc` pairs of words of live values.
    let (ctx, site) = unsafe { (&mut *ctx, &*site) };
    // SAFETY: a `Value` is its tag word and its payload word (as in `borrow`): the pairs are
    // `argc` values, borrowed from the trace.
    let borrowed = unsafe { std::slice::from_raw_parts(args as *const Value, site.argc) };
    // SAFETY: the VM outlives its traces; the trace's caller holds no reference into it
    // while the trace runs.
    let vm = unsafe { &mut *ctx.vm };
    vm.ticks = ctx.ticks;
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| match &site.func {
        // A Python function's frame takes its own references to the arguments before any of
        // its code runs.
        Value::Function(func) => vm.call_from_trace(func, borrowed),
        // A builtin holds them for as long as it runs (what it calls may drop the trace's).
        other => {
            let held: Vec<Value> = borrowed.to_vec();
            vm.call(other, &held, &[])
        }
    }));
    ctx.ticks = vm.ticks;
    match result {
        Ok(Ok(v)) => {
            let holds = site.bindings.iter().all(|&b| binding_holds(b) == 1);
            if v.tag() == site.tag && holds {
                ctx.out = payload_of(&v);
                return 0;
            }
            ctx.call = Some(CallOutcome::Returned(v));
        }
        Ok(Err(e)) => ctx.call = Some(CallOutcome::Raised(e, site.at)),
        Err(panic) => ctx.panic = Some(panic),
    }
    1
}

/// Offset of `Ctx::ticks`.
pub const TICKS_OFFSET: i32 = std::mem::offset_of!(Ctx, ticks) as i32;

/// Offset of `Ctx::words`.
pub const WORDS_OFFSET: i32 = std::mem::offset_of!(Ctx, words) as i32;

/// How many overwritten objects a trace may hold back before it must exit to drop them.
const MAX_DEFERRED: usize = 4096;

/// The `Value` whose two words are `tag` and `payload`, not owned.
///
/// # Safety
/// The words must be those of a live value.
#[inline(always)]
pub unsafe fn borrow(tag: u8, payload: u64) -> ManuallyDrop<Value> {
    // SAFETY: `Value` is `repr(C, u64)`: its tag word and its payload word (see value.rs).
    ManuallyDrop::new(unsafe { std::mem::transmute::<[u64; 2], Value>([tag as u64, payload]) })
}

/// Makes `place` the immediate whose words are `tag` and `payload`, without dropping what it
/// held.
///
/// # Safety
/// `place` must be valid for writes, and `tag` an immediate's tag whose payload `payload` is.
#[inline(always)]
pub unsafe fn write_words(place: *mut Value, tag: u8, payload: u64) {
    let words = place as *mut u64;
    // SAFETY: as `borrow`'s: a `Value` is its tag word and its payload word.
    unsafe {
        words.write(tag as u64);
        words.add(1).write(payload);
    }
}

/// A value's payload word (the second of its two words).
pub fn payload_of(v: &Value) -> u64 {
    // SAFETY: a `Value` is two initialised-or-padding words; the payload word of an immediate
    // or pointer variant is fully written except for `bool` (whose upper bytes nobody reads).
    unsafe { (v as *const Value as *const u64).add(1).read() }
}

/// Offset of a complex number's real part from its payload pointer (the imaginary part
/// follows 8 bytes later).
pub fn complex_offset() -> i32 {
    thread_local! {
        static OFFSET: i32 = {
            let v = Value::complex(1.0, 2.0);
            let base = payload_of(&v) as usize;
            match &v {
                Value::Complex(c) => (std::ptr::addr_of!(c.re) as usize - base) as i32,
                _ => 0,
            }
        };
    }
    OFFSET.with(|o| *o)
}

/// Where a list's and a tuple's items are, as offsets from the object's payload word: what
/// compiled code reads and writes list and tuple items through without a helper call.
#[derive(Clone, Copy, Debug)]
pub struct SeqLayout {
    /// The list's `RefCell` borrow count (negative while it is borrowed mutably).
    pub list_flag: i32,
    /// The list's item pointer and length.
    pub list_items: i32,
    pub list_len: i32,
    /// The tuple's item pointer and length.
    pub tuple_items: i32,
    pub tuple_len: i32,
}

/// The words at `base .. base + size`, each with its offset from `origin`.
///
/// # Safety
/// The range must be initialised memory of a live object, word-aligned.
unsafe fn words_at(origin: usize, base: usize, size: usize) -> Vec<(i32, u64)> {
    (0..size / 8)
        .map(|k| {
            let at = base + 8 * k;
            // SAFETY: within the object, as the caller promises.
            let w = unsafe { (at as *const u64).read() };
            ((at - origin) as i32, w)
        })
        .collect()
}

/// The offset of the one word among `words` equal to `want`.
fn offset_of_word(words: &[(i32, u64)], want: u64) -> Option<i32> {
    let mut found = words.iter().filter(|(_, w)| *w == want);
    match (found.next(), found.next()) {
        (Some((off, _)), None) => Some(*off),
        _ => None,
    }
}

/// Finds [`SeqLayout`] by looking at a list and a tuple made for the purpose (Rust does not
/// promise the order of a `Vec`'s or a `RefCell`'s fields); None if what it sees is not one
/// item pointer, one length and one borrow count — compiled code then calls helpers.
pub fn seq_layout() -> Option<SeqLayout> {
    thread_local! {
        static LAYOUT: Option<SeqLayout> = probe_seq_layout();
    }
    LAYOUT.with(|l| *l)
}

fn probe_seq_layout() -> Option<SeqLayout> {
    let mut items = Vec::with_capacity(8);
    items.extend([Value::None, Value::None, Value::None]);
    let list = Value::list(items);
    let tuple = Value::tuple(vec![Value::None; 5]);
    let (Value::List(l), Value::Tuple(t)) = (&list, &tuple) else {
        return None;
    };
    let origin = payload_of(&list) as usize;
    let cell = &l.items as *const _ as usize;
    let size = std::mem::size_of_val(&l.items);
    // SAFETY: the RefCell holds a borrow count and a Vec, word-sized and initialised.
    let words = unsafe { words_at(origin, cell, size) };
    let list_items = offset_of_word(&words, l.items.borrow().as_ptr() as u64)?;
    let list_len = offset_of_word(&words, 3)?;
    let unborrowed = offset_of_word(&words, 0)?;
    let list_flag = {
        let _reading = l.items.borrow();
        // SAFETY: as above.
        let words = unsafe { words_at(origin, cell, size) };
        offset_of_word(&words, 1).filter(|&off| off == unborrowed)?
    };
    let origin = payload_of(&tuple) as usize;
    let slice = &t.items as *const _ as usize;
    // SAFETY: a boxed slice is a pointer and a length.
    let words = unsafe { words_at(origin, slice, std::mem::size_of_val(&t.items)) };
    let tuple_items = offset_of_word(&words, t.items.as_ptr() as u64)?;
    let tuple_len = offset_of_word(&words, 5)?;
    (std::mem::size_of::<Value>() == 16).then_some(SeqLayout {
        list_flag,
        list_items,
        list_len,
        tuple_items,
        tuple_len,
    })
}

/// The `math` functions traces call, with the functions the `math` module uses and whether a
/// finite argument may overflow (a range error rather than a domain error in CPython).
#[allow(clippy::type_complexity)]
pub static MATH1: [(&str, fn(f64) -> f64, bool); 12] = [
    ("sqrt", f64::sqrt, false),
    ("exp", f64::exp, true),
    ("sin", f64::sin, false),
    ("cos", f64::cos, false),
    ("tan", f64::tan, false),
    ("asin", f64::asin, false),
    ("acos", f64::acos, false),
    ("atan", f64::atan, false),
    ("sinh", f64::sinh, true),
    ("cosh", f64::cosh, true),
    ("tanh", f64::tanh, false),
    ("expm1", f64::exp_m1, true),
];

/// `math.<MATH1[f]>(x)` into `ctx.out`: 1, or 0 where CPython raises (the interpreter then does).
pub extern "C" fn math1(ctx: *mut Ctx, f: u64, x: f64) -> u32 {
    let Some((_, func, _)) = MATH1.get(f as usize) else {
        return 0;
    };
    let r = func(x);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return 0;
    }
    // SAFETY: the trace passes its context, live while it runs.
    unsafe { (*ctx).out = r.to_bits() };
    1
}

/// `a ** b` on floats into `ctx.out`: 1, or 0 where the interpreter's float power raises or
/// gives a complex number (it then does so itself).
pub extern "C" fn float_pow(ctx: *mut Ctx, a: f64, b: f64) -> u32 {
    match crate::vm::ops::float_pow(a, b) {
        Ok(Value::Float(r)) => {
            // SAFETY: the trace passes its context, live while it runs.
            unsafe { (*ctx).out = r.to_bits() };
            1
        }
        _ => 0,
    }
}

pub extern "C" fn hypot(a: f64, b: f64) -> f64 {
    // The interpreter's abs(complex): Rust's hypot is the C library's, as CPython's.
    a.hypot(b)
}

pub extern "C" fn list_len(list: u64) -> i64 {
    // SAFETY: the trace guarded the tag and the slot or list holding the object keeps it alive.
    let v = unsafe { borrow(crate::vm::value::tag::LIST, list) };
    match &*v {
        Value::List(l) => l.items.try_borrow().map_or(0, |i| i.len() as i64),
        _ => 0,
    }
}

/// A pointer to `list[index]` (negative indices count from the end), null when out of range.
pub extern "C" fn list_item(list: u64, index: i64) -> *const Value {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::LIST, list) };
    let Value::List(l) = &*v else {
        return std::ptr::null();
    };
    let Ok(items) = l.items.try_borrow() else {
        return std::ptr::null();
    };
    match crate::vm::collections::normalize(index, items.len()) {
        Some(k) => &items[k] as *const Value,
        None => std::ptr::null(),
    }
}

fn store(ctx: &mut Ctx, list: u64, index: i64, value: Value) -> u32 {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::LIST, list) };
    let Value::List(l) = &*v else {
        return 1;
    };
    let Ok(mut items) = l.items.try_borrow_mut() else {
        return 1;
    };
    match crate::vm::collections::normalize(index, items.len()) {
        Some(k) => replace_deferred(ctx, &mut items[k], value),
        None => 1,
    }
}

/// The number a trace passes as a tag and two float words (see `lower::number_words`).
fn number(tag: u64, a: f64, b: f64) -> Value {
    if tag as u8 == crate::vm::value::tag::COMPLEX {
        Value::complex(a, b)
    } else {
        // SAFETY: an immediate's words make an owned value with nothing to drop.
        ManuallyDrop::into_inner(unsafe { borrow(tag as u8, a.to_bits()) })
    }
}

/// Puts `value` in `place`; an object it held is dropped when the trace exits (the trace may
/// still hold borrowed pointers to it). 1, with nothing changed, when too many wait already.
fn replace_deferred(ctx: &mut Ctx, place: &mut Value, value: Value) -> u32 {
    if ctx.deferred.len() >= MAX_DEFERRED {
        return 1;
    }
    let old = std::mem::replace(place, value);
    if old.tag() > crate::vm::value::LAST_IMMEDIATE {
        ctx.deferred.push(old);
    }
    0
}

/// A pointer to the value in cell `cell` (null if it is being changed).
pub extern "C" fn cell_get(cell: u64) -> *const Value {
    // SAFETY: the trace guarded the tag; the frame slot holding the cell keeps it alive.
    let v = unsafe { borrow(crate::vm::value::tag::CELL, cell) };
    let Value::Cell(c) = &*v else {
        return std::ptr::null();
    };
    if c.value.try_borrow().is_err() {
        return std::ptr::null();
    }
    c.value.as_ptr()
}

/// `cell`'s value = number (as in `list_store`; the second argument is unused): 0, or 1 with
/// nothing changed.
pub extern "C" fn cell_set(ctx: *mut Ctx, cell: u64, _: i64, tag: u64, x: f64, y: f64) -> u32 {
    // SAFETY: as in `cell_get`.
    let v = unsafe { borrow(crate::vm::value::tag::CELL, cell) };
    let Value::Cell(c) = &*v else {
        return 1;
    };
    let Ok(mut inner) = c.value.try_borrow_mut() else {
        return 1;
    };
    // SAFETY: the trace passes its context, live while it runs.
    replace_deferred(unsafe { &mut *ctx }, &mut inner, number(tag, x, y))
}

/// `list[index] = number` (the number as in `list_append`); 1 when out of range.
pub extern "C" fn list_store(
    ctx: *mut Ctx,
    list: u64,
    index: i64,
    tag: u64,
    x: f64,
    y: f64,
) -> u32 {
    // SAFETY: the trace passes its context, live while it runs.
    store(unsafe { &mut *ctx }, list, index, number(tag, x, y))
}

pub extern "C" fn tuple_len(tuple: u64) -> i64 {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::TUPLE, tuple) };
    match &*v {
        Value::Tuple(t) => t.items.len() as i64,
        _ => 0,
    }
}

/// A pointer to `tuple[index]` (negative indices count from the end), null when out of range.
pub extern "C" fn tuple_item(tuple: u64, index: i64) -> *const Value {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::TUPLE, tuple) };
    let Value::Tuple(t) = &*v else {
        return std::ptr::null();
    };
    match crate::vm::collections::normalize(index, t.items.len()) {
        Some(k) => &t.items[k] as *const Value,
        None => std::ptr::null(),
    }
}

/// `list.append(value)`: a complex from (`a`, `b`), else the int, float or bool whose payload
/// word is `a`'s bits.
pub extern "C" fn list_append(list: u64, tag: u64, a: f64, b: f64) -> u32 {
    let value = number(tag, a, b);
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::LIST, list) };
    if let Value::List(l) = &*v {
        l.push(value);
    }
    0
}

/// `list.append(obj)`, the object given as its tag and payload word: a new reference to it.
pub extern "C" fn list_append_object(list: u64, tag: u64, payload: u64) -> u32 {
    // SAFETY: the trace guarded the list's tag; the object is alive (a slot, a container or the
    // trace's constants hold it), and cloning takes a reference of the list's own.
    let (v, item) = unsafe {
        (
            borrow(crate::vm::value::tag::LIST, list),
            borrow(tag as u8, payload),
        )
    };
    if let Value::List(l) = &*v {
        l.push((*item).clone());
    }
    0
}

/// The next int of a range iterator into `ctx.out`: 1, or 0 when it is exhausted.
pub extern "C" fn range_next(ctx: *mut Ctx, iter: u64) -> u32 {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::ITERATOR, iter) };
    let Value::Iterator(it) = &*v else {
        return 0;
    };
    let Ok(mut kind) = it.kind.try_borrow_mut() else {
        return 0;
    };
    match &mut *kind {
        IterKind::Range {
            next,
            remaining,
            step,
        } if *remaining > 0 => {
            // SAFETY: as in `list_store`.
            unsafe { (*ctx).out = *next as u64 };
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            1
        }
        _ => 0,
    }
}

/// The next item of a list or tuple iterator if it has value tag `tag`; null (the iterator
/// unchanged) when it is exhausted or the item is of another type: the interpreter then takes
/// over.
pub extern "C" fn item_iter_next(iter: u64, tag: u64) -> *const Value {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::ITERATOR, iter) };
    let Value::Iterator(it) = &*v else {
        return std::ptr::null();
    };
    let Ok(mut kind) = it.kind.try_borrow_mut() else {
        return std::ptr::null();
    };
    let (item, index) = match &mut *kind {
        IterKind::List { list, index } => {
            let Ok(items) = list.items.try_borrow() else {
                return std::ptr::null();
            };
            (items.get(*index).map(|v| v as *const Value), index)
        }
        IterKind::Tuple { tuple, index } => {
            (tuple.items.get(*index).map(|v| v as *const Value), index)
        }
        _ => return std::ptr::null(),
    };
    match item {
        // SAFETY: the item lives in the container the iterator holds.
        Some(p) if unsafe { (*p).tag() } as u64 == tag => {
            *index += 1;
            p
        }
        _ => std::ptr::null(),
    }
}

/// A pointer to the value of a name's dict entry, null if the dict's keys changed since the
/// trace was recorded (the entry may have moved) or the dict is being changed.
pub extern "C" fn name_slot(b: *const Binding) -> *const Value {
    // SAFETY: the trace owns its bindings for as long as its code exists.
    let b = unsafe { &*b };
    let Ok(table) = b.dict.table_checked() else {
        return std::ptr::null();
    };
    if table.keys_version() != b.version {
        return std::ptr::null();
    }
    // The entry stays where it is while the keys do not change: traces never add or remove
    // keys, and every trace entering checks the version again.
    table
        .value_at(b.index as usize)
        .map_or(std::ptr::null(), |v| v as *const Value)
}

/// `name = number` into a name's dict entry (the number as in `list_append`); 1, with nothing
/// changed, if the dict's keys changed since the trace was recorded.
pub extern "C" fn name_store(ctx: *mut Ctx, b: *const Binding, tag: u64, x: f64, y: f64) -> u32 {
    // SAFETY: as in `name_slot`; the trace passes its context, live while it runs.
    let (b, ctx) = unsafe { (&*b, &mut *ctx) };
    let Some(mut table) = b.dict.table_mut() else {
        return 1;
    };
    if table.keys_version() != b.version {
        return 1;
    }
    match table.value_mut_at(b.index as usize) {
        Some(place) => replace_deferred(ctx, place, number(tag, x, y)),
        None => 1,
    }
}

/// Whether a binding still holds: 1 if so.
pub extern "C" fn binding_holds(b: *const Binding) -> u32 {
    // SAFETY: the trace owns its bindings for as long as its code exists.
    let b = unsafe { &*b };
    let Ok(table) = b.dict.table_checked() else {
        return 0;
    };
    if table.keys_version() != b.version {
        return 0;
    }
    if b.index == u32::MAX {
        return 1;
    }
    match table.value_at(b.index as usize) {
        Some(v) => {
            (v.tag() == b.expected.tag() && payload_of(v) == payload_of(&b.expected)
                || matches!((v, &b.expected), (Value::Bool(x), Value::Bool(y)) if x == y))
                as u32
        }
        None => 0,
    }
}

/// Reads the state of iterator `iter` into `ctx.words` when it is of kind `kind`
/// (`ir::ITER_RANGE`: next, left, step; `ir::ITER_LIST`: the list's payload, the index;
/// `ir::ITER_ENUM_LIST`: the count, the list's payload, the index): 1, or 0
/// for another kind of iterator (the trace is then not entered).
pub extern "C" fn iter_unpack(ctx: *mut Ctx, iter: u64, kind: u64) -> u32 {
    // SAFETY: as in `list_len`.
    let v = unsafe { borrow(crate::vm::value::tag::ITERATOR, iter) };
    let Value::Iterator(it) = &*v else {
        return 0;
    };
    // A tree that calls through the interpreter keeps the state in registers only of an
    // iterator no one else holds (a callee could advance one it can reach).
    // (A comprehension's hidden argument `.0` holding it as well is no other holder.)
    let unshared = kind & super::ir::ITER_UNSHARED != 0;
    let holders = 1 + ((kind >> super::ir::ITER_HIDDEN_SHIFT) & 3) as usize;
    if unshared && std::rc::Rc::strong_count(it) > holders {
        return 0;
    }
    let kind = kind & 0xff;
    let Ok(state) = it.kind.try_borrow() else {
        return 0;
    };
    let words = match (&*state, kind as u8) {
        (
            IterKind::Range {
                next,
                remaining,
                step,
            },
            super::ir::ITER_RANGE,
        ) => [*next as u64, *remaining as u64, *step as u64],
        (IterKind::List { list, index }, super::ir::ITER_LIST) if *index <= i64::MAX as usize => {
            let list = Value::List(list.clone());
            let payload = payload_of(&list);
            [payload, *index as u64, 0]
        }
        // An enumerate with an int count of a list iterator.
        (
            IterKind::Enumerate {
                inner: Value::Iterator(inner),
                count: Value::Int(count),
            },
            super::ir::ITER_ENUM_LIST,
        ) => match inner.kind.try_borrow().as_deref() {
            _ if unshared && std::rc::Rc::strong_count(inner) > 1 => return 0,
            Ok(IterKind::List { list, index }) if *index <= i64::MAX as usize => {
                let list = Value::List(list.clone());
                [*count as u64, payload_of(&list), *index as u64]
            }
            _ => return 0,
        },
        _ => return 0,
    };
    // SAFETY: the trace passes its context, live while it runs.
    unsafe { (*ctx).words = words };
    1
}

/// `len(range(start, stop, step))`, or -1 when `step` is 0 (the interpreter raises) or the
/// length does not fit an i64 (it makes a long range).
pub extern "C" fn range_len(start: i64, stop: i64, step: i64) -> i64 {
    let (start, stop, step) = (start as i128, stop as i128, step as i128);
    let n = match step {
        0 => return -1,
        s if s > 0 && start < stop => (stop - start - 1) / s + 1,
        s if s < 0 && start > stop => (start - stop - 1) / -s + 1,
        _ => 0,
    };
    i64::try_from(n).unwrap_or(-1)
}

/// Puts a new iterator of kind `kind` (over `list`, a list's payload, for `ir::ITER_LIST`) in
/// frame slot `slot`, in place of the one the loop header had: the trace keeps its state in
/// registers and writes it into the new object when it exits. The old iterator is dropped when
/// the trace exits (a list it held may hold objects the trace borrowed).
pub extern "C" fn iter_rebind(ctx: *mut Ctx, slots: *mut Value, slot: u64, kind: u64, list: u64) {
    let state = if kind as u8 == super::ir::ITER_LIST || kind as u8 == super::ir::ITER_ENUM_LIST {
        // SAFETY: the trace guarded the list's tag; the slot or container it came from keeps it
        // alive.
        let Value::List(l) = (unsafe { &*borrow(crate::vm::value::tag::LIST, list) }).clone()
        else {
            return;
        };
        let items = IterKind::List { list: l, index: 0 };
        if kind as u8 == super::ir::ITER_LIST {
            items
        } else {
            IterKind::Enumerate {
                inner: crate::vm::iter::new_iter(items),
                count: Value::Int(0),
            }
        }
    } else {
        IterKind::Range {
            next: 0,
            remaining: 0,
            step: 1,
        }
    };
    // SAFETY: the trace was compiled for this frame, whose slot `slot` (below the loop
    // header's stack depth) holds the iterator the loop header had; the context is live.
    unsafe {
        let old = std::mem::replace(
            &mut *slots.add(slot as usize),
            crate::vm::iter::new_iter(state),
        );
        (*ctx).deferred.push(old);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words [`seq_layout`] found are a list's and a tuple's lengths and item pointers (the
    /// layout compiled code reads them with), for objects other than the probe's.
    #[test]
    fn sequence_layout_reads_items_and_lengths() {
        let layout = seq_layout().expect("list and tuple layout found");
        let word = |v: &Value, off: i32| {
            // SAFETY: the offsets are within the live object `v` holds.
            unsafe { ((payload_of(v) as i64 + off as i64) as *const u64).read() }
        };
        let list = Value::list((0..11).map(Value::Int).collect());
        let Value::List(l) = &list else {
            unreachable!()
        };
        assert_eq!(word(&list, layout.list_len), 11);
        assert_eq!(
            word(&list, layout.list_items),
            l.items.borrow().as_ptr() as u64
        );
        assert_eq!(word(&list, layout.list_flag), 0);
        {
            let _writing = l.items.borrow_mut();
            assert_eq!(word(&list, layout.list_flag) as i64, -1);
        }
        let tuple = Value::tuple(vec![Value::None; 2]);
        let Value::Tuple(t) = &tuple else {
            unreachable!()
        };
        assert_eq!(word(&tuple, layout.tuple_len), 2);
        assert_eq!(word(&tuple, layout.tuple_items), t.items.as_ptr() as u64);
    }
}
