//! Figure conflicts across articles.
//!
//! Two steps:
//!
//! 1. **Group** figures from different articles that count the same thing. Two figures may
//!    join when their units are of one kind (a count of people never meets a percentage, a sum
//!    of money or a duration) and name the same thing (same unit stem; a figure without a unit
//!    may join a count), and when their context agrees: the words of their subjects beyond the
//!    unit overlap ("residents *evacuated*") or the sentences around them share enough content
//!    words. Candidate pairs are merged best first, and a group never takes two figures from
//!    the same article: a verdict is about outlets disagreeing, not about one article's
//!    figures for different moments.
//! 2. **Judge** each group. Every figure stands for an interval of values it allows, and the
//!    figures are compatible when all intervals share a point (for intervals, pairwise overlap
//!    is enough). Exact figures allow just under half a unit of their last written digit when
//!    a scale word or decimals show rounding ("1.2 million", "4.5 percent"); "about" allows
//!    ±10 % or the stated spread ("hundreds of thousands"); "nearly" and "almost" allow up to
//!    10 % below; "more than" is strict, which for counts means the next whole number ("more
//!    than a dozen" allows 13 and up).

use std::collections::{HashMap, HashSet};

use parallax_model::{AnalyzedArticle, Approx, Figure, FigureConflict, FigureValue, Verdict};
use parallax_text::{is_stopword, stem, words};

/// What kind of quantity a figure's unit makes it; only figures of one kind are compared.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A count of things, by the stem of the counted noun; `None` when no noun was found.
    Count(Option<String>),
    /// A percentage.
    Percent,
    /// A difference in percentage points.
    Points,
    /// Money, by currency code.
    Money(String),
    /// A span of time, by the stem of its unit.
    Duration(String),
}

/// Time units, by stem; figures in these are durations, never counts.
const DURATIONS: &[&str] = &[
    "centuri", "century", "day", "decad", "hour", "minut", "month", "second", "week", "year",
];

fn kind(unit: Option<&str>) -> Kind {
    let Some(unit) = unit else {
        return Kind::Count(None);
    };
    match unit {
        "percent" => return Kind::Percent,
        "percentage points" => return Kind::Points,
        _ => {}
    }
    if unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()) {
        return Kind::Money(unit.to_string());
    }
    let s = stem(unit);
    if DURATIONS.contains(&s.as_str()) {
        return Kind::Duration(s);
    }
    Kind::Count(Some(s))
}

/// A figure ready for grouping.
struct Entry<'a> {
    article: usize,
    figure: &'a Figure,
    kind: Kind,
    /// Content stems of the subject and the figure phrase beyond the unit and the number words
    /// ("evacuated" in "residents evacuated", "fire" in "17 fire engines").
    subject: HashSet<String>,
    /// The stem of what a rate is per ("country" in "members per country"), if it is one.
    per: Option<String>,
    /// Content stems of the sentence around the figure, numbers and the unit left out.
    context: HashSet<String>,
}

/// Words of a figure phrase that say how much, not what: qualifiers and number words.
const QUANTITY_WORDS: &[&str] = &[
    "about",
    "above",
    "almost",
    "approximately",
    "around",
    "below",
    "billion",
    "billions",
    "cent",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "estimated",
    "exceeding",
    "fewer",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "half",
    "hundred",
    "hundreds",
    "least",
    "less",
    "million",
    "millions",
    "more",
    "most",
    "nearly",
    "nine",
    "nineteen",
    "ninety",
    "one",
    "over",
    "per",
    "percent",
    "quarter",
    "quarters",
    "roughly",
    "seven",
    "seventeen",
    "seventy",
    "several",
    "six",
    "sixteen",
    "sixty",
    "some",
    "ten",
    "tens",
    "than",
    "third",
    "thirds",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "twelve",
    "twenty",
    "two",
    "under",
    "up",
    "upwards",
];

/// Content stems of `text` without numbers, quantity words and `skip`.
fn stems(text: &str, skip: Option<&str>) -> HashSet<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stopword(w.text) && !w.text.starts_with(|c: char| c.is_ascii_digit()))
        .filter(|w| !QUANTITY_WORDS.contains(&w.text.to_lowercase().as_str()))
        .map(|w| stem(w.text))
        .filter(|s| Some(s.as_str()) != skip)
        .collect()
}

/// The sentence holding byte `at`, or a window of text around it when sentences are missing.
fn context_of(article: &AnalyzedArticle, at: usize) -> &str {
    if let Some(i) = article.sentence_at(at) {
        return article.sentence_text(i);
    }
    let text = &article.article.text;
    let mut lo = at.saturating_sub(150).min(text.len());
    while lo > 0 && !text.is_char_boundary(lo) {
        lo -= 1;
    }
    let mut hi = (at + 150).min(text.len());
    while hi < text.len() && !text.is_char_boundary(hi) {
        hi += 1;
    }
    text.get(lo..hi).unwrap_or("")
}

fn entries(articles: &[AnalyzedArticle]) -> Vec<Entry<'_>> {
    let mut out = Vec::new();
    for (ai, article) in articles.iter().enumerate() {
        for figure in &article.figures {
            let kind = kind(figure.unit.as_deref());
            let unit_stem = figure.unit.as_deref().map(stem);
            let subject_text = figure.subject.as_deref().unwrap_or("");
            let per = subject_text.split_once(" per ").map(|(_, p)| stem(p));
            let mut subject = stems(subject_text, unit_stem.as_deref());
            subject.extend(stems(&figure.text, unit_stem.as_deref()));
            if let Some(p) = &per {
                subject.remove(p);
            }
            let context = stems(context_of(article, figure.start), unit_stem.as_deref());
            out.push(Entry {
                article: ai,
                figure,
                kind,
                subject,
                per,
                context,
            });
        }
    }
    out
}

/// Similarity of two stem sets: shared stems over the geometric mean of their sizes.
fn similarity(a: &HashSet<String>, b: &HashSet<String>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.intersection(b).count() as f64;
    shared / ((a.len() * b.len()) as f64).sqrt()
}

/// How strongly two figures look like counts of the same thing, or `None` when they are not.
fn same_thing(a: &Entry<'_>, b: &Entry<'_>) -> Option<f64> {
    if a.article == b.article || a.per != b.per {
        return None;
    }
    // A named unit on both sides is strong evidence; a missing one needs more context.
    let named = match (&a.kind, &b.kind) {
        (Kind::Count(Some(x)), Kind::Count(Some(y))) if x == y => true,
        (Kind::Count(Some(_)), Kind::Count(Some(_))) => return None,
        (Kind::Count(_), Kind::Count(_)) => false,
        (x, y) if x == y => true,
        _ => return None,
    };
    if !named && !matches!((&a.kind, &b.kind), (Kind::Count(_), Kind::Count(_))) {
        return None;
    }
    let subject = a.subject.intersection(&b.subject).count();
    let context = similarity(&a.context, &b.context);
    let (with_subject, alone) = if named { (0.1, 0.3) } else { (0.2, 0.5) };
    let same = (subject > 0 && context >= with_subject) || context >= alone;
    same.then(|| context + 0.25 * subject.min(2) as f64)
}

/// Groups figures that count the same thing across articles and gives each group a verdict:
/// conflicts first, then compatible groups, each in text order of its first figure.
pub fn figure_conflicts(articles: &[AnalyzedArticle]) -> Vec<FigureConflict> {
    let entries = entries(articles);
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (i, a) in entries.iter().enumerate() {
        for (j, b) in entries.iter().enumerate().skip(i + 1) {
            if let Some(score) = same_thing(a, b) {
                pairs.push((score, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));

    // Best pairs first; two groups merge only when no article is in both. Indices all come
    // from `0..entries.len()`, so the indexing below cannot miss.
    let mut group: Vec<usize> = (0..entries.len()).collect();
    let mut members: Vec<Vec<usize>> = (0..entries.len()).map(|i| vec![i]).collect();
    for &(_, i, j) in &pairs {
        let (gi, gj) = (group[i], group[j]);
        if gi == gj {
            continue;
        }
        let shares_article = members[gi].iter().any(|&m| {
            members[gj]
                .iter()
                .any(|&n| entries[m].article == entries[n].article)
        });
        if shares_article {
            continue;
        }
        let moved = std::mem::take(&mut members[gj]);
        for &m in &moved {
            group[m] = gi;
        }
        members[gi].extend(moved);
    }

    let mut out: Vec<(usize, FigureConflict)> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_unstable();
            let first = m.first().copied().unwrap_or(0);
            (first, judge(articles, &entries, &m))
        })
        .collect();
    out.sort_by_key(|(first, c)| (c.verdict != Verdict::Conflict, *first));
    out.into_iter().map(|(_, c)| c).collect()
}

/// Interval of values a figure allows.
fn interval(e: &Entry<'_>) -> (f64, f64) {
    let f = e.figure;
    let v = f.value;
    let tol = rounding(f, &e.kind);
    let text = f.text.to_lowercase();
    let counts = matches!(e.kind, Kind::Count(_));
    let step = if counts && v.fract() == 0.0 && tol == 0.0 {
        1.0
    } else {
        0.0
    };
    match f.approx {
        Approx::Exact => (v - tol, v + tol),
        Approx::About => match f.value_max {
            Some(max) => (v.min(max), v.max(max)),
            None if ["nearly", "almost", "close to", "just under"]
                .iter()
                .any(|q| text.starts_with(q)) =>
            {
                (v * 0.9 - tol, v + tol)
            }
            None => (v * 0.9 - tol, v * 1.1 + tol),
        },
        Approx::AtLeast => {
            let strict = [
                "more than",
                "over",
                "upwards of",
                "in excess of",
                "greater than",
                "above",
                "exceeding",
                "well over",
                "just over",
            ];
            let lo = if strict.iter().any(|q| text.starts_with(q)) {
                v + step
            } else {
                v
            };
            (lo - tol, f64::INFINITY)
        }
        Approx::AtMost => {
            let strict = ["fewer than", "less than", "under", "below", "just under"];
            let hi = if strict.iter().any(|q| text.starts_with(q)) {
                v - step
            } else {
                v
            };
            (f64::NEG_INFINITY, hi + tol)
        }
        Approx::Range => (v - tol, f.value_max.unwrap_or(v) + tol),
    }
}

/// Rounding a written figure shows: just under half a unit of its last digit when a scale
/// word or decimals are written ("1.2 million" ± 0.045 million), or for percentages; exact
/// counts in plain digits allow none.
fn rounding(f: &Figure, kind: &Kind) -> f64 {
    let Some(at) = f.text.find(|c: char| c.is_ascii_digit()) else {
        return 0.0;
    };
    let rest = f.text.get(at..).unwrap_or("");
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let numeral = rest.get(..end).unwrap_or("").trim_end_matches(['.', ',']);
    let decimals = numeral.split_once('.').map_or(0, |(_, d)| d.len());
    let written: f64 = numeral.replace(',', "").parse().unwrap_or(0.0);
    if written <= 0.0 {
        return 0.0;
    }
    let scale = f.value / written;
    let shows_rounding =
        scale > 1.5 || decimals > 0 || matches!(kind, Kind::Percent | Kind::Points);
    if !shows_rounding {
        return 0.0;
    }
    0.45 * 10f64.powi(-(decimals.min(12) as i32)) * scale.max(1.0)
}

fn judge(articles: &[AnalyzedArticle], entries: &[Entry<'_>], members: &[usize]) -> FigureConflict {
    let group: Vec<&Entry<'_>> = members.iter().filter_map(|&m| entries.get(m)).collect();
    let intervals: Vec<(f64, f64)> = group.iter().map(|e| interval(e)).collect();
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    let (mut lo_at, mut hi_at) = (0, 0);
    for (k, &(a, b)) in intervals.iter().enumerate() {
        if a > lo {
            lo = a;
            lo_at = k;
        }
        if b < hi {
            hi = b;
            hi_at = k;
        }
    }
    let compatible = lo <= hi + 1e-9 * hi.abs().max(1.0);
    let article_id = |e: &Entry<'_>| {
        articles
            .get(e.article)
            .map(|a| a.article.id.clone())
            .unwrap_or_default()
    };
    let reason = if compatible {
        let all_same = group
            .iter()
            .all(|e| e.figure.approx == Approx::Exact && e.figure.value == group[0].figure.value);
        if all_same {
            format!(
                "all {} reports give {}",
                group.len(),
                number(group[0].figure.value)
            )
        } else if hi.is_infinite() {
            format!("every figure allows {} or more", number(lo))
        } else if lo.is_infinite() {
            format!("every figure allows {} or less", number(hi))
        } else {
            format!(
                "every figure allows a value between {} and {}",
                number(lo),
                number(hi)
            )
        }
    } else {
        let (a, b) = (group[lo_at], group[hi_at]);
        format!(
            "“{}” ({}) and “{}” ({}) cannot both be true",
            a.figure.text,
            article_id(a),
            b.figure.text,
            article_id(b)
        )
    };
    FigureConflict {
        subject: subject(&group),
        verdict: if compatible {
            Verdict::Compatible
        } else {
            Verdict::Conflict
        },
        values: group
            .iter()
            .map(|e| FigureValue {
                article: article_id(e),
                figure: e.figure.id.clone(),
                value: e.figure.value,
                text: e.figure.text.clone(),
            })
            .collect(),
        reason: Some(reason),
    }
}

/// The most common subject in the group (the first on a tie), else the unit.
fn subject(group: &[&Entry<'_>]) -> String {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for (k, e) in group.iter().enumerate() {
        if let Some(s) = e.figure.subject.as_deref().or(e.figure.unit.as_deref()) {
            let entry = counts.entry(s).or_insert((0, k));
            entry.0 += 1;
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.cmp(&a.1 .1)))
        .map(|(s, _)| s.to_string())
        .unwrap_or_else(|| "figure".to_string())
}

/// A value for a reason line: whole numbers without decimals, others to two places.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}
