//! Printing an uncaught exception as CPython 3.11 does: chained exceptions first, each traceback
//! entry with its source line and caret markers (`~` for operands and `^` for the operator of a
//! binary operation or subscript), repeated lines collapsed, then `Type: message`.

use super::exceptions::{exc_state, PyErr};
use super::frame::TracebackEntry;
use super::value::Value;
use super::Vm;
use crate::syntax::ast::{ExprKind, StmtKind};

/// Repeated identical entries beyond this many are summarised (CPython's TB_RECURSIVE_CUTOFF).
const RECURSIVE_CUTOFF: usize = 3;

impl Vm {
    /// The full text CPython prints to stderr for an uncaught exception.
    pub fn format_exception(&mut self, err: &PyErr) -> String {
        let mut out = String::new();
        let mut seen: Vec<usize> = Vec::new();
        self.format_chain(&err.value, &mut out, &mut seen);
        out
    }

    fn format_chain(&mut self, exc: &Value, out: &mut String, seen: &mut Vec<usize>) {
        seen.push(exc.id());
        if let Some(state) = exc_state(exc) {
            let (cause, context, suppress) = {
                let s = state.borrow();
                (s.cause.clone(), s.context.clone(), s.suppress_context)
            };
            if let Some(c) = cause.filter(|c| !seen.contains(&c.id())) {
                self.format_chain(&c, out, seen);
                out.push_str(
                    "\nThe above exception was the direct cause of the following exception:\n\n",
                );
            } else if let Some(c) = context.filter(|c| !suppress && !seen.contains(&c.id())) {
                self.format_chain(&c, out, seen);
                out.push_str(
                    "\nDuring handling of the above exception, another exception occurred:\n\n",
                );
            }
        }
        self.format_single(exc, out);
    }

    /// One exception with its traceback, without the exceptions chained to it.
    pub(crate) fn format_single(&mut self, exc: &Value, out: &mut String) {
        let entries: Vec<TracebackEntry> = exc_state(exc)
            .map(|s| s.borrow().traceback.clone())
            .unwrap_or_default();
        if !entries.is_empty() {
            out.push_str("Traceback (most recent call last):\n");
            let mut last: Option<(String, i32, String)> = None;
            let mut count = 0usize;
            for e in entries.iter().rev() {
                let line = e.code.line_of(e.lasti);
                let key = (e.code.filename.to_string(), line, e.code.name.clone());
                if last.as_ref() != Some(&key) {
                    if count > RECURSIVE_CUTOFF {
                        push_repeated(out, count);
                    }
                    last = Some(key);
                    count = 0;
                }
                count += 1;
                if count <= RECURSIVE_CUTOFF {
                    self.format_entry(e, out);
                }
            }
            if count > RECURSIVE_CUTOFF {
                push_repeated(out, count);
            }
        }
        out.push_str(&self.exception_summary(exc));
        if let Some(s) = self.offer_suggestion(exc) {
            out.push_str(&format!(". Did you mean: '{s}'?"));
        }
        out.push('\n');
    }

    /// `Type: message` (or just `Type` when the message is empty).
    pub fn exception_summary(&mut self, exc: &Value) -> String {
        let class = super::types::type_of(exc);
        let module = class.module_name();
        let qualname = class.qualname.borrow().clone();
        let name = if module == "builtins" || module == "__main__" {
            qualname
        } else {
            format!("{module}.{qualname}")
        };
        let msg = match self.str(exc) {
            Ok(m) => m,
            Err(_) => "<exception str() failed>".to_string(),
        };
        if msg.is_empty() {
            name
        } else {
            format!("{name}: {msg}")
        }
    }

    fn format_entry(&mut self, e: &TracebackEntry, out: &mut String) {
        let pos = e.code.positions.get(e.lasti).copied().unwrap_or_default();
        out.push_str(&format!(
            "  File \"{}\", line {}, in {}\n",
            e.code.filename, pos.line, e.code.name
        ));
        let Some(source) = self.sources.get(e.code.filename.as_ref()).cloned() else {
            return;
        };
        if pos.line < 1 {
            return;
        }
        let Some(line) = source.split('\n').nth(pos.line as usize - 1) else {
            return;
        };
        let line = line.trim_end_matches('\r');
        let chars: Vec<char> = line.chars().collect();
        let indent = chars
            .iter()
            .take_while(|c| matches!(c, ' ' | '\t' | '\x0c'))
            .count();
        let shown: String = chars[indent..].iter().collect();
        out.push_str("    ");
        out.push_str(&shown);
        out.push('\n');
        if pos.end_line < 0 || pos.col < 0 || pos.end_col < 0 {
            return;
        }
        let to_char = |byte: i32| -> usize {
            let b = (byte as usize).min(line.len());
            let mut b = b;
            while !line.is_char_boundary(b) {
                b -= 1;
            }
            line[..b].chars().count()
        };
        let start = to_char(pos.col);
        let mut end = to_char(pos.end_col);
        let mut anchors: Option<(usize, usize)> = None;
        if pos.line == pos.end_line {
            if start < end {
                let segment: String = chars[start..end].iter().collect();
                anchors = caret_anchors(&segment).map(|(l, r)| (start + l, start + r));
            }
        } else {
            end = chars
                .iter()
                .rposition(|c| !matches!(c, ' ' | '\t' | '\x0c'))
                .map_or(0, |i| i + 1);
        }
        let stripped_len = chars.len() - indent;
        if end.saturating_sub(start) == stripped_len && anchors.is_none() {
            return;
        }
        // CPython walks 1-based offsets from (indent - 4) to `end`; a space before `start`.
        let mut caret = String::new();
        let mut offset = indent as i64 - 4;
        while {
            offset += 1;
            offset <= end as i64
        } {
            let ch = if offset <= start as i64 {
                ' '
            } else if let Some((l, r)) = anchors {
                if (l as i64) < offset && offset <= r as i64 {
                    '^'
                } else {
                    '~'
                }
            } else {
                '^'
            };
            caret.push(ch);
        }
        out.push_str(&caret);
        out.push('\n');
    }
}

fn push_repeated(out: &mut String, count: usize) {
    let n = count - RECURSIVE_CUTOFF;
    out.push_str(&format!(
        "  [Previous line repeated {n} more time{}]\n",
        if n > 1 { "s" } else { "" }
    ));
}

/// For a segment that is a binary operation or a subscript, the character range of the operator
/// (or the brackets) that gets `^` while the operands get `~`.
fn caret_anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::syntax::parse_module(segment).ok()?;
    if module.body.len() != 1 {
        return None;
    }
    let StmtKind::Expr { value } = &module.body[0].kind else {
        return None;
    };
    // The segment is one line, so AST columns are byte offsets into it.
    let bytes = segment.as_bytes();
    let to_char = |b: usize| segment[..b.min(segment.len())].chars().count();
    let ws = |c: u8| c == b' ' || c == b'\t' || c == b'\x0c';
    match &value.kind {
        ExprKind::BinOp { left, right, .. } => {
            let (from, to) = (left.range.end.col as usize, right.range.start.col as usize);
            let mut anchors = None;
            let mut i = from;
            while i < to {
                if ws(bytes[i]) {
                    i += 1;
                    continue;
                }
                let mut r = i + 1;
                if i + 1 < to && !ws(bytes[i + 1]) {
                    r += 1;
                }
                anchors = Some((i, r));
                if i + 1 < to && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            anchors.map(|(l, r)| (to_char(l), to_char(r)))
        }
        ExprKind::Subscript {
            value: v, slice, ..
        } => {
            let mut l = v.range.end.col as usize;
            let mut r = slice.range.end.col as usize + 1;
            while l < bytes.len() && bytes[l] != b'[' {
                l += 1;
            }
            while r < bytes.len() && bytes[r] != b']' {
                r += 1;
            }
            if r < bytes.len() {
                r += 1;
            }
            Some((to_char(l), to_char(r)))
        }
        _ => None,
    }
}
