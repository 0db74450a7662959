//! Photo-credit lines: the caption furniture left behind when an image is dropped.
//!
//! Three shapes, all judged on whole short lines:
//! - a label: `Photo: …`, `(Photo by …)`, `Image: …`, `Illustration by …`, `Credit: …`;
//! - an agency beside a slash: `Reuters/Jane Roe`, `AP Photo/John Doe`, `Jane Roe / AFP`;
//! - two to four short name-like parts separated by ` / ` (photographer / agency / source).

/// Longest line considered a credit, in characters.
const MAX_CREDIT_CHARS: usize = 150;
/// Most words on a credit line.
const MAX_CREDIT_WORDS: usize = 20;

/// Labels that open a credit line (lower case, compared after an opening bracket).
const LABELS: &[&str] = &[
    "photo:",
    "photo by",
    "photos:",
    "photos by",
    "photo credit",
    "photograph:",
    "photograph by",
    "photographs:",
    "photography:",
    "photographer:",
    "image:",
    "image by",
    "images:",
    "image credit",
    "image source",
    "picture:",
    "pictures:",
    "picture by",
    "illustration:",
    "illustration by",
    "credit:",
    "credits:",
    "file photo",
    "pic:",
    "foto:",
];

/// Photo agencies and image sources (lower case).
const AGENCIES: &[&str] = &[
    "reuters",
    "ap",
    "ap photo",
    "ap images",
    "associated press",
    "afp",
    "afp via getty images",
    "getty",
    "getty images",
    "epa",
    "epa-efe",
    "efe",
    "tass",
    "ria novosti",
    "sputnik",
    "xinhua",
    "anadolu",
    "anadolu agency",
    "shutterstock",
    "alamy",
    "pa",
    "pa images",
    "pa wire",
    "bloomberg",
    "nurphoto",
    "sipa",
    "zuma",
    "upi",
    "dpa",
    "ansa",
    "kyodo",
    "yonhap",
    "imago",
    "kremlin",
    "kremlin.ru",
    "handout",
    "pool",
    "file",
    "file photo",
    "press service",
];

/// Lower-case words that may sit inside a name ("Ana de Souza", "Photo via Kremlin").
const NAME_CONNECTORS: &[&str] = &[
    "de", "da", "do", "dos", "van", "von", "der", "den", "al", "el", "la", "le", "del", "bin",
    "via", "for", "and", "of",
];

/// True when `line` (trimmed) is a photo credit.
pub(crate) fn is_photo_credit(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty()
        || line.chars().count() > MAX_CREDIT_CHARS
        || line.split_whitespace().count() > MAX_CREDIT_WORDS
    {
        return false;
    }
    let lower = line.to_lowercase();
    let unbracketed = lower.trim_start_matches(['(', '[']).trim_start();
    if LABELS.iter().any(|l| unbracketed.starts_with(l)) {
        return true;
    }
    let bare = unbracketed.trim_end_matches([')', ']']).trim();
    // Anything that ends like a sentence is prose, not a credit.
    if bare.ends_with(['.', '!', '?', ':', ';', ',']) {
        return false;
    }
    if bare.ends_with("getty images") || AGENCIES.contains(&bare) {
        return true;
    }
    if bare.contains('/') {
        let parts: Vec<&str> = bare.split('/').map(str::trim).collect();
        let first = parts.first().copied().unwrap_or("");
        let last = parts.last().copied().unwrap_or("");
        if AGENCIES.contains(&first) || AGENCIES.contains(&last) {
            return true;
        }
    }
    name_parts(line)
}

/// Two to four short name-like parts separated by " / ".
fn name_parts(line: &str) -> bool {
    let parts: Vec<&str> = line.split(" / ").map(str::trim).collect();
    if !(2..=4).contains(&parts.len()) {
        return false;
    }
    parts.iter().all(|part| {
        let words: Vec<&str> = part.split_whitespace().collect();
        (1..=4).contains(&words.len())
            && words
                .iter()
                .any(|w| w.chars().next().is_some_and(char::is_uppercase))
            && words.iter().all(|w| is_name_word(w))
    })
}

fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    let capital = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let body_ok = word
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’' | '&'));
    (capital && body_ok) || NAME_CONNECTORS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(is_photo_credit($line), $want, "{:?}", $line);
            }
        };
    }

    case!(
        three_name_parts,
        "Marta Quill / Harbour Press / City Hall",
        true
    );
    case!(
        two_name_parts_all_caps_agency,
        "Ivo Brenner / NORDPRESS",
        true
    );
    case!(photo_label, "Photo: Lena Ashby", true);
    case!(
        photo_by_in_parens,
        "(Photo by Tom Reyes/Getty Images)",
        true
    );
    case!(image_label, "Image: courtesy of the museum", true);
    case!(getty_alone, "Getty Images", true);
    case!(agency_first, "REUTERS/Pia Lund", true);
    case!(ap_photo_first, "AP Photo/Dan Okafor, File", true);
    case!(agency_last, "Sergio Valle / AFP", true);
    case!(via_getty, "Nadia Ferro/AFP via Getty Images", true);
    case!(name_with_connector, "Ana de Souza / Porto Daily", true);
    case!(
        sentence_with_slash,
        "The river rose / fell, officials said.",
        false
    );
    case!(
        prose_mentioning_photos,
        "The photo shows the bridge before it collapsed.",
        false
    );
    case!(lower_case_parts, "either / or", false);
    case!(five_parts, "A / B / C / D / E", false);
    case!(
        long_parts,
        "The Regional Council Of Many Towns / Press",
        false
    );
    case!(
        plain_sentence,
        "Rain fell across the valley on Friday.",
        false
    );
    case!(headline_without_slash, "Harbour Reopens After Storm", false);
}
