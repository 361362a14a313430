//! Words a parse failure as CPython 3.11 does: LALRPOP reports the token it could not use and what
//! it expected; CPython's second, `invalid_*` pass names the actual mistake ("expected ':'",
//! "Perhaps you forgot a comma?"). These functions look back (and, through the source, ahead) at
//! the tokens to recognise the same mistakes and mark the same ranges.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::lexer::Spanned;
use super::token::{Pos, Tok};
use lalrpop_util::ParseError;

/// Turns a LALRPOP failure into CPython's message for the same mistake.
pub(super) fn explain(
    e: ParseError<Pos, Tok, SyntaxError>,
    seen: &[Spanned],
    source: &str,
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
