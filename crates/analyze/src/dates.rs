//! Dates, absolute and relative to the article's publication date.
//!
//! What is found, and how it resolves (`date` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY`):
//!
//! | phrase | resolves to | `relative` |
//! |---|---|---|
//! | "November 25, 2022", "25 November 2022", "2022-11-25" | that day | false |
//! | "Nov. 25", "9 November" (no year) | the publication year, or the year before when the day would fall more than a week after publication | true |
//! | "September 2022" | that month | false |
//! | "in September", "since March" | as a day without a year, with a month of margin | true |
//! | "in 1991", "since 2014", "the 1991 fall" | that year | false |
//! | "on Friday", "Friday" | the most recent Friday on or before publication | true |
//! | "last Friday" / "next Friday" | the Friday strictly before / after publication | true |
//! | "yesterday", "today", "tomorrow", "last night", "this morning" | that day | true |
//! | "this month", "last month", "next month" | that month | true |
//! | "this year", "last year", "next year" | that year | true |
//! | "nine months ago", "two days ago", "a year ago" | day, month or year by the unit | true |
//! | "this week", "last week", "next week" | unresolved: a week has no form in the contract's date formats | true |
//!
//! Relative phrases keep `relative: true` even when there is no publication date to resolve
//! them against; their `date` is then null. Day names in the plural ("on Fridays") recur and
//! are not dates. Month and day names must be capitalised, so "may" the verb is never a month.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use parallax_model::DateMention;
use regex::{Captures, Regex};

use crate::numbers::{cardinal_word, month_number};

/// Month names and their usual abbreviations, capitalised as in prose.
const MONTH: &str = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
/// Full month names only: bare "Mar" or "Jun" after a preposition is too often not a month.
const MONTH_FULL: &str =
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)";
const DAY: &str = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:1[0-9]{3}|20[0-9]{2}|2100)";
/// Bare years are read as years only after these words ("in 1991"), to keep counts out.
const YEAR_PREP: &str = r"(?i:in|since|by|until|till|from|during|before|after|through|throughout)";
const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

/// Days after publication that an undated "9 November" may still fall on (a preview of an event
/// later that week), before we take it to be last year's.
const DAY_MARGIN: u64 = 7;
/// The same margin for a bare month ("elections in December" written in late November).
const MONTH_MARGIN: u64 = 31;

/// Finds dates in text. Build once, reuse.
pub struct DateExtractor {
    iso: Regex,
    month_day: Regex,
    day_month: Regex,
    month_year: Regex,
    bare_month: Regex,
    bare_year: Regex,
    the_year: Regex,
    weekday: Regex,
    relative: Regex,
    ago: Regex,
}

impl Default for DateExtractor {
    fn default() -> Self {
        Self::new()
    }
}

/// A date phrase before it gets its id.
struct Found {
    start: usize,
    end: usize,
    date: Option<String>,
    relative: bool,
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants, compiled by every test run; failure is a bug, not bad input.
    Regex::new(pattern).unwrap_or_else(|e| panic!("date pattern does not compile: {e}"))
}

impl DateExtractor {
    /// Builds the extractor.
    pub fn new() -> Self {
        // ASCII word boundaries keep the regexes on their fast path for text with curly quotes.
        let b = r"(?-u:\b)";
        DateExtractor {
            iso: compile(&format!(r"{b}({YEAR})-([01][0-9])-([0-3][0-9]){b}")),
            month_day: compile(&format!(
                r"{b}({MONTH})\.?\s+({DAY}){b}(?:,?\s+({YEAR}){b})?"
            )),
            day_month: compile(&format!(
                r"{b}({DAY})(?:\s+of)?\s+({MONTH}){b}(?:\.?,?\s+({YEAR}){b})?"
            )),
            month_year: compile(&format!(r"{b}({MONTH})\.?,?\s+({YEAR}){b}")),
            bare_month: compile(&format!(
                r"{b}({YEAR_PREP}|(?i:last|next|this|early|late|mid))\s+(?:(?i:early|late|mid)-?\s*)?({MONTH_FULL}){b}"
            )),
            bare_year: compile(&format!(
                r"{b}{YEAR_PREP}\s+(?:(?i:early|late|mid)-?\s*)?({YEAR}){b}"
            )),
            the_year: compile(&format!(r"{b}(?i:the)\s+({YEAR})\s+[a-z]")),
            weekday: compile(&format!(
                r"{b}(?:((?i:on|last|next|this))\s+)?({WEEKDAY}){b}"
            )),
            relative: compile(&format!(
                r"(?i){b}(the day before yesterday|yesterday|today|tomorrow|tonight|last night|(?:earlier |later )?this (?:morning|afternoon|evening|week|month|year)|(?:last|next) (?:week|month|year)){b}"
            )),
            ago: compile(&format!(
                r"(?i){b}([0-9]{{1,4}}|an?|[a-z]+(?:-[a-z]+)?)\s+(day|week|month|year|decade)s?\s+ago{b}"
            )),
        }
    }

    /// Dates in `text`, in text order, with ids `{id_prefix}:d{n}`; relative dates resolve
    /// against `published` (`YYYY-MM-DD…`) when given.
    pub fn extract(
        &self,
        text: &str,
        published: Option<&str>,
        id_prefix: &str,
    ) -> Vec<DateMention> {
        let published = published.and_then(parse_published);
        let mut found = self.absolute(text, published);
        self.relatives(text, published, &mut found);
        keep_longest(&mut found);
        found
            .into_iter()
            .enumerate()
            .map(|(n, f)| DateMention {
                id: format!("{id_prefix}:d{}", n + 1),
                start: f.start,
                end: f.end,
                text: text.get(f.start..f.end).unwrap_or("").to_string(),
                date: f.date,
                relative: f.relative,
            })
            .collect()
    }

    /// Spans of calendar dates and years (not of "nine months ago" and other durations), so that
    /// the figure extractor can leave their numbers alone.
    pub(crate) fn calendar_spans(&self, text: &str) -> Vec<(usize, usize)> {
        let mut found = self.absolute(text, None);
        keep_longest(&mut found);
        found.into_iter().map(|f| (f.start, f.end)).collect()
    }

    fn absolute(&self, text: &str, published: Option<NaiveDate>) -> Vec<Found> {
        let mut out = Vec::new();
        for c in self.iso.captures_iter(text) {
            let date = (|| ymd(num(&c, 1)?, num(&c, 2)?, num(&c, 3)?))();
            push(&mut out, &c, date, false);
        }
        for (re, month_at, day_at) in [(&self.month_day, 1, 2), (&self.day_month, 2, 1)] {
            for c in re.captures_iter(text) {
                let month = c.get(month_at).and_then(|m| month_number(m.as_str()));
                let day = c.get(day_at).and_then(|d| leading_number(d.as_str()));
                let (Some(month), Some(day)) = (month, day) else {
                    continue;
                };
                match num(&c, 3) {
                    Some(year) => push(&mut out, &c, ymd(year, month, day), false),
                    None => push(&mut out, &c, undated_day(published, month, day), true),
                }
            }
        }
        for c in self.month_year.captures_iter(text) {
            let month = c.get(1).and_then(|m| month_number(m.as_str()));
            let date = match (num(&c, 2), month) {
                (Some(y), Some(m)) => ym(y, m),
                _ => None,
            };
            push(&mut out, &c, date, false);
        }
        for c in self.bare_month.captures_iter(text) {
            // "in September 2022", "in September 25": the fuller date is found by another rule.
            let end = c.get(0).map_or(0, |m| m.end());
            let rest = text
                .get(end..)
                .unwrap_or("")
                .trim_start_matches([' ', ',', '.']);
            if rest.starts_with(|ch: char| ch.is_ascii_digit()) {
                continue;
            }
            let Some(month) = c.get(2).and_then(|m| month_number(m.as_str())) else {
                continue;
            };
            let lead = c
                .get(1)
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            let date = published.and_then(|p| bare_month(p, month, &lead));
            push(&mut out, &c, date, true);
        }
        for c in self.bare_year.captures_iter(text) {
            let date = num(&c, 1).map(|y| format!("{y:04}"));
            push(&mut out, &c, date, false);
        }
        for c in self.the_year.captures_iter(text) {
            // Only the year itself: "the" and the noun after it are not part of the date.
            if let Some(y) = c.get(1) {
                out.push(Found {
                    start: y.start(),
                    end: y.end(),
                    date: Some(y.as_str().to_string()),
                    relative: false,
                });
            }
        }
        out
    }

    fn relatives(&self, text: &str, published: Option<NaiveDate>, out: &mut Vec<Found>) {
        for c in self.weekday.captures_iter(text) {
            let lead = c
                .get(1)
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            let day = c.get(2).and_then(|m| m.as_str().parse::<Weekday>().ok());
            let date = match (published, day) {
                (Some(p), Some(d)) => weekday(p, d, &lead).map(|d| d.to_string()),
                _ => None,
            };
            push(out, &c, date, true);
        }
        for c in self.relative.captures_iter(text) {
            let phrase = c
                .get(1)
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            let date = published.and_then(|p| relative_phrase(p, &phrase));
            push(out, &c, date, true);
        }
        for c in self.ago.captures_iter(text) {
            let Some(n) = c.get(1).and_then(|m| count_word(m.as_str())) else {
                continue;
            };
            let unit = c
                .get(2)
                .map(|m| m.as_str().to_ascii_lowercase())
                .unwrap_or_default();
            let date = published.and_then(|p| ago(p, n, &unit));
            push(out, &c, date, true);
        }
    }
}

fn push(out: &mut Vec<Found>, c: &Captures<'_>, date: Option<String>, relative: bool) {
    if let Some(m) = c.get(0) {
        out.push(Found {
            start: m.start(),
            end: m.end(),
            date,
            relative,
        });
    }
}

/// Sorts by position and drops phrases inside (or overlapping) a longer one found earlier, so
/// "Nov. 25, 2022" is one date and not also "2022".
fn keep_longest(found: &mut Vec<Found>) {
    found.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut last_end = 0;
    found.retain(|f| {
        let keep = f.start >= last_end;
        if keep {
            last_end = f.end;
        }
        keep
    });
}

fn num(c: &Captures<'_>, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

/// The digits at the start of "25th".
fn leading_number(s: &str) -> Option<u32> {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.get(..end)?.parse().ok()
}

/// "nine", "9", "a" as a count for "… ago".
fn count_word(s: &str) -> Option<u32> {
    let s = s.to_ascii_lowercase();
    if s == "a" || s == "an" {
        return Some(1);
    }
    s.parse()
        .ok()
        .or_else(|| cardinal_word(&s).and_then(|v| u32::try_from(v).ok()))
}

fn parse_published(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim().get(..10)?, "%Y-%m-%d").ok()
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d).map(|d| d.to_string())
}

fn ym(y: u32, m: u32) -> Option<String> {
    (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}"))
}

/// A day and month without a year: the publication year, unless that puts it more than
/// [`DAY_MARGIN`] days after publication, then the year before.
fn undated_day(published: Option<NaiveDate>, month: u32, day: u32) -> Option<String> {
    let p = published?;
    let this_year = NaiveDate::from_ymd_opt(p.year(), month, day);
    let limit = p.checked_add_days(Days::new(DAY_MARGIN))?;
    match this_year {
        Some(d) if d <= limit => Some(d.to_string()),
        _ => NaiveDate::from_ymd_opt(p.year() - 1, month, day).map(|d| d.to_string()),
    }
}

/// "in September" (the most recent September, with a month of margin), "last September"
/// (strictly before the publication month), "next September" (strictly after).
fn bare_month(p: NaiveDate, month: u32, lead: &str) -> Option<String> {
    let this_year = NaiveDate::from_ymd_opt(p.year(), month, 1)?;
    let year = match lead {
        "last" if month >= p.month() => p.year() - 1,
        "next" if month <= p.month() => p.year() + 1,
        "last" | "next" | "this" => p.year(),
        _ if this_year > p.checked_add_days(Days::new(MONTH_MARGIN))? => p.year() - 1,
        _ => p.year(),
    };
    Some(format!("{year:04}-{month:02}"))
}

/// "on Friday" is the Friday on or before publication; "last Friday" strictly before it;
/// "next Friday" strictly after; "this Friday" on or after.
fn weekday(p: NaiveDate, day: Weekday, lead: &str) -> Option<NaiveDate> {
    let back = (7 + p.weekday().num_days_from_monday() - day.num_days_from_monday()) % 7;
    let ahead = (7 - back) % 7;
    match lead {
        "last" => p.checked_sub_days(Days::new(if back == 0 { 7 } else { u64::from(back) })),
        "next" => p.checked_add_days(Days::new(if ahead == 0 { 7 } else { u64::from(ahead) })),
        "this" => p.checked_add_days(Days::new(u64::from(ahead))),
        _ => p.checked_sub_days(Days::new(u64::from(back))),
    }
}

fn relative_phrase(p: NaiveDate, phrase: &str) -> Option<String> {
    let day = |d: Option<NaiveDate>| d.map(|d| d.to_string());
    let month = |d: Option<NaiveDate>| d.map(|d| format!("{:04}-{:02}", d.year(), d.month()));
    let phrase = phrase
        .trim_start_matches("earlier ")
        .trim_start_matches("later ");
    match phrase {
        "the day before yesterday" => day(p.checked_sub_days(Days::new(2))),
        "yesterday" | "last night" => day(p.checked_sub_days(Days::new(1))),
        "today" | "tonight" | "this morning" | "this afternoon" | "this evening" => day(Some(p)),
        "tomorrow" => day(p.checked_add_days(Days::new(1))),
        "this month" => month(Some(p)),
        "last month" => month(p.checked_sub_months(Months::new(1))),
        "next month" => month(p.checked_add_months(Months::new(1))),
        "this year" => Some(format!("{:04}", p.year())),
        "last year" => Some(format!("{:04}", p.year() - 1)),
        "next year" => Some(format!("{:04}", p.year() + 1)),
        // Weeks: no date format in the contract names a week.
        _ => None,
    }
}

fn ago(p: NaiveDate, n: u32, unit: &str) -> Option<String> {
    match unit {
        "day" => p
            .checked_sub_days(Days::new(u64::from(n)))
            .map(|d| d.to_string()),
        "week" => p
            .checked_sub_days(Days::new(7 * u64::from(n)))
            .map(|d| d.to_string()),
        "month" => p
            .checked_sub_months(Months::new(n))
            .map(|d| format!("{:04}-{:02}", d.year(), d.month())),
        "year" => Some(format!(
            "{:04}",
            p.year().checked_sub(i32::try_from(n).ok()?)?
        )),
        "decade" => Some(format!(
            "{:04}",
            p.year()
                .checked_sub(i32::try_from(n).ok()?.checked_mul(10)?)?
        )),
        _ => None,
    }
}
