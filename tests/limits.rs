//! The limits a host (and the `pyvm` command) sets on a script: recursion depth, a step budget,
//! a deadline, an interrupt flag, a memory ceiling, and no file system by default. Each ends the
//! script with a clean Python exception — never a crash or a hang — and the command exits with
//! status 1 after the traceback (or, for Ctrl-C, is ended by SIGINT after it, as CPython is).
//! Tracebacks that CPython also produces are CPython 3.11's.
//!
//! This binary installs the counting allocator, as the `pyvm` command does, so the memory ceiling
//! sees the whole heap; tests run in parallel, so ceilings leave room for the other tests.

mod support;

use pyvm::vm::ExcKind;
use pyvm::{Capture, Vm};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use support::{pyvm, run, Outcome};

#[global_allocator]
static GLOBAL: pyvm::alloc::Counting<std::alloc::System> =
    pyvm::alloc::Counting::new(std::alloc::System);

/// A backstop so that a broken limit fails the test instead of hanging it.
const BACKSTOP: Duration = Duration::from_secs(60);

fn vm_with_output() -> (Vm, Capture) {
    let mut vm = Vm::new();
    let out = Capture::new();
    vm.set_output(out.clone());
    vm.set_time_limit(Some(BACKSTOP));
    (vm, out)
}

/// A fresh directory under the target directory holding `files` (name, contents).
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    for (file, text) in files {
        std::fs::write(dir.join(file), text).expect("write scratch file");
    }
    dir
}

/// Runs `pyvm run <flags> prog.py` on `source` in a scratch directory.
fn cli(name: &str, flags: &[&str], source: &str) -> (Outcome, PathBuf) {
    let dir = scratch(name, &[("prog.py", source)]);
    let mut args = vec!["run"];
    args.extend_from_slice(flags);
    args.push("prog.py");
    (run(pyvm(), &args, &dir), dir)
}

// ---------------------------------------------------------------- recursion

const RECURSE_FOREVER: &str = "def f(n):\n    return f(n + 1)\nf(0)\n";

#[test]
fn cli_recursion_100000_deep() {
    let (out, _) = cli(
        "deep",
        &[],
        "import sys\nsys.setrecursionlimit(200000)\n\
         def f(n):\n    if n == 0:\n        return 0\n    return f(n - 1) + 1\nprint(f(100000))\n",
    );
    assert_eq!(
        (out.stdout.as_str(), out.status),
        ("100000\n", 0),
        "{}",
        out.stderr
    );
}

#[test]
fn cli_unbounded_recursion_is_a_recursion_error() {
    let (out, dir) = cli("recurse", &[], RECURSE_FOREVER);
    let file = dir.join("prog.py");
    let frame = format!(
        "  File \"{}\", line 2, in f\n    return f(n + 1)\n           ^^^^^^^^\n",
        file.display()
    );
    let expected = format!(
        "Traceback (most recent call last):\n  File \"{}\", line 3, in <module>\n    f(0)\n{}{}{}{}\
         \x20 [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n",
        file.display(),
        frame,
        frame,
        frame,
        ""
    );
    assert_eq!(out.stderr, expected);
    assert_eq!(out.status, 1);
}

/// Runs `source` in a fresh VM on a thread with a small stack, as a host might: its output, or
/// the exception's type name and traceback.
fn on_small_stack(source: &'static str) -> Result<String, (String, String)> {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let (mut vm, out) = vm_with_output();
            vm.run(source, "deep.py")
                .map(|()| out.contents())
                .map_err(|e| (e.type_name(), e.traceback().to_string()))
        })
        .expect("spawn")
        .join()
        .expect("the VM thread ended normally")
}

#[test]
fn host_on_a_2mib_stack_gets_recursion_error_not_overflow() {
    let err = on_small_stack(
        "import sys\nsys.setrecursionlimit(10**6)\ndef f(n):\n    return f(n + 1)\nf(0)\n",
    )
    .unwrap_err();
    assert_eq!(err.0, "RecursionError", "{}", err.1);
}

#[test]
fn recursion_through_builtins_is_a_recursion_error() {
    // Python code re-entered from builtins: repr, ==, hash, sorted's key, map, getattr.
    let source = "import sys\nsys.setrecursionlimit(10**6)\n\
        class A:\n    def __repr__(self):\n        return repr(self)\n\
        class B:\n    def __eq__(self, o):\n        return self == o\n\
        class C:\n    def __hash__(self):\n        return hash(self)\n\
        class D:\n    def __getattr__(self, n):\n        return getattr(self, n)\n\
        def k(x):\n    return sorted([x], key=k)\n\
        def m(x):\n    return list(map(m, [x]))\n\
        for name, fn in [('repr', lambda: repr(A())), ('eq', lambda: B() == B()),\n\
                         ('hash', lambda: hash(C())), ('getattr', lambda: D().x),\n\
                         ('sorted', lambda: k(1)), ('map', lambda: m(1)), ('fmt', lambda: f'{A()}')]:\n\
        \x20   try:\n        fn()\n    except RecursionError as e:\n        print(name, 'RecursionError')\n";
    let out = on_small_stack(source).unwrap();
    assert_eq!(
        out,
        "repr RecursionError\neq RecursionError\nhash RecursionError\ngetattr RecursionError\n\
         sorted RecursionError\nmap RecursionError\nfmt RecursionError\n"
    );
}

#[test]
fn deeply_nested_data_is_a_recursion_error() {
    // CPython: "maximum recursion depth exceeded while getting the repr of an object" and
    // "... in comparison"; the data itself is built and dropped without recursion errors.
    let source = "def nest(n):\n    x = []\n    for i in range(n):\n        x = [x]\n    return x\n\
        a = nest(100000)\nb = nest(100000)\n\
        for name, fn in [('repr', lambda: repr(a)), ('str', lambda: str(a)), ('eq', lambda: a == b)]:\n\
        \x20   try:\n        fn()\n        print(name, 'ok')\n    except RecursionError as e:\n        print(name, e)\n\
        del a, b\nprint('dropped')\n";
    let out = on_small_stack(source).unwrap();
    assert_eq!(
        out,
        "repr maximum recursion depth exceeded while getting the repr of an object\n\
         str maximum recursion depth exceeded while getting the repr of an object\n\
         eq maximum recursion depth exceeded in comparison\ndropped\n"
    );
}

// ---------------------------------------------------------------- step budget and deadline

#[test]
fn step_budget_stops_a_loop_that_swallows_exceptions() {
    let (mut vm, out) = vm_with_output();
    vm.set_step_limit(Some(100_000));
    let source = "n = 0\nwhile True:\n    try:\n        while True:\n            n += 1\n    \
                  except BaseException as e:\n        print('caught', type(e).__name__)\n";
    let err = vm.run(source, "spin.py").unwrap_err();
    assert!(err.is(ExcKind::LimitExceeded), "{err}");
    assert!(!err.is(ExcKind::Exception));
    assert_eq!(out.contents(), "caught LimitExceeded\n");
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"spin.py\", line 2, in <module>\n    \
         while True:\nLimitExceeded: step limit exceeded (100000 steps)\n"
    );
    let n: i64 = vm.get_global("n").unwrap();
    assert!((90_000..=100_000).contains(&n), "{n}");
    // The budget stays exhausted until the host sets a new one.
    assert!(vm.run("for i in range(10): pass\n", "again.py").is_err());
    vm.set_step_limit(None);
    vm.run("for i in range(200000): pass\nprint('done')\n", "again.py")
        .unwrap();
    assert!(out.contents().ends_with("done\n"));
}

#[test]
fn step_budget_counts_calls_and_builtin_iteration() {
    let cases = [
        "def f():\n    f2()\ndef f2():\n    pass\nwhile True:\n    try:\n        f()\n    except Exception:\n        pass\n",
        "import itertools\nsum(itertools.count())\n",
        "import itertools\nfor x in map(abs, itertools.count()):\n    pass\n",
        "sorted(range(10**7), key=lambda x: -x)\n",
        "list(map(lambda x: x, range(10**8)))\n",
        "def g():\n    while True:\n        yield 1\nsum(g())\n",
        "any(iter(int, 1))\n",
    ];
    for source in cases {
        let (mut vm, _) = vm_with_output();
        vm.set_step_limit(Some(50_000));
        let err = vm.run(source, "steps.py").unwrap_err();
        assert!(
            err.is(ExcKind::LimitExceeded) || err.is(ExcKind::RecursionError),
            "{source}: {err}"
        );
    }
}

#[test]
fn deadline_stops_an_endless_loop() {
    let (mut vm, _) = vm_with_output();
    vm.set_time_limit(Some(Duration::from_millis(200)));
    let err = vm
        .run("x = 0\nwhile True:\n    x += 1\n", "forever.py")
        .unwrap_err();
    assert!(err.is(ExcKind::LimitExceeded), "{err}");
    assert!(
        err.traceback()
            .ends_with("LimitExceeded: time limit exceeded (200ms)\n"),
        "{err}"
    );
}

// ---------------------------------------------------------------- interrupt

#[test]
fn interrupt_from_another_thread_raises_keyboard_interrupt() {
    let (mut vm, out) = vm_with_output();
    let handle = vm.interrupt_handle();
    let poke = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        handle.interrupt();
    });
    let source = "try:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('interrupted')\n\
                  while True:\n    pass\n";
    let handle = vm.interrupt_handle();
    let again = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        handle.interrupt();
    });
    let err = vm.run(source, "ki.py").unwrap_err();
    poke.join().unwrap();
    again.join().unwrap();
    assert_eq!(out.contents(), "interrupted\n");
    assert_eq!(
        err.traceback(),
        "Traceback (most recent call last):\n  File \"ki.py\", line 6, in <module>\n    \
         while True:\nKeyboardInterrupt\n"
    );
}

#[cfg(unix)]
#[test]
fn cli_ctrl_c_raises_keyboard_interrupt_and_ends_by_sigint() {
    use std::os::unix::process::ExitStatusExt;
    let dir = scratch(
        "sigint",
        &[(
            "prog.py",
            "import sys\nprint('ready')\nsys.stdout.flush()\nx = 0\nwhile True:\n    x += 1\n",
        )],
    );
    let mut child = Command::new(pyvm())
        .args(["run", "prog.py"])
        .current_dir(&dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start pyvm");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("piped"))
        .read_line(&mut line)
        .expect("read");
    assert_eq!(line, "ready\n");
    // SAFETY: signals the child this test started.
    unsafe {
        libc::kill(child.id() as libc::pid_t, libc::SIGINT);
    }
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > BACKSTOP {
            let _ = child.kill();
            panic!("pyvm did not stop on SIGINT");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("piped"), &mut err).unwrap();
    // CPython 3.11 prints the traceback, then ends by SIGINT (a shell shows status 130).
    assert_eq!(status.signal(), Some(libc::SIGINT), "{status:?}: {err}");
    assert_eq!(
        err,
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line 5, in <module>\n    \
             while True:\nKeyboardInterrupt\n",
            dir.join("prog.py").display()
        )
    );
}

// ---------------------------------------------------------------- memory

const APPEND_FOREVER: &str = "x = []\ntry:\n    while True:\n        x.append('a' * 10**6)\n\
    except MemoryError as e:\n    n = len(x)\n    x = None\n    print('caught', repr(e), n > 10)\n\
    try:\n    s = 'a' * 10**12\nexcept MemoryError:\n    print('huge')\n\
    y = [[i] for i in range(1000)]\nprint('continues', len(y))\n";

#[test]
fn memory_ceiling_raises_memory_error_that_scripts_catch() {
    let (mut vm, out) = vm_with_output();
    vm.set_memory_limit(Some(100 << 20));
    vm.run(APPEND_FOREVER, "mem.py").unwrap();
    assert_eq!(
        out.contents(),
        "caught MemoryError() True\nhuge\ncontinues 1000\n"
    );
    // Uncaught, it ends the run like any exception.
    let err = vm
        .run("x = []\nwhile True:\n    x.append([0] * 1000)\n", "bomb.py")
        .unwrap_err();
    assert!(err.is(ExcKind::MemoryError), "{err}");
    assert!(err.traceback().ends_with("\nMemoryError\n"), "{err}");
    vm.run("x = None\n", "free.py").unwrap();
    vm.set_memory_limit(None);
}

#[test]
fn single_large_allocations_respect_the_ceiling() {
    let (mut vm, out) = vm_with_output();
    vm.set_memory_limit(Some(100 << 20));
    let source = "for make in [lambda: 'a' * 10**9, lambda: [0] * 10**8, lambda: (1,) * 10**8,\n\
                  lambda: b'x' * 10**9, lambda: bytes(10**9), lambda: 7 ** 10**9, lambda: 1 << 10**9,\n\
                  lambda: 'a'.ljust(10**9), lambda: '1'.zfill(10**9), lambda: list(range(10**9))]:\n\
                  \x20   try:\n        make()\n        print('built')\n    except MemoryError:\n        print('MemoryError')\n";
    vm.run(source, "big.py").unwrap();
    assert_eq!(out.contents(), "MemoryError\n".repeat(10));
}

#[test]
fn cli_limits_end_with_a_traceback_and_status_1() {
    let (out, dir) = cli(
        "cli_steps",
        &["--max-steps", "10000"],
        "while True:\n    pass\n",
    );
    let file = dir.join("prog.py");
    assert_eq!(out.status, 1);
    assert_eq!(
        out.stderr,
        format!(
            "Traceback (most recent call last):\n  File \"{}\", line 1, in <module>\n    \
             while True:\nLimitExceeded: step limit exceeded (10000 steps)\n",
            file.display()
        )
    );
    let (out, _) = cli(
        "cli_timeout",
        &["--timeout", "0.2"],
        "while True:\n    pass\n",
    );
    assert_eq!(out.status, 1);
    assert!(
        out.stderr
            .ends_with("LimitExceeded: time limit exceeded (200ms)\n"),
        "{}",
        out.stderr
    );
    let (out, _) = cli(
        "cli_memory",
        &["--max-memory", "100M"],
        "x = []\nwhile True:\n    x.append('a' * 10**6)\n",
    );
    assert_eq!(out.status, 1);
    assert!(out.stderr.ends_with("\nMemoryError\n"), "{}", out.stderr);
    let (out, _) = cli("cli_memory_ok", &["--max-memory", "100M"], APPEND_FOREVER);
    assert_eq!(
        (out.stdout.as_str(), out.status),
        ("caught MemoryError() True\nhuge\ncontinues 1000\n", 0),
        "{}",
        out.stderr
    );
}

// ---------------------------------------------------------------- no file system by default

#[test]
fn a_host_vm_reaches_no_files_but_the_cli_does() {
    let dir = scratch(
        "imports",
        &[
            ("helper.py", "VALUE = 42\n"),
            ("prog.py", "import helper\nprint(helper.VALUE)\n"),
        ],
    );
    let (mut vm, _) = vm_with_output();
    let source = std::fs::read_to_string(dir.join("prog.py")).unwrap();
    let err = vm
        .run(&source, &dir.join("prog.py").to_string_lossy())
        .unwrap_err();
    assert!(err.is(ExcKind::ModuleNotFoundError), "{err}");
    let (mut vm, out) = vm_with_output();
    vm.run(
        "import sys, os\nprint(sys.path, hasattr(os, 'listdir'), hasattr(os, 'system'))\n\
         try:\n    input()\nexcept EOFError as e:\n    print('EOFError', e)\n\
         try:\n    open('prog.py')\nexcept NameError as e:\n    print(e)\n",
        "probe.py",
    )
    .unwrap();
    assert_eq!(
        out.contents(),
        "[] False False\nEOFError EOF when reading a line\nname 'open' is not defined\n"
    );
    let out = run(pyvm(), &["run", "prog.py"], &dir);
    assert_eq!(
        (out.stdout.as_str(), out.status),
        ("42\n", 0),
        "{}",
        out.stderr
    );
    let _ = std::io::stdout().flush();
}
