//! Syntax errors and their rendering in CPython's layout (file, line, source text, carets).

use super::token::Pos;

/// The Python exception type a syntax error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// Not a syntax error: the tree nests deeper than the compiler's recursion limit allows
    /// (`RecursionError: maximum recursion depth exceeded during compilation`).
    Recursion,
}

impl SyntaxErrorKind {
    pub fn type_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
            SyntaxErrorKind::Recursion => "RecursionError",
        }
    }
}

/// A syntax error: message plus the source range the carets mark.
///
/// Columns are 0-based and in the unit CPython reports for the same error when it runs a file:
/// UTF-8 bytes for errors found by the parser and the compiler, characters for errors its tokenizer
/// reports (invalid characters and literals, unterminated strings, unmatched brackets). The
/// renderer uses them as they are, so a line with non-ASCII text before the error shifts the caret
/// exactly as CPython's does.
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub start: Pos,
    pub end: Pos,
    /// False when CPython prints the source line without a caret line.
    pub caret: bool,
    /// The text CPython shows instead of the file's line, with the columns relative to it: an
    /// error inside an f-string replacement field is reported on the field's own `(expression)`.
    pub text: Option<String>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            start,
            end,
            caret: true,
            text: None,
        }
    }

    pub fn syntax(msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError::new(SyntaxErrorKind::Syntax, msg, start, end)
    }

    pub fn no_caret(mut self) -> SyntaxError {
        self.caret = false;
        self
    }

    /// Renders the error the way CPython prints an uncaught SyntaxError (no "Traceback" header).
    pub fn render(&self, filename: &str, source: &str) -> String {
        if self.kind == SyntaxErrorKind::Recursion {
            // Raised by the compiler with no location, so CPython prints the bare exception.
            return format!("RecursionError: {}\n", self.msg);
        }
        let mut out = format!("  File \"{}\", line {}\n", filename, self.start.line);
        let line = source
            .split('\n')
            .nth(self.start.line.saturating_sub(1) as usize);
        if let Some(text) = self.text.as_deref().or(line) {
            out.push_str(&self.caret_block(text));
        }
        out.push_str(&format!("{}: {}\n", self.kind.type_name(), self.msg));
        out
    }

    /// The source line (leading whitespace stripped) and the caret line beneath it, following
    /// CPython's `print_exception` and `print_error_text`: offsets are 1-based there, an error
    /// spanning lines is marked to the end of its first line, the carets never run more than one
    /// past the line, and subclasses (IndentationError, TabError) get a single caret.
    fn caret_block(&self, text: &str) -> String {
        let line = text.trim_end_matches(['\n', '\r']);
        // CPython's text attribute keeps the newline; its length bounds the carets.
        let line_size = line.len() as i64 + 1;
        let offset = self.start.col as i64 + 1;
        let mut end_offset = self.end.col as i64 + 1;
        if self.end.line > self.start.line {
            end_offset = line_size;
        }
        if end_offset > line_size + 1 {
            end_offset = line_size + 1;
        }
        if self.kind != SyntaxErrorKind::Syntax || self.end.line < self.start.line {
            end_offset = -1;
        }
        let repetitions = if end_offset > 0 && end_offset > offset {
            end_offset - offset
        } else {
            1
        };
        let mut stripped = line.trim_start_matches([' ', '\t', '\x0c']);
        let mut offset = offset - 1 - (line.len() - stripped.len()) as i64;
        offset = offset.min(stripped.len() as i64);
        // A text of several lines is shown from the line the offset falls in.
        while let Some(nl) = stripped.find('\n') {
            if nl as i64 >= offset {
                break;
            }
            stripped = &stripped[nl + 1..];
            offset -= nl as i64 + 1;
        }
        let mut out = format!("    {stripped}\n");
        if !self.caret || offset < 0 {
            return out;
        }
        out.push_str("    ");
        out.push_str(&" ".repeat(offset as usize));
        out.push_str(&"^".repeat(repetitions as usize));
        out.push('\n');
        out
    }
}
