//! The line pass: every line of the original is judged once, top to bottom, by the line rules
//! in a fixed order (footer, photo credit, markup, boilerplate, dateline and byline near the
//! top, title, heading), and is either removed (with its kind) or kept as body.

use parallax_model::{Removed, RemovedKind};

use super::boilerplate::{boilerplate_line, is_list_item, Boilerplate};
use super::credits::is_photo_credit;
use super::dates::dateline;
use super::footer::{find_url, footer_line, Footer};
use super::lines::{split_lines, Line};
use super::title::{byline, heading_marks, is_title_shaped};

/// Lines longer than this (in bytes) are body text: no line rule accepts them. Each rule also
/// has its own, tighter limit in characters.
const MAX_RULE_BYTES: usize = 1024;
/// How many non-blank lines from the top a dateline or byline may sit.
const TOP_LINES: usize = 8;
/// How many lines after a footer label its URL may come.
const URL_LOOKAHEAD: usize = 3;
/// How many headline-like lines after "Also Read" are taken as links to other stories.
const MAX_LIST_ITEMS: usize = 8;

/// A line kept for the text, or a paragraph break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Item {
    /// A blank or removed line: paragraphs never run across it, except by the mid-sentence rule.
    Break,
    /// A line of body text (trimmed).
    Body(Line),
    /// A Markdown heading inside the body, marks removed; always a paragraph of its own.
    Heading(Line),
}

/// What the line pass found.
#[derive(Debug, Default)]
pub(crate) struct Classified {
    pub items: Vec<Item>,
    pub removed: Vec<Removed>,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub byline: Option<String>,
}

/// Runs the line pass over `src`. `known_title` is a title the source already gave: then the
/// first line is only removed when it repeats that title.
pub(crate) fn classify(src: &str, known_title: Option<&str>) -> Classified {
    let lines = split_lines(src);
    let mut pass = Pass {
        src,
        lines: &lines,
        next: 0,
        out: Classified::default(),
        known_title,
    };
    pass.run();
    pass.out
}

struct Pass<'a> {
    src: &'a str,
    lines: &'a [Line],
    /// Index of the next line of `lines` to judge.
    next: usize,
    out: Classified,
    known_title: Option<&'a str>,
}

impl Pass<'_> {
    fn run(&mut self) {
        let mut pending: Option<Line> = None;
        let mut non_blank = 0usize;
        let mut body_lines = 0usize;
        let mut title_decided = false;
        let mut list_left = 0usize;
        loop {
            let (line, from_source_line) = match pending.take() {
                Some(rest) => (rest, false),
                None => match self.lines.get(self.next) {
                    Some(&l) => {
                        self.next += 1;
                        (l, true)
                    }
                    None => break,
                },
            };
            let t = line.trimmed(self.src);
            let text = t.text(self.src);
            if text.is_empty() {
                self.out.items.push(Item::Break);
                continue;
            }
            let top = body_lines <= 1 && non_blank < TOP_LINES;
            non_blank += 1;

            if let Some(footer) = footer_line(text) {
                pending = self.footer(t, footer);
                continue;
            }
            // Every rule below judges short lines only; a long paragraph skips them all.
            let short = text.len() <= MAX_RULE_BYTES;
            if short && is_photo_credit(text) {
                self.remove(RemovedKind::PhotoCredit, t);
                continue;
            }
            if short && is_rule(text) {
                self.remove(RemovedKind::Markup, t);
                continue;
            }
            if let Some(kind) = boilerplate_line(text).filter(|_| short) {
                self.remove(RemovedKind::Boilerplate, t);
                list_left = if kind == Boilerplate::ListHeading {
                    MAX_LIST_ITEMS
                } else {
                    list_left
                };
                continue;
            }
            if list_left > 0 {
                if short && is_list_item(text) {
                    self.remove(RemovedKind::Boilerplate, t);
                    list_left -= 1;
                    continue;
                }
                list_left = 0;
            }
            if top && short {
                if let Some(date) = dateline(text) {
                    self.out.published.get_or_insert(date);
                    self.remove(RemovedKind::Metadata, t);
                    continue;
                }
                if self.out.byline.is_none() {
                    if let Some(name) = byline(text) {
                        self.out.byline = Some(name.to_string());
                        self.remove(RemovedKind::Metadata, t);
                        continue;
                    }
                }
            }
            if !title_decided && from_source_line {
                title_decided = true;
                if self.title(t) {
                    continue;
                }
            }
            if let Some(marks) = heading_marks(text) {
                self.out.removed.push(removed(
                    self.src,
                    RemovedKind::Markup,
                    t.start,
                    t.start + marks,
                ));
                self.out.items.push(Item::Heading(t.from(t.start + marks)));
                body_lines += 1;
                continue;
            }
            self.out.items.push(Item::Body(t));
            body_lines += 1;
        }
    }

    fn remove(&mut self, kind: RemovedKind, t: Line) {
        self.out
            .removed
            .push(removed(self.src, kind, t.start, t.end));
        self.out.items.push(Item::Break);
    }

    /// Takes the first content line as the title when it is one; true when it did.
    fn title(&mut self, t: Line) -> bool {
        let text = t.text(self.src);
        let marks = heading_marks(text);
        let content = t.from(t.start + marks.unwrap_or(0));
        let content_text = content.text(self.src);
        let is_title = match self.known_title {
            Some(known) => same_words(known, content_text),
            None => {
                let alone = marks.is_some() || blank_or_end(self.lines.get(self.next), self.src);
                // The body must follow, and not as the rest of a sentence the line began.
                let rest = self.lines.get(self.next..).unwrap_or(&[]);
                let following = rest.iter().find(|l| {
                    let text = l.trimmed(self.src).text(self.src);
                    !text.is_empty() && !is_furniture(text)
                });
                let followed = following.is_some_and(|l| {
                    let first = l.trimmed(self.src).text(self.src).chars().next();
                    !first.is_some_and(char::is_lowercase)
                });
                is_title_shaped(content_text) && alone && followed
            }
        };
        if !is_title {
            return false;
        }
        if marks.is_some() {
            self.out.removed.push(removed(
                self.src,
                RemovedKind::Markup,
                t.start,
                content.start,
            ));
        }
        self.out.removed.push(removed(
            self.src,
            RemovedKind::Metadata,
            content.start,
            content.end,
        ));
        if self.known_title.is_none() {
            self.out.title = Some(
                content_text
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        }
        self.out.items.push(Item::Break);
        true
    }

    /// Removes a footer line (and, for an address label, the address on the same or a later
    /// line). Returns text glued after the address, to be judged as a line of its own.
    fn footer(&mut self, t: Line, footer: Footer) -> Option<Line> {
        let Footer::Url { after } = footer else {
            self.remove(RemovedKind::Footer, t);
            return None;
        };
        let rest = t.from(t.start + after);
        let found = match find_url(rest.text(self.src)) {
            Some(hit) => Some((rest, hit)),
            None => self.url_on_next_lines(),
        };
        let Some((line, (_, end, url_start, url_end))) = found else {
            self.remove(RemovedKind::Footer, t);
            return None;
        };
        let url = line.text(self.src).get(url_start..url_end).unwrap_or("");
        let url = url.trim_end_matches(['.', ',', ';', ')']);
        if self.out.url.is_none() && !url.is_empty() {
            self.out.url = Some(url.to_string());
        }
        let end = line.start + end;
        self.out
            .removed
            .push(removed(self.src, RemovedKind::Footer, t.start, end));
        self.out.items.push(Item::Break);
        let glued = Line {
            start: end,
            end: line.end,
        };
        (!glued.is_blank(self.src)).then_some(glued)
    }

    /// An address that opens one of the next few non-blank lines; consumes the lines up to it.
    fn url_on_next_lines(&mut self) -> Option<(Line, (usize, usize, usize, usize))> {
        let mut seen = 0;
        let mut i = self.next;
        while let Some(&line) = self.lines.get(i) {
            i += 1;
            if line.is_blank(self.src) {
                continue;
            }
            seen += 1;
            let t = line.trimmed(self.src);
            let hit = find_url(t.text(self.src)).filter(|&(start, ..)| start == 0);
            if let Some(hit) = hit {
                self.next = i;
                return Some((t, hit));
            }
            if seen >= URL_LOOKAHEAD {
                break;
            }
        }
        None
    }
}

/// True at the end of the document or for a blank line.
fn blank_or_end(line: Option<&Line>, src: &str) -> bool {
    line.is_none_or(|l| l.is_blank(src))
}

/// A line the pass would remove whatever its place (used to find the body after a title).
fn is_furniture(text: &str) -> bool {
    footer_line(text).is_some()
        || is_photo_credit(text)
        || is_rule(text)
        || boilerplate_line(text).is_some()
        || dateline(text).is_some()
        || byline(text).is_some()
}

fn removed(src: &str, kind: RemovedKind, start: usize, end: usize) -> Removed {
    let text = src.get(start..end).unwrap_or("").trim_end().to_string();
    Removed {
        kind,
        text,
        source_start: Some(start),
    }
}

/// A Markdown horizontal rule: three or more of one of `-`, `*`, `_`, `=`, spaces allowed.
fn is_rule(text: &str) -> bool {
    let mut marks = text.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_' | '=')
        && text.chars().filter(|&c| c == first).count() >= 3
        && marks.all(|c| c == first)
}

/// The same words, case and spacing aside.
fn same_words(a: &str, b: &str) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    norm(a) == norm(b)
}
