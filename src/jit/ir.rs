//! The trace IR: typed SSA instructions recorded from one loop iteration, with guards whose
//! snapshots say how to rebuild the interpreter's frame when they fail.
//!
//! Every instruction produces at most one machine value (`I64`, `F64`, `Bool` or a borrowed
//! object pointer). Python values are described by [`Sym`]: an int, float or bool is one IR
//! value; a complex number is two floats (a virtual object, boxed only when it leaves the trace);
//! any other object is a pointer with a known value tag.

use std::fmt;
use std::fmt::Write as _;
use std::rc::Rc;

/// An IR value: the index of the instruction that defines it.
pub type Ref = u32;

/// Index of a snapshot in [`Trace::snaps`].
pub type SnapId = u32;

/// Machine type of an IR value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ty {
    I64,
    F64,
    Bool,
    /// A borrowed pointer to a heap object (the payload of a `Value`).
    Ptr,
}

/// Integer comparison conditions (signed), float conditions (ordered except `Ne`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cc {
    Lt,
    Le,
    Eq,
    Ne,
    Gt,
    Ge,
}

impl Cc {
    pub fn name(self) -> &'static str {
        match self {
            Cc::Lt => "<",
            Cc::Le => "<=",
            Cc::Eq => "==",
            Cc::Ne => "!=",
            Cc::Gt => ">",
            Cc::Ge => ">=",
        }
    }

    /// The condition with its operands exchanged: `a < b` is `b > a`.
    pub fn swapped(self) -> Cc {
        match self {
            Cc::Lt => Cc::Gt,
            Cc::Le => Cc::Ge,
            Cc::Gt => Cc::Lt,
            Cc::Ge => Cc::Le,
            eq_or_ne => eq_or_ne,
        }
    }

    /// The opposite condition (for totally ordered operands): `not a < b` is `a >= b`.
    pub fn negated(self) -> Cc {
        match self {
            Cc::Lt => Cc::Ge,
            Cc::Le => Cc::Gt,
            Cc::Eq => Cc::Ne,
            Cc::Ne => Cc::Eq,
            Cc::Gt => Cc::Le,
            Cc::Ge => Cc::Lt,
        }
    }
}

/// Binary arithmetic kinds shared by the int and float instructions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arith {
    Add,
    Sub,
    Mul,
}

/// Math functions called from traces: the same Rust functions the interpreter calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MathFn {
    /// `hypot(re, im)`: `abs()` of a complex number.
    Hypot,
}

/// One trace instruction.
#[derive(Clone, Debug)]
pub enum Inst {
    /// The payload of frame slot `slot` at trace entry, after a guard that its tag is `tag`.
    SLoad {
        slot: u32,
        tag: u8,
    },
    ConstI(i64),
    ConstF(f64),
    ConstB(bool),
    /// Integer arithmetic; exits to `snap` on overflow.
    IArith {
        op: Arith,
        a: Ref,
        b: Ref,
        snap: SnapId,
    },
    /// Integer addition or subtraction of a constant that cannot overflow: the guard `bound`
    /// (earlier on the same path) keeps the operand far enough from the ends of the i64 range.
    IArithBounded {
        op: Arith,
        a: Ref,
        b: Ref,
        bound: Ref,
    },
    /// `-a`; exits on overflow (`a == i64::MIN`).
    INeg {
        a: Ref,
        snap: SnapId,
    },
    /// `abs(a)`; exits on overflow.
    IAbs {
        a: Ref,
        snap: SnapId,
    },
    /// Python's `a // b` and `a % b` on ints; exits when `b == 0` or on overflow.
    IFloorDiv {
        a: Ref,
        b: Ref,
        snap: SnapId,
    },
    IMod {
        a: Ref,
        b: Ref,
        snap: SnapId,
    },
    ICmp {
        cc: Cc,
        a: Ref,
        b: Ref,
    },
    FArith {
        op: Arith,
        a: Ref,
        b: Ref,
    },
    /// `a / b`; exits when `b == 0.0`.
    FDiv {
        a: Ref,
        b: Ref,
        snap: SnapId,
    },
    FNeg(Ref),
    FAbs(Ref),
    FCmp {
        cc: Cc,
        a: Ref,
        b: Ref,
    },
    /// Int to float (round to nearest, as CPython's int + float for |a| <= 2**53).
    IToF(Ref),
    /// A bool as the int it is in arithmetic (0 or 1).
    BToI(Ref),
    /// `int(a)` of a float: truncated toward zero; exits to `snap` for a NaN, an infinity or a
    /// value outside the i64 range (the interpreter raises or makes a big int).
    FToI {
        a: Ref,
        snap: SnapId,
    },
    /// Exits unless `-2**53 <= a <= 2**53` (where int/float comparisons are exact in floats).
    GuardExactF {
        a: Ref,
        snap: SnapId,
    },
    Math {
        f: MathFn,
        a: Ref,
        b: Ref,
    },
    /// `a ** b` on floats (CPython's float_pow); exits where it raises or gives a complex.
    FPow {
        a: Ref,
        b: Ref,
        snap: SnapId,
    },
    /// `math.<name>(a)` for `runtime::MATH1[f]`; exits where CPython raises (domain, range).
    Math1 {
        f: u8,
        a: Ref,
        snap: SnapId,
    },
    Not(Ref),
    /// Exits to `snap` unless `cond == expect`.
    Guard {
        cond: Ref,
        expect: bool,
        snap: SnapId,
    },
    /// The real and imaginary parts of a boxed complex.
    ComplexRe(Ref),
    ComplexIm(Ref),
    /// `len(list)`.
    ListLen(Ref),
    /// `list[index]`, whose tag must be `tag`; exits when out of range or of another type.
    ListItem {
        list: Ref,
        index: Ref,
        tag: u8,
        snap: SnapId,
    },
    /// `list[index] = value`; exits (before storing) when out of range.
    ListStore {
        list: Ref,
        index: Ref,
        value: SymVal,
        snap: SnapId,
    },
    /// `len(tuple)`.
    TupleLen(Ref),
    /// `tuple[index]`, whose tag must be `tag`; exits when out of range or of another type.
    TupleItem {
        tuple: Ref,
        index: Ref,
        tag: u8,
        snap: SnapId,
    },
    /// `list.append(value)`.
    ListAppend {
        list: Ref,
        value: SymVal,
    },
    /// A module-level name (or a global the loop's code assigns) read from its dict entry,
    /// `bindings[binding]` (whose keys version must hold), with the tag `tag`; exits
    /// otherwise.
    NameLoad {
        binding: u32,
        tag: u8,
        snap: SnapId,
    },
    /// `name = value` into the dict entry of `bindings[binding]`; exits (before storing) if
    /// the dict's keys changed.
    NameStore {
        binding: u32,
        value: SymVal,
        snap: SnapId,
    },
    /// A step for the VM's limits (a back edge, or a call the trace inlined), counted as the
    /// interpreter counts it: exits to `snap` — before the instruction, which the interpreter
    /// then runs, counting the step and checking the limits — when the countdown would reach
    /// zero; else decrements it.
    Tick {
        snap: SnapId,
        /// Steps counted at once (a call inlining further calls counts them all).
        n: u32,
    },
    /// The next int of a range iterator; exits to `snap` when it is exhausted.
    RangeNext {
        iter: Ref,
        snap: SnapId,
    },
    /// The next item of a list or tuple iterator, whose tag must be `tag`; exits when it is
    /// exhausted or the item is of another type.
    ItemIterNext {
        iter: Ref,
        tag: u8,
        snap: SnapId,
    },
    /// Unpacks the state of the iterator `iter` (an entry load) into the trace context's words,
    /// when it is of kind `kind` (`ITER_RANGE` or `ITER_LIST`); else the tree is not entered.
    IterUnpack {
        iter: Ref,
        kind: u8,
        /// A hidden local (a comprehension's `.0`, which no Python code can name) that may
        /// hold the same iterator, and how many holders no Python code can reach that makes
        /// when it does (the local; for a list, set or dict comprehension also the caller's
        /// stack, which keeps the argument while the call runs): they do not count as other
        /// holders for `ITER_UNSHARED`.
        hidden: Option<(u32, u8)>,
    },
    /// Word `word` of the state `unpack` read: a range iterator's next value, count left and
    /// step; a list iterator's list and index.
    IterWord {
        unpack: Ref,
        word: u8,
        ty: Ty,
    },
    /// The value in cell `cell` (a closure's variable), whose tag must be `tag`; exits when it
    /// is of another type (or unbound).
    CellGet {
        cell: Ref,
        tag: u8,
        snap: SnapId,
    },
    /// `cell`'s value = `value` (a number).
    CellSet {
        cell: Ref,
        value: SymVal,
        snap: SnapId,
    },
    /// `len(range(start, stop, step))`; exits to `snap` (before the call of `range`, which the
    /// interpreter then makes) when `step` is 0 or the length does not fit.
    RangeLen {
        start: Ref,
        stop: Ref,
        step: Ref,
        snap: SnapId,
    },
    /// A global (or builtin, or module attribute) still has the value the trace was recorded
    /// with: `Trace::bindings[i]`.
    GuardBinding {
        binding: u32,
        snap: SnapId,
    },
    /// An argument of the `CallPy` that follows (the arguments come in order, right before
    /// it).
    CallArg(SymVal),
    /// A call of `Trace::consts[func]` through the interpreter (a residual call: a Python
    /// function with a loop, or recursive, or whose arguments need binding; a builtin the
    /// trace has no inline form of), with the `argc`
    /// `CallArg`s before it. Its result must have the tag `tag` (an int, float, bool or None)
    /// and every binding the tree was entered with must still hold; otherwise, or when the
    /// call raises, it exits to `snap` (after the call: the result, or the exception, is in
    /// the `Ctx`).
    CallPy {
        func: u32,
        argc: u32,
        tag: u8,
        /// The CALL instruction (code unit), where the call's exception is raised.
        at: u32,
        snap: SnapId,
    },
}

/// `IterUnpack::kind`: a range iterator (words: next, left, step).
pub const ITER_RANGE: u8 = 0;
/// `IterUnpack::kind`: a list iterator (words: the list's payload, the index).
pub const ITER_LIST: u8 = 1;
/// `IterUnpack::kind`: an `enumerate` of a list iterator (words: the count, the list's
/// payload, the index).
pub const ITER_ENUM_LIST: u8 = 2;
/// A flag `IterUnpack::kind` is passed with (as a word) in trees that make residual calls: the
/// iterator (and an enumerate's inner one) must be held by the frame alone.
pub const ITER_UNSHARED: u64 = 0x100;
/// With `ITER_UNSHARED`: the holders no Python code can reach besides the stack (see
/// `IterUnpack::hidden`), shifted by this (two bits).
pub const ITER_HIDDEN_SHIFT: u64 = 9;

/// A Python value as a trace holds it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sym {
    Int(Ref),
    Float(Ref),
    Bool(Ref),
    Complex(Ref, Ref),
    /// A heap object with value tag `tag`, borrowed (kept alive by a frame slot or a container).
    Obj {
        tag: u8,
        ptr: Ref,
    },
    /// A range iterator kept in registers (a virtual object): its next value, the count of
    /// values left and its step. `backed`: the state of the iterator object in the loop
    /// header's iterator slot, written back to that object when the trace exits; else an
    /// iterator the trace made (`for` over `range(...)`), allocated when it exits.
    RangeIter {
        next: Ref,
        left: Ref,
        step: Ref,
        backed: bool,
    },
    /// A list iterator kept in registers: the list (borrowed) and the next index; `backed` as
    /// for `RangeIter`.
    ListIter {
        list: Ref,
        index: Ref,
        backed: bool,
    },
    /// `enumerate` of a list iterator, kept in registers: the next count, the list (borrowed)
    /// and the next index; `backed` as for `RangeIter` (the list iterator inside the
    /// enumerate object is written too).
    EnumIter {
        count: Ref,
        list: Ref,
        index: Ref,
        backed: bool,
    },
    /// A constant: `Trace::consts[i]`.
    Const(u32),
    /// The interpreter's NULL (pushed before a call's callable).
    Null,
}

/// The part of a [`Sym`] that a store writes (Const and Null are never stored into lists).
pub type SymVal = Sym;

/// Why a snapshot's exit is taken, which decides what the interpreter does after it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SnapKind {
    /// A guard failed: the interpreter runs the instruction generically; a hot one grows a
    /// side trace.
    #[default]
    Guard,
    /// A step for the VM's limits (`Inst::Tick`): the interpreter counts it (never a side
    /// trace).
    Tick,
    /// A path's end entering another loop's compiled tree at `ip` (a loop header): taken every
    /// time, never a side trace.
    Link,
    /// After a residual call (`Inst::CallPy`), whose result is the top of the stack: the exit
    /// puts there the result the `Ctx` holds (or raises the call's exception); never a side
    /// trace.
    AfterCall,
    /// A path's end at a generator's `yield` (`ip`), the value yielded on top of the stack: the
    /// interpreter suspends the generator; taken every time, never a side trace.
    Yield,
    /// A path's end at a `return` (`ip`, a RETURN_VALUE), the value returned on top of the
    /// stack: the interpreter returns from the frame; taken every time, never a side trace.
    Return,
}

/// What to rebuild when a guard fails: the frame slots that differ from the interpreter's copy,
/// the stack depth and the instruction to resume at.
#[derive(Clone, Debug, Default)]
pub struct Snapshot {
    /// Code unit of the instruction to resume at.
    pub ip: u32,
    /// Absolute slot index one past the top of the stack.
    pub sp: u32,
    /// Slot → value; slots not listed hold the value they held at trace entry (or, for slots
    /// the loop carries, the value the loop header holds).
    pub slots: Vec<(u32, Sym)>,
    /// What the exit through it is for.
    pub kind: SnapKind,
    /// How many instructions its path had recorded (the current one included) when it was
    /// taken: a side trace from here continues `recorded[..step]`.
    pub step: u32,
    /// Steps an exit here gives back to the countdown: those of the inlined calls this
    /// snapshot (before the outermost one) counted in advance, which the interpreter makes
    /// again.
    pub refund: u32,
}

/// A trace tree: the loop's root trace and the side traces grown from its hot exits, sharing
/// one instruction arena (side traces use the values of the path that led to them).
#[derive(Default)]
pub struct Trace {
    pub insts: Vec<Inst>,
    pub snaps: Vec<Snapshot>,
    /// Constants the trace refers to (kept alive for as long as the trace).
    pub consts: Vec<crate::vm::Value>,
    /// Global and attribute bindings the trace depends on (boxed: compiled code points to them,
    /// and the vector grows and shrinks as side traces are recorded).
    #[allow(clippy::vec_box)]
    pub bindings: Vec<Box<Binding>>,
    /// The slots the loop carries around its header, each with its value as loaded at entry.
    /// Inside the loop the entry symbol's IR values stand for the header's.
    pub carried: Vec<(u32, Sym)>,
    /// Every slot some path read from the frame before writing it: its entry value.
    pub loaded: Vec<(u32, Sym)>,
    /// Stack pointer at the loop header.
    pub header_sp: u32,
    /// The root trace (first) and the side traces.
    pub paths: Vec<Path>,
    /// Deepest chain of Python calls some path inlined: the frame's depth plus this must stay
    /// within the recursion limit for the compiled code to do what the interpreter would.
    pub inline_depth: u32,
}

/// One trace of a tree: from the loop header (the root) or from a guard's exit (a side trace)
/// back to the loop header.
#[derive(Clone, Debug, Default)]
pub struct Path {
    /// The trace's number in the log.
    pub id: u32,
    /// The snapshot whose exit this path continues (None: the root).
    pub from: Option<SnapId>,
    /// Its instructions: `insts[start..end]`.
    pub start: u32,
    pub end: u32,
    /// Slot values at the back edge, for the slots it changed; the other carried slots keep
    /// the header's values.
    pub back: Vec<(u32, Sym)>,
    /// Set when the path does not go back to the header: the snapshot it ends by exiting
    /// through, and where that leads.
    pub leave: Option<(SnapId, Leave)>,
    /// The instructions recorded, in order (for the dump).
    pub recorded: Vec<Recorded>,
}

/// Where a path that does not go back to its loop header goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Leave {
    /// Into the compiled tree (its number) of the loop whose header the snapshot resumes at.
    Tree(u32),
    /// Out of the generator, through the `yield` the snapshot resumes at.
    Yield,
    /// Out of the function, through the `return` the snapshot resumes at.
    Return,
}

impl Leave {
    /// The kind of the snapshot a path ends with to leave this way.
    pub fn snap_kind(self) -> SnapKind {
        match self {
            Leave::Tree(_) => SnapKind::Link,
            Leave::Yield => SnapKind::Yield,
            Leave::Return => SnapKind::Return,
        }
    }
}

/// Where the log says a path goes: the tree's number, `yield` or `return`.
impl fmt::Display for Leave {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Leave::Tree(tree) => write!(f, "{tree}"),
            Leave::Yield => f.write_str("yield"),
            Leave::Return => f.write_str("return"),
        }
    }
}

/// One recorded instruction: a code unit of the loop's code, or of a function the trace
/// inlined.
#[derive(Clone)]
pub struct Recorded {
    pub at: u32,
    /// The inlined function's code (None: the loop's own), and how deep the call is.
    pub inlined: Option<(Rc<crate::bytecode::Code>, u32)>,
}

impl fmt::Debug for Recorded {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match &self.inlined {
            Some((code, depth)) => write!(f, "{}@{} (depth {depth})", code.qualname, self.at),
            None => write!(f, "{}", self.at),
        }
    }
}

impl Trace {
    /// The entry symbol of a carried slot.
    pub fn carried_entry(&self, slot: u32) -> Option<Sym> {
        self.carried
            .iter()
            .find(|(s, _)| *s == slot)
            .map(|(_, e)| *e)
    }

    /// The path continuing from snapshot `snap`.
    pub fn path_from(&self, snap: SnapId) -> Option<&Path> {
        self.paths.iter().find(|p| p.from == Some(snap))
    }

    /// The path one of whose instructions exits through `snap`.
    pub fn path_exiting(&self, snap: SnapId) -> Option<&Path> {
        self.paths
            .iter()
            .find(|p| (p.start..p.end).any(|i| self.insts[i as usize].exit() == Some(snap)))
    }

    /// What a side trace from `snap` continues: the instructions recorded on the way to that
    /// exit, path by path back to the root (each path up to where the next one leaves it).
    pub fn ancestors(&self, snap: SnapId) -> impl Iterator<Item = &[Recorded]> {
        std::iter::successors(Some(snap), |&s| self.path_exiting(s)?.from).filter_map(|s| {
            let path = self.path_exiting(s)?;
            let step = self.snaps[s as usize].step as usize;
            Some(&path.recorded[..step.min(path.recorded.len())])
        })
    }
}

/// A name binding a trace depends on: `dict[name]` (entry `index` while the dict's keys keep
/// `version`) is the value `expected`.
pub struct Binding {
    pub dict: std::rc::Rc<crate::objects::PyDict>,
    pub version: u64,
    pub index: u32,
    pub expected: crate::vm::Value,
    /// What the name is, for logs: `abs`, `math.sqrt`.
    pub what: String,
}

impl Inst {
    /// The machine type of the value the instruction defines (None: defines nothing).
    pub fn ty(&self) -> Option<Ty> {
        use Inst::*;
        Some(match self {
            SLoad { tag, .. }
            | ListItem { tag, .. }
            | ItemIterNext { tag, .. }
            | CellGet { tag, .. }
            | NameLoad { tag, .. }
            | TupleItem { tag, .. } => Ty::of_tag(*tag),
            ConstI(_)
            | IArith { .. }
            | IArithBounded { .. }
            | INeg { .. }
            | IAbs { .. }
            | IFloorDiv { .. }
            | IMod { .. }
            | ListLen(_)
            | TupleLen(_)
            | RangeLen { .. }
            | FToI { .. }
            | BToI(_)
            | RangeNext { .. } => Ty::I64,
            IterWord { ty, .. } => *ty,
            ConstF(_)
            | FArith { .. }
            | FDiv { .. }
            | FNeg(_)
            | FAbs(_)
            | IToF(_)
            | Math { .. }
            | Math1 { .. }
            | FPow { .. }
            | ComplexRe(_)
            | ComplexIm(_) => Ty::F64,
            ConstB(_) | ICmp { .. } | FCmp { .. } | Not(_) => Ty::Bool,
            CallPy { tag, .. } if *tag != crate::vm::value::tag::NONE => Ty::of_tag(*tag),
            Guard { .. }
            | CallPy { .. }
            | CallArg(_)
            | GuardExactF { .. }
            | ListStore { .. }
            | ListAppend { .. }
            | NameStore { .. }
            | Tick { .. }
            | CellSet { .. }
            | IterUnpack { .. }
            | GuardBinding { .. } => return None,
        })
    }
}

impl Inst {
    /// The snapshot the instruction exits to, if it can exit.
    pub fn exit(&self) -> Option<SnapId> {
        use Inst::*;
        match self {
            IArith { snap, .. }
            | INeg { snap, .. }
            | IAbs { snap, .. }
            | IFloorDiv { snap, .. }
            | IMod { snap, .. }
            | FDiv { snap, .. }
            | Math1 { snap, .. }
            | FPow { snap, .. }
            | GuardExactF { snap, .. }
            | Guard { snap, .. }
            | ListItem { snap, .. }
            | TupleItem { snap, .. }
            | ListStore { snap, .. }
            | RangeNext { snap, .. }
            | RangeLen { snap, .. }
            | FToI { snap, .. }
            | CellGet { snap, .. }
            | CellSet { snap, .. }
            | NameLoad { snap, .. }
            | NameStore { snap, .. }
            | Tick { snap, .. }
            | CallPy { snap, .. }
            | ItemIterNext { snap, .. } => Some(*snap),
            _ => None,
        }
    }
}

impl Ty {
    /// The machine type holding a payload of value tag `tag`.
    pub fn of_tag(tag: u8) -> Ty {
        use crate::vm::value::tag as t;
        match tag {
            t::INT => Ty::I64,
            t::FLOAT => Ty::F64,
            t::BOOL => Ty::Bool,
            _ => Ty::Ptr,
        }
    }
}

impl Sym {
    /// The IR values the symbol is made of.
    pub fn refs(&self) -> impl Iterator<Item = Ref> {
        let refs = match *self {
            Sym::Int(r) | Sym::Float(r) | Sym::Bool(r) | Sym::Obj { ptr: r, .. } => {
                [Some(r), None, None]
            }
            Sym::Complex(re, im) => [Some(re), Some(im), None],
            Sym::RangeIter {
                next, left, step, ..
            } => [Some(next), Some(left), Some(step)],
            Sym::ListIter { list, index, .. } => [Some(list), Some(index), None],
            Sym::EnumIter {
                count, list, index, ..
            } => [Some(count), Some(list), Some(index)],
            Sym::Const(_) | Sym::Null => [None, None, None],
        };
        refs.into_iter().flatten()
    }

    /// An iterator the trace keeps in registers.
    pub fn is_virtual_iter(&self) -> bool {
        matches!(
            self,
            Sym::RangeIter { .. } | Sym::ListIter { .. } | Sym::EnumIter { .. }
        )
    }

    /// Whether the symbol is the state of the loop header's iterator object.
    pub fn is_backed(&self) -> bool {
        matches!(
            self,
            Sym::RangeIter { backed: true, .. }
                | Sym::ListIter { backed: true, .. }
                | Sym::EnumIter { backed: true, .. }
        )
    }

    /// Whether two symbols hold the same kind of Python value (the loop can carry one into the
    /// other's place).
    pub fn same_kind(&self, other: &Sym) -> bool {
        match (self, other) {
            (Sym::Obj { tag: a, .. }, Sym::Obj { tag: b, .. }) => a == b,
            (Sym::Const(a), Sym::Const(b)) => a == b,
            _ => std::mem::discriminant(self) == std::mem::discriminant(other),
        }
    }
}

fn tag_name(tag: u8) -> &'static str {
    use crate::vm::value::tag as t;
    match tag {
        t::INT => "int",
        t::FLOAT => "float",
        t::BOOL => "bool",
        t::COMPLEX => "complex",
        t::LIST => "list",
        t::TUPLE => "tuple",
        t::ITERATOR => "iterator",
        t::CELL => "cell",
        t::NONE => "None",
        _ => "object",
    }
}

impl fmt::Display for Sym {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Sym::Int(r) => write!(f, "int %{r}"),
            Sym::Float(r) => write!(f, "float %{r}"),
            Sym::Bool(r) => write!(f, "bool %{r}"),
            Sym::Complex(a, b) => write!(f, "complex(%{a}, %{b})"),
            Sym::Obj { tag, ptr } => write!(f, "{} %{ptr}", tag_name(*tag)),
            Sym::RangeIter {
                next,
                left,
                step,
                backed,
            } => write!(
                f,
                "range_iterator(next %{next}, left %{left}, step %{step}{})",
                if *backed { ", in its object" } else { "" }
            ),
            Sym::ListIter {
                list,
                index,
                backed,
            } => write!(
                f,
                "list_iterator(%{list}, index %{index}{})",
                if *backed { ", in its object" } else { "" }
            ),
            Sym::EnumIter {
                count,
                list,
                index,
                backed,
            } => write!(
                f,
                "enumerate(count %{count}, list_iterator(%{list}, index %{index}){})",
                if *backed { ", in its object" } else { "" }
            ),
            Sym::Const(i) => write!(f, "const#{i}"),
            Sym::Null => write!(f, "NULL"),
        }
    }
}

impl fmt::Display for Inst {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use Inst::*;
        let ar = |op: &Arith| match op {
            Arith::Add => "add",
            Arith::Sub => "sub",
            Arith::Mul => "mul",
        };
        match self {
            SLoad { slot, tag } => write!(f, "sload slot{slot} [{}]", tag_name(*tag)),
            ConstI(v) => write!(f, "const {v}"),
            ConstF(v) => write!(f, "const {v:?}"),
            ConstB(v) => write!(f, "const {v}"),
            IArith { op, a, b, snap } => write!(f, "i{}.ov %{a}, %{b}  -> exit {snap}", ar(op)),
            IArithBounded { op, a, b, bound } => {
                write!(f, "i{} %{a}, %{b}  (no overflow: guard %{bound})", ar(op))
            }
            INeg { a, snap } => write!(f, "ineg.ov %{a}  -> exit {snap}"),
            IAbs { a, snap } => write!(f, "iabs.ov %{a}  -> exit {snap}"),
            IFloorDiv { a, b, snap } => write!(f, "ifloordiv %{a}, %{b}  -> exit {snap}"),
            IMod { a, b, snap } => write!(f, "imod %{a}, %{b}  -> exit {snap}"),
            ICmp { cc, a, b } => write!(f, "icmp %{a} {} %{b}", cc.name()),
            FArith { op, a, b } => write!(f, "f{} %{a}, %{b}", ar(op)),
            FDiv { a, b, snap } => write!(f, "fdiv %{a}, %{b}  -> exit {snap}"),
            FNeg(a) => write!(f, "fneg %{a}"),
            FAbs(a) => write!(f, "fabs %{a}"),
            FCmp { cc, a, b } => write!(f, "fcmp %{a} {} %{b}", cc.name()),
            IToF(a) => write!(f, "itof %{a}"),
            BToI(a) => write!(f, "btoi %{a}"),
            FToI { a, snap } => write!(f, "ftoi %{a}  -> exit {snap}"),
            GuardExactF { a, snap } => write!(f, "guard |%{a}| <= 2**53  -> exit {snap}"),
            Math { f: m, a, b } => write!(f, "call {m:?}(%{a}, %{b})"),
            FPow { a, b, snap } => write!(f, "fpow %{a}, %{b}  -> exit {snap}"),
            Math1 { f: m, a, snap } => write!(
                f,
                "call math.{}(%{a})  -> exit {snap}",
                crate::jit::runtime::MATH1[*m as usize].0
            ),
            Not(a) => write!(f, "not %{a}"),
            Guard { cond, expect, snap } => {
                write!(f, "guard %{cond} == {expect}  -> exit {snap}")
            }
            ComplexRe(a) => write!(f, "complex.real %{a}"),
            ComplexIm(a) => write!(f, "complex.imag %{a}"),
            ListLen(a) => write!(f, "list.len %{a}"),
            ListItem {
                list,
                index,
                tag,
                snap,
            } => write!(
                f,
                "list.item %{list}[%{index}] [{}]  -> exit {snap}",
                tag_name(*tag)
            ),
            ListStore {
                list,
                index,
                value,
                snap,
            } => write!(f, "list.store %{list}[%{index}] = {value}  -> exit {snap}"),
            ListAppend { list, value } => write!(f, "list.append %{list}, {value}"),
            Tick { snap, n } => write!(f, "tick {n}  -> exit {snap}"),
            CallArg(value) => write!(f, "arg {value}"),
            CallPy {
                func,
                argc,
                tag,
                snap,
                ..
            } => write!(
                f,
                "call const{func} ({argc} args) [{}]  -> exit {snap}",
                tag_name(*tag)
            ),
            NameLoad { binding, tag, snap } => write!(
                f,
                "name.load #{binding} [{}]  -> exit {snap}",
                tag_name(*tag)
            ),
            NameStore {
                binding,
                value,
                snap,
            } => write!(f, "name.store #{binding} = {value}  -> exit {snap}"),
            TupleLen(a) => write!(f, "tuple.len %{a}"),
            TupleItem {
                tuple,
                index,
                tag,
                snap,
            } => write!(
                f,
                "tuple.item %{tuple}[%{index}] [{}]  -> exit {snap}",
                tag_name(*tag)
            ),
            RangeNext { iter, snap } => write!(f, "range.next %{iter}  -> exit {snap}"),
            ItemIterNext { iter, tag, snap } => {
                write!(f, "iter.next %{iter} [{}]  -> exit {snap}", tag_name(*tag))
            }
            GuardBinding { binding, snap } => write!(f, "guard binding #{binding}  -> exit {snap}"),
            IterUnpack { iter, kind, .. } => write!(
                f,
                "iter.unpack %{iter} [{}]  (else not entered)",
                if *kind == ITER_RANGE {
                    "range_iterator"
                } else {
                    "list_iterator"
                }
            ),
            IterWord { unpack, word, .. } => write!(f, "iter.word %{unpack}.{word}"),
            CellGet { cell, tag, snap } => {
                write!(f, "cell.get %{cell} [{}]  -> exit {snap}", tag_name(*tag))
            }
            CellSet { cell, value, snap } => {
                write!(f, "cell.set %{cell} = {value}  -> exit {snap}")
            }
            RangeLen {
                start,
                stop,
                step,
                snap,
            } => write!(f, "range.len %{start}, %{stop}, %{step}  -> exit {snap}"),
        }
    }
}

impl Trace {
    /// The IR of path `p` (its instructions, then what it carries around the loop).
    pub fn show_path(&self, p: usize) -> String {
        let mut out = String::new();
        let path = &self.paths[p];
        for i in path.start..path.end {
            let inst = &self.insts[i as usize];
            let _ = match inst.ty() {
                Some(ty) => writeln!(out, "  %{i:<4} {:<5} = {inst}", format!("{ty:?}")),
                None => writeln!(out, "  {:<13} {inst}", ""),
            };
        }
        match path.leave {
            Some((snap, Leave::Tree(tree))) => {
                let _ = writeln!(out, "  enter trace {tree} through snapshot {snap}");
            }
            Some((snap, leave)) => {
                let _ = writeln!(out, "  {leave} through snapshot {snap}");
            }
            None => {
                let _ = writeln!(out, "  loop back with:");
                for (slot, sym) in &path.back {
                    let _ = writeln!(out, "    slot{slot} = {sym}");
                }
            }
        }
        let mut snaps: Vec<u32> = (path.start..path.end)
            .filter_map(|i| self.insts[i as usize].exit())
            .chain(path.leave.map(|(snap, _)| snap))
            .collect();
        snaps.dedup();
        for s in snaps {
            let snap = &self.snaps[s as usize];
            let _ = write!(
                out,
                "  snapshot {s}: resume at {} sp={}",
                snap.ip * 2,
                snap.sp
            );
            for (slot, sym) in &snap.slots {
                let _ = write!(out, " slot{slot}={sym}");
            }
            let _ = writeln!(out);
        }
        if p == 0 {
            for (slot, entry) in &self.carried {
                let _ = writeln!(out, "  carried: slot{slot} (entry {entry})");
            }
            for (i, b) in self.bindings.iter().enumerate() {
                let _ = writeln!(out, "  binding #{i}: {}", b.what);
            }
        }
        out
    }
}
