//! Source text to AST: the tokenizer, the grammar glue, string literals and syntax errors.

pub mod actions;
pub mod ast;
pub mod error;
mod explain;
mod extent;
mod fstring;
pub mod lexer;
pub mod nesting;
mod number;
pub mod parser;
pub mod source;
pub mod strings;
pub mod token;
mod unicode_names;

pub use error::{SyntaxError, SyntaxErrorKind};
pub use parser::{parse_expression, parse_module};

/// Normalises line endings to `\n`, as CPython's universal-newline reading does.
pub fn normalize_newlines(src: &str) -> String {
    if !src.contains('\r') {
        return src.to_string();
    }
    src.replace("\r\n", "\n").replace('\r', "\n")
}
