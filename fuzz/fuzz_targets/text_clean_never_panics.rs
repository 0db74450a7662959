//! Any text handed to the plain-text extractor (`parallax_ingest::extract` on a Text
//! document) gives an article or a typed error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_model::{DocumentMeta, MediaType, RawDocument};

fuzz_target!(|data: &[u8]| {
    let doc = RawDocument {
        input: "fuzz.txt".to_string(),
        media_type: MediaType::Text,
        body: String::from_utf8_lossy(data).into_owned(),
        meta: DocumentMeta::default(),
    };
    if let Ok(article) = parallax_ingest::extract(&doc) {
        assert!(!article.text.trim().is_empty());
    }
});
