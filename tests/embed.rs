//! The embedding API from a host's side: running code, globals both ways, calling into Python,
//! conversions each way, Rust functions and modules called from Python, output capture, and
//! errors rendered as the CLI prints them. Expected tracebacks are CPython 3.11's for the same
//! source and file name.

use pyvm::vm::ExcKind;
use pyvm::{parse_args, Capture, HostModule, PyErr, Value, Vm};
use std::collections::{BTreeMap, HashMap};

/// A VM whose print output is captured.
fn vm_with_output() -> (Vm, Capture) {
    let mut vm = Vm::new();
    let out = Capture::new();
    vm.set_output(out.clone());
    (vm, out)
}

#[test]
fn runs_share_one_main_namespace() {
    let (mut vm, out) = vm_with_output();
    vm.run("x = 40\n", "a.py").unwrap();
    vm.run("x += 2\nprint(x, __name__)\n", "b.py").unwrap();
    assert_eq!(out.contents(), "42 __main__\n");
    assert_eq!(vm.get_global::<i64>("x").unwrap(), 42);
}

#[test]
fn globals_both_ways() {
    let (mut vm, out) = vm_with_output();
    vm.set_global("n", 7);
    vm.set_global("ratio", 0.5);
    vm.set_global("flag", true);
    vm.set_global("name", "pyvm");
    vm.set_global("owned", String::from("s"));
    vm.set_global("nothing", None::<i64>);
    vm.set_global("items", vec![1, 2, 3]);
    vm.set_global("pair", (1, "one"));
    vm.set_global("table", BTreeMap::from([("b", 2), ("a", 1)]));
    vm.run(
        "print(n, ratio, flag, name, owned, nothing, items, pair, table)\n\
         total = sum(items) + n\nwords = name.upper().split('V')\n",
        "g.py",
    )
    .unwrap();
    assert_eq!(
        out.contents(),
        "7 0.5 True pyvm s None [1, 2, 3] (1, 'one') {'a': 1, 'b': 2}\n"
    );
    assert_eq!(vm.get_global::<i64>("total").unwrap(), 13);
    assert_eq!(vm.get_global::<Vec<String>>("words").unwrap(), ["PY", "M"]);
    assert_eq!(vm.get_global::<Option<i64>>("nothing").unwrap(), None);
}

#[test]
fn conversions_from_python() {
    let mut vm = Vm::new();
    vm.run(
        "i = 2**40\nbig = 2**70\nf = 1.25\ns = 'héllo'\nb = False\nn = None\n\
         l = [1, 2]\nt = (3, 'x', 2.5)\nd = {'z': 1, 'a': [1, 2]}\nnested = [[1], [2, 3]]\n",
        "c.py",
    )
    .unwrap();
    assert_eq!(vm.get_global::<i64>("i").unwrap(), 1 << 40);
    assert_eq!(vm.get_global::<u128>("big").unwrap(), 1u128 << 70);
    assert_eq!(vm.get_global::<f64>("f").unwrap(), 1.25);
    assert_eq!(vm.get_global::<f64>("i").unwrap(), (1u64 << 40) as f64);
    assert_eq!(vm.get_global::<String>("s").unwrap(), "héllo");
    assert!(!vm.get_global::<bool>("b").unwrap());
    vm.get_global::<()>("n").unwrap();
    assert_eq!(vm.get_global::<Vec<i64>>("l").unwrap(), [1, 2]);
    assert_eq!(
        vm.get_global::<(i64, String, f64)>("t").unwrap(),
        (3, "x".to_string(), 2.5)
    );
    let d: HashMap<String, Value> = vm.get_global("d").unwrap();
    assert_eq!(d.len(), 2);
    assert_eq!(d["z"].extract::<i64>().unwrap(), 1);
    let pairs: Vec<(String, Vec<i64>)> = vm.eval("{'k': [1], 'j': []}").unwrap();
    assert_eq!(
        pairs,
        [("k".to_string(), vec![1]), ("j".to_string(), vec![])]
    );
    assert_eq!(
        vm.get_global::<Vec<Vec<i64>>>("nested").unwrap(),
        [vec![1], vec![2, 3]]
    );
    let v: Value = vm.get_global("l").unwrap();
    assert!(matches!(v, Value::List(_)));
}

#[test]
fn wrong_types_are_python_errors() {
    let mut vm = Vm::new();
    vm.run("s = 'x'\ni = 5\nbig = 2**70\nt = (1, 2)\n", "w.py")
        .unwrap();
    let e = vm.get_global::<i64>("s").unwrap_err();
    assert!(e.is(ExcKind::TypeError));
    assert_eq!(
        e.to_string(),
        "TypeError: 'str' object cannot be interpreted as an integer"
    );
    let e = vm.get_global::<String>("i").unwrap_err();
    assert_eq!(e.traceback(), "TypeError: expected str, got int\n");
    let e = vm.get_global::<f64>("s").unwrap_err();
    assert_eq!(e.to_string(), "TypeError: must be real number, not str");
    let e = vm.get_global::<bool>("i").unwrap_err();
    assert_eq!(e.to_string(), "TypeError: expected bool, got int");
    let e = vm.get_global::<i64>("big").unwrap_err();
    assert!(e.is(ExcKind::OverflowError), "{e}");
    let e = vm.get_global::<Vec<i64>>("i").unwrap_err();
    assert_eq!(
        e.to_string(),
        "TypeError: expected list, tuple or dict, got int"
    );
    let e = vm.get_global::<(i64, i64, i64)>("t").unwrap_err();
    assert_eq!(
        e.to_string(),
        "ValueError: expected a tuple of length 3, got length 2"
    );
    let e = vm.get_global::<i64>("missing").unwrap_err();
    assert_eq!(e.type_name(), "NameError");
    assert_eq!(e.to_string(), "NameError: name 'missing' is not defined");
}

#[test]
fn calling_python_functions() {
    let (mut vm, out) = vm_with_output();
    vm.run(
        "def add(a, b):\n    print('adding')\n    return a + b\n\
         def greet(who='world'):\n    return 'hello ' + who\n\
         def pair():\n    return 1, [2.5]\n",
        "f.py",
    )
    .unwrap();
    assert_eq!(vm.call_global::<i64>("add", (2, 3)).unwrap(), 5);
    assert_eq!(out.take(), "adding\n");
    assert_eq!(vm.call_global::<String>("add", ("a", "b")).unwrap(), "ab");
    assert_eq!(
        vm.call_global::<String>("greet", ()).unwrap(),
        "hello world"
    );
    assert_eq!(
        vm.call_global::<(i64, Vec<f64>)>("pair", ()).unwrap(),
        (1, vec![2.5])
    );
    let f: Value = vm.get_global("greet").unwrap();
    let args = vec![Value::str("host")];
    assert_eq!(vm.call_value::<String>(&f, args).unwrap(), "hello host");
    // A Python error inside the call, with its traceback.
    let e = vm.call_global::<i64>("add", (1, "x")).unwrap_err();
    assert_eq!(
        e.traceback(),
        "Traceback (most recent call last):\n  File \"f.py\", line 3, in add\n    \
         return a + b\n           ~~^~~\nTypeError: unsupported operand type(s) for +: \
         'int' and 'str'\n"
    );
    let e = vm.call_global::<i64>("nope", ()).unwrap_err();
    assert!(e.is(ExcKind::NameError));
}

#[test]
fn host_functions_called_from_python() {
    let (mut vm, out) = vm_with_output();
    vm.register_function("scale", |_vm, args| {
        let (x, k): (f64, f64) = parse_args("scale", args)?;
        Ok(x * k)
    });
    vm.register_function("checked_sqrt", |_vm, args| {
        let (x,): (f64,) = parse_args("checked_sqrt", args)?;
        if x < 0.0 {
            return Err(PyErr::value_error("negative input"));
        }
        Ok(x.sqrt())
    });
    // A callback may call back into Python.
    vm.register_function("apply", |vm, args| {
        let (f, x): (Value, i64) = parse_args("apply", args)?;
        let r: i64 = vm.call_value(&f, (x,))?;
        Ok(r + 1)
    });
    vm.run(
        "print(scale(3, 0.5), checked_sqrt(16))\n\
         try:\n    checked_sqrt(-1)\nexcept ValueError as e:\n    print('caught', e)\n\
         try:\n    scale(1)\nexcept TypeError as e:\n    print(e)\n\
         try:\n    scale('a', 1)\nexcept TypeError as e:\n    print(e)\n\
         try:\n    scale(x=1)\nexcept TypeError as e:\n    print(e)\n\
         print(apply(lambda v: v * 10, 4), scale, type(scale).__name__)\n",
        "h.py",
    )
    .unwrap();
    assert_eq!(
        out.contents(),
        "1.5 4.0\ncaught negative input\nscale() takes exactly 2 arguments (1 given)\n\
         must be real number, not str\nscale() takes no keyword arguments\n\
         41 <built-in function scale> builtin_function_or_method\n"
    );
    // Uncaught, the host error is a Python traceback ending in the host's exception.
    let e = vm
        .run("def f(v):\n    return checked_sqrt(v)\n\nf(-4)\n", "u.py")
        .unwrap_err();
    assert_eq!(
        e.traceback(),
        "Traceback (most recent call last):\n  File \"u.py\", line 4, in <module>\n    f(-4)\n  \
         File \"u.py\", line 2, in f\n    return checked_sqrt(v)\n           ^^^^^^^^^^^^^^^\n\
         ValueError: negative input\n"
    );
}

#[test]
fn host_modules_are_importable() {
    let (mut vm, out) = vm_with_output();
    let counter = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = counter.clone();
    vm.register_module(
        HostModule::new("hostmod")
            .function("bump", move |_vm, args| {
                let (by,): (i64,) = parse_args("bump", args)?;
                seen.set(seen.get() + by);
                Ok(seen.get())
            })
            .function("names", |_vm, _args| Ok(vec!["a", "b"]))
            .constant("LIMIT", 10),
    );
    vm.run(
        "import hostmod\nfrom hostmod import bump, LIMIT\n\
         print(hostmod.bump(2), bump(3), LIMIT, hostmod.names())\n\
         try:\n    hostmod.missing\nexcept AttributeError as e:\n    print(e)\n",
        "m.py",
    )
    .unwrap();
    assert_eq!(
        out.contents(),
        "2 5 10 ['a', 'b']\nmodule 'hostmod' has no attribute 'missing'\n"
    );
    assert_eq!(counter.get(), 5);
}

#[test]
fn output_goes_to_any_writer() {
    let mut vm = Vm::new();
    let out = Capture::new();
    let err = Capture::new();
    vm.set_output(out.clone());
    vm.set_error_output(err.clone());
    vm.run(
        "import sys\nprint('to out', end='!')\nsys.stderr.write('to err\\n')\n",
        "o.py",
    )
    .unwrap();
    assert_eq!(out.contents(), "to out!");
    assert_eq!(err.contents(), "to err\n");
    // The older in-memory capture still works.
    let buf = vm.capture_output();
    vm.run("print(1)\n", "o2.py").unwrap();
    assert_eq!(buf.borrow().as_str(), "1\n");
}

#[test]
fn runtime_errors_render_as_the_cli_prints_them() {
    let (mut vm, out) = vm_with_output();
    let source =
        "def divide(a, b):\n    return a / b\n\ndef run():\n    return divide(1, 0)\n\nrun()\n";
    let e = vm.run(source, "script.py").unwrap_err();
    assert!(!e.is_syntax_error());
    assert!(e.is(ExcKind::ArithmeticError));
    assert_eq!(e.type_name(), "ZeroDivisionError");
    // CPython 3.11 on the same file.
    let expected = "Traceback (most recent call last):\n  File \"script.py\", line 7, in <module>\n    \
                    run()\n  File \"script.py\", line 5, in run\n    return divide(1, 0)\n           \
                    ^^^^^^^^^^^^\n  File \"script.py\", line 2, in divide\n    return a / b\n           \
                    ~~^~~\nZeroDivisionError: division by zero\n";
    assert_eq!(e.traceback(), expected);
    assert_eq!(format!("{e}\n"), expected);
    assert_eq!(out.contents(), "");
    // A host can raise the error back into Python with `?`.
    let back: PyErr = e.clone().into();
    assert!(back.is(ExcKind::ZeroDivisionError));
    let boxed: Box<dyn std::error::Error> = Box::new(e);
    assert!(boxed
        .to_string()
        .ends_with("ZeroDivisionError: division by zero"));
}

#[test]
fn syntax_errors_render_as_the_cli_prints_them() {
    let (mut vm, out) = vm_with_output();
    let e = vm
        .run("print('never')\nprint(x +)\n", "syn.py")
        .unwrap_err();
    assert!(e.is_syntax_error());
    assert_eq!(e.type_name(), "SyntaxError");
    assert!(e.is(ExcKind::SyntaxError));
    // The exception carries CPython's attributes; a host can raise it into Python.
    let exc = Value::Instance(e.exception().instance().unwrap().clone());
    vm.set_global("err", exc);
    vm.run(
        "line, off, msg = err.lineno, err.offset, err.msg
",
        "<host>",
    )
    .unwrap();
    assert_eq!(
        vm.eval::<(i64, i64, String)>("(line, off, msg)").unwrap(),
        (2, 10, "invalid syntax".to_string())
    );
    assert_eq!(
        e.traceback(),
        "  File \"syn.py\", line 2\n    print(x +)\n             ^\nSyntaxError: invalid syntax\n"
    );
    assert_eq!(
        out.contents(),
        "",
        "nothing runs when the source does not compile"
    );
    let e = vm.run("if True:\nx = 1\n", "<string>").unwrap_err();
    assert_eq!(
        e.to_string(),
        "  File \"<string>\", line 2\n    x = 1\n    ^\nIndentationError: expected an indented \
         block after 'if' statement on line 1"
    );
    assert!(e.is(ExcKind::SyntaxError) && e.type_name() == "IndentationError");
    // The VM stays usable.
    assert_eq!(vm.eval::<i64>("6 * 7").unwrap(), 42);
}

/// A generator abandoned when a host's run ends (here by an exception unwinding its frame) is
/// closed by that VM, into that VM's output, not by the next VM to run on the thread.
#[test]
fn generators_abandoned_by_a_run_close_in_their_own_vm() {
    let program =
        "def numbers():\n    try:\n        yield 1\n    finally:\n        print('closed')\n\
                   def f():\n    it = numbers()\n    next(it)\n    raise ValueError\nf()\n";
    let (mut first, first_out) = vm_with_output();
    assert!(first.run(program, "a.py").is_err());
    let (mut second, second_out) = vm_with_output();
    second.run("print('second')\n", "b.py").unwrap();
    assert_eq!(first_out.contents(), "closed\n");
    assert_eq!(second_out.contents(), "second\n");
}
