//! Comparison of several reports of one event: aligned facts, unique sentences, the quote
//! ledger, figure conflicts, framing and text reuse.

pub mod conflicts;
pub mod framing;
