use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Maps byte offsets of cleaned text back to byte offsets of the original document.
///
/// Cleaning copies runs of the original and inserts a few bytes of its own (a space that joins
/// a broken paragraph, a newline between blocks). Each copied run is one [`Segment`]; bytes not
/// covered by a segment were inserted and map to the original offset where the next copied run
/// starts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceMap {
    /// Copied runs, sorted by `text` offset and non-overlapping.
    pub segments: Vec<Segment>,
}

/// One run of bytes copied unchanged from the original document into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Segment {
    /// Start in the cleaned text.
    pub text: usize,
    /// Start in the original document.
    pub source: usize,
    /// Length in bytes.
    pub len: usize,
}

impl SourceMap {
    /// The identity map of a text copied whole.
    pub fn identity(len: usize) -> Self {
        SourceMap {
            segments: vec![Segment {
                text: 0,
                source: 0,
                len,
            }],
        }
    }

    /// Records that `len` bytes at `source` were copied to `text`; merges with the previous run
    /// when the two are contiguous on both sides.
    pub fn push(&mut self, text: usize, source: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if last.text + last.len == text && last.source + last.len == source {
                last.len += len;
                return;
            }
        }
        self.segments.push(Segment { text, source, len });
    }

    /// Offset in the original document of byte `offset` of the text.
    pub fn to_source(&self, offset: usize) -> usize {
        let idx = self.segments.partition_point(|s| s.text + s.len <= offset);
        match self.segments.get(idx) {
            Some(s) if s.text <= offset => s.source + (offset - s.text),
            Some(s) => s.source,
            None => self
                .segments
                .last()
                .map(|s| s.source + s.len)
                .unwrap_or(offset),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_copied_and_inserted_bytes() {
        let mut m = SourceMap::default();
        m.push(0, 10, 5); // text 0..5 <- source 10..15
        m.push(5, 15, 3); // contiguous: merged
        m.push(9, 30, 4); // text byte 8 was inserted
        assert_eq!(m.segments.len(), 2);
        assert_eq!(m.to_source(0), 10);
        assert_eq!(m.to_source(7), 17);
        assert_eq!(m.to_source(8), 30);
        assert_eq!(m.to_source(10), 31);
        assert_eq!(m.to_source(99), 34);
    }
}
