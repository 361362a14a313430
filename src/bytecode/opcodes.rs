//! The opcode table: every instruction is declared exactly once here, with its CPython 3.11 number,
//! the inline cache entries that follow it, how `dis` shows its argument, and its stack effect.
//! The enum, names, cache counts, argument kinds and stack effects are all generated from it.
//!
//! Numbers, names and cache counts are CPython 3.11's, so offsets and jump targets in `pyvm dis`
//! read like `python3 -m dis`. Pseudo-instructions (numbers 240 and up) exist only inside the
//! compiler and are gone before the code object is built.

/// How `dis` renders an instruction's argument.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ArgKind {
    /// No argument (the opcode number is below `HAVE_ARGUMENT`).
    None,
    /// A plain number, shown without a parenthesised meaning.
    Plain,
    /// Index into `consts`.
    Const,
    /// Index into `names`.
    Name,
    /// `LOAD_GLOBAL`: `names[arg >> 1]`, with `NULL + ` when bit 0 is set.
    Global,
    /// Index into the frame's fast locals.
    Local,
    /// Index into locals-plus (cells and free variables).
    Free,
    /// Relative jump forward, in code units after the instruction and its caches.
    JumpForward,
    /// Relative jump backward.
    JumpBackward,
    /// Compiler-only jump to a block; direction chosen at assembly.
    Jump,
    /// `COMPARE_OP`: index into the comparison operators.
    Compare,
    /// `BINARY_OP`: index into the binary operators (13 and up are the augmented forms).
    BinaryOp,
    /// `FORMAT_VALUE`: conversion and whether a format spec is on the stack.
    FormatValue,
    /// `MAKE_FUNCTION`: which optional parts are on the stack.
    MakeFunction,
}

macro_rules! opcodes {
    ($(
        $(#[doc = $doc:literal])*
        $name:ident = $num:literal, caches $caches:literal, $kind:ident, |$a:ident, $j:ident| $effect:expr;
    )*) => {
        /// A bytecode instruction. See the table in this file for each one's meaning.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[repr(u8)]
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name = $num, )*
        }

        impl Opcode {
            /// Every opcode, in table order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name),*];

            /// The name `dis` prints.
            pub fn name(self) -> &'static str {
                match self { $(Opcode::$name => stringify!($name),)* }
            }

            /// Number of inline cache code units that follow the instruction.
            #[inline(always)]
            pub fn caches(self) -> usize {
                const TABLE: [u8; 256] = {
                    let mut t = [0u8; 256];
                    $( t[$num] = $caches; )*
                    t
                };
                TABLE[self as usize] as usize
            }

            /// How the argument is displayed (and whether it is a jump).
            pub fn arg_kind(self) -> ArgKind {
                match self { $(Opcode::$name => ArgKind::$kind,)* }
            }

            /// Net change in stack depth; `jump` selects the effect when the branch is taken.
            #[allow(unused_variables)]
            pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
                match self {
                    $(Opcode::$name => { let $a = arg as i32; let $j = jump; $effect })*
                }
            }

            /// The opcode with number `n`, if there is one.
            pub fn from_u8(n: u8) -> Option<Opcode> {
                match n { $($num => Some(Opcode::$name),)* _ => None }
            }
        }
    };
}

opcodes! {
    /// Inline cache entry: holds data for the instruction before it; never executed.
    CACHE = 0, caches 0, None, |a, j| 0;
    /// Discards the top of stack.
    POP_TOP = 1, caches 0, None, |a, j| -1;
    /// Pushes NULL (the empty "self" slot of a call).
    PUSH_NULL = 2, caches 0, None, |a, j| 1;
    /// Does nothing (keeps a line number alive).
    NOP = 9, caches 0, None, |a, j| 0;
    /// TOS = +TOS.
    UNARY_POSITIVE = 10, caches 0, None, |a, j| 0;
    /// TOS = -TOS.
    UNARY_NEGATIVE = 11, caches 0, None, |a, j| 0;
    /// TOS = not TOS.
    UNARY_NOT = 12, caches 0, None, |a, j| 0;
    /// TOS = ~TOS.
    UNARY_INVERT = 15, caches 0, None, |a, j| 0;
    /// TOS = `TOS1[TOS]`.
    BINARY_SUBSCR = 25, caches 4, None, |a, j| -1;
    /// Pushes len(TOS) (pattern matching).
    GET_LEN = 30, caches 0, None, |a, j| 1;
    /// Entering an exception handler: pops the exception, pushes the previously handled one and it.
    PUSH_EXC_INFO = 35, caches 0, None, |a, j| 1;
    /// TOS = whether the exception TOS1 matches the type(s) TOS.
    CHECK_EXC_MATCH = 36, caches 0, None, |a, j| 0;
    /// Calls `__exit__(type, value, tb)` of a `with` block for the exception on the stack.
    WITH_EXCEPT_START = 49, caches 0, None, |a, j| 1;
    /// Enters a `with` block: pushes the bound `__exit__` and the result of `__enter__()`.
    BEFORE_WITH = 53, caches 0, None, |a, j| 1;
    /// `TOS1[TOS]` = TOS2.
    STORE_SUBSCR = 60, caches 1, None, |a, j| -3;
    /// del `TOS1[TOS]`.
    DELETE_SUBSCR = 61, caches 0, None, |a, j| -2;
    /// TOS = iter(TOS).
    GET_ITER = 68, caches 0, None, |a, j| 0;
    /// TOS = iter(TOS), leaving generators as they are (for `yield from`).
    GET_YIELD_FROM_ITER = 69, caches 0, None, |a, j| 0;
    /// Interactive mode: prints TOS if it is not None.
    PRINT_EXPR = 70, caches 0, None, |a, j| -1;
    /// Pushes `builtins.__build_class__`.
    LOAD_BUILD_CLASS = 71, caches 0, None, |a, j| 1;
    /// Pushes AssertionError.
    LOAD_ASSERTION_ERROR = 74, caches 0, None, |a, j| 1;
    /// Turns the current frame into a generator object and returns it.
    RETURN_GENERATOR = 75, caches 0, None, |a, j| 0;
    /// TOS = tuple(TOS) for a list just built.
    LIST_TO_TUPLE = 82, caches 0, None, |a, j| 0;
    /// Returns TOS to the caller.
    RETURN_VALUE = 83, caches 0, None, |a, j| -1;
    /// `from module import *`.
    IMPORT_STAR = 84, caches 0, None, |a, j| -1;
    /// Creates `__annotations__` in the local namespace if it is missing.
    SETUP_ANNOTATIONS = 85, caches 0, None, |a, j| 0;
    /// Yields TOS from a generator; the value sent in replaces it.
    YIELD_VALUE = 86, caches 0, None, |a, j| 0;
    /// Leaving an exception handler: restores the previously handled exception from TOS.
    POP_EXCEPT = 89, caches 0, None, |a, j| -1;
    /// `names[arg]` = TOS in the local namespace dict.
    STORE_NAME = 90, caches 0, Name, |a, j| -1;
    /// del `names[arg]` from the local namespace dict.
    DELETE_NAME = 91, caches 0, Name, |a, j| 0;
    /// Unpacks TOS into `arg` values, pushed right to left.
    UNPACK_SEQUENCE = 92, caches 1, Plain, |a, j| a - 1;
    /// Calls next() on the iterator TOS; when it is exhausted, pops it and jumps forward.
    FOR_ITER = 93, caches 0, JumpForward, |a, j| if j { -1 } else { 1 };
    /// Unpacks with a starred target: low byte = names before, high byte = names after.
    UNPACK_EX = 94, caches 0, Plain, |a, j| (a & 0xff) + (a >> 8);
    /// `TOS.names[arg]` = TOS1.
    STORE_ATTR = 95, caches 4, Name, |a, j| -2;
    /// del `TOS.names[arg]`.
    DELETE_ATTR = 96, caches 0, Name, |a, j| -1;
    /// `globals[names[arg]]` = TOS.
    STORE_GLOBAL = 97, caches 0, Name, |a, j| -1;
    /// del `globals[names[arg]]`.
    DELETE_GLOBAL = 98, caches 0, Name, |a, j| 0;
    /// Swaps TOS with the item `arg` deep.
    SWAP = 99, caches 0, Plain, |a, j| 0;
    /// Pushes `consts[arg]`.
    LOAD_CONST = 100, caches 0, Const, |a, j| 1;
    /// Pushes `names[arg]` from locals, then globals, then builtins.
    LOAD_NAME = 101, caches 0, Name, |a, j| 1;
    /// Builds a tuple from the top `arg` items.
    BUILD_TUPLE = 102, caches 0, Plain, |a, j| 1 - a;
    /// Builds a list from the top `arg` items.
    BUILD_LIST = 103, caches 0, Plain, |a, j| 1 - a;
    /// Builds a set from the top `arg` items.
    BUILD_SET = 104, caches 0, Plain, |a, j| 1 - a;
    /// Builds a dict from the top `2*arg` items (key, value pairs).
    BUILD_MAP = 105, caches 0, Plain, |a, j| 1 - 2 * a;
    /// TOS = `TOS.names[arg]`.
    LOAD_ATTR = 106, caches 4, Name, |a, j| 0;
    /// TOS = TOS1 `<op>` TOS for one of < <= == != > >=.
    COMPARE_OP = 107, caches 2, Compare, |a, j| -1;
    /// Imports module `names[arg]` (TOS = fromlist, TOS1 = level).
    IMPORT_NAME = 108, caches 0, Name, |a, j| -1;
    /// Pushes attribute `names[arg]` of the module TOS (`from m import x`).
    IMPORT_FROM = 109, caches 0, Name, |a, j| 1;
    /// Jumps forward by `arg`.
    JUMP_FORWARD = 110, caches 0, JumpForward, |a, j| 0;
    /// If TOS is false, jumps forward keeping it; otherwise pops it.
    JUMP_IF_FALSE_OR_POP = 111, caches 0, JumpForward, |a, j| if j { 0 } else { -1 };
    /// If TOS is true, jumps forward keeping it; otherwise pops it.
    JUMP_IF_TRUE_OR_POP = 112, caches 0, JumpForward, |a, j| if j { 0 } else { -1 };
    /// Pops TOS; jumps forward if it was false.
    POP_JUMP_FORWARD_IF_FALSE = 114, caches 0, JumpForward, |a, j| -1;
    /// Pops TOS; jumps forward if it was true.
    POP_JUMP_FORWARD_IF_TRUE = 115, caches 0, JumpForward, |a, j| -1;
    /// Pushes global `names[arg >> 1]` (NULL first if bit 0 is set), falling back to builtins.
    LOAD_GLOBAL = 116, caches 5, Global, |a, j| 1 + (a & 1);
    /// TOS = TOS1 is TOS (arg 1: is not).
    IS_OP = 117, caches 0, Plain, |a, j| -1;
    /// TOS = TOS1 in TOS (arg 1: not in).
    CONTAINS_OP = 118, caches 0, Plain, |a, j| -1;
    /// Re-raises the exception TOS; if arg is set, restores the frame's last instruction first.
    RERAISE = 119, caches 0, Plain, |a, j| -1;
    /// Pushes a copy of the item `arg` deep.
    COPY = 120, caches 0, Plain, |a, j| 1;
    /// TOS = TOS1 `<op>` TOS for the binary operator `arg` (13 and up: in-place forms).
    BINARY_OP = 122, caches 1, BinaryOp, |a, j| -1;
    /// Sends TOS into the sub-iterator TOS1 (`yield from`); jumps forward when it is exhausted.
    SEND = 123, caches 0, JumpForward, |a, j| if j { -1 } else { 0 };
    /// Pushes fast local `arg`.
    LOAD_FAST = 124, caches 0, Local, |a, j| 1;
    /// Pops into fast local `arg`.
    STORE_FAST = 125, caches 0, Local, |a, j| -1;
    /// Deletes fast local `arg`.
    DELETE_FAST = 126, caches 0, Local, |a, j| 0;
    /// Pops TOS; jumps forward if it is not None.
    POP_JUMP_FORWARD_IF_NOT_NONE = 128, caches 0, JumpForward, |a, j| -1;
    /// Pops TOS; jumps forward if it is None.
    POP_JUMP_FORWARD_IF_NONE = 129, caches 0, JumpForward, |a, j| -1;
    /// `raise` (0), `raise exc` (1) or `raise exc from cause` (2).
    RAISE_VARARGS = 130, caches 0, Plain, |a, j| -a;
    /// Builds a function from the code object TOS and the optional parts the flags say are below it.
    MAKE_FUNCTION = 132, caches 0, MakeFunction, |a, j| -((a & 1) + ((a >> 1) & 1) + ((a >> 2) & 1) + ((a >> 3) & 1));
    /// Builds a slice from 2 or 3 items.
    BUILD_SLICE = 133, caches 0, Plain, |a, j| if a == 3 { -2 } else { -1 };
    /// Jumps backward without checking for interrupts (inside `yield from`).
    JUMP_BACKWARD_NO_INTERRUPT = 134, caches 0, JumpBackward, |a, j| 0;
    /// Wraps local `arg` in a new cell.
    MAKE_CELL = 135, caches 0, Free, |a, j| 0;
    /// Pushes the cell in slot `arg` (to build a closure).
    LOAD_CLOSURE = 136, caches 0, Free, |a, j| 1;
    /// Pushes the contents of the cell in slot `arg`.
    LOAD_DEREF = 137, caches 0, Free, |a, j| 1;
    /// Pops into the cell in slot `arg`.
    STORE_DEREF = 138, caches 0, Free, |a, j| -1;
    /// Empties the cell in slot `arg`.
    DELETE_DEREF = 139, caches 0, Free, |a, j| 0;
    /// Jumps backward by `arg`: a loop's back edge, where the JIT counts iterations.
    JUMP_BACKWARD = 140, caches 0, JumpBackward, |a, j| 0;
    /// Calls with `*args` (and `**kwargs` if bit 0 of arg is set).
    CALL_FUNCTION_EX = 142, caches 0, Plain, |a, j| -2 - (a & 1);
    /// Prefixes the next instruction's argument with 8 more bits.
    EXTENDED_ARG = 144, caches 0, Plain, |a, j| 0;
    /// Appends TOS to the list `arg` deep (comprehensions).
    LIST_APPEND = 145, caches 0, Plain, |a, j| -1;
    /// Adds TOS to the set `arg` deep.
    SET_ADD = 146, caches 0, Plain, |a, j| -1;
    /// Stores TOS1: TOS into the dict `arg` deep.
    MAP_ADD = 147, caches 0, Plain, |a, j| -2;
    /// Like LOAD_DEREF, but looks in the class namespace first.
    LOAD_CLASSDEREF = 148, caches 0, Free, |a, j| 1;
    /// Copies the closure's cells into the frame's free-variable slots.
    COPY_FREE_VARS = 149, caches 0, Plain, |a, j| 0;
    /// Start of a code object (and resume point after a yield).
    RESUME = 151, caches 0, Plain, |a, j| 0;
    /// Formats TOS (with the spec below it when bit 2 is set) for an f-string.
    FORMAT_VALUE = 155, caches 0, FormatValue, |a, j| if a & 4 != 0 { -1 } else { 0 };
    /// Builds a dict from `arg` values and the tuple of keys TOS.
    BUILD_CONST_KEY_MAP = 156, caches 0, Plain, |a, j| -a;
    /// Concatenates the top `arg` strings.
    BUILD_STRING = 157, caches 0, Plain, |a, j| 1 - a;
    /// Replaces TOS with (method, self) if `TOS.names[arg]` is a plain method, else (NULL, attribute).
    LOAD_METHOD = 160, caches 10, Name, |a, j| 1;
    /// Extends the list `arg` deep with the iterable TOS.
    LIST_EXTEND = 162, caches 0, Plain, |a, j| -1;
    /// Updates the set `arg` deep with the iterable TOS.
    SET_UPDATE = 163, caches 0, Plain, |a, j| -1;
    /// Merges the mapping TOS into the dict `arg` deep, rejecting duplicate keys (calls).
    DICT_MERGE = 164, caches 0, Plain, |a, j| -1;
    /// Updates the dict `arg` deep with the mapping TOS.
    DICT_UPDATE = 165, caches 0, Plain, |a, j| -1;
    /// First half of a call (CPython specialises here); no effect in pyvm.
    PRECALL = 166, caches 1, Plain, |a, j| 0;
    /// Calls with `arg` arguments: stack is `[NULL or method, callable or self, args...]`.
    CALL = 171, caches 4, Plain, |a, j| -1 - a;
    /// Names the keyword arguments (`consts[arg]`, a tuple of str) of the next CALL. The argument
    /// is a const index, but CPython 3.11's dis shows it bare.
    KW_NAMES = 172, caches 0, Plain, |a, j| 0;
    /// Pops TOS; jumps backward if it is not None.
    POP_JUMP_BACKWARD_IF_NOT_NONE = 173, caches 0, JumpBackward, |a, j| -1;
    /// Pops TOS; jumps backward if it is None.
    POP_JUMP_BACKWARD_IF_NONE = 174, caches 0, JumpBackward, |a, j| -1;
    /// Pops TOS; jumps backward if it was false.
    POP_JUMP_BACKWARD_IF_FALSE = 175, caches 0, JumpBackward, |a, j| -1;
    /// Pops TOS; jumps backward if it was true.
    POP_JUMP_BACKWARD_IF_TRUE = 176, caches 0, JumpBackward, |a, j| -1;

    // ---- compiler-only pseudo-instructions ----

    /// Pseudo: an exception in the block that follows goes to the target (pushes the exception).
    SETUP_FINALLY = 240, caches 0, Jump, |a, j| if j { 1 } else { 0 };
    /// Pseudo: like SETUP_FINALLY, but the handler also receives the raising instruction's offset.
    SETUP_CLEANUP = 241, caches 0, Jump, |a, j| if j { 2 } else { 0 };
    /// Pseudo: the handler of a `with` block.
    SETUP_WITH = 242, caches 0, Jump, |a, j| if j { 1 } else { 0 };
    /// Pseudo: ends the innermost SETUP_* region.
    POP_BLOCK = 243, caches 0, None, |a, j| 0;
    /// Pseudo: unconditional jump; becomes JUMP_FORWARD or JUMP_BACKWARD.
    JUMP = 244, caches 0, Jump, |a, j| 0;
    /// Pseudo: jump without an interrupt check; becomes JUMP_FORWARD or JUMP_BACKWARD_NO_INTERRUPT.
    JUMP_NO_INTERRUPT = 245, caches 0, Jump, |a, j| 0;
    /// Pseudo: becomes POP_JUMP_FORWARD_IF_FALSE or POP_JUMP_BACKWARD_IF_FALSE.
    POP_JUMP_IF_FALSE = 246, caches 0, Jump, |a, j| -1;
    /// Pseudo: becomes POP_JUMP_FORWARD_IF_TRUE or POP_JUMP_BACKWARD_IF_TRUE.
    POP_JUMP_IF_TRUE = 247, caches 0, Jump, |a, j| -1;
    /// Pseudo: becomes POP_JUMP_FORWARD_IF_NONE or POP_JUMP_BACKWARD_IF_NONE.
    POP_JUMP_IF_NONE = 248, caches 0, Jump, |a, j| -1;
    /// Pseudo: becomes POP_JUMP_FORWARD_IF_NOT_NONE or POP_JUMP_BACKWARD_IF_NOT_NONE.
    POP_JUMP_IF_NOT_NONE = 249, caches 0, Jump, |a, j| -1;
}

/// Opcodes below this number take no argument (CPython's `HAVE_ARGUMENT`).
pub const HAVE_ARGUMENT: u8 = 90;

impl Opcode {
    pub fn has_arg(self) -> bool {
        self as u8 >= HAVE_ARGUMENT
    }

    /// Compiler-only instructions that never reach a code object.
    pub fn is_pseudo(self) -> bool {
        self as u8 >= 240
    }

    /// Any instruction that may transfer control to its argument's target.
    pub fn is_jump(self) -> bool {
        matches!(
            self.arg_kind(),
            ArgKind::Jump | ArgKind::JumpForward | ArgKind::JumpBackward
        ) && !matches!(
            self,
            Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH
        )
    }

    /// Jumps that always transfer control (the next instruction is not a successor).
    pub fn is_unconditional_jump(self) -> bool {
        matches!(
            self,
            Opcode::JUMP
                | Opcode::JUMP_NO_INTERRUPT
                | Opcode::JUMP_FORWARD
                | Opcode::JUMP_BACKWARD
                | Opcode::JUMP_BACKWARD_NO_INTERRUPT
        )
    }

    /// Instructions after which control never falls through.
    pub fn is_scope_exit(self) -> bool {
        matches!(
            self,
            Opcode::RETURN_VALUE | Opcode::RAISE_VARARGS | Opcode::RERAISE
        )
    }

    pub fn is_block_push(self) -> bool {
        matches!(
            self,
            Opcode::SETUP_FINALLY | Opcode::SETUP_CLEANUP | Opcode::SETUP_WITH
        )
    }
}

/// One 2-byte code unit: opcode and 8-bit argument (wider arguments use EXTENDED_ARG prefixes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct CodeUnit {
    pub op: Opcode,
    pub arg: u8,
}

impl CodeUnit {
    pub fn new(op: Opcode, arg: u8) -> CodeUnit {
        CodeUnit { op, arg }
    }
}

/// CPython's comparison operator names, indexed by the COMPARE_OP argument.
pub const CMP_OPS: [&str; 6] = ["<", "<=", "==", "!=", ">", ">="];

/// CPython's binary operator symbols, indexed by the BINARY_OP argument.
pub const BINARY_OPS: [&str; 26] = [
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^", "+=", "&=", "//=", "<<=",
    "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
];

/// The number of BINARY_OP arguments that are not in-place forms.
pub const NB_INPLACE_OFFSET: u32 = 13;

/// BINARY_OP arguments the interpreter's inline fast paths dispatch on (CPython's `NB_*`).
pub mod nb {
    pub const ADD: u32 = 0;
    pub const FLOOR_DIVIDE: u32 = 2;
    pub const MULTIPLY: u32 = 5;
    pub const POWER: u32 = 8;
    pub const REMAINDER: u32 = 6;
    pub const SUBTRACT: u32 = 10;
    pub const TRUE_DIVIDE: u32 = 11;
    pub const INPLACE_ADD: u32 = 13;
    pub const INPLACE_FLOOR_DIVIDE: u32 = 15;
    pub const INPLACE_MULTIPLY: u32 = 18;
    pub const INPLACE_POWER: u32 = 21;
    pub const INPLACE_REMAINDER: u32 = 19;
    pub const INPLACE_SUBTRACT: u32 = 23;
    pub const INPLACE_TRUE_DIVIDE: u32 = 24;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for &op in Opcode::ALL {
            assert!(seen.insert(op as u8), "{} reuses a number", op.name());
            assert_eq!(Opcode::from_u8(op as u8), Some(op));
        }
        assert_eq!(std::mem::size_of::<CodeUnit>(), 2);
    }

    #[test]
    fn cache_counts_match_cpython() {
        assert_eq!(Opcode::LOAD_GLOBAL.caches(), 5);
        assert_eq!(Opcode::CALL.caches(), 4);
        assert_eq!(Opcode::LOAD_METHOD.caches(), 10);
        assert_eq!(Opcode::BINARY_OP.caches(), 1);
    }
}
