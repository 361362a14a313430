//! Interpreter benchmarks over the book's programs: the Julia set kernel at a small size, run through
//! the embedding API with output captured.

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;

/// The allocator the `pyvm` binary uses, so figures match the command line's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn julia_source() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/programs/julia.py");
    std::fs::read_to_string(path).expect("programs/julia.py is readable")
}

fn julia(c: &mut Criterion) {
    let source = julia_source();
    let mut group = c.benchmark_group("julia");
    group
        .measurement_time(Duration::from_secs(10))
        .sample_size(20);
    group.bench_function("interpreted width=100 iterations=300", |b| {
        b.iter(|| {
            let mut vm = pyvm::Vm::new();
            vm.argv = vec!["julia.py".into(), "100".into(), "300".into()];
            let out = vm.capture_output();
            vm.run_main(&source, "julia.py").expect("julia.py runs");
            assert!(out.borrow().contains("Total elements: 10000"));
        })
    });
    group.finish();
}

criterion_group!(benches, julia);
criterion_main!(benches);
