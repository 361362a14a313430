//! The control-flow graph of one code object and its assembly into a code object.
//!
//! The passes are CPython 3.11's, in its order: normalise blocks, inline small exit blocks,
//! insert the prefix (MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR), peephole-optimise (constant
//! conditions, jump threading, `is None` jumps, tuple folding, PUSH_NULL into LOAD_GLOBAL), drop
//! unreachable blocks, give exits line numbers, compute stack depth, turn SETUP_*/POP_BLOCK
//! regions into the exception table, choose jump directions, and lay out the wordcode.

use super::{Unit, UnitKind, NO_LINE};
use crate::bytecode::code::{flags, GlobalCache, MethodCache, SlotKind};
use crate::bytecode::opcodes::{ArgKind, CodeUnit, Opcode};
use crate::bytecode::{Code, ExceptionEntry, Position};
use crate::syntax::SyntaxError;
use crate::vm::Value;
use std::cell::Cell;
use std::rc::Rc;

pub type BlockId = usize;

/// Blocks up to this size that end a function are copied into blocks that jump to them.
const MAX_COPY_SIZE: usize = 4;

#[derive(Clone, Debug)]
pub struct Instr {
    pub op: Opcode,
    pub arg: u32,
    pub target: Option<BlockId>,
    pub loc: Position,
    /// The handler in effect (set when exception regions are labelled).
    pub except: Option<BlockId>,
}

#[derive(Clone, Debug, Default)]
pub struct Block {
    pub instrs: Vec<Instr>,
    /// The block laid out after this one.
    pub next: Option<BlockId>,
    exit: bool,
    nofallthrough: bool,
    predecessors: u32,
    visited: bool,
    start_depth: Option<i32>,
    preserve_lasti: bool,
    offset: usize,
}

/// A code object's blocks; `cur` is where instructions are being added.
pub struct Cfg {
    pub blocks: Vec<Block>,
    cur: BlockId,
}

fn no_loc() -> Position {
    Position {
        line: NO_LINE,
        end_line: NO_LINE,
        col: NO_LINE,
        end_col: NO_LINE,
    }
}

fn is_jump(op: Opcode) -> bool {
    op.is_jump() || op.is_block_push()
}

fn is_terminator(op: Opcode) -> bool {
    is_jump(op) || op.is_scope_exit()
}

impl Default for Cfg {
    fn default() -> Self {
        Self::new()
    }
}

impl Cfg {
    pub fn new() -> Cfg {
        Cfg {
            blocks: vec![Block::default()],
            cur: 0,
        }
    }

    pub fn new_block(&mut self) -> BlockId {
        self.blocks.push(Block::default());
        self.blocks.len() - 1
    }

    pub fn use_next_block(&mut self, b: BlockId) {
        let cur = self.cur;
        self.blocks[cur].next = Some(b);
        self.cur = b;
    }

    /// Adds an instruction, starting a new block if the current one already ends in a jump or exit.
    pub fn add(&mut self, op: Opcode, arg: u32, target: Option<BlockId>, loc: Position) {
        if self.blocks[self.cur]
            .instrs
            .last()
            .is_some_and(|i| is_terminator(i.op))
        {
            let b = self.new_block();
            self.use_next_block(b);
        }
        self.blocks[self.cur].instrs.push(Instr {
            op,
            arg,
            target,
            loc,
            except: None,
        });
    }

    pub fn current_returns(&self) -> bool {
        self.blocks[self.cur]
            .instrs
            .last()
            .is_some_and(|i| i.op == Opcode::RETURN_VALUE)
    }

    /// Blocks in layout order, from the entry.
    fn layout(&self) -> Vec<BlockId> {
        let mut order = Vec::new();
        let mut b = Some(0);
        while let Some(id) = b {
            order.push(id);
            b = self.blocks[id].next;
        }
        order
    }

    /// Blocks in CPython's `b_list` order (most recently created first).
    fn all_blocks(&self) -> Vec<BlockId> {
        (0..self.blocks.len()).rev().collect()
    }

    /// The first non-empty block at or after `b` in layout order.
    fn skip_empty(&self, mut b: BlockId) -> BlockId {
        while self.blocks[b].instrs.is_empty() {
            match self.blocks[b].next {
                Some(n) => b = n,
                None => break,
            }
        }
        b
    }

    fn normalize(&mut self) {
        for b in 0..self.blocks.len() {
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let op = self.blocks[b].instrs[i].op;
                if op.is_scope_exit() {
                    self.blocks[b].exit = true;
                    self.blocks[b].nofallthrough = true;
                }
                if op.is_unconditional_jump() {
                    self.blocks[b].nofallthrough = true;
                }
                if is_jump(op) {
                    if let Some(t) = self.blocks[b].instrs[i].target {
                        let t = self.skip_empty(t);
                        self.blocks[b].instrs[i].target = Some(t);
                    }
                }
            }
        }
    }

    /// A block ending in an unconditional jump to a small exit block gets a copy of that block.
    fn extend_block(&mut self, b: BlockId) {
        let Some(last) = self.blocks[b].instrs.last() else {
            return;
        };
        if !matches!(
            last.op,
            Opcode::JUMP | Opcode::JUMP_FORWARD | Opcode::JUMP_BACKWARD
        ) {
            return;
        }
        let Some(t) = last.target else { return };
        // Only blocks without a line number of their own (an implicit `return None`) are copied;
        // a jump to `return x` stays a jump.
        let has_line = self.blocks[t].instrs.iter().any(|i| i.loc.line > 0);
        if self.blocks[t].exit && !has_line && self.blocks[t].instrs.len() <= MAX_COPY_SIZE {
            let copy = self.blocks[t].instrs.clone();
            let last = self.blocks[b].instrs.len() - 1;
            self.blocks[b].instrs[last].op = Opcode::NOP;
            self.blocks[b].instrs[last].target = None;
            self.blocks[b].instrs.extend(copy);
            self.blocks[b].exit = true;
            self.blocks[b].nofallthrough = true;
        }
    }

    fn first_instr(&self, b: BlockId) -> Option<&Instr> {
        self.blocks[b].instrs.first()
    }

    /// CPython's `jump_thread`: retarget `inst` to its target's target when lines allow.
    fn jump_thread(&mut self, b: BlockId, i: usize, target_instr: &Instr, op: Opcode) -> bool {
        let inst = &self.blocks[b].instrs[i];
        // 3.11 threads only between jumps on the same line (an artificial jump, line -1, stays).
        if inst.loc.line == target_instr.loc.line && inst.target != target_instr.target {
            let inst = &mut self.blocks[b].instrs[i];
            inst.target = target_instr.target;
            inst.op = op;
            return true;
        }
        false
    }

    /// CPython's `swaptimize`: a run of SWAPs (and NOPs) starting at `i` is replaced by the
    /// shortest sequence of SWAPs with the same effect. Returns the index of the run's last
    /// instruction.
    fn swaptimize(&mut self, b: BlockId, i: usize) -> usize {
        let instrs = &mut self.blocks[b].instrs;
        let mut depth = instrs[i].arg as usize;
        let mut len = 1;
        let mut more = false;
        while i + len < instrs.len() {
            match instrs[i + len].op {
                Opcode::SWAP => {
                    depth = depth.max(instrs[i + len].arg as usize);
                    more = true;
                }
                Opcode::NOP => {}
                _ => break,
            }
            len += 1;
        }
        if !more {
            return i;
        }
        // Run the SWAPs on a model stack of slot numbers...
        let mut stack: Vec<Option<usize>> = (0..depth).map(Some).collect();
        for k in 0..len {
            if instrs[i + k].op == Opcode::SWAP {
                stack.swap(0, instrs[i + k].arg as usize - 1);
            }
        }
        // ...then emit, from the end of the run backwards, one SWAP per move needed to walk
        // each cycle of the permutation through the top slot.
        let mut current = len as isize - 1;
        for start in 0..depth {
            if stack[start].is_none() || stack[start] == Some(start) {
                continue;
            }
            let mut j = start;
            loop {
                if j != 0 {
                    let at = &mut instrs[i + current as usize];
                    at.op = Opcode::SWAP;
                    at.arg = j as u32 + 1;
                    current -= 1;
                }
                match stack[j].take() {
                    None => break,
                    Some(next) => j = next,
                }
            }
        }
        while current >= 0 {
            instrs[i + current as usize].op = Opcode::NOP;
            current -= 1;
        }
        i + len - 1
    }

    /// CPython's `apply_static_swaps`: a SWAP followed by stores (STORE_FAST or POP_TOP) on one
    /// line is done by exchanging the store instructions instead of the stack items.
    fn apply_static_swaps(&mut self, b: BlockId, mut i: usize) {
        let swappable = |op: Opcode| matches!(op, Opcode::STORE_FAST | Opcode::POP_TOP);
        let instrs = &mut self.blocks[b].instrs;
        // The next swappable instruction after `k`, staying on `line` when it is set.
        let next_swappable = |instrs: &[Instr], mut k: usize, line: Option<i32>| {
            while k + 1 < instrs.len() {
                k += 1;
                let inst = &instrs[k];
                if line.is_some_and(|l| l >= 0 && inst.loc.line != l) {
                    return None;
                }
                if inst.op == Opcode::NOP {
                    continue;
                }
                return swappable(inst.op).then_some(k);
            }
            None
        };
        loop {
            let swap = &instrs[i];
            if swap.op != Opcode::SWAP {
                if !(swap.op == Opcode::NOP || swappable(swap.op)) {
                    return;
                }
            } else {
                let Some(j) = next_swappable(instrs, i, None) else {
                    return;
                };
                let line = instrs[j].loc.line;
                let mut k = j;
                for _ in 1..swap.arg {
                    match next_swappable(instrs, k, Some(line)) {
                        Some(next) => k = next,
                        None => return,
                    }
                }
                instrs[i].op = Opcode::NOP;
                instrs.swap(j, k);
            }
            if i == 0 {
                return;
            }
            i -= 1;
        }
    }

    fn optimize_block(&mut self, b: BlockId, consts: &mut Vec<Value>) {
        let mut i = 0usize;
        while i < self.blocks[b].instrs.len() {
            let n = self.blocks[b].instrs.len();
            let op = self.blocks[b].instrs[i].op;
            let oparg = self.blocks[b].instrs[i].arg;
            let nextop = if i + 1 < n {
                Some(self.blocks[b].instrs[i + 1].op)
            } else {
                None
            };
            let target_instr = if is_jump(op) {
                let t = self.blocks[b].instrs[i].target.map(|t| self.skip_empty(t));
                self.blocks[b].instrs[i].target = t;
                t.and_then(|t| self.first_instr(t).cloned())
            } else {
                None
            };
            let top = target_instr.as_ref().map(|t| t.op);
            let mut step_back = false;
            match op {
                Opcode::LOAD_CONST => match nextop {
                    Some(jop @ (Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)) => {
                        if let Some(truth) = consts
                            .get(oparg as usize)
                            .and_then(crate::vm::ops::const_truth)
                        {
                            self.blocks[b].instrs[i].op = Opcode::NOP;
                            let jump_if_true = jop == Opcode::POP_JUMP_IF_TRUE;
                            if truth == jump_if_true {
                                self.blocks[b].instrs[i + 1].op = Opcode::JUMP;
                                self.blocks[b].nofallthrough = true;
                            } else {
                                self.blocks[b].instrs[i + 1].op = Opcode::NOP;
                                self.blocks[b].instrs[i + 1].target = None;
                            }
                        }
                    }
                    Some(jop @ (Opcode::JUMP_IF_FALSE_OR_POP | Opcode::JUMP_IF_TRUE_OR_POP)) => {
                        if let Some(truth) = consts
                            .get(oparg as usize)
                            .and_then(crate::vm::ops::const_truth)
                        {
                            let jump_if_true = jop == Opcode::JUMP_IF_TRUE_OR_POP;
                            if truth == jump_if_true {
                                self.blocks[b].instrs[i + 1].op = Opcode::JUMP;
                                self.blocks[b].nofallthrough = true;
                            } else {
                                self.blocks[b].instrs[i].op = Opcode::NOP;
                                self.blocks[b].instrs[i + 1].op = Opcode::NOP;
                                self.blocks[b].instrs[i + 1].target = None;
                            }
                        }
                    }
                    Some(Opcode::IS_OP) => {
                        let jump_op = self.blocks[b].instrs.get(i + 2).map(|x| x.op);
                        if matches!(consts.get(oparg as usize), Some(Value::None))
                            && matches!(
                                jump_op,
                                Some(Opcode::POP_JUMP_IF_FALSE | Opcode::POP_JUMP_IF_TRUE)
                            )
                        {
                            let nextarg = self.blocks[b].instrs[i + 1].arg;
                            let jump_if_false = jump_op == Some(Opcode::POP_JUMP_IF_FALSE);
                            self.blocks[b].instrs[i].op = Opcode::NOP;
                            self.blocks[b].instrs[i + 1].op = Opcode::NOP;
                            self.blocks[b].instrs[i + 2].op = if (nextarg != 0) ^ jump_if_false {
                                Opcode::POP_JUMP_IF_NOT_NONE
                            } else {
                                Opcode::POP_JUMP_IF_NONE
                            };
                        }
                    }
                    _ => {}
                },
                Opcode::BUILD_TUPLE => {
                    if nextop == Some(Opcode::UNPACK_SEQUENCE)
                        && oparg == self.blocks[b].instrs[i + 1].arg
                    {
                        match oparg {
                            1 => {
                                self.blocks[b].instrs[i].op = Opcode::NOP;
                                self.blocks[b].instrs[i + 1].op = Opcode::NOP;
                                i += 1;
                                continue;
                            }
                            2 | 3 => {
                                self.blocks[b].instrs[i].op = Opcode::NOP;
                                self.blocks[b].instrs[i + 1].op = Opcode::SWAP;
                                i += 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                    if i >= oparg as usize {
                        self.fold_tuple(b, i, consts);
                    }
                }
                Opcode::JUMP_IF_FALSE_OR_POP => {
                    if let Some(t) = &target_instr {
                        match t.op {
                            Opcode::POP_JUMP_IF_FALSE => {
                                step_back = self.jump_thread(b, i, t, Opcode::POP_JUMP_IF_FALSE)
                            }
                            Opcode::JUMP | Opcode::JUMP_IF_FALSE_OR_POP => {
                                step_back = self.jump_thread(b, i, t, Opcode::JUMP_IF_FALSE_OR_POP)
                            }
                            Opcode::JUMP_IF_TRUE_OR_POP | Opcode::POP_JUMP_IF_TRUE
                                if self.blocks[b].instrs[i].loc.line == t.loc.line =>
                            {
                                let tb =
                                    self.blocks[b].instrs[i].target.expect("jump has a target");
                                if let Some(after) = self.blocks[tb].next {
                                    self.blocks[b].instrs[i].op = Opcode::POP_JUMP_IF_FALSE;
                                    self.blocks[b].instrs[i].target = Some(after);
                                    step_back = true;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Opcode::JUMP_IF_TRUE_OR_POP => {
                    if let Some(t) = &target_instr {
                        match t.op {
                            Opcode::POP_JUMP_IF_TRUE => {
                                step_back = self.jump_thread(b, i, t, Opcode::POP_JUMP_IF_TRUE)
                            }
                            Opcode::JUMP | Opcode::JUMP_IF_TRUE_OR_POP => {
                                step_back = self.jump_thread(b, i, t, Opcode::JUMP_IF_TRUE_OR_POP)
                            }
                            Opcode::JUMP_IF_FALSE_OR_POP | Opcode::POP_JUMP_IF_FALSE
                                if self.blocks[b].instrs[i].loc.line == t.loc.line =>
                            {
                                let tb =
                                    self.blocks[b].instrs[i].target.expect("jump has a target");
                                if let Some(after) = self.blocks[tb].next {
                                    self.blocks[b].instrs[i].op = Opcode::POP_JUMP_IF_TRUE;
                                    self.blocks[b].instrs[i].target = Some(after);
                                    step_back = true;
                                }
                            }
                            _ => {}
                        }
                    }
                }
                Opcode::POP_JUMP_IF_NOT_NONE
                | Opcode::POP_JUMP_IF_NONE
                | Opcode::POP_JUMP_IF_FALSE
                | Opcode::POP_JUMP_IF_TRUE
                | Opcode::JUMP
                    if top == Some(Opcode::JUMP) =>
                {
                    let t = target_instr.clone().expect("checked above");
                    step_back = self.jump_thread(b, i, &t, op);
                }
                Opcode::SWAP if oparg == 1 => {
                    self.blocks[b].instrs[i].op = Opcode::NOP;
                }
                Opcode::SWAP => {
                    i = self.swaptimize(b, i);
                    self.apply_static_swaps(b, i);
                }
                Opcode::PUSH_NULL if nextop == Some(Opcode::LOAD_GLOBAL) => {
                    self.blocks[b].instrs[i].op = Opcode::NOP;
                    self.blocks[b].instrs[i].arg = 0;
                    self.blocks[b].instrs[i + 1].arg |= 1;
                }
                _ => {}
            }
            if step_back {
                // Re-examine the rewritten jump (CPython's `i -= jump_thread(...)`).
                continue;
            }
            i += 1;
        }
    }

    /// `LOAD_CONST a; LOAD_CONST b; BUILD_TUPLE 2` becomes `LOAD_CONST (a, b)`.
    fn fold_tuple(&mut self, b: BlockId, i: usize, consts: &mut Vec<Value>) {
        let n = self.blocks[b].instrs[i].arg as usize;
        let start = i - n;
        let instrs = &self.blocks[b].instrs;
        if !instrs[start..i].iter().all(|x| x.op == Opcode::LOAD_CONST) {
            return;
        }
        let items: Vec<Value> = instrs[start..i]
            .iter()
            .map(|x| consts[x.arg as usize].clone())
            .collect();
        let tuple = Value::tuple(items);
        let key = super::const_key(&tuple);
        let index = match consts.iter().position(|c| super::const_key(c) == key) {
            Some(k) => k,
            None => {
                consts.push(tuple);
                consts.len() - 1
            }
        };
        for x in &mut self.blocks[b].instrs[start..i] {
            x.op = Opcode::NOP;
        }
        let inst = &mut self.blocks[b].instrs[i];
        inst.op = Opcode::LOAD_CONST;
        inst.arg = index as u32;
    }

    /// Removes NOPs that carry no line information of their own.
    fn clean_block(&mut self, b: BlockId) {
        let n = self.blocks[b].instrs.len();
        let mut keep: Vec<Instr> = Vec::with_capacity(n);
        let mut prev_line = NO_LINE - 1;
        let mut src = 0;
        while src < n {
            let inst = self.blocks[b].instrs[src].clone();
            let line = inst.loc.line;
            if inst.op == Opcode::NOP {
                if line < 0 || prev_line == line {
                    src += 1;
                    continue;
                }
                if src + 1 < n {
                    let next_line = self.blocks[b].instrs[src + 1].loc.line;
                    // Only a next instruction without a line takes the NOP's position (one on
                    // the same line keeps its own columns, as in CPython 3.11).
                    if next_line < 0 || next_line == line {
                        if next_line < 0 {
                            self.blocks[b].instrs[src + 1].loc = inst.loc;
                        }
                        src += 1;
                        continue;
                    }
                } else {
                    let mut next = self.blocks[b].next;
                    while let Some(nb) = next {
                        if !self.blocks[nb].instrs.is_empty() {
                            break;
                        }
                        next = self.blocks[nb].next;
                    }
                    if let Some(nb) = next {
                        if self.blocks[nb].instrs[0].loc.line == line {
                            src += 1;
                            continue;
                        }
                    }
                }
            }
            prev_line = line;
            keep.push(inst);
            src += 1;
        }
        self.blocks[b].instrs = keep;
    }

    fn mark_reachable(&mut self) {
        for bl in &mut self.blocks {
            bl.predecessors = 0;
        }
        let mut stack = vec![0usize];
        self.blocks[0].predecessors = 1;
        let mut seen = vec![false; self.blocks.len()];
        seen[0] = true;
        while let Some(b) = stack.pop() {
            if !self.blocks[b].nofallthrough {
                if let Some(n) = self.blocks[b].next {
                    if !seen[n] {
                        seen[n] = true;
                        stack.push(n);
                    }
                    self.blocks[n].predecessors += 1;
                }
            }
            let targets: Vec<BlockId> = self.blocks[b]
                .instrs
                .iter()
                .filter(|i| is_jump(i.op))
                .filter_map(|i| i.target)
                .collect();
            for t in targets {
                if !seen[t] {
                    seen[t] = true;
                    stack.push(t);
                }
                self.blocks[t].predecessors += 1;
            }
        }
    }

    fn eliminate_empty_blocks(&mut self) {
        // Remove empty blocks from the layout and retarget jumps past them.
        let order = self.layout();
        let mut prev: Option<BlockId> = None;
        for &b in &order {
            if self.blocks[b].instrs.is_empty() && b != 0 {
                continue;
            }
            if let Some(p) = prev {
                self.blocks[p].next = Some(b);
            }
            prev = Some(b);
        }
        if let Some(p) = prev {
            self.blocks[p].next = None;
        }
        // Each block's place in `order`, so retargeting stays linear in the number of jumps.
        let mut place = vec![usize::MAX; self.blocks.len()];
        for (i, &b) in order.iter().enumerate() {
            place[b] = i;
        }
        for &b in &order {
            for i in 0..self.blocks[b].instrs.len() {
                if let Some(t) = self.blocks[b].instrs[i].target {
                    let t = self.skip_empty_original(t, &order, &place);
                    self.blocks[b].instrs[i].target = Some(t);
                }
            }
        }
    }

    /// Like `skip_empty`, but follows the layout recorded before empty blocks were unlinked
    /// (`place[b]` is block `b`'s index in `order`, `usize::MAX` when it is not laid out).
    fn skip_empty_original(&self, t: BlockId, order: &[BlockId], place: &[usize]) -> BlockId {
        let mut pos = place[t];
        if pos == usize::MAX {
            return t;
        }
        while pos < order.len() && self.blocks[order[pos]].instrs.is_empty() {
            pos += 1;
        }
        order.get(pos).copied().unwrap_or(t)
    }

    fn optimize(&mut self, consts: &mut Vec<Value>) {
        self.normalize();
        for b in self.layout() {
            self.extend_block(b);
        }
        for b in self.layout() {
            self.optimize_block(b, consts);
            self.clean_block(b);
        }
        for b in self.layout() {
            self.extend_block(b);
        }
        self.normalize();
        self.mark_reachable();
        for b in self.layout() {
            if self.blocks[b].predecessors == 0 {
                self.blocks[b].instrs.clear();
            }
        }
        self.eliminate_empty_blocks();
        for b in self.layout() {
            self.clean_block(b);
        }
        self.normalize();
    }

    fn is_exit_without_lineno(&self, b: BlockId) -> bool {
        self.blocks[b].exit && self.blocks[b].instrs.iter().all(|i| i.loc.line < 0)
    }

    fn duplicate_exits_without_lineno(&mut self) {
        for b in self.all_blocks() {
            let Some(last) = self.blocks[b].instrs.last().cloned() else {
                continue;
            };
            if !last.op.is_jump() {
                continue;
            }
            let Some(t) = last.target else { continue };
            if self.is_exit_without_lineno(t) && self.blocks[t].predecessors > 1 {
                let mut copy = self.blocks[t].clone();
                copy.instrs[0].loc = last.loc;
                copy.predecessors = 1;
                copy.next = self.blocks[t].next;
                self.blocks.push(copy);
                let new = self.blocks.len() - 1;
                let n = self.blocks[b].instrs.len();
                self.blocks[b].instrs[n - 1].target = Some(new);
                self.blocks[t].predecessors -= 1;
                self.blocks[t].next = Some(new);
            }
        }
        for b in self.all_blocks() {
            while let Some(n) = self.blocks[b].next {
                if self.blocks[n].instrs.is_empty() {
                    self.blocks[b].next = self.blocks[n].next;
                } else {
                    break;
                }
            }
        }
        for b in self.all_blocks() {
            if !self.blocks[b].nofallthrough && !self.blocks[b].instrs.is_empty() {
                if let Some(n) = self.blocks[b].next {
                    if self.is_exit_without_lineno(n) {
                        let loc = self.blocks[b].instrs.last().expect("non-empty").loc;
                        self.blocks[n].instrs[0].loc = loc;
                    }
                }
            }
        }
    }

    fn propagate_line_numbers(&mut self) {
        for b in self.layout() {
            if self.blocks[b].instrs.is_empty() {
                continue;
            }
            let mut prev = no_loc();
            for inst in self.blocks[b].instrs.iter_mut() {
                if inst.loc.line < 0 {
                    inst.loc = prev;
                } else {
                    prev = inst.loc;
                }
            }
            if !self.blocks[b].nofallthrough {
                if let Some(n) = self.blocks[b].next {
                    if self.blocks[n].predecessors == 1
                        && !self.blocks[n].instrs.is_empty()
                        && self.blocks[n].instrs[0].loc.line < 0
                    {
                        self.blocks[n].instrs[0].loc = prev;
                    }
                }
            }
            let last = self.blocks[b].instrs.last().expect("non-empty").clone();
            if last.op.is_jump() {
                if let Some(t) = last.target {
                    if self.blocks[t].predecessors == 1
                        && !self.blocks[t].instrs.is_empty()
                        && self.blocks[t].instrs[0].loc.line < 0
                    {
                        self.blocks[t].instrs[0].loc = prev;
                    }
                }
            }
        }
    }

    fn guarantee_lineno_for_exits(&mut self, firstlineno: i32) {
        let mut lineno = firstlineno;
        for b in self.layout() {
            let Some(last) = self.blocks[b].instrs.last() else {
                continue;
            };
            if last.loc.line < 0 {
                if last.op == Opcode::RETURN_VALUE {
                    for inst in self.blocks[b].instrs.iter_mut() {
                        inst.loc.line = lineno;
                    }
                }
            } else {
                lineno = last.loc.line;
            }
        }
    }

    fn stack_depth(&mut self, generator: bool) -> Result<u32, String> {
        for bl in &mut self.blocks {
            bl.start_depth = None;
        }
        let mut max = 0i32;
        let mut stack: Vec<BlockId> = Vec::new();
        let push = |blocks: &mut Vec<Block>,
                    stack: &mut Vec<BlockId>,
                    b: BlockId,
                    depth: i32|
         -> Result<(), String> {
            match blocks[b].start_depth {
                None => {
                    blocks[b].start_depth = Some(depth);
                    stack.push(b);
                    Ok(())
                }
                Some(d) if d != depth => Err(format!(
                    "inconsistent stack depth at block {b}: {d} vs {depth}"
                )),
                Some(_) => Ok(()),
            }
        };
        push(&mut self.blocks, &mut stack, 0, i32::from(generator))?;
        while let Some(b) = stack.pop() {
            let mut depth = self.blocks[b].start_depth.unwrap_or(0);
            let mut falls = true;
            let instrs = self.blocks[b].instrs.clone();
            for inst in &instrs {
                let effect = inst.op.stack_effect(inst.arg, false);
                let new_depth = depth + effect;
                if new_depth < 0 {
                    return Err(format!("negative stack depth at {}", inst.op.name()));
                }
                max = max.max(new_depth);
                if is_jump(inst.op) {
                    let target_depth = depth + inst.op.stack_effect(inst.arg, true);
                    max = max.max(target_depth);
                    if let Some(t) = inst.target {
                        push(&mut self.blocks, &mut stack, t, target_depth)?;
                    }
                }
                depth = new_depth;
                if matches!(
                    inst.op,
                    Opcode::JUMP_NO_INTERRUPT
                        | Opcode::JUMP
                        | Opcode::RETURN_VALUE
                        | Opcode::RAISE_VARARGS
                        | Opcode::RERAISE
                ) {
                    falls = false;
                    break;
                }
            }
            if falls {
                if let Some(n) = self.blocks[b].next {
                    push(&mut self.blocks, &mut stack, n, depth)?;
                }
            }
        }
        Ok(max as u32)
    }

    /// Assigns each instruction the handler in effect, walking SETUP_*/POP_BLOCK as a stack.
    fn label_exception_targets(&mut self) {
        for bl in &mut self.blocks {
            bl.visited = false;
        }
        let mut todo: Vec<(BlockId, Vec<BlockId>)> = vec![(0, Vec::new())];
        self.blocks[0].visited = true;
        while let Some((b, mut stack)) = todo.pop() {
            let n = self.blocks[b].instrs.len();
            for i in 0..n {
                let op = self.blocks[b].instrs[i].op;
                if op.is_block_push() {
                    let t = self.blocks[b].instrs[i]
                        .target
                        .expect("SETUP_* has a handler");
                    if !self.blocks[t].visited {
                        self.blocks[t].visited = true;
                        todo.push((t, stack.clone()));
                    }
                    if matches!(op, Opcode::SETUP_WITH | Opcode::SETUP_CLEANUP) {
                        self.blocks[t].preserve_lasti = true;
                    }
                    stack.push(t);
                } else if op == Opcode::POP_BLOCK {
                    stack.pop();
                } else {
                    self.blocks[b].instrs[i].except = stack.last().copied();
                    if is_jump(op) {
                        if let Some(t) = self.blocks[b].instrs[i].target {
                            if !self.blocks[t].visited {
                                self.blocks[t].visited = true;
                                todo.push((t, stack.clone()));
                            }
                        }
                    }
                }
            }
            if !self.blocks[b].nofallthrough {
                if let Some(nx) = self.blocks[b].next {
                    if !self.blocks[nx].visited {
                        self.blocks[nx].visited = true;
                        todo.push((nx, stack));
                    }
                }
            }
        }
        for bl in &mut self.blocks {
            for inst in &mut bl.instrs {
                if inst.op.is_block_push() || inst.op == Opcode::POP_BLOCK {
                    inst.op = Opcode::NOP;
                    inst.target = None;
                }
            }
        }
    }

    fn normalize_jumps(&mut self) {
        for bl in &mut self.blocks {
            bl.visited = false;
        }
        for b in self.layout() {
            self.blocks[b].visited = true;
            let Some(last) = self.blocks[b].instrs.last().cloned() else {
                continue;
            };
            if !is_jump(last.op) {
                continue;
            }
            let t = last.target.expect("jump has a target");
            let forward = !self.blocks[t].visited;
            let op = match last.op {
                Opcode::JUMP => {
                    if forward {
                        Opcode::JUMP_FORWARD
                    } else {
                        Opcode::JUMP_BACKWARD
                    }
                }
                Opcode::JUMP_NO_INTERRUPT => {
                    if forward {
                        Opcode::JUMP_FORWARD
                    } else {
                        Opcode::JUMP_BACKWARD_NO_INTERRUPT
                    }
                }
                Opcode::POP_JUMP_IF_NOT_NONE => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_NOT_NONE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_NOT_NONE
                    }
                }
                Opcode::POP_JUMP_IF_NONE => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_NONE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_NONE
                    }
                }
                Opcode::POP_JUMP_IF_FALSE => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_FALSE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_FALSE
                    }
                }
                Opcode::POP_JUMP_IF_TRUE => {
                    if forward {
                        Opcode::POP_JUMP_FORWARD_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_BACKWARD_IF_TRUE
                    }
                }
                other => other,
            };
            let n = self.blocks[b].instrs.len();
            self.blocks[b].instrs[n - 1].op = op;
        }
    }
}

/// Code units an instruction occupies: EXTENDED_ARG prefixes, itself, and its caches.
fn instr_size(op: Opcode, arg: u32) -> usize {
    let ext = if arg > 0xff_ffff {
        3
    } else if arg > 0xffff {
        2
    } else if arg > 0xff {
        1
    } else {
        0
    };
    ext + 1 + op.caches()
}

/// Optimises the unit's graph and builds its code object.
pub(super) fn assemble(
    mut unit: Unit,
    names: Vec<Value>,
    filename: Rc<str>,
) -> Result<Rc<Code>, SyntaxError> {
    let fail = |msg: String| {
        SyntaxError::syntax(
            format!("compiler error: {msg}"),
            Default::default(),
            Default::default(),
        )
    };
    let st = unit.st;
    let is_function = matches!(
        unit.kind,
        UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
    );
    let mut code_flags = 0;
    if is_function {
        code_flags |= flags::OPTIMIZED | flags::NEWLOCALS;
    }
    if st.nested {
        code_flags |= flags::NESTED;
    }
    if st.is_generator {
        code_flags |= flags::GENERATOR;
    }
    if unit.varargs {
        code_flags |= flags::VARARGS;
    }
    if unit.varkeywords {
        code_flags |= flags::VARKEYWORDS;
    }
    let firstlineno = unit.firstlineno as i32;
    let cfg = &mut unit.cfg;
    cfg.normalize();
    for b in cfg.layout() {
        cfg.extend_block(b);
    }

    // Locals-plus layout: fast locals (varnames), then cells that are not arguments, then frees.
    let nlocals = unit.varnames.len();
    let ncells = unit.cellvars.len();
    let mut localsplus: Vec<Rc<str>> = unit.varnames.iter().map(|s| Rc::from(s.as_str())).collect();
    let mut kinds: Vec<SlotKind> = vec![SlotKind::Local; nlocals];
    // Maps "cellvars then freevars" index -> locals-plus index.
    let mut deref_slot: Vec<u32> = Vec::with_capacity(ncells + unit.freevars.len());
    for cell in &unit.cellvars {
        if let Some(&i) = unit.var_index.get(cell) {
            kinds[i as usize] = SlotKind::LocalCell;
            deref_slot.push(i);
        } else {
            deref_slot.push(localsplus.len() as u32);
            localsplus.push(Rc::from(cell.as_str()));
            kinds.push(SlotKind::Cell);
        }
    }
    for free in &unit.freevars {
        deref_slot.push(localsplus.len() as u32);
        localsplus.push(Rc::from(free.as_str()));
        kinds.push(SlotKind::Free);
    }
    for bl in cfg.blocks.iter_mut() {
        for inst in bl.instrs.iter_mut() {
            if matches!(inst.op.arg_kind(), ArgKind::Free) {
                inst.arg = deref_slot
                    .get(inst.arg as usize)
                    .copied()
                    .unwrap_or(inst.arg);
            }
        }
    }

    // Prefix: COPY_FREE_VARS, MAKE_CELL (in slot order), RETURN_GENERATOR + POP_TOP.
    let mut prefix: Vec<Instr> = Vec::new();
    if !unit.freevars.is_empty() {
        prefix.push(Instr {
            op: Opcode::COPY_FREE_VARS,
            arg: unit.freevars.len() as u32,
            target: None,
            loc: no_loc(),
            except: None,
        });
    }
    let mut cell_slots: Vec<u32> = deref_slot[..ncells].to_vec();
    cell_slots.sort();
    for s in cell_slots {
        prefix.push(Instr {
            op: Opcode::MAKE_CELL,
            arg: s,
            target: None,
            loc: no_loc(),
            except: None,
        });
    }
    if st.is_generator {
        let loc = Position {
            line: firstlineno,
            end_line: firstlineno,
            col: NO_LINE,
            end_col: NO_LINE,
        };
        prefix.push(Instr {
            op: Opcode::RETURN_GENERATOR,
            arg: 0,
            target: None,
            loc,
            except: None,
        });
        prefix.push(Instr {
            op: Opcode::POP_TOP,
            arg: 0,
            target: None,
            loc: no_loc(),
            except: None,
        });
    }
    if !prefix.is_empty() {
        let entry = std::mem::take(&mut cfg.blocks[0].instrs);
        prefix.extend(entry);
        cfg.blocks[0].instrs = prefix;
    }

    let mut consts = std::mem::take(&mut unit.consts);
    cfg.optimize(&mut consts);
    cfg.duplicate_exits_without_lineno();
    // Trim trailing constants that no instruction uses (the first is kept: it may be a docstring).
    let max_const = cfg
        .blocks
        .iter()
        .flat_map(|b| b.instrs.iter())
        .filter(|i| matches!(i.op, Opcode::LOAD_CONST | Opcode::KW_NAMES))
        .map(|i| i.arg as usize)
        .max()
        .unwrap_or(0);
    if max_const + 1 < consts.len() {
        consts.truncate(max_const + 1);
    }
    cfg.propagate_line_numbers();
    cfg.guarantee_lineno_for_exits(firstlineno);
    let stacksize = cfg.stack_depth(st.is_generator).map_err(fail)?;
    cfg.label_exception_targets();
    for b in cfg.layout() {
        cfg.clean_block(b);
    }
    cfg.normalize_jumps();

    // Lay out: compute offsets until jump argument sizes stop changing.
    let order = cfg.layout();
    loop {
        let mut offset = 0;
        for &b in &order {
            cfg.blocks[b].offset = offset;
            for inst in &cfg.blocks[b].instrs {
                offset += instr_size(inst.op, inst.arg);
            }
        }
        let mut changed = false;
        for &b in &order {
            let mut off = cfg.blocks[b].offset;
            let n = cfg.blocks[b].instrs.len();
            for i in 0..n {
                let inst = &cfg.blocks[b].instrs[i];
                let size = instr_size(inst.op, inst.arg);
                let end = off + size;
                if let (true, Some(t)) = (inst.op.is_jump(), inst.target) {
                    let target = cfg.blocks[t].offset;
                    let arg = match inst.op.arg_kind() {
                        ArgKind::JumpBackward => end.saturating_sub(target),
                        _ => target.saturating_sub(end),
                    } as u32;
                    if arg != inst.arg {
                        let new_size = instr_size(inst.op, arg);
                        cfg.blocks[b].instrs[i].arg = arg;
                        if new_size != size {
                            changed = true;
                        }
                    }
                }
                off = end;
            }
        }
        if !changed {
            break;
        }
    }

    // Emit wordcode, positions and the exception table.
    let mut code: Vec<CodeUnit> = Vec::new();
    let mut positions: Vec<Position> = Vec::new();
    let mut table: Vec<ExceptionEntry> = Vec::new();
    let mut current: Option<(BlockId, usize)> = None;
    let mut global_caches = 0u32;
    let mut method_caches = 0u32;
    let close = |table: &mut Vec<ExceptionEntry>,
                 blocks: &[Block],
                 handler: BlockId,
                 start: usize,
                 end: usize| {
        let h = &blocks[handler];
        let depth = h.start_depth.unwrap_or(1) - 1 - i32::from(h.preserve_lasti);
        table.push(ExceptionEntry {
            start: start as u32,
            end: end as u32,
            target: h.offset as u32,
            depth: depth.max(0) as u32,
            lasti: h.preserve_lasti,
        });
    };
    for &b in &order {
        for inst in &cfg.blocks[b].instrs {
            let here = code.len();
            if inst.except != current.map(|c| c.0) {
                if let Some((h, start)) = current {
                    close(&mut table, &cfg.blocks, h, start, here);
                }
                current = inst.except.map(|h| (h, here));
            }
            let arg = inst.arg;
            for shift in [24u32, 16, 8] {
                if arg >> shift != 0 {
                    code.push(CodeUnit::new(
                        Opcode::EXTENDED_ARG,
                        ((arg >> shift) & 0xff) as u8,
                    ));
                    positions.push(inst.loc);
                }
            }
            code.push(CodeUnit::new(inst.op, (arg & 0xff) as u8));
            positions.push(inst.loc);
            for k in 0..inst.op.caches() {
                // A LOAD_GLOBAL's first cache unit holds the index of its cache slot.
                let v = match inst.op {
                    Opcode::LOAD_GLOBAL if k == 0 => {
                        global_caches += 1;
                        (global_caches - 1).min(255) as u8
                    }
                    Opcode::LOAD_METHOD if k == 0 => {
                        method_caches += 1;
                        (method_caches - 1).min(255) as u8
                    }
                    _ => 0,
                };
                code.push(CodeUnit::new(Opcode::CACHE, v));
                positions.push(inst.loc);
            }
        }
    }
    if let Some((h, start)) = current {
        close(&mut table, &cfg.blocks, h, start, code.len());
    }
    // More LOAD_GLOBALs (LOAD_METHODs) than the 8-bit cache index can name: later ones share
    // index 255, which names no slot, so the interpreter does not cache them.
    global_caches = global_caches.min(255);
    method_caches = method_caches.min(255);

    let code_len = code.len();
    Ok(Rc::new(Code {
        name: unit.name.clone(),
        qualname: unit.qualname.clone(),
        filename,
        firstlineno: unit.firstlineno,
        lastlineno: unit.lastlineno,
        argcount: unit.argcount,
        posonlyargcount: unit.posonlyargcount,
        kwonlyargcount: unit.kwonlyargcount,
        flags: code_flags,
        code,
        consts,
        names,
        localsplus,
        kinds,
        nlocals,
        stacksize,
        positions,
        exception_table: table,
        backedges: (0..code_len).map(|_| Cell::new(0)).collect(),
        jit_entry: Cell::new(0),
        global_caches: (0..global_caches)
            .map(|_| Cell::new(GlobalCache::default()))
            .collect(),
        method_caches: (0..method_caches).map(|_| MethodCache::default()).collect(),
    }))
}
