//! The quote ledger: each utterance, how every outlet rendered it, and how faithfully.
//!
//! Quotes are cut into segments at sentence ends and at ellipses (an ellipsis marks where an
//! outlet left something out, so it is a seam between remarks). Segments of different articles
//! that share enough content words are grouped, strongest pairs first, with at most one segment
//! per article in a group (a headline may add a second). Each group is an utterance. Its
//! reference is the fullest rendering that carries no inserted narration; every other rendering
//! is classified against it (see [`crate::fidelity`]).

use parallax_analyze::identity::{canonical_key, SpeakerIndex};
use parallax_model::{AnalyzedArticle, QuoteKind, Rendering, Utterance};
use parallax_text::{content_stems, fold_word, words};

use crate::fidelity::{classify, narration_clauses};

/// One sentence (or ellipsis-delimited piece) of a quote.
#[derive(Debug, Clone)]
pub(crate) struct Segment {
    pub article: usize,
    pub quote: usize,
    /// Position of the segment within its quote.
    pub index: usize,
    pub text: String,
    pub headline: bool,
    pub speaker: Option<String>,
    stems: Vec<String>,
    folded: Vec<String>,
    /// Sorted hashes of the segment's runs of `SHARED_RUN` words with three content words, and
    /// of all its runs of `JOINED_RUN` words: cheap set intersections before word-level checks.
    shared_runs: Vec<u64>,
    joined_runs: Vec<u64>,
    /// Words of another remark (a segment of another article in another utterance) that this
    /// segment carries: it joins separate remarks.
    joined: Option<String>,
}

/// Splits quoted words at sentence ends and ellipses.
pub(crate) fn split_segments(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (s, e) in parallax_text::sentences(text, 0, text.len()) {
        let piece = &text[s..e];
        let mut start = 0;
        for (i, m) in piece
            .match_indices(['…'])
            .chain(piece.match_indices("..."))
            .collect::<std::collections::BTreeMap<_, _>>()
        {
            let after = piece[i + m.len()..].trim_start();
            if after.chars().next().is_some_and(char::is_uppercase) && i > start {
                out.push((s + start, s + i));
                start = piece.len() - after.len();
            }
        }
        out.push((s + start, e));
    }
    out.retain(|&(s, e)| text[s..e].chars().any(char::is_alphanumeric));
    out
}

fn segments(articles: &[AnalyzedArticle]) -> Vec<Segment> {
    let mut out = Vec::new();
    for (a, art) in articles.iter().enumerate() {
        for (qi, q) in art.quotes.iter().enumerate() {
            if !matches!(
                q.kind,
                QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Headline
            ) {
                continue;
            }
            // Each part on its own: “A,” he said. “B.” is two remarks, even though the quote
            // joins them into one text.
            let source = if q.kind == QuoteKind::Headline {
                art.article.title.as_deref().unwrap_or("")
            } else {
                art.article.text.as_str()
            };
            let pieces: Vec<&str> = match q.parts.as_slice() {
                [_, _, ..] => q.parts.iter().map(|p| p.of(source)).collect(),
                _ => vec![q.text.as_str()],
            };
            let cuts = pieces.iter().flat_map(|piece| {
                split_segments(piece)
                    .into_iter()
                    .map(move |(s, e)| &piece[s..e])
            });
            for (index, cut) in cuts.enumerate() {
                let text = cut
                    .trim()
                    .trim_end_matches([',', ';', ':'])
                    .trim()
                    .to_string();
                let mut stems = content_stems(&text);
                stems.sort();
                stems.dedup();
                let folded: Vec<String> = words(&text).iter().map(|w| fold_word(w.text)).collect();
                let shared_runs = run_hashes(&folded, SHARED_RUN, 3);
                let joined_runs = run_hashes(&folded, JOINED_RUN, 0);
                out.push(Segment {
                    article: a,
                    quote: qi,
                    index,
                    text,
                    headline: q.kind == QuoteKind::Headline,
                    speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                    stems,
                    folded,
                    shared_runs,
                    joined_runs,
                    joined: None,
                });
            }
        }
    }
    out
}

/// Dice coefficient of the content stems, raised when the shorter segment stands word for word
/// inside the longer (a headline or a truncated quote).
fn score(a: &Segment, b: &Segment) -> f64 {
    let common = a
        .stems
        .iter()
        .filter(|s| b.stems.binary_search(s).is_ok())
        .count();
    let total = a.stems.len() + b.stems.len();
    if total == 0 {
        return 0.0;
    }
    let dice = 2.0 * common as f64 / total as f64;
    let (short, long) = if a.folded.len() <= b.folded.len() {
        (a, b)
    } else {
        (b, a)
    };
    let contained = short.folded.len() >= 3
        && short.stems.len() >= 2
        && long
            .folded
            .windows(short.folded.len())
            .any(|w| w == short.folded.as_slice());
    if contained {
        dice.max(0.6)
    } else if intersects(&a.shared_runs, &b.shared_runs) {
        // Five words in a row with three content words are one remark even when narration
        // or another remark around them dilutes the overlap.
        dice.max(0.5)
    } else {
        dice
    }
}

/// Least run of words, with at least three content words, that ties two renderings together.
const SHARED_RUN: usize = 5;

/// Sorted, deduplicated hashes of every run of `n` words with at least `content` content words.
fn run_hashes(folded: &[String], n: usize, content: usize) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = folded
        .windows(n)
        .filter(|w| w.iter().filter(|x| !parallax_text::is_stopword(x)).count() >= content)
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// True when two sorted lists share an element.
fn intersects(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Builds the ledger. `threshold` is the least segment score that groups two renderings.
pub fn ledger(articles: &[AnalyzedArticle], threshold: f64) -> Vec<Utterance> {
    let mut segs = segments(articles);
    // One identity per person across the articles ("Putin", "President Putin", "Vladimir
    // Putin", and the role phrases articles resolved to him), for speaker agreement.
    let mut people = SpeakerIndex::new();
    for a in articles {
        people.add_article(a);
    }
    let n = segs.len();
    let mut edges = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            if segs[i].article == segs[j].article {
                continue;
            }
            let s = score(&segs[i], &segs[j]);
            if s >= threshold {
                edges.push((s, i, j));
            }
        }
    }
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    // Greedy grouping with one body segment per article per group.
    let mut group: Vec<usize> = (0..n).collect();
    let mut members: Vec<Vec<usize>> = (0..n).map(|i| vec![i]).collect();
    for (_, i, j) in edges {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj {
            continue;
        }
        let clash = members[gi].iter().any(|&x| {
            members[gj].iter().any(|&y| {
                segs[x].article == segs[y].article && !segs[x].headline && !segs[y].headline
            })
        });
        if clash {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group[m] = gi;
        }
        members[gi].extend(moved);
    }
    mark_joined(&mut segs, &group);
    // A quote nobody else carries stays one utterance, not one per sentence.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut solo: Vec<Vec<usize>> = Vec::new();
    for m in members.into_iter().filter(|m| !m.is_empty()) {
        if m.len() > 1 {
            groups.push(m);
            continue;
        }
        let s = &segs[m[0]];
        match solo.last_mut() {
            Some(last)
                if {
                    let p = &segs[*last.last().unwrap_or(&m[0])];
                    p.article == s.article && p.quote == s.quote && p.index + 1 == s.index
                } =>
            {
                last.push(m[0])
            }
            _ => solo.push(m),
        }
    }
    groups.extend(solo);
    groups.sort_by_key(|g| {
        g.iter()
            .map(|&i| (segs[i].article, segs[i].quote, segs[i].index))
            .min()
    });
    groups
        .iter()
        .enumerate()
        .map(|(k, g)| utterance(k, g, &segs, articles, &people))
        .collect()
}

/// Least run of words of another remark that marks a segment as joining separate remarks.
const JOINED_RUN: usize = 4;

/// Marks segments that carry a run of words from a segment of another article that went to
/// another utterance (“… never stood in this river – we will be watching every gauge”).
fn mark_joined(segs: &mut [Segment], group: &[usize]) {
    let n = segs.len();
    for i in 0..n {
        // Words the rest of this segment's own utterance accounts for.
        let own: std::collections::HashSet<&str> = (0..n)
            .filter(|&j| j != i && group[j] == group[i] && segs[j].article != segs[i].article)
            .flat_map(|j| segs[j].folded.iter().map(String::as_str))
            .collect();
        let hit = (0..n).find_map(|j| {
            let (a, b) = (&segs[i], &segs[j]);
            if a.article == b.article
                || group[i] == group[j]
                || a.headline
                || b.folded.len() < JOINED_RUN
                || !intersects(&a.joined_runs, &b.joined_runs)
            {
                return None;
            }
            b.folded
                .windows(JOINED_RUN)
                .filter(|w| {
                    w.iter()
                        .filter(|x| !parallax_text::is_stopword(x) && !own.contains(x.as_str()))
                        .count()
                        >= 2
                })
                .find(|w| a.folded.windows(JOINED_RUN).any(|x| x == *w))
                .map(|w| w.join(" "))
        });
        segs[i].joined = hit;
    }
}

/// The key under which two speaker names count as the same person.
fn person_key(people: &SpeakerIndex, name: &str) -> String {
    canonical_key(people.canonical(name))
}

fn utterance(
    k: usize,
    group: &[usize],
    segs: &[Segment],
    articles: &[AnalyzedArticle],
    people: &SpeakerIndex,
) -> Utterance {
    // One rendering per (article, quote): consecutive solo segments of one quote are joined.
    let mut parts: Vec<(usize, usize, Vec<&Segment>)> = Vec::new();
    let mut sorted: Vec<&Segment> = group.iter().map(|&i| &segs[i]).collect();
    sorted.sort_by_key(|s| (s.article, s.quote, s.index));
    for s in sorted {
        match parts.last_mut() {
            Some((a, q, v)) if *a == s.article && *q == s.quote => v.push(s),
            _ => parts.push((s.article, s.quote, vec![s])),
        }
    }
    let texts: Vec<String> = parts
        .iter()
        .map(|(_, _, v)| {
            v.iter()
                .map(|s| s.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    // The majority speaker, by person.
    let mut counts: Vec<(String, usize, String)> = Vec::new();
    for (_, _, v) in &parts {
        if let Some(name) = v[0].speaker.as_deref() {
            let key = person_key(people, name);
            match counts.iter_mut().find(|c| c.0 == key) {
                Some(c) => {
                    c.1 += 1;
                    if name.len() > c.2.len() {
                        c.2 = name.to_string();
                    }
                }
                None => counts.push((key, 1, name.to_string())),
            }
        }
    }
    let majority = counts
        .iter()
        .max_by_key(|c| c.1)
        .filter(|c| counts.iter().filter(|d| d.1 == c.1).count() == 1 || counts.len() == 1)
        .cloned();
    // Reference: among renderings without inserted narration, the one most others agree with
    // (same words, or one inside the other), then the fullest. Agreement first, so that when one
    // outlet alters a quote and two others agree, the two are the reference, not the longest.
    let joined: Vec<Option<String>> = parts
        .iter()
        .map(|(_, _, v)| v.iter().find_map(|s| s.joined.clone()))
        .collect();
    let spliced: Vec<bool> = texts
        .iter()
        .zip(&joined)
        .map(|(t, j)| j.is_some() || !narration_clauses(t, None).is_empty())
        .collect();
    let folded: Vec<Vec<String>> = texts
        .iter()
        .map(|t| words(t).iter().map(|w| fold_word(w.text)).collect())
        .collect();
    let agree = |i: usize, j: usize| {
        let (a, b) = (&folded[i], &folded[j]);
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        !short.is_empty() && long.windows(short.len()).any(|w| w == short.as_slice())
    };
    let consensus = |i: usize| (0..parts.len()).filter(|&j| j != i && agree(i, j)).count();
    let body_len = |i: usize| {
        if parts[i].2[0].headline {
            0
        } else {
            folded[i].len()
        }
    };
    let key = |i: usize| (consensus(i), body_len(i), std::cmp::Reverse(i));
    let reference = (0..parts.len())
        .filter(|&i| !spliced[i] && !parts[i].2[0].headline)
        .max_by_key(|&i| key(i))
        .or_else(|| (0..parts.len()).max_by_key(|&i| key(i)))
        .unwrap_or(0);
    let mut renderings = Vec::with_capacity(parts.len());
    let quote_id = |a: usize, q: usize| articles[a].quotes[q].id.clone();
    let ref_part = &parts[reference];
    renderings.push(Rendering {
        article: articles[ref_part.0].article.id.clone(),
        quote: quote_id(ref_part.0, ref_part.1),
        speaker: ref_part.2[0].speaker.clone(),
        text: texts[reference].clone(),
        fidelity: parallax_model::Fidelity::Reference,
        similarity: None,
        diff: Vec::new(),
        flags: Vec::new(),
        inserted: Vec::new(),
    });
    for (i, (a, q, v)) in parts.iter().enumerate() {
        if i == reference {
            continue;
        }
        let speaker_differs = match (&majority, v[0].speaker.as_deref()) {
            (Some(m), Some(s)) => person_key(people, s) != m.0,
            _ => false,
        };
        let mut c = classify(&texts[reference], &texts[i], speaker_differs, v[0].headline);
        if let Some(run) = &joined[i] {
            if c.fidelity != parallax_model::Fidelity::Misattributed {
                c.fidelity = parallax_model::Fidelity::Spliced;
            }
            c.flags.push(parallax_model::Flag {
                kind: "joins-separate-remarks".into(),
                text: run.clone(),
            });
        }
        renderings.push(Rendering {
            article: articles[*a].article.id.clone(),
            quote: quote_id(*a, *q),
            speaker: v[0].speaker.clone(),
            text: texts[i].clone(),
            fidelity: c.fidelity,
            similarity: Some((c.similarity * 1000.0).round() / 1000.0),
            diff: c.diff,
            flags: c.flags.iter().map(|f| f.kind.clone()).collect(),
            inserted: c.flags,
        });
    }
    Utterance {
        id: format!("U{}", k + 1),
        // A tie between speakers names the reference's speaker, without calling anyone wrong.
        speaker: majority
            .map(|m| m.2)
            .or_else(|| renderings.first().and_then(|r| r.speaker.clone())),
        renderings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_split_at_sentences_and_ellipses() {
        let t = "This tragedy ... I want you to know it. We share it,";
        let got: Vec<&str> = split_segments(t)
            .into_iter()
            .map(|(s, e)| &t[s..e])
            .collect();
        assert_eq!(
            got,
            ["This tragedy ", "I want you to know it.", "We share it,"]
        );
    }

    #[test]
    fn ellipsis_before_lowercase_is_not_a_seam() {
        let t = "the attitude ... is linked with worry";
        assert_eq!(split_segments(t).len(), 1);
    }
}
