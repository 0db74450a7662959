//! Runs html5ever's tokenizer and ours on every page of a folder (`.html` or `.html.gz`) and
//! counts the pages where they agree (same tokens, same tree), where ours gave up (html5ever
//! parses those; the reason is printed), and where they differ (a bug: the first difference is
//! printed).
//!
//! `cargo run --release -p parallax-html --example tokenizers -- DIR`

use std::io::Read;

use parallax_html::{compare_tokenizers, Agreement};

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: tokenizers DIR");
        std::process::exit(2);
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        eprintln!("{dir}: cannot read folder");
        std::process::exit(2);
    };
    let mut entries: Vec<_> = read.flatten().map(|e| e.path()).collect();
    entries.sort();
    let (mut same, mut gave_up, mut differ) = (0, 0, 0);
    for path in entries {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.to_string_lossy().into_owned();
        let raw = if name.ends_with(".gz") {
            let mut out = Vec::new();
            if flate2::read::GzDecoder::new(&bytes[..])
                .read_to_end(&mut out)
                .is_err()
            {
                continue;
            }
            out
        } else {
            bytes
        };
        let page = String::from_utf8_lossy(&raw).into_owned();
        match compare_tokenizers(&page) {
            Ok(Agreement::Same) => same += 1,
            Ok(Agreement::GaveUp(why)) => {
                gave_up += 1;
                println!("gave up: {name}: {why}");
            }
            Err(e) => {
                differ += 1;
                let short: String = e.chars().take(600).collect();
                println!("DIFFER: {name}: {short}");
            }
        }
    }
    println!("same {same}, gave up {gave_up}, differ {differ}");
}
