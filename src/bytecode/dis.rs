//! `dis`: code objects listed in CPython 3.11's layout, so `pyvm dis` can be read (and diffed)
//! side by side with `python3 -m dis`. Addresses of code objects are replaced by stable numbers.

use super::code::Code;
use super::opcodes::{ArgKind, Opcode, BINARY_OPS, CMP_OPS};
use crate::vm::Value;
use std::collections::HashMap;
use std::fmt::Write;
use std::rc::Rc;

/// Stable stand-ins for code object addresses, numbered in disassembly order.
pub struct Addresses {
    ids: HashMap<usize, usize>,
}

impl Addresses {
    pub fn new(root: &Rc<Code>) -> Addresses {
        let mut a = Addresses {
            ids: HashMap::new(),
        };
        a.number(root);
        a
    }

    fn number(&mut self, c: &Rc<Code>) {
        let n = self.ids.len();
        self.ids.entry(Rc::as_ptr(c) as usize).or_insert(n);
        for k in &c.consts {
            if let Value::Code(inner) = k {
                self.number(inner);
            }
        }
    }

    pub fn of(&self, c: &Rc<Code>) -> String {
        let n = self
            .ids
            .get(&(Rc::as_ptr(c) as usize))
            .copied()
            .unwrap_or(0);
        format!("0x{:012x}", 0x1000 * (n + 1))
    }
}

/// `<code object NAME at 0x..., file "FILE", line N>`.
pub fn code_repr(c: &Rc<Code>, addrs: &Addresses) -> String {
    format!(
        "<code object {} at {}, file \"{}\", line {}>",
        c.name,
        addrs.of(c),
        c.filename,
        c.firstlineno
    )
}

/// repr() of a constant as dis shows it.
fn const_repr(v: &Value, addrs: &Addresses) -> String {
    match v {
        Value::Code(c) => code_repr(c, addrs),
        Value::Tuple(t) => {
            let items: Vec<String> = t.items.iter().map(|x| const_repr(x, addrs)).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Value::Set(s) => {
            let items: Vec<String> = s
                .table
                .borrow()
                .iter()
                .map(|(x, _)| const_repr(x, addrs))
                .collect();
            if items.is_empty() {
                "frozenset()".to_string()
            } else {
                format!("frozenset({{{}}})", items.join(", "))
            }
        }
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => crate::objects::float::float_repr(*f),
        Value::Complex(c) => crate::objects::complex::complex_repr(c.re, c.im),
        Value::Str(s) => crate::vm::repr::str_repr(s.as_str()),
        Value::Bytes(b) => crate::vm::repr::bytes_repr(&b.data),
        Value::Ellipsis => "Ellipsis".into(),
        other => format!("{other:?}"),
    }
}

/// The argument's meaning, as the parenthesised part of a dis line.
fn argrepr(c: &Code, op: Opcode, at: usize, arg: u32, addrs: &Addresses) -> String {
    let name = |i: u32| {
        c.names
            .get(i as usize)
            .and_then(|n| n.as_str().map(String::from))
            .unwrap_or_default()
    };
    match op.arg_kind() {
        ArgKind::Const => c
            .consts
            .get(arg as usize)
            .map_or(String::new(), |v| const_repr(v, addrs)),
        ArgKind::Name => name(arg),
        ArgKind::Global => {
            let n = name(arg >> 1);
            if arg & 1 != 0 {
                format!("NULL + {n}")
            } else {
                n
            }
        }
        ArgKind::Local | ArgKind::Free => c
            .localsplus
            .get(arg as usize)
            .map_or(String::new(), |n| n.to_string()),
        ArgKind::JumpForward | ArgKind::JumpBackward => {
            format!("to {}", 2 * c.jump_target(at, op, arg))
        }
        ArgKind::Compare => CMP_OPS
            .get(arg as usize)
            .copied()
            .unwrap_or("?")
            .to_string(),
        ArgKind::BinaryOp => BINARY_OPS
            .get(arg as usize)
            .copied()
            .unwrap_or("?")
            .to_string(),
        ArgKind::FormatValue => {
            let mut s = ["", "str", "repr", "ascii"][(arg & 3) as usize].to_string();
            if arg & 4 != 0 {
                if !s.is_empty() {
                    s.push_str(", ");
                }
                s.push_str("with format");
            }
            s
        }
        ArgKind::MakeFunction => {
            let names = ["defaults", "kwdefaults", "annotations", "closure"];
            names
                .iter()
                .enumerate()
                .filter(|(i, _)| arg & (1 << i) != 0)
                .map(|(_, n)| *n)
                .collect::<Vec<_>>()
                .join(", ")
        }
        _ => String::new(),
    }
}

/// Code-unit indices where a new source line starts (CPython's `findlinestarts`).
pub fn line_starts(c: &Code) -> HashMap<usize, i32> {
    let mut starts = HashMap::new();
    let mut last: Option<i32> = None;
    for (i, p) in c.positions.iter().enumerate() {
        if p.line >= 0 && Some(p.line) != last {
            starts.insert(i, p.line);
            last = Some(p.line);
        }
    }
    starts
}

/// Disassembles one code object (without nested ones). `current` marks an instruction with `-->`.
pub fn disassemble(c: &Code, addrs: &Addresses, current: Option<usize>, out: &mut String) {
    let starts = line_starts(c);
    let maxline = starts.values().copied().max().unwrap_or(0);
    let line_width = if starts.is_empty() {
        0
    } else if maxline >= 1000 {
        maxline.to_string().len()
    } else {
        3
    };
    let maxoffset = 2 * c.code.len().saturating_sub(1);
    let offset_width = if maxoffset >= 10000 {
        maxoffset.to_string().len()
    } else {
        4
    };
    let mut targets = std::collections::HashSet::new();
    for ins in c.instructions() {
        if matches!(
            ins.op.arg_kind(),
            ArgKind::JumpForward | ArgKind::JumpBackward
        ) {
            targets.insert(c.jump_target(ins.at, ins.op, ins.arg));
        }
    }
    for e in &c.exception_table {
        targets.insert(e.target as usize);
    }
    // Instructions as dis lists them: EXTENDED_ARG units separately, caches hidden.
    let mut i = 0;
    let mut ext: u32 = 0;
    while i < c.code.len() {
        let unit = c.code[i];
        let op = unit.op;
        let arg = (ext << 8) | unit.arg as u32;
        ext = if op == Opcode::EXTENDED_ARG { arg } else { 0 };
        if line_width > 0 && i > 0 && starts.contains_key(&i) {
            out.push('\n');
        }
        let mut fields: Vec<String> = Vec::new();
        if line_width > 0 {
            match starts.get(&i) {
                Some(l) => fields.push(format!("{l:>line_width$}")),
                None => fields.push(" ".repeat(line_width)),
            }
        }
        fields.push(if current == Some(i) {
            "-->".into()
        } else {
            "   ".into()
        });
        fields.push(if targets.contains(&i) {
            ">>".into()
        } else {
            "  ".into()
        });
        fields.push(format!("{:>offset_width$}", 2 * i));
        fields.push(format!("{:<20}", op.name()));
        if op.has_arg() {
            fields.push(format!("{arg:>5}"));
            let r = if op == Opcode::EXTENDED_ARG {
                String::new()
            } else {
                argrepr(c, op, i, arg, addrs)
            };
            if !r.is_empty() {
                fields.push(format!("({r})"));
            }
        }
        let line = fields.join(" ");
        let _ = writeln!(out, "{}", line.trim_end());
        i += 1 + op.caches();
    }
    if !c.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &c.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]{}",
                2 * e.start,
                2 * e.end - 2,
                2 * e.target,
                e.depth,
                if e.lasti { " lasti" } else { "" }
            );
        }
    }
}

/// Disassembles a code object and, depth first, every code object among its constants.
pub fn dis_recursive(c: &Rc<Code>, addrs: &Addresses, out: &mut String) {
    disassemble(c, addrs, None, out);
    for k in &c.consts {
        if let Value::Code(inner) = k {
            let _ = write!(out, "\nDisassembly of {}:\n", code_repr(inner, addrs));
            dis_recursive(inner, addrs, out);
        }
    }
}

/// The full `pyvm dis` listing of a module.
pub fn dis_module(c: &Rc<Code>) -> String {
    let addrs = Addresses::new(c);
    let mut out = String::new();
    dis_recursive(c, &addrs, &mut out);
    out
}
