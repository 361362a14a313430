//! `str` (and `bytes`) construction and the str methods.

use super::{add_methods, check_positional, no_kwargs, parse_args, receiver};
use crate::objects::{unicode, Args};
use crate::vm::types::{type_name, BuiltinTypes};
use crate::vm::{PyErr, PyResult, Value, Vm};

pub fn str_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = parse_args("str", &args, &["object", "encoding", "errors"], 0)?;
    let Some(obj) = &a[0] else {
        return Ok(Value::str(""));
    };
    if a[1].is_none() && a[2].is_none() {
        return match obj {
            Value::Str(_) => Ok(obj.clone()),
            other => Ok(Value::str(vm.str(other)?)),
        };
    }
    let text_arg = |v: &Option<Value>, param: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => str_arg(v, &format!("str() argument '{param}' must be str")),
        }
    };
    let encoding = text_arg(&a[1], "encoding", "utf-8")?;
    let errors = text_arg(&a[2], "errors", "strict")?;
    match crate::vm::ops::payload_or_self(obj) {
        Value::Bytes(b) => Ok(Value::str(super::codecs::decode(
            &b.data, &encoding, &errors,
        )?)),
        Value::Str(_) => Err(PyErr::type_error("decoding str is not supported")),
        _ => Err(PyErr::type_error(format!(
            "decoding to str: need a bytes-like object, {} found",
            type_name(obj)
        ))),
    }
}

pub fn install_methods(t: &BuiltinTypes) {
    add_methods(
        &t.str_,
        &[
            ("lower", str_lower),
            ("upper", str_upper),
            ("casefold", str_casefold),
            ("swapcase", str_swapcase),
            ("capitalize", str_capitalize),
            ("title", str_title),
            ("strip", str_strip),
            ("lstrip", str_lstrip),
            ("rstrip", str_rstrip),
            ("split", str_split),
            ("rsplit", str_rsplit),
            ("splitlines", str_splitlines),
            ("join", str_join),
            ("replace", str_replace),
            ("startswith", str_startswith),
            ("endswith", str_endswith),
            ("find", str_find),
            ("rfind", str_rfind),
            ("index", str_index),
            ("rindex", str_rindex),
            ("count", str_count),
            ("isdigit", str_isdigit),
            ("isdecimal", str_isdecimal),
            ("isnumeric", str_isnumeric),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("islower", str_islower),
            ("isupper", str_isupper),
            ("istitle", str_istitle),
            ("isidentifier", str_isidentifier),
            ("isprintable", str_isprintable),
            ("isascii", str_isascii),
            ("center", str_center),
            ("ljust", str_ljust),
            ("rjust", str_rjust),
            ("zfill", str_zfill),
            ("partition", str_partition),
            ("rpartition", str_rpartition),
            ("expandtabs", str_expandtabs),
            ("removeprefix", str_removeprefix),
            ("removesuffix", str_removesuffix),
            ("encode", str_encode),
            ("format", str_format),
            ("format_map", str_format_map),
            ("translate", str_translate),
            ("__len__", str_len),
            ("__contains__", str_contains),
            ("__getitem__", str_getitem),
            ("__add__", str_add),
            ("__mul__", str_mul),
            ("__eq__", str_eq),
            ("__hash__", str_hash),
            ("__str__", str_str),
            ("__repr__", str_repr_method),
            ("__new__", str_dunder_new),
        ],
    );
    super::add_descriptors(&t.str_, &t.object, false, &[("maketrans", str_maketrans)]);
}

/// The str a method was called on.
fn this(args: &Args) -> PyResult<std::rc::Rc<crate::objects::PyStr>> {
    match receiver(args) {
        Value::Str(s) => Ok(s),
        other => Err(PyErr::type_error(format!(
            "descriptor requires a 'str' object but received a '{}'",
            type_name(&other)
        ))),
    }
}

fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args::with_kw(&args.args[1..], args.kwnames)
}

fn str_arg(v: &Value, what: &str) -> PyResult<String> {
    match v {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Instance(i) => match &*i.payload.borrow() {
            Value::Str(s) => Ok(s.as_str().to_string()),
            _ => Err(PyErr::type_error(format!("{what}, not {}", type_name(v)))),
        },
        other => Err(PyErr::type_error(format!(
            "{what}, not {}",
            type_name(other)
        ))),
    }
}

fn noargs(name: &str, args: &Args) -> PyResult<()> {
    super::no_args(&format!("str.{name}"), &rest(args))
}

/// A METH_O method: `str.zfill() takes exactly one argument (0 given)`.
fn onearg<'a>(name: &str, args: &Args<'a>) -> PyResult<&'a Value> {
    super::one_arg(&format!("str.{name}"), &rest(args))
}

fn str_lower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("lower", &args)?;
    Ok(Value::str(unicode::lower(this(&args)?.as_str())))
}

fn str_upper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("upper", &args)?;
    Ok(Value::str(unicode::upper(this(&args)?.as_str())))
}

fn str_casefold(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("casefold", &args)?;
    Ok(Value::str(unicode::casefold(this(&args)?.as_str())))
}

fn str_swapcase(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("swapcase", &args)?;
    Ok(Value::str(unicode::swapcase(this(&args)?.as_str())))
}

fn str_capitalize(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("capitalize", &args)?;
    Ok(Value::str(unicode::capitalize(this(&args)?.as_str())))
}

fn str_title(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("title", &args)?;
    Ok(Value::str(unicode::title(this(&args)?.as_str())))
}

fn strip_chars(args: &Args, name: &str) -> PyResult<Option<Vec<char>>> {
    let r = rest(args);
    no_kwargs(&format!("str.{name}"), &r)?;
    let p = check_positional(name, &r, 0, 1)?;
    match p.first() {
        None | Some(Value::None) => Ok(None),
        Some(Value::Str(s)) => Ok(Some(s.as_str().chars().collect())),
        Some(_) => Err(PyErr::type_error(format!("{name} arg must be None or str"))),
    }
}

fn strip_impl(args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let s = this(args)?;
    let chars = strip_chars(args, name)?;
    let pred = |c: char| match &chars {
        None => unicode::is_space(c),
        Some(cs) => cs.contains(&c),
    };
    let mut t = s.as_str();
    if left {
        t = t.trim_start_matches(pred);
    }
    if right {
        t = t.trim_end_matches(pred);
    }
    Ok(Value::str(t))
}

fn str_strip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "strip", true, true)
}

fn str_lstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "lstrip", true, false)
}

fn str_rstrip(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(&args, "rstrip", false, true)
}

fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Option<String>, i64)> {
    let a = parse_args(name, &rest(args), &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(s)) => {
            if s.as_str().is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            Some(s.as_str().to_string())
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "must be str or None, not {}",
                type_name(other)
            )))
        }
    };
    let maxsplit = match &a[1] {
        None => -1,
        Some(v) => vm.index_value(v)?,
    };
    Ok((sep, maxsplit))
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    let text = s.as_str();
    let mut parts: Vec<String> = Vec::new();
    match sep {
        None => {
            let mut rest = text.trim_start_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    parts.push(rest.to_string());
                    break;
                }
                match rest.find(unicode::is_space) {
                    Some(i) => {
                        parts.push(rest[..i].to_string());
                        rest = rest[i..].trim_start_matches(unicode::is_space);
                        n += 1;
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
        }
        Some(sep) => {
            if maxsplit < 0 {
                parts = text.split(sep.as_str()).map(String::from).collect();
            } else {
                parts = text
                    .splitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let text = s.as_str();
    let mut parts: Vec<String> = Vec::new();
    match sep {
        None => {
            let mut rest = text.trim_end_matches(unicode::is_space);
            let mut n = 0;
            while !rest.is_empty() {
                if maxsplit >= 0 && n >= maxsplit {
                    parts.push(rest.to_string());
                    break;
                }
                match rest.rfind(unicode::is_space) {
                    Some(i) => {
                        let ch = rest[i..].chars().next().map_or(1, |c| c.len_utf8());
                        parts.push(rest[i + ch..].to_string());
                        rest = rest[..i].trim_end_matches(unicode::is_space);
                        n += 1;
                    }
                    None => {
                        parts.push(rest.to_string());
                        break;
                    }
                }
            }
            parts.reverse();
        }
        Some(sep) => {
            if maxsplit < 0 {
                parts = text.split(sep.as_str()).map(String::from).collect();
            } else {
                parts = text
                    .rsplitn(maxsplit as usize + 1, sep.as_str())
                    .map(String::from)
                    .collect();
                parts.reverse();
            }
        }
    }
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let a = parse_args("splitlines", &rest(&args), &["keepends"], 0)?;
    let keep = match &a[0] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let text = s.as_str();
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = pos + c.len_utf8();
            if c == '\r' && i + 1 < chars.len() && chars[i + 1].1 == '\n' {
                end += 1;
                i += 1;
            }
            out.push(Value::str(if keep {
                &text[start..end]
            } else {
                &text[start..pos]
            }));
            start = end;
        }
        i += 1;
    }
    if start < text.len() {
        out.push(Value::str(&text[start..]));
    }
    Ok(Value::list(out))
}

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let r = rest(&args);
    let p = super::one_arg("str.join", &r)?;
    // PySequence_Fast(seq, "can only join an iterable").
    let it = match vm.iter(p) {
        Err(e) if e.is(crate::vm::ExcKind::TypeError) => {
            return Err(PyErr::type_error("can only join an iterable"))
        }
        r => r?,
    };
    let items = vm.collect(&it)?;
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(s.as_str());
        }
        match item {
            Value::Str(x) => out.push_str(x.as_str()),
            Value::Instance(inst) if matches!(&*inst.payload.borrow(), Value::Str(_)) => {
                out.push_str(&str_arg(item, "")?);
            }
            other => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    type_name(other)
                )))
            }
        }
    }
    Ok(Value::str(out))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let r = rest(&args);
    no_kwargs("str.replace", &r)?;
    let p = check_positional("replace", &r, 2, 3)?;
    let old = str_arg(&p[0], "replace() argument 1 must be str")?;
    let new = str_arg(&p[1], "replace() argument 2 must be str")?;
    let count = match p.get(2) {
        Some(c) => vm.index_value(c)?,
        None => -1,
    };
    let text = s.as_str();
    if count < 0 {
        if old.is_empty() {
            // Insert `new` between every character (and at both ends).
            let mut out = String::with_capacity(text.len() * (new.len() + 1) + new.len());
            out.push_str(&new);
            for c in text.chars() {
                out.push(c);
                out.push_str(&new);
            }
            return Ok(Value::str(out));
        }
        return Ok(Value::str(text.replace(&old, &new)));
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for c in text.chars() {
            if n < count {
                out.push_str(&new);
                n += 1;
            }
            out.push(c);
        }
        if n < count {
            out.push_str(&new);
        }
        return Ok(Value::str(out));
    }
    Ok(Value::str(text.replacen(&old, &new, count as usize)))
}

/// Resolves optional start/end arguments to a byte range of `s`, as CPython's ADJUST_INDICES:
/// negative bounds count from the end, `end` is clamped to the length but `start` is not, so a start
/// beyond the end makes the range empty-and-invalid (`"abc".find("", 5) == -1`). The flag says
/// whether the range is valid.
fn range_args(
    vm: &mut Vm,
    s: &crate::objects::PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<(usize, usize, bool)> {
    let len = s.char_len() as i64;
    let bound = |vm: &mut Vm, v: Option<&Value>, default: i64| -> PyResult<i64> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let i = vm.index_value(x)?;
                Ok(if i < 0 { (i + len).max(0) } else { i })
            }
        }
    };
    let a = bound(vm, start, 0)?;
    let b = bound(vm, end, len)?.min(len);
    let valid = a <= b;
    let a = a.min(len) as usize;
    let b = (b as usize).max(a);
    Ok((s.byte_offset(a), s.byte_offset(b), valid))
}

fn affix(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let s = this(args)?;
    let r = rest(args);
    // A direct call names the method `str.find`; varargs then counts the arguments.
    no_kwargs(&format!("str.{name}"), &r)?;
    let p = super::varargs(name, &r, 1, 3)?;
    let (a, b, ok) = range_args(vm, &s, p.get(1), p.get(2))?;
    if !ok {
        return Ok(Value::Bool(false));
    }
    let text = &s.as_str()[a..b];
    let check = |x: &str| {
        if prefix {
            text.starts_with(x)
        } else {
            text.ends_with(x)
        }
    };
    match &p[0] {
        Value::Str(x) => Ok(Value::Bool(check(x.as_str()))),
        Value::Tuple(t) => {
            for item in t.items.iter() {
                match item {
                    Value::Str(x) => {
                        if check(x.as_str()) {
                            return Ok(Value::Bool(true));
                        }
                    }
                    other => {
                        return Err(PyErr::type_error(format!(
                            "tuple for {name} must only contain str, not {}",
                            type_name(other)
                        )))
                    }
                }
            }
            Ok(Value::Bool(false))
        }
        other => Err(PyErr::type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            type_name(other)
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "startswith", true)
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix(vm, &args, "endswith", false)
}

/// find/rfind/index/rindex/count share argument handling; returns the char index or -1.
fn find_impl(vm: &mut Vm, args: &Args, name: &str, from_right: bool) -> PyResult<i64> {
    let s = this(args)?;
    let r = rest(args);
    // A direct call names the method `str.find`; varargs then counts the arguments.
    no_kwargs(&format!("str.{name}"), &r)?;
    let p = super::varargs(name, &r, 1, 3)?;
    let sub = str_arg(&p[0], "must be str")?;
    let (a, b, ok) = range_args(vm, &s, p.get(1), p.get(2))?;
    if !ok || b < a {
        return Ok(-1);
    }
    let text = &s.as_str()[a..b];
    let found = if from_right {
        text.rfind(&sub)
    } else {
        text.find(&sub)
    };
    Ok(match found {
        Some(i) => s.as_str()[..a + i].chars().count() as i64,
        None => -1,
    })
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "find", false)?))
}

fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(find_impl(vm, &args, "rfind", true)?))
}

fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        -1 => Err(PyErr::value_error("substring not found")),
        i => Ok(Value::Int(i)),
    }
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let r = rest(&args);
    no_kwargs("str.count", &r)?;
    let p = super::varargs("count", &r, 1, 3)?;
    let sub = str_arg(&p[0], "must be str")?;
    let (a, b, ok) = range_args(vm, &s, p.get(1), p.get(2))?;
    if !ok || b < a {
        return Ok(Value::Int(0));
    }
    let text = &s.as_str()[a..b];
    if sub.is_empty() {
        return Ok(Value::Int(text.chars().count() as i64 + 1));
    }
    Ok(Value::Int(text.matches(sub.as_str()).count() as i64))
}

fn all_chars(args: &Args, name: &str, pred: impl Fn(char) -> bool) -> PyResult<Value> {
    noargs(name, args)?;
    let s = this(args)?;
    Ok(Value::Bool(
        !s.as_str().is_empty() && s.as_str().chars().all(pred),
    ))
}

fn str_isdigit(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isdigit", unicode::is_digit)
}

fn str_isdecimal(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isdecimal", unicode::is_decimal)
}

fn str_isnumeric(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isnumeric", unicode::is_numeric)
}

fn str_isalpha(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isalpha", unicode::is_alpha)
}

fn str_isalnum(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isalnum", unicode::is_alnum)
}

fn str_isspace(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    all_chars(&args, "isspace", unicode::is_space)
}

fn str_islower(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("islower", &args)?;
    let s = this(&args)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= unicode::is_lower(c);
    }
    Ok(Value::Bool(cased))
}

fn str_isupper(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isupper", &args)?;
    let s = this(&args)?;
    let mut cased = false;
    for c in s.as_str().chars() {
        if unicode::is_lower(c) || unicode::is_title(c) {
            return Ok(Value::Bool(false));
        }
        cased |= unicode::is_upper(c);
    }
    Ok(Value::Bool(cased))
}

fn str_istitle(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("istitle", &args)?;
    let s = this(&args)?;
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.as_str().chars() {
        if unicode::is_upper(c) || unicode::is_title(c) {
            if prev_cased {
                return Ok(Value::Bool(false));
            }
            prev_cased = true;
            cased = true;
        } else if unicode::is_lower(c) {
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

fn str_isidentifier(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isidentifier", &args)?;
    let s = this(&args)?;
    let mut chars = s.as_str().chars();
    let ok = match chars.next() {
        Some(c) => unicode::is_xid_start(c) && chars.all(unicode::is_xid_continue),
        None => false,
    };
    Ok(Value::Bool(ok))
}

fn str_isprintable(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isprintable", &args)?;
    let s = this(&args)?;
    Ok(Value::Bool(s.as_str().chars().all(unicode::is_printable)))
}

fn str_isascii(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    noargs("isascii", &args)?;
    let s = this(&args)?;
    Ok(Value::Bool(s.is_ascii()))
}

fn justify_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(usize, char)> {
    let r = rest(args);
    no_kwargs(&format!("str.{name}"), &r)?;
    let p = check_positional(name, &r, 1, 2)?;
    let width = vm.index_value(&p[0])?.max(0) as usize;
    let fill = match p.get(1) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
        Some(Value::Str(_)) => {
            return Err(PyErr::type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(other) => {
            return Err(PyErr::type_error(format!(
                "The fill character must be a unicode character, not {}",
                type_name(other)
            )))
        }
    };
    Ok((width, fill))
}

/// `text` with `left` and `right` copies of `fill` around it; MemoryError (as CPython) rather
/// than an aborting allocation when the result cannot be built.
fn padded(text: &str, left: usize, right: usize, fill: char) -> PyResult<Value> {
    let mut out = String::new();
    let total = left
        .saturating_add(right)
        .saturating_mul(fill.len_utf8())
        .saturating_add(text.len());
    crate::vm::limits::check_allocation(total)?;
    out.try_reserve_exact(total)
        .map_err(|_| PyErr::with_args(crate::vm::ExcKind::MemoryError, vec![]))?;
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::str(out))
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "center")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    let marg = width - len;
    // CPython: left = marg / 2 + (marg & width & 1).
    let left = marg / 2 + (marg & width & 1);
    padded(s.as_str(), left, marg - left, fill)
}

fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "ljust")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    padded(s.as_str(), 0, width - len, fill)
}

fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let (width, fill) = justify_args(vm, &args, "rjust")?;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    padded(s.as_str(), width - len, 0, fill)
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let width = vm.index_value(onearg("zfill", &args)?)?.max(0) as usize;
    let len = s.char_len();
    if width <= len {
        return Ok(Value::Str(s));
    }
    let text = s.as_str();
    match text.chars().next() {
        Some(c @ ('+' | '-')) => match padded(&text[1..], width - len, 0, '0')? {
            Value::Str(p) => Ok(Value::str(format!("{c}{}", p.as_str()))),
            other => Ok(other),
        },
        _ => padded(text, width - len, 0, '0'),
    }
}

fn partition_impl(args: &Args, from_right: bool) -> PyResult<Value> {
    let s = this(args)?;
    let name = if from_right {
        "rpartition"
    } else {
        "partition"
    };
    let sep = str_arg(onearg(name, args)?, "must be str")?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if from_right {
        text.rfind(&sep)
    } else {
        text.find(&sep)
    };
    Ok(match found {
        Some(i) => Value::tuple(vec![
            Value::str(&text[..i]),
            Value::str(sep.clone()),
            Value::str(&text[i + sep.len()..]),
        ]),
        None => {
            if from_right {
                Value::tuple(vec![Value::str(""), Value::str(""), Value::Str(s.clone())])
            } else {
                Value::tuple(vec![Value::Str(s.clone()), Value::str(""), Value::str("")])
            }
        }
    })
}

fn str_partition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, false)
}

fn str_rpartition(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(&args, true)
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let a = parse_args("expandtabs", &rest(&args), &["tabsize"], 0)?;
    let tab = match &a[0] {
        Some(v) => vm.index_value(v)?,
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tab > 0 {
                    let n = tab - (col % tab);
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            c => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::str(out))
}

fn str_removeprefix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let x = str_arg(
        onearg("removeprefix", &args)?,
        "removeprefix() argument must be str",
    )?;
    Ok(Value::str(
        s.as_str().strip_prefix(x.as_str()).unwrap_or(s.as_str()),
    ))
}

fn str_removesuffix(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let x = str_arg(
        onearg("removesuffix", &args)?,
        "removesuffix() argument must be str",
    )?;
    Ok(Value::str(
        s.as_str().strip_suffix(x.as_str()).unwrap_or(s.as_str()),
    ))
}

fn str_encode(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let a = parse_args("encode", &rest(&args), &["encoding", "errors"], 0)?;
    let text_arg = |v: &Option<Value>, param: &str, default: &str| -> PyResult<String> {
        match v {
            None => Ok(default.to_string()),
            Some(v) => str_arg(v, &format!("encode() argument '{param}' must be str")),
        }
    };
    let encoding = text_arg(&a[0], "encoding", "utf-8")?;
    let errors = text_arg(&a[1], "errors", "strict")?;
    Ok(crate::vm::collections::new_bytes(super::codecs::encode(
        s.as_str(),
        &encoding,
        &errors,
    )?))
}

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let r = rest(&args);
    let positional = r.positional().to_vec();
    let keywords: Vec<(String, Value)> = r
        .keywords()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    super::format::str_format(vm, s.as_str(), &positional, &keywords, None).map(Value::str)
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let mapping = onearg("format_map", &args)?;
    super::format::str_format(vm, s.as_str(), &[], &[], Some(mapping)).map(Value::str)
}

fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // A staticmethod: no receiver.
    no_kwargs("str.maketrans", &args)?;
    let p = check_positional("maketrans", &args, 1, 3)?;
    let d = std::rc::Rc::new(crate::objects::PyDict::new());
    match p.len() {
        1 => {
            if let Value::Dict(src) = &p[0] {
                for (k, v) in src.items() {
                    let key = match &k {
                        Value::Str(s) if s.char_len() == 1 => {
                            Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                        }
                        other => other.clone(),
                    };
                    vm.dict_set(&d, key, v)?;
                }
                return Ok(Value::Dict(d));
            }
            Err(PyErr::type_error(
                "if you give only one argument to maketrans it must be a dict",
            ))
        }
        2 | 3 => {
            let y = str_arg(&p[1], "maketrans() argument 2 must be str")?;
            let z = match p.get(2) {
                Some(z) => str_arg(z, "maketrans() argument 3 must be str")?,
                None => String::new(),
            };
            let Value::Str(x) = &p[0] else {
                return Err(PyErr::type_error(
                    "first maketrans argument must be a string if there is a second argument",
                ));
            };
            let x = x.as_str();
            if x.chars().count() != y.chars().count() {
                return Err(PyErr::value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (a, b) in x.chars().zip(y.chars()) {
                vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
            }
            for c in z.chars() {
                vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
            }
            Ok(Value::Dict(d))
        }
        _ => Err(PyErr::type_error("maketrans() takes at most 3 arguments")),
    }
}

fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = this(&args)?;
    let table = onearg("translate", &args)?.clone();
    let mut out = String::new();
    for c in s.as_str().chars() {
        match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Int(i)) => out.push(char::from_u32(i as u32).unwrap_or(c)),
            Ok(Value::Str(t)) => out.push_str(t.as_str()),
            Ok(_) => {
                return Err(PyErr::type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is(crate::vm::ExcKind::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(Value::str(out))
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    Ok(Value::Int(vm.len(&s)? as i64))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let x = args.args.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Bool(vm.contains(&s, &x)?))
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let i = args.args.get(1).cloned().unwrap_or(Value::None);
    vm.getitem(&s, &i)
}

fn str_add(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let o = crate::vm::ops::payload_or_self(args.args.get(1).unwrap_or(&Value::None));
    crate::vm::ops::binary_builtin(crate::syntax::ast::Operator::Add, &s, &o)
        .unwrap_or(Ok(Value::NotImplemented))
}

fn str_mul(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let o = args.args.get(1).cloned().unwrap_or(Value::None);
    match crate::vm::ops::binary_builtin(crate::syntax::ast::Operator::Mult, &s, &o) {
        Some(r) => r,
        None => Ok(Value::NotImplemented),
    }
}

fn str_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    let o = crate::vm::ops::payload_or_self(args.args.get(1).unwrap_or(&Value::None));
    match (&s, &o) {
        (Value::Str(a), Value::Str(b)) => Ok(Value::Bool(a.as_str() == b.as_str())),
        _ => Ok(Value::NotImplemented),
    }
}

fn str_hash(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match receiver(&args) {
        Value::Str(s) => Ok(Value::Int(s.hash())),
        _ => Err(PyErr::type_error(
            "descriptor '__hash__' requires a 'str' object",
        )),
    }
}

fn str_str(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(receiver(&args))
}

fn str_repr_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = receiver(&args);
    Ok(Value::str(vm.repr(&s)?))
}

/// `str.__new__(cls, value)`: for subclasses, an instance carrying the str payload.
fn str_dunder_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.args.first().cloned().unwrap_or(Value::None);
    let rest_args = Args::with_kw(&args.args[1..], args.kwnames);
    let value = str_new(vm, rest_args)?;
    match &cls {
        Value::Type(t) if !t.builtin => {
            let obj = vm.new_instance(t, &[], &[])?;
            if let Value::Instance(i) = &obj {
                *i.payload.borrow_mut() = value;
            }
            Ok(obj)
        }
        _ => Ok(value),
    }
}
