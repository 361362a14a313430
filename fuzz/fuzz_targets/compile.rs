//! Fuzz target `compile`: arbitrary bytes through the front end as `pyvm run` reads a file —
//! source decoding, the lexer, the parser, the compiler — then `dis` of the result, or the
//! rendering of the SyntaxError. Every input must end in one or the other: a panic, a stack
//! overflow or a hang (libFuzzer's `-timeout`) is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;

const FILENAME: &str = "<fuzz>";

fuzz_target!(|data: &[u8]| {
    let source = match pyvm::syntax::source::decode_source(data, FILENAME) {
        Ok(text) => text,
        Err(_) => return,
    };
    let src = pyvm::syntax::normalize_newlines(&source);
    let compiled = pyvm::syntax::parse_module(&src)
        .and_then(|module| pyvm::compile::compile_module(&module, FILENAME, &src));
    match compiled {
        Ok(code) => {
            let _ = pyvm::bytecode::dis::dis_module(&code);
        }
        Err(e) => {
            let _ = e.render(FILENAME, &src);
        }
    }
});
