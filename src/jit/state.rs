//! The JIT's state in a VM: loops, their traces and counters, the recorder, the log.

use super::boxed;
use super::ir::{Leave, SnapKind, Trace};
use super::lower::{self, Compiled, WriteKind};
use super::record::{self, Recorder, Step};
use super::runtime::{self, CallOutcome, Ctx};
use super::{LogMode, LoopAction, Options, Tier};
use crate::bytecode::opcodes::Opcode;
use crate::bytecode::Code;
use crate::objects::{IterKind, PyFunction};
use crate::vm::exceptions::{ExcKind, PyErr, PyResult};
use crate::vm::frame::{Frame, Slots};
use crate::vm::interp::Exit;
use crate::vm::value::tag;
use crate::vm::{Value, Vm};
use cranelift_jit::{JITBuilder, JITModule};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Recordings of one loop that may fail before it is blacklisted.
const MAX_ABORTS: u32 = 3;
/// Traces kept per loop header (for different entry types).
const MAX_TRACES_PER_LOOP: usize = 4;
/// Side traces a tree may grow.
const MAX_PATHS: usize = 32;
/// Side-trace recordings from one exit that may fail before the exit is left alone.
const MAX_SIDE_ABORTS: u32 = 5;

/// A compiled trace.
struct TraceEntry {
    id: u32,
    /// Owns the constants and bindings the machine code points to: never moved (boxed) and
    /// never dropped before the module.
    trace: Box<Trace>,
    compiled: Compiled,
    exit_counts: Vec<u64>,
    entries: u64,
    /// Failed side-trace recordings per snapshot.
    side_aborts: HashMap<u32, u32>,
}

/// A tree that ran (an index into `Loop::traces`) and the exit it left by, the exit not yet
/// applied: the context and exit buffer it used.
struct RawRun {
    index: usize,
    exit: u32,
    ctx: *mut Ctx,
    buf: *mut u64,
}

/// The tree that ran (an index into `Loop::traces`) and the exit it left by; `raise`: the
/// exception of a call it made, to raise at that CALL.
struct Ran {
    index: usize,
    exit: u32,
    raise: Option<crate::vm::exceptions::PyErr>,
}

/// One loop header.
struct Loop {
    code: Rc<Code>,
    /// The names its code assigns (`record::assigned_names`), for its recordings.
    assigned: Rc<HashSet<String>>,
    traces: Vec<TraceEntry>,
    aborts: u32,
    retries: u32,
    /// Entries refused by every trace's entry checks since the last recording.
    refused: u32,
    blacklisted: bool,
}

#[derive(Default)]
struct Stats {
    traces: u32,
    side_traces: u32,
    aborts: BTreeMap<String, u32>,
    blacklisted: u32,
    compile_time: Duration,
    compiled_time: Duration,
    entries: u64,
    /// Calls that ran a function's entry tree straight from the call (`run_compiled_entry`).
    entry_calls: u64,
    /// Boxes allocated while compiled code ran.
    compiled_boxes: u64,
}

/// The loops by (code object address, header), each with its index in the table: looked up
/// once at every entry into compiled code, then by index.
struct Loops {
    index: hashbrown::HashMap<(usize, u32), usize>,
    all: Vec<Loop>,
    /// The loops found last, by a few bits of their key: most entries are into a loop entered
    /// a moment ago (a generator's at every item, trees linked in a cycle), found here without
    /// hashing.
    recent: [((usize, u32), usize); RECENT_LOOPS],
}

const RECENT_LOOPS: usize = 8;

impl Default for Loops {
    fn default() -> Loops {
        Loops {
            index: Default::default(),
            all: Vec::new(),
            // (No code object lives at address 0.)
            recent: [((0, 0), 0); RECENT_LOOPS],
        }
    }
}

impl Loops {
    /// The index of the loop `key`, made with `new` if there is none.
    fn find_or(&mut self, key: (usize, u32), new: impl FnOnce() -> Loop) -> usize {
        let slot = ((key.0 >> 4) ^ key.1 as usize) % RECENT_LOOPS;
        if self.recent[slot].0 == key {
            return self.recent[slot].1;
        }
        let li = *self.index.entry(key).or_insert_with(|| {
            self.all.push(new());
            self.all.len() - 1
        });
        self.recent[slot] = (key, li);
        li
    }

    fn get(&self, key: &(usize, u32)) -> Option<&Loop> {
        self.all.get(*self.index.get(key)?)
    }

    fn get_mut(&mut self, key: &(usize, u32)) -> Option<&mut Loop> {
        self.all.get_mut(*self.index.get(key)?)
    }
}

pub(crate) struct Jit {
    options: Options,
    module: JITModule,
    loops: Loops,
    /// The boxed tier's compiled loops by (code, header); None: refused. Each holds its code
    /// object, whose address is in the key.
    #[allow(clippy::type_complexity)]
    regions: HashMap<(usize, u32), (Rc<Code>, Option<boxed::RegionFn>)>,
    recorder: Option<Box<Recorder>>,
    /// The loop and tree a side trace is being recorded for.
    growing: Option<((usize, u32), usize)>,
    ctx: Box<Ctx>,
    buf: Vec<u64>,
    /// The trees running (loop index, tree index), outermost first: more than one while a trace's
    /// call through the interpreter runs traces itself.
    running: Vec<(usize, usize)>,
    /// Contexts and exit buffers for the trees run inside a trace's call, one per nesting
    /// level (runs nest strictly: a run at level n uses `spare[n - 1]` in place).
    spare: Vec<(Box<Ctx>, Vec<u64>)>,
    stats: Stats,
    started: Instant,
}

fn new_module() -> Result<JITModule, String> {
    // The verifier checks every function Cranelift compiles (slow, and our IR is built by one
    // well-tested lowering): left to debug builds.
    let verify = if cfg!(debug_assertions) {
        "true"
    } else {
        "false"
    };
    let flags = [("opt_level", "speed"), ("enable_verifier", verify)];
    let builder = JITBuilder::with_flags(&flags, cranelift_module::default_libcall_names())
        .map_err(|e| e.to_string())?;
    Ok(JITModule::new(builder))
}

/// `julia.py:14`
fn place(code: &Code, at: u32) -> String {
    let file = code.filename.rsplit('/').next().unwrap_or(&code.filename);
    // An instruction without a line of its own (a loop's closing jump) is placed on the
    // nearest line before it.
    let line = (0..=at as usize)
        .rev()
        .map(|i| code.line_of(i))
        .find(|&l| l >= 0)
        .unwrap_or(code.firstlineno as i32);
    format!("{file}:{line}")
}

impl Vm {
    /// Turns the JIT on for the code this VM runs from now on.
    pub fn enable_jit(&mut self, options: Options) -> Result<(), String> {
        // Cranelift may refuse an unknown host; that is an error, not a panic.
        let module = std::panic::catch_unwind(new_module)
            .map_err(|_| "the JIT does not support this machine".to_string())??;
        self.jit_threshold = options.threshold.max(1);
        self.jit = Some(Box::new(Jit {
            options,
            module,
            loops: Loops::default(),
            regions: HashMap::new(),
            recorder: None,
            growing: None,
            ctx: Box::default(),
            running: Vec::new(),
            spare: Vec::new(),
            buf: Vec::new(),
            stats: Stats::default(),
            started: Instant::now(),
        }));
        Ok(())
    }

    /// Writes the JIT's summary on stderr, if the log asks for one.
    pub fn finish_jit(&mut self) {
        let Some(jit) = self.jit.as_ref() else {
            return;
        };
        if jit.options.log != LogMode::Off {
            let text = jit.summary();
            self.jit_log(&text);
        }
    }

    /// What the JIT did so far (None while it is off).
    pub fn jit_stats(&self) -> Option<crate::jit::Stats> {
        let s = &self.jit.as_ref()?.stats;
        Some(crate::jit::Stats {
            traces: s.traces - s.side_traces,
            side_traces: s.side_traces,
            aborts: s.aborts.values().sum(),
            exits: s.entries,
            compile_time: s.compile_time,
            compiled_boxes: s.compiled_boxes,
        })
    }

    fn jit_log(&mut self, text: &str) {
        self.out.flush();
        eprint!("{text}");
    }

    /// A hot loop header in the boxed tier: runs the loop's compiled code, compiling it first.
    fn boxed_loop(&mut self, f: &mut Frame) -> LoopAction {
        let Some(jit) = self.jit.as_mut() else {
            return LoopAction::Continue;
        };
        let key = (Rc::as_ptr(&f.code) as usize, f.ip as u32);
        let func = match jit.regions.get(&key) {
            Some((_, func)) => *func,
            None => {
                let (func, text) = jit.compile_region(&f.code, f.ip);
                jit.regions.insert(key, (f.code.clone(), func));
                if !text.is_empty() {
                    self.jit_log(&text);
                }
                func
            }
        };
        let Some(func) = func else {
            f.code.backedges[f.ip].set(0);
            return LoopAction::Continue;
        };
        let mut cx = boxed::Cx::default();
        let vm: *mut Vm = self;
        // SAFETY: the region was compiled for this code object's loop at `f.ip`, where the
        // frame stands with its stack synchronised; nothing else refers to the VM or the frame
        // while it runs (helpers reach them through these pointers only).
        let slots = f.slots.as_ptr();
        let boxes = crate::vm::value::allocation_count();
        let resume = unsafe { func(vm, f, &mut cx, std::ptr::addr_of_mut!((*vm).ticks), slots) };
        if let Some(jit) = self.jit.as_mut() {
            jit.stats.entries += 1;
            jit.stats.compiled_boxes += crate::vm::value::allocation_count() - boxes;
        }
        if resume >= 0 {
            f.ip = resume as usize;
            return LoopAction::Resumed;
        }
        f.lasti = (-1 - resume) as usize;
        match cx.err.take() {
            Some(e) => LoopAction::Raise(e),
            None => LoopAction::Raise(crate::vm::exceptions::PyErr::new(
                crate::vm::ExcKind::SystemError,
                "compiled code raised without an exception",
            )),
        }
    }

    /// Whether the frame running at the current depth is being recorded.
    pub(crate) fn jit_recording_here(&self) -> bool {
        matches!(&self.jit, Some(j) if j.recorder.as_ref().is_some_and(|r| r.active_depth() == self.depth))
    }

    /// A hot function's entry (its RESUME, `f.ip`, with `f.sp` synchronised): run the tree
    /// compiled from there, or record one.
    ///
    /// A function with a loop: its entry's paths carry the call into the loop's tree (instead
    /// of an interpreted iteration before the first back edge). A function without one only
    /// when its RESUME comes first (no cells to make before it), so that once compiled its
    /// calls run the tree straight away (`run_compiled_entry`): entered through the RESUME,
    /// what a call saves is less than entering and leaving compiled code costs (fib ran 13%
    /// slower). (Inlined into their callers' traces, such functions are compiled there too.)
    /// Not a generator's: its RESUME 0 is its first resumption, not a call; nor in the boxed
    /// tier, which compiles loops only.
    pub(crate) fn jit_entry(&mut self, f: &mut Frame) -> LoopAction {
        let full = matches!(&self.jit, Some(j) if j.options.tier == Tier::Full);
        if !full || f.code.is_generator() || (f.ip != 0 && !record::has_loop(&f.code)) {
            f.code.backedges[f.ip].set(0);
            return LoopAction::Continue;
        }
        // Once the entry has a tree, calls run it without coming here (`run_compiled_entry`;
        // not with a prologue before the RESUME, which making cells takes).
        if f.ip == 0 && f.code.jit_entry.get() == 0 {
            let key = (Rc::as_ptr(&f.code) as usize, 0);
            if let Some(jit) = &self.jit {
                if let Some(&li) = jit.loops.index.get(&key) {
                    if !jit.loops.all[li].traces.is_empty() {
                        f.code.jit_entry.set(li as u32 + 1);
                    }
                }
            }
        }
        self.jit_loop(f)
    }

    /// A call of a function compiled from its entry (`Code::jit_entry`, loop `li`), its frame
    /// made and its arguments bound: the frame enters the tree without the RESUME being
    /// interpreted, and a path ending at a return gives the value without the RETURN_VALUE.
    /// Anything else (no tree takes the arguments, a guard fails, a side trace is to be
    /// recorded) goes on in the interpreter from where the tree left the frame. The call's
    /// depth, scope and step are counted as `run_frame` counts them.
    pub(crate) fn run_compiled_entry(&mut self, f: &mut Frame, li: usize) -> PyResult<Exit> {
        let ready = matches!(&self.jit, Some(j) if j.recorder.is_none())
            && self.profiler.is_none()
            && self.depth < self.recursion_limit
            && !self.stack_exhausted();
        if !ready {
            return self.run_frame(f);
        }
        if let Some(jit) = self.jit.as_mut() {
            jit.stats.entry_calls += 1;
        }
        self.depth += 1;
        self.scopes.push((f.globals.clone(), f.locals.clone()));
        let result = match self.tick() {
            Err(e) => self.run_entered_frame(f, Some(e)),
            Ok(()) => {
                let action = self.jit_loop_from(f, Some((li, 0)), None);
                self.go_on_after(f, action)
            }
        };
        self.scopes.pop();
        self.depth -= 1;
        result
    }

    /// The rest of a call whose frame went through `jit_loop` at its entry: the value a path
    /// ending at a return left, else the interpreter from where the frame stands.
    fn go_on_after(&mut self, f: &mut Frame, action: LoopAction) -> PyResult<Exit> {
        match action {
            LoopAction::Resumed if at_return(f) => {
                f.sp -= 1;
                let v = std::mem::replace(&mut f.slots[f.sp], Value::Null);
                Ok(Exit::Return(v))
            }
            LoopAction::Raise(e) => self.run_entered_frame(f, Some(e)),
            _ => self.run_entered_frame(f, None),
        }
    }

    /// A call of a Python function made by compiled code (`runtime::call_py`). A function
    /// compiled from its entry runs its tree on a slot buffer without a frame, and a path
    /// ending at a return hands its value over straight from the exit buffer; at any other
    /// exit the frame is made from the buffer and the call goes on as `run_compiled_entry`'s
    /// does. Anything else is an ordinary call.
    pub(crate) fn call_from_trace(
        &mut self,
        func: &Rc<PyFunction>,
        args: &[Value],
    ) -> PyResult<Value> {
        let code = &func.code;
        let entry = code.jit_entry.get() as usize;
        let ready = entry != 0
            && args.len() == code.argcount as usize
            && code.kwonlyargcount == 0
            && !code.has_varargs()
            && !code.has_varkeywords()
            && matches!(&self.jit, Some(j) if j.recorder.is_none())
            && self.profiler.is_none()
            && self.depth < self.recursion_limit
            && !self.stack_exhausted();
        if !ready {
            return self.call_function(func, args, &[]);
        }
        let li = entry - 1;
        let n = code.localsplus.len() + code.stacksize as usize;
        let mut slots = Slots::new(n, self.frame_pool.pop());
        slots.put_args(args);
        if let Some(jit) = self.jit.as_mut() {
            jit.stats.entry_calls += 1;
        }
        // Counted as `run_frame` counts a call.
        self.depth += 1;
        self.scopes.push((func.globals.clone(), None));
        let pending = self.tick().err();
        let room = self.recursion_limit.saturating_sub(self.depth);
        let run = match pending {
            None => self.run_raw(slots.as_ptr(), li, room),
            Some(_) => None,
        };
        if let Some(v) = run.as_ref().and_then(|r| self.finish_return(li, r)) {
            self.scopes.pop();
            self.depth -= 1;
            self.recycle_slots(slots, n);
            return Ok(v);
        }
        let mut frame = Frame::with_slots(code.clone(), func.globals.clone(), slots);
        frame.func = Some(func.clone());
        let result = match (pending, run) {
            (Some(e), _) => self.run_entered_frame(&mut frame, Some(e)),
            (None, Some(run)) => match self.finish_run(&mut frame, li, run) {
                Some(ran) => {
                    let action = self.jit_loop_from(&mut frame, Some((li, 0)), Some(ran));
                    self.go_on_after(&mut frame, action)
                }
                None => self.run_entered_frame(&mut frame, None),
            },
            // No tree takes the arguments: `jit_loop` counts the refusal.
            (None, None) => {
                let action = self.jit_loop_from(&mut frame, Some((li, 0)), None);
                self.go_on_after(&mut frame, action)
            }
        };
        self.scopes.pop();
        self.depth -= 1;
        self.recycle(frame);
        match result {
            Ok(Exit::Return(v)) => Ok(v),
            Ok(_) => Err(PyErr::new(
                ExcKind::SystemError,
                "a compiled function's frame yielded",
            )),
            Err(e) => Err(e),
        }
    }

    /// The value a run's exit returns, when the exit ends a path at a return and nothing
    /// more is to be done in the frame: read from the exit buffer, and the run ended (its
    /// held-back objects dropped). None: the run is to be applied to a frame.
    #[inline(always)]
    fn finish_return(&mut self, li: usize, run: &RawRun) -> Option<Value> {
        let jit = self.jit.as_mut()?;
        let t = jit.loops.all.get(li).map(|l| &l.traces[run.index])?;
        let info = &t.compiled.exits[run.exit as usize];
        // SAFETY: the context of the run, which has returned; nothing else refers to it.
        let cx = unsafe { &mut *run.ctx };
        if info.kind != SnapKind::Return || cx.call.is_some() {
            return None;
        }
        // SAFETY: `buf` holds `buf_len` words, written by the exit.
        let words = unsafe { std::slice::from_raw_parts(run.buf, t.compiled.buf_len) };
        let w = info.writes.iter().find(|w| w.slot + 1 == info.sp)?;
        let word = |k: u32| words[(w.at + k) as usize];
        let v = match w.kind {
            WriteKind::Int => Value::Int(word(0) as i64),
            WriteKind::Float => Value::Float(f64::from_bits(word(0))),
            WriteKind::Bool => Value::Bool(word(0) & 1 != 0),
            WriteKind::Complex => Value::complex(f64::from_bits(word(0)), f64::from_bits(word(1))),
            // SAFETY: as in `apply_exit`: the object is kept alive by what the trace read it
            // from (held-back objects are dropped only after this).
            WriteKind::Obj(tag) => unsafe { (*runtime::borrow(tag, word(0))).clone() },
            WriteKind::Const(i) => t.trace.consts[i as usize].clone(),
            _ => return None,
        };
        self.end_run(li, cx);
        Some(v)
    }

    /// A back edge reached a hot loop header (`f.ip`, with `f.sp` synchronised): run its
    /// trace, or start recording one.
    pub(crate) fn jit_loop(&mut self, f: &mut Frame) -> LoopAction {
        self.jit_loop_from(f, None, None)
    }

    /// `jit_loop`, given the loop's index and header when the caller knows them, and the run
    /// of its tree when the caller made it (`call_from_trace`: the frame as the run's exit
    /// left it).
    fn jit_loop_from(
        &mut self,
        f: &mut Frame,
        mut known: Option<(usize, u32)>,
        mut made: Option<Ran>,
    ) -> LoopAction {
        // Calls a trace inlined would raise RecursionError beyond this depth.
        let room = self.recursion_limit.saturating_sub(self.depth);
        let Some(jit) = self.jit.as_mut() else {
            return LoopAction::Continue;
        };
        if jit.options.tier == Tier::Boxed {
            return self.boxed_loop(f);
        }
        if jit.recorder.is_some() {
            return LoopAction::Continue;
        }
        // Set once a trace's path ended by entering another loop's tree (`f.ip` is its header).
        let mut linked = false;
        let assigned = 'enter: loop {
            // (A run the caller made has moved the frame on from the header.)
            let header = match known {
                Some((_, header)) => header,
                None => record::opcode_unit(&f.code, f.ip) as u32,
            };
            let key = (Rc::as_ptr(&f.code) as usize, header);
            let Some(jit) = self.jit.as_mut() else {
                return LoopAction::Resumed;
            };
            let li = match known.take() {
                Some((li, _)) => li,
                None => jit.loops.find_or(key, || Loop {
                    code: f.code.clone(),
                    assigned: Rc::new(record::assigned_names(&f.code)),
                    traces: Vec::new(),
                    aborts: 0,
                    retries: 0,
                    refused: 0,
                    blacklisted: false,
                }),
            };
            let lp = &mut jit.loops.all[li];
            if linked && (lp.blacklisted || lp.traces.is_empty()) {
                return LoopAction::Resumed;
            }
            if lp.blacklisted {
                f.code.backedges[header as usize].set(0);
                return LoopAction::Continue;
            }
            if !lp.traces.is_empty() {
                let ran = match made.take() {
                    Some(ran) => Some(ran),
                    None => self.run_trees(f, li, room),
                };
                let Some(ran) = ran else {
                    if linked {
                        // No tree accepts the frame as the path left it: the interpreter
                        // goes on.
                        return LoopAction::Resumed;
                    }
                    // No trace accepts the frame as it is: record another after a while.
                    let Some(lp) = self.jit.as_mut().and_then(|j| j.loops.all.get_mut(li)) else {
                        return LoopAction::Continue;
                    };
                    lp.refused += 1;
                    f.code.backedges[header as usize].set(0);
                    // (Not when recording keeps failing: the traces it has go on being tried.)
                    if lp.refused < 2
                        || lp.traces.len() >= MAX_TRACES_PER_LOOP
                        || lp.aborts >= MAX_ABORTS
                    {
                        return LoopAction::Continue;
                    }
                    lp.refused = 0;
                    break 'enter lp.assigned.clone();
                };
                if let Some(e) = ran.raise {
                    return LoopAction::Raise(e);
                }
                let Some(jit) = self.jit.as_mut() else {
                    return LoopAction::Resumed;
                };
                let Some(lp) = jit.loops.all.get_mut(li) else {
                    return LoopAction::Resumed;
                };
                let t = &mut lp.traces[ran.index];
                let info = &t.compiled.exits[ran.exit as usize];
                match info.kind {
                    SnapKind::Link => {
                        linked = true;
                        continue 'enter;
                    }
                    // The interpreter suspends the generator at its yield, or returns.
                    SnapKind::Yield | SnapKind::Return => return LoopAction::Resumed,
                    _ => {}
                }
                // A hot exit grows a side trace, recorded from where the interpreter resumes.
                // After a failed recording it takes twice as many exits to try again (what made
                // it fail, an inner loop without a tree say, may have changed). (Not while the
                // tree runs further out, in a call one of its traces makes: its code and exit
                // numbers must stay those that run.)
                if let Some(snap) = info.snap {
                    let tried = t.side_aborts.get(&snap).copied().unwrap_or(0);
                    let hot = t.exit_counts[ran.exit as usize]
                        >= u64::from(jit.options.threshold) << tried;
                    let s = &t.trace.snaps[snap as usize];
                    if hot
                        && tried < MAX_SIDE_ABORTS
                        && s.kind == SnapKind::Guard
                        && !jit.running.contains(&(li, ran.index))
                        && t.trace.paths.len() < MAX_PATHS
                        && t.trace.path_from(snap).is_none()
                    {
                        let tree = std::mem::take(&mut *t.trace);
                        let id = jit.stats.traces + 1;
                        jit.recorder = Some(Box::new(Recorder::side(
                            f.code.clone(),
                            lp.assigned.clone(),
                            f.globals.clone(),
                            header,
                            self.depth,
                            tree,
                            snap,
                            id,
                        )));
                        jit.growing = Some((key, ran.index));
                        return LoopAction::Record;
                    }
                }
                return LoopAction::Resumed;
            }
            break lp.assigned.clone();
        };
        let Some(jit) = self.jit.as_mut() else {
            return LoopAction::Continue;
        };
        let id = jit.stats.traces + 1;
        jit.recorder = Some(Box::new(Recorder::new(
            f.code.clone(),
            assigned,
            self.depth,
            f,
            id,
        )));
        LoopAction::Record
    }

    /// Runs the trees of the loop `key` in turn until one accepts the frame, and applies the
    /// exit it leaves by. None: no tree accepted it.
    ///
    /// A trace may call Python functions through the interpreter (`runtime::call_py`), which
    /// may run traces in turn: nothing here holds a reference into the JIT while a trace runs,
    /// and a trace run inside another's call uses a context and exit buffer of its own.
    fn run_trees(&mut self, f: &mut Frame, li: usize, room: usize) -> Option<Ran> {
        let run = self.run_raw(f.slots.as_ptr(), li, room)?;
        self.finish_run(f, li, run)
    }

    /// Runs the first tree of loop `li` whose entry checks pass on the slots at `base`, its
    /// exit not yet applied (`finish_run` does that).
    #[inline(always)]
    fn run_raw(&mut self, base: *mut Value, li: usize, room: usize) -> Option<RawRun> {
        let vm: *mut Vm = self;
        let count = self.jit.as_ref()?.loops.all.get(li)?.traces.len();
        for index in 0..count {
            let jit = self.jit.as_mut()?;
            let t = &jit.loops.all.get(li)?.traces[index];
            if t.compiled.inline_depth as usize > room {
                continue;
            }
            let (func, buf_len) = (t.compiled.func, t.compiled.buf_len);
            let level = jit.running.len();
            let nested = level > 0;
            let timing = jit.options.log != LogMode::Off && !nested;
            let (ctx, buf): (*mut Ctx, *mut u64) = if nested {
                if jit.spare.len() < level {
                    jit.spare.resize_with(level, Default::default);
                }
                let (c, b) = &mut jit.spare[level - 1];
                if b.len() < buf_len {
                    b.resize(buf_len, 0);
                }
                (&mut **c, b.as_mut_ptr())
            } else {
                if jit.buf.len() < buf_len {
                    jit.buf.resize(buf_len, 0);
                }
                (&mut *jit.ctx, jit.buf.as_mut_ptr())
            };
            // SAFETY: `ctx` is the JIT's own context (boxed) or this run's; no other
            // reference to it is live.
            unsafe {
                (*ctx).ticks = self.ticks;
                (*ctx).vm = vm;
            }
            jit.running.push((li, index));
            let t0 = timing.then(Instant::now);
            let boxes = crate::vm::value::allocation_count();
            // SAFETY: the trace was compiled for this code object's frames; it reads the slots
            // below the header's stack depth and writes only the exit buffer (sized for it)
            // and the context. Its calls through the interpreter reach the VM by `ctx.vm`:
            // from here until it returns, nothing else uses `self`.
            let exit = unsafe { func(base, buf, ctx) };
            // SAFETY: as above; the trace has returned.
            let cx = unsafe { &mut *ctx };
            self.ticks = cx.ticks;
            let jit = self.jit.as_mut()?;
            jit.running.pop();
            if let Some(t0) = t0 {
                jit.stats.compiled_time += t0.elapsed();
            }
            if !nested {
                jit.stats.compiled_boxes += crate::vm::value::allocation_count() - boxes;
            }
            if let Some(panic) = cx.panic.take() {
                std::panic::resume_unwind(panic);
            }
            if exit == 0 {
                continue;
            }
            let t = &mut jit.loops.all.get_mut(li)?.traces[index];
            t.entries += 1;
            jit.stats.entries += 1;
            t.exit_counts[exit as usize] += 1;
            return Some(RawRun {
                index,
                exit,
                ctx,
                buf,
            });
        }
        None
    }

    /// Applies the exit of a run to the frame whose slots it ran on: the values it boxes, and
    /// the result or exception of a call it left after.
    fn finish_run(&mut self, f: &mut Frame, li: usize, run: RawRun) -> Option<Ran> {
        let RawRun {
            index,
            exit,
            ctx,
            buf,
        } = run;
        // SAFETY: the context of the run, which has returned; nothing else refers to it.
        let cx = unsafe { &mut *ctx };
        let jit = self.jit.as_mut()?;
        let t = &jit.loops.all.get(li)?.traces[index];
        let info = &t.compiled.exits[exit as usize];
        // SAFETY: `buf` holds `buf_len` words, written by the exit.
        let words = unsafe { std::slice::from_raw_parts(buf, t.compiled.buf_len) };
        apply_exit(f, info, words, &t.trace.consts);
        let mut raise = None;
        match cx.call.take() {
            // After a call the trace made: its result goes on the stack, or its exception
            // is raised at the CALL.
            Some(CallOutcome::Returned(v)) => f.slots[f.sp - 1] = v,
            Some(CallOutcome::Raised(e, at)) => {
                f.sp -= 1;
                f.lasti = at as usize;
                raise = Some(e);
            }
            None => {}
        }
        self.end_run(li, cx);
        Some(Ran { index, exit, raise })
    }

    /// A run's exit has been read: the objects it held back are dropped (after, as they may
    /// be what kept alive what the exit's values borrowed).
    fn end_run(&mut self, li: usize, cx: &mut Ctx) {
        let deferred = std::mem::take(&mut cx.deferred);
        if let Some(lp) = self.jit.as_mut().and_then(|j| j.loops.all.get_mut(li)) {
            lp.refused = 0;
        }
        drop(deferred);
    }

    /// Reports the instruction at `at` to the recorder; false when recording is over.
    pub(crate) fn jit_record_step(&mut self, f: &Frame, at: usize, op: Opcode, arg: u32) -> bool {
        let Some(jit) = self.jit.as_mut() else {
            return false;
        };
        let Some(rec) = jit.recorder.as_mut() else {
            return false;
        };
        if rec.active_depth() != self.depth {
            // Not the frame being recorded (one whose inlined callee gave up): run it plainly.
            return false;
        }
        let builtins = self.builtins.clone();
        // A loop header whose tree a path may enter.
        let tree = jit
            .loops
            .get(&(Rc::as_ptr(&f.code) as usize, at as u32))
            .filter(|lp| !lp.blacklisted)
            .and_then(|lp| lp.traces.first())
            .map(|t| t.id);
        match rec.step(f, &builtins, at, op, arg, tree) {
            Step::Go => true,
            Step::Done(result) => {
                let mut rec = jit.recorder.take().expect("recording");
                let text = jit.finish(&mut rec, result);
                if !text.is_empty() {
                    self.jit_log(&text);
                }
                false
            }
        }
    }

    /// Ends a recording that cannot go on (an exception, a return).
    pub(crate) fn jit_abandon(&mut self, why: &str) {
        let Some(jit) = self.jit.as_mut() else {
            return;
        };
        let Some(mut rec) = jit.recorder.take() else {
            return;
        };
        let at = rec.header;
        let abort = record::Abort {
            reason: why.to_string(),
            at,
            retry: false,
        };
        let text = jit.finish(&mut rec, Err(abort));
        if !text.is_empty() {
            self.jit_log(&text);
        }
    }
}

/// Compiles a tree; a panic inside the code generator (a bug) becomes a failed compile, so the
/// program goes on interpreted instead of crashing.
fn compile_guarded(module: &mut JITModule, tree: &Trace, dump: bool) -> Result<Compiled, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        lower::compile(module, tree, dump)
    }))
    .unwrap_or_else(|_| Err("the code generator failed".into()))
}

/// Whether the frame stands at a RETURN_VALUE with its value on the stack, as a path ending
/// at a return leaves it.
fn at_return(f: &Frame) -> bool {
    f.ip < f.code.code.len()
        && f.code.decode(f.ip).1 == Opcode::RETURN_VALUE
        && f.sp > f.code.localsplus.len()
}

/// Boxes an exit's values into the frame and points it at the instruction to resume.
fn apply_exit(f: &mut Frame, info: &lower::ExitInfo, buf: &[u64], consts: &[Value]) {
    // The values the writes replace are dropped after the last write: one of them may be what
    // keeps alive an object the trace borrowed and a later write clones.
    let mut replaced: Vec<Value> = Vec::new();
    // A new reference to the list an iterator kept in registers reads (its payload word).
    let list_at = |payload: u64| match unsafe {
        // SAFETY: as for objects, below.
        &*runtime::borrow(tag::LIST, payload)
    } {
        Value::List(list) => Some(list.clone()),
        _ => None,
    };
    for w in &info.writes {
        let word = |k: u32| buf[(w.at + k) as usize];
        let slot = &f.slots[w.slot as usize];
        let immediate = match w.kind {
            WriteKind::Int => Some((tag::INT, word(0))),
            WriteKind::Float => Some((tag::FLOAT, word(0))),
            WriteKind::Bool => Some((tag::BOOL, word(0) & 1)),
            _ => None,
        };
        if let Some((t, payload)) = immediate {
            // Written as its two words (a `Value` made on the stack and copied would be read
            // back as one 16-byte load of two 8-byte stores, which the CPU cannot forward).
            let place: *mut Value = &mut f.slots[w.slot as usize];
            // SAFETY: the old value is moved out before its words are overwritten with those
            // of an immediate, which owns nothing.
            let old = unsafe {
                let old = std::ptr::read(place);
                runtime::write_words(place, t, payload);
                old
            };
            if old.is_heap() {
                replaced.push(old);
            }
            continue;
        }
        let v = match w.kind {
            WriteKind::Int | WriteKind::Float | WriteKind::Bool => continue,
            WriteKind::Complex => Value::complex(f64::from_bits(word(0)), f64::from_bits(word(1))),
            WriteKind::RangeIter { backed } => {
                let state = IterKind::Range {
                    next: word(0) as i64,
                    remaining: word(1) as i64,
                    step: word(2) as i64,
                };
                match sync_iterator(slot, backed, state) {
                    Ok(()) => continue,
                    Err(state) => crate::vm::iter::new_iter(state),
                }
            }
            WriteKind::ListIter { backed } => {
                if backed && sync_list_iter(slot, word(0), word(1) as usize) {
                    continue;
                }
                let Some(list) = list_at(word(0)) else {
                    continue; // (never: the list's tag was guarded)
                };
                crate::vm::iter::new_iter(IterKind::List {
                    list,
                    index: word(1) as usize,
                })
            }
            WriteKind::EnumIter { backed } => {
                let (count, index) = (word(0) as i64, word(2) as usize);
                if backed && sync_enumerate(slot, count, word(1), index) {
                    continue;
                }
                let Some(list) = list_at(word(1)) else {
                    continue; // (never: the list's tag was guarded)
                };
                crate::vm::iter::new_iter(IterKind::Enumerate {
                    inner: crate::vm::iter::new_iter(IterKind::List { list, index }),
                    count: Value::Int(count),
                })
            }
            // The object the slot holds already (an exit taken again and again, a value the
            // trace only read): nothing to change.
            WriteKind::Obj(t) if slot.tag() == t && runtime::payload_of(slot) == word(0) => {
                continue
            }
            // SAFETY: the object is kept alive by the slot or container the trace read it
            // from (container items it overwrote, and the slots' old values, are only
            // dropped after this).
            WriteKind::Obj(t) => unsafe { (*runtime::borrow(t, word(0))).clone() },
            WriteKind::Const(i) => consts[i as usize].clone(),
            WriteKind::Null => Value::Null,
        };
        let old = std::mem::replace(&mut f.slots[w.slot as usize], v);
        if old.is_heap() {
            replaced.push(old);
        }
    }
    // Slots the trace popped below the loop header's depth (an inner loop's iterator) hold
    // nothing above the stack pointer.
    for slot in info.sp..info.header_sp {
        let old = std::mem::replace(&mut f.slots[slot as usize], Value::Null);
        if old.is_heap() {
            replaced.push(old);
        }
    }
    f.ip = info.ip as usize;
    f.sp = info.sp as usize;
    drop(replaced);
}

/// Writes the state a trace kept in registers back into the iterator object `slot` holds, when
/// the state is that object's (`backed`); else (or if the slot holds no iterator of that kind)
/// gives the state back for a new iterator.
fn sync_iterator(slot: &Value, backed: bool, state: IterKind) -> Result<(), IterKind> {
    let Value::Iterator(it) = slot else {
        return Err(state);
    };
    if !backed {
        return Err(state);
    }
    let mut kind = it.kind.borrow_mut();
    if std::mem::discriminant(&*kind) != std::mem::discriminant(&state) {
        return Err(state);
    }
    *kind = state;
    Ok(())
}

/// Writes a list iterator's state kept in registers (its list, a payload word, and its index)
/// into the list iterator object `slot` holds; false if it holds none. (In place: an exit taken
/// at every yield of a generator's loop writes it each time.)
fn sync_list_iter(slot: &Value, list: u64, index: usize) -> bool {
    let Value::Iterator(it) = slot else {
        return false;
    };
    set_list_state(&mut it.kind.borrow_mut(), list, index)
}

/// Writes an enumerate's state kept in registers (its count, its list iterator's list and
/// index) into the enumerate object `slot` holds, and into the list iterator inside it; false
/// if it holds none.
fn sync_enumerate(slot: &Value, count: i64, list: u64, index: usize) -> bool {
    let Value::Iterator(it) = slot else {
        return false;
    };
    let mut kind = it.kind.borrow_mut();
    let IterKind::Enumerate { inner, count: c } = &mut *kind else {
        return false;
    };
    let Value::Iterator(inner) = inner else {
        return false;
    };
    if !set_list_state(&mut inner.kind.borrow_mut(), list, index) {
        return false;
    }
    *c = Value::Int(count);
    true
}

/// A list iterator's state set to `list` (a payload word) and `index`; false if `kind` is not
/// a list iterator's.
fn set_list_state(kind: &mut IterKind, list: u64, index: usize) -> bool {
    let IterKind::List {
        list: held,
        index: at,
    } = kind
    else {
        return false;
    };
    // SAFETY: the list is the one the trace read (its tag guarded), kept alive by the slot or
    // container it came from, as in `apply_exit`.
    let list = unsafe { runtime::borrow(tag::LIST, list) };
    let Value::List(list) = &*list else {
        return false;
    };
    if !Rc::ptr_eq(held, list) {
        *held = list.clone();
    }
    *at = index;
    true
}

impl Jit {
    /// Compiles a loop for the boxed tier; the log text with it.
    fn compile_region(
        &mut self,
        code: &Rc<Code>,
        header: usize,
    ) -> (Option<boxed::RegionFn>, String) {
        let t0 = Instant::now();
        let dump = self.dump();
        let compiled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            boxed::compile(&mut self.module, code, header, dump)
        }))
        .unwrap_or_else(|_| Err("the code generator failed".into()));
        let elapsed = t0.elapsed();
        self.stats.compile_time += elapsed;
        let mut text = String::new();
        match compiled {
            Ok(region) => {
                self.stats.traces += 1;
                if self.events() {
                    let _ = writeln!(
                        text,
                        "[TRACE {} {} boxed loop, {} instructions]",
                        self.stats.traces,
                        place(code, header as u32),
                        region.ops
                    );
                }
                if let Some(clif) = region.clif {
                    let _ = writeln!(
                        text,
                        "---- TRACE {} Cranelift IR ({:.3} ms to compile)\n{clif}",
                        self.stats.traces,
                        elapsed.as_secs_f64() * 1e3
                    );
                }
                (Some(region.func), text)
            }
            Err(reason) => {
                *self.stats.aborts.entry(reason.clone()).or_default() += 1;
                if self.events() {
                    let _ = writeln!(
                        text,
                        "[TRACE --- {} -- abort: {reason}]",
                        place(code, header as u32)
                    );
                }
                (None, text)
            }
        }
    }

    fn dump(&self) -> bool {
        self.options.log == LogMode::Dump
    }

    fn events(&self) -> bool {
        matches!(self.options.log, LogMode::Events | LogMode::Dump)
    }

    /// Ends a recording: a closed root becomes a new tree, a closed side trace recompiles its
    /// tree; a failed one is counted (and its tree given back). Returns the log text.
    fn finish(&mut self, rec: &mut Recorder, result: Result<(), record::Abort>) -> String {
        let code = rec.loop_code().clone();
        let key = (Rc::as_ptr(&code) as usize, rec.header);
        let growing = self.growing.take();
        let tree = rec.take_trace();
        let side = rec.side_of();
        match (result, side, growing) {
            (Ok(()), None, _) => self.install(&code, key, tree),
            (Ok(()), Some(snap), Some((gkey, index))) => {
                self.regrow(&code, gkey, index, tree, snap)
            }
            (Err(abort), Some(snap), Some((gkey, index))) => {
                if let Some(t) = self
                    .loops
                    .get_mut(&gkey)
                    .and_then(|l| l.traces.get_mut(index))
                {
                    *t.trace = tree;
                    *t.side_aborts.entry(snap).or_default() += 1;
                }
                self.abort(&code, rec.header, &abort, true)
            }
            (Err(abort), _, _) => self.abort(&code, rec.header, &abort, false),
            (Ok(()), Some(_), None) => String::new(),
        }
    }

    /// Compiles a new tree for a loop.
    fn install(&mut self, code: &Rc<Code>, key: (usize, u32), tree: Trace) -> String {
        let t0 = Instant::now();
        let tree = Box::new(tree);
        let dump = self.dump();
        let compiled = compile_guarded(&mut self.module, &tree, dump);
        let elapsed = t0.elapsed();
        self.stats.compile_time += elapsed;
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                let abort = record::Abort {
                    reason: format!("codegen: {e}"),
                    at: key.1,
                    retry: false,
                };
                return self.abort(code, key.1, &abort, false);
            }
        };
        self.stats.traces += 1;
        let id = self.stats.traces;
        let mut text = String::new();
        if self.events() {
            let end = match tree.paths.first().and_then(|p| p.leave) {
                Some((_, leave @ Leave::Tree(_))) => format!("-> {leave}"),
                Some((_, leave)) => leave.to_string(),
                None => "loop".to_string(),
            };
            let _ = writeln!(text, "[TRACE {id} {} {end}]", place(code, key.1));
        }
        if self.dump() {
            text.push_str(&dump_path(code, &tree, 0, &compiled, elapsed));
        }
        let exits = compiled.exits.len();
        if let Some(lp) = self.loops.get_mut(&key) {
            lp.traces.push(TraceEntry {
                id,
                trace: tree,
                compiled,
                exit_counts: vec![0; exits],
                entries: 0,
                side_aborts: HashMap::new(),
            });
        }
        text
    }

    /// Recompiles a tree that grew a side trace from snapshot `snap`.
    fn regrow(
        &mut self,
        code: &Rc<Code>,
        key: (usize, u32),
        index: usize,
        tree: Trace,
        snap: u32,
    ) -> String {
        let t0 = Instant::now();
        let dump = self.dump();
        let events = self.events();
        let Some(entry) = self
            .loops
            .get_mut(&key)
            .and_then(|l| l.traces.get_mut(index))
        else {
            return String::new();
        };
        *entry.trace = tree;
        let compiled = compile_guarded(&mut self.module, &entry.trace, dump);
        let elapsed = t0.elapsed();
        self.stats.compile_time += elapsed;
        let tree = &mut entry.trace;
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => {
                // Drop the new path; the previous code stays in use.
                if let Some(p) = tree.paths.pop() {
                    tree.insts.truncate(p.start as usize);
                }
                *entry.side_aborts.entry(snap).or_default() += 1;
                let abort = record::Abort {
                    reason: format!("codegen: {e}"),
                    at: key.1,
                    retry: false,
                };
                return self.abort(code, key.1, &abort, true);
            }
        };
        // The exit numbers of the new code: carry the counts over by snapshot.
        let old_counts: HashMap<Option<u32>, u64> = entry
            .compiled
            .exits
            .iter()
            .zip(&entry.exit_counts)
            .map(|(e, n)| (e.snap, *n))
            .collect();
        let parent_exit = entry
            .compiled
            .exits
            .iter()
            .position(|e| e.snap == Some(snap));
        entry.exit_counts = compiled
            .exits
            .iter()
            .map(|e| old_counts.get(&e.snap).copied().unwrap_or(0))
            .collect();
        entry.compiled = compiled;
        self.stats.traces += 1;
        self.stats.side_traces += 1;
        let id = self.stats.traces;
        let tree = &entry.trace;
        let p = tree.paths.len() - 1;
        let start = tree.snaps[snap as usize].ip;
        let parent = tree.path_exiting(snap).map_or(entry.id, |path| path.id);
        let mut text = String::new();
        if events {
            let _ = writeln!(
                text,
                "[TRACE {id} ({parent}/{}) {} -> {}]",
                parent_exit.unwrap_or(0),
                place(code, start),
                tree.paths[p]
                    .leave
                    .map_or(entry.id.to_string(), |(_, leave)| leave.to_string())
            );
        }
        if dump {
            text.push_str(&dump_path(code, tree, p, &entry.compiled, elapsed));
        }
        text
    }

    /// Counts a failed recording (blacklisting the loop after a few); returns the log text.
    fn abort(&mut self, code: &Rc<Code>, header: u32, abort: &record::Abort, side: bool) -> String {
        let reason = &abort.reason;
        // Aborts are grouped by reason without the names and numbers in it.
        let kind: String = reason
            .split('\'')
            .step_by(2)
            .collect::<Vec<_>>()
            .join("'…'");
        *self.stats.aborts.entry(kind).or_default() += 1;
        let key = (Rc::as_ptr(code) as usize, header);
        let mut black = false;
        if let (false, Some(lp)) = (side, self.loops.get_mut(&key)) {
            // Back edges count at the jump target: the header's first unit.
            let counter = &code.backedges[record::prefix_start(code, header as usize)];
            if abort.retry {
                // Retry after a varying number of back edges, so that a loop whose runs are a
                // divisor of the threshold long is not caught at its end every time.
                lp.retries += 1;
                counter.set(lp.retries.wrapping_mul(7) % self.options.threshold.max(1));
            } else {
                counter.set(0);
                lp.aborts += 1;
            }
            // Leaving the loop while recording is not a failure (the loop may well run long
            // another time): those recordings are retried after the next threshold.
            if lp.aborts >= MAX_ABORTS && lp.traces.is_empty() {
                lp.blacklisted = true;
                black = true;
                self.stats.blacklisted += 1;
            }
        }
        if !self.events() {
            return String::new();
        }
        let mut text = format!(
            "[TRACE --- {} -- abort: {reason} at {}]\n",
            place(code, header),
            place(code, abort.at)
        );
        if black {
            let _ = writeln!(text, "[TRACE --- {} -- blacklisted]", place(code, header));
        }
        text
    }

    fn summary(&self) -> String {
        let s = &self.stats;
        let mut out = String::new();
        let total = self.started.elapsed();
        let _ = writeln!(out, "---- JIT summary");
        let _ = writeln!(
            out,
            "traces: {}  side traces: {}  aborts: {}  blacklisted loops: {}",
            s.traces - s.side_traces,
            s.side_traces,
            s.aborts.values().sum::<u32>(),
            s.blacklisted
        );
        for (reason, n) in &s.aborts {
            let _ = writeln!(out, "  abort {n:>6}  {reason}");
        }
        let _ = writeln!(
            out,
            "compile time: {:.3} ms ({:.3} ms per trace)",
            s.compile_time.as_secs_f64() * 1e3,
            s.compile_time.as_secs_f64() * 1e3 / s.traces.max(1) as f64
        );
        let _ = writeln!(
            out,
            "time in compiled code: {:.3} s of {:.3} s ({:.1}%), {} trace entries",
            s.compiled_time.as_secs_f64(),
            total.as_secs_f64(),
            100.0 * s.compiled_time.as_secs_f64() / total.as_secs_f64().max(1e-9),
            s.entries
        );
        if s.entry_calls > 0 {
            let _ = writeln!(
                out,
                "calls straight into compiled functions: {}",
                s.entry_calls
            );
        }
        let mut loops: Vec<&Loop> = self
            .loops
            .all
            .iter()
            .filter(|l| !l.traces.is_empty())
            .collect();
        loops.sort_by_key(|l| l.traces[0].id);
        for lp in loops {
            for t in &lp.traces {
                let _ = writeln!(out, "trace {} ({} entries):", t.id, t.entries);
                for (k, n) in t.exit_counts.iter().enumerate().skip(1) {
                    if *n == 0 {
                        continue;
                    }
                    let info = &t.compiled.exits[k];
                    let (_, op, _, _) = lp.code.decode(info.ip as usize);
                    let _ = writeln!(
                        out,
                        "  exit {k:>3} at {} ({}): {n}",
                        place(&lp.code, info.ip),
                        op.name()
                    );
                }
            }
        }
        out
    }
}

/// The dump of one path: its recorded bytecode, its IR, the tree's Cranelift IR and machine
/// code.
fn dump_path(code: &Code, tree: &Trace, p: usize, compiled: &Compiled, took: Duration) -> String {
    let path = &tree.paths[p];
    let mut text = String::new();
    let _ = writeln!(text, "---- TRACE {} bytecode", path.id);
    for r in &path.recorded {
        // Inlined calls' instructions are indented by their depth, under their function.
        let (code, depth) = match &r.inlined {
            Some((callee, depth)) => (&**callee, *depth as usize),
            None => (code, 0),
        };
        let (_, op, arg, _) = code.decode(r.at as usize);
        let _ = writeln!(
            text,
            "  {:>4} {:>6} {:indent$}{:<28} {arg}{}",
            code.line_of(r.at as usize),
            r.at * 2,
            "",
            op.name(),
            if r.at == 0 && depth > 0 {
                format!("    (inlined {})", code.qualname)
            } else {
                String::new()
            },
            indent = 2 * depth,
        );
    }
    let _ = write!(text, "---- TRACE {} IR\n{}", path.id, tree.show_path(p));
    let _ = writeln!(
        text,
        "---- TRACE {} Cranelift IR of the tree ({:.3} ms to compile)\n{}",
        path.id,
        took.as_secs_f64() * 1e3,
        compiled.clif.as_deref().unwrap_or("")
    );
    text
}
