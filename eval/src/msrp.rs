//! msrp scoring. (Being written.)

use anyhow::{bail, Result};

/// Runs the msrp evaluation.
pub fn run(_args: &[String]) -> Result<()> {
    bail!("msrp evaluation is not written yet")
}
