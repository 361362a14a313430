//! The JIT's state in a VM: loops, their traces and counters, the recorder, the log.

use super::ir::Trace;
use super::lower::{self, Compiled, WriteKind};
use super::record::{self, Recorder, Step};
use super::runtime::{self, Ctx};
use super::{LogMode, LoopAction, Options};
use crate::bytecode::opcodes::Opcode;
use crate::bytecode::Code;
use crate::vm::frame::Frame;
use crate::vm::{Value, Vm};
use cranelift_jit::{JITBuilder, JITModule};
use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// Recordings of one loop that may fail before it is blacklisted.
const MAX_ABORTS: u32 = 3;
/// Traces kept per loop header (for different entry types).
const MAX_TRACES_PER_LOOP: usize = 4;

/// A compiled trace.
struct TraceEntry {
    id: u32,
    /// Owns the constants and bindings the machine code points to: never moved (boxed) and
    /// never dropped before the module.
    trace: Box<Trace>,
    compiled: Compiled,
    exit_counts: Vec<u64>,
    entries: u64,
}

/// One loop header.
struct Loop {
    code: Rc<Code>,
    traces: Vec<TraceEntry>,
    aborts: u32,
    /// Entries refused by every trace's entry checks since the last recording.
    refused: u32,
    blacklisted: bool,
}

#[derive(Default)]
struct Stats {
    traces: u32,
    aborts: BTreeMap<String, u32>,
    blacklisted: u32,
    compile_time: Duration,
    compiled_time: Duration,
    entries: u64,
}

pub(crate) struct Jit {
    options: Options,
    module: JITModule,
    loops: HashMap<(usize, u32), Loop>,
    recorder: Option<Box<Recorder>>,
    ctx: Box<Ctx>,
    buf: Vec<u64>,
    stats: Stats,
    started: Instant,
}

fn new_module() -> Result<JITModule, String> {
    let flags = [("opt_level", "speed")];
    let builder = JITBuilder::with_flags(&flags, cranelift_module::default_libcall_names())
        .map_err(|e| e.to_string())?;
    Ok(JITModule::new(builder))
}

/// `julia.py:14`
fn place(code: &Code, at: u32) -> String {
    let file = code.filename.rsplit('/').next().unwrap_or(&code.filename);
    format!("{file}:{}", code.line_of(at as usize))
}

impl Vm {
    /// Turns the JIT on for the code this VM runs from now on.
    pub fn enable_jit(&mut self, options: Options) -> Result<(), String> {
        // Cranelift may refuse an unknown host; that is an error, not a panic.
        let module = std::panic::catch_unwind(new_module)
            .map_err(|_| "the JIT does not support this machine".to_string())??;
        self.jit_threshold = options.threshold.max(1);
        self.jit = Some(Box::new(Jit {
            options,
            module,
            loops: HashMap::new(),
            recorder: None,
            ctx: Box::new(Ctx {
                out: 0,
                deferred: Vec::new(),
            }),
            buf: Vec::new(),
            stats: Stats::default(),
            started: Instant::now(),
        }));
        Ok(())
    }

    /// Writes the JIT's summary on stderr, if the log asks for one.
    pub fn finish_jit(&mut self) {
        let Some(jit) = self.jit.as_ref() else {
            return;
        };
        if jit.options.log != LogMode::Off {
            let text = jit.summary();
            self.jit_log(&text);
        }
    }

    fn jit_log(&mut self, text: &str) {
        let _ = self.out.flush();
        eprint!("{text}");
    }

    /// Whether the frame running at the current depth is being recorded.
    pub(crate) fn jit_recording_here(&self) -> bool {
        matches!(&self.jit, Some(j) if j.recorder.as_ref().is_some_and(|r| r.depth == self.depth))
    }

    /// A back edge reached a hot loop header (`f.ip`, with `f.sp` synchronised): run its
    /// trace, or start recording one.
    pub(crate) fn jit_loop(&mut self, f: &mut Frame) -> LoopAction {
        let Some(jit) = self.jit.as_mut() else {
            return LoopAction::Continue;
        };
        if jit.recorder.is_some() {
            return LoopAction::Continue;
        }
        let header = record::opcode_unit(&f.code, f.ip) as u32;
        let key = (Rc::as_ptr(&f.code) as usize, header);
        let lp = jit.loops.entry(key).or_insert_with(|| Loop {
            code: f.code.clone(),
            traces: Vec::new(),
            aborts: 0,
            refused: 0,
            blacklisted: false,
        });
        if lp.blacklisted {
            f.code.backedges[f.ip].set(0);
            return LoopAction::Continue;
        }
        if !lp.traces.is_empty() {
            let base = f.slots.as_ptr();
            let timing = jit.options.log != LogMode::Off;
            for t in &mut lp.traces {
                if jit.buf.len() < t.compiled.buf_len {
                    jit.buf.resize(t.compiled.buf_len, 0);
                }
                let t0 = timing.then(Instant::now);
                // SAFETY: the trace was compiled for this code object's frames; it reads the
                // slots below the header's stack depth and writes only the exit buffer (sized
                // for it) and the context.
                let exit = unsafe { (t.compiled.func)(base, jit.buf.as_mut_ptr(), &mut *jit.ctx) };
                if let Some(t0) = t0 {
                    jit.stats.compiled_time += t0.elapsed();
                }
                if exit == 0 {
                    continue;
                }
                t.entries += 1;
                jit.stats.entries += 1;
                t.exit_counts[exit as usize] += 1;
                let info = &t.compiled.exits[exit as usize];
                apply_exit(f, info, &jit.buf, &t.trace.consts);
                lp.refused = 0;
                let deferred = std::mem::take(&mut jit.ctx.deferred);
                drop(deferred);
                return LoopAction::Resumed;
            }
            // No trace accepts the frame as it is: record another after a while.
            lp.refused += 1;
            f.code.backedges[f.ip].set(0);
            if lp.refused < 2 || lp.traces.len() >= MAX_TRACES_PER_LOOP {
                return LoopAction::Continue;
            }
            lp.refused = 0;
        }
        jit.recorder = Some(Box::new(Recorder::new(f.code.clone(), f.ip, self.depth, f)));
        LoopAction::Record
    }

    /// Reports the instruction at `at` to the recorder; false when recording is over.
    pub(crate) fn jit_record_step(&mut self, f: &Frame, at: usize, op: Opcode, arg: u32) -> bool {
        let Some(jit) = self.jit.as_mut() else {
            return false;
        };
        let Some(rec) = jit.recorder.as_mut() else {
            return false;
        };
        let builtins = self.builtins.clone();
        match rec.step(f, &f.globals, &builtins, at, op, arg) {
            Step::Go => true,
            Step::Done(result) => {
                let rec = jit.recorder.take().expect("recording");
                let text = match result {
                    Ok(trace) => jit.install(&rec, trace),
                    Err(abort) => jit.abort(&rec.code, rec.header, &abort.reason, abort.at),
                };
                if !text.is_empty() {
                    self.jit_log(&text);
                }
                false
            }
        }
    }

    /// Ends a recording that cannot go on (an exception, a return).
    pub(crate) fn jit_abandon(&mut self, why: &str) {
        let Some(jit) = self.jit.as_mut() else {
            return;
        };
        let Some(rec) = jit.recorder.take() else {
            return;
        };
        let at = rec.header;
        let text = jit.abort(&rec.code, rec.header, why, at);
        if !text.is_empty() {
            self.jit_log(&text);
        }
    }
}

/// Boxes an exit's values into the frame and points it at the instruction to resume.
fn apply_exit(f: &mut Frame, info: &lower::ExitInfo, buf: &[u64], consts: &[Value]) {
    for w in &info.writes {
        let word = buf[w.at as usize];
        let v = match w.kind {
            WriteKind::Int => Value::Int(word as i64),
            WriteKind::Float => Value::Float(f64::from_bits(word)),
            WriteKind::Bool => Value::Bool(word & 1 != 0),
            WriteKind::Complex => {
                Value::complex(f64::from_bits(word), f64::from_bits(buf[w.at as usize + 1]))
            }
            // SAFETY: the object is kept alive by the slot or container the trace read it
            // from (container items it overwrote are only dropped after this).
            WriteKind::Obj(t) => unsafe { (*runtime::borrow(t, word)).clone() },
            WriteKind::Const(i) => consts[i as usize].clone(),
            WriteKind::Null => Value::Null,
        };
        std::mem::replace(&mut f.slots[w.slot as usize], v).discard();
    }
    f.ip = info.ip as usize;
    f.sp = info.sp as usize;
}

impl Jit {
    fn dump(&self) -> bool {
        self.options.log == LogMode::Dump
    }

    fn events(&self) -> bool {
        matches!(self.options.log, LogMode::Events | LogMode::Dump)
    }

    /// Compiles a closed recording and attaches it to its loop; returns the log text.
    fn install(&mut self, rec: &Recorder, trace: Trace) -> String {
        let code = rec.code.clone();
        let t0 = Instant::now();
        let trace = Box::new(trace);
        let dump = self.dump();
        let compiled = lower::compile(&mut self.module, &trace, dump);
        let elapsed = t0.elapsed();
        self.stats.compile_time += elapsed;
        let compiled = match compiled {
            Ok(c) => c,
            Err(e) => return self.abort(&code, rec.header, &format!("codegen: {e}"), rec.header),
        };
        self.stats.traces += 1;
        let id = self.stats.traces;
        let mut text = String::new();
        if self.events() {
            let _ = writeln!(text, "[TRACE {id} {} loop]", place(&code, rec.header));
        }
        if dump {
            let _ = writeln!(text, "---- TRACE {id} bytecode");
            for &at in &trace.recorded {
                let (_, op, arg, _) = code.decode(at as usize);
                let _ = writeln!(
                    text,
                    "  {:>4}:{:<4} {:<28} {arg}",
                    code.line_of(at as usize),
                    at * 2,
                    op.name()
                );
            }
            let _ = write!(text, "---- TRACE {id} IR\n{trace}");
            let _ = writeln!(
                text,
                "---- TRACE {id} Cranelift IR ({:.3} ms to compile)\n{}",
                elapsed.as_secs_f64() * 1e3,
                compiled.clif.as_deref().unwrap_or("")
            );
        }
        let exits = compiled.exits.len();
        let key = (Rc::as_ptr(&code) as usize, rec.header);
        if let Some(lp) = self.loops.get_mut(&key) {
            lp.traces.push(TraceEntry {
                id,
                trace,
                compiled,
                exit_counts: vec![0; exits],
                entries: 0,
            });
        }
        text
    }

    /// Counts a failed recording (blacklisting the loop after a few); returns the log text.
    fn abort(&mut self, code: &Rc<Code>, header: u32, reason: &str, at: u32) -> String {
        // Aborts are grouped by reason without the names and numbers in it.
        let kind: String = reason
            .split('\'')
            .step_by(2)
            .collect::<Vec<_>>()
            .join("'…'");
        *self.stats.aborts.entry(kind).or_default() += 1;
        let key = (Rc::as_ptr(code) as usize, header);
        let mut black = false;
        if let Some(lp) = self.loops.get_mut(&key) {
            lp.aborts += 1;
            code.backedges[header as usize].set(0);
            if lp.aborts >= MAX_ABORTS && lp.traces.is_empty() {
                lp.blacklisted = true;
                black = true;
                self.stats.blacklisted += 1;
            }
        }
        if !self.events() {
            return String::new();
        }
        let mut text = format!(
            "[TRACE --- {} -- abort: {reason} at {}]\n",
            place(code, header),
            place(code, at)
        );
        if black {
            let _ = writeln!(text, "[TRACE --- {} -- blacklisted]", place(code, header));
        }
        text
    }

    fn summary(&self) -> String {
        let s = &self.stats;
        let mut out = String::new();
        let total = self.started.elapsed();
        let _ = writeln!(out, "---- JIT summary");
        let _ = writeln!(
            out,
            "traces: {}  side traces: 0  aborts: {}  blacklisted loops: {}",
            s.traces,
            s.aborts.values().sum::<u32>(),
            s.blacklisted
        );
        for (reason, n) in &s.aborts {
            let _ = writeln!(out, "  abort {n:>6}  {reason}");
        }
        let _ = writeln!(
            out,
            "compile time: {:.3} ms ({:.3} ms per trace)",
            s.compile_time.as_secs_f64() * 1e3,
            s.compile_time.as_secs_f64() * 1e3 / s.traces.max(1) as f64
        );
        let _ = writeln!(
            out,
            "time in compiled code: {:.3} s of {:.3} s ({:.1}%), {} trace entries",
            s.compiled_time.as_secs_f64(),
            total.as_secs_f64(),
            100.0 * s.compiled_time.as_secs_f64() / total.as_secs_f64().max(1e-9),
            s.entries
        );
        let mut loops: Vec<&Loop> = self
            .loops
            .values()
            .filter(|l| !l.traces.is_empty())
            .collect();
        loops.sort_by_key(|l| l.traces[0].id);
        for lp in loops {
            for t in &lp.traces {
                let header = t.compiled.exits.first().map_or(0, |_| 0);
                let _ = header;
                let _ = writeln!(out, "trace {} ({} entries):", t.id, t.entries);
                for (k, n) in t.exit_counts.iter().enumerate().skip(1) {
                    if *n == 0 {
                        continue;
                    }
                    let info = &t.compiled.exits[k];
                    let (_, op, _, _) = lp.code.decode(info.ip as usize);
                    let _ = writeln!(
                        out,
                        "  exit {k:>3} at {} ({}): {n}",
                        place(&lp.code, info.ip),
                        op.name()
                    );
                }
            }
        }
        out
    }
}
