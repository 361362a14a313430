//! Text encodings for `str.encode`, `bytes.decode`, `str(b, encoding)` and `bytes(s, encoding)`:
//! UTF-8, ASCII and Latin-1 with the `strict`, `ignore` and `replace` error handlers, and CPython's
//! UnicodeEncodeError / UnicodeDecodeError messages.

use crate::vm::{ExcKind, PyErr, PyResult};

/// The codecs pyvm knows, by the name CPython reports in error messages.
#[derive(Clone, Copy, PartialEq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// The highest code point the codec can represent in one byte (UTF-8: all of them).
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => u32::MAX,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

/// Looks an encoding name up as CPython's `encodings.normalize_encoding` and aliases do.
fn lookup(encoding: &str) -> PyResult<Codec> {
    let norm: String = encoding
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
        "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" => Ok(Codec::Latin1),
        _ => Err(PyErr::new(
            ExcKind::LookupError,
            format!("unknown encoding: {encoding}"),
        )),
    }
}

fn unknown_handler(errors: &str) -> PyErr {
    PyErr::new(
        ExcKind::LookupError,
        format!("unknown error handler name '{errors}'"),
    )
}

/// `str.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: &str, errors: &str) -> PyResult<Vec<u8>> {
    let codec = lookup(encoding)?;
    if codec == Codec::Utf8 {
        // Rust strings hold no surrogates, so UTF-8 encoding cannot fail.
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            // Below 0x100, so the cast keeps the value.
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        match errors {
            "strict" => {
                let end = chars[i..]
                    .iter()
                    .position(|&d| (d as u32) < limit)
                    .map_or(chars.len(), |n| i + n);
                let what = if end - i == 1 {
                    format!("character '{}' in position {i}", escape_char(c))
                } else {
                    format!("characters in position {i}-{}", end - 1)
                };
                return Err(PyErr::new(
                    ExcKind::UnicodeEncodeError,
                    format!(
                        "'{}' codec can't encode {what}: ordinal not in range({limit})",
                        codec.name()
                    ),
                ));
            }
            "ignore" => {}
            "replace" => out.push(b'?'),
            other => return Err(unknown_handler(other)),
        }
        i += 1;
    }
    Ok(out)
}

/// How CPython shows one character in an encode error: `\xe9`, `\u20ac`, `\U0001f40d`.
fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

fn decode_error(codec: Codec, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!("byte 0x{:02x} in position {start}", data[start])
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    PyErr::new(
        ExcKind::UnicodeDecodeError,
        format!("'{}' codec can't decode {what}: {reason}", codec.name()),
    )
}

/// `bytes.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: &str, errors: &str) -> PyResult<String> {
    let codec = lookup(encoding)?;
    match codec {
        Codec::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Codec::Ascii => {
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(char::from(b));
                    continue;
                }
                match errors {
                    "strict" => {
                        return Err(decode_error(
                            codec,
                            data,
                            i,
                            i + 1,
                            "ordinal not in range(128)",
                        ))
                    }
                    "ignore" => {}
                    "replace" => out.push('\u{fffd}'),
                    other => return Err(unknown_handler(other)),
                }
            }
            Ok(out)
        }
        Codec::Utf8 => {
            let mut out = String::with_capacity(data.len());
            let mut rest = data;
            loop {
                match std::str::from_utf8(rest) {
                    Ok(s) => {
                        out.push_str(s);
                        return Ok(out);
                    }
                    Err(e) => {
                        let good = e.valid_up_to();
                        // valid_up_to is a char boundary of the valid prefix.
                        out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                        let bad = e.error_len().unwrap_or(rest.len() - good);
                        match errors {
                            "strict" => {
                                let start = data.len() - rest.len() + good;
                                let lead = rest[good];
                                let reason = if e.error_len().is_none() {
                                    "unexpected end of data"
                                } else if matches!(lead, 0x80..=0xc1 | 0xf5..=0xff) {
                                    "invalid start byte"
                                } else {
                                    "invalid continuation byte"
                                };
                                return Err(decode_error(codec, data, start, start + bad, reason));
                            }
                            "ignore" => {}
                            "replace" => out.push('\u{fffd}'),
                            other => return Err(unknown_handler(other)),
                        }
                        rest = &rest[good + bad..];
                    }
                }
            }
        }
    }
}
