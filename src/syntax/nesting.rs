//! The nesting limit on a parsed tree: CPython's compiler refuses a tree nested deeper than its
//! recursion limit allows ("maximum recursion depth exceeded during compilation"), and so does pyvm,
//! so that the passes after the parser (folding, scopes, code generation), which all recurse over the
//! tree, stay within a bounded stack.
//!
//! CPython counts one level per statement and per expression on the path from the module down
//! (its symbol-table and AST-optimiser visitors), against the recursion limit times three
//! (`COMPILER_STACK_FRAME_SCALE`): 3,000 for a program compiled by the default limit of 1,000.
//! `x = ` followed by 2,998 minus signs and `1` compiles; with 2,999 it does not.

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::Pos;

/// Levels a tree may nest: CPython's default recursion limit (1,000) times its compiler's scale (3).
pub const MAX_DEPTH: usize = 3000;

/// The error for a tree nested deeper than [`MAX_DEPTH`]: a `RecursionError`, which CPython prints
/// without a location.
fn too_deep() -> SyntaxError {
    SyntaxError::new(
        SyntaxErrorKind::Recursion,
        "maximum recursion depth exceeded during compilation",
        Pos::new(1, 0),
        Pos::new(1, 0),
    )
    .no_caret()
}

/// Checks a module against the limit.
pub fn check_module(m: &Module) -> Result<(), SyntaxError> {
    let mut walk = Walk { depth: 0 };
    m.body.iter().try_for_each(|s| walk.stmt(s))
}

/// Checks an expression parsed on its own (`eval`) against the limit.
pub fn check_expression(e: &Expr) -> Result<(), SyntaxError> {
    Walk { depth: 0 }.expr(e)
}

/// A depth-first walk that stops as soon as the path is too deep, so its own recursion is bounded
/// by the limit.
struct Walk {
    depth: usize,
}

impl Walk {
    fn enter(&mut self) -> Result<(), SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(too_deep());
        }
        Ok(())
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), SyntaxError> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn exprs<'e>(&mut self, es: impl IntoIterator<Item = &'e Expr>) -> Result<(), SyntaxError> {
        es.into_iter().try_for_each(|e| self.expr(e))
    }

    fn args(&mut self, a: &Arguments) -> Result<(), SyntaxError> {
        self.exprs(&a.defaults)?;
        self.exprs(a.kw_defaults.iter().flatten())?;
        self.exprs(a.all_args().filter_map(|arg| arg.annotation.as_deref()))
    }

    fn keywords(&mut self, ks: &[Keyword]) -> Result<(), SyntaxError> {
        self.exprs(ks.iter().map(|k| &k.value))
    }

    fn generators(&mut self, gs: &[Comprehension]) -> Result<(), SyntaxError> {
        for g in gs {
            self.expr(&g.target)?;
            self.expr(&g.iter)?;
            self.exprs(&g.ifs)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), SyntaxError> {
        self.enter()?;
        match &s.kind {
            StmtKind::FunctionDef {
                args,
                body,
                decorator_list,
                returns,
                ..
            } => {
                self.exprs(decorator_list)?;
                self.args(args)?;
                self.exprs(returns.as_deref())?;
                self.stmts(body)?;
            }
            StmtKind::ClassDef {
                bases,
                keywords,
                body,
                decorator_list,
                ..
            } => {
                self.exprs(decorator_list)?;
                self.exprs(bases)?;
                self.keywords(keywords)?;
                self.stmts(body)?;
            }
            StmtKind::Return { value } => self.exprs(value)?,
            StmtKind::Delete { targets } => self.exprs(targets)?,
            StmtKind::Assign { targets, value } => {
                self.exprs(targets)?;
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                ..
            } => {
                self.expr(target)?;
                self.expr(annotation)?;
                self.exprs(value)?;
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    self.exprs(&item.optional_vars)?;
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                self.exprs(exc)?;
                self.exprs(cause)?;
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    self.exprs(&h.typ)?;
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                self.exprs(msg)?;
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Import { .. }
            | StmtKind::ImportFrom { .. }
            | StmtKind::Global { .. }
            | StmtKind::Nonlocal { .. }
            | StmtKind::Pass
            | StmtKind::Break
            | StmtKind::Continue => {}
        }
        self.depth -= 1;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), SyntaxError> {
        self.enter()?;
        match &e.kind {
            ExprKind::BoolOp { values, .. } => self.exprs(values)?,
            ExprKind::NamedExpr { target, value } => {
                self.expr(target)?;
                self.expr(value)?;
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.args(args)?;
                self.expr(body)?;
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                self.exprs(keys.iter().flatten())?;
                self.exprs(values)?;
            }
            ExprKind::Set { elts }
            | ExprKind::List { elts, .. }
            | ExprKind::Tuple { elts, .. }
            | ExprKind::JoinedStr { values: elts } => self.exprs(elts)?,
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.generators(generators)?;
                self.expr(elt)?;
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.generators(generators)?;
                self.expr(key)?;
                self.expr(value)?;
            }
            ExprKind::Await { value }
            | ExprKind::YieldFrom { value }
            | ExprKind::Attribute { value, .. }
            | ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Yield { value } => self.exprs(value.as_deref())?,
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                self.exprs(comparators)?;
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                self.exprs(args)?;
                self.keywords(keywords)?;
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                self.exprs(format_spec.as_deref())?;
            }
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Slice { lower, upper, step } => {
                self.exprs([lower, upper, step].into_iter().flatten().map(|b| &**b))?;
            }
            ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
        }
        self.depth -= 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse_module, SyntaxErrorKind};

    /// Parses on a thread with room for the deepest tree the limit lets through, whatever the
    /// build profile.
    fn parses(src: String) -> Result<(), SyntaxErrorKind> {
        std::thread::Builder::new()
            .stack_size(64 << 20)
            .spawn(move || parse_module(&src).map(drop).map_err(|e| e.kind))
            .expect("spawn")
            .join()
            .expect("no panic")
    }

    #[test]
    fn the_limit_is_cpythons() {
        // CPython 3.11 compiles 2,998 unary minus signs and refuses 2,999.
        assert_eq!(parses(format!("x = {}1\n", "-".repeat(2998))), Ok(()));
        assert_eq!(
            parses(format!("x = {}1\n", "-".repeat(2999))),
            Err(SyntaxErrorKind::Recursion)
        );
    }

    #[test]
    fn wide_trees_are_not_deep() {
        assert_eq!(
            parses(format!("x = 1{}\n", " + 1".repeat(100)).repeat(100)),
            Ok(())
        );
        assert_eq!(parses(format!("x = [{}]\n", "1, ".repeat(10_000))), Ok(()));
    }
}
