//! Text formatting: the format-spec mini-language (`format()`, f-strings, `str.format`), printf-style
//! `%` formatting, and `str.format` field parsing, with CPython's rules and messages.

use crate::objects::float::{float_repr, shortest_digits};
use crate::vm::types::type_name;
use crate::vm::{PyErr, PyResult, Value, Vm};
use num_bigint::BigInt;
use num_traits::Signed;

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub z: bool,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

pub fn parse_spec(spec: &str, obj: &Value) -> PyResult<Spec> {
    let invalid = || PyErr::value_error("Invalid format specifier");
    let c: Vec<char> = spec.chars().collect();
    let mut s = Spec::default();
    let mut i = 0;
    let is_align = |ch: char| matches!(ch, '<' | '>' | '=' | '^');
    if c.len() >= 2 && is_align(c[1]) {
        s.fill = Some(c[0]);
        s.align = Some(c[1]);
        i = 2;
    } else if !c.is_empty() && is_align(c[0]) {
        s.align = Some(c[0]);
        i = 1;
    }
    if i < c.len() && matches!(c[i], '+' | '-' | ' ') {
        s.sign = Some(c[i]);
        i += 1;
    }
    if i < c.len() && c[i] == 'z' {
        s.z = true;
        i += 1;
    }
    if i < c.len() && c[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < c.len() && c[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < c.len() && c[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(
            c[start..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
        );
    }
    if i < c.len() && (c[i] == ',' || c[i] == '_') {
        s.grouping = Some(c[i]);
        i += 1;
        if i < c.len() && (c[i] == ',' || c[i] == '_') {
            return Err(PyErr::value_error("Cannot specify both ',' and '_'."));
        }
    }
    if i < c.len() && c[i] == '.' {
        i += 1;
        let ps = i;
        while i < c.len() && c[i].is_ascii_digit() {
            i += 1;
        }
        if i == ps {
            return Err(PyErr::value_error("Format specifier missing precision"));
        }
        s.precision = Some(
            c[ps..i]
                .iter()
                .collect::<String>()
                .parse()
                .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))?,
        );
    }
    if c.len() - i > 1 {
        let _ = obj;
        return Err(invalid());
    }
    if i < c.len() {
        s.ty = Some(c[i]);
    }
    if s.zero && s.fill.is_none() && s.align.is_none() {
        s.fill = Some('0');
        s.align = Some('=');
    }
    Ok(s)
}

/// Pads `body` (with `prefix` = sign and base prefix) to the spec's width.
fn pad(s: &Spec, prefix: &str, body: &str, default_align: char) -> String {
    let width = s.width.unwrap_or(0);
    let len = prefix.chars().count() + body.chars().count();
    if len >= width {
        return format!("{prefix}{body}");
    }
    let fill = s.fill.unwrap_or(' ').to_string();
    let n = width - len;
    match s.align.unwrap_or(default_align) {
        '<' => format!("{prefix}{body}{}", fill.repeat(n)),
        '^' => format!(
            "{}{prefix}{body}{}",
            fill.repeat(n / 2),
            fill.repeat(n - n / 2)
        ),
        '=' => format!("{prefix}{}{body}", fill.repeat(n)),
        _ => format!("{}{prefix}{body}", fill.repeat(n)),
    }
}

/// Inserts `sep` every `every` digits from the right; when zero-padding to `min_width`, the
/// padding digits are grouped too (CPython's behaviour for `{:010,}`).
fn group(digits: &str, sep: char, every: usize, min_width: usize) -> String {
    let mut d: Vec<char> = digits.chars().collect();
    if min_width > 0 {
        loop {
            let groups = (d.len().max(1) - 1) / every;
            if d.len() + groups >= min_width {
                break;
            }
            d.insert(0, '0');
        }
    }
    let mut out = String::new();
    for (i, ch) in d.iter().enumerate() {
        if i > 0 && (d.len() - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(*ch);
    }
    out
}

fn sign_str(negative: bool, sign: Option<char>) -> &'static str {
    if negative {
        "-"
    } else {
        match sign {
            Some('+') => "+",
            Some(' ') => " ",
            _ => "",
        }
    }
}

/// Width left for digits when zero-padding with `=` alignment and a fill of '0'.
fn zero_width(s: &Spec, prefix_len: usize) -> usize {
    if s.align == Some('=') && s.fill == Some('0') {
        s.width.unwrap_or(0).saturating_sub(prefix_len)
    } else {
        0
    }
}

fn format_int(v: &BigInt, s: &Spec) -> PyResult<String> {
    if s.precision.is_some() {
        return Err(PyErr::value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if s.z {
        return Err(PyErr::value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    let ty = s.ty.unwrap_or('d');
    if ty == 'c' {
        if s.sign.is_some() {
            return Err(PyErr::value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        let c = v
            .to_string()
            .parse::<u32>()
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?;
        return Ok(pad(s, "", &c.to_string(), '>'));
    }
    let (radix, prefix) = match ty {
        'd' | 'n' => (10, ""),
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => unreachable!("checked by caller"),
    };
    if let Some(g) = s.grouping {
        if g == ',' && radix != 10 {
            return Err(PyErr::value_error(format!(
                "Cannot specify ',' with '{ty}'."
            )));
        }
    }
    let mut digits = v.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits = digits.to_uppercase();
    }
    let sign = sign_str(v.is_negative(), s.sign);
    let prefix = if s.alternate { prefix } else { "" };
    let full_prefix = format!("{sign}{prefix}");
    let body = match s.grouping {
        Some(g) => group(
            &digits,
            g,
            if radix == 10 { 3 } else { 4 },
            zero_width(s, full_prefix.chars().count()),
        ),
        None => digits,
    };
    Ok(pad(s, &full_prefix, &body, '>'))
}

/// `x` in exponent notation with `prec` digits after the point, CPython-style exponent.
pub fn exp_format(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    format!(
        "{mant}{}{}{:02}",
        if upper { 'E' } else { 'e' },
        if e < 0 { '-' } else { '+' },
        e.abs()
    )
}

/// Decimal exponent of `x` after rounding to `p` significant digits.
fn rounded_exponent(x: f64, p: usize) -> i32 {
    let s = format!("{:.*e}", p.saturating_sub(1), x);
    s.split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0)
}

/// The 'g' format with precision `p` (0 means 1), trailing zeros removed unless `alternate`.
pub fn general_format(x: f64, p: usize, alternate: bool, upper: bool) -> String {
    let p = p.max(1);
    let exp = rounded_exponent(x, p);
    let mut s = if (-4..p as i32).contains(&exp) {
        format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x)
    } else {
        exp_format(x, p - 1, upper)
    };
    if !alternate {
        s = strip_zeros(&s);
    } else if !s.contains('.') && !s.contains('e') && !s.contains('E') {
        s.push('.');
    }
    s
}

fn strip_zeros(s: &str) -> String {
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], &s[i..]),
        None => (s, ""),
    };
    let mant = if mant.contains('.') {
        mant.trim_end_matches('0').trim_end_matches('.')
    } else {
        mant
    };
    format!("{mant}{exp}")
}

/// Formats a float's magnitude (sign handled by the caller) for one format type.
fn float_body(x: f64, s: &Spec, ty: Option<char>) -> String {
    let upper = matches!(ty, Some('E' | 'F' | 'G'));
    if !x.is_finite() {
        let word = match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        };
        // The '%' type keeps its percent sign even for inf and nan.
        let percent = if ty == Some('%') { "%" } else { "" };
        return format!("{word}{percent}");
    }
    let mut out = match ty {
        Some('f' | 'F') => format!("{:.*}", s.precision.unwrap_or(6), x),
        Some('e' | 'E') => exp_format(x, s.precision.unwrap_or(6), upper),
        Some('g' | 'G') => general_format(x, s.precision.unwrap_or(6), s.alternate, upper),
        Some('%') => format!("{:.*}%", s.precision.unwrap_or(6), x * 100.0),
        Some('n') => general_format(x, s.precision.unwrap_or(6), s.alternate, false),
        _ => match s.precision {
            None => {
                let r = float_repr(x);
                if s.alternate && !r.contains('.') && !r.contains('e') {
                    format!("{r}.")
                } else {
                    r
                }
            }
            Some(p) => {
                // Like 'g', but fixed notation keeps at least one digit after the point, and
                // scientific notation is used from exponent p - 1 on.
                let p = p.max(1);
                let exp = rounded_exponent(x, p);
                if exp >= -4 && exp < p as i32 {
                    let mut t = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, x);
                    if !s.alternate {
                        t = strip_zeros(&t);
                    }
                    if !t.contains('.') {
                        t.push_str(".0");
                    }
                    t
                } else {
                    let t = exp_format(x, p - 1, false);
                    if s.alternate {
                        t
                    } else {
                        strip_zeros(&t)
                    }
                }
            }
        },
    };
    if s.alternate && matches!(ty, Some('f' | 'F' | 'e' | 'E' | '%')) && !out.contains('.') {
        // '#' keeps the decimal point even with zero precision.
        match out.find(['e', 'E', '%']) {
            Some(i) => out.insert(i, '.'),
            None => out.push('.'),
        }
    }
    out
}

/// Groups the integer part of a formatted float.
fn group_float(body: &str, s: &Spec, prefix_len: usize) -> String {
    let Some(g) = s.grouping else {
        return body.to_string();
    };
    let split = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let (int_part, rest) = body.split_at(split);
    let zw = zero_width(s, prefix_len).saturating_sub(rest.chars().count());
    format!("{}{rest}", group(int_part, g, 3, zw))
}

fn format_float(x: f64, s: &Spec) -> PyResult<String> {
    let ty = s.ty;
    let mut negative = x.is_sign_negative() && !x.is_nan();
    let mag = x.abs();
    let mut body = float_body(mag, s, ty);
    if s.z && negative && body.chars().all(|c| !c.is_ascii_digit() || c == '0') {
        negative = false;
    }
    let sign = sign_str(negative, s.sign);
    body = group_float(&body, s, sign.len());
    Ok(pad(s, sign, &body, '>'))
}

fn format_complex(re: f64, im: f64, s: &Spec) -> PyResult<String> {
    if s.fill == Some('0') && s.zero {
        return Err(PyErr::value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    let no_type = s.ty.is_none();
    let part = |x: f64, force_sign: bool| -> String {
        let mut sub = s.clone();
        sub.width = None;
        let body = if no_type && s.precision.is_none() {
            crate::objects::float::float_repr_bare(x.abs(), false)
        } else if no_type {
            general_format(x.abs(), s.precision.unwrap_or(6), s.alternate, false)
        } else {
            float_body(x.abs(), &sub, s.ty)
        };
        let neg = x.is_sign_negative() && !x.is_nan();
        let sign = if neg {
            "-"
        } else if force_sign {
            "+"
        } else {
            sign_str(false, s.sign)
        };
        format!("{sign}{body}")
    };
    let text = if no_type && re == 0.0 && re.is_sign_positive() {
        format!("{}j", part(im, false))
    } else if no_type {
        format!("({}{}j)", part(re, false), part(im, true))
    } else {
        format!("{}{}j", part(re, false), part(im, true))
    };
    Ok(pad(s, "", &text, '>'))
}

fn format_str(text: &str, s: &Spec) -> PyResult<String> {
    if s.sign.is_some() {
        return Err(PyErr::value_error(
            "Sign not allowed in string format specifier",
        ));
    }
    if s.alternate {
        return Err(PyErr::value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if s.align == Some('=') {
        return Err(PyErr::value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    if s.grouping.is_some() {
        return Err(PyErr::value_error(format!(
            "Cannot specify '{}' with 's'.",
            s.grouping.unwrap_or(',')
        )));
    }
    let t: String = match s.precision {
        Some(p) => text.chars().take(p).collect(),
        None => text.to_string(),
    };
    Ok(pad(s, "", &t, '<'))
}

fn unknown_code(ty: char, v: &Value) -> PyErr {
    PyErr::value_error(format!(
        "Unknown format code '{ty}' for object of type '{}'",
        type_name(v)
    ))
}

/// `format(v, spec)` for built-in values.
pub fn format_builtin(vm: &mut Vm, v: &Value, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return vm.str(v);
    }
    let s = parse_spec(spec, v)?;
    match v {
        Value::Bool(_) | Value::Int(_) | Value::BigInt(_) => {
            let b = match v {
                Value::Int(i) => BigInt::from(*i),
                Value::Bool(x) => BigInt::from(*x as i64),
                Value::BigInt(b) => (**b).clone(),
                _ => unreachable!("matched above"),
            };
            match s.ty {
                None if matches!(v, Value::Bool(_))
                    && s.width.is_none()
                    && s.precision.is_none()
                    && s.sign.is_none() =>
                {
                    format_str(&vm.str(v)?, &s)
                }
                None | Some('d' | 'n' | 'b' | 'o' | 'x' | 'X' | 'c') => format_int(&b, &s),
                Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
                    format_float(super::numbers::to_f64(v)?, &s)
                }
                Some(t) => Err(unknown_code(t, v)),
            }
        }
        Value::Float(x) => match s.ty {
            None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' | 'n') => format_float(*x, &s),
            Some(t) => Err(unknown_code(t, v)),
        },
        Value::Complex(c) => match s.ty {
            None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') => format_complex(c.re, c.im, &s),
            Some(t) => Err(unknown_code(t, v)),
        },
        Value::Str(text) => match s.ty {
            None | Some('s') => format_str(text.as_str(), &s),
            Some(t) => Err(unknown_code(t, v)),
        },
        _ => Err(PyErr::type_error(format!(
            "unsupported format string passed to {}.__format__",
            type_name(v)
        ))),
    }
}

// ---------------------------------------------------------------- printf-style %

/// `fmt % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<String> {
    let chars: Vec<char> = fmt.chars().collect();
    let (items, mapping): (Vec<Value>, Option<Value>) = match args {
        Value::Tuple(t) => (t.items.to_vec(), None),
        Value::Dict(_) => (vec![args.clone()], Some(args.clone())),
        Value::Instance(_)
            if crate::vm::types::type_of(args)
                .lookup("__getitem__")
                .is_some()
                && !matches!(
                    crate::vm::ops::payload_or_self(args)
                        .as_str()
                        .unwrap_or("x"),
                    ""
                ) =>
        {
            (vec![args.clone()], Some(args.clone()))
        }
        other => (vec![other.clone()], None),
    };
    let mut next = 0usize;
    let mut used_mapping = false;
    let mut out = String::new();
    let mut i = 0;
    let take = |next: &mut usize| -> PyResult<Value> {
        let v = items
            .get(*next)
            .cloned()
            .ok_or_else(|| PyErr::type_error("not enough arguments for format string"))?;
        *next += 1;
        Ok(v)
    };
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        if i >= chars.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        // Mapping key.
        let mut value: Option<Value> = None;
        if chars[i] == '(' {
            let Some(m) = &mapping else {
                return Err(PyErr::type_error("format requires a mapping"));
            };
            let mut depth = 1;
            let ks = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                if chars[i] == '(' {
                    depth += 1;
                } else if chars[i] == ')' {
                    depth -= 1;
                }
                i += 1;
            }
            if depth > 0 {
                return Err(PyErr::value_error("incomplete format key"));
            }
            let key: String = chars[ks..i - 1].iter().collect();
            value = Some(vm.getitem(m, &Value::str(key))?);
            used_mapping = true;
            // As in CPython, a keyed conversion consumes the argument itself.
            next = items.len();
        }
        let mut flags = Spec::default();
        let mut left = false;
        while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
            match chars[i] {
                '-' => left = true,
                '+' => flags.sign = Some('+'),
                ' ' => {
                    if flags.sign != Some('+') {
                        flags.sign = Some(' ')
                    }
                }
                '#' => flags.alternate = true,
                _ => flags.zero = true,
            }
            i += 1;
        }
        let mut width: Option<usize> = None;
        if i < chars.len() && chars[i] == '*' {
            let w = take(&mut next)?;
            let w = vm
                .index_value(&w)
                .map_err(|_| PyErr::type_error("* wants int"))?;
            if w < 0 {
                left = true;
            }
            width = Some(w.unsigned_abs() as usize);
            i += 1;
        } else {
            let ws = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            if i > ws {
                width = chars[ws..i].iter().collect::<String>().parse().ok();
            }
        }
        let mut precision: Option<usize> = None;
        if i < chars.len() && chars[i] == '.' {
            i += 1;
            if i < chars.len() && chars[i] == '*' {
                let p = take(&mut next)?;
                precision = Some(
                    vm.index_value(&p)
                        .map_err(|_| PyErr::type_error("* wants int"))?
                        .max(0) as usize,
                );
                i += 1;
            } else {
                let ps = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                precision = Some(chars[ps..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while i < chars.len() && matches!(chars[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= chars.len() {
            return Err(PyErr::value_error("incomplete format"));
        }
        let ty = chars[i];
        i += 1;
        if ty == '%' {
            out.push('%');
            continue;
        }
        let v = match value.take() {
            Some(v) => v,
            None => take(&mut next)?,
        };
        flags.width = width;
        flags.precision = precision;
        flags.align = Some(if left { '<' } else { '>' });
        if flags.zero && !left {
            flags.fill = Some('0');
            flags.align = Some('=');
        }
        let piece = match ty {
            's' | 'r' | 'a' => {
                let text = match ty {
                    's' => vm.str(&v)?,
                    'r' => vm.repr(&v)?,
                    _ => crate::vm::repr::ascii(&vm.repr(&v)?),
                };
                let t: String = match precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                let mut sp = Spec {
                    width,
                    align: Some(if left { '<' } else { '>' }),
                    ..Spec::default()
                };
                sp.fill = Some(' ');
                pad(&sp, "", &t, '>')
            }
            'd' | 'i' | 'u' => {
                let n = percent_int(vm, &v, ty)?;
                flags.precision = None;
                let b = n;
                let digits = b.magnitude().to_string();
                let digits = match precision {
                    Some(p) if digits.len() < p => {
                        format!("{}{digits}", "0".repeat(p - digits.len()))
                    }
                    _ => digits,
                };
                let sign = sign_str(b.is_negative(), flags.sign);
                pad(&flags, sign, &digits, '>')
            }
            'o' | 'x' | 'X' => {
                let b = percent_int(vm, &v, ty)?;
                let radix = if ty == 'o' { 8 } else { 16 };
                let mut digits = b.magnitude().to_str_radix(radix);
                if ty == 'X' {
                    digits = digits.to_uppercase();
                }
                if let Some(p) = precision {
                    if digits.len() < p {
                        digits = format!("{}{digits}", "0".repeat(p - digits.len()));
                    }
                }
                let prefix = if flags.alternate {
                    match ty {
                        'o' => "0o",
                        'x' => "0x",
                        _ => "0X",
                    }
                } else {
                    ""
                };
                let sign = sign_str(b.is_negative(), flags.sign);
                pad(&flags, &format!("{sign}{prefix}"), &digits, '>')
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = match &v {
                    Value::Float(f) => *f,
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                        super::numbers::to_f64(&v)?
                    }
                    Value::Instance(_) => match vm.call_dunder_opt(&v, "__float__", &[])? {
                        Some(Value::Float(f)) => f,
                        _ => {
                            return Err(PyErr::type_error(format!(
                                "must be real number, not {}",
                                type_name(&v)
                            )))
                        }
                    },
                    other => {
                        return Err(PyErr::type_error(format!(
                            "must be real number, not {}",
                            type_name(other)
                        )))
                    }
                };
                flags.ty = Some(ty);
                flags.precision = Some(precision.unwrap_or(6));
                let negative = x.is_sign_negative() && !x.is_nan();
                let body = float_body(x.abs(), &flags, Some(ty));
                pad(&flags, sign_str(negative, flags.sign), &body, '>')
            }
            'c' => {
                let ch = match &v {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    Value::Int(i) => char::from_u32(*i as u32)
                        .map(String::from)
                        .ok_or_else(|| PyErr::overflow("%c arg not in range(0x110000)"))?,
                    _ => return Err(PyErr::type_error("%c requires int or char")),
                };
                let sp = Spec {
                    width,
                    align: Some(if left { '<' } else { '>' }),
                    ..Spec::default()
                };
                pad(&sp, "", &ch, '>')
            }
            other => {
                return Err(PyErr::value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )))
            }
        };
        let _ = start;
        out.push_str(&piece);
    }
    if mapping.is_none() && next < items.len() {
        return Err(PyErr::type_error(
            "not all arguments converted during string formatting",
        ));
    }
    if mapping.is_some() && !used_mapping && matches!(args, Value::Dict(_)) {
        // `"abc" % {}` is allowed (no conversions), like CPython.
    }
    Ok(out)
}

fn percent_int(vm: &mut Vm, v: &Value, ty: char) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Float(f) if matches!(ty, 'd' | 'i' | 'u') => {
            match super::functions::trunc_float(*f)? {
                Value::Int(i) => Ok(BigInt::from(i)),
                Value::BigInt(b) => Ok((*b).clone()),
                _ => Ok(BigInt::from(0)),
            }
        }
        Value::Instance(_) => match vm
            .call_dunder_opt(v, "__index__", &[])?
            .or(vm.call_dunder_opt(v, "__int__", &[])?)
        {
            Some(Value::Int(i)) => Ok(BigInt::from(i)),
            Some(Value::BigInt(b)) => Ok((*b).clone()),
            _ => Err(PyErr::type_error(format!(
                "%{ty} format: a real number is required, not {}",
                type_name(v)
            ))),
        },
        other => {
            if matches!(ty, 'd' | 'i' | 'u') {
                Err(PyErr::type_error(format!(
                    "%{ty} format: a real number is required, not {}",
                    type_name(other)
                )))
            } else {
                Err(PyErr::type_error(format!(
                    "%{ty} format: an integer is required, not {}",
                    type_name(other)
                )))
            }
        }
    }
}

// ---------------------------------------------------------------- str.format

/// `fmt.format(*positional, **keywords)` or `fmt.format_map(mapping)`.
pub fn str_format(
    vm: &mut Vm,
    fmt: &str,
    positional: &[Value],
    keywords: &[(String, Value)],
    mapping: Option<&Value>,
) -> PyResult<String> {
    let mut auto = 0usize;
    let mut mode: Option<bool> = None; // Some(true): automatic numbering; Some(false): manual.
    format_inner(
        vm, fmt, positional, keywords, mapping, &mut auto, &mut mode, 2,
    )
}

/// One replacement field, as CPython's `parse_field` splits it.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
}

/// Parses the field after a `{` starting at `chars[*i]`, leaving `*i` after its closing `}`.
/// Follows CPython's `parse_field` (Objects/stringlib/unicode_format.h) step by step, so that
/// malformed fields fail with the same message.
fn parse_field(chars: &[char], i: &mut usize) -> PyResult<Field> {
    let start = *i;
    let mut c = '\0';
    while *i < chars.len() {
        c = chars[*i];
        *i += 1;
        match c {
            '{' => return Err(PyErr::value_error("unexpected '{' in field name")),
            '[' => {
                while *i < chars.len() && chars[*i] != ']' {
                    *i += 1;
                }
                continue;
            }
            '}' | ':' | '!' => break,
            _ => continue,
        }
    }
    let name_end = if matches!(c, '}' | ':' | '!') && *i > start {
        *i - 1
    } else {
        *i
    };
    let name: String = chars[start..name_end].iter().collect();
    let mut field = Field {
        name,
        conversion: None,
        spec: String::new(),
    };
    if c != '!' && c != ':' {
        if c != '}' || name_end == *i {
            return Err(PyErr::value_error("expected '}' before end of string"));
        }
        return Ok(field);
    }
    if c == '!' {
        let Some(&conv) = chars.get(*i) else {
            return Err(PyErr::value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        *i += 1;
        field.conversion = Some(conv);
        if let Some(&next) = chars.get(*i) {
            *i += 1;
            if next == '}' {
                return Ok(field);
            }
            if next != ':' {
                return Err(PyErr::value_error(
                    "expected ':' after conversion specifier",
                ));
            }
        }
    }
    let spec_start = *i;
    let mut count = 1;
    while *i < chars.len() {
        let ch = chars[*i];
        *i += 1;
        match ch {
            '{' => count += 1,
            '}' => {
                count -= 1;
                if count == 0 {
                    field.spec = chars[spec_start..*i - 1].iter().collect();
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(PyErr::value_error("unmatched '{' in format spec"))
}

/// CPython's `build_string`: literal text and replacement fields, left to right. `depth` limits
/// the nesting of fields inside format specs (`"{:{}}"` is fine, three levels are not).
#[allow(clippy::too_many_arguments)]
fn format_inner(
    vm: &mut Vm,
    fmt: &str,
    positional: &[Value],
    keywords: &[(String, Value)],
    mapping: Option<&Value>,
    auto: &mut usize,
    mode: &mut Option<bool>,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(PyErr::value_error("Max string recursion exceeded"));
    }
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        i += 1;
        if c != '{' && c != '}' {
            out.push(c);
            continue;
        }
        let doubled = chars.get(i) == Some(&c);
        if c == '}' && !doubled {
            return Err(PyErr::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if c == '{' && i == chars.len() {
            return Err(PyErr::value_error(
                "Single '{' encountered in format string",
            ));
        }
        if doubled {
            out.push(c);
            i += 1;
            continue;
        }
        let field = parse_field(&chars, &mut i)?;
        let value = resolve_field(vm, &field.name, positional, keywords, mapping, auto, mode)?;
        let value = match field.conversion {
            None => value,
            Some('r') => Value::str(vm.repr(&value)?),
            Some('s') => Value::str(vm.str(&value)?),
            Some('a') => Value::str(crate::vm::repr::ascii(&vm.repr(&value)?)),
            Some(other) => {
                return Err(PyErr::value_error(format!(
                    "Unknown conversion specifier {other}"
                )))
            }
        };
        let mut spec = field.spec;
        if spec.contains('{') {
            spec = format_inner(
                vm,
                &spec,
                positional,
                keywords,
                mapping,
                auto,
                mode,
                depth - 1,
            )?;
        }
        out.push_str(&vm.format(&value, &spec)?);
    }
    Ok(out)
}

fn resolve_field(
    vm: &mut Vm,
    name: &str,
    positional: &[Value],
    keywords: &[(String, Value)],
    mapping: Option<&Value>,
    auto: &mut usize,
    mode: &mut Option<bool>,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, mut rest) = name.split_at(first_end);
    let mut value = if first.is_empty() {
        if *mode == Some(false) {
            return Err(PyErr::value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ));
        }
        *mode = Some(true);
        let idx = *auto;
        *auto += 1;
        positional.get(idx).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {idx} out of range for positional args tuple"
            ))
        })?
    } else if first.chars().all(|c| c.is_ascii_digit()) {
        if *mode == Some(true) {
            return Err(PyErr::value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ));
        }
        *mode = Some(false);
        let idx = decimal_index(first)?;
        positional.get(idx).cloned().ok_or_else(|| {
            PyErr::index_error(format!(
                "Replacement index {idx} out of range for positional args tuple"
            ))
        })?
    } else {
        match mapping {
            Some(m) => vm.getitem(m, &Value::str(first))?,
            None => keywords
                .iter()
                .find(|(k, _)| k == first)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| PyErr::key_error(Value::str(first)))?,
        }
    };
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix('.') {
            let end = r.find(['.', '[']).unwrap_or(r.len());
            let attr = &r[..end];
            if attr.is_empty() {
                return Err(PyErr::value_error("Empty attribute in format string"));
            }
            value = vm.getattr(&value, &Value::str(attr))?;
            rest = &r[end..];
        } else if let Some(r) = rest.strip_prefix('[') {
            let end = r
                .find(']')
                .ok_or_else(|| PyErr::value_error("Missing ']' in format string"))?;
            let key = &r[..end];
            let k = if !key.is_empty() && key.chars().all(|c| c.is_ascii_digit()) {
                Value::Int(decimal_index(key)? as i64)
            } else {
                Value::str(key)
            };
            value = vm.getitem(&value, &k)?;
            rest = &r[end + 1..];
        } else {
            return Err(PyErr::value_error(
                "Only '.' or '[' may follow ']' in format field specifier",
            ));
        }
    }
    Ok(value)
}

/// A field number or `[index]` of decimal digits (CPython's `get_integer`).
fn decimal_index(digits: &str) -> PyResult<usize> {
    digits
        .parse::<isize>()
        .map(|n| n as usize)
        .map_err(|_| PyErr::value_error("Too many decimal digits in format string"))
}

/// Shortest repr digits, re-exported for the JIT and tests that compare formatting.
pub fn digits_of(x: f64) -> (String, i32) {
    shortest_digits(x)
}
