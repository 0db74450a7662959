//! Paragraphs and sentences, as byte spans.
//!
//! Rules, not a model: news prose is regular enough that a careful rule set beats a generic
//! splitter on the cases that matter to us (abbreviations, initials, decimals, ellipses inside
//! quotations, and quotations that end a sentence).

/// Abbreviations that end with a period but rarely end a sentence (compared case-sensitively,
/// without the final period).
const ABBREVIATIONS: &[&str] = &[
    "Adm", "Apr", "Aug", "Brig", "Capt", "Cmdr", "Co", "Col", "Corp", "Cpl", "Dec", "Dept", "Dr",
    "Feb", "Fig", "Ft", "Gen", "Gov", "Hon", "Inc", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd", "Maj",
    "Mar", "Messrs", "Mr", "Mrs", "Ms", "Mt", "No", "Nov", "Oct", "Ph", "Prof", "Rep", "Rev",
    "Sen", "Sep", "Sept", "Sgt", "Sr", "St", "Supt", "a.m", "approx", "cf", "e.g", "etc", "i.e",
    "p.m", "vs",
];

/// Words that may open a sentence right after an abbreviation such as "U.S." that can also end
/// one: after these we split anyway.
const SENTENCE_STARTERS: &[&str] = &[
    "A", "An", "But", "He", "However", "I", "In", "It", "Its", "She", "That", "The", "Their",
    "There", "They", "This", "We", "What", "When", "Yet",
];

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』')
}

fn is_opening(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '«' | '„' | '(' | '[' | '「' | '『' | '—' | '–' | '-'
    )
}

/// Paragraph spans: runs of text between line breaks, trimmed of surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            out.push((start, end));
        }
        pos += line.len();
    }
    out
}

/// Sentence spans inside `text[start..end]` (a paragraph), as offsets into `text`.
pub fn sentences(text: &str, start: usize, end: usize) -> Vec<(usize, usize)> {
    let para = &text[start..end];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut out = Vec::new();
    let mut sent_start = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if matches!(c, '.' | '!' | '?' | '…') {
            // Swallow runs of terminal punctuation and closing quotes/brackets.
            let mut j = i + 1;
            while j < chars.len()
                && (matches!(chars[j].1, '.' | '!' | '?' | '…') || is_closing(chars[j].1))
            {
                j += 1;
            }
            let end_byte = chars.get(j).map(|&(b, _)| b).unwrap_or(para.len());
            // Need whitespace, then the start of a new sentence.
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            if k > j && k < chars.len() && is_boundary(para, &chars, sent_start, i, j, k) {
                push_trimmed(&mut out, para, start, sent_start, end_byte);
                sent_start = chars[k].0;
                i = k;
                continue;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, para, start, sent_start, para.len());
    out
}

fn push_trimmed(out: &mut Vec<(usize, usize)>, para: &str, base: usize, s: usize, e: usize) {
    let piece = &para[s..e];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push((base + s + lead, base + s + lead + trimmed.len()));
    }
}

/// Decides whether the punctuation at `chars[p]` (run ending before `chars[j]`) ends a sentence,
/// given that the next sentence would start at `chars[k]`.
fn is_boundary(
    para: &str,
    chars: &[(usize, char)],
    sent_start: usize,
    p: usize,
    j: usize,
    k: usize,
) -> bool {
    let next = chars[k].1;
    let next_word = word_at(para, chars[k].0);
    let starts_sentence = next.is_uppercase()
        || next.is_ascii_digit()
        || (is_opening(next)
            && chars
                .get(k + 1)
                .is_some_and(|&(_, c)| c.is_uppercase() || c.is_ascii_digit()));
    if !starts_sentence {
        return false;
    }
    let mark = chars[p].1;
    // An ellipsis marks an omission far more often than the end of a sentence in news, above
    // all inside quotations.
    let run: String = chars[p..j]
        .iter()
        .map(|&(_, c)| c)
        .filter(|c| !is_closing(*c))
        .collect();
    if mark == '…' || run.starts_with("...") {
        return false;
    }
    if mark != '.' {
        return true;
    }
    // The token before the period.
    let dot = chars[p].0;
    let before = &para[sent_start.min(dot)..dot];
    let token = before
        .rsplit(|c: char| c.is_whitespace() || is_opening(c))
        .next()
        .unwrap_or("");
    if token.is_empty() {
        return true;
    }
    if ABBREVIATIONS.contains(&token) {
        return false;
    }
    // Initials: "J." in "J. K. Rowling"; dotted abbreviations such as "U.S." may end a sentence,
    // so split only when a usual sentence opener follows.
    let letters: Vec<char> = token.chars().filter(|c| *c != '.').collect();
    if letters.len() == 1 && letters[0].is_uppercase() {
        return false;
    }
    if token.contains('.') && letters.iter().all(|c| c.is_alphabetic()) && letters.len() <= 4 {
        return SENTENCE_STARTERS.contains(&next_word);
    }
    true
}

fn word_at(s: &str, at: usize) -> &str {
    let rest = &s[at..];
    let end = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    &rest[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, 0, s.len())
            .into_iter()
            .map(|(a, b)| &s[a..b])
            .collect()
    }

    macro_rules! case {
        ($name:ident, $text:expr, [$($want:expr),* $(,)?]) => {
            #[test]
            fn $name() {
                assert_eq!(split($text), vec![$($want),*]);
            }
        };
    }

    case!(
        plain_sentences,
        "It rained. Then it stopped.",
        ["It rained.", "Then it stopped."]
    );
    case!(
        honorifics_do_not_split,
        "Mr. Smith met Dr. Jones. They talked.",
        ["Mr. Smith met Dr. Jones.", "They talked."]
    );
    case!(
        initials_do_not_split,
        "J. K. Rowling spoke. Fans cheered.",
        ["J. K. Rowling spoke.", "Fans cheered."]
    );
    case!(
        decimals_do_not_split,
        "Prices rose 2.5 percent. Wages fell.",
        ["Prices rose 2.5 percent.", "Wages fell."]
    );
    case!(
        dotted_abbreviation_mid_sentence,
        "The U.S. Senate voted. It passed.",
        ["The U.S. Senate voted.", "It passed."]
    );
    case!(
        dotted_abbreviation_ends_sentence,
        "He flew to the U.S. The trip was long.",
        ["He flew to the U.S.", "The trip was long."]
    );
    case!(
        quote_ends_sentence,
        "He said: \"We will win.\" Others doubted it.",
        ["He said: \"We will win.\"", "Others doubted it."]
    );
    case!(
        question_in_quote_then_cue,
        "“Why now?” she asked. Nobody knew.",
        ["“Why now?” she asked.", "Nobody knew."]
    );
    case!(
        ellipsis_inside_quote,
        "“This tragedy ... I want you to know,” he said.",
        ["“This tragedy ... I want you to know,” he said."]
    );
    case!(
        unicode_ellipsis,
        "It was… Fine. Really.",
        ["It was… Fine.", "Really."]
    );
    case!(
        sentence_opening_with_quote,
        "It ended. “We lost,” he said.",
        ["It ended.", "“We lost,” he said."]
    );
    case!(
        no_terminal_punctuation,
        "A heading without a period",
        ["A heading without a period"]
    );

    #[test]
    fn paragraphs_are_trimmed_lines() {
        let t = "  One.\n\nTwo.\nThree. \n";
        let p: Vec<&str> = paragraphs(t).into_iter().map(|(a, b)| &t[a..b]).collect();
        assert_eq!(p, ["One.", "Two.", "Three."]);
    }

    #[test]
    fn sentence_offsets_are_absolute() {
        let t = "Intro.\n\nFirst one. Second one.";
        let (s, e) = paragraphs(t)[1];
        let got: Vec<&str> = sentences(t, s, e)
            .into_iter()
            .map(|(a, b)| &t[a..b])
            .collect();
        assert_eq!(got, ["First one.", "Second one."]);
    }
}
