/// A word of the text with its byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset one past the last character.
    pub end: usize,
    /// The word as written.
    pub text: &'a str,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Apostrophes and hyphens join word characters ("don't", "well-equipped"); a decimal point or
/// thousands separator joins digits ("300,000", "2.5").
fn joins(prev: char, c: char, next: char) -> bool {
    match c {
        '\'' | '’' | '-' | '‐' => prev.is_alphanumeric() && next.is_alphanumeric(),
        '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Splits `text` into words: runs of letters and digits, joined by inner apostrophes, hyphens
/// and number punctuation. Everything else (spaces, punctuation, quotation marks) separates.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut chars = text.char_indices().peekable();
    let mut prev = ' ';
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n).unwrap_or(' ');
        if is_word_char(c) || (start.is_some() && joins(prev, c, next)) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start.take() {
            out.push(Word {
                start: s,
                end: i,
                text: &text[s..i],
            });
        }
        prev = c;
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

/// Lower-cases a word and folds typographic apostrophes and hyphens to ASCII, so "Russia’s"
/// and "russia's" compare equal.
pub fn fold_word(word: &str) -> String {
    word.chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '‐' => '-',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn splits_on_punctuation_and_keeps_inner_joiners() {
        assert_eq!(
            texts("“Don’t,” he said: 300,000 well-equipped men (2.5%)."),
            [
                "Don’t",
                "he",
                "said",
                "300,000",
                "well-equipped",
                "men",
                "2.5"
            ]
        );
    }

    #[test]
    fn offsets_point_into_the_text() {
        let s = "Über alles — 17 mal";
        for w in words(s) {
            assert_eq!(&s[w.start..w.end], w.text);
        }
    }

    #[test]
    fn folds_case_and_apostrophes() {
        assert_eq!(fold_word("Russia’s"), "russia's");
    }
}
