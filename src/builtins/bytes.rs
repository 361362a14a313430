//! `bytes`: construction and the bytes methods. Case and character classes are ASCII-only, and
//! whitespace is `Py_ISSPACE` (space, \t, \n, \v, \f, \r), as in CPython's bytes_methods.c.

use super::{add_descriptors, add_methods, check_positional, no_kwargs, parse_args, receiver};
use crate::objects::{Args, PyBytes};
use crate::vm::collections::new_bytes;
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use std::rc::Rc;

/// `bytes(source=b'', encoding=..., errors=...)`.
pub fn bytes_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("bytes", &args, &["source", "encoding", "errors"], 0)?;
    let encoding = opt_str(&a[1], "bytes", "encoding")?;
    let errors = opt_str(&a[2], "bytes", "errors")?;
    match &a[0] {
        None => {
            if encoding.is_some() || errors.is_some() {
                return Err(PyErr::type_error(if encoding.is_some() {
                    "encoding without a string argument"
                } else {
                    "errors without a string argument"
                }));
            }
            Ok(new_bytes(Vec::new()))
        }
        Some(Value::Str(s)) => {
            let Some(encoding) = encoding else {
                return Err(PyErr::type_error("string argument without an encoding"));
            };
            let errors = errors.unwrap_or_else(|| "strict".to_string());
            Ok(new_bytes(super::codecs::encode(
                s.as_str(),
                &encoding,
                &errors,
            )?))
        }
        Some(_) if encoding.is_some() => {
            Err(PyErr::type_error("encoding without a string argument"))
        }
        Some(_) if errors.is_some() => Err(PyErr::type_error("errors without a string argument")),
        Some(Value::Int(n)) => {
            if *n < 0 {
                return Err(PyErr::value_error("negative count"));
            }
            let mut out = Vec::new();
            reserve(&mut out, *n as usize)?;
            out.resize(*n as usize, 0);
            Ok(new_bytes(out))
        }
        Some(b @ Value::Bytes(_)) => Ok(b.clone()),
        Some(other) => {
            let items = vm.collect(other)?;
            let mut out = Vec::with_capacity(items.len());
            for i in items {
                let n = vm.index_value(&i)?;
                if !(0..256).contains(&n) {
                    return Err(PyErr::value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            Ok(new_bytes(out))
        }
    }
}

/// An optional str argument of a clinic function: `decode() argument 'encoding' must be str, not int`.
fn opt_str(v: &Option<Value>, fname: &str, param: &str) -> PyResult<Option<String>> {
    match v {
        None => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().to_string())),
        Some(other) => Err(PyErr::type_error(format!(
            "{fname}() argument '{param}' must be str, not {}",
            type_name(other)
        ))),
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.bytes,
        &[
            ("decode", bytes_decode),
            ("hex", bytes_hex),
            ("upper", bytes_upper),
            ("lower", bytes_lower),
            ("swapcase", bytes_swapcase),
            ("capitalize", bytes_capitalize),
            ("title", bytes_title),
            ("isalpha", bytes_isalpha),
            ("isdigit", bytes_isdigit),
            ("isalnum", bytes_isalnum),
            ("isspace", bytes_isspace),
            ("islower", bytes_islower),
            ("isupper", bytes_isupper),
            ("istitle", bytes_istitle),
            ("isascii", bytes_isascii),
            ("strip", bytes_strip),
            ("lstrip", bytes_lstrip),
            ("rstrip", bytes_rstrip),
            ("split", bytes_split),
            ("rsplit", bytes_rsplit),
            ("splitlines", bytes_splitlines),
            ("join", bytes_join),
            ("replace", bytes_replace),
            ("startswith", bytes_startswith),
            ("endswith", bytes_endswith),
            ("find", bytes_find),
            ("rfind", bytes_rfind),
            ("index", bytes_index),
            ("rindex", bytes_rindex),
            ("count", bytes_count),
            ("partition", bytes_partition),
            ("rpartition", bytes_rpartition),
            ("removeprefix", bytes_removeprefix),
            ("removesuffix", bytes_removesuffix),
            ("center", bytes_center),
            ("ljust", bytes_ljust),
            ("rjust", bytes_rjust),
            ("zfill", bytes_zfill),
            ("expandtabs", bytes_expandtabs),
            ("translate", bytes_translate),
        ],
    );
    add_descriptors(&t.bytes, &t.object, true, &[("fromhex", bytes_fromhex)]);
    add_descriptors(
        &t.bytes,
        &t.object,
        false,
        &[("maketrans", bytes_maketrans)],
    );
}

// ---------------------------------------------------------------- argument helpers

/// The bytes a method was called on.
fn this(args: &Args) -> PyResult<Rc<PyBytes>> {
    match receiver(args) {
        Value::Bytes(b) => Ok(b),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'bytes' object but received a '{}'",
            type_name(&other)
        ))),
    }
}

/// The arguments after the receiver.
fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args::with_kw(args.args.get(1..).unwrap_or(&[]), args.kwnames)
}

fn noargs(name: &str, args: &Args) -> PyResult<()> {
    super::no_args(&format!("bytes.{name}"), &rest(args))
}

fn onearg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    super::one_arg(&format!("bytes.{name}"), &rest(args))
}

/// A bytes-like argument: `a bytes-like object is required, not 'str'`.
fn buffer(v: &Value) -> PyResult<Rc<PyBytes>> {
    match crate::vm::ops::payload_or_self(v) {
        Value::Bytes(b) => Ok(b),
        _ => Err(PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            type_name(v)
        ))),
    }
}

/// The needle of find/count/index: bytes, or an int naming one byte.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Value::Bytes(b) = crate::vm::ops::payload_or_self(v) {
        return Ok(b.data.clone());
    }
    if matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)) {
        let n = vm.index_value(v)?;
        if !(0..256).contains(&n) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![n as u8]);
    }
    Err(PyErr::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        type_name(v)
    )))
}

/// CPython's ADJUST_INDICES for optional start/end: negative values count from the end, `end` is
/// clamped to the length; `None` if start lies beyond end (nothing can match, not even b'').
fn adjust(
    vm: &mut Vm,
    len: usize,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<Option<(usize, usize)>> {
    let len = len as i64;
    let mut bound = |v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = vm.index_value(x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i })
            }
        }
    };
    let a = bound(start, 0)?;
    let b = bound(end, len)?.min(len);
    if a > b {
        return Ok(None);
    }
    Ok(Some((a as usize, b as usize)))
}

fn find_sub(hay: &[u8], sub: &[u8], from_right: bool) -> Option<usize> {
    if sub.len() > hay.len() {
        return None;
    }
    let mut positions = 0..=hay.len() - sub.len();
    let hit = |&i: &usize| &hay[i..i + sub.len()] == sub;
    if from_right {
        positions.rev().find(hit)
    } else {
        positions.find(hit)
    }
}

fn count_sub(hay: &[u8], sub: &[u8]) -> usize {
    if sub.is_empty() {
        return hay.len() + 1;
    }
    let mut n = 0;
    let mut i = 0;
    while i + sub.len() <= hay.len() {
        if &hay[i..i + sub.len()] == sub {
            n += 1;
            i += sub.len();
        } else {
            i += 1;
        }
    }
    n
}

/// Makes room for `n` more bytes, failing with MemoryError as CPython does (an infallible Rust
/// allocation would abort the process instead).
fn reserve(v: &mut Vec<u8>, n: usize) -> PyResult<()> {
    crate::vm::limits::check_allocation(n)?;
    v.try_reserve_exact(n)
        .map_err(|_| PyErr::with_args(ExcKind::MemoryError, vec![]))
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

// ---------------------------------------------------------------- codecs and hex

fn bytes_decode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let a = parse_args("decode", &rest(&args), &["encoding", "errors"], 0)?;
    let encoding = opt_str(&a[0], "decode", "encoding")?.unwrap_or_else(|| "utf-8".into());
    let errors = opt_str(&a[1], "decode", "errors")?.unwrap_or_else(|| "strict".into());
    Ok(Value::str(super::codecs::decode(
        &b.data, &encoding, &errors,
    )?))
}

/// `bytes.hex(sep=..., bytes_per_sep=1)`: groups counted from the right, or from the left when
/// `bytes_per_sep` is negative.
fn bytes_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let a = parse_args("hex", &rest(&args), &["sep", "bytes_per_sep"], 0)?;
    let digits: Vec<String> = b.data.iter().map(|x| format!("{x:02x}")).collect();
    let sep = match &a[0] {
        None => return Ok(Value::str(digits.concat())),
        Some(Value::Str(s)) => s.as_str().to_string(),
        Some(Value::Bytes(s)) => String::from_utf8_lossy(&s.data).into_owned(),
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "sep must be str or bytes., not {}",
                type_name(other)
            )))
        }
    };
    if sep.chars().count() != 1 {
        return Err(PyErr::value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(PyErr::value_error("sep must be ASCII."));
    }
    let per = match &a[1] {
        None => 1,
        Some(v) => vm.index_value(v)?,
    };
    if per == 0 || digits.is_empty() {
        return Ok(Value::str(digits.concat()));
    }
    let group = per.unsigned_abs() as usize;
    let chunks: Vec<String> = if per > 0 {
        // Full groups at the right end.
        let first = digits.len() % group;
        let mut out = Vec::new();
        if first > 0 {
            out.push(digits[..first].concat());
        }
        out.extend(digits[first..].chunks(group).map(|c| c.concat()));
        out
    } else {
        digits.chunks(group).map(|c| c.concat()).collect()
    };
    Ok(Value::str(chunks.join(&sep)))
}

/// `bytes.fromhex(string)`, a classmethod: pairs of hex digits, whitespace between pairs.
fn bytes_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let r = rest(&args);
    let text = match super::one_arg("bytes.fromhex", &r)? {
        Value::Str(s) => s.clone(),
        other => {
            return Err(PyErr::type_error(format!(
                "fromhex() argument must be str, not {}",
                type_name(other)
            )))
        }
    };
    let chars: Vec<char> = text.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |pos: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).ok_or_else(|| bad(i))?;
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16))
            .ok_or_else(|| bad(i + 1))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let value = new_bytes(out);
    match &cls {
        Value::Type(t) if !t.builtin => vm.call(&cls, &[value], &[]),
        _ => Ok(value),
    }
}

// ---------------------------------------------------------------- case

fn map_bytes(args: &Args, name: &str, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    noargs(name, args)?;
    let b = this(args)?;
    Ok(new_bytes(f(&b.data)))
}

fn bytes_upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "upper", |d| d.to_ascii_uppercase())
}

fn bytes_lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "lower", |d| d.to_ascii_lowercase())
}

fn bytes_swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "swapcase", |d| {
        d.iter()
            .map(|&c| {
                if c.is_ascii_uppercase() {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn bytes_capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn bytes_title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_bytes(&args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&c| {
                let out = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn all_bytes(args: &Args, name: &str, pred: impl Fn(u8) -> bool) -> PyResult<Value> {
    noargs(name, args)?;
    let b = this(args)?;
    Ok(Value::Bool(
        !b.data.is_empty() && b.data.iter().all(|&c| pred(c)),
    ))
}

fn bytes_isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(&args, "isalpha", |c| c.is_ascii_alphabetic())
}

fn bytes_isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(&args, "isdigit", |c| c.is_ascii_digit())
}

fn bytes_isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(&args, "isalnum", |c| c.is_ascii_alphanumeric())
}

fn bytes_isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_bytes(&args, "isspace", is_space)
}

fn bytes_isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isascii", &args)?;
    Ok(Value::Bool(this(&args)?.data.is_ascii()))
}

fn bytes_islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("islower", &args)?;
    let b = this(&args)?;
    Ok(Value::Bool(
        b.data.iter().any(u8::is_ascii_lowercase) && !b.data.iter().any(u8::is_ascii_uppercase),
    ))
}

fn bytes_isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isupper", &args)?;
    let b = this(&args)?;
    Ok(Value::Bool(
        b.data.iter().any(u8::is_ascii_uppercase) && !b.data.iter().any(u8::is_ascii_lowercase),
    ))
}

fn bytes_istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("istitle", &args)?;
    let b = this(&args)?;
    let mut cased = false;
    let mut prev_cased = false;
    for &c in &b.data {
        if c.is_ascii_uppercase() {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if c.is_ascii_lowercase() {
            if !prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    Ok(Value::Bool(cased))
}

// ---------------------------------------------------------------- strip, split, join

fn strip_impl(args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let b = this(args)?;
    let r = rest(args);
    no_kwargs(&format!("bytes.{name}"), &r)?;
    let p = check_positional(name, &r, 0, 1)?;
    let chars = match p.first() {
        None | Some(Value::None) => None,
        Some(v) => Some(buffer(v)?),
    };
    let strip = |c: &u8| match &chars {
        None => is_space(*c),
        Some(cs) => cs.data.contains(c),
    };
    let d = &b.data[..];
    let start = if left {
        d.iter().position(|c| !strip(c)).unwrap_or(d.len())
    } else {
        0
    };
    let end = if right {
        d.iter().rposition(|c| !strip(c)).map_or(start, |i| i + 1)
    } else {
        d.len()
    };
    Ok(new_bytes(d[start..end.max(start)].to_vec()))
}

fn bytes_strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "strip", true, true)
}

fn bytes_lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "lstrip", true, false)
}

fn bytes_rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "rstrip", false, true)
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Option<Vec<u8>>, i64)> {
    let a = parse_args(name, &rest(args), &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let s = buffer(v)?;
            if s.data.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.data.clone())
        }
    };
    let maxsplit = match &a[1] {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    Ok((sep, if maxsplit < 0 { i64::MAX } else { maxsplit }))
}

fn to_list(parts: Vec<&[u8]>) -> Value {
    Value::list(parts.into_iter().map(|p| new_bytes(p.to_vec())).collect())
}

fn bytes_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    let d = &b.data[..];
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let mut n = 0;
            loop {
                while i < d.len() && is_space(d[i]) {
                    i += 1;
                }
                if i == d.len() {
                    break;
                }
                if n == maxsplit {
                    parts.push(&d[i..]);
                    break;
                }
                let start = i;
                while i < d.len() && !is_space(d[i]) {
                    i += 1;
                }
                parts.push(&d[start..i]);
                n += 1;
            }
        }
        Some(sep) => {
            let mut start = 0;
            let mut n = 0;
            while n < maxsplit {
                match find_sub(&d[start..], &sep, false) {
                    Some(i) => {
                        parts.push(&d[start..start + i]);
                        start += i + sep.len();
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(&d[start..]);
        }
    }
    Ok(to_list(parts))
}

fn bytes_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let d = &b.data[..];
    let mut parts: Vec<&[u8]> = Vec::new();
    match sep {
        None => {
            let mut i = d.len();
            let mut n = 0;
            loop {
                while i > 0 && is_space(d[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if n == maxsplit {
                    parts.push(&d[..i]);
                    break;
                }
                let end = i;
                while i > 0 && !is_space(d[i - 1]) {
                    i -= 1;
                }
                parts.push(&d[i..end]);
                n += 1;
            }
        }
        Some(sep) => {
            let mut end = d.len();
            let mut n = 0;
            while n < maxsplit {
                match find_sub(&d[..end], &sep, true) {
                    Some(i) => {
                        parts.push(&d[i + sep.len()..end]);
                        end = i;
                        n += 1;
                    }
                    None => break,
                }
            }
            parts.push(&d[..end]);
        }
    }
    parts.reverse();
    Ok(to_list(parts))
}

fn bytes_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let a = parse_args("splitlines", &rest(&args), &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let d = &b.data[..];
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            parts.push(if keep { &d[start..end] } else { &d[start..i] });
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        parts.push(&d[start..]);
    }
    Ok(to_list(parts))
}

fn bytes_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let p = onearg("join", &args)?;
    let it = match vm.iter(p) {
        Err(e) if e.is(ExcKind::TypeError) => {
            return Err(PyErr::type_error("can only join an iterable"))
        }
        r => r?,
    };
    let items = vm.collect(&it)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&b.data);
        }
        match crate::vm::ops::payload_or_self(item) {
            Value::Bytes(x) => out.extend_from_slice(&x.data),
            _ => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    type_name(item)
                )))
            }
        }
    }
    Ok(new_bytes(out))
}

fn bytes_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let r = rest(&args);
    no_kwargs("bytes.replace", &r)?;
    let p = check_positional("replace", &r, 2, 3)?;
    let old = buffer(&p[0])?;
    let new = buffer(&p[1])?;
    let mut count = match p.get(2) {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    if count < 0 {
        count = i64::MAX;
    }
    let (d, old, new) = (&b.data[..], &old.data[..], &new.data[..]);
    let mut out = Vec::with_capacity(d.len());
    let mut i = 0;
    let mut n = 0;
    if old.is_empty() {
        // Insert `new` before every byte and at the end.
        while n < count && i <= d.len() {
            out.extend_from_slice(new);
            n += 1;
            if i < d.len() {
                out.push(d[i]);
            }
            i += 1;
        }
        if i < d.len() {
            out.extend_from_slice(&d[i..]);
        }
        return Ok(new_bytes(out));
    }
    while n < count {
        match find_sub(&d[i..], old, false) {
            Some(j) => {
                out.extend_from_slice(&d[i..i + j]);
                out.extend_from_slice(new);
                i += j + old.len();
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(&d[i..]);
    Ok(new_bytes(out))
}

// ---------------------------------------------------------------- searching

fn affix(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let b = this(args)?;
    let r = rest(args);
    no_kwargs(&format!("bytes.{name}"), &r)?;
    let p = super::varargs(name, &r, 1, 3)?;
    let candidates: Vec<Rc<PyBytes>> = match &p[0] {
        Value::Tuple(t) => t.items.iter().map(buffer).collect::<PyResult<_>>()?,
        v => match crate::vm::ops::payload_or_self(v) {
            Value::Bytes(x) => vec![x],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name} first arg must be bytes or a tuple of bytes, not {}",
                    type_name(v)
                )))
            }
        },
    };
    let Some((start, end)) = adjust(vm, b.data.len(), p.get(1), p.get(2))? else {
        return Ok(Value::Bool(false));
    };
    let d = &b.data[start..end];
    Ok(Value::Bool(candidates.iter().any(|c| {
        if prefix {
            d.starts_with(&c.data)
        } else {
            d.ends_with(&c.data)
        }
    })))
}

fn bytes_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", true)
}

fn bytes_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", false)
}

/// find/rfind/index/rindex: the byte index or -1.
fn find_impl(vm: &mut Vm, args: &Args, name: &str, from_right: bool) -> PyResult<i64> {
    let b = this(args)?;
    let r = rest(args);
    no_kwargs(&format!("bytes.{name}"), &r)?;
    let p = super::varargs(name, &r, 1, 3)?;
    let sub = needle(vm, &p[0])?;
    let Some((start, end)) = adjust(vm, b.data.len(), p.get(1), p.get(2))? else {
        return Ok(-1);
    };
    Ok(find_sub(&b.data[start..end], &sub, from_right).map_or(-1, |i| (start + i) as i64))
}

fn bytes_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "find", false)?))
}

fn bytes_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "rfind", true)?))
}

fn bytes_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn bytes_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(PyErr::value_error("subsection not found")),
        i => Ok(Value::Int(i)),
    }
}

fn bytes_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let r = rest(&args);
    no_kwargs("bytes.count", &r)?;
    let p = super::varargs("count", &r, 1, 3)?;
    let sub = needle(vm, &p[0])?;
    let Some((start, end)) = adjust(vm, b.data.len(), p.get(1), p.get(2))? else {
        return Ok(Value::Int(0));
    };
    Ok(Value::Int(count_sub(&b.data[start..end], &sub) as i64))
}

fn partition_impl(args: &Args, from_right: bool) -> PyResult<Value> {
    let b = this(args)?;
    let name = if from_right {
        "rpartition"
    } else {
        "partition"
    };
    let sep = buffer(onearg(name, args)?)?;
    if sep.data.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let d = &b.data[..];
    let empty = || new_bytes(Vec::new());
    Ok(match find_sub(d, &sep.data, from_right) {
        Some(i) => Value::tuple(vec![
            new_bytes(d[..i].to_vec()),
            Value::Bytes(sep.clone()),
            new_bytes(d[i + sep.data.len()..].to_vec()),
        ]),
        None if from_right => Value::tuple(vec![empty(), empty(), Value::Bytes(b.clone())]),
        None => Value::tuple(vec![Value::Bytes(b.clone()), empty(), empty()]),
    })
}

fn bytes_partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, false)
}

fn bytes_rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, true)
}

fn bytes_removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let x = buffer(onearg("removeprefix", &args)?)?;
    Ok(match b.data.strip_prefix(&x.data[..]) {
        Some(r) => new_bytes(r.to_vec()),
        None => Value::Bytes(b),
    })
}

fn bytes_removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let x = buffer(onearg("removesuffix", &args)?)?;
    Ok(match b.data.strip_suffix(&x.data[..]) {
        Some(r) => new_bytes(r.to_vec()),
        None => Value::Bytes(b),
    })
}

// ---------------------------------------------------------------- padding

fn justify_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, u8)> {
    let r = rest(args);
    no_kwargs(&format!("bytes.{name}"), &r)?;
    let p = check_positional(name, &r, 1, 2)?;
    let width = vm.index_value(&p[0])?.max(0) as usize;
    let fill = match p.get(1) {
        None => b' ',
        Some(Value::Bytes(f)) if f.data.len() == 1 => f.data[0],
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "{name}() argument 2 must be a byte string of length 1, not {}",
                type_name(other)
            )))
        }
    };
    Ok((width, fill))
}

fn pad(b: &PyBytes, left: usize, right: usize, fill: u8) -> PyResult<Value> {
    let mut out = Vec::new();
    reserve(
        &mut out,
        left.saturating_add(right).saturating_add(b.data.len()),
    )?;
    out.resize(left, fill);
    out.extend_from_slice(&b.data);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(new_bytes(out))
}

fn bytes_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "center")?;
    let len = b.data.len();
    if width <= len {
        return Ok(Value::Bytes(b));
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    pad(&b, left, marg - left, fill)
}

fn bytes_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "ljust")?;
    pad(&b, 0, width.saturating_sub(b.data.len()), fill)
}

fn bytes_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "rjust")?;
    pad(&b, width.saturating_sub(b.data.len()), 0, fill)
}

fn bytes_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let width = vm.index_value(onearg("zfill", &args)?)?.max(0) as usize;
    let d = &b.data;
    if width <= d.len() {
        return Ok(Value::Bytes(b));
    }
    let fill = width - d.len();
    let (sign, digits) = match d.first() {
        Some(&c @ (b'+' | b'-')) => (vec![c], &d[1..]),
        _ => (Vec::new(), &d[..]),
    };
    let mut out = sign;
    reserve(&mut out, width)?;
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(digits);
    Ok(new_bytes(out))
}

fn bytes_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let a = parse_args("expandtabs", &rest(&args), &["tabsize"], 0)?;
    let tab = match &a[0] {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = Vec::new();
    let mut col = 0i64;
    for &c in &b.data {
        match c {
            b'\t' => {
                if tab > 0 {
                    let n = tab - (col % tab);
                    reserve(&mut out, n as usize)?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_bytes(out))
}

// ---------------------------------------------------------------- translate

/// `bytes.maketrans(frm, to)`, a staticmethod: the 256-byte table mapping `frm` to `to`.
fn bytes_maketrans(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("bytes.maketrans", &args)?;
    let p = check_positional("maketrans", &args, 2, 2)?;
    let frm = buffer(&p[0])?;
    let to = buffer(&p[1])?;
    if frm.data.len() != to.data.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (&f, &t) in frm.data.iter().zip(&to.data) {
        table[f as usize] = t;
    }
    Ok(new_bytes(table))
}

/// `bytes.translate(table, /, delete=b'')`.
fn bytes_translate(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let b = this(&args)?;
    let a = super::parse_args_posonly("translate", &rest(&args), &["table", "delete"], 1, 1)?;
    let table = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => {
            let t = buffer(v)?;
            if t.data.len() != 256 {
                return Err(PyErr::value_error(
                    "translation table must be 256 characters long",
                ));
            }
            Some(t)
        }
    };
    let delete = match &a[1] {
        None => Vec::new(),
        Some(v) => buffer(v)?.data.clone(),
    };
    let out = b
        .data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t.data[c as usize]))
        .collect();
    Ok(new_bytes(out))
}
