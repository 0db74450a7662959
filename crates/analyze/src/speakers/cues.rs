//! Cue words in a quote's frame: the verb of saying (or naming, or "according to") and the
//! word lists that tell what stands around it.

use super::*;

/// A cue found in a frame.
#[derive(Debug, Clone)]
pub(super) struct Cue {
    pub(super) text: String,
    pub(super) class: CueClass,
    /// Word index range in the frame's word list.
    pub(super) first: usize,
    pub(super) last: usize,
}

/// Words that open a new clause: a speaker after one of them speaks in that clause.
pub(super) const CLAUSE_OPENERS: &[&str] = &[
    "until", "when", "after", "before", "because", "while", "and", "but", "if", "since",
    "although", "though", "whereas", "unless", "once",
];

/// What people issue rather than say: before "saying", its author is the speaker.
pub(super) const DOCUMENTS: &[&str] = &[
    "statement",
    "tweet",
    "post",
    "letter",
    "message",
    "email",
    "release",
    "video",
    "memo",
    "note",
    "op-ed",
    "column",
    "ad",
    "advertisement",
    "essay",
    "editorial",
    "interview",
];

/// Cues followed by their listener ("told reporters", "telling CBS").
pub(super) const OBJECT_CUES: &[&str] =
    &["told", "tells", "tell", "telling", "informed", "informing"];

/// A word that reports speech ("said", "asking", "tweeted").
pub(super) fn is_speech_cue(w: &str, lex: &Lexicon) -> bool {
    lex.cue(&w.to_lowercase()) == Some(CueClass::Speech)
}

/// The cue in `ws[range]`: the first one (`last_first` false) or the one closest to the end.
pub(super) fn find_cue(
    ws: &[Word],
    range: std::ops::Range<usize>,
    lex: &Lexicon,
    last_first: bool,
) -> Option<Cue> {
    let mut found = None;
    let caps = ws
        .iter()
        .filter(|w| w.text.starts_with(char::is_uppercase))
        .count();
    let headline = caps * 2 > ws.len();
    let mut i = range.start;
    while i < range.end {
        let w = ws[i].text.to_lowercase();
        let cue = if w == "according" && ws.get(i + 1).is_some_and(|n| n.text == "to") {
            Some(Cue {
                text: "according to".into(),
                class: CueClass::Source,
                first: i,
                last: i + 1,
            })
        } else if matches!(w.as_str(), "shot" | "fired" | "hit" | "wrote")
            && ws.get(i + 1).is_some_and(|n| n.text == "back")
        {
            // "Smith shot back: “…”".
            Some(Cue {
                text: format!("{w} back"),
                class: CueClass::Speech,
                first: i,
                last: i + 1,
            })
        } else if matches!(w.as_str(), "put" | "puts")
            && ws.get(i + 1).is_some_and(|n| n.text == "it")
        {
            // "As Ruiz put it, “…”".
            Some(Cue {
                text: format!("{w} it"),
                class: CueClass::Speech,
                first: i,
                last: i + 1,
            })
        } else if w == "quoted" && ws.get(i + 1).is_some_and(|n| n.text == "as") {
            let last = if ws.get(i + 2).is_some_and(|n| n.text == "saying") {
                i + 2
            } else {
                i + 1
            };
            Some(Cue {
                text: "quoted as saying".into(),
                class: CueClass::Speech,
                first: i,
                last,
            })
        } else if i > range.start && ws[i].text.starts_with(char::is_uppercase) && !headline {
            // A capitalised word inside a frame is a name ("the United States"), not a cue,
            // unless the frame is in headline style ("Ruiz Vows “…”").
            None
        } else if let Some(class) = lex.cue(&w).or_else(|| {
            // A base form after "to": "went on to say", "took to Twitter to accuse".
            (i > 0 && ws[i - 1].text == "to")
                .then(|| lex.cue_lemma(&w))
                .flatten()
        }) {
            // "read", "began" and "continued" are cues right after a quote
            // ("…,” the statement read); before a quote only as the frame's last word ("She
            // continued, “…”").
            if matches!(w.as_str(), "read" | "began" | "continued" | "continues")
                && last_first
                && i + 1 != range.end
            {
                None
            } else if class == CueClass::Naming && w.starts_with("refer") {
                Some(Cue {
                    text: format!("{w} to"),
                    class,
                    first: i,
                    last: i,
                })
            } else {
                Some(Cue {
                    text: w.clone(),
                    class,
                    first: i,
                    last: i,
                })
            }
        } else {
            None
        };
        if let Some(c) = cue {
            i = c.last + 1;
            found = Some(c);
            if !last_first {
                break;
            }
            continue;
        }
        i += 1;
    }
    found
}
