//! Malformed programs through the `pyvm` CLI. Each must end as CPython 3.11 ends it: a clean Python
//! error on stderr with exit status 1 (or a normal run, where CPython runs it) — never a panic, an
//! internal error or a hang.
//!
//! The inputs are generated here (`cases()`, and every program under `programs/` cut short at
//! several points) and written to a scratch directory; what CPython printed for each is committed
//! under `tests/malformed/`: `<name>.stderr` (with `$DIR` for the scratch directory) and
//! `<name>.status`, `<name>.stdout` when there is output, and `truncated.txt` for the cut programs.
//!
//! `PYVM_BLESS=1 cargo test --test malformed` regenerates them with `python3` (CPython 3.11).
//!
//! Where pyvm's message differs from CPython's on purpose, the case says so ([`Check`]), and the
//! check is strict: a divergent case that starts to match fails until its marker is removed.

mod support;

use std::fs;
use std::path::{Path, PathBuf};
use support::*;

const HEADER: &str =
    "# Expected output of CPython 3.11. Regenerate with: PYVM_BLESS=1 cargo test --test malformed\n";

/// How pyvm's run is compared with CPython's.
#[derive(Clone, Copy)]
enum Check {
    /// stdout, stderr and exit status all equal.
    Exact,
    /// Exit status and the first and last lines of stderr equal: CPython shows the source line
    /// differently (see the case).
    Ends,
    /// A known divergence, and why: the exit status and the error type agree, the rest does not
    /// (strict: once everything matches, the case fails until it is made `Exact`).
    Diverges(&'static str),
    /// CPython fails in its parser with a bare `MemoryError` (its PEG parser's stack limit); pyvm
    /// parses the program and refuses it as too deeply nested, with the `RecursionError` CPython
    /// raises for trees a little less deep.
    ParserStack,
}

struct Case {
    name: &'static str,
    source: Vec<u8>,
    check: Check,
}

fn case(name: &'static str, source: impl Into<Vec<u8>>) -> Case {
    Case {
        name,
        source: source.into(),
        check: Check::Exact,
    }
}

fn nested_blocks(header: &str, depth: usize, body: &str) -> String {
    let mut s = String::new();
    for i in 0..depth {
        s.push_str(&" ".repeat(i));
        s.push_str(header);
        s.push('\n');
    }
    s.push_str(&" ".repeat(depth));
    s.push_str(body);
    s.push('\n');
    s
}

/// A small deterministic generator (xorshift64*), so the random inputs are the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_bytes(rng: &mut Rng, len: usize) -> Vec<u8> {
    (0..len).map(|_| rng.next() as u8).collect()
}

/// Random sequences of Python's tokens and characters: mostly not a program.
fn random_tokens(rng: &mut Rng, count: usize) -> Vec<u8> {
    const PIECES: &[&str] = &[
        "x", "y", "f", "1", "2.5", "'s'", "\"t", "(", ")", "[", "]", "{", "}", ":", ",", ".", "+",
        "-", "*", "**", "/", "=", "==", "<", "if ", "else ", "for ", "in ", "def ", "class ",
        "return ", "lambda ", "not ", "and ", "\n", "\n    ", "\t", " ", "\\", "#", "f'{",
        "\"\"\"", "@", "$", "yield ", "while ", "try:", "except ", ";", "->", ":=",
    ];
    let mut s = String::new();
    for _ in 0..count {
        s.push_str(PIECES[rng.below(PIECES.len())]);
    }
    s.into_bytes()
}

fn cases() -> Vec<Case> {
    let mut v = vec![
        // NUL bytes: CPython refuses the line that holds one, before tokenizing it.
        case("nul_byte", "x = 1\0\n"),
        case("nul_byte_after_parse_error", "x = = 1\ny = 2\0\n"),
        case("nul_byte_in_string", "x = 1\nif x:\n    y = \"a\0b\"\n"),
        case("nul_byte_in_triple_quoted_string", "x = \"\"\"\n\0\"\"\"\n"),
        case("nul_byte_then_bad_utf8", b"x = 1\n\0\xff\n".to_vec()),
        case("exec_nul_byte", "exec('x\\0')\n"),
        // Invalid UTF-8.
        case("invalid_utf8", b"x = 1\n\xff\n".to_vec()),
        case(
            "invalid_utf8_in_string",
            b"print(1)\ns = '\xc3('\n".to_vec(),
        ),
        case("truncated_utf8_at_eof", b"s = '\xe2\x82".to_vec()),
        // Brackets: at most 200 open at once.
        case(
            "parentheses_200",
            format!("x = {}1{}\nprint(x)\n", "(".repeat(200), ")".repeat(200)),
        ),
        case(
            "parentheses_201",
            format!("x = {}1{}\n", "(".repeat(201), ")".repeat(201)),
        ),
        case(
            "lists_200",
            format!("x = {}{}\nprint(x)\n", "[".repeat(200), "]".repeat(200)),
        ),
        case(
            "dicts_150",
            format!(
                "x = {}1{}\nprint(len(x))\n",
                "{1: ".repeat(150),
                "}".repeat(150)
            ),
        ),
        // Expressions nested without brackets: the compiler's recursion limit.
        case(
            "unary_minus_2998",
            format!("x = {}1\nprint(x)\n", "-".repeat(2998)),
        ),
        case("unary_minus_2999", format!("x = {}1\n", "-".repeat(2999))),
        case(
            "attributes_100000",
            format!("x = a{}\n", ".b".repeat(100_000)),
        ),
        case("calls_100000", format!("x = f{}\n", "()".repeat(100_000))),
        case(
            "lines_10000_one_expression",
            format!("x = (1 +\n{}1)\nprint(x)\n", "1 +\n".repeat(10_000)),
        ),
        case(
            "lines_10000_nested_parentheses",
            format!("x = {}1{}\n", "(1 +\n".repeat(10_000), ")".repeat(10_000)),
        ),
        case(
            "list_of_10000_lines",
            format!("x = [\n{}]\nprint(len(x))\n", "1,\n".repeat(10_000)),
        ),
        // Wide but shallow: these run.
        case(
            "chained_comparison_30000",
            format!("x = 1{}\nprint(x)\n", " < 2".repeat(30_000)),
        ),
        case(
            "boolean_and_100000",
            format!("x = 1{}\nprint(x)\n", " and 1".repeat(100_000)),
        ),
        case(
            "statements_100000",
            format!("{}print(x)\n", "x = 1\n".repeat(100_000)),
        ),
        case(
            "long_line_200000_items",
            format!("x = [{}]\nprint(len(x))\n", "1, ".repeat(200_000)),
        ),
        case(
            "string_literal_10mb",
            format!("x = \"{}\"\nprint(len(x))\n", "a".repeat(10_000_000)),
        ),
        // Blocks: 99 levels of indentation and 20 frame blocks at most.
        case("if_99_nested", nested_blocks("if 1:", 99, "print('deep')")),
        case("if_100_nested", nested_blocks("if 1:", 100, "pass")),
        case("def_100_nested", nested_blocks("def f():", 100, "pass")),
        case(
            "for_20_nested",
            nested_blocks("for x in []:", 20, "pass") + "print('done')\n",
        ),
        case("for_21_nested", nested_blocks("for x in []:", 21, "pass")),
        case("while_21_nested", nested_blocks("while 0:", 21, "pass")),
        // Int literals: at most 4300 decimal digits (sys.set_int_max_str_digits).
        case(
            "int_literal_4300_digits",
            format!("x = {}\nprint(x % 1000)\n", "7".repeat(4300)),
        ),
        case(
            "hex_literal_10000_digits",
            format!("x = 0x{}\nprint(x % 1000)\n", "f".repeat(10_000)),
        ),
        // The end of the file in the middle of something.
        case("unterminated_string_at_eof", "x = \"abc"),
        case("unterminated_triple_quoted_at_eof", "x = \"\"\"abc\n\n"),
        case("backslash_at_continued_line", "x = 1 + \\"),
        case("open_bracket_at_eof", "x = [1,\n2,\n"),
        case("def_without_body_at_eof", "def f():\n"),
        case("decorator_at_eof", "@dec\n"),
        case("tabs_and_spaces", "if x:\n\tif y:\n        pass\n"),
        case("only_a_bom", b"\xef\xbb\xbf".to_vec()),
        case("empty", ""),
    ];
    v.push(Case {
        check: Check::Diverges("CPython shows no caret under a backslash alone on the last line"),
        ..case("backslash_at_eof", "x = 1\n\\")
    });
    // CPython's text line for a huge literal is a piece of its read buffer; the first and last
    // lines (file, line number and message) match.
    // The same error as `parentheses_201`; only the ends of its 100,000-character source line
    // are kept.
    v.push(Case {
        check: Check::Ends,
        ..case(
            "parentheses_100000_open",
            format!("x = {}", "(".repeat(100_000)),
        )
    });
    v.push(Case {
        check: Check::Ends,
        ..case(
            "int_literal_4301_digits",
            format!("x = 1\ny = {}\n", "7".repeat(4301)),
        )
    });
    v.push(Case {
        check: Check::Ends,
        ..case(
            "int_literal_1000000_digits",
            format!("x = {}\n", "7".repeat(1_000_000)),
        )
    });
    for (name, source) in [
        (
            "unary_minus_100000",
            format!("x = {}1\n", "-".repeat(100_000)),
        ),
        ("not_10000", format!("x = {}1\n", "not ".repeat(10_000))),
        ("power_100000", format!("x = 2{}\n", "**2".repeat(100_000))),
        (
            "conditional_10000",
            format!("x = 1{}\n", " if 1 else 1".repeat(10_000)),
        ),
        (
            "elif_10000",
            format!("if x: pass\n{}", "elif x: pass\n".repeat(10_000)),
        ),
    ] {
        v.push(Case {
            check: Check::ParserStack,
            ..case(name, source)
        });
    }
    let mut rng = Rng(0x005e_ed0f_b1e5);
    for name in [
        "random_bytes_1",
        "random_bytes_2",
        "random_bytes_3",
        "random_bytes_4",
    ] {
        v.push(case(name, random_bytes(&mut rng, 300)));
    }
    for name in [
        "random_tokens_1",
        "random_tokens_2",
        "random_tokens_3",
        "random_tokens_4",
        "random_tokens_5",
        "random_tokens_6",
        "random_tokens_7",
        "random_tokens_8",
    ] {
        let mut c = case(name, random_tokens(&mut rng, 40));
        if name == "random_tokens_7" {
            c.check = Check::Diverges(
                "CPython's parser fails at the first `except`; pyvm's tokenizer error for an \
                 unclosed '{' further on replaces its parser's",
            );
        }
        v.push(c);
    }
    v
}

fn fixtures() -> PathBuf {
    root().join("tests/malformed")
}

/// A scratch directory for the generated inputs (under the build's target directory).
fn scratch(kind: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("malformed-{kind}"));
    fs::create_dir_all(&dir).expect("create scratch directory");
    dir
}

/// The text a crash leaves, which no clean error contains.
fn crashed(out: &Outcome) -> Option<String> {
    let stderr = &out.stderr;
    if out.status == -9 {
        return Some(format!("  hung (killed after {TIMEOUT:?})\n"));
    }
    // Python errors exit with 1 (2 for an unreadable file); a panic, an abort or a signal
    // gives anything else.
    let status_ok = (0..=2).contains(&out.status);
    if stderr.contains("panicked") || stderr.contains("internal error") || !status_ok {
        return Some(format!(
            "  crashed (status {}):\n{}\n",
            out.status,
            stderr.lines().take(5).collect::<Vec<_>>().join("\n")
        ));
    }
    None
}

fn first_last(text: &str) -> (String, String) {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").to_string();
    let last = lines.last().map_or(first.clone(), str::to_string);
    (first, last)
}

fn check_case(c: &Case, dir: &Path, python: Option<&str>) -> Result<(), String> {
    let file = format!("{}.py", c.name);
    fs::write(dir.join(&file), &c.source).expect("write input");
    let base = fixtures().join(c.name);
    let norm = |s: &str| s.replace(dir.to_string_lossy().as_ref(), "$DIR");
    if let Some(python) = python {
        let out = run(python, &[&file], dir);
        write_or_remove(&with_ext(&base, "stdout"), &norm(&out.stdout));
        let mut stderr = norm(&out.stderr);
        if let Check::Ends = c.check {
            let (first, last) = first_last(&stderr);
            stderr = format!("{first}\n{last}\n");
        }
        let stderr = if stderr.is_empty() {
            stderr
        } else {
            format!("{HEADER}{stderr}")
        };
        write_or_remove(&with_ext(&base, "stderr"), &stderr);
        let status = if out.status == 0 {
            String::new()
        } else {
            format!("{}\n", out.status)
        };
        write_or_remove(&with_ext(&base, "status"), &status);
        return Ok(());
    }
    let actual = run(pyvm(), &["run", &file], dir);
    if let Some(report) = crashed(&actual) {
        return Err(format!("{}\n{report}", c.name));
    }
    let actual = Outcome {
        stdout: norm(&actual.stdout),
        stderr: norm(&actual.stderr),
        status: actual.status,
    };
    let stderr = read_or_empty(&with_ext(&base, "stderr"));
    let expected = Outcome {
        stdout: read_or_empty(&with_ext(&base, "stdout")),
        stderr: stderr.strip_prefix(HEADER).unwrap_or(&stderr).to_string(),
        status: read_or_empty(&with_ext(&base, "status"))
            .trim()
            .parse()
            .unwrap_or(0),
    };
    let failure = match c.check {
        Check::Exact => compare(&expected, &actual),
        Check::Ends => {
            let (e, a) = (first_last(&expected.stderr), first_last(&actual.stderr));
            (e != a || expected.status != actual.status || expected.stdout != actual.stdout).then(
                || {
                    format!(
                        "  expected {e:?} (status {})\n  got      {a:?} (status {})\n",
                        expected.status, actual.status
                    )
                },
            )
        }
        Check::Diverges(why) => {
            let kind = |o: &Outcome| {
                let last = o.stderr.lines().last().unwrap_or_default();
                (
                    o.status,
                    last.split(':').next().unwrap_or_default().to_string(),
                )
            };
            match compare(&expected, &actual) {
                None => Some(format!(
                    "  matches CPython now: make it Exact (it was marked: {why})\n"
                )),
                Some(report) if kind(&expected) != kind(&actual) => Some(report),
                Some(_) => None,
            }
        }
        Check::ParserStack => {
            let want = "RecursionError: maximum recursion depth exceeded during compilation\n";
            if expected.stderr != "MemoryError\n" {
                Some("  CPython no longer fails in its parser: make this case Exact\n".to_string())
            } else if actual.stderr != want || actual.status != 1 {
                Some(diff("stderr", want, &actual.stderr))
            } else {
                None
            }
        }
    };
    failure.map_or(Ok(()), |report| Err(format!("{}\n{report}", c.name)))
}

#[test]
fn malformed_programs_end_in_clean_errors() {
    let python = blessing().then(cpython);
    let dir = scratch("cases");
    let cases = cases();
    check_all("malformed programs", &cases, |c| {
        check_case(c, &dir, python.as_deref())
    });
}

/// Where each program under `programs/` is cut: after this many parts in 8 of its bytes (moved
/// back to a character boundary), and one byte short of the end.
fn cut_points(len: usize) -> Vec<usize> {
    let mut cuts: Vec<usize> = (1..8).map(|k| len * k / 8).collect();
    cuts.push(len.saturating_sub(1));
    cuts.dedup();
    cuts
}

/// One line of `truncated.txt`: the cut file's name, the exit status and the first and last
/// lines of stderr, tab-separated.
fn truncated_line(name: &str, out: &Outcome, dir: &Path) -> String {
    let stderr = out.stderr.replace(dir.to_string_lossy().as_ref(), "$DIR");
    let (first, last) = first_last(&stderr);
    format!("{name}\t{}\t{first}\t{last}", out.status)
}

/// Cut programs whose error pyvm words differently from CPython: the file and why. Checked
/// strictly, like the divergence markers of `tests/cases`.
const TRUNCATED_DIVERGENCES: &[(&str, &str)] = &[];

#[test]
fn truncated_programs_end_in_clean_errors() {
    let python = blessing().then(cpython);
    let dir = scratch("truncated");
    let mut inputs = Vec::new();
    for program in files_with_suffix(&root().join("programs"), ".py") {
        let bytes = fs::read(&program).expect("read program");
        let stem = program
            .file_stem()
            .expect("name")
            .to_string_lossy()
            .to_string();
        for cut in cut_points(bytes.len()) {
            let mut cut = cut;
            while cut > 0 && std::str::from_utf8(&bytes[..cut]).is_err() {
                cut -= 1;
            }
            // Compiled only (`pyvm dis`, CPython's `compile`): a cut may leave a valid program.
            let name = format!("{stem}_{cut}.py");
            inputs.push((name, bytes[..cut].to_vec()));
        }
    }
    let table = fixtures().join("truncated.txt");
    if let Some(python) = python {
        let mut lines = vec![HEADER.trim_end().to_string()];
        for (name, source) in &inputs {
            fs::write(dir.join(name), source).expect("write input");
            let out = run(&python, &["-c", COMPILE_ONLY, name], &dir);
            lines.push(truncated_line(name, &out, &dir));
        }
        fs::write(&table, lines.join("\n") + "\n").expect("write truncated.txt");
        return;
    }
    let expected: std::collections::HashMap<String, String> = read_or_empty(&table)
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| Some((l.split('\t').next()?.to_string(), l.to_string())))
        .collect();
    check_all("truncated programs", &inputs, |(name, source)| {
        fs::write(dir.join(name), source).expect("write input");
        let out = run(pyvm(), &["dis", name], &dir);
        if let Some(report) = crashed(&out) {
            return Err(format!("{name}\n{report}"));
        }
        let want = expected
            .get(name)
            .ok_or_else(|| format!("{name}\n  no expected line in truncated.txt: bless\n"))?;
        let got = truncated_line(name, &out, &dir);
        let divergent = TRUNCATED_DIVERGENCES.iter().any(|(n, _)| n == name);
        let same_type = |l: &str| -> (String, String) {
            let f: Vec<&str> = l.split('\t').collect();
            let status = f.get(1).copied().unwrap_or_default();
            let kind = f
                .get(3)
                .and_then(|m| m.split(':').next())
                .unwrap_or_default();
            (status.to_string(), kind.to_string())
        };
        match (got == *want, divergent) {
            (true, false) => Ok(()),
            (true, true) => Err(format!(
                "{name}\n  matches CPython now: remove it from TRUNCATED_DIVERGENCES\n"
            )),
            (false, true) if same_type(&got) == same_type(want) => Ok(()),
            _ => Err(format!("{name}\n  expected {want:?}\n  got      {got:?}\n")),
        }
    });
}

/// Compiles the file named by argv[1] as `python3 FILE` would before running it, and prints a
/// SyntaxError the way the interpreter does, without running anything.
const COMPILE_ONLY: &str = "import sys, traceback
path = sys.argv[1]
try:
    compile(open(path, 'rb').read(), path, 'exec')
except SyntaxError as e:
    sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))
    sys.exit(1)
except Exception as e:
    sys.stderr.write(''.join(traceback.format_exception_only(type(e), e)))
    sys.exit(1)
";
