//! Boilerplate: newsletter prompts, "Also Read" lists, share bars, advertisement markers.
//!
//! Judged on whole short lines only, with anchored phrases, so a real sentence that merely
//! contains "read" or "subscribe" stays. A heading such as "Also Read" or "Related" opens a
//! list: the short headline-like lines right after it are links to other stories and go too.

use super::lines::word_count;

/// Longest line considered boilerplate, in characters.
const MAX_BOILERPLATE_CHARS: usize = 200;
/// Most words on a boilerplate line that opens with a prompt.
const MAX_PROMPT_WORDS: usize = 16;

/// Whole lines that head a list of links to other stories.
const LIST_HEADINGS: &[&str] = &[
    "also read",
    "read also",
    "read more",
    "related",
    "related articles",
    "related stories",
    "related news",
    "related content",
    "related coverage",
    "related posts",
    "related reading",
    "more on this story",
    "more on this topic",
    "more stories",
    "see also",
    "recommended",
    "recommended for you",
    "recommended stories",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "trending",
    "trending now",
    "top stories",
    "editor's picks",
    "editors' picks",
    "what to read next",
    "further reading",
    "latest news",
    "more news",
];

/// Whole lines that are furniture on their own.
const WHOLE_LINES: &[&str] = &[
    "advertisement",
    "advertisment",
    "ad",
    "sponsored",
    "sponsored content",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share via email",
    "tweet",
    "email",
    "print",
    "comments",
    "continue reading",
    "continue reading below",
    "skip advertisement",
    "story continues below advertisement",
    "article continues below",
    "scroll to continue",
    "loading",
    "listen to this article",
    "subscribe",
    "subscribe now",
    "sign up",
    "log in",
    "newsletter",
    "follow us",
    "back to top",
    "click to expand",
    "view comments",
];

/// Openings of prompt lines (lower case); such a line must be short.
const PROMPT_OPENINGS: &[&str] = &[
    "read more:",
    "read also:",
    "also read:",
    "related:",
    "see also:",
    "recommended:",
    "follow us on",
    "follow us at",
    "follow us for",
    "follow our",
    "click here",
    "tap here",
    "sign up for",
    "sign up to",
    "sign up now",
    "subscribe to",
    "subscribe for",
    "subscribe now",
    "subscribe today",
    "share this article",
    "share this story",
    "join our",
    "download our app",
    "download the app",
    "get our",
    "get the latest",
    "don't miss",
    "don’t miss",
    "never miss",
    "stay in the know",
    "stay informed",
    "stay up to date",
    "stay up-to-date",
    "like us on",
    "support our journalism",
    "support independent journalism",
    "become a member",
    "advertisement",
    "want more",
    "want to read more",
    "to continue reading",
];

/// What a boilerplate line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Boilerplate {
    /// A heading that opens a list of links to other stories.
    ListHeading,
    /// A line of furniture.
    Line,
}

/// Classifies a trimmed line as boilerplate.
pub(crate) fn boilerplate_line(line: &str) -> Option<Boilerplate> {
    if line.chars().count() > MAX_BOILERPLATE_CHARS {
        return None;
    }
    let lower = line.to_lowercase();
    let key = lower.trim_end_matches(|c: char| {
        matches!(c, ':' | '.' | '!' | '»' | '›' | '>' | '…') || c.is_whitespace()
    });
    let key = key.trim_start_matches(|c: char| {
        matches!(c, '»' | '›' | '•' | '-' | '*') || c.is_whitespace()
    });
    if LIST_HEADINGS.contains(&key) {
        return Some(Boilerplate::ListHeading);
    }
    if WHOLE_LINES.contains(&key) {
        return Some(Boilerplate::Line);
    }
    let words = word_count(line);
    if words <= MAX_PROMPT_WORDS && PROMPT_OPENINGS.iter().any(|p| starts_with_phrase(key, p)) {
        return Some(Boilerplate::Line);
    }
    if words <= MAX_PROMPT_WORDS && is_newsletter_prompt(key) {
        return Some(Boilerplate::Line);
    }
    None
}

/// A short line that offers a newsletter or e-mail updates.
fn is_newsletter_prompt(key: &str) -> bool {
    let offers = [
        "our newsletter",
        "the newsletter",
        "newsletters",
        "to your inbox",
        "in your inbox",
        "email updates",
        "e-mail updates",
    ];
    offers.iter().any(|o| key.contains(o))
        && (key.contains("sign")
            || key.contains("subscribe")
            || key.contains("our ")
            || key.contains("your inbox"))
}

/// `s` starts with `phrase` followed by the end or a non-letter (so "ad" does not match "adds").
fn starts_with_phrase(s: &str, phrase: &str) -> bool {
    s.strip_prefix(phrase)
        .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// True for a short headline-like line that may follow a list heading: no sentence ending.
pub(crate) fn is_list_item(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty()
        && line.chars().count() <= 160
        && word_count(line) <= 24
        && !line.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', '…'])
        && !line.chars().next().is_some_and(char::is_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(boilerplate_line($line), $want, "{:?}", $line);
            }
        };
    }

    case!(
        also_read_heading,
        "Also Read",
        Some(Boilerplate::ListHeading)
    );
    case!(
        related_heading_with_colon,
        "RELATED:",
        Some(Boilerplate::ListHeading)
    );
    case!(
        read_more_prefix,
        "Read more: Harbour strike enters second week",
        Some(Boilerplate::Line)
    );
    case!(
        newsletter_prompt,
        "Stay current with our newsletter",
        Some(Boilerplate::Line)
    );
    case!(
        sign_up,
        "Sign up for our daily briefing",
        Some(Boilerplate::Line)
    );
    case!(
        subscribe_to,
        "Subscribe to Harbour Weekly",
        Some(Boilerplate::Line)
    );
    case!(share_bar, "Share this article", Some(Boilerplate::Line));
    case!(
        follow_us,
        "Follow us on social media for updates",
        Some(Boilerplate::Line)
    );
    case!(
        click_here,
        "Click here to get the app",
        Some(Boilerplate::Line)
    );
    case!(advertisement, "Advertisement", Some(Boilerplate::Line));
    case!(
        inbox_offer,
        "Get the day's top stories delivered to your inbox",
        Some(Boilerplate::Line)
    );
    case!(
        sentence_with_read,
        "The mayor read the statement aloud to the crowd.",
        None
    );
    case!(
        sentence_with_subscribe,
        "Subscribers to the ferry pass will get refunds, the council said.",
        None
    );
    case!(
        subscribe_in_prose,
        "Few residents subscribe to the view that the port will recover.",
        None
    );
    case!(
        related_in_prose,
        "Related costs rose by a third, the report found.",
        None
    );
    case!(newsletter_in_prose, "The council's newsletter first reported the closure in March, according to officials who asked not to be named.", None);
    case!(
        ad_prefix_is_not_a_word_prefix,
        "Adds detail on the harbour closure",
        None
    );

    #[test]
    fn list_items_are_headline_shaped() {
        assert!(is_list_item("Harbour Strike Enters Second Week"));
        assert!(!is_list_item("The strike entered its second week."));
        assert!(!is_list_item("and then the ferry left"));
    }
}
