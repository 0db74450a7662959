//! The number at the heart of a figure, in digits ("300,000", "4bn", "10-20") or in words
//! ("twenty-one", "a dozen", "hundreds of thousands", "two thirds of"), before its context
//! (qualifier, unit, subject) is read.

use crate::figure_phrase::{gap_after, joined, Tok};
use crate::numbers::{
    cardinal_word, fraction_word, is_measure_suffix, is_year_like, parse_numeral, scale_suffix,
    scale_word, vague_plural,
};

/// The number itself, before context is read.
#[derive(Debug, Default)]
pub(crate) struct Core {
    /// Last token of the number ("thousands" in "hundreds of thousands").
    pub(crate) last: usize,
    pub(crate) value: f64,
    pub(crate) value_max: Option<f64>,
    /// A vague plural ("dozens"): `value..value_max` is a spread, not a range.
    pub(crate) vague: bool,
    /// A fraction read as a percentage ("two thirds of").
    pub(crate) fraction: bool,
    /// Unit glued to the number ("15km", "nine-month").
    pub(crate) unit: Option<String>,
    /// A multiplier was written ("1.2 million", "4bn").
    pub(crate) scaled: bool,
    /// The multiplier, 1 when none was written.
    pub(crate) scale: f64,
    /// Written in words, not digits.
    pub(crate) words: bool,
    /// "one" on its own, which is usually a pronoun.
    pub(crate) weak: bool,
    /// Four plain digits that could be a year.
    pub(crate) year_like: bool,
}

/// Ordinal words, which turn "twenty-first" into an ordinal, not a count of "first".
pub(crate) const ORDINAL_WORDS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];

/// The number at token `i`, in digits or in words.
pub(crate) fn number_core(text: &str, toks: &[Tok<'_>], i: usize, money: bool) -> Option<Core> {
    let tok = toks.get(i)?;
    if tok.low.starts_with(|c: char| c.is_ascii_digit()) {
        digit_core(text, toks, i, money)
    } else {
        word_core(text, toks, i)
    }
}

pub(crate) fn digit_core(text: &str, toks: &[Tok<'_>], i: usize, money: bool) -> Option<Core> {
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
pub(crate) fn word<'a>(text: &str, toks: &'a [Tok<'_>], k: usize) -> Option<&'a str> {
    let prev = k.checked_sub(1)?;
    joined(text, toks, prev).then(|| toks.get(k).map(|t| t.low.as_str()))?
}

pub(crate) fn word_core(text: &str, toks: &[Tok<'_>], i: usize) -> Option<Core> {
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
pub(crate) fn cardinal_core(text: &str, toks: &[Tok<'_>], i: usize, base: Core) -> Option<Core> {
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
        if let Some(den) = fraction_word(n).filter(|_| !scaled && (1.0..10.0).contains(&value)) {
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
pub(crate) fn range_end(
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
    let gap = gap_after(text, toks, core.last);
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
        let g = gap_after(text, toks, k);
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
