//! f-strings: splits a literal's body into text and replacement fields (`{expr!r:spec}`, `{x=}`)
//! and parses each field's expression with the grammar, at its true position in the file.
//!
//! The scanning follows CPython 3.11's `fstring_find_literal` and `fstring_find_expr` step by step,
//! because the errors depend on exactly where it stops. Errors found while scanning are reported
//! at the token after the literal, as CPython does; errors in a field's expression are reported on
//! the field's own text, `(expression)`.

use super::actions::{push_joined, user_error, wrap_user};
use super::ast::*;
use super::error::SyntaxError;
use super::parser::parse_field_expression;
use super::strings::decode_str;
use super::token::{Pos, StrLit, Tok};
use lalrpop_util::ParseError;

type PResult<T> = Result<T, ParseError<Pos, Tok, SyntaxError>>;

/// Brackets deeper than this inside one field are an error, as in CPython (MAXLEVEL).
const MAX_NESTING: usize = 200;

/// Parses the body of an f-string literal into JoinedStr parts. `next` is the span of the token
/// after the literal.
pub fn parse_fstring(lit: &StrLit, next: (Pos, Pos)) -> PResult<Vec<Expr>> {
    let body = FBody { lit, next };
    let mut i = 0;
    body.parse(&mut i, 0)
}

struct FBody<'a> {
    lit: &'a StrLit,
    next: (Pos, Pos),
}

impl FBody<'_> {
    fn text(&self) -> &str {
        &self.lit.body
    }

    fn byte(&self, i: usize) -> Option<u8> {
        self.text().as_bytes().get(i).copied()
    }

    /// File position of byte `offset` of the body.
    fn pos_at(&self, offset: usize) -> Pos {
        let before = &self.text()[..offset];
        match before.rfind('\n') {
            None => Pos::new(
                self.lit.body_start.line,
                self.lit.body_start.col + offset as u32,
            ),
            Some(nl) => Pos::new(
                self.lit.body_start.line + before.matches('\n').count() as u32,
                (offset - nl - 1) as u32,
            ),
        }
    }

    /// An error CPython raises with `RAISE_SYNTAX_ERROR` while scanning: at the next token.
    fn error<T>(&self, msg: impl Into<String>) -> PResult<T> {
        Err(user_error(msg, self.next.0, self.next.1))
    }

    /// `fstring_parse`: literal text and fields up to the end of the body or, in a format spec
    /// (`depth` > 0), up to its closing `}`. Leaves `i` there.
    fn parse(&self, i: &mut usize, depth: u32) -> PResult<Vec<Expr>> {
        let mut out = Vec::new();
        loop {
            let start = *i;
            let (literal_end, doubled) = self.find_literal(i, depth)?;
            self.literal(start, literal_end, &mut out)?;
            if doubled {
                continue;
            }
            match self.byte(*i) {
                None | Some(b'}') => break,
                _ => {
                    for part in self.field(i, depth)? {
                        push_joined(&mut out, part);
                    }
                }
            }
        }
        if depth > 0 && self.byte(*i) != Some(b'}') {
            return self.error("f-string: expecting '}'");
        }
        Ok(out)
    }

    /// `fstring_find_literal`: scans literal text from `i` to the next `{` or `}`. Returns where
    /// the text ends and whether it ended at a doubled brace (whose first half it includes; `i`
    /// then skips the second).
    fn find_literal(&self, i: &mut usize, depth: u32) -> PResult<(usize, bool)> {
        let b = self.text().as_bytes();
        let raw = self.lit.flags.raw;
        let mut s = *i;
        while s < b.len() {
            let mut ch = b[s];
            s += 1;
            if !raw && ch == b'\\' && s < b.len() {
                ch = b[s];
                s += 1;
                if ch == b'N' {
                    // `\N{name}` braces belong to the escape, not to a field.
                    if s < b.len() {
                        let open = b[s];
                        s += 1;
                        if open == b'{' {
                            while s < b.len() {
                                s += 1;
                                if b[s - 1] == b'}' {
                                    break;
                                }
                            }
                        }
                    }
                    continue;
                }
            }
            if ch == b'{' || ch == b'}' {
                if depth == 0 {
                    if b.get(s) == Some(&ch) {
                        *i = s + 1;
                        return Ok((s, true));
                    }
                    if ch == b'}' {
                        return self.error("f-string: single '}' is not allowed");
                    }
                }
                s -= 1;
                break;
            }
        }
        *i = s;
        Ok((s, false))
    }

    /// Decodes literal text `start..end` of the body (one piece, as CPython decodes it) into `out`.
    fn literal(&self, start: usize, end: usize, out: &mut Vec<Expr>) -> PResult<()> {
        if start == end {
            return Ok(());
        }
        let s = decode_str(&self.text()[start..end], self.lit.flags.raw)
            .map_err(|e| user_error(e.msg, self.next.0, self.next.1))?;
        let p = self.pos_at(start);
        push_joined(
            out,
            Expr::new(
                ExprKind::Constant {
                    value: Constant::Str(s),
                },
                p,
                p,
            ),
        );
        Ok(())
    }

    /// `fstring_find_expr`: one replacement field starting at the `{` at `i`. Returns its parts
    /// (the `x=` text, then the formatted value) and leaves `i` after the closing `}`.
    fn field(&self, i: &mut usize, depth: u32) -> PResult<Vec<Expr>> {
        if depth >= 2 {
            return self.error("f-string: expressions nested too deeply");
        }
        let b = self.text().as_bytes();
        let end = b.len();
        *i += 1;
        let expr_start = *i;
        let mut quote: Option<(u8, bool)> = None;
        let mut brackets: Vec<u8> = Vec::new();
        while *i < end {
            let ch = b[*i];
            if ch == b'\\' {
                return self.error("f-string expression part cannot include a backslash");
            }
            if let Some((q, triple)) = quote {
                if ch == q {
                    if !triple {
                        quote = None;
                    } else if *i + 2 < end && b[*i + 1] == ch && b[*i + 2] == ch {
                        *i += 2;
                        quote = None;
                    }
                }
                *i += 1;
                continue;
            }
            match ch {
                b'\'' | b'"' => {
                    let triple = *i + 2 < end && b[*i + 1] == ch && b[*i + 2] == ch;
                    if triple {
                        *i += 2;
                    }
                    quote = Some((ch, triple));
                }
                b'[' | b'{' | b'(' => {
                    if brackets.len() >= MAX_NESTING {
                        return self.error("f-string: too many nested parenthesis");
                    }
                    brackets.push(ch);
                }
                b'#' => return self.error("f-string expression part cannot include '#'"),
                b'!' | b':' | b'}' | b'=' | b'>' | b'<' if brackets.is_empty() => {
                    // `!=`, `==`, `<=` and `>=` are operators, not the end of the expression.
                    if matches!(ch, b'!' | b'=' | b'<' | b'>') && b.get(*i + 1) == Some(&b'=') {
                        *i += 2;
                        continue;
                    }
                    if ch != b'<' && ch != b'>' {
                        break;
                    }
                }
                b']' | b'}' | b')' => {
                    let Some(open) = brackets.pop() else {
                        return self.error(format!("f-string: unmatched '{}'", ch as char));
                    };
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if ch != expected {
                        return self.error(format!(
                            "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                            ch as char, open as char
                        ));
                    }
                }
                _ => {}
            }
            *i += 1;
        }
        if quote.is_some() {
            return self.error("f-string: unterminated string");
        }
        if let Some(&open) = brackets.last() {
            return self.error(format!("f-string: unmatched '{}'", open as char));
        }
        if *i >= end {
            return self.error("f-string: expecting '}'");
        }
        let expr_end = *i;
        let value = self.expression(expr_start, expr_end)?;
        let mut parts = Vec::new();
        let mut conversion = -1;
        let mut debug = false;
        if b[*i] == b'=' {
            *i += 1;
            while *i < end && matches!(b[*i], b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c') {
                *i += 1;
            }
            if *i >= end {
                return self.error("f-string: expecting '}'");
            }
            debug = true;
            let p = self.pos_at(expr_start);
            parts.push(Expr::new(
                ExprKind::Constant {
                    value: Constant::Str(self.text()[expr_start..*i].to_string()),
                },
                p,
                p,
            ));
        }
        if b[*i] == b'!' {
            *i += 1;
            if *i >= end {
                return self.error("f-string: expecting '}'");
            }
            let c = b[*i];
            *i += 1;
            if !matches!(c, b's' | b'r' | b'a') {
                return self
                    .error("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            conversion = c as i32;
        }
        let mut format_spec = None;
        if *i < end && b[*i] == b':' {
            *i += 1;
            if *i >= end {
                return self.error("f-string: expecting '}'");
            }
            let p = self.pos_at(*i);
            let spec_parts = self.parse(i, depth + 1)?;
            format_spec = Some(Box::new(Expr::new(
                ExprKind::JoinedStr { values: spec_parts },
                p,
                p,
            )));
        }
        if *i >= end || b[*i] != b'}' {
            return self.error("f-string: expecting '}'");
        }
        *i += 1;
        if debug && conversion == -1 && format_spec.is_none() {
            conversion = b'r' as i32;
        }
        let range = value.range;
        parts.push(Expr {
            kind: ExprKind::FormattedValue {
                value: Box::new(value),
                conversion,
                format_spec,
            },
            range,
        });
        Ok(parts)
    }

    /// `fstring_compile_expr`: parses body bytes `start..end` as `(expression)`.
    fn expression(&self, start: usize, end: usize) -> PResult<Expr> {
        let text = &self.text()[start..end];
        if text
            .bytes()
            .all(|c| matches!(c, b' ' | b'\t' | b'\n' | b'\x0c'))
        {
            return match self.byte(end) {
                Some(c @ (b'!' | b':' | b'=')) => self.error(format!(
                    "f-string: expression required before '{}'",
                    c as char
                )),
                _ => self.error("f-string: empty expression not allowed"),
            };
        }
        let origin = self.pos_at(start);
        // The `(` sits on the `{`, so the expression keeps its own columns in the file.
        let origin = Pos::new(origin.line, origin.col.saturating_sub(1));
        let wrapped = format!("({text})");
        parse_field_expression(&wrapped, origin).map_err(|failure| {
            // CPython shows the error on the field's text, with columns counted from its `(`.
            let mut e = failure.error;
            for p in [&mut e.start, &mut e.end] {
                if p.line == origin.line {
                    p.col = p.col.saturating_sub(origin.col);
                }
            }
            if !failure.tokenizer {
                e.msg = format!("f-string: {}", e.msg);
            }
            e.text = Some(wrapped.clone());
            wrap_user(e)
        })
    }
}
