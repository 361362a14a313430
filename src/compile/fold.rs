//! Constant folding on the AST, as CPython's `ast_opt.c` does it: unary and binary operators on
//! constants (within CPython's size limits), tuples of constants, `not (a in b)` into `a not in b`,
//! and list or set displays used only for iteration or membership into constant tuples/frozensets.

use crate::syntax::ast::*;
use crate::vm::{ops, Value};

const MAX_INT_SIZE: u64 = 128;
const MAX_COLLECTION_SIZE: usize = 256;
const MAX_STR_SIZE: usize = 4096;

/// The runtime value of an AST constant.
pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::Bool(b) => Value::Bool(*b),
        Constant::Int(crate::syntax::token::IntLit::Small(i)) => Value::Int(*i),
        Constant::Int(crate::syntax::token::IntLit::Big(b)) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::Float(*f),
        Constant::Complex { real, imag } => Value::complex(*real, *imag),
        Constant::Str(s) => Value::str(s.clone()),
        Constant::Bytes(b) => Value::Bytes(crate::vm::value::alloc(crate::objects::PyBytes {
            data: b.clone(),
        })),
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Tuple(items) => Value::tuple(items.iter().map(constant_value).collect()),
        Constant::FrozenSet(items) => frozenset_const(items.iter().map(constant_value).collect()),
    }
}

/// A frozenset constant built from hashable constant items.
pub fn frozenset_const(items: Vec<Value>) -> Value {
    ops::frozenset_of_constants(items)
}

/// The AST constant for a folded runtime value, if it is one that can be a constant.
fn value_constant(v: &Value) -> Option<Constant> {
    Some(match v {
        Value::None => Constant::None,
        Value::Bool(b) => Constant::Bool(*b),
        Value::Int(i) => Constant::Int(crate::syntax::token::IntLit::Small(*i)),
        Value::BigInt(b) => Constant::Int(crate::syntax::token::IntLit::Big((**b).clone())),
        Value::Float(f) => Constant::Float(*f),
        Value::Complex(c) => Constant::Complex {
            real: c.re,
            imag: c.im,
        },
        Value::Str(s) => Constant::Str(s.as_str().to_string()),
        Value::Bytes(b) => Constant::Bytes(b.data.clone()),
        Value::Ellipsis => Constant::Ellipsis,
        Value::Tuple(t) => Constant::Tuple(
            t.items
                .iter()
                .map(value_constant)
                .collect::<Option<Vec<_>>>()?,
        ),
        _ => return None,
    })
}

pub fn fold_module(m: &mut Module) {
    for s in m.body.iter_mut() {
        fold_stmt(s);
    }
}

fn fold_body(body: &mut [Stmt]) {
    for s in body.iter_mut() {
        fold_stmt(s);
    }
}

fn fold_stmt(s: &mut Stmt) {
    match &mut s.kind {
        StmtKind::FunctionDef {
            args,
            body,
            decorator_list,
            returns,
            ..
        } => {
            fold_args(args);
            fold_body(body);
            decorator_list.iter_mut().for_each(fold_expr);
            if let Some(r) = returns {
                fold_expr(r);
            }
        }
        StmtKind::ClassDef {
            bases,
            keywords,
            body,
            decorator_list,
            ..
        } => {
            bases.iter_mut().for_each(fold_expr);
            keywords.iter_mut().for_each(|k| fold_expr(&mut k.value));
            fold_body(body);
            decorator_list.iter_mut().for_each(fold_expr);
        }
        StmtKind::Return { value: Some(v) } => fold_expr(v),
        StmtKind::Delete { targets } => targets.iter_mut().for_each(fold_expr),
        StmtKind::Assign { targets, value } => {
            targets.iter_mut().for_each(fold_expr);
            fold_expr(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            fold_expr(target);
            fold_expr(value);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            ..
        } => {
            fold_expr(target);
            fold_expr(annotation);
            if let Some(v) = value {
                fold_expr(v);
            }
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
        } => {
            fold_expr(target);
            fold_expr(iter);
            fold_iter(iter);
            fold_body(body);
            fold_body(orelse);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            fold_expr(test);
            fold_body(body);
            fold_body(orelse);
        }
        StmtKind::With { items, body } => {
            for i in items.iter_mut() {
                fold_expr(&mut i.context_expr);
                if let Some(v) = &mut i.optional_vars {
                    fold_expr(v);
                }
            }
            fold_body(body);
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                fold_expr(e);
            }
            if let Some(c) = cause {
                fold_expr(c);
            }
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            fold_body(body);
            for h in handlers.iter_mut() {
                if let Some(t) = &mut h.typ {
                    fold_expr(t);
                }
                fold_body(&mut h.body);
            }
            fold_body(orelse);
            fold_body(finalbody);
        }
        StmtKind::Assert { test, msg } => {
            fold_expr(test);
            if let Some(m) = msg {
                fold_expr(m);
            }
        }
        StmtKind::Expr { value } => fold_expr(value),
        _ => {}
    }
}

fn fold_args(a: &mut Arguments) {
    a.defaults.iter_mut().for_each(fold_expr);
    a.kw_defaults.iter_mut().flatten().for_each(fold_expr);
}

fn constant(e: &Expr) -> Option<&Constant> {
    match &e.kind {
        ExprKind::Constant { value } => Some(value),
        _ => None,
    }
}

fn make_const(e: &mut Expr, v: Option<Value>) {
    if let Some(c) = v.as_ref().and_then(value_constant) {
        e.kind = ExprKind::Constant { value: c };
    }
}

/// `for x in [a, b]` and `x in [a, b]`: a constant list becomes a tuple, a constant set a frozenset.
fn fold_iter(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::List { elts, .. } => {
            if let Some(items) = elts
                .iter()
                .map(|x| constant(x).cloned())
                .collect::<Option<Vec<_>>>()
            {
                e.kind = ExprKind::Constant {
                    value: Constant::Tuple(items),
                };
            } else {
                let elts = std::mem::take(elts);
                e.kind = ExprKind::Tuple {
                    elts,
                    ctx: Ctx::Load,
                };
            }
        }
        ExprKind::Set { elts } => {
            if let Some(items) = elts
                .iter()
                .map(|x| constant(x).cloned())
                .collect::<Option<Vec<_>>>()
            {
                e.kind = ExprKind::Constant {
                    value: Constant::FrozenSet(items),
                };
            }
        }
        _ => {}
    }
}

pub fn fold_expr(e: &mut Expr) {
    match &mut e.kind {
        ExprKind::BoolOp { values, .. } => values.iter_mut().for_each(fold_expr),
        ExprKind::NamedExpr { value, .. } => fold_expr(value),
        ExprKind::BinOp { left, op, right } => {
            fold_expr(left);
            fold_expr(right);
            let op = *op;
            if let (Some(l), Some(r)) = (constant(left), constant(right)) {
                let (l, r) = (constant_value(l), constant_value(r));
                if safe_to_fold(op, &l, &r) {
                    let v = ops::const_binary(op, &l, &r);
                    make_const(e, v);
                }
            }
        }
        ExprKind::UnaryOp { op, operand } => {
            fold_expr(operand);
            if let Some(c) = constant(operand) {
                let v = ops::const_unary(*op, &constant_value(c));
                make_const(e, v);
            } else if *op == UnaryOp::Not {
                if let ExprKind::Compare { ops: cmp, .. } = &mut operand.kind {
                    if cmp.len() == 1 {
                        let inverted = match cmp[0] {
                            CmpOp::Is => Some(CmpOp::IsNot),
                            CmpOp::IsNot => Some(CmpOp::Is),
                            CmpOp::In => Some(CmpOp::NotIn),
                            CmpOp::NotIn => Some(CmpOp::In),
                            _ => None,
                        };
                        if let Some(inv) = inverted {
                            cmp[0] = inv;
                            let inner = std::mem::replace(
                                operand.as_mut(),
                                Expr::new(
                                    ExprKind::Constant {
                                        value: Constant::None,
                                    },
                                    e.range.start,
                                    e.range.end,
                                ),
                            );
                            e.kind = inner.kind;
                        }
                    }
                }
            }
        }
        ExprKind::Lambda { args, body } => {
            fold_args(args);
            fold_expr(body);
        }
        ExprKind::IfExp { test, body, orelse } => {
            fold_expr(test);
            fold_expr(body);
            fold_expr(orelse);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter_mut().flatten().for_each(fold_expr);
            values.iter_mut().for_each(fold_expr);
        }
        ExprKind::Set { elts } | ExprKind::List { elts, .. } => elts.iter_mut().for_each(fold_expr),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            fold_expr(elt);
            fold_comprehensions(generators);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            fold_expr(key);
            fold_expr(value);
            fold_comprehensions(generators);
        }
        ExprKind::Await { value } | ExprKind::YieldFrom { value } => fold_expr(value),
        ExprKind::Yield { value } => {
            if let Some(v) = value {
                fold_expr(v);
            }
        }
        ExprKind::Compare {
            left,
            ops: cmp,
            comparators,
        } => {
            fold_expr(left);
            comparators.iter_mut().for_each(fold_expr);
            if let (Some(CmpOp::In | CmpOp::NotIn), Some(last)) =
                (cmp.last(), comparators.last_mut())
            {
                fold_iter(last);
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            fold_expr(func);
            args.iter_mut().for_each(fold_expr);
            keywords.iter_mut().for_each(|k| fold_expr(&mut k.value));
        }
        ExprKind::FormattedValue {
            value, format_spec, ..
        } => {
            fold_expr(value);
            if let Some(f) = format_spec {
                fold_expr(f);
            }
        }
        ExprKind::JoinedStr { values } => values.iter_mut().for_each(fold_expr),
        ExprKind::Attribute { value, .. } => fold_expr(value),
        ExprKind::Subscript { value, slice, ctx } => {
            fold_expr(value);
            fold_expr(slice);
            if *ctx == Ctx::Load {
                if let (Some(v), Some(i)) = (constant(value), constant(slice)) {
                    let folded = ops::const_subscript(&constant_value(v), &constant_value(i));
                    make_const(e, folded);
                }
            }
        }
        ExprKind::Starred { value, .. } => fold_expr(value),
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                fold_expr(p);
            }
        }
        ExprKind::Tuple { elts, ctx } => {
            elts.iter_mut().for_each(fold_expr);
            if *ctx == Ctx::Load {
                if let Some(items) = elts
                    .iter()
                    .map(|x| constant(x).cloned())
                    .collect::<Option<Vec<_>>>()
                {
                    e.kind = ExprKind::Constant {
                        value: Constant::Tuple(items),
                    };
                }
            }
        }
        ExprKind::Constant { .. } | ExprKind::Name { .. } => {}
    }
}

fn fold_comprehensions(gens: &mut [Comprehension]) {
    for g in gens.iter_mut() {
        fold_expr(&mut g.target);
        fold_expr(&mut g.iter);
        fold_iter(&mut g.iter);
        g.ifs.iter_mut().for_each(fold_expr);
    }
}

fn int_bits(v: &Value) -> Option<u64> {
    match v {
        Value::Int(i) => Some(64 - i.unsigned_abs().leading_zeros() as u64),
        Value::Bool(b) => Some(*b as u64),
        Value::BigInt(b) => Some(b.bits()),
        _ => None,
    }
}

fn seq_len(v: &Value) -> Option<(usize, usize)> {
    match v {
        Value::Str(s) => Some((s.char_len(), MAX_STR_SIZE)),
        Value::Bytes(b) => Some((b.data.len(), MAX_STR_SIZE)),
        Value::Tuple(t) => Some((t.len(), MAX_COLLECTION_SIZE)),
        _ => None,
    }
}

/// CPython's safe_multiply / safe_power / safe_lshift / safe_mod limits on folded results.
fn safe_to_fold(op: Operator, l: &Value, r: &Value) -> bool {
    match op {
        Operator::Mult => {
            if let (Some(a), Some(b)) = (int_bits(l), int_bits(r)) {
                let zero = |v: &Value| matches!(v, Value::Int(0) | Value::Bool(false));
                return zero(l) || zero(r) || a + b <= MAX_INT_SIZE;
            }
            let check = |seq: &Value, n: &Value| -> bool {
                match (seq_len(seq), n.as_int()) {
                    (Some((len, limit)), Some(n)) => {
                        n <= 0 || (len as i64).saturating_mul(n) <= limit as i64
                    }
                    // A huge (big-int) repeat count never folds.
                    (Some(_), None) => false,
                    _ => true,
                }
            };
            check(l, r) && check(r, l)
        }
        Operator::Pow => match (int_bits(l), r.as_int()) {
            (Some(vbits), Some(w)) if w > 0 => vbits.saturating_mul(w as u64) <= MAX_INT_SIZE,
            (Some(_), None) => !matches!(r, Value::BigInt(_)),
            _ => true,
        },
        Operator::LShift => match (int_bits(l), r.as_int()) {
            (Some(vbits), Some(w)) => w < 0 || vbits.saturating_add(w as u64) <= MAX_INT_SIZE,
            (Some(_), None) => false,
            _ => true,
        },
        Operator::Mod => !matches!(l, Value::Str(_) | Value::Bytes(_)),
        Operator::MatMult => false,
        _ => true,
    }
}
