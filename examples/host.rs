//! A Rust program hosting pyvm: it registers a builtin and a module, runs a script, reads a
//! global, calls a Python function and captures what the script prints.
//!
//! Run with `cargo run --example host`.

use pyvm::{parse_args, Capture, HostModule, PyErr, Vm};
use std::collections::BTreeMap;

const SCRIPT: &str = r#"
import inventory

def restock(stock, minimum):
    """Quantities to order so that every item reaches `minimum`."""
    return {item: minimum - n for item, n in stock.items() if n < minimum}

stock = inventory.load()
log(f"loaded {len(stock)} items, limit {inventory.LIMIT}")
try:
    inventory.load("nowhere")
except KeyError as e:
    log(f"no such store: {e}")
order = restock(stock, 5)
print("order:", order)
"#;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut vm = Vm::new();
    let out = Capture::new();
    vm.set_output(out.clone());

    // A builtin: `log(message)`.
    vm.register_function("log", |_vm, args| {
        let (message,): (String,) = parse_args("log", args)?;
        eprintln!("[script] {message}");
        Ok(())
    });

    // A module: `import inventory`.
    vm.register_module(
        HostModule::new("inventory")
            .function("load", |_vm, args| {
                let store = match args {
                    [] => "main".to_string(),
                    [name] => name.extract::<String>()?,
                    _ => return Err(PyErr::type_error("load() takes at most 1 argument")),
                };
                if store != "main" {
                    return Err(PyErr::key_error(pyvm::IntoPy::into_py(store)));
                }
                Ok(BTreeMap::from([("bolts", 12), ("nuts", 3), ("washers", 0)]))
            })
            .constant("LIMIT", 100),
    );

    if let Err(e) = vm.run(SCRIPT, "inventory_script.py") {
        eprintln!("{e}");
        return Err(e.into());
    }
    print!("the script printed: {}", out.take());

    let order: BTreeMap<String, i64> = vm.get_global("order")?;
    println!("read back from Rust: {order:?}");

    let more: BTreeMap<String, i64> =
        vm.call_global("restock", (BTreeMap::from([("gears", 1)]), 4))?;
    println!("restock called from Rust: {more:?}");

    // Errors carry the Python traceback, as `pyvm` would print it.
    if let Err(e) = vm.run("restock(None, 1)\n", "<host>") {
        println!("a failing call:\n{e}");
    }
    Ok(())
}
