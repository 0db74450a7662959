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
use crate::figure_filters::{
    glued_to_symbol, identifier_before, is_list_number, is_phone, is_time, number_run_end,
    overlaps, Identifier,
};
use crate::figure_number::{number_core, range_end, word};
use crate::figure_phrase::{
    is_plural, joined, noun_phrase, participle_before, per_phrase, subject_before, tokens,
    verb_phrase, Tok,
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

/// Qualifiers before a number, longest first so "no more than" wins over "more than".
pub(crate) const QUALIFIERS: &[(&[&str], Approx)] = &[
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

/// Words after which four digits are a year even before a plural noun ("in 2000 troops" is
/// rare; "in 2014 protests" is not).
const YEAR_PREPOSITIONS: &[&str] = &[
    "after", "before", "between", "by", "during", "from", "in", "of", "since", "the", "through",
    "to", "until",
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
    // Vague plurals and fractions in words are approximate by nature.
    if (core.vague || core.fraction) && approx == Approx::Exact {
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
    let verb = verb_phrase(text, toks, after)
        .filter(|_| head.is_some() || after == core.last)
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
