//! aeb scoring. (Being written.)

use anyhow::{bail, Result};

/// Runs the aeb evaluation.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("aeb evaluation is not written yet")
}
