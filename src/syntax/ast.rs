//! The abstract syntax tree, shaped like Python's `ast` module. Every node carries its start and end
//! position (line and UTF-8 column), which the compiler copies into the position table.

use super::token::{IntLit, Pos};

/// Start and end of a node, as `lineno/col_offset/end_lineno/end_col_offset` in Python's `ast`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Range {
    pub start: Pos,
    pub end: Pos,
}

impl Range {
    pub fn new(start: Pos, end: Pos) -> Range {
        Range { start, end }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub range: Range,
}

impl Expr {
    pub fn new(kind: ExprKind, start: Pos, end: Pos) -> Expr {
        Expr {
            kind,
            range: Range::new(start, end),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ctx {
    Load,
    Store,
    Del,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

/// Binary operators, in the order of CPython's `NB_*` constants (the `BINARY_OP` argument).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Operator {
    Add = 0,
    BitAnd = 1,
    FloorDiv = 2,
    LShift = 3,
    MatMult = 4,
    Mult = 5,
    Mod = 6,
    BitOr = 7,
    Pow = 8,
    RShift = 9,
    Sub = 10,
    Div = 11,
    BitXor = 12,
}

impl Operator {
    pub const ALL: [Operator; 13] = [
        Operator::Add,
        Operator::BitAnd,
        Operator::FloorDiv,
        Operator::LShift,
        Operator::MatMult,
        Operator::Mult,
        Operator::Mod,
        Operator::BitOr,
        Operator::Pow,
        Operator::RShift,
        Operator::Sub,
        Operator::Div,
        Operator::BitXor,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            Operator::Add => "+",
            Operator::BitAnd => "&",
            Operator::FloorDiv => "//",
            Operator::LShift => "<<",
            Operator::MatMult => "@",
            Operator::Mult => "*",
            Operator::Mod => "%",
            Operator::BitOr => "|",
            Operator::Pow => "**",
            Operator::RShift => ">>",
            Operator::Sub => "-",
            Operator::Div => "/",
            Operator::BitXor => "^",
        }
    }

    pub fn from_index(i: usize) -> Option<Operator> {
        Operator::ALL.get(i).copied()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

/// Comparison operators, in the order of CPython's `COMPARE_OP` argument for the first six.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Lt,
    LtE,
    Eq,
    NotEq,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

/// Literal constants. Strings are already decoded.
#[derive(Clone, Debug, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(IntLit),
    Float(f64),
    Complex {
        real: f64,
        imag: f64,
    },
    Str(String),
    Bytes(Vec<u8>),
    Ellipsis,
    Tuple(Vec<Constant>),
    /// Only produced by constant folding (`x in {1, 2}`).
    FrozenSet(Vec<Constant>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping`.
    pub arg: Option<String>,
    pub value: Expr,
    pub range: Range,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Arg {
    pub name: String,
    pub annotation: Option<Box<Expr>>,
    pub range: Range,
}

/// A parameter list: `def f(posonly, /, args, *vararg, kwonly, **kwarg)`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Arguments {
    pub posonlyargs: Vec<Arg>,
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per keyword-only argument; `None` where it has no default.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Expr>,
}

impl Arguments {
    /// Every parameter name in frame-slot order (CPython's `co_varnames` prefix).
    pub fn all_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        names.extend(self.posonlyargs.iter().map(|a| a.name.as_str()));
        names.extend(self.args.iter().map(|a| a.name.as_str()));
        names.extend(self.kwonlyargs.iter().map(|a| a.name.as_str()));
        if let Some(a) = &self.vararg {
            names.insert(
                self.posonlyargs.len() + self.args.len() + self.kwonlyargs.len(),
                a.name.as_str(),
            );
        }
        if let Some(a) = &self.kwarg {
            names.push(a.name.as_str());
        }
        names
    }

    pub fn all_args(&self) -> impl Iterator<Item = &Arg> {
        self.posonlyargs
            .iter()
            .chain(self.args.iter())
            .chain(self.vararg.iter())
            .chain(self.kwonlyargs.iter())
            .chain(self.kwarg.iter())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    NamedExpr {
        target: Box<Expr>,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: Operator,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `keys[i] == None` marks a `**mapping` entry.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set {
        elts: Vec<Expr>,
    },
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await {
        value: Box<Expr>,
    },
    Yield {
        value: Option<Box<Expr>>,
    },
    YieldFrom {
        value: Box<Expr>,
    },
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    /// `conversion` is -1 (none), or the character code of `s`, `r`, `a`.
    FormattedValue {
        value: Box<Expr>,
        conversion: i32,
        format_spec: Option<Box<Expr>>,
    },
    JoinedStr {
        values: Vec<Expr>,
    },
    Constant {
        value: Constant,
    },
    Attribute {
        value: Box<Expr>,
        attr: String,
        ctx: Ctx,
    },
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
        ctx: Ctx,
    },
    Starred {
        value: Box<Expr>,
        ctx: Ctx,
    },
    Name {
        id: String,
        ctx: Ctx,
    },
    List {
        elts: Vec<Expr>,
        ctx: Ctx,
    },
    Tuple {
        elts: Vec<Expr>,
        ctx: Ctx,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub range: Range,
}

impl Stmt {
    pub fn new(kind: StmtKind, start: Pos, end: Pos) -> Stmt {
        Stmt {
            kind,
            range: Range::new(start, end),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    pub name: String,
    pub asname: Option<String>,
    pub range: Range,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ExceptHandler {
    pub typ: Option<Expr>,
    pub name: Option<String>,
    pub body: Vec<Stmt>,
    pub range: Range,
}

#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    FunctionDef {
        name: String,
        args: Box<Arguments>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
        returns: Option<Box<Expr>>,
    },
    ClassDef {
        name: String,
        bases: Vec<Expr>,
        keywords: Vec<Keyword>,
        body: Vec<Stmt>,
        decorator_list: Vec<Expr>,
    },
    Return {
        value: Option<Expr>,
    },
    Delete {
        targets: Vec<Expr>,
    },
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    AugAssign {
        target: Expr,
        op: Operator,
        value: Expr,
    },
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    Import {
        names: Vec<Alias>,
    },
    ImportFrom {
        module: Option<String>,
        names: Vec<Alias>,
        level: u32,
    },
    Global {
        names: Vec<String>,
    },
    Nonlocal {
        names: Vec<String>,
    },
    Expr {
        value: Expr,
    },
    Pass,
    Break,
    Continue,
}

/// A parsed module: its statements.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}
