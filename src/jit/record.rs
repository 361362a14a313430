//! The recorder: follows the interpreter through one iteration of a hot loop and writes the
//! typed trace IR.
//!
//! The interpreter calls [`Recorder::step`] before it executes each instruction of the frame
//! being recorded, with the frame's stack pointer synchronised. The recorder looks at the
//! concrete operands (their types, a branch's direction), emits IR specialised to them plus a
//! guard for every assumption, and keeps a symbolic copy of the frame: which slots the trace has
//! read or written, and the value stack above the loop header's depth. The interpreter then
//! executes the instruction as usual, so recording never changes what the program does.
//!
//! Anything the recorder does not handle ends the recording with a reason (the interpreter goes
//! on unaffected); the loop may be retried later and is blacklisted after repeated failures.

use super::ir::{
    Arith, Binding, Cc, Inst, Leave, MathFn, Path, Recorded, Ref, SnapId, SnapKind, Snapshot, Sym,
    Trace, Ty, ITER_ENUM_LIST, ITER_LIST, ITER_RANGE,
};
use crate::bytecode::opcodes::{nb, Opcode};
use crate::bytecode::Code;
use crate::objects::{IterKind, Layout, PyDict, PyFunction};
use crate::vm::frame::Frame;
use crate::vm::ops::Cmp;
use crate::vm::value::tag;
use crate::vm::Value;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Longest trace recorded, in bytecode instructions.
const MAX_RECORDED: usize = 2000;

/// Deepest chain of Python calls inlined into one trace.
const MAX_INLINE_DEPTH: usize = 4;

/// What the interpreter does after a step.
pub enum Step {
    /// Execute the instruction and report the next one.
    Go,
    /// Recording is over: the loop closed (a path to compile, in [`Recorder::take_trace`]) or
    /// it was aborted (the tree is as it was before).
    Done(Result<(), Abort>),
}

/// Why a recording stopped without a trace.
#[derive(Clone, Debug)]
pub struct Abort {
    pub reason: String,
    /// Code unit where it stopped.
    pub at: u32,
    /// The loop was left while recording (a normal end of the loop, not a failure): try again
    /// later without counting it against the loop.
    pub retry: bool,
}

type R<T> = Result<T, String>;

pub struct Recorder {
    /// The code of the frame being followed: the loop's, or an inlined callee's.
    code: Rc<Code>,
    /// Code unit of the loop header (an opcode unit, never an EXTENDED_ARG prefix).
    pub header: u32,
    /// `Vm::depth` of the frame being recorded.
    pub depth: usize,
    stack_base: u32,
    /// Where `stack` starts: the loop header's stack depth (`Trace::header_sp`), lower while
    /// the path has popped below it (an inner loop's iterator, on its way around an outer
    /// loop); an inlined callee's stack base.
    floor: u32,
    trace: Trace,
    /// What the path knows of each slot below `floor`: loaded or written.
    slots: HashMap<u32, Sym>,
    /// Slots written by the path (or before the exit it starts from), in order.
    written: Vec<u32>,
    /// The snapshot a side trace starts from (None: recording the root).
    from: Option<SnapId>,
    /// The path's number in the log.
    pub id: u32,
    /// Arena lengths before this path (insts, snaps, consts, bindings, loaded), to roll back.
    mark: [usize; 5],
    recorded: Vec<Recorded>,
    /// The frames of the Python functions the trace entered, innermost last (empty: recording
    /// the loop's own frame).
    callers: Vec<Caller>,
    /// While inside an inlined call: the snapshot before the outermost call, where every
    /// guard of the callees exits (the interpreter then makes the whole call again).
    call_snap: Option<SnapId>,
    /// The Tick counting the outermost inlined call's steps (and those of the calls it makes).
    call_tick: Option<Ref>,
    /// An inlined call changed something outside its frame (a list write): no guard may
    /// follow before it returns, since making the call again would repeat the change.
    effect: bool,
    /// The globals of the loop's frame (a module's names, for module-level code).
    globals: Rc<PyDict>,
    /// Names the loop's code assigns (STORE_NAME, STORE_GLOBAL): read from their dict entry
    /// on every use, never taken as constants.
    assigned: Rc<HashSet<String>>,
    /// What the path knows of names it loaded or stored, by (dict, entry index).
    names: HashMap<(usize, u32), Sym>,
    /// Tags of the slots at the header when recording started.
    entry_tags: Vec<u8>,
    /// The value stack from `floor` up.
    stack: Vec<Sym>,
    /// Where the interpreter must go next (None before the first step).
    expect: Option<u32>,
    started: bool,
    /// The snapshot of the current instruction, once a guard needed it.
    snap_here: Option<SnapId>,
    /// A constant whose value the current instruction pushes at this stack slot: filled in
    /// before the next step.
    fixup: Option<(u32, usize)>,
    /// The UNPACK_SEQUENCE whose items FOR_ITER over an enumerate pushed already.
    unpacked: Option<u32>,
    /// The path made a call through the interpreter (or, recording a side trace, the tree
    /// makes one): slots it reads from now on must hold objects the frame keeps alive.
    called: bool,
    /// The locals the loop's code assigns (`stored_locals`), once a residual call asks.
    stored: std::cell::OnceCell<HashSet<u32>>,
    /// The recording starts at a function's entry (its RESUME), not at a loop header.
    entry: bool,
    /// The loop headers of the loop's code (`loop_headers`), once an entry's path asks.
    headers: std::cell::OnceCell<HashSet<u32>>,
    /// A call the trace makes through the interpreter, whose `CallPy` is emitted at the next
    /// step, once the result's type is known.
    residual: Option<Residual>,
}

/// A residual call recorded up to its arguments (see [`Recorder::residual`]).
#[derive(Clone, Copy)]
struct Residual {
    /// The callee: `Trace::consts[func]`.
    func: u32,
    argc: u32,
    /// The CALL instruction.
    at: u32,
}

/// The recording state of a frame that called an inlined function, put aside until the
/// callee returns.
struct Caller {
    code: Rc<Code>,
    slots: HashMap<u32, Sym>,
    written: Vec<u32>,
    stack: Vec<Sym>,
    stack_base: u32,
    floor: u32,
    /// The CALL instruction, and where the caller goes on after it.
    at: u32,
    resume: u32,
    /// Stack entries the call consumes (the callable, NULL or `self`, the arguments).
    consumed: usize,
}

/// The names `code` assigns or deletes in its namespace (STORE_NAME, STORE_GLOBAL, ...):
/// computed once per loop (`Loop::assigned`), shared by its recordings.
pub fn assigned_names(code: &Code) -> HashSet<String> {
    code.instructions()
        .iter()
        .filter(|i| {
            matches!(
                i.op,
                Opcode::STORE_NAME
                    | Opcode::STORE_GLOBAL
                    | Opcode::DELETE_NAME
                    | Opcode::DELETE_GLOBAL
            )
        })
        .filter_map(|i| code.names.get(i.arg as usize).and_then(Value::as_pystr))
        .map(|s| s.as_str().to_string())
        .collect()
}

/// Whether `op` jumps backward.
fn jumps_back(op: Opcode) -> bool {
    use Opcode::*;
    matches!(
        op,
        JUMP_BACKWARD
            | JUMP_BACKWARD_NO_INTERRUPT
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE
    )
}

/// The locals `code` assigns or deletes.
fn stored_locals(code: &Code) -> HashSet<u32> {
    code.instructions()
        .iter()
        .filter(|i| matches!(i.op, Opcode::STORE_FAST | Opcode::DELETE_FAST))
        .map(|i| i.arg)
        .collect()
}

/// The loop headers of `code`: the instructions backward jumps go to.
fn loop_headers(code: &Code) -> HashSet<u32> {
    code.instructions()
        .iter()
        .filter(|i| jumps_back(i.op))
        .map(|i| opcode_unit(code, code.jump_target(i.at, i.op, i.arg)) as u32)
        .collect()
}

/// Whether code unit `at` is a function's entry (RESUME 0), where a recording may start.
fn at_entry(code: &Code, at: u32) -> bool {
    let at = opcode_unit(code, at as usize);
    code.code
        .get(at)
        .is_some_and(|u| u.op == Opcode::RESUME && u.arg == 0)
}

/// Whether `code` has a loop (a backward jump).
pub fn has_loop(code: &Code) -> bool {
    code.code.iter().any(|u| jumps_back(u.op))
}

/// The opcode unit of the instruction starting (perhaps with EXTENDED_ARG prefixes) at `i`.
pub fn opcode_unit(code: &Code, i: usize) -> usize {
    if i >= code.code.len() {
        return i;
    }
    let (_, op, _, next) = code.decode(i);
    next - 1 - op.caches()
}

/// The index in `runtime::MATH1` of `math.NAME`, given as "math.NAME".
fn math1(name: &str) -> Option<u8> {
    let f = name.strip_prefix("math.")?;
    let i = super::runtime::MATH1.iter().position(|(n, _, _)| *n == f)?;
    Some(i as u8)
}

/// The first unit of the instruction whose opcode unit is `at` (its EXTENDED_ARG prefixes):
/// where the interpreter must resume to run it.
pub fn prefix_start(code: &Code, mut at: usize) -> usize {
    while at > 0 && code.code[at - 1].op == Opcode::EXTENDED_ARG {
        at -= 1;
    }
    at
}

impl Recorder {
    /// Records a new loop (the root of a tree) from its header `f.ip`.
    pub fn new(
        code: Rc<Code>,
        assigned: Rc<HashSet<String>>,
        depth: usize,
        f: &Frame,
        id: u32,
    ) -> Recorder {
        let stack_base = code.localsplus.len() as u32;
        let entry = at_entry(&code, f.ip as u32);
        let entry_tags = f.slots.slice(0..f.sp).iter().map(Value::tag).collect();
        let trace = Trace {
            header_sp: f.sp as u32,
            ..Trace::default()
        };
        Recorder {
            header: opcode_unit(&code, f.ip) as u32,
            code,
            depth,
            stack_base,
            floor: f.sp as u32,
            trace,
            slots: HashMap::new(),
            written: Vec::new(),
            from: None,
            id,
            mark: [0; 5],
            recorded: Vec::new(),
            callers: Vec::new(),
            call_snap: None,
            call_tick: None,
            effect: false,
            globals: f.globals.clone(),
            assigned,
            names: HashMap::new(),
            entry_tags,
            stack: Vec::new(),
            expect: None,
            started: false,
            snap_here: None,
            fixup: None,
            unpacked: None,
            called: false,
            stored: std::cell::OnceCell::new(),
            entry,
            headers: std::cell::OnceCell::new(),
            residual: None,
        }
    }

    /// Records a side trace of `tree` (whose loop header is `header`), from the exit of
    /// snapshot `snap`, where the interpreter resumes now.
    #[allow(clippy::too_many_arguments)]
    pub fn side(
        code: Rc<Code>,
        assigned: Rc<HashSet<String>>,
        globals: Rc<PyDict>,
        header: u32,
        depth: usize,
        tree: Trace,
        snap: SnapId,
        id: u32,
    ) -> Recorder {
        let snapshot = tree.snaps[snap as usize].clone();
        let entry = at_entry(&code, header);
        let floor = tree.header_sp.min(snapshot.sp);
        let called = tree.insts.iter().any(|i| matches!(i, Inst::CallPy { .. }));
        let mut slots = HashMap::new();
        let mut written = Vec::new();
        let mut stack = Vec::new();
        for (slot, sym) in snapshot.slots {
            if slot < floor {
                slots.insert(slot, sym);
                written.push(slot);
            } else {
                stack.push(sym);
            }
        }
        let mark = [
            tree.insts.len(),
            tree.snaps.len(),
            tree.consts.len(),
            tree.bindings.len(),
            tree.loaded.len(),
        ];
        Recorder {
            header,
            stack_base: code.localsplus.len() as u32,
            expect: Some(opcode_unit(&code, snapshot.ip as usize) as u32),
            code,
            depth,
            floor,
            trace: tree,
            slots,
            written,
            from: Some(snap),
            id,
            mark,
            recorded: Vec::new(),
            callers: Vec::new(),
            call_snap: None,
            call_tick: None,
            effect: false,
            globals,
            assigned,
            names: HashMap::new(),
            entry_tags: Vec::new(),
            stack,
            started: true,
            snap_here: None,
            fixup: None,
            unpacked: None,
            called,
            stored: std::cell::OnceCell::new(),
            entry,
            headers: std::cell::OnceCell::new(),
            residual: None,
        }
    }

    /// The tree, with the recorded path added if it closed.
    pub fn take_trace(&mut self) -> Trace {
        std::mem::take(&mut self.trace)
    }

    /// Whether this recording is a side trace (and from which exit).
    pub fn side_of(&self) -> Option<SnapId> {
        self.from
    }

    /// Records the instruction at code unit `at` (about to execute in frame `f`). `tree` is
    /// the number of the compiled tree of the loop whose header `at` is, if there is one.
    pub fn step(
        &mut self,
        f: &Frame,
        builtins: &Rc<PyDict>,
        at: usize,
        op: Opcode,
        arg: u32,
        tree: Option<u32>,
    ) -> Step {
        let at32 = at as u32;
        if let Some((k, pos)) = self.fixup.take() {
            // A constant the previous instruction pushed, known now that it ran.
            match f.slots.slice(0..f.sp).get(pos) {
                Some(v) => self.trace.consts[k as usize] = v.clone(),
                None => return self.abort("lost a pushed value", at32),
            }
        }
        if let Some(call) = self.residual.take() {
            if let Err(reason) = self.returned(f, at, call) {
                return self.abort(&reason, at32);
            }
        }
        let level = self.callers.len();
        if self.started && level == 0 && at32 == self.header && !self.recorded.is_empty() {
            return match self.close(f) {
                Ok(()) => Step::Done(Ok(())),
                Err(reason) => self.abort(&reason, at32),
            };
        }
        if let Some(e) = self.expect {
            if e != at32 {
                return self.abort("the interpreter left the recorded path", at32);
            }
        }
        if !self.started {
            if at32 != self.header || f.sp as u32 != self.trace.header_sp {
                return self.abort("not at the loop header", at32);
            }
            self.started = true;
        }
        if let Some(tree) = tree.filter(|_| level == 0 && self.enters(at32)) {
            return match self.leave_through(f, at, Leave::Tree(tree)) {
                Ok(()) => Step::Done(Ok(())),
                Err(reason) => self.abort(&reason, at32),
            };
        }
        // A yield or a return of the loop's own frame: the path leaves through it.
        let leave = match op {
            Opcode::YIELD_VALUE => Some(Leave::Yield),
            Opcode::RETURN_VALUE => Some(Leave::Return),
            _ => None,
        };
        if let Some(leave) = leave.filter(|_| level == 0) {
            return match self.leave_through(f, at, leave) {
                Ok(()) => Step::Done(Ok(())),
                Err(reason) => self.abort(&reason, at32),
            };
        }
        // A function entry's path enters the trees of the function's loops; it does not
        // record their iterations (it would leave through a guard in the loop's body at every
        // other call).
        if self.entry
            && level == 0
            && self
                .headers
                .get_or_init(|| loop_headers(&self.code))
                .contains(&at32)
        {
            return self.abort("a loop without a compiled tree", at32);
        }
        if self.recorded.len() >= MAX_RECORDED {
            return self.abort("trace too long", at32);
        }
        // Below the header's depth the path must know each entry: it popped them (an inner
        // loop's iterator) and pushes them again on its way back.
        if level == 0
            && (f.sp as u32) < self.trace.header_sp
            && f.sp as u32 != self.floor + self.stack.len() as u32
        {
            return self.abort("the loop was left", at32);
        }
        // A path going around an enclosing loop once is fine; a second time it would unroll
        // that loop (it enters the loop's header instead, above).
        // (Arriving by a backward jump: an instruction reached again otherwise, a loop's
        // closing jump that two branches lead to, is no loop.)
        let jumped_back = self
            .recorded
            .last()
            .is_some_and(|r| r.inlined.is_none() && r.at >= at32);
        if level == 0
            && jumped_back
            && self
                .recorded
                .iter()
                .any(|r| r.at == at32 && r.inlined.is_none())
        {
            return self.abort("a loop inside the trace", at32);
        }
        self.recorded.push(Recorded {
            at: at32,
            inlined: (level > 0).then(|| (self.code.clone(), level as u32)),
        });
        self.snap_here = None;
        // A backward jump is a step for the VM's limits: its Tick exits to the state before
        // the jump (the interpreter then counts the step).
        let tick = (level == 0 && self.may_jump_back(at, op))
            .then(|| self.new_snap(f, at, SnapKind::Tick));
        let fallthrough = opcode_unit(&self.code, self.code.next_instruction(at)) as u32;
        self.expect = Some(fallthrough);
        match self.record(f, builtins, at, op, arg) {
            // The trace entered or left an inlined call: `expect` is in the other frame.
            Ok(()) if self.callers.len() != level => Step::Go,
            Ok(()) if level > 0 => match self.expect {
                Some(e) if e <= at32 => self.abort("a loop in an inlined call", at32),
                _ => Step::Go,
            },
            // Paths may leave the loop and go around enclosing loops on their way back to the
            // header.
            Ok(()) => match self.expect {
                Some(e) if e <= at32 && e > self.header => self.abort("an inner loop", at32),
                Some(e) if e <= at32 => match tick {
                    Some(snap) => {
                        self.emit(Inst::Tick { snap, n: 1 });
                        Step::Go
                    }
                    None => self.abort("an unexpected backward jump", at32),
                },
                _ => Step::Go,
            },
            Err(reason) => self.abort(&reason, at32),
        }
    }

    /// Whether the path, at another loop's header `at` (which has a compiled tree), ends by
    /// entering that tree: an inner loop's (or a later loop's), or an enclosing loop's the
    /// path, or those leading to it, already went around once (a second time would unroll it).
    fn enters(&self, at: u32) -> bool {
        if at == self.header || self.recorded.is_empty() {
            return false;
        }
        let visited = |path: &[Recorded]| path.iter().any(|r| r.at == at && r.inlined.is_none());
        at > self.header
            || visited(&self.recorded)
            || self
                .from
                .is_some_and(|from| self.trace.ancestors(from).any(visited))
    }

    /// Ends the path at `at` with the frame as it stands there: another loop's header, whose
    /// tree the exit enters; or a generator's `yield` or a `return`, the value on the stack,
    /// where the interpreter suspends the generator or returns from the frame. (A generator's
    /// tree runs again when it is resumed and comes back to the loop header.)
    fn leave_through(&mut self, f: &Frame, at: usize, leave: Leave) -> R<()> {
        if self.stack.len() as u32 + self.floor != f.sp as u32 {
            return Err(match leave {
                Leave::Tree(_) => "the stack depth is not known at an inner loop".into(),
                _ => "the stack depth is not known at a yield or return".into(),
            });
        }
        let snap = self.new_snap(f, at, leave.snap_kind());
        self.end_path(Vec::new(), Some((snap, leave)));
        Ok(())
    }

    /// Adds the path recorded to the tree: it goes back to the header with the slot values
    /// `back`, or leaves through a snapshot (`leave`).
    fn end_path(&mut self, back: Vec<(u32, Sym)>, leave: Option<(SnapId, Leave)>) {
        let path = Path {
            id: self.id,
            from: self.from,
            start: self.mark[0] as u32,
            end: self.trace.insts.len() as u32,
            back,
            leave,
            recorded: std::mem::take(&mut self.recorded),
        };
        self.trace.paths.push(path);
    }

    /// Whether the instruction at `at` may jump backward (a compare may, fused with the
    /// conditional jump after it).
    fn may_jump_back(&self, at: usize, op: Opcode) -> bool {
        jumps_back(op)
            || op == Opcode::COMPARE_OP
                && self
                    .code
                    .code
                    .get(self.code.next_instruction(at))
                    .is_some_and(|u| jumps_back(u.op))
    }

    fn abort(&mut self, reason: &str, at: u32) -> Step {
        let retry = matches!(
            reason,
            "the loop was left" | "the loop ends while recording"
        );
        // Inside an inlined call: said of the callee, placed at the loop's outermost call.
        let (reason, at) = match self.callers.first() {
            Some(outer) => (
                format!(
                    "{reason} in inlined '{}' (line {})",
                    self.code.qualname,
                    self.code.line_of(at as usize)
                ),
                outer.at,
            ),
            None => (reason.to_string(), at),
        };
        let [insts, snaps, consts, bindings, loaded] = self.mark;
        self.trace.insts.truncate(insts);
        self.trace.snaps.truncate(snaps);
        self.trace.consts.truncate(consts);
        self.trace.bindings.truncate(bindings);
        self.trace.loaded.truncate(loaded);
        Step::Done(Err(Abort { reason, at, retry }))
    }

    fn emit(&mut self, inst: Inst) -> Ref {
        self.trace.insts.push(inst);
        (self.trace.insts.len() - 1) as Ref
    }

    fn konst(&mut self, v: Value) -> u32 {
        self.trace.consts.push(v);
        (self.trace.consts.len() - 1) as u32
    }

    /// The snapshot of the frame as it is before the current instruction; inside an inlined
    /// call, the snapshot before the outermost call.
    fn snap(&mut self, f: &Frame, at: usize) -> R<SnapId> {
        if let Some(s) = self.call_snap {
            if self.effect {
                return Err("a guard after a side effect in an inlined call".into());
            }
            return Ok(s);
        }
        if let Some(s) = self.snap_here {
            return Ok(s);
        }
        let id = self.new_snap(f, at, SnapKind::Guard);
        self.snap_here = Some(id);
        Ok(id)
    }

    /// A new snapshot of the frame as it is before the current instruction.
    fn new_snap(&mut self, f: &Frame, at: usize, kind: SnapKind) -> SnapId {
        let mut slots: Vec<(u32, Sym)> = self
            .written
            .iter()
            .filter(|s| **s < self.floor)
            .map(|s| (*s, self.slots[s]))
            .collect();
        for (k, sym) in self.stack.iter().enumerate() {
            slots.push((self.floor + k as u32, *sym));
        }
        let snap = Snapshot {
            ip: prefix_start(&self.code, at) as u32,
            sp: f.sp as u32,
            slots,
            kind,
            step: self.recorded.len() as u32,
            refund: 0,
        };
        self.trace.snaps.push(snap);
        (self.trace.snaps.len() - 1) as SnapId
    }

    /// The symbol for slot `slot` (a local, or a stack entry below the header's depth), loading
    /// it from the frame on first use.
    fn slot(&mut self, f: &Frame, slot: u32) -> R<Sym> {
        if let Some(s) = self.slots.get(&slot) {
            return Ok(*s);
        }
        if !self.callers.is_empty() {
            return Err("a local the inlined call has not set".into());
        }
        let sym = match self.loaded(slot) {
            Some(s) => s,
            None => {
                let sym = self.load(slot, &f.slots[slot as usize])?;
                self.trace.loaded.push((slot, sym));
                sym
            }
        };
        if self.called && !self.frame_holds(sym) {
            return Err(format!("{sym} read after a call through the interpreter"));
        }
        self.slots.insert(slot, sym);
        Ok(sym)
    }

    /// IR loading a slot holding (at recording time) `v`.
    fn load(&mut self, slot: u32, v: &Value) -> R<Sym> {
        let t = v.tag();
        let r = self.emit(Inst::SLoad { slot, tag: t });
        // The loop's own range or list iterator: its state is kept in registers.
        if let (Value::Iterator(it), true) = (v, self.header_iterator(slot)) {
            let kind = match &*it.kind.borrow() {
                IterKind::Range { .. } => Some(ITER_RANGE),
                IterKind::List { .. } => Some(ITER_LIST),
                IterKind::Enumerate {
                    inner: Value::Iterator(inner),
                    count: Value::Int(_),
                } if matches!(&*inner.kind.borrow(), IterKind::List { .. }) => Some(ITER_ENUM_LIST),
                _ => None,
            };
            if let Some(kind) = kind {
                // (A comprehension's iterator is its argument `.0` as well, and the argument
                // of the call a list comprehension runs in.)
                let hidden = (slot != 0
                    && self
                        .code
                        .localsplus
                        .first()
                        .is_some_and(|n| n.starts_with('.')))
                .then_some((0, if self.code.is_generator() { 1 } else { 2 }));
                let unpack = self.emit(Inst::IterUnpack {
                    iter: r,
                    kind,
                    hidden,
                });
                let mut word = |word: u8, ty: Ty| self.emit(Inst::IterWord { unpack, word, ty });
                return Ok(if kind == ITER_RANGE {
                    Sym::RangeIter {
                        next: word(0, Ty::I64),
                        left: word(1, Ty::I64),
                        step: word(2, Ty::I64),
                        backed: true,
                    }
                } else if kind == ITER_ENUM_LIST {
                    Sym::EnumIter {
                        count: word(0, Ty::I64),
                        list: word(1, Ty::Ptr),
                        index: word(2, Ty::I64),
                        backed: true,
                    }
                } else {
                    Sym::ListIter {
                        list: word(0, Ty::Ptr),
                        index: word(1, Ty::I64),
                        backed: true,
                    }
                });
            }
        }
        Ok(match v {
            Value::Null => return Err("unbound local".into()),
            Value::Int(_) => Sym::Int(r),
            Value::Float(_) => Sym::Float(r),
            Value::Bool(_) => Sym::Bool(r),
            Value::None => Sym::Const(self.konst(Value::None)),
            Value::Complex(_) => self.complex_parts(r),
            Value::List(_)
            | Value::Iterator(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Cell(_) => Sym::Obj { tag: t, ptr: r },
            _ => {
                return Err(format!(
                    "a local of type '{}'",
                    crate::vm::types::type_name(v)
                ))
            }
        })
    }

    /// Whether `slot` holds the iterator of the loop's `for` (below the header's depth, at the
    /// header's FOR_ITER).
    fn header_iterator(&self, slot: u32) -> bool {
        self.callers.is_empty()
            && slot + 1 == self.trace.header_sp
            && self
                .code
                .code
                .get(self.header as usize)
                .is_some_and(|u| u.op == Opcode::FOR_ITER)
    }

    fn write(&mut self, slot: u32, sym: Sym) {
        if !self.written.contains(&slot) {
            self.written.push(slot);
        }
        self.slots.insert(slot, sym);
    }

    fn push(&mut self, s: Sym) {
        self.stack.push(s);
    }

    fn pop(&mut self) -> R<Sym> {
        self.stack
            .pop()
            .ok_or_else(|| "the stack went below the loop header's depth".to_string())
    }

    /// Pops the top of the stack, which at the loop's level may lie below the header's depth
    /// (an inner loop's iterator, when the loop ends or a `break` leaves it).
    fn drop_top(&mut self, f: &Frame) -> R<Sym> {
        if !self.stack.is_empty() || !self.callers.is_empty() || self.floor <= self.stack_base {
            return self.pop();
        }
        let slot = self.floor - 1;
        let sym = self.slot(f, slot)?;
        self.floor = slot;
        self.slots.remove(&slot);
        self.written.retain(|s| *s != slot);
        Ok(sym)
    }

    /// FOR_ITER over an iterator kept in registers: the next value, or the end of the loop.
    fn for_iter_virtual(&mut self, f: &Frame, at: usize, op: Opcode, arg: u32, it: Sym) -> R<()> {
        let snap = self.snap(f, at)?;
        let Value::Iterator(concrete) = self.concrete(f, 1) else {
            return Err("FOR_ITER over a non-iterator".into());
        };
        // The value the interpreter is about to take (None: the iterator is exhausted).
        let next_tag = match (&*concrete.kind.borrow(), it) {
            (IterKind::Range { remaining, .. }, Sym::RangeIter { .. }) => {
                (*remaining > 0).then_some(tag::INT)
            }
            (IterKind::List { list, index }, Sym::ListIter { .. }) => {
                list.items.borrow().get(*index).map(Value::tag)
            }
            (
                IterKind::Enumerate {
                    inner: Value::Iterator(inner),
                    ..
                },
                Sym::EnumIter { .. },
            ) => match &*inner.kind.borrow() {
                IterKind::List { list, index } => list.items.borrow().get(*index).map(Value::tag),
                _ => return Err("an iterator of another kind than recorded".into()),
            },
            _ => return Err("an iterator of another kind than recorded".into()),
        };
        if next_tag.is_none() && self.from.is_none() && at as u32 == self.header {
            return Err("the loop ends while recording".into());
        }
        // The iterator advanced and the value taken (None: the loop ends).
        let advanced = match (it, next_tag) {
            (
                Sym::RangeIter {
                    next,
                    left,
                    step,
                    backed,
                },
                t,
            ) => {
                let zero = self.int_const(0);
                let more = self.emit(Inst::ICmp {
                    cc: Cc::Gt,
                    a: left,
                    b: zero,
                });
                self.guard(f, at, more, t.is_some())?;
                if t.is_none() {
                    None
                } else {
                    let one = self.int_const(1);
                    // (The count left bounds the steps: wrapping past the end is never seen.)
                    let it = Sym::RangeIter {
                        next: self.emit(Inst::IArithBounded {
                            op: Arith::Add,
                            a: next,
                            b: step,
                            bound: more,
                        }),
                        left: self.emit(Inst::IArithBounded {
                            op: Arith::Sub,
                            a: left,
                            b: one,
                            bound: more,
                        }),
                        step,
                        backed,
                    };
                    Some((it, Sym::Int(next)))
                }
            }
            (
                Sym::ListIter {
                    list,
                    index,
                    backed,
                },
                Some(t),
            ) => {
                let (item, index) = self.list_next(list, index, t, snap);
                let it = Sym::ListIter {
                    list,
                    index,
                    backed,
                };
                Some((it, self.item_sym(t, item)?))
            }
            // The pair is never made: the UNPACK_SEQUENCE after FOR_ITER takes its parts.
            (
                Sym::EnumIter {
                    count,
                    list,
                    index,
                    backed,
                },
                Some(t),
            ) => {
                let then = self.code.next_instruction(at);
                match self.code.code.get(then) {
                    Some(u) if u.op == Opcode::UNPACK_SEQUENCE && u.arg == 2 => {}
                    _ => return Err("an enumerate's pair not unpacked at once".into()),
                }
                let (item, index) = self.list_next(list, index, t, snap);
                let one = self.int_const(1);
                let it = Sym::EnumIter {
                    count: self.emit(Inst::IArith {
                        op: Arith::Add,
                        a: count,
                        b: one,
                        snap,
                    }),
                    list,
                    index,
                    backed,
                };
                let value = self.item_sym(t, item)?;
                self.unpacked = Some(then as u32);
                match self.stack.last_mut() {
                    Some(top) => *top = it,
                    None => self.write(self.floor - 1, it),
                }
                self.push(value);
                self.push(Sym::Int(count));
                return Ok(());
            }
            (Sym::ListIter { list, index, .. } | Sym::EnumIter { list, index, .. }, None) => {
                let len = self.emit(Inst::ListLen(list));
                let more = self.emit(Inst::ICmp {
                    cc: Cc::Lt,
                    a: index,
                    b: len,
                });
                self.guard(f, at, more, false)?;
                None
            }
            _ => return Err("FOR_ITER over this kind of iterator".into()),
        };
        match advanced {
            Some((it, value)) => {
                match self.stack.last_mut() {
                    Some(top) => *top = it,
                    None => self.write(self.floor - 1, it),
                }
                self.push(value);
            }
            None => {
                self.drop_top(f)?;
                self.expect =
                    Some(opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32);
            }
        }
        Ok(())
    }

    /// A list iterator's next item (of tag `t`, guarded) and its next index.
    fn list_next(&mut self, list: Ref, index: Ref, t: u8, snap: SnapId) -> (Ref, Ref) {
        let item = self.emit(Inst::ListItem {
            list,
            index,
            tag: t,
            snap,
        });
        let one = self.int_const(1);
        let next = self.emit(Inst::IArithBounded {
            op: Arith::Add,
            a: index,
            b: one,
            bound: item,
        });
        (item, next)
    }

    /// The stack entry `k` places from the top (1 = top), which may lie below the header.
    fn peek(&mut self, f: &Frame, k: usize) -> R<Sym> {
        if k <= self.stack.len() {
            return Ok(self.stack[self.stack.len() - k]);
        }
        let below = k - self.stack.len();
        let slot = (self.floor as usize)
            .checked_sub(below)
            .filter(|s| *s >= self.stack_base as usize)
            .ok_or("stack underflow")?;
        self.slot(f, slot as u32)
    }

    /// The concrete value `k` places from the top of the interpreter's stack.
    fn concrete<'f>(&self, f: &'f Frame, k: usize) -> &'f Value {
        &f.slots[f.sp - k]
    }

    fn int_const(&mut self, v: i64) -> Ref {
        self.emit(Inst::ConstI(v))
    }

    fn float_const(&mut self, v: f64) -> Ref {
        self.emit(Inst::ConstF(v))
    }

    /// A symbol for a constant value: numbers become IR constants.
    fn const_sym(&mut self, v: &Value) -> Sym {
        match v {
            Value::Int(i) => Sym::Int(self.int_const(*i)),
            Value::Float(x) => Sym::Float(self.float_const(*x)),
            Value::Bool(b) => Sym::Bool(self.emit(Inst::ConstB(*b))),
            Value::Complex(c) => {
                let (re, im) = (c.re, c.im);
                Sym::Complex(self.float_const(re), self.float_const(im))
            }
            other => Sym::Const(self.konst(other.clone())),
        }
    }

    /// A float operand: floats as they are, ints converted (exact below 2**53; CPython rounds
    /// the same way above it).
    fn as_float(&mut self, s: Sym) -> Option<Ref> {
        match s {
            Sym::Float(r) => Some(r),
            Sym::Int(r) => Some(match self.trace.insts[r as usize] {
                Inst::ConstI(v) => self.float_const(v as f64),
                _ => self.emit(Inst::IToF(r)),
            }),
            _ => None,
        }
    }

    /// A bool as an int (0 or 1); any other symbol as it is.
    fn bool_as_int(&mut self, s: Sym) -> Sym {
        match s {
            Sym::Bool(r) => Sym::Int(match self.trace.insts[r as usize] {
                Inst::ConstB(v) => self.int_const(v as i64),
                _ => self.emit(Inst::BToI(r)),
            }),
            other => other,
        }
    }

    /// A complex operand, as CPython 3.11 converts floats and ints to complex: `(x, 0.0)`.
    fn as_complex(&mut self, s: Sym) -> Option<(Ref, Ref)> {
        match s {
            Sym::Complex(re, im) => Some((re, im)),
            Sym::Float(_) | Sym::Int(_) => {
                let re = self.as_float(s)?;
                Some((re, self.float_const(0.0)))
            }
            _ => None,
        }
    }

    /// The truth of a symbol as a Bool IR value (None: not supported).
    fn truth(&mut self, s: Sym) -> R<Ref> {
        Ok(match s {
            Sym::Bool(r) => r,
            Sym::Int(r) => {
                let z = self.int_const(0);
                self.emit(Inst::ICmp {
                    cc: Cc::Ne,
                    a: r,
                    b: z,
                })
            }
            Sym::Float(r) => {
                let z = self.float_const(0.0);
                self.emit(Inst::FCmp {
                    cc: Cc::Ne,
                    a: r,
                    b: z,
                })
            }
            Sym::Obj {
                tag: tag::LIST,
                ptr,
            } => {
                let n = self.emit(Inst::ListLen(ptr));
                let z = self.int_const(0);
                self.emit(Inst::ICmp {
                    cc: Cc::Ne,
                    a: n,
                    b: z,
                })
            }
            Sym::Const(i) if self.trace.consts[i as usize].is_none() => {
                self.emit(Inst::ConstB(false))
            }
            other => return Err(format!("truth of {other}")),
        })
    }

    fn record(
        &mut self,
        f: &Frame,
        builtins: &Rc<PyDict>,
        at: usize,
        op: Opcode,
        arg: u32,
    ) -> R<()> {
        use Opcode::*;
        match op {
            NOP | RESUME | CACHE | EXTENDED_ARG | PRECALL => {}
            LOAD_FAST => {
                if f.slots[arg as usize].is_null() {
                    return Err("unbound local".into());
                }
                let s = self.slot(f, arg)?;
                self.push(s);
            }
            STORE_FAST => {
                let s = self.pop()?;
                self.write(arg, s);
            }
            LOAD_CONST => {
                let v = self.code.consts[arg as usize].clone();
                let s = self.const_sym(&v);
                self.push(s);
            }
            LIST_APPEND => {
                let value = self.pop()?;
                let list = self.peek(f, arg as usize)?;
                self.append(list, value)?;
            }
            POP_TOP => {
                self.drop_top(f)?;
            }
            LOAD_DEREF => {
                let Sym::Obj {
                    tag: tag::CELL,
                    ptr,
                } = self.slot(f, arg)?
                else {
                    return Err("LOAD_DEREF of a variable not in a cell".into());
                };
                let Value::Cell(c) = &f.slots[arg as usize] else {
                    return Err("LOAD_DEREF of a variable not in a cell".into());
                };
                let t = c.value.borrow().tag();
                let snap = self.snap(f, at)?;
                let r = self.emit(Inst::CellGet {
                    cell: ptr,
                    tag: t,
                    snap,
                });
                let s = self.item_sym(t, r)?;
                self.push(s);
            }
            STORE_DEREF => {
                let cell = self.slot(f, arg)?;
                let value = self.peek(f, 1)?;
                match (cell, value) {
                    (
                        Sym::Obj {
                            tag: tag::CELL,
                            ptr,
                        },
                        Sym::Int(_) | Sym::Float(_) | Sym::Bool(_) | Sym::Complex(..),
                    ) => {
                        let snap = self.snap(f, at)?;
                        self.effect = !self.callers.is_empty();
                        self.emit(Inst::CellSet {
                            cell: ptr,
                            value,
                            snap,
                        });
                        self.pop()?;
                    }
                    (c, v) => return Err(format!("STORE_DEREF of {v} into {c}")),
                }
            }
            GET_ITER => {
                let s = self.pop()?;
                let it = match s {
                    // iter() of an iterator is the iterator itself.
                    Sym::RangeIter { .. }
                    | Sym::ListIter { .. }
                    | Sym::EnumIter { .. }
                    | Sym::Obj {
                        tag: tag::ITERATOR, ..
                    } => s,
                    Sym::Obj {
                        tag: tag::LIST,
                        ptr,
                    } => Sym::ListIter {
                        list: ptr,
                        index: self.int_const(0),
                        backed: false,
                    },
                    other => return Err(format!("GET_ITER of {other}")),
                };
                self.push(it);
            }
            PUSH_NULL => self.push(Sym::Null),
            COPY => {
                let s = self.peek(f, arg as usize)?;
                if s.is_virtual_iter() {
                    return Err("a copy of an iterator".into());
                }
                self.push(s);
            }
            SWAP => {
                let n = arg as usize;
                if n > self.stack.len() {
                    return Err("SWAP below the loop header".into());
                }
                let len = self.stack.len();
                self.stack.swap(len - 1, len - n);
            }
            BINARY_OP => self.binary_op(f, at, arg)?,
            COMPARE_OP => self.compare(f, at, arg)?,
            UNARY_NOT => {
                let s = self.pop()?;
                let t = self.truth(s)?;
                let r = self.emit(Inst::Not(t));
                self.push(Sym::Bool(r));
            }
            UNARY_NEGATIVE => {
                let s = self.peek(f, 1)?;
                let r = match s {
                    Sym::Int(a) => {
                        let snap = self.snap(f, at)?;
                        Sym::Int(self.emit(Inst::INeg { a, snap }))
                    }
                    Sym::Float(a) => Sym::Float(self.emit(Inst::FNeg(a))),
                    Sym::Complex(re, im) => {
                        Sym::Complex(self.emit(Inst::FNeg(re)), self.emit(Inst::FNeg(im)))
                    }
                    other => return Err(format!("-{other}")),
                };
                self.pop()?;
                self.push(r);
            }
            POP_JUMP_FORWARD_IF_FALSE
            | POP_JUMP_FORWARD_IF_TRUE
            | POP_JUMP_BACKWARD_IF_FALSE
            | POP_JUMP_BACKWARD_IF_TRUE => {
                let s = self.peek(f, 1)?;
                let truth = self.truth(s)?;
                let taken_if = matches!(op, POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE);
                let value = self.concrete_truth(self.concrete(f, 1))?;
                self.guard(f, at, truth, value)?;
                self.pop()?;
                if value == taken_if {
                    self.expect =
                        Some(opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32);
                }
            }
            POP_JUMP_FORWARD_IF_NONE
            | POP_JUMP_FORWARD_IF_NOT_NONE
            | POP_JUMP_BACKWARD_IF_NONE
            | POP_JUMP_BACKWARD_IF_NOT_NONE => {
                // The symbol's type is guarded already: whether it is None is known.
                let s = self.pop()?;
                let none = match s {
                    Sym::Const(i) => self.trace.consts[i as usize].is_none(),
                    Sym::Null => return Err("NULL tested for None".into()),
                    _ => false,
                };
                let taken_if = matches!(op, POP_JUMP_FORWARD_IF_NONE | POP_JUMP_BACKWARD_IF_NONE);
                if none == taken_if {
                    self.expect =
                        Some(opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32);
                }
            }
            JUMP_IF_FALSE_OR_POP | JUMP_IF_TRUE_OR_POP => {
                let s = self.peek(f, 1)?;
                let truth = self.truth(s)?;
                let value = self.concrete_truth(self.concrete(f, 1))?;
                self.guard(f, at, truth, value)?;
                if value == (op == JUMP_IF_TRUE_OR_POP) {
                    self.expect =
                        Some(opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32);
                } else {
                    self.pop()?;
                }
            }
            JUMP_FORWARD => {
                self.expect =
                    Some(opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32);
            }
            JUMP_BACKWARD => {
                let target = opcode_unit(&self.code, self.code.jump_target(at, op, arg)) as u32;
                self.expect = Some(target);
            }
            FOR_ITER => {
                let it = self.peek(f, 1)?;
                if it.is_virtual_iter() {
                    return self.for_iter_virtual(f, at, op, arg, it);
                }
                let Sym::Obj {
                    tag: tag::ITERATOR,
                    ptr,
                } = it
                else {
                    return Err(format!("FOR_ITER over {it}"));
                };
                let Value::Iterator(concrete) = self.concrete(f, 1) else {
                    return Err("FOR_ITER over a non-iterator".into());
                };
                let snap = self.snap(f, at)?;
                self.effect = !self.callers.is_empty();
                let next = match &*concrete.kind.borrow() {
                    IterKind::Range { remaining, .. } if *remaining > 0 => {
                        Sym::Int(self.emit(Inst::RangeNext { iter: ptr, snap }))
                    }
                    kind @ (IterKind::List { .. } | IterKind::Tuple { .. }) => {
                        let t = match kind {
                            IterKind::List { list, index } => {
                                list.items.borrow().get(*index).map(Value::tag)
                            }
                            IterKind::Tuple { tuple, index } => {
                                tuple.items.get(*index).map(Value::tag)
                            }
                            _ => None,
                        };
                        let Some(t) = t else {
                            return Err("the loop ends while recording".into());
                        };
                        let r = self.emit(Inst::ItemIterNext {
                            iter: ptr,
                            tag: t,
                            snap,
                        });
                        self.item_sym(t, r)?
                    }
                    IterKind::Range { .. } => return Err("the loop ends while recording".into()),
                    _ => return Err("FOR_ITER over this kind of iterator".into()),
                };
                self.push(next);
            }
            BINARY_SUBSCR => {
                let index = self.peek(f, 1)?;
                let container = self.peek(f, 2)?;
                let (ptr, i, seq_tag) = match (container, index) {
                    (Sym::Obj { tag: t, ptr }, Sym::Int(i))
                        if t == tag::LIST || t == tag::TUPLE =>
                    {
                        (ptr, i, t)
                    }
                    (c, i) => return Err(format!("subscript {c}[{i}]")),
                };
                // The item's type now, which the trace guards.
                let t = match (self.concrete(f, 2), self.concrete(f, 1)) {
                    (Value::List(l), Value::Int(ci)) => {
                        let items = l.items.borrow();
                        crate::vm::collections::normalize(*ci, items.len()).map(|k| items[k].tag())
                    }
                    (Value::Tuple(tu), Value::Int(ci)) => {
                        crate::vm::collections::normalize(*ci, tu.items.len())
                            .map(|k| tu.items[k].tag())
                    }
                    _ => return Err("subscript types changed".into()),
                };
                let Some(t) = t else {
                    return Err("index out of range while recording".into());
                };
                let snap = self.snap(f, at)?;
                let r = self.emit(if seq_tag == tag::LIST {
                    Inst::ListItem {
                        list: ptr,
                        index: i,
                        tag: t,
                        snap,
                    }
                } else {
                    Inst::TupleItem {
                        tuple: ptr,
                        index: i,
                        tag: t,
                        snap,
                    }
                });
                let item = self.item_sym(t, r)?;
                self.pop()?;
                self.pop()?;
                self.push(item);
            }
            STORE_SUBSCR => {
                let index = self.peek(f, 1)?;
                let container = self.peek(f, 2)?;
                let value = self.peek(f, 3)?;
                match (container, index, value) {
                    (
                        Sym::Obj {
                            tag: tag::LIST,
                            ptr,
                        },
                        Sym::Int(i),
                        Sym::Int(_) | Sym::Float(_) | Sym::Bool(_) | Sym::Complex(..),
                    ) => {
                        let snap = self.snap(f, at)?;
                        self.effect = !self.callers.is_empty();
                        self.emit(Inst::ListStore {
                            list: ptr,
                            index: i,
                            value,
                            snap,
                        });
                        for _ in 0..3 {
                            self.pop()?;
                        }
                    }
                    (c, i, v) => return Err(format!("store {c}[{i}] = {v}")),
                }
            }
            LOAD_GLOBAL => {
                let name = self.code.names[(arg >> 1) as usize].clone();
                let s = self.name(f, builtins, at, &name)?;
                if arg & 1 != 0 {
                    self.push(Sym::Null);
                }
                self.push(s);
            }
            LOAD_NAME | STORE_NAME
                if f.locals
                    .as_ref()
                    .is_some_and(|l| !Rc::ptr_eq(l, &f.globals)) =>
            {
                return Err("names in a class body or exec namespace".into())
            }
            LOAD_NAME => {
                let name = self.code.names[arg as usize].clone();
                let s = self.name(f, builtins, at, &name)?;
                self.push(s);
            }
            STORE_NAME | STORE_GLOBAL => {
                let name = self.code.names[arg as usize].clone();
                self.store_name(f, at, &name)?;
            }
            LOAD_ATTR | LOAD_METHOD => {
                let obj = self.peek(f, 1)?;
                let name = self.code.names[arg as usize].clone();
                let name_str = name
                    .as_pystr()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default();
                let r = match obj {
                    Sym::Complex(re, _) if op == LOAD_ATTR && name_str == "real" => Sym::Float(re),
                    Sym::Complex(_, im) if op == LOAD_ATTR && name_str == "imag" => Sym::Float(im),
                    Sym::Const(i) => {
                        let Value::Module(m) = self.trace.consts[i as usize].clone() else {
                            return Err(format!("attribute '{name_str}' of a constant"));
                        };
                        let what = format!("{}.{name_str}", m.name);
                        let v = self.bind(f, at, &m.dict, &name_str, what)?;
                        self.const_sym(&v)
                    }
                    Sym::Obj { tag: tag::LIST, .. }
                        if op == LOAD_METHOD && name_str == "append" =>
                    {
                        // Built-in types cannot change: the method is what the interpreter
                        // finds now, read once it has pushed it.
                        let k = self.konst(Value::None);
                        self.fixup = Some((k, f.sp - 1));
                        self.pop()?;
                        self.push(Sym::Const(k));
                        self.push(obj);
                        return Ok(());
                    }
                    other => return Err(format!("attribute '{name_str}' of {other}")),
                };
                self.pop()?;
                if op == LOAD_METHOD {
                    self.push(Sym::Null);
                }
                self.push(r);
            }
            CALL => self.call(f, at, arg as usize)?,
            RETURN_VALUE => self.leave()?,
            // An enumerate's pair, unpacked by FOR_ITER already.
            UNPACK_SEQUENCE if self.unpacked.take() == Some(at as u32) => {}
            UNPACK_SEQUENCE => self.unpack(f, at, arg as usize)?,
            _ => return Err(format!("{} not supported", op.name())),
        }
        Ok(())
    }

    /// UNPACK_SEQUENCE of a list or tuple of the right length: its items, first on top.
    fn unpack(&mut self, f: &Frame, at: usize, n: usize) -> R<()> {
        let seq = self.peek(f, 1)?;
        let tags: Vec<u8> = match self.concrete(f, 1) {
            Value::Tuple(t) if t.items.len() == n => t.items.iter().map(Value::tag).collect(),
            Value::List(l) if l.items.borrow().len() == n => {
                l.items.borrow().iter().map(Value::tag).collect()
            }
            _ => return Err("unpacking of this value".into()),
        };
        let (ptr, tuple) = match seq {
            Sym::Obj {
                tag: tag::TUPLE,
                ptr,
            } => (ptr, true),
            Sym::Obj {
                tag: tag::LIST,
                ptr,
            } => (ptr, false),
            other => return Err(format!("unpacking of {other}")),
        };
        let snap = self.snap(f, at)?;
        let len = self.emit(if tuple {
            Inst::TupleLen(ptr)
        } else {
            Inst::ListLen(ptr)
        });
        let want = self.int_const(n as i64);
        let same = self.emit(Inst::ICmp {
            cc: Cc::Eq,
            a: len,
            b: want,
        });
        self.guard(f, at, same, true)?;
        let mut items = Vec::with_capacity(n);
        for (k, &t) in tags.iter().enumerate() {
            let index = self.int_const(k as i64);
            let r = self.emit(if tuple {
                Inst::TupleItem {
                    tuple: ptr,
                    index,
                    tag: t,
                    snap,
                }
            } else {
                Inst::ListItem {
                    list: ptr,
                    index,
                    tag: t,
                    snap,
                }
            });
            items.push(self.item_sym(t, r)?);
        }
        self.pop()?;
        for item in items.into_iter().rev() {
            self.push(item);
        }
        Ok(())
    }

    /// The complex number whose box `r` points to, as its two parts.
    fn complex_parts(&mut self, r: Ref) -> Sym {
        let re = self.emit(Inst::ComplexRe(r));
        let im = self.emit(Inst::ComplexIm(r));
        Sym::Complex(re, im)
    }

    /// The symbol of a list item of tag `t` read into IR value `r`.
    fn item_sym(&mut self, t: u8, r: Ref) -> R<Sym> {
        Ok(match t {
            tag::INT => Sym::Int(r),
            tag::FLOAT => Sym::Float(r),
            tag::BOOL => Sym::Bool(r),
            tag::COMPLEX => self.complex_parts(r),
            tag::LIST | tag::TUPLE => Sym::Obj { tag: t, ptr: r },
            _ => return Err("an item of an unsupported type".into()),
        })
    }

    fn concrete_truth(&self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(x) => *x != 0.0,
            Value::None => false,
            Value::List(l) => !l.items.borrow().is_empty(),
            _ => return Err("truth of an unsupported type".into()),
        })
    }

    /// A guard that `cond` is `value`, exiting to the snapshot before the instruction at `at`.
    fn guard(&mut self, f: &Frame, at: usize, cond: Ref, value: bool) -> R<()> {
        if let Inst::ConstB(b) = self.trace.insts[cond as usize] {
            return if b == value {
                Ok(())
            } else {
                Err("a constant condition disagrees".into())
            };
        }
        let snap = self.snap(f, at)?;
        self.emit(Inst::Guard {
            cond,
            expect: value,
            snap,
        });
        Ok(())
    }

    /// A name looked up in `dict` (entry and value guarded by a binding).
    fn bind(
        &mut self,
        f: &Frame,
        at: usize,
        dict: &Rc<PyDict>,
        name: &str,
        what: String,
    ) -> R<Value> {
        let table = dict.table();
        let hash = crate::objects::str::str_hash(name);
        let Some(index) = table.find_str(hash, name) else {
            return Err(format!("name '{name}' not found"));
        };
        let value = table.value_at(index).cloned().unwrap_or(Value::None);
        let binding = Binding {
            dict: dict.clone(),
            version: table.keys_version(),
            index: index as u32,
            expected: value.clone(),
            what,
        };
        drop(table);
        self.trace.bindings.push(Box::new(binding));
        let b = (self.trace.bindings.len() - 1) as u32;
        let snap = self.snap(f, at)?;
        self.emit(Inst::GuardBinding { binding: b, snap });
        Ok(value)
    }

    /// LOAD_GLOBAL: the module's globals, then the builtins (whose binding also requires the
    /// name to stay absent from the globals).
    fn global(&mut self, f: &Frame, builtins: &Rc<PyDict>, at: usize, name: &Value) -> R<Value> {
        let name = name
            .as_pystr()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let hash = crate::objects::str::str_hash(&name);
        let in_globals = f.globals.table().find_str(hash, &name).is_some();
        if in_globals {
            return self.bind(f, at, &f.globals, &name, name.clone());
        }
        // The globals must keep not having the name: their keys version stays the same.
        let version = f.globals.table().keys_version();
        self.trace.bindings.push(Box::new(Binding {
            dict: f.globals.clone(),
            version,
            index: u32::MAX,
            expected: Value::Null,
            what: format!("{name} (not a global)"),
        }));
        let b = (self.trace.bindings.len() - 1) as u32;
        let snap = self.snap(f, at)?;
        self.emit(Inst::GuardBinding { binding: b, snap });
        self.bind(f, at, builtins, &name, name.clone())
    }

    /// LOAD_GLOBAL and LOAD_NAME: a name the loop assigns is read from its dict entry each
    /// time; any other is a constant guarded by a binding.
    fn name(&mut self, f: &Frame, builtins: &Rc<PyDict>, at: usize, name: &Value) -> R<Sym> {
        let text = name.as_pystr().map(|s| s.as_str()).unwrap_or_default();
        let entry = self.assigned_entry(f, text);
        if let Some((key, value, version)) = &entry {
            if let Some(s) = self.names.get(key) {
                return Ok(*s);
            }
            if matches!(
                value,
                Value::Int(_)
                    | Value::Float(_)
                    | Value::Bool(_)
                    | Value::Complex(_)
                    | Value::List(_)
                    | Value::Tuple(_)
            ) {
                let t = value.tag();
                let b = self.name_binding(key.1, *version, text);
                let snap = self.snap(f, at)?;
                let r = self.emit(Inst::NameLoad {
                    binding: b,
                    tag: t,
                    snap,
                });
                let s = self.item_sym(t, r)?;
                self.names.insert(*key, s);
                return Ok(s);
            }
            if self.tree_stores(*key) {
                return Err(format!("the loop assigns '{text}' another type"));
            }
        }
        let v = self.global(f, builtins, at, name)?;
        Ok(self.const_sym(&v))
    }

    /// STORE_NAME and STORE_GLOBAL of a number, into the name's existing dict entry.
    fn store_name(&mut self, f: &Frame, at: usize, name: &Value) -> R<()> {
        let text = name.as_pystr().map(|s| s.as_str()).unwrap_or_default();
        if !self.callers.is_empty() {
            return Err("an inlined call assigning a global".into());
        }
        let value = self.peek(f, 1)?;
        if !matches!(
            value,
            Sym::Int(_) | Sym::Float(_) | Sym::Bool(_) | Sym::Complex(..)
        ) {
            return Err(format!("'{text}' assigned {value}"));
        }
        let Some((key, _, version)) = self.assigned_entry(f, text) else {
            return Err(format!("'{text}' assigned for the first time"));
        };
        let constant = self.trace.bindings.iter().any(|b| {
            Rc::as_ptr(&b.dict) as usize == key.0 && b.index == key.1 && !b.expected.is_null()
        });
        if constant {
            return Err(format!("the loop assigns '{text}', read as a constant"));
        }
        let b = self.name_binding(key.1, version, text);
        let snap = self.snap(f, at)?;
        self.emit(Inst::NameStore {
            binding: b,
            value,
            snap,
        });
        self.pop()?;
        self.names.insert(key, value);
        Ok(())
    }

    /// For a name the loop assigns, in the loop's globals: its entry (dict, index), value and
    /// the dict's keys version.
    fn assigned_entry(&self, f: &Frame, name: &str) -> Option<((usize, u32), Value, u64)> {
        if !self.assigned.contains(name) || !Rc::ptr_eq(&f.globals, &self.globals) {
            return None;
        }
        let table = self.globals.table();
        let index = table.find_str(crate::objects::str::str_hash(name), name)?;
        let value = table.value_at(index)?.clone();
        let key = (Rc::as_ptr(&self.globals) as usize, index as u32);
        Some((key, value, table.keys_version()))
    }

    /// A binding naming a dict entry of the loop's globals, read or written by the trace
    /// (not checked on entry).
    fn name_binding(&mut self, index: u32, version: u64, name: &str) -> u32 {
        self.trace.bindings.push(Box::new(Binding {
            dict: self.globals.clone(),
            version,
            index,
            expected: Value::Null,
            what: format!("{name} (assigned by the loop)"),
        }));
        (self.trace.bindings.len() - 1) as u32
    }

    /// Whether some path of the tree stores into the dict entry `key`.
    fn tree_stores(&self, key: (usize, u32)) -> bool {
        self.trace.insts.iter().any(|i| match i {
            Inst::NameStore { binding, .. } => {
                let b = &self.trace.bindings[*binding as usize];
                Rc::as_ptr(&b.dict) as usize == key.0 && b.index == key.1
            }
            _ => false,
        })
    }

    fn binary_op(&mut self, f: &Frame, at: usize, arg: u32) -> R<()> {
        // In arithmetic a bool is the int it stands for (`count += inside`): the operators
        // below all give a number for bool operands, as for ints.
        let (b, a) = (self.peek(f, 1)?, self.peek(f, 2)?);
        let (b, a) = (self.bool_as_int(b), self.bool_as_int(a));
        let op = match arg {
            nb::ADD | nb::INPLACE_ADD => Some(Arith::Add),
            nb::SUBTRACT | nb::INPLACE_SUBTRACT => Some(Arith::Sub),
            nb::MULTIPLY | nb::INPLACE_MULTIPLY => Some(Arith::Mul),
            _ => None,
        };
        let r = match (a, b) {
            (Sym::Int(x), Sym::Int(y)) => {
                if let Some((op, bound)) = op.and_then(|op| Some((op, self.bounded(op, x, y)?))) {
                    let r = self.emit(Inst::IArithBounded {
                        op,
                        a: x,
                        b: y,
                        bound,
                    });
                    self.pop()?;
                    self.pop()?;
                    self.push(Sym::Int(r));
                    return Ok(());
                }
                let snap = self.snap(f, at)?;
                match (op, arg) {
                    (Some(op), _) => Sym::Int(self.emit(Inst::IArith {
                        op,
                        a: x,
                        b: y,
                        snap,
                    })),
                    (None, nb::FLOOR_DIVIDE | nb::INPLACE_FLOOR_DIVIDE) => {
                        Sym::Int(self.emit(Inst::IFloorDiv { a: x, b: y, snap }))
                    }
                    (None, nb::REMAINDER | nb::INPLACE_REMAINDER) => {
                        Sym::Int(self.emit(Inst::IMod { a: x, b: y, snap }))
                    }
                    // CPython divides ints of at most 2**53 in magnitude as floats (exact
                    // conversions, one rounding); larger ones it divides exactly, with the
                    // same correctly rounded result, in the interpreter.
                    (None, nb::TRUE_DIVIDE | nb::INPLACE_TRUE_DIVIDE) => {
                        for v in [x, y] {
                            let (lo, hi) = (self.int_const(-(1 << 53)), self.int_const(1 << 53));
                            for (cc, bound) in [(Cc::Ge, lo), (Cc::Le, hi)] {
                                let within = self.emit(Inst::ICmp { cc, a: v, b: bound });
                                self.guard(f, at, within, true)?;
                            }
                        }
                        let fx = self.as_float(a).ok_or("a number")?;
                        let fy = self.as_float(b).ok_or("a number")?;
                        Sym::Float(self.emit(Inst::FDiv { a: fx, b: fy, snap }))
                    }
                    _ => return Err("this int operator".into()),
                }
            }
            (Sym::Float(_), Sym::Float(_) | Sym::Int(_)) | (Sym::Int(_), Sym::Float(_)) => {
                let x = self.as_float(a).expect("a number");
                let y = self.as_float(b).expect("a number");
                match (op, arg) {
                    (Some(op), _) => Sym::Float(self.emit(Inst::FArith { op, a: x, b: y })),
                    (None, nb::TRUE_DIVIDE | nb::INPLACE_TRUE_DIVIDE) => {
                        let snap = self.snap(f, at)?;
                        Sym::Float(self.emit(Inst::FDiv { a: x, b: y, snap }))
                    }
                    (None, nb::POWER | nb::INPLACE_POWER) => {
                        let snap = self.snap(f, at)?;
                        Sym::Float(self.emit(Inst::FPow { a: x, b: y, snap }))
                    }
                    _ => return Err("this float operator".into()),
                }
            }
            (Sym::Complex(..), Sym::Complex(..) | Sym::Float(_) | Sym::Int(_))
            | (Sym::Float(_) | Sym::Int(_), Sym::Complex(..)) => {
                let Some(op) = op else {
                    return Err("this complex operator".into());
                };
                let (ar, ai) = self.as_complex(a).expect("a number");
                let (br, bi) = self.as_complex(b).expect("a number");
                let f2 = |s: &mut Self, op, a, b| s.emit(Inst::FArith { op, a, b });
                match op {
                    Arith::Add | Arith::Sub => {
                        Sym::Complex(f2(self, op, ar, br), f2(self, op, ai, bi))
                    }
                    Arith::Mul => {
                        // CPython's _Py_c_prod.
                        let rr = f2(self, Arith::Mul, ar, br);
                        let ii = f2(self, Arith::Mul, ai, bi);
                        let ri = f2(self, Arith::Mul, ar, bi);
                        let ir = f2(self, Arith::Mul, ai, br);
                        Sym::Complex(f2(self, Arith::Sub, rr, ii), f2(self, Arith::Add, ri, ir))
                    }
                }
            }
            (a, b) => return Err(format!("binary operator on {a} and {b}")),
        };
        self.pop()?;
        self.pop()?;
        self.push(r);
        Ok(())
    }

    /// A guard on this path, before the current instruction, that keeps `x op y` within the
    /// i64 range, where one operand is a constant: `x < n` before `x + 1` (or before `x + k`
    /// when the constant `n` leaves room), `x > n` before `x - 1`, and so on.
    fn bounded(&self, op: Arith, x: Ref, y: Ref) -> Option<Ref> {
        let konst = |r: Ref| match self.trace.insts[r as usize] {
            Inst::ConstI(v) => Some(v as i128),
            _ => None,
        };
        // The operand and the constant amount it moves by.
        let (v, k) = match (op, konst(x), konst(y)) {
            (Arith::Add, None, Some(k)) => (x, k),
            (Arith::Add, Some(k), None) => (y, k),
            (Arith::Sub, None, Some(k)) => (x, -k),
            _ => return None,
        };
        let (min, max) = (i64::MIN as i128, i64::MAX as i128);
        let start = self.mark[0];
        (start..self.trace.insts.len()).rev().find_map(|g| {
            let Inst::Guard { cond, expect, .. } = self.trace.insts[g] else {
                return None;
            };
            let Inst::ICmp { cc, a, b } = self.trace.insts[cond as usize] else {
                return None;
            };
            // The guard as `v cc other`.
            let (cc, other) = match (a == v, b == v) {
                (true, false) => (cc, b),
                (false, true) => (cc.swapped(), a),
                _ => return None,
            };
            let cc = if expect { cc } else { cc.negated() };
            let (lo, hi) = match (cc, konst(other)) {
                (Cc::Lt, m) => (min, m.unwrap_or(max) - 1),
                (Cc::Le, m) => (min, m.unwrap_or(max)),
                (Cc::Gt, m) => (m.unwrap_or(min) + 1, max),
                (Cc::Ge, m) => (m.unwrap_or(min), max),
                (Cc::Eq, Some(m)) => (m, m),
                _ => return None,
            };
            (lo + k >= min && hi + k <= max).then_some(g as Ref)
        })
    }

    fn compare(&mut self, f: &Frame, at: usize, arg: u32) -> R<()> {
        let cmp = Cmp::from_arg(arg);
        let cc = match cmp {
            Cmp::Lt => Cc::Lt,
            Cmp::Le => Cc::Le,
            Cmp::Eq => Cc::Eq,
            Cmp::Ne => Cc::Ne,
            Cmp::Gt => Cc::Gt,
            Cmp::Ge => Cc::Ge,
        };
        let b = self.peek(f, 1)?;
        let a = self.peek(f, 2)?;
        let (cond, value) = match (a, b) {
            (Sym::Int(x), Sym::Int(y)) => {
                let (Value::Int(cx), Value::Int(cy)) = (self.concrete(f, 2), self.concrete(f, 1))
                else {
                    return Err("compare types changed".into());
                };
                (
                    self.emit(Inst::ICmp { cc, a: x, b: y }),
                    cmp.apply(cx.cmp(cy)),
                )
            }
            (Sym::Float(_) | Sym::Int(_), Sym::Float(_) | Sym::Int(_)) => {
                let snap = self.snap(f, at)?;
                for s in [a, b] {
                    if let Sym::Int(r) = s {
                        if !matches!(self.trace.insts[r as usize], Inst::ConstI(v) if v.unsigned_abs() <= 1 << 53)
                        {
                            self.emit(Inst::GuardExactF { a: r, snap });
                        }
                    }
                }
                let x = self.as_float(a).expect("a number");
                let y = self.as_float(b).expect("a number");
                let num = |v: &Value| match v {
                    Value::Int(i) => Some(*i as f64),
                    Value::Float(x) => Some(*x),
                    _ => None,
                };
                let (Some(cx), Some(cy)) = (num(self.concrete(f, 2)), num(self.concrete(f, 1)))
                else {
                    return Err("compare types changed".into());
                };
                let value = match cx.partial_cmp(&cy) {
                    Some(o) => cmp.apply(o),
                    None => cmp == Cmp::Ne,
                };
                (self.emit(Inst::FCmp { cc, a: x, b: y }), value)
            }
            (a, b) => return Err(format!("comparison of {a} and {b}")),
        };
        // As the interpreter: a comparison feeding a conditional jump takes the jump itself.
        let next = self.code.next_instruction(at);
        let unit = self.code.code.get(next).copied();
        let fused = unit.map(|u| u.op).filter(|op| {
            matches!(
                op,
                Opcode::POP_JUMP_FORWARD_IF_FALSE
                    | Opcode::POP_JUMP_FORWARD_IF_TRUE
                    | Opcode::POP_JUMP_BACKWARD_IF_FALSE
                    | Opcode::POP_JUMP_BACKWARD_IF_TRUE
            )
        });
        match fused {
            Some(jump) => {
                self.guard(f, at, cond, value)?;
                self.pop()?;
                self.pop()?;
                let arg = unit.map_or(0, |u| u.arg as u32);
                let taken_if = matches!(
                    jump,
                    Opcode::POP_JUMP_FORWARD_IF_TRUE | Opcode::POP_JUMP_BACKWARD_IF_TRUE
                );
                self.expect = Some(if value == taken_if {
                    opcode_unit(&self.code, self.code.jump_target(next, jump, arg)) as u32
                } else {
                    opcode_unit(&self.code, self.code.next_instruction(next)) as u32
                });
            }
            None => {
                self.pop()?;
                self.pop()?;
                self.push(Sym::Bool(cond));
            }
        }
        Ok(())
    }

    fn call(&mut self, f: &Frame, at: usize, argc: usize) -> R<()> {
        if f.kwnames != u32::MAX {
            return Err("a call with keyword arguments".into());
        }
        let first = self.peek(f, argc + 2)?;
        // `f(args)` is NULL, f, args; `obj.m(args)` is m, obj, args.
        let (callee, argc) = match first {
            Sym::Null => (self.peek(f, argc + 1)?, argc),
            method => (method, argc + 1),
        };
        let Sym::Const(ci) = callee else {
            return Err(format!("a call of {callee}"));
        };
        let consumed = argc + 1 + matches!(first, Sym::Null) as usize;
        let qualified = match self.trace.consts[ci as usize].clone() {
            Value::Builtin(b) if b.self_.is_null() => b.qualified_name(),
            // A builtin method bound to its object (`random.uniform`).
            Value::Builtin(_) => return self.builtin_through(f, at, ci, argc, consumed),
            Value::Function(func) => {
                if self.callers.is_empty() && self.calls_through(&func, argc) {
                    return self.residual(f, at, ci, argc, consumed);
                }
                return self.enter(f, at, &func, argc, consumed);
            }
            // The number types themselves (their binding is guarded as any builtin's), and
            // `range` when a `for` iterates it at once.
            Value::Type(t)
                if t.builtin
                    && matches!(
                        t.layout,
                        Layout::Int | Layout::Float | Layout::Complex | Layout::Range
                    ) =>
            {
                t.name()
            }
            // `enumerate(list)` when a `for` iterates it at once.
            Value::Type(t) if t.builtin && t.name() == "enumerate" => t.name(),
            other => {
                return Err(format!(
                    "a call of a '{}' object",
                    crate::vm::types::type_name(&other)
                ))
            }
        };
        let mut args = Vec::with_capacity(argc);
        for k in (1..=argc).rev() {
            args.push(self.peek(f, k)?);
        }
        let name = qualified.strip_prefix("builtins.").unwrap_or(&qualified);
        let r = match (name, args.as_slice()) {
            ("abs", [Sym::Int(a)]) => {
                let snap = self.snap(f, at)?;
                Sym::Int(self.emit(Inst::IAbs { a: *a, snap }))
            }
            ("abs", [Sym::Float(a)]) => Sym::Float(self.emit(Inst::FAbs(*a))),
            ("abs", [Sym::Complex(re, im)]) => Sym::Float(self.emit(Inst::Math {
                f: MathFn::Hypot,
                a: *re,
                b: *im,
            })),
            (
                "len",
                [Sym::Obj {
                    tag: tag::LIST,
                    ptr,
                }],
            ) => Sym::Int(self.emit(Inst::ListLen(*ptr))),
            ("list.append", [list, value]) => {
                self.append(*list, *value)?;
                Sym::Const(self.konst(Value::None))
            }
            (m, [x @ (Sym::Float(_) | Sym::Int(_))]) if math1(m).is_some() => {
                let which = math1(m).unwrap_or(0);
                let snap = self.snap(f, at)?;
                let a = self.as_float(*x).ok_or("a math argument")?;
                Sym::Float(self.emit(Inst::Math1 { f: which, a, snap }))
            }
            ("int", [Sym::Int(a)]) => Sym::Int(*a),
            ("int", [Sym::Float(a)]) => {
                let snap = self.snap(f, at)?;
                Sym::Int(self.emit(Inst::FToI { a: *a, snap }))
            }
            ("float", [Sym::Float(a)]) => Sym::Float(*a),
            ("float", [Sym::Int(a)]) => Sym::Float(self.emit(Inst::IToF(*a))),
            // CPython 3.11 takes two real arguments as the parts as they are (`complex(1.0,
            // -0.0)` is `(1-0j)`) and one as the real part, with +0.0 for the imaginary.
            ("complex", [x @ (Sym::Float(_) | Sym::Int(_))]) => {
                let re = self.as_float(*x).ok_or("a complex argument")?;
                Sym::Complex(re, self.float_const(0.0))
            }
            ("complex", [x @ (Sym::Float(_) | Sym::Int(_)), y @ (Sym::Float(_) | Sym::Int(_))]) => {
                let re = self.as_float(*x).ok_or("a complex argument")?;
                let im = self.as_float(*y).ok_or("a complex argument")?;
                Sym::Complex(re, im)
            }
            ("complex", [c @ Sym::Complex(..)]) => *c,
            ("range", _) => self.range_iter(f, at, &args)?,
            (
                "enumerate",
                [Sym::Obj {
                    tag: tag::LIST,
                    ptr,
                }],
            ) => {
                let then = self.code.next_instruction(at);
                if self.code.code.get(then).map(|u| u.op) != Some(Opcode::GET_ITER) {
                    return Err("an enumerate not iterated at once".into());
                }
                Sym::EnumIter {
                    count: self.int_const(0),
                    list: *ptr,
                    index: self.int_const(0),
                    backed: false,
                }
            }
            _ => return self.builtin_through(f, at, ci, argc, consumed),
        };
        for _ in 0..argc + 1 {
            self.pop()?;
        }
        if matches!(first, Sym::Null) {
            self.pop()?;
        }
        self.push(r);
        Ok(())
    }

    /// `list.append(value)` (a method call, or a comprehension's LIST_APPEND).
    fn append(&mut self, list: Sym, value: Sym) -> R<()> {
        let Sym::Obj {
            tag: tag::LIST,
            ptr,
        } = list
        else {
            return Err(format!("an append to {list}"));
        };
        if !matches!(
            value,
            Sym::Int(_)
                | Sym::Float(_)
                | Sym::Bool(_)
                | Sym::Complex(..)
                | Sym::Obj { .. }
                | Sym::Const(_)
        ) {
            return Err(format!("an append of {value}"));
        }
        self.effect = !self.callers.is_empty();
        self.emit(Inst::ListAppend { list: ptr, value });
        Ok(())
    }

    /// `range(...)` of ints, which the GET_ITER after it turns into an iterator: the iterator
    /// itself, kept in registers (the range object is never seen).
    fn range_iter(&mut self, f: &Frame, at: usize, args: &[Sym]) -> R<Sym> {
        let then = self.code.next_instruction(at);
        if self.code.code.get(then).map(|u| u.op) != Some(Opcode::GET_ITER) {
            return Err("a range not iterated at once".into());
        }
        let (start, stop, step) = match *args {
            [Sym::Int(stop)] => (self.int_const(0), stop, self.int_const(1)),
            [Sym::Int(start), Sym::Int(stop)] => (start, stop, self.int_const(1)),
            [Sym::Int(start), Sym::Int(stop), Sym::Int(step)] => (start, stop, step),
            _ => return Err("a call of range".into()),
        };
        let snap = self.snap(f, at)?;
        let left = self.emit(Inst::RangeLen {
            start,
            stop,
            step,
            snap,
        });
        Ok(Sym::RangeIter {
            next: start,
            left,
            step,
            backed: false,
        })
    }

    /// Whether a call of `func` from the loop's own frame is made through the interpreter
    /// rather than inlined: the callee has a loop (which would end the recording), calls
    /// itself by name or is the loop's own function (recursion), or its arguments need
    /// binding (defaults, `*args`).
    fn calls_through(&self, func: &Rc<PyFunction>, argc: usize) -> bool {
        let code = &func.code;
        if code.is_generator() {
            return false;
        }
        let recursive = Rc::ptr_eq(code, &self.code)
            || code
                .names
                .iter()
                .any(|n| n.as_pystr().is_some_and(|s| s.as_str() == code.name));
        let binds = argc != code.argcount as usize
            || code.kwonlyargcount != 0
            || code.has_varargs()
            || code.has_varkeywords();
        recursive || binds || has_loop(code)
    }

    /// A builtin the trace has no inline form of, called through the interpreter from the
    /// loop's own frame (see [`Recorder::residual`]). Not those that read the calling frame,
    /// whose locals the trace keeps in registers (`locals()`, `eval`, ...: calls without
    /// arguments are left alone too, as the interpreter prepares the frame for them, unless
    /// the builtin is a method bound to its object, `random.random()`).
    fn builtin_through(
        &mut self,
        f: &Frame,
        at: usize,
        callee: u32,
        argc: usize,
        consumed: usize,
    ) -> R<()> {
        let Value::Builtin(b) = &self.trace.consts[callee as usize] else {
            return Err("a call of a builtin that is not one".into());
        };
        let (qualified, bound) = (b.qualified_name(), !b.self_.is_null());
        let name = qualified.strip_prefix("builtins.").unwrap_or(&qualified);
        let reads_frame = matches!(
            name,
            "locals" | "vars" | "dir" | "eval" | "exec" | "globals" | "super" | "breakpoint"
        );
        if !self.callers.is_empty() || argc == 0 && !bound || reads_frame {
            return Err(format!("a call of {name}"));
        }
        self.residual(f, at, callee, argc, consumed)
    }

    /// A call of a Python function through the interpreter (`Inst::CallPy`), from the
    /// loop's own frame: the arguments now, the call at the next step, when the type of its
    /// result is known. The callee may change anything the frame does not hold: every object
    /// the trace goes on using must be one a frame slot held when the trace was entered
    /// (a list's item could be freed by the callee, a global rebound), and what the path
    /// knows of names is forgotten.
    fn residual(&mut self, f: &Frame, at: usize, func: u32, argc: usize, consumed: usize) -> R<()> {
        for sym in self.slots.values().chain(&self.stack) {
            if !self.frame_holds(*sym) {
                return Err(format!(
                    "a call through the interpreter while holding {sym}"
                ));
            }
        }
        self.called = true;
        let mut args = Vec::with_capacity(argc);
        for k in (1..=argc).rev() {
            args.push(self.peek(f, k)?);
        }
        for a in args {
            if !matches!(
                a,
                Sym::Int(_) | Sym::Float(_) | Sym::Bool(_) | Sym::Obj { .. } | Sym::Const(_)
            ) {
                return Err(format!("{a} passed to a call through the interpreter"));
            }
            self.emit(Inst::CallArg(a));
        }
        for _ in 0..consumed {
            self.pop()?;
        }
        // The result's place: filled in at the next step.
        self.push(Sym::Null);
        self.residual = Some(Residual {
            func,
            argc: argc as u32,
            at: prefix_start(&self.code, at) as u32,
        });
        Ok(())
    }

    /// Whether the objects `sym` refers to stay alive whatever a call through the interpreter
    /// does: numbers and constants; the value a local the loop's code never assigns had at
    /// entry (a slot the loop assigns holds, after the first iteration, what the previous one
    /// put there, which the call may free); a list below the header's stack depth (a
    /// comprehension's); the iterator object in a slot (its list).
    fn frame_holds(&self, sym: Sym) -> bool {
        let held = |r: Ref| match self.trace.insts[r as usize] {
            Inst::SLoad { slot, .. } if slot < self.loop_code().localsplus.len() as u32 => !self
                .stored
                .get_or_init(|| stored_locals(self.loop_code()))
                .contains(&slot),
            Inst::SLoad { tag, .. } => tag == tag::LIST,
            _ => false,
        };
        match sym {
            Sym::Obj { ptr, .. } => held(ptr),
            Sym::ListIter { list, backed, .. } | Sym::EnumIter { list, backed, .. } => {
                backed || held(list)
            }
            _ => true,
        }
    }

    /// The step after a residual call (`at`, back in the loop's frame): the call, expecting
    /// a result of the type it returned now. Its exit, after the call, resumes here.
    fn returned(&mut self, f: &Frame, at: usize, call: Residual) -> R<()> {
        let result = f
            .slots
            .slice(0..f.sp)
            .last()
            .ok_or("lost a call's result")?;
        let t = match result {
            Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::None => result.tag(),
            other => {
                return Err(format!(
                    "a call through the interpreter returning a '{}' object",
                    crate::vm::types::type_name(other)
                ))
            }
        };
        let snap = self.new_snap(f, at, SnapKind::AfterCall);
        let r = self.emit(Inst::CallPy {
            func: call.func,
            argc: call.argc,
            tag: t,
            at: call.at,
            snap,
        });
        let sym = match t {
            tag::INT => Sym::Int(r),
            tag::FLOAT => Sym::Float(r),
            tag::BOOL => Sym::Bool(r),
            _ => Sym::Const(self.konst(Value::None)),
        };
        self.pop()?;
        self.push(sym);
        self.names.clear();
        Ok(())
    }

    /// A call of a Python function, inlined: the trace goes on in the callee's frame, whose
    /// arguments are the caller's symbols. Its guards exit to the snapshot before the call.
    fn enter(
        &mut self,
        f: &Frame,
        at: usize,
        func: &Rc<PyFunction>,
        argc: usize,
        consumed: usize,
    ) -> R<()> {
        let code = func.code.clone();
        if self.callers.len() >= MAX_INLINE_DEPTH {
            return Err("calls nested too deep to inline".into());
        }
        if code.is_generator() {
            return Err("a call of a generator function".into());
        }
        if argc != code.argcount as usize
            || code.kwonlyargcount != 0
            || code.has_varargs()
            || code.has_varkeywords()
        {
            return Err("a call whose arguments need binding".into());
        }
        if Rc::ptr_eq(&code, &self.code) || self.callers.iter().any(|c| Rc::ptr_eq(&c.code, &code))
        {
            return Err("a recursive call".into());
        }
        // The call is a step for the VM's limits, as in the interpreter: counted on entry to
        // the outermost inlined call, for it and every call inside it, and given back by the
        // exits that make the call again.
        if self.callers.is_empty() {
            let tick = self.new_snap(f, at, SnapKind::Tick);
            self.call_tick = Some(self.emit(Inst::Tick { snap: tick, n: 1 }));
        } else if let Some(Inst::Tick { n, .. }) =
            self.call_tick.map(|r| &mut self.trace.insts[r as usize])
        {
            *n += 1;
        }
        let snap = self.snap(f, at)?;
        self.trace.snaps[snap as usize].refund += 1;
        let mut args = Vec::with_capacity(argc);
        for k in (1..=argc).rev() {
            args.push(self.peek(f, k)?);
        }
        let stack_base = code.localsplus.len() as u32;
        let caller = Caller {
            code: std::mem::replace(&mut self.code, code),
            slots: std::mem::take(&mut self.slots),
            written: std::mem::take(&mut self.written),
            stack: std::mem::take(&mut self.stack),
            stack_base: std::mem::replace(&mut self.stack_base, stack_base),
            floor: std::mem::replace(&mut self.floor, stack_base),
            at: at as u32,
            resume: self.expect.ok_or("a call with nowhere to return")?,
            consumed,
        };
        self.slots = (0..).zip(args).collect();
        if self.callers.is_empty() {
            self.call_snap = Some(snap);
            self.effect = false;
        }
        self.callers.push(caller);
        self.trace.inline_depth = self.trace.inline_depth.max(self.callers.len() as u32);
        self.expect = Some(opcode_unit(&self.code, 0) as u32);
        Ok(())
    }

    /// RETURN_VALUE of an inlined call: back in the caller, with the returned value in place
    /// of the call.
    fn leave(&mut self) -> R<()> {
        let Some(caller) = self.callers.pop() else {
            return Err("a return from the loop's function".into());
        };
        let value = self.pop()?;
        self.code = caller.code;
        self.slots = caller.slots;
        self.written = caller.written;
        self.stack = caller.stack;
        self.stack_base = caller.stack_base;
        self.floor = caller.floor;
        for _ in 0..caller.consumed {
            self.pop()?;
        }
        self.push(value);
        self.expect = Some(caller.resume);
        if self.callers.is_empty() {
            self.call_snap = None;
            self.call_tick = None;
            self.effect = false;
        }
        Ok(())
    }

    /// The code of the loop being recorded (`code` is an inlined callee's while in a call).
    pub fn loop_code(&self) -> &Rc<Code> {
        self.callers.first().map_or(&self.code, |c| &c.code)
    }

    /// `Vm::depth` of the frame the recorder follows now (the loop's, or an inlined callee's).
    pub fn active_depth(&self) -> usize {
        self.depth + self.callers.len()
    }

    /// The slot's value as some path of the tree loaded it at entry.
    fn loaded(&self, slot: u32) -> Option<Sym> {
        self.trace
            .loaded
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, sym)| *sym)
    }

    /// The loop closed: check that every slot the path changed keeps its kind of value around
    /// the loop, make it carried if it was not, and add the path to the tree.
    fn close(&mut self, f: &Frame) -> R<()> {
        // Entries pushed again below the header's depth are its slots once more.
        while self.floor < self.trace.header_sp && !self.stack.is_empty() {
            let sym = self.stack.remove(0);
            self.write(self.floor, sym);
            self.floor += 1;
        }
        if f.sp as u32 != self.trace.header_sp
            || self.floor != self.trace.header_sp
            || !self.stack.is_empty()
        {
            return Err("the stack depth changed around the loop".into());
        }
        let mut back = Vec::new();
        for &slot in &self.written.clone() {
            let now = self.slots[&slot];
            if let Sym::Const(_) | Sym::Null = now {
                return Err(format!(
                    "'{}' holds a constant object",
                    self.slot_name(slot)
                ));
            }
            let entry = match self.trace.carried_entry(slot).or_else(|| self.loaded(slot)) {
                Some(e) => e,
                None => {
                    // Written before read: carried from its value at entry, which must be of
                    // the same kind (known for the root, assumed and guarded for side traces).
                    let t = match now {
                        Sym::RangeIter { .. } | Sym::ListIter { .. } | Sym::EnumIter { .. } => {
                            return Err(format!(
                                "'{}' holds an iterator the loop makes",
                                self.slot_name(slot)
                            ))
                        }
                        Sym::Int(_) => tag::INT,
                        Sym::Float(_) => tag::FLOAT,
                        Sym::Bool(_) => tag::BOOL,
                        Sym::Complex(..) => tag::COMPLEX,
                        Sym::Obj { tag: t, .. } => t,
                        Sym::Const(_) | Sym::Null => tag::NULL,
                    };
                    if self.from.is_none() && self.entry_tags.get(slot as usize) != Some(&t) {
                        return Err(format!(
                            "'{}' changes type in the loop",
                            self.slot_name(slot)
                        ));
                    }
                    let e = match now {
                        Sym::Int(_) => Sym::Int(self.emit(Inst::SLoad { slot, tag: t })),
                        Sym::Float(_) => Sym::Float(self.emit(Inst::SLoad { slot, tag: t })),
                        Sym::Bool(_) => Sym::Bool(self.emit(Inst::SLoad { slot, tag: t })),
                        Sym::Complex(..) => {
                            let r = self.emit(Inst::SLoad { slot, tag: t });
                            self.complex_parts(r)
                        }
                        _ => Sym::Obj {
                            tag: t,
                            ptr: self.emit(Inst::SLoad { slot, tag: t }),
                        },
                    };
                    self.trace.loaded.push((slot, e));
                    e
                }
            };
            if !entry.same_kind(&now) {
                return Err(format!(
                    "'{}' changes type in the loop",
                    self.slot_name(slot)
                ));
            }
            if self.trace.carried_entry(slot).is_none() {
                self.trace.carried.push((slot, entry));
            }
            back.push((slot, now));
        }
        self.end_path(back, None);
        Ok(())
    }

    fn slot_name(&self, slot: u32) -> String {
        self.code.localsplus.get(slot as usize).map_or_else(
            || format!("stack[{}]", slot - self.stack_base),
            |n| n.to_string(),
        )
    }
}
