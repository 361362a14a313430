//! The per-line profile as one self-contained HTML page (`pyvm profile --html OUT.html`): each
//! profiled function's source, every line shaded by its share of the function's time, with its
//! hits, time, time per hit and allocations.

use super::lines::LineProfiler;
use super::report::{block_lines, ordered, Sources};
use std::fmt::Write;

/// Escapes text for an HTML element's content.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
h2{font-size:1.1em;margin-top:2em}p.meta{color:#555;margin:.2em 0}\
table{border-collapse:collapse;font-size:13px}\
th{text-align:right;padding:2px 8px;border-bottom:2px solid #999}th.src{text-align:left}\
td{text-align:right;padding:1px 8px;white-space:nowrap;font-variant-numeric:tabular-nums}\
td.src{text-align:left;font-family:ui-monospace,monospace;white-space:pre}";

/// The page for a finished per-line profile; times are shown in microseconds.
pub fn page(profiler: &LineProfiler, sources: &Sources, title: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <title>pyvm profile: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>pyvm profile: {}</h1>\n",
        escape(title),
        escape(title)
    );
    if profiler.functions.is_empty() {
        out.push_str("<p>No function was profiled: decorate functions with <code>@profile</code> or use <code>--all</code>.</p>\n");
    }
    for f in ordered(profiler) {
        let total = f.total_time();
        let _ = write!(
            out,
            "<h2>{} <small>({}:{})</small></h2>\n<p class=\"meta\">Total time: {:.6} s, \
             {} hits</p>\n<table>\n<tr><th>Line #</th><th>Hits</th><th>Time (µs)</th>\
             <th>Per Hit (µs)</th><th>% Time</th><th>Allocs</th><th class=\"src\">Line Contents</th></tr>\n",
            escape(&f.code.qualname),
            escape(&f.code.filename),
            f.code.firstlineno,
            total as f64 * 1e-9,
            f.total_hits()
        );
        for (n, text) in block_lines(f, sources) {
            let s = f.line(n);
            let share = if total == 0 {
                0.0
            } else {
                s.time as f64 / total as f64
            };
            let shade = format!("background:rgba(230,80,30,{:.3})", share.sqrt() * 0.85);
            if s.hits == 0 {
                let _ = writeln!(
                    out,
                    "<tr><td>{n}</td><td></td><td></td><td></td><td></td><td></td>\
                     <td class=\"src\">{}</td></tr>",
                    escape(&text)
                );
                continue;
            }
            let us = s.time as f64 * 1e-3;
            let _ = writeln!(
                out,
                "<tr style=\"{shade}\" title=\"{:.1}% of the function's time\"><td>{n}</td>\
                 <td>{}</td><td>{us:.1}</td><td>{:.3}</td><td>{:.1}</td><td>{}</td>\
                 <td class=\"src\">{}</td></tr>",
                share * 100.0,
                s.hits,
                us / s.hits as f64,
                share * 100.0,
                s.allocs,
                escape(&text)
            );
        }
        out.push_str("</table>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}
