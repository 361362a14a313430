//! Every program in programs/ at the small size its test runs it at (tests/programs/*_small.cmd),
//! in each tier — interpreted, boxed JIT, JIT — through the embedding API with output captured.
//!
//! A tier this build cannot run (the JIT compiled out, or a tier not built yet) is skipped with a
//! note; a program failing in a tier is a bug, which stops the bench. `cargo bench --bench
//! programs -- julia` runs one program's benches.

use criterion::{criterion_group, criterion_main, Criterion};
use std::path::Path;
use std::time::Duration;

/// The allocator the `pyvm` binary uses, so figures match the command line's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The tiers this build runs: a name and the JIT options (None: interpreted). A tier it
/// cannot run (the JIT compiled out, or a tier not built yet) is left out with a note.
fn tiers() -> Vec<(&'static str, Option<pyvm::jit::Options>)> {
    let jit = |tier| pyvm::jit::Options {
        tier,
        ..Default::default()
    };
    let all = [
        ("interp", None),
        ("boxed", Some(jit(pyvm::jit::Tier::Boxed))),
        ("jit", Some(jit(pyvm::jit::Tier::Full))),
    ];
    all.into_iter()
        .filter(|(name, options)| match options {
            Some(o) => match pyvm::Vm::new().enable_jit(o.clone()) {
                Ok(()) => true,
                Err(e) => {
                    eprintln!("tier {name} skipped: {e}");
                    false
                }
            },
            None => true,
        })
        .collect()
}

/// A program and its small-size arguments, from a test's `.cmd` file (`programs/X.py ARGS...`).
struct Program {
    name: String,
    source: String,
    argv: Vec<String>,
}

fn programs() -> Vec<Program> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut cmds: Vec<_> = std::fs::read_dir(root.join("tests/programs"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    cmds.retain(|p| p.to_string_lossy().ends_with("_small.cmd"));
    cmds.sort();
    cmds.iter()
        .filter_map(|cmd| {
            let text = std::fs::read_to_string(cmd).ok()?;
            let words: Vec<String> = text.split_whitespace().map(String::from).collect();
            let (file, args) = words.split_first()?;
            let source = std::fs::read_to_string(root.join(file)).ok()?;
            let name = Path::new(file).file_stem()?.to_string_lossy().into_owned();
            let argv = std::iter::once(format!("{name}.py"))
                .chain(args.iter().cloned())
                .collect();
            Some(Program { name, source, argv })
        })
        .collect()
}

/// One run of a program in a fresh VM; the error's text when it fails.
fn run(p: &Program, jit: &Option<pyvm::jit::Options>) -> Result<(), String> {
    let mut vm = pyvm::Vm::new();
    if let Some(options) = jit {
        vm.enable_jit(options.clone())?;
    }
    vm.argv = p.argv.clone();
    let _out = vm.capture_output();
    vm.run_main(&p.source, &p.argv[0])
        .map(|_| ())
        .map_err(|e| format!("{e:?}"))
}

fn bench_programs(c: &mut Criterion) {
    let tiers = tiers();
    for p in programs() {
        let mut group = c.benchmark_group(&p.name);
        group
            .warm_up_time(Duration::from_millis(300))
            .measurement_time(Duration::from_secs(1))
            .sample_size(10);
        for (tier, jit) in &tiers {
            let id = format!("{tier} {}", p.argv[1..].join(" "));
            group.bench_function(id, |b| {
                b.iter(|| {
                    if let Err(e) = run(&p, jit) {
                        panic!("{} fails in tier {tier}: {e}", p.name);
                    }
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_programs);
criterion_main!(benches);
