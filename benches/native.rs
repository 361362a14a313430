//! The compiled-speed floor: the Julia set kernel of programs/julia.py written in Rust, with the
//! same grid, the same arithmetic and the same `hypot` for `abs(z)`.
//!
//! `cargo bench --bench native` measures it with criterion at a small size. For a side-by-side
//! comparison with `pyvm run programs/julia.py --jit`, `PYVM_NATIVE_FULL=1 cargo bench --bench
//! native` runs the full 1000×1000×300 problem once and prints its time in julia.py's words.

use criterion::{criterion_group, Criterion};
use std::hint::black_box;
use std::time::{Duration, Instant};

type Complex = (f64, f64);

/// The coordinates julia.py builds (by repeated addition, as it does).
fn grid(width: usize) -> (Vec<Complex>, Vec<Complex>) {
    let (x1, x2, y1, y2) = (-1.8f64, 1.8f64, -1.8f64, 1.8f64);
    let (c_real, c_imag) = (-0.62772, -0.42193);
    let x_step = (x2 - x1) / width as f64;
    let y_step = (y1 - y2) / width as f64;
    let (mut x, mut y) = (Vec::new(), Vec::new());
    let mut ycoord = y2;
    while ycoord > y1 {
        y.push(ycoord);
        ycoord += y_step;
    }
    let mut xcoord = x1;
    while xcoord < x2 {
        x.push(xcoord);
        xcoord += x_step;
    }
    let mut zs = Vec::with_capacity(x.len() * y.len());
    let mut cs = Vec::with_capacity(x.len() * y.len());
    for &yc in &y {
        for &xc in &x {
            zs.push((xc, yc));
            cs.push((c_real, c_imag));
        }
    }
    (zs, cs)
}

/// `calculate_z_serial_purepython`: `abs(z)` is `hypot`, `z * z + c` is CPython's product.
fn calculate_z(maxiter: u32, zs: &[Complex], cs: &[Complex]) -> Vec<u32> {
    let mut output = vec![0; zs.len()];
    for i in 0..zs.len() {
        let mut n = 0;
        let mut z = zs[i];
        let c = cs[i];
        while z.0.hypot(z.1) < 2.0 && n < maxiter {
            let sq = (z.0 * z.0 - z.1 * z.1, z.0 * z.1 + z.1 * z.0);
            z = (sq.0 + c.0, sq.1 + c.1);
            n += 1;
        }
        output[i] = n;
    }
    output
}

fn julia(c: &mut Criterion) {
    let (zs, cs) = grid(100);
    let mut group = c.benchmark_group("julia");
    group
        .measurement_time(Duration::from_secs(5))
        .sample_size(20);
    group.bench_function("native width=100 iterations=300", |b| {
        b.iter(|| calculate_z(black_box(300), &zs, &cs))
    });
    group.finish();
}

criterion_group!(benches, julia);

fn main() {
    if std::env::var_os("PYVM_NATIVE_FULL").is_some() {
        let (zs, cs) = grid(1000);
        let start = Instant::now();
        let output = calculate_z(300, &zs, &cs);
        let secs = start.elapsed().as_secs_f64();
        println!("calculate_z (native Rust) took {secs} seconds");
        let sum: u64 = output.iter().map(|&n| n as u64).sum();
        assert_eq!(sum, 33219980, "the sum julia.py asserts");
        println!("Sum of output: {sum}");
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
