//! f-strings: splits a literal's body into text and replacement fields (`{expr!r:spec}`, `{x=}`)
//! and parses each field's expression with the grammar, at its true position in the file.

use super::ast::*;
use super::error::SyntaxError;
use super::parser::{parse_expression, push_joined, user_error, wrap_user};
use super::strings::decode_str;
use super::token::{Pos, StrLit, Tok};
use lalrpop_util::ParseError;

type PResult<T> = Result<T, ParseError<Pos, Tok, SyntaxError>>;

/// Parses the body of an f-string literal into JoinedStr parts.
pub fn parse_fstring(lit: &StrLit, depth: u32) -> PResult<Vec<Expr>> {
    let body = FBody { lit };
    body.parse(0, lit.body.len(), depth)
}

struct FBody<'a> {
    lit: &'a StrLit,
}

impl FBody<'_> {
    fn text(&self) -> &str {
        &self.lit.body
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

    fn error<T>(&self, msg: &str, offset: usize) -> PResult<T> {
        let p = self.pos_at(offset);
        Err(user_error(
            format!("f-string: {msg}"),
            p,
            Pos::new(p.line, p.col + 1),
        ))
    }

    fn literal(&self, raw_text: &str, at: usize, out: &mut Vec<Expr>) -> PResult<()> {
        if raw_text.is_empty() {
            return Ok(());
        }
        let s = decode_str(raw_text, self.lit.flags.raw).map_err(|e| {
            let p = self.pos_at(at);
            user_error(e.msg, p, p)
        })?;
        let p = self.pos_at(at);
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

    /// Parses body bytes `start..end` (the whole body, or a format spec) into parts.
    fn parse(&self, start: usize, end: usize, depth: u32) -> PResult<Vec<Expr>> {
        let b = self.text().as_bytes();
        let mut out = Vec::new();
        let mut lit = String::new();
        let mut lit_start = start;
        let mut i = start;
        while i < end {
            match b[i] {
                b'{' if b.get(i + 1) == Some(&b'{') && depth == 0 => {
                    lit.push('{');
                    i += 2;
                }
                b'}' if b.get(i + 1) == Some(&b'}') && depth == 0 => {
                    lit.push('}');
                    i += 2;
                }
                b'{' => {
                    self.literal(&lit, lit_start, &mut out)?;
                    lit.clear();
                    let (parts, next) = self.field(i + 1, end, depth)?;
                    for p in parts {
                        push_joined(&mut out, p);
                    }
                    i = next;
                    lit_start = i;
                }
                b'}' => return self.error("single '}' is not allowed", i),
                b'\\' if i + 1 < end && !self.lit.flags.raw => {
                    // Keep the escape for decode_str, but never let it hide a brace.
                    lit.push('\\');
                    let c = self.text()[i + 1..].chars().next().unwrap_or('\\');
                    if c == '{' || c == '}' {
                        i += 1;
                    } else {
                        lit.push(c);
                        i += 1 + c.len_utf8();
                    }
                }
                _ => {
                    let c = self.text()[i..].chars().next().unwrap_or(' ');
                    lit.push(c);
                    i += c.len_utf8();
                }
            }
        }
        self.literal(&lit, lit_start, &mut out)?;
        Ok(out)
    }

    /// Parses one replacement field whose expression starts at `start` (just after `{`).
    /// Returns the parts it produces (debug text and the formatted value) and the offset after `}`.
    fn field(&self, start: usize, end: usize, depth: u32) -> PResult<(Vec<Expr>, usize)> {
        if depth >= 2 {
            return self.error("expressions nested too deeply", start);
        }
        let text = self.text();
        let b = text.as_bytes();
        let mut i = start;
        let mut nesting = 0i32;
        let mut quote: Option<u8> = None;
        let mut debug = false;
        while i < end {
            let c = b[i];
            if let Some(q) = quote {
                if c == q {
                    quote = None;
                }
                i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => quote = Some(c),
                b'(' | b'[' | b'{' => nesting += 1,
                b')' | b']' => nesting -= 1,
                b'}' if nesting > 0 => nesting -= 1,
                b'}' => break,
                b'\\' => return self.error("expression part cannot include a backslash", i),
                b'#' => return self.error("expression part cannot include '#'", i),
                b'!' if nesting == 0 && b.get(i + 1) != Some(&b'=') => break,
                b':' if nesting == 0 => break,
                b'=' if nesting == 0
                    && b.get(i + 1) != Some(&b'=')
                    && !matches!(b.get(i.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>')) =>
                {
                    debug = true;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return self.error("unterminated string", start);
        }
        if i >= end {
            return self.error("expecting '}'", start.saturating_sub(1));
        }
        let expr_text = &text[start..i];
        if expr_text.trim().is_empty() {
            return self.error("empty expression not allowed", i);
        }
        let origin = self.pos_at(start);
        let wrapped = format!("({expr_text})");
        let value = parse_expression(
            &wrapped,
            Pos::new(origin.line, origin.col.saturating_sub(1)),
        )
        .map_err(|e| {
            wrap_user(SyntaxError {
                msg: format!("f-string: {}", e.msg),
                ..e
            })
        })?;
        let mut parts = Vec::new();
        let mut conversion = -1;
        if debug {
            i += 1;
            while i < end && (b[i] == b' ' || b[i] == b'\t' || b[i] == b'\n') {
                i += 1;
            }
            let p = self.pos_at(start);
            parts.push(Expr::new(
                ExprKind::Constant {
                    value: Constant::Str(text[start..i].to_string()),
                },
                p,
                p,
            ));
        }
        if i < end && b[i] == b'!' {
            match b.get(i + 1) {
                Some(&c @ (b's' | b'r' | b'a')) => conversion = c as i32,
                Some(b'}') | Some(b':') | None => {
                    return self.error("missing conversion character", i + 1)
                }
                Some(_) => {
                    return self.error(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                        i + 1,
                    )
                }
            }
            i += 2;
        }
        let mut format_spec = None;
        if i < end && b[i] == b':' {
            let spec_start = i + 1;
            let mut j = spec_start;
            let mut nest = 0;
            while j < end {
                match b[j] {
                    b'{' => nest += 1,
                    b'}' if nest > 0 => nest -= 1,
                    b'}' => break,
                    _ => {}
                }
                j += 1;
            }
            let spec_parts = self.parse(spec_start, j, depth + 1)?;
            let p = self.pos_at(spec_start);
            format_spec = Some(Box::new(Expr::new(
                ExprKind::JoinedStr { values: spec_parts },
                p,
                p,
            )));
            i = j;
        }
        if i >= end || b[i] != b'}' {
            return self.error("expecting '}'", i.min(end.saturating_sub(1)));
        }
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
        Ok((parts, i + 1))
    }
}
