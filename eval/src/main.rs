//! Parallax accuracy harness: scores the pipeline on the datasets in `../shared/datasets` with
//! each dataset's upstream metric and writes Markdown reports under `docs/accuracy/`.
//!
//! ```text
//! parallax-eval msrp     ../shared/datasets/msrp
//! parallax-eval polnear  ../shared/datasets/polnear
//! parallax-eval aeb      ../shared/datasets/scrapinghub-aeb
//! ```

use std::path::PathBuf;

use anyhow::{bail, Result};

/// `println!` that gives up quietly when stdout is closed (`parallax-eval … | head`) instead of
/// panicking; the reports are written to files, stdout carries only a summary.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

mod aeb;
mod msrp;
mod polnear;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match args.split_first() {
        Some((t, r)) => (t.as_str(), r),
        None => {
            bail!("usage: parallax-eval <msrp|polnear|aeb> DATASET_DIR [--out FILE] [--floor F]")
        }
    };
    match task {
        "msrp" => msrp::run(rest),
        "polnear" => polnear::run(rest),
        "aeb" => aeb::run(rest),
        other => bail!("unknown task {other:?}: expected msrp, polnear or aeb"),
    }
}

/// Common options: the dataset folder, where to write the report, and the score floor below
/// which the run fails (CI sets it).
#[allow(dead_code)]
pub struct Options {
    /// The dataset folder.
    pub dir: PathBuf,
    /// Report path.
    pub out: Option<PathBuf>,
    /// Fail when the headline score is below this.
    pub floor: Option<f64>,
}

/// Parses `DIR [--out FILE] [--floor F]`.
#[allow(dead_code)]
pub fn parse_options(args: &[String]) -> Result<Options> {
    let mut dir = None;
    let mut out = None;
    let mut floor = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().map(PathBuf::from),
            "--floor" => {
                floor = match it.next().map(|f| f.parse::<f64>()) {
                    Some(Ok(f)) => Some(f),
                    _ => bail!("--floor needs a number"),
                }
            }
            other if dir.is_none() => dir = Some(PathBuf::from(other)),
            other => bail!("unexpected argument {other:?}"),
        }
    }
    let Some(dir) = dir else {
        bail!("missing the dataset folder")
    };
    if !dir.is_dir() {
        bail!("{}: not a folder", dir.display());
    }
    Ok(Options { dir, out, floor })
}
