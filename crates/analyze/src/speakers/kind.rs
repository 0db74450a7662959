//! What tells a quotation's kind: people in its sentence, titles of works, title case.

use super::*;

/// Whether a sentence, outside the quote in it, mentions a
/// person or organisation (`actors`: sorted mention starts) or holds a personal pronoun.
pub(super) fn actor_in(
    all_words: &[Word],
    actors: &[usize],
    (s_start, s_end): (usize, usize),
    (q_start, q_end): (usize, usize),
) -> bool {
    let outside = |at: usize| (s_start..s_end).contains(&at) && !(q_start..q_end).contains(&at);
    let i = actors.partition_point(|&a| a < s_start);
    if actors[i..]
        .iter()
        .take_while(|&&a| a < s_end)
        .any(|&a| outside(a))
    {
        return true;
    }
    frame_words_iter(all_words, s_start, s_end)
        .filter(|w| outside(w.start))
        .any(|w| {
            matches!(
                w.text.to_lowercase().as_str(),
                "he" | "she" | "they" | "we" | "i" | "his" | "her" | "their" | "our"
            )
        })
}

/// Whether the words before a title-case quote (lower-cased, trimmed) place it as the name of
/// a work or programme rather than speech: "on CBS's “Face the Nation”", "to the tune of
/// “Silent Night”", "his book “The Art of the Deal”".
pub(super) fn names_a_work(lead: &str) -> bool {
    let last = lead
        .rsplit([' ', '\n'])
        .next()
        .unwrap_or("")
        .trim_end_matches([',', ':']);
    // "his 1994 “Contract with America”": a year names an edition, a programme or a plan.
    let year = last.len() == 4 && last.chars().all(|c| c.is_ascii_digit());
    year || last.ends_with("'s")
        || last.ends_with("’s")
        || matches!(
            last,
            "on" | "in"
                | "of"
                | "to"
                | "from"
                | "about"
                | "titled"
                | "entitled"
                | "book"
                | "show"
                | "film"
                | "movie"
                | "song"
                | "album"
                | "program"
                | "programme"
                | "column"
                | "essay"
                | "article"
                | "op-ed"
                | "podcast"
                | "series"
                | "novel"
                | "anthem"
                | "hymn"
                | "poem"
                | "play"
                | "musical"
                | "documentary"
                | "memoir"
                | "biography"
                | "blog"
                | "newsletter"
                | "commentary"
                | "headline"
                | "slogan"
                | "motto"
        )
}

/// Every word capitalised, or a minor word ("The Art of the Deal").
pub(crate) fn is_title_case(quote: &str) -> bool {
    let ws = words(quote);
    !ws.is_empty() && ws.iter().all(|w| is_title_word(w.text))
}

pub(super) fn is_title_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        || is_minor_word(w)
}

pub(super) fn is_minor_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "and"
            | "or"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
    )
}
