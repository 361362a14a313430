//! Source bytes to text, as CPython's tokenizer reads a file: a UTF-8 byte-order mark is
//! skipped, a PEP 263 coding declaration on the first two lines is honoured, and bytes that are
//! not valid in the file's encoding are a SyntaxError.

/// Decodes a source file's bytes. The error is the SyntaxError message CPython prints (without
/// the `SyntaxError: ` prefix); `filename` appears in it as CPython shows it.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, String> {
    let bom = bytes.starts_with(b"\xef\xbb\xbf");
    let bytes = if bom { &bytes[3..] } else { bytes };
    let declared = declared_encoding(bytes);
    if let (true, Some((name, encoding))) = (bom, &declared) {
        if !matches!(encoding, Encoding::Utf8) {
            return Err(format!("encoding problem: {name} with BOM"));
        }
    }
    match declared.map(|(_, encoding)| encoding) {
        None | Some(Encoding::Utf8) => match std::str::from_utf8(bytes) {
            Ok(text) => Ok(text.to_string()),
            Err(e) => {
                let at = e.valid_up_to();
                if bytes[..at].contains(&0) {
                    // CPython reads line by line and a NUL byte stops it before the bad one:
                    // the tokenizer reports the NUL (see `lexer::split_at_nul`).
                    return Ok(String::from_utf8_lossy(&bytes[..at]).into_owned());
                }
                let line = 1 + bytes[..at].iter().filter(|&&b| b == b'\n').count();
                Err(format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    bytes[at]
                ))
            }
        },
        Some(Encoding::Latin1) => Ok(bytes.iter().map(|&b| b as char).collect()),
        // CPython names only the declaration when the bytes do not decode.
        Some(Encoding::Ascii(name)) => match bytes.is_ascii() {
            true => Ok(String::from_utf8_lossy(bytes).into_owned()),
            false => Err(format!("encoding problem: {name}")),
        },
        Some(Encoding::Unknown(name)) => Err(format!("encoding problem: {name}")),
    }
}

enum Encoding {
    Utf8,
    Latin1,
    /// ASCII under the name the file declared.
    Ascii(String),
    Unknown(String),
}

/// The coding declaration (`# -*- coding: latin-1 -*-`, `# vim: set fileencoding=utf-8 :`) on the
/// first line, or on the second when the first holds only a comment or blanks: CPython's
/// normalised name for it, and the encoding.
fn declared_encoding(bytes: &[u8]) -> Option<(String, Encoding)> {
    let mut lines = bytes.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_spec(first) {
        return Some(normal_encoding(&name));
    }
    let first_is_comment_or_blank = first
        .iter()
        .find(|b| !matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .is_none_or(|&b| b == b'#');
    if !first_is_comment_or_blank {
        return None;
    }
    coding_spec(lines.next()?).map(|name| normal_encoding(&name))
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)` on one line.
fn coding_spec(line: &[u8]) -> Option<String> {
    let text = std::str::from_utf8(line).ok()?;
    let rest = text.trim_start_matches([' ', '\t', '\x0c']);
    let comment = rest.strip_prefix('#')?;
    let mut search = comment;
    while let Some(at) = search.find("coding") {
        let after = &search[at + "coding".len()..];
        if let Some(value) = after.strip_prefix([':', '=']) {
            let value = value.trim_start_matches([' ', '\t']);
            let name: String = value
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .collect();
            if !name.is_empty() {
                return Some(name);
            }
        }
        search = after;
    }
    None
}

/// CPython's `get_normal_name` (utf-8 and iso-8859-1 spellings collapse to those names; others
/// stay as written) plus the codecs it would look up for the common spellings.
fn normal_encoding(name: &str) -> (String, Encoding) {
    let norm = name.to_ascii_lowercase().replace('_', "-");
    let is = |base: &str| norm == base || norm.starts_with(&format!("{base}-"));
    if is("utf-8") {
        ("utf-8".into(), Encoding::Utf8)
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        ("iso-8859-1".into(), Encoding::Latin1)
    } else if norm == "utf8" {
        (name.into(), Encoding::Utf8)
    } else if norm == "latin1" {
        (name.into(), Encoding::Latin1)
    } else if matches!(norm.as_str(), "ascii" | "us-ascii" | "646") {
        (name.into(), Encoding::Ascii(name.into()))
    } else {
        (name.into(), Encoding::Unknown(name.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::decode_source;

    #[test]
    fn bom_is_skipped() {
        assert_eq!(
            decode_source(b"\xef\xbb\xbfx = 1\n", "f").unwrap(),
            "x = 1\n"
        );
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = decode_source(b"x = 1\n\ny = '\xc3('\n", "f.py").unwrap_err();
        assert!(e.starts_with("Non-UTF-8 code starting with '\\xc3' in file f.py on line 3,"));
    }

    #[test]
    fn latin1_declaration_on_second_line() {
        let src = b"#!/usr/bin/env python\n# -*- coding: latin-1 -*-\ns = '\xe9'\n";
        assert!(decode_source(src, "f").unwrap().contains("s = '\u{e9}'"));
    }

    #[test]
    fn declaration_after_code_is_ignored() {
        assert!(decode_source(b"x = 1\n# coding: latin-1\n'\xe9'\n", "f").is_err());
    }

    #[test]
    fn unknown_encoding() {
        assert_eq!(
            decode_source(b"# coding: foo\n", "f").unwrap_err(),
            "encoding problem: foo"
        );
    }
}
