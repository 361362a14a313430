//! Running the contenders of `pyvm bench`: the counting run of each tier, the warm-up and timed
//! rounds interleaved, and what is read from each run's output (the program's kernel timing).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A pyvm tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Tier {
    /// The interpreter alone.
    Interp,
    /// The JIT with boxed values (`--jit=boxed`).
    Boxed,
    /// The JIT (`--jit`).
    Jit,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Interp => "interp",
            Tier::Boxed => "boxed",
            Tier::Jit => "jit",
        }
    }

    /// `pyvm run`'s options for this tier.
    fn flags(self) -> &'static [&'static str] {
        match self {
            Tier::Interp => &[],
            Tier::Boxed => &["--jit=boxed"],
            Tier::Jit => &["--jit"],
        }
    }
}

/// What `pyvm bench` was asked to do.
pub struct Plan {
    /// This `pyvm` executable.
    pub exe: PathBuf,
    pub file: PathBuf,
    pub args: Vec<String>,
    pub runs: u32,
    pub warmup: u32,
    pub tiers: Vec<Tier>,
    /// Other interpreters' command lines, as given.
    pub compare: Vec<String>,
    /// Longest a single run may take.
    pub timeout: Duration,
}

/// A pyvm tier or another interpreter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Tier(Tier),
    Compare,
}

/// How a contender fared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    /// It ran and failed (exit status, or the error it printed).
    Failed(String),
    /// The compare command is not on this machine.
    NotInstalled,
}

/// The deterministic counters of a tier, from its counting run's `--stats`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counters {
    pub bytecodes: u64,
    pub boxes: u64,
    /// The JIT's counters (None for the interpreter).
    pub jit: Option<JitCounters>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct JitCounters {
    pub traces: u64,
    pub side_traces: u64,
    pub aborts: u64,
    pub exits: u64,
    pub compile_ms: f64,
}

/// Everything measured for one contender.
#[derive(Clone, Debug)]
pub struct Contender {
    /// `interp`, `boxed`, `jit`, or the compare command as given.
    pub name: String,
    pub kind: Kind,
    /// The command line that runs the program (timed runs).
    pub command: Vec<String>,
    pub outcome: Outcome,
    /// Wall time of each timed run, seconds.
    pub wall: Vec<f64>,
    /// The program's own timing of each timed run (the sum of its `took N seconds` lines), when
    /// it prints one.
    pub kernel: Vec<f64>,
    pub counters: Option<Counters>,
    /// Its standard output with the timings masked (from its first successful run).
    pub output: Option<String>,
}

/// What one process did.
struct Ran {
    status_ok: bool,
    seconds: f64,
    stdout: String,
    stderr: String,
}

/// Runs the plan: counting runs, warm-up rounds, timed rounds.
pub fn measure(plan: &Plan) -> Vec<Contender> {
    let mut all: Vec<Contender> = plan
        .tiers
        .iter()
        .map(|&t| tier_contender(plan, t))
        .chain(plan.compare.iter().map(|c| compare_contender(plan, c)))
        .collect();
    let counting = plan.tiers.len() as u64;
    let rounds = u64::from(plan.warmup) + u64::from(plan.runs);
    let progress = super::report::progress(counting + rounds * all.len() as u64);
    for c in all.iter_mut() {
        if let Kind::Tier(t) = c.kind {
            progress.set_message(format!("{} (counting)", c.name));
            count(plan, t, c);
            progress.inc(1);
        }
    }
    for round in 0..rounds {
        let timed = round >= u64::from(plan.warmup);
        for c in all.iter_mut() {
            progress.set_message(format!(
                "{} ({} {})",
                c.name,
                if timed { "run" } else { "warm-up" },
                if timed {
                    round - u64::from(plan.warmup) + 1
                } else {
                    round + 1
                }
            ));
            if c.outcome == Outcome::Ok {
                timed_run(c, timed, plan.timeout);
            }
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    all
}

fn tier_contender(plan: &Plan, tier: Tier) -> Contender {
    let mut command = vec![plan.exe.to_string_lossy().into_owned(), "run".into()];
    command.extend(tier.flags().iter().map(|s| s.to_string()));
    command.push(plan.file.to_string_lossy().into_owned());
    // After `--`, even an argument spelled like a JIT option goes to the program.
    command.push("--".into());
    command.extend(plan.args.iter().cloned());
    Contender {
        name: tier.name().into(),
        kind: Kind::Tier(tier),
        command,
        outcome: Outcome::Ok,
        wall: Vec::new(),
        kernel: Vec::new(),
        counters: None,
        output: None,
    }
}

fn compare_contender(plan: &Plan, cmd: &str) -> Contender {
    let mut command: Vec<String> = cmd.split_whitespace().map(String::from).collect();
    let installed = command.first().is_some_and(|p| installed(p));
    command.push(plan.file.to_string_lossy().into_owned());
    command.extend(plan.args.iter().cloned());
    Contender {
        name: match cmd.trim() {
            "" => "(empty command)".to_string(),
            name => name.to_string(),
        },
        kind: Kind::Compare,
        command,
        outcome: if installed {
            Outcome::Ok
        } else {
            Outcome::NotInstalled
        },
        wall: Vec::new(),
        kernel: Vec::new(),
        counters: None,
        output: None,
    }
}

/// Whether `program` names an executable file, or one on the PATH.
fn installed(program: &str) -> bool {
    fn executable(p: &Path) -> bool {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    if program.contains('/') {
        return executable(Path::new(program));
    }
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| executable(&dir.join(program))))
}

/// The counting run of a tier: `--count --stats` into a temporary file.
fn count(plan: &Plan, tier: Tier, c: &mut Contender) {
    let stats_file = std::env::temp_dir().join(format!(
        "pyvm-bench-{}-{}.json",
        std::process::id(),
        tier.name()
    ));
    let mut command = c.command.clone();
    command.splice(
        2..2,
        [
            "--count".to_string(),
            format!("--stats={}", stats_file.display()),
        ],
    );
    let ran = run_checked(c, &command, plan.timeout);
    let stats = std::fs::read_to_string(&stats_file);
    let _ = std::fs::remove_file(&stats_file);
    if ran.is_none() {
        return;
    }
    match stats
        .map_err(|e| e.to_string())
        .and_then(|s| parse_stats(&s))
    {
        Ok(counters) => c.counters = Some(counters),
        Err(e) => {
            c.outcome =
                Outcome::Failed(format!("unreadable --stats of {}: {e}", plan.exe.display()))
        }
    }
}

/// One warm-up or timed run of a contender still in the race.
fn timed_run(c: &mut Contender, timed: bool, timeout: Duration) {
    let command = c.command.clone();
    let Some(ran) = run_checked(c, &command, timeout) else {
        return;
    };
    if timed {
        c.wall.push(ran.seconds);
        if let Some(k) = kernel_time(&ran.stdout) {
            c.kernel.push(k);
        }
    }
}

/// Runs `command` for `c`: a failure marks `c` failed (None); the first good run gives its
/// output.
fn run_checked(c: &mut Contender, command: &[String], timeout: Duration) -> Option<Ran> {
    let ran = match spawn(command, timeout) {
        Ok(ran) if ran.status_ok => ran,
        Ok(ran) => {
            c.outcome = Outcome::Failed(failure(&ran));
            return None;
        }
        Err(e) => {
            c.outcome = Outcome::Failed(e);
            return None;
        }
    };
    if c.output.is_none() {
        c.output = Some(mask_timings(&ran.stdout));
    }
    Some(ran)
}

/// Runs a command with its output captured, timing it from spawn to exit; a run longer than
/// `timeout` is killed and reported as an error.
fn spawn(command: &[String], timeout: Duration) -> Result<Ran, String> {
    use std::sync::mpsc;
    let Some((program, args)) = command.split_first() else {
        return Err("empty command".into());
    };
    let start = Instant::now();
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("can't run {program}: {e}"))?;
    // A watchdog kills the process at the deadline unless told it finished. (Between the
    // process being reaped and the watchdog being told, its pid could in principle be reused;
    // the window is the few instructions below.)
    let pid = child.id() as libc::pid_t;
    let (finished, told) = mpsc::channel::<()>();
    let watchdog = std::thread::spawn(move || {
        let late = told.recv_timeout(timeout) == Err(mpsc::RecvTimeoutError::Timeout);
        if late {
            // SAFETY: sending a signal has no memory-safety preconditions.
            unsafe { libc::kill(pid, libc::SIGKILL) };
        }
        late
    });
    let output = child.wait_with_output();
    let seconds = start.elapsed().as_secs_f64();
    let _ = finished.send(());
    let timed_out = watchdog.join().unwrap_or(false);
    let output = output.map_err(|e| format!("can't run {program}: {e}"))?;
    if timed_out {
        return Err(format!(
            "timed out after {} s (--timeout)",
            timeout.as_secs()
        ));
    }
    Ok(Ran {
        status_ok: output.status.success(),
        seconds,
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}

/// What a failed run says about itself: the last line of its stderr (a traceback's exception
/// line, or pyvm's refusal), and its exit status.
fn failure(ran: &Ran) -> String {
    let last = ran
        .stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty());
    match last {
        Some(line) => line.to_string(),
        None => "exited with an error status and no message".into(),
    }
}

/// Reads `pyvm run --stats` JSON.
pub fn parse_stats(text: &str) -> Result<Counters, String> {
    let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let int = |v: &serde_json::Value, key: &str| v.get(key).and_then(serde_json::Value::as_u64);
    let jit = v.get("jit").filter(|j| !j.is_null()).map(|j| JitCounters {
        traces: int(j, "traces").unwrap_or(0),
        side_traces: int(j, "side_traces").unwrap_or(0),
        aborts: int(j, "aborts").unwrap_or(0),
        exits: int(j, "exits").unwrap_or(0),
        compile_ms: j
            .get("compile_ms")
            .and_then(serde_json::Value::as_f64)
            .unwrap_or(0.0),
    });
    Ok(Counters {
        bytecodes: int(&v, "dispatched").ok_or("no count of bytecodes dispatched")?,
        boxes: int(&v, "boxes").ok_or("no count of boxes")?,
        jit,
    })
}

/// A timing a program prints: `took <float> seconds` (or `s`, `sec`); the number's byte range.
fn timings(line: &str) -> impl Iterator<Item = (f64, std::ops::Range<usize>)> + '_ {
    line.match_indices("took").filter_map(move |(at, word)| {
        let rest = &line[at + word.len()..];
        let number_at = at + word.len() + (rest.len() - rest.trim_start().len());
        let tail = &line[number_at..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-')))
            .unwrap_or(tail.len());
        let value: f64 = tail[..len].parse().ok()?;
        let unit = tail[len..].trim_start();
        let unit_word = unit
            .split(|c: char| !c.is_ascii_alphabetic())
            .next()
            .unwrap_or("");
        matches!(unit_word, "seconds" | "second" | "sec" | "s")
            .then_some((value, number_at..number_at + len))
    })
}

/// The program's kernel time: the sum of the timings it printed (None when it printed none).
pub fn kernel_time(stdout: &str) -> Option<f64> {
    let mut found = None;
    for line in stdout.lines() {
        for (t, _) in timings(line) {
            *found.get_or_insert(0.0) += t;
        }
    }
    found
}

/// The output with each printed timing replaced by `<t>`, for comparing runs.
pub fn mask_timings(stdout: &str) -> String {
    let mut out = String::with_capacity(stdout.len());
    for line in stdout.split_inclusive('\n') {
        let mut last = 0;
        for (_, range) in timings(line) {
            out.push_str(&line[last..range.start]);
            out.push_str("<t>");
            last = range.end;
        }
        out.push_str(&line[last..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_are_found_and_masked() {
        let out = "Length of x: 100\ncalculate_z_serial_purepython took 0.0620 seconds\n\
                   list took 1.5e-05 seconds\nTotal took a while\nsum 3\n";
        let k = kernel_time(out).unwrap_or(0.0);
        assert!((k - 0.062015).abs() < 1e-12, "{k}");
        assert_eq!(
            mask_timings(out),
            "Length of x: 100\ncalculate_z_serial_purepython took <t> seconds\n\
             list took <t> seconds\nTotal took a while\nsum 3\n"
        );
        assert_eq!(kernel_time("no timing\n"), None);
        assert_eq!(kernel_time("took 3 s\n"), Some(3.0));
        assert_eq!(kernel_time("took 3 apples\n"), None);
    }

    #[test]
    fn stats_are_read() {
        let c = parse_stats(
            r#"{"status":0,"dispatched":10,"boxes":3,"jit":{"traces":2,"side_traces":1,"aborts":0,"exits":5,"compile_ms":1.5}}"#,
        )
        .unwrap_or_default();
        assert_eq!(c.bytecodes, 10);
        assert_eq!(c.jit.map(|j| j.traces), Some(2));
        assert!(parse_stats(r#"{"dispatched":null,"boxes":3}"#).is_err());
        assert!(parse_stats("garbage").is_err());
    }
}
