//! Emptying script, style and comment bodies and unread attribute values before parsing (the
//! fast path of `parallax_html::extract`) gives exactly the article the plain parse gives.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let page = String::from_utf8_lossy(data);
    let fast = parallax_html::extract(&page, None);
    let plain = parallax_html::extract_unlightened(&page, None);
    assert_eq!(fast, plain);
});
