//! Syntax errors and their rendering in CPython's layout (file, line, source text, carets).

use super::token::Pos;

/// The Python exception type a syntax error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    Syntax,
    Indentation,
    Tab,
}

impl SyntaxErrorKind {
    pub fn type_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::Syntax => "SyntaxError",
            SyntaxErrorKind::Indentation => "IndentationError",
            SyntaxErrorKind::Tab => "TabError",
        }
    }
}

/// A syntax error: message plus the source range the carets mark (columns in UTF-8 bytes).
#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub msg: String,
    pub start: Pos,
    pub end: Pos,
    /// False when CPython prints the source line without a caret line.
    pub caret: bool,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, msg: impl Into<String>, start: Pos, end: Pos) -> SyntaxError {
        SyntaxError {
            kind,
            msg: msg.into(),
            start,
            end,
            caret: true,
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
        let mut out = format!("  File \"{}\", line {}\n", filename, self.start.line);
        if let Some(line) = source
            .split('\n')
            .nth(self.start.line.saturating_sub(1) as usize)
        {
            out.push_str(&caret_block(line, self.start, self.end, self.caret));
        }
        out.push_str(&format!("{}: {}\n", self.kind.type_name(), self.msg));
        out
    }
}

/// The source line (leading whitespace stripped) and, when wanted, the caret line beneath it,
/// following CPython's `print_error_text`.
fn caret_block(line: &str, start: Pos, end: Pos, caret: bool) -> String {
    let line = line.trim_end_matches(['\n', '\r']);
    let to_chars = |byte_col: u32| -> i64 {
        let b = (byte_col as usize).min(line.len());
        let mut b = b;
        while !line.is_char_boundary(b) {
            b -= 1;
        }
        line[..b].chars().count() as i64 + (byte_col as i64 - b as i64).max(0)
    };
    let stripped = line.trim_start_matches([' ', '\t', '\x0c']);
    let lead = (line.chars().count() - stripped.chars().count()) as i64;
    let len = stripped.chars().count() as i64;
    let mut out = format!("    {stripped}\n");
    if !caret {
        return out;
    }
    let mut offset = to_chars(start.col) - lead;
    let mut end_offset = if end.line == start.line {
        to_chars(end.col) - lead
    } else {
        len
    };
    if offset < 0 {
        return out;
    }
    if offset > len {
        offset = len;
    }
    if end_offset > len + 1 {
        end_offset = len + 1;
    }
    if end_offset <= offset {
        end_offset = offset + 1;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(offset as usize));
    out.push_str(&"^".repeat((end_offset - offset) as usize));
    out.push('\n');
    out
}
