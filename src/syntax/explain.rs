//! Words a parse failure as CPython 3.11 does: LALRPOP reports the token it could not use and what
//! it expected; CPython's second, `invalid_*` pass names the actual mistake ("expected ':'",
//! "Perhaps you forgot a comma?"). These functions look back (and, through the source, ahead) at
//! the tokens to recognise the same mistakes and mark the same ranges.

use super::ast::Expr;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::extent::{self, ends_expression, starts_atom};
use super::lexer::{Lexer, Spanned};
use super::token::{Pos, Tok};
use lalrpop_util::ParseError;

/// Turns a LALRPOP failure into CPython's message for the same mistake. `seen` holds the tokens
/// the parser read, ending with the one it failed on; `source` starts at `origin` in its file.
pub(super) fn explain(
    e: ParseError<Pos, Tok, SyntaxError>,
    seen: &[Spanned],
    source: &str,
    origin: Pos,
) -> SyntaxError {
    let expects = |expected: &[String], what: &str| expected.iter().any(|s| s == what);
    match e {
        ParseError::User { error } => error,
        ParseError::InvalidToken { location } => SyntaxError::syntax(
            "invalid syntax",
            location,
            Pos::new(location.line, location.col + 1),
        ),
        ParseError::ExtraToken { token: (l, _, r) } => SyntaxError::syntax("invalid syntax", l, r),
        ParseError::UnrecognizedEof { expected, .. } => {
            // CPython reports errors at the end of input on the file's last line, blank or not.
            let newlines = source.matches('\n').count() as u32;
            let last = if source.ends_with('\n') {
                newlines.max(1)
            } else {
                newlines + 1
            };
            let last = origin.line + last - 1;
            if expects(&expected, "INDENT") {
                if let Some(block) = block_header(seen, seen.len()) {
                    return SyntaxError::new(
                        SyntaxErrorKind::Indentation,
                        format!("expected an indented block after {block}"),
                        Pos::new(last, 0),
                        Pos::new(last, 0),
                    )
                    .no_caret();
                }
            }
            if expected.len() == 2 && expects(&expected, "\"except\"") {
                return SyntaxError::syntax(
                    "expected 'except' or 'finally' block",
                    Pos::new(last, 0),
                    Pos::new(last, 0),
                )
                .no_caret();
            }
            // CPython's end-of-input token has no column, so the error has no caret.
            SyntaxError::syntax("invalid syntax", Pos::new(last, 0), Pos::new(last, 0)).no_caret()
        }
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let index = match seen.last() {
                Some((tl, _, _)) if *tl == l => seen.len() - 1,
                _ => seen
                    .iter()
                    .rposition(|(tl, _, _)| *tl == l)
                    .unwrap_or(seen.len()),
            };
            let failure = Failure {
                seen,
                all: Lexer::with_origin(source, origin)
                    .map_while(Result::ok)
                    .collect(),
                source,
                origin,
                index,
            };
            failure.unrecognized(&tok, l, r, &expected)
        }
    }
}

/// A parse that failed on token `index`, with the whole token stream for looking ahead.
struct Failure<'a> {
    seen: &'a [Spanned],
    /// Every token of the source up to its end or the tokenizer's first error; `seen` is a prefix.
    all: Vec<Spanned>,
    source: &'a str,
    origin: Pos,
    index: usize,
}

impl Failure<'_> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.all.get(i).map(|t| &t.1)
    }

    /// The error for an unexpected token, trying CPython's `invalid_*` rules in its order.
    fn unrecognized(&self, tok: &Tok, l: Pos, r: Pos, expected: &[String]) -> SyntaxError {
        let expects = |what: &str| expected.iter().any(|s| s == what);
        let seen = self.seen;
        let index = self.index;
        if *tok == Tok::Indent {
            // CPython's INDENT token has no column; it reports the indentation's width as the
            // 1-based offset, which lands left of the stripped line: no caret.
            let at = Pos::new(r.line, r.col.saturating_sub(1));
            return SyntaxError::new(SyntaxErrorKind::Indentation, "unexpected indent", at, at)
                .no_caret();
        }
        if expects("INDENT") {
            if let Some(block) = block_header(seen, index) {
                let error = SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    format!("expected an indented block after {block}"),
                    l,
                    r,
                );
                // A DEDENT has no column either (see above).
                return if *tok == Tok::Dedent {
                    error.no_caret()
                } else {
                    error
                };
            }
        }
        if *tok == Tok::Dedent {
            return SyntaxError::new(
                SyntaxErrorKind::Indentation,
                "unindent does not match any outer indentation level",
                l,
                r,
            );
        }
        if expected.len() == 2 && expects("\"except\"") && expects("\"finally\"") {
            return SyntaxError::syntax("expected 'except' or 'finally' block", l, r);
        }
        if let Some(e) = self.legacy_print() {
            return e;
        }
        if *tok == Tok::Equal {
            if let Some(e) = self.assignment_in_expression() {
                return e;
            }
        }
        if *tok == Tok::For {
            if let Some(e) = self.keyword_before_generator() {
                return e;
            }
        }
        if *tok == Tok::ColonEqual {
            if let Some(e) = self.walrus_target() {
                return e;
            }
        }
        if *tok == Tok::LPar {
            if let Some(e) = self.parenthesized_parameters() {
                return e;
            }
        }
        if *tok == Tok::Newline && self.trailing_import_comma() {
            return SyntaxError::syntax(
                "trailing comma not allowed without surrounding parentheses",
                l,
                r,
            );
        }
        if let Some(e) = self.missing_colon_or_paren(tok, l, r, expects("\":\"")) {
            return e;
        }
        if expects("\"else\"") && !expects("\"if\"") {
            if let Some(e) = self.conditional_without_else() {
                return e;
            }
        }
        if let Some(e) = self.dict_key_without_colon() {
            return e;
        }
        if let Some(e) = self.missing_comma() {
            return e;
        }
        SyntaxError::syntax("invalid syntax", l, r)
    }

    /// "expected ':'" where CPython's grammar insists on one: after the header of `if`, `elif`,
    /// `while`, `for`, `with`, `class` and `except` when the line ends there, straight after
    /// `else`, `try` and `finally`, and after a function's signature; "expected '('" after
    /// `def name`.
    fn missing_colon_or_paren(
        &self,
        tok: &Tok,
        l: Pos,
        r: Pos,
        colon_expected: bool,
    ) -> Option<SyntaxError> {
        let mut start = self.index;
        while start > 0
            && !matches!(
                self.all[start - 1].1,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            start -= 1;
        }
        let keyword = self.tok(start)?;
        if *keyword == Tok::Def && self.index == start + 2 {
            return Some(SyntaxError::syntax("expected '('", l, r));
        }
        if !colon_expected || depth_before(self.seen, start, self.index) != 0 {
            return None;
        }
        let wanted = match keyword {
            Tok::If | Tok::Elif | Tok::While | Tok::For | Tok::With | Tok::Class | Tok::Except => {
                *tok == Tok::Newline
            }
            Tok::Else | Tok::Try | Tok::Finally => self.index == start + 1 || *tok == Tok::Newline,
            Tok::Def => true,
            _ => false,
        };
        wanted.then(|| SyntaxError::syntax("expected ':'", l, r))
    }

    /// `{1: 2, 3}`: in a dict display, an element with no `:` after its key. CPython's
    /// `invalid_kvpair` marks the key's last character.
    fn dict_key_without_colon(&self) -> Option<SyntaxError> {
        let open = open_bracket(self.seen, self.index)?;
        if self.all[open].1 != Tok::LBrace || !self.is_dict(open) {
            return None;
        }
        // The failing element starts after the last top-level comma and has no `:` or `**`.
        let mut depth = 0usize;
        let mut element = open + 1;
        for i in open + 1..self.index {
            match self.all[i].1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth = depth.saturating_sub(1),
                Tok::Comma if depth == 0 => element = i + 1,
                _ => {}
            }
        }
        let key_end = extent::expression_end(&self.all, element)?;
        if key_end != self.index
            || self.all[element..self.index]
                .iter()
                .any(|t| matches!(t.1, Tok::Colon | Tok::DoubleStar))
        {
            return None;
        }
        let end = self.all[key_end - 1].2;
        let at = Pos::new(end.line, end.col.saturating_sub(1));
        Some(SyntaxError::syntax(
            "':' expected after dictionary key",
            at,
            at,
        ))
    }

    /// Byte offset in `source` of a position in the file.
    fn offset(&self, p: Pos) -> Option<usize> {
        let line = p.line.checked_sub(self.origin.line)? as usize;
        let mut start = 0;
        for _ in 0..line {
            start += self.source[start..].find('\n')? + 1;
        }
        let col = if line == 0 {
            p.col.checked_sub(self.origin.col)?
        } else {
            p.col
        } as usize;
        Some((start + col).min(self.source.len()))
    }

    /// The expression made of tokens `from..to`, found by parsing just those tokens.
    fn expr_at(&self, from: usize, to: usize) -> Option<Expr> {
        let first = self.all.get(from)?;
        let last = self.all.get(to.checked_sub(1)?)?;
        let text = self
            .source
            .get(self.offset(first.0)?..self.offset(last.2)?)?;
        super::parser::parse_expression(text, first.0).ok()
    }

    /// What CPython calls the expression made of tokens `from..to` ("function call").
    fn expr_name(&self, from: usize, to: usize) -> Option<&'static str> {
        Some(super::actions::expr_name(&self.expr_at(from, to)?))
    }

    /// `(a.b := 1)`: CPython's `invalid_named_expression` names what cannot be assigned to.
    fn walrus_target(&self) -> Option<SyntaxError> {
        let start = self.named_expression_start()?;
        let e = self.expr_at(start, self.index)?;
        Some(SyntaxError::syntax(
            format!(
                "cannot use assignment expressions with {}",
                super::actions::expr_name(&e)
            ),
            e.range.start,
            e.range.end,
        ))
    }

    /// Whether the bracket at `open` holds a function's parameters (`def name(`).
    fn is_parameter_list(&self, open: usize) -> bool {
        open >= 2
            && self.all[open].1 == Tok::LPar
            && matches!(self.all[open - 1].1, Tok::Name(_))
            && self.all[open - 2].1 == Tok::Def
    }

    /// `def f(a, (b, c))` or `lambda (x): 1`: parameters in brackets, as Python 2 allowed.
    fn parenthesized_parameters(&self) -> Option<SyntaxError> {
        let what = match open_bracket(self.seen, self.index) {
            Some(open) if self.is_parameter_list(open) => "Function parameters",
            Some(_) => return None,
            None => {
                // In a lambda's parameters: a `lambda` before any `:` on this line.
                let mut i = self.index;
                loop {
                    i = i.checked_sub(1)?;
                    match self.all[i].1 {
                        Tok::Lambda => break "Lambda expression parameters",
                        Tok::Name(_) | Tok::Comma | Tok::Equal => {}
                        _ => return None,
                    }
                }
            }
        };
        let close = extent::skip_group(&self.all, self.index);
        // The group may be cut short by a tokenizer error: then there is no `inner` to look at.
        let inner = self.all.get(self.index + 1..close.checked_sub(1)?)?;
        if inner.is_empty()
            || !inner
                .iter()
                .all(|t| matches!(t.1, Tok::Name(_) | Tok::Comma))
            || self.tok(close - 1) != Some(&Tok::RPar)
        {
            return None;
        }
        Some(SyntaxError::syntax(
            format!("{what} cannot be parenthesized"),
            self.all[self.index].0,
            self.all[close - 1].2,
        ))
    }

    /// `from m import a,` at the end of the line.
    fn trailing_import_comma(&self) -> bool {
        let mut start = self.index;
        while start > 0
            && !matches!(
                self.all[start - 1].1,
                Tok::Newline | Tok::Indent | Tok::Dedent
            )
        {
            start -= 1;
        }
        self.tok(start) == Some(&Tok::From)
            && self.index > 0
            && self.tok(self.index - 1) == Some(&Tok::Comma)
            && !self.all[start..self.index].iter().any(|t| t.1 == Tok::LPar)
    }

    /// Start of the expression (a named_expression in CPython's grammar) that the failing token
    /// is part of, when it sits where CPython parses a `named_expression`: an `if`, `elif` or
    /// `while` condition, a decorator, an element of a list, tuple or set display, a group, or a
    /// subscript.
    fn named_expression_start(&self) -> Option<usize> {
        let mut depth = 0usize;
        let mut i = self.index;
        while i > 0 {
            i -= 1;
            let t = &self.all[i].1;
            match t {
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace => {
                    let after_expr = i > 0 && ends_expression(&self.all[i - 1].1);
                    return match t {
                        // A call's arguments are not named expressions.
                        Tok::LPar if after_expr => None,
                        Tok::LBrace if self.is_dict(i) => None,
                        _ => Some(i + 1),
                    };
                }
                _ if depth > 0 => {}
                Tok::If | Tok::Elif | Tok::While | Tok::At => {
                    let starts_statement = i == 0
                        || matches!(
                            self.all[i - 1].1,
                            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Else
                        );
                    return starts_statement.then_some(i + 1);
                }
                Tok::Comma => {
                    // An element of a display: its bracket decides.
                    let mut d = 0usize;
                    for j in (0..i).rev() {
                        match &self.all[j].1 {
                            Tok::RPar | Tok::RSqb | Tok::RBrace => d += 1,
                            Tok::LPar | Tok::LSqb | Tok::LBrace if d > 0 => d -= 1,
                            Tok::LPar => {
                                let call = j > 0 && ends_expression(&self.all[j - 1].1);
                                return (!call).then_some(i + 1);
                            }
                            Tok::LBrace if self.is_dict(j) => return None,
                            Tok::LSqb | Tok::LBrace => return Some(i + 1),
                            Tok::Newline => return None,
                            _ => {}
                        }
                    }
                    return None;
                }
                Tok::Newline | Tok::Indent | Tok::Dedent | Tok::Semi => return None,
                _ => {}
            }
        }
        None
    }

    /// Whether the `{` at `open` starts a dict display (a `:` or `**` at its top level).
    fn is_dict(&self, open: usize) -> bool {
        let mut depth = 0usize;
        for (_, t, _) in &self.all[open + 1..] {
            match t {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace if depth == 0 => return false,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Colon | Tok::DoubleStar if depth == 0 => return true,
                Tok::Lambda if depth == 0 => return false,
                _ => {}
            }
        }
        false
    }

    /// CPython's `invalid_named_expression`: `x = 1` where a named expression is parsed is
    /// probably a comparison (`NAME '=' bitwise_or`), and `f() = 1` an assignment to something
    /// that cannot be assigned to (`bitwise_or '=' bitwise_or`); neither may go on with `=`/`:=`.
    fn assignment_in_expression(&self) -> Option<SyntaxError> {
        let eq = self.index;
        let start = self.named_expression_start()?;
        let value_end = extent::bitwise_or_end(&self.all, eq + 1)?;
        if matches!(self.tok(value_end), Some(Tok::Equal | Tok::ColonEqual)) {
            return None;
        }
        if eq == start + 1 && matches!(self.tok(start), Some(Tok::Name(_))) {
            return Some(SyntaxError::syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                self.all[start].0,
                self.all[value_end - 1].2,
            ));
        }
        if extent::bitwise_or_end(&self.all, start)? != eq {
            return None;
        }
        // Not for displays and groups CPython excludes (`[a] = 1`, `(a, b) = 1`, `True = 1`).
        match self.tok(start)? {
            Tok::LSqb | Tok::True | Tok::False | Tok::None => return None,
            Tok::LPar if self.is_tuple_or_generator(start) => return None,
            _ => {}
        }
        let what = self.expr_name(start, eq)?;
        Some(SyntaxError::syntax(
            format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?"),
            self.all[start].0,
            self.all[eq - 1].2,
        ))
    }

    /// Whether the group opened at `open` is a tuple (`()`, or a top-level comma) or a generator.
    fn is_tuple_or_generator(&self, open: usize) -> bool {
        let mut depth = 0usize;
        for (i, (_, t, _)) in self.all.iter().enumerate().skip(open + 1) {
            match t {
                Tok::RPar | Tok::RSqb | Tok::RBrace if depth == 0 => return i == open + 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth -= 1,
                Tok::Comma | Tok::For if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// `f(x=1 for x in y)`: CPython's `NAME '=' expression for_if_clauses` in a call.
    fn keyword_before_generator(&self) -> Option<SyntaxError> {
        let open = open_bracket(self.seen, self.index)?;
        if self.all[open].1 != Tok::LPar || open == 0 || !ends_expression(&self.all[open - 1].1) {
            return None;
        }
        // The argument starts after the `(` or the last top-level comma.
        let mut start = open + 1;
        let mut depth = 0usize;
        for i in open + 1..self.index {
            match self.all[i].1 {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth = depth.saturating_sub(1),
                Tok::Comma if depth == 0 => start = i + 1,
                _ => {}
            }
        }
        if !matches!(self.tok(start), Some(Tok::Name(_)))
            || self.tok(start + 1) != Some(&Tok::Equal)
        {
            return None;
        }
        Some(SyntaxError::syntax(
            "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
            self.all[start].0,
            self.all[start + 1].2,
        ))
    }

    /// `print "hello"`: CPython's `invalid_legacy_expression`, marking the name and what follows.
    fn legacy_print(&self) -> Option<SyntaxError> {
        let name_at = self.index.checked_sub(1)?;
        let Some(Tok::Name(n)) = self.tok(name_at) else {
            return None;
        };
        if n != "print" && n != "exec" {
            return None;
        }
        if name_at > 0 && !starts_expression_context(&self.all[name_at - 1].1) {
            return None;
        }
        let end = extent::star_expressions_end(&self.all, self.index)?;
        Some(SyntaxError::syntax(
            format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
            self.all[name_at].0,
            self.all[end - 1].2,
        ))
    }

    /// `x if y` with no `else`: CPython marks from the start of `x` to the end of `y`.
    fn conditional_without_else(&self) -> Option<SyntaxError> {
        let mut depth = 0usize;
        let mut i = self.index;
        while i > 0 {
            i -= 1;
            match self.all[i].1 {
                Tok::RPar | Tok::RSqb | Tok::RBrace => depth += 1,
                Tok::LPar | Tok::LSqb | Tok::LBrace if depth > 0 => depth -= 1,
                _ if depth > 0 => {}
                Tok::If => {
                    let start = extent::disjunction_start(&self.all, i)?;
                    return Some(SyntaxError::syntax(
                        "expected 'else' after 'if' expression",
                        self.all[start].0,
                        self.all[self.index - 1].2,
                    ));
                }
                Tok::Newline | Tok::Equal | Tok::Colon | Tok::LPar | Tok::LSqb | Tok::LBrace => {
                    return None
                }
                _ => {}
            }
        }
        None
    }

    /// Two expressions side by side inside brackets: CPython's "Perhaps you forgot a comma?",
    /// marking from the start of the first to the end of the second.
    fn missing_comma(&self) -> Option<SyntaxError> {
        let i = self.index;
        let prev = self.tok(i.checked_sub(1)?)?;
        if !starts_atom(self.tok(i)?) || !ends_expression(prev) {
            return None;
        }
        let open = open_bracket(self.seen, i)?;
        // `f(a b)` but not `f(a (b))` (a call) or `f(a [b])` (a subscript).
        if matches!(self.tok(i), Some(Tok::LPar | Tok::LSqb)) {
            return None;
        }
        let start = extent::disjunction_start(&self.all, i)?;
        // In a parameter list only defaults and annotations are expressions.
        if self.is_parameter_list(open)
            && !(start > 0 && matches!(self.all[start - 1].1, Tok::Equal | Tok::Colon))
        {
            return None;
        }
        // After `else` or `**` CPython parses no `expression` that could notice the pair.
        if start > 0 && matches!(self.all[start - 1].1, Tok::Else | Tok::DoubleStar) {
            return None;
        }
        // CPython leaves `print x`-like pairs and soft keywords to other rules.
        match self.tok(start)? {
            Tok::Name(n) if matches!(n.as_str(), "print" | "exec") && start + 1 == i => {
                return None
            }
            Tok::Name(n)
                if matches!(n.as_str(), "match" | "case" | "_")
                    || matches!(self.tok(start + 1), Some(Tok::Str(_))) =>
            {
                return None
            }
            _ => {}
        }
        let end = extent::expression_end(&self.all, i)?;
        Some(SyntaxError::syntax(
            "invalid syntax. Perhaps you forgot a comma?",
            self.all[start].0,
            self.all[end - 1].2,
        ))
    }
}

/// Whether an expression may start right after `t` (so `print` there is a statement's start or an
/// operand, not an attribute name).
fn starts_expression_context(t: &Tok) -> bool {
    !ends_expression(t) && *t != Tok::Dot
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
