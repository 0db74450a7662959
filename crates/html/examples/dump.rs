//! Prints every extraction result of a folder of pages in Debug form, one page after another,
//! so two versions of the extractor can be compared with `diff`.
//!
//! `cargo run --release -p parallax-html --example dump -- DIR > out.txt`

#[path = "common/pages.rs"]
mod pages;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dump DIR");
        std::process::exit(2);
    };
    let pages = pages::read_pages(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(2);
    });
    for (name, page) in pages {
        println!(
            "=== {name}\n{:#?}",
            parallax_html::extract(&page, Some("https://x.example/"))
        );
    }
}
