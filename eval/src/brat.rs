//! brat standoff annotations (`.ann` files) and the attribution relations PolNeAR encodes in
//! them.
//!
//! A text-bound line is `T<n>\t<Tag> <start> <end>[;<start> <end>…]\t<text>`; an event line is
//! `E<n>\t<Type>:<trigger> <Role>:<id> …`. PolNeAR counts offsets in characters (Unicode scalar
//! values) of the `.txt` file, so [`CharToByte`] converts them to the byte offsets the rest of
//! Parallax speaks. Lines that do not parse are skipped, not fatal: a span whose text holds a
//! newline spills its tail onto a line of its own in real files.

/// A text-bound annotation: a tag and one or more character ranges (more than one when the
/// annotation is discontinuous).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBound {
    /// `T<n>`.
    pub id: String,
    /// `Source`, `Cue`, `Content`, `Attribution`, …
    pub tag: String,
    /// Character ranges `[start, end)` into the text, in file order.
    pub segments: Vec<(usize, usize)>,
}

/// An event: a typed relation between text-bound annotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// `E<n>`.
    pub id: String,
    /// Event type (`Attribution`, `Attribution-no-source`).
    pub kind: String,
    /// `(role, text-bound id)` pairs, the trigger excluded.
    pub args: Vec<(String, String)>,
}

/// The parsed contents of one `.ann` file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standoff {
    /// Text-bound annotations in file order.
    pub spans: Vec<TextBound>,
    /// Events in file order.
    pub events: Vec<Event>,
}

/// Parses brat standoff text; malformed lines are skipped.
pub fn parse(ann: &str) -> Standoff {
    let mut out = Standoff::default();
    for line in ann.lines() {
        let mut fields = line.split('\t');
        let id = fields.next().unwrap_or("").trim();
        let body = fields.next().unwrap_or("");
        if id.starts_with('T') {
            if let Some(tb) = parse_text_bound(id, body) {
                out.spans.push(tb);
            }
        } else if id.starts_with('E') {
            if let Some(ev) = parse_event(id, body) {
                out.events.push(ev);
            }
        }
    }
    out
}

fn parse_text_bound(id: &str, body: &str) -> Option<TextBound> {
    let (tag, ranges) = body.split_once(' ')?;
    let mut segments = Vec::new();
    for range in ranges.split(';') {
        let mut nums = range.split_whitespace().map(str::parse::<usize>);
        let (Some(Ok(s)), Some(Ok(e)), None) = (nums.next(), nums.next(), nums.next()) else {
            return None;
        };
        if e < s {
            return None;
        }
        segments.push((s, e));
    }
    Some(TextBound {
        id: id.to_string(),
        tag: tag.to_string(),
        segments,
    })
}

fn parse_event(id: &str, body: &str) -> Option<Event> {
    let mut parts = body.split_whitespace();
    let (kind, _trigger) = parts.next()?.split_once(':')?;
    let args = parts
        .filter_map(|a| a.split_once(':'))
        .map(|(role, target)| (role.to_string(), target.to_string()))
        .collect();
    Some(Event {
        id: id.to_string(),
        kind: kind.to_string(),
        args,
    })
}

/// One attribution relation: who (source) said (cue) what (content). Ranges are characters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The attributed content; `Content` and `Content2` arguments together, in text order.
    pub content: Vec<(usize, usize)>,
    /// The source, when annotated (`Attribution-no-source` events have none).
    pub source: Vec<(usize, usize)>,
    /// The cue, when annotated.
    pub cue: Vec<(usize, usize)>,
}

/// The attributions of a standoff file: one per event that has content. Events that share the
/// very same content are merged (the first event's source and cue win), so a quotation is
/// counted once.
pub fn attributions(doc: &Standoff) -> Vec<Attribution> {
    let by_id: std::collections::HashMap<&str, &TextBound> =
        doc.spans.iter().map(|t| (t.id.as_str(), t)).collect();
    let mut out: Vec<Attribution> = Vec::new();
    for ev in &doc.events {
        let mut attr = Attribution {
            content: Vec::new(),
            source: Vec::new(),
            cue: Vec::new(),
        };
        for (role, target) in &ev.args {
            let Some(tb) = by_id.get(target.as_str()) else {
                continue;
            };
            // `Content2` is a second piece of the same content.
            let slot = match role.trim_end_matches(|c: char| c.is_ascii_digit()) {
                "Content" => &mut attr.content,
                "Source" => &mut attr.source,
                "Cue" => &mut attr.cue,
                _ => continue,
            };
            slot.extend(tb.segments.iter().copied());
        }
        attr.content.sort_unstable();
        attr.content.dedup();
        if attr.content.is_empty() || out.iter().any(|a| a.content == attr.content) {
            continue;
        }
        out.push(attr);
    }
    out
}

/// Converts character offsets of one text into byte offsets.
pub struct CharToByte {
    /// Byte offset of every char index, plus the text length at the end.
    starts: Vec<usize>,
}

impl CharToByte {
    /// Builds the table for `text` (linear time).
    pub fn new(text: &str) -> Self {
        let mut starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        starts.push(text.len());
        CharToByte { starts }
    }

    /// Byte offset of char offset `c`, or `None` past the end of the text.
    pub fn byte(&self, c: usize) -> Option<usize> {
        self.starts.get(c).copied()
    }

    /// Byte range of a char range; `None` when it does not fit the text.
    pub fn range(&self, (s, e): (usize, usize)) -> Option<(usize, usize)> {
        Some((self.byte(s)?, self.byte(e)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Fictional text; offsets are in characters, and the curly quotes are three bytes each.
    const TEXT: &str = "Mayor Ana Ruiz said: “The dam holds.” Officials agreed.";
    const ANN: &str = "T1\tSource 0 14\tMayor Ana Ruiz\n\
                       T2\tCue 15 19\tsaid\n\
                       T3\tContent 21 37\t“The dam holds.”\n\
                       T4\tAttribution 15 19\tsaid\n\
                       E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n\
                       T5\tContent 0 5;10 14\tMayor Ruiz\n\
                       T6\tCue 48 54\tagreed\n\
                       T7\tAttribution-no-source 48 54\tagreed\n\
                       E2\tAttribution-no-source:T7 Cue:T6 Content:T5\n\
                       spilled tail of a span with a newline\n\
                       #1\tAnnotatorNotes T1\ta note\n";

    #[test]
    fn parses_text_bounds_events_and_skips_junk() {
        let doc = parse(ANN);
        assert_eq!(doc.spans.len(), 7);
        assert_eq!(doc.events.len(), 2);
        assert_eq!(doc.spans[4].segments, vec![(0, 5), (10, 14)]);
        assert_eq!(doc.events[1].kind, "Attribution-no-source");
        assert_eq!(
            doc.events[0].args[0],
            ("Content".to_string(), "T3".to_string())
        );
    }

    #[test]
    fn rejects_malformed_ranges() {
        for (name, line) in [
            ("reversed", "T1\tCue 9 3\tx"),
            ("not a number", "T1\tCue a 3\tx"),
            ("one number", "T1\tCue 3\tx"),
            ("three numbers", "T1\tCue 1 2 3\tx"),
            ("no range", "T1\tCue\tx"),
            ("empty event", "E1\t"),
        ] {
            let doc = parse(line);
            assert!(doc.spans.is_empty() && doc.events.is_empty(), "{name}");
        }
    }

    #[test]
    fn builds_attributions_with_and_without_source() {
        let attrs = attributions(&parse(ANN));
        assert_eq!(attrs.len(), 2);
        assert_eq!(attrs[0].source, vec![(0, 14)]);
        assert_eq!(attrs[0].cue, vec![(15, 19)]);
        assert!(attrs[1].source.is_empty());
        assert_eq!(attrs[1].content, vec![(0, 5), (10, 14)]);
    }

    #[test]
    fn merges_second_content_and_duplicate_events() {
        let ann = "T1\tContent 10 20\ta\nT2\tContent 0 5\tb\nT3\tSource 6 9\tc\n\
                   E1\tAttribution:T9 Content:T1 Content2:T2 Source:T3\n\
                   E2\tAttribution:T9 Content2:T2 Content:T1\n\
                   E3\tAttribution:T9 Source:T3 Content:T404\n";
        let attrs = attributions(&parse(ann));
        assert_eq!(
            attrs.len(),
            1,
            "duplicate and content-less events are dropped"
        );
        assert_eq!(attrs[0].content, vec![(0, 5), (10, 20)]);
        assert_eq!(attrs[0].source, vec![(6, 9)]);
    }

    #[test]
    fn converts_char_offsets_to_bytes() {
        let map = CharToByte::new(TEXT);
        let attrs = attributions(&parse(ANN));
        let (s, e) = map.range(attrs[0].content[0]).unwrap_or((0, 0));
        assert_eq!(&TEXT[s..e], "“The dam holds.”");
        let (s, e) = map.range((48, 54)).unwrap_or((0, 0));
        assert_eq!(&TEXT[s..e], "agreed");
        assert_eq!(map.byte(TEXT.chars().count()), Some(TEXT.len()));
        assert_eq!(map.range((3, 9999)), None);
    }
}
