//! The compiled-speed floor: programs/julia.py's and programs/nbody.py's kernels written in
//! Rust, with the same data, the same arithmetic (the same `hypot` for `abs(z)`, `pow` for `**`)
//! and the same order of operations, so that they print the same results.
//!
//! `cargo bench --bench native` measures them with criterion at a small size. For a side-by-side
//! comparison with `pyvm run`, `PYVM_NATIVE_RUN="julia 1000 300"` (or `"nbody 200000"`, a
//! program's name and its arguments as `pyvm run` takes them) runs one problem once and prints
//! its results and its time in the program's words; `PYVM_NATIVE_FULL=1` runs julia's full size.

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

/// One body: position, velocity (per year), mass.
#[derive(Clone, Copy)]
struct Body {
    r: [f64; 3],
    v: [f64; 3],
    m: f64,
}

/// nbody.py's bodies: the sun and the Jovian planets, in its dict's order. The literals are
/// nbody.py's, digit for digit (PI included), so that both round them the same way.
#[allow(clippy::excessive_precision, clippy::approx_constant)]
fn bodies() -> Vec<Body> {
    const PI: f64 = 3.14159265358979323;
    const SOLAR_MASS: f64 = 4.0 * PI * PI;
    const DAYS_PER_YEAR: f64 = 365.24;
    let body = |r: [f64; 3], v: [f64; 3], m: f64| Body {
        r,
        v: v.map(|x| x * DAYS_PER_YEAR),
        m: m * SOLAR_MASS,
    };
    vec![
        Body {
            r: [0.0; 3],
            v: [0.0; 3],
            m: SOLAR_MASS,
        },
        body(
            [
                4.84143144246472090e00,
                -1.16032004402742839e00,
                -1.03622044471123109e-01,
            ],
            [
                1.66007664274403694e-03,
                7.69901118419740425e-03,
                -6.90460016972063023e-05,
            ],
            9.54791938424326609e-04,
        ),
        body(
            [
                8.34336671824457987e00,
                4.12479856412430479e00,
                -4.03523417114321381e-01,
            ],
            [
                -2.76742510726862411e-03,
                4.99852801234917238e-03,
                2.30417297573763929e-05,
            ],
            2.85885980666130812e-04,
        ),
        body(
            [
                1.28943695621391310e01,
                -1.51111514016986312e01,
                -2.23307578892655734e-01,
            ],
            [
                2.96460137564761618e-03,
                2.37847173959480950e-03,
                -2.96589568540237556e-05,
            ],
            4.36624404335156298e-05,
        ),
        body(
            [
                1.53796971148509165e01,
                -2.59193146099879641e01,
                1.79258772950371181e-01,
            ],
            [
                2.68067772490389322e-03,
                1.62824170038242295e-03,
                -9.51592254519715870e-05,
            ],
            5.15138902046611451e-05,
        ),
    ]
}

/// `combinations`: the index pairs i < j.
fn pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

/// `offset_momentum` with the sun as the reference.
fn offset_momentum(bodies: &mut [Body]) {
    let mut p = [0.0f64; 3];
    for b in bodies.iter() {
        for (p, v) in p.iter_mut().zip(b.v) {
            *p -= v * b.m;
        }
    }
    let sun = &mut bodies[0];
    sun.v = p.map(|x| x / sun.m);
}

/// `advance`: `** -1.5` is `pow`, as CPython computes it.
fn advance(dt: f64, steps: u64, bodies: &mut [Body], pairs: &[(usize, usize)]) {
    for _ in 0..steps {
        for &(i, j) in pairs {
            let (b1, b2) = (bodies[i], bodies[j]);
            let dx = b1.r[0] - b2.r[0];
            let dy = b1.r[1] - b2.r[1];
            let dz = b1.r[2] - b2.r[2];
            let mag = dt * (dx * dx + dy * dy + dz * dz).powf(-1.5);
            let (m1, m2) = (b1.m * mag, b2.m * mag);
            for (k, d) in [dx, dy, dz].into_iter().enumerate() {
                bodies[i].v[k] -= d * m2;
                bodies[j].v[k] += d * m1;
            }
        }
        for b in bodies.iter_mut() {
            for (r, v) in b.r.iter_mut().zip(b.v) {
                *r += dt * v;
            }
        }
    }
}

/// `energy`: `** 0.5` is `pow`, as CPython computes it.
fn energy(bodies: &[Body], pairs: &[(usize, usize)]) -> f64 {
    let mut e = 0.0;
    for &(i, j) in pairs {
        let (b1, b2) = (&bodies[i], &bodies[j]);
        let dx = b1.r[0] - b2.r[0];
        let dy = b1.r[1] - b2.r[1];
        let dz = b1.r[2] - b2.r[2];
        e -= (b1.m * b2.m) / (dx * dx + dy * dy + dz * dz).powf(0.5);
    }
    for b in bodies {
        let [vx, vy, vz] = b.v;
        e += b.m * (vx * vx + vy * vy + vz * vz) / 2.0;
    }
    e
}

fn nbody(c: &mut Criterion) {
    let mut start = bodies();
    offset_momentum(&mut start);
    let pairs = pairs(start.len());
    let mut group = c.benchmark_group("nbody");
    group
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    group.bench_function("native steps=1000", |b| {
        b.iter(|| {
            let mut bodies = start.clone();
            advance(0.01, black_box(1000), &mut bodies, &pairs);
            bodies
        })
    });
    group.finish();
}

fn julia(c: &mut Criterion) {
    let (zs, cs) = grid(100);
    let mut group = c.benchmark_group("julia");
    group
        .measurement_time(Duration::from_secs(2))
        .sample_size(20);
    group.bench_function("native width=100 iterations=300", |b| {
        b.iter(|| calculate_z(black_box(300), &zs, &cs))
    });
    group.finish();
}

criterion_group!(benches, julia, nbody);

/// Runs one problem once, as `PYVM_NATIVE_RUN` names it, printing what the program prints.
fn run_once(spec: &str) -> Result<(), String> {
    let words: Vec<&str> = spec.split_whitespace().collect();
    let number = |i: usize, default: u64| -> Result<u64, String> {
        words.get(i).map_or(Ok(default), |w| {
            w.parse().map_err(|_| format!("not a number: {w}"))
        })
    };
    match words.first().copied() {
        Some("julia") => {
            let (width, iterations) = (number(1, 1000)?, number(2, 300)?);
            let (zs, cs) = grid(width as usize);
            let start = Instant::now();
            let output = calculate_z(iterations as u32, &zs, &cs);
            let secs = start.elapsed().as_secs_f64();
            println!("calculate_z (native Rust) took {secs} seconds");
            let sum: u64 = output.iter().map(|&n| n as u64).sum();
            println!("Sum of output: {sum}");
            if (width, iterations) == (1000, 300) && sum != 33219980 {
                return Err(format!("the sum julia.py asserts is 33219980, not {sum}"));
            }
        }
        Some("nbody") => {
            let steps = number(1, 200000)?;
            let mut bodies = bodies();
            offset_momentum(&mut bodies);
            let pairs = pairs(bodies.len());
            println!("{:.9}", energy(&bodies, &pairs));
            let start = Instant::now();
            advance(0.01, steps, &mut bodies, &pairs);
            let secs = start.elapsed().as_secs_f64();
            println!("{:.9}", energy(&bodies, &pairs));
            println!("nbody (native Rust) took {secs} seconds");
        }
        _ => {
            return Err(format!(
                "PYVM_NATIVE_RUN: expected julia or nbody, got '{spec}'"
            ))
        }
    }
    Ok(())
}

fn main() {
    let spec = match std::env::var("PYVM_NATIVE_RUN") {
        Ok(spec) => Some(spec),
        Err(_) if std::env::var_os("PYVM_NATIVE_FULL").is_some() => Some("julia 1000 300".into()),
        Err(_) => None,
    };
    if let Some(spec) = spec {
        if let Err(e) = run_once(&spec) {
            eprintln!("{e}");
            std::process::exit(2);
        }
        return;
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
