//! The `random` module: CPython's Mersenne Twister (MT19937) with its seeding rules, so a seed
//! gives the very sequence CPython gives, and the distributions of CPython 3.11's `random.py`
//! ported step for step (same calls to the generator in the same order).
//!
//! `random.Random` is a native type whose instances own a generator; the module-level functions
//! are its methods bound to one hidden shared instance, as in `random.py`.

use super::math::arg_f64;
use crate::builtins::add_methods;
use crate::objects::{Args, BuiltinFn, Layout, NativeObject, Owner, PyBuiltin, PyModule, PyType};
use crate::vm::types::{builtin_types, make_type};
use crate::vm::value::alloc;
use crate::vm::{ExcKind, PyErr, PyResult, Value, Vm};
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};
use sha2::{Digest, Sha512};
use std::cell::RefCell;
use std::rc::Rc;

const N: usize = 624;
const M: usize = 397;

/// The generator state of one `Random` instance.
pub struct Mt {
    state: [u32; N],
    index: usize,
    /// `gauss` produces values in pairs; the second one waits here.
    gauss_next: Option<f64>,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt {
            state: [0; N],
            index: N,
            gauss_next: None,
        };
        mt.seed_entropy();
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// CPython's `init_by_array`.
    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.gauss_next = None;
    }

    /// Seeds from a non-negative integer: its 32-bit chunks, least significant first.
    fn seed_int(&mut self, n: &BigInt) {
        let mut key = n.abs().to_u32_digits().1;
        if key.is_empty() {
            key.push(0);
        }
        self.init_by_array(&key);
    }

    fn seed_entropy(&mut self) {
        let mut buf = [0u8; 2496];
        let ok = std::fs::File::open("/dev/urandom")
            .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut buf))
            .is_ok();
        if !ok {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            buf[..16].copy_from_slice(&t.to_le_bytes());
        }
        let key: Vec<u32> = buf
            .chunks(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        self.init_by_array(&key);
    }

    fn genrand_u32(&mut self) -> u32 {
        const UPPER: u32 = 0x8000_0000;
        const LOWER: u32 = 0x7fff_ffff;
        const MATRIX_A: u32 = 0x9908_b0df;
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N {
                let y = (mt[kk] & UPPER) | (mt[(kk + 1) % N] & LOWER);
                let mag = if y & 1 == 1 { MATRIX_A } else { 0 };
                mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag;
            }
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random()`: 53 random bits as a float in [0, 1).
    fn random(&mut self) -> f64 {
        let a = (self.genrand_u32() >> 5) as f64;
        let b = (self.genrand_u32() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `getrandbits(k)`: 32-bit words, least significant first; the last one keeps its top bits.
    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return if k == 0 {
                BigInt::zero()
            } else {
                BigInt::from(self.genrand_u32() >> (32 - k))
            };
        }
        let mut words = Vec::with_capacity(k.div_ceil(32) as usize);
        let mut left = k;
        while left > 0 {
            let mut r = self.genrand_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            words.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(Sign::Plus, &words)
    }

    /// `getrandbits(k)` for k <= 64, drawing the same words as the general case.
    fn getrandbits_u64(&mut self, k: u32) -> u64 {
        match k {
            0 => 0,
            1..=32 => (self.genrand_u32() >> (32 - k)) as u64,
            _ => {
                let lo = self.genrand_u32() as u64;
                let hi = (self.genrand_u32() >> (64 - k)) as u64;
                (hi << 32) | lo
            }
        }
    }

    /// `_randbelow_with_getrandbits(n)` for n > 0: rejection sampling on n.bit_length() bits.
    fn randbelow(&mut self, n: &BigInt) -> BigInt {
        if let Some(small) = n.to_u64() {
            return BigInt::from(self.randbelow_u64(small));
        }
        let k = n.bits();
        loop {
            let r = self.getrandbits(k);
            if &r < n {
                return r;
            }
        }
    }

    fn randbelow_u64(&mut self, n: u64) -> u64 {
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.getrandbits_u64(k);
            if r < n {
                return r;
            }
        }
    }

    fn randbelow_usize(&mut self, n: usize) -> usize {
        self.randbelow_u64(n as u64) as usize
    }
}

fn random_type() -> Rc<PyType> {
    thread_local! {
        static RANDOM: Rc<PyType> = {
            let t = make_type("Random", Layout::Native, vec![builtin_types().object.clone()]);
            t.dict.set_str("__module__", Value::str("random"));
            add_methods(&t, &[("__new__", random_new), ("__init__", random_init)]);
            add_methods(&t, METHODS);
            t
        };
    }
    RANDOM.with(|t| t.clone())
}

const METHODS: &[(&str, BuiltinFn)] = &[
    ("seed", r_seed),
    ("random", r_random),
    ("getrandbits", r_getrandbits),
    ("randrange", r_randrange),
    ("randint", r_randint),
    ("uniform", r_uniform),
    ("choice", r_choice),
    ("choices", r_choices),
    ("sample", r_sample),
    ("shuffle", r_shuffle),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("expovariate", r_expovariate),
    ("triangular", r_triangular),
];

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("random");
    let t = random_type();
    m.dict.set_str("Random", Value::Type(t.clone()));
    let shared = Value::Native(alloc(NativeObject {
        class: t,
        data: RefCell::new(Box::new(Mt::new())),
    }));
    for (name, func) in METHODS {
        m.dict.set_str(
            name,
            Value::Builtin(alloc(PyBuiltin {
                name,
                func: *func,
                owner: Owner::Type("Random".into()),
                self_: shared.clone(),
            })),
        );
    }
    m
}

/// Runs `f` on the generator of the receiver (`args[0]`).
fn with_mt<R>(args: &Args, f: impl FnOnce(&mut Mt) -> R) -> PyResult<R> {
    // A subclass instance carries the generator as its built-in payload.
    if let Value::Native(n) = crate::builtins::receiver(args) {
        if let Some(mt) = n.data.borrow_mut().downcast_mut::<Mt>() {
            return Ok(f(mt));
        }
    }
    Err(PyErr::type_error(
        "descriptor requires a 'random.Random' object",
    ))
}

/// The arguments after the receiver.
fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args::with_kw(&args.args[1..], args.kwnames)
}

/// Binds the arguments of a method written in Python in `random.py` (after `self`), with the
/// messages a Python function gives: the first `npos` parameters may be positional, the first
/// `required` must be given.
fn params(
    name: &str,
    args: &Args,
    names: &[&str],
    required: usize,
    npos: usize,
) -> PyResult<Vec<Option<Value>>> {
    let a = rest(args);
    let p = a.positional();
    if p.len() > npos {
        let takes = if required == npos {
            format!("{}", npos + 1)
        } else {
            format!("from {} to {}", required + 1, npos + 1)
        };
        return Err(PyErr::type_error(format!(
            "Random.{name}() takes {takes} positional arguments but {} were given",
            p.len() + 1
        )));
    }
    let mut out: Vec<Option<Value>> = p.iter().cloned().map(Some).collect();
    out.resize(names.len(), None);
    for (k, v) in a.keywords() {
        let Some(i) = names.iter().position(|n| *n == k) else {
            return Err(PyErr::type_error(format!(
                "Random.{name}() got an unexpected keyword argument '{k}'"
            )));
        };
        if out[i].is_some() {
            return Err(PyErr::type_error(format!(
                "Random.{name}() got multiple values for argument '{k}'"
            )));
        }
        out[i] = Some(v.clone());
    }
    let missing: Vec<String> = (0..required)
        .filter(|&i| out[i].is_none())
        .map(|i| format!("'{}'", names[i]))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            2 => format!("{} and {}", missing[0], missing[1]),
            n => format!("{}, and {}", missing[..n - 1].join(", "), missing[n - 1]),
        };
        return Err(PyErr::type_error(format!(
            "Random.{name}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        )));
    }
    Ok(out)
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Type(cls)) = args.args.first() else {
        return Err(PyErr::type_error(
            "Random.__new__(X): X is not a type object",
        ));
    };
    let v = Value::Native(alloc(NativeObject {
        class: cls.clone(),
        data: RefCell::new(Box::new(Mt::new())),
    }));
    let p = params("__init__", &args, &["x"], 0, 1)?;
    if let Some(x) = &p[0] {
        seed_with(vm, &v, x)?;
    }
    Ok(v)
}

fn random_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

/// `seed(a)`: int by absolute value; str, bytes and bytearray (version 2) as the int of the
/// bytes followed by their SHA-512; None from OS entropy; anything else by its hash.
fn seed_with(vm: &mut Vm, me: &Value, a: &Value) -> PyResult<()> {
    let n =
        match a {
            Value::None => {
                let args = [me.clone()];
                return with_mt(&Args::new(&args), Mt::seed_entropy);
            }
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => crate::objects::int::big(a),
            Value::Str(s) => bytes_seed(s.as_str().as_bytes()),
            Value::Bytes(b) => bytes_seed(&b.data),
            Value::Float(_) => BigInt::from(vm.hash(a)?),
            _ => return Err(PyErr::type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            )),
        };
    let args = [me.clone()];
    with_mt(&Args::new(&args), |mt| mt.seed_int(&n))
}

fn bytes_seed(data: &[u8]) -> BigInt {
    let mut all = data.to_vec();
    all.extend_from_slice(&Sha512::digest(data));
    BigInt::from_bytes_be(Sign::Plus, &all)
}

fn r_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("seed", &args, &["a", "version"], 0, 2)?;
    let a = p[0].clone().unwrap_or(Value::None);
    seed_with(vm, &args.args[0], &a)?;
    Ok(Value::None)
}

fn r_random(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    crate::builtins::no_args("Random.random", &rest(&args))?;
    Ok(Value::Float(with_mt(&args, Mt::random)?))
}

fn r_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = rest(&args);
    let k = crate::builtins::one_arg("Random.getrandbits", &a)?;
    let k = vm.index_value(k)?;
    if k < 0 {
        return Err(PyErr::value_error("number of bits must be non-negative"));
    }
    Ok(Value::from_bigint(with_mt(&args, |mt| {
        mt.getrandbits(k as u64)
    })?))
}

/// `_index(v)` with `randrange`'s fallback for integral floats.
fn rr_index(vm: &mut Vm, v: &Value, what: &str) -> PyResult<BigInt> {
    match vm.py_index(v) {
        Ok(i) => Ok(crate::objects::int::big(&i)),
        Err(e) if e.is(ExcKind::TypeError) => {
            let int = Value::Type(builtin_types().int.clone());
            let i = vm.call(&int, std::slice::from_ref(v), &[])?;
            if !vm.eq(&i, v)? {
                return Err(PyErr::value_error(format!(
                    "non-integer {what} for randrange()"
                )));
            }
            Ok(crate::objects::int::big(&i))
        }
        Err(e) => Err(e),
    }
}

fn randrange(
    vm: &mut Vm,
    args: &Args,
    start: &Value,
    stop: Option<&Value>,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = rr_index(vm, start, "arg 1")?;
    let Some(stop) = stop.filter(|s| !s.is_none()) else {
        if step.is_some() {
            return Err(PyErr::type_error("Missing a non-None stop argument"));
        }
        if istart.is_positive() {
            return Ok(Value::from_bigint(with_mt(args, |mt| {
                mt.randbelow(&istart)
            })?));
        }
        return Err(PyErr::value_error("empty range for randrange()"));
    };
    let istop = rr_index(vm, stop, "stop")?;
    let width = &istop - &istart;
    let istep = match step {
        Some(s) => rr_index(vm, s, "step")?,
        None => BigInt::from(1),
    };
    if istep == BigInt::from(1) {
        if width.is_positive() {
            let r = with_mt(args, |mt| mt.randbelow(&width))?;
            return Ok(Value::from_bigint(istart + r));
        }
        return Err(PyErr::value_error(format!(
            "empty range for randrange() ({istart}, {istop}, {width})"
        )));
    }
    let n = if istep.is_positive() {
        num_integer::Integer::div_floor(&(&width + &istep - 1), &istep)
    } else if istep.is_negative() {
        num_integer::Integer::div_floor(&(&width + &istep + 1), &istep)
    } else {
        return Err(PyErr::value_error("zero step for randrange()"));
    };
    if !n.is_positive() {
        return Err(PyErr::value_error("empty range for randrange()"));
    }
    let r = with_mt(args, |mt| mt.randbelow(&n))?;
    Ok(Value::from_bigint(istart + istep * r))
}

fn r_randrange(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("randrange", &args, &["start", "stop", "step"], 1, 3)?;
    let start = p[0].clone().unwrap_or(Value::None);
    randrange(vm, &args, &start, p[1].as_ref(), p[2].as_ref())
}

fn r_randint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("randint", &args, &["a", "b"], 2, 2)?;
    let (a, b) = (
        p[0].clone().unwrap_or(Value::None),
        p[1].clone().unwrap_or(Value::None),
    );
    let b1 = vm.binary_op(0, &b, &Value::Int(1))?;
    randrange(vm, &args, &a, Some(&b1), None)
}

fn r_uniform(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("uniform", &args, &["a", "b"], 2, 2)?;
    let (a, b) = (
        p[0].clone().unwrap_or(Value::None),
        p[1].clone().unwrap_or(Value::None),
    );
    // a + (b - a) * random(), with Python's arithmetic (NB_SUBTRACT, NB_MULTIPLY, NB_ADD).
    let width = vm.binary_op(10, &b, &a)?;
    let r = Value::Float(with_mt(&args, Mt::random)?);
    let scaled = vm.binary_op(5, &width, &r)?;
    vm.binary_op(0, &a, &scaled)
}

fn r_choice(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("choice", &args, &["seq"], 1, 1)?;
    let seq = p[0].clone().unwrap_or(Value::None);
    let n = vm.len(&seq)?;
    if n == 0 {
        return Err(PyErr::index_error("Cannot choose from an empty sequence"));
    }
    let i = with_mt(&args, |mt| mt.randbelow_usize(n))?;
    vm.getitem(&seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("shuffle", &args, &["x"], 1, 1)?;
    let x = p[0].clone().unwrap_or(Value::None);
    let n = vm.len(&x)?;
    for i in (1..n).rev() {
        let j = with_mt(&args, |mt| mt.randbelow_usize(i + 1))?;
        let (vi, vj) = (Value::Int(i as i64), Value::Int(j as i64));
        let a = vm.getitem(&x, &vi)?;
        let b = vm.getitem(&x, &vj)?;
        vm.setitem(&x, &vi, b)?;
        vm.setitem(&x, &vj, a)?;
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("sample", &args, &["population", "k"], 2, 2)?;
    let population = p[0].clone().unwrap_or(Value::None);
    if matches!(
        population,
        Value::Set(_) | Value::Dict(_) | Value::Iterator(_) | Value::Generator(_)
    ) {
        return Err(PyErr::type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = vm.len(&population)?;
    let k = vm.index_value(p[1].as_ref().unwrap_or(&Value::None))?;
    if k < 0 || k as usize > n {
        return Err(PyErr::value_error(
            "Sample larger than population or is negative",
        ));
    }
    let k = k as usize;
    let mut setsize = 21usize;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4)), computed in floats as random.py does.
        let e = ((k * 3) as f64).ln() / 4f64.ln();
        setsize += 4usize.pow(e.ceil() as u32);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = vm.collect(&population)?;
        for i in 0..k {
            let j = with_mt(&args, |mt| mt.randbelow_usize(n - i))?;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = with_mt(&args, |mt| mt.randbelow_usize(n))?;
            while selected.contains(&j) {
                j = with_mt(&args, |mt| mt.randbelow_usize(n))?;
            }
            selected.insert(j);
            result.push(vm.getitem(&population, &Value::Int(j as i64))?);
        }
    }
    Ok(Value::list(result))
}

fn r_choices(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params(
        "choices",
        &args,
        &["population", "weights", "cum_weights", "k"],
        1,
        2,
    )?;
    let population = p[0].clone().unwrap_or(Value::None);
    let k = match &p[3] {
        Some(k) => vm.index_value(k)?.max(0) as usize,
        None => 1,
    };
    let n = vm.len(&population)?;
    let weights = p[1].clone().filter(|w| !w.is_none());
    let cum = p[2].clone().filter(|w| !w.is_none());
    let mut out = Vec::with_capacity(k);
    let cum: Vec<f64> = match (weights, cum) {
        (None, None) => {
            let nf = n as f64;
            for _ in 0..k {
                let r = with_mt(&args, Mt::random)?;
                let i = (r * nf).floor() as i64;
                out.push(vm.getitem(&population, &Value::Int(i))?);
            }
            return Ok(Value::list(out));
        }
        (Some(w), None) => {
            if let Value::Int(k) = w {
                return Err(PyErr::type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            let mut acc = 0.0;
            let mut cum = Vec::new();
            for x in vm.collect(&w)? {
                acc += arg_f64(vm, &x)?;
                cum.push(acc);
            }
            cum
        }
        (None, Some(c)) => {
            let mut cum = Vec::new();
            for x in vm.collect(&c)? {
                cum.push(arg_f64(vm, &x)?);
            }
            cum
        }
        (Some(_), Some(_)) => {
            return Err(PyErr::type_error(
                "Cannot specify both weights and cumulative weights",
            ))
        }
    };
    if cum.len() != n {
        return Err(PyErr::value_error(
            "The number of weights does not match the population",
        ));
    }
    let total = cum.last().copied().unwrap_or(0.0);
    if total <= 0.0 {
        return Err(PyErr::value_error(
            "Total of weights must be greater than zero",
        ));
    }
    if !total.is_finite() {
        return Err(PyErr::value_error("Total of weights must be finite"));
    }
    let hi = n - 1;
    for _ in 0..k {
        let x = with_mt(&args, Mt::random)? * total;
        // bisect_right(cum, x, 0, hi)
        let i = cum[..hi].partition_point(|c| *c <= x);
        out.push(vm.getitem(&population, &Value::Int(i as i64))?);
    }
    Ok(Value::list(out))
}

/// Optional float parameters with defaults.
fn floats(vm: &mut Vm, name: &str, args: &Args, defaults: &[(&str, f64)]) -> PyResult<Vec<f64>> {
    let names: Vec<&str> = defaults.iter().map(|p| p.0).collect();
    let p = params(name, args, &names, 0, names.len())?;
    let mut out = Vec::with_capacity(defaults.len());
    for (v, (_, d)) in p.iter().zip(defaults) {
        out.push(match v {
            Some(v) => arg_f64(vm, v)?,
            None => *d,
        });
    }
    Ok(out)
}

fn r_gauss(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = floats(vm, "gauss", &args, &[("mu", 0.0), ("sigma", 1.0)])?;
    let z = with_mt(&args, |mt| match mt.gauss_next.take() {
        Some(z) => z,
        None => {
            let x2pi = mt.random() * std::f64::consts::TAU;
            let g2rad = (-2.0 * (1.0 - mt.random()).ln()).sqrt();
            mt.gauss_next = Some(x2pi.sin() * g2rad);
            x2pi.cos() * g2rad
        }
    })?;
    Ok(Value::Float(f[0] + z * f[1]))
}

fn r_normalvariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = floats(vm, "normalvariate", &args, &[("mu", 0.0), ("sigma", 1.0)])?;
    let magic = 4.0 * (-0.5f64).exp() / 2.0f64.sqrt();
    let z = with_mt(&args, |mt| loop {
        let u1 = mt.random();
        let u2 = 1.0 - mt.random();
        let z = magic * (u1 - 0.5) / u2;
        if z * z / 4.0 <= -u2.ln() {
            return z;
        }
    })?;
    Ok(Value::Float(f[0] + z * f[1]))
}

fn r_expovariate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("expovariate", &args, &["lambd"], 1, 1)?;
    let lambd = arg_f64(vm, p[0].as_ref().unwrap_or(&Value::None))?;
    let r = with_mt(&args, Mt::random)?;
    if lambd == 0.0 {
        return Err(PyErr::zero_division("float division by zero"));
    }
    Ok(Value::Float(-(1.0 - r).ln() / lambd))
}

fn r_triangular(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let p = params("triangular", &args, &["low", "high", "mode"], 0, 3)?;
    let mut low = match &p[0] {
        Some(v) => arg_f64(vm, v)?,
        None => 0.0,
    };
    let mut high = match &p[1] {
        Some(v) => arg_f64(vm, v)?,
        None => 1.0,
    };
    let mut u = with_mt(&args, Mt::random)?;
    let mut c = match &p[2] {
        Some(m) if !m.is_none() => {
            if high == low {
                return Ok(p[0].clone().unwrap_or(Value::Float(0.0)));
            }
            (arg_f64(vm, m)? - low) / (high - low)
        }
        _ => 0.5,
    };
    if u > c {
        u = 1.0 - u;
        c = 1.0 - c;
        std::mem::swap(&mut low, &mut high);
    }
    Ok(Value::Float(low + (high - low) * (u * c).sqrt()))
}
