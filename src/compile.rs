//! AST to code objects. Code generation follows CPython 3.11's compiler: instructions go into basic
//! blocks of a control-flow graph (with pseudo-instructions for exception regions and jumps of
//! unknown direction), which `cfg` then optimises and assembles into wordcode with a position
//! table and an exception table.
//!
//! - `symtable`: scopes and name resolution;
//! - `fold`: constant folding on the AST;
//! - `stmt` / `expr`: code generation for statements and expressions;
//! - `cfg`: blocks, peephole optimisation, stack depth, exception table, assembly.

pub mod cfg;
mod expr;
pub mod fold;
mod stmt;
pub mod symtable;

use crate::bytecode::opcodes::Opcode;
use crate::bytecode::{Code, Position};
use crate::syntax::ast::{self, Expr, Range};
use crate::syntax::token::Pos;
use crate::syntax::SyntaxError;
use crate::vm::Value;
use cfg::{BlockId, Cfg};
use std::collections::HashMap;
use std::rc::Rc;
use symtable::{BlockKind, Scope, SymbolTable};

type Result<T> = std::result::Result<T, SyntaxError>;

/// What kind of code object a unit compiles (CPython's COMPILER_SCOPE_*).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

/// Frame blocks open at once in one code object (CPython's CO_MAXBLOCKS).
const MAX_FBLOCKS: usize = 20;

/// A frame block: what `break`, `continue` and `return` must unwind (CPython's fblockinfo).
#[derive(Clone)]
enum FBlock {
    WhileLoop { start: BlockId, exit: BlockId },
    ForLoop { start: BlockId, exit: BlockId },
    TryExcept,
    FinallyTry { body: Vec<ast::Stmt> },
    FinallyEnd,
    With { range: Range },
    HandlerCleanup { name: Option<String> },
    ExceptionHandler,
    PopValue,
}

/// Constants are shared when equal in value *and* type (1, 1.0 and True stay distinct).
#[derive(Clone, PartialEq, Eq, Hash)]
enum ConstKey {
    None,
    Bool(bool),
    Int(String),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<ConstKey>),
    FrozenSet(Vec<ConstKey>),
    Unique(usize),
}

fn const_key(v: &Value) -> ConstKey {
    match v {
        Value::None => ConstKey::None,
        Value::Bool(b) => ConstKey::Bool(*b),
        Value::Int(i) => ConstKey::Int(i.to_string()),
        Value::BigInt(b) => ConstKey::Int(b.to_string()),
        Value::Float(f) => ConstKey::Float(f.to_bits()),
        Value::Complex(c) => ConstKey::Complex(c.re.to_bits(), c.im.to_bits()),
        Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
        Value::Bytes(b) => ConstKey::Bytes(b.data.clone()),
        Value::Ellipsis => ConstKey::Ellipsis,
        Value::Tuple(t) => ConstKey::Tuple(t.items.iter().map(const_key).collect()),
        Value::Set(s) => {
            ConstKey::FrozenSet(s.table.borrow().iter().map(|(k, _)| const_key(k)).collect())
        }
        other => ConstKey::Unique(other.heap_ptr().unwrap_or(0)),
    }
}

/// Per-code-object compilation state (CPython's compiler_unit).
struct Unit<'st> {
    st: &'st SymbolTable,
    kind: UnitKind,
    name: String,
    qualname: String,
    cfg: Cfg,
    consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<String>,
    name_index: HashMap<String, u32>,
    varnames: Vec<String>,
    var_index: HashMap<String, u32>,
    cellvars: Vec<String>,
    freevars: Vec<String>,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    varargs: bool,
    varkeywords: bool,
    firstlineno: u32,
    /// Last source line of the statement or expression that defines the unit.
    lastlineno: u32,
    loc: Position,
    fblocks: Vec<FBlock>,
    /// Class name for `__private` mangling.
    private: Option<String>,
}

/// Sentinel for "no line": CPython's -1.
pub const NO_LINE: i32 = -1;

/// The compiler: a stack of units, one per code object being built.
pub struct Compiler<'st> {
    filename: Rc<str>,
    units: Vec<Unit<'st>>,
    /// Interned name strings, shared by every code object of the module.
    interned: HashMap<String, Value>,
    /// Source lines, for the few errors that quote them.
    _source: Rc<str>,
    /// "single" mode (the interactive prompt): module-level expression statements print their
    /// value (PRINT_EXPR) instead of discarding it.
    interactive: bool,
}

/// Compiles a parsed module into its code object.
pub fn compile_module(module: &ast::Module, filename: &str, source: &str) -> Result<Rc<Code>> {
    compile_module_mode(module, filename, source, false)
}

/// Compiles one interactive input (`compile(..., "single")`): like a module, except that the value
/// of each module-level expression statement is shown by `sys.displayhook` (PRINT_EXPR).
pub fn compile_interactive(module: &ast::Module, filename: &str, source: &str) -> Result<Rc<Code>> {
    check_single_statement(&module.body)?;
    compile_module_mode(module, filename, source, true)
}

/// "single" mode takes one statement: a compound statement, or simple statements on one line
/// (`x = 1; x`). CPython's interactive grammar rejects a statement following a block as invalid
/// syntax, and a second line of simple statements as "multiple statements".
fn check_single_statement(body: &[ast::Stmt]) -> Result<()> {
    use ast::StmtKind::*;
    let Some(first) = body.first() else {
        return Ok(());
    };
    let compound = matches!(
        first.kind,
        FunctionDef { .. }
            | ClassDef { .. }
            | For { .. }
            | While { .. }
            | If { .. }
            | With { .. }
            | Try { .. }
    );
    let first_line = first.range.start.line;
    let Some(next) = body
        .iter()
        .skip(1)
        .find(|s| compound || s.range.start.line > first_line)
    else {
        return Ok(());
    };
    if compound {
        return Err(SyntaxError::syntax(
            "invalid syntax",
            next.range.start,
            next.range.start,
        ));
    }
    let end = body
        .iter()
        .take_while(|s| s.range.start.line == first_line)
        .last()
        .map_or(first.range.end, |s| s.range.end);
    Err(SyntaxError::syntax(
        "multiple statements found while compiling a single statement",
        end,
        end,
    ))
}

fn compile_module_mode(
    module: &ast::Module,
    filename: &str,
    source: &str,
    interactive: bool,
) -> Result<Rc<Code>> {
    let mut module = module.clone();
    fold::fold_module(&mut module);
    let st = symtable::build(&module)?;
    let mut c = Compiler {
        filename: Rc::from(filename),
        units: Vec::new(),
        interned: HashMap::new(),
        _source: Rc::from(source),
        interactive,
    };
    c.enter_scope(&st, UnitKind::Module, "<module>", 1);
    // CPython's module prologue position: line 0, end line 1.
    c.unit().loc = Position {
        line: 0,
        end_line: 1,
        col: 0,
        end_col: 0,
    };
    c.emit_arg(Opcode::RESUME, 0);
    c.body(&module.body)?;
    let code = c.assemble(true)?;
    Ok(code)
}

/// Compiles a single expression (for `eval`): its value is returned.
pub fn compile_expression(e: &Expr, filename: &str, source: &str) -> Result<Rc<Code>> {
    let mut e = e.clone();
    fold::fold_expr(&mut e);
    let module = ast::Module {
        body: vec![ast::Stmt::new(
            ast::StmtKind::Expr { value: e.clone() },
            e.range.start,
            e.range.end,
        )],
    };
    let st = symtable::build(&module)?;
    let mut c = Compiler {
        filename: Rc::from(filename),
        units: Vec::new(),
        interned: HashMap::new(),
        _source: Rc::from(source),
        interactive: false,
    };
    c.enter_scope(&st, UnitKind::Module, "<module>", 1);
    // CPython's module prologue position: line 0, end line 1.
    c.unit().loc = Position {
        line: 0,
        end_line: 1,
        col: 0,
        end_col: 0,
    };
    c.emit_arg(Opcode::RESUME, 0);
    c.expr(&e)?;
    c.set_loc(e.range);
    c.emit(Opcode::RETURN_VALUE);
    c.assemble(false)
}

impl<'st> Compiler<'st> {
    fn unit(&mut self) -> &mut Unit<'st> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn u(&self) -> &Unit<'st> {
        self.units.last().expect("a unit is being compiled")
    }

    fn error<T>(&self, msg: impl Into<String>, range: Range) -> Result<T> {
        Err(SyntaxError::syntax(msg, range.start, range.end))
    }

    /// Opens a frame block; more than CPython's CO_MAXBLOCKS at once in one code object is an
    /// error at the statement being compiled.
    fn push_fblock(&mut self, fb: FBlock) -> Result<()> {
        if self.u().fblocks.len() >= MAX_FBLOCKS {
            let p = self.loc();
            let at = |line: i32, col: i32| Pos::new(line.max(0) as u32, col.max(0) as u32);
            return Err(SyntaxError::syntax(
                "too many statically nested blocks",
                at(p.line, p.col),
                at(p.end_line, p.end_col),
            ));
        }
        self.unit().fblocks.push(fb);
        Ok(())
    }

    fn enter_scope(&mut self, st: &'st SymbolTable, kind: UnitKind, name: &str, firstlineno: u32) {
        let mut varnames = Vec::new();
        let mut var_index = HashMap::new();
        for v in &st.varnames {
            var_index.insert(v.clone(), varnames.len() as u32);
            varnames.push(v.clone());
        }
        let mut cellvars = st.names_with(Scope::Cell);
        if kind == UnitKind::Class && st.needs_class_closure {
            cellvars.push("__class__".to_string());
            cellvars.sort();
        }
        let mut freevars: Vec<String> = st
            .symbols
            .iter()
            .filter(|(_, s)| {
                s.scope == Some(Scope::Free) || s.flags & symtable::flag::FREE_CLASS != 0
            })
            .map(|(n, _)| n.clone())
            .collect();
        freevars.sort();
        let private = match kind {
            UnitKind::Class => Some(name.to_string()),
            _ => self.units.last().and_then(|u| u.private.clone()),
        };
        let qualname = self.qualname_for(kind, name);
        self.units.push(Unit {
            st,
            kind,
            name: name.to_string(),
            qualname,
            cfg: Cfg::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames,
            var_index,
            cellvars,
            freevars,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            varargs: false,
            varkeywords: false,
            firstlineno,
            lastlineno: firstlineno,
            loc: Position {
                line: firstlineno as i32,
                end_line: firstlineno as i32,
                col: 0,
                end_col: 0,
            },
            fblocks: Vec::new(),
            private,
        });
    }

    /// CPython's `compiler_set_qualname`: `f`, `C.m`, `outer.<locals>.inner`.
    fn qualname_for(&self, kind: UnitKind, name: &str) -> String {
        let Some(parent) = self.units.last() else {
            return name.to_string();
        };
        if parent.kind == UnitKind::Module {
            return name.to_string();
        }
        // A function declared global directly in its parent keeps its bare name.
        if matches!(kind, UnitKind::Function | UnitKind::Class) {
            let mangled = symtable::mangle(parent.private.as_deref(), name);
            if parent.st.scope_of(&mangled) == Some(Scope::GlobalExplicit) {
                return name.to_string();
            }
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            _ => format!("{}.{}", parent.qualname, name),
        }
    }

    fn set_loc(&mut self, r: Range) {
        self.unit().loc = Position {
            line: r.start.line as i32,
            end_line: r.end.line as i32,
            col: r.start.col as i32,
            end_col: r.end.col as i32,
        };
    }

    fn unset_loc(&mut self) {
        self.unit().loc = Position {
            line: NO_LINE,
            end_line: NO_LINE,
            col: NO_LINE,
            end_col: NO_LINE,
        };
    }

    fn loc(&self) -> Position {
        self.u().loc
    }

    fn restore_loc(&mut self, p: Position) {
        self.unit().loc = p;
    }

    // ------------------------------------------------------------------ emission

    fn emit(&mut self, op: Opcode) {
        self.emit_arg(op, 0);
    }

    fn emit_arg(&mut self, op: Opcode, arg: u32) {
        let loc = self.u().loc;
        self.unit().cfg.add(op, arg, None, loc);
    }

    fn emit_noline(&mut self, op: Opcode, arg: u32) {
        let loc = Position {
            line: NO_LINE,
            end_line: NO_LINE,
            col: NO_LINE,
            end_col: NO_LINE,
        };
        self.unit().cfg.add(op, arg, None, loc);
    }

    fn emit_jump(&mut self, op: Opcode, target: BlockId) {
        let loc = self.u().loc;
        self.unit().cfg.add(op, 0, Some(target), loc);
    }

    fn emit_jump_noline(&mut self, op: Opcode, target: BlockId) {
        let loc = Position {
            line: NO_LINE,
            end_line: NO_LINE,
            col: NO_LINE,
            end_col: NO_LINE,
        };
        self.unit().cfg.add(op, 0, Some(target), loc);
    }

    fn new_block(&mut self) -> BlockId {
        self.unit().cfg.new_block()
    }

    fn use_next_block(&mut self, b: BlockId) {
        self.unit().cfg.use_next_block(b);
    }

    fn next_block(&mut self) {
        let b = self.new_block();
        self.use_next_block(b);
    }

    fn add_const(&mut self, v: Value) -> u32 {
        let key = const_key(&v);
        let u = self.unit();
        if let Some(&i) = u.const_index.get(&key) {
            return i;
        }
        let i = u.consts.len() as u32;
        u.consts.push(v);
        u.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, v: Value) {
        let i = self.add_const(v);
        self.emit_arg(Opcode::LOAD_CONST, i);
    }

    fn intern(&mut self, s: &str) -> Value {
        self.interned
            .entry(s.to_string())
            .or_insert_with(|| Value::str(s))
            .clone()
    }

    fn add_name(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.name_index.get(name) {
            return i;
        }
        let i = u.names.len() as u32;
        u.names.push(name.to_string());
        u.name_index.insert(name.to_string(), i);
        i
    }

    fn emit_name(&mut self, op: Opcode, name: &str) {
        let mangled = self.mangle(name);
        let i = self.add_name(&mangled);
        self.emit_arg(op, i);
    }

    fn mangle(&self, name: &str) -> String {
        symtable::mangle(self.u().private.as_deref(), name)
    }

    fn add_varname(&mut self, name: &str) -> u32 {
        let u = self.unit();
        if let Some(&i) = u.var_index.get(name) {
            return i;
        }
        let i = u.varnames.len() as u32;
        u.varnames.push(name.to_string());
        u.var_index.insert(name.to_string(), i);
        i
    }

    /// Index of a cell or free variable in "cellvars then freevars" order (fixed up at assembly
    /// into a locals-plus index).
    fn deref_index(&self, name: &str) -> Option<u32> {
        let u = self.u();
        if let Some(i) = u.cellvars.iter().position(|n| n == name) {
            return Some(i as u32);
        }
        u.freevars
            .iter()
            .position(|n| n == name)
            .map(|i| (u.cellvars.len() + i) as u32)
    }

    /// Emits the load, store or delete of a name, choosing FAST, DEREF, GLOBAL or NAME ops by the
    /// symbol table (CPython's `compiler_nameop`).
    fn nameop(&mut self, name: &str, ctx: ast::Ctx, range: Range) -> Result<()> {
        if ctx != ast::Ctx::Load && matches!(name, "__debug__") {
            return self.error("cannot assign to __debug__", range);
        }
        let mangled = self.mangle(name);
        let u = self.u();
        let scope = u.st.scope_of(&mangled);
        let in_function = u.st.kind == BlockKind::Function;
        let is_class = u.st.kind == BlockKind::Class;
        #[derive(PartialEq)]
        enum Kind {
            Fast,
            Deref,
            Global,
            Name,
        }
        let kind = match scope {
            Some(Scope::Free) | Some(Scope::Cell) => Kind::Deref,
            Some(Scope::Local) if in_function => Kind::Fast,
            Some(Scope::GlobalImplicit) if in_function => Kind::Global,
            Some(Scope::GlobalExplicit) => Kind::Global,
            _ => Kind::Name,
        };
        // `__class__` referenced from a class body's closure is a cell of the class scope.
        let kind = if is_class && mangled == "__class__" && self.deref_index("__class__").is_some()
        {
            Kind::Deref
        } else {
            kind
        };
        match kind {
            Kind::Deref => {
                let Some(i) = self.deref_index(&mangled) else {
                    return self.error(format!("compiler error: no cell for '{name}'"), range);
                };
                let op = match ctx {
                    ast::Ctx::Load if is_class => Opcode::LOAD_CLASSDEREF,
                    ast::Ctx::Load => Opcode::LOAD_DEREF,
                    ast::Ctx::Store => Opcode::STORE_DEREF,
                    ast::Ctx::Del => Opcode::DELETE_DEREF,
                };
                self.emit_arg(op, i);
            }
            Kind::Fast => {
                let i = self.add_varname(&mangled);
                let op = match ctx {
                    ast::Ctx::Load => Opcode::LOAD_FAST,
                    ast::Ctx::Store => Opcode::STORE_FAST,
                    ast::Ctx::Del => Opcode::DELETE_FAST,
                };
                self.emit_arg(op, i);
            }
            Kind::Global => {
                let i = self.add_name(&mangled);
                match ctx {
                    ast::Ctx::Load => self.emit_arg(Opcode::LOAD_GLOBAL, i << 1),
                    ast::Ctx::Store => self.emit_arg(Opcode::STORE_GLOBAL, i),
                    ast::Ctx::Del => self.emit_arg(Opcode::DELETE_GLOBAL, i),
                }
            }
            Kind::Name => {
                let i = self.add_name(&mangled);
                let op = match ctx {
                    ast::Ctx::Load => Opcode::LOAD_NAME,
                    ast::Ctx::Store => Opcode::STORE_NAME,
                    ast::Ctx::Del => Opcode::DELETE_NAME,
                };
                self.emit_arg(op, i);
            }
        }
        Ok(())
    }

    /// Statements of a module or class body, storing a leading docstring as `__doc__`.
    fn body(&mut self, stmts: &[ast::Stmt]) -> Result<()> {
        if self.u().kind == UnitKind::Module {
            if let Some(first) = stmts.first() {
                self.set_loc(first.range);
            }
        }
        if stmts.iter().any(stmt::has_annotation) {
            self.emit(Opcode::SETUP_ANNOTATIONS);
        }
        let mut rest = stmts;
        // An interactive input has no docstring: a string typed at the prompt is echoed.
        let interactive_module = self.interactive && self.units.len() == 1;
        if let Some(doc) = stmt::docstring(stmts).filter(|_| !interactive_module) {
            let first = &stmts[0];
            self.set_loc(first.range);
            self.load_const(Value::str(doc));
            self.unset_loc();
            self.nameop("__doc__", ast::Ctx::Store, first.range)?;
            rest = &stmts[1..];
        }
        for s in rest {
            self.stmt(s)?;
        }
        Ok(())
    }

    /// Finishes the current unit: adds the implicit `return None`, optimises and assembles.
    fn assemble(&mut self, add_none: bool) -> Result<Rc<Code>> {
        let mut unit = self.units.pop().expect("unit to assemble");
        if !unit.cfg.current_returns() {
            let noline = Position {
                line: NO_LINE,
                end_line: NO_LINE,
                col: NO_LINE,
                end_col: NO_LINE,
            };
            if add_none {
                let i = match unit.const_index.get(&ConstKey::None) {
                    Some(&i) => i,
                    None => {
                        unit.consts.push(Value::None);
                        unit.const_index
                            .insert(ConstKey::None, unit.consts.len() as u32 - 1);
                        unit.consts.len() as u32 - 1
                    }
                };
                unit.cfg.add(Opcode::LOAD_CONST, i, None, noline);
            }
            unit.cfg.add(Opcode::RETURN_VALUE, 0, None, noline);
        }
        let names: Vec<Value> = unit.names.iter().map(|n| self.intern(n)).collect();
        cfg::assemble(unit, names, self.filename.clone())
    }
}
