//! Tokenizer: logos recognises the raw tokens of a physical line; an indentation layer on top turns
//! them into Python's logical lines (NEWLINE, INDENT, DEDENT, implicit joining inside brackets).
//!
//! Numbers and string literals are matched by logos on their first characters and scanned by hand
//! from there, because their error messages depend on where exactly the text stops being valid.

use super::error::{SyntaxError, SyntaxErrorKind};
use super::number::{scan_number, NumberError};
use super::token::{Pos, StrFlags, StrLit, Tok};
use logos::Logos;
use std::collections::VecDeque;

/// The raw token classes logos recognises. Whitespace, comments and backslash continuations are
/// skipped here; everything that needs Python's rules is finished by the indentation layer.
#[derive(Logos, Debug, Clone, Copy, PartialEq)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\n]*", allow_greedy = true))]
#[logos(skip r"\\\n")]
enum Raw {
    #[token("\n")]
    Newline,
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name,
    #[regex(r"[0-9]|\.[0-9]")]
    Number,
    #[regex(r#"([rRbBfFuU]|[rR][bBfF]|[bBfF][rR])?["']"#)]
    StringStart,
    #[token("\\")]
    Backslash,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token(";")]
    Semi,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("|")]
    VBar,
    #[token("&")]
    Amper,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("=")]
    Equal,
    #[token(".")]
    Dot,
    #[token("%")]
    Percent,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("<>")]
    LtGt,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("~")]
    Tilde,
    #[token("^")]
    CircumFlex,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("**")]
    DoubleStar,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VBarEqual,
    #[token("^=")]
    CircumflexEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("//")]
    DoubleSlash,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("@")]
    At,
    #[token("@=")]
    AtEqual,
    #[token("->")]
    RArrow,
    #[token("...")]
    Ellipsis,
    #[token(":=")]
    ColonEqual,
}

impl Raw {
    /// The finished token for raw tokens that need no further scanning.
    fn simple(self) -> Option<Tok> {
        Some(match self {
            Raw::LPar => Tok::LPar,
            Raw::RPar => Tok::RPar,
            Raw::LSqb => Tok::LSqb,
            Raw::RSqb => Tok::RSqb,
            Raw::LBrace => Tok::LBrace,
            Raw::RBrace => Tok::RBrace,
            Raw::Colon => Tok::Colon,
            Raw::Comma => Tok::Comma,
            Raw::Semi => Tok::Semi,
            Raw::Plus => Tok::Plus,
            Raw::Minus => Tok::Minus,
            Raw::Star => Tok::Star,
            Raw::Slash => Tok::Slash,
            Raw::VBar => Tok::VBar,
            Raw::Amper => Tok::Amper,
            Raw::Less => Tok::Less,
            Raw::Greater => Tok::Greater,
            Raw::Equal => Tok::Equal,
            Raw::Dot => Tok::Dot,
            Raw::Percent => Tok::Percent,
            Raw::EqEqual => Tok::EqEqual,
            Raw::NotEqual => Tok::NotEqual,
            Raw::LessEqual => Tok::LessEqual,
            Raw::GreaterEqual => Tok::GreaterEqual,
            Raw::Tilde => Tok::Tilde,
            Raw::CircumFlex => Tok::CircumFlex,
            Raw::LeftShift => Tok::LeftShift,
            Raw::RightShift => Tok::RightShift,
            Raw::DoubleStar => Tok::DoubleStar,
            Raw::PlusEqual => Tok::PlusEqual,
            Raw::MinEqual => Tok::MinEqual,
            Raw::StarEqual => Tok::StarEqual,
            Raw::SlashEqual => Tok::SlashEqual,
            Raw::PercentEqual => Tok::PercentEqual,
            Raw::AmperEqual => Tok::AmperEqual,
            Raw::VBarEqual => Tok::VBarEqual,
            Raw::CircumflexEqual => Tok::CircumflexEqual,
            Raw::LeftShiftEqual => Tok::LeftShiftEqual,
            Raw::RightShiftEqual => Tok::RightShiftEqual,
            Raw::DoubleStarEqual => Tok::DoubleStarEqual,
            Raw::DoubleSlash => Tok::DoubleSlash,
            Raw::DoubleSlashEqual => Tok::DoubleSlashEqual,
            Raw::At => Tok::At,
            Raw::AtEqual => Tok::AtEqual,
            Raw::RArrow => Tok::RArrow,
            Raw::Ellipsis => Tok::Ellipsis,
            Raw::ColonEqual => Tok::ColonEqual,
            _ => return None,
        })
    }
}

/// Indentation levels a line may open, counting the outermost (CPython's MAXINDENT): 99 nested
/// blocks.
const MAX_INDENT: usize = 100;

/// Brackets open at once (CPython's MAXLEVEL).
const MAX_BRACKETS: usize = 200;

/// What the grammar consumes: a token with its start and end positions.
pub type Spanned = (Pos, Tok, Pos);

/// Python's tokenizer: an iterator of spanned tokens or the first syntax error.
pub struct Lexer<'a> {
    src: &'a str,
    raw: logos::Lexer<'a, Raw>,
    /// Byte offset -> position conversion state; offsets are asked for in increasing order.
    cursor: usize,
    cursor_line: u32,
    cursor_line_start: usize,
    /// Indentation stack as (column with tabs to 8, column with tabs as 1), for TabError.
    indents: Vec<(u32, u32)>,
    /// Open brackets with their position, for implicit line joining and "was never closed".
    parens: Vec<(char, Pos)>,
    at_line_start: bool,
    line_has_tokens: bool,
    pending: VecDeque<Spanned>,
    finished: bool,
    failed: bool,
    /// Where this text starts in its file (for f-string fields lexed out of a literal).
    origin: Pos,
    /// For a source with a NUL byte: the error CPython's tokenizer raises when it reads the line
    /// holding it. `src` then stops where that line starts, and reaching its end raises this.
    nul: Option<SyntaxError>,
}

impl<'a> Lexer<'a> {
    /// `src` must already have its newlines normalised to `\n`.
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer::with_origin(src, Pos::new(1, 0))
    }

    /// A lexer for text that starts at `origin` in its file.
    pub fn with_origin(src: &'a str, origin: Pos) -> Lexer<'a> {
        let (src, nul) = split_at_nul(src, origin);
        Lexer {
            nul,
            origin,
            src,
            raw: Raw::lexer(src),
            cursor: 0,
            cursor_line: 1,
            cursor_line_start: 0,
            indents: vec![(0, 0)],
            parens: Vec::new(),
            at_line_start: true,
            line_has_tokens: false,
            pending: VecDeque::new(),
            finished: false,
            failed: false,
        }
    }

    /// Position of byte offset `off`; offsets must not go backwards.
    fn pos(&mut self, off: usize) -> Pos {
        debug_assert!(off >= self.cursor);
        let bytes = self.src.as_bytes();
        for (i, &b) in bytes[self.cursor..off].iter().enumerate() {
            if b == b'\n' {
                self.cursor_line += 1;
                self.cursor_line_start = self.cursor + i + 1;
            }
        }
        self.cursor = off;
        let col = (off - self.cursor_line_start) as u32;
        if self.cursor_line == 1 {
            Pos::new(self.origin.line, self.origin.col + col)
        } else {
            Pos::new(self.origin.line + self.cursor_line - 1, col)
        }
    }

    fn error(&self, msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError::new(SyntaxErrorKind::Syntax, msg, start, end)
    }

    /// Position of byte offset `off` with its column counted in characters, as CPython's tokenizer
    /// reports the errors it raises through `syntaxerror()`. Only used on the way to an error, so
    /// it may rescan the text.
    fn char_pos(&self, off: usize) -> Pos {
        let off = off.min(self.src.len());
        let before = &self.src[..off];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = before.matches('\n').count() as u32;
        let col = before[line_start..].chars().count() as u32;
        if line == 0 {
            Pos::new(self.origin.line, self.origin.col + col)
        } else {
            Pos::new(self.origin.line + line, col)
        }
    }

    /// A one-caret tokenizer error at the character starting at byte `off`.
    fn error_at_char(&self, msg: impl Into<String>, off: usize) -> SyntaxError {
        let start = self.char_pos(off);
        self.error(msg, start, Pos::new(start.line, start.col + 1))
    }

    /// The line number CPython reports for errors found at end of input.
    fn last_line(&self) -> u32 {
        let n = self.src.matches('\n').count() as u32;
        if self.src.ends_with('\n') || self.src.is_empty() {
            n.max(1)
        } else {
            n + 1
        }
    }

    /// Produces the next batch of tokens into `pending`.
    fn advance(&mut self) -> Result<(), SyntaxError> {
        let Some(raw) = self.raw.next() else {
            return self.finish();
        };
        let span = self.raw.span();
        let Ok(raw) = raw else {
            return Err(self.bad_character(span.start));
        };
        if raw == Raw::Newline {
            if self.parens.is_empty() && self.line_has_tokens {
                // As in CPython, a NEWLINE after a comment starts where the comment does and ends
                // where the line does; otherwise it is empty, at the end of the line.
                let gap = &self.src[self.cursor..span.start];
                let comment = gap.trim_start_matches([' ', '\t', '\x0c']);
                let start = if comment.starts_with('#') {
                    self.pos(span.start - comment.len())
                } else {
                    self.pos(span.start)
                };
                let end = self.pos(span.start);
                self.pending.push_back((start, Tok::Newline, end));
                self.line_has_tokens = false;
                self.at_line_start = true;
            } else if self.parens.is_empty() {
                self.at_line_start = true;
            }
            return Ok(());
        }
        if self.at_line_start && self.parens.is_empty() {
            self.indentation(span.start)?;
        }
        self.at_line_start = false;
        self.line_has_tokens = true;
        let tok = match raw {
            Raw::Name => {
                let text = &self.src[span.clone()];
                let tok = Tok::keyword(text).unwrap_or_else(|| Tok::Name(normalize_name(text)));
                let start = self.pos(span.start);
                let end = self.pos(span.end);
                self.pending.push_back((start, tok, end));
                return Ok(());
            }
            Raw::Number => return self.number(span.start),
            Raw::StringStart => return self.string(span.start, span.end),
            Raw::Backslash => {
                let start = self.pos(span.start);
                let end = Pos::new(start.line, start.col + 1);
                if span.end == self.src.len() {
                    return Err(self.error("unexpected EOF while parsing", end, end));
                }
                return Err(self.error(
                    "unexpected character after line continuation character",
                    Pos::new(start.line, start.col + 1),
                    Pos::new(end.line, end.col + 1),
                ));
            }
            Raw::LtGt => {
                let start = self.pos(span.start);
                return Err(self.error(
                    "invalid syntax",
                    start,
                    Pos::new(start.line, start.col + 2),
                ));
            }
            other => other.simple().expect("every remaining raw token is simple"),
        };
        self.brackets(&tok, span.start)?;
        let start = self.pos(span.start);
        let end = self.pos(span.end);
        self.pending.push_back((start, tok, end));
        Ok(())
    }

    /// Tracks bracket nesting; mismatches are reported as CPython's tokenizer does.
    fn brackets(&mut self, tok: &Tok, off: usize) -> Result<(), SyntaxError> {
        let (open, close) = match tok {
            Tok::LPar => (Some('('), None),
            Tok::LSqb => (Some('['), None),
            Tok::LBrace => (Some('{'), None),
            Tok::RPar => (None, Some(')')),
            Tok::RSqb => (None, Some(']')),
            Tok::RBrace => (None, Some('}')),
            _ => return Ok(()),
        };
        if let Some(c) = open {
            if self.parens.len() >= MAX_BRACKETS {
                return Err(self.error_at_char("too many nested parentheses", off));
            }
            let start = self.pos(off);
            self.parens.push((c, start));
            return Ok(());
        }
        let close = close.unwrap_or(')');
        let start = self.pos(off);
        match self.parens.pop() {
            None => Err(self.error_at_char(format!("unmatched '{close}'"), off)),
            Some((open, open_pos)) => {
                let expected = match open {
                    '(' => ')',
                    '[' => ']',
                    _ => '}',
                };
                if expected == close {
                    Ok(())
                } else if open_pos.line != start.line {
                    Err(self.error_at_char(
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {}",
                            open_pos.line
                        ),
                        off,
                    ))
                } else {
                    Err(self.error_at_char(
                        format!("closing parenthesis '{close}' does not match opening parenthesis '{open}'"),
                        off,
                    ))
                }
            }
        }
    }

    /// Compares the indentation of a new logical line with the stack and queues INDENT/DEDENTs.
    fn indentation(&mut self, token_start: usize) -> Result<(), SyntaxError> {
        let pos = self.pos(token_start);
        let line_start = self.cursor_line_start;
        let (mut col, mut alt) = (0u32, 0u32);
        for b in self.src[line_start..token_start].bytes() {
            match b {
                b' ' => {
                    col += 1;
                    alt += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    alt += 1;
                }
                b'\x0c' => {
                    col = 0;
                    alt = 0;
                }
                _ => {}
            }
        }
        let line_end = self.src[token_start..]
            .find('\n')
            .map_or(self.src.len(), |i| token_start + i);
        let line_len = (line_end - line_start) as u32;
        let tab_error = |_: &Lexer| {
            SyntaxError::new(
                SyntaxErrorKind::Tab,
                "inconsistent use of tabs and spaces in indentation",
                Pos::new(pos.line, 0),
                Pos::new(pos.line, 0),
            )
            .no_caret()
        };
        let &(top, top_alt) = self.indents.last().expect("indent stack never empty");
        if col == top {
            if alt != top_alt {
                return Err(tab_error(self));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    "too many levels of indentation",
                    Pos::new(pos.line, 0),
                    Pos::new(pos.line, 0),
                )
                .no_caret());
            }
            if alt <= top_alt {
                return Err(tab_error(self));
            }
            self.indents.push((col, alt));
            self.pending
                .push_back((Pos::new(pos.line, 0), Tok::Indent, pos));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().expect("non-empty").0 {
                self.indents.pop();
                self.pending.push_back((pos, Tok::Dedent, pos));
            }
            let &(top, top_alt) = self.indents.last().expect("indent stack never empty");
            if col != top {
                return Err(SyntaxError::new(
                    SyntaxErrorKind::Indentation,
                    "unindent does not match any outer indentation level",
                    Pos::new(pos.line, line_len),
                    Pos::new(pos.line, line_len),
                ));
            }
            if alt != top_alt {
                return Err(tab_error(self));
            }
        }
        Ok(())
    }

    /// End of input: close the last line, unwind indentation, report unclosed brackets.
    fn finish(&mut self) -> Result<(), SyntaxError> {
        if let Some(e) = self.nul.take() {
            return Err(e);
        }
        if let Some(&(c, pos)) = self.parens.last() {
            return Err(self.error(
                format!("'{c}' was never closed"),
                pos,
                Pos::new(pos.line, pos.col + 1),
            ));
        }
        let end = self.pos(self.src.len());
        if self.line_has_tokens {
            self.pending.push_back((end, Tok::Newline, end));
            self.line_has_tokens = false;
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.pending.push_back((end, Tok::Dedent, end));
        }
        self.finished = true;
        Ok(())
    }

    fn bad_character(&mut self, off: usize) -> SyntaxError {
        let c = self.src[off..].chars().next().unwrap_or(' ');
        let cp = c as u32;
        if c.is_ascii() && !c.is_ascii_control() {
            // CPython's tokenizer hands `$`, `?` and `!` to the parser as an error token, so the
            // caret is placed by the parser (in bytes).
            let start = self.pos(off);
            self.error("invalid syntax", start, Pos::new(start.line, start.col + 1))
        } else if !is_printable(c) {
            self.error_at_char(format!("invalid non-printable character U+{cp:04X}"), off)
        } else {
            self.error_at_char(format!("invalid character '{c}' (U+{cp:04X})"), off)
        }
    }

    /// Scans a numeric literal starting at `start` and queues its token.
    fn number(&mut self, start: usize) -> Result<(), SyntaxError> {
        let text = &self.src[start..];
        let scanned = scan_number(text);
        let begin = self.pos(start);
        match scanned {
            Ok((len, tok)) => {
                let already = self.raw.span().end - start;
                self.raw.bump(len - already);
                let end = self.pos(start + len);
                self.pending.push_back((begin, tok, end));
                Ok(())
            }
            Err(NumberError {
                msg, caret: false, ..
            }) => Err(self
                .error(msg, Pos::new(begin.line, 0), Pos::new(begin.line, 0))
                .no_caret()),
            Err(NumberError {
                msg,
                at,
                width,
                byte_cols,
                ..
            }) => {
                // Numbers are ASCII, so only where the literal starts differs between the units.
                let begin = if byte_cols {
                    begin
                } else {
                    self.char_pos(start)
                };
                let s = Pos::new(begin.line, begin.col + at as u32);
                Err(self.error(msg, s, Pos::new(s.line, s.col + width as u32)))
            }
        }
    }

    /// Scans a string literal whose prefix and opening quote span `start..quote_end`.
    fn string(&mut self, start: usize, quote_end: usize) -> Result<(), SyntaxError> {
        let prefix = &self.src[start..quote_end - 1];
        let quote = self.src.as_bytes()[quote_end - 1];
        let mut flags = StrFlags::default();
        for c in prefix.chars() {
            match c.to_ascii_lowercase() {
                'r' => flags.raw = true,
                'b' => flags.bytes = true,
                'f' => flags.fstring = true,
                _ => {}
            }
        }
        let bytes = self.src.as_bytes();
        let triple = bytes.len() >= quote_end + 2
            && bytes[quote_end] == quote
            && bytes[quote_end + 1] == quote;
        let body_start = if triple { quote_end + 2 } else { quote_end };
        let mut i = body_start;
        let body_end;
        loop {
            if i >= bytes.len() {
                if let Some(e) = self.nul.take() {
                    // The string goes on into the line with the NUL.
                    return Err(e);
                }
                let begin = self.char_pos(start);
                let kind = if triple {
                    "triple-quoted string literal"
                } else {
                    "string literal"
                };
                let line = if triple { self.last_line() } else { begin.line };
                return Err(self.error_at_char(
                    format!("unterminated {kind} (detected at line {line})"),
                    start,
                ));
            }
            let b = bytes[i];
            if b == b'\\' {
                i += 2;
                continue;
            }
            if b == b'\n' && !triple {
                // The line is the one the scan stopped on (a backslash may have continued it).
                let line = self.char_pos(i).line;
                return Err(self.error_at_char(
                    format!("unterminated string literal (detected at line {line})"),
                    start,
                ));
            }
            if b == quote {
                if !triple {
                    body_end = i;
                    i += 1;
                    break;
                }
                if bytes.get(i + 1) == Some(&quote) && bytes.get(i + 2) == Some(&quote) {
                    body_end = i;
                    i += 3;
                    break;
                }
            }
            i += 1;
        }
        self.raw.bump(i - quote_end);
        let begin = self.pos(start);
        let body_pos = self.pos(body_start);
        let end = self.pos(i);
        let lit = StrLit {
            flags,
            body: self.src[body_start..body_end].to_string(),
            body_start: body_pos,
            triple,
        };
        self.pending
            .push_back((begin, Tok::Str(Box::new(lit)), end));
        Ok(())
    }
}

impl Iterator for Lexer<'_> {
    type Item = Result<Spanned, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(t) = self.pending.pop_front() {
                return Some(Ok(t));
            }
            if self.finished || self.failed {
                return None;
            }
            if let Err(e) = self.advance() {
                self.failed = true;
                return Some(Err(e));
            }
        }
    }
}

/// The text before the line holding the first NUL byte, and the error for that line, as CPython's
/// tokenizer raises it on reading the line: before tokenizing any of it, with the line's text up to
/// the NUL and no caret.
fn split_at_nul(src: &str, origin: Pos) -> (&str, Option<SyntaxError>) {
    let Some(at) = src.find('\0') else {
        return (src, None);
    };
    let line_start = src[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = origin.line + src[..line_start].matches('\n').count() as u32;
    let mut e = SyntaxError::syntax(
        "source code cannot contain null bytes",
        Pos::new(line, 0),
        Pos::new(line, 0),
    )
    .no_caret();
    e.text = Some(src[line_start..at].to_string());
    (&src[..line_start], Some(e))
}

/// Python's `str.isprintable` for one character outside ASCII, as far as it matters for source:
/// control (Cc), format (Cf), private-use (Co) and separator characters are not printable.
/// (Unassigned code points are not printable either; telling them apart needs the full Unicode
/// tables, and they do not turn up in source files.)
fn is_printable(c: char) -> bool {
    const FORMAT: &[(u32, u32)] = &[
        (0xad, 0xad),
        (0x600, 0x605),
        (0x61c, 0x61c),
        (0x6dd, 0x6dd),
        (0x70f, 0x70f),
        (0x890, 0x891),
        (0x8e2, 0x8e2),
        (0x180e, 0x180e),
        (0x200b, 0x200f),
        (0x202a, 0x202e),
        (0x2060, 0x2064),
        (0x2066, 0x206f),
        (0xfeff, 0xfeff),
        (0xfff9, 0xfffb),
        (0x110bd, 0x110bd),
        (0x110cd, 0x110cd),
        (0x13430, 0x13438),
        (0x1bca0, 0x1bca3),
        (0x1d173, 0x1d17a),
        (0xe0001, 0xe0001),
        (0xe0020, 0xe007f),
    ];
    let cp = c as u32;
    let format = FORMAT.iter().any(|&(lo, hi)| (lo..=hi).contains(&cp));
    let private = (0xe000..=0xf8ff).contains(&cp) || cp >= 0xf0000;
    !(c.is_control() || c.is_whitespace() || format || private)
}

/// Identifiers are NFKC-normalised in CPython; for the ASCII names nearly every program uses this is
/// the identity, and we keep other names as written.
fn normalize_name(text: &str) -> String {
    text.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::token::IntLit;

    fn toks(src: &str) -> Vec<Tok> {
        Lexer::new(src)
            .map(|t| t.map(|(_, t, _)| t))
            .collect::<Result<_, _>>()
            .unwrap()
    }

    #[test]
    fn indentation_produces_indent_and_dedent() {
        let t = toks("if x:\n    y\nz\n");
        assert_eq!(
            t,
            vec![
                Tok::If,
                Tok::Name("x".into()),
                Tok::Colon,
                Tok::Newline,
                Tok::Indent,
                Tok::Name("y".into()),
                Tok::Newline,
                Tok::Dedent,
                Tok::Name("z".into()),
                Tok::Newline
            ]
        );
    }

    #[test]
    fn brackets_join_lines() {
        let t = toks("x = (1,\n  2)\n");
        assert!(!t[..t.len() - 1].contains(&Tok::Newline));
    }

    #[test]
    fn numbers() {
        assert_eq!(toks("0x_ff")[0], Tok::Int(IntLit::Small(255)));
        assert_eq!(toks("1_000")[0], Tok::Int(IntLit::Small(1000)));
        assert_eq!(toks("1e3")[0], Tok::Float(1000.0));
        assert_eq!(toks(".5")[0], Tok::Float(0.5));
        assert_eq!(toks("2j")[0], Tok::Imag(2.0));
        assert_eq!(toks("0o17")[0], Tok::Int(IntLit::Small(15)));
        assert!(matches!(
            toks("99999999999999999999")[0],
            Tok::Int(IntLit::Big(_))
        ));
    }
}
