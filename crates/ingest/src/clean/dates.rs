//! Datelines: lines that hold only a date (with an optional weekday, label and time), and the
//! normalisation of source-given dates to `YYYY-MM-DD`.
//!
//! Accepted: `November 25, 2022`, `Nov. 25 2022`, `25 Nov 2022`, `25th November 2022`,
//! `2022-11-25`, `2022/11/25`, `25.11.2022`, `11/25/2022` (month first unless the first
//! number cannot be a month), `2022-11-25T10:30:00Z`, each optionally after a weekday and a
//! label (`Published:`, `Updated on`) and before a time (`10:30 AM`, `10.30 a.m. GMT`, `+03:00`).

/// Longest line considered a dateline, in characters.
const MAX_DATELINE_CHARS: usize = 80;

const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("february", 2),
    ("feb", 2),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("may", 5),
    ("june", 6),
    ("jun", 6),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("october", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("dec", 12),
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "mon",
    "tuesday",
    "tue",
    "tues",
    "wednesday",
    "wed",
    "thursday",
    "thu",
    "thur",
    "thurs",
    "friday",
    "fri",
    "saturday",
    "sat",
    "sunday",
    "sun",
];

/// Words that may precede the date on a dateline.
const LABELS: &[&str] = &[
    "published",
    "posted",
    "updated",
    "last",
    "first",
    "on",
    "date",
    "dated",
];

/// Words that may follow the date (around a time).
const TIME_WORDS: &[&str] = &[
    "at", "am", "pm", "a.m", "p.m", "|", "-", "–", "—", "updated", "local", "time",
];

/// A calendar date.
type Ymd = (u32, u32, u32);

/// The date of a line that holds nothing but a date, as `YYYY-MM-DD`.
pub(crate) fn dateline(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > MAX_DATELINE_CHARS {
        return None;
    }
    let tokens = tokenize(line);
    let mut i = 0;
    while tokens
        .get(i)
        .is_some_and(|t| LABELS.contains(&t.lower.as_str()))
    {
        i += 1;
    }
    if tokens
        .get(i)
        .is_some_and(|t| WEEKDAYS.contains(&t.lower.as_str()))
    {
        i += 1;
    }
    let (ymd, used) = date_at(&tokens, i)?;
    if !tokens
        .get(i + used..)
        .unwrap_or(&[])
        .iter()
        .all(is_time_token)
    {
        return None;
    }
    Some(format(ymd))
}

/// A source-given date (`2022-11-25T10:30:00Z`, `2022-11-25 10:30:00`, `Nov 25, 2022`) as
/// `YYYY-MM-DD`; `None` when it cannot be read as a date.
pub(crate) fn normalize_date(value: &str) -> Option<String> {
    dateline(value)
}

struct Token {
    lower: String,
    original: String,
}

fn tokenize(line: &str) -> Vec<Token> {
    line.split(|c: char| c.is_whitespace() || c == ',')
        .map(|t| t.trim_matches(|c| matches!(c, '(' | ')' | ':')))
        .map(|t| t.trim_end_matches('.'))
        .filter(|t| !t.is_empty())
        .map(|t| Token {
            lower: t.to_lowercase(),
            original: t.to_string(),
        })
        .collect()
}

/// A date starting at token `i`, and how many tokens it used.
fn date_at(tokens: &[Token], i: usize) -> Option<(Ymd, usize)> {
    let first = tokens.get(i)?;
    if let Some(ymd) = numeric_date(&first.lower) {
        return Some((ymd, 1));
    }
    let second = tokens.get(i + 1)?;
    let third = tokens.get(i + 2)?;
    let year = year(&third.lower)?;
    let ymd = if let Some(month) = month(&first.lower) {
        (year, month, day(&second.lower)?)
    } else {
        (year, month(&second.lower)?, day(&first.lower)?)
    };
    valid(ymd).then_some((ymd, 3))
}

/// `2022-11-25`, `2022/11/25`, `2022-11-25T10:30Z`, `25.11.2022`, `11/25/2022`.
fn numeric_date(tok: &str) -> Option<Ymd> {
    let (date, time) = match tok.split_once('t') {
        Some((d, t)) => (d, Some(t)),
        None => (tok, None),
    };
    if time.is_some_and(|t| {
        !t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '+' | '-' | 'z'))
    }) {
        return None;
    }
    let sep = date.chars().find(|c| matches!(c, '-' | '/' | '.'))?;
    let parts: Vec<&str> = date.split(sep).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if ![a, b, c]
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    let ymd = if a.len() == 4 {
        (n(a)?, n(b)?, n(c)?)
    } else if c.len() == 4 {
        let (x, y) = (n(a)?, n(b)?);
        match sep {
            '.' => (n(c)?, y, x),
            // Month first, as in US usage, unless the first number cannot be a month.
            _ if x > 12 => (n(c)?, y, x),
            _ => (n(c)?, x, y),
        }
    } else {
        return None;
    };
    valid(ymd).then_some(ymd)
}

fn month(tok: &str) -> Option<u32> {
    MONTHS
        .iter()
        .find(|(name, _)| *name == tok)
        .map(|&(_, m)| m)
}

fn day(tok: &str) -> Option<u32> {
    let digits = tok.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &tok[digits.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") || digits.is_empty() || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

fn year(tok: &str) -> Option<u32> {
    (tok.len() == 4).then(|| tok.parse().ok()).flatten()
}

fn valid((y, m, d): Ymd) -> bool {
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1900..=2100).contains(&y) && (1..=days).contains(&d)
}

fn format((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// Times, meridiems, separators and time-zone abbreviations that may trail a date.
fn is_time_token(t: &Token) -> bool {
    let s = t.lower.as_str();
    if TIME_WORDS.contains(&s) {
        return true;
    }
    // 10:30, 10.30, 10:30:00, 10:30am, 9am
    let clock = s.strip_suffix("am").or_else(|| s.strip_suffix("pm"));
    let meridiem = clock.is_some();
    let clock = clock.unwrap_or(s);
    let parts: Vec<&str> = clock.split([':', '.']).collect();
    let numeric = parts
        .iter()
        .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    if numeric && (parts.len() == 2 || parts.len() == 3 || (meridiem && parts.len() == 1)) {
        return true;
    }
    // +03:00, -0500, UTC+3, GMT
    if let Some(offset) = s.strip_prefix(['+', '-']) {
        return !offset.is_empty() && offset.bytes().all(|b| b.is_ascii_digit() || b == b':');
    }
    let zone = t.original.split(['+', '-']).next().unwrap_or("");
    (2..=5).contains(&zone.len()) && zone.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! case {
        ($name:ident, $line:expr, $want:expr) => {
            #[test]
            fn $name() {
                assert_eq!(dateline($line).as_deref(), $want);
            }
        };
    }

    case!(month_day_year, "March 3, 2021", Some("2021-03-03"));
    case!(
        abbreviated_month_with_period,
        "Sept. 14 2020",
        Some("2020-09-14")
    );
    case!(day_month_year, "3 Mar 2021", Some("2021-03-03"));
    case!(ordinal_day, "14th September 2020", Some("2020-09-14"));
    case!(iso, "2021-03-03", Some("2021-03-03"));
    case!(
        iso_with_time,
        "2021-03-03T07:45:00+01:00",
        Some("2021-03-03")
    );
    case!(
        iso_with_spaced_time,
        "2021-03-03 07:45:00",
        Some("2021-03-03")
    );
    case!(dotted_european, "03.04.2021", Some("2021-04-03"));
    case!(slashed_us, "04/03/2021", Some("2021-04-03"));
    case!(
        slashed_day_first_when_unambiguous,
        "23/04/2021",
        Some("2021-04-23")
    );
    case!(
        weekday_and_time,
        "Wednesday, March 3, 2021 10:30 AM",
        Some("2021-03-03")
    );
    case!(
        label_and_zone,
        "Published: 3 March 2021 at 09.15 GMT",
        Some("2021-03-03")
    );
    case!(
        time_with_meridiem_glued,
        "Updated on Mar 3, 2021, 9am EST",
        Some("2021-03-03")
    );
    case!(leap_day, "February 29, 2024", Some("2024-02-29"));
    case!(not_a_leap_day, "February 29, 2023", None);
    case!(impossible_day, "April 31, 2021", None);
    case!(
        sentence_with_a_date,
        "The ferry sank on March 3, 2021.",
        None
    );
    case!(date_then_words, "March 3, 2021 was cold", None);
    case!(month_and_year_only, "March 2021", None);
    case!(plain_word, "Tuesday", None);
    case!(number_alone, "2021", None);
    case!(empty, "", None);

    #[test]
    fn normalizes_source_dates() {
        assert_eq!(
            normalize_date("2022-11-25T10:30:00Z").as_deref(),
            Some("2022-11-25")
        );
        assert_eq!(normalize_date("yesterday"), None);
    }
}
