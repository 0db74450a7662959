use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};

use crate::words::{fold_word, words};

fn english() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::English))
}

/// Porter2 (Snowball English) stem of a word, after case and apostrophe folding; a possessive
/// "'s" is dropped first.
pub fn stem(word: &str) -> String {
    let folded = fold_word(word);
    let base = folded.strip_suffix("'s").unwrap_or(&folded);
    english().stem(base).into_owned()
}

/// English function words that carry no content of their own. Kept short on purpose: modal and
/// negation words stay content, because "will" vs "won't" changes a claim.
const STOPWORDS: &[&str] = &[
    "a", "about", "after", "also", "an", "and", "are", "as", "at", "be", "been", "being", "but",
    "by", "for", "from", "had", "has", "have", "he", "her", "his", "i", "in", "into", "is", "it",
    "its", "me", "my", "of", "on", "or", "our", "she", "so", "than", "that", "the", "their",
    "them", "then", "there", "these", "they", "this", "those", "to", "us", "was", "we", "were",
    "what", "when", "which", "who", "whom", "whose", "with", "you", "your",
];

/// True for function words (case-insensitive).
pub fn is_stopword(word: &str) -> bool {
    let w = fold_word(word);
    STOPWORDS.binary_search(&w.as_str()).is_ok()
}

/// Stems of the content words of `text`, in order.
pub fn content_stems(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stopword(w.text))
        .map(|w| stem(w.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopword_list_is_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn stems_inflections_together() {
        assert_eq!(stem("Soldiers"), stem("soldier"));
        assert_eq!(stem("called"), stem("calls"));
        assert_eq!(stem("Russia’s"), stem("Russia"));
    }

    #[test]
    fn content_stems_drop_function_words() {
        assert_eq!(
            content_stems("The mothers of the soldiers"),
            ["mother", "soldier"]
        );
    }
}
