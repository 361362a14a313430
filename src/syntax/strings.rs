//! Decoding of string and bytes literal bodies: escape sequences, raw strings, and the errors
//! CPython reports for malformed escapes.

/// Why a literal body could not be decoded; the message is CPython's.
#[derive(Debug)]
pub struct DecodeError {
    pub msg: String,
    /// True when CPython points at the literal itself ("bytes can only contain ASCII literal
    /// characters"); false when it points at the token after the literal, as it does for errors
    /// from the escape decoder.
    pub at_literal: bool,
}

/// Decodes the body of a (non-bytes) string literal.
pub fn decode_str(body: &str, raw: bool) -> Result<String, DecodeError> {
    if raw || !body.contains('\\') {
        return Ok(body.to_string());
    }
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut v = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_digit(8) => {
                            v = v * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, name) = match e {
                    'x' => (2, "\\xXX"),
                    'u' => (4, "\\uXXXX"),
                    _ => (8, "\\UXXXXXXXX"),
                };
                let mut v = 0u32;
                let mut got = 0;
                while got < n {
                    match chars.peek() {
                        Some(&(_, d)) if d.is_ascii_hexdigit() => {
                            v = v * 16 + d.to_digit(16).unwrap_or(0);
                            chars.next();
                            got += 1;
                        }
                        _ => break,
                    }
                }
                if got < n {
                    return Err(escape_error(
                        body,
                        i,
                        2 + got,
                        &format!("truncated {name} escape"),
                    ));
                }
                match char::from_u32(v) {
                    Some(ch) => out.push(ch),
                    None => {
                        return Err(escape_error(body, i, 2 + n, "illegal Unicode character"));
                    }
                }
            }
            'N' => {
                // \N{name}: the name runs to the first '}'.
                let rest = &body[i + 2..];
                let named = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|close| &r[..close]));
                match named {
                    Some(name) if !name.is_empty() => {
                        let Some(ch) = super::unicode_names::lookup(name) else {
                            let len = 2 + 1 + name.len() + 1;
                            return Err(escape_error(
                                body,
                                i,
                                len,
                                "unknown Unicode character name",
                            ));
                        };
                        out.push(ch);
                        // Skip `{name}`.
                        for (_, c) in chars.by_ref() {
                            if c == '}' {
                                break;
                            }
                        }
                    }
                    Some(_) => {
                        // `\N{}`: CPython stops at the `}`.
                        return Err(escape_error(body, i, 3, "malformed \\N character escape"));
                    }
                    None if rest.starts_with('{') => {
                        // No closing brace: the escape runs to the end of the literal.
                        return Err(escape_error(
                            body,
                            i,
                            body.len() - i,
                            "malformed \\N character escape",
                        ));
                    }
                    None => {
                        return Err(escape_error(body, i, 2, "malformed \\N character escape"));
                    }
                }
            }
            other => {
                // Unknown escapes keep their backslash (a DeprecationWarning in CPython 3.11).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// The `unicodeescape` codec's error for the escape at byte `start` of `body`, `len` bytes long.
///
/// CPython decodes a literal by first rewriting every non-ASCII character as a `\U%08x` escape (and
/// a backslash before one as `\u005c`), so the positions it reports count in that rewritten text.
fn escape_error(body: &str, start: usize, len: usize, reason: &str) -> DecodeError {
    let first = escaped_len(body, &body[..start]);
    let last = first + escaped_len(&body[start..], &body[start..start + len]) - 1;
    DecodeError {
        msg: format!(
            "(unicode error) 'unicodeescape' codec can't decode bytes in position {first}-{last}: {reason}"
        ),
        at_literal: false,
    }
}

/// Length of `part` (a prefix of `text`) once rewritten as CPython does before decoding escapes.
fn escaped_len(text: &str, part: &str) -> usize {
    let mut n = 0;
    let mut chars = text[..part.len()].chars().peekable();
    while let Some(c) = chars.next() {
        n += if !c.is_ascii() {
            10
        } else if c == '\\' && chars.peek().is_some_and(|d| !d.is_ascii()) {
            6
        } else {
            1
        };
    }
    n
}

/// Decodes the body of a bytes literal. Only ASCII characters may appear literally.
pub fn decode_bytes(body: &str, raw: bool) -> Result<Vec<u8>, DecodeError> {
    if !body.is_ascii() {
        return Err(DecodeError {
            msg: "bytes can only contain ASCII literal characters".into(),
            at_literal: true,
        });
    }
    if raw {
        return Ok(body.as_bytes().to_vec());
    }
    let b = body.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        i += 1;
        if c != b'\\' || i >= b.len() {
            out.push(c);
            continue;
        }
        let e = b[i];
        i += 1;
        match e {
            b'\n' => {}
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                for _ in 0..2 {
                    if i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                        v = v * 8 + (b[i] - b'0') as u32;
                        i += 1;
                    } else {
                        break;
                    }
                }
                out.push((v & 0xff) as u8);
            }
            b'x' => {
                let hex = |c: u8| (c as char).to_digit(16);
                match (
                    b.get(i).and_then(|&c| hex(c)),
                    b.get(i + 1).and_then(|&c| hex(c)),
                ) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(DecodeError {
                            msg: format!("(value error) invalid \\x escape at position {}", i - 2),
                            at_literal: false,
                        })
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(
            decode_str(r"a\tb\n\x41\u00e9\101\\", false).unwrap(),
            "a\tb\nAé\x41\\"
        );
        assert_eq!(decode_str(r"\d", false).unwrap(), "\\d");
        assert_eq!(decode_str(r"\n", true).unwrap(), "\\n");
        assert!(decode_str(r"\x4", false).is_err());
        assert_eq!(decode_bytes(r"\x00\xff", false).unwrap(), vec![0, 255]);
    }
}
