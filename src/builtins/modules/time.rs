//! The `time` module: wall clock, performance counters, sleep.

use crate::builtins::{check_positional, function, no_args, no_kwargs};
use crate::objects::{Args, PyModule};
use crate::vm::{PyErr, PyResult, Value, Vm};
use std::rc::Rc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static START: Instant = Instant::now();
}

pub fn create(vm: &mut Vm) -> Rc<PyModule> {
    let m = vm.new_module("time");
    let fns: &[(&'static str, crate::objects::BuiltinFn)] = &[
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", perf_counter),
        ("perf_counter_ns", perf_counter_ns),
        ("monotonic", perf_counter),
        ("monotonic_ns", perf_counter_ns),
        ("process_time", process_time),
        ("process_time_ns", process_time_ns),
        ("sleep", sleep),
    ];
    for (name, f) in fns {
        m.dict.set_str(name, function("time", name, *f));
    }
    m
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time_time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("time", &args)?;
    Ok(Value::Float(since_epoch().as_secs_f64()))
}

fn time_time_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("time_ns", &args)?;
    Ok(Value::Int(since_epoch().as_nanos() as i64))
}

fn elapsed() -> Duration {
    START.with(|s| s.elapsed())
}

fn perf_counter(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("perf_counter", &args)?;
    Ok(Value::Float(elapsed().as_secs_f64()))
}

fn perf_counter_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("perf_counter_ns", &args)?;
    Ok(Value::Int(elapsed().as_nanos() as i64))
}

/// CPU time of the process (user + system).
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the struct we pass.
    unsafe {
        let mut ru: libc_rusage = std::mem::zeroed();
        if getrusage(0, &mut ru) == 0 {
            let user = Duration::new(ru.ru_utime.tv_sec as u64, ru.ru_utime.tv_usec as u32 * 1000);
            let sys = Duration::new(ru.ru_stime.tv_sec as u64, ru.ru_stime.tv_usec as u32 * 1000);
            return user + sys;
        }
    }
    elapsed()
}

#[repr(C)]
struct Timeval {
    tv_sec: i64,
    tv_usec: i64,
}

/// `struct rusage` on 64-bit Linux: two timevals followed by 14 longs.
#[repr(C)]
struct libc_rusage {
    ru_utime: Timeval,
    ru_stime: Timeval,
    rest: [i64; 14],
}

extern "C" {
    fn getrusage(who: i32, usage: *mut libc_rusage) -> i32;
}

fn process_time(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("process_time", &args)?;
    Ok(Value::Float(cpu_time().as_secs_f64()))
}

fn process_time_ns(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args("process_time_ns", &args)?;
    Ok(Value::Int(cpu_time().as_nanos() as i64))
}

fn sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_kwargs("sleep", &args)?;
    let p = check_positional("sleep", &args, 1, 1)?;
    let secs = match &p[0] {
        Value::Float(f) => *f,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        other => {
            return Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                crate::vm::types::type_name(other)
            )))
        }
    };
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() {
        return Err(PyErr::overflow("sleep length is too large"));
    }
    vm.flush();
    std::thread::sleep(Duration::from_secs_f64(secs));
    Ok(Value::None)
}
