//! Figures: numbers with approximation, unit and subject.
//!
//! A figure phrase is read left to right around a number:
//!
//! ```text
//!  more than   $     4.5    bn       in military aid      →  at-least 4.5e9 USD, "aid"
//!  more than         300,000         reservists who were called up → at-least 3e5 "reservists called up"
//!  qualifier currency number  scale  unit / subject
//! ```
//!
//! Numbers are digits ("300,000", "2.5", "4bn", "10-20") or words ("twenty-one", "a dozen",
//! "hundreds of thousands", "two thirds of"). What is *not* a figure matters as much: years,
//! the numbers of dates ("9 November"), times ("5 p.m."), ordinals ("5th", "first"),
//! identifiers ("Flight 17", "COVID-19", "No. 5"), list numbering, phone numbers, and "one" as a
//! pronoun ("the one who", "one of the"). Fractions ("half of", "two thirds of") are read as
//! percentages, since that is what they are compared with.
//!
//! "More than N" keeps N as its value with `approx: at-least`; the comparison stage reads the
//! phrase to know the bound is strict.

use parallax_model::{Approx, Figure};

use crate::dates::DateExtractor;
use crate::figure_phrase::{
    is_plural, joined, noun_phrase, participle_before, per_phrase, subject_before, tokens,
    verb_phrase, Tok,
};
use crate::numbers::{
    cardinal_word, fraction_word, is_measure_suffix, is_year_like, month_number, parse_numeral,
    scale_suffix, scale_word, vague_plural,
};

/// Finds figures in text. Build once, reuse.
pub struct FigureExtractor {
    dates: DateExtractor,
}

impl Default for FigureExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// The number itself, before context is read.
#[derive(Debug, Default)]
struct Core {
    /// Last token of the number ("thousands" in "hundreds of thousands").
    last: usize,
    value: f64,
    value_max: Option<f64>,
    /// A vague plural ("dozens"): `value..value_max` is a spread, not a range.
    vague: bool,
    /// A fraction read as a percentage ("two thirds of").
    fraction: bool,
    /// Unit glued to the number ("15km", "nine-month").
    unit: Option<String>,
    /// A multiplier was written ("1.2 million", "4bn").
    scaled: bool,
    /// The multiplier, 1 when none was written.
    scale: f64,
    /// Written in words, not digits.
    words: bool,
    /// "one" on its own, which is usually a pronoun.
    weak: bool,
    /// Four plain digits that could be a year.
    year_like: bool,
}

/// Qualifiers before a number, longest first so "no more than" wins over "more than".
const QUALIFIERS: &[(&[&str], Approx)] = &[
    (&["no", "fewer", "than"], Approx::AtLeast),
    (&["no", "less", "than"], Approx::AtLeast),
    (&["no", "more", "than"], Approx::AtMost),
    (&["as", "many", "as"], Approx::AtMost),
    (&["as", "much", "as"], Approx::AtMost),
    (&["as", "few", "as"], Approx::AtLeast),
    (&["in", "excess", "of"], Approx::AtLeast),
    (&["a", "minimum", "of"], Approx::AtLeast),
    (&["a", "maximum", "of"], Approx::AtMost),
    (&["more", "than"], Approx::AtLeast),
    (&["greater", "than"], Approx::AtLeast),
    (&["upwards", "of"], Approx::AtLeast),
    (&["at", "least"], Approx::AtLeast),
    (&["well", "over"], Approx::AtLeast),
    (&["just", "over"], Approx::AtLeast),
    (&["fewer", "than"], Approx::AtMost),
    (&["less", "than"], Approx::AtMost),
    (&["at", "most"], Approx::AtMost),
    (&["up", "to"], Approx::AtMost),
    (&["just", "under"], Approx::AtMost),
    (&["close", "to"], Approx::About),
    (&["an", "estimated"], Approx::About),
    (&["over"], Approx::AtLeast),
    (&["above"], Approx::AtLeast),
    (&["exceeding"], Approx::AtLeast),
    (&["under"], Approx::AtMost),
    (&["below"], Approx::AtMost),
    (&["about"], Approx::About),
    (&["around"], Approx::About),
    (&["some"], Approx::About),
    (&["roughly"], Approx::About),
    (&["nearly"], Approx::About),
    (&["almost"], Approx::About),
    (&["approximately"], Approx::About),
    (&["approx"], Approx::About),
    (&["circa"], Approx::About),
    (&["estimated"], Approx::About),
    (&["between"], Approx::Range),
];

/// Ordinal words, which turn "twenty-first" into an ordinal, not a count of "first".
const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];

/// Words before a number that make it a name or an identifier ("Flight 17", "Article 5").
const IDENTIFIER_WORDS: &[&str] = &[
    "article",
    "chapter",
    "channel",
    "clause",
    "flight",
    "gate",
    "no",
    "number",
    "page",
    "paragraph",
    "platform",
    "resolution",
    "room",
    "route",
    "section",
    "version",
];

/// Words after which four digits are a year even before a plural noun ("in 2000 troops" is
/// rare; "in 2014 protests" is not).
const YEAR_PREPOSITIONS: &[&str] = &[
    "after", "before", "between", "by", "during", "from", "in", "of", "since", "the", "through",
    "to", "until",
];

/// Time-of-day words after a number.
const TIME_WORDS: &[&str] = &[
    "am", "bst", "cet", "cest", "edt", "est", "gmt", "hrs", "msk", "o'clock", "pdt", "pm", "pst",
    "utc",
];

/// Currency names after a number ("4 billion dollars").
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("roubles", "RUB"),
    ("rubles", "RUB"),
    ("hryvnias", "UAH"),
    ("hryvnia", "UAH"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("rupees", "INR"),
];

/// ISO codes written next to a number ("USD 4 million", "4 million EUR").
const CURRENCY_CODES: &[&str] = &[
    "AUD", "CAD", "CHF", "CNY", "EUR", "GBP", "INR", "JPY", "RUB", "UAH", "USD",
];

impl FigureExtractor {
    /// Builds the extractor.
    pub fn new() -> Self {
        FigureExtractor {
            dates: DateExtractor::new(),
        }
    }

    /// Figures in `text`, in text order, with ids `{id_prefix}:f{n}`.
    pub fn extract(&self, text: &str, id_prefix: &str) -> Vec<Figure> {
        let toks = tokens(text);
        let calendar = self.dates.calendar_spans(text);
        let mut out: Vec<Figure> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match figure_at(text, &toks, i, &calendar) {
                Some(Step::Found(mut figure, next)) => {
                    figure.id = format!("{id_prefix}:f{}", out.len() + 1);
                    out.push(figure);
                    i = next.max(i + 1);
                }
                Some(Step::Skip(next)) => i = next.max(i + 1),
                None => i += 1,
            }
        }
        out
    }
}

/// What reading at one token gave: a figure, or numbers to pass over (an identifier such as
/// "Piers 3 and 5"); each with the token to continue from.
enum Step {
    Found(Figure, usize),
    Skip(usize),
}

/// How a word before a number makes it a name.
#[derive(PartialEq)]
enum Identifier {
    /// "Flight 17", "No. 5".
    Word,
    /// A capitalised word inside a sentence ("Pier 4"); unless a plural noun follows ("invaded
    /// Ukraine 9 months ago").
    Name,
}

/// The figure whose number starts at token `i`, and the token to continue from.
fn figure_at(text: &str, toks: &[Tok<'_>], i: usize, calendar: &[(usize, usize)]) -> Option<Step> {
    let tok = toks.get(i)?;
    let (currency, mut start, before) = currency_before(text, toks, i);
    let money = currency.is_some();
    let mut core = number_core(text, toks, i, money)?;
    let number_end = toks.get(core.last)?.end;
    if overlaps(calendar, tok.start, number_end)
        || glued_to_symbol(text, tok.start, number_end)
        || is_list_number(text, tok.start, number_end)
        || is_phone(text, toks, i, core.last)
    {
        return None;
    }
    let identifier = if core.words {
        None
    } else {
        identifier_before(text, toks, before)
    };
    if identifier == Some(Identifier::Word) {
        return Some(Step::Skip(number_run_end(text, toks, i) + 1));
    }

    let mut approx = Approx::Exact;
    if let Some((q, first)) = before.and_then(|b| qualifier(text, toks, b, start)) {
        approx = q;
        start = toks.get(first)?.start;
    }
    let prev_word = before.and_then(|b| toks.get(b)).map(|t| t.low.as_str());
    let after_from = prev_word == Some("from");
    if let Some((lo, hi, last)) = range_end(
        text,
        toks,
        &core,
        approx == Approx::Range,
        after_from,
        money,
    ) {
        core.value = lo;
        core.value_max = Some(hi);
        core.last = last;
        approx = Approx::Range;
    } else if approx == Approx::Range {
        approx = Approx::Exact; // "between" without a second number
    } else if core.value_max.is_some() && !core.vague {
        approx = Approx::Range; // "10-20"
    }
    if is_time(text, toks, core.last) {
        return None;
    }
    if core.vague && approx == Approx::Exact {
        approx = Approx::About;
    } else if core.fraction && approx == Approx::Exact {
        approx = Approx::About;
    }
    // "the second half of", "a half of": not a share of anything counted.
    if core.fraction
        && matches!(
            prev_word,
            Some("first" | "second" | "latter" | "other" | "the" | "a")
        )
    {
        return None;
    }
    if core.weak
        && approx == Approx::Exact
        && !matches!(prev_word, Some("only" | "just" | "exactly"))
    {
        return None;
    }

    // What follows the number: a percent sign or word, a currency word, then the counted noun.
    let mut end = toks.get(core.last)?.end;
    let mut next = core.last + 1;
    let mut unit: Option<String> = currency.map(str::to_string);
    let mut percent = core.fraction;
    if let Some(rest) = text.get(end..) {
        let trimmed = rest.trim_start_matches(' ');
        if trimmed.starts_with('%') {
            percent = true;
            end += rest.len() - trimmed.len() + 1;
        }
    }
    if !percent && unit.is_none() {
        if let Some((n, code)) = unit_word_after(text, toks, core.last) {
            next += n;
            end = toks.get(core.last + n)?.end;
            if code == "percent" || code == "percentage points" {
                percent = code == "percent";
                unit = Some(code.to_string());
            } else {
                unit = Some(code.to_string());
            }
        }
    }
    if percent {
        unit = Some("percent".to_string());
    }
    let money = unit.as_deref().is_some_and(|u| CURRENCY_CODES.contains(&u));

    // The counted noun. For percentages and money it names the subject, not the unit.
    let follows = |at: usize| {
        toks.get(at).is_some_and(|t| {
            text.get(end..t.start)
                .is_some_and(|g| g.chars().all(|c| c == ' '))
        })
    };
    let mut np_at = next;
    if (money || percent)
        && toks
            .get(next)
            .is_some_and(|t| matches!(t.low.as_str(), "in" | "for" | "worth"))
    {
        np_at += 1;
    }
    let np = if follows(next) && (np_at == next || joined(text, toks, next)) {
        noun_phrase(
            text,
            toks,
            np_at,
            core.unit.is_none() && !(money && np_at > next),
        )
    } else {
        None
    };
    if core.year_like && !money && !percent {
        let plural = np
            .as_ref()
            .and_then(|p| toks.get(p.head))
            .is_some_and(|h| is_plural(&h.low));
        if !plural || prev_word.is_some_and(|w| YEAR_PREPOSITIONS.contains(&w)) {
            return None;
        }
    }
    let head = np.as_ref().and_then(|p| toks.get(p.head));
    if identifier == Some(Identifier::Name) && !head.is_some_and(|h| is_plural(&h.low)) {
        return Some(Step::Skip(number_run_end(text, toks, i) + 1));
    }
    let after = np
        .as_ref()
        .map(|p| p.head)
        .unwrap_or(next.saturating_sub(1));
    let vp = verb_phrase(text, toks, after).filter(|_| head.is_some() || after == core.last);
    let verb = vp
        .as_ref()
        .map(|v| v.words.clone())
        .or_else(|| participle_before(text, toks, start));

    let counted = head.map(|h| h.text.to_string());
    let mut subject;
    if percent || money {
        subject = match &counted {
            Some(c) => Some(join(c, verb.as_deref())),
            None => subject_before(text, toks, start).or_else(|| unit.clone()),
        };
    } else if let Some(u) = &core.unit {
        unit = Some(u.clone());
        subject = Some(join(u, counted.as_deref()));
    } else if let Some(c) = counted {
        subject = Some(join(&c, verb.as_deref()));
        unit = Some(c);
    } else {
        subject = subject_before(text, toks, start).or(verb);
        if core.words && subject.is_none() {
            // A lone number word ("the two met") says too little to be worth reporting.
            return None;
        }
    }
    let mut last = core.last.max(next.saturating_sub(1));
    if let (Some(h), Some(p)) = (head, &np) {
        end = end.max(h.end);
        last = last.max(p.head);
    }
    // The span ends with the counted noun: the verb after it goes into the subject only, since
    // without a parser a reduced relative ("soldiers killed") and a main verb ("boats left the
    // harbour") look alike.
    // "four members from each country", "40 cubic metres per second": a rate, which must not
    // be compared with a total ("eight members").
    if let Some((per, per_last)) = per_phrase(text, toks, last) {
        subject = Some(
            format!(
                "{} per {per}",
                subject.as_deref().or(unit.as_deref()).unwrap_or("")
            )
            .trim_start()
            .to_string(),
        );
        end = end.max(toks.get(per_last)?.end);
        last = per_last;
    }
    let figure = Figure {
        id: String::new(),
        start,
        end,
        text: text.get(start..end).unwrap_or("").to_string(),
        value: core.value,
        value_max: core.value_max,
        approx,
        unit,
        subject,
    };
    Some(Step::Found(figure, last + 1))
}

fn join(a: &str, b: Option<&str>) -> String {
    match b {
        Some(b) => format!("{a} {b}"),
        None => a.to_string(),
    }
}

/// A currency symbol or code right before token `i`: the currency, the byte where the figure
/// phrase starts, and the index of the token before the phrase.
fn currency_before(
    text: &str,
    toks: &[Tok<'_>],
    i: usize,
) -> (Option<&'static str>, usize, Option<usize>) {
    let Some(tok) = toks.get(i) else {
        return (None, 0, None);
    };
    let prev = i.checked_sub(1);
    let head = text.get(..tok.start).unwrap_or("");
    let symbol = head.chars().next_back().and_then(|c| {
        let code = match c {
            '$' => "USD",
            '€' => "EUR",
            '£' => "GBP",
            '¥' => "JPY",
            '₽' => "RUB",
            '₴' => "UAH",
            '₹' => "INR",
            _ => return None,
        };
        Some((code, tok.start - c.len_utf8()))
    });
    if let Some((code, at)) = symbol {
        // "US$", "A$", "C$" glue a country to the dollar sign.
        if let Some(p) = prev.and_then(|p| toks.get(p)).filter(|p| p.end == at) {
            let code = match p.text {
                "US" => "USD",
                "A" | "AU" => "AUD",
                "C" | "CA" => "CAD",
                _ => code,
            };
            return (Some(code), p.start, prev.and_then(|p| p.checked_sub(1)));
        }
        return (Some(code), at, prev);
    }
    if let Some(p) = prev
        .filter(|&p| joined(text, toks, p))
        .and_then(|p| toks.get(p))
    {
        if let Some(code) = CURRENCY_CODES.iter().find(|c| **c == p.text) {
            return (Some(code), p.start, prev.and_then(|p| p.checked_sub(1)));
        }
    }
    (None, tok.start, prev)
}

/// A qualifier ending at token `b`, right before byte `start`: its approximation and first token.
fn qualifier(text: &str, toks: &[Tok<'_>], b: usize, start: usize) -> Option<(Approx, usize)> {
    let last = toks.get(b)?;
    if !text
        .get(last.end..start)?
        .chars()
        .all(|c| c == ' ' || c == '\u{a0}')
    {
        return None;
    }
    QUALIFIERS.iter().find_map(|(words, approx)| {
        let first = (b + 1).checked_sub(words.len())?;
        let all = words.iter().enumerate().all(|(n, w)| {
            let k = first + n;
            toks.get(k).is_some_and(|t| t.low == *w) && (k == b || joined(text, toks, k))
        });
        all.then_some((*approx, first))
    })
}

/// The number at token `i`, in digits or in words.
fn number_core(text: &str, toks: &[Tok<'_>], i: usize, money: bool) -> Option<Core> {
    let tok = toks.get(i)?;
    if tok.low.starts_with(|c: char| c.is_ascii_digit()) {
        digit_core(text, toks, i, money)
    } else {
        word_core(text, toks, i)
    }
}

fn digit_core(text: &str, toks: &[Tok<'_>], i: usize, money: bool) -> Option<Core> {
    let low = toks.get(i)?.low.as_str();
    let split = low
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(low.len());
    let (num, rest) = (low.get(..split)?, low.get(split..)?);
    let (value, _) = parse_numeral(num)?;
    let mut core = Core {
        last: i,
        value,
        scale: 1.0,
        ..Core::default()
    };
    if let Some(after) = rest.strip_prefix('-') {
        if let Some((hi, _)) = parse_numeral(after) {
            // "10-20" is a range; "2022-23", "1-0" and "555-0134" are not.
            if after.starts_with('0') || hi <= value || is_year_like(num) {
                return None;
            }
            core.value_max = Some(hi);
        } else if !after.is_empty() && after.chars().all(|c| c.is_alphabetic() || c == '-') {
            core.unit = Some(after.to_string());
        } else {
            return None;
        }
    } else if !rest.is_empty() {
        if let Some(scale) = scale_suffix(rest, money) {
            core.value *= scale;
            core.scaled = true;
            core.scale = scale;
        } else if is_measure_suffix(rest) {
            core.unit = Some(rest.to_string());
        } else {
            return None; // ordinals ("5th"), decades ("1990s"), codes ("3D")
        }
    }
    if !core.scaled && core.value_max.is_none() {
        if let Some(scale) = toks
            .get(i + 1)
            .filter(|_| joined(text, toks, i))
            .and_then(|t| scale_word(&t.low))
        {
            core.value *= scale;
            core.scaled = true;
            core.scale = scale;
            core.last = i + 1;
        }
    }
    core.year_like = rest.is_empty() && !core.scaled && is_year_like(num);
    Some(core)
}

/// Folded word at token `k` when it follows token `k - 1` in the same phrase.
fn word<'a>(text: &str, toks: &'a [Tok<'_>], k: usize) -> Option<&'a str> {
    let prev = k.checked_sub(1)?;
    joined(text, toks, prev).then(|| toks.get(k).map(|t| t.low.as_str()))?
}

fn word_core(text: &str, toks: &[Tok<'_>], i: usize) -> Option<Core> {
    let low = toks.get(i)?.low.as_str();
    let base = Core {
        last: i,
        words: true,
        scale: 1.0,
        ..Core::default()
    };
    let next = word(text, toks, i + 1);
    let after_next = word(text, toks, i + 2);
    match low {
        "a" | "an" => match next? {
            "dozen" => Some(Core {
                last: i + 1,
                value: 12.0,
                ..base
            }),
            // Spans of years are compared in years: "more than a decade" and "11-year".
            "decade" => Some(Core {
                last: i + 1,
                value: 10.0,
                unit: Some("years".into()),
                ..base
            }),
            "century" => Some(Core {
                last: i + 1,
                value: 100.0,
                unit: Some("years".into()),
                ..base
            }),
            "few" | "couple" => None,
            n => {
                if let Some(scale) = scale_word(n).filter(|s| *s >= 100.0 && n.len() > 3) {
                    let mut core = Core {
                        last: i + 1,
                        value: scale,
                        scaled: true,
                        scale,
                        ..base
                    };
                    if let Some(s2) = after_next.and_then(scale_word).filter(|s2| *s2 > scale) {
                        core.value *= s2;
                        core.scale *= s2;
                        core.last = i + 2;
                    }
                    Some(core)
                } else {
                    let den = fraction_word(n).filter(|_| after_next == Some("of"))?;
                    Some(Core {
                        last: i + 1,
                        value: 100.0 / den,
                        fraction: true,
                        ..base
                    })
                }
            }
        },
        "half" => match (next, after_next) {
            (Some("a" | "an"), Some(n)) => {
                let v = if n == "dozen" {
                    12.0
                } else {
                    scale_word(n).filter(|s| *s >= 1e3)?
                };
                Some(Core {
                    last: i + 2,
                    value: v / 2.0,
                    scaled: true,
                    scale: v,
                    ..base
                })
            }
            (Some("of" | "the"), _) => Some(Core {
                value: 50.0,
                fraction: true,
                ..base
            }),
            _ => None,
        },
        "several" | "few" => {
            let scale = next.and_then(|n| {
                if n == "dozen" {
                    Some(12.0)
                } else {
                    scale_word(n)
                }
            })?;
            let (lo, hi) = if low == "several" {
                (3.0, 9.0)
            } else {
                (2.0, 5.0)
            };
            Some(Core {
                last: i + 1,
                value: lo * scale,
                value_max: Some(hi * scale),
                vague: true,
                ..base
            })
        }
        _ => {
            let spread = if low == "tens" {
                Some((20.0, 99.0))
            } else {
                vague_plural(low)
            };
            if let Some((lo, hi)) = spread {
                // "hundreds of thousands": the spread of the first word, in units of the second.
                let unit = after_next.and_then(|w| match w {
                    "thousands" => Some(1e3),
                    "millions" => Some(1e6),
                    "billions" => Some(1e9),
                    _ => None,
                });
                return match (next, unit) {
                    (Some("of"), Some(u)) => Some(Core {
                        last: i + 2,
                        value: lo * u,
                        value_max: Some((hi + 1.0) * u - 1.0),
                        vague: true,
                        ..base
                    }),
                    _ if low == "tens" => None,
                    _ => Some(Core {
                        value: lo,
                        value_max: Some(hi),
                        vague: true,
                        ..base
                    }),
                };
            }
            cardinal_core(text, toks, i, base)
        }
    }
}

/// Cardinal words: "seventeen", "three hundred and five", "one million", "two thirds of",
/// "two dozen", and hyphenated compounds such as "nine-month".
fn cardinal_core(text: &str, toks: &[Tok<'_>], i: usize, base: Core) -> Option<Core> {
    let first = toks.get(i)?.low.as_str();
    if cardinal_word(first).is_none() {
        // "nine-month", "twenty-one-year-old": a cardinal, a hyphen, a word.
        // The longest cardinal prefix wins, so "twenty-one-year-old" is 21, not 20.
        for (at, _) in first.rmatch_indices('-') {
            let (Some(head), Some(unit)) = (first.get(..at), first.get(at + 1..)) else {
                continue;
            };
            let Some(value) = cardinal_word(head) else {
                continue;
            };
            if !unit.is_empty()
                && unit.chars().all(|c| c.is_alphabetic() || c == '-')
                && cardinal_word(unit).is_none()
                && !ORDINAL_WORDS.iter().any(|o| unit.starts_with(o))
            {
                return Some(Core {
                    value: value as f64,
                    unit: Some(unit.to_string()),
                    ..base
                });
            }
        }
        return None;
    }
    let (mut total, mut current) = (0.0f64, 0.0f64);
    let mut prev_small: Option<u64> = None;
    let mut last = i;
    let mut k = i;
    let mut scaled = false;
    let mut scale = 1.0f64;
    loop {
        let w = if k == i {
            Some(first)
        } else {
            word(text, toks, k)
        };
        let Some(w) = w else { break };
        if let Some(v) = cardinal_word(w) {
            // "twenty five" joins; "two three" does not.
            if let Some(p) = prev_small {
                if !(p >= 20 && p % 10 == 0 && v < 10) {
                    break;
                }
            }
            current += v as f64;
            prev_small = Some(v);
        } else if k > i && (w == "hundred" || w == "dozen") && prev_small.is_some() {
            let m = if w == "hundred" { 100.0 } else { 12.0 };
            current *= m;
            scale = scale.max(m);
            prev_small = None;
            scaled = true;
        } else if let Some(s) = scale_word(w).filter(|s| *s >= 1e3 && k > i && w.len() > 3) {
            total += current.max(1.0) * s;
            scale = scale.max(s);
            current = 0.0;
            prev_small = None;
            scaled = true;
        } else if w == "and" && scaled && word(text, toks, k + 1).and_then(cardinal_word).is_some()
        {
            k += 1;
            continue;
        } else {
            break;
        }
        last = k;
        k += 1;
    }
    let value = total + current;
    let mut core = Core {
        last,
        value,
        scaled,
        scale,
        ..base
    };
    // "two thirds of", "three quarters of": a share, read as a percentage.
    if let (Some(n), Some("of")) = (word(text, toks, last + 1), word(text, toks, last + 2)) {
        if let Some(den) = fraction_word(n).filter(|_| !scaled && value >= 1.0 && value < 10.0) {
            return Some(Core {
                last: last + 1,
                value: 100.0 * value / den,
                fraction: true,
                ..core
            });
        }
    }
    if last == i && first == "one" {
        if matches!(
            word(text, toks, i + 1),
            Some("of" | "another" | "who" | "that" | "which")
        ) {
            return None;
        }
        core.weak = true;
    }
    Some(core)
}

/// The upper end of a range after the number: "10 to 20", "between 10 and 20", "two or three",
/// "10–20". Returns the lower value (scaled like the upper one), the upper value and the last
/// token.
fn range_end(
    text: &str,
    toks: &[Tok<'_>],
    core: &Core,
    between: bool,
    after_from: bool,
    money: bool,
) -> Option<(f64, f64, usize)> {
    if core.vague || core.fraction || core.value_max.is_some() || core.unit.is_some() {
        return None;
    }
    let k = core.last + 1;
    let gap = crate::figure_phrase::gap_after(text, toks, core.last);
    let dash = matches!(gap.trim(), "-" | "–" | "—") && !gap.contains('\n');
    let second_at = if dash && !core.words {
        k
    } else if joined(text, toks, core.last) {
        match toks.get(k)?.low.as_str() {
            "and" if between => k + 1,
            "to" if !after_from => k + 1,
            "or" => k + 1,
            _ => return None,
        }
    } else {
        return None;
    };
    if second_at > k {
        let g = crate::figure_phrase::gap_after(text, toks, k);
        if !g.trim().trim_start_matches(['$', '€', '£']).is_empty() || g.contains('\n') {
            return None;
        }
    }
    let second = number_core(text, toks, second_at, money)?;
    if second.vague
        || second.fraction
        || second.words != core.words
        || second.year_like != core.year_like
    {
        return None;
    }
    let mut low = core.value;
    if !core.scaled && second.scaled && core.value * second.scale < second.value {
        // "between 2 and 3 million": the scale applies to both ends.
        low = core.value * second.scale;
    }
    (second.value > low).then_some((low, second.value, second.last))
}

/// A unit word after the number: "percent", "per cent", "percentage points", a currency name
/// or code. Returns how many tokens it takes and the unit.
fn unit_word_after(text: &str, toks: &[Tok<'_>], last: usize) -> Option<(usize, &'static str)> {
    let w1 = word(text, toks, last + 1)?;
    let w2 = word(text, toks, last + 2);
    match (w1, w2) {
        ("percent" | "pct", _) => Some((1, "percent")),
        ("per", Some("cent")) => Some((2, "percent")),
        ("percentage", Some("points" | "point")) => Some((2, "percentage points")),
        _ => {
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == w1) {
                return Some((1, code));
            }
            let raw = toks.get(last + 1)?.text;
            CURRENCY_CODES.iter().find(|c| **c == raw).map(|c| (1, *c))
        }
    }
}

/// True when `[start, end)` overlaps any of the sorted, disjoint `spans`.
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let i = spans.partition_point(|s| s.1 <= start);
    spans.get(i).is_some_and(|s| s.0 < end)
}

/// Numbers glued to "/", ":" or "#" are dates, times, scores, ratios or identifiers.
fn glued_to_symbol(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).and_then(|s| s.chars().next_back());
    let mut after = text.get(end..).map(str::chars).into_iter().flatten();
    let a0 = after.next();
    let a1 = after.next();
    matches!(before, Some('/' | '#' | ':' | '+' | '_' | '@'))
        || matches!(a0, Some('/'))
        || (matches!(a0, Some(':' | '.')) && a1.is_some_and(|c| c.is_ascii_digit()))
}

/// "1. First item" or "2) Second item" at the start of a line.
fn is_list_number(text: &str, start: usize, end: usize) -> bool {
    let line_start = text
        .get(..start)
        .map(|s| s.rfind('\n').map_or(0, |p| p + 1))
        .unwrap_or(0);
    let lead_blank = text
        .get(line_start..start)
        .is_some_and(|s| s.trim().is_empty());
    let mark = text.get(end..).and_then(|s| s.chars().next());
    lead_blank && matches!(mark, Some('.' | ')'))
}

/// The last token of a run of numbers joined by "and", "or" or commas ("Piers 3, 4 and 5").
fn number_run_end(text: &str, toks: &[Tok<'_>], i: usize) -> usize {
    let digits = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.low.starts_with(|c: char| c.is_ascii_digit()))
    };
    let mut last = i;
    loop {
        let gap = crate::figure_phrase::gap_after(text, toks, last);
        if gap.trim() == "," && digits(last + 1) {
            last += 1;
        } else if joined(text, toks, last)
            && toks
                .get(last + 1)
                .is_some_and(|t| t.low == "and" || t.low == "or")
            && joined(text, toks, last + 1)
            && digits(last + 2)
        {
            last += 2;
        } else {
            return last;
        }
    }
}

/// Identifier words ("Flight 17", "No. 5") and mid-sentence capitalised names ("Pier 4").
fn identifier_before(text: &str, toks: &[Tok<'_>], before: Option<usize>) -> Option<Identifier> {
    let b = before?;
    let t = toks.get(b)?;
    let next = toks.get(b + 1)?;
    let gap = text.get(t.end..next.start).unwrap_or("");
    if gap.contains('\n') || gap.trim().len() > 1 {
        return None;
    }
    if IDENTIFIER_WORDS.contains(&t.low.as_str())
        && (t.text.starts_with(char::is_uppercase) || gap.trim() == ".")
    {
        return Some(Identifier::Word);
    }
    // A capitalised word names a thing the number belongs to.
    let capital = t.text.starts_with(char::is_uppercase) && t.text.chars().any(char::is_lowercase);
    let opens_sentence = b == 0
        || text
            .get(..t.start)
            .and_then(|s| s.trim_end().chars().next_back())
            .map_or(true, |c| {
                matches!(c, '.' | '!' | '?' | '"' | '“' | '”' | ':' | '\n')
            });
    let calendar_word = month_number(t.text).is_some() || t.text.parse::<chrono::Weekday>().is_ok();
    // At the start of a sentence only a content word can be a name: "Pier 4 will reopen", but
    // "Only 12 boats", "All 300 passengers".
    let function_word = parallax_text::is_stopword(&t.low)
        || matches!(
            t.low.as_str(),
            "all"
                | "another"
                | "both"
                | "each"
                | "every"
                | "exactly"
                | "just"
                | "only"
                | "these"
                | "those"
        );
    let name = capital
        && !(opens_sentence && function_word)
        && !calendar_word
        && !t.low.ends_with("'s")
        && gap.trim().is_empty()
        && !QUALIFIERS.iter().any(|(w, _)| w.contains(&t.low.as_str()));
    name.then_some(Identifier::Name)
}

/// Three or more groups of digits joined by spaces, dashes, dots or brackets: a phone number.
fn is_phone(text: &str, toks: &[Tok<'_>], first: usize, last: usize) -> bool {
    let groups = |t: &Tok<'_>| {
        t.low
            .split('-')
            .filter(|g| g.bytes().all(|b| b.is_ascii_digit()) && !g.is_empty())
            .count()
    };
    let is_digits = |t: &Tok<'_>| t.low.bytes().all(|b| b.is_ascii_digit() || b == b'-');
    let phone_gap = |k: usize| {
        let g = crate::figure_phrase::gap_after(text, toks, k);
        !g.is_empty() && g.len() <= 3 && g.chars().all(|c| matches!(c, ' ' | '-' | '(' | ')' | '.'))
    };
    let mut count: usize = toks
        .get(first..=last)
        .map_or(0, |s| s.iter().map(groups).sum());
    let mut k = first;
    while k > 0 && phone_gap(k - 1) && toks.get(k - 1).is_some_and(is_digits) {
        k -= 1;
        count += toks.get(k).map_or(0, groups);
    }
    let mut k = last;
    while phone_gap(k) && toks.get(k + 1).is_some_and(is_digits) {
        k += 1;
        count += toks.get(k).map_or(0, groups);
    }
    count >= 3
}

/// "5 p.m.", "17:30", "9am", "10 GMT".
fn is_time(text: &str, toks: &[Tok<'_>], last: usize) -> bool {
    let Some(next) = word(text, toks, last + 1) else {
        return false;
    };
    if TIME_WORDS.contains(&next) {
        return true;
    }
    // "a.m." splits into "a" "m".
    matches!(next, "a" | "p")
        && toks.get(last + 1).is_some_and(|t| {
            text.get(t.end..)
                .is_some_and(|r| r.starts_with(".m") || r.starts_with(". m"))
        })
}
