//! Bytecode: the declare-once opcode table, the code object with its position and exception
//! tables, and `dis`.

pub mod code;
pub mod dis;
pub mod opcodes;

pub use code::{Code, ExceptionEntry, Instruction, Position};
pub use opcodes::{ArgKind, CodeUnit, Opcode};
