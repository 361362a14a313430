//! Parser glue: runs the LALRPOP grammar over the lexer and decides which error CPython would
//! report when parsing fails (the grammar's, or the tokenizer's further on).

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::explain::explain;
use super::lexer::{Lexer, Spanned};
use super::nesting;
use super::token::{Pos, Tok};
use lalrpop_util::ParseError;
use std::cell::{Cell, RefCell};

#[allow(clippy::all, clippy::pedantic, unused)]
mod grammar {
    lalrpop_util::lalrpop_mod!(pub python, "/python.rs");
}

type PResult<T> = Result<T, ParseError<Pos, Tok, SyntaxError>>;

/// Parses a whole module. `source` must have `\n` line endings. A tree nested deeper than the
/// compiler accepts is refused here (see [`nesting`]), so every later pass can recurse over it.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let module = run(source, Pos::new(1, 0), |seen, lexer| {
        grammar::python::ModuleParser::new().parse(seen, lexer)
    })
    .map_err(|f| f.error)?;
    nesting::check_module(&module)?;
    Ok(module)
}

/// Parses one expression, as for `eval`, starting at `origin`; nesting is limited as for a module.
pub fn parse_expression(source: &str, origin: Pos) -> Result<Expr, SyntaxError> {
    let e = run(source, origin, |seen, lexer| {
        grammar::python::ExpressionParser::new().parse(seen, lexer)
    })
    .map_err(|f| f.error)?;
    nesting::check_expression(&e)?;
    Ok(e)
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
        let error = explain(e, &seen.borrow(), source, origin);
        if lexer_failed.get() {
            return Failure {
                error,
                tokenizer: true,
            };
        }
        // CPython raises "unexpected indent" without looking further.
        if error.msg == "unexpected indent" {
            return Failure {
                error,
                tokenizer: false,
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
/// end of input counts as past every line); and when the bracket opens on the failing token's own
/// logical line, at or after it, the parser's attempts to read an expression there run into the
/// end. Indentation errors and a bad line continuation raise nothing at that point, so the
/// parser's error stands.
fn later_tokenizer_error(source: &str, origin: Pos, failing: Option<Pos>) -> Option<SyntaxError> {
    let mut tokens = Vec::new();
    let mut lex_error = None;
    for t in Lexer::with_origin(source, origin) {
        match t {
            Ok((l, t, _)) => tokens.push((l, t == Tok::Newline)),
            Err(e) => {
                lex_error = Some(e);
                break;
            }
        }
    }
    let e = lex_error?;
    // An int literal over the digit limit is the parser's error in CPython, not the tokenizer's.
    if e.kind != SyntaxErrorKind::Syntax
        || e.msg == "invalid syntax"
        || e.msg.starts_with("Exceeds the limit")
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
    let Some(at) = tokens.iter().position(|&(l, _)| l == failing) else {
        return Some(e);
    };
    let bracket_ahead = e.start >= failing
        && !tokens[at..]
            .iter()
            .take_while(|(l, _)| *l < e.start)
            .any(|&(_, newline)| newline);
    match tokens.get(at + 1) {
        Some((next, _)) if next.line <= e.start.line && !bracket_ahead => None,
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

#[cfg(test)]
mod tests {
    use super::super::ast::Module;
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
