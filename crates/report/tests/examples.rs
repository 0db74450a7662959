//! Snapshots of the whole pipeline on the bundled example stories, in the two forms people read:
//! the terminal report and the JSON contract. Review snapshot changes like code
//! (`cargo insta review`); a change here is a change in what users see.

use parallax_compare::{CompareConfig, Comparer};
use parallax_model::Comparison;
use parallax_report::{render_text, Style};

fn compare(story: &str) -> Comparison {
    let dir = format!("{}/../../examples/{story}", env!("CARGO_MANIFEST_DIR"));
    let docs = parallax_ingest::load_inputs(&[dir])
        .expect("example story")
        .documents;
    let articles = docs
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let mut a = parallax_ingest::extract(d).expect("extract");
            a.id = format!("a{}", i + 1);
            // Inputs are absolute paths that differ per machine.
            a.input = a.input.rsplit('/').next().unwrap_or_default().to_string();
            a
        })
        .collect();
    Comparer::new(CompareConfig::default()).compare(articles)
}

macro_rules! story_snapshots {
    ($name:ident, $story:expr) => {
        mod $name {
            use super::*;

            #[test]
            fn terminal_report() {
                insta::assert_snapshot!(render_text(&compare($story), Style { color: false }));
            }

            #[test]
            fn json_contract() {
                // Article texts, offsets and source maps are covered by unit tests; the snapshot
                // keeps to what the comparison found.
                insta::assert_json_snapshot!(compare($story), {
                    ".articles[].text" => "[text]",
                    ".articles[].source_map" => "[source map]",
                    ".articles[].paragraphs" => "[paragraphs]",
                    ".articles[].sentences" => "[sentences]",
                    ".articles[].entities[].mentions" => "[mentions]",
                });
            }
        }
    };
}

story_snapshots!(harbor_fire, "harbor-fire");
story_snapshots!(river_accord, "river-accord");
