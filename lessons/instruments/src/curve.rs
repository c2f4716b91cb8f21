//! A speedup curve: the same jobs on pools of 1, 2, ... workers, each pool's time and speedup
//! over one worker, beside the ideal (one more core's worth per worker, up to the cores). As
//! numbers for `--json`, as a text table, and as a picture (SVG, drawn with plotters) that
//! `--svg` writes beside the timelines.

use std::time::Duration;

use plotters::coord::combinators::BindKeyPoints;
use plotters::prelude::{
    ChartBuilder, Circle, DashedLineSeries, IntoDrawingArea, LineSeries, PathElement, RGBColor,
    SVGBackend, SeriesLabelPosition, Text, WHITE,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, IntoFont, ShapeStyle, TextStyle};
use serde::Serialize;

use crate::compare::{Comparison, Keep};
use crate::export::for_markdown;
use crate::pool::worker_pool;
use crate::record::Recorder;
use crate::timeline::format_duration;

/// One point of the speedup curve: a pool size, its time, and its speedup over one worker.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct CurvePoint {
    /// Workers in the pool.
    pub workers: usize,
    /// Wall time of the curve's job on that pool.
    pub seconds: f64,
    /// Time with one worker divided by this time.
    pub speedup: f64,
}

/// Runs `job` on pools of 1..=`cores` workers and of twice the cores (threads started before
/// any clock runs), in turns, and keeps the best of `repeats` runs of each: the run least
/// disturbed by other programs. Returns each pool size's time and speedup over one worker.
pub fn speedup_curve<T>(
    cores: usize,
    repeats: usize,
    job: impl Fn(&rayon::ThreadPool, &Recorder) -> T,
) -> Vec<CurvePoint> {
    let sizes: Vec<usize> = (1..=cores.max(1)).chain([2 * cores.max(1)]).collect();
    let pools: Vec<rayon::ThreadPool> = sizes.iter().map(|&w| worker_pool(w)).collect();
    let mut comparison = Comparison::new();
    for (pool, &workers) in pools.iter().zip(&sizes) {
        // A comparison's keys are `&'static str`, and the pool sizes are known only now: a
        // few bytes per pool size are leaked, once per run of the lesson.
        let key: &'static str = Box::leak(format!("workers_{workers}").into_boxed_str());
        comparison = comparison.variant(key, format!("{workers} workers"), |r| job(pool, r));
    }
    let compared = comparison.repeats(repeats, Keep::Best).run();
    let one = compared.outcomes[0].elapsed.as_secs_f64();
    sizes
        .iter()
        .zip(&compared.outcomes)
        .map(|(&workers, outcome)| CurvePoint {
            workers,
            seconds: outcome.elapsed.as_secs_f64(),
            speedup: one / outcome.elapsed.as_secs_f64(),
        })
        .collect()
}

/// The speedup curve as a text table, with the ideal for each pool size.
pub fn curve_table(curve: &[CurvePoint], cores: usize) -> String {
    let mut table = String::from("workers   time      speedup   ideal\n");
    for point in curve {
        let time = format_duration(Duration::from_secs_f64(point.seconds));
        table += &format!(
            "{:>7}   {time:<8}  {:<8.2}  {}x\n",
            point.workers,
            point.speedup,
            point.workers.min(cores)
        );
    }
    table
}

const MEASURED: RGBColor = RGBColor(0x3b, 0x6e, 0xa8);
const IDEAL: RGBColor = RGBColor(0x8a, 0x95, 0xa1);

/// Draws the speedup curve as an SVG picture: measured speedup per pool size, beside the ideal
/// (as many times faster as there are workers, up to the number of cores, then flat). The
/// workers axis has a tick at each measured pool size and nowhere else; the legend names the
/// lines, so no label sits on a measured point's.
pub fn speedup_svg(points: &[CurvePoint], cores: usize) -> String {
    let mut out = String::new();
    if let Err(error) = draw_curve(&mut out, points, cores) {
        // plotters writes into a String: it fails only on a programming error here.
        return format!("<svg xmlns=\"http://www.w3.org/2000/svg\"><!-- {error} --></svg>\n");
    }
    for_markdown(&out)
}

fn draw_curve(
    out: &mut String,
    points: &[CurvePoint],
    cores: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let root = SVGBackend::with_string(out, (520, 320)).into_drawing_area();
    root.fill(&WHITE)?;
    let most_workers = points.iter().map(|p| p.workers).max().unwrap_or(1).max(2) as i32;
    let most_speedup = points
        .iter()
        .map(|p| p.speedup)
        .fold(cores as f64, f64::max);
    // A whole step of headroom above the highest point, for its label.
    let top = most_speedup.floor() + 1.0;
    // The workers axis counts in tenths of a worker (plotters formats custom ticks only on an
    // integer axis), with a tick at each measured pool size.
    let tenths = |workers: usize| workers as i32 * 10;
    let ticks: Vec<i32> = points.iter().map(|p| tenths(p.workers)).collect();
    let x_range = (6..most_workers * 10 + 4).with_key_points(ticks);
    let y_range = 0.0..top;
    let mut chart = ChartBuilder::on(&root)
        .caption(
            format!("speedup over one worker ({cores} cores)"),
            ("sans-serif", 17).into_font(),
        )
        .margin(12)
        .x_label_area_size(40)
        .y_label_area_size(44)
        .build_cartesian_2d(x_range, y_range)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE)
        .bold_line_style(RGBColor(0xe3, 0xe6, 0xea))
        .x_desc("workers")
        .x_label_formatter(&|w| format!("{}", w / 10))
        .y_labels(top as usize + 1)
        .y_label_formatter(&|s| format!("{s:.0}x"))
        .label_style(("sans-serif", 15).into_font())
        .axis_desc_style(("sans-serif", 15).into_font())
        .draw()?;

    let ideal = points
        .iter()
        .map(|p| (tenths(p.workers), p.workers.min(cores) as f64));
    let dashed = ShapeStyle::from(IDEAL).stroke_width(2);
    chart
        .draw_series(DashedLineSeries::new(ideal, 6, 4, dashed))?
        .label(format!("ideal: 1 core per worker, up to {cores}"))
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], dashed));
    let measured = points.iter().map(|p| (tenths(p.workers), p.speedup));
    let solid = ShapeStyle::from(MEASURED).stroke_width(2);
    chart
        .draw_series(LineSeries::new(measured.clone(), solid))?
        .label("measured")
        .legend(move |(x, y)| PathElement::new([(x, y), (x + 20, y)], solid));
    chart.draw_series(measured.map(|at| Circle::new(at, 4, MEASURED.filled())))?;
    // Each point's speedup beside it, on the side away from the lines: above a point that beat
    // the ideal (both lines come from below it), below any other (the ideal is above it).
    let gap = top / 40.0;
    chart.draw_series(points.iter().map(|p| {
        let above = p.speedup > p.workers.min(cores) as f64;
        let (y, side) = if above {
            (p.speedup + gap, VPos::Bottom)
        } else {
            (p.speedup - gap, VPos::Top)
        };
        let font = ("sans-serif", 15).into_font();
        let style = TextStyle::from(font).pos(Pos::new(HPos::Center, side));
        Text::new(format!("{:.2}x", p.speedup), (tenths(p.workers), y), style)
    }))?;
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperLeft)
        .background_style(WHITE.mix(0.9))
        .border_style(RGBColor(0xcc, 0xcc, 0xcc))
        .label_font(("sans-serif", 15).into_font())
        .draw()?;
    root.present()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points() -> [CurvePoint; 3] {
        let point = |workers, speedup| CurvePoint {
            workers,
            seconds: 1.0 / speedup,
            speedup,
        };
        [point(1, 1.0), point(2, 1.92), point(4, 2.01)]
    }

    #[test]
    fn the_picture_has_a_point_and_a_tick_per_pool_size_and_no_other() {
        let drawn = speedup_svg(&points(), 2);
        assert!(drawn.starts_with("<svg"), "{drawn}");
        assert_eq!(drawn.matches("<circle").count(), 3, "{drawn}");
        assert!(!drawn.contains("\n\n"));
        // What each <text> says, whichever way plotters breaks its lines.
        let texts: Vec<&str> = drawn
            .split("<text")
            .skip(1)
            .filter_map(|t| Some(t.split_once('>')?.1.split_once("</text>")?.0.trim()))
            .collect();
        let tick = |label: &str| texts.iter().filter(|t| **t == label).count();
        assert_eq!(
            (tick("1"), tick("2"), tick("3"), tick("4")),
            (1, 1, 0, 1),
            "{drawn}"
        );
        assert!(
            texts.contains(&"2.01x") && drawn.contains("ideal"),
            "{drawn}"
        );
        if let Some(path) = std::env::var_os("CURVE_SVG") {
            std::fs::write(path, &drawn).unwrap();
        }
    }

    #[test]
    fn the_curve_measures_every_pool_size() {
        let curve = speedup_curve(2, 1, |pool, recorder| {
            pool.install(|| recorder.record("job", "compute", || 1))
        });
        let workers: Vec<usize> = curve.iter().map(|p| p.workers).collect();
        assert_eq!(workers, [1, 2, 4]);
        assert_eq!(curve[0].speedup, 1.0);
        assert!(curve_table(&curve, 2).starts_with("workers   time"));
    }
}
