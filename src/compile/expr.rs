//! Code generation for expressions: operators, conditional jumps, calls, displays, comprehensions,
//! f-strings, lambdas and yields, as CPython 3.11 compiles them.

use super::cfg::BlockId;
use super::{Compiler, Result, UnitKind};
use crate::bytecode::opcodes::Opcode;
use crate::syntax::ast::*;
use crate::vm::Value;

/// CPython's STACK_USE_GUIDELINE: beyond this many stack items, build collections incrementally.
const STACK_USE_GUIDELINE: usize = 30;

fn is_const(e: &Expr) -> bool {
    matches!(e.kind, ExprKind::Constant { .. })
}

fn const_of(e: &Expr) -> Value {
    match &e.kind {
        ExprKind::Constant { value } => super::fold::constant_value(value),
        _ => Value::None,
    }
}

fn compare_op(op: CmpOp) -> (Opcode, u32) {
    match op {
        CmpOp::Lt => (Opcode::COMPARE_OP, 0),
        CmpOp::LtE => (Opcode::COMPARE_OP, 1),
        CmpOp::Eq => (Opcode::COMPARE_OP, 2),
        CmpOp::NotEq => (Opcode::COMPARE_OP, 3),
        CmpOp::Gt => (Opcode::COMPARE_OP, 4),
        CmpOp::GtE => (Opcode::COMPARE_OP, 5),
        CmpOp::Is => (Opcode::IS_OP, 0),
        CmpOp::IsNot => (Opcode::IS_OP, 1),
        CmpOp::In => (Opcode::CONTAINS_OP, 0),
        CmpOp::NotIn => (Opcode::CONTAINS_OP, 1),
    }
}

impl Compiler<'_> {
    /// Compiles `e`, with its position as the current location while it is being compiled.
    pub(super) fn expr(&mut self, e: &Expr) -> Result<()> {
        let saved = self.loc();
        self.set_loc(e.range);
        let r = self.expr_inner(e);
        self.restore_loc(saved);
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit_arg(Opcode::COPY, 1);
                self.expr(target)?;
            }
            ExprKind::BoolOp { op, values } => {
                let jump = if *op == BoolOp::And {
                    Opcode::JUMP_IF_FALSE_OR_POP
                } else {
                    Opcode::JUMP_IF_TRUE_OR_POP
                };
                let end = self.new_block();
                for v in &values[..values.len() - 1] {
                    self.expr(v)?;
                    self.emit_jump(jump, end);
                    self.next_block();
                }
                self.expr(&values[values.len() - 1])?;
                self.use_next_block(end);
            }
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit_arg(Opcode::BINARY_OP, *op as u32);
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(match op {
                    UnaryOp::Invert => Opcode::UNARY_INVERT,
                    UnaryOp::Not => Opcode::UNARY_NOT,
                    UnaryOp::UAdd => Opcode::UNARY_POSITIVE,
                    UnaryOp::USub => Opcode::UNARY_NEGATIVE,
                });
            }
            ExprKind::Lambda { args, body } => self.lambda(e, args, body)?,
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next = self.new_block();
                self.jump_if(test, next, false)?;
                self.expr(body)?;
                self.emit_jump_noline(Opcode::JUMP, end);
                self.use_next_block(next);
                self.expr(orelse)?;
                self.use_next_block(end);
            }
            ExprKind::Dict { keys, values } => self.dict(keys, values)?,
            ExprKind::Set { elts } => self.starunpack(
                elts,
                0,
                Opcode::BUILD_SET,
                Opcode::SET_ADD,
                Opcode::SET_UPDATE,
                false,
            )?,
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, elt, None, Comp::List)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, elt, None, Comp::Set)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, key, Some(value), Comp::Dict)?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, elt, None, Comp::Gen)?
            }
            ExprKind::Await { .. } => return self.error("'await' outside async function", e.range),
            ExprKind::Yield { value } => {
                if self.u().kind == UnitKind::Module || self.u().kind == UnitKind::Class {
                    return self.error("'yield' outside function", e.range);
                }
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Opcode::YIELD_VALUE);
                self.emit_arg(Opcode::RESUME, 1);
            }
            ExprKind::YieldFrom { value } => {
                if self.u().kind == UnitKind::Module || self.u().kind == UnitKind::Class {
                    return self.error("'yield' outside function", e.range);
                }
                self.expr(value)?;
                self.emit(Opcode::GET_YIELD_FROM_ITER);
                self.load_const(Value::None);
                self.yield_from();
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                self.expr(left)?;
                if ops.len() == 1 {
                    self.expr(&comparators[0])?;
                    let (op, arg) = compare_op(ops[0]);
                    self.emit_arg(op, arg);
                } else {
                    let cleanup = self.new_block();
                    let n = ops.len() - 1;
                    for i in 0..n {
                        self.expr(&comparators[i])?;
                        self.emit_arg(Opcode::SWAP, 2);
                        self.emit_arg(Opcode::COPY, 2);
                        let (op, arg) = compare_op(ops[i]);
                        self.emit_arg(op, arg);
                        self.emit_jump(Opcode::JUMP_IF_FALSE_OR_POP, cleanup);
                    }
                    self.expr(&comparators[n])?;
                    let (op, arg) = compare_op(ops[n]);
                    self.emit_arg(op, arg);
                    let end = self.new_block();
                    self.emit_jump_noline(Opcode::JUMP, end);
                    self.use_next_block(cleanup);
                    self.emit_arg(Opcode::SWAP, 2);
                    self.emit(Opcode::POP_TOP);
                    self.use_next_block(end);
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(e, func, args, keywords)?,
            ExprKind::FormattedValue {
                value,
                conversion,
                format_spec,
            } => {
                self.expr(value)?;
                let mut arg = match *conversion {
                    c if c == 's' as i32 => 1,
                    c if c == 'r' as i32 => 2,
                    c if c == 'a' as i32 => 3,
                    _ => 0,
                };
                if let Some(spec) = format_spec {
                    self.expr(spec)?;
                    arg |= 4;
                }
                self.emit_arg(Opcode::FORMAT_VALUE, arg);
            }
            ExprKind::JoinedStr { values } => {
                if values.len() > STACK_USE_GUIDELINE {
                    self.load_const(Value::str(""));
                    self.emit_name(Opcode::LOAD_METHOD, "join");
                    self.emit_arg(Opcode::BUILD_LIST, 0);
                    for v in values {
                        self.expr(v)?;
                        self.emit_arg(Opcode::LIST_APPEND, 1);
                    }
                    self.emit_arg(Opcode::PRECALL, 1);
                    self.emit_arg(Opcode::CALL, 1);
                } else if values.is_empty() {
                    self.load_const(Value::str(""));
                } else {
                    for v in values {
                        self.expr(v)?;
                    }
                    if values.len() != 1 {
                        self.emit_arg(Opcode::BUILD_STRING, values.len() as u32);
                    }
                }
            }
            ExprKind::Constant { value } => {
                let v = super::fold::constant_value(value);
                self.load_const(v);
            }
            ExprKind::Attribute { value, attr, ctx } => {
                self.expr(value)?;
                self.match_attr_start(e, attr);
                match ctx {
                    Ctx::Load => {
                        self.emit_name(Opcode::LOAD_ATTR, attr);
                    }
                    Ctx::Store => {
                        self.emit_name(Opcode::STORE_ATTR, attr);
                    }
                    Ctx::Del => self.emit_name(Opcode::DELETE_ATTR, attr),
                }
            }
            ExprKind::Subscript { value, slice, ctx } => {
                self.expr(value)?;
                self.expr(slice)?;
                self.emit(match ctx {
                    Ctx::Load => Opcode::BINARY_SUBSCR,
                    Ctx::Store => Opcode::STORE_SUBSCR,
                    Ctx::Del => Opcode::DELETE_SUBSCR,
                });
            }
            ExprKind::Starred { ctx, .. } => {
                return match ctx {
                    Ctx::Store => self.error(
                        "starred assignment target must be in a list or tuple",
                        e.range,
                    ),
                    _ => self.error("can't use starred expression here", e.range),
                };
            }
            ExprKind::Slice { lower, upper, step } => {
                match lower {
                    Some(l) => self.expr(l)?,
                    None => self.load_const(Value::None),
                }
                match upper {
                    Some(u) => self.expr(u)?,
                    None => self.load_const(Value::None),
                }
                let mut n = 2;
                if let Some(s) = step {
                    self.expr(s)?;
                    n = 3;
                }
                self.emit_arg(Opcode::BUILD_SLICE, n);
            }
            ExprKind::Name { id, ctx } => self.nameop(id, *ctx, e.range)?,
            ExprKind::List { elts, ctx } => match ctx {
                Ctx::Load => self.starunpack(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    false,
                )?,
                _ => self.assignment_helper(elts, e.range)?,
            },
            ExprKind::Tuple { elts, ctx } => match ctx {
                Ctx::Load => self.starunpack(
                    elts,
                    0,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?,
                _ => self.assignment_helper(elts, e.range)?,
            },
        }
        Ok(())
    }

    /// For attribute chains split over lines, the instruction starts where the attribute name is.
    /// CPython's `update_start_location_to_match_attr`: an attribute on a later line than its
    /// object is located from the attribute name. (CPython subtracts the name's length in code
    /// points from a byte column; so do we.)
    pub(super) fn match_attr_start(&mut self, e: &Expr, attr: &str) {
        let line = e.range.end.line as i32;
        if self.loc().line != line {
            let u = self.unit();
            u.loc.line = line;
            let len = attr.chars().count() as i32;
            if len <= e.range.end.col as i32 {
                u.loc.col = e.range.end.col as i32 - len;
            } else {
                u.loc.col = -1;
                u.loc.end_col = -1;
            }
            u.loc.end_line = u.loc.end_line.max(u.loc.line);
            if u.loc.line == u.loc.end_line {
                u.loc.end_col = u.loc.end_col.max(u.loc.col);
            }
        }
    }

    fn yield_from(&mut self) {
        let start = self.new_block();
        let resume = self.new_block();
        let exit = self.new_block();
        self.use_next_block(start);
        self.emit_jump(Opcode::SEND, exit);
        self.use_next_block(resume);
        self.emit_arg(Opcode::YIELD_VALUE, 0);
        self.emit_arg(Opcode::RESUME, 2);
        self.emit_jump(Opcode::JUMP_NO_INTERRUPT, start);
        self.use_next_block(exit);
    }

    /// Jumps to `next` if `e` is `cond` (CPython's `compiler_jump_if`), compiling `and`, `or`,
    /// `not`, conditional expressions and comparison chains into branches.
    /// Jumps to `next` when the truth of `e` is `cond`. As in CPython 3.11, a comparison sets the
    /// location to its own range and leaves it there for what follows in the statement (an
    /// assert's AssertionError is raised "at" its comparison); other tests keep the statement's.
    pub(super) fn jump_if(&mut self, e: &Expr, next: BlockId, cond: bool) -> Result<()> {
        if matches!(e.kind, ExprKind::Compare { .. }) {
            self.set_loc(e.range);
        }
        self.jump_if_inner(e, next, cond)
    }

    fn jump_if_inner(&mut self, e: &Expr, next: BlockId, cond: bool) -> Result<()> {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, next, !cond),
            ExprKind::BoolOp { op, values } => {
                let cond2 = *op == BoolOp::Or;
                let next2 = if cond2 != cond {
                    self.new_block()
                } else {
                    next
                };
                for v in &values[..values.len() - 1] {
                    self.jump_if(v, next2, cond2)?;
                }
                self.jump_if(&values[values.len() - 1], next, cond)?;
                if next2 != next {
                    self.use_next_block(next2);
                }
                return Ok(());
            }
            ExprKind::IfExp { test, body, orelse } => {
                let end = self.new_block();
                let next2 = self.new_block();
                self.jump_if(test, next2, false)?;
                self.jump_if(body, next, cond)?;
                self.emit_jump_noline(Opcode::JUMP, end);
                self.use_next_block(next2);
                self.jump_if(orelse, next, cond)?;
                self.use_next_block(end);
                return Ok(());
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } if ops.len() > 1 => {
                let cleanup = self.new_block();
                self.expr(left)?;
                let n = ops.len() - 1;
                for i in 0..n {
                    self.expr(&comparators[i])?;
                    self.emit_arg(Opcode::SWAP, 2);
                    self.emit_arg(Opcode::COPY, 2);
                    let (op, arg) = compare_op(ops[i]);
                    self.emit_arg(op, arg);
                    self.emit_jump(Opcode::POP_JUMP_IF_FALSE, cleanup);
                }
                self.expr(&comparators[n])?;
                let (op, arg) = compare_op(ops[n]);
                self.emit_arg(op, arg);
                self.emit_jump(
                    if cond {
                        Opcode::POP_JUMP_IF_TRUE
                    } else {
                        Opcode::POP_JUMP_IF_FALSE
                    },
                    next,
                );
                let end = self.new_block();
                self.emit_jump_noline(Opcode::JUMP, end);
                self.use_next_block(cleanup);
                self.emit(Opcode::POP_TOP);
                if !cond {
                    self.emit_jump_noline(Opcode::JUMP, next);
                }
                self.use_next_block(end);
                return Ok(());
            }
            _ => {}
        }
        // The jump carries the enclosing statement's position, not the test's (as CPython's
        // visitor restores it): a `while True:` loop's back edge, where an interrupt lands,
        // shows the statement in a traceback.
        let loc = self.loc();
        self.expr(e)?;
        self.restore_loc(loc);
        self.emit_jump(
            if cond {
                Opcode::POP_JUMP_IF_TRUE
            } else {
                Opcode::POP_JUMP_IF_FALSE
            },
            next,
        );
        Ok(())
    }

    // ------------------------------------------------------------------ calls

    fn call(&mut self, e: &Expr, func: &Expr, args: &[Expr], keywords: &[Keyword]) -> Result<()> {
        if self.method_call(e, func, args, keywords)? {
            return Ok(());
        }
        self.set_loc(func.range);
        self.emit(Opcode::PUSH_NULL);
        self.set_loc(e.range);
        self.expr(func)?;
        self.call_helper(0, args, keywords)
    }

    /// `obj.meth(args)` compiles to LOAD_METHOD + CALL when the arguments are simple and `obj` is
    /// not an imported module (CPython's `maybe_optimize_method_call`).
    fn method_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Result<bool> {
        let ExprKind::Attribute {
            value,
            attr,
            ctx: Ctx::Load,
        } = &func.kind
        else {
            return Ok(false);
        };
        if let ExprKind::Name { id, .. } = &value.kind {
            let flags = self.u().st.flags_of(&self.mangle(id));
            if flags & super::symtable::flag::IMPORT != 0 {
                return Ok(false);
            }
        }
        let n = args.len() + keywords.len() + usize::from(!keywords.is_empty());
        if n >= STACK_USE_GUIDELINE {
            return Ok(false);
        }
        if args
            .iter()
            .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            || keywords.iter().any(|k| k.arg.is_none())
        {
            return Ok(false);
        }
        self.expr(value)?;
        // LOAD_METHOD is located at `obj.meth`, the call at the whole call; both start at the
        // method name when it is on a later line than the object.
        self.set_loc(func.range);
        self.match_attr_start(func, attr);
        self.emit_name(Opcode::LOAD_METHOD, attr);
        for a in args {
            self.expr(a)?;
        }
        if !keywords.is_empty() {
            for k in keywords {
                self.expr(&k.value)?;
            }
            self.kw_names(keywords);
        }
        self.set_loc(e.range);
        self.match_attr_start(func, attr);
        let argc = (args.len() + keywords.len()) as u32;
        self.emit_arg(Opcode::PRECALL, argc);
        self.emit_arg(Opcode::CALL, argc);
        Ok(true)
    }

    fn kw_names(&mut self, keywords: &[Keyword]) {
        let names: Vec<Value> = keywords
            .iter()
            .map(|k| Value::str(k.arg.clone().unwrap_or_default()))
            .collect();
        let i = self.add_const(Value::tuple(names));
        self.emit_arg(Opcode::KW_NAMES, i);
    }

    /// Arguments and the CALL (or CALL_FUNCTION_EX) of a call whose callable, and `n` extra leading
    /// arguments, are already on the stack.
    pub(super) fn call_helper(
        &mut self,
        n: usize,
        args: &[Expr],
        keywords: &[Keyword],
    ) -> Result<()> {
        for (i, k) in keywords.iter().enumerate() {
            if let Some(name) = &k.arg {
                if keywords[i + 1..]
                    .iter()
                    .any(|k2| k2.arg.as_deref() == Some(name))
                {
                    let dup = keywords[i + 1..]
                        .iter()
                        .find(|k2| k2.arg.as_deref() == Some(name))
                        .map_or(k.range, |k| k.range);
                    return self.error(format!("keyword argument repeated: {name}"), dup);
                }
            }
        }
        let simple = args.len() + keywords.len() * 2 <= STACK_USE_GUIDELINE
            && !args
                .iter()
                .any(|a| matches!(a.kind, ExprKind::Starred { .. }))
            && !keywords.iter().any(|k| k.arg.is_none());
        if simple {
            for a in args {
                self.expr(a)?;
            }
            if !keywords.is_empty() {
                for k in keywords {
                    self.expr(&k.value)?;
                }
                self.kw_names(keywords);
            }
            let argc = (n + args.len() + keywords.len()) as u32;
            self.emit_arg(Opcode::PRECALL, argc);
            self.emit_arg(Opcode::CALL, argc);
            return Ok(());
        }
        // *args / **kwargs: build a tuple of positionals and a dict of keywords.
        if n == 0 && args.len() == 1 {
            if let ExprKind::Starred { value, .. } = &args[0].kind {
                self.expr(value)?;
            } else {
                self.starunpack(
                    args,
                    n,
                    Opcode::BUILD_LIST,
                    Opcode::LIST_APPEND,
                    Opcode::LIST_EXTEND,
                    true,
                )?;
            }
        } else {
            self.starunpack(
                args,
                n,
                Opcode::BUILD_LIST,
                Opcode::LIST_APPEND,
                Opcode::LIST_EXTEND,
                true,
            )?;
        }
        if !keywords.is_empty() {
            let mut have_dict = false;
            let mut nseen = 0;
            for (i, k) in keywords.iter().enumerate() {
                if k.arg.is_none() {
                    if nseen > 0 {
                        self.subkwargs(&keywords[i - nseen..i])?;
                        if have_dict {
                            self.emit_arg(Opcode::DICT_MERGE, 1);
                        }
                        have_dict = true;
                        nseen = 0;
                    }
                    if !have_dict {
                        self.emit_arg(Opcode::BUILD_MAP, 0);
                        have_dict = true;
                    }
                    self.expr(&k.value)?;
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                } else {
                    nseen += 1;
                }
            }
            if nseen > 0 {
                self.subkwargs(&keywords[keywords.len() - nseen..])?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_MERGE, 1);
                }
            }
        }
        self.emit_arg(Opcode::CALL_FUNCTION_EX, u32::from(!keywords.is_empty()));
        Ok(())
    }

    fn subkwargs(&mut self, kws: &[Keyword]) -> Result<()> {
        let n = kws.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big {
            for k in kws {
                self.expr(&k.value)?;
            }
            let keys: Vec<Value> = kws
                .iter()
                .map(|k| Value::str(k.arg.clone().unwrap_or_default()))
                .collect();
            self.load_const(Value::tuple(keys));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_noline(Opcode::BUILD_MAP, 0);
        }
        for k in kws {
            self.load_const(Value::str(k.arg.clone().unwrap_or_default()));
            self.expr(&k.value)?;
            if big {
                self.emit_noline(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    // ------------------------------------------------------------------ displays

    /// Builds a list, tuple or set from items that may include `*iterables` (CPython's
    /// `starunpack_helper`).
    fn starunpack(
        &mut self,
        elts: &[Expr],
        pushed: usize,
        build: Opcode,
        add: Opcode,
        extend: Opcode,
        tuple: bool,
    ) -> Result<()> {
        let n = elts.len();
        if n > 2 && elts.iter().all(is_const) {
            let items: Vec<Value> = elts.iter().map(const_of).collect();
            if tuple && pushed == 0 {
                self.load_const(Value::tuple(items));
            } else {
                let folded = if add == Opcode::SET_ADD {
                    super::fold::frozenset_const(items)
                } else {
                    Value::tuple(items)
                };
                self.emit_arg(build, pushed as u32);
                self.load_const(folded);
                self.emit_arg(extend, 1);
                if tuple {
                    self.emit(Opcode::LIST_TO_TUPLE);
                }
            }
            return Ok(());
        }
        let big = n + pushed > STACK_USE_GUIDELINE;
        let seen_star = elts
            .iter()
            .any(|e| matches!(e.kind, ExprKind::Starred { .. }));
        if !seen_star && !big {
            for e in elts {
                self.expr(e)?;
            }
            self.emit_arg(
                if tuple { Opcode::BUILD_TUPLE } else { build },
                (n + pushed) as u32,
            );
            return Ok(());
        }
        let mut built = false;
        if big {
            self.emit_arg(build, pushed as u32);
            built = true;
        }
        for (i, e) in elts.iter().enumerate() {
            if let ExprKind::Starred { value, .. } = &e.kind {
                if !built {
                    self.emit_arg(build, (i + pushed) as u32);
                    built = true;
                }
                self.expr(value)?;
                self.emit_arg(extend, 1);
            } else {
                self.expr(e)?;
                if built {
                    self.emit_arg(add, 1);
                }
            }
        }
        if tuple {
            self.emit(Opcode::LIST_TO_TUPLE);
        }
        Ok(())
    }

    fn dict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> Result<()> {
        let n = values.len();
        let mut have_dict = false;
        let mut elements = 0;
        for i in 0..n {
            if keys[i].is_none() {
                if elements > 0 {
                    self.subdict(&keys[i - elements..i], &values[i - elements..i])?;
                    if have_dict {
                        self.emit_arg(Opcode::DICT_UPDATE, 1);
                    }
                    have_dict = true;
                    elements = 0;
                }
                if !have_dict {
                    self.emit_arg(Opcode::BUILD_MAP, 0);
                    have_dict = true;
                }
                self.expr(&values[i])?;
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            } else if elements * 2 > STACK_USE_GUIDELINE {
                self.subdict(&keys[i - elements..=i], &values[i - elements..=i])?;
                if have_dict {
                    self.emit_arg(Opcode::DICT_UPDATE, 1);
                }
                have_dict = true;
                elements = 0;
            } else {
                elements += 1;
            }
        }
        if elements > 0 {
            self.subdict(&keys[n - elements..], &values[n - elements..])?;
            if have_dict {
                self.emit_arg(Opcode::DICT_UPDATE, 1);
            }
            have_dict = true;
        }
        if !have_dict {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        Ok(())
    }

    fn subdict(&mut self, keys: &[Option<Expr>], values: &[Expr]) -> Result<()> {
        let n = values.len();
        let big = n * 2 > STACK_USE_GUIDELINE;
        if n > 1 && !big && keys.iter().all(|k| k.as_ref().is_some_and(is_const)) {
            for v in values {
                self.expr(v)?;
            }
            let ks: Vec<Value> = keys
                .iter()
                .map(|k| k.as_ref().map_or(Value::None, const_of))
                .collect();
            self.load_const(Value::tuple(ks));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n as u32);
            return Ok(());
        }
        if big {
            self.emit_arg(Opcode::BUILD_MAP, 0);
        }
        for (k, v) in keys.iter().zip(values) {
            if let Some(k) = k {
                self.expr(k)?;
            }
            self.expr(v)?;
            if big {
                self.emit_arg(Opcode::MAP_ADD, 1);
            }
        }
        if !big {
            self.emit_arg(Opcode::BUILD_MAP, n as u32);
        }
        Ok(())
    }

    /// Unpacks the value on the stack into the targets `elts`.
    fn assignment_helper(&mut self, elts: &[Expr], range: Range) -> Result<()> {
        let n = elts.len();
        let mut seen_star = false;
        for (i, e) in elts.iter().enumerate() {
            if matches!(e.kind, ExprKind::Starred { .. }) {
                if seen_star {
                    return self.error("multiple starred expressions in assignment", range);
                }
                if i >= 256 || n - i > (i32::MAX >> 8) as usize {
                    return self.error("too many expressions in star-unpacking assignment", range);
                }
                self.emit_arg(Opcode::UNPACK_EX, (i + ((n - i - 1) << 8)) as u32);
                seen_star = true;
            }
        }
        if !seen_star {
            self.emit_arg(Opcode::UNPACK_SEQUENCE, n as u32);
        }
        for e in elts {
            match &e.kind {
                ExprKind::Starred { value, .. } => self.expr(value)?,
                _ => self.expr(e)?,
            }
        }
        Ok(())
    }

    // ------------------------------------------------------------------ nested code

    fn lambda(&mut self, e: &Expr, args: &Arguments, body: &Expr) -> Result<()> {
        let flags = self.default_arguments(args)?;
        let parent = self.u().st;
        let Some(st) = parent.child_at(e.range) else {
            return self.error("compiler error: missing scope", e.range);
        };
        self.enter_scope(st, UnitKind::Lambda, "<lambda>", e.range.start.line);
        self.unit().lastlineno = e.range.end.line;
        self.emit_arg(Opcode::RESUME, 0);
        self.add_const(Value::None);
        {
            let u = self.unit();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
            u.varargs = args.vararg.is_some();
            u.varkeywords = args.kwarg.is_some();
        }
        self.expr(body)?;
        let code = if st.is_generator {
            self.assemble(false)?
        } else {
            self.emit(Opcode::RETURN_VALUE);
            self.assemble(true)?
        };
        let qn = code.qualname.clone();
        self.make_closure(code, flags, &qn)
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comp,
    ) -> Result<()> {
        let parent = self.u().st;
        let Some(st) = parent.child_at(e.range) else {
            return self.error("compiler error: missing scope", e.range);
        };
        self.enter_scope(st, UnitKind::Comprehension, name, e.range.start.line);
        self.emit_arg(Opcode::RESUME, 0);
        self.set_loc(e.range);
        match kind {
            Comp::List => self.emit_arg(Opcode::BUILD_LIST, 0),
            Comp::Set => self.emit_arg(Opcode::BUILD_SET, 0),
            Comp::Dict => self.emit_arg(Opcode::BUILD_MAP, 0),
            Comp::Gen => {}
        }
        self.comprehension_generator(generators, 0, 0, elt, value, kind)?;
        if kind != Comp::Gen {
            self.emit(Opcode::RETURN_VALUE);
        }
        let code = self.assemble(true)?;
        let qn = code.qualname.clone();
        self.make_closure(code, 0, &qn)?;
        self.expr(&generators[0].iter)?;
        self.emit(Opcode::GET_ITER);
        self.emit_arg(Opcode::PRECALL, 0);
        self.emit_arg(Opcode::CALL, 0);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &[Comprehension],
        index: usize,
        mut depth: u32,
        elt: &Expr,
        value: Option<&Expr>,
        kind: Comp,
    ) -> Result<()> {
        let mut start = Some(self.new_block());
        let if_cleanup = self.new_block();
        let anchor = self.new_block();
        let g = &generators[index];
        if index == 0 {
            self.unit().argcount = 1;
            self.emit_arg(Opcode::LOAD_FAST, 0);
        } else {
            let single = match &g.iter.kind {
                ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } if elts.len() == 1 => {
                    Some(&elts[0]).filter(|e| !matches!(e.kind, ExprKind::Starred { .. }))
                }
                _ => None,
            };
            if let Some(only) = single {
                self.expr(only)?;
                start = None;
            } else {
                self.expr(&g.iter)?;
                self.emit(Opcode::GET_ITER);
            }
        }
        if let Some(s) = start {
            depth += 1;
            self.use_next_block(s);
            self.emit_jump(Opcode::FOR_ITER, anchor);
        }
        self.expr(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, if_cleanup, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, depth, elt, value, kind)?;
        } else {
            match kind {
                Comp::Gen => {
                    self.expr(elt)?;
                    self.emit(Opcode::YIELD_VALUE);
                    self.emit_arg(Opcode::RESUME, 1);
                    self.emit(Opcode::POP_TOP);
                }
                Comp::List => {
                    self.expr(elt)?;
                    self.emit_arg(Opcode::LIST_APPEND, depth + 1);
                }
                Comp::Set => {
                    self.expr(elt)?;
                    self.emit_arg(Opcode::SET_ADD, depth + 1);
                }
                Comp::Dict => {
                    self.expr(elt)?;
                    if let Some(v) = value {
                        self.expr(v)?;
                    }
                    self.emit_arg(Opcode::MAP_ADD, depth + 1);
                }
            }
        }
        self.use_next_block(if_cleanup);
        if let Some(s) = start {
            self.emit_jump(Opcode::JUMP, s);
            self.use_next_block(anchor);
        }
        Ok(())
    }
}

/// Which comprehension is being compiled.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Comp {
    List,
    Set,
    Dict,
    Gen,
}
