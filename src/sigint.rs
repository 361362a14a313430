//! Ctrl-C for the command line: a SIGINT handler that sets a VM's interrupt flag, so the running
//! program gets `KeyboardInterrupt` (with its traceback) instead of the process dying, and the exit
//! CPython makes after an uncaught `KeyboardInterrupt`.

use crate::vm::Vm;
use std::sync::atomic::{AtomicBool, AtomicPtr, Ordering};

/// The interrupt flag of the VM the command line runs, leaked so the handler can always reach it.
static FLAG: AtomicPtr<AtomicBool> = AtomicPtr::new(std::ptr::null_mut());

extern "C" fn on_sigint(_: libc::c_int) {
    let flag = FLAG.load(Ordering::Relaxed);
    // SAFETY: FLAG is null or a pointer leaked from an `Arc` by `catch`, never freed; an atomic
    // store is async-signal-safe.
    if let Some(flag) = unsafe { flag.as_ref() } {
        flag.store(true, Ordering::Relaxed);
    }
}

/// Makes SIGINT (Ctrl-C) interrupt `vm`: it raises `KeyboardInterrupt` at its next check of
/// the limits. A later call points the handler at another VM.
pub fn catch(vm: &Vm) {
    let flag = std::sync::Arc::into_raw(vm.interrupt_handle().flag()) as *mut AtomicBool;
    FLAG.store(flag, Ordering::Relaxed);
    let handler = on_sigint as extern "C" fn(libc::c_int) as libc::sighandler_t;
    // SAFETY: installs a handler that only performs an atomic load and store.
    unsafe {
        libc::signal(libc::SIGINT, handler);
    }
}

/// Ends the process as CPython does after printing an uncaught `KeyboardInterrupt`: killed by
/// SIGINT, so a shell sees status 130 and a calling script knows the program was interrupted.
pub fn die_by_sigint() -> ! {
    // SAFETY: restores the default action and raises the signal, which ends the process.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::raise(libc::SIGINT);
    }
    std::process::exit(130)
}
