//! Throughput of quote extraction with attribution: paragraphs, sentences, entities, marks →
//! quotes, speakers and cues, and indirect attributions, on synthetic news text (fictional
//! people and events written for this bench). Reported in MB/s of article text.

use std::hint::black_box;

use criterion::{criterion_main, Criterion, Throughput};

/// Paragraphs in the styles a newsroom mixes: split quotes, colon introductions, block quotes,
/// reported speech, scare quotes, pronouns and role nouns.
const PARAGRAPHS: &[&str] = &[
    "Mayor Ana Ruiz visited the flooded harbour of Port Vell on Tuesday. “We will rebuild every pier before the winter,” Ruiz said. “Nobody will be left behind.”",
    "Harbour master Lena Okafor said that the sea wall had held for a week but would need repairs costing more than 2 million euros.",
    "“The water rose in minutes,” said Tomas Brandt, a fisherman, who lost two boats. He added: “It was the worst night of my life.”",
    "According to the regional council, about 300 homes were damaged, and officials warned residents that the river could rise again on Friday.",
    "The opposition called the plan a “fairy tale” and said the mayor had ignored the engineers’ “repeated warnings” for years.",
    "The council’s spokeswoman told reporters the repairs would start next month. “We have the money,” she insisted.",
    "Okafor continued:",
    "“The wall is old. It was built for another climate, and we knew that. The question now is how fast we can raise it.",
    "“Every week we wait costs us more,” she said.",
    "The ministry, the statement said, will send engineers to inspect the dam, which residents have nicknamed “the old lady.”",
];

fn corpus(min_bytes: usize) -> String {
    let mut out = String::new();
    let mut i = 0;
    while out.len() < min_bytes {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn extract(text: &str, with_indirect: bool) -> usize {
    parallax_analyze::extract_quotes(text, with_indirect).len()
}

/// Runs the quote extraction benches.
pub fn bench(c: &mut Criterion) {
    // One article of about 6 KB (a typical news story) and a long one of about 1 MB, to show
    // the work stays linear in the length of the text.
    // "attribution" is the bar's measure: marks → quotes, speakers and cues with the entities
    // they need. "with_indirect" adds reported speech.
    for (name, size) in [("article_6kb", 6_000), ("long_1mb", 1_000_000)] {
        let text = corpus(size);
        let mut g = c.benchmark_group("quotes");
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(20);
        for (stage, with_indirect) in [("attribution", false), ("with_indirect", true)] {
            g.bench_function(format!("{stage}/{name}"), |b| {
                b.iter(|| extract(black_box(&text), with_indirect))
            });
        }
        g.finish();
    }
}

// criterion_group! generates an undocumented public function.
#[allow(missing_docs)]
mod group {
    criterion::criterion_group!(benches, super::bench);
}
use group::benches;
criterion_main!(benches);
