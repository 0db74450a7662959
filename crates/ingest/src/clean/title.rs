//! Lines lifted into metadata at the top of a document: the title (headline), Markdown heading
//! marks, and a byline.

/// Longest line taken for a title, in characters.
pub(crate) const MAX_TITLE_CHARS: usize = 200;

/// Lower-case words that may sit inside a byline name.
const BYLINE_CONNECTORS: &[&str] = &[
    "and", "de", "da", "van", "von", "der", "al", "la", "le", "del", "in", "of", "for", "&",
];

/// Byte length of Markdown heading marks at the start of `line` (`# `, `### `), including the
/// whitespace after them; `None` when the line is not an ATX heading.
pub(crate) fn heading_marks(line: &str) -> Option<usize> {
    let hashes = line.len() - line.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = line.get(hashes..)?;
    let text = rest.trim_start();
    if text.len() == rest.len() || text.is_empty() {
        // "#hashtag" or a bare "###" is not a heading.
        return None;
    }
    Some(line.len() - text.len())
}

/// True when `line` (trimmed, marks removed) looks like a headline: short, with a letter, and
/// not ending like a sentence or a clause.
pub(crate) fn is_title_shaped(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= MAX_TITLE_CHARS
        && line.chars().any(char::is_alphabetic)
        && (!line.ends_with('.') || is_title_case(line))
        && !line.ends_with([',', ';', ':'])
        && !ends_with_quoted_sentence(line)
        && !line.chars().next().is_some_and(char::is_lowercase)
}

/// Headline capitalisation ("Council Approves New Harbour Plan."): nearly every word of four
/// letters or more is capitalised. Some sources end headlines with a period; this tells them
/// from a one-sentence paragraph.
fn is_title_case(line: &str) -> bool {
    let long: Vec<&str> = line
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 4 && w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    long.len() >= 3 && capitalised * 5 >= long.len() * 4
}

/// `… “heroes.”`: a sentence that ends inside quotation marks (a quoted question or
/// exclamation may end a headline, a quoted full stop does not).
fn ends_with_quoted_sentence(line: &str) -> bool {
    let mut tail = line.chars().rev();
    let last = tail.next();
    let before = tail.next();
    last.is_some_and(|c| matches!(c, '"' | '”' | '’' | '\'' | '»'))
        && before.is_some_and(|c| matches!(c, '.' | '…'))
}

/// The name of a byline line (`By Jane Roe and Ivo Brenner` → `Jane Roe and Ivo Brenner`).
pub(crate) fn byline(line: &str) -> Option<&str> {
    let line = line.trim();
    let name = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))?
        .trim();
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let ok = (1..=8).contains(&words.len())
        && name.chars().count() <= 80
        && !name.ends_with(['.', '!', '?', ':', ';'])
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) || BYLINE_CONNECTORS.contains(w)
        });
    ok.then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! marks {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(heading_marks($line), $want);
            }
        };
    }

    marks!(h1, "# Harbour Reopens", Some(2));
    marks!(h3_with_two_spaces, "###  Harbour Reopens", Some(5));
    marks!(hashtag_is_not_heading, "#harbour", None);
    marks!(bare_marks, "##", None);
    marks!(too_many_marks, "####### x", None);
    marks!(plain_line, "Harbour Reopens", None);

    macro_rules! shape {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(is_title_shaped($line), $want);
            }
        };
    }

    shape!(headline, "Harbour Reopens After Week-Long Storm", true);
    shape!(question_headline, "Will the Harbour Reopen?", true);
    shape!(
        quoted_headline,
        "Mayor Says “We Will Rebuild” at Harbour",
        true
    );
    shape!(
        quoted_question_headline,
        "Mayor Asks “Who Will Rebuild?”",
        true
    );
    shape!(
        sentence_ending_in_quotes,
        "She called them “heroes.”",
        false
    );
    shape!(sentence, "The harbour reopened on Friday.", false);
    shape!(
        title_case_with_period,
        "Council Approves New Harbour Plan After Long Debate.",
        true
    );
    shape!(short_title_case_sentence, "Ships Came.", false);
    shape!(clause, "The harbour reopened on Friday,", false);
    shape!(lowercase_start, "and the harbour reopened", false);
    shape!(digits_only, "2021", false);
    shape!(non_latin_headline, "Гавань снова открыта", true);

    #[test]
    fn bylines() {
        assert_eq!(
            byline("By Jane Roe and Ivo Brenner"),
            Some("Jane Roe and Ivo Brenner")
        );
        assert_eq!(
            byline("BY PIA LUND, Harbour Wire"),
            Some("PIA LUND, Harbour Wire")
        );
        assert_eq!(byline("By Friday, the ferries had stopped."), None);
        assert_eq!(byline("By the time the ferry came"), None);
    }
}
