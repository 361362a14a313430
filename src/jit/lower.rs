//! Lowering: one trace becomes one Cranelift function.
//!
//! ```text
//!   entry:   load and type-check the slots the trace reads, check bindings  --fail--> return 0
//!   header(carried values...):
//!            the loop body; every guard branches to a cold exit block
//!            jump header(values at the end of the iteration)
//!   exit k:  store the snapshot's live values into the exit buffer; return k
//! ```
//! The function is `extern "C" fn(slots: *mut Value, buf: *mut u64, ctx: *mut Ctx) -> u32`; the
//! returned exit number selects an [`ExitInfo`] that says how to box the buffer's words back
//! into the frame.

use super::ir::{
    Arith, Cc, Inst, MathFn, Ref, SnapId, SnapKind, Sym, Trace, Ty, ITER_ENUM_LIST,
    ITER_HIDDEN_SHIFT, ITER_LIST, ITER_RANGE, ITER_UNSHARED,
};
use super::runtime::{self, Ctx};
use crate::vm::value::tag;
use crate::vm::Value;
use cranelift_codegen::ir::condcodes::{FloatCC, IntCC};
use cranelift_codegen::ir::{
    types, AbiParam, BlockArg, Inst as ClifInst, InstBuilder, MemFlagsData, Signature,
    StackSlotData, StackSlotKind,
};
use cranelift_codegen::Context;
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use cranelift_module::Module;
use std::collections::{HashMap, HashSet};

/// A compiled trace's entry point.
pub type TraceFn = unsafe extern "C" fn(*mut Value, *mut u64, *mut Ctx) -> u32;

/// How one word (or two, for complex) of the exit buffer becomes a frame slot's value.
#[derive(Clone, Copy, Debug)]
pub enum WriteKind {
    Int,
    Float,
    Bool,
    Complex,
    /// Three words: a range iterator's next value, count left and step; `backed`: written
    /// into the iterator object the slot holds, else a new iterator.
    RangeIter {
        backed: bool,
    },
    /// Two words: a list iterator's list (payload) and index; `backed` as for `RangeIter`.
    ListIter {
        backed: bool,
    },
    /// Three words: an enumerate's count, then its list iterator's list and index; `backed`
    /// as for `RangeIter`.
    EnumIter {
        backed: bool,
    },
    Obj(u8),
    /// `Trace::consts[i]`.
    Const(u32),
    Null,
}

#[derive(Clone, Debug)]
pub struct Write {
    pub slot: u32,
    pub kind: WriteKind,
    /// Index of the first buffer word.
    pub at: u32,
}

/// Where an exit resumes the interpreter and what it writes back.
#[derive(Clone, Debug, Default)]
pub struct ExitInfo {
    pub ip: u32,
    pub sp: u32,
    pub writes: Vec<Write>,
    /// The snapshot it came from (None: the entry checks failed).
    pub snap: Option<SnapId>,
    /// What the exit is for (a guard's, a link into the tree of the loop whose header is `ip`,
    /// a yield, ...).
    pub kind: SnapKind,
    /// The loop header's stack depth: slots from `sp` up to it, which the trace popped, are
    /// cleared.
    pub header_sp: u32,
}

pub struct Compiled {
    pub func: TraceFn,
    /// Indexed by exit number; exit 0 means the trace was not entered.
    pub exits: Vec<ExitInfo>,
    pub buf_len: usize,
    /// The tree's `Trace::inline_depth` (read at every entry: kept with the code).
    pub inline_depth: u32,
    /// The Cranelift IR and machine code listing, when a dump was asked for.
    pub clif: Option<String>,
    /// The residual calls' sites, which the code points to (owned here, never read; boxed
    /// so that they stay where the code was told they are while the vector grows).
    #[allow(dead_code, clippy::vec_box)]
    pub sites: Vec<Box<runtime::CallSite>>,
}

/// The operands of an instruction.
fn operands(inst: &Inst) -> Vec<Ref> {
    use Inst::*;
    match inst {
        SLoad { .. }
        | ConstI(_)
        | ConstF(_)
        | ConstB(_)
        | GuardBinding { .. }
        | Tick { .. }
        | NameLoad { .. } => {
            vec![]
        }
        IArith { a, b, .. }
        | IArithBounded { a, b, .. }
        | IFloorDiv { a, b, .. }
        | IMod { a, b, .. }
        | ICmp { a, b, .. }
        | FArith { a, b, .. }
        | FDiv { a, b, .. }
        | FCmp { a, b, .. }
        | Math { a, b, .. }
        | FPow { a, b, .. } => vec![*a, *b],
        INeg { a, .. }
        | IAbs { a, .. }
        | GuardExactF { a, .. }
        | Math1 { a, .. }
        | FToI { a, .. } => vec![*a],
        FNeg(a) | FAbs(a) | IToF(a) | BToI(a) | Not(a) | ComplexRe(a) | ComplexIm(a)
        | ListLen(a) => {
            vec![*a]
        }
        Guard { cond, .. } => vec![*cond],
        ListItem { list, index, .. } => vec![*list, *index],
        ListStore {
            list, index, value, ..
        } => {
            let mut v = vec![*list, *index];
            v.extend(value.refs());
            v
        }
        ListAppend { list, value } => {
            let mut v = vec![*list];
            v.extend(value.refs());
            v
        }
        NameStore { value, .. } | CallArg(value) => value.refs().collect(),
        CallPy { .. } => vec![],
        TupleLen(a) => vec![*a],
        TupleItem { tuple, index, .. } => vec![*tuple, *index],
        RangeNext { iter, .. } | ItemIterNext { iter, .. } | IterUnpack { iter, .. } => {
            vec![*iter]
        }
        IterWord { unpack, .. } | CellGet { cell: unpack, .. } => vec![*unpack],
        CellSet { cell, value, .. } => {
            let mut v = vec![*cell];
            v.extend(value.refs());
            v
        }
        RangeLen {
            start, stop, step, ..
        } => vec![*start, *stop, *step],
    }
}

fn clif_ty(t: Ty) -> types::Type {
    match t {
        Ty::I64 | Ty::Ptr => types::I64,
        Ty::F64 => types::F64,
        Ty::Bool => types::I8,
    }
}

fn sig(module: &JITModule, params: &[types::Type], ret: Option<types::Type>) -> Signature {
    let mut s = module.make_signature();
    s.params.extend(params.iter().map(|t| AbiParam::new(*t)));
    s.returns.extend(ret.map(AbiParam::new));
    s
}

/// Compiles `trace` into `module`.
pub fn compile(module: &mut JITModule, trace: &Trace, dump: bool) -> Result<Compiled, String> {
    let insts = &trace.insts;
    let mut uses = vec![0u32; insts.len()];
    for inst in insts {
        for r in operands(inst) {
            uses[r as usize] += 1;
        }
    }
    // Uses by instructions alone: a value exits need is recomputed in the (cold) exit.
    let inst_uses = uses.clone();
    for s in &trace.snaps {
        for (_, sym) in &s.slots {
            for r in sym.refs() {
                uses[r as usize] += 1;
            }
        }
    }
    for (_, entry) in &trace.carried {
        for r in entry.refs() {
            uses[r as usize] += 1;
        }
    }
    for path in &trace.paths {
        for (_, sym) in &path.back {
            for r in sym.refs() {
                uses[r as usize] += 1;
            }
        }
    }
    // `abs(z) < c`: decided from re*re + im*im away from the boundary, hypot only near it.
    // Applies when every instruction using the hypot compares it with a positive constant
    // (side traces re-evaluate their parent's comparison) and the loop does not carry it
    // around; exits recompute it.
    let carried_round = |m: Ref| -> bool {
        trace
            .paths
            .iter()
            .flat_map(|p| &p.back)
            .chain(&trace.carried)
            .any(|(_, sym)| sym.refs().any(|r| r == m))
    };
    let compares_only = |m: Ref| -> bool {
        inst_uses[m as usize] > 0
            && !carried_round(m)
            && insts.iter().all(|inst| match inst {
                Inst::FCmp { a, b, .. } if *a == m => {
                    matches!(insts[*b as usize], Inst::ConstF(c) if c > 0.0 && c.is_finite())
                }
                other => !operands(other).contains(&m),
            })
    };
    let fused: HashSet<Ref> = (0..insts.len() as Ref)
        .filter(|&m| {
            matches!(
                insts[m as usize],
                Inst::Math {
                    f: MathFn::Hypot,
                    ..
                }
            )
        })
        .filter(|&m| compares_only(m))
        .collect();
    let in_preheader = |i: usize| match &insts[i] {
        Inst::SLoad { .. }
        | Inst::GuardBinding { .. }
        | Inst::ConstI(_)
        | Inst::ConstF(_)
        | Inst::ConstB(_) => true,
        Inst::ComplexRe(p) | Inst::ComplexIm(p) | Inst::IterUnpack { iter: p, .. } => {
            matches!(insts[*p as usize], Inst::SLoad { .. })
        }
        Inst::IterWord { .. } => true,
        _ => false,
    };

    let mut ctx: Context = module.make_context();
    ctx.func.signature = sig(
        module,
        &[types::I64, types::I64, types::I64],
        Some(types::I32),
    );
    let mut fbc = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
    let sig_ff_f = b.import_signature(sig(module, &[types::F64, types::F64], Some(types::F64)));
    let sig_p_i = b.import_signature(sig(module, &[types::I64], Some(types::I64)));
    let sig_pi_p = b.import_signature(sig(module, &[types::I64, types::I64], Some(types::I64)));
    let sig_cpi_s = b.import_signature(sig(module, &[types::I64, types::I64], Some(types::I32)));
    let sig_cii_s = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::I64],
        Some(types::I32),
    ));
    let sig_store = b.import_signature(sig(
        module,
        &[
            types::I64,
            types::I64,
            types::I64,
            types::I64,
            types::F64,
            types::F64,
        ],
        Some(types::I32),
    ));
    let sig_name_store = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::I64, types::F64, types::F64],
        Some(types::I32),
    ));
    let sig_append = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::F64, types::F64],
        Some(types::I32),
    ));
    let sig_math1 = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::F64],
        Some(types::I32),
    ));
    let sig_pow = b.import_signature(sig(
        module,
        &[types::I64, types::F64, types::F64],
        Some(types::I32),
    ));
    let sig_bind = b.import_signature(sig(module, &[types::I64], Some(types::I32)));
    let sig_range_len = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::I64],
        Some(types::I64),
    ));
    let sig_rebind = b.import_signature(sig(
        module,
        &[types::I64, types::I64, types::I64, types::I64, types::I64],
        None,
    ));

    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    let fail_entry = b.create_block();
    b.set_cold_block(fail_entry);
    let header = b.create_block();
    b.switch_to_block(entry);
    let params = b.block_params(entry).to_vec();
    let (slots, buf, cx) = (params[0], params[1], params[2]);
    let flags = MemFlagsData::trusted();
    let mut vals: Vec<Option<cranelift_codegen::ir::Value>> = vec![None; insts.len()];
    let mut exit_blocks: HashMap<SnapId, cranelift_codegen::ir::Block> = HashMap::new();
    // The helper calls on the way to each exit (see `calls` below). An exit taken from places
    // after different calls gets the longest list with every site unknown.
    let mut exit_calls: HashMap<SnapId, Vec<Option<ClifInst>>> = HashMap::new();
    // Guards lowered together with the comparison they test.
    let mut threaded: HashSet<usize> = HashSet::new();
    let complex_off = runtime::complex_offset();
    // Residual calls: the arguments lowered so far (tag and payload word each), and the call
    // sites made. A callee may change any binding the entry checked: each call checks them
    // all again.
    let mut call_args: Vec<(cranelift_codegen::ir::Value, cranelift_codegen::ir::Value)> =
        Vec::new();
    let mut sites: Vec<Box<runtime::CallSite>> = Vec::new();
    let calls_out = insts.iter().any(|i| matches!(i, Inst::CallPy { .. }));
    let entry_bindings: Vec<*const super::ir::Binding> = insts
        .iter()
        .filter_map(|i| match i {
            Inst::GuardBinding { binding, .. } => {
                Some(&*trace.bindings[*binding as usize] as *const super::ir::Binding)
            }
            _ => None,
        })
        .collect();
    let seq_layout = runtime::seq_layout();

    // Helper calls on the way from the loop header to the instruction being lowered (each
    // path continues its parent's list from where it leaves it; `None` where the call's place
    // is not known), and their number where each value was defined. A float used after a call
    // it was defined before is stored to a stack slot right before that call (where it is
    // defined, if the call's place is unknown) and reloaded after it, so that its register
    // need not live across the call: otherwise the register allocator keeps such values (a
    // loop's carried floats, which exits after a call still need) on the stack all through
    // the loop. Stored at the call, not at the definition, so that paths without the call
    // (an inner loop's side trace) do not pay for the stores.
    let mut calls: Vec<Option<ClifInst>> = Vec::new();
    let mut defined_after: Vec<u32> = vec![0; insts.len()];
    let mut spills = Spills::default();
    macro_rules! v {
        ($r:expr) => {{
            let r = $r as usize;
            let v = vals[r].ok_or_else(|| format!("IR value %{r} used before it is defined"))?;
            let after = defined_after[r] as usize;
            if calls.len() > after && b.func.dfg.value_type(v) == types::F64 {
                spills.reload(&mut b, r as Ref, v, calls[after])
            } else {
                v
            }
        }};
    }
    // The three words a number is passed to the runtime as (`number_words`).
    macro_rules! number_words {
        ($value:expr) => {{
            let value: &Sym = $value;
            let mut parts = Vec::with_capacity(2);
            for r in value.refs() {
                parts.push(v!(r));
            }
            number_words(&mut b, value, &parts)?
        }};
    }
    macro_rules! helper {
        ($sig:expr, $f:expr, $args:expr) => {{
            let addr = b.ins().iconst(types::I64, $f as *const () as i64);
            let call = b.ins().call_indirect($sig, addr, $args);
            calls.push(Some(call));
            b.inst_results(call)[0]
        }};
    }
    // The address of binding `i`, which lives as long as the compiled code.
    macro_rules! binding_addr {
        ($i:expr) => {{
            let ptr = &*trace.bindings[$i as usize] as *const super::ir::Binding;
            b.ins().iconst(types::I64, ptr as usize as i64)
        }};
    }
    // Continues in a new block when `ok` holds, else leaves through `exit`.
    macro_rules! check {
        ($ok:expr, $exit:expr) => {{
            let cont = b.create_block();
            b.ins().brif($ok, cont, &[], $exit, &[]);
            b.switch_to_block(cont);
        }};
    }
    macro_rules! exit_for {
        ($snap:expr) => {{
            let s: SnapId = $snap;
            let seen = exit_calls.entry(s).or_insert_with(|| calls.clone());
            if *seen != calls {
                let n = seen.len().max(calls.len());
                *seen = vec![None; n];
            }
            *exit_blocks.entry(s).or_insert_with(|| {
                let blk = b.create_block();
                // (Where a side trace goes on, the block is its first: hot.)
                if trace.path_from(s).is_none() {
                    b.set_cold_block(blk);
                }
                blk
            })
        }};
    }

    // The order of lowering: the preheader (every path's entry loads), the loop header, the
    // root, then each side trace in the exit block it continues from.
    enum Step {
        Inst(usize),
        Header,
        Side(SnapId),
        Back(usize),
    }
    let mut steps: Vec<Step> = (0..insts.len())
        .filter(|&i| in_preheader(i))
        .map(Step::Inst)
        .collect();
    steps.push(Step::Header);
    for (p, path) in trace.paths.iter().enumerate() {
        if let Some(s) = path.from {
            steps.push(Step::Side(s));
        }
        steps.extend(
            (path.start as usize..path.end as usize)
                .filter(|&i| !in_preheader(i))
                .map(Step::Inst),
        );
        steps.push(Step::Back(p));
    }
    for step in steps {
        let i = match step {
            Step::Inst(i) => i,
            Step::Header => {
                // Into the loop: the carried values become the header's parameters. Floats
                // that crossed the preheader's calls (binding checks) come from stack slots
                // like any other: the register allocator would otherwise keep the loop's
                // parameters, which it allocates together with their entry values, on the
                // stack all through the loop.
                let mut args = Vec::new();
                let mut params = Vec::new();
                for (_, entry) in &trace.carried {
                    for r in entry.refs() {
                        let ty = clif_ty(insts[r as usize].ty().ok_or("untyped carried value")?);
                        params.push((r, b.append_block_param(header, ty)));
                        args.push(BlockArg::Value(v!(r)));
                    }
                }
                // (Inside the loop, preheader values are defined before every call.)
                calls.clear();
                for i in (0..insts.len()).filter(|&i| in_preheader(i)) {
                    defined_after[i] = 0;
                }
                for (r, p) in params {
                    vals[r as usize] = Some(p);
                    defined_after[r as usize] = 0;
                    spills.forget(r);
                }
                b.ins().jump(header, &args);
                b.switch_to_block(header);
                continue;
            }
            Step::Side(s) => {
                // The path goes on from where its parent leaves through this exit.
                if let Some(seen) = exit_calls.get(&s) {
                    calls = seen.clone();
                }
                let blk = exit_for!(s);
                b.switch_to_block(blk);
                refund(&mut b, cx, trace.snaps[s as usize].refund);
                continue;
            }
            Step::Back(p) => {
                let path = &trace.paths[p];
                if let Some((snap, _)) = path.leave {
                    // Into another loop's tree, or out of the generator, through the
                    // interpreter's frame.
                    let exit = exit_for!(snap);
                    b.ins().jump(exit, &[]);
                    continue;
                }
                // Around the loop. An iterator the path made takes the place of the header's
                // iterator object first (its state is written into it when the trace exits).
                for (slot, entry) in &trace.carried {
                    let now = path.back.iter().find(|(s, _)| s == slot).map(|(_, n)| n);
                    let (kind, list) = match now {
                        Some(Sym::RangeIter { backed: false, .. }) => (ITER_RANGE, None),
                        Some(Sym::ListIter {
                            list,
                            backed: false,
                            ..
                        }) => (ITER_LIST, Some(*list)),
                        Some(Sym::EnumIter {
                            list,
                            backed: false,
                            ..
                        }) => (ITER_ENUM_LIST, Some(*list)),
                        _ => continue,
                    };
                    if !entry.is_backed() {
                        return Err(format!("slot{slot}: an iterator carried into {entry}"));
                    }
                    let list = match list {
                        Some(l) => v!(l),
                        None => b.ins().iconst(types::I64, 0),
                    };
                    let (s, k) = (
                        b.ins().iconst(types::I64, *slot as i64),
                        b.ins().iconst(types::I64, kind as i64),
                    );
                    let addr = b
                        .ins()
                        .iconst(types::I64, runtime::iter_rebind as *const () as i64);
                    let call = b
                        .ins()
                        .call_indirect(sig_rebind, addr, &[cx, slots, s, k, list]);
                    calls.push(Some(call));
                }
                let mut args = Vec::new();
                for (slot, entry) in &trace.carried {
                    let now = path
                        .back
                        .iter()
                        .find(|(s, _)| s == slot)
                        .map_or(*entry, |(_, sym)| *sym);
                    for r in now.refs() {
                        args.push(BlockArg::Value(v!(r)));
                    }
                }
                b.ins().jump(header, &args);
                continue;
            }
        };
        let inst = &insts[i];
        if fused.contains(&(i as Ref)) || threaded.contains(&i) {
            continue;
        }
        {
            let value = match inst {
                Inst::SLoad { slot, tag: t } => {
                    let off = (*slot as i32) * 16;
                    let found = b.ins().load(types::I64, flags, slots, off);
                    let ok = b.ins().icmp_imm_s(IntCC::Equal, found, *t as i64);
                    check!(ok, fail_entry);
                    Some(match *t {
                        tag::FLOAT => b.ins().load(types::F64, flags, slots, off + 8),
                        tag::BOOL => b.ins().load(types::I8, flags, slots, off + 8),
                        tag::NONE => b.ins().iconst(types::I64, 0),
                        _ => b.ins().load(types::I64, flags, slots, off + 8),
                    })
                }
                Inst::ConstI(x) => Some(b.ins().iconst(types::I64, *x)),
                Inst::ConstF(x) => Some(b.ins().f64const(*x)),
                Inst::ConstB(x) => Some(b.ins().iconst(types::I8, *x as i64)),
                Inst::IterUnpack { iter, kind, hidden } => {
                    let kind = *kind as u64 | if calls_out { ITER_UNSHARED } else { 0 };
                    let it = v!(*iter);
                    let mut k = b.ins().iconst(types::I64, kind as i64);
                    if let (Some((slot, holders)), true) = (hidden, calls_out) {
                        // The hidden local holds this very iterator: holders no code reaches.
                        let off = (*slot as i32) * 16;
                        let t = b.ins().load(types::I64, flags, slots, off);
                        let p = b.ins().load(types::I64, flags, slots, off + 8);
                        let is_iter = b.ins().icmp_imm_s(IntCC::Equal, t, tag::ITERATOR as i64);
                        let same = b.ins().icmp(IntCC::Equal, p, it);
                        let both = b.ins().band(is_iter, same);
                        let too = (*holders as i64) << ITER_HIDDEN_SHIFT;
                        let too = b.ins().iconst(types::I64, too);
                        let zero = b.ins().iconst(types::I64, 0);
                        let flag = b.ins().select(both, too, zero);
                        k = b.ins().bor(k, flag);
                    }
                    let ok = helper!(sig_cii_s, runtime::iter_unpack, &[cx, it, k]);
                    check!(ok, fail_entry);
                    None
                }
                Inst::IterWord { word, ty, .. } => Some(b.ins().load(
                    clif_ty(*ty),
                    flags,
                    cx,
                    runtime::WORDS_OFFSET + 8 * *word as i32,
                )),
                Inst::FToI { a, snap } => {
                    // -2**63 <= x < 2**63 (false for NaN): the truncation fits.
                    let x = v!(*a);
                    let lo = b.ins().f64const(-9223372036854775808.0);
                    let hi = b.ins().f64const(9223372036854775808.0);
                    let above = b.ins().fcmp(FloatCC::GreaterThanOrEqual, x, lo);
                    let below = b.ins().fcmp(FloatCC::LessThan, x, hi);
                    let ok = b.ins().band(above, below);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(b.ins().fcvt_to_sint_sat(types::I64, x))
                }
                Inst::CellGet { cell, tag: t, snap } => {
                    let c = v!(*cell);
                    let p = helper!(sig_p_i, runtime::cell_get, &[c]);
                    let exit = exit_for!(*snap);
                    Some(load_item(&mut b, p, *t, exit))
                }
                Inst::CellSet { cell, value, snap } => {
                    let c = v!(*cell);
                    let (t, x, y) = number_words!(value);
                    let zero = b.ins().iconst(types::I64, 0);
                    let status = helper!(sig_store, runtime::cell_set, &[cx, c, zero, t, x, y]);
                    let ok = b.ins().icmp_imm_s(IntCC::Equal, status, 0);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    None
                }
                Inst::RangeLen {
                    start,
                    stop,
                    step,
                    snap,
                } => {
                    let (x, y, z) = (v!(*start), v!(*stop), v!(*step));
                    let n = helper!(sig_range_len, runtime::range_len, &[x, y, z]);
                    let ok = b.ins().icmp_imm_s(IntCC::SignedGreaterThanOrEqual, n, 0);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(n)
                }
                Inst::GuardBinding { binding, .. } => {
                    let addr = binding_addr!(*binding);
                    let f = b
                        .ins()
                        .iconst(types::I64, runtime::binding_holds as *const () as i64);
                    let call = b.ins().call_indirect(sig_bind, f, &[addr]);
                    calls.push(Some(call));
                    let ok = b.inst_results(call)[0];
                    check!(ok, fail_entry);
                    None
                }
                Inst::IArith { op, a, b: y, snap } => {
                    let (x, y) = (v!(*a), v!(*y));
                    let (r, of) = match op {
                        Arith::Add => b.ins().sadd_overflow(x, y),
                        Arith::Sub => b.ins().ssub_overflow(x, y),
                        Arith::Mul => b.ins().smul_overflow(x, y),
                    };
                    let exit = exit_for!(*snap);
                    let cont = b.create_block();
                    b.ins().brif(of, exit, &[], cont, &[]);
                    b.switch_to_block(cont);
                    Some(r)
                }
                Inst::IArithBounded { op, a, b: y, .. } => {
                    let (x, y) = (v!(*a), v!(*y));
                    Some(match op {
                        Arith::Add => b.ins().iadd(x, y),
                        Arith::Sub => b.ins().isub(x, y),
                        Arith::Mul => b.ins().imul(x, y),
                    })
                }
                Inst::INeg { a, snap } | Inst::IAbs { a, snap } => {
                    let x = v!(*a);
                    let ok = b.ins().icmp_imm_s(IntCC::NotEqual, x, i64::MIN);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(match inst {
                        Inst::INeg { .. } => b.ins().ineg(x),
                        _ => b.ins().iabs(x),
                    })
                }
                Inst::IFloorDiv { a, b: y, snap } | Inst::IMod { a, b: y, snap } => {
                    // Python's floor division and modulo: the quotient rounds toward minus
                    // infinity, the remainder takes the divisor's sign. Exits when `b == 0`,
                    // and for `i64::MIN // -1` (which overflows; `i64::MIN % -1` is 0).
                    let (x, y) = (v!(*a), v!(*y));
                    let modulo = matches!(inst, Inst::IMod { .. });
                    let nonzero = b.ins().icmp_imm_s(IntCC::NotEqual, y, 0);
                    let minus_one = b.ins().icmp_imm_s(IntCC::Equal, y, -1);
                    let exit = exit_for!(*snap);
                    let divisor = if modulo {
                        check!(nonzero, exit);
                        // `x % -1` is `x % 1`: 0, and the hardware never sees MIN / -1.
                        let one = b.ins().iconst(types::I64, 1);
                        b.ins().select(minus_one, one, y)
                    } else {
                        let min = b.ins().icmp_imm_s(IntCC::Equal, x, i64::MIN);
                        let overflow = b.ins().band(min, minus_one);
                        let fits = b.ins().bnot(overflow);
                        let ok = b.ins().band(nonzero, fits);
                        check!(ok, exit);
                        y
                    };
                    let q = b.ins().sdiv(x, divisor);
                    let prod = b.ins().imul(q, divisor);
                    let r = b.ins().isub(x, prod);
                    // A remainder of the other sign than the divisor: one step further.
                    let signs = b.ins().bxor(r, y);
                    let opposite = b.ins().icmp_imm_s(IntCC::SignedLessThan, signs, 0);
                    let inexact = b.ins().icmp_imm_s(IntCC::NotEqual, r, 0);
                    let adjust = b.ins().band(opposite, inexact);
                    Some(if modulo {
                        let stepped = b.ins().iadd(r, y);
                        b.ins().select(adjust, stepped, r)
                    } else {
                        let stepped = b.ins().iadd_imm_s(q, -1);
                        b.ins().select(adjust, stepped, q)
                    })
                }
                Inst::ICmp { cc, a, b: y } => {
                    let c = match cc {
                        Cc::Lt => IntCC::SignedLessThan,
                        Cc::Le => IntCC::SignedLessThanOrEqual,
                        Cc::Eq => IntCC::Equal,
                        Cc::Ne => IntCC::NotEqual,
                        Cc::Gt => IntCC::SignedGreaterThan,
                        Cc::Ge => IntCC::SignedGreaterThanOrEqual,
                    };
                    let (x, y) = (v!(*a), v!(*y));
                    Some(b.ins().icmp(c, x, y))
                }
                Inst::FArith { op, a, b: y } => {
                    let (x, y) = (v!(*a), v!(*y));
                    Some(match op {
                        Arith::Add => b.ins().fadd(x, y),
                        Arith::Sub => b.ins().fsub(x, y),
                        Arith::Mul => b.ins().fmul(x, y),
                    })
                }
                Inst::FDiv { a, b: y, snap } => {
                    let (x, y) = (v!(*a), v!(*y));
                    let zero = b.ins().f64const(0.0);
                    let ok = b.ins().fcmp(FloatCC::NotEqual, y, zero);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(b.ins().fdiv(x, y))
                }
                Inst::FNeg(a) => {
                    let x = v!(*a);
                    Some(b.ins().fneg(x))
                }
                Inst::FAbs(a) => {
                    let x = v!(*a);
                    Some(b.ins().fabs(x))
                }
                Inst::FCmp { cc, a, b: y } => {
                    let c = float_cc(*cc);
                    if fused.contains(a) {
                        let Inst::Math { a: re, b: im, .. } = insts[*a as usize] else {
                            return Err("fused comparison without hypot".into());
                        };
                        let Inst::ConstF(limit) = insts[*y as usize] else {
                            return Err("fused comparison without a constant".into());
                        };
                        let (re, im) = (v!(re), v!(im));
                        // A guard right after, its only user, takes the branches directly.
                        let guard = match insts.get(i + 1) {
                            Some(Inst::Guard { cond, expect, snap })
                                if *cond as usize == i && uses[i] == 1 =>
                            {
                                threaded.insert(i + 1);
                                Some((*expect, exit_for!(*snap)))
                            }
                            _ => None,
                        };
                        if guard.is_none() {
                            // Its slow path calls hypot (in a block made below).
                            calls.push(None);
                        }
                        abs_compare(&mut b, sig_ff_f, c, re, im, limit, guard)
                    } else {
                        let (x, y) = (v!(*a), v!(*y));
                        Some(b.ins().fcmp(c, x, y))
                    }
                }
                Inst::IToF(a) => {
                    let x = v!(*a);
                    Some(b.ins().fcvt_from_sint(types::F64, x))
                }
                Inst::BToI(a) => {
                    let x = v!(*a);
                    Some(b.ins().uextend(types::I64, x))
                }
                Inst::GuardExactF { a, snap } => {
                    let x = v!(*a);
                    let shifted = b.ins().iadd_imm_s(x, 1 << 53);
                    let ok = b
                        .ins()
                        .icmp_imm_u(IntCC::UnsignedLessThanOrEqual, shifted, 1 << 54);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    None
                }
                Inst::Math {
                    f: MathFn::Hypot,
                    a,
                    b: y,
                } => {
                    let (x, y) = (v!(*a), v!(*y));
                    Some(helper!(sig_ff_f, runtime::hypot, &[x, y]))
                }
                Inst::FPow { a, b: y, snap } => {
                    let (x, y) = (v!(*a), v!(*y));
                    let ok = helper!(sig_pow, runtime::float_pow, &[cx, x, y]);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(b.ins().load(types::F64, flags, cx, 0))
                }
                Inst::Math1 { f, a, snap } => {
                    let x = v!(*a);
                    let which = b.ins().iconst(types::I64, *f as i64);
                    let ok = helper!(sig_math1, runtime::math1, &[cx, which, x]);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(b.ins().load(types::F64, flags, cx, 0))
                }
                Inst::Not(a) => {
                    let x = v!(*a);
                    Some(b.ins().icmp_imm_s(IntCC::Equal, x, 0))
                }
                Inst::Guard { cond, expect, snap } => {
                    let c = v!(*cond);
                    let exit = exit_for!(*snap);
                    let cont = b.create_block();
                    if *expect {
                        b.ins().brif(c, cont, &[], exit, &[]);
                    } else {
                        b.ins().brif(c, exit, &[], cont, &[]);
                    }
                    b.switch_to_block(cont);
                    None
                }
                Inst::ComplexRe(p) | Inst::ComplexIm(p) => {
                    let off = complex_off
                        + if matches!(inst, Inst::ComplexIm(_)) {
                            8
                        } else {
                            0
                        };
                    let ptr = v!(*p);
                    Some(b.ins().load(types::F64, flags, ptr, off))
                }
                Inst::ListLen(l) => {
                    let l = v!(*l);
                    Some(match seq_layout {
                        Some(layout) => b.ins().load(types::I64, flags, l, layout.list_len),
                        None => helper!(sig_p_i, runtime::list_len, &[l]),
                    })
                }
                Inst::ListItem {
                    list: seq,
                    index,
                    tag: t,
                    snap,
                }
                | Inst::TupleItem {
                    tuple: seq,
                    index,
                    tag: t,
                    snap,
                } => {
                    let (seq, i) = (v!(*seq), v!(*index));
                    let is_list = matches!(inst, Inst::ListItem { .. });
                    Some(match seq_layout {
                        Some(layout) => {
                            let exit = exit_for!(*snap);
                            let (items, len) = if is_list {
                                let count = b.ins().load(types::I64, flags, seq, layout.list_flag);
                                let readable =
                                    b.ins()
                                        .icmp_imm_s(IntCC::SignedGreaterThanOrEqual, count, 0);
                                check!(readable, exit);
                                (layout.list_items, layout.list_len)
                            } else {
                                (layout.tuple_items, layout.tuple_len)
                            };
                            let p = item_addr(&mut b, seq, i, items, len, exit);
                            load_tagged(&mut b, p, *t, exit)
                        }
                        None => {
                            let p = if is_list {
                                helper!(sig_pi_p, runtime::list_item, &[seq, i])
                            } else {
                                helper!(sig_pi_p, runtime::tuple_item, &[seq, i])
                            };
                            let exit = exit_for!(*snap);
                            load_item(&mut b, p, *t, exit)
                        }
                    })
                }
                Inst::TupleLen(a) => {
                    let x = v!(*a);
                    Some(match seq_layout {
                        Some(layout) => b.ins().load(types::I64, flags, x, layout.tuple_len),
                        None => helper!(sig_p_i, runtime::tuple_len, &[x]),
                    })
                }
                Inst::ItemIterNext {
                    iter,
                    tag: tg,
                    snap,
                } => {
                    let it = v!(*iter);
                    let t = b.ins().iconst(types::I64, *tg as i64);
                    let p = helper!(sig_pi_p, runtime::item_iter_next, &[it, t]);
                    let exit = exit_for!(*snap);
                    Some(load_item(&mut b, p, *tg, exit))
                }
                Inst::ListStore {
                    list,
                    index,
                    value,
                    snap,
                } => {
                    let (l, i) = (v!(*list), v!(*index));
                    let word = match value {
                        Sym::Complex(..) => None,
                        _ => {
                            let mut parts = Vec::with_capacity(1);
                            for r in value.refs() {
                                parts.push(v!(r));
                            }
                            Some(payload_word(&mut b, value, &parts)?)
                        }
                    };
                    match (seq_layout, word) {
                        // An immediate number replacing an immediate: two stores. An object
                        // replaced leaves through the exit (the interpreter stores): a helper
                        // call here, however cold, would make the register allocator keep the
                        // floats live across it on the stack.
                        (Some(layout), Some((t, word))) => {
                            let exit = exit_for!(*snap);
                            let count = b.ins().load(types::I64, flags, l, layout.list_flag);
                            let free = b.ins().icmp_imm_s(IntCC::Equal, count, 0);
                            check!(free, exit);
                            let p =
                                item_addr(&mut b, l, i, layout.list_items, layout.list_len, exit);
                            let old = b.ins().load(types::I64, flags, p, 0);
                            let immediate = b.ins().icmp_imm_u(
                                IntCC::UnsignedLessThanOrEqual,
                                old,
                                crate::vm::value::LAST_IMMEDIATE as i64,
                            );
                            check!(immediate, exit);
                            let t = b.ins().iconst(types::I64, t as i64);
                            b.ins().store(flags, t, p, 0);
                            b.ins().store(flags, word, p, 8);
                        }
                        _ => {
                            let (t, x, y) = number_words!(value);
                            let status =
                                helper!(sig_store, runtime::list_store, &[cx, l, i, t, x, y]);
                            let ok = b.ins().icmp_imm_s(IntCC::Equal, status, 0);
                            let exit = exit_for!(*snap);
                            check!(ok, exit);
                        }
                    }
                    None
                }
                Inst::ListAppend { list, value } => {
                    let l = v!(*list);
                    match value {
                        // An object: a new reference to it. A constant's object lives as
                        // long as the trace.
                        Sym::Obj { tag: t, ptr } => {
                            let (t, p) = (b.ins().iconst(types::I64, *t as i64), v!(*ptr));
                            helper!(sig_cii_s, runtime::list_append_object, &[l, t, p]);
                        }
                        Sym::Const(k) => {
                            let (t, p) = const_words(&mut b, &trace.consts[*k as usize]);
                            helper!(sig_cii_s, runtime::list_append_object, &[l, t, p]);
                        }
                        _ => {
                            let (t, re, im) = number_words!(value);
                            helper!(sig_append, runtime::list_append, &[l, t, re, im]);
                        }
                    }
                    None
                }
                Inst::CallArg(value) => {
                    let words = match value {
                        Sym::Obj { tag: t, ptr } => {
                            (b.ins().iconst(types::I64, *t as i64), v!(*ptr))
                        }
                        Sym::Const(k) => const_words(&mut b, &trace.consts[*k as usize]),
                        _ => {
                            let mut parts = Vec::with_capacity(1);
                            for r in value.refs() {
                                parts.push(v!(r));
                            }
                            let (t, word) = payload_word(&mut b, value, &parts)?;
                            (b.ins().iconst(types::I64, t as i64), word)
                        }
                    };
                    call_args.push(words);
                    None
                }
                Inst::CallPy {
                    func,
                    argc,
                    tag: t,
                    at,
                    snap,
                } => {
                    let callee = &trace.consts[*func as usize];
                    let n = *argc as usize;
                    if call_args.len() < n {
                        return Err("a call without its arguments".into());
                    }
                    let args = call_args.split_off(call_args.len() - n);
                    let area = b.create_sized_stack_slot(StackSlotData::new(
                        StackSlotKind::ExplicitSlot,
                        16 * n.max(1) as u32,
                        3,
                    ));
                    for (k, (tag_word, payload)) in args.into_iter().enumerate() {
                        b.ins()
                            .stack_store(types::I64, tag_word, area, 16 * k as i32);
                        b.ins()
                            .stack_store(types::I64, payload, area, 16 * k as i32 + 8);
                    }
                    let site = Box::new(runtime::CallSite {
                        func: callee.clone(),
                        argc: n,
                        tag: *t,
                        at: *at,
                        bindings: entry_bindings.clone(),
                    });
                    let site_addr = b
                        .ins()
                        .iconst(types::I64, &*site as *const runtime::CallSite as i64);
                    sites.push(site);
                    let area = b.ins().stack_addr(types::I64, area, 0);
                    let status = helper!(sig_cii_s, runtime::call_py, &[cx, site_addr, area]);
                    let ok = b.ins().icmp_imm_s(IntCC::Equal, status, 0);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    match *t {
                        tag::NONE => None,
                        t => Some(b.ins().load(clif_ty(Ty::of_tag(t)), flags, cx, 0)),
                    }
                }
                Inst::NameLoad {
                    binding,
                    tag: t,
                    snap,
                } => {
                    let addr = binding_addr!(*binding);
                    let p = helper!(sig_p_i, runtime::name_slot, &[addr]);
                    let exit = exit_for!(*snap);
                    Some(load_item(&mut b, p, *t, exit))
                }
                Inst::NameStore {
                    binding,
                    value,
                    snap,
                } => {
                    let addr = binding_addr!(*binding);
                    let (t, x, y) = number_words!(value);
                    let status = helper!(sig_name_store, runtime::name_store, &[cx, addr, t, x, y]);
                    let ok = b.ins().icmp_imm_s(IntCC::Equal, status, 0);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    None
                }
                Inst::Tick { snap, n: steps } => {
                    let off = runtime::TICKS_OFFSET;
                    let n = b.ins().load(types::I64, flags, cx, off);
                    let last = b
                        .ins()
                        .icmp_imm_s(IntCC::SignedLessThanOrEqual, n, *steps as i64);
                    let exit = exit_for!(*snap);
                    let cont = b.create_block();
                    b.ins().brif(last, exit, &[], cont, &[]);
                    b.switch_to_block(cont);
                    let n = b.ins().iadd_imm_s(n, -(*steps as i64));
                    b.ins().store(flags, n, cx, off);
                    None
                }
                Inst::RangeNext { iter, snap } => {
                    let it = v!(*iter);
                    let ok = helper!(sig_cpi_s, runtime::range_next, &[cx, it]);
                    let exit = exit_for!(*snap);
                    check!(ok, exit);
                    Some(b.ins().load(types::I64, flags, cx, 0))
                }
            };
            vals[i] = value;
            defined_after[i] = calls.len() as u32;
        }
    }

    b.switch_to_block(fail_entry);
    let zero = b.ins().iconst(types::I32, 0);
    b.ins().return_(&[zero]);

    let mut exits = vec![ExitInfo::default()];
    let mut buf_len = 0usize;
    let mut snaps: Vec<_> = exit_blocks
        .into_iter()
        .filter(|(s, _)| trace.path_from(*s).is_none())
        .collect();
    snaps.sort_by_key(|(s, _)| *s);
    for (snap_id, blk) in snaps {
        // (An exit no guard asked for would reload nothing: its values are used directly.)
        calls = exit_calls.remove(&snap_id).unwrap_or_default();
        b.switch_to_block(blk);
        let snap = &trace.snaps[snap_id as usize];
        refund(&mut b, cx, snap.refund);
        let mut syms: Vec<(u32, Sym)> = Vec::new();
        // (Slots from the stack pointer up, which the path popped, hold nothing.)
        for (slot, entry) in trace.carried.iter().filter(|(s, _)| *s < snap.sp) {
            let now = snap
                .slots
                .iter()
                .find(|(s, _)| s == slot)
                .map_or(*entry, |(_, sym)| *sym);
            syms.push((*slot, now));
        }
        for (slot, sym) in &snap.slots {
            if trace.carried_entry(*slot).is_none() {
                syms.push((*slot, *sym));
            }
        }
        let mut writes = Vec::new();
        let mut hypots: Vec<(u32, Ref, Ref)> = Vec::new();
        let mut at = 0u32;
        for (slot, sym) in syms {
            let kind = match sym {
                Sym::Int(_) => WriteKind::Int,
                Sym::Float(_) => WriteKind::Float,
                Sym::Bool(_) => WriteKind::Bool,
                Sym::Complex(..) => WriteKind::Complex,
                Sym::RangeIter { backed, .. } => WriteKind::RangeIter { backed },
                Sym::ListIter { backed, .. } => WriteKind::ListIter { backed },
                Sym::EnumIter { backed, .. } => WriteKind::EnumIter { backed },
                Sym::Obj { tag: t, .. } => WriteKind::Obj(t),
                Sym::Const(i) => WriteKind::Const(i),
                Sym::Null => WriteKind::Null,
            };
            writes.push(Write { slot, kind, at });
            for r in sym.refs() {
                if let (true, Inst::Math { a, b: y, .. }) = (fused.contains(&r), &insts[r as usize])
                {
                    hypots.push((at, *a, *y));
                    at += 1;
                    continue;
                }
                let mut x = v!(r);
                if insts[r as usize].ty() == Some(Ty::Bool) {
                    x = b.ins().uextend(types::I64, x);
                }
                b.ins().store(flags, x, buf, (at * 8) as i32);
                at += 1;
            }
        }
        // The hypot calls last: no other value has to live across them.
        for (at, x, y) in hypots.drain(..) {
            let (x, y) = (v!(x), v!(y));
            let h = helper!(sig_ff_f, runtime::hypot, &[x, y]);
            b.ins().store(flags, h, buf, (at * 8) as i32);
        }
        buf_len = buf_len.max(at as usize);
        let id = b.ins().iconst(types::I32, exits.len() as i64);
        b.ins().return_(&[id]);
        exits.push(ExitInfo {
            ip: snap.ip,
            sp: snap.sp,
            writes,
            snap: Some(snap_id),
            kind: snap.kind,
            header_sp: trace.header_sp,
        });
    }
    b.seal_all_blocks();
    b.finalize(module.target_config());

    let (code, clif) = define(module, &mut ctx, dump)?;
    // SAFETY: the function was compiled with exactly this signature (three pointers in, an
    // exit number out) and the C calling convention of the host.
    let func = unsafe { std::mem::transmute::<*const u8, TraceFn>(code) };
    Ok(Compiled {
        func,
        exits,
        buf_len: buf_len.max(1),
        inline_depth: trace.inline_depth,
        clif,
        sites,
    })
}

/// Floats kept in stack slots across helper calls (see `calls` in `lower`): each value's
/// slot, and the places it is stored at (before a call, or where it is defined: `None`).
#[derive(Default)]
struct Spills {
    slots: HashMap<Ref, cranelift_codegen::ir::StackSlot>,
    stored: HashSet<(Ref, Option<ClifInst>)>,
}

impl Spills {
    /// Value `v` (IR value `r`) reloaded from its stack slot, which is created on first need,
    /// and stored to right before `call`, the first call after `v`'s definition on the way
    /// here, or where `v` is defined when that call's place is unknown.
    fn reload(
        &mut self,
        b: &mut FunctionBuilder,
        r: Ref,
        v: cranelift_codegen::ir::Value,
        call: Option<ClifInst>,
    ) -> cranelift_codegen::ir::Value {
        use cranelift_codegen::cursor::{Cursor, FuncCursor};
        use cranelift_codegen::ir::{StackSlotData, StackSlotKind, ValueDef};
        let slot = *self.slots.entry(r).or_insert_with(|| {
            b.create_sized_stack_slot(StackSlotData::new(StackSlotKind::ExplicitSlot, 8, 3))
        });
        if self.stored.insert((r, call)) {
            let mut pos = FuncCursor::new(b.func);
            match (call, pos.func.dfg.value_def(v)) {
                // (Inserted before the call.)
                (Some(call), _) => pos.goto_inst(call),
                (None, ValueDef::Result(inst, _)) => pos.goto_after_inst(inst),
                (None, ValueDef::Param(block, _)) => pos.goto_first_insertion_point(block),
                _ => unreachable!(
                    "a lowered value is an instruction's result or a block's parameter"
                ),
            }
            pos.ins().stack_store(types::I64, v, slot, 0);
        }
        b.ins().stack_load(types::I64, types::F64, slot, 0)
    }

    /// Forgets `r`'s slot: `r` now names another value (a loop header's parameter).
    fn forget(&mut self, r: Ref) {
        self.slots.remove(&r);
        self.stored.retain(|(s, _)| *s != r);
    }
}

/// Compiles the function built in `ctx` into `module` and makes it executable: its address,
/// and its Cranelift IR and machine code listing when `dump` asks for it.
pub fn define(
    module: &mut JITModule,
    ctx: &mut Context,
    dump: bool,
) -> Result<(*const u8, Option<String>), String> {
    let id = module
        .declare_anonymous_function(&ctx.func.signature)
        .map_err(|e| e.to_string())?;
    ctx.set_disasm(dump);
    module
        .define_function(id, ctx)
        .map_err(|e| format!("{e:?}"))?;
    // The dump shows the function and the machine code it became (Cranelift's listing,
    // registers allocated).
    let clif = dump.then(|| {
        let code = ctx.compiled_code().and_then(|c| c.vcode.as_deref());
        format!(
            "{}\n---- machine code\n{}",
            ctx.func.display(),
            code.unwrap_or("")
        )
    });
    module.clear_context(ctx);
    module.finalize_definitions().map_err(|e| e.to_string())?;
    Ok((module.get_finalized_function(id), clif))
}

fn float_cc(cc: Cc) -> FloatCC {
    match cc {
        Cc::Lt => FloatCC::LessThan,
        Cc::Le => FloatCC::LessThanOrEqual,
        Cc::Eq => FloatCC::Equal,
        Cc::Ne => FloatCC::NotEqual,
        Cc::Gt => FloatCC::GreaterThan,
        Cc::Ge => FloatCC::GreaterThanOrEqual,
    }
}

/// Loads the item a helper pointed to (null: exit), guarding its tag.
fn load_item(
    b: &mut FunctionBuilder,
    p: cranelift_codegen::ir::Value,
    t: u8,
    exit: cranelift_codegen::ir::Block,
) -> cranelift_codegen::ir::Value {
    let cont = b.create_block();
    b.ins().brif(p, cont, &[], exit, &[]);
    b.switch_to_block(cont);
    load_tagged(b, p, t, exit)
}

/// The payload of the `Value` at `p`, after checking its tag is `t` (else leaving by `exit`).
fn load_tagged(
    b: &mut FunctionBuilder,
    p: cranelift_codegen::ir::Value,
    t: u8,
    exit: cranelift_codegen::ir::Block,
) -> cranelift_codegen::ir::Value {
    let flags = MemFlagsData::trusted();
    let found = b.ins().load(types::I64, flags, p, 0);
    let ok = b.ins().icmp_imm_s(IntCC::Equal, found, t as i64);
    let cont = b.create_block();
    b.ins().brif(ok, cont, &[], exit, &[]);
    b.switch_to_block(cont);
    match t {
        tag::FLOAT => b.ins().load(types::F64, flags, p, 8),
        tag::BOOL => b.ins().load(types::I8, flags, p, 8),
        _ => b.ins().load(types::I64, flags, p, 8),
    }
}

/// Gives `steps` back to the VM's countdown (exits that make inlined calls again).
fn refund(b: &mut FunctionBuilder, cx: cranelift_codegen::ir::Value, steps: u32) {
    if steps > 0 {
        let flags = MemFlagsData::trusted();
        let n = b.ins().load(types::I64, flags, cx, runtime::TICKS_OFFSET);
        let n = b.ins().iadd_imm_s(n, steps as i64);
        b.ins().store(flags, n, cx, runtime::TICKS_OFFSET);
    }
}

/// A number passed to a helper as three words: its tag, then its two parts as floats (a
/// complex number's real and imaginary parts; another number's payload bits, and 0.0).
fn number_words(
    b: &mut FunctionBuilder,
    value: &Sym,
    parts: &[cranelift_codegen::ir::Value],
) -> Result<
    (
        cranelift_codegen::ir::Value,
        cranelift_codegen::ir::Value,
        cranelift_codegen::ir::Value,
    ),
    String,
> {
    let get = |k: usize| {
        parts
            .get(k)
            .copied()
            .ok_or_else(|| format!("{value} passed as a number"))
    };
    let (t, x, y) = match value {
        Sym::Complex(..) => (tag::COMPLEX, get(0)?, get(1)?),
        _ => {
            let (t, word) = payload_word(b, value, parts)?;
            let word = b.ins().bitcast(types::F64, MemFlagsData::new(), word);
            (t, word, b.ins().f64const(0.0))
        }
    };
    Ok((b.ins().iconst(types::I64, t as i64), x, y))
}

/// A constant's tag and payload word (its object lives as long as the trace).
fn const_words(
    b: &mut FunctionBuilder,
    c: &Value,
) -> (cranelift_codegen::ir::Value, cranelift_codegen::ir::Value) {
    (
        b.ins().iconst(types::I64, c.tag() as i64),
        b.ins().iconst(types::I64, runtime::payload_of(c) as i64),
    )
}

/// An int, float or bool as the tag and payload word of its `Value`.
fn payload_word(
    b: &mut FunctionBuilder,
    value: &Sym,
    parts: &[cranelift_codegen::ir::Value],
) -> Result<(u8, cranelift_codegen::ir::Value), String> {
    let x = *parts
        .first()
        .ok_or_else(|| format!("{value} passed as a number"))?;
    Ok(match value {
        Sym::Int(_) => (tag::INT, x),
        Sym::Float(_) => (
            tag::FLOAT,
            b.ins().bitcast(types::I64, MemFlagsData::new(), x),
        ),
        Sym::Bool(_) => (tag::BOOL, b.ins().uextend(types::I64, x)),
        _ => return Err(format!("{value} passed as a number")),
    })
}

/// The address of item `index` (negative: from the end) of the list or tuple `seq`, whose
/// item pointer and length are at offsets `items` and `len`; out of range leaves by `exit`.
fn item_addr(
    b: &mut FunctionBuilder,
    seq: cranelift_codegen::ir::Value,
    index: cranelift_codegen::ir::Value,
    items: i32,
    len: i32,
    exit: cranelift_codegen::ir::Block,
) -> cranelift_codegen::ir::Value {
    let flags = MemFlagsData::trusted();
    let n = b.ins().load(types::I64, flags, seq, len);
    let negative = b.ins().icmp_imm_s(IntCC::SignedLessThan, index, 0);
    let from_end = b.ins().iadd(index, n);
    let k = b.ins().select(negative, from_end, index);
    let inside = b.ins().icmp(IntCC::UnsignedLessThan, k, n);
    let cont = b.create_block();
    b.ins().brif(inside, cont, &[], exit, &[]);
    b.switch_to_block(cont);
    let base = b.ins().load(types::I64, flags, seq, items);
    let offset = b.ins().ishl_imm_u(k, 4);
    b.ins().iadd(base, offset)
}

/// `hypot(re, im) <cc> limit` without calling hypot when re*re + im*im is clearly on one side:
/// the sum's rounding error is a few ulps, far inside the 2**-40 margin, so the answer is the
/// one hypot would give; near the boundary, or for infinities and NaNs, hypot decides.
///
/// With `guard` (the value the comparison must have, and the exit otherwise) the branches go
/// straight on or to the exit and no value is made.
#[allow(clippy::too_many_arguments)]
fn abs_compare(
    b: &mut FunctionBuilder,
    sig_ff_f: cranelift_codegen::ir::SigRef,
    cc: FloatCC,
    re: cranelift_codegen::ir::Value,
    im: cranelift_codegen::ir::Value,
    limit: f64,
    guard: Option<(bool, cranelift_codegen::ir::Block)>,
) -> Option<cranelift_codegen::ir::Value> {
    let sq = limit * limit;
    let margin = 1.0 / (1u64 << 40) as f64;
    let (lo, hi) = (sq * (1.0 - margin), sq * (1.0 + margin));
    let below_means = matches!(
        cc,
        FloatCC::LessThan | FloatCC::LessThanOrEqual | FloatCC::NotEqual
    );
    let above_means = matches!(
        cc,
        FloatCC::GreaterThan | FloatCC::GreaterThanOrEqual | FloatCC::NotEqual
    );
    let rr = b.ins().fmul(re, re);
    let ii = b.ins().fmul(im, im);
    let s = b.ins().fadd(rr, ii);
    let done = b.create_block();
    let result = match guard {
        Some(_) => None,
        None => Some(b.append_block_param(done, types::I8)),
    };
    // Where a known answer goes: on, or to the exit.
    let target =
        |b: &mut FunctionBuilder, answer: bool| -> (cranelift_codegen::ir::Block, Vec<BlockArg>) {
            match guard {
                Some((expect, exit)) => (if answer == expect { done } else { exit }, vec![]),
                None => {
                    let v = b.ins().iconst(types::I8, answer as i64);
                    (done, vec![BlockArg::Value(v)])
                }
            }
        };
    let check_hi = b.create_block();
    let lo_v = b.ins().f64const(lo);
    let below = b.ins().fcmp(FloatCC::LessThan, s, lo_v);
    let (t, args) = target(b, below_means);
    b.ins().brif(below, t, &args, check_hi, &[]);
    b.switch_to_block(check_hi);
    let hi_v = b.ins().f64const(hi);
    let above = b.ins().fcmp(FloatCC::GreaterThan, s, hi_v);
    let (t, args) = target(b, above_means);
    // Near the boundary a guard leaves through its exit, whose snapshot resumes at the
    // comparison: the interpreter (or the side trace there) decides it from hypot. No call
    // in the loop, so no value has to live across one (in SysV every float register is
    // clobbered by a call).
    if let Some((_, exit)) = guard {
        b.ins().brif(above, t, &args, exit, &[]);
        b.switch_to_block(done);
        return result;
    }
    let slow = b.create_block();
    b.set_cold_block(slow);
    b.ins().brif(above, t, &args, slow, &[]);
    b.switch_to_block(slow);
    let addr = b
        .ins()
        .iconst(types::I64, runtime::hypot as *const () as i64);
    let call = b.ins().call_indirect(sig_ff_f, addr, &[re, im]);
    let h = b.inst_results(call)[0];
    let limit_v = b.ins().f64const(limit);
    let r = b.ins().fcmp(cc, h, limit_v);
    match guard {
        Some((expect, exit)) => {
            if expect {
                b.ins().brif(r, done, &[], exit, &[]);
            } else {
                b.ins().brif(r, exit, &[], done, &[]);
            }
        }
        None => {
            b.ins().jump(done, &[BlockArg::Value(r)]);
        }
    }
    b.switch_to_block(done);
    result
}
