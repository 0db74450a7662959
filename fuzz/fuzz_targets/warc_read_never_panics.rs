//! Any bytes read as a web archive (gzip-compressed when they start with the gzip magic, as
//! WARC.gz files do) give documents and warnings, never a panic, and reading ends.
#![no_main]

use std::io::{BufRead, BufReader, Cursor};

use libfuzzer_sys::fuzz_target;
use parallax_ingest::warc::WarcDocuments;

fuzz_target!(|data: &[u8]| {
    let reader: Box<dyn BufRead> = if data.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            Cursor::new(data),
        )))
    } else {
        Box::new(Cursor::new(data))
    };
    // Each item consumes input or ends the stream, so the count is bounded by the input size;
    // the cap only guards against a reader that would loop.
    let mut items = 0usize;
    for item in WarcDocuments::new("fuzz.warc", reader) {
        if let Ok(doc) = item {
            assert!(doc.input.starts_with("fuzz.warc#"), "{}", doc.input);
        }
        items += 1;
        assert!(items <= data.len() + 16, "reader did not end");
    }
});
