//! Number words and numerals: the lexicon the figure and date extractors share.
//!
//! Everything here works on single words that [`parallax_text::words`] produced, lower-cased
//! with [`parallax_text::fold_word`]. Nothing here looks at context; the extractors decide
//! whether a number in its sentence is a figure, a year or part of a date.

/// True for a word that states a quantity: a cardinal ("seven", "twenty-one"), a scale
/// ("million"), a vague plural ("hundreds"), "dozen" or a fraction ("half"). `w` is folded.
pub fn is_number_word(w: &str) -> bool {
    cardinal_word(w).is_some()
        || scale_word(w).is_some()
        || vague_plural(w).is_some()
        || fraction_word(w).is_some()
        || w == "dozen"
}

/// Value of a cardinal number word below one hundred ("seven", "forty", "twenty-one").
pub(crate) fn cardinal_word(w: &str) -> Option<u64> {
    if let Some(v) = unit_word(w) {
        return Some(v);
    }
    if let Some(v) = tens_word(w) {
        return Some(v);
    }
    // "twenty-one": a tens word, a hyphen, a units word from one to nine.
    let (tens, units) = w.split_once('-')?;
    let t = tens_word(tens)?;
    let u = unit_word(units)?;
    (1..=9).contains(&u).then_some(t + u)
}

fn unit_word(w: &str) -> Option<u64> {
    const UNITS: &[&str] = &[
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    UNITS.iter().position(|u| *u == w).map(|p| p as u64)
}

fn tens_word(w: &str) -> Option<u64> {
    const TENS: &[&str] = &[
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    TENS.iter()
        .position(|t| *t == w)
        .map(|p| 20 + 10 * p as u64)
}

/// Multiplier of a scale word ("hundred", "million", "bn"). `m` and `k` are not here: they are
/// scales only next to a currency, which the caller knows and we do not.
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "hundred" => 1e2,
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scale written as a suffix glued to digits: "4bn", "$2.5m", "10k". `money` says whether a
/// currency is attached, which makes the ambiguous "m" (metres or million) and "k" scales.
pub(crate) fn scale_suffix(suffix: &str, money: bool) -> Option<f64> {
    match suffix {
        "m" | "k" if !money => None,
        "m" => Some(1e6),
        "k" => Some(1e3),
        s => scale_word(s),
    }
}

/// Measure suffixes glued to digits ("15km", "20kg"), kept as the unit.
pub(crate) fn is_measure_suffix(suffix: &str) -> bool {
    const MEASURES: &[&str] = &[
        "cm", "ft", "g", "gw", "ha", "kg", "km", "kmh", "kph", "kw", "kwh", "lb", "lbs", "mi",
        "mm", "mph", "mw", "mwh", "t",
    ];
    MEASURES.contains(&suffix)
}

/// Vague plural quantities ("dozens", "hundreds") as a plausible spread `[low, high]`.
///
/// "Hundreds" means at least two hundred and fewer than a thousand, or the writer would have
/// said "thousands"; the spread is what a careful reader may take the word to mean.
pub(crate) fn vague_plural(w: &str) -> Option<(f64, f64)> {
    Some(match w {
        "dozens" => (24.0, 144.0),
        "scores" => (40.0, 200.0),
        "hundreds" => (200.0, 999.0),
        "thousands" => (2e3, 9_999.0),
        "millions" => (2e6, 9_999_999.0),
        "billions" => (2e9, 9_999_999_999.0),
        _ => return None,
    })
}

/// Denominator of a fraction word ("half" 2, "thirds" 3, "quarter" 4).
pub(crate) fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// A numeral written with digits: "17", "300,000", "2.5", "1,234.5". Returns the value and the
/// number of decimals. Rejects version-like strings ("1.2.3") and misplaced separators.
pub(crate) fn parse_numeral(s: &str) -> Option<(f64, usize)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return None;
    }
    if int.contains(',') {
        // Thousands groups: 1 to 3 digits, then groups of exactly three.
        let mut groups = int.split(',');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || !groups.all(|g| g.len() == 3) {
            return None;
        }
    }
    let decimals = match frac {
        Some(f) if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) => return None,
        Some(f) => f.len(),
        None => 0,
    };
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    let v: f64 = plain.parse().ok()?;
    v.is_finite().then_some((v, decimals))
}

/// Month number of a month name or its abbreviation ("November", "nov", "Sept").
pub(crate) fn month_number(w: &str) -> Option<u32> {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let w = w.to_ascii_lowercase();
    if let Some(p) = MONTHS.iter().position(|m| *m == w) {
        return Some(p as u32 + 1);
    }
    let p = match w.as_str() {
        "jan" => 0,
        "feb" => 1,
        "mar" => 2,
        "apr" => 3,
        "jun" => 5,
        "jul" => 6,
        "aug" => 7,
        "sep" | "sept" => 8,
        "oct" => 9,
        "nov" => 10,
        "dec" => 11,
        _ => return None,
    };
    Some(p + 1)
}

/// True for a plausible calendar year written as four plain digits (1000 to 2100).
pub(crate) fn is_year_like(s: &str) -> bool {
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cardinal_words() {
        let cases = [
            ("seventeen", Some(17)),
            ("twenty-one", Some(21)),
            ("ninety", Some(90)),
            ("twenty-zero", None),
            ("first", None),
            ("twenty-first", None),
            ("", None),
        ];
        for (w, want) in cases {
            assert_eq!(cardinal_word(w), want, "{w}");
        }
    }

    #[test]
    fn numerals() {
        let cases = [
            ("300,000", Some((300000.0, 0))),
            ("2.5", Some((2.5, 1))),
            ("1,234.50", Some((1234.5, 2))),
            ("1.2.3", None),
            ("30,00", None),
            (",300", None),
            ("1234,567", None),
            ("12a", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_numeral(s), want, "{s}");
        }
    }

    #[test]
    fn years() {
        for (s, want) in [
            ("1991", true),
            ("2022", true),
            ("2199", false),
            ("300", false),
            ("5000", false),
        ] {
            assert_eq!(is_year_like(s), want, "{s}");
        }
    }

    #[test]
    fn months() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("May"), Some(5));
        assert_eq!(month_number("Mayday"), None);
    }
}
