//! Parser glue: runs the LALRPOP grammar over the lexer, builds the AST nodes that need checking
//! (assignment targets, parameter lists, call arguments, string literals, f-strings), and words
//! parse failures the way CPython 3.11 does.

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::{Lexer, Spanned};
use super::strings::{decode_bytes, decode_str};
use super::token::{Pos, StrLit, Tok};
use lalrpop_util::ParseError;
use std::cell::{Cell, RefCell};

#[allow(clippy::all, clippy::pedantic, unused)]
mod grammar {
    lalrpop_util::lalrpop_mod!(pub python, "/python.rs");
}

type PResult<T> = Result<T, ParseError<Pos, Tok, SyntaxError>>;

fn user(e: SyntaxError) -> ParseError<Pos, Tok, SyntaxError> {
    ParseError::User { error: e }
}

fn err<T>(msg: impl Into<String>, start: Pos, end: Pos) -> PResult<T> {
    Err(user(SyntaxError::syntax(msg, start, end)))
}

/// Parses a whole module. `source` must have `\n` line endings.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    run(source, Pos::new(1, 0), |seen, lexer| {
        grammar::python::ModuleParser::new().parse(seen, lexer)
    })
    .map_err(|f| f.error)
}

/// Parses one expression, as for `eval`, starting at `origin`.
pub fn parse_expression(source: &str, origin: Pos) -> Result<Expr, SyntaxError> {
    run(source, origin, |seen, lexer| {
        grammar::python::ExpressionParser::new().parse(seen, lexer)
    })
    .map_err(|f| f.error)
}

/// Why a parse failed: the error, and whether the tokenizer (not the grammar) raised it. Errors in
/// f-string replacement fields are worded differently for the two.
pub(super) struct Failure {
    pub error: SyntaxError,
    pub tokenizer: bool,
}

/// Parses the text of an f-string replacement field, `(expression)`, starting at `origin`.
pub(super) fn parse_field_expression(source: &str, origin: Pos) -> Result<Expr, Failure> {
    run(source, origin, |seen, lexer| {
        grammar::python::ExpressionParser::new().parse(seen, lexer)
    })
}

/// Runs one of the grammar's parsers over `source` and explains a failure as CPython would.
fn run<T>(
    source: &str,
    origin: Pos,
    parse: impl FnOnce(&RefCell<Vec<Spanned>>, Recording) -> PResult<T>,
) -> Result<T, Failure> {
    let seen = RefCell::new(Vec::new());
    let lexer_failed = Cell::new(false);
    let lexer = Recording {
        inner: Lexer::with_origin(source, origin),
        seen: &seen,
        failed: &lexer_failed,
    };
    let result = parse(&seen, lexer);
    result.map_err(|e| {
        let error = explain(e, &seen.borrow(), source);
        if lexer_failed.get() {
            return Failure {
                error,
                tokenizer: true,
            };
        }
        let failing = seen.borrow().last().map(|t| t.0);
        match later_tokenizer_error(source, origin, failing) {
            Some(lex_error) => Failure {
                error: lex_error,
                tokenizer: true,
            },
            None => Failure {
                error,
                tokenizer: false,
            },
        }
    })
}

/// CPython keeps tokenizing after its parser fails, and an error the tokenizer raises further on
/// (an unterminated string, an invalid character or number) replaces the parser's. Reaching the end
/// inside a bracket replaces it only when the parser had read past the bracket's line: CPython's
/// parser looks one token beyond the one it failed on, so that token's line is what counts (and the
/// end of input counts as past every line). Indentation errors and a bad line continuation raise
/// nothing at that point, so the parser's error stands.
fn later_tokenizer_error(source: &str, origin: Pos, failing: Option<Pos>) -> Option<SyntaxError> {
    let mut tokens = Vec::new();
    let mut lex_error = None;
    for t in Lexer::with_origin(source, origin) {
        match t {
            Ok((l, _, _)) => tokens.push(l),
            Err(e) => {
                lex_error = Some(e);
                break;
            }
        }
    }
    let e = lex_error?;
    if e.kind != SyntaxErrorKind::Syntax
        || e.msg == "invalid syntax"
        || e.msg == "unexpected character after line continuation character"
    {
        return None;
    }
    if !e.msg.ends_with("was never closed") {
        return Some(e);
    }
    let Some(failing) = failing else {
        return Some(e);
    };
    let after = tokens.iter().position(|&l| l == failing).map(|i| i + 1);
    match after.and_then(|i| tokens.get(i)) {
        Some(next) if next.line <= e.start.line => None,
        _ => Some(e),
    }
}

/// The lexer, remembering every token it hands out so errors can look back at the statement.
struct Recording<'a, 's> {
    inner: Lexer<'a>,
    seen: &'s RefCell<Vec<Spanned>>,
    failed: &'s Cell<bool>,
}

impl Iterator for Recording<'_, '_> {
    type Item = Result<Spanned, SyntaxError>;
    fn next(&mut self) -> Option<Self::Item> {
        let t = self.inner.next()?;
        match &t {
            Ok(tok) => self.seen.borrow_mut().push(tok.clone()),
            Err(_) => self.failed.set(true),
        }
        Some(t)
    }
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

/// Turns a LALRPOP failure into CPython's message for the same mistake.
fn explain(e: ParseError<Pos, Tok, SyntaxError>, seen: &[Spanned], source: &str) -> SyntaxError {
    let expects = |expected: &[String], what: &str| expected.iter().any(|s| s == what);
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::syntax(
            "invalid syntax",
            location,
            Pos::new(location.line, location.col + 1),
        ),
        ParseError::ExtraToken { token: (l, _, r) } => SyntaxError::syntax("invalid syntax", l, r),
        ParseError::UnrecognizedEof { location, expected } => {
            if expects(&expected, "INDENT") {
                if let Some(block) = block_header(seen, seen.len()) {
                    // CPython reports the file's last line, blank or not.
                    let newlines = source.matches('\n').count() as u32;
                    let last = if source.ends_with('\n') {
                        newlines.max(1)
                    } else {
                        newlines + 1
                    };
                    return SyntaxError::new(
                        SyntaxErrorKind::Indentation,
                        format!("expected an indented block after {block}"),
                        Pos::new(last, 0),
                        Pos::new(last, 0),
                    )
                    .no_caret();
                }
            }
            SyntaxError::syntax("invalid syntax", location, location)
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let index = seen
                .iter()
                .rposition(|(tl, _, _)| *tl == l)
                .unwrap_or(seen.len());
            if tok == Tok::Indent {
                // CPython's INDENT token has no column; it reports the indentation's width as the
                // 1-based offset, which lands left of the stripped line: no caret.
                let at = Pos::new(r.line, r.col.saturating_sub(1));
                return SyntaxError::new(SyntaxErrorKind::Indentation, "unexpected indent", at, at)
                    .no_caret();
            }
            if expects(&expected, "INDENT") {
                if let Some(block) = block_header(seen, index) {
                    let error = SyntaxError::new(
                        SyntaxErrorKind::Indentation,
                        format!("expected an indented block after {block}"),
                        l,
                        r,
                    );
                    // A DEDENT has no column either (see above).
                    return if tok == Tok::Dedent {
                        error.no_caret()
                    } else {
                        error
                    };
                }
            }
            if tok == Tok::Dedent {
                return SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                    l,
                    r,
                );
            }
            let prev = index.checked_sub(1).and_then(|i| seen.get(i));
            if matches!(
                &tok,
                Tok::Str(_) | Tok::Name(_) | Tok::Int(_) | Tok::Float(_)
            ) {
                if let Some((pl, Tok::Name(n), _)) = prev {
                    let at_start = index < 2
                        || matches!(seen[index - 2].1, Tok::Newline | Tok::Indent | Tok::Dedent);
                    if (n == "print" || n == "exec") && at_start {
                        let line_end = line_end_col(source, pl.line);
                        return SyntaxError::syntax(
                            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                            *pl,
                            Pos::new(pl.line, line_end),
                        );
                    }
                }
            }
            if expects(&expected, "\":\"")
                && (tok == Tok::Newline || expected.len() <= 3)
                && statement_needs_colon(seen, index)
            {
                return SyntaxError::syntax("expected ':'", l, r);
            }
            if expects(&expected, "\"else\"") && !expects(&expected, "\"if\"") {
                if let Some(start) = conditional_start(seen, index) {
                    return SyntaxError::syntax("expected 'else' after 'if' expression", start, l);
                }
            }
            if tok == Tok::Equal {
                if let Some((pl, _, _)) = prev {
                    if expects(&expected, "\"==\"") && in_brackets(seen, index) {
                        let _ = pl;
                        return SyntaxError::syntax(
                            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                            l,
                            r,
                        );
                    }
                }
            }
            if expects(&expected, "\":\"")
                && in_dict_display(seen, index)
                && matches!(tok, Tok::Comma | Tok::RBrace)
            {
                if let Some((_, _, pr)) = prev {
                    return SyntaxError::syntax(
                        "':' expected after dictionary key",
                        *pr,
                        Pos::new(pr.line, pr.col + 1),
                    )
                    .shift_to(l);
                }
            }
            if is_expression_start(&tok) {
                if let Some((_, p, _)) = prev {
                    if ends_expression(p) && in_brackets(seen, index) {
                        return SyntaxError::syntax(
                            "invalid syntax. Perhaps you forgot a comma?",
                            first_of_group(seen, index),
                            r,
                        );
                    }
                }
            }
            SyntaxError::syntax("invalid syntax", l, r)
        }
    }
}

impl SyntaxError {
    /// Moves the caret to `at` (used where CPython points at the offending token).
    fn shift_to(mut self, at: Pos) -> SyntaxError {
        self.start = at;
        self.end = Pos::new(at.line, at.col + 1);
        self
    }
}

fn line_end_col(source: &str, line: u32) -> u32 {
    source
        .split('\n')
        .nth(line as usize - 1)
        .map_or(0, |l| l.trim_end().len() as u32)
}

/// The compound statement whose block should have started before token `index`, worded as CPython
/// words it ("'for' statement on line 3", "function definition on line 2").
fn block_header(seen: &[Spanned], index: usize) -> Option<String> {
    let mut i = index.min(seen.len());
    // Walk back to the start of the logical line that ended with ':' NEWLINE.
    while i > 0 {
        i -= 1;
        if seen[i].1 == Tok::Newline {
            break;
        }
    }
    let mut j = i;
    while j > 0 && !matches!(seen[j - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent) {
        j -= 1;
    }
    // Skip decorators' lines: the header is the first keyword of this logical line.
    let (pos, tok, _) = seen.get(j)?;
    let line = pos.line;
    let what = match tok {
        Tok::If => "'if' statement",
        Tok::Elif => "'elif' statement",
        Tok::Else => "'else' statement",
        Tok::While => "'while' statement",
        Tok::For => "'for' statement",
        Tok::Try => "'try' statement",
        Tok::Except => "'except' statement",
        Tok::Finally => "'finally' statement",
        Tok::With => "'with' statement",
        Tok::Def => "function definition",
        Tok::Class => "class definition",
        _ => return None,
    };
    Some(format!("{what} on line {line}"))
}

/// Whether the logical line containing token `index` starts with a keyword that needs a ':'.
fn statement_needs_colon(seen: &[Spanned], index: usize) -> bool {
    let mut j = index.min(seen.len());
    while j > 0 && !matches!(seen[j - 1].1, Tok::Newline | Tok::Indent | Tok::Dedent) {
        j -= 1;
    }
    matches!(
        seen.get(j).map(|t| &t.1),
        Some(
            Tok::If
                | Tok::Elif
                | Tok::Else
                | Tok::While
                | Tok::For
                | Tok::Try
                | Tok::Except
                | Tok::Finally
                | Tok::With
                | Tok::Def
                | Tok::Class
        )
    ) && depth_before(seen, j, index) == 0
}

fn depth_before(seen: &[Spanned], from: usize, to: usize) -> i32 {
    let mut depth = 0;
    for (_, t, _) in &seen[from..to.min(seen.len())] {
        match t {
            Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
            _ => {}
        }
    }
    depth
}

fn in_brackets(seen: &[Spanned], index: usize) -> bool {
    open_bracket(seen, index).is_some()
}

fn open_bracket(seen: &[Spanned], index: usize) -> Option<usize> {
    let mut depth = 0;
    for i in (0..index.min(seen.len())).rev() {
        match seen[i].1 {
            Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if depth == 0 {
                    return Some(i);
                }
                depth -= 1;
            }
            Tok::Newline => return None,
            _ => {}
        }
    }
    None
}

fn in_dict_display(seen: &[Spanned], index: usize) -> bool {
    open_bracket(seen, index).is_some_and(|i| seen[i].1 == Tok::LBrace)
        && seen[..index]
            .iter()
            .rev()
            .take_while(|t| t.1 != Tok::LBrace)
            .any(|t| t.1 == Tok::Colon)
}

/// Start of the `x if y` expression missing its `else`.
fn conditional_start(seen: &[Spanned], index: usize) -> Option<Pos> {
    let mut i = index.min(seen.len());
    while i > 0 {
        i -= 1;
        match seen[i].1 {
            Tok::If => {
                // The conditional starts at the operand before `if`: walk back over one primary.
                let mut j = i;
                let mut depth = 0;
                while j > 0 {
                    let t = &seen[j - 1].1;
                    match t {
                        Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
                        Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
                        _ if depth > 0 => {}
                        Tok::Name(_)
                        | Tok::Int(_)
                        | Tok::Float(_)
                        | Tok::Str(_)
                        | Tok::Dot
                        | Tok::True
                        | Tok::False
                        | Tok::None => {}
                        _ => break,
                    }
                    j -= 1;
                }
                return seen.get(j).map(|t| t.0);
            }
            Tok::Newline | Tok::Equal | Tok::Colon => return None,
            _ => {}
        }
    }
    None
}

fn is_expression_start(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::True
            | Tok::False
            | Tok::None
    )
}

fn ends_expression(t: &Tok) -> bool {
    matches!(
        t,
        Tok::Name(_)
            | Tok::Int(_)
            | Tok::Float(_)
            | Tok::Imag(_)
            | Tok::Str(_)
            | Tok::True
            | Tok::False
            | Tok::None
            | Tok::RPar
            | Tok::RSqb
            | Tok::RBrace
    )
}

/// Start of the expression before the missing comma.
fn first_of_group(seen: &[Spanned], index: usize) -> Pos {
    seen.get(index.saturating_sub(1))
        .map_or(Pos::default(), |t| t.0)
}

// ---------------------------------------------------------------- helpers called by grammar actions

/// One item of a call's argument list, before checking.
pub enum ArgItem {
    Positional(Expr),
    /// An unparenthesised generator expression, legal only as the sole argument.
    Generator(Expr),
    Keyword(Expr, Expr, Pos, Pos),
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
    /// Arguments and the position of the closing `)`.
    Call(Vec<ArgItem>, Pos),
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

pub fn trailer(e: Expr, t: Trailer, l: Pos, r: Pos) -> PResult<Expr> {
    Ok(match t {
        Trailer::Call(items, close) => {
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
            ArgItem::Keyword(key, value, l, r) => {
                let ExprKind::Name { id, .. } = key.kind else {
                    return err(
                        "expression cannot contain assignment, perhaps you meant \"==\"?",
                        key.range.start,
                        value.range.end,
                    );
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
pub fn arguments(items: Vec<ParamItem>) -> PResult<Arguments> {
    let mut a = Arguments::default();
    let mut after_star = false;
    let mut bare_star_at: Option<Pos> = None;
    let mut names: Vec<String> = Vec::new();
    let mut check_dup = |arg: &Arg| -> PResult<()> {
        if names.contains(&arg.name) {
            return err(
                format!("duplicate argument '{}' in function definition", arg.name),
                arg.range.start,
                arg.range.end,
            );
        }
        names.push(arg.name.clone());
        Ok(())
    };
    let n = items.len();
    for (i, item) in items.into_iter().enumerate() {
        if a.kwarg.is_some() {
            let p = match &item {
                ParamItem::Plain(arg, _) => arg.range.start,
                ParamItem::Star(_, p) | ParamItem::DoubleStar(_, p) | ParamItem::Slash(p) => *p,
            };
            return err(
                "arguments cannot follow var-keyword argument",
                p,
                Pos::new(p.line, p.col + 1),
            );
        }
        match item {
            ParamItem::Plain(arg, default) => {
                check_dup(&arg)?;
                if after_star {
                    a.kwonlyargs.push(arg);
                    a.kw_defaults.push(default);
                    bare_star_at = None;
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
                    return err(
                        "* argument may appear only once",
                        p,
                        Pos::new(p.line, p.col + 1),
                    );
                }
                after_star = true;
                match arg {
                    Some(arg) => {
                        check_dup(&arg)?;
                        a.vararg = Some(arg);
                    }
                    None => {
                        if i + 1 == n {
                            return err(
                                "named arguments must follow bare *",
                                p,
                                Pos::new(p.line, p.col + 1),
                            );
                        }
                        bare_star_at = Some(p);
                    }
                }
            }
            ParamItem::DoubleStar(arg, _) => {
                check_dup(&arg)?;
                a.kwarg = Some(arg);
            }
            ParamItem::Slash(p) => {
                if after_star || !a.posonlyargs.is_empty() {
                    return err("/ must be ahead of *", p, Pos::new(p.line, p.col + 1));
                }
                if a.args.is_empty() {
                    return err(
                        "at least one argument must precede /",
                        p,
                        Pos::new(p.line, p.col + 1),
                    );
                }
                a.posonlyargs = std::mem::take(&mut a.args);
            }
        }
    }
    if let Some(p) = bare_star_at {
        return err(
            "named arguments must follow bare *",
            p,
            Pos::new(p.line, p.col + 1),
        );
    }
    Ok(a)
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
fn expr_name(e: &Expr) -> &'static str {
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
            TargetUse::Assign => match &e.kind {
                ExprKind::Constant {
                    value: Constant::None | Constant::Bool(_),
                } => format!("cannot assign to {what}"),
                ExprKind::Starred { .. } | ExprKind::Tuple { .. } | ExprKind::List { .. } => {
                    format!("cannot assign to {what}")
                }
                _ => format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            },
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
            let inner = std::mem::replace(
                value.as_mut(),
                Expr::new(
                    ExprKind::Constant {
                        value: Constant::None,
                    },
                    Pos::default(),
                    Pos::default(),
                ),
            );
            **value = store_target(inner, usage)?;
            Ok(e)
        }
        ExprKind::Tuple { elts, ctx: c } | ExprKind::List { elts, ctx: c } => {
            *c = ctx;
            let mut starred = 0;
            for elt in elts.iter_mut() {
                if matches!(elt.kind, ExprKind::Starred { .. }) {
                    starred += 1;
                    if starred > 1 {
                        return err(
                            "multiple starred expressions in assignment",
                            elt.range.start,
                            elt.range.end,
                        );
                    }
                }
                let inner = std::mem::replace(
                    elt,
                    Expr::new(
                        ExprKind::Constant {
                            value: Constant::None,
                        },
                        Pos::default(),
                        Pos::default(),
                    ),
                );
                *elt = store_target(inner, usage)?;
            }
            Ok(e)
        }
        _ => bad(&e),
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
    let mut exprs = vec![first];
    exprs.extend(rest);
    let value = exprs.pop().expect("assignment has a value");
    if let ExprKind::Starred { .. } = value.kind {
        return err(
            "can't use starred expression here",
            value.range.start,
            value.range.end,
        );
    }
    let targets = exprs
        .into_iter()
        .map(|t| {
            if let ExprKind::Starred { .. } = t.kind {
                return err(
                    "starred assignment target must be in a list or tuple",
                    t.range.start,
                    t.range.end,
                );
            }
            store_target(t, TargetUse::Assign)
        })
        .collect::<PResult<Vec<_>>>()?;
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
            return err(
                "only single target (not tuple) can be annotated",
                target.range.start,
                target.range.end,
            )
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
            return err(
                "default 'except:' must be last",
                h.range.start,
                Pos::new(h.range.start.line, h.range.start.col + 6),
            );
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
    for v in values.iter_mut() {
        if let ExprKind::Constant { .. } = v.kind {
            v.range = Range::new(l, r);
        }
    }
    Ok(Expr::new(ExprKind::JoinedStr { values }, l, r))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str) -> Module {
        match parse_module(src) {
            Ok(m) => m,
            Err(e) => panic!("{src:?}: {}", e.render("t.py", src)),
        }
    }

    fn fails(src: &str) -> String {
        match parse_module(src) {
            Ok(_) => panic!("{src:?} parsed"),
            Err(e) => e.render("t.py", src),
        }
    }

    #[test]
    fn parses_the_language() {
        ok(include_str!("../../programs/julia.py"));
        ok("x = [i * 2 for i in range(10) if i % 2]\nd = {k: v for k, v in x}\ns = {1, 2,}\n");
        ok("def f(a, b=1, *args, c, d=2, **kw) -> int:\n    return a\n");
        ok("f(x for x in y)\nf(*a, **k)\nf(a, b=2)\nlambda x, y=1: x + y\n");
        ok("a, *b = c\n(a, b), c = d\na = b = c\nx[1:2, ::3] = 4\n");
        ok("try:\n    pass\nexcept (A, B) as e:\n    pass\nelse:\n    pass\nfinally:\n    pass\n");
        ok("@dec\n@dec2(1)\nclass A(B, metaclass=M):\n    x: int = 3\n");
        ok("from . import a\nfrom ..b.c import (d as e, f,)\nimport a.b as c, d\n");
        ok("x = f'{a!r:>{w}} {b=} {{}}'\ny = 'a' 'b' f'{c}'\n");
        ok("while (n := n - 1) > 0:\n    yield n\n");
        ok("if a:\n    pass\nelif b:\n    pass\nelse:\n    pass\n");
        ok("with open(a) as f, g:\n    pass\nx = a if b else c\nnot a in b\n");
    }

    #[test]
    fn error_messages() {
        assert!(fails("if x > 0\n  pass\n").contains("SyntaxError: expected ':'"));
        assert!(fails("if x:\npass\n")
            .contains("expected an indented block after 'if' statement on line 1"));
        assert!(fails("f() = 3\n").contains("cannot assign to function call here"));
        assert!(fails("  x = 1\n").contains("IndentationError: unexpected indent"));
        assert!(fails("def f(a=1, b): pass\n")
            .contains("non-default argument follows default argument"));
        assert!(fails("x = (1, 2\ny = 3\n").contains("'(' was never closed"));
    }
}
