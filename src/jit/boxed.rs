//! The boxed tier (`pyvm run --jit=boxed`): a hot loop compiled without specialising anything.
//!
//! `pyvm bench` separates the interpreter's overhead into dispatch and boxing by running a
//! program in three tiers (../shared/DESIGN.md, "Measuring boxing and dispatch"). This is the
//! middle one: the loop's bytecode becomes straight-line machine code that calls, for each
//! instruction, what the interpreter does for it (`Vm::binary_value`, `Vm::for_iter_next`, ...)
//! on the boxed values in the frame. Decoding and dispatching are gone; type checks, boxing and
//! the values' trips through memory remain.
//!
//! ```text
//!   header:  block per instruction of the loop (header .. its last back edge)
//!            call op_<name>(vm, frame, cx, arg, extra) -> status
//!            status < 0:  return -1 - at            (an exception, raised at `at`)
//!            status & 2:  return <next instruction>  (a generator to close: the interpreter
//!                                                     does that between instructions)
//!            conditional jumps branch on the status's low bit; back edges inside the loop
//!            count a step and jump to their block
//!            LOAD_FAST, STORE_FAST, LOAD_CONST, PUSH_NULL: inline, reference counts included
//!            (a store that frees the old value calls the helper)
//!            COMPARE_OP + POP_JUMP_*: one call, fused as the interpreter fuses them (status
//!            & 4: the comparison was not a builtin one; the jump runs on its own)
//!   other:   return <ip>  (a jump out of the loop, or an instruction not compiled here)
//! ```
//! Unlike the full tier this compiles the loop's whole body, both sides of every branch, not
//! a trace: without types to specialise there is nothing to gain from following one path, and
//! the tier's purpose is to take dispatch away everywhere in the loop. The frame is always up
//! to date, so leaving needs no snapshot.

use crate::bytecode::code::Instruction;
use crate::bytecode::opcodes::Opcode;
use crate::bytecode::Code;
use crate::vm::exceptions::{PyErr, PyResult};
use crate::vm::frame::Frame;
use crate::vm::ops::Cmp;
use crate::vm::{Value, Vm};
use cranelift_codegen::ir::condcodes::IntCC;
use cranelift_codegen::ir::{types, AbiParam, Block, InstBuilder, MemFlagsData};
use cranelift_frontend::{FunctionBuilder, FunctionBuilderContext};
use cranelift_jit::JITModule;
use cranelift_module::Module;
use std::collections::HashMap;

/// What a compiled loop shares with the helpers it calls: the exception an instruction raised.
#[derive(Default)]
pub struct Cx {
    pub err: Option<PyErr>,
}

/// A compiled loop: `fn(vm, frame, cx, ticks, slots) -> i64`, returning the code unit at which
/// the interpreter resumes, or `-1 - at` when the instruction at `at` raised (`Cx::err`).
/// `slots` is the frame's slot buffer, which does not move while the frame runs.
pub type RegionFn = unsafe extern "C" fn(*mut Vm, *mut Frame, *mut Cx, *mut i64, *mut Value) -> i64;

/// Where compiled code finds the frame's stack pointer.
const SP_OFFSET: i32 = std::mem::offset_of!(Frame, sp) as i32;
/// Bytes per slot.
const SLOT: i64 = std::mem::size_of::<Value>() as i64;

pub struct Region {
    pub func: RegionFn,
    /// Instructions compiled.
    pub ops: usize,
    /// The Cranelift IR and machine code listing, when a dump was asked for.
    pub clif: Option<String>,
}

/// A helper: `(vm, frame, cx, arg, extra) -> status`.
type Helper = unsafe extern "C" fn(*mut Vm, *mut Frame, *mut Cx, u64, u64) -> i64;

/// Status bit: a generator was abandoned; the interpreter closes it before the next
/// instruction, so compiled code leaves.
const PENDING: i64 = 2;
/// Status bit of a fused COMPARE_OP + conditional jump: the comparison was not a builtin one;
/// its result is on the stack and the jump instruction runs on its own.
const UNFUSED: i64 = 4;

/// How an instruction is compiled.
enum Kind {
    /// A call, then the next instruction.
    Plain(Helper),
    /// A call whose low status bit says whether to jump to `target`.
    Test(Helper, usize),
    /// An unconditional jump.
    Jump(usize),
    /// Left to the interpreter: compiled code returns before it.
    Leave,
}

/// The instructions of the loop whose header is `header`: up to and including the last
/// backward jump to it (None: no such jump).
fn loop_extent(code: &Code, header: usize) -> Option<usize> {
    let mut end = None;
    for ins in code.instructions() {
        if ins.start < header {
            continue;
        }
        let base = ins.at + 1;
        let back = match ins.op {
            Opcode::JUMP_BACKWARD
            | Opcode::JUMP_BACKWARD_NO_INTERRUPT
            | Opcode::POP_JUMP_BACKWARD_IF_FALSE
            | Opcode::POP_JUMP_BACKWARD_IF_TRUE
            | Opcode::POP_JUMP_BACKWARD_IF_NONE
            | Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE => base.checked_sub(ins.arg as usize),
            _ => None,
        };
        if back == Some(header) {
            end = Some(base + ins.op.caches());
        }
    }
    end
}

/// How `op` at code unit `at` is compiled.
fn kind(op: Opcode, arg: u32, at: usize) -> Kind {
    use Opcode::*;
    let forward = at + 1 + arg as usize;
    let backward = (at + 1).wrapping_sub(arg as usize);
    let plain = |h: Helper| Kind::Plain(h);
    match op {
        NOP | RESUME | CACHE | PRECALL | EXTENDED_ARG => plain(op_nothing),
        LOAD_FAST => plain(op_load_fast),
        STORE_FAST => plain(op_store_fast),
        LOAD_CONST => plain(op_load_const),
        POP_TOP => plain(op_pop_top),
        PUSH_NULL => plain(op_push_null),
        COPY => plain(op_copy),
        SWAP => plain(op_swap),
        BINARY_OP => plain(op_binary),
        COMPARE_OP => plain(op_compare),
        IS_OP => plain(op_is),
        CONTAINS_OP => plain(op_contains),
        UNARY_NOT => plain(op_not),
        UNARY_NEGATIVE => plain(op_negative),
        GET_ITER => plain(op_get_iter),
        BINARY_SUBSCR => plain(op_subscr),
        STORE_SUBSCR => plain(op_store_subscr),
        LOAD_GLOBAL => plain(op_load_global),
        LOAD_ATTR => plain(op_load_attr),
        STORE_ATTR => plain(op_store_attr),
        LOAD_METHOD => plain(op_load_method),
        KW_NAMES => plain(op_kw_names),
        CALL => plain(op_call),
        BUILD_TUPLE => plain(op_build_tuple),
        BUILD_LIST => plain(op_build_list),
        LIST_APPEND => plain(op_list_append),
        UNPACK_SEQUENCE => plain(op_unpack),
        POP_JUMP_FORWARD_IF_TRUE => Kind::Test(op_pop_truth, forward),
        POP_JUMP_FORWARD_IF_FALSE => Kind::Test(op_pop_falsity, forward),
        POP_JUMP_FORWARD_IF_NONE => Kind::Test(op_pop_is_none, forward),
        POP_JUMP_FORWARD_IF_NOT_NONE => Kind::Test(op_pop_is_not_none, forward),
        POP_JUMP_BACKWARD_IF_TRUE => Kind::Test(op_pop_truth, backward),
        POP_JUMP_BACKWARD_IF_FALSE => Kind::Test(op_pop_falsity, backward),
        POP_JUMP_BACKWARD_IF_NONE => Kind::Test(op_pop_is_none, backward),
        POP_JUMP_BACKWARD_IF_NOT_NONE => Kind::Test(op_pop_is_not_none, backward),
        JUMP_IF_TRUE_OR_POP => Kind::Test(op_jump_if_true_or_pop, forward),
        JUMP_IF_FALSE_OR_POP => Kind::Test(op_jump_if_false_or_pop, forward),
        FOR_ITER => Kind::Test(op_for_iter_exhausted, forward),
        JUMP_FORWARD => Kind::Jump(forward),
        JUMP_BACKWARD | JUMP_BACKWARD_NO_INTERRUPT => Kind::Jump(backward),
        _ => Kind::Leave,
    }
}

/// Compiles the loop of `code` whose header is the code unit `header`.
pub fn compile(
    module: &mut JITModule,
    code: &Code,
    header: usize,
    dump: bool,
) -> Result<Region, String> {
    let end = loop_extent(code, header).ok_or("no back edge reaches the header")?;
    let body: Vec<_> = code
        .instructions()
        .into_iter()
        .filter(|i| i.start >= header && i.start < end)
        .collect();
    if body.is_empty() || matches!(kind(body[0].op, body[0].arg, body[0].at), Kind::Leave) {
        return Err(format!(
            "{} at the loop header is not compiled by the boxed tier",
            body.first().map_or("nothing", |i| i.op.name())
        ));
    }

    let mut ctx = module.make_context();
    let ptr = types::I64;
    ctx.func.signature.params.extend([AbiParam::new(ptr); 5]);
    ctx.func.signature.returns.push(AbiParam::new(types::I64));
    let mut helper_sig = module.make_signature();
    helper_sig.params.extend([AbiParam::new(types::I64); 5]);
    helper_sig.returns.push(AbiParam::new(types::I64));

    let mut fbc = FunctionBuilderContext::new();
    let mut b = FunctionBuilder::new(&mut ctx.func, &mut fbc);
    let sig = b.import_signature(helper_sig);
    let entry = b.create_block();
    b.append_block_params_for_function_params(entry);
    let leave = b.create_block();
    b.append_block_param(leave, types::I64);
    let blocks: HashMap<usize, Block> = body.iter().map(|i| (i.start, b.create_block())).collect();

    b.switch_to_block(entry);
    let [vm, frame, cx, ticks, slots] = b.block_params(entry)[..] else {
        unreachable!("the function has five parameters")
    };
    b.ins().jump(blocks[&header], &[]);

    // Back to the interpreter, at code unit `ip` (or, negative, raising at `-1 - ip`).
    let leave_at = |b: &mut FunctionBuilder, ip: i64| {
        let v = b.ins().iconst(types::I64, ip);
        b.ins().jump(leave, &[v.into()]);
    };
    // Control to code unit `ip`: its block inside the loop, else back to the interpreter.
    let goto = |b: &mut FunctionBuilder, ip: usize| match blocks.get(&ip) {
        Some(&blk) => {
            b.ins().jump(blk, &[]);
        }
        None => leave_at(b, ip as i64),
    };
    // A back edge inside the loop counts a step, as the interpreter's does. When the countdown
    // cannot pay it, compiled code leaves before the jumping instruction (`at_first`) — before
    // its test, if it has one — and the interpreter counts the step and checks the limits.
    let can_pay = |b: &mut FunctionBuilder, at_first: usize| {
        let n = b.ins().load(types::I64, MemFlagsData::trusted(), ticks, 0);
        let short = b.ins().icmp_imm_s(IntCC::SignedLessThanOrEqual, n, 1);
        let paid = b.create_block();
        let not_paid = b.create_block();
        b.ins().brif(short, not_paid, &[], paid, &[]);
        b.switch_to_block(not_paid);
        leave_at(b, at_first as i64);
        b.switch_to_block(paid);
    };
    // Pays `steps` (1, or a conditional jump's outcome) after `can_pay`.
    let pay = |b: &mut FunctionBuilder, steps: cranelift_codegen::ir::Value| {
        let flags = MemFlagsData::trusted();
        let n = b.ins().load(types::I64, flags, ticks, 0);
        let n1 = b.ins().isub(n, steps);
        b.ins().store(flags, n1, ticks, 0);
    };
    // After a helper: leave for the interpreter to close an abandoned generator, resuming at
    // `resume` (the next instruction, or where the test sent control).
    let settle = |b: &mut FunctionBuilder, status, resume: cranelift_codegen::ir::Value| {
        let pending = b.ins().band_imm_s(status, PENDING);
        let go_on = b.create_block();
        let stop = b.create_block();
        b.ins().brif(pending, stop, &[], go_on, &[]);
        b.switch_to_block(stop);
        b.ins().jump(leave, &[resume.into()]);
        b.switch_to_block(go_on);
    };

    for (k, ins) in body.iter().enumerate() {
        b.switch_to_block(blocks[&ins.start]);
        let next = ins.next;
        let call = |b: &mut FunctionBuilder, h: Helper, arg: u32, extra: i64| {
            let addr = b.ins().iconst(types::I64, h as *const () as i64);
            let arg = b.ins().iconst(types::I64, arg as i64);
            let extra = b.ins().iconst(types::I64, extra);
            let c = b
                .ins()
                .call_indirect(sig, addr, &[vm, frame, cx, arg, extra]);
            let status = b.inst_results(c)[0];
            // An exception: leave, raising it at this instruction.
            let failed = b.ins().icmp_imm_s(IntCC::SignedLessThan, status, 0);
            let ok = b.create_block();
            let raise = b.create_block();
            b.ins().brif(failed, raise, &[], ok, &[]);
            b.switch_to_block(raise);
            leave_at(b, -1 - ins.at as i64);
            b.switch_to_block(ok);
            status
        };
        let extra = match ins.op {
            // The cache unit after the opcode holds the cache's index.
            Opcode::LOAD_GLOBAL | Opcode::LOAD_METHOD => code.code[ins.at + 1].arg as i64,
            _ => 0,
        };
        let kind = match kind(ins.op, ins.arg, ins.at) {
            // A back edge leaving the loop: the interpreter takes it.
            Kind::Jump(t) | Kind::Test(_, t) if t < ins.start && !blocks.contains_key(&t) => {
                Kind::Leave
            }
            k => k,
        };
        // A conditional jump: its test's helper, argument and extra, where it jumps, where it
        // falls through, and — a COMPARE_OP fused with the jump after it, as the interpreter
        // fuses them — the jump's own block, for when the comparison is not a builtin one.
        let test = match (fused_jump(&body, k, &blocks), &kind) {
            (Some((jump, target, if_true)), _) => Some((
                op_compare_jump as Helper,
                if_true as i64,
                target,
                jump.next,
                Some(jump.start),
            )),
            (None, &Kind::Test(h, target)) => Some((h, extra, target, next, None)),
            _ => None,
        };
        if let Some((h, extra, target, next, unfused_at)) = test {
            let backward = target < ins.start;
            if backward {
                can_pay(&mut b, ins.start);
            }
            let status = call(&mut b, h, ins.arg, extra);
            let taken = b.ins().band_imm_s(status, 1);
            if backward {
                // The back edge's step, when the jump is taken (also when leaving below: the
                // interpreter resumes past the jump).
                pay(&mut b, taken);
            }
            let t = b.ins().iconst(types::I64, target as i64);
            let n = b.ins().iconst(types::I64, next as i64);
            let mut resume = b.ins().select(taken, t, n);
            let unfused = unfused_at.map(|at| {
                let flag = b.ins().band_imm_s(status, UNFUSED);
                let at_v = b.ins().iconst(types::I64, at as i64);
                resume = b.ins().select(flag, at_v, resume);
                (flag, at)
            });
            settle(&mut b, status, resume);
            if let Some((flag, at)) = unfused {
                let decided = b.create_block();
                b.ins().brif(flag, blocks[&at], &[], decided, &[]);
                b.switch_to_block(decided);
            }
            let jump = b.create_block();
            let fall = b.create_block();
            b.ins().brif(taken, jump, &[], fall, &[]);
            b.switch_to_block(jump);
            goto(&mut b, target);
            b.switch_to_block(fall);
            goto(&mut b, next);
            continue;
        }
        match kind {
            // (Conditional jumps were compiled above.)
            Kind::Leave | Kind::Test(..) => leave_at(&mut b, ins.start as i64),
            Kind::Jump(target) => {
                if target < ins.start {
                    can_pay(&mut b, ins.start);
                    let one = b.ins().iconst(types::I64, 1);
                    pay(&mut b, one);
                }
                goto(&mut b, target);
            }
            Kind::Plain(h) => {
                let done = b.create_block();
                if let Some(mv) = Move::of(code, ins.op, ins.arg) {
                    // Moves are inline; one that would free a value goes through the helper.
                    let slow = b.create_block();
                    mv.inline(&mut b, frame, slots, slow, done);
                    b.switch_to_block(slow);
                }
                let status = call(&mut b, h, ins.arg, extra);
                let resume = b.ins().iconst(types::I64, next as i64);
                settle(&mut b, status, resume);
                b.ins().jump(done, &[]);
                b.switch_to_block(done);
                goto(&mut b, next);
            }
        }
    }
    b.switch_to_block(leave);
    let v = b.block_params(leave)[0];
    b.ins().return_(&[v]);
    b.seal_all_blocks();
    b.finalize(module.target_config());

    let (code_ptr, clif) = super::lower::define(module, &mut ctx, dump)?;
    // SAFETY: compiled with exactly this signature: four pointers in, an i64 out, the host's
    // C calling convention.
    let func = unsafe { std::mem::transmute::<*const u8, RegionFn>(code_ptr) };
    Ok(Region {
        func,
        ops: body.len(),
        clif,
    })
}

/// When `body[k]` is a COMPARE_OP followed by a conditional jump the boxed tier fuses with it:
/// the jump, its target and whether it jumps on true. A back edge is fused only when it stays
/// inside the loop.
fn fused_jump<'a>(
    body: &'a [Instruction],
    k: usize,
    blocks: &HashMap<usize, Block>,
) -> Option<(&'a Instruction, usize, bool)> {
    use Opcode::*;
    if body[k].op != COMPARE_OP {
        return None;
    }
    let jump = body.get(k + 1)?;
    let if_true = match jump.op {
        POP_JUMP_FORWARD_IF_TRUE | POP_JUMP_BACKWARD_IF_TRUE => true,
        POP_JUMP_FORWARD_IF_FALSE | POP_JUMP_BACKWARD_IF_FALSE => false,
        _ => return None,
    };
    let Kind::Test(_, target) = kind(jump.op, jump.arg, jump.at) else {
        return None;
    };
    (target > jump.start || blocks.contains_key(&target)).then_some((jump, target, if_true))
}

/// An instruction that only moves a value, done inline: immediates are copied; a heap value's
/// reference count is changed in place (when `counts_inline`), except that a store whose old
/// value it would free goes through the helper, which drops it.
enum Move {
    /// LOAD_FAST: slot → stack (not Null: an unbound local raises, in the helper).
    Load(u32),
    /// STORE_FAST: stack → slot.
    Store(u32),
    /// LOAD_CONST of an immediate constant: its tag and payload.
    Const(u64, u64),
    /// PUSH_NULL.
    Null,
}

/// Whether a heap value's payload points at its strong reference count (std's `Rc` allocation
/// starts with it), checked on a live value once: compiled code then changes counts inline.
/// Should the layout ever differ, heap values simply move through the helpers.
fn counts_inline() -> bool {
    static CHECKED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *CHECKED.get_or_init(|| {
        let v = Value::Complex(std::rc::Rc::new(crate::vm::value::Complex {
            re: 0.0,
            im: 0.0,
        }));
        // SAFETY: a Value is two words (tag, payload); a heap payload is a non-null pointer
        // to an allocation of at least two words (`Rc`'s counts), live while `v` is.
        let count = |v: &Value| unsafe {
            let payload = *(v as *const Value as *const *const usize).add(1);
            *payload
        };
        let one = count(&v);
        let w = v.clone();
        let two = count(&v);
        drop(w);
        one == 1 && two == 2 && count(&v) == 1
    })
}

impl Move {
    fn of(code: &Code, op: Opcode, arg: u32) -> Option<Move> {
        Some(match op {
            Opcode::LOAD_FAST => Move::Load(arg),
            Opcode::STORE_FAST => Move::Store(arg),
            Opcode::PUSH_NULL => Move::Null,
            Opcode::LOAD_CONST => {
                let c = &code.consts[arg as usize];
                let payload = match c {
                    Value::None | Value::Ellipsis | Value::NotImplemented => 0,
                    Value::Bool(x) => *x as u64,
                    Value::Int(i) => *i as u64,
                    Value::Float(x) => x.to_bits(),
                    _ => return None,
                };
                Move::Const(c.tag() as u64, payload)
            }
            _ => return None,
        })
    }

    /// Emits the move, branching to `slow` (nothing done) when the helper must do it.
    fn inline(
        &self,
        b: &mut FunctionBuilder,
        frame: cranelift_codegen::ir::Value,
        slots: cranelift_codegen::ir::Value,
        slow: Block,
        done: Block,
    ) {
        let flags = MemFlagsData::trusted();
        let sp = b.ins().load(types::I64, flags, frame, SP_OFFSET);
        let top = b.ins().imul_imm_s(sp, SLOT);
        let top = b.ins().iadd(slots, top);
        let last_immediate = crate::vm::value::LAST_IMMEDIATE as i64;
        let heap = |b: &mut FunctionBuilder, tag| {
            b.ins()
                .icmp_imm_u(IntCC::UnsignedGreaterThan, tag, last_immediate)
        };
        // Branches to `then` when `cond` holds, continuing in a new block otherwise.
        let branch = |b: &mut FunctionBuilder, cond, then: Block| {
            let go_on = b.create_block();
            b.ins().brif(cond, then, &[], go_on, &[]);
            b.switch_to_block(go_on);
        };
        // Changes the stack pointer by `delta`.
        let move_sp = |b: &mut FunctionBuilder, delta: i64| {
            let sp1 = b.ins().iadd_imm_s(sp, delta);
            b.ins().store(flags, sp1, frame, SP_OFFSET);
        };
        // A heap value (`is_heap`) has its reference count changed by `count`, inline when
        // counts can be, else in the helper; then control goes on at `next`.
        let inline_counts = counts_inline();
        let counted = |b: &mut FunctionBuilder,
                       is_heap,
                       next: Block,
                       count: &dyn Fn(&mut FunctionBuilder)| {
            if inline_counts {
                let heap_block = b.create_block();
                b.ins().brif(is_heap, heap_block, &[], next, &[]);
                b.switch_to_block(heap_block);
                count(b);
                b.ins().jump(next, &[]);
            } else {
                b.ins().brif(is_heap, slow, &[], next, &[]);
            }
            b.switch_to_block(next);
        };
        match *self {
            Move::Load(i) => {
                let at = (i as i64 * SLOT) as i32;
                let tag = b.ins().load(types::I64, flags, slots, at);
                let null = b.ins().icmp_imm_u(IntCC::Equal, tag, 0);
                branch(b, null, slow);
                let payload = b.ins().load(types::I64, flags, slots, at + 8);
                let is_heap = heap(b, tag);
                let copy = b.create_block();
                counted(b, is_heap, copy, &|b| {
                    let n = b.ins().load(types::I64, flags, payload, 0);
                    let n1 = b.ins().iadd_imm_s(n, 1);
                    b.ins().store(flags, n1, payload, 0);
                });
                b.ins().store(flags, tag, top, 0);
                b.ins().store(flags, payload, top, 8);
                move_sp(b, 1);
            }
            Move::Store(i) => {
                let at = (i as i64 * SLOT) as i32;
                let old = b.ins().load(types::I64, flags, slots, at);
                let is_heap = heap(b, old);
                let store = b.create_block();
                counted(b, is_heap, store, &|b| {
                    // Dropping a reference that is not the last one.
                    let payload = b.ins().load(types::I64, flags, slots, at + 8);
                    let n = b.ins().load(types::I64, flags, payload, 0);
                    let last = b.ins().icmp_imm_u(IntCC::UnsignedLessThanOrEqual, n, 1);
                    branch(b, last, slow);
                    let n1 = b.ins().iadd_imm_s(n, -1);
                    b.ins().store(flags, n1, payload, 0);
                });
                let tag = b.ins().load(types::I64, flags, top, -(SLOT as i32));
                let payload = b.ins().load(types::I64, flags, top, 8 - SLOT as i32);
                b.ins().store(flags, tag, slots, at);
                b.ins().store(flags, payload, slots, at + 8);
                let null = b.ins().iconst(types::I64, 0);
                b.ins().store(flags, null, top, -(SLOT as i32));
                move_sp(b, -1);
            }
            Move::Const(tag, payload) => {
                let tag = b.ins().iconst(types::I64, tag as i64);
                let payload = b.ins().iconst(types::I64, payload as i64);
                b.ins().store(flags, tag, top, 0);
                b.ins().store(flags, payload, top, 8);
                move_sp(b, 1);
            }
            Move::Null => {
                let null = b.ins().iconst(types::I64, 0);
                b.ins().store(flags, null, top, 0);
                move_sp(b, 1);
            }
        }
        b.ins().jump(done, &[]);
    }
}

// ---- The helpers: one per instruction kind, each doing what the dispatch loop does for it.

/// Runs one instruction's work on the frame: 0 (or its test's outcome) when it succeeded,
/// -1 with the exception in `cx` when it raised, plus `PENDING` when a generator it dropped
/// must be closed before the next instruction.
///
/// # Safety
/// The pointers come from `Vm::jit_loop`, which passes the running VM, the frame whose loop
/// was compiled (stack synchronised) and a context, and holds no other reference to them
/// while compiled code runs.
#[inline(always)]
unsafe fn run<R: Into<i64>>(
    vm: *mut Vm,
    f: *mut Frame,
    cx: *mut Cx,
    work: impl FnOnce(&mut Vm, &mut Frame) -> PyResult<R>,
) -> i64 {
    let (vm, f, cx) = unsafe { (&mut *vm, &mut *f, &mut *cx) };
    match work(vm, f) {
        Ok(outcome) => {
            let pending = if crate::vm::finalize::pending() {
                PENDING
            } else {
                0
            };
            outcome.into() | pending
        }
        Err(e) => {
            cx.err = Some(e);
            -1
        }
    }
}

/// Declares helpers: `name(vm, f, arg, extra) [-> status type] { body returning
/// PyResult<bool> or PyResult<status type> }`.
macro_rules! helpers {
    ($( $(#[$doc:meta])* fn $name:ident($vm:ident, $f:ident, $arg:ident, $extra:ident) $(-> $ret:ty)? $body:block )*) => {
        $(
            $(#[$doc])*
            unsafe extern "C" fn $name(
                vm: *mut Vm,
                f: *mut Frame,
                cx: *mut Cx,
                $arg: u64,
                $extra: u64,
            ) -> i64 {
                let _ = (&$arg, &$extra);
                let work = |$vm: &mut Vm, $f: &mut Frame| -> PyResult<status_type!($($ret)?)> { $body };
                // SAFETY: see `run`.
                unsafe { run(vm, f, cx, work) }
            }
        )*
    };
}

macro_rules! status_type {
    () => {
        bool
    };
    ($t:ty) => {
        $t
    };
}

helpers! {
    fn op_nothing(_vm, _f, _arg, _extra) { Ok(false) }
    fn op_load_fast(vm, f, arg, _extra) {
        let v = f.slots[arg as usize].clone();
        if v.is_null() {
            return Err(vm.unbound_local(&f.code, arg as u32));
        }
        f.push(v);
        Ok(false)
    }
    fn op_store_fast(_vm, f, arg, _extra) {
        let v = f.pop();
        f.store(arg as usize, v);
        Ok(false)
    }
    fn op_load_const(_vm, f, arg, _extra) {
        let v = f.code.consts[arg as usize].clone();
        f.push(v);
        Ok(false)
    }
    fn op_pop_top(_vm, f, _arg, _extra) {
        f.pop().discard();
        Ok(false)
    }
    fn op_push_null(_vm, f, _arg, _extra) {
        f.push(Value::Null);
        Ok(false)
    }
    fn op_copy(_vm, f, arg, _extra) {
        let v = f.peek(arg as usize).clone();
        f.push(v);
        Ok(false)
    }
    fn op_swap(_vm, f, arg, _extra) {
        let p = f.slots.as_ptr();
        // SAFETY: both slots lie within the current stack (the compiler's stack depths).
        unsafe { std::ptr::swap(p.add(f.sp - 1), p.add(f.sp - arg as usize)) };
        Ok(false)
    }
    fn op_binary(vm, f, arg, _extra) {
        let b = f.pop();
        let a = f.pop();
        let r = vm.binary_value(arg as u32, a, b)?;
        f.push(r);
        Ok(false)
    }
    fn op_compare(vm, f, arg, _extra) {
        if let Some(r) = compare(vm, f, arg)? {
            f.push(Value::Bool(r));
        }
        Ok(false)
    }
    /// COMPARE_OP and the conditional jump after it (`extra`: whether it jumps on true), as
    /// the interpreter runs them: fused when the comparison is a builtin one.
    fn op_compare_jump(vm, f, arg, extra) -> i64 {
        Ok(match compare(vm, f, arg)? {
            Some(r) => i64::from(r == (extra != 0)),
            None => UNFUSED,
        })
    }
    fn op_is(_vm, f, arg, _extra) {
        let b = f.pop();
        let a = f.pop();
        f.push(Value::Bool(a.is(&b) != (arg == 1)));
        Ok(false)
    }
    fn op_contains(vm, f, arg, _extra) {
        let container = f.pop();
        let item = f.pop();
        let r = vm.contains(&container, &item)?;
        f.push(Value::Bool(r != (arg == 1)));
        Ok(false)
    }
    fn op_not(vm, f, _arg, _extra) {
        let v = f.pop();
        let r = !vm.truth(&v)?;
        f.push(Value::Bool(r));
        Ok(false)
    }
    fn op_negative(vm, f, _arg, _extra) {
        let v = f.pop();
        let r = vm.negate(v)?;
        f.push(r);
        Ok(false)
    }
    fn op_get_iter(vm, f, _arg, _extra) {
        let v = f.pop();
        let it = vm.iter(&v)?;
        f.push(it);
        Ok(false)
    }
    fn op_subscr(vm, f, _arg, _extra) {
        let index = f.pop();
        let container = f.pop();
        let r = vm.subscript(&container, &index)?;
        f.push(r);
        Ok(false)
    }
    fn op_store_subscr(vm, f, _arg, _extra) {
        let index = f.pop();
        let container = f.pop();
        let value = f.pop();
        vm.store_subscr(&container, &index, value)?;
        Ok(false)
    }
    fn op_load_global(vm, f, arg, extra) {
        let name = &f.code.names[(arg >> 1) as usize];
        let v = vm.load_global(f, &f.code, name, extra as usize)?;
        if arg & 1 != 0 {
            f.push(Value::Null);
        }
        f.push(v);
        Ok(false)
    }
    fn op_load_attr(vm, f, arg, _extra) {
        let obj = f.pop();
        let v = vm.getattr(&obj, &f.code.names[arg as usize])?;
        f.push(v);
        Ok(false)
    }
    fn op_store_attr(vm, f, arg, _extra) {
        let obj = f.pop();
        let v = f.pop();
        vm.setattr(&obj, &f.code.names[arg as usize], v)?;
        Ok(false)
    }
    fn op_load_method(vm, f, arg, extra) {
        let code = f.code.clone();
        let cache = code.method_caches.get(extra as usize);
        let obj = f.pop();
        let name = &code.names[arg as usize];
        match vm.load_method_cached(&obj, name, cache)? {
            Some(method) => {
                f.push(method);
                f.push(obj);
            }
            None => {
                let v = vm.getattr(&obj, name)?;
                f.push(Value::Null);
                f.push(v);
            }
        }
        Ok(false)
    }
    fn op_kw_names(_vm, f, arg, _extra) {
        f.kwnames = arg as u32;
        Ok(false)
    }
    fn op_call(vm, f, arg, _extra) {
        let code = f.code.clone();
        vm.call_on_stack::<false>(f, &code, arg as usize)?;
        Ok(false)
    }
    fn op_build_tuple(_vm, f, arg, _extra) {
        let items = build(f, arg as usize);
        f.push(Value::tuple(items));
        Ok(false)
    }
    fn op_build_list(_vm, f, arg, _extra) {
        let items = build(f, arg as usize);
        f.push(Value::list(items));
        Ok(false)
    }
    fn op_list_append(_vm, f, arg, _extra) {
        let v = f.pop();
        if let Value::List(l) = f.peek(arg as usize) {
            l.push(v);
        }
        Ok(false)
    }
    fn op_unpack(vm, f, arg, _extra) {
        let v = f.pop();
        let items = vm.unpack_items(&v, arg as usize)?;
        for item in items.into_iter().rev() {
            f.push(item);
        }
        Ok(false)
    }
    fn op_pop_truth(vm, f, _arg, _extra) {
        let v = f.pop();
        vm.truth(&v)
    }
    fn op_pop_falsity(vm, f, _arg, _extra) {
        let v = f.pop();
        Ok(!vm.truth(&v)?)
    }
    fn op_pop_is_none(_vm, f, _arg, _extra) {
        Ok(f.pop().is_none())
    }
    fn op_pop_is_not_none(_vm, f, _arg, _extra) {
        Ok(!f.pop().is_none())
    }
    /// JUMP_IF_TRUE_OR_POP: jumps keeping the value, or pops it.
    fn op_jump_if_true_or_pop(vm, f, _arg, _extra) {
        jump_or_pop(vm, f, true)
    }
    fn op_jump_if_false_or_pop(vm, f, _arg, _extra) {
        jump_or_pop(vm, f, false)
    }
    /// FOR_ITER: pushes the next item, or pops the exhausted iterator and jumps.
    fn op_for_iter_exhausted(vm, f, _arg, _extra) {
        let it = f.top().clone();
        match vm.for_iter_next(&it)? {
            Some(v) => {
                f.push(v);
                Ok(false)
            }
            None => {
                f.pop().discard();
                Ok(true)
            }
        }
    }
}

/// COMPARE_OP on the top two values: the outcome of a builtin comparison (which the
/// interpreter fuses with a jump after it), or None with the general comparison's result
/// pushed.
fn compare(vm: &mut Vm, f: &mut Frame, arg: u64) -> PyResult<Option<bool>> {
    let b = f.pop();
    let a = f.pop();
    let cmp = Cmp::from_arg(arg as u32);
    let quick = crate::vm::interp::compare_quick(cmp, &a, &b);
    if quick.is_none() {
        let r = vm.compare(cmp, &a, &b)?;
        f.push(r);
    }
    a.discard();
    b.discard();
    Ok(quick)
}

/// The top `n` stack values, popped, in order.
fn build(f: &mut Frame, n: usize) -> Vec<Value> {
    let mut items: Vec<Value> = (0..n).map(|_| f.pop()).collect();
    items.reverse();
    items
}

fn jump_or_pop(vm: &mut Vm, f: &mut Frame, if_true: bool) -> PyResult<bool> {
    let v = f.top().clone();
    if vm.truth(&v)? == if_true {
        Ok(true)
    } else {
        f.pop().discard();
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    /// The boxed tier changes reference counts inline only when `Rc`'s allocation starts with
    /// its strong count; should a new std lay it out otherwise, this says so (the tier would
    /// still be correct, only slower).
    #[test]
    fn heap_payload_points_at_the_strong_count() {
        assert!(super::counts_inline());
    }
}
