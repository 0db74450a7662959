//! Any bytes, read as a page, extract without panicking, and the result keeps the shape the
//! rest of the pipeline relies on: paragraphs separated by one blank line, none empty.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let article = parallax_html::extract(&page, Some("https://fuzz.example/story"));
    if !article.text.is_empty() {
        assert!(
            article.text.split("\n\n").all(|p| !p.trim().is_empty()),
            "empty paragraph in {:?}",
            article.text
        );
    }
});
