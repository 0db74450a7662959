//! Our tokenizer (in front of html5ever's tree builder) against html5ever's own: on any page the
//! tokens (text joined, parse errors left out) and the trees are the same, or ours gives up and
//! html5ever's reads the page; and the extracted articles are the same either way.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    if let Err(diff) = parallax_html::compare_tokenizers(&page) {
        panic!("{diff}");
    }
    let ours = parallax_html::extract(&page, None);
    let theirs = parallax_html::extract_with_html5ever(&page, None);
    assert_eq!(ours, theirs);
});
