//! Code generation for statements, following CPython 3.11's `compile.c` block by block.

use super::{Compiler, FBlock, Result, UnitKind};
use crate::bytecode::opcodes::Opcode;
use crate::syntax::ast::*;
use crate::vm::Value;

/// The docstring of a body, if its first statement is a string constant.
pub(super) fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr {
            value:
                Expr {
                    kind:
                        ExprKind::Constant {
                            value: Constant::Str(s),
                        },
                    ..
                },
        }) => Some(s.clone()),
        _ => None,
    }
}

/// Whether a module or class body has an annotated name (so it needs `__annotations__`).
pub(super) fn has_annotation(s: &Stmt) -> bool {
    match &s.kind {
        StmtKind::AnnAssign { simple, .. } => *simple,
        StmtKind::For { body, orelse, .. }
        | StmtKind::While { body, orelse, .. }
        | StmtKind::If { body, orelse, .. } => {
            body.iter().any(has_annotation) || orelse.iter().any(has_annotation)
        }
        StmtKind::With { body, .. } => body.iter().any(has_annotation),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            body.iter().any(has_annotation)
                || handlers.iter().any(|h| h.body.iter().any(has_annotation))
                || orelse.iter().any(has_annotation)
                || finalbody.iter().any(has_annotation)
        }
        _ => false,
    }
}

impl Compiler<'_> {
    pub(super) fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    pub(super) fn stmt(&mut self, s: &Stmt) -> Result<()> {
        self.set_loc(s.range);
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => self.function_def(s, name, args, body, decorator_list, returns.as_deref()),
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => self.class_def(s, name, bases, keywords, body, decorator_list),
            StmtKind::Return { value } => self.return_stmt(s, value.as_ref()),
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit_arg(Opcode::COPY, 1);
                    }
                    self.expr(t)?;
                }
                Ok(())
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(s, target, *op, value),
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.expr(target)?;
                }
                if let ExprKind::Name { id, .. } = &target.kind {
                    if *simple && matches!(self.u().kind, UnitKind::Module | UnitKind::Class) {
                        self.expr(annotation)?;
                        self.emit_name(Opcode::LOAD_NAME, "__annotations__");
                        let mangled = self.mangle(id);
                        self.load_const(Value::str(mangled));
                        self.emit(Opcode::STORE_SUBSCR);
                    }
                }
                Ok(())
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => self.for_stmt(target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.while_stmt(s, test, body, orelse),
            StmtKind::If { test, body, orelse } => {
                let end = self.new_block();
                let next = if orelse.is_empty() {
                    end
                } else {
                    self.new_block()
                };
                self.jump_if(test, next, false)?;
                self.stmts(body)?;
                if !orelse.is_empty() {
                    self.emit_jump_noline(Opcode::JUMP, end);
                    self.use_next_block(next);
                    self.stmts(orelse)?;
                }
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::With { items, body } => self.with_stmt(s, items, 0, body),
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n += 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n += 1;
                    }
                }
                self.emit_arg(Opcode::RAISE_VARARGS, n);
                Ok(())
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse)
                } else {
                    self.try_finally(body, handlers, orelse, finalbody)
                }
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_block();
                self.jump_if(test, end, true)?;
                self.emit(Opcode::LOAD_ASSERTION_ERROR);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit_arg(Opcode::PRECALL, 0);
                    self.emit_arg(Opcode::CALL, 0);
                }
                self.emit_arg(Opcode::RAISE_VARARGS, 1);
                self.use_next_block(end);
                Ok(())
            }
            StmtKind::Import { names } => {
                for a in names {
                    self.load_const(Value::Int(0));
                    self.load_const(Value::None);
                    self.emit_name(Opcode::IMPORT_NAME, &a.name);
                    match &a.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = a.name.split('.').collect();
                            if parts.len() > 1 {
                                for (i, attr) in parts[1..].iter().enumerate() {
                                    self.emit_name(Opcode::IMPORT_FROM, attr);
                                    if i + 2 < parts.len() {
                                        self.emit_arg(Opcode::SWAP, 2);
                                        self.emit(Opcode::POP_TOP);
                                    }
                                }
                                self.nameop(asname, Ctx::Store, a.range)?;
                                self.emit(Opcode::POP_TOP);
                            } else {
                                self.nameop(asname, Ctx::Store, a.range)?;
                            }
                        }
                        None => {
                            let first = a.name.split('.').next().unwrap_or("");
                            self.nameop(first, Ctx::Store, a.range)?;
                        }
                    }
                }
                Ok(())
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                self.load_const(Value::Int(*level as i64));
                let tuple: Vec<Value> = names.iter().map(|a| Value::str(a.name.clone())).collect();
                self.load_const(Value::tuple(tuple));
                self.emit_name(Opcode::IMPORT_NAME, module.as_deref().unwrap_or(""));
                for (i, a) in names.iter().enumerate() {
                    if i == 0 && a.name == "*" {
                        self.emit(Opcode::IMPORT_STAR);
                        return Ok(());
                    }
                    self.emit_name(Opcode::IMPORT_FROM, &a.name);
                    let store = a.asname.as_deref().unwrap_or(&a.name);
                    self.nameop(store, Ctx::Store, a.range)?;
                }
                self.emit(Opcode::POP_TOP);
                Ok(())
            }
            StmtKind::Global { .. } | StmtKind::Nonlocal { .. } => Ok(()),
            StmtKind::Expr { value } if self.interactive && self.units.len() == 1 => {
                self.expr(value)?;
                self.emit(Opcode::PRINT_EXPR);
                Ok(())
            }
            StmtKind::Expr { value } => {
                if let ExprKind::Constant { .. } = value.kind {
                    self.emit(Opcode::NOP);
                    return Ok(());
                }
                self.expr(value)?;
                self.unset_loc();
                self.emit(Opcode::POP_TOP);
                Ok(())
            }
            StmtKind::Pass => {
                self.emit(Opcode::NOP);
                Ok(())
            }
            StmtKind::Break => self.break_stmt(s),
            StmtKind::Continue => self.continue_stmt(s),
        }
    }

    // ------------------------------------------------------------------ definitions

    fn decorators(&mut self, decorators: &[Expr]) -> Result<()> {
        for d in decorators {
            self.expr(d)?;
        }
        Ok(())
    }

    /// Calls the decorators on the new function or class, innermost first, each call at its
    /// decorator's position (so a traceback or line event shows the `@` line), then returns
    /// to the definition's.
    fn apply_decorators(&mut self, decorators: &[Expr], def: Range) {
        for d in decorators.iter().rev() {
            self.set_loc(d.range);
            self.emit_arg(Opcode::PRECALL, 0);
            self.emit_arg(Opcode::CALL, 0);
        }
        self.set_loc(def);
    }

    /// Pushes defaults and keyword-only defaults; returns the MAKE_FUNCTION flags they need.
    pub(super) fn default_arguments(&mut self, args: &Arguments) -> Result<u32> {
        let mut flags = 0;
        if !args.defaults.is_empty() {
            for d in &args.defaults {
                self.expr(d)?;
            }
            self.emit_arg(Opcode::BUILD_TUPLE, args.defaults.len() as u32);
            flags |= 0x01;
        }
        let mut keys = Vec::new();
        for (a, d) in args.kwonlyargs.iter().zip(&args.kw_defaults) {
            if let Some(d) = d {
                keys.push(Value::str(self.mangle(&a.name)));
                self.expr(d)?;
            }
        }
        if !keys.is_empty() {
            let n = keys.len() as u32;
            self.load_const(Value::tuple(keys));
            self.emit_arg(Opcode::BUILD_CONST_KEY_MAP, n);
            flags |= 0x02;
        }
        Ok(flags)
    }

    /// Pushes the annotations tuple ('name', value, ...) if there are any; returns whether it did.
    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> Result<bool> {
        let mut n = 0;
        for a in args.all_args() {
            if let Some(ann) = &a.annotation {
                self.load_const(Value::str(self.mangle(&a.name)));
                self.expr(ann)?;
                n += 2;
            }
        }
        if let Some(r) = returns {
            self.load_const(Value::str("return"));
            self.expr(r)?;
            n += 2;
        }
        if n > 0 {
            self.emit_arg(Opcode::BUILD_TUPLE, n);
        }
        Ok(n > 0)
    }

    fn function_def(
        &mut self,
        s: &Stmt,
        name: &str,
        args: &Arguments,
        body: &[Stmt],
        decorators: &[Expr],
        returns: Option<&Expr>,
    ) -> Result<()> {
        self.decorators(decorators)?;
        let firstlineno = decorators
            .first()
            .map_or(s.range.start.line, |d| d.range.start.line);
        let mut flags = self.default_arguments(args)?;
        if self.annotations(args, returns)? {
            flags |= 0x04;
        }
        let parent = self.u().st;
        let Some(st) = parent.child_at(s.range) else {
            return self.error("compiler error: missing scope", s.range);
        };
        self.enter_scope(st, UnitKind::Function, name, firstlineno);
        self.unit().lastlineno = s.range.end.line;
        self.emit_arg(Opcode::RESUME, 0);
        let doc = docstring(body);
        self.add_const(match &doc {
            Some(d) => Value::str(d.clone()),
            None => Value::None,
        });
        {
            let u = self.unit();
            u.argcount = (args.posonlyargs.len() + args.args.len()) as u32;
            u.posonlyargcount = args.posonlyargs.len() as u32;
            u.kwonlyargcount = args.kwonlyargs.len() as u32;
            u.varargs = args.vararg.is_some();
            u.varkeywords = args.kwarg.is_some();
        }
        let start = if doc.is_some() { 1 } else { 0 };
        for st in &body[start..] {
            self.stmt(st)?;
        }
        let qualname = self.u().qualname.clone();
        let code = self.assemble(true)?;
        self.set_loc(s.range);
        self.make_closure(code, flags, &qualname)?;
        self.apply_decorators(decorators, s.range);
        self.nameop(name, Ctx::Store, s.range)
    }

    fn class_def(
        &mut self,
        s: &Stmt,
        name: &str,
        bases: &[Expr],
        keywords: &[Keyword],
        body: &[Stmt],
        decorators: &[Expr],
    ) -> Result<()> {
        self.decorators(decorators)?;
        let firstlineno = decorators
            .first()
            .map_or(s.range.start.line, |d| d.range.start.line);
        let parent = self.u().st;
        let Some(st) = parent.child_at(s.range) else {
            return self.error("compiler error: missing scope", s.range);
        };
        self.enter_scope(st, UnitKind::Class, name, firstlineno);
        self.unit().lastlineno = s.range.end.line;
        self.emit_arg(Opcode::RESUME, 0);
        // The prologue keeps the scope's starting position: (first line, first line, 0, 0).
        self.nameop("__name__", Ctx::Load, s.range)?;
        self.nameop("__module__", Ctx::Store, s.range)?;
        let qualname = self.u().qualname.clone();
        self.load_const(Value::str(qualname));
        self.nameop("__qualname__", Ctx::Store, s.range)?;
        self.body(body)?;
        self.unset_loc();
        if self.u().st.needs_class_closure {
            let i = self.deref_index("__class__").expect("class cell");
            self.emit_arg(Opcode::LOAD_CLOSURE, i);
            self.emit_arg(Opcode::COPY, 1);
            self.nameop("__classcell__", Ctx::Store, s.range)?;
        } else {
            self.load_const(Value::None);
        }
        self.emit(Opcode::RETURN_VALUE);
        let code = self.assemble(true)?;
        self.set_loc(s.range);
        self.emit(Opcode::PUSH_NULL);
        self.emit(Opcode::LOAD_BUILD_CLASS);
        let qn = code.qualname.clone();
        self.make_closure(code, 0, &qn)?;
        self.load_const(Value::str(name));
        self.call_helper(2, bases, keywords)?;
        self.apply_decorators(decorators, s.range);
        self.nameop(name, Ctx::Store, s.range)
    }

    /// LOAD_CLOSURE for each free variable of `code`, then MAKE_FUNCTION.
    pub(super) fn make_closure(
        &mut self,
        code: std::rc::Rc<crate::bytecode::Code>,
        mut flags: u32,
        _qualname: &str,
    ) -> Result<()> {
        let free = code.freevars();
        if !free.is_empty() {
            for name in &free {
                let Some(i) = self.deref_index(name) else {
                    return self.error(
                        format!("compiler error: no closure cell for '{name}'"),
                        Range::default(),
                    );
                };
                self.emit_arg(Opcode::LOAD_CLOSURE, i);
            }
            flags |= 0x08;
            self.emit_arg(Opcode::BUILD_TUPLE, free.len() as u32);
        }
        self.load_const(Value::Code(code));
        self.emit_arg(Opcode::MAKE_FUNCTION, flags);
        Ok(())
    }

    // ------------------------------------------------------------------ control flow

    fn return_stmt(&mut self, s: &Stmt, value: Option<&Expr>) -> Result<()> {
        if !matches!(
            self.u().kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        ) {
            return self.error("'return' outside function", s.range);
        }
        let preserve_tos = value.is_some_and(|v| !matches!(v.kind, ExprKind::Constant { .. }));
        match value {
            Some(v) if preserve_tos => self.expr(v)?,
            Some(v) => {
                self.set_loc(v.range);
                self.emit(Opcode::NOP);
            }
            None => {}
        }
        if value.is_none_or(|v| v.range.start.line != s.range.start.line) {
            self.set_loc(s.range);
            self.emit(Opcode::NOP);
        }
        self.unwind_fblock_stack(preserve_tos, false)?;
        match value {
            None => self.load_const(Value::None),
            Some(Expr {
                kind: ExprKind::Constant { value },
                ..
            }) => {
                let v = super::fold::constant_value(value);
                self.load_const(v);
            }
            _ => {}
        }
        self.emit(Opcode::RETURN_VALUE);
        self.next_block();
        Ok(())
    }

    fn break_stmt(&mut self, s: &Stmt) -> Result<()> {
        self.emit(Opcode::NOP);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            self.set_loc(s.range);
            return self.error("'break' outside loop", s.range);
        };
        self.unwind_fblock(&loop_block, false)?;
        let exit = match loop_block {
            FBlock::WhileLoop { exit, .. } | FBlock::ForLoop { exit, .. } => exit,
            _ => unreachable!("unwind stops at loops"),
        };
        self.emit_jump(Opcode::JUMP, exit);
        self.next_block();
        Ok(())
    }

    fn continue_stmt(&mut self, s: &Stmt) -> Result<()> {
        self.emit(Opcode::NOP);
        let Some(loop_block) = self.unwind_fblock_stack(false, true)? else {
            return self.error("'continue' not properly in loop", s.range);
        };
        let start = match loop_block {
            FBlock::WhileLoop { start, .. } | FBlock::ForLoop { start, .. } => start,
            _ => unreachable!("unwind stops at loops"),
        };
        self.emit_jump(Opcode::JUMP, start);
        self.next_block();
        Ok(())
    }

    /// Emits the cleanup of one frame block (CPython's `compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, fb: &FBlock, preserve_tos: bool) -> Result<()> {
        match fb {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
            FBlock::TryExcept => self.emit(Opcode::POP_BLOCK),
            FBlock::FinallyTry { body } => {
                self.emit(Opcode::POP_BLOCK);
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue)?;
                }
                let body = body.clone();
                self.stmts(&body)?;
                if preserve_tos {
                    self.unit().fblocks.pop();
                }
                self.unset_loc();
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_BLOCK);
                self.emit(Opcode::POP_EXCEPT);
            }
            FBlock::With { range } => {
                self.set_loc(*range);
                self.emit(Opcode::POP_BLOCK);
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.call_exit_with_nones();
                self.emit(Opcode::POP_TOP);
                self.unset_loc();
            }
            FBlock::HandlerCleanup { name } => {
                if name.is_some() {
                    self.emit(Opcode::POP_BLOCK);
                }
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_BLOCK);
                self.emit(Opcode::POP_EXCEPT);
                if let Some(n) = name {
                    self.load_const(Value::None);
                    self.nameop(n, Ctx::Store, Range::default())?;
                    self.nameop(n, Ctx::Del, Range::default())?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit_arg(Opcode::SWAP, 2);
                }
                self.emit(Opcode::POP_TOP);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks outward. With `stop_at_loop`, stops at (and returns) the innermost loop.
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        stop_at_loop: bool,
    ) -> Result<Option<FBlock>> {
        let Some(top) = self.u().fblocks.last().cloned() else {
            return Ok(None);
        };
        if stop_at_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
            return Ok(Some(top));
        }
        self.unit().fblocks.pop();
        self.unwind_fblock(&top, preserve_tos)?;
        let found = self.unwind_fblock_stack(preserve_tos, stop_at_loop)?;
        self.unit().fblocks.push(top);
        Ok(found)
    }

    fn for_stmt(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> Result<()> {
        let start = self.new_block();
        let body_block = self.new_block();
        let cleanup = self.new_block();
        let end = self.new_block();
        self.push_fblock(FBlock::ForLoop { start, exit: end })?;
        self.expr(iter)?;
        self.emit(Opcode::GET_ITER);
        self.use_next_block(start);
        self.emit_jump(Opcode::FOR_ITER, cleanup);
        self.use_next_block(body_block);
        self.expr(target)?;
        self.stmts(body)?;
        self.unset_loc();
        self.emit_jump(Opcode::JUMP, start);
        self.use_next_block(cleanup);
        self.unit().fblocks.pop();
        self.stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn while_stmt(&mut self, s: &Stmt, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> Result<()> {
        let loop_block = self.new_block();
        let body_block = self.new_block();
        let anchor = self.new_block();
        let end = self.new_block();
        self.use_next_block(loop_block);
        self.push_fblock(FBlock::WhileLoop {
            start: loop_block,
            exit: end,
        })?;
        self.jump_if(test, anchor, false)?;
        self.use_next_block(body_block);
        self.stmts(body)?;
        self.set_loc(s.range);
        self.jump_if(test, body_block, true)?;
        self.unit().fblocks.pop();
        self.use_next_block(anchor);
        self.stmts(orelse)?;
        self.use_next_block(end);
        Ok(())
    }

    fn aug_assign(&mut self, s: &Stmt, target: &Expr, op: Operator, value: &Expr) -> Result<()> {
        let stmt_loc = self.loc();
        self.set_loc(target.range);
        match &target.kind {
            ExprKind::Attribute {
                value: obj, attr, ..
            } => {
                self.expr(obj)?;
                self.emit_arg(Opcode::COPY, 1);
                self.match_attr_start(target, attr);
                self.emit_name(Opcode::LOAD_ATTR, attr);
            }
            ExprKind::Subscript {
                value: obj, slice, ..
            } => {
                self.expr(obj)?;
                self.expr(slice)?;
                self.emit_arg(Opcode::COPY, 2);
                self.emit_arg(Opcode::COPY, 2);
                self.emit(Opcode::BINARY_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Load, target.range)?,
            _ => return self.error("illegal expression for augmented assignment", target.range),
        }
        self.restore_loc(stmt_loc);
        self.expr(value)?;
        self.set_loc(s.range);
        self.emit_arg(
            Opcode::BINARY_OP,
            op as u32 + crate::bytecode::opcodes::NB_INPLACE_OFFSET,
        );
        self.set_loc(target.range);
        match &target.kind {
            ExprKind::Attribute { attr, .. } => {
                self.match_attr_start(target, attr);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit_name(Opcode::STORE_ATTR, attr);
            }
            ExprKind::Subscript { .. } => {
                self.emit_arg(Opcode::SWAP, 3);
                self.emit_arg(Opcode::SWAP, 2);
                self.emit(Opcode::STORE_SUBSCR);
            }
            ExprKind::Name { id, .. } => self.nameop(id, Ctx::Store, target.range)?,
            _ => {}
        }
        Ok(())
    }

    // ------------------------------------------------------------------ exceptions

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
    ) -> Result<()> {
        let body_block = self.new_block();
        let mut except = self.new_block();
        let end = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Opcode::SETUP_FINALLY, except);
        self.use_next_block(body_block);
        self.push_fblock(FBlock::TryExcept)?;
        self.stmts(body)?;
        self.unit().fblocks.pop();
        self.emit_noline(Opcode::POP_BLOCK, 0);
        self.stmts(orelse)?;
        self.emit_jump_noline(Opcode::JUMP, end);
        self.use_next_block(except);
        self.unset_loc();
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::ExceptionHandler)?;
        for (i, h) in handlers.iter().enumerate() {
            self.set_loc(h.range);
            if h.typ.is_none() && i + 1 < handlers.len() {
                return self.error("default 'except:' must be last", h.range);
            }
            except = self.new_block();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Opcode::CHECK_EXC_MATCH);
                self.emit_jump(Opcode::POP_JUMP_IF_FALSE, except);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_block();
                let cleanup_body = self.new_block();
                self.nameop(name, Ctx::Store, h.range)?;
                self.emit_jump(Opcode::SETUP_CLEANUP, cleanup_end);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup {
                    name: Some(name.clone()),
                })?;
                self.stmts(&h.body)?;
                self.unit().fblocks.pop();
                self.unset_loc();
                self.emit(Opcode::POP_BLOCK);
                self.emit(Opcode::POP_BLOCK);
                self.emit(Opcode::POP_EXCEPT);
                self.load_const(Value::None);
                self.nameop(name, Ctx::Store, h.range)?;
                self.nameop(name, Ctx::Del, h.range)?;
                self.emit_jump(Opcode::JUMP, end);
                self.use_next_block(cleanup_end);
                self.unset_loc();
                self.load_const(Value::None);
                self.nameop(name, Ctx::Store, h.range)?;
                self.nameop(name, Ctx::Del, h.range)?;
                self.emit_arg(Opcode::RERAISE, 1);
            } else {
                let cleanup_body = self.new_block();
                self.emit(Opcode::POP_TOP);
                self.use_next_block(cleanup_body);
                self.push_fblock(FBlock::HandlerCleanup { name: None })?;
                self.stmts(&h.body)?;
                self.unit().fblocks.pop();
                self.unset_loc();
                self.emit(Opcode::POP_BLOCK);
                self.emit(Opcode::POP_EXCEPT);
                self.emit_jump(Opcode::JUMP, end);
            }
            self.use_next_block(except);
        }
        self.unset_loc();
        self.unit().fblocks.pop();
        self.emit_arg(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(end);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        self.emit_arg(Opcode::COPY, 3);
        self.emit(Opcode::POP_EXCEPT);
        self.emit_arg(Opcode::RERAISE, 1);
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> Result<()> {
        let body_block = self.new_block();
        let end = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.emit_jump(Opcode::SETUP_FINALLY, end);
        self.use_next_block(body_block);
        self.push_fblock(FBlock::FinallyTry {
            body: finalbody.to_vec(),
        })?;
        if handlers.is_empty() {
            self.stmts(body)?;
        } else {
            self.try_except(body, handlers, orelse)?;
        }
        self.emit_noline(Opcode::POP_BLOCK, 0);
        self.unit().fblocks.pop();
        self.stmts(finalbody)?;
        self.emit_jump_noline(Opcode::JUMP, exit);
        self.use_next_block(end);
        self.unset_loc();
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.push_fblock(FBlock::FinallyEnd)?;
        self.stmts(finalbody)?;
        self.unit().fblocks.pop();
        self.emit_arg(Opcode::RERAISE, 0);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(exit);
        Ok(())
    }

    fn call_exit_with_nones(&mut self) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit_arg(Opcode::PRECALL, 2);
        self.emit_arg(Opcode::CALL, 2);
    }

    fn with_stmt(&mut self, s: &Stmt, items: &[WithItem], pos: usize, body: &[Stmt]) -> Result<()> {
        let item = &items[pos];
        let body_block = self.new_block();
        let final_block = self.new_block();
        let exit = self.new_block();
        let cleanup = self.new_block();
        self.expr(&item.context_expr)?;
        self.emit(Opcode::BEFORE_WITH);
        self.emit_jump(Opcode::SETUP_WITH, final_block);
        self.use_next_block(body_block);
        self.push_fblock(FBlock::With { range: s.range })?;
        match &item.optional_vars {
            Some(v) => self.expr(v)?,
            None => self.emit(Opcode::POP_TOP),
        }
        if pos + 1 == items.len() {
            self.stmts(body)?;
        } else {
            self.with_stmt(s, items, pos + 1, body)?;
        }
        self.unset_loc();
        self.emit(Opcode::POP_BLOCK);
        self.unit().fblocks.pop();
        self.set_loc(s.range);
        self.call_exit_with_nones();
        self.emit(Opcode::POP_TOP);
        self.emit_jump(Opcode::JUMP, exit);
        self.use_next_block(final_block);
        self.emit_jump(Opcode::SETUP_CLEANUP, cleanup);
        self.emit(Opcode::PUSH_EXC_INFO);
        self.emit(Opcode::WITH_EXCEPT_START);
        // compiler_with_except_finish
        self.unset_loc();
        let finish = self.new_block();
        self.emit_jump(Opcode::POP_JUMP_IF_TRUE, finish);
        self.emit_arg(Opcode::RERAISE, 2);
        self.use_next_block(cleanup);
        self.pop_except_and_reraise();
        self.use_next_block(finish);
        self.emit(Opcode::POP_TOP);
        self.emit(Opcode::POP_BLOCK);
        self.emit(Opcode::POP_EXCEPT);
        self.emit(Opcode::POP_TOP);
        self.emit(Opcode::POP_TOP);
        self.use_next_block(exit);
        Ok(())
    }
}
