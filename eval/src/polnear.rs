//! polnear scoring. (Being written.)

use anyhow::{bail, Result};

/// Runs the polnear evaluation.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("polnear evaluation is not written yet")
}
