//! pyvm: a Python-subset interpreter.
pub mod syntax;
