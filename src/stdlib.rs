//! The embedded standard library: modules written in Python (`src/stdlib/<name>.py`), compiled into
//! the binary. The importer looks here after the built-in Rust modules and before the program's
//! directory; their code objects are named `<frozen NAME>`, as CPython names its frozen modules.

/// The Python source of the embedded module `name`, if there is one.
pub fn source(name: &str) -> Option<&'static str> {
    Some(match name {
        "bisect" => include_str!("stdlib/bisect.py"),
        "collections" => include_str!("stdlib/collections.py"),
        "functools" => include_str!("stdlib/functools.py"),
        "string" => include_str!("stdlib/string.py"),
        "timeit" => include_str!("stdlib/timeit.py"),
        _ => return None,
    })
}

/// The filename tracebacks show for the embedded module `name`.
pub fn filename(name: &str) -> String {
    format!("<frozen {name}>")
}
