//! Prints every extraction result of a folder of pages in Debug form, one page after another,
//! so two versions of the extractor can be compared with `diff`.
//!
//! `cargo run --release -p parallax-html --example dump -- DIR > out.txt`

use std::io::Read;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dump DIR");
        std::process::exit(2);
    };
    let Ok(read) = std::fs::read_dir(&dir) else {
        eprintln!("{dir}: cannot read folder");
        std::process::exit(2);
    };
    let mut entries: Vec<_> = read.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let name = path.to_string_lossy();
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
        let page = String::from_utf8_lossy(&raw);
        println!(
            "=== {name}\n{:#?}",
            parallax_html::extract(&page, Some("https://x.example/"))
        );
    }
}
