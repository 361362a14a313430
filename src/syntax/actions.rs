//! The helpers grammar actions call: they build the AST nodes that need checking (assignment
//! targets, parameter lists, call arguments, string literals, f-strings) and raise the errors
//! CPython raises for them, at the same places.

use super::ast::*;
use super::error::SyntaxError;
use super::lexer::Spanned;
use super::strings::{decode_bytes, decode_str};
use super::token::{Pos, StrLit, Tok};
use lalrpop_util::ParseError;
use std::cell::RefCell;

type PResult<T> = Result<T, ParseError<Pos, Tok, SyntaxError>>;

fn user(e: SyntaxError) -> ParseError<Pos, Tok, SyntaxError> {
    ParseError::User { error: e }
}

fn err<T>(msg: impl Into<String>, start: Pos, end: Pos) -> PResult<T> {
    Err(user(SyntaxError::syntax(msg, start, end)))
}

/// The span of the first token at or after `after`: the parser's lookahead once it has read a
/// whole string literal, where CPython reports errors found while decoding the literal.
pub fn next_token(seen: &RefCell<Vec<Spanned>>, after: Pos) -> (Pos, Pos) {
    let seen = seen.borrow();
    seen.iter()
        .rev()
        .take_while(|(l, _, _)| *l >= after)
        .last()
        .map_or((after, after), |(l, _, r)| (*l, *r))
}

/// One item of a call's argument list, before checking.
pub enum ArgItem {
    Positional(Expr),
    /// An unparenthesised generator expression, legal only as the sole argument.
    Generator(Expr),
    /// Key, value, range, and the end of the `=`.
    Keyword(Expr, Expr, Pos, Pos, Pos),
    DoubleStar(Expr, Pos, Pos),
}

/// One item of a parameter list, before checking.
pub enum ParamItem {
    Plain(Arg, Option<Expr>),
    Star(Option<Arg>, Pos),
    DoubleStar(Arg, Pos),
    Slash(Pos),
}

pub enum Trailer {
    /// Arguments, the positions of the opening `(` and the closing `)`, and whether a comma
    /// stands before the `)`.
    Call(Vec<ArgItem>, Pos, Pos, bool),
    Subscript(Expr),
    Attr(String),
}

pub fn binop(left: Expr, op: Operator, right: Expr, l: Pos, r: Pos) -> Expr {
    Expr::new(
        ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        l,
        r,
    )
}

/// A parenthesised expression is the expression itself; only its use as a target differs.
pub fn parenthesized(e: Expr) -> Expr {
    e
}

/// `(*a)`: a starred expression alone in brackets.
pub fn parenthesized_star(e: Expr) -> PResult<Expr> {
    err(
        "cannot use starred expression here",
        e.range.start,
        e.range.end,
    )
}

/// `a[*b]` subscripts with the tuple `(*b,)`, as if the comma were written.
pub fn single_subscript(s: Expr) -> Expr {
    if let ExprKind::Starred { .. } = s.kind {
        let range = s.range;
        return Expr {
            kind: ExprKind::Tuple {
                elts: vec![s],
                ctx: Ctx::Load,
            },
            range,
        };
    }
    s
}

/// Whether the token just before the one at `at` (a closing bracket) is a comma.
pub fn comma_before(seen: &RefCell<Vec<Spanned>>, at: Pos) -> bool {
    let seen = seen.borrow();
    let Some(i) = seen.iter().rposition(|t| t.0 == at) else {
        return false;
    };
    i > 0 && seen[i - 1].1 == Tok::Comma
}

pub fn trailer(e: Expr, t: Trailer, l: Pos, r: Pos) -> PResult<Expr> {
    Ok(match t {
        Trailer::Call(mut items, open, close, trailing_comma) => {
            // `f(x for x in y,)`: the generator is no longer the sole argument.
            if let [ArgItem::Generator(g)] = items.as_mut_slice() {
                if trailing_comma {
                    return err(
                        "Generator expression must be parenthesized",
                        g.range.start,
                        g.range.end,
                    );
                }
                // A sole generator argument borrows the call's parentheses, as in CPython.
                g.range = Range::new(open, r);
            }
            let (args, keywords) = call_args(items, close)?;
            Expr::new(
                ExprKind::Call {
                    func: Box::new(e),
                    args,
                    keywords,
                },
                l,
                r,
            )
        }
        Trailer::Subscript(s) => Expr::new(
            ExprKind::Subscript {
                value: Box::new(e),
                slice: Box::new(s),
                ctx: Ctx::Load,
            },
            l,
            r,
        ),
        Trailer::Attr(attr) => Expr::new(
            ExprKind::Attribute {
                value: Box::new(e),
                attr,
                ctx: Ctx::Load,
            },
            l,
            r,
        ),
    })
}

/// Splits call arguments into positional and keyword, with CPython's ordering rules. `close` is
/// the call's `)`: CPython reports a misplaced positional argument at the last token it read.
pub fn call_args(items: Vec<ArgItem>, close: Pos) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
    let count = items.len();
    let mut args = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_kwargs_unpack = false;
    for item in items {
        match item {
            ArgItem::Generator(g) => {
                if count > 1 {
                    return err(
                        "Generator expression must be parenthesized",
                        g.range.start,
                        g.range.end,
                    );
                }
                args.push(g);
            }
            ArgItem::Positional(e) => {
                let starred = matches!(e.kind, ExprKind::Starred { .. });
                let after_close = Pos::new(close.line, close.col + 1);
                if seen_kwargs_unpack && !starred {
                    return err(
                        "positional argument follows keyword argument unpacking",
                        close,
                        after_close,
                    );
                }
                if seen_kwargs_unpack && starred {
                    let star = e.range.start;
                    return err(
                        "iterable argument unpacking follows keyword argument unpacking",
                        star,
                        Pos::new(star.line, star.col + 1),
                    );
                }
                if !keywords.is_empty() && !starred {
                    return err(
                        "positional argument follows keyword argument",
                        close,
                        after_close,
                    );
                }
                args.push(e);
            }
            ArgItem::Keyword(key, value, l, r, eq) => {
                let ExprKind::Name { id, .. } = key.kind else {
                    let msg = match key.kind {
                        ExprKind::Constant {
                            value: Constant::None | Constant::Bool(_),
                        } => format!("cannot assign to {}", expr_name(&key)),
                        _ => "expression cannot contain assignment, perhaps you meant \"==\"?"
                            .to_string(),
                    };
                    return err(msg, key.range.start, eq);
                };
                if keywords
                    .iter()
                    .any(|k| k.arg.as_deref() == Some(id.as_str()))
                {
                    return err(format!("keyword argument repeated: {id}"), l, r);
                }
                keywords.push(Keyword {
                    arg: Some(id),
                    value,
                    range: Range::new(l, r),
                });
            }
            ArgItem::DoubleStar(value, l, r) => {
                seen_kwargs_unpack = true;
                keywords.push(Keyword {
                    arg: None,
                    value,
                    range: Range::new(l, r),
                });
            }
        }
    }
    Ok((args, keywords))
}

/// Builds `Arguments` from a parameter list, enforcing CPython's rules on order and defaults.
/// `lambda_colon` is the position of a lambda's `:` (`None` for a `def`): CPython reports a bare
/// `*` in a lambda at the token after it, in a `def` at the `*` itself.
pub fn arguments(items: Vec<ParamItem>, lambda_colon: Option<Pos>) -> PResult<Arguments> {
    let one = |p: Pos, width: u32| (p, Pos::new(p.line, p.col + width));
    let mut a = Arguments::default();
    let mut after_star = false;
    let n = items.len();
    let mut items = items.into_iter().enumerate().peekable();
    while let Some((i, item)) = items.next() {
        if a.kwarg.is_some() {
            let (p, width) = match &item {
                ParamItem::Plain(arg, _) => (arg.range.start, arg.name.len() as u32),
                ParamItem::DoubleStar(_, p) => (*p, 2),
                ParamItem::Star(_, p) | ParamItem::Slash(p) => (*p, 1),
            };
            let (start, end) = one(p, width);
            return err("arguments cannot follow var-keyword argument", start, end);
        }
        match item {
            ParamItem::Plain(arg, default) => {
                if after_star {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                } else {
                    match default {
                        Some(d) => a.defaults.push(d),
                        None if !a.defaults.is_empty() => {
                            return err(
                                "non-default argument follows default argument",
                                arg.range.start,
                                arg.range.end,
                            )
                        }
                        None => {}
                    }
                    a.args.push(arg);
                }
            }
            ParamItem::Star(arg, p) => {
                if after_star {
                    let (start, end) = one(p, 1);
                    // A second bare `*` closing the list is just unexpected.
                    if arg.is_none() && i + 1 == n {
                        return err("invalid syntax", start, end);
                    }
                    return err("* argument may appear only once", start, end);
                }
                after_star = true;
                match arg {
                    Some(arg) => a.vararg = Some(arg),
                    None => {
                        // A bare `*` must be followed by a named parameter.
                        let next = items.peek().map(|(_, item)| item);
                        let (start, end) = match (next, lambda_colon) {
                            (Some(ParamItem::Plain(..) | ParamItem::Star(..)), _) => continue,
                            (Some(ParamItem::Slash(_)), _) => continue,
                            (Some(ParamItem::DoubleStar(_, q)), Some(_)) => one(*q, 2),
                            (None, Some(colon)) => one(colon, 1),
                            _ => one(p, 1),
                        };
                        return err("named arguments must follow bare *", start, end);
                    }
                }
            }
            ParamItem::DoubleStar(arg, _) => a.kwarg = Some(arg),
            ParamItem::Slash(p) => {
                let (start, end) = one(p, 1);
                if after_star {
                    return err("/ must be ahead of *", start, end);
                }
                if !a.posonlyargs.is_empty() {
                    return err("/ may appear only once", start, end);
                }
                if a.args.is_empty() {
                    let msg = if i + 1 < n {
                        "at least one argument must precede /"
                    } else {
                        "invalid syntax"
                    };
                    return err(msg, start, end);
                }
                a.posonlyargs = std::mem::take(&mut a.args);
            }
        }
    }
    // Duplicates are found by CPython's symbol table, after the parser's checks above.
    let mut names: Vec<&str> = Vec::new();
    let all = a
        .posonlyargs
        .iter()
        .chain(&a.args)
        .chain(&a.vararg)
        .chain(&a.kwonlyargs)
        .chain(&a.kwarg);
    let mut duplicate = None;
    for arg in all {
        if names.contains(&arg.name.as_str()) {
            duplicate = Some(arg);
            break;
        }
        names.push(&arg.name);
    }
    if let Some(arg) = duplicate {
        return err(
            format!("duplicate argument '{}' in function definition", arg.name),
            arg.range.start,
            arg.range.end,
        );
    }
    Ok(a)
}

/// `*args=1` / `**kwargs=1` in a parameter list.
pub fn star_default(eq: Pos, kind: &str) -> PResult<ParamItem> {
    err(
        format!("{kind} argument cannot have default value"),
        eq,
        Pos::new(eq.line, eq.col + 1),
    )
}

/// Where a target appears; CPython words invalid targets differently in each place.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetUse {
    Assign,
    For,
    With,
    Comprehension,
    Delete,
}

/// What CPython calls an expression in "cannot assign to ..." messages.
pub(super) fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred { .. } => "starred",
        ExprKind::Name { .. } => "name",
        ExprKind::List { .. } => "list",
        ExprKind::Tuple { .. } => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield { .. } | ExprKind::YieldFrom { .. } => "yield expression",
        ExprKind::Await { .. } => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set { .. } => "set display",
        ExprKind::JoinedStr { .. } | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::Constant { value } => match value {
            Constant::None => "None",
            Constant::Bool(true) => "True",
            Constant::Bool(false) => "False",
            Constant::Ellipsis => "ellipsis",
            _ => "literal",
        },
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Converts an expression parsed in load context into an assignment (or deletion) target.
pub fn store_target(mut e: Expr, usage: TargetUse) -> PResult<Expr> {
    let ctx = if usage == TargetUse::Delete {
        Ctx::Del
    } else {
        Ctx::Store
    };
    let bad = |e: &Expr| -> PResult<Expr> {
        let what = expr_name(e);
        let msg = match usage {
            TargetUse::Delete => format!("cannot delete {what}"),
            _ => format!("cannot assign to {what}"),
        };
        err(msg, e.range.start, e.range.end)
    };
    match &mut e.kind {
        ExprKind::Name { ctx: c, .. }
        | ExprKind::Attribute { ctx: c, .. }
        | ExprKind::Subscript { ctx: c, .. } => {
            *c = ctx;
            Ok(e)
        }
        ExprKind::Starred { .. } if usage == TargetUse::Delete => bad(&e),
        ExprKind::Starred { value, ctx: c } => {
            *c = ctx;
            let inner = std::mem::replace(value.as_mut(), placeholder());
            **value = store_target(inner, usage)?;
            Ok(e)
        }
        ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
            *c = ctx;
            for elt in elts.iter_mut() {
                let inner = std::mem::replace(elt, placeholder());
                *elt = store_target(inner, usage)?;
            }
            // CPython's compiler finds this once the targets themselves are known to be valid.
            let starred = elts
                .iter()
                .filter(|e| matches!(e.kind, ExprKind::Starred { .. }))
                .count();
            if starred > 1 && usage != TargetUse::Delete {
                return err(
                    "multiple starred expressions in assignment",
                    e.range.start,
                    e.range.end,
                );
            }
            Ok(e)
        }
        _ => bad(&e),
    }
}

/// A throwaway expression to leave behind while a target is taken out to be converted.
fn placeholder() -> Expr {
    Expr::new(
        ExprKind::Constant {
            value: Constant::None,
        },
        Pos::default(),
        Pos::default(),
    )
}

/// CPython's `_PyPegen_get_invalid_target`: the first part of `e` that cannot be assigned to.
fn invalid_target(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => None,
        ExprKind::Starred { value, .. } => invalid_target(value),
        ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
            elts.iter().find_map(invalid_target)
        }
        _ => Some(e),
    }
}

/// Whether a tuple was written without brackets (its range starts at its first element).
fn bare_tuple(e: &Expr) -> Option<&[Expr]> {
    match &e.kind {
        ExprKind::Tuple { elts, .. }
            if elts.first().is_some_and(|f| f.range.start == e.range.start) =>
        {
            Some(elts)
        }
        _ => None,
    }
}

/// Whether `e` is what CPython's `bitwise_or` rule parses: no comparison, `not`, `and`/`or`,
/// conditional, lambda, star or yield at its top level. (A parenthesised expression is an atom in
/// CPython but looks like its contents here; such targets are rare enough to accept the blur.)
fn is_bitwise_or(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Compare { .. }
        | ExprKind::BoolOp { .. }
        | ExprKind::IfExp { .. }
        | ExprKind::Lambda { .. }
        | ExprKind::Starred { .. }
        | ExprKind::Yield { .. }
        | ExprKind::YieldFrom { .. }
        | ExprKind::Slice { .. } => false,
        ExprKind::UnaryOp { op, .. } => *op != UnaryOp::Not,
        ExprKind::Tuple { .. } => bare_tuple(e).is_none(),
        _ => true,
    }
}

/// The leftmost `bitwise_or` an expression starts with, if it starts with one.
fn leading_bitwise_or(e: &Expr) -> Option<&Expr> {
    match &e.kind {
        ExprKind::Compare { left, .. } => leading_bitwise_or(left),
        ExprKind::BoolOp { values, .. } => leading_bitwise_or(values.first()?),
        ExprKind::IfExp { body, .. } => leading_bitwise_or(body),
        ExprKind::Tuple { elts, .. } if bare_tuple(e).is_some() => {
            leading_bitwise_or(elts.first()?)
        }
        _ if is_bitwise_or(e) => Some(e),
        _ => None,
    }
}

/// Whether `e` starts with what CPython's lookahead `!(list|tuple|genexp|'True'|'None'|'False')`
/// rejects.
fn starts_with_display(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::BinOp { left, .. } => starts_with_display(left),
        ExprKind::Call { func, .. } => starts_with_display(func),
        ExprKind::Attribute { value, .. } | ExprKind::Subscript { value, .. } => {
            starts_with_display(value)
        }
        ExprKind::List { .. } | ExprKind::Tuple { .. } | ExprKind::GeneratorExp { .. } => true,
        ExprKind::Constant {
            value: Constant::None | Constant::Bool(_),
        } => true,
        _ => false,
    }
}

/// CPython parses the first target of an invalid assignment as a named expression, whose
/// `invalid_named_expression` rule reads `target = value` as a mistaken comparison when `value`
/// starts with a `bitwise_or` that is not followed by another `=`. For a bare tuple of targets the
/// rule sees only its last element.
fn first_target_error(first: &Expr, rest: &[Expr], invalid: bool) -> Option<SyntaxError> {
    let value = rest.first()?;
    let prefix = leading_bitwise_or(value)?;
    if rest.len() > 1 && is_bitwise_or(value) {
        return None;
    }
    let candidate = match bare_tuple(first) {
        Some(elts) => elts.last()?,
        None => first,
    };
    if !invalid {
        return None;
    }
    match &candidate.kind {
        ExprKind::Name { .. } => Some(SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            candidate.range.start,
            prefix.range.end,
        )),
        _ if is_bitwise_or(candidate) && !starts_with_display(candidate) => {
            Some(SyntaxError::syntax(
                format!(
                    "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                    expr_name(candidate)
                ),
                candidate.range.start,
                candidate.range.end,
            ))
        }
        _ => None,
    }
}

pub fn assign(first: Expr, rest: Vec<Expr>, l: Pos, r: Pos) -> PResult<Stmt> {
    if rest.is_empty() {
        if let ExprKind::Starred { .. } = first.kind {
            return err(
                "can't use starred expression here",
                first.range.start,
                first.range.end,
            );
        }
        return Ok(Stmt::new(StmtKind::Expr { value: first }, l, r));
    }
    let is_yield = |e: &Expr| matches!(e.kind, ExprKind::Yield { .. } | ExprKind::YieldFrom { .. });
    let invalid = std::iter::once(&first)
        .chain(&rest[..rest.len() - 1])
        .any(|t| is_yield(t) || invalid_target(t).is_some());
    if let Some(e) = first_target_error(&first, &rest, invalid) {
        return Err(user(e));
    }
    let mut exprs = vec![first];
    exprs.extend(rest);
    let value = exprs.pop().expect("assignment has a value");
    // Invalid targets are parse errors in CPython; the starred checks below come from its
    // compiler, so they only count once every target is valid.
    let targets = exprs
        .into_iter()
        .map(|t| {
            if is_yield(&t) {
                return err(
                    "assignment to yield expression not possible",
                    t.range.start,
                    t.range.end,
                );
            }
            store_target(t, TargetUse::Assign)
        })
        .collect::<PResult<Vec<_>>>()?;
    if let Some(t) = targets
        .iter()
        .find(|t| matches!(t.kind, ExprKind::Starred { .. }))
    {
        return err(
            "starred assignment target must be in a list or tuple",
            t.range.start,
            t.range.end,
        );
    }
    if let ExprKind::Starred { .. } = value.kind {
        return err(
            "can't use starred expression here",
            value.range.start,
            value.range.end,
        );
    }
    Ok(Stmt::new(StmtKind::Assign { targets, value }, l, r))
}

pub fn aug_assign(target: Expr, op: Operator, value: Expr, l: Pos, r: Pos) -> PResult<Stmt> {
    match target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        _ => {
            return err(
                format!(
                    "'{}' is an illegal expression for augmented assignment",
                    expr_name(&target)
                ),
                target.range.start,
                target.range.end,
            )
        }
    }
    let target = store_target(target, TargetUse::Assign)?;
    Ok(Stmt::new(StmtKind::AugAssign { target, op, value }, l, r))
}

pub fn ann_assign(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: Pos,
    r: Pos,
) -> PResult<Stmt> {
    let simple = matches!(target.kind, ExprKind::Name { .. });
    match target.kind {
        ExprKind::Name { .. } | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
        ExprKind::Tuple { .. } => {
            // Without brackets CPython marks just the first element.
            let marked = bare_tuple(&target)
                .and_then(|e| e.first())
                .unwrap_or(&target);
            return err(
                "only single target (not tuple) can be annotated",
                marked.range.start,
                marked.range.end,
            );
        }
        ExprKind::List { .. } => {
            return err(
                "only single target (not list) can be annotated",
                target.range.start,
                target.range.end,
            )
        }
        _ => {
            return err(
                "illegal target for annotation",
                target.range.start,
                target.range.end,
            )
        }
    }
    let target = store_target(target, TargetUse::Assign)?;
    Ok(Stmt::new(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        l,
        r,
    ))
}

pub fn delete(targets: Vec<Expr>, l: Pos, r: Pos) -> PResult<Stmt> {
    let targets = targets
        .into_iter()
        .map(|t| store_target(t, TargetUse::Delete))
        .collect::<PResult<Vec<_>>>()?;
    Ok(Stmt::new(StmtKind::Delete { targets }, l, r))
}

/// End position of a compound statement: the end of its last nested statement.
pub fn end_of(body: &[Stmt], orelse: &[Stmt]) -> Pos {
    orelse
        .last()
        .or(body.last())
        .map_or(Pos::default(), |s| s.range.end)
}

pub fn if_chain(
    l: Pos,
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<(Pos, Expr, Vec<Stmt>)>,
    orelse: Vec<Stmt>,
) -> Stmt {
    let mut tail = orelse;
    for (el, etest, ebody) in elifs.into_iter().rev() {
        let r = end_of(&ebody, &tail);
        tail = vec![Stmt::new(
            StmtKind::If {
                test: etest,
                body: ebody,
                orelse: tail,
            },
            el,
            r,
        )];
    }
    let r = end_of(&body, &tail);
    Stmt::new(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        l,
        r,
    )
}

pub fn try_stmt(
    l: Pos,
    body: Vec<Stmt>,
    handlers: Vec<ExceptHandler>,
    orelse: Vec<Stmt>,
    finalbody: Vec<Stmt>,
) -> PResult<Stmt> {
    for (i, h) in handlers.iter().enumerate() {
        if h.typ.is_none() && i + 1 < handlers.len() {
            // A compiler error in CPython, located at the whole handler.
            return err("default 'except:' must be last", h.range.start, h.range.end);
        }
    }
    let r = if !finalbody.is_empty() {
        end_of(&finalbody, &[])
    } else if !orelse.is_empty() {
        end_of(&orelse, &[])
    } else {
        handlers.last().map_or(end_of(&body, &[]), |h| h.range.end)
    };
    Ok(Stmt::new(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        },
        l,
        r,
    ))
}

pub fn decorate(mut def: Stmt, decorators: Vec<Expr>) -> Stmt {
    match &mut def.kind {
        StmtKind::FunctionDef { decorator_list, .. }
        | StmtKind::ClassDef { decorator_list, .. } => {
            *decorator_list = decorators;
        }
        _ => {}
    }
    def
}

// ---------------------------------------------------------------- string literals

/// Joins adjacent string literals into one constant or, if any is an f-string, one JoinedStr.
/// `next` is the token after the literals, where CPython reports most errors found here.
pub fn strings(
    parts: Vec<(Pos, Box<StrLit>, Pos)>,
    l: Pos,
    r: Pos,
    next: (Pos, Pos),
) -> PResult<Expr> {
    let bytes = parts[0].1.flags.bytes;
    if parts.iter().any(|p| p.1.flags.bytes != bytes) {
        return err("cannot mix bytes and nonbytes literals", next.0, next.1);
    }
    let decode_err = |start: Pos, end: Pos, e: super::strings::DecodeError| {
        if e.at_literal {
            user(SyntaxError::syntax(e.msg, start, end))
        } else {
            user(SyntaxError::syntax(e.msg, next.0, next.1))
        }
    };
    if bytes {
        let mut all = Vec::new();
        for (pl, lit, pr) in &parts {
            all.extend(
                decode_bytes(&lit.body, lit.flags.raw).map_err(|e| decode_err(*pl, *pr, e))?,
            );
        }
        return Ok(Expr::new(
            ExprKind::Constant {
                value: Constant::Bytes(all),
            },
            l,
            r,
        ));
    }
    if !parts.iter().any(|p| p.1.flags.fstring) {
        let mut all = String::new();
        for (pl, lit, pr) in &parts {
            all.push_str(
                &decode_str(&lit.body, lit.flags.raw).map_err(|e| decode_err(*pl, *pr, e))?,
            );
        }
        return Ok(Expr::new(
            ExprKind::Constant {
                value: Constant::Str(all),
            },
            l,
            r,
        ));
    }
    let mut values: Vec<Expr> = Vec::new();
    for (pl, lit, pr) in &parts {
        if lit.flags.fstring {
            for v in super::fstring::parse_fstring(lit, next)? {
                push_joined(&mut values, v);
            }
        } else {
            let s = decode_str(&lit.body, lit.flags.raw).map_err(|e| decode_err(*pl, *pr, e))?;
            push_joined(
                &mut values,
                Expr::new(
                    ExprKind::Constant {
                        value: Constant::Str(s),
                    },
                    *pl,
                    *pr,
                ),
            );
        }
    }
    let whole = Range::new(l, r);
    for v in values.iter_mut() {
        take_joined_range(v, whole);
    }
    Ok(Expr::new(ExprKind::JoinedStr { values }, l, r))
}

/// CPython 3.11 gives an f-string's text pieces, its replacement fields and their format specs
/// the range of the whole literal; only the expressions inside the fields keep their own.
fn take_joined_range(v: &mut Expr, whole: Range) {
    v.range = whole;
    if let ExprKind::FormattedValue {
        format_spec: Some(spec),
        ..
    } = &mut v.kind
    {
        spec.range = whole;
        if let ExprKind::JoinedStr { values } = &mut spec.kind {
            for part in values.iter_mut() {
                take_joined_range(part, whole);
            }
        }
    }
}

/// Appends to a JoinedStr's parts, merging adjacent constant text as CPython does.
pub(super) fn push_joined(values: &mut Vec<Expr>, v: Expr) {
    if let ExprKind::Constant {
        value: Constant::Str(s),
    } = &v.kind
    {
        if s.is_empty() {
            return;
        }
        if let Some(Expr {
            kind: ExprKind::Constant {
                value: Constant::Str(prev),
            },
            ..
        }) = values.last_mut()
        {
            prev.push_str(s);
            return;
        }
    }
    values.push(v);
}

pub(super) fn user_error(
    msg: impl Into<String>,
    start: Pos,
    end: Pos,
) -> ParseError<Pos, Tok, SyntaxError> {
    user(SyntaxError::syntax(msg, start, end))
}

pub(super) fn wrap_user(e: SyntaxError) -> ParseError<Pos, Tok, SyntaxError> {
    user(e)
}
