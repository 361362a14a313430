//! The symbol table: which scope every name belongs to, by CPython's rules.
//!
//! A first pass records, per scope, how each name is used (assigned, a parameter, declared
//! `global`/`nonlocal`, read, imported). A second pass (`analyze`) resolves each name to local,
//! global (explicit or implicit), free or cell, propagating free variables up to the scope that
//! binds them, exactly as CPython's `analyze_block` does. Class scopes do not make their names
//! visible to nested functions.

use crate::syntax::ast::*;
use crate::syntax::token::Pos;
use crate::syntax::SyntaxError;
use std::collections::{HashMap, HashSet};

pub mod flag {
    pub const GLOBAL: u32 = 1;
    pub const LOCAL: u32 = 2;
    pub const PARAM: u32 = 4;
    pub const NONLOCAL: u32 = 8;
    pub const USE: u32 = 16;
    pub const FREE_CLASS: u32 = 32;
    pub const IMPORT: u32 = 64;
    pub const ANNOT: u32 = 128;
    pub const COMP_ITER: u32 = 256;
    pub const BOUND: u32 = LOCAL | PARAM | IMPORT;
}

/// Where a name lives, after analysis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BlockKind {
    Module,
    Class,
    Function,
}

#[derive(Clone, Debug)]
pub struct Symbol {
    pub flags: u32,
    pub scope: Option<Scope>,
}

/// One scope: a module, class body, function, lambda or comprehension.
#[derive(Debug)]
pub struct SymbolTable {
    pub kind: BlockKind,
    pub name: String,
    /// Names in order of first mention.
    pub order: Vec<String>,
    pub symbols: HashMap<String, Symbol>,
    /// Parameter names, in frame-slot order.
    pub varnames: Vec<String>,
    pub children: Vec<SymbolTable>,
    pub is_generator: bool,
    pub is_comprehension: bool,
    pub nested: bool,
    pub has_free: bool,
    pub child_has_free: bool,
    pub needs_class_closure: bool,
    pub start: Pos,
    pub end: Pos,
    /// Where `yield` appeared (for the error outside functions).
    pub yield_at: Option<(Pos, Pos)>,
}

impl SymbolTable {
    fn new(kind: BlockKind, name: &str, range: Range, nested: bool) -> SymbolTable {
        SymbolTable {
            kind,
            name: name.to_string(),
            order: Vec::new(),
            symbols: HashMap::new(),
            varnames: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_comprehension: false,
            nested,
            has_free: false,
            child_has_free: false,
            needs_class_closure: false,
            start: range.start,
            end: range.end,
            yield_at: None,
        }
    }

    pub fn scope_of(&self, name: &str) -> Option<Scope> {
        self.symbols.get(name).and_then(|s| s.scope)
    }

    pub fn flags_of(&self, name: &str) -> u32 {
        self.symbols.get(name).map_or(0, |s| s.flags)
    }

    /// Names with the given scope, sorted (CPython sorts cellvars and freevars).
    pub fn names_with(&self, scope: Scope) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == Some(scope))
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }

    /// The child scope created for the node spanning `range`.
    pub fn child_at(&self, range: Range) -> Option<&SymbolTable> {
        self.children
            .iter()
            .find(|c| c.start == range.start && c.end == range.end)
    }
}

type Result<T> = std::result::Result<T, SyntaxError>;

fn err<T>(msg: impl Into<String>, range: Range) -> Result<T> {
    Err(SyntaxError::syntax(msg, range.start, range.end))
}

/// Mangles `__private` names inside a class (`__x` in class `A` becomes `_A__x`).
pub fn mangle(class_name: Option<&str>, name: &str) -> String {
    let Some(class) = class_name else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

struct Builder {
    stack: Vec<SymbolTable>,
    /// Enclosing class names for mangling.
    class_names: Vec<Option<String>>,
}

/// Builds and analyzes the symbol table of a module.
pub fn build(module: &Module) -> Result<SymbolTable> {
    let mut b = Builder {
        stack: vec![SymbolTable::new(
            BlockKind::Module,
            "top",
            Range::default(),
            false,
        )],
        class_names: vec![None],
    };
    for s in &module.body {
        b.stmt(s)?;
    }
    let mut top = b.stack.pop().expect("module scope");
    analyze(&mut top, None, &mut HashSet::new(), &HashSet::new())?;
    Ok(top)
}

impl Builder {
    fn cur(&mut self) -> &mut SymbolTable {
        self.stack.last_mut().expect("scope stack is never empty")
    }

    fn mangled(&self, name: &str) -> String {
        mangle(self.class_names.last().and_then(|c| c.as_deref()), name)
    }

    fn add_def(&mut self, name: &str, f: u32, range: Range) -> Result<()> {
        let name = self.mangled(name);
        let cur = self.cur();
        let existing = cur.symbols.get(&name).map(|s| s.flags);
        if let Some(old) = existing {
            if f & flag::PARAM != 0 && old & flag::PARAM != 0 {
                return err(
                    format!("duplicate argument '{name}' in function definition"),
                    range,
                );
            }
        } else {
            cur.order.push(name.clone());
        }
        let sym = cur.symbols.entry(name.clone()).or_insert(Symbol {
            flags: 0,
            scope: None,
        });
        sym.flags |= f;
        if f & flag::PARAM != 0 {
            cur.varnames.push(name.clone());
        }
        // As CPython's st_global: a `global` declaration anywhere also marks the name in the
        // module's own table, so module-level code uses STORE_GLOBAL/LOAD_GLOBAL for it too.
        if f & flag::GLOBAL != 0 && self.stack.len() > 1 {
            let top = &mut self.stack[0];
            if !top.symbols.contains_key(&name) {
                top.order.push(name.clone());
            }
            top.symbols
                .entry(name)
                .or_insert(Symbol {
                    flags: 0,
                    scope: None,
                })
                .flags |= f;
        }
        Ok(())
    }

    fn enter(&mut self, kind: BlockKind, name: &str, range: Range) {
        let nested = self.stack.iter().any(|t| t.kind == BlockKind::Function) || self.cur().nested;
        let nested = nested || self.cur().kind == BlockKind::Function;
        self.stack.push(SymbolTable::new(kind, name, range, nested));
    }

    fn leave(&mut self) {
        let t = self.stack.pop().expect("entered scope");
        self.cur().children.push(t);
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        match &s.kind {
            StmtKind::FunctionDef {
                name,
                args,
                body,
                decorator_list,
                returns,
            } => {
                self.add_def(name, flag::LOCAL, s.range)?;
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.defaults(args)?;
                self.annotations(args, returns.as_deref())?;
                self.enter(BlockKind::Function, name, s.range);
                self.params(args)?;
                self.stmts(body)?;
                self.leave();
            }
            StmtKind::ClassDef {
                name,
                bases,
                keywords,
                body,
                decorator_list,
            } => {
                self.add_def(name, flag::LOCAL, s.range)?;
                for e in bases {
                    self.expr(e)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
                for d in decorator_list {
                    self.expr(d)?;
                }
                self.enter(BlockKind::Class, name, s.range);
                self.class_names.push(Some(name.clone()));
                self.stmts(body)?;
                self.class_names.pop();
                self.leave();
            }
            StmtKind::Return { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::Delete { targets } => {
                for t in targets {
                    self.expr(t)?;
                }
            }
            StmtKind::Assign { targets, value } => {
                for t in targets {
                    self.expr(t)?;
                }
                self.expr(value)?;
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(target)?;
                if let ExprKind::Name { id, .. } = &target.kind {
                    self.add_def(id, flag::USE, target.range)?;
                }
                self.expr(value)?;
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let ExprKind::Name { id, .. } = &target.kind {
                    let name = self.mangled(id);
                    let f = self.cur().flags_of(&name);
                    if f & (flag::GLOBAL | flag::NONLOCAL) != 0 && *simple {
                        let what = if f & flag::GLOBAL != 0 {
                            "global"
                        } else {
                            "nonlocal"
                        };
                        return err(format!("annotated name '{id}' can't be {what}"), s.range);
                    }
                    self.add_def(id, flag::LOCAL | flag::ANNOT, target.range)?;
                } else {
                    self.expr(target)?;
                }
                self.expr(annotation)?;
                if let Some(v) = value {
                    self.expr(v)?;
                }
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                self.expr(target)?;
                self.expr(iter)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                self.stmts(body)?;
                self.stmts(orelse)?;
            }
            StmtKind::With { items, body } => {
                for item in items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.expr(v)?;
                    }
                }
                self.stmts(body)?;
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(e) = exc {
                    self.expr(e)?;
                }
                if let Some(c) = cause {
                    self.expr(c)?;
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.stmts(body)?;
                for h in handlers {
                    if let Some(t) = &h.typ {
                        self.expr(t)?;
                    }
                    if let Some(n) = &h.name {
                        self.add_def(n, flag::LOCAL, h.range)?;
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(orelse)?;
                self.stmts(finalbody)?;
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                if let Some(m) = msg {
                    self.expr(m)?;
                }
            }
            StmtKind::Import { names } => {
                for a in names {
                    let bound = a
                        .asname
                        .clone()
                        .unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    self.add_def(&bound, flag::IMPORT, a.range)?;
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for a in names {
                    if a.name == "*" {
                        if self.cur().kind != BlockKind::Module {
                            return err("import * only allowed at module level", s.range);
                        }
                        continue;
                    }
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.add_def(&bound, flag::IMPORT, a.range)?;
                }
            }
            StmtKind::Global { names } => {
                for n in names {
                    let name = self.mangled(n);
                    let f = self.cur().flags_of(&name);
                    if f & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if f & flag::PARAM != 0 {
                            format!("name '{n}' is parameter and global")
                        } else if f & flag::ANNOT != 0 {
                            format!("annotated name '{n}' can't be global")
                        } else if f & flag::LOCAL != 0 {
                            format!("name '{n}' is assigned to before global declaration")
                        } else {
                            format!("name '{n}' is used prior to global declaration")
                        };
                        return err(msg, s.range);
                    }
                    if f & flag::NONLOCAL != 0 {
                        return err(format!("name '{n}' is nonlocal and global"), s.range);
                    }
                    self.add_def(n, flag::GLOBAL, s.range)?;
                }
            }
            StmtKind::Nonlocal { names } => {
                if self.cur().kind == BlockKind::Module {
                    return err("nonlocal declaration not allowed at module level", s.range);
                }
                for n in names {
                    let name = self.mangled(n);
                    let f = self.cur().flags_of(&name);
                    if f & (flag::PARAM | flag::LOCAL | flag::USE | flag::ANNOT) != 0 {
                        let msg = if f & flag::PARAM != 0 {
                            format!("name '{n}' is parameter and nonlocal")
                        } else if f & flag::ANNOT != 0 {
                            format!("annotated name '{n}' can't be nonlocal")
                        } else if f & flag::LOCAL != 0 {
                            format!("name '{n}' is assigned to before nonlocal declaration")
                        } else {
                            format!("name '{n}' is used prior to nonlocal declaration")
                        };
                        return err(msg, s.range);
                    }
                    if f & flag::GLOBAL != 0 {
                        return err(format!("name '{n}' is nonlocal and global"), s.range);
                    }
                    self.add_def(n, flag::NONLOCAL, s.range)?;
                }
            }
            StmtKind::Expr { value } => self.expr(value)?,
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
        Ok(())
    }

    fn defaults(&mut self, args: &Arguments) -> Result<()> {
        for d in &args.defaults {
            self.expr(d)?;
        }
        for d in args.kw_defaults.iter().flatten() {
            self.expr(d)?;
        }
        Ok(())
    }

    fn annotations(&mut self, args: &Arguments, returns: Option<&Expr>) -> Result<()> {
        for a in args.all_args() {
            if let Some(ann) = &a.annotation {
                self.expr(ann)?;
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
        }
        Ok(())
    }

    fn params(&mut self, args: &Arguments) -> Result<()> {
        for a in args
            .posonlyargs
            .iter()
            .chain(&args.args)
            .chain(&args.kwonlyargs)
        {
            self.add_def(&a.name, flag::PARAM, a.range)?;
        }
        if let Some(a) = &args.vararg {
            self.add_def(&a.name, flag::PARAM, a.range)?;
        }
        if let Some(a) = &args.kwarg {
            self.add_def(&a.name, flag::PARAM, a.range)?;
        }
        Ok(())
    }

    fn mark_yield(&mut self, e: &Expr) -> Result<()> {
        let cur = self.cur();
        if cur.kind != BlockKind::Function {
            return err("'yield' outside function", e.range);
        }
        if cur.is_comprehension {
            let name = match cur.name.as_str() {
                "listcomp" => "list comprehension",
                "setcomp" => "set comprehension",
                "dictcomp" => "dict comprehension",
                _ => "generator expression",
            };
            return err(format!("'yield' inside {name}"), e.range);
        }
        cur.is_generator = true;
        cur.yield_at = Some((e.range.start, e.range.end));
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<()> {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                let ExprKind::Name { id, .. } = &target.kind else {
                    return err(
                        "cannot use assignment expressions with subscript",
                        target.range,
                    );
                };
                // In a comprehension, the target binds in the nearest enclosing function-like scope.
                if self.cur().is_comprehension {
                    let mut i = self.stack.len() - 1;
                    while i > 0 && self.stack[i].is_comprehension {
                        if self.stack[i]
                            .symbols
                            .get(id.as_str())
                            .is_some_and(|s| s.flags & flag::COMP_ITER != 0)
                        {
                            return err(
                                format!("assignment expression cannot rebind comprehension iteration variable '{id}'"),
                                target.range,
                            );
                        }
                        i -= 1;
                    }
                    if self.stack[i].kind == BlockKind::Class {
                        return err("assignment expression within a comprehension cannot be used in a class body", e.range);
                    }
                    let outer_kind = self.stack[i].kind;
                    let name = self.mangled(id);
                    {
                        let outer = &mut self.stack[i];
                        if !outer.symbols.contains_key(&name) {
                            outer.order.push(name.clone());
                        }
                        let sym = outer.symbols.entry(name.clone()).or_insert(Symbol {
                            flags: 0,
                            scope: None,
                        });
                        sym.flags |= flag::LOCAL;
                    }
                    // Inner comprehension scopes see it as free (or global at module level).
                    for j in i + 1..self.stack.len() {
                        let t = &mut self.stack[j];
                        if !t.symbols.contains_key(&name) {
                            t.order.push(name.clone());
                        }
                        let sym = t.symbols.entry(name.clone()).or_insert(Symbol {
                            flags: 0,
                            scope: None,
                        });
                        sym.flags |= if outer_kind == BlockKind::Module {
                            flag::GLOBAL
                        } else {
                            flag::NONLOCAL
                        };
                    }
                } else {
                    self.expr(target)?;
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)?;
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand)?,
            ExprKind::Lambda { args, body } => {
                self.defaults(args)?;
                self.enter(BlockKind::Function, "lambda", e.range);
                self.params(args)?;
                self.expr(body)?;
                self.leave();
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)?;
            }
            ExprKind::Dict { keys, values } => {
                for k in keys.iter().flatten() {
                    self.expr(k)?;
                }
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Set { elts } | ExprKind::List { elts, .. } | ExprKind::Tuple { elts, .. } => {
                for v in elts {
                    self.expr(v)?;
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "listcomp", generators, elt, None)?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "setcomp", generators, elt, None)?
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "genexpr", generators, elt, None)?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "dictcomp", generators, key, Some(value))?,
            ExprKind::Await { value } => self.expr(value)?,
            ExprKind::Yield { value } => {
                if let Some(v) = value {
                    self.expr(v)?;
                }
                self.mark_yield(e)?;
            }
            ExprKind::YieldFrom { value } => {
                self.expr(value)?;
                self.mark_yield(e)?;
            }
            ExprKind::Compare {
                left, comparators, ..
            } => {
                self.expr(left)?;
                for c in comparators {
                    self.expr(c)?;
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => {
                self.expr(func)?;
                for a in args {
                    self.expr(a)?;
                }
                for k in keywords {
                    self.expr(&k.value)?;
                }
            }
            ExprKind::FormattedValue {
                value, format_spec, ..
            } => {
                self.expr(value)?;
                if let Some(f) = format_spec {
                    self.expr(f)?;
                }
            }
            ExprKind::JoinedStr { values } => {
                for v in values {
                    self.expr(v)?;
                }
            }
            ExprKind::Constant { .. } => {}
            ExprKind::Attribute { value, .. } => self.expr(value)?,
            ExprKind::Subscript { value, slice, .. } => {
                self.expr(value)?;
                self.expr(slice)?;
            }
            ExprKind::Starred { value, .. } => self.expr(value)?,
            ExprKind::Slice { lower, upper, step } => {
                for p in [lower, upper, step].into_iter().flatten() {
                    self.expr(p)?;
                }
            }
            ExprKind::Name { id, ctx } => {
                let f = if *ctx == Ctx::Load {
                    flag::USE
                } else {
                    flag::LOCAL
                };
                self.add_def(id, f, e.range)?;
                // `super()` in a method needs the implicit `__class__` cell.
                if *ctx == Ctx::Load && id == "super" && self.cur().kind == BlockKind::Function {
                    self.add_def("__class__", flag::USE, e.range)?;
                }
            }
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        e: &Expr,
        name: &str,
        generators: &[Comprehension],
        elt: &Expr,
        value: Option<&Expr>,
    ) -> Result<()> {
        // The outermost iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        self.enter(BlockKind::Function, name, e.range);
        {
            let cur = self.cur();
            cur.is_comprehension = true;
            cur.is_generator = name == "genexpr";
        }
        self.add_def(".0", flag::PARAM, e.range)?;
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.comp_target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        if let Some(v) = value {
            self.expr(elt)?;
            self.expr(v)?;
        } else {
            self.expr(elt)?;
        }
        self.leave();
        Ok(())
    }

    fn comp_target(&mut self, t: &Expr) -> Result<()> {
        match &t.kind {
            ExprKind::Name { id, .. } => self.add_def(id, flag::LOCAL | flag::COMP_ITER, t.range),
            ExprKind::Tuple { elts, .. } | ExprKind::List { elts, .. } => {
                for e in elts {
                    self.comp_target(e)?;
                }
                Ok(())
            }
            ExprKind::Starred { value, .. } => self.comp_target(value),
            _ => self.expr(t),
        }
    }
}

/// Resolves every name of `t` and its children (CPython's `analyze_block`). `bound` holds names
/// bound in enclosing function scopes; `free` collects free names for the parent; `global` holds
/// names declared global in enclosing scopes.
fn analyze(
    t: &mut SymbolTable,
    bound: Option<&HashSet<String>>,
    free: &mut HashSet<String>,
    global: &HashSet<String>,
) -> Result<()> {
    let mut local: HashSet<String> = HashSet::new();
    let mut scopes: HashMap<String, Scope> = HashMap::new();
    let mut newglobal: HashSet<String> = HashSet::new();
    let mut newbound: HashSet<String> = HashSet::new();
    let mut newfree: HashSet<String> = HashSet::new();
    let mut globals = global.clone();

    if t.kind == BlockKind::Class {
        newglobal.extend(global.iter().cloned());
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
    }
    let names: Vec<String> = t.order.clone();
    for name in &names {
        let f = t.symbols[name].flags;
        let scope = if f & flag::GLOBAL != 0 {
            globals.insert(name.clone());
            Scope::GlobalExplicit
        } else if f & flag::NONLOCAL != 0 {
            if !bound.is_some_and(|b| b.contains(name)) {
                return Err(SyntaxError::syntax(
                    format!("no binding for nonlocal '{name}' found"),
                    t.start,
                    t.start,
                ));
            }
            t.has_free = true;
            newfree.insert(name.clone());
            Scope::Free
        } else if f & flag::BOUND != 0 {
            local.insert(name.clone());
            globals.remove(name);
            Scope::Local
        } else if bound.is_some_and(|b| b.contains(name)) {
            t.has_free = true;
            newfree.insert(name.clone());
            Scope::Free
        } else {
            if t.nested {
                t.has_free = true;
            }
            Scope::GlobalImplicit
        };
        if scope == Scope::GlobalExplicit {
            newglobal.insert(name.clone());
        }
        scopes.insert(name.clone(), scope);
    }
    if t.kind != BlockKind::Class {
        if t.kind == BlockKind::Function {
            newbound.extend(local.iter().cloned());
        }
        if let Some(b) = bound {
            newbound.extend(b.iter().cloned());
        }
        newglobal.extend(globals.iter().cloned());
    } else {
        newbound.insert("__class__".to_string());
    }

    let mut allfree: HashSet<String> = HashSet::new();
    for child in t.children.iter_mut() {
        let mut child_free = newfree.clone();
        analyze(child, Some(&newbound), &mut child_free, &newglobal)?;
        allfree.extend(child_free);
        if child.has_free || child.child_has_free {
            t.child_has_free = true;
        }
    }
    newfree.extend(allfree);

    if t.kind == BlockKind::Function {
        // Locals that children capture become cells.
        for (name, scope) in scopes.iter_mut() {
            if *scope == Scope::Local && newfree.contains(name) {
                *scope = Scope::Cell;
                newfree.remove(name);
            }
        }
    } else if t.kind == BlockKind::Class && newfree.remove("__class__") {
        t.needs_class_closure = true;
    }

    for (name, scope) in &scopes {
        if let Some(sym) = t.symbols.get_mut(name) {
            sym.scope = Some(*scope);
        }
    }
    // Free names of children not otherwise known here pass through as free.
    let class_block = t.kind == BlockKind::Class;
    for name in &newfree {
        if let Some(sym) = t.symbols.get_mut(name) {
            if class_block && sym.flags & (flag::BOUND | flag::GLOBAL) != 0 {
                sym.flags |= flag::FREE_CLASS;
            }
            continue;
        }
        if bound.is_some_and(|b| !b.contains(name)) || bound.is_none() {
            continue;
        }
        t.order.push(name.clone());
        t.symbols.insert(
            name.clone(),
            Symbol {
                flags: 0,
                scope: Some(Scope::Free),
            },
        );
    }
    free.extend(newfree);
    Ok(())
}
