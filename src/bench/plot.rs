//! `pyvm bench --plot OUT.svg`: the median time of each tier and compare command that ran, as a
//! bar chart (with the runs' min–max as a whisker), drawn with plotters' SVG backend.

use super::report::{Basis, Summary};
use plotters::prelude::*;
use std::path::Path;

/// Draws the bars into `out`.
pub fn bars(summary: &Summary, out: &Path) -> Result<(), String> {
    let bars: Vec<(String, f64, f64, f64)> = summary
        .rows
        .iter()
        .filter_map(|r| {
            let s = match summary.basis {
                Basis::Kernel => r.kernel,
                Basis::Wall => r.wall,
            }?;
            Some((r.c.name.clone(), s.median, s.min, s.max))
        })
        .collect();
    if bars.is_empty() {
        return Err("nothing ran, nothing to draw".into());
    }
    let top = bars.iter().map(|b| b.3).fold(0.0f64, f64::max).max(1e-9) * 1.15;
    let title = format!(
        "{}{} — median {} time",
        summary
            .plan
            .file
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        summary
            .plan
            .args
            .iter()
            .map(|a| format!(" {a}"))
            .collect::<String>(),
        match summary.basis {
            Basis::Kernel => "kernel",
            Basis::Wall => "wall",
        }
    );
    let width = 160 + 110 * bars.len() as u32;
    let root = SVGBackend::new(out, (width.max(480), 400)).into_drawing_area();
    let e = |e: &dyn std::fmt::Display| e.to_string();
    root.fill(&WHITE).map_err(|x| e(&x))?;
    let mut chart = ChartBuilder::on(&root)
        .caption(title, ("sans-serif", 20))
        .margin(12)
        .x_label_area_size(36)
        .y_label_area_size(64)
        // A segmented integer range has a segment per value, its end included.
        .build_cartesian_2d((0..bars.len() - 1).into_segmented(), 0.0..top)
        .map_err(|x| e(&x))?;
    let names: Vec<String> = bars.iter().map(|b| b.0.clone()).collect();
    chart
        .configure_mesh()
        .disable_x_mesh()
        .y_desc("seconds")
        .x_label_formatter(&|v| match v {
            SegmentValue::CenterOf(i) => names.get(*i).cloned().unwrap_or_default(),
            _ => String::new(),
        })
        .draw()
        .map_err(|x| e(&x))?;
    let colour = |i: usize| Palette99::pick(i).to_rgba();
    chart
        .draw_series(bars.iter().enumerate().map(|(i, b)| {
            let mut bar = Rectangle::new(
                [
                    (SegmentValue::Exact(i), 0.0),
                    (SegmentValue::Exact(i + 1), b.1),
                ],
                colour(i).filled(),
            );
            bar.set_margin(0, 0, 14, 14);
            bar
        }))
        .map_err(|x| e(&x))?;
    chart
        .draw_series(bars.iter().enumerate().map(|(i, b)| {
            PathElement::new(
                vec![
                    (SegmentValue::CenterOf(i), b.2),
                    (SegmentValue::CenterOf(i), b.3),
                ],
                BLACK.stroke_width(2),
            )
        }))
        .map_err(|x| e(&x))?;
    root.present().map_err(|x| e(&x))
}
