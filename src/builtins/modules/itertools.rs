//! The `itertools` module: lazy iterators built on [`NativeIter`], each a state machine that
//! pulls from its inputs only when asked, so they work on infinite inputs and generators.
//! Orders, reprs and argument errors follow CPython 3.11's `itertoolsmodule.c`.
//!
//! Each name is a native type whose `__new__` returns the iterator, so `itertools.chain` prints as
//! a class and `chain.from_iterable` is a class method.

use crate::builtins::{add_descriptors, add_methods, check_positional, no_kwargs, parse_args};
use crate::objects::{Args, BuiltinFn, IterKind, Layout, NativeIter, PyModule};
use crate::vm::iter::new_iter;
use crate::vm::types::builtin_types;
use crate::vm::{PyErr, PyResult, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

const TYPES: &[(&str, BuiltinFn)] = &[
    ("count", count_new),
    ("islice", islice_new),
    ("chain", chain_new),
    ("takewhile", takewhile_new),
    ("dropwhile", dropwhile_new),
    ("groupby", groupby_new),
    ("product", product_new),
    ("permutations", permutations_new),
    ("combinations", combinations_new),
    ("combinations_with_replacement", cwr_new),
    ("accumulate", accumulate_new),
    ("repeat", repeat_new),
    ("cycle", cycle_new),
    ("zip_longest", zip_longest_new),
    ("starmap", starmap_new),
    ("compress", compress_new),
    ("filterfalse", filterfalse_new),
    ("pairwise", pairwise_new),
];

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("itertools");
    let object = builtin_types().object.clone();
    for (name, new) in TYPES {
        // The same type object that `type()` of these iterators reports.
        let t = builtin_types().named(name, Layout::Iterator);
        t.dict.set_str("__module__", Value::str("itertools"));
        add_methods(&t, &[("__new__", *new)]);
        if *name == "chain" {
            add_descriptors(&t, &object, true, &[("from_iterable", chain_from_iterable)]);
        }
        m.dict.set_str(name, Value::Type(t));
    }
    m.dict
        .set_str("tee", crate::builtins::function("itertools", "tee", tee));
    m
}

fn native(it: impl NativeIter + 'static) -> Value {
    new_iter(IterKind::Native(Box::new(it)))
}

/// The constructor's arguments without the class.
fn ctor<'a>(args: &Args<'a>) -> Args<'a> {
    Args::with_kw(&args.args[1..], args.kwnames)
}

/// Positional-only constructor arguments, with CPython's `name expected ...` messages.
fn positional<'a>(name: &str, args: &Args<'a>, min: usize, max: usize) -> PyResult<&'a [Value]> {
    no_kwargs(name, args)?;
    check_positional(name, args, min, max)
}

// ---------------------------------------------------------------- count, repeat, cycle

struct Count {
    next: Value,
    step: Value,
}

impl NativeIter for Count {
    fn type_name(&self) -> &'static str {
        "count"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let v = self.next.clone();
        self.next = vm.binary_op(0, &v, &self.step)?;
        Ok(Some(v))
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        Some((|| {
            let start = vm.repr(&self.next)?;
            if matches!(self.step, Value::Int(1)) {
                Ok(format!("count({start})"))
            } else {
                Ok(format!("count({start}, {})", vm.repr(&self.step)?))
            }
        })())
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_) | Value::Complex(_)
    ) || matches!(v, Value::Instance(_) | Value::Native(_))
}

fn count_new(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("count", &ctor(&args), &["start", "step"], 0)?;
    let start = p[0].clone().unwrap_or(Value::Int(0));
    let step = p[1].clone().unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return Err(PyErr::type_error("a number is required"));
    }
    Ok(native(Count { next: start, step }))
}

struct Repeat {
    obj: Value,
    /// None repeats forever.
    left: Option<usize>,
}

impl NativeIter for Repeat {
    fn type_name(&self) -> &'static str {
        "repeat"
    }
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        match &mut self.left {
            None => Ok(Some(self.obj.clone())),
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.obj.clone()))
            }
        }
    }
    fn repr(&self, vm: &mut Vm) -> Option<PyResult<String>> {
        Some(vm.repr(&self.obj).map(|o| match self.left {
            None => format!("repeat({o})"),
            Some(n) => format!("repeat({o}, {n})"),
        }))
    }
    fn keep_when_exhausted(&self) -> bool {
        true
    }
}

fn repeat_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("repeat", &ctor(&args), &["object", "times"], 1)?;
    let obj = p[0].clone().unwrap_or(Value::None);
    let left = match &p[1] {
        Some(t) => Some(vm.index_value(t)?.max(0) as usize),
        None => None,
    };
    Ok(native(Repeat { obj, left }))
}

struct Cycle {
    it: Value,
    saved: Vec<Value>,
    /// Some(i) once the input is exhausted: replaying `saved` from `i`.
    replay: Option<usize>,
}

impl NativeIter for Cycle {
    fn type_name(&self) -> &'static str {
        "cycle"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.replay.is_none() {
            if let Some(v) = vm.next(&self.it)? {
                self.saved.push(v.clone());
                return Ok(Some(v));
            }
            self.replay = Some(0);
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let i = self.replay.unwrap_or(0);
        self.replay = Some((i + 1) % self.saved.len());
        Ok(Some(self.saved[i].clone()))
    }
}

fn cycle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = positional("cycle", &ctor(&args), 1, 1)?;
    let it = vm.iter(&p[0])?;
    Ok(native(Cycle {
        it,
        saved: Vec::new(),
        replay: None,
    }))
}

// ---------------------------------------------------------------- islice, chain

struct Islice {
    it: Value,
    next: usize,
    stop: Option<usize>,
    step: usize,
    cnt: usize,
}

impl NativeIter for Islice {
    fn type_name(&self) -> &'static str {
        "islice"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        while self.cnt < self.next {
            if vm.next(&self.it)?.is_none() {
                return Ok(None);
            }
            self.cnt += 1;
        }
        if self.stop.is_some_and(|s| self.cnt >= s) {
            return Ok(None);
        }
        let Some(v) = vm.next(&self.it)? else {
            return Ok(None);
        };
        self.cnt += 1;
        self.next = self.next.saturating_add(self.step);
        if let Some(s) = self.stop {
            self.next = self.next.min(s);
        }
        Ok(Some(v))
    }
}

/// islice's stop: None, or an int in 0..=sys.maxsize. CPython converts it first; a value that
/// does not convert (or is exactly -1, its error marker) is the "Stop argument" error, other
/// negatives fall to the later "Indices" check.
fn islice_stop(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let stop_err = || {
        PyErr::value_error(
            "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        )
    };
    if v.is_none() {
        return Ok(-1);
    }
    match vm.py_index(v) {
        Ok(Value::Int(n)) if n != -1 => Ok(n),
        Ok(Value::BigInt(_)) | Ok(_) => Err(stop_err()),
        Err(e) if e.is(crate::vm::ExcKind::TypeError) => Err(stop_err()),
        Err(e) => Err(e),
    }
}

/// islice's start or step: conversion failures read as -1, as CPython clears the error.
fn islice_index(vm: &mut Vm, v: Option<&Value>, default: i64) -> i64 {
    match v {
        None | Some(Value::None) => default,
        Some(v) => match vm.py_index(v) {
            Ok(Value::Int(n)) => n,
            _ => -1,
        },
    }
}

fn islice_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = positional("islice", &ctor(&args), 2, 4)?;
    let (start, stop, step) = if p.len() == 2 {
        (0, islice_stop(vm, &p[1])?, 1)
    } else {
        let stop = islice_stop(vm, &p[2])?;
        let start = islice_index(vm, Some(&p[1]), 0);
        (start, stop, islice_index(vm, p.get(3), 1))
    };
    if start < 0 || stop < -1 {
        return Err(PyErr::value_error(
            "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
        ));
    }
    if step < 1 {
        return Err(PyErr::value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let it = vm.iter(&p[0])?;
    let stop = (stop >= 0).then_some(stop as usize);
    let start = start as usize;
    Ok(native(Islice {
        it,
        next: stop.map_or(start, |s| start.min(s)),
        stop,
        step: step as usize,
        cnt: 0,
    }))
}

struct Chain {
    /// An iterator over the iterables.
    sources: Value,
    active: Option<Value>,
}

impl NativeIter for Chain {
    fn type_name(&self) -> &'static str {
        "chain"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            if let Some(a) = &self.active {
                let a = a.clone();
                if let Some(v) = vm.next(&a)? {
                    return Ok(Some(v));
                }
                self.active = None;
            }
            match vm.next(&self.sources)? {
                Some(src) => self.active = Some(vm.iter(&src)?),
                None => return Ok(None),
            }
        }
    }
}

fn chain_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor(&args);
    no_kwargs("chain", &a)?;
    let sources = vm.iter(&Value::tuple(a.positional().to_vec()))?;
    Ok(native(Chain {
        sources,
        active: None,
    }))
}

fn chain_from_iterable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = crate::builtins::one_arg("chain.from_iterable", &ctor(&args))?;
    let sources = vm.iter(p)?;
    Ok(native(Chain {
        sources,
        active: None,
    }))
}

// ---------------------------------------------------------------- predicates

/// takewhile, dropwhile, filterfalse: a predicate over one input.
struct Predicated {
    name: &'static str,
    pred: Value,
    it: Value,
    /// takewhile: stopped; dropwhile: done dropping.
    flag: bool,
}

impl NativeIter for Predicated {
    fn type_name(&self) -> &'static str {
        self.name
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            if self.name == "takewhile" && self.flag {
                return Ok(None);
            }
            let Some(v) = vm.next(&self.it)? else {
                return Ok(None);
            };
            if self.name == "dropwhile" && self.flag {
                return Ok(Some(v));
            }
            let truth = if self.pred.is_none() {
                vm.truthy(&v)?
            } else {
                let r = vm.call(&self.pred, std::slice::from_ref(&v), &[])?;
                vm.truthy(&r)?
            };
            match self.name {
                "takewhile" if truth => return Ok(Some(v)),
                "takewhile" => self.flag = true,
                "dropwhile" if !truth => {
                    self.flag = true;
                    return Ok(Some(v));
                }
                "filterfalse" if !truth => return Ok(Some(v)),
                _ => {}
            }
        }
    }
}

fn predicated(vm: &mut Vm, args: Args, name: &'static str) -> PyResult<Value> {
    let p = positional(name, &ctor(&args), 2, 2)?;
    let it = vm.iter(&p[1])?;
    Ok(native(Predicated {
        name,
        pred: p[0].clone(),
        it,
        flag: false,
    }))
}

fn takewhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated(vm, args, "takewhile")
}

fn dropwhile_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated(vm, args, "dropwhile")
}

fn filterfalse_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    predicated(vm, args, "filterfalse")
}

struct Compress {
    data: Value,
    selectors: Value,
}

impl NativeIter for Compress {
    fn type_name(&self) -> &'static str {
        "compress"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        loop {
            let Some(d) = vm.next(&self.data)? else {
                return Ok(None);
            };
            let Some(s) = vm.next(&self.selectors)? else {
                return Ok(None);
            };
            if vm.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }
}

fn compress_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("compress", &ctor(&args), &["data", "selectors"], 2)?;
    let data = vm.iter(p[0].as_ref().unwrap_or(&Value::None))?;
    let selectors = vm.iter(p[1].as_ref().unwrap_or(&Value::None))?;
    Ok(native(Compress { data, selectors }))
}

struct Starmap {
    func: Value,
    it: Value,
}

impl NativeIter for Starmap {
    fn type_name(&self) -> &'static str {
        "starmap"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let Some(v) = vm.next(&self.it)? else {
            return Ok(None);
        };
        let a = vm.collect(&v)?;
        vm.call(&self.func, &a, &[]).map(Some)
    }
}

fn starmap_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = positional("starmap", &ctor(&args), 2, 2)?;
    let it = vm.iter(&p[1])?;
    Ok(native(Starmap {
        func: p[0].clone(),
        it,
    }))
}

// ---------------------------------------------------------------- accumulate, pairwise, zip_longest

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}

impl NativeIter for Accumulate {
    fn type_name(&self) -> &'static str {
        "accumulate"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if let Some(i) = self.initial.take() {
            self.total = Some(i.clone());
            return Ok(Some(i));
        }
        let Some(v) = vm.next(&self.it)? else {
            return Ok(None);
        };
        let t = match self.total.take() {
            None => v,
            Some(t) if self.func.is_none() => vm.binary_op(0, &t, &v)?,
            Some(t) => vm.call(&self.func, &[t, v], &[])?,
        };
        self.total = Some(t.clone());
        Ok(Some(t))
    }
}

fn accumulate_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args(
        "accumulate",
        &ctor(&args),
        &["iterable", "func", "initial"],
        1,
    )?;
    let it = vm.iter(p[0].as_ref().unwrap_or(&Value::None))?;
    Ok(native(Accumulate {
        it,
        func: p[1].clone().unwrap_or(Value::None),
        total: None,
        initial: p[2].clone().filter(|v| !v.is_none()),
    }))
}

struct Pairwise {
    it: Value,
    old: Option<Value>,
}

impl NativeIter for Pairwise {
    fn type_name(&self) -> &'static str {
        "pairwise"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let old = match self.old.take() {
            Some(o) => o,
            None => match vm.next(&self.it)? {
                Some(o) => o,
                None => return Ok(None),
            },
        };
        let Some(new) = vm.next(&self.it)? else {
            return Ok(None);
        };
        self.old = Some(new.clone());
        Ok(Some(Value::tuple(vec![old, new])))
    }
}

fn pairwise_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = positional("pairwise", &ctor(&args), 1, 1)?;
    let it = vm.iter(&p[0])?;
    Ok(native(Pairwise { it, old: None }))
}

struct ZipLongest {
    /// None once that input is exhausted.
    iters: Vec<Option<Value>>,
    active: usize,
    fill: Value,
}

impl NativeIter for ZipLongest {
    fn type_name(&self) -> &'static str {
        "zip_longest"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.iters.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut out = Vec::with_capacity(self.iters.len());
        for slot in self.iters.iter_mut() {
            let v = match slot {
                Some(it) => match vm.next(it)? {
                    Some(v) => v,
                    None => {
                        *slot = None;
                        self.active -= 1;
                        if self.active == 0 {
                            return Ok(None);
                        }
                        self.fill.clone()
                    }
                },
                None => self.fill.clone(),
            };
            out.push(v);
        }
        Ok(Some(Value::tuple(out)))
    }
}

fn zip_longest_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor(&args);
    let mut fill = Value::None;
    for (k, v) in a.keywords() {
        if k != "fillvalue" {
            return Err(PyErr::type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
        fill = v.clone();
    }
    let mut iters = Vec::new();
    for x in a.positional() {
        iters.push(Some(vm.iter(x)?));
    }
    let active = iters.len();
    Ok(native(ZipLongest {
        iters,
        active,
        fill,
    }))
}

// ---------------------------------------------------------------- groupby

/// State shared by a groupby and its groupers (CPython's `groupbyobject`).
struct GroupState {
    it: Value,
    keyfunc: Value,
    tgtkey: Option<Value>,
    currkey: Option<Value>,
    currvalue: Option<Value>,
    /// Which grouper is current; older ones yield nothing more.
    current: u64,
}

impl GroupState {
    fn step(&mut self, vm: &mut Vm) -> PyResult<bool> {
        let Some(v) = vm.next(&self.it)? else {
            return Ok(false);
        };
        let key = if self.keyfunc.is_none() {
            v.clone()
        } else {
            vm.call(&self.keyfunc, std::slice::from_ref(&v), &[])?
        };
        self.currvalue = Some(v);
        self.currkey = Some(key);
        Ok(true)
    }
}

struct GroupBy(Rc<RefCell<GroupState>>);

/// The shared state stays borrowed across calls into the VM (the input's `__next__`, the key
/// function, `==`); code that re-enters the same groupby meanwhile gets a RuntimeError.
fn reentered() -> PyErr {
    PyErr::runtime_error("cannot re-enter the groupby iterator")
}

impl NativeIter for GroupBy {
    fn type_name(&self) -> &'static str {
        "groupby"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut g = self.0.try_borrow_mut().map_err(|_| reentered())?;
        g.current += 1;
        loop {
            match (&g.currkey, &g.tgtkey) {
                (None, _) => {}
                (Some(_), None) => break,
                (Some(c), Some(t)) => {
                    let (c, t) = (c.clone(), t.clone());
                    if !vm.eq(&t, &c)? {
                        break;
                    }
                }
            }
            if !g.step(vm)? {
                return Ok(None);
            }
        }
        let key = g.currkey.clone().unwrap_or(Value::None);
        g.tgtkey = Some(key.clone());
        let grouper = native(Grouper {
            state: self.0.clone(),
            tgtkey: key.clone(),
            id: g.current,
        });
        Ok(Some(Value::tuple(vec![key, grouper])))
    }
}

struct Grouper {
    state: Rc<RefCell<GroupState>>,
    tgtkey: Value,
    id: u64,
}

impl NativeIter for Grouper {
    fn type_name(&self) -> &'static str {
        "_grouper"
    }
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let mut g = self.state.try_borrow_mut().map_err(|_| reentered())?;
        if g.current != self.id {
            return Ok(None);
        }
        if g.currvalue.is_none() && !g.step(vm)? {
            return Ok(None);
        }
        let c = g.currkey.clone().unwrap_or(Value::None);
        if !vm.eq(&self.tgtkey, &c)? {
            return Ok(None);
        }
        Ok(g.currvalue.take())
    }
}

fn groupby_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("groupby", &ctor(&args), &["iterable", "key"], 1)?;
    let it = vm.iter(p[0].as_ref().unwrap_or(&Value::None))?;
    Ok(native(GroupBy(Rc::new(RefCell::new(GroupState {
        it,
        keyfunc: p[1].clone().unwrap_or(Value::None),
        tgtkey: None,
        currkey: None,
        currvalue: None,
        current: 0,
    })))))
}

// ---------------------------------------------------------------- tee

/// Items read from the source and not yet seen by every tee iterator.
struct TeeShared {
    it: Value,
    buffer: std::collections::VecDeque<Value>,
    /// Index in the stream of `buffer[0]`.
    base: usize,
    /// Each tee iterator's position in the stream.
    positions: Vec<usize>,
    /// A tee is pulling from the source.
    running: bool,
}

struct Tee {
    shared: Rc<RefCell<TeeShared>>,
    me: usize,
}

impl TeeShared {
    /// Moves tee `me` past the item it just read and drops items every tee has seen.
    fn advance(&mut self, me: usize) {
        self.positions[me] += 1;
        let low = self.positions.iter().copied().min().unwrap_or(0);
        while self.base < low {
            self.buffer.pop_front();
            self.base += 1;
        }
    }
}

impl NativeIter for Tee {
    fn type_name(&self) -> &'static str {
        "_tee"
    }
    /// The shared state is not borrowed while the source runs, so the source may read the other
    /// tees' buffered items; only a second pull from the source meanwhile is an error.
    fn next(&mut self, vm: &mut Vm) -> PyResult<Option<Value>> {
        let it = {
            let mut s = self.shared.borrow_mut();
            let at = s.positions[self.me] - s.base;
            if at < s.buffer.len() {
                let v = s.buffer[at].clone();
                s.advance(self.me);
                return Ok(Some(v));
            }
            if s.running {
                return Err(PyErr::runtime_error("cannot re-enter the tee iterator"));
            }
            s.running = true;
            s.it.clone()
        };
        let r = vm.next(&it);
        let mut s = self.shared.borrow_mut();
        s.running = false;
        let Some(v) = r? else {
            return Ok(None);
        };
        s.buffer.push_back(v.clone());
        s.advance(self.me);
        Ok(Some(v))
    }
}

fn tee(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = positional("tee", &args, 1, 2)?;
    let n = match p.get(1) {
        Some(n) => vm.index_value(n)?,
        None => 2,
    };
    if n < 0 {
        return Err(PyErr::value_error("n must be >= 0"));
    }
    let n = n as usize;
    let it = vm.iter(&p[0])?;
    let shared = Rc::new(RefCell::new(TeeShared {
        it,
        buffer: Default::default(),
        base: 0,
        positions: vec![0; n],
        running: false,
    }));
    let out = (0..n)
        .map(|me| {
            native(Tee {
                shared: shared.clone(),
                me,
            })
        })
        .collect();
    Ok(Value::tuple(out))
}

// ---------------------------------------------------------------- combinatorics

/// product, permutations, combinations, combinations_with_replacement over pools read eagerly
/// (as CPython does), stepping an index vector in lexicographic order.
struct Combinatoric {
    name: &'static str,
    pools: Vec<Vec<Value>>,
    indices: Vec<usize>,
    /// permutations' cycle counters.
    cycles: Vec<usize>,
    r: usize,
    first: bool,
    done: bool,
}

impl Combinatoric {
    fn emit(&self) -> Value {
        let items = match self.name {
            "product" => self
                .indices
                .iter()
                .zip(&self.pools)
                .map(|(&i, p)| p[i].clone())
                .collect(),
            _ => self.indices[..self.r]
                .iter()
                .map(|&i| self.pools[0][i].clone())
                .collect(),
        };
        Value::tuple(items)
    }

    /// Advances `indices`; false when the sequence is over.
    fn advance(&mut self) -> bool {
        let r = self.r;
        match self.name {
            "product" => {
                for i in (0..self.indices.len()).rev() {
                    self.indices[i] += 1;
                    if self.indices[i] < self.pools[i].len() {
                        return true;
                    }
                    self.indices[i] = 0;
                }
                false
            }
            "combinations" => {
                let n = self.pools[0].len();
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
                    return false;
                };
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
                true
            }
            "combinations_with_replacement" => {
                let n = self.pools[0].len();
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
                    return false;
                };
                let v = self.indices[i] + 1;
                for j in i..r {
                    self.indices[j] = v;
                }
                true
            }
            _ => {
                let n = self.pools[0].len();
                for i in (0..r).rev() {
                    self.cycles[i] -= 1;
                    if self.cycles[i] == 0 {
                        let x = self.indices.remove(i);
                        self.indices.push(x);
                        self.cycles[i] = n - i;
                    } else {
                        let j = self.cycles[i];
                        self.indices.swap(i, n - j);
                        return true;
                    }
                }
                false
            }
        }
    }
}

impl NativeIter for Combinatoric {
    fn type_name(&self) -> &'static str {
        self.name
    }
    fn next(&mut self, _vm: &mut Vm) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        if self.first {
            self.first = false;
        } else if !self.advance() {
            self.done = true;
            return Ok(None);
        }
        Ok(Some(self.emit()))
    }
}

fn combinatoric(name: &'static str, pools: Vec<Vec<Value>>, r: usize) -> Value {
    let n = pools.first().map_or(0, Vec::len);
    let (indices, done) = match name {
        "product" => (vec![0; pools.len()], pools.iter().any(Vec::is_empty)),
        "combinations_with_replacement" => (vec![0; r], n == 0 && r > 0),
        "combinations" => ((0..r).collect(), r > n),
        _ => ((0..n).collect(), r > n),
    };
    native(Combinatoric {
        name,
        cycles: (0..r).map(|i| n - i.min(n)).collect(),
        pools,
        indices,
        r,
        first: true,
        done,
    })
}

fn product_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = ctor(&args);
    let mut repeat = 1;
    for (k, v) in a.keywords() {
        if k != "repeat" {
            return Err(PyErr::type_error(format!(
                "'{k}' is an invalid keyword argument for product()"
            )));
        }
        repeat = vm.index_value(v)?;
    }
    if repeat < 0 {
        return Err(PyErr::value_error("repeat argument cannot be negative"));
    }
    let mut pools = Vec::new();
    for x in a.positional() {
        pools.push(vm.collect(x)?);
    }
    let all: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.iter().cloned()).collect();
    Ok(combinatoric("product", all, 0))
}

/// The `r` argument: required for combinations, optional (defaulting to the pool size) otherwise.
fn r_arg(vm: &mut Vm, v: Option<&Value>, n: usize) -> PyResult<usize> {
    match v {
        Some(v) if !v.is_none() => {
            let r = vm.index_value(v)?;
            if r < 0 {
                return Err(PyErr::value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
        _ => Ok(n),
    }
}

fn permutations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("permutations", &ctor(&args), &["iterable", "r"], 1)?;
    let pool = vm.collect(p[0].as_ref().unwrap_or(&Value::None))?;
    let r = r_arg(vm, p[1].as_ref(), pool.len())?;
    Ok(combinatoric("permutations", vec![pool], r))
}

fn combinations_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args("combinations", &ctor(&args), &["iterable", "r"], 2)?;
    let pool = vm.collect(p[0].as_ref().unwrap_or(&Value::None))?;
    let r = r_arg(vm, p[1].as_ref(), 0)?;
    Ok(combinatoric("combinations", vec![pool], r))
}

fn cwr_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = parse_args(
        "combinations_with_replacement",
        &ctor(&args),
        &["iterable", "r"],
        2,
    )?;
    let pool = vm.collect(p[0].as_ref().unwrap_or(&Value::None))?;
    let r = r_arg(vm, p[1].as_ref(), 0)?;
    Ok(combinatoric("combinations_with_replacement", vec![pool], r))
}
